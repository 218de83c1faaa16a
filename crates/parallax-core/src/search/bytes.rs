//! The search index as bytes, for an index built ahead of time and loaded in the browser: reading it
//! is a pass over varints instead of parsing a JSON array per column, and the file is smaller.
//!
//! Layout (every number a LEB128 varint, every string its byte length then its UTF-8 bytes):
//!
//! ```text
//! SEARCH_MAGIC  version
//! n_articles    doc_id…  title_length…  body_length…
//! n_terms       (bytes shared with the previous term, rest of the term)…      (front coding: terms are sorted)
//!               postings per term…  positions_start…
//! n_postings    (article − previous article of the same term, wrapping)…  title_count…  body_count…
//! n_bytes       positions
//! ```
//!
//! Reading never panics and never allocates more than the file could describe: a truncated, damaged
//! or foreign file is refused with a sentence saying what was wrong, and what it describes must pass
//! [`SearchIndex::check`] like any loaded index.

use crate::bytes::{ByteError, Reader, Writer};

use super::{SearchIndex, SEARCH_INDEX_VERSION};

/// The first bytes of a search index file.
pub const SEARCH_MAGIC: [u8; 9] = *b"PLXSEARCH";

impl SearchIndex {
    /// The index in the layout above.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::default();
        out.bytes.extend_from_slice(&SEARCH_MAGIC);
        out.varint(self.version as u64);

        out.varint(self.doc_ids.len() as u64);
        for id in &self.doc_ids {
            out.string(id);
        }
        for &length in self.title_lengths.iter().chain(&self.body_lengths) {
            out.varint(length as u64);
        }

        out.varint(self.terms.len() as u64);
        let mut previous = "";
        for term in &self.terms {
            let shared = shared_prefix(previous, term);
            out.varint(shared as u64);
            out.string(&term[shared..]);
            previous = term;
        }
        for range in self.postings_start.windows(2) {
            out.varint(range[1].wrapping_sub(range[0]) as u64);
        }
        for &start in &self.positions_start {
            out.varint(start as u64);
        }

        out.varint(self.posting_article.len() as u64);
        for range in self.postings_start.windows(2) {
            let mut previous = 0u32;
            let postings = self
                .posting_article
                .get(range[0] as usize..range[1] as usize)
                .unwrap_or_default();
            for &article in postings {
                out.varint(article.wrapping_sub(previous) as u64);
                previous = article;
            }
        }
        for &count in self
            .posting_title_count
            .iter()
            .chain(&self.posting_body_count)
        {
            out.varint(count as u64);
        }

        out.varint(self.positions.len() as u64);
        out.bytes.extend_from_slice(&self.positions);
        out.bytes
    }

    /// Reads an index written by [`SearchIndex::to_bytes`] and checks it; the error says what is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, String> {
        let body = bytes.strip_prefix(&SEARCH_MAGIC).ok_or_else(|| {
            "This is not a Parallax search index (its first bytes are not PLXSEARCH).".to_owned()
        })?;
        read(body).map_err(|error| format!("The search index cannot be read: {error}."))
    }
}

fn read(body: &[u8]) -> Result<SearchIndex, ByteError> {
    let mut input = Reader::new(body);
    let version = input.u32("the version")?;
    if version != SEARCH_INDEX_VERSION {
        return Err(ByteError::new(format!(
            "it is version {version}, and this version of Parallax reads version {SEARCH_INDEX_VERSION}"
        )));
    }

    let n_articles = input.count("the number of articles")?;
    let mut doc_ids = Vec::with_capacity(n_articles);
    for _ in 0..n_articles {
        doc_ids.push(input.string("the article ids")?.to_owned());
    }
    let title_lengths = u32s(&mut input, n_articles, "the title lengths")?;
    let body_lengths = u32s(&mut input, n_articles, "the body lengths")?;

    let n_terms = input.count("the number of terms")?;
    let mut terms: Vec<String> = Vec::with_capacity(n_terms);
    for _ in 0..n_terms {
        let shared = input.varint("the terms")?;
        let previous = terms.last().map_or("", String::as_str);
        let kept = usize::try_from(shared)
            .ok()
            .and_then(|shared| previous.as_bytes().get(..shared))
            .ok_or_else(|| {
                ByteError::new(format!(
                    "a term shares {shared} bytes with the {}-byte term before it",
                    previous.len()
                ))
            })?;
        let mut term = kept.to_vec();
        term.extend_from_slice(input.string("the terms")?.as_bytes());
        let term =
            String::from_utf8(term).map_err(|_| ByteError::new("a term is not valid UTF-8"))?;
        terms.push(term);
    }
    let mut postings_start = Vec::with_capacity(n_terms + 1);
    let mut start = 0u32;
    postings_start.push(start);
    for _ in 0..n_terms {
        let count = input.u32("the postings per term")?;
        start = start
            .checked_add(count)
            .ok_or_else(|| ByteError::new("the postings per term add up to too many"))?;
        postings_start.push(start);
    }
    let positions_start = u32s(&mut input, n_terms, "where each term's positions start")?;

    let n_postings = input.count("the number of postings")?;
    if start as usize != n_postings {
        return Err(ByteError::new(format!(
            "the terms have {start} postings between them but the file lists {n_postings}"
        )));
    }
    let mut posting_article = Vec::with_capacity(n_postings);
    for range in postings_start.windows(2) {
        let mut previous = 0u32;
        for _ in range[0]..range[1] {
            let article = previous.wrapping_add(input.u32("the postings")?);
            posting_article.push(article);
            previous = article;
        }
    }
    let posting_title_count = u32s(&mut input, n_postings, "the title counts")?;
    let posting_body_count = u32s(&mut input, n_postings, "the body counts")?;

    let n_bytes = input.count("the positions")?;
    let positions = input.take(n_bytes, "the positions")?.to_vec();
    if !input.is_at_end() {
        return Err(ByteError::new("there are bytes after its end"));
    }

    let index = SearchIndex {
        version,
        doc_ids,
        title_lengths,
        body_lengths,
        terms,
        postings_start,
        positions_start,
        posting_article,
        posting_title_count,
        posting_body_count,
        positions,
    };
    index.check().map_err(ByteError::new)?;
    Ok(index)
}

/// `n` numbers; `n` was read with [`Reader::count`], so it is bounded by the bytes left.
fn u32s(input: &mut Reader<'_>, n: usize, what: &str) -> Result<Vec<u32>, ByteError> {
    let mut values = Vec::with_capacity(n);
    for _ in 0..n {
        values.push(input.u32(what)?);
    }
    Ok(values)
}

/// The length of the longest common prefix of `a` and `b` that ends on a character boundary of both.
fn shared_prefix(a: &str, b: &str) -> usize {
    let mut shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(shared) {
        shared -= 1;
    }
    shared
}
