//! A split pack opened from the page's `?index=` URL (same origin only): the explorer over its index file, and a reader that fetches each article's shard when it is opened.
//!
//! `App` hands the whole page to [`SplitApp`] when the URL asks for one (`?index=packs/big/index.bin`):
//! a collection of tens of thousands of articles is explored here without ever being loaded whole
//! (see `parallax_core::split`). Search covers titles only, which the page says; every facet and sort
//! works as in the app's explorer, fifty rows a page. The view is in the URL's fragment as in the app
//! (`#/?q=…&topic=…&page=N`, `#/read/<slug>?layers=…`), so Back, bookmarks and shared links work.
//! Opening an article fetches the one shard holding it (kept for the rest of the visit), announcing
//! "Loading the article…", and shows it in the app's reader, highlights and all.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use parallax_core::facets::Facet;
use parallax_core::pack::{Pack, PackArticle, PACK_VERSION};
use parallax_core::query::ExploreQuery;
use parallax_core::split::SplitIndex;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::filter_panel::FilterPanel;
use crate::components::result_list::page_rows;
use crate::components::search_box::SearchBox;
use crate::components::sort_options::SortOptions;
use crate::components::PagedList;
use crate::hooks::{use_document_title, use_hash_route, use_page_focus};
use crate::library::same_origin_url;
use crate::pages::{NotFoundPage, ReadPage};
use crate::route::{Params, Route};
use crate::state::{Action, Shared, State};

/// The `index` parameter of the page's query string (`?index=packs/big/index.bin`), decoded.
pub fn index_parameter(search: &str) -> Option<String> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == "index").then(|| {
            js_sys::decode_uri_component(&value.replace('+', " "))
                .ok()
                .and_then(|value| value.as_string())
                .unwrap_or_else(|| value.to_owned())
        })
    })
}

/// The split pack this page was asked to open, if any.
pub fn requested_index() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    index_parameter(&search)
}

/// Fetches a file's bytes; the error is a sentence naming the file.
async fn fetch_bytes(url: &str, name: &str) -> Result<Vec<u8>, String> {
    let failed = |detail: &str| format!("{name} could not be loaded ({detail}).");
    let window = web_sys::window().ok_or_else(|| failed("no window"))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed("the network request failed"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!(
            "the server answered {}",
            response.status()
        )));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| failed("the body cannot be read"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| failed("the body cannot be read"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

enum Loaded<T> {
    Loading,
    Failed(String),
    Ready(T),
}

#[derive(Properties, PartialEq)]
pub struct SplitAppProps {
    /// The `index` parameter as given in the URL.
    pub value: AttrValue,
}

/// The split pack's page: the explorer, or the reader of one article, by the URL's fragment.
#[component]
pub fn SplitApp(props: &SplitAppProps) -> Html {
    let index = use_state(|| Loaded::<(Shared<SplitIndex>, AttrValue)>::Loading);
    {
        let (index, value) = (index.clone(), props.value.to_string());
        use_effect_with((), move |_| {
            let location = gloo::utils::window().location();
            let page = location.href().unwrap_or_default();
            match same_origin_url(&value, &page) {
                Err(message) => index.set(Loaded::Failed(message)),
                Ok(url) => wasm_bindgen_futures::spawn_local(async move {
                    let read = fetch_bytes(&url, &format!("The collection at {value}"))
                        .await
                        .and_then(|bytes| {
                            SplitIndex::read(&bytes).map_err(|error| {
                                format!("The collection at {value} cannot be opened: {error}.")
                            })
                        });
                    index.set(match read {
                        Ok(read) => Loaded::Ready((Shared::new(read), url.into())),
                        Err(message) => Loaded::Failed(message),
                    });
                }),
            }
        });
    }
    // Only the app's navigation is used here: the route, and how the page arrived at it.
    let navigation = use_reducer(State::default);
    let on_arrive = {
        let dispatcher = navigation.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Arrive(route)))
    };
    use_hash_route(navigation.route.clone(), navigation.arrival, on_arrive);
    let on_go = {
        let dispatcher = navigation.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Go(route)))
    };
    let on_type = {
        let dispatcher = navigation.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Type(route)))
    };
    let main_ref = use_node_ref();
    use_page_focus(
        navigation.route.as_ref().map(|route| match route {
            Route::Read { slug, .. } => format!("read/{slug}"),
            Route::Home(_) => "home".to_owned(),
            other => format!("{other:?}"),
        }),
        main_ref.clone(),
    );
    // The explorer's last view, for the reader's way back to it.
    let last_view = use_mut_ref(ExploreQuery::default);
    if let Some(Route::Home(query)) = &navigation.route {
        *last_view.borrow_mut() = query.clone();
    }
    // Shards fetched this visit, by name.
    let shards = use_memo((), |_| ShardCache::default());
    let shards: ShardCache = (*shards).clone();

    let collection = match &*index {
        Loaded::Ready((index, _)) => index.title.clone(),
        _ => "A large collection".to_owned(),
    };
    let reading = match (&*index, &navigation.route) {
        (Loaded::Ready((index, _)), Some(Route::Read { slug, .. })) => Some(
            index
                .0
                .position_of(slug)
                .and_then(|idx| index.article(idx))
                .map_or_else(
                    || "Article not found".to_owned(),
                    |meta| meta.title.to_owned(),
                ),
        ),
        _ => None,
    };
    use_document_title(match &reading {
        Some(title) => format!("{title} — {collection}"),
        None => format!("{collection} — Parallax"),
    });
    let body = match (&*index, &navigation.route) {
        (Loaded::Loading, _) => html! { <p role="status">{ "Loading the collection…" }</p> },
        (Loaded::Failed(message), _) => {
            html! { <p role="alert" class="error">{ message.clone() }</p> }
        }
        // The fragment has not been read yet.
        (Loaded::Ready(_), None) => html! {},
        (Loaded::Ready((index, _)), Some(Route::Home(query))) => html! {
            <SplitExplorer index={index.clone()} query={query.clone()} on_go={on_go.clone()} {on_type} />
        },
        (Loaded::Ready((index, url)), Some(Route::Read { slug, params })) => html! {
            <SplitReader
                index={index.clone()}
                url={url.clone()}
                slug={slug.clone()}
                params={params.clone()}
                back={Route::Home(last_view.borrow().clone()).to_hash()}
                shards={shards.clone()}
                {on_go}
            />
        },
        (Loaded::Ready(_), Some(other)) => html! {
            <NotFoundPage what={format!("{} (a large collection has its explorer and reader only)", other.to_hash())} />
        },
    };
    html! {
        <main id="main" class="split-pack" tabindex="-1" ref={main_ref}>
            // The reader's heading is the article's title.
            if reading.is_none() {
                <h1>{ collection }</h1>
            }
            { body }
        </main>
    }
}

