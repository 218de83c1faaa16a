//! The panel beside the text that explains the selected highlight: its kind, the words, the rule and why.

use yew::prelude::*;

use crate::components::annotated_paragraph::EXPLANATION_ID;
use crate::highlight::Highlight;

#[derive(Properties, PartialEq)]
pub struct ExplanationPanelProps {
    pub highlight: Option<Highlight>,
    /// The highlighted words, as they appear in the text.
    pub words: AttrValue,
    /// Heading level of the panel's title, so the outline stays in order wherever the reader sits.
    pub heading_level: u8,
    pub on_close: Callback<()>,
}

#[component]
pub fn ExplanationPanel(props: &ExplanationPanelProps) -> Html {
    let title = "About this highlight";
    let heading = if props.heading_level <= 2 {
        html! { <h2>{ title }</h2> }
    } else {
        html! { <h3>{ title }</h3> }
    };
    let on_close = props.on_close.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_close.emit(()));
    html! {
        <div class="explanation" id={EXPLANATION_ID} aria-live="polite">
            { heading }
            if let Some(highlight) = &props.highlight {
                <p class={classes!("explanation-kind", "hl", format!("hl-{}", highlight.layer.id))}>{ &highlight.layer.name }</p>
                <blockquote class="explanation-words">{ props.words.clone() }</blockquote>
                <dl class="explanation-facts">
                    <dt>{ "Rule" }</dt>
                    <dd>{ &highlight.rule }</dd>
                    <dt>{ "Why it matters" }</dt>
                    <dd>{ &highlight.explanation }</dd>
                </dl>
                <button type="button" class="button-quiet" {onclick}>{ "Close explanation" }</button>
            } else {
                <p class="explanation-empty">{ "Select a highlight in the text to see why it was flagged." }</p>
            }
        </div>
    }
}
