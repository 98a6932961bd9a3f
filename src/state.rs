//! App-wide state as newtype contexts, provided once at the root: the interface language, the
//! profiles on this browser and who is signed in, the signed-in student's progress, and notices.
//! Reading and writing go through [`crate::platform`]; this module decides what to do when that
//! fails, signs idle students out, and follows changes made in another tab.

use crate::content::Lang;
use crate::i18n::{Strings, strings};
use crate::platform::{self, Key, StorageError};
use crate::profile::{Draft, Index, Problems, Student};
use crate::progress::Record;
use crate::transfer::Kind;
pub use crate::transfer::{ImportFailure, ImportReport, STUDENT_FILE_MAX};
use leptos::prelude::*;
pub use opening::Opening;

pub mod opening;
mod saved;
pub use saved::{NotLoaded, Stored, export_everything, preload_saved, read_stored};

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

/// Name given to progress saved before profiles existed (format 1 had no student).
const LEGACY_NAME: &str = "Khách (trước khi có tài khoản học)";

/// Reads one stored profile, migrating older formats (and writing the result back).
fn read_profile(id: &str) -> Result<Option<Record>, ()> {
    let key = Key::Profile(id.to_string());
    let Some(raw) = platform::read_raw(&key) else {
        return Ok(None);
    };
    let value: serde_json::Value = serde_json::from_str(&raw).map_err(|_| ())?;
    let old =
        value.get("v").and_then(|v| v.as_u64()) != Some(crate::progress::SCHEMA_VERSION as u64);
    let mut record = crate::progress::migrate(value).map_err(|_| ())?;
    if record.student.id.is_empty() {
        record.student.id = id.to_string();
        record.student.name = LEGACY_NAME.to_string();
    }
    if old {
        let _ = platform::save(&key, &record);
    }
    Ok(Some(record))
}

/// Moves a stored value that cannot be read to a backup key, so nothing is lost and the next
/// start does not trip on it again. Returns whether the copy is safe; when there is no room for
/// it, the value stays where it is (untouched) and the caller must not write over it.
fn set_aside(key: &Key, what: &str) -> bool {
    let Some(raw) = platform::read_raw(key) else {
        return true;
    };
    let backup = Key::Backup(format!("{what}.{}", platform::now().timestamp()));
    // Only once the copy is safe (in memory-only mode "Unavailable" still means kept).
    if matches!(
        platform::write_raw(&backup, &raw),
        Ok(()) | Err(StorageError::Unavailable)
    ) {
        platform::remove(key);
        true
    } else {
        false
    }
}

/// What start-up found damaged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Damage {
    /// Nothing.
    #[default]
    None,
    /// Damaged data was copied to a backup key.
    SetAside,
    /// Damaged data could not be copied (storage full): it was left untouched where it was.
    NoRoom,
}

impl Damage {
    fn add(&mut self, copied: bool) {
        *self = match (*self, copied) {
            (Damage::NoRoom, _) | (_, false) => Damage::NoRoom,
            _ => Damage::SetAside,
        };
    }
}

/// Every profile id stored on this browser.
fn stored_ids() -> Vec<String> {
    platform::app_entries()
        .into_iter()
        .filter_map(|(k, _)| k.strip_prefix("dvclab.v1.profile.").map(str::to_string))
        .collect()
}

/// Reads the index and every profile. A damaged record is set aside and, when the index knows
/// whose it was, the profile starts again empty under the same name; a damaged index is set
/// aside and rebuilt from the records. Returns whether anything was damaged.
fn load_all() -> (Index, Vec<Record>, Damage) {
    let mut damage = Damage::None;
    let mut index = match platform::load::<Index>(&Key::ProfileIndex) {
        Ok(Some(i)) if i.v <= crate::profile::INDEX_VERSION => i,
        Ok(None) => Index::default(),
        _ => {
            damage.add(set_aside(&Key::ProfileIndex, "profiles"));
            Index::default()
        }
    };
    let mut records = Vec::new();
    for id in stored_ids() {
        match read_profile(&id) {
            Ok(Some(r)) => records.push(r),
            Ok(None) => {}
            Err(()) => {
                let key = Key::Profile(id.clone());
                let copied = set_aside(&key, &format!("profile.{id}"));
                damage.add(copied);
                // Start the student again only where the damaged text is safe in its copy.
                if copied && let Some(student) = index.get(&id) {
                    let mut fresh = Record::new();
                    fresh.student = student.clone();
                    let _ = platform::save(&key, &fresh);
                    records.push(fresh);
                }
            }
        }
    }
    let students: Vec<Student> = records.iter().map(|r| r.student.clone()).collect();
    index.reconcile(&students);
    (index, records, damage)
}

