//! The student's work in this browser: each lesson's answers in `localStorage` under
//! `parallax:work:<lesson id>`, saved as they change; plus the downloads, file reading and printing
//! the lesson page's export, import and worksheet need.
//!
//! What is stored is the JSON a student exports ([`crate::work::WorkFile`]), so a stored value and
//! an exported file are read by the same checks.

use std::rc::Rc;

use parallax_core::lesson::Lesson;
use parallax_core::pack::Pack;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::Shared;
use crate::work::{from_storage, to_json, LessonWork};

/// The storage key of a lesson's work.
pub fn storage_key(lesson_id: &str) -> String {
    format!("parallax:work:{lesson_id}")
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be refused (blocked site data, some private modes): the work then lasts the visit.
    gloo::utils::window().local_storage().ok().flatten()
}

/// What storage holds for a lesson.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Nothing (or storage is refused).
    Nothing,
    Work(LessonWork),
    /// Something that cannot be read as this lesson's work; [`save_work`] keeps it aside.
    Unreadable,
}

impl Stored {
    /// The work, or empty work when there is none that can be read.
    pub fn or_empty(self) -> LessonWork {
        match self {
            Stored::Work(work) => work,
            Stored::Nothing | Stored::Unreadable => LessonWork::default(),
        }
    }
}

/// The saved work of `lesson`.
pub fn load_work(pack: &Pack, lesson: &Lesson) -> Stored {
    let Some(storage) = storage() else {
        return Stored::Nothing;
    };
    match storage.get_item(&storage_key(&lesson.id)) {
        Ok(Some(text)) => {
            from_storage(pack, lesson, &text).map_or(Stored::Unreadable, Stored::Work)
        }
        Ok(None) | Err(_) => Stored::Nothing,
    }
}

/// Saves `work` for `lesson`; `false` when the browser refused.
pub fn save_work(pack: &Pack, lesson: &Lesson, work: &LessonWork) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let key = storage_key(&lesson.id);
    // Work that could not be read is kept beside the new work rather than silently replaced.
    if let Ok(Some(old)) = storage.get_item(&key) {
        if from_storage(pack, lesson, &old).is_none() {
            let _ = storage.set_item(&format!("{key}:unreadable"), &old);
        }
    }
    storage.set_item(&key, &to_json(pack, lesson, work)).is_ok()
}

/// Whether the last change reached storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed since the page opened.
    Loaded,
    /// The newest answers are stored on this device.
    Saved,
    /// The browser refused to store them.
    NotSaved,
    /// Something was stored for this lesson that could not be read; it is kept under another key.
    Unreadable,
}

impl SaveStatus {
    pub fn message(self) -> &'static str {
        match self {
            SaveStatus::Loaded => "Your answers are saved on this device as you work.",
            SaveStatus::Saved => "Saved on this device.",
            SaveStatus::NotSaved => "Not saved: this browser does not let Parallax store data. Download your work before you close the page.",
            SaveStatus::Unreadable => "Earlier work for this lesson could not be read; it is kept aside and your new answers are saved separately.",
        }
    }
}

/// The work of the lesson, how its saving went, and a callback that replaces it (and saves it).
pub struct StudentWork {
    /// `None` until storage has been read.
    pub work: Option<Rc<LessonWork>>,
    pub status: SaveStatus,
    pub on_change: Callback<LessonWork>,
}

/// The student's work on `lesson`, read from storage once and saved on every change.
#[hook]
pub fn use_student_work(pack: Shared<Pack>, lesson: Shared<Lesson>) -> StudentWork {
    let state = use_state(|| None::<(Rc<LessonWork>, SaveStatus)>);
    {
        let (state, pack, lesson) = (state.clone(), pack.clone(), lesson.clone());
        use_effect_with(lesson.id.clone(), move |_| {
            let stored = load_work(&pack, &lesson);
            let status = match stored {
                Stored::Unreadable => SaveStatus::Unreadable,
                Stored::Nothing | Stored::Work(_) => SaveStatus::Loaded,
            };
            let work = stored.or_empty();
            state.set(Some((Rc::new(work), status)));
        });
    }
    let on_change = {
        let state = state.clone();
        Callback::from(move |work: LessonWork| {
            let status = if save_work(&pack, &lesson, &work) {
                SaveStatus::Saved
            } else {
                SaveStatus::NotSaved
            };
            state.set(Some((Rc::new(work), status)));
        })
    };
    StudentWork {
        work: state.as_ref().map(|(work, _)| work.clone()),
        status: state
            .as_ref()
            .map_or(SaveStatus::Loaded, |(_, status)| *status),
        on_change,
    }
}

/// Every lesson's saved work (empty work for lessons without any), read once; `None` until read.
#[hook]
pub fn use_all_work(pack: Shared<Pack>) -> Option<Rc<Vec<LessonWork>>> {
    let state = use_state(|| None::<Rc<Vec<LessonWork>>>);
    {
        let state = state.clone();
        use_effect_with(pack, move |pack| {
            let all = pack
                .lessons
                .iter()
                .map(|lesson| load_work(pack, lesson).or_empty())
                .collect();
            state.set(Some(Rc::new(all)));
        });
    }
    (*state).clone()
}

/// Offers `contents` as a download named `file_name` (a Blob behind an object URL and a
/// temporary `<a download>`), which works offline and sends nothing anywhere.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&anchor)?;
    anchor.click();
    body.remove_child(&anchor)?;
    // Some browsers start reading the Blob only after the click's task: free the URL a little later.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 30_000)?;
    Ok(())
}

/// Reads a chosen file as text, unless it is larger than `max_bytes`: `(size, Some(text))`, or
/// `(size, None)` for a file too large to read (the caller says so without reading it).
pub async fn read_file(
    file: web_sys::File,
    max_bytes: u64,
) -> Result<(u64, Option<String>), String> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Ok((size, None));
    }
    let unreadable = || "This file could not be read. Try choosing it again.".to_owned();
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| unreadable())?;
    text.as_string()
        .map(|text| (size, Some(text)))
        .ok_or_else(unreadable)
}

/// Opens the browser's print dialogue (the lesson's print stylesheet shows the worksheet).
pub fn print() {
    let _ = gloo::utils::window().print();
}
