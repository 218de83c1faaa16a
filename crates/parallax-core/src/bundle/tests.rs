use expect_test::expect;

use super::*;
use crate::import::{self, Edits};

/// A small pack as a teacher's export would hold it: two imported articles, one event, one lesson.
fn class_pack() -> Pack {
    let article = |source: &str, slug: &str| {
        let imported = import::from_text(source);
        let analysis = crate::analyze(&imported.text);
        import::to_article(
            &imported,
            analysis,
            slug.to_owned(),
            "Untitled",
            &Edits::default(),
        )
    };
    Pack {
        version: PACK_VERSION,
        id: "class-9b".into(),
        title: "Class 9B: local news".into(),
        description: String::new(),
        events: crate::events::Catalogue {
            curation: "Written by the teacher.".into(),
            events: vec![Event {
                id: "bridge-vote".into(),
                name: "Council vote on bridge repairs".into(),
                ..Event::default()
            }],
        },
        articles: vec![
            article(crate::import::hay_for_bundle::BRIDGE, "bridge-vote-delayed"),
            article(crate::import::hay_for_bundle::FERRY, "ferry-routes-closed"),
        ],
        lessons: Vec::new(),
    }
}

fn analysed(stored: StoredPack) -> Pack {
    let StoredPack {
        version,
        id,
        title,
        description,
        events,
        articles,
        lessons,
    } = stored;
    let articles = articles
        .into_iter()
        .map(|article| {
            let analysis = crate::analyze(&source_text(&article));
            rebuild(article, analysis)
        })
        .collect();
    Pack {
        version,
        id,
        title,
        description,
        events,
        articles,
        lessons,
    }
}

#[test]
fn an_exported_pack_loads_back_as_it_was() {
    let pack = class_pack();
    let file = write(&pack);
    let loaded = analysed(read(&file).expect("a valid pack"));
    assert_eq!(loaded, pack);
}

