//! The explorer: search box, filter panel, sort, result count and results, all derived from one
//! `ExploreQuery` (the URL's), with every change handed back up as the next query.
//!
//! Search text is debounced: the first keystroke after a pause runs at once, so results appear
//! promptly, and the keystrokes that follow within [`SEARCH_DEBOUNCE_MS`] are run together when
//! typing pauses. Text typed but not yet run is part of the view: a filter clicked meanwhile keeps
//! it, so neither the keystroke nor the click is lost.

use parallax_core::facets::Facet;
use parallax_core::pack::Pack;
use parallax_core::query::{ExploreQuery, Explorer, Sort};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::{EmptyResults, FilterPanel, ResultList, SearchBox, SortOptions};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ExploreViewProps {
    pub pack: Shared<Pack>,
    /// The pack's search and facet indexes, built once by the app.
    pub explorer: Shared<Explorer>,
    /// False while the explorer's search index is still being built: search text then waits
    /// ("Preparing search…") and runs once it is ready; filters and sort work meanwhile.
    #[prop_or(true)]
    pub searchable: bool,
    pub query: ExploreQuery,
    /// Called with the next query when a filter or the sort changes.
    pub on_change: Callback<ExploreQuery>,
    /// Called with the next query when the search text changes.
    pub on_type: Callback<ExploreQuery>,
}

/// How long typing must pause before the text typed since the last search is run.
pub const SEARCH_DEBOUNCE_MS: i32 = 150;

