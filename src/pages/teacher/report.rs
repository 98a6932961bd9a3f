//! The teacher's imported data: read from IndexedDB when the area opens (moved over once from
//! an older version's localStorage, unreadable data set aside), kept after every change, and
//! the import of many progress files at once into it, each file's result said.

use crate::content::{Lang, course};
use crate::platform::{self, Key};
use crate::progress::requirements;
use crate::state::use_t;
use crate::teacher::class::{Collection, Report};
use leptos::prelude::*;

/// The imported data, loaded when the teacher area opens.
#[derive(Clone, Copy)]
pub(super) struct Data {
    pub(super) collection: RwSignal<Collection>,
    pub(super) report: Memo<std::sync::Arc<Report>>,
    pub(super) log: RwSignal<Vec<(bool, String)>>,
    pub(super) busy: RwSignal<Option<(usize, usize)>>,
    pub(super) full: RwSignal<bool>,
    /// What opening the area found wrong with the stored data, if anything.
    pub(super) stored: RwSignal<StoredNote>,
    /// Where the data is kept: `None` until the stored data has been read.
    pub(super) keeping: RwSignal<Option<Keeping>>,
    /// The day the report is read as of (`yyyy-mm-dd`; empty: today).
    pub(super) as_of: RwSignal<String>,
    /// Whether the print-only pages (every student of every class) are drawn: just after the
    /// dashboard, so a school of 3,000 is on screen first.
    pub(super) print_ready: RwSignal<bool>,
}

/// Where the teacher's data lives while the area is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keeping {
    /// In the browser's IndexedDB (`platform::school_db`): kept across reloads and restarts.
    Stored,
    /// IndexedDB is not available (some private modes, a policy): in this page's memory only.
    MemoryOnly,
}

/// What opening the teacher area found in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum StoredNote {
    /// Nothing wrong.
    Fine,
    /// This many stored records held impossible values and were left out.
    LeftOut(usize),
    /// The stored data could not be read; a copy was set aside under this backup key (in
    /// IndexedDB: offered for download; in localStorage: in "Xuất dữ liệu").
    SetAside(Option<Key>),
    /// The stored data could not be read, and there was no room for a copy: it is left as it
    /// is, and nothing is saved over it until the teacher clears it.
    Kept,
}

fn note_for(left_out: usize) -> StoredNote {
    if left_out > 0 {
        StoredNote::LeftOut(left_out)
    } else {
        StoredNote::Fine
    }
}

/// Reads what an older version kept in localStorage (`dvclab.v1.teacher`). Nothing stored can
/// break the area: unreadable data is set aside under a backup key (or, with no room for a copy,
/// left untouched and not written over), and records with impossible values are left out.
fn load_legacy() -> (Collection, StoredNote) {
    let Some(raw) = platform::read_raw(&Key::Teacher) else {
        return (Collection::default(), StoredNote::Fine);
    };
    if let Some((c, left_out)) = Collection::from_stored(&raw) {
        return (c, note_for(left_out));
    }
    let backup = Key::Backup(format!("teacher.{}", platform::now().timestamp()));
    let note = match platform::write_raw(&backup, &raw) {
        Ok(()) | Err(platform::StorageError::Unavailable) => {
            platform::remove(&Key::Teacher);
            StoredNote::SetAside(None)
        }
        Err(_) => StoredNote::Kept,
    };
    (Collection::default(), note)
}

/// Reads the teacher's stored collection from IndexedDB; the first time, moves what an older
/// version kept in localStorage over to it (removed from localStorage only once IndexedDB has
/// confirmed the copy, so nothing is lost if the move is interrupted). Without IndexedDB, the
/// localStorage data (if any) is used and left in place, and the area works in memory.
async fn load_collection() -> (Collection, StoredNote, Keeping) {
    use platform::school_db;
    if school_db::open().await.is_err() {
        let (c, note) = load_legacy();
        return (c, note, Keeping::MemoryOnly);
    }
    match school_db::read(&Key::Teacher).await {
        Err(_) => {
            let (c, note) = load_legacy();
            (c, note, Keeping::MemoryOnly)
        }
        Ok(Some(text)) => match Collection::from_stored(&text) {
            Some((c, left_out)) => (c, note_for(left_out), Keeping::Stored),
            None => {
                // Unreadable: copied aside in IndexedDB itself (it has the room), then removed.
                let backup = Key::Backup(format!("teacher.{}", platform::now().timestamp()));
                let note = match school_db::write(&backup, &text).await {
                    Ok(()) => {
                        let _ = school_db::start_write(&Key::Teacher, None).done().await;
                        StoredNote::SetAside(Some(backup))
                    }
                    Err(_) => StoredNote::Kept,
                };
                (Collection::default(), note, Keeping::Stored)
            }
        },
        Ok(None) => {
            let had_legacy = platform::read_raw(&Key::Teacher).is_some();
            let (c, note) = load_legacy();
            if had_legacy && note != StoredNote::Kept && platform::read_raw(&Key::Teacher).is_some()
            {
                match school_db::write(&Key::Teacher, &c.to_stored()).await {
                    Ok(()) => platform::remove(&Key::Teacher),
                    // Not moved (IndexedDB full): the localStorage copy stays as it is.
                    Err(_) => return (c, note, Keeping::MemoryOnly),
                }
            }
            (c, note, Keeping::Stored)
        }
    }
}

/// Saves the collection: hands the write to IndexedDB at once (so saves apply in the order they
/// were made) and returns a future that says whether it was kept (shown as `full`).
pub(super) fn save(d: Data) -> impl std::future::Future<Output = ()> {
    let pending = d.collection.with_untracked(|c| start_saving(d, c));
    finish_saving(d, pending)
}

