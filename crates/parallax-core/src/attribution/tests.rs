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
            indirect: [Russian officials] argued/argue => Russian officials (anonymous)
                exacerbates global tensions and fuels an arms race
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
            voice anonymous: Russian officials — Russian (attributions 3, quoted words 0, mentions 3)
            voice anonymous: critics (attributions 1, quoted words 0, mentions 1)
            voice person: Vladimir Putin (attributions 3, quoted words 0, mentions 3)
            voice person: Sergey Lavrov — Russia’s foreign minister (attributions 3, quoted words 0, mentions 3)
        "#]],
    );
}

// Passages in styles the seeds lack, written for these tests.

#[test]
fn according_to_reads_sources_that_are_not_names() {
    check(
        "According to the regional chamber of industry, exports fell by a fifth in the spring.\n\n\
         According to consultancy Meridian Analytics, the plant will need new owners by autumn.\n\n\
         Prices rose again in May, according to figures released by the statistics office.\n\n\
         According to Dr. Lena Hart, a labour economist at Keele, wages have not kept pace.",
        expect![[r#"
            indirect: [the regional chamber of industry] According to/according to => regional chamber of industry (named)
                exports fell by a fifth in the spring
            indirect: [consultancy Meridian Analytics] According to/according to => Meridian Analytics (named)
                the plant will need new owners by autumn
            indirect: [figures released by the statistics office] according to/according to => figures released by the statistics office (anonymous)
                Prices rose again in May
            indirect: [Dr. Lena Hart] According to/according to => Lena Hart (named)
                wages have not kept pace
            voice organisation: regional chamber of industry (attributions 1, quoted words 0, mentions 1)
            voice organisation: Meridian Analytics (attributions 1, quoted words 0, mentions 1)
            voice anonymous: figures released by the statistics office (attributions 1, quoted words 0, mentions 1)
            voice person: Lena Hart — a labour economist at Keele (attributions 1, quoted words 0, mentions 1)
        "#]],
    );
}

#[test]
fn wire_report() {
    check(
        "BRUSSELS, March 3 - NATO defence ministers agreed on Tuesday to expand air patrols over the Baltic states, two diplomats said.\n\n\
         \"We will not leave any ally exposed,\" Secretary-General Mark Rutte told reporters after the meeting. \"Every square metre of allied territory will be defended.\"\n\n\
         Rutte said the decision had been taken unanimously, but a senior diplomat, who spoke on condition of anonymity, said Hungary had raised objections. Moscow said the patrols were a provocation.\n\n\
         The cost was put at 1.2 billion euros, according to a document seen by the agency.",
        expect![[r#"
            indirect: [two diplomats] said/say => diplomats (anonymous)
                BRUSSELS, March 3 - NATO defence ministers ag … er the Baltic states
            direct: [Secretary-General Mark Rutte] told/tell => Mark Rutte (named)
                We will not leave any ally exposed
            direct: [-] - => Mark Rutte (continuation)
                Every square metre of allied territory will be defended.
            indirect: [Rutte] said/say => Mark Rutte (surname)
                the decision had been taken unanimously
            indirect: [a senior diplomat] said/say => a senior diplomat (anonymous)
                Hungary had raised objections
            indirect: [Moscow] said/say => Moscow (named)
                the patrols were a provocation
            indirect: [a document seen by the agency] according to/according to => document seen by the agency (anonymous)
                The cost was put at 1.2 billion euros
            voice anonymous: diplomats (attributions 1, quoted words 0, mentions 1)
            voice person: Mark Rutte — Secretary-General (attributions 3, quoted words 16, mentions 2)
            voice anonymous: a senior diplomat (attributions 1, quoted words 0, mentions 1)
            voice organisation: Moscow (attributions 1, quoted words 0, mentions 1)
            voice anonymous: document seen by the agency (attributions 1, quoted words 0, mentions 1)
        "#]],
    );
}

#[test]
fn interview_transcript() {
    check(
        "Q: Why do carbon prices matter for farmers?\n\n\
         A: Because they change what fertiliser costs. We saw prices double in 2022.\n\n\
         MODERATOR: Minister, is the budget fair?\n\n\
         OKAFOR: It is fair, and it is necessary. We have cut waste by 12 percent.\n\n\
         MODERATOR: Critics say the cuts hit the poorest families.\n\n\
         OKAFOR: Critics said the same thing last year, and they were wrong.",
        expect![[r#"
            direct: [Q] :/say => interviewer (Q) (named)
                Why do carbon prices matter for farmers
            direct: [A] :/say => interviewee (A) (named)
                Because they change what fertiliser costs. We … rices double in 2022
            direct: [MODERATOR] :/say => MODERATOR (named)
                Minister, is the budget fair
            direct: [OKAFOR] :/say => OKAFOR (named)
                It is fair, and it is necessary. We have cut waste by 12 percent
            direct: [MODERATOR] :/say => MODERATOR (named)
                Critics say the cuts hit the poorest families
            indirect: [Critics] say/say => critics (anonymous)
                the cuts hit the poorest families
            direct: [OKAFOR] :/say => OKAFOR (named)
                Critics said the same thing last year, and they were wrong
            indirect: [Critics] said/say => critics (anonymous)
                the same thing last year, and they were wrong
            voice anonymous: interviewer (Q) (attributions 1, quoted words 7, mentions 1)
            voice anonymous: interviewee (A) (attributions 1, quoted words 12, mentions 1)
            voice person: MODERATOR (attributions 2, quoted words 13, mentions 2)
            voice person: OKAFOR (attributions 2, quoted words 25, mentions 2)
            voice anonymous: critics (attributions 2, quoted words 0, mentions 2)
        "#]],
    );
}

#[test]
fn op_ed() {
    check(
        "Let us be honest about what this reform really is. The government calls it \"modernisation\". I call it a giveaway.\n\n\
         Some experts insist the plan will pay for itself. It will not. As the economist Jane Marlow put it, \"Tax cuts are not free lunches; someone always pays the bill.\"",
        expect![[r#"
            indirect: [experts] insist/insist => experts (anonymous)
                the plan will pay for itself
            direct: [the economist Jane Marlow] put it/put it => Jane Marlow (named)
                Tax cuts are not free lunches; someone always pays the bill.
            voice anonymous: experts (attributions 1, quoted words 0, mentions 1)
            voice person: Jane Marlow — economist (attributions 1, quoted words 11, mentions 1)
            unattributed: modernisation
        "#]],
    );
}

#[test]
fn sports_story() {
    check(
        "Real Betis beat Sevilla 2-1 on Sunday. \"We suffered, but the lads never stopped running,\" coach Manuel Ortega said after the match.\n\n\
         Striker Lena Vogt, who scored twice, told reporters that the derby \"felt like a final\".\n\n\
         The club's chief executive said ticket sales had risen 18% this season.",
        expect![[r#"
            direct: [coach Manuel Ortega] said/say => Manuel Ortega (named)
                We suffered, but the lads never stopped running
            partial: [Striker Lena Vogt] told/tell => Lena Vogt (named)
                the derby "felt like a final"
            indirect: [The club's chief executive] said/say => the club's chief executive (unresolved)
                ticket sales had risen 18% this season
            voice person: Manuel Ortega — coach (attributions 1, quoted words 8, mentions 1)
            voice person: Lena Vogt — Striker (attributions 1, quoted words 4, mentions 1)
            voice anonymous: the club's chief executive (attributions 1, quoted words 0, mentions 1)
        "#]],
    );
}

#[test]
fn business_story_with_guillemets_and_curly_quotes() {
    check(
        "Shares in Nordwind AG fell 7.5% on Friday after the company cut its forecast. «Demand in Europe has weakened faster than expected», chief financial officer Karin Blom said in a statement.\n\n\
         Analysts at Berenberg called the guidance “disappointing”. “The market wanted reassurance and did not get it,” said Tom Reyes, an analyst at the bank. “This was a poor quarter.”",
        expect![[r#"
            direct: [chief financial officer Karin Blom] said/say => Karin Blom (named)
                Demand in Europe has weakened faster than expected
            direct: [Tom Reyes] said/say => Tom Reyes (named)
                The market wanted reassurance and did not get it
            direct: [-] - => Tom Reyes (continuation)
                This was a poor quarter.
            voice person: Karin Blom — chief financial officer (attributions 1, quoted words 8, mentions 1)
            voice person: Tom Reyes — an analyst at the bank (attributions 2, quoted words 14, mentions 1)
            unattributed: disappointing
        "#]],
    );
}

#[test]
fn british_single_quotes_and_passive_reports() {
    check(
        "Minister rejects 'reckless' claims over hospital waiting lists\n\n\
         Health Secretary Paul Adeyemi said on Monday that claims of a crisis were 'reckless and untrue'. 'Waiting times are falling in every region,' he told the BBC.\n\n\
         It was reported last week that 7,000 patients had waited more than a year. Opposition sources said the figure was accurate.",
        expect![[r#"
            partial: [Health Secretary Paul Adeyemi] said/say => Paul Adeyemi (named)
                claims of a crisis were 'reckless and untrue'
            direct: [he] told/tell => Paul Adeyemi (pronoun)
                Waiting times are falling in every region
            indirect: [It was] reported/report => unnamed source (passive voice) (anonymous)
                7,000 patients had waited more than a year
            indirect: [Opposition sources] said/say => opposition sources (anonymous)
                the figure was accurate
            voice person: Paul Adeyemi — Health Secretary (attributions 2, quoted words 10, mentions 2)
            voice anonymous: unnamed source (passive voice) (attributions 1, quoted words 0, mentions 1)
            voice anonymous: opposition sources (attributions 1, quoted words 0, mentions 1)
            unattributed: reckless
        "#]],
    );
}

#[test]
fn quotes_split_around_the_cue_and_across_paragraphs() {
    check(
        "“We are ready to talk. We have always been ready,” the Kremlin spokesman said. “But talks need two sides.”\n\n\
         Dr. Ana Ruiz said: \"The data are clear. Emissions are falling.\n\n\
         \"But they are not falling fast enough.\"\n\n\
         She added that the report would be published in June.",
        expect![[r#"
            direct: [the Kremlin spokesman] said/say => the Kremlin spokesman (unresolved)
                We are ready to talk. We have always been ready
            direct: [-] - => the Kremlin spokesman (continuation)
                But talks need two sides.
            direct: [Dr. Ana Ruiz] said/say => Ana Ruiz (named)
                The data are clear. Emissions are falling.
            direct: [-] - => Ana Ruiz (continuation)
                But they are not falling fast enough.
            indirect: [She] added/add => Ana Ruiz (pronoun)
                the report would be published in June
            voice anonymous: the Kremlin spokesman (attributions 2, quoted words 15, mentions 1)
            voice person: Ana Ruiz (attributions 3, quoted words 14, mentions 2)
        "#]],
    );
}

#[test]
fn odd_input_yields_nothing_or_little() {
    check("", expect![[""]]);
    check(
        "no punctuation at all he said nothing analysts argue whatever",
        expect![[""]],
    );
    check(
        "\"unbalanced quote, he said. And “another one\n\nsaid ” « » ' ’ ‘",
        expect![[r#"
        indirect: [he] said/say => ? (unresolved)
            "unbalanced quote
    "#]],
    );
}

/// A small deterministic generator, so the robustness test needs no extra dependency.
fn pseudo_random_text(n_bytes: usize, mut seed: u64) -> String {
    const PIECES: &[&str] = &[
        "said",
        "he",
        "She",
        "they",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        ",",
        ".",
        "!",
        "?",
        ":",
        "\n",
        "\n\n",
        "according to",
        "Dr.",
        "U.S.",
        "analysts",
        "the",
        "minister",
        "Jens Stoltenberg",
        "warned",
        "that",
        "who",
        "NATO",
        "é",
        "字",
        "🙂",
        "3.5%",
        "Q:",
        "A:",
        "SMITH:",
        "It was reported",
        "pointed out",
        "…",
        " ",
        " ",
        " ",
    ];
    let mut out = String::with_capacity(n_bytes + 16);
    while out.len() < n_bytes {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let piece = PIECES[(seed >> 33) as usize % PIECES.len()];
        out.push_str(piece);
        if (seed >> 20).is_multiple_of(3) {
            out.push(' ');
        }
    }
    out
}

#[test]
fn any_input_gives_valid_deterministic_spans() {
    let mut inputs = vec![
        pseudo_random_text(1 << 20, 7),
        pseudo_random_text(20_000, 11),
    ];
    // Arbitrary bytes, decoded lossily as the app does with pasted or uploaded text.
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    inputs.push(String::from_utf8_lossy(&bytes).into_owned());
    for text in &inputs {
        let structure = structure(text);
        let found = find(text, &structure);
        assert_eq!(
            found,
            find(text, &structure),
            "output must not change between runs"
        );
        let fits = |span: crate::span::Span| {
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        for attribution in &found.attributions {
            let spans = attribution
                .source
                .iter()
                .chain(&attribution.cue)
                .chain(&attribution.quotes);
            assert!(spans.copied().all(fits) && fits(attribution.content));
            assert!(attribution.voice.is_none_or(|v| v < found.voices.len()));
        }
        assert!(found
            .voices
            .iter()
            .flat_map(|v| &v.mentions)
            .copied()
            .all(fits));
        assert!(found.unattributed_quotes.iter().copied().all(fits));
        assert!(structure.sentences().all(fits));
    }
}
