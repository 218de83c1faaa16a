//! Every test layer in order: formatting and lints, native tests, the browser component test, then the
//! end-to-end suite against the release build served over HTTP under a subpath.

use std::net::TcpListener;
use std::process::Command;

use crate::setup::{self, Tools, CHROMEDRIVER};
use crate::{project_root, run};

/// The subpath the end-to-end suite serves the app under: deep links must work below the host's root.
const E2E_BASE: &str = "/parallax/";

pub fn all() -> Result<(), String> {
    let tools = setup::ensure_tools()?;
    let root = project_root();
    let cargo = |args: &[&str]| {
        let mut command = Command::new("cargo");
        command
            .args(args)
            .current_dir(&root)
            .env("PATH", &tools.path);
        command
    };
    run(&mut cargo(&["fmt", "--all", "--check"]))?;
    run(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(&mut cargo(&["test", "--workspace"]))?;
    browser_tests(&tools)?;
    crate::release::build(&tools)?;
    crate::size::report(&crate::dist_dir())?;
    e2e(&tools, E2E_ENGINES, None)
}

/// The `wasm-bindgen-test` suite of the app crate, in headless Chromium through ChromeDriver.
fn browser_tests(tools: &Tools) -> Result<(), String> {
    run(Command::new("cargo")
        .args([
            "test",
            "--package",
            "parallax",
            "--target",
            setup::WASM_TARGET,
            "--test",
            "browser",
            "--test",
            "analyser",
        ])
        .current_dir(project_root())
        .env("PATH", &tools.path)
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
}

pub fn e2e_command(args: &[String]) -> Result<(), String> {
    let tools = setup::ensure_tools()?;
    if !args.iter().any(|a| a == "--no-build") {
        crate::release::build(&tools)?;
    }
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    };
    let engines: Vec<&str> = match value("--engine") {
        Some(engine) if E2E_ENGINES.contains(&engine) => vec![engine],
        Some(other) => {
            return Err(format!(
                "unknown engine {other:?}: chromium, firefox or webkit"
            ))
        }
        None => E2E_ENGINES.to_vec(),
    };
    e2e(&tools, &engines, value("--only"))
}

/// The engines the end-to-end suite runs in. Playwright drives the system's Chromium over CDP and
/// Firefox ESR over WebDriver BiDi (`tests/e2e/*.test.mjs`). Playwright's WebKit needs its own patched
/// build, which cannot be had here, so WebKit runs its own suite through WebKitGTK's WebDriver
/// (`tests/e2e/webkit/*.test.mjs`).
const E2E_ENGINES: &[&str] = &["chromium", "firefox", "webkit"];

/// Serves `dist/` on a free loopback port and runs the suite once per engine; every engine runs even
/// when an earlier one fails, so one report shows them all.
fn e2e(tools: &Tools, engines: &[&str], only: Option<&str>) -> Result<(), String> {
    let root = project_root();
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("no free port: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = crate::dist_dir();
    // Test fixtures (pack files for `?pack=`) are served beside the app, never copied into the build.
    let fixtures = root.join("tests/e2e/fixtures");
    std::thread::spawn(move || {
        crate::serve::serve_forever_with_fixtures(listener, dist, E2E_BASE.to_string(), fixtures)
    });
    let url = format!("http://127.0.0.1:{port}{E2E_BASE}");
    let mut failed = Vec::new();
    for engine in engines {
        eprintln!("xtask: end-to-end suite in {engine}");
        let suite_dir = if *engine == "webkit" {
            root.join("tests/e2e/webkit")
        } else {
            root.join("tests/e2e")
        };
        let outcome = run(Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .args(test_files(&suite_dir, only)?)
            .current_dir(root.join("tests").join("e2e"))
            .env("PATH", &tools.path)
            .env("PARALLAX_URL", &url)
            .env("PARALLAX_BROWSER", engine)
            .env("CHROMIUM", setup::CHROMIUM)
            .env("FIREFOX", setup::FIREFOX)
            .env("WEBKIT_DRIVER", setup::WEBKIT_DRIVER));
        if outcome.is_err() {
            failed.push(*engine);
        }
    }
    if failed.is_empty() {
        eprintln!("xtask: end-to-end suite passed in {}", engines.join(", "));
        Ok(())
    } else {
        Err(format!(
            "the end-to-end suite failed in {}",
            failed.join(", ")
        ))
    }
}

/// The `*.test.mjs` files directly inside `dir`, sorted (Node would otherwise also walk sub-folders).
fn test_files(
    dir: &std::path::Path,
    only: Option<&str>,
) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .filter(|path| match only {
            Some(name) => path
                .file_name()
                .is_some_and(|f| f.to_string_lossy() == format!("{name}.test.mjs")),
            None => true,
        })
        .collect();
    files.sort();
    Ok(files)
}
