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
