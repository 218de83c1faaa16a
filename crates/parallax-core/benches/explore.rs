//! Explorer speed on synthetic collections of 1,000 and 10,000 articles: index build, queries, facet recounts.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use parallax_core::facets::{Facet, FacetIndex, Filters};
use parallax_core::query::{ExploreQuery, Explorer, Sort};
use parallax_core::search::{snippet, ParsedQuery, SearchIndex};
use parallax_core::synth::{corpus, SynthCorpus};

const SEED: u64 = 42;
const SIZES: [usize; 2] = [1_000, 10_000];

/// The kinds of query a reader types: a common word, a rare one, two words, a phrase, a prefix
/// being typed (long and short), and a word no article has.
const QUERIES: [(&str, &str); 7] = [
    ("common_word", "security"),
    ("rare_word", "kalosto"),
    ("two_words", "defence spending"),
    ("phrase", "\"spheres of influence\""),
    ("prefix", "enlarg"),
    ("short_prefix", "ka"),
    ("no_match", "zzzz"),
];

fn collections() -> Vec<(usize, SynthCorpus)> {
    SIZES
        .iter()
        .map(|&size| (size, corpus(SEED, size)))
        .collect()
}

fn filters(pairs: &[(Facet, &str)]) -> Filters {
    let mut filters = Filters::new();
    for (facet, value) in pairs {
        filters.entry(*facet).or_default().insert(value.to_string());
    }
    filters
}

fn bench_build(criterion: &mut Criterion, collections: &[(usize, SynthCorpus)]) {
    let mut group = criterion.benchmark_group("explore_build");
    // Building 10k takes about a second: few samples, short runs; the machine is small and shared.
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(3));
    for (size, synth) in collections {
        group.bench_with_input(
            BenchmarkId::new("search_index", size),
            &synth.docs,
            |bench, docs| bench.iter(|| SearchIndex::build(black_box(docs))),
        );
        group.bench_with_input(
            BenchmarkId::new("facet_index", size),
            &synth.rows,
            |bench, rows| bench.iter(|| FacetIndex::build(black_box(rows))),
        );
    }
    group.finish();
}

fn bench_queries(criterion: &mut Criterion, collections: &[(usize, SynthCorpus)]) {
    let mut group = criterion.benchmark_group("explore_query");
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    for (size, synth) in collections {
        let index = SearchIndex::build(&synth.docs);
        for (kind, text) in QUERIES {
            group.bench_with_input(BenchmarkId::new(kind, size), &text, |bench, text| {
                bench.iter(|| index.search(&ParsedQuery::parse(black_box(text))))
            });
        }
        // What one keystroke costs on screen: search plus snippets for the first 20 rows.
        let query = ParsedQuery::parse("defence spend");
        let hits = index.search(&query);
        group.bench_with_input(
            BenchmarkId::new("snippets_20", size),
            &hits,
            |bench, hits| {
                bench.iter(|| {
                    for hit in hits.iter().take(20) {
                        black_box(snippet(
                            &query,
                            &synth.docs[hit.article_idx as usize].body,
                            30,
                        ));
                    }
                })
            },
        );
    }
    group.finish();
}

fn bench_facets(criterion: &mut Criterion, collections: &[(usize, SynthCorpus)]) {
    let mut group = criterion.benchmark_group("explore_facets");
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    for (size, synth) in collections {
        let explorer = Explorer::new(
            SearchIndex::build(&synth.docs),
            FacetIndex::build(&synth.rows),
        );
        let one = filters(&[(Facet::Topic, "Ukraine")]);
        let several = filters(&[
            (Facet::Topic, "Ukraine"),
            (Facet::Topic, "Energy"),
            (Facet::Author, "No byline"),
            (Facet::Cue, "Doubt"),
            (Facet::Date, "2020"),
        ]);
        group.bench_with_input(
            BenchmarkId::new("recount_one_filter", size),
            &one,
            |bench, filters| bench.iter(|| explorer.facets.filter(black_box(filters), None)),
        );
        group.bench_with_input(
            BenchmarkId::new("recount_five_filters", size),
            &several,
            |bench, filters| bench.iter(|| explorer.facets.filter(black_box(filters), None)),
        );
        // A facet click as the app handles it: the whole list state, sorted by date.
        let click = ExploreQuery {
            filters: several.clone(),
            sort: Sort::Date,
            ..ExploreQuery::default()
        };
        group.bench_with_input(
            BenchmarkId::new("run_filters_by_date", size),
            &click,
            |bench, query| bench.iter(|| explorer.run(black_box(query))),
        );
        let keystroke = ExploreQuery {
            text: "defence spend".into(),
            filters: one.clone(),
            ..ExploreQuery::default()
        };
        group.bench_with_input(
            BenchmarkId::new("run_search_and_filter", size),
            &keystroke,
            |bench, query| bench.iter(|| explorer.run(black_box(query))),
        );
    }
    group.finish();
}

fn bench_explore(criterion: &mut Criterion) {
    let collections = collections();
    bench_build(criterion, &collections);
    bench_queries(criterion, &collections);
    bench_facets(criterion, &collections);
}

criterion_group!(benches, bench_explore);
criterion_main!(benches);