/// The shards fetched this visit, by name.
type ShardCache = Shared<RefCell<HashMap<String, Rc<Vec<PackArticle>>>>>;

#[derive(Properties, PartialEq)]
struct SplitExplorerProps {
    index: Shared<SplitIndex>,
    query: ExploreQuery,
    /// Called with the next view when a filter, the sort or the page changes.
    on_go: Callback<Route>,
    /// Called with the next view when the search text changes.
    on_type: Callback<Route>,
}

#[component]
fn SplitExplorer(props: &SplitExplorerProps) -> Html {
    let index = props.index.clone();
    let query = &props.query;
    let results = index.explorer().run(query);
    let on_search = edit_view(query, &props.on_type, |next, text| next.set_text(text));
    let on_toggle = edit_view(
        query,
        &props.on_go,
        |next, (facet, value): (Facet, String)| next.toggle(facet, &value),
    );
    let on_clear_all = edit_view(query, &props.on_go, |next, ()| next.clear_filters());
    let on_sort = edit_view(query, &props.on_go, |next, sort| next.set_sort(sort));
    let on_page = edit_view(query, &props.on_go, |next, page: usize| {
        next.page = u32::try_from(page).unwrap_or(u32::MAX)
    });
    let n_active = query.n_active();
    let n_matching = results.rows.len();
    let (page, rows) = page_rows(n_matching, query.page as usize);
    let items = results.rows[rows].iter().filter_map(|row| {
        let meta = index.article(row.article_idx as usize)?;
        Some(html! {
            <li class="article-item" key={meta.slug.to_owned()}>
                <h2 class="article-item-title">
                    <a href={Route::read(meta.slug).to_hash()}>{ meta.title.to_owned() }</a>
                </h2>
                <p class="article-item-meta">
                    <span class="author">{ meta.author.to_owned() }</span>
                    <span class="separator" aria-hidden="true">{ " · " }</span>
                    <span class="date">{ meta.date.unwrap_or("Undated").to_owned() }</span>
                </p>
            </li>
        })
    });
    let status = crate::components::explore_view::showing(n_matching, results.n_total);
    html! {
        <div class="split-explorer">
            <p>{ "Search looks in titles only in a collection this large; filters cover every article." }</p>
            <SearchBox text={AttrValue::from(query.text.clone())} {on_search} />
            <SortOptions sort={query.sort} {on_sort} />
            <FilterPanel counts={results.counts.clone()} {n_active} {on_toggle} {on_clear_all} />
            <p role="status">{ status }</p>
            <PagedList n_rows={n_matching} {page} {on_page}>{ for items }</PagedList>
        </div>
    }
}

