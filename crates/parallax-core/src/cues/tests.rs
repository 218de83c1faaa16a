use expect_test::{expect, Expect};

use super::hay;
use crate::attribution::Attributions;
use crate::text;

/// Renders cues one a line: kind, the words, whether they are quoted, the rule that fired.
fn render(text: &str, cues: &[super::Cue]) -> String {
    let mut out = String::new();
    for cue in cues {
        let quoted = if cue.in_quote { " (in quote)" } else { "" };
        let rule = cue.rule.split(" (").next().unwrap_or("");
        out.push_str(&format!(
            "{} {:?}{quoted} <- {rule}\n",
            cue.kind.id(),
            cue.span.slice(text)
        ));
    }
    out
}

/// Cues of a clean text, found with no attributions (the cue rules alone).
fn check(input: &str, expect: Expect) {
    let structure = text::structure(input);
    let cues = super::find(input, &structure, &Attributions::default());
    expect.assert_eq(&render(input, &cues));
}

/// Cues of a scraped page, through the whole analysis.
fn check_page(raw: &str, expect: Expect) {
    let analysis = crate::analyze(raw);
    expect.assert_eq(&render(&analysis.text, &analysis.cues));
}

#[test]
fn lexicon_files_parse_without_problems() {
    assert_eq!(super::cue_lexicon().problems, Vec::<String>::new());
    assert!(super::cue_lexicon().entries.len() > 100);
}

