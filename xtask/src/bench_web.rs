//! `cargo xtask bench-web`: the in-browser benchmarks (explorer interactions at 1k and 10k synthetic
//! articles, alignment of two ~5 KB articles), in headless Chromium against release Wasm.
//!
//! The page is its own binary (`src/bin/bench_web.rs`) built with the app's release profile and
//! wasm-opt `-Oz` like the app, so it measures what readers run, and adds nothing to the app's
//! bundle. It is served like the app (same server, same Content-Security-Policy) and driven by
//! `bench/web/drive.mjs`, which prints p50 and p95. A benchmark, not a test: nothing here passes or
//! fails on a number.

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::{project_root, run, setup};

/// Where the page is assembled (inside the workspace's ignored `target/`).
const OUT_DIR: &str = "target/bench-web";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut runs = 40usize;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => {
                runs = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n >= 30)
                    .ok_or("--runs needs a number of at least 30")?
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    let tools = setup::ensure_tools()?;
    let root = project_root();
    let out = root.join(OUT_DIR);
    build_page(&tools, &root, &out)?;

    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let served = out.clone();
    std::thread::spawn(move || crate::serve::serve_forever(listener, served, "/".to_string()));
    run(Command::new("node")
        .arg(root.join("bench/web/drive.mjs"))
        .arg(format!("http://127.0.0.1:{port}/"))
        .arg(runs.to_string())
        .current_dir(&root)
        .env("PATH", &tools.path)
        .env("CHROMIUM", setup::CHROMIUM))
}

fn build_page(tools: &setup::Tools, root: &Path, out: &Path) -> Result<(), String> {
    run(Command::new("cargo")
        .args([
            "build",
            "--release",
            "--target",
            setup::WASM_TARGET,
            "--bin",
            "bench_web",
        ])
        .current_dir(root)
        .env("PATH", &tools.path))?;
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let wasm = crate::target_dir()
        .join(setup::WASM_TARGET)
        .join("release/bench_web.wasm");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(out)
        .arg(&wasm)
        .env("PATH", &tools.path))?;
    let bindgen_wasm = out.join("bench_web_bg.wasm");
    run(Command::new("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "-o",
        ])
        .arg(&bindgen_wasm)
        .arg(&bindgen_wasm)
        .env("PATH", &tools.path))?;
    for (from, to) in [
        ("bench/web/index.html", "index.html"),
        ("bench/web/bench.js", "bench.js"),
        ("assets/style.css", "style.css"),
    ] {
        std::fs::copy(root.join(from), out.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    Ok(())
}
