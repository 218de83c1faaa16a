//! Structure: paragraphs and sentences of the clean text, as spans.

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Structure {
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Vec<Span>,
}

/// Splits clean text into paragraphs (blank-line separated) and, for now, treats each paragraph as one sentence.
pub fn structure(text: &str) -> Structure {
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let start = offset + (chunk.len() - chunk.trim_start().len());
        let end = offset + chunk.trim_end().len();
        if end > start {
            let span = Span::new(start, end);
            paragraphs.push(Paragraph { span, sentences: vec![span] });
        }
        offset += chunk.len() + 2;
    }
    Structure { paragraphs }
}
