//! Source phrases: reads who is speaking from the words next to a speech verb, and what kind of source it is.

use crate::entities::gazetteer::{GazetteerKind, Lexicon, NameForm};
use crate::span::Span;
use crate::text::{tokens, TokenKind, WordList};

use super::{Paragraph, Voice};

/// What a source phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// A named person ("Dr. Hans Kundberg", "Stoltenberg").
    Person,
    /// A named organisation, or a place standing for its government ("Moscow said").
    Organisation,
    /// A vague or anonymous group or person ("analysts", "a senior official").
    Group,
    /// A definite role that refers back to a person ("the NATO chief").
    RoleRef,
    Pronoun {
        plural: bool,
    },
    /// "It was reported that …".
    Passive,
    /// "Q:" or "A:" in an interview transcript.
    TranscriptMark,
}

/// A source phrase and what it says about the speaker.
#[derive(Debug, Clone)]
pub struct Np {
    /// The words naming the source, without any appositive.
    pub span: Span,
    pub kind: NpKind,
    /// The display name: a person's or organisation's name, or the group phrase.
    pub name: Option<String>,
    /// The gazetteer's canonical name, when the name is a known alias.
    pub canonical: Option<String>,
    /// Role or affiliation the phrase gives ("Secretary-General", "senior fellow at …").
    pub role: Option<String>,
    /// Original words of a role reference without its determiner ("NATO", "chief").
    pub role_words: Vec<String>,
    pub first_token: usize,
    /// Last token used, including an appositive after the name.
    pub last_token: usize,
}

static SINGULAR_PRONOUNS: WordList = WordList::new(&["he", "she", "i"]);
static PLURAL_PRONOUNS: WordList = WordList::new(&["they", "we"]);
static DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "this",
]);
static QUANTIFIERS: WordList = WordList::new(&[
    "some",
    "many",
    "several",
    "other",
    "most",
    "few",
    "numerous",
    "various",
    "certain",
    "multiple",
    "two",
    "three",
    "both",
    "more",
    "dozens",
    "countless",
]);
/// Adjectives that may sit inside a source phrase ("senior officials", "independent analysts").
static MODIFIERS: WordList = WordList::new(&[
    "financial",
    "operating",
    "executive",
    "technology",
    "communications",
    "marketing",
    "medical",
    "technical",
    "commercial",
    "sales",
    "investment",
    "interior",
    "finance",
    "trade",
    "education",
    "justice",
    "labour",
    "labor",
    "energy",
    "transport",
    "senior",
    "former",
    "top",
    "deputy",
    "vice",
    "leading",
    "independent",
    "western",
    "eastern",
    "local",
    "foreign",
    "military",
    "political",
    "security",
    "government",
    "intelligence",
    "unnamed",
    "anonymous",
    "recent",
    "prominent",
    "longtime",
    "veteran",
    "regional",
    "international",
    "defense",
    "defence",
    "economic",
    "legal",
    "financial",
    "high-ranking",
    "retired",
    "acting",
    "current",
    "national",
    "federal",
    "european",
    "independent",
    "respected",
    "well-known",
    "outside",
    "some",
    "skeptical",
    "sceptical",
    "conservative",
    "liberal",
    "progressive",
    "industry",
    "market",
    "health",
    "climate",
    "polling",
    "team",
    "club",
    "company",
    "party",
    "opposition",
    "administration",
    "court",
    "police",
    "prime",
    "press",
    "science",
    "research",
    "policy",
    "western",
    "chief",
    "associate",
    "assistant",
    "general",
    "managing",
]);
static NAME_PARTICLES: WordList = WordList::new(&[
    "de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "le", "la", "del", "dos",
    "ibn", "el",
]);
static NAME_CONNECTORS: WordList = WordList::new(&["of", "for", "and", "&", "on"]);
/// Words after a group noun that start a post-modifier ("critics within the alliance").
static POST_MODIFIER_STARTS: WordList = WordList::new(&[
    "within", "outside", "across", "at", "from", "in", "familiar", "close", "inside", "with",
    "among", "of", "on",
]);
/// Words whose object cannot be the subject of the speech verb that follows it.
static PREPOSITIONS: WordList = WordList::new(&[
    "in",
    "of",
    "at",
    "from",
    "to",
    "with",
    "on",
    "for",
    "across",
    "within",
    "than",
    "into",
    "about",
    "between",
    "among",
    "against",
    "toward",
    "towards",
    "over",
    "under",
    "like",
    "via",
    "without",
    "outside",
    "inside",
    "beyond",
    "near",
    "behind",
    "around",
    "throughout",
    "beside",
    "despite",
]);
/// Nouns for documents and figures whose author is the real source ("a report by X", "data from X").
static DOCUMENTS: WordList = WordList::new(&[
    "data",
    "report",
    "reports",
    "survey",
    "surveys",
    "study",
    "studies",
    "figures",
    "research",
    "statement",
    "analysis",
    "poll",
    "polls",
    "findings",
    "estimates",
    "statistics",
    "assessment",
    "review",
    "paper",
]);
/// Capitalised words that start sentences but never name anyone.
static SENTENCE_STARTERS: WordList = WordList::new(&[
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
    "it",
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
    "data",
    "research",
    "evidence",
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
    "yesterday",
    "meanwhile",
    "instead",
    "indeed",
    "thus",
    "historically",
    "overall",
    "ultimately",
]);
/// Words between a subject and its speech verb ("has also repeatedly warned").
static AUXILIARIES: WordList = WordList::new(&[
    "has",
    "have",
    "had",
    "also",
    "repeatedly",
    "consistently",
    "long",
    "previously",
    "reportedly",
    "publicly",
    "recently",
    "once",
    "again",
    "often",
    "frequently",
    "already",
    "further",
    "still",
    "will",
    "would",
    "could",
    "may",
    "might",
    "did",
    "does",
    "do",
    "later",
    "then",
    "earlier",
    "privately",
    "explicitly",
    "openly",
    "separately",
    "simply",
    "even",
    "too",
    "just",
    "never",
    "always",
    "firmly",
    "strongly",
    "is",
    "was",
    "been",
    "be",
    "are",
    "were",
    "not",
]);

