//! Scores an analysis against hand-annotated gold: precision, recall and F1 for attributions, voices and each cue kind.
//!
//! The annotation format is small and hand-written so the library stays serde-only. One passage per
//! file:
//!
//! ```text
//! # Lines starting with '#' are comments (outside the text block).
//! id: 01_wire_port_strike
//! style: wire report
//! licence: MIT OR Apache-2.0, written for the Parallax development set
//! --- text
//! The passage, verbatim, one paragraph per line, blank lines between paragraphs.
//! --- gold
//! attribution | source = Maria Lopez | voice = named_person | cue = said | content = the strike would last
//! attribution | source = Ann Wu | voice = named_person | cue = says | content = We tried | more = It failed.
//! cue | kind = loaded_language | text = slammed
//! cue | kind = hedge | text = may | nth = 2
//! ```
//!
//! Every `content` and `text` value is a substring of the passage; `nth` (1-based) picks a later
//! occurrence when the substring is not unique (it applies to `content` only, not to `more`).
//! `more` adds a further part to the same attribution's content: a quote split around its cue
//! ("We tried," she says. "It failed.") is one attribution with two parts. `source` is the name a careful reader gives the
//! speaker (resolved, so "he said" after "Maria Lopez" is `Maria Lopez`); `cue` is the reporting
//! verb or phrase as written, or `-` when there is none (a quote introduced by a colon); `voice` is
//! `named_person`, `named_organisation` or `anonymous`.
//!
//! Matching rules, chosen so that a reasonable engine answer counts and a wrong one does not:
//! an attribution's content matches when the two spans overlap by at least half of the shorter one;
//! it may match any part of a split quote, and a second prediction for another part of an already
//! matched quote is neither right nor wrong (it is not counted as a prediction);
//! its source matches when the predicted voice name (or source text) shares a content word with the
//! gold source; its cue matches when one cue text contains the other, ignoring case. A cue matches a
//! gold cue of the same kind whose span it overlaps. Each gold item is matched at most once, greedily
//! in text order, so scores are deterministic.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::analysis::Analysis;
use crate::attribution::VoiceKind as EngineVoiceKind;
use crate::span::Span;

/// One hand-annotated passage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotated {
    pub id: String,
    pub style: String,
    pub licence: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
    pub cues: Vec<GoldCue>,
    /// Lines that could not be read, with their line number; parsing itself never fails.
    pub problems: Vec<String>,
}

/// A substring of the passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldText {
    pub text: String,
    /// Which occurrence, 1-based; `None` means the first, and says the annotator saw no other.
    pub nth: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    pub source: String,
    /// `None` when the quote has no reporting verb.
    pub cue: Option<String>,
    pub content: GoldText,
    /// Further parts of a quote split around its cue, each located after the one before.
    pub more_content: Vec<String>,
    pub voice: Option<VoiceKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCue {
    pub kind: String,
    pub text: GoldText,
}

/// The gold cue kind ids, in the order the table prints them.
pub const CUE_KINDS: [&str; 12] = [
    "loaded_language",
    "name_calling",
    "exaggeration",
    "doubt",
    "appeal_to_fear",
    "flag_waving",
    "appeal_to_authority",
    "causal_oversimplification",
    "hedge",
    "booster",
    "attribution_stance",
    "scare_quotes",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VoiceKind {
    NamedPerson,
    NamedOrganisation,
    Anonymous,
}

impl VoiceKind {
    pub fn id(self) -> &'static str {
        match self {
            VoiceKind::NamedPerson => "named_person",
            VoiceKind::NamedOrganisation => "named_organisation",
            VoiceKind::Anonymous => "anonymous",
        }
    }

    /// Reads the gold ids and the spellings an engine is likely to serialize.
    pub fn from_id(id: &str) -> Option<VoiceKind> {
        let id = id.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        match id.as_str() {
            "named_person" | "person" | "named" => Some(VoiceKind::NamedPerson),
            "named_organisation" | "named_organization" | "organisation" | "organization" => {
                Some(VoiceKind::NamedOrganisation)
            }
            "anonymous" | "vague" | "anonymous_or_vague" | "unnamed" => Some(VoiceKind::Anonymous),
            _ => None,
        }
    }
}

