//! Alignment: which paragraphs of which articles tell which event, with a score and the evidence.
//!
//! [`align`] takes two or more analysed articles and a (possibly empty) event catalogue and returns
//! one row per event and one cell per article: the passages (paragraphs) of that article about that
//! event, best first. Rows covered by every article come first, then rows only some cover; a cell
//! with no passages means "not covered by this article".
//!
//! How a paragraph is matched to a catalogue event (see `crate::events` for the catalogue):
//! - **Key terms and entities.** The event's key terms and its entities' names and aliases are
//!   looked up as phrases of stemmed content words. Each distinct match is one piece of evidence,
//!   weighted by how specific it is in the articles being compared: a word that is in nearly every
//!   paragraph ("NATO" in a NATO pack) counts for less than one that is in few.
//! - **Similarity.** TF-IDF cosine between the paragraph and the event's own words (name,
//!   description, key terms, entities), over stemmed content words and adjacent word pairs.
//! - **Precision first.** A paragraph joins a row only with at least two distinct pieces of
//!   evidence, one of them a key term, and a score of at least [`MIN_EVENT_SCORE`]. A wrong row
//!   teaches a student that two articles disagree about something one of them never mentioned.
//!
//! **Discovery** (`align/discover.rs`) needs no catalogue: it clusters paragraphs of different
//! articles that are similar and share rare words and names, and names each cluster after its most
//! distinctive shared terms. Candidates that the catalogue already covers are left out; the rest
//! become rows marked [`EventOrigin::Discovered`], so imported articles align too.
//!
//! For the compare view: [`align`] for the chosen articles (catalogue rows and discovered rows),
//! [`align_to_catalogue`] over a whole pack for "start from an event" ([`Alignment::articles_covering`]),
//! [`discover`] when there is no catalogue, then `crate::profile::profiles` for the column profiles.
//!
//! The module is pure computation over [`Analysis`] values: no I/O, deterministic output.

mod discover;
pub(crate) mod terms;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::events::Event;
use crate::span::Span;
use terms::ContentWord;
pub use terms::ContentWords;

/// The lowest score at which a paragraph joins a catalogue event's row.
pub const MIN_EVENT_SCORE: f32 = 0.5;

/// Paragraphs with fewer content words (headings, list labels, bylines) are never passages.
const MIN_CONTENT_WORDS: usize = 4;

/// The side-by-side view of several articles: one row per event, one cell per article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Alignment {
    pub n_articles: usize,
    pub rows: Vec<EventRow>,
}

/// One event and what each article says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// The catalogue's event, or for a discovered candidate an event the engine wrote (no date,
    /// its shared terms as key terms, a description saying it is a candidate).
    pub event: Event,
    pub origin: EventOrigin,
    /// One cell per article, in the order the articles were given.
    pub cells: Vec<Cell>,
}

/// Where a row's event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventOrigin {
    /// Curated in the pack's event catalogue.
    Catalogue,
    /// Found by the engine: several articles share it but the catalogue lacks it.
    Discovered,
}

/// What one article says about one event; no passages means the article does not cover it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub article_idx: usize,
    /// Best first.
    pub passages: Vec<Passage>,
}

/// One paragraph matched to an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// Index into the article's `structure.paragraphs`.
    pub paragraph: usize,
    /// The paragraph's span in the article's clean text.
    pub span: Span,
    /// 0..=1; higher is a surer match.
    pub score: f32,
    /// TF-IDF cosine with the event's words (catalogue) or with the other articles' passages (discovered).
    pub similarity: f32,
    pub evidence: Vec<Evidence>,
}

/// One reason a passage is in a row, with where it is in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The key term or entity name as the catalogue writes it, or the shared term as the text does.
    pub label: String,
    /// Where in the article's clean text it occurs, inside the passage.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvidenceKind {
    /// One of the catalogue event's key terms.
    KeyTerm,
    /// One of the catalogue event's entities (by name, alias, or the analysis' entity mentions).
    Entity,
    /// A word or pair of words this passage shares with passages of other articles (discovery).
    SharedTerm,
}

