//! The explorer's filter panel: one group per facet and "Clear all", behind a disclosure button on phones.

use parallax_core::facets::{Facet, FacetCounts};
use yew::prelude::*;

use crate::components::FacetGroup;

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    /// One entry per facet, in panel order.
    pub counts: Vec<FacetCounts>,
    /// How many values are ticked across all facets, plus one for search text.
    pub n_active: usize,
    pub on_toggle: Callback<(Facet, String)>,
    pub on_clear_all: Callback<()>,
}

#[component]
pub fn FilterPanel(props: &FilterPanelProps) -> Html {
    // Only narrow screens collapse the panel (the stylesheet hides the button on wide ones), so it
    // starts collapsed there and the results come first.
    let expanded = use_state(|| false);
    let on_disclose = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let on_clear_all = {
        let on_clear_all = props.on_clear_all.clone();
        Callback::from(move |_: MouseEvent| on_clear_all.emit(()))
    };
    let groups = props.counts.iter().map(|counts| {
        html! {
            <FacetGroup
                key={counts.facet.label()}
                counts={counts.clone()}
                on_toggle={props.on_toggle.clone()}
            />
        }
    });
    let active = match props.n_active {
        0 => String::new(),
        n => format!(" ({n} active)"),
    };
    html! {
        <section class="filter-panel" aria-label="Filters">
            <h2 class="filter-panel-heading">{ "Filters" }</h2>
            <button
                type="button"
                class="filter-toggle button-quiet"
                aria-expanded={expanded.to_string()}
                aria-controls="filter-panel-body"
                onclick={on_disclose}
            >
                { "Filters" }{ active }
            </button>
            <div
                id="filter-panel-body"
                class={classes!("filter-panel-body", (!*expanded).then_some("is-collapsed"))}
            >
                <button
                    type="button"
                    class="button-quiet clear-all"
                    disabled={props.n_active == 0}
                    onclick={on_clear_all}
                >
                    { "Clear all" }
                </button>
                { for groups }
            </div>
        </section>
    }
}
