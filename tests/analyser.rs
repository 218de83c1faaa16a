//! The app's side of the analysis worker in a real browser: requests wait for the worker, answers find
//! their callers, and every failure becomes a sentence. The workers here are small scripts speaking the
//! protocol (`parallax::analyser::protocol`), so each failure can be staged; the real worker is
//! exercised end to end in `tests/e2e/analyser.test.mjs`, and its logic natively in the protocol's tests.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use parallax::analyser::protocol::{self, Outcome, Reply};
use parallax::analyser::{Analyser, CANCELLED, NOT_LOADED, STOPPED};
use parallax_core::Analysis;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// A worker script in a blob URL: `on_request` is the body of a function of `request` (the parsed
/// JSON) that calls `reply(value)`; the worker says Ready after `ready_after_ms`.
fn fake_worker(ready_after_ms: u32, on_request: &str) -> String {
    let source = format!(
        "const reply = (value) => postMessage(JSON.stringify(value));\n\
         onmessage = (event) => {{ const request = JSON.parse(event.data); {on_request} }};\n\
         setTimeout(() => postMessage('\"Ready\"'), {ready_after_ms});\n"
    );
    blob_url(&source)
}

fn blob_url(source: &str) -> String {
    let parts = js_sys::Array::of1(&source.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

type Answers<T> = Rc<RefCell<Vec<Result<T, String>>>>;

fn collect<T: 'static>() -> (Answers<T>, Callback<Result<T, String>>) {
    let answers: Answers<T> = Rc::default();
    let sink = answers.clone();
    (
        answers,
        Callback::from(move |answer| sink.borrow_mut().push(answer)),
    )
}

/// Yields to the event loop until `ready` holds; fails with `what` if it never does.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..500 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("gave up waiting for {what}");
}

#[wasm_bindgen_test]
async fn answers_reach_their_callers_intact_even_when_sent_before_the_worker_is_ready() {
    let text = "Budget vote delayed\n\n\"We need more time,\" said council leader Ana Costa.";
    let analysis = parallax_core::analyze(text);
    // The worker answers the first request with the real analysis and the others with their text.
    let reply_ok = protocol::encode(&Reply::Done {
        id: 1,
        result: Ok(Outcome::Analysis(Box::new(analysis.clone()))),
    });
    let url = fake_worker(
        100,
        &format!(
            "if (request.id === 1) {{ postMessage({reply_ok:?}); }} \
             else {{ reply({{ Done: {{ id: request.id, result: {{ Err: 'echo ' + request.job.Analyse }} }} }}); }}"
        ),
    );
    let analyser = Analyser::with_loader(url);
    let (answers, done) = collect::<Analysis>();
    analyser.analyse(text.to_owned(), done.clone());
    analyser.analyse("second".to_owned(), done.clone());
    analyser.analyse("third".to_owned(), done);
    assert!(
        answers.borrow().is_empty(),
        "answers never arrive inside the call"
    );
    assert_eq!(analyser.waiting(), 3);
    until("three answers", || answers.borrow().len() == 3).await;
    assert_eq!(
        *answers.borrow(),
        vec![
            Ok(analysis),
            Err("echo second".to_owned()),
            Err("echo third".to_owned())
        ]
    );
    assert_eq!(analyser.waiting(), 0);
}

#[wasm_bindgen_test]
async fn a_worker_that_cannot_be_fetched_is_a_sentence() {
    let analyser = Analyser::with_loader("./no-such-worker-loader.js");
    let (answers, done) = collect::<Analysis>();
    analyser.analyse("Some text.".to_owned(), done);
    until("the answer", || !answers.borrow().is_empty()).await;
    assert_eq!(*answers.borrow(), vec![Err(NOT_LOADED.to_owned())]);
}

#[wasm_bindgen_test]
async fn an_engine_that_fails_to_start_is_a_sentence_and_the_next_request_tries_again() {
    // What the loader posts when the engine's Wasm cannot be fetched or compiled.
    let loader = blob_url("postMessage('\"LoadFailed\"');");
    let analyser = Analyser::with_loader(loader);
    let (answers, done) = collect::<Analysis>();
    analyser.analyse("One.".to_owned(), done.clone());
    analyser.analyse("Two.".to_owned(), done.clone());
    until("both answers", || answers.borrow().len() == 2).await;
    assert_eq!(
        *answers.borrow(),
        vec![Err(NOT_LOADED.to_owned()), Err(NOT_LOADED.to_owned())]
    );
    assert_eq!(analyser.waiting(), 0);
    // A new request starts a new worker (which fails the same way here) rather than waiting forever.
    analyser.analyse("Three.".to_owned(), done);
    until("the third answer", || answers.borrow().len() == 3).await;
    assert_eq!(answers.borrow()[2], Err(NOT_LOADED.to_owned()));
}

