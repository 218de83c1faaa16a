//! The student's work on a lesson: answers per step, progress, Markdown and JSON export, and JSON import with checks.
//!
//! Everything here is pure, so it is specified by native tests; `hooks::use_student_work` keeps the
//! work in the browser's storage and `pages::lesson` shows it. The JSON written to storage and the
//! JSON a student exports are the same [`WorkFile`], so a saved file can continue on another device.

use std::collections::{BTreeMap, BTreeSet};

use parallax_core::lesson::{Lesson, QuestionKind, Step};
use parallax_core::pack::{Pack, PackArticle};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What a work file says it is, so a file of another kind is recognised and refused.
pub const WORK_FORMAT: &str = "parallax-lesson-work";

/// The work file's version. Bump it when [`WorkFile`]'s shape changes; files from newer versions are refused.
pub const WORK_VERSION: u32 = 1;

/// The largest work file import reads. A whole lesson's answers are a few kilobytes; anything near
/// this size is not a work file.
pub const MAX_IMPORT_BYTES: u64 = 1024 * 1024;

/// Passages shorter than this many words (headings, one-line labels) are not offered as choices.
const MIN_PASSAGE_WORDS: usize = 6;

/// One answer, as the student gave it. Choices and passages are stored as their text, so the
/// saved work still reads correctly if a lesson's options or an article's paragraphs are reordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Choice(String),
    Passage(String),
}

impl Answer {
    pub fn text(&self) -> &str {
        match self {
            Answer::Text(text) | Answer::Choice(text) | Answer::Passage(text) => text,
        }
    }

    fn fits(&self, kind: QuestionKind) -> bool {
        matches!(
            (self, kind),
            (Answer::Text(_), QuestionKind::FreeText)
                | (Answer::Choice(_), QuestionKind::MultipleChoice)
                | (Answer::Passage(_), QuestionKind::SelectPassage)
        )
    }
}

/// The student's work on one lesson: answers by step id, and the steps whose key they have opened.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LessonWork {
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub revealed: BTreeSet<String>,
}

/// The stored and exported form of a lesson's work.
///
/// ```text
/// {
///   "format": "parallax-lesson-work",   // WORK_FORMAT
///   "version": 1,                       // WORK_VERSION
///   "pack": "nato",                     // the pack the lesson came from
///   "lesson": "who-gets-to-speak",      // the lesson's id
///   "lesson_title": "…",                // for people reading the file
///   "answers": { "<step id>": { "kind": "text" | "choice" | "passage", "value": "…" } },
///   "revealed": ["<step id>", …]        // steps whose answer key the student opened
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub pack: String,
    pub lesson: String,
    #[serde(default)]
    pub lesson_title: String,
    #[serde(flatten)]
    pub work: LessonWork,
}

impl LessonWork {
    /// The answer to `step`, if the student gave one of the step's kind that is not blank.
    pub fn answer(&self, step: &Step) -> Option<&Answer> {
        self.answers
            .get(&step.id)
            .filter(|answer| answer.fits(step.kind) && !answer.text().trim().is_empty())
    }

    /// Whether the step's answer key may be shown: the student answered and asked to see it.
    pub fn is_revealed(&self, step: &Step) -> bool {
        self.answer(step).is_some() && self.revealed.contains(&step.id)
    }

    /// The work with `answer` given to `step` (a blank text answer removes the answer).
    pub fn with_answer(&self, step: &Step, answer: Answer) -> LessonWork {
        let mut next = self.clone();
        if answer.text().is_empty() {
            next.answers.remove(&step.id);
        } else {
            next.answers.insert(step.id.clone(), answer);
        }
        next
    }

    /// The work with the key of `step` opened.
    pub fn with_revealed(&self, step: &Step) -> LessonWork {
        let mut next = self.clone();
        next.revealed.insert(step.id.clone());
        next
    }

    /// `imported` laid over this work: its answers replace these step by step, the rest stay.
    pub fn merged(&self, imported: &LessonWork) -> LessonWork {
        let mut next = self.clone();
        next.answers.extend(imported.answers.clone());
        next.revealed.extend(imported.revealed.iter().cloned());
        next
    }
}