/// A callback that edits the current view with its argument and goes to the result through `to`.
fn edit_view<T: 'static>(
    query: &ExploreQuery,
    to: &Callback<Route>,
    edit: impl Fn(&mut ExploreQuery, T) + 'static,
) -> Callback<T> {
    let (query, to) = (query.clone(), to.clone());
    Callback::from(move |value: T| {
        let mut next = query.clone();
        edit(&mut next, value);
        to.emit(Route::Home(next));
    })
}

#[derive(Properties, PartialEq)]
struct SplitReaderProps {
    index: Shared<SplitIndex>,
    /// The index file's URL, which shard names are relative to.
    url: AttrValue,
    slug: AttrValue,
    params: Params,
    /// The explorer's last view, for the way back.
    back: String,
    shards: ShardCache,
    on_go: Callback<Route>,
}

/// One article of the collection in the app's reader: its shard is fetched (or found among those
/// fetched before), and the article shown as a pack of one.
#[component]
fn SplitReader(props: &SplitReaderProps) -> Html {
    // The article shown, with the slug it was opened for (a new slug shows "Loading…" at once).
    type Shown = (
        AttrValue,
        Shared<Pack>,
        Shared<parallax_core::align::Alignment>,
    );
    let article = use_state(|| Loaded::<Shown>::Loading);
    // Which opening is current, so a slow shard cannot replace an article opened after it.
    let opening = use_mut_ref(|| 0u32);
    {
        let (index, url, shards, article, opening) = (
            props.index.clone(),
            props.url.to_string(),
            props.shards.0.clone(),
            article.clone(),
            opening.clone(),
        );
        use_effect_with(props.slug.clone(), move |slug| {
            *opening.borrow_mut() += 1;
            let ticket = *opening.borrow();
            let found = index
                .position_of(slug)
                .and_then(|idx| Some((idx, index.shard_for(idx)?.clone())));
            let Some((article_idx, shard)) = found else {
                article.set(Loaded::Failed(format!(
                    "There is no article \u{201c}{slug}\u{201d} in this collection."
                )));
                return;
            };
            let show = {
                let (index, slug) = (index.clone(), slug.clone());
                move |articles: &[PackArticle]| match articles
                    .get(article_idx - shard.first_article as usize)
                {
                    Some(found) => {
                        let pack = Pack {
                            version: PACK_VERSION,
                            id: index.id.clone(),
                            title: index.title.clone(),
                            description: String::new(),
                            events: Default::default(),
                            articles: vec![found.clone()],
                            lessons: Vec::new(),
                        };
                        let coverage = crate::catalogue_coverage(&pack);
                        Loaded::Ready((slug.clone(), Shared::new(pack), Shared::new(coverage)))
                    }
                    None => {
                        Loaded::Failed("This article is not in its part of the collection.".into())
                    }
                }
            };
            if let Some(articles) = shards.borrow().get(&shard.name).cloned() {
                article.set(show(&articles));
                return;
            }
            article.set(Loaded::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let shard_url = web_sys::Url::new_with_base(&shard.name, &url)
                    .map(|resolved| resolved.href())
                    .unwrap_or_else(|_| shard.name.clone());
                let read = fetch_bytes(&shard_url, "The article")
                    .await
                    .and_then(|bytes| {
                        index
                            .read_shard(&shard, &bytes)
                            .map_err(|error| format!("The article cannot be opened: {error}."))
                    });
                let read = read.map(|articles| {
                    let articles = Rc::new(articles);
                    shards
                        .borrow_mut()
                        .insert(shard.name.clone(), articles.clone());
                    articles
                });
                if *opening.borrow() != ticket {
                    return;
                }
                article.set(match read {
                    Ok(articles) => show(&articles),
                    Err(message) => Loaded::Failed(message),
                });
            });
        });
    }
    // One live region, there from the start, so a screen reader hears each change of its text.
    let (status, content) = match &*article {
        Loaded::Ready((shown, pack, coverage)) if *shown == props.slug => (
            "The article is loaded.",
            html! {
                <ReadPage
                    pack={pack.clone()}
                    coverage={coverage.clone()}
                    slug={props.slug.clone()}
                    params={props.params.clone()}
                    on_go={props.on_go.clone()}
                />
            },
        ),
        Loaded::Failed(message) => (
            "",
            html! {
                <>
                    <h1>{ "Article not found" }</h1>
                    <p role="alert" class="error">{ message.clone() }</p>
                </>
            },
        ),
        // Fetching, or another article is still shown for one render.
        _ => ("Loading the article…", html! {}),
    };
    html! {
        <>
            <p class="split-back"><a href={props.back.clone()}>{ "Back to the articles" }</a></p>
            <p role="status" class={classes!((status != "Loading the article…").then_some("visually-hidden"))}>{ status }</p>
            { content }
        </>
    }
}
