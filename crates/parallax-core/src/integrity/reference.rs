//! Reference facts: office-holders with their terms and dated events, read from `data/reference_facts.txt`.

use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasherDefault;

use crate::cues::lexicon::{FnvHasher, Word, WordMap};

/// A calendar day, stored as days since 1970-01-01 so that days compare and subtract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Day(pub i64);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Day {
    /// The day `year-month-day` of the proleptic Gregorian calendar; out-of-range parts are clamped.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Day {
        let month = month.clamp(1, 12);
        let day = day.clamp(1, days_in_month(year, month));
        // Howard Hinnant's days_from_civil.
        let y = i64::from(year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(iso: &str) -> Option<Day> {
        let mut parts = iso.trim().split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Day::from_ymd(year, month, day))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        (year, month, day)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }
}

impl fmt::Display for Day {
    /// "28 June 2022".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{day} {} {year}", MONTHS[(month - 1) as usize])
    }
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Office {
    pub id: String,
    pub label: String,
    /// Role phrases as word keys ("secretary general" → ["secretary", "general"]).
    pub roles: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct Holder {
    pub office: usize,
    pub name: String,
    /// The full name and other names, as word keys.
    pub names: Vec<Vec<String>>,
    pub start: Day,
    /// The day the next holder took over; `None` while in office.
    pub end: Option<Day>,
}

#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub label: String,
    pub start: Day,
    pub end: Day,
    /// Alternative keyword sets; a word ending in `*` is a prefix.
    pub keyword_sets: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct ReferenceFacts {
    pub offices: Vec<Office>,
    pub holders: Vec<Holder>,
    pub events: Vec<Event>,
    /// First word key of every holder name → (holder, name index).
    by_first_name_word: WordMap<Vec<(usize, usize)>>,
    /// Every exact event keyword, and every prefix keyword without its `*`.
    event_keywords: HashSet<String, BuildHasherDefault<FnvHasher>>,
    event_keyword_prefixes: Vec<String>,
    pub problems: Vec<String>,
}

/// Splits a phrase into the word keys `cues::lexicon::words` produces: lower case, hyphens as spaces, no possessive.
pub(crate) fn phrase_keys(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let lower = word.to_lowercase().replace('’', "'");
            lower
                .strip_suffix("'s")
                .filter(|rest| !rest.is_empty())
                .map_or(lower.clone(), str::to_string)
        })
        .collect()
}

fn list(field: &str) -> Vec<Vec<String>> {
    field
        .split(';')
        .map(phrase_keys)
        .filter(|keys| !keys.is_empty())
        .collect()
}

impl ReferenceFacts {
    /// Reads the data file; unreadable lines land in `problems`, never a panic.
    pub fn parse(source: &str) -> ReferenceFacts {
        let mut facts = ReferenceFacts::default();
        for (line_idx, line) in source.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let problem = match fields.as_slice() {
                ["office", id, label, roles] => {
                    facts.offices.push(Office {
                        id: id.to_string(),
                        label: label.to_string(),
                        roles: list(roles),
                    });
                    None
                }
                ["holder", office, name, start, end, other_names] => {
                    let office_idx = facts.offices.iter().position(|o| o.id == *office);
                    let start = Day::parse(start);
                    let end_day = Day::parse(end);
                    match (office_idx, start) {
                        (Some(office), Some(start)) if end.is_empty() || end_day.is_some() => {
                            let mut names = vec![phrase_keys(name)];
                            names.extend(list(other_names));
                            facts.holders.push(Holder {
                                office,
                                name: name.to_string(),
                                names,
                                start,
                                end: end_day,
                            });
                            None
                        }
                        _ => Some("unknown office or bad date"),
                    }
                }
                ["event", _id, label, start, end, keywords] => {
                    match (Day::parse(start), Day::parse(end)) {
                        (Some(start), Some(end)) => {
                            facts.events.push(Event {
                                label: label.to_string(),
                                start,
                                end,
                                keyword_sets: list(keywords),
                            });
                            None
                        }
                        _ => Some("bad date"),
                    }
                }
                _ => Some("unknown line"),
            };
            if let Some(problem) = problem {
                facts
                    .problems
                    .push(format!("line {}: {problem}", line_idx + 1));
            }
        }
        for (holder_idx, holder) in facts.holders.iter().enumerate() {
            for (name_idx, name) in holder.names.iter().enumerate() {
                facts
                    .by_first_name_word
                    .entry(name[0].clone())
                    .or_default()
                    .push((holder_idx, name_idx));
            }
        }
        for keyword in facts
            .events
            .iter()
            .flat_map(|event| event.keyword_sets.iter().flatten())
        {
            match keyword.strip_suffix('*') {
                Some(prefix) => facts.event_keyword_prefixes.push(prefix.to_string()),
                None => {
                    facts.event_keywords.insert(keyword.clone());
                }
            }
        }
        facts
    }

    /// Whether a word is a keyword of some event.
    pub fn is_event_keyword(&self, word: &Word) -> bool {
        self.event_keywords.contains(word.key())
            || self.event_keywords.contains(&word.lower)
            || self
                .event_keyword_prefixes
                .iter()
                .any(|prefix| word.lower.starts_with(prefix.as_str()))
    }

    /// Holder names starting at word `idx`: (holder, index of the last word of the name), longest names only.
    pub fn names_at(&self, words: &[Word], idx: usize) -> Vec<(usize, usize)> {
        let Some(candidates) = self.by_first_name_word.get(words[idx].key()) else {
            return Vec::new();
        };
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &(holder_idx, name_idx) in candidates {
            let name = &self.holders[holder_idx].names[name_idx];
            let fits = name.iter().enumerate().all(|(offset, key)| {
                words.get(idx + offset).is_some_and(|word| {
                    word.sentence == words[idx].sentence
                        && (word.key() == key || word.lower == *key)
                })
            });
            if fits {
                found.push((holder_idx, idx + name.len() - 1));
            }
        }
        let longest = found.iter().map(|&(_, last)| last).max();
        found.retain(|&(_, last)| Some(last) == longest);
        found
    }
}

/// Whether a keyword (`annex*` is a prefix) matches a word.
pub(crate) fn keyword_matches(keyword: &str, word: &Word) -> bool {
    match keyword.strip_suffix('*') {
        Some(prefix) => word.lower.starts_with(prefix),
        None => word.key() == keyword || word.lower == keyword,
    }
}
