//! Attributions (direct quotes and reported speech) and the voices they give a say.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::text::Structure;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    /// Index into `Analysis::voices`.
    pub voice: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Attributions {
    pub attributions: Vec<Attribution>,
    pub voices: Vec<Voice>,
}

/// Placeholder until the attribution rules land.
pub fn find(_text: &str, _structure: &Structure) -> Attributions {
    Attributions::default()
}
