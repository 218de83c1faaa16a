//! Integrity signals: things a careful reader should check, each with evidence and a lateral-reading prompt.
//!
//! A signal is never a verdict. Each one says what was found (`detail`), where (`evidence`, spans
//! into the clean text; empty when the evidence is metadata that left the body), and what the
//! reader could check elsewhere (`prompt`). Date checks compare the text with the curated
//! reference facts in `data/reference_facts.txt` (office-holders and dated events).

pub(crate) mod reference;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::attribution::Attributions;
use crate::clean::{DisclosureKind, Removed, RemovedKind};
use crate::cues::lexicon::{self, Word};
use crate::meta::Metadata;
use crate::span::Span;
use crate::text::Structure;
use reference::{keyword_matches, Day, ReferenceFacts};

/// What a signal is about; serialized as a stable snake_case id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    NoByline,
    AiAssistance,
    PageChrome,
    WeekdayMismatch,
    DateContradiction,
    StaleRecentEvent,
    EarliestDate,
    UnconfirmedExpert,
    UnsourcedStatistic,
}

impl SignalKind {
    pub fn id(self) -> &'static str {
        match self {
            SignalKind::NoByline => "no_byline",
            SignalKind::AiAssistance => "ai_assistance",
            SignalKind::PageChrome => "page_chrome",
            SignalKind::WeekdayMismatch => "weekday_mismatch",
            SignalKind::DateContradiction => "date_contradiction",
            SignalKind::StaleRecentEvent => "stale_recent_event",
            SignalKind::EarliestDate => "earliest_date",
            SignalKind::UnconfirmedExpert => "unconfirmed_expert",
            SignalKind::UnsourcedStatistic => "unsourced_statistic",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SignalKind::NoByline => "No byline",
            SignalKind::AiAssistance => "AI assistance disclosed",
            SignalKind::PageChrome => "Copied from a web page",
            SignalKind::WeekdayMismatch => "Weekday does not fit the date",
            SignalKind::DateContradiction => "Date contradicted by the text",
            SignalKind::StaleRecentEvent => "Old event called recent",
            SignalKind::EarliestDate => "Earliest possible date",
            SignalKind::UnconfirmedExpert => "Check this expert",
            SignalKind::UnsourcedStatistic => "Statistic without a source",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub kind: SignalKind,
    /// Where in the clean text; empty when the evidence is metadata outside the body.
    pub evidence: Vec<Span>,
    /// What was found, in plain words.
    pub detail: String,
    /// What the reader could check elsewhere; never an accusation.
    pub prompt: String,
}

fn reference_facts() -> &'static ReferenceFacts {
    static FACTS: OnceLock<ReferenceFacts> = OnceLock::new();
    FACTS.get_or_init(|| ReferenceFacts::parse(include_str!("../data/reference_facts.txt")))
}

/// Words that place a sentence's dates in the future or make them plans, not things that happened.
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "plan",
    "plans",
    "planned",
    "planning",
    "target",
    "targets",
    "goal",
    "goals",
    "aim",
    "aims",
    "until",
    "next",
    "upcoming",
    "expected",
    "forecast",
    "projected",
    "scheduled",
    "could",
    "may",
    "might",
    "should",
    "pledge",
    "pledged",
    "deadline",
    "intends",
    "hopes",
    "ahead",
];

/// Words that present an event as recent.
const RECENT_WORDS: &[&str] = &[
    "recent",
    "recently",
    "latest",
    "yesterday",
    "last week",
    "this week",
];

/// Words that put a title in the past ("former Secretary General").
const PAST_TITLE_WORDS: &[&str] = &[
    "former",
    "then",
    "ex",
    "previous",
    "late",
    "erstwhile",
    "predecessor",
    "once",
    "retired",
];

/// How many words before a name may hold its title ("NATO Secretary-General Jens Stoltenberg").
const TITLE_WINDOW_BEFORE: usize = 6;
/// How many words after a name, following a comma, may hold its title ("Lavrov, Russia's foreign minister").
const TITLE_WINDOW_AFTER: usize = 6;

