//! Loading a search index file: any bytes read with `SearchIndex::from_bytes` must not panic; an index
//! that loads answers queries without panicking and survives a byte round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::search::SearchIndex;

fuzz_target!(|data: &[u8]| {
    let Ok(index) = SearchIndex::from_bytes(data) else {
        return;
    };
    for query in ["a", "nato sphere", "\"sphere of\" influ", "-x y*"] {
        let _ = index.search_text(query);
    }
    let again = SearchIndex::from_bytes(&index.to_bytes()).expect("a written index reads back");
    assert!(again == index, "the index changed in a byte round trip");
});
