//! One step of a lesson: what to look at (a link to the reader with its highlight layers, an
//! excerpt, a link to the comparison), the question, and the answer key once the student has answered.

use std::rc::Rc;

use parallax_core::cues::CueKind;
use parallax_core::lesson::{Lesson, QuestionKind, Step};
use parallax_core::pack::{Pack, PackArticle};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::route::{CompareQuery, Params, Route};
use crate::state::Shared;
use crate::work::{paragraph_with, passages, Answer, LessonWork};

#[derive(Properties, PartialEq)]
pub struct LessonStepProps {
    pub pack: Shared<Pack>,
    pub lesson: Shared<Lesson>,
    /// The step's index in the lesson.
    pub index: usize,
    pub work: Rc<LessonWork>,
    /// Called with the work after the student answers or opens the key.
    pub on_change: Callback<LessonWork>,
}

/// The name the reader's legend gives a highlight layer.
pub fn layer_name(id: &str) -> String {
    match id {
        "quotes" => "Quotes".to_owned(),
        "reported" => "Reported speech".to_owned(),
        "sources" => "Named sources".to_owned(),
        "anonymous" => "Anonymous sources".to_owned(),
        other => CueKind::ALL
            .into_iter()
            .find(|kind| format!("cue-{}", kind.id().replace('_', "-")) == other)
            .map_or_else(|| other.to_owned(), |kind| kind.label().to_owned()),
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn quoted(title: &str) -> String {
    format!("\u{201c}{title}\u{201d}")
}

fn find<'a>(pack: &'a Pack, slug: &str) -> Option<&'a PackArticle> {
    pack.articles.iter().find(|article| article.slug == slug)
}

#[component]
pub fn LessonStep(props: &LessonStepProps) -> Html {
    // The key's heading takes focus when the student opens the key, since the button they pressed
    // goes away; keys already open when the step is shown leave focus where it is.
    let key_heading = use_node_ref();
    let asked = use_state(|| false);
    let revealed = props
        .lesson
        .steps
        .get(props.index)
        .is_some_and(|step| props.work.is_revealed(step));
    {
        let key_heading = key_heading.clone();
        use_effect_with((revealed, *asked), move |(revealed, asked)| {
            if *revealed && *asked {
                if let Some(heading) = key_heading.cast::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    }
    let lesson = &props.lesson;
    let Some(step) = lesson.steps.get(props.index) else {
        return html! {};
    };
    let pack = &props.pack;
    let article = step.article.as_deref().and_then(|slug| find(pack, slug));
    let answer = props.work.answer(step).cloned();

    let set = {
        let (work, on_change, step) = (props.work.clone(), props.on_change.clone(), step.clone());
        Callback::from(move |answer: Answer| on_change.emit(work.with_answer(&step, answer)))
    };
    let on_reveal = {
        let (work, on_change, step) = (props.work.clone(), props.on_change.clone(), step.clone());
        let asked = asked.clone();
        Callback::from(move |_: MouseEvent| {
            asked.set(true);
            on_change.emit(work.with_revealed(&step));
        })
    };

    let heading = html! {
        <h2 id="lesson-step-heading" class="lesson-step-heading">
            <span class="lesson-step-count">{ format!("Step {} of {}: ", props.index + 1, lesson.steps.len()) }</span>
            { &step.title }
        </h2>
    };
    let question = match step.kind {
        QuestionKind::FreeText => free_text(step, answer.as_ref(), set),
        QuestionKind::MultipleChoice => multiple_choice(step, answer.as_ref(), set),
        QuestionKind::SelectPassage => match article {
            Some(article) => select_passage(step, article, answer.as_ref(), set),
            None => html! {},
        },
    };
    let has_key = step.answer.is_some() || step.teacher_notes.is_some();
    html! {
        <section class="lesson-step" aria-labelledby="lesson-step-heading">
            { heading }
            if !step.instructions.is_empty() {
                <p class="lesson-instructions">{ &step.instructions }</p>
            }
            { material(pack, step, article) }
            { question }
            if has_key {
                <div class="lesson-reveal">
                    if answer.is_none() {
                        <p class="lesson-key-hint">{ "Answer first. Then you can compare your answer with the answer key." }</p>
                    } else if !revealed {
                        <button type="button" class="lesson-button" onclick={on_reveal}>{ "Show the answer key" }</button>
                    }
                </div>
            }
            // Always in the page, so that the key is announced politely when it appears.
            <div class="lesson-key-region" role="status">
                if revealed {
                    { key(step, article, answer.as_ref(), key_heading) }
                }
            </div>
        </section>
    }
}

/// What the step points at: the article in the reader (with its layers), an excerpt, or a comparison.
fn material(pack: &Pack, step: &Step, article: Option<&PackArticle>) -> Html {
    let layers = (!step.layers.is_empty()).then(|| step.layers.join(","));
    let layer_names: Vec<String> = step.layers.iter().map(|id| layer_name(id)).collect();
    let reader = article.map(|article| {
        let href = Route::Read {
            slug: article.slug.clone(),
            params: Params::default().with("layers", layers.clone()),
        }
        .to_hash();
        let with = if layer_names.is_empty() {
            String::new()
        } else {
            format!(" with these highlights on: {}", and_list(&layer_names))
        };
        html! {
            <p class="lesson-material">
                <a {href}>{ format!("Open {} in the reader", quoted(&article.title)) }</a>{ with }
            </p>
        }
    });
    let excerpt = step.excerpt.as_deref().and_then(|words| {
        let article = article?;
        let paragraph = paragraph_with(article, words)?;
        Some(html! {
            <figure class="lesson-excerpt">
                <blockquote><p>{ paragraph }</p></blockquote>
                <figcaption>{ format!("From {}", quoted(&article.title)) }</figcaption>
            </figure>
        })
    });
    let comparison = (!step.compare.is_empty()).then(|| {
        let titles: Vec<String> = step
            .compare
            .iter()
            .filter_map(|slug| find(pack, slug))
            .map(|article| quoted(&article.title))
            .collect();
        let href = Route::Compare(CompareQuery {
            articles: step.compare.clone(),
            event: step.event.clone(),
            layers: layers.clone(),
        })
        .to_hash();
        let event = step
            .event
            .as_deref()
            .and_then(|id| pack.events.events.iter().find(|event| event.id == id))
            .map(|event| format!(", starting from the event {}", quoted(&event.name)))
            .unwrap_or_default();
        let with = if layer_names.is_empty() {
            String::new()
        } else {
            format!("; highlights on: {}", and_list(&layer_names))
        };
        html! {
            <p class="lesson-material">
                <a {href}>{ "Open the comparison" }</a>
                { format!(" of {}{event}{with}", and_list(&titles)) }
            </p>
        }
    });
    html! { <>{ for reader }{ for excerpt }{ for comparison }</> }
}

fn free_text(step: &Step, answer: Option<&Answer>, set: Callback<Answer>) -> Html {
    let id = format!("answer-{}", step.id);
    let value = answer.map(|a| a.text().to_owned()).unwrap_or_default();
    let oninput = Callback::from(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        set.emit(Answer::Text(area.value()));
    });
    html! {
        <div class="lesson-question">
            <label class="lesson-question-text" for={id.clone()}>{ &step.question }</label>
            <textarea {id} class="lesson-answer" rows="6" {value} {oninput} />
        </div>
    }
}

fn multiple_choice(step: &Step, answer: Option<&Answer>, set: Callback<Answer>) -> Html {
    let name = format!("choice-{}", step.id);
    let chosen = answer.map(Answer::text);
    let options = step.options.iter().map(|option| {
        let checked = chosen == Some(option.as_str());
        let onchange = {
            let (set, option) = (set.clone(), option.clone());
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                if input.checked() {
                    set.emit(Answer::Choice(option.clone()));
                }
            })
        };
        html! {
            <li>
                <label class="lesson-option">
                    <input type="radio" name={name.clone()} value={option.clone()} {checked} {onchange} />
                    <span>{ option }</span>
                </label>
            </li>
        }
    });
    html! {
        <fieldset class="lesson-question">
            <legend class="lesson-question-text">{ &step.question }</legend>
            <ul role="list" class="lesson-options">{ for options }</ul>
        </fieldset>
    }
}

