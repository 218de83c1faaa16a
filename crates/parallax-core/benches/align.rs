//! Alignment speed: two ~5 KB articles against the seed catalogue, and the same two without a catalogue (discovery only);
//! framing profiles of the same two; alignment and profiles of four whole seed articles (the compare view's largest case).
//!
//! The goal in the browser is 16 ms (one frame) for two ~5 KB articles; the analyses are computed
//! beforehand, as they are in a pack, so this measures alignment alone.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_core::events::Catalogue;
use std::hint::black_box;
use std::time::Duration;

const CATALOGUE: &str = include_str!("../../../corpus/nato/events.toml");
/// 5.3 KB.
const SEED_000: &str = include_str!("../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt");
/// 13.9 KB; its first ~5 KB of paragraphs are used.
const SEED_003: &str = include_str!("../../../corpus/nato/raw/003_94b55c3c21052adc.txt");
const SEED_001: &str = include_str!("../../../corpus/nato/raw/001_6d476ae4c2a60732.txt");
const SEED_002: &str = include_str!("../../../corpus/nato/raw/002_73400efa8faf97c7.txt");

/// The leading lines of `raw` up to about `target_bytes`, cut at a line end.
fn first_bytes(raw: &str, target_bytes: usize) -> String {
    let mut out = String::new();
    for line in raw.lines() {
        if out.len() >= target_bytes {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn bench_align(criterion: &mut Criterion) {
    let catalogue: Catalogue = toml::from_str(CATALOGUE).expect("the seed catalogue parses");
    let first = parallax_core::analyze(SEED_000);
    let second = parallax_core::analyze(&first_bytes(SEED_003, 5 * 1024));
    let articles = [&first, &second];

    let mut group = criterion.benchmark_group("align");
    // Short runs: the machine is small and shared, and the numbers are stable well before the defaults.
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.sample_size(20);
    group.bench_function("two_5KB_articles_with_catalogue", |bencher| {
        bencher.iter(|| {
            parallax_core::align::align(black_box(&articles), black_box(&catalogue.events))
        })
    });
    group.bench_function("two_5KB_articles_discovery_only", |bencher| {
        bencher.iter(|| parallax_core::align::discover(black_box(&articles)))
    });
    group.bench_function("two_5KB_articles_profiles", |bencher| {
        let alignment = parallax_core::align::align(&articles, &catalogue.events);
        bencher
            .iter(|| parallax_core::profile::profiles(black_box(&articles), black_box(&alignment)))
    });
    let whole: Vec<_> = [SEED_000, SEED_001, SEED_002, SEED_003]
        .iter()
        .map(|raw| parallax_core::analyze(raw))
        .collect();
    let four: Vec<_> = whole.iter().collect();
    group.bench_function("four_seed_articles_with_catalogue", |bencher| {
        bencher.iter(|| parallax_core::align::align(black_box(&four), black_box(&catalogue.events)))
    });
    group.bench_function("four_seed_articles_profiles", |bencher| {
        let alignment = parallax_core::align::align(&four, &catalogue.events);
        bencher.iter(|| parallax_core::profile::profiles(black_box(&four), black_box(&alignment)))
    });
    group.bench_function("four_seed_articles_profiles_with_words", |bencher| {
        // As the compare page does: content words computed once for the alignment, then reused.
        let words = parallax_core::align::ContentWords::of_all(&four);
        let alignment = parallax_core::align::align_with_words(&four, &words, &catalogue.events);
        bencher.iter(|| {
            parallax_core::profile::profiles_with_words(
                black_box(&four),
                black_box(&words),
                black_box(&alignment),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
