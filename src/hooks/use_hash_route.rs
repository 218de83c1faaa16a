//! Keeps the route and the URL hash in step: `hashchange` feeds the app, in-app steps update the address bar.

use gloo::events::EventListener;
use gloo::utils::window;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::route::Route;
use crate::state::Arrival;

/// The route the address bar names now (the app's starting point).
pub fn current_route() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}

thread_local! {
    /// Hashes the app itself wrote whose `hashchange` has not arrived yet. The event is queued, so
    /// by the time it fires the app may have moved on (two quick clicks): an event for a hash the app
    /// wrote says nothing new and must not pull the route back.
    static WRITTEN: std::cell::RefCell<Vec<Route>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether a `hashchange` to `new_url` is the echo of a hash the app wrote (and forgets it if so).
fn is_echo(new_url: &str) -> bool {
    let hash = new_url.split_once('#').map_or("", |(_, hash)| hash);
    let route = Route::from_hash(hash);
    WRITTEN.with(|written| {
        let mut written = written.borrow_mut();
        match written.iter().position(|w| *w == route) {
            Some(at) => {
                written.drain(..=at);
                true
            }
            None => false,
        }
    })
}

/// Reads the hash at start-up and on every `hashchange` (links, Back, Forward) into `on_arrive`, and
/// writes `route` back to the address bar: a new history entry for in-app steps, and a replacement when
/// only the spelling differs (e.g. an empty hash becomes `#/`), so Back still leaves the page in one step.
#[hook]
pub fn use_hash_route(route: Option<Route>, arrival: Option<Arrival>, on_arrive: Callback<Route>) {
    use_effect_with((), move |_| {
        // Echoes belong to the app that wrote them; a new app (or a remount) starts with none.
        WRITTEN.with(|written| written.borrow_mut().clear());
        on_arrive.emit(current_route());
        let listener = EventListener::new(&window(), "hashchange", move |event| {
            let new_url = event
                .dyn_ref::<web_sys::HashChangeEvent>()
                .map(|event| event.new_url());
            if new_url.is_some_and(|url| is_echo(&url)) {
                return;
            }
            on_arrive.emit(current_route())
        });
        move || {
            drop(listener);
            WRITTEN.with(|written| written.borrow_mut().clear());
        }
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
            WRITTEN.with(|written| {
                let mut written = written.borrow_mut();
                // Every write is echoed once; the cap only guards against an echo that never comes.
                if written.len() >= 16 {
                    written.remove(0);
                }
                written.push(route.clone());
            });
            let _ = location.set_hash(&wanted);
        } else if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&wanted));
        }
    });
}
