//! Curated word lists: the small line format the cue, frame and topic data files share, and finding their entries in text.
//!
//! The format, one item a line (`#` starts a comment):
//!
//! ```text
//! [group_id] Human label
//! = One-sentence explanation of the group.
//! ~ skip-when-negated
//! entry words | not-before: x, y | not-after: z | before: that | lowercase-only
//! ```
//!
//! An entry is one or more words; hyphens separate words too, so `so-called` also matches "so called".
//! A word ending in `*` matches any word starting with it (`catastroph*`); such a prefix needs at
//! least four letters so that look-ups stay cheap and precise. Conditions, all optional:
//! `not-before` lists words that must not follow the match (`#number` stands for any number),
//! `before` lists words one of which must follow it, `not-after` lists words that must not precede
//! it, `lowercase-only` drops matches written with a capital ("May" the month). A group marked
//! `skip-when-negated` ignores matches right after "not", "no", "never" or a word ending in "n't".

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::span::Span;
use crate::text::{self, Structure, TokenKind};

/// One word of the clean text as the lexicons see it: hyphenated tokens are split into their parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub span: Span,
    /// Lower case as written, curly apostrophes straightened, possessive kept ("don't", "russia's").
    pub lower: String,
    /// The length of [`Word::key`] inside `lower`.
    key_len: usize,
    pub capitalised: bool,
    pub is_number: bool,
    /// Index of the sentence (over the whole text) the word belongs to.
    pub sentence: usize,
    /// Whether punctuation stands between this word and the previous one in its sentence.
    pub after_break: bool,
}

impl Word {
    fn new(span: Span, lower: String, written: &str, sentence: usize, after_break: bool) -> Word {
        let key_len = lower
            .strip_suffix("'s")
            .filter(|rest| !rest.is_empty())
            .map_or(lower.len(), str::len);
        let first = written.chars().next();
        Word {
            span,
            lower,
            key_len,
            capitalised: first.is_some_and(char::is_uppercase),
            is_number: first.is_some_and(char::is_numeric),
            sentence,
            after_break,
        }
    }

    /// Lower case without a trailing possessive "'s" ("russia's" → "russia"): what lexicon entries match.
    pub fn key(&self) -> &str {
        &self.lower[..self.key_len]
    }
}

/// Splits the text into lexicon words, sentence by sentence.
pub(crate) fn words(text: &str, structure: &Structure) -> Vec<Word> {
    let mut out = Vec::new();
    for (sentence_idx, sentence) in structure.sentences().enumerate() {
        let mut after_break = true;
        for token in text::token_spans(text, sentence) {
            let written = token.slice(text);
            match token.kind {
                TokenKind::Punct => after_break = true,
                TokenKind::Word if written.contains(['-', '‐']) => {
                    push_word_parts(text, token.span, sentence_idx, after_break, &mut out);
                    after_break = false;
                }
                TokenKind::Word | TokenKind::Number => {
                    out.push(Word::new(
                        token.span,
                        token.lower(text).into_owned(),
                        written,
                        sentence_idx,
                        after_break,
                    ));
                    after_break = false;
                }
            }
        }
    }
    out
}

/// Pushes the parts of one hyphenated token ("secretary-general" → "secretary", "general").
fn push_word_parts(
    text: &str,
    span: Span,
    sentence: usize,
    after_break: bool,
    out: &mut Vec<Word>,
) {
    let written = span.slice(text);
    let mut part_start = 0;
    let mut first = true;
    let push = |start: usize, end: usize, first: bool, out: &mut Vec<Word>| {
        if end <= start {
            return;
        }
        let part = &written[start..end];
        let lower = part.to_lowercase().replace('’', "'");
        let part_span = Span::new(span.start + start, span.start + end);
        out.push(Word::new(
            part_span,
            lower,
            part,
            sentence,
            after_break && first,
        ));
    };
    for (idx, c) in written.char_indices() {
        if matches!(c, '-' | '‐') {
            push(part_start, idx, first, out);
            first = false;
            part_start = idx + c.len_utf8();
        }
    }
    push(part_start, written.len(), first, out);
}

/// Whether a word negates what follows it.
pub(crate) fn is_negation(word: &Word) -> bool {
    matches!(
        word.lower.as_str(),
        "not" | "no" | "never" | "hardly" | "nor" | "cannot" | "without" | "barely"
    ) || word.lower.ends_with("n't")
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Exact(String),
    Prefix(String),
}

