//! Frames per paragraph, from the Policy Frames Codebook, with the words that evoke them.
//!
//! Each paragraph's frames are scored by counting evidence words from the curated list
//! `data/frames.txt`; a word repeated in one paragraph counts at most twice, so one repeated word
//! cannot decide a frame alone. The dominant frame of a paragraph is the one with the highest score,
//! if that score is at least two (`Other` otherwise); the article's frames add up the paragraphs.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::cues::lexicon::{self, Lexicon, Word};
use crate::span::Span;
use crate::text::Structure;

/// The fifteen frames of the Policy Frames Codebook; serialized as a stable snake_case id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    Economic,
    CapacityAndResources,
    Morality,
    FairnessAndEquality,
    LegalityConstitutionalityJurisprudence,
    PolicyPrescriptionAndEvaluation,
    CrimeAndPunishment,
    SecurityAndDefense,
    HealthAndSafety,
    QualityOfLife,
    CulturalIdentity,
    PublicOpinion,
    Political,
    ExternalRegulationAndReputation,
    Other,
}

impl Frame {
    pub const ALL: [Frame; 15] = [
        Frame::Economic,
        Frame::CapacityAndResources,
        Frame::Morality,
        Frame::FairnessAndEquality,
        Frame::LegalityConstitutionalityJurisprudence,
        Frame::PolicyPrescriptionAndEvaluation,
        Frame::CrimeAndPunishment,
        Frame::SecurityAndDefense,
        Frame::HealthAndSafety,
        Frame::QualityOfLife,
        Frame::CulturalIdentity,
        Frame::PublicOpinion,
        Frame::Political,
        Frame::ExternalRegulationAndReputation,
        Frame::Other,
    ];

    /// The stable id used in JSON and as the group id in `data/frames.txt`.
    pub fn id(self) -> &'static str {
        match self {
            Frame::Economic => "economic",
            Frame::CapacityAndResources => "capacity_and_resources",
            Frame::Morality => "morality",
            Frame::FairnessAndEquality => "fairness_and_equality",
            Frame::LegalityConstitutionalityJurisprudence => {
                "legality_constitutionality_jurisprudence"
            }
            Frame::PolicyPrescriptionAndEvaluation => "policy_prescription_and_evaluation",
            Frame::CrimeAndPunishment => "crime_and_punishment",
            Frame::SecurityAndDefense => "security_and_defense",
            Frame::HealthAndSafety => "health_and_safety",
            Frame::QualityOfLife => "quality_of_life",
            Frame::CulturalIdentity => "cultural_identity",
            Frame::PublicOpinion => "public_opinion",
            Frame::Political => "political",
            Frame::ExternalRegulationAndReputation => "external_regulation_and_reputation",
            Frame::Other => "other",
        }
    }

    /// The codebook's name for the frame.
    pub fn label(self) -> &'static str {
        match self {
            Frame::Economic => "Economic",
            Frame::CapacityAndResources => "Capacity and resources",
            Frame::Morality => "Morality",
            Frame::FairnessAndEquality => "Fairness and equality",
            Frame::LegalityConstitutionalityJurisprudence => {
                "Legality, constitutionality and jurisprudence"
            }
            Frame::PolicyPrescriptionAndEvaluation => "Policy prescription and evaluation",
            Frame::CrimeAndPunishment => "Crime and punishment",
            Frame::SecurityAndDefense => "Security and defense",
            Frame::HealthAndSafety => "Health and safety",
            Frame::QualityOfLife => "Quality of life",
            Frame::CulturalIdentity => "Cultural identity",
            Frame::PublicOpinion => "Public opinion",
            Frame::Political => "Political",
            Frame::ExternalRegulationAndReputation => "External regulation and reputation",
            Frame::Other => "Other",
        }
    }

    pub fn from_id(id: &str) -> Option<Frame> {
        Frame::ALL.into_iter().find(|frame| frame.id() == id)
    }

    /// What the frame is about, in one sentence (from the data file).
    pub fn description(self) -> &'static str {
        let lexicon = frame_lexicon();
        lexicon
            .groups
            .iter()
            .find(|group| group.id == self.id())
            .map_or("", |group| group.explanation.as_str())
    }
}

