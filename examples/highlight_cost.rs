//! How long the reader takes to cut a long article into highlighted segments, natively: the
//! original cut (every paragraph against every highlight, `segments_reference`) against the
//! paragraph index and sweep the reader uses (`by_paragraph` + `segments_among`), plus the other
//! per-article steps on the render path (highlights, layers, excerpt).
//!
//! A measurement, not a test: `cargo run --release --example highlight_cost [KB…]` (default 100,
//! 500, 1000 and 2000 KB). The long article is the built-in pack's texts repeated, analysed once
//! by the engine (its time is printed too; in the app that runs in the worker).

use std::time::Instant;

use parallax::excerpt::article_excerpt;
use parallax::highlight::{by_paragraph, highlights, layers, segments_among, segments_reference};
use parallax_core::Span;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100, 500, 1000, 2000]
    } else {
        sizes
    };
    let pack = parallax::seed_pack();
    let texts: Vec<&str> = pack
        .articles
        .iter()
        .map(|a| a.analysis.text.as_str())
        .collect();
    for kb in sizes {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < kb * 1024 {
            text.push_str(texts[i % texts.len()]);
            text.push_str("\n\n");
            i += 1;
        }
        let started = Instant::now();
        let analysis = parallax_core::analyze(&text);
        let analyse = started.elapsed();
        let mut article = pack.articles[0].clone();
        article.analysis = analysis;
        let analysis = &article.analysis;

        let started = Instant::now();
        let found = highlights(analysis);
        let counted = layers(&found);
        let excerpt = article_excerpt(&article);
        let derive = started.elapsed();
        let paragraphs: Vec<Span> = analysis
            .structure
            .paragraphs
            .iter()
            .map(|p| p.span)
            .collect();
        let shown: Vec<String> = counted.iter().map(|(l, _)| l.id.clone()).collect();
        let show = |h: &parallax::highlight::Highlight| shown.contains(&h.layer.id);

        let started = Instant::now();
        let index = by_paragraph(&paragraphs, &found);
        let indexed: usize = paragraphs
            .iter()
            .zip(&index)
            .map(|(&p, c)| segments_among(p, &found, c.iter().copied(), show).len())
            .sum();
        let new = started.elapsed();

        let started = Instant::now();
        let reference: usize = paragraphs
            .iter()
            .map(|&p| segments_reference(p, &found, show).len())
            .sum();
        let old = started.elapsed();
        assert_eq!(indexed, reference, "the two cuts must agree");
        println!(
            "{:>5} KB: {} paragraphs, {} highlights, {} segments, excerpt {} chars | analyse {:.0} ms | highlights+layers+excerpt {:.1} ms | cut: original {:.1} ms, indexed {:.2} ms",
            text.len() / 1024,
            paragraphs.len(),
            found.len(),
            indexed,
            excerpt.chars().count(),
            analyse.as_secs_f64() * 1e3,
            derive.as_secs_f64() * 1e3,
            old.as_secs_f64() * 1e3,
            new.as_secs_f64() * 1e3,
        );
    }
}