impl Piece {
    fn matches(&self, word: &Word) -> bool {
        match self {
            Piece::Exact(exact) => word.key() == exact || word.lower == *exact,
            Piece::Prefix(prefix) => word.lower.starts_with(prefix.as_str()),
        }
    }
}

/// A named group of entries with its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Group {
    pub id: String,
    pub label: String,
    pub explanation: String,
    pub skip_when_negated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub group: usize,
    /// The entry as the data file writes it, without its conditions.
    pub text: String,
    pieces: Vec<Piece>,
    /// Word sequences that must not follow the match.
    not_before: Vec<Vec<String>>,
    /// Word sequences one of which must follow the match, when not empty.
    before: Vec<Vec<String>>,
    not_after: Vec<String>,
    lowercase_only: bool,
}

/// FNV-1a: the look-up keys are short words from our own data files, so a simple fast hash does
/// better than the default DoS-resistant one, which costs more than the rest of matching.
#[derive(Default)]
pub(crate) struct FnvHasher(u64);

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A hash map keyed by words, with [`FnvHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<FnvHasher>>;

/// A parsed data file, indexed by first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub groups: Vec<Group>,
    pub entries: Vec<Entry>,
    exact: WordMap<Vec<usize>>,
    /// Prefix entries keyed by their first four characters.
    by_prefix: WordMap<Vec<usize>>,
    /// Lines that could not be read, with their line number; a test keeps this empty for our files.
    pub problems: Vec<String>,
}

/// One place where an entry matched: words `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    pub entry: usize,
    pub first: usize,
    pub last: usize,
    pub span: Span,
}

const PREFIX_KEY_CHARS: usize = 4;

/// The first four characters of a word, the key of prefix entries; `None` for shorter words.
fn prefix_key(word: &str) -> Option<&str> {
    let end = word
        .char_indices()
        .nth(PREFIX_KEY_CHARS)
        .map_or(word.len(), |(idx, _)| idx);
    let key = &word[..end];
    (key.chars().count() == PREFIX_KEY_CHARS).then_some(key)
}

fn word_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|word| word.trim().to_lowercase())
        .filter(|word| !word.is_empty())
        .collect()
}

fn sequence_list(value: &str) -> Vec<Vec<String>> {
    word_list(value)
        .iter()
        .map(|item| item.split_whitespace().map(str::to_string).collect())
        .collect()
}

impl Lexicon {
    /// Reads a data file in the format above; unreadable lines land in `problems`, never a panic.
    pub fn parse(source: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (line_idx, line) in source.lines().enumerate() {
            let line_number = line_idx + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('[') {
                let Some((id, label)) = rest.split_once(']') else {
                    lexicon
                        .problems
                        .push(format!("line {line_number}: unclosed group"));
                    continue;
                };
                lexicon.groups.push(Group {
                    id: id.trim().to_string(),
                    label: label.trim().to_string(),
                    ..Group::default()
                });
                continue;
            }
            let Some(group_idx) = lexicon.groups.len().checked_sub(1) else {
                lexicon
                    .problems
                    .push(format!("line {line_number}: entry before any group"));
                continue;
            };
            if let Some(explanation) = line.strip_prefix('=') {
                lexicon.groups[group_idx].explanation = explanation.trim().to_string();
                continue;
            }
            if let Some(option) = line.strip_prefix('~') {
                match option.trim() {
                    "skip-when-negated" => lexicon.groups[group_idx].skip_when_negated = true,
                    other => lexicon
                        .problems
                        .push(format!("line {line_number}: unknown option {other}")),
                }
                continue;
            }
            match parse_entry(line, group_idx) {
                Ok(entry) => lexicon.push_entry(entry),
                Err(problem) => lexicon
                    .problems
                    .push(format!("line {line_number}: {problem}")),
            }
        }
        lexicon
    }

    fn push_entry(&mut self, entry: Entry) {
        let idx = self.entries.len();
        match &entry.pieces[0] {
            Piece::Exact(word) => self.exact.entry(word.clone()).or_default().push(idx),
            Piece::Prefix(prefix) => {
                if let Some(key) = prefix_key(prefix) {
                    self.by_prefix.entry(key.to_string()).or_default().push(idx);
                }
            }
        }
        self.entries.push(entry);
    }

