use expect_test::{expect, Expect};

use super::*;

/// A pack written by version 1 of the format, kept byte for byte: it must keep loading.
const PACK_V1: &str = include_str!("pack-v1.json");

/// The manifest checks, as the messages a curator reads.
fn check_manifest(manifest_text: &str, manifest: &Manifest, expect: Expect) {
    let issues = validate_manifest("pack.toml", manifest_text, manifest);
    let out: String = issues.iter().map(|issue| format!("{issue}\n")).collect();
    expect.assert_eq(&out);
}

fn entry(slug: &str, file: &str) -> ManifestArticle {
    ManifestArticle {
        slug: slug.to_owned(),
        file: file.to_owned(),
        title: "A title".to_owned(),
        title_curated: false,
        byline: None,
        author: NO_BYLINE.to_owned(),
        printed_date: None,
        notes: Vec::new(),
        topics_curated: Vec::new(),
    }
}

fn manifest(articles: Vec<ManifestArticle>) -> Manifest {
    Manifest {
        pack: ManifestPack {
            id: "sample".to_owned(),
            title: "Sample".to_owned(),
            description: String::new(),
        },
        articles,
    }
}

#[test]
fn version_1_pack_still_loads() {
    let stored: StoredPack =
        serde_json::from_str(PACK_V1).expect("a version-1 pack must keep loading as a StoredPack");
    let pack = stored.upgrade().expect("version 1 is still supported");
    let summary: Vec<String> =
        pack.articles
            .iter()
            .map(|a| {
                format!(
                "{} | {} | {} | {:?} | file={:?} topics={:?} | analysis v{} of {:?}, removed {:?}",
                a.slug,
                a.title,
                a.author,
                a.printed_date,
                a.file,
                a.topics_curated,
                a.analysis.version,
                a.analysis.text.chars().take(30).collect::<String>(),
                a.analysis.removed.iter().map(|r| (&r.text, r.kind)).collect::<Vec<_>>()
            )
            })
            .collect();
    assert!(pack
        .articles
        .iter()
        .all(|a| a.analysis.version == crate::ANALYSIS_VERSION));
    assert_eq!(
        pack.events,
        Catalogue::default(),
        "a pack from before event catalogues loads with an empty one"
    );
    expect![[r#"
        v2 sample "A version-1 pack" description=""
        harbour | Harbour to close for repairs | Jane Doe | Some("24 Dec 2021") | file="" topics=[] | analysis v1 of "The harbour will close for rep", removed [("Related Posts", Chrome)]
        bus-route | Bus route extended | No byline | None | file="" topics=[] | analysis v1 of "The council voted to extend th", removed []
    "#]].assert_eq(&format!(
        "v{} {} {:?} description={:?}\n{}\n",
        pack.version,
        pack.id,
        pack.title,
        pack.description,
        summary.join("\n")
    ));
}

#[test]
fn a_pack_from_the_future_is_refused_with_a_reason() {
    let mut stored: StoredPack = serde_json::from_str(PACK_V1).expect("fixture loads");
    stored.version = PACK_VERSION + 1;
    expect!["this pack has format version 3; this version of Parallax reads versions 1 to 2"]
        .assert_eq(&stored.upgrade().unwrap_err());
}

#[test]
fn a_current_pack_also_reads_as_a_stored_pack() {
    let article = build_article(&entry("harbour", "raw/harbour.txt"), "Harbour to close\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n");
    let pack = Pack {
        version: PACK_VERSION,
        id: "sample".into(),
        title: "Sample".into(),
        description: "d".into(),
        events: Catalogue::default(),
        articles: vec![article],
        lessons: Vec::new(),
    };
    let json = serde_json::to_string(&pack).expect("serializes");
    assert_eq!(
        serde_json::from_str::<StoredPack>(&json)
            .expect("reads")
            .upgrade(),
        Ok(pack)
    );
}

/// Found by the `pack_stored` fuzz target: a stored lede or dateline whose span does not fit the
/// stored text (past its end, or inside a character) was carried over as it was, and the reader would
/// slice the text with it. Such spans are now replaced by the ones found in the text; title cues
/// follow the stored title they index into.
#[test]
fn stored_spans_that_do_not_fit_the_text_are_not_carried_over() {
    let text = "LISBON (Reuters) - The harbour will close for repairs, officials said.\n\nThe caf\u{e9} stays open.";
    let own = crate::analyze(text).metadata;
    let upgrade = |lede: crate::Span, dateline: crate::Span| {
        let mut stored: StoredPack = serde_json::from_str(PACK_V1).expect("fixture loads");
        let article = &mut stored.articles[0].analysis;
        article.text = text.into();
        article.metadata.lede = Some(lede);
        article.metadata.dateline = Some(crate::meta::Dateline {
            span: dateline,
            place: "LISBON".into(),
            agency: Some("Reuters".into()),
            date: None,
        });
        article.metadata.title = Some("Shocking: the harbour closes".into());
        stored
            .upgrade()
            .expect("upgrades")
            .articles
            .remove(0)
            .analysis
    };

    // Past the end, and inside the two bytes of "é": the text's own spans replace them.
    let e_acute = text.find('\u{e9}').expect("in the text");
    let analysis = upgrade(
        crate::Span::new(0, 102),
        crate::Span::new(e_acute + 1, e_acute + 2),
    );
    assert_eq!(analysis.metadata.lede, own.lede);
    assert_eq!(
        analysis.metadata.dateline.map(|d| d.span),
        own.dateline.map(|d| d.span)
    );
    // Spans that fit are the page's and are kept.
    let analysis = upgrade(crate::Span::new(0, 4), crate::Span::new(0, 6));
    assert_eq!(analysis.metadata.lede, Some(crate::Span::new(0, 4)));
    assert_eq!(
        analysis.metadata.dateline.map(|d| d.span),
        Some(crate::Span::new(0, 6))
    );
    // Title cues follow the stored title, which they index into.
    let title = analysis
        .metadata
        .title
        .as_deref()
        .expect("the stored title");
    assert_eq!(analysis.title_cues, crate::cues::find_in_title(title));
    assert!(
        !analysis.title_cues.is_empty(),
        "\"Shocking\" is a title cue"
    );
}

