//! The messages between the app and the analysis worker, as JSON strings.
//!
//! The app sends a [`Request`]; the worker answers every request with exactly one [`Reply::Done`]
//! carrying the same id. Before the first request can be handled the worker says [`Reply::Ready`]; if
//! its engine cannot start, its loader script says [`Reply::LoadFailed`] (as the JSON string
//! `"LoadFailed"`, so the loader needs no Wasm to say it). [`handle`] is the whole worker-side logic, so
//! it runs (and is tested) natively as well.

use parallax_core::import::{self, Imported};
use parallax_core::pack::{Pack, StoredPack};
use parallax_core::Analysis;
use serde::{Deserialize, Serialize};

/// A job for the worker, numbered by the app so the answer finds its caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub id: u32,
    pub job: Job,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Analyse this text.
    Analyse(String),
    /// Read this pack file (JSON, any loadable version) and re-analyse every article with the current engine.
    Upgrade(String),
    /// Turn this file's decoded text into an article's text by its kind (`name` says it): a saved
    /// page is parsed and its article extracted, with what was removed and why
    /// ([`import::read_decoded`]). The page checked the file's size and that it is text, and decoded it.
    Import { name: String, text: String },
}

/// What the worker says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The engine has started and handles requests from now on.
    Ready,
    /// The engine could not start (its files could not be fetched or compiled).
    LoadFailed,
    /// The answer to request `id`.
    Done {
        id: u32,
        result: Result<Outcome, String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Analysis(Box<Analysis>),
    Pack(Pack),
    Imported(Box<Imported>),
}

/// What the app shows when a message from the worker makes no sense (a build mixing two versions).
pub const GARBLED: &str =
    "The analysis engine sent an answer this page cannot read. Reload the page and try again.";

pub fn encode<T: Serialize>(message: &T) -> String {
    serde_json::to_string(message).expect("requests and replies always serialize")
}

/// Reads a reply on the app's side.
pub fn decode_reply(json: &str) -> Result<Reply, String> {
    serde_json::from_str(json).map_err(|_| GARBLED.to_owned())
}

/// The worker's side: one request in, one reply out. Never panics on any input.
pub fn handle(json: &str) -> String {
    let request: Request = match serde_json::from_str(json) {
        Ok(request) => request,
        // Without an id there is no one to answer; id 0 is never used by the app.
        Err(_) => {
            return encode(&Reply::Done {
                id: 0,
                result: Err("The analysis engine received a request it cannot read.".to_owned()),
            })
        }
    };
    let result = match request.job {
        Job::Analyse(text) => Ok(Outcome::Analysis(Box::new(parallax_core::analyze(&text)))),
        Job::Upgrade(json) => upgrade(&json).map(Outcome::Pack),
        Job::Import { name, text } => import::read_decoded(&name, &text)
            .map(|imported| Outcome::Imported(Box::new(imported)))
            .map_err(|refusal| refusal.to_string()),
    };
    encode(&Reply::Done {
        id: request.id,
        result,
    })
}

