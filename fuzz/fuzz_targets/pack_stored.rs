//! Loading an old or foreign pack: any bytes read as a `StoredPack`, then `upgrade()`. Neither may
//! panic, and every article of an upgraded pack must keep the analysis's span invariant, since the
//! app slices the text with those spans.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::pack::StoredPack;

fuzz_target!(|data: &[u8]| {
    let Ok(stored) = serde_json::from_slice::<StoredPack>(data) else {
        return;
    };
    let Ok(pack) = stored.upgrade() else {
        return;
    };
    for article in &pack.articles {
        if let Err(problem) = parallax_fuzz::check_spans(&article.analysis) {
            panic!("article {:?} after upgrade: {problem}", article.slug);
        }
    }
});
