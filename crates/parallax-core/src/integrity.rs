//! Integrity signals: things a careful reader should check, each with evidence and a lateral-reading prompt.

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub kind: String,
    pub evidence: Vec<Span>,
    /// What the reader could check elsewhere; never an accusation.
    pub prompt: String,
}
