//! Query-state tests: URL round trips and hostile URLs, and running queries on the seed pack.

use expect_test::{expect, Expect};

use super::{ExploreQuery, Explorer, Sort};
use crate::facets::Facet;
use crate::pack::{Pack, PACK_VERSION};

/// Parses `input`, shows the state and its canonical fragment, and checks that the fragment
/// parses back to the same state.
fn check_url(input: &str, expect: Expect) {
    let state = ExploreQuery::from_query_string(input);
    let fragment = state.to_fragment();
    assert_eq!(
        ExploreQuery::from_query_string(&fragment),
        state,
        "round trip of {input:?} via {fragment:?}"
    );
    expect.assert_eq(&format!("{fragment}\n{state:#?}"));
}

#[test]
fn the_example_link() {
    check_url(
        "#/?q=spheres+of+influence&author=Martin+Haffner&topic=NATO+enlargement&sort=date",
        expect![[r##"
            #/?q=spheres+of+influence&topic=NATO+enlargement&author=Martin+Haffner&sort=date
            ExploreQuery {
                text: "spheres of influence",
                filters: {
                    Topic: {
                        "NATO enlargement",
                    },
                    Author: {
                        "Martin Haffner",
                    },
                },
                sort: Date,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
}

#[test]
fn values_with_commas_ampersands_and_unicode_survive() {
    let mut state = ExploreQuery {
        text: "\"spheres of influence\" & 100% + Ünïcode — 日本".into(),
        sort: Sort::Title,
        open: Some("a b/ü".into()),
        layers: vec!["cues".into(), "quotes,anonymous".into()],
        ..ExploreQuery::default()
    };
    state.toggle(Facet::Author, "Smith, John");
    state.toggle(Facet::Author, "No byline");
    state.toggle(Facet::Topic, "Russia–NATO relations");
    state.toggle(Facet::Voices, "a=b&c");
    let fragment = state.to_fragment();
    assert_eq!(ExploreQuery::from_query_string(&fragment), state);
    expect!["#/?q=%22spheres+of+influence%22+%26+100%25+%2B+%C3%9Cn%C3%AFcode+%E2%80%94+%E6%97%A5%E6%9C%AC&topic=Russia%E2%80%93NATO+relations&author=No+byline,Smith%2C+John&voice=a%3Db%26c&sort=title&open=a+b%2F%C3%BC&layers=cues,quotes%2Canonymous"].assert_eq(&fragment);
}

#[test]
fn the_default_view_is_the_bare_route() {
    check_url(
        "",
        expect![[r##"
            #/
            ExploreQuery {
                text: "",
                filters: {},
                sort: Relevance,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
    check_url(
        "#/",
        expect![[r##"
            #/
            ExploreQuery {
                text: "",
                filters: {},
                sort: Relevance,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
    check_url(
        "#/read/some-slug",
        expect![[r##"
            #/
            ExploreQuery {
                text: "",
                filters: {},
                sort: Relevance,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
}

#[test]
fn unknown_and_malformed_parameters_never_fail() {
    check_url(
        "#/?utm_source=x&q=%zz%&sort=sideways&=&&author=,,&cue=%E2%82&date=2021&date=2024,2021&layers=a,,a,b&open=",
        expect![[r##"
            #/?q=%25zz%25&cue=%EF%BF%BD&date=2021,2024&layers=a,b
            ExploreQuery {
                text: "%zz%",
                filters: {
                    Cue: {
                        "�",
                    },
                    Date: {
                        "2021",
                        "2024",
                    },
                },
                sort: Relevance,
                open: None,
                layers: [
                    "a",
                    "b",
                ],
                page: 0,
            }"##]],
    );
    check_url(
        "?q&topic",
        expect![[r##"
            #/
            ExploreQuery {
                text: "",
                filters: {},
                sort: Relevance,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
    check_url(
        "q=%20a%2Cb+c",
        expect![[r##"
            #/?q=+a%2Cb+c
            ExploreQuery {
                text: " a,b c",
                filters: {},
                sort: Relevance,
                open: None,
                layers: [],
                page: 0,
            }"##]],
    );
}

#[test]
fn the_page_counts_from_one_in_the_url_and_any_other_change_starts_again_at_the_first() {
    check_url(
        "#/?q=nato&page=3&sort=title",
        expect![[r##"
            #/?q=nato&sort=title&page=3
            ExploreQuery {
                text: "nato",
                filters: {},
                sort: Title,
                open: None,
                layers: [],
                page: 2,
            }"##]],
    );
    // Page 1 is the default and is left out; nonsense, zero and overflow mean the first page.
    for input in [
        "#/?page=1",
        "#/?page=0",
        "#/?page=-2",
        "#/?page=two",
        "#/?page=99999999999",
    ] {
        assert_eq!(
            ExploreQuery::from_query_string(input).to_fragment(),
            "#/",
            "{input}"
        );
    }
    expect!["#/?page=4294967295"]
        .assert_eq(&ExploreQuery::from_query_string("#/?page=4294967295").to_fragment());
    let on_page = |query: &str| {
        let mut state = ExploreQuery::from_query_string(query);
        assert!(state.page > 0, "{query} is past the first page");
        state.page = 4;
        state
    };
    type Step = (&'static str, fn(&mut ExploreQuery));
    let steps: [Step; 5] = [
        ("a filter", |s| s.toggle(Facet::Author, "No byline")),
        ("a cleared facet", |s| s.clear_facet(Facet::Author)),
        ("Clear all", ExploreQuery::clear_filters),
        ("new search text", |s| s.set_text("putin".into())),
        ("another sort", |s| s.set_sort(Sort::Title)),
    ];
    for (what, step) in steps {
        let mut state = on_page("#/?author=No+byline&page=5");
        step(&mut state);
        assert_eq!(state.page, 0, "{what} starts again at the first page");
    }
}

#[test]
fn active_constraints_are_the_ticked_values_and_any_search_text() {
    let count = |query: &str| ExploreQuery::from_query_string(query).n_active();
    assert_eq!(count("#/"), 0);
    assert_eq!(
        count("#/?sort=title&page=3"),
        0,
        "sort and page narrow nothing"
    );
    assert_eq!(count("#/?q=+++"), 0, "blank search text narrows nothing");
    assert_eq!(count("#/?q=putin"), 1);
    assert_eq!(
        count("#/?q=putin&author=No+byline&cue=Hedge&cue=Loaded+language"),
        4
    );
}

#[test]
fn toggling_is_undone_by_toggling_again() {
    let mut state = ExploreQuery::default();
    state.toggle(Facet::Cue, "Hedge");
    state.toggle_layer("quotes");
    assert!(state.is_selected(Facet::Cue, "Hedge"));
    state.toggle(Facet::Cue, "Hedge");
    state.toggle_layer("quotes");
    assert_eq!(state, ExploreQuery::default());
}

fn seed_explorer() -> (Pack, Explorer) {
    let header = format!(
        r#"{{"version": {PACK_VERSION}, "id": "nato", "title": "NATO", "description": "", "articles": []}}"#
    );
    let mut pack: Pack = serde_json::from_str(&header).expect("pack header");
    pack.articles = crate::facets::tests::seed_articles();
    let explorer = Explorer::from_pack(&pack);
    (pack, explorer)
}

/// Runs the query a URL describes on the seed pack and lists what the list view would show.
fn check_run(url: &str, expect: Expect) {
    let (pack, explorer) = seed_explorer();
    let results = explorer.run(&ExploreQuery::from_query_string(url));
    let mut out = format!(
        "Showing {} of {} articles\n",
        results.rows.len(),
        results.n_total
    );
    for row in &results.rows {
        let slug = &pack.articles[row.article_idx as usize].slug;
        match row.score {
            Some(score) => out.push_str(&format!("  {slug} {score:.2}\n")),
            None => out.push_str(&format!("  {slug}\n")),
        }
    }
    for facet in [Facet::Author, Facet::Date] {
        let counts = &results.counts[facet as usize];
        let values: Vec<String> = counts
            .values
            .iter()
            .map(|value| format!("{} ({})", value.value, value.count))
            .collect();
        out.push_str(&format!("{}: {}\n", facet.label(), values.join(", ")));
    }
    for loosen in &results.loosen {
        out.push_str(&format!("loosen: {loosen:?}\n"));
    }
    expect.assert_eq(&out);
}

#[test]
fn running_searches_and_filters_on_the_seed_pack() {
    check_run(
        "#/?q=spheres+of+influence",
        expect![[r#"
        Showing 2 of 5 articles
          denial-sphere-of-influence 2.20
          putin-statement-on-nato 1.51
        Author: Martin Haffner (1), No byline (1)
        Date: 2026 (0), 2021 (1), Undated (1)
    "#]],
    );
    check_run(
        "#/?author=Martin+Haffner",
        expect![[r#"
        Showing 1 of 5 articles
          putin-statement-on-nato
        Author: Martin Haffner (1), No byline (4)
        Date: 2026 (0), 2021 (0), Undated (1)
    "#]],
    );
    check_run(
        "#/?author=No+byline&sort=title",
        expect![[r#"
        Showing 4 of 5 articles
          behind-closed-doors
          denial-sphere-of-influence
          support-for-democracy
          fracturing-core-values
        Author: Martin Haffner (1), No byline (4)
        Date: 2026 (1), 2021 (1), Undated (2)
    "#]],
    );
    check_run(
        "#/?q=nato&sort=date",
        expect![[r#"
        Showing 5 of 5 articles
          fracturing-core-values 0.18
          denial-sphere-of-influence 0.18
          putin-statement-on-nato 0.18
          support-for-democracy 0.18
          behind-closed-doors 0.17
        Author: Martin Haffner (1), No byline (4)
        Date: 2026 (1), 2021 (1), Undated (3)
    "#]],
    );
}

#[test]
fn an_empty_result_names_what_to_loosen() {
    check_run(
        "#/?q=spheres&date=2026",
        expect![[r#"
        Showing 0 of 5 articles
        Author: Martin Haffner (0), No byline (0)
        Date: 2026 (0), 2021 (1), Undated (1)
        loosen: Facet { facet: Date, matching: 2 }
        loosen: Search { matching: 1 }
    "#]],
    );
}
