//! Content words for comparing texts: lower-cased, stemmed, without function words, with their spans.
//!
//! Alignment, discovery and the framing profile all compare articles word by word. They need the
//! same notion of "the same word" on both sides: "Expansion" and "expansions", "militarisation" and
//! "militarization", "5 %" and "5%". The stemmer here is deliberately light (plurals, -ed, -ing and
//! a few derivational endings, British and American spellings): it only has to map the variants of
//! one word together, and both sides of every comparison go through it, so a stem that is not a
//! real word does no harm.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::span::Span;
use crate::text::{self, Structure, TokenKind, WordHash, WordList};

/// One article's content words, paragraph by paragraph: what alignment and the framing profiles
/// both read, and most of what they cost. A caller that aligns articles and then profiles them
/// computes these once per article ([`ContentWords::of`]) and passes them to both
/// (`align::align_with_words`, `profile::profiles_with_words`).
#[derive(Debug, Clone, PartialEq)]
pub struct ContentWords {
    pub(crate) by_paragraph: Vec<Vec<ContentWord>>,
}

impl ContentWords {
    /// The content words of an analysed article.
    pub fn of(analysis: &Analysis) -> ContentWords {
        ContentWords {
            by_paragraph: content_words_by_paragraph(&analysis.text, &analysis.structure),
        }
    }

    /// The content words of each article, in order.
    pub fn of_all(articles: &[&Analysis]) -> Vec<ContentWords> {
        articles
            .iter()
            .map(|analysis| ContentWords::of(analysis))
            .collect()
    }
}

/// One content word (or "5%"-style number) of the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ContentWord {
    /// The stem, e.g. "militariz" for "militarisation".
    pub key: String,
    pub span: Span,
    /// Index of the sentence (over the whole text) the word is in; phrases never cross sentences.
    pub sentence: usize,
    /// Capitalised somewhere other than the start of its sentence, or an acronym: likely a name.
    pub proper: bool,
    /// Capitalised at the start of its sentence, where the capital says nothing either way.
    pub initial_capital: bool,
    /// Punctuation stands between this word and the previous content word of its sentence, so
    /// the two do not form a phrase ("Organization (NATO").
    pub after_break: bool,
}

/// Function words and reporting glue that say nothing about what a passage is about.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "per",
    "quite",
    "rather",
    "said",
    "say",
    "says",
    "saying",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "mr",
    "mrs",
    "ms",
    "dr",
    "told",
    "tell",
    "according",
    "well",
    "way",
    "including",
    "several",
    "certain",
    "already",
    "across",
    "onto",
    "beyond",
    "whose",
];

pub(crate) fn is_stopword(lower: &str) -> bool {
    static SET: WordList = WordList::new(STOPWORDS);
    SET.contains(lower)
}

/// Days and months are capitalised but are not names, and they make poor names for events.
const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn is_calendar_word(lower: &str) -> bool {
    static SET: WordList = WordList::new(CALENDAR_WORDS);
    SET.contains(lower)
}

/// British spellings folded onto American ones before stemming, so both sides meet.
const SPELLING_VARIANTS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("programme", "program"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("neighbour", "neighbor"),
    ("behaviour", "behavior"),
    ("harbour", "harbor"),
    ("colour", "color"),
    ("honour", "honor"),
];

/// Reduces a lower-case word to a stem shared by its inflections and close derivations.
///
/// The stem is cut and rewritten inside one copy of the word: no rule makes a word longer, so
/// that copy is the only allocation.
pub(crate) fn stem(lower: &str) -> String {
    let mut word = if !lower.is_ascii() && lower.contains(['’', '‘']) {
        lower.replace(['’', '‘'], "'")
    } else {
        lower.to_string()
    };
    // Possessives: "russia's" and "states'" are about Russia and states.
    if word.ends_with("'s") {
        word.truncate(word.len() - 2);
    }
    while word.ends_with('\'') {
        word.pop();
    }
    // Hyphenated words keep their first parts and stem the last one ("non-expansion").
    let last_part = word.rfind('-').map_or(0, |hyphen| hyphen + 1);
    stem_simple_word(&mut word, last_part);
    word
}

