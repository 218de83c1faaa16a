//! Entities: people, organisations, places, dates and numbers, with their aliases.
//!
//! Names come from the curated gazetteer (`data/gazetteer.txt`: organisations, countries with their
//! demonyms and capitals, places and well-known public figures) and, for names it does not know, from
//! capitalisation: a run of capitalised words is a person when a title or role stands before it
//! ("Dr. Hans Kundberg", "coach Manuel Ortega") or a speech verb follows it, an organisation when it
//! holds an organisation word ("… Defense University"), and otherwise a name of unknown kind. Dates and
//! numbers are read from the tokens; every mention keeps the sentence it sits in, so a statistic can be
//! shown with its context.

pub mod gazetteer;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::{tokens, Structure, Token, TokenKind, WordList};

use gazetteer::{lexicon, GazetteerKind, Lexicon, NameForm};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Country,
    /// A city, region or other place that is not a country.
    Place,
    /// A capitalised name the rules cannot place ("Balkan Wars", "Maidan").
    OtherName,
    /// A calendar date, month or year ("December 24, 2021", "June 24-25", "2014").
    Date,
    /// A percentage ("74%", "5 per cent").
    Percentage,
    /// An amount of money ("$1.2 billion", "1.2 billion euros").
    Money,
    /// Any other number or quantity ("7,000 patients", "6 months").
    Number,
}

/// One entity and every place the text mentions it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name (gazetteer) or the text as written (dates, numbers, unknown names).
    pub name: String,
    pub kind: EntityKind,
    /// Whether the curated gazetteer knows this entity (otherwise it comes from heuristics).
    pub from_gazetteer: bool,
    pub mentions: Vec<Span>,
    /// The sentence of each mention, in the same order as `mentions`.
    pub sentences: Vec<Span>,
}

