//! Topics from a taxonomy data file, each assigned with the evidence that supports it.
//!
//! The taxonomy and its evidence words are curated in `data/topics.txt`. A topic is assigned when
//! its evidence passes a threshold that grows with the length of the text, and only when at least
//! two different words support it: one passing mention ("the summit") does not make a topic.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::cues::lexicon::{self, Lexicon, Word};
use crate::span::Span;
use crate::text::Structure;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// The stable id from the taxonomy, e.g. `defence_security`.
    pub id: String,
    pub label: String,
    /// The evidence count, each distinct word counted at most three times.
    pub score: u32,
    /// Every place a word of the topic's evidence list appears.
    pub evidence: Vec<Span>,
    /// Whether a curator added the topic by hand (in a pack) rather than these rules.
    pub curated: bool,
}

/// A topic of the taxonomy, for legends and filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaxonomyTopic {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// How often one distinct word may count towards a topic.
const MAX_COUNT_PER_WORD: u32 = 3;
/// At least this many different words must support a topic.
const MIN_DISTINCT_WORDS: usize = 2;
/// The smallest score that assigns a topic, for short texts.
const MIN_SCORE: u32 = 3;
/// In longer texts the score must also reach one per this many words.
const WORDS_PER_POINT: usize = 200;

/// The evidence for one topic: every span, and how often each entry matched.
#[derive(Debug, Clone, Default)]
struct Tally {
    evidence: Vec<Span>,
    counts: Vec<(usize, u32)>,
}

fn topic_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../data/topics.txt")))
}

/// The label of the taxonomy topic `id` (e.g. "Defence & security" for `defence_security`).
pub fn label(id: &str) -> Option<&'static str> {
    topic_lexicon()
        .groups
        .iter()
        .find(|group| group.id == id)
        .map(|group| group.label.as_str())
}

/// The whole taxonomy, in the order of the data file.
pub fn taxonomy() -> Vec<TaxonomyTopic> {
    topic_lexicon()
        .groups
        .iter()
        .map(|group| TaxonomyTopic {
            id: group.id.clone(),
            label: group.label.clone(),
            description: group.explanation.clone(),
        })
        .collect()
}

/// Assigns topics to a clean text, highest score first.
pub fn assign(text: &str, structure: &Structure) -> Vec<Topic> {
    assign_with_words(&lexicon::words(text, structure))
}

/// [`assign`] with the words already split; the analysis splits them once for all its modules.
pub(crate) fn assign_with_words(words: &[Word]) -> Vec<Topic> {
    let lexicon = topic_lexicon();
    let n_words = words.iter().filter(|word| !word.is_number).count();
    let threshold = MIN_SCORE.max(u32::try_from(n_words / WORDS_PER_POINT).unwrap_or(u32::MAX));
    let mut per_group: Vec<Tally> = vec![Tally::default(); lexicon.groups.len()];
    for found in lexicon.find(words) {
        let entry = &lexicon.entries[found.entry];
        let tally = &mut per_group[entry.group];
        tally.evidence.push(found.span);
        match tally
            .counts
            .iter_mut()
            .find(|(entry, _)| *entry == found.entry)
        {
            Some((_, count)) => *count += 1,
            None => tally.counts.push((found.entry, 1)),
        }
    }
    let mut topics: Vec<Topic> = per_group
        .into_iter()
        .enumerate()
        .filter_map(|(group_idx, Tally { evidence, counts })| {
            let score: u32 = counts
                .iter()
                .map(|(_, count)| (*count).min(MAX_COUNT_PER_WORD))
                .sum();
            if counts.len() < MIN_DISTINCT_WORDS || score < threshold {
                return None;
            }
            let group = &lexicon.groups[group_idx];
            Some(Topic {
                id: group.id.clone(),
                label: group.label.clone(),
                score,
                evidence,
                curated: false,
            })
        })
        .collect();
    topics.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    topics
}

#[cfg(test)]
mod tests;