/// Reads one annotation file. Unreadable lines are reported in `problems`, never fatal.
pub fn parse_annotation(annotation: &str) -> Annotated {
    let mut annotated = Annotated::default();
    let mut section = Section::Header;
    let mut text_lines: Vec<&str> = Vec::new();
    for (line_idx, line) in annotation.lines().enumerate() {
        let line_number = line_idx + 1;
        let trimmed = line.trim();
        match trimmed {
            "--- text" => {
                section = Section::Text;
                continue;
            }
            "--- gold" => {
                section = Section::Gold;
                continue;
            }
            _ => {}
        }
        match section {
            Section::Text => text_lines.push(line),
            _ if trimmed.is_empty() || trimmed.starts_with('#') => {}
            Section::Header => match trimmed.split_once(':') {
                Some(("id", value)) => annotated.id = value.trim().to_string(),
                Some(("style", value)) => annotated.style = value.trim().to_string(),
                Some(("licence", value)) => annotated.licence = value.trim().to_string(),
                _ => annotated
                    .problems
                    .push(format!("line {line_number}: unknown header line")),
            },
            Section::Gold => {
                if let Err(problem) = parse_gold_line(trimmed, &mut annotated) {
                    annotated
                        .problems
                        .push(format!("line {line_number}: {problem}"));
                }
            }
        }
    }
    // The text block keeps its inner blank lines; blank lines around it are layout.
    annotated.text = text_lines.join("\n").trim_matches('\n').to_string();
    annotated.text.push('\n');
    annotated
}

enum Section {
    Header,
    Text,
    Gold,
}

fn parse_gold_line(line: &str, annotated: &mut Annotated) -> Result<(), String> {
    let mut parts = line.split('|').map(str::trim);
    let record = parts.next().unwrap_or_default();
    let mut fields: BTreeMap<&str, &str> = BTreeMap::new();
    let mut more_content = Vec::new();
    for part in parts {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| format!("field without '=': {part:?}"))?;
        match key.trim() {
            // The only field that may repeat.
            "more" => more_content.push(value.trim().to_string()),
            key => {
                if fields.insert(key, value.trim()).is_some() {
                    return Err(format!("field {key} given twice"));
                }
            }
        }
    }
    let nth = match fields.get("nth") {
        Some(value) => Some(
            value
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or("nth must be 1 or more")?,
        ),
        None => None,
    };
    let required = |key: &str| -> Result<String, String> {
        match fields.get(key) {
            Some(value) if !value.is_empty() => Ok(value.to_string()),
            _ => Err(format!("{record} needs {key}")),
        }
    };
    match record {
        "attribution" => {
            let voice = match fields.get("voice") {
                Some(id) => Some(VoiceKind::from_id(id).ok_or(format!("unknown voice {id:?}"))?),
                None => None,
            };
            let cue = required("cue")?;
            annotated.attributions.push(GoldAttribution {
                source: required("source")?,
                cue: if cue == "-" { None } else { Some(cue) },
                content: GoldText {
                    text: required("content")?,
                    nth,
                },
                more_content,
                voice,
            });
        }
        "cue" => annotated.cues.push(GoldCue {
            kind: required("kind")?,
            text: GoldText {
                text: required("text")?,
                nth,
            },
        }),
        other => return Err(format!("unknown record {other:?}")),
    }
    Ok(())
}

