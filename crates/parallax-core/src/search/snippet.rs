//! Where a query matches inside one text, and the best short window of it to show under a result.

use serde::{Deserialize, Serialize};

use super::parse::{Clause, ParsedQuery};
use super::stem::stem;
use super::words::{is_stop_word, normalize_into, word_spans};
use crate::span::Span;

/// A short plain-text excerpt and the byte ranges of `text` to mark as matches.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Snippet {
    /// White space collapsed to single spaces; starts or ends with "…" where the text goes on.
    pub text: String,
    /// Sorted, non-overlapping ranges into `text`.
    pub highlights: Vec<Span>,
}

/// At most this many matches are considered when choosing a window; more change nothing visible.
const MAX_MATCHES: usize = 256;

struct Match {
    first_word: usize,
    last_word: usize,
    clause: usize,
}

struct Analysed {
    spans: Vec<Span>,
    /// Empty for stop words and for words that cannot match the query.
    normalized: Vec<String>,
    /// `None` for stop words; empty for words that cannot match the query.
    stems: Vec<Option<String>>,
}

/// Splits `text` into words and stems those that may match `query`.
///
/// Stemming only removes endings, so a word can only match a clause that starts with the same
/// letter; the others are left empty (unnormalised, unstemmed), which makes a snippet several
/// times cheaper.
fn analyse(text: &str, query: &ParsedQuery) -> Analysed {
    let mut first_bytes: Vec<u8> = Vec::new();
    for clause in &query.clauses {
        match clause {
            Clause::Word {
                normalized, stem, ..
            } => {
                first_bytes.extend(normalized.bytes().next());
                first_bytes.extend(stem.bytes().next());
            }
            Clause::Phrase { words } => {
                first_bytes.extend(words.iter().filter_map(|word| word.stem.bytes().next()))
            }
        }
    }
    let spans: Vec<Span> = word_spans(text).collect();
    let mut normalized = Vec::with_capacity(spans.len());
    let mut stems = Vec::with_capacity(spans.len());
    let mut scratch = String::new();
    for span in &spans {
        scratch.clear();
        normalize_into(span.slice(text), &mut scratch);
        if !scratch
            .bytes()
            .next()
            .is_some_and(|first| first_bytes.contains(&first))
        {
            // Empty strings do not allocate; they match no clause.
            normalized.push(String::new());
            stems.push(Some(String::new()));
        } else if is_stop_word(&scratch) {
            normalized.push(String::new());
            stems.push(None);
        } else {
            stems.push(Some(stem(&scratch)));
            normalized.push(scratch.clone());
        }
    }
    Analysed {
        spans,
        normalized,
        stems,
    }
}

/// True when the word being typed (`typed`, stemmed `typed_stem`) may become `word` (stem `word_stem`).
/// The index applies the same rule to its dictionary.
fn prefix_matches(word: &str, word_stem: &str, typed: &str, typed_stem: &str) -> bool {
    word_stem == typed_stem
        || word.starts_with(typed)
        || word_stem.starts_with(typed)
        || (typed == typed_stem
            && word_stem.len() >= 4
            && typed.starts_with(word_stem)
            && typed.len() - word_stem.len() <= 2)
}

fn find_matches(query: &ParsedQuery, words: &Analysed) -> Vec<Match> {
    let mut matches = Vec::new();
    for (word_idx, word_stem) in words.stems.iter().enumerate() {
        let Some(word_stem) = word_stem else {
            continue;
        };
        for (clause_idx, clause) in query.clauses.iter().enumerate() {
            let last_word = match clause {
                Clause::Word {
                    normalized,
                    stem,
                    prefix,
                } => {
                    let hit = word_stem == stem
                        || words.normalized[word_idx] == *normalized
                        || (*prefix
                            && prefix_matches(
                                &words.normalized[word_idx],
                                word_stem,
                                normalized,
                                stem,
                            ));
                    hit.then_some(word_idx)
                }
                Clause::Phrase { words: phrase } => {
                    let fits = phrase.iter().all(|phrase_word| {
                        let at = word_idx + phrase_word.offset as usize;
                        words.stems.get(at).and_then(Option::as_deref)
                            == Some(phrase_word.stem.as_str())
                    });
                    let length = phrase
                        .last()
                        .map_or(0, |phrase_word| phrase_word.offset as usize);
                    fits.then_some(word_idx + length)
                }
            };
            if let Some(last_word) = last_word {
                matches.push(Match {
                    first_word: word_idx,
                    last_word,
                    clause: clause_idx,
                });
                if matches.len() >= MAX_MATCHES {
                    return matches;
                }
            }
        }
    }
    matches
}

