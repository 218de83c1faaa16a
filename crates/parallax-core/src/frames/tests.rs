use expect_test::{expect, Expect};

use crate::cues::hay;
use crate::text;

/// Renders the article's frames, then each paragraph's dominant frame with its evidence words.
fn render(text: &str, frames: &super::ArticleFrames) -> String {
    let mut out = String::new();
    let article: Vec<String> = frames
        .article
        .iter()
        .map(|s| format!("{} {} ({} ¶)", s.frame.id(), s.score, s.dominant_in))
        .collect();
    out.push_str(&format!(
        "article: {} <- {}\n",
        frames.dominant.map_or("none", |f| f.id()),
        article.join(", ")
    ));
    for paragraph in &frames.paragraphs {
        let top = paragraph.frames.first();
        let words: Vec<&str> = top
            .map(|e| e.evidence.iter().map(|span| span.slice(text)).collect())
            .unwrap_or_default();
        let runner_up = paragraph
            .frames
            .get(1)
            .map(|e| format!("; then {} {}", e.frame.id(), e.score))
            .unwrap_or_default();
        out.push_str(&format!(
            "¶{} {} {} {:?}{runner_up}\n",
            paragraph.paragraph,
            paragraph.dominant.id(),
            top.map_or(0, |e| e.score),
            words
        ));
    }
    out
}

fn check(input: &str, expect: Expect) {
    let structure = text::structure(input);
    expect.assert_eq(&render(input, &super::find(input, &structure)));
}

fn check_page(raw: &str, expect: Expect) {
    let analysis = crate::analyze(raw);
    expect.assert_eq(&render(&analysis.text, &analysis.frames));
}

#[test]
fn frame_file_parses_and_names_every_frame() {
    let lexicon = super::frame_lexicon();
    assert_eq!(lexicon.problems, Vec::<String>::new());
    for frame in super::Frame::ALL {
        assert!(
            !frame.description().is_empty(),
            "{} has no description",
            frame.id()
        );
    }
}

