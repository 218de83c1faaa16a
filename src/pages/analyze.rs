//! The paste-and-analyse page: any text, analysed in the browser by the same engine that built the pack.
//! While the analysis worker works, a polite status says so and offers to cancel.

use std::rc::Rc;

use parallax_core::pack::PackArticle;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::analyser::{Analyser, Ticket};
use crate::components::ArticleView;
use crate::state::{check_paste, Action, Shared, MAX_PASTE_BYTES};

#[derive(Properties, PartialEq)]
pub struct AnalyzePageProps {
    pub pasted: Option<Shared<PackArticle>>,
    pub error: Option<AttrValue>,
    /// The app's analyser: the page sends the text and can cancel the work.
    pub analyser: Analyser,
    /// The app's reducer: the pasted text (`Analyse`), its analysis (`Pasted`), keeping it (`AddArticles`).
    pub on_library: Callback<Action>,
}

/// How many of this page's analyses are still running.
#[derive(Default, PartialEq)]
struct Running(usize);

enum Step {
    Started,
    Finished,
}

impl Reducible for Running {
    type Action = Step;
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new(Running(match step {
            Step::Started => self.0 + 1,
            Step::Finished => self.0.saturating_sub(1),
        }))
    }
}

#[component]
pub fn AnalyzePage(props: &AnalyzePageProps) -> Html {
    let text_ref = use_node_ref();
    // Highlight layers of a pasted text live here, not in the URL: the text itself is not in the URL either.
    let layers = use_state(|| None::<String>);
    let running = use_reducer(Running::default);
    // This page's requests to the analyser, so that cancelling stops them and nobody else's (such as
    // the library being analysed again after an update).
    let tickets = use_mut_ref(Vec::<Ticket>::new);
    let onsubmit = {
        let (text_ref, analyser, on_library, layers, running, tickets) = (
            text_ref.clone(),
            props.analyser.clone(),
            props.on_library.clone(),
            layers.clone(),
            running.dispatcher(),
            tickets.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(textarea) = text_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = textarea.value();
            layers.set(None);
            // The reducer checks the text and shows why it is refused; only a text it accepts is sent.
            let accepted = check_paste(&text).is_ok();
            on_library.emit(Action::Analyse(text.clone()));
            if accepted {
                running.dispatch(Step::Started);
                let (on_library, running) = (on_library.clone(), running.clone());
                let ticket = analyser.analyse(
                    text,
                    Callback::from(move |result: Result<parallax_core::Analysis, String>| {
                        running.dispatch(Step::Finished);
                        on_library.emit(Action::Pasted(result.map(Box::new)));
                    }),
                );
                tickets.borrow_mut().push(ticket);
            }
        })
    };
    let busy = running.0 > 0;
    let on_cancel = {
        let (analyser, text_ref, tickets) =
            (props.analyser.clone(), text_ref.clone(), tickets.clone());
        Callback::from(move |_: MouseEvent| {
            // The page's waiting requests hear that they were cancelled (and get `Finished` that way);
            // answered ones are ignored, and other callers' requests go on.
            for ticket in tickets.borrow_mut().drain(..) {
                analyser.cancel(ticket);
            }
            // The button goes away: focus returns to the text, which is kept as it was.
            if let Some(textarea) = text_ref.cast::<web_sys::HtmlElement>() {
                let _ = textarea.focus();
            }
        })
    };
    let on_set_layers = {
        let layers = layers.clone();
        Callback::from(move |value: Option<String>| layers.set(value))
    };
    let limit = format!(
        "Up to {} MB of plain text. It is analysed on this device and never sent anywhere.",
        MAX_PASTE_BYTES / (1024 * 1024)
    );
    let on_keep = {
        let (pasted, on_library) = (props.pasted.clone(), props.on_library.clone());
        Callback::from(move |_| {
            if let Some(pasted) = &pasted {
                let mut article = (**pasted).clone();
                article.slug = parallax_core::import::slug(&article.title, |_| false);
                on_library.emit(Action::AddArticles(vec![article]));
            }
        })
    };
    html! {
        <div class="analyze">
            <h1>{ "Analyse a text" }</h1>
            <form class="paste-form" {onsubmit}>
                <label for="article-text">{ "Article text" }</label>
                <p class="hint" id="article-text-hint">{ limit }</p>
                <textarea
                    id="article-text"
                    ref={text_ref}
                    rows="12"
                    spellcheck="false"
                    aria-describedby="article-text-hint"
                    aria-invalid={props.error.as_ref().map(|_| "true")}
                />
                if let Some(error) = &props.error {
                    <p class="error" role="alert">{ error.clone() }</p>
                }
                <button type="submit" class="button">{ "Analyse" }</button>
            </form>
            <div class="analyse-progress">
                // Always in the document, so screen readers hear what is put into it.
                <p role="status" aria-live="polite">
                    if busy {
                        { "Analysing\u{2026} A long text can take a few seconds; the page keeps working meanwhile." }
                    }
                </p>
                if busy {
                    <button type="button" class="button-quiet" onclick={on_cancel}>{ "Cancel the analysis" }</button>
                }
            </div>
            if let Some(article) = props.pasted.as_ref().filter(|_| !busy) {
                <p class="analyze-keep">
                    <button type="button" class="button-quiet" onclick={on_keep}>{ "Keep it in your articles" }</button>
                    { " — then it appears in the article list and compare. " }
                    <a href="#/import">{ "Your articles" }</a>
                </p>
                <section class="analysis-result" aria-label="Analysis">
                    <ArticleView article={article.clone()} top={false} layers={(*layers).clone().map(AttrValue::from)} {on_set_layers} />
                </section>
            }
        </div>
    }
}
