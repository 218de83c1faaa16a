//! The paste-and-analyse page: any text, analysed in the browser by the same engine that built the pack.

use parallax_core::pack::PackArticle;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::ArticleView;
use crate::state::{Action, Shared, MAX_PASTE_BYTES};

#[derive(Properties, PartialEq)]
pub struct AnalyzePageProps {
    pub pasted: Option<Shared<PackArticle>>,
    pub error: Option<AttrValue>,
    /// Called with the text to analyse.
    pub on_analyse: Callback<String>,
    /// Adds the analysed text to the teacher's articles.
    pub on_library: Callback<Action>,
}

#[component]
pub fn AnalyzePage(props: &AnalyzePageProps) -> Html {
    let text_ref = use_node_ref();
    // Highlight layers of a pasted text live here, not in the URL: the text itself is not in the URL either.
    let layers = use_state(|| None::<String>);
    let onsubmit = {
        let (text_ref, on_analyse, layers) =
            (text_ref.clone(), props.on_analyse.clone(), layers.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(textarea) = text_ref.cast::<HtmlTextAreaElement>() {
                layers.set(None);
                on_analyse.emit(textarea.value());
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
            if let Some(article) = &props.pasted {
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