/// Words that show a sentence names the source of its figures.
const SOURCE_WORDS: &[&str] = &[
    "according",
    "said",
    "says",
    "say",
    "told",
    "stated",
    "reported",
    "report",
    "reports",
    "survey",
    "surveys",
    "poll",
    "polls",
    "study",
    "studies",
    "data",
    "figures",
    "statistics",
    "census",
    "estimate",
    "estimates",
    "estimated",
    "found",
    "finds",
    "showed",
    "shows",
    "show",
    "published",
    "research",
    "analysis",
    "index",
    "agency",
    "office",
    "institute",
    "bureau",
    "ministry",
    "department",
    "bank",
    "fund",
    "commission",
    "authority",
    "university",
    "center",
    "centre",
    "agreed",
    "cited",
    "citing",
    "announced",
    "company",
    "government",
    "statement",
    "update",
    "expects",
    "reaffirmed",
    "pointed",
    "highlighted",
    "noted",
    "wrote",
    "calculated",
];

/// Words that make a figure a policy target rather than a statistic about the world.
const TARGET_WORDS: &[&str] = &[
    "target",
    "targets",
    "goal",
    "goals",
    "benchmark",
    "pledge",
    "pledged",
    "aim",
];

/// Role words that present someone as an expert speaking for an institution.
const EXPERT_ROLES: &[&str] = &[
    "fellow",
    "professor",
    "lecturer",
    "researcher",
    "analyst",
    "expert",
    "scholar",
    "economist",
    "scientist",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "founder",
    "dean",
    "specialist",
    "strategist",
];

/// Words that can stand inside an institution's name ("Institute for Global Analyses").
const INSTITUTION_JOINERS: &[&str] = &["of", "for", "and", "the", "on", "in", "&"];

const PROMPT_NO_BYLINE: &str = "No author is named. Search for the headline to find who published it first, and whether a named journalist or outlet stands behind it.";
const PROMPT_AI: &str = "The page says AI helped write it. Check names, dates, quotes and figures against trusted sources before relying on them.";
const PROMPT_CHROME: &str = "The text came with a web page's furniture around it. Find the original page: who runs the site, and is this the first place the article appeared?";
const PROMPT_WEEKDAY: &str = "The printed weekday and date do not fit together. Look for the article's first publication to see when it really appeared.";
const PROMPT_DATE: &str = "The printed date and what the text says do not fit together. Search for the article's first publication: was it written earlier and re-dated, or is a fact in it out of date?";
const PROMPT_STALE: &str = "An event from long before the printed date is called recent. Check when the article was first published and whether it was re-posted with a new date.";
const PROMPT_EARLIEST: &str = "This is the earliest date the text can have been written, going by the events it mentions. Compare it with the printed date, or search for the first publication if there is none.";
const PROMPT_EXPERT: &str = "Check this person: search the name with the institution. Does the institution list them, and do other outlets quote them in this role?";
const PROMPT_STATISTIC: &str = "This figure is given without saying where it comes from. Search for the number: who measured it, when, and how?";

/// Everything the signals look at besides the text.
pub struct Context<'a> {
    pub metadata: &'a Metadata,
    pub removed: &'a [Removed],
    pub attributions: &'a Attributions,
}

/// Finds the integrity signals of one article, in a fixed order: page-level signals first, then text-level ones in text order.
pub fn check(text: &str, structure: &Structure, context: &Context<'_>) -> Vec<Signal> {
    check_with_words(text, structure, &lexicon::words(text, structure), context)
}

