use expect_test::{expect, Expect};

use super::{find, EntityKind};
use crate::text::structure;

fn paragraphs(raw: &str) -> String {
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Renders one entity a line: kind, name, where it came from and its mentions as written.
/// Numbers also show the start of the sentence that uses them.
fn check(text: &str, expect: Expect) {
    let entities = find(text, &structure(text));
    let mut out = String::new();
    for entity in &entities {
        assert_eq!(entity.mentions.len(), entity.sentences.len());
        let source = if entity.from_gazetteer {
            "gazetteer"
        } else {
            "heuristic"
        };
        let mut written: Vec<&str> = entity.mentions.iter().map(|m| m.slice(text)).collect();
        written.dedup();
        out.push_str(&format!(
            "{:?} {} ({source}) ×{}: {}\n",
            entity.kind,
            entity.name,
            entity.mentions.len(),
            written.join(" | ")
        ));
        if matches!(
            entity.kind,
            EntityKind::Percentage | EntityKind::Money | EntityKind::Number
        ) {
            let sentence: String = entity.sentences[0].slice(text).chars().take(60).collect();
            out.push_str(&format!("    in: {sentence}…\n"));
        }
        for (mention, sentence) in entity.mentions.iter().zip(&entity.sentences) {
            assert!(
                sentence.contains(*mention),
                "{mention:?} outside {sentence:?}"
            );
        }
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
        Date Sunday, January 11, 2026 (heuristic) ×1: Sunday, January 11, 2026
        Number 5 (heuristic) ×2: 5
            in: Top 5 This Week…
        Organisation North Atlantic Treaty Organization (gazetteer) ×22: NATO | North Atlantic Treaty Organization | NATO | the alliance | NATO | the alliance | NATO | the alliance | NATO | the alliance | NATO | the alliance | NATO | The alliance | NATO
        Country Lithuania (gazetteer) ×8: Lithuania | Lithuanian | Lithuania | Lithuanian | Lithuania
        Country Belarus (gazetteer) ×6: Belarus | Belarusian | Belarus
        Place Madrid (gazetteer) ×1: Madrid
        Person Gabrielius Landsbergis (gazetteer) ×1: Gabrielius Landsbergis
        Place Eastern Europe (gazetteer) ×4: Eastern European | Eastern Europe | Eastern European
        Organisation Pew Research Center (gazetteer) ×1: Pew Research Center
        Place Europe (gazetteer) ×3: Europeans | European
        Date 2022 (heuristic) ×1: 2022
        Percentage 74% (heuristic) ×1: 74%
            in: A 2022 survey found that 74% of respondents in Eastern Europ…
        Percentage 34% (heuristic) ×1: 34%
            in: A 2022 survey found that 74% of respondents in Eastern Europ…
        Place Western Europe (gazetteer) ×1: Western Europe
        Place Vilnius (gazetteer) ×1: Vilnius
        Place Minsk (gazetteer) ×1: Minsk
        Country Russia (gazetteer) ×3: Russia | Russian | Russia
        Place Moscow (gazetteer) ×1: Moscow
        Person Hans Kundberg (heuristic) ×1: Hans Kundberg
        Organisation Norwegian Defense University (heuristic) ×1: Norwegian Defense University
        Person Jens Stoltenberg (gazetteer) ×1: Jens Stoltenberg
        Person Mark Maz (heuristic) ×1: Mark Maz
        Organisation Carnegie Endowment for International Peace (gazetteer) ×1: Carnegie Endowment for International Peace
        OtherName Current Developments (heuristic) ×1: Current Developments
        Country Ukraine (gazetteer) ×1: Ukraine
        Country Germany (gazetteer) ×1: Germany
        OtherName Future Impact (heuristic) ×1: Future Impact
        Number 6 (heuristic) ×1: 6
            in: Short-term (next 6 months):…
        Number 10 (heuristic) ×1: 10
            in: Long-term (5-10 years):…
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
        Date Friday, December 24, 2021 (heuristic) ×1: Friday, December 24, 2021
        Organisation North Atlantic Treaty Organization (gazetteer) ×10: NATO
        Country Russia (gazetteer) ×8: Russia
        Person Jens Stoltenberg (gazetteer) ×7: Jens Stoltenberg | Stoltenberg | Jens Stoltenberg | Stoltenberg
        Country United States (gazetteer) ×2: US | United States
        Person Antony Blinken (gazetteer) ×3: Antony Blinken | Blinken
        Date 23 December (heuristic) ×1: 23 December
        Country Ukraine (gazetteer) ×3: Ukraine
        Organisation US State Department (gazetteer) ×1: US State Department
        Date 21 December (heuristic) ×1: 21 December
        Place Moscow (gazetteer) ×2: Moscow
        Date May 2021 (heuristic) ×1: May 2021
        OtherName Second World War (heuristic) ×1: Second World War
        Place Washington (gazetteer) ×1: Washington
        Person Tiberio Graziani (heuristic) ×2: Tiberio Graziani | Graziani
        Organisation Vision & Global Trends (heuristic) ×1: Vision & Global Trends
        Organisation International Institute for Global Analyses (heuristic) ×1: International Institute for Global Analyses
        Person Jo Jakobsen (heuristic) ×2: Jo Jakobsen | Jakobsen
        Organisation Norwegian University of Science and Technology (heuristic) ×1: Norwegian University of Science and Technology
        Person Vladimir Putin (gazetteer) ×1: Putin
        Person Sergey Lavrov (gazetteer) ×1: Lavrov
        Organisation Kremlin (gazetteer) ×1: Kremlin
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
        Organisation North Atlantic Treaty Organization (gazetteer) ×12: NATO | the alliance | NATO | the alliance | NATO | the alliance
        Place The Hague (gazetteer) ×1: The Hague
        Date June 24-25 (heuristic) ×1: June 24-25
        Percentage 5% (heuristic) ×2: 5%
            in: Delegates from member states reaffirmed a commitment to incr…
        Date 2035 (heuristic) ×1: 2035
        Place Europe (gazetteer) ×2: Europe
        Country Russia (gazetteer) ×11: Russian | Russia | Russian | Russia | Russian | Russia
        Person Vladimir Putin (gazetteer) ×1: Vladimir Putin
        Person Sergey Lavrov (gazetteer) ×2: Sergey Lavrov | Lavrov
        Percentage 2% (heuristic) ×1: 2%
            in: Lavrov has pointed out that the current target of 2% GDP for…
        Place Moscow (gazetteer) ×2: Moscow
        Place Donbas (gazetteer) ×1: Donbass
        Country Ukraine (gazetteer) ×2: Ukraine
        Place Kyiv (gazetteer) ×1: Kyiv
        OtherName Maidan (heuristic) ×1: Maidan
        Date 2014 (heuristic) ×1: 2014
        Person Viktor Yanukovich (gazetteer) ×1: Viktor Yanukovich
    "#]],
    );
}

#[test]
fn dates_in_many_forms() {
    check(
        "Friday, December 24, 2021. The talks ran on 24 Dec 2021 and on 2021-12-24, then June 24-25 and in March. Since 2014, a 2022 survey said May was busy. On Tuesday, Jan. 5 came.",
        expect![[r#"
            Date Friday, December 24, 2021 (heuristic) ×1: Friday, December 24, 2021
            Date 24 Dec 2021 (heuristic) ×1: 24 Dec 2021
            Date 2021-12-24 (heuristic) ×1: 2021-12-24
            Date June 24-25 (heuristic) ×1: June 24-25
            Date March (heuristic) ×1: March
            Date 2014 (heuristic) ×1: 2014
            Date 2022 (heuristic) ×1: 2022
            Date Tuesday, Jan. 5 (heuristic) ×1: Tuesday, Jan. 5
        "#]],
    );
}

#[test]
fn numbers_and_statistics() {
    check(
        "Spending rose to 5% of GDP, or $1.2 billion, up from 2 per cent. About 7,000 patients waited; 3.5 million euros were paid. The score was 2-1.",
        expect![[r#"
            Percentage 5% (heuristic) ×1: 5%
                in: Spending rose to 5% of GDP, or $1.2 billion, up from 2 per c…
            Money $1.2 billion (heuristic) ×1: $1.2 billion
                in: Spending rose to 5% of GDP, or $1.2 billion, up from 2 per c…
            Percentage 2 per cent (heuristic) ×1: 2 per cent
                in: Spending rose to 5% of GDP, or $1.2 billion, up from 2 per c…
            Number 7,000 (heuristic) ×1: 7,000
                in: About 7,000 patients waited; 3.5 million euros were paid.…
            Money 3.5 million euros (heuristic) ×1: 3.5 million euros
                in: About 7,000 patients waited; 3.5 million euros were paid.…
            Number 2 (heuristic) ×1: 2
                in: The score was 2-1.…
            Number 1 (heuristic) ×1: 1
                in: The score was 2-1.…
        "#]],
    );
}

#[test]
fn names_without_a_gazetteer_entry() {
    check(
        "Striker Lena Vogt scored twice for Real Betis. Dr. Amira Haddad of the University of Lagos said prices doubled. Vogt later thanked the fans of the Green Valley Rangers Football Club. The Kessler & Sons board met in Bremen.",
        expect![[r#"
            Person Lena Vogt (heuristic) ×2: Lena Vogt | Vogt
            OtherName Real Betis (heuristic) ×1: Real Betis
            Person Amira Haddad (heuristic) ×1: Amira Haddad
            Organisation University of Lagos (heuristic) ×1: University of Lagos
            Organisation Green Valley Rangers Football Club (heuristic) ×1: Green Valley Rangers Football Club
            Organisation Kessler & Sons (heuristic) ×1: Kessler & Sons
            OtherName Bremen (heuristic) ×1: Bremen
        "#]],
    );
}

#[test]
fn aliases_need_their_entity_named() {
    check("The alliance met. The union voted.", expect![[""]]);
    check(
        "NATO met in Brussels. The alliance agreed; the North Atlantic Treaty Organization's members and Russian diplomats watched from Moscow.",
        expect![[r#"
            Organisation North Atlantic Treaty Organization (gazetteer) ×3: NATO | The alliance | North Atlantic Treaty Organization
            Place Brussels (gazetteer) ×1: Brussels
            Country Russia (gazetteer) ×1: Russian
            Place Moscow (gazetteer) ×1: Moscow
        "#]],
    );
}

#[test]
fn odd_input() {
    check("", expect![[""]]);
    check("no capitals or digits here at all", expect![[""]]);
}

#[test]
fn any_input_gives_valid_deterministic_spans() {
    // Arbitrary bytes decoded lossily, mixed with digits, capitals and gazetteer names.
    let mut seed: u64 = 5;
    let mut text = String::new();
    const PIECES: &[&str] = &[
        "NATO",
        "the alliance",
        "Dr.",
        "Jan.",
        "5",
        "2021",
        "-",
        "%",
        "$",
        "per cent",
        "Moscow's",
        "Lena Vogt",
        "University",
        "of",
        "&",
        ",",
        ".",
        "\n\n",
        "é",
        "字",
        "🙂",
        "June",
        "24",
        "'s",
        "U.S.",
        " ",
        " ",
    ];
    while text.len() < 300_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
        text.push(' ');
    }
    let bytes: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    for text in [text, String::from_utf8_lossy(&bytes).into_owned()] {
        let structure = structure(&text);
        let entities = find(&text, &structure);
        assert_eq!(entities, find(&text, &structure));
        for span in entities
            .iter()
            .flat_map(|e| e.mentions.iter().chain(&e.sentences))
        {
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