/// Month names and their abbreviations, lower case.
static MONTHS: WordList = WordList::new(&[
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
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]);
static WEEKDAYS: WordList = WordList::new(&[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);
/// Words before a bare month that make it a date ("in March", "since June").
static MONTH_LEADS: WordList = WordList::new(&[
    "in", "since", "until", "by", "last", "next", "early", "late", "mid", "during", "from", "of",
]);
static SCALE_WORDS: WordList =
    WordList::new(&["thousand", "million", "billion", "trillion", "bn", "mn"]);
static CURRENCY_WORDS: WordList = WordList::new(&[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "yen", "yuan", "roubles", "rubles",
    "rouble", "ruble", "francs", "kronor", "krone", "rupees", "usd", "eur", "gbp",
]);
static CURRENCY_SIGNS: WordList = WordList::new(&["$", "€", "£", "¥", "₽"]);
/// Capitalised words that open sentences and are not names on their own.
static COMMON_CAPITALISED: WordList = WordList::new(&[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "as",
    "but",
    "and",
    "or",
    "it",
    "its",
    "there",
    "when",
    "while",
    "if",
    "after",
    "before",
    "however",
    "moreover",
    "yet",
    "so",
    "for",
    "here",
    "now",
    "then",
    "still",
    "also",
    "such",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "both",
    "each",
    "every",
    "all",
    "no",
    "not",
    "many",
    "most",
    "some",
    "despite",
    "although",
    "though",
    "because",
    "since",
    "today",
    "meanwhile",
    "instead",
    "indeed",
    "thus",
    "historically",
    "overall",
    "ultimately",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "one",
    "another",
    "with",
    "without",
    "by",
    "from",
    "to",
    "of",
    "about",
    "over",
    "under",
    "between",
    "through",
    "during",
    "against",
    "among",
    "into",
    "let",
    "why",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "be",
    "been",
    "being",
    "not",
    "only",
    "even",
    "just",
    "data",
    "recent",
    "other",
    "further",
    "furthermore",
    "additionally",
    "nonetheless",
    "nevertheless",
    "first",
    "second",
    "finally",
    "earlier",
    "later",
    "analysts",
    "critics",
    "experts",
    "officials",
    "q",
]);
/// Words that title case leaves in lower case.
static TITLE_CASE_SMALL_WORDS: WordList = WordList::new(&[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "are", "vs", "via", "into", "over",
]);
/// Capitalised single words that are directions, eras or institutions in general, not names.
static COMMON_SINGLE_NAMES: WordList = WordList::new(&[
    "west",
    "east",
    "north",
    "south",
    "western",
    "eastern",
    "northern",
    "southern",
    "state",
    "states",
    "war",
    "government",
    "internet",
    "god",
    "president",
    "parliament",
    "congress",
    "senate",
    "army",
    "navy",
    "gdp",
    "ceo",
    "ai",
    "tv",
    "pm",
    "am",
    "ok",
]);
static NAME_PARTICLES: WordList = WordList::new(&[
    "de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "le", "la", "del", "dos",
    "ibn", "el",
]);
static NAME_CONNECTORS: WordList = WordList::new(&["of", "for", "and", "&", "on"]);

/// Finds every entity the text mentions.
pub fn find(text: &str, structure: &Structure) -> Vec<Entity> {
    let lexicon = lexicon();
    let mut found: Vec<Found> = Vec::new();
    for paragraph in &structure.paragraphs {
        for sentence in &paragraph.sentences {
            let sentence_tokens = tokens(text, *sentence);
            find_in_sentence(text, *sentence, &sentence_tokens, lexicon, &mut found);
        }
    }
    collect(text, found, lexicon)
}

/// One mention before mentions are grouped into entities.
struct Found {
    span: Span,
    sentence: Span,
    kind: EntityKind,
    /// Gazetteer entry, if any.
    entry: Option<usize>,
    contextual: bool,
    name: String,
    /// A lone capitalised word with no other sign of being a name: kept only if it is a known surname.
    weak: bool,
}

fn find_in_sentence(
    text: &str,
    sentence: Span,
    toks: &[Token],
    lexicon: &Lexicon,
    found: &mut Vec<Found>,
) {
    let is_heading = is_title_case_heading(text, toks);
    let mut idx = 0;
    while idx < toks.len() {
        if let Some((n, kind)) = date_at(text, toks, idx)
            .map(|n| (n, EntityKind::Date))
            .or_else(|| number_at(text, toks, idx))
        {
            let span = Span::new(toks[idx].span.start, toks[idx + n - 1].span.end);
            let name = span.slice(text).to_string();
            found.push(Found {
                span,
                sentence,
                kind,
                entry: None,
                contextual: false,
                name,
                weak: false,
            });
            idx += n;
            continue;
        }
        let gazetteer_match = lexicon.match_at(text, toks, idx);
        // An organisation named after a place or people ("Norwegian Defense University") is one name.
        if !is_heading {
            if let Some((n, mention)) = capitalised_run(text, toks, idx, lexicon, true) {
                let longer = gazetteer_match.is_none_or(|m| m.n_tokens < n);
                if longer && mention.kind == EntityKind::Organisation && n >= 2 {
                    found.push(Found {
                        sentence,
                        ..mention
                    });
                    idx += n;
                    continue;
                }
            }
        }
        if let Some(matched) = gazetteer_match {
            let entry = &lexicon.entries[matched.entry];
            let n = matched.n_tokens;
            // A possessive or plural stays with the name: "NATO's" is one token, matched by its stem below.
            let span = Span::new(toks[idx].span.start, toks[idx + n - 1].span.end);
            let capital = matched.form == NameForm::Capital;
            found.push(Found {
                span,
                sentence,
                // A capital is a place of its own, named as written ("Moscow"), not its country.
                kind: if capital {
                    EntityKind::Place
                } else {
                    kind_of(entry.kind)
                },
                entry: Some(matched.entry),
                contextual: matched.form == NameForm::Contextual,
                name: if capital {
                    span.slice(text).to_string()
                } else {
                    entry.name.clone()
                },
                weak: false,
            });
            idx += n;
            continue;
        }
        if let Some(stem_match) = possessive_match(text, &toks[idx], lexicon) {
            found.push(Found {
                sentence,
                ..stem_match
            });
            idx += 1;
            continue;
        }
        if !is_heading {
            if let Some((n, mention)) = capitalised_run(text, toks, idx, lexicon, false) {
                found.push(Found {
                    sentence,
                    ..mention
                });
                idx += n;
                continue;
            }
        }
        idx += 1;
    }
}

/// "NATO's", "Russia’s": the tokenizer keeps the possessive with the word, so match the stem alone.
fn possessive_match(text: &str, token: &Token, lexicon: &Lexicon) -> Option<Found> {
    let word = token.span.slice(text);
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    let stem_tokens = tokens(stem, Span::new(0, stem.len()));
    let matched = lexicon
        .match_at(stem, &stem_tokens, 0)
        .filter(|m| m.n_tokens == stem_tokens.len())?;
    if matched.form == NameForm::Demonym {
        return None;
    }
    let entry = &lexicon.entries[matched.entry];
    let capital = matched.form == NameForm::Capital;
    Some(Found {
        span: Span::new(token.span.start, token.span.start + stem.len()),
        sentence: token.span,
        kind: if capital {
            EntityKind::Place
        } else {
            kind_of(entry.kind)
        },
        entry: Some(matched.entry),
        contextual: matched.form == NameForm::Contextual,
        name: if capital {
            stem.to_string()
        } else {
            entry.name.clone()
        },
        weak: false,
    })
}

fn kind_of(kind: GazetteerKind) -> EntityKind {
    match kind {
        GazetteerKind::Organisation => EntityKind::Organisation,
        GazetteerKind::Country => EntityKind::Country,
        GazetteerKind::Place => EntityKind::Place,
        GazetteerKind::Person => EntityKind::Person,
    }
}

/// A heading in title case ("Implications for Global Security") would read as one long name.
fn is_title_case_heading(text: &str, toks: &[Token]) -> bool {
    // Title case leaves short function words in lower case ("Denial of West's Vows"), so count the rest.
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| t.is_word() && !TITLE_CASE_SMALL_WORDS.contains(t.lower.as_str()))
        .collect();
    let n_capitalised = words.iter().filter(|t| t.is_capitalised(text)).count();
    let unpunctuated = !toks
        .last()
        .is_some_and(|t| matches!(t.lower.as_str(), "." | "!" | "?" | ":"));
    // "Related Posts", "Implications for Global Security": short unpunctuated lines of capitals.
    if unpunctuated && words.len() >= 2 && n_capitalised == words.len() {
        return true;
    }
    words.len() >= 4 && n_capitalised * 10 >= words.len() * 9
}

