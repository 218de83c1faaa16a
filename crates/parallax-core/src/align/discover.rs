//! Discovery of candidate events: paragraphs of different articles that tell the same thing, found without a catalogue.
//!
//! Two paragraphs of different articles are linked when their TF-IDF cosine (names counting
//! double) is at least [`EDGE_MIN_SIMILARITY`] and they share at least [`MIN_SHARED_WORDS`] content
//! words, [`MIN_SHARED_NAMES`] of them names (one when the cosine is at least
//! [`STRONG_SIMILARITY`]): two writers who tell one event share its who and where. Links are
//! taken strongest first; a paragraph joins a cluster, and two clusters merge, only when the
//! average similarity between them stays at least [`JOIN_MIN_SIMILARITY`], which keeps one strong
//! link from chaining unrelated paragraphs together. A cluster is a candidate event when it spans at
//! least two articles and most of its paragraphs are not already in a catalogue row. Its name is
//! made of the terms (words or adjacent word pairs) the most of its articles share, weighted by how
//! rare they are in all compared articles and preferring names, so that "Kessler glassworks" beats
//! "workers".

use std::collections::{BTreeMap, HashMap, HashSet};

use super::terms::is_calendar_word;
use super::{
    cosine, sort_best_first, Cell, Corpus, EventOrigin, EventRow, Evidence, EvidenceKind, Passage,
    SparseVector,
};
use crate::events::Event;
use crate::span::Span;

const EDGE_MIN_SIMILARITY: f32 = 0.2;
const JOIN_MIN_SIMILARITY: f32 = 0.1;
const NAME_WEIGHT: f32 = 2.0;
const MIN_SHARED_WORDS: usize = 4;
const MIN_SHARED_NAMES: usize = 2;
/// Above this similarity one shared name is enough.
const STRONG_SIMILARITY: f32 = 0.35;
/// How many shared terms make a candidate's name.
const NAME_TERMS: usize = 3;
/// How many shared terms are listed as a candidate's key terms and as a passage's evidence.
const LISTED_TERMS: usize = 8;

