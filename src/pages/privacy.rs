//! What Parallax stores on this device. (Placeholder while the privacy page is built.)

use yew::prelude::*;

#[component]
pub fn PrivacyPage() -> Html {
    html! { <h1>{ "Privacy" }</h1> }
}
