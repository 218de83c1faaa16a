//! The paste form of the import page: the text, and its title, author and date filled in from what
//! the text says (once it has been read) and editable before the article is added.

use std::cell::RefCell;
use std::rc::Rc;

use parallax_core::import::{self, Edits};
use parallax_core::Analysis;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::analyser::{Analyser, Ticket};
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ImportPasteProps {
    pub analyser: Analyser,
    pub on_library: Callback<Action>,
}

/// The last text read and its analysis, with the values put into the fields from it.
#[derive(Default)]
struct Detected {
    text: String,
    analysis: Option<Analysis>,
    filled: [String; 3],
}

fn input_value(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

#[component]
pub fn ImportPaste(props: &ImportPasteProps) -> Html {
    let text_ref = use_node_ref();
    let fields = [use_node_ref(), use_node_ref(), use_node_ref()];
    let detected = use_mut_ref(Detected::default);
    let reading = use_state(|| false);
    // This form's requests to the analyser, so that cancelling stops them and nobody else's.
    let tickets = use_mut_ref(Vec::<Ticket>::new);

    // Reading the text fills the fields the teacher has not changed.
    let read = {
        let (analyser, detected, fields, reading, on_library, tickets) = (
            props.analyser.clone(),
            detected.clone(),
            fields.clone(),
            reading.clone(),
            props.on_library.clone(),
            tickets.clone(),
        );
        Rc::new(
            move |text: String, then: Option<Box<dyn FnOnce(Analysis)>>| {
                reading.set(true);
                let (detected, fields, reading, on_library) = (
                    detected.clone(),
                    fields.clone(),
                    reading.clone(),
                    on_library.clone(),
                );
                let then = RefCell::new(then);
                let ticket = analyser.analyse(
                    text.clone(),
                    Callback::from(move |result: Result<Analysis, String>| {
                        reading.set(false);
                        let analysis = match result {
                            Ok(analysis) => analysis,
                            Err(message) => {
                                // The teacher asked to add it: say why it was not (cancelled, or the
                                // engine failed); the text stays in the box. A background read stays quiet.
                                if then.borrow_mut().take().is_some() {
                                    on_library.emit(Action::Notify {
                                        text: format!("{message} Your text is still in the box."),
                                        error: true,
                                    });
                                }
                                return;
                            }
                        };
                        let metadata = &analysis.metadata;
                        let found = [
                            metadata.title.clone().unwrap_or_default(),
                            metadata.author.clone().unwrap_or_default(),
                            metadata.printed_date.clone().unwrap_or_default(),
                        ];
                        let mut state = detected.borrow_mut();
                        for (index, node) in fields.iter().enumerate() {
                            if let Some(input) = node.cast::<HtmlInputElement>() {
                                let current = input.value();
                                if current.is_empty() || current == state.filled[index] {
                                    input.set_value(&found[index]);
                                }
                            }
                        }
                        state.filled = found;
                        state.text = text.clone();
                        state.analysis = Some(analysis.clone());
                        drop(state);
                        if let Some(then) = then.borrow_mut().take() {
                            then(analysis);
                        }
                    }),
                );
                tickets.borrow_mut().push(ticket);
            },
        )
    };

    // On leaving the text box (blur, not change: a value set by a script or an extension fires no change).
    let onblur = {
        let (text_ref, read, detected) = (text_ref.clone(), read.clone(), detected.clone());
        Callback::from(move |_: FocusEvent| {
            let Some(textarea) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = textarea.value();
            if import::check_paste(&text).is_ok() && detected.borrow().text != text {
                read(text, None);
            }
        })
    };

    let onsubmit = {
        let (text_ref, fields, detected, on_library, read) = (
            text_ref.clone(),
            fields.clone(),
            detected.clone(),
            props.on_library.clone(),
            read.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(textarea) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = textarea.value();
            if let Err(refusal) = import::check_paste(&text) {
                on_library.emit(Action::Notify {
                    text: refusal.to_string(),
                    error: true,
                });
                return;
            }
            let values: Vec<String> = fields.iter().map(input_value).collect();
            let add = {
                let (on_library, fields, text_ref, detected, text) = (
                    on_library.clone(),
                    fields.clone(),
                    text_ref.clone(),
                    detected.clone(),
                    text.clone(),
                );
                move |analysis: Analysis| {
                    let filled = detected.borrow().filled.clone();
                    // A field left as it was filled in is what the text says, not an edit.
                    let edit = |index: usize| {
                        let value = values[index].trim().to_owned();
                        (value != filled[index].trim()).then_some(value)
                    };
                    let edits = Edits {
                        title: edit(0).filter(|t| !t.is_empty()),
                        author: edit(1),
                        date: edit(2),
                        topics: None,
                    };
                    let imported = import::from_text(&text);
                    let title = edits
                        .title
                        .clone()
                        .or(analysis.metadata.title.clone())
                        .unwrap_or_else(|| "Pasted text".to_owned());
                    let slug = import::slug(&title, |_| false);
                    let mut article = import::to_article(
                        &imported,
                        analysis,
                        slug,
                        "Pasted text",
                        &Edits {
                            author: None,
                            ..edits.clone()
                        },
                    );
                    // An author typed in (or cleared) is the teacher's edit, as in the list's edit form.
                    if edits.author.is_some() {
                        crate::state::apply_edits(
                            &mut article,
                            &Edits {
                                author: edits.author,
                                ..Edits::default()
                            },
                        );
                    }
                    on_library.emit(Action::AddArticles(vec![article]));
                    if let Some(textarea) = text_ref.cast::<HtmlTextAreaElement>() {
                        textarea.set_value("");
                    }
                    for node in &fields {
                        if let Some(input) = node.cast::<HtmlInputElement>() {
                            input.set_value("");
                        }
                    }
                    *detected.borrow_mut() = Detected::default();
                }
            };
            let ready = {
                let state = detected.borrow();
                (state.text == text)
                    .then(|| state.analysis.clone())
                    .flatten()
            };
            match ready {
                Some(analysis) => add(analysis),
                None => {
                    on_library.emit(Action::Notify {
                        text: "Analysing the text…".to_owned(),
                        error: false,
                    });
                    read(text, Some(Box::new(add)));
                }
            }
        })
    };

    let on_cancel = {
        let (analyser, text_ref, tickets) =
            (props.analyser.clone(), text_ref.clone(), tickets.clone());
        Callback::from(move |_: MouseEvent| {
            // Answered requests are ignored; only this form's waiting ones are cancelled.
            for ticket in tickets.borrow_mut().drain(..) {
                analyser.cancel(ticket);
            }
            // The button goes away: focus returns to the text, which is kept as it was.
            if let Some(textarea) = text_ref.cast::<web_sys::HtmlElement>() {
                let _ = textarea.focus();
            }
        })
    };

    let limit = format!(
        "Plain text, up to {}. Larger texts are refused: one article is rarely over 100 KB, and a longer text would make the analysis, which runs on this device, slow.",
        import::megabytes(import::MAX_TEXT_BYTES)
    );
    let field = |index: usize, id: &'static str, label: &'static str| {
        html! {
            <div class="import-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" ref={fields[index].clone()} aria-describedby="import-fields-hint" />
            </div>
        }
    };
    html! {
        <form class="import-paste" {onsubmit}>
            <label for="import-text">{ "Article text" }</label>
            <p class="hint" id="import-text-hint">{ limit }</p>
            <textarea
                id="import-text"
                ref={text_ref}
                rows="10"
                spellcheck="false"
                aria-describedby="import-text-hint"
                {onblur}
            />
            <p class="hint" id="import-fields-hint">
                { "Filled in from what the text says once you leave the text box; change them if they are wrong." }
            </p>
            <div class="import-fields">
                { field(0, "import-title", "Title") }
                { field(1, "import-author", "Author") }
                { field(2, "import-date", "Date as printed") }
            </div>
            <button type="submit" class="button">{ if *reading { "Add to your articles (reading the text…)" } else { "Add to your articles" } }</button>
            if *reading {
                { " " }
                <button type="button" class="button-quiet" onclick={on_cancel}>{ "Cancel the analysis" }</button>
            }
        </form>
    }
}