/// Merges overlapping or touching ranges into sorted, disjoint ones.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    crate::sort::sort(&mut spans);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Every match of `query` in `text`, as sorted, disjoint byte ranges of `text`.
pub fn highlights(query: &ParsedQuery, text: &str) -> Vec<Span> {
    let words = analyse(text, query);
    let spans = find_matches(query, &words)
        .iter()
        .map(|found| {
            Span::new(
                words.spans[found.first_word].start,
                words.spans[found.last_word].end,
            )
        })
        .collect();
    merge(spans)
}

/// The window of about `max_words` words of `text` that shows the most of `query`: windows with
/// more different clauses win, then windows with more matches, then earlier ones. A text with no
/// match gives its opening words.
pub fn snippet(query: &ParsedQuery, text: &str, max_words: usize) -> Snippet {
    let words = analyse(text, query);
    if words.spans.is_empty() {
        return Snippet::default();
    }
    let max_words = max_words.max(1);
    let matches = find_matches(query, &words);
    // Start a little before the first match so the reader gets its context.
    let lead = max_words / 4;
    let mut best_start = 0;
    let mut best_score = (0, 0);
    for found in &matches {
        let start = found.first_word.saturating_sub(lead);
        let end = start + max_words;
        let inside: Vec<&Match> = matches
            .iter()
            .filter(|m| m.first_word >= start && m.last_word < end)
            .collect();
        let mut clauses: Vec<usize> = inside.iter().map(|m| m.clause).collect();
        clauses.sort_unstable();
        clauses.dedup();
        let score = (clauses.len(), inside.len());
        if score > best_score {
            best_score = score;
            best_start = start;
        }
    }
    let last_word = (best_start + max_words).min(words.spans.len()) - 1;
    let start = words.spans[best_start].start;
    // Let the window end after the punctuation that closes its last word ("over".).
    let after_last = &text[words.spans[last_word].end..];
    let end = words.spans[last_word].end
        + after_last
            .find(char::is_whitespace)
            .unwrap_or(after_last.len());
    let marks = matches
        .iter()
        .filter(|m| m.first_word >= best_start && m.last_word <= last_word)
        .map(|m| {
            Span::new(
                words.spans[m.first_word].start,
                words.spans[m.last_word].end,
            )
        })
        .collect();
    let mut out = collapse_white_space(text, Span::new(start, end), &merge(marks));
    if best_start > 0 {
        out.text.insert_str(0, "… ");
        let shift = "… ".len();
        for mark in &mut out.highlights {
            *mark = Span::new(mark.start + shift, mark.end + shift);
        }
    }
    if last_word + 1 < words.spans.len() {
        out.text.push_str(" …");
    }
    out
}

/// Copies `window` of `text` with each run of white space as one space, moving `marks` (ranges of
/// `text` inside `window`) along with it.
fn collapse_white_space(text: &str, window: Span, marks: &[Span]) -> Snippet {
    let slice = window.slice(text);
    let mut out = String::with_capacity(slice.len());
    // new_offset[i] is where byte `window.start + i` of `text` lands in `out`.
    let mut new_offset = vec![0; slice.len() + 1];
    let mut in_space = false;
    for (idx, ch) in slice.char_indices() {
        new_offset[idx] = out.len();
        if ch.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(ch);
            in_space = false;
        }
        new_offset[idx + 1..idx + ch.len_utf8()].fill(out.len());
    }
    new_offset[slice.len()] = out.len();
    let highlights = marks
        .iter()
        .map(|mark| {
            Span::new(
                new_offset[mark.start - window.start],
                new_offset[mark.end - window.start],
            )
        })
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}