fn is_month(token: &Token) -> bool {
    token.is_word() && MONTHS.contains(token.lower.as_str())
}

fn is_year(text: &str, token: &Token) -> bool {
    let digits = token.span.slice(text);
    token.kind == TokenKind::Number
        && digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
}

fn is_day(text: &str, token: &Token) -> bool {
    let digits = token.span.slice(text);
    token.kind == TokenKind::Number
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && (1..=31).contains(&digits.parse::<u32>().unwrap_or(0))
}

fn is(toks: &[Token], idx: usize, lower: &str) -> bool {
    toks.get(idx).is_some_and(|t| t.lower == lower)
}

/// The number of tokens of a date starting at `idx`.
fn date_at(text: &str, toks: &[Token], idx: usize) -> Option<usize> {
    let token = &toks[idx];
    // "Friday, December 24, 2021": a weekday, alone ("on Tuesday") or before a date.
    if token.is_word() && WEEKDAYS.contains(token.lower.as_str()) && token.is_capitalised(text) {
        let after_comma = if is(toks, idx + 1, ",") {
            idx + 2
        } else {
            idx + 1
        };
        return Some(
            match toks
                .get(after_comma)
                .map(|_| date_at(text, toks, after_comma))
            {
                Some(Some(rest))
                    if toks[after_comma].kind == TokenKind::Number
                        || is_month(&toks[after_comma]) =>
                {
                    after_comma - idx + rest
                }
                _ => 1,
            },
        );
    }
    // "2021-12-24".
    if is_year(text, token) && is(toks, idx + 1, "-") && is(toks, idx + 3, "-") {
        let month = toks.get(idx + 2).is_some_and(|t| is_day(text, t));
        let day = toks.get(idx + 4).is_some_and(|t| is_day(text, t));
        if month && day {
            return Some(5);
        }
    }
    // "24 December 2021", "23 December".
    if is_day(text, token)
        && toks
            .get(idx + 1)
            .is_some_and(|t| is_month(t) && t.is_capitalised(text))
    {
        let mut n = 2;
        if toks.get(idx + 2).is_some_and(|t| is_year(text, t)) {
            n = 3;
        }
        return Some(n);
    }
    if is_month(token) && token.is_capitalised(text) {
        let mut end = idx + 1;
        if is(toks, end, ".") {
            end += 1; // "Jan."
        }
        // "June 24-25", "December 24, 2021", "May 2021".
        if toks.get(end).is_some_and(|t| is_day(text, t)) {
            end += 1;
            if is(toks, end, "-") && toks.get(end + 1).is_some_and(|t| is_day(text, t)) {
                end += 2;
            }
            if is(toks, end, ",") && toks.get(end + 1).is_some_and(|t| is_year(text, t)) {
                end += 2;
            } else if toks.get(end).is_some_and(|t| is_year(text, t)) {
                end += 1;
            }
            return Some(end - idx);
        }
        if toks.get(end).is_some_and(|t| is_year(text, t)) {
            return Some(end + 1 - idx);
        }
        // A bare month only after a word that makes it a time ("in March"); "May" is too often a verb.
        let led = idx > 0 && MONTH_LEADS.contains(toks[idx - 1].lower.as_str());
        if led && token.lower != "may" {
            return Some(1);
        }
        return None;
    }
    // A year on its own ("in 2014", "a 2022 survey"), unless it is a quantity ("2022 people" is rare;
    // a following percent sign or scale word makes it a number).
    if is_year(text, token) {
        let next = toks.get(idx + 1).map(|t| t.lower.as_str());
        if !matches!(next, Some("%" | "percent" | "per"))
            && !next.is_some_and(|w| SCALE_WORDS.contains(w))
        {
            return Some(1);
        }
    }
    None
}

