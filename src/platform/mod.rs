//! The only module that touches browser APIs for data: local storage (with an in-memory
//! fallback), file downloads, reading the clock, and the document's language and title.
//!
//! Everything else in the app asks this module, so the domain core stays testable natively and
//! a missing or full storage is handled in one place.

pub mod net;
pub mod school_db;

use serde::{Serialize, de::DeserializeOwned};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Every key the app stores, namespaced and versioned (`dvclab.v1.*`). Changing a stored
/// format means a new version number and a migration, never a silent reinterpretation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// The interface language (`"vi"` or `"en"`).
    Lang,
    /// The list of profiles on this browser and who is signed in.
    ProfileIndex,
    /// One profile's progress.
    Profile(String),
    /// Damaged data kept aside so nothing is lost (original key and time in the name).
    Backup(String),
    /// The app's root path, read by the first script in `index.html` on deep-link reloads.
    Base,
    /// What the teacher imported on this browser (records, class list, assignments).
    Teacher,
    /// The ward's school summaries (IndexedDB, `school_db`).
    Ward,
    /// The name the teacher gave this computer (written into its exports).
    Machine,
    /// The school of this lab PC, set once in the teacher area ("Trường của máy này"): every
    /// new profile here starts with it (a JSON string, see [`read_word`]).
    PcSchool,
    /// The teacher area's optional PIN, as `salt$hash`. A forgotten PIN is replaced with the
    /// recovery code, or removed together with the imported data ("Quên mã PIN?").
    TeacherPin,
    /// The recovery code of the teacher PIN, as `salt$hash` (shown once when the PIN is set).
    TeacherPinRecovery,
    /// Wrong teacher PINs in a row and until when the lock waits (`fails until`, Unix seconds):
    /// kept across reloads, so reloading does not undo the wait.
    TeacherPinWait,
    /// Where the school's Learning Record Store is and the school's IRI
    /// (`teacher::lrs::Settings`).
    LrsSettings,
    /// What is still to be sent to the LRS (IndexedDB, `teacher::lrs::Outbox`).
    LrsOutbox,
    /// The LRS credential (an `Authorization` header): in sessionStorage only ([`session_read`]),
    /// forgotten when the browser session ends; never in localStorage.
    LrsCredential,
}

impl Key {
    /// The localStorage key.
    pub fn name(&self) -> String {
        match self {
            Key::Lang => "dvclab.v1.lang".into(),
            Key::ProfileIndex => "dvclab.v1.profiles".into(),
            Key::Profile(id) => format!("dvclab.v1.profile.{id}"),
            Key::Backup(what) => format!("dvclab.backup.{what}"),
            Key::Base => "dvclab.v1.base".into(),
            Key::Teacher => "dvclab.v1.teacher".into(),
            Key::Ward => "dvclab.v1.ward".into(),
            Key::Machine => "dvclab.v1.machine".into(),
            Key::PcSchool => "dvclab.v1.pc-school".into(),
            Key::TeacherPin => "dvclab.v1.teacher-pin".into(),
            Key::TeacherPinWait => "dvclab.v1.teacher-pin-wait".into(),
            Key::TeacherPinRecovery => "dvclab.v1.teacher-pin-recovery".into(),
            Key::LrsSettings => "dvclab.v1.lrs".into(),
            Key::LrsOutbox => "dvclab.v1.lrs-outbox".into(),
            Key::LrsCredential => "dvclab.v1.lrs-credential".into(),
        }
    }
}

/// Why a read or write failed, in words a student or teacher can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// No localStorage (private mode, disabled by policy): the app keeps data in memory only.
    #[error(
        "this browser does not let the app save data; progress is kept only until the tab is closed"
    )]
    Unavailable,
    /// The browser's quota for this site is full.
    #[error(
        "the browser's storage for this app is full; export your progress to a file to keep it"
    )]
    QuotaExceeded,
    /// The stored text is not what this version of the app wrote.
    #[error("saved data under {key} is damaged or from a newer version: {detail}")]
    Corrupt {
        /// The key that held it.
        key: String,
        /// What the parser said.
        detail: String,
    },
    /// Anything else the browser reported.
    #[error("the browser refused to save: {0}")]
    Other(String),
}

