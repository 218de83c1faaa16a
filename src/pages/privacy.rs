//! What Parallax stores on this device, what this browser holds right now, and "Clear my data".

use yew::prelude::*;

use crate::hooks::use_stored_data::{
    self as stored, use_stored_data, Cleared, StoredData, StoredKey,
};

/// What a stored key is for, in the reader's words. Keys the app does not know are still listed.
pub fn describe_key(key: &str) -> String {
    if key == "parallax-theme" {
        return "Your choice of light or dark theme".to_owned();
    }
    if key == "parallax:library" {
        return "The teacher's library: articles, lessons and packs added in this browser"
            .to_owned();
    }
    if key == "parallax:library-unreadable" {
        return "A saved library that could not be read, kept aside so nothing is lost".to_owned();
    }
    if key.starts_with(crate::library::NOT_ANALYSED_PREFIX) {
        return "A saved library that could not be analysed again after an update, kept aside and tried again on each visit".to_owned();
    }
    if let Some(draft) = key.strip_prefix("parallax:lesson-draft:") {
        let (what, lesson) = draft.split_once(':').unwrap_or((draft, ""));
        return match what {
            "edit" => format!("A teacher's unsaved changes to the lesson “{lesson}”"),
            "copy" => format!("A teacher's unsaved copy of the lesson “{lesson}”"),
            _ => "A lesson a teacher is writing, not saved yet".to_owned(),
        };
    }
    if let Some(lesson) = key.strip_prefix("parallax:work:") {
        return if lesson.is_empty() {
            "A student's answers to a lesson".to_owned()
        } else {
            format!("A student's answers to the lesson “{lesson}”")
        };
    }
    "Other Parallax data".to_owned()
}

