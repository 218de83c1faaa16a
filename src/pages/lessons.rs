//! The lessons page: every lesson of the pack with its level, duration and the student's progress.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::LessonCard;
use crate::hooks::use_student_work::use_all_work;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct LessonsPageProps {
    pub pack: Shared<Pack>,
}

#[component]
pub fn LessonsPage(props: &LessonsPageProps) -> Html {
    let all_work = use_all_work(props.pack.clone());
    let pack = &props.pack;
    let cards = pack.lessons.iter().enumerate().map(|(index, lesson)| {
        let work = all_work.as_ref().and_then(|all| all.get(index).cloned());
        html! { <LessonCard key={lesson.id.clone()} lesson={Shared::new(lesson.clone())} {work} /> }
    });
    html! {
        <div class="lessons">
            <h1>{ "Lessons" }</h1>
            <p class="lessons-lede">
                { "Guided lessons on the articles of \u{201c}" }{ &pack.title }
                { "\u{201d}. Your answers stay on this device: nothing is sent anywhere, and no account is needed. You can download them at any time to hand them in or to continue on another device." }
            </p>
            if pack.lessons.is_empty() {
                <p class="empty">{ "This pack has no lessons." }</p>
            } else {
                <ul class="lesson-list">{ for cards }</ul>
            }
        </div>
    }
}
