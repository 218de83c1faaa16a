//! The event catalogue: curated, neutral descriptions of real-world events that a pack's articles may cover.
//!
//! A catalogue is curation, not analysis: the pack's curator writes it (for the seed pack,
//! `corpus/nato/events.toml`) and the pack builder deserialises it into these types. The core never
//! reads files; it only receives the parsed [`Catalogue`]. Alignment (`crate::align`) uses the
//! catalogue when there is one and discovers candidate events when there is not.
//!
//! The TOML layout, one `[[event]]` table per event:
//!
//! ```toml
//! curation = "Event catalogue written by the pack's curator; not part of any article."
//!
//! [[event]]
//! id = "defence-spending-targets"          # stable, lower-case, hyphens; URLs carry it
//! name = "Defence-spending targets"        # neutral name, the heading of the event's row
//! date = "2014/2025-06-25"                 # ISO 8601 day, month or year, or a "from/to" range
//! participants = ["NATO member states"]
//! description = "One neutral sentence."
//! key_terms = ["defence spending", "gdp", "2%"]   # matched on lower-cased, stemmed words
//!
//! [[event.entities]]
//! name = "The Hague"
//! aliases = ["Hague"]
//! ```
//!
//! Every key except `id` and `name` may be left out. Serialised as JSON (inside a pack) the list of
//! events is called `events`; `event` is accepted too, so the TOML and the JSON share one type.

use serde::{Deserialize, Serialize};

/// A pack's curated list of events, with the note that says it is curation.
///
/// Unknown keys are errors, so a misspelt key in a curator's file never passes silently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Who wrote the catalogue and that it is not part of any article; shown next to curated events.
    #[serde(default)]
    pub curation: String,
    #[serde(default, alias = "event")]
    pub events: Vec<Event>,
}

/// One real-world event, described neutrally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub name: String,
    /// ISO 8601: a day, a month, a year, or a range written `from/to`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// Words and phrases that signal the event; alignment matches them on stemmed content words.
    #[serde(default)]
    pub key_terms: Vec<String>,
    #[serde(default)]
    pub entities: Vec<EventEntity>,
}

/// A person, organisation or place an event involves, with the other names texts use for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EventEntity {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Event {
    /// The first and last day of the event's date as written (`"2014"`, `"2025-06-25"`); both are
    /// the same string for a single date, and both are `None` when the event has no date.
    pub fn date_range(&self) -> (Option<&str>, Option<&str>) {
        let Some(date) = self
            .date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
        else {
            return (None, None);
        };
        match date.split_once('/') {
            Some((from, to)) => (non_empty(from), non_empty(to)),
            None => (Some(date), Some(date)),
        }
    }

    /// The entity's name followed by its aliases, for matching.
    pub fn entity_names(&self) -> impl Iterator<Item = (&EventEntity, &str)> + '_ {
        self.entities.iter().flat_map(|entity| {
            std::iter::once(entity.name.as_str())
                .chain(entity.aliases.iter().map(String::as_str))
                .map(move |name| (entity, name))
        })
    }
}

fn non_empty(s: &str) -> Option<&str> {
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

impl Catalogue {
    /// Problems a curator should fix, one readable sentence each. A catalogue with problems still
    /// works: alignment skips what it cannot use (an event without terms simply matches nothing).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.curation.trim().is_empty() {
            problems.push("The catalogue has no `curation` note saying who wrote it.".to_string());
        }
        let mut seen_ids: Vec<&str> = Vec::new();
        for (event_idx, event) in self.events.iter().enumerate() {
            let label = if event.id.trim().is_empty() {
                format!("Event #{}", event_idx + 1)
            } else {
                format!("Event `{}`", event.id)
            };
            if event.id.trim().is_empty() {
                problems.push(format!("{label} has no id."));
            } else if seen_ids.contains(&event.id.as_str()) {
                problems.push(format!("{label} is listed twice."));
            } else {
                seen_ids.push(&event.id);
            }
            if event.name.trim().is_empty() {
                problems.push(format!("{label} has no name."));
            }
            if event.key_terms.iter().all(|term| term.trim().is_empty()) {
                problems.push(format!(
                    "{label} has no key terms, so no passage can be aligned to it."
                ));
            }
            if event.description.trim().is_empty() {
                problems.push(format!("{label} has no description."));
            }
        }
        problems
    }
}
