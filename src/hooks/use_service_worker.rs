//! The offline copy: registers `service-worker.js` (written into the release build by `cargo xtask build`)
//! and reports when a newer version of the app has been installed and is waiting to take over.
//!
//! The worker is registered from here rather than from the boot script so that the update prompt, which
//! has to follow the registration's state, lives in the same place as the registration.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::prelude::*;

/// The worker's URL relative to the page, so its scope is whatever folder the app is served from.
pub const WORKER_URL: &str = "./service-worker.js";

/// The message that asks a waiting worker to activate (the worker calls `skipWaiting`).
const SKIP_WAITING: &str = "SKIP_WAITING";

/// The browser's service-worker container, or `None` where there is none (an insecure origin, a
/// browser or mode without service workers).
pub fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(JsCast::unchecked_into)
}

type Listeners = Rc<RefCell<Vec<EventListener>>>;

/// Registers the worker once (release builds only: the development server has no worker file) and
/// returns whether an update is waiting, and a callback that activates it and reloads the page.
#[hook]
pub fn use_service_worker() -> (bool, Callback<()>) {
    let waiting = use_state(|| None::<ServiceWorker>);
    let listeners: Listeners = use_mut_ref(Vec::new);
    {
        let setter = waiting.setter();
        let listeners = listeners.clone();
        use_effect_with((), move |_| {
            if !cfg!(debug_assertions) {
                if let Some(container) = container() {
                    let listeners = listeners.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        // A refused registration (private mode, storage blocked) only means no offline copy.
                        if let Ok(value) = JsFuture::from(container.register(WORKER_URL)).await {
                            let registration: ServiceWorkerRegistration = value.unchecked_into();
                            watch(
                                registration,
                                Rc::new(move |w| setter.set(Some(w))),
                                &listeners,
                            );
                        }
                    });
                }
            }
            move || listeners.borrow_mut().clear()
        });
    }
    let apply = {
        let waiting = waiting.clone();
        Callback::from(move |_| match &*waiting {
            Some(worker)
                if !matches!(
                    worker.state(),
                    ServiceWorkerState::Activated | ServiceWorkerState::Redundant
                ) =>
            {
                let reload_when_active = {
                    let worker = worker.clone();
                    EventListener::new(&worker.clone(), "statechange", move |_| {
                        if worker.state() == ServiceWorkerState::Activated {
                            reload();
                        }
                    })
                };
                listeners.borrow_mut().push(reload_when_active);
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &SKIP_WAITING.into());
                if worker.post_message(&message).is_err() {
                    reload();
                }
            }
            // Already active (another tab took the update) or gone: a reload shows the newest version.
            _ => reload(),
        })
    };
    (waiting.is_some(), apply)
}

/// Calls `on_waiting` whenever a new version has installed while an older one is active: now, when the
/// worker installing right now finishes, and after any later update is found.
fn watch(
    registration: ServiceWorkerRegistration,
    on_waiting: Rc<dyn Fn(ServiceWorker)>,
    listeners: &Listeners,
) {
    let check: Rc<dyn Fn()> = {
        let registration = registration.clone();
        Rc::new(move || {
            if registration.active().is_some() {
                if let Some(worker) = registration.waiting() {
                    on_waiting(worker);
                }
            }
        })
    };
    check();
    let follow: Rc<dyn Fn(ServiceWorker)> = {
        let listeners = listeners.clone();
        Rc::new(move |worker: ServiceWorker| {
            let check = check.clone();
            let listener = EventListener::new(&worker, "statechange", move |_| check());
            listeners.borrow_mut().push(listener);
        })
    };
    if let Some(worker) = registration.installing() {
        follow(worker);
    }
    let on_update = {
        let target = registration.clone();
        EventListener::new(&target, "updatefound", move |_| {
            if let Some(worker) = registration.installing() {
                follow(worker);
            }
        })
    };
    listeners.borrow_mut().push(on_update);
}

fn reload() {
    let _ = gloo::utils::window().location().reload();
}
