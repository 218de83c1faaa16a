//! A split pack opened from the page's `?index=` URL (same origin only): the explorer over its index file, and a reader that fetches each article's shard when it is opened.
//!
//! `App` hands the whole page to [`SplitApp`] when the URL asks for one (`?index=packs/big/index.bin`):
//! a collection of tens of thousands of articles is explored here without ever being loaded whole
//! (see `parallax_core::split`). Search covers titles only, which the page says; every facet and sort
//! works as in the app's explorer. Opening an article fetches the one shard holding it (kept for the
//! rest of the visit) and shows its text while "Loading the article…" is announced before.

use std::collections::HashMap;
use std::rc::Rc;

use parallax_core::facets::Facet;
use parallax_core::pack::PackArticle;
use parallax_core::query::{ExploreQuery, Sort};
use parallax_core::split::SplitIndex;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::components::filter_panel::FilterPanel;
use crate::components::search_box::SearchBox;
use crate::components::sort_options::SortOptions;
use crate::library::same_origin_url;

/// How many result rows are listed (the rest are reached by narrowing the search or the filters).
pub const ROWS_SHOWN: usize = 50;

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

/// The split pack's page: the explorer, or the reader of one article.
#[component]
pub fn SplitApp(props: &SplitAppProps) -> Html {
    let index = use_state(|| Loaded::<(Rc<SplitIndex>, String)>::Loading);
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
                        Ok(read) => Loaded::Ready((Rc::new(read), url)),
                        Err(message) => Loaded::Failed(message),
                    });
                }),
            }
        });
    }
    let body = match &*index {
        Loaded::Loading => html! { <p role="status">{ "Loading the collection…" }</p> },
        Loaded::Failed(message) => html! { <p role="alert" class="error">{ message.clone() }</p> },
        Loaded::Ready((index, url)) => html! {
            <SplitExplorer index={SharedIndex(index.clone())} url={AttrValue::from(url.clone())} />
        },
    };
    let title = match &*index {
        Loaded::Ready((index, _)) => index.title.clone(),
        _ => "A large collection".to_owned(),
    };
    html! {
        <main id="main" class="split-pack">
            <h1>{ title }</h1>
            { body }
        </main>
    }
}

