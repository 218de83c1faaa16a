//! One lesson, step by step. (Placeholder while the lessons are built.)

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::route::{Params, Route};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub pack: Shared<Pack>,
    pub id: AttrValue,
    pub params: Params,
    pub on_go: Callback<Route>,
}

#[component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    html! { <h1>{ props.id.clone() }</h1> }
}
