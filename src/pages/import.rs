//! The teacher's own articles and packs: paste an article or add files, edit or remove what was
//! added, download everything as a pack file and load one. Every message lands in a live region.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::analyser::Analyser;
use crate::components::{ImportFiles, ImportList, ImportPacks, ImportPaste, ProblemNotice};
use crate::state::{Action, Notice, Shared};

#[derive(Properties, PartialEq)]
pub struct ImportPageProps {
    pub seed: Shared<Pack>,
    pub library: Shared<Pack>,
    pub notice: Option<Notice>,
    pub analyser: Analyser,
    pub on_library: Callback<Action>,
}

#[component]
pub fn ImportPage(props: &ImportPageProps) -> Html {
    let (status, alert) = match &props.notice {
        Some(notice) if notice.error => (None, Some(notice.text.clone())),
        Some(notice) => (Some(notice.text.clone()), None),
        None => (None, None),
    };
    let refused = props.notice.as_ref().and_then(|n| n.refused.clone());
    html! {
        <div class="import">
            <h1>{ "Your articles" }</h1>
            <p class="import-lede">
                { "Bring today's article: paste it, or add the files you saved. Each one is analysed on this device by the same engine as the built-in articles, never sent anywhere, and then appears in the article list, the reader and compare." }
            </p>
            <div class="import-status" role="status">
                if let Some(text) = status { <p class="notice">{ text }</p> }
            </div>
            <div class="import-alert" role="alert">
                if let Some(text) = alert {
                    <ProblemNotice lead="Not added: " {text} />
                }
                if let Some(text) = refused {
                    <ProblemNotice lead="Not loaded: " {text} />
                }
            </div>
            <section class="import-section" aria-labelledby="import-paste-heading">
                <h2 id="import-paste-heading">{ "Paste an article" }</h2>
                <ImportPaste analyser={props.analyser.clone()} on_library={props.on_library.clone()} />
            </section>
            <section class="import-section" aria-labelledby="import-files-heading">
                <h2 id="import-files-heading">{ "Add files" }</h2>
                <ImportFiles analyser={props.analyser.clone()} on_library={props.on_library.clone()} />
            </section>
            <section class="import-section" aria-labelledby="import-list-heading">
                <h2 id="import-list-heading">{ format!("Added by you ({})", props.library.articles.len()) }</h2>
                <ImportList library={props.library.clone()} on_library={props.on_library.clone()} />
            </section>
            <section class="import-section" aria-labelledby="import-packs-heading">
                <h2 id="import-packs-heading">{ "Packs" }</h2>
                <ImportPacks
                    seed={props.seed.clone()}
                    library={props.library.clone()}
                    analyser={props.analyser.clone()}
                    on_library={props.on_library.clone()}
                />
            </section>
        </div>
    }
}
