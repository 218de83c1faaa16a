//! Loading a current pack: any bytes read as a `Pack` must not panic, its version check must not
//! panic, and a pack that loads must survive a JSON round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::pack::Pack;

fuzz_target!(|data: &[u8]| {
    let Ok(pack) = serde_json::from_slice::<Pack>(data) else {
        return;
    };
    let _ = pack.check_version();
    let json = serde_json::to_string(&pack).expect("a loaded pack serializes");
    let again: Pack = serde_json::from_str(&json).expect("a serialized pack loads");
    assert!(again == pack, "the pack changed in a JSON round trip");
});
