//! Project automation: `cargo xtask setup|build|serve|test|e2e|size`.
//!
//! Every command first installs what is missing (idempotently: a second run only checks versions), so a
//! fresh clone needs nothing but rustup's Rust, git, Node.js with npm, and apt.

mod bench_web;
mod budget;
mod lighthouse;
mod release;
mod scale;
mod search_bench;
mod serve;
mod setup;
mod size;
mod test;
mod worker;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  setup               install what is missing (wasm target, Trunk, wasm-bindgen, wasm-opt, browsers)
  build               setup, then the release build into dist/ (hashed names, .br beside each asset)
  serve [--port N] [--base /parallax/] [--no-build]
                      build, then serve dist/ over HTTP and print the URL
  test                setup, then every test layer: fmt, clippy, native, browser (wasm), end-to-end
  e2e [--no-build] [--engine chromium|firefox|webkit] [--only NAME]
                      only the end-to-end suite against the release build; --engine and --only
                      (a test file's name without .test.mjs) narrow it while working on one feature
  bench-web [--runs N] in-browser benchmarks (not tests): explorer facet toggle and keystroke to paint
                      at 1k and 10k synthetic articles, alignment of two ~5 KB articles; p50, p95
  budget [--no-build] build, then fail when the first load (brotli) exceeds budget.toml, naming the
                      largest contributors (twiggy)
  lighthouse [--no-build]
                      build, then Lighthouse (mobile) on the home, reader and compare routes;
                      reports in target/lighthouse/
  search-bench        Parallax's search core (Wasm) against MiniSearch 7 in headless Chromium on
                      10,000 synthetic articles and 200 queries: query p50/p95, time to
                      searchable, memory, ratios
  scale [--sizes 10000,50000]
                      split packs of synthetic articles in headless Chromium: initial transfer
                      (brotli), time to first results, query p50/p95, memory, opening one article

environment:
  PARALLAX_DIST       where the release build goes (default dist/), so two builds need not share one
  size                print raw, gzip and brotli size of every file in dist/ and the first-load total";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure_tools().map(|_| ()),
        Some("build") => setup::ensure_tools().and_then(|tools| release::build(&tools)),
        Some("serve") => serve::command(&args[1..]),
        Some("test") => test::all(),
        Some("e2e") => test::e2e_command(&args[1..]),
        Some("size") => size::report(&dist_dir()).map(|_| ()),
        Some("bench-web") => bench_web::command(&args[1..]),
        Some("budget") => budget::command(&args[1..]),
        Some("lighthouse") => lighthouse::command(&args[1..]),
        Some("search-bench") => search_bench::command(&args[1..]),
        Some("scale") => scale::command(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder holding the top-level `Cargo.toml`). `cargo run` (which the
/// `cargo xtask` alias is) sets `CARGO_MANIFEST_DIR` for the program it starts, so the root follows the
/// checkout being run even when a shared target dir holds an xtask built from another checkout; the
/// path compiled in is the fallback for running the binary directly.
pub fn project_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the workspace root) or `target/`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => project_root().join(dir),
        _ => project_root().join("target"),
    }
}

/// Where the release build goes: `$PARALLAX_DIST` (relative to the workspace root) or `dist/`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("PARALLAX_DIST") {
        Some(dir) if !dir.is_empty() => project_root().join(dir),
        _ => project_root().join("dist"),
    }
}

/// Runs a command to completion, echoing it first; a non-zero exit becomes an error naming the command.
pub fn run(command: &mut Command) -> Result<(), String> {
    eprintln!("xtask: $ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its trimmed standard output, or None when it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