fn select_passage(
    step: &Step,
    article: &PackArticle,
    answer: Option<&Answer>,
    set: Callback<Answer>,
) -> Html {
    let name = format!("passage-{}", step.id);
    let chosen = answer.map(Answer::text);
    let items = passages(article).into_iter().map(|passage| {
        let checked = chosen == Some(passage);
        let onchange = {
            let (set, passage) = (set.clone(), passage.to_owned());
            Callback::from(move |event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                if input.checked() {
                    set.emit(Answer::Passage(passage.clone()));
                }
            })
        };
        html! {
            <li>
                <label class="lesson-passage">
                    <input type="radio" name={name.clone()} {checked} {onchange} />
                    <span>{ passage }</span>
                </label>
            </li>
        }
    });
    html! {
        <fieldset class="lesson-question lesson-passages">
            <legend class="lesson-question-text">{ &step.question }</legend>
            <p class="lesson-passages-hint">
                { format!("The paragraphs of {}: choose one (arrow keys move between them).", quoted(&article.title)) }
            </p>
            <ol role="list" class="lesson-passage-list">{ for items }</ol>
        </fieldset>
    }
}

/// The answer key and the notes, with how the student's answer compares.
fn key(
    step: &Step,
    article: Option<&PackArticle>,
    answer: Option<&Answer>,
    heading: NodeRef,
) -> Html {
    let body = match (step.kind, step.answer.as_deref()) {
        (_, None) => html! {},
        (QuestionKind::FreeText, Some(model)) => html! {
            <>
                <p class="lesson-key-label">{ "A model answer (yours can be different and still good):" }</p>
                <p>{ model }</p>
            </>
        },
        (QuestionKind::MultipleChoice, Some(right)) => {
            let same = answer.is_some_and(|a| a.text() == right);
            html! {
                <>
                    <p><span class="lesson-key-label">{ "The answer key: " }</span>{ right }</p>
                    <p class="lesson-verdict">{ if same { "Your choice matches the key." } else { "Your choice is different from the key: compare the two and read the notes." } }</p>
                </>
            }
        }
        (QuestionKind::SelectPassage, Some(words)) => {
            let meant = article.and_then(|article| paragraph_with(article, words));
            let same = meant.is_some() && answer.map(Answer::text) == meant;
            html! {
                <>
                    <p class="lesson-key-label">{ "The passage the lesson had in mind:" }</p>
                    if let Some(meant) = meant {
                        <blockquote><p>{ meant }</p></blockquote>
                    }
                    <p class="lesson-verdict">{ if same { "You chose the same passage." } else { "You chose a different passage: compare the two and read the notes." } }</p>
                </>
            }
        }
    };
    html! {
        <section class="lesson-key" aria-labelledby="lesson-key-heading">
            <h3 id="lesson-key-heading" tabindex="-1" ref={heading}>{ "Answer key" }</h3>
            { body }
            if let Some(notes) = &step.teacher_notes {
                <h4>{ "Notes" }</h4>
                <p>{ notes }</p>
            }
        </section>
    }
}
