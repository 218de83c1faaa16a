//! The reader page: one article of the pack, found by its slug, with its highlight layers in the URL.

use parallax_core::align::Alignment;
use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::{ArticleView, CompareSuggestions};
use crate::pages::NotFoundPage;
use crate::route::{Params, Route};
use crate::state::Shared;
use crate::suggest::compare_suggestions;

#[derive(Properties, PartialEq)]
pub struct ReadPageProps {
    pub pack: Shared<Pack>,
    /// The pack aligned to its event catalogue ([`crate::catalogue_coverage`]).
    pub coverage: Shared<Alignment>,
    pub slug: AttrValue,
    pub params: Params,
    /// Called to move to another route (here: the same article with other layers shown).
    pub on_go: Callback<Route>,
}

#[component]
pub fn ReadPage(props: &ReadPageProps) -> Html {
    let article = use_memo((props.pack.clone(), props.slug.clone()), |(pack, slug)| {
        pack.articles
            .iter()
            .find(|article| article.slug == slug.as_str())
            .cloned()
            .map(Shared::new)
    });
    // "Compare with…", from the pack's catalogue coverage the app computed once.
    let suggestions = use_memo(
        (
            props.pack.clone(),
            props.coverage.clone(),
            props.slug.clone(),
        ),
        |(pack, coverage, slug)| Shared::new(compare_suggestions(pack, coverage, slug)),
    );
    let suggestions = (*suggestions).clone();
    let Some(article) = (*article).clone() else {
        return html! { <NotFoundPage what={format!("the article \u{201c}{}\u{201d}", props.slug)} /> };
    };
    let on_set_layers = {
        let (on_go, slug, params) = (
            props.on_go.clone(),
            props.slug.to_string(),
            props.params.clone(),
        );
        Callback::from(move |layers: Option<String>| {
            on_go.emit(Route::Read {
                slug: slug.clone(),
                params: params.clone().with("layers", layers),
            })
        })
    };
    let layers = props
        .params
        .get("layers")
        .map(|value| AttrValue::from(value.to_owned()));
    html! {
        <>
            <ArticleView {article} {layers} {on_set_layers} />
            <CompareSuggestions slug={props.slug.clone()} {suggestions} />
        </>
    }
}