/// Finds the `nth` occurrence of a gold substring in `text`.
pub fn locate(text: &str, gold: &GoldText) -> Option<Span> {
    if gold.text.is_empty() {
        return None;
    }
    let mut from = 0;
    for occurrence in 1.. {
        let start = from + text.get(from..)?.find(gold.text.as_str())?;
        if occurrence == gold.nth.unwrap_or(1) {
            return Some(Span::new(start, start + gold.text.len()));
        }
        // Step past one character so overlapping occurrences count, staying on a char boundary.
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// What the engine said, reduced to the parts the evaluator compares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Predicted {
    /// The document every span below indexes into, and where gold substrings are looked up.
    pub text: String,
    pub attributions: Vec<PredictedAttribution>,
    pub cues: Vec<PredictedCue>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PredictedAttribution {
    /// The resolved voice name when there is one, else the source text, else "".
    pub source: String,
    pub cue: Option<String>,
    pub content: Span,
    pub voice: Option<VoiceKind>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PredictedCue {
    pub kind: String,
    pub span: Span,
}

impl Predicted {
    /// The one place that reads the engine's types, so the scoring survives changes to them.
    ///
    /// Cleaning moves the headline (and a subtitle) out of the text into the metadata, and the
    /// headline's cues index into it. The document scored is therefore the headline, the subtitle
    /// and the clean text joined by blank lines, in page order, with every span moved to match.
    pub fn from_analysis(analysis: &Analysis) -> Predicted {
        let title = analysis.metadata.title.as_deref().unwrap_or_default();
        let mut document = String::new();
        for part in [
            title,
            analysis.metadata.subtitle.as_deref().unwrap_or_default(),
        ] {
            if !part.is_empty() {
                document.push_str(part);
                document.push_str("\n\n");
            }
        }
        let text_offset = document.len();
        document.push_str(&analysis.text);
        let shift = |span: Span| Span::new(span.start + text_offset, span.end + text_offset);

        let text = analysis.text.as_str();
        let attributions = analysis
            .attributions
            .iter()
            .map(|attribution| {
                let voice = attribution
                    .voice
                    .and_then(|voice_idx| analysis.voices.get(voice_idx));
                let source_text = attribution
                    .source
                    .map(|span| span.slice(text))
                    .unwrap_or_default();
                let source = match voice {
                    Some(voice) if !voice.name.trim().is_empty() => voice.name.clone(),
                    _ => source_text.to_string(),
                };
                PredictedAttribution {
                    source,
                    cue: attribution.cue.map(|span| span.slice(text).to_string()),
                    content: shift(attribution.content),
                    voice: voice.map(|voice| match voice.kind {
                        EngineVoiceKind::Person => VoiceKind::NamedPerson,
                        EngineVoiceKind::Organisation => VoiceKind::NamedOrganisation,
                        EngineVoiceKind::Anonymous => VoiceKind::Anonymous,
                    }),
                }
            })
            .collect();
        let title_cues = analysis
            .title_cues
            .iter()
            .filter(|_| !title.is_empty())
            .map(|cue| (cue, cue.span));
        let text_cues = analysis.cues.iter().map(|cue| (cue, shift(cue.span)));
        let cues = title_cues
            .chain(text_cues)
            .map(|(cue, span)| PredictedCue {
                kind: normalize_cue_kind(cue.kind.id()),
                span,
            })
            .collect();
        Predicted {
            text: document,
            attributions,
            cues,
        }
    }
}

/// Maps the engine's kind ids onto the gold ids, so spelling differences do not count as errors.
pub fn normalize_cue_kind(kind: &str) -> String {
    let kind = kind
        .trim()
        .to_ascii_lowercase()
        .replace(['-', ' ', '/'], "_");
    let gold = match kind.as_str() {
        "name_calling_labeling" | "name_calling_labelling" | "labeling" | "labelling" => {
            "name_calling"
        }
        "exaggeration_minimisation"
        | "exaggeration_minimization"
        | "minimisation"
        | "minimization" => "exaggeration",
        "appeal_to_fear_prejudice" | "appeal_to_fear_or_prejudice" => "appeal_to_fear",
        "attribution_verb" | "attribution_verb_stance" => "attribution_stance",
        "scare_quote" => "scare_quotes",
        "hedging" => "hedge",
        "boosting" => "booster",
        other => other,
    };
    gold.to_string()
}

/// True positives against the number of predictions and gold items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub true_positives: usize,
    pub n_predicted: usize,
    pub n_gold: usize,
}

impl Counts {
    /// Precision; 1.0 when nothing was predicted (no wrong flag was raised).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.n_predicted)
    }

    /// Recall; 1.0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.n_gold)
    }

    pub fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }

    pub fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.n_predicted += other.n_predicted;
        self.n_gold += other.n_gold;
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Scores for one passage or, added up, for a whole development set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    /// Attributions whose content span matches, whatever the source and cue.
    pub attributions_content: Counts,
    /// Attributions whose content, source and cue all match.
    pub attributions_full: Counts,
    /// Among content-matched attributions with a gold voice kind: how many the engine classified the same.
    pub voices_correct: usize,
    pub voices_total: usize,
    /// How often each (gold kind, engine kind or "none") pair disagreed, to show which way voices go wrong.
    pub voice_confusions: BTreeMap<(String, String), usize>,
    /// Per gold cue kind id (engine kinds normalized by [`normalize_cue_kind`]).
    pub cues: BTreeMap<String, Counts>,
    /// Gold items that could not be found in the analysed text, and other annotation trouble.
    pub problems: Vec<String>,
    /// One line per miss, false prediction or wrong source, for whoever improves the engine.
    pub details: Vec<String>,
}

impl Scores {
    pub fn cues_total(&self) -> Counts {
        let mut total = Counts::default();
        for counts in self.cues.values() {
            total.add(*counts);
        }
        total
    }

