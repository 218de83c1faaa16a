//! "Compare with…" under the reader: links to the compare route with this article and another that shares events or topics.

use yew::prelude::*;

use crate::route::{CompareQuery, Route};
use crate::state::Shared;
use crate::suggest::{SharedBy, Suggestion};

#[derive(Properties, PartialEq)]
pub struct CompareSuggestionsProps {
    /// The slug of the article being read; it becomes the first column.
    pub slug: AttrValue,
    pub suggestions: Shared<Vec<Suggestion>>,
}

#[component]
pub fn CompareSuggestions(props: &CompareSuggestionsProps) -> Html {
    if props.suggestions.is_empty() {
        return html! {};
    }
    let items = props.suggestions.iter().map(|suggestion| {
        let href = Route::Compare(CompareQuery {
            articles: vec![props.slug.to_string(), suggestion.slug.clone()],
            ..Default::default()
        })
        .to_hash();
        let (what, names) = match &suggestion.shared {
            SharedBy::Events(names) => ("Shared events: ", names),
            SharedBy::Topics(names) => ("Shared topics: ", names),
        };
        html! {
            <li>
                <a {href}>{ "Compare with " }<cite>{ &suggestion.title }</cite></a>
                <p class="suggestion-shared">{ what }{ names.join("; ") }</p>
            </li>
        }
    });
    html! {
        <nav class="compare-suggestions" aria-labelledby="compare-suggestions-heading">
            <h2 id="compare-suggestions-heading">{ "Compare with" }</h2>
            <ul>{ for items }</ul>
        </nav>
    }
}
