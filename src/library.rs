//! The teacher's library on this device: their own articles and the packs they loaded, kept in
//! `localStorage` under `parallax:library` as one pack, and the steps that bring files, pasted
//! text and pack files into it through the analyser.
//!
//! The library is stored with its analyses, so it shows at once on the next visit. When the stored
//! analyses come from an older engine (their version differs), the texts are analysed again in the
//! background. A stored value that cannot be read is moved aside to `parallax:library-unreadable`
//! rather than overwritten, and the teacher is told.

use std::cell::RefCell;
use std::rc::Rc;

use parallax_core::bundle;
use parallax_core::import::{self, Edits, Imported};
use parallax_core::pack::{Pack, PackArticle, StoredPack, PACK_VERSION};
use parallax_core::ANALYSIS_VERSION;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::analyser::Analyser;

/// Where the library is kept.
pub const LIBRARY_KEY: &str = "parallax:library";
/// Where an unreadable library is moved, so nothing the teacher made is overwritten.
pub const UNREADABLE_KEY: &str = "parallax:library-unreadable";
/// What browsers give a site's `localStorage`: about 5 MB, shared by everything Parallax saves.
pub const STORAGE_LIMIT_BYTES: usize = 5 * 1024 * 1024;

/// An empty library.
pub fn empty_library() -> Pack {
    Pack {
        version: PACK_VERSION,
        id: "library".to_owned(),
        title: "Your articles".to_owned(),
        description: String::new(),
        events: Default::default(),
        articles: Vec::new(),
        lessons: Vec::new(),
    }
}

/// What was found on the device.
pub enum Stored {
    /// Nothing yet.
    Nothing,
    /// A library whose analyses this engine wrote.
    Ready(Pack),
    /// A library from an older engine: its texts must be analysed again.
    Stale(StoredPack),
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the library. An unreadable value is moved to [`UNREADABLE_KEY`] and reported.
pub fn load() -> Result<Stored, String> {
    let Some(storage) = storage() else {
        return Ok(Stored::Nothing);
    };
    let Some(json) = storage.get_item(LIBRARY_KEY).ok().flatten() else {
        return Ok(Stored::Nothing);
    };
    if let Ok(pack) = serde_json::from_str::<Pack>(&json) {
        if pack.version == PACK_VERSION
            && pack
                .articles
                .iter()
                .all(|a| a.analysis.version == ANALYSIS_VERSION)
        {
            return Ok(Stored::Ready(pack));
        }
    }
    match bundle::read(&json) {
        Ok(stored) => Ok(Stored::Stale(stored)),
        Err(error) => {
            let _ = storage.set_item(UNREADABLE_KEY, &json);
            let _ = storage.remove_item(LIBRARY_KEY);
            Err(format!(
                "Your saved articles could not be read ({error}) They were set aside, not deleted; the privacy page's \"Clear my data\" removes them."
            ))
        }
    }
}

/// Where a saved library that could not be analysed again is kept, one key per library
/// (`…:1`, `…:2`, …), so that what the teacher saves next does not overwrite it. Each visit tries
/// them again once the library is read ([`set_aside_libraries`]), adds what it can to the library,
/// and removes the key of each one added.
pub const NOT_ANALYSED_PREFIX: &str = "parallax:library-not-analysed:";

/// Moves the saved library to the first free [`NOT_ANALYSED_PREFIX`] key; `false` when there is
/// nothing to move or the browser refused (the library then stays where it was).
pub fn set_aside_library() -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let Some(json) = storage.get_item(LIBRARY_KEY).ok().flatten() else {
        return false;
    };
    // A storage that cannot be read answers no key as free: the library then stays where it is.
    let Some(key) = (1..=1_000)
        .map(|n| format!("{NOT_ANALYSED_PREFIX}{n}"))
        .find(|key| matches!(storage.get_item(key), Ok(None)))
    else {
        return false;
    };
    if storage.set_item(&key, &json).is_err() {
        return false;
    }
    storage.remove_item(LIBRARY_KEY).is_ok()
}

/// The libraries set aside because they could not be analysed again: (key, pack file JSON), by key.
pub fn set_aside_libraries() -> Vec<(String, String)> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    let mut found: Vec<(String, String)> = (0..n)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(NOT_ANALYSED_PREFIX))
        .filter_map(|key| {
            let json = storage.get_item(&key).ok().flatten()?;
            Some((key, json))
        })
        .collect();
    parallax_core::sort::sort_by_key(&mut found, |(key, _)| {
        key[NOT_ANALYSED_PREFIX.len()..]
            .parse::<u64>()
            .unwrap_or(u64::MAX)
    });
    found
}

