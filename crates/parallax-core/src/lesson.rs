//! Lessons: guided questions over a pack's articles, comparisons and highlight layers.
//!
//! Lessons are curation, like the event catalogue: a curator writes them (for the seed pack,
//! `corpus/nato/lessons.toml`), the pack builder deserialises them into these types and checks them
//! against the pack with [`LessonFile::problems`]. Nothing in the analysis depends on them.
//!
//! The TOML layout, one `[[lesson]]` table per lesson and one `[[lesson.step]]` table per step:
//!
//! ```toml
//! curation = "Lessons written by the pack's curator; not part of any article."
//!
//! [[lesson]]
//! id = "who-gets-to-speak"            # stable, lower-case, hyphens; URLs and saved work use it
//! title = "Who gets to speak?"
//! level = "introductory"              # introductory | intermediate | advanced
//! duration_minutes = 45
//! summary = "One or two sentences for the lesson list."
//! objectives = ["Tell named from anonymous sources."]
//!
//! [[lesson.step]]
//! id = "count-voices"                 # stable inside the lesson; saved answers are keyed by it
//! title = "Count the voices"
//! instructions = "Open the article with the source layers on."
//! article = "putin-statement-on-nato" # an article slug of the pack, or leave out
//! layers = ["sources", "anonymous"]   # highlight layers the reader link turns on
//! excerpt = "Analysts argue"          # words of the article: the step shows their paragraph
//! compare = ["a-slug", "b-slug"]      # or: a comparison of 2–4 articles …
//! event = "nato-enlargement"          # … started from a catalogue event
//! kind = "multiple_choice"            # free_text | multiple_choice | select_passage
//! question = "Who is quoted by name?"
//! options = ["…", "…"]                # multiple choice only
//! answer = "…"                        # optional key: a model answer, one of the options, or words
//!                                     # of the passage meant (select_passage)
//! teacher_notes = "…"                 # optional, shown with the key after the student answers
//! ```
//!
//! A lesson's `curation` may be left out; it then takes the file's. Serialised inside a pack the
//! steps are called `steps`; `step` is accepted too, so the TOML and the JSON share one type.

use serde::{Deserialize, Serialize};

use crate::cues::CueKind;

pub mod draft;
#[cfg(test)]
mod tests;

/// A curator's lesson file (`lessons.toml`): the note saying who wrote the lessons, and the lessons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LessonFile {
    #[serde(default)]
    pub curation: String,
    #[serde(default, alias = "lesson")]
    pub lessons: Vec<Lesson>,
}

/// One lesson of a pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable id used in the URL (`#/lesson/<id>`) and as the key of the student's saved work.
    pub id: String,
    pub title: String,
    /// Who wrote the lesson, and that it is curation, not part of any article.
    #[serde(default)]
    pub curation: String,
    #[serde(default)]
    pub level: Level,
    /// How long the lesson takes in class, in minutes (0 when not given).
    #[serde(default)]
    pub duration_minutes: u32,
    /// One or two sentences for the list of lessons.
    #[serde(default)]
    pub summary: String,
    /// What the student will be able to do afterwards.
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default, alias = "step")]
    pub steps: Vec<Step>,
}

/// How much a lesson expects of the class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Introductory,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Introductory => "Introductory",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
        }
    }
}

/// One step: what to look at, and the question about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable inside the lesson; the student's answers are saved under it.
    pub id: String,
    pub title: String,
    /// What to do before answering ("Open the article with …"); may be "".
    #[serde(default)]
    pub instructions: String,
    /// The article the step is about (its slug), if any.
    #[serde(default)]
    pub article: Option<String>,
    /// Highlight layers to turn on when the article or comparison is opened (ids as in the reader's URL).
    #[serde(default)]
    pub layers: Vec<String>,
    /// Words of the article's text; the step shows the paragraph that holds them.
    #[serde(default)]
    pub excerpt: Option<String>,
    /// Articles to compare side by side (2–4 slugs), if the step is about a comparison.
    #[serde(default)]
    pub compare: Vec<String>,
    /// The catalogue event the comparison starts from.
    #[serde(default)]
    pub event: Option<String>,
    pub kind: QuestionKind,
    pub question: String,
    /// The choices of a multiple-choice question, in the order shown.
    #[serde(default)]
    pub options: Vec<String>,
    /// The answer key: a model answer (free text), one of `options` (multiple choice), or words of
    /// the passage meant (select the passage). Shown only after the student has answered.
    #[serde(default)]
    pub answer: Option<String>,
    /// Notes for the teacher and the student, shown with the key.
    #[serde(default)]
    pub teacher_notes: Option<String>,
}

/// How the student answers a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// A written answer.
    #[default]
    FreeText,
    /// One of the step's options.
    MultipleChoice,
    /// One paragraph of the step's article ("select the passage that …").
    SelectPassage,
}

