//! The teacher's pack file: one versioned JSON file with articles, events and lessons, checked
//! before anything in it is shown, and merged into what the app already has with a report of what
//! it added and replaced.
//!
//! The file is a [`Pack`] as `pack.rs` documents it (`"version": PACK_VERSION`), so a pack the CLI
//! builds and one a teacher exports are the same kind of file. Loading one, in order:
//! 1. [`check_size`]: a file above [`MAX_BUNDLE_BYTES`] is refused from its size alone, before it
//!    is read.
//! 2. [`read`]: malformed JSON is refused with its line and column; a version newer than this app
//!    reads is refused before its shape is looked at (a newer shape is not an error in the file);
//!    then the shape, the slugs (well formed, unique), the titles and texts are checked. The
//!    analyses inside the file are not trusted: only each article's text, removed lines and page
//!    metadata are kept ([`StoredPack`]), and the app analyses the text again with its own engine,
//!    so a hand-edited file cannot point a highlight outside its text.
//! 3. [`rebuild`] joins one stored article and its fresh analysis; [`merge`] adds the result to the
//!    teacher's library and says what changed.
//!
//! Text in a pack is text: HTML and `<script>` in it are characters of the article.

use std::collections::HashSet;

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::events::Event;
use crate::lesson::{Lesson, LessonContext, LessonFile};
use crate::pack::{check_pack_version, Pack, PackArticle, StoredArticle, StoredPack, PACK_VERSION};

/// The largest pack file read, in bytes: several hundred articles with their analyses.
pub const MAX_BUNDLE_BYTES: usize = 20 * 1024 * 1024;

/// Why a pack file was refused. The `Display` text is the message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all, or cut short.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not a Parallax pack (no version, wrong shape).
    NotAPack {
        detail: String,
    },
    /// Written by a newer Parallax than this one.
    Newer {
        version: u32,
    },
    /// A pack, but with problems in its content, each described.
    Invalid {
        problems: Vec<String>,
    },
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::TooLarge { bytes } => write!(
                f,
                "This file is {}; Parallax loads packs of up to {}. It was not read.",
                crate::import::megabytes(*bytes),
                crate::import::megabytes(MAX_BUNDLE_BYTES)
            ),
            BundleError::Malformed { line, column, detail } => write!(
                f,
                "This file is not a readable pack: it is damaged or not JSON (line {line}, column {column}: {detail})."
            ),
            BundleError::NotAPack { detail } => {
                write!(f, "This file is JSON but not a Parallax pack ({detail}).")
            }
            BundleError::Newer { version } => write!(
                f,
                "This pack was made by a newer version of Parallax (pack format {version}; this version reads up to {PACK_VERSION}). Reload the page to get the newest version, or ask for a pack saved by this one."
            ),
            BundleError::Invalid { problems } => {
                write!(f, "This pack has problems, so nothing was loaded: {}", problems.join("; "))?;
                write!(f, ".")
            }
        }
    }
}

