//! Structure and tokens: paragraphs, sentences and words of the clean text, as byte spans.
//!
//! Every other analysis module reads the text through this one: [`structure`] splits it into
//! paragraphs and sentences, [`tokens`] splits any span of it into words, numbers and punctuation.
//! Sentence splitting is rule based and conservative: a period only ends a sentence when it is
//! followed by white space and something that can start a sentence, and not when it closes a title
//! ("Dr."), an initial ("J. R. Smith"), a month before a day ("Jan. 5") or "e.g.".

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A small, fast hasher for short word keys (the multiply-rotate scheme of rustc's FxHasher).
///
/// Lexicon look-ups run several times per token; the standard SipHash is built to resist hash
/// flooding, which a fixed word list does not need, and costs several times more.
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        for &byte in chunks.remainder() {
            self.hash = (self.hash.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `HashMap`/`HashSet` state for word keys.
pub type WordHash = BuildHasherDefault<WordHasher>;

/// A fixed list of lower-case words with constant-time look-up, for lexicons written in code.
///
/// The set is built on first use; a linear scan of a hundred words per token is what made the
/// analysis slow.
pub struct WordList {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, WordHash>>,
}

impl WordList {
    pub const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Paragraphs and sentences of one clean text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Structure {
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph (a blank-line separated block) and its sentences, in text order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    /// Sentence spans, inside `span`, trimmed of surrounding white space, never empty.
    pub sentences: Vec<Span>,
}

impl Structure {
    /// All sentences of the text, in order.
    pub fn sentences(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs
            .iter()
            .flat_map(|paragraph| paragraph.sentences.iter().copied())
    }

    /// The index of the paragraph whose span contains byte `offset`, if any.
    pub fn paragraph_index_at(&self, offset: usize) -> Option<usize> {
        let idx = self
            .paragraphs
            .partition_point(|paragraph| paragraph.span.end <= offset);
        let paragraph = self.paragraphs.get(idx)?;
        (paragraph.span.start <= offset).then_some(idx)
    }

    /// The sentence that contains byte `offset`, if any (offsets between sentences have none).
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        let paragraph = &self.paragraphs[self.paragraph_index_at(offset)?];
        let idx = paragraph
            .sentences
            .partition_point(|sentence| sentence.end <= offset);
        let sentence = *paragraph.sentences.get(idx)?;
        (sentence.start <= offset).then_some(sentence)
    }
}

/// Splits clean text into paragraphs (separated by blank lines) and sentences.
///
/// A single line break inside a paragraph also ends a sentence: in scraped pages a lone line is a
/// heading, a list item or a paragraph whose blank line was lost, never half a sentence.
pub fn structure(text: &str) -> Structure {
    let mut paragraphs = Vec::new();
    let mut paragraph_start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let leading = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(start) = paragraph_start.take() {
                paragraphs.push(make_paragraph(
                    text,
                    Span::new(start, last_content_end),
                    &lines,
                ));
                lines.clear();
            }
            continue;
        }
        let line_span = Span::new(line_start + leading, line_start + leading + trimmed.len());
        paragraph_start.get_or_insert(line_span.start);
        last_content_end = line_span.end;
        lines.push(line_span);
    }
    if let Some(start) = paragraph_start {
        paragraphs.push(make_paragraph(
            text,
            Span::new(start, last_content_end),
            &lines,
        ));
    }
    Structure { paragraphs }
}

fn make_paragraph(text: &str, span: Span, lines: &[Span]) -> Paragraph {
    let mut sentences = Vec::new();
    for line in lines {
        split_sentences(text, *line, &mut sentences);
    }
    Paragraph { span, sentences }
}

/// Characters that may follow a sentence terminator and still belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Characters that may open a sentence besides letters and digits.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '—' | '–' | '-' | '•' | '*'
    )
}

/// Titles and other abbreviations that are never the last word of a sentence: a name or a number follows.
const NEVER_FINAL_ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mssrs", "prof", "gen", "col", "lt", "sgt", "capt", "cpt", "cmdr",
    "adm", "maj", "brig", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt",
    "ft", "fr", "sr", "jr", "supt", "det", "insp", "amb", "messrs", "mme", "mlle", "vs", "v",
    "e.g", "i.e", "cf", "viz", "approx", "ca", "no", "nos", "art", "fig", "vol", "pp", "p", "ch",
    "sec", "para", "est", "dept", "univ", "assn", "ave", "blvd", "rd", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that often end a sentence ("… of Apple Inc. The company …"); they only end one
