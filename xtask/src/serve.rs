//! A small static file server for `dist/`, under a subpath, with the production headers.
//!
//! It behaves like a plain CDN: no rewrite rules (deep links work through hash routes), the strict
//! Content-Security-Policy, precompressed `.br` files when the browser accepts brotli. Std only, one
//! thread per connection; it is for local use and tests, not the internet.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use crate::release::CONTENT_SECURITY_POLICY;

pub fn command(args: &[String]) -> Result<(), String> {
    let mut port = 8080u16;
    let mut base = "/parallax/".to_string();
    let mut build = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--port" => {
                port = rest
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port needs a number")?
            }
            "--base" => {
                base = normalise_base(rest.next().ok_or("--base needs a path like /parallax/")?)
            }
            "--no-build" => build = false,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if build {
        let tools = crate::setup::ensure_tools()?;
        crate::release::build(&tools)?;
    }
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("port {port}: {e}"))?;
    println!(
        "Parallax is being served at http://127.0.0.1:{}{base}  (Ctrl+C to stop)",
        listener.local_addr().map_err(|e| e.to_string())?.port()
    );
    serve_forever(listener, crate::dist_dir(), base);
    Ok(())
}

fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// Serves `dist` under `base` until the process ends.
pub fn serve_forever(listener: TcpListener, dist: PathBuf, base: String) {
    serve(listener, dist, base, None)
}

/// Where the end-to-end server mounts the test fixtures, under the base path (never in the build).
pub const FIXTURES_PATH: &str = "e2e-fixtures/";

/// Like [`serve_forever`], and also serves `fixtures` (`tests/e2e/fixtures/`) under
/// `<base>e2e-fixtures/`, beside the app on the same origin, as a site would serve a class's pack
/// files; `<base>e2e-fixtures/generated/padding.json?bytes=N` answers N bytes generated on the fly
/// (with `&length=none`, chunked and without a `Content-Length`), and `<base>e2e-fixtures/generated/split/<n>/…`
/// a split pack of `n` synthetic articles, so no large file is kept in the repository.
pub fn serve_forever_with_fixtures(
    listener: TcpListener,
    dist: PathBuf,
    base: String,
    fixtures: PathBuf,
) {
    serve(listener, dist, base, Some(fixtures))
}

fn serve(listener: TcpListener, dist: PathBuf, base: String, fixtures: Option<PathBuf>) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        let base = base.clone();
        let fixtures = fixtures.clone();
        std::thread::spawn(move || {
            // A broken connection only affects that one request.
            let _ = handle(stream, &dist, &base, fixtures.as_deref());
        });
    }
}

/// Answers a request for a test fixture, or a generated body of the asked size.
fn fixture(
    stream: &mut TcpStream,
    fixtures: &Path,
    name: &str,
    query: &str,
    head_only: bool,
) -> std::io::Result<()> {
    let headers = [("Cache-Control", "no-store".to_string())];
    if name == "generated/padding.json" {
        let param = |key: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        };
        let bytes: usize = param("bytes").and_then(|n| n.parse().ok()).unwrap_or(0);
        if param("length") != Some("none") {
            return respond(
                stream,
                "200 OK",
                "application/json",
                &headers,
                &vec![b' '; bytes],
                head_only,
            );
        }
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\
Cache-Control: no-store\r\nConnection: close\r\n\r\n";
        stream.write_all(head.as_bytes())?;
        let chunk = vec![b' '; 64 * 1024];
        let mut left = bytes;
        // A client that stops reading closes the connection, and the next write ends this loop.
        while left > 0 && !head_only {
            let n = left.min(chunk.len());
            stream.write_all(format!("{n:x}\r\n").as_bytes())?;
            stream.write_all(&chunk[..n])?;
            stream.write_all(b"\r\n")?;
            left -= n;
        }
        stream.write_all(b"0\r\n\r\n")?;
        return stream.flush();
    }
    let found = match name.strip_prefix("generated/split/") {
        Some(file) => generated_split(file),
        None => std::fs::read(fixtures.join(name))
            .ok()
            .map(|bytes| (bytes, content_type(Path::new(name)))),
    };
    match found {
        Some((bytes, kind)) => respond(stream, "200 OK", kind, &headers, &bytes, head_only),
        None => respond(
            stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            head_only,
        ),
    }
}

