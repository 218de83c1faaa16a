//! Sample texts for the cue, frame, topic and integrity tests: the five seed articles and passages in other styles.
//!
//! The passages below are original writing for these tests (MIT OR Apache-2.0, like the project);
//! their people, places and organisations are invented.

pub(crate) const SEEDS: [(&str, &str); 5] = [
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

/// A neutral wire report: attributed facts, no evaluative words; should yield almost no cues.
pub(crate) const WIRE: &str = "\
Harbour workers in Port Ellery began a 48-hour strike on Tuesday after talks over pay broke down, the port authority said.

About 1,200 workers walked out at 6 a.m., and three container ships were diverted to other ports, authority spokeswoman Linda Achebe said in a statement.

The union is asking for a 7% pay rise over two years. The employers have offered 4%.

Talks are scheduled to resume on Thursday, Achebe said. The regional transport ministry said it was monitoring the situation and had no plans to intervene.

In May, a similar strike at the nearby port of Saltmarsh lasted three days.";

/// An opinion column written to persuade, full of loaded language.
pub(crate) const OPED: &str = "\
The council's so-called housing plan is a disgraceful giveaway to developers, and everyone knows it.

For years the cronies at city hall have clearly ignored ordinary families. Rents have skyrocketed while councillors lamented the \"difficult choices\" they supposedly faced. The mayor insisted the plan would help renters. It will not.

Experts agree that building on the green belt is reckless. If we do nothing, our way of life will vanish before it is too late to act. This is our country, and patriotic residents deserve better than this shameful farce.

The only reason the plan passed is the developers' money. Mark my words: unprecedented sprawl will follow.";

/// An interview transcript: speaker labels, spoken hedges, a quoted title.
pub(crate) const INTERVIEW: &str = "\
Transcript: Ria Banerjee, head teacher at Millbrook School, talks to our education reporter.

Q: How did the new timetable go this term?

BANERJEE: I think it went well, mostly. Attendance is up, perhaps by two or three points, though I'm not sure how much of that is the timetable.

Q: Some parents called the change \"rushed\". Was it?

BANERJEE: We consulted for a year. I understand why it felt quick to some families, and we admitted we should have explained the bus changes sooner.

Q: What comes next?

BANERJEE: We might extend the lunch break. Nothing is decided yet.";

/// A hedged science story: findings presented with care.
pub(crate) const SCIENCE: &str = "\
A common garden bird may be able to recognise individual human faces, according to a study published on Monday in the Journal of Avian Behaviour.

Researchers at the University of Northmoor tested 40 wild magpies over two winters. The birds were more likely to avoid a person who had previously handled them, which suggests that they remember faces, the authors wrote.

\"It appears to be learned rather than innate, but we cannot rule out other explanations,\" said lead author Dr. Ines Okafor. The effect was smaller in younger birds, possibly because they had less experience with people.

The sample is small, and the results have not yet been replicated. Other researchers said the study was carefully designed but that the birds might be responding to clothing rather than faces.";

/// A sports report: results, quotes, the sports senses of words that are cues elsewhere.
pub(crate) const SPORTS: &str = "\
Riverside United came from behind to beat Castleford 3-2 on Saturday, with substitute Tomas Reyes scoring twice in the last ten minutes.

Castleford led 2-0 at half-time after two goals from captain Ollie Grant. Riverside conceded a penalty early in the second half but goalkeeper Sam Idowu saved it.

\"We never stopped believing,\" Reyes said. \"The manager told us to keep the ball and be patient.\"

The win lifts Riverside to fourth in the table. Castleford, who claimed the title two seasons ago, have now lost three matches in a row.";

/// A business story: figures, company sources, market words.
pub(crate) const BUSINESS: &str = "\
Shares in Halden Foods fell 12% on Wednesday after the company cut its profit forecast for the year, citing higher energy and packaging costs.

The company now expects operating profit of between 140 million and 150 million euros, down from an earlier estimate of 170 million, it said in a trading update.

Chief executive Mara Lindqvist said demand had held up but that price rises had not covered costs. \"We were too slow to pass on costs,\" she admitted on a call with analysts.

Analysts at Brennan Securities said the forecast was weaker than expected. Sales rose 4% to 2.1 billion euros in the first nine months.";
