//! One lesson, one step at a time (the step is in the URL: `#/lesson/<id>?step=N`), with the
//! student's work saved on the device, its export and import, and a printable worksheet.

use parallax_core::pack::Pack;
use yew::prelude::*;

use crate::components::{LessonStep, LessonWorkTools, LessonWorksheet};
use crate::hooks::use_student_work::use_student_work;
use crate::pages::NotFoundPage;
use crate::route::{Params, Route};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct LessonPageProps {
    pub pack: Shared<Pack>,
    pub id: AttrValue,
    pub params: Params,
    pub on_go: Callback<Route>,
}

/// The 0-based step a `step=N` parameter asks for, kept inside the lesson (a missing or odd value is the first step).
pub fn step_index(params: &Params, n_steps: usize) -> usize {
    let asked = params
        .get("step")
        .and_then(|value| value.trim().parse::<usize>().ok())
        .unwrap_or(1);
    asked.clamp(1, n_steps.max(1)) - 1
}

fn step_href(id: &str, index: usize) -> String {
    Route::Lesson {
        id: id.to_owned(),
        params: Params::default().with("step", Some((index + 1).to_string())),
    }
    .to_hash()
}

#[component]
pub fn LessonPage(props: &LessonPageProps) -> Html {
    let lesson = use_memo((props.pack.clone(), props.id.clone()), |(pack, id)| {
        pack.lessons
            .iter()
            .find(|lesson| lesson.id == id.as_str())
            .cloned()
            .map(Shared::new)
    });
    let lesson = (*lesson).clone();
    // The hook runs on every render, so it gets a lesson even when the id is unknown.
    let student = use_student_work(
        props.pack.clone(),
        lesson
            .clone()
            .unwrap_or_else(|| Shared::new(Default::default())),
    );
    let Some(lesson) = lesson else {
        return html! { <NotFoundPage what={format!("the lesson \u{201c}{}\u{201d}", props.id)} /> };
    };
    let n_steps = lesson.steps.len();
    let index = step_index(&props.params, n_steps);
    let Some(work) = student.work.clone() else {
        // Storage is read in an effect right after the first render.
        return html! { <h1>{ &lesson.title }</h1> };
    };

    let step_links = lesson.steps.iter().enumerate().map(|(i, step)| {
        let answered = work.answer(step).is_some();
        let current = (i == index).then_some("step");
        html! {
            <li class={classes!("lesson-steps-item", answered.then_some("is-answered"))}>
                <a href={step_href(&lesson.id, i)} aria-current={current}>
                    { format!("{}. {}", i + 1, step.title) }
                </a>
                <span class="lesson-steps-state">{ if answered { " (answered)" } else { " (not answered)" } }</span>
            </li>
        }
    });

    let meta = format!(
        "{} · {} minutes · {} steps",
        lesson.level.label(),
        lesson.duration_minutes,
        n_steps
    );
    html! {
        <div class="lesson">
            <div class="lesson-screen">
                <p class="lesson-back"><a href={Route::Lessons.to_hash()}>{ "All lessons" }</a></p>
                <header class="lesson-header">
                    <h1>{ &lesson.title }</h1>
                    <p class="lesson-meta">{ meta }</p>
                    if !lesson.curation.is_empty() {
                        <p class="lesson-curation">{ &lesson.curation }</p>
                    }
                </header>
                if index == 0 && !lesson.objectives.is_empty() {
                    <section class="lesson-objectives" aria-labelledby="lesson-objectives-heading">
                        <h2 id="lesson-objectives-heading">{ "In this lesson you will" }</h2>
                        <ul>{ for lesson.objectives.iter().map(|o| html! { <li>{ o }</li> }) }</ul>
                    </section>
                }
                <div class="lesson-layout">
                    <nav class="lesson-steps" aria-label="Steps of the lesson">
                        <ol>{ for step_links }</ol>
                    </nav>
                    <div class="lesson-main">
                        if n_steps == 0 {
                            <p class="empty">{ "This lesson has no steps yet." }</p>
                        } else {
                            <LessonStep
                                key={lesson.steps[index].id.clone()}
                                pack={props.pack.clone()}
                                lesson={lesson.clone()}
                                {index}
                                work={work.clone()}
                                on_change={student.on_change.clone()}
                            />
                            <nav class="lesson-pager" aria-label="Previous and next step">
                                if index > 0 {
                                    <a class="lesson-prev" href={step_href(&lesson.id, index - 1)}>
                                        { "Previous step" }
                                    </a>
                                }
                                if index + 1 < n_steps {
                                    <a class="lesson-next" href={step_href(&lesson.id, index + 1)}>
                                        { "Next step" }
                                    </a>
                                } else {
                                    <a class="lesson-next" href={Route::Lessons.to_hash()}>{ "Back to all lessons" }</a>
                                }
                            </nav>
                        }
                        <LessonWorkTools
                            pack={props.pack.clone()}
                            lesson={lesson.clone()}
                            work={work.clone()}
                            status={student.status}
                            on_change={student.on_change.clone()}
                        />
                    </div>
                </div>
            </div>
            <LessonWorksheet pack={props.pack.clone()} {lesson} {work} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_step_parameter_is_one_based_and_kept_inside_the_lesson() {
        let params = |value: &str| Params::default().with("step", Some(value.to_owned()));
        assert_eq!(step_index(&Params::default(), 5), 0);
        assert_eq!(step_index(&params("1"), 5), 0);
        assert_eq!(step_index(&params("3"), 5), 2);
        assert_eq!(step_index(&params("9"), 5), 4);
        assert_eq!(step_index(&params("0"), 5), 0);
        assert_eq!(step_index(&params("two"), 5), 0);
        assert_eq!(step_index(&params("2"), 0), 0);
    }
}