/// Serialises `c` and hands it to IndexedDB (nothing when there is nowhere to write, or when
/// unreadable data that could not be copied must not be written over).
pub(super) fn start_saving(d: Data, c: &Collection) -> Option<platform::school_db::Pending> {
    if d.stored.get_untracked() == StoredNote::Kept {
        d.full.set(true);
        return None;
    }
    if d.keeping.get_untracked() != Some(Keeping::Stored) {
        return None;
    }
    platform::mark("dvclab-persist-start");
    let text = c.to_stored();
    platform::measure_between("dvclab-persist-serialize", "dvclab-persist-start");
    Some(platform::school_db::start_write(&Key::Teacher, Some(&text)))
}

pub(super) async fn finish_saving(d: Data, pending: Option<platform::school_db::Pending>) {
    if let Some(p) = pending {
        let kept = p.done().await.is_ok();
        platform::measure_since("dvclab-persist", "dvclab-persist-start");
        d.full.set(!kept);
    }
}

/// Saves in the background (the result shows as `full`).
pub(super) fn save_soon(d: Data) {
    leptos::task::spawn_local(save(d));
}

/// How many student rows the table draws before "show more" (all of a chosen class).
pub(super) const STUDENT_ROWS: usize = 200;

pub(super) fn date(ts: i64) -> String {
    crate::dates::day(ts)
}

pub(super) fn lesson_title(lang: Lang, id: &str) -> String {
    course()
        .lesson(lang, id)
        .map_or_else(|| id.to_string(), |d| d.meta.title.clone())
}

/// Imports progress files one by one into a working copy, letting the browser draw the
/// progress bar every ~30 ms, then shows the result once (the dashboard is computed once, not
/// once per file).
pub(super) async fn import_files(d: Data, files: Vec<web_sys::File>, owner: Owner) {
    let total = files.len();
    d.busy.set(Some((0, total)));
    platform::mark("dvclab-import-start");
    let mut work = d.collection.get_untracked();
    let mut lines = Vec::new();
    let mut last_yield = js_sys::Date::now();
    // Every read starts now; the browser reads them in parallel while we merge in order.
    let reads: Vec<_> = files
        .iter()
        .map(|f| {
            (
                f.name(),
                platform::start_reading(f, crate::transfer::MAX_FILE_BYTES),
            )
        })
        .collect();
    for (i, (name, read)) in reads.into_iter().enumerate() {
        let text = match read {
            Ok(pending) => pending.await,
            Err(e) => Err(e),
        };
        if i == 0 {
            // How long the browser took to hand over the first file (read by `make bench`).
            platform::measure_between("dvclab-import-wait", "dvclab-import-start");
        }
        let line = owner.with(|| {
            let t = use_t()();
            let failure = |e: crate::transfer::ImportError| {
                let why = (t.people().import_failed)(&crate::state::ImportFailure::File(e));
                (false, (t.teach().file_failed)(&name, &why))
            };
            match text {
                Err(platform::FileError::TooLarge { mb }) => {
                    failure(crate::transfer::ImportError::TooLarge { mb })
                }
                Err(platform::FileError::Unreadable(e)) => {
                    failure(crate::transfer::ImportError::NotJson(e))
                }
                Ok(text) => match crate::transfer::import(&text) {
                    Err(e) => failure(e),
                    Ok(file) => {
                        let a = work.add(file);
                        (
                            true,
                            (t.teach().file_ok)(&name, a.new, a.updated, a.unchanged, a.conflicts),
                        )
                    }
                },
            }
        });
        lines.push(line);
        if js_sys::Date::now() - last_yield > 30.0 {
            d.busy.set(Some((i + 1, total)));
            platform::next_tick().await;
            last_yield = js_sys::Date::now();
        }
    }
    // Measured: reading, checking and merging every file.
    platform::measure_between("dvclab-import", "dvclab-import-start");
    // Kept first, then shown: what the dashboard shows is what a reload will show.
    let pending = start_saving(d, &work);
    finish_saving(d, pending).await;
    // Measured (the budget): the same, up to the moment IndexedDB confirmed the data is kept.
    platform::measure_since("dvclab-import-kept", "dvclab-import-start");
    d.collection.set(work);
    d.log.update(|l| l.extend(lines));
    d.busy.set(None);
}

/// The teacher's imported data, read from storage as the area opens (`keeping` stays `None`
/// until it has been read; the import and the report wait for it).
pub(super) fn open_data() -> Data {
    platform::mark("dvclab-teacher-open-start");
    let collection = RwSignal::new(Collection::default());
    let as_of = RwSignal::new(String::new());
    let report = Memo::new(move |_| {
        let day = as_of.with(|d| crate::dates::end_of_day(d));
        std::sync::Arc::new(collection.with(|c| c.report_as_of(requirements(), day)))
    });
    let d = Data {
        collection,
        report,
        log: RwSignal::new(Vec::new()),
        busy: RwSignal::new(None),
        full: RwSignal::new(false),
        stored: RwSignal::new(StoredNote::Fine),
        keeping: RwSignal::new(None),
        as_of,
        print_ready: RwSignal::new(false),
    };
    leptos::task::spawn_local(async move {
        let (c, note, keeping) = load_collection().await;
        platform::measure_between("dvclab-teacher-read", "dvclab-teacher-open-start");
        d.collection.set(c);
        d.stored.set(note);
        d.keeping.set(Some(keeping));
        // Measured by `make bench`: from opening the area to the dashboard drawn with the data.
        platform::next_tick().await;
        platform::measure_since("dvclab-teacher-open", "dvclab-teacher-open-start");
        d.print_ready.set(true);
    });
    d
}
