//! The compare view's article picker: one checkbox per article, named by its title, two to four at a time.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::state::Shared;

/// The fewest and the most articles the compare view puts side by side.
pub const MIN_COMPARED: usize = 2;
pub const MAX_COMPARED: usize = 4;

#[derive(Properties, PartialEq)]
pub struct ArticlePickerProps {
    pub pack: Shared<Pack>,
    /// Slugs of the chosen articles, in column order.
    pub chosen: Vec<String>,
    /// Called with the new list of chosen slugs when a box is ticked or cleared.
    pub on_change: Callback<Vec<String>>,
    /// True while the chosen articles are being aligned (the status says so until the grid shows).
    #[prop_or_default]
    pub lining_up: bool,
}

/// What to tell the reader about the number of chosen articles, or `None` when it is in range.
pub fn count_message(n_chosen: usize) -> Option<String> {
    match n_chosen {
        0 => Some(
            "Choose two to four articles to see them side by side, or start from an event below."
                .to_owned(),
        ),
        1 => Some("One article is chosen: choose at least one more to compare.".to_owned()),
        n if n > MAX_COMPARED => Some(format!(
            "{n} articles are chosen; Parallax compares up to {MAX_COMPARED} at a time. Clear {} of them.",
            n - MAX_COMPARED
        )),
        _ => None,
    }
}

#[component]
pub fn ArticlePicker(props: &ArticlePickerProps) -> Html {
    let boxes = props.pack.articles.iter().map(|article| {
        let slug = article.slug.clone();
        let checked = props.chosen.contains(&slug);
        let onchange = {
            let (chosen, on_change) = (props.chosen.clone(), props.on_change.clone());
            Callback::from(move |_: Event| {
                // New columns go to the right; clearing a box keeps the others in their order.
                let mut next: Vec<String> =
                    chosen.iter().filter(|s| **s != slug).cloned().collect();
                if next.len() == chosen.len() {
                    next.push(slug.clone());
                }
                on_change.emit(next);
            })
        };
        html! {
            <li>
                <label class="picker-option">
                    <input type="checkbox" {checked} {onchange} />
                    <span>{ &article.title }</span>
                </label>
            </li>
        }
    });
    let message = count_message(props.chosen.len());
    html! {
        <div class="article-picker">
            <fieldset>
                <legend>{ "Articles to compare" }</legend>
                <ul role="list" class="picker-options">{ for boxes }</ul>
            </fieldset>
            <p class="picker-status" role="status">
                if let Some(message) = message {
                    { message }
                } else if props.lining_up {
                    { format!("Lining up {} articles side by side\u{2026}", props.chosen.len()) }
                } else {
                    { format!("{} articles side by side.", props.chosen.len()) }
                }
            </p>
        </div>
    }
}
