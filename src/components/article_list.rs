//! The list of articles on the home page: each title links to its reader, with author, date and first sentence.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::excerpt::article_excerpt;
use crate::route::Route;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub pack: Shared<Pack>,
}

#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let items = props.pack.articles.iter().map(|article| {
        let href = Route::read(&article.slug).to_hash();
        let date = article
            .printed_date
            .clone()
            .unwrap_or_else(|| "Undated".to_owned());
        html! {
            <li class="article-item" key={article.slug.clone()}>
                <h2 class="article-item-title"><a href={href}>{ &article.title }</a></h2>
                <p class="article-item-meta">
                    <span class="author">{ &article.author }</span>
                    <span class="separator" aria-hidden="true">{ " · " }</span>
                    <span class="date">{ date }</span>
                </p>
                <p class="article-item-excerpt">{ article_excerpt(article) }</p>
            </li>
        }
    });
    html! {
        <ul class="article-list" aria-label="Articles">{ for items }</ul>
    }
}