/// [`check`] with the words already split; the analysis splits them once for all its modules.
pub(crate) fn check_with_words(
    text: &str,
    structure: &Structure,
    words: &[Word],
    context: &Context<'_>,
) -> Vec<Signal> {
    let mut signals = Vec::new();
    let metadata = context.metadata;
    if metadata.byline.is_none() && metadata.authors.is_empty() && metadata.author.is_none() {
        signals.push(Signal {
            kind: SignalKind::NoByline,
            evidence: Vec::new(),
            detail: "The page names no author.".to_string(),
            prompt: PROMPT_NO_BYLINE.to_string(),
        });
    }
    for disclosure in &metadata.disclosures {
        if disclosure.kind == DisclosureKind::AiAssistance {
            signals.push(Signal {
                kind: SignalKind::AiAssistance,
                evidence: Vec::new(),
                detail: format!("The page says: \"{}\"", disclosure.text),
                prompt: PROMPT_AI.to_string(),
            });
        }
    }
    let chrome: Vec<&str> = context
        .removed
        .iter()
        .filter(|removed| removed.kind == RemovedKind::Chrome)
        .map(|removed| removed.text.as_str())
        .collect();
    if !chrome.is_empty() {
        let shown: Vec<String> = chrome
            .iter()
            .take(3)
            .map(|line| format!("\"{line}\""))
            .collect();
        let more = chrome.len().saturating_sub(3);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        signals.push(Signal {
            kind: SignalKind::PageChrome,
            evidence: Vec::new(),
            detail: format!(
                "The scraped page carried {} line(s) of web-page furniture: {}{more}.",
                chrome.len(),
                shown.join(", ")
            ),
            prompt: PROMPT_CHROME.to_string(),
        });
    }
    if let Some(date) = metadata
        .date
        .as_ref()
        .filter(|date| date.weekday_matches == Some(false))
    {
        signals.push(Signal {
            kind: SignalKind::WeekdayMismatch,
            evidence: Vec::new(),
            detail: format!(
                "The page is dated \"{}\", but that date does not fall on a {}.",
                date.printed,
                date.weekday.as_deref().unwrap_or("that weekday")
            ),
            prompt: PROMPT_WEEKDAY.to_string(),
        });
    }
    let sentences = sentence_ranges(words);
    let printed = printed_range(metadata);
    let facts = reference_facts();
    let titled = titled_mentions(text, words, &sentences, facts);
    let events = event_mentions(words, &sentences, facts);
    if let Some((from, to, printed_text)) = &printed {
        office_contradictions(
            &titled,
            words,
            &sentences,
            facts,
            (*from, *to, printed_text),
            &mut signals,
        );
        stale_events(&events, facts, (*from, printed_text), &mut signals);
    }
    earliest_date(
        words,
        &sentences,
        &titled,
        &events,
        facts,
        printed.as_ref(),
        &mut signals,
    );
    signals.extend(unconfirmed_experts(text, words, &sentences, facts));
    signals.extend(unsourced_statistics(
        text,
        words,
        &sentences,
        structure,
        context.attributions,
    ));
    signals
}

/// For each sentence index, the range of word indices it holds.
fn sentence_ranges(words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (idx, word) in words.iter().enumerate() {
        while ranges.len() <= word.sentence {
            ranges.push(idx..idx);
        }
        ranges[word.sentence].end = idx + 1;
    }
    ranges
}

fn sentence_has(words: &[Word], range: &std::ops::Range<usize>, list: &[&str]) -> bool {
    sentence_has_phrase(words, range.clone(), list)
}

/// Whether any phrase of `list` (one or more words) appears among the words of `range`.
fn sentence_has_phrase(words: &[Word], range: std::ops::Range<usize>, list: &[&str]) -> bool {
    list.iter().any(|phrase| {
        range.clone().any(|start| {
            phrase.split(' ').enumerate().all(|(offset, key)| {
                let Some(word) = words
                    .get(start + offset)
                    .filter(|_| start + offset < range.end)
                else {
                    return false;
                };
                // "May" with a capital is the month, not the modal verb.
                word.lower == key && !(word.capitalised && word.lower == "may")
            })
        })
    })
}

