//! Installs what the build and the tests need, idempotently, into folders the project ignores.
//!
//! Versions are pinned in one place each: Trunk here (`TRUNK_VERSION`), wasm-bindgen by `Cargo.lock`
//! (the CLI must match the library exactly or Trunk tries to download one), and the npm tools
//! (wasm-opt from `binaryen`, Playwright's driver, axe-core) by `tests/e2e/package-lock.json`.
//! Browsers come from Debian: `chromium`, `chromium-driver`, `firefox-esr`, and WebKitGTK's
//! `webkit2gtk-driver` (WebKitWebDriver with MiniBrowser) under `xvfb`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{output, project_root, run};

/// The Trunk release the build is written for (0.22 needs a newer rustc than these machines have).
pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";

/// Where the installed tools are, as a `PATH` to hand to child processes.
pub struct Tools {
    pub path: OsString,
}

pub fn ensure_tools() -> Result<Tools, String> {
    let root = project_root();
    let tools_root = root.join(".tools");
    let bin = tools_root.join("bin");
    let npm_dir = root.join("tests").join("e2e");

    ensure_wasm_target()?;
    ensure_cargo_tool(&bin, "trunk", "trunk", TRUNK_VERSION, true)?;
    let bindgen_version = locked_version(&root, "wasm-bindgen")?;
    ensure_cargo_tool(
        &bin,
        "wasm-bindgen",
        "wasm-bindgen-cli",
        &bindgen_version,
        false,
    )?;
    ensure_npm_packages(&npm_dir)?;
    ensure_debian_packages(&[
        (CHROMIUM, "chromium"),
        (CHROMEDRIVER, "chromium-driver"),
        (FIREFOX, "firefox-esr"),
    ])?;

    let mut paths = vec![bin, npm_dir.join("node_modules").join(".bin")];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(paths).map_err(|e| format!("PATH: {e}"))?;
    eprintln!("xtask: tools ready");
    Ok(Tools { path })
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Installs `crate_name@version` with `cargo install --root .tools` unless `bin/<binary> --version` already
/// reports that version.
fn ensure_cargo_tool(
    bin: &Path,
    binary: &str,
    crate_name: &str,
    version: &str,
    locked: bool,
) -> Result<(), String> {
    let reported = output(Command::new(bin.join(binary)).arg("--version")).unwrap_or_default();
    if reported.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    eprintln!("xtask: installing {crate_name} {version} (takes minutes, once)");
    let tools_root = bin.parent().expect("bin is inside .tools");
    let mut command = Command::new("cargo");
    command
        .args(["install", crate_name, "--version", version, "--root"])
        .arg(tools_root);
    if locked {
        command.arg("--locked");
    }
    run(&mut command)
}

/// The exact version of `package` that `Cargo.lock` resolved.
pub fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("Cargo.lock has no package {package}"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")? + start;
    Ok(lock[start..end].to_string())
}

/// Runs `npm ci` when `node_modules` is missing or older than the lock file.
fn ensure_npm_packages(dir: &Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules").join(".package-lock.json");
    let fresh = match (modified(&lock), modified(&marker)) {
        (Some(lock_time), Some(marker_time)) => marker_time >= lock_time,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        ensure_debian_packages(&[("/usr/bin/npm", "npm")])?;
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Installs the Debian packages whose marker file is missing (one `apt-get` call for all of them).
fn ensure_debian_packages(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(file, _)| !PathBuf::from(file).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages {}", missing.join(" "));
    let as_root = output(Command::new("id").arg("-u")).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    run(&mut apt(&["update", "-qq"]))?;
    // With recommends: the browsers need fonts and the like that Debian lists as recommended.
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(&missing);
    run(&mut install)
}
