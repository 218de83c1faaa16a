//! The explorer's state (search text, filters, sort, open article, highlight layers), its URL form, and running it.
//!
//! # Using it
//!
//! - [`ExploreQuery`] is the whole state of the list view; it is what the URL holds, so a copied
//!   link reproduces the view. [`ExploreQuery::from_query_string`] reads `location.hash` (with or
//!   without `#/?`) and never fails: unknown parameters are ignored, malformed escapes are kept as
//!   text. [`ExploreQuery::to_fragment`] writes the canonical `#/?…` form, e.g.
//!   `#/?q=spheres+of+influence&author=Martin+Haffner,No+byline&sort=date`. Lists are
//!   comma-separated; commas, ampersands and everything else outside `A-Z a-z 0-9 - _ . ~` inside a
//!   value are percent-encoded (UTF-8), spaces as `+`.
//! - The verbs [`ExploreQuery::toggle`], [`ExploreQuery::clear_filters`] and friends are what a
//!   reducer's actions call.
//! - [`Explorer`] holds the search and facet indexes of one collection; [`Explorer::run`] turns an
//!   `ExploreQuery` into [`ExploreResults`]: the rows to show in order, the facet counts, and, when
//!   nothing matches, which filter to loosen. Make snippets for visible rows only, with
//!   [`crate::search::snippet`] and `results.parsed`.

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::facets::{Bitset, Facet, FacetCounts, FacetIndex, Filters};
use crate::pack::Pack;
use crate::search::{ParsedQuery, SearchIndex};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best search match first; without search text, the same as [`Sort::Date`].
    #[default]
    Relevance,
    /// Newest first, undated last.
    Date,
    /// By title, ignoring case and accents.
    Title,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Date, Sort::Title];

    pub fn param(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Title => "title",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Relevance",
            Sort::Date => "Date",
            Sort::Title => "Title",
        }
    }

    pub fn from_param(param: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.param() == param)
    }
}

/// Everything the list view shows, as the URL carries it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ExploreQuery {
    /// The search box, exactly as typed.
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
    /// The slug of the article open in the reader, if any.
    pub open: Option<String>,
    /// Active highlight layers of the reader, in the order they were turned on.
    pub layers: Vec<String>,
    /// Which page of results is shown, counted from 0 (the URL's `page` counts from 1). Any other
    /// change to the view (search text, a filter, the sort) starts again at the first page.
    #[serde(default)]
    pub page: u32,
}

const TEXT_PARAM: &str = "q";
const SORT_PARAM: &str = "sort";
const OPEN_PARAM: &str = "open";
const LAYERS_PARAM: &str = "layers";
const PAGE_PARAM: &str = "page";

