use expect_test::{expect, Expect};

use super::*;
use crate::clean::clean;
use crate::clean::hay::{
    self, BLOG_POST, CLEAN_ARTICLE, INTERVIEW, MARKDOWN_POST, NEWS_PAGE_WITH_COOKIE_NOTE,
    NEWS_SITE_PAGE, OP_ED, WIRE_REPORT,
};

/// Metadata detection on a whole page: every field that was found, with spans shown as text.
fn check(raw: &str, expect: Expect) {
    let cleaned = clean(raw);
    let metadata = detect(raw, &cleaned);
    let text = &cleaned.text;
    let mut out = String::new();
    let mut field = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push_str(&format!("{name}: {value}\n"));
        }
    };
    field("title", metadata.title.clone());
    field("subtitle", metadata.subtitle.clone());
    field("byline", metadata.byline.clone());
    field("author", metadata.author.clone());
    field(
        "authors",
        (metadata.authors.len() > 1).then(|| metadata.authors.join(" / ")),
    );
    field("role", metadata.author_role.clone());
    field("outlet", metadata.outlet.clone());
    field("printed date", metadata.printed_date.clone());
    field("date", metadata.date.as_ref().map(show_date));
    field(
        "dateline",
        metadata.dateline.as_ref().map(|d| {
            format!(
                "{:?} place={} agency={:?}",
                d.span.slice(text),
                d.place,
                d.agency
            )
        }),
    );
    field(
        "lede",
        metadata
            .lede
            .map(|span| span.slice(text).chars().take(60).collect()),
    );
    for disclosure in &metadata.disclosures {
        field(
            "disclosure",
            Some(format!(
                "{:?} (line {}): {}",
                disclosure.kind, disclosure.line, disclosure.text
            )),
        );
    }
    expect.assert_eq(&out);
}

fn show_date(date: &PrintedDate) -> String {
    let mut out = format!("iso={:?}", date.iso);
    if date.year.is_none() {
        out.push_str(&format!(
            " partial month={:?} day={:?}",
            date.month, date.day
        ));
    }
    if let Some(end) = date.day_end {
        out.push_str(&format!(" to day {end}"));
    }
    if let Some(weekday) = &date.weekday {
        out.push_str(&format!(
            " weekday={weekday} matches={:?}",
            date.weekday_matches
        ));
    }
    out
}

/// Date parsing on its own: one line per input.
fn check_dates(inputs: &[&str], expect: Expect) {
    let out: String = inputs
        .iter()
        .map(|input| {
            format!(
                "{input:?} -> {}\n",
                parse_date_line(input)
                    .as_ref()
                    .map_or("not a date".to_owned(), show_date)
            )
        })
        .collect();
    expect.assert_eq(&out);
}

/// Byline parsing on its own: one line per input.
fn check_bylines(inputs: &[&str], expect: Expect) {
    let out: String = inputs
        .iter()
        .map(|input| match parse_byline(input) {
            Some(b) => format!(
                "{input:?} -> authors={:?} role={:?} outlet={:?}\n",
                b.authors, b.role, b.outlet
            ),
            None => format!("{input:?} -> not a byline\n"),
        })
        .collect();
    expect.assert_eq(&out);
}

