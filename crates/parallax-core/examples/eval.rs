//! Prints precision, recall and F1 of the analysis on the hand-annotated development set in `devset/`.
//!
//! `cargo run -p parallax-core --example eval` for the table; add `-- --per-passage` for one line
//! per passage, `-- --problems` to list gold items that could not be located in the analysed text
//! and `-- --details` to list every miss, false prediction and wrong source.

use std::path::Path;

use parallax_core::eval::{parse_annotation, score, Predicted, Scores};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let per_passage = args.iter().any(|arg| arg == "--per-passage");
    let show_problems = args.iter().any(|arg| arg == "--problems");
    let show_details = args.iter().any(|arg| arg == "--details");

    let devset_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("devset");
    let mut paths: Vec<_> = std::fs::read_dir(&devset_dir)
        .expect("the devset folder exists next to Cargo.toml")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    // Sorted so the output is the same on every machine.
    paths.sort();

    let mut total = Scores::default();
    for path in &paths {
        let annotation = std::fs::read_to_string(path).expect("devset files are UTF-8");
        let annotated = parse_annotation(&annotation);
        let analysis = parallax_core::analyze(&annotated.text);
        let scores = score(&annotated, &Predicted::from_analysis(&analysis));
        if per_passage {
            let cues = scores.cues_total();
            println!(
                "{:<32} attributions {:>2}/{:>2} found, {:>2} predicted; cues {:>2}/{:>2} found, {:>2} predicted",
                annotated.id,
                scores.attributions_full.true_positives,
                scores.attributions_full.n_gold,
                scores.attributions_full.n_predicted,
                cues.true_positives,
                cues.n_gold,
                cues.n_predicted,
            );
        }
        total.add(&scores);
    }
    if per_passage {
        println!();
    }
    println!("Development set: {} passages\n", paths.len());
    print!("{}", total.table());
    if !total.problems.is_empty() {
        println!(
            "\n{} gold items could not be located in the analysed text (counted as missed).",
            total.problems.len()
        );
        if show_problems {
            for problem in &total.problems {
                println!("  {problem}");
            }
        }
    }
    if show_details {
        println!();
        for detail in &total.details {
            println!("{detail}");
        }
    }
}