impl EventRow {
    /// Indices of the articles whose cell has at least one passage.
    pub fn covered_by(&self) -> Vec<usize> {
        self.cells
            .iter()
            .filter(|cell| !cell.passages.is_empty())
            .map(|cell| cell.article_idx)
            .collect()
    }

    /// Indices of the articles that do not cover the event ("Not covered by …").
    pub fn not_covered_by(&self) -> Vec<usize> {
        self.cells
            .iter()
            .filter(|cell| cell.passages.is_empty())
            .map(|cell| cell.article_idx)
            .collect()
    }
}

impl Alignment {
    /// The row of the event with this id, if any article covers it.
    pub fn row(&self, event_id: &str) -> Option<&EventRow> {
        self.rows.iter().find(|row| row.event.id == event_id)
    }

    /// The articles that cover an event: what "start from an event" lists.
    pub fn articles_covering(&self, event_id: &str) -> Vec<usize> {
        self.row(event_id)
            .map(EventRow::covered_by)
            .unwrap_or_default()
    }
}

/// Aligns the articles' paragraphs to the catalogue's events and to discovered candidate events.
///
/// Works with any number of articles (one, or none, gives rows with one or no cells) and any
/// catalogue, including an empty one. Never panics; the output depends only on the input.
pub fn align(articles: &[&Analysis], catalogue: &[Event]) -> Alignment {
    align_with(articles, &ContentWords::of_all(articles), catalogue, true)
}

/// [`align`] with the articles' content words computed beforehand (`words[i]` is
/// [`ContentWords::of`] `articles[i]`), so that the framing profiles can reuse them. Content words
/// that do not match the articles in number are computed again.
pub fn align_with_words(
    articles: &[&Analysis],
    words: &[ContentWords],
    catalogue: &[Event],
) -> Alignment {
    if words.len() != articles.len() {
        return align(articles, catalogue);
    }
    align_with(articles, words, catalogue, true)
}

/// Only the catalogue's events, without discovery: cheap enough to run over a whole pack, which
/// is what "start from an event" needs (discovery compares every paragraph with every other).
pub fn align_to_catalogue(articles: &[&Analysis], catalogue: &[Event]) -> Alignment {
    align_with(articles, &ContentWords::of_all(articles), catalogue, false)
}

fn align_with(
    articles: &[&Analysis],
    words: &[ContentWords],
    catalogue: &[Event],
    with_discovery: bool,
) -> Alignment {
    let corpus = Corpus::build(articles, words);
    let mut rows: Vec<(usize, EventRow)> = Vec::new();
    for (event_idx, event) in catalogue.iter().enumerate() {
        // Rows are found by id; a repeated id is a curation slip (`Catalogue::problems` names it).
        if catalogue[..event_idx]
            .iter()
            .any(|earlier| earlier.id == event.id)
        {
            continue;
        }
        let row = catalogue_row(&corpus, event);
        if !row.covered_by().is_empty() {
            rows.push((event_idx, row));
        }
    }
    let catalogued: Vec<(usize, usize)> = if !with_discovery {
        Vec::new()
    } else {
        rows.iter()
            .flat_map(|(_, row)| {
                row.cells.iter().flat_map(|cell| {
                    cell.passages
                        .iter()
                        .map(move |passage| (cell.article_idx, passage.paragraph))
                })
            })
            .collect()
    };
    let candidates = if with_discovery {
        discover::candidates(&corpus, &catalogued)
    } else {
        Vec::new()
    };
    for (candidate_idx, row) in candidates.into_iter().enumerate() {
        rows.push((catalogue.len() + candidate_idx, row));
    }
    // Events every article covers first, then by how many cover them; curated before discovered.
    crate::sort::sort_by_key(&mut rows, |(order, row)| {
        (std::cmp::Reverse(row.covered_by().len()), *order)
    });
    Alignment {
        n_articles: articles.len(),
        rows: rows.into_iter().map(|(_, row)| row).collect(),
    }
}

