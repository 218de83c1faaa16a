//! One step in the lesson editor: what it points at (an article with highlight layers and an
//! excerpt, or a comparison and an event), the question (its kind, the options and the right one),
//! the answer key and teacher notes, each field with its problem beside it; and the buttons that
//! move or remove the step.

use parallax_core::lesson::draft::{Material, StepDraft};
use parallax_core::lesson::{layer_ids, Field, QuestionKind};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::lesson_step::layer_name;

/// The element id of a step's field, for labels, `aria-describedby` and the problem summary's links.
pub fn step_field_id(index: usize, field: Field, step: &StepDraft) -> String {
    let name = match field {
        Field::StepId | Field::StepTitle => "title",
        Field::Article if step.material == Material::Article => "article",
        Field::Article | Field::Compare if step.material == Material::Nothing => "material-nothing",
        Field::Article | Field::Compare => "compare-0",
        Field::Layers => "layer-0",
        Field::Excerpt => "excerpt",
        Field::Event => "event",
        Field::Question => "question",
        Field::Options => "option-0",
        Field::Answer if step.kind == QuestionKind::MultipleChoice => "correct-0",
        Field::Answer => "answer",
        _ => "title",
    };
    format!("step-{index}-{name}")
}

/// What one step's problems say, by field.
pub type StepProblems = Vec<(Field, String)>;

#[derive(Properties, PartialEq)]
pub struct LessonEditorStepProps {
    pub index: usize,
    pub n_steps: usize,
    pub step: StepDraft,
    /// This step's problems, shown beside their fields (empty until the teacher first saves).
    pub problems: StepProblems,
    /// Every article of the pack: slug and title.
    pub articles: Vec<(String, String)>,
    /// The catalogue's events: id and name.
    pub events: Vec<(String, String)>,
    pub on_change: Callback<(usize, StepDraft)>,
    /// Move the step by -1 (up) or +1 (down).
    pub on_move: Callback<(usize, isize)>,
    pub on_remove: Callback<usize>,
}

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

fn area_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlTextAreaElement>().value()
}