impl ExploreQuery {
    /// Reads a query string, a `#/?…` fragment or a whole hash route (`#/read/x?…`).
    pub fn from_query_string(input: &str) -> ExploreQuery {
        let query = match input.split_once('?') {
            Some((_, query)) => query,
            None => {
                let rest = input.strip_prefix('#').unwrap_or(input);
                // A bare route such as "#/" or "#/read/x" has no parameters.
                if rest.starts_with('/') {
                    ""
                } else {
                    rest
                }
            }
        };
        let mut state = ExploreQuery::default();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key);
            let list = || {
                value
                    .split(',')
                    .map(decode)
                    .filter(|item| !item.trim().is_empty())
            };
            match key.as_str() {
                TEXT_PARAM => state.text = decode(value),
                SORT_PARAM => state.sort = Sort::from_param(&decode(value)).unwrap_or_default(),
                OPEN_PARAM => state.open = Some(decode(value)).filter(|slug| !slug.is_empty()),
                // Page numbers count from 1; 0, garbage or an overflow mean the first page (the
                // list clamps a number past its last page).
                PAGE_PARAM => {
                    state.page = decode(value)
                        .trim()
                        .parse::<u32>()
                        .map_or(0, |page| page.saturating_sub(1))
                }
                LAYERS_PARAM => {
                    for layer in list() {
                        if !state.layers.contains(&layer) {
                            state.layers.push(layer);
                        }
                    }
                }
                other => {
                    if let Some(facet) = Facet::from_param(other) {
                        state.filters.entry(facet).or_default().extend(list());
                    }
                }
            }
        }
        state.filters.retain(|_, values| !values.is_empty());
        state
    }

    /// The canonical query string (no leading `?`): text, facets in panel order, sort, page, open
    /// article, layers; defaults and empty values left out, so one view has one URL.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if !self.text.is_empty() {
            pairs.push(format!("{TEXT_PARAM}={}", encode(&self.text)));
        }
        for (facet, values) in &self.filters {
            if !values.is_empty() {
                pairs.push(format!("{}={}", facet.param(), encode_list(values.iter())));
            }
        }
        if self.sort != Sort::default() {
            pairs.push(format!("{SORT_PARAM}={}", self.sort.param()));
        }
        if self.page > 0 {
            pairs.push(format!("{PAGE_PARAM}={}", u64::from(self.page) + 1));
        }
        if let Some(open) = &self.open {
            pairs.push(format!("{OPEN_PARAM}={}", encode(open)));
        }
        if !self.layers.is_empty() {
            pairs.push(format!(
                "{LAYERS_PARAM}={}",
                encode_list(self.layers.iter())
            ));
        }
        pairs.join("&")
    }

    /// The list route's hash: `#/` alone for the default view, else `#/?<query string>`.
    pub fn to_fragment(&self) -> String {
        let query = self.to_query_string();
        if query.is_empty() {
            "#/".to_owned()
        } else {
            format!("#/?{query}")
        }
    }

    /// Replaces the search text; the results start again at their first page.
    pub fn set_text(&mut self, text: String) {
        self.text = text;
        self.page = 0;
    }

    /// Changes the order of the results; they start again at their first page.
    pub fn set_sort(&mut self, sort: Sort) {
        self.sort = sort;
        self.page = 0;
    }

    /// Ticks `value` of `facet`, or unticks it when it was ticked; back to the first page.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        self.page = 0;
        let values = self.filters.entry(facet).or_default();
        if !values.remove(value) {
            values.insert(value.to_owned());
        }
        if values.is_empty() {
            self.filters.remove(&facet);
        }
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.filters
            .get(&facet)
            .is_some_and(|values| values.contains(value))
    }

    /// How many constraints narrow the view: each ticked value, and the search text if any (what
    /// "Clear all" would drop).
    pub fn n_active(&self) -> usize {
        self.filters
            .values()
            .map(|values| values.len())
            .sum::<usize>()
            + usize::from(!self.text.trim().is_empty())
    }

    /// "Clear all": drops every filter and the search text, keeping sort, open article and layers.
    pub fn clear_filters(&mut self) {
        self.filters.clear();
        self.text.clear();
        self.page = 0;
    }

    pub fn clear_facet(&mut self, facet: Facet) {
        self.filters.remove(&facet);
        self.page = 0;
    }

    /// Turns a highlight layer on, or off when it was on.
    pub fn toggle_layer(&mut self, layer: &str) {
        match self.layers.iter().position(|active| active == layer) {
            Some(idx) => {
                self.layers.remove(idx);
            }
            None => self.layers.push(layer.to_owned()),
        }
    }
}

fn encode_list<'v>(values: impl Iterator<Item = &'v String>) -> String {
    values
        .map(|value| encode(value))
        .collect::<Vec<_>>()
        .join(",")
}

/// Form-style percent-encoding: unreserved characters stay, a space becomes `+`, every other
/// byte (including `,`, `&`, `+`, `%` and all of UTF-8 beyond ASCII) becomes `%XX`.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(byte >> 4) as usize] as char);
                out.push(HEX[(byte & 0xF) as usize] as char);
            }
        }
    }
    out
}

