//! The pack format: a versioned bundle of articles with their metadata and analyses, as the app loads it.
//!
//! Two shapes live here. The *manifest* (`pack.toml` beside the articles) is what a curator writes:
//! one `[pack]` table and one `[[article]]` table per article. The *pack* is what the CLI builds from
//! it and the app loads. The core never reads files: the CLI hands it the manifest's text and each
//! article's bytes, and the functions here validate them and say what is wrong, with file and line.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::events::Catalogue;

#[cfg(test)]
mod tests;

/// The pack format's version, written into every pack. Bump it whenever the serialized shape of
/// [`Pack`] or [`PackArticle`] changes, record the change in [`Pack`]'s documentation, and keep a
/// fixture of the old shape under test.
pub const PACK_VERSION: u32 = 2;

/// The oldest pack version this code still loads.
pub const OLDEST_LOADABLE_PACK_VERSION: u32 = 1;

/// A pack: what the app loads, serialized as JSON.
///
/// Layout (version 2):
///
/// ```text
/// {
///   "version": 2,                    // PACK_VERSION when written
///   "id": "nato",                    // short stable id of the pack
///   "title": "NATO and Russia",
///   "description": "…",              // may be ""
///   "events": {                      // the curated event catalogue (crate::events::Catalogue);
///     "curation": "…",               // absent in packs built before catalogues were packed,
///     "events": [ … ]                // which load with an empty catalogue
///   },
///   "articles": [                    // in manifest order
///     {
///       "slug": "…",                 // stable, unique in the pack: [a-z0-9-]+
///       "file": "raw/….txt",         // the article's file, relative to the pack folder
///       "title": "…",                // as printed, or curated when title_curated
///       "title_curated": false,
///       "byline": "by …" | null,     // as printed
///       "author": "…",               // parsed author, or "No byline"
///       "printed_date": "…" | null,  // as printed
///       "notes": ["…"],              // the curator's notes
///       "topics_curated": ["…"],     // taxonomy ids the curator added (the analysis has the detected ones)
///       "analysis": { … }            // crate::Analysis, with its own version field
///     }
///   ]
/// }
/// ```
///
/// The curated values sit at the top of each article and win where the app shows one value; what the
/// page itself says, as detected, stays in `analysis.metadata` so both remain visible.
///
/// History: version 1 had no `description`, `file` or `topics_curated`. `events` was added to
/// version 2 without a version bump: it is optional, and a pack without it has an empty catalogue.
///
/// Loading: a pack of the current version deserializes straight into `Pack`. An older pack, or one
/// whose analyses an older engine computed (their shape changes as the engine grows), is read as a
/// [`StoredPack`] instead — that reading keeps the curated fields and each analysis's text, removed
/// lines and metadata and ignores the rest — and [`StoredPack::upgrade`] re-analyses the text with
/// the current engine. So old packs keep loading without the app carrying every old shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    pub version: u32,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The pack's curated event catalogue (`events.toml` beside the manifest); empty when it has none.
    #[serde(default)]
    pub events: Catalogue,
    pub articles: Vec<PackArticle>,
    /// The pack's lessons (`lessons.toml` beside the manifest); empty when it has none.
    #[serde(default)]
    pub lessons: Vec<crate::lesson::Lesson>,
}

/// One article of a pack: the curated metadata, then the analysis of its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackArticle {
    pub slug: String,
    /// The article's file, relative to the pack folder ("" in version-1 packs).
    #[serde(default)]
    pub file: String,
    pub title: String,
    /// True when the page prints no title and the curator supplied this one.
    pub title_curated: bool,
    /// The byline exactly as printed, or `None` when the page has none.
    pub byline: Option<String>,
    /// The parsed author, or "No byline".
    pub author: String,
    /// The date exactly as printed, or `None` when the page prints none.
    pub printed_date: Option<String>,
    /// The curator's notes.
    pub notes: Vec<String>,
    /// Topic ids (from the taxonomy in `data/topics.txt`) the curator assigned; the analysis holds
    /// the topics detected in the text.
    #[serde(default)]
    pub topics_curated: Vec<String>,
    pub analysis: Analysis,
}