/// Only discovery: the candidate events several articles share, with no catalogue at all.
pub fn discover(articles: &[&Analysis]) -> Alignment {
    align(articles, &[])
}

/// A sparse vector over the corpus vocabulary: (term id, weight), sorted by term id, unit length.
type SparseVector = Vec<(usize, f32)>;

fn cosine(a: &SparseVector, b: &SparseVector) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// One paragraph long enough to be a passage, with its words and TF-IDF vector.
pub(crate) struct ParagraphDoc<'a> {
    pub article_idx: usize,
    pub paragraph: usize,
    pub span: Span,
    pub words: &'a [ContentWord],
    /// Term ids of the paragraph's words and adjacent word pairs (with repeats).
    pub term_ids: Vec<usize>,
    /// The term id of each of `words`, in order.
    pub word_ids: Vec<usize>,
    /// TF-IDF over the single words.
    pub vector: SparseVector,
}

/// The compared articles as documents for TF-IDF: every passage-sized paragraph of every article.
pub(crate) struct Corpus<'a> {
    pub articles: &'a [&'a Analysis],
    pub docs: Vec<ParagraphDoc<'a>>,
    /// Term (stem, or two stems joined by a space) → id.
    pub vocabulary: Vocabulary,
    /// For each term id, in how many docs it occurs.
    pub doc_freq: Vec<usize>,
    /// For each term id, whether it was mostly written as a name (capitalised mid-sentence).
    pub proper: Vec<bool>,
    /// For each term id, whether it was ever the last word of a name ("Stoltenberg", not "Jens").
    pub name_head: Vec<bool>,
    /// For each term id, whether it is a pair of adjacent words rather than one word.
    pub is_pair: Vec<bool>,
    /// For each article, the names of its analysis' entities, trimmed and in lower case.
    entity_names: Vec<Vec<String>>,
}

impl<'a> Corpus<'a> {
    fn build(articles: &'a [&'a Analysis], words: &'a [ContentWords]) -> Corpus<'a> {
        let mut vocabulary = Vocabulary::default();
        let mut doc_freq: Vec<usize> = Vec::new();
        let mut proper_votes: Vec<(u32, u32)> = Vec::new();
        let mut name_heads: Vec<usize> = Vec::new();
        let mut docs = Vec::new();
        let mut pair = String::new();
        for (article_idx, (analysis, article_words)) in articles.iter().zip(words).enumerate() {
            for (paragraph_idx, words) in article_words.by_paragraph.iter().enumerate() {
                if words.len() < MIN_CONTENT_WORDS {
                    continue;
                }
                let mut term_ids = Vec::with_capacity(words.len() * 2);
                let mut word_ids = Vec::with_capacity(words.len());
                for (word_idx, word) in words.iter().enumerate() {
                    let id = intern(&mut vocabulary, &mut doc_freq, &word.key);
                    proper_votes.resize(doc_freq.len(), (0, 0));
                    if word.proper {
                        proper_votes[id].0 += 1;
                    } else if !word.initial_capital {
                        proper_votes[id].1 += 1;
                    }
                    term_ids.push(id);
                    word_ids.push(id);
                    let next = words
                        .get(word_idx + 1)
                        .filter(|n| n.sentence == word.sentence && !n.after_break);
                    // The last word of a run of names ("Stoltenberg" in "Jens Stoltenberg") stands
                    // for the whole name when names are counted.
                    if (word.proper || word.initial_capital) && !next.is_some_and(|n| n.proper) {
                        name_heads.push(id);
                    }
                    if let Some(next) = next {
                        pair.clear();
                        pair.push_str(&word.key);
                        pair.push(' ');
                        pair.push_str(&next.key);
                        term_ids.push(intern(&mut vocabulary, &mut doc_freq, &pair));
                    }
                }
                let mut distinct = term_ids.clone();
                distinct.sort_unstable();
                distinct.dedup();
                for id in distinct {
                    doc_freq[id] += 1;
                }
                docs.push(ParagraphDoc {
                    article_idx,
                    paragraph: paragraph_idx,
                    span: analysis.structure.paragraphs[paragraph_idx].span,
                    words,
                    term_ids,
                    word_ids,
                    vector: Vec::new(),
                });
            }
        }
        proper_votes.resize(doc_freq.len(), (0, 0));
        let proper = proper_votes.iter().map(|(yes, no)| yes > no).collect();
        let mut name_head = vec![false; doc_freq.len()];
        for id in name_heads {
            name_head[id] = true;
        }
        let mut is_pair = vec![false; doc_freq.len()];
        for (key, id) in &vocabulary {
            is_pair[*id] = key.contains(' ');
        }
        let entity_names = articles
            .iter()
            .map(|analysis| {
                analysis
                    .entities
                    .iter()
                    .map(|entity| entity.name.trim().to_lowercase())
                    .collect()
            })
            .collect();
        let mut corpus = Corpus {
            articles,
            docs,
            vocabulary,
            doc_freq,
            proper,
            name_head,
            is_pair,
            entity_names,
        };
        // Similarity is over single words: word pairs are rarely shared between different writers'
        // sentences, and as extra dimensions they would only dilute the cosine of related passages.
        for doc_idx in 0..corpus.docs.len() {
            let words: Vec<usize> = corpus.docs[doc_idx]
                .term_ids
                .iter()
                .copied()
                .filter(|id| !corpus.is_pair[*id])
                .collect();
            corpus.docs[doc_idx].vector = corpus.tf_idf(&words);
        }
        corpus
    }