/// The index by pointer: props compare by identity, not by content.
#[derive(Clone)]
pub struct SharedIndex(pub Rc<SplitIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct SplitExplorerProps {
    index: SharedIndex,
    /// The index file's URL, which shard names are relative to.
    url: AttrValue,
}

#[component]
fn SplitExplorer(props: &SplitExplorerProps) -> Html {
    let index = props.index.0.clone();
    let query = use_state(ExploreQuery::default);
    let open = use_state(|| None::<usize>);
    let article = use_state(|| Loaded::<Rc<PackArticle>>::Loading);
    let shards = use_mut_ref(HashMap::<String, Rc<Vec<PackArticle>>>::new);
    // Which opening is current, so a slow shard cannot replace an article opened after it.
    let opening = use_mut_ref(|| 0u32);
    let heading = use_node_ref();

    let on_open = {
        let (index, url, open, article) = (
            index.clone(),
            props.url.to_string(),
            open.clone(),
            article.clone(),
        );
        let (shards, opening) = (shards.clone(), opening.clone());
        Callback::from(move |article_idx: usize| {
            *opening.borrow_mut() += 1;
            let ticket = *opening.borrow();
            open.set(Some(article_idx));
            let Some(shard) = index.shard_for(article_idx).cloned() else {
                article.set(Loaded::Failed(
                    "This article is not in the collection.".into(),
                ));
                return;
            };
            let pick = move |articles: &[PackArticle]| {
                articles
                    .get(article_idx - shard.first_article as usize)
                    .cloned()
                    .map(Rc::new)
            };
            if let Some(articles) = shards.borrow().get(&shard.name) {
                article.set(match pick(articles) {
                    Some(found) => Loaded::Ready(found),
                    None => {
                        Loaded::Failed("This article is not in its part of the collection.".into())
                    }
                });
                return;
            }
            article.set(Loaded::Loading);
            let (index, url, article, shards, opening) = (
                index.clone(),
                url.clone(),
                article.clone(),
                shards.clone(),
                opening.clone(),
            );
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
                if *opening.borrow() != ticket {
                    return;
                }
                article.set(match read {
                    Ok(articles) => {
                        let found = pick(&articles);
                        shards
                            .borrow_mut()
                            .insert(shard.name.clone(), Rc::new(articles));
                        match found {
                            Some(found) => Loaded::Ready(found),
                            None => Loaded::Failed(
                                "This article is not in its part of the collection.".into(),
                            ),
                        }
                    }
                    Err(message) => Loaded::Failed(message),
                });
            });
        })
    };
    let on_back = {
        let (open, opening) = (open.clone(), opening.clone());
        Callback::from(move |_: MouseEvent| {
            *opening.borrow_mut() += 1;
            open.set(None);
        })
    };
    {
        // The reader's heading takes focus once the article is there, so a screen reader starts
        // at its title.
        let heading = heading.clone();
        let ready = matches!(&*article, Loaded::Ready(_)) && open.is_some();
        use_effect_with((ready, *open), move |(ready, _)| {
            if *ready {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    if let Some(article_idx) = *open {
        let meta = index.article(article_idx);
        let title = meta.map(|meta| meta.title.to_owned()).unwrap_or_default();
        let content = match &*article {
            Loaded::Loading => html! { <p role="status">{ "Loading the article…" }</p> },
            Loaded::Failed(message) => {
                html! { <p role="alert" class="error">{ message.clone() }</p> }
            }
            Loaded::Ready(article) => {
                let paragraphs = article
                    .analysis
                    .text
                    .split("\n\n")
                    .filter(|paragraph| !paragraph.trim().is_empty())
                    .map(|paragraph| html! { <p>{ paragraph.to_owned() }</p> });
                html! {
                    <>
                        <p role="status" class="visually-hidden">{ "The article is loaded." }</p>
                        { for paragraphs }
                    </>
                }
            }
        };
        let byline = meta
            .map(|meta| format!("{}, {}", meta.author, meta.date.unwrap_or("undated")))
            .unwrap_or_default();
        return html! {
            <article class="split-reader">
                <button type="button" onclick={on_back}>{ "Back to the articles" }</button>
                <h2 ref={heading} tabindex="-1">{ title }</h2>
                <p class="article-meta">{ byline }</p>
                { content }
            </article>
        };
    }

    let results = index.explorer().run(&query);
    let on_search = {
        let query = query.clone();
        Callback::from(move |text: String| {
            let mut next = (*query).clone();
            next.set_text(text);
            query.set(next);
        })
    };
    let on_toggle = {
        let query = query.clone();
        Callback::from(move |(facet, value): (Facet, String)| {
            let mut next = (*query).clone();
            next.toggle(facet, &value);
            query.set(next);
        })
    };
    let on_clear_all = {
        let query = query.clone();
        Callback::from(move |()| {
            let mut next = (*query).clone();
            next.clear_filters();
            query.set(next);
        })
    };
    let on_sort = {
        let query = query.clone();
        Callback::from(move |sort: Sort| {
            let mut next = (*query).clone();
            next.set_sort(sort);
            query.set(next);
        })
    };
    let n_active = query
        .filters
        .values()
        .map(|values| values.len())
        .sum::<usize>()
        + usize::from(!query.text.trim().is_empty());
    let n_matching = results.rows.len();
    let rows = results.rows.iter().take(ROWS_SHOWN).filter_map(|row| {
        let article_idx = row.article_idx as usize;
        let meta = index.article(article_idx)?;
        let onclick = {
            let on_open = on_open.clone();
            Callback::from(move |_: MouseEvent| on_open.emit(article_idx))
        };
        Some(html! {
            <li key={meta.slug.to_owned()}>
                <button type="button" class="split-result" {onclick}>{ meta.title.to_owned() }</button>
                <p class="article-meta">
                    { format!("{}, {}", meta.author, meta.date.unwrap_or("undated")) }
                </p>
            </li>
        })
    });
    let noun = if results.n_total == 1 {
        "article"
    } else {
        "articles"
    };
    let status = if n_matching > ROWS_SHOWN {
        format!(
            "Showing the first {ROWS_SHOWN} of {n_matching} matching articles ({} {noun} in all)",
            results.n_total
        )
    } else {
        format!("Showing {n_matching} of {} {noun}", results.n_total)
    };
    html! {
        <div class="split-explorer">
            <p>{ "Search looks in titles only in a collection this large; filters cover every article." }</p>
            <SearchBox text={AttrValue::from(query.text.clone())} {on_search} />
            <SortOptions sort={query.sort} {on_sort} />
            <FilterPanel counts={results.counts.clone()} {n_active} {on_toggle} {on_clear_all} />
            <p role="status">{ status }</p>
            <ul aria-label="Articles" class="split-results">{ for rows }</ul>
        </div>
    }
}
