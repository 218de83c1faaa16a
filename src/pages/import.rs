//! The teacher's own articles and packs. (Placeholder while import is built.)

use yew::prelude::*;

#[component]
pub fn ImportPage() -> Html {
    html! { <h1>{ "Your articles" }</h1> }
}
