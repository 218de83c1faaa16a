//! The explorer: search box, filter panel, sort, result count and results, all derived from one
//! `ExploreQuery` (the URL's), with every change handed back up as the next query.

use parallax_core::facets::Facet;
use parallax_core::pack::Pack;
use parallax_core::query::{ExploreQuery, Explorer, Sort};
use yew::prelude::*;

use crate::components::{EmptyResults, FilterPanel, ResultList, SearchBox, SortOptions};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ExploreViewProps {
    pub pack: Shared<Pack>,
    /// The pack's search and facet indexes, built once by the app.
    pub explorer: Shared<Explorer>,
    pub query: ExploreQuery,
    /// Called with the next query when a filter or the sort changes.
    pub on_change: Callback<ExploreQuery>,
    /// Called with the next query when the search text changes.
    pub on_type: Callback<ExploreQuery>,
}

/// "Showing N of M articles", the text of the live region.
pub fn showing(n_shown: usize, n_total: usize) -> String {
    let noun = if n_total == 1 { "article" } else { "articles" };
    format!("Showing {n_shown} of {n_total} {noun}")
}

#[component]
pub fn ExploreView(props: &ExploreViewProps) -> Html {
    let results = use_memo(
        (props.explorer.clone(), props.query.clone()),
        |(explorer, query)| explorer.run(query),
    );
    let results = Shared(results);
    // Every control starts from the current query and hands back the next one.
    let change = |step: fn(&mut ExploreQuery)| {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |_: ()| {
            let mut next = query.clone();
            step(&mut next);
            on_change.emit(next);
        })
    };
    let on_toggle = {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |(facet, value): (Facet, String)| {
            let mut next = query.clone();
            next.toggle(facet, &value);
            on_change.emit(next);
        })
    };
    let on_clear_facet = {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |facet: Facet| {
            let mut next = query.clone();
            next.clear_facet(facet);
            on_change.emit(next);
        })
    };
    let on_sort = {
        let (query, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |sort: Sort| {
            let mut next = query.clone();
            next.sort = sort;
            on_change.emit(next);
        })
    };
    let on_search = {
        let (query, on_type) = (props.query.clone(), props.on_type.clone());
        Callback::from(move |text: String| {
            let mut next = query.clone();
            next.text = text;
            on_type.emit(next);
        })
    };
    let on_clear_all = change(ExploreQuery::clear_filters);
    let on_clear_search = change(|query| query.text.clear());
    let n_active = props
        .query
        .filters
        .values()
        .map(|values| values.len())
        .sum::<usize>()
        + usize::from(!props.query.text.trim().is_empty());
    html! {
        <div class="explorer">
            <SearchBox text={props.query.text.clone()} {on_search} />
            <div class="explorer-columns">
                <FilterPanel counts={results.counts.clone()} {n_active} {on_toggle} {on_clear_all} />
                <div class="explorer-results">
                    <div class="results-bar">
                        <p class="result-status" role="status">
                            { showing(results.rows.len(), results.n_total) }
                        </p>
                        <SortOptions sort={props.query.sort} {on_sort} />
                    </div>
                    if results.rows.is_empty() {
                        <EmptyResults
                            query={props.query.clone()}
                            loosen={results.loosen.clone()}
                            {on_clear_facet}
                            {on_clear_search}
                        />
                    } else {
                        <ResultList pack={props.pack.clone()} results={results.clone()} />
                    }
                </div>
            </div>
        </div>
    }
}
