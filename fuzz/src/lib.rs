//! The promises the fuzz targets check, shared by every target.
//!
//! They are the same promises the property tests in `crates/parallax-core/tests/it/robustness.rs`
//! check: any input yields an analysis without panicking, every span is ordered, inside the text it
//! indexes and on char boundaries, and analysing the same text twice gives the same result.

use parallax_core::Analysis;
use serde_json::Value;

/// Analyses `text` twice and panics (which the fuzzer records as a crash) when a promise is broken.
pub fn check_analyze(text: &str) {
    let analysis = parallax_core::analyze(text);
    if let Err(problem) = check_spans(&analysis) {
        panic!("span invariant broken: {problem}");
    }
    assert!(
        analysis == parallax_core::analyze(text),
        "the analysis differs on repeat"
    );
}

/// The span invariant of a whole analysis, found by walking its JSON form so new fields are covered
/// without changing this code. Returns the first violation, described.
pub fn check_spans(analysis: &Analysis) -> Result<(), String> {
    let value = serde_json::to_value(analysis).map_err(|e| format!("does not serialize: {e}"))?;
    let mut path = String::from("analysis");
    walk(analysis, &value, &mut path)
}

/// Spans under `title_cues` index into the title, as their doc comment says; all others into `text`.
fn indexed_text<'a>(analysis: &'a Analysis, path: &str) -> &'a str {
    if path.starts_with("analysis.title_cues") {
        analysis.metadata.title.as_deref().unwrap_or("")
    } else {
        &analysis.text
    }
}

fn walk(analysis: &Analysis, value: &Value, path: &mut String) -> Result<(), String> {
    match value {
        Value::Object(object) => {
            if let (Some(start), Some(end)) = (
                object.get("start").and_then(Value::as_u64),
                object.get("end").and_then(Value::as_u64),
            ) {
                let text = indexed_text(analysis, path);
                let (start, end) = (start as usize, end as usize);
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
            for (key, child) in object {
                let len = path.len();
                path.push('.');
                path.push_str(key);
                walk(analysis, child, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                walk(analysis, child, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}
