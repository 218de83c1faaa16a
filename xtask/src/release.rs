//! The release build: Trunk into `dist/`, then the steps that make `dist/` fit any static host.
//!
//! After Trunk: its inline `<script type="module">` loader moves into a content-hashed file so that a
//! Content-Security-Policy without `'unsafe-inline'` holds; a `_headers` file (the format Netlify and
//! Cloudflare Pages read) carries that policy and the cache rules; `service-worker.js` (the offline copy)
//! lists every file of the build under a version derived from their contents; a brotli `.br` twin is
//! written beside every asset for hosts that serve precompressed files.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::setup::Tools;
use crate::{project_root, run};

/// The policy the app is built to run under; the e2e server and `_headers` both send it.
pub const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

pub fn build(tools: &Tools) -> Result<(), String> {
    let root = project_root();
    let dist = crate::dist_dir();
    run(Command::new("trunk")
        .args(["build", "--release", "--offline", "--dist"])
        .arg(&dist)
        .current_dir(&root)
        .env("PATH", &tools.path))?;
    externalise_inline_loader(&dist)?;
    crate::worker::hash_files(&dist)?;
    let files = precached_files(&dist)?;
    write_service_worker(&dist, &files)?;
    write_headers_file(&dist, &files)?;
    precompress(&dist)?;
    eprintln!("xtask: release build ready in {}", dist.display());
    Ok(())
}

/// Moves every inline `<script>` of `index.html` (Trunk's module loader) into `boot-<hash>.js`.
fn externalise_inline_loader(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut html =
        std::fs::read_to_string(&index_path).map_err(|e| format!("dist/index.html: {e}"))?;
    let mut search_from = 0;
    while let Some(found) = html[search_from..].find("<script") {
        let start = search_from + found;
        let tag_end = html[start..]
            .find('>')
            .ok_or("unclosed <script> tag in index.html")?
            + start
            + 1;
        let tag = &html[start..tag_end];
        let body_end = html[tag_end..]
            .find("</script>")
            .ok_or("unclosed inline script in index.html")?
            + tag_end;
        if tag.contains("src=") {
            search_from = body_end;
            continue;
        }
        if !tag.contains("module") {
            return Err(format!(
                "index.html has an inline classic script ({tag}); the CSP would block it"
            ));
        }
        let body = html[tag_end..body_end].trim().to_string();
        let file_name = format!("boot-{:016x}.js", fnv1a(body.as_bytes()));
        std::fs::write(dist.join(&file_name), &body).map_err(|e| format!("{file_name}: {e}"))?;
        let replacement = format!("<script type=\"module\" src=\"./{file_name}\"></script>");
        html.replace_range(start..body_end + "</script>".len(), &replacement);
        search_from = start + replacement.len();
    }
    std::fs::write(&index_path, html).map_err(|e| format!("dist/index.html: {e}"))
}

/// The service worker's file name, at the root of the build: its scope is the folder the app is served from.
pub const SERVICE_WORKER: &str = "service-worker.js";

/// The worker's source; the build fills in `__PARALLAX_VERSION__` and `__PARALLAX_FILES__`.
const SERVICE_WORKER_TEMPLATE: &str = include_str!("service-worker.js");

/// Every file the app may load, relative to the build's root with `/` separators, sorted: all of the
/// build except the `.br` twins, `_headers` and the worker itself.
fn precached_files(dist: &Path) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    for path in crate::size::files(dist)? {
        let relative = path
            .strip_prefix(dist)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let name = relative
            .components()
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if name != "_headers" && name != SERVICE_WORKER {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// Writes `service-worker.js` with `files` and a version that changes whenever any of their names or
/// contents change, so every deploy installs a new worker and drops the previous cache.
fn write_service_worker(dist: &Path, files: &[String]) -> Result<(), String> {
    let mut fingerprint = Vec::new();
    for name in files {
        let bytes = std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?;
        fingerprint.extend_from_slice(name.as_bytes());
        fingerprint.push(0);
        fingerprint.extend_from_slice(&fnv1a(&bytes).to_le_bytes());
    }
    let version = format!("{:016x}", fnv1a(&fingerprint));
    let source = service_worker_source(&version, files);
    std::fs::write(dist.join(SERVICE_WORKER), source).map_err(|e| format!("{SERVICE_WORKER}: {e}"))
}

fn service_worker_source(version: &str, files: &[String]) -> String {
    let list = files
        .iter()
        .map(|name| format!("'{}'", name.replace('\\', "\\\\").replace('\'', "\\'")))
        .collect::<Vec<_>>()
        .join(", ");
    SERVICE_WORKER_TEMPLATE
        .replace("__PARALLAX_VERSION__", version)
        .replace("__PARALLAX_FILES__", &format!("[{list}]"))
}

/// `_headers`: the policy on every path; `no-cache` for `index.html` and the worker (a browser must see
/// a new deploy); a year's immutable caching for each content-hashed file, listed by name so that no
/// wildcard also matches the worker.
fn write_headers_file(dist: &Path, files: &[String]) -> Result<(), String> {
    let mut headers = format!(
        "# Headers for static hosts that read this format (Netlify, Cloudflare Pages).\n\
/*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\
/index.html\n  Cache-Control: no-cache\n/\n  Cache-Control: no-cache\n\
/{SERVICE_WORKER}\n  Cache-Control: no-cache\n"
    );
    for name in files.iter().filter(|name| *name != "index.html") {
        headers.push_str(&format!(
            "/{name}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    std::fs::write(dist.join("_headers"), headers).map_err(|e| format!("dist/_headers: {e}"))
}

/// Writes `<file>.br` (brotli, quality 11) beside every file of `dist/` that is not already compressed.
fn precompress(dist: &Path) -> Result<(), String> {
    for path in crate::size::files(dist)? {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut target = path.clone().into_os_string();
        target.push(".br");
        std::fs::write(&target, brotli_bytes(&bytes))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

pub fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer
            .write_all(bytes)
            .expect("writing to memory cannot fail");
    }
    out
}

pub fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

/// FNV-1a, 64 bits: a stable content fingerprint for cache-busting file names (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_lists_every_file_and_its_version() {
        let files = vec!["index.html".to_owned(), "app-0123_bg.wasm".to_owned()];
        let source = service_worker_source("00ff", &files);
        assert!(source.contains("const VERSION = '00ff';"), "{source}");
        assert!(
            source.contains("const FILES = ['index.html', 'app-0123_bg.wasm'];"),
            "{source}"
        );
        assert!(
            !source.contains("__PARALLAX_"),
            "every placeholder is filled"
        );
    }

    #[test]
    fn file_names_cannot_break_out_of_their_string() {
        let files = vec!["it's\\odd.js".to_owned()];
        let source = service_worker_source("1", &files);
        assert!(
            source.contains(r"const FILES = ['it\'s\\odd.js'];"),
            "{source}"
        );
    }
}
