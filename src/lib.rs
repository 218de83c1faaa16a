//! Parallax, the app: a Yew single-page app that shows how articles frame the same events.
//!
//! `App` owns the state (one reducer) and the seed pack; pages derive what they show from the route.
//! Browser APIs are used only in hooks (`hooks`), so everything else renders the same in tests.

pub mod analyser;
pub mod components;
pub mod excerpt;
pub mod highlight;
pub mod hooks;
pub mod library;
pub mod pages;
pub mod route;
pub mod split_app;
pub mod state;
pub mod suggest;
pub mod work;

use parallax_core::align::{align_to_catalogue, Alignment};
use parallax_core::facets::FacetIndex;
use parallax_core::pack::Pack;
use parallax_core::query::Explorer;
use parallax_core::search::SearchIndex;
use yew::prelude::*;

use crate::analyser::{use_analyser, Analyser};
use crate::components::site_header::Section;
use crate::components::{SiteFooter, SiteHeader};
use crate::hooks::{use_document_title, use_hash_route, use_page_focus, use_theme};
use crate::pages::{
    AnalyzePage, ComparePage, EditorMode, HomePage, ImportPage, LessonEditorPage, LessonPage,
    LessonsPage, NotFoundPage, PrivacyPage, ReadPage,
};
use crate::route::Route;

use crate::state::{Action, Shared, State};

/// The seed pack, built from `corpus/nato` by `build.rs` at compile time.
pub const SEED_PACK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

/// Every article of `pack` aligned to the pack's event catalogue (which articles cover which event).
pub fn catalogue_coverage(pack: &Pack) -> Alignment {
    let analyses: Vec<_> = pack.articles.iter().map(|a| &a.analysis).collect();
    align_to_catalogue(&analyses, &pack.events.events)
}

/// The seed pack aligned to its own event catalogue, computed by the build (`build.rs`).
pub const SEED_COVERAGE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/coverage.json"));

/// The catalogue coverage of the pack the app shows: the build's copy while it is the seed pack
/// alone, computed here once the teacher's articles or events have joined it.
pub fn coverage_of(pack: &Shared<Pack>, seed: &Shared<Pack>) -> Alignment {
    if pack == seed {
        if let Ok(coverage) = serde_json::from_str(SEED_COVERAGE_JSON) {
            return coverage;
        }
    }
    catalogue_coverage(pack)
}

/// The seed pack's search index, built by `build.rs` (`SearchIndex::to_bytes`).
pub const SEED_SEARCH_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/search-index.bin"));

/// The search index of the pack the app shows, when it can be had without building it: the build's
/// copy while the pack is the seed pack alone. `None` once the teacher's articles have joined it
/// (the index is then built from the pack).
pub fn prebuilt_search_index(pack: &Shared<Pack>, seed: &Shared<Pack>) -> Option<SearchIndex> {
    if pack != seed {
        return None;
    }
    SearchIndex::from_bytes(SEED_SEARCH_INDEX).ok()
}

/// Parses the embedded seed pack. The build validated it, so failing here is a build defect.
pub fn seed_pack() -> Pack {
    serde_json::from_str(SEED_PACK_JSON).expect("the build validated the seed pack")
}

/// The document title for a route: the page's subject first, then the app's name.
pub fn page_title(route: Option<&Route>, pack: &Pack) -> String {
    let subject = match route {
        None | Some(Route::Home(_)) => return "Parallax".to_owned(),
        Some(Route::Read { slug, .. }) => {
            match pack.articles.iter().find(|article| &article.slug == slug) {
                Some(article) => article.title.clone(),
                None => "Article not found".to_owned(),
            }
        }
        Some(Route::Compare(_)) => "Compare articles".to_owned(),
        Some(Route::Analyze) => "Analyse a text".to_owned(),
        Some(Route::Lessons) => "Lessons".to_owned(),
        Some(Route::Lesson { id, .. }) => match pack.lessons.iter().find(|l| &l.id == id) {
            Some(lesson) => lesson.title.clone(),
            None => "Lesson not found".to_owned(),
        },
        Some(Route::LessonNew { .. }) => "Write a lesson".to_owned(),
        Some(Route::LessonEdit { id }) => match pack.lessons.iter().find(|l| &l.id == id) {
            Some(lesson) => format!("Edit \u{201c}{}\u{201d}", lesson.title),
            None => "Lesson not found".to_owned(),
        },
        Some(Route::Import) => "Your articles".to_owned(),
        Some(Route::Privacy) => "Privacy".to_owned(),
        Some(Route::NotFound(_)) => "Page not found".to_owned(),
    };
    format!("{subject} — Parallax")
}

