//! The lesson editor (`#/lessons/new`, `#/lessons/new?from=<id>` for a copy, `#/lesson/<id>/edit`):
//! a teacher writes a lesson, checked by the build's rules against the pack, and saves it into the
//! library. The draft is kept on the device as it is typed, so a reload loses nothing.

use std::rc::Rc;

use parallax_core::lesson::draft::{LessonDraft, StepDraft};
use parallax_core::lesson::{Field, LessonContext, LessonProblem, Level};
use parallax_core::pack::Pack;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::lesson_editor_step::{step_field_id, LessonEditorStep, StepProblems};
use crate::hooks::use_student_work::storage_key;
use crate::library;
use crate::pages::NotFoundPage;
use crate::route::Route;
use crate::state::{Action, Shared};

/// Which lesson the editor writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorMode {
    /// A new, empty lesson.
    New,
    /// A new lesson starting as a copy of the lesson with this id.
    Copy(String),
    /// The teacher's own lesson with this id.
    Edit(String),
}

impl EditorMode {
    /// The storage key of this editor's draft.
    pub fn draft_key(&self) -> String {
        match self {
            EditorMode::New => format!("{}new", library::DRAFT_KEY_PREFIX),
            EditorMode::Copy(id) => format!("{}copy:{id}", library::DRAFT_KEY_PREFIX),
            EditorMode::Edit(id) => format!("{}edit:{id}", library::DRAFT_KEY_PREFIX),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonEditorPageProps {
    pub mode: EditorMode,
    /// The pack the lesson lives in: the built-in pack followed by the library.
    pub pack: Shared<Pack>,
    pub seed: Shared<Pack>,
    pub library: Shared<Pack>,
    /// Whether the library has been read from the device (a lesson to edit may be in it).
    pub library_ready: bool,
    pub on_library: Callback<Action>,
    pub on_go: Callback<Route>,
}

/// The element id of a lesson-level field.
fn lesson_field_id(field: Field) -> &'static str {
    match field {
        Field::Duration => "lesson-duration",
        Field::Objectives => "lesson-objectives",
        Field::Steps => "lesson-add-step",
        _ => "lesson-title",
    }
}

/// Where a problem's field is in the page.
fn field_id(problem: &LessonProblem, draft: &LessonDraft) -> String {
    match problem.place.step {
        Some(index) => match draft.steps.get(index) {
            Some(step) => step_field_id(index, problem.field, step),
            None => "lesson-add-step".to_owned(),
        },
        None => lesson_field_id(problem.field).to_owned(),
    }
}

/// The ids of the lessons whose students' work this browser keeps (`parallax:work:<id>` keys).
fn stored_work_ids() -> Vec<String> {
    let prefix = storage_key("");
    let Some(storage) = gloo::utils::window().local_storage().ok().flatten() else {
        return Vec::new();
    };
    let n_keys = storage.length().unwrap_or(0);
    (0..n_keys)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| key.strip_prefix(&prefix).map(str::to_owned))
        .collect()
}

/// Focuses the element with this id, if it is in the page.
fn focus_id(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

#[component]
pub fn LessonEditorPage(props: &LessonEditorPageProps) -> Html {
    let draft = use_state(|| None::<LessonDraft>);
    let restored = use_state(|| false);
    // Problems are shown once the teacher has tried to save, then follow every change.
    let checked = use_state(|| false);
    // An element to focus after the next render (a moved step's button, a new step's title…).
    let focus = use_state(|| None::<String>);
    // What the last step action did, for the polite live region.
    let announcement = use_state(String::new);
    let storage_failed = use_state(|| false);
    // Lesson ids with students' work on this device: a new lesson does not take one, so it never
    // starts with the answers of a deleted lesson that had its id.
    let work_ids = use_state(Vec::<String>::new);
    {
        let work_ids = work_ids.clone();
        use_effect_with((), move |_| work_ids.set(stored_work_ids()));
    }
    let key = props.mode.draft_key();

    let source = match &props.mode {
        EditorMode::New => None,
        EditorMode::Copy(id) => props.pack.lessons.iter().find(|l| &l.id == id).cloned(),
        EditorMode::Edit(id) => props.library.lessons.iter().find(|l| &l.id == id).cloned(),
    };
    let built_in = matches!(&props.mode, EditorMode::Edit(id) if props.seed.lessons.iter().any(|l| &l.id == id));

    // The draft: the one kept on the device, else the lesson to edit or copy, else an empty one.
    {
        let (draft, restored, key, mode, source) = (
            draft.clone(),
            restored.clone(),
            key.clone(),
            props.mode.clone(),
            source.clone(),
        );
        use_effect_with((key.clone(), props.library_ready), move |(_, ready)| {
            if !*ready {
                return;
            }
            if let Some(stored) = library::load_draft(&key) {
                restored.set(true);
                draft.set(Some(stored));
                return;
            }
            restored.set(false);
            draft.set(match (&mode, source) {
                (EditorMode::New, _) => Some(LessonDraft::new()),
                (EditorMode::Copy(_), Some(lesson)) => {
                    Some(LessonDraft::from_lesson(&lesson, true))
                }
                (EditorMode::Edit(_), Some(lesson)) => {
                    Some(LessonDraft::from_lesson(&lesson, false))
                }
                (_, None) => None,
            });
        });
    }
    {
        let focus = focus.clone();
        use_effect_with((*focus).clone(), move |target| {
            if let Some(target) = target {
                focus_id(target);
                focus.set(None);
            }
        });
    }

    if !props.library_ready {
        return html! { <div class="lesson-editor"><h1>{ "Write a lesson" }</h1></div> };
    }
    if built_in {
        let id = match &props.mode {
            EditorMode::Edit(id) => id.clone(),
            _ => String::new(),
        };
        return html! {
            <div class="lesson-editor">
                <h1>{ "This lesson is built in" }</h1>
                <p>{ "Built-in lessons are not changed, so every class sees them as they are. Make a copy to change it: the copy is yours." }</p>
                <p><a class="button-quiet" href={Route::LessonNew { from: Some(id) }.to_hash()}>{ "Make a copy" }</a></p>
            </div>
        };
    }
    let Some(current) = (*draft).clone() else {
        return match &props.mode {
            EditorMode::New => html! {},
            EditorMode::Copy(id) | EditorMode::Edit(id) => {
                html! { <NotFoundPage what={format!("the lesson \u{201c}{id}\u{201d}")} /> }
            }
        };
    };

    let except = match &props.mode {
        EditorMode::Edit(id) => Some(id.clone()),
        _ => None,
    };
    let taken = {
        let (seed, lib, work_ids) = (props.seed.clone(), props.library.clone(), work_ids.clone());
        move |id: &str| {
            library::lesson_id_taken(&seed, &lib, except.as_deref(), id)
                || (Some(id) != except.as_deref() && work_ids.iter().any(|w| w == id))
        }
    };
    let context = LessonContext::of_pack(&props.pack);
    let problems = current.problems(&context, &taken);
    let shown: Vec<LessonProblem> = if *checked {
        problems.clone()
    } else {
        Vec::new()
    };

    // Every change is kept on the device at once.
    let set_draft = {
        let (draft, key, storage_failed) = (draft.clone(), key.clone(), storage_failed.clone());
        Rc::new(move |next: LessonDraft| {
            let saved = library::save_draft(&key, &next);
            if *storage_failed == saved {
                storage_failed.set(!saved);
            }
            draft.set(Some(next));
        })
    };
    let lesson_field = |apply: fn(&mut LessonDraft, String)| {
        let (current, set_draft) = (current.clone(), set_draft.clone());
        move |value: String| {
            let mut next = current.clone();
            apply(&mut next, value);
            set_draft(next);
        }
    };
    let lesson_problem = |field: Field| -> (Html, Option<String>) {
        let messages: Vec<&str> = shown
            .iter()
            .filter(|p| {
                p.place.step.is_none() && lesson_field_id(p.field) == lesson_field_id(field)
            })
            .map(|p| p.detail.as_str())
            .collect();
        if messages.is_empty() {
            return (html! {}, None);
        }
        let id = format!("{}-problem", lesson_field_id(field));
        (
            html! { <p class="editor-problem" id={id.clone()}><strong>{ "Problem: " }</strong>{ messages.join(" ") }</p> },
            Some(id),
        )
    };

    let on_step_change = {
        let (current, set_draft) = (current.clone(), set_draft.clone());
        Callback::from(move |(index, step): (usize, StepDraft)| {
            let mut next = current.clone();
            if let Some(slot) = next.steps.get_mut(index) {
                *slot = step;
            }
            set_draft(next);
        })
    };
    let on_move = {
        let (current, set_draft, focus, announcement) = (
            current.clone(),
            set_draft.clone(),
            focus.clone(),
            announcement.clone(),
        );
        Callback::from(move |(index, by): (usize, isize)| {
            let Some(target) = index
                .checked_add_signed(by)
                .filter(|t| *t < current.steps.len())
            else {
                return;
            };
            let mut next = current.clone();
            next.steps.swap(index, target);
            let n = next.steps.len();
            // Focus stays on the same button of the moved step, or its other move button at an end.
            let button = if by < 0 && target > 0 || by > 0 && target + 1 == n {
                "up"
            } else {
                "down"
            };
            let button = if n == 1 { "remove" } else { button };
            focus.set(Some(format!("step-{target}-{button}")));
            announcement.set(format!(
                "Step {} is now step {} of {n}.",
                index + 1,
                target + 1
            ));
            set_draft(next);
        })
    };
    let on_remove = {
        let (current, set_draft, focus, announcement) = (
            current.clone(),
            set_draft.clone(),
            focus.clone(),
            announcement.clone(),
        );
        Callback::from(move |index: usize| {
            let mut next = current.clone();
            if index >= next.steps.len() {
                return;
            }
            next.steps.remove(index);
            let n = next.steps.len();
            // Focus goes to the step that took its place, else the one before, else "Add a step".
            let target = if n == 0 {
                "lesson-add-step".to_owned()
            } else {
                format!("step-{}-heading", index.min(n - 1))
            };
            focus.set(Some(target));
            announcement.set(format!(
                "Step {} removed; the lesson has {n} step{}.",
                index + 1,
                if n == 1 { "" } else { "s" }
            ));
            set_draft(next);
        })
    };
    let on_add = {
        let (current, set_draft, focus, announcement) = (
            current.clone(),
            set_draft.clone(),
            focus.clone(),
            announcement.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mut next = current.clone();
            next.steps.push(StepDraft::new());
            let n = next.steps.len();
            focus.set(Some(format!("step-{}-title", n - 1)));
            announcement.set(format!("Step {n} added."));
            set_draft(next);
        })
    };
    let on_save = {
        let (current, problems, checked, focus) = (
            current.clone(),
            problems.clone(),
            checked.clone(),
            focus.clone(),
        );
        let (on_library, on_go, key, taken) = (
            props.on_library.clone(),
            props.on_go.clone(),
            key.clone(),
            taken.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            checked.set(true);
            if problems.is_empty() {
                let lesson = current.to_lesson(&taken);
                library::remove_draft(&key);
                on_library.emit(Action::SaveLesson(lesson));
                on_go.emit(Route::Lessons);
            } else {
                focus.set(Some("lesson-editor-problems".to_owned()));
            }
        })
    };
    let on_discard = {
        let (key, draft, restored, mode, source, checked) = (
            key.clone(),
            draft.clone(),
            restored.clone(),
            props.mode.clone(),
            source.clone(),
            checked.clone(),
        );
        let announcement = announcement.clone();
        Callback::from(move |_: MouseEvent| {
            library::remove_draft(&key);
            restored.set(false);
            checked.set(false);
            draft.set(Some(match (&mode, &source) {
                (EditorMode::Copy(_), Some(lesson)) => LessonDraft::from_lesson(lesson, true),
                (EditorMode::Edit(_), Some(lesson)) => LessonDraft::from_lesson(lesson, false),
                _ => LessonDraft::new(),
            }));
            announcement.set("The draft was discarded.".to_owned());
        })
    };

