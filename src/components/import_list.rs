//! The teacher's articles on the import page: each with its author, date and source, a link to the
//! reader and to compare, an edit form (title, author, date, topics) and a remove button.

use parallax_core::import::{megabytes, Edits};
use parallax_core::pack::{Pack, PackArticle, NO_BYLINE};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::library::STORAGE_LIMIT_BYTES;
use crate::route::{CompareQuery, Route};
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct ImportListProps {
    pub library: Shared<Pack>,
    pub on_library: Callback<Action>,
}

#[component]
pub fn ImportList(props: &ImportListProps) -> Html {
    // What the library takes on the device, counted as browsers count it (UTF-16).
    let used = use_memo(props.library.clone(), |library| {
        serde_json::to_string(&**library).map_or(0, |json| json.len() * 2)
    });
    let note = format!(
        "Kept in this browser on this device only. Browsers give Parallax about {} for everything it saves; your articles use about {}.",
        megabytes(STORAGE_LIMIT_BYTES),
        megabytes(*used)
    );
    html! {
        <>
            <p class="hint">{ note }</p>
            if props.library.articles.is_empty() {
                <p class="import-empty">{ "Nothing yet. Articles you paste or add appear here." }</p>
            } else {
                // `role="list"`: WebKit drops the list role of a list without markers (see `result_list.rs`).
                <ul class="import-list" role="list" aria-label="Articles added by you">
                    { for props.library.articles.iter().map(|article| html! {
                        <ImportItem key={article.slug.clone()} article={Shared::new(article.clone())} on_library={props.on_library.clone()} />
                    }) }
                </ul>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ImportItemProps {
    article: Shared<PackArticle>,
    on_library: Callback<Action>,
}

#[component]
fn ImportItem(props: &ImportItemProps) -> Html {
    let editing = use_state(|| false);
    let article = &props.article;
    let slug = article.slug.clone();
    let title_ref = use_node_ref();
    let author_ref = use_node_ref();
    let date_ref = use_node_ref();
    let topics_ref = use_node_ref();

    let on_remove = {
        let (on_library, slug) = (props.on_library.clone(), slug.clone());
        Callback::from(move |_| on_library.emit(Action::RemoveArticle(slug.clone())))
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let on_save = {
        let (on_library, slug, editing) = (props.on_library.clone(), slug.clone(), editing.clone());
        let (title_ref, author_ref, date_ref, topics_ref) = (
            title_ref.clone(),
            author_ref.clone(),
            date_ref.clone(),
            topics_ref.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = |node: &NodeRef| node.cast::<HtmlInputElement>().map(|input| input.value());
            let topics = topics_ref.cast::<web_sys::Element>().map(|fieldset| {
                let boxes = fieldset.query_selector_all("input[type=checkbox]").ok();
                let mut checked = Vec::new();
                if let Some(boxes) = boxes {
                    for index in 0..boxes.length() {
                        let input = boxes.item(index).and_then(|node| {
                            wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(node).ok()
                        });
                        if let Some(input) = input.filter(|input| input.checked()) {
                            checked.push(input.value());
                        }
                    }
                }
                checked
            });
            on_library.emit(Action::EditArticle(
                slug.clone(),
                Edits {
                    title: value(&title_ref),
                    author: value(&author_ref),
                    date: value(&date_ref),
                    topics,
                },
            ));
            editing.set(false);
        })
    };

    let read_href = Route::read(&article.slug).to_hash();
    let compare_href = Route::Compare(CompareQuery {
        articles: vec![article.slug.clone()],
        ..CompareQuery::default()
    })
    .to_hash();
    let author = if article.author == NO_BYLINE {
        "No byline".to_owned()
    } else {
        format!("by {}", article.author)
    };
    let date = article
        .printed_date
        .clone()
        .unwrap_or_else(|| "undated".to_owned());
    let words = article.analysis.text.split_whitespace().count();
    let id = |what: &str| format!("import-{what}-{}", article.slug);
    html! {
        <li class="import-item">
            <h3 class="import-item-title"><a href={read_href}>{ &article.title }</a></h3>
            <p class="import-item-meta">{ format!("{author} · {date} · {words} words") }</p>
            if *editing {
                <form class="import-edit" onsubmit={on_save} aria-label={format!("Edit \u{201c}{}\u{201d}", article.title)}>
                    <div class="import-field">
                        <label for={id("title")}>{ "Title" }</label>
                        <input id={id("title")} type="text" ref={title_ref} value={article.title.clone()} />
                    </div>
                    <div class="import-field">
                        <label for={id("author")}>{ "Author (empty for no byline)" }</label>
                        <input id={id("author")} type="text" ref={author_ref}
                            value={if article.author == NO_BYLINE { String::new() } else { article.author.clone() }} />
                    </div>
                    <div class="import-field">
                        <label for={id("date")}>{ "Date as printed" }</label>
                        <input id={id("date")} type="text" ref={date_ref} value={article.printed_date.clone().unwrap_or_default()} />
                    </div>
                    <fieldset class="import-topics" ref={topics_ref}>
                        <legend>{ "Topics" }</legend>
                        { for parallax_core::topics::taxonomy().into_iter().map(|topic| {
                            let checkbox_id = format!("{}-{}", id("topic"), topic.id);
                            html! {
                                <div class="import-topic">
                                    <input type="checkbox" id={checkbox_id.clone()} value={topic.id.clone()}
                                        checked={article.topics_curated.contains(&topic.id)} />
                                    <label for={checkbox_id}>{ topic.label }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <div class="import-actions">
                        <button type="submit" class="button">{ "Save" }</button>
                        <button type="button" class="button-quiet" onclick={on_cancel}>{ "Cancel" }</button>
                    </div>
                </form>
            } else {
                <div class="import-actions">
                    <a class="button-quiet" href={compare_href}>{ "Compare…" }</a>
                    <button type="button" class="button-quiet" onclick={on_edit}
                        aria-label={format!("Edit \u{201c}{}\u{201d}", article.title)}>{ "Edit" }</button>
                    <button type="button" class="button-quiet" onclick={on_remove}
                        aria-label={format!("Remove \u{201c}{}\u{201d}", article.title)}>{ "Remove" }</button>
                </div>
            }
        </li>
    }
}
