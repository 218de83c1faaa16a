//! What a teacher brings, made into an article: pasted text, a `.txt`, a `.md` or a saved web page
//! (`.html`) becomes the text the engine analyses plus the title, byline and date the source states.
//!
//! The steps, each a plain function so the app and the CLI share them:
//! 1. [`read_file`] decides what the bytes are: text in UTF-8 (or UTF-16 with its mark, or
//!    Windows-1252 as old saved pages often are), or a binary file (an image, an archive, a PDF…) it
//!    refuses with a message that says what the file seems to be and what to do instead.
//! 2. [`from_text`], [`from_markdown`] and [`from_html`] turn the source into an [`Imported`]: the
//!    body as paragraphs, with the metadata the source gives written as the header lines the
//!    engine's metadata detection reads (title, byline, date), so the analysis of an imported page
//!    sees the same article a reader sees.
//! 3. [`to_article`] puts the analysis and the metadata together as a [`PackArticle`], with a
//!    [`slug`] that is stable and unique in the pack.
//!
//! Text stays text everywhere: `<script>` in a pasted article is seven characters of the article.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::clean::{Removed, RemovedKind};
use crate::pack::{PackArticle, NO_BYLINE};

pub mod extract;
pub mod html;
pub mod markdown;

#[cfg(test)]
mod hay;
/// Sample articles the pack-file tests build packs from.
#[cfg(test)]
pub(crate) mod hay_for_bundle {
    pub const BRIDGE: &str = super::hay::BRIDGE_TEXT;
    pub const FERRY: &str = super::hay::PASTED_STORY;
}
#[cfg(test)]
mod tests;

/// The largest article text the app analyses, in bytes of UTF-8 (a long feature is about 60 KB; a
/// whole novel is about 1 MB). Bigger pastes are refused with this limit in the message.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// The largest file read for import, in bytes: saved pages carry styles and scripts around the text.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// What a source was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Text,
    Markdown,
    Html,
}

/// A source made ready for analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub kind: SourceKind,
    /// What the engine analyses: header lines for the metadata the source states, then the body.
    pub text: String,
    pub title: Option<String>,
    /// The byline as the source prints it ("By Jane Doe").
    pub byline: Option<String>,
    pub author: Option<String>,
    /// The date as the source prints it.
    pub date: Option<String>,
    /// What was taken out of a saved page (navigation, comments…), for the reader's "Removed" list.
    pub removed: Vec<Removed>,
    /// Plain remarks about the import ("read as Windows-1252"), shown with the article.
    pub notes: Vec<String>,
}

/// Why a file or paste cannot become an article. The `Display` text is the message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A binary file; `what` names what it seems to be ("a PNG image").
    Binary {
        what: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Binary { what } => write!(
                f,
                "This is {what}, not text. Parallax reads articles saved as .txt, .md or .html (in a browser: File › Save page as… › \"Web page, HTML only\"), or pasted text."
            ),
            Refusal::TooLarge { bytes, limit } => write!(
                f,
                "This is {}; Parallax reads up to {} at a time, so that analysing it on this device stays quick. Import one article at a time, or a shorter part of it.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            Refusal::Empty => write!(f, "There is no text in it to analyse."),
        }
    }
}

/// "2.0 MB", "512 KB": sizes as people read them.
pub fn megabytes(bytes: usize) -> String {
    if bytes >= 1024 * 1024 && bytes.is_multiple_of(1024 * 1024) {
        format!("{} MB", bytes / (1024 * 1024))
    } else if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Refuses a size above `limit` before anything is read.
pub fn check_size(bytes: usize, limit: usize) -> Result<(), Refusal> {
    if bytes > limit {
        Err(Refusal::TooLarge { bytes, limit })
    } else {
        Ok(())
    }
}

/// Signatures of file kinds people drop by mistake, checked before anything else.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (
        b"%PDF",
        "a PDF document (open it, select the article's text, copy it and paste it here)",
    ),
    (
        b"PK\x03\x04",
        "a zip archive (a Word or OpenDocument file is one too: save it as .txt first)",
    ),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Microsoft Office file (save it as .txt first)",
    ),
    (
        b"{\\rtf",
        "a rich-text (RTF) document (save it as .txt first)",
    ),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio or video file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\0asm", "a WebAssembly module"),
];

/// What the bytes seem to be when they are not text, or `None` when they may be text.
pub fn sniff_binary(bytes: &[u8]) -> Option<String> {
    for (signature, what) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some((*what).to_owned());
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image".to_owned());
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("a video or audio file".to_owned());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff");
    if !utf16 && head.contains(&0) {
        return Some("a binary file".to_owned());
    }
    // Text has few control characters besides tab, line feed, carriage return and form feed.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if !utf16 && controls * 20 > head.len().max(1) {
        return Some("a binary file".to_owned());
    }
    None
}