thread_local! {
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    /// Native tests only: a size (key + value bytes) past which the in-memory store refuses a
    /// write as a full browser does, so "storage full" paths can be tested without a browser.
    #[cfg(test)]
    static MEMORY_QUOTA: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Native tests only: makes the in-memory store act as a browser whose storage holds `bytes`.
#[cfg(test)]
pub fn set_memory_quota(bytes: Option<usize>) {
    MEMORY_QUOTA.with(|q| q.set(bytes));
}

fn local_storage() -> Option<web_sys::Storage> {
    #[cfg(target_arch = "wasm32")]
    {
        // `window.localStorage` itself throws in some private modes; web-sys turns that into Err.
        web_sys::window()?.local_storage().ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Whether data survives a reload (false means the in-memory fallback is in use).
pub fn storage_is_persistent() -> bool {
    local_storage().is_some()
}

/// Every key this app stored (`dvclab.*`) with its raw text, for export and the storage report.
pub fn app_entries() -> Vec<(String, String)> {
    let mut out = Vec::new();
    match local_storage() {
        Some(s) => {
            let n = s.length().unwrap_or(0);
            for i in 0..n {
                if let Ok(Some(k)) = s.key(i)
                    && k.starts_with("dvclab.")
                    && let Ok(Some(v)) = s.get_item(&k)
                {
                    out.push((k, v));
                }
            }
        }
        None => MEMORY.with(|m| out.extend(m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())))),
    }
    out.sort();
    out
}

/// Whether any stored key starts with `prefix` (values are not read).
pub fn has_key_starting(prefix: &str) -> bool {
    match local_storage() {
        Some(s) => (0..s.length().unwrap_or(0))
            .any(|i| matches!(s.key(i), Ok(Some(k)) if k.starts_with(prefix))),
        None => MEMORY.with(|m| m.borrow().keys().any(|k| k.starts_with(prefix))),
    }
}

/// Reads a value stored as a plain JSON string (`"vi"`, a path) without the JSON code, which
/// the first screen does not otherwise need. Anything else reads as absent.
pub fn read_word(key: &Key) -> Option<String> {
    let raw = read_raw(key)?;
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.contains(['"', '\\'])).then(|| inner.to_string())
}

/// Writes `word` as a JSON string (what [`save`] would write for a `&str`).
pub fn write_word(key: &Key, word: &str) -> Result<(), StorageError> {
    let mut text = String::with_capacity(word.len() + 2);
    text.push('"');
    for c in word.chars() {
        match c {
            '"' => text.push_str("\\\""),
            '\\' => text.push_str("\\\\"),
            c if (c as u32) < 0x20 => text.push_str(&format!("\\u{:04x}", c as u32)),
            c => text.push(c),
        }
    }
    text.push('"');
    write_raw(key, &text)
}

/// Reads a raw string.
pub fn read_raw(key: &Key) -> Option<String> {
    let name = key.name();
    match local_storage() {
        Some(s) => s.get_item(&name).ok().flatten(),
        None => MEMORY.with(|m| m.borrow().get(&name).cloned()),
    }
}

/// Writes a raw string.
pub fn write_raw(key: &Key, value: &str) -> Result<(), StorageError> {
    let name = key.name();
    match local_storage() {
        Some(s) => s.set_item(&name, value).map_err(|e| {
            let text = format!("{e:?}");
            if text.contains("Quota") || text.contains("quota") {
                StorageError::QuotaExceeded
            } else {
                StorageError::Other(text)
            }
        }),
        None => {
            #[cfg(test)]
            if let Some(limit) = MEMORY_QUOTA.with(|q| q.get()) {
                let used: usize = MEMORY.with(|m| {
                    m.borrow()
                        .iter()
                        .filter(|(k, _)| **k != name)
                        .map(|(k, v)| k.len() + v.len())
                        .sum()
                });
                if used + name.len() + value.len() > limit {
                    return Err(StorageError::QuotaExceeded);
                }
            }
            MEMORY.with(|m| m.borrow_mut().insert(name, value.to_string()));
            Err(StorageError::Unavailable)
        }
    }
}

/// Removes a key.
pub fn remove(key: &Key) {
    let name = key.name();
    match local_storage() {
        Some(s) => {
            let _ = s.remove_item(&name);
        }
        None => {
            MEMORY.with(|m| m.borrow_mut().remove(&name));
        }
    }
}

