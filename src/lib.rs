//! Parallax, the app: a Yew single-page app that shows how articles frame the same events.

use parallax_core::pack::Pack;
use yew::prelude::*;

/// The seed pack, built from `corpus/nato` by `build.rs` at compile time.
pub const SEED_PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

#[component]
pub fn App() -> Html {
    let pack: Pack = serde_json::from_str(SEED_PACK_JSON).expect("the build validated the seed pack");
    html! {
        <main>
            <h1>{ "Parallax" }</h1>
            <ul>{ for pack.articles.iter().map(|a| html! { <li>{ &a.title }</li> }) }</ul>
        </main>
    }
}
