//! The colour theme: the reader's saved choice of light or dark, or else the system's preference.
//!
//! A saved choice is written to `localStorage` and applied as `data-theme` on `<html>`, which the
//! stylesheet's theme section reads; without one, the stylesheet follows `prefers-color-scheme`.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The `localStorage` key holding "light" or "dark".
const STORAGE_KEY: &str = "parallax-theme";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value stored and written to `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

// `matchMedia` is declared here rather than through a web-sys feature: the app needs one boolean.
#[wasm_bindgen]
extern "C" {
    type MediaQueryList;
    #[wasm_bindgen(js_namespace = window, js_name = matchMedia, catch)]
    fn match_media(query: &str) -> Result<Option<MediaQueryList>, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn matches(this: &MediaQueryList) -> bool;
}

fn system_theme() -> Theme {
    match match_media("(prefers-color-scheme: dark)") {
        Ok(Some(list)) if list.matches() => Theme::Dark,
        _ => Theme::Light,
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be unavailable (blocked cookies, some private modes): the theme then lasts the visit.
    gloo::utils::window().local_storage().ok().flatten()
}

/// The theme in effect (`None` until the saved choice has been read) and a callback switching it.
#[hook]
pub fn use_theme() -> (Option<Theme>, Callback<()>) {
    // The theme and whether the reader chose it (only a choice is saved and forced on the page).
    let state = use_state(|| None::<(Theme, bool)>);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let saved = storage()
                .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
                .and_then(|value| Theme::parse(&value));
            state.set(Some(match saved {
                Some(theme) => (theme, true),
                None => (system_theme(), false),
            }));
        });
    }
    use_effect_with(*state, |state| {
        if let Some((theme, true)) = state {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("data-theme", theme.name());
            }
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_KEY, theme.name());
            }
        }
    });
    let on_toggle = {
        let state = state.clone();
        Callback::from(move |_| {
            if let Some((theme, _)) = *state {
                state.set(Some((theme.other(), true)));
            }
        })
    };
    (state.map(|(theme, _)| theme), on_toggle)
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn themes_round_trip_through_their_stored_names() {
        for theme in [Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(theme.name()), Some(theme));
            assert_eq!(theme.other().other(), theme);
        }
        assert_eq!(Theme::parse("sepia"), None);
    }
}