/// The candidate events of the corpus that the catalogue rows (`catalogued`: article and paragraph
/// indices already in a catalogue row) do not already cover.
pub(super) fn candidates(corpus: &Corpus, catalogued: &[(usize, usize)]) -> Vec<EventRow> {
    let n_docs = corpus.docs.len();
    if corpus.articles.len() < 2 || n_docs < 2 {
        return Vec::new();
    }
    let catalogued: HashSet<(usize, usize)> = catalogued.iter().copied().collect();
    let mut key_of = vec![""; corpus.doc_freq.len()];
    for (key, id) in &corpus.vocabulary {
        key_of[*id] = key.as_str();
    }
    let is_pair = &corpus.is_pair;

    // Names (people, places, organisations, products) are what tie two accounts to one event;
    // they count double here.
    let vectors: Vec<SparseVector> = corpus
        .docs
        .iter()
        .map(|doc| {
            let mut vector: SparseVector = doc
                .vector
                .iter()
                .map(|(id, weight)| {
                    (
                        *id,
                        if corpus.proper[*id] {
                            weight * NAME_WEIGHT
                        } else {
                            *weight
                        },
                    )
                })
                .collect();
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, weight) in &mut vector {
                    *weight /= norm;
                }
            }
            vector
        })
        .collect();
    let mut similarity = vec![0.0f32; n_docs * n_docs];
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..n_docs {
        for j in i + 1..n_docs {
            let sim = cosine(&vectors[i], &vectors[j]);
            similarity[i * n_docs + j] = sim;
            similarity[j * n_docs + i] = sim;
            if corpus.docs[i].article_idx != corpus.docs[j].article_idx
                && sim >= EDGE_MIN_SIMILARITY
                && !is_copy(corpus, i, j)
                && is_link(sim, shared_words(corpus, i, j))
            {
                edges.push((sim, i, j));
            }
        }
    }
    crate::sort::sort_by(&mut edges, |a, b| {
        b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2)))
    });

    let similarity_ref = &similarity;
    let average_link = |a: &[usize], b: &[usize]| -> f32 {
        let total: f32 = a
            .iter()
            .flat_map(|i| b.iter().map(move |j| similarity_ref[i * n_docs + j]))
            .sum();
        total / (a.len() * b.len()).max(1) as f32
    };
    let mut cluster_of: Vec<Option<usize>> = vec![None; n_docs];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for (_, i, j) in edges {
        match (cluster_of[i], cluster_of[j]) {
            (None, None) => {
                cluster_of[i] = Some(clusters.len());
                cluster_of[j] = Some(clusters.len());
                clusters.push(vec![i, j]);
            }
            (Some(c), None) | (None, Some(c)) => {
                let newcomer = if cluster_of[i].is_none() { i } else { j };
                if average_link(&[newcomer], &clusters[c]) >= JOIN_MIN_SIMILARITY {
                    cluster_of[newcomer] = Some(c);
                    clusters[c].push(newcomer);
                }
            }
            (Some(a), Some(b))
                if a != b && average_link(&clusters[a], &clusters[b]) >= JOIN_MIN_SIMILARITY =>
            {
                let moved = std::mem::take(&mut clusters[b]);
                for doc in &moved {
                    cluster_of[*doc] = Some(a);
                }
                clusters[a].extend(moved);
            }
            _ => {}
        }
    }

    let mut found: Vec<(usize, usize, usize, EventRow)> = Vec::new();
    for mut members in clusters {
        members.sort_unstable();
        let mut articles: Vec<usize> = members
            .iter()
            .map(|d| corpus.docs[*d].article_idx)
            .collect();
        articles.dedup();
        let n_catalogued = members
            .iter()
            .filter(|d| {
                let doc = &corpus.docs[**d];
                catalogued.contains(&(doc.article_idx, doc.paragraph))
            })
            .count();
        if articles.len() < 2 || n_catalogued * 2 >= members.len() {
            continue;
        }
        let row = candidate_row(corpus, &key_of, is_pair, &members, &similarity);
        found.push((articles.len(), members.len(), members[0], row));
    }
    crate::sort::sort_by_key(&mut found, |(n_articles, n_members, first, _)| {
        (
            std::cmp::Reverse(*n_articles),
            std::cmp::Reverse(*n_members),
            *first,
        )
    });
    found.into_iter().map(|(_, _, _, row)| row).collect()
}

/// Whether two paragraphs are the same text: a syndicated or pasted copy is one account, not two.
fn is_copy(corpus: &Corpus, i: usize, j: usize) -> bool {
    let (a, b) = (&corpus.docs[i], &corpus.docs[j]);
    a.span.slice(&corpus.articles[a.article_idx].text)
        == b.span.slice(&corpus.articles[b.article_idx].text)
}

/// Whether two paragraphs of different articles are linked: similar, sharing enough words, and
/// sharing [`MIN_SHARED_NAMES`] names, or one name when they are very similar.
fn is_link(similarity: f32, (shared_words, shared_names): (usize, usize)) -> bool {
    let enough_names =
        shared_names >= MIN_SHARED_NAMES || (shared_names >= 1 && similarity >= STRONG_SIMILARITY);
    similarity >= EDGE_MIN_SIMILARITY && shared_words >= MIN_SHARED_WORDS && enough_names
}

