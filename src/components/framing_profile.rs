//! One column's framing profile: who speaks, words near key actors, cues, frames, certainty, terms and omissions, each with a link to its passage.

use parallax_core::attribution::VoiceKind;
use parallax_core::pack::PackArticle;
use parallax_core::profile::{FramingProfile, TermScore, DISTINCTIVE_Z};
use parallax_core::span::Span;
use yew::prelude::*;

use crate::components::compare_column_header::{paragraph_at, paragraph_href, reader_href};
use crate::excerpt::shorten;
use crate::state::Shared;

/// Label words shown per key actor.
const MAX_ACTOR_WORDS: usize = 8;

#[derive(Properties, PartialEq)]
pub struct FramingProfileViewProps {
    /// Every compared article, in column order (omissions name the others).
    pub articles: Shared<Vec<Shared<PackArticle>>>,
    pub profiles: Shared<Vec<FramingProfile>>,
    /// Which column's profile this is.
    pub column: usize,
    #[prop_or_default]
    pub layers: Option<AttrValue>,
}

/// How large a distinctive term is drawn: the same z-score gets the same size in every column.
pub fn term_size_class(z: f32) -> &'static str {
    if z >= 2.0 * DISTINCTIVE_Z {
        "term-size-3"
    } else if z >= 1.5 * DISTINCTIVE_Z {
        "term-size-2"
    } else {
        "term-size-1"
    }
}

/// The sentence a span is in (or the span itself when it is longer), shortened for a link's text.
fn context(article: &PackArticle, span: Span) -> String {
    let analysis = &article.analysis;
    let around = analysis
        .structure
        .sentence_at(span.start)
        .filter(|sentence| sentence.len() >= span.len())
        .unwrap_or(span);
    let text = around.slice(&analysis.text).trim();
    format!("\u{201c}{}\u{201d}", shorten(text))
}

