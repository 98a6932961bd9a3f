//! A school's data in IndexedDB: the teacher's collection (and, later, the ward's), which is far
//! larger than localStorage's ~5 MB allows (3,000 students ≈ 8 MB of JSON).
//!
//! One database (`dvclab`, schema version 1) with one object store (`data`) of JSON strings
//! under the same versioned names as localStorage ([`Key::name`]): a value is written whole, in
//! one transaction, so a reader never sees half of it. Stored as a string, not as a JS object,
//! so reading and writing cost one copy instead of a structured clone of thousands of objects,
//! and the text parsed is exactly the text `serde_json` wrote.
//!
//! The connection is opened once per page load and kept; writes are ordered by when they were
//! asked for (IndexedDB starts read-write transactions on one store in creation order), so the
//! last save always wins.
//!
//! Hand-written over web-sys's IndexedDB types rather than a crate (it used `idb` 0.6): the JS
//! glue of every wasm-bindgen import and closure type lands in the main module, even when only
//! the teacher chunk calls it. Here a request or transaction is awaited as a `Promise` whose
//! `resolve`/`reject` *are* its event handlers (no Rust closure; `Promise::new`'s callback type
//! is already in the first download), the one closure (`upgradeneeded`) has the type of
//! Leptos's own event listeners, and error names are read with `Reflect` — so
//! this module adds only the IndexedDB calls themselves to the main module (see
//! `docs/performance.md`, "Teacher data in IndexedDB").

use super::Key;
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "dvclab";
const DB_VERSION: u32 = 1;
const STORE: &str = "data";

/// Why the school's store could not be used, in words a teacher can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DbError {
    /// No IndexedDB (some private modes, a browser policy) or it refused to open.
    #[error("this browser does not let the app keep the school's data: {0}")]
    Unavailable(String),
    /// The browser's quota for this site is full (or the write was refused as a whole).
    #[error("the browser's storage for this app is full")]
    Full,
    /// Anything else the browser reported.
    #[error("the browser refused: {0}")]
    Other(String),
}

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// The browser's name for what went wrong (`QuotaExceededError`, `InvalidStateError`, …): the
/// `name` of the thrown or reported `DOMException`.
fn name_of(error: &JsValue) -> String {
    Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "IndexedDB".into())
}

const QUOTA: &str = "QuotaExceededError";

/// A promise settled by the first of two events: `on(resolve, reject)` sets them as handlers.
/// Created at once, so an event that fires before anyone awaits is not missed.
fn settled_by(on: impl FnOnce(&Function, &Function)) -> JsFuture {
    let mut on = Some(on);
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        if let Some(on) = on.take() {
            on(&resolve, &reject);
        }
    }))
}

/// Waits for a request: its result, or the name of its error.
async fn outcome(request: &IdbRequest) -> Result<JsValue, String> {
    let events = settled_by(|ok, failed| {
        request.set_onsuccess(Some(ok));
        request.set_onerror(Some(failed));
    });
    match events.await {
        Ok(_) => request.result().map_err(|e| name_of(&e)),
        Err(_) => Err(Reflect::get(request, &JsValue::from_str("error"))
            .map(|e| name_of(&e))
            .unwrap_or_else(|e| name_of(&e))),
    }
}

/// Opens (once per page load) the school database, creating its store the first time.
pub async fn open() -> Result<IdbDatabase, DbError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| DbError::Unavailable("no indexedDB".into()))?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|e| DbError::Unavailable(name_of(&e)))?;
    let target = request.clone();
    // Boxed as `dyn FnMut(Event)`, the type of Leptos's own event listeners: no new closure
    // shim in the main module.
    let upgrade = Closure::wrap(Box::new(move |_: web_sys::Event| {
        if let Ok(db) = target.result() {
            // Only a new database is upgraded (there is one version); should the store exist,
            // the browser's ConstraintError is harmless.
            let _ = db
                .unchecked_into::<IdbDatabase>()
                .create_object_store(STORE);
        }
    }) as Box<dyn FnMut(web_sys::Event)>);
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = outcome(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    let db: IdbDatabase = opened.map_err(DbError::Unavailable)?.unchecked_into();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Reads the text stored under `key`, if any.
pub async fn read(key: &Key) -> Result<Option<String>, DbError> {
    let db = open().await?;
    let request = db
        .transaction_with_str(STORE)
        .and_then(|tx| tx.object_store(STORE))
        .and_then(|store| store.get(&JsValue::from(key.name())))
        .map_err(|e| DbError::Other(name_of(&e)))?;
    let value = outcome(&request).await.map_err(DbError::Other)?;
    Ok(value.as_string())
}

/// A write that has been handed to the browser, in order; await it to learn whether it was
/// kept.
pub struct Pending(Result<(IdbTransaction, JsFuture), DbError>);

impl Pending {
    /// Waits until the browser has committed the write (or refused it).
    pub async fn done(self) -> Result<(), DbError> {
        let (tx, events) = self.0?;
        if events.await.is_ok() {
            return Ok(());
        }
        // An aborted write: the quota (or no reason given, as when the browser refuses the
        // write as a whole) is "full"; anything else keeps the browser's name for it.
        match tx.error().map(|e| name_of(&e)) {
            Some(name) if name != QUOTA => Err(DbError::Other(name)),
            _ => Err(DbError::Full),
        }
    }
}

/// Starts writing `text` under `key` (or deleting it, with `None`) on the already open database
/// — synchronously, so writes asked for one after another are applied in that order.
pub fn start_write(key: &Key, text: Option<&str>) -> Pending {
    let Some(db) = DB.with(|d| d.borrow().clone()) else {
        return Pending(Err(DbError::Unavailable("not open".into())));
    };
    let run = || -> Result<IdbTransaction, JsValue> {
        let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        let store = tx.object_store(STORE)?;
        let k = JsValue::from(key.name());
        match text {
            Some(t) => store.put_with_key(&JsValue::from_str(t), &k)?,
            None => store.delete(&k)?,
        };
        Ok(tx)
    };
    Pending(match run() {
        Ok(tx) => {
            // A failed request aborts its transaction: `abort` is the one failure event.
            let events = settled_by(|ok, failed| {
                tx.set_oncomplete(Some(ok));
                tx.set_onabort(Some(failed));
            });
            Ok((tx, events))
        }
        Err(e) if name_of(&e) == QUOTA => Err(DbError::Full),
        Err(e) => Err(DbError::Other(name_of(&e))),
    })
}

/// Writes `text` under `key` and waits until it is kept.
pub async fn write(key: &Key, text: &str) -> Result<(), DbError> {
    open().await?;
    start_write(key, Some(text)).done().await
}

/// Deletes everything in the school database (the teacher's collection, the ward's summaries
/// and any unreadable copies set aside), in one transaction, and waits until it is done: the
/// teacher PIN's reset without the recovery code.
pub async fn clear() -> Result<(), DbError> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| DbError::Other(name_of(&e)))?;
    tx.object_store(STORE)
        .and_then(|store| store.clear())
        .map_err(|e| DbError::Other(name_of(&e)))?;
    let events = settled_by(|ok, failed| {
        tx.set_oncomplete(Some(ok));
        tx.set_onabort(Some(failed));
    });
    Pending(Ok((tx, events))).done().await
}