/// One frame's evidence in one paragraph, or, added up, in the whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameEvidence {
    pub frame: Frame,
    /// The number of evidence words, each distinct word counted at most twice per paragraph.
    pub score: u32,
    pub evidence: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphFrames {
    /// Index into `Structure::paragraphs`.
    pub paragraph: usize,
    /// Frames with evidence, highest score first.
    pub frames: Vec<FrameEvidence>,
    /// The highest-scoring frame, `Other` when no frame has at least two evidence words.
    pub dominant: Frame,
}

/// The frames of a whole article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ArticleFrames {
    /// One entry per paragraph of the structure, in order.
    pub paragraphs: Vec<ParagraphFrames>,
    /// Frames added up over all paragraphs, highest score first.
    pub article: Vec<FrameScore>,
    /// The frame with the highest total score, `None` for a text with no evidence at all.
    pub dominant: Option<Frame>,
}

/// A frame's total over the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameScore {
    pub frame: Frame,
    pub score: u32,
    /// In how many paragraphs this frame is the dominant one.
    pub dominant_in: u32,
}

/// How often one distinct evidence word may count in one paragraph.
const MAX_COUNT_PER_WORD: u32 = 2;

/// The score a frame needs to dominate a paragraph: one word alone ("penalty", "plans") is too weak.
const MIN_DOMINANT_SCORE: u32 = 2;

fn frame_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../data/frames.txt")))
}

/// Scores every paragraph of the text for the codebook frames.
pub fn find(text: &str, structure: &Structure) -> ArticleFrames {
    find_with_words(structure, &lexicon::words(text, structure))
}

/// [`find`] with the words already split; the analysis splits them once for all its modules.
pub(crate) fn find_with_words(structure: &Structure, words: &[Word]) -> ArticleFrames {
    let lexicon = frame_lexicon();
    let matches = lexicon.find(words);
    let mut paragraphs = Vec::with_capacity(structure.paragraphs.len());
    let mut match_idx = 0;
    for (paragraph_idx, paragraph) in structure.paragraphs.iter().enumerate() {
        let mut per_frame: Vec<FrameEvidence> = Vec::new();
        // Counts per (frame, entry) so that one repeated word cannot decide the frame alone.
        let mut counted: Vec<(usize, u32)> = Vec::new();
        while match_idx < matches.len() && matches[match_idx].span.start < paragraph.span.end {
            let found = matches[match_idx];
            match_idx += 1;
            if found.span.start < paragraph.span.start {
                continue;
            }
            let entry = &lexicon.entries[found.entry];
            let Some(frame) = Frame::from_id(&lexicon.groups[entry.group].id) else {
                continue;
            };
            let count = match counted.iter_mut().find(|(entry, _)| *entry == found.entry) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    counted.push((found.entry, 1));
                    1
                }
            };
            let evidence = match per_frame.iter_mut().find(|e| e.frame == frame) {
                Some(evidence) => evidence,
                None => {
                    per_frame.push(FrameEvidence {
                        frame,
                        score: 0,
                        evidence: Vec::new(),
                    });
                    per_frame.last_mut().expect("just pushed")
                }
            };
            evidence.evidence.push(found.span);
            if count <= MAX_COUNT_PER_WORD {
                evidence.score += 1;
            }
        }
        // Highest score first; on a tie the frame whose evidence comes first.
        per_frame.sort_by_key(|e| (std::cmp::Reverse(e.score), e.evidence[0].start));
        let dominant = per_frame
            .first()
            .filter(|e| e.score >= MIN_DOMINANT_SCORE)
            .map_or(Frame::Other, |e| e.frame);
        paragraphs.push(ParagraphFrames {
            paragraph: paragraph_idx,
            frames: per_frame,
            dominant,
        });
    }
    let mut article: Vec<FrameScore> = Vec::new();
    for paragraph in &paragraphs {
        for evidence in &paragraph.frames {
            let total = match article.iter_mut().find(|s| s.frame == evidence.frame) {
                Some(total) => total,
                None => {
                    article.push(FrameScore {
                        frame: evidence.frame,
                        score: 0,
                        dominant_in: 0,
                    });
                    article.last_mut().expect("just pushed")
                }
            };
            total.score += evidence.score;
            if paragraph.dominant == evidence.frame {
                total.dominant_in += 1;
            }
        }
    }
    article.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.score),
            std::cmp::Reverse(s.dominant_in),
            s.frame,
        )
    });
    let dominant = article.first().map(|s| s.frame);
    ArticleFrames {
        paragraphs,
        article,
        dominant,
    }
}

#[cfg(test)]
mod tests;
