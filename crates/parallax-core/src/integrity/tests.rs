use expect_test::{expect, Expect};

use super::{Context, Signal};
use crate::attribution::Attributions;
use crate::cues::hay;
use crate::meta::Metadata;
use crate::text;

fn render(text: &str, signals: &[Signal]) -> String {
    let mut out = String::new();
    for signal in signals {
        let evidence: Vec<&str> = signal
            .evidence
            .iter()
            .map(|span| span.slice(text))
            .collect();
        out.push_str(&format!(
            "{}: {}\n  evidence: {:?}\n",
            signal.kind.id(),
            signal.detail,
            evidence
        ));
    }
    out
}

/// Signals of a clean text with the given metadata (no attributions, nothing removed).
fn check(input: &str, metadata: &Metadata, expect: Expect) {
    let structure = text::structure(input);
    let context = Context {
        metadata,
        removed: &[],
        attributions: &Attributions::default(),
    };
    expect.assert_eq(&render(input, &super::check(input, &structure, &context)));
}

fn check_page(raw: &str, expect: Expect) {
    let analysis = crate::analyze(raw);
    expect.assert_eq(&render(&analysis.text, &analysis.integrity));
}

fn dated(iso: &str) -> Metadata {
    let mut parts = iso.split('-').map(|p| p.parse().unwrap());
    Metadata {
        byline: Some("By A. Writer".to_string()),
        date: Some(crate::meta::PrintedDate {
            printed: iso.to_string(),
            year: parts.next().map(|y: u32| y as i32),
            month: parts.next(),
            day: parts.next(),
            day_end: None,
            weekday: None,
            weekday_matches: None,
            iso: Some(iso.to_string()),
        }),
        ..Metadata::default()
    }
}

#[test]
fn reference_facts_parse_without_problems() {
    let facts = super::reference_facts();
    assert_eq!(facts.problems, Vec::<String>::new());
    assert!(facts.holders.len() > 40 && facts.events.len() > 10);
    for holder in &facts.holders {
        assert!(
            holder.end.is_none_or(|end| holder.start < end),
            "{}",
            holder.name
        );
    }
}

#[test]
fn days_round_trip() {
    let day = super::Day::parse("2024-02-29").unwrap();
    assert_eq!(day.ymd(), (2024, 2, 29));
    assert_eq!(day.to_string(), "29 February 2024");
    assert_eq!(super::Day::from_ymd(1970, 1, 1).0, 0);
}

