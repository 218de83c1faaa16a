//! Framing profile per article: who speaks, how key actors are labelled, cues, frames, certainty, distinctive terms and omissions.
//!
//! [`profiles`] builds one [`FramingProfile`] per compared article from the articles' analyses and
//! their [`Alignment`]. Every item carries the spans it comes from, so the compare view can link
//! each difference to its passage. Each part reads one field of the analysis and is empty when that
//! field is: an analysis without voices yields a profile without voices, not an error.
//!
//! Term statistics are on one scale for all columns: each term's z-score is the log-odds ratio of
//! its use in this article versus the other compared articles, with an informative Dirichlet prior
//! from all of them together (Monroe, Colaresi and Quinn, "Fightin' Words", 2008). A term with
//! z ≥ [`DISTINCTIVE_Z`] is distinctive of an article; the same number means the same thing in
//! every column, so the view can size terms honestly across columns.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::align::terms::{self, ContentWord, ContentWords};
use crate::align::{Alignment, EventOrigin};
use crate::analysis::Analysis;
use crate::attribution::{AttributionKind, VoiceKind};
use crate::cues::CueKind;
use crate::frames::Frame;
use crate::span::Span;
use crate::text::{self, TokenKind};

/// z-score (about p < 0.05, two-sided) above which a term counts as distinctive of one article.
pub const DISTINCTIVE_Z: f32 = 1.96;
/// Strength of the pooled prior in the log-odds ratio, in pseudo-words.
const PRIOR_WORDS: f32 = 200.0;
const MAX_TERMS: usize = 12;
const MAX_LABEL_WORDS: usize = 12;
/// How many content words either side of an actor's mention count as "near" it.
const LABEL_WINDOW: usize = 4;
const MAX_FRAMES: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingProfile {
    pub article_idx: usize,
    /// Every voice the article gives a say, most words first.
    pub voices: Vec<VoiceSummary>,
    pub n_named_voices: usize,
    pub n_anonymous_voices: usize,
    /// The words the article uses near each key actor.
    pub actors: Vec<ActorLabels>,
    /// Cue counts by kind, most frequent first.
    pub cue_counts: Vec<CueCount>,
    /// The article's strongest frames, strongest first.
    pub dominant_frames: Vec<FrameShare>,
    pub certainty: Certainty,
    /// Terms this article uses markedly more than the others (z ≥ [`DISTINCTIVE_Z`]), highest first.
    pub distinctive_terms: Vec<TermScore>,
    /// Terms this article shares with every other compared article, most used first.
    pub shared_terms: Vec<TermScore>,
    /// Events other compared articles cover and this one does not.
    pub omissions: Vec<Omission>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceSummary {
    /// Index into `Analysis::voices`.
    pub voice_idx: usize,
    pub name: String,
    pub kind: VoiceKind,
    pub role: Option<String>,
    pub n_attributions: usize,
    /// Words inside quotation marks given to this voice.
    pub n_words_quoted: usize,
    /// Words of reported speech (the writer's paraphrase) given to this voice.
    pub n_words_reported: usize,
    /// What the voice is made to say: the content span of each of its attributions.
    pub spans: Vec<Span>,
}

/// A key actor and how to recognise it in text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    /// Names and words that refer to it. An all-capitals alias ("US") only matches in capitals.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorLabels {
    pub actor: String,
    pub mentions: Vec<Span>,
    /// Content words near a mention in the same sentence (not names), most frequent first.
    pub words: Vec<LabelWord>,
    /// Framing cues in sentences that mention the actor.
    pub cues: Vec<ActorCue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelWord {
    /// Lower case, as the text writes it most often.
    pub word: String,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorCue {
    pub kind: CueKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueCount {
    pub kind: CueKind,
    pub count: usize,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameShare {
    pub frame: Frame,
    pub score: u32,
    /// This frame's part of all frame evidence in the article, 0..=1.
    pub share: f32,
    /// In how many paragraphs it is the dominant frame.
    pub dominant_in: u32,
    pub evidence: Vec<Span>,
}

/// Hedges ("may", "could") soften claims; boosters ("clearly", "undoubtedly") harden them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Certainty {
    pub hedges: Vec<Span>,
    pub boosters: Vec<Span>,
    /// (boosters − hedges) / (boosters + hedges): −1 all hedged, +1 all boosted, 0 balanced or none.
    pub balance: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermScore {
    /// Lower case, as the article writes it most often.
    pub term: String,
    /// Occurrences in this article.
    pub count: usize,
    /// Log-odds z-score of this article versus the others, on the same scale in every column.
    pub z: f32,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    pub event_id: String,
    pub event_name: String,
    pub origin: EventOrigin,
    /// The compared articles that do cover it.
    pub covered_by: Vec<usize>,
    /// Where they cover it: the best passage of each.
    pub passages: Vec<PassageRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageRef {
    pub article_idx: usize,
    pub paragraph: usize,
    pub span: Span,
}

/// The key actors of the seed pack's subject, as a small alias list. Entity mentions from the
/// analysis are used too when an entity's name is one of these aliases.
pub fn default_actors() -> Vec<Actor> {
    let actor = |name: &str, aliases: &[&str]| Actor {
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    vec![
        actor(
            "NATO and the West",
            &[
                "NATO",
                "North Atlantic Treaty Organization",
                "North Atlantic Treaty Organisation",
                "the alliance",
                "the West",
                "Western",
                "Washington",
                "United States",
                "US",
                "U.S.",
                "Stoltenberg",
            ],
        ),
        actor(
            "Russia",
            &[
                "Russia",
                "Russian",
                "Russian Federation",
                "Moscow",
                "Kremlin",
                "Putin",
                "Lavrov",
            ],
        ),
    ]
}

/// One profile per article, with the default key actors.
pub fn profiles(articles: &[&Analysis], alignment: &Alignment) -> Vec<FramingProfile> {
    profiles_with_actors(articles, alignment, &default_actors())
}

/// [`profiles`] with the articles' content words computed beforehand (`words[i]` is
/// [`ContentWords::of`] `articles[i]`), as they were for their alignment. Content words that do
/// not match the articles in number are computed again.
pub fn profiles_with_words(
    articles: &[&Analysis],
    words: &[ContentWords],
    alignment: &Alignment,
) -> Vec<FramingProfile> {
    if words.len() != articles.len() {
        return profiles(articles, alignment);
    }
    build_profiles(articles, words, alignment, &default_actors())
}

/// One profile per article, with the given key actors.
pub fn profiles_with_actors(
    articles: &[&Analysis],
    alignment: &Alignment,
    actors: &[Actor],
) -> Vec<FramingProfile> {
    build_profiles(articles, &ContentWords::of_all(articles), alignment, actors)
}

fn build_profiles(
    articles: &[&Analysis],
    words: &[ContentWords],
    alignment: &Alignment,
    actors: &[Actor],
) -> Vec<FramingProfile> {
    let mut term_scores = term_scores(articles, words);
    articles
        .iter()
        .enumerate()
        .map(|(article_idx, analysis)| {
            let voices = voice_summaries(analysis);
            let (distinctive_terms, shared_terms) = std::mem::take(&mut term_scores[article_idx]);
            FramingProfile {
                article_idx,
                n_named_voices: voices
                    .iter()
                    .filter(|v| v.kind != VoiceKind::Anonymous)
                    .count(),
                n_anonymous_voices: voices
                    .iter()
                    .filter(|v| v.kind == VoiceKind::Anonymous)
                    .count(),
                voices,
                actors: actor_labels_all(analysis, &words[article_idx], actors),
                cue_counts: cue_counts(analysis),
                dominant_frames: dominant_frames(analysis),
                certainty: certainty(analysis),
                distinctive_terms,
                shared_terms,
                omissions: omissions(alignment, article_idx),
            }
        })
        .collect()
}

fn count_words(text: &str, span: Span) -> usize {
    text::token_spans(text, span)
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

fn voice_summaries(analysis: &Analysis) -> Vec<VoiceSummary> {
    let text = &analysis.text;
    let mut voices: Vec<VoiceSummary> = analysis
        .voices
        .iter()
        .enumerate()
        .map(|(voice_idx, voice)| VoiceSummary {
            voice_idx,
            name: voice.name.clone(),
            kind: voice.kind,
            role: voice.role.clone(),
            n_attributions: 0,
            n_words_quoted: 0,
            n_words_reported: 0,
            spans: Vec::new(),
        })
        .collect();
    for attribution in &analysis.attributions {
        let Some(summary) = attribution.voice.and_then(|idx| voices.get_mut(idx)) else {
            continue;
        };
        summary.n_attributions += 1;
        summary.spans.push(attribution.content);
        let quoted: usize = attribution
            .quotes
            .iter()
            .map(|q| count_words(text, *q))
            .sum();
        summary.n_words_quoted += quoted;
        if attribution.kind != AttributionKind::Direct {
            let content = count_words(text, attribution.content);
            summary.n_words_reported += content.saturating_sub(quoted);
        }
    }
    crate::sort::sort_by_key(&mut voices, |v| {
        (
            std::cmp::Reverse(v.n_words_quoted + v.n_words_reported),
            v.voice_idx,
        )
    });
    voices
}

/// A word of the text with its look-up form, borrowed from the text when it is already lower case.
struct WordToken<'t> {
    span: Span,
    lower: Cow<'t, str>,
}

/// The word tokens of `text`, with their look-up forms.
fn word_tokens(text: &str) -> Vec<WordToken<'_>> {
    text::token_spans(text, Span::new(0, text.len()))
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| WordToken {
            span: t.span,
            lower: t.lower(text),
        })
        .collect()
}

/// Where the actor is mentioned: its aliases as whole words, plus the analysis' entity mentions.
///
/// `tokens` are the word tokens of the whole text.
fn actor_mentions(analysis: &Analysis, tokens: &[WordToken], actor: &Actor) -> Vec<Span> {
    let text = &analysis.text;
    let mut mentions = Vec::new();
    for alias in &actor.aliases {
        let alias_tokens = word_tokens(alias);
        if alias_tokens.is_empty() || tokens.len() < alias_tokens.len() {
            continue;
        }
        // "US" in capitals is the country; "us" is a pronoun.
        let exact_case = alias
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && alias.chars().filter(|c| c.is_alphabetic()).count() <= 3;
        for start in 0..=tokens.len() - alias_tokens.len() {
            let window = &tokens[start..start + alias_tokens.len()];
            let matches = window.iter().zip(&alias_tokens).all(|(token, wanted)| {
                if exact_case {
                    token.span.slice(text) == wanted.span.slice(alias)
                } else {
                    let lower = token.lower.strip_suffix("'s").unwrap_or(&token.lower);
                    lower == wanted.lower
                }
            });
            let contiguous = || {
                window.windows(2).all(|pair| {
                    text.get(pair[0].span.end..pair[1].span.start)
                        .is_some_and(|gap| gap.chars().all(char::is_whitespace))
                })
            };
            if matches && contiguous() {
                mentions.push(Span::new(
                    window[0].span.start,
                    window[window.len() - 1].span.end,
                ));
            }
        }
    }
    let aliases: Vec<String> = std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|a| a.to_lowercase())
        .collect();
    for entity in &analysis.entities {
        if aliases.contains(&entity.name.to_lowercase()) {
            mentions.extend(entity.mentions.iter().filter(|m| m.end <= text.len()));
        }
    }
    crate::sort::sort(&mut mentions);
    mentions.dedup();
    // A mention inside a longer one ("NATO" inside "NATO chief"'s alias) is the same mention.
    let mut kept: Vec<Span> = Vec::new();
    for mention in mentions {
        if let Some(last) = kept.last_mut() {
            if last.start < mention.end && mention.start < last.end {
                *last = Span::new(last.start.min(mention.start), last.end.max(mention.end));
                continue;
            }
        }
        kept.push(mention);
    }
    kept
}

fn actor_labels_all(
    analysis: &Analysis,
    words: &ContentWords,
    actors: &[Actor],
) -> Vec<ActorLabels> {
    let tokens = word_tokens(&analysis.text);
    let mentions: Vec<Vec<Span>> = actors
        .iter()
        .map(|actor| actor_mentions(analysis, &tokens, actor))
        .collect();
    let all_mentions: Vec<Span> = mentions.iter().flatten().copied().collect();
    // The number (over the whole text) of each paragraph's first sentence, as content words count them.
    let mut first_sentence = Vec::with_capacity(analysis.structure.paragraphs.len());
    let mut sentence_idx = 0;
    for paragraph in &analysis.structure.paragraphs {
        first_sentence.push(sentence_idx);
        sentence_idx += paragraph.sentences.len().max(1);
    }
    let sentences = SentenceWords {
        analysis,
        words,
        first_sentence,
    };
    actors
        .iter()
        .zip(mentions)
        .map(|(actor, mentions)| actor_labels(analysis, &sentences, actor, mentions, &all_mentions))
        .collect()
}

/// The content words of an article's sentences, read from its words by paragraph.
struct SentenceWords<'a> {
    analysis: &'a Analysis,
    words: &'a ContentWords,
    first_sentence: Vec<usize>,
}

impl<'a> SentenceWords<'a> {
    /// The content words of the sentence containing byte `offset` (the sentence
    /// `Structure::sentence_at` finds there): the same words, in the same order, as that sentence
    /// alone would give.
    fn at(&self, offset: usize) -> &'a [ContentWord] {
        let structure = &self.analysis.structure;
        let Some(paragraph_idx) = structure.paragraph_index_at(offset) else {
            return &[];
        };
        let sentence_in_paragraph = structure.paragraphs[paragraph_idx]
            .sentences
            .partition_point(|sentence| sentence.end <= offset);
        let sentence = self.first_sentence[paragraph_idx] + sentence_in_paragraph;
        let Some(words) = self.words.by_paragraph.get(paragraph_idx) else {
            return &[];
        };
        let from = words.partition_point(|word| word.sentence < sentence);
        let to = words.partition_point(|word| word.sentence <= sentence);
        &words[from..to]
    }
}

fn actor_labels(
    analysis: &Analysis,
    sentences: &SentenceWords,
    actor: &Actor,
    mentions: Vec<Span>,
    all_mentions: &[Span],
) -> ActorLabels {
    let text = &analysis.text;
    let overlaps = |span: Span, spans: &[Span]| {
        spans
            .iter()
            .any(|m| m.start < span.end && span.start < m.end)
    };
    let mut words: BTreeMap<String, Vec<Span>> = BTreeMap::new();
    let mut cues = Vec::new();
    let mut seen_sentences: Vec<Span> = Vec::new();
    for mention in &mentions {
        let Some(sentence) = analysis.structure.sentence_at(mention.start) else {
            continue;
        };
        let sentence_words = sentences.at(mention.start);
        let positions: Vec<usize> = sentence_words
            .iter()
            .enumerate()
            .filter(|(_, w)| mention.contains(w.span))
            .map(|(idx, _)| idx)
            .collect();
        let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
            continue;
        };
        let from = first.saturating_sub(LABEL_WINDOW);
        let to = (last + LABEL_WINDOW + 1).min(sentence_words.len());
        for word in &sentence_words[from..to] {
            // Names are who, not how; actors' own names and dates are not labels either.
            if word.proper
                || overlaps(word.span, all_mentions)
                || terms::is_calendar_word(&word.span.slice(text).to_lowercase())
                || word.key.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            let spans = words.entry(word.key.clone()).or_default();
            if !spans.contains(&word.span) {
                spans.push(word.span);
            }
        }
        if !seen_sentences.contains(&sentence) {
            seen_sentences.push(sentence);
            for cue in &analysis.cues {
                if sentence.contains(cue.span) {
                    cues.push(ActorCue {
                        kind: cue.kind,
                        span: cue.span,
                    });
                }
            }
        }
    }
    let mut words: Vec<Vec<Span>> = words
        .into_values()
        .map(|mut spans| {
            crate::sort::sort(&mut spans);
            spans
        })
        .collect();
    crate::sort::sort_by(&mut words, |a, b| {
        b.len().cmp(&a.len()).then(a[0].cmp(&b[0]))
    });
    words.truncate(MAX_LABEL_WORDS);
    // The order does not depend on the written form, so it is chosen only for the words kept.
    let words: Vec<LabelWord> = words
        .into_iter()
        .map(|spans| {
            let mut forms: HashMap<String, usize> = HashMap::new();
            for span in &spans {
                *forms.entry(span.slice(text).to_lowercase()).or_default() += 1;
            }
            LabelWord {
                word: most_common(forms),
                spans,
            }
        })
        .collect();
    crate::sort::sort_by_key(&mut cues, |cue| cue.span);
    ActorLabels {
        actor: actor.name.clone(),
        mentions,
        words,
        cues,
    }
}