/// The printed date as the earliest and latest day it can mean, with the date as printed.
fn printed_range(metadata: &Metadata) -> Option<(Day, Day, String)> {
    let date = metadata.date.as_ref()?;
    let year = date.year?;
    let printed = date.printed.clone();
    Some(match (date.month, date.day) {
        (Some(month), Some(day)) => {
            let from = Day::from_ymd(year, month, day);
            let to = Day::from_ymd(year, month, date.day_end.unwrap_or(day));
            (from, to, printed)
        }
        (Some(month), None) => (
            Day::from_ymd(year, month, 1),
            Day::from_ymd(year, month, reference::days_in_month(year, month)),
            printed,
        ),
        _ => (
            Day::from_ymd(year, 1, 1),
            Day::from_ymd(year, 12, 31),
            printed,
        ),
    })
}

/// A name of a reference office-holder that the text gives that office's title.
struct TitledMention {
    holder: usize,
    span: Span,
    sentence: usize,
    /// The title, e.g. "Secretary-General".
    title: Span,
    title_text: String,
    /// "former", "then" and the like put the title in the past.
    past: bool,
}

fn titled_mentions(
    text: &str,
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    facts: &ReferenceFacts,
) -> Vec<TitledMention> {
    let mut out = Vec::new();
    let mut idx = 0;
    while idx < words.len() {
        let found = facts.names_at(words, idx);
        let Some(&(_, last)) = found.first() else {
            idx += 1;
            continue;
        };
        let range = &sentences[words[idx].sentence];
        let before = range.start.max(idx.saturating_sub(TITLE_WINDOW_BEFORE))..idx;
        let after_start = last + 1;
        let after = if words
            .get(after_start)
            .is_some_and(|w| w.after_break && w.sentence == words[idx].sentence)
        {
            after_start..range.end.min(after_start + TITLE_WINDOW_AFTER)
        } else {
            after_start..after_start
        };
        for (holder_idx, _) in found {
            let office = &facts.offices[facts.holders[holder_idx].office];
            let title = [before.clone(), after.clone()]
                .into_iter()
                .find_map(|window| {
                    office
                        .roles
                        .iter()
                        .find_map(|role| find_phrase(words, window.clone(), role))
                });
            if let Some(title) = title {
                let past = before
                    .clone()
                    .chain(after.clone())
                    .any(|w| PAST_TITLE_WORDS.contains(&words[w].lower.as_str()));
                out.push(TitledMention {
                    holder: holder_idx,
                    span: Span::new(words[idx].span.start, words[last].span.end),
                    sentence: words[idx].sentence,
                    title,
                    title_text: title.slice(text).to_string(),
                    past,
                });
            }
        }
        idx = last + 1;
    }
    out
}

/// The span of the first place `keys` appears as consecutive words inside `window`.
fn find_phrase(words: &[Word], window: std::ops::Range<usize>, keys: &[String]) -> Option<Span> {
    let end = window.end;
    window.clone().find_map(|start| {
        let last = start + keys.len() - 1;
        let fits = last < end
            && keys.iter().enumerate().all(|(offset, key)| {
                words[start + offset].key() == key || words[start + offset].lower == *key
            });
        fits.then(|| Span::new(words[start].span.start, words[last].span.end))
    })
}

/// Years (1900–2100) written in a sentence.
fn years_in(words: &[Word], range: std::ops::Range<usize>) -> Vec<(usize, i32)> {
    range
        .filter_map(|idx| {
            let word = &words[idx];
            let year: i32 = word
                .lower
                .parse()
                .ok()
                .filter(|_| word.is_number && word.lower.len() == 4)?;
            (1900..=2100).contains(&year).then_some((idx, year))
        })
        .collect()
}

