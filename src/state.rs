//! The app's state in one reducer: where the reader is, the text they pasted and the teacher's own
//! articles (the library), changed only by actions.

use std::ops::Deref;
use std::rc::Rc;

use parallax_core::bundle;
use parallax_core::import::Edits;
use parallax_core::pack::{Pack, PackArticle, NO_BYLINE};
use parallax_core::Analysis;
use yew::prelude::*;

use crate::route::Route;

/// The largest text the browser analyses; bigger pastes are refused with a message.
pub const MAX_PASTE_BYTES: usize = parallax_core::import::MAX_TEXT_BYTES;

/// A message about the library for the live region: what was added, loaded or refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// A refusal or failure (shown as an alert, marked in words, not only in colour).
    pub error: bool,
    /// Beside a success, what was still refused (lessons of a loaded pack that do not fit it): shown
    /// as an alert that starts "Not loaded:".
    pub refused: Option<String>,
    /// Counts up, so the same words twice still read as a new message.
    pub serial: u64,
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// `None` until the hash has been read, so a deep link never flashes the home page first.
    pub route: Option<Route>,
    pub arrival: Option<Arrival>,
    /// The last pasted text's analysis, shown on the analyse route.
    pub pasted: Option<Shared<PackArticle>>,
    /// Why the last paste was refused, if it was.
    pub paste_error: Option<String>,
    /// The built-in pack, never changed by anything the teacher does.
    pub seed: Shared<Pack>,
    /// The teacher's own articles, events and lessons kept on this device (see `library.rs`).
    pub library: Shared<Pack>,
    /// Whether the library has been read from the device yet.
    pub library_ready: bool,
    /// Counts the teacher's changes to the library; each one is saved.
    pub library_revision: u64,
    /// The last message about the library.
    pub notice: Option<Notice>,
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
    /// Analyse pasted text (on the analyse page); the answer comes back as `Pasted`.
    Analyse(String),
    /// The analysis of the pasted text, or why there is none.
    Pasted(Result<Box<Analysis>, String>),
    /// The library as read from the device at start-up (not saved again).
    LibraryRead(Pack),
    /// Add articles to the library; slugs already used are made unique.
    AddArticles(Vec<PackArticle>),
    /// Remove the library article with this slug.
    RemoveArticle(String),
    /// Change the title, author, date or topics of a library article.
    EditArticle(String, Edits),
    /// Merge a loaded pack into the library.
    MergePack(Pack),
    /// Add a lesson the teacher wrote to the library, or replace their lesson with the same id.
    SaveLesson(parallax_core::lesson::Lesson),
    /// Remove the teacher's lesson with this id (students' saved work stays in its own key).
    RemoveLesson(String),
    /// Say something in the live region.
    Notify { text: String, error: bool },
}

impl Default for State {
    /// No route yet, nothing pasted, an empty built-in pack and an empty library (for tests, and
    /// for a large collection's page, which uses only the navigation).
    fn default() -> State {
        State {
            route: None,
            arrival: None,
            pasted: None,
            paste_error: None,
            seed: Shared::new(crate::library::empty_library()),
            library: Shared::new(crate::library::empty_library()),
            library_ready: false,
            library_revision: 0,
            notice: None,
            typing: false,
        }
    }
}

impl State {
    /// The start state of an app whose built-in pack is `seed`, with an empty library.
    pub fn with_seed(seed: Shared<Pack>) -> State {
        State {
            library: Shared::new(crate::library::empty_library()),
            seed,
            ..State::default()
        }
    }

    /// The same state, already at `route` as if it had arrived from the address bar. The app starts
    /// at the URL's route, so its first paint is the page itself (no empty frame that the page then
    /// pushes down: layout shift).
    pub fn at(self, route: Route) -> State {
        State {
            route: Some(route),
            arrival: Some(Arrival::FromHash),
            ..self
        }
    }

