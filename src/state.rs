//! App-wide state as newtype contexts, provided once at the root: the interface language, the
//! profiles on this browser and who is signed in, the signed-in student's progress, and notices.
//! Reading and writing go through [`crate::platform`]; this module decides what to do when that
//! fails. Here: the contexts, [`provide_state`] and [`update_progress`] (the one way to change a
//! student's progress). By job, in files: `stored` (the load path and what is set aside),
//! `profiles` (sign-in, new and deleted profiles), `idle` (activity, idle sign-out, other tabs),
//! `files` (progress files in and out), `saved` (the split chunk with the JSON code) and
//! `opening` (the route being opened).

use crate::content::Lang;
use crate::i18n::{Strings, strings};
use crate::platform::{self, Key, StorageError};
use crate::profile::{Index, Student};
use crate::progress::Record;
pub use crate::transfer::{ImportFailure, ImportReport, STUDENT_FILE_MAX};
use leptos::prelude::*;
pub use opening::Opening;

mod files;
mod idle;
pub mod opening;
mod profiles;
mod saved;
mod stored;
pub use files::{import_progress, rescue_file, student_file};
pub use idle::touch;
pub use profiles::{
    create_profile, delete_profile, set_idle_minutes, sign_in, sign_out, sign_out_from_frame,
};
pub use saved::{NotLoaded, Stored, export_everything, preload_saved, read_stored};
pub use stored::{Damage, something_saved};

/// The interface language.
#[derive(Clone, Copy)]
pub struct LangCtx(pub RwSignal<Lang>);

/// The signed-in student's progress (an empty record when nobody is signed in). Private: pages
/// read it with [`use_progress`] and change it only with [`update_progress`], which saves.
#[derive(Clone, Copy)]
pub struct ProgressCtx(RwSignal<Record>);

/// The profiles on this browser: the index (every student's details, who is signed in, the
/// idle setting) and the list of students derived from it for the picker.
#[derive(Clone, Copy)]
pub struct ProfilesCtx {
    /// The stored index.
    pub index: RwSignal<Index>,
    /// Every student with a profile here, oldest first.
    pub people: Memo<Vec<Student>>,
}

/// A storage problem or event the user should know about (shown once, dismissible).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No localStorage: in-memory only.
    MemoryOnly,
    /// The quota is full.
    Full,
    /// Damaged data was set aside.
    Recovered,
    /// Damaged data could not be set aside (storage full); it was left as it was.
    DamagedNoRoom,
    /// The last student was signed out after this many idle minutes.
    IdleSignedOut(u32),
    /// The code that reads saved profiles did not download: nothing is read or written until
    /// a reload (so nothing saved is overwritten).
    Unread,
}

/// The current notice, if any.
#[derive(Clone, Copy)]
pub struct NoticeCtx(pub RwSignal<Option<Notice>>);

/// The app's connection to the world: online or not, and whether a new version is waiting.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// The browser is online.
    pub online: RwSignal<bool>,
    /// A new version is installed and waits for "Tải lại".
    pub update: RwSignal<bool>,
}

/// Follows the network state and the service worker's "new version" signal.
fn provide_app_state() {
    let ctx = AppCtx {
        online: RwSignal::new(platform::is_online()),
        update: RwSignal::new(platform::update_waiting()),
    };
    provide_context(ctx);
    let h1 = window_event_listener(leptos::ev::online, move |_| ctx.online.set(true));
    let h2 = window_event_listener(leptos::ev::offline, move |_| ctx.online.set(false));
    let h3 = window_event_listener_untyped("dvclab-update", move |_| ctx.update.set(true));
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
    });
}

