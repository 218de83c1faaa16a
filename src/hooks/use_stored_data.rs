//! What Parallax keeps in this browser, and removing it: the `localStorage` keys starting with
//! `parallax`, the offline copy in Cache Storage (caches whose names start with `parallax`) and the
//! service worker that fills it. Used by the privacy page.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::hooks::use_service_worker::container;

/// Every key and cache name Parallax writes starts with this.
pub const PREFIX: &str = "parallax";

/// One `localStorage` item: its key and the bytes it takes (browsers count UTF-16 code units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    pub key: String,
    pub bytes: usize,
}

/// The offline copy: how many caches and cached files Parallax has in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OfflineCopy {
    pub caches: usize,
    pub files: usize,
}

/// What this browser holds for Parallax right now.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredData {
    /// `None` when the browser refuses access to `localStorage` (private mode, blocked site data).
    pub keys: Option<Vec<StoredKey>>,
    /// `None` when Cache Storage is not available.
    pub offline: Option<OfflineCopy>,
    /// The browser's estimate of all storage this site uses, in bytes, where it gives one.
    pub estimate: Option<f64>,
}

/// What "Clear my data" removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cleared {
    pub keys: usize,
    pub caches: usize,
    /// Whether the browser refused access to `localStorage`, so no key could be read or removed.
    pub storage_refused: bool,
}

impl Cleared {
    /// The query the page reloads with, so the report survives the reload (`cleared=3&caches=1`).
    pub fn to_query(self) -> String {
        format!(
            "cleared={}&caches={}{}",
            self.keys,
            self.caches,
            if self.storage_refused {
                "&refused=1"
            } else {
                ""
            }
        )
    }

    /// Reads what `to_query` wrote from a location hash such as `#/privacy?cleared=3&caches=1`.
    pub fn from_hash(hash: &str) -> Option<Cleared> {
        let (_, query) = hash.split_once('?')?;
        let mut keys = None;
        let mut caches = None;
        let mut storage_refused = false;
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("cleared", n)) => keys = n.parse().ok(),
                Some(("caches", n)) => caches = n.parse().ok(),
                Some(("refused", "1")) => storage_refused = true,
                _ => {}
            }
        }
        Some(Cleared {
            keys: keys?,
            caches: caches?,
            storage_refused,
        })
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

fn cache_storage() -> Option<web_sys::CacheStorage> {
    let window = gloo::utils::window();
    // `caches` is missing on insecure origins; reading it can also throw in some private modes.
    let present = js_sys::Reflect::get(&window, &"caches".into()).ok()?;
    if present.is_undefined() || present.is_null() {
        return None;
    }
    window.caches().ok()
}

/// The `localStorage` keys starting with `parallax`, with their sizes, sorted by key.
fn parallax_keys(storage: &web_sys::Storage) -> Vec<StoredKey> {
    let length = storage.length().unwrap_or(0);
    let mut keys: Vec<StoredKey> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .map(|key| {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            let units = key.encode_utf16().count() + value.encode_utf16().count();
            StoredKey {
                key,
                bytes: units * 2,
            }
        })
        .collect();
    parallax_core::sort::sort_by(&mut keys, |a, b| a.key.cmp(&b.key));
    keys
}

async fn parallax_cache_names(caches: &web_sys::CacheStorage) -> Vec<String> {
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return Vec::new();
    };
    js_sys::Array::from(&names)
        .iter()
        .filter_map(|name| name.as_string())
        .filter(|name| name.starts_with(PREFIX))
        .collect()
}

async fn offline_copy() -> Option<OfflineCopy> {
    let caches = cache_storage()?;
    let mut copy = OfflineCopy::default();
    for name in parallax_cache_names(&caches).await {
        copy.caches += 1;
        if let Ok(cache) = JsFuture::from(caches.open(&name)).await {
            let cache: web_sys::Cache = cache.unchecked_into();
            if let Ok(requests) = JsFuture::from(cache.keys()).await {
                copy.files += js_sys::Array::from(&requests).length() as usize;
            }
        }
    }
    Some(copy)
}

async fn estimate() -> Option<f64> {
    let navigator = gloo::utils::window().navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    let storage: web_sys::StorageManager = storage.unchecked_into();
    let result = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    js_sys::Reflect::get(&result, &"usage".into())
        .ok()?
        .as_f64()
}

