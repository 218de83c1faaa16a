//! The split pack: a compact index file (metadata, facets, searchable titles) and content-hashed shards of whole articles.
//!
//! A pack of 10,000 or 50,000 articles is too big to load whole: its bodies and analyses are
//! hundreds of megabytes. Split, it becomes one small *index file* that the explorer needs to list,
//! filter, sort and search the collection, and many *shards*, each holding the whole
//! [`PackArticle`]s (text and analysis) of a run of consecutive articles, fetched when the reader
//! opens one of them.
//!
//! # Using it
//!
//! - [`split_pack`] splits a pack whose articles carry analyses (the explorer's facet rows come from
//!   them, as in [`facet_row`]); [`split_with_rows`] takes the rows from elsewhere (synthetic corpora,
//!   whose analyses are left empty).
//! - [`SplitIndex::read`] reads the index file and builds the explorer over it: [`SplitIndex::explorer`]
//!   answers [`crate::query::ExploreQuery`]s like [`Explorer::from_pack`] does, with the article
//!   positions of the pack. [`SplitIndex::article`] gives the metadata a result row shows.
//! - [`SplitIndex::shard_for`] names the one shard holding an article; [`SplitIndex::read_shard`]
//!   checks the fetched bytes against that name and returns its articles.
//!
//! Reading never panics: a truncated, damaged or foreign file gives a [`SplitError`] saying what
//! is wrong.
//!
//! # What is searched
//!
//! Titles only. Bodies are not in the index file and are not searched in a split pack: a body
//! index of 10,000 articles of ~900 words is megabytes even as delta-coded postings, against a
//! budget of 300 KB brotli for the whole index file. The title index is not stored either: it is
//! built from the titles the file carries anyway (storing it would send the same words twice), with
//! the same stemming, prefixes and phrases as the app's search. Facets (topics, authors, voices,
//! frames, cues, dates, integrity signals) and the date and title sort orders are complete.
//!
//! # Index file layout (version [`SPLIT_VERSION`])
//!
//! Numbers are unsigned LEB128 varints; a string is its byte length then its UTF-8 bytes.
//!
//! ```text
//! "PLXSPLIT"                     8 bytes, the magic
//! version                        SPLIT_VERSION
//! id, title, description         the pack's, strings
//! n_articles
//! slugs                          a column (below), in pack order
//! titles                         a column
//! dates                          a column: the facet row's ISO date (or part of one), or none
//! n_shards, then per shard:      name (string), number of articles; shards cover the articles
//!                                in order, each a consecutive run
//! n_facets, then per facet       in Facet::ALL order: its URL parameter (string), n_values, then
//!                                per value in display order: the value (string), a kind byte and
//!   kind 0                       count, then the article positions as gaps (the first absolute)
//!   kind 1                       a bitmap of ceil(n_articles / 8) bytes, article i at bit i % 8
//!                                of byte i / 8 (whichever of the two is smaller)
//! checksum                       8 bytes: FNV-1a 64 of everything before, little-endian
//! ```
//!
//! A column of `n_articles` strings is their lengths first (each 0 for none, else the length plus
//! one), then all their bytes one after the other: text next to text compresses better.
//!
//! # Shards
//!
//! A shard is JSON, `{"version":1,"first_article":N,"articles":[PackArticle…]}`, named
//! `shard-<FNV-1a 64 of its bytes, 16 hex digits>.json`, so a host may cache it forever. Articles are
//! added to a shard until it passes [`SHARD_TARGET_BYTES`], so opening one article is one request
//! of about that size (a third of it brotli-compressed for synthetic text), whatever the
//! collection's size.

#[cfg(test)]
mod tests;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::facets::{facet_row, Bitset, Facet, FacetIndex, FacetRow, ValueLists};
use crate::pack::{Pack, PackArticle, NO_BYLINE};
use crate::query::Explorer;
use crate::search::{SearchDoc, SearchIndex};

pub use crate::bytes::fnv1a_64;
use crate::bytes::{ByteError, Reader, Writer};

/// The index file's format version; bump it whenever the layout above changes.
pub const SPLIT_VERSION: u32 = 1;
/// The first bytes of every index file.
pub const MAGIC: [u8; 8] = *b"PLXSPLIT";
/// A shard is closed once its JSON reaches this many bytes.
pub const SHARD_TARGET_BYTES: usize = 128 * 1024;
/// The index file's name beside its shards.
pub const INDEX_FILE: &str = "index.bin";