/// Reads and decodes JSON. `Ok(None)` when nothing is stored.
pub fn load<T: DeserializeOwned>(key: &Key) -> Result<Option<T>, StorageError> {
    match read_raw(key) {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| StorageError::Corrupt {
                key: key.name(),
                detail: e.to_string(),
            }),
    }
}

/// Encodes as JSON and writes. With no localStorage the value is kept in memory and
/// `Err(Unavailable)` tells the caller to warn once.
pub fn save<T: Serialize>(key: &Key, value: &T) -> Result<(), StorageError> {
    let text = serde_json::to_string(value).map_err(|e| StorageError::Other(e.to_string()))?;
    write_raw(key, &text)
}

/// The current time.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// A random number from the browser's cryptographic generator (`crypto.getRandomValues`), for
/// secrets such as the teacher PIN's recovery code; the clock-based [`entropy`] if that is
/// missing.
pub fn random_u64() -> u64 {
    use wasm_bindgen::JsCast;
    let words = js_sys::Uint32Array::new_with_length(2);
    let filled = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .and_then(|crypto| {
            let get = js_sys::Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
            get.dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&crypto, &words)
                .ok()
        })
        .is_some();
    if !filled {
        return entropy();
    }
    (u64::from(words.get_index(0)) << 32) | u64::from(words.get_index(1))
}

/// A number that changes on every call, for seeding quiz shuffles (not for secrets or ids:
/// [`random_u64`]).
pub fn entropy() -> u64 {
    let t = now();
    (t.timestamp_millis() as u64) ^ ((t.timestamp_subsec_nanos() as u64) << 20)
}

/// Sets `<html lang>` so screen readers and hyphenation use the right language.
pub fn set_document_lang(code: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Sets the tab title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The app's own address: origin and root path (`https://thpt-a.edu.vn/dvc-lab`), the
/// school's IRI until the teacher sets another.
pub fn app_address() -> String {
    format!("{}{}", page_origin(), base_path())
}

/// Reads a value kept for this browser session only (sessionStorage).
pub fn session_read(key: &Key) -> Option<String> {
    let s = web_sys::window()?.session_storage().ok()??;
    s.get_item(&key.name()).ok()?
}

/// Keeps (or, with `None`, forgets) a value for this browser session only. Returns whether it
/// was kept (no sessionStorage: it is not, and the caller keeps it in memory).
pub fn session_write(key: &Key, value: Option<&str>) -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return false;
    };
    match value {
        Some(v) => s.set_item(&key.name(), v).is_ok(),
        None => s.remove_item(&key.name()).is_ok(),
    }
}

/// The app's root path (from `<base href>`), without a trailing slash: `""` at the site root,
/// `"/dvc-lab"` under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Hides the element with this `data-testid` at once, without waiting for a re-render (used
/// when the page is about to go into the browser's back-forward cache).
pub fn hide_test_id(test_id: &str) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&format!("[data-testid=\"{test_id}\"]"))
            .ok()
            .flatten()
    }) {
        let _ = el.set_attribute("hidden", "");
    }
}

/// Moves keyboard focus to the element with this id once what was just changed is on screen,
/// whatever the machine's speed: Leptos re-renders in tasks woken by the change, and a task
/// spawned after the change runs after them (not after a guessed delay such as one animation
/// frame, which a busy lab PC can beat). Should the element still be missing, it is tried again
/// on the next frames, for about a second.
pub fn focus_after_render(id: &str) {
    focus_soon(Some(id.to_string()));
}

/// Like [`focus_after_render`], for the main heading of the page just made (`<main>`'s `h1`,
/// given `tabindex="-1"` so it takes focus without being a Tab stop). Focus the page already
/// put somewhere in `<main>` (the PIN box of a profile) stays there; a page that wants focus
/// elsewhere asks for it with [`focus_after_render`] while it is built (the teacher PIN), which
/// runs after this.
pub fn focus_heading() {
    focus_soon(None);
}

/// `None`: the page heading.
fn focus_soon(id: Option<String>) {
    leptos::task::spawn_local(async move {
        if !try_focus(id.as_deref()) {
            retry_focus(id, 60);
        }
    });
}

fn retry_focus(id: Option<String>, frames_left: u32) {
    if frames_left == 0 {
        return;
    }
    leptos::prelude::request_animation_frame(move || {
        if !try_focus(id.as_deref()) {
            retry_focus(id, frames_left - 1);
        }
    });
}

