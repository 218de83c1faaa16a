//! Sets `document.title` to follow the view, so tabs, history and screen readers name the page.

use yew::prelude::*;

#[hook]
pub fn use_document_title(title: String) {
    use_effect_with(title, |title| {
        gloo::utils::document().set_title(title);
    });
}
