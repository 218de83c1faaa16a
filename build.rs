//! Builds the seed pack from `corpus/nato` at compile time so the app embeds exactly what the core computes.

use std::path::PathBuf;

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let pack_dir = root.join("corpus").join("nato");
    println!("cargo:rerun-if-changed={}", pack_dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("crates")
            .join("parallax-core")
            .join("data")
            .display()
    );
    let pack = match parallax_cli::build_pack(&pack_dir) {
        Ok(pack) => pack,
        Err(error) => {
            // A readable message instead of a panic backtrace: the pack is curated by people.
            eprintln!("error: the seed pack could not be built: {error}");
            std::process::exit(1);
        }
    };
    let json = serde_json::to_string(&pack).expect("a pack always serializes");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("pack.json");
    std::fs::write(&out, json).expect("OUT_DIR is writable");
}
