//! The app's routes and their one textual form, the URL hash, so deep links work on any static host.
//!
//! Routes live after `#` because a static host serves `index.html` for the path and never sees the
//! fragment: `/parallax/#/read/x` opens the same view under any subpath with no rewrite rules.

use std::collections::BTreeMap;

use parallax_core::query::ExploreQuery;

/// Where the reader is. Routes carry ids only; pages derive what they show from the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` (also the empty hash), or `#/?q=…&author=…`: the explorer over the pack's articles, with
    /// its search text, filters and sort in the URL so a copied link reproduces the view.
    Home(ExploreQuery),
    /// `#/read/<slug>?<params>`: one article in the reader.
    Read { slug: String, params: Params },
    /// `#/compare?articles=a,b&event=id&layers=…`: articles side by side, one row per event.
    Compare(CompareQuery),
    /// `#/analyze`: paste any text and analyse it in the browser.
    Analyze,
    /// `#/lessons`: the pack's lessons and the student's progress in each.
    Lessons,
    /// `#/lesson/<id>?<params>`: one lesson, step by step (e.g. `step=3`).
    Lesson { id: String, params: Params },
    /// `#/lessons/new` (or `#/lessons/new?from=<id>`, a copy of that lesson): the lesson editor.
    LessonNew { from: Option<String> },
    /// `#/lesson/<id>/edit`: the editor for one of the teacher's own lessons.
    LessonEdit { id: String },
    /// `#/import`: a teacher's own articles and packs (paste, drop files, edit, export, load).
    Import,
    /// `#/privacy`: what Parallax stores on this device, and "Clear my data".
    Privacy,
    /// Anything else, kept verbatim so the not-found view can show what was asked for.
    NotFound(String),
}

/// Query parameters after `?` in the hash, e.g. `layers=quotes,cues`; sorted so a view has one URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params(pub BTreeMap<String, String>);

impl Params {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Sets `key`, or removes it when `value` is `None`, returning the changed parameters.
    pub fn with(mut self, key: &str, value: Option<String>) -> Params {
        match value {
            Some(value) => self.0.insert(key.to_owned(), value),
            None => self.0.remove(key),
        };
        self
    }

    fn parse(query: &str) -> Params {
        let pairs = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                (decode(key), decode(value))
            });
        Params(pairs.collect())
    }

    fn format(&self) -> String {
        let pairs: Vec<String> = self
            .0
            .iter()
            .map(|(key, value)| format!("{}={}", encode(key), encode(value)))
            .collect();
        pairs.join("&")
    }
}

/// What the compare view shows: the chosen articles in column order, the event it started from and
/// the highlight layers. Unknown slugs are kept so the view can say which ones it could not find.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareQuery {
    pub articles: Vec<String>,
    pub event: Option<String>,
    pub layers: Option<String>,
}

impl CompareQuery {
    fn parse(query: &str) -> CompareQuery {
        let params = Params::parse(query);
        let mut articles: Vec<String> = Vec::new();
        for slug in params.get("articles").unwrap_or("").split(',') {
            let slug = slug.trim();
            // A slug listed twice is one column.
            if !slug.is_empty() && !articles.iter().any(|known| known == slug) {
                articles.push(slug.to_owned());
            }
        }
        let non_empty = |key: &str| params.get(key).filter(|v| !v.is_empty()).map(str::to_owned);
        CompareQuery {
            articles,
            event: non_empty("event"),
            layers: params.get("layers").map(str::to_owned),
        }
    }

    fn format(&self) -> String {
        let params = Params::default()
            .with(
                "articles",
                (!self.articles.is_empty()).then(|| self.articles.join(",")),
            )
            .with("event", self.event.clone())
            .with("layers", self.layers.clone());
        params.format()
    }
}

impl Route {
    /// Parses `location.hash` (with or without its leading `#`). Never fails: unknown input is `NotFound`.
    pub fn from_hash(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        match segments.as_slice() {
            // The leading `?` marks where parameters start, so a raw `?` inside a value stays in it.
            [] => Route::Home(ExploreQuery::from_query_string(&format!("?{query}"))),
            ["read", slug] => Route::Read {
                slug: decode(slug),
                params: Params::parse(query),
            },
            ["analyze"] => Route::Analyze,
            ["lessons"] => Route::Lessons,
            ["lessons", "new"] => Route::LessonNew {
                from: Params::parse(query)
                    .get("from")
                    .filter(|from| !from.is_empty())
                    .map(str::to_owned),
            },
            ["lesson", id] => Route::Lesson {
                id: decode(id),
                params: Params::parse(query),
            },
            ["lesson", id, "edit"] => Route::LessonEdit { id: decode(id) },
            ["import"] => Route::Import,
            ["privacy"] => Route::Privacy,
            ["compare"] => Route::Compare(CompareQuery::parse(query)),
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    /// The hash for this route, with its leading `#`, suitable for `href` and `location.hash`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home(query) => query.to_fragment(),
            Route::Read { slug, params } => {
                let query = params.format();
                let separator = if query.is_empty() { "" } else { "?" };
                format!("#/read/{}{separator}{query}", encode(slug))
            }
            Route::Compare(query) => {
                let query = query.format();
                let separator = if query.is_empty() { "" } else { "?" };
                format!("#/compare{separator}{query}")
            }
            Route::Analyze => "#/analyze".to_owned(),
            Route::Lessons => "#/lessons".to_owned(),
            Route::Lesson { id, params } => {
                let query = params.format();
                let separator = if query.is_empty() { "" } else { "?" };
                format!("#/lesson/{}{separator}{query}", encode(id))
            }
            Route::LessonNew { from: None } => "#/lessons/new".to_owned(),
            Route::LessonNew { from: Some(from) } => format!("#/lessons/new?from={}", encode(from)),
            Route::LessonEdit { id } => format!("#/lesson/{}/edit", encode(id)),
            Route::Import => "#/import".to_owned(),
            Route::Privacy => "#/privacy".to_owned(),
            Route::NotFound(hash) => format!("#{hash}"),
        }
    }

