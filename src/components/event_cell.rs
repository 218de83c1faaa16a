//! One cell of the compare grid: what one article says about one event, as its best passages with the evidence marked.

use parallax_core::align::{Alignment, EventOrigin};
use parallax_core::pack::PackArticle;
use parallax_core::span::Span;
use yew::prelude::*;

use crate::components::compare_column_header::{paragraph_href, reader_href};
use crate::state::Shared;

/// Passages shown per cell; the others are counted, and the reader shows them in context.
const MAX_PASSAGES: usize = 2;

#[derive(Properties, PartialEq)]
pub struct EventCellProps {
    pub article: Shared<PackArticle>,
    pub alignment: Shared<Alignment>,
    /// Which of the alignment's rows (events) this cell is in.
    pub row: usize,
    /// Which column (compared article) this is.
    pub column: usize,
    /// Whether this is the event the comparison started from.
    #[prop_or_default]
    pub is_start: bool,
    #[prop_or_default]
    pub layers: Option<AttrValue>,
}

/// The id of a passage's element in the compare grid.
pub fn passage_id(column: usize, paragraph: usize) -> String {
    format!("passage-{column}-{paragraph}")
}

/// The text of `within` as text nodes, with the parts inside `marks` wrapped in `<mark>`. Marks are
/// clipped to `within` and merged where they overlap; any that do not fit the text are ignored.
pub fn marked_text(text: &str, within: Span, marks: &[Span]) -> Html {
    let mut marks: Vec<Span> = marks
        .iter()
        .filter(|m| m.start < within.end && within.start < m.end)
        .map(|m| Span::new(m.start.max(within.start), m.end.min(within.end)))
        .collect();
    parallax_core::sort::sort(&mut marks);
    let mut merged: Vec<Span> = Vec::new();
    for mark in marks {
        match merged.last_mut() {
            Some(last) if mark.start <= last.end => last.end = last.end.max(mark.end),
            _ => merged.push(mark),
        }
    }
    let mut parts = Vec::new();
    let mut at = within.start;
    for mark in merged {
        let (Some(before), Some(inside)) =
            (text.get(at..mark.start), text.get(mark.start..mark.end))
        else {
            continue;
        };
        parts.push(html! { before.to_owned() });
        parts.push(html! { <mark class="evidence">{ inside.to_owned() }</mark> });
        at = mark.end;
    }
    parts.push(html! { text.get(at..within.end).unwrap_or_default().to_owned() });
    parts.into_iter().collect::<Html>()
}

#[component]
pub fn EventCell(props: &EventCellProps) -> Html {
    let article = &props.article;
    let text = article.analysis.text.as_str();
    let Some(row) = props.alignment.rows.get(props.row) else {
        return html! {};
    };
    let passages: &[_] = row
        .cells
        .get(props.column)
        .map_or(&[], |cell| cell.passages.as_slice());
    let mut class = classes!("event-cell");
    if props.is_start {
        class.push("is-start");
    }
    let shown = passages.iter().take(MAX_PASSAGES).map(|passage| {
        let marks: Vec<Span> = passage
            .evidence
            .iter()
            .flat_map(|evidence| evidence.spans.iter().copied())
            .collect();
        let labels: Vec<&str> = passage.evidence.iter().map(|e| e.label.as_str()).collect();
        let href = paragraph_href(&article.slug, props.layers.as_deref(), passage.paragraph);
        html! {
            <figure class="passage" id={passage_id(props.column, passage.paragraph)}>
                <blockquote>
                    <p>{ marked_text(text, passage.span, &marks) }</p>
                </blockquote>
                <figcaption>
                    <a {href}>
                        { format!("Paragraph {}", passage.paragraph + 1) }
                        <span class="visually-hidden">{ format!(" of {}, in the reader", article.title) }</span>
                    </a>
                    { format!(" · matched on: {}", labels.join(", ")) }
                </figcaption>
            </figure>
        }
    });
    let n_more = passages.len().saturating_sub(MAX_PASSAGES);
    let href = reader_href(&article.slug, props.layers.as_deref());
    // The cell is a group named by its event, so a row's cells can be found in every column.
    let heading_id = format!("event-{}-{}", props.column, props.row);
    html! {
        <div {class} role="group" aria-labelledby={heading_id.clone()}>
            <h3 class="event-cell-heading" id={heading_id}>{ &row.event.name }</h3>
            // On a phone the columns scroll sideways one at a time, so each cell says whose it is.
            <p class="event-cell-source">{ "In: " }<cite>{ &article.title }</cite></p>
            if row.origin == EventOrigin::Discovered {
                <p class="event-origin">{ "Found by Parallax in several articles; not in the curated catalogue." }</p>
            }
            if passages.is_empty() {
                <p class="not-covered">{ format!("Not covered by {}", article.title) }</p>
            } else {
                { for shown }
                if n_more > 0 {
                    <p class="more-passages">
                        <a {href}>
                            { format!("{n_more} more passage{} in the article", if n_more == 1 { "" } else { "s" }) }
                        </a>
                    </p>
                }
            }
        </div>
    }
}