#[test]
fn a_pack_round_trips_through_json() {
    let article = build_article(&entry("harbour", "raw/harbour.txt"), "Harbour to close\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n");
    let pack = Pack {
        version: PACK_VERSION,
        id: "sample".into(),
        title: "Sample".into(),
        description: "d".into(),
        events: Catalogue {
            curation: "Written by the curator.".into(),
            events: vec![crate::events::Event {
                id: "harbour-closure".into(),
                name: "The harbour closure".into(),
                key_terms: vec!["harbour".into(), "repairs".into()],
                ..Default::default()
            }],
        },
        articles: vec![article],
        lessons: Vec::new(),
    };
    let json = serde_json::to_string(&pack).expect("serializes");
    assert_eq!(serde_json::from_str::<Pack>(&json).expect("loads"), pack);
}

#[test]
fn invalid_utf8_names_byte_line_and_column() {
    let bytes = b"First line.\nSecond \xff line.\n";
    expect!["raw/bad.txt:2: invalid UTF-8 at byte 19 (line 2, column 8): save the article as UTF-8 text"].assert_eq(&decode_article("raw/bad.txt", bytes).unwrap_err().to_string());
    assert_eq!(
        decode_article("raw/good.txt", "Caf\u{e9}".as_bytes()),
        Ok("Caf\u{e9}")
    );
}

#[test]
fn duplicate_slugs_name_both_lines() {
    let text = "[pack]\nid = \"sample\"\ntitle = \"Sample\"\n\n[[article]]\nslug = \"harbour\"\nfile = \"raw/a.txt\"\n\n[[article]]\nfile = \"raw/b.txt\"\nslug = \"harbour\"\n";
    check_manifest(
        text,
        &manifest(vec![
            entry("harbour", "raw/a.txt"),
            entry("harbour", "raw/b.txt"),
        ]),
        expect![[r#"
        pack.toml:11: duplicate slug "harbour" (first used at line 6)
    "#]],
    );
}

#[test]
fn bad_slugs_paths_and_authors() {
    let text = "[pack]\nid = \"\"\ntitle = \"Sample\"\n\n[[article]]\nslug = \"Harbour News\"\nfile = \"../outside.txt\"\ntitle = \"\"\nauthor = \"Jane Doe\"\n";
    let mut bad = entry("Harbour News", "../outside.txt");
    bad.title = String::new();
    bad.author = "Jane Doe".to_owned();
    let mut manifest = manifest(vec![bad]);
    manifest.pack.id = String::new();
    check_manifest(
        text,
        &manifest,
        expect![[r#"
            pack.toml:2: [pack] id is empty
            pack.toml:6: slug "Harbour News" must be lower-case letters, digits and hyphens
            pack.toml:7: file "../outside.txt" must be a relative path inside the pack folder
            pack.toml:8: title is empty; write the printed title, or a curated one with title_curated = true
            pack.toml:9: author "Jane Doe" is given but there is no byline; without one the author is "No byline"
        "#]],
    );
}

#[test]
fn a_manifest_without_articles_is_an_error() {
    check_manifest(
        "[pack]\nid = \"sample\"\ntitle = \"Sample\"\n",
        &manifest(Vec::new()),
        expect![[r#"
        pack.toml: the manifest lists no [[article]]
    "#]],
    );
}

#[test]
fn curated_and_detected_metadata_stay_apart() {
    let raw = "Harbour to close for repairs\n\nBy Jane Doe\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n";
    let mut curated = entry("harbour", "raw/harbour.txt");
    curated.title = "Harbour closes".to_owned();
    curated.byline = Some("By Jane Doe".to_owned());
    curated.author = "Jane Doe".to_owned();
    curated.printed_date = Some("24 Dec 2021".to_owned());
    let article = build_article(&curated, raw);
    let out = format!(
        "top: {:?} / {:?}\ndetected: {:?} / {:?}\n{}\n",
        article.title,
        article.printed_date,
        article.analysis.metadata.title,
        article.analysis.metadata.printed_date,
        curation_differences(&article).join("\n")
    );
    expect![[r#"
        top: "Harbour closes" / Some("24 Dec 2021")
        detected: Some("Harbour to close for repairs") / None
        title: the manifest says Some("Harbour closes"), the page shows Some("Harbour to close for repairs")
        printed_date: the manifest says Some("24 Dec 2021"), the page shows None
    "#]].assert_eq(&out);
}

#[test]
fn curated_topics_come_from_the_taxonomy() {
    let text = "[pack]\nid = \"sample\"\ntitle = \"Sample\"\n\n[[article]]\nslug = \"harbour\"\nfile = \"raw/a.txt\"\ntopics_curated = [\"migration\", \"harbours\"]\n";
    let mut article = entry("harbour", "raw/a.txt");
    article.topics_curated = vec!["migration".to_owned(), "harbours".to_owned()];
    let issues = validate_manifest("pack.toml", text, &manifest(vec![article]));
    let first: Vec<String> = issues
        .iter()
        .map(|i| i.to_string().split(';').next().unwrap_or("").to_owned())
        .collect();
    expect![[r#"pack.toml:8: unknown topic "harbours""#]].assert_eq(&first.join("\n"));
}