    /// The explorer with no search text, filters or sort: every article, newest first.
    pub fn home() -> Route {
        Route::Home(ExploreQuery::default())
    }

    /// The reader route for one article with no parameters.
    pub fn read(slug: &str) -> Route {
        Route::Read {
            slug: slug.to_owned(),
            params: Params::default(),
        }
    }
}

/// Percent-encodes everything but unreserved characters, so slugs and values survive any URL handling.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as forms write it); malformed escapes stay as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(hash: &str, expected: Route) {
        let route = Route::from_hash(hash);
        assert_eq!(route, expected, "parsing {hash:?}");
        assert_eq!(
            Route::from_hash(&route.to_hash()),
            route,
            "round trip of {hash:?}"
        );
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn classroom_routes_round_trip() {
        check("#/lessons", Route::Lessons);
        check(
            "#/lesson/who-speaks?step=2",
            Route::Lesson {
                id: "who-speaks".into(),
                params: params(&[("step", "2")]),
            },
        );
        check("#/import", Route::Import);
        check("#/privacy", Route::Privacy);
        check("#/lessons/new", Route::LessonNew { from: None });
        check(
            "#/lessons/new?from=who-speaks",
            Route::LessonNew {
                from: Some("who-speaks".into()),
            },
        );
        check("#/lessons/new?from=", Route::LessonNew { from: None });
        check(
            "#/lesson/my%20lesson/edit",
            Route::LessonEdit {
                id: "my lesson".into(),
            },
        );
    }

    #[test]
    fn home_is_the_empty_hash_and_the_root() {
        check("", Route::home());
        check("#", Route::home());
        check("#/", Route::home());
        check("#/?", Route::home());
        assert_eq!(Route::home().to_hash(), "#/");
    }

    #[test]
    fn the_explorer_keeps_its_search_filters_and_sort_in_the_hash() {
        let route = Route::from_hash("#/?sort=title&author=No+byline,Martin+Haffner&q=spheres+of");
        let Route::Home(query) = &route else {
            panic!("{route:?} is not the explorer");
        };
        assert_eq!(query.text, "spheres of");
        assert_eq!(
            route.to_hash(),
            "#/?q=spheres+of&author=Martin+Haffner,No+byline&sort=title",
            "one canonical spelling per view"
        );
        check(&route.to_hash(), route.clone());
        // Parameters the explorer does not know are dropped rather than sending the reader elsewhere.
        check("#/?nonsense=1", Route::home());
        let Route::Home(query) = Route::from_hash("#/?q=why?") else {
            panic!("not the explorer");
        };
        assert_eq!(query.text, "why?");
    }

    #[test]
    fn reader_routes_carry_the_slug_and_leave_room_for_parameters() {
        check(
            "#/read/002_73400efa8faf97c7",
            Route::read("002_73400efa8faf97c7"),
        );
        check("#/read/x/", Route::read("x"));
        check(
            "#/read/x?layers=cues,quotes&q=spheres+of%20influence",
            Route::Read {
                slug: "x".into(),
                params: params(&[("layers", "cues,quotes"), ("q", "spheres of influence")]),
            },
        );
        let route = Route::Read {
            slug: "a b/ü".into(),
            params: params(&[("layers", "cues")]),
        };
        assert_eq!(route.to_hash(), "#/read/a%20b%2F%C3%BC?layers=cues");
        assert_eq!(Route::from_hash(&route.to_hash()), route);
    }

    #[test]
    fn parameters_have_one_canonical_order() {
        let a = Route::from_hash("#/read/x?b=2&a=1");
        let b = Route::from_hash("#/read/x?a=1&b=2");
        assert_eq!(a, b);
        assert_eq!(a.to_hash(), "#/read/x?a=1&b=2");
    }

    #[test]
    fn compare_routes_carry_the_articles_in_column_order_the_event_and_the_layers() {
        let compare = |articles: &[&str], event: Option<&str>, layers: Option<&str>| {
            Route::Compare(CompareQuery {
                articles: articles.iter().map(|s| s.to_string()).collect(),
                event: event.map(str::to_owned),
                layers: layers.map(str::to_owned),
            })
        };
        check("#/compare", compare(&[], None, None));
        check(
            "#/compare?articles=b,a&event=nato-enlargement&layers=quotes,cues",
            compare(&["b", "a"], Some("nato-enlargement"), Some("quotes,cues")),
        );
        assert_eq!(
            Route::from_hash("#/compare?articles=b,,a,b&event=").to_hash(),
            "#/compare?articles=b,a",
            "empty and repeated slugs are dropped, column order is kept"
        );
    }

    #[test]
    fn analyze_route() {
        check("#/analyze", Route::Analyze);
    }

    #[test]
    fn unknown_routes_are_kept_for_the_not_found_view() {
        check("#/nowhere", Route::NotFound("/nowhere".into()));
        check("#/read", Route::NotFound("/read".into()));
        check("#/read/a/b", Route::NotFound("/read/a/b".into()));
        check("#/read/%zz%", Route::read("%zz%"));
    }
}
