//! The format reference `docs/analysis-format.md` names every key the analysis and the pack write, and every cue kind id.

use std::collections::BTreeSet;

use parallax_core::cues::CueKind;
use parallax_core::frames::Frame;
use serde_json::Value;

const DOC: &str = include_str!("../../../../docs/analysis-format.md");

const SEED_ARTICLES: [&str; 5] = [
    include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
    include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
    include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
    include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
    include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
];

/// Texts that reach what the seed articles leave empty: a wire report with a dateline and credits;
/// a page with a headline full of cues, a byline naming an outlet, a weekday date, a dated
/// dateline and an AI disclosure; and nothing at all.
const VARIED_TEXTS: &[&str] = &[
    "BRUSSELS (Reuters) - NATO defence ministers agreed on Thursday to raise spending, officials said.\n\n\"We will not be intimidated,\" said Jens Stoltenberg, NATO's secretary-general. He added that the plan was \"historic\".\n\nReporting by Jane Doe; Editing by John Smith",
    "Sponsored content\n\nShocking Crisis: Radical Regime Threatens Everything\n\nBy Anna Berg and Tom Reed, Associated Press\n\nPublished: Tuesday, June 24, 2025\n\nKYIV, Ukraine, June 24 (AP) — Critics say the so-called \"reform\" is a disaster. Prices rose 74% in a year, and analysts claimed the deal would cost $1.2 billion.\n\nThis article was written with the help of AI.",
    "",
];

fn all_texts() -> impl Iterator<Item = &'static str> {
    SEED_ARTICLES
        .into_iter()
        .chain(VARIED_TEXTS.iter().copied())
}

/// Every object key path under `value`: `metadata.date.year`, `cues[].kind`. A span (an object of
/// exactly `start` and `end`) counts as one leaf, because the document describes spans once.
fn key_paths(value: &Value, path: &str, paths: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            let is_span =
                object.len() == 2 && object.contains_key("start") && object.contains_key("end");
            if is_span && !path.is_empty() {
                return;
            }
            for (key, child) in object {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                paths.insert(child_path.clone());
                key_paths(child, &child_path, paths);
            }
        }
        Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{path}[]"), paths);
            }
        }
        _ => {}
    }
}

/// Where the pack section starts; analysis keys are looked up before it, pack keys from it on.
const PACK_HEADING: &str = "\n## Pack\n";

fn doc_sections() -> (&'static str, &'static str) {
    let pack_start = DOC
        .find(PACK_HEADING)
        .expect("docs/analysis-format.md has a `## Pack` section");
    let pack_end = DOC[pack_start + PACK_HEADING.len()..]
        .find("\n## ")
        .map_or(DOC.len(), |len| pack_start + PACK_HEADING.len() + len);
    (&DOC[..pack_start], &DOC[pack_start..pack_end])
}

/// The paths of `paths` that `section` does not name as a backticked `path`.
fn undocumented<'p>(paths: &'p BTreeSet<String>, section: &str) -> Vec<&'p str> {
    paths
        .iter()
        .filter(|path| !section.contains(&format!("`{path}`")))
        .map(String::as_str)
        .collect()
}

#[test]
fn every_analysis_key_is_documented() {
    let mut paths = BTreeSet::new();
    for raw in all_texts() {
        let value =
            serde_json::to_value(parallax_core::analyze(raw)).expect("an Analysis serializes");
        key_paths(&value, "", &mut paths);
    }
    // The sample texts must reach the nested optional parts, or their keys would go unchecked.
    for reached in [
        "metadata.date.weekday_matches",
        "metadata.dateline.date.iso",
        "metadata.disclosures[].kind",
        "title_cues[].kind",
        "attributions[].quotes",
    ] {
        assert!(
            paths.contains(reached),
            "no sample text yields `{reached}`; add one that does"
        );
    }
    let (analysis_section, _) = doc_sections();
    let missing = undocumented(&paths, analysis_section);
    assert!(
        missing.is_empty(),
        "docs/analysis-format.md does not document these analysis keys (write each as a backticked path in a table before `## Pack`):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn every_pack_key_is_documented() {
    use parallax_core::pack::StoredPack;

    // A version-1 pack with an event catalogue, loaded the way old packs load; the analysis inside
    // each article is the one `every_analysis_key_is_documented` checks, so stop at it.
    let catalogue: serde_json::Value =
        toml::from_str(include_str!("../../../../corpus/nato/events.toml"))
            .expect("the seed pack's event catalogue parses");
    let mut stored: serde_json::Value =
        serde_json::from_str(include_str!("../../src/pack/pack-v1.json"))
            .expect("the version-1 pack fixture parses");
    stored["events"] = serde_json::json!({
        "curation": catalogue["curation"],
        "events": catalogue["event"],
    });
    let pack = serde_json::from_value::<StoredPack>(stored)
        .expect("a version-1 pack reads as a StoredPack")
        .upgrade()
        .expect("version 1 still loads");
    let mut value = serde_json::to_value(&pack).expect("a Pack serializes");
    for article in value["articles"]
        .as_array_mut()
        .expect("articles is an array")
    {
        article["analysis"] = Value::Null;
    }
    let mut paths = BTreeSet::new();
    key_paths(&value, "", &mut paths);
    assert!(
        paths.contains("articles[].analysis"),
        "the pack has articles"
    );

    let (_, pack_section) = doc_sections();
    let missing = undocumented(&paths, pack_section);
    assert!(
        missing.is_empty(),
        "docs/analysis-format.md does not document these pack keys (write each as a backticked path in the `## Pack` table):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn every_cue_kind_id_is_listed() {
    let cue_kinds = DOC
        .split("\n### ")
        .find(|section| section.starts_with("Cue kinds\n"))
        .expect("docs/analysis-format.md has a `### Cue kinds` section");
    let missing: Vec<&str> = CueKind::ALL
        .into_iter()
        .map(|kind| {
            // The id the JSON carries is serde's; it must be the id the code names too.
            assert_eq!(
                serde_json::to_value(kind).expect("a CueKind serializes"),
                Value::from(kind.id()),
                "{kind:?} serializes differently from its id"
            );
            kind.id()
        })
        .filter(|id| !cue_kinds.contains(&format!("| `{id}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "the `### Cue kinds` table of docs/analysis-format.md lacks these ids: {}",
        missing.join(", ")
    );
}

/// Every string value of a key named `kind` or `resolution`: the enumerations the analysis writes.
fn enum_values(value: &Value, values: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                match child {
                    Value::String(id) if key == "kind" || key == "resolution" => {
                        values.insert(id.clone());
                    }
                    _ => enum_values(child, values),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| enum_values(item, values)),
        _ => {}
    }
}

#[test]
fn every_kind_the_samples_yield_is_listed() {
    let mut values = BTreeSet::new();
    for raw in all_texts() {
        let value =
            serde_json::to_value(parallax_core::analyze(raw)).expect("an Analysis serializes");
        enum_values(&value, &mut values);
    }
    let missing = undocumented(&values, DOC);
    assert!(
        missing.is_empty(),
        "docs/analysis-format.md does not list these kind or resolution ids: {}",
        missing.join(", ")
    );
}

#[test]
fn every_frame_id_is_listed() {
    let missing: Vec<&str> = Frame::ALL
        .into_iter()
        .map(Frame::id)
        .filter(|id| !DOC.contains(&format!("`{id}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/analysis-format.md does not list these frame ids: {}",
        missing.join(", ")
    );
}
