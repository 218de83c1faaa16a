//! Metadata detection: the title, byline, printed date, dateline and lede as the page prints them.
//!
//! Cleaning decides which lines of the page are metadata (they leave the body); this module parses
//! them. The parsers are public because other modules meet the same forms inside the text: a date
//! such as "June 24-25" or "24 Dec 2021" can stand in any sentence.

use serde::{Deserialize, Serialize};

use crate::clean::{Cleaned, Disclosure, RemovedKind, FROM_FRONT_MATTER};
use crate::span::Span;

#[cfg(test)]
mod tests;

/// What the page says about itself, as printed; curated metadata lives in the pack, not here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Metadata {
    /// The headline, e.g. "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'".
    pub title: Option<String>,
    /// A second, usually longer headline printed under the title (a dek), e.g. "Why is …?".
    #[serde(default)]
    pub subtitle: Option<String>,
    /// The byline exactly as printed, e.g. "by Martin Haffner Associate Editor".
    pub byline: Option<String>,
    /// The parsed author name, e.g. "Martin Haffner"; several authors are joined with "and".
    pub author: Option<String>,
    /// Every author the byline names, in order.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The author's role when the byline gives one, e.g. "Associate Editor".
    pub author_role: Option<String>,
    /// The outlet or agency the byline names, e.g. "Reuters" in "By Jane Doe, Reuters".
    #[serde(default)]
    pub outlet: Option<String>,
    /// The date exactly as printed, e.g. "Friday, December 24, 2021".
    pub printed_date: Option<String>,
    /// The printed date normalised to ISO 8601 (`2021-12-24`), or as much of it as is known (`2021-12`).
    pub date_iso: Option<String>,
    /// The printed date taken apart, including a weekday check.
    #[serde(default)]
    pub date: Option<PrintedDate>,
    /// A wire-style dateline opening the lede, e.g. "WASHINGTON (Reuters) -".
    #[serde(default)]
    pub dateline: Option<Dateline>,
    /// The first body paragraph.
    #[serde(default)]
    pub lede: Option<Span>,
    /// Notes the page makes about how it was made (AI assistance, sponsorship); they left the body.
    #[serde(default)]
    pub disclosures: Vec<Disclosure>,
}

/// A calendar date as printed, with whatever parts the page gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintedDate {
    /// The date exactly as printed, without prefixes such as "Published:" or a time of day.
    pub printed: String,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The last day of a printed range such as "June 24-25".
    pub day_end: Option<u32>,
    /// The printed weekday, spelled out ("Friday").
    pub weekday: Option<String>,
    /// Whether the printed weekday falls on the printed date; `None` when either is missing.
    pub weekday_matches: Option<bool>,
    /// ISO 8601 as far as known: `2021-12-24`, `2021-12`; `None` without a year (a partial date).
    pub iso: Option<String>,
}

/// A parsed byline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// The byline as printed.
    pub printed: String,
    pub authors: Vec<String>,
    pub role: Option<String>,
    pub outlet: Option<String>,
}

/// A wire-style dateline at the start of the lede: place, optional date and agency, then a dash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline including its dash, inside the clean text.
    pub span: Span,
    /// The place as printed, e.g. "WASHINGTON" or "KYIV, Ukraine".
    pub place: String,
    pub agency: Option<String>,
    pub date: Option<PrintedDate>,
}

/// A metadata line at the top of a page: a byline, a date, or both on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    pub byline: Option<Byline>,
    pub date: Option<PrintedDate>,
}