fn most_common(forms: HashMap<String, usize>) -> String {
    forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(form, _)| form)
        .unwrap_or_default()
}

fn cue_counts(analysis: &Analysis) -> Vec<CueCount> {
    let mut by_kind: BTreeMap<CueKind, Vec<Span>> = BTreeMap::new();
    for cue in &analysis.cues {
        by_kind.entry(cue.kind).or_default().push(cue.span);
    }
    let mut counts: Vec<CueCount> = by_kind
        .into_iter()
        .map(|(kind, spans)| CueCount {
            kind,
            count: spans.len(),
            spans,
        })
        .collect();
    crate::sort::sort_by_key(&mut counts, |c| (std::cmp::Reverse(c.count), c.kind));
    counts
}

fn dominant_frames(analysis: &Analysis) -> Vec<FrameShare> {
    let frames = &analysis.frames;
    let total: u32 = frames.article.iter().map(|f| f.score).sum();
    frames
        .article
        .iter()
        .filter(|f| f.score > 0 && f.frame != Frame::Other)
        .take(MAX_FRAMES)
        .map(|f| FrameShare {
            frame: f.frame,
            score: f.score,
            share: f.score as f32 / total.max(1) as f32,
            dominant_in: f.dominant_in,
            evidence: frames
                .paragraphs
                .iter()
                .flat_map(|p| p.frames.iter())
                .filter(|e| e.frame == f.frame)
                .flat_map(|e| e.evidence.iter().copied())
                .collect(),
        })
        .collect()
}

