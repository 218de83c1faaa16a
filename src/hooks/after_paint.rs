//! Work that waits until the page has painted: the first screen first, then the rest.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Runs `work` in a task of its own after the browser's next paint (a timer set from an animation
/// frame), so the screen rendered now is shown before `work` occupies the page's thread.
pub fn after_paint(work: impl FnOnce() + 'static) {
    let frame = Closure::once_into_js(move || later(work));
    let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
}

/// Runs `work` in a task of its own, after whatever the page's thread is doing now (a 0 ms timer):
/// one long computation split in two lets the browser answer input in between.
pub fn later(work: impl FnOnce() + 'static) {
    let run = Closure::once_into_js(work);
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 0);
}