/// A number with its sign and unit: "74%", "5 per cent", "$1.2 billion", "1.2 billion euros", "7,000".
fn number_at(text: &str, toks: &[Token], idx: usize) -> Option<(usize, EntityKind)> {
    let mut start = idx;
    let mut kind = EntityKind::Number;
    if CURRENCY_SIGNS.contains(toks[idx].lower.as_str())
        && toks
            .get(idx + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        kind = EntityKind::Money;
        start = idx + 1;
    }
    if toks[start].kind != TokenKind::Number {
        return None;
    }
    let mut end = start + 1;
    if toks
        .get(end)
        .is_some_and(|t| SCALE_WORDS.contains(t.lower.as_str()))
    {
        end += 1;
    }
    match toks.get(end).map(|t| t.lower.as_str()) {
        Some("%") | Some("percent") => {
            kind = EntityKind::Percentage;
            end += 1;
        }
        Some("per") if is(toks, end + 1, "cent") => {
            kind = EntityKind::Percentage;
            end += 2;
        }
        Some(word) if CURRENCY_WORDS.contains(word) => {
            kind = EntityKind::Money;
            end += 1;
        }
        _ => {}
    }
    let _ = text;
    Some((end - idx, kind))
}

/// A run of capitalised words that the gazetteer does not know, read as a person, organisation or name.
fn capitalised_run(
    text: &str,
    toks: &[Token],
    idx: usize,
    lexicon: &Lexicon,
    through_gazetteer: bool,
) -> Option<(usize, Found)> {
    let first = &toks[idx];
    if !first.is_word() || !first.is_capitalised(text) {
        return None;
    }
    // Months and weekdays are dates or nothing ("May" is also a verb); "Russian-speaking" is an adjective.
    let lower = first.lower.as_str();
    if MONTHS.contains(lower) || WEEKDAYS.contains(lower) {
        return None;
    }
    if first
        .span
        .slice(text)
        .split(['-', '‐'])
        .skip(1)
        .any(|part| part.starts_with(char::is_lowercase))
    {
        return None;
    }
    let is_name_word = |t: &Token| {
        t.is_word()
            && t.is_capitalised(text)
            && lexicon.role_classes_of(&t.lower).is_none()
            && !(lexicon.is_title(&t.lower))
    };
    // Titles and roles before the name tell us it is a person; they are not part of the name.
    let sentence_start = idx == 0
        || matches!(
            toks[idx - 1].lower.as_str(),
            "\"" | "“" | "‘" | "'" | "(" | "«"
        );
    if sentence_start && COMMON_CAPITALISED.contains(first.lower.as_str()) {
        return None;
    }
    if !is_name_word(first) {
        return None;
    }
    let mut end = idx + 1;
    while end < toks.len() {
        let token = &toks[end];
        let free = through_gazetteer
            || (lexicon
                .match_at(text, toks, end)
                .is_none_or(|m| m.form == NameForm::Contextual)
                && possessive_match(text, token, lexicon).is_none());
        if is_name_word(token) && free {
            end += 1;
            // A possessive ends the name: "Russia's 'Sphere …'".
            if token.lower.ends_with("'s") {
                break;
            }
        } else if token.lower == "."
            && toks[end - 1].span.slice(text).chars().count() == 1
            && toks.get(end + 1).is_some_and(is_name_word)
        {
            end += 1; // an initial: "J. R. Smith"
        } else if (NAME_PARTICLES.contains(token.lower.as_str())
            || NAME_CONNECTORS.contains(token.lower.as_str()))
            && toks.get(end + 1).is_some_and(|t| {
                is_name_word(t)
                    && (through_gazetteer || lexicon.match_at(text, toks, end + 1).is_none())
            })
        {
            end += 2;
        } else {
            break;
        }
    }
    let run = &toks[idx..end];
    let word = run[0].span.slice(text);
    if run.len() == 1
        && (sentence_start || word.ends_with("'s") || word.ends_with("’s"))
        && word.len() < 3
    {
        return None;
    }
    let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
    let name = span
        .slice(text)
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    let span = Span::new(span.start, span.start + name.len());
    let before = idx.checked_sub(1).map(|i| &toks[i]);
    let titled = before
        .is_some_and(|t| t.lower == "." && idx >= 2 && lexicon.is_title(&toks[idx - 2].lower))
        || before.is_some_and(|t| lexicon.role_classes_of(&t.lower).is_some());
    let speaks = toks.get(end).is_some_and(|t| is_speech_form(&t.lower))
        || before.is_some_and(|t| is_speech_form(&t.lower))
        || (idx >= 2 && toks[idx - 2].lower == "according" && toks[idx - 1].lower == "to");
    let has_org_word =
        run.iter().any(|t| lexicon.is_org_word(&t.lower)) || run.iter().any(|t| t.lower == "&");
    // The gazetteer may know the whole run under a name the run-splitting missed ("… Organization's").
    if let Some(entry_idx) = lexicon.entry_named(&name) {
        let entry = &lexicon.entries[entry_idx];
        let mention = Found {
            span,
            sentence: span,
            kind: kind_of(entry.kind),
            entry: Some(entry_idx),
            contextual: false,
            name: entry.name.clone(),
            weak: false,
        };
        return Some((end - idx, mention));
    }
    let mut weak = false;
    let kind = if has_org_word && run.len() >= 2 {
        EntityKind::Organisation
    } else if (titled || speaks) && run.len() <= 4 && !has_org_word {
        EntityKind::Person
    } else if run.len() == 1
        && (sentence_start || COMMON_SINGLE_NAMES.contains(run[0].lower.as_str()))
    {
        weak = true;
        EntityKind::OtherName
    } else {
        EntityKind::OtherName
    };
    let mention = Found {
        span,
        sentence: span,
        kind,
        entry: None,
        contextual: false,
        name,
        weak,
    };
    Some((end - idx, mention))
}

