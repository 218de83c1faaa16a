//! `cargo xtask budget`: the first-load size against the checked-in budget (`budget.toml`).
//!
//! It builds the release unless `--no-build` is given, counts the first load exactly as
//! `cargo xtask size` does (brotli, quality 11), and fails when the total is over budget, printing the
//! largest contributors of the app's Wasm as `twiggy top` sees them. Twiggy reads the Wasm cargo wrote
//! before wasm-bindgen and wasm-opt, where function names survive; it is installed into `.tools/` on
//! first use of this command only. A command, not a test: nothing in `cargo xtask test` runs it.

use std::path::Path;
use std::process::Command;

use crate::{output, project_root, run, setup};

/// The twiggy release the contributor report is written for.
pub const TWIGGY_VERSION: &str = "0.8.0";

/// How many of twiggy's rows to print.
const TOP_ROWS: usize = 20;

/// How many crates to print.
const TOP_CRATES: usize = 12;

pub fn command(args: &[String]) -> Result<(), String> {
    let mut build = true;
    for arg in args {
        match arg.as_str() {
            "--no-build" => build = false,
            other => return Err(format!("budget: unknown argument {other}")),
        }
    }
    let root = project_root();
    let budget_kb = read_budget(&root.join("budget.toml"))?;
    if build {
        let tools = setup::ensure_tools()?;
        crate::release::build(&tools)?;
    }
    let dist = crate::dist_dir();
    let total = crate::size::report(&dist)?;
    let budget = budget_kb * 1024;
    let verdict = if total <= budget { "within" } else { "OVER" };
    println!(
        "budget: first load {:.1} KB brotli, budget {budget_kb} KB (budget.toml): {verdict} budget by {:.1} KB",
        total as f64 / 1024.0,
        total.abs_diff(budget) as f64 / 1024.0
    );
    if total <= budget {
        return Ok(());
    }
    contributors(&root)?;
    Err(format!(
        "the first load is {:.1} KB brotli, over the {budget_kb} KB budget",
        total as f64 / 1024.0
    ))
}

/// Reads `first_load_brotli_kb = N` from the budget file (the only key it holds).
fn read_budget(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_budget(&text).map_err(|message| format!("{}: {message}", path.display()))
}

fn parse_budget(text: &str) -> Result<usize, String> {
    let mut found = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(format!("line {}: expected `key = value`", index + 1));
        };
        match key.trim() {
            "first_load_brotli_kb" => {
                let kb = value.trim().parse::<usize>().map_err(|_| {
                    format!(
                        "line {}: first_load_brotli_kb must be a whole number of KB",
                        index + 1
                    )
                })?;
                found = Some(kb);
            }
            other => return Err(format!("line {}: unknown key {other}", index + 1)),
        }
    }
    found.ok_or_else(|| "first_load_brotli_kb is missing".to_string())
}

/// Prints the largest items and crates of the app's Wasm as `twiggy top` measures them, before
/// wasm-bindgen and wasm-opt ran (where function names survive). Sections those tools remove (the
/// name section, wasm-bindgen's descriptors) are left out, since they never reach the reader.
fn contributors(root: &Path) -> Result<(), String> {
    let wasm = crate::target_dir()
        .join(setup::WASM_TARGET)
        .join("release")
        .join("parallax-app.wasm");
    if !wasm.exists() {
        return Err(format!(
            "{} is missing; run without --no-build",
            wasm.display()
        ));
    }
    let twiggy = ensure_twiggy(root)?;
    let csv = output(Command::new(&twiggy).args(["top", "-f", "csv"]).arg(&wasm))
        .ok_or_else(|| format!("`twiggy top` failed on {}", wasm.display()))?;
    let items: Vec<(String, u64)> = csv
        .lines()
        .skip(1)
        .filter_map(parse_row)
        .filter(|(name, _)| !removed_before_shipping(name))
        .collect();
    let total: u64 = items.iter().map(|(_, size)| size).sum();
    println!(
        "\nlargest contributors: twiggy {TWIGGY_VERSION} on {} (before wasm-bindgen and wasm-opt,\n\
         {:.1} KB of code and data once the sections those tools remove are left out; wasm-opt shrinks\n\
         every item, so read the sizes as a ranking)",
        wasm.strip_prefix(root).unwrap_or(&wasm).display(),
        total as f64 / 1024.0
    );
    println!("{:>10} {:>6}  item", "bytes", "share");
    for (name, size) in items.iter().take(TOP_ROWS) {
        println!(
            "{size:>10} {:>5.1}%  {}",
            percent(*size, total),
            shorten(name)
        );
    }
    let mut crates: Vec<(String, u64)> = Vec::new();
    for (name, size) in &items {
        let owner = owner(name);
        match crates.iter_mut().find(|(known, _)| *known == owner) {
            Some((_, sum)) => *sum += size,
            None => crates.push((owner, *size)),
        }
    }
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!("\nby crate (items whose name starts with the crate; data segments and unnamed items apart):");
    println!("{:>10} {:>6}  crate", "bytes", "share");
    for (owner, size) in crates.iter().take(TOP_CRATES) {
        println!("{size:>10} {:>5.1}%  {owner}", percent(*size, total));
    }
    Ok(())
}

