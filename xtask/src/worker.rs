//! The analysis worker's files in the release build: content-hashed names like every other asset.
//!
//! Trunk names a worker's files after its binary (`analyse-worker.js`, `analyse-worker_bg.wasm`) because
//! the app must know them at run time, and copies the loader `analyse-worker-loader.js` as it is. Served
//! with the year-long cache every `.js` and `.wasm` gets, a new deploy would then run an old engine.
//! So after Trunk, the three files get one content hash in their names, the loader is rewritten to
//! the new names, and so is the `<meta name="parallax-analyser">` by which `index.html` tells the app
//! where the loader is (`index.html` itself is never cached).

use std::path::Path;

/// The names Trunk gives the worker's files, and the loader's.
const SCRIPT: &str = "analyse-worker.js";
const WASM: &str = "analyse-worker_bg.wasm";
const LOADER: &str = "analyse-worker-loader.js";
/// How `index.html` names the loader before the rename.
const META_CONTENT: &str = "content=\"./analyse-worker-loader.js\"";

/// The prefix every file of the worker starts with, for the size report.
pub const PREFIX: &str = "analyse-worker";

pub fn hash_files(dist: &Path) -> Result<(), String> {
    let read = |name: &str| {
        std::fs::read(dist.join(name))
            .map_err(|e| format!("{name}: {e} (is the worker's <link data-trunk> in index.html?)"))
    };
    let (script, wasm, loader) = (read(SCRIPT)?, read(WASM)?, read(LOADER)?);
    let loader = String::from_utf8(loader).map_err(|_| format!("{LOADER} is not UTF-8"))?;
    let mut all = script.clone();
    all.extend_from_slice(&wasm);
    all.extend_from_slice(loader.as_bytes());
    let hash = format!("{:016x}", fnv1a(&all));
    let hashed_script = format!("analyse-worker-{hash}.js");
    let hashed_wasm = format!("analyse-worker-{hash}_bg.wasm");
    let hashed_loader = format!("analyse-worker-loader-{hash}.js");

    let new_loader = rewrite(&loader, &[(SCRIPT, &hashed_script), (WASM, &hashed_wasm)])
        .map_err(|missing| format!("{LOADER} does not name {missing}"))?;
    let index_path = dist.join("index.html");
    let index =
        std::fs::read_to_string(&index_path).map_err(|e| format!("dist/index.html: {e}"))?;
    let new_meta = format!("content=\"./{hashed_loader}\"");
    let new_index = rewrite(&index, &[(META_CONTENT, &new_meta)])
        .map_err(|missing| format!("dist/index.html does not hold {missing}"))?;

    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dist.join(name), bytes).map_err(|e| format!("{name}: {e}"))
    };
    write(&hashed_script, &script)?;
    write(&hashed_wasm, &wasm)?;
    write(&hashed_loader, new_loader.as_bytes())?;
    for old in [SCRIPT, WASM, LOADER] {
        std::fs::remove_file(dist.join(old)).map_err(|e| format!("{old}: {e}"))?;
    }
    std::fs::write(&index_path, new_index).map_err(|e| format!("dist/index.html: {e}"))
}

/// Replaces each `(from, to)` once; fails with the first `from` that does not occur.
fn rewrite(text: &str, replacements: &[(&str, &str)]) -> Result<String, String> {
    let mut text = text.to_owned();
    for (from, to) in replacements {
        // `"./name"` exactly, so `analyse-worker.js` never matches inside a longer name.
        let quoted = format!("\"./{from}\"");
        let (needle, replacement) = if text.contains(&quoted) {
            (quoted, format!("\"./{to}\""))
        } else if text.contains(from) {
            (from.to_string(), to.to_string())
        } else {
            return Err(from.to_string());
        };
        text = text.replacen(&needle, &replacement, 1);
    }
    Ok(text)
}

/// FNV-1a, 64 bits: a stable content fingerprint for cache-busting file names (not a security hash).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_and_the_page_point_at_the_hashed_files() {
        let dir = std::env::temp_dir().join(format!("xtask-worker-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let loader = std::fs::read_to_string(
            crate::project_root()
                .join("assets")
                .join("analyse-worker-loader.js"),
        )
        .unwrap();
        std::fs::write(dir.join(SCRIPT), "var wasm_bindgen;").unwrap();
        std::fs::write(dir.join(WASM), b"\0asm").unwrap();
        std::fs::write(dir.join(LOADER), &loader).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<meta name=\"parallax-analyser\" content=\"./analyse-worker-loader.js\">",
        )
        .unwrap();
        hash_files(&dir).unwrap();

        let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let loader_name = index
            .split("content=\"./")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name != "index.html")
            .collect();
        names.sort();
        let hash = &loader_name["analyse-worker-loader-".len()..loader_name.len() - 3];
        assert_eq!(hash.len(), 16, "{loader_name}");
        assert_eq!(
            names,
            [
                format!("analyse-worker-{hash}.js"),
                format!("analyse-worker-{hash}_bg.wasm"),
                format!("analyse-worker-loader-{hash}.js"),
            ]
        );
        let new_loader = std::fs::read_to_string(dir.join(&loader_name)).unwrap();
        assert!(new_loader.contains(&format!("importScripts(\"./analyse-worker-{hash}.js\")")));
        assert!(new_loader.contains(&format!("\"./analyse-worker-{hash}_bg.wasm\"")));
        assert!(!new_loader.contains("\"./analyse-worker.js\""));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
