//! Parallax's core: turns scraped article text into clean text, metadata and an explainable framing analysis.
//!
//! Invariants: this crate does no file or network I/O and knows nothing about the DOM. Everything it
//! returns is plain data with public fields that serializes with serde. Parsing never fails: odd input
//! yields a result plus readable diagnostics.

pub mod align;
pub mod analysis;
pub mod attribution;
pub mod bundle;
mod bytes;
pub mod clean;
pub mod cues;
pub mod entities;
pub mod eval;
pub mod events;
pub mod facets;
pub mod frames;
pub mod import;
pub mod integrity;
pub mod lesson;
pub mod meta;
pub mod pack;
pub mod profile;
pub mod query;
pub mod search;
pub mod sort;
pub mod span;
pub mod split;
pub mod synth;
pub mod text;
pub mod topics;

pub use analysis::{analyze, Analysis, ANALYSIS_VERSION};
pub use span::Span;
