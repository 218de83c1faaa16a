//! The human-readable summary `parallax analyze` prints: metadata, removed lines, then every finding.
//!
//! The page-level parts (metadata, removed lines) are printed field by field. The findings (voices,
//! attributions, cues, entities, frames, topics, integrity signals) are printed from their serialized
//! form, each span shown as the text it covers, so the summary keeps up as those shapes grow.

use parallax_core::Analysis;
use serde_json::Value;

/// Longest quoted excerpt, in characters; longer ones end in "…".
const EXCERPT_CHARS: usize = 100;

/// The summary of one analysed file, ending with a newline.
pub fn summary(file: &str, analysis: &Analysis) -> String {
    let text = analysis.text.as_str();
    let metadata = &analysis.metadata;
    let mut out = format!("== {file}\n");
    let mut field = |name: &str, value: String| out.push_str(&format!("{name:<12}{value}\n"));
    field(
        "Title:",
        metadata
            .title
            .clone()
            .unwrap_or_else(|| "(none printed)".to_owned()),
    );
    if let Some(subtitle) = &metadata.subtitle {
        field("Subtitle:", subtitle.clone());
    }
    field(
        "Byline:",
        metadata
            .byline
            .clone()
            .unwrap_or_else(|| "(none: no byline)".to_owned()),
    );
    if let Some(author) = &metadata.author {
        let role = metadata
            .author_role
            .as_ref()
            .map_or(String::new(), |role| format!(", {role}"));
        let outlet = metadata
            .outlet
            .as_ref()
            .map_or(String::new(), |outlet| format!(" ({outlet})"));
        field("Author:", format!("{author}{role}{outlet}"));
    }
    let date = match (&metadata.printed_date, &metadata.date_iso) {
        (Some(printed), Some(iso)) => format!("{printed} ({iso})"),
        (Some(printed), None) => format!("{printed} (no year printed)"),
        _ => "(none printed)".to_owned(),
    };
    field("Date:", date);
    if let Some(date) = &metadata.date {
        if date.weekday_matches == Some(false) {
            field(
                "",
                format!(
                    "the printed weekday, {}, does not fall on that date",
                    date.weekday.clone().unwrap_or_default()
                ),
            );
        }
    }
    if let Some(dateline) = &metadata.dateline {
        field("Dateline:", quote(dateline.span.slice(text)));
    }
    if let Some(lede) = metadata.lede {
        field("Lede:", quote(lede.slice(text)));
    }
    for disclosure in &metadata.disclosures {
        field(
            "Disclosure:",
            format!("line {}: {}", disclosure.line, quote(&disclosure.text)),
        );
    }
    let n_paragraphs = analysis.structure.paragraphs.len();
    let n_sentences: usize = analysis
        .structure
        .paragraphs
        .iter()
        .map(|p| p.sentences.len())
        .sum();
    let n_words = text.split_whitespace().count();
    field(
        "Text:",
        format!(
            "{}, {}, {}",
            count(n_paragraphs, "paragraph"),
            count(n_sentences, "sentence"),
            count(n_words, "word")
        ),
    );

    out.push_str(&format!(
        "\nRemoved from the page ({} lines)\n",
        analysis.removed.len()
    ));
    for removed in &analysis.removed {
        out.push_str(&format!(
            "  line {:>3}  {}: {}\n",
            removed.line,
            removed.reason,
            quote(&removed.text)
        ));
    }

    let value = serde_json::to_value(analysis).unwrap_or(Value::Null);
    for (key, title) in [
        ("voices", "Voices"),
        ("attributions", "Attributions"),
        ("cues", "Framing cues"),
        ("entities", "Entities"),
        ("frames", "Frames"),
        ("topics", "Topics"),
        ("integrity", "Integrity signals"),
    ] {
        if let Some(section) = value.get(key) {
            out.push('\n');
            render_section(&mut out, title, section, text, 0);
        }
    }
    out
}

fn render_section(out: &mut String, title: &str, value: &Value, text: &str, depth: usize) {
    let indent = "  ".repeat(depth);
    match value {
        Value::Array(items) => {
            out.push_str(&format!("{indent}{title} ({})\n", items.len()));
            for item in items {
                out.push_str(&format!("{indent}  - {}\n", describe(item, text)));
            }
        }
        Value::Object(fields) => {
            out.push_str(&format!("{indent}{title}\n"));
            for (key, field) in fields {
                match field {
                    Value::Array(_) | Value::Object(_) => {
                        render_section(out, key, field, text, depth + 1)
                    }
                    scalar => {
                        out.push_str(&format!("{indent}  {key}: {}\n", describe(scalar, text)))
                    }
                }
            }
        }
        scalar => out.push_str(&format!("{indent}{title}: {}\n", describe(scalar, text))),
    }
}

/// One finding on one line: its name or kind first, then its other fields, spans shown as text.
fn describe(value: &Value, text: &str) -> String {
    let Value::Object(fields) = value else {
        return match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
    };
    if let Some(span) = as_span(value) {
        return quote(span_text(text, span));
    }
    let head_key = ["name", "label", "kind", "id"]
        .into_iter()
        .find(|k| fields.get(*k).is_some_and(Value::is_string));
    let mut parts: Vec<String> = head_key
        .map(|k| describe(&fields[k], text))
        .into_iter()
        .collect();
    for (key, field) in fields {
        // Explanations are long and the same for every finding of a kind; the JSON output has them.
        if Some(key.as_str()) == head_key || field.is_null() || key == "explanation" {
            continue;
        }
        let shown = match field {
            Value::Array(items) if items.iter().all(|i| as_span(i).is_some()) => {
                let spans: Vec<String> = items
                    .iter()
                    .filter_map(as_span)
                    .map(|s| quote(span_text(text, s)))
                    .collect();
                match spans.len() {
                    0 => continue,
                    1..=3 => spans.join(", "),
                    n => format!("{} and {} more", spans[..3].join(", "), n - 3),
                }
            }
            Value::Array(items) if items.is_empty() => continue,
            Value::Array(items) => format!("{} items", items.len()),
            Value::Object(_) if as_span(field).is_some() => {
                quote(span_text(text, as_span(field).expect("checked")))
            }
            Value::Object(_) => continue,
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        parts.push(format!("{key}={shown}"));
    }
    parts.join("  ")
}

fn as_span(value: &Value) -> Option<(usize, usize)> {
    let fields = value.as_object()?;
    if fields.len() != 2 {
        return None;
    }
    let start = fields.get("start")?.as_u64()?;
    let end = fields.get("end")?.as_u64()?;
    Some((usize::try_from(start).ok()?, usize::try_from(end).ok()?))
}

fn span_text(text: &str, (start, end): (usize, usize)) -> &str {
    text.get(start..end).unwrap_or("")
}

/// "1 paragraph", "3 paragraphs".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `"…"`-quoted, on one line, cut to [`EXCERPT_CHARS`].
fn quote(excerpt: &str) -> String {
    let flat: String = excerpt.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > EXCERPT_CHARS {
        let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{flat}\"")
    }
}