impl QuestionKind {
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::FreeText => "Write your answer",
            QuestionKind::MultipleChoice => "Choose one answer",
            QuestionKind::SelectPassage => "Select a passage",
        }
    }
}

/// What a lesson may point at: the pack's articles (slug and clean text), its catalogue's event ids,
/// and the highlight layer ids the reader knows.
pub struct LessonContext<'a> {
    pub articles: Vec<(&'a str, &'a str)>,
    pub events: Vec<&'a str>,
    pub layers: Vec<String>,
}

impl<'a> LessonContext<'a> {
    /// The context of a pack's articles and catalogue, with every highlight layer of [`layer_ids`].
    pub fn of_pack(pack: &'a crate::pack::Pack) -> LessonContext<'a> {
        LessonContext {
            articles: pack
                .articles
                .iter()
                .map(|article| (article.slug.as_str(), article.analysis.text.as_str()))
                .collect(),
            events: pack.events.events.iter().map(|e| e.id.as_str()).collect(),
            layers: layer_ids(),
        }
    }

    fn text_of(&self, slug: &str) -> Option<&'a str> {
        self.articles
            .iter()
            .find(|(known, _)| *known == slug)
            .map(|(_, text)| *text)
    }
}

/// The highlight layers the reader offers, by id: quotations, reported speech, named and anonymous
/// sources, then one layer per cue kind (`cue-` and the kind's id with hyphens).
pub fn layer_ids() -> Vec<String> {
    let mut ids: Vec<String> = ["quotes", "reported", "sources", "anonymous"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    ids.extend(
        CueKind::ALL
            .into_iter()
            .map(|kind| format!("cue-{}", kind.id().replace('_', "-"))),
    );
    ids
}

/// Where a problem is: the lesson's index and, for a step's problem, the step's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub lesson: usize,
    pub step: Option<usize>,
}

/// Which part of a lesson or step a problem is about, so an editor can show it beside that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Title,
    Curation,
    Duration,
    Objectives,
    Steps,
    StepId,
    StepTitle,
    Article,
    Layers,
    Excerpt,
    Compare,
    Event,
    Question,
    Options,
    Answer,
}

/// One thing a curator should fix, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonProblem {
    pub place: Place,
    /// The field at fault.
    pub field: Field,
    /// The whole sentence, naming the lesson and the step (for build errors and pack refusals).
    pub message: String,
    /// The same problem without the lesson and step named, for a message beside the field.
    pub detail: String,
}

/// Lesson and step ids: lower-case ASCII letters, digits and single hyphens between them.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl LessonFile {
    /// The lessons, each carrying the file's `curation` unless it has its own.
    pub fn into_lessons(self) -> Vec<Lesson> {
        let curation = self.curation;
        self.lessons
            .into_iter()
            .map(|mut lesson| {
                if lesson.curation.trim().is_empty() {
                    lesson.curation = curation.clone();
                }
                lesson
            })
            .collect()
    }

    /// Everything wrong with the lessons, one readable sentence each; empty when they are fine.
    pub fn problems(&self, context: &LessonContext) -> Vec<LessonProblem> {
        let mut problems = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (lesson_idx, lesson) in self.lessons.iter().enumerate() {
            let has_curation =
                !lesson.curation.trim().is_empty() || !self.curation.trim().is_empty();
            for (field, message, detail) in lesson_problems(lesson, has_curation, &mut seen) {
                problems.push(LessonProblem {
                    place: Place {
                        lesson: lesson_idx,
                        step: None,
                    },
                    field,
                    message,
                    detail: detail.to_owned(),
                });
            }
            let mut seen_steps: Vec<&str> = Vec::new();
            for (step_idx, step) in lesson.steps.iter().enumerate() {
                let label = format!(
                    "{}, step {}",
                    lesson_label(lesson, lesson_idx),
                    step_idx + 1
                );
                for (field, message, detail) in step_problems(step, context, &mut seen_steps) {
                    problems.push(LessonProblem {
                        place: Place {
                            lesson: lesson_idx,
                            step: Some(step_idx),
                        },
                        field,
                        detail,
                        message: format!("{label}: {message}"),
                    });
                }
            }
        }
        problems
    }
}

fn lesson_label(lesson: &Lesson, index: usize) -> String {
    if lesson.id.trim().is_empty() {
        format!("Lesson #{}", index + 1)
    } else {
        format!("Lesson `{}`", lesson.id)
    }
}