/// Reads the metadata lines cleaning set aside and finds the dateline and lede in the clean text.
pub fn detect(_raw: &str, cleaned: &Cleaned) -> Metadata {
    let mut metadata = Metadata {
        disclosures: cleaned.disclosures.clone(),
        ..Metadata::default()
    };
    for removed in &cleaned.removed {
        match removed.kind {
            _ if removed.reason.ends_with(FROM_FRONT_MATTER) => {
                read_front_matter(&mut metadata, removed.kind, &removed.text);
            }
            RemovedKind::Title if metadata.title.is_none() => {
                metadata.title = Some(strip_markdown_heading(&removed.text).to_owned());
            }
            RemovedKind::Subtitle if metadata.subtitle.is_none() => {
                metadata.subtitle = Some(strip_markdown_heading(&removed.text).to_owned());
            }
            RemovedKind::Byline | RemovedKind::Date => {
                let Some(header) = parse_header_line(&removed.text) else {
                    continue;
                };
                if let (Some(byline), None) = (header.byline, &metadata.byline) {
                    metadata.author = join_names(&byline.authors);
                    metadata.authors = byline.authors;
                    metadata.author_role = byline.role;
                    metadata.outlet = byline.outlet;
                    metadata.byline = Some(byline.printed);
                }
                if let (Some(date), None) = (header.date, &metadata.date) {
                    metadata.printed_date = Some(date.printed.clone());
                    metadata.date_iso = date.iso.clone();
                    metadata.date = Some(date);
                }
            }
            _ => {}
        }
    }
    if let Some(lede) = find_lede(&cleaned.text) {
        metadata.dateline = find_dateline(&cleaned.text, lede);
        metadata.lede = Some(lede);
    }
    metadata
}

/// `title: "…"`, `author: Jane Doe`, `date: 2024-05-05` from Markdown front matter.
fn read_front_matter(metadata: &mut Metadata, kind: RemovedKind, line: &str) {
    let Some((_, value)) = line.split_once(':') else {
        return;
    };
    let value = value.trim().trim_matches(['"', '\'']).trim();
    if value.is_empty() {
        return;
    }
    match kind {
        RemovedKind::Title if metadata.title.is_none() => metadata.title = Some(value.to_owned()),
        RemovedKind::Byline if metadata.byline.is_none() => {
            let byline = parse_byline(value).unwrap_or_else(|| Byline {
                printed: value.to_owned(),
                authors: split_names(value).unwrap_or_else(|| vec![value.to_owned()]),
                role: None,
                outlet: None,
            });
            metadata.author = join_names(&byline.authors);
            metadata.authors = byline.authors;
            metadata.author_role = byline.role;
            metadata.outlet = byline.outlet;
            metadata.byline = Some(byline.printed);
        }
        RemovedKind::Date if metadata.date.is_none() => {
            if let Some(date) = parse_date_line(value) {
                metadata.printed_date = Some(date.printed.clone());
                metadata.date_iso = date.iso.clone();
                metadata.date = Some(date);
            }
        }
        _ => {}
    }
}

/// "Jane Doe", "Jane Doe and John Roe", "Ann Poe, Jane Doe and John Roe".
fn join_names(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// The first paragraph that reads as prose rather than a heading: the lede.
fn find_lede(text: &str) -> Option<Span> {
    let mut offset = 0;
    for chunk in text.split("\n\n") {
        let start = offset;
        offset += chunk.len() + 2;
        let words = chunk.split_whitespace().count();
        let ends_like_prose = chunk.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
        if words >= 8 && (ends_like_prose || words >= 20) {
            return Some(Span::new(start, start + chunk.len()));
        }
    }
    None
}

/// Finds "WASHINGTON (Reuters) -", "KYIV, Ukraine —" or "BRUSSELS, Dec 24 (AP) -" opening the lede.
pub fn find_dateline(text: &str, lede: Span) -> Option<Dateline> {
    let paragraph = lede.slice(text);
    // A dateline is short; looking only at the opening keeps a dash later in the sentence out of it.
    let (dash_at, dash_len) = [" - ", " \u{2013} ", " \u{2014} ", " -- "]
        .iter()
        .filter_map(|dash| paragraph.find(dash).map(|at| (at, dash.len())))
        .filter(|&(at, _)| at <= 80)
        .min()?;
    let prefix = paragraph[..dash_at].trim();
    let (rest, agency) = match prefix.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some((before, agency)) if is_capitalised_name(agency) => {
            (before.trim(), Some(agency.trim().to_owned()))
        }
        _ => (prefix, None),
    };
    // "(Reuters) - …": an agency alone, with no place.
    if rest.is_empty() {
        let end = lede.start + dash_at + dash_len - 1;
        return agency.map(|agency| Dateline {
            span: Span::new(lede.start, end),
            place: String::new(),
            agency: Some(agency),
            date: None,
        });
    }
    let mut parts = rest.split(", ");
    let place_first = parts.next()?.trim();
    let all_caps_place = is_all_caps_place(place_first);
    // A title-case place ("Washington -") is only a dateline when an agency vouches for it.
    let vouched_for = agency.is_some() && is_capitalised_name(place_first);
    if !(all_caps_place || vouched_for) {
        return None;
    }
    let mut place = place_first.to_owned();
    let mut date = None;
    for part in parts {
        let part = part.trim();
        if let Some(parsed) = parse_date(part) {
            date = Some(parsed);
        } else if date.is_none()
            && is_capitalised_name(part)
            && part.split_whitespace().count() <= 3
        {
            place = format!("{place}, {part}");
        } else {
            return None;
        }
    }
    let end = lede.start + dash_at + dash_len - 1;
    Some(Dateline {
        span: Span::new(lede.start, end),
        place,
        agency,
        date,
    })
}

