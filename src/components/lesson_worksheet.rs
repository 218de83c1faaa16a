//! The printed worksheet of a lesson: every step's question with the student's answer, for paper.
//! Hidden on screen; the print stylesheet shows it instead of the one-step view.

use std::rc::Rc;

use parallax_core::lesson::{Lesson, QuestionKind};
use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::state::Shared;
use crate::work::{progress_label, Answer, LessonWork};

#[derive(Properties, PartialEq)]
pub struct LessonWorksheetProps {
    pub pack: Shared<Pack>,
    pub lesson: Shared<Lesson>,
    pub work: Rc<LessonWork>,
}

#[component]
pub fn LessonWorksheet(props: &LessonWorksheetProps) -> Html {
    let (pack, lesson, work) = (&props.pack, &props.lesson, &props.work);
    let steps = lesson.steps.iter().enumerate().map(|(index, step)| {
        let answer = work.answer(step);
        let article = step
            .article
            .as_deref()
            .and_then(|slug| pack.articles.iter().find(|a| a.slug == slug));
        let options = (step.kind == QuestionKind::MultipleChoice).then(|| {
            let items = step.options.iter().map(|option| {
                let chosen = answer.is_some_and(|a| a.text() == option);
                html! {
                    <li class={classes!(chosen.then_some("is-chosen"))}>
                        { if chosen { "[x] " } else { "[ ] " } }{ option }
                    </li>
                }
            });
            html! { <ul role="list" class="worksheet-options">{ for items }</ul> }
        });
        let given = match answer {
            None => html! { <p class="worksheet-blank">{ "Not answered." }</p> },
            Some(Answer::Choice(choice)) => {
                html! { <p><strong>{ "My answer: " }</strong>{ choice }</p> }
            }
            Some(Answer::Text(text)) => html! {
                <>
                    <p><strong>{ "My answer:" }</strong></p>
                    <p class="worksheet-text">{ text }</p>
                </>
            },
            Some(Answer::Passage(passage)) => html! {
                <>
                    <p><strong>{ "The passage I chose:" }</strong></p>
                    <blockquote><p>{ passage }</p></blockquote>
                </>
            },
        };
        html! {
            <li class="worksheet-step">
                <h3>{ format!("Step {}: {}", index + 1, step.title) }</h3>
                if let Some(article) = article {
                    <p class="worksheet-article">{ format!("Article: {}", article.title) }</p>
                }
                <p class="worksheet-question">{ &step.question }</p>
                { for options }
                { given }
            </li>
        }
    });
    html! {
        <section class="worksheet" aria-labelledby="worksheet-heading">
            <h2 id="worksheet-heading">{ format!("Worksheet: {}", lesson.title) }</h2>
            <p class="worksheet-meta">
                { format!("{} · {} minutes · {} · Parallax, pack \u{201c}{}\u{201d}", lesson.level.label(), lesson.duration_minutes, progress_label(lesson, work), pack.title) }
            </p>
            <p class="worksheet-name">{ "Name: ______________________   Class: __________   Date: __________" }</p>
            <ol role="list" class="worksheet-steps">{ for steps }</ol>
        </section>
    }
}
