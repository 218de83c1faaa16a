//! The collapsed "Removed from the page" disclosure: every stripped line with the reason it was removed.

use parallax_core::pack::PackArticle;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RemovedLinesProps {
    pub article: Shared<PackArticle>,
}

#[component]
pub fn RemovedLines(props: &RemovedLinesProps) -> Html {
    let removed = &props.article.analysis.removed;
    html! {
        <details class="removed">
            <summary>{ "Removed from the page" }</summary>
            if removed.is_empty() {
                <p>{ "Nothing was removed: every line of the page is part of the text above." }</p>
            } else {
                <p>
                    { if removed.len() == 1 { "1 line of the page is not part of the article. ".to_owned() } else { format!("{} lines of the page are not part of the article. ", removed.len()) } }
                    { "They are kept here so you can check what was taken out and why." }
                </p>
                <ol class="removed-list">
                    { for removed.iter().map(|line| html! {
                        <li>
                            <span class="removed-text">{ &line.text }</span>
                            <span class="removed-reason">{ format!("Line {}: {}", line.line, line.reason) }</span>
                        </li>
                    }) }
                </ol>
            }
        </details>
    }
}
