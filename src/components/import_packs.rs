//! Packs on the import page: download the teacher's articles, events and lessons as one pack file,
//! and load a pack file (checked for size before it is read, then for its content).

use parallax_core::bundle;
use parallax_core::pack::Pack;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analyser::Analyser;
use crate::library;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct ImportPacksProps {
    pub seed: Shared<Pack>,
    pub library: Shared<Pack>,
    pub analyser: Analyser,
    pub on_library: Callback<Action>,
}

#[component]
pub fn ImportPacks(props: &ImportPacksProps) -> Html {
    let title_ref = use_node_ref();
    let built_in_ref = use_node_ref();
    let on_download = {
        let (seed, library, on_library) = (
            props.seed.clone(),
            props.library.clone(),
            props.on_library.clone(),
        );
        let (title_ref, built_in_ref) = (title_ref.clone(), built_in_ref.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let title = title_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let with_built_in = built_in_ref
                .cast::<HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let pack = library::export(&seed, &library, &title, with_built_in);
            let file_name = format!("{}.parallax.json", pack.id);
            let n_articles = pack.articles.len();
            match library::download(&file_name, &bundle::write(&pack)) {
                Ok(()) => on_library.emit(Action::Notify {
                    text: format!("Downloaded {file_name} with {n_articles} articles, {} events and {} lessons.", pack.events.events.len(), pack.lessons.len()),
                    error: false,
                }),
                Err(text) => on_library.emit(Action::Notify { text, error: true }),
            }
        })
    };
    let on_load = {
        let (analyser, on_library) = (props.analyser.clone(), props.on_library.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = library::files(input.files());
            input.set_value("");
            let Some(file) = files.into_iter().next() else {
                return;
            };
            let name = file.name();
            // Refused from its size alone: a 50 MB file is never read.
            if let Err(error) = bundle::check_size(file.size() as usize) {
                on_library.emit(Action::Notify {
                    text: format!("\u{201c}{name}\u{201d}: {error}"),
                    error: true,
                });
                return;
            }
            on_library.emit(Action::Notify {
                text: format!("Reading the pack \u{201c}{name}\u{201d}…"),
                error: false,
            });
            let (analyser, on_library) = (analyser.clone(), on_library.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let json = match library::file_text(&file).await {
                    Ok(json) => json,
                    Err(text) => return on_library.emit(Action::Notify { text, error: true }),
                };
                let on_library2 = on_library.clone();
                library::load_pack_json(
                    &analyser,
                    &json,
                    Callback::from(move |result: Result<Pack, String>| match result {
                        Ok(pack) => on_library2.emit(Action::MergePack(pack)),
                        Err(text) => on_library2.emit(Action::Notify {
                            text: format!("\u{201c}{name}\u{201d}: {text}"),
                            error: true,
                        }),
                    }),
                );
            });
        })
    };
    let n_built_in = props.seed.articles.len();
    html! {
        <>
            <form class="import-export" onsubmit={on_download}>
                <h3>{ "Download a pack" }</h3>
                <p class="hint">{ "One file with your articles, events and lessons, to keep, to share with a colleague or to load on the class's computers." }</p>
                <div class="import-field">
                    <label for="import-pack-title">{ "Pack title" }</label>
                    <input id="import-pack-title" type="text" ref={title_ref} value="Your articles" />
                </div>
                <div class="import-check">
                    <input id="import-pack-built-in" type="checkbox" ref={built_in_ref} />
                    <label for="import-pack-built-in">{ format!("Include the {n_built_in} built-in articles") }</label>
                </div>
                <button type="submit" class="button">{ "Download the pack" }</button>
            </form>
            <div class="import-load">
                <h3>{ "Load a pack" }</h3>
                <label for="import-pack-input" class="import-files-label">{ "Load a pack file (.json)" }</label>
                <input id="import-pack-input" type="file" accept=".json,application/json" aria-describedby="import-pack-hint" onchange={on_load} />
                <p class="hint" id="import-pack-hint">
                    { format!("Up to {}. Its articles join yours (one with the same address replaces yours); the built-in articles always stay. A link such as ?pack=packs/class.json loads a pack from this site for the whole class.", parallax_core::import::megabytes(bundle::MAX_BUNDLE_BYTES)) }
                </p>
            </div>
        </>
    }
}
