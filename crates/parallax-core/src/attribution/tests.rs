use expect_test::{expect, Expect};

use super::{find, AttributionKind, Resolution, VoiceKind};
use crate::text::structure;

/// Seeds as the tests see them: each non-empty line one paragraph, as the clean text separates them.
fn paragraphs(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn shorten(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= 70 {
        return s;
    }
    let head: String = s.chars().take(45).collect();
    let tail: String = s
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{head} … {tail}")
}

/// Renders attributions, voices and unattributed quotes, one per line.
fn check(text: &str, expect: Expect) {
    let found = find(text, &structure(text));
    let mut out = String::new();
    for attribution in &found.attributions {
        let kind = match attribution.kind {
            AttributionKind::Direct => "direct",
            AttributionKind::Partial => "partial",
            AttributionKind::Indirect => "indirect",
        };
        let source = attribution
            .source
            .map_or("-".to_string(), |s| s.slice(text).to_string());
        let cue = match (&attribution.cue, &attribution.cue_lemma) {
            (Some(cue), Some(lemma)) => format!("{}/{lemma}", cue.slice(text)),
            _ => "-".to_string(),
        };
        let voice = attribution
            .voice
            .map_or("?".to_string(), |v| found.voices[v].name.clone());
        let how = format!("{:?}", attribution.resolution).to_lowercase();
        out.push_str(&format!(
            "{kind}: [{source}] {cue} => {voice} ({how})\n    {}\n",
            shorten(attribution.content.slice(text))
        ));
        for quote in &attribution.quotes {
            assert!(attribution.content.contains(*quote));
        }
        let _ = Resolution::Named;
    }
    for voice in &found.voices {
        let kind = match voice.kind {
            VoiceKind::Person => "person",
            VoiceKind::Organisation => "organisation",
            VoiceKind::Anonymous => "anonymous",
        };
        let role = voice
            .role
            .as_deref()
            .map_or(String::new(), |r| format!(" — {r}"));
        out.push_str(&format!(
            "voice {kind}: {}{role} (attributions {}, quoted words {}, mentions {})\n",
            voice.name,
            voice.n_attributions,
            voice.n_words_quoted,
            voice.mentions.len()
        ));
    }
    for quote in &found.unattributed_quotes {
        out.push_str(&format!("unattributed: {}\n", shorten(quote.slice(text))));
    }
    expect.assert_eq(&out);
}

#[test]
fn seed_000() {
    check(
        &paragraphs(include_str!(
            "../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"
        )),
        expect![[r#"
            partial: [Gabrielius Landsbergis] lamented/lament => Gabrielius Landsbergis (named)
                the "fracturing of NATO's core values" in a s … ithuanian parliament
            direct: [he] warned/warn => Gabrielius Landsbergis (pronoun)
                We are seeing a growing divide within NATO be … and those who do not
            indirect: [analysts across the continent] argue/argue => analysts (anonymous)
                the alliance is facing a crisis of identity
            indirect: [the Pew Research Center] highlights/highlight => Pew Research Center (named)
                the growing concerns among Europeans about im … n on public services
            direct: [Dr. Hans Kundberg] warned/warn => Hans Kundberg (named)
                We are seeing a clear demonstration of the er … f NATO's core values
            direct: [-] - => Hans Kundberg (continuation)
                The alliance's inability to respond effective … ms and expectations.
            indirect: [some analysts] argue/argue => analysts (anonymous)
                NATO is taking steps to address these divisions
            direct: [Dr. Mark Maz] cautioned/caution => Mark Maz (named)
                NATO is facing a crisis of identity
            direct: [-] - => Mark Maz (continuation)
                The alliance needs to find a way to reconcile … ational differences.
            indirect: [Recent reports] suggest/suggest => recent reports (anonymous)
                Lithuania is taking steps to strengthen its m … sile defense systems
            voice person: Gabrielius Landsbergis — Lithuania's foreign minister (attributions 2, quoted words 26, mentions 2)
            voice anonymous: analysts (attributions 2, quoted words 0, mentions 2)
            voice organisation: Pew Research Center (attributions 1, quoted words 0, mentions 1)
            voice person: Hans Kundberg — senior fellow at the Norwegian Defense University (attributions 2, quoted words 37, mentions 1)
            voice person: Mark Maz (attributions 2, quoted words 28, mentions 1)
            voice anonymous: recent reports (attributions 1, quoted words 0, mentions 1)
            unattributed: common European asylum policy
        "#]],
    );
}

#[test]
fn seed_001() {
    check(
        &paragraphs(include_str!(
            "../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"
        )),
        expect![[r#"
        direct: [Secretary-General Jens Stoltenberg] stated/state => Jens Stoltenberg (named)
            NATO remains ready for dialogue, but we will  … rritorial integrity.
        indirect: [Analysts] argue/argue => analysts (anonymous)
            this could drive Russia to adopt more aggress … sus and Central Asia
        voice person: Jens Stoltenberg — Secretary-General (attributions 1, quoted words 20, mentions 1)
        voice anonymous: analysts (attributions 1, quoted words 0, mentions 1)
    "#]],
    );
}

#[test]
fn seed_002() {
    check(
        &paragraphs(include_str!(
            "../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"
        )),
        expect![[r#"
            indirect: [the alliance's secretary-general Jens Stoltenberg] claimed/claim => Jens Stoltenberg (named)
                the military bloc had never vowed not to enla … gal binding treaties
            partial: [the US State Department] according to/according to => US State Department (named)
                US Secretary of State Antony Blinken spoke on … r Ukraine's security
            partial: [the NATO chief] said/say => Jens Stoltenberg (role)
                "the age of spheres of influence is over", an … red line" for Russia
            partial: [Blinken] stated/state => Antony Blinken (named)
                the United States no longer recognises "spher … he Second World War"
            indirect: [Tiberio Graziani] according to/according to => Tiberio Graziani (named)
                It is hardly surprising that Blinken and Stol … ctated by Washington
            indirect: [Jo Jakobsen] warns/warn => Jo Jakobsen (named)
                This is a case where two different versions o … ential confrontation
            direct: [Graziani] highlights/highlight => Tiberio Graziani (surname)
                NATO is an alliance in crisis that needs to s … identified in Russia
            direct: [-] - => Tiberio Graziani (continuation)
                Stoltenberg essentially reiterates this need  … ns with the Kremlin.
            partial: [Jakobsen] underscores/underscore => Jo Jakobsen (surname)
                would interpret these signals and moves by NA … er Russia’s security
            direct: [the academic] says/say => Jo Jakobsen (role)
                The price we all pay is an increase in tensio … of military conflict
            voice person: Jens Stoltenberg — alliance's secretary-general (attributions 2, quoted words 13, mentions 8)
            voice organisation: US State Department (attributions 1, quoted words 4, mentions 1)
            voice person: Antony Blinken (attributions 1, quoted words 13, mentions 3)
            voice person: Tiberio Graziani — chairman of Vision & Global Trends at the International Institute for Global Analyses (attributions 3, quoted words 60, mentions 2)
            voice person: Jo Jakobsen — political science and international relations professor at the Norwegian University of Science and Technology (attributions 3, quoted words 37, mentions 3)
            unattributed: Sphere Of Influence
            unattributed: Sphere of Influence
        "#]],
    );
}

#[test]
fn seed_003() {
    check(
        &paragraphs(include_str!(
            "../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"
        )),
        expect![[r#"
            indirect: [Critics] argue/argue => critics (anonymous)
                military interventions under NATO’s banner, i … te sovereignty norms
            voice anonymous: critics (attributions 1, quoted words 0, mentions 1)
        "#]],
    );
}

#[test]
fn seed_004() {
    check(
        &paragraphs(include_str!(
            "../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"
        )),
        expect![[r#"
        indirect: [critics within and outside the alliance] questioned/question => critics (anonymous)
            whether such a goal is realistic or proportio … opolitical landscape
        indirect: [Vladimir Putin] reiterated/reiterate => Vladimir Putin (named)
            the alliance’s military buildup near Russia’s … o national interests
        indirect: [he] warned/warn => Vladimir Putin (pronoun)
            NATO’s actions are not only destabilizing but … ilitary capabilities
        indirect: [The Russian president] argued/argue => Vladimir Putin (role)
            this cycle of militarization undermines effor … bility in the region
        indirect: [Sergey Lavrov] emphasizing/emphasise => Sergey Lavrov (named)
            the increased defense spending commitments by … rategic calculations
        indirect: [Lavrov] pointed out/point out => Sergey Lavrov (surname)
            the current target of 2% GDP for defense spen … ility of the 5% goal
        indirect: [He] highlighted/highlight => Sergey Lavrov (pronoun)
            Russia’s security is not contingent on the fi … ATO and its partners
        indirect: [Russian officials] maintained/maintain => Russian officials (anonymous)
            their military actions in eastern Ukraine are … essive moves by Kyiv
        indirect: [They] argue/argue => Russian officials (pronoun)
            the Maidan revolution in 2014, which led to t … ine’s new government
        voice anonymous: critics (attributions 1, quoted words 0, mentions 1)
        voice person: Vladimir Putin (attributions 3, quoted words 0, mentions 3)
        voice person: Sergey Lavrov — Russia’s foreign minister (attributions 3, quoted words 0, mentions 3)
        voice anonymous: Russian officials — Russian (attributions 2, quoted words 0, mentions 2)
    "#]],
    );
}
