//! The article inside a saved web page: its body without the page around it (a readability-style
//! scorer), and its title, byline and date from the page's markup.
//!
//! How the body is found, in order:
//! 1. Elements that are never the article are set aside with a reason: scripts and styles, forms
//!    (comment forms, newsletter sign-ups), `nav`, `aside`, `footer`, the page's `header`, dialogs,
//!    ARIA landmarks other than the main one, and elements whose class or id says what they are
//!    (`comments`, `share`, `related`, `cookie`, `newsletter`, `promo`, `sidebar`, …).
//! 2. Every paragraph-like block left scores by its length and its commas; its parent gets the
//!    score and its grandparent half of it. A container marked as the article (`<article>`,
//!    `<main>`, `itemprop=articleBody`, a class such as `article-body`) scores more; one made mostly
//!    of links scores less.
//! 3. The best container's blocks (paragraphs, sub-headings, list items, quotes) are the body.
//!
//! Nothing depends on a particular site: the rules read the structure and the words pages use
//! for their own parts.

use super::html::{collapse_space, Document, Node};

/// What the page's markup says about the article, each value as printed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The byline as printed on the page ("By Jane Doe"), when there is one.
    pub byline: Option<String>,
    /// The author's name, from the byline, a meta tag or JSON-LD.
    pub author: Option<String>,
    /// The date as printed (`<time>`'s text), else the machine date from meta tags or JSON-LD.
    pub date: Option<String>,
    pub site: Option<String>,
}

/// A part of the page that is not the article, kept so the reader can see what was taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct SetAside {
    /// Byte offset in the page where the part starts.
    pub start: usize,
    pub text: String,
    pub reason: &'static str,
}

/// The body as paragraphs of plain text, and what was set aside on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub paragraphs: Vec<String>,
    pub set_aside: Vec<SetAside>,
    pub meta: PageMeta,
}

