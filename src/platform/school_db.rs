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
//! last save always wins. Only the teacher chunk calls this module, so the `idb` crate is not in
//! a student's first download. Crate choice: `idb` (the base of `rexie`, by the same author;
//! futures over the raw API, nothing else) — see `docs/performance.md` for its gzip cost.

use super::Key;
use idb::{Database, DatabaseEvent, Factory, TransactionMode, TransactionResult};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

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
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// The browser's name for what went wrong (`QuotaExceededError`, `InvalidStateError`, …).
/// Never `idb::Error`'s own `Display`: its ~60 messages would be data in the main module, which
/// wasm-split does not move into the teacher chunk (measured: +0.5 KB gzip on the shell).
fn describe(e: &idb::Error) -> String {
    match e {
        idb::Error::DomException(d) => d.name(),
        _ => "IndexedDB".into(),
    }
}

fn is_quota(e: &idb::Error) -> bool {
    describe(e) == "QuotaExceededError"
}

/// Opens (once per page load) the school database, creating its store the first time.
pub async fn open() -> Result<Rc<Database>, DbError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    // Through `window.indexedDB` (not `Factory::new`, whose global lookup adds JS glue to the
    // first download).
    let factory: Factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| DbError::Unavailable("no indexedDB".into()))?
        .into();
    let mut request = factory
        .open(DB_NAME, Some(DB_VERSION))
        .map_err(|e| DbError::Unavailable(describe(&e)))?;
    request.on_upgrade_needed(|event| {
        if let Ok(db) = event.database()
            && !db.store_names().iter().any(|s| s == STORE)
        {
            let _ = db.create_object_store(STORE, idb::ObjectStoreParams::new());
        }
    });
    let db = Rc::new(
        request
            .await
            .map_err(|e| DbError::Unavailable(describe(&e)))?,
    );
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Reads the text stored under `key`, if any.
pub async fn read(key: &Key) -> Result<Option<String>, DbError> {
    let db = open().await?;
    let tx = db
        .transaction(&[STORE], TransactionMode::ReadOnly)
        .map_err(|e| DbError::Other(describe(&e)))?;
    let store = tx
        .object_store(STORE)
        .map_err(|e| DbError::Other(describe(&e)))?;
    let value = store
        .get(JsValue::from(key.name()))
        .map_err(|e| DbError::Other(describe(&e)))?
        .await
        .map_err(|e| DbError::Other(describe(&e)))?;
    Ok(value.and_then(|v| v.as_string()))
}

/// A write that has been handed to the browser, in order; await it to learn whether it was
/// kept.
pub struct Pending(Option<idb::TransactionFuture>, Option<DbError>);

impl Pending {
    /// Waits until the browser has committed the write (or refused it).
    pub async fn done(self) -> Result<(), DbError> {
        if let Some(e) = self.1 {
            return Err(e);
        }
        let Some(future) = self.0 else {
            return Err(DbError::Unavailable("not open".into()));
        };
        match future.await {
            Ok(TransactionResult::Committed) => Ok(()),
            Ok(TransactionResult::Aborted) => Err(DbError::Full),
            Err(e) if is_quota(&e) => Err(DbError::Full),
            Err(e) => Err(DbError::Other(describe(&e))),
        }
    }
}

/// Starts writing `text` under `key` (or deleting it, with `None`) on the already open database
/// — synchronously, so writes asked for one after another are applied in that order.
pub fn start_write(key: &Key, text: Option<&str>) -> Pending {
    let Some(db) = DB.with(|d| d.borrow().clone()) else {
        return Pending(None, Some(DbError::Unavailable("not open".into())));
    };
    let run = || -> Result<idb::TransactionFuture, idb::Error> {
        let tx = db.transaction(&[STORE], TransactionMode::ReadWrite)?;
        let store = tx.object_store(STORE)?;
        let k = JsValue::from(key.name());
        match text {
            Some(t) => {
                let _request = store.put(&JsValue::from_str(t), Some(&k))?;
            }
            None => {
                let _request = store.delete(k)?;
            }
        }
        Ok(std::future::IntoFuture::into_future(tx))
    };
    match run() {
        Ok(f) => Pending(Some(f), None),
        Err(e) if is_quota(&e) => Pending(None, Some(DbError::Full)),
        Err(e) => Pending(None, Some(DbError::Other(describe(&e)))),
    }
}

/// Writes `text` under `key` and waits until it is kept.
pub async fn write(key: &Key, text: &str) -> Result<(), DbError> {
    open().await?;
    start_write(key, Some(text)).done().await
}