/// Calls someone by a title they did not hold on the printed date.
fn office_contradictions(
    titled: &[TitledMention],
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    facts: &ReferenceFacts,
    printed: (Day, Day, &String),
    signals: &mut Vec<Signal>,
) {
    let (printed_from, printed_to, printed_text) = printed;
    let mut reported: Vec<(usize, String)> = Vec::new();
    for mention in titled {
        if mention.past {
            continue;
        }
        // A sentence that names an earlier year is about the past ("In 2019, Secretary General …").
        let range = sentences[mention.sentence].clone();
        if years_in(words, range)
            .iter()
            .any(|&(_, year)| year < printed_from.year())
        {
            continue;
        }
        let holder = &facts.holders[mention.holder];
        // The same person may have held the office more than once (two terms): any term will do.
        let terms: Vec<_> = facts
            .holders
            .iter()
            .filter(|other| other.office == holder.office && other.name == holder.name)
            .collect();
        let in_office = terms
            .iter()
            .any(|term| term.start <= printed_to && term.end.is_none_or(|end| printed_from < end));
        let key = (holder.office, holder.name.clone());
        if in_office || reported.contains(&key) {
            continue;
        }
        reported.push(key);
        let office = &facts.offices[holder.office];
        let terms_text: Vec<String> = terms
            .iter()
            .map(|term| match term.end {
                Some(end) => format!("from {} until {}", term.start, end),
                None => format!("from {}", term.start),
            })
            .collect();
        let evidence: Vec<Span> = titled
            .iter()
            .filter(|other| {
                facts.holders[other.holder].name == holder.name
                    && facts.holders[other.holder].office == holder.office
                    && !other.past
            })
            .flat_map(|other| [other.title, other.span])
            .collect();
        signals.push(Signal {
            kind: SignalKind::DateContradiction,
            evidence,
            detail: format!(
                "The page is dated \"{printed_text}\", but the text presents {} as {} ({}). According to Parallax's reference facts, {} held that office {}.",
                holder.name,
                office.label,
                mention.title_text,
                holder.name,
                terms_text.join(" and ")
            ),
            prompt: PROMPT_DATE.to_string(),
        });
    }
}

/// A sentence that mentions a dated reference event.
struct EventMention {
    event: usize,
    span: Span,
    recent: bool,
    future: bool,
}

fn event_mentions(
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    facts: &ReferenceFacts,
) -> Vec<EventMention> {
    let mut out = Vec::new();
    for range in sentences {
        if range.is_empty() {
            continue;
        }
        // Only words that are some event's keyword can take part: most sentences have none.
        let hits: Vec<usize> = range
            .clone()
            .filter(|&w| facts.is_event_keyword(&words[w]))
            .collect();
        if hits.is_empty() {
            continue;
        }
        for (event_idx, event) in facts.events.iter().enumerate() {
            let matched = event.keyword_sets.iter().find_map(|set| {
                let positions: Option<Vec<usize>> = set
                    .iter()
                    .map(|keyword| {
                        hits.iter()
                            .copied()
                            .find(|&w| keyword_matches(keyword, &words[w]))
                    })
                    .collect();
                positions
            });
            let Some(positions) = matched else {
                continue;
            };
            let first = positions.iter().copied().min().unwrap_or(range.start);
            let last = positions.iter().copied().max().unwrap_or(range.start);
            out.push(EventMention {
                event: event_idx,
                span: Span::new(words[first].span.start, words[last].span.end),
                recent: sentence_has(words, range, RECENT_WORDS),
                future: sentence_has(words, range, FUTURE_WORDS),
            });
        }
    }
    out
}

/// How long before the printed date an event may still be called recent.
const RECENT_DAYS: i64 = 366;

fn stale_events(
    events: &[EventMention],
    facts: &ReferenceFacts,
    printed: (Day, &String),
    signals: &mut Vec<Signal>,
) {
    let (printed_from, printed_text) = printed;
    for mention in events.iter().filter(|m| m.recent && !m.future) {
        let event = &facts.events[mention.event];
        let days = printed_from.0 - event.end.0;
        if days <= RECENT_DAYS {
            continue;
        }
        signals.push(Signal {
            kind: SignalKind::StaleRecentEvent,
            evidence: vec![mention.span],
            detail: format!(
                "The page is dated \"{printed_text}\" and calls {} recent, but it took place on {}, {} before that date.",
                event.label,
                date_range_text(event.start, event.end),
                duration_text(days)
            ),
            prompt: PROMPT_STALE.to_string(),
        });
    }
}

fn date_range_text(start: Day, end: Day) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start} to {end}")
    }
}

