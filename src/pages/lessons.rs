//! The lessons page: every lesson of the pack with the student's progress.
//! (Placeholder while the lessons are built; it must not be described as a feature.)

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct LessonsPageProps {
    pub pack: Shared<Pack>,
}

#[component]
pub fn LessonsPage(_props: &LessonsPageProps) -> Html {
    html! { <h1>{ "Lessons" }</h1> }
}
