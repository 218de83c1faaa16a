//! The analyser: how the app analyses a text it did not ship with (a pasted or imported article).
//!
//! Pages get one with [`use_analyser`] and call [`Analyser::analyse`]; the result arrives later through
//! a callback, so the caller never waits on the engine and the page stays responsive.

use std::rc::Rc;

use parallax_core::Analysis;
use yew::prelude::*;

/// A handle to the analysis engine. Cheap to clone; two handles are equal when they share the engine.
#[derive(Clone)]
pub struct Analyser {
    inner: Rc<()>,
}

impl PartialEq for Analyser {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Analyser {
    /// Analyses `text` and calls `done` with the analysis, or with a sentence saying why it could not be
    /// analysed. `done` is always called exactly once, and never before this method returns.
    pub fn analyse(&self, text: String, done: Callback<Result<Analysis, String>>) {
        wasm_bindgen_futures::spawn_local(async move {
            done.emit(Ok(parallax_core::analyze(&text)));
        });
    }
}

/// The app's analyser, kept for the lifetime of the component that calls this hook.
#[hook]
pub fn use_analyser() -> Analyser {
    let analyser = use_memo((), |_| Analyser {
        inner: Rc::new(()),
    });
    (*analyser).clone()
}
