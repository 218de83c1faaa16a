use expect_test::{expect, Expect};

use super::hay::{MARKDOWN_RELEASE, NEWS_PAGE, PASTED_STORY, PLAIN_BLOG_PAGE};
use super::*;

/// The imported text and metadata as one readable block.
fn show(imported: &Imported) -> String {
    let mut out = format!(
        "kind: {:?}\ntitle: {:?}\nbyline: {:?}\nauthor: {:?}\ndate: {:?}\n",
        imported.kind, imported.title, imported.byline, imported.author, imported.date
    );
    for note in &imported.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push_str("---\n");
    out.push_str(&imported.text);
    out.push('\n');
    out
}

fn check_html(page: &str, expect: Expect) {
    expect.assert_eq(&show(&from_html(page)));
}

#[test]
fn a_saved_news_page_loses_its_navigation_comments_and_scripts() {
    check_html(
        NEWS_PAGE,
        expect![[r#"
            kind: Html
            title: Some("Council votes to delay harbour bridge repairs")
            byline: Some("By Priya Raman, Local Democracy Reporter")
            author: Some("Priya Raman")
            date: Some("14 March 2025")
            ---
            Council votes to delay harbour bridge repairs

            By Priya Raman, Local Democracy Reporter
            14 March 2025

            Repairs to the harbour bridge will not start before next spring, after councillors voted 7-4 on Thursday night to delay the £4.2m project while a second engineering survey is carried out.

            The bridge, which carries about 11,000 vehicles a day, has been closed to lorries since January, when inspectors found corrosion in two of its steel bearings.

            “We cannot sign a contract of this size on the strength of one report,” said Councillor Mark Ellison, who chairs the finance committee. “A second opinion will cost a fraction of what a mistake would.”

            Opposition councillors said the delay would hurt businesses on the north shore. “Every month this drags on, the hauliers take their trade somewhere else,” said Councillor Dana Okafor.

            A council spokesperson said the bridge remained safe for cars and buses and that weight limits would be enforced with cameras from April.

            What happens next

            The second survey is expected to report in the autumn. If it confirms the first, work could begin in March next year and last about nine months, according to council papers.
        "#]],
    );
}

#[test]
fn what_a_saved_page_loses_is_listed_with_reasons() {
    let imported = from_html(NEWS_PAGE);
    let listed: Vec<String> = imported
        .removed
        .iter()
        .map(|r| {
            format!(
                "{}: {} — {}",
                r.line,
                r.reason,
                r.text.chars().take(50).collect::<String>()
            )
        })
        .collect();
    expect![[r#"
        [
            "19: navigation (in the saved page) — Skip to content",
            "20: pop-up (in the saved page) — We use cookies to improve your experience and to s",
            "24: page header (in the saved page) — The Coastal Courier NewsSportOpinionWeather",
            "33: article header (kept as metadata) (in the saved page) — Local politics Council votes to delay harbour brid",
            "39: share buttons (in the saved page) — Share on X Share on Facebook Email",
            "50: article footer (in the saved page) — Topics: Transport, Council",
            "52: aside (in the saved page) — More from the Courier Ferry timetable changes for ",
            "59: comments (in the saved page) — 3 comments harbourwatcher Typical council, they al",
            "70: newsletter sign-up (in the saved page) — Get the morning briefing Sign up for our free news",
            "72: page footer (in the saved page) — © 2025 The Coastal Courier. All rights reserved. P",
        ]
    "#]]
    .assert_debug_eq(&listed);
}

#[test]
fn a_page_without_article_markup_still_yields_its_prose() {
    check_html(
        PLAIN_BLOG_PAGE,
        expect![[r#"
            kind: Html
            title: Some("Why our village library matters")
            byline: None
            author: None
            date: None
            ---
            Why our village library matters

            Posted by Tom Hale on 2 June 2024

            The parish council will decide next month whether to cut the library's opening hours from five days to two, and I think that would be a mistake.

            On Tuesday mornings the reading room is full: parents with toddlers, a knitting group, and pensioners who come in to read the papers, because, as one of them told me, the papers cost too much now.

            The council says the savings would be about £8,000 a year. That is real money for a small parish, but it is also less than the cost of resurfacing the car park, which went ahead last year without much debate.
        "#]],
    );
}

#[test]
fn markdown_front_matter_becomes_metadata_and_syntax_markers_go() {
    expect![[r#"
        kind: Markdown
        title: Some("Rivers trust reports cleaner water at three sites")
        byline: Some("By Helen Achterberg")
        author: Some("Helen Achterberg")
        date: Some("2025-05-02")
        ---
        Rivers trust reports cleaner water at three sites

        By Helen Achterberg
        2025-05-02

        The Lowland Rivers Trust said on Friday that water quality had improved at three of the eleven sites it monitors, citing its annual survey of insect life.

        "It is the first good news in four years," said Maria Dean, the trust's science officer.

        The survey found:

        more mayfly larvae at Brook End,

        fewer algal blooms at the weir, and

        stable numbers elsewhere.

        Farmers' groups welcomed the figures but said that 2 * 3 sites was not yet a trend, and that the snake_case_names in the data tables were hard to read.
    "#]]
    .assert_eq(&show(&from_markdown(MARKDOWN_RELEASE)));
}

#[test]
fn the_engine_reads_the_header_lines_an_import_writes() {
    for (name, imported) in [
        ("page", from_html(NEWS_PAGE)),
        ("markdown", from_markdown(MARKDOWN_RELEASE)),
    ] {
        let analysis = crate::analyze(&imported.text);
        let metadata = &analysis.metadata;
        assert_eq!(metadata.title, imported.title, "{name}: title");
        assert_eq!(metadata.author, imported.author, "{name}: author");
        assert!(metadata.printed_date.is_some(), "{name}: the date is read");
        assert!(
            !analysis
                .text
                .starts_with(imported.title.as_deref().unwrap()),
            "{name}: the title is metadata, not the first paragraph"
        );
    }
}

#[test]
fn a_pasted_story_keeps_its_text_and_the_article_takes_the_detected_metadata() {
    let imported = from_text(PASTED_STORY);
    assert_eq!(imported.text, PASTED_STORY);
    let analysis = crate::analyze(&imported.text);
    let article = to_article(
        &imported,
        analysis,
        "storm".into(),
        "Pasted text",
        &Edits::default(),
    );
    expect![[r#"Storm closes ferry routes for second day | Colm Byrne | Some("By Colm Byrne") | Some("12 February 2025") | curated title: false"#]]
    .assert_eq(&format!(
        "{} | {} | {:?} | {:?} | curated title: {}",
        article.title, article.author, article.byline, article.printed_date, article.title_curated
    ));
}

#[test]
fn edits_win_over_what_the_source_says() {
    let imported = from_html(NEWS_PAGE);
    let analysis = crate::analyze(&imported.text);
    let edits = Edits {
        title: Some("  Bridge   repairs delayed ".into()),
        author: Some("P. Raman".into()),
        date: Some("14/03/2025".into()),
        topics: Some(vec!["economy".into()]),
    };
    let article = to_article(&imported, analysis, "bridge".into(), "page.html", &edits);
    assert_eq!(article.title, "Bridge repairs delayed");
    assert!(article.title_curated);
    assert_eq!(article.author, "P. Raman");
    assert_eq!(article.byline.as_deref(), Some("By P. Raman"));
    assert_eq!(article.printed_date.as_deref(), Some("14/03/2025"));
    assert_eq!(article.topics_curated, ["economy"]);
    assert!(
        article
            .analysis
            .removed
            .iter()
            .any(|r| r.reason.contains("comments")),
        "the page's removed parts reach the reader's list"
    );
}

#[test]
fn an_untitled_text_takes_the_fallback_title_and_says_so() {
    let imported = from_text("just a few words without a headline or any byline at all, really.");
    let analysis = crate::analyze(&imported.text);
    let article = to_article(
        &imported,
        analysis,
        "x".into(),
        "notes.txt",
        &Edits::default(),
    );
    assert_eq!(article.title, "notes.txt");
    assert!(article.title_curated);
    assert_eq!(article.author, NO_BYLINE);
    assert_eq!(article.byline, None);
    assert!(article.notes.iter().any(|n| n.contains("no title")));
}

#[test]
fn markup_and_script_in_text_stay_text() {
    let pasted =
        "<h1>Not a heading</h1>\n\n<script>alert('x')</script> is what the attacker typed.";
    let imported = from_text(pasted);
    let analysis = crate::analyze(&imported.text);
    assert!(analysis.text.contains("<script>alert('x')</script>"));
    // In a saved page, text that *displays* as a tag is text too, decoded once.
    let page = "<html><body><article><p>Type &lt;script&gt; into the box and, as the reporter found, nothing at all happens to the page.</p></article></body></html>";
    let imported = from_html(page);
    assert!(
        imported.text.contains("Type <script> into the box"),
        "{}",
        imported.text
    );
}

#[test]
fn binary_files_are_refused_with_what_they_seem_to_be() {
    let check = |bytes: &[u8], expect: Expect| {
        let refusal = read_file("dropped.html", bytes).expect_err("refused");
        expect.assert_eq(&refusal.to_string());
    };
    check(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        expect![[
            r#"This is a PNG image, not text. Parallax reads articles saved as .txt, .md or .html (in a browser: File › Save page as… › "Web page, HTML only"), or pasted text."#
        ]],
    );
    check(
        b"PK\x03\x04\x14\0\x06\0word/document.xml",
        expect![[
            r#"This is a zip archive (a Word or OpenDocument file is one too: save it as .txt first), not text. Parallax reads articles saved as .txt, .md or .html (in a browser: File › Save page as… › "Web page, HTML only"), or pasted text."#
        ]],
    );
    check(
        b"\x01\x02\x03\x04\x05\x06\x07\x08abc\x00\x01",
        expect![[
            r#"This is a binary file, not text. Parallax reads articles saved as .txt, .md or .html (in a browser: File › Save page as… › "Web page, HTML only"), or pasted text."#
        ]],
    );
    assert_eq!(
        read_file("empty.txt", b"   \n\n "),
        Err(Refusal::Empty),
        "an empty file says so"
    );
}

#[test]
fn sizes_are_refused_before_reading_and_named_in_the_message() {
    let five_megabytes = "word ".repeat(1024 * 1024) + "and a little more";
    let refusal = check_paste(&five_megabytes).expect_err("too large");
    expect!["This is 5.0 MB; Parallax reads up to 2 MB at a time, so that analysing it on this device stays quick. Import one article at a time, or a shorter part of it."]
    .assert_eq(&refusal.to_string());
    assert!(check_size(MAX_FILE_BYTES + 1, MAX_FILE_BYTES).is_err());
    assert!(check_paste(" \n ").is_err());
    assert!(check_paste("A headline\n\nA line.").is_ok());
}

#[test]
fn text_encodings_people_save_in_are_read() {
    let (text, note) = decode(b"\xef\xbb\xbfCaf\xc3\xa9");
    assert_eq!((text.as_str(), note), ("Café", None));
    let (text, note) = decode(b"\xff\xfeC\0a\0f\0\xe9\0");
    assert_eq!(text, "Café");
    assert!(note.unwrap().contains("UTF-16"));
    let (text, note) = decode(b"\x93Quoted\x94 caf\xe9 \x96 done");
    assert_eq!(text, "“Quoted” café – done");
    assert!(note.unwrap().contains("Windows-1252"));
    let imported = read_file("old.txt", b"Caf\xe9 society\n\nA paragraph.").expect("text");
    assert!(imported.notes.iter().any(|n| n.contains("Windows-1252")));
}

#[test]
fn the_kind_comes_from_the_name_else_from_the_content() {
    assert_eq!(kind_of("a.HTM", ""), SourceKind::Html);
    assert_eq!(kind_of("notes.md", "<html>"), SourceKind::Markdown);
    assert_eq!(
        kind_of("story", "  <!DOCTYPE html><html>"),
        SourceKind::Html
    );
    assert_eq!(kind_of("story.txt", "<!DOCTYPE html>"), SourceKind::Text);
    assert_eq!(kind_of("story", "Headline\n\nText"), SourceKind::Text);
}

#[test]
fn slugs_are_stable_readable_and_unique() {
    let none = |_: &str| false;
    assert_eq!(
        slug("Council votes to delay harbour bridge repairs", none),
        "council-votes-to-delay-harbour-bridge-repairs"
    );
    assert_eq!(
        slug("Zürich’s café: “Ça va?” — 2025!", none),
        "zurichs-cafe-ca-va-2025"
    );
    assert_eq!(slug("   ", none), "article");
    assert_eq!(slug("Путин", none), "article");
    let long = slug(&"word ".repeat(30), none);
    assert!(long.len() <= 60 && !long.ends_with('-'), "{long}");
    let taken = ["storm", "storm-2"];
    assert_eq!(slug("Storm", |s| taken.contains(&s)), "storm-3");
}

#[test]
fn broken_markup_never_panics_and_keeps_the_words() {
    for page in [
        "",
        "<",
        "<p>unclosed <b>bold <i>both</p> after",
        "<!-- never closed",
        "<script>var a = '</div>'; ",
        "<div class=\"x>text</div>",
        "&#xFFFFFF; &#0; &bogus; &amp",
        "<p>x</p></div></body></html></html>",
        "<a href=x>link<a href=y>nested</a>",
    ] {
        let imported = from_html(page);
        assert!(
            !imported.text.contains("<p>"),
            "{page:?} → {:?}",
            imported.text
        );
    }
    let imported = from_html("<p>unclosed <b>bold <i>both</p><p>Long enough second paragraph to be part of the article body, surely.</p>");
    assert!(
        imported.text.contains("Long enough second paragraph"),
        "{}",
        imported.text
    );
}
