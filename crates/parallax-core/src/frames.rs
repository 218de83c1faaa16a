//! Frames per paragraph, from the Policy Frames Codebook, with the words that evoke them.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::Structure;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphFrames {
    pub paragraph: usize,
    pub frames: Vec<FrameEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameEvidence {
    pub frame: String,
    pub evidence: Vec<Span>,
}

/// Placeholder until the frame lexicon lands.
pub fn find(_text: &str, _structure: &Structure) -> Vec<ParagraphFrames> {
    Vec::new()
}
