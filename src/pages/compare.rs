//! The compare page: two to four articles side by side, one row per event, with a framing profile under each column.
//!
//! The route carries only slugs, the event and the layers; the page aligns the chosen articles to
//! the pack's event catalogue in the browser with the same core code the build uses, so pasted or
//! imported articles could align the same way.

use gloo::events::EventListener;
use parallax_core::align::{align, Alignment};
use parallax_core::pack::{Pack, PackArticle};
use parallax_core::profile::{profiles, FramingProfile};
use yew::prelude::*;

use crate::components::article_picker::{MAX_COMPARED, MIN_COMPARED};
use crate::components::compare_column_header::reader_href;
use crate::components::{
    ArticlePicker, CompareColumnHeader, EventCell, EventStart, FramingProfileView,
};
use crate::route::{CompareQuery, Route};
use crate::state::Shared;

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

fn compare(pack: &Pack, slugs: &[String]) -> Comparison {
    let articles: Vec<Shared<PackArticle>> = slugs
        .iter()
        .filter_map(|slug| pack.articles.iter().find(|a| &a.slug == slug))
        .map(|article| Shared::new(article.clone()))
        .collect();
    let analyses: Vec<_> = articles.iter().map(|a| &a.analysis).collect();
    let alignment = align(&analyses, &pack.events.events);
    let profiles = profiles(&analyses, &alignment);
    Comparison {
        articles: Shared::new(articles),
        alignment: Shared::new(alignment),
        profiles: Shared::new(profiles),
    }
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
    let heads_ref = use_node_ref();
    let columns_ref = use_node_ref();
    {
        let (heads_ref, columns_ref) = (heads_ref.clone(), columns_ref.clone());
        use_effect_with(known.clone(), move |_| {
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
    let comparison = use_memo(
        (pack.clone(), known.clone(), in_range),
        |(pack, known, in_range)| in_range.then(|| compare(pack, known)),
    );

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

    let grid = (*comparison).as_ref().map(|comparison| {
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
                <ArticlePicker pack={pack.clone()} chosen={known.clone()} {on_change} />
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
            { grid.unwrap_or_default() }
        </div>
    }
}
