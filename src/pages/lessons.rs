//! The lessons page: every lesson of the pack with its level, duration and the student's progress;
//! "Write a lesson", and for each lesson "Make a copy", or "Edit" and "Delete" for the teacher's own.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::LessonCard;
use crate::hooks::use_student_work::use_all_work;
use crate::route::Route;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct LessonsPageProps {
    pub pack: Shared<Pack>,
    /// The teacher's library: its lessons are theirs to edit and delete.
    pub library: Shared<Pack>,
    pub on_library: Callback<Action>,
}

#[component]
pub fn LessonsPage(props: &LessonsPageProps) -> Html {
    let all_work = use_all_work(props.pack.clone());
    let pack = &props.pack;
    let cards = pack.lessons.iter().enumerate().map(|(index, lesson)| {
        let work = all_work.as_ref().and_then(|all| all.get(index).cloned());
        let own = props.library.lessons.iter().any(|l| l.id == lesson.id);
        html! {
            <LessonCard
                key={lesson.id.clone()}
                lesson={Shared::new(lesson.clone())}
                {work}
                {own}
                on_library={props.on_library.clone()}
            />
        }
    });
    html! {
        <div class="lessons">
            <h1>{ "Lessons" }</h1>
            <p class="lessons-lede">
                { "Guided lessons on the articles of \u{201c}" }{ &pack.title }
                { "\u{201d}. Your answers stay on this device: nothing is sent anywhere, and no account is needed. You can download them at any time to hand them in or to continue on another device." }
            </p>
            <p class="lessons-write">
                <a class="button-quiet" href={Route::LessonNew { from: None }.to_hash()}>{ "Write a lesson" }</a>
                { " Teachers can write their own lessons on the articles here, including their own articles; they are kept on this device and go with the pack when it is downloaded." }
            </p>
            if pack.lessons.is_empty() {
                <p class="empty">{ "This pack has no lessons." }</p>
            } else {
                <ul role="list" class="lesson-list">{ for cards }</ul>
            }
        </div>
    }
}
