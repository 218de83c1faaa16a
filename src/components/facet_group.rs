//! One facet of the filter panel: a named group of checkboxes, each value with its count.

use parallax_core::facets::{Facet, FacetCounts};
use yew::prelude::*;

/// Values shown before "Show all", so a long list of voices does not push the other facets away.
const SHOWN_AT_FIRST: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The facet's values in the panel's fixed order, with counts given the other facets' filters.
    pub counts: FacetCounts,
    /// Called with the facet and a value when its checkbox is toggled.
    pub on_toggle: Callback<(Facet, String)>,
}

#[component]
pub fn FacetGroup(props: &FacetGroupProps) -> Html {
    let show_all = use_state(|| false);
    let facet = props.counts.facet;
    let values = &props.counts.values;
    let n_hidden = if *show_all {
        0
    } else {
        values
            .iter()
            .enumerate()
            .filter(|(idx, value)| *idx >= SHOWN_AT_FIRST && !value.selected)
            .count()
    };
    let items = values
        .iter()
        .enumerate()
        // Ticked values always stay visible, so a filter in force can always be seen and unticked.
        .filter(|(idx, value)| *show_all || *idx < SHOWN_AT_FIRST || value.selected)
        .map(|(_, value)| {
            let onchange = {
                let on_toggle = props.on_toggle.clone();
                let name = value.value.clone();
                Callback::from(move |_: Event| on_toggle.emit((facet, name.clone())))
            };
            // A value that would leave nothing to show cannot be ticked, but stays in place.
            let disabled = value.count == 0 && !value.selected;
            html! {
                <li key={value.value.clone()}>
                    <label class={classes!("facet-value", disabled.then_some("is-empty"))}>
                        <input type="checkbox" checked={value.selected} {disabled} {onchange} />
                        <span class="facet-value-name">{ &value.value }</span>
                        { " " }
                        <span class="facet-value-count">{ format!("({})", value.count) }</span>
                    </label>
                </li>
            }
        });
    let toggle_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let more_button = if *show_all && values.len() > SHOWN_AT_FIRST {
        html! { <button type="button" class="facet-more" onclick={toggle_all}>{ "Show fewer values" }</button> }
    } else if n_hidden > 0 {
        html! {
            <button type="button" class="facet-more" onclick={toggle_all}>
                { format!("Show all {} values", values.len()) }
            </button>
        }
    } else {
        html! {}
    };
    html! {
        <fieldset class="facet-group">
            <legend>{ facet.label() }</legend>
            if values.is_empty() {
                <p class="facet-empty">{ "No values in this collection." }</p>
            } else {
                <ul role="list" class="facet-values">{ for items }</ul>
                { more_button }
            }
        </fieldset>
    }
}