/// Class and id words that name page furniture, not the article.
const UNLIKELY: &[(&str, &str)] = &[
    ("comment", "comments"),
    ("respond", "comments"),
    ("reply", "comments"),
    ("disqus", "comments"),
    ("share", "share buttons"),
    ("social", "share buttons"),
    ("sharing", "share buttons"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("more-stories", "related links"),
    ("read-more", "related links"),
    ("trending", "related links"),
    ("popular", "related links"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("cookie", "cookie banner"),
    ("consent", "cookie banner"),
    ("gdpr", "cookie banner"),
    ("newsletter", "newsletter sign-up"),
    ("subscribe", "newsletter sign-up"),
    ("signup", "newsletter sign-up"),
    ("paywall", "subscription prompt"),
    ("promo", "advertising"),
    ("advert", "advertising"),
    ("sponsor", "advertising"),
    ("banner", "banner"),
    ("sidebar", "sidebar"),
    ("widget", "sidebar"),
    ("breadcrumb", "navigation"),
    ("navbar", "navigation"),
    ("menu", "navigation"),
    ("skip-link", "navigation"),
    ("pagination", "navigation"),
    ("masthead", "page header"),
    ("site-header", "page header"),
    ("site-footer", "page footer"),
    ("footer", "page footer"),
    ("modal", "pop-up"),
    ("popup", "pop-up"),
    ("tags", "tag list"),
    ("author-bio", "author box"),
];
/// Class and id words that name the article itself; they win over [`UNLIKELY`].
const LIKELY: &[&str] = &[
    "article",
    "story",
    "entry-content",
    "post-content",
    "post-body",
    "content-body",
    "main",
    "body-text",
    "articlebody",
    "article-body",
    "story-body",
    "text",
];

/// Blocks whose text becomes one paragraph each.
const PARAGRAPH_BLOCKS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "td",
];

fn class_words(document: &Document, index: usize) -> String {
    let element = document.element(index).expect("an element");
    format!(
        "{} {}",
        element.attr("class").unwrap_or(""),
        element.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase()
}

/// Why `index` is not part of the article, or `None` when it may be.
fn unlikely(document: &Document, index: usize, inside_article: bool) -> Option<&'static str> {
    let element = document.element(index)?;
    let by_name = match element.name.as_str() {
        "script" | "style" | "noscript" | "template" | "link" | "meta" | "svg" | "canvas"
        | "iframe" | "object" | "embed" | "video" | "audio" => Some("script or embedded content"),
        "form" | "input" | "button" | "select" | "textarea" | "label" => Some("form"),
        "nav" | "menu" => Some("navigation"),
        "aside" => Some("aside"),
        "footer" => Some(if inside_article {
            "article footer"
        } else {
            "page footer"
        }),
        // An article's own header holds its title and byline, which are read as metadata.
        "header" => Some(if inside_article {
            "article header (kept as metadata)"
        } else {
            "page header"
        }),
        "dialog" => Some("pop-up"),
        "h1" => Some("title (kept as metadata)"),
        "time" if inside_article => None,
        _ => None,
    };
    if by_name.is_some() {
        return by_name;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return Some("hidden");
    }
    match element.attr("role").unwrap_or("") {
        "navigation" | "menubar" | "menu" => return Some("navigation"),
        "banner" => return Some("page header"),
        "contentinfo" => return Some("page footer"),
        "complementary" => return Some("aside"),
        "dialog" | "alertdialog" => return Some("pop-up"),
        "search" => return Some("search form"),
        _ => {}
    }
    let words = class_words(document, index);
    if words.trim().is_empty()
        || matches!(element.name.as_str(), "article" | "main" | "body" | "html")
    {
        return None;
    }
    if is_byline_element(document, index) || is_date_element(document, index) {
        return Some("byline or date (kept as metadata)");
    }
    let likely = LIKELY.iter().any(|word| words.contains(word));
    UNLIKELY
        .iter()
        .find(|(word, _)| words.contains(word))
        .filter(|(word, _)| {
            !likely
                || matches!(
                    *word,
                    "comment" | "share" | "related" | "cookie" | "newsletter"
                )
        })
        .map(|(_, reason)| *reason)
}

fn is_byline_element(document: &Document, index: usize) -> bool {
    let Some(element) = document.element(index) else {
        return false;
    };
    let words = class_words(document, index);
    (words.contains("byline")
        || element.attr("rel") == Some("author")
        || element.attr("itemprop") == Some("author")
        || words.split_whitespace().any(|w| w == "author"))
        && document.text(index).len() < 120
}

fn is_date_element(document: &Document, index: usize) -> bool {
    let Some(element) = document.element(index) else {
        return false;
    };
    let words = class_words(document, index);
    element.name != "time"
        && (words.contains("dateline")
            || words.contains("published")
            || words.contains("timestamp")
            || words.split_whitespace().any(|w| w == "date"))
        && document.text(index).len() < 80
}

fn marked_as_article(document: &Document, index: usize) -> bool {
    let Some(element) = document.element(index) else {
        return false;
    };
    element.name == "article"
        || element.name == "main"
        || element.attr("role") == Some("main")
        || element.attr("itemprop") == Some("articleBody")
        || LIKELY
            .iter()
            .any(|word| class_words(document, index).contains(word))
}

/// Extracts the article body and its metadata from a parsed page.
pub fn extract(document: &Document) -> Extracted {
    let meta = page_meta(document);
    let n_nodes = document.nodes.len();
    // Pass 1: set aside what is never the article; note which elements sit inside an <article>.
    let mut removed = vec![false; n_nodes];
    let mut set_aside = Vec::new();
    let mut stack: Vec<(usize, bool)> = vec![(0, false)];
    while let Some((index, inside_article)) = stack.pop() {
        let Some(element) = document.element(index) else {
            continue;
        };
        if index != 0 {
            if let Some(reason) = unlikely(document, index, inside_article) {
                removed[index] = true;
                let text = document.text(index);
                if !text.is_empty()
                    && !matches!(
                        element.name.as_str(),
                        "script" | "style" | "noscript" | "template"
                    )
                {
                    set_aside.push(SetAside {
                        start: element.start,
                        text: shorten(&text, 240),
                        reason,
                    });
                }
                continue;
            }
        }
        let inside = inside_article || element.name == "article" || element.name == "main";
        for &child in element.children.iter().rev() {
            stack.push((child, inside));
        }
    }

    // Pass 2: score paragraph-like blocks into their containers.
    let mut score = vec![0.0f64; n_nodes];
    let mut parent = vec![usize::MAX; n_nodes];
    for index in document.descendants(0) {
        for &child in document.children(index) {
            parent[child] = index;
        }
    }
    let visible = |index: usize| -> bool {
        let mut at = index;
        loop {
            if removed[at] {
                return false;
            }
            if at == 0 {
                return true;
            }
            at = parent[at];
        }
    };
    let mut blocks = Vec::new();
    for index in document.descendants(0) {
        let element = document.element(index).expect("descendants are elements");
        let paragraph_like = PARAGRAPH_BLOCKS.contains(&element.name.as_str())
            || (element.name == "div" && has_direct_text(document, index));
        if !paragraph_like {
            continue;
        }
        if !visible(index) {
            continue;
        }
        let text = visible_text(document, index, &removed);
        if text.chars().count() < 25 {
            continue;
        }
        let commas = text.matches([',', '،', '，']).count() as f64;
        let length_points = (text.chars().count() as f64 / 100.0).min(3.0);
        let points = 1.0 + commas + length_points;
        let up = parent[index];
        if up != usize::MAX {
            score[up] += points;
            let grand = parent[up];
            if grand != usize::MAX {
                score[grand] += points / 2.0;
            }
        }
        blocks.push(index);
    }
    let mut best: Option<(usize, f64)> = None;
    for index in document.descendants(0) {
        if score[index] <= 0.0 || !visible(index) {
            continue;
        }
        let mut value = score[index];
        if marked_as_article(document, index) {
            value *= 1.5;
            value += 10.0;
        }
        value *= 1.0 - link_density(document, index, &removed);
        if best.is_none_or(|(_, best_value)| value > best_value) {
            best = Some((index, value));
        }
    }
    let Some((container, _)) = best else {
        return Extracted {
            paragraphs: Vec::new(),
            set_aside,
            meta,
        };
    };
    // A container that is only the first of several sibling sections (a story split into <section>s)
    // widens to its parent when the parent holds more of the article's text than the container.
    let container = widen(document, container, &score, &parent, &removed);

    // Pass 3: the body is the container's paragraph blocks, outermost only.
    let mut paragraphs = Vec::new();
    collect_blocks(document, container, &removed, &mut paragraphs);
    let paragraphs = paragraphs
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect();
    Extracted {
        paragraphs,
        set_aside,
        meta,
    }
}

fn widen(
    document: &Document,
    container: usize,
    score: &[f64],
    parent: &[usize],
    removed: &[bool],
) -> usize {
    let up = parent[container];
    if up == usize::MAX || up == 0 {
        return container;
    }
    let siblings_with_text = document
        .children(up)
        .iter()
        .filter(|&&child| {
            child != container
                && !removed[child]
                && score[child] >= score[container] * 0.3
                && score[child] > 2.0
        })
        .count();
    if siblings_with_text > 0 && link_density(document, up, removed) < 0.3 {
        up
    } else {
        container
    }
}

fn has_direct_text(document: &Document, index: usize) -> bool {
    document
        .children(index)
        .iter()
        .any(|&child| matches!(&document.nodes[child], Node::Text(text) if text.trim().len() >= 25))
}

/// The text under `index`, leaving out set-aside elements.
fn visible_text(document: &Document, index: usize, removed: &[bool]) -> String {
    let mut out = String::new();
    fn walk(document: &Document, index: usize, removed: &[bool], out: &mut String) {
        if removed[index] {
            return;
        }
        match &document.nodes[index] {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                if matches!(
                    element.name.as_str(),
                    "script" | "style" | "template" | "noscript"
                ) {
                    return;
                }
                let spaced = element.name == "br" || element.name == "td" || element.name == "li";
                if spaced {
                    out.push(' ');
                }
                for &child in &element.children {
                    walk(document, child, removed, out);
                }
                if spaced {
                    out.push(' ');
                }
            }
        }
    }
    walk(document, index, removed, &mut out);
    collapse_space(&out)
}