    pub fn add(&mut self, other: &Scores) {
        self.attributions_content.add(other.attributions_content);
        self.attributions_full.add(other.attributions_full);
        self.voices_correct += other.voices_correct;
        self.voices_total += other.voices_total;
        for (pair, n) in &other.voice_confusions {
            *self.voice_confusions.entry(pair.clone()).or_default() += n;
        }
        for (kind, counts) in &other.cues {
            self.cues.entry(kind.clone()).or_default().add(*counts);
        }
        self.problems.extend(other.problems.iter().cloned());
        self.details.extend(other.details.iter().cloned());
    }

    /// The precision/recall table, one row per measure, in a fixed order.
    pub fn table(&self) -> String {
        let mut table = String::new();
        let _ = writeln!(
            table,
            "{:<32} {:>5} {:>5} {:>5} {:>9} {:>6} {:>6}",
            "measure", "tp", "pred", "gold", "precision", "recall", "f1"
        );
        let mut row = |name: &str, counts: Counts| {
            let _ = writeln!(
                table,
                "{:<32} {:>5} {:>5} {:>5} {:>9.3} {:>6.3} {:>6.3}",
                name,
                counts.true_positives,
                counts.n_predicted,
                counts.n_gold,
                counts.precision(),
                counts.recall(),
                counts.f1()
            );
        };
        row("attributions (content)", self.attributions_content);
        row("attributions (full)", self.attributions_full);
        // Known kinds in taxonomy order, then any kind the engine emits that the gold does not use.
        let known = CUE_KINDS
            .iter()
            .filter_map(|kind| self.cues.get_key_value(*kind));
        let unknown = self
            .cues
            .iter()
            .filter(|(kind, _)| !CUE_KINDS.contains(&kind.as_str()));
        for (kind, counts) in known.chain(unknown) {
            row(&format!("cue: {kind}"), *counts);
        }
        row("cues (all kinds)", self.cues_total());
        let _ = writeln!(
            table,
            "voice kind accuracy: {}/{} = {:.3} (over content-matched attributions)",
            self.voices_correct,
            self.voices_total,
            ratio(self.voices_correct, self.voices_total)
        );
        for ((gold, engine), n) in &self.voice_confusions {
            let _ = writeln!(table, "  gold {gold}, engine {engine}: {n}");
        }
        table
    }
}

/// Parses an annotation and scores `analysis` (which should be `analyze` of the annotated text) against it.
pub fn evaluate(annotation: &str, analysis: &Analysis) -> Scores {
    let annotated = parse_annotation(annotation);
    score(&annotated, &Predicted::from_analysis(analysis))
}

/// Scores predictions against gold. Gold substrings are located in the predicted document, so
/// spans compare directly; a gold item that cannot be found there (say, a line that cleaning
/// removed) counts as missed and is listed in `problems`.
pub fn score(annotated: &Annotated, predicted: &Predicted) -> Scores {
    let text = predicted.text.as_str();
    let mut scores = Scores::default();
    let id = &annotated.id;
    scores.problems.extend(
        annotated
            .problems
            .iter()
            .map(|problem| format!("{id}: {problem}")),
    );
    score_attributions(annotated, text, predicted, &mut scores);
    score_cues(annotated, text, predicted, &mut scores);
    scores
}