    /// Smoothed inverse document frequency; terms the corpus has never seen get the highest value.
    pub fn idf(&self, term_id: usize) -> f32 {
        let n = self.docs.len() as f32;
        let df = self.doc_freq.get(term_id).copied().unwrap_or(0) as f32;
        ((1.0 + n) / (1.0 + df)).ln() + 1.0
    }

    /// How specific a term is in these articles: 1 for a term in one paragraph, falling towards
    /// 0.25 for a term in every paragraph.
    fn specificity(&self, term_id: Option<usize>) -> f32 {
        let n = self.docs.len().max(1) as f32;
        let df = term_id
            .and_then(|id| self.doc_freq.get(id))
            .copied()
            .unwrap_or(1) as f32;
        (1.0 - 0.75 * (df - 1.0).max(0.0) / n).clamp(0.25, 1.0)
    }

    /// A unit-length TF-IDF vector (sublinear term frequency) for a bag of term ids.
    fn tf_idf(&self, term_ids: &[usize]) -> SparseVector {
        let mut sorted = term_ids.to_vec();
        sorted.sort_unstable();
        let mut vector: SparseVector = Vec::new();
        for run in sorted.chunk_by(|a, b| a == b) {
            let (id, count) = (run[0], run.len());
            vector.push((id, (1.0 + (count as f32).ln()) * self.idf(id)));
        }
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, weight) in &mut vector {
                *weight /= norm;
            }
        }
        vector
    }

    /// The TF-IDF vector of free text (an event's own words), over terms the corpus knows.
    fn vector_of_phrases<'p>(&self, phrases: impl Iterator<Item = &'p str>) -> SparseVector {
        let mut term_ids = Vec::new();
        for phrase in phrases {
            let keys = terms::phrase_keys(phrase);
            term_ids.extend(keys.iter().filter_map(|key| self.vocabulary.get(key)));
        }
        self.tf_idf(&term_ids)
    }
}

fn intern(vocabulary: &mut Vocabulary, doc_freq: &mut Vec<usize>, key: &str) -> usize {
    if let Some(id) = vocabulary.get(key) {
        return *id;
    }
    let id = doc_freq.len();
    vocabulary.insert(key.to_string(), id);
    doc_freq.push(0);
    id
}

/// Term → id. Every word and word pair of the compared articles is looked up here; FxHash (the
/// Rust compiler's own hasher) is several times cheaper than the default SipHash on these short
/// keys. Nothing reads the vocabulary in hash order, so the hasher cannot change any output.
pub(crate) type Vocabulary = crate::search::FastMap<String, usize>;

