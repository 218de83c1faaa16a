//! Keeps the route and the URL hash in step: `hashchange` feeds the app, in-app steps update the address bar.

use gloo::events::EventListener;
use gloo::utils::window;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Route;
use crate::state::Arrival;

fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

/// Reads the hash at start-up and on every `hashchange` (links, Back, Forward) into `on_arrive`, and
/// writes `route` back to the address bar: a new history entry for in-app steps, and a replacement when
/// only the spelling differs (e.g. an empty hash becomes `#/`), so Back still leaves the page in one step.
#[hook]
pub fn use_hash_route(route: Option<Route>, arrival: Option<Arrival>, on_arrive: Callback<Route>) {
    use_effect_with((), move |_| {
        on_arrive.emit(current_route());
        let listener = EventListener::new(&window(), "hashchange", move |_| {
            on_arrive.emit(current_route())
        });
        move || drop(listener)
    });
    use_effect_with((route, arrival), |(route, arrival)| {
        let Some(route) = route else { return };
        let wanted = route.to_hash();
        let location = window().location();
        if location.hash().unwrap_or_default() == wanted {
            return;
        }
        // Failures here only leave the address bar stale; the view is already right, so they are ignored.
        if *arrival == Some(Arrival::InApp) {
            let _ = location.set_hash(&wanted);
        } else if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
        }
    });
}
