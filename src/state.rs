//! App-wide state as newtype contexts, provided once at the root: the interface language, the
//! student's progress record, and notices about storage. Reading and writing go through
//! [`crate::platform`]; this module decides what to do when that fails.

use crate::content::Lang;
use crate::i18n::{Strings, strings};
use crate::platform::{self, Key, StorageError};
use crate::progress::Record;
use leptos::prelude::*;

/// The interface language.
#[derive(Clone, Copy)]
pub struct LangCtx(pub RwSignal<Lang>);

/// The current student's progress.
#[derive(Clone, Copy)]
pub struct ProgressCtx(pub RwSignal<Record>);

/// A storage problem the user should know about (shown once, dismissible).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No localStorage: in-memory only.
    MemoryOnly,
    /// The quota is full.
    Full,
    /// Damaged data was set aside.
    Recovered,
}

/// The current notice, if any.
#[derive(Clone, Copy)]
pub struct NoticeCtx(pub RwSignal<Option<Notice>>);

/// The profile id used until per-student profiles exist on this browser.
pub const DEFAULT_PROFILE: &str = "guest";

/// Loads stored state and provides every context. Call once, in `App`.
pub fn provide_state() {
    let lang = match platform::load::<String>(&Key::Lang) {
        Ok(Some(code)) => Lang::from_code(&code).unwrap_or(Lang::Vi),
        _ => Lang::Vi,
    };
    let lang = RwSignal::new(lang);
    provide_context(LangCtx(lang));
    Effect::new(move |_| {
        let l = lang.get();
        platform::set_document_lang(l.code());
        let _ = platform::save(&Key::Lang, &l.code());
    });

    let notice = RwSignal::new(if platform::storage_is_persistent() {
        None
    } else {
        Some(Notice::MemoryOnly)
    });
    provide_context(NoticeCtx(notice));

    let key = Key::Profile(DEFAULT_PROFILE.into());
    let record = match platform::load::<Record>(&key) {
        Ok(Some(r)) if r.v <= crate::progress::SCHEMA_VERSION => r,
        Ok(None) => Record::new(),
        Ok(Some(_)) | Err(StorageError::Corrupt { .. }) | Err(_) => {
            // Keep the damaged text aside so nothing is lost, then start fresh.
            if let Some(raw) = platform::read_raw(&key) {
                let backup = Key::Backup(format!(
                    "{}.{}",
                    DEFAULT_PROFILE,
                    platform::now().timestamp()
                ));
                let _ = platform::write_raw(&backup, &raw);
            }
            notice.set(Some(Notice::Recovered));
            // Start clean so the next reload does not make another backup of the same data.
            let fresh = Record::new();
            let _ = platform::save(&key, &fresh);
            fresh
        }
    };
    provide_context(ProgressCtx(RwSignal::new(record)));
}

/// The language signal.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<LangCtx>().0
}

/// A reactive accessor for the current language's strings.
pub fn use_t() -> impl Fn() -> &'static Strings + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || strings(lang.get())
}

/// The progress signal.
pub fn use_progress() -> RwSignal<Record> {
    expect_context::<ProgressCtx>().0
}

/// Changes the progress record and saves it at once; a failed save becomes a notice, and the
/// change is still kept in memory so nothing on screen is lost.
pub fn update_progress(f: impl FnOnce(&mut Record)) {
    let progress = use_progress();
    progress.update(f);
    let result =
        progress.with_untracked(|r| platform::save(&Key::Profile(DEFAULT_PROFILE.into()), r));
    if let Err(e) = result {
        let n = match e {
            StorageError::Unavailable => Notice::MemoryOnly,
            _ => Notice::Full,
        };
        expect_context::<NoticeCtx>().0.set(Some(n));
    }
}
