//! `cargo xtask lighthouse`: Lighthouse's mobile audit of the release build on the home, reader and
//! compare routes.
//!
//! Lighthouse (`lighthouse@12.2.3`, pinned by `tools/lighthouse/package-lock.json`) is installed into
//! `tools/lighthouse/node_modules` by this command only, so `cargo xtask setup` and CI stay lean. The
//! release build is served on a loopback port under `/parallax/` with the production headers, exactly
//! as the end-to-end suite serves it, and audited in the system's headless Chromium. Reports go to
//! `target/lighthouse/<route>.report.{html,json}`; the scores and every audit below full marks are
//! printed. A command, not a test: nothing in `cargo xtask test` runs it.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::{output, project_root, run, setup};

const BASE: &str = "/parallax/";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut build = true;
    for arg in args {
        match arg.as_str() {
            "--no-build" => build = false,
            other => return Err(format!("lighthouse: unknown argument {other}")),
        }
    }
    let root = project_root();
    let tool_dir = root.join("tools").join("lighthouse");
    ensure_lighthouse(&tool_dir)?;
    if build {
        let tools = setup::ensure_tools()?;
        crate::release::build(&tools)?;
    }
    let (first, second) = two_slugs(&root)?;
    let routes = [
        "home=#/".to_string(),
        format!("reader=#/read/{first}"),
        format!("compare=#/compare?articles={first},{second}"),
    ];

    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = crate::dist_dir();
    std::thread::spawn(move || crate::serve::serve_forever(listener, dist, BASE.to_string()));

    let reports = root.join("target").join("lighthouse");
    run(Command::new("node")
        .arg(tool_dir.join("run.mjs"))
        .arg(format!("http://127.0.0.1:{port}{BASE}"))
        .arg(&reports)
        .args(&routes)
        .current_dir(&tool_dir)
        .env("CHROME_PATH", setup::CHROMIUM))
}

/// Runs `npm ci` in `tools/lighthouse` when its `node_modules` is missing or older than the lock file.
fn ensure_lighthouse(dir: &Path) -> Result<(), String> {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&dir.join("package-lock.json"));
    let marker = modified(&dir.join("node_modules").join(".package-lock.json"));
    if matches!((lock, marker), (Some(lock), Some(marker)) if marker >= lock) {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err("npm is missing; run `cargo xtask setup` first".to_string());
    }
    eprintln!("xtask: installing Lighthouse into tools/lighthouse (once)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

/// The first two article slugs of the seed pack's manifest, for the reader and compare routes.
fn two_slugs(root: &Path) -> Result<(String, String), String> {
    let manifest = root.join("corpus").join("nato").join("pack.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut slugs = text.lines().filter_map(|line| {
        let value = line.trim().strip_prefix("slug")?.trim().strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    });
    match (slugs.next(), slugs.next()) {
        (Some(first), Some(second)) => Ok((first, second)),
        _ => Err(format!("{}: fewer than two articles", manifest.display())),
    }
}
