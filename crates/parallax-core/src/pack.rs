//! The pack format: a versioned bundle of articles with their metadata and analyses, as the app loads it.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;

/// Bumped whenever the serialized shape of [`Pack`] changes incompatibly.
pub const PACK_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub version: u32,
    pub id: String,
    pub title: String,
    pub articles: Vec<PackArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackArticle {
    pub slug: String,
    pub title: String,
    /// True when the page prints no title and the curator supplied this one.
    pub title_curated: bool,
    pub byline: Option<String>,
    /// The parsed author, or "No byline".
    pub author: String,
    pub printed_date: Option<String>,
    pub notes: Vec<String>,
    pub analysis: Analysis,
}