/// Stems `word[start..]` in place, leaving `word[..start]` as it is.
fn stem_simple_word(word: &mut String, start: usize) {
    for (british, american) in SPELLING_VARIANTS {
        if word.as_bytes()[start..].starts_with(british.as_bytes()) {
            word.replace_range(start..start + british.len(), american);
            break;
        }
    }
    let part = &word[start..];
    if !part.chars().all(char::is_alphabetic) || part.chars().count() <= 3 {
        return;
    }
    let ends_with =
        |word: &String, suffix: &str| word.as_bytes()[start..].ends_with(suffix.as_bytes());
    // Plurals: "policies" → "policy", "classes" → "class", "expansions" → "expansion".
    let replaced =
        replace_suffix(word, start, "ies", 3, "y") || replace_suffix(word, start, "sses", 0, "ss");
    if !replaced
        && ends_with(word, "s")
        && !ends_with(word, "ss")
        && !ends_with(word, "us")
        && !ends_with(word, "is")
        && word.len() - start > 3
    {
        word.pop();
    }
    // Derivational endings that keep the meaning: "militarisation" ~ "militarise", "enlargement" ~ "enlarge".
    for (suffix, replacement) in [
        ("isation", "ize"),
        ("ization", "ize"),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ments", ""),
        ("ment", ""),
        ("ness", ""),
        ("ingly", ""),
        ("edly", ""),
    ] {
        if replace_suffix(word, start, suffix, 4, replacement) {
            break;
        }
    }
    // Inflections: "-ing" and "-ed", undoing a doubled final consonant ("planned" → "plan").
    for suffix in ["ing", "ed"] {
        let base = word[start..]
            .strip_suffix(suffix)
            .filter(|base| base.len() >= 3 && has_vowel(base));
        if let Some(base) = base {
            let end = start + base.len() - usize::from(ends_doubled(base));
            word.truncate(end);
            break;
        }
    }
    // "-ise" and "-ize" spell the same verb; a final silent "e" varies with inflection.
    if !ends_with(word, "sis") && !replace_suffix(word, start, "is", 4, "iz") {
        replace_suffix(word, start, "ise", 4, "iz");
    }
    if word.len() - start > 4 && ends_with(word, "e") {
        word.pop();
    }
}

/// Replaces `suffix` at the end of `word[start..]` with `replacement` when at least `min_base`
/// bytes of that part come before it. Returns whether it did.
fn replace_suffix(
    word: &mut String,
    start: usize,
    suffix: &str,
    min_base: usize,
    replacement: &str,
) -> bool {
    let part = &word.as_bytes()[start..];
    if !part.ends_with(suffix.as_bytes()) || part.len() - suffix.len() < min_base {
        return false;
    }
    word.truncate(word.len() - suffix.len());
    word.push_str(replacement);
    true
}

fn has_vowel(s: &str) -> bool {
    s.chars().any(|c| "aeiouy".contains(c))
}

/// Whether `base` ends in a doubled ASCII letter other than "l", "s" or "z" ("plann", not "fall").
/// Only ASCII: the last two bytes of one character outside it can be equal too ("似" is E4 BC BC),
/// and cutting one of them off would split the character.
fn ends_doubled(base: &str) -> bool {
    let bytes = base.as_bytes();
    let n = bytes.len();
    n >= 2
        && bytes[n - 1].is_ascii_alphabetic()
        && bytes[n - 1] == bytes[n - 2]
        && !b"lsz".contains(&bytes[n - 1])
}

/// Stems already computed, by look-up form. An article repeats its content words often, and
/// looking a stem up costs much less than stemming the word again.
pub(crate) type Stems<'t> = HashMap<Cow<'t, str>, String, WordHash>;

