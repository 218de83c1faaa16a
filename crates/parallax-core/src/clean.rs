//! Page-chrome removal: turns a scraped page into the article's clean text and records every removed line and why.
//!
//! The page is read line by line. A line leaves the body when it is page chrome (matched against the
//! curated phrase list in `data/chrome.txt`), part of a comment section or teaser list that such a
//! line opens, a disclosure, or a metadata line at the top (title, byline, printed date). Every other
//! line is kept verbatim, apart from white space: runs of spaces, tabs and no-break spaces become one
//! space. Rules look at one line at a time and at its place on the page, never at a particular site.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::meta;

#[cfg(test)]
pub(crate) mod hay;
#[cfg(test)]
mod tests;

/// The curated phrase list; see the file's header for its format, provenance and licence.
const CHROME_DATA: &str = include_str!("../data/chrome.txt");

/// The clean text of an article and everything that was taken out of the raw page to get it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Cleaned {
    /// Paragraphs separated by one blank line ("\n\n"). All analysis spans index into this.
    pub text: String,
    /// Every raw line that did not make it into `text`, in page order.
    pub removed: Vec<Removed>,
    /// Disclosures the page makes about itself; they also appear in `removed`.
    pub disclosures: Vec<Disclosure>,
}

/// One line of the raw page that is not part of the article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// 1-based line number in the raw page.
    pub line: usize,
    /// The line as printed, with its white space tidied.
    pub text: String,
    /// Why it left the body, for people: "comment form", "title (kept as metadata)".
    pub reason: String,
    /// Why it left the body, for programs.
    #[serde(default)]
    pub kind: RemovedKind,
}

/// What kind of line left the body; metadata kinds are parsed again by `meta::detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// Navigation, comment forms, share bars and the like: not the article.
    #[default]
    Chrome,
    Title,
    Subtitle,
    /// A byline, possibly with the date on the same line.
    Byline,
    Date,
    Disclosure,
    /// "Reporting by …; Editing by …" at the foot of a wire report.
    Credits,
}

/// A note the page makes about how the article was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// 1-based line number in the raw page.
    pub line: usize,
    pub text: String,
    pub kind: DisclosureKind,
}

/// What a disclosure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisclosureKind {
    /// The page says AI helped write it.
    AiAssistance,
    /// Sponsored, paid or affiliate content.
    Sponsorship,
    /// Any other editor's note or disclaimer.
    Other,
}

/// Removes page chrome and metadata lines from a scraped page. Never fails; a page that is all
/// chrome yields an empty text with every line accounted for in `removed`.
pub fn clean(raw: &str) -> Cleaned {
    let rules = chrome_rules();
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Old Mac files end lines with a lone "\r"; everything else with "\n" (and "\r", tidied away).
    let separator = if raw.contains('\n') { '\n' } else { '\r' };
    let lines: Vec<String> = raw.split(separator).map(tidy_whitespace).collect();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; lines.len()];
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_empty()).collect();

    mark_front_matter(&lines, &content, &mut verdicts);
    mark_chrome(rules, &lines, &content, &mut verdicts);
    mark_comment_section(&lines, &content, &mut verdicts);
    let disclosures = mark_disclosures(rules, &lines, &content, &mut verdicts);
    mark_header(&lines, &content, &mut verdicts);
    mark_trailer(rules, &lines, &content, &mut verdicts);

    let removed = content
        .iter()
        .filter_map(|&i| {
            let verdict = verdicts[i].as_ref()?;
            Some(Removed {
                line: i + 1,
                text: lines[i].clone(),
                reason: verdict.reason.clone(),
                kind: verdict.kind,
            })
        })
        .collect();
    Cleaned {
        text: assemble_paragraphs(&lines, &verdicts),
        removed,
        disclosures,
    }
}

#[derive(Debug, Clone)]
struct Verdict {
    kind: RemovedKind,
    reason: String,
    /// Set for lines that open a comment section or a teaser list.
    opens: Option<Opens>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Opens {
    CommentSection,
    TeaserList,
    /// "Image caption": the next line is the caption of a picture.
    Caption,
}

impl Verdict {
    fn chrome(reason: impl Into<String>) -> Verdict {
        Verdict {
            kind: RemovedKind::Chrome,
            reason: reason.into(),
            opens: None,
        }
    }