/// Why an index file or a shard cannot be read, in a sentence for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitError {
    pub message: String,
}

impl SplitError {
    fn new(message: impl Into<String>) -> SplitError {
        SplitError {
            message: message.into(),
        }
    }
}

impl fmt::Display for SplitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SplitError {}

impl From<ByteError> for SplitError {
    fn from(error: ByteError) -> SplitError {
        SplitError { message: error.0 }
    }
}

/// The files of a split pack: the index (to be saved as [`INDEX_FILE`]) and the shards beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitFiles {
    pub index: Vec<u8>,
    pub shards: Vec<ShardFile>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShardFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Where one shard's articles are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardRef {
    pub name: String,
    pub first_article: u32,
    pub n_articles: u32,
}

/// What a result row shows of one article, read from the index file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleMeta<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    /// ISO 8601 or as much of it as is known; `None` when undated.
    pub date: Option<&'a str>,
    /// The Author facet's value ("No byline" when there is none).
    pub author: &'a str,
}

/// Splits a pack whose articles carry their analyses.
pub fn split_pack(pack: &Pack) -> SplitFiles {
    let rows: Vec<FacetRow> = pack.articles.iter().map(facet_row).collect();
    write(pack, &rows)
}

/// Splits a pack whose facet rows are given (`rows[i]` describes `pack.articles[i]`).
pub fn split_with_rows(pack: &Pack, rows: &[FacetRow]) -> Result<SplitFiles, SplitError> {
    if rows.len() != pack.articles.len() {
        return Err(SplitError::new(format!(
            "{} facet rows for {} articles",
            rows.len(),
            pack.articles.len()
        )));
    }
    Ok(write(pack, rows))
}

/// The name a shard with these bytes gets.
pub fn shard_name(bytes: &[u8]) -> String {
    format!("shard-{:016x}.json", fnv1a_64(bytes))
}

#[derive(Serialize)]
struct ShardOut<'a> {
    version: u32,
    first_article: u32,
    articles: &'a [PackArticle],
}

#[derive(Deserialize)]
struct ShardVersion {
    version: u32,
}

#[derive(Deserialize)]
struct ShardIn {
    first_article: u32,
    articles: Vec<PackArticle>,
}

fn write_shards(articles: &[PackArticle]) -> Vec<(ShardFile, u32)> {
    let mut shards = Vec::new();
    let mut first = 0;
    let mut size = 0;
    for (idx, article) in articles.iter().enumerate() {
        // Measured article by article so no shard is serialized twice.
        size += serde_json::to_vec(article).map_or(0, |json| json.len() + 1);
        let last = idx + 1 == articles.len();
        if size >= SHARD_TARGET_BYTES || last {
            let out = ShardOut {
                version: SPLIT_VERSION,
                first_article: first as u32,
                articles: &articles[first..=idx],
            };
            // Serializing plain data with string keys cannot fail.
            let bytes = serde_json::to_vec(&out).unwrap_or_default();
            let shard = ShardFile {
                name: shard_name(&bytes),
                bytes,
            };
            shards.push((shard, (idx + 1 - first) as u32));
            first = idx + 1;
            size = 0;
        }
    }
    shards
}