#[component]
pub fn App() -> Html {
    // A split pack (`?index=…`) has a page of its own; the URL's query does not change while the
    // page lives, so this returns before any hook on every render or on none.
    if let Some(value) = split_app::requested_index() {
        return html! { <split_app::SplitApp value={value} /> };
    }
    // Parsed once per app, not per render; pages receive it by pointer.
    let seed = use_memo((), |_| {
        Shared::new(hooks::timing::timed("seed-pack", seed_pack))
    });
    let seed: Shared<Pack> = (*seed).clone();
    let state = {
        let seed = seed.clone();
        use_reducer(move || State::with_seed(seed).at(hooks::use_hash_route::current_route()))
    };
    let analyser = use_analyser();
    // The pack the app shows: the built-in one, then the teacher's library. Everything derived from
    // it below is computed again only when the library changes.
    let pack = use_memo((seed.clone(), state.library.clone()), |(seed, library)| {
        if library.articles.is_empty()
            && library.events.events.is_empty()
            && library.lessons.is_empty()
        {
            seed.clone()
        } else {
            Shared::new(parallax_core::bundle::combine(seed, library))
        }
    });
    let pack: Shared<Pack> = (*pack).clone();
    use_library(&state, &analyser);
    // The search and facet indexes, built when the explorer is first shown and kept for the visit.
    let explorer = use_explorer(&pack, &seed, matches!(state.route, Some(Route::Home(_))));
    // The whole pack against its event catalogue: the reader's suggestions and the compare page's
    // "start from an event" both read it, so it is computed once per pack, here.
    let coverage = {
        let seed = seed.clone();
        use_memo(pack.clone(), move |pack| {
            Shared::new(hooks::timing::timed("coverage", || {
                coverage_of(pack, &seed)
            }))
        })
    };
    let coverage: Shared<Alignment> = (*coverage).clone();
    let main_ref = use_node_ref();

    let on_arrive = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Arrive(route)))
    };
    use_hash_route(state.route.clone(), state.arrival, on_arrive);
    use_document_title(page_title(state.route.as_ref(), &pack));
    // The page changes with the route's path; parameters such as highlight layers keep focus where it is.
    let page_key = state.route.as_ref().map(|route| match route {
        Route::Read { slug, .. } => format!("read/{slug}"),
        // Moving between a lesson's steps changes the page.
        Route::Lesson { id, params } => format!("lesson/{id}/{}", params.get("step").unwrap_or("")),
        // Searching and filtering change the explorer's URL but not the page.
        Route::Home(_) => "home".to_owned(),
        // Choosing articles changes the comparison's URL, not the page: focus stays on the checkbox.
        Route::Compare(_) => "compare".to_owned(),
        other => format!("{other:?}"),
    });
    use_page_focus(page_key, main_ref.clone());
    let (theme, on_toggle_theme) = use_theme();

    let on_go = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Go(route)))
    };
    let on_type = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Type(route)))
    };
    let on_library = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let on_skip = {
        let main_ref = main_ref.clone();
        Callback::from(move |_| {
            if let Some(main) = main_ref.cast::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        })
    };

    let section = match &state.route {
        Some(Route::Home(_)) | Some(Route::Read { .. }) => Section::Articles,
        Some(Route::Compare(_)) => Section::Compare,
        Some(Route::Analyze) => Section::Analyze,
        Some(Route::Lessons)
        | Some(Route::Lesson { .. })
        | Some(Route::LessonNew { .. })
        | Some(Route::LessonEdit { .. }) => Section::Lessons,
        Some(Route::Import) => Section::Import,
        _ => Section::Other,
    };
    let page = match &state.route {
        // The hash has not been read yet: render nothing rather than the wrong page.
        None => html! {},
        Some(Route::Home(query)) => match explorer {
            Some(ExplorerNow {
                explorer,
                searchable,
            }) => html! {
                <HomePage
                    pack={pack.clone()}
                    {explorer}
                    {searchable}
                    query={query.clone()}
                    on_go={on_go.clone()}
                    {on_type}
                />
            },
            None => html! {},
        },
        Some(Route::Read { slug, params }) => html! {
            <ReadPage pack={pack.clone()} coverage={coverage.clone()} slug={slug.clone()} params={params.clone()} {on_go} />
        },
        Some(Route::Compare(query)) => html! {
            <ComparePage pack={pack.clone()} {coverage} query={query.clone()} on_go={on_go.clone()} />
        },
        Some(Route::Analyze) => html! {
            <AnalyzePage
                pasted={state.pasted.clone()}
                error={state.paste_error.clone().map(AttrValue::from)}
                analyser={analyser.clone()}
                on_library={on_library.clone()}
            />
        },
        Some(Route::Lessons) => html! {
            <LessonsPage pack={pack.clone()} library={state.library.clone()} on_library={on_library.clone()} />
        },
        Some(Route::LessonNew { from }) => html! {
            <LessonEditorPage
                mode={from.clone().map_or(EditorMode::New, EditorMode::Copy)}
                pack={pack.clone()}
                seed={state.seed.clone()}
                library={state.library.clone()}
                library_ready={state.library_ready}
                on_library={on_library.clone()}
                on_go={on_go.clone()}
            />
        },
        Some(Route::LessonEdit { id }) => html! {
            <LessonEditorPage
                mode={EditorMode::Edit(id.clone())}
                pack={pack.clone()}
                seed={state.seed.clone()}
                library={state.library.clone()}
                library_ready={state.library_ready}
                on_library={on_library.clone()}
                on_go={on_go.clone()}
            />
        },
        Some(Route::Lesson { id, params }) => html! {
            <LessonPage pack={pack.clone()} id={id.clone()} params={params.clone()} on_go={on_go.clone()} />
        },
        Some(Route::Import) => html! {
            <ImportPage
                seed={state.seed.clone()}
                library={state.library.clone()}
                notice={state.notice.clone()}
                analyser={analyser.clone()}
                {on_library}
            />
        },
        Some(Route::Privacy) => html! { <PrivacyPage /> },
        Some(Route::NotFound(hash)) => html! { <NotFoundPage what={format!("#{hash}")} /> },
    };
    html! {
        <>
            <SiteHeader
                current={section}
                {on_skip}
                dark={theme.map(|theme| theme == hooks::use_theme::Theme::Dark)}
                {on_toggle_theme}
            />
            <main id="main" tabindex="-1" ref={main_ref}>
                // Library messages that arrive on other pages (a pack loaded from the link).
                if !matches!(state.route, Some(Route::Import)) {
                    <div class="library-notice" aria-live="polite">
                        if let Some(notice) = state.notice.as_ref().filter(|notice| notice.error) {
                            <crate::components::ProblemNotice lead="Not loaded: " text={notice.text.clone()} />
                        } else if let Some(notice) = &state.notice {
                            <p class="notice">{ notice.text.clone() }</p>
                        }
                    </div>
                    // An alert is announced when it appears, so it is there only while it has something
                    // to say (pages with an alert of their own, e.g. the analyse page's, keep one).
                    if let Some(refused) = state.notice.as_ref().and_then(|n| n.refused.clone()) {
                        <div class="library-alert" role="alert">
                            <crate::components::ProblemNotice lead="Not loaded: " text={refused} />
                        </div>
                    }
                }
                { page }
            </main>
            <SiteFooter />
            <crate::components::UpdatePrompt />
        </>
    }
}