/// How many of the lesson's steps are answered, and how many there are.
pub fn progress(lesson: &Lesson, work: &LessonWork) -> (usize, usize) {
    let answered = lesson
        .steps
        .iter()
        .filter(|step| work.answer(step).is_some())
        .count();
    (answered, lesson.steps.len())
}

/// "2 of 5 answered", or "Not started".
pub fn progress_label(lesson: &Lesson, work: &LessonWork) -> String {
    match progress(lesson, work) {
        (0, _) => "Not started".to_owned(),
        (answered, total) if answered == total => format!("All {total} answered"),
        (answered, total) => format!("{answered} of {total} answered"),
    }
}

/// The work as the JSON that storage holds and the export downloads.
pub fn to_json(pack: &Pack, lesson: &Lesson, work: &LessonWork) -> String {
    let file = WorkFile {
        format: WORK_FORMAT.to_owned(),
        version: WORK_VERSION,
        pack: pack.id.clone(),
        lesson: lesson.id.clone(),
        lesson_title: lesson.title.clone(),
        work: work.clone(),
    };
    serde_json::to_string_pretty(&file).expect("work serializes")
}

/// A work file that was read and checked: which lesson it belongs to, the answers that fit that
/// lesson, and how many answers were left out because the lesson has no such step (or another kind).
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub lesson: String,
    pub work: LessonWork,
    pub left_out: usize,
}

/// Reads a work file of `size` bytes with content `text` for `pack`; a readable message when it is not one.
pub fn import(pack: &Pack, size: u64, text: &str) -> Result<Imported, String> {
    if size > MAX_IMPORT_BYTES {
        return Err(format!(
            "This file is {}; a Parallax work file is a few kilobytes (at most 1 MB). Choose the .json file you exported from a lesson.",
            human_size(size)
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|_| {
        "This file is not a Parallax work file: it is not JSON. Choose the .json file you exported from a lesson.".to_owned()
    })?;
    let format = value.get("format").and_then(Value::as_str);
    if format != Some(WORK_FORMAT) {
        return Err("This JSON file is not a Parallax work file. Choose the .json file you exported from a lesson (\u{201c}Download my work as JSON\u{201d}).".to_owned());
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(version) if version > u64::from(WORK_VERSION) => {
            return Err(format!(
                "This work file was saved by a newer version of Parallax (format {version}); this version reads format {WORK_VERSION}. Open it with the newer version, or update this one."
            ))
        }
        Some(version) if version >= 1 => {}
        _ => return Err("This work file has no valid version number, so it cannot be read safely.".to_owned()),
    }
    let file: WorkFile = serde_json::from_value(value)
        .map_err(|error| format!("This work file is damaged and cannot be read ({error})."))?;
    let Some(lesson) = pack.lessons.iter().find(|lesson| lesson.id == file.lesson) else {
        let title = if file.lesson_title.is_empty() {
            format!("\u{201c}{}\u{201d}", file.lesson)
        } else {
            format!("\u{201c}{}\u{201d}", file.lesson_title)
        };
        return Err(format!(
            "This work file is for the lesson {title}, which the pack \u{201c}{}\u{201d} does not have. Load the pack the lesson belongs to first.",
            pack.title
        ));
    };
    let (work, left_out) = fit(lesson, &file.work);
    Ok(Imported {
        lesson: lesson.id.clone(),
        work,
        left_out,
    })
}

/// Reads work kept in storage for `lesson`; `None` when it is not a readable work file of this lesson.
pub fn from_storage(pack: &Pack, lesson: &Lesson, text: &str) -> Option<LessonWork> {
    let imported = import(pack, text.len() as u64, text).ok()?;
    (imported.lesson == lesson.id).then_some(imported.work)
}

/// The answers of `work` that fit `lesson`'s steps (known step id, same kind, a listed option).
fn fit(lesson: &Lesson, work: &LessonWork) -> (LessonWork, usize) {
    let mut kept = LessonWork::default();
    let mut left_out = 0;
    for (step_id, answer) in &work.answers {
        let fits = lesson
            .steps
            .iter()
            .find(|step| &step.id == step_id)
            .is_some_and(|step| {
                answer.fits(step.kind)
                    && match answer {
                        Answer::Choice(choice) => step.options.contains(choice),
                        _ => true,
                    }
            });
        if fits {
            kept.answers.insert(step_id.clone(), answer.clone());
        } else {
            left_out += 1;
        }
    }
    kept.revealed = work
        .revealed
        .iter()
        .filter(|id| kept.answers.contains_key(*id))
        .cloned()
        .collect();
    (kept, left_out)
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The paragraphs of an article a "select the passage" question offers, with their byte offset.
/// Headings and other very short lines are left out: they are not passages anyone would select.
pub fn passages(article: &PackArticle) -> Vec<&str> {
    let text = &article.analysis.text;
    article
        .analysis
        .structure
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.span.slice(text).trim())
        .filter(|paragraph| paragraph.split_whitespace().count() >= MIN_PASSAGE_WORDS)
        .collect()
}

/// The paragraph of `article` that holds `words` (an excerpt or a passage key), if any.
pub fn paragraph_with<'a>(article: &'a PackArticle, words: &str) -> Option<&'a str> {
    let text = &article.analysis.text;
    let at = text.find(words)?;
    article
        .analysis
        .structure
        .paragraphs
        .iter()
        .find(|paragraph| paragraph.span.start <= at && at < paragraph.span.end)
        .map(|paragraph| paragraph.span.slice(text).trim())
}