/// Undoes [`encode`] (and `%20` for a space). A `%` not followed by two hex digits stays as it
/// is, and bytes that are not UTF-8 become U+FFFD, so any input decodes to something.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut idx = 0;
    while idx < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&byte| (byte as char).to_digit(16));
        match bytes[idx] {
            b'%' => {
                if let (Some(high), Some(low)) = (hex(idx + 1), hex(idx + 2)) {
                    out.push((high * 16 + low) as u8);
                    idx += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        idx += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The search and facet indexes of one collection, ready to answer [`ExploreQuery`]s.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explorer {
    pub search: SearchIndex,
    pub facets: FacetIndex,
}

/// One row of the result list.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    /// The article's position in the collection (the pack's `articles`).
    pub article_idx: u32,
    /// The search score, when there was search text.
    pub score: Option<f32>,
}

/// A constraint that, dropped alone, would bring results back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Loosen {
    /// Clearing the search text would show `matching` articles.
    Search { matching: u32 },
    /// Clearing this facet's filter would show `matching` articles.
    Facet { facet: Facet, matching: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExploreResults {
    /// Matching articles in display order (all of them: the list virtualises).
    pub rows: Vec<ResultRow>,
    /// The number of articles in the collection ("Showing N of M articles" is `rows.len()` of this).
    pub n_total: usize,
    /// One per facet, in [`Facet::ALL`] order.
    pub counts: Vec<FacetCounts>,
    /// The parsed search text, for snippets and highlights of the visible rows.
    pub parsed: ParsedQuery,
    /// Empty unless `rows` is: then the constraints that would each bring results back, the
    /// most rewarding first.
    pub loosen: Vec<Loosen>,
}

impl Explorer {
    pub fn new(search: SearchIndex, facets: FacetIndex) -> Explorer {
        Explorer { search, facets }
    }

    pub fn from_pack(pack: &Pack) -> Explorer {
        Explorer::new(SearchIndex::from_pack(pack), FacetIndex::from_pack(pack))
    }

    pub fn run(&self, query: &ExploreQuery) -> ExploreResults {
        let parsed = ParsedQuery::parse(&query.text);
        let n_total = self.facets.n_articles();
        let searched = !parsed.is_empty();
        let hits = if searched {
            self.search.search(&parsed)
        } else {
            Vec::new()
        };
        let within = searched.then(|| {
            Bitset::from_indices(n_total, hits.iter().map(|hit| hit.article_idx as usize))
        });
        let faceted = self.facets.filter(&query.filters, within.as_ref());
        let rows: Vec<ResultRow> = match (query.sort, searched) {
            (Sort::Relevance, true) => hits
                .iter()
                .filter(|hit| faceted.matching.contains(hit.article_idx as usize))
                .map(|hit| ResultRow {
                    article_idx: hit.article_idx,
                    score: Some(hit.score),
                })
                .collect(),
            (sort, _) => {
                let order = if sort == Sort::Title {
                    self.facets.by_title()
                } else {
                    self.facets.by_date()
                };
                let mut scores: Vec<Option<f32>> = vec![None; if searched { n_total } else { 0 }];
                for hit in &hits {
                    if let Some(score) = scores.get_mut(hit.article_idx as usize) {
                        *score = Some(hit.score);
                    }
                }
                order
                    .iter()
                    .filter(|&&article_idx| faceted.matching.contains(article_idx as usize))
                    .map(|&article_idx| ResultRow {
                        article_idx,
                        score: scores.get(article_idx as usize).copied().flatten(),
                    })
                    .collect()
            }
        };
        let loosen = if rows.is_empty() {
            self.loosen(query, searched, &faceted.counts)
        } else {
            Vec::new()
        };
        ExploreResults {
            rows,
            n_total,
            counts: faceted.counts,
            parsed,
            loosen,
        }
    }

    fn loosen(&self, query: &ExploreQuery, searched: bool, counts: &[FacetCounts]) -> Vec<Loosen> {
        let mut loosen: Vec<Loosen> = counts
            .iter()
            .filter(|counts| {
                query
                    .filters
                    .get(&counts.facet)
                    .is_some_and(|values| !values.is_empty())
            })
            .filter(|counts| counts.matching_without_this_facet > 0)
            .map(|counts| Loosen::Facet {
                facet: counts.facet,
                matching: counts.matching_without_this_facet,
            })
            .collect();
        if searched {
            let matching = self.facets.filter(&query.filters, None).matching.count();
            if matching > 0 {
                loosen.push(Loosen::Search { matching });
            }
        }
        let matching = |loosen: &Loosen| match loosen {
            Loosen::Search { matching } | Loosen::Facet { matching, .. } => *matching,
        };
        crate::sort::sort_by_key(&mut loosen, |item| std::cmp::Reverse(matching(item)));
        loosen
    }
}
