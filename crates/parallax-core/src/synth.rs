//! A seeded generator of synthetic article collections for benchmarks: realistic sizes, vocabulary and facets.
//!
//! The same seed and size always give the same collection, on every platform (the generator uses
//! its own SplitMix64, not a library whose stream may change). Nothing is analysed: the articles
//! come out as [`SearchDoc`]s and [`FacetRow`]s directly, so 10,000 of them take well under a second.
//!
//! What makes them realistic enough to measure with:
//! - bodies of 300–1,500 words (most near 900) in sentences and paragraphs, titles of 5–12 words;
//! - words drawn from a Zipfian distribution over a 30,000-word vocabulary whose most frequent
//!   words are English function words and news words, then made-up words, so the index sees the
//!   long tail of rare terms real text has; a few set phrases ("spheres of influence") recur;
//! - a few hundred authors of very different output, 10% of articles without a byline, 20 topics,
//!   several hundred quoted voices, frames, cues and integrity signals in skewed proportions, and
//!   dates over twelve years with 5% undated.

use crate::facets::{Facet, FacetIndex, FacetRow};
use crate::pack::{Pack, PackArticle, NO_BYLINE, PACK_VERSION};
use crate::query::Explorer;
use crate::search::{SearchDoc, SearchIndex};

/// One synthetic collection: `docs[i]` and `rows[i]` describe the same article.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthCorpus {
    pub docs: Vec<SearchDoc>,
    pub rows: Vec<FacetRow>,
}

/// SplitMix64 (Steele, Lea and Flood): tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }
}

/// Draws ranks `0..n` with probability proportional to `1 / (rank + 1)^exponent`.
#[derive(Debug, Clone)]
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, exponent: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n.max(1))
            .map(|rank| {
                total += 1.0 / ((rank + 1) as f64).powf(exponent);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    pub fn sample(&self, rng: &mut SplitMix64) -> usize {
        let target = rng.unit() * self.cumulative.last().copied().unwrap_or(0.0);
        self.cumulative
            .partition_point(|&cumulative| cumulative <= target)
            .min(self.cumulative.len() - 1)
    }
}

/// The most frequent words, most frequent first: function words interleaved with news words.
const COMMON_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "for",
    "on",
    "it",
    "with",
    "as",
    "was",
    "said",
    "by",
    "at",
    "nato",
    "from",
    "has",
    "security",
    "are",
    "its",
    "russia",
    "alliance",
    "be",
    "an",
    "have",
    "this",
    "defence",
    "which",
    "military",
    "not",
    "their",
    "were",
    "ukraine",
    "government",
    "they",
    "minister",
    "but",
    "spending",
    "or",
    "been",
    "president",
    "had",
    "summit",
    "who",
    "would",
    "members",
    "will",
    "europe",
    "war",
    "also",
    "more",
    "policy",
    "against",
    "countries",
    "after",
    "officials",
    "new",
    "over",
    "than",
    "international",
    "year",
    "state",
    "support",
    "could",
    "foreign",
    "all",
    "political",
    "public",
    "about",
    "global",
    "influence",
    "forces",
    "between",
    "report",
    "leaders",
    "expansion",
    "sanctions",
    "border",
    "economic",
    "power",
    "analysts",
    "critics",
    "peace",
    "treaty",
    "east",
    "west",
    "threat",
    "budget",
    "democracy",
    "stability",
    "conflict",
    "agreement",
    "cooperation",
    "energy",
    "migration",
    "election",
    "crisis",
    "strategy",
    "troops",
    "weapons",
    "alliance's",
    "sphere",
    "enlargement",
    "deterrence",
    "diplomacy",
    "negotiations",
    "pressure",
    "tensions",
    "vote",
];

/// Word pieces for the made-up long tail of the vocabulary.
const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ren", "sto", "vel", "dra", "nu", "pe", "tor", "bri", "san", "go", "li",
    "mar", "ques", "ti", "on", "al", "est", "ber", "qua", "zen", "fi",
];

/// Phrases that recur across articles, so phrase queries have something to find.
const PHRASES: [&str; 6] = [
    "spheres of influence",
    "collective defence",
    "defence spending",
    "eastward expansion",
    "arms race",
    "rules-based order",
];

const FIRST_NAMES: [&str; 24] = [
    "Anna", "Ben", "Chloé", "David", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kasia",
    "Liam", "Maria", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tomás", "Ursula",
    "Viktor", "Wen", "Zoë",
];

const LAST_NAMES: [&str; 24] = [
    "Andersen",
    "Brown",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "O'Brien",
    "Petrov",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Urbanek",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
];