/// Forgets a set-aside library once it is in the library.
pub fn forget_set_aside(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Saves the library, or says why it could not be saved.
pub fn save(library: &Pack) -> Result<(), String> {
    let Some(storage) = storage() else {
        return Err("This browser does not let Parallax keep data on this device, so your articles last until the tab is closed.".to_owned());
    };
    let json = bundle::write(library);
    storage.set_item(LIBRARY_KEY, &json).map_err(|_| {
        format!(
            "Your articles could not be saved on this device: the browser's storage for Parallax (about {}) is full. They stay until the tab is closed; remove some articles, or download them as a pack.",
            import::megabytes(STORAGE_LIMIT_BYTES)
        )
    })
}

/// How much the library takes in storage, in bytes (UTF-16, as browsers count it).
pub fn stored_bytes() -> usize {
    storage()
        .and_then(|s| s.get_item(LIBRARY_KEY).ok().flatten())
        .map_or(0, |json| json.encode_utf16().count() * 2)
}

/// Puts a lesson the teacher wrote into the library: it replaces their lesson with the same id
/// (an edit), or is added after the others.
pub fn put_lesson(library: &mut Pack, lesson: parallax_core::lesson::Lesson) {
    match library.lessons.iter_mut().find(|l| l.id == lesson.id) {
        Some(existing) => *existing = lesson,
        None => library.lessons.push(lesson),
    }
}

/// Whether `id` is taken by a built-in or library lesson (other than `except`, the one being edited),
/// so a new lesson's id is made unique against both.
pub fn lesson_id_taken(seed: &Pack, library: &Pack, except: Option<&str>, id: &str) -> bool {
    Some(id) != except
        && (seed.lessons.iter().any(|l| l.id == id) || library.lessons.iter().any(|l| l.id == id))
}

/// Where the lesson editor keeps a lesson being written, so it survives a reload: one key per
/// draft, `parallax:lesson-draft:new`, `…:copy:<lesson id>` or `…:edit:<lesson id>`.
pub const DRAFT_KEY_PREFIX: &str = "parallax:lesson-draft:";

/// Reads a lesson draft. One that cannot be read is moved to `<key>:unreadable` (nothing typed is
/// overwritten) and `None` is returned, so the editor starts afresh.
pub fn load_draft(key: &str) -> Option<parallax_core::lesson::draft::LessonDraft> {
    let storage = storage()?;
    let json = storage.get_item(key).ok().flatten()?;
    match serde_json::from_str(&json) {
        Ok(draft) => Some(draft),
        Err(_) => {
            let _ = storage.set_item(&format!("{key}:unreadable"), &json);
            let _ = storage.remove_item(key);
            None
        }
    }
}

/// Keeps a lesson draft; `false` when the browser refused (storage blocked or full).
pub fn save_draft(key: &str, draft: &parallax_core::lesson::draft::LessonDraft) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    serde_json::to_string(draft)
        .ok()
        .is_some_and(|json| storage.set_item(key, &json).is_ok())
}

/// Forgets a lesson draft (it was saved as a lesson, or the teacher started again).
pub fn remove_draft(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Analyses every article of a checked pack file again and calls `done` with the current pack.
pub fn analyse_pack(analyser: &Analyser, stored: StoredPack, done: Callback<Result<Pack, String>>) {
    let StoredPack {
        id,
        title,
        description,
        events,
        articles,
        lessons,
        ..
    } = stored;
    let n_articles = articles.len();
    let shell = Pack {
        version: PACK_VERSION,
        id,
        title,
        description,
        events,
        articles: Vec::new(),
        lessons,
    };
    if n_articles == 0 {
        done.emit(Ok(shell));
        return;
    }
    type Slots = Vec<Option<Result<PackArticle, String>>>;
    let results: Rc<RefCell<Slots>> = Rc::new(RefCell::new(vec![None; n_articles]));
    let shell = Rc::new(RefCell::new(Some(shell)));
    for (index, article) in articles.into_iter().enumerate() {
        let text = bundle::source_text(&article);
        let article = RefCell::new(Some(article));
        let (results, shell, done) = (results.clone(), shell.clone(), done.clone());
        analyser.analyse(
            text,
            Callback::from(move |analysis: Result<parallax_core::Analysis, String>| {
                let Some(article) = article.borrow_mut().take() else {
                    return;
                };
                results.borrow_mut()[index] = Some(analysis.map(|a| bundle::rebuild(article, a)));
                if results.borrow().iter().all(Option::is_some) {
                    let Some(mut pack) = shell.borrow_mut().take() else {
                        return;
                    };
                    let mut articles = Vec::new();
                    for result in results.borrow_mut().drain(..).flatten() {
                        match result {
                            Ok(article) => articles.push(article),
                            Err(message) => {
                                done.emit(Err(message));
                                return;
                            }
                        }
                    }
                    pack.articles = articles;
                    done.emit(Ok(pack));
                }
            }),
        );
    }
}

/// Checks a pack file's text and analyses its articles; `done` gets the pack or the message.
pub fn load_pack_json(analyser: &Analyser, json: &str, done: Callback<Result<Pack, String>>) {
    match bundle::read(json) {
        Ok(stored) => analyse_pack(analyser, stored, done),
        Err(error) => done.emit(Err(error.to_string())),
    }
}

/// Analyses an imported source and makes it an article; `slug_hint` is checked for uniqueness
/// when the article is added.
pub fn analyse_imported(
    analyser: &Analyser,
    imported: Imported,
    fallback_title: String,
    edits: Edits,
    done: Callback<Result<PackArticle, String>>,
) {
    let text = imported.text.clone();
    analyser.analyse(
        text,
        Callback::from(move |analysis: Result<parallax_core::Analysis, String>| {
            done.emit(analysis.map(|analysis| {
                let title = edits
                    .title
                    .clone()
                    .or_else(|| imported.title.clone())
                    .or_else(|| analysis.metadata.title.clone())
                    .unwrap_or_else(|| fallback_title.clone());
                let slug = import::slug(&title, |_| false);
                import::to_article(&imported, analysis, slug, &fallback_title, &edits)
            }))
        }),
    );
}

/// The bytes of a chosen or dropped file.
pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "The file could not be read.".to_owned())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The text of a chosen file.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.".to_owned())?;
    text.as_string()
        .ok_or_else(|| "The file could not be read.".to_owned())
}