fn is_in(list: &[&str], lower: &str) -> bool {
    list.contains(&lower)
}

/// The index of the last subject word before a speech verb at `cue`, skipping auxiliaries and adverbs.
pub fn skip_auxiliaries_backward(p: &Paragraph, cue: usize) -> Option<usize> {
    let mut idx = cue.checked_sub(1)?;
    while AUXILIARIES.contains(&p.tokens[idx].lower) {
        idx = idx.checked_sub(1)?;
    }
    Some(idx)
}

/// The index of the first token after `idx` that is not an auxiliary or adverb.
pub fn skip_auxiliaries_forward(p: &Paragraph, mut idx: usize) -> usize {
    while p
        .tokens
        .get(idx)
        .is_some_and(|t| AUXILIARIES.contains(&t.lower))
    {
        idx += 1;
    }
    idx
}

/// Words ending in "-ist" that are not occupations.
static NOT_OCCUPATIONS: WordList = WordList::new(&[
    "persist",
    "consist",
    "insist",
    "assist",
    "resist",
    "exist",
    "playlist",
    "checklist",
    "shortlist",
    "wishlist",
]);

/// A role or occupation: a curated role word, or an occupation by its ending ("hydrologist").
pub fn is_role_word(lexicon: &Lexicon, lower: &str) -> bool {
    lexicon.role_classes_of(lower).is_some()
        || (lower.len() >= 7
            && lower.ends_with("ist")
            && !NOT_OCCUPATIONS.contains(lower)
            && lower.chars().all(char::is_alphabetic))
}

