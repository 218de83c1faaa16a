//! Analysis throughput: the five seed articles and synthetic 5 KB and 50 KB articles, reported in bytes per second.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

const SEEDS: [(&str, &str); 5] = [
    (
        "seed_000",
        include_str!("../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
    ),
    (
        "seed_001",
        include_str!("../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
    ),
    (
        "seed_002",
        include_str!("../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
    ),
    (
        "seed_003",
        include_str!("../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
    ),
    (
        "seed_004",
        include_str!("../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
    ),
];

/// Paragraphs in the styles the engine meets: quotes in several styles, reported speech, anonymous
/// sources, hedges, numbers and dates. Cycled to build synthetic articles of any size.
const SYNTHETIC_PARAGRAPHS: [&str; 6] = [
    "The city council voted 7-2 on Tuesday, March 3, 2026, to raise parking fees by 15%, a move that officials said would fund repairs to the harbour bridge.",
    "\u{201c}We cannot keep patching the same cracks every winter,\u{201d} said Mayor Ellen Okafor, who has pushed for the increase since 2024. \u{201c}The bridge carries 40,000 cars a day.\u{201d}",
    "Critics say the plan punishes commuters who have no other way into town. According to a survey by the Harbour Traders Association, 62% of shop owners fear a drop in customers.",
    "Dr. J. R. Mensah, a transport researcher at the University of Leeds, cautioned that the effect \u{ab}may be smaller than either side claims\u{bb} and suggested waiting for data.",
    "Some residents called the vote a 'disgraceful cash grab', while others insisted it was long overdue. The council's finance chief admitted the figures were \"a best guess\".",
    "The U.S. Department of Transportation said it would review the request for federal matching funds, which could cover up to 80% of the $12.5 million cost.",
];

fn synthetic_article(target_bytes: usize) -> String {
    let mut article =
        String::from("Harbour bridge fees rise after council vote\n\nBy Staff Reporter\n\n");
    let mut paragraph_idx = 0;
    while article.len() < target_bytes {
        article.push_str(SYNTHETIC_PARAGRAPHS[paragraph_idx % SYNTHETIC_PARAGRAPHS.len()]);
        article.push_str("\n\n");
        paragraph_idx += 1;
    }
    article
}

fn bench_analyze(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("analyze");
    // Short runs: the machine is small and shared, and the numbers are stable well before the defaults.
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group.sample_size(20);

    for (name, raw) in SEEDS {
        group.throughput(Throughput::Bytes(raw.len() as u64));
        group.bench_with_input(BenchmarkId::new("seed", name), raw, |bencher, raw| {
            bencher.iter(|| parallax_core::analyze(black_box(raw)))
        });
    }
    for (name, size) in [("5KB", 5 * 1024), ("50KB", 50 * 1024)] {
        let raw = synthetic_article(size);
        group.throughput(Throughput::Bytes(raw.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("synthetic", name),
            raw.as_str(),
            |bencher, raw| bencher.iter(|| parallax_core::analyze(black_box(raw))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