    fn metadata(kind: RemovedKind, reason: &str) -> Verdict {
        Verdict {
            kind,
            reason: reason.to_owned(),
            opens: None,
        }
    }
}

/// The parsed phrase list.
#[derive(Debug, Default)]
struct ChromeRules {
    /// Whole-line phrases, as words; "#" stands for any number.
    lines: Vec<(Vec<String>, String, Option<Opens>)>,
    starts: Vec<(String, String)>,
    share_networks: Vec<String>,
    share_words: Vec<String>,
    disclosure_labels: Vec<String>,
    credits: Vec<(String, String)>,
    ai_phrases: Vec<String>,
}

fn chrome_rules() -> &'static ChromeRules {
    static RULES: OnceLock<ChromeRules> = OnceLock::new();
    RULES.get_or_init(|| parse_chrome_rules(CHROME_DATA))
}

fn parse_chrome_rules(data: &str) -> ChromeRules {
    let mut rules = ChromeRules::default();
    for line in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut fields = line.splitn(3, '|').map(str::trim);
        let (Some(kind), Some(reason), Some(phrase)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (reason, phrase) = (reason.to_owned(), phrase.to_owned());
        let words = || phrase.split(' ').map(str::to_owned).collect();
        match kind {
            "line" => rules.lines.push((words(), reason, None)),
            "comment-heading" => rules
                .lines
                .push((words(), reason, Some(Opens::CommentSection))),
            "teaser-heading" => rules.lines.push((words(), reason, Some(Opens::TeaserList))),
            "caption-heading" => rules.lines.push((words(), reason, Some(Opens::Caption))),
            "starts" => rules.starts.push((phrase, reason)),
            "share-network" => rules.share_networks.push(phrase),
            "share-word" => rules.share_words.push(phrase),
            "disclosure" => rules.disclosure_labels.push(phrase),
            "credits" => rules.credits.push((phrase, reason)),
            "ai-phrase" => rules.ai_phrases.push(phrase),
            // The data file is ours and checked by a test; an unknown kind is skipped, not fatal.
            _ => {}
        }
    }
    rules
}

/// Tidies white space: tabs, no-break and other fixed-width spaces become plain spaces, runs collapse,
/// the ends are trimmed, and invisible characters (zero-width space, soft hyphen, "\r") go.
fn tidy_whitespace(line: &str) -> String {
    let untidy = |c: char| {
        c != ' ' && (c.is_whitespace() || matches!(c, '\u{200b}' | '\u{00ad}' | '\u{feff}'))
    };
    if !line.contains(untidy)
        && !line.contains("  ")
        && !line.starts_with(' ')
        && !line.ends_with(' ')
    {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        match c {
            '\u{200b}' | '\u{00ad}' | '\u{feff}' | '\r' => {}
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// The line as the phrase list compares it: lower case, straight apostrophes, no leading bullets or
/// symbols (the copyright sign stays), no trailing `: ! . | » ›` or dashes.
fn normalise_for_matching(line: &str) -> String {
    let lower = line.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let trimmed = lower
        .trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '\u{a9}'))
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '!'
                        | '.'
                        | ','
                        | '|'
                        | '\u{bb}'
                        | '\u{203a}'
                        | '-'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '*'
                        | '\u{2192}'
                        | '\u{2026}'
                )
        });
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_number(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && word.starts_with(|c: char| c.is_ascii_digit())
}

fn matches_whole_line(pattern: &[String], words: &[&str]) -> bool {
    words.len() == pattern.len()
        && pattern
            .iter()
            .zip(words)
            .all(|(expected, word)| expected == word || (expected == "#" && is_number(word)))
}

