//! One lesson in the list of lessons: its title (a link), summary, level, duration and the student's progress.

use parallax_core::lesson::Lesson;
use yew::prelude::*;

use crate::route::{Params, Route};
use crate::state::Shared;
use crate::work::{progress_label, LessonWork};

#[derive(Properties, PartialEq)]
pub struct LessonCardProps {
    pub lesson: Shared<Lesson>,
    /// The student's saved work; `None` while storage is being read.
    pub work: Option<LessonWork>,
}

#[component]
pub fn LessonCard(props: &LessonCardProps) -> Html {
    let lesson = &props.lesson;
    let href = Route::Lesson {
        id: lesson.id.clone(),
        params: Params::default(),
    }
    .to_hash();
    let heading_id = format!("lesson-{}", lesson.id);
    let progress = props.work.as_ref().map(|work| progress_label(lesson, work));
    html! {
        <li class="lesson-card">
            <article aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id} class="lesson-card-title"><a {href}>{ &lesson.title }</a></h2>
                if !lesson.summary.is_empty() {
                    <p class="lesson-card-summary">{ &lesson.summary }</p>
                }
                <dl class="lesson-facts">
                    <div><dt>{ "Level" }</dt><dd>{ lesson.level.label() }</dd></div>
                    <div><dt>{ "Duration" }</dt><dd>{ format!("{} minutes", lesson.duration_minutes) }</dd></div>
                    <div><dt>{ "Steps" }</dt><dd>{ lesson.steps.len() }</dd></div>
                    <div><dt>{ "Your progress" }</dt><dd class="lesson-progress">{ progress.unwrap_or_default() }</dd></div>
                </dl>
            </article>
        </li>
    }
}