impl Pack {
    /// Whether this code can show a pack of this version; a newer pack needs a newer app.
    pub fn check_version(&self) -> Result<(), String> {
        check_pack_version(self.version)
    }
}

/// Whether this code reads packs of format `version`.
pub fn check_pack_version(version: u32) -> Result<(), String> {
    if (OLDEST_LOADABLE_PACK_VERSION..=PACK_VERSION).contains(&version) {
        Ok(())
    } else {
        Err(format!(
            "this pack has format version {version}; this version of Parallax reads versions {OLDEST_LOADABLE_PACK_VERSION} to {PACK_VERSION}"
        ))
    }
}

/// Any pack from version [`OLDEST_LOADABLE_PACK_VERSION`] on, read tolerantly: curated fields and
/// what the analysis must not lose (its text, removed lines and page metadata); everything else the
/// current engine recomputes in [`StoredPack::upgrade`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredPack {
    pub version: u32,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub events: Catalogue,
    pub articles: Vec<StoredArticle>,
    #[serde(default)]
    pub lessons: Vec<crate::lesson::Lesson>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredArticle {
    pub slug: String,
    #[serde(default)]
    pub file: String,
    pub title: String,
    pub title_curated: bool,
    pub byline: Option<String>,
    pub author: String,
    pub printed_date: Option<String>,
    pub notes: Vec<String>,
    #[serde(default)]
    pub topics_curated: Vec<String>,
    pub analysis: StoredAnalysis,
}

/// The parts of a stored analysis that cannot be recomputed from its clean text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredAnalysis {
    pub version: u32,
    pub text: String,
    #[serde(default)]
    pub removed: Vec<crate::clean::Removed>,
    #[serde(default)]
    pub metadata: crate::meta::Metadata,
}

impl StoredArticle {
    /// The article with its curated fields around a fresh `analysis` (the stored one is dropped).
    pub fn into_article(self, analysis: crate::Analysis) -> PackArticle {
        PackArticle {
            slug: self.slug,
            file: self.file,
            title: self.title,
            title_curated: self.title_curated,
            byline: self.byline,
            author: self.author,
            printed_date: self.printed_date,
            notes: self.notes,
            topics_curated: self.topics_curated,
            analysis,
        }
    }
}

impl StoredPack {
    /// Re-analyses every article with the current engine and returns a current pack. The page's
    /// removed lines and metadata are carried over: the stored text is already clean, so they cannot
    /// be found in it again.
    pub fn upgrade(self) -> Result<Pack, String> {
        check_pack_version(self.version)?;
        let articles = self
            .articles
            .into_iter()
            .map(|mut stored| {
                let mut analysis = crate::analyze(&stored.analysis.text);
                let fresh = std::mem::take(&mut analysis.metadata);
                // A stored span is kept only if it still fits the text: a pack from elsewhere may
                // carry one that does not, and the reader slices the text with it.
                let text = &analysis.text;
                let fits = |span: &crate::Span| text.get(span.start..span.end).is_some();
                let dateline = stored.analysis.metadata.dateline.take();
                let lede = stored.analysis.metadata.lede.take();
                analysis.metadata = crate::meta::Metadata {
                    dateline: dateline.filter(|d| fits(&d.span)).or(fresh.dateline),
                    lede: lede.filter(fits).or(fresh.lede),
                    ..std::mem::take(&mut stored.analysis.metadata)
                };
                // Title cues index into the title, which is now the stored one.
                analysis.title_cues = analysis
                    .metadata
                    .title
                    .as_deref()
                    .map(crate::cues::find_in_title)
                    .unwrap_or_default();
                if !stored.analysis.removed.is_empty() {
                    analysis.removed = std::mem::take(&mut stored.analysis.removed);
                }
                stored.into_article(analysis)
            })
            .collect();
        Ok(Pack {
            version: PACK_VERSION,
            id: self.id,
            title: self.title,
            description: self.description,
            events: self.events,
            articles,
            lessons: self.lessons,
        })
    }
}