/// Provides every context from what `read_stored` found. Call once, in `App`.
pub fn provide_state(stored: Result<Stored, NotLoaded>) {
    let lang = platform::read_word(&Key::Lang)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or(Lang::Vi);
    let lang = RwSignal::new(lang);
    provide_context(LangCtx(lang));
    Effect::new(move |_| {
        let l = lang.get();
        platform::set_document_lang(l.code());
        let _ = platform::write_word(&Key::Lang, l.code());
    });

    let notice = RwSignal::new(if platform::storage_is_persistent() {
        None
    } else {
        Some(Notice::MemoryOnly)
    });
    provide_context(NoticeCtx(notice));
    provide_app_state();

    let saved_before = something_saved();
    let (mut index, records) = match stored {
        Ok(Stored {
            index,
            records,
            damaged,
        }) => {
            match damaged {
                Damage::None => {}
                Damage::SetAside => notice.set(Some(Notice::Recovered)),
                Damage::NoRoom => notice.set(Some(Notice::DamagedNoRoom)),
            }
            (index, records)
        }
        Err(NotLoaded) => {
            UNREAD.set(true);
            notice.set(Some(Notice::Unread));
            (Index::default(), Vec::new())
        }
    };
    let now = platform::now().timestamp();
    if index.idle_expired(now) {
        // The last student left without signing out; the next one must not land in it.
        index.current = None;
    }
    let current = index
        .current
        .as_ref()
        .and_then(|id| records.iter().find(|r| r.student.id == *id).cloned())
        .unwrap_or_default();
    let index = RwSignal::new(index);
    let ctx = ProfilesCtx {
        index,
        people: Memo::new(move |_| index.with(|i| i.people.clone())),
    };
    provide_context(ctx);
    provide_context(ProgressCtx(RwSignal::new(current)));
    if saved_before {
        // Writes back what start-up repaired (reconciled index, expired sign-in).
        save_index_later();
    }
    idle::watch_other_tabs();
    idle::sign_out_when_idle();
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

/// The signed-in student's progress, to read ([`update_progress`] is the one way to change it).
pub fn use_progress() -> ReadSignal<Record> {
    expect_context::<ProgressCtx>().0.read_only()
}

/// The progress signal itself, for this module's writers.
fn progress_signal() -> RwSignal<Record> {
    expect_context::<ProgressCtx>().0
}

/// The profiles context.
pub fn use_profiles() -> ProfilesCtx {
    expect_context::<ProfilesCtx>()
}

/// The signed-in student, if any (reactive).
pub fn use_student() -> Signal<Option<Student>> {
    let p = use_profiles();
    let progress = use_progress();
    Signal::derive(move || {
        p.index
            .with(|i| i.current.clone())
            .map(|_| progress.with(|r| r.student.clone()))
    })
}

fn warn(e: StorageError) {
    let n = match e {
        StorageError::Unavailable => Notice::MemoryOnly,
        _ => Notice::Full,
    };
    if let Some(ctx) = use_context::<NoticeCtx>() {
        ctx.0.set(Some(n));
    }
}

fn save_index() {
    if UNREAD.get() {
        return;
    }
    let p = use_profiles();
    if let Err(e) = p
        .index
        .with_untracked(|i| platform::save(&Key::ProfileIndex, i))
    {
        warn(e);
    }
}

/// Saves the index from the first-download code (sign-out, activity, idle sign-out): the JSON
/// code lives in the `saved` chunk, so the write happens as soon as that chunk is here (at
/// once when it already is), and writes whatever the index holds by then.
fn save_index_later() {
    write_index_later(use_profiles().index, use_context::<NoticeCtx>());
}

/// [`save_index_later`] for code that runs outside the component tree (timers).
fn write_index_later(index: RwSignal<Index>, notice: Option<NoticeCtx>) {
    if UNREAD.get() {
        return;
    }
    leptos::task::spawn_local(async move {
        let Some(latest) = index.try_get_untracked() else {
            return;
        };
        let problem = match saved::write_index(latest).await {
            Ok(Ok(())) => return,
            Ok(Err(StorageError::Unavailable)) => Notice::MemoryOnly,
            Ok(Err(_)) => Notice::Full,
            Err(NotLoaded) => Notice::Unread,
        };
        if let Some(NoticeCtx(n)) = notice {
            n.set(Some(problem));
        }
    });
}

/// Changes the signed-in student's record and saves it at once; a failed save becomes a
/// notice, and the change is still kept in memory (see [`UNSAVED`]) so nothing on screen is
/// lost and the rescue file ([`rescue_file`]) holds it. Returns the failed save, so the screen
/// that made the change can say so where the student is looking.
pub fn update_progress(f: impl FnOnce(&mut Record)) -> Result<(), StorageError> {
    let progress = progress_signal();
    progress.update(f);
    let Some(id) = use_profiles().index.with_untracked(|i| i.current.clone()) else {
        return Ok(());
    };
    touch();
    platform::mark("dvclab-save-start");
    let saved = progress.with_untracked(|r| platform::save(&Key::Profile(id.clone()), r));
    platform::measure_since("dvclab-save", "dvclab-save-start");
    match saved {
        Ok(()) => {
            UNSAVED.with(|u| u.borrow_mut().remove(&id));
            Ok(())
        }
        Err(e) => {
            progress.with_untracked(|r| UNSAVED.with(|u| u.borrow_mut().insert(id, r.clone())));
            let memory_only = e == StorageError::Unavailable;
            warn(e.clone());
            if memory_only { Ok(()) } else { Err(e) }
        }
    }
}

thread_local! {
    /// Records whose latest state could not be written (storage full), by profile id: what
    /// the app holds in memory only. Signing in again uses them; the rescue file includes them.
    static UNSAVED: std::cell::RefCell<std::collections::BTreeMap<String, Record>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

thread_local! {
    /// Start-up could not read the saved profiles: write nothing over them.
    static UNREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Test helpers shared by the state files' native tests.
#[cfg(test)]
mod test_support {
    use crate::platform::{self, Key};
    use crate::profile::Student;
    use crate::progress::Record;

    /// A student of 10A1 with this id and name.
    pub fn student(id: &str, name: &str) -> Student {
        Student {
            id: id.into(),
            name: name.into(),
            class: "10A1".into(),
            ..Student::default()
        }
    }

    /// Stores a record under its profile key, as a lab PC would.
    pub fn store(r: &Record) {
        let _ = platform::save(&Key::Profile(r.student.id.clone()), r);
    }
}
