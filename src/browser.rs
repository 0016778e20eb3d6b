//! Small wrappers over browser APIs used by the page: downloads, clipboard,
//! local storage, fetching a bundled file. Each returns a `Result` with a
//! message a person can read; none panics.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Longest text kept across reloads (local storage holds about 5 MB of UTF-16).
pub const MAX_KEPT_BYTES: usize = 2 * 1024 * 1024;

/// Key under which the current text is kept in local storage.
pub const STORAGE_KEY: &str = "saidwho.text.v1";

fn describe(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".to_owned())
}

fn window() -> Result<web_sys::Window, String> {
    web_sys::window().ok_or_else(|| "no browser window".to_owned())
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let doc = window()?.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&contents.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no link element")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url).map_err(describe)
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

fn storage() -> Option<web_sys::Storage> {
    window().ok()?.local_storage().ok().flatten()
}

/// The text kept from the last visit, if any.
#[must_use]
pub fn load_text() -> Option<String> {
    storage()?
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .filter(|t| !t.is_empty())
}

/// Keeps `text` for the next visit (best effort: storage may be full or off).
pub fn save_text(text: &str) {
    if let Some(s) = storage() {
        // Browsers keep a few MB per site; a longer text is not kept (and an
        // older one must not come back in its place).
        let _ = if text.is_empty() || text.len() > MAX_KEPT_BYTES {
            s.remove_item(STORAGE_KEY)
        } else {
            s.set_item(STORAGE_KEY, text)
        };
    }
}

/// The URL fragment of the page (with its `#`), or "".
#[must_use]
pub fn fragment() -> String {
    window()
        .ok()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page URL with `fragment` (without `#`) as its fragment.
pub fn url_with_fragment(fragment: &str) -> Result<String, String> {
    let href = window()?.location().href().map_err(describe)?;
    let base = href.split('#').next().unwrap_or(&href);
    Ok(format!("{base}#{fragment}"))
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    if let Ok(w) = window() {
        if let (Ok(history), Ok(path)) = (w.history(), w.location().pathname()) {
            let search = w.location().search().unwrap_or_default();
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{search}")),
            );
        }
    }
}

/// Fetches a text file bundled with the page (relative URL).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let resp: web_sys::Response = JsFuture::from(window()?.fetch_with_str(url))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}

/// Registers the offline service worker (best effort).
pub fn register_service_worker() {
    register_service_worker_at("./sw.js");
}

/// Registers the service worker whose script is at `url` (the corpus page,
/// one folder down, names `../sw.js`: its scope is then the whole site).
pub fn register_service_worker_at(url: &str) {
    if let Ok(w) = window() {
        let sw = w.navigator().service_worker();
        let _ = sw.register(url);
    }
}

/// Focuses the article text box with the selection `start..end` (UTF-16 units).
pub fn focus_editor(start: u32, end: u32) {
    let area = window()
        .ok()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("article-text"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = area {
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
    }
}

/// Key under which the corrections of the kept text are kept.
pub const CORRECTIONS_KEY: &str = "saidwho.corrections.v1";

/// A fingerprint of a text (FNV-1a, 64 bits): which text kept corrections
/// belong to, without storing the text twice.
#[must_use]
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}:{}", text.len())
}

/// Keeps the corrections of `text` for the next visit (none: forgets them).
///
/// # Errors
/// When the browser refuses to store them (storage full or switched off).
pub fn save_corrections(
    text: &str,
    corrections: &saidwho_core::corrections::Corrections,
) -> Result<(), String> {
    let s = storage().ok_or("this browser keeps no data for pages")?;
    if corrections.is_empty() && corrections.undone.is_empty() {
        return s.remove_item(CORRECTIONS_KEY).map_err(describe);
    }
    let packed = crate::permalink::pack_corrections(corrections);
    let value = format!("{}\n{packed}", fingerprint(text));
    s.set_item(CORRECTIONS_KEY, &value).map_err(describe)
}

/// The corrections kept for `text`, if any.
#[must_use]
pub fn load_corrections(text: &str) -> Option<saidwho_core::corrections::Corrections> {
    let value = storage()?.get_item(CORRECTIONS_KEY).ok().flatten()?;
    let (print, packed) = value.split_once('\n')?;
    if print != fingerprint(text) {
        return None;
    }
    crate::permalink::unpack_corrections(packed)
}

/// The article text box's selection, in UTF-16 units, when it has one.
#[must_use]
pub fn editor_selection() -> Option<(u32, u32)> {
    let area = window()
        .ok()?
        .document()?
        .get_element_by_id("article-text")?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let (start, end) = (area.selection_start().ok()??, area.selection_end().ok()??);
    (end > start).then_some((start, end))
}

/// The page's text selection inside the article view, as (paragraph index,
/// UTF-16 start, UTF-16 end) within that paragraph's text; `None` when
/// nothing is selected there or the selection spans paragraphs.
#[must_use]
pub fn article_selection() -> Option<(usize, u32, u32)> {
    let w = window().ok()?;
    let doc = w.document()?;
    let sel = w.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let range = sel.get_range_at(0).ok()?;
    let para_of = |node: web_sys::Node| -> Option<web_sys::Element> {
        let el = match node.dyn_into::<web_sys::Element>() {
            Ok(e) => e,
            Err(n) => n.parent_element()?,
        };
        el.closest("[data-para]").ok()?
    };
    let start_para = para_of(range.start_container().ok()?)?;
    let end_para = para_of(range.end_container().ok()?)?;
    if start_para != end_para {
        return None;
    }
    let index: usize = start_para.get_attribute("data-para")?.parse().ok()?;
    // UTF-16 length of the paragraph's text before each end of the selection.
    let before = |node: web_sys::Node, offset: u32| -> Option<u32> {
        let r = doc.create_range().ok()?;
        r.set_start(&start_para, 0).ok()?;
        r.set_end(&node, offset).ok()?;
        u32::try_from(String::from(r.to_string()).encode_utf16().count()).ok()
    };
    let start = before(range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = before(range.end_container().ok()?, range.end_offset().ok()?)?;
    (end > start).then_some((index, start, end))
}