    fn notify(&mut self, text: String, error: bool) {
        let serial = self.notice.as_ref().map_or(1, |n| n.serial + 1);
        self.notice = Some(Notice {
            text,
            error,
            refused: None,
            serial,
        });
    }

    fn change_library(&mut self, change: impl FnOnce(&mut Pack)) {
        let mut library = (*self.library).clone();
        change(&mut library);
        self.library = Shared::new(library);
        self.library_revision += 1;
    }

    /// Whether `slug` names a built-in or library article.
    pub fn slug_taken(&self, slug: &str) -> bool {
        self.seed.articles.iter().any(|a| a.slug == slug)
            || self.library.articles.iter().any(|a| a.slug == slug)
    }
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
                Ok(()) => next.paste_error = None,
                Err(message) => next.paste_error = Some(message),
            },
            Action::Pasted(Ok(analysis)) => {
                next.pasted = Some(Shared::new(pasted_article_from(*analysis)));
                next.paste_error = None;
            }
            Action::Pasted(Err(message)) => next.paste_error = Some(message),
            Action::LibraryRead(mut read) => {
                // Anything added while the device was being read stays.
                for article in &self.library.articles {
                    if !read.articles.iter().any(|a| a.slug == article.slug) {
                        read.articles.push(article.clone());
                    }
                }
                next.library = Shared::new(read);
                next.library_ready = true;
            }
            Action::AddArticles(articles) => {
                let mut titles = Vec::new();
                for mut article in articles {
                    if next.slug_taken(&article.slug) {
                        article.slug =
                            parallax_core::import::slug(&article.slug, |s| next.slug_taken(s));
                    }
                    titles.push(format!("\u{201c}{}\u{201d}", article.title));
                    next.change_library(|library| library.articles.push(article));
                }
                if !titles.is_empty() {
                    let text = format!(
                        "Added {} to your articles: {}. {}",
                        if titles.len() == 1 {
                            "1 article".to_owned()
                        } else {
                            format!("{} articles", titles.len())
                        },
                        titles.join(", "),
                        "It is in the article list, the reader and compare."
                    );
                    next.notify(text, false);
                }
            }
            Action::RemoveArticle(slug) => {
                if let Some(article) = self.library.articles.iter().find(|a| a.slug == slug) {
                    let title = article.title.clone();
                    next.change_library(|library| library.articles.retain(|a| a.slug != slug));
                    next.notify(
                        format!("Removed \u{201c}{title}\u{201d} from your articles."),
                        false,
                    );
                }
            }
            Action::EditArticle(slug, edits) => {
                if self.library.articles.iter().any(|a| a.slug == slug) {
                    next.change_library(|library| {
                        if let Some(article) = library.articles.iter_mut().find(|a| a.slug == slug)
                        {
                            apply_edits(article, &edits);
                        }
                    });
                    next.notify("Saved your changes.".to_owned(), false);
                }
            }
            Action::MergePack(incoming) => {
                let seed = self.seed.clone();
                let mut report = None;
                next.change_library(|library| {
                    report = Some(bundle::merge(&seed, library, incoming))
                });
                if let Some(report) = report {
                    next.notify(report.sentence(), false);
                    if let Some(notice) = next.notice.as_mut() {
                        notice.refused = report.refusals();
                    }
                }
            }
            Action::SaveLesson(lesson) => {
                // Built-in lessons are never changed; the editor gives a copy a new id.
                if !self.seed.lessons.iter().any(|l| l.id == lesson.id) {
                    let text = format!(
                        "Saved the lesson \u{201c}{}\u{201d}. It is in the list of lessons.",
                        lesson.title
                    );
                    next.change_library(|library| crate::library::put_lesson(library, lesson));
                    next.notify(text, false);
                }
            }
            Action::RemoveLesson(id) => {
                if let Some(lesson) = self.library.lessons.iter().find(|l| l.id == id) {
                    let title = lesson.title.clone();
                    next.change_library(|library| library.lessons.retain(|l| l.id != id));
                    next.notify(
                        format!("Deleted the lesson \u{201c}{title}\u{201d}."),
                        false,
                    );
                }
            }
            Action::Notify { text, error } => next.notify(text, error),
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
/// (On the main thread: for tests. The app analyses in the analyser and calls [`pasted_article_from`].)
pub fn pasted_article(text: &str) -> PackArticle {
    pasted_article_from(parallax_core::analyze(text))
}

