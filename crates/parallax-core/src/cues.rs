//! Framing cues: loaded language, labels, hedges and the other persuasion techniques, each explained.

use serde::{Deserialize, Serialize};

use crate::attribution::Attributions;
use crate::span::Span;
use crate::text::Structure;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub kind: String,
    pub span: Span,
    /// The rule or lexicon entry that fired.
    pub rule: String,
    /// Why this was flagged, in one sentence a 15-year-old understands.
    pub explanation: String,
}

/// Placeholder until the lexicons land.
pub fn find(_text: &str, _structure: &Structure, _attributions: &Attributions) -> Vec<Cue> {
    Vec::new()
}
