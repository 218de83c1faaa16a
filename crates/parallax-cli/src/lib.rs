//! The I/O side of Parallax: reads pack folders and article files from disk and hands their bytes to the core.
//!
//! Everything that can be decided without a file system (manifest checks, UTF-8 validation, the
//! analysis) happens in `parallax_core`; this crate reads files, reports what it could not read with
//! the file and line, and writes the results. [`run`] is the whole command line, so tests drive it
//! without spawning a process.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use parallax_core::events::Catalogue;
use parallax_core::lesson::{table_line, LessonContext, LessonFile};
use parallax_core::pack::{
    article_field_line, build_article, curation_differences, decode_article, validate_manifest,
    Manifest, Pack, PackIssue, PACK_VERSION,
};
use parallax_core::Analysis;

mod summary;

pub use summary::summary;

/// The manifest's file name inside a pack folder.
pub const MANIFEST_FILE: &str = "pack.toml";

/// The optional event catalogue's file name inside a pack folder (`parallax_core::events`).
pub const EVENTS_FILE: &str = "events.toml";

/// The optional lessons file's name inside a pack folder (`parallax_core::lesson`).
pub const LESSONS_FILE: &str = "lessons.toml";

/// Why a pack could not be built: every problem found, each naming its file and, where known, line.
#[derive(Debug)]
pub struct PackError {
    pub issues: Vec<PackIssue>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, issue) in self.issues.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PackError {}

impl From<PackIssue> for PackError {
    fn from(issue: PackIssue) -> PackError {
        PackError {
            issues: vec![issue],
        }
    }
}

/// Builds the pack described by `DIR/pack.toml`: reads the manifest and every article it names,
/// validates them, analyses each article and puts the curated metadata on top.
pub fn build_pack(dir: &Path) -> Result<Pack, PackError> {
    build_pack_with_warnings(dir).map(|(pack, _)| pack)
}

/// [`build_pack`], plus the places where the manifest and what the pages print disagree
/// ("slug: title: …"), which deserve a curator's second look but do not stop the build.
pub fn build_pack_with_warnings(dir: &Path) -> Result<(Pack, Vec<String>), PackError> {
    let manifest_path = dir.join(MANIFEST_FILE);
    let manifest_name = manifest_path.display().to_string();
    let manifest_bytes = std::fs::read(&manifest_path).map_err(|error| PackIssue {
        file: manifest_name.clone(),
        line: None,
        message: format!("cannot read the pack manifest: {error}"),
    })?;
    let manifest_text = decode_article(&manifest_name, &manifest_bytes)?;
    let manifest: Manifest = toml::from_str(manifest_text)
        .map_err(|error| toml_issue(&manifest_name, manifest_text, &error))?;

    let mut issues = validate_manifest(&manifest_name, manifest_text, &manifest);
    let mut texts = Vec::new();
    for (index, entry) in manifest.articles.iter().enumerate() {
        let path = dir.join(&entry.file);
        match std::fs::read(&path) {
            Ok(bytes) => match decode_article(&path.display().to_string(), &bytes) {
                Ok(text) => texts.push(text.to_owned()),
                Err(issue) => issues.push(issue),
            },
            Err(error) => {
                let what = if error.kind() == io::ErrorKind::NotFound {
                    "does not exist".to_owned()
                } else {
                    format!("cannot be read: {error}")
                };
                issues.push(PackIssue {
                    file: manifest_name.clone(),
                    line: article_field_line(manifest_text, index, "file"),
                    message: format!(
                        "file {:?} {what} (looked for {})",
                        entry.file,
                        path.display()
                    ),
                });
            }
        }
    }
    let events = match read_catalogue(dir) {
        Ok(events) => events,
        Err(issue) => {
            issues.push(issue);
            Catalogue::default()
        }
    };
    let lessons = match read_lessons(dir) {
        Ok(lessons) => lessons,
        Err(issue) => {
            issues.push(issue);
            None
        }
    };
    if !issues.is_empty() {
        return Err(PackError { issues });
    }
    let articles: Vec<_> = manifest
        .articles
        .iter()
        .zip(&texts)
        .map(|(entry, text)| build_article(entry, text))
        .collect();
    let warnings = articles
        .iter()
        .flat_map(|article| {
            curation_differences(article)
                .into_iter()
                .map(move |d| format!("{}: {d}", article.slug))
        })
        .collect();
    let mut pack = Pack {
        version: PACK_VERSION,
        id: manifest.pack.id,
        title: manifest.pack.title,
        description: manifest.pack.description,
        events,
        articles,
        lessons: Vec::new(),
    };
    // Lessons point at the pack's articles, events and layers, so they are checked against the
    // built pack: an excerpt must be words of an article's clean text.
    if let Some((name, text, file)) = lessons {
        let problems = file.problems(&LessonContext::of_pack(&pack));
        if !problems.is_empty() {
            let issues = problems
                .into_iter()
                .map(|problem| PackIssue {
                    file: name.clone(),
                    line: table_line(&text, problem.place.lesson, problem.place.step),
                    message: problem.message,
                })
                .collect();
            return Err(PackError { issues });
        }
        pack.lessons = file.into_lessons();
    }
    Ok((pack, warnings))
}

