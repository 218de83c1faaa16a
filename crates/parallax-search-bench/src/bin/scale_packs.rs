//! Writes the synthetic collections of `cargo xtask scale` as split packs: `scale-packs OUT N...`
//! writes `OUT/<N>/index.bin` and its shards for each size `N` (seed 42, as every benchmark).
//!
//! Each file gets a brotli twin (`<file>.br`) as a static host would serve it: the index at quality
//! 11, like the app's release build; the shards (thousands of them) at quality 5, as a host
//! compressing on the fly would, to stay quick.
//!
//! The articles come from `parallax_core::synth` with its synthetic analyses (nothing is analysed),
//! and their facet rows are the corpus's own, so the facets are as varied as a real collection's.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use parallax_core::split::{split_with_rows, INDEX_FILE};
use parallax_core::synth::corpus;
use parallax_search_bench::CORPUS_SEED;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: scale-packs <output folder> <articles>...";
    let out = PathBuf::from(args.next().ok_or(usage)?);
    let sizes: Vec<usize> = args
        .map(|arg| {
            arg.parse()
                .map_err(|_| format!("{arg}: not a number\n{usage}"))
        })
        .collect::<Result<_, _>>()?;
    if sizes.is_empty() {
        return Err(usage.to_owned());
    }
    for n_articles in sizes {
        let started = Instant::now();
        let synthetic = corpus(CORPUS_SEED, n_articles);
        let pack = synthetic.to_pack();
        let files = split_with_rows(&pack, &synthetic.rows).map_err(|e| e.to_string())?;
        let dir = out.join(n_articles.to_string());
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let write = |name: &str, bytes: &[u8], quality: u32| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            let twin = dir.join(format!("{name}.br"));
            std::fs::write(&twin, brotli(bytes, quality))
                .map_err(|e| format!("{}: {e}", twin.display()))
        };
        write(INDEX_FILE, &files.index, 11)?;
        for shard in &files.shards {
            write(&shard.name, &shard.bytes, 5)?;
        }
        eprintln!(
            "scale-packs: {n_articles} articles: index {} bytes, {} shards, in {:.1} s",
            files.index.len(),
            files.shards.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
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
