//! The analyser: how the app analyses a text it did not ship with (a pasted or imported article).
//!
//! Pages get one with [`use_analyser`] and call [`Analyser::analyse`] (or [`Analyser::upgrade`] for a
//! pack file an older engine analysed); the result arrives later through a callback. The engine runs
//! in a Web Worker (`src/bin/analyse_worker.rs`), so a long text never freezes the page, and the app's
//! own Wasm carries no analysis code: the seed pack was analysed at build time.
//!
//! The worker is started on the first request, not on page load, and stopped when the last handle
//! is dropped. Its files have content-hashed names; `index.html` names the loader in
//! `<meta name="parallax-analyser" content="…">`, the one place that always has the current name.
//! If the worker fails (its files cannot be fetched, or it stops), every waiting caller gets a
//! sentence saying so and the next request starts a fresh worker.
//!
//! Every request returns a [`Ticket`], and [`Analyser::cancel`] cancels that request alone. A request
//! the worker has not been given yet is simply dropped; one it has been given may be the one it is
//! working on, so the worker is stopped and the other requests go, in their order, to a fresh one
//! (a teacher cancelling a pasted text never cancels the library being analysed again meanwhile).

pub mod protocol;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use parallax_core::import::Imported;
use parallax_core::pack::Pack;
use parallax_core::Analysis;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::prelude::*;

use protocol::{Job, Outcome, Reply, Request};

/// What the caller hears when the worker cannot be started or fetched.
pub const NOT_LOADED: &str =
    "The analysis engine could not be loaded. Check the connection and try again.";
/// What the caller of a cancelled request hears.
pub const CANCELLED: &str = "The analysis was cancelled before it finished.";
/// What the caller hears when the worker stopped in the middle of a job.
pub const STOPPED: &str =
    "The analysis engine stopped before it finished. Try again, or try a shorter text.";

/// A handle to the analysis engine. Cheap to clone; two handles are equal when they share the engine.
#[derive(Clone)]
pub struct Analyser {
    engine: Rc<Engine>,
}

impl PartialEq for Analyser {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine)
    }
}

impl std::fmt::Debug for Analyser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyser")
            .field("waiting", &self.waiting())
            .finish()
    }
}

/// One request to the analyser, for cancelling it ([`Analyser::cancel`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ticket(u32);

impl Analyser {
    /// A handle whose worker is started from the loader at `loader_url` (relative to the page).
    /// [`use_analyser`] reads the URL from the page; tests may point elsewhere.
    pub fn with_loader(loader_url: impl Into<String>) -> Analyser {
        Analyser {
            engine: Rc::new(Engine {
                loader_url: loader_url.into(),
                next_id: Cell::new(1),
                running: RefCell::new(None),
            }),
        }
    }

    /// Analyses `text` and calls `done` with the analysis, or with a sentence saying why it could not be
    /// analysed. `done` is always called exactly once, and never before this method returns.
    pub fn analyse(&self, text: String, done: Callback<Result<Analysis, String>>) -> Ticket {
        self.send(Job::Analyse(text), Waiting::Analysis(done))
    }

    /// Reads a pack file (JSON) of any loadable version and re-analyses its articles with the current
    /// engine, off the page's thread; `done` gets the current pack or a sentence saying why not.
    /// (A pack of the current version needs no engine: deserialize it as a `Pack` directly.)
    pub fn upgrade(&self, pack_json: String, done: Callback<Result<Pack, String>>) -> Ticket {
        self.send(Job::Upgrade(pack_json), Waiting::Pack(done))
    }

    /// Turns a file's decoded text into an article's text by its kind, off the page's thread (a saved
    /// web page is parsed and its article extracted there): `done` gets the imported source, with
    /// what was removed and why, or the sentence saying why it cannot be imported.
    pub fn import(
        &self,
        name: String,
        text: String,
        done: Callback<Result<Imported, String>>,
    ) -> Ticket {
        self.send(Job::Import { name, text }, Waiting::Imported(done))
    }

    /// Whether a worker is running and has said it is ready: every request sent so far has then been
    /// given to it.
    pub fn ready(&self) -> bool {
        self.engine
            .running
            .borrow()
            .as_ref()
            .is_some_and(|running| running.ready)
    }

