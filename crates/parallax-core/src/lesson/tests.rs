use expect_test::{expect, Expect};

use super::*;

const ARTICLE: &str =
    "The harbour will close in January.\n\nOfficials said the repairs were overdue.";

fn context() -> LessonContext<'static> {
    LessonContext {
        articles: vec![("harbour", ARTICLE), ("bridge", "The bridge reopened.")],
        events: vec!["harbour-repairs"],
        layers: layer_ids(),
    }
}

/// Parses a lesson file and lists its problems, each with the line of its table.
fn check(toml_text: &str, expect: Expect) {
    let file: LessonFile = toml::from_str(toml_text).expect("the test's TOML parses");
    let out: String = file
        .problems(&context())
        .iter()
        .map(|problem| {
            let line = table_line(toml_text, problem.place.lesson, problem.place.step);
            format!("line {line:?}: {}\n", problem.message)
        })
        .collect();
    expect.assert_eq(&out);
}

const GOOD: &str = r#"
curation = "Written for these tests."

[[lesson]]
id = "harbour"
title = "The harbour"
level = "intermediate"
duration_minutes = 30
objectives = ["Find who speaks."]

[[lesson.step]]
id = "who"
title = "Who speaks"
article = "harbour"
layers = ["anonymous", "cue-loaded-language"]
excerpt = "Officials said"
kind = "select_passage"
question = "Select the passage that quotes an unnamed source."
answer = "repairs were overdue"

[[lesson.step]]
id = "compare"
title = "Two pieces"
compare = ["harbour", "bridge"]
event = "harbour-repairs"
kind = "multiple_choice"
question = "Which piece names its source?"
options = ["The harbour piece", "Neither"]
answer = "Neither"
teacher_notes = "Both rely on unnamed officials."
"#;

#[test]
fn a_good_lesson_file_has_no_problems_and_lessons_take_the_files_curation() {
    check(GOOD, expect![[""]]);
    let file: LessonFile = toml::from_str(GOOD).unwrap();
    let lessons = file.into_lessons();
    assert_eq!(lessons[0].curation, "Written for these tests.");
    assert_eq!(lessons[0].level, Level::Intermediate);
    assert_eq!(lessons[0].steps.len(), 2);
    assert_eq!(lessons[0].steps[1].kind, QuestionKind::MultipleChoice);
}

