//! The evaluator's scoring rules: what counts as a found attribution, voice and cue.

use expect_test::{expect, Expect};
use parallax_core::eval::{
    locate, parse_annotation, score, GoldText, Predicted, PredictedAttribution, PredictedCue,
    VoiceKind,
};
use parallax_core::Span;

const ANNOTATION: &str = r#"
id: sample
style: test
licence: MIT OR Apache-2.0
--- text
"We tried," Ann Wu said. "It failed."

Critics say the plan is a reckless gamble. The mayor claimed it may work.
--- gold
attribution | source = Ann Wu | voice = named_person | cue = said | content = We tried | more = It failed.
attribution | source = critics | voice = anonymous | cue = say | content = the plan is a reckless gamble
attribution | source = the mayor | voice = named_person | cue = claimed | content = it may work
cue | kind = loaded_language | text = reckless gamble
cue | kind = attribution_stance | text = claimed
cue | kind = hedge | text = may
"#;

fn span_of(text: &str, needle: &str) -> Span {
    locate(
        text,
        &GoldText {
            text: needle.to_string(),
            nth: None,
        },
    )
    .expect("needle in sample text")
}

fn attribution(
    text: &str,
    source: &str,
    cue: Option<&str>,
    content: &str,
    voice: Option<VoiceKind>,
) -> PredictedAttribution {
    PredictedAttribution {
        source: source.to_string(),
        cue: cue.map(str::to_string),
        content: span_of(text, content),
        voice,
    }
}

fn cue(text: &str, kind: &str, needle: &str) -> PredictedCue {
    PredictedCue {
        kind: kind.to_string(),
        span: span_of(text, needle),
    }
}

fn check(predicted: impl Fn(&str) -> Predicted, expect: Expect) {
    let annotated = parse_annotation(ANNOTATION);
    assert!(annotated.problems.is_empty(), "{:?}", annotated.problems);
    let scores = score(&annotated, &predicted(&annotated.text));
    let mut report = scores.table();
    for problem in &scores.problems {
        report.push_str(&format!("problem: {problem}\n"));
    }
    expect.assert_eq(&report);
}

#[test]
fn nothing_predicted_means_full_precision_and_no_recall() {
    check(
        |text| Predicted {
            text: text.to_string(),
            ..Predicted::default()
        },
        expect![[r#"
            measure                             tp  pred  gold precision recall     f1
            attributions (content)               0     0     3     1.000  0.000  0.000
            attributions (full)                  0     0     3     1.000  0.000  0.000
            cue: loaded_language                 0     0     1     1.000  0.000  0.000
            cue: hedge                           0     0     1     1.000  0.000  0.000
            cue: attribution_stance              0     0     1     1.000  0.000  0.000
            cues (all kinds)                     0     0     3     1.000  0.000  0.000
            voice kind accuracy: 0/0 = 1.000 (over content-matched attributions)
        "#]],
    );
}

#[test]
fn split_quote_parts_count_once_and_sources_match_by_surname() {
    check(
        |text| Predicted {
            text: text.to_string(),
            attributions: vec![
                // One quote reported as two pieces: one match, and the second piece is not an error.
                attribution(
                    text,
                    "Wu",
                    Some("said"),
                    "We tried",
                    Some(VoiceKind::NamedPerson),
                ),
                attribution(
                    text,
                    "Ann Wu",
                    Some("said"),
                    "It failed.",
                    Some(VoiceKind::NamedPerson),
                ),
                // Right content, wrong speaker: found, but not fully right.
                attribution(
                    text,
                    "the mayor",
                    Some("say"),
                    "the plan is a reckless gamble",
                    Some(VoiceKind::NamedPerson),
                ),
                // A cue phrase that contains the gold verb still matches.
                attribution(text, "The mayor", Some("claimed that"), "it may work", None),
            ],
            cues: vec![],
        },
        expect![[r#"
            measure                             tp  pred  gold precision recall     f1
            attributions (content)               3     3     3     1.000  1.000  1.000
            attributions (full)                  2     3     3     0.667  0.667  0.667
            cue: loaded_language                 0     0     1     1.000  0.000  0.000
            cue: hedge                           0     0     1     1.000  0.000  0.000
            cue: attribution_stance              0     0     1     1.000  0.000  0.000
            cues (all kinds)                     0     0     3     1.000  0.000  0.000
            voice kind accuracy: 1/3 = 0.333 (over content-matched attributions)
              gold anonymous, engine named_person: 1
              gold named_person, engine none: 1
        "#]],
    );
}

#[test]
fn cues_match_by_kind_and_overlap_and_engine_kind_ids_are_normalized() {
    check(
        |text| Predicted {
            text: text.to_string(),
            attributions: vec![],
            cues: vec![
                // Overlapping the gold span is enough.
                cue(text, "loaded_language", "reckless"),
                // Right place, wrong kind: a miss and a false flag.
                cue(text, "booster", "may"),
                // The engine's SemEval-style id is read as the gold id.
                cue(
                    text,
                    &parallax_core::eval::normalize_cue_kind("name_calling_labeling"),
                    "Critics",
                ),
                // Two flags on one gold cue: the second is a false flag.
                cue(text, "attribution_stance", "claimed"),
                cue(text, "attribution_stance", "claim"),
            ],
        },
        expect![[r#"
            measure                             tp  pred  gold precision recall     f1
            attributions (content)               0     0     3     1.000  0.000  0.000
            attributions (full)                  0     0     3     1.000  0.000  0.000
            cue: loaded_language                 1     1     1     1.000  1.000  1.000
            cue: name_calling                    0     1     0     0.000  1.000  0.000
            cue: hedge                           0     0     1     1.000  0.000  0.000
            cue: booster                         0     1     0     0.000  1.000  0.000
            cue: attribution_stance              1     2     1     0.500  1.000  0.667
            cues (all kinds)                     2     5     3     0.400  0.667  0.500
            voice kind accuracy: 0/0 = 1.000 (over content-matched attributions)
        "#]],
    );
}

#[test]
fn gold_items_missing_from_the_clean_text_are_reported_and_missed() {
    let annotated = parse_annotation(ANNOTATION);
    // As if cleaning had dropped the first paragraph.
    let clean_text = annotated.text.split("\n\n").nth(1).unwrap().to_string();
    let predicted = Predicted {
        text: clean_text,
        ..Predicted::default()
    };
    let scores = score(&annotated, &predicted);
    expect![[r#"
        [
            "sample: attribution content not in text: \"We tried\"",
        ]
    "#]]
    .assert_debug_eq(&scores.problems);
    assert_eq!(scores.attributions_content.n_gold, 3);
}

#[test]
fn unreadable_annotation_lines_are_reported_not_fatal() {
    let annotated = parse_annotation(
        "id: broken\n--- text\nSome text.\n--- gold\ncue | kind = hedge\nquote | text = Some\ncue | kind = hedge | text = Some | nth = 0\n",
    );
    expect![[r#"
        [
            "line 5: cue needs text",
            "line 6: unknown record \"quote\"",
            "line 7: nth must be 1 or more",
        ]
    "#]]
    .assert_debug_eq(&annotated.problems);
    assert_eq!(annotated.text, "Some text.\n");
}