/// Reads `DIR/events.toml` if there is one; a pack without it has an empty catalogue. Unknown keys
/// and malformed TOML are errors naming the file and line.
fn read_catalogue(dir: &Path) -> Result<Catalogue, PackIssue> {
    let path = dir.join(EVENTS_FILE);
    let name = path.display().to_string();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Catalogue::default()),
        Err(error) => {
            return Err(PackIssue {
                file: name,
                line: None,
                message: format!("cannot read the event catalogue: {error}"),
            })
        }
    };
    let text = decode_article(&name, &bytes)?;
    toml::from_str(text).map_err(|error| toml_issue(&name, text, &error))
}

/// Reads `DIR/lessons.toml` if there is one, returning its name, text and parsed lessons (checked
/// against the pack once it is built). Unknown keys and malformed TOML are errors naming the file and line.
fn read_lessons(dir: &Path) -> Result<Option<(String, String, LessonFile)>, PackIssue> {
    let path = dir.join(LESSONS_FILE);
    let name = path.display().to_string();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(PackIssue {
                file: name,
                line: None,
                message: format!("cannot read the lessons: {error}"),
            })
        }
    };
    let text = decode_article(&name, &bytes)?;
    let file = toml::from_str(text).map_err(|error| toml_issue(&name, text, &error))?;
    Ok(Some((name.clone(), text.to_owned(), file)))
}

/// A TOML error as "file:line: message (column c)".
fn toml_issue(file: &str, text: &str, error: &toml::de::Error) -> PackIssue {
    let (line, column) = match error.span() {
        Some(span) => {
            let before = &text.as_bytes()[..span.start.min(text.len())];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1);
            (Some(line), Some(before.len() - line_start + 1))
        }
        None => (None, None),
    };
    let column = column.map_or(String::new(), |c| format!(" (column {c})"));
    PackIssue {
        file: file.to_owned(),
        line,
        message: format!("{}{column}", error.message().trim_end()),
    }
}

/// Reads and analyses one `.txt` or `.md` article.
pub fn analyze_file(path: &Path) -> Result<Analysis, PackIssue> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| PackIssue {
        file: name.clone(),
        line: None,
        message: format!("cannot read: {error}"),
    })?;
    Ok(parallax_core::analyze(decode_article(&name, &bytes)?))
}