fn is_speech_form(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "told"
            | "warned"
            | "warns"
            | "argued"
            | "argues"
            | "stated"
            | "claimed"
            | "claims"
            | "added"
            | "highlights"
            | "highlighted"
            | "underscores"
            | "insisted"
            | "insists"
            | "noted"
            | "explained"
            | "wrote"
            | "writes"
            | "cautioned"
            | "lamented"
    )
}

/// Groups mentions into entities: by gazetteer entry, by surname for people, by text otherwise.
fn collect(text: &str, found: Vec<Found>, lexicon: &Lexicon) -> Vec<Entity> {
    // A contextual alias ("the alliance") only counts when its entity is also named outright.
    let named: Vec<usize> = found
        .iter()
        .filter(|f| !f.contextual)
        .filter_map(|f| f.entry)
        .collect();
    // People known by full name, so that a later surname joins them ("Stoltenberg").
    let mut surname_of: HashMap<String, String> = HashMap::new();
    for mention in &found {
        if mention.kind == EntityKind::Person && mention.entry.is_none() {
            if let Some((_, surname)) = mention.name.rsplit_once(' ') {
                surname_of
                    .entry(surname.to_string())
                    .or_insert_with(|| mention.name.clone());
            }
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<(EntityKind, String), usize> = HashMap::new();
    for mention in found {
        if mention.contextual && !mention.entry.is_some_and(|e| named.contains(&e)) {
            continue;
        }
        let (kind, name) = match (mention.kind, surname_of.get(&mention.name)) {
            (EntityKind::Person | EntityKind::OtherName, Some(full))
                if !mention.name.contains(' ') =>
            {
                (EntityKind::Person, full.clone())
            }
            _ if mention.weak => continue,
            _ => (mention.kind, mention.name.clone()),
        };
        let key_name = match kind {
            EntityKind::Date | EntityKind::Number | EntityKind::Percentage | EntityKind::Money => {
                name.to_lowercase()
            }
            _ => name.clone(),
        };
        let idx = *index.entry((kind, key_name)).or_insert_with(|| {
            entities.push(Entity {
                name: name.clone(),
                kind,
                from_gazetteer: mention.entry.is_some(),
                mentions: Vec::new(),
                sentences: Vec::new(),
            });
            entities.len() - 1
        });
        entities[idx].mentions.push(mention.span);
        entities[idx].sentences.push(mention.sentence);
    }
    let _ = (text, lexicon);
    entities
}

#[cfg(test)]
mod tests;