const TOPICS: [&str; 20] = [
    "NATO enlargement",
    "Defence spending",
    "Russia–NATO relations",
    "Ukraine",
    "Arms control",
    "European security",
    "Energy",
    "Migration",
    "Sanctions",
    "Elections",
    "Cyber security",
    "Nuclear weapons",
    "Baltic states",
    "Diplomacy",
    "Economy",
    "Human rights",
    "Military exercises",
    "Alliance cohesion",
    "Disinformation",
    "Climate and security",
];

const ORGANISATIONS: [&str; 12] = [
    "NATO",
    "the Kremlin",
    "the Pentagon",
    "the European Commission",
    "the US State Department",
    "the UN",
    "Pew Research Center",
    "Amnesty International",
    "the OSCE",
    "the IMF",
    "the Ministry of Defence",
    "the Carnegie Endowment",
];

/// The frames as the facet shows them; "Other" never becomes a facet value.
const FRAMES: [&str; 14] = [
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality",
    "Policy prescription",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation",
];

const CUES: [&str; 12] = [
    "Loaded language",
    "Name calling / labeling",
    "Exaggeration / minimisation",
    "Doubt",
    "Appeal to fear / prejudice",
    "Flag waving",
    "Appeal to authority",
    "Causal oversimplification",
    "Certainty: hedge",
    "Certainty: booster",
    "Attribution verb stance",
    "Scare quotes",
];

const INTEGRITY: [(&str, f64); 6] = [
    ("Statistic without a source", 0.3),
    ("Check this expert", 0.15),
    ("AI assistance disclosed", 0.05),
    ("Copied from a web page", 0.2),
    ("Date contradicted by the text", 0.03),
    ("Weekday does not fit the date", 0.01),
];

const VOCABULARY_SIZE: usize = 30_000;
const N_AUTHORS: usize = 300;
const N_PEOPLE_QUOTED: usize = 500;

