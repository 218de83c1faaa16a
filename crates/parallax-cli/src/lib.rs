//! The I/O side of Parallax: reads pack folders and article files from disk and hands their bytes to the core.

use std::fmt;
use std::path::Path;

use parallax_core::pack::{Pack, PackArticle, PACK_VERSION};

/// Why a pack could not be built; `Display` names the file and, where known, the line.
#[derive(Debug)]
pub struct PackError {
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PackError {}

/// Placeholder: analyses every `raw/*.txt` of a pack folder, in file-name order, without a manifest.
pub fn build_pack(dir: &Path) -> Result<Pack, PackError> {
    let err = |message: String| PackError { message };
    let raw_dir = dir.join("raw");
    let mut files: Vec<_> = std::fs::read_dir(&raw_dir)
        .map_err(|e| err(format!("{}: {e}", raw_dir.display())))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut articles = Vec::new();
    for path in files {
        let raw = std::fs::read_to_string(&path).map_err(|e| err(format!("{}: {e}", path.display())))?;
        let analysis = parallax_core::analyze(&raw);
        let slug = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let title = analysis
            .text
            .lines()
            .next()
            .unwrap_or(&slug)
            .chars()
            .take(90)
            .collect::<String>();
        articles.push(PackArticle {
            slug,
            title,
            title_curated: false,
            byline: None,
            author: "No byline".to_string(),
            printed_date: None,
            notes: Vec::new(),
            analysis,
        });
    }
    Ok(Pack { version: PACK_VERSION, id: "nato".into(), title: "NATO and Russia".into(), articles })
}