/// A catalogue term or entity, ready for matching.
struct Probe {
    kind: EvidenceKind,
    label: String,
    /// Each way of writing it, as stems.
    phrases: Vec<Vec<String>>,
    /// Names (lower case) under which the analysis' entity list may know it.
    entity_names: Vec<String>,
}

fn probes_for(event: &Event) -> Vec<Probe> {
    let mut probes: Vec<Probe> = Vec::new();
    for term in &event.key_terms {
        let keys = terms::phrase_keys(term);
        if keys.is_empty() {
            continue;
        }
        // Two spellings of one key term ("militarisation", "militarise") are one piece of evidence.
        if probes.iter().any(|p| p.phrases.contains(&keys)) {
            continue;
        }
        probes.push(Probe {
            kind: EvidenceKind::KeyTerm,
            label: term.trim().to_string(),
            phrases: vec![keys],
            entity_names: Vec::new(),
        });
    }
    for entity in &event.entities {
        let names: Vec<&str> = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .collect();
        let phrases: Vec<Vec<String>> = names
            .iter()
            .map(|name| terms::phrase_keys(name))
            .filter(|keys| !keys.is_empty())
            .collect();
        if phrases.is_empty() {
            continue;
        }
        probes.push(Probe {
            kind: EvidenceKind::Entity,
            label: entity.name.trim().to_string(),
            phrases,
            entity_names: names.iter().map(|n| n.trim().to_lowercase()).collect(),
        });
    }
    probes
}

fn catalogue_row(corpus: &Corpus, event: &Event) -> EventRow {
    let probes = probes_for(event);
    let event_words = std::iter::once(event.name.as_str())
        .chain(std::iter::once(event.description.as_str()))
        .chain(event.key_terms.iter().map(String::as_str))
        .chain(event.participants.iter().map(String::as_str))
        .chain(event.entity_names().map(|(_, name)| name));
    let event_vector = corpus.vector_of_phrases(event_words);
    let mut cells: Vec<Cell> = (0..corpus.articles.len())
        .map(|article_idx| Cell {
            article_idx,
            passages: Vec::new(),
        })
        .collect();
    let resolved: Vec<ResolvedProbe> = probes
        .iter()
        .map(|probe| ResolvedProbe::new(corpus, probe))
        .collect();
    for doc in &corpus.docs {
        if let Some(passage) = match_event(corpus, doc, &resolved, &event_vector) {
            cells[doc.article_idx].passages.push(passage);
        }
    }
    for cell in &mut cells {
        sort_best_first(&mut cell.passages);
    }
    EventRow {
        event: event.clone(),
        origin: EventOrigin::Catalogue,
        cells,
    }
}

pub(crate) fn sort_best_first(passages: &mut [Passage]) {
    crate::sort::sort_by(passages, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.paragraph.cmp(&b.paragraph))
    });
}

/// A probe looked up once per alignment: its phrases as term ids, its entity mentions per article.
struct ResolvedProbe<'p> {
    probe: &'p Probe,
    /// Phrases whose every word occurs somewhere in the compared articles (others cannot match).
    phrase_ids: Vec<Vec<usize>>,
    /// For each article, the mentions of the analysis' entities known under this probe's names.
    entity_mentions: Vec<Vec<Span>>,
    /// The probe's rarest word in these articles, for its weight.
    rarest: Option<usize>,
}