/// Whether `text` starts with `phrase` followed by the end or a non-letter.
fn starts_with_phrase(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// Chrome is short: no phrase in the list, and no share bar, is longer than this many words.
const MAX_CHROME_WORDS: usize = 20;

fn match_chrome(rules: &ChromeRules, line: &str) -> Option<Verdict> {
    // Most lines are prose; counting their words is far cheaper than normalising them.
    let words = line.split_whitespace().take(MAX_CHROME_WORDS + 1).count();
    if words > MAX_CHROME_WORDS {
        return None;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some(Verdict::chrome("separator line (no words)"));
    }
    let normalised = normalise_for_matching(line);
    if normalised.is_empty() {
        return None;
    }
    let normalised_words: Vec<&str> = normalised.split(' ').collect();
    for (pattern, reason, opens) in &rules.lines {
        // "No comments." ending in a period is a sentence someone said, not a heading.
        if *opens == Some(Opens::CommentSection) && line.ends_with('.') {
            continue;
        }
        if matches_whole_line(pattern, &normalised_words) {
            return Some(Verdict {
                kind: RemovedKind::Chrome,
                reason: reason.clone(),
                opens: *opens,
            });
        }
    }
    if let Some((_, reason)) = rules
        .starts
        .iter()
        .find(|(phrase, _)| starts_with_phrase(&normalised, phrase))
    {
        return Some(Verdict::chrome(reason.clone()));
    }
    if is_share_bar(rules, &normalised) {
        return Some(Verdict::chrome("share bar"));
    }
    None
}

/// A line made only of share-bar words ("Share this: Facebook | Twitter | Email") with at least one
/// network or share verb among them.
fn is_share_bar(rules: &ChromeRules, normalised: &str) -> bool {
    let tokens: Vec<&str> = normalised
        .split(|c: char| {
            c.is_whitespace()
                || matches!(c, '|' | '\u{2022}' | '\u{b7}' | '/' | ',' | ':' | '(' | ')')
        })
        .filter(|t| !t.is_empty())
        .collect();
    let is_network = |t: &&str| rules.share_networks.iter().any(|n| n == t);
    let is_word = |t: &&str| rules.share_words.iter().any(|w| w == t) || is_number(t);
    !tokens.is_empty()
        && tokens.len() <= 12
        && tokens.iter().any(is_network)
        && tokens.iter().all(|t| is_network(t) || is_word(t))
}

fn mark_chrome(
    rules: &ChromeRules,
    lines: &[String],
    content: &[usize],
    verdicts: &mut [Option<Verdict>],
) {
    for &i in content {
        if verdicts[i].is_none() {
            verdicts[i] = match_chrome(rules, &lines[i]);
        }
    }
    // The line after a caption label is the caption: it describes a picture, it is not the article.
    for pair in content.windows(2) {
        let (label, next) = (pair[0], pair[1]);
        let opens_caption = verdicts[label]
            .as_ref()
            .is_some_and(|v| v.opens == Some(Opens::Caption));
        if opens_caption && verdicts[next].is_none() && lines[next].split_whitespace().count() <= 40
        {
            verdicts[next] = Some(Verdict::chrome(format!(
                "image caption (below \"{}\")",
                lines[label]
            )));
        }
    }
}

/// Says that a title, byline or date line came from Markdown front matter ("title: …").
pub const FROM_FRONT_MATTER: &str = "from front matter (kept as metadata)";

/// Markdown front matter: a block of `key: value` lines between two `---` lines at the very top.
/// Its title, author and date are metadata; the rest is the publishing system's bookkeeping.
fn mark_front_matter(lines: &[String], content: &[usize], verdicts: &mut [Option<Verdict>]) {
    if content.first().is_none_or(|&first| lines[first] != "---") {
        return;
    }
    let Some(close) = content
        .iter()
        .skip(1)
        .take(40)
        .position(|&i| lines[i] == "---")
    else {
        return;
    };
    let block = &content[..close + 2];
    for &i in block {
        let key = lines[i]
            .split_once(':')
            .map(|(key, _)| key.trim().to_ascii_lowercase());
        let (kind, what) = match key.as_deref() {
            Some("title") => (RemovedKind::Title, "title"),
            Some("author" | "authors" | "byline") => (RemovedKind::Byline, "byline"),
            Some("date" | "published" | "pubdate" | "published_at") => {
                (RemovedKind::Date, "printed date")
            }
            _ => {
                verdicts[i] = Some(Verdict::chrome("front matter"));
                continue;
            }
        };
        verdicts[i] = Some(Verdict {
            kind,
            reason: format!("{what} {FROM_FRONT_MATTER}"),
            opens: None,
        });
    }
}

/// A comment heading ("LEAVE A REPLY", "3 comments") in the second half of the page opens the comment
/// section: what follows it is readers' comments and form fields, not the article.
fn mark_comment_section(lines: &[String], content: &[usize], verdicts: &mut [Option<Verdict>]) {
    let opens_comments = |i: usize| {
        verdicts[i]
            .as_ref()
            .is_some_and(|v| v.opens == Some(Opens::CommentSection))
    };
    let second_half = content.len().div_ceil(2);
    let Some(position) =
        (second_half..content.len()).find(|&position| opens_comments(content[position]))
    else {
        return;
    };
    let heading = lines[content[position]].clone();
    for &i in &content[position + 1..] {
        if verdicts[i].is_none() {
            verdicts[i] = Some(Verdict::chrome(format!(
                "comment section (below \"{heading}\")"
            )));
        }
    }
}

/// Disclosures stand at the very top or bottom of an article; only the first and last three lines
/// of what is still body are looked at, so a sentence that merely mentions AI never leaves the text.
fn mark_disclosures(
    rules: &ChromeRules,
    lines: &[String],
    content: &[usize],
    verdicts: &mut [Option<Verdict>],
) -> Vec<Disclosure> {
    let body: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&i| verdicts[i].is_none())
        .collect();
    let edge = 3.min(body.len());
    let mut candidates: Vec<usize> = body[..edge].to_vec();
    candidates.extend(
        body[body.len() - edge..]
            .iter()
            .filter(|i| !body[..edge].contains(i)),
    );
    let mut disclosures = Vec::new();
    for i in candidates {
        let normalised = normalise_for_matching(&lines[i]);
        if lines[i].split_whitespace().count() > 80 {
            continue;
        }
        let labelled = rules.disclosure_labels.iter().any(|label| {
            normalised.strip_prefix(label.as_str()).is_some_and(|rest| {
                rest.is_empty()
                    || rest.starts_with(':')
                    || rest.starts_with(" -")
                    || rest.starts_with(" \u{2013}")
                    || rest.starts_with(" \u{2014}")
            })
        });
        let mentions_ai = rules
            .ai_phrases
            .iter()
            .any(|phrase| normalised.contains(phrase.as_str()));
        let self_reference = [
            "this article",
            "this piece",
            "this story",
            "this post",
            "this content",
            "this report",
        ]
        .iter()
        .any(|opening| starts_with_phrase(&normalised, opening));
        if !(labelled || (self_reference && mentions_ai)) {
            continue;
        }
        let sponsored = [
            "sponsored",
            "paid partnership",
            "paid for by",
            "affiliate",
            "commission",
        ]
        .iter()
        .any(|word| normalised.contains(word));
        let (kind, reason) = if mentions_ai {
            (
                DisclosureKind::AiAssistance,
                "disclosure of AI assistance (kept as metadata)",
            )
        } else if sponsored {
            (
                DisclosureKind::Sponsorship,
                "sponsorship disclosure (kept as metadata)",
            )
        } else {
            (DisclosureKind::Other, "disclosure (kept as metadata)")
        };
        verdicts[i] = Some(Verdict::metadata(RemovedKind::Disclosure, reason));
        disclosures.push(Disclosure {
            line: i + 1,
            text: lines[i].clone(),
            kind,
        });
    }
    disclosures.sort_by_key(|d| d.line);
    disclosures
}