#[component]
pub fn FramingProfileView(props: &FramingProfileViewProps) -> Html {
    let (Some(article), Some(profile)) = (
        props.articles.get(props.column),
        props.profiles.get(props.column),
    ) else {
        return html! {};
    };
    let layers = props.layers.as_deref();
    // Every difference links to the passage it comes from, in the reader.
    let evidence = |article: &PackArticle, span: Option<&Span>| -> Html {
        let Some(span) = span else {
            return html! {};
        };
        let href = match paragraph_at(article, span.start) {
            Some(paragraph) => paragraph_href(&article.slug, layers, paragraph),
            None => reader_href(&article.slug, layers),
        };
        html! { <a class="evidence-link" {href}>{ context(article, *span) }</a> }
    };

    let voices = profile.voices.iter().map(|voice| {
        let kind = match voice.kind {
            VoiceKind::Person => "named person",
            VoiceKind::Organisation => "named organisation",
            VoiceKind::Anonymous => "anonymous",
        };
        html! {
            <li>
                <span class="voice-name">{ &voice.name }</span>
                { format!(" ({kind}): {} words quoted, {} reported", voice.n_words_quoted, voice.n_words_reported) }
                <br />
                { evidence(article, voice.spans.first()) }
            </li>
        }
    });
    let actors = profile.actors.iter().map(|actor| {
        let words = actor.words.iter().take(MAX_ACTOR_WORDS).map(|word| {
            html! {
                <li>
                    <span class="label-word">{ format!("{} ({})", word.word, word.spans.len()) }</span>
                    { " " }
                    { evidence(article, word.spans.first()) }
                </li>
            }
        });
        html! {
            <>
                <h5>{ format!("Words near {}", actor.actor) }</h5>
                if actor.words.is_empty() {
                    <p class="profile-none">{ format!("{} is not mentioned.", actor.actor) }</p>
                } else {
                    <ul class="profile-list">{ for words }</ul>
                }
            </>
        }
    });
    let cues = profile.cue_counts.iter().map(|cue| {
        html! {
            <li>
                { format!("{}: {}", cue.kind.label(), cue.count) }
                { " " }
                { evidence(article, cue.spans.first()) }
            </li>
        }
    });
    let frames = profile.dominant_frames.iter().map(|frame| {
        html! {
            <li>
                { format!("{}: {:.0}% of frame evidence", frame.frame.label(), frame.share * 100.0) }
                { " " }
                { evidence(article, frame.evidence.first()) }
            </li>
        }
    });
    let certainty = &profile.certainty;
    let term = |term: &TermScore, with_z: bool| {
        let what = if with_z {
            format!("{} ({}×, z = {:.1})", term.term, term.count, term.z)
        } else {
            format!("{} ({}×)", term.term, term.count)
        };
        let class = classes!("term", with_z.then(|| term_size_class(term.z)));
        html! {
            <li>
                <span {class}>{ what }</span>
                { " " }
                { evidence(article, term.spans.first()) }
            </li>
        }
    };
    let omissions = profile.omissions.iter().map(|omission| {
        let others = omission.passages.iter().filter_map(|passage| {
            let other = props.articles.get(passage.article_idx)?;
            Some(html! {
                <li>
                    { format!("{}: ", other.title) }
                    { evidence(other, Some(&passage.span)) }
                </li>
            })
        });
        html! {
            <li>
                <span class="omitted-event">{ &omission.event_name }</span>
                <ul class="profile-list">{ for others }</ul>
            </li>
        }
    });

    html! {
        <section class="framing-profile" aria-label={format!("Framing profile: {}", article.title)}>
            <h3>{ "Framing profile" }</h3>
            <h4>{ "Who speaks" }</h4>
            <p class="voice-counts">
                { format!("{} named, {} anonymous", profile.n_named_voices, profile.n_anonymous_voices) }
            </p>
            if !profile.voices.is_empty() {
                <ul class="profile-list">{ for voices }</ul>
            }
            <h4>{ "How key actors are described" }</h4>
            { for actors }
            <h4>{ "Persuasion cues" }</h4>
            if profile.cue_counts.is_empty() {
                <p class="profile-none">{ "No cues found." }</p>
            } else {
                <ul class="profile-list">{ for cues }</ul>
            }
            <h4>{ "Dominant frames" }</h4>
            if profile.dominant_frames.is_empty() {
                <p class="profile-none">{ "No frame stands out." }</p>
            } else {
                <ul class="profile-list">{ for frames }</ul>
            }
            <h4>{ "Certainty" }</h4>
            <p>
                { format!("{} hedges, {} boosters", certainty.hedges.len(), certainty.boosters.len()) }
            </p>
            <ul class="profile-list">
                if let Some(hedge) = certainty.hedges.first() {
                    <li>{ "Hedge: " }{ evidence(article, Some(hedge)) }</li>
                }
                if let Some(booster) = certainty.boosters.first() {
                    <li>{ "Booster: " }{ evidence(article, Some(booster)) }</li>
                }
            </ul>
            <h4>{ "Distinctive terms" }</h4>
            <p class="profile-scale">{ "Used markedly more here than in the other columns; sizes are on one scale for every column." }</p>
            if profile.distinctive_terms.is_empty() {
                <p class="profile-none">{ "None." }</p>
            } else {
                <ul class="profile-list">{ for profile.distinctive_terms.iter().map(|t| term(t, true)) }</ul>
            }
            <h4>{ "Shared terms" }</h4>
            if profile.shared_terms.is_empty() {
                <p class="profile-none">{ "None." }</p>
            } else {
                <ul class="profile-list">{ for profile.shared_terms.iter().map(|t| term(t, false)) }</ul>
            }
            <h4>{ "Omissions" }</h4>
            if profile.omissions.is_empty() {
                <p class="profile-none">{ "Covers every event the others cover." }</p>
            } else {
                <p>{ "Events the other articles cover and this one does not:" }</p>
                <ul class="profile-list">{ for omissions }</ul>
            }
        </section>
    }
}