/// Whether a token can be part of a source phrase (besides determiners and name connectors).
fn is_phrase_word(p: &Paragraph, idx: usize, lexicon: &Lexicon) -> bool {
    let token = &p.tokens[idx];
    if token.kind != TokenKind::Word {
        // The period of a title ("Dr.") or an initial ("J.").
        return token.lower == "." && idx > 0 && is_title_or_initial(p, idx - 1, lexicon);
    }
    let lower = token.lower.as_str();
    let at_sentence_start = p.sentence_range(idx).0 == idx;
    if at_sentence_start && SENTENCE_STARTERS.contains(lower) {
        return false;
    }
    token.is_capitalised(p.text)
        || QUANTIFIERS.contains(lower)
        || MODIFIERS.contains(lower)
        || lexicon.is_group_word(lower)
        || is_role_word(lexicon, lower)
        || lexicon.is_org_word(lower)
        || lower.ends_with("'s")
        // A noun used as a modifier right before a role: "union president", "lead author".
        || (lower.chars().all(char::is_alphabetic)
            && !SENTENCE_STARTERS.contains(lower)
            && !PREPOSITIONS.contains(lower)
            && !AUXILIARIES.contains(lower)
            && p.tokens.get(idx + 1).is_some_and(|next| next.is_word() && is_role_word(lexicon, &next.lower)))
}

fn is_title_or_initial(p: &Paragraph, idx: usize, lexicon: &Lexicon) -> bool {
    let token = &p.tokens[idx];
    let word = token.span.slice(p.text);
    let is_initial = word.chars().count() == 1 && token.is_capitalised(p.text);
    token.kind == TokenKind::Word
        && (is_initial || (token.is_capitalised(p.text) && lexicon.is_title(&token.lower)))
}

fn is_connector_between_caps(p: &Paragraph, idx: usize) -> bool {
    let lower = p.tokens[idx].lower.as_str();
    (NAME_CONNECTORS.contains(lower) || NAME_PARTICLES.contains(lower))
        && idx > 0
        && p.tokens[idx - 1].is_capitalised(p.text)
        && p.tokens
            .get(idx + 1)
            .is_some_and(|t| t.is_word() && t.is_capitalised(p.text))
}

/// The source phrase ending at token `last` (inclusive), reading leftwards no further than `floor`.
pub fn np_backward(p: &Paragraph, last: usize, floor: usize) -> Option<Np> {
    let lexicon = super::lexicon();
    let token = p.tokens.get(last)?;
    if SINGULAR_PRONOUNS.contains(&token.lower) || PLURAL_PRONOUNS.contains(&token.lower) {
        return Some(pronoun(p, last));
    }
    let mut first = last;
    let mut idx = last;
    let mut n = 0;
    loop {
        let lower = p.tokens[idx].lower.as_str();
        if idx != last && DETERMINERS.contains(lower) {
            first = idx;
            break;
        }
        let fits =
            is_phrase_word(p, idx, lexicon) || (idx != last && is_connector_between_caps(p, idx));
        if !fits {
            break;
        }
        first = idx;
        n += 1;
        if idx == floor || idx == 0 || n > 12 {
            break;
        }
        idx -= 1;
    }
    if first > last || !is_phrase_word(p, last, lexicon) {
        // "critics within and outside the alliance have …": a group noun with a post-modifier.
        return group_with_post_modifier(p, last, floor);
    }
    // "… of respondents in Eastern Europe believed": a phrase after a preposition is not the subject,
    // unless it is where a document comes from ("Data from the Pew Research Center highlights …").
    if first > floor && PREPOSITIONS.contains(&p.tokens[first - 1].lower) {
        let from_document = matches!(p.tokens[first - 1].lower.as_str(), "from" | "by")
            && first >= floor + 2
            && DOCUMENTS.contains(&p.tokens[first - 2].lower);
        if !from_document {
            return affiliated_owner(p, first, last, floor)
                .or_else(|| group_with_post_modifier(p, last, floor));
        }
    }
    classify(p, first, last, last)
}