    let heading = match (&props.mode, &source) {
        (EditorMode::Edit(_), Some(lesson)) => format!("Edit \u{201c}{}\u{201d}", lesson.title),
        (EditorMode::Copy(_), Some(lesson)) => format!("Copy of \u{201c}{}\u{201d}", lesson.title),
        _ => "Write a lesson".to_owned(),
    };
    let articles: Vec<(String, String)> = props
        .pack
        .articles
        .iter()
        .map(|a| (a.slug.clone(), a.title.clone()))
        .collect();
    let events: Vec<(String, String)> = props
        .pack
        .events
        .events
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();

    let summary = (!shown.is_empty()).then(|| {
        let items = shown.iter().map(|problem| {
            let target = field_id(problem, &current);
            let where_ = match problem.place.step {
                Some(index) => format!("Step {}: ", index + 1),
                None => String::new(),
            };
            let onclick = {
                let target = target.clone();
                Callback::from(move |event: MouseEvent| {
                    // The hash is the app's route: a plain jump link would leave the editor.
                    event.prevent_default();
                    focus_id(&target);
                })
            };
            html! { <li><a href={format!("#{target}")} {onclick}>{ format!("{where_}{}", problem.detail) }</a></li> }
        });
        let count = if shown.len() == 1 {
            "1 problem".to_owned()
        } else {
            format!("{} problems", shown.len())
        };
        html! {
            <div class="editor-summary" role="region" aria-labelledby="lesson-editor-problems">
                <h2 id="lesson-editor-problems" tabindex="-1">
                    { format!("The lesson was not saved: {count} to fix") }
                </h2>
                <ul>{ for items }</ul>
            </div>
        }
    });