    /// How many requests are waiting for their answer.
    pub fn waiting(&self) -> usize {
        self.engine
            .running
            .borrow()
            .as_ref()
            .map_or(0, |running| running.waiting.len())
    }

    /// Cancels one request: its caller is told, at once, that the analysis was cancelled; every other
    /// request goes on (to a fresh worker if the worker had to be stopped). A ticket already answered
    /// is ignored.
    pub fn cancel(&self, ticket: Ticket) {
        Engine::cancel(&self.engine, ticket.0);
    }

    fn send(&self, job: Job, waiting: Waiting) -> Ticket {
        let engine = &self.engine;
        let id = engine.next_id.get();
        engine.next_id.set(id.wrapping_add(1).max(1));
        let message = protocol::encode(&Request { id, job });
        if engine.running.borrow().is_none() {
            match Engine::start(engine) {
                Ok(running) => *engine.running.borrow_mut() = Some(running),
                Err(()) => {
                    // Answer later, as promised, not inside this call.
                    wasm_bindgen_futures::spawn_local(async move {
                        waiting.answer(Err(NOT_LOADED.to_owned()))
                    });
                    return Ticket(id);
                }
            }
        }
        let mut running = engine.running.borrow_mut();
        let running = running.as_mut().expect("started above");
        if running.ready {
            post(&running.worker, &message);
        } else {
            running.queue.push(id);
        }
        running.waiting.insert(id, Pending { message, waiting });
        Ticket(id)
    }
}

/// The app's analyser, kept for the lifetime of the component that calls this hook. Its worker starts
/// on the first request.
#[hook]
pub fn use_analyser() -> Analyser {
    let analyser = use_memo((), |_| Analyser::with_loader(loader_url()));
    (*analyser).clone()
}

