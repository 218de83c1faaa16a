//! The CLI's integration tests: the seed pack, bad pack input, and the command line, driven through
//! `parallax_cli::run` without spawning processes.

use std::path::{Path, PathBuf};

use expect_test::{expect, Expect};
use parallax_cli::{build_pack, build_pack_with_warnings, run};
use parallax_core::pack::Pack;

fn seed_pack_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/nato")
}

/// A scratch folder under the system's temp dir, emptied first; `name` keeps tests apart.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("raw")).expect("temp dir is writable");
        Scratch(dir)
    }

    fn write(&self, file: &str, bytes: &[u8]) -> &Scratch {
        std::fs::write(self.0.join(file), bytes).expect("temp dir is writable");
        self
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const ARTICLE: &str = "Harbour to close for repairs\n\nBy Jane Doe\n\nThe harbour will close for repairs in January, the port authority said on Monday.\n";

const GOOD_ENTRY: &str = "[[article]]\nslug = \"harbour\"\nfile = \"raw/harbour.txt\"\ntitle = \"Harbour to close for repairs\"\nbyline = \"By Jane Doe\"\nauthor = \"Jane Doe\"\n";

const PACK_TABLE: &str = "[pack]\nid = \"sample\"\ntitle = \"Sample\"\n\n";

/// Building a pack from bad input: the error messages, with the scratch folder's path shortened.
fn check_bad_pack(name: &str, manifest: &str, files: &[(&str, &[u8])], expect: Expect) {
    let scratch = Scratch::new(name);
    scratch.write("pack.toml", manifest.as_bytes());
    for (file, bytes) in files {
        scratch.write(file, bytes);
    }
    let message = match build_pack(&scratch.0) {
        Ok(_) => "built without error".to_owned(),
        Err(error) => error
            .to_string()
            .replace(&scratch.0.display().to_string(), "PACK"),
    };
    expect.assert_eq(&format!("{message}\n"));
}

#[test]
fn the_seed_pack_builds_with_curated_and_detected_metadata() {
    let (pack, warnings) =
        build_pack_with_warnings(&seed_pack_dir()).expect("the seed pack builds");
    let mut out = format!("{} v{}: {}\n", pack.id, pack.version, pack.title);
    for article in &pack.articles {
        let detected = &article.analysis.metadata;
        out.push_str(&format!(
            "{}\n  title: {}{}\n  author: {} | byline: {:?} | printed date: {:?}\n  detected: title={:?} author={:?} date={:?}\n  removed {} lines, {} disclosures, {} notes, topics {:?}\n",
            article.slug,
            article.title,
            if article.title_curated { " (curated)" } else { "" },
            article.author,
            article.byline,
            article.printed_date,
            detected.title,
            detected.author,
            detected.date_iso,
            article.analysis.removed.len(),
            detected.disclosures.len(),
            article.notes.len(),
            article.topics_curated,
        ));
    }
    out.push_str(&format!("warnings: {warnings:?}\n"));
    expect![[r#"
        nato v2: NATO and Russia
        fracturing-core-values
          title: The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability
          author: No byline | byline: None | printed date: Some("Sunday, January 11, 2026")
          detected: title=Some("The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability") author=None date=Some("2026-01-11")
          removed 8 lines, 0 disclosures, 6 notes, topics ["defence_security", "diplomacy", "migration"]
        putin-statement-on-nato
          title: Putin’s statement on NATO and its implications for global security (curated)
          author: Martin Haffner | byline: Some("by Martin Haffner Associate Editor") | printed date: None
          detected: title=None author=Some("Martin Haffner") date=None
          removed 1 lines, 0 disclosures, 4 notes, topics ["defence_security", "diplomacy"]
        denial-sphere-of-influence
          title: NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'
          author: No byline | byline: None | printed date: Some("Friday, December 24, 2021")
          detected: title=Some("NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'") author=None date=Some("2021-12-24")
          removed 4 lines, 0 disclosures, 4 notes, topics ["diplomacy", "defence_security"]
        support-for-democracy
          title: NATO’s support for democracy and stability (curated)
          author: No byline | byline: None | printed date: None
          detected: title=None author=None date=None
          removed 1 lines, 1 disclosures, 3 notes, topics ["democracy_governance", "defence_security"]
        behind-closed-doors
          title: Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns
          author: No byline | byline: None | printed date: None
          detected: title=Some("Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns") author=None date=None
          removed 1 lines, 0 disclosures, 3 notes, topics ["defence_security", "economy_business"]
        warnings: []
    "#]].assert_eq(&out);
}

#[test]
fn the_seed_pack_round_trips_through_json() {
    let pack = build_pack(&seed_pack_dir()).expect("the seed pack builds");
    let json = serde_json::to_string(&pack).expect("serializes");
    assert_eq!(serde_json::from_str::<Pack>(&json).expect("loads"), pack);
    let again =
        serde_json::to_string(&build_pack(&seed_pack_dir()).expect("builds")).expect("serializes");
    assert!(
        json == again,
        "building the same pack twice must give the same bytes"
    );
}

#[test]
fn a_good_pack_builds() {
    check_bad_pack(
        "good",
        &format!("{PACK_TABLE}{GOOD_ENTRY}"),
        &[("raw/harbour.txt", ARTICLE.as_bytes())],
        expect![[r#"
        built without error
    "#]],
    );
}

#[test]
fn missing_manifest() {
    let scratch = Scratch::new("no-manifest");
    let message = build_pack(&scratch.0)
        .unwrap_err()
        .to_string()
        .replace(&scratch.0.display().to_string(), "PACK");
    expect!["PACK/pack.toml"].assert_eq(message.split(": cannot read").next().unwrap_or(""));
}

#[test]
fn manifest_naming_a_missing_file() {
    check_bad_pack(
        "missing-file",
        &format!("{PACK_TABLE}{GOOD_ENTRY}"),
        &[],
        expect![[r#"
        PACK/pack.toml:7: file "raw/harbour.txt" does not exist (looked for PACK/raw/harbour.txt)
    "#]],
    );
}

#[test]
fn duplicate_slug() {
    let second = GOOD_ENTRY.replace("raw/harbour.txt", "raw/other.txt");
    check_bad_pack(
        "duplicate-slug",
        &format!("{PACK_TABLE}{GOOD_ENTRY}\n{second}"),
        &[
            ("raw/harbour.txt", ARTICLE.as_bytes()),
            ("raw/other.txt", ARTICLE.as_bytes()),
        ],
        expect![[r#"
            PACK/pack.toml:13: duplicate slug "harbour" (first used at line 6)
        "#]],
    );
}

#[test]
fn invalid_utf8_in_an_article() {
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.splice(40..40, [0xC3, 0x28]);
    check_bad_pack(
        "invalid-utf8",
        &format!("{PACK_TABLE}{GOOD_ENTRY}"),
        &[("raw/harbour.txt", &bytes)],
        expect![[r#"
        PACK/raw/harbour.txt:3: invalid UTF-8 at byte 40 (line 3, column 11): save the article as UTF-8 text
    "#]],
    );
}

#[test]
fn unknown_field() {
    let manifest = format!("{PACK_TABLE}{GOOD_ENTRY}publisher = \"Daily Planet\"\n");
    check_bad_pack(
        "unknown-field",
        &manifest,
        &[("raw/harbour.txt", ARTICLE.as_bytes())],
        expect![[r#"
        PACK/pack.toml:11: unknown field `publisher`, expected one of `slug`, `file`, `title`, `title_curated`, `byline`, `author`, `printed_date`, `notes`, `topics_curated` (column 1)
    "#]],
    );
}

#[test]
fn malformed_toml() {
    let manifest =
        format!("{PACK_TABLE}[[article]]\nslug = \"harbour\nfile = \"raw/harbour.txt\"\n");
    check_bad_pack(
        "malformed",
        &manifest,
        &[("raw/harbour.txt", ARTICLE.as_bytes())],
        expect![[r#"
        PACK/pack.toml:6: invalid basic string (column 16)
    "#]],
    );
}

#[test]
fn the_seed_pack_carries_its_event_catalogue() {
    let pack = build_pack(&seed_pack_dir()).expect("the seed pack builds");
    assert!(pack.events.curation.contains("curator"));
    let ids: Vec<&str> = pack.events.events.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&"nato-enlargement"), "{ids:?}");
    assert!(ids.contains(&"militarisation-arms-race"), "{ids:?}");
    assert_eq!(pack.events.problems(), Vec::<String>::new());
}

#[test]
fn malformed_event_catalogue() {
    let manifest = format!("{PACK_TABLE}{GOOD_ENTRY}");
    let article = ("raw/harbour.txt", ARTICLE.as_bytes());
    let misspelt = "curation = \"Curated.\"\n\n[[event]]\nid = \"closure\"\nname = \"Closure\"\nkey_term = [\"harbour\"]\n";
    check_bad_pack(
        "events-unknown-key",
        &manifest,
        &[article, ("events.toml", misspelt.as_bytes())],
        expect![[r#"
        PACK/events.toml:6: unknown field `key_term`, expected one of `id`, `name`, `date`, `participants`, `description`, `key_terms`, `entities` (column 1)
    "#]],
    );
    check_bad_pack(
        "events-malformed",
        &manifest,
        &[
            article,
            (
                "events.toml",
                b"[[event]]\nid = \"closure\"\nname = \"Closure\n",
            ),
        ],
        expect![[r#"
        PACK/events.toml:3: invalid basic string (column 16)
    "#]],
    );
}

#[test]
fn the_seed_pack_carries_its_lessons() {
    let pack = build_pack(&seed_pack_dir()).expect("the seed pack builds");
    let mut out = String::new();
    for lesson in &pack.lessons {
        assert!(lesson.curation.contains("curator"), "{}", lesson.id);
        let kinds: Vec<&str> = lesson
            .steps
            .iter()
            .map(|step| match step.kind {
                parallax_core::lesson::QuestionKind::FreeText => "text",
                parallax_core::lesson::QuestionKind::MultipleChoice => "choice",
                parallax_core::lesson::QuestionKind::SelectPassage => "passage",
            })
            .collect();
        out.push_str(&format!(
            "{} ({}, {} min, {} objectives): {}\n",
            lesson.id,
            lesson.level.label(),
            lesson.duration_minutes,
            lesson.objectives.len(),
            kinds.join(" "),
        ));
    }
    expect![[r#"
        who-gets-to-speak (Introductory, 45 min, 3 objectives): text passage choice choice text
        one-event-several-framings (Intermediate, 50 min, 4 objectives): text choice passage passage text choice
        check-the-dateline (Advanced, 50 min, 3 objectives): choice passage text passage choice text
        loaded-words (Introductory, 40 min, 3 objectives): choice text passage choice text
    "#]].assert_eq(&out);
}

const LESSON_HEAD: &str = "curation = \"Curated.\"\n\n[[lesson]]\nid = \"harbour\"\ntitle = \"Harbour\"\nduration_minutes = 20\nobjectives = [\"Read.\"]\n\n";

#[test]
fn bad_lessons_stop_the_build_with_file_and_line() {
    let manifest = format!("{PACK_TABLE}{GOOD_ENTRY}");
    let article = ("raw/harbour.txt", ARTICLE.as_bytes());
    let misspelt = format!("{LESSON_HEAD}[[lesson.step]]\nid = \"s\"\ntitle = \"S\"\nkind = \"free_text\"\nquestion = \"Why?\"\nteacher_note = \"x\"\n");
    check_bad_pack(
        "lessons-unknown-key",
        &manifest,
        &[article, ("lessons.toml", misspelt.as_bytes())],
        expect![[r#"
            PACK/lessons.toml:14: unknown field `teacher_note`, expected one of `id`, `title`, `instructions`, `article`, `layers`, `excerpt`, `compare`, `event`, `kind`, `question`, `options`, `answer`, `teacher_notes` (column 1)
        "#]],
    );
    let wrong = format!(
        "{LESSON_HEAD}[[lesson.step]]\nid = \"s\"\ntitle = \"S\"\narticle = \"ferry\"\nkind = \"free_text\"\nquestion = \"Why?\"\n\n[[lesson.step]]\nid = \"t\"\ntitle = \"T\"\narticle = \"harbour\"\nlayers = [\"quotes\", \"glitter\"]\nexcerpt = \"will close for repairs in January\"\nkind = \"multiple_choice\"\nquestion = \"When?\"\noptions = [\"January\", \"June\"]\nanswer = \"March\"\n"
    );
    check_bad_pack(
        "lessons-wrong-references",
        &manifest,
        &[article, ("lessons.toml", wrong.as_bytes())],
        expect![[r#"
            PACK/lessons.toml:9: Lesson `harbour`, step 1: unknown article slug `ferry`.
            PACK/lessons.toml:16: Lesson `harbour`, step 2: unknown highlight layer `glitter`; the layers are quotes, reported, sources, anonymous, and cue- followed by a cue kind (e.g. cue-loaded-language).
            PACK/lessons.toml:16: Lesson `harbour`, step 2: the multiple-choice key "March" is not among the options.
        "#]],
    );
    check_bad_pack(
        "lessons-malformed",
        &manifest,
        &[article, ("lessons.toml", b"[[lesson]]\nid = \"a\nb\"\n")],
        expect![[r#"
            PACK/lessons.toml:2: invalid basic string (column 8)
        "#]],
    );
}

#[test]
fn a_pack_without_lessons_has_none() {
    let scratch = Scratch::new("no-lessons");
    scratch.write("pack.toml", format!("{PACK_TABLE}{GOOD_ENTRY}").as_bytes());
    scratch.write("raw/harbour.txt", ARTICLE.as_bytes());
    let pack = build_pack(&scratch.0).expect("builds");
    assert!(pack.lessons.is_empty());
}

#[test]
fn every_problem_is_reported_at_once() {
    let broken = "[[article]]\nslug = \"Bad Slug\"\nfile = \"raw/nowhere.txt\"\ntitle = \"\"\nauthor = \"No byline\"\n";
    check_bad_pack(
        "many",
        &format!("{PACK_TABLE}{GOOD_ENTRY}\n{broken}"),
        &[("raw/harbour.txt", b"\xff")],
        expect![[r#"
        PACK/pack.toml:13: slug "Bad Slug" must be lower-case letters, digits and hyphens
        PACK/pack.toml:15: title is empty; write the printed title, or a curated one with title_curated = true
        PACK/raw/harbour.txt:1: invalid UTF-8 at byte 0 (line 1, column 1): save the article as UTF-8 text
        PACK/pack.toml:14: file "raw/nowhere.txt" does not exist (looked for PACK/raw/nowhere.txt)
    "#]],
    );
}

/// The command line: exit code, standard output and standard error.
fn check_run(args: &[&str], expect: Expect) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = run(&args, &mut stdout, &mut stderr);
    let stderr = String::from_utf8_lossy(&stderr);
    // The usage text is long; showing its first line is enough to see it was printed.
    let stderr = stderr.split("\nusage:").next().unwrap_or("");
    expect.assert_eq(&format!(
        "exit {code}\n--- stdout\n{}--- stderr\n{stderr}\n",
        String::from_utf8_lossy(&stdout)
    ));
}

#[test]
fn usage_errors_exit_2() {
    check_run(
        &[],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: no command given
    "#]],
    );
    check_run(
        &["frobnicate"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: unknown command "frobnicate"
    "#]],
    );
    check_run(
        &["analyze"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: analyze needs at least one file
    "#]],
    );
    check_run(
        &["analyze", "article.pdf"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: article.pdf: only .txt and .md files can be analysed
    "#]],
    );
    check_run(
        &["analyze", "--yaml", "article.txt"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: unknown option "--yaml"
    "#]],
    );
    check_run(
        &["pack", "build"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: pack build needs the pack folder
    "#]],
    );
    check_run(
        &["pack", "build", "corpus", "-o"],
        expect![[r#"
        exit 2
        --- stdout
        --- stderr
        parallax: -o needs a file name
    "#]],
    );
}

#[test]
fn analyze_prints_a_summary() {
    let scratch = Scratch::new("analyze");
    scratch.write("wire.txt", b"Port authority fines shipping firm over fuel spill\n\nBy Jane Doe, Reuters\n\nPublished: March 3, 2024 10:42 AM GMT\n\nROTTERDAM (Reuters) - The port authority fined a shipping company 2.1 million euros on Sunday after a fuel spill closed two berths for a week, a spokesperson said.\n\nShare this article\n");
    let file = scratch.0.join("wire.txt").display().to_string();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(
        run(
            &["analyze".to_owned(), file.clone()],
            &mut stdout,
            &mut stderr
        ),
        0
    );
    let summary = String::from_utf8_lossy(&stdout).replace(&file, "wire.txt");
    // The page-level part of the summary; the findings below it belong to the analysis modules' tests.
    let head: String = summary.split("\nVoices").next().unwrap_or("").to_owned();
    expect![[r#"
        == wire.txt
        Title:      Port authority fines shipping firm over fuel spill
        Byline:     By Jane Doe, Reuters
        Author:     Jane Doe (Reuters)
        Date:       March 3, 2024 (2024-03-03)
        Dateline:   "ROTTERDAM (Reuters) -"
        Lede:       "ROTTERDAM (Reuters) - The port authority fined a shipping company 2.1 million euros on Sunday after …"
        Text:       1 paragraph, 1 sentence, 28 words

        Removed from the page (4 lines)
          line   1  title (kept as metadata): "Port authority fines shipping firm over fuel spill"
          line   3  byline (kept as metadata): "By Jane Doe, Reuters"
          line   5  printed date (kept as metadata): "Published: March 3, 2024 10:42 AM GMT"
          line   9  share bar: "Share this article"
    "#]].assert_eq(&head);
}

#[test]
fn analyze_json_is_the_full_analysis_and_deterministic() {
    let seed = seed_pack_dir()
        .join("raw/002_73400efa8faf97c7.txt")
        .display()
        .to_string();
    let run_once = || {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        assert_eq!(
            run(
                &["analyze".to_owned(), seed.clone(), "--json".to_owned()],
                &mut stdout,
                &mut stderr
            ),
            0
        );
        stdout
    };
    let first = run_once();
    assert_eq!(first, run_once());
    let analysis: parallax_core::Analysis =
        serde_json::from_slice(&first).expect("--json prints an Analysis");
    assert_eq!(
        analysis,
        parallax_core::analyze(include_str!(
            "../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"
        ))
    );
}

#[test]
fn analyze_reports_unreadable_files_with_exit_1() {
    let scratch = Scratch::new("analyze-bad");
    scratch.write("latin1.txt", b"Caf\xe9 society\n");
    let file = scratch.0.join("latin1.txt").display().to_string();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(
        run(
            &["analyze".to_owned(), file.clone()],
            &mut stdout,
            &mut stderr
        ),
        1
    );
    expect![[r#"
        latin1.txt:1: invalid UTF-8 at byte 3 (line 1, column 4): save the article as UTF-8 text
    "#]]
    .assert_eq(&String::from_utf8_lossy(&stderr).replace(&file, "latin1.txt"));
}

#[test]
fn pack_build_writes_a_loadable_pack() {
    let scratch = Scratch::new("pack-build");
    scratch
        .write("pack.toml", format!("{PACK_TABLE}{GOOD_ENTRY}").as_bytes())
        .write("raw/harbour.txt", ARTICLE.as_bytes());
    let output = scratch.0.join("out.json");
    let args = [
        "pack",
        "build",
        &scratch.0.display().to_string(),
        "-o",
        &output.display().to_string(),
    ]
    .map(str::to_owned);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(
        run(&args, &mut stdout, &mut stderr),
        0,
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    let pack: Pack =
        serde_json::from_slice(&std::fs::read(&output).expect("written")).expect("loads");
    assert_eq!(
        pack.articles
            .iter()
            .map(|a| a.slug.as_str())
            .collect::<Vec<_>>(),
        ["harbour"]
    );
}

#[test]
fn pack_build_warns_where_manifest_and_page_disagree() {
    let scratch = Scratch::new("warnings");
    let manifest = format!("{PACK_TABLE}{GOOD_ENTRY}").replace(
        "title = \"Harbour to close for repairs\"",
        "title = \"Harbour closes\"",
    );
    scratch
        .write("pack.toml", manifest.as_bytes())
        .write("raw/harbour.txt", ARTICLE.as_bytes());
    let args = ["pack", "build", &scratch.0.display().to_string()].map(str::to_owned);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut stdout, &mut stderr), 0);
    assert!(
        serde_json::from_slice::<Pack>(&stdout).is_ok(),
        "without -o the pack goes to standard output"
    );
    expect![[r#"
        warning: harbour: title: the manifest says Some("Harbour closes"), the page shows Some("Harbour to close for repairs")
    "#]].assert_eq(&String::from_utf8_lossy(&stderr));
}

#[test]
fn analyze_json_of_several_files_is_an_array_in_the_order_given() {
    let scratch = Scratch::new("analyze-many");
    scratch
        .write(
            "a.txt",
            b"The first article says one thing, the council said on Monday.\n",
        )
        .write(
            "b.md",
            b"# Second\n\nThe second article says another thing, the mayor said on Friday.\n",
        );
    let files = ["b.md", "a.txt"].map(|f| scratch.0.join(f).display().to_string());
    let args: Vec<String> = ["analyze", &files[0], &files[1], "--json"]
        .map(str::to_owned)
        .to_vec();
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    assert_eq!(run(&args, &mut stdout, &mut stderr), 0);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&stdout).expect("an array");
    let shown: Vec<String> = entries
        .iter()
        .map(|e| {
            format!(
                "{} | title {}",
                e["file"]
                    .as_str()
                    .unwrap_or("")
                    .replace(&scratch.0.display().to_string(), "DIR"),
                e["analysis"]["metadata"]["title"]
            )
        })
        .collect();
    expect![[r#"
        DIR/b.md | title "Second"
        DIR/a.txt | title null"#]]
    .assert_eq(&shown.join("\n"));
}