/// How many lines at the top may be metadata or navigation before the article must have started.
const MAX_HEADER_LINES: usize = 10;

/// A title has at least this many words when short lines (menu items, a section label) stand above it.
const MIN_TITLE_WORDS_BELOW_LABELS: usize = 4;

/// Metadata at the top of the page, before the first paragraph: a date line, a byline, the title and
/// perhaps a subtitle. Short lines above a title of several words are navigation or a section label
/// ("News", "Opinion"). The scan stops at the first line that is none of these.
fn mark_header(lines: &[String], content: &[usize], verdicts: &mut [Option<Verdict>]) {
    let (mut has_title, mut has_subtitle, mut has_byline, mut has_date) =
        (false, false, false, false);
    let candidates: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&i| verdicts[i].is_none())
        .take(MAX_HEADER_LINES)
        .collect();
    let mut labels_above_title: Vec<usize> = Vec::new();
    for (position, &i) in candidates.iter().enumerate() {
        let line = &lines[i];
        if let Some(header) = meta::parse_header_line(line) {
            let verdict = match (&header.byline, &header.date) {
                (Some(_), Some(_)) if !has_byline && !has_date => {
                    (has_byline, has_date) = (true, true);
                    Verdict::metadata(RemovedKind::Byline, "byline and date (kept as metadata)")
                }
                (Some(_), None) if !has_byline => {
                    has_byline = true;
                    Verdict::metadata(RemovedKind::Byline, "byline (kept as metadata)")
                }
                (None, Some(_)) if !has_date => {
                    has_date = true;
                    Verdict::metadata(RemovedKind::Date, "printed date (kept as metadata)")
                }
                _ => break,
            };
            verdicts[i] = Some(verdict);
            continue;
        }
        let words = line.split_whitespace().count();
        // A headline comes before the byline; a heading-like line below a byline opens the body.
        if !has_byline && !has_title {
            let below_labels = !labels_above_title.is_empty();
            // A Markdown level-one heading says outright that it is the title.
            let markdown_title = line.starts_with("# ") && line.len() > 2;
            if markdown_title
                || (meta::looks_like_headline(line, 20)
                    && (!below_labels || words >= MIN_TITLE_WORDS_BELOW_LABELS))
            {
                verdicts[i] = Some(Verdict::metadata(
                    RemovedKind::Title,
                    "title (kept as metadata)",
                ));
                has_title = true;
                for &label in &labels_above_title {
                    verdicts[label] = Some(Verdict::chrome(
                        "navigation or section label (above the title)",
                    ));
                }
                continue;
            }
            if words <= 3 && is_label(line) && labels_above_title.len() < 5 {
                labels_above_title.push(i);
                continue;
            }
            break;
        }
        // A dek may be a full sentence when a byline or date line follows it.
        let header_follows = candidates
            .get(position + 1)
            .is_some_and(|&next| meta::parse_header_line(&lines[next]).is_some());
        let dek = (meta::looks_like_headline(line, 30) && words >= MIN_TITLE_WORDS_BELOW_LABELS)
            || (header_follows
                && (4..=35).contains(&words)
                && !line.starts_with(['-', '*', '\u{2022}']));
        if has_title && !has_subtitle && !has_byline && dek && !meta::starts_like_byline(line) {
            verdicts[i] = Some(Verdict::metadata(
                RemovedKind::Subtitle,
                "subtitle (kept as metadata)",
            ));
            has_subtitle = true;
        } else {
            break;
        }
    }
    // Short lines only count as labels when a title follows them; a short first line of an untitled
    // page is its title, as before.
    if !has_title {
        if let Some(&first) = labels_above_title.first() {
            if !has_byline && meta::looks_like_headline(&lines[first], 20) {
                verdicts[first] = Some(Verdict::metadata(
                    RemovedKind::Title,
                    "title (kept as metadata)",
                ));
            }
        }
    }
    // A text must keep a body: when the header would take every remaining line (a one-line text
    // without final punctuation reads like a headline), its title and subtitle stay in the text.
    let any_body = content
        .iter()
        .any(|&i| verdicts[i].is_none() && !lines[i].trim().is_empty());
    if !any_body {
        for &i in content {
            if verdicts[i]
                .as_ref()
                .is_some_and(|v| matches!(v.kind, RemovedKind::Title | RemovedKind::Subtitle))
            {
                verdicts[i] = None;
            }
        }
    }
}

