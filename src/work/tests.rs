use super::*;
use crate::seed_pack;

/// Compares `actual` with an indented multi-line literal, ignoring the literal's common indentation
/// and the white space at either end.
fn assert_text(actual: &str, expected: &str) {
    let indent = expected
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    let expected: Vec<&str> = expected
        .lines()
        .map(|line| line.get(indent..).unwrap_or("").trim_end())
        .collect();
    let expected = expected.join("\n");
    assert_eq!(actual.trim(), expected.trim(), "\n--- actual ---\n{actual}");
}

fn lesson<'a>(pack: &'a Pack, id: &str) -> &'a Lesson {
    pack.lessons
        .iter()
        .find(|lesson| lesson.id == id)
        .expect("the seed pack has the lesson")
}

/// Answers every step of `lesson` the way a student would: a sentence, the first option, the first passage.
fn answer_all(pack: &Pack, lesson: &Lesson) -> LessonWork {
    let mut work = LessonWork::default();
    for step in &lesson.steps {
        let answer = match step.kind {
            QuestionKind::FreeText => {
                Answer::Text(format!("My thoughts on {}.\n\nA second line.", step.id))
            }
            QuestionKind::MultipleChoice => Answer::Choice(step.options[0].clone()),
            QuestionKind::SelectPassage => {
                let slug = step
                    .article
                    .as_ref()
                    .expect("a passage step has an article");
                let article = pack.articles.iter().find(|a| &a.slug == slug).unwrap();
                Answer::Passage(passages(article)[0].to_owned())
            }
        };
        work = work.with_answer(step, answer);
    }
    work
}

#[test]
fn progress_counts_answered_steps_and_ignores_blank_or_mismatched_answers() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "who-gets-to-speak");
    let mut work = LessonWork::default();
    assert_eq!(progress_label(lesson, &work), "Not started");
    work = work.with_answer(&lesson.steps[0], Answer::Text("Stoltenberg".into()));
    work = work.with_answer(
        &lesson.steps[2],
        Answer::Choice(lesson.steps[2].options[1].clone()),
    );
    assert_eq!(progress(lesson, &work), (2, lesson.steps.len()));
    assert_eq!(
        progress_label(lesson, &work),
        format!("2 of {} answered", lesson.steps.len())
    );
    // A blank text is not an answer, and clearing the box removes it.
    work = work.with_answer(&lesson.steps[0], Answer::Text("   ".into()));
    assert_eq!(progress(lesson, &work).0, 1);
    work = work.with_answer(&lesson.steps[0], Answer::Text(String::new()));
    assert!(!work.answers.contains_key(&lesson.steps[0].id));
    // An answer of the wrong kind (a stale file, a changed lesson) does not count.
    work.answers
        .insert(lesson.steps[0].id.clone(), Answer::Choice("x".into()));
    assert_eq!(progress(lesson, &work).0, 1);
    let all = answer_all(&pack, lesson);
    assert_eq!(
        progress_label(lesson, &all),
        format!("All {} answered", lesson.steps.len())
    );
}

#[test]
fn the_key_is_revealed_only_once_the_step_is_answered() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "loaded-words");
    let step = &lesson.steps[0];
    let asked = LessonWork::default().with_revealed(step);
    assert!(
        !asked.is_revealed(step),
        "asking before answering shows nothing"
    );
    let answered = asked.with_answer(step, Answer::Choice(step.options[1].clone()));
    assert!(answered.is_revealed(step));
    assert!(!LessonWork::default()
        .with_answer(step, Answer::Choice(step.options[1].clone()))
        .is_revealed(step));
}

#[test]
fn exported_json_imports_back_to_the_same_work() {
    let pack = seed_pack();
    for lesson in &pack.lessons {
        let work = answer_all(&pack, lesson).with_revealed(&lesson.steps[0]);
        let json = to_json(&pack, lesson, &work);
        let imported = import(&pack, json.len() as u64, &json).expect("its own export imports");
        assert_eq!(
            imported,
            Imported {
                lesson: lesson.id.clone(),
                work: work.clone(),
                left_out: 0
            }
        );
        assert_eq!(from_storage(&pack, lesson, &json), Some(work));
    }
}

