use expect_test::{expect, Expect};

use super::{align, Alignment, EventOrigin, EvidenceKind};
use crate::analysis::{analyze, Analysis};
use crate::events::{Catalogue, Event};

const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
    ),
    (
        "001",
        include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
    ),
    (
        "002",
        include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
    ),
    (
        "003",
        include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
    ),
    (
        "004",
        include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
    ),
];

fn seed_catalogue() -> Catalogue {
    toml::from_str(include_str!("../../../../corpus/nato/events.toml")).expect("events.toml parses")
}

/// The first `max_chars` characters of a passage, on one line.
fn excerpt(text: &str, max_chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max_chars {
        one_line
    } else {
        format!("{}…", one_line.chars().take(max_chars).collect::<String>())
    }
}

/// Renders an alignment as rows of cells: each passage with its score, an excerpt and its evidence.
fn render(alignment: &Alignment, articles: &[&Analysis], names: &[&str]) -> String {
    let mut out = String::new();
    for row in &alignment.rows {
        let origin = match row.origin {
            EventOrigin::Catalogue => "catalogue",
            EventOrigin::Discovered => "discovered",
        };
        out.push_str(&format!(
            "## {} ({origin}, id {}) covered by {}/{}\n",
            row.event.name,
            row.event.id,
            row.covered_by().len(),
            alignment.n_articles
        ));
        for cell in &row.cells {
            let name = names[cell.article_idx];
            if cell.passages.is_empty() {
                out.push_str(&format!("  [{name}] not covered\n"));
            }
            for passage in &cell.passages {
                let text = &articles[cell.article_idx].text;
                assert_eq!(
                    articles[cell.article_idx].structure.paragraphs[passage.paragraph].span,
                    passage.span
                );
                out.push_str(&format!(
                    "  [{name}] ¶{} score {:.2} sim {:.2}: {}\n",
                    passage.paragraph,
                    passage.score,
                    passage.similarity,
                    excerpt(passage.span.slice(text), 70)
                ));
                let evidence: Vec<String> = passage
                    .evidence
                    .iter()
                    .map(|evidence| {
                        for span in &evidence.spans {
                            assert!(passage.span.contains(*span), "evidence outside its passage");
                        }
                        let kind = match evidence.kind {
                            EvidenceKind::KeyTerm => "term",
                            EvidenceKind::Entity => "entity",
                            EvidenceKind::SharedTerm => "shared",
                        };
                        let written: Vec<&str> =
                            evidence.spans.iter().map(|s| s.slice(text)).collect();
                        format!("{kind} {} = {}", evidence.label, written.join("|"))
                    })
                    .collect();
                out.push_str(&format!("      {}\n", evidence.join("; ")));
            }
        }
    }
    out
}

/// Aligns raw articles (analysed here) against a catalogue and compares the rendering.
fn check(raw_articles: &[(&str, &str)], catalogue: &[Event], expect: Expect) {
    let analyses: Vec<Analysis> = raw_articles.iter().map(|(_, raw)| analyze(raw)).collect();
    let articles: Vec<&Analysis> = analyses.iter().collect();
    let names: Vec<&str> = raw_articles.iter().map(|(name, _)| *name).collect();
    let alignment = align(&articles, catalogue);
    // Same input, same output: the app and the pack builder must agree.
    assert_eq!(alignment, align(&articles, catalogue));
    expect.assert_eq(&render(&alignment, &articles, &names));
}