#[test]
fn unknown_slugs_layers_events_and_misplaced_keys_are_named() {
    check(
        r#"
curation = "x"

[[lesson]]
id = "one"
title = "One"
duration_minutes = 10
objectives = ["x"]

[[lesson.step]]
id = "a"
title = "A"
article = "missing"
layers = ["quotes", "cue-shouting"]
kind = "free_text"
question = "Why?"

[[lesson.step]]
id = "b"
title = "B"
compare = ["harbour", "nowhere"]
event = "no-such-event"
kind = "free_text"
question = "Why?"
options = ["x"]

[[lesson.step]]
id = "c"
title = "C"
event = "harbour-repairs"
layers = ["quotes"]
excerpt = "words"
kind = "select_passage"
question = "Which?"
"#,
        expect![[r#"
            line Some(10): Lesson `one`, step 1: unknown article slug `missing`.
            line Some(10): Lesson `one`, step 1: unknown highlight layer `cue-shouting`; the layers are quotes, reported, sources, anonymous, and cue- followed by a cue kind (e.g. cue-loaded-language).
            line Some(18): Lesson `one`, step 2: unknown article slug `nowhere` in `compare`.
            line Some(18): Lesson `one`, step 2: unknown event `no-such-event`: the catalogue has no such id.
            line Some(18): Lesson `one`, step 2: `options` belong to multiple-choice questions only.
            line Some(27): Lesson `one`, step 3: `event = "harbour-repairs"` needs a comparison (`compare`) to start from it.
            line Some(27): Lesson `one`, step 3: `layers` needs an article or a comparison to show them on.
            line Some(27): Lesson `one`, step 3: `excerpt` needs an `article` to quote from.
            line Some(27): Lesson `one`, step 3: a "select the passage" question needs an `article` to choose from.
        "#]],
    );
}

#[test]
fn duplicate_ids_bad_keys_and_missing_parts_are_named() {
    check(
        r#"
[[lesson]]
id = "twice"
title = ""

[[lesson]]
id = "twice"
title = "Again"
duration_minutes = 5
objectives = ["x"]

[[lesson.step]]
id = "s"
title = "S"
kind = "multiple_choice"
question = "Pick"
options = ["Yes", "No", "Yes"]
answer = "Maybe"

[[lesson.step]]
id = "s"
title = "T"
article = "harbour"
excerpt = "not in the text"
kind = "select_passage"
question = "Select"
answer = "also not there"

[[lesson]]
id = "Bad Id"
title = "Bad"
duration_minutes = 5
objectives = ["x"]

[[lesson.step]]
id = "one"
title = "One"
kind = "multiple_choice"
question = ""
options = ["Only"]
answer = " "
"#,
        expect![[r#"
            line Some(2): Lesson `twice` has no title.
            line Some(2): Lesson `twice` has no `curation` note saying who wrote it (give the file or the lesson one).
            line Some(2): Lesson `twice` has no `duration_minutes`.
            line Some(2): Lesson `twice` has no objectives.
            line Some(2): Lesson `twice` has no steps.
            line Some(6): Lesson `twice` is listed twice; lesson ids must be unique.
            line Some(6): Lesson `twice` has no `curation` note saying who wrote it (give the file or the lesson one).
            line Some(12): Lesson `twice`, step 1: the option "Yes" is listed twice.
            line Some(12): Lesson `twice`, step 1: the multiple-choice key "Maybe" is not among the options.
            line Some(20): Lesson `twice`, step 2: step id `s` is used twice in this lesson.
            line Some(20): Lesson `twice`, step 2: the excerpt "not in the text" is not in the text of `harbour`.
            line Some(20): Lesson `twice`, step 2: the key "also not there" is not in the text of `harbour`; quote words of the passage meant.
            line Some(29): Lesson `Bad Id`: ids use lower-case letters, digits and single hyphens.
            line Some(29): Lesson `Bad Id` has no `curation` note saying who wrote it (give the file or the lesson one).
            line Some(35): Lesson `Bad Id`, step 1: the step asks no question.
            line Some(35): Lesson `Bad Id`, step 1: a multiple-choice question needs at least two options.
            line Some(35): Lesson `Bad Id`, step 1: the multiple-choice key " " is not among the options.
            line Some(35): Lesson `Bad Id`, step 1: the answer key is empty; leave `answer` out instead.
        "#]],
    );
}

#[test]
fn unknown_keys_and_kinds_are_refused_by_the_parser() {
    let misspelt = "[[lesson]]\nid = \"a\"\ntitle = \"A\"\nobjective = [\"x\"]\n";
    let error = toml::from_str::<LessonFile>(misspelt).unwrap_err();
    assert!(
        error.message().contains("unknown field `objective`"),
        "{error}"
    );
    let bad_kind = "[[lesson]]\nid = \"a\"\ntitle = \"A\"\n[[lesson.step]]\nid = \"s\"\ntitle = \"S\"\nkind = \"essay\"\nquestion = \"?\"\n";
    let error = toml::from_str::<LessonFile>(bad_kind).unwrap_err();
    assert!(
        error.message().contains("unknown variant `essay`"),
        "{error}"
    );
}

#[test]
fn identity_only_lessons_from_older_packs_still_load() {
    let lesson: Lesson = serde_json::from_str(r#"{"id": "a", "title": "A"}"#).unwrap();
    assert_eq!(lesson.steps, Vec::new());
    assert_eq!(lesson.level, Level::Introductory);
    let json = serde_json::to_value(&lesson).unwrap();
    assert_eq!(serde_json::from_value::<Lesson>(json).unwrap(), lesson);
}

#[test]
fn ids_are_lower_case_words_joined_by_single_hyphens() {
    for good in ["a", "who-gets-to-speak", "step-2"] {
        assert!(is_valid_id(good), "{good}");
    }
    for bad in ["", "-a", "a-", "a--b", "A", "a b", "ä"] {
        assert!(!is_valid_id(bad), "{bad}");
    }
}

#[test]
fn layer_ids_follow_the_readers_naming() {
    let ids = layer_ids();
    assert!(ids.contains(&"cue-loaded-language".to_owned()));
    assert!(ids.contains(&"anonymous".to_owned()));
    assert_eq!(ids.len(), 4 + CueKind::ALL.len());
}

// ── Lessons written in the app (`draft.rs`) ──────────────────────────────────────────────────────

use super::draft::{make_id, LessonDraft, Material, StepDraft, TEACHER_CURATION};

/// A draft as a teacher fills the editor in: a multiple-choice step on an article and a free-text
/// step on a comparison.
fn two_step_draft() -> LessonDraft {
    LessonDraft {
        id: None,
        title: "  Who speaks at the harbour? ".into(),
        level: Level::Intermediate,
        duration: " 40 ".into(),
        summary: "Two short pieces about the harbour.".into(),
        objectives: "Find who speaks.\n\n  Ask who is missing.  \n".into(),
        steps: vec![
            StepDraft {
                title: "Who is quoted?".into(),
                material: Material::Article,
                article: "harbour".into(),
                layers: vec!["anonymous".into()],
                excerpt: "Officials said".into(),
                kind: QuestionKind::MultipleChoice,
                question: "Who gives the reason for the closure?".into(),
                options: vec!["A named engineer".into(), " Unnamed officials ".into()],
                correct: Some(1),
                // Typed while the step was a free-text one; not part of a multiple-choice step.
                answer: "left over".into(),
                ..StepDraft::new()
            },
            StepDraft {
                title: "Who is quoted?".into(),
                material: Material::Comparison,
                // Chosen while the step pointed at an article; not part of a comparison.
                article: "bridge".into(),
                compare: vec!["harbour".into(), "bridge".into()],
                event: "harbour-repairs".into(),
                kind: QuestionKind::FreeText,
                question: "What does each piece leave out?".into(),
                answer: "".into(),
                teacher_notes: " Neither names a source. ".into(),
                ..StepDraft::new()
            },
        ],
    }
}

fn draft_problems(draft: &LessonDraft, taken: &[&str]) -> String {
    draft
        .problems(&context(), |id| taken.contains(&id))
        .iter()
        .map(|p| format!("{:?} {:?}: {}\n", p.place.step, p.field, p.detail))
        .collect()
}

#[test]
fn a_draft_becomes_a_lesson_with_ids_made_from_its_titles() {
    let draft = two_step_draft();
    let lesson = draft.to_lesson(|id| id == "who-speaks-at-the-harbour");
    expect![[r#"
        {
          "id": "who-speaks-at-the-harbour-2",
          "title": "Who speaks at the harbour?",
          "curation": "Written by a teacher in Parallax on this device; not part of any article.",
          "level": "intermediate",
          "duration_minutes": 40,
          "summary": "Two short pieces about the harbour.",
          "objectives": [
            "Find who speaks.",
            "Ask who is missing."
          ],
          "steps": [
            {
              "id": "who-is-quoted",
              "title": "Who is quoted?",
              "instructions": "",
              "article": "harbour",
              "layers": [
                "anonymous"
              ],
              "excerpt": "Officials said",
              "compare": [],
              "event": null,
              "kind": "multiple_choice",
              "question": "Who gives the reason for the closure?",
              "options": [
                "A named engineer",
                "Unnamed officials"
              ],
              "answer": "Unnamed officials",
              "teacher_notes": null
            },
            {
              "id": "who-is-quoted-2",
              "title": "Who is quoted?",
              "instructions": "",
              "article": null,
              "layers": [],
              "excerpt": null,
              "compare": [
                "harbour",
                "bridge"
              ],
              "event": "harbour-repairs",
              "kind": "free_text",
              "question": "What does each piece leave out?",
              "options": [],
              "answer": null,
              "teacher_notes": "Neither names a source."
            }
          ]
        }"#]]
    .assert_eq(&serde_json::to_string_pretty(&lesson).unwrap());
    assert!(is_valid_id(&lesson.id));
    assert_eq!(draft_problems(&draft, &[]), "");
}

#[test]
fn a_draft_is_checked_by_the_builds_rules_and_says_which_field_is_wrong() {
    let mut draft = two_step_draft();
    draft.duration = "forty".into();
    draft.objectives = "  \n".into();
    draft.steps[0].question = "   ".into();
    draft.steps[0].options = vec!["Only one".into(), "".into()];
    draft.steps[0].correct = None;
    draft.steps[0].excerpt = "words not in the article".into();
    draft.steps[1].compare = vec!["harbour".into()];
    draft.steps.push(StepDraft {
        kind: QuestionKind::SelectPassage,
        answer: "a passage".into(),
        ..StepDraft::new()
    });
    draft.steps.push(StepDraft {
        title: "Nothing chosen".into(),
        question: "Why?".into(),
        material: Material::Article,
        ..StepDraft::new()
    });
    draft.steps.push(StepDraft {
        title: "No articles ticked".into(),
        question: "Why?".into(),
        material: Material::Comparison,
        // Chosen while the step pointed at an article; it does not count for the comparison.
        article: "harbour".into(),
        ..StepDraft::new()
    });
    expect![[r#"
        None Duration: The duration “forty” is not a whole number of minutes.
        None Objectives: The lesson has no objectives: write at least one.
        Some(0) Question: The step asks no question: write the question students answer.
        Some(0) Excerpt: The excerpt is not in the article's text: copy it from the article word for word.
        Some(0) Options: An option is empty: fill it in or remove it.
        Some(1) Compare: Only one article is chosen for the comparison: choose two to four articles.
        Some(2) StepTitle: The step has no title: give it one.
        Some(2) Question: The step asks no question: write the question students answer.
        Some(2) Article: A “select the passage” question needs an article to choose from.
        Some(3) Article: Choose the article the step points at (or say it points at nothing).
        Some(4) Compare: Choose two to four articles to compare (or say the step points at nothing).
    "#]]
    .assert_eq(&draft_problems(&draft, &[]));
    // Nothing typed is lost by checking: the draft is unchanged and still holds the hidden fields.
    assert_eq!(draft.steps[0].answer, "left over");
    let empty = LessonDraft::new();
    expect![[r#"
        None Title: The lesson has no title.
        None Duration: The lesson has no duration: give it in minutes.
        None Objectives: The lesson has no objectives: write at least one.
        Some(0) StepTitle: The step has no title: give it one.
        Some(0) Question: The step asks no question: write the question students answer.
    "#]]
    .assert_eq(&draft_problems(&empty, &[]));
    let mut no_steps = two_step_draft();
    no_steps.steps.clear();
    no_steps.duration = "100000".into();
    expect![[r#"
        None Duration: The duration is longer than a day; give it in minutes.
        None Steps: The lesson has no steps: add at least one.
    "#]]
    .assert_eq(&draft_problems(&no_steps, &[]));
}

#[test]
fn editing_keeps_ids_and_a_copy_gets_new_ones() {
    let file: LessonFile = toml::from_str(GOOD).unwrap();
    let lesson = file.into_lessons().remove(0);
    let edited = LessonDraft::from_lesson(&lesson, false);
    assert_eq!(edited.steps[1].correct, Some(1));
    let mut again = edited.to_lesson(|_| true);
    again.curation = lesson.curation.clone();
    assert_eq!(again, lesson, "opening and saving changes nothing");

    let copy = LessonDraft::from_lesson(&lesson, true);
    let taken = ["harbour"];
    let copied = copy.to_lesson(|id| taken.contains(&id));
    assert_eq!(copied.id, "the-harbour-copy");
    assert_eq!(copied.title, "The harbour (copy)");
    assert_eq!(copied.curation, TEACHER_CURATION);
    let step_ids: Vec<&str> = copied.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(step_ids, ["who-speaks", "two-pieces"]);
    assert_eq!(draft_problems(&copy, &taken), "");
}

#[test]
fn ids_are_made_from_any_title() {
    let free = |_: &str| false;
    assert_eq!(make_id("Élan — vital!", "lesson", free), "elan-vital");
    assert_eq!(make_id("¿¡…!?", "lesson", free), "lesson");
    assert_eq!(make_id("", "step-3", free), "step-3");
    assert_eq!(make_id("日本語", "lesson", free), "lesson");
    assert_eq!(
        make_id("Lesson", "lesson", |id| ["lesson", "lesson-2"]
            .contains(&id)),
        "lesson-3"
    );
    let long = make_id(&"word ".repeat(40), "lesson", free);
    assert!(long.len() <= 60 && is_valid_id(&long), "{long}");
}

#[test]
fn a_stored_draft_from_an_older_editor_still_reads() {
    let draft: LessonDraft =
        serde_json::from_str(r#"{"title": "Half written", "steps": [{"question": "Why?"}]}"#)
            .unwrap();
    assert_eq!(draft.title, "Half written");
    assert_eq!(draft.steps[0].kind, QuestionKind::FreeText);
    assert_eq!(draft.steps[0].material, Material::Nothing);
}
