//! Metadata detection: the title, byline, printed date and lede as the page prints them.

use serde::{Deserialize, Serialize};

use crate::clean::Cleaned;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metadata {
    pub title: Option<String>,
    /// The byline exactly as printed, e.g. "by Martin Haffner Associate Editor".
    pub byline: Option<String>,
    /// The parsed author name, e.g. "Martin Haffner".
    pub author: Option<String>,
    /// The author's role when the byline gives one, e.g. "Associate Editor".
    pub author_role: Option<String>,
    /// The date exactly as printed, e.g. "Friday, December 24, 2021".
    pub printed_date: Option<String>,
    /// The printed date normalised to ISO 8601 (`2021-12-24`), or as much of it as is known (`2025-06`).
    pub date_iso: Option<String>,
}

/// Placeholder until detection lands.
pub fn detect(_raw: &str, _cleaned: &Cleaned) -> Metadata {
    Metadata::default()
}