/// Whether this browser has saved profiles (checked without reading them): when not, the first
/// screen needs none of the code that reads them.
pub fn something_saved() -> bool {
    platform::has_key_starting(&Key::ProfileIndex.name())
        || platform::has_key_starting(&Key::Profile(String::new()).name())
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
    watch_other_tabs();
    sign_out_when_idle();
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

/// Every student's latest record: what is stored, replaced by what only memory holds (a save
/// that did not fit, the signed-in student's screen), plus the raw text of damaged copies.
/// No teacher data: this is what a student may take away.
fn students_now() -> (Vec<Record>, std::collections::BTreeMap<String, String>) {
    let mut records: std::collections::BTreeMap<String, Record> = stored_ids()
        .into_iter()
        .filter_map(|id| read_profile(&id).ok().flatten().map(|r| (id, r)))
        .collect();
    UNSAVED.with(|u| {
        for (id, r) in u.borrow().iter() {
            records.insert(id.clone(), r.clone());
        }
    });
    if let Some(ctx) = use_context::<ProgressCtx>() {
        let current = ctx.0.get_untracked();
        if !current.student.id.is_empty() {
            records.insert(current.student.id.clone(), current);
        }
    }
    let damaged = platform::app_entries()
        .into_iter()
        .filter(|(k, _)| {
            k.starts_with("dvclab.backup.profile") || k.starts_with("dvclab.backup.profiles")
        })
        .collect();
    (records.into_values().collect(), damaged)
}

/// The storage notice's rescue file: every student on this browser as a sealed progress file
/// (so it imports on any browser like any progress file), holding what memory holds too.
pub fn rescue_file() -> (String, String) {
    let (records, damaged) = students_now();
    let text = crate::transfer::rescue(&records, damaged, &platform::now().to_rfc3339());
    let name = format!(
        "dvc-lab-tien-do-{}.json",
        platform::now().format("%Y-%m-%d-%H%M")
    );
    (name, text)
}

/// Signs a student in (the PIN, if any, is checked by the caller with [`Student::pin_ok`]).
pub fn sign_in(id: &str) {
    let p = use_profiles();
    let record = match UNSAVED.with(|u| u.borrow().get(id).cloned()) {
        Some(r) => r,
        None => match read_profile(id) {
            Ok(Some(r)) => r,
            _ => return,
        },
    };
    progress_signal().set(record);
    p.index.update(|i| {
        i.current = Some(id.to_string());
        i.active = platform::now().timestamp();
    });
    save_index();
}

/// Signs the current student out (the profile stays). For page chunks: writes the index at
/// once.
pub fn sign_out() {
    forget_student();
    save_index();
}

/// [`sign_out`] for the frame's "Đổi người học" button: the index is written by the `saved`
/// chunk. (Page chunks must not call the `saved` split functions: the wasm test binary, which
/// is not split, would then import them and fail to load.)
pub fn sign_out_from_frame() {
    forget_student();
    save_index_later();
}

fn forget_student() {
    let p = use_profiles();
    p.index.update(|i| i.current = None);
    progress_signal().set(Record::new());
}

/// Creates a profile from the form and signs it in, or says what to fix.
pub fn create_profile(draft: &Draft) -> Result<(), Problems> {
    let p = use_profiles();
    let (mut student, pin) = p.people.with_untracked(|people| draft.validate(people))?;
    // From the browser's cryptographic generator: two students making a profile at the same
    // moment on two PCs never get the same id, and a salt is not guessable from the clock.
    student.id = crate::profile::new_id(platform::random_u64(), &student.name);
    student.pin = pin.map(|pin| crate::profile::protect_pin(&pin, platform::random_u64()));
    student.created = platform::now().timestamp();
    let mut record = Record::new();
    record.student = student.clone();
    if let Err(e) = platform::save(&Key::Profile(student.id.clone()), &record) {
        UNSAVED.with(|u| u.borrow_mut().insert(student.id.clone(), record.clone()));
        warn(e);
    }
    p.index.update(|i| {
        i.people.push(student.clone());
        i.school = student.school.clone();
        i.current = Some(student.id.clone());
        i.active = platform::now().timestamp();
    });
    progress_signal().set(record);
    save_index();
    Ok(())
}

/// Deletes a profile from this browser (teacher area), keeping a backup copy.
pub fn delete_profile(id: &str) {
    set_aside(&Key::Profile(id.to_string()), &format!("deleted.{id}"));
    let p = use_profiles();
    if p.index.with_untracked(|i| i.current.as_deref() == Some(id)) {
        sign_out();
    }
    p.index.update(|i| i.people.retain(|s| s.id != id));
    save_index();
}

/// Sets the idle sign-out (teacher area); 0 turns it off.
pub fn set_idle_minutes(minutes: u32) {
    use_profiles()
        .index
        .update(|i| i.idle_min = minutes.min(240));
    save_index();
}

thread_local! {
    /// Start-up could not read the saved profiles: write nothing over them.
    static UNREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static LAST_TOUCH: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// Notes that the student is active (a save from a page); writes at most every 30 seconds.
pub fn touch() {
    if note_activity() {
        save_index();
    }
}

/// [`touch`] for clicks and keys anywhere (the frame's listeners), written by the `saved` chunk.
fn touch_from_frame() {
    if note_activity() {
        save_index_later();
    }
}

/// Records activity in the index; true when it is time to write it (every 30 seconds at most).
fn note_activity() -> bool {
    let now = platform::now().timestamp();
    if now - LAST_TOUCH.get() < 30 {
        return false;
    }
    LAST_TOUCH.set(now);
    let p = use_profiles();
    if p.index.with_untracked(|i| i.current.is_none()) {
        return false;
    }
    p.index.update_untracked(|i| i.active = now);
    true
}

/// Re-reads everything another tab may have changed.
fn reload_from_storage(ctx: ProfilesCtx, progress: RwSignal<Record>) {
    if UNREAD.get() {
        return;
    }
    leptos::task::spawn_local(async move {
        // Shows what another tab saved, changing only what differs (compared in the `saved`
        // chunk: comparing whole records is not needed in the first download). What this tab
        // shows is taken once the chunk is here, so the comparison runs at once after it.
        let _ = preload_saved().await;
        let shown = (ctx.index.get_untracked(), progress.get_untracked());
        if let Ok(changes) = saved::other_tab_changes(shown.0, shown.1).await {
            if let Some(record) = changes.progress {
                progress.set(record);
            }
            if let Some(index) = changes.index {
                ctx.index.set(index);
            }
        }
    });
}

/// Follows another tab: a sign-in, a sign-out, progress or new profiles.
fn watch_other_tabs() {
    let ctx = use_profiles();
    let progress = progress_signal();
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        let key = e.key().unwrap_or_default();
        if key.is_empty()
            || key == Key::ProfileIndex.name()
            || key.starts_with("dvclab.v1.profile.")
        {
            reload_from_storage(ctx, progress);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Checks every 10 seconds whether the student has been idle too long, and listens for
/// activity.
fn sign_out_when_idle() {
    let ctx = use_profiles();
    let progress = progress_signal();
    let notice = expect_context::<NoticeCtx>().0;
    let owner = Owner::current();
    let activity = move || {
        if let Some(o) = &owner {
            o.with(touch_from_frame);
        }
    };
    let a1 = activity.clone();
    let h1 = window_event_listener(leptos::ev::pointerdown, move |_| a1());
    let h2 = window_event_listener(leptos::ev::keydown, move |_| activity());
    let check = move |now: i64| {
        if ctx.index.with_untracked(|i| i.idle_expired(now)) {
            let minutes = ctx.index.with_untracked(|i| i.idle_min);
            ctx.index.update(|i| i.current = None);
            progress.set(Record::new());
            write_index_later(ctx.index, Some(NoticeCtx(notice)));
            notice.set(Some(Notice::IdleSignedOut(minutes)));
        }
    };
    let interval = set_interval_with_handle(
        move || {
            let now = platform::now().timestamp();
            if UNREAD.get() || ctx.index.with_untracked(|i| !i.idle_expired(now)) {
                return;
            }
            // Idle here, but another tab may have been active more recently.
            leptos::task::spawn_local(async move {
                if let Ok(Some(active)) = saved::stored_activity().await {
                    ctx.index
                        .update_untracked(|i| i.active = i.active.max(active));
                }
                check(now);
            });
        },
        std::time::Duration::from_secs(10),
    )
    .ok();
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
}

/// Reads a progress file (a student's own, or a few profiles) into this browser's profiles.
/// With `only` set, the file must belong to that student (importing on "My progress").
/// All or nothing: every profile is written, or none is (what was written is undone).
/// Signs the student in when the file holds exactly one profile without a PIN; a profile with a
/// PIN waits for its PIN in the picker ([`ImportReport::needs_pin`]).
///
/// `max` is how many profiles the file may hold: [`STUDENT_FILE_MAX`] on the student side;
/// the teacher area restores a whole PC's rescue file with a larger one.
pub fn import_progress(
    text: &str,
    only: Option<&str>,
    max: usize,
) -> Result<ImportReport, ImportFailure> {
    let file = crate::transfer::import(text).map_err(ImportFailure::File)?;
    if file.records.len() > max {
        return Err(ImportFailure::WholePc(file.records.len()));
    }
    if let Some(id) = only
        && (file.records.len() != 1 || file.records[0].student.id != id)
    {
        let name = file
            .records
            .first()
            .map(|r| r.student.name.clone())
            .unwrap_or_default();
        return Err(ImportFailure::NotYours(name));
    }
    let (records, mut report) =
        crate::transfer::merge_into(&file.records, |id| read_profile(id).ok().flatten());
    write_all(&records).map_err(ImportFailure::Storage)?;
    let p = use_profiles();
    for record in records {
        p.index.update(|i| i.reconcile_one(&record.student));
        let current = p.index.with_untracked(|i| i.current.clone());
        if current.as_deref() == Some(record.student.id.as_str()) {
            progress_signal().set(record);
        }
    }
    save_index();
    if let [one] = file.records.as_slice() {
        let id = one.student.id.clone();
        let signed_in = p.index.with_untracked(|i| i.current.clone());
        let has_pin = p
            .index
            .with_untracked(|i| i.get(&id).is_some_and(|s| s.pin.is_some()));
        if signed_in.as_deref() != Some(id.as_str()) {
            if has_pin {
                report.needs_pin = Some(id);
            } else {
                sign_in(&id);
            }
        }
    }
    Ok(report)
}

/// Writes every record, or none: when one write fails (storage full), the ones already written
/// get their earlier text back (or are removed), so the browser is exactly as before.
fn write_all(records: &[Record]) -> Result<(), StorageError> {
    let mut written: Vec<(Key, Option<String>)> = Vec::with_capacity(records.len());
    for r in records {
        let key = Key::Profile(r.student.id.clone());
        let before = platform::read_raw(&key);
        match platform::save(&key, r) {
            // In memory-only mode the write is kept in memory: nothing to undo.
            Ok(()) | Err(StorageError::Unavailable) => written.push((key, before)),
            Err(e) => {
                for (key, before) in written.into_iter().rev() {
                    match before {
                        Some(text) => {
                            let _ = platform::write_raw(&key, &text);
                        }
                        None => platform::remove(&key),
                    }
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// The signed-in student's own file, ready to download.
pub fn student_file() -> Option<(String, String)> {
    let record = use_progress().get_untracked();
    if record.student.id.is_empty() {
        return None;
    }
    let text = crate::transfer::export(
        Kind::Student,
        "",
        &platform::now().to_rfc3339(),
        std::slice::from_ref(&record),
    );
    let name = format!(
        "dvc-lab-{}-{}.json",
        crate::text::loose(&record.student.name).replace(' ', "-"),
        platform::now().format("%Y-%m-%d")
    );
    Some((name, text))
}

#[cfg(test)]
mod tests {
    //! Natively, `platform` keeps storage in memory (per test thread), so start-up recovery can
    //! be tested without a browser.
    use super::*;

    fn student(id: &str, name: &str) -> Student {
        Student {
            id: id.into(),
            name: name.into(),
            class: "10A1".into(),
            ..Student::default()
        }
    }

    fn store(r: &Record) {
        let _ = platform::save(&Key::Profile(r.student.id.clone()), r);
    }

    fn backups() -> Vec<(String, String)> {
        platform::app_entries()
            .into_iter()
            .filter(|(k, _)| k.starts_with("dvclab.backup."))
            .collect()
    }

    #[test]
    fn a_damaged_record_is_kept_aside_and_the_student_keeps_their_name() {
        let mut linh = Record::new();
        linh.student = student("aa", "Nguyễn Thị Linh");
        linh.open_lesson("vneid", 5);
        let mut nam = Record::new();
        nam.student = student("bb", "Lê Văn Nam");
        store(&linh);
        store(&nam);
        let index = Index {
            people: vec![linh.student.clone(), nam.student.clone()],
            current: Some("aa".into()),
            active: platform::now().timestamp(),
            ..Index::default()
        };
        let _ = platform::save(&Key::ProfileIndex, &index);
        let damaged = "{\"v\":2,\"lessons\":{\"vneid\":";
        let _ = platform::write_raw(&Key::Profile("aa".into()), damaged);

        let (index, records, was_damaged) = load_all();
        assert_eq!(was_damaged, Damage::SetAside);
        let names: Vec<&str> = records.iter().map(|r| r.student.name.as_str()).collect();
        assert_eq!(names, vec!["Nguyễn Thị Linh", "Lê Văn Nam"]);
        assert!(records[0].lessons.is_empty(), "Linh starts again, empty");
        assert_eq!(index.current.as_deref(), Some("aa"), "still signed in");
        let kept = backups();
        assert_eq!(kept.len(), 1);
        assert!(
            kept[0].0.starts_with("dvclab.backup.profile.aa."),
            "{kept:?}"
        );
        assert_eq!(kept[0].1, damaged, "byte for byte");
        // A second start finds nothing damaged: no backup of the backup.
        assert_eq!(load_all().2, Damage::None);
        assert_eq!(backups().len(), 1);
    }

    #[test]
    fn a_damaged_index_is_rebuilt_from_the_records() {
        let mut r = Record::new();
        r.student = student("cc", "Trần Minh Khoa");
        store(&r);
        let _ = platform::write_raw(&Key::ProfileIndex, "[[[");
        let (index, records, damaged) = load_all();
        assert_eq!(damaged, Damage::SetAside);
        assert_eq!(records.len(), 1);
        assert_eq!(index.people, vec![r.student.clone()]);
        assert_eq!(index.current, None);
        assert!(
            backups()
                .iter()
                .any(|(k, v)| k.starts_with("dvclab.backup.profiles.") && v == "[[[")
        );
    }

    #[test]
    fn older_records_are_migrated_on_start_and_newer_ones_set_aside() {
        let v1 = r#"{"v":1,"lessons":{"vneid":{"opened":3,"tries":1,"best":90,"passed":true,"recent":[{"at":4,"score":90}]}}}"#;
        let _ = platform::write_raw(&Key::Profile("guest".into()), v1);
        let newer = r#"{"v":9,"student":{"id":"dd","name":"X Y","class":"10A1"}}"#;
        let _ = platform::write_raw(&Key::Profile("dd".into()), newer);
        let (_, records, damaged) = load_all();
        assert_eq!(
            damaged,
            Damage::SetAside,
            "a record from a newer app is set aside, not misread"
        );
        assert_eq!(records.len(), 1);
        let guest = &records[0];
        assert_eq!(guest.student.id, "guest");
        assert_eq!(guest.student.name, LEGACY_NAME);
        assert_eq!(guest.lessons["vneid"].recent[0].score, 90);
        let rewritten = platform::read_raw(&Key::Profile("guest".into())).unwrap_or_default();
        assert!(
            rewritten.starts_with("{\"v\":3"),
            "written back in the current format: {rewritten}"
        );
        assert!(backups().iter().any(|(_, v)| v == newer));
        assert_eq!(
            load_all().2,
            Damage::None,
            "set aside once, not on every start"
        );
    }

    #[test]
    fn an_import_that_does_not_fit_leaves_the_browser_exactly_as_before() {
        let mut linh = Record::new();
        linh.student = student("aa", "Nguyễn Thị Linh");
        linh.open_lesson("vneid", 1_795_000_000);
        store(&linh);
        let before = platform::app_entries();
        // Linh's record grows, then two new profiles: the third write does not fit.
        let mut grown = linh.clone();
        grown.open_lesson("dvcqg", 1_795_000_100);
        let mut an = Record::new();
        an.student = student("bb", "Trần Văn An");
        let mut binh = Record::new();
        binh.student = student("cc", "Lê Thị Bình");
        binh.student.name = "B".repeat(50);
        let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
        platform::set_memory_quota(Some(used + 180));
        let result = write_all(&[grown, an, binh]);
        platform::set_memory_quota(None);
        assert_eq!(result, Err(StorageError::QuotaExceeded));
        assert_eq!(platform::app_entries(), before, "every write undone");
    }

    #[test]
    fn damaged_data_with_no_room_for_a_copy_is_left_untouched_and_said() {
        let mut index = Index::default();
        index.reconcile(&[student("aa", "Nguyễn Thị Linh")]);
        let _ = platform::save(&Key::ProfileIndex, &index);
        let damaged = "{\"v\":2,\"lessons\":{\"vneid\":";
        let _ = platform::write_raw(&Key::Profile("aa".into()), damaged);
        let used: usize = platform::app_entries()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum();
        platform::set_memory_quota(Some(used));
        let (_, records, found) = load_all();
        platform::set_memory_quota(None);
        assert_eq!(found, Damage::NoRoom, "not 'a copy was set aside'");
        assert!(backups().is_empty());
        assert_eq!(
            platform::read_raw(&Key::Profile("aa".into())).as_deref(),
            Some(damaged),
            "not written over"
        );
        assert!(records.is_empty());
    }
}