/// The work as a Markdown document: the lesson, then every step's question and the student's answer.
pub fn to_markdown(pack: &Pack, lesson: &Lesson, work: &LessonWork) -> String {
    let mut out = format!("# {}\n\n", one_line(&lesson.title));
    out.push_str(&format!(
        "{} · {} minutes · from the pack \u{201c}{}\u{201d} in Parallax\n\n",
        lesson.level.label(),
        lesson.duration_minutes,
        one_line(&pack.title)
    ));
    out.push_str(&format!("Progress: {}.\n", progress_label(lesson, work)));
    for (index, step) in lesson.steps.iter().enumerate() {
        out.push_str(&format!(
            "\n## Step {}: {}\n\n",
            index + 1,
            one_line(&step.title)
        ));
        if let Some(slug) = &step.article {
            if let Some(article) = pack.articles.iter().find(|a| &a.slug == slug) {
                out.push_str(&format!("Article: {}\n\n", one_line(&article.title)));
            }
        }
        out.push_str(&format!("**{}**\n\n", one_line(&step.question)));
        let answer = work.answer(step);
        if step.kind == QuestionKind::MultipleChoice {
            for option in &step.options {
                let chosen = answer.is_some_and(|answer| answer.text() == option);
                let mark = if chosen { "x" } else { " " };
                out.push_str(&format!("- [{mark}] {}\n", one_line(option)));
            }
            out.push('\n');
        }
        match answer {
            None => out.push_str("*Not answered.*\n"),
            Some(Answer::Choice(choice)) => {
                out.push_str(&format!("My answer: {}\n", one_line(choice)))
            }
            Some(Answer::Text(text)) => {
                out.push_str("My answer:\n\n");
                out.push_str(&quoted(text));
            }
            Some(Answer::Passage(passage)) => {
                out.push_str("The passage I chose:\n\n");
                out.push_str(&quoted(passage));
            }
        }
    }
    out
}

/// Text on one line, for headings and list items (a newline would end them early).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as a Markdown block quote, every line (blank ones too) kept inside it.
fn quoted(text: &str) -> String {
    let mut out = String::new();
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            out.push_str(&format!("> {}\n", line.trim_end()));
        }
    }
    out
}

/// The file name of an export: `parallax-<lesson id>.<extension>`.
pub fn file_name(lesson: &Lesson, extension: &str) -> String {
    format!("parallax-{}.{extension}", lesson.id)
}

#[cfg(test)]
mod tests;