#[test]
fn a_title_the_person_no_longer_held_contradicts_the_date() {
    check(
        "NATO Secretary General Jens Stoltenberg said the alliance would respond.\n\nFormer NATO chief Stoltenberg agreed.",
        &dated("2026-01-11"),
        expect![[r#"
            date_contradiction: The page is dated "2026-01-11", but the text presents Jens Stoltenberg as Secretary General of NATO (Secretary General). According to Parallax's reference facts, Jens Stoltenberg held that office from 1 October 2014 until 1 October 2024.
              evidence: ["Secretary General", "Jens Stoltenberg"]
            earliest_date: The text cannot have been written before 1 October 2014: it calls Jens Stoltenberg Secretary General of NATO (in office from 1 October 2014).
              evidence: ["Jens Stoltenberg"]
        "#]],
    );
}

#[test]
fn a_title_in_a_sentence_about_an_earlier_year_is_history() {
    check(
        "In 2019, NATO Secretary General Jens Stoltenberg said the alliance would respond.",
        &dated("2026-01-11"),
        expect![[r#"
            earliest_date: The text cannot have been written before 1 October 2014: it calls Jens Stoltenberg Secretary General of NATO (in office from 1 October 2014).
              evidence: ["Jens Stoltenberg"]
        "#]],
    );
}

#[test]
fn a_title_held_on_the_printed_date_is_fine() {
    check(
        "Russian Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken.",
        &dated("2021-12-24"),
        expect![[r#"
            earliest_date: The text cannot have been written before 26 January 2021: it calls Antony Blinken US Secretary of State (in office from 26 January 2021).
              evidence: ["Antony Blinken"]
        "#]],
    );
}

#[test]
fn an_old_summit_called_recent() {
    check(
        "The recent NATO summit in Vilnius showed divisions. Leaders will meet at the next NATO summit in Washington.",
        &dated("2026-03-02"),
        expect![[r#"
            stale_recent_event: The page is dated "2026-03-02" and calls the NATO summit in Vilnius recent, but it took place on 11 July 2023 to 12 July 2023, about 2 year(s) and 7 month(s) before that date.
              evidence: ["NATO summit in Vilnius"]
            earliest_date: The text cannot have been written before 11 July 2023: it mentions the NATO summit in Vilnius (11 July 2023 to 12 July 2023).
              evidence: ["NATO summit in Vilnius"]
        "#]],
    );
}

#[test]
fn an_event_after_the_printed_date() {
    check(
        "After Sweden joined NATO in March, the Baltic looked different.",
        &dated("2022-05-01"),
        expect![[r#"
            date_contradiction: The page is dated "2022-05-01", but it mentions Sweden joining NATO (7 March 2024), which is later than that date.
              evidence: ["Sweden joined NATO"]
            earliest_date: The text cannot have been written before 7 March 2024: it mentions Sweden joining NATO (7 March 2024).
              evidence: ["Sweden joined NATO"]
        "#]],
    );
}

#[test]
fn years_in_plans_do_not_count() {
    check(
        "Members agreed to spend 5% of GDP by 2035. The 2030 agenda was discussed in 2024.",
        &Metadata::default(),
        expect![[r#"
            no_byline: The page names no author.
              evidence: []
            earliest_date: The text cannot have been written before 1 January 2024: it mentions the year 2024.
              evidence: ["2024"]
        "#]],
    );
}

#[test]
fn experts_with_an_affiliation() {
    check(
        "\"It is a risk,\" said Dr. Ana Ruiz, senior fellow at the Institute for Sea Studies. Tom Ng, a shopkeeper, disagreed. Olga Petrova, professor of history at Lund University, was cautious.",
        &dated("2025-02-01"),
        expect![[r#"
            unconfirmed_expert: The text presents Ana Ruiz as senior fellow at the Institute for Sea Studies; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Ana Ruiz", "senior fellow at the Institute for Sea Studies"]
            unconfirmed_expert: The text presents Olga Petrova as professor of history at Lund University; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Olga Petrova", "professor of history at Lund University"]
        "#]],
    );
}

#[test]
fn statistics_with_and_without_sources() {
    check(
        "Some 40% of voters are undecided. A poll by the Civic Institute found 55% of them support it.\n\nOne in five residents, officials said, rents. Prices rose 12 per cent. Nearly 2 out of 3 homes are empty.",
        &dated("2025-02-01"),
        expect![[r#"
            unsourced_statistic: The figure(s) 40% come with no source in the text around them.
              evidence: ["40%"]
            unsourced_statistic: The figure(s) 2 out of 3 come with no source in the text around them.
              evidence: ["2 out of 3"]
        "#]],
    );
}

#[test]
fn wire_report() {
    check(hay::WIRE, &dated("2025-05-06"), expect![""]);
}

#[test]
fn business_story() {
    check(hay::BUSINESS, &dated("2025-10-22"), expect![[""]]);
}

#[test]
fn hedged_science_story() {
    check(hay::SCIENCE, &dated("2025-03-03"), expect![[""]]);
}

#[test]
fn seed_000() {
    check_page(
        hay::SEEDS[0].1,
        expect![[r#"
            no_byline: The page names no author.
              evidence: []
            page_chrome: The scraped page carried 6 line(s) of web-page furniture: "Top 5 This Week", "Related Posts", "LEAVE A REPLY" and 3 more.
              evidence: []
            date_contradiction: The page is dated "Sunday, January 11, 2026", but the text presents Gabrielius Landsbergis as Foreign Minister of Lithuania (foreign minister). According to Parallax's reference facts, Gabrielius Landsbergis held that office from 11 December 2020 until 12 December 2024.
              evidence: ["foreign minister", "Gabrielius Landsbergis"]
            date_contradiction: The page is dated "Sunday, January 11, 2026", but the text presents Jens Stoltenberg as Secretary General of NATO (Secretary-General). According to Parallax's reference facts, Jens Stoltenberg held that office from 1 October 2014 until 1 October 2024.
              evidence: ["Secretary-General", "Jens Stoltenberg"]
            stale_recent_event: The page is dated "Sunday, January 11, 2026" and calls the NATO summit in Madrid recent, but it took place on 28 June 2022 to 30 June 2022, about 3 year(s) and 6 month(s) before that date.
              evidence: ["NATO) summit in Madrid"]
            earliest_date: The text cannot have been written before 28 June 2022: it mentions the NATO summit in Madrid (28 June 2022 to 30 June 2022).
              evidence: ["NATO) summit in Madrid"]
            unconfirmed_expert: The text presents Hans Kundberg as senior fellow at the Norwegian Defense University; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Hans Kundberg", "senior fellow at the Norwegian Defense University"]
            unconfirmed_expert: The text presents Mark Maz tower as senior fellow at the Carnegie Endowment for International Peace; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Mark Maz tower", "senior fellow at the Carnegie Endowment for International Peace"]
        "#]],
    );
}

#[test]
fn seed_001() {
    check_page(
        hay::SEEDS[1].1,
        expect![[r#"
            earliest_date: The text cannot have been written before 1 October 2014: it calls Jens Stoltenberg Secretary General of NATO (in office from 1 October 2014).
              evidence: ["Jens Stoltenberg"]
        "#]],
    );
}

#[test]
fn seed_002() {
    check_page(
        hay::SEEDS[2].1,
        expect![[r#"
            no_byline: The page names no author.
              evidence: []
            page_chrome: The scraped page carried 1 line(s) of web-page furniture: "No comments:".
              evidence: []
            earliest_date: The text cannot have been written before 26 January 2021: it calls Antony Blinken US Secretary of State (in office from 26 January 2021).
              evidence: ["Antony Blinken"]
            unconfirmed_expert: The text presents Tiberio Graziani as chairman of Vision & Global Trends; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Tiberio Graziani", "chairman of Vision & Global Trends"]
            unconfirmed_expert: The text presents Jo Jakobsen as political science and international relations professor at the Norwegian University of Science and Technology; Parallax's reference facts cannot confirm this person or this affiliation.
              evidence: ["Jo Jakobsen", "political science and international relations professor at the Norwegian University of Science and Technology"]
        "#]],
    );
}

#[test]
fn seed_003() {
    check_page(
        hay::SEEDS[3].1,
        expect![[r#"
        no_byline: The page names no author.
          evidence: []
        ai_assistance: The page says: "📝 Note for Readers: This piece includes AI-assisted content. It's always a good idea to verify key facts from trusted sources."
          evidence: []
        earliest_date: The text cannot have been written before 1 January 1999: it mentions the year 1999.
          evidence: ["1999"]
    "#]],
    );
}

#[test]
fn seed_004() {
    check_page(
        hay::SEEDS[4].1,
        expect![[r#"
            no_byline: The page names no author.
              evidence: []
            earliest_date: The text cannot have been written before 24 June 2025: it mentions the NATO summit in The Hague (24 June 2025 to 25 June 2025).
              evidence: ["NATO summit in The Hague"]
        "#]],
    );
}

/// Pseudo-random text from a fixed seed: words the rules look for, quotes, digits, odd Unicode and line breaks.
fn noisy_text(seed: u64, len: usize) -> String {
    const PIECES: &[&str] = &[
        "the",
        "NATO",
        "summit",
        "in",
        "Madrid",
        "recent",
        "Secretary-General",
        "Jens",
        "Stoltenberg",
        "said",
        "claimed",
        "may",
        "May",
        "clearly",
        "not",
        "74%",
        "of",
        "voters",
        "2022",
        "by",
        "2035",
        "Dr.",
        "Ana",
        "Ruiz,",
        "fellow",
        "at",
        "the",
        "Institute",
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        ",",
        ".",
        "?",
        "!",
        "\n",
        "\n\n",
        "é",
        "😀",
        "ß",
        "İ",
        "-",
        "–",
        "so-called",
        "experts",
        "say",
        "regime",
        "per",
        "cent",
        "one",
        "in",
        "five",
        "former",
        "\u{0301}",
        "\t",
        "%",
    ];
    let mut state = seed;
    let mut out = String::with_capacity(len + 32);
    while out.len() < len {
        // A 64-bit linear congruential generator (Knuth's MMIX constants): deterministic, no dependency.
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let piece = PIECES[(state >> 33) as usize % PIECES.len()];
        out.push_str(piece);
        if !(state >> 20).is_multiple_of(3) {
            out.push(' ');
        }
    }
    out
}

/// Every span of every cue, frame, topic and signal of `input`, after checking it is valid.
fn all_spans_checked(input: &str) -> String {
    let structure = text::structure(input);
    let attributions = Attributions::default();
    let cues = crate::cues::find(input, &structure, &attributions);
    let frames = crate::frames::find(input, &structure);
    let topics = crate::topics::assign(input, &structure);
    let metadata = dated("2026-01-11");
    let context = Context {
        metadata: &metadata,
        removed: &[],
        attributions: &attributions,
    };
    let signals = super::check(input, &structure, &context);
    let spans = cues
        .iter()
        .map(|cue| cue.span)
        .chain(
            frames
                .paragraphs
                .iter()
                .flat_map(|p| p.frames.iter().flat_map(|f| f.evidence.iter().copied())),
        )
        .chain(
            topics
                .iter()
                .flat_map(|topic| topic.evidence.iter().copied()),
        )
        .chain(
            signals
                .iter()
                .flat_map(|signal| signal.evidence.iter().copied()),
        );
    for span in spans {
        assert!(
            span.start <= span.end && span.end <= input.len(),
            "{span:?} outside the text"
        );
        assert!(
            input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
            "{span:?} splits a character"
        );
    }
    format!("{cues:?}{frames:?}{topics:?}{signals:?}")
}

#[test]
fn empty_and_blank_input() {
    for input in ["", " ", "\n\n\n", "\"", "'", "“", "%", "2022"] {
        all_spans_checked(input);
    }
}

#[test]
fn a_megabyte_of_noise_gives_valid_spans_and_the_same_answer_twice() {
    let input = noisy_text(7, 1 << 20);
    let first = all_spans_checked(&input);
    assert_eq!(first, all_spans_checked(&input));
}

#[test]
fn arbitrary_bytes_decoded_lossily() {
    let mut state: u64 = 42;
    let bytes: Vec<u8> = (0..200_000)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect();
    let input = String::from_utf8_lossy(&bytes);
    let first = all_spans_checked(&input);
    assert_eq!(first, all_spans_checked(&input));
}