fn select_value(event: &Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The problem paragraph of a field, and the id for the field's `aria-describedby`.
fn problem(problems: &StepProblems, field_id: &str, fields: &[Field]) -> (Html, Option<String>) {
    let messages: Vec<&str> = problems
        .iter()
        .filter(|(field, _)| fields.contains(field))
        .map(|(_, message)| message.as_str())
        .collect();
    if messages.is_empty() {
        return (html! {}, None);
    }
    let id = format!("{field_id}-problem");
    (
        html! {
            <p class="editor-problem" id={id.clone()}>
                <strong>{ "Problem: " }</strong>{ messages.join(" ") }
            </p>
        },
        Some(id),
    )
}

#[component]
pub fn LessonEditorStep(props: &LessonEditorStepProps) -> Html {
    let index = props.index;
    let step = &props.step;
    // An element to focus after the next render (after an option is removed).
    let focus = use_state(|| None::<String>);
    {
        let focus = focus.clone();
        use_effect_with((*focus).clone(), move |target| {
            if let Some(target) = target {
                if let Some(element) = gloo::utils::document().get_element_by_id(target) {
                    if let Ok(element) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
                    {
                        let _ = element.focus();
                    }
                }
                focus.set(None);
            }
        });
    }
    let id = |name: &str| format!("step-{index}-{name}");
    // Every change: a copy of the step with one field changed.
    let change = |apply: fn(&mut StepDraft, String)| {
        let (step, on_change) = (step.clone(), props.on_change.clone());
        move |value: String| {
            let mut step = step.clone();
            apply(&mut step, value);
            on_change.emit((index, step));
        }
    };
    let text_input = |name: &str,
                      label: &str,
                      value: &str,
                      apply: fn(&mut StepDraft, String),
                      fields: &[Field],
                      hint: Option<&str>| {
        let field_id = id(name);
        let (problem_html, problem_id) = problem(&props.problems, &field_id, fields);
        let hint_id = hint.map(|_| format!("{field_id}-hint"));
        let described = [hint_id.clone(), problem_id.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let set = change(apply);
        html! {
            <div class="editor-field">
                <label for={field_id.clone()}>{ label }</label>
                if let (Some(hint), Some(hint_id)) = (hint, hint_id) {
                    <p class="editor-hint" id={hint_id}>{ hint }</p>
                }
                <input
                    id={field_id}
                    type="text"
                    value={value.to_owned()}
                    aria-describedby={(!described.is_empty()).then_some(described)}
                    aria-invalid={problem_id.is_some().then_some("true")}
                    oninput={move |e: InputEvent| set(input_value(&e))}
                />
                { problem_html }
            </div>
        }
    };
    let text_area = |name: &str,
                     label: &str,
                     value: &str,
                     apply: fn(&mut StepDraft, String),
                     fields: &[Field]| {
        let field_id = id(name);
        let (problem_html, problem_id) = problem(&props.problems, &field_id, fields);
        let set = change(apply);
        html! {
            <div class="editor-field">
                <label for={field_id.clone()}>{ label }</label>
                <textarea
                    id={field_id}
                    rows="3"
                    value={value.to_owned()}
                    aria-describedby={problem_id.clone()}
                    aria-invalid={problem_id.is_some().then_some("true")}
                    oninput={move |e: InputEvent| set(area_value(&e))}
                />
                { problem_html }
            </div>
        }
    };

    let heading_id = id("heading");
    let number = index + 1;

    // What the step points at.
    let material_choice = |material: Material, label: &str, name: &str| {
        let checked = step.material == material;
        let (step, on_change) = (step.clone(), props.on_change.clone());
        let onchange = Callback::from(move |_: Event| {
            let mut step = step.clone();
            step.material = material;
            on_change.emit((index, step));
        });
        let radio_id = id(&format!("material-{name}"));
        html! {
            <div class="editor-check">
                <input type="radio" id={radio_id.clone()} name={id("material")}
                    {checked} {onchange} />
                <label for={radio_id}>{ label }</label>
            </div>
        }
    };
    let (material_problem, material_problem_id) = if step.material == Material::Nothing {
        problem(
            &props.problems,
            &id("material-nothing"),
            &[Field::Article, Field::Compare],
        )
    } else {
        (html! {}, None)
    };
    let article_fields = (step.material == Material::Article).then(|| {
        let field_id = id("article");
        let (problem_html, problem_id) = problem(&props.problems, &field_id, &[Field::Article]);
        let set = change(|s, v| s.article = v);
        let options = props.articles.iter().map(|(slug, title)| {
            html! { <option value={slug.clone()} selected={*slug == step.article}>{ title }</option> }
        });
        html! {
            <>
                <div class="editor-field">
                    <label for={field_id.clone()}>{ "Article" }</label>
                    <select id={field_id} aria-describedby={problem_id.clone()}
                        aria-invalid={problem_id.is_some().then_some("true")}
                        onchange={move |e: Event| set(select_value(&e))}>
                        <option value="" selected={step.article.is_empty()}>{ "Choose an article…" }</option>
                        { for options }
                    </select>
                    { problem_html }
                </div>
                { text_input("excerpt", "Excerpt (optional)", &step.excerpt, |s, v| s.excerpt = v, &[Field::Excerpt],
                    Some("A few words copied from the article: the step shows their paragraph.")) }
            </>
        }
    });
    let comparison_fields = (step.material == Material::Comparison).then(|| {
        let (problem_html, problem_id) = problem(&props.problems, &id("compare-0"), &[Field::Compare]);
        let boxes = props.articles.iter().enumerate().map(|(n, (slug, title))| {
            let box_id = id(&format!("compare-{n}"));
            let checked = step.compare.contains(slug);
            let (step, on_change, slug) = (step.clone(), props.on_change.clone(), slug.clone());
            let onchange = Callback::from(move |_: Event| {
                let mut step = step.clone();
                if step.compare.contains(&slug) {
                    step.compare.retain(|s| *s != slug);
                } else {
                    step.compare.push(slug.clone());
                }
                on_change.emit((index, step));
            });
            html! {
                <div class="editor-check">
                    <input type="checkbox" id={box_id.clone()} {checked} {onchange}
                        aria-describedby={problem_id.clone()} />
                    <label for={box_id}>{ title }</label>
                </div>
            }
        });
        let event_id = id("event");
        let (event_problem, event_problem_id) = problem(&props.problems, &event_id, &[Field::Event]);
        let set_event = change(|s, v| s.event = v);
        let events = props.events.iter().map(|(event, name)| {
            html! { <option value={event.clone()} selected={*event == step.event}>{ name }</option> }
        });
        html! {
            <>
                <fieldset class="editor-group">
                    <legend>{ "Articles to compare (two to four)" }</legend>
                    { for boxes }
                    { problem_html }
                </fieldset>
                <div class="editor-field">
                    <label for={event_id.clone()}>{ "Start from the event (optional)" }</label>
                    <select id={event_id} aria-describedby={event_problem_id}
                        onchange={move |e: Event| set_event(select_value(&e))}>
                        <option value="" selected={step.event.is_empty()}>{ "No event" }</option>
                        { for events }
                    </select>
                    { event_problem }
                </div>
            </>
        }
    });
    let layers = (step.material != Material::Nothing).then(|| {
        let (problem_html, problem_id) = problem(&props.problems, &id("layer-0"), &[Field::Layers]);
        let boxes = layer_ids().into_iter().enumerate().map(|(n, layer)| {
            let box_id = id(&format!("layer-{n}"));
            let checked = step.layers.contains(&layer);
            let name = layer_name(&layer);
            let (step, on_change) = (step.clone(), props.on_change.clone());
            let onchange = Callback::from(move |_: Event| {
                let mut step = step.clone();
                if step.layers.contains(&layer) {
                    step.layers.retain(|l| *l != layer);
                } else {
                    step.layers.push(layer.clone());
                }
                on_change.emit((index, step));
            });
            html! {
                <div class="editor-check">
                    <input type="checkbox" id={box_id.clone()} {checked} {onchange}
                        aria-describedby={problem_id.clone()} />
                    <label for={box_id}>{ name }</label>
                </div>
            }
        });
        html! {
            <fieldset class="editor-group editor-layers">
                <legend>{ "Highlights to turn on (optional)" }</legend>
                { for boxes }
                { problem_html }
            </fieldset>
        }
    });

    // The question.
    let kind_id = id("kind");
    let set_kind = {
        let (step, on_change) = (step.clone(), props.on_change.clone());
        move |value: String| {
            let mut step = step.clone();
            step.kind = match value.as_str() {
                "multiple_choice" => QuestionKind::MultipleChoice,
                "select_passage" => QuestionKind::SelectPassage,
                _ => QuestionKind::FreeText,
            };
            // A multiple-choice question starts with two empty options to fill in.
            if step.kind == QuestionKind::MultipleChoice && step.options.is_empty() {
                step.options = vec![String::new(), String::new()];
            }
            on_change.emit((index, step));
        }
    };
    let kinds = [
        (
            QuestionKind::FreeText,
            "free_text",
            "Free text: the student writes an answer",
        ),
        (
            QuestionKind::MultipleChoice,
            "multiple_choice",
            "Multiple choice: the student picks one option",
        ),
        (
            QuestionKind::SelectPassage,
            "select_passage",
            "Select the passage: the student picks a paragraph of the article",
        ),
    ];
    let kind_options = kinds.iter().map(|(kind, value, label)| {
        html! { <option value={*value} selected={step.kind == *kind}>{ *label }</option> }
    });
    let answer_fields = match step.kind {
        QuestionKind::MultipleChoice => {
            let (problem_html, problem_id) = problem(&props.problems, &id("option-0"), &[Field::Options, Field::Answer]);
            let rows = step.options.iter().enumerate().map(|(n, option)| {
                let option_id = id(&format!("option-{n}"));
                let correct_id = id(&format!("correct-{n}"));
                let set_text = {
                    let (step, on_change) = (step.clone(), props.on_change.clone());
                    move |e: InputEvent| {
                        let mut step = step.clone();
                        step.options[n] = input_value(&e);
                        on_change.emit((index, step));
                    }
                };
                let set_correct = {
                    let (step, on_change) = (step.clone(), props.on_change.clone());
                    move |_: Event| {
                        let mut step = step.clone();
                        step.correct = Some(n);
                        on_change.emit((index, step));
                    }
                };
                let remove = {
                    let (step, on_change, focus) = (step.clone(), props.on_change.clone(), focus.clone());
                    move |_: MouseEvent| {
                        let mut step = step.clone();
                        step.options.remove(n);
                        // Focus goes to the option that took its place, else the one before, else
                        // "Add an option" (the pressed button is gone).
                        focus.set(Some(match step.options.len() {
                            0 => format!("step-{index}-add-option"),
                            len => format!("step-{index}-option-{}", n.min(len - 1)),
                        }));
                        step.correct = match step.correct {
                            Some(c) if c == n => None,
                            Some(c) if c > n => Some(c - 1),
                            other => other,
                        };
                        on_change.emit((index, step));
                    }
                };
                html! {
                    <li class="editor-option">
                        <label for={option_id.clone()}>{ format!("Option {}", n + 1) }</label>
                        <input type="text" id={option_id} value={option.clone()}
                            aria-describedby={problem_id.clone()}
                            oninput={set_text} />
                        <span class="editor-check">
                            <input type="radio" id={correct_id.clone()} name={id("correct")}
                                checked={step.correct == Some(n)} onchange={set_correct} />
                            <label for={correct_id}>{ format!("Option {} is the right answer", n + 1) }</label>
                        </span>
                        <button type="button" class="button-quiet" onclick={remove}>
                            { format!("Remove option {}", n + 1) }
                        </button>
                    </li>
                }
            });
            let add = {
                let (step, on_change) = (step.clone(), props.on_change.clone());
                move |_: MouseEvent| {
                    let mut step = step.clone();
                    step.options.push(String::new());
                    on_change.emit((index, step));
                }
            };
            let marked = match step.correct {
                Some(n) => format!("The right answer is option {}.", n + 1),
                None => "No option is marked as the right answer: the step will have no answer key.".to_owned(),
            };
            html! {
                <fieldset class="editor-group">
                    <legend>{ "Options" }</legend>
                    <ol role="list" class="editor-options">{ for rows }</ol>
                    <p class="editor-hint">{ marked }</p>
                    <button type="button" class="button-quiet" id={id("add-option")} onclick={add}>{ "Add an option" }</button>
                    { problem_html }
                </fieldset>
            }
        }
        QuestionKind::SelectPassage => text_input(
            "answer",
            "Answer key: words of the right passage (optional)",
            &step.answer,
            |s, v| s.answer = v,
            &[Field::Answer],
            Some("Copy a few words of the paragraph students should choose; they are looked for in the article."),
        ),
        QuestionKind::FreeText => text_area("answer", "Model answer (optional)", &step.answer, |s, v| s.answer = v, &[Field::Answer]),
    };
    let set_kind_cb = Callback::from(move |e: Event| set_kind(select_value(&e)));

    let on_up = {
        let on_move = props.on_move.clone();
        Callback::from(move |_: MouseEvent| on_move.emit((index, -1)))
    };
    let on_down = {
        let on_move = props.on_move.clone();
        Callback::from(move |_: MouseEvent| on_move.emit((index, 1)))
    };
    let on_remove = {
        let on_remove = props.on_remove.clone();
        Callback::from(move |_: MouseEvent| on_remove.emit(index))
    };
    let title_text = if step.title.trim().is_empty() {
        format!("Step {number}")
    } else {
        format!("Step {number}: {}", step.title.trim())
    };
    html! {
        <li class="editor-step">
            <section aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id} tabindex="-1">{ title_text }</h3>
                { text_input("title", "Step title", &step.title, |s, v| s.title = v, &[Field::StepId, Field::StepTitle], None) }
                { text_area("instructions", "Instructions (optional)", &step.instructions, |s, v| s.instructions = v, &[]) }
                <fieldset class="editor-group" aria-describedby={material_problem_id}>
                    <legend>{ "The step points at" }</legend>
                    { material_choice(Material::Nothing, "Nothing: the question stands alone", "nothing") }
                    { material_choice(Material::Article, "One article", "article") }
                    { material_choice(Material::Comparison, "A comparison of two to four articles", "comparison") }
                    { material_problem }
                </fieldset>
                // One wrapper each, always there: Yew matches unkeyed siblings from the end, so
                // fields appearing here would otherwise turn the controls above them (the focused
                // radio button among them) into other controls.
                <div class="editor-material-fields">
                    { for article_fields }
                    { for comparison_fields }
                </div>
                <div class="editor-layer-fields">{ for layers }</div>
                <div class="editor-field">
                    <label for={kind_id.clone()}>{ "Kind of question" }</label>
                    <select id={kind_id} onchange={set_kind_cb}>{ for kind_options }</select>
                </div>
                { text_area("question", "Question", &step.question, |s, v| s.question = v, &[Field::Question]) }
                { answer_fields }
                { text_area("notes", "Teacher notes (optional, shown with the key)", &step.teacher_notes, |s, v| s.teacher_notes = v, &[]) }
                <div class="editor-step-actions">
                    if index > 0 {
                        <button type="button" class="button-quiet" id={id("up")} onclick={on_up}>
                            { format!("Move step {number} up") }
                        </button>
                    }
                    if index + 1 < props.n_steps {
                        <button type="button" class="button-quiet" id={id("down")} onclick={on_down}>
                            { format!("Move step {number} down") }
                        </button>
                    }
                    <button type="button" class="button-quiet" id={id("remove")} onclick={on_remove}>
                        { format!("Remove step {number}") }
                    </button>
                </div>
            </section>
        </li>
    }
}
