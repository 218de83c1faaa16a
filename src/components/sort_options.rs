//! How the explorer orders its results: relevance, date or title, as a group of radio buttons.

use parallax_core::query::Sort;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortOptionsProps {
    pub sort: Sort,
    pub on_sort: Callback<Sort>,
}

#[component]
pub fn SortOptions(props: &SortOptionsProps) -> Html {
    let options = Sort::ALL.into_iter().map(|sort| {
        let onchange = {
            let on_sort = props.on_sort.clone();
            Callback::from(move |_: Event| on_sort.emit(sort))
        };
        html! {
            <label class="sort-option" key={sort.param()}>
                <input type="radio" name="explore-sort" value={sort.param()} checked={props.sort == sort} {onchange} />
                { sort.label() }
            </label>
        }
    });
    html! {
        <fieldset class="sort-options">
            <legend>{ "Sort by" }</legend>
            { for options }
        </fieldset>
    }
}
