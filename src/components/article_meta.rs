//! An article's metadata as the page printed it, with the curator's additions marked as such.

use parallax_core::pack::PackArticle;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ArticleMetaProps {
    pub article: Shared<PackArticle>,
}

#[component]
pub fn ArticleMeta(props: &ArticleMetaProps) -> Html {
    let article = &props.article;
    let date = article
        .printed_date
        .clone()
        .unwrap_or_else(|| "Undated".to_owned());
    let byline = article
        .byline
        .as_ref()
        .filter(|byline| **byline != article.author);
    html! {
        <div class="article-meta">
            <dl class="meta-list">
                <div>
                    <dt>{ "Author" }</dt>
                    <dd>{ &article.author }</dd>
                </div>
                if let Some(byline) = byline {
                    <div>
                        <dt>{ "Byline as printed" }</dt>
                        <dd>{ byline }</dd>
                    </div>
                }
                <div>
                    <dt>{ "Printed date" }</dt>
                    <dd>{ date }</dd>
                </div>
            </dl>
            if article.title_curated {
                <p class="note curated-note">
                    <span class="note-tag">{ "Curated title" }</span>
                    { " The page prints no title; this one was added by the curator." }
                </p>
            }
            if !article.notes.is_empty() {
                <details class="notes">
                    <summary>{ format!("Curator's notes ({})", article.notes.len()) }</summary>
                    <ul>
                        { for article.notes.iter().map(|note| html! { <li>{ note }</li> }) }
                    </ul>
                </details>
            }
        </div>
    }
}
