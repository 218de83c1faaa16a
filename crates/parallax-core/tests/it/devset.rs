//! The hand-annotated development set is well-formed: every gold item is found in its passage, and the set covers the styles it promises.

use std::collections::BTreeSet;
use std::path::Path;

use parallax_core::eval::{locate, parse_annotation, Annotated, GoldText, CUE_KINDS};

fn devset() -> Vec<(String, Annotated)> {
    let devset_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("devset");
    let mut paths: Vec<_> = std::fs::read_dir(devset_dir)
        .expect("devset folder")
        .map(|entry| entry.expect("devset entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let annotation = std::fs::read_to_string(&path).expect("devset files are UTF-8");
            (stem, parse_annotation(&annotation))
        })
        .collect()
}

/// Locates a gold substring and insists it is unambiguous unless the annotator chose an occurrence.
fn check_gold_text(passage: &Annotated, gold: &GoldText, problems: &mut Vec<String>) {
    let id = &passage.id;
    if locate(&passage.text, gold).is_none() {
        problems.push(format!("{id}: not in the text: {:?}", gold.text));
    } else if gold.nth.is_none() && passage.text.matches(gold.text.as_str()).count() > 1 {
        problems.push(format!(
            "{id}: occurs more than once, give nth: {:?}",
            gold.text
        ));
    }
}

#[test]
fn every_passage_is_well_formed_and_every_gold_item_is_in_its_text() {
    let mut problems = Vec::new();
    for (stem, passage) in devset() {
        problems.extend(
            passage
                .problems
                .iter()
                .map(|problem| format!("{stem}: {problem}")),
        );
        if passage.id != stem {
            problems.push(format!(
                "{stem}: id {:?} differs from the file name",
                passage.id
            ));
        }
        if passage.style.is_empty() || !passage.licence.contains("MIT OR Apache-2.0") {
            problems.push(format!("{stem}: needs a style and the project's licence"));
        }
        let n_words = passage.text.split_whitespace().count();
        if !(150..=600).contains(&n_words) {
            problems.push(format!("{stem}: {n_words} words, expected 150 to 600"));
        }
        for attribution in &passage.attributions {
            check_gold_text(&passage, &attribution.content, &mut problems);
            let mut after = locate(&passage.text, &attribution.content).map_or(0, |span| span.end);
            for more in &attribution.more_content {
                match passage.text[after..].find(more.as_str()) {
                    Some(offset) => after += offset + more.len(),
                    None => problems.push(format!(
                        "{stem}: further quote part not found after the content: {more:?}"
                    )),
                }
            }
        }
        for cue in &passage.cues {
            check_gold_text(&passage, &cue.text, &mut problems);
            if !CUE_KINDS.contains(&cue.kind.as_str()) {
                problems.push(format!("{stem}: unknown cue kind {:?}", cue.kind));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "devset problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_set_covers_many_styles_attributions_and_every_cue_kind() {
    let passages = devset();
    let styles: BTreeSet<&str> = passages
        .iter()
        .map(|(_, passage)| passage.style.as_str())
        .collect();
    let kinds: BTreeSet<&str> = passages
        .iter()
        .flat_map(|(_, passage)| passage.cues.iter().map(|cue| cue.kind.as_str()))
        .collect();
    let n_attributions: usize = passages
        .iter()
        .map(|(_, passage)| passage.attributions.len())
        .sum();
    let n_anonymous = passages
        .iter()
        .flat_map(|(_, passage)| &passage.attributions)
        .filter(|attribution| attribution.voice == Some(parallax_core::eval::VoiceKind::Anonymous))
        .count();
    assert!(passages.len() >= 14, "{} passages", passages.len());
    assert_eq!(
        styles.len(),
        passages.len(),
        "every passage has its own style"
    );
    assert_eq!(
        kinds,
        CUE_KINDS.into_iter().collect::<BTreeSet<_>>(),
        "every cue kind has gold examples"
    );
    assert!(
        n_attributions >= 100 && n_anonymous >= 20,
        "{n_attributions} attributions, {n_anonymous} anonymous"
    );
}
