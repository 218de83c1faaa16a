//! "Compare with…" suggestions for the reader: the other articles that share an event (or, without
//! a catalogue, a topic) with the one being read. Pure, so it is tested natively.

use parallax_core::align::Alignment;
use parallax_core::pack::Pack;

/// Why an article is suggested: the events (or topics) it shares with the one being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SharedBy {
    /// Names of catalogue events both articles cover, in catalogue order.
    Events(Vec<String>),
    /// Labels of topics both articles carry, in the read article's order.
    Topics(Vec<String>),
}

/// One article to compare the read one with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub slug: String,
    pub title: String,
    pub shared: SharedBy,
}

/// The articles of `pack` that share a catalogue event with the article `slug`, using `coverage`
/// (the whole pack aligned to its catalogue, [`crate::catalogue_coverage`]); when the pack has
/// no catalogue, the articles that share a topic. Pack order; the read article itself never appears.
pub fn compare_suggestions(pack: &Pack, coverage: &Alignment, slug: &str) -> Vec<Suggestion> {
    let Some(this_idx) = pack.articles.iter().position(|a| a.slug == slug) else {
        return Vec::new();
    };
    let by_events = !pack.events.events.is_empty();
    let this_topics = &pack.articles[this_idx].analysis.topics;
    pack.articles
        .iter()
        .enumerate()
        .filter(|(idx, _)| *idx != this_idx)
        .filter_map(|(idx, other)| {
            let shared = if by_events {
                let events: Vec<String> = pack
                    .events
                    .events
                    .iter()
                    .filter(|event| {
                        let covering = coverage.articles_covering(&event.id);
                        covering.contains(&this_idx) && covering.contains(&idx)
                    })
                    .map(|event| event.name.clone())
                    .collect();
                (!events.is_empty()).then_some(SharedBy::Events(events))
            } else {
                let topics: Vec<String> = this_topics
                    .iter()
                    .filter(|topic| other.analysis.topics.iter().any(|t| t.id == topic.id))
                    .map(|topic| topic.label.clone())
                    .collect();
                (!topics.is_empty()).then_some(SharedBy::Topics(topics))
            }?;
            Some(Suggestion {
                slug: other.slug.clone(),
                title: other.title.clone(),
                shared,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue_coverage as coverage;

    #[test]
    fn articles_sharing_an_event_are_suggested_with_the_events_named() {
        let pack = crate::seed_pack();
        let suggestions = compare_suggestions(&pack, &coverage(&pack), "putin-statement-on-nato");
        assert!(suggestions
            .iter()
            .all(|s| s.slug != "putin-statement-on-nato"));
        let closed_doors = suggestions
            .iter()
            .find(|s| s.slug == "behind-closed-doors")
            .expect("Behind Closed Doors shares events with the Haffner commentary");
        let SharedBy::Events(events) = &closed_doors.shared else {
            panic!("the seed pack has a catalogue: {closed_doors:?}");
        };
        assert!(
            events.iter().any(|e| e.contains("enlargement")),
            "{events:?}"
        );
    }

    #[test]
    fn without_a_catalogue_shared_topics_are_named() {
        let mut pack = crate::seed_pack();
        pack.events.events.clear();
        let suggestions = compare_suggestions(&pack, &coverage(&pack), "putin-statement-on-nato");
        assert!(!suggestions.is_empty());
        for suggestion in &suggestions {
            let SharedBy::Topics(topics) = &suggestion.shared else {
                panic!("no catalogue, so topics: {suggestion:?}");
            };
            assert!(!topics.is_empty());
        }
    }

    #[test]
    fn an_unknown_article_has_no_suggestions() {
        let pack = crate::seed_pack();
        assert!(compare_suggestions(&pack, &coverage(&pack), "missing").is_empty());
    }
}
