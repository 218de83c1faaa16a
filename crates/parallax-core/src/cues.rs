//! Framing cues: loaded language, labels, hedges and the other persuasion techniques, each explained.
//!
//! Most cues come from the curated lexicon `data/cues.txt` (see [`lexicon`] for its format); scare
//! quotes come from a rule over the quotation marks of the text. Every cue records whether it stands
//! inside a direct quotation, because a loaded word in a quote is the speaker's choice, not the writer's.

pub(crate) mod lexicon;
pub(crate) mod quotes;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::attribution::Attributions;
use crate::span::Span;
use crate::text::Structure;
use lexicon::{Lexicon, Word};

/// The persuasion technique a cue belongs to; serialized as a stable snake_case id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    LoadedLanguage,
    NameCallingLabeling,
    ExaggerationMinimisation,
    Doubt,
    AppealToFearPrejudice,
    FlagWaving,
    AppealToAuthority,
    CausalOversimplification,
    Hedge,
    Booster,
    AttributionStance,
    ScareQuotes,
}

impl CueKind {
    pub const ALL: [CueKind; 12] = [
        CueKind::LoadedLanguage,
        CueKind::NameCallingLabeling,
        CueKind::ExaggerationMinimisation,
        CueKind::Doubt,
        CueKind::AppealToFearPrejudice,
        CueKind::FlagWaving,
        CueKind::AppealToAuthority,
        CueKind::CausalOversimplification,
        CueKind::Hedge,
        CueKind::Booster,
        CueKind::AttributionStance,
        CueKind::ScareQuotes,
    ];

    /// The stable id used in JSON and in the data files, e.g. `loaded_language`.
    pub fn id(self) -> &'static str {
        match self {
            CueKind::LoadedLanguage => "loaded_language",
            CueKind::NameCallingLabeling => "name_calling_labeling",
            CueKind::ExaggerationMinimisation => "exaggeration_minimisation",
            CueKind::Doubt => "doubt",
            CueKind::AppealToFearPrejudice => "appeal_to_fear_prejudice",
            CueKind::FlagWaving => "flag_waving",
            CueKind::AppealToAuthority => "appeal_to_authority",
            CueKind::CausalOversimplification => "causal_oversimplification",
            CueKind::Hedge => "hedge",
            CueKind::Booster => "booster",
            CueKind::AttributionStance => "attribution_stance",
            CueKind::ScareQuotes => "scare_quotes",
        }
    }

    /// The name a reader sees in the legend.
    pub fn label(self) -> &'static str {
        match self {
            CueKind::LoadedLanguage => "Loaded language",
            CueKind::NameCallingLabeling => "Name calling / labeling",
            CueKind::ExaggerationMinimisation => "Exaggeration / minimisation",
            CueKind::Doubt => "Doubt",
            CueKind::AppealToFearPrejudice => "Appeal to fear / prejudice",
            CueKind::FlagWaving => "Flag waving",
            CueKind::AppealToAuthority => "Appeal to authority",
            CueKind::CausalOversimplification => "Causal oversimplification",
            CueKind::Hedge => "Certainty: hedge",
            CueKind::Booster => "Certainty: booster",
            CueKind::AttributionStance => "Attribution verb stance",
            CueKind::ScareQuotes => "Scare quotes",
        }
    }

    pub fn from_id(id: &str) -> Option<CueKind> {
        CueKind::ALL.into_iter().find(|kind| kind.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub span: Span,
    /// The rule or lexicon entry that fired, e.g. `lexicon hedge.modal: likely`.
    pub rule: String,
    /// Why this was flagged, in one sentence a 15-year-old understands.
    pub explanation: String,
    /// Whether the cue stands inside a direct quotation (the speaker's words, not the writer's).
    pub in_quote: bool,
}

const SCARE_QUOTES_EXPLANATION: &str = "Quotation marks around a short phrase that nobody is quoted as saying can be the writer's way of hinting that the word is wrong or should not be taken at face value.";

/// The longest quoted phrase, in words, still treated as a possible scare quote.
const SCARE_QUOTE_MAX_WORDS: usize = 3;

/// Words that, in the same sentence, show that a quoted phrase is somebody's words rather than the writer's distance.
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "stated",
    "according",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "written",
    "called",
    "calls",
    "calling",
    "dubbed",
    "dubs",
    "termed",
    "described",
    "describes",
    "describing",
    "labelled",
    "labeled",
    "branded",
    "referred",
    "refers",
    "quoted",
    "quoting",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "argued",
    "argues",
    "warned",
    "warns",
    "noted",
    "declared",
    "announced",
    "explained",
    "replied",
    "echoed",
    "lamented",
    "cautioned",
    "highlights",
    "highlighted",
    "underscores",
    "underscored",
    "vowed",
    "promised",
    "urged",
    "suggested",
    "admitted",
    "conceded",
    "acknowledged",
    "denied",
    "praised",
    "criticised",
    "criticized",
    "notion",
    "phrase",
    "word",
    "words",
    "term",
    "slogan",
    "motto",
    "known",
    "nicknamed",
    "titled",
    "entitled",
    "headlined",
    "reiterated",
    "chanted",
    "shouted",
    "yelled",
    "screamed",
    "sang",
    "read",
    "reads",
    "tweeted",
    "posted",
    "captioned",
    "whispered",
    "answered",
    "responded",
    "joked",
    "quipped",
    "muttered",
    "replied",
    "stressed",
    "emphasised",
    "emphasized",
    "promising",
    "pledged",
    "slogan",
];