fn certainty(analysis: &Analysis) -> Certainty {
    let spans_of = |kind: CueKind| -> Vec<Span> {
        analysis
            .cues
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.span)
            .collect()
    };
    let hedges = spans_of(CueKind::Hedge);
    let boosters = spans_of(CueKind::Booster);
    let total = hedges.len() + boosters.len();
    let balance = if total == 0 {
        0.0
    } else {
        (boosters.len() as f32 - hedges.len() as f32) / total as f32
    };
    Certainty {
        hedges,
        boosters,
        balance,
    }
}

/// Distinctive and shared terms of every article, on one z scale.
fn term_scores(
    articles: &[&Analysis],
    words: &[ContentWords],
) -> Vec<(Vec<TermScore>, Vec<TermScore>)> {
    // Per article, per stem: the spans; plus pooled counts. BTreeMaps keep the output deterministic.
    let per_article: Vec<BTreeMap<&str, Vec<Span>>> = words
        .iter()
        .map(|article_words| {
            let mut by_key: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
            for word in article_words.by_paragraph.iter().flatten() {
                // Numbers and years are facts to check, not vocabulary.
                if word.key.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                by_key.entry(word.key.as_str()).or_default().push(word.span);
            }
            by_key
        })
        .collect();
    let mut pooled: BTreeMap<&str, usize> = BTreeMap::new();
    for by_key in &per_article {
        for (key, spans) in by_key {
            *pooled.entry(key).or_default() += spans.len();
        }
    }
    let pooled_total: usize = pooled.values().sum();
    let article_totals: Vec<usize> = per_article
        .iter()
        .map(|m| m.values().map(Vec::len).sum())
        .collect();
    let n_articles = articles.len();
    per_article
        .iter()
        .enumerate()
        .map(|(article_idx, by_key)| {
            if n_articles < 2 || pooled_total == 0 {
                return (Vec::new(), Vec::new());
            }
            let n_this = article_totals[article_idx] as f32;
            let n_rest = (pooled_total - article_totals[article_idx]) as f32;
            // Candidates in key order: (spans, count, z). Their display form is written only for
            // the few that can be kept (below).
            let mut distinctive: Vec<(&[Span], usize, f32)> = Vec::new();
            let mut shared: Vec<(&[Span], usize, f32)> = Vec::new();
            for (key, spans) in by_key {
                let y_this = spans.len() as f32;
                let y_all = pooled[key] as f32;
                let y_rest = y_all - y_this;
                let alpha = PRIOR_WORDS * y_all / pooled_total as f32;
                let log_odds = |y: f32, n: f32| ((y + alpha) / (n + PRIOR_WORDS - y - alpha)).ln();
                let delta = log_odds(y_this, n_this) - log_odds(y_rest, n_rest);
                let variance = 1.0 / (y_this + alpha) + 1.0 / (y_rest + alpha);
                let z = delta / variance.sqrt();
                let count = spans.len();
                if z >= DISTINCTIVE_Z {
                    if count >= 2 {
                        distinctive.push((spans.as_slice(), count, z));
                    }
                    continue;
                }
                let n_other_articles_using = per_article
                    .iter()
                    .enumerate()
                    .filter(|(idx, other)| *idx != article_idx && other.contains_key(key))
                    .count();
                if n_other_articles_using == n_articles - 1 && z < DISTINCTIVE_Z {
                    shared.push((spans.as_slice(), count, z));
                }
            }
            let text = &articles[article_idx].text;
            // Only candidates ranking no lower than the MAX_TERMS-th by the first sort key can be
            // kept; ties on it are broken by the display form, so all of those are written.
            let distinctive = top_terms(
                text,
                distinctive,
                |a, b| b.2.total_cmp(&a.2),
                |a, b| b.z.total_cmp(&a.z).then(a.term.cmp(&b.term)),
            );
            let shared = top_terms(
                text,
                shared,
                |a, b| b.1.cmp(&a.1),
                |a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)),
            );
            (distinctive, shared)
        })
        .collect()
}

