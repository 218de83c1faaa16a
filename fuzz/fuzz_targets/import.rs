//! Importing a file, as the app does (`src/library.rs`): the first byte picks the file's name
//! (`.html`, `.md`, `.txt` or none), the rest is its content. `import::read_file`, then a fresh
//! analysis, a slug and `to_article`. Nothing may panic; the article must keep the span invariant;
//! the slug must be non-empty lower-case ASCII letters, digits and hyphens.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::import::{self, Edits};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = ["page.html", "notes.md", "article.txt", "upload"][usize::from(selector % 4)];
    let Ok(imported) = import::read_file(name, bytes) else {
        return;
    };
    let analysis = parallax_core::analyze(&imported.text);
    let title = imported
        .title
        .clone()
        .or_else(|| analysis.metadata.title.clone())
        .unwrap_or_else(|| name.to_owned());
    let slug = import::slug(&title, |_| false);
    assert!(
        !slug.is_empty()
            && slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "slug {slug:?} from title {title:?}"
    );
    let article = import::to_article(&imported, analysis, slug, name, &Edits::default());
    if let Err(problem) = parallax_fuzz::check_spans(&article.analysis) {
        panic!("imported {name}: {problem}");
    }
});
