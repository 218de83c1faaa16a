//! Markdown into plain paragraphs: front matter read as metadata, syntax markers dropped, words kept.
//!
//! Only what changes the words a reader sees is handled: headings, emphasis, links and images,
//! block quotes, lists, code fences, rules, reference definitions and escapes. Inline HTML stays as
//! the literal text it is.

use super::html::collapse_space;

/// Front matter values (YAML `---` or TOML `+++`), as written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// The document's front matter, its first top-level heading, and its body as plain paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markdown {
    pub front: FrontMatter,
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

pub fn read(source: &str) -> Markdown {
    let source = source.replace("\r\n", "\n");
    let (front, body) = split_front_matter(&source);
    let mut out = Markdown {
        front,
        ..Markdown::default()
    };
    let mut paragraph: Vec<String> = Vec::new();
    let mut in_fence: Option<&str> = None;
    let flush = |paragraph: &mut Vec<String>, out: &mut Markdown| {
        if !paragraph.is_empty() {
            let text = collapse_space(&paragraph.join(" "));
            if !text.is_empty() {
                out.paragraphs.push(text);
            }
            paragraph.clear();
        }
    };
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(fence) = in_fence {
            if trimmed.starts_with(fence) {
                in_fence = None;
                flush(&mut paragraph, &mut out);
            } else if !trimmed.is_empty() {
                // Code keeps its lines: each one is a paragraph of its own.
                out.paragraphs.push(line.trim_end().to_owned());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut paragraph, &mut out);
            in_fence = Some(if trimmed.starts_with("```") {
                "```"
            } else {
                "~~~"
            });
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        if is_rule(trimmed) || is_reference_definition(trimmed) {
            flush(&mut paragraph, &mut out);
            continue;
        }
        // Setext headings: "Title\n=====" underlines the line before.
        if !paragraph.is_empty()
            && trimmed.chars().all(|c| c == '=' || c == '-')
            && trimmed.len() >= 2
        {
            let heading = inline(&paragraph.join(" "));
            paragraph.clear();
            if trimmed.starts_with('=') && out.heading.is_none() && out.paragraphs.is_empty() {
                out.heading = Some(heading);
            } else {
                out.paragraphs.push(heading);
            }
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
            flush(&mut paragraph, &mut out);
            let text = inline(trimmed[hashes..].trim().trim_end_matches('#').trim());
            if hashes == 1 && out.heading.is_none() && out.paragraphs.is_empty() {
                out.heading = Some(text);
            } else if !text.is_empty() {
                out.paragraphs.push(text);
            }
            continue;
        }
        let mut content = trimmed;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        let item = list_item(content);
        if let Some(item) = item {
            flush(&mut paragraph, &mut out);
            paragraph.push(inline(item));
            continue;
        }
        paragraph.push(inline(content));
    }
    flush(&mut paragraph, &mut out);
    out
}

fn split_front_matter(source: &str) -> (FrontMatter, &str) {
    let source_trimmed = source.trim_start_matches('\u{feff}');
    for fence in ["---", "+++"] {
        let Some(rest) = source_trimmed.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix('\n') else {
            continue;
        };
        let close = format!("\n{fence}");
        let Some(end) = rest
            .find(&close)
            .or_else(|| rest.starts_with(fence).then_some(0))
        else {
            continue;
        };
        let block = &rest[..end];
        let after = &rest[end..];
        let after = after
            .trim_start_matches('\n')
            .strip_prefix(fence)
            .unwrap_or(after);
        let mut front = FrontMatter::default();
        let mut authors_list: Vec<String> = Vec::new();
        let mut in_authors = false;
        for line in block.lines() {
            if in_authors {
                if let Some(item) = line.trim().strip_prefix("- ") {
                    authors_list.push(unquote(item));
                    continue;
                }
                in_authors = false;
            }
            let Some((key, value)) = line.split_once([':', '=']) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = unquote(value);
            match key.as_str() {
                "title" if !value.is_empty() => front.title = Some(value),
                "author" | "byline" if !value.is_empty() => front.author = Some(value),
                "authors" if value.is_empty() => in_authors = true,
                "authors" => {
                    let list = value.trim_start_matches('[').trim_end_matches(']');
                    authors_list.extend(list.split(',').map(unquote).filter(|n| !n.is_empty()));
                }
                "date" | "published" | "pubdate" if !value.is_empty() => front.date = Some(value),
                _ => {}
            }
        }
        if front.author.is_none() && !authors_list.is_empty() {
            front.author = Some(match authors_list.as_slice() {
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => unreachable!("checked non-empty"),
            });
        }
        return (front, after);
    }
    (FrontMatter::default(), source_trimmed)
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches(['"', '\'']).trim().to_owned()
}

fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && (marks.chars().all(|c| c == '-')
            || marks.chars().all(|c| c == '*')
            || marks.chars().all(|c| c == '_'))
}

fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[') && line.contains("]:") && !line.contains("](")
}

fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// Inline syntax: `![alt](src)` dropped, `[text](url)` → text, `**`, `__`, `*`, `` ` `` markers and
/// backslash escapes removed. A lone `*` or `_` inside a word ("snake_case", "5 * 3") stays.
fn inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((_, end)) = link_at(&chars, i + 1) {
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '[' => {
                if let Some((text, end)) = link_at(&chars, i) {
                    out.push_str(&inline(&text));
                    i = end;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '`' => i += 1,
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + run).copied();
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                let flanking = !(word(before) && word(after))
                    && (word(before)
                        || word(after)
                        || matches!(after, Some('"' | '“' | '‘' | '\''))
                        || matches!(before, Some('.' | ',' | '"' | '”' | '’' | '!' | '?')));
                if !flanking || (c == '_' && word(before) && word(after)) {
                    for _ in 0..run {
                        out.push(c);
                    }
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// `[text](url)` starting at `start` (the `[`): the text and the index after `)`.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (offset, &c) in chars[start..].iter().enumerate() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(start + offset);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 1..].iter().position(|&c| c == ')')? + close + 1;
    Some((chars[start + 1..close].iter().collect(), end + 1))
}