fn is_all_caps_place(word_run: &str) -> bool {
    let words: Vec<&str> = word_run.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|word| {
            word.chars().any(char::is_alphabetic)
                && word
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        })
        && words
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
            .sum::<usize>()
            >= 2
}

fn is_capitalised_name(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '&')
        })
}

/// Whether a line reads like a headline: a few words, capitalised, no closing period or colon.
pub fn looks_like_headline(line: &str, max_words: usize) -> bool {
    let line = strip_markdown_heading(line).trim();
    let words = line.split_whitespace().count();
    let first_letter = line.chars().find(|c| c.is_alphanumeric());
    // A sentence inside quotation marks still ends in a period: `He said: "We will win."`
    let unquoted = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    (2..=max_words).contains(&words)
        && first_letter.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !unquoted.ends_with(['.', ',', ';', ':', '\u{2026}'])
        && !line.starts_with(['-', '*', '\u{2022}'])
        && !has_sentence_break(line)
}

/// "rising. That": a full stop after an ordinary word, then a capital, ends a sentence; "U.S. Warns"
/// and "St. Petersburg" do not.
fn has_sentence_break(line: &str) -> bool {
    line.match_indices(". ").any(|(at, _)| {
        let word = line[..at].rsplit(' ').next().unwrap_or("");
        let next = line[at + 2..].chars().next();
        word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && word.chars().last().is_some_and(char::is_lowercase)
            && next.is_some_and(char::is_uppercase)
    })
}

/// "## Heading" → "Heading": Markdown input marks headings with hashes that are not part of the text.
pub fn strip_markdown_heading(line: &str) -> &str {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        line[hashes..].trim_start()
    } else {
        line
    }
}

/// Reads a byline, a printed date, or a byline and a date sharing one line ("By Jane Doe | 24 Dec 2021").
pub fn parse_header_line(line: &str) -> Option<HeaderLine> {
    // Markdown pages set bylines in emphasis: "*By Jane Doe | 5 May 2024*".
    let line = line.trim().trim_matches(['*', '_']).trim();
    if let Some(date) = parse_date_line(line) {
        return Some(HeaderLine {
            byline: None,
            date: Some(date),
        });
    }
    if let Some(byline) = parse_byline(line) {
        return Some(HeaderLine {
            byline: Some(byline),
            date: None,
        });
    }
    // "Posted by Jo on 3 March 2024"
    if starts_like_byline(line) {
        if let Some((name, date)) = line.rsplit_once(" on ") {
            if let (Some(byline), Some(date)) = (parse_byline(name), parse_date_line(date)) {
                return Some(HeaderLine {
                    byline: Some(byline),
                    date: Some(date),
                });
            }
        }
        if let Some(byline) = parse_byline_loosely(line) {
            return Some(HeaderLine {
                byline: Some(byline),
                date: None,
            });
        }
    }
    let parts = split_on_separators(line);
    if parts.len() < 2 {
        return None;
    }
    let mut header = HeaderLine {
        byline: None,
        date: None,
    };
    for part in parts {
        if let Some(date) = parse_date_line(part) {
            // The first date is the one printed for the article; a second is an "Updated" date.
            header.date.get_or_insert(date);
            continue;
        }
        if header.byline.is_none() {
            if let Some(byline) = parse_byline(part) {
                header.byline = Some(byline);
                continue;
            }
        }
        return None;
    }
    header.date.is_some().then_some(header)
}

