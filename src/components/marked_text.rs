//! Text with some ranges marked (search matches), rendered as text nodes and `<mark>` elements only.

use parallax_core::Span;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    pub text: AttrValue,
    /// Sorted, non-overlapping byte ranges of `text` on char boundaries; any others are skipped.
    #[prop_or_default]
    pub marks: Vec<Span>,
}

#[component]
pub fn MarkedText(props: &MarkedTextProps) -> Html {
    let text = props.text.as_str();
    let mut pieces: Vec<Html> = Vec::with_capacity(props.marks.len() * 2 + 1);
    let mut at = 0;
    for mark in &props.marks {
        // A range that is out of order or not on char boundaries would panic when sliced.
        let valid = at <= mark.start
            && mark.start < mark.end
            && text.is_char_boundary(mark.start)
            && text.is_char_boundary(mark.end)
            && mark.end <= text.len();
        if !valid {
            continue;
        }
        if at < mark.start {
            pieces.push(html! { { &text[at..mark.start] } });
        }
        pieces.push(html! { <mark class="search-hit">{ &text[mark.start..mark.end] }</mark> });
        at = mark.end;
    }
    if at < text.len() {
        pieces.push(html! { { &text[at..] } });
    }
    html! { <>{ for pieces }</> }
}
