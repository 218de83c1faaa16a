//! The analyser on any valid UTF-8: no panic, spans on char boundaries inside the text, deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        parallax_fuzz::check_analyze(text);
    }
});