    let step_problems = |index: usize| -> StepProblems {
        shown
            .iter()
            .filter(|p| p.place.step == Some(index))
            .map(|p| (p.field, p.detail.clone()))
            .collect()
    };
    let n_steps = current.steps.len();
    let steps = current.steps.iter().enumerate().map(|(index, step)| {
        html! {
            <LessonEditorStep
                key={index}
                {index}
                {n_steps}
                step={step.clone()}
                problems={step_problems(index)}
                articles={articles.clone()}
                events={events.clone()}
                on_change={on_step_change.clone()}
                on_move={on_move.clone()}
                on_remove={on_remove.clone()}
            />
        }
    });

    let (title_problem, title_problem_id) = lesson_problem(Field::Title);
    let (duration_problem, duration_problem_id) = lesson_problem(Field::Duration);
    let (objectives_problem, objectives_problem_id) = lesson_problem(Field::Objectives);
    let (steps_problem, steps_problem_id) = lesson_problem(Field::Steps);
    let set_title = lesson_field(|d, v| d.title = v);
    let set_duration = lesson_field(|d, v| d.duration = v);
    let set_summary = lesson_field(|d, v| d.summary = v);
    let set_objectives = lesson_field(|d, v| d.objectives = v);
    let set_level = lesson_field(|d, v| {
        d.level = match v.as_str() {
            "intermediate" => Level::Intermediate,
            "advanced" => Level::Advanced,
            _ => Level::Introductory,
        }
    });
    let levels = [
        (Level::Introductory, "introductory"),
        (Level::Intermediate, "intermediate"),
        (Level::Advanced, "advanced"),
    ]
    .into_iter()
    .map(|(level, value)| html! { <option {value} selected={current.level == level}>{ level.label() }</option> });
    let invalid = |id: &Option<String>| id.is_some().then_some("true");