fn score_attributions(
    annotated: &Annotated,
    text: &str,
    predicted: &Predicted,
    scores: &mut Scores,
) {
    let mut located: Vec<(Vec<Span>, &GoldAttribution)> = Vec::new();
    for gold in &annotated.attributions {
        match locate_parts(text, gold) {
            Some(parts) => located.push((parts, gold)),
            None => scores.problems.push(format!(
                "{}: attribution content not in text: {:?}",
                annotated.id, gold.content.text
            )),
        }
    }
    located.sort_by_key(|(parts, _)| parts[0]);
    let n_gold = annotated.attributions.len();

    let content_fits = |(parts, _): &(Vec<Span>, &GoldAttribution),
                        candidate: &PredictedAttribution| {
        parts
            .iter()
            .any(|part| content_overlaps(*part, candidate.content))
    };
    let full_fits = |gold_item: &(Vec<Span>, &GoldAttribution),
                     candidate: &PredictedAttribution| {
        let gold = gold_item.1;
        content_fits(gold_item, candidate)
            && source_matches(&gold.source, &candidate.source)
            && cue_matches(gold.cue.as_deref(), candidate.cue.as_deref())
    };

    // Content-only matching; voice accuracy is measured on these pairs.
    let content_pairs = match_greedily(&located, &predicted.attributions, content_fits);
    let absorbed = absorbed_by_split_quotes(
        &located,
        &predicted.attributions,
        &content_pairs,
        content_fits,
    );
    // Both rows count predictions the same way, so their precisions compare.
    let n_predicted = predicted.attributions.len() - absorbed.len();
    scores.attributions_content = Counts {
        true_positives: content_pairs.len(),
        n_predicted,
        n_gold,
    };
    for &(gold_idx, predicted_idx) in &content_pairs {
        if let Some(gold_voice) = located[gold_idx].1.voice {
            scores.voices_total += 1;
            let engine_voice = predicted.attributions[predicted_idx].voice;
            if engine_voice == Some(gold_voice) {
                scores.voices_correct += 1;
            } else {
                let engine = engine_voice.map_or("none", VoiceKind::id);
                let pair = (gold_voice.id().to_string(), engine.to_string());
                *scores.voice_confusions.entry(pair).or_default() += 1;
            }
        }
    }

    let full_pairs = match_greedily(&located, &predicted.attributions, full_fits);
    scores.attributions_full = Counts {
        true_positives: full_pairs.len(),
        n_predicted,
        n_gold,
    };

    let id = &annotated.id;
    let describe = |candidate: &PredictedAttribution| {
        format!(
            "{:?} {:?}: {}",
            candidate.source,
            candidate.cue.as_deref().unwrap_or("-"),
            excerpt(candidate.content.slice(text))
        )
    };
    for (gold_idx, (_, gold)) in located.iter().enumerate() {
        if full_pairs.iter().any(|&(matched, _)| matched == gold_idx) {
            continue;
        }
        let gold_description = format!(
            "{:?} {:?}: {}",
            gold.source,
            gold.cue.as_deref().unwrap_or("-"),
            excerpt(&gold.content.text)
        );
        match content_pairs
            .iter()
            .find(|&&(matched, _)| matched == gold_idx)
        {
            Some(&(_, predicted_idx)) => scores.details.push(format!(
                "{id}: wrong source or cue: gold {gold_description}; engine {}",
                describe(&predicted.attributions[predicted_idx])
            )),
            None => scores
                .details
                .push(format!("{id}: missed attribution {gold_description}")),
        }
    }
    for (predicted_idx, candidate) in predicted.attributions.iter().enumerate() {
        let matched = content_pairs
            .iter()
            .any(|&(_, matched)| matched == predicted_idx);
        if !matched && !absorbed.contains(&predicted_idx) {
            scores
                .details
                .push(format!("{id}: false attribution {}", describe(candidate)));
        }
    }
}

/// A short, single-line view of a text for the detail lines.
fn excerpt(text: &str) -> String {
    let mut excerpt: String = text.chars().take(70).collect();
    if excerpt.len() < text.len() {
        excerpt.push('…');
    }
    format!("«{}»", excerpt.replace('\n', " "))
}

/// Locates the content and then each further part after the one before it.
fn locate_parts(text: &str, gold: &GoldAttribution) -> Option<Vec<Span>> {
    let mut parts = vec![locate(text, &gold.content)?];
    for more in &gold.more_content {
        let after = parts.last().map_or(0, |part| part.end);
        let start = after + text.get(after..)?.find(more.as_str())?;
        parts.push(Span::new(start, start + more.len()));
    }
    Some(parts)
}

/// Unmatched predictions that fit another part of an already matched split quote: the engine
/// reported one quote as two, which is a matter of segmentation, not a wrong attribution.
fn absorbed_by_split_quotes<G>(
    located: &[(Vec<Span>, G)],
    candidates: &[PredictedAttribution],
    pairs: &[(usize, usize)],
    fits: impl Fn(&(Vec<Span>, G), &PredictedAttribution) -> bool,
) -> Vec<usize> {
    let matched_candidates: Vec<usize> = pairs
        .iter()
        .map(|&(_, candidate_idx)| candidate_idx)
        .collect();
    (0..candidates.len())
        .filter(|candidate_idx| {
            !matched_candidates.contains(candidate_idx)
                && pairs.iter().any(|&(gold_idx, _)| {
                    located[gold_idx].0.len() > 1
                        && fits(&located[gold_idx], &candidates[*candidate_idx])
                })
        })
        .collect()
}