/// One row of `twiggy top -f csv`: `Name,ShallowSize,...`, the name quoted when it holds a comma or quote.
fn parse_row(line: &str) -> Option<(String, u64)> {
    let (name, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let mut name = String::new();
        let mut chars = quoted.char_indices().peekable();
        loop {
            let (index, c) = chars.next()?;
            if c == '"' {
                if chars.peek().map(|(_, next)| *next) == Some('"') {
                    chars.next();
                    name.push('"');
                } else {
                    break (name, quoted[index + 1..].strip_prefix(',')?);
                }
            } else {
                name.push(c);
            }
        }
    } else {
        let (name, rest) = line.split_once(',')?;
        (name.to_string(), rest)
    };
    let size = rest.split(',').next()?.parse().ok()?;
    Some((name, size))
}

/// Sections that wasm-bindgen or the release profile's stripping drop from the shipped file.
fn removed_before_shipping(name: &str) -> bool {
    name.starts_with("custom section")
        || name == "\"function names\" subsection"
        || name == "\"local names\" subsection"
        || name.starts_with("__wbindgen_describe")
}

/// The crate an item belongs to: the first path segment of its name (`<A as B>::f` counts for `A`).
fn owner(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("elem[") || name.starts_with("table[") {
        return name.to_string();
    }
    let trimmed = name
        .trim_start_matches(['<', '&'])
        .trim_start_matches("mut ");
    let trimmed = trimmed.strip_prefix("dyn ").unwrap_or(trimmed);
    match trimmed.split_once("::") {
        Some((first, _)) if !first.contains([' ', '<', '>', '(']) => {
            first.split('[').next().unwrap_or(first).to_string()
        }
        _ => "(other)".to_string(),
    }
}

/// Drops the hash suffix rustc appends to symbol names and caps very long names.
fn shorten(name: &str) -> String {
    let name = match name.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            head
        }
        _ => name,
    };
    if name.chars().count() > 110 {
        let cut: String = name.chars().take(109).collect();
        format!("{cut}…")
    } else {
        name.to_string()
    }
}

fn percent(part: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        part as f64 * 100.0 / total as f64
    }
}

fn ensure_twiggy(root: &Path) -> Result<std::path::PathBuf, String> {
    let tools_root = root.join(".tools");
    let twiggy = tools_root.join("bin").join("twiggy");
    let reported = output(Command::new(&twiggy).arg("--version")).unwrap_or_default();
    if reported.split_whitespace().nth(1) != Some(TWIGGY_VERSION) {
        eprintln!("xtask: installing twiggy {TWIGGY_VERSION} (takes minutes, once)");
        run(Command::new("cargo")
            .args([
                "install",
                "twiggy",
                "--locked",
                "--version",
                TWIGGY_VERSION,
                "--root",
            ])
            .arg(&tools_root))?;
    }
    Ok(twiggy)
}

#[cfg(test)]
mod tests {
    use super::{owner, parse_budget, parse_row, shorten};

    #[test]
    fn reads_twiggy_rows_and_names_their_crate() {
        let row = parse_row(r#""data segment "".rodata""",340314,12.3,,"#).unwrap();
        assert_eq!(row, ("data segment \".rodata\"".to_string(), 340314));
        let row = parse_row("<parallax::App as yew::functional::FunctionProvider>::run::ha9e696dfb1e80f32,23948,0.8,,").unwrap();
        assert_eq!(owner(&row.0), "parallax");
        assert_eq!(
            shorten(&row.0),
            "<parallax::App as yew::functional::FunctionProvider>::run"
        );
        assert_eq!(
            owner("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<x>>::malloc"),
            "dlmalloc"
        );
        assert_eq!(owner("code[12]"), "(other)");
        assert_eq!(parse_row("not a row"), None);
    }

    #[test]
    fn reads_the_budget_and_rejects_what_it_does_not_know() {
        assert_eq!(
            parse_budget("# c\nfirst_load_brotli_kb = 120 # KB\n"),
            Ok(120)
        );
        assert_eq!(
            parse_budget("first_load_brotli_kb = 12.5\n"),
            Err("line 1: first_load_brotli_kb must be a whole number of KB".to_string())
        );
        assert_eq!(
            parse_budget("first_load = 1\n"),
            Err("line 1: unknown key first_load".to_string())
        );
        assert_eq!(
            parse_budget(""),
            Err("first_load_brotli_kb is missing".to_string())
        );
    }
}