fn upgrade(json: &str) -> Result<Pack, String> {
    let stored: StoredPack = serde_json::from_str(json).map_err(|error| {
        format!(
            "This file is not a Parallax pack Parallax can read (line {}, column {}).",
            error.line(),
            error.column()
        )
    })?;
    stored
        .upgrade()
        .map_err(|message| format!("This pack cannot be opened: {message}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(reply: String) -> (u32, Result<Outcome, String>) {
        match decode_reply(&reply).expect("the worker's reply decodes") {
            Reply::Done { id, result } => (id, result),
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn an_analysis_survives_the_round_trip_exactly() {
        let text = "Ministers met on Tuesday.\n\n\"We will not back down,\" said Jane Doe, a spokeswoman. \
                    Critics called the plan reckless, according to officials.";
        let request = encode(&Request {
            id: 7,
            job: Job::Analyse(text.to_owned()),
        });
        let (id, result) = done(handle(&request));
        assert_eq!(id, 7);
        assert_eq!(
            result,
            Ok(Outcome::Analysis(Box::new(parallax_core::analyze(text)))),
            "the app must see exactly what the engine computed"
        );
    }

    #[test]
    fn text_that_looks_like_json_or_markup_stays_text() {
        let text = "\"}],\"id\":9} <script>alert(1)</script> \u{2028} é";
        let request = encode(&Request {
            id: 1,
            job: Job::Analyse(text.to_owned()),
        });
        let (id, result) = done(handle(&request));
        assert_eq!(id, 1);
        let Ok(Outcome::Analysis(analysis)) = result else {
            panic!("expected an analysis")
        };
        assert!(analysis.text.contains("<script>alert(1)</script>"));
    }

    #[test]
    fn unreadable_requests_get_a_sentence_not_a_panic() {
        let (id, result) = done(handle("not json"));
        assert_eq!(id, 0);
        assert_eq!(
            result,
            Err("The analysis engine received a request it cannot read.".to_owned())
        );
    }

    #[test]
    fn packs_are_upgraded_and_bad_packs_explained() {
        let seed = crate::SEED_PACK_JSON;
        let request = encode(&Request {
            id: 3,
            job: Job::Upgrade(seed.to_owned()),
        });
        let (_, result) = done(handle(&request));
        let Ok(Outcome::Pack(pack)) = result else {
            panic!("the seed pack upgrades")
        };
        let direct = serde_json::from_str::<StoredPack>(seed)
            .unwrap()
            .upgrade()
            .unwrap();
        assert!(
            pack == direct,
            "the worker returns exactly what StoredPack::upgrade computes"
        );
        assert_eq!(pack.articles.len(), crate::seed_pack().articles.len());

        let request = encode(&Request {
            id: 4,
            job: Job::Upgrade("{\"version\": 1".to_owned()),
        });
        assert_eq!(
            done(handle(&request)),
            (
                4,
                Err(
                    "This file is not a Parallax pack Parallax can read (line 1, column 13)."
                        .to_owned()
                )
            )
        );

        let newer = seed.replacen(
            &format!("\"version\":{}", parallax_core::pack::PACK_VERSION),
            "\"version\":999",
            1,
        );
        let request = encode(&Request {
            id: 5,
            job: Job::Upgrade(newer),
        });
        let (_, result) = done(handle(&request));
        let message = result.expect_err("a newer pack is refused");
        assert!(
            message.starts_with("This pack cannot be opened: this pack has format version 999"),
            "{message}"
        );
    }

    #[test]
    fn the_loader_s_failure_message_is_a_reply() {
        // The loader script writes this JSON by hand; it must stay what `Reply::LoadFailed` encodes to.
        assert_eq!(encode(&Reply::LoadFailed), "\"LoadFailed\"");
        assert_eq!(decode_reply("\"LoadFailed\""), Ok(Reply::LoadFailed));
        assert_eq!(decode_reply("{\"Done\":1}"), Err(GARBLED.to_owned()));
    }

    /// A saved page as a browser writes it: the article among navigation, a cookie banner, comments
    /// and scripts (written for this test).
    const SAVED_PAGE: &str = "<!DOCTYPE html>
<html lang=\"en\"><head><meta charset=\"utf-8\">
<title>Ferry timetable changes for the winter | The Island Courier</title>
<script>window.track = function () {};</script>
</head><body>
<nav><ul><li><a href=\"/news\">News desk</a></li><li><a href=\"/sport\">Sport pages</a></li></ul></nav>
<div class=\"cookie-banner\"><p>We use cookies to personalise adverts. Accept our cookie policy.</p></div>
<main><article>
<h1>Ferry timetable changes for the winter</h1>
<p class=\"byline\">By Orla Keane</p>
<p>The morning ferry will leave twenty minutes later from November, the operator said on Friday, after complaints from parents whose children missed the first school bell.</p>
<p>\"We listened to the families on the island,\" said the operator's manager, Declan Hughes.</p>
</article>
<section class=\"comments\"><h2>Comments</h2><p>Write your comment here</p></section>
</main>
<script>document.body.dataset.tracked = 'yes';</script>
</body></html>";

    #[test]
    fn saved_pages_are_extracted_in_the_worker_exactly_as_read_file_does() {
        let request = encode(&Request {
            id: 11,
            job: Job::Import {
                name: "ferry.html".to_owned(),
                text: SAVED_PAGE.to_owned(),
            },
        });
        let (id, result) = done(handle(&request));
        assert_eq!(id, 11);
        let Ok(Outcome::Imported(imported)) = result else {
            panic!("expected the extracted page, got {result:?}")
        };
        assert_eq!(
            *imported,
            import::read_file("ferry.html", SAVED_PAGE.as_bytes()).unwrap(),
            "the worker extracts what the importer extracts"
        );
        assert_eq!(
            imported.text,
            "Ferry timetable changes for the winter\n\nBy Orla Keane\n\n\
             The morning ferry will leave twenty minutes later from November, the operator said on Friday, after complaints from parents whose children missed the first school bell.\n\n\
             \"We listened to the families on the island,\" said the operator's manager, Declan Hughes."
        );
        let removed: Vec<String> = imported
            .removed
            .iter()
            .map(|r| format!("line {}: {} — {}", r.line, r.text, r.reason))
            .collect();
        assert_eq!(
            removed,
            [
                "line 6: News deskSport pages — navigation (in the saved page)",
                "line 7: We use cookies to personalise adverts. Accept our cookie policy. — cookie banner (in the saved page)",
                "line 9: Ferry timetable changes for the winter — title (kept as metadata) (in the saved page)",
                "line 10: By Orla Keane — byline or date (kept as metadata) (in the saved page)",
                "line 14: Comments Write your comment here — comments (in the saved page)",
            ]
        );
    }

    #[test]
    fn text_and_markdown_files_go_through_the_same_request() {
        let request = encode(&Request {
            id: 12,
            job: Job::Import {
                name: "notes.md".to_owned(),
                text: "---\ntitle: Bridge reopens\n---\n\nThe *bridge* reopened on Monday."
                    .to_owned(),
            },
        });
        let (_, result) = done(handle(&request));
        let Ok(Outcome::Imported(imported)) = result else {
            panic!("expected the imported text, got {result:?}")
        };
        assert_eq!(imported.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(
            imported.text,
            "Bridge reopens\n\nThe bridge reopened on Monday."
        );
    }

    #[test]
    fn a_page_with_no_article_or_too_much_text_is_refused_with_the_importer_s_sentence() {
        let empty = encode(&Request {
            id: 13,
            job: Job::Import {
                name: "empty.html".to_owned(),
                text: "<html><body><nav><a href=\"/\">Home</a></nav></body></html>".to_owned(),
            },
        });
        assert_eq!(
            done(handle(&empty)),
            (13, Err("There is no text in it to analyse.".to_owned()))
        );
        let long = "Officials said the bridge would reopen. ".repeat(60_000);
        let request = encode(&Request {
            id: 14,
            job: Job::Import {
                name: "long.txt".to_owned(),
                text: long,
            },
        });
        let (_, result) = done(handle(&request));
        let message = result.expect_err("over 2 MB of text is refused");
        assert!(
            message.starts_with("This is 2.3 MB; Parallax reads up to 2 MB at a time"),
            "{message}"
        );
    }
}