/// A phrase after "of", "at" or "from" names the source only as an affiliation: "Dr. Omar Haddad of the
/// Sleep Health Foundation" (the person speaks) or "a ministry of education spokeswoman" (one phrase).
fn affiliated_owner(p: &Paragraph, first: usize, last: usize, floor: usize) -> Option<Np> {
    let lexicon = super::lexicon();
    let preposition = p.tokens[first - 1].lower.as_str();
    if !matches!(preposition, "of" | "at" | "from") || first < floor + 2 {
        return None;
    }
    let mut owner = np_backward(p, first - 2, floor)?;
    if owner.kind == NpKind::Person {
        owner
            .role
            .get_or_insert_with(|| p.span_of(first - 1, last + 1).slice(p.text).to_string());
        return Some(owner);
    }
    let before = &p.tokens[first - 2].lower;
    if preposition == "of" && (lexicon.is_org_word(before) || is_role_word(lexicon, before)) {
        return classify(p, owner.first_token, last, last);
    }
    None
}

/// "critics within and outside the alliance": finds the group noun a few words back.
fn group_with_post_modifier(p: &Paragraph, last: usize, floor: usize) -> Option<Np> {
    let lexicon = super::lexicon();
    let lowest = last.saturating_sub(8).max(floor);
    let mut idx = last;
    while idx > lowest {
        idx -= 1;
        let token = &p.tokens[idx];
        if token.kind == TokenKind::Punct
            || super::speech_verbs::speech_verbs()
                .at(&p.tokens, idx)
                .is_some()
        {
            return None;
        }
        if lexicon.is_group_word(&token.lower)
            && p.tokens
                .get(idx + 1)
                .is_some_and(|t| POST_MODIFIER_STARTS.contains(&t.lower))
        {
            let head = np_backward(p, idx, floor)?;
            if head.first_token > floor
                && PREPOSITIONS.contains(&p.tokens[head.first_token - 1].lower)
            {
                return None;
            }
            if head.kind != NpKind::Group {
                return None;
            }
            return Some(Np {
                span: Span::new(head.span.start, p.tokens[last].span.end),
                last_token: last,
                ..head
            });
        }
    }
    None
}

fn pronoun(p: &Paragraph, idx: usize) -> Np {
    let plural = PLURAL_PRONOUNS.contains(&p.tokens[idx].lower);
    Np {
        span: p.tokens[idx].span,
        kind: NpKind::Pronoun { plural },
        name: None,
        canonical: None,
        role: None,
        role_words: Vec::new(),
        first_token: idx,
        last_token: idx,
    }
}

/// The source phrase starting at token `first`, reading rightwards before `end`, with an appositive
/// role after it if there is one ("Jo Jakobsen, professor at …").
pub fn np_forward(p: &Paragraph, first: usize, end: usize) -> Option<Np> {
    let lexicon = super::lexicon();
    let token = p.tokens.get(first)?;
    if first >= end {
        return None;
    }
    if SINGULAR_PRONOUNS.contains(&token.lower) || PLURAL_PRONOUNS.contains(&token.lower) {
        return Some(pronoun(p, first));
    }
    let mut idx = first;
    if DETERMINERS.contains(&token.lower) {
        idx += 1;
    }
    let mut last = None;
    while idx < end && idx < first + 14 {
        let fits = is_phrase_word(p, idx, lexicon)
            || (last.is_some() && is_connector_between_caps(p, idx));
        if !fits {
            break;
        }
        last = Some(idx);
        idx += 1;
    }
    let last = last?;
    if p.tokens[last].lower == "." {
        return None;
    }
    let mut np = classify(p, first, last, last)?;
    // An appositive: ", senior fellow at the Norwegian Defense University".
    if p.is(last + 1, ",") && matches!(np.kind, NpKind::Person | NpKind::Organisation) {
        let start = last + 2;
        let mut stop = start;
        while stop < end && p.tokens[stop].lower != "," {
            stop += 1;
        }
        let has_role = (start..stop).any(|i| is_role_word(lexicon, &p.tokens[i].lower));
        let starts_like_clause = p.tokens.get(start).is_some_and(|t| {
            is_in(&["who", "which", "that", "where", "when"], &t.lower)
                || super::speech_verbs::speech_verbs()
                    .at(&p.tokens, start)
                    .is_some()
        });
        if stop > start && has_role && !starts_like_clause {
            let mut role_end = stop;
            while role_end > start && p.tokens[role_end - 1].kind == TokenKind::Punct {
                role_end -= 1;
            }
            if role_end > start {
                np.role = Some(p.span_of(start, role_end).slice(p.text).to_string());
                np.last_token = role_end - 1;
            }
        }
    }
    Some(np)
}

