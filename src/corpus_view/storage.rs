//! The workspace in IndexedDB, the browser's database: one record, kept
//! across reloads and offline. Errors (a full disk, private browsing that
//! refuses storage) come back as messages a person can act on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::state::{Workspace, FORMAT};

const DB: &str = "saidwho-corpus";
/// One record per article (key: its position), written as it is analysed.
const ARTICLES: &str = "articles";
/// One record: format, version, number of articles, merges, problems.
const META: &str = "meta";
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
    let req = factory.open_with_u32(DB, 2).map_err(|e| message(&e))?;
    let upgrade = Closure::once_into_js({
        let req = req.clone();
        move |_: web_sys::Event| {
            if let Ok(result) = req.result() {
                let db: IdbDatabase = result.unchecked_into();
                for store in [ARTICLES, META] {
                    if !db.object_store_names().contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(done(&req).await?.unchecked_into())
}

/// Runs `make` on the stores of one transaction and waits for its requests.
async fn transaction(
    mode: IdbTransactionMode,
    make: impl FnOnce(
        &web_sys::IdbObjectStore,
        &web_sys::IdbObjectStore,
    ) -> Result<Vec<IdbRequest>, JsValue>,
) -> Result<Vec<JsValue>, String> {
    let db = open().await?;
    let names = js_sys::Array::of2(&ARTICLES.into(), &META.into());
    let tx = db
        .transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| message(&e))?;
    let articles = tx.object_store(ARTICLES).map_err(|e| message(&e))?;
    let meta = tx.object_store(META).map_err(|e| message(&e))?;
    let reqs = make(&articles, &meta).map_err(|e| message(&e))?;
    let mut out = Vec::with_capacity(reqs.len());
    for r in &reqs {
        match done(r).await {
            Ok(v) => out.push(v),
            Err(e) => {
                db.close();
                return Err(e);
            }
        }
    }
    db.close();
    Ok(out)
}

/// What changed since the last save: the articles to write (position and
/// JSON), the number of articles now, and the workspace's other parts.
pub struct Changes {
    /// `(position, article JSON)` of each article new or changed.
    pub articles: Vec<(usize, String)>,
    /// Articles in all (records past it are removed).
    pub count: usize,
    /// Articles before this save (to remove those now gone).
    pub previous_count: usize,
    /// Format, version, merges and problems, as JSON.
    pub meta: String,
}

/// Saves what changed: a few small writes per analysed article, never the
/// whole workspace at once (the page must not freeze on a large corpus).
///
/// # Errors
/// A message when the browser refuses (full storage, no IndexedDB).
pub async fn save(changes: Changes) -> Result<(), String> {
    transaction(IdbTransactionMode::Readwrite, |articles, meta| {
        let mut reqs = Vec::new();
        for (i, json) in &changes.articles {
            reqs.push(articles.put_with_key(&JsValue::from_str(json), &JsValue::from(*i as u32))?);
        }
        for gone in changes.count..changes.previous_count {
            reqs.push(articles.delete(&JsValue::from(gone as u32))?);
        }
        reqs.push(meta.put_with_key(&JsValue::from_str(&changes.meta), &JsValue::from_str(KEY))?);
        Ok(reqs)
    })
    .await
    .map(|_| ())
}

/// The saved workspace, if any.
///
/// # Errors
/// A message when storage cannot be read or holds something else.
pub async fn load() -> Result<Option<Workspace>, String> {
    let got = transaction(IdbTransactionMode::Readonly, |articles, meta| {
        Ok(vec![
            meta.get(&JsValue::from_str(KEY))?,
            articles.get_all()?,
        ])
    })
    .await?;
    let Some(meta) = got.first().and_then(JsValue::as_string) else {
        return Ok(None);
    };
    let mut w = parse(&meta)?;
    let all: js_sys::Array = got
        .get(1)
        .cloned()
        .unwrap_or(JsValue::NULL)
        .unchecked_into();
    for v in all.iter() {
        let article = v
            .as_string()
            .and_then(|j| serde_json::from_str(&j).ok())
            .ok_or("The saved corpus is damaged: delete it and add the articles again.")?;
        w.articles.push(article);
    }
    Ok(Some(w))
}

/// Forgets the saved workspace.
///
/// # Errors
/// A message when the browser refuses.
pub async fn delete() -> Result<(), String> {
    transaction(IdbTransactionMode::Readwrite, |articles, meta| {
        Ok(vec![articles.clear()?, meta.clear()?])
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