/// Reads everything the privacy page lists. Never fails: what cannot be read is `None`.
pub async fn read() -> StoredData {
    StoredData {
        keys: local_storage().map(|storage| parallax_keys(&storage)),
        offline: offline_copy().await,
        estimate: estimate().await,
    }
}

/// Removes every `parallax…` key and cache and unregisters the offline worker of this page's folder.
pub async fn clear() -> Cleared {
    let storage = local_storage();
    let mut cleared = Cleared {
        keys: 0,
        caches: 0,
        storage_refused: storage.is_none(),
    };
    if let Some(storage) = storage {
        for stored in parallax_keys(&storage) {
            if storage.remove_item(&stored.key).is_ok() {
                cleared.keys += 1;
            }
        }
    }
    if let Some(caches) = cache_storage() {
        for name in parallax_cache_names(&caches).await {
            if let Ok(removed) = JsFuture::from(caches.delete(&name)).await {
                if removed.as_bool() == Some(true) {
                    cleared.caches += 1;
                }
            }
        }
    }
    if let Some(container) = container() {
        if let Ok(registration) = JsFuture::from(container.get_registration()).await {
            if let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>()
            {
                if let Ok(unregistering) = registration.unregister() {
                    let _ = JsFuture::from(unregistering).await;
                }
            }
        }
    }
    cleared
}

/// Whether the app's page can be fetched from the network right now (so a reload will work).
pub async fn page_reachable() -> bool {
    // `{ cache: "no-store" }`: an answer from the browser's HTTP cache would prove nothing.
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"cache".into(), &"no-store".into());
    let init: web_sys::RequestInit = init.unchecked_into();
    let fetching = gloo::utils::window().fetch_with_str_and_init("./index.html", &init);
    match JsFuture::from(fetching).await {
        Ok(response) => response
            .dyn_into::<web_sys::Response>()
            .map(|response| response.ok())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Reloads the page at `#/privacy?<report>`, so that nothing read from the removed data stays on screen.
pub fn reload_with(cleared: Cleared) {
    let window = gloo::utils::window();
    let url = format!("#/privacy?{}", cleared.to_query());
    if let Ok(history) = window.history() {
        if history
            .replace_state_with_url(&JsValue::NULL, "", Some(&url))
            .is_ok()
        {
            let _ = window.location().reload();
        }
    }
}

/// The report of a clearing that ended in a reload, if this page load is one (read from the URL, which
/// is then put back to `#/privacy` so a later reload or a bookmark does not repeat it).
pub fn take_report_from_url() -> Option<Cleared> {
    let window = gloo::utils::window();
    let hash = window.location().hash().ok()?;
    let cleared = Cleared::from_hash(&hash)?;
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("#/privacy"));
    }
    Some(cleared)
}

/// Removes the theme chosen on this page load from `<html>`, for when the page cannot reload.
pub fn forget_theme_on_page() {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.remove_attribute("data-theme");
    }
}

/// What this browser holds (`None` while it is being read) and a callback to read it again.
#[hook]
pub fn use_stored_data() -> (Option<StoredData>, Callback<()>) {
    let data = use_state(|| None::<StoredData>);
    let refresh = {
        let data = data.setter();
        Callback::from(move |_| {
            let data = data.clone();
            wasm_bindgen_futures::spawn_local(async move { data.set(Some(read().await)) });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((), move |_| refresh.emit(()));
    }
    ((*data).clone(), refresh)
}

#[cfg(test)]
mod tests {
    use super::Cleared;

    #[test]
    fn a_clearing_report_survives_the_reload_url() {
        let cleared = Cleared {
            keys: 3,
            caches: 1,
            storage_refused: false,
        };
        assert_eq!(cleared.to_query(), "cleared=3&caches=1");
        assert_eq!(
            Cleared::from_hash(&format!("#/privacy?{}", cleared.to_query())),
            Some(cleared)
        );
        let refused = Cleared {
            keys: 0,
            caches: 0,
            storage_refused: true,
        };
        assert_eq!(
            Cleared::from_hash(&format!("#/privacy?{}", refused.to_query())),
            Some(refused)
        );
    }

    #[test]
    fn a_plain_or_garbled_privacy_url_is_no_report() {
        assert_eq!(Cleared::from_hash("#/privacy"), None);
        assert_eq!(Cleared::from_hash("#/privacy?cleared=many&caches=1"), None);
        assert_eq!(Cleared::from_hash("#/privacy?caches=1"), None);
    }
}