/// Reads the phrase `first..=last` as a person, organisation, group or role reference.
pub fn classify(p: &Paragraph, first: usize, last: usize, last_token: usize) -> Option<Np> {
    let lexicon = super::lexicon();
    let words = &p.tokens[first..=last];
    let mut start = first;
    let determiner = words
        .first()
        .filter(|t| DETERMINERS.contains(&t.lower))
        .map(|t| t.lower.clone());
    if determiner.is_some() {
        start += 1;
    }
    if start > last {
        return None;
    }
    // The name run: capitalised words at the end of the phrase that are not roles, titles or modifiers.
    let is_name_word = |idx: usize| {
        let token = &p.tokens[idx];
        let lower = token.lower.as_str();
        let sentence_initial_modifier = MODIFIERS.contains(lower) && p.sentence_range(idx).0 == idx;
        let title = lexicon.is_title(lower) && p.is(idx + 1, ".");
        token.kind == TokenKind::Word
            && token.is_capitalised(p.text)
            && !is_role_word(lexicon, lower)
            && !lexicon.is_group_word(lower)
            && !sentence_initial_modifier
            && !QUANTIFIERS.contains(lower)
            && !lower.ends_with("'s")
            && !title
    };
    let mut name_start = last + 1;
    let mut idx = last;
    loop {
        let token = &p.tokens[idx];
        let part_of_name = is_name_word(idx)
            || (idx < last && idx > start && is_connector_between_caps(p, idx))
            || (token.lower == "."
                && idx > start
                && p.tokens[idx - 1].span.slice(p.text).chars().count() == 1
                && is_name_word(idx - 1));
        if !part_of_name {
            break;
        }
        name_start = idx;
        if idx == start {
            break;
        }
        idx -= 1;
    }
    let span_all = p.span_of(first, last + 1);
    let base = Np {
        span: span_all,
        kind: NpKind::Group,
        name: None,
        canonical: None,
        role: None,
        role_words: Vec::new(),
        first_token: first,
        last_token,
    };
    if name_start <= last {
        // A person's name never holds "of": "Secretary of State Antony Blinken" → role + name.
        while let Some(offset) = (name_start..=last)
            .position(|i| is_in(&["of", "for", "and", "&", "on"], &p.tokens[i].lower))
        {
            let connector = name_start + offset;
            let rest_is_person =
                (connector + 1..=last).all(|i| !lexicon.is_org_word(&p.tokens[i].lower));
            let whole_is_org = (name_start..=last).any(|i| lexicon.is_org_word(&p.tokens[i].lower));
            let before_is_role = name_start > start
                && lexicon
                    .role_classes_of(&p.tokens[name_start - 1].lower)
                    .is_some();
            if rest_is_person && !whole_is_org && before_is_role && last >= connector + 2 {
                name_start = connector + 2;
            } else {
                break;
            }
        }
        let name_span = p.span_of(name_start, last + 1);
        let name_text = name_span.slice(p.text).to_string();
        let role = (name_start > start)
            .then(|| {
                let words: Vec<usize> = (start..name_start)
                    .filter(|&i| p.tokens[i].kind == TokenKind::Word)
                    .collect();
                let has_role = words
                    .iter()
                    .any(|&i| is_role_word(lexicon, &p.tokens[i].lower));
                has_role.then(|| {
                    p.span_of(start, name_start)
                        .slice(p.text)
                        .trim()
                        .to_string()
                })
            })
            .flatten();
        let (kind, canonical) = name_kind(p, name_start, last, lexicon);
        let kind = kind?;
        // A lone capitalised word that opens the sentence may just be an ordinary word.
        if name_start == last
            && p.sentence_range(last).0 == last
            && kind == NpKind::Person
            && canonical.is_none()
        {
            let lower = p.tokens[last].lower.as_str();
            if SENTENCE_STARTERS.contains(lower) || is_role_word(lexicon, lower) {
                return None;
            }
        }
        let name = match kind {
            NpKind::Organisation => {
                Some(canonical.clone().unwrap_or_else(|| strip_the(&name_text)))
            }
            _ => Some(name_text),
        };
        return Some(Np {
            kind,
            name,
            canonical,
            role,
            ..base
        });
    }
    let head = &p.tokens[last];
    let head_lower = head.lower.as_str();
    let display = group_display(p, start, last, lexicon);
    if lexicon.is_group_word(head_lower) {
        let affiliation = (start..last)
            .find(|&i| {
                p.tokens[i].is_capitalised(p.text) && !MODIFIERS.contains(&p.tokens[i].lower)
            })
            .map(|i| p.tokens[i].span.slice(p.text).to_string());
        return Some(Np {
            name: Some(display),
            role: affiliation,
            ..base
        });
    }
    if lexicon.is_org_word(head_lower) && !is_role_word(lexicon, head_lower) {
        // "the government", "the national teachers' union": an organisation the text does not name.
        return Some(Np {
            kind: NpKind::Organisation,
            name: Some(display),
            ..base
        });
    }
    if is_role_word(lexicon, head_lower) {
        let indefinite = matches!(determiner.as_deref(), Some("a" | "an" | "one" | "another"));
        let role_words = (start..=last)
            .map(|i| p.tokens[i].span.slice(p.text).to_string())
            .collect();
        let possessive = p.tokens[start].lower.ends_with("'s") && start < last;
        if indefinite || (determiner.is_none() && !possessive) {
            // "a senior official" is anonymous; a bare role with no determiner is too vague to resolve.
            let name = format!("{} {}", determiner.as_deref().unwrap_or(""), display)
                .trim()
                .to_string();
            return Some(Np {
                name: Some(name),
                role_words,
                ..base
            });
        }
        if possessive && determiner.is_none() {
            // "Russia's foreign minister": the possessive makes the role definite.
            return Some(Np {
                kind: NpKind::RoleRef,
                name: Some(p.span_of(start, last + 1).slice(p.text).to_string()),
                role_words,
                ..base
            });
        }
        let name = format!("{} {}", determiner.as_deref().unwrap_or("the"), display);
        return Some(Np {
            kind: NpKind::RoleRef,
            name: Some(name),
            role_words,
            ..base
        });
    }
    None
}

