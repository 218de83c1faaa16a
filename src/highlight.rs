//! Reader highlights: which spans of an analysis to mark, in which layer, and how to cut text into segments for them.
//!
//! Everything here is pure so it is tested natively; components only turn segments into `<mark>`s.
//! Text stays text: segments are byte ranges that the view slices and Yew escapes.

use parallax_core::attribution::{AttributionKind, Resolution, VoiceKind};
use parallax_core::{Analysis, Span};

/// One toggleable kind of highlight, e.g. quotes or one cue type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    /// Stable id used in URLs (`?layers=quotes,cue-loaded-language`) and CSS classes.
    pub id: String,
    /// The name shown in the legend.
    pub name: String,
}

/// One highlighted span with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub span: Span,
    pub layer: Layer,
    /// A short visible label, so the kind never depends on colour alone.
    pub label: String,
    /// The rule or lexicon entry that fired, or who is quoted.
    pub rule: String,
    /// Why this was highlighted, in plain words.
    pub explanation: String,
}

/// A run of text covered by the same highlights: `span` is absolute, `highlights` index the highlight list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// Indices of the covering highlights, shortest (innermost) last.
    pub highlights: Vec<usize>,
    /// Indices of the highlights that begin at this segment: where their label and tab stop go.
    pub starts: Vec<usize>,
}

const QUOTES: &str = "quotes";
const REPORTED: &str = "reported";
const NAMED_SOURCES: &str = "sources";
const ANONYMOUS_SOURCES: &str = "anonymous";

