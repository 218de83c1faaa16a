use expect_test::{expect, Expect};

use crate::cues::hay;
use crate::text;

/// Renders each assigned topic with its score and its distinct evidence words.
fn render(text: &str, topics: &[super::Topic]) -> String {
    let mut out = String::new();
    for topic in topics {
        let mut words: Vec<String> = topic
            .evidence
            .iter()
            .map(|span| span.slice(text).to_lowercase())
            .collect();
        words.dedup();
        words.sort();
        words.dedup();
        out.push_str(&format!("{} {} {:?}\n", topic.id, topic.score, words));
    }
    out
}

fn check(input: &str, expect: Expect) {
    let structure = text::structure(input);
    expect.assert_eq(&render(input, &super::assign(input, &structure)));
}

fn check_page(raw: &str, expect: Expect) {
    let analysis = crate::analyze(raw);
    expect.assert_eq(&render(&analysis.text, &analysis.topics));
}

#[test]
fn taxonomy_file_parses() {
    assert_eq!(super::topic_lexicon().problems, Vec::<String>::new());
    let taxonomy = super::taxonomy();
    assert!(taxonomy
        .iter()
        .all(|topic| !topic.label.is_empty() && !topic.description.is_empty()));
    assert!(taxonomy.len() >= 15);
}

#[test]
fn a_passing_mention_is_not_a_topic() {
    check(
        "The mayor opened a new library on Monday. Officials from the embassy attended. Many children came with their parents.",
        expect![[""]],
    );
}

#[test]
fn empty_text_has_no_topics() {
    check("", expect![[""]]);
}

#[test]
fn wire_report() {
    check(
        hay::WIRE,
        expect![[r#"
        labour 8 ["employers", "pay rise", "strike", "union", "walked out", "workers"]
    "#]],
    );
}

#[test]
fn opinion_column() {
    check(
        hay::OPED,
        expect![[r#"
        housing_cities 10 ["city hall", "council's", "councillors", "developers", "housing", "mayor", "renters", "rents", "sprawl"]
    "#]],
    );
}

#[test]
fn interview_transcript() {
    check(
        hay::INTERVIEW,
        expect![[r#"
        education 5 ["education", "head teacher", "school", "timetable"]
    "#]],
    );
}

#[test]
fn hedged_science_story() {
    check(
        hay::SCIENCE,
        expect![[r#"
        science_research 7 ["journal", "replicated", "researchers", "study", "university"]
    "#]],
    );
}

#[test]
fn sports_report() {
    check(
        hay::SPORTS,
        expect![[r#"
        sport 8 ["captain", "goalkeeper", "half-time", "manager", "matches", "penalty", "scoring", "seasons"]
    "#]],
    );
}

#[test]
fn business_story() {
    check(
        hay::BUSINESS,
        expect![[r#"
        economy_business 9 ["billion", "chief executive", "company", "forecast", "profit", "shares"]
    "#]],
    );
}

#[test]
fn seed_000() {
    check_page(
        hay::SEEDS[0].1,
        expect![[r#"
        defence_security 14 ["collective defense", "defense", "military", "missile", "nato", "nato's", "north atlantic treaty organization", "security challenges", "troops"]
        diplomacy 10 ["alliance", "alliance's", "ambassador", "diplomatic", "diplomats", "foreign minister", "summit"]
        migration 7 ["asylum", "border controls", "immigration", "migration"]
        democracy_governance 3 ["democracy", "democratic values"]
    "#]],
    );
}

#[test]
fn seed_001() {
    check_page(
        hay::SEEDS[1].1,
        expect![[r#"
        defence_security 12 ["arms race", "collective defense", "defense", "militarization", "military", "nato", "nato’s", "north atlantic treaty organization", "war"]
        diplomacy 9 ["alliance", "diplomacy", "diplomatic", "geopolitical", "international community", "international relations", "negotiations", "sanctions", "sphere of influence"]
    "#]],
    );
}

#[test]
fn seed_002() {
    check_page(
        hay::SEEDS[2].1,
        expect![[r#"
        diplomacy 11 ["alliance", "alliance's", "allies", "international relations", "secretary of state", "sphere of influence", "spheres of influence", "treaties"]
        defence_security 7 ["conflict", "military", "nato", "nato's", "war"]
    "#]],
    );
}

#[test]
fn seed_003() {
    check_page(
        hay::SEEDS[3].1,
        expect![[r#"
        democracy_governance 28 ["accountability", "authoritarian", "democracies", "democracy", "democratic", "democratic governance", "democratic institutions", "democratic values", "governance", "institutional reform", "rule of law", "transparency"]
        defence_security 22 ["collective defense", "conflict", "defense", "deterrence", "hybrid warfare", "military", "nato", "nato’s", "security challenges", "security threats", "warfare", "wars"]
        diplomacy 10 ["alliance", "alliance’s", "allies", "diplomatic", "geopolitical"]
    "#]],
    );
}

#[test]
fn seed_004() {
    check_page(
        hay::SEEDS[4].1,
        expect![[r#"
        defence_security 16 ["arms race", "defense spending", "militarization", "military", "nato", "nato’s", "security challenges", "security threats", "war"]
        diplomacy 7 ["alliance", "alliance’s", "foreign minister", "geopolitical", "international community", "summit"]
        economy_business 3 ["gdp", "spending"]
    "#]],
    );
}
