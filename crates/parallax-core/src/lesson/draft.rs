//! A lesson as a teacher writes it in the app: form fields as typed (the duration as text, one
//! objective per line, the right option of a multiple-choice question marked by its position), turned
//! into a [`Lesson`] with valid, unique ids and checked by the same rules as the build
//! ([`LessonFile::problems`]).
//!
//! A draft is what the editor keeps on the device while the teacher writes, so it holds everything
//! typed, even what does not make a valid lesson yet; nothing in it is dropped until it is saved.

use serde::{Deserialize, Serialize};

use super::{
    is_valid_id, Field, Lesson, LessonContext, LessonFile, LessonProblem, Level, Place,
    QuestionKind, Step,
};

/// Who wrote a lesson made in the app, and that it is not part of any article.
pub const TEACHER_CURATION: &str =
    "Written by a teacher in Parallax on this device; not part of any article.";

/// A lesson being written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct LessonDraft {
    /// The id of the library lesson being edited; `None` for a new lesson (its id is made on saving).
    pub id: Option<String>,
    pub title: String,
    pub level: Level,
    /// The duration in minutes, as typed.
    pub duration: String,
    pub summary: String,
    /// One objective per line.
    pub objectives: String,
    pub steps: Vec<StepDraft>,
}

/// What a step points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Material {
    /// Nothing: the question stands alone.
    #[default]
    Nothing,
    /// One article, with highlight layers and an excerpt.
    Article,
    /// A comparison of two to four articles, maybe started from a catalogue event.
    Comparison,
}

/// A step being written. Fields of every kind of material and question are kept while the teacher
/// switches between them; only those of the chosen ones go into the lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct StepDraft {
    /// The saved step's id, kept when a lesson is edited so students' answers stay with their step;
    /// empty for a new step (made from its title on saving).
    pub id: String,
    pub title: String,
    pub instructions: String,
    pub material: Material,
    /// The article's slug ("" when none is chosen).
    pub article: String,
    pub layers: Vec<String>,
    pub excerpt: String,
    /// The compared articles' slugs.
    pub compare: Vec<String>,
    /// The catalogue event's id ("" for none).
    pub event: String,
    pub kind: QuestionKind,
    pub question: String,
    pub options: Vec<String>,
    /// Which option is the right one (multiple choice), if the teacher marked one.
    pub correct: Option<usize>,
    /// The model answer (free text) or words of the passage meant (select the passage).
    pub answer: String,
    pub teacher_notes: String,
}

