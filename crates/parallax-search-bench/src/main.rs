//! Writes what both engines of the search benchmark share into the folder given as the argument:
//! `corpus.json` (the 10,000 synthetic articles), `queries.json` (the 200 queries),
//! `stopwords.json` (the corpus's words Parallax ignores) and `parallax-index.bin` (Parallax's
//! index built ahead of time in its binary form, for the "load a prebuilt index" variant).

use std::path::{Path, PathBuf};

use parallax_core::search::SearchIndex;
use parallax_search_bench::{bench_corpus, bench_queries, corpus_stop_words};

fn main() -> Result<(), String> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: search-bench-data <output folder>")?,
    );
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let docs = bench_corpus();
    write(&dir, "corpus.json", &docs)?;
    write(&dir, "queries.json", &bench_queries(&docs))?;
    write(&dir, "stopwords.json", &corpus_stop_words(&docs))?;
    let index = dir.join("parallax-index.bin");
    std::fs::write(&index, SearchIndex::build(&docs).to_bytes())
        .map_err(|e| format!("{}: {e}", index.display()))
}

fn write(dir: &Path, name: &str, value: &impl serde::Serialize) -> Result<(), String> {
    let path = dir.join(name);
    let json = serde_json::to_string(value).map_err(|e| format!("{name}: {e}"))?;
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))
}
