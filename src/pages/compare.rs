//! The compare page: two to four articles side by side, one row per event, with a framing profile under each column.
//!
//! The route carries only slugs, the event and the layers; the page aligns the chosen articles to
//! the pack's event catalogue in the browser with the same core code the build uses, so pasted or
//! imported articles could align the same way.

use gloo::events::EventListener;
use parallax_core::align::{align_with_words, Alignment, ContentWords};
use parallax_core::pack::{Pack, PackArticle};
use parallax_core::profile::{profiles_with_words, FramingProfile};
use yew::prelude::*;

use crate::components::article_picker::{MAX_COMPARED, MIN_COMPARED};
use crate::components::compare_column_header::reader_href;
use crate::components::{
    ArticlePicker, CompareColumnHeader, EventCell, EventStart, FramingProfileView,
};
use crate::hooks::after_paint;
use crate::hooks::after_paint::later;
use crate::hooks::timing::timed;
use crate::route::{CompareQuery, Route};
use crate::state::Shared;
use std::rc::Rc;

/// Rows shown at most; the stylesheet's column grid has room for this many (see `style.css`).
pub const MAX_ROWS: usize = 30;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub pack: Shared<Pack>,
    /// The pack aligned to its event catalogue ([`crate::catalogue_coverage`]), for "start from an event".
    pub coverage: Shared<Alignment>,
    pub query: CompareQuery,
    /// Called to show another comparison (other articles chosen).
    pub on_go: Callback<Route>,
}

/// What the grid shows: the compared articles in column order, their alignment and profiles.
#[derive(PartialEq)]
struct Comparison {
    articles: Shared<Vec<Shared<PackArticle>>>,
    alignment: Shared<Alignment>,
    profiles: Shared<Vec<FramingProfile>>,
}

/// The chosen articles, their content words and their alignment, the first half of a comparison.
/// The content words (stemmed, the costly part) are kept for the profiles.
fn align_articles(
    pack: &Pack,
    slugs: &[String],
) -> (Vec<Shared<PackArticle>>, Vec<ContentWords>, Alignment) {
    let articles: Vec<Shared<PackArticle>> = slugs
        .iter()
        .filter_map(|slug| pack.articles.iter().find(|a| &a.slug == slug))
        .map(|article| Shared::new(article.clone()))
        .collect();
    let analyses: Vec<_> = articles.iter().map(|a| &a.analysis).collect();
    let (words, alignment) = timed("align", || {
        let words = ContentWords::of_all(&analyses);
        let alignment = align_with_words(&analyses, &words, &pack.events.events);
        (words, alignment)
    });
    (articles, words, alignment)
}

/// The framing profiles of aligned articles, the second half of a comparison.
fn with_profiles(
    articles: Vec<Shared<PackArticle>>,
    words: Vec<ContentWords>,
    alignment: Alignment,
) -> Comparison {
    let analyses: Vec<_> = articles.iter().map(|a| &a.analysis).collect();
    let profiles = timed("profiles", || {
        profiles_with_words(&analyses, &words, &alignment)
    });
    Comparison {
        articles: Shared::new(articles),
        alignment: Shared::new(alignment),
        profiles: Shared::new(profiles),
    }
}

/// The comparison of `known` in `pack`, or `None` while it is being computed. The page renders its
/// frame first; the alignment and the profiles then run after that frame has painted, each in a
/// task of its own, so neither holds up the first screen or input for long.
#[hook]
fn use_comparison(pack: &Shared<Pack>, known: &[String], in_range: bool) -> Option<Rc<Comparison>> {
    type Done = ((Shared<Pack>, Vec<String>), Rc<Comparison>);
    let done = use_state(|| None::<Done>);
    let key = (pack.clone(), known.to_vec());
    let current = done
        .as_ref()
        .filter(|(built_for, _)| *built_for == key)
        .map(|(_, comparison)| comparison.clone())
        .filter(|_| in_range);
    let needed = in_range && current.is_none();
    {
        let done = done.setter();
        use_effect_with((key, needed), move |((pack, known), needed)| {
            if !*needed {
                return;
            }
            let (pack, known) = (pack.clone(), known.clone());
            after_paint(move || {
                let (articles, words, alignment) = align_articles(&pack, &known);
                later(move || {
                    let comparison = Rc::new(with_profiles(articles, words, alignment));
                    done.set(Some(((pack, known), comparison)));
                });
            });
        });
    }
    current
}

/// The order rows are shown in: the event the comparison started from first, then the alignment's
/// order (events every article covers, then events only some cover).
fn row_order(alignment: &Alignment, start: Option<&str>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..alignment.rows.len()).collect();
    if let Some(start) = start {
        parallax_core::sort::sort_by_key(&mut order, |idx| alignment.rows[*idx].event.id != start);
    }
    order.truncate(MAX_ROWS);
    order
}