/// Decodes text bytes: UTF-8 (with or without its mark), UTF-16 with its mark, else Windows-1252.
/// Returns the text and a note when it was not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    for (mark, little) in [(b"\xff\xfe", true), (b"\xfe\xff", false)] {
        if let Some(rest) = bytes.strip_prefix(mark) {
            let units = rest.chunks_exact(2).map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            });
            let text = char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{fffd}'))
                .collect();
            return (
                text,
                Some("The file was saved as UTF-16; it was read as such.".to_owned()),
            );
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(_) => (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            Some("The file is not UTF-8; it was read as Windows-1252 (Western European). If letters look wrong, save it as UTF-8 and import it again.".to_owned()),
        ),
    }
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The kind a file's name says, or what its first characters look like when the name says nothing.
pub fn kind_of(name: &str, text: &str) -> SourceKind {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match extension.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => SourceKind::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => SourceKind::Markdown,
        Some("txt" | "text") => SourceKind::Text,
        _ => {
            let start = text.trim_start_matches('\u{feff}').trim_start();
            let lower: String = start
                .chars()
                .take(15)
                .collect::<String>()
                .to_ascii_lowercase();
            if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
                SourceKind::Html
            } else {
                SourceKind::Text
            }
        }
    }
}

/// Reads a dropped or chosen file: refuses binary and oversized files, decodes the text and turns
/// it into an article's text by its kind.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Imported, Refusal> {
    check_size(bytes.len(), MAX_FILE_BYTES)?;
    if let Some(what) = sniff_binary(bytes) {
        return Err(Refusal::Binary { what });
    }
    let (text, note) = decode(bytes);
    let mut imported = read_decoded(name, &text)?;
    imported.notes.extend(note);
    Ok(imported)
}

/// The part of [`read_file`] after the bytes were checked and decoded: turns the text into an
/// article's text by its kind and refuses one that comes out too long or empty. The app runs this
/// in the analysis worker, so a saved page is parsed off the page's thread and the page's own Wasm
/// carries no HTML parser; the cheap checks (size, binary, decoding) stay before the file is sent.
pub fn read_decoded(name: &str, text: &str) -> Result<Imported, Refusal> {
    let imported = match kind_of(name, text) {
        SourceKind::Html => from_html(text),
        SourceKind::Markdown => from_markdown(text),
        SourceKind::Text => from_text(text),
    };
    check_size(imported.text.len(), MAX_TEXT_BYTES)?;
    if imported.text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(imported)
}

/// Pasted or `.txt` text: analysed as it is; the engine finds its title, byline and date.
pub fn from_text(text: &str) -> Imported {
    Imported {
        kind: SourceKind::Text,
        text: text.replace("\r\n", "\n"),
        title: None,
        byline: None,
        author: None,
        date: None,
        removed: Vec::new(),
        notes: Vec::new(),
    }
}

/// Checks pasted text before it is analysed.
pub fn check_paste(text: &str) -> Result<(), Refusal> {
    check_size(text.len(), MAX_TEXT_BYTES)?;
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    Ok(())
}

/// Markdown: front matter and the first `#` heading as metadata, the body without syntax markers.
pub fn from_markdown(source: &str) -> Imported {
    let read = markdown::read(source);
    let title = read.front.title.clone().or(read.heading.clone());
    let author = read.front.author.clone();
    let byline = author.as_ref().map(|name| byline_for(name));
    compose(
        SourceKind::Markdown,
        title,
        byline,
        author,
        read.front.date,
        read.paragraphs,
        Vec::new(),
    )
}

/// A saved web page: the article found in it (see [`extract`]) and the metadata its markup gives.
pub fn from_html(page: &str) -> Imported {
    let document = html::parse(page);
    let extracted = extract::extract(&document);
    // Line numbers by binary search over the page's line ends, found once (counting the line ends
    // before each removed part was quadratic on a large page with many removed parts).
    let line_ends: Vec<usize> = page.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |offset: usize| line_ends.partition_point(|&end| end < offset) + 1;
    let removed = extracted
        .set_aside
        .iter()
        .map(|part| Removed {
            line: line_of(part.start),
            text: part.text.clone(),
            reason: format!("{} (in the saved page)", part.reason),
            kind: RemovedKind::Chrome,
        })
        .collect();
    let meta = extracted.meta;
    let mut imported = compose(
        SourceKind::Html,
        meta.title,
        meta.byline,
        meta.author,
        meta.date,
        extracted.paragraphs,
        removed,
    );
    if imported.text.trim().is_empty() {
        imported
            .notes
            .push("No article text was found in this page.".to_owned());
    }
    imported
}

