//! Page-chrome removal: turns a scraped page into the article's clean text and records every removed line and why.

use serde::{Deserialize, Serialize};

/// The clean text of an article and everything that was taken out of the raw page to get it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Cleaned {
    /// Paragraphs separated by one blank line ("\n\n"). All analysis spans index into this.
    pub text: String,
    /// Every raw line that did not make it into `text`, in page order.
    pub removed: Vec<Removed>,
}

/// One line of the raw page that is not part of the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// 1-based line number in the raw page.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

/// Placeholder until the chrome rules land: keeps every non-empty line as its own paragraph.
pub fn clean(raw: &str) -> Cleaned {
    let paragraphs: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    Cleaned { text: paragraphs.join("\n\n"), removed: Vec::new() }
}
