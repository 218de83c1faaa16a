//! "A new version of Parallax is available — Reload": shown when a newer offline copy has installed
//! and waits for the open pages to let it take over.

use yew::prelude::*;

use crate::hooks::use_service_worker;

#[component]
pub fn UpdatePrompt() -> Html {
    let (update_waiting, apply) = use_service_worker();
    let dismissed = use_state(|| false);
    let on_reload = Callback::from(move |_: MouseEvent| apply.emit(()));
    let on_later = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    let showing = update_waiting && !*dismissed;
    // The live region is always in the page, so that its content appearing is announced (politely).
    html! {
        <div class={classes!("update-prompt", showing.then_some("update-prompt-showing"))} role="status">
            if showing {
                <p class="update-prompt-text">{ "A new version of Parallax is available." }</p>
                <div class="update-prompt-actions">
                    <button type="button" class="update-prompt-reload" onclick={on_reload}>{ "Reload" }</button>
                    <button type="button" class="update-prompt-later" onclick={on_later}>{ "Not now" }</button>
                </div>
            }
        </div>
    }
}
