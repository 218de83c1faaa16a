//! The reader page: one article of the pack, found by its slug, with its highlight layers in the URL.
//! `p=N` in the URL (from a passage link in the compare view) scrolls to paragraph N and focuses it.

use parallax_core::align::Alignment;
use parallax_core::pack::Pack;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::annotated_paragraph::paragraph_id;
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
    // The paragraph a link pointed at, counted from 1; anything else in `p` is ignored.
    let target = props
        .params
        .get("p")
        .and_then(|p| p.trim().parse::<usize>().ok())
        .filter(|p| *p > 0);
    use_effect_with((props.slug.clone(), target), |(_, target)| {
        let Some(target) = *target else { return };
        // Once the reader has painted: after every effect of this page's arrival, including the app's,
        // which focuses `main` on a new page (a 0 ms timer alone sometimes ran before it in Firefox).
        // A paragraph not found only leaves the reader at the top of the article.
        crate::hooks::after_paint(move || {
            let found = gloo::utils::document().get_element_by_id(&paragraph_id(target));
            if let Some(paragraph) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                paragraph.scroll_into_view();
                let _ = paragraph.focus();
            }
        });
    });
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
