//! One problem the app reports in words: a bold lead saying what did not happen ("Not loaded: "),
//! then why. Not colour alone: the lead says it is a problem, the style only repeats it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProblemNoticeProps {
    /// What did not happen, e.g. "Not loaded: " (with its trailing space).
    pub lead: AttrValue,
    /// Why, in a sentence.
    pub text: AttrValue,
}

/// The paragraph of a problem, for a live region or alert that holds it.
#[component]
pub fn ProblemNotice(props: &ProblemNoticeProps) -> Html {
    html! {
        <p class="notice notice-error"><strong>{ props.lead.clone() }</strong>{ props.text.clone() }</p>
    }
}