    html! {
        <div class="lesson-editor">
            <p class="lesson-back"><a href={Route::Lessons.to_hash()}>{ "All lessons" }</a></p>
            <h1>{ heading }</h1>
            <p class="editor-lede">
                { "Your lesson is kept on this device as you type, and checked with the same rules as the built-in lessons when you save it. Saved, it appears in the list of lessons for students on this device, and goes with your articles when you download the pack." }
            </p>
            if *restored {
                <p class="editor-restored">
                    { "Your unsaved draft was restored. " }
                    <button type="button" class="button-quiet" onclick={on_discard}>{ "Discard the draft and start again" }</button>
                </p>
            }
            if *storage_failed {
                <p class="notice notice-error" role="alert">
                    <strong>{ "Not kept: " }</strong>
                    { "this browser did not let Parallax keep the draft, so it lasts until the tab is closed. Save the lesson to keep it." }
                </p>
            }
            // Always there, so the summary appearing does not shift the nodes before it (Yew
            // matches unkeyed siblings from the end).
            <div class="editor-summary-slot">{ for summary }</div>
            <form class="editor-form" onsubmit={on_save} novalidate=true>
                <div class="editor-field">
                    <label for="lesson-title">{ "Title" }</label>
                    <input id="lesson-title" type="text" value={current.title.clone()}
                        aria-describedby={title_problem_id.clone()} aria-invalid={invalid(&title_problem_id)}
                        oninput={move |e: InputEvent| set_title(e.target_unchecked_into::<HtmlInputElement>().value())} />
                    { title_problem }
                </div>
                <div class="editor-row">
                    <div class="editor-field">
                        <label for="lesson-level">{ "Level" }</label>
                        <select id="lesson-level"
                            onchange={move |e: Event| set_level(e.target_unchecked_into::<HtmlSelectElement>().value())}>
                            { for levels }
                        </select>
                    </div>
                    <div class="editor-field">
                        <label for="lesson-duration">{ "Duration in minutes" }</label>
                        <input id="lesson-duration" type="text" inputmode="numeric" value={current.duration.clone()}
                            aria-describedby={duration_problem_id.clone()} aria-invalid={invalid(&duration_problem_id)}
                            oninput={move |e: InputEvent| set_duration(e.target_unchecked_into::<HtmlInputElement>().value())} />
                        { duration_problem }
                    </div>
                </div>
                <div class="editor-field">
                    <label for="lesson-summary">{ "Summary for the list of lessons (optional)" }</label>
                    <textarea id="lesson-summary" rows="2" value={current.summary.clone()}
                        oninput={move |e: InputEvent| set_summary(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                </div>
                <div class="editor-field">
                    <label for="lesson-objectives">{ "Objectives" }</label>
                    <p class="editor-hint" id="lesson-objectives-hint">{ "One per line: what students will be able to do afterwards." }</p>
                    <textarea id="lesson-objectives" rows="3" value={current.objectives.clone()}
                        aria-describedby={[Some("lesson-objectives-hint".to_owned()), objectives_problem_id.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ")}
                        aria-invalid={invalid(&objectives_problem_id)}
                        oninput={move |e: InputEvent| set_objectives(e.target_unchecked_into::<HtmlTextAreaElement>().value())} />
                    { objectives_problem }
                </div>
                <section class="editor-steps" aria-labelledby="lesson-steps-heading">
                    <h2 id="lesson-steps-heading">{ format!("Steps ({n_steps})") }</h2>
                    <ol role="list" class="editor-step-list">{ for steps }</ol>
                    <button type="button" class="button-quiet" id="lesson-add-step" onclick={on_add}
                        aria-describedby={steps_problem_id}>{ "Add a step" }</button>
                    { steps_problem }
                </section>
                <div class="editor-announce" role="status">{ (*announcement).clone() }</div>
                <button type="submit" class="button">{ "Save the lesson" }</button>
            </form>
        </div>
    }
}
