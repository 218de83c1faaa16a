//! The explorer's search box: results follow every keystroke, and Enter never reloads the page.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The search text as the URL holds it.
    pub text: AttrValue,
    /// Called with the whole text after every change.
    pub on_search: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = {
        let on_search = props.on_search.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_search.emit(input.value());
        })
    };
    // Results are already showing; submitting would only reload the page.
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    html! {
        <form class="search-form" role="search" {onsubmit}>
            <label for="explore-search">{ "Search articles" }</label>
            <input
                id="explore-search"
                type="search"
                value={props.text.clone()}
                {oninput}
                autocomplete="off"
                spellcheck="false"
                aria-describedby="explore-search-hint"
            />
            <p id="explore-search-hint" class="hint">
                { "Words match in any form (\u{201c}sphere\u{201d} finds \u{201c}spheres\u{201d}); put a phrase in quotes to find it exactly." }
            </p>
        </form>
    }
}