/// Refuses a file above [`MAX_BUNDLE_BYTES`] from its size alone.
pub fn check_size(bytes: usize) -> Result<(), BundleError> {
    if bytes > MAX_BUNDLE_BYTES {
        Err(BundleError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

#[derive(Deserialize)]
struct Peek {
    version: Option<serde_json::Value>,
}

/// Reads and checks a pack file. See the module's documentation for the order of the checks.
pub fn read(json: &str) -> Result<StoredPack, BundleError> {
    check_size(json.len())?;
    serde_json::from_str::<serde::de::IgnoredAny>(json).map_err(|error| {
        BundleError::Malformed {
            line: error.line(),
            column: error.column(),
            detail: plain_serde_message(&error),
        }
    })?;
    let not_an_object = || BundleError::NotAPack {
        detail: "it is not an object with a format \"version\"".to_owned(),
    };
    if !json.trim_start().starts_with('{') {
        return Err(not_an_object());
    }
    let peek: Peek = serde_json::from_str(json).map_err(|_| not_an_object())?;
    let version = match peek.version {
        Some(serde_json::Value::Number(number)) => number.as_u64(),
        _ => None,
    }
    .ok_or_else(|| BundleError::NotAPack {
        detail: "it has no format \"version\" number".to_owned(),
    })?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > PACK_VERSION {
        return Err(BundleError::Newer { version });
    }
    check_pack_version(version).map_err(|detail| BundleError::NotAPack { detail })?;
    let pack: StoredPack = serde_json::from_str(json).map_err(|error| BundleError::NotAPack {
        detail: format!(
            "line {}, column {}: {}",
            error.line(),
            error.column(),
            plain_serde_message(&error)
        ),
    })?;
    let problems = problems(&pack);
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(BundleError::Invalid { problems })
    }
}

/// serde_json's message without its own " at line N column M" suffix (the caller says where).
fn plain_serde_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// Most problems listed in one message; the rest are counted.
const MAX_PROBLEMS: usize = 5;

fn problems(pack: &StoredPack) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (index, article) in pack.articles.iter().enumerate() {
        let which = format!("article {}", index + 1);
        let slug = article.slug.as_str();
        if slug.is_empty()
            || slug.len() > 100
            || !slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.push(format!(
                "{which} has the slug {:?}; slugs are lower-case letters, digits and hyphens",
                shorten(slug)
            ));
        } else if !seen.insert(slug) {
            problems.push(format!("{which} repeats the slug {slug:?}"));
        }
        if article.title.trim().is_empty() {
            problems.push(format!("{which} ({slug}) has no title"));
        }
        if article.analysis.text.trim().is_empty() {
            problems.push(format!("{which} ({slug}) has no text"));
        }
        if article.analysis.text.len() > crate::import::MAX_TEXT_BYTES {
            problems.push(format!(
                "{which} ({slug}) is longer than {}",
                crate::import::megabytes(crate::import::MAX_TEXT_BYTES)
            ));
        }
    }
    let mut event_ids = HashSet::new();
    for event in &pack.events.events {
        if event.id.trim().is_empty() {
            problems.push(format!("the event {:?} has no id", shorten(&event.name)));
        } else if !event_ids.insert(event.id.as_str()) {
            problems.push(format!(
                "the event id {:?} appears twice",
                shorten(&event.id)
            ));
        }
    }
    let mut lesson_ids = HashSet::new();
    for lesson in &pack.lessons {
        if lesson.id.trim().is_empty() {
            problems.push(format!("the lesson {:?} has no id", shorten(&lesson.title)));
        } else if !lesson_ids.insert(lesson.id.as_str()) {
            problems.push(format!(
                "the lesson id {:?} appears twice",
                shorten(&lesson.id)
            ));
        }
    }
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!("and {more} more"));
    }
    problems
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(60).collect::<String>())
    }
}

/// The text to analyse again for a stored article: the metadata lines the page printed at its top
/// (title, byline, date, as the engine removed them) and then the clean text. Analysing the clean
/// text alone would lose the byline and date, and with them signals such as "no byline".
pub fn source_text(stored: &StoredArticle) -> String {
    use crate::clean::RemovedKind;
    let mut blocks: Vec<&str> = stored
        .analysis
        .removed
        .iter()
        .filter(|removed| {
            matches!(
                removed.kind,
                RemovedKind::Title
                    | RemovedKind::Subtitle
                    | RemovedKind::Byline
                    | RemovedKind::Date
            ) && !removed.reason.contains("front matter")
        })
        .map(|removed| removed.text.as_str())
        .collect();
    blocks.push(&stored.analysis.text);
    blocks.join("\n\n")
}

/// Joins a stored article and the fresh analysis of its [`source_text`]. The page's removed lines and
/// metadata are carried over (the stored text is already clean, so they cannot be found again).
pub fn rebuild(mut stored: StoredArticle, mut analysis: Analysis) -> PackArticle {
    let fresh = std::mem::take(&mut analysis.metadata);
    analysis.metadata = crate::meta::Metadata {
        dateline: stored
            .analysis
            .metadata
            .dateline
            .clone()
            .or(fresh.dateline.clone()),
        lede: fresh.lede,
        ..std::mem::take(&mut stored.analysis.metadata)
    };
    // A stored dateline is a span into the stored text; keep it only where it still fits.
    if let Some(dateline) = &analysis.metadata.dateline {
        let span = dateline.span;
        if span.end > analysis.text.len()
            || !analysis.text.is_char_boundary(span.start)
            || !analysis.text.is_char_boundary(span.end)
            || span.start > span.end
        {
            analysis.metadata.dateline = fresh.dateline;
        }
    }
    if !stored.analysis.removed.is_empty() {
        analysis.removed = std::mem::take(&mut stored.analysis.removed);
    }
    stored.into_article(analysis)
}

/// The pack file for `pack`, written at the current version.
pub fn write(pack: &Pack) -> String {
    let mut pack = pack.clone();
    pack.version = PACK_VERSION;
    serde_json::to_string(&pack).expect("a pack always serializes")
}