/// The text written in "author" when the page has no byline.
pub const NO_BYLINE: &str = "No byline";

/// The manifest a curator writes (`pack.toml`). Unknown fields are errors, so a typo never passes
/// silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub pack: ManifestPack,
    /// The `[[article]]` tables, in order.
    #[serde(default, rename = "article")]
    pub articles: Vec<ManifestArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestPack {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// One `[[article]]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestArticle {
    pub slug: String,
    /// Path of the article's text, relative to the manifest's folder.
    pub file: String,
    /// The title as printed; or, with `title_curated = true`, one the curator wrote.
    pub title: String,
    #[serde(default)]
    pub title_curated: bool,
    /// The byline as printed; absent when the page has none.
    #[serde(default)]
    pub byline: Option<String>,
    /// The parsed author, or "No byline".
    pub author: String,
    /// The date as printed; absent when the page prints none.
    #[serde(default)]
    pub printed_date: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub topics_curated: Vec<String>,
}

/// Something wrong with a pack's input, located as precisely as known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackIssue {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line in that file.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for PackIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Decodes an article's bytes as UTF-8, or says where the first invalid byte is.
pub fn decode_article<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, PackIssue> {
    std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        PackIssue {
            file: file.to_owned(),
            line: Some(line),
            message: format!(
                "invalid UTF-8 at byte {at} (line {line}, column {}): save the article as UTF-8 text",
                at - line_start + 1
            ),
        }
    })
}

/// The 1-based line of each `[[article]]` header in the manifest's text, in order.
pub fn article_header_lines(manifest_text: &str) -> Vec<usize> {
    manifest_text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("[[article]]"))
        .map(|(index, _)| index + 1)
        .collect()
}

