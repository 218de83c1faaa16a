//! Facets: each article's filter values, bitsets per value, AND/OR filtering and disjunctive counts.
//!
//! # Using it
//!
//! - [`facet_row`] turns one [`PackArticle`] into a [`FacetRow`]: its title and date sort keys and
//!   its `(Facet, value)` pairs. Synthetic corpora build `FacetRow`s directly.
//! - [`FacetIndex::build`] (or [`FacetIndex::from_pack`]) turns the rows into one bitset per value.
//! - [`FacetIndex::filter`] applies [`Filters`] — AND across facets, OR within one — optionally
//!   inside a set of articles (the search hits), and returns the matching articles plus, for every
//!   facet, each value's count *given the other facets' filters* (so ticking a second author shows
//!   how many articles that adds, not zero). Each facet also says how many articles would match
//!   without its own filter, which lets an empty state name the filter to loosen.
//! - [`FacetIndex::by_date`] and [`FacetIndex::by_title`] are the precomputed sort orders.
//!
//! Values are listed in a fixed order that does not change as counts change, so checkboxes never
//! jump under the pointer: authors alphabetically, dates newest first, everything else by how many
//! articles of the whole collection have it. "No byline" and "Undated" come last.

mod bitset;
mod parts;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

pub use bitset::Bitset;
pub use parts::ValueLists;

use crate::frames::Frame;
use crate::integrity::SignalKind;
use crate::pack::{Pack, PackArticle, NO_BYLINE};

/// The value of the Date facet for an article with no known date.
pub const UNDATED: &str = "Undated";

/// A dimension the explorer filters by. The order here is the order of the filter panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    Topic,
    Author,
    Voices,
    Frame,
    Cue,
    Date,
    Integrity,
}

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::Topic,
        Facet::Author,
        Facet::Voices,
        Facet::Frame,
        Facet::Cue,
        Facet::Date,
        Facet::Integrity,
    ];

    /// The group's accessible name in the filter panel.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Topic => "Topic",
            Facet::Author => "Author",
            Facet::Voices => "Voices",
            Facet::Frame => "Frame",
            Facet::Cue => "Cue",
            Facet::Date => "Date",
            Facet::Integrity => "Integrity",
        }
    }

    /// The key of this facet in the URL's query string.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Topic => "topic",
            Facet::Author => "author",
            Facet::Voices => "voice",
            Facet::Frame => "frame",
            Facet::Cue => "cue",
            Facet::Date => "date",
            Facet::Integrity => "integrity",
        }
    }

    pub fn from_param(param: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.param() == param)
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// Selected values per facet. An absent facet or an empty set does not filter.
pub type Filters = BTreeMap<Facet, BTreeSet<String>>;

/// What the explorer knows about one article: sort keys and facet values.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FacetRow {
    pub title: String,
    /// ISO 8601 date or as much of it as is known ("2021-12-24", "2021-12"); `None` when undated.
    pub date: Option<String>,
    /// Sorted, without duplicates.
    pub values: Vec<(Facet, String)>,
}

impl FacetRow {
    /// A row whose Date value follows from `date`.
    pub fn new(title: &str, date: Option<String>) -> FacetRow {
        let year = date
            .as_deref()
            .and_then(|date| date.get(..4))
            .filter(|year| year.bytes().all(|byte| byte.is_ascii_digit()));
        let mut row = FacetRow {
            title: title.to_owned(),
            date: date.clone(),
            values: Vec::new(),
        };
        row.push(Facet::Date, year.unwrap_or(UNDATED));
        row
    }

    /// Adds a value; blank values are skipped, so a missing name never becomes a checkbox.
    pub fn push(&mut self, facet: Facet, value: &str) {
        let value = value.trim();
        if !value.is_empty() {
            self.values.push((facet, value.to_owned()));
        }
    }

    pub fn push_all<'v>(&mut self, facet: Facet, values: impl IntoIterator<Item = &'v str>) {
        for value in values {
            self.push(facet, value);
        }
    }

    /// Sorts the values and drops duplicates, as [`FacetRow::values`] promises.
    pub fn finish(mut self) -> FacetRow {
        crate::sort::sort(&mut self.values);
        self.values.dedup();
        self
    }

    /// The values this row has for `facet`.
    pub fn values_of(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.values
            .iter()
            .filter(move |(f, _)| *f == facet)
            .map(|(_, value)| value.as_str())
    }
}