fn duration_text(days: i64) -> String {
    let months = days * 12 / 365;
    match (months / 12, months % 12) {
        (0, m) => format!("about {m} month(s)"),
        (y, 0) => format!("about {y} year(s)"),
        (y, m) => format!("about {y} year(s) and {m} month(s)"),
    }
}

/// Words after a year that make it a plan ("the 2030 agenda"), not a time that has come.
const YEAR_PLAN_WORDS: &[&str] = &[
    "target", "targets", "deadline", "goal", "goals", "agenda", "plan", "vision", "strategy",
    "horizon",
];

/// Words right before a year that make it a deadline ("by 2035").
const YEAR_DEADLINE_WORDS: &[&str] = &["by", "until", "till", "before", "through", "to"];

#[allow(clippy::too_many_arguments)]
fn earliest_date(
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    titled: &[TitledMention],
    events: &[EventMention],
    facts: &ReferenceFacts,
    printed: Option<&(Day, Day, String)>,
    signals: &mut Vec<Signal>,
) {
    // Candidates: (day, evidence, reason).
    let mut candidates: Vec<(Day, Span, String)> = Vec::new();
    for mention in events.iter().filter(|m| !m.future) {
        let event = &facts.events[mention.event];
        candidates.push((
            event.start,
            mention.span,
            format!(
                "it mentions {} ({})",
                event.label,
                date_range_text(event.start, event.end)
            ),
        ));
    }
    for mention in titled.iter().filter(|m| !m.past) {
        let holder = &facts.holders[mention.holder];
        candidates.push((
            holder.start,
            mention.span,
            format!(
                "it calls {} {} (in office from {})",
                holder.name, facts.offices[holder.office].label, holder.start
            ),
        ));
    }
    for range in sentences {
        let years = years_in(words, range.clone());
        if years.is_empty() || sentence_has(words, range, FUTURE_WORDS) {
            continue;
        }
        for (idx, year) in years {
            let previous = idx
                .checked_sub(1)
                .filter(|&p| p >= range.start)
                .map(|p| words[p].lower.as_str());
            let next = words
                .get(idx + 1)
                .filter(|_| idx + 1 < range.end)
                .map(|w| w.lower.as_str());
            if previous.is_some_and(|p| YEAR_DEADLINE_WORDS.contains(&p))
                || next.is_some_and(|n| YEAR_PLAN_WORDS.contains(&n))
            {
                continue;
            }
            candidates.push((
                Day::from_ymd(year, 1, 1),
                words[idx].span,
                format!("it mentions the year {year}"),
            ));
        }
    }
    // The latest candidate wins; on a tie the first in the text.
    let Some(best) = candidates
        .iter()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.start.cmp(&a.1.start)))
        .cloned()
    else {
        return;
    };
    let (day, span, reason) = best;
    if let Some((_, printed_to, printed_text)) = printed {
        if *printed_to < day {
            signals.push(Signal {
                kind: SignalKind::DateContradiction,
                evidence: vec![span],
                detail: format!(
                    "The page is dated \"{printed_text}\", but {reason}, which is later than that date."
                ),
                prompt: PROMPT_DATE.to_string(),
            });
        }
    }
    signals.push(Signal {
        kind: SignalKind::EarliestDate,
        evidence: vec![span],
        detail: format!("The text cannot have been written before {day}: {reason}."),
        prompt: PROMPT_EARLIEST.to_string(),
    });
}