#[component]
pub fn ComparePage(props: &ComparePageProps) -> Html {
    let pack = &props.pack;
    let query = &props.query;
    let coverage = props.coverage.clone();

    let known: Vec<String> = query
        .articles
        .iter()
        .filter(|slug| pack.articles.iter().any(|a| &a.slug == *slug))
        .cloned()
        .collect();
    let unknown: Vec<&String> = query
        .articles
        .iter()
        .filter(|slug| !known.contains(slug))
        .collect();
    let in_range = (MIN_COMPARED..=MAX_COMPARED).contains(&known.len());
    // On narrow screens the columns scroll sideways; the sticky heads follow them (and the other
    // way round), so a column's head is always above it.
    let comparison = use_comparison(pack, &known, in_range);
    let lining_up = in_range && comparison.is_none();
    let heads_ref = use_node_ref();
    let columns_ref = use_node_ref();
    {
        let (heads_ref, columns_ref) = (heads_ref.clone(), columns_ref.clone());
        // Again once the grid is shown: it arrives after the articles are aligned.
        use_effect_with((known.clone(), lining_up), move |_| {
            let heads = heads_ref.cast::<web_sys::Element>();
            let columns = columns_ref.cast::<web_sys::Element>();
            let listeners = heads.zip(columns).map(|(heads, columns)| {
                let follow = |from: &web_sys::Element, to: &web_sys::Element| {
                    let (from_, to) = (from.clone(), to.clone());
                    EventListener::new(from, "scroll", move |_| {
                        let left = from_.scroll_left();
                        if to.scroll_left() != left {
                            to.set_scroll_left(left);
                        }
                    })
                };
                [follow(&columns, &heads), follow(&heads, &columns)]
            });
            move || drop(listeners)
        });
    }

    let on_change = {
        let (on_go, query) = (props.on_go.clone(), query.clone());
        Callback::from(move |articles: Vec<String>| {
            on_go.emit(Route::Compare(CompareQuery {
                articles,
                ..query.clone()
            }))
        })
    };
    let layers = query.layers.clone().map(AttrValue::from);
    let start_event = query
        .event
        .as_deref()
        .and_then(|id| pack.events.events.iter().find(|e| e.id == id));

    let covering = start_event.map(|event| {
        let items = coverage
            .articles_covering(&event.id)
            .into_iter()
            .filter_map(|idx| pack.articles.get(idx))
            .map(|article| {
                let href = reader_href(&article.slug, query.layers.as_deref());
                html! { <li><a {href}>{ &article.title }</a></li> }
            });
        html! {
            <section class="covering" aria-labelledby="covering-heading">
                <h2 id="covering-heading">{ format!("Every article covering {}", event.name) }</h2>
                <p class="event-description">{ &event.description }</p>
                <ul aria-labelledby="covering-heading">{ for items }</ul>
            </section>
        }
    });

    let grid = comparison.as_ref().map(|comparison| {
        let n_columns = comparison.articles.len();
        let order = row_order(&comparison.alignment, query.event.as_deref());
        let heads = comparison.articles.iter().enumerate().map(|(column, article)| {
            html! {
                <CompareColumnHeader
                    article={article.clone()}
                    title_id={format!("compare-title-{column}")}
                    layers={layers.clone()}
                />
            }
        });
        let columns = comparison.articles.iter().enumerate().map(|(column, article)| {
            let cells = order.iter().map(|row| {
                let is_start =
                    query.event.as_deref() == Some(comparison.alignment.rows[*row].event.id.as_str());
                html! {
                    <EventCell
                        article={article.clone()}
                        alignment={comparison.alignment.clone()}
                        row={*row}
                        {column}
                        {is_start}
                        layers={layers.clone()}
                    />
                }
            });
            html! {
                <section class="compare-column" aria-labelledby={format!("compare-title-{column}")}>
                    { for cells }
                    <FramingProfileView
                        articles={comparison.articles.clone()}
                        profiles={comparison.profiles.clone()}
                        {column}
                        layers={layers.clone()}
                    />
                </section>
            }
        });
        let class = classes!("compare-grid", format!("compare-n-{n_columns}"));
        html! {
            <div {class}>
                if comparison.alignment.rows.is_empty() {
                    <p class="compare-empty">{ "These articles share no event that Parallax can find." }</p>
                }
                <p class="compare-swipe-hint">
                    { format!("{n_columns} articles: scroll sideways to see each column.") }
                </p>
                <div class="compare-heads" ref={heads_ref.clone()}>{ for heads }</div>
                <div class="compare-columns" ref={columns_ref.clone()}>{ for columns }</div>
            </div>
        }
    });

    html! {
        <div class="compare">
            <h1>{ "Compare articles" }</h1>
            <p class="lede">
                { "The same events, told side by side: each row is one event, each column one article. " }
                { "Marked words are why a passage was matched to its event; \u{201c}Not covered\u{201d} shows what an article leaves out." }
            </p>
            <div class="compare-controls">
                <ArticlePicker pack={pack.clone()} chosen={known.clone()} {on_change} {lining_up} />
                <EventStart
                    pack={pack.clone()}
                    coverage={coverage.clone()}
                    current={query.event.clone().map(AttrValue::from)}
                    layers={layers.clone()}
                />
            </div>
            if !unknown.is_empty() {
                <p class="compare-unknown" role="alert">
                    { format!(
                        "No article in this pack has the id {}; it is left out.",
                        unknown.iter().map(|s| format!("\u{201c}{s}\u{201d}")).collect::<Vec<_>>().join(", ")
                    ) }
                </p>
            }
            { covering.unwrap_or_default() }
            if lining_up {
                // Room for the grid, so it arrives without moving what is below it.
                <div class="compare-waiting"></div>
            }
            { grid.unwrap_or_default() }
        </div>
    }
}
