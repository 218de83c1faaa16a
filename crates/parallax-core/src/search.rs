//! Full-text search: an inverted index over titles and bodies, BM25F ranking, phrases, prefixes, snippets.
//!
//! # Using it
//!
//! ```
//! use parallax_core::search::{SearchDoc, SearchIndex, ParsedQuery, snippet};
//!
//! let docs = vec![
//!     SearchDoc { id: "a".into(), title: "Spheres of influence".into(), body: "The age of spheres of influence is over.".into() },
//!     SearchDoc { id: "b".into(), title: "Budgets".into(), body: "Defence spending rises.".into() },
//! ];
//! // Build once (natively, when making a pack, or in the browser); the index is serde-serializable.
//! let index = SearchIndex::build(&docs);
//! // Per keystroke: parse, search, then make snippets only for the rows on screen.
//! let query = ParsedQuery::parse("\"spheres of influence\"");
//! let hits = index.search(&query);
//! assert_eq!(index.doc_id(hits[0].article_idx), Some("a"));
//! let shown = snippet(&query, &docs[0].body, 30);
//! assert_eq!(shown.highlights[0].slice(&shown.text), "spheres of influence");
//! ```
//!
//! - [`ParsedQuery::parse`] understands bare words (all must match), `"quoted phrases"`, and treats
//!   the last word as a prefix while it is being typed ("spher" finds "sphere"). Case, accents and
//!   English word endings do not matter ("Spheres", "sphère" and "sphere" are one term). Stop words
//!   ("the", "of") are ignored outside phrases; inside phrases they stand for any one word.
//! - [`SearchIndex::search`] returns every matching article, best first, as [`SearchHit`]s holding
//!   the article's position in the input and a BM25F score (titles weigh [`TITLE_WEIGHT`] times
//!   the body). A query with no usable words returns no hits: show all articles instead.
//! - [`snippet`] picks the best window of about `max_words` words of a text and returns it as plain
//!   text with highlight [`Span`](crate::span::Span)s into that text; [`highlights`] marks every match in a whole text
//!   (for titles or the reader). The UI renders the marks: this module never produces HTML.
//!
//! # Index layout
//!
//! Terms are the stems of the non-stop words, kept sorted so an exact term is a binary search and a
//! prefix is a contiguous range. Each term owns a run of postings (one per article that contains
//! it: the article, the term's count in the title and in the body) and a run of positions,
//! delta-encoded as LEB128 varints in posting order. Positions count every word, stop words
//! included, with the body starting [`MAX_QUERY_WORDS`] positions after the title so no phrase
//! spans both.

mod bytes;
mod parse;
mod snippet;
pub mod stem;
mod words;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::pack::Pack;

pub use bytes::SEARCH_MAGIC;
pub use parse::{Clause, ParsedQuery, PhraseWord, MAX_QUERY_WORDS};
pub use snippet::{highlights, snippet, Snippet};
pub use words::{is_stop_word, normalize, word_spans};

/// Bumped whenever the serialized shape of [`SearchIndex`] changes incompatibly.
pub const SEARCH_INDEX_VERSION: u32 = 1;

/// How much more a word in the title counts than the same word in the body.
pub const TITLE_WEIGHT: f32 = 3.0;
const K1: f32 = 1.2;
const TITLE_B: f32 = 0.5;
const BODY_B: f32 = 0.75;
/// A prefix expands to at most this many terms (the most frequent), so typing one letter stays fast.
const MAX_PREFIX_EXPANSIONS: usize = 100;
/// A word that only starts like the typed prefix counts a little less than the word itself.
const PREFIX_EXPANSION_WEIGHT: f32 = 0.8;

/// One article as search sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    pub id: String,
    pub title: String,
    pub body: String,
}

/// One matching article: its position in the indexed input and its relevance score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    pub article_idx: u32,
    pub score: f32,
}