    /// All matches in text order; where several entries start at the same word the longest wins,
    /// and matches never overlap.
    pub fn find(&self, words: &[Word]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut idx = 0;
        while idx < words.len() {
            let word = &words[idx];
            let exact = self.exact.get(word.key()).into_iter().chain(
                self.exact
                    .get(&word.lower)
                    .filter(|_| word.key() != word.lower),
            );
            let by_prefix = prefix_key(&word.lower).and_then(|key| self.by_prefix.get(key));
            let mut best: Option<Match> = None;
            for &entry_idx in exact.chain(by_prefix).flatten() {
                if let Some(found) = self.match_at(entry_idx, words, idx) {
                    let longer = best.is_none_or(|b| {
                        found.last > b.last || (found.last == b.last && found.entry < b.entry)
                    });
                    if longer {
                        best = Some(found);
                    }
                }
            }
            match best {
                Some(found) => {
                    idx = found.last + 1;
                    out.push(found);
                }
                None => idx += 1,
            }
        }
        out
    }

    fn match_at(&self, entry_idx: usize, words: &[Word], first: usize) -> Option<Match> {
        let entry = &self.entries[entry_idx];
        let last = first + entry.pieces.len() - 1;
        let candidate = words.get(first..=last)?;
        for (offset, (piece, word)) in entry.pieces.iter().zip(candidate).enumerate() {
            let joined =
                offset == 0 || (!word.after_break && word.sentence == words[first].sentence);
            if !joined || !piece.matches(word) {
                return None;
            }
        }
        if entry.lowercase_only && words[first].capitalised {
            return None;
        }
        let follows = |sequence: &[String]| {
            sequence.iter().enumerate().all(|(offset, expected)| {
                words.get(last + 1 + offset).is_some_and(|next| {
                    next.sentence == words[last].sentence
                        && !next.after_break
                        && (expected == next.key()
                            || *expected == next.lower
                            || (expected == "#number" && next.is_number))
                })
            })
        };
        let next_is = |list: &[Vec<String>]| list.iter().any(|sequence| follows(sequence));
        if next_is(&entry.not_before) {
            return None;
        }
        if !entry.before.is_empty() && !next_is(&entry.before) {
            return None;
        }
        let previous = first
            .checked_sub(1)
            .map(|idx| &words[idx])
            .filter(|previous| previous.sentence == words[first].sentence);
        if previous.is_some_and(|previous| {
            !words[first].after_break
                && entry
                    .not_after
                    .iter()
                    .any(|w| w == previous.key() || *w == previous.lower)
        }) {
            return None;
        }
        if self.groups[entry.group].skip_when_negated {
            let negated = (1..=2).any(|back| {
                first
                    .checked_sub(back)
                    .map(|idx| &words[idx])
                    .is_some_and(|w| w.sentence == words[first].sentence && is_negation(w))
            });
            if negated {
                return None;
            }
        }
        Some(Match {
            entry: entry_idx,
            first,
            last,
            span: Span::new(words[first].span.start, words[last].span.end),
        })
    }
}

fn parse_entry(line: &str, group: usize) -> Result<Entry, String> {
    let mut parts = line.split('|');
    let text = parts.next().unwrap_or("").trim().to_string();
    let mut pieces = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase().replace('’', "'");
        match word.strip_suffix('*') {
            Some(prefix) if prefix.chars().count() >= PREFIX_KEY_CHARS => {
                pieces.push(Piece::Prefix(prefix.to_string()))
            }
            Some(_) => {
                return Err(format!(
                    "prefix shorter than {PREFIX_KEY_CHARS} letters: {word}"
                ))
            }
            None => pieces.push(Piece::Exact(word)),
        }
    }
    if pieces.is_empty() {
        return Err("empty entry".to_string());
    }
    let mut entry = Entry {
        group,
        text,
        pieces,
        not_before: Vec::new(),
        before: Vec::new(),
        not_after: Vec::new(),
        lowercase_only: false,
    };
    for condition in parts {
        let condition = condition.trim();
        if condition == "lowercase-only" {
            entry.lowercase_only = true;
        } else if let Some(list) = condition.strip_prefix("not-before:") {
            entry.not_before = sequence_list(list);
        } else if let Some(list) = condition.strip_prefix("not-after:") {
            entry.not_after = word_list(list);
        } else if let Some(list) = condition.strip_prefix("before:") {
            entry.before = sequence_list(list);
        } else {
            return Err(format!("unknown condition {condition}"));
        }
    }
    Ok(entry)
}
