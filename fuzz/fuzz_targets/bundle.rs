//! The teacher's pack file, as the app loads it (`src/library.rs`): `bundle::read` on any text, then
//! for each article `source_text`, a fresh analysis and `rebuild`, then `merge` into an empty library
//! and `combine` with an empty built-in pack. Nothing may panic; every rebuilt article must keep the
//! span invariant (the module promises a hand-edited file cannot point a highlight outside its text);
//! and what `write` saves must read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::bundle;
use parallax_core::pack::{Pack, StoredPack, PACK_VERSION};

fn empty(id: &str) -> Pack {
    Pack {
        version: PACK_VERSION,
        id: id.to_owned(),
        title: id.to_owned(),
        description: String::new(),
        events: Default::default(),
        articles: Vec::new(),
        lessons: Vec::new(),
    }
}

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let Ok(stored) = bundle::read(&json) else {
        return;
    };
    let StoredPack {
        id,
        title,
        description,
        events,
        articles,
        lessons,
        ..
    } = stored;
    let articles: Vec<_> = articles
        .into_iter()
        .map(|article| {
            let analysis = parallax_core::analyze(&bundle::source_text(&article));
            let rebuilt = bundle::rebuild(article, analysis);
            if let Err(problem) = parallax_fuzz::check_spans(&rebuilt.analysis) {
                panic!("article {:?} after rebuild: {problem}", rebuilt.slug);
            }
            rebuilt
        })
        .collect();
    let incoming = Pack {
        version: PACK_VERSION,
        id,
        title,
        description,
        events,
        articles,
        lessons,
    };
    let seed = empty("seed");
    let mut library = empty("library");
    let _ = bundle::merge(&seed, &mut library, incoming).sentence();
    let shown = bundle::combine(&seed, &library);
    let saved = bundle::write(&library);
    if let Err(error) = bundle::read(&saved) {
        panic!("a saved library does not read back: {error}");
    }
    drop(shown);
});
