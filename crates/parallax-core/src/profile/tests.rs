use expect_test::{expect, Expect};

use super::{profiles, profiles_with_words, FramingProfile};
use crate::align::align;
use crate::analysis::{analyze, Analysis};
use crate::events::Catalogue;
use crate::span::Span;

const SEED_002_BLOG: &str = include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt");
const SEED_003_EXPLAINER: &str =
    include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt");
const SEED_001_COMMENTARY: &str =
    include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt");
const SEED_004_CLOSED_DOORS: &str =
    include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt");

fn quoted(text: &str, spans: &[Span], max: usize) -> String {
    let mut parts: Vec<String> = spans
        .iter()
        .take(max)
        .map(|s| s.slice(text).to_string())
        .collect();
    if spans.len() > max {
        parts.push(format!("+{}", spans.len() - max));
    }
    parts.join("|")
}

/// Renders the parts of a profile a student compares, each with (some of) its evidence.
fn render(profile: &FramingProfile, analysis: &Analysis) -> String {
    let text = &analysis.text;
    let mut out = format!(
        "# article {}: {} named voices, {} anonymous\n",
        profile.article_idx, profile.n_named_voices, profile.n_anonymous_voices
    );
    for voice in &profile.voices {
        for span in &voice.spans {
            assert!(span.end <= text.len());
        }
        out.push_str(&format!(
            "voice {:?} {}: {} attributions, {} words quoted, {} reported\n",
            voice.kind,
            voice.name,
            voice.n_attributions,
            voice.n_words_quoted,
            voice.n_words_reported
        ));
    }
    for actor in &profile.actors {
        let words: Vec<String> = actor
            .words
            .iter()
            .take(8)
            .map(|w| format!("{}×{}", w.word, w.spans.len()))
            .collect();
        out.push_str(&format!(
            "actor {}: {} mentions; near: {}; cues: {}\n",
            actor.actor,
            actor.mentions.len(),
            words.join(" "),
            actor
                .cues
                .iter()
                .map(|c| format!("{}={}", c.kind.id(), c.span.slice(text)))
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    let cues: Vec<String> = profile
        .cue_counts
        .iter()
        .map(|c| {
            format!(
                "{} {} ({})",
                c.kind.id(),
                c.count,
                quoted(text, &c.spans, 2)
            )
        })
        .collect();
    out.push_str(&format!("cues: {}\n", cues.join("; ")));
    let frames: Vec<String> = profile
        .dominant_frames
        .iter()
        .map(|f| {
            format!(
                "{} {:.2} ({})",
                f.frame.id(),
                f.share,
                quoted(text, &f.evidence, 3)
            )
        })
        .collect();
    out.push_str(&format!("frames: {}\n", frames.join("; ")));
    out.push_str(&format!(
        "certainty: {} hedges ({}), {} boosters ({}), balance {:.2}\n",
        profile.certainty.hedges.len(),
        quoted(text, &profile.certainty.hedges, 3),
        profile.certainty.boosters.len(),
        quoted(text, &profile.certainty.boosters, 3),
        profile.certainty.balance
    ));
    let terms = |list: &[super::TermScore]| {
        list.iter()
            .take(8)
            .map(|t| format!("{}×{} z{:.1}", t.term, t.count, t.z))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "distinctive: {}\n",
        terms(&profile.distinctive_terms)
    ));
    out.push_str(&format!("shared: {}\n", terms(&profile.shared_terms)));
    for omission in &profile.omissions {
        out.push_str(&format!(
            "omits {} (covered by {:?})\n",
            omission.event_id, omission.covered_by
        ));
    }
    out
}

fn check(raw_articles: &[&str], expect: Expect) {
    let catalogue: Catalogue =
        toml::from_str(include_str!("../../../../corpus/nato/events.toml")).unwrap();
    let analyses: Vec<Analysis> = raw_articles.iter().map(|raw| analyze(raw)).collect();
    let articles: Vec<&Analysis> = analyses.iter().collect();
    let alignment = align(&articles, &catalogue.events);
    let profiles = profiles(&articles, &alignment);
    assert_eq!(profiles.len(), articles.len());
    let out: Vec<String> = profiles
        .iter()
        .map(|profile| render(profile, articles[profile.article_idx]))
        .collect();
    expect.assert_eq(&out.join("\n"));
}

#[test]
fn blog_and_explainer_give_different_voices_and_words() {
    check(
        &[SEED_002_BLOG, SEED_003_EXPLAINER],
        expect![[r#"
            # article 0: 5 named voices, 0 anonymous
            voice Person Tiberio Graziani: 3 attributions, 60 words quoted, 27 reported
            voice Person Jo Jakobsen: 3 attributions, 37 words quoted, 19 reported
            voice Person Jens Stoltenberg: 2 attributions, 13 words quoted, 36 reported
            voice Organisation US State Department: 1 attributions, 4 words quoted, 22 reported
            voice Person Antony Blinken: 1 attributions, 13 words quoted, 11 reported
            actor NATO and the West: 21 mentions; near: spheres×3 influence×3 secretary-general×2 discuss×2 stated×2 need×2 security×1 proposal×1; cues: attribution_stance=claimed hedge=could
            actor Russia: 11 mentions; near: security×3 response×1 proposal×1 envisaging×1 discuss×1 dual-track×1 approach×1 choose×1; cues: attribution_stance=claimed hedge=could
            cues: hedge 2 (could|may); attribution_stance 1 (claimed)
            frames: external_regulation_and_reputation 0.35 (alliance's|International|alliance's|+5); security_and_defense 0.30 (security|military|security|+4); legality_constitutionality_jurisprudence 0.22 (legal|binding|treaties|+2)
            certainty: 2 hedges (could|may), 0 boosters (), balance -1.00
            distinctive: stoltenberg×7 z3.2, russia×6 z2.9, blinken×3 z2.1, spheres×3 z2.1, ukraine's×3 z2.0
            shared: nato×8 z-0.3, state×5 z1.2, alliance's×3 z0.8, influence×3 z1.8, international×3 z1.4, security×3 z-0.6, global×2 z0.8, military×2 z0.1

            # article 1: 0 named voices, 1 anonymous
            voice Anonymous critics: 1 attributions, 0 words quoted, 17 reported
            actor NATO and the West: 65 mentions; near: support×16 democracy×15 stability×9 democratic×8 strategic×6 efforts×6 security×6 approach×5; cues: hedge=could hedge=may hedge=likely loaded_language=unwavering
            actor Russia: 0 mentions; near: ; cues: 
            cues: hedge 3 (could|may|+1); loaded_language 1 (unwavering)
            frames: political 0.30 (democracy|democratic|democracy|+94); security_and_defense 0.28 (security|defense|security|+87); policy_prescription_and_evaluation 0.17 (strategic|initiatives|strategies|+53)
            certainty: 3 hedges (could|may|likely), 0 boosters (), balance -1.00
            distinctive: democratic×45 z2.0
            shared: nato's×58 z0.3, security×30 z0.6, states×14 z-1.2, military×11 z-0.1, alliance's×9 z-0.8, approach×9 z0.3, global×5 z-0.8, international×5 z-1.4
            omits nato-enlargement (covered by [0])
            omits stoltenberg-spheres-of-influence (covered by [0])
            omits crimea-maidan-ukraine-path (covered by [0])
        "#]],
    );
}

#[test]
fn commentary_and_closed_doors_label_nato_and_russia() {
    check(
        &[SEED_001_COMMENTARY, SEED_004_CLOSED_DOORS],
        expect![[r#"
            # article 0: 1 named voices, 1 anonymous
            voice Anonymous analysts: 1 attributions, 0 words quoted, 24 reported
            voice Person Jens Stoltenberg: 1 attributions, 20 words quoted, 0 reported
            actor NATO and the West: 20 mentions; near: door×3 security×3 stated×2 potential×2 implications×2 expansion×2 military×2 closure×2; cues: booster=definitive hedge=potentially hedge=could hedge=might
            actor Russia: 18 mentions; near: door×3 shifted×2 alliances×2 potential×2 decision×2 security×2 closure×2 geopolitical×1; cues: booster=definitive hedge=potentially hedge=may hedge=could hedge=may hedge=may appeal_to_authority=Analysts argue hedge=could
            cues: hedge 9 (potentially|may|+7); appeal_to_fear_prejudice 1 (catastrophic consequences); appeal_to_authority 1 (Analysts argue); booster 1 (definitive)
            frames: security_and_defense 0.50 (security|War|security|+17); external_regulation_and_reputation 0.38 (geopolitical|alliances|partnership|+12); policy_prescription_and_evaluation 0.05 (strategic|strategies)
            certainty: 9 hedges (potentially|may|may|+6), 1 boosters (definitive), balance -0.80
            distinctive: 
            shared: nato×11 z0.7, russia×10 z0.3, security×6 z0.5, putin's×5 z1.2, alliances×4 z-0.5, eastern×4 z1.0, increased×4 z0.3, military×4 z-0.3
            omits defence-spending-targets (covered by [1])

            # article 1: 2 named voices, 2 anonymous
            voice Person Vladimir Putin: 3 attributions, 0 words quoted, 65 reported
            voice Person Sergey Lavrov: 3 attributions, 0 words quoted, 65 reported
            voice Anonymous Russian officials: 3 attributions, 0 words quoted, 58 reported
            voice Anonymous critics: 1 attributions, 0 words quoted, 13 reported
            actor NATO and the West: 15 mentions; near: security×3 military×2 implications×2 nations×2 expansion×2 actions×2 increased×2 decisions×2; cues: 
            actor Russia: 16 mentions; near: military×3 region×3 militarization×2 officials×2 argued×2 consistently×2 threat×2 narrative×2; cues: attribution_stance=pointed out attribution_stance=maintained that
            cues: attribution_stance 2 (pointed out|maintained that)
            frames: security_and_defense 0.41 (military|security|defense|+16); external_regulation_and_reputation 0.26 (summit|alliance’s|alliance|+9); economic 0.15 (spending|GDP|spending|+4)
            certainty: 0 hedges (), 0 boosters (), balance 0.00
            distinctive: 
            shared: russia's×8 z-0.3, nato's×7 z-0.7, alliance×6 z0.5, military×5 z0.3, security×4 z-0.5, argued×3 z0.8, decisions×3 z0.4, defense×3 z0.4
        "#]],
    );
}

#[test]
fn content_words_computed_once_give_the_same_alignment_and_profiles() {
    use crate::align::{align_with_words, ContentWords};
    let catalogue: Catalogue =
        toml::from_str(include_str!("../../../../corpus/nato/events.toml")).unwrap();
    let analyses: Vec<Analysis> = [SEED_002_BLOG, SEED_003_EXPLAINER, SEED_001_COMMENTARY]
        .iter()
        .map(|raw| analyze(raw))
        .collect();
    let articles: Vec<&Analysis> = analyses.iter().collect();
    let words = ContentWords::of_all(&articles);
    let alignment = align(&articles, &catalogue.events);
    assert_eq!(
        align_with_words(&articles, &words, &catalogue.events),
        alignment
    );
    assert_eq!(
        profiles_with_words(&articles, &words, &alignment),
        profiles(&articles, &alignment)
    );
    // Content words that do not match the articles are not used.
    assert_eq!(
        align_with_words(&articles, &words[..1], &catalogue.events),
        alignment
    );
    assert_eq!(
        profiles_with_words(&articles, &words[..2], &alignment),
        profiles(&articles, &alignment)
    );
}