#[test]
fn the_json_format_is_stable() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "who-gets-to-speak");
    let work = LessonWork::default()
        .with_answer(
            &lesson.steps[0],
            Answer::Text("Only \"Stoltenberg\" <b>by name</b>.".into()),
        )
        .with_answer(
            &lesson.steps[2],
            Answer::Choice(lesson.steps[2].options[1].clone()),
        );
    let work = work.with_revealed(&lesson.steps[2]);
    assert_text(
        &to_json(&pack, lesson, &work),
        r#"
        {
          "format": "parallax-lesson-work",
          "version": 1,
          "pack": "nato",
          "lesson": "who-gets-to-speak",
          "lesson_title": "Who gets to speak? Named and anonymous sources",
          "answers": {
            "list-the-voices": {
              "kind": "text",
              "value": "Only \"Stoltenberg\" <b>by name</b>."
            },
            "why-anonymity-matters": {
              "kind": "choice",
              "value": "The reader cannot check who they are or what they know, so the claim rests on trusting the writer."
            }
          },
          "revealed": [
            "why-anonymity-matters"
          ]
        }"#,
    );
}

/// Imports `text` into the seed pack and returns the message a student reads.
fn refusal(size: u64, text: &str) -> String {
    match import(&seed_pack(), size, text) {
        Ok(imported) => format!("imported {imported:?}"),
        Err(message) => message,
    }
}

#[test]
fn bad_imports_are_refused_with_a_message() {
    let checks = [
        refusal(3, "{]x"),
        refusal(14, "just some text"),
        refusal(2, "[]"),
        refusal(40, r#"{"format": "parallax-pack", "version": 1}"#),
        refusal(
            80,
            r#"{"format": "parallax-lesson-work", "version": 7, "lesson": "who-gets-to-speak", "answers": {}}"#,
        ),
        refusal(
            60,
            r#"{"format": "parallax-lesson-work", "lesson": "who-gets-to-speak"}"#,
        ),
        refusal(
            90,
            r#"{"format": "parallax-lesson-work", "version": 1, "lesson": "knitting", "lesson_title": "Knitting for beginners"}"#,
        ),
        refusal(
            90,
            r#"{"format": "parallax-lesson-work", "version": 1, "lesson": "loaded-words", "answers": {"x": {"kind": "essay"}}}"#,
        ),
        refusal(50 * 1024 * 1024, "{}"),
    ];
    assert_text(
        &(checks.join("\n") + "\n"),
        r#"
        This file is not a Parallax work file: it is not JSON. Choose the .json file you exported from a lesson.
        This file is not a Parallax work file: it is not JSON. Choose the .json file you exported from a lesson.
        This JSON file is not a Parallax work file. Choose the .json file you exported from a lesson (“Download my work as JSON”).
        This JSON file is not a Parallax work file. Choose the .json file you exported from a lesson (“Download my work as JSON”).
        This work file was saved by a newer version of Parallax (format 7); this version reads format 1. Open it with the newer version, or update this one.
        This work file has no valid version number, so it cannot be read safely.
        This work file is for the lesson “Knitting for beginners”, which the pack “NATO and Russia” does not have. Load the pack the lesson belongs to first.
        This work file is damaged and cannot be read (unknown variant `essay`, expected one of `text`, `choice`, `passage`).
        This file is 50.0 MB; a Parallax work file is a few kilobytes (at most 1 MB). Choose the .json file you exported from a lesson.
    "#,
    );
}

#[test]
fn answers_that_do_not_fit_the_lesson_are_left_out_and_counted() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "loaded-words");
    let step = &lesson.steps[0];
    let text = serde_json::json!({
        "format": WORK_FORMAT,
        "version": 1,
        "lesson": "loaded-words",
        "answers": {
            step.id.clone(): {"kind": "choice", "value": step.options[1]},
            "no-such-step": {"kind": "text", "value": "lost"},
            lesson.steps[1].id.clone(): {"kind": "choice", "value": "a text step answered with a choice"},
            lesson.steps[3].id.clone(): {"kind": "choice", "value": "not one of the options"},
        },
        "revealed": [step.id, "no-such-step"],
    })
    .to_string();
    let imported = import(&pack, text.len() as u64, &text).unwrap();
    assert_eq!(imported.left_out, 3);
    assert_eq!(
        imported.work,
        LessonWork::default()
            .with_answer(step, Answer::Choice(step.options[1].clone()))
            .with_revealed(step)
    );
}

#[test]
fn importing_replaces_answers_step_by_step_and_keeps_the_rest() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "check-the-dateline");
    let here = LessonWork::default()
        .with_answer(&lesson.steps[2], Answer::Text("written here".into()))
        .with_answer(&lesson.steps[5], Answer::Text("kept".into()));
    let there =
        LessonWork::default().with_answer(&lesson.steps[2], Answer::Text("written there".into()));
    let merged = here.merged(&there);
    assert_eq!(
        merged.answer(&lesson.steps[2]),
        Some(&Answer::Text("written there".into()))
    );
    assert_eq!(
        merged.answer(&lesson.steps[5]),
        Some(&Answer::Text("kept".into()))
    );
}

