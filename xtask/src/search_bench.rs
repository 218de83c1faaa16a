//! `cargo xtask search-bench`: Parallax's search core against MiniSearch 7 in headless Chromium.
//!
//! Both engines get the same 10,000 synthetic articles (`parallax_core::synth`, seed 42) and the same
//! 200 queries, written natively by `crates/parallax-search-bench` (its `search-bench-data` binary).
//! Parallax's side is that crate compiled to Wasm with the release profile the app ships with and
//! bound by the project's wasm-bindgen CLI; MiniSearch comes from npm (`bench/search/package.json`,
//! installed by this command only). The page and the driver live in `bench/search/`; the assembled
//! site goes to `target/search-bench/site/`, served on a loopback port like the app, and the driver
//! prints query p50/p95, time to searchable, memory and the ratios, and writes
//! `target/search-bench/results.json`. A benchmark, not a test: `cargo xtask test` never runs it.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::{output, project_root, run, setup};

const BASE: &str = "/bench/";

pub fn command(args: &[String]) -> Result<(), String> {
    if let Some(other) = args.first() {
        return Err(format!("search-bench: unknown argument {other}"));
    }
    let root = project_root();
    let tools = setup::ensure_tools()?;
    let bench_dir = root.join("bench").join("search");
    ensure_npm_packages(&bench_dir)?;

    let out = root.join("target").join("search-bench");
    let site = out.join("site");
    let data = site.join("data");
    // The driver builds MiniSearch's prebuilt index when it is missing; it must follow the corpus.
    let _ = std::fs::remove_file(data.join("minisearch-index.json"));
    run(Command::new("cargo")
        .args(["run", "--quiet", "-p", "parallax-search-bench"])
        .args(["--bin", "search-bench-data", "--"])
        .arg(&data)
        .current_dir(&root))?;
    run(Command::new("cargo")
        .args(["build", "--release", "--lib", "-p", "parallax-search-bench"])
        .args(["--target", setup::WASM_TARGET])
        .current_dir(&root))?;
    let wasm = crate::target_dir()
        .join(setup::WASM_TARGET)
        .join("release")
        .join("parallax_search_bench.wasm");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(site.join("pkg"))
        .arg(&wasm)
        .env("PATH", &tools.path))?;
    for file in ["index.html", "bench.js", "minisearch-options.js"] {
        copy(&bench_dir.join(file), &site.join(file))?;
    }
    copy(
        &bench_dir.join("node_modules/minisearch/dist/es/index.js"),
        &site.join("minisearch.js"),
    )?;

    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let served = site.clone();
    std::thread::spawn(move || crate::serve::serve_forever(listener, served, BASE.to_string()));
    run(Command::new("node")
        .arg(bench_dir.join("run.mjs"))
        .arg(&site)
        .arg(format!("http://127.0.0.1:{port}{BASE}"))
        .current_dir(&bench_dir)
        .env("CHROMIUM", setup::CHROMIUM))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

/// Runs `npm ci` in `dir` when its `node_modules` is missing or older than the lock file.
fn ensure_npm_packages(dir: &Path) -> Result<(), String> {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&dir.join("package-lock.json"));
    let marker = modified(&dir.join("node_modules").join(".package-lock.json"));
    if matches!((lock, marker), (Some(lock), Some(marker)) if marker >= lock) {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err("npm is missing; run `cargo xtask setup` first".to_string());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}
