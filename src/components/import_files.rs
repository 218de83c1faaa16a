//! The file picker and drop zone of the import page: `.txt`, `.md` and saved `.html` pages, several
//! at once; each is read, checked and analysed, and one message says what was added and what not.
//! Size, binary and decoding checks run on the page's thread; turning the text into an article's
//! text (parsing a saved page, finding its article) and the analysis run in the analysis worker.

use std::cell::RefCell;
use std::rc::Rc;

use parallax_core::import::{self, Edits, Imported};
use parallax_core::pack::PackArticle;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::analyser::Analyser;
use crate::library;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ImportFilesProps {
    pub analyser: Analyser,
    pub on_library: Callback<Action>,
}

/// One batch of files: what came of each, reported together when the last one is done.
struct Batch {
    remaining: usize,
    added: Vec<PackArticle>,
    refused: Vec<String>,
    on_library: Callback<Action>,
}

impl Batch {
    fn done_one(batch: &Rc<RefCell<Batch>>, outcome: Result<PackArticle, String>) {
        let mut state = batch.borrow_mut();
        match outcome {
            Ok(article) => state.added.push(article),
            Err(message) => state.refused.push(message),
        }
        state.remaining -= 1;
        if state.remaining > 0 {
            return;
        }
        let added = std::mem::take(&mut state.added);
        if !added.is_empty() {
            state.on_library.emit(Action::AddArticles(added));
        }
        if !state.refused.is_empty() {
            let text = state.refused.join(" ");
            state.on_library.emit(Action::Notify { text, error: true });
        }
    }
}

/// Reads, checks and analyses every file; one message reports the batch.
pub fn import_files(files: Vec<web_sys::File>, analyser: Analyser, on_library: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    let n_files = files.len();
    on_library.emit(Action::Notify {
        text: if n_files == 1 {
            "Reading 1 file…".to_owned()
        } else {
            format!("Reading {n_files} files…")
        },
        error: false,
    });
    let batch = Rc::new(RefCell::new(Batch {
        remaining: n_files,
        added: Vec::new(),
        refused: Vec::new(),
        on_library,
    }));
    for file in files {
        let name = file.name();
        let (batch, analyser) = (batch.clone(), analyser.clone());
        let refuse = move |batch: &Rc<RefCell<Batch>>, why: String| {
            Batch::done_one(batch, Err(format!("\u{201c}{name}\u{201d}: {why}")))
        };
        // Refused from its size alone, before it is read.
        if let Err(refusal) = import::check_size(file.size() as usize, import::MAX_FILE_BYTES) {
            refuse(&batch, refusal.to_string());
            continue;
        }
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = match library::file_bytes(&file).await {
                Ok(bytes) => bytes,
                Err(why) => return refuse(&batch, why),
            };
            // The cheap checks run here, before anything is sent: the size read, and that it is text.
            if let Err(refusal) = import::check_size(bytes.len(), import::MAX_FILE_BYTES) {
                return refuse(&batch, refusal.to_string());
            }
            if let Some(what) = import::sniff_binary(&bytes) {
                return refuse(&batch, import::Refusal::Binary { what }.to_string());
            }
            let (text, note) = import::decode(&bytes);
            drop(bytes);
            // Parsing a saved page and finding its article runs in the worker, as the analysis does.
            let (batch2, analyser2, name) = (batch.clone(), analyser.clone(), file.name());
            analyser.import(
                name.clone(),
                text,
                Callback::from(move |result: Result<Imported, String>| {
                    let mut imported = match result {
                        Ok(imported) => imported,
                        Err(why) => return refuse(&batch2, why),
                    };
                    imported.notes.extend(note.clone());
                    let (batch3, refuse) = (batch2.clone(), refuse.clone());
                    library::analyse_imported(
                        &analyser2,
                        imported,
                        name.clone(),
                        Edits::default(),
                        Callback::from(move |result: Result<PackArticle, String>| match result {
                            Ok(article) => Batch::done_one(&batch3, Ok(article)),
                            Err(why) => refuse(&batch3, why),
                        }),
                    );
                }),
            );
        });
    }
}

#[component]
pub fn ImportFiles(props: &ImportFilesProps) -> Html {
    let over = use_state(|| false);
    let onchange = {
        let (analyser, on_library) = (props.analyser.clone(), props.on_library.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            import_files(
                library::files(input.files()),
                analyser.clone(),
                on_library.clone(),
            );
            // The same file can be chosen again after it was removed.
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (analyser, on_library, over) = (
            props.analyser.clone(),
            props.on_library.clone(),
            over.clone(),
        );
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            let files = event.data_transfer().and_then(|transfer| transfer.files());
            import_files(library::files(files), analyser.clone(), on_library.clone());
        })
    };
    let limit = format!(
        "Text (.txt), Markdown (.md) or a web page saved from the browser (.html: File › Save page as… › \"Web page, HTML only\"); up to {} each. From a page, only the article is kept: its menus, comments and share buttons are listed under \"Removed from the page\" in the reader.",
        import::megabytes(import::MAX_FILE_BYTES)
    );
    html! {
        <div class={classes!("import-files", over.then_some("import-files-over"))} {ondragover} {ondragleave} {ondrop}>
            <label for="import-file-input" class="import-files-label">{ "Choose files" }</label>
            <input
                id="import-file-input"
                type="file"
                multiple=true
                accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                aria-describedby="import-files-hint"
                {onchange}
            />
            <p class="hint" id="import-files-hint">{ limit }</p>
            <p class="import-drop-hint" aria-hidden="true">{ "…or drop files anywhere in this box." }</p>
        </div>
    }
}