/// Where `index.html` says the worker's loader is (the release build writes its hashed name there).
fn loader_url() -> String {
    gloo::utils::document()
        .query_selector("meta[name=\"parallax-analyser\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "./analyse-worker-loader.js".to_owned())
}

/// A request sent and not yet answered: its message is kept, to be sent again to a fresh worker if
/// the worker is stopped to cancel another request.
struct Pending {
    message: String,
    waiting: Waiting,
}

enum Waiting {
    Analysis(Callback<Result<Analysis, String>>),
    Pack(Callback<Result<Pack, String>>),
    Imported(Callback<Result<Imported, String>>),
}

impl Waiting {
    fn answer(self, result: Result<Outcome, String>) {
        match (self, result) {
            (Waiting::Analysis(done), Ok(Outcome::Analysis(analysis))) => done.emit(Ok(*analysis)),
            (Waiting::Pack(done), Ok(Outcome::Pack(pack))) => done.emit(Ok(pack)),
            (Waiting::Imported(done), Ok(Outcome::Imported(imported))) => done.emit(Ok(*imported)),
            (Waiting::Analysis(done), Ok(_)) => done.emit(Err(protocol::GARBLED.to_owned())),
            (Waiting::Pack(done), Ok(_)) => done.emit(Err(protocol::GARBLED.to_owned())),
            (Waiting::Imported(done), Ok(_)) => done.emit(Err(protocol::GARBLED.to_owned())),
            (Waiting::Analysis(done), Err(message)) => done.emit(Err(message)),
            (Waiting::Pack(done), Err(message)) => done.emit(Err(message)),
            (Waiting::Imported(done), Err(message)) => done.emit(Err(message)),
        }
    }
}

struct Engine {
    loader_url: String,
    next_id: Cell<u32>,
    running: RefCell<Option<Running>>,
}

/// A started worker, the requests it has not answered, and those it cannot take yet (by id, in order).
struct Running {
    worker: Worker,
    ready: bool,
    queue: Vec<u32>,
    waiting: HashMap<u32, Pending>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Engine {
    fn start(engine: &Rc<Engine>) -> Result<Running, ()> {
        let worker = Worker::new(&engine.loader_url).map_err(|_| ())?;
        let weak = Rc::downgrade(engine);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(engine) = weak.upgrade() {
                Engine::receive(&engine, event.data().as_string().unwrap_or_default());
            }
        });
        let weak = Rc::downgrade(engine);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled here: the caller gets a sentence instead of an uncaught error in the console.
            event.prevent_default();
            if let Some(engine) = weak.upgrade() {
                let message = if engine.running.borrow().as_ref().is_some_and(|r| r.ready) {
                    STOPPED
                } else {
                    NOT_LOADED
                };
                Engine::fail(&engine, message);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running {
            worker,
            ready: false,
            queue: Vec::new(),
            waiting: HashMap::new(),
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    fn receive(engine: &Rc<Engine>, json: String) {
        match protocol::decode_reply(&json) {
            Ok(Reply::Ready) => {
                let mut running = engine.running.borrow_mut();
                if let Some(running) = running.as_mut() {
                    running.ready = true;
                    for id in std::mem::take(&mut running.queue) {
                        if let Some(pending) = running.waiting.get(&id) {
                            post(&running.worker, &pending.message);
                        }
                    }
                }
            }
            Ok(Reply::LoadFailed) => Engine::fail(engine, NOT_LOADED),
            Ok(Reply::Done { id, result }) => {
                let waiting = engine
                    .running
                    .borrow_mut()
                    .as_mut()
                    .and_then(|running| running.waiting.remove(&id));
                // Answered with no borrow held: the callback may well send the next request.
                if let Some(pending) = waiting {
                    pending.waiting.answer(result);
                }
            }
            Err(message) => Engine::fail(engine, &message),
        }
    }

    /// Stops the worker and tells everyone waiting why; the next request starts a fresh worker.
    fn fail(engine: &Rc<Engine>, message: &str) {
        for (_, pending) in Engine::stop(engine) {
            pending.waiting.answer(Err(message.to_owned()));
        }
    }

    /// Stops the worker, if one runs, and returns the requests it had not answered, in their order.
    fn stop(engine: &Rc<Engine>) -> Vec<(u32, Pending)> {
        let Some(running) = engine.running.borrow_mut().take() else {
            return Vec::new();
        };
        let Running {
            worker,
            waiting,
            _on_message,
            _on_error,
            ..
        } = running;
        worker.set_onmessage(None);
        worker.set_onerror(None);
        worker.terminate();
        // This may run inside one of the handlers: drop them after it has returned.
        wasm_bindgen_futures::spawn_local(async move {
            drop((_on_message, _on_error));
        });
        let mut waiting: Vec<_> = waiting.into_iter().collect();
        // Ids wrap after 2^32 requests; within one worker's life they are in order.
        parallax_core::sort::sort_by_key(&mut waiting, |(id, _)| *id);
        waiting
    }

    /// Cancels request `id` alone (see [`Analyser::cancel`]).
    fn cancel(engine: &Rc<Engine>, id: u32) {
        let (cancelled, posted) = {
            let mut running = engine.running.borrow_mut();
            let Some(running) = running.as_mut() else {
                return;
            };
            let Some(cancelled) = running.waiting.remove(&id) else {
                return;
            };
            let queued = running.queue.iter().position(|queued| *queued == id);
            if let Some(index) = queued {
                // Not given to the worker yet: nothing to stop.
                running.queue.remove(index);
            }
            (cancelled, queued.is_none())
        };
        if posted {
            // The worker may be working on it: stop it, and give the others to a fresh one.
            let others = Engine::stop(engine);
            if !others.is_empty() {
                match Engine::start(engine) {
                    Ok(mut running) => {
                        for (other, pending) in others {
                            running.queue.push(other);
                            running.waiting.insert(other, pending);
                        }
                        *engine.running.borrow_mut() = Some(running);
                    }
                    Err(()) => {
                        for (_, pending) in others {
                            pending.waiting.answer(Err(NOT_LOADED.to_owned()));
                        }
                    }
                }
            }
        }
        cancelled.waiting.answer(Err(CANCELLED.to_owned()));
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Some(running) = self.running.get_mut().take() {
            running.worker.terminate();
        }
    }
}

fn post(worker: &Worker, message: &str) {
    // Posting a string to a live worker cannot fail (it is always cloneable).
    let _ = worker.post_message(&JsValue::from_str(message));
}
