//! "Start from an event": the catalogue's events, each a link that compares every article covering it.

use parallax_core::align::{Alignment, EventRow};
use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::article_picker::MAX_COMPARED;
use crate::route::{CompareQuery, Route};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct EventStartProps {
    pub pack: Shared<Pack>,
    /// The pack's articles aligned to its catalogue (no discovery), in pack order.
    pub coverage: Shared<Alignment>,
    /// The event the current comparison started from, if any.
    #[prop_or_default]
    pub current: Option<AttrValue>,
    #[prop_or_default]
    pub layers: Option<AttrValue>,
}

/// The articles to put side by side for an event: every article that covers it, or when more do
/// than fit, the ones with the surest passages; in pack order.
pub fn columns_for(row: &EventRow) -> Vec<usize> {
    let mut covering: Vec<(usize, f32)> = row
        .cells
        .iter()
        .filter_map(|cell| Some((cell.article_idx, cell.passages.first()?.score)))
        .collect();
    parallax_core::sort::sort_by(&mut covering, |a, b| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    });
    covering.truncate(MAX_COMPARED);
    let mut columns: Vec<usize> = covering.into_iter().map(|(idx, _)| idx).collect();
    columns.sort_unstable();
    columns
}

#[component]
pub fn EventStart(props: &EventStartProps) -> Html {
    let pack = &props.pack;
    let items = pack.events.events.iter().map(|event| {
        let row = props.coverage.row(&event.id);
        let n_covering = row.map_or(0, |row| row.covered_by().len());
        let what = match n_covering {
            0 => "no article covers it".to_owned(),
            1 => "1 article covers it".to_owned(),
            n => format!("{n} articles cover it"),
        };
        let current = (props.current.as_deref() == Some(event.id.as_str())).then_some("page");
        let link = row.filter(|_| n_covering > 0).map(|row| {
            Route::Compare(CompareQuery {
                articles: columns_for(row)
                    .into_iter()
                    .filter_map(|idx| pack.articles.get(idx).map(|a| a.slug.clone()))
                    .collect(),
                event: Some(event.id.clone()),
                layers: props.layers.as_deref().map(str::to_owned),
            })
            .to_hash()
        });
        html! {
            <li>
                if let Some(href) = link {
                    <a {href} aria-current={current}>{ &event.name }</a>
                } else {
                    <span>{ &event.name }</span>
                }
                <span class="event-start-count">{ format!(" — {what}") }</span>
            </li>
        }
    });
    html! {
        <section class="event-start" aria-labelledby="event-start-heading">
            <h2 id="event-start-heading">{ "Start from an event" }</h2>
            if pack.events.events.is_empty() {
                <p>{ "This pack has no event catalogue." }</p>
            } else {
                <ul class="event-start-list">{ for items }</ul>
                if !pack.events.curation.is_empty() {
                    <p class="note">{ &pack.events.curation }</p>
                }
            }
        </section>
    }
}