/// The first [`MAX_TERMS`] candidates in the order `order` (which refines `rank`, the order of
/// candidates before their display form is known), as scored terms.
fn top_terms(
    text: &str,
    mut candidates: Vec<(&[Span], usize, f32)>,
    rank: impl Fn(&(&[Span], usize, f32), &(&[Span], usize, f32)) -> std::cmp::Ordering,
    order: impl Fn(&TermScore, &TermScore) -> std::cmp::Ordering,
) -> Vec<TermScore> {
    if candidates.len() > MAX_TERMS {
        let mut ranked: Vec<&(&[Span], usize, f32)> = candidates.iter().collect();
        ranked.select_nth_unstable_by(MAX_TERMS - 1, |a, b| rank(a, b));
        let last_kept = *ranked[MAX_TERMS - 1];
        candidates.retain(|c| rank(c, &last_kept) != std::cmp::Ordering::Greater);
    }
    let mut scored: Vec<TermScore> = candidates
        .into_iter()
        .map(|(spans, count, z)| TermScore {
            term: display_form(text, spans),
            count,
            z,
            spans: spans.to_vec(),
        })
        .collect();
    crate::sort::sort_by(&mut scored, order);
    scored.truncate(MAX_TERMS);
    scored
}

/// How the article most often writes a term: lower case, straight apostrophes.
fn display_form(text: &str, spans: &[Span]) -> String {
    let mut forms: HashMap<String, usize> = HashMap::new();
    for span in spans {
        *forms
            .entry(span.slice(text).to_lowercase().replace('’', "'"))
            .or_default() += 1;
    }
    most_common(forms)
}

fn omissions(alignment: &Alignment, article_idx: usize) -> Vec<Omission> {
    alignment
        .rows
        .iter()
        .filter(|row| {
            row.cells
                .iter()
                .any(|c| c.article_idx == article_idx && c.passages.is_empty())
        })
        .filter_map(|row| {
            let covered_by = row.covered_by();
            if covered_by.is_empty() {
                return None;
            }
            let passages = row
                .cells
                .iter()
                .filter_map(|cell| {
                    let best = cell.passages.first()?;
                    Some(PassageRef {
                        article_idx: cell.article_idx,
                        paragraph: best.paragraph,
                        span: best.span,
                    })
                })
                .collect();
            Some(Omission {
                event_id: row.event.id.clone(),
                event_name: row.event.name.clone(),
                origin: row.origin,
                covered_by,
                passages,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
