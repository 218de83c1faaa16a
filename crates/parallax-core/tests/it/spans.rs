//! Collects every span of an `Analysis` by walking its JSON form, so the checks keep up as fields are added.

use parallax_core::Analysis;
use serde_json::Value;

/// Every JSON object with numeric `start` and `end` keys, with the path where it was found.
pub fn collect_spans(analysis: &Analysis) -> Vec<(String, u64, u64)> {
    let value = serde_json::to_value(analysis).expect("an Analysis always serializes");
    let mut spans = Vec::new();
    walk(&value, &mut String::from("analysis"), &mut spans);
    spans
}

fn walk(value: &Value, path: &mut String, spans: &mut Vec<(String, u64, u64)>) {
    match value {
        Value::Object(object) => {
            if let (Some(start), Some(end)) = (
                object.get("start").and_then(Value::as_u64),
                object.get("end").and_then(Value::as_u64),
            ) {
                spans.push((path.clone(), start, end));
            }
            for (key, child) in object {
                let len = path.len();
                path.push('.');
                path.push_str(key);
                walk(child, path, spans);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (item_idx, child) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{item_idx}]"));
                walk(child, path, spans);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Spans under these fields index into another string than `text`, as their doc comments say.
fn indexed_text<'a>(analysis: &'a Analysis, path: &str) -> &'a str {
    if path.starts_with("analysis.title_cues") {
        analysis.metadata.title.as_deref().unwrap_or("")
    } else {
        &analysis.text
    }
}

/// The span invariant of the whole analysis: every span is ordered, inside the text it indexes and
/// on char boundaries. Returns the first violation, described, so a property test can report it.
pub fn check_spans(analysis: &Analysis) -> Result<usize, String> {
    let spans = collect_spans(analysis);
    for (path, start, end) in &spans {
        let text = indexed_text(analysis, path);
        let (start, end) = (*start as usize, *end as usize);
        if start > end {
            return Err(format!("{path}: start {start} > end {end}"));
        }
        if end > text.len() {
            return Err(format!(
                "{path}: end {end} past the text's {} bytes",
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!("{path}: {start}..{end} is not on char boundaries"));
        }
    }
    Ok(spans.len())
}
