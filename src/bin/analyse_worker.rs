//! The analysis worker: runs the analysis engine off the page's thread.
//!
//! Trunk builds this binary as a Web Worker (`data-type="worker"` in `index.html`); the loader
//! `assets/analyse-worker-loader.js` starts it. It answers each message with
//! [`parallax::analyser::protocol::handle`] and says `Ready` once it listens.

#[cfg(target_arch = "wasm32")]
fn main() {
    use parallax::analyser::protocol::{self, Reply};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let reply = protocol::handle(&request);
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&protocol::encode(&Reply::Ready)));
}

/// The worker only exists in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("analyse-worker runs only as a Web Worker in the browser");
    std::process::exit(2);
}
