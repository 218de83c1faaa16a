//! Search tests: ranking, phrases, prefixes, stemming, snippets and hostile input, on the seed articles.

use expect_test::{expect, Expect};

use super::stem::stem;
use super::{highlights, snippet, ParsedQuery, SearchDoc, SearchIndex, Snippet};

/// The five seed articles, cleaned; the title is left empty because the clean text starts with
/// whatever title the page prints.
fn seed_docs() -> Vec<SearchDoc> {
    const SEEDS: [(&str, &str); 5] = [
        (
            "000",
            include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
        ),
        (
            "001",
            include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
        ),
        (
            "002",
            include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
        ),
        (
            "003",
            include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
        ),
        (
            "004",
            include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
        ),
    ];
    SEEDS
        .iter()
        .map(|(id, raw)| SearchDoc {
            id: id.to_string(),
            title: String::new(),
            body: crate::clean::clean(raw).text,
        })
        .collect()
}

/// Renders a snippet with its highlights in [brackets].
fn render(snippet: &Snippet) -> String {
    let mut out = String::new();
    let mut cursor = 0;
    for mark in &snippet.highlights {
        out.push_str(&snippet.text[cursor..mark.start]);
        out.push('[');
        out.push_str(mark.slice(&snippet.text));
        out.push(']');
        cursor = mark.end;
    }
    out.push_str(&snippet.text[cursor..]);
    out
}

/// Searches `docs` and lists the hits best first, each with its score and a 30-word snippet.
fn check_search_in(docs: &[SearchDoc], input: &str, expect: Expect) {
    let index = SearchIndex::build(docs);
    let query = ParsedQuery::parse(input);
    let mut out = String::new();
    for hit in index.search(&query) {
        let doc = &docs[hit.article_idx as usize];
        let shown = snippet(&query, &doc.body, 30);
        out.push_str(&format!("{} {:.2} {}\n", doc.id, hit.score, render(&shown)));
    }
    expect.assert_eq(&out);
}

fn check_search(input: &str, expect: Expect) {
    check_search_in(&seed_docs(), input, expect);
}

/// Lists the ids of the seed articles that match, best first.
fn check_ids(input: &str, expect: Expect) {
    let docs = seed_docs();
    let index = SearchIndex::build(&docs);
    let ids: Vec<&str> = index
        .search_text(input)
        .iter()
        .map(|hit| docs[hit.article_idx as usize].id.as_str())
        .collect();
    expect.assert_eq(&ids.join(" "));
}

