//! Parallax's search core, as the browser runs it, for the side-by-side benchmark against MiniSearch
//! (`cargo xtask search-bench`, page and driver in `bench/search/`).
//!
//! Natively this crate writes what both engines share (the synthetic corpus, the queries, the stop
//! words, Parallax's prebuilt index; see `main.rs`); compiled to Wasm it exports [`Engine`], which
//! builds or loads a [`SearchIndex`] and answers queries exactly as the app's explorer does. Nothing
//! here changes how search behaves.

mod scale;

pub use scale::ScalePack;

use parallax_core::search::{is_stop_word, normalize, word_spans, SearchDoc, SearchIndex};
use parallax_core::synth::{corpus, SplitMix64};
use wasm_bindgen::prelude::*;

/// The synthetic collection's seed: the one the criterion benchmarks (`benches/explore.rs`) use.
pub const CORPUS_SEED: u64 = 42;
/// Articles in the collection.
pub const CORPUS_SIZE: usize = 10_000;
/// How many queries both engines answer.
pub const N_QUERIES: usize = 200;

/// A search index in Wasm memory.
#[wasm_bindgen]
pub struct Engine {
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the index from the corpus as JSON (`[{"id", "title", "body"}, …]`), as a page that
    /// indexes a collection in the browser would.
    #[wasm_bindgen(js_name = fromDocs)]
    pub fn from_docs(json: &str) -> Result<Engine, JsError> {
        let docs: Vec<SearchDoc> = serde_json::from_str(json)?;
        Ok(Engine {
            index: SearchIndex::build(&docs),
        })
    }

    /// Loads an index built ahead of time, in its binary form (`SearchIndex::to_bytes`); reading
    /// checks it as a loader must.
    #[wasm_bindgen(js_name = fromIndex)]
    pub fn from_index(bytes: &[u8]) -> Result<Engine, JsError> {
        let index = SearchIndex::from_bytes(bytes).map_err(|e| JsError::new(&e))?;
        Ok(Engine { index })
    }

    /// The matching articles' positions in the corpus, best first: what the explorer lists.
    pub fn search(&self, query: &str) -> Vec<u32> {
        self.index
            .search_text(query)
            .into_iter()
            .map(|hit| hit.article_idx)
            .collect()
    }
}

/// The shared synthetic corpus.
pub fn bench_corpus() -> Vec<SearchDoc> {
    corpus(CORPUS_SEED, CORPUS_SIZE).docs
}

/// The words of `text` in search form, with their byte offsets' order kept.
fn words(text: &str) -> Vec<String> {
    word_spans(text)
        .map(|span| normalize(&text[span.start..span.end]))
        .collect()
}

/// A word worth searching for: not a stop word, letters only, at least three of them.
fn searchable(word: &str) -> bool {
    word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) && !is_stop_word(word)
}

/// [`N_QUERIES`] queries drawn from the corpus with their own seed, as people type them into a
/// search-as-you-type box: no trailing space, so the last word counts as a prefix in both engines.
/// Kinds, in fixed shares: one word (60), two words from one article (50), a quoted phrase of two to
/// four consecutive words (30), a word being typed, cut to 3–5 letters (40), and a word plus a second
/// being typed (20). Every query comes from an article, so each has at least one hit.
pub fn bench_queries(docs: &[SearchDoc]) -> Vec<String> {
    let mut rng = SplitMix64::new(7);
    let mut queries = Vec::with_capacity(N_QUERIES);
    let kinds = [(60, 0), (50, 1), (30, 2), (40, 3), (20, 4)];
    for (count, kind) in kinds {
        while queries.len() < kinds_before(&kinds, kind) + count {
            let doc = &docs[rng.below(docs.len())];
            let body = words(&doc.body);
            let pick = |rng: &mut SplitMix64| -> Option<String> {
                (0..20)
                    .map(|_| body[rng.below(body.len())].clone())
                    .find(|word| searchable(word))
            };
            let query = match kind {
                0 => pick(&mut rng),
                1 => pick(&mut rng)
                    .zip(pick(&mut rng))
                    .map(|(a, b)| format!("{a} {b}")),
                2 => {
                    let len = rng.between(2, 4);
                    let start = rng.below(body.len().saturating_sub(len).max(1));
                    let phrase = &body[start..(start + len).min(body.len())];
                    (phrase.len() == len && searchable(&phrase[0]) && searchable(&phrase[len - 1]))
                        .then(|| format!("\"{}\"", phrase.join(" ")))
                }
                3 => pick(&mut rng).map(|word| cut(&word, rng.between(3, 5))),
                _ => pick(&mut rng)
                    .zip(pick(&mut rng))
                    .map(|(a, b)| format!("{a} {}", cut(&b, rng.between(3, 5)))),
            };
            if let Some(query) = query {
                queries.push(query);
            }
        }
    }
    queries
}

fn kinds_before(kinds: &[(usize, usize)], kind: usize) -> usize {
    kinds
        .iter()
        .take_while(|(_, k)| *k != kind)
        .map(|(count, _)| count)
        .sum()
}

fn cut(word: &str, letters: usize) -> String {
    word.chars().take(letters).collect()
}

/// The corpus's words that Parallax's search treats as stop words, sorted, so MiniSearch can be told
/// to ignore the same ones.
pub fn corpus_stop_words(docs: &[SearchDoc]) -> Vec<String> {
    let mut found = std::collections::BTreeSet::new();
    for doc in docs {
        for text in [&doc.title, &doc.body] {
            for word in words(text) {
                if is_stop_word(&word) {
                    found.insert(word);
                }
            }
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_fixed_varied_and_each_finds_its_article() {
        let docs = corpus(CORPUS_SEED, 300).docs;
        let queries = bench_queries(&docs);
        assert_eq!(queries.len(), N_QUERIES);
        assert_eq!(queries, bench_queries(&docs), "the same queries every run");
        assert_eq!(queries.iter().filter(|q| q.starts_with('"')).count(), 30);
        let index = SearchIndex::build(&docs);
        for query in &queries {
            assert!(
                !index.search_text(query).is_empty(),
                "{query:?} finds nothing"
            );
        }
        let stop_words = corpus_stop_words(&docs);
        assert!(stop_words.iter().all(|word| is_stop_word(word)));
        assert!(stop_words.contains(&"the".to_string()));
    }
}