fn split_on_separators(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for separator in [
        " | ",
        " \u{2022} ",
        " \u{b7} ",
        " \u{2014} ",
        " \u{2013} ",
        " - ",
    ] {
        parts = parts
            .into_iter()
            .flat_map(|part| part.split(separator))
            .collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Words that start a byline; the name follows.
const BYLINE_PREFIXES: &[&str] = &[
    "written by ",
    "interview by ",
    "interviewed by ",
    "words by ",
    "posted by ",
    "story by ",
    "reporting by ",
    "authors: ",
    "author: ",
    "by: ",
    "by ",
];

/// Words that make up a journalist's role ("Associate Editor", "Staff Writer"). Heads name the job,
/// modifiers only qualify it, so a role needs at least one head.
const ROLE_HEADS: &[&str] = &[
    "editor",
    "editors",
    "writer",
    "writers",
    "correspondent",
    "reporter",
    "reporters",
    "contributor",
    "columnist",
    "journalist",
    "analyst",
    "chief",
    "producer",
    "fellow",
    "professor",
    "director",
    "staff",
    "intern",
    "researcher",
    "commentator",
    "critic",
    "photographer",
    "blogger",
    "lecturer",
    "economist",
    "strategist",
    "editor-at-large",
    "team",
    "desk",
    "bureau",
];
const ROLE_MODIFIERS: &[&str] = &[
    "associate",
    "senior",
    "contributing",
    "special",
    "foreign",
    "political",
    "deputy",
    "managing",
    "executive",
    "assistant",
    "defence",
    "defense",
    "diplomatic",
    "security",
    "world",
    "international",
    "national",
    "news",
    "business",
    "guest",
    "freelance",
    "investigative",
    "digital",
    "opinion",
    "features",
    "europe",
    "european",
    "politics",
    "chief",
    "staff",
    "research",
    "visiting",
    "of",
    "for",
    "and",
    "&",
];

/// Lower-case name particles that may stand inside a capitalised name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al", "el", "ibn",
    "dos", "das", "y",
];

/// A byline whose author is not a person's name ("By the Editorial Board", "Posted by the Dock
/// Workers' Union, Harbour branch"): the author is what follows "by", up to a comma, without "the".
/// Lines with digits are left to the stricter parsers, which know dates.
fn parse_byline_loosely(line: &str) -> Option<Byline> {
    let printed = line.trim();
    if printed.split_whitespace().count() > 16
        || printed.ends_with('.')
        || printed.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let lower = printed.to_lowercase();
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|prefix| lower.starts_with(*prefix))?;
    let body = printed[prefix.len()..].trim();
    let body = body.strip_prefix("the ").unwrap_or(body);
    let author = body.split([',', '|']).next()?.split(" in ").next()?.trim();
    let starts_capitalised = author.chars().next().is_some_and(char::is_uppercase);
    starts_capitalised.then(|| Byline {
        printed: printed.to_owned(),
        authors: vec![author.to_owned()],
        role: None,
        outlet: None,
    })
}