/// The share of the visible text under `index` that sits inside links.
fn link_density(document: &Document, index: usize, removed: &[bool]) -> f64 {
    let total = visible_text(document, index, removed).chars().count();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = document
        .descendants(index)
        .into_iter()
        .filter(|&at| document.element(at).is_some_and(|e| e.name == "a"))
        .map(|at| visible_text(document, at, removed).chars().count())
        .sum();
    (linked as f64 / total as f64).min(1.0)
}

fn collect_blocks(document: &Document, index: usize, removed: &[bool], out: &mut Vec<String>) {
    if removed[index] {
        return;
    }
    let Some(element) = document.element(index) else {
        return;
    };
    let name = element.name.as_str();
    let is_block = PARAGRAPH_BLOCKS.contains(&name);
    let nested_blocks = document.descendants(index).into_iter().skip(1).any(|at| {
        document
            .element(at)
            .is_some_and(|e| PARAGRAPH_BLOCKS.contains(&e.name.as_str()) && e.name != "li")
    });
    if is_block && !(nested_blocks && matches!(name, "li" | "blockquote" | "td" | "dd")) {
        let text = visible_text(document, index, removed);
        // A list item or short block that is only a link is a teaser, not prose.
        let only_link = link_density(document, index, removed) > 0.8 && text.chars().count() < 120;
        if !text.is_empty() && !only_link {
            out.push(text);
        }
        return;
    }
    // Loose text directly inside a container (pages without <p>) becomes a paragraph per run.
    let mut loose = String::new();
    for &child in &element.children {
        match &document.nodes[child] {
            Node::Text(text) => loose.push_str(text),
            Node::Element(child_element)
                if matches!(
                    child_element.name.as_str(),
                    "a" | "b"
                        | "strong"
                        | "em"
                        | "i"
                        | "span"
                        | "q"
                        | "cite"
                        | "abbr"
                        | "small"
                        | "sup"
                        | "sub"
                        | "mark"
                        | "u"
                        | "s"
                        | "time"
                ) =>
            {
                loose.push_str(&visible_text(document, child, removed));
                loose.push(' ');
            }
            Node::Element(child_element) => {
                if child_element.name == "br" {
                    loose.push('\n');
                    continue;
                }
                flush_loose(&mut loose, out);
                collect_blocks(document, child, removed, out);
            }
        }
    }
    flush_loose(&mut loose, out);
}

