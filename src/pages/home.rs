//! The home page: what Parallax is for and the pack's articles.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::ArticleList;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HomePageProps {
    pub pack: Shared<Pack>,
}

#[component]
pub fn HomePage(props: &HomePageProps) -> Html {
    let n_articles = props.pack.articles.len();
    html! {
        <div class="home">
            <h1>{ &props.pack.title }</h1>
            <p class="lede">
                { format!("{n_articles} articles about the same events, told in different words. ") }
                { "Open one to read it with its framing made visible: who gets to speak, which words carry a judgement, and what was stripped from the page." }
            </p>
            <ArticleList pack={props.pack.clone()} />
        </div>
    }
}