/// Whether a capitalised run names a person or an organisation, and its canonical gazetteer name.
fn name_kind(
    p: &Paragraph,
    start: usize,
    last: usize,
    lexicon: &Lexicon,
) -> (Option<NpKind>, Option<String>) {
    // The longest gazetteer phrase that covers the run, or its end ("Russian President Vladimir Putin").
    for from in start..=last {
        if let Some(found) = lexicon.match_at(p.text, &p.tokens, from) {
            if from + found.n_tokens == last + 1 && found.form != NameForm::Contextual {
                let entry = &lexicon.entries[found.entry];
                let kind = match (entry.kind, found.form) {
                    (GazetteerKind::Person, _) => NpKind::Person,
                    (_, NameForm::Demonym) => return (None, None),
                    _ => NpKind::Organisation,
                };
                // A capital speaks for its government under its own name ("Moscow said").
                if found.form == NameForm::Capital {
                    return (Some(kind), None);
                }
                return (Some(kind), Some(entry.name.clone()));
            }
        }
    }
    // "research firm ShelfScope", "the consultancy Capital Economics": a lower-case organisation
    // word right before the name says what the name is.
    let introduced_as_org = start > 0
        && p.tokens[start - 1].kind == TokenKind::Word
        && !p.tokens[start - 1].is_capitalised(p.text)
        && lexicon.is_org_word(&p.tokens[start - 1].lower);
    if introduced_as_org
        || (start..=last).any(|i| lexicon.is_org_word(&p.tokens[i].lower))
        || (start..=last).any(|i| p.tokens[i].lower == "&")
    {
        return (Some(NpKind::Organisation), None);
    }
    // All-capital words are acronyms of organisations ("OSCE"), not people.
    let word = p.tokens[start].span.slice(p.text);
    if start == last
        && word.chars().count() > 1
        && word.chars().all(|c| c.is_uppercase() || c.is_numeric())
    {
        return (Some(NpKind::Organisation), None);
    }
    (Some(NpKind::Person), None)
}