fn flush_loose(loose: &mut String, out: &mut Vec<String>) {
    for line in loose.split('\n') {
        let text = collapse_space(line);
        if text.chars().count() >= 2 {
            out.push(text);
        }
    }
    loose.clear();
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

/// Title, byline, date and site name from the page's markup. Printed values win over machine ones.
pub fn page_meta(document: &Document) -> PageMeta {
    let mut metas: Vec<(String, String)> = Vec::new();
    for index in document.find_all("meta") {
        let element = document.element(index).expect("an element");
        let key = element
            .attr("property")
            .or(element.attr("name"))
            .or(element.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some(content) = element.attr("content") {
            let content = collapse_space(content);
            if !key.is_empty() && !content.is_empty() {
                metas.push((key, content));
            }
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| metas.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    };
    let json_ld = json_ld(document);

    let site = meta(&["og:site_name", "application-name"]).or_else(|| json_ld.publisher.clone());
    let h1 = document
        .find_all("h1")
        .into_iter()
        .map(|index| document.text(index))
        .find(|text| !text.is_empty());
    let document_title = document
        .find_all("title")
        .first()
        .map(|&index| collapse_space(&document.raw_text(index)))
        .filter(|text| !text.is_empty())
        .map(|title| strip_site_suffix(&title, site.as_deref()));
    let title = h1
        .or(json_ld.headline.clone())
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or(document_title);

    let byline_text = document.descendants(0).into_iter().find_map(|index| {
        let element = document.element(index)?;
        let words = class_words(document, index);
        let looks = words.contains("byline")
            || element.attr("rel") == Some("author")
            || element.attr("itemprop") == Some("author");
        let text = document.text(index);
        (looks && !text.is_empty() && text.len() < 120).then_some(text)
    });
    let author = json_ld
        .author
        .clone()
        .or_else(|| {
            meta(&[
                "author",
                "article:author",
                "byl",
                "parsely-author",
                "sailthru.author",
            ])
        })
        .filter(|name| !name.starts_with("http"))
        .map(|name| {
            name.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_owned()
        })
        .or_else(|| byline_text.as_deref().map(name_from_byline));
    let byline = byline_text
        .map(|text| {
            // A byline element that holds only the name ("Jane Doe") is printed as "By Jane Doe".
            if text.to_lowercase().starts_with("by ") {
                text
            } else {
                format!("By {text}")
            }
        })
        .or_else(|| author.as_ref().map(|name| format!("By {name}")));

    let printed_time = document.find_all("time").into_iter().find_map(|index| {
        let text = document.text(index);
        let element = document.element(index)?;
        if !text.is_empty() {
            Some(text)
        } else {
            element.attr("datetime").map(str::to_owned)
        }
    });
    let date = printed_time
        .or(json_ld.date.clone())
        .or_else(|| {
            meta(&[
                "article:published_time",
                "datepublished",
                "date",
                "dc.date",
                "pubdate",
            ])
        })
        .map(|date| tidy_machine_date(&date));
    PageMeta {
        title,
        byline,
        author,
        date,
        site,
    }
}

/// "2024-03-05T09:30:00Z" → "2024-03-05": the time of day is not what a reader compares.
fn tidy_machine_date(date: &str) -> String {
    let bytes = date.as_bytes();
    let iso_like = bytes.len() > 10
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'T';
    if iso_like {
        date[..10].to_owned()
    } else {
        date.to_owned()
    }
}

/// "By Jane Doe and John Roe, Reuters" → "Jane Doe and John Roe".
fn name_from_byline(byline: &str) -> String {
    let name = byline.trim();
    let name = name
        .strip_prefix("By ")
        .or_else(|| name.strip_prefix("by "))
        .or_else(|| name.strip_prefix("BY "))
        .unwrap_or(name);
    let name = name.split(['|', '•', '·']).next().unwrap_or(name);
    let name = name.split(", ").next().unwrap_or(name);
    name.trim().to_owned()
}

/// "Title | The Daily Example" → "Title" when the suffix is the site's name (or short and after a separator).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let is_site = site.is_some_and(|site| tail.trim().eq_ignore_ascii_case(site.trim()))
                || tail.split_whitespace().count() <= 4;
            if is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
}

/// Reads `<script type="application/ld+json">` blocks for an article's headline, author and date.
/// Blocks that are not valid JSON are ignored: they are the page's business, not the reader's.
fn json_ld(document: &Document) -> JsonLd {
    let mut found = JsonLd::default();
    for index in document.find_all("script") {
        let element = document.element(index).expect("an element");
        if !element
            .attr("type")
            .is_some_and(|kind| kind.eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&document.raw_text(index)) else {
            continue;
        };
        let mut items = Vec::new();
        flatten_ld(&value, &mut items);
        for item in items {
            let kind = item.get("@type").map(type_names).unwrap_or_default();
            if !kind.iter().any(|k| {
                k.ends_with("Article") || k == "Report" || k == "BlogPosting" || k == "WebPage"
            }) {
                continue;
            }
            let text = |key: &str| {
                item.get(key)
                    .and_then(|v| v.as_str())
                    .map(collapse_space)
                    .filter(|s| !s.is_empty())
            };
            found.headline = found
                .headline
                .or_else(|| text("headline"))
                .or_else(|| text("name").filter(|_| kind.iter().any(|k| k != "WebPage")));
            found.date = found.date.or_else(|| text("datePublished"));
            if found.author.is_none() {
                found.author = item.get("author").and_then(names_of);
            }
            if found.publisher.is_none() {
                found.publisher = item.get("publisher").and_then(names_of);
            }
        }
    }
    found
}

fn flatten_ld<'v>(value: &'v serde_json::Value, out: &mut Vec<&'v serde_json::Value>) {
    match value {
        serde_json::Value::Array(items) => items.iter().for_each(|item| flatten_ld(item, out)),
        serde_json::Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                flatten_ld(graph, out);
            }
        }
        _ => {}
    }
}

fn type_names(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(name) => vec![name.clone()],
        serde_json::Value::Array(names) => names
            .iter()
            .filter_map(|n| n.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// "Jane Doe", {"name": "Jane Doe"} or a list of them → "Jane Doe and John Roe".
fn names_of(value: &serde_json::Value) -> Option<String> {
    let names: Vec<String> = match value {
        serde_json::Value::String(name) => vec![name.clone()],
        serde_json::Value::Object(map) => map
            .get("name")
            .and_then(|n| n.as_str())
            .map(str::to_owned)
            .into_iter()
            .collect(),
        serde_json::Value::Array(items) => items.iter().filter_map(names_of).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| collapse_space(n))
        .filter(|n| !n.is_empty() && !n.starts_with("http"))
        .collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [rest @ .., last] => Some(format!("{} and {last}", rest.join(", "))),
    }
}
