//! The explorer's results: each title links to its reader, with author, date and a snippet whose
//! search matches are marked; fifty rows at a time, so the page stays light at any collection size.
//! The page shown is part of the URL (`page=N`), so Back returns to the previous page of results.

use parallax_core::pack::Pack;
use parallax_core::query::ExploreResults;
use parallax_core::search::{highlights, snippet};
use yew::prelude::*;

use crate::components::MarkedText;
use crate::excerpt::article_excerpt;
use crate::route::Route;
use crate::state::Shared;

/// Rows per page of results; the DOM never holds more. Each row's snippet reads its whole article,
/// which is the largest cost of a keystroke whatever the collection's size (see `cargo xtask
/// bench-web`), so a page holds fifty rather than a hundred.
pub const PAGE_SIZE: usize = 50;
/// Words around the best match in a snippet.
const SNIPPET_WORDS: usize = 30;

#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    pub pack: Shared<Pack>,
    pub results: Shared<ExploreResults>,
    /// The page to show, counted from 0; a page past the last shows the last.
    #[prop_or_default]
    pub page: usize,
    /// Called with the page to show next.
    #[prop_or_default]
    pub on_page: Callback<usize>,
}

/// Which rows a page of `n_rows` shows: the page itself (one past the last shows the last), and the
/// range of rows on it.
pub fn page_rows(n_rows: usize, page: usize) -> (usize, std::ops::Range<usize>) {
    let n_pages = n_rows.div_ceil(PAGE_SIZE).max(1);
    let page = page.min(n_pages - 1);
    let first = page * PAGE_SIZE;
    (page, first..(first + PAGE_SIZE).min(n_rows))
}

#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let (page, rows) = page_rows(props.results.rows.len(), props.page);
    let parsed = &props.results.parsed;
    let items = props.results.rows[rows].iter().filter_map(|row| {
        let article = props.pack.articles.get(row.article_idx as usize)?;
        let href = Route::read(&article.slug).to_hash();
        let date = article
            .printed_date
            .clone()
            .unwrap_or_else(|| "Undated".to_owned());
        // Snippets are made for the rows on screen only: they read the whole text.
        let (excerpt, marks) = if parsed.is_empty() {
            (article_excerpt(article), Vec::new())
        } else {
            let found = snippet(parsed, &article.analysis.text, SNIPPET_WORDS);
            (found.text, found.highlights)
        };
        let title_marks = if parsed.is_empty() {
            Vec::new()
        } else {
            highlights(parsed, &article.title)
        };
        Some(html! {
            <li class="article-item" key={article.slug.clone()}>
                <h2 class="article-item-title">
                    <a href={href}>
                        <MarkedText text={article.title.clone()} marks={title_marks} />
                    </a>
                </h2>
                <p class="article-item-meta">
                    <span class="author">{ &article.author }</span>
                    <span class="separator" aria-hidden="true">{ " · " }</span>
                    <span class="date">{ date }</span>
                </p>
                <p class="article-item-excerpt">
                    <MarkedText text={excerpt} {marks} />
                </p>
            </li>
        })
    });
    html! {
        <PagedList n_rows={props.results.rows.len()} {page} on_page={props.on_page.clone()}>
            { for items }
        </PagedList>
    }
}

#[derive(Properties, PartialEq)]
pub struct PagedListProps {
    /// How many rows there are in all.
    pub n_rows: usize,
    /// The page shown, counted from 0 (as [`page_rows`] settled it).
    pub page: usize,
    /// Called with the page to show next.
    pub on_page: Callback<usize>,
    /// The rows of this page, each an `<li>`.
    pub children: Html,
}

/// The list of articles, "Articles", holding one page of rows, with the buttons to the previous and
/// next pages when there are several. Shared by the app's explorer and a large collection's.
#[component]
pub fn PagedList(props: &PagedListProps) -> Html {
    let n_rows = props.n_rows;
    let n_pages = n_rows.div_ceil(PAGE_SIZE).max(1);
    let (page, rows) = page_rows(n_rows, props.page);
    let list = use_node_ref();
    // A page button moved to another page: move focus to the list's start, as a new page would, so
    // keyboard and screen-reader users read on from its first row. (A filter, which also starts
    // again at the first page, leaves focus on the filter.)
    let paged = use_mut_ref(|| false);
    {
        let (list, paged) = (list.clone(), paged.clone());
        use_effect_with(page, move |_| {
            if std::mem::take(&mut *paged.borrow_mut()) {
                if let Some(list) = list.cast::<web_sys::HtmlElement>() {
                    let _ = list.focus();
                    list.scroll_into_view();
                }
            }
        });
    }
    let go_to = |target: usize| {
        let (on_page, paged) = (props.on_page.clone(), paged.clone());
        Callback::from(move |_: MouseEvent| {
            *paged.borrow_mut() = true;
            on_page.emit(target);
        })
    };
    html! {
        <>
            // `role="list"`: WebKit exposes a list without visible markers (`list-style: none`) outside
            // a `nav` as a plain group, so VoiceOver in Safari would not announce the results as a list.
            <ul class="article-list" role="list" aria-label="Articles" tabindex="-1" ref={list}>{ props.children.clone() }</ul>
            if n_pages > 1 {
                <nav class="result-pages" aria-label="Result pages">
                    <button type="button" class="button-quiet" disabled={page == 0} onclick={go_to(page.saturating_sub(1))}>
                        { format!("Previous {PAGE_SIZE}") }
                    </button>
                    <span class="result-pages-range">
                        { format!("Articles {}\u{2013}{} of {n_rows}", rows.start + 1, rows.end) }
                    </span>
                    <button type="button" class="button-quiet" disabled={page + 1 >= n_pages} onclick={go_to(page + 1)}>
                        { format!("Next {PAGE_SIZE}") }
                    </button>
                </nav>
            }
        </>
    }
}
