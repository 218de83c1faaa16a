//! The reader view of one article: title, metadata, highlight legend, annotated text and removed lines.

use std::rc::Rc;

use parallax_core::pack::PackArticle;
use parallax_core::Span;
use yew::prelude::*;

use crate::components::{
    AnnotatedParagraph, ArticleMeta, ExplanationPanel, HighlightLegend, RemovedLines,
};
use crate::highlight::{
    by_paragraph, highlights, layers, segments_among, shown_layers, toggle_layer,
};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Shared<PackArticle>,
    /// True when the article is the page's subject (its title is the `h1`); false when it sits under a page heading.
    #[prop_or(true)]
    pub top: bool,
    /// The shown layers as written in the URL (`quotes,cue-doubt`); `None` shows every layer.
    #[prop_or_default]
    pub layers: Option<AttrValue>,
    /// Called with the new `layers` value when a legend checkbox changes (`None` means every layer).
    pub on_set_layers: Callback<Option<String>>,
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    // Derived once per article; the text and highlights are shared with every paragraph by pointer.
    // Highlights are indexed by paragraph here, so each paragraph is cut against its own highlights
    // only: rendering stays linear in the text and highlights however long the article is.
    let derived = use_memo(article.clone(), |article| {
        let analysis = &article.analysis;
        let found = highlights(analysis);
        let counted = layers(&found);
        let paragraphs: Vec<Span> =
            if analysis.structure.paragraphs.is_empty() && !analysis.text.trim().is_empty() {
                vec![Span {
                    start: 0,
                    end: analysis.text.len(),
                }]
            } else {
                analysis
                    .structure
                    .paragraphs
                    .iter()
                    .map(|paragraph| paragraph.span)
                    .collect()
            };
        let index = by_paragraph(&paragraphs, &found);
        (
            Shared::new(analysis.text.clone()),
            Shared::new(found),
            counted,
            Shared::new(paragraphs),
            Shared::new(index),
        )
    });
    let (text, found, counted, paragraphs, placed) = (*derived).clone();
    // The open explanation, remembered with the article it belongs to: another article starts closed.
    let chosen = use_state(|| None::<(Shared<PackArticle>, usize)>);
    let selected: Option<usize> = chosen
        .as_ref()
        .filter(|(owner, _)| owner == article)
        .map(|(_, index)| *index);

    let all_ids: Vec<String> = counted.iter().map(|(layer, _)| layer.id.clone()).collect();
    let shown = shown_layers(&all_ids, props.layers.as_deref());
    let on_toggle = {
        let on_set_layers = props.on_set_layers.clone();
        let shown = shown.clone();
        Callback::from(move |id: String| on_set_layers.emit(toggle_layer(&all_ids, &shown, &id)))
    };
    let on_select = {
        let (chosen, article) = (chosen.clone(), article.clone());
        Callback::from(move |index: Option<usize>| chosen.set(index.map(|i| (article.clone(), i))))
    };
    let on_close = {
        let chosen = chosen.clone();
        Callback::from(move |_| chosen.set(None))
    };

    let body = paragraphs.iter().enumerate().map(|(index, &paragraph)| {
        let candidates = placed[index].iter().copied();
        let cut = Rc::new(segments_among(paragraph, &found, candidates, |highlight| {
            shown.contains(&highlight.layer.id)
        }));
        html! {
            <AnnotatedParagraph
                text={text.clone()}
                segments={cut}
                highlights={found.clone()}
                selected={selected}
                on_select={on_select.clone()}
                number={index + 1}
            />
        }
    });

    let open = selected.and_then(|i| found.get(i).cloned());
    let words: AttrValue = open.as_ref().map_or_else(AttrValue::default, |h| {
        AttrValue::from(h.span.slice(&text).to_owned())
    });
    let title = html! { &article.title };
    html! {
        <article class="reader">
            <header class="reader-header">
                if props.top { <h1>{ title }</h1> } else { <h2>{ title }</h2> }
                <ArticleMeta article={article.clone()} />
            </header>
            <div class="reader-layout">
                <div class="reader-text">
                    if paragraphs.is_empty() {
                        <p class="empty">{ "This article has no text left after cleaning." }</p>
                    }
                    { for body }
                </div>
                <div class="reader-aids">
                    <HighlightLegend layers={counted.clone()} shown={shown.clone()} {on_toggle} />
                    if !counted.is_empty() {
                        <ExplanationPanel highlight={open} {words} heading_level={if props.top { 2 } else { 3 }} {on_close} />
                    }
                </div>
            </div>
            <RemovedLines article={article.clone()} />
        </article>
    }
}