/// People introduced as experts of an institution ("Jane Roe, senior fellow at the X Institute").
fn unconfirmed_experts(
    text: &str,
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    facts: &ReferenceFacts,
) -> Vec<Signal> {
    let mut out = Vec::new();
    for range in sentences {
        for comma_next in range.clone() {
            // The role follows a comma right after the name.
            if !words[comma_next].after_break || comma_next == range.start {
                continue;
            }
            let between =
                Span::new(words[comma_next - 1].span.end, words[comma_next].span.start).slice(text);
            if between.trim() != "," {
                continue;
            }
            let Some((name_first, name_last)) = name_before(words, range.start, comma_next - 1)
            else {
                continue;
            };
            let Some((role_idx, institution)) = role_after(text, words, comma_next, range.end)
            else {
                continue;
            };
            if (name_first..=name_last).any(|idx| !facts.names_at(words, idx).is_empty()) {
                continue;
            }
            let name = Span::new(words[name_first].span.start, words[name_last].span.end);
            let role = Span::new(words[comma_next].span.start, words[role_idx].span.end);
            out.push(Signal {
                kind: SignalKind::UnconfirmedExpert,
                evidence: vec![name, Span::new(role.start, institution.end)],
                detail: format!(
                    "The text presents {} as {} {}; Parallax's reference facts cannot confirm this person or this affiliation.",
                    name.slice(text),
                    role.slice(text),
                    Span::new(role.end, institution.end).slice(text).trim()
                ),
                prompt: PROMPT_EXPERT.to_string(),
            });
        }
    }
    out
}

/// Particles that may stand in a personal name in lower case ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "al", "bin", "ibn", "dos",
    "del",
];

/// The name that ends at word `last`: up to four words back, starting with a capital letter, at
/// least two of them capitalised, and not running past a break (a title such as "Dr." or a verb).
fn name_before(words: &[Word], sentence_start: usize, last: usize) -> Option<(usize, usize)> {
    let mut first = last;
    let mut n_lower = 0;
    loop {
        let word = &words[first];
        if word.is_number {
            return None;
        }
        if !word.capitalised && !NAME_PARTICLES.contains(&word.lower.as_str()) {
            n_lower += 1;
        }
        if word.after_break || first == sentence_start || last - first >= 3 {
            break;
        }
        let previous = &words[first - 1];
        if !previous.capitalised && !NAME_PARTICLES.contains(&previous.lower.as_str()) {
            break;
        }
        first -= 1;
    }
    let n_capitalised = (first..=last).filter(|&idx| words[idx].capitalised).count();
    (words[first].capitalised && n_capitalised >= 2 && n_lower <= 1).then_some((first, last))
}

/// After the comma: a role word within eight words, then "at" / "of" and a capitalised institution.
fn role_after(text: &str, words: &[Word], start: usize, end: usize) -> Option<(usize, Span)> {
    let limit = end.min(start + 8);
    let role_idx = (start..limit).find(|&idx| {
        EXPERT_ROLES.contains(&words[idx].lower.as_str())
            || words[idx]
                .lower
                .strip_suffix('s')
                .is_some_and(|w| EXPERT_ROLES.contains(&w))
    })?;
    // "senior fellow at the X Institute", "professor of history at X University".
    let mut first = None;
    let mut idx = role_idx + 1;
    while idx < end.min(role_idx + 6) {
        if matches!(words[idx].lower.as_str(), "at" | "of" | "with") {
            let mut candidate = idx + 1;
            if candidate < end && words[candidate].lower == "the" {
                candidate += 1;
            }
            if candidate < end && words[candidate].capitalised {
                first = Some(candidate);
                break;
            }
        }
        idx += 1;
    }
    let first = first?;
    let mut last = first;
    let mut idx = first + 1;
    while idx < end {
        let word = &words[idx];
        let gap = Span::new(words[idx - 1].span.end, word.span.start)
            .slice(text)
            .trim()
            .to_string();
        if !(gap.is_empty() || gap == "&") {
            break;
        }
        if word.capitalised {
            last = idx;
        } else if !INSTITUTION_JOINERS.contains(&word.lower.as_str()) {
            break;
        }
        idx += 1;
    }
    Some((
        role_idx,
        Span::new(words[first].span.start, words[last].span.end),
    ))
}