fn lesson_problems<'a>(
    lesson: &'a Lesson,
    has_curation: bool,
    seen: &mut Vec<&'a str>,
) -> Vec<(Field, String, &'static str)> {
    let mut problems = Vec::new();
    let label = lesson_label(lesson, seen.len());
    if lesson.id.trim().is_empty() {
        problems.push((
            Field::Id,
            format!("{label} has no id."),
            "The lesson has no id.",
        ));
    } else if !is_valid_id(&lesson.id) {
        problems.push((
            Field::Id,
            format!("{label}: ids use lower-case letters, digits and single hyphens."),
            "The lesson's id must use lower-case letters, digits and single hyphens.",
        ));
    } else if seen.contains(&lesson.id.as_str()) {
        problems.push((
            Field::Id,
            format!("{label} is listed twice; lesson ids must be unique."),
            "Another lesson has the same id.",
        ));
    }
    seen.push(&lesson.id);
    if lesson.title.trim().is_empty() {
        problems.push((
            Field::Title,
            format!("{label} has no title."),
            "The lesson has no title.",
        ));
    }
    if !has_curation {
        problems.push((
            Field::Curation,
            format!(
                "{label} has no `curation` note saying who wrote it (give the file or the lesson one)."
            ),
            "The lesson does not say who wrote it.",
        ));
    }
    if lesson.duration_minutes == 0 {
        problems.push((
            Field::Duration,
            format!("{label} has no `duration_minutes`."),
            "The lesson has no duration: give it in minutes.",
        ));
    }
    if lesson.objectives.iter().all(|o| o.trim().is_empty()) {
        problems.push((
            Field::Objectives,
            format!("{label} has no objectives."),
            "The lesson has no objectives: write at least one.",
        ));
    }
    if lesson.steps.is_empty() {
        problems.push((
            Field::Steps,
            format!("{label} has no steps."),
            "The lesson has no steps: add at least one.",
        ));
    }
    problems
}