#[test]
fn seed_000() {
    check(
        hay::seed("000"),
        expect![[r#"
        title: The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability
        printed date: Sunday, January 11, 2026
        date: iso=Some("2026-01-11") weekday=Sunday matches=Some(true)
        lede: The recent diplomatic spat between Lithuania and Belarus, wh
    "#]],
    );
}

#[test]
fn seed_001() {
    check(
        hay::seed("001"),
        expect![[r#"
        byline: by Martin Haffner Associate Editor
        author: Martin Haffner
        role: Associate Editor
        lede: In an era marked by geopolitical tension and shifting allian
    "#]],
    );
}

#[test]
fn seed_002() {
    check(
        hay::seed("002"),
        expect![[r#"
        title: NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'
        subtitle: Why is NATO in Denial of West's Non-Expansion Vows & Importance of Russia's 'Sphere of Influence'?
        printed date: Friday, December 24, 2021
        date: iso=Some("2021-12-24") weekday=Friday matches=Some(true)
        lede: In response to Russia's security proposal envisaging NATO's 
    "#]],
    );
}

#[test]
fn seed_003() {
    check(
        hay::seed("003"),
        expect![[r#"
        lede: NATO plays a pivotal role in fostering democracy and stabili
        disclosure: AiAssistance (line 1): 📝 Note for Readers: This piece includes AI-assisted content. It's always a good idea to verify key facts from trusted sources.
    "#]],
    );
}

#[test]
fn seed_004() {
    check(
        hay::seed("004"),
        expect![[r#"
        title: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns
        lede: The recent NATO summit in The Hague, held on June 24-25, has
    "#]],
    );
}

#[test]
fn wire_report() {
    check(
        WIRE_REPORT,
        expect![[r#"
        title: Port authority fines shipping firm over fuel spill
        byline: By Jane Doe, Reuters
        author: Jane Doe
        outlet: Reuters
        printed date: March 3, 2024
        date: iso=Some("2024-03-03")
        dateline: "ROTTERDAM (Reuters) -" place=ROTTERDAM agency=Some("Reuters")
        lede: ROTTERDAM (Reuters) - The port authority fined a shipping co
    "#]],
    );
}

#[test]
fn blog_post() {
    check(
        BLOG_POST,
        expect![[r#"
        title: Why our town library should open on Sundays
        printed date: 24 Dec 2021
        date: iso=Some("2021-12-24")
        lede: Every Sunday the doors of the town library stay shut, while 
    "#]],
    );
}

#[test]
fn clean_article() {
    check(
        CLEAN_ARTICLE,
        expect![[r#"
        lede: The council voted on Tuesday to extend the bus route to the 
    "#]],
    );
}

#[test]
fn markdown_post() {
    check(
        MARKDOWN_POST,
        expect![[r#"
        title: Ferry timetable changes for the winter
        byline: By JANE DOE and JOHN ROE
        author: Jane Doe and John Roe
        authors: Jane Doe / John Roe
        lede: The ferry company will cut the number of daily crossings fro
    "#]],
    );
}

#[test]
fn staff_writer_page() {
    check(
        NEWS_PAGE_WITH_COOKIE_NOTE,
        expect![[r#"
        byline: Jane Doe | Staff Writer
        author: Jane Doe
        role: Staff Writer
        printed date: 2021-12-24
        date: iso=Some("2021-12-24")
        lede: City hall will close two branch offices next year to save mo
    "#]],
    );
}

#[test]
fn news_site_page() {
    check(
        NEWS_SITE_PAGE,
        expect![[r#"
        title: River breaks its banks after record rainfall, officials say
        lede: The river burst its banks on Tuesday after the wettest week 
    "#]],
    );
}

#[test]
fn interview() {
    check(
        INTERVIEW,
        expect![[r#"
        title: "We cannot afford to wait": an interview with a soil scientist
        byline: Interview by Ana Ruiz
        author: Ana Ruiz
        printed date: 5 May 2024
        date: iso=Some("2024-05-05")
        lede: Q: Why do you think farms are changing so slowly?
    "#]],
    );
}

#[test]
fn op_ed() {
    check(
        OP_ED,
        expect![[r#"
        title: The county must spend more on buses, and spend smarter
        subtitle: Bus budgets are rising. That is not the same as buses getting better.
        byline: By Mark Rutherford
        author: Mark Rutherford
        printed date: June 26, 2025
        date: iso=Some("2025-06-26")
        lede: When the council agreed to raise the transport budget by a f
    "#]],
    );
}

#[test]
fn byline_and_date_on_one_line() {
    check("By Jane Doe | Dec. 24, 2021\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n", expect![[r#"
        byline: By Jane Doe
        author: Jane Doe
        printed date: Dec. 24, 2021
        date: iso=Some("2021-12-24")
        lede: The harbour will close for repairs in January, the port auth
    "#]]);
}

#[test]
fn a_short_first_paragraph_is_not_a_title() {
    check(
        "He said: \"We will not give up.\"\n\nThe strike entered its third week on Monday, with no talks planned, the union said.\n",
        expect![[r#"
            lede: The strike entered its third week on Monday, with no talks p
        "#]],
    );
    check(
        "Prices are rising. That hurts\n\nInflation reached 4% in March, the statistics office said on Tuesday morning.\n",
        expect![[r#"
            lede: Inflation reached 4% in March, the statistics office said on
        "#]],
    );
    check(
        "U.S. Warns St. Petersburg Firms Over Exports\n\nThe government warned companies on Monday that new export rules would apply from June.\n",
        expect![[r#"
            title: U.S. Warns St. Petersburg Firms Over Exports
            lede: The government warned companies on Monday that new export ru
        "#]],
    );
}

#[test]
fn organisation_bylines() {
    check(
        "Why the harbour plan fails its workers\n\nPosted by the Dock Workers' Union, Harbour branch\n\nThe port authority announced on Monday that it would automate two of its four terminals.\n",
        expect![[r#"
            title: Why the harbour plan fails its workers
            byline: Posted by the Dock Workers' Union, Harbour branch
            author: Dock Workers' Union
            lede: The port authority announced on Monday that it would automat
        "#]],
    );
    check(
        "By the Editorial Board\n\nThe city should not sell its last public swimming pool to pay for a budget hole of its own making.\n",
        expect![[r#"
            byline: By the Editorial Board
            author: Editorial Board
            lede: The city should not sell its last public swimming pool to pa
        "#]],
    );
    check(
        "By the end of the year the plan was dead\n\nNobody in the council wanted to say so in public, but everyone knew it by the summer.\n",
        expect![[r#"
            title: By the end of the year the plan was dead
            lede: Nobody in the council wanted to say so in public, but everyo
        "#]],
    );
}

#[test]
fn markdown_front_matter() {
    check(
        "---\ntitle: \"Night buses return to the old town\"\nauthor: Jane Doe\ndate: 2024-05-05T10:00:00+02:00\nlayout: post\ntags: [transport]\n---\n\nNight buses will run through the old town again from June, the transport authority said.\n",
        expect![[r#"
            title: Night buses return to the old town
            byline: Jane Doe
            author: Jane Doe
            printed date: 2024-05-05
            date: iso=Some("2024-05-05")
            lede: Night buses will run through the old town again from June, t
        "#]],
    );
}

#[test]
fn printed_and_updated_dates_on_one_line() {
    check(
        "Dec 24, 2021 | Updated Dec 25, 2021 14:02\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n",
        expect![[r#"
            printed date: Dec 24, 2021
            date: iso=Some("2021-12-24")
            lede: The harbour will close for repairs in January, the port auth
        "#]],
    );
}

#[test]
fn blog_post_header() {
    check(
        "Six weeks of cycling to work\n\nPosted by Jo on 3 March 2024\n\nI started cycling to work in January, and I have not missed a day since, rain or shine.\n",
        expect![[r#"
            title: Six weeks of cycling to work
            byline: Posted by Jo
            author: Jo
            printed date: 3 March 2024
            date: iso=Some("2024-03-03")
            lede: I started cycling to work in January, and I have not missed 
        "#]],
    );
}

#[test]
fn press_release_label_is_not_the_title() {
    check(
        "FOR IMMEDIATE RELEASE\n\nCity museum opens new wing for local history\n\nThe museum will open its new wing on Saturday, the director announced in a statement.\n\n###\n\nMedia contact: press@museum.example\n",
        expect![[r#"
            title: City museum opens new wing for local history
            lede: The museum will open its new wing on Saturday, the director 
        "#]],
    );
}

#[test]
fn datelines() {
    check("KYIV, Ukraine \u{2014} Air raid sirens sounded across the capital early on Tuesday, officials said.\n", expect![[r#"
        dateline: "KYIV, Ukraine —" place=KYIV, Ukraine agency=None
        lede: KYIV, Ukraine — Air raid sirens sounded across the capital e
    "#]]);
    check("BRUSSELS, Dec 24 (AP) - Ministers met for a second day of talks on the budget, diplomats said.\n", expect![[r#"
        dateline: "BRUSSELS, Dec 24 (AP) -" place=BRUSSELS agency=Some("AP")
        lede: BRUSSELS, Dec 24 (AP) - Ministers met for a second day of ta
    "#]]);
    check(
        "(Reuters) - The central bank kept interest rates unchanged on Thursday, as economists had expected.\n",
        expect![[r#"
            dateline: "(Reuters) -" place= agency=Some("Reuters")
            lede: (Reuters) - The central bank kept interest rates unchanged o
        "#]],
    );
    check("Moscow - this is not a dateline because the place is not in capitals and no agency is named.\n", expect![[r#"
        lede: Moscow - this is not a dateline because the place is not in 
    "#]]);
}

#[test]
fn date_forms() {
    check_dates(
        &[
            "Friday, December 24, 2021",
            "24 Dec 2021",
            "2021-12-24",
            "Dec. 24, 2021",
            "Sept. 5, 2021",
            "24th of December 2021",
            "Tue 24 December 2021",
            "June 24-25",
            "24\u{2013}25 June 2025",
            "December 2021",
            "Published: 3 March 2024 at 10:42 GMT",
            "Updated Jan 11, 2026, 9:05 a.m. ET",
            "2026-01-11T09:05:00Z",
            "Monday, December 24, 2021",
            "February 29, 2023",
            "February 29",
            "2021-13-01",
            "May",
            "2021",
            "May the alliance hold",
            "Meeting on June 24 to discuss the budget",
        ],
        expect![[r#"
            "Friday, December 24, 2021" -> iso=Some("2021-12-24") weekday=Friday matches=Some(true)
            "24 Dec 2021" -> iso=Some("2021-12-24")
            "2021-12-24" -> iso=Some("2021-12-24")
            "Dec. 24, 2021" -> iso=Some("2021-12-24")
            "Sept. 5, 2021" -> iso=Some("2021-09-05")
            "24th of December 2021" -> iso=Some("2021-12-24")
            "Tue 24 December 2021" -> iso=Some("2021-12-24") weekday=Tuesday matches=Some(false)
            "June 24-25" -> iso=None partial month=Some(6) day=Some(24) to day 25
            "24–25 June 2025" -> iso=Some("2025-06-24") to day 25
            "December 2021" -> iso=Some("2021-12")
            "Published: 3 March 2024 at 10:42 GMT" -> iso=Some("2024-03-03")
            "Updated Jan 11, 2026, 9:05 a.m. ET" -> iso=Some("2026-01-11")
            "2026-01-11T09:05:00Z" -> iso=Some("2026-01-11")
            "Monday, December 24, 2021" -> iso=Some("2021-12-24") weekday=Monday matches=Some(false)
            "February 29, 2023" -> not a date
            "February 29" -> iso=None partial month=Some(2) day=Some(29)
            "2021-13-01" -> not a date
            "May" -> not a date
            "2021" -> not a date
            "May the alliance hold" -> not a date
            "Meeting on June 24 to discuss the budget" -> not a date
        "#]],
    );
}

#[test]
fn byline_forms() {
    check_bylines(
        &[
            "by Martin Haffner Associate Editor",
            "By Jane Doe, Reuters",
            "Jane Doe | Staff Writer",
            "By JANE DOE and JOHN ROE",
            "By Ann Poe, Jane Doe and John Roe",
            "By Jane Doe and John Roe, Associated Press",
            "Written by Ursula von der Leyen",
            "By Reuters",
            "By SEAN O'BRIEN-SMITH, Defence Correspondent",
            "Jane Doe",
            "By contrast, the ministry said nothing.",
            "By the end of 2025 the plan was dead",
            "Staff Writer",
            "Posted by Jo in Life, Work",
        ],
        expect![[r#"
            "by Martin Haffner Associate Editor" -> authors=["Martin Haffner"] role=Some("Associate Editor") outlet=None
            "By Jane Doe, Reuters" -> authors=["Jane Doe"] role=None outlet=Some("Reuters")
            "Jane Doe | Staff Writer" -> authors=["Jane Doe"] role=Some("Staff Writer") outlet=None
            "By JANE DOE and JOHN ROE" -> authors=["Jane Doe", "John Roe"] role=None outlet=None
            "By Ann Poe, Jane Doe and John Roe" -> authors=["Ann Poe", "Jane Doe", "John Roe"] role=None outlet=None
            "By Jane Doe and John Roe, Associated Press" -> authors=["Jane Doe", "John Roe"] role=None outlet=Some("Associated Press")
            "Written by Ursula von der Leyen" -> authors=["Ursula von der Leyen"] role=None outlet=None
            "By Reuters" -> authors=["Reuters"] role=None outlet=Some("Reuters")
            "By SEAN O'BRIEN-SMITH, Defence Correspondent" -> authors=["Sean O'Brien-Smith"] role=Some("Defence Correspondent") outlet=None
            "Jane Doe" -> not a byline
            "By contrast, the ministry said nothing." -> not a byline
            "By the end of 2025 the plan was dead" -> not a byline
            "Staff Writer" -> not a byline
            "Posted by Jo in Life, Work" -> authors=["Jo"] role=None outlet=None
        "#]],
    );
}
