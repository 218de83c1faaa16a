//! Words as search sees them: where they are in a text, their case- and accent-free form, stop words.
//!
//! Index, query and snippet all go through these functions, so a word typed in the search box and
//! the same word in an article always normalise to the same term.

use crate::span::Span;

/// The byte spans of the words of `text`, in order.
///
/// A word is a run of letters, digits and combining marks; an apostrophe between two letters stays
/// inside it ("Russia's", "NATO’s"), every other character separates words ("24-25" is two words).
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, offset: 0 }
}

pub struct WordSpans<'t> {
    text: &'t str,
    offset: usize,
}

fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() || is_combining_mark(ch)
}

fn is_combining_mark(ch: char) -> bool {
    matches!(ch, '\u{0300}'..='\u{036F}')
}

fn is_apostrophe(ch: char) -> bool {
    matches!(ch, '\'' | '\u{2019}' | '\u{02BC}')
}

impl Iterator for WordSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let rest = &self.text[self.offset..];
        let (skip, _) = rest.char_indices().find(|&(_, ch)| ch.is_alphanumeric())?;
        let start = self.offset + skip;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((idx, ch)) = chars.next() {
            if is_word_char(ch) {
                end = start + idx + ch.len_utf8();
            } else if is_apostrophe(ch)
                && chars
                    .peek()
                    .is_some_and(|&(_, next)| next.is_alphanumeric())
            {
                continue;
            } else {
                break;
            }
        }
        self.offset = end;
        Some(Span::new(start, end))
    }
}

/// Appends the search form of `word` to `out`: lower case, accents removed, apostrophes as `'`.
pub fn normalize_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        // The common case, byte by byte: an ASCII word stays ASCII.
        out.extend(word.bytes().map(|byte| byte.to_ascii_lowercase() as char));
        return;
    }
    for ch in word.chars() {
        if is_apostrophe(ch) {
            out.push('\'');
        } else if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else if let Some(folded) = fold_latin(ch) {
            out.push_str(folded);
        } else if !is_combining_mark(ch) {
            out.extend(ch.to_lowercase());
        }
    }
}

/// The search form of `word` (see [`normalize_into`]).
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// The ASCII spelling of an accented Latin letter, lower case; `None` for anything else.
///
/// Covers Latin-1 and Latin Extended-A, which hold the letters of every European language that
/// writes in Latin script, plus the Romanian comma-below letters.
fn fold_latin(ch: char) -> Option<&'static str> {
    let code = ch as u32;
    Some(match code {
        0xC0..=0xC5 | 0xE0..=0xE5 | 0x100..=0x105 => "a",
        0xC6 | 0xE6 => "ae",
        0xC7 | 0xE7 | 0x106..=0x10D => "c",
        0xD0 | 0xF0 | 0x10E..=0x111 => "d",
        0xC8..=0xCB | 0xE8..=0xEB | 0x112..=0x11B => "e",
        0x11C..=0x123 => "g",
        0x124..=0x127 => "h",
        0xCC..=0xCF | 0xEC..=0xEF | 0x128..=0x131 => "i",
        0x132 | 0x133 => "ij",
        0x134 | 0x135 => "j",
        0x136..=0x138 => "k",
        0x139..=0x142 => "l",
        0xD1 | 0xF1 | 0x143..=0x14B => "n",
        0xD2..=0xD6 | 0xD8 | 0xF2..=0xF6 | 0xF8 | 0x14C..=0x151 => "o",
        0x152 | 0x153 => "oe",
        0x154..=0x159 => "r",
        0xDF => "ss",
        0x15A..=0x161 | 0x17F | 0x218 | 0x219 => "s",
        0x162..=0x167 | 0x21A | 0x21B => "t",
        0xDE | 0xFE => "th",
        0xD9..=0xDC | 0xF9..=0xFC | 0x168..=0x173 => "u",
        0x174 | 0x175 => "w",
        0xDD | 0xFD | 0xFF | 0x176..=0x178 => "y",
        0x179..=0x17E => "z",
        _ => return None,
    })
}

/// Function words that carry no topic of their own. They are not indexed, but they still take up
/// a position, so the phrase "spheres of influence" needs exactly one word between its two terms.
///
/// Words that change meaning ("not", "against", "before") are deliberately not in the list.
const STOP_WORDS: [&str; 78] = [
    "a", "about", "am", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "hers", "him",
    "his", "i", "if", "in", "into", "is", "it", "it's", "its", "me", "my", "of", "on", "or", "our",
    "ours", "she", "so", "some", "than", "that", "the", "their", "theirs", "them", "then", "there",
    "these", "they", "this", "those", "to", "too", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "with", "would", "you", "your", "yours",
    "shall", "s",
];

/// True for a normalised word that search ignores.
pub fn is_stop_word(normalized: &str) -> bool {
    STOP_WORDS.contains(&normalized)
}