/// Focuses the element with this id (`None`: the page heading) if it is in the document;
/// whether it is done.
fn try_focus(id: Option<&str>) -> bool {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    let el = match id {
        Some(id) => doc.get_element_by_id(id),
        None => {
            let Some(main) = doc.get_element_by_id("main") else {
                return true;
            };
            if let Some(a) = doc.active_element()
                && a != main
                && main.contains(Some(a.as_ref()))
            {
                return true;
            }
            let h1 = main.query_selector("h1").ok().flatten();
            if let Some(h) = &h1 {
                let _ = h.set_attribute("tabindex", "-1");
            }
            h1
        }
    };
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) if el.is_connected() => {
            let _ = el.focus();
            true
        }
        _ => false,
    }
}

/// Moves keyboard focus to the element with this id (e.g. after a skip link).
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

thread_local! {
    static BASE: String = base_path();
}

/// An in-app address under the app's root: `to("/lessons")` is `/lessons` at the site root and
/// `/dvc-lab/lessons` under a sub-path. (The router's `<A>` leaves absolute paths as they are.)
pub fn to(path: &str) -> String {
    BASE.with(|b| format!("{b}{path}"))
}

/// Offers `contents` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys_array_of(contents);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn js_sys_array_of(s: &str) -> wasm_bindgen::JsValue {
    let arr = js_sys::Array::new();
    arr.push(&wasm_bindgen::JsValue::from_str(s));
    arr.into()
}

/// Marks a moment on the browser's performance timeline (`make bench` reads these).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records the time since [`mark`]`(start)` as a measure called `name`, keeping the mark.
pub fn measure_between(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// Records the time since [`mark`]`(start)` as a measure called `name` on the performance
/// timeline (`make bench` reads these; cheap enough to leave on).
pub fn measure_since(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
        p.clear_marks_with_mark_name(start);
    }
}

/// Whether a new version of the app is installed and waiting (set by the service-worker
/// script in `index.html`).
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"dvclabUpdate".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Switches to the waiting version; the page reloads once when it has taken over.
pub fn apply_update() {
    use wasm_bindgen::JsCast;
    if let Some(f) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"dvclabUpdate".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// Whether the browser believes it is online.
pub fn is_online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// Whether the browser promised not to evict this site's storage (`navigator.storage.persisted()`);
/// `None` when the browser cannot say.
pub async fn storage_persisted() -> Option<bool> {
    use wasm_bindgen::JsCast;
    let nav = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&nav, &"storage".into()).ok()?;
    let f = js_sys::Reflect::get(&storage, &"persisted".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = f.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Bigger than the caller's limit (checked before reading, so a 50 MB file costs nothing).
    #[error("the file is {mb} MB, too big")]
    TooLarge {
        /// Size in MB.
        mb: u64,
    },
    /// The browser could not read it (removed, no permission, not text).
    #[error("the file could not be read: {0}")]
    Unreadable(String),
}

/// Reads a file the user chose as text (UTF-8), refusing files over `max_bytes` unread.
pub async fn read_file(file: &web_sys::File, max_bytes: u64) -> Result<String, FileError> {
    start_reading(file, max_bytes)?.await
}

/// Starts reading a file at once and returns the future of its text, so many files can be
/// read by the browser in parallel while the app processes them in order.
pub fn start_reading(
    file: &web_sys::File,
    max_bytes: u64,
) -> Result<impl std::future::Future<Output = Result<String, FileError>> + use<>, FileError> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(FileError::TooLarge {
            mb: size.div_ceil(1024 * 1024),
        });
    }
    let pending = wasm_bindgen_futures::JsFuture::from(file.text());
    Ok(async move {
        let text = pending
            .await
            .map_err(|e| FileError::Unreadable(format!("{e:?}")))?;
        text.as_string()
            .ok_or_else(|| FileError::Unreadable("not text".into()))
    })
}

/// Reads a file the user chose as raw bytes (class lists may be UTF-16), refusing files over
/// `max_bytes` unread.
pub async fn read_file_bytes(file: &web_sys::File, max_bytes: u64) -> Result<Vec<u8>, FileError> {
    let size = file.size() as u64;
    if size > max_bytes {
        return Err(FileError::TooLarge {
            mb: size.div_ceil(1024 * 1024),
        });
    }
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FileError::Unreadable(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The files dropped on an element.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Vec<web_sys::File> {
    let mut out = Vec::new();
    if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                out.push(f);
            }
        }
    }
    out
}

