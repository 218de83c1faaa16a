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
