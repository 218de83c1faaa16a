//! The app's state in one reducer: where the reader is and the text they pasted, changed only by actions.

use std::ops::Deref;
use std::rc::Rc;

use parallax_core::pack::PackArticle;
use yew::prelude::*;

use crate::route::Route;

/// The largest text the browser analyses; bigger pastes are refused with a message.
pub const MAX_PASTE_BYTES: usize = 2 * 1024 * 1024;

/// An `Rc` that compares by identity, so props holding large data never deep-compare it on render.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// How the current route was reached: arriving from the address bar, or a step taken in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The hash changed (a link, Back, Forward or a pasted URL); the address bar is already right.
    FromHash,
    /// The app moved on (e.g. a highlight layer toggled); the address bar must follow with a new entry.
    InApp,
    /// The search text changed again; the address bar follows by replacing the current entry.
    Retyped,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// `None` until the hash has been read, so a deep link never flashes the home page first.
    pub route: Option<Route>,
    pub arrival: Option<Arrival>,
    /// The last pasted text's analysis, shown on the analyse route.
    pub pasted: Option<Shared<PackArticle>>,
    /// Why the last paste was refused, if it was.
    pub paste_error: Option<String>,
    /// True while consecutive keystrokes refine one search: the first adds a history entry, the
    /// others replace it, so Back undoes the whole search rather than one letter at a time.
    pub typing: bool,
}

pub enum Action {
    /// The hash changed or was read at start-up.
    Arrive(Route),
    /// Go somewhere from inside the app.
    Go(Route),
    /// Go where the search box now points (the route with the newly typed text).
    Type(Route),
    /// Analyse pasted text.
    Analyse(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Arrive(route) => {
                if self.route.as_ref() == Some(&route) {
                    return self;
                }
                next.route = Some(route);
                next.arrival = Some(Arrival::FromHash);
                next.typing = false;
            }
            Action::Go(route) => {
                next.route = Some(route);
                next.arrival = Some(Arrival::InApp);
                next.typing = false;
            }
            Action::Type(route) => {
                next.arrival = Some(if self.typing {
                    Arrival::Retyped
                } else {
                    Arrival::InApp
                });
                next.route = Some(route);
                next.typing = true;
            }
            Action::Analyse(text) => match check_paste(&text) {
                Ok(()) => {
                    next.pasted = Some(Shared::new(pasted_article(&text)));
                    next.paste_error = None;
                }
                Err(message) => next.paste_error = Some(message),
            },
        }
        Rc::new(next)
    }
}

/// Accepts text worth analysing, or says in plain words why not.
pub fn check_paste(text: &str) -> Result<(), String> {
    if text.len() > MAX_PASTE_BYTES {
        let megabytes = text.len() as f64 / (1024.0 * 1024.0);
        return Err(format!(
            "This text is {megabytes:.2} MB; Parallax analyses up to 2 MB at a time. Paste one article, or a shorter part of it."
        ));
    }
    if text.trim().is_empty() {
        return Err(
            "There is no text to analyse yet. Paste an article into the box first.".to_owned(),
        );
    }
    Ok(())
}

/// Analyses pasted text with the same engine that built the seed pack and wraps it like a pack article.
pub fn pasted_article(text: &str) -> PackArticle {
    let analysis = parallax_core::analyze(text);
    let metadata = &analysis.metadata;
    let title = metadata.title.clone();
    let mut notes = Vec::new();
    if title.is_none() {
        notes.push("The text prints no title; Parallax calls it \"Pasted text\".".to_owned());
    }
    PackArticle {
        slug: "pasted".to_owned(),
        file: String::new(),
        title: title.unwrap_or_else(|| "Pasted text".to_owned()),
        title_curated: false,
        byline: metadata.byline.clone(),
        author: metadata
            .author
            .clone()
            .unwrap_or_else(|| "No byline".to_owned()),
        printed_date: metadata.printed_date.clone(),
        notes,
        topics_curated: Vec::new(),
        analysis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn pasting_analyses_the_text_and_keeps_it_readable() {
        let state = reduce(
            State::default(),
            Action::Analyse("First paragraph here.\n\nSecond <b>one</b>.".into()),
        );
        let pasted = state.pasted.expect("analysed");
        assert_eq!(pasted.author, "No byline");
        assert!(pasted.analysis.text.contains("Second <b>one</b>."));
        assert_eq!(state.paste_error, None);
    }

    #[test]
    fn too_large_or_empty_pastes_are_refused_and_the_last_analysis_stays() {
        let state = reduce(State::default(), Action::Analyse("A short article.".into()));
        let before = state.pasted.clone();
        let state = reduce(state, Action::Analyse("x".repeat(MAX_PASTE_BYTES + 1)));
        assert!(state.paste_error.as_deref().unwrap().contains("up to 2 MB"));
        assert_eq!(state.pasted, before);
        let state = reduce(state, Action::Analyse("  \n ".into()));
        assert!(state.paste_error.as_deref().unwrap().contains("no text"));
    }

    #[test]
    fn arriving_where_we_are_changes_nothing_and_in_app_steps_are_marked() {
        let state = reduce(State::default(), Action::Arrive(Route::home()));
        assert_eq!(state.arrival, Some(Arrival::FromHash));
        let state = reduce(state, Action::Go(Route::Analyze));
        assert_eq!(state.arrival, Some(Arrival::InApp));
        let state = reduce(state, Action::Arrive(Route::Analyze));
        assert_eq!(
            state.arrival,
            Some(Arrival::InApp),
            "the hashchange that follows an in-app step is a no-op"
        );
    }

    #[test]
    fn the_first_keystroke_of_a_search_adds_a_history_entry_and_the_rest_replace_it() {
        let typed = |text: &str| {
            Route::Home(parallax_core::query::ExploreQuery {
                text: text.to_owned(),
                ..Default::default()
            })
        };
        let state = reduce(State::default(), Action::Arrive(Route::home()));
        let state = reduce(state, Action::Type(typed("s")));
        assert_eq!(state.arrival, Some(Arrival::InApp));
        let state = reduce(state, Action::Arrive(typed("s")));
        let state = reduce(state, Action::Type(typed("sp")));
        assert_eq!(state.arrival, Some(Arrival::Retyped));
        let state = reduce(state, Action::Go(Route::home()));
        assert_eq!(
            state.arrival,
            Some(Arrival::InApp),
            "a filter step ends the search"
        );
        let state = reduce(state, Action::Type(typed("x")));
        assert_eq!(state.arrival, Some(Arrival::InApp));
        let state = reduce(state, Action::Arrive(Route::home()));
        let state = reduce(state, Action::Type(typed("y")));
        assert_eq!(
            state.arrival,
            Some(Arrival::InApp),
            "Back ends the search too"
        );
    }
}
