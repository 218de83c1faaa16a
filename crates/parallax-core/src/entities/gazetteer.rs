//! The gazetteer and role lexicon: curated names, aliases and role words, parsed once from `data/`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::span::Span;
use crate::text::{tokens, Token, WordHash};

const GAZETTEER: &str = include_str!("../../data/gazetteer.txt");
const ROLES: &str = include_str!("../../data/gazetteer_roles.txt");

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerKind {
    Organisation,
    Country,
    Place,
    Person,
}

/// One curated entry: a canonical name and what else the text may call it.
#[derive(Debug, Clone)]
pub struct GazetteerEntry {
    pub kind: GazetteerKind,
    pub name: String,
    /// For people: their best-known office ("president"), and whose office it is ("Russia").
    pub role: Option<String>,
    pub of: Option<String>,
}

/// How a phrase in the text refers to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The canonical name or an alias that names it outright ("NATO").
    Name,
    /// A lower-case alias that only refers to the entry when it is named elsewhere ("the alliance").
    Contextual,
    /// A country's adjective or people ("Russian", "Norwegians").
    Demonym,
    /// A country's capital ("Moscow"), also used for its government.
    Capital,
}

struct Phrase {
    words: Vec<String>,
    entry: usize,
    form: NameForm,
}

/// All curated look-up tables.
pub struct Lexicon {
    pub entries: Vec<GazetteerEntry>,
    /// Phrases keyed by their first word: exact case for names, lower case for contextual aliases.
    phrases: HashMap<String, Vec<Phrase>, WordHash>,
    /// Role word (lower case, possibly two words) to its role classes.
    pub role_classes: HashMap<String, Vec<String>, WordHash>,
    pub group_words: HashSet<String, WordHash>,
    pub org_words: HashSet<String, WordHash>,
    pub titles: HashSet<String, WordHash>,
    /// Canonical names and capitalised aliases, written exactly, to their entry.
    by_name: HashMap<String, usize, WordHash>,
}

/// A gazetteer phrase found in a token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub entry: usize,
    pub form: NameForm,
    /// Number of tokens matched.
    pub n_tokens: usize,
}

impl Lexicon {
    /// The longest gazetteer phrase starting at `tokens[idx]`, if any.
    pub fn match_at(&self, text: &str, tokens: &[Token], idx: usize) -> Option<PhraseMatch> {
        let first = tokens.get(idx)?;
        let exact = first.span.slice(text);
        let mut best: Option<PhraseMatch> = None;
        for key in [exact, first.lower.as_str()] {
            let Some(candidates) = self.phrases.get(key) else {
                continue;
            };
            for phrase in candidates {
                let n = phrase.words.len();
                if idx + n > tokens.len() || best.is_some_and(|b| b.n_tokens >= n) {
                    continue;
                }
                let case_insensitive = phrase.form == NameForm::Contextual;
                let fits = phrase
                    .words
                    .iter()
                    .zip(&tokens[idx..idx + n])
                    .all(|(word, token)| {
                        if case_insensitive {
                            *word == token.lower
                        } else {
                            word == token.span.slice(text)
                        }
                    });
                // A phrase must end on a token boundary that is not inside a longer word run
                // ("US" must not match the start of "USA" — tokens already guarantee that).
                if fits {
                    best = Some(PhraseMatch {
                        entry: phrase.entry,
                        form: phrase.form,
                        n_tokens: n,
                    });
                }
            }
            if key == first.lower {
                break;
            }
        }
        best
    }

    /// The role classes of a lower-case role word or two-word role ("prime minister").
    pub fn role_classes_of(&self, word: &str) -> Option<&[String]> {
        self.role_classes.get(word).map(Vec::as_slice)
    }

    pub fn is_group_word(&self, lower: &str) -> bool {
        self.group_words.contains(lower)
    }

    pub fn is_org_word(&self, lower: &str) -> bool {
        self.org_words.contains(lower)
    }

    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// Finds the entry that `name` names outright: its canonical name or a capitalised alias ("NATO").
    pub fn entry_named(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }
}

/// The curated lexicon, parsed on first use. Parsing is pure and the tables never change.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse(GAZETTEER, ROLES))
}

fn words_of(phrase: &str) -> Vec<String> {
    tokens(phrase, Span::new(0, phrase.len()))
        .iter()
        .map(|t| t.span.slice(phrase).to_string())
        .collect()
}

fn parse(gazetteer: &str, roles: &str) -> Lexicon {
    let mut entries = Vec::new();
    let mut phrases: HashMap<String, Vec<Phrase>, WordHash> = HashMap::default();
    let mut by_name: HashMap<String, usize, WordHash> = HashMap::default();
    let mut add_phrase = |phrase: &str, entry: usize, form: NameForm| {
        if form == NameForm::Name && phrase.starts_with(|c: char| !c.is_lowercase()) {
            by_name.entry(phrase.to_string()).or_insert(entry);
        }
        let form =
            if form == NameForm::Name && phrase.chars().next().is_some_and(char::is_lowercase) {
                NameForm::Contextual
            } else {
                form
            };
        let mut words = words_of(phrase);
        if form == NameForm::Contextual {
            words.iter_mut().for_each(|w| *w = w.to_lowercase());
        }
        if let Some(first) = words.first().cloned() {
            phrases
                .entry(first)
                .or_default()
                .push(Phrase { words, entry, form });
        }
    };
    for line in gazetteer
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some((kind, rest)) = line.split_once(':') else {
            continue;
        };
        let kind = match kind.trim() {
            "org" => GazetteerKind::Organisation,
            "country" => GazetteerKind::Country,
            "place" => GazetteerKind::Place,
            "person" => GazetteerKind::Person,
            _ => continue,
        };
        let mut fields = rest.split('|');
        let names = fields.next().unwrap_or("");
        let (name, aliases) = names.split_once('=').unwrap_or((names, ""));
        let idx = entries.len();
        let mut entry = GazetteerEntry {
            kind,
            name: name.trim().to_string(),
            role: None,
            of: None,
        };
        add_phrase(name.trim(), idx, NameForm::Name);
        for alias in aliases.split(';').map(str::trim).filter(|a| !a.is_empty()) {
            add_phrase(alias, idx, NameForm::Name);
        }
        for field in fields {
            let (key, value) = field.trim().split_once(' ').unwrap_or((field.trim(), ""));
            match key {
                "demonym" => {
                    for demonym in value.split(';').map(str::trim).filter(|d| !d.is_empty()) {
                        add_phrase(demonym, idx, NameForm::Demonym);
                    }
                }
                "capital" => add_phrase(value.trim(), idx, NameForm::Capital),
                "role" => entry.role = Some(value.trim().to_string()),
                "of" => entry.of = Some(value.trim().to_string()),
                _ => {}
            }
        }
        entries.push(entry);
    }
    let mut role_classes: HashMap<String, Vec<String>, WordHash> = HashMap::default();
    let (mut group_words, mut org_words, mut titles) =
        (HashSet::default(), HashSet::default(), HashSet::default());
    for line in roles
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let Some((class, words)) = line.split_once(':') else {
            continue;
        };
        let words = words
            .split(';')
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty());
        match class.trim() {
            "group" => group_words.extend(words),
            "orgword" => org_words.extend(words),
            "title" => titles.extend(words),
            class => {
                for word in words {
                    role_classes
                        .entry(word)
                        .or_default()
                        .push(class.to_string());
                }
            }
        }
    }
    Lexicon {
        entries,
        phrases,
        role_classes,
        group_words,
        org_words,
        titles,
        by_name,
    }
}
