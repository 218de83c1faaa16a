//! The home page: what Parallax is for and the explorer over the pack's articles.

use parallax_core::pack::Pack;
use parallax_core::query::{ExploreQuery, Explorer};
use yew::prelude::*;

use crate::components::ExploreView;
use crate::route::Route;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HomePageProps {
    pub pack: Shared<Pack>,
    /// The pack's search and facet indexes.
    pub explorer: Shared<Explorer>,
    /// False while the explorer's search index is still being built (see `crate::use_explorer`).
    #[prop_or(true)]
    pub searchable: bool,
    /// The search text, filters and sort from the URL.
    #[prop_or_default]
    pub query: ExploreQuery,
    /// Called to show another view of the explorer as a new step (a filter or the sort changed).
    #[prop_or_default]
    pub on_go: Callback<Route>,
    /// Called to show another view as the search text changes.
    #[prop_or_default]
    pub on_type: Callback<Route>,
}

#[component]
pub fn HomePage(props: &HomePageProps) -> Html {
    let n_articles = props.pack.articles.len();
    let on_change = props.on_go.reform(Route::Home);
    let on_type = props.on_type.reform(Route::Home);
    html! {
        <div class="home">
            <h1>{ &props.pack.title }</h1>
            <p class="lede">
                { format!("{n_articles} articles about the same events, told in different words. ") }
                { "Open one to read it with its framing made visible: who gets to speak, which words carry a judgement, and what was stripped from the page." }
            </p>
            <ExploreView
                pack={props.pack.clone()}
                explorer={props.explorer.clone()}
                searchable={props.searchable}
                query={props.query.clone()}
                {on_change}
                {on_type}
            />
        </div>
    }
}