/// Sentences with a share of a group ("40% of voters") that neither they nor the sentence before attribute to anyone.
fn unsourced_statistics(
    text: &str,
    words: &[Word],
    sentences: &[std::ops::Range<usize>],
    structure: &Structure,
    attributions: &Attributions,
) -> Vec<Signal> {
    let mut out = Vec::new();
    let sentence_spans: Vec<Span> = structure.sentences().collect();
    for (sentence_idx, range) in sentences.iter().enumerate() {
        let figures: Vec<Span> = range
            .clone()
            .filter_map(|idx| statistic_at(text, words, idx, range.end))
            .collect();
        if figures.is_empty() || sentence_has(words, range, TARGET_WORDS) {
            continue;
        }
        let sourced_here = sentence_has(words, range, SOURCE_WORDS);
        // The sentence before, in the same paragraph, may name the source ("Data from X shows … A survey found …").
        let sourced_before = sentence_idx
            .checked_sub(1)
            .and_then(|previous| sentences.get(previous))
            .filter(|previous| {
                let (Some(a), Some(b)) = (
                    sentence_spans.get(sentence_idx - 1),
                    sentence_spans.get(sentence_idx),
                ) else {
                    return false;
                };
                structure.paragraph_index_at(a.start) == structure.paragraph_index_at(b.start)
                    && !previous.is_empty()
            })
            .is_some_and(|previous| sentence_has(words, previous, SOURCE_WORDS));
        let sentence_span = sentence_spans.get(sentence_idx).copied();
        let attributed = sentence_span.is_some_and(|sentence| {
            attributions
                .attributions
                .iter()
                .any(|a| a.content.start < sentence.end && sentence.start < a.content.end)
        });
        let quoted = sentence_span.is_some_and(|sentence| {
            let body = sentence.slice(text);
            body.contains('"') || body.contains('“') || body.contains('”')
        });
        if sourced_here || sourced_before || attributed || quoted {
            continue;
        }
        let shown: Vec<&str> = figures.iter().map(|span| span.slice(text)).collect();
        out.push(Signal {
            kind: SignalKind::UnsourcedStatistic,
            evidence: figures.clone(),
            detail: format!(
                "The figure(s) {} come with no source in the text around them.",
                shown.join(", ")
            ),
            prompt: PROMPT_STATISTIC.to_string(),
        });
    }
    out
}

/// Small numbers written as words, for "one in five" and "two out of three".
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred",
    "thousand",
];

/// A share of a group starting at word `idx`: "74% of", "12 per cent of", "one in five", "2 out of 3".
///
/// Only shares count: a bare figure ("fell 12%", "offered 4%") is usually a measurement the
/// sentence's own subject reports, while "74% of voters" is a claim about a population that needs a source.
fn statistic_at(text: &str, words: &[Word], idx: usize, end: usize) -> Option<Span> {
    let word = &words[idx];
    let is_count = |w: &Word| w.is_number || NUMBER_WORDS.contains(&w.lower.as_str());
    let word_at = |at: usize| words.get(at).filter(|_| at < end);
    if !is_count(word) {
        return None;
    }
    // "one in five", "2 out of 3".
    let of_group = match word_at(idx + 1).map(|w| w.lower.as_str()) {
        Some("in") => word_at(idx + 2).filter(|w| is_count(w)),
        Some("out") => word_at(idx + 2)
            .filter(|w| w.lower == "of")
            .and_then(|_| word_at(idx + 3))
            .filter(|w| is_count(w)),
        _ => None,
    };
    if let Some(last) = of_group {
        return Some(Span::new(word.span.start, last.span.end));
    }
    if !word.is_number {
        return None;
    }
    // "74% of", "74 percent of", "74 per cent of".
    let (unit_end, of_idx) = if text[word.span.end..].starts_with('%') {
        (word.span.end + 1, idx + 1)
    } else {
        match word_at(idx + 1).map(|w| w.lower.as_str()) {
            Some("percent") => (words[idx + 1].span.end, idx + 2),
            Some("per") => {
                let cent = word_at(idx + 2).filter(|w| w.lower == "cent")?;
                (cent.span.end, idx + 3)
            }
            _ => return None,
        }
    };
    word_at(of_idx)
        .filter(|w| w.lower == "of")
        .map(|_| Span::new(word.span.start, unit_end))
}

#[cfg(test)]
mod tests;
