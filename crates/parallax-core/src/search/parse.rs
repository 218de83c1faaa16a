//! The search box's language: words, "quoted phrases", and the word still being typed.

use serde::{Deserialize, Serialize};

use super::stem::stem;
use super::words::{is_stop_word, normalize, word_spans};

/// A query is cut off after this many words: nobody types more, and it bounds the work per keystroke.
pub const MAX_QUERY_WORDS: usize = 32;

/// What the user asked for, independent of any index. Every clause must match (AND).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ParsedQuery {
    pub clauses: Vec<Clause>,
    /// Stop words the query contained outside phrases, which search ignored.
    pub ignored: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Clause {
    /// One word. `prefix` is set on the last word while the user is still typing it (no space or
    /// closing quote after it yet), so "spher" finds "sphere".
    Word {
        normalized: String,
        stem: String,
        prefix: bool,
    },
    /// Words that must appear in this order. `offset` counts positions from the first word,
    /// including stop words, which match any word: "spheres of influence" is sphere@0, influenc@2.
    Phrase { words: Vec<PhraseWord> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhraseWord {
    pub offset: u32,
    pub stem: String,
}

impl ParsedQuery {
    /// Parses what the user typed. Never fails: an unbalanced quote runs to the end, a query of
    /// only stop words parses to no clauses, and anything past [`MAX_QUERY_WORDS`] words is dropped.
    pub fn parse(input: &str) -> ParsedQuery {
        let mut query = ParsedQuery::default();
        let mut n_words = 0;
        let still_typing = input.ends_with(|ch: char| ch.is_alphanumeric());
        for (segment_idx, segment) in input.split('"').enumerate() {
            let inside_quotes = segment_idx % 2 == 1;
            let words: Vec<String> = word_spans(segment)
                .map(|span| normalize(span.slice(segment)))
                .take(MAX_QUERY_WORDS.saturating_sub(n_words))
                .collect();
            n_words += words.len();
            if inside_quotes {
                query.push_phrase(&words);
            } else {
                for word in words {
                    if is_stop_word(&word) {
                        query.ignored.push(word);
                    } else {
                        let stem = stem(&word);
                        query.clauses.push(Clause::Word {
                            normalized: word,
                            stem,
                            prefix: false,
                        });
                    }
                }
            }
        }
        if still_typing && n_words < MAX_QUERY_WORDS {
            if let Some(Clause::Word { prefix, .. }) = query.clauses.last_mut() {
                // Only when the last word typed is this clause (and not an ignored stop word after it).
                let last_typed = input
                    .rsplit(|ch: char| !ch.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                if !is_stop_word(&normalize(last_typed)) {
                    *prefix = true;
                }
            }
        }
        query
    }

    /// True when nothing in the query can match: it was empty or held only stop words.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    fn push_phrase(&mut self, words: &[String]) {
        let first_content = words.iter().position(|word| !is_stop_word(word));
        let Some(first_content) = first_content else {
            return;
        };
        let phrase_words: Vec<PhraseWord> = words[first_content..]
            .iter()
            .enumerate()
            .filter(|(_, word)| !is_stop_word(word))
            .map(|(offset, word)| PhraseWord {
                offset: offset as u32,
                stem: stem(word),
            })
            .collect();
        if let [single] = phrase_words.as_slice() {
            self.clauses.push(Clause::Word {
                normalized: single.stem.clone(),
                stem: single.stem.clone(),
                prefix: false,
            });
        } else {
            self.clauses.push(Clause::Phrase {
                words: phrase_words,
            });
        }
    }
}
