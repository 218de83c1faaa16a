//! Builds the seed pack from `corpus/nato` at compile time so the app embeds exactly what the core computes.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let pack_dir = root.join("corpus").join("nato");
    println!("cargo:rerun-if-changed={}", pack_dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("crates")
            .join("parallax-core")
            .join("data")
            .display()
    );
    let pack = match parallax_cli::build_pack(&pack_dir) {
        Ok(pack) => pack,
        Err(error) => {
            // A readable message instead of a panic backtrace: the pack is curated by people.
            eprintln!("error: the seed pack could not be built: {error}");
            std::process::exit(1);
        }
    };
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let json = serde_json::to_string(&pack).expect("a pack always serializes");
    std::fs::write(out_dir.join("pack.json"), json).expect("OUT_DIR is writable");
    // The seed pack against its own event catalogue, which the reader and compare pages need: it
    // depends only on the pack, so it is computed here instead of on every page load (in Wasm it
    // was most of the start-up's main-thread time). The app computes it again only once the
    // teacher's own articles or events join the pack; a test checks both ways agree.
    let analyses: Vec<_> = pack.articles.iter().map(|a| &a.analysis).collect();
    let coverage = parallax_core::align::align_to_catalogue(&analyses, &pack.events.events);
    let json = serde_json::to_string(&coverage).expect("an alignment always serializes");
    std::fs::write(out_dir.join("coverage.json"), json).expect("OUT_DIR is writable");
    // The seed pack's search index, in its binary form: reading it takes a few milliseconds where
    // building it (stemming every word) took a long task of its own after the first screen. Like the
    // coverage, the app builds the index itself once the teacher's articles join the pack.
    let index = parallax_core::search::SearchIndex::from_pack(&pack).to_bytes();
    std::fs::write(out_dir.join("search-index.bin"), index).expect("OUT_DIR is writable");
}