/// when a typical sentence opener follows.
const SOMETIMES_FINAL_ABBREVIATIONS: &[&str] =
    &["inc", "ltd", "co", "corp", "plc", "llc", "etc", "al"];

/// Words that commonly open a sentence; after an ambiguous abbreviation ("U.S.", "Inc.") they mark a break.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "yet",
    "so",
    "in",
    "on",
    "at",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "however",
    "meanwhile",
    "still",
    "as",
    "since",
    "some",
    "many",
    "most",
    "officials",
];

/// Appends the sentences of one line (already trimmed) to `out`.
fn split_sentences(text: &str, line: Span, out: &mut Vec<Span>) {
    let body = line.slice(text);
    let mut sentence_start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((idx, c)) = chars.next() {
        let is_terminator = matches!(c, '.' | '!' | '?' | '…');
        if !is_terminator {
            continue;
        }
        // Swallow a run of terminators ("?!", "...") and closing quotes or brackets.
        let mut end = idx + c.len_utf8();
        while let Some(&(next_idx, next)) = chars.peek() {
            if matches!(next, '.' | '!' | '?' | '…') || is_closer(next) {
                end = next_idx + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // A boundary needs white space after it; "3.5", "U.S.-led" and "example.com" have none.
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue;
        }
        if after_space.is_empty() {
            continue; // the line end closes the sentence below
        }
        let next_char = after_space.chars().next().unwrap_or(' ');
        let next_word = leading_word(after_space);
        let starts_sentence =
            next_char.is_uppercase() || next_char.is_ascii_digit() || is_opener(next_char);
        if !starts_sentence {
            continue;
        }
        if c == '.'
            && end == idx + 1
            && !period_ends_sentence(&body[sentence_start..idx], next_word)
        {
            continue;
        }
        push_trimmed(line.start + sentence_start, line.start + end, text, out);
        sentence_start = body.len() - after_space.len();
    }
    push_trimmed(line.start + sentence_start, line.end, text, out);
}

/// Whether a lone period right after `before` (the sentence so far) ends the sentence, given the next word.
fn period_ends_sentence(before: &str, next_word: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || is_opener(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_lower = next_word.to_lowercase();
    let next_is_opener = SENTENCE_OPENERS.contains(&next_lower.as_str());
    // A single capital letter is an initial ("J. R. Smith"), unless a common opener follows.
    let mut word_chars = word.chars();
    if let (Some(first), None) = (word_chars.next(), word_chars.next()) {
        if first.is_uppercase() {
            return next_is_opener && next_word != "A" && next_word != "I";
        }
    }
    if NEVER_FINAL_ABBREVIATIONS.contains(&lower.as_str()) {
        // Month names are also ordinary words ("in March."); only "Mar. 5" style needs protection.
        return false;
    }
    if SOMETIMES_FINAL_ABBREVIATIONS.contains(&lower.as_str()) {
        return next_is_opener;
    }
    // Dotted acronyms ("U.S", "U.N", "a.m") end a sentence only before a typical opener.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return next_is_opener;
    }
    true
}

fn leading_word(s: &str) -> &str {
    let s = s.trim_start_matches(is_opener);
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
}

fn push_trimmed(start: usize, end: usize, text: &str, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trimmed_len = piece.trim().len();
    if trimmed_len > 0 {
        out.push(Span::new(start + leading, start + leading + trimmed_len));
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters and digits starting with a letter, with inner apostrophes or hyphens ("don't", "so-called", "G7").
    Word,
    /// Digits with inner "." or "," ("3.5", "1,000", "2022").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// One token of the clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Lower-cased form with curly apostrophes straightened ("Russia’s" → "russia's"), for lexicon look-ups.
    pub lower: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token's first character is upper case in the text ("NATO", "Putin").
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn is_word_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// A token without its look-up form: where it is in the text and what it is.
///
/// [`token_spans`] yields these without allocating; [`TokenSpan::lower`] gives the look-up form of
/// the few that a caller needs it for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    pub span: Span,
    pub kind: TokenKind,
}

impl TokenSpan {
    /// The token as written in `text` (the text it was split from).
    pub fn slice(self, text: &str) -> &str {
        self.span.slice(text)
    }

    /// Whether the token's first character is upper case in `text` ("NATO", "Putin").
    pub fn is_capitalised(self, text: &str) -> bool {
        self.slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// The look-up form, as in [`Token::lower`]: words and numbers lower-cased and folded,
    /// punctuation as written. Borrows from `text` when the token is already in that form.
    pub fn lower(self, text: &str) -> Cow<'_, str> {
        let written = self.span.slice(text);
        match self.kind {
            TokenKind::Punct => Cow::Borrowed(written),
            TokenKind::Word | TokenKind::Number => lower_form(written),
        }
    }
}

/// Tokenizes the part of `text` inside `within` (e.g. one sentence) into words, numbers and punctuation.
///
/// Spans of a `within` that does not fit the text are clamped; the function never panics.
pub fn tokens(text: &str, within: Span) -> Vec<Token> {
    token_spans(text, within)
        .map(|token| Token {
            span: token.span,
            kind: token.kind,
            lower: token.lower(text).into_owned(),
        })
        .collect()
}

/// The tokens of [`tokens`] as spans and kinds only, one at a time, for callers that look at few
/// of them or only at some of their look-up forms: splitting allocates nothing.
pub fn token_spans(text: &str, within: Span) -> TokenSpans<'_> {
    let (start, end) = clamp_to_char_boundaries(text, within);
    TokenSpans {
        piece: &text[start..end],
        offset: start,
        pos: 0,
    }
}

/// The iterator of [`token_spans`].
#[derive(Debug, Clone)]
pub struct TokenSpans<'t> {
    /// The clamped part of the text being split.
    piece: &'t str,
    /// Where `piece` starts in the text.
    offset: usize,
    /// The next byte of `piece` to look at.
    pos: usize,
}

