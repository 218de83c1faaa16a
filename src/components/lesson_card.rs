//! One lesson in the list of lessons: its title (a link), summary, level, duration and the student's
//! progress; "Make a copy" of any lesson, and "Edit" and "Delete" (confirmed in the page) for the
//! teacher's own.

use parallax_core::lesson::Lesson;
use yew::prelude::*;

use crate::hooks::use_student_work::storage_key;
use crate::route::{Params, Route};
use crate::state::{Action, Shared};
use crate::work::{progress_label, LessonWork};

#[derive(Properties, PartialEq)]
pub struct LessonCardProps {
    pub lesson: Shared<Lesson>,
    /// The student's saved work; `None` while storage is being read.
    pub work: Option<LessonWork>,
    /// Whether the lesson is the teacher's own (in the library), not built in.
    #[prop_or_default]
    pub own: bool,
    #[prop_or_default]
    pub on_library: Callback<Action>,
}

#[component]
pub fn LessonCard(props: &LessonCardProps) -> Html {
    let confirming = use_state(|| false);
    let confirm_ref = use_node_ref();
    let delete_ref = use_node_ref();
    // After "Delete" the question takes focus; after "Keep it" focus goes back to "Delete".
    let returning = use_mut_ref(|| false);
    {
        let (confirm_ref, delete_ref, returning) =
            (confirm_ref.clone(), delete_ref.clone(), returning.clone());
        use_effect_with(*confirming, move |confirming| {
            let target = if *confirming {
                Some(confirm_ref)
            } else if std::mem::take(&mut *returning.borrow_mut()) {
                Some(delete_ref)
            } else {
                None
            };
            if let Some(element) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }
    let lesson = &props.lesson;
    let href = Route::Lesson {
        id: lesson.id.clone(),
        params: Params::default(),
    }
    .to_hash();
    let heading_id = format!("lesson-{}", lesson.id);
    let progress = props.work.as_ref().map(|work| progress_label(lesson, work));
    let on_ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_keep = {
        let (confirming, returning) = (confirming.clone(), returning.clone());
        Callback::from(move |_: MouseEvent| {
            *returning.borrow_mut() = true;
            confirming.set(false);
        })
    };
    let on_delete = {
        let (on_library, id) = (props.on_library.clone(), lesson.id.clone());
        Callback::from(move |_: MouseEvent| on_library.emit(Action::RemoveLesson(id.clone())))
    };
    let title = format!("\u{201c}{}\u{201d}", lesson.title);
    html! {
        <li class="lesson-card">
            <article aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id} class="lesson-card-title"><a {href}>{ &lesson.title }</a></h2>
                if props.own {
                    <p class="lesson-card-own">{ "Your lesson, written or loaded on this device" }</p>
                }
                if !lesson.summary.is_empty() {
                    <p class="lesson-card-summary">{ &lesson.summary }</p>
                }
                <dl class="lesson-facts">
                    <div><dt>{ "Level" }</dt><dd>{ lesson.level.label() }</dd></div>
                    <div><dt>{ "Duration" }</dt><dd>{ format!("{} minutes", lesson.duration_minutes) }</dd></div>
                    <div><dt>{ "Steps" }</dt><dd>{ lesson.steps.len() }</dd></div>
                    <div><dt>{ "Your progress" }</dt><dd class="lesson-progress">{ progress.unwrap_or_default() }</dd></div>
                </dl>
                <div class="lesson-card-actions">
                    if props.own {
                        <a class="button-quiet" href={Route::LessonEdit { id: lesson.id.clone() }.to_hash()}
                            aria-label={format!("Edit {title}")}>{ "Edit" }</a>
                        if !*confirming {
                            <button type="button" class="button-quiet" ref={delete_ref} onclick={on_ask}
                                aria-label={format!("Delete {title}")}>{ "Delete" }</button>
                        }
                    }
                    <a class="button-quiet" href={Route::LessonNew { from: Some(lesson.id.clone()) }.to_hash()}
                        aria-label={format!("Make a copy of {title}")}>{ "Make a copy" }</a>
                </div>
                if props.own && *confirming {
                    <div class="lesson-card-confirm" role="group" aria-labelledby={format!("delete-{}", lesson.id)}>
                        <p id={format!("delete-{}", lesson.id)} tabindex="-1" ref={confirm_ref}>
                            <strong>{ format!("Delete the lesson {title}?") }</strong>
                            { " It is removed from this device. Students' answers saved on this device stay in their own key (" }
                            <code>{ storage_key(&lesson.id) }</code>
                            { ") until they are cleared on the privacy page." }
                        </p>
                        <button type="button" class="button-quiet" onclick={on_delete}>{ "Delete the lesson" }</button>
                        <button type="button" class="button-quiet" onclick={on_keep}>{ "Keep it" }</button>
                    </div>
                }
            </article>
        </li>
    }
}
