//! Sample sources for the import tests, written for these tests (not taken from any site): saved
//! news pages with their page furniture, Markdown with front matter, plain text.

/// A regional news site's article page as "Save page as… (HTML only)" writes it: skip link, site
/// header with navigation, cookie banner, the article with header, byline, time and figure, a share
/// bar, a related-stories aside, a comment section with its form, a newsletter box, a footer and
/// scripts (one of them JSON-LD).
pub const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge closure: council votes to delay repairs | The Coastal Courier</title>
<meta name="description" content="Councillors voted 7-4 to postpone the repairs.">
<meta property="og:title" content="Council votes to delay harbour bridge repairs">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2025-03-14T08:30:00Z">
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes to delay harbour bridge repairs",
 "datePublished":"2025-03-14T08:30:00Z","author":[{"@type":"Person","name":"Priya Raman"}],
 "publisher":{"@type":"Organization","name":"The Coastal Courier"}}
</script>
</head>
<body class="article-page">
<a class="skip-link" href="#content">Skip to content</a>
<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>We use cookies to improve your experience and to show you relevant advertising. By continuing to browse you agree to our cookie policy.</p>
  <button>Accept all</button> <button>Manage settings</button>
</div>
<header class="site-header">
  <a href="/" class="logo">The Coastal Courier</a>
  <nav aria-label="Sections">
    <ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul>
  </nav>
  <form class="search" action="/search"><input name="q" placeholder="Search the Courier"></form>
</header>
<main id="content">
<article class="story">
  <header>
    <p class="kicker">Local politics</p>
    <h1>Council votes to delay harbour bridge repairs</h1>
    <p class="byline">By <a rel="author" href="/staff/priya-raman">Priya Raman</a>, Local Democracy Reporter</p>
    <time datetime="2025-03-14T08:30:00Z">14 March 2025</time>
  </header>
  <div class="share-bar"><a href="https://twitter.com/share">Share on X</a> <a href="https://facebook.com/share">Share on Facebook</a> <a href="mailto:?subject=bridge">Email</a></div>
  <figure><img src="/img/bridge.jpg" alt="The harbour bridge at dusk"><figcaption>The bridge has been closed to lorries since January. Photo: Courier archive</figcaption></figure>
  <div class="story-body">
    <p>Repairs to the harbour bridge will not start before next spring, after councillors voted 7-4 on Thursday night to delay the &pound;4.2m project while a second engineering survey is carried out.</p>
    <p>The bridge, which carries about 11,000 vehicles a day, has been closed to lorries since January, when inspectors found corrosion in two of its steel bearings.</p>
    <p>&ldquo;We cannot sign a contract of this size on the strength of one report,&rdquo; said Councillor Mark Ellison, who chairs the finance committee. &ldquo;A second opinion will cost a fraction of what a mistake would.&rdquo;</p>
    <p>Opposition councillors said the delay would hurt businesses on the north shore. &ldquo;Every month this drags on, the hauliers take their trade somewhere else,&rdquo; said Councillor Dana Okafor.</p>
    <p>A council spokesperson said the bridge remained safe for cars and buses and that weight limits would be enforced with cameras from April.</p>
    <h2>What happens next</h2>
    <p>The second survey is expected to report in the autumn. If it confirms the first, work could begin in March next year and last about nine months, according to council papers.</p>
  </div>
  <footer class="article-footer"><p>Topics: <a href="/t/transport">Transport</a>, <a href="/t/council">Council</a></p></footer>
</article>
<aside class="related">
  <h2>More from the Courier</h2>
  <ul>
    <li><a href="/news/ferry-timetable">Ferry timetable changes for the summer season announced</a></li>
    <li><a href="/news/school-roof">School roof repairs finished ahead of schedule, says head teacher</a></li>
  </ul>