/// The inverted index over a collection of articles. See the module documentation for its layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    pub version: u32,
    doc_ids: Vec<String>,
    title_lengths: Vec<u32>,
    body_lengths: Vec<u32>,
    /// Sorted stems.
    terms: Vec<String>,
    /// `postings_start[t]..postings_start[t + 1]` are term `t`'s postings.
    postings_start: Vec<u32>,
    /// `positions_start[t]` is where term `t`'s varint positions begin in `positions`.
    positions_start: Vec<u32>,
    posting_article: Vec<u32>,
    posting_title_count: Vec<u32>,
    posting_body_count: Vec<u32>,
    positions: Vec<u8>,
}

impl SearchIndex {
    /// Indexes `docs`; hits refer to articles by their position in this slice.
    pub fn build(docs: &[SearchDoc]) -> SearchIndex {
        let mut builder = Builder::default();
        for doc in docs {
            builder.add(doc);
        }
        builder.finish()
    }

    /// Indexes every article of a pack: its title and its clean text.
    pub fn from_pack(pack: &Pack) -> SearchIndex {
        let mut builder = Builder::default();
        for article in &pack.articles {
            builder.add_parts(&article.slug, &article.title, &article.analysis.text);
        }
        builder.finish()
    }

    pub fn n_articles(&self) -> usize {
        self.doc_ids.len()
    }