/// The made-up word of `rank` (past the common words): two to four syllables, unique per rank.
fn made_up_word(rank: usize) -> String {
    let mut word = String::new();
    let mut rest = rank;
    loop {
        word.push_str(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
        if rest == 0 {
            break;
        }
        rest -= 1;
    }
    if word.len() < 4 {
        word.push_str("ne");
    }
    word
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn person(idx: usize) -> String {
    // Walk the name grid diagonally so neighbouring indices do not share a first name.
    let first = FIRST_NAMES[idx % FIRST_NAMES.len()];
    let last = LAST_NAMES[(idx / FIRST_NAMES.len() + idx * 7) % LAST_NAMES.len()];
    let initial = (idx / (FIRST_NAMES.len() * LAST_NAMES.len())) % 26;
    if initial == 0 {
        format!("{first} {last}")
    } else {
        format!("{first} {}. {last}", (b'A' + initial as u8) as char)
    }
}

struct Generator {
    rng: SplitMix64,
    vocabulary: Vec<String>,
    words: Zipf,
    authors: Zipf,
    topics: Zipf,
    voices: Zipf,
    frames: Zipf,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut vocabulary: Vec<String> =
            COMMON_WORDS.iter().map(|word| word.to_string()).collect();
        let mut made_up = 0;
        while vocabulary.len() < VOCABULARY_SIZE {
            vocabulary.push(made_up_word(made_up));
            made_up += 1;
        }
        Generator {
            rng: SplitMix64::new(seed),
            vocabulary,
            words: Zipf::new(VOCABULARY_SIZE, 1.0),
            authors: Zipf::new(N_AUTHORS, 0.8),
            topics: Zipf::new(TOPICS.len(), 0.9),
            voices: Zipf::new(N_PEOPLE_QUOTED + ORGANISATIONS.len(), 0.9),
            frames: Zipf::new(FRAMES.len(), 1.0),
        }
    }

    fn word(&mut self) -> &str {
        let rank = self.words.sample(&mut self.rng);
        &self.vocabulary[rank]
    }

    fn title(&mut self) -> String {
        let n_words = self.rng.between(5, 12);
        let words: Vec<String> = (0..n_words).map(|_| capitalised(self.word())).collect();
        words.join(" ")
    }

    fn body(&mut self) -> String {
        // The sum of two uniforms: 300–1,500 words, most articles near the middle.
        let n_words = (self.rng.between(150, 750) + self.rng.between(150, 750)).clamp(300, 1500);
        let mut body = String::with_capacity(n_words * 7);
        let mut written = 0;
        let mut in_paragraph = 0;
        while written < n_words {
            let sentence_length = self.rng.between(8, 30).min(n_words - written).max(1);
            let mut sentence_words = Vec::with_capacity(sentence_length + 3);
            while sentence_words.len() < sentence_length {
                if self.rng.chance(0.004) {
                    let phrase = PHRASES[self.rng.below(PHRASES.len())];
                    sentence_words.extend(phrase.split(' ').map(str::to_owned));
                } else {
                    sentence_words.push(self.word().to_owned());
                }
            }
            sentence_words[0] = capitalised(&sentence_words[0]);
            written += sentence_words.len();
            body.push_str(&sentence_words.join(" "));
            body.push('.');
            in_paragraph += 1;
            if written < n_words {
                if in_paragraph >= self.rng.between(2, 6) {
                    body.push_str("\n\n");
                    in_paragraph = 0;
                } else {
                    body.push(' ');
                }
            }
        }
        body
    }

    fn date(&mut self) -> Option<String> {
        if self.rng.chance(0.05) {
            return None;
        }
        let year = 2015 + self.rng.below(12);
        let month = 1 + self.rng.below(12);
        // Some pages print only a month.
        if self.rng.chance(0.1) {
            return Some(format!("{year}-{month:02}"));
        }
        Some(format!("{year}-{month:02}-{:02}", 1 + self.rng.below(28)))
    }

    fn voice(&mut self) -> String {
        let idx = self.voices.sample(&mut self.rng);
        match idx.checked_sub(N_PEOPLE_QUOTED) {
            Some(organisation) => ORGANISATIONS[organisation].to_owned(),
            // Offset so voices are mostly other people than the authors.
            None => person(idx + N_AUTHORS),
        }
    }

    fn article(&mut self, idx: usize) -> (SearchDoc, FacetRow) {
        let title = self.title();
        let body = self.body();
        let mut row = FacetRow::new(&title, self.date());
        if self.rng.chance(0.1) {
            row.push(Facet::Author, NO_BYLINE);
        } else {
            let author = person(self.authors.sample(&mut self.rng));
            row.push(Facet::Author, &author);
        }
        for _ in 0..self.rng.between(1, 3) {
            let topic = TOPICS[self.topics.sample(&mut self.rng)];
            row.push(Facet::Topic, topic);
        }
        for _ in 0..self.rng.between(0, 6) {
            let voice = self.voice();
            row.push(Facet::Voices, &voice);
        }
        for _ in 0..self.rng.between(1, 2) {
            let frame = FRAMES[self.frames.sample(&mut self.rng)];
            row.push(Facet::Frame, frame);
        }
        for (rank, cue) in CUES.iter().enumerate() {
            if self.rng.chance(0.6 / (rank + 1) as f64) {
                row.push(Facet::Cue, cue);
            }
        }
        for (signal, probability) in INTEGRITY {
            if self.rng.chance(probability) {
                row.push(Facet::Integrity, signal);
            }
        }
        let doc = SearchDoc {
            id: format!("synth-{idx:05}"),
            title,
            body,
        };
        (doc, row.finish())
    }
}

/// `n_articles` synthetic articles from `seed`.
pub fn corpus(seed: u64, n_articles: usize) -> SynthCorpus {
    let mut generator = Generator::new(seed);
    let (docs, rows) = (0..n_articles).map(|idx| generator.article(idx)).unzip();
    SynthCorpus { docs, rows }
}

impl SynthCorpus {
    /// The collection as a pack the app can show (for in-browser benchmarks and component tests):
    /// each article keeps its id as slug, title, author (or "No byline") and ISO date, and its body
    /// as the analysis's text. Nothing is analysed — the analysis is the sparse one of empty input
    /// carrying that text, enough for result lists, snippets and the reader's plain text.
    pub fn to_pack(&self) -> Pack {
        let sparse = crate::analyze("");
        let articles = self
            .docs
            .iter()
            .zip(&self.rows)
            .map(|(doc, row)| {
                let author = row
                    .values_of(Facet::Author)
                    .next()
                    .unwrap_or(NO_BYLINE)
                    .to_owned();
                let mut analysis = sparse.clone();
                analysis.text = doc.body.clone();
                analysis.metadata.title = Some(doc.title.clone());
                PackArticle {
                    slug: doc.id.clone(),
                    file: String::new(),
                    title: doc.title.clone(),
                    title_curated: false,
                    byline: (author != NO_BYLINE).then(|| format!("By {author}")),
                    author,
                    printed_date: row.date.clone(),
                    notes: Vec::new(),
                    topics_curated: Vec::new(),
                    analysis,
                }
            })
            .collect();
        Pack {
            version: PACK_VERSION,
            id: "synthetic".to_owned(),
            title: format!("{} synthetic articles", self.docs.len()),
            description: "Generated for benchmarks; not news.".to_owned(),
            events: Default::default(),
            articles,
            lessons: Vec::new(),
        }
    }

    /// The explorer's indexes of this collection, built from the documents and facet rows directly
    /// (what [`Explorer::from_pack`] would derive from analyses that were never made).
    pub fn explorer(&self) -> Explorer {
        Explorer::new(
            SearchIndex::build(&self.docs),
            FacetIndex::build(&self.rows),
        )
    }
}

#[cfg(test)]
mod tests;