impl<'p> ResolvedProbe<'p> {
    fn new(corpus: &Corpus, probe: &'p Probe) -> ResolvedProbe<'p> {
        let phrase_ids: Vec<Vec<usize>> = probe
            .phrases
            .iter()
            .filter_map(|phrase| {
                phrase
                    .iter()
                    .map(|key| corpus.vocabulary.get(key).copied())
                    .collect::<Option<Vec<usize>>>()
            })
            .collect();
        let entity_mentions = corpus
            .articles
            .iter()
            .zip(&corpus.entity_names)
            .map(|(analysis, names)| {
                if probe.kind != EvidenceKind::Entity {
                    return Vec::new();
                }
                analysis
                    .entities
                    .iter()
                    .zip(names)
                    .filter(|(_, name)| probe.entity_names.contains(name))
                    .flat_map(|(entity, _)| entity.mentions.iter().copied())
                    .collect()
            })
            .collect();
        let rarest = phrase_ids
            .iter()
            .flatten()
            .copied()
            .min_by_key(|id| corpus.doc_freq[*id]);
        ResolvedProbe {
            probe,
            phrase_ids,
            entity_mentions,
            rarest,
        }
    }
}

/// Where a phrase of term ids occurs in a doc as consecutive words with no punctuation between.
fn find_phrase_ids(doc: &ParagraphDoc, phrase: &[usize]) -> Vec<Span> {
    let mut found = Vec::new();
    // Most phrases are absent from most paragraphs: a look-up in the sorted vector rules them out.
    let present = |id: &usize| doc.vector.binary_search_by_key(id, |(i, _)| *i).is_ok();
    if phrase.is_empty() || doc.word_ids.len() < phrase.len() || !phrase.iter().all(present) {
        return found;
    }
    for start in 0..=doc.word_ids.len() - phrase.len() {
        if doc.word_ids[start..start + phrase.len()] != *phrase {
            continue;
        }
        let window = &doc.words[start..start + phrase.len()];
        let joined = window.iter().all(|w| w.sentence == window[0].sentence)
            && window[1..].iter().all(|w| !w.after_break);
        if joined {
            found.push(Span::new(
                window[0].span.start,
                window[phrase.len() - 1].span.end,
            ));
        }
    }
    found
}

fn match_event(
    corpus: &Corpus,
    doc: &ParagraphDoc,
    probes: &[ResolvedProbe],
    event_vector: &SparseVector,
) -> Option<Passage> {
    let mut evidence = Vec::new();
    let mut covered: Vec<Span> = Vec::new();
    let mut n_distinct = 0;
    let mut has_key_term = false;
    let mut weight = 0.0;
    // Key terms come first in `probes`, so an entity found at the same words adds nothing new.
    for resolved in probes {
        let probe = resolved.probe;
        let mut spans: Vec<Span> = resolved
            .phrase_ids
            .iter()
            .flat_map(|phrase| find_phrase_ids(doc, phrase))
            .collect();
        spans.extend(
            resolved.entity_mentions[doc.article_idx]
                .iter()
                .filter(|mention| doc.span.contains(**mention)),
        );
        if spans.is_empty() {
            continue;
        }
        let spans = merge_overlapping(spans);
        let is_new = spans.iter().any(|span| {
            !covered
                .iter()
                .any(|c| c.start < span.end && span.start < c.end)
        });
        if is_new {
            n_distinct += 1;
            has_key_term |= probe.kind == EvidenceKind::KeyTerm;
            let base = if probe.kind == EvidenceKind::KeyTerm {
                1.0
            } else {
                0.5
            };
            weight += base * corpus.specificity(resolved.rarest);
        }
        covered.extend(spans.iter().copied());
        evidence.push(Evidence {
            kind: probe.kind,
            label: probe.label.clone(),
            spans,
        });
    }
    if n_distinct < 2 || !has_key_term {
        return None;
    }
    let similarity = cosine(event_vector, &doc.vector);
    let score = 0.75 * (1.0 - (-weight).exp()) + 0.25 * (2.0 * similarity).min(1.0);
    (score >= MIN_EVENT_SCORE).then_some(Passage {
        paragraph: doc.paragraph,
        span: doc.span,
        score,
        similarity,
        evidence,
    })
}

/// Sorts spans and merges the ones that overlap ("NATO" found by alias and "NATO’s" by the entity
/// list are one mention).
fn merge_overlapping(mut spans: Vec<Span>) -> Vec<Span> {
    crate::sort::sort(&mut spans);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}
