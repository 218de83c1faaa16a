//! The site banner: skip link, name, the primary navigation and the theme toggle.

use yew::prelude::*;

/// Which primary section is showing, to mark its link as the current page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Articles,
    Compare,
    Analyze,
    Lessons,
    Import,
    Other,
}

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub current: Section,
    /// Called by the skip link; the app moves focus to `main` (a `#main` link would change the route).
    pub on_skip: Callback<()>,
    /// Whether the dark theme is in effect; `None` (not yet known) hides the toggle.
    #[prop_or_default]
    pub dark: Option<bool>,
    /// Called by the theme toggle to switch between light and dark.
    #[prop_or_default]
    pub on_toggle_theme: Callback<()>,
}

#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let on_skip = props.on_skip.clone();
    let skip = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        on_skip.emit(());
    });
    let on_toggle_theme = props.on_toggle_theme.clone();
    let toggle_theme = Callback::from(move |_: MouseEvent| on_toggle_theme.emit(()));
    let link = |section: Section, href: &'static str, text: &'static str| {
        let current = (props.current == section).then_some("page");
        html! { <li><a href={href} aria-current={current}>{ text }</a></li> }
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main" onclick={skip}>{ "Skip to content" }</a>
            <div class="site-header-inner">
                <a class="brand" href="#/">
                    <span class="brand-mark" aria-hidden="true">{ "◐" }</span>
                    <span class="brand-name">{ "Parallax" }</span>
                </a>
                <nav aria-label="Primary">
                    <ul role="list">
                        { link(Section::Articles, "#/", "Articles") }
                        { link(Section::Compare, "#/compare", "Compare") }
                        { link(Section::Lessons, "#/lessons", "Lessons") }
                        { link(Section::Analyze, "#/analyze", "Analyse a text") }
                        { link(Section::Import, "#/import", "Your articles") }
                    </ul>
                </nav>
                // Until the theme is known the toggle keeps its place, hidden, so the banner does not
                // re-wrap (a layout shift) when it appears.
                <button
                    type="button"
                    class={classes!("theme-toggle", props.dark.is_none().then_some("theme-toggle-pending"))}
                    aria-pressed={if props.dark == Some(true) { "true" } else { "false" }}
                    onclick={toggle_theme}
                    disabled={props.dark.is_none()}
                >
                    <span class="theme-toggle-mark" aria-hidden="true">{ if props.dark == Some(true) { "☾" } else { "☀" } }</span>
                    { "Dark theme" }
                </button>
            </div>
        </header>
    }
}