#[test]
fn spheres_of_influence_ranks_the_december_2021_post_first_with_the_phrase_marked() {
    check_search(
        "spheres of influence",
        expect![[r#"
            002 2.07 … NATO chief said that "the age of [spheres] of [influence] is over", and that Ukraine could choose "its own path" in a reference to Moscow's notion that Ukraine's NATO membership …
            001 1.51 … expansion as a direct challenge to its [sphere] of [influence]—a legacy of historical grievances dating back to the Soviet era. Efforts at rapprochement were made in the 2000s, with …
        "#]],
    );
    check_search(
        "\"spheres of influence\"",
        expect![[r#"
            002 2.07 … NATO chief said that "the age of [spheres of influence] is over", and that Ukraine could choose "its own path" in a reference to Moscow's notion that Ukraine's NATO membership …
            001 1.36 … expansion as a direct challenge to its [sphere of influence]—a legacy of historical grievances dating back to the Soviet era. Efforts at rapprochement were made in the 2000s, with …
        "#]],
    );
}

#[test]
fn words_are_found_whatever_their_ending_case_or_accents() {
    // A trailing space ends the word, so these are whole words, not prefixes.
    check_ids("Stoltenberg ", expect!["002 001 000"]);
    check_ids("STOLTENBERG's ", expect!["002 001 000"]);
    check_ids("militarization ", expect!["004 001"]);
    check_ids("militarize ", expect!["004 001"]);
    check_ids("Stöltenberg ", expect!["002 001 000"]);
    check_ids("annexed crimea ", expect!["001"]);
}

#[test]
fn the_last_word_is_a_prefix_while_it_is_typed() {
    check_ids("spher", expect!["002 001"]);
    check_ids("spher ", expect![[""]]);
    check_ids("Stoltenb", expect!["002 001 000"]);
    check_ids("militarize", expect!["004 001"]);
    check_ids("generati", expect!["003"]);
    check_ids("militariz", expect!["004 001 003 002 000"]);
    check_ids("influence", expect!["002 001 003 004"]);
    check_ids("democra", expect!["003 000"]);
    check_search(
        "putin clos",
        expect![[r#"
        001 2.70 … tension and shifting alliances, Russian President Vladimir [Putin] has made a definitive statement regarding the North Atlantic Treaty Organization (NATO), effectively [closing] the door on any potential partnership or membership …
    "#]],
    );
}

#[test]
fn phrases_need_their_words_in_order() {
    check_ids("\"influence spheres\"", expect![[""]]);
    check_ids("\"sphere of influence\"", expect!["002 001"]);
    check_ids("\"defense spending\"", expect!["004"]);
    check_ids("\"spending defense\"", expect![[""]]);
    check_ids("\"the of\"", expect![[""]]);
}

#[test]
fn titles_count_more_than_bodies() {
    let docs = vec![
        SearchDoc {
            id: "body".into(),
            title: "Budgets".into(),
            body: "The summit discussed enlargement at length.".into(),
        },
        SearchDoc {
            id: "title".into(),
            title: "Enlargement".into(),
            body: "The summit discussed budgets at length.".into(),
        },
        SearchDoc {
            id: "neither".into(),
            title: "Weather".into(),
            body: "Rain again.".into(),
        },
    ];
    check_search_in(
        &docs,
        "enlargement",
        expect![[r#"
        title 0.74 The summit discussed budgets at length.
        body 0.42 The summit discussed [enlargement] at length.
    "#]],
    );
}

#[test]
fn hostile_input_gives_results_or_nothing_never_a_panic() {
    let docs = seed_docs();
    let index = SearchIndex::build(&docs);
    let long = "influence ".repeat(1000);
    let inputs = [
        "",
        "   ",
        "the of and",
        "\"",
        "\"spheres of",
        "nato \"",
        "\"\"\"\"",
        "ünïcödé 日本語 🚀 NATO",
        "'''s",
        long.as_str(),
        "%00 \u{0} \u{FFFD}",
        "a\u{0301}\u{0301}\u{0301}",
    ];
    let mut out = String::new();
    for input in inputs {
        let query = ParsedQuery::parse(input);
        let hits = index.search(&query);
        for hit in &hits {
            // Snippets of every hit must hold together too.
            let shown = snippet(&query, &docs[hit.article_idx as usize].body, 30);
            for mark in &shown.highlights {
                assert!(shown.text.get(mark.start..mark.end).is_some());
            }
        }
        let shown_input: String = input.chars().take(24).collect();
        out.push_str(&format!(
            "{shown_input:?}: {} clauses, {} hits\n",
            query.clauses.len(),
            hits.len()
        ));
    }
    expect![[r#"
        "": 0 clauses, 0 hits
        "   ": 0 clauses, 0 hits
        "the of and": 0 clauses, 0 hits
        "\"": 0 clauses, 0 hits
        "\"spheres of": 1 clauses, 2 hits
        "nato \"": 1 clauses, 5 hits
        "\"\"\"\"": 0 clauses, 0 hits
        "ünïcödé 日本語 🚀 NATO": 3 clauses, 0 hits
        "'''s": 0 clauses, 0 hits
        "influence influence infl": 32 clauses, 4 hits
        "%00 \0 �": 1 clauses, 0 hits
        "a\u{301}\u{301}\u{301}": 0 clauses, 0 hits
    "#]]
    .assert_eq(&out);
}

fn check_parse(input: &str, expect: Expect) {
    expect.assert_debug_eq(&ParsedQuery::parse(input));
}

#[test]
fn the_query_language() {
    check_parse(
        "Spheres of \"the Age of spheres\" infl",
        expect![[r#"
        ParsedQuery {
            clauses: [
                Word {
                    normalized: "spheres",
                    stem: "sphere",
                    prefix: false,
                },
                Phrase {
                    words: [
                        PhraseWord {
                            offset: 0,
                            stem: "age",
                        },
                        PhraseWord {
                            offset: 2,
                            stem: "sphere",
                        },
                    ],
                },
                Word {
                    normalized: "infl",
                    stem: "infl",
                    prefix: true,
                },
            ],
            ignored: [
                "of",
            ],
        }
    "#]],
    );
    check_parse(
        "nato the",
        expect![[r#"
        ParsedQuery {
            clauses: [
                Word {
                    normalized: "nato",
                    stem: "nato",
                    prefix: false,
                },
            ],
            ignored: [
                "the",
            ],
        }
    "#]],
    );
}

fn check_snippet(input: &str, text: &str, max_words: usize, expect: Expect) {
    let query = ParsedQuery::parse(input);
    let shown = snippet(&query, text, max_words);
    let marked = highlights(&query, text).len();
    expect.assert_eq(&format!(
        "{}\n({marked} matches in the whole text)",
        render(&shown)
    ));
}

#[test]
fn snippets_show_the_window_with_the_most_different_matches() {
    let text = "Alpha budget words here. Many filler words follow now. \n\n Then the budget and the summit \
                appear together, near each other. Later only summit again at the very end of it all.";
    check_snippet(
        "budget summit",
        text,
        10,
        expect![[r#"
        … Then the [budget] and the [summit] appear together, near each …
        (4 matches in the whole text)"#]],
    );
    check_snippet(
        "nothing",
        text,
        5,
        expect![[r#"
        Alpha budget words here. Many …
        (0 matches in the whole text)"#]],
    );
    check_snippet(
        "summit",
        "",
        5,
        expect![[r#"

        (0 matches in the whole text)"#]],
    );
}

fn check_stems(words: &str, expect: Expect) {
    let out: Vec<String> = words
        .split_whitespace()
        .map(|word| format!("{word}→{}", stem(word)))
        .collect();
    expect.assert_eq(&out.join(" "));
}

#[test]
fn the_stemmer_follows_porter2() {
    // Expected stems from the Snowball English reference vocabulary.
    check_stems(
        "consign consigned consigning consignment consist consisted consistency consistent \
         consistently consisting consists consolation consolations consolatory console consoled \
         consoles consolidate consolidated consolidating consoling",
        expect!["consign→consign consigned→consign consigning→consign consignment→consign consist→consist consisted→consist consistency→consist consistent→consist consistently→consist consisting→consist consists→consist consolation→consol consolations→consol consolatory→consolatori console→consol consoled→consol consoles→consol consolidate→consolid consolidated→consolid consolidating→consolid consoling→consol"],
    );
    check_stems(
        "knack knackeries knacks knag knave knaves knavish kneaded kneading knee kneel kneeled \
         kneeling kneels knees knell knelt knew knick knif knife knight knightly knights",
        expect!["knack→knack knackeries→knackeri knacks→knack knag→knag knave→knave knaves→knave knavish→knavish kneaded→knead kneading→knead knee→knee kneel→kneel kneeled→kneel kneeling→kneel kneels→kneel knees→knee knell→knell knelt→knelt knew→knew knick→knick knif→knif knife→knife knight→knight knightly→knight knights→knight"],
    );
    check_stems(
        "generously generation communism arsenal skies dying news cries ties gas gaps caresses \
         running hopping hoped agreed feed happy enlargement militarization nationalism \
         influence spheres sphere russia's nato's 2021 日本",
        expect!["generously→generous generation→generat communism→communism arsenal→arsenal skies→sky dying→die news→news cries→cri ties→tie gas→gas gaps→gap caresses→caress running→run hopping→hop hoped→hope agreed→agre feed→feed happy→happi enlargement→enlarg militarization→militar nationalism→nation influence→influenc spheres→sphere sphere→sphere russia's→russia nato's→nato 2021→2021 日本→日本"],
    );
}

#[test]
fn a_serialized_index_answers_like_the_original_and_damage_is_refused() {
    let docs = seed_docs();
    let index = SearchIndex::build(&docs);
    let json = serde_json::to_string(&index).expect("serialize");
    let loaded: SearchIndex = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(loaded.check(), Ok(()));
    assert_eq!(
        loaded.search_text("\"spheres of influence\""),
        index.search_text("\"spheres of influence\"")
    );

    let mut damaged = loaded.clone();
    damaged.posting_article[0] = 99;
    let mut unsorted = loaded.clone();
    unsorted.terms.swap(0, 1);
    let mut truncated = loaded;
    truncated.postings_start.pop();
    let problems: Vec<String> = [damaged, unsorted, truncated]
        .iter()
        .map(|index| index.check().expect_err("damaged index"))
        .collect();
    expect![[r#"
        a posting names an article that does not exist
        terms are not sorted and unique
        term tables do not match the number of terms"#]]
    .assert_eq(&problems.join("\n"));
}

/// The bytes of an index built ahead of time, in the order `to_bytes` writes them, for a tiny
/// collection: the format spelled out.
#[test]
fn the_binary_layout_of_a_small_index() {
    let docs = vec![
        SearchDoc {
            id: "a".into(),
            title: "Ferry".into(),
            body: "The ferry ran.".into(),
        },
        SearchDoc {
            id: "b".into(),
            title: "Ferries".into(),
            body: "No ferry.".into(),
        },
    ];
    let index = SearchIndex::build(&docs);
    let bytes = index.to_bytes();
    let (magic, rest) = bytes.split_at(super::SEARCH_MAGIC.len());
    assert_eq!(magic, b"PLXSEARCH");
    let shown: Vec<String> = rest
        .iter()
        .map(|&b| {
            if b.is_ascii_lowercase() {
                (b as char).to_string()
            } else {
                b.to_string()
            }
        })
        .collect();
    // version 1 · 2 articles "a" "b" · title lengths 1 1 · body lengths 3 2 ("the" is a stop word) ·
    // 3 terms, front-coded ("ferri", "no", "ran") · postings per term 2 1 1 · where their positions
    // start 0 4 5 · 4 postings: articles as deltas within a term (0 1 | 1 | 0), title counts, body
    // counts · 6 bytes of positions.
    expect!["1 2 1 a 1 b 1 1 3 2 3 0 5 f e r r i 0 2 n o 0 3 r a n 2 1 1 0 4 5 4 0 1 1 0 1 1 0 0 1 1 1 1 6 0 35 0 35 34 36"]
        .assert_eq(&shown.join(" "));
    assert_eq!(SearchIndex::from_bytes(&bytes), Ok(index));
}

/// Loading the bytes gives back exactly the index that was written, for the seed articles and for
/// a synthetic collection of a thousand; the file is a fraction of the JSON.
#[test]
fn an_index_read_from_its_bytes_equals_the_one_written() {
    let mut sizes = Vec::new();
    for (name, docs) in [
        ("seed", seed_docs()),
        ("synthetic 1k", crate::synth::corpus(42, 1_000).docs),
    ] {
        let index = SearchIndex::build(&docs);
        let bytes = index.to_bytes();
        let loaded = SearchIndex::from_bytes(&bytes).expect("reads back");
        assert_eq!(loaded, index, "{name}");
        assert_eq!(
            loaded.search_text("nato sphere"),
            index.search_text("nato sphere")
        );
        let json = serde_json::to_string(&index).expect("serialize").len();
        sizes.push(format!(
            "{name}: {} articles, {} terms, {} bytes ({}% of the JSON's {json})",
            index.n_articles(),
            index.n_terms(),
            bytes.len(),
            bytes.len() * 100 / json
        ));
    }
    expect![[r#"
        seed: 5 articles, 826 terms, 15094 bytes (42% of the JSON's 35625)
        synthetic 1k: 1000 articles, 29136 terms, 2828715 bytes (36% of the JSON's 7798961)"#]]
    .assert_eq(&sizes.join("\n"));
}

/// Bytes that are not an index, or an index damaged anywhere, give a sentence, never a panic; a
/// damaged index that still reads passes the checks searching relies on.
#[test]
fn damaged_index_bytes_are_refused_with_a_reason() {
    let bytes = SearchIndex::build(&seed_docs()).to_bytes();
    let error = |bytes: &[u8]| SearchIndex::from_bytes(bytes).expect_err("refused");
    let mut newer = super::SEARCH_MAGIC.to_vec();
    newer.push(9);
    let mut trailing = bytes.clone();
    trailing.push(0);
    let mut huge = super::SEARCH_MAGIC.to_vec();
    huge.extend_from_slice(&[1, 0xff, 0xff, 0xff, 0xff, 0x0f]);
    let messages = [
        error(b""),
        error(b"{\"version\":1}"),
        error(&newer),
        error(&bytes[..bytes.len() / 2]),
        error(&trailing),
        error(&huge),
    ];
    expect![[r#"
        This is not a Parallax search index (its first bytes are not PLXSEARCH).
        This is not a Parallax search index (its first bytes are not PLXSEARCH).
        The search index cannot be read: it is version 9, and this version of Parallax reads version 1.
        The search index cannot be read: the number of postings claims 1282 entries but only 560 bytes follow.
        The search index cannot be read: there are bytes after its end.
        The search index cannot be read: the number of articles claims 4294967295 entries but only 0 bytes follow."#]].assert_eq(&messages.join("\n"));

    // Every truncation is refused; every single-byte change either is refused or still checks out.
    for len in 0..bytes.len() {
        assert!(
            SearchIndex::from_bytes(&bytes[..len]).is_err(),
            "cut at {len}"
        );
    }
    for at in (0..bytes.len()).step_by(7) {
        for flip in [0x01u8, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] ^= flip;
            if let Ok(index) = SearchIndex::from_bytes(&damaged) {
                assert_eq!(index.check(), Ok(()), "byte {at} ^ {flip:#x}");
                let _ = index.search_text("nato \"sphere of\" influ");
            }
        }
    }
}