/// The explorer the home page searches and filters with, or `None` while no page has needed it.
#[derive(Clone, PartialEq)]
pub struct ExplorerNow {
    pub explorer: Shared<Explorer>,
    /// False while the search index is still being built: the facets are ready, the search is not.
    pub searchable: bool,
}

/// The explorer over `pack`, built only once a page `wants` it (the reader and compare pages never
/// do). For the seed pack alone it is built at once, with the search index the build made. Otherwise
/// it comes in two steps: the facets at once, so the first screen lists and filters the articles,
/// then the search index in a task of its own after that screen has painted. Search text typed or
/// linked meanwhile waits in the query, and runs when the index arrives.
#[hook]
pub fn use_explorer(pack: &Shared<Pack>, seed: &Shared<Pack>, wants: bool) -> Option<ExplorerNow> {
    let searchable = use_state(|| None::<(Shared<Pack>, Shared<Explorer>)>);
    let ready = searchable
        .as_ref()
        .filter(|(built_for, _)| built_for == pack)
        .map(|(_, explorer)| explorer.clone());
    // The explorer of the first screen, and whether it can already search.
    let browsing = use_mut_ref(|| None::<(Shared<Pack>, Shared<Explorer>, bool)>);
    let needed = wants && ready.is_none();
    {
        let (searchable, browsing) = (searchable.setter(), browsing.clone());
        use_effect_with((pack.clone(), needed), move |(pack, needed)| {
            if !*needed {
                return;
            }
            // The facets the first screen was rendered with (this render built them).
            let facets = match browsing
                .borrow()
                .as_ref()
                .filter(|(built_for, _, _)| built_for == pack)
            {
                Some((_, _, true)) => return,
                Some((_, explorer, false)) => Some(explorer.facets.clone()),
                None => None,
            };
            let pack = pack.clone();
            hooks::after_paint(move || {
                let facets = facets.unwrap_or_else(|| FacetIndex::from_pack(&pack));
                let search = hooks::timing::timed("search-index", || SearchIndex::from_pack(&pack));
                let explorer = Shared::new(Explorer::new(search, facets));
                searchable.set(Some((pack, explorer)));
            });
        });
    }
    if let Some(explorer) = ready {
        return Some(ExplorerNow {
            explorer,
            searchable: true,
        });
    }
    if !wants {
        return None;
    }
    let mut browsing = browsing.borrow_mut();
    if browsing
        .as_ref()
        .is_none_or(|(built_for, _, _)| built_for != pack)
    {
        let facets = hooks::timing::timed("facets", || FacetIndex::from_pack(pack));
        let prebuilt = hooks::timing::timed("search-index", || prebuilt_search_index(pack, seed));
        let complete = prebuilt.is_some();
        let search = prebuilt.unwrap_or_else(|| SearchIndex::build(&[]));
        let explorer = Explorer::new(search, facets);
        *browsing = Some((pack.clone(), Shared::new(explorer), complete));
    }
    browsing
        .as_ref()
        .map(|(_, explorer, complete)| ExplorerNow {
            explorer: explorer.clone(),
            searchable: *complete,
        })
}