impl TokenSpans<'_> {
    /// The character at byte `idx` of the piece, if any; most text is ASCII, which needs no decoding.
    fn char_at(&self, idx: usize) -> Option<char> {
        match self.piece.as_bytes().get(idx) {
            Some(&byte) if byte.is_ascii() => Some(char::from(byte)),
            Some(_) => self.piece[idx..].chars().next(),
            None => None,
        }
    }

    /// Where the word (`word` true) or number that starts at byte `start` with `first` ends.
    fn token_end(&self, start: usize, first: char, word: bool) -> usize {
        let mut end = start + first.len_utf8();
        while let Some(next) = self.char_at(end) {
            let continues = if word {
                next.is_alphanumeric()
            } else {
                next.is_numeric()
            };
            if continues {
                end += next.len_utf8();
                continue;
            }
            // A joiner only joins when a word or number character follows it directly.
            let joins = if word {
                is_word_joiner(next)
            } else {
                matches!(next, '.' | ',')
            };
            let after = self.char_at(end + next.len_utf8());
            let followed = if word {
                after.is_some_and(char::is_alphanumeric)
            } else {
                after.is_some_and(char::is_numeric)
            };
            if joins && followed {
                end += next.len_utf8();
                continue;
            }
            break;
        }
        end
    }
}

impl Iterator for TokenSpans<'_> {
    type Item = TokenSpan;

    fn next(&mut self) -> Option<TokenSpan> {
        loop {
            let start = self.pos;
            let c = self.char_at(start)?;
            let (kind, end) = if c.is_whitespace() {
                self.pos += c.len_utf8();
                continue;
            } else if c.is_alphabetic() {
                (TokenKind::Word, self.token_end(start, c, true))
            } else if c.is_numeric() {
                (TokenKind::Number, self.token_end(start, c, false))
            } else {
                (TokenKind::Punct, start + c.len_utf8())
            };
            self.pos = end;
            let span = Span::new(self.offset + start, self.offset + end);
            return Some(TokenSpan { span, kind });
        }
    }
}

/// The look-up form of a word: lower case, with curly apostrophes and Unicode hyphens made plain.
///
/// Most words of a text are plain lower-case ASCII already; those are borrowed, not copied.
fn lower_form(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
            return Cow::Owned(word.to_ascii_lowercase());
        }
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '’' => '\'',
                '‐' => '-',
                c => c,
            })
            .collect(),
    )
}

/// Clamps a span to the text and moves both ends back onto character boundaries.
fn clamp_to_char_boundaries(text: &str, span: Span) -> (usize, usize) {
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = span.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests;
