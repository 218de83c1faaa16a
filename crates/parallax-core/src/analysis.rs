//! The whole analysis of one article: the versioned, serializable result the app and the CLI show.

use serde::{Deserialize, Serialize};

use crate::attribution::{Attribution, Voice};
use crate::clean::Removed;
use crate::cues::Cue;
use crate::entities::Entity;
use crate::frames::ArticleFrames;
use crate::integrity::Signal;
use crate::meta::Metadata;
use crate::text::Structure;
use crate::topics::Topic;
use crate::{attribution, clean, cues, entities, frames, integrity, meta, text, topics};

/// Bumped whenever the serialized shape of [`Analysis`] changes incompatibly.
pub const ANALYSIS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    /// The clean text; every span in this analysis indexes into it.
    pub text: String,
    pub removed: Vec<Removed>,
    pub metadata: Metadata,
    pub structure: Structure,
    pub attributions: Vec<Attribution>,
    pub voices: Vec<Voice>,
    pub entities: Vec<Entity>,
    pub cues: Vec<Cue>,
    /// Cues in the headline (`metadata.title`); their spans index into the title, not into `text`.
    pub title_cues: Vec<Cue>,
    pub frames: ArticleFrames,
    pub topics: Vec<Topic>,
    pub integrity: Vec<Signal>,
}

/// Analyses one scraped article. Never panics; odd input yields a sparse analysis.
pub fn analyze(raw: &str) -> Analysis {
    let cleaned = clean::clean(raw);
    let metadata = meta::detect(raw, &cleaned);
    let text = cleaned.text;
    let structure = text::structure(&text);
    let found = attribution::find(&text, &structure);
    let entities = entities::find(&text, &structure);
    // The cue, frame, topic and integrity rules read the same lexicon words: split them once.
    let words = cues::lexicon::words(&text, &structure);
    let cues = cues::find_with_words(&text, &structure, &words, &found);
    let title_cues = metadata
        .title
        .as_deref()
        .map(cues::find_in_title)
        .unwrap_or_default();
    let frames = frames::find_with_words(&structure, &words);
    let topics = topics::assign_with_words(&words);
    let integrity = integrity::check_with_words(
        &text,
        &structure,
        &words,
        &integrity::Context {
            metadata: &metadata,
            removed: &cleaned.removed,
            attributions: &found,
        },
    );
    Analysis {
        version: ANALYSIS_VERSION,
        removed: cleaned.removed,
        metadata,
        attributions: found.attributions,
        voices: found.voices,
        entities,
        cues,
        title_cues,
        frames,
        topics,
        integrity,
        structure,
        text,
    }
}