fn write(pack: &Pack, rows: &[FacetRow]) -> SplitFiles {
    let shards = write_shards(&pack.articles);
    let facets = FacetIndex::build(rows);
    let n_articles = pack.articles.len();
    let mut out = Writer::default();
    out.bytes.extend_from_slice(&MAGIC);
    out.varint(SPLIT_VERSION as u64);
    out.string(&pack.id);
    out.string(&pack.title);
    out.string(&pack.description);
    out.varint(n_articles as u64);
    out.column(
        pack.articles
            .iter()
            .map(|article| Some(article.slug.as_str())),
    );
    out.column(rows.iter().map(|row| Some(row.title.as_str())));
    out.column(rows.iter().map(|row| row.date.as_deref()));
    out.varint(shards.len() as u64);
    for (shard, n_in_shard) in &shards {
        out.string(&shard.name);
        out.varint(*n_in_shard as u64);
    }
    let lists = facets.value_lists();
    out.varint(lists.len() as u64);
    for (facet, values) in &lists {
        out.string(facet.param());
        out.varint(values.len() as u64);
        for (value, articles) in values {
            out.string(value);
            let mut gaps = Writer::default();
            gaps.varint(articles.len() as u64);
            let mut previous = 0;
            for (position, &article) in articles.iter().enumerate() {
                let gap = if position == 0 {
                    article
                } else {
                    article - previous
                };
                gaps.varint(gap as u64);
                previous = article;
            }
            let bitmap_len = n_articles.div_ceil(8);
            if bitmap_len < gaps.bytes.len() {
                out.bytes.push(1);
                let mut bitmap = vec![0u8; bitmap_len];
                for &article in articles {
                    bitmap[article as usize / 8] |= 1 << (article % 8);
                }
                out.bytes.extend_from_slice(&bitmap);
            } else {
                out.bytes.push(0);
                out.bytes.extend_from_slice(&gaps.bytes);
            }
        }
    }
    let checksum = fnv1a_64(&out.bytes);
    out.bytes.extend_from_slice(&checksum.to_le_bytes());
    SplitFiles {
        index: out.bytes,
        shards: shards.into_iter().map(|(shard, _)| shard).collect(),
    }
}

/// Many short strings in one allocation.
#[derive(Debug, Clone, Default, PartialEq)]
struct TextColumn {
    text: String,
    ends: Vec<u32>,
}

impl TextColumn {
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len() as u32);
    }

    fn get(&self, idx: usize) -> Option<&str> {
        let end = *self.ends.get(idx)? as usize;
        let start = idx
            .checked_sub(1)
            .map_or(0, |prev| self.ends[prev] as usize);
        self.text.get(start..end)
    }
}

/// A split pack's index file, read: metadata per article, shard table, and the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitIndex {
    pub id: String,
    pub title: String,
    pub description: String,
    slugs: TextColumn,
    titles: TextColumn,
    dates: TextColumn,
    dated: Bitset,
    /// Each article's position in the Author facet's values; `u32::MAX` for none.
    authors: Vec<u32>,
    shards: Vec<ShardRef>,
    explorer: Explorer,
}

