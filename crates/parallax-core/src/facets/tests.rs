//! Facet tests: extraction from the seed pack, AND/OR filtering and disjunctive counts.

use expect_test::{expect, Expect};

use super::{facet_row, Bitset, Facet, FacetIndex, FacetRow, Filters};
use crate::pack::{build_article, ManifestArticle, PackArticle};

/// Title, date, author, topics and cues of one sample article.
type Sample = (
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Eight small articles with every facet, to count by hand against.
fn sample_rows() -> Vec<FacetRow> {
    let specs: [Sample; 8] = [
        (
            "Alpha",
            Some("2021-12-24"),
            "Ann Lee",
            &["NATO", "Budget"],
            &["Hedge"],
        ),
        ("beta", Some("2021-06"), "Ann Lee", &["NATO"], &[]),
        (
            "Gamma",
            Some("2024-01-02"),
            "No byline",
            &["Budget"],
            &["Hedge", "Scare quotes"],
        ),
        ("delta", None, "No byline", &["NATO"], &["Scare quotes"]),
        ("Épsilon", Some("2024-03-01"), "Bo Kim", &[], &["Hedge"]),
        ("zeta", Some("2019"), "Bo Kim", &["Migration"], &[]),
        ("Eta", None, "Ann Lee", &["Budget", "Migration"], &[]),
        (
            "theta",
            Some("2024-12-31"),
            "No byline",
            &["NATO"],
            &["Hedge"],
        ),
    ];
    specs
        .iter()
        .map(|(title, date, author, topics, cues)| {
            let mut row = FacetRow::new(title, date.map(str::to_owned));
            row.push(Facet::Author, author);
            row.push_all(Facet::Topic, topics.iter().copied());
            row.push_all(Facet::Cue, cues.iter().copied());
            row.finish()
        })
        .collect()
}

fn filters(pairs: &[(Facet, &str)]) -> Filters {
    let mut filters = Filters::new();
    for (facet, value) in pairs {
        filters.entry(*facet).or_default().insert(value.to_string());
    }
    filters
}

/// Renders the matching articles' titles, then every facet with values: "value (count)", ticked ones
/// with a "✓", and the count without this facet's filter.
fn render(
    index: &FacetIndex,
    rows: &[FacetRow],
    filters: &Filters,
    within: Option<&Bitset>,
) -> String {
    let faceted = index.filter(filters, within);
    let titles: Vec<&str> = faceted
        .matching
        .iter()
        .map(|idx| rows[idx].title.as_str())
        .collect();
    let mut out = format!("matching: {}\n", titles.join(", "));
    for counts in &faceted.counts {
        if counts.values.is_empty() {
            continue;
        }
        let values: Vec<String> = counts
            .values
            .iter()
            .map(|value| {
                format!(
                    "{}{} ({})",
                    if value.selected { "✓" } else { "" },
                    value.value,
                    value.count
                )
            })
            .collect();
        out.push_str(&format!(
            "{} [{}]: {}\n",
            counts.facet.label(),
            counts.matching_without_this_facet,
            values.join(", ")
        ));
    }
    out
}

fn check_counts(pairs: &[(Facet, &str)], expect: Expect) {
    let rows = sample_rows();
    let index = FacetIndex::build(&rows);
    expect.assert_eq(&render(&index, &rows, &filters(pairs), None));
}

#[test]
fn no_filter_counts_everything() {
    check_counts(
        &[],
        expect![[r#"
        matching: Alpha, beta, Gamma, delta, Épsilon, zeta, Eta, theta
        Topic [8]: NATO (4), Budget (3), Migration (2)
        Author [8]: Ann Lee (3), Bo Kim (2), No byline (3)
        Cue [8]: Hedge (4), Scare quotes (2)
        Date [8]: 2024 (3), 2021 (2), 2019 (1), Undated (2)
    "#]],
    );
}

#[test]
fn values_of_one_facet_are_ored_and_keep_their_counts() {
    check_counts(
        &[(Facet::Author, "Ann Lee")],
        expect![[r#"
        matching: Alpha, beta, Eta
        Topic [3]: NATO (2), Budget (2), Migration (1)
        Author [8]: ✓Ann Lee (3), Bo Kim (2), No byline (3)
        Cue [3]: Hedge (1), Scare quotes (0)
        Date [3]: 2024 (0), 2021 (2), 2019 (0), Undated (1)
    "#]],
    );
    check_counts(
        &[(Facet::Author, "Ann Lee"), (Facet::Author, "Bo Kim")],
        expect![[r#"
        matching: Alpha, beta, Épsilon, zeta, Eta
        Topic [5]: NATO (2), Budget (2), Migration (2)
        Author [8]: ✓Ann Lee (3), ✓Bo Kim (2), No byline (3)
        Cue [5]: Hedge (2), Scare quotes (0)
        Date [5]: 2024 (1), 2021 (2), 2019 (1), Undated (1)
    "#]],
    );
}

#[test]
fn facets_are_anded_and_count_given_the_others() {
    check_counts(
        &[(Facet::Topic, "NATO"), (Facet::Cue, "Hedge")],
        expect![[r#"
        matching: Alpha, theta
        Topic [4]: ✓NATO (2), Budget (2), Migration (0)
        Author [2]: Ann Lee (1), Bo Kim (0), No byline (1)
        Cue [4]: ✓Hedge (2), Scare quotes (1)
        Date [2]: 2024 (1), 2021 (1), 2019 (0), Undated (0)
    "#]],
    );
    check_counts(
        &[
            (Facet::Topic, "NATO"),
            (Facet::Topic, "Budget"),
            (Facet::Date, "2024"),
            (Facet::Author, "No byline"),
        ],
        expect![[r#"
            matching: Gamma, theta
            Topic [2]: ✓NATO (1), ✓Budget (1), Migration (0)
            Author [2]: Ann Lee (0), Bo Kim (0), ✓No byline (2)
            Cue [2]: Hedge (2), Scare quotes (1)
            Date [3]: ✓2024 (2), 2021 (0), 2019 (0), Undated (1)
        "#]],
    );
}

#[test]
fn an_unknown_selected_value_matches_nothing_but_stays_listed() {
    check_counts(
        &[(Facet::Author, "Nobody"), (Facet::Date, "2021")],
        expect![[r#"
        matching: 
        Topic [0]: NATO (0), Budget (0), Migration (0)
        Author [2]: Ann Lee (2), Bo Kim (0), No byline (0), ✓Nobody (0)
        Cue [0]: Hedge (0), Scare quotes (0)
        Date [0]: 2024 (0), ✓2021 (0), 2019 (0), Undated (0)
    "#]],
    );
}

#[test]
fn filtering_inside_search_hits() {
    let rows = sample_rows();
    let index = FacetIndex::build(&rows);
    let hits = Bitset::from_indices(rows.len(), [0, 2, 3, 6]);
    expect![[r#"
        matching: Alpha, Gamma, Eta
        Topic [4]: NATO (2), ✓Budget (3), Migration (1)
        Author [3]: Ann Lee (2), Bo Kim (0), No byline (1)
        Cue [3]: Hedge (2), Scare quotes (1)
        Date [3]: 2024 (1), 2021 (1), 2019 (0), Undated (1)
    "#]]
    .assert_eq(&render(
        &index,
        &rows,
        &filters(&[(Facet::Topic, "Budget")]),
        Some(&hits),
    ));
}

#[test]
fn sort_orders() {
    let rows = sample_rows();
    let index = FacetIndex::build(&rows);
    let titles = |order: &[u32]| {
        order
            .iter()
            .map(|&idx| rows[idx as usize].title.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    expect![[r#"
        by date: theta, Épsilon, Gamma, Alpha, beta, zeta, delta, Eta
        by title: Alpha, beta, delta, Épsilon, Eta, Gamma, theta, zeta"#]]
    .assert_eq(&format!(
        "by date: {}\nby title: {}",
        titles(index.by_date()),
        titles(index.by_title())
    ));
}

/// The seed pack's articles with their curated metadata, as the manifest gives it.
pub(crate) fn seed_articles() -> Vec<PackArticle> {
    let seeds: [(&str, &str, &str); 5] = [
        (
            r#"{"slug": "fracturing-core-values", "file": "000", "title": "The Fracturing of NATO’s Core Values", "author": "No byline", "printed_date": "Sunday, January 11, 2026"}"#,
            include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
            "000",
        ),
        (
            r#"{"slug": "putin-statement-on-nato", "file": "001", "title": "Putin’s statement on NATO", "title_curated": true, "byline": "by Martin Haffner Associate Editor", "author": "Martin Haffner"}"#,
            include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
            "001",
        ),
        (
            r#"{"slug": "denial-sphere-of-influence", "file": "002", "title": "NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'", "author": "No byline", "printed_date": "Friday, December 24, 2021"}"#,
            include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
            "002",
        ),
        (
            r#"{"slug": "support-for-democracy", "file": "003", "title": "NATO’s support for democracy and stability", "title_curated": true, "author": "No byline"}"#,
            include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
            "003",
        ),
        (
            r#"{"slug": "behind-closed-doors", "file": "004", "title": "Behind Closed Doors", "author": "No byline"}"#,
            include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
            "004",
        ),
    ];
    seeds
        .iter()
        .map(|(entry, raw, _)| {
            let entry: ManifestArticle = serde_json::from_str(entry).expect("test manifest entry");
            build_article(&entry, raw)
        })
        .collect()
}

#[test]
fn seed_pack_authors_and_dates() {
    let articles = seed_articles();
    let rows: Vec<FacetRow> = articles.iter().map(facet_row).collect();
    let index = FacetIndex::build(&rows);
    let mut out = String::new();
    for (article, row) in articles.iter().zip(&rows) {
        let author: Vec<&str> = row.values_of(Facet::Author).collect();
        let date: Vec<&str> = row.values_of(Facet::Date).collect();
        out.push_str(&format!(
            "{}: author {author:?}, date {date:?}\n",
            article.slug
        ));
    }
    for author in ["Martin Haffner", "No byline"] {
        let faceted = index.filter(&filters(&[(Facet::Author, author)]), None);
        let slugs: Vec<&str> = faceted
            .matching
            .iter()
            .map(|idx| articles[idx].slug.as_str())
            .collect();
        out.push_str(&format!("{author} → {}\n", slugs.join(", ")));
    }
    expect![[r#"
        fracturing-core-values: author ["No byline"], date ["2026"]
        putin-statement-on-nato: author ["Martin Haffner"], date ["Undated"]
        denial-sphere-of-influence: author ["No byline"], date ["2021"]
        support-for-democracy: author ["No byline"], date ["Undated"]
        behind-closed-doors: author ["No byline"], date ["Undated"]
        Martin Haffner → putin-statement-on-nato
        No byline → fracturing-core-values, denial-sphere-of-influence, support-for-democracy, behind-closed-doors
    "#]].assert_eq(&out);
}

/// Counts by brute force what [`FacetIndex::filter`] computes with bitsets, on a synthetic
/// collection big enough that rare values are stored as lists and common ones as bitsets.
#[test]
fn counts_agree_with_counting_article_by_article() {
    let synth = crate::synth::corpus(3, 700);
    let rows = &synth.rows;
    let index = FacetIndex::build(rows);
    let hits = Bitset::from_indices(rows.len(), (0..rows.len()).filter(|idx| idx % 3 != 0));
    let cases: Vec<Filters> = vec![
        filters(&[]),
        filters(&[(Facet::Topic, "Ukraine"), (Facet::Topic, "Energy")]),
        filters(&[
            (Facet::Author, "No byline"),
            (Facet::Cue, "Doubt"),
            (Facet::Date, "2020"),
        ]),
        filters(&[
            (Facet::Voices, "NATO"),
            (Facet::Frame, "Economic"),
            (Facet::Integrity, "Check this expert"),
        ]),
    ];
    let has = |row: &FacetRow, facet: Facet, value: &str| row.values_of(facet).any(|v| v == value);
    let passes = |row: &FacetRow, filters: &Filters, except: Option<Facet>| {
        filters
            .iter()
            .filter(|(facet, _)| Some(**facet) != except)
            .all(|(facet, values)| values.iter().any(|value| has(row, *facet, value)))
    };
    for case in &cases {
        for within in [None, Some(&hits)] {
            let faceted = index.filter(case, within);
            let inside = |idx: usize| within.is_none_or(|hits| hits.contains(idx));
            let expected: Vec<usize> = (0..rows.len())
                .filter(|&idx| inside(idx) && passes(&rows[idx], case, None))
                .collect();
            assert_eq!(faceted.matching.iter().collect::<Vec<_>>(), expected);
            for counts in &faceted.counts {
                for value in &counts.values {
                    let expected = (0..rows.len())
                        .filter(|&idx| inside(idx) && passes(&rows[idx], case, Some(counts.facet)))
                        .filter(|&idx| has(&rows[idx], counts.facet, &value.value))
                        .count();
                    assert_eq!(
                        value.count as usize, expected,
                        "{:?} {:?} in {case:?}",
                        counts.facet, value.value
                    );
                }
            }
        }
    }
    // The collection really does exercise both representations.
    let column = &index.columns[Facet::Voices as usize];
    assert!(column
        .sets
        .iter()
        .any(|set| matches!(set, super::ValueSet::Sparse(_))));
    assert!(column
        .sets
        .iter()
        .any(|set| matches!(set, super::ValueSet::Dense(_))));
}

#[test]
fn a_serialized_facet_index_is_checked() {
    let rows = sample_rows();
    let index = FacetIndex::build(&rows);
    let json = serde_json::to_string(&index).expect("serialize");
    let loaded: FacetIndex = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(loaded.check(), Ok(()));
    assert_eq!(loaded, index);
    let mut damaged = loaded;
    damaged.by_title.push(42);
    expect!["a sort order does not cover the articles"]
        .assert_eq(&damaged.check().expect_err("damaged index"));
}

#[test]
fn curated_topics_show_as_taxonomy_labels_merged_with_detected_ones() {
    let mut article = seed_articles().swap_remove(4);
    let detected: Vec<String> = article
        .analysis
        .topics
        .iter()
        .map(|t| t.label.clone())
        .collect();
    article.topics_curated = vec![
        "defence_security".to_string(),
        "not_in_taxonomy".to_string(),
    ];
    let row = facet_row(&article);
    let topics: Vec<&str> = row.values_of(Facet::Topic).collect();
    assert!(
        topics.contains(&"Defence & security"),
        "curated id shown by its label: {topics:?}"
    );
    assert!(
        !topics.contains(&"defence_security"),
        "no raw id beside the label: {topics:?}"
    );
    assert!(
        topics.contains(&"not_in_taxonomy"),
        "an unknown id stays visible: {topics:?}"
    );
    let n_labels = topics
        .iter()
        .filter(|t| **t == "Defence & security")
        .count();
    assert_eq!(
        n_labels, 1,
        "detected {detected:?} and curated make one value"
    );
}
