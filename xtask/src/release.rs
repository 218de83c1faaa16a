//! The release build: Trunk into `dist/`, then the steps that make `dist/` fit any static host.
//!
//! After Trunk: its inline `<script type="module">` loader moves into a content-hashed file so that a
//! Content-Security-Policy without `'unsafe-inline'` holds; a `_headers` file (the format Netlify and
//! Cloudflare Pages read) carries that policy and the cache rules; a brotli `.br` twin is written beside
//! every asset for hosts that serve precompressed files.

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
    write_headers_file(&dist)?;
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

fn write_headers_file(dist: &Path) -> Result<(), String> {
    let headers = format!(
        "# Headers for static hosts that read this format (Netlify, Cloudflare Pages).\n\
/*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\
/index.html\n  Cache-Control: no-cache\n/\n  Cache-Control: no-cache\n\
/*.wasm\n  Cache-Control: public, max-age=31536000, immutable\n\
/*.js\n  Cache-Control: public, max-age=31536000, immutable\n\
/*.css\n  Cache-Control: public, max-age=31536000, immutable\n"
    );
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
