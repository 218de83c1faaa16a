//! Components rendered in a real browser: the article list, the reader and highlights, read back from the DOM.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use parallax::components::ArticleView;
use parallax::pages::home::HomePageProps;
use parallax::pages::read::ReadPageProps;
use parallax::pages::{HomePage, ReadPage};
use parallax::route::Params;
use parallax::state::{pasted_article, Shared};
use parallax_core::cues::{Cue, CueKind};
use parallax_core::query::{ExploreQuery, Explorer};
use parallax_core::Span;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page for one test to render into.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yields to the event loop until `ready` holds, so rendering can finish; fails with `what` if it never does.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..200 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    panic!("gave up waiting for {what}");
}

fn press(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let found = root.query_selector_all(selector).unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn home_lists_every_seed_article_by_title() {
    let pack = Shared::new(parallax::seed_pack());
    let root = fresh_root();
    let explorer = Shared::new(Explorer::from_pack(&pack));
    yew::Renderer::<HomePage>::with_root_and_props(
        root.clone(),
        HomePageProps {
            pack: pack.clone(),
            explorer,
            searchable: true,
            query: ExploreQuery::default(),
            on_go: Callback::noop(),
            on_type: Callback::noop(),
        },
    )
    .render();
    until("the article list", || {
        root.query_selector("ul[aria-label='Articles'] li")
            .unwrap()
            .is_some()
    })
    .await;

    // Every article is listed once (in the explorer's date order, which this test leaves to the core).
    let mut links = texts(&root, "ul[aria-label='Articles'] li a");
    let mut titles: Vec<String> = pack
        .articles
        .iter()
        .map(|article| article.title.clone())
        .collect();
    links.sort();
    titles.sort();
    assert_eq!(links, titles);
    let hrefs: Vec<String> = {
        let found = root
            .query_selector_all("ul[aria-label='Articles'] a")
            .unwrap();
        (0..found.length())
            .map(|i| {
                found
                    .item(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("href")
                    .unwrap()
            })
            .collect()
    };
    assert!(
        hrefs.iter().all(|href| href.starts_with("#/read/")),
        "{hrefs:?}"
    );
    let items = texts(&root, "ul[aria-label='Articles'] li");
    for article in &pack.articles {
        let item = items
            .iter()
            .find(|item| item.contains(&article.title))
            .expect("every article is listed");
        assert!(item.contains(&article.author), "{item}");
        assert!(
            item.contains(article.printed_date.as_deref().unwrap_or("Undated")),
            "{item}"
        );
    }
}

#[wasm_bindgen_test]
async fn reader_shows_one_article_with_its_title_as_the_only_h1() {
    let pack = Shared::new(parallax::seed_pack());
    let article = pack.articles[0].clone();
    let root = fresh_root();
    let props = ReadPageProps {
        coverage: Shared::new(parallax::catalogue_coverage(&pack)),
        pack: pack.clone(),
        slug: article.slug.clone().into(),
        params: Params::default(),
        on_go: Callback::noop(),
    };
    yew::Renderer::<ReadPage>::with_root_and_props(root.clone(), props).render();
    until("the reader heading", || {
        root.query_selector("h1").unwrap().is_some()
    })
    .await;

    assert_eq!(texts(&root, "h1"), std::slice::from_ref(&article.title));
    assert_eq!(
        texts(&root, "details.removed > summary"),
        ["Removed from the page"]
    );
    let details = root.query_selector("details.removed").unwrap().unwrap();
    assert!(
        !details.has_attribute("open"),
        "the removed lines start collapsed"
    );
    let paragraphs = texts(&root, ".reader-text p");
    assert_eq!(
        paragraphs.len(),
        article.analysis.structure.paragraphs.len()
    );
    let first = article.analysis.structure.paragraphs[0]
        .span
        .slice(&article.analysis.text);
    assert_eq!(paragraphs[0], first);
    assert!(texts(&root, ".article-meta")
        .concat()
        .contains(&article.author));
    assert_eq!(texts(&root, "fieldset > legend"), ["Highlights"]);
}

#[wasm_bindgen_test]
async fn an_unknown_slug_shows_not_found_with_a_way_home() {
    let root = fresh_root();
    let pack = Shared::new(parallax::seed_pack());
    let props = ReadPageProps {
        coverage: Shared::new(parallax::catalogue_coverage(&pack)),
        pack,
        slug: "no-such-article".into(),
        params: Params::default(),
        on_go: Callback::noop(),
    };
    yew::Renderer::<ReadPage>::with_root_and_props(root.clone(), props).render();
    until("the not-found heading", || {
        root.query_selector("h1").unwrap().is_some()
    })
    .await;
    assert_eq!(texts(&root, "h1"), ["Page not found"]);
    assert!(root.query_selector("a[href='#/']").unwrap().is_some());
}

#[derive(Properties, PartialEq)]
struct HighlightedProps {
    article: Shared<parallax_core::pack::PackArticle>,
}

/// The reader with its layer state held locally, as the analyse page holds it.
#[component]
fn Highlighted(props: &HighlightedProps) -> Html {
    let layers = use_state(|| None::<String>);
    let on_set_layers = {
        let layers = layers.clone();
        Callback::from(move |value: Option<String>| layers.set(value))
    };
    html! { <ArticleView article={props.article.clone()} layers={(*layers).clone().map(AttrValue::from)} {on_set_layers} /> }
}

#[wasm_bindgen_test]
async fn highlights_are_labelled_marks_that_explain_themselves_and_toggle_by_layer() {
    let mut article =
        pasted_article("Critics call it a <b>reckless</b> plan.\n\nNothing to see here.");
    let text = article.analysis.text.clone();
    let start = text.find("<b>reckless</b>").unwrap();
    article.analysis.cues = vec![Cue {
        kind: CueKind::LoadedLanguage,
        span: Span {
            start,
            end: start + "<b>reckless</b>".len(),
        },
        rule: "lexicon: reckless".into(),
        explanation: "A word chosen to make you feel something, not to tell you something.".into(),
        in_quote: false,
    }];
    // Only the cue above: whatever the engine finds itself is tested in the core.
    article.analysis.attributions.clear();
    let root = fresh_root();
    yew::Renderer::<Highlighted>::with_root_and_props(
        root.clone(),
        HighlightedProps {
            article: Shared::new(article),
        },
    )
    .render();
    until("the highlight", || {
        root.query_selector("mark").unwrap().is_some()
    })
    .await;

    // The article's text stays text: the <b> is shown, never parsed.
    assert!(root.query_selector(".reader-text b").unwrap().is_none());
    let mark = root.query_selector("mark").unwrap().unwrap();
    assert_eq!(mark.text_content().unwrap(), "<b>reckless</b>");
    assert_eq!(
        mark.get_attribute("data-label").as_deref(),
        Some("loaded language")
    );
    assert_eq!(mark.get_attribute("tabindex").as_deref(), Some("0"));

    let explanation = || texts(&root, ".explanation").concat();
    mark.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    until("the explanation", || {
        explanation().contains("lexicon: reckless")
    })
    .await;
    assert!(explanation().contains("not to tell you something"));
    // From the keyboard: Escape closes the explanation and Enter opens it again.
    press(&mark, "Escape");
    until("the explanation to close", || {
        !explanation().contains("lexicon: reckless")
    })
    .await;
    press(&mark, "Enter");
    until("the explanation to reopen", || {
        explanation().contains("lexicon: reckless")
    })
    .await;
    let checkbox = root
        .query_selector("fieldset input[type=checkbox]")
        .unwrap()
        .unwrap();
    assert!(texts(&root, "fieldset label")
        .concat()
        .contains("Loaded language (1)"));

    checkbox.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    until("the layer to hide", || {
        root.query_selector("mark").unwrap().is_none()
    })
    .await;
    assert!(texts(&root, ".reader-text")
        .concat()
        .contains("Critics call it a <b>reckless</b> plan."));
    checkbox.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    until("the layer to show again", || {
        root.query_selector("mark").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_explorer_shows_a_query_from_the_url_with_counts_status_and_marked_snippets() {
    let pack = Shared::new(parallax::seed_pack());
    let root = fresh_root();
    let explorer = Shared::new(Explorer::from_pack(&pack));
    let query = ExploreQuery::from_query_string("#/?q=%22spheres+of+influence%22&author=No+byline");
    yew::Renderer::<HomePage>::with_root_and_props(
        root.clone(),
        HomePageProps {
            pack: pack.clone(),
            explorer,
            searchable: true,
            query,
            on_go: Callback::noop(),
            on_type: Callback::noop(),
        },
    )
    .render();
    until("the results", || {
        root.query_selector("ul[aria-label='Articles'] li")
            .unwrap()
            .is_some()
    })
    .await;

    let status = texts(&root, "[role='status']");
    assert_eq!(status, ["Showing 1 of 5 articles"]);
    let titles = texts(&root, "ul[aria-label='Articles'] li h2");
    assert_eq!(
        titles,
        ["NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'"]
    );
    let marks = texts(
        &root,
        "ul[aria-label='Articles'] .article-item-excerpt mark",
    );
    assert_eq!(marks, ["spheres of influence"]);
    let search: web_sys::HtmlInputElement = root
        .query_selector("input[type='search']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(search.value(), "\"spheres of influence\"");
    // The ticked author stays ticked, and the counts are given the other filters (here the search).
    let labels = texts(&root, "fieldset.facet-group label");
    assert!(
        labels.iter().any(|label| label == "No byline (1)"),
        "{labels:?}"
    );
    let legends = texts(&root, "fieldset.facet-group > legend");
    assert_eq!(
        legends,
        [
            "Topic",
            "Author",
            "Voices",
            "Frame",
            "Cue",
            "Date",
            "Integrity"
        ]
    );
}

/// The explorer over a synthetic pack, wired to the URL the way the app wires it (the same reducer
/// and hash hook), so paging can be followed through the address bar and history.
#[derive(Properties, PartialEq)]
struct RoutedExplorerProps {
    pack: Shared<parallax_core::pack::Pack>,
    explorer: Shared<Explorer>,
}

#[component]
fn RoutedExplorer(props: &RoutedExplorerProps) -> Html {
    use parallax::route::Route;
    use parallax::state::{Action, State};
    let state = use_reducer(State::default);
    let on_arrive = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Arrive(route)))
    };
    parallax::hooks::use_hash_route(state.route.clone(), state.arrival, on_arrive);
    let on_go = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Go(route)))
    };
    let on_type = {
        let dispatcher = state.dispatcher();
        Callback::from(move |route: Route| dispatcher.dispatch(Action::Type(route)))
    };
    match &state.route {
        Some(Route::Home(query)) => html! {
            <HomePage pack={props.pack.clone()} explorer={props.explorer.clone()} query={query.clone()} {on_go} {on_type} />
        },
        _ => html! {},
    }
}

fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

fn set_hash_quietly(hash: &str) {
    let history = gloo::utils::window().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
}

fn button(root: &Element, text: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().unwrap_or_default() == text)
        .unwrap_or_else(|| panic!("no button {text:?}"))
        .dyn_into()
        .unwrap()
}

/// Resolves after the browser has painted twice: a history traversal started right after the previous
/// one finished is otherwise sometimes dropped by Chromium (a test-speed artefact; people press Back
/// seconds apart).
async fn settle() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().request_animation_frame(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// Waits longer than [`until`]: history navigation and a 250-article index take real time.
async fn until_slow(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..400 {
        if ready() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("gave up waiting for {what}");
}

#[wasm_bindgen_test]
async fn result_pages_are_in_the_url_keep_the_dom_small_and_back_returns_to_the_previous_page() {
    let synth = parallax_core::synth::corpus(42, 250);
    let pack = Shared::new(synth.to_pack());
    let explorer = Shared::new(synth.explorer());
    let titles_by_date: Vec<String> = explorer
        .run(&ExploreQuery::default())
        .rows
        .iter()
        .map(|row| pack.articles[row.article_idx as usize].title.clone())
        .collect();
    set_hash_quietly("#/");
    let root = fresh_root();
    let app = yew::Renderer::<RoutedExplorer>::with_root_and_props(
        root.clone(),
        RoutedExplorerProps { pack, explorer },
    )
    .render();
    let shown = |root: &Element| texts(root, "ul[aria-label='Articles'] li h2");
    let range = |root: &Element| texts(root, ".result-pages-range").join("");
    let size = parallax::components::result_list::PAGE_SIZE;
    assert!(
        size * 2 < 250 && size <= 200,
        "three pages or more, each small"
    );
    until_slow("the first page", || shown(&root).len() == size).await;
    assert_eq!(shown(&root), titles_by_date[..size]);
    assert_eq!(range(&root), format!("Articles 1\u{2013}{size} of 250"));

    button(&root, &format!("Next {size}")).click();
    until_slow("the second page", || hash() == "#/?page=2").await;
    until_slow("its rows", || {
        shown(&root).first() == titles_by_date.get(size)
    })
    .await;
    assert_eq!(
        shown(&root),
        titles_by_date[size..2 * size],
        "never more than a page in the DOM"
    );
    button(&root, &format!("Next {size}")).click();
    until_slow("the third page", || hash() == "#/?page=3").await;
    until_slow("its rows", || {
        shown(&root).first() == titles_by_date.get(2 * size)
    })
    .await;

    settle().await;
    gloo::utils::window().history().unwrap().back().unwrap();
    until_slow("Back to page 2", || {
        hash() == "#/?page=2" && shown(&root).first() == titles_by_date.get(size)
    })
    .await;
    settle().await;
    gloo::utils::window().history().unwrap().back().unwrap();
    until_slow("Back to page 1", || {
        hash() == "#/" && shown(&root).first() == titles_by_date.first()
    })
    .await;
    settle().await;
    gloo::utils::window().history().unwrap().forward().unwrap();
    until_slow("Forward to page 2", || {
        hash() == "#/?page=2" && shown(&root).first() == titles_by_date.get(size)
    })
    .await;
    app.destroy();
    set_hash_quietly("#");
}

#[wasm_bindgen_test]
async fn compare_cells_name_their_article_and_link_every_passage_to_its_paragraph() {
    use parallax::pages::compare::ComparePageProps;
    use parallax::pages::ComparePage;
    use parallax::route::CompareQuery;
    let pack = parallax::seed_pack();
    let coverage = Shared::new(parallax::catalogue_coverage(&pack));
    let slugs = ["putin-statement-on-nato", "behind-closed-doors"];
    let titles: Vec<String> = slugs
        .iter()
        .map(|slug| {
            pack.articles
                .iter()
                .find(|a| a.slug == *slug)
                .unwrap()
                .title
                .clone()
        })
        .collect();
    let root = fresh_root();
    yew::Renderer::<ComparePage>::with_root_and_props(
        root.clone(),
        ComparePageProps {
            pack: Shared::new(pack),
            coverage,
            query: CompareQuery {
                articles: slugs.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            },
            on_go: Callback::noop(),
        },
    )
    .render();
    until("the columns", || {
        root.query_selector_all("section.compare-column")
            .unwrap()
            .length()
            == 2
    })
    .await;
    let mut n_passages = 0;
    for (column, (slug, title)) in slugs.iter().zip(&titles).enumerate() {
        let section = root
            .query_selector(&format!(
                "section[aria-labelledby='compare-title-{column}']"
            ))
            .unwrap()
            .expect("the column's region");
        let cells = section.query_selector_all("[role='group']").unwrap();
        assert!(cells.length() >= 2, "{title} has rows");
        for i in 0..cells.length() {
            let cell: Element = cells.item(i).unwrap().dyn_into().unwrap();
            let source = texts(&cell, ".event-cell-source");
            assert_eq!(source, [format!("In: {title}")]);
            let passages = cell.query_selector_all("figure.passage").unwrap();
            for p in 0..passages.length() {
                let figure: Element = passages.item(p).unwrap().dyn_into().unwrap();
                // The figure's id is `passage-<column>-<paragraph index>`; the link counts from 1.
                let index: usize = figure.id().rsplit('-').next().unwrap().parse().unwrap();
                let link = figure
                    .query_selector("figcaption a")
                    .unwrap()
                    .expect("a link");
                assert_eq!(
                    link.get_attribute("href").unwrap(),
                    format!("#/read/{slug}?p={}", index + 1)
                );
                assert!(link
                    .text_content()
                    .unwrap()
                    .starts_with(&format!("Paragraph {} of {title}", index + 1)));
                n_passages += 1;
            }
        }
    }
    assert!(
        n_passages >= 4,
        "the two articles share passages: {n_passages}"
    );
}

#[wasm_bindgen_test]
fn a_library_set_aside_is_never_overwritten_and_is_found_again_in_order() {
    use parallax::library::{
        forget_set_aside, set_aside_libraries, set_aside_library, LIBRARY_KEY, NOT_ANALYSED_PREFIX,
    };
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    let clear = || {
        let keys: Vec<String> = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .filter(|key| key.starts_with("parallax:library"))
            .collect();
        for key in keys {
            storage.remove_item(&key).unwrap();
        }
    };
    clear();
    assert!(!set_aside_library(), "nothing saved, nothing to move");
    assert!(set_aside_libraries().is_empty());

    // Three libraries in turn, each set aside when it could not be analysed: none overwrites another.
    for n in 1..=3 {
        storage
            .set_item(LIBRARY_KEY, &format!("library {n}"))
            .unwrap();
        assert!(set_aside_library());
        assert_eq!(
            storage.get_item(LIBRARY_KEY).unwrap(),
            None,
            "out of the way of the next save"
        );
    }
    // Numbered keys are read in their number's order, also past 9.
    storage
        .set_item(&format!("{NOT_ANALYSED_PREFIX}10"), "library 10")
        .unwrap();
    let found = set_aside_libraries();
    let keys: Vec<&str> = found
        .iter()
        .map(|(key, _)| &key[NOT_ANALYSED_PREFIX.len()..])
        .collect();
    assert_eq!(keys, ["1", "2", "3", "10"]);
    assert_eq!(found[1].1, "library 2");

    // Once one is back in the library its key goes; a new one takes the first free number.
    forget_set_aside(&found[1].0);
    storage.set_item(LIBRARY_KEY, "library 4").unwrap();
    assert!(set_aside_library());
    assert_eq!(
        storage
            .get_item(&format!("{NOT_ANALYSED_PREFIX}2"))
            .unwrap()
            .as_deref(),
        Some("library 4")
    );
    clear();
}
