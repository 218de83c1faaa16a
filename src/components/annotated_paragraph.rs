//! One paragraph of article text with its highlights as focusable, labelled `<mark>`s.

use std::rc::Rc;

use yew::prelude::*;

use crate::highlight::{Highlight, Segment};
use crate::state::Shared;

/// The id of the explanation panel that the selected highlight is described by.
pub const EXPLANATION_ID: &str = "highlight-explanation";

#[derive(Properties, PartialEq)]
pub struct AnnotatedParagraphProps {
    /// The article's whole clean text; segments index into it.
    pub text: Shared<String>,
    pub segments: Rc<Vec<Segment>>,
    pub highlights: Shared<Vec<Highlight>>,
    /// The highlight whose explanation is open, if any.
    pub selected: Option<usize>,
    /// Called with a highlight index to open its explanation, or `None` to close it.
    pub on_select: Callback<Option<usize>>,
    /// The paragraph's number in the article, counted from 1: it gets the id [`paragraph_id`], the
    /// target of links such as the compare view's `#/read/<slug>?p=N`, and can take focus.
    #[prop_or_default]
    pub number: Option<usize>,
}

/// The element id of paragraph `number` (counted from 1) in the reader.
pub fn paragraph_id(number: usize) -> String {
    format!("paragraph-{number}")
}

#[component]
pub fn AnnotatedParagraph(props: &AnnotatedParagraphProps) -> Html {
    let text = props.text.as_str();
    let parts = props.segments.iter().map(|segment| {
        let part = segment.span.slice(text).to_owned();
        let Some(&innermost) = segment.highlights.last() else {
            return html! { part };
        };
        let highlights = &props.highlights;
        let mut class = classes!("hl");
        for &i in &segment.highlights {
            class.push(format!("hl-{}", highlights[i].layer.id));
        }
        if segment.highlights.len() > 1 {
            class.push("hl-nested");
        }
        if props.selected.is_some_and(|selected| segment.highlights.contains(&selected)) {
            class.push("hl-active");
        }
        // A highlight gets its visible label and its one tab stop where it begins.
        let starting = segment.starts.last().copied();
        let label = starting.map(|i| highlights[i].label.clone());
        let tabindex = starting.map(|_| "0");
        let described = props.selected.filter(|selected| Some(*selected) == starting).map(|_| EXPLANATION_ID);
        let on_select = props.on_select.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_select.emit(Some(innermost)));
        let on_select = props.on_select.clone();
        let onfocus = Callback::from(move |_: FocusEvent| {
            if let Some(i) = starting {
                on_select.emit(Some(i));
            }
        });
        let on_select = props.on_select.clone();
        let onkeydown = Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => on_select.emit(None),
            "Enter" | " " => {
                event.prevent_default();
                on_select.emit(starting.or(Some(innermost)));
            }
            _ => {}
        });
        html! {
            <mark {class} data-label={label} {tabindex} aria-describedby={described} {onclick} {onfocus} {onkeydown}>
                { part }
            </mark>
        }
    });
    // Focusable from script only (a link's target), never a tab stop of its own.
    let tabindex = props.number.map(|_| "-1");
    html! { <p id={props.number.map(paragraph_id)} {tabindex}>{ for parts }</p> }
}