/// A short line that could be a menu item or section label: capitalised, no sentence punctuation.
fn is_label(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase())
        && !line.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// A line that reads as a paragraph of prose.
fn is_prose(line: &str) -> bool {
    line.split_whitespace().count() >= 12
        && line.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ')'])
}

/// Below the article's last paragraph: the short headline-like lines a teaser heading introduces
/// ("Popular Articles" and its list), reporting credits, and a date line printed at the foot.
fn mark_trailer(
    rules: &ChromeRules,
    lines: &[String],
    content: &[usize],
    verdicts: &mut [Option<Verdict>],
) {
    let last_prose = content
        .iter()
        .rposition(|&i| verdicts[i].is_none() && is_prose(&lines[i]));
    let trailer = &content[last_prose.map_or(content.len(), |p| p + 1)..];
    let mut teaser_heading: Option<String> = None;
    let mut has_date = verdicts
        .iter()
        .flatten()
        .any(|v| matches!(v.kind, RemovedKind::Date | RemovedKind::Byline));
    for &i in trailer {
        if let Some(verdict) = &verdicts[i] {
            if verdict.opens == Some(Opens::TeaserList) {
                teaser_heading = Some(lines[i].clone());
            }
            continue;
        }
        let normalised = normalise_for_matching(&lines[i]);
        if let Some((_, reason)) = rules
            .credits
            .iter()
            .find(|(phrase, _)| starts_with_phrase(&normalised, phrase))
        {
            verdicts[i] = Some(Verdict::metadata(RemovedKind::Credits, reason));
        } else if !has_date && meta::parse_date_line(&lines[i]).is_some() {
            verdicts[i] = Some(Verdict::metadata(
                RemovedKind::Date,
                "printed date (kept as metadata)",
            ));
            has_date = true;
        } else if let Some(heading) = &teaser_heading {
            if is_teaser_item(&lines[i]) {
                verdicts[i] = Some(Verdict::chrome(format!(
                    "navigation teaser (listed under \"{heading}\")"
                )));
            }
        }
    }
}