/// Whether a line opens like a byline ("By", "Written by", "Posted by" …), parsable or not.
pub fn starts_like_byline(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    BYLINE_PREFIXES
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// Parses "by Martin Haffner Associate Editor", "By Jane Doe, Reuters", "Jane Doe | Staff Writer",
/// "By JANE DOE and JOHN ROE".
pub fn parse_byline(line: &str) -> Option<Byline> {
    let printed = line.trim();
    if printed.split_whitespace().count() > 16 || printed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower = printed.to_lowercase();
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|prefix| lower.starts_with(*prefix));
    let body = match prefix {
        Some(prefix) => printed[prefix.len()..].trim(),
        None => printed,
    };
    // Blogs: "Posted by Jo in Life, Work" — what follows "in" is the post's category.
    let blog_post = prefix == Some(&"posted by ");
    let body = match body.split_once(" in ") {
        Some((name, _)) if blog_post => name,
        _ => body,
    };
    let segments: Vec<&str> = body
        .split([',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let (first, tails) = segments.split_first()?;
    // "Ann Poe, Jane Doe and John Roe": commas separate names only in a list that ends with "and".
    let list_end = segments
        .iter()
        .position(|s| has_conjunction(s))
        .filter(|_| prefix.is_some());
    let (name_segments, tails): (Vec<&str>, &[&str]) = match list_end {
        Some(end) if segments[..=end].iter().all(|s| split_names(s).is_some()) => {
            (segments[..=end].to_vec(), &segments[end + 1..])
        }
        _ => (vec![*first], tails),
    };
    let mut authors = Vec::new();
    let mut role = None;
    for (index, segment) in name_segments.iter().enumerate() {
        let is_last = index + 1 == name_segments.len();
        let (names, trailing_role) = split_names_and_role(segment, is_last)?;
        authors.extend(names);
        if trailing_role.is_some() {
            role = trailing_role;
        }
    }
    let mut outlet = None;
    for tail in tails {
        if is_role(tail) && role.is_none() {
            role = Some((*tail).to_owned());
        } else if is_capitalised_name(tail) && outlet.is_none() {
            outlet = Some((*tail).to_owned());
        } else {
            return None;
        }
    }
    // Without "By" only the "Name | Role" or "Name, Role" shape is a byline; a bare name could be anything.
    if prefix.is_none() && role.is_none() {
        return None;
    }
    if authors.len() == 1
        && !authors[0].contains(' ')
        && role.is_none()
        && outlet.is_none()
        && !blog_post
    {
        // "By Reuters": a one-word byline names an organisation; it is both the author and the outlet.
        outlet = Some(authors[0].clone());
    }
    Some(Byline {
        printed: printed.to_owned(),
        authors,
        role,
        outlet,
    })
}

fn has_conjunction(segment: &str) -> bool {
    segment.contains(" and ") || segment.contains(" & ") || segment.contains(" AND ")
}

/// "Jane Doe and John Roe" → both names, or `None` when a part is not a name.
fn split_names(segment: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = segment
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(" AND "))
        .collect();
    parts
        .iter()
        .map(|part| normalise_name(part.trim()))
        .collect()
}

/// Splits "Martin Haffner Associate Editor" into the name and the role; the last name segment may
/// carry a role, earlier ones may not.
fn split_names_and_role(
    segment: &str,
    may_carry_role: bool,
) -> Option<(Vec<String>, Option<String>)> {
    if let Some(names) = split_names(segment) {
        let last_words: Vec<&str> = segment.split_whitespace().collect();
        // A valid name can still end in role words ("Jane Doe Staff Writer" looks like a four-word name).
        if let Some(role_at) = role_start(&last_words) {
            if may_carry_role {
                let role = last_words[role_at..].join(" ");
                let head = last_words[..role_at].join(" ");
                let names = split_names(&head)?;
                return Some((names, Some(role)));
            }
        }
        return Some((names, None));
    }
    if !may_carry_role {
        return None;
    }
    let words: Vec<&str> = segment.split_whitespace().collect();
    let role_at = role_start(&words)?;
    let names = split_names(&words[..role_at].join(" "))?;
    Some((names, Some(words[role_at..].join(" "))))
}

/// Where the role starts in a run of words: the first role word, at least two words in, after which
/// every word is a role word and one of them names the job.
fn role_start(words: &[&str]) -> Option<usize> {
    (2..words.len()).find(|&at| {
        let tail = &words[at..];
        tail.iter().all(|w| is_role_word(w))
            && tail
                .iter()
                .any(|w| ROLE_HEADS.contains(&w.to_lowercase().as_str()))
    })
}

fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_HEADS.contains(&lower.as_str()) || ROLE_MODIFIERS.contains(&lower.as_str())
}

fn is_role(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    !words.is_empty()
        && words
            .iter()
            .any(|w| ROLE_HEADS.contains(&w.to_lowercase().as_str()))
        && words
            .iter()
            .all(|w| is_role_word(w) || w.chars().next().is_some_and(char::is_uppercase))
}

/// A person's or organisation's name in a byline, title-cased when printed in capitals.
fn normalise_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(1..=5).contains(&words.len()) {
        return None;
    }
    let valid = words.iter().all(|word| {
        NAME_PARTICLES.contains(word)
            || (word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}')))
    });
    if !valid || words.iter().all(|w| NAME_PARTICLES.contains(w)) {
        return None;
    }
    let shouting = words.iter().all(|w| !w.chars().any(char::is_lowercase))
        && name.chars().filter(|c| c.is_alphabetic()).count() > 3;
    let words: Vec<String> = words
        .iter()
        .map(|word| {
            if shouting && word.len() > 2 {
                title_case(word)
            } else {
                (*word).to_owned()
            }
        })
        .collect();
    Some(words.join(" "))
}

