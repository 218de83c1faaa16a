//! Parallax, the app: a Yew single-page app that shows how articles frame the same events.

use yew::prelude::*;

#[component]
pub fn App() -> Html {
    html! { <main><h1>{ "Parallax" }</h1></main> }
}