/// The 1-based line where `field` is set inside the `entry`-th `[[article]]` table, falling back to
/// the table's header line.
pub fn article_field_line(manifest_text: &str, entry: usize, field: &str) -> Option<usize> {
    let headers = article_header_lines(manifest_text);
    let start = *headers.get(entry)?;
    let end = headers.get(entry + 1).copied().unwrap_or(usize::MAX);
    let found = manifest_text
        .lines()
        .enumerate()
        .skip(start)
        .take(end.saturating_sub(start + 1))
        .find(|(_, line)| {
            line.trim_start()
                .strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
    Some(found.map_or(start, |(index, _)| index + 1))
}

/// The 1-based line where `field` is set in the `[pack]` table, before the first `[[article]]`.
pub fn pack_field_line(manifest_text: &str, field: &str) -> Option<usize> {
    manifest_text
        .lines()
        .take_while(|line| !line.trim_start().starts_with("[[article]]"))
        .position(|line| {
            line.trim_start()
                .strip_prefix(field)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|index| index + 1)
}

/// Checks what serde cannot: slugs unique and well formed, files relative and inside the pack,
/// required text present. `manifest_file` names the manifest in messages.
pub fn validate_manifest(
    manifest_file: &str,
    manifest_text: &str,
    manifest: &Manifest,
) -> Vec<PackIssue> {
    let mut issues = Vec::new();
    let issue = |entry: Option<usize>, field: &str, message: String| PackIssue {
        file: manifest_file.to_owned(),
        line: match entry {
            Some(entry) => article_field_line(manifest_text, entry, field),
            None => pack_field_line(manifest_text, field),
        },
        message,
    };
    if manifest.pack.id.trim().is_empty() {
        issues.push(issue(None, "id", "[pack] id is empty".to_owned()));
    }
    if manifest.articles.is_empty() {
        issues.push(issue(
            None,
            "[[article]]",
            "the manifest lists no [[article]]".to_owned(),
        ));
    }
    let mut first_use: HashMap<&str, usize> = HashMap::new();
    let known_topics = crate::topics::taxonomy();
    for (index, article) in manifest.articles.iter().enumerate() {
        let at = Some(index);
        let slug = article.slug.as_str();
        if slug.is_empty()
            || !slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            issues.push(issue(
                at,
                "slug",
                format!("slug {slug:?} must be lower-case letters, digits and hyphens"),
            ));
        }
        if let Some(&first) = first_use.get(slug) {
            let first_line = article_field_line(manifest_text, first, "slug")
                .map_or(String::new(), |l| format!(" (first used at line {l})"));
            issues.push(issue(
                at,
                "slug",
                format!("duplicate slug {slug:?}{first_line}"),
            ));
        } else {
            first_use.insert(slug, index);
        }
        let file = article.file.as_str();
        if file.is_empty()
            || file.starts_with('/')
            || file.starts_with('\\')
            || file.contains(':')
            || file.split(['/', '\\']).any(|part| part == "..")
        {
            issues.push(issue(
                at,
                "file",
                format!("file {file:?} must be a relative path inside the pack folder"),
            ));
        }
        if article.title.trim().is_empty() {
            issues.push(issue(at, "title", "title is empty; write the printed title, or a curated one with title_curated = true".to_owned()));
        }
        if article.author.trim().is_empty() {
            issues.push(issue(
                at,
                "author",
                format!("author is empty; write the parsed author, or {NO_BYLINE:?}"),
            ));
        }
        for topic in &article.topics_curated {
            if !known_topics.iter().any(|known| known.id == *topic) {
                let ids: Vec<&str> = known_topics.iter().map(|known| known.id.as_str()).collect();
                issues.push(issue(
                    at,
                    "topics_curated",
                    format!(
                        "unknown topic {topic:?}; topics are ids from the taxonomy: {}",
                        ids.join(", ")
                    ),
                ));
            }
        }
        if article.byline.is_none() && article.author != NO_BYLINE {
            issues.push(issue(at, "author", format!("author {:?} is given but there is no byline; without one the author is {NO_BYLINE:?}", article.author)));
        }
    }
    issues
}

/// Analyses one article and puts the curated metadata from its manifest entry on top.
pub fn build_article(entry: &ManifestArticle, text: &str) -> PackArticle {
    PackArticle {
        slug: entry.slug.clone(),
        file: entry.file.clone(),
        title: entry.title.clone(),
        title_curated: entry.title_curated,
        byline: entry.byline.clone(),
        author: entry.author.clone(),
        printed_date: entry.printed_date.clone(),
        notes: entry.notes.clone(),
        topics_curated: entry.topics_curated.clone(),
        analysis: crate::analyze(text),
    }
}

/// Where the curated metadata and what the page says (as detected) disagree. These are not errors —
/// a curator may know better, and detection may miss — but each deserves a second look.
pub fn curation_differences(article: &PackArticle) -> Vec<String> {
    let detected = &article.analysis.metadata;
    let mut differences = Vec::new();
    let differ = |field: &str, curated: Option<&str>, found: Option<&str>| {
        (curated != found)
            .then(|| format!("{field}: the manifest says {curated:?}, the page shows {found:?}"))
    };
    if !article.title_curated {
        differences.extend(differ(
            "title",
            Some(&article.title),
            detected.title.as_deref(),
        ));
    } else if let Some(found) = &detected.title {
        differences.push(format!(
            "title: marked as curated, but the page shows the title {found:?}"
        ));
    }
    differences.extend(differ(
        "byline",
        article.byline.as_deref(),
        detected.byline.as_deref(),
    ));
    let curated_author = (article.author != NO_BYLINE).then_some(article.author.as_str());
    differences.extend(differ("author", curated_author, detected.author.as_deref()));
    differences.extend(differ(
        "printed_date",
        article.printed_date.as_deref(),
        detected.printed_date.as_deref(),
    ));
    differences
}
