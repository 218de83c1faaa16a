//! "Your work" under a lesson: whether it is saved, downloads as Markdown and JSON, the printable
//! worksheet, and importing a JSON file to continue on another device.

use std::rc::Rc;

use parallax_core::lesson::Lesson;
use parallax_core::pack::Pack;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_student_work::{
    download, load_work, print, read_file, save_work, SaveStatus,
};
use crate::route::{Params, Route};
use crate::state::Shared;
use crate::work::{file_name, import, to_json, to_markdown, LessonWork, MAX_IMPORT_BYTES};

#[derive(Properties, PartialEq)]
pub struct LessonWorkToolsProps {
    pub pack: Shared<Pack>,
    pub lesson: Shared<Lesson>,
    pub work: Rc<LessonWork>,
    pub status: SaveStatus,
    pub on_change: Callback<LessonWork>,
}

/// What the last import did, for the status line.
#[derive(Debug, Clone, PartialEq)]
enum ImportOutcome {
    Done {
        message: String,
        /// Set when the file belonged to another lesson of the pack: where its answers went.
        elsewhere: Option<(String, String)>,
    },
    Refused(String),
}

#[component]
pub fn LessonWorkTools(props: &LessonWorkToolsProps) -> Html {
    let outcome = use_state(|| None::<ImportOutcome>);

    let on_markdown = {
        let (pack, lesson, work) = (props.pack.clone(), props.lesson.clone(), props.work.clone());
        Callback::from(move |_: MouseEvent| {
            let text = to_markdown(&pack, &lesson, &work);
            let _ = download(
                &file_name(&lesson, "md"),
                "text/markdown;charset=utf-8",
                &text,
            );
        })
    };
    let on_json = {
        let (pack, lesson, work) = (props.pack.clone(), props.lesson.clone(), props.work.clone());
        Callback::from(move |_: MouseEvent| {
            let text = to_json(&pack, &lesson, &work);
            let _ = download(&file_name(&lesson, "json"), "application/json", &text);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    let on_import = {
        let (pack, lesson, work, on_change, outcome) = (
            props.pack.clone(),
            props.lesson.clone(),
            props.work.clone(),
            props.on_change.clone(),
            outcome.clone(),
        );
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let (pack, lesson, work, on_change, outcome) = (
                pack.clone(),
                lesson.clone(),
                work.clone(),
                on_change.clone(),
                outcome.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = match read_file(file, MAX_IMPORT_BYTES).await {
                    Ok((size, text)) => import(&pack, size, text.as_deref().unwrap_or("")),
                    Err(message) => Err(message),
                };
                outcome.set(Some(match result {
                    Err(message) => ImportOutcome::Refused(message),
                    Ok(imported) => {
                        let n = imported.work.answers.len();
                        let answers = if n == 1 {
                            "1 answer".to_owned()
                        } else {
                            format!("{n} answers")
                        };
                        let left_out = match imported.left_out {
                            0 => String::new(),
                            1 => " 1 answer for a step this lesson does not have was left out."
                                .to_owned(),
                            k => format!(
                                " {k} answers for steps this lesson does not have were left out."
                            ),
                        };
                        if imported.lesson == lesson.id {
                            on_change.emit(work.merged(&imported.work));
                            ImportOutcome::Done {
                                message: format!("Imported {answers}.{left_out}"),
                                elsewhere: None,
                            }
                        } else {
                            let Some(other) = pack.lessons.iter().find(|l| l.id == imported.lesson)
                            else {
                                return;
                            };
                            let existing = load_work(&pack, other).or_empty();
                            if save_work(&pack, other, &existing.merged(&imported.work)) {
                                ImportOutcome::Done {
                                    message: format!(
                                        "Imported {answers} into another lesson.{left_out}"
                                    ),
                                    elsewhere: Some((other.id.clone(), other.title.clone())),
                                }
                            } else {
                                ImportOutcome::Refused(SaveStatus::NotSaved.message().to_owned())
                            }
                        }
                    }
                }));
            });
        })
    };

    let import_status = match &*outcome {
        None => html! {},
        Some(ImportOutcome::Done { message, elsewhere }) => html! {
            <p class="lesson-import-done">
                { message }
                if let Some((id, title)) = elsewhere {
                    { " " }
                    <a href={Route::Lesson { id: id.clone(), params: Params::default() }.to_hash()}>
                        { format!("Open \u{201c}{title}\u{201d}") }
                    </a>
                }
            </p>
        },
        Some(ImportOutcome::Refused(message)) => html! {
            <p class="lesson-import-refused"><strong>{ "Not imported. " }</strong>{ message }{ " Your answers here are unchanged." }</p>
        },
    };
    html! {
        <section class="lesson-tools" aria-labelledby="lesson-tools-heading">
            <h2 id="lesson-tools-heading">{ "Your work" }</h2>
            <p class="lesson-save-status" role="status">{ props.status.message() }</p>
            <div class="lesson-tools-actions">
                <button type="button" class="lesson-button" onclick={on_markdown}>{ "Download my work as Markdown" }</button>
                <button type="button" class="lesson-button" onclick={on_json}>{ "Download my work as JSON" }</button>
                <button type="button" class="lesson-button" onclick={on_print}>{ "Print the worksheet" }</button>
            </div>
            <div class="lesson-import">
                <label for="lesson-import-file">{ "Continue from a JSON file you downloaded (on this or another device)" }</label>
                <input id="lesson-import-file" type="file" accept=".json,application/json" onchange={on_import} />
            </div>
            <div class="lesson-import-status" role="status">{ import_status }</div>
        </section>
    }
}