fn step_problems<'a>(
    step: &'a Step,
    context: &LessonContext,
    seen: &mut Vec<&'a str>,
) -> Vec<(Field, String, String)> {
    let mut problems = Vec::new();
    if step.id.trim().is_empty() {
        problems.push((
            Field::StepId,
            "the step has no id.".to_owned(),
            "The step has no id.".to_owned(),
        ));
    } else if !is_valid_id(&step.id) {
        problems.push((
            Field::StepId,
            format!(
                "step id `{}`: ids use lower-case letters, digits and single hyphens.",
                step.id
            ),
"The step's id uses something other than lower-case letters, digits and single hyphens.".to_owned(),
        ));
    } else if seen.contains(&step.id.as_str()) {
        problems.push((
            Field::StepId,
            format!("step id `{}` is used twice in this lesson.", step.id),
            "Another step of this lesson has the same id.".to_owned(),
        ));
    }
    seen.push(&step.id);
    if step.title.trim().is_empty() {
        problems.push((
            Field::StepTitle,
            "the step has no title.".to_owned(),
            "The step has no title: give it one.".to_owned(),
        ));
    }
    if step.question.trim().is_empty() {
        problems.push((
            Field::Question,
            "the step asks no question.".to_owned(),
            "The step asks no question: write the question students answer.".to_owned(),
        ));
    }
    let text = match step.article.as_deref() {
        Some(slug) => match context.text_of(slug) {
            Some(text) => Some(text),
            None => {
                problems.push((Field::Article, format!("unknown article slug `{slug}`."),
format!("The article this step points at ({slug}) is not in the collection: choose another.")));
                None
            }
        },
        None => None,
    };
    for slug in &step.compare {
        if context.text_of(slug).is_none() {
            problems.push((
                Field::Compare,
                format!("unknown article slug `{slug}` in `compare`."),
format!("An article of this comparison ({slug}) is not in the collection: choose another."),
            ));
        }
    }
    if !step.compare.is_empty() && !(2..=4).contains(&step.compare.len()) {
        problems.push((
            Field::Compare,
            format!(
                "`compare` lists {} articles; a comparison shows 2 to 4.",
                step.compare.len()
            ),
            format!(
                "{} chosen for the comparison: choose two to four articles.",
                match step.compare.len() {
                    1 => "Only one article is".to_owned(),
                    n => format!("{n} articles are"),
                }
            ),
        ));
    }
    if step.article.is_some() && !step.compare.is_empty() {
        problems.push((
            Field::Article,
            "a step points at an article or a comparison, not both.".to_owned(),
            "A step points at one article or at a comparison, not both.".to_owned(),
        ));
    }
    if let Some(event) = step.event.as_deref() {
        if step.compare.is_empty() {
            problems.push((
                Field::Event,
                format!("`event = \"{event}\"` needs a comparison (`compare`) to start from it."),
                "Starting at an event needs a comparison: choose the articles to compare."
                    .to_owned(),
            ));
        }
        if !context.events.contains(&event) {
            problems.push((
                Field::Event,
                format!("unknown event `{event}`: the catalogue has no such id."),
format!("The event this step starts at ({event}) is not in the catalogue: choose another."),
            ));
        }
    }
    for layer in &step.layers {
        if !context.layers.contains(layer) {
            problems.push((Field::Layers, format!(
                "unknown highlight layer `{layer}`; the layers are quotes, reported, sources, anonymous, and cue- followed by a cue kind (e.g. cue-loaded-language)."
            ),
format!("The highlight layer {layer} does not exist: choose among the layers offered.")));
        }
    }
    if !step.layers.is_empty() && step.article.is_none() && step.compare.is_empty() {
        problems.push((
            Field::Layers,
            "`layers` needs an article or a comparison to show them on.".to_owned(),
            "Highlights need an article or a comparison to show them on.".to_owned(),
        ));
    }
    if let Some(excerpt) = step.excerpt.as_deref() {
        match text {
            Some(text) if !text.contains(excerpt) => problems.push((
                Field::Excerpt,
                format!(
                    "the excerpt {excerpt:?} is not in the text of `{}`.",
                    step.article.as_deref().unwrap_or_default()
                ),
                "The excerpt is not in the article's text: copy it from the article word for word."
                    .to_owned(),
            )),
            Some(_) => {}
            None if step.article.is_none() => problems.push((
                Field::Excerpt,
                "`excerpt` needs an `article` to quote from.".to_owned(),
                "An excerpt needs an article to quote from: choose the article.".to_owned(),
            )),
            None => {}
        }
    }
    match step.kind {
        QuestionKind::MultipleChoice => {
            let options: Vec<&str> = step.options.iter().map(|o| o.trim()).collect();
            if options.len() < 2 {
                problems.push((
                    Field::Options,
                    "a multiple-choice question needs at least two options.".to_owned(),
                    "A multiple-choice question needs at least two options.".to_owned(),
                ));
            }
            if options.iter().any(|o| o.is_empty()) {
                problems.push((
                    Field::Options,
                    "an option is empty.".to_owned(),
                    "An option is empty: fill it in or remove it.".to_owned(),
                ));
            }
            for (index, option) in options.iter().enumerate() {
                if options[..index].contains(option) {
                    problems.push((
                        Field::Options,
                        format!("the option {option:?} is listed twice."),
                        format!("The option “{option}” is listed twice."),
                    ));
                }
            }
            if let Some(answer) = step.answer.as_deref() {
                if !options.contains(&answer.trim()) {
                    problems.push((
                        Field::Answer,
                        format!("the multiple-choice key {answer:?} is not among the options."),
                        "The answer key must be one of the options.".to_owned(),
                    ));
                }
            }
        }
        QuestionKind::SelectPassage | QuestionKind::FreeText => {
            if !step.options.is_empty() {
                problems.push((
                    Field::Options,
                    "`options` belong to multiple-choice questions only.".to_owned(),
"Only multiple-choice questions have options: remove them or make the question multiple choice.".to_owned(),
                ));
            }
        }
    }
    if step.kind == QuestionKind::SelectPassage {
        match (step.article.as_deref(), text) {
            (None, _) => problems.push((
                Field::Article,
                "a \"select the passage\" question needs an `article` to choose from.".to_owned(),
                "A “select the passage” question needs an article to choose from.".to_owned(),
            )),
            (Some(slug), Some(text)) => {
                if let Some(answer) = step.answer.as_deref() {
                    if !text.contains(answer) {
                        problems.push((Field::Answer, format!(
                            "the key {answer:?} is not in the text of `{slug}`; quote words of the passage meant."
                        ),
"The answer key is not in the article's text: quote words of the passage meant.".to_owned()));
                    }
                }
            }
            (Some(_), None) => {}
        }
    }
    if step.answer.as_deref().is_some_and(|a| a.trim().is_empty()) {
        problems.push((
            Field::Answer,
            "the answer key is empty; leave `answer` out instead.".to_owned(),
            "The answer key is empty: write it or leave it out.".to_owned(),
        ));
    }
    problems
}

/// The 1-based line where the `lesson_idx`-th `[[lesson]]` table (or its `step_idx`-th
/// `[[lesson.step]]` table) starts in a lesson file's TOML text, for error messages.
pub fn table_line(text: &str, lesson_idx: usize, step_idx: Option<usize>) -> Option<usize> {
    let mut lesson_seen: Option<usize> = None;
    let mut step_seen: Option<usize> = None;
    for (line_idx, line) in text.lines().enumerate() {
        let header: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        if header.starts_with("[[lesson]]") {
            lesson_seen = Some(lesson_seen.map_or(0, |n| n + 1));
            step_seen = None;
            if lesson_seen == Some(lesson_idx) && step_idx.is_none() {
                return Some(line_idx + 1);
            }
        } else if header.starts_with("[[lesson.step]]") && lesson_seen == Some(lesson_idx) {
            step_seen = Some(step_seen.map_or(0, |n| n + 1));
            if step_seen == step_idx {
                return Some(line_idx + 1);
            }
        }
    }
    None
}