const USAGE: &str = "usage:
  parallax pack build DIR [-o FILE]   build the pack described by DIR/pack.toml; write its JSON to FILE
                                      (default: standard output)
  parallax analyze FILE... [--json]   analyse .txt or .md articles; --json prints the full analysis
                                      (one file: an Analysis object; several: an array of
                                      {\"file\", \"analysis\"} objects, in the order given)
  parallax help                       this text";

/// Exit codes: 0 success, 1 bad input or an I/O failure, 2 a usage error.
pub fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("pack") if args.get(1).map(String::as_str) == Some("build") => {
            pack_build(&args[2..], stdout, stderr)
        }
        Some("analyze") => analyze(&args[1..], stdout),
        Some("help" | "--help" | "-h") => {
            let _ = writeln!(stdout, "{USAGE}");
            return 0;
        }
        Some(other) => Err(Failure::Usage(format!("unknown command {other:?}"))),
        None => Err(Failure::Usage("no command given".to_owned())),
    };
    match result {
        Ok(()) => 0,
        Err(Failure::Usage(message)) => {
            let _ = writeln!(stderr, "parallax: {message}\n{USAGE}");
            2
        }
        Err(Failure::Input(message)) => {
            let _ = writeln!(stderr, "{message}");
            1
        }
    }
}

enum Failure {
    Usage(String),
    Input(String),
}

fn pack_build(
    args: &[String],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<(), Failure> {
    let mut dir: Option<&str> = None;
    let mut output: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => {
                let file = rest
                    .next()
                    .ok_or_else(|| Failure::Usage(format!("{arg} needs a file name")))?;
                output = Some(file);
            }
            flag if flag.starts_with('-') => {
                return Err(Failure::Usage(format!("unknown option {flag:?}")))
            }
            path if dir.is_none() => dir = Some(path),
            extra => {
                return Err(Failure::Usage(format!(
                    "pack build takes one folder, got another: {extra:?}"
                )))
            }
        }
    }
    let dir = dir.ok_or_else(|| Failure::Usage("pack build needs the pack folder".to_owned()))?;
    let (pack, warnings) = build_pack_with_warnings(Path::new(dir))
        .map_err(|error| Failure::Input(format!("error: the pack could not be built:\n{error}")))?;
    for warning in warnings {
        let _ = writeln!(stderr, "warning: {warning}");
    }
    let json =
        serde_json::to_string(&pack).map_err(|error| Failure::Input(format!("error: {error}")))?;
    match output {
        Some(file) => std::fs::write(file, json)
            .map_err(|error| Failure::Input(format!("{file}: cannot write: {error}"))),
        None => writeln!(stdout, "{json}")
            .map_err(|error| Failure::Input(format!("cannot write: {error}"))),
    }
}

fn analyze(args: &[String], stdout: &mut dyn Write) -> Result<(), Failure> {
    let mut json = false;
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with('-') => {
                return Err(Failure::Usage(format!("unknown option {flag:?}")))
            }
            file => {
                let extension = Path::new(file)
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                if !matches!(extension.as_deref(), Some("txt" | "md")) {
                    return Err(Failure::Usage(format!(
                        "{file}: only .txt and .md files can be analysed"
                    )));
                }
                files.push(PathBuf::from(file));
            }
        }
    }
    if files.is_empty() {
        return Err(Failure::Usage("analyze needs at least one file".to_owned()));
    }
    let mut analyses = Vec::new();
    for file in &files {
        analyses.push(analyze_file(file).map_err(|issue| Failure::Input(issue.to_string()))?);
    }
    let out = if json {
        let value = match analyses.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            _ => {
                let entries: Vec<_> = files
                    .iter()
                    .zip(&analyses)
                    .map(|(file, analysis)| serde_json::json!({ "file": file.display().to_string(), "analysis": analysis }))
                    .collect();
                serde_json::to_string_pretty(&entries)
            }
        };
        value.map_err(|error| Failure::Input(format!("error: {error}")))?
    } else {
        files
            .iter()
            .zip(&analyses)
            .map(|(file, analysis)| summary(&file.display().to_string(), analysis))
            .collect::<Vec<_>>()
            .join("\n")
    };
    writeln!(stdout, "{out}").map_err(|error| Failure::Input(format!("cannot write: {error}")))
}