fn cue_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../data/cues.txt")))
}

/// Finds the framing cues of one clean text, in text order.
pub fn find(text: &str, structure: &Structure, attributions: &Attributions) -> Vec<Cue> {
    find_with_words(
        text,
        structure,
        &lexicon::words(text, structure),
        attributions,
    )
}

/// [`find`] with the words already split; the analysis splits them once for all its modules.
pub(crate) fn find_with_words(
    text: &str,
    structure: &Structure,
    words: &[Word],
    attributions: &Attributions,
) -> Vec<Cue> {
    let quoted = quotes::find(text, structure);
    let quote_index = SpanIndex::new(quoted.iter().map(|quote| quote.inner));
    let in_quote = |span: Span| quote_index.any_contains(span);
    let lexicon = cue_lexicon();
    let mut cues = Vec::new();
    for found in lexicon.find(words) {
        let entry = &lexicon.entries[found.entry];
        let group = &lexicon.groups[entry.group];
        let kind_id = group.id.split('.').next().unwrap_or("");
        let Some(kind) = CueKind::from_id(kind_id) else {
            continue;
        };
        cues.push(Cue {
            kind,
            span: found.span,
            rule: format!("lexicon {}: {}", group.id, entry.text),
            explanation: group.explanation.clone(),
            in_quote: in_quote(found.span),
        });
    }
    cues.extend(scare_quotes(text, words, &quoted, attributions));
    cues.sort_by_key(|cue| (cue.span.start, cue.span.end, cue.kind));
    cues
}

/// Finds the cues of a headline; their spans index into `title`.
pub fn find_in_title(title: &str) -> Vec<Cue> {
    let structure = crate::text::structure(title);
    find(title, &structure, &Attributions::default())
}

/// Short quoted phrases in the writer's own voice: no speaker or reporting word in their sentence.
fn scare_quotes(
    text: &str,
    words: &[Word],
    quoted: &[quotes::Quote],
    attributions: &Attributions,
) -> Vec<Cue> {
    let mut out = Vec::new();
    let attributed = SpanIndex::new(attributions.attributions.iter().map(|a| a.content));
    // Quotes come sorted by start, so a quote is nested when an earlier one reaches past its end.
    let mut furthest_inner_end = 0;
    for quote in quoted {
        let nested = furthest_inner_end >= quote.outer.end;
        furthest_inner_end = furthest_inner_end.max(quote.inner.end);
        let first_inside = words.partition_point(|word| word.span.start < quote.inner.start);
        let inside: Vec<&Word> = words[first_inside..]
            .iter()
            .take_while(|word| word.span.end <= quote.inner.end)
            .take(SCARE_QUOTE_MAX_WORDS + 1)
            .collect();
        if inside.is_empty() || inside.len() > SCARE_QUOTE_MAX_WORDS {
            continue;
        }
        // A phrase inside a longer quotation belongs to that speaker, and anything the attribution
        // rules give to a speaker is a real quotation.
        if nested || attributed.any_overlaps(quote.inner) {
            continue;
        }
        let sentence = inside[0].sentence;
        let sentence_start = words.partition_point(|word| word.sentence < sentence);
        let sentence_words = words[sentence_start..]
            .iter()
            .take_while(|word| word.sentence == sentence);
        let mut spoken = false;
        let mut before: Option<&Word> = None;
        let mut after: Option<&Word> = None;
        for word in sentence_words {
            if quote.outer.contains(word.span) {
                continue;
            }
            if SPEECH_WORDS.contains(&word.lower.as_str()) {
                spoken = true;
            }
            if word.span.end <= quote.outer.start {
                before = Some(word);
            } else if after.is_none() {
                after = Some(word);
            }
        }
        // A nickname between a first and last name ("Earvin 'Magic' Johnson") is not a scare quote.
        let nickname = before.is_some_and(|w| w.capitalised && w.span.end + 2 >= quote.outer.start)
            && after.is_some_and(|w| w.capitalised && quote.outer.end + 2 >= w.span.start);
        if spoken || nickname {
            continue;
        }
        let phrase = quote.inner.slice(text);
        out.push(Cue {
            kind: CueKind::ScareQuotes,
            span: quote.outer,
            rule: format!(
                "rule scare_quotes: a quoted phrase of at most {SCARE_QUOTE_MAX_WORDS} words with no speaker or reporting word in its sentence (\"{phrase}\")"
            ),
            explanation: SCARE_QUOTES_EXPLANATION.to_string(),
            in_quote: false,
        });
    }
    out
}

/// Spans sorted by start with the running maximum of their ends, for containment and overlap
/// queries in logarithmic time (a long text can hold thousands of quotes).
struct SpanIndex {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanIndex {
    fn new(spans: impl Iterator<Item = Span>) -> SpanIndex {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort();
        let mut furthest = 0;
        let max_end = spans
            .iter()
            .map(|span| {
                furthest = furthest.max(span.end);
                furthest
            })
            .collect();
        SpanIndex { spans, max_end }
    }

    /// Whether some span contains `inner`: among spans starting at or before it, one ends at or after it.
    fn any_contains(&self, inner: Span) -> bool {
        let n_before = self.spans.partition_point(|span| span.start <= inner.start);
        n_before > 0 && self.max_end[n_before - 1] >= inner.end
    }

    /// Whether some span overlaps `other`.
    fn any_overlaps(&self, other: Span) -> bool {
        let n_before = self.spans.partition_point(|span| span.start < other.end);
        n_before > 0 && self.max_end[n_before - 1] > other.start
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod hay;