/// Keeps the library in step with the device: reads it once at start-up (analysing it again if an
/// older engine wrote it), saves every change the teacher makes, and loads a pack named by the
/// page's `?pack=` parameter (same origin only) once the library is read.
#[hook]
fn use_library(state: &UseReducerHandle<State>, analyser: &Analyser) {
    {
        let (dispatcher, analyser) = (state.dispatcher(), analyser.clone());
        use_effect_with((), move |_| {
            let notify = |dispatcher: &UseReducerDispatcher<State>, text: String| {
                dispatcher.dispatch(Action::Notify { text, error: true })
            };
            match library::load() {
                Ok(library::Stored::Nothing) => {
                    dispatcher.dispatch(Action::LibraryRead(library::empty_library()))
                }
                Ok(library::Stored::Ready(pack)) => dispatcher.dispatch(Action::LibraryRead(pack)),
                Ok(library::Stored::Stale(stored)) => {
                    let dispatcher = dispatcher.clone();
                    library::analyse_pack(
                        &analyser,
                        stored,
                        Callback::from(move |result: Result<Pack, String>| match result {
                            Ok(pack) => dispatcher.dispatch(Action::LibraryRead(pack)),
                            Err(message) => {
                                // The app goes on with an empty library; what the teacher saves now
                                // must not overwrite the one that could not be analysed.
                                let kept = if library::set_aside_library() {
                                    " They were kept aside, not deleted, and will be tried again the next time Parallax opens."
                                } else {
                                    ""
                                };
                                notify(&dispatcher, format!("Your saved articles could not be analysed again: {message}{kept}"));
                                dispatcher.dispatch(Action::LibraryRead(library::empty_library()));
                            }
                        }),
                    );
                }
                Err(message) => {
                    notify(&dispatcher, message);
                    dispatcher.dispatch(Action::LibraryRead(library::empty_library()));
                }
            }
        });
    }
    {
        let (dispatcher, library_pack) = (state.dispatcher(), state.library.clone());
        use_effect_with(state.library_revision, move |revision| {
            if *revision > 0 {
                if let Err(text) = library::save(&library_pack) {
                    dispatcher.dispatch(Action::Notify { text, error: true });
                }
            }
        });
    }
    {
        // Libraries an earlier visit could not analyse again: tried again, each added to the library
        // like a pack once its articles are analysed, and forgotten only then.
        // Those set aside before this visit began: one set aside now waits for the next visit.
        let earlier = use_memo((), |_| library::set_aside_libraries());
        let (dispatcher, analyser) = (state.dispatcher(), analyser.clone());
        use_effect_with(state.library_ready, move |ready| {
            if !*ready {
                return;
            }
            for (key, json) in earlier.iter() {
                let (dispatcher, key) = (dispatcher.clone(), key.clone());
                library::load_pack_json(
                    &analyser,
                    json,
                    Callback::from(move |result: Result<Pack, String>| {
                        match result {
                        Ok(pack) => {
                            dispatcher.dispatch(Action::MergePack(pack));
                            library::forget_set_aside(&key);
                        }
                        Err(message) => dispatcher.dispatch(Action::Notify {
                            text: format!("Articles saved earlier could not be analysed again yet: {message} They stay kept aside."),
                            error: true,
                        }),
                    }
                    }),
                );
            }
        });
    }
    {
        let (dispatcher, analyser) = (state.dispatcher(), analyser.clone());
        use_effect_with(state.library_ready, move |ready| {
            if !*ready {
                return;
            }
            let location = gloo::utils::window().location();
            let Some(value) = location
                .search()
                .ok()
                .as_deref()
                .and_then(library::pack_parameter)
            else {
                return;
            };
            let page = location.href().unwrap_or_default();
            let url = match library::same_origin_url(&value, &page) {
                Ok(url) => url,
                Err(text) => {
                    dispatcher.dispatch(Action::Notify { text, error: true });
                    return;
                }
            };
            dispatcher.dispatch(Action::Notify {
                text: format!("Loading the pack {value}…"),
                error: false,
            });
            wasm_bindgen_futures::spawn_local(async move {
                match library::fetch_pack(&url).await {
                    Ok(json) => {
                        let dispatcher2 = dispatcher.clone();
                        library::load_pack_json(
                            &analyser,
                            &json,
                            Callback::from(move |result: Result<Pack, String>| match result {
                                Ok(pack) => dispatcher2.dispatch(Action::MergePack(pack)),
                                Err(text) => {
                                    dispatcher2.dispatch(Action::Notify { text, error: true })
                                }
                            }),
                        );
                    }
                    Err(text) => dispatcher.dispatch(Action::Notify { text, error: true }),
                }
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builds_coverage_is_what_the_app_would_compute() {
        let seed = Shared::new(seed_pack());
        let built: Alignment = serde_json::from_str(SEED_COVERAGE_JSON).unwrap();
        assert!(
            !built.rows.is_empty(),
            "the seed catalogue covers some events"
        );
        assert_eq!(built, catalogue_coverage(&seed));
        assert_eq!(coverage_of(&seed, &seed), built);
        // Once the library adds an article, the coverage is computed for the bigger pack.
        let mut bigger = seed_pack();
        bigger.articles.push(bigger.articles[0].clone());
        bigger.articles.last_mut().unwrap().slug = "a-copy".to_owned();
        let bigger = Shared::new(bigger);
        let coverage = coverage_of(&bigger, &seed);
        assert_eq!(coverage.n_articles, seed.articles.len() + 1);
        assert_eq!(coverage, catalogue_coverage(&bigger));
    }

    #[test]
    fn the_builds_search_index_is_what_the_app_would_build() {
        let seed = Shared::new(seed_pack());
        let built = prebuilt_search_index(&seed, &seed).expect("the build's index reads");
        assert_eq!(built, SearchIndex::from_pack(&seed));
        assert!(built.n_terms() > 0);
        // Once the library adds an article, the app builds the index of the bigger pack itself.
        let mut bigger = seed_pack();
        bigger.articles.push(bigger.articles[0].clone());
        bigger.articles.last_mut().unwrap().slug = "a-copy".to_owned();
        assert_eq!(prebuilt_search_index(&Shared::new(bigger), &seed), None);
        // An equal pack that is not the seed itself is not assumed to be it.
        assert_eq!(
            prebuilt_search_index(&Shared::new(seed_pack()), &seed),
            None
        );
    }

    #[test]
    fn every_page_title_names_parallax() {
        let pack = seed_pack();
        let first = &pack.articles[0];
        let routes = [
            None,
            Some(Route::home()),
            Some(Route::read(&first.slug)),
            Some(Route::read("missing")),
            Some(Route::Compare(Default::default())),
            Some(Route::Analyze),
            Some(Route::Lessons),
            Some(Route::Lesson {
                id: "missing".into(),
                params: Default::default(),
            }),
            Some(Route::LessonNew { from: None }),
            Some(Route::LessonEdit { id: "x".into() }),
            Some(Route::Import),
            Some(Route::Privacy),
            Some(Route::NotFound("/x".into())),
        ];
        for route in routes {
            let title = page_title(route.as_ref(), &pack);
            assert!(title.contains("Parallax"), "{route:?}: {title}");
        }
        assert_eq!(
            page_title(Some(&Route::read(&first.slug)), &pack),
            format!("{} — Parallax", first.title)
        );
    }
}
