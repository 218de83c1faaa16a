//! Synthetic-corpus tests: determinism and the shape of the collection (lengths, facet proportions).

use std::collections::{BTreeMap, BTreeSet};

use expect_test::expect;

use super::{corpus, made_up_word, SplitMix64, Zipf};
use crate::facets::{Facet, UNDATED};
use crate::pack::NO_BYLINE;

#[test]
fn the_same_seed_gives_the_same_collection() {
    assert_eq!(corpus(7, 40), corpus(7, 40));
    assert_ne!(corpus(7, 40).docs, corpus(8, 40).docs);
    // A bigger collection starts with the smaller one, so 1k is a prefix of 10k.
    assert_eq!(corpus(7, 40).docs[..], corpus(7, 80).docs[..40]);
}

#[test]
fn the_generators_are_stable_across_platforms() {
    let mut rng = SplitMix64::new(1);
    let draws: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
    let zipf = Zipf::new(10, 1.0);
    let ranks: Vec<usize> = (0..12).map(|_| zipf.sample(&mut rng)).collect();
    let words: Vec<String> = [0, 1, 23, 24, 600, 29_000]
        .iter()
        .map(|&rank| made_up_word(rank))
        .collect();
    expect![[r#"
        [10451216379200822465, 13757245211066428519, 17911839290282890590]
        [1, 1, 4, 6, 2, 0, 5, 1, 2, 1, 2, 1]
        ["kane", "lone", "fine", "kaka", "kakaka", "penulolo"]"#]]
    .assert_eq(&format!("{draws:?}\n{ranks:?}\n{words:?}"));
}

/// Summarises a collection: lengths, proportions and the most common values of each facet.
#[test]
fn a_thousand_articles_look_like_a_news_collection() {
    let synth = corpus(42, 1000);
    let word_counts: Vec<usize> = synth
        .docs
        .iter()
        .map(|doc| doc.body.split_whitespace().count())
        .collect();
    let title_counts: Vec<usize> = synth
        .docs
        .iter()
        .map(|doc| doc.title.split_whitespace().count())
        .collect();
    let mean = word_counts.iter().sum::<usize>() / word_counts.len();
    let distinct_words: BTreeSet<String> = synth
        .docs
        .iter()
        .flat_map(|doc| {
            crate::search::word_spans(&doc.body).map(|span| span.slice(&doc.body).to_lowercase())
        })
        .collect();
    let mut out = format!(
        "body words: min {} mean {mean} max {}\ntitle words: min {} max {}\ndistinct body words: {}\n",
        word_counts.iter().min().unwrap_or(&0),
        word_counts.iter().max().unwrap_or(&0),
        title_counts.iter().min().unwrap_or(&0),
        title_counts.iter().max().unwrap_or(&0),
        distinct_words.len(),
    );
    for facet in Facet::ALL {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for row in &synth.rows {
            for value in row.values_of(facet) {
                *counts.entry(value).or_default() += 1;
            }
        }
        let mut by_count: Vec<(&str, usize)> = counts
            .iter()
            .map(|(value, count)| (*value, *count))
            .collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let top: Vec<String> = by_count
            .iter()
            .take(3)
            .map(|(value, count)| format!("{value} {count}"))
            .collect();
        let special = counts
            .get(NO_BYLINE)
            .or(counts.get(UNDATED))
            .copied()
            .unwrap_or(0);
        out.push_str(&format!(
            "{}: {} values; top: {}; no byline/undated: {special}\n",
            facet.label(),
            counts.len(),
            top.join(", ")
        ));
    }
    let first = &synth.docs[0];
    let opening: Vec<&str> = first.body.split_whitespace().take(16).collect();
    out.push_str(&format!(
        "first: {} | {}: {} …\n",
        first.id,
        first.title,
        opening.join(" ")
    ));
    expect![[r#"
        body words: min 317 mean 897 max 1456
        title words: min 5 max 12
        distinct body words: 29589
        Topic: 20 values; top: NATO enlargement 392, Defence spending 252, Russia–NATO relations 158; no byline/undated: 0
        Author: 241 values; top: No byline 98, Anna Andersen 88, Ben Haddad 57; no byline/undated: 98
        Voices: 438 values; top: Maria Andersen 259, Nikolai Haddad 157, Olga O'Brien 107; no byline/undated: 0
        Frame: 14 values; top: Economic 383, Capacity and resources 252, Morality 144; no byline/undated: 0
        Cue: 12 values; top: Loaded language 601, Name calling / labeling 304, Exaggeration / minimisation 201; no byline/undated: 0
        Date: 13 values; top: 2019 97, 2017 84, 2015 82; no byline/undated: 52
        Integrity: 6 values; top: Statistic without a source 273, Copied from a web page 229, Check this expert 145; no byline/undated: 0
        first: synth-00000 | And With Russia The Mistosan In Fitisto Its Zenli A: A sanne margoka the velmar with nuestren miqueska lizennu fimarren were on of and fivelren from …
    "#]].assert_eq(&out);
}

#[test]
fn a_synthetic_pack_shows_what_the_explorer_indexes() {
    let synth = corpus(42, 300);
    let pack = synth.to_pack();
    let explorer = synth.explorer();
    assert_eq!(pack.articles.len(), 300);
    assert_eq!(explorer.facets.n_articles(), 300);
    for (idx, (article, row)) in pack.articles.iter().zip(&synth.rows).enumerate() {
        assert_eq!(article.title, synth.docs[idx].title);
        assert_eq!(article.analysis.text, synth.docs[idx].body);
        assert_eq!(article.printed_date, row.date);
        let authors: Vec<&str> = row.values_of(Facet::Author).collect();
        assert_eq!(
            authors,
            [article.author.as_str()],
            "one author value per article"
        );
    }
    // The first article as the app's list would show it, and what a search for one of its title
    // words finds: the explorer ranks over the same texts the pack shows.
    let first = &pack.articles[0];
    let word = first
        .title
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap()
        .to_lowercase();
    let query = crate::query::ExploreQuery {
        text: format!("\"{word}\""),
        ..Default::default()
    };
    let found = explorer.run(&query);
    assert!(
        found.rows.iter().any(|row| row.article_idx == 0),
        "{word} finds the first article"
    );
    expect![[r#"synth-00000 | And With Russia The Mistosan In Fitisto Its Zenli A | "Grace Tanaka" | Some("2022-06") | 5944 chars | 3 results for "mistosan""#]].assert_eq(&format!(
        "{} | {} | {:?} | {:?} | {} chars | {} results for {word:?}",
        first.slug,
        first.title,
        first.author,
        first.printed_date,
        first.analysis.text.len(),
        found.rows.len()
    ));
}