/// A byte count for people: "512 bytes", "2.4 kB", "1.3 MB" (powers of 1000, as browsers report).
pub fn format_bytes(bytes: f64) -> String {
    if bytes < 1000.0 {
        let whole = bytes.max(0.0).round() as u64;
        return if whole == 1 {
            "1 byte".to_owned()
        } else {
            format!("{whole} bytes")
        };
    }
    let (value, unit) = if bytes < 1e6 {
        (bytes / 1e3, "kB")
    } else if bytes < 1e9 {
        (bytes / 1e6, "MB")
    } else {
        (bytes / 1e9, "GB")
    };
    format!("{value:.1} {unit}")
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The sentence the live region announces once "Clear my data" has run.
pub fn report(cleared: &Cleared) -> String {
    if cleared.storage_refused {
        return format!(
            "This browser refused access to its storage, so no saved item could be removed; {} removed.",
            count(cleared.caches, "offline cache was", "offline caches were")
        );
    }
    if cleared.keys == 0 && cleared.caches == 0 {
        return "There was nothing to remove: Parallax had nothing stored in this browser."
            .to_owned();
    }
    format!(
        "Your data was cleared: {} and {} removed from this browser.",
        count(cleared.keys, "saved item", "saved items"),
        count(cleared.caches, "offline cache", "offline caches")
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// Only the "Clear my data" button.
    Idle,
    /// The in-page confirmation is showing.
    Confirming,
    /// Clearing is under way.
    Clearing,
}

#[component]
pub fn PrivacyPage() -> Html {
    let (data, refresh) = use_stored_data();
    let step = use_state(|| Step::Idle);
    let status = use_state(String::new);
    let question_ref = use_node_ref();
    let clear_ref = use_node_ref();

    // A clearing that ended in a reload left its report in the URL; announce it after the first render,
    // so the live region changes and screen readers read it.
    {
        let status = status.setter();
        use_effect_with((), move |_| {
            if let Some(cleared) = stored::take_report_from_url() {
                status.set(report(&cleared));
            }
        });
    }
    // Focus follows the question: onto it when it opens, back to "Clear my data" when it closes.
    let return_focus = use_mut_ref(|| false);
    {
        let question_ref = question_ref.clone();
        let clear_ref = clear_ref.clone();
        let return_focus = return_focus.clone();
        use_effect_with(*step, move |step| {
            let target = match step {
                Step::Confirming => question_ref.cast::<web_sys::HtmlElement>(),
                Step::Idle if return_focus.replace(false) => {
                    clear_ref.cast::<web_sys::HtmlElement>()
                }
                _ => None,
            };
            if let Some(target) = target {
                let _ = target.focus();
            }
        });
    }

    let on_ask = {
        let step = step.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(String::new());
            step.set(Step::Confirming);
        })
    };
    let on_cancel = {
        let step = step.clone();
        let return_focus = return_focus.clone();
        Callback::from(move |_: MouseEvent| {
            *return_focus.borrow_mut() = true;
            step.set(Step::Idle);
        })
    };
    let on_confirm = {
        let step = step.clone();
        let status = status.clone();
        let refresh = refresh.clone();
        let return_focus = return_focus.clone();
        Callback::from(move |_: MouseEvent| {
            step.set(Step::Clearing);
            status.set("Clearing…".to_owned());
            let step = step.setter();
            let status = status.setter();
            let refresh = refresh.clone();
            let return_focus = return_focus.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let cleared = stored::clear().await;
                if stored::page_reachable().await {
                    // A fresh page load: nothing read from the removed data stays on screen.
                    stored::reload_with(cleared);
                    return;
                }
                // Offline: the page cannot reload, so it says what happened and stays.
                stored::forget_theme_on_page();
                status.set(format!(
                    "{} Reload Parallax when you are online again to start afresh.",
                    report(&cleared)
                ));
                *return_focus.borrow_mut() = true;
                step.set(Step::Idle);
                refresh.emit(());
            });
        })
    };

    html! {
        <article class="privacy">
            <h1>{ "Privacy" }</h1>
            <p class="privacy-lede">
                { "Parallax has no accounts and no server of its own. Everything it keeps stays in this \
                   browser, on this device: nothing you read, write or paste is sent anywhere." }
            </p>

            <h2>{ "What is stored where" }</h2>
            <ul class="privacy-kinds">
                <li>
                    <strong>{ "Your theme" }</strong>{ " — light or dark, if you chose one: the browser's local storage, key " }
                    <code>{ "parallax-theme" }</code>{ "." }
                </li>
                <li>
                    <strong>{ "Students' answers" }</strong>{ " — the answers and selections of each lesson, so they survive a reload: local storage, one key per lesson, " }
                    <code>{ "parallax:work:<lesson>" }</code>{ "." }
                </li>
                <li>
                    <strong>{ "The teacher's library" }</strong>{ " — articles, lessons and packs added in this browser: local storage, key " }
                    <code>{ "parallax:library" }</code>{ " (a library that could not be read is kept aside under " }
                    <code>{ "parallax:library-unreadable" }</code>{ ", and one that could not be analysed again after an update under keys starting with " }
                    <code>{ crate::library::NOT_ANALYSED_PREFIX }</code>{ ", until a visit can add it back)." }
                </li>
                <li>
                    <strong>{ "Lessons being written" }</strong>{ " — what a teacher has typed in the lesson editor and not saved yet, so a reload loses nothing: local storage, one key per draft, starting with " }
                    <code>{ "parallax:lesson-draft:" }</code>{ ". Saving the lesson removes it." }
                </li>
                <li>
                    <strong>{ "The offline copy" }</strong>{ " — Parallax's own files (the page, its code and styles), kept in the browser's cache so the app opens without a network. It never holds your work." }
                </li>
            </ul>
            <p>{ "Exports (Markdown, JSON, printed worksheets) are files you download and keep yourself; Parallax does not keep a copy." }</p>

            <h2>{ "What this browser holds now" }</h2>
            { holdings(data.as_ref()) }

            <h2>{ "Clear my data" }</h2>
            <p>
                { "This removes every item listed above and the offline copy from this browser. It cannot be \
                   undone: export lesson answers first if you still need them. The offline copy is \
                   downloaded again on your next visit." }
            </p>
            {
                match *step {
                    Step::Confirming => html! {
                        <div class="privacy-confirm" role="group" aria-labelledby="privacy-confirm-question">
                            <p id="privacy-confirm-question" class="privacy-confirm-question" tabindex="-1" ref={question_ref}>
                                { "Remove everything Parallax stored in this browser? This cannot be undone." }
                            </p>
                            <div class="privacy-actions">
                                <button type="button" class="privacy-clear" onclick={on_confirm}>{ "Yes, clear my data" }</button>
                                <button type="button" class="privacy-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                            </div>
                        </div>
                    },
                    Step::Clearing => html! {
                        <button type="button" class="privacy-clear" disabled=true>{ "Clear my data" }</button>
                    },
                    Step::Idle => html! {
                        <button type="button" class="privacy-clear" onclick={on_ask} ref={clear_ref}>{ "Clear my data" }</button>
                    },
                }
            }
            <p class="privacy-status" role="status">{ (*status).clone() }</p>
        </article>
    }
}