fn byline_for(name: &str) -> String {
    if name.to_lowercase().starts_with("by ") {
        name.to_owned()
    } else {
        format!("By {name}")
    }
}

/// Writes the header lines (title, byline, date) the engine's metadata detection reads, then the
/// body paragraphs separated by blank lines. A body paragraph that repeats the title is dropped.
fn compose(
    kind: SourceKind,
    title: Option<String>,
    byline: Option<String>,
    author: Option<String>,
    date: Option<String>,
    paragraphs: Vec<String>,
    removed: Vec<Removed>,
) -> Imported {
    let one_line = |value: Option<String>| {
        value
            .map(|v| html::collapse_space(&v))
            .filter(|v| !v.is_empty())
    };
    let (title, byline, author, date) = (
        one_line(title),
        one_line(byline),
        one_line(author),
        one_line(date),
    );
    let mut blocks: Vec<String> = Vec::new();
    blocks.extend(title.clone());
    match (&byline, &date) {
        (Some(byline), Some(date)) => blocks.push(format!("{byline}\n{date}")),
        (Some(byline), None) => blocks.push(byline.clone()),
        (None, Some(date)) => blocks.push(date.clone()),
        (None, None) => {}
    }
    let repeats = |p: &String| {
        Some(p) == title.as_ref() || Some(p) == byline.as_ref() || Some(p) == date.as_ref()
    };
    blocks.extend(paragraphs.into_iter().filter(|p| !repeats(p)));
    Imported {
        kind,
        text: blocks.join("\n\n"),
        title,
        byline,
        author,
        date,
        removed,
        notes: Vec::new(),
    }
}

/// What the teacher may change about an imported article; `None` keeps what the source says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub topics: Option<Vec<String>>,
}

/// The article as a pack holds it: the teacher's edits, else what the source states, else what the
/// engine detected; `fallback_title` (e.g. the file's name) when nothing names it.
pub fn to_article(
    imported: &Imported,
    mut analysis: Analysis,
    slug: String,
    fallback_title: &str,
    edits: &Edits,
) -> PackArticle {
    let detected = &analysis.metadata;
    let clean = |value: &Option<String>| {
        value
            .as_deref()
            .map(html::collapse_space)
            .filter(|v| !v.is_empty())
    };
    let (title, title_curated) = match clean(&edits.title)
        .map(|t| (t, true))
        .or_else(|| imported.title.clone().map(|t| (t, false)))
        .or_else(|| detected.title.clone().map(|t| (t, false)))
    {
        Some(found) => found,
        None => (fallback_title.to_owned(), true),
    };
    let author = clean(&edits.author)
        .or_else(|| imported.author.clone())
        .or_else(|| detected.author.clone());
    let byline = match (&edits.author, &author) {
        (Some(_), Some(name)) => Some(byline_for(name)),
        _ => imported.byline.clone().or_else(|| detected.byline.clone()),
    };
    let printed_date = clean(&edits.date)
        .or_else(|| imported.date.clone())
        .or_else(|| detected.printed_date.clone());
    let mut notes = imported.notes.clone();
    if title_curated && edits.title.is_none() {
        notes.push("The source prints no title; this one was given on import.".to_owned());
    }
    // What a saved page lost on import joins what the engine removed, so the reader lists both.
    let mut removed = imported.removed.clone();
    removed.append(&mut analysis.removed);
    analysis.removed = removed;
    PackArticle {
        slug,
        file: String::new(),
        title,
        title_curated,
        byline: byline.filter(|_| author.is_some()),
        author: author.unwrap_or_else(|| NO_BYLINE.to_owned()),
        printed_date,
        notes,
        topics_curated: edits.topics.clone().unwrap_or_default(),
        analysis,
    }
}

/// A slug from a title: lower-case ASCII letters, digits and hyphens, at most 60 characters, cut
/// at a hyphen, accents folded; `taken` says which slugs exist, and `-2`, `-3`… makes it unique.
pub fn slug(title: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in title.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.ends_with('-') && !base.is_empty() && c != '\'' && c != '’' {
            base.push('-');
        }
    }
    let mut base = base.trim_end_matches('-').to_owned();
    if base.len() > 60 {
        let cut = base[..60].rfind('-').filter(|&at| at >= 20).unwrap_or(60);
        base.truncate(cut);
    }
    if base.is_empty() {
        base = "article".to_owned();
    }
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("some number is free")
}

fn fold_accent(c: char) -> Vec<char> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ą' => "A",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => {
            "e"
        }
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return vec![c],
    };
    folded.chars().collect()
}
