//! Start-up phases as User Timing measures (`performance.measure`), so a trace or Lighthouse's
//! "User Timing marks and measures" names the work on the page's thread. Nothing outside Wasm.

/// Runs `work` and records it as the measure `parallax:<name>`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let performance = web_sys::window().and_then(|window| window.performance());
        let (start, end) = (
            format!("parallax:{name}:start"),
            format!("parallax:{name}:end"),
        );
        if let Some(performance) = &performance {
            let _ = performance.mark(&start);
        }
        let value = work();
        if let Some(performance) = &performance {
            let _ = performance.mark(&end);
            let _ = performance.measure_with_start_mark_and_end_mark(
                &format!("parallax:{name}"),
                &start,
                &end,
            );
        }
        value
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        work()
    }
}