    /// Checks the invariants [`SearchIndex::search`] relies on. Call it on an index that was
    /// deserialized from outside: a damaged one is then refused instead of causing a panic.
    pub fn check(&self) -> Result<(), String> {
        let n_articles = self.doc_ids.len();
        let n_terms = self.terms.len();
        let n_postings = self.posting_article.len();
        if self.version != SEARCH_INDEX_VERSION {
            return Err(format!(
                "search index version {} (expected {SEARCH_INDEX_VERSION})",
                self.version
            ));
        }
        if self.title_lengths.len() != n_articles || self.body_lengths.len() != n_articles {
            return Err("field lengths do not match the number of articles".into());
        }
        if self.postings_start.len() != n_terms + 1 || self.positions_start.len() != n_terms {
            return Err("term tables do not match the number of terms".into());
        }
        if self.posting_title_count.len() != n_postings
            || self.posting_body_count.len() != n_postings
        {
            return Err("posting tables differ in length".into());
        }
        if self.terms.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err("terms are not sorted and unique".into());
        }
        let starts_ok = self
            .postings_start
            .windows(2)
            .all(|pair| pair[0] <= pair[1])
            && self.postings_start.first() == Some(&0)
            && self.postings_start.last() == Some(&(n_postings as u32));
        if !starts_ok {
            return Err("posting ranges are out of order or out of bounds".into());
        }
        if self
            .posting_article
            .iter()
            .any(|&article| article as usize >= n_articles)
        {
            return Err("a posting names an article that does not exist".into());
        }
        if self
            .positions_start
            .iter()
            .any(|&start| start as usize > self.positions.len())
        {
            return Err("a term's positions start past the end".into());
        }
        Ok(())
    }

    pub fn n_terms(&self) -> usize {
        self.terms.len()
    }

    /// The id the article at `article_idx` was indexed with.
    pub fn doc_id(&self, article_idx: u32) -> Option<&str> {
        self.doc_ids.get(article_idx as usize).map(String::as_str)
    }

    /// Every article matching all clauses of `query`, best first (ties in input order).
    pub fn search(&self, query: &ParsedQuery) -> Vec<SearchHit> {
        let n_articles = self.n_articles();
        if query.is_empty() || n_articles == 0 {
            return Vec::new();
        }
        let mut accumulator = Accumulator::new(n_articles);
        for clause in &query.clauses {
            match clause {
                Clause::Word {
                    normalized,
                    stem,
                    prefix: false,
                } => {
                    let term = self.term_id(stem).or_else(|| self.term_id(normalized));
                    if let Some(term) = term {
                        self.score_term(term, 1.0, &mut accumulator);
                    }
                }
                Clause::Word {
                    normalized,
                    stem,
                    prefix: true,
                } => {
                    for (term, weight) in self.prefix_expansions(normalized, stem) {
                        self.score_term(term, weight, &mut accumulator);
                    }
                }
                Clause::Phrase { words } => self.score_phrase(words, &mut accumulator),
            }
            accumulator.next_clause();
        }
        accumulator.into_hits()
    }

    /// Parses `input` and searches for it.
    pub fn search_text(&self, input: &str) -> Vec<SearchHit> {
        self.search(&ParsedQuery::parse(input))
    }

    fn term_id(&self, term: &str) -> Option<usize> {
        self.terms
            .binary_search_by(|probe| probe.as_str().cmp(term))
            .ok()
    }

    fn document_frequency(&self, term: usize) -> usize {
        (self.postings_start[term + 1] - self.postings_start[term]) as usize
    }

    fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.n_articles() as f32;
        let df = document_frequency as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Terms the word being typed may become, with their weights: the word's own stem, every term
    /// that starts with what was typed ("spher" → "sphere"), and a term that what was typed already
    /// runs past by a letter or two ("generati" → "generat", the stem of "generation") when the
    /// stemmer could not shorten it.
    ///
    /// Terms that merely start with the typed word's stem are left out: "militarization" stems to
    /// "militar", and should not find "militari" (military).
    fn prefix_expansions(&self, normalized: &str, stem: &str) -> Vec<(usize, f32)> {
        let mut found: Vec<usize> = self.term_id(stem).into_iter().collect();
        let start = self
            .terms
            .partition_point(|term| term.as_str() < normalized);
        found.extend(
            (start..self.terms.len()).take_while(|&term| self.terms[term].starts_with(normalized)),
        );
        // Only for a word the stemmer left alone, which is most likely cut short mid-suffix.
        let unstemmed = normalized == stem;
        for cut in (1..=2).filter(|_| unstemmed) {
            if let Some(shorter) = normalized.get(..normalized.len().saturating_sub(cut)) {
                if shorter.len() >= 4 {
                    found.extend(self.term_id(shorter));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        if found.len() > MAX_PREFIX_EXPANSIONS {
            crate::sort::sort_by_key(&mut found, |&term| {
                std::cmp::Reverse(self.document_frequency(term))
            });
            found.truncate(MAX_PREFIX_EXPANSIONS);
        }
        found
            .into_iter()
            .map(|term| {
                let exact = self.terms[term] == stem || self.terms[term] == normalized;
                (term, if exact { 1.0 } else { PREFIX_EXPANSION_WEIGHT })
            })
            .collect()
    }

    fn averages(&self) -> (f32, f32) {
        let n = self.n_articles().max(1) as f32;
        let title: u64 = self.title_lengths.iter().map(|&len| len as u64).sum();
        let body: u64 = self.body_lengths.iter().map(|&len| len as u64).sum();
        ((title as f32 / n).max(1.0), (body as f32 / n).max(1.0))
    }

    /// BM25F: field counts are weighted and length-normalised per field, then saturated together.
    fn bm25f(
        &self,
        article: usize,
        title_count: u32,
        body_count: u32,
        idf: f32,
        averages: (f32, f32),
    ) -> f32 {
        let title_norm = 1.0 - TITLE_B + TITLE_B * self.title_lengths[article] as f32 / averages.0;
        let body_norm = 1.0 - BODY_B + BODY_B * self.body_lengths[article] as f32 / averages.1;
        let weighted =
            TITLE_WEIGHT * title_count as f32 / title_norm + body_count as f32 / body_norm;
        idf * weighted * (K1 + 1.0) / (weighted + K1)
    }

    fn score_term(&self, term: usize, weight: f32, accumulator: &mut Accumulator) {
        let averages = self.averages_cached(accumulator);
        let idf = self.idf(self.document_frequency(term));
        let range = self.postings_start[term] as usize..self.postings_start[term + 1] as usize;
        for posting in range {
            let article = self.posting_article[posting] as usize;
            let score = self.bm25f(
                article,
                self.posting_title_count[posting],
                self.posting_body_count[posting],
                idf,
                averages,
            );
            accumulator.add(article, weight * score);
        }
    }

    fn averages_cached(&self, accumulator: &mut Accumulator) -> (f32, f32) {
        *accumulator.averages.get_or_insert_with(|| self.averages())
    }

    fn postings_range(&self, term: usize) -> std::ops::Range<usize> {
        self.postings_start[term] as usize..self.postings_start[term + 1] as usize
    }

    /// The positions of `term` in each of `articles` (sorted, and all containing the term), in
    /// that order. Postings of other articles are skipped without decoding their positions.
    fn positions_in(&self, term: usize, articles: &[u32]) -> Vec<Vec<u32>> {
        let mut cursor = self.positions_start[term] as usize;
        let mut wanted = articles.iter().peekable();
        let mut found = Vec::with_capacity(articles.len());
        for posting in self.postings_range(term) {
            let Some(&&next_wanted) = wanted.peek() else {
                break;
            };
            let count = self.posting_title_count[posting] + self.posting_body_count[posting];
            if self.posting_article[posting] == next_wanted {
                wanted.next();
                let mut positions = Vec::with_capacity(count as usize);
                let mut previous = 0u32;
                for _ in 0..count {
                    let (delta, next) = read_varint(&self.positions, cursor);
                    cursor = next;
                    previous = previous.saturating_add(delta);
                    positions.push(previous);
                }
                found.push(positions);
            } else {
                for _ in 0..count {
                    cursor = skip_varint(&self.positions, cursor);
                }
            }
        }
        // Only a damaged index can leave wanted articles unfound; they match nothing.
        found.resize(articles.len(), Vec::new());
        found
    }

    fn score_phrase(&self, words: &[PhraseWord], accumulator: &mut Accumulator) {
        let mut terms = Vec::with_capacity(words.len());
        for word in words {
            match self.term_id(&word.stem) {
                Some(term) => terms.push((term, word.offset)),
                // A word no article contains: the phrase matches nothing.
                None => return,
            }
        }
        // Articles with every word, found by intersecting from the rarest word on; only their
        // positions are decoded.
        crate::sort::sort_by_key(&mut terms, |&(term, _)| self.document_frequency(term));
        let mut candidates: Vec<u32> =
            self.posting_article[self.postings_range(terms[0].0)].to_vec();
        for &(term, _) in &terms[1..] {
            candidates = intersect_sorted(
                &candidates,
                &self.posting_article[self.postings_range(term)],
            );
        }
        if candidates.is_empty() {
            return;
        }
        let positions: Vec<Vec<Vec<u32>>> = terms
            .iter()
            .map(|&(term, _)| self.positions_in(term, &candidates))
            .collect();
        let idf: f32 = terms
            .iter()
            .map(|&(term, _)| self.idf(self.document_frequency(term)))
            .sum();
        let averages = self.averages_cached(accumulator);
        for (candidate_idx, &article) in candidates.iter().enumerate() {
            let (_, first_offset) = terms[0];
            let starts: Vec<u32> =
                positions[0][candidate_idx]
                    .iter()
                    .filter_map(|&position| position.checked_sub(first_offset))
                    .filter(|&start| {
                        terms.iter().zip(&positions).skip(1).all(
                            |(&(_, offset), term_positions)| {
                                term_positions[candidate_idx]
                                    .binary_search(&start.saturating_add(offset))
                                    .is_ok()
                            },
                        )
                    })
                    .collect();
            if starts.is_empty() {
                continue;
            }
            let article = article as usize;
            let title_length = self.title_lengths[article];
            let title_count = starts.iter().filter(|&&start| start < title_length).count() as u32;
            let body_count = starts.len() as u32 - title_count;
            let score = self.bm25f(article, title_count, body_count, idf, averages);
            accumulator.add(article, score);
        }
    }
}

/// The values in both sorted lists.
fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Sums clause scores per article, keeping only articles that matched every clause so far.
struct Accumulator {
    scores: Vec<f32>,
    /// The number of clauses each article has matched.
    matched: Vec<u32>,
    /// This clause's best score per article, so a prefix that expands to several terms counts once.
    clause_scores: Vec<f32>,
    clause: u32,
    averages: Option<(f32, f32)>,
}

impl Accumulator {
    fn new(n_articles: usize) -> Accumulator {
        Accumulator {
            scores: vec![0.0; n_articles],
            matched: vec![0; n_articles],
            clause_scores: vec![0.0; n_articles],
            clause: 0,
            averages: None,
        }
    }

    fn add(&mut self, article: usize, score: f32) {
        if self.matched[article] == self.clause {
            self.matched[article] = self.clause + 1;
            self.clause_scores[article] = score;
            self.scores[article] += score;
        } else if self.matched[article] == self.clause + 1 && score > self.clause_scores[article] {
            self.scores[article] += score - self.clause_scores[article];
            self.clause_scores[article] = score;
        }
    }

    fn next_clause(&mut self) {
        self.clause += 1;
    }

    fn into_hits(self) -> Vec<SearchHit> {
        let mut hits: Vec<SearchHit> = (0..self.scores.len())
            .filter(|&article| self.matched[article] == self.clause)
            .map(|article| SearchHit {
                article_idx: article as u32,
                score: self.scores[article],
            })
            .collect();
        crate::sort::sort_by(&mut hits, |a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.article_idx.cmp(&b.article_idx))
        });
        hits
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The cursor after the varint at `cursor`.
fn skip_varint(bytes: &[u8], mut cursor: usize) -> usize {
    while let Some(&byte) = bytes.get(cursor) {
        cursor += 1;
        if byte & 0x80 == 0 {
            break;
        }
    }
    cursor
}

/// Reads one varint at `cursor`, returning it and the next cursor. Truncated input reads as the
/// bits present, so a damaged index gives wrong positions, never a panic.
fn read_varint(bytes: &[u8], mut cursor: usize) -> (u32, usize) {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = bytes.get(cursor) {
        cursor += 1;
        if shift < 32 {
            value |= ((byte & 0x7F) as u32) << shift;
        }
        shift += 7;
        if byte & 0x80 == 0 {
            break;
        }
    }
    (value, cursor)
}

/// FxHash (from rustc): much faster than SipHash for the short words the index builder and the
/// alignment's vocabulary look up millions of times. Their inputs are the reader's own articles, so
/// hash flooding is not a concern, and nothing reads these maps in hash order.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(byte as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// One term's postings while building: `(article, title count, body count)` in article order,
/// and their positions already varint-encoded, so no posting needs an allocation of its own.
#[derive(Default)]
struct TermBuild {
    postings: Vec<(u32, u32, u32)>,
    positions: Vec<u8>,
}

/// Collects postings article by article, then lays them out term by term.
#[derive(Default)]
struct Builder {
    doc_ids: Vec<String>,
    title_lengths: Vec<u32>,
    body_lengths: Vec<u32>,
    /// Each distinct normalised word seen so far and its term (`None` for stop words), so each
    /// word is stemmed once, not once per occurrence.
    word_terms: FastMap<String, Option<u32>>,
    term_names: Vec<String>,
    term_ids: FastMap<String, u32>,
    terms: Vec<TermBuild>,
    scratch: String,
    /// `(term, position)` of the article being added; kept to reuse its allocation.
    occurrences: Vec<(u32, u32)>,
}

impl Builder {
    fn add(&mut self, doc: &SearchDoc) {
        self.add_parts(&doc.id, &doc.title, &doc.body);
    }

    fn add_parts(&mut self, id: &str, title: &str, body: &str) {
        let article = self.doc_ids.len() as u32;
        self.doc_ids.push(id.to_owned());
        let mut occurrences = std::mem::take(&mut self.occurrences);
        occurrences.clear();
        let title_length = self.collect_terms(title, 0, &mut occurrences);
        // The gap is wider than any phrase can be, so no phrase matches across title and body.
        let body_start = title_length + MAX_QUERY_WORDS as u32 + 1;
        let body_length = self.collect_terms(body, body_start, &mut occurrences);
        self.title_lengths.push(title_length);
        self.body_lengths.push(body_length);
        occurrences.sort_unstable();
        for run in occurrences.chunk_by(|a, b| a.0 == b.0) {
            let term = &mut self.terms[run[0].0 as usize];
            let title_count = run
                .iter()
                .filter(|&&(_, position)| position < title_length)
                .count() as u32;
            let body_count = run.len() as u32 - title_count;
            term.postings.push((article, title_count, body_count));
            let mut previous = 0;
            for &(_, position) in run {
                write_varint(&mut term.positions, position - previous);
                previous = position;
            }
        }
        self.occurrences = occurrences;
    }

    /// Pushes `(term, position)` for every indexed word of `text`; returns the number of words.
    fn collect_terms(&mut self, text: &str, first_position: u32, out: &mut Vec<(u32, u32)>) -> u32 {
        let mut n_words = 0u32;
        for span in word_spans(text) {
            let position = first_position + n_words;
            n_words += 1;
            self.scratch.clear();
            words::normalize_into(span.slice(text), &mut self.scratch);
            let term = match self.word_terms.get(self.scratch.as_str()) {
                Some(&term) => term,
                None => {
                    let term = if is_stop_word(&self.scratch) {
                        None
                    } else {
                        Some(self.intern(&stem::stem(&self.scratch)))
                    };
                    self.word_terms.insert(self.scratch.clone(), term);
                    term
                }
            };
            if let Some(term) = term {
                out.push((term, position));
            }
        }
        n_words
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(term) {
            return id;
        }
        let id = self.term_names.len() as u32;
        self.term_names.push(term.to_owned());
        self.term_ids.insert(term.to_owned(), id);
        self.terms.push(TermBuild::default());
        id
    }

    fn finish(self) -> SearchIndex {
        let mut order: Vec<usize> = (0..self.term_names.len()).collect();
        crate::sort::sort_by(&mut order, |&a, &b| {
            self.term_names[a].cmp(&self.term_names[b])
        });
        let n_postings: usize = self.terms.iter().map(|term| term.postings.len()).sum();
        let n_position_bytes: usize = self.terms.iter().map(|term| term.positions.len()).sum();
        let mut index = SearchIndex {
            version: SEARCH_INDEX_VERSION,
            doc_ids: self.doc_ids,
            title_lengths: self.title_lengths,
            body_lengths: self.body_lengths,
            terms: Vec::with_capacity(order.len()),
            postings_start: Vec::with_capacity(order.len() + 1),
            positions_start: Vec::with_capacity(order.len()),
            posting_article: Vec::with_capacity(n_postings),
            posting_title_count: Vec::with_capacity(n_postings),
            posting_body_count: Vec::with_capacity(n_postings),
            positions: Vec::with_capacity(n_position_bytes),
        };
        let mut term_names = self.term_names;
        let mut terms = self.terms;
        for term in order {
            index.terms.push(std::mem::take(&mut term_names[term]));
            index
                .postings_start
                .push(index.posting_article.len() as u32);
            index.positions_start.push(index.positions.len() as u32);
            let built = std::mem::take(&mut terms[term]);
            for (article, title_count, body_count) in built.postings {
                index.posting_article.push(article);
                index.posting_title_count.push(title_count);
                index.posting_body_count.push(body_count);
            }
            index.positions.extend_from_slice(&built.positions);
        }
        index
            .postings_start
            .push(index.posting_article.len() as u32);
        index
    }
}
