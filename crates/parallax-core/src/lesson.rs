//! Lessons: guided questions over a pack's articles, comparisons and highlight layers.
//! (Only the identity of a lesson so far; steps, questions and answer keys are being built.)

use serde::{Deserialize, Serialize};

/// One lesson of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lesson {
    /// Stable id used in the URL (`#/lesson/<id>`) and as the key of the student's saved work.
    pub id: String,
    pub title: String,
}