/// A search waiting for typing to pause: the browser timer and its callback, dropped together.
struct PendingSearch {
    handle: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for PendingSearch {
    fn drop(&mut self) {
        gloo::utils::window().clear_timeout_with_handle(self.handle);
    }
}

/// The debounce state of one search box, kept across renders.
#[derive(Default)]
struct Debounce {
    /// The search waiting for typing to pause; `Some` exactly while its timer is armed.
    pending: Option<PendingSearch>,
    /// The last search that ran from a timer, kept until the next is armed (its callback cannot
    /// be dropped while it runs).
    spent: Option<PendingSearch>,
    /// When the last search ran (milliseconds, `performance.now()`).
    last_run: Cell<f64>,
}

fn now_ms() -> f64 {
    gloo::utils::window()
        .performance()
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

/// What the live region says while the search index is being built and search text waits for it.
pub const PREPARING_SEARCH: &str = "Preparing search\u{2026}";

/// "Showing N of M articles", the text of the live region.
pub fn showing(n_shown: usize, n_total: usize) -> String {
    let noun = if n_total == 1 { "article" } else { "articles" };
    format!("Showing {n_shown} of {n_total} {noun}")
}

#[component]
pub fn ExploreView(props: &ExploreViewProps) -> Html {
    // Search text cannot run before the search index is ready; everything else can.
    let waiting = !props.searchable && !props.query.text.trim().is_empty();
    let results = use_memo(
        (props.explorer.clone(), props.query.clone(), waiting),
        |(explorer, query, waiting)| (!waiting).then(|| Shared::new(explorer.run(query))),
    );
    // Text typed but not yet searched for: the search box shows it, and every other change
    // starts from it.
    let typed = use_state(|| None::<String>);
    let debounce = use_mut_ref(Debounce::default);
    // The query every change starts from: the URL's, with any text typed but not yet run. Taking
    // it cancels the pending search, whose text the caller's next query now carries.
    let base: Rc<dyn Fn() -> ExploreQuery> = {
        let (query, typed, debounce) = (props.query.clone(), typed.clone(), debounce.clone());
        Rc::new(move || {
            let mut next = query.clone();
            let pending = debounce.borrow_mut().pending.take();
            if pending.is_some() {
                if let Some(text) = (*typed).clone() {
                    next.set_text(text);
                }
            }
            next
        })
    };
    // Once the URL has caught up and no search is waiting, the box shows the URL's text again
    // (after the search ran, a filter took the text along, or Back).
    {
        let (typed, debounce) = (typed.clone(), debounce.clone());
        use_effect_with(props.query.clone(), move |_| {
            if typed.is_some() && debounce.borrow().pending.is_none() {
                typed.set(None);
            }
        });
    }
    // Every control starts from the current query and hands back the next one.
    let change = |step: fn(&mut ExploreQuery)| {
        let (base, on_change) = (base.clone(), props.on_change.clone());
        Callback::from(move |_: ()| {
            let mut next = base();
            step(&mut next);
            on_change.emit(next);
        })
    };
    let on_toggle = {
        let (base, on_change) = (base.clone(), props.on_change.clone());
        Callback::from(move |(facet, value): (Facet, String)| {
            let mut next = base();
            next.toggle(facet, &value);
            on_change.emit(next);
        })
    };
    let on_clear_facet = {
        let (base, on_change) = (base.clone(), props.on_change.clone());
        Callback::from(move |facet: Facet| {
            let mut next = base();
            next.clear_facet(facet);
            on_change.emit(next);
        })
    };
    let on_sort = {
        let (base, on_change) = (base.clone(), props.on_change.clone());
        Callback::from(move |sort: Sort| {
            let mut next = base();
            next.set_sort(sort);
            on_change.emit(next);
        })
    };
    let on_page = {
        let (base, on_change) = (base.clone(), props.on_change.clone());
        Callback::from(move |page: usize| {
            let mut next = base();
            next.page = u32::try_from(page).unwrap_or(u32::MAX);
            on_change.emit(next);
        })
    };
    let on_search = {
        let (query, on_type) = (props.query.clone(), props.on_type.clone());
        let (typed, debounce) = (typed.clone(), debounce.clone());
        Callback::from(move |text: String| {
            let mut state = debounce.borrow_mut();
            let run = {
                let (query, on_type) = (query.clone(), on_type.clone());
                let debounce = Rc::downgrade(&debounce);
                move |text: String| {
                    let mut next = query.clone();
                    next.set_text(text);
                    on_type.emit(next);
                    if let Some(debounce) = debounce.upgrade() {
                        debounce.borrow().last_run.set(now_ms());
                    }
                }
            };
            // The box shows what was typed until the URL catches up (see the effect above).
            typed.set(Some(text.clone()));
            let now = now_ms();
            if state.pending.is_none()
                && now - state.last_run.get() >= f64::from(SEARCH_DEBOUNCE_MS)
            {
                // The first keystroke after a pause: search at once.
                state.last_run.set(now);
                drop(state);
                run(text);
                return;
            }
            let fired = Rc::new(RefCell::new(Some(text)));
            let callback = {
                let debounce = Rc::downgrade(&debounce);
                Closure::<dyn FnMut()>::new(move || {
                    let Some(text) = fired.borrow_mut().take() else {
                        return;
                    };
                    // Disarm without dropping the closure that is running now.
                    if let Some(debounce) = debounce.upgrade() {
                        let mut state = debounce.borrow_mut();
                        state.spent = state.pending.take();
                    }
                    run(text);
                })
            };
            let handle = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.as_ref().unchecked_ref(),
                    SEARCH_DEBOUNCE_MS,
                )
                .unwrap_or_default();
            // Replacing the pending search cancels its timer.
            state.spent = None;
            state.pending = Some(PendingSearch {
                handle,
                _callback: callback,
            });
        })
    };
    let on_clear_all = change(ExploreQuery::clear_filters);
    let on_clear_search = change(|query| query.set_text(String::new()));
    let n_active = props.query.n_active();
    let shown_text = (*typed).clone().unwrap_or_else(|| props.query.text.clone());
    html! {
        <div class="explorer">
            <SearchBox text={shown_text} {on_search} />
            if let Some(results) = (*results).clone() {
                <div class="explorer-columns">
                    <FilterPanel counts={results.counts.clone()} {n_active} {on_toggle} {on_clear_all} />
                    <div class="explorer-results">
                        <div class="results-bar">
                            <p class="result-status" role="status">
                                { showing(results.rows.len(), results.n_total) }
                            </p>
                            <SortOptions sort={props.query.sort} {on_sort} />
                        </div>
                        if results.rows.is_empty() {
                            <EmptyResults
                                query={props.query.clone()}
                                loosen={results.loosen.clone()}
                                {on_clear_facet}
                                {on_clear_search}
                            />
                        } else {
                            <ResultList
                                pack={props.pack.clone()}
                                {results}
                                page={props.query.page as usize}
                                {on_page}
                            />
                        }
                    </div>
                </div>
            } else {
                <div class="explorer-columns explorer-waiting">
                    <div class="explorer-results">
                        <div class="results-bar">
                            <p class="result-status" role="status">{ PREPARING_SEARCH }</p>
                            <SortOptions sort={props.query.sort} {on_sort} />
                        </div>
                    </div>
                </div>
            }
        </div>
    }
}