/// Lets the browser draw and handle input before continuing (long imports stay responsive).
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The files chosen in an `<input type="file">` (from its change event).
pub fn chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(list) = input.files() {
        for i in 0..list.length() {
            if let Some(f) = list.get(i) {
                out.push(f);
            }
        }
    }
    // Cleared so choosing the same file again fires `change` again.
    input.set_value("");
    out
}

/// Opens the browser's print dialog (certificate, reports).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Whether the browser can share a text with another app (`navigator.share`: phones, some
/// desktops). Where it cannot, the page offers no "Chia sẻ" at all.
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::get(&w.navigator(), &"share".into()).is_ok_and(|f| f.is_function())
    })
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// Sent to the app she picked.
    Done,
    /// She closed the share sheet: nothing to say.
    Cancelled,
    /// The browser refused (no share here, not allowed now).
    Failed,
}

/// Opens the system's share sheet with `title` and `text` (`navigator.share`), and tells how it
/// ended. Closing the sheet (`AbortError`) is [`Shared::Cancelled`], not a failure.
pub async fn share(title: &str, text: &str) -> Shared {
    use wasm_bindgen::JsCast;
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::Failed;
    };
    let Some(f) = js_sys::Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Shared::Failed;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let Some(promise) = f
        .call1(&nav, &data)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Shared::Failed;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                Shared::Cancelled
            } else {
                Shared::Failed
            }
        }
    }
}

/// Asks the user to confirm something destructive.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced_and_versioned() {
        assert_eq!(Key::Lang.name(), "dvclab.v1.lang");
        assert_eq!(Key::Profile("ab12".into()).name(), "dvclab.v1.profile.ab12");
    }

    #[test]
    fn without_local_storage_values_live_in_memory_and_say_so() {
        assert!(!storage_is_persistent());
        assert_eq!(save(&Key::Lang, &"en"), Err(StorageError::Unavailable));
        assert_eq!(load::<String>(&Key::Lang), Ok(Some("en".to_string())));
        write_raw(&Key::ProfileIndex, "{not json").ok();
        assert!(matches!(
            load::<Vec<u8>>(&Key::ProfileIndex),
            Err(StorageError::Corrupt { .. })
        ));
        remove(&Key::ProfileIndex);
        assert_eq!(load::<Vec<u8>>(&Key::ProfileIndex), Ok(None));
    }
}

/// Why one of the app's own files could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No answer: offline before the app was ever saved for offline use, or the server is down.
    #[error("no connection to the server ({0})")]
    Network(String),
    /// The server answered with an error status (the file is missing from the deployment).
    #[error("the server answered {0}")]
    Status(u16),
}

/// The content-hashed name the build gave one of the app's files, read from its `<meta>` in
/// index.html (`dvclab-content`: the lesson bundle; `dvclab-pages-css`: the pages' styles).
pub fn app_file(meta: &str, unhashed: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name={meta}]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| unhashed.into())
}

/// The page's own Content-Security-Policy (its `<meta http-equiv>`), if it has one.
pub fn page_csp() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[http-equiv=Content-Security-Policy]")
        .ok()??
        .get_attribute("content")
}

/// The page's origin (`https://thpt-a.edu.vn`).
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}

/// Adds a style sheet's text to the document.
pub fn add_style(css: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let (Ok(style), Ok(Some(head))) = (
        document.create_element("style"),
        document.query_selector("head"),
    ) {
        style.set_text_content(Some(css));
        let _ = head.append_child(&style);
    }
}

/// Fetches one of the app's own files as text, relative to the app's root (`<base href>`).
/// Offline it comes from the service worker's copy.
pub async fn fetch_text(file: &str) -> Result<String, FetchError> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or_else(|| FetchError::Network("no window".into()))?;
    let answer = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(file))
        .await
        .map_err(|e| FetchError::Network(format!("{e:?}")))?;
    let response: web_sys::Response = answer
        .dyn_into()
        .map_err(|e| FetchError::Network(format!("{e:?}")))?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = response
        .text()
        .map_err(|e| FetchError::Network(format!("{e:?}")))?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|e| FetchError::Network(format!("{e:?}")))?
        .as_string()
        .ok_or_else(|| FetchError::Network("not text".into()))
}

/// Reloads the page (the "try again" of a page that could not be downloaded).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