fn tidy(text: &str) -> String {
    text.trim().to_owned()
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A valid id (see [`is_valid_id`]) made from `title` (or `fallback` when the title has no letters or
/// digits), numbered `-2`, `-3`, … when `taken` says it is used.
pub fn make_id(title: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    // `slug` calls a title without Latin letters or digits "article"; such a title takes the fallback.
    let base = crate::import::slug(title, |_| false);
    let has_word = base != "article" || title.to_lowercase().contains("article");
    let id = crate::import::slug(if has_word { title } else { fallback }, &taken);
    if is_valid_id(&id) {
        id
    } else {
        crate::import::slug(fallback, taken)
    }
}

impl StepDraft {
    /// A new, empty step asking a free-text question.
    pub fn new() -> StepDraft {
        StepDraft::default()
    }

    /// The step as the editor shows it.
    pub fn from_step(step: &Step) -> StepDraft {
        let material = if !step.compare.is_empty() {
            Material::Comparison
        } else if step.article.is_some() {
            Material::Article
        } else {
            Material::Nothing
        };
        let correct = match step.kind {
            QuestionKind::MultipleChoice => step.answer.as_deref().and_then(|answer| {
                step.options
                    .iter()
                    .position(|option| option.trim() == answer.trim())
            }),
            _ => None,
        };
        StepDraft {
            id: step.id.clone(),
            title: step.title.clone(),
            instructions: step.instructions.clone(),
            material,
            article: step.article.clone().unwrap_or_default(),
            layers: step.layers.clone(),
            excerpt: step.excerpt.clone().unwrap_or_default(),
            compare: step.compare.clone(),
            event: step.event.clone().unwrap_or_default(),
            kind: step.kind,
            question: step.question.clone(),
            options: step.options.clone(),
            correct,
            answer: match step.kind {
                QuestionKind::MultipleChoice => String::new(),
                _ => step.answer.clone().unwrap_or_default(),
            },
            teacher_notes: step.teacher_notes.clone().unwrap_or_default(),
        }
    }

    /// The step this draft makes, with `id` as its id.
    fn to_step(&self, id: String) -> Step {
        let (article, excerpt, compare, event) = match self.material {
            Material::Nothing => (None, None, Vec::new(), None),
            Material::Article => (
                optional(&self.article),
                optional(&self.excerpt),
                Vec::new(),
                None,
            ),
            Material::Comparison => (None, None, self.compare.clone(), optional(&self.event)),
        };
        let layers = match self.material {
            Material::Nothing => Vec::new(),
            _ => self.layers.clone(),
        };
        let (options, answer) = match self.kind {
            QuestionKind::MultipleChoice => {
                let options: Vec<String> = self.options.iter().map(|o| tidy(o)).collect();
                let answer = self
                    .correct
                    .and_then(|index| options.get(index))
                    .filter(|option| !option.is_empty())
                    .cloned();
                (options, answer)
            }
            QuestionKind::FreeText | QuestionKind::SelectPassage => {
                (Vec::new(), optional(&self.answer))
            }
        };
        Step {
            id,
            title: tidy(&self.title),
            instructions: tidy(&self.instructions),
            article,
            layers,
            excerpt,
            compare,
            event,
            kind: self.kind,
            question: tidy(&self.question),
            options,
            answer,
            teacher_notes: optional(&self.teacher_notes),
        }
    }
}

impl LessonDraft {
    /// An empty lesson with one empty step, ready to be filled in.
    pub fn new() -> LessonDraft {
        LessonDraft {
            steps: vec![StepDraft::new()],
            ..LessonDraft::default()
        }
    }

    /// A saved lesson, to edit it (`as_copy` false: it keeps its id and its steps' ids) or to start a
    /// new lesson from it (`as_copy` true: new ids are made on saving, and the title says it is a copy).
    pub fn from_lesson(lesson: &Lesson, as_copy: bool) -> LessonDraft {
        let mut steps: Vec<StepDraft> = lesson.steps.iter().map(StepDraft::from_step).collect();
        if as_copy {
            for step in &mut steps {
                step.id.clear();
            }
        }
        LessonDraft {
            id: (!as_copy).then(|| lesson.id.clone()),
            title: if as_copy {
                format!("{} (copy)", lesson.title)
            } else {
                lesson.title.clone()
            },
            level: lesson.level,
            duration: if lesson.duration_minutes == 0 {
                String::new()
            } else {
                lesson.duration_minutes.to_string()
            },
            summary: lesson.summary.clone(),
            objectives: lesson.objectives.join("\n"),
            steps,
        }
    }

    /// The duration in minutes, or why the typed text is not one.
    pub fn duration_minutes(&self) -> Result<u32, String> {
        let typed = self.duration.trim();
        if typed.is_empty() {
            return Ok(0);
        }
        match typed.parse::<u32>() {
            Ok(minutes) if minutes <= 24 * 60 => Ok(minutes),
            Ok(_) => Err("The duration is longer than a day; give it in minutes.".to_owned()),
            Err(_) => Err(format!(
                "The duration \u{201c}{typed}\u{201d} is not a whole number of minutes."
            )),
        }
    }

    /// The lesson this draft makes. A new lesson's id is made from its title and is not one
    /// `taken` says is used; new steps get ids from their titles, unique inside the lesson.
    pub fn to_lesson(&self, taken: impl Fn(&str) -> bool) -> Lesson {
        let id = match &self.id {
            Some(id) => id.clone(),
            None => make_id(&self.title, "lesson", taken),
        };
        let mut step_ids: Vec<String> = self
            .steps
            .iter()
            .map(|step| step.id.clone())
            .filter(|id| !id.is_empty())
            .collect();
        let steps = self
            .steps
            .iter()
            .enumerate()
            .map(|(index, step)| {
                let step_id = if step.id.is_empty() {
                    let fallback = format!("step-{}", index + 1);
                    let made = make_id(&step.title, &fallback, |candidate| {
                        step_ids.iter().any(|known| known == candidate)
                    });
                    step_ids.push(made.clone());
                    made
                } else {
                    step.id.clone()
                };
                step.to_step(step_id)
            })
            .collect();
        Lesson {
            id,
            title: tidy(&self.title),
            curation: TEACHER_CURATION.to_owned(),
            level: self.level,
            duration_minutes: self.duration_minutes().unwrap_or(0),
            summary: tidy(&self.summary),
            objectives: self
                .objectives
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
            steps,
        }
    }

    /// Everything wrong with the draft, checked as the build checks a lesson file (`taken` as in
    /// [`LessonDraft::to_lesson`]). A duration that is not a number is named as typed.
    pub fn problems(
        &self,
        context: &LessonContext,
        taken: impl Fn(&str) -> bool,
    ) -> Vec<LessonProblem> {
        let lesson = self.to_lesson(taken);
        let mut problems = Vec::new();
        let duration_typed_wrong = self.duration_minutes().is_err();
        if let Err(detail) = self.duration_minutes() {
            problems.push(LessonProblem {
                place: Place {
                    lesson: 0,
                    step: None,
                },
                field: Field::Duration,
                message: format!("Lesson `{}`: {detail}", lesson.id),
                detail,
            });
        }
        // A step said to point at an article or a comparison with none chosen would silently point
        // at nothing; the file format cannot say this, so the draft does.
        for (index, step) in self.steps.iter().enumerate() {
            let missing = match step.material {
                Material::Article if step.article.trim().is_empty() => Some((
                    Field::Article,
                    "Choose the article the step points at (or say it points at nothing).",
                )),
                Material::Comparison if step.compare.is_empty() => Some((
                    Field::Compare,
                    "Choose two to four articles to compare (or say the step points at nothing).",
                )),
                _ => None,
            };
            if let Some((field, detail)) = missing {
                problems.push(LessonProblem {
                    place: Place {
                        lesson: 0,
                        step: Some(index),
                    },
                    field,
                    message: format!("Lesson `{}`, step {}: {detail}", lesson.id, index + 1),
                    detail: detail.to_owned(),
                });
            }
        }
        let file = LessonFile {
            curation: String::new(),
            lessons: vec![lesson],
        };
        problems.extend(
            file.problems(context)
                .into_iter()
                // The duration's own message says more than "has no duration".
                .filter(|p| !(p.field == Field::Duration && duration_typed_wrong)),
        );
        // The lesson's own problems first, then each step's, in the order of the form.
        crate::sort::sort_by_key(&mut problems, |p| p.place.step.map_or(0, |step| step + 1));
        problems
    }
}