/// "O'BRIEN-SMITH" → "O'Brien-Smith".
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start_of_part = true;
    for c in word.chars() {
        if start_of_part {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_part = matches!(c, '-' | '\'' | '\u{2019}');
    }
    out
}

/// Prefixes that announce a date on its own line.
const DATE_PREFIXES: &[&str] = &[
    "first published:",
    "first published on",
    "last updated:",
    "last updated on",
    "last updated",
    "published:",
    "published on",
    "published",
    "updated:",
    "updated on",
    "updated",
    "posted on",
    "posted:",
    "posted",
    "date:",
    "dated",
];

/// A line that is nothing but a date, optionally announced ("Published:") and followed by a time.
pub fn parse_date_line(line: &str) -> Option<PrintedDate> {
    let mut rest = line.trim();
    let lower = rest.to_lowercase();
    if let Some(prefix) = DATE_PREFIXES
        .iter()
        .find(|prefix| lower.starts_with(*prefix))
    {
        rest = rest[prefix.len()..].trim_start();
    }
    let date_part = strip_time_of_day(rest)?;
    parse_date(date_part)
}

/// Cuts "10:32 AM GMT" (and an "at" or separator before it) off the end of a date line.
fn strip_time_of_day(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let colon = (1..bytes.len().saturating_sub(2)).find(|&i| {
        bytes[i] == b':' && bytes[i - 1].is_ascii_digit() && bytes[i + 1].is_ascii_digit()
    });
    let Some(colon) = colon else {
        return Some(text);
    };
    let mut start = colon - 1;
    if start > 0 && bytes[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let after = &text[colon..];
    // What follows the time may only be a short zone or am/pm, never more prose.
    if after.len() > 16 {
        return None;
    }
    let before = text[..start].trim_end();
    let before = before
        .strip_suffix(" at")
        .or_else(|| before.strip_suffix(" AT"))
        .unwrap_or(before);
    // "2026-01-11T09:05": an ISO timestamp's "T" goes with the time.
    let before = before.strip_suffix('T').unwrap_or(before);
    Some(before.trim_end_matches([
        ',', '|', '-', '\u{2022}', '\u{b7}', '\u{2013}', '\u{2014}', ' ',
    ]))
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];
const WEEKDAYS: &[(&str, &str)] = &[
    ("monday", "Monday"),
    ("mon", "Monday"),
    ("tuesday", "Tuesday"),
    ("tues", "Tuesday"),
    ("tue", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("wed", "Wednesday"),
    ("thursday", "Thursday"),
    ("thurs", "Thursday"),
    ("thur", "Thursday"),
    ("thu", "Thursday"),
    ("friday", "Friday"),
    ("fri", "Friday"),
    ("saturday", "Saturday"),
    ("sat", "Saturday"),
    ("sunday", "Sunday"),
    ("sun", "Sunday"),
];
const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Debug, Clone, PartialEq)]
enum DateToken {
    Word(String),
    /// The value and how many digits were printed (a year has four).
    Number(u32, usize),
    Comma,
    Dash,
}

fn date_tokens(text: &str) -> Option<Vec<DateToken>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.extend(c.to_lowercase());
                chars.next();
            }
            tokens.push(DateToken::Word(word));
        } else if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit()) {
                digits.push(c);
                chars.next();
            }
            if digits.len() > 4 {
                return None;
            }
            // An ordinal suffix belongs to the number: "24th".
            let mut suffix = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphabetic()) {
                suffix.extend(c.to_lowercase());
                chars.next();
            }
            if !suffix.is_empty() && !matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
                return None;
            }
            tokens.push(DateToken::Number(digits.parse().ok()?, digits.len()));
        } else if c == ',' {
            tokens.push(DateToken::Comma);
            chars.next();
        } else if matches!(c, '-' | '\u{2013}' | '\u{2014}') {
            tokens.push(DateToken::Dash);
            chars.next();
        } else if c.is_whitespace() || c == '.' {
            chars.next();
        } else {
            return None;
        }
    }
    Some(tokens)
}