/// How many distinct single content words two docs share, and how many of those are names.
fn shared_words(corpus: &Corpus, i: usize, j: usize) -> (usize, usize) {
    // Vectors are sorted by term id, so a merge walk finds the shared terms.
    let (a, b) = (&corpus.docs[i].vector, &corpus.docs[j].vector);
    let (mut x, mut y, mut shared, mut shared_names) = (0, 0, 0, 0);
    while x < a.len() && y < b.len() {
        match a[x].0.cmp(&b[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                let id = a[x].0;
                // A name counts once however many words it has, and not when it is in more than
                // two thirds of the paragraphs: "NATO" in a NATO pack ties nothing to one event.
                let specific = corpus.doc_freq[id] * 3 <= corpus.docs.len() * 2;
                shared_names += usize::from(corpus.proper[id] && corpus.name_head[id] && specific);
                x += 1;
                y += 1;
            }
        }
    }
    (shared, shared_names)
}

/// A term shared by a cluster's articles, with its weight and where it occurs.
struct SharedTerm {
    term_id: usize,
    weight: f32,
    surface: String,
}

fn candidate_row(
    corpus: &Corpus,
    key_of: &[&str],
    is_pair: &[bool],
    members: &[usize],
    similarity: &[f32],
) -> EventRow {
    let n_docs = corpus.docs.len();
    // For each term, the articles of the cluster that use it (BTreeMap keeps the output deterministic).
    let mut articles_using: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for doc_idx in members {
        let doc = &corpus.docs[*doc_idx];
        for term_id in &doc.term_ids {
            let users = articles_using.entry(*term_id).or_default();
            if !users.contains(&doc.article_idx) {
                users.push(doc.article_idx);
            }
        }
    }
    let mut shared: Vec<SharedTerm> = articles_using
        .iter()
        .filter(|(_, users)| users.len() >= 2)
        .map(|(term_id, users)| {
            let name_bonus = if corpus.proper.get(*term_id).copied().unwrap_or(false) {
                1.5
            } else {
                1.0
            };
            let pair_bonus = if is_pair[*term_id] { 1.25 } else { 1.0 };
            SharedTerm {
                term_id: *term_id,
                weight: users.len() as f32 * corpus.idf(*term_id) * name_bonus * pair_bonus,
                surface: String::new(),
            }
        })
        .collect();
    crate::sort::sort_by(&mut shared, |a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(key_of[a.term_id].cmp(key_of[b.term_id]))
    });
    shared.truncate(LISTED_TERMS * 2);
    for term in &mut shared {
        term.surface = surface_form(corpus, members, key_of[term.term_id]);
    }

    // The name: the heaviest shared terms, a pair replacing the single words it contains. Days,
    // months and bare numbers locate an event in time but do not say what it was.
    let mut name_terms: Vec<usize> = Vec::new();
    for (idx, term) in shared.iter().enumerate() {
        let key = key_of[term.term_id];
        let says_what = key
            .split(' ')
            .all(|part| !is_calendar_word(part) && !part.chars().any(|c| c.is_ascii_digit()));
        if !says_what {
            continue;
        }
        // A word already in the name, alone or in a pair, is not repeated ("Jens Stoltenberg",
        // then not "secretary-general Jens"); a pair replaces the single words it contains.
        let parts: Vec<&str> = key.split(' ').collect();
        let repeats = name_terms.iter().any(|chosen| {
            let chosen_id = shared[*chosen].term_id;
            let chosen_key = key_of[chosen_id];
            let chosen_parts: Vec<&str> = chosen_key.split(' ').collect();
            let overlaps = parts.iter().any(|part| chosen_parts.contains(part));
            let replaces_a_single_word = is_pair[term.term_id] && !is_pair[chosen_id];
            overlaps && !replaces_a_single_word
        });
        if repeats {
            continue;
        }
        if is_pair[term.term_id] {
            name_terms.retain(|chosen| !parts.contains(&key_of[shared[*chosen].term_id]));
        }
        if name_terms.len() < NAME_TERMS {
            name_terms.push(idx);
        }
    }
    // Names and word pairs say more than a single common word; they lead the name.
    crate::sort::sort_by_key(&mut name_terms, |idx| {
        let term_id = shared[*idx].term_id;
        !(corpus.proper[term_id] || is_pair[term_id])
    });
    let name_parts: Vec<&str> = name_terms
        .iter()
        .map(|idx| shared[*idx].surface.as_str())
        .collect();
    let listed: Vec<&SharedTerm> = shared.iter().take(LISTED_TERMS).collect();
    let mut articles: Vec<usize> = members
        .iter()
        .map(|d| corpus.docs[*d].article_idx)
        .collect();
    articles.sort_unstable();
    articles.dedup();

    let id_words: Vec<String> = name_terms
        .iter()
        .map(|idx| key_of[shared[*idx].term_id].replace(' ', "-"))
        .collect();
    let event = Event {
        id: format!("candidate-{}", id_words.join("-")),
        name: capitalise_first(&name_parts.join(", ")),
        date: None,
        participants: Vec::new(),
        description: format!(
            "Candidate event found by the engine, not curated: {} articles share the words {}.",
            articles.len(),
            listed
                .iter()
                .map(|t| format!("“{}”", t.surface))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        key_terms: listed.iter().map(|t| t.surface.clone()).collect(),
        entities: Vec::new(),
    };

    let mut cells: Vec<Cell> = (0..corpus.articles.len())
        .map(|article_idx| Cell {
            article_idx,
            passages: Vec::new(),
        })
        .collect();
    for doc_idx in members {
        let doc = &corpus.docs[*doc_idx];
        let others: Vec<usize> = members
            .iter()
            .copied()
            .filter(|other| corpus.docs[*other].article_idx != doc.article_idx)
            .collect();
        let mean_similarity = others
            .iter()
            .map(|other| similarity[doc_idx * n_docs + other])
            .sum::<f32>()
            / others.len().max(1) as f32;
        let evidence: Vec<Evidence> = listed
            .iter()
            .filter_map(|term| {
                let spans = spans_of(doc, key_of[term.term_id]);
                (!spans.is_empty()).then(|| Evidence {
                    kind: EvidenceKind::SharedTerm,
                    label: term.surface.clone(),
                    spans,
                })
            })
            .collect();
        cells[doc.article_idx].passages.push(Passage {
            paragraph: doc.paragraph,
            span: doc.span,
            score: mean_similarity.clamp(0.0, 1.0),
            similarity: mean_similarity,
            evidence,
        });
    }
    for cell in &mut cells {
        sort_best_first(&mut cell.passages);
    }
    EventRow {
        event,
        origin: EventOrigin::Discovered,
        cells,
    }
}

