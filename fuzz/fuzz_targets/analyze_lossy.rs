//! The analyser on any bytes decoded the way a browser decodes a mislabelled file: invalid sequences
//! become U+FFFD. The same promises as `analyze_utf8`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz::check_analyze(&String::from_utf8_lossy(data));
});