fn score_cues(annotated: &Annotated, text: &str, predicted: &Predicted, scores: &mut Scores) {
    let id = &annotated.id;
    let mut gold_by_kind: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut n_gold_by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for gold in &annotated.cues {
        *n_gold_by_kind.entry(gold.kind.as_str()).or_default() += 1;
        match locate(text, &gold.text) {
            Some(span) => gold_by_kind
                .entry(gold.kind.as_str())
                .or_default()
                .push(span),
            None => scores.problems.push(format!(
                "{}: {} cue not in text: {:?}",
                annotated.id, gold.kind, gold.text.text
            )),
        }
    }
    let mut predicted_by_kind: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for cue in &predicted.cues {
        predicted_by_kind
            .entry(cue.kind.as_str())
            .or_default()
            .push(cue.span);
    }
    let mut kinds: Vec<&str> = n_gold_by_kind
        .keys()
        .chain(predicted_by_kind.keys())
        .copied()
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let mut gold_spans = gold_by_kind.remove(kind).unwrap_or_default();
        gold_spans.sort();
        let mut predicted_spans = predicted_by_kind.remove(kind).unwrap_or_default();
        predicted_spans.sort();
        let pairs = match_greedily(&gold_spans, &predicted_spans, |gold, candidate| {
            overlap(*gold, *candidate) > 0
        });
        for (gold_idx, span) in gold_spans.iter().enumerate() {
            if !pairs.iter().any(|&(matched, _)| matched == gold_idx) {
                let cue_text = excerpt(span.slice(text));
                scores
                    .details
                    .push(format!("{id}: missed {kind} {cue_text}"));
            }
        }
        for (predicted_idx, span) in predicted_spans.iter().enumerate() {
            if !pairs.iter().any(|&(_, matched)| matched == predicted_idx) {
                let cue_text = excerpt(span.slice(text));
                scores
                    .details
                    .push(format!("{id}: false {kind} {cue_text}"));
            }
        }
        let counts = Counts {
            true_positives: pairs.len(),
            n_predicted: predicted_spans.len(),
            n_gold: n_gold_by_kind.get(kind).copied().unwrap_or(0),
        };
        scores.cues.insert(kind.to_string(), counts);
    }
}

/// Pairs each gold item, in order, with the first still-unmatched candidate that fits.
fn match_greedily<G, P>(
    gold: &[G],
    candidates: &[P],
    fits: impl Fn(&G, &P) -> bool,
) -> Vec<(usize, usize)> {
    let mut taken = vec![false; candidates.len()];
    let mut pairs = Vec::new();
    for (gold_idx, gold_item) in gold.iter().enumerate() {
        let found = candidates
            .iter()
            .enumerate()
            .find(|(candidate_idx, candidate)| {
                !taken[*candidate_idx] && fits(gold_item, candidate)
            });
        if let Some((candidate_idx, _)) = found {
            taken[candidate_idx] = true;
            pairs.push((gold_idx, candidate_idx));
        }
    }
    pairs
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Content spans match when they overlap by at least half of the shorter one.
fn content_overlaps(gold: Span, candidate: Span) -> bool {
    let shared = overlap(gold, candidate);
    shared > 0 && 2 * shared >= gold.len().min(candidate.len())
}

/// Words that do not identify a speaker on their own.
const SOURCE_STOPWORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "at",
    "in",
    "on",
    "to",
    "some",
    "many",
    "several",
    "other",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "who",
    "its",
    "his",
    "her",
    "their",
];

fn source_words(source: &str) -> Vec<String> {
    source
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .map(|word| {
            let word = word
                .trim_matches(|c| c == '\'' || c == '\u{2019}')
                .to_lowercase();
            // "Lopez's" names the same speaker as "Lopez".
            word.strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
                .unwrap_or(&word)
                .to_string()
        })
        .filter(|word| !word.is_empty() && !SOURCE_STOPWORDS.contains(&word.as_str()))
        .collect()
}

fn source_matches(gold: &str, candidate: &str) -> bool {
    let gold_words = source_words(gold);
    source_words(candidate)
        .iter()
        .any(|word| gold_words.contains(word))
}

fn cue_matches(gold: Option<&str>, candidate: Option<&str>) -> bool {
    match (gold, candidate) {
        // No reporting verb in the text: whatever the engine marks as the cue is acceptable.
        (None, _) => true,
        (Some(_), None) => false,
        (Some(gold), Some(candidate)) => {
            let (gold, candidate) = (gold.trim().to_lowercase(), candidate.trim().to_lowercase());
            !candidate.is_empty() && (gold.contains(&candidate) || candidate.contains(&gold))
        }
    }
}
