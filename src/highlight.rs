//! Reader highlights: which spans of an analysis to mark, in which layer, and how to cut text into segments for them.
//!
//! Everything here is pure so it is tested natively; components only turn segments into `<mark>`s.
//! Text stays text: segments are byte ranges that the view slices and Yew escapes.

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

/// Words that name no one in particular: a source made of these is anonymous or vague.
const VAGUE_SOURCES: &[&str] = &[
    "analysts",
    "critics",
    "experts",
    "observers",
    "officials",
    "sources",
    "some",
    "many",
    "others",
    "people",
    "commentators",
    "insiders",
    "diplomats",
    "they",
    "it",
    "reports",
    "studies",
    "scholars",
    "skeptics",
    "sceptics",
    "supporters",
    "opponents",
    "residents",
    "witnesses",
    "international",
];

/// True when a source names no person or organisation ("analysts", "some experts", "critics").
pub fn is_vague_source(source: &str) -> bool {
    let words: Vec<String> = source
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let has_name = source
        .split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    !words.is_empty() && !has_name && words.iter().any(|w| VAGUE_SOURCES.contains(&w.as_str()))
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
        let voice = attribution
            .voice
            .and_then(|i| analysis.voices.get(i))
            .map(|voice| voice.name.clone());
        let source_text = attribution.source.map(|span| span.slice(text).to_owned());
        let speaker = voice.clone().or(source_text.clone());
        if fits(attribution.content) {
            found.push(Highlight {
                span: attribution.content,
                layer: layer(QUOTES, "Quotes"),
                label: "quote".to_owned(),
                rule: match &speaker {
                    Some(name) => format!("Attributed to {name}"),
                    None => "No source given".to_owned(),
                },
                explanation: "These words are presented as what someone said. Who gets quoted, and how much, shapes the story."
                    .to_owned(),
            });
        }
        if let Some(source) = attribution.source.filter(|&span| fits(span)) {
            let anonymous = is_vague_source(source.slice(text));
            found.push(if anonymous {
                Highlight {
                    span: source,
                    layer: layer(ANONYMOUS_SOURCES, "Anonymous sources"),
                    label: "anonymous".to_owned(),
                    rule: "A source without a name".to_owned(),
                    explanation: "The article does not say who this is, so a reader cannot check whether they exist or what they know."
                        .to_owned(),
                }
            } else {
                Highlight {
                    span: source,
                    layer: layer(NAMED_SOURCES, "Named sources"),
                    label: "source".to_owned(),
                    rule: voice.map_or_else(|| "A named source".to_owned(), |name| format!("Voice: {name}")),
                    explanation: "A named person or organisation the article lets speak. You can look up who they are."
                        .to_owned(),
                }
            });
        }
    }
    for cue in &analysis.cues {
        if fits(cue.span) {
            found.push(Highlight {
                span: cue.span,
                layer: Layer {
                    id: cue_layer_id(cue.kind.id()),
                    name: cue.kind.label().to_owned(),
                },
                label: cue.kind.label().to_lowercase(),
                rule: cue.rule.clone(),
                explanation: cue.explanation.clone(),
            });
        }
    }
    // Longer spans first at the same start, so that nested highlights come after the ones they sit in.
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    found
}

/// The distinct layers of `highlights` with how many highlights each has, in a stable order:
/// quotes and sources first, then cue types alphabetically.
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
        NAMED_SOURCES => 1,
        ANONYMOUS_SOURCES => 2,
        _ => 3,
    };
    counted.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name)));
    counted
}

/// Cuts `within` (one paragraph) into segments so that each segment is covered by one fixed set of
/// the highlights for which `shown` is true. Overlapping and nested highlights split the text at
/// every boundary, so no text is lost or repeated; parts of highlights outside `within` are ignored.
pub fn segments(
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
        covering.sort_by_key(|(i, covered)| (std::cmp::Reverse(covered.len()), *i));
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

#[cfg(test)]
mod tests {
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

    #[test]
    fn spans_that_do_not_fit_the_text_are_dropped() {
        let mut analysis = parallax_core::analyze("Ünïcode text here.");
        analysis.cues.push(parallax_core::cues::Cue {
            kind: "Loaded language".into(),
            span: Span { start: 1, end: 4 },
            rule: "r".into(),
            explanation: "e".into(),
        });
        analysis.cues.push(parallax_core::cues::Cue {
            kind: "Loaded language".into(),
            span: Span {
                start: 0,
                end: 9999,
            },
            rule: "r".into(),
            explanation: "e".into(),
        });
        analysis.cues.push(parallax_core::cues::Cue {
            kind: "Loaded language".into(),
            span: Span { start: 0, end: 2 },
            rule: "r".into(),
            explanation: "e".into(),
        });
        let found = highlights(&analysis);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(&analysis.text), "Ü");
    }

    #[test]
    fn layer_ids_and_vague_sources() {
        assert_eq!(
            cue_layer_id("Name calling/Labeling"),
            "cue-name-calling-labeling"
        );
        assert_eq!(
            cue_layer_id("Exaggeration/Minimisation"),
            "cue-exaggeration-minimisation"
        );
        assert!(is_vague_source("analysts across the continent"));
        assert!(is_vague_source("Some experts"));
        assert!(is_vague_source("critics"));
        assert!(!is_vague_source("Jens Stoltenberg"));
        assert!(!is_vague_source("Tiberio Graziani"));
        assert!(!is_vague_source("officials at the US State Department"));
    }
}