/// The content words of one span of the text, sentence by sentence.
///
/// `sentences` are the sentence spans inside `within`; when there are none the span counts as one
/// sentence. `first_sentence_idx` numbers the sentences so that callers can keep phrases inside one.
pub(crate) fn content_words_in<'t>(
    text: &'t str,
    sentences: &[Span],
    within: Span,
    first_sentence_idx: usize,
    stems: &mut Stems<'t>,
) -> Vec<ContentWord> {
    let mut out = Vec::new();
    let whole = [within];
    let pieces = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    for (offset, sentence) in pieces.iter().enumerate() {
        let mut tokens = text::token_spans(text, *sentence).peekable();
        let mut first_word = true;
        let mut after_break = false;
        while let Some(token) = tokens.next() {
            match token.kind {
                TokenKind::Punct => after_break = true,
                TokenKind::Number => {
                    // "5%" is one term: the share is what a passage about a target is about.
                    let percent = tokens.next_if(|next| {
                        next.slice(text) == "%" && next.span.start == token.span.end
                    });
                    let number = token.lower(text);
                    if let Some(percent) = percent {
                        out.push(ContentWord {
                            key: format!("{number}%"),
                            span: Span::new(token.span.start, percent.span.end),
                            sentence: first_sentence_idx + offset,
                            proper: false,
                            initial_capital: false,
                            after_break: std::mem::take(&mut after_break),
                        });
                    } else if number.chars().filter(char::is_ascii_digit).count() >= 2 {
                        // Years and counts ("340 jobs") locate events; single digits rarely do.
                        out.push(ContentWord {
                            key: number.into_owned(),
                            span: token.span,
                            sentence: first_sentence_idx + offset,
                            proper: false,
                            initial_capital: false,
                            after_break: std::mem::take(&mut after_break),
                        });
                    }
                    first_word = false;
                }
                TokenKind::Word => {
                    let lower = token.lower(text);
                    let was_first = std::mem::replace(&mut first_word, false);
                    let bare = lower.strip_suffix("'s").unwrap_or(&lower);
                    if is_stopword(bare) || bare.chars().count() < 2 {
                        continue;
                    }
                    let surface = token.slice(text);
                    let is_acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && surface
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                    let proper = !is_calendar_word(bare)
                        && (is_acronym || (!was_first && token.is_capitalised(text)));
                    let initial_capital = was_first && token.is_capitalised(text);
                    let key = stems.entry(lower).or_insert_with_key(|lower| stem(lower));
                    out.push(ContentWord {
                        key: key.clone(),
                        span: token.span,
                        sentence: first_sentence_idx + offset,
                        proper,
                        initial_capital,
                        after_break: std::mem::take(&mut after_break),
                    });
                }
            }
        }
    }
    out
}

/// The content words of a whole text, paragraph by paragraph (one vector per paragraph).
pub(crate) fn content_words_by_paragraph(
    text: &str,
    structure: &Structure,
) -> Vec<Vec<ContentWord>> {
    let mut sentence_idx = 0;
    let mut stems = Stems::default();
    structure
        .paragraphs
        .iter()
        .map(|paragraph| {
            let words = content_words_in(
                text,
                &paragraph.sentences,
                paragraph.span,
                sentence_idx,
                &mut stems,
            );
            sentence_idx += paragraph.sentences.len().max(1);
            words
        })
        .collect()
}

/// The stems of a curated phrase ("spheres of influence" → ["spher", "influenc"]).
pub(crate) fn phrase_keys(phrase: &str) -> Vec<String> {
    let span = Span::new(0, phrase.len());
    content_words_in(phrase, &[], span, 0, &mut Stems::default())
        .into_iter()
        .map(|word| word.key)
        .collect()
}

/// Every place where `phrase` (stems) occurs as consecutive content words, with no punctuation between them.
pub(crate) fn find_phrase(words: &[ContentWord], phrase: &[String]) -> Vec<Span> {
    let mut found = Vec::new();
    if phrase.is_empty() || words.len() < phrase.len() {
        return found;
    }
    for start in 0..=words.len() - phrase.len() {
        let window = &words[start..start + phrase.len()];
        let same_sentence = window.iter().all(|w| w.sentence == window[0].sentence)
            && window[1..].iter().all(|w| !w.after_break);
        if same_sentence
            && window
                .iter()
                .zip(phrase)
                .all(|(word, key)| &word.key == key)
        {
            found.push(Span::new(
                window[0].span.start,
                window[phrase.len() - 1].span.end,
            ));
        }
    }
    found
}
