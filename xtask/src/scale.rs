//! `cargo xtask scale`: split packs of 10,000 and 50,000 synthetic articles, served and opened in
//! headless Chromium: initial transfer, time to first results, query latency, memory, opening one article.
//!
//! The packs are written natively by `crates/parallax-search-bench` (its `scale-packs` binary, from
//! `parallax_core::synth` with synthetic analyses, so nothing is analysed) into
//! `target/scale/site/packs/<N>/`, each file with a brotli twin as a static host would serve it (the
//! index at quality 11 like the release build, the thousands of shards at quality 5). The page
//! (`bench/scale/`) runs the split pack's explorer in Wasm (that crate's `ScalePack`, release
//! profile and wasm-opt `-Oz` like the app); `bench/scale/drive.mjs` prints the table. A
//! benchmark, not a test: nothing here passes or fails on a number.

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use crate::{project_root, run, setup};

const BASE: &str = "/scale/";

pub fn command(args: &[String]) -> Result<(), String> {
    let mut sizes = vec!["10000".to_string(), "50000".to_string()];
    let mut build = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--no-build" => build = false,
            "--sizes" => {
                sizes = rest
                    .next()
                    .ok_or("--sizes needs a list such as 10000,50000")?
                    .split(',')
                    .map(str::to_owned)
                    .collect();
                if sizes.iter().any(|size| size.parse::<usize>().is_err()) {
                    return Err("--sizes takes numbers separated by commas".into());
                }
            }
            other => return Err(format!("scale: unknown argument {other}")),
        }
    }
    let tools = setup::ensure_tools()?;
    let root = project_root();
    let site = root.join("target").join("scale").join("site");
    if build {
        write_site(&tools, &root, &site, &sizes)?;
    } else if !site.join("index.html").exists() {
        return Err(format!(
            "{} is missing: run without --no-build first",
            site.display()
        ));
    }

    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let served = site.clone();
    std::thread::spawn(move || crate::serve::serve_forever(listener, served, BASE.to_string()));
    run(Command::new("node")
        .arg(root.join("bench/scale/drive.mjs"))
        .arg(format!("http://127.0.0.1:{port}{BASE}"))
        .arg(&site)
        .args(&sizes)
        .current_dir(&root)
        .env("PATH", &tools.path)
        .env("CHROMIUM", setup::CHROMIUM))
}

/// Writes the packs and builds the page into `site`.
fn write_site(
    tools: &setup::Tools,
    root: &Path,
    site: &Path,
    sizes: &[String],
) -> Result<(), String> {
    if site.exists() {
        std::fs::remove_dir_all(site).map_err(|e| format!("{}: {e}", site.display()))?;
    }
    let packs = site.join("packs");
    run(Command::new("cargo")
        .args(["run", "--release", "--quiet", "-p", "parallax-search-bench"])
        .args(["--bin", "scale-packs", "--"])
        .arg(&packs)
        .args(sizes)
        .current_dir(root))?;
    build_page(tools, root, site)
}

fn brotli(bytes: &[u8], quality: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        writer
            .write_all(bytes)
            .expect("writing to memory cannot fail");
    }
    out
}

/// Writes `<file>.br` beside every file directly in `dir`.
fn compress_folder(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !path.is_file() || path.extension().is_some_and(|extension| extension == "br") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let compressed = brotli(&bytes, 11);
        let mut twin = path.clone().into_os_string();
        twin.push(".br");
        std::fs::write(&twin, compressed).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn build_page(tools: &setup::Tools, root: &Path, site: &Path) -> Result<(), String> {
    run(Command::new("cargo")
        .args(["build", "--release", "--lib", "-p", "parallax-search-bench"])
        .args(["--target", setup::WASM_TARGET])
        .current_dir(root)
        .env("PATH", &tools.path))?;
    let wasm = crate::target_dir()
        .join(setup::WASM_TARGET)
        .join("release")
        .join("parallax_search_bench.wasm");
    let pkg = site.join("pkg");
    run(Command::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&pkg)
        .arg(&wasm)
        .env("PATH", &tools.path))?;
    let bindgen_wasm = pkg.join("parallax_search_bench_bg.wasm");
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
        ("bench/scale/index.html", "index.html"),
        ("bench/scale/page.js", "page.js"),
        ("assets/favicon.svg", "favicon.svg"),
    ] {
        let from = root.join(from);
        std::fs::copy(&from, site.join(to)).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    compress_folder(&pkg)?;
    compress_folder(site)
}