#[test]
fn seed_commentary_and_closed_doors_share_expansion_and_militarisation_rows() {
    check(
        &[SEEDS[1], SEEDS[4]],
        &seed_catalogue().events,
        expect![[r#"
            ## NATO enlargement and the non-expansion promise dispute (catalogue, id nato-enlargement) covered by 2/2
              [001] ¶2 score 0.90 sim 0.32: The Post-Cold War era saw a gradual expansion of NATO, with former Eas…
                  term expansion = expansion|expansion; term eastern bloc = Eastern Bloc; term join the alliance = joining the alliance; entity NATO = NATO|the alliance|NATO’s; entity Russia = Russia|Russia
              [004] ¶4 score 0.79 sim 0.16: Vladimir Putin, who has consistently voiced opposition to NATO’s eastw…
                  term expansion = expansion; term eastward = eastward; entity NATO = NATO’s|alliance’s; entity Russia = Russia’s
              [004] ¶11 score 0.68 sim 0.08: At the heart of this debate lies the complex interplay between NATO’s …
                  term expansion = expansion; entity NATO = NATO’s; entity Russia = Russia’s
            ## The Maidan, Crimea and Ukraine's path to NATO (catalogue, id crimea-maidan-ukraine-path) covered by 2/2
              [001] ¶3 score 0.85 sim 0.27: Efforts at rapprochement were made in the 2000s, with discussions abou…
                  term crimea = Crimea; term annexation = annexation; entity Ukraine = Ukraine; entity Russia = Russia’s|Russia
              [004] ¶13 score 0.87 sim 0.36: They argue that the Maidan revolution in 2014, which led to the oustin…
                  term maidan = Maidan; term yanukovich = Yanukovich; entity Ukraine = Ukraine’s; entity Viktor Yanukovych = Yanukovich
              [004] ¶12 score 0.73 sim 0.18: Russian officials have consistently maintained that their military act…
                  term eastern ukraine = eastern Ukraine; entity Ukraine = Ukraine|Kyiv; entity Russia = Russian
              [004] ¶11 score 0.62 sim 0.10: At the heart of this debate lies the complex interplay between NATO’s …
                  term donbass = Donbass; entity Russia = Russia’s
            ## Militarisation and the arms race in Europe (catalogue, id militarisation-arms-race) covered by 2/2
              [001] ¶6 score 0.90 sim 0.33: Increased Military Categorization: The decision solidifies the divide …
                  term militarisation = militarization; term arms race = arms race; term military capabilities = military capabilities; entity NATO = NATO; entity Russia = Russia
              [001] ¶8 score 0.73 sim 0.17: Stability in Eastern Europe: Countries that border Russia may feel an …
                  term military presence = military presence; entity NATO = NATO; entity Russia = Russia
              [001] ¶3 score 0.71 sim 0.15: Efforts at rapprochement were made in the 2000s, with discussions abou…
                  term military presence = military presence; entity NATO = NATO; entity Russia = Russia’s|Russia
              [004] ¶2 score 0.78 sim 0.21: This move comes amid persistent concerns over the growing militarizati…
                  term militarisation = militarization; term arms race = arms race; entity Russia = Russian
              [004] ¶4 score 0.75 sim 0.21: Vladimir Putin, who has consistently voiced opposition to NATO’s eastw…
                  term military buildup = military buildup; entity NATO = NATO’s|alliance’s; entity Russia = Russia’s
              [004] ¶5 score 0.65 sim 0.14: In previous statements, he has warned that NATO’s actions are not only…
                  term military capabilities = military capabilities; entity NATO = NATO’s
              [004] ¶0 score 0.64 sim 0.12: The recent NATO summit in The Hague, held on June 24-25, has reignited…
                  term military footprint = military footprint; entity NATO = NATO|alliance’s
              [004] ¶17 score 0.63 sim 0.12: As the alliance moves forward with its plans for increased militarizat…
                  term militarisation = militarization; entity NATO = the alliance
              [004] ¶6 score 0.61 sim 0.09: The Russian president has argued that this cycle of militarization und…
                  term militarisation = militarization; entity Russia = Russian|Russia
            ## Defence-spending targets: 2% of GDP and 5% by 2035 (catalogue, id defence-spending-targets) covered by 1/2
              [001] not covered
              [004] ¶1 score 0.98 sim 0.54: Delegates from member states reaffirmed a commitment to increase defen…
                  term defence spending = defense spending; term gdp = GDP; term 5% = 5%; term 2035 = 2035
              [004] ¶8 score 0.96 sim 0.46: Lavrov has pointed out that the current target of 2% GDP for defense s…
                  term defence spending = defense spending; term gdp = GDP; term 2% = 2%; term 5% = 5%
        "#]],
    );
}

#[test]
fn seed_pack_aligns_to_catalogue() {
    check(
        &SEEDS,
        &seed_catalogue().events,
        expect![[r###"
            ## NATO enlargement and the non-expansion promise dispute (catalogue, id nato-enlargement) covered by 3/5
              [000] not covered
              [001] ¶2 score 0.89 sim 0.30: The Post-Cold War era saw a gradual expansion of NATO, with former Eas…
                  term expansion = expansion|expansion; term eastern bloc = Eastern Bloc; term join the alliance = joining the alliance; entity NATO = NATO|the alliance|NATO’s; entity Russia = Russia|Russia
              [002] ¶0 score 0.82 sim 0.21: In response to Russia's security proposal envisaging NATO's non-expans…
                  term enlargement = enlarge; term non-expansion = non-expansion; entity NATO = NATO's|alliance's; entity Russia = Russia's
              [003] not covered
              [004] ¶4 score 0.78 sim 0.14: Vladimir Putin, who has consistently voiced opposition to NATO’s eastw…
                  term expansion = expansion; term eastward = eastward; entity NATO = NATO’s|alliance’s; entity Russia = Russia’s
              [004] ¶11 score 0.68 sim 0.07: At the heart of this debate lies the complex interplay between NATO’s …
                  term expansion = expansion; entity NATO = NATO’s; entity Russia = Russia’s
            ## The Maidan, Crimea and Ukraine's path to NATO (catalogue, id crimea-maidan-ukraine-path) covered by 3/5
              [000] not covered
              [001] ¶3 score 0.85 sim 0.27: Efforts at rapprochement were made in the 2000s, with discussions abou…
                  term crimea = Crimea; term annexation = annexation; entity Ukraine = Ukraine; entity Russia = Russia’s|Russia
              [002] ¶2 score 0.85 sim 0.28: Earlier, on 21 December, the NATO chief said that "the age of spheres …
                  term ukraine's nato membership = Ukraine's NATO membership; term own path = own path; entity Ukraine = Ukraine|Ukraine's; entity Russia = Moscow's|Russia
              [003] not covered
              [004] ¶13 score 0.87 sim 0.36: They argue that the Maidan revolution in 2014, which led to the oustin…
                  term maidan = Maidan; term yanukovich = Yanukovich; entity Ukraine = Ukraine’s; entity Viktor Yanukovych = Yanukovich
              [004] ¶12 score 0.74 sim 0.19: Russian officials have consistently maintained that their military act…
                  term eastern ukraine = eastern Ukraine; entity Ukraine = Ukraine|Kyiv; entity Russia = Russian
              [004] ¶11 score 0.63 sim 0.09: At the heart of this debate lies the complex interplay between NATO’s …
                  term donbass = Donbass; entity Russia = Russia’s
            ## Militarisation and the arms race in Europe (catalogue, id militarisation-arms-race) covered by 3/5
              [000] ¶11 score 0.79 sim 0.20: Recent reports suggest that Lithuania is taking steps to strengthen it…
                  term military capabilities = military capabilities; term missile defense = missile defense; entity Russia = Russia
              [001] ¶6 score 0.89 sim 0.31: Increased Military Categorization: The decision solidifies the divide …
                  term militarisation = militarization; term arms race = arms race; term military capabilities = military capabilities; entity NATO = NATO; entity Russia = Russia
              [001] ¶8 score 0.73 sim 0.16: Stability in Eastern Europe: Countries that border Russia may feel an …
                  term military presence = military presence; entity NATO = NATO; entity Russia = Russia
              [001] ¶3 score 0.72 sim 0.14: Efforts at rapprochement were made in the 2000s, with discussions abou…
                  term military presence = military presence; entity NATO = NATO; entity Russia = Russia’s|Russia
              [002] not covered
              [003] not covered
              [004] ¶2 score 0.81 sim 0.24: This move comes amid persistent concerns over the growing militarizati…
                  term militarisation = militarization; term arms race = arms race; entity Russia = Russian
              [004] ¶4 score 0.74 sim 0.19: Vladimir Putin, who has consistently voiced opposition to NATO’s eastw…
                  term military buildup = military buildup; entity NATO = NATO’s|alliance’s; entity Russia = Russia’s
              [004] ¶17 score 0.64 sim 0.12: As the alliance moves forward with its plans for increased militarizat…
                  term militarisation = militarization; entity NATO = the alliance
              [004] ¶6 score 0.64 sim 0.12: The Russian president has argued that this cycle of militarization und…
                  term militarisation = militarization; entity Russia = Russian|Russia
              [004] ¶0 score 0.63 sim 0.10: The recent NATO summit in The Hague, held on June 24-25, has reignited…
                  term military footprint = military footprint; entity NATO = NATO|alliance’s
              [004] ¶5 score 0.62 sim 0.09: In previous statements, he has warned that NATO’s actions are not only…
                  term military capabilities = military capabilities; entity NATO = NATO’s
            ## West, Moscow, Vladimir Putin (discovered, id candidate-west-moscow-vladimir-putin) covered by 2/5
              [000] not covered
              [001] ¶0 score 0.24 sim 0.24: In an era marked by geopolitical tension and shifting alliances, Russi…
                  shared Vladimir = Vladimir; shared West = West; shared Moscow = Moscow; shared Putin = Putin; shared Vladimir Putin = Vladimir Putin; shared reflect = reflects; shared Russia = Russia; shared global = global
              [002] not covered
              [003] not covered
              [004] ¶4 score 0.24 sim 0.24: Vladimir Putin, who has consistently voiced opposition to NATO’s eastw…
                  shared Vladimir = Vladimir; shared Putin = Putin; shared Vladimir Putin = Vladimir Putin; shared Russia = Russia’s
              [004] ¶16 score 0.23 sim 0.23: They reflect deeper ideological and strategic divides between the West…
                  shared West = West; shared Moscow = Moscow; shared reflect = reflect; shared global = global
            ## Putin's, Stoltenberg, stated (discovered, id candidate-putin-stoltenberg-stat) covered by 2/5
              [000] not covered
              [001] ¶11 score 0.21 sim 0.21: In response to Putin’s declaration, NATO officials reaffirmed their co…
                  shared Putin's = Putin’s; shared Stoltenberg = Stoltenberg; shared stated = stated; shared NATO = NATO|NATO
              [002] ¶6 score 0.21 sim 0.21: "NATO is an alliance in crisis that needs to survive to have an enemy …
                  shared Putin's = Putin's; shared Stoltenberg = Stoltenberg|Stoltenberg's; shared stated = statements; shared NATO = NATO|NATO's
              [003] not covered
              [004] not covered
            ## Stoltenberg on Russia's security proposals and spheres of influence (catalogue, id stoltenberg-spheres-of-influence) covered by 1/5
              [000] not covered
              [001] not covered
              [002] ¶0 score 0.92 sim 0.39: In response to Russia's security proposal envisaging NATO's non-expans…
                  term security proposal = security proposal; term non-expansion = non-expansion; term never vowed = never vowed; entity Jens Stoltenberg = Jens Stoltenberg|Stoltenberg's
              [002] ¶2 score 0.91 sim 0.37: Earlier, on 21 December, the NATO chief said that "the age of spheres …
                  term sphere of influence = spheres of influence; term red line = red line; term own path = own path; entity Jens Stoltenberg = NATO chief
              [002] ¶1 score 0.90 sim 0.50: US Secretary of State Antony Blinken spoke on 23 December with NATO se…
                  term dual-track = dual-track; entity Jens Stoltenberg = NATO secretary-general|Jens Stoltenberg; entity Antony Blinken = Antony Blinken
              [002] ¶3 score 0.79 sim 0.28: Stoltenberg echoed Blinken who stated in May 2021 that the United Stat…
                  term sphere of influence = spheres of influence; entity Jens Stoltenberg = Stoltenberg; entity Antony Blinken = Blinken
              [002] ¶4 score 0.75 sim 0.22: It is hardly surprising that Blinken and Stoltenberg unanimously dismi…
                  term sphere of influence = sphere of influence; entity Jens Stoltenberg = Stoltenberg; entity Antony Blinken = Blinken
              [003] not covered
              [004] not covered
            ## Defence-spending targets: 2% of GDP and 5% by 2035 (catalogue, id defence-spending-targets) covered by 1/5
              [000] not covered
              [001] not covered
              [002] not covered
              [003] not covered
              [004] ¶1 score 0.99 sim 0.53: Delegates from member states reaffirmed a commitment to increase defen…
                  term defence spending = defense spending; term gdp = GDP; term 5% = 5%; term 2035 = 2035
              [004] ¶8 score 0.96 sim 0.45: Lavrov has pointed out that the current target of 2% GDP for defense s…
                  term defence spending = defense spending; term gdp = GDP; term 2% = 2%; term 5% = 5%
            ## The Lithuania–Belarus dispute (catalogue, id lithuania-belarus-dispute) covered by 1/5
              [000] ¶4 score 1.00 sim 0.52: The recent diplomatic incident between Lithuania and Belarus serves as…
                  term lithuania = Lithuania|Lithuania; term belarus = Belarus|Belarus; term diplomatic incident = diplomatic incident; term recalled its ambassador = recalled its ambassador; term espionage = espionage; entity Lithuania = Lithuania|Lithuanian|Vilnius|Lithuania; entity Belarus = Belarus|Belarusian|Minsk|Belarus
              [000] ¶0 score 0.82 sim 0.22: The recent diplomatic spat between Lithuania and Belarus, which erupte…
                  term lithuania = Lithuania; term belarus = Belarus; term diplomatic spat = diplomatic spat; entity Lithuania = Lithuania; entity Belarus = Belarus
              [000] ¶15 score 0.82 sim 0.34: Lithuania is likely to continue to escalate tensions with Belarus thro…
                  term lithuania = Lithuania; term belarus = Belarus; entity Lithuania = Lithuania; entity Belarus = Belarus
              [000] ¶1 score 0.75 sim 0.21: In the midst of the tense standoff, Lithuania's foreign minister, Gabr…
                  term lithuania = Lithuania's; entity Lithuania = Lithuania's|Lithuanian; entity Gabrielius Landsbergis = Gabrielius Landsbergis
              [000] ¶11 score 0.72 sim 0.16: Recent reports suggest that Lithuania is taking steps to strengthen it…
                  term lithuania = Lithuania; term belarus = Belarus; entity Lithuania = Lithuania; entity Belarus = Belarus
              [001] not covered
              [002] not covered
              [003] not covered
              [004] not covered
        "###]],
    );
}

/// Four accounts of one invented event (a glassworks closing in an invented town), in four styles,
/// written for these tests; two of them also report a second event (a tram extension). The engine
/// has never seen them and no catalogue describes them.
const UNION_BLOG: &str = "Betrayed after 112 years: Kessler shuts the Lindenfeld glassworks

Posted by the Glass and Ceramics Workers' Union, Lindenfeld branch

Kessler management told us on Monday what rumours had said for weeks: the Lindenfeld glassworks will close in September and 340 of our members will lose their jobs. Nobody asked the workers. Nobody looked at our plan to modernise the second furnace.

Shop steward Anja Brandt said the company had taken millions in regional subsidies for the furnace and was now walking away. \"They promised us this plant had a future. Those promises were worth nothing,\" she said.

We will hold a rally outside the factory gate on Saturday at ten. Bring your families. The glassworks built this town, and this town will not let it go quietly.";

const BUSINESS_WIRE: &str = "Kessler Glas to consolidate container production, close Lindenfeld plant

FRANKFURT, May 12 - Kessler Glas AG said on Monday it would close its glassworks in Lindenfeld by the end of September and move container-glass production to its larger plant in Brno, citing energy costs that have doubled since 2021.

The closure affects about 340 jobs. The company expects one-off restructuring charges of 48 million euros this year and annual savings of 30 million euros from 2027.

Chief executive Martin Oberholz said the Lindenfeld furnace would have needed a 70-million-euro rebuild within three years. \"Consolidating in Brno secures the competitiveness of the group,\" he said.

Kessler shares rose 4.2% in Frankfurt trading. Analysts at Hallberg Bank called the decision overdue.";

const CITY_HALL: &str = "City of Lindenfeld: Mayor responds to the closure of the Kessler glassworks

Press release, Office of the Mayor

Mayor Petra Lindqvist expressed deep regret at Kessler Glas AG's decision to close the Lindenfeld glassworks and said the city would do everything in its power to support the 340 employees and their families.

The city will set up a jobs task force with the regional employment agency and the chamber of commerce this week, and has asked Kessler to keep the furnace site open to possible buyers. A retraining fund of 2 million euros will be proposed to the city council.

In other business, the city council on Tuesday approved the extension of tram line 4 to the Nordhafen district. Construction of the 3.2-kilometre extension is due to begin next spring and will add five new stops.";

const LOCAL_PAPER: &str = "Glassworks closure hits Lindenfeld hard; tram extension approved

The Kessler glassworks, the largest private employer in Lindenfeld, will close in September, the company announced on Monday. About 340 people work at the plant, many of them the children and grandchildren of earlier glassworkers.

Kessler blamed energy costs and said production would move to Brno. Union members said they had offered a plan to modernise the furnace. Mayor Petra Lindqvist promised a task force and a retraining fund.

Separately, councillors voted 21 to 6 on Tuesday to extend tram line 4 to Nordhafen. Opponents on the council said the 3.2-kilometre extension was too expensive while the city was losing its biggest employer.";

/// An unrelated article, to show that discovery does not pull everything together.
const FOOTBALL_REPORT: &str = "Late header gives Rovers the derby

A header from Sam Okoye in the 89th minute gave Harbourside Rovers a 2-1 win over City in a tense derby on Sunday.

City had led through a penalty before the break, but Rovers pressed after the interval and equalised when their captain volleyed in from the edge of the box.

Coach Maria Esteban praised her players' patience. \"We kept the ball and waited for our chance,\" she said.";

#[test]
fn discovery_groups_unseen_accounts_of_one_event_without_a_catalogue() {
    check(
        &[
            ("union", UNION_BLOG),
            ("wire", BUSINESS_WIRE),
            ("city", CITY_HALL),
            ("paper", LOCAL_PAPER),
            ("sport", FOOTBALL_REPORT),
        ],
        &[],
        expect![[r#"
            ## Kessler Glas, Lindenfeld glassworks, close (discovered, id candidate-kessler-gla-lindenfeld-glasswork-clos) covered by 4/5
              [union] ¶0 score 0.23 sim 0.23: Kessler management told us on Monday what rumours had said for weeks: …
                  shared Lindenfeld = Lindenfeld; shared Kessler = Kessler; shared close = close; shared glassworks = glassworks
              [wire] ¶0 score 0.28 sim 0.28: FRANKFURT, May 12 - Kessler Glas AG said on Monday it would close its …
                  shared Lindenfeld = Lindenfeld; shared Kessler = Kessler; shared close = close; shared AG = AG; shared Glas = Glas; shared glassworks = glassworks
              [city] ¶0 score 0.28 sim 0.28: Mayor Petra Lindqvist expressed deep regret at Kessler Glas AG's decis…
                  shared Lindenfeld = Lindenfeld; shared Kessler = Kessler; shared close = close; shared AG = AG's; shared Glas = Glas; shared Lindqvist = Lindqvist; shared Petra = Petra; shared glassworks = glassworks
              [paper] ¶0 score 0.26 sim 0.26: The Kessler glassworks, the largest private employer in Lindenfeld, wi…
                  shared Lindenfeld = Lindenfeld; shared Kessler = Kessler; shared close = close; shared glassworks = glassworks
              [paper] ¶1 score 0.26 sim 0.26: Kessler blamed energy costs and said production would move to Brno. Un…
                  shared Kessler = Kessler; shared Lindqvist = Lindqvist; shared Petra = Petra
              [sport] not covered
            ## Kilometre extension, line 4 to Nordhafen, tram (discovered, id candidate-kilometr-extension-line-nordhafen-tram) covered by 2/5
              [union] not covered
              [wire] not covered
              [city] ¶2 score 0.45 sim 0.45: In other business, the city council on Tuesday approved the extension …
                  shared Nordhafen = Nordhafen; shared kilometre extension = kilometre extension; shared line 4 to Nordhafen = line 4 to the Nordhafen; shared tram line = tram line; shared 3.2 = 3.2; shared extension = extension|extension; shared kilometre = kilometre; shared line = line
              [paper] ¶2 score 0.45 sim 0.45: Separately, councillors voted 21 to 6 on Tuesday to extend tram line 4…
                  shared Nordhafen = Nordhafen; shared kilometre extension = kilometre extension; shared line 4 to Nordhafen = line 4 to Nordhafen; shared tram line = tram line; shared 3.2 = 3.2; shared extension = extension; shared kilometre = kilometre; shared line = line
              [sport] not covered
        "#]],
    );
}

/// Odd input: no articles, empty articles, one article, the same article twice, and a catalogue
/// with an event that has no terms, no name and a duplicate id. Nothing panics and the output says
/// what it can.
#[test]
fn bad_input_never_panics() {
    let mut catalogue = seed_catalogue();
    catalogue.events.push(Event {
        id: "empty".into(),
        ..Event::default()
    });
    catalogue.events.push(Event {
        id: "nato-enlargement".into(),
        name: "Duplicate".into(),
        key_terms: vec!["".into(), "   ".into(), "the of and".into()],
        ..Event::default()
    });
    let empty = analyze("");
    let blank = analyze("\n\n   \n");
    let seed = analyze(SEEDS[4].1);
    let cases: Vec<(&str, Vec<&Analysis>)> = vec![
        ("no articles", vec![]),
        ("two empty articles", vec![&empty, &blank]),
        ("one article", vec![&seed]),
        ("the same article twice", vec![&seed, &seed]),
        ("an empty and a full article", vec![&empty, &seed]),
    ];
    let mut out = String::new();
    for (name, articles) in cases {
        let alignment = align(&articles, &catalogue.events);
        let profiles = crate::profile::profiles(&articles, &alignment);
        let rows: Vec<String> = alignment
            .rows
            .iter()
            .map(|row| format!("{} {:?}", row.event.id, row.covered_by()))
            .collect();
        out.push_str(&format!(
            "{name}: {} rows [{}]; {} profiles, distinctive terms {:?}, omissions {:?}\n",
            alignment.rows.len(),
            rows.join(", "),
            profiles.len(),
            profiles
                .iter()
                .map(|p| p.distinctive_terms.len())
                .collect::<Vec<_>>(),
            profiles
                .iter()
                .map(|p| p.omissions.len())
                .collect::<Vec<_>>(),
        ));
    }
    out.push_str(&catalogue.problems().join("\n"));
    expect![[r#"
        no articles: 0 rows []; 0 profiles, distinctive terms [], omissions []
        two empty articles: 0 rows []; 2 profiles, distinctive terms [0, 0], omissions [0, 0]
        one article: 4 rows [nato-enlargement [0], defence-spending-targets [0], crimea-maidan-ukraine-path [0], militarisation-arms-race [0]]; 1 profiles, distinctive terms [0], omissions [0]
        the same article twice: 4 rows [nato-enlargement [0, 1], defence-spending-targets [0, 1], crimea-maidan-ukraine-path [0, 1], militarisation-arms-race [0, 1]]; 2 profiles, distinctive terms [0, 0], omissions [0, 0]
        an empty and a full article: 4 rows [nato-enlargement [1], defence-spending-targets [1], crimea-maidan-ukraine-path [1], militarisation-arms-race [1]]; 2 profiles, distinctive terms [0, 0], omissions [4, 0]
        Event `empty` has no name.
        Event `empty` has no key terms, so no passage can be aligned to it.
        Event `empty` has no description.
        Event `nato-enlargement` is listed twice.
        Event `nato-enlargement` has no description."#]].assert_eq(&out);
}

#[test]
fn words_outside_latin_script_with_english_endings_are_stemmed_without_a_panic() {
    // "似" is three bytes whose last two are equal: read as bytes, "a似ed" looked as if it ended in a
    // doubled letter ("planned" → "plan"), and cutting one byte off split the character.
    let first = analyze(
        "Officials a似ed the plan.\n\nThe ministers 似似ing talks resumed in 東京ed halls.",
    );
    let second = analyze("Officials a似ed the plan again.\n\nCafééd ministers met.");
    let words = super::ContentWords::of_all(&[&first, &second]);
    let alignment = super::align_with_words(&[&first, &second], &words, &seed_catalogue().events);
    let profiles = crate::profile::profiles_with_words(&[&first, &second], &words, &alignment);
    assert_eq!(profiles.len(), 2);
    let stems: Vec<String> = ["a似ed", "似似ing", "東京ed", "cafééd", "planned"]
        .iter()
        .map(|word| super::terms::stem(word))
        .collect();
    expect![[r#"["a似", "似似ing", "東京ed", "cafééd", "plan"]"#]].assert_eq(&format!("{stems:?}"));
}

#[test]
fn discovery_pairs_two_unseen_accounts() {
    check(
        &[("union", UNION_BLOG), ("wire", BUSINESS_WIRE)],
        &seed_catalogue().events,
        expect![[r#"
            ## Kessler, Lindenfeld, close (discovered, id candidate-kessler-lindenfeld-clos) covered by 2/2
              [union] ¶0 score 0.25 sim 0.25: Kessler management told us on Monday what rumours had said for weeks: …
                  shared Kessler = Kessler; shared Lindenfeld = Lindenfeld; shared close = close; shared monday = Monday; shared september = September; shared glassworks = glassworks
              [wire] ¶0 score 0.25 sim 0.25: FRANKFURT, May 12 - Kessler Glas AG said on Monday it would close its …
                  shared Kessler = Kessler; shared Lindenfeld = Lindenfeld; shared close = close; shared monday = Monday; shared september = September; shared glassworks = glassworks
        "#]],
    );
}

/// The seed catalogue parses into the core's types, has no curation problems, and "start from an
/// event" over the whole pack (catalogue only, no discovery) lists the articles of each event.
#[test]
fn seed_catalogue_is_complete_and_lists_articles_per_event() {
    let catalogue = seed_catalogue();
    let analyses: Vec<Analysis> = SEEDS.iter().map(|(_, raw)| analyze(raw)).collect();
    let articles: Vec<&Analysis> = analyses.iter().collect();
    let alignment = super::align_to_catalogue(&articles, &catalogue.events);
    let mut out = format!("problems: {:?}\n", catalogue.problems());
    for event in &catalogue.events {
        let covering: Vec<&str> = alignment
            .articles_covering(&event.id)
            .into_iter()
            .map(|idx| SEEDS[idx].0)
            .collect();
        out.push_str(&format!(
            "{} {:?}: {covering:?}\n",
            event.id,
            event.date_range()
        ));
    }
    assert!(alignment
        .rows
        .iter()
        .all(|row| row.origin == EventOrigin::Catalogue));
    expect![[r#"
        problems: []
        nato-enlargement (Some("1990"), Some("2024")): ["001", "002", "004"]
        stoltenberg-spheres-of-influence (Some("2021-12"), Some("2021-12")): ["002"]
        defence-spending-targets (Some("2014"), Some("2025-06-25")): ["004"]
        crimea-maidan-ukraine-path (Some("2013-11"), Some("2014-03")): ["001", "002", "004"]
        militarisation-arms-race (Some("2014"), Some("2025")): ["000", "001", "004"]
        lithuania-belarus-dispute (Some("2020"), Some("2025")): ["000"]
    "#]]
    .assert_eq(&out);
}

#[test]
fn content_word_stems() {
    let words = [
        "russia’s",
        "states’",
        "‘war",
        "nato's",
        "'s",
        "'",
        "",
        "defence",
        "defences",
        "centres",
        "programmes",
        "labour",
        "neighbours",
        "behaviour",
        "honouring",
        "colourful",
        "non-expansion",
        "so-called",
        "anti-militarisation",
        "co-operation",
        "re-elected",
        "e-mails",
        "well-",
        "-ing",
        "g7",
        "covid-19",
        "1990s",
        "its",
        "bus",
        "gas",
        "yes",
        "ties",
        "policies",
        "classes",
        "glasses",
        "status",
        "analysis",
        "crisis",
        "bonus",
        "tennis",
        "militarisation",
        "organization",
        "negotiations",
        "agreements",
        "government",
        "darkness",
        "seemingly",
        "reportedly",
        "nation",
        "station",
        "planned",
        "running",
        "falling",
        "missing",
        "buzzing",
        "sing",
        "bring",
        "rated",
        "need",
        "agreed",
        "realise",
        "realised",
        "realises",
        "criticised",
        "emphasize",
        "increase",
        "believe",
        "there",
        "large",
        "café",
        "naïve",
        "zürich's",
        "événements",
        "i̇stanbul",
    ];
    let out: Vec<String> = words
        .iter()
        .map(|word| format!("{word}→{}", super::terms::stem(word)))
        .collect();
    expect!["russia’s→russia states’→stat ‘war→'war nato's→nato 's→ '→ → defence→defens defences→defens centres→center programmes→program labour→labor neighbours→neighbor behaviour→behavior honouring→honor colourful→colorful non-expansion→non-expansion so-called→so-call anti-militarisation→anti-militariz co-operation→co-operat re-elected→re-elect e-mails→e-mail well-→well- -ing→-ing g7→g7 covid-19→covid-19 1990s→1990s its→its bus→bus gas→gas yes→yes ties→tie policies→policy classes→class glasses→glass status→status analysis→analysis crisis→crisis bonus→bonus tennis→tenniz militarisation→militariz organization→organiz negotiations→negotiat agreements→agre government→govern darkness→dark seemingly→seem reportedly→report nation→nation station→station planned→plan running→run falling→fall missing→miss buzzing→buzz sing→sing bring→bring rated→rat need→need agreed→agre realise→realiz realised→realiz realises→realiz criticised→criticiz emphasize→emphasiz increase→increas believe→believ there→ther large→larg café→café naïve→naïv zürich's→zürich événements→évén i̇stanbul→i̇stanbul"].assert_eq(&out.join(" "));
}

#[test]
fn content_words_of_a_sentence() {
    let text = "NATO’s 5 % rise: Planned expansions (of the U.S. Army) in 2022, 5% and 7. The Summit's defence-spending.";
    let structure = crate::text::structure(text);
    let words = super::terms::content_words_by_paragraph(text, &structure);
    let out: Vec<String> = words
        .iter()
        .flatten()
        .map(|word| {
            let flags = [
                (word.proper, "P"),
                (word.initial_capital, "I"),
                (word.after_break, "B"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, flag)| *flag)
            .collect::<String>();
            format!(
                "{}:{}={}/{}{}",
                word.sentence,
                word.span.slice(text),
                word.key,
                flags,
                if flags.is_empty() { "-" } else { "" },
            )
        })
        .collect();
    expect!["0:NATO’s=nato/I 0:rise=rise/B 0:Planned=plan/PB 0:expansions=expansion/- 0:Army=army/PB 0:2022=2022/B 0:5%=5%/B 1:Summit's=summit/P 1:defence-spending=defence-spend/-"].assert_eq(&out.join(" "));
}