impl SplitIndex {
    /// Reads an index file; anything but an intact index of a version this code knows is refused.
    pub fn read(bytes: &[u8]) -> Result<SplitIndex, SplitError> {
        if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
            return Err(SplitError::new(
                "this is not a Parallax split pack index (it does not start with PLXSPLIT)",
            ));
        }
        let mut version_reader = Reader::new(&bytes[MAGIC.len()..]);
        let version = version_reader.varint("the version")?;
        if version != SPLIT_VERSION as u64 {
            return Err(SplitError::new(format!(
                "this split pack index has format version {version}; this version of Parallax reads version {SPLIT_VERSION}"
            )));
        }
        let Some(body_len) = bytes.len().checked_sub(8).filter(|&len| len > MAGIC.len()) else {
            return Err(SplitError::new("the index ends early, before its checksum"));
        };
        let (body, checksum) = bytes.split_at(body_len);
        let mut stored = [0u8; 8];
        stored.copy_from_slice(checksum);
        if u64::from_le_bytes(stored) != fnv1a_64(body) {
            return Err(SplitError::new(
                "the index is damaged or incomplete (its checksum does not match); fetch it again",
            ));
        }
        Self::read_body(&body[MAGIC.len()..])
    }

    fn read_body(body: &[u8]) -> Result<SplitIndex, SplitError> {
        let mut input = Reader::new(body);
        input.varint("the version")?;
        let id = input.string("the pack id")?.to_owned();
        let title = input.string("the pack title")?.to_owned();
        let description = input.string("the pack description")?.to_owned();
        let n_articles = input.count("the number of articles")?;
        let (slugs, all_present) = read_column(&mut input, n_articles, "the slugs")?;
        let (titles, all_titled) = read_column(&mut input, n_articles, "the titles")?;
        if all_present.count() as usize != n_articles || all_titled.count() as usize != n_articles {
            return Err(SplitError::new("an article has no slug or no title"));
        }
        let (dates, dated) = read_column(&mut input, n_articles, "the dates")?;
        let n_shards = input.count("the shard table")?;
        let mut shards = Vec::with_capacity(n_shards);
        let mut covered = 0u64;
        for _ in 0..n_shards {
            let name = input.string("the shard table")?.to_owned();
            let n_in_shard = input.u32("the shard table")?;
            shards.push(ShardRef {
                name,
                first_article: covered as u32,
                n_articles: n_in_shard,
            });
            covered += n_in_shard as u64;
            if covered > n_articles as u64 {
                break;
            }
        }
        if covered != n_articles as u64 || shards.iter().any(|shard| shard.n_articles == 0) {
            return Err(SplitError::new(format!(
                "the shards cover {covered} articles, not the index's {n_articles}"
            )));
        }
        let n_facets = input.count("the facets")?;
        let mut lists: Vec<(Facet, ValueLists)> = Vec::with_capacity(n_facets);
        for _ in 0..n_facets {
            let param = input.string("the facets")?;
            let facet = Facet::from_param(param).ok_or_else(|| {
                SplitError::new(format!("the index has an unknown facet {param:?}"))
            })?;
            let n_values = input.count("the facet values")?;
            let mut values = Vec::with_capacity(n_values);
            for _ in 0..n_values {
                let value = input.string("the facet values")?.to_owned();
                let articles = read_articles(&mut input, n_articles)?;
                values.push((value, articles));
            }
            lists.push((facet, values));
        }
        if !input.is_at_end() {
            return Err(SplitError::new(
                "the index has unexpected bytes after its facets",
            ));
        }
        let authors = author_of_each(&lists, n_articles);
        let facets = FacetIndex::from_value_lists(
            n_articles,
            lists,
            |idx| dated.contains(idx).then(|| dates.get(idx)).flatten(),
            |idx| titles.get(idx).unwrap_or(""),
        )
        .map_err(|message| SplitError::new(format!("the index's facets are damaged: {message}")))?;
        let docs: Vec<SearchDoc> = (0..n_articles)
            .map(|idx| SearchDoc {
                id: slugs.get(idx).unwrap_or("").to_owned(),
                title: titles.get(idx).unwrap_or("").to_owned(),
                body: String::new(),
            })
            .collect();
        let search = SearchIndex::build(&docs);
        drop(docs);
        Ok(SplitIndex {
            id,
            title,
            description,
            slugs,
            titles,
            dates,
            dated,
            authors,
            shards,
            explorer: Explorer::new(search, facets),
        })
    }

    pub fn n_articles(&self) -> usize {
        self.slugs.ends.len()
    }

    /// The explorer over the collection: title search, every facet, every sort order.
    pub fn explorer(&self) -> &Explorer {
        &self.explorer
    }

    /// Result-row metadata of the article at `article_idx` (its position in the pack).
    pub fn article(&self, article_idx: usize) -> Option<ArticleMeta<'_>> {
        let author = match *self.authors.get(article_idx)? {
            u32::MAX => NO_BYLINE,
            position => self
                .explorer
                .facets
                .values(Facet::Author)
                .get(position as usize)
                .map_or(NO_BYLINE, String::as_str),
        };
        Some(ArticleMeta {
            slug: self.slugs.get(article_idx)?,
            title: self.titles.get(article_idx)?,
            date: self
                .dated
                .contains(article_idx)
                .then(|| self.dates.get(article_idx))
                .flatten(),
            author,
        })
    }

    /// The position of the article with `slug`.
    pub fn position_of(&self, slug: &str) -> Option<usize> {
        (0..self.n_articles()).find(|&idx| self.slugs.get(idx) == Some(slug))
    }

    pub fn shards(&self) -> &[ShardRef] {
        &self.shards
    }

    /// The shard holding the article at `article_idx`.
    pub fn shard_for(&self, article_idx: usize) -> Option<&ShardRef> {
        let after = self
            .shards
            .partition_point(|shard| shard.first_article as usize <= article_idx);
        let shard = self.shards.get(after.checked_sub(1)?)?;
        ((article_idx - shard.first_article as usize) < shard.n_articles as usize).then_some(shard)
    }

    /// The articles of `shard` from its fetched bytes, refused unless they are exactly what the
    /// index names (same content hash, same articles in the same places).
    pub fn read_shard(
        &self,
        shard: &ShardRef,
        bytes: &[u8],
    ) -> Result<Vec<PackArticle>, SplitError> {
        if shard_name(bytes) != shard.name {
            return Err(SplitError::new(format!(
                "{} is damaged or incomplete (its content does not match its name); fetch it again",
                shard.name
            )));
        }
        // Read as `&str` like every other JSON the app parses: `from_slice` would compile a second
        // copy of every article type's deserializer (tens of KB) into the page's Wasm.
        let text = std::str::from_utf8(bytes).map_err(|_| {
            SplitError::new(format!(
                "{} cannot be read: it is not UTF-8 text",
                shard.name
            ))
        })?;
        let version: ShardVersion = serde_json::from_str(text)
            .map_err(|error| SplitError::new(format!("{} cannot be read: {error}", shard.name)))?;
        if version.version != SPLIT_VERSION {
            return Err(SplitError::new(format!(
                "{} has format version {}; this version of Parallax reads version {SPLIT_VERSION}",
                shard.name, version.version
            )));
        }
        let content: ShardIn = serde_json::from_str(text)
            .map_err(|error| SplitError::new(format!("{} cannot be read: {error}", shard.name)))?;
        let first = shard.first_article as usize;
        let slugs_match = content.articles.len() == shard.n_articles as usize
            && content
                .articles
                .iter()
                .enumerate()
                .all(|(offset, article)| self.slugs.get(first + offset) == Some(&article.slug));
        if content.first_article != shard.first_article || !slugs_match {
            return Err(SplitError::new(format!(
                "{} holds other articles than the index expects",
                shard.name
            )));
        }
        Ok(content.articles)
    }
}