fn strip_the(name: &str) -> String {
    name.strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name)
        .to_string()
}

/// A group phrase for display: quantifiers dropped, common words lower-cased ("Western leaders" → "western leaders").
fn group_display(p: &Paragraph, start: usize, last: usize, lexicon: &Lexicon) -> String {
    let mut words = Vec::new();
    for idx in start..=last {
        let token = &p.tokens[idx];
        if words.is_empty() && QUANTIFIERS.contains(&token.lower) {
            continue;
        }
        let word = token.span.slice(p.text);
        let common = MODIFIERS.contains(&token.lower)
            || lexicon.is_group_word(&token.lower)
            || is_role_word(lexicon, &token.lower);
        words.push(if common {
            token.lower.clone()
        } else {
            word.to_string()
        });
    }
    if words.is_empty() {
        return p.span_of(start, last + 1).slice(p.text).to_lowercase();
    }
    words.join(" ")
}

/// Whether a role reference ("the Russian president") fits a person voice.
pub fn role_fits(text: &str, np: &Np, voice: &Voice, lexicon: &Lexicon) -> bool {
    let _ = text;
    let Some(head) = np.role_words.last() else {
        return false;
    };
    let head_lower = head.to_lowercase();
    let Some(head_classes) = lexicon.role_classes_of(&head_lower) else {
        return false;
    };
    // What the text and the gazetteer say this person is.
    let mut role_text = voice.role.clone().unwrap_or_default();
    let mut affiliations = Vec::new();
    if let Some(entry_idx) = lexicon.entry_named(&voice.name) {
        let entry = &lexicon.entries[entry_idx];
        if let Some(role) = &entry.role {
            role_text.push(' ');
            role_text.push_str(role);
        }
        if let Some(of) = entry.of.as_deref().and_then(|of| lexicon.entry_named(of)) {
            affiliations.push(of);
        }
    }
    let role_tokens = tokens(&role_text, Span::new(0, role_text.len()));
    let mut voice_classes: Vec<&str> = Vec::new();
    for (idx, token) in role_tokens.iter().enumerate() {
        let word = token.lower.trim_end_matches("'s");
        if let Some(classes) = lexicon.role_classes_of(word) {
            voice_classes.extend(classes.iter().map(String::as_str));
        }
        if let Some(next) = role_tokens.get(idx + 1) {
            if let Some(classes) =
                lexicon.role_classes_of(&format!("{} {}", token.lower, next.lower))
            {
                voice_classes.extend(classes.iter().map(String::as_str));
            }
        }
        if let Some(found) = lexicon.match_at(&role_text, &role_tokens, idx) {
            affiliations.push(found.entry);
        } else if let Some(stripped) = token.span.slice(&role_text).strip_suffix("'s") {
            let stripped_tokens = tokens(stripped, Span::new(0, stripped.len()));
            if let Some(found) = lexicon.match_at(stripped, &stripped_tokens, 0) {
                affiliations.push(found.entry);
            }
        }
    }
    if !head_classes
        .iter()
        .any(|class| voice_classes.contains(&class.as_str()))
    {
        return false;
    }
    // Every modifier the gazetteer knows ("Russian", "NATO") must match the person's affiliation.
    np.role_words[..np.role_words.len() - 1].iter().all(|word| {
        let word = word.strip_suffix("'s").unwrap_or(word);
        let word_tokens = tokens(word, Span::new(0, word.len()));
        match lexicon.match_at(word, &word_tokens, 0) {
            Some(found) if found.form != NameForm::Contextual => {
                affiliations.contains(&found.entry)
            }
            _ => true,
        }
    })
}
