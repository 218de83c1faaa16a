//! Split pack tests: the split of two seed articles, equality with the full pack's explorer, and damaged files.

use expect_test::{expect, Expect};
use proptest::prelude::*;

use super::{shard_name, split_pack, split_with_rows, SplitFiles, SplitIndex, MAGIC};
use crate::facets::tests::seed_articles;
use crate::facets::{Facet, FacetIndex};
use crate::pack::{Pack, PackArticle, PACK_VERSION};
use crate::query::{ExploreQuery, Explorer, Sort};
use crate::search::{SearchDoc, SearchIndex};
use crate::synth;

fn pack_of(articles: Vec<PackArticle>) -> Pack {
    Pack {
        version: PACK_VERSION,
        id: "nato".to_owned(),
        title: "NATO and Russia".to_owned(),
        description: "Five pieces.".to_owned(),
        events: Default::default(),
        articles,
        lessons: Vec::new(),
    }
}

/// What a reader of the split sees: the pack, each article's row metadata, the shards and facets.
fn render(files: &SplitFiles) -> String {
    let index = SplitIndex::read(&files.index).expect("the index reads back");
    let mut out = format!(
        "header: {}\npack: {} / {} / {}\n",
        files.index[..MAGIC.len() + 6]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<Vec<_>>()
            .join(" "),
        index.id,
        index.title,
        index.description
    );
    for idx in 0..index.n_articles() {
        let meta = index.article(idx).expect("every article has metadata");
        out.push_str(&format!(
            "article {idx}: {} | {} | {} | {}\n",
            meta.slug,
            meta.title,
            meta.date.unwrap_or("undated"),
            meta.author
        ));
    }
    for (shard, file) in index.shards().iter().zip(&files.shards) {
        assert_eq!(shard.name, file.name);
        assert_eq!(shard.name, shard_name(&file.bytes));
        let hex = shard
            .name
            .trim_start_matches("shard-")
            .trim_end_matches(".json");
        assert!(hex.len() == 16 && hex.bytes().all(|byte| byte.is_ascii_hexdigit()));
        out.push_str(&format!(
            "shard-<hash>.json: articles {}..{}\n",
            shard.first_article,
            shard.first_article + shard.n_articles
        ));
    }
    for (facet, values) in index.explorer().facets.value_lists() {
        let values: Vec<String> = values
            .iter()
            .map(|(value, articles)| format!("{value} {articles:?}"))
            .collect();
        out.push_str(&format!("{}: {}\n", facet.label(), values.join(", ")));
    }
    out
}

fn check(files: &SplitFiles, expect: Expect) {
    expect.assert_eq(&render(files));
}