/// What loading a pack changed, for the message the teacher reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub pack_title: String,
    /// Titles of articles new to the library.
    pub added: Vec<String>,
    /// Titles of library articles the pack replaced (same slug).
    pub replaced: Vec<String>,
    /// Titles of articles the built-in pack already has with the same text; not added again.
    pub already_built_in: Vec<String>,
    /// Articles whose slug a different built-in article uses: added under a new slug.
    pub renamed: Vec<(String, String)>,
    pub events_added: usize,
    pub events_replaced: usize,
    pub lessons_added: usize,
    pub lessons_replaced: usize,
    /// Events and lessons the built-in pack already has under the same id; the built-in ones stay.
    pub kept_built_in: usize,
    /// Lessons not loaded because they do not fit the pack they would live in: one sentence each,
    /// naming the lesson and its problems.
    pub lessons_refused: Vec<String>,
}

impl MergeReport {
    /// One or two sentences: what was added, what was replaced, what was already there.
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        let titles = |list: &[String]| {
            let quoted: Vec<String> = list.iter().take(3).map(|t| format!("“{t}”")).collect();
            let more = list.len().saturating_sub(3);
            if more > 0 {
                format!("{} and {more} more", quoted.join(", "))
            } else {
                quoted.join(", ")
            }
        };
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        if !self.added.is_empty() {
            parts.push(format!(
                "added {} ({})",
                count(self.added.len(), "article", "articles"),
                titles(&self.added)
            ));
        }
        if !self.replaced.is_empty() {
            parts.push(format!(
                "replaced {} of yours with the pack's version ({})",
                count(self.replaced.len(), "article", "articles"),
                titles(&self.replaced)
            ));
        }
        if self.events_added + self.events_replaced > 0 {
            parts.push(format!(
                "added {} and replaced {}",
                count(self.events_added, "event", "events"),
                self.events_replaced
            ));
        }
        if self.lessons_added + self.lessons_replaced > 0 {
            parts.push(format!(
                "added {} and replaced {}",
                count(self.lessons_added, "lesson", "lessons"),
                self.lessons_replaced
            ));
        }
        let mut sentence = format!("Loaded “{}”: ", self.pack_title);
        if parts.is_empty() {
            sentence.push_str("nothing new");
        } else {
            sentence.push_str(&parts.join("; "));
        }
        sentence.push('.');
        if !self.already_built_in.is_empty() {
            sentence.push_str(&format!(
                " {} already built in and stayed as {}.",
                count(self.already_built_in.len(), "article was", "articles were"),
                if self.already_built_in.len() == 1 {
                    "it was"
                } else {
                    "they were"
                }
            ));
        }
        for (title, slug) in &self.renamed {
            sentence.push_str(&format!(
                " “{title}” shares its address with a built-in article, so it is kept as {slug}."
            ));
        }
        if self.kept_built_in > 0 {
            sentence.push_str(&format!(
                " {} with the id of a built-in one stayed built in.",
                count(self.kept_built_in, "event or lesson", "events or lessons")
            ));
        }
        sentence
    }

    /// What was refused, for an alert beside the sentence (the app prefixes it with "Not loaded:"):
    /// each refused lesson with its problems, or `None` when everything fitted.
    pub fn refusals(&self) -> Option<String> {
        (!self.lessons_refused.is_empty()).then(|| self.lessons_refused.join(" "))
    }
}