#[test]
fn a_repeated_word_counts_twice_at_most() {
    check(
        "Troops, troops, troops and more troops. The budget and its costs.\n\nNothing here.",
        expect![[r#"
            article: security_and_defense <- security_and_defense 2 (1 ¶), economic 2 (0 ¶)
            ¶0 security_and_defense 2 ["Troops", "troops", "troops", "troops"]; then economic 2
            ¶1 other 0 []
        "#]],
    );
}

#[test]
fn wire_report() {
    check(
        hay::WIRE,
        expect![[r#"
        article: economic <- economic 1 (0 ¶), policy_prescription_and_evaluation 1 (0 ¶)
        ¶0 other 0 []
        ¶1 other 0 []
        ¶2 other 1 ["pay rise"]
        ¶3 other 1 ["plans"]
        ¶4 other 0 []
    "#]],
    );
}

#[test]
fn opinion_column() {
    check(
        hay::OPED,
        expect![[r#"
        article: quality_of_life <- quality_of_life 4 (1 ¶), policy_prescription_and_evaluation 3 (0 ¶), political 2 (0 ¶), morality 1 (0 ¶)
        ¶0 other 1 ["housing"]; then policy_prescription_and_evaluation 1
        ¶1 quality_of_life 3 ["families", "Rents", "renters"]; then political 2
        ¶2 other 1 ["shameful"]
        ¶3 other 1 ["plan"]
    "#]],
    );
}

#[test]
fn hedged_science_story() {
    check(
        hay::SCIENCE,
        expect![[r#"
        article: none <- 
        ¶0 other 0 []
        ¶1 other 0 []
        ¶2 other 0 []
        ¶3 other 0 []
    "#]],
    );
}

#[test]
fn sports_report() {
    check(
        hay::SPORTS,
        expect![[r#"
        article: none <- 
        ¶0 other 0 []
        ¶1 other 0 []
        ¶2 other 0 []
        ¶3 other 0 []
    "#]],
    );
}

#[test]
fn business_story() {
    check(
        hay::BUSINESS,
        expect![[r#"
        article: economic <- economic 14 (4 ¶)
        ¶0 economic 4 ["Shares", "profit", "forecast", "costs"]
        ¶1 economic 4 ["profit", "million", "million", "euros", "million"]
        ¶2 economic 3 ["price", "costs", "costs"]
        ¶3 economic 3 ["forecast", "billion", "euros"]
    "#]],
    );
}

#[test]
fn seed_000() {
    check_page(
        hay::SEEDS[0].1,
        expect![[r#"
        article: external_regulation_and_reputation <- external_regulation_and_reputation 20 (5 ¶), security_and_defense 16 (3 ¶), policy_prescription_and_evaluation 6 (1 ¶), morality 5 (0 ¶), cultural_identity 4 (0 ¶), political 4 (0 ¶), public_opinion 3 (1 ¶), capacity_and_resources 3 (0 ¶), legality_constitutionality_jurisprudence 3 (0 ¶), crime_and_punishment 2 (0 ¶), quality_of_life 2 (0 ¶)
        ¶0 external_regulation_and_reputation 3 ["diplomatic", "summit", "alliance"]; then legality_constitutionality_jurisprudence 1
        ¶1 external_regulation_and_reputation 2 ["foreign minister", "alliance"]; then morality 2
        ¶2 other 1 ["defense"]; then political 1
        ¶3 public_opinion 2 ["survey", "respondents"]; then capacity_and_resources 1
        ¶4 external_regulation_and_reputation 3 ["diplomatic", "alliance", "ambassador"]; then crime_and_punishment 2
        ¶5 other 1 ["aggression"]; then external_regulation_and_reputation 1
        ¶6 other 1 ["values"]; then security_and_defense 1
        ¶7 security_and_defense 2 ["troops", "security"]; then policy_prescription_and_evaluation 1
        ¶8 external_regulation_and_reputation 3 ["alliance's", "International", "alliance"]; then cultural_identity 1
        ¶9 external_regulation_and_reputation 2 ["diplomats", "alliance's"]
        ¶10 other 0 []
        ¶11 security_and_defense 4 ["military", "missile", "defense", "threat"]; then legality_constitutionality_jurisprudence 2
        ¶12 policy_prescription_and_evaluation 2 ["proposals", "policy"]
        ¶13 other 0 []
        ¶14 other 0 []
        ¶15 other 1 ["escalate"]; then external_regulation_and_reputation 1
        ¶16 security_and_defense 2 ["defense", "military"]; then capacity_and_resources 1
        ¶17 other 1 ["alliance's"]; then cultural_identity 1
        ¶18 other 0 []
        ¶19 other 1 ["reforms"]; then security_and_defense 1
        ¶20 other 1 ["alliance's"]; then political 1
        ¶21 other 0 []
    "#]],
    );
}

#[test]
fn seed_001() {
    check_page(
        hay::SEEDS[1].1,
        expect![[r#"
        article: security_and_defense <- security_and_defense 20 (4 ¶), external_regulation_and_reputation 15 (4 ¶), policy_prescription_and_evaluation 2 (0 ¶), capacity_and_resources 1 (0 ¶), morality 1 (0 ¶), legality_constitutionality_jurisprudence 1 (0 ¶)
        ¶0 external_regulation_and_reputation 3 ["geopolitical", "alliances", "partnership"]; then legality_constitutionality_jurisprudence 1
        ¶1 other 0 []
        ¶2 security_and_defense 3 ["War", "security", "threats"]; then external_regulation_and_reputation 1
        ¶3 external_regulation_and_reputation 2 ["partnerships", "sanctions"]; then security_and_defense 2
        ¶4 other 1 ["Security"]
        ¶5 other 0 []
        ¶6 security_and_defense 5 ["Military", "arms race", "militarization", "military", "conflicts"]; then capacity_and_resources 1
        ¶7 external_regulation_and_reputation 3 ["Alliances", "alliances", "international"]; then security_and_defense 1
        ¶8 other 1 ["military"]
        ¶9 security_and_defense 3 ["conflicts", "arms", "security"]; then external_regulation_and_reputation 2
        ¶10 other 0 []
        ¶11 security_and_defense 2 ["defense", "defense"]; then morality 1
        ¶12 other 1 ["strategies"]
        ¶13 other 0 []
        ¶14 external_regulation_and_reputation 4 ["international", "relations", "cooperation", "international community"]; then security_and_defense 1
    "#]],
    );
}

#[test]
fn seed_002() {
    check_page(
        hay::SEEDS[2].1,
        expect![[r#"
        article: external_regulation_and_reputation <- external_regulation_and_reputation 8 (2 ¶), security_and_defense 7 (1 ¶), legality_constitutionality_jurisprudence 5 (1 ¶), economic 1 (0 ¶), policy_prescription_and_evaluation 1 (0 ¶), political 1 (0 ¶)
        ¶0 legality_constitutionality_jurisprudence 3 ["legal", "binding", "treaties"]; then security_and_defense 2
        ¶1 other 1 ["alliance's"]; then security_and_defense 1
        ¶2 other 0 []
        ¶3 other 1 ["War"]
        ¶4 other 1 ["International"]
        ¶5 external_regulation_and_reputation 2 ["international", "relations"]; then political 1
        ¶6 external_regulation_and_reputation 2 ["alliance", "allies"]; then legality_constitutionality_jurisprudence 2
        ¶7 security_and_defense 3 ["security", "military", "conflict"]; then economic 1
    "#]],
    );
}

#[test]
fn seed_003() {
    check_page(
        hay::SEEDS[3].1,
        expect![[r#"
        article: political <- political 97 (14 ¶), security_and_defense 90 (21 ¶), policy_prescription_and_evaluation 56 (6 ¶), external_regulation_and_reputation 40 (3 ¶), capacity_and_resources 21 (0 ¶), morality 9 (0 ¶), legality_constitutionality_jurisprudence 7 (0 ¶), fairness_and_equality 1 (0 ¶), crime_and_punishment 1 (0 ¶), cultural_identity 1 (0 ¶)
        ¶0 security_and_defense 3 ["security", "defense", "security"]; then political 2
        ¶1 political 3 ["democracy", "democratic", "governance"]; then security_and_defense 2
        ¶2 policy_prescription_and_evaluation 2 ["Strategic", "Framework"]; then political 1
        ¶3 political 4 ["democracy", "political", "democratic", "governance"]; then policy_prescription_and_evaluation 3
        ¶4 policy_prescription_and_evaluation 3 ["initiatives", "reform", "programs"]; then political 2
        ¶5 security_and_defense 5 ["Deterring", "threats", "military", "intelligence", "conflict"]; then political 2
        ¶6 other 0 []
        ¶7 security_and_defense 5 ["defense", "deterred", "aggression", "conflicts", "security"]; then policy_prescription_and_evaluation 1
        ¶8 security_and_defense 2 ["Wars", "conflict"]; then political 1
        ¶9 political 4 ["democratic", "democratic", "governance", "democracy"]; then capacity_and_resources 1
        ¶10 other 1 ["international"]; then political 1
        ¶11 other 1 ["Security"]; then external_regulation_and_reputation 1
        ¶12 political 3 ["democracy", "democratic", "democratic"]; then security_and_defense 2
        ¶13 security_and_defense 2 ["military", "security"]; then political 2
        ¶14 policy_prescription_and_evaluation 4 ["programs", "initiatives", "initiatives", "reform"]; then political 3
        ¶15 policy_prescription_and_evaluation 2 ["implementation", "programs"]; then political 2
        ¶16 other 0 []
        ¶17 political 2 ["democracy", "democratic"]; then external_regulation_and_reputation 2
        ¶18 other 1 ["programs"]; then external_regulation_and_reputation 1
        ¶19 political 2 ["democratic", "governance"]; then policy_prescription_and_evaluation 1
        ¶20 security_and_defense 2 ["defense", "military"]; then policy_prescription_and_evaluation 2
        ¶21 security_and_defense 2 ["security", "security"]; then political 2
        ¶22 other 1 ["Capacity-Building"]; then policy_prescription_and_evaluation 1
        ¶23 political 4 ["democracies", "democracy", "governance", "democratic"]; then capacity_and_resources 3
        ¶24 political 4 ["democratic", "democracies", "governance", "democratic"]; then policy_prescription_and_evaluation 2
        ¶25 security_and_defense 3 ["military", "defense", "security"]; then policy_prescription_and_evaluation 2
        ¶26 policy_prescription_and_evaluation 2 ["initiatives", "framework"]; then capacity_and_resources 1
        ¶27 security_and_defense 2 ["Deterring", "Threats"]; then political 1
        ¶28 security_and_defense 4 ["Deterring", "threats", "military", "intelligence"]; then political 4
        ¶29 security_and_defense 4 ["defense", "deterring", "hybrid threats", "cyber-attacks"]; then political 3
        ¶30 security_and_defense 2 ["deterrence", "threats"]; then external_regulation_and_reputation 2
        ¶31 other 1 ["Democracy"]
        ¶32 political 2 ["democracy", "political"]; then external_regulation_and_reputation 1
        ¶33 policy_prescription_and_evaluation 2 ["programs", "effectiveness"]; then fairness_and_equality 1
        ¶34 other 1 ["geopolitical"]; then political 1
        ¶35 security_and_defense 2 ["military", "military"]; then legality_constitutionality_jurisprudence 1
        ¶36 other 1 ["Democracy"]
        ¶37 security_and_defense 2 ["security", "threats"]; then policy_prescription_and_evaluation 2
        ¶38 political 3 ["democratic", "democratic", "governance"]; then policy_prescription_and_evaluation 1
        ¶39 political 2 ["political", "democracy"]; then security_and_defense 1
        ¶40 political 2 ["democratic", "democratic"]; then morality 1
        ¶41 other 1 ["Strategic"]
        ¶42 security_and_defense 3 ["security", "threats", "security"]; then policy_prescription_and_evaluation 1
        ¶43 security_and_defense 4 ["hybrid threats", "security", "warfare", "deter"]; then political 1
        ¶44 external_regulation_and_reputation 2 ["partnership", "geopolitical"]; then capacity_and_resources 1
        ¶45 other 0 []
        ¶46 security_and_defense 3 ["security", "threats", "cyber attacks"]
        ¶47 other 1 ["partnerships"]; then political 1
        ¶48 other 1 ["defense"]; then capacity_and_resources 1
        ¶49 other 1 ["democratic"]; then morality 1
        ¶50 other 1 ["Security"]
        ¶51 security_and_defense 5 ["security", "threats", "cyberattacks", "warfare", "military"]; then policy_prescription_and_evaluation 2
        ¶52 security_and_defense 3 ["threats", "intelligence", "threat"]; then capacity_and_resources 2
        ¶53 security_and_defense 3 ["security", "hybrid threats", "security"]; then policy_prescription_and_evaluation 2
        ¶54 other 1 ["Democracy"]
        ¶55 political 3 ["democracy", "democratic", "governance"]; then external_regulation_and_reputation 1
        ¶56 political 3 ["political", "democratic", "democracies"]; then policy_prescription_and_evaluation 2
        ¶57 external_regulation_and_reputation 3 ["partnership", "cooperation", "geopolitical"]; then political 3
        ¶58 security_and_defense 3 ["security", "deter", "threats"]; then political 2
        ¶59 external_regulation_and_reputation 2 ["partnership", "alliance’s"]; then security_and_defense 1
        ¶60 other 1 ["democracy"]; then external_regulation_and_reputation 1
    "#]],
    );
}

#[test]
fn seed_004() {
    check_page(
        hay::SEEDS[4].1,
        expect![[r#"
        article: security_and_defense <- security_and_defense 19 (4 ¶), external_regulation_and_reputation 12 (3 ¶), economic 7 (2 ¶), policy_prescription_and_evaluation 6 (0 ¶), capacity_and_resources 1 (0 ¶), political 1 (0 ¶)
        ¶0 external_regulation_and_reputation 2 ["summit", "alliance’s"]; then security_and_defense 2
        ¶1 economic 2 ["spending", "GDP"]; then security_and_defense 1
        ¶2 security_and_defense 2 ["militarization", "arms race"]
        ¶3 external_regulation_and_reputation 2 ["alliance", "geopolitical"]; then economic 1
        ¶4 security_and_defense 2 ["military", "threat"]; then political 1
        ¶5 other 1 ["military"]; then capacity_and_resources 1
        ¶6 external_regulation_and_reputation 2 ["international", "cooperation"]; then security_and_defense 1
        ¶7 other 1 ["foreign minister"]; then security_and_defense 1
        ¶8 economic 2 ["GDP", "spending"]; then policy_prescription_and_evaluation 1
        ¶9 other 1 ["security"]; then economic 1
        ¶10 security_and_defense 2 ["security", "threats"]; then external_regulation_and_reputation 1
        ¶11 other 0 []
        ¶12 other 1 ["military"]
        ¶13 other 0 []
        ¶14 other 1 ["international community"]
        ¶15 other 1 ["military"]
        ¶16 other 1 ["strategic"]
        ¶17 security_and_defense 2 ["militarization", "War"]; then external_regulation_and_reputation 1
        ¶18 other 0 []
    "#]],
    );
}