#[test]
fn a_malformed_file_is_refused_with_where_it_breaks() {
    let file = write(&class_pack());
    let cut = &file[..file.len() / 2];
    let message = read(cut).expect_err("cut short").to_string();
    assert!(
        message.starts_with("This file is not a readable pack"),
        "{message}"
    );
    assert!(message.contains("line 1, column"), "{message}");
    expect!["This file is not a readable pack: it is damaged or not JSON (line 2, column 16: expected value)."].assert_eq(&read("{\"version\": 2,\n  \"articles\": [,]}").unwrap_err().to_string());
    expect!["This file is not a readable pack: it is damaged or not JSON (line 1, column 0: EOF while parsing a value)."].assert_eq(&read("").unwrap_err().to_string());
    expect![[r#"This file is JSON but not a Parallax pack (it is not an object with a format "version")."#]].assert_eq(&read("[1, 2, 3]").unwrap_err().to_string());
    expect![
        "This file is JSON but not a Parallax pack (line 1, column 25: missing field `title`)."
    ]
    .assert_eq(
        &read("{\"version\": 2, \"id\": \"x\"}")
            .unwrap_err()
            .to_string(),
    );
}

#[test]
fn a_pack_from_a_newer_version_is_refused_whatever_its_shape() {
    let newer = r#"{"version": 7, "format": "something new", "articles": {"a": 1}}"#;
    let error = read(newer).expect_err("newer");
    assert_eq!(error, BundleError::Newer { version: 7 });
    expect!["This pack was made by a newer version of Parallax (pack format 7; this version reads up to 2). Reload the page to get the newest version, or ask for a pack saved by this one."].assert_eq(&error.to_string());
    let huge = r#"{"version": 99999999999, "articles": []}"#;
    assert!(matches!(read(huge), Err(BundleError::Newer { .. })));
}

#[test]
fn a_very_large_file_is_refused_by_its_size_alone() {
    let fifty_megabytes = 50 * 1024 * 1024;
    let error = check_size(fifty_megabytes).expect_err("too large");
    expect!["This file is 50 MB; Parallax loads packs of up to 20 MB. It was not read."]
        .assert_eq(&error.to_string());
    assert!(check_size(MAX_BUNDLE_BYTES).is_ok());
}

#[test]
fn duplicate_and_malformed_slugs_and_empty_texts_are_listed() {
    let mut pack = class_pack();
    pack.articles[1].slug = pack.articles[0].slug.clone();
    let mut third = pack.articles[0].clone();
    third.slug = "Not A Slug!".into();
    third.title = " ".into();
    third.analysis.text = String::new();
    pack.articles.push(third);
    pack.events.events.push(pack.events.events[0].clone());
    let error = read(&write(&pack)).expect_err("invalid");
    expect![[r#"This pack has problems, so nothing was loaded: article 2 repeats the slug "bridge-vote-delayed"; article 3 has the slug "Not A Slug!"; slugs are lower-case letters, digits and hyphens; article 3 (Not A Slug!) has no title; article 3 (Not A Slug!) has no text; the event id "bridge-vote" appears twice."#]].assert_eq(&error.to_string());
}

#[test]
fn html_and_script_in_a_pack_stay_text() {
    let mut pack = class_pack();
    let hostile = "<script>document.body.innerHTML = ''</script>\n\n<img src=x onerror=\"alert(1)\"> A <b>bold</b> claim, said <a href=\"javascript:alert(2)\">the minister</a>.";
    pack.articles[0].analysis.text = hostile.to_owned();
    pack.articles[0].title = "<h1 onclick=alert(3)>Title</h1>".into();
    let loaded = analysed(read(&write(&pack)).expect("text is text, not an error"));
    assert_eq!(loaded.articles[0].analysis.text, hostile);
    assert_eq!(loaded.articles[0].title, "<h1 onclick=alert(3)>Title</h1>");
}

#[test]
fn analyses_in_the_file_are_not_trusted_spans_come_from_the_engine() {
    let pack = class_pack();
    let mut value: serde_json::Value = serde_json::from_str(&write(&pack)).unwrap();
    // A hand-edited file whose cues point far outside the text.
    value["articles"][0]["analysis"]["cues"] =
        serde_json::json!([{"span": {"start": 5, "end": 999999}}]);
    value["articles"][0]["analysis"]["metadata"]["dateline"] = serde_json::json!({"span": {"start": 3, "end": 999999}, "place": "X", "agency": null, "date": null});
    let loaded = analysed(read(&value.to_string()).expect("loads"));
    let article = &loaded.articles[0];
    assert_eq!(article.analysis.cues, pack.articles[0].analysis.cues);
    assert!(article
        .analysis
        .metadata
        .dateline
        .as_ref()
        .is_none_or(|d| d.span.end <= article.analysis.text.len()));
}

#[test]
fn the_oldest_pack_format_still_loads() {
    let v1 = include_str!("../pack/pack-v1.json");
    let stored = read(v1).expect("version 1 loads");
    assert_eq!(stored.version, 1);
    assert!(!stored.articles.is_empty());
}

#[test]
fn merging_reports_what_was_added_replaced_and_already_built_in() {
    let seed = class_pack();
    let mut library = Pack {
        version: PACK_VERSION,
        id: "library".into(),
        title: "Your articles".into(),
        description: String::new(),
        events: Default::default(),
        articles: Vec::new(),
        lessons: Vec::new(),
    };
    // A colleague's pack: one article the built-in pack has, one with a built-in slug but other
    // text, one new; the event is the built-in one.
    let mut incoming = class_pack();
    incoming.title = "Colleague's pack".into();
    incoming.articles[1]
        .analysis
        .text
        .push_str("\n\nAn added paragraph.");
    let mut new_one = incoming.articles[0].clone();
    new_one.slug = "school-roof".into();
    new_one.title = "School roof finished".into();
    incoming.articles.push(new_one);
    let report = merge(&seed, &mut library, incoming.clone());
    expect!["Loaded “Colleague's pack”: added 2 articles (“Storm closes ferry routes for second day”, “School roof finished”). 1 article was already built in and stayed as it was. “Storm closes ferry routes for second day” shares its address with a built-in article, so it is kept as ferry-routes-closed-2."]
        .assert_eq(&report.sentence());
    expect![""].assert_eq(&report.refusals().unwrap_or_default());
    let slugs: Vec<&str> = library.articles.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["ferry-routes-closed-2", "school-roof"]);
    assert_eq!(seed, class_pack(), "the built-in pack is untouched");

    // Loading the same pack again replaces rather than duplicates.
    let again = merge(&seed, &mut library, incoming);
    expect!["Loaded “Colleague's pack”: replaced 2 articles of yours with the pack's version (“Storm closes ferry routes for second day”, “School roof finished”). 1 article was already built in and stayed as it was. “Storm closes ferry routes for second day” shares its address with a built-in article, so it is kept as ferry-routes-closed-2."].assert_eq(&again.sentence());
    assert_eq!(library.articles.len(), 2);

    let shown = combine(&seed, &library);
    assert_eq!(shown.articles.len(), 4);
    assert_eq!(shown.events.events.len(), 1);
}

#[test]
fn a_loaded_packs_lessons_are_checked_against_the_pack_they_join() {
    use crate::lesson::{QuestionKind, Step};
    let seed = class_pack();
    let lesson = |id: &str, article: &str, excerpt: Option<&str>, question: &str| Lesson {
        id: id.into(),
        title: format!("Lesson {id}"),
        curation: "Written by the teacher.".into(),
        duration_minutes: 20,
        objectives: vec!["Read closely.".into()],
        steps: vec![Step {
            id: "read".into(),
            title: "Read".into(),
            article: Some(article.into()),
            excerpt: excerpt.map(str::to_owned),
            kind: QuestionKind::FreeText,
            question: question.into(),
            ..Step::default()
        }],
        ..Lesson::default()
    };
    let mut library = crate::pack::Pack {
        lessons: vec![lesson("mine", "bridge-vote-delayed", None, "Why?")],
        ..class_pack()
    };
    library.articles.clear();
    library.events = Default::default();
    let kept = library.lessons.clone();

    // The colleague's ferry article differs from the built-in one, so it is kept under a new slug;
    // a lesson quoting its added paragraph must follow it there.
    let mut incoming = class_pack();
    incoming.title = "Colleague's pack".into();
    incoming.articles[1]
        .analysis
        .text
        .push_str("\n\nAn added paragraph.");
    incoming.lessons = vec![
        lesson(
            "ferry",
            "ferry-routes-closed",
            Some("An added paragraph"),
            "What was added?",
        ),
        lesson("lost", "no-such-article", Some("words"), " "),
        lesson(
            "mine",
            "bridge-vote-delayed",
            Some("not in the text"),
            "Why?",
        ),
    ];
    let report = merge(&seed, &mut library, incoming);
    expect!["Loaded “Colleague's pack”: added 1 article (“Storm closes ferry routes for second day”); added 1 lesson and replaced 0. 1 article was already built in and stayed as it was. “Storm closes ferry routes for second day” shares its address with a built-in article, so it is kept as ferry-routes-closed-2."]
    .assert_eq(&report.sentence());
    expect!["The lesson “Lesson lost” (lost) does not fit this pack: step 1: The step asks no question: write the question students answer; step 1: The article this step points at (no-such-article) is not in the collection: choose another. The lesson “Lesson mine” (mine) does not fit this pack: step 1: The excerpt is not in the article's text: copy it from the article word for word."].assert_eq(&report.refusals().unwrap_or_default());
    let ids: Vec<&str> = library.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["mine", "ferry"]);
    assert_eq!(
        library.lessons[0], kept[0],
        "the stored lesson is not replaced by a refused one"
    );
    assert_eq!(
        library.lessons[1].steps[0].article.as_deref(),
        Some("ferry-routes-closed-2")
    );
    let shown = combine(&seed, &library);
    let context = LessonContext::of_pack(&shown);
    let file = LessonFile {
        curation: String::new(),
        lessons: shown.lessons.clone(),
    };
    assert_eq!(
        file.problems(&context),
        Vec::new(),
        "every loaded lesson fits"
    );
}
