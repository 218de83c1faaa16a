//! The size report: raw, gzip and brotli size of every file in `dist/`, and what a first visit downloads.

use std::path::{Path, PathBuf};

use crate::release::{brotli_bytes, gzip_bytes};

/// The files of `dist/` that are served as they are (not the `.br` twins), sorted by name.
pub fn files(dist: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut pending = vec![dist.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e} (run `cargo xtask build` first)", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if !matches!(path.extension().and_then(|x| x.to_str()), Some("br" | "gz")) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Prints the table and returns the first-load brotli total. The first load is `index.html` plus every file whose
/// name appears in it or in a script it loads (Trunk's loader names the `.wasm`). The analysis worker's files
/// (named only by a `<meta>`, fetched when a text is first analysed) are reported apart, as loaded on demand.
pub fn report(dist: &Path) -> Result<usize, String> {
    let files = files(dist)?;
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    // The page names the worker's loader only for the app to read; nothing fetches it on load.
    let index = without_meta_tags(&index);
    let mut referenced_text = index.clone();
    for path in &files {
        let name = relative(dist, path);
        if name.ends_with(".js") && index.contains(&name) {
            referenced_text.push_str(&std::fs::read_to_string(path).unwrap_or_default());
        }
    }
    println!(
        "{:<52} {:>10} {:>10} {:>10}  first load",
        "file", "raw", "gzip", "brotli"
    );
    let (mut raw_total, mut gzip_total, mut brotli_total) = (0, 0, 0);
    let mut worker_total = [0; 3];
    for path in &files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = relative(dist, path);
        let first_load = name == "index.html" || referenced_text.contains(&name);
        let worker = !first_load && name.starts_with(crate::worker::PREFIX);
        let (gzip, brotli) = (gzip_bytes(&bytes).len(), brotli_bytes(&bytes).len());
        if first_load {
            raw_total += bytes.len();
            gzip_total += gzip;
            brotli_total += brotli;
        }
        if worker {
            for (total, size) in worker_total.iter_mut().zip([bytes.len(), gzip, brotli]) {
                *total += size;
            }
        }
        println!(
            "{name:<52} {:>10} {:>10} {:>10}  {}",
            bytes.len(),
            gzip,
            brotli,
            if first_load {
                "yes"
            } else if worker {
                "on demand"
            } else {
                ""
            }
        );
    }
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "analysis worker, on demand (bytes)", worker_total[0], worker_total[1], worker_total[2]
    );
    println!(
        "{:<52} {:>10} {:>10} {:>10}",
        "first load total (bytes)", raw_total, gzip_total, brotli_total
    );
    println!(
        "first load: {:.1} KB raw, {:.1} KB gzip, {:.1} KB brotli",
        kb(raw_total),
        kb(gzip_total),
        kb(brotli_total)
    );
    Ok(brotli_total)
}

/// `html` without its `<meta …>` tags.
fn without_meta_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<meta") {
        out.push_str(&rest[..start]);
        match rest[start..].find('>') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

fn relative(dist: &Path, path: &Path) -> String {
    path.strip_prefix(dist)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_name_nothing_the_page_loads() {
        let html = "<head><meta charset=\"utf-8\"><meta name=\"parallax-analyser\" content=\"./analyse-worker-loader-1.js\"><link href=\"./app.css\"></head>";
        assert_eq!(
            without_meta_tags(html),
            "<head><link href=\"./app.css\"></head>"
        );
    }
}