/// An entry of a teaser list: a headline or a topic name, never a sentence.
fn is_teaser_item(line: &str) -> bool {
    line.split_whitespace().count() <= 20 && is_label(line)
}

/// Joins the kept lines into paragraphs separated by "\n\n". Blank lines and removed lines end a
/// paragraph; inside a block, each line is its own paragraph (headings, list items, paragraphs whose
/// blank line was lost) unless the block is prose hard-wrapped at a fixed width.
fn assemble_paragraphs(lines: &[String], verdicts: &[Option<Verdict>]) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, paragraphs: &mut Vec<String>| {
        if is_hard_wrapped(block) {
            paragraphs.push(block.join(" "));
        } else {
            paragraphs.extend(
                block
                    .iter()
                    .map(|line| meta::strip_markdown_heading(line).to_owned()),
            );
        }
        block.clear();
    };
    for (line, verdict) in lines.iter().zip(verdicts) {
        if line.is_empty() || verdict.is_some() {
            flush(&mut block, &mut paragraphs);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut paragraphs);
    paragraphs.join("\n\n")
}

/// Hard-wrapped prose: every line but the last is of a typical wrap width, most end mid-sentence,
/// none is a list item or a heading, and at least one line continues a sentence the line before left
/// open.
fn is_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let (last, body) = block.split_last().expect("at least two lines");
    let is_list_item = |line: &&str| {
        line.starts_with(['-', '*', '+', '\u{2022}', '#', '>'])
            || line.split_once(['.', ')']).is_some_and(|(number, _)| {
                !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
            })
    };
    let wrap_width = |line: &&str| (30..=100).contains(&line.chars().count());
    let open_ended = |line: &&str| !line.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
    let continues = block
        .windows(2)
        .any(|pair| open_ended(&pair[0]) && pair[1].starts_with(|c: char| c.is_lowercase()));
    // Wrapping breaks lines mid-sentence, so most lines end without a full stop; one sentence per
    // line ends every line with one.
    let mostly_open = body.iter().filter(|line| open_ended(line)).count() * 2 >= body.len();
    mostly_open
        && body.iter().all(wrap_width)
        && last.chars().count() <= 100
        && !block.iter().any(is_list_item)
        && continues
}
