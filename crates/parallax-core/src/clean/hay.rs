//! Sample pages for the cleaning and metadata tests: the five seed articles and pages in other styles.
//!
//! The pages beyond the seeds are our own writing, made up to exercise page layouts the seeds do not
//! show; the people and events in them are invented.

/// The seed articles, byte for byte, by file name.
pub(crate) const SEEDS: [(&str, &str); 5] = [
    (
        "000_1ff6c65baa8f3287.txt",
        include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
    ),
    (
        "001_6d476ae4c2a60732.txt",
        include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
    ),
    (
        "002_73400efa8faf97c7.txt",
        include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
    ),
    (
        "003_94b55c3c21052adc.txt",
        include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
    ),
    (
        "004_5b7ffd7ed0d8841e.txt",
        include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
    ),
];

pub(crate) fn seed(prefix: &str) -> &'static str {
    SEEDS
        .iter()
        .find(|(name, _)| name.starts_with(prefix))
        .map(|(_, text)| *text)
        .expect("a seed with that prefix")
}

/// A wire report: headline, agency byline, a date with a time, and a dateline opening the lede.
pub(crate) const WIRE_REPORT: &str = "\
Port authority fines shipping firm over fuel spill

By Jane Doe, Reuters

Published: March 3, 2024 10:42 AM GMT

ROTTERDAM (Reuters) - The port authority fined a shipping company 2.1 million euros on Sunday after a fuel spill closed two berths for a week, a spokesperson said.

\"We expect every operator to report leaks within the hour,\" the authority said in a statement.

The company said it would appeal.

Reporting by Jane Doe; Editing by John Roe
";

/// A blog post: share bar, newsletter prompt, a read-more link, tags and a comment section.
pub(crate) const BLOG_POST: &str = "\
Share this:
Facebook | Twitter | LinkedIn | Email

Why our town library should open on Sundays
Posted on 24 Dec 2021

Every Sunday the doors of the town library stay shut, while the parks, the cafes and the swimming pool are full of families.

Opening one extra day would cost less than the council spends each year on printed leaflets, according to the budget it published in spring.

Read more: How other towns fund weekend opening

Sign up for our newsletter and get the week's posts delivered to your inbox!

Tags: libraries, council, budget

3 Comments
Mark said the council would never agree to it.
Anna wrote that she would volunteer on Sundays.
";

/// An article with no chrome at all: nothing may leave its body.
pub(crate) const CLEAN_ARTICLE: &str = "\
The council voted on Tuesday to extend the bus route to the hospital, ending a two-year dispute.

Residents had collected more than 3,000 signatures for the extension.

\"It took too long,\" said Maria Lopez, who runs the residents' association. \"But it is done.\"

The new buses will run from June.
";

/// A Markdown post hard-wrapped at 72 columns, with a heading, a byline in capitals and a list.
pub(crate) const MARKDOWN_POST: &str = "\
# Ferry timetable changes for the winter

By JANE DOE and JOHN ROE

The ferry company will cut the number of daily crossings from six to four
between November and March, citing falling passenger numbers and the
cost of fuel.

## What changes

- The first crossing leaves at 7:30 instead of 6:45.
- The last crossing leaves at 19:00.

Passengers with season tickets will get a partial refund, the company
said.
";

/// A page whose only chrome is a cookie note and an advertisement marker in the middle.
pub(crate) const NEWS_PAGE_WITH_COOKIE_NOTE: &str = "\
We use cookies to improve your experience. By continuing to use this site, you agree.
Accept all

Jane Doe | Staff Writer
2021-12-24

City hall will close two branch offices next year to save money, the mayor announced on Friday.
Advertisement
The offices handle about 40 visitors a day, according to the city's own figures.
";

/// A news-site page: menu items and a section label above the headline, a relative time stamp,
/// share and save buttons, a bare name and outlet (which we leave alone: without "By" a name could be
/// anything), a picture caption, and topic links at the foot.
pub(crate) const NEWS_SITE_PAGE: &str = "\
Skip to content
Home
News
Weather
River breaks its banks after record rainfall, officials say
2 hours ago
Share
Save
Ana Ruiz
Valley News
Image caption,
Volunteers filled sandbags through the night
The river burst its banks on Tuesday after the wettest week on record, flooding about 200 homes, officials said.
\"We have never seen water this high,\" said the town's mayor, Peter Lang.
The weather service expects more rain on Thursday.
Related topics
Flooding
Weather
More on this story
";

/// An interview in Markdown: a quoted headline, the byline and date in emphasis, questions and answers.
pub(crate) const INTERVIEW: &str = "\
# \"We cannot afford to wait\": an interview with a soil scientist

*Interview by Ana Ruiz | 5 May 2024*

Q: Why do you think farms are changing so slowly?

A: Because the costs come now and the benefits come later. That is hard for any business.

Q: What would you change first?

A: Subsidies. We still pay people to drain peat bogs.
";

/// An op-ed: a section label, a headline, a one-sentence dek, byline and date, and a bio line.
pub(crate) const OP_ED: &str = "\
Opinion
The county must spend more on buses, and spend smarter
Bus budgets are rising. That is not the same as buses getting better.
By Mark Rutherford
June 26, 2025
When the council agreed to raise the transport budget by a fifth, many commentators declared victory.
They should not. Money is not service, and service is not reliability.
Mark Rutherford is a former transport planner.
";