#[wasm_bindgen_test]
async fn a_worker_that_stops_mid_job_is_a_sentence() {
    let url = fake_worker(0, "throw new Error('the engine trapped');");
    let analyser = Analyser::with_loader(url);
    let (answers, done) = collect::<Analysis>();
    analyser.analyse("Text.".to_owned(), done);
    until("the answer", || !answers.borrow().is_empty()).await;
    assert_eq!(*answers.borrow(), vec![Err(STOPPED.to_owned())]);
}

#[wasm_bindgen_test]
async fn a_garbled_answer_and_a_cancel_are_sentences() {
    let url = fake_worker(0, "postMessage('{\"Done\": 42}');");
    let analyser = Analyser::with_loader(url);
    let (answers, done) = collect::<Analysis>();
    analyser.analyse("Text.".to_owned(), done);
    until("the answer", || !answers.borrow().is_empty()).await;
    assert_eq!(*answers.borrow(), vec![Err(protocol::GARBLED.to_owned())]);

    // A worker that never answers: cancelling tells the caller at once.
    let analyser = Analyser::with_loader(fake_worker(0, ""));
    let (answers, done) = collect::<Analysis>();
    let ticket = analyser.analyse("Text.".to_owned(), done);
    analyser.cancel(ticket);
    assert_eq!(
        *answers.borrow(),
        vec![Err(
            "The analysis was cancelled before it finished.".to_owned()
        )]
    );
    assert_eq!(analyser.waiting(), 0);
}

#[wasm_bindgen_test]
async fn cancelling_a_request_the_worker_has_not_been_given_leaves_the_others_alone() {
    // Not ready for 200 ms: both requests wait in the page's queue when one is cancelled.
    let url = fake_worker(
        200,
        "reply({ Done: { id: request.id, result: { Err: 'echo ' + request.job.Analyse } } });",
    );
    let analyser = Analyser::with_loader(url);
    let (answers, done) = collect::<Analysis>();
    analyser.analyse("one".to_owned(), done.clone());
    let two = analyser.analyse("two".to_owned(), done.clone());
    analyser.analyse("three".to_owned(), done);
    analyser.cancel(two);
    assert_eq!(*answers.borrow(), vec![Err(CANCELLED.to_owned())]);
    assert_eq!(analyser.waiting(), 2);
    until("the other answers", || answers.borrow().len() == 3).await;
    assert_eq!(
        *answers.borrow(),
        vec![
            Err(CANCELLED.to_owned()),
            Err("echo one".to_owned()),
            Err("echo three".to_owned())
        ]
    );
    assert_eq!(analyser.waiting(), 0);
}

#[wasm_bindgen_test]
async fn cancelling_a_request_the_worker_may_be_working_on_restarts_the_others_on_a_fresh_worker() {
    // "slow" is answered after 300 ms, "stuck" never (as a long text would be, for a while). Each
    // answer says how many requests the worker that sent it had received: the worker stopped to
    // cancel "stuck" had received two, a fresh one only the request sent to it again.
    let url = fake_worker(
        0,
        "self.seen = (self.seen || 0) + 1;          if (request.job.Analyse === 'slow') {            setTimeout(() => reply({ Done: { id: request.id, result: { Err: 'slow, seen ' + self.seen } } }), 300);          }",
    );
    let analyser = Analyser::with_loader(url);
    let (answers, done) = collect::<Analysis>();
    let slow = analyser.analyse("slow".to_owned(), done.clone());
    let stuck = analyser.analyse("stuck".to_owned(), done);
    // Both are given to the worker once it says it is ready.
    until("the worker ready", || analyser.ready()).await;
    assert!(answers.borrow().is_empty());
    analyser.cancel(stuck);
    assert_eq!(*answers.borrow(), vec![Err(CANCELLED.to_owned())]);
    assert_eq!(analyser.waiting(), 1, "the slow request is still waiting");
    until("the slow answer", || answers.borrow().len() == 2).await;
    assert_eq!(
        answers.borrow()[1],
        Err("slow, seen 1".to_owned()),
        "answered by a fresh worker given only the slow request"
    );
    assert_eq!(analyser.waiting(), 0);
    // A ticket already answered is ignored (a cancel answers at once, so nothing can come later).
    analyser.cancel(slow);
    analyser.cancel(stuck);
    assert_eq!(answers.borrow().len(), 2);
    assert_eq!(analyser.waiting(), 0);
}