fn layer(id: &str, name: &str) -> Layer {
    Layer {
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

/// Turns a cue kind such as "Name calling/Labeling" into an id such as "cue-name-calling-labeling".
pub fn cue_layer_id(kind: &str) -> String {
    let mut id = String::from("cue");
    let mut dash = true;
    for c in kind.chars() {
        if c.is_ascii_alphanumeric() {
            if dash {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    id
}

/// Every highlight an analysis offers, in text order. Spans that do not fit the text are left out.
pub fn highlights(analysis: &Analysis) -> Vec<Highlight> {
    let text = analysis.text.as_str();
    let fits = |span: Span| {
        span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let mut found = Vec::new();
    for attribution in &analysis.attributions {
        let voice = attribution.voice.and_then(|i| analysis.voices.get(i));
        let speaker = match voice {
            Some(voice) => match &voice.role {
                Some(role) => format!("{} ({role})", voice.name),
                None => voice.name.clone(),
            },
            None => "a source the text does not tie to anyone".to_owned(),
        };
        let verb = attribution
            .cue
            .map(|span| span.slice(text))
            .filter(|verb| !verb.is_empty());
        let said = match verb {
            Some(verb) => format!("Attributed to {speaker} (speech verb: \u{201c}{verb}\u{201d})"),
            None => format!("Attributed to {speaker}"),
        };
        if attribution.kind != AttributionKind::Direct && fits(attribution.content) {
            found.push(Highlight {
                span: attribution.content,
                layer: layer(REPORTED, "Reported speech"),
                label: "reported".to_owned(),
                rule: said.clone(),
                explanation: "The writer retells what someone said in the writer's own words, so the choice of words and verb is the writer's."
                    .to_owned(),
            });
        }
        let quoted: Vec<Span> = match attribution.kind {
            AttributionKind::Direct if attribution.quotes.is_empty() => vec![attribution.content],
            _ => attribution.quotes.clone(),
        };
        for quote in quoted.into_iter().filter(|&span| fits(span)) {
            found.push(Highlight {
                span: quote,
                layer: layer(QUOTES, "Quotes"),
                label: "quote".to_owned(),
                rule: said.clone(),
                explanation: "These are presented as someone's own words. Who gets quoted, and how much, shapes the story."
                    .to_owned(),
            });
        }
        let Some(source) = attribution.source.filter(|&span| fits(span)) else {
            continue;
        };
        let anonymous = attribution.resolution == Resolution::Anonymous
            || voice.is_some_and(|voice| voice.kind == VoiceKind::Anonymous);
        if anonymous {
            found.push(Highlight {
                span: source,
                layer: layer(ANONYMOUS_SOURCES, "Anonymous sources"),
                label: "anonymous".to_owned(),
                rule: format!("An unnamed or vague source: \u{201c}{}\u{201d}", source.slice(text)),
                explanation: "The article does not say who this is, so a reader cannot check whether they exist or what they know."
                    .to_owned(),
            });
        } else if let Some(voice) = voice {
            found.push(Highlight {
                span: source,
                layer: layer(NAMED_SOURCES, "Named sources"),
                label: "source".to_owned(),
                rule: format!("Voice: {speaker}"),
                explanation: match voice.kind {
                    VoiceKind::Organisation => "An organisation the article lets speak. You can look up what it is and who runs it.",
                    _ => "A named person the article lets speak. You can look up who they are and whether the role given is right.",
                }
                .to_owned(),
            });
        }
    }
    for cue in &analysis.cues {
        if fits(cue.span) {
            let rule = if cue.in_quote {
                format!(
                    "{} (inside a quotation: the speaker's word, not the writer's)",
                    cue.rule
                )
            } else {
                cue.rule.clone()
            };
            found.push(Highlight {
                span: cue.span,
                layer: Layer {
                    id: cue_layer_id(cue.kind.id()),
                    name: cue.kind.label().to_owned(),
                },
                label: cue.kind.label().to_lowercase(),
                rule,
                explanation: cue.explanation.clone(),
            });
        }
    }
    // Longer spans first at the same start, so that nested highlights come after the ones they sit in.
    parallax_core::sort::sort_by(&mut found, |a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    found
}

/// The distinct layers of `highlights` with how many highlights each has, in a stable order:
/// quotes, reported speech and sources first, then cue types alphabetically.
pub fn layers(highlights: &[Highlight]) -> Vec<(Layer, usize)> {
    let mut counted: Vec<(Layer, usize)> = Vec::new();
    for highlight in highlights {
        match counted
            .iter_mut()
            .find(|(layer, _)| *layer == highlight.layer)
        {
            Some((_, count)) => *count += 1,
            None => counted.push((highlight.layer.clone(), 1)),
        }
    }
    let rank = |layer: &Layer| match layer.id.as_str() {
        QUOTES => 0,
        REPORTED => 1,
        NAMED_SOURCES => 2,
        ANONYMOUS_SOURCES => 3,
        _ => 4,
    };
    parallax_core::sort::sort_by(&mut counted, |(a, _), (b, _)| {
        rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name))
    });
    counted
}

/// The layers to show, given every layer id in legend order and the URL's `layers` value (`None`
/// shows them all); unknown ids in the URL are ignored.
pub fn shown_layers(all_ids: &[String], param: Option<&str>) -> Vec<String> {
    match param {
        None => all_ids.to_vec(),
        Some(value) => {
            let listed: Vec<&str> = value.split(',').collect();
            all_ids
                .iter()
                .filter(|id| listed.contains(&id.as_str()))
                .cloned()
                .collect()
        }
    }
}

/// The URL's `layers` value after toggling `id`: `None` when every layer shows (so the usual view has
/// the shortest URL), otherwise the shown ids in legend order, so one view has one URL.
pub fn toggle_layer(all_ids: &[String], shown: &[String], id: &str) -> Option<String> {
    let now_shown = |known: &String| (known == id) != shown.contains(known);
    let next: Vec<&str> = all_ids
        .iter()
        .filter(|known| now_shown(known))
        .map(String::as_str)
        .collect();
    (next.len() != all_ids.len()).then(|| next.join(","))
}

/// For each paragraph, the indices (ascending) of the highlights that overlap it, found in one pass
/// over the highlights: each highlight is placed by binary search among the paragraphs, so the cost
/// is linear in the highlights and the paragraphs they cross, not in highlights × paragraphs.
/// Paragraphs are normally in text order and disjoint; if they are not, each is checked against
/// every highlight (the result is the same, only slower).
pub fn by_paragraph(paragraphs: &[Span], highlights: &[Highlight]) -> Vec<Vec<usize>> {
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
    let overlaps = |paragraph: &Span, span: Span| {
        span.start.max(paragraph.start) < span.end.min(paragraph.end)
    };
    let ordered = paragraphs.iter().all(|p| p.start <= p.end)
        && paragraphs
            .windows(2)
            .all(|pair| pair[0].end <= pair[1].start);
    for (i, highlight) in highlights.iter().enumerate() {
        let span = highlight.span;
        if ordered {
            // Paragraph ends ascend, so the ones ending at or before the highlight's start are a prefix.
            let first = paragraphs.partition_point(|p| p.end <= span.start);
            for (p, paragraph) in paragraphs.iter().enumerate().skip(first) {
                if paragraph.start >= span.end {
                    break;
                }
                if overlaps(paragraph, span) {
                    buckets[p].push(i);
                }
            }
        } else {
            for (p, paragraph) in paragraphs.iter().enumerate() {
                if overlaps(paragraph, span) {
                    buckets[p].push(i);
                }
            }
        }
    }
    buckets
}

/// Cuts `within` (one paragraph) into segments so that each segment is covered by one fixed set of
/// the highlights for which `shown` is true. Overlapping and nested highlights split the text at
/// every boundary, so no text is lost or repeated; parts of highlights outside `within` are ignored.
///
/// This looks at every highlight; a view of many paragraphs indexes them once with [`by_paragraph`]
/// and calls [`segments_among`] for each paragraph.
pub fn segments(
    within: Span,
    highlights: &[Highlight],
    shown: impl Fn(&Highlight) -> bool,
) -> Vec<Segment> {
    segments_among(within, highlights, 0..highlights.len(), shown)
}

/// [`segments`] over only the highlights at `candidates` (ascending indices into `highlights`, as
/// [`by_paragraph`] lists them); any highlight left out must not overlap `within`. One sweep over
/// the boundaries: the cost is the candidates' count times the nesting depth, not their square.
pub fn segments_among(
    within: Span,
    highlights: &[Highlight],
    candidates: impl IntoIterator<Item = usize>,
    shown: impl Fn(&Highlight) -> bool,
) -> Vec<Segment> {
    let active: Vec<(usize, Span)> = candidates
        .into_iter()
        .filter_map(|i| Some((i, highlights.get(i)?)))
        .filter(|(_, highlight)| shown(highlight))
        .map(|(i, highlight)| {
            (
                i,
                Span {
                    start: highlight.span.start.max(within.start),
                    end: highlight.span.end.min(within.end),
                },
            )
        })
        .filter(|(_, span)| span.start < span.end)
        .collect();
    let mut cuts: Vec<usize> = Vec::with_capacity(active.len() * 2 + 2);
    cuts.extend([within.start, within.end]);
    for (_, span) in &active {
        cuts.push(span.start);
        cuts.push(span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // The highlights in order of their (clipped) start; `open` holds those covering the current run.
    let mut by_start: Vec<(usize, Span)> = active;
    parallax_core::sort::sort_by_key(&mut by_start, |(i, span)| (span.start, *i));
    let mut next = 0;
    let mut open: Vec<(usize, Span)> = Vec::new();
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span {
            start: pair[0],
            end: pair[1],
        };
        // Every start and end is a cut, so a highlight open here covers the whole run.
        open.retain(|(_, covered)| covered.end > span.start);
        while let Some(&(i, covered)) = by_start.get(next) {
            if covered.start > span.start {
                break;
            }
            open.push((i, covered));
            next += 1;
        }
        let mut covering = open.clone();
        parallax_core::sort::sort_by_key(&mut covering, |(i, covered)| {
            (std::cmp::Reverse(covered.len()), *i)
        });
        let starts = covering
            .iter()
            .filter(|(_, covered)| covered.start == span.start)
            .map(|(i, _)| *i)
            .collect();
        let highlights: Vec<usize> = covering.iter().map(|(i, _)| *i).collect();
        // Plain runs next to each other are one run; adjacent marked runs stay apart so each keeps its start.
        match out.last_mut() {
            Some(last) if last.highlights.is_empty() && highlights.is_empty() => {
                last.span.end = span.end
            }
            _ => out.push(Segment {
                span,
                highlights,
                starts,
            }),
        }
    }
    out
}

/// The segmenting as it was before paragraphs were indexed: every run checked against every
/// highlight, quadratic in a paragraph's highlights and, called per paragraph with all of an
/// article's highlights, in the article. Kept verbatim as the reference that [`segments_among`]
/// must reproduce exactly (native tests) and as the baseline of `examples/highlight_cost.rs`.
pub fn segments_reference(
    within: Span,
    highlights: &[Highlight],
    shown: impl Fn(&Highlight) -> bool,
) -> Vec<Segment> {
    let active: Vec<(usize, Span)> = highlights
        .iter()
        .enumerate()
        .filter(|(_, highlight)| shown(highlight))
        .map(|(i, highlight)| {
            (
                i,
                Span {
                    start: highlight.span.start.max(within.start),
                    end: highlight.span.end.min(within.end),
                },
            )
        })
        .filter(|(_, span)| span.start < span.end)
        .collect();
    let mut cuts: Vec<usize> = vec![within.start, within.end];
    for (_, span) in &active {
        cuts.push(span.start);
        cuts.push(span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span {
            start: pair[0],
            end: pair[1],
        };
        let mut covering: Vec<(usize, Span)> = active
            .iter()
            .copied()
            .filter(|(_, covered)| covered.contains(span))
            .collect();
        parallax_core::sort::sort_by_key(&mut covering, |(i, covered)| {
            (std::cmp::Reverse(covered.len()), *i)
        });
        let starts = covering
            .iter()
            .filter(|(_, covered)| covered.start == span.start)
            .map(|(i, _)| *i)
            .collect();
        let highlights: Vec<usize> = covering.iter().map(|(i, _)| *i).collect();
        match out.last_mut() {
            Some(last) if last.highlights.is_empty() && highlights.is_empty() => {
                last.span.end = span.end
            }
            _ => out.push(Segment {
                span,
                highlights,
                starts,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use parallax_core::attribution::{Attribution, Voice};
    use parallax_core::cues::{Cue, CueKind};

    use super::*;

    fn mark(start: usize, end: usize, id: &str) -> Highlight {
        Highlight {
            span: Span { start, end },
            layer: layer(id, id),
            label: id.to_owned(),
            rule: String::new(),
            explanation: String::new(),
        }
    }

    /// Renders segments as text with `[layer…|text]` around marked runs, so expectations read like the page.
    fn check(text: &str, highlights: &[Highlight], hidden: &[&str], expected: &str) {
        let within = Span {
            start: 0,
            end: text.len(),
        };
        let cut = segments(within, highlights, |h| {
            !hidden.contains(&h.layer.id.as_str())
        });
        let joined: String = cut.iter().map(|segment| segment.span.slice(text)).collect();
        assert_eq!(joined, text, "segments must cover the text exactly once");
        let shown: String = cut
            .iter()
            .map(|segment| {
                let part = segment.span.slice(text);
                if segment.highlights.is_empty() {
                    part.to_owned()
                } else {
                    let ids: Vec<&str> = segment
                        .highlights
                        .iter()
                        .map(|&i| highlights[i].layer.id.as_str())
                        .collect();
                    format!("[{}|{part}]", ids.join("+"))
                }
            })
            .collect();
        assert_eq!(shown, expected);
    }

    #[test]
    fn plain_text_is_one_segment() {
        check("No highlights here.", &[], &[], "No highlights here.");
    }

    #[test]
    fn a_highlight_splits_its_paragraph_in_three() {
        check(
            "He claimed it was over.",
            &[mark(3, 10, "cue")],
            &[],
            "He [cue|claimed] it was over.",
        );
    }

    #[test]
    fn overlapping_highlights_split_at_every_boundary() {
        let text = "critics say the plan is reckless";
        check(
            text,
            &[mark(0, 11, "anon"), mark(8, 32, "quote")],
            &[],
            "[anon|critics ][quote+anon|say][quote| the plan is reckless]",
        );
    }

    #[test]
    fn nested_highlights_list_the_outer_one_first() {
        let text = "\"a reckless and dangerous plan\"";
        check(
            text,
            &[mark(0, 31, "quote"), mark(3, 11, "cue")],
            &[],
            "[quote|\"a ][quote+cue|reckless][quote| and dangerous plan\"]",
        );
    }

    #[test]
    fn hidden_layers_leave_plain_text() {
        let text = "He claimed it was over.";
        check(
            text,
            &[mark(3, 10, "cue"), mark(11, 22, "quote")],
            &["cue"],
            "He claimed [quote|it was over].",
        );
    }

    #[test]
    fn highlights_crossing_a_paragraph_edge_are_clipped() {
        let text = "First paragraph.\n\nSecond one.";
        let highlights = [mark(6, 22, "quote")];
        let second = segments(
            Span {
                start: 18,
                end: text.len(),
            },
            &highlights,
            |_| true,
        );
        let shown: Vec<&str> = second.iter().map(|s| s.span.slice(text)).collect();
        assert_eq!(shown, ["Seco", "nd one."]);
        assert_eq!(second[0].highlights, [0]);
        assert!(second[1].highlights.is_empty());
    }

    #[test]
    fn each_highlight_starts_in_exactly_one_segment() {
        let highlights = [mark(0, 10, "a"), mark(0, 4, "b"), mark(2, 8, "c")];
        let cut = segments(Span { start: 0, end: 12 }, &highlights, |_| true);
        for i in 0..highlights.len() {
            assert_eq!(
                cut.iter()
                    .filter(|segment| segment.starts.contains(&i))
                    .count(),
                1,
                "highlight {i}"
            );
        }
    }

    #[test]
    fn markup_in_the_text_stays_text() {
        let text = "<script>alert(1)</script> said <b>critics</b>";
        check(
            text,
            &[mark(31, 45, "anon")],
            &[],
            "<script>alert(1)</script> said [anon|<b>critics</b>]",
        );
    }

    fn cue(start: usize, end: usize) -> Cue {
        Cue {
            kind: CueKind::LoadedLanguage,
            span: Span { start, end },
            rule: "lexicon loaded: reckless".into(),
            explanation: "e".into(),
            in_quote: false,
        }
    }

    #[test]
    fn spans_that_do_not_fit_the_text_are_dropped() {
        let mut analysis = parallax_core::analyze("Ünïcode text here.");
        analysis.cues = vec![cue(1, 4), cue(0, 9999), cue(0, 2), cue(3, 3)];
        let found = highlights(&analysis);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(&analysis.text), "Ü");
    }

    /// Finds `needle` in `text` as a span.
    fn at(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect(needle);
        Span {
            start,
            end: start + needle.len(),
        }
    }

    #[test]
    fn quotes_reported_speech_sources_and_cues_each_get_their_layer() {
        let text = "\"We are divided,\" said Jens Stoltenberg. Critics say the plan is reckless.";
        let mut analysis = parallax_core::analyze(text);
        let text = analysis.text.clone();
        let voice = |name: &str, kind| Voice {
            name: name.into(),
            kind,
            role: None,
            mentions: vec![],
            n_attributions: 1,
            n_words_quoted: 0,
        };
        analysis.voices = vec![
            voice("Jens Stoltenberg", VoiceKind::Person),
            voice("critics", VoiceKind::Anonymous),
        ];
        analysis.attributions = vec![
            Attribution {
                kind: AttributionKind::Direct,
                source: Some(at(&text, "Jens Stoltenberg")),
                cue: Some(at(&text, "said")),
                cue_lemma: Some("say".into()),
                content: at(&text, "We are divided,"),
                quotes: vec![at(&text, "We are divided,")],
                voice: Some(0),
                resolution: Resolution::Named,
            },
            Attribution {
                kind: AttributionKind::Indirect,
                source: Some(at(&text, "Critics")),
                cue: Some(at(&text, "say")),
                cue_lemma: Some("say".into()),
                content: at(&text, "the plan is reckless"),
                quotes: vec![],
                voice: Some(1),
                resolution: Resolution::Anonymous,
            },
        ];
        analysis.cues = vec![cue(at(&text, "reckless").start, at(&text, "reckless").end)];
        let found = highlights(&analysis);
        let shown: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|h| (h.layer.id.as_str(), h.span.slice(&text), h.label.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("quotes", "We are divided,", "quote"),
                ("sources", "Jens Stoltenberg", "source"),
                ("anonymous", "Critics", "anonymous"),
                ("reported", "the plan is reckless", "reported"),
                ("cue-loaded-language", "reckless", "loaded language"),
            ]
        );
        assert_eq!(
            found[0].rule,
            "Attributed to Jens Stoltenberg (speech verb: \u{201c}said\u{201d})"
        );
        let names: Vec<(String, usize)> = layers(&found)
            .into_iter()
            .map(|(layer, count)| (layer.name, count))
            .collect();
        assert_eq!(
            names,
            [
                ("Quotes".to_owned(), 1),
                ("Reported speech".to_owned(), 1),
                ("Named sources".to_owned(), 1),
                ("Anonymous sources".to_owned(), 1),
                ("Loaded language".to_owned(), 1),
            ]
        );
    }

    #[test]
    fn toggling_layers_gives_one_url_per_view() {
        let all: Vec<String> = ["quotes", "sources", "cue-doubt"]
            .map(String::from)
            .to_vec();
        let shown = shown_layers(&all, None);
        assert_eq!(shown, all);
        assert_eq!(
            toggle_layer(&all, &shown, "sources").as_deref(),
            Some("quotes,cue-doubt")
        );
        let shown = shown_layers(&all, Some("cue-doubt,quotes,bogus"));
        assert_eq!(shown, ["quotes", "cue-doubt"]);
        assert_eq!(
            toggle_layer(&all, &shown, "sources"),
            None,
            "all shown again: no parameter"
        );
        assert_eq!(
            toggle_layer(&all, &shown, "quotes").as_deref(),
            Some("cue-doubt")
        );
        let none = shown_layers(&all, Some(""));
        assert!(none.is_empty());
        assert_eq!(
            toggle_layer(&all, &none, "cue-doubt").as_deref(),
            Some("cue-doubt")
        );
    }

    #[test]
    fn cue_layer_ids_are_url_and_class_safe() {
        assert_eq!(cue_layer_id("loaded_language"), "cue-loaded-language");
        assert_eq!(
            cue_layer_id("Name calling/Labeling"),
            "cue-name-calling-labeling"
        );
        for kind in CueKind::ALL {
            let id = cue_layer_id(kind.id());
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
        }
    }

    /// Every paragraph cut through the index equals the reference cut over all highlights.
    fn check_against_reference(
        paragraphs: &[Span],
        highlights: &[Highlight],
        shown: impl Fn(&Highlight) -> bool,
    ) -> Result<(), String> {
        let index = by_paragraph(paragraphs, highlights);
        for (p, &paragraph) in paragraphs.iter().enumerate() {
            let expected = segments_reference(paragraph, highlights, &shown);
            let indexed = segments_among(paragraph, highlights, index[p].iter().copied(), &shown);
            if indexed != expected {
                return Err(format!(
                    "paragraph {p} {paragraph:?}: indexed {indexed:?}, reference {expected:?}"
                ));
            }
            let direct = segments(paragraph, highlights, &shown);
            if direct != expected {
                return Err(format!(
                    "paragraph {p} {paragraph:?}: segments {direct:?}, reference {expected:?}"
                ));
            }
        }
        Ok(())
    }

    /// The seed pack's articles, cut with every layer shown and with some hidden, give exactly the
    /// segments the reference gives; the totals are pinned so a silent change shows up here.
    #[test]
    fn seed_articles_cut_the_same_through_the_index() {
        let pack = crate::seed_pack();
        let mut totals = Vec::new();
        for article in &pack.articles {
            let found = highlights(&article.analysis);
            let paragraphs: Vec<Span> = article
                .analysis
                .structure
                .paragraphs
                .iter()
                .map(|paragraph| paragraph.span)
                .collect();
            check_against_reference(&paragraphs, &found, |_| true)
                .unwrap_or_else(|why| panic!("{}: {why}", article.slug));
            // Hide every other layer, so nested and overlapping ones come and go.
            let ids: Vec<String> = layers(&found).into_iter().map(|(l, _)| l.id).collect();
            check_against_reference(&paragraphs, &found, |h| {
                ids.iter().position(|id| *id == h.layer.id).unwrap_or(0) % 2 == 0
            })
            .unwrap_or_else(|why| panic!("{} (half the layers): {why}", article.slug));
            let index = by_paragraph(&paragraphs, &found);
            let cut: Vec<Segment> = paragraphs
                .iter()
                .zip(&index)
                .flat_map(|(&p, candidates)| {
                    segments_among(p, &found, candidates.iter().copied(), |_| true)
                })
                .collect();
            let marked = cut.iter().filter(|s| !s.highlights.is_empty()).count();
            let placed: usize = index.iter().map(Vec::len).sum();
            totals.push(format!(
                "{} paragraphs, {} highlights, {placed} placed, {} segments, {marked} marked",
                paragraphs.len(),
                found.len(),
                cut.len()
            ));
            // Every highlight that fits the text lands in at least one paragraph it overlaps.
            for (i, highlight) in found.iter().enumerate() {
                let inside = paragraphs
                    .iter()
                    .any(|p| highlight.span.start.max(p.start) < highlight.span.end.min(p.end));
                assert_eq!(inside, index.iter().any(|b| b.contains(&i)), "{i}");
            }
        }
        assert_eq!(
            totals.join("\n"),
            SEED_TOTALS,
            "the seed pack's cut changed; update the totals only if the engine changed"
        );
    }

    const SEED_TOTALS: &str = "\
22 paragraphs, 33 highlights, 33 placed, 85 segments, 34 marked
15 paragraphs, 16 highlights, 16 placed, 46 segments, 17 marked
8 paragraphs, 29 highlights, 29 placed, 61 segments, 36 marked
61 paragraphs, 6 highlights, 6 placed, 72 segments, 6 marked
19 paragraphs, 22 highlights, 22 placed, 56 segments, 22 marked";

    /// Random highlights (nested, overlapping, crossing paragraph edges, zero-length and out of the
    /// text) over random paragraphs (in order with gaps, or shuffled and overlapping), random layers
    /// hidden: the indexed cut equals the reference cut. Seeded, so a failure names its case.
    #[test]
    fn random_spans_cut_the_same_through_the_index() {
        use parallax_core::synth::SplitMix64;
        let cases: u64 = std::env::var("HIGHLIGHT_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(400);
        for case in 0..cases {
            let mut rng = SplitMix64::new(case);
            let len = rng.between(0, 300);
            let mut paragraphs = Vec::new();
            let mut at = rng.below(4);
            while at < len {
                let end = (at + rng.between(0, 60)).min(len);
                paragraphs.push(Span { start: at, end });
                at = end + rng.below(4);
            }
            if rng.chance(0.15) {
                // Out of order and overlapping: the index must fall back, not miss anything.
                for _ in 0..rng.below(4) {
                    let start = rng.below(len + 1);
                    let end = (start + rng.below(80)).min(len);
                    paragraphs.push(Span { start, end });
                }
                let n = paragraphs.len();
                for i in (1..n).rev() {
                    paragraphs.swap(i, rng.below(i + 1));
                }
            }
            let n_highlights = rng.below(40);
            let mut found = Vec::new();
            for _ in 0..n_highlights {
                let start = rng.below(len + 10);
                let end = match rng.below(10) {
                    0 => start,
                    1 => start.saturating_sub(rng.below(5)),
                    2..=4 => start + rng.below(150),
                    _ => start + rng.below(20),
                };
                let id = ["quotes", "reported", "sources", "cue-a", "cue-b"][rng.below(5)];
                found.push(mark(start, end, id));
            }
            if rng.chance(0.5) {
                found.sort_by(|a, b| {
                    a.span
                        .start
                        .cmp(&b.span.start)
                        .then(b.span.end.cmp(&a.span.end))
                });
            }
            let hidden = ["quotes", "reported", "sources", "cue-a", "cue-b"]
                .into_iter()
                .filter(|_| rng.chance(0.25))
                .collect::<Vec<_>>();
            check_against_reference(&paragraphs, &found, |h| {
                !hidden.contains(&h.layer.id.as_str())
            })
            .unwrap_or_else(|why| {
                panic!(
                    "case {case} (len {len}, paragraphs {paragraphs:?}, hidden {hidden:?}): {why}"
                )
            });
        }
    }

    #[test]
    fn each_paragraph_lists_the_highlights_that_touch_it() {
        let paragraphs = [
            Span { start: 0, end: 10 },
            Span { start: 12, end: 20 },
            Span { start: 22, end: 30 },
        ];
        let found = [
            mark(2, 4, "a"),   // inside the first
            mark(8, 25, "b"),  // across all three
            mark(10, 12, "c"), // only the gap between paragraphs
            mark(20, 22, "d"), // the next gap
            mark(29, 40, "e"), // past the end of the last
            mark(5, 5, "f"),   // empty
        ];
        assert_eq!(
            by_paragraph(&paragraphs, &found),
            [vec![0, 1], vec![1], vec![1, 4]]
        );
    }
}