/// Changes what the teacher edited; an empty field means "what the source says" is gone, so an
/// empty author becomes "No byline" and an empty title is ignored.
pub fn apply_edits(article: &mut PackArticle, edits: &Edits) {
    let tidy = |value: &str| value.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(title) = edits.title.as_deref().map(tidy).filter(|t| !t.is_empty()) {
        if title != article.title {
            article.title = title;
            article.title_curated = true;
        }
    }
    if let Some(author) = edits.author.as_deref().map(tidy) {
        if author.is_empty() {
            article.author = NO_BYLINE.to_owned();
            article.byline = None;
        } else if author != article.author {
            article.byline = Some(format!("By {author}"));
            article.author = author;
        }
    }
    if let Some(date) = edits.date.as_deref().map(tidy) {
        article.printed_date = (!date.is_empty()).then_some(date);
    }
    if let Some(topics) = &edits.topics {
        article.topics_curated = topics.clone();
    }
}

/// Wraps the analysis of a pasted text like a pack article.
pub fn pasted_article_from(analysis: Analysis) -> PackArticle {
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
        let text = "First paragraph here.\n\nSecond <b>one</b>.";
        let state = reduce(State::default(), Action::Analyse(text.into()));
        assert_eq!(state.paste_error, None);
        let state = reduce(
            state,
            Action::Pasted(Ok(Box::new(parallax_core::analyze(text)))),
        );
        let pasted = state.pasted.expect("analysed");
        assert_eq!(pasted.author, "No byline");
        assert!(pasted.analysis.text.contains("Second <b>one</b>."));
        assert_eq!(state.paste_error, None);
    }

    #[test]
    fn too_large_or_empty_pastes_are_refused_and_the_last_analysis_stays() {
        let state = reduce(
            State::default(),
            Action::Pasted(Ok(Box::new(parallax_core::analyze("A short article.")))),
        );
        let before = state.pasted.clone();
        let state = reduce(state, Action::Analyse("x".repeat(MAX_PASTE_BYTES + 1)));
        assert!(state.paste_error.as_deref().unwrap().contains("up to 2 MB"));
        let state = reduce(state, Action::Pasted(Err("The engine stopped.".into())));
        assert_eq!(state.paste_error.as_deref(), Some("The engine stopped."));
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

    fn article(slug: &str, title: &str) -> PackArticle {
        let mut article = pasted_article(&format!("{title}\n\nBy Jane Doe\n\nA first paragraph of the story, long enough to read as prose."));
        article.slug = slug.to_owned();
        article
    }

    fn with_seed() -> State {
        let mut seed = crate::library::empty_library();
        seed.articles.push(article("storm", "Built-in storm story"));
        State::with_seed(Shared::new(seed))
    }

    #[test]
    fn added_articles_get_unused_slugs_and_each_change_is_counted_for_saving() {
        let state = reduce(
            with_seed(),
            Action::LibraryRead(crate::library::empty_library()),
        );
        assert_eq!(
            state.library_revision, 0,
            "reading the device is not a change"
        );
        let state = reduce(
            state,
            Action::AddArticles(vec![
                article("storm", "Storm A"),
                article("storm", "Storm B"),
            ]),
        );
        let slugs: Vec<&str> = state
            .library
            .articles
            .iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(slugs, ["storm-2", "storm-3"]);
        assert_eq!(state.library_revision, 2);
        assert_eq!(
            state.seed.articles.len(),
            1,
            "the built-in pack is untouched"
        );
        let notice = state.notice.clone().expect("a notice");
        assert!(!notice.error);
        assert!(
            notice
                .text
                .starts_with("Added 2 articles to your articles: “Storm A”, “Storm B”."),
            "{}",
            notice.text
        );
    }

    #[test]
    fn editing_and_removing_change_only_the_library_article_named() {
        let state = reduce(
            with_seed(),
            Action::AddArticles(vec![article("ferry", "Ferry story")]),
        );
        let edits = Edits {
            title: Some("  Ferries   cancelled ".into()),
            author: Some(String::new()),
            date: Some("4 May".into()),
            topics: Some(vec!["economy".into()]),
        };
        let state = reduce(state, Action::EditArticle("ferry".into(), edits));
        let edited = &state.library.articles[0];
        assert_eq!(edited.title, "Ferries cancelled");
        assert!(edited.title_curated);
        assert_eq!(
            (edited.author.as_str(), edited.byline.as_deref()),
            (NO_BYLINE, None)
        );
        assert_eq!(edited.printed_date.as_deref(), Some("4 May"));
        assert_eq!(edited.topics_curated, ["economy"]);
        let state = reduce(state, Action::RemoveArticle("storm".into()));
        assert_eq!(
            state.seed.articles.len(),
            1,
            "a built-in article cannot be removed"
        );
        assert_eq!(state.library.articles.len(), 1);
        let state = reduce(state, Action::RemoveArticle("ferry".into()));
        assert!(state.library.articles.is_empty());
        assert_eq!(
            state.notice.unwrap().text,
            "Removed “Ferries cancelled” from your articles."
        );
    }

    #[test]
    fn a_teachers_lesson_is_saved_replaced_and_deleted_and_built_in_lessons_stay() {
        use parallax_core::lesson::Lesson;
        let lesson = |id: &str, title: &str| Lesson {
            id: id.into(),
            title: title.into(),
            ..Lesson::default()
        };
        let mut seed = (*with_seed().seed).clone();
        seed.lessons.push(lesson("built-in", "Built in"));
        let state = State::with_seed(Shared::new(seed));
        let state = reduce(state, Action::SaveLesson(lesson("mine", "Mine")));
        let state = reduce(state, Action::SaveLesson(lesson("mine", "Mine, edited")));
        assert_eq!(state.library.lessons, [lesson("mine", "Mine, edited")]);
        assert_eq!(
            state.notice.as_ref().unwrap().text,
            "Saved the lesson “Mine, edited”. It is in the list of lessons."
        );
        let state = reduce(state, Action::SaveLesson(lesson("built-in", "Changed")));
        let state = reduce(state, Action::RemoveLesson("built-in".into()));
        assert_eq!(state.seed.lessons, [lesson("built-in", "Built in")]);
        assert_eq!(state.library.lessons.len(), 1);
        let state = reduce(state, Action::RemoveLesson("mine".into()));
        assert!(state.library.lessons.is_empty());
        assert_eq!(
            state.notice.unwrap().text,
            "Deleted the lesson “Mine, edited”."
        );
    }

    #[test]
    fn a_library_read_late_keeps_what_was_added_meanwhile_and_a_pack_merge_is_reported() {
        let state = reduce(
            with_seed(),
            Action::AddArticles(vec![article("new", "New story")]),
        );
        let mut stored = crate::library::empty_library();
        stored.articles.push(article("old", "Old story"));
        let state = reduce(state, Action::LibraryRead(stored));
        let slugs: Vec<&str> = state
            .library
            .articles
            .iter()
            .map(|a| a.slug.as_str())
            .collect();
        assert_eq!(slugs, ["old", "new"]);
        let mut incoming = crate::library::empty_library();
        incoming.title = "Class pack".into();
        incoming
            .articles
            .push(article("old", "Old story, corrected"));
        let state = reduce(state, Action::MergePack(incoming));
        assert_eq!(state.library.articles[0].title, "Old story, corrected");
        assert!(state
            .notice
            .unwrap()
            .text
            .starts_with("Loaded “Class pack”: replaced 1 article"));
    }
}