/// Adds `incoming` to the teacher's `library`, never touching the built-in pack `seed`:
/// - an article with the slug of a library article replaces it;
/// - an article the built-in pack has (same slug, same text) is not added again;
/// - an article with a built-in slug but other text is added under a new slug;
/// - events and lessons are matched by id the same way;
/// - each lesson is checked as the build checks lessons ([`Lesson`]'s `problems`) against the pack it
///   will live in (the built-in pack, the library and what this pack brought, with the new slugs of
///   renamed articles); a lesson with problems is left out and named in the report, the rest loads.
pub fn merge(seed: &Pack, library: &mut Pack, incoming: Pack) -> MergeReport {
    let mut report = MergeReport {
        pack_title: incoming.title.clone(),
        ..MergeReport::default()
    };
    // Incoming slug → the slug its article is kept under, for the lessons that point at it.
    let mut renames: Vec<(String, String)> = Vec::new();
    for mut article in incoming.articles {
        if let Some(built_in) = seed.articles.iter().find(|a| a.slug == article.slug) {
            if built_in.analysis.text == article.analysis.text {
                report.already_built_in.push(article.title);
                continue;
            }
            // Loaded before under a new slug: the same title under "<slug>-N" is that article.
            let earlier = library.articles.iter().find(|a| {
                a.title == article.title
                    && a.slug.strip_prefix(&article.slug).is_some_and(|rest| {
                        rest.strip_prefix('-')
                            .is_some_and(|n| n.parse::<u32>().is_ok())
                    })
            });
            let taken = |slug: &str| {
                seed.articles.iter().any(|a| a.slug == slug)
                    || library.articles.iter().any(|a| a.slug == slug)
            };
            let new_slug = match earlier {
                Some(earlier) => earlier.slug.clone(),
                None => crate::import::slug(&article.slug, taken),
            };
            report
                .renamed
                .push((article.title.clone(), new_slug.clone()));
            renames.push((article.slug.clone(), new_slug.clone()));
            article.slug = new_slug;
        }
        match library.articles.iter_mut().find(|a| a.slug == article.slug) {
            Some(existing) => {
                report.replaced.push(existing.title.clone());
                *existing = article;
            }
            None => {
                report.added.push(article.title.clone());
                library.articles.push(article);
            }
        }
    }
    for event in incoming.events.events {
        if seed.events.events.iter().any(|e| e.id == event.id) {
            if !seed.events.events.contains(&event) {
                report.kept_built_in += 1;
            }
            continue;
        }
        replace_or_add(
            &mut library.events.events,
            event,
            |e: &Event| e.id.clone(),
            &mut report.events_added,
            &mut report.events_replaced,
        );
    }
    if library.events.curation.is_empty() {
        library.events.curation = incoming.events.curation;
    }
    let home = combine(seed, library);
    let context = LessonContext::of_pack(&home);
    for mut lesson in incoming.lessons {
        if seed.lessons.iter().any(|l| l.id == lesson.id) {
            if !seed.lessons.contains(&lesson) {
                report.kept_built_in += 1;
            }
            continue;
        }
        rename_slugs(&mut lesson, &renames);
        if let Some(refused) = lesson_refusal(&lesson, &context) {
            report.lessons_refused.push(refused);
            continue;
        }
        replace_or_add(
            &mut library.lessons,
            lesson,
            |l: &Lesson| l.id.clone(),
            &mut report.lessons_added,
            &mut report.lessons_replaced,
        );
    }
    report
}

/// Points a lesson's steps at the slugs their articles were kept under.
fn rename_slugs(lesson: &mut Lesson, renames: &[(String, String)]) {
    let renamed = |slug: &mut String| {
        if let Some((_, new_slug)) = renames.iter().find(|(old, _)| old == slug) {
            *slug = new_slug.clone();
        }
    };
    for step in &mut lesson.steps {
        if let Some(slug) = step.article.as_mut() {
            renamed(slug);
        }
        step.compare.iter_mut().for_each(renamed);
    }
}

/// Why `lesson` cannot join the pack of `context`, in one sentence naming it; `None` when it fits.
fn lesson_refusal(lesson: &Lesson, context: &LessonContext) -> Option<String> {
    let file = LessonFile {
        curation: String::new(),
        lessons: vec![lesson.clone()],
    };
    let problems = file.problems(context);
    if problems.is_empty() {
        return None;
    }
    let mut details: Vec<String> = problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|problem| match problem.place.step {
            Some(step) => format!("step {}: {}", step + 1, problem.detail),
            None => problem.detail.clone(),
        })
        .collect();
    if problems.len() > MAX_PROBLEMS {
        details.push(format!("and {} more", problems.len() - MAX_PROBLEMS));
    }
    let details: Vec<&str> = details.iter().map(|d| d.trim_end_matches('.')).collect();
    Some(format!(
        "The lesson \u{201c}{}\u{201d} ({}) does not fit this pack: {}.",
        shorten(&lesson.title),
        shorten(&lesson.id),
        details.join("; ")
    ))
}

fn replace_or_add<T>(
    list: &mut Vec<T>,
    item: T,
    id: impl Fn(&T) -> String,
    added: &mut usize,
    replaced: &mut usize,
) {
    let key = id(&item);
    match list.iter_mut().find(|existing| id(existing) == key) {
        Some(existing) => {
            *existing = item;
            *replaced += 1;
        }
        None => {
            list.push(item);
            *added += 1;
        }
    }
}

/// The built-in pack followed by the library: the one pack the app shows. Library events and
/// lessons whose ids the built-in pack uses are left out (the built-in ones stay).
pub fn combine(seed: &Pack, library: &Pack) -> Pack {
    let mut shown = seed.clone();
    shown.articles.extend(
        library
            .articles
            .iter()
            .filter(|a| !seed.articles.iter().any(|s| s.slug == a.slug))
            .cloned(),
    );
    shown.events.events.extend(
        library
            .events
            .events
            .iter()
            .filter(|e| !seed.events.events.iter().any(|s| s.id == e.id))
            .cloned(),
    );
    shown.lessons.extend(
        library
            .lessons
            .iter()
            .filter(|l| !seed.lessons.iter().any(|s| s.id == l.id))
            .cloned(),
    );
    shown
}

#[cfg(test)]
mod tests;
