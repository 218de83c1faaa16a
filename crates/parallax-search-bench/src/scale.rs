//! A split pack's explorer in Wasm, for `cargo xtask scale` (page and driver in `bench/scale/`).

use parallax_core::facets::Facet;
use parallax_core::query::ExploreQuery;
use parallax_core::split::SplitIndex;
use wasm_bindgen::prelude::*;

/// A split pack's index, read, with the explorer the app would run over it.
#[wasm_bindgen]
pub struct ScalePack {
    index: SplitIndex,
}

#[wasm_bindgen]
impl ScalePack {
    /// Reads an index file as fetched (`index.bin`) and builds its explorer.
    pub fn load(bytes: &[u8]) -> Result<ScalePack, JsError> {
        Ok(ScalePack {
            index: SplitIndex::read(bytes)?,
        })
    }

    #[wasm_bindgen(js_name = nArticles)]
    pub fn n_articles(&self) -> usize {
        self.index.n_articles()
    }

    /// Runs the explorer on a query in the app's URL form (`q=…&topic=…&sort=date`); returns the
    /// number of matching articles, then the positions of the first `limit` of them in order.
    pub fn run(&self, query: &str, limit: usize) -> Vec<u32> {
        let results = self
            .index
            .explorer()
            .run(&ExploreQuery::from_query_string(query));
        std::iter::once(results.rows.len() as u32)
            .chain(results.rows.iter().take(limit).map(|row| row.article_idx))
            .collect()
    }

    /// The title, author and date of the article at `article_idx`, as one line for a result row.
    pub fn row(&self, article_idx: usize) -> String {
        self.index
            .article(article_idx)
            .map(|meta| {
                format!(
                    "{} — {}, {}",
                    meta.title,
                    meta.author,
                    meta.date.unwrap_or("undated")
                )
            })
            .unwrap_or_default()
    }

    /// The first `limit` values of a facet (by its URL parameter), most common first.
    #[wasm_bindgen(js_name = facetValues)]
    pub fn facet_values(&self, param: &str, limit: usize) -> Vec<String> {
        Facet::from_param(param)
            .map(|facet| {
                let values = self.index.explorer().facets.values(facet);
                values.iter().take(limit).cloned().collect()
            })
            .unwrap_or_default()
    }

    /// The name of the shard holding the article at `article_idx`.
    #[wasm_bindgen(js_name = shardFor)]
    pub fn shard_for(&self, article_idx: usize) -> Option<String> {
        self.index
            .shard_for(article_idx)
            .map(|shard| shard.name.clone())
    }

    /// Reads the fetched shard holding the article at `article_idx`; returns that article's text
    /// length in bytes (the reader's content).
    pub fn open(&self, article_idx: usize, bytes: &[u8]) -> Result<usize, JsError> {
        let shard = self
            .index
            .shard_for(article_idx)
            .ok_or_else(|| JsError::new("no such article"))?;
        let first = shard.first_article as usize;
        let articles = self.index.read_shard(shard, bytes)?;
        Ok(articles
            .get(article_idx - first)
            .map_or(0, |article| article.analysis.text.len()))
    }
}
