//! Topics from a taxonomy data file, each assigned with the evidence that supports it.

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub evidence: Vec<Span>,
}

/// Placeholder until the taxonomy lands.
pub fn assign(_text: &str) -> Vec<Topic> {
    Vec::new()
}