/// The files of a file list, in order.
pub fn files(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The `pack` parameter of the page's query string (`?pack=packs/class.json`), decoded.
pub fn pack_parameter(search: &str) -> Option<String> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "pack").then(|| {
            js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| value.to_owned())
        })
    })
}

/// Resolves `value` against the page and accepts it only on the page's own origin.
pub fn same_origin_url(value: &str, page: &str) -> Result<String, String> {
    let refused = || {
        format!("The pack at \u{201c}{value}\u{201d} was not loaded: Parallax loads packs only from the site it is served from, so a link cannot bring in someone else's content.")
    };
    let url = web_sys::Url::new_with_base(value, page).map_err(|_| refused())?;
    let base = web_sys::Url::new(page).map_err(|_| refused())?;
    if url.origin() != base.origin() || !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(refused());
    }
    Ok(url.href())
}

/// Fetches a same-origin pack file's text, refusing one larger than the pack limit
/// ([`bundle::MAX_BUNDLE_BYTES`]) before it is downloaded: by its `Content-Length` when the server
/// sends one, and otherwise (or when it is compressed) by counting the body as it arrives and
/// stopping at the limit, so a huge file is never held in memory.
pub async fn fetch_pack(url: &str) -> Result<String, String> {
    let failed = |detail: &str| format!("The pack at {url} could not be loaded ({detail}).");
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed("the network request failed"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!(
            "the server answered {}",
            response.status()
        )));
    }
    let stated = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<usize>().ok());
    if let Some(length) = stated {
        if let Err(error) = bundle::check_size(length) {
            // Not read: the body is dropped unread.
            if let Some(body) = response.body() {
                settle(body.cancel());
            }
            return Err(error.to_string());
        }
    }
    let body = response.body().ok_or_else(|| failed("no body"))?;
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| failed("no body"))?;
    let bytes = read_at_most(&reader, bundle::MAX_BUNDLE_BYTES)
        .await
        .map_err(|()| failed("the download stopped"))?;
    match bytes {
        Some(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        None => {
            settle(reader.cancel());
            Err(over_the_limit())
        }
    }
}

/// Lets a promise settle in the background, so a rejection is handled rather than reported as uncaught.
fn settle(promise: js_sys::Promise) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(promise).await;
    });
}

/// The refusal of a pack found to be over the limit while it was read (its size is unknown).
fn over_the_limit() -> String {
    format!(
        "This file is over {}; Parallax loads packs of up to {}. It was not read.",
        import::megabytes(bundle::MAX_BUNDLE_BYTES),
        import::megabytes(bundle::MAX_BUNDLE_BYTES)
    )
}

/// Reads a stream chunk by chunk: `Some(bytes)` when it ends within `limit` bytes, `None` as soon
/// as it goes past it (the rest is not read), `Err` when the stream fails.
async fn read_at_most(
    reader: &web_sys::ReadableStreamDefaultReader,
    limit: usize,
) -> Result<Option<Vec<u8>>, ()> {
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| ())?
            .unchecked_into();
        if chunk.get_done().unwrap_or(false) {
            return Ok(Some(bytes));
        }
        let value = chunk.get_value();
        let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() else {
            return Err(());
        };
        if bytes.len() + array.length() as usize > limit {
            return Ok(None);
        }
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
    }
}

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, contents: &str) -> Result<(), String> {
    let failed = || "The download could not be started.".to_owned();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    link.set_href(&url);
    link.set_download(file_name);
    // In the document while clicked, and the URL kept alive for a minute: Firefox starts the download
    // after the click returns, and a URL revoked at once cancels it.
    let body = document.body().ok_or_else(failed)?;
    let _ = body.append_child(&link);
    link.click();
    link.remove();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

/// The pack a teacher downloads: their library, and the built-in articles too when asked.
pub fn export(seed: &Pack, library: &Pack, title: &str, with_built_in: bool) -> Pack {
    let mut pack = if with_built_in {
        bundle::combine(seed, library)
    } else {
        library.clone()
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    pack.title = if title.is_empty() {
        "Your articles".to_owned()
    } else {
        title
    };
    pack.id = import::slug(&pack.title, |_| false);
    pack
}