#[test]
fn may_the_month_and_military_might_are_not_hedges() {
    check(
        "It may rain. In May we go. Its military might grew. Talks might fail.",
        expect![[r#"
        hedge "may" <- lexicon hedge.modal: may
        hedge "might" <- lexicon hedge.modal: might
    "#]],
    );
}

#[test]
fn negated_boosters_are_not_boosters() {
    check(
        "It is clearly wrong. It is not clearly wrong. There is no doubt.",
        expect![[r#"
        booster "clearly" <- lexicon booster.certainty: clearly
        booster "no doubt" <- lexicon booster.certainty: no doubt
    "#]],
    );
}

#[test]
fn neutral_senses_of_stance_verbs_are_skipped() {
    check(
        "The group claimed responsibility. She was admitted to hospital. They conceded two goals. He claimed the vote was rigged.",
        expect![[r#"
            attribution_stance "claimed" <- lexicon attribution_stance.doubting: claimed
            loaded_language "rigged" <- lexicon loaded_language: rigged
        "#]],
    );
}

#[test]
fn cues_inside_quotes_are_marked() {
    check(
        "\"This is a disgraceful decision,\" she said. The decision was disgraceful.",
        expect![[r#"
            loaded_language "disgraceful" (in quote) <- lexicon loaded_language: disgraceful
            loaded_language "disgraceful" <- lexicon loaded_language: disgraceful
        "#]],
    );
}

#[test]
fn scare_quotes_need_a_short_phrase_and_no_speaker() {
    check(
        "The government calls it \"reform\". The 'reform' will cost jobs. Critics said it was \"a mess\". Earvin 'Magic' Johnson played.",
        expect![[r#"
            scare_quotes "'reform'" <- rule scare_quotes: a quoted phrase of at most 3 words with no speaker or reporting word in its sentence
        "#]],
    );
}

#[test]
fn wire_report() {
    check(hay::WIRE, expect![[""]]);
}

#[test]
fn opinion_column() {
    check(
        hay::OPED,
        expect![[r#"
            doubt "so-called" <- lexicon doubt: so-called
            loaded_language "disgraceful" <- lexicon loaded_language: disgraceful
            loaded_language "giveaway" <- lexicon loaded_language: giveaway
            exaggeration_minimisation "everyone knows" <- lexicon exaggeration_minimisation: everyone knows
            name_calling_labeling "cronies" <- lexicon name_calling_labeling: cronies
            booster "clearly" <- lexicon booster.certainty: clearly
            exaggeration_minimisation "skyrocketed" <- lexicon exaggeration_minimisation: skyrocket*
            attribution_stance "lamented" <- lexicon attribution_stance.emotive: lamented
            doubt "supposedly" <- lexicon doubt: supposedly
            attribution_stance "insisted" <- lexicon attribution_stance.insisting: insisted
            appeal_to_authority "Experts agree" <- lexicon appeal_to_authority: experts agree
            loaded_language "reckless" <- lexicon loaded_language: reckless
            flag_waving "our way of life" <- lexicon flag_waving: our way of life
            appeal_to_fear_prejudice "before it is too late" <- lexicon appeal_to_fear_prejudice: before it is too late
            flag_waving "our country" <- lexicon flag_waving: our country
            flag_waving "patriotic" <- lexicon flag_waving: patriotic
            loaded_language "shameful" <- lexicon loaded_language: shameful
            loaded_language "farce" <- lexicon loaded_language: farce
            causal_oversimplification "The only reason" <- lexicon causal_oversimplification: the only reason
            exaggeration_minimisation "unprecedented" <- lexicon exaggeration_minimisation: unprecedented
        "#]],
    );
}

#[test]
fn interview_transcript() {
    check(
        hay::INTERVIEW,
        expect![[r#"
        hedge "I think" <- lexicon hedge.modal: i think
        hedge "perhaps" <- lexicon hedge.modal: perhaps
        hedge "I'm not sure" <- lexicon hedge.modal: i'm not sure
        attribution_stance "admitted" <- lexicon attribution_stance.conceding: admitted
        hedge "might" <- lexicon hedge.modal: might
    "#]],
    );
}

#[test]
fn hedged_science_story() {
    check(
        hay::SCIENCE,
        expect![[r#"
            hedge "may" <- lexicon hedge.modal: may
            hedge "suggests that" <- lexicon hedge.modal: suggests that
            hedge "appears to" (in quote) <- lexicon hedge.modal: appears to
            hedge "possibly" <- lexicon hedge.modal: possibly
            hedge "might" <- lexicon hedge.modal: might
        "#]],
    );
}

#[test]
fn sports_report() {
    check(hay::SPORTS, expect![[""]]);
}

#[test]
fn business_story() {
    check(
        hay::BUSINESS,
        expect![[r#"
        attribution_stance "admitted" <- lexicon attribution_stance.conceding: admitted
    "#]],
    );
}

#[test]
fn seed_000() {
    check_page(
        hay::SEEDS[0].1,
        expect![[r#"
            attribution_stance "lamented" <- lexicon attribution_stance.emotive: lamented
            loaded_language "mass migration" <- lexicon loaded_language: mass migration
            loaded_language "outrage" <- lexicon loaded_language: outrage
            hedge "likely" <- lexicon hedge.modal: likely
            appeal_to_authority "some analysts" <- lexicon appeal_to_authority: some analysts
            appeal_to_authority "many experts" <- lexicon appeal_to_authority: many experts
            appeal_to_authority "reports suggest" <- lexicon appeal_to_authority: reports suggest
            hedge "likely" <- lexicon hedge.modal: likely
            hedge "may" <- lexicon hedge.modal: may
            hedge "potentially" <- lexicon hedge.modal: potentially
            hedge "may" <- lexicon hedge.modal: may
            hedge "potentially" <- lexicon hedge.modal: potentially
            hedge "may" <- lexicon hedge.modal: may
            loaded_language "mass migration" <- lexicon loaded_language: mass migration
        "#]],
    );
}

#[test]
fn seed_001() {
    check_page(
        hay::SEEDS[1].1,
        expect![[r#"
        booster "definitive" <- lexicon booster.certainty: definitive
        hedge "potentially" <- lexicon hedge.modal: potentially
        hedge "may" <- lexicon hedge.modal: may
        hedge "may" <- lexicon hedge.modal: may
        hedge "could" <- lexicon hedge.modal: could
        hedge "may" <- lexicon hedge.modal: may
        hedge "might" <- lexicon hedge.modal: might
        hedge "may" <- lexicon hedge.modal: may
        appeal_to_authority "Analysts argue" <- lexicon appeal_to_authority: analysts argue
        hedge "could" <- lexicon hedge.modal: could
        hedge "could" <- lexicon hedge.modal: could
        appeal_to_fear_prejudice "catastrophic consequences" <- lexicon appeal_to_fear_prejudice: catastrophic consequences
    "#]],
    );
}

#[test]
fn seed_002() {
    check_page(
        hay::SEEDS[2].1,
        expect![[r#"
        attribution_stance "claimed" <- lexicon attribution_stance.doubting: claimed
        hedge "could" <- lexicon hedge.modal: could
        hedge "may" <- lexicon hedge.modal: may
    "#]],
    );
}

#[test]
fn seed_003() {
    check_page(
        hay::SEEDS[3].1,
        expect![[r#"
        hedge "could" <- lexicon hedge.modal: could
        hedge "may" <- lexicon hedge.modal: may
        hedge "likely" <- lexicon hedge.modal: likely
        loaded_language "unwavering" <- lexicon loaded_language: unwavering
    "#]],
    );
}

#[test]
fn seed_004() {
    check_page(
        hay::SEEDS[4].1,
        expect![[r#"
        attribution_stance "pointed out" <- lexicon attribution_stance.endorsing: pointed out
        attribution_stance "maintained that" <- lexicon attribution_stance.insisting: maintained that
    "#]],
    );
}

#[test]
fn headlines_of_the_seeds() {
    let mut out = String::new();
    for (name, raw) in hay::SEEDS {
        let analysis = crate::analyze(raw);
        let title = analysis.metadata.title.unwrap_or_default();
        out.push_str(&format!(
            "{name}: {title}\n{}",
            render(&title, &analysis.title_cues)
        ));
    }
    expect![[r#"
        000: The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability
        001: 
        002: NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'
        scare_quotes "'Sphere Of Influence'" <- rule scare_quotes: a quoted phrase of at most 3 words with no speaker or reporting word in its sentence
        003: 
        004: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns
        loaded_language "Secretive" <- lexicon loaded_language: secretive
    "#]].assert_eq(&out);
}