/// The largest synthetic split pack the e2e server makes.
const MAX_GENERATED_ARTICLES: usize = 2_000;

/// `<n>/index.bin` or `<n>/shard-….json` of a split pack of `n` synthetic articles (seed 42, as the
/// benchmarks), made on the first request for that `n` and kept while the server runs, so a test can
/// open a collection larger than a page of results without a large file in the repository.
fn generated_split(file: &str) -> Option<(Vec<u8>, &'static str)> {
    use parallax_core::split::{split_with_rows, SplitFiles, INDEX_FILE};
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    static MADE: OnceLock<Mutex<HashMap<usize, Arc<SplitFiles>>>> = OnceLock::new();

    let (n, name) = file.split_once('/')?;
    let n: usize = n
        .parse()
        .ok()
        .filter(|n| (1..=MAX_GENERATED_ARTICLES).contains(n))?;
    let files = {
        let mut made = MADE.get_or_init(Default::default).lock().ok()?;
        match made.get(&n) {
            Some(files) => files.clone(),
            None => {
                let synthetic = parallax_core::synth::corpus(42, n);
                let files = Arc::new(split_with_rows(&synthetic.to_pack(), &synthetic.rows).ok()?);
                made.insert(n, files.clone());
                files
            }
        }
    };
    if name == INDEX_FILE {
        return Some((files.index.clone(), "application/octet-stream"));
    }
    let shard = files.shards.iter().find(|shard| shard.name == name)?;
    Some((shard.bytes.clone(), "application/json"))
}

fn handle(
    mut stream: TcpStream,
    dist: &Path,
    base: &str,
    fixtures: Option<&Path>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_brotli = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("br") {
            accepts_brotli = true;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            &[],
            b"method not allowed",
            method == "HEAD",
        );
    }
    if path.len() + 1 == base.len() && base.starts_with(path) {
        let location = [("Location", base.to_string())];
        return respond(
            &mut stream,
            "301 Moved Permanently",
            "text/plain",
            &location,
            b"",
            method == "HEAD",
        );
    }
    let Some(relative) = path.strip_prefix(base) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            method == "HEAD",
        );
    };
    let relative = if relative.is_empty() {
        "index.html"
    } else {
        relative
    };
    if relative
        .split('/')
        .any(|segment| segment == ".." || segment.starts_with('.'))
    {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            method == "HEAD",
        );
    }
    if let (Some(fixtures), Some(name)) = (fixtures, relative.strip_prefix(FIXTURES_PATH)) {
        let query = target.split_once('?').map_or("", |(_, q)| q);
        return fixture(&mut stream, fixtures, name, query, method == "HEAD");
    }
    let file = dist.join(relative);
    let content_type = content_type(&file);
    // The page and the offline worker must be revalidated so that a new deploy is seen at once.
    let cache = if relative == "index.html" || relative == crate::release::SERVICE_WORKER {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    let mut headers = vec![
        ("Cache-Control", cache.to_string()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    let mut compressed = file.clone().into_os_string();
    compressed.push(".br");
    let body = match (accepts_brotli, std::fs::read(&compressed)) {
        (true, Ok(bytes)) => {
            headers.push(("Content-Encoding", "br".to_string()));
            Ok(bytes)
        }
        _ => std::fs::read(&file),
    };
    match body {
        Ok(bytes) => respond(
            &mut stream,
            "200 OK",
            content_type,
            &headers,
            &bytes,
            method == "HEAD",
        ),
        Err(_) => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            method == "HEAD",
        ),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|x| x.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("webmanifest") => "application/manifest+json",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    extra: &[(&str, String)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
