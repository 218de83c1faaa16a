//! A facet index taken apart into value lists and put back together, for formats that store it compactly.
//!
//! [`FacetIndex::value_lists`] gives each facet's values in display order with their articles;
//! [`FacetIndex::from_value_lists`] rebuilds the very index [`FacetIndex::build`] would have made,
//! given the same lists and each article's date and title (the sort orders follow from those, so a
//! file need not carry them).

use super::{Facet, FacetColumn, FacetIndex, ValueSet};

/// One facet's values in display order, each with its articles in increasing order.
pub type ValueLists = Vec<(String, Vec<u32>)>;

impl FacetIndex {
    /// Every facet's values (in [`Facet::ALL`] order, each in display order) with their articles.
    pub fn value_lists(&self) -> Vec<(Facet, ValueLists)> {
        self.columns
            .iter()
            .map(|column| {
                let values = column
                    .values
                    .iter()
                    .zip(&column.sets)
                    .map(|(value, set)| {
                        let articles = match set {
                            ValueSet::Dense(bits) => bits.iter().map(|idx| idx as u32).collect(),
                            ValueSet::Sparse(articles) => articles.clone(),
                        };
                        (value.clone(), articles)
                    })
                    .collect();
                (column.facet, values)
            })
            .collect()
    }

    /// The index of `n_articles` articles whose facet values are `lists` (one entry per facet in
    /// [`Facet::ALL`] order, as [`FacetIndex::value_lists`] gives them) and whose dates and titles
    /// are `date_of(i)` and `title_of(i)`. Refuses lists that name articles out of range or out of
    /// order, so a damaged file cannot make a broken index.
    pub fn from_value_lists<'a>(
        n_articles: usize,
        lists: Vec<(Facet, ValueLists)>,
        date_of: impl Fn(usize) -> Option<&'a str>,
        title_of: impl Fn(usize) -> &'a str,
    ) -> Result<FacetIndex, String> {
        if lists.len() != Facet::ALL.len()
            || lists
                .iter()
                .zip(Facet::ALL)
                .any(|((facet, _), expected)| *facet != expected)
        {
            return Err("facet columns are missing or out of order".into());
        }
        let mut columns = Vec::with_capacity(lists.len());
        for (facet, values) in lists {
            let mut column = FacetColumn {
                facet,
                values: Vec::with_capacity(values.len()),
                sets: Vec::with_capacity(values.len()),
            };
            for (value, articles) in values {
                let increasing = articles.windows(2).all(|pair| pair[0] < pair[1]);
                let in_range = articles
                    .last()
                    .is_none_or(|&last| (last as usize) < n_articles);
                if !increasing || !in_range {
                    return Err(format!(
                        "{} value {value:?} names articles out of order or out of range",
                        facet.label()
                    ));
                }
                column.values.push(value);
                column.sets.push(ValueSet::new(articles, n_articles));
            }
            columns.push(column);
        }
        // The same orders as `FacetIndex::build`: newest first with undated last, and titles
        // ignoring case and accents, ties in collection order.
        let mut by_date: Vec<u32> = (0..n_articles as u32).collect();
        crate::sort::sort_by(&mut by_date, |&a, &b| {
            date_of(b as usize)
                .cmp(&date_of(a as usize))
                .then(a.cmp(&b))
        });
        let title_keys: Vec<String> = (0..n_articles)
            .map(|idx| crate::search::normalize(title_of(idx).trim()))
            .collect();
        let mut by_title: Vec<u32> = (0..n_articles as u32).collect();
        crate::sort::sort_by(&mut by_title, |&a, &b| {
            title_keys[a as usize]
                .cmp(&title_keys[b as usize])
                .then(a.cmp(&b))
        });
        Ok(FacetIndex {
            n_articles,
            columns,
            by_date,
            by_title,
        })
    }
}
