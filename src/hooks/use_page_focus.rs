//! Moves focus and scroll to the top of `main` when the page changes, as a full page load would.

use yew::prelude::*;

/// When `page` changes from one known page to another (not on the first page shown, so the skip link
/// stays the first stop), scrolls to the top and focuses `main`, so keyboard and screen-reader users
/// start reading the new page from its start. `None` means no page is known yet.
#[hook]
pub fn use_page_focus(page: Option<String>, main: NodeRef) {
    let previous = use_mut_ref(|| None::<String>);
    use_effect_with(page, move |page| {
        let Some(page) = page else { return };
        let changed = previous
            .borrow()
            .as_ref()
            .is_some_and(|before| before != page);
        *previous.borrow_mut() = Some(page.clone());
        if changed {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(main) = main.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    });
}