fn holdings(data: Option<&StoredData>) -> Html {
    let Some(data) = data else {
        return html! { <p>{ "Looking at this browser's storage…" }</p> };
    };
    let keys = match &data.keys {
        None => html! {
            <p class="privacy-unavailable">
                { "This browser does not let Parallax use its storage (some private browsing modes do \
                   this, and so does blocking site data). Nothing is saved between visits, so there is no \
                   saved data to clear." }
            </p>
        },
        Some(keys) if keys.is_empty() => html! {
            <p>{ "No saved items: Parallax has nothing in this browser's local storage." }</p>
        },
        Some(keys) => html! {
            <table class="privacy-table">
                <caption>{ "Saved items in this browser's local storage" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Key" }</th>
                        <th scope="col">{ "What it is" }</th>
                        <th scope="col">{ "Size" }</th>
                    </tr>
                </thead>
                <tbody>{ for keys.iter().map(key_row) }</tbody>
            </table>
        },
    };
    let offline = match data.offline {
        None => {
            html! { <p>{ "This browser has no offline cache for Parallax (it does not offer one here)." }</p> }
        }
        Some(copy) if copy.files == 0 => html! { <p>{ "Offline copy: none yet." }</p> },
        Some(copy) => html! {
            <p>{ format!("Offline copy: {} in the browser's cache.", count(copy.files, "file", "files")) }</p>
        },
    };
    let estimate = data.estimate.map(|bytes| {
        html! {
            <p>{ format!("In all, this site uses about {} of this browser's storage (the browser's own estimate).", format_bytes(bytes)) }</p>
        }
    });
    html! {
        <>
            { keys }
            { offline }
            { for estimate }
        </>
    }
}

fn key_row(stored: &StoredKey) -> Html {
    html! {
        <tr key={stored.key.clone()}>
            <th scope="row"><code>{ &stored.key }</code></th>
            <td>{ describe_key(&stored.key) }</td>
            <td>{ format_bytes(stored.bytes as f64) }</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_key_is_described() {
        let described: Vec<String> = [
            "parallax-theme",
            "parallax:library",
            "parallax:library-unreadable",
            "parallax:library-not-analysed:1",
            "parallax:work:who-speaks",
            "parallax:work:",
            "parallax:lesson-draft:new",
            "parallax:lesson-draft:edit:my-lesson",
            "parallax:lesson-draft:copy:who-speaks",
            "parallax:something-new",
        ]
        .iter()
        .map(|key| describe_key(key))
        .collect();
        assert_eq!(
            described,
            [
                "Your choice of light or dark theme",
                "The teacher's library: articles, lessons and packs added in this browser",
                "A saved library that could not be read, kept aside so nothing is lost",
                "A saved library that could not be analysed again after an update, kept aside and tried again on each visit",
                "A student's answers to the lesson “who-speaks”",
                "A student's answers to a lesson",
                "A lesson a teacher is writing, not saved yet",
                "A teacher's unsaved changes to the lesson “my-lesson”",
                "A teacher's unsaved copy of the lesson “who-speaks”",
                "Other Parallax data",
            ]
        );
    }

    #[test]
    fn sizes_read_like_a_browser_reports_them() {
        let sizes: Vec<String> = [0.0, 1.0, 999.0, 1000.0, 2_450.0, 1_348_000.0, 2.5e9]
            .into_iter()
            .map(format_bytes)
            .collect();
        assert_eq!(
            sizes,
            [
                "0 bytes",
                "1 byte",
                "999 bytes",
                "1.0 kB",
                "2.5 kB",
                "1.3 MB",
                "2.5 GB"
            ]
        );
    }

    #[test]
    fn the_report_says_what_was_removed() {
        let cleared = |keys, caches, storage_refused| Cleared {
            keys,
            caches,
            storage_refused,
        };
        assert_eq!(
            report(&cleared(3, 1, false)),
            "Your data was cleared: 3 saved items and 1 offline cache removed from this browser."
        );
        assert_eq!(
            report(&cleared(1, 2, false)),
            "Your data was cleared: 1 saved item and 2 offline caches removed from this browser."
        );
        assert_eq!(
            report(&cleared(0, 0, false)),
            "There was nothing to remove: Parallax had nothing stored in this browser."
        );
        assert_eq!(
            report(&cleared(0, 1, true)),
            "This browser refused access to its storage, so no saved item could be removed; 1 offline cache was removed."
        );
    }
}