#[test]
fn stored_work_of_another_lesson_or_unreadable_work_is_not_taken_for_this_lessons() {
    let pack = seed_pack();
    let (first, second) = (&pack.lessons[0], &pack.lessons[1]);
    let json = to_json(&pack, first, &answer_all(&pack, first));
    assert_eq!(from_storage(&pack, second, &json), None);
    assert_eq!(
        from_storage(&pack, first, "{\"format\": \"parallax-lesson-work\", \"ver"),
        None
    );
}

#[test]
fn markdown_export_lists_every_step_with_the_students_answer() {
    let pack = seed_pack();
    let lesson = lesson(&pack, "loaded-words");
    let work = LessonWork::default()
        .with_answer(
            &lesson.steps[0],
            Answer::Choice(lesson.steps[0].options[1].clone()),
        )
        .with_answer(
            &lesson.steps[1],
            Answer::Text(
                "NATO members agree to a 5% target.\n\n# Not a heading\nSecond line".into(),
            ),
        );
    assert_text(
        &to_markdown(&pack, lesson, &work),
        r#"
        # Loaded words and what they do to a reader

        Introductory · 40 minutes · from the pack “NATO and Russia” in Parallax

        Progress: 2 of 5 answered.

        ## Step 1: Does the headline match the text?

        Article: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns

        **The title speaks of a “Secretive Push” made “Behind Closed Doors”. What does the text itself report?**

        - [ ] Secret meetings that nobody knew about.
        - [x] A public summit and a spending target that was announced.
        - [ ] Leaked documents revealing a hidden plan.

        My answer: A public summit and a spending target that was announced.

        ## Step 2: Write a neutral headline

        Article: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns

        **Rewrite the headline in neutral words that match what the text reports. Then write one sentence on what changed for the reader.**

        My answer:

        > NATO members agree to a 5% target.
        >
        > # Not a heading
        > Second line

        ## Step 3: Find the loaded words

        Article: The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability

        **Select the passage whose words make migration sound like a threat.**

        *Not answered.*

        ## Step 4: What does one word do?

        Article: The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability

        **What does the word “mass” in “mass migration” do to a reader?**

        - [ ] It tells the reader exactly how many people moved.
        - [ ] It makes the movement sound huge and uncontrollable without giving any number.
        - [ ] Nothing: it is a neutral technical term.

        *Not answered.*

        ## Step 5: Verbs that judge

        Article: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns

        **Compare “Russian officials have consistently maintained that …” with “Russian officials say that …”, and “what they describe as aggressive moves” with “aggressive moves”. What does each choice of words tell the reader to think?**

        *Not answered.*
    "#,
    );
}

#[test]
fn passages_skip_headings_and_every_passage_key_and_excerpt_is_offered() {
    let pack = seed_pack();
    for lesson in &pack.lessons {
        for step in &lesson.steps {
            let Some(slug) = &step.article else { continue };
            let article = pack.articles.iter().find(|a| &a.slug == slug).unwrap();
            let offered = passages(article);
            assert!(offered
                .iter()
                .all(|p| p.split_whitespace().count() >= MIN_PASSAGE_WORDS));
            if let Some(excerpt) = &step.excerpt {
                assert!(
                    paragraph_with(article, excerpt).is_some(),
                    "{}: {excerpt}",
                    step.id
                );
            }
            if step.kind == QuestionKind::SelectPassage {
                let key = step
                    .answer
                    .as_deref()
                    .expect("the seed lessons key every passage");
                let paragraph = paragraph_with(article, key).expect("the key is in a paragraph");
                assert!(
                    offered.contains(&paragraph),
                    "{}: the key's paragraph is offered",
                    step.id
                );
            }
        }
    }
}

/// The core checks lessons against its own list of layer ids; the reader must offer exactly those
/// names, or a lesson's link would switch on nothing.
#[test]
fn every_layer_the_reader_shows_is_one_a_lesson_may_name() {
    let known = parallax_core::lesson::layer_ids();
    for article in &seed_pack().articles {
        for (layer, _) in crate::highlight::layers(&crate::highlight::highlights(&article.analysis))
        {
            assert!(
                known.contains(&layer.id),
                "{} is not in lesson::layer_ids()",
                layer.id
            );
        }
    }
}