</aside>
<section id="comments" class="comments">
  <h2>3 comments</h2>
  <div class="comment"><p class="comment-author">harbourwatcher</p><p>Typical council, they always kick the can down the road and the rest of us pay for it.</p></div>
  <div class="comment"><p class="comment-author">J. Smith</p><p>At least they are checking before spending millions, which seems sensible to me.</p></div>
  <form id="respond" class="comment-form" action="/comments">
    <h3>Leave a reply</h3>
    <label for="c">Your comment</label><textarea id="c" name="comment">Please enter your comment here</textarea>
    <label for="n">Name</label><input id="n" name="name">
    <button type="submit">Post comment</button>
  </form>
</section>
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the day's top stories in your inbox, every weekday.</p><input type="email"><button>Subscribe</button></div>
</main>
<footer class="site-footer">
  <p>&copy; 2025 The Coastal Courier. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></p>
</footer>
<script src="/static/app.js"></script>
<script>document.querySelectorAll('.share-bar a').forEach(function (a) { a.addEventListener('click', track); });</script>
</body>
</html>
"##;

/// A blog post saved from a simple template: no <article> or <main>, paragraphs as loose text
/// with <br>s inside a content div, a sidebar of links, no metadata but <title> and a
/// "Posted by" line.
pub const PLAIN_BLOG_PAGE: &str = r#"<html><head><title>Why our village library matters - Notes from Elm Street</title></head>
<body>
<div id="top"><a href="/">Notes from Elm Street</a> | <a href="/about">About</a> | <a href="/archive">Archive</a></div>
<div id="sidebar"><h3>Blogroll</h3><a href="http://a.example">A friend's blog</a><br><a href="http://b.example">Another blog</a></div>
<div class="post">
<h2>Why our village library matters</h2>
<div class="postmeta">Posted by Tom Hale on 2 June 2024</div>
<div class="entry">
The parish council will decide next month whether to cut the library's opening hours from five days to two, and I think that would be a mistake.<br><br>
On Tuesday mornings the reading room is full: parents with toddlers, a knitting group, and pensioners who come in to read the papers, because, as one of them told me, the papers cost too much now.<br><br>
The council says the savings would be about &pound;8,000 a year. That is real money for a small parish, but it is also less than the cost of resurfacing the car park, which went ahead last year without much debate.
</div>
</div>
<div class="footer">Powered by a blogging engine. Theme by someone.</div>
</body></html>
"#;

/// A press release as Markdown with YAML front matter, a link, emphasis and a list.
pub const MARKDOWN_RELEASE: &str = "---
title: \"Rivers trust reports cleaner water at three sites\"
author: Helen Achterberg
date: 2025-05-02
tags: [environment, water]
---

# Rivers trust reports cleaner water at three sites

The **Lowland Rivers Trust** said on Friday that water quality had improved at three of the
eleven sites it monitors, citing [its annual survey](https://example.org/survey) of insect life.

> \"It is the first good news in four years,\" said _Maria Dean_, the trust's science officer.

The survey found:

- more mayfly larvae at Brook End,
- fewer algal blooms at the weir, and
- stable numbers elsewhere.

![A chart of the results](chart.png)

Farmers' groups welcomed the figures but said that 2 * 3 sites was not yet a trend, and that the snake_case_names in the data tables were hard to read.
";

/// A short agency-style story as a teacher would paste it: headline, byline, date, dateline.
pub const PASTED_STORY: &str = "Storm closes ferry routes for second day

By Colm Byrne

12 February 2025

DUBLIN (Agency) - Ferry operators cancelled all crossings between Dublin and Holyhead for a second day on Wednesday as gales of up to 110 km/h swept the Irish Sea.

\"Safety has to come first,\" a spokesperson for one operator said, adding that passengers would be offered refunds.

Forecasters expect the winds to ease by Thursday evening.
";

/// A council story as plain text, with headline and byline.
pub const BRIDGE_TEXT: &str = "Council votes to delay harbour bridge repairs

By Priya Raman

14 March 2025

Repairs to the harbour bridge will not start before next spring, after councillors voted 7-4 on Thursday night to delay the project while a second engineering survey is carried out.

\"We cannot sign a contract of this size on the strength of one report,\" said Councillor Mark Ellison, who chairs the finance committee.

Opposition councillors said the delay would hurt businesses on the north shore.
";