#[test]
fn two_seed_articles() {
    let articles: Vec<PackArticle> = seed_articles().into_iter().take(3).skip(1).collect();
    let files = split_pack(&pack_of(articles.clone()));
    check(
        &files,
        expect![[r#"
        header: 50 4c 58 53 50 4c 49 54 01 04 6e 61 74 6f
        pack: nato / NATO and Russia / Five pieces.
        article 0: putin-statement-on-nato | Putin’s statement on NATO | undated | Martin Haffner
        article 1: denial-sphere-of-influence | NATO In Denial Of Importance Of Russia's 'Sphere Of Influence' | 2021-12-24 | No byline
        shard-<hash>.json: articles 0..2
        Topic: Defence & security [0, 1], Diplomacy & international relations [0, 1]
        Author: Martin Haffner [0], No byline [1]
        Voices: Jens Stoltenberg [0, 1], Antony Blinken [1], Jo Jakobsen [1], Tiberio Graziani [1], US State Department [1], analysts [0]
        Frame: External regulation and reputation [0, 1], Security and defense [0, 1], Legality, constitutionality and jurisprudence [1]
        Cue: Certainty: hedge [0, 1], Appeal to authority [0], Appeal to fear / prejudice [0], Attribution verb stance [1], Certainty: booster [0]
        Date: 2021 [1], Undated [0]
        Integrity: Check this expert [1], Copied from a web page [1], No byline [1]
    "#]],
    );
    // Both articles fit one shard, which gives them back whole.
    let index = SplitIndex::read(&files.index).unwrap();
    let shard = index.shard_for(1).unwrap().clone();
    assert_eq!(
        index.read_shard(&shard, &files.shards[0].bytes),
        Ok(articles)
    );
}

#[test]
fn split_titles_are_searched_with_the_app_search() {
    let files = split_pack(&pack_of(seed_articles()));
    let index = SplitIndex::read(&files.index).unwrap();
    let found = |text: &str| -> Vec<&str> {
        let query = ExploreQuery {
            text: text.to_owned(),
            ..ExploreQuery::default()
        };
        let results = index.explorer().run(&query);
        results
            .rows
            .iter()
            .map(|row| index.article(row.article_idx as usize).unwrap().slug)
            .collect()
    };
    expect![[r#"
        (
            [
                "denial-sphere-of-influence",
            ],
            [
                "putin-statement-on-nato",
                "fracturing-core-values",
                "support-for-democracy",
                "denial-sphere-of-influence",
            ],
            [
                "behind-closed-doors",
            ],
            [
                "support-for-democracy",
            ],
            [],
        )
    "#]]
    .assert_debug_eq(&(
        found("spheres"),
        found("nato's"),
        found("\"closed doors\""),
        found("democ"),
        found("stoltenberg"),
    ));
}

/// The explorer the split index must match: the same facets, and search over titles only.
fn title_only_explorer(docs: &[SearchDoc], facets: FacetIndex) -> Explorer {
    let titles: Vec<SearchDoc> = docs
        .iter()
        .map(|doc| SearchDoc {
            id: doc.id.clone(),
            title: doc.title.clone(),
            body: String::new(),
        })
        .collect();
    Explorer::new(SearchIndex::build(&titles), facets)
}

#[test]
fn seed_pack_facets_and_sorts_equal_the_full_packs() {
    let pack = pack_of(seed_articles());
    let full = Explorer::from_pack(&pack);
    let index = SplitIndex::read(&split_pack(&pack).index).unwrap();
    assert_eq!(index.explorer().facets, full.facets);
    for sort in Sort::ALL {
        for (facet, value) in [(Facet::Author, "No byline"), (Facet::Date, "2021")] {
            let mut query = ExploreQuery {
                sort,
                ..ExploreQuery::default()
            };
            assert_eq!(index.explorer().run(&query), full.run(&query));
            query.toggle(facet, value);
            assert_eq!(index.explorer().run(&query), full.run(&query));
        }
    }
}

/// Queries a researcher could type or click on this corpus: title words, words being typed,
/// phrases, facet values, each sort.
fn queries_for(corpus: &synth::SynthCorpus, picks: &[usize]) -> Vec<ExploreQuery> {
    let mut queries = vec![ExploreQuery::default()];
    for &pick in picks {
        let doc = &corpus.docs[pick % corpus.docs.len()];
        let row = &corpus.rows[pick % corpus.rows.len()];
        let words: Vec<&str> = doc.title.split(' ').collect();
        let word = words[pick % words.len()];
        let next = words.get(pick % words.len() + 1).copied().unwrap_or("");
        let texts = [
            word.to_owned(),
            word.chars().take(3).collect(),
            format!("\"{word} {next}\""),
            format!("{word} {next}"),
            "zzzz".to_owned(),
        ];
        let (facet, value) = row.values[pick % row.values.len()].clone();
        for (text_idx, text) in texts.into_iter().enumerate() {
            let mut query = ExploreQuery {
                text,
                sort: Sort::ALL[(pick + text_idx) % Sort::ALL.len()],
                ..ExploreQuery::default()
            };
            queries.push(query.clone());
            query.toggle(facet, &value);
            queries.push(query.clone());
            query.text.clear();
            queries.push(query);
        }
    }
    queries
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn split_explorer_equals_the_full_collections(
        seed in any::<u64>(),
        n_articles in 1usize..120,
        picks in proptest::collection::vec(0usize..10_000, 1..4),
    ) {
        let corpus = synth::corpus(seed, n_articles);
        let files = split_with_rows(&corpus.to_pack(), &corpus.rows).unwrap();
        let index = SplitIndex::read(&files.index).unwrap();
        let reference = title_only_explorer(&corpus.docs, FacetIndex::build(&corpus.rows));
        prop_assert_eq!(&index.explorer().facets, &reference.facets);
        for query in queries_for(&corpus, &picks) {
            prop_assert_eq!(index.explorer().run(&query), reference.run(&query), "{:?}", query);
        }
        // Every article is in exactly one shard, and its shard gives it back whole.
        let pack = corpus.to_pack();
        for (shard, file) in index.shards().iter().zip(&files.shards) {
            let articles = index.read_shard(shard, &file.bytes).unwrap();
            let first = shard.first_article as usize;
            prop_assert_eq!(&articles[..], &pack.articles[first..first + articles.len()]);
        }
        for (idx, row) in corpus.rows.iter().enumerate() {
            let meta = index.article(idx).unwrap();
            prop_assert_eq!(meta.slug, corpus.docs[idx].id.as_str());
            prop_assert_eq!(meta.title, row.title.as_str());
            prop_assert_eq!(meta.date, row.date.as_deref());
            prop_assert_eq!(Some(meta.author), row.values_of(Facet::Author).next());
            let shard = index.shard_for(idx).unwrap();
            prop_assert!((shard.first_article as usize..(shard.first_article + shard.n_articles) as usize).contains(&idx));
        }
        prop_assert!(index.shard_for(n_articles).is_none());
    }
}

#[test]
fn facet_filters_keep_their_meaning() {
    // A guard on the property test's premise: filters do select, so equality is not vacuous.
    let corpus = synth::corpus(7, 200);
    let index = SplitIndex::read(
        &split_with_rows(&corpus.to_pack(), &corpus.rows)
            .unwrap()
            .index,
    )
    .unwrap();
    let mut query = ExploreQuery::default();
    query.toggle(Facet::Topic, "Ukraine");
    let results = index.explorer().run(&query);
    assert!(!results.rows.is_empty() && results.rows.len() < 200);
    for row in &results.rows {
        assert!(corpus.rows[row.article_idx as usize]
            .values_of(Facet::Topic)
            .any(|topic| topic == "Ukraine"));
    }
}

fn small_split() -> SplitFiles {
    let corpus = synth::corpus(3, 40);
    split_with_rows(&corpus.to_pack(), &corpus.rows).unwrap()
}

fn read_error(bytes: &[u8]) -> String {
    SplitIndex::read(bytes)
        .expect_err("damaged bytes are refused")
        .message
}

/// Replaces the checksum so the damage reaches the parser.
fn with_checksum(mut body: Vec<u8>) -> Vec<u8> {
    let checksum = super::fnv1a_64(&body);
    body.extend_from_slice(&checksum.to_le_bytes());
    body
}

#[test]
fn damaged_indexes_are_refused_with_a_reason() {
    let files = small_split();
    let index = &files.index;
    // Every truncation and every flipped byte, never a panic.
    for len in 0..index.len() {
        assert!(
            SplitIndex::read(&index[..len]).is_err(),
            "truncated to {len}"
        );
    }
    for at in 0..index.len() {
        let mut damaged = index.clone();
        damaged[at] ^= 0x5a;
        assert!(SplitIndex::read(&damaged).is_err(), "byte {at} flipped");
    }
    let body = &index[..index.len() - 8];
    let mut future = body.to_vec();
    future[MAGIC.len()] = 9;
    let mut huge_count = MAGIC.to_vec();
    huge_count.extend_from_slice(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f]);
    let mut extra = body.to_vec();
    extra.push(0);
    expect![[r#"
        [
            "this is not a Parallax split pack index (it does not start with PLXSPLIT)",
            "this is not a Parallax split pack index (it does not start with PLXSPLIT)",
            "this split pack index has format version 9; this version of Parallax reads version 1",
            "the index is damaged or incomplete (its checksum does not match); fetch it again",
            "the index ends early, in the dates (at byte 2827 of 3123)",
            "the number of articles claims 268435455 entries but only 0 bytes follow",
            "the index has unexpected bytes after its facets",
        ]
    "#]]
    .assert_debug_eq(&[
        read_error(b""),
        read_error(b"{\"version\": 2, \"articles\": []}"),
        read_error(&future),
        read_error(&index[..index.len() / 2]),
        read_error(&with_checksum(body[..body.len() / 2].to_vec())),
        read_error(&with_checksum(huge_count)),
        read_error(&with_checksum(extra)),
    ]);
}

#[test]
fn damaged_shards_are_refused_with_a_reason() {
    let files = small_split();
    let index = SplitIndex::read(&files.index).unwrap();
    let shard = &index.shards()[0];
    let bytes = &files.shards[0].bytes;
    let other = &files.shards[files.shards.len() - 1].bytes;
    let truncated = &bytes[..20];
    let renamed = |bytes: &[u8]| super::ShardRef {
        name: shard_name(bytes),
        ..shard.clone()
    };
    let future =
        String::from_utf8(bytes.clone())
            .unwrap()
            .replacen("\"version\":1", "\"version\":2", 1);
    let errors: Vec<String> = [
        index.read_shard(shard, truncated),
        index.read_shard(shard, other),
        index.read_shard(&renamed(truncated), truncated),
        index.read_shard(&renamed(other), other),
        index.read_shard(&renamed(future.as_bytes()), future.as_bytes()),
    ]
    .into_iter()
    .map(|result| mask_hashes(&result.expect_err("refused").message))
    .collect();
    assert!(files.shards.len() > 1);
    expect![[r#"
        [
            "shard-<hash>.json is damaged or incomplete (its content does not match its name); fetch it again",
            "shard-<hash>.json is damaged or incomplete (its content does not match its name); fetch it again",
            "shard-<hash>.json cannot be read: EOF while parsing a string at line 1 column 20",
            "shard-<hash>.json holds other articles than the index expects",
            "shard-<hash>.json has format version 2; this version of Parallax reads version 1",
        ]
    "#]].assert_debug_eq(&errors);
}

#[test]
fn a_shard_that_is_not_utf8_is_refused_with_a_reason() {
    let files = small_split();
    let index = SplitIndex::read(&files.index).unwrap();
    let shard = &index.shards()[0];
    let mut bytes = files.shards[0].bytes.clone();
    bytes.insert(20, 0xff);
    let named = super::ShardRef {
        name: shard_name(&bytes),
        ..shard.clone()
    };
    let error = index.read_shard(&named, &bytes).expect_err("refused");
    assert_eq!(
        mask_hashes(&error.message),
        "shard-<hash>.json cannot be read: it is not UTF-8 text"
    );
}

/// Shard names with their content hash left out, so messages read the same whatever the content.
fn mask_hashes(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(at) = rest.find("shard-") {
        out.push_str(&rest[..at + "shard-".len()]);
        rest = &rest[at + "shard-".len()..];
        if rest.len() >= 16 && rest.as_bytes()[..16].iter().all(u8::is_ascii_hexdigit) {
            out.push_str("<hash>");
            rest = &rest[16..];
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn the_end_to_end_fixture_still_reads() {
    // The browser tests open this split pack; when the format or the article shape changes, it
    // must be written again (`scale-packs tests/e2e/fixtures/split 24`, without the .br twins).
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/fixtures/split/24");
    let index = SplitIndex::read(&std::fs::read(dir.join(super::INDEX_FILE)).unwrap()).unwrap();
    assert_eq!(index.n_articles(), 24);
    for shard in index.shards() {
        let bytes = std::fs::read(dir.join(&shard.name)).unwrap();
        assert_eq!(
            index.read_shard(shard, &bytes).unwrap().len(),
            shard.n_articles as usize
        );
    }
    let truncated = std::fs::read(dir.join("../truncated.bin")).unwrap();
    assert!(SplitIndex::read(&truncated).is_err());
}
