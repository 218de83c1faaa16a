//! The not-found page: says what was asked for and offers the way home.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotFoundPageProps {
    /// What was asked for, e.g. the unknown route or slug, shown so the reader can spot a typo.
    pub what: AttrValue,
}

#[component]
pub fn NotFoundPage(props: &NotFoundPageProps) -> Html {
    html! {
        <div class="not-found">
            <h1>{ "Page not found" }</h1>
            <p>{ "Parallax has nothing at " }<code>{ props.what.clone() }</code>{ "." }</p>
            <p>{ "The link may be mistyped, or it may point to an article that is not in this pack." }</p>
            <p><a href="#/">{ "See all articles" }</a></p>
        </div>
    }
}
