//! The site footer: what Parallax is and the promise that nothing leaves the device.

use yew::prelude::*;

#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="site-footer">
            <p>
                { "Parallax shows how articles frame the same events differently. " }
                { "It runs entirely in your browser: nothing you read or paste leaves this device." }
            </p>
            <p><a href="#/privacy">{ "Privacy: what is stored on this device" }</a></p>
        </footer>
    }
}