/// Where a term (one stem, or two joined by a space) occurs in a doc.
fn spans_of(doc: &super::ParagraphDoc<'_>, key: &str) -> Vec<Span> {
    let parts: Vec<String> = key.split(' ').map(str::to_string).collect();
    super::terms::find_phrase(doc.words, &parts)
}

/// How the cluster's texts most often write a term: names as written, other words in lower case.
fn surface_form(corpus: &Corpus, members: &[usize], key: &str) -> String {
    let parts: Vec<String> = key.split(' ').map(str::to_string).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for doc_idx in members {
        let doc = &corpus.docs[*doc_idx];
        let text = &corpus.articles[doc.article_idx].text;
        for span in super::terms::find_phrase(doc.words, &parts) {
            let mut written = String::new();
            let mut cursor = span.start;
            for word in doc.words.iter().filter(|w| span.contains(w.span)) {
                written.push_str(Span::new(cursor, word.span.start).slice(text));
                let is_name = corpus
                    .vocabulary
                    .get(&word.key)
                    .is_some_and(|id| corpus.proper[*id]);
                let as_written = word.span.slice(text);
                if is_name {
                    written.push_str(as_written);
                } else {
                    written.push_str(&as_written.to_lowercase());
                }
                cursor = word.span.end;
            }
            *counts.entry(written.replace('’', "'")).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(written, _)| written)
        .unwrap_or_else(|| key.to_string())
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
