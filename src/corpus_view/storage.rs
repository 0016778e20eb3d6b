//! The workspace in IndexedDB, the browser's database: one record, kept
//! across reloads and offline. Errors (a full disk, private browsing that
//! refuses storage) come back as messages a person can act on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::state::{Workspace, FORMAT};

const DB: &str = "saidwho-corpus";
const STORE: &str = "workspace";
const KEY: &str = "current";

/// What a failed request says, as words.
fn message(e: &JsValue) -> String {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        return "The browser's storage is full: the corpus could not be saved. Export the workspace \
                to a file to keep it, or free space and try again."
            .into();
    }
    let msg = js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the browser refused".into());
    format!(
        "The corpus could not be saved in this browser ({msg}). Export the workspace to keep it."
    )
}

/// Waits for a request to succeed (its result) or fail (its error).
async fn done(req: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let err: JsValue = r
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, Into::into);
            let _ = reject.call1(&JsValue::NULL, &err);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| message(&e))
}

/// The database, made on first use.
async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(
            "This browser offers no IndexedDB storage: export the workspace to keep the corpus.",
        )?;
    let req = factory.open_with_u32(DB, 1).map_err(|e| message(&e))?;
    let upgrade = Closure::once_into_js({
        let req = req.clone();
        move |_: web_sys::Event| {
            if let Ok(result) = req.result() {
                let db: IdbDatabase = result.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&req).await?.unchecked_into())
}

async fn request(
    mode: IdbTransactionMode,
    make: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<JsValue, String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| message(&e))?;
    let store = tx.object_store(STORE).map_err(|e| message(&e))?;
    let req = make(&store).map_err(|e| message(&e))?;
    let out = done(&req).await;
    db.close();
    out
}

/// Saves the workspace.
///
/// # Errors
/// A message when the browser refuses (full storage, no IndexedDB).
pub async fn save(w: &Workspace) -> Result<(), String> {
    let json = serde_json::to_string(w).map_err(|e| e.to_string())?;
    request(IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&JsValue::from_str(&json), &JsValue::from_str(KEY))
    })
    .await
    .map(|_| ())
}

/// The saved workspace, if any.
///
/// # Errors
/// A message when storage cannot be read or holds something else.
pub async fn load() -> Result<Option<Workspace>, String> {
    let v = request(IdbTransactionMode::Readonly, |s| {
        s.get(&JsValue::from_str(KEY))
    })
    .await?;
    let Some(json) = v.as_string() else {
        return Ok(None);
    };
    parse(&json).map(Some)
}

/// Forgets the saved workspace.
///
/// # Errors
/// A message when the browser refuses.
pub async fn delete() -> Result<(), String> {
    request(IdbTransactionMode::Readwrite, |s| {
        s.delete(&JsValue::from_str(KEY))
    })
    .await
    .map(|_| ())
}

/// A workspace from its JSON (a saved one, or an exported file).
///
/// # Errors
/// When the text is no saidwho workspace.
pub fn parse(json: &str) -> Result<Workspace, String> {
    let w: Workspace = serde_json::from_str(json)
        .map_err(|e| format!("This is not a saidwho workspace file ({e})."))?;
    if w.format != FORMAT {
        return Err(
            "This is not a saidwho workspace file (its format is not saidwho-corpus).".into(),
        );
    }
    if w.version != super::state::VERSION {
        return Err(format!(
            "This workspace file is version {}; this page reads version {}.",
            w.version,
            super::state::VERSION
        ));
    }
    Ok(w)
}
