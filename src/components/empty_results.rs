//! What the explorer says when nothing matches: which filter or search to loosen, and a button for each.

use parallax_core::facets::Facet;
use parallax_core::query::{ExploreQuery, Loosen};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyResultsProps {
    pub query: ExploreQuery,
    /// The constraints that would each bring results back, the most rewarding first.
    pub loosen: Vec<Loosen>,
    pub on_clear_facet: Callback<Facet>,
    pub on_clear_search: Callback<()>,
}

fn articles(n: u32) -> String {
    if n == 1 {
        "1 article".to_owned()
    } else {
        format!("{n} articles")
    }
}

#[component]
pub fn EmptyResults(props: &EmptyResultsProps) -> Html {
    let items = props.loosen.iter().map(|loosen| match loosen {
        Loosen::Facet { facet, matching } => {
            let facet = *facet;
            let values: Vec<&str> = props
                .query
                .filters
                .get(&facet)
                .map(|values| values.iter().map(String::as_str).collect())
                .unwrap_or_default();
            let onclick = {
                let on_clear_facet = props.on_clear_facet.clone();
                Callback::from(move |_: MouseEvent| on_clear_facet.emit(facet))
            };
            html! {
                <li key={facet.param()}>
                    <button type="button" class="button-quiet" {onclick}>
                        { format!("Clear the {} filter", facet.label()) }
                    </button>
                    { format!(" ({}) to see {}.", values.join(", "), articles(*matching)) }
                </li>
            }
        }
        Loosen::Search { matching } => {
            let onclick = {
                let on_clear_search = props.on_clear_search.clone();
                Callback::from(move |_: MouseEvent| on_clear_search.emit(()))
            };
            html! {
                <li key="search">
                    <button type="button" class="button-quiet" {onclick}>{ "Clear the search" }</button>
                    { format!(" (\u{201c}{}\u{201d}) to see {}.", props.query.text, articles(*matching)) }
                </li>
            }
        }
    });
    html! {
        <div class="empty-results">
            <p class="empty-results-title">{ "No article matches all of these." }</p>
            if props.loosen.is_empty() {
                <p>{ "No article contains these words. Check the spelling, or try fewer or shorter words." }</p>
            } else {
                <ul role="list" class="empty-results-list">{ for items }</ul>
            }
        </div>
    }
}
