//! The head of one compare column: the article's title, author and date, kept in view while scrolling.

use parallax_core::pack::PackArticle;
use yew::prelude::*;

use crate::route::{Params, Route};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct CompareColumnHeaderProps {
    pub article: Shared<PackArticle>,
    /// The id of the title, which names the column's region.
    pub title_id: AttrValue,
    /// The highlight layers to open the reader with (the URL's `layers`), if any.
    #[prop_or_default]
    pub layers: Option<AttrValue>,
}

/// The reader's URL for an article, with the compare view's highlight layers.
pub fn reader_href(slug: &str, layers: Option<&str>) -> String {
    Route::Read {
        slug: slug.to_owned(),
        params: Params::default().with("layers", layers.map(str::to_owned)),
    }
    .to_hash()
}

/// The reader's URL for one paragraph of an article (`p` counts from 1, as the captions do): the
/// reader scrolls to that paragraph and focuses it.
pub fn paragraph_href(slug: &str, layers: Option<&str>, paragraph: usize) -> String {
    Route::Read {
        slug: slug.to_owned(),
        params: Params::default()
            .with("layers", layers.map(str::to_owned))
            .with("p", Some((paragraph + 1).to_string())),
    }
    .to_hash()
}

/// The index of the paragraph of `article` holding byte `offset` of its text, if any.
pub fn paragraph_at(article: &PackArticle, offset: usize) -> Option<usize> {
    article
        .analysis
        .structure
        .paragraphs
        .iter()
        .position(|paragraph| paragraph.span.start <= offset && offset < paragraph.span.end)
}

#[component]
pub fn CompareColumnHeader(props: &CompareColumnHeaderProps) -> Html {
    let article = &props.article;
    let date = article.printed_date.as_deref().unwrap_or("Undated");
    let href = reader_href(&article.slug, props.layers.as_deref());
    html! {
        <header class="compare-column-header">
            <h2 id={props.title_id.clone()} class="compare-column-title">{ &article.title }</h2>
            <p class="compare-column-meta">
                <span class="author">{ &article.author }</span>
                { " · " }
                <span>{ date }</span>
            </p>
            <p class="compare-column-link">
                <a {href}>
                    { "Read the whole article" }
                    <span class="visually-hidden">{ format!(": {}", article.title) }</span>
                </a>
            </p>
        </header>
    }
}