/// The explorer's view of one pack article. Adding a facet source is one line here.
pub fn facet_row(article: &PackArticle) -> FacetRow {
    let analysis = &article.analysis;
    let mut row = FacetRow::new(&article.title, article_date(article));
    row.push_all(
        Facet::Topic,
        analysis.topics.iter().map(|topic| topic.label.as_str()),
    );
    // Curated topics are taxonomy ids; the facet shows labels, so a topic both detected and curated
    // is one value, not two.
    row.push_all(
        Facet::Topic,
        article
            .topics_curated
            .iter()
            .map(|id| crate::topics::label(id).unwrap_or(id.as_str())),
    );
    row.push(
        Facet::Author,
        if article.author.trim().is_empty() {
            NO_BYLINE
        } else {
            &article.author
        },
    );
    row.push_all(
        Facet::Voices,
        analysis.voices.iter().map(|voice| voice.name.as_str()),
    );
    row.push_all(Facet::Frame, article_frames(article).map(Frame::label));
    row.push_all(Facet::Cue, analysis.cues.iter().map(|cue| cue.kind.label()));
    row.push_all(
        Facet::Integrity,
        integrity_signals(article).map(SignalKind::label),
    );
    row.finish()
}

/// The integrity signals worth filtering by. "Earliest possible date" is left out: nearly every
/// article has one, so as a filter it would select everything.
fn integrity_signals(article: &PackArticle) -> impl Iterator<Item = SignalKind> + '_ {
    let signals = &article.analysis.integrity;
    signals
        .iter()
        .map(|signal| signal.kind)
        .filter(|&kind| kind != SignalKind::EarliestDate)
}

/// The frames that lead at least one paragraph; "Other" says nothing about framing, so it is left out.
fn article_frames(article: &PackArticle) -> impl Iterator<Item = Frame> + '_ {
    let frames = &article.analysis.frames;
    frames
        .article
        .iter()
        .filter(|score| score.dominant_in > 0 && score.frame != Frame::Other)
        .map(|score| score.frame)
}

/// The printed date as detected, else the curated printed date parsed.
fn article_date(article: &PackArticle) -> Option<String> {
    let metadata = &article.analysis.metadata;
    metadata.date_iso.clone().or_else(|| {
        let printed = article.printed_date.as_deref()?;
        crate::meta::parse_date(printed)?.iso
    })
}

/// The articles having one value, stored as a bitset when common and as a sorted list when rare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum ValueSet {
    Dense(Bitset),
    Sparse(Vec<u32>),
}

impl ValueSet {
    fn new(articles: Vec<u32>, n_articles: usize) -> ValueSet {
        // A list costs 32 bits per article, a bitset one bit per article of the collection.
        if articles.len() * 32 >= n_articles {
            let mut bits = Bitset::empty(n_articles);
            for article in articles {
                bits.insert(article as usize);
            }
            ValueSet::Dense(bits)
        } else {
            ValueSet::Sparse(articles)
        }
    }

    fn count_in(&self, within: &Bitset) -> u32 {
        match self {
            ValueSet::Dense(bits) => bits.count_and(within),
            ValueSet::Sparse(articles) => articles
                .iter()
                .filter(|&&article| within.contains(article as usize))
                .count() as u32,
        }
    }

    fn len(&self) -> u32 {
        match self {
            ValueSet::Dense(bits) => bits.count(),
            ValueSet::Sparse(articles) => articles.len() as u32,
        }
    }