/// Parses a whole string as a date: "Friday, December 24, 2021", "24 Dec 2021", "2021-12-24",
/// "Dec. 24, 2021", "December 2021", "June 24-25" (no year: a partial date).
pub fn parse_date(text: &str) -> Option<PrintedDate> {
    let printed = text.trim().trim_end_matches(',').trim();
    if let Some(date) = parse_iso_date(printed) {
        return Some(date);
    }
    let tokens = date_tokens(printed)?;
    let mut at = 0;
    let word = |at: usize| match tokens.get(at) {
        Some(DateToken::Word(word)) => Some(word.as_str()),
        _ => None,
    };
    let month_at = |at: usize| {
        word(at).and_then(|w| MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m))
    };
    let day_at = |at: usize| match tokens.get(at) {
        Some(DateToken::Number(day, digits)) if *digits <= 2 && (1..=31).contains(day) => {
            Some(*day)
        }
        _ => None,
    };
    let year_at = |at: usize| match tokens.get(at) {
        Some(DateToken::Number(year, 4)) if (1800..=2200).contains(year) => Some(*year as i32),
        _ => None,
    };
    let skip_comma = |at: &mut usize| {
        if tokens.get(*at) == Some(&DateToken::Comma) {
            *at += 1;
        }
    };

    let weekday = word(at).and_then(|w| {
        WEEKDAYS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|(_, full)| *full)
    });
    if weekday.is_some() {
        at += 1;
        skip_comma(&mut at);
    }
    let (month, day, day_end);
    if let Some(m) = month_at(at) {
        // "December 24, 2021", "Dec 24-25", "December 2021"
        month = m;
        at += 1;
        day = day_at(at);
        if day.is_some() {
            at += 1;
        }
        day_end = read_range_end(&tokens, &mut at, day);
        skip_comma(&mut at);
    } else if let Some(d) = day_at(at) {
        // "24 Dec 2021", "24-25 June 2025", "24th of December"
        day = Some(d);
        at += 1;
        day_end = read_range_end(&tokens, &mut at, day);
        if word(at) == Some("of") {
            at += 1;
        }
        month = month_at(at)?;
        at += 1;
        skip_comma(&mut at);
    } else {
        return None;
    }
    let year = year_at(at);
    if year.is_some() {
        at += 1;
    }
    if at != tokens.len() || (day.is_none() && year.is_none()) {
        return None;
    }
    if let Some(day) = day {
        if day > days_in_month(year, month)
            || day_end.is_some_and(|end| end <= day || end > days_in_month(year, month))
        {
            return None;
        }
    }
    let iso = year.map(|year| match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    });
    let weekday_matches = match (weekday, year, day) {
        (Some(weekday), Some(year), Some(day)) => {
            Some(WEEKDAY_NAMES[weekday_index(year, month, day)] == weekday)
        }
        _ => None,
    };
    Some(PrintedDate {
        printed: printed.to_owned(),
        year,
        month: Some(month),
        day,
        day_end,
        weekday: weekday.map(str::to_owned),
        weekday_matches,
        iso,
    })
}

fn read_range_end(tokens: &[DateToken], at: &mut usize, day: Option<u32>) -> Option<u32> {
    day?;
    match (tokens.get(*at), tokens.get(*at + 1)) {
        (Some(DateToken::Dash), Some(DateToken::Number(end, digits))) if *digits <= 2 => {
            *at += 2;
            Some(*end)
        }
        _ => None,
    }
}

fn parse_iso_date(text: &str) -> Option<PrintedDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || !text.is_ascii() || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let month: u32 = text[5..7].parse().ok()?;
    let day: u32 = text[8..].parse().ok()?;
    if !(1800..=2200).contains(&year)
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(Some(year), month)
    {
        return None;
    }
    Some(PrintedDate {
        printed: text.to_owned(),
        year: Some(year),
        month: Some(month),
        day: Some(day),
        day_end: None,
        weekday: None,
        weekday_matches: None,
        iso: Some(text.to_owned()),
    })
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // Without a year, 29 February may be right.
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

/// Day of the week, 0 = Sunday (Sakamoto's method for the Gregorian calendar).
fn weekday_index(year: i32, month: u32, day: u32) -> usize {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let year = if month < 3 { year - 1 } else { year };
    let index =
        (year + year / 4 - year / 100 + year / 400 + OFFSETS[month as usize - 1] + day as i32) % 7;
    index as usize
}