/// Reads a column of `n` optional strings: their lengths, then their bytes.
fn read_column(
    input: &mut Reader<'_>,
    n: usize,
    what: &str,
) -> Result<(TextColumn, Bitset), SplitError> {
    let mut lengths = Vec::with_capacity(n);
    let mut present = Bitset::empty(n);
    for idx in 0..n {
        match input.varint(what)? {
            0 => lengths.push(0),
            length => {
                present.insert(idx);
                lengths.push(usize::try_from(length - 1).unwrap_or(usize::MAX));
            }
        }
    }
    let total = lengths
        .iter()
        .try_fold(0usize, |total, &length| total.checked_add(length))
        .ok_or_else(|| SplitError::new(format!("{what} are longer than the index")))?;
    let text = input.text(total, what)?;
    let mut column = TextColumn {
        text: String::with_capacity(total),
        ends: Vec::with_capacity(n),
    };
    let mut start = 0;
    for length in lengths {
        let piece = text
            .get(start..start + length)
            .ok_or_else(|| SplitError::new(format!("{what} are cut inside a character")))?;
        column.push(piece);
        start += length;
    }
    Ok((column, present))
}

/// Reads one value's articles (kind 0: gaps, kind 1: bitmap).
fn read_articles(input: &mut Reader<'_>, n_articles: usize) -> Result<Vec<u32>, SplitError> {
    let kind = input.take(1, "the facet values")?[0];
    match kind {
        0 => {
            let count = input.count("the facet values")?;
            let mut articles = Vec::with_capacity(count);
            let mut previous = 0u64;
            for position in 0..count {
                let gap = input.varint("the facet values")?;
                let article = if position == 0 { gap } else { previous + gap };
                if (position > 0 && gap == 0) || article >= n_articles as u64 {
                    return Err(SplitError::new(
                        "a facet value names articles out of order or out of range",
                    ));
                }
                articles.push(article as u32);
                previous = article;
            }
            Ok(articles)
        }
        1 => {
            let bitmap = input.take(n_articles.div_ceil(8), "the facet values")?;
            Ok((0..n_articles)
                .filter(|&idx| bitmap[idx / 8] & (1 << (idx % 8)) != 0)
                .map(|idx| idx as u32)
                .collect())
        }
        other => Err(SplitError::new(format!(
            "a facet value has an unknown kind {other}"
        ))),
    }
}

/// Each article's first author value (by display position), `u32::MAX` when it has none.
fn author_of_each(lists: &[(Facet, ValueLists)], n_articles: usize) -> Vec<u32> {
    let mut authors = vec![u32::MAX; n_articles];
    let columns = lists.iter().filter(|(facet, _)| *facet == Facet::Author);
    for (_, values) in columns {
        for (position, (_, articles)) in values.iter().enumerate() {
            for &article in articles {
                let slot = &mut authors[article as usize];
                *slot = (*slot).min(position as u32);
            }
        }
    }
    authors
}