    fn add_to(&self, target: &mut Bitset) {
        match self {
            ValueSet::Dense(bits) => target.union_with(bits),
            ValueSet::Sparse(articles) => {
                for &article in articles {
                    target.insert(article as usize);
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct FacetColumn {
    facet: Facet,
    /// In display order.
    values: Vec<String>,
    sets: Vec<ValueSet>,
}

/// Every facet value's articles, plus the sort orders. Built once per collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetIndex {
    n_articles: usize,
    /// One per facet, in [`Facet::ALL`] order.
    columns: Vec<FacetColumn>,
    /// Newest first; undated articles last, in collection order.
    by_date: Vec<u32>,
    /// By title, ignoring case and accents.
    by_title: Vec<u32>,
}

/// The outcome of [`FacetIndex::filter`].
#[derive(Debug, Clone, PartialEq)]
pub struct Faceted {
    /// Articles passing every filter (and inside `within`).
    pub matching: Bitset,
    /// One per facet, in [`Facet::ALL`] order.
    pub counts: Vec<FacetCounts>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<ValueCount>,
    /// How many articles would match if this facet's filter were cleared (the others kept).
    pub matching_without_this_facet: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCount {
    pub value: String,
    /// Articles that would match with this value ticked, given the other facets' filters; for a
    /// ticked value, the articles it contributes.
    pub count: u32,
    pub selected: bool,
}

impl FacetIndex {
    pub fn build(rows: &[FacetRow]) -> FacetIndex {
        let n_articles = rows.len();
        let mut per_value: BTreeMap<(Facet, &str), Vec<u32>> = BTreeMap::new();
        for (article, row) in rows.iter().enumerate() {
            for (facet, value) in &row.values {
                per_value
                    .entry((*facet, value.as_str()))
                    .or_default()
                    .push(article as u32);
            }
        }
        let mut columns: Vec<FacetColumn> = Facet::ALL
            .iter()
            .map(|&facet| FacetColumn {
                facet,
                values: Vec::new(),
                sets: Vec::new(),
            })
            .collect();
        let mut grouped: HashMap<Facet, Vec<(&str, Vec<u32>)>> = HashMap::new();
        for ((facet, value), mut articles) in per_value {
            articles.dedup();
            grouped.entry(facet).or_default().push((value, articles));
        }
        for column in &mut columns {
            let mut values = grouped.remove(&column.facet).unwrap_or_default();
            sort_for_display(column.facet, &mut values);
            for (value, articles) in values {
                column.values.push(value.to_owned());
                column.sets.push(ValueSet::new(articles, n_articles));
            }
        }
        let mut by_date: Vec<u32> = (0..n_articles as u32).collect();
        // Newest first; `None` sorts before `Some`, so reversing the key puts undated last.
        crate::sort::sort_by(&mut by_date, |&a, &b| {
            rows[b as usize]
                .date
                .cmp(&rows[a as usize].date)
                .then(a.cmp(&b))
        });
        let title_keys: Vec<String> = rows
            .iter()
            .map(|row| crate::search::normalize(row.title.trim()))
            .collect();
        let mut by_title: Vec<u32> = (0..n_articles as u32).collect();
        crate::sort::sort_by(&mut by_title, |&a, &b| {
            title_keys[a as usize]
                .cmp(&title_keys[b as usize])
                .then(a.cmp(&b))
        });
        FacetIndex {
            n_articles,
            columns,
            by_date,
            by_title,
        }
    }

    pub fn from_pack(pack: &Pack) -> FacetIndex {
        let rows: Vec<FacetRow> = pack.articles.iter().map(facet_row).collect();
        FacetIndex::build(&rows)
    }

    pub fn n_articles(&self) -> usize {
        self.n_articles
    }

    /// Checks the invariants [`FacetIndex::filter`] relies on, for an index deserialized from
    /// outside: a damaged one is refused instead of causing a panic.
    pub fn check(&self) -> Result<(), String> {
        let n = self.n_articles;
        if self.columns.len() != Facet::ALL.len()
            || self
                .columns
                .iter()
                .zip(Facet::ALL)
                .any(|(column, facet)| column.facet != facet)
        {
            return Err("facet columns are missing or out of order".into());
        }
        for column in &self.columns {
            if column.values.len() != column.sets.len() {
                return Err(format!(
                    "{} has {} values but {} sets",
                    column.facet.label(),
                    column.values.len(),
                    column.sets.len()
                ));
            }
            let sets_ok = column.sets.iter().all(|set| match set {
                ValueSet::Dense(bits) => bits.len() == n && bits.is_well_formed(),
                ValueSet::Sparse(articles) => {
                    articles.iter().all(|&article| (article as usize) < n)
                }
            });
            if !sets_ok {
                return Err(format!(
                    "{} names articles that do not exist",
                    column.facet.label()
                ));
            }
        }
        for order in [&self.by_date, &self.by_title] {
            if order.len() != n || order.iter().any(|&article| article as usize >= n) {
                return Err("a sort order does not cover the articles".into());
            }
        }
        Ok(())
    }

    /// The values of `facet`, in display order.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.columns[facet.position()].values
    }

    pub fn by_date(&self) -> &[u32] {
        &self.by_date
    }

    pub fn by_title(&self) -> &[u32] {
        &self.by_title
    }

    /// The articles passing `filters` inside `within` (all articles when `None`), with counts.
    ///
    /// A selected value that no article has (say, from an old link) matches nothing and is still
    /// listed, ticked, with a count of zero, so it can be unticked.
    pub fn filter(&self, filters: &Filters, within: Option<&Bitset>) -> Faceted {
        let base = within
            .cloned()
            .unwrap_or_else(|| Bitset::full(self.n_articles));
        // Per facet, the union of its selected values' articles; `None` when it does not filter.
        let masks: Vec<Option<Bitset>> = self
            .columns
            .iter()
            .map(|column| {
                let selected = filters
                    .get(&column.facet)
                    .filter(|values| !values.is_empty())?;
                let mut mask = Bitset::empty(self.n_articles);
                for (value, set) in column.values.iter().zip(&column.sets) {
                    if selected.contains(value) {
                        set.add_to(&mut mask);
                    }
                }
                Some(mask)
            })
            .collect();
        let mut matching = base.clone();
        for mask in masks.iter().flatten() {
            matching.intersect_with(mask);
        }
        let counts = self
            .columns
            .iter()
            .enumerate()
            .map(|(column_idx, column)| {
                // The disjunctive count: every filter but this facet's own.
                let mut others = base.clone();
                for (mask_idx, mask) in masks.iter().enumerate() {
                    if let (true, Some(mask)) = (mask_idx != column_idx, mask) {
                        others.intersect_with(mask);
                    }
                }
                let selected = filters.get(&column.facet);
                let is_selected =
                    |value: &str| selected.is_some_and(|values| values.contains(value));
                let mut values: Vec<ValueCount> = column
                    .values
                    .iter()
                    .zip(&column.sets)
                    .map(|(value, set)| ValueCount {
                        value: value.clone(),
                        count: set.count_in(&others),
                        selected: is_selected(value),
                    })
                    .collect();
                for unknown in selected
                    .into_iter()
                    .flatten()
                    .filter(|value| !column.values.contains(value))
                {
                    values.push(ValueCount {
                        value: unknown.clone(),
                        count: 0,
                        selected: true,
                    });
                }
                FacetCounts {
                    facet: column.facet,
                    values,
                    matching_without_this_facet: others.count(),
                }
            })
            .collect();
        Faceted { matching, counts }
    }

    /// How many articles of the whole collection have `value` for `facet`.
    pub fn total(&self, facet: Facet, value: &str) -> u32 {
        let column = &self.columns[facet.position()];
        column
            .values
            .iter()
            .position(|v| v == value)
            .map_or(0, |idx| column.sets[idx].len())
    }
}

/// Puts one facet's values in their display order (see the module documentation).
fn sort_for_display(facet: Facet, values: &mut [(&str, Vec<u32>)]) {
    let is_none_value = |value: &str| value == NO_BYLINE || value == UNDATED;
    match facet {
        Facet::Author => crate::sort::sort_by(values, |a, b| {
            (is_none_value(a.0), crate::search::normalize(a.0), a.0).cmp(&(
                is_none_value(b.0),
                crate::search::normalize(b.0),
                b.0,
            ))
        }),
        Facet::Date => crate::sort::sort_by(values, |a, b| {
            is_none_value(a.0)
                .cmp(&is_none_value(b.0))
                .then(b.0.cmp(a.0))
        }),
        _ => crate::sort::sort_by(values, |a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0))),
    }
}
