//! The teacher's report, inside the teacher area: import progress files from many PCs and a
//! class list, see coverage per class and for the school against the 80% / 100% targets, find
//! who has not started, check certificate codes, and export CSV, xAPI or a printed report.
//!
//! Sections re-render as a whole when the data or the language changes (one closure each),
//! which keeps the generated code small.

use crate::components::files::FileDrop;
use crate::content::{Lang, course};
use crate::platform::{self, Key};
use crate::progress::requirements;
use crate::state::{use_lang, use_t};
use crate::teacher::class::{
    Collection, Report, Row, RowFilter, RowSort, Standing, TARGET_2026, TARGET_2030,
};
use crate::teacher::print;
use crate::teacher::roster;
use leptos::prelude::*;

/// The imported data, loaded when the teacher area opens.
#[derive(Clone, Copy)]
struct Data {
    collection: RwSignal<Collection>,
    report: Memo<std::sync::Arc<Report>>,
    log: RwSignal<Vec<(bool, String)>>,
    busy: RwSignal<Option<(usize, usize)>>,
    full: RwSignal<bool>,
    /// What opening the area found wrong with the stored data, if anything.
    stored: RwSignal<StoredNote>,
    /// Where the data is kept: `None` until the stored data has been read.
    keeping: RwSignal<Option<Keeping>>,
    /// The day the report is read as of (`yyyy-mm-dd`; empty: today).
    as_of: RwSignal<String>,
    /// Whether the print-only pages (every student of every class) are drawn: just after the
    /// dashboard, so a school of 3,000 is on screen first.
    print_ready: RwSignal<bool>,
}

/// Where the teacher's data lives while the area is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keeping {
    /// In the browser's IndexedDB (`platform::school_db`): kept across reloads and restarts.
    Stored,
    /// IndexedDB is not available (some private modes, a policy): in this page's memory only.
    MemoryOnly,
}

/// What opening the teacher area found in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
enum StoredNote {
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
fn save(d: Data) -> impl std::future::Future<Output = ()> {
    let pending = d.collection.with_untracked(|c| start_saving(d, c));
    finish_saving(d, pending)
}

/// Serialises `c` and hands it to IndexedDB (nothing when there is nowhere to write, or when
/// unreadable data that could not be copied must not be written over).
fn start_saving(d: Data, c: &Collection) -> Option<platform::school_db::Pending> {
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

async fn finish_saving(d: Data, pending: Option<platform::school_db::Pending>) {
    if let Some(p) = pending {
        let kept = p.done().await.is_ok();
        platform::measure_since("dvclab-persist", "dvclab-persist-start");
        d.full.set(!kept);
    }
}

/// Saves in the background (the result shows as `full`).
fn save_soon(d: Data) {
    leptos::task::spawn_local(save(d));
}

/// How many student rows the table draws before "show more" (all of a chosen class).
const STUDENT_ROWS: usize = 200;

fn date(ts: i64) -> String {
    crate::dates::day(ts)
}

fn lesson_title(lang: Lang, id: &str) -> String {
    course()
        .lesson(lang, id)
        .map_or_else(|| id.to_string(), |d| d.meta.title.clone())
}

/// Imports progress files one by one into a working copy, letting the browser draw the
/// progress bar every ~30 ms, then shows the result once (the dashboard is computed once, not
/// once per file).
async fn import_files(d: Data, files: Vec<web_sys::File>, owner: Owner) {
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

/// The report sections of the teacher area: shown once the stored data has been read (the
/// file inputs wait too, so nothing imported can be written over by the data being read).
#[component]
pub fn ClassReport() -> impl IntoView {
    let t = use_t();
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
    view! {
        <Show when=move || d.keeping.get().is_some()
            fallback=move || view! { <p role="status" data-testid="teacher-loading">{move || t().teach().loading_data}</p> }>
            {move || (d.keeping.get() == Some(Keeping::MemoryOnly)).then(|| view! {
                <p class="field-error overall" role="alert" data-testid="teacher-memory-only">{t().teach().memory_only}</p>
            })}
            <Imports d=d/>
            <Dashboard d=d/>
        </Show>
    }
}

/// "Export this PC": every profile on this browser in one sealed file.
#[component]
pub fn ExportPc() -> impl IntoView {
    let t = use_t();
    let machine = RwSignal::new(
        platform::load::<String>(&Key::Machine)
            .ok()
            .flatten()
            .unwrap_or_default(),
    );
    let export = move |_| {
        let label = machine.get_untracked();
        let _ = platform::save(&Key::Machine, &label);
        let records: Vec<crate::progress::Record> = platform::app_entries()
            .into_iter()
            .filter(|(k, _)| k.starts_with("dvclab.v1.profile."))
            .filter_map(|(_, v)| serde_json::from_str(&v).ok())
            .filter_map(|v| crate::progress::migrate(v).ok())
            .filter(|r| !r.student.id.is_empty())
            .collect();
        let text = crate::transfer::export(
            crate::transfer::Kind::Pc,
            &label,
            &platform::now().to_rfc3339(),
            &records,
        );
        let slug: String = crate::text::loose(&label)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let name = format!(
            "dvc-lab-may-{}-{}.json",
            if slug.is_empty() { "pc".into() } else { slug },
            platform::now().format("%Y-%m-%d")
        );
        let _ = platform::download(&name, "application/json", &text);
    };
    view! {
        <section class="overall no-print" data-testid="export-pc-section">
            {move || {
                let t = t().teach();
                view! {
                    <h2>{t.export_pc_title}</h2>
                    <p>{t.export_pc_help}</p>
                    <p class="field">
                        <label for="machine">{t.machine_label}</label>
                        <input id="machine" type="text" data-testid="machine" prop:value=move || machine.get()
                            on:input=move |ev| machine.set(event_target_value(&ev))/>
                    </p>
                    <p><button type="button" class="btn btn-primary" data-testid="export-pc" on:click=export>{t.export_pc}</button></p>
                }
            }}
        </section>
    }
}

/// Importing progress files and the class list.
#[component]
fn Imports(d: Data) -> impl IntoView {
    let t = use_t();
    let roster_msg = RwSignal::new(None::<(bool, String)>);
    let owner = Owner::current().expect("inside a component");
    let o1 = owner.clone();
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(import_files(d, files, o1.clone()));
    });
    let on_roster = move |ev: leptos::ev::Event| {
        let files = platform::chosen_files(&ev);
        let owner = owner.clone();
        leptos::task::spawn_local(async move {
            // Several class lists at once (one per class, or the whole school): each adds its
            // classes; each file's result is said.
            let mut lines = Vec::new();
            for f in files {
                let name = f.name();
                let bytes = platform::read_file_bytes(&f, roster::MAX_ROSTER_BYTES as u64).await;
                let Some(line) = owner.with(|| {
                    let t = use_t()();
                    let parsed = match bytes {
                        Ok(b) => roster::parse(&b),
                        Err(platform::FileError::TooLarge { .. }) => {
                            Err(roster::RosterError::TooLarge)
                        }
                        Err(_) => Err(roster::RosterError::NotText),
                    };
                    Some(match parsed {
                        Ok(r) => {
                            let mut added = Default::default();
                            d.collection.update(|c| added = c.add_roster(r));
                            (true, (t.teach().roster_added)(&added))
                        }
                        Err(e) => (
                            false,
                            (t.teach().file_failed)(&name, &(t.teach().roster_error)(&e)),
                        ),
                    })
                }) else {
                    return;
                };
                lines.push(line);
            }
            save_soon(d);
            roster_msg.set(Some((
                lines.iter().all(|(ok, _)| *ok),
                lines
                    .into_iter()
                    .map(|(_, l)| l)
                    .collect::<Vec<_>>()
                    .join(" "),
            )));
        });
    };
    view! {
        <section class="overall no-print" data-testid="imports">
            <h2>{move || t().teach().import_title}</h2>
            <p>{move || t().teach().import_help}</p>
            <FileDrop id="import-progress" test_id="import-progress" accept=".json,application/json"
                label=Signal::derive(move || t().teach().import_label)
                hint=Signal::derive(move || t().teach().drop_here)
                on_files/>
            {move || d.busy.get().map(|(done, total)| view! {
                <p role="status">{(t().teach().importing)(done, total)}</p>
                <progress max=total.to_string() value=done.to_string() aria-label=t().teach().import_title></progress>
            })}
            <ul class="import-log" data-testid="import-log">
                {move || d.log.get().into_iter().map(|(ok, line)| view! {
                    <li class=if ok { "import-ok" } else { "field-error" }>{line}</li>
                }).collect_view()}
            </ul>
            {move || d.full.get().then(|| view! { <p class="field-error" role="alert">{t().teach().saved_full}</p> })}
            {move || {
                let tt = t().teach();
                let text = match d.stored.get() {
                    StoredNote::Fine => return None,
                    StoredNote::LeftOut(n) => (tt.stored_left_out)(n),
                    StoredNote::SetAside(None) => tt.stored_set_aside.to_string(),
                    StoredNote::SetAside(Some(key)) => {
                        return Some(view! {
                            <p class="field-error" role="alert" data-testid="teacher-stored-note">
                                {tt.stored_set_aside_db}" "
                                <button type="button" class="btn btn-small" data-testid="download-set-aside"
                                    on:click=move |_| download_set_aside(key.clone())>{tt.download_set_aside}</button>
                            </p>
                        }.into_any());
                    }
                    StoredNote::Kept => tt.stored_kept.to_string(),
                };
                Some(view! { <p class="field-error" role="alert" data-testid="teacher-stored-note">{text}</p> }.into_any())
            }}

            <h2>{move || t().teach().roster_title}</h2>
            <p>{move || t().teach().roster_help}</p>
            <p>
                <label for="import-roster" class="file-label">{move || t().teach().roster_label}</label>
                <input id="import-roster" type="file" multiple=true accept=".xlsx,.csv,.txt,.tsv,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    data-testid="import-roster" on:change=on_roster/>
            </p>
            {move || roster_msg.get().map(|(ok, text)| view! {
                <p class=if ok { "import-ok" } else { "field-error" } role="alert" data-testid="roster-message">{text}</p>
            })}
            {move || {
                let tt = t().teach();
                let classes: Vec<(String, usize)> = d.collection.with(|c| {
                    c.roster.classes().into_iter().map(|k| {
                        let n = c.roster.entries.iter().filter(|e| e.class == k).count();
                        (k, n)
                    }).collect()
                });
                (!classes.is_empty()).then(|| view! {
                    <ul class="class-lists" data-testid="class-lists">
                        {classes.into_iter().map(|(class, n)| {
                            let k = class.clone();
                            view! {
                                <li>
                                    <span>{(tt.class_size)(&class, n)}</span>
                                    " "
                                    <button type="button" class="btn btn-small" data-testid="remove-class"
                                        aria-label=(tt.remove_class_aria)(&class)
                                        on:click=move |_| {
                                            if platform::confirm(&(use_t()().teach().remove_class_confirm)(&k)) {
                                                d.collection.update(|c| c.remove_class(&k));
                                                save_soon(d);
                                            }
                                        }>{tt.remove_class}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

fn standing_label(
    t: &'static crate::i18n::teach::TeachStrings,
    s: Standing,
) -> (&'static str, &'static str) {
    match s {
        Standing::Completed => (t.standing_done, "badge badge-done"),
        Standing::InProgress => (t.standing_progress, "badge badge-doing"),
        Standing::NotStarted => (t.standing_none, "badge badge-todo"),
    }
}

/// The day the report is read as of, as shown (`dd/mm/yyyy`; today when none is chosen).
fn as_of_day(d: Data) -> String {
    d.as_of
        .with(|a| crate::dates::end_of_day(a))
        .map_or_else(|| date(platform::now().timestamp()), date)
}

/// The line atop each printed page after the cover: whose report and as of when, so that a
/// class's pages filed apart still say what they are.
fn running_head(d: Data, t: &'static crate::i18n::teach::TeachStrings) -> String {
    let heading = (t.report_heading)(&as_of_day(d));
    match d
        .collection
        .with(|c| print::school_name(c.records.values()))
    {
        Some(school) => format!("{school} · {heading}"),
        None => heading,
    }
}

/// A class (or the school) against a target, in words: "Đạt", or "Chưa đạt" and how many
/// students are missing. Each part stays on one line; a narrow column may put the second under
/// the first, never a word under a word.
fn target_words(
    t: &'static crate::i18n::teach::TeachStrings,
    target: print::Target,
) -> impl IntoView + use<> {
    let (word, more) = match target {
        print::Target::Met => (t.target_met, None),
        print::Target::Short(n) => (t.target_not_met, Some((t.target_short)(n))),
        print::Target::NoStudents => (t.target_none, None),
    };
    view! {
        <span class="goal">{word}</span>
        {more.map(|m| view! { " " <span class="goal">{m}</span> })}
    }
}

/// One printed class list: number, name, (class,) code, status, lessons and walkthroughs out of
/// those required, last activity. Status words and numbers never wrap (`pages.css`, print).
fn print_table(
    t: &'static crate::i18n::teach::TeachStrings,
    rows: &[&Row],
    with_class: bool,
) -> impl IntoView + use<> {
    let req = requirements();
    let (lessons, walks) = (req.lessons.len(), req.walks.len());
    view! {
        <table class="progress-table print-table">
            <thead><tr>
                <th scope="col" class="num">{t.col_number}</th>
                <th scope="col">{t.col_name}</th>
                {with_class.then(|| view! { <th scope="col">{t.col_class}</th> })}
                <th scope="col">{t.col_code}</th>
                <th scope="col">{t.col_status}</th>
                <th scope="col" class="num">{t.col_lessons}</th>
                <th scope="col" class="num">{t.col_walks}</th>
                <th scope="col">{t.col_last}</th>
            </tr></thead>
            <tbody>
                {rows.iter().enumerate().map(|(i, row)| {
                    let (label, _) = standing_label(t, row.standing);
                    let status = match row.standing {
                        Standing::Completed => "status status-done",
                        _ => "status",
                    };
                    view! {
                        <tr>
                            <td class="num">{i + 1}</td>
                            <th scope="row" class="name">{row.name.clone()}</th>
                            {with_class.then(|| view! { <td>{row.class.clone()}</td> })}
                            <td>{row.code.clone()}</td>
                            <td class=status data-testid="print-status">{label}</td>
                            <td class="num">{format!("{}/{lessons}", row.lessons)}</td>
                            <td class="num">{format!("{}/{walks}", row.walks)}</td>
                            <td>{(row.last > 0).then(|| date(row.last))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The dashboard: coverage, chart, classes, students, matching, lessons, exports; on paper, a
/// cover (the school, each class against 80% / 100%, signatures) and then each class on its
/// own pages.
#[component]
fn Dashboard(d: Data) -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let class_filter = RwSignal::new(String::new());
    let text_filter = RwSignal::new(String::new());
    let sort = RwSignal::new(RowSort::Class);
    // A school of 3,000 is not read as one table: the first rows, more on request, a class in
    // full when it is chosen (and drawing 3,000 rows would take seconds on a lab PC).
    let shown = RwSignal::new(STUDENT_ROWS);
    let code = RwSignal::new(String::new());
    let verified = RwSignal::new(None::<String>);
    let summary = move || {
        let r = d.report.get();
        let tt = t().teach();
        if r.rows.is_empty() {
            return view! { <p data-testid="report-empty">{tt.nothing_yet}</p> }.into_any();
        }
        let s = &r.school;
        let school = d
            .collection
            .with(|c| print::school_name(c.records.values()));
        let apart = print::sheets(&r).1.len();
        let class_name = move |c: &crate::teacher::class::Coverage| {
            if c.class.is_empty() {
                tt.whole_school.to_string()
            } else {
                c.class.clone()
            }
        };
        view! {
            <div class="report-cover" data-testid="report-cover">
            // The cover, on paper: the school, what and as of when, and when it was printed.
            <div class="print-only cover-head">
                <p class="cover-school">{tt.print_school}": "<strong data-testid="print-school">{school.unwrap_or_else(|| "……………………………………".into())}</strong></p>
                <h2 class="cover-title">{(tt.report_heading)(&as_of_day(d))}</h2>
                <p class="cover-printed">{(tt.printed_on)(&date(platform::now().timestamp()))}</p>
            </div>
            <p class="overall-text" data-testid="school-line">{(tt.school_line)(s.completed, s.students, s.percent())}</p>
            <p class="rule">{tt.target_2026}" · "{tt.target_2030}</p>
            <figure class="chart no-print" data-testid="class-chart">
                <figcaption>{tt.chart_title}</figcaption>
                <div class="chart-rows">
                    {r.classes.iter().map(|c| {
                        let pct = c.percent();
                        let class = if pct >= TARGET_2026 { "chart-bar pass" } else { "chart-bar" };
                        view! {
                            <div class="chart-row">
                                <span class="chart-label">{(tt.class_line)(&c.class, c.completed, c.students, pct)}</span>
                                <span class="chart-track" aria-hidden="true">
                                    <span class=class style=format!("width: {pct}%")></span>
                                    <span class="chart-mark"></span>
                                </span>
                                <span class="chart-value">{format!("{pct}%")}</span>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.class_table_label>
                <table class="progress-table" data-testid="class-table">
                    <thead><tr>
                        <th scope="col">{tt.col_class}</th><th scope="col">{tt.col_students}</th>
                        <th scope="col">{tt.col_completed}</th><th scope="col">{tt.col_in_progress}</th>
                        <th scope="col">{tt.col_not_started}</th><th scope="col">{tt.col_share}</th>
                        <th scope="col">{tt.col_target_2026}</th><th scope="col">{tt.col_target_2030}</th>
                    </tr></thead>
                    <tbody>
                        {r.classes.iter().chain(std::iter::once(&r.school)).map(|c| view! {
                            <tr class=if c.class.is_empty() { "school-row" } else { "" }>
                                <th scope="row">{class_name(c)}</th>
                                <td>{c.students}</td><td>{c.completed}</td><td>{c.in_progress}</td>
                                <td>{c.not_started}</td><td>{format!("{}%", c.percent())}</td>
                                <td class="goal-cell">{target_words(tt, print::against(c, TARGET_2026))}</td>
                                <td class="goal-cell">{target_words(tt, print::against(c, TARGET_2030))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(apart > 0).then(|| view! { <p class="print-only" data-testid="apart-note">{(tt.apart_note)(apart)}</p> })}
            {(!s.by_month.is_empty()).then(|| {
                // Months as rows, the school then each class as columns: completed so far, and
                // the share of the class list, toward the 80% line.
                let cols: Vec<&crate::teacher::class::Coverage> =
                    std::iter::once(&r.school).chain(r.classes.iter()).collect();
                let months: Vec<String> = s.by_month.iter().map(|(m, _)| m.clone()).collect();
                view! {
                    <div class="by-month">
                    <h3>{tt.by_month_title}</h3>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=tt.by_month_title>
                        <table class="progress-table" data-testid="by-month">
                            <thead><tr>
                                <th scope="col">{tt.col_month}</th>
                                {cols.iter().map(|c| view! {
                                    <th scope="col">{class_name(c)}</th>
                                }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {months.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{crate::i18n::month_label(m)}</th>
                                        {cols.iter().map(|c| {
                                            let n = c.by_month.iter().take_while(|(x, _)| x <= m).last().map_or(0, |(_, n)| *n);
                                            let pct = (n * 100).checked_div(c.students).unwrap_or(0);
                                            view! { <td>{format!("{n} ({pct}%)")}</td> }
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    </div>
                }
            })}
            <div class="print-only signatures">
                <div><p class="sign-title">{tt.sign_school}</p><p class="sign-hint">{tt.sign_hint}</p></div>
                <div><p class="sign-title">{tt.sign_teacher}</p><p class="sign-hint">{tt.sign_hint}</p></div>
            </div>
            </div>
        }
        .into_any()
    };
    let students = move || {
        let r = d.report.get();
        if r.rows.is_empty() {
            return ().into_any();
        }
        let tt = t().teach();
        let cf = class_filter.get();
        let q = text_filter.get();
        let filter = RowFilter {
            class: cf.clone(),
            text: q.clone(),
        };
        let mut rows: Vec<Row> = r.rows(&filter, sort.get()).into_iter().cloned().collect();
        let total = rows.len();
        let limit = if cf.is_empty() { shown.get() } else { total };
        rows.truncate(limit);
        let more = (total > limit).then(|| view! {
            <p class="no-print" data-testid="student-rows-more">
                {(tt.rows_shown)(limit, total)}" "
                <button type="button" class="btn btn-small" data-testid="show-more-students"
                    on:click=move |_| shown.update(|n| *n += STUDENT_ROWS)>{(tt.show_more)(STUDENT_ROWS.min(total - limit))}</button>
            </p>
        });
        let classes: Vec<String> = r.classes.iter().map(|c| c.class.clone()).collect();
        let head = move |label: &'static str, n: RowSort| {
            view! {
                <th scope="col" aria-sort=move || if sort.get() == n { "ascending" } else { "none" }>
                    <button type="button" class="sort" on:click=move |_| sort.set(n) title=(tt.sort_by)(label)>{label}</button>
                </th>
            }
        };
        // On screen only: one filterable, sortable list; paper gets one section per class.
        view! {
            <div class="no-print" data-testid="students-screen">
            <h2>{tt.students_title}</h2>
            <div class="filters">
                <p class="field">
                    <label for="filter-class">{tt.filter_class}</label>
                    <select id="filter-class" data-testid="filter-class" on:change=move |ev| class_filter.set(event_target_value(&ev))>
                        <option value="" selected=cf.is_empty()>{tt.all_classes}</option>
                        {classes.into_iter().map(|c| view! { <option value=c.clone() selected=c == cf>{c.clone()}</option> }).collect_view()}
                    </select>
                </p>
                <p class="field">
                    <label for="filter-text">{tt.filter_text}</label>
                    <input id="filter-text" type="search" prop:value=q.clone() on:change=move |ev| text_filter.set(event_target_value(&ev))/>
                </p>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.students_title>
                <table class="progress-table" data-testid="student-table">
                    <thead><tr>
                        {head(tt.col_class, RowSort::Class)}{head(tt.col_name, RowSort::Name)}<th scope="col">{tt.col_code}</th>
                        {head(tt.col_status, RowSort::Standing)}<th scope="col">{tt.col_lessons}</th><th scope="col">{tt.col_walks}</th>
                        {head(tt.col_last, RowSort::LastActivity)}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let (label, class) = standing_label(tt, row.standing);
                            view! {
                                <tr>
                                    <td>{row.class.clone()}</td>
                                    <th scope="row">{row.name.clone()}{(!row.on_roster).then(|| view! { <span class="muted">" ("{tt.not_on_roster}")"</span> })}</th>
                                    <td>{row.code.clone()}</td>
                                    <td><span class=class>{label}</span></td>
                                    <td>{row.lessons}</td><td>{row.walks}</td>
                                    <td>{if row.last > 0 { date(row.last) } else { "—".into() }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {more}
            </div>
        }
        .into_any()
    };
    let printed = move || {
        let r = d.report.get();
        if r.rows.is_empty() || !d.print_ready.get() {
            return ().into_any();
        }
        let tt = t().teach();
        let running = running_head(d, tt);
        let (classes, apart) = print::sheets(&r);
        view! {
            <div class="print-only print-classes">
                {classes.into_iter().map(|sheet| {
                    let c = sheet.coverage;
                    view! {
                        <section class="print-class" data-testid="print-class" data-class=c.class.clone()>
                            <p class="print-running">{running.clone()}</p>
                            <h2>{(tt.class_title)(&c.class)}</h2>
                            <p class="print-class-line">{(tt.print_class_line)(c)}</p>
                            <p class="print-class-line">
                                {tt.col_target_2026}" "{target_words(tt, print::against(c, TARGET_2026))}" · "
                                {tt.col_target_2030}" "{target_words(tt, print::against(c, TARGET_2030))}
                            </p>
                            {print_table(tt, &sheet.rows, false)}
                        </section>
                    }
                }).collect_view()}
                {(!apart.is_empty()).then(|| view! {
                    <section class="print-class" data-testid="print-apart">
                        <p class="print-running">{running.clone()}</p>
                        <h2>{tt.apart_title}</h2>
                        {print_table(tt, &apart, true)}
                    </section>
                })}
            </div>
        }
        .into_any()
    };
    let matching = move || {
        let r = d.report.get();
        let tt = t().teach();
        let unmatched: Vec<_> = r
            .rows
            .iter()
            .filter(|row| !row.on_roster)
            .cloned()
            .collect();
        let has_roster = d.collection.with(|c| !c.roster.entries.is_empty());
        let free: Vec<(usize, String)> = d.collection.with(|c| {
            c.roster
                .entries
                .iter()
                .enumerate()
                .filter(|(i, _)| r.rows.get(*i).is_none_or(|row| row.record.is_none()))
                .map(|(i, e)| (i, format!("{} – {}", e.class, e.name)))
                .collect()
        });
        let conflicts = d.collection.with(|c| c.conflicts.clone());
        view! {
            {(has_roster && !unmatched.is_empty()).then(|| view! {
                <section class="no-print" data-testid="unmatched">
                    <h2>{tt.unmatched_title}</h2>
                    <p>{tt.unmatched_help}</p>
                    <ul class="assign-list">
                        {unmatched.into_iter().map(|row| {
                            let id = row.record.clone().unwrap_or_default();
                            let choice = RwSignal::new(String::new());
                            let sel_id = format!("assign-{id}");
                            view! {
                                <li>
                                    <label for=sel_id.clone()>{format!("{} ({})", row.name, row.class)}</label>" "
                                    <select id=sel_id on:change=move |ev| choice.set(event_target_value(&ev))>
                                        <option value="">{tt.assign_choose}</option>
                                        {free.iter().map(|(i, label)| view! { <option value=i.to_string()>{label.clone()}</option> }).collect_view()}
                                    </select>" "
                                    <button type="button" class="btn btn-small" on:click=move |_| {
                                        if let Ok(i) = choice.get_untracked().parse::<usize>() {
                                            d.collection.update(|c| { c.assigned.insert(id.clone(), i); });
                                            save_soon(d);
                                        }
                                    }>{tt.assign}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!conflicts.is_empty()).then(|| view! {
                <section class="no-print" data-testid="conflicts">
                    <h2>{tt.conflicts_title}</h2>
                    <ul>{conflicts.into_iter().map(|c| view! { <li>{(tt.conflict_line)(&c.name, c.field, &c.kept, &c.other)}</li> }).collect_view()}</ul>
                </section>
            })}
        }
    };
    let insights = move || {
        let r = d.report.get();
        if r.rows.is_empty() {
            return ().into_any();
        }
        let tt = t().teach();
        let l = lang.get();
        view! {
            <div class="report-insights" data-testid="report-insights">
            <p class="print-only print-running">{running_head(d, tt)}</p>
            <h2>{tt.lessons_title}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.lessons_title>
                <table class="progress-table" data-testid="lesson-pass">
                    <tbody>
                        {r.lesson_pass.iter().map(|(id, passed, total)| view! {
                            <tr><th scope="row">{lesson_title(l, id)}</th><td>{(tt.pass_rate)(*passed, *total)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2 class=if r.missed_questions.is_empty() { "no-print" } else { "" }>{tt.missed_title}</h2>
            <ol data-testid="missed-questions">
                {r.missed_questions.iter().map(|m| {
                    let q = course().lesson(l, &m.parent).and_then(|doc| doc.questions.iter().find(|q| q.id == m.item).map(|q| crate::content::syntax::Inline::plain(&q.prompt))).unwrap_or_else(|| m.item.clone());
                    view! { <li><strong>{lesson_title(l, &m.parent)}</strong>": "{q}" — "{(tt.times)(m.count)}</li> }
                }).collect_view()}
            </ol>
            <h2 class=if r.missed_steps.is_empty() { "no-print" } else { "" }>{tt.steps_title}</h2>
            <ol data-testid="missed-steps">
                {r.missed_steps.iter().map(|m| {
                    let sc = crate::walkthrough::scenario(l, &m.parent);
                    let title = sc.map_or_else(|| m.parent.clone(), |s| s.title.clone());
                    let step = sc.and_then(|s| s.screens.iter().find(|x| x.id == m.item)).map_or_else(|| m.item.clone(), |x| x.title.clone());
                    view! { <li><strong>{title}</strong>": "{step}" — "{(tt.times)(m.count)}</li> }
                }).collect_view()}
            </ol>
            </div>
        }
        .into_any()
    };
    let verify = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tt = t().teach();
        let text = d.collection.with_untracked(|c| {
            let req = requirements();
            c.verify(&code.get_untracked(), req).map(|r| {
                (tt.verify_ok)(
                    &r.student.name,
                    &r.student.class,
                    &date(r.completed_at(&req.lessons, &req.walks).unwrap_or(0)),
                )
            })
        });
        verified.set(Some(text.unwrap_or_else(|| tt.verify_none.to_string())));
    };
    let exports = move || {
        let tt = t().teach();
        view! {
            <section class="no-print" data-testid="exports">
                <h2>{tt.verify_title}</h2>
                <form class="idle-form" on:submit=verify>
                    <label for="cert-code">{tt.verify_label}</label>
                    <input id="cert-code" type="text" data-testid="verify-code" autocomplete="off"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <button type="submit" class="btn btn-small btn-primary" data-testid="verify-submit">{tt.verify_button}</button>
                    <span role="status" data-testid="verify-result">{move || verified.get()}</span>
                </form>
                <h2>{tt.exports_title}</h2>
                <p class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="csv-class" on:click=move |_| download_class_csv(d)>{tt.csv_class}</button>
                    <button type="button" class="btn" data-testid="csv-school" on:click=move |_| download_school_csv(d)>{tt.csv_school}</button>
                    <button type="button" class="btn" data-testid="xapi" on:click=move |_| {
                        let stmts = d.collection.with_untracked(crate::teacher::export::xapi);
                        let _ = platform::download(&format!("dvc-lab-xapi-{}.json", platform::now().format("%Y-%m-%d")), "application/json", &stmts);
                    }>{tt.xapi}</button>
                    <button type="button" class="btn" data-testid="print-report" on:click=|_| platform::print()>{tt.print_report}</button>
                    <button type="button" class="btn" data-testid="clear-imported" on:click=move |_| {
                        if platform::confirm(t().teach().clear_confirm) {
                            d.collection.set(Collection::default());
                            d.log.set(Vec::new());
                            d.stored.set(StoredNote::Fine);
                            d.full.set(false);
                            platform::remove(&Key::Teacher);
                            save_soon(d);
                        }
                    }>{tt.clear}</button>
                </p>
            </section>
        }
    };
    let ward = move || view! { <WardSummary d/> };
    view! {
        <section class="overall report" data-testid="dashboard">
            <p class="field no-print as-of">
                <label for="as-of">{move || t().teach().as_of_label}</label>
                <input id="as-of" type="date" data-testid="as-of"
                    prop:value=move || d.as_of.get()
                    on:change=move |ev| d.as_of.set(event_target_value(&ev))/>
                <span class="hint">{move || t().teach().as_of_help}</span>
            </p>
            {summary}
            {students}
            {printed}
            {matching}
            {insights}
            {exports}
            {ward}
        </section>
    }
}

/// The school summary for the ward: counts per class as of the report's day, no names
/// (`ward::summary`), named after the school and the day.
#[component]
fn WardSummary(d: Data) -> impl IntoView {
    let t = use_t();
    // The name most records give, until the teacher types another.
    let typed = RwSignal::new(None::<String>);
    let school = Signal::derive(move || {
        typed.get().unwrap_or_else(|| {
            d.collection
                .with(|c| print::school_name(c.records.values()))
                .unwrap_or_default()
        })
    });
    let message = RwSignal::new(None::<Result<String, &'static str>>);
    let export = move |_| {
        let tt = t().teach();
        let name = school.get_untracked().trim().to_string();
        if name.is_empty() {
            message.set(Some(Err(tt.ward_no_school)));
            platform::focus_id("ward-school");
            return;
        }
        let day = d.as_of.get_untracked().trim().to_string();
        let day = if crate::dates::end_of_day(&day).is_some() {
            day
        } else {
            crate::dates::iso_day(platform::now().timestamp())
        };
        let text = d.collection.with_untracked(|c| {
            crate::teacher::export::ward_summary(
                c,
                &d.report.get_untracked(),
                &name,
                &day,
                &platform::now().to_rfc3339(),
            )
        });
        let file = format!(
            "dvc-lab-tong-hop-truong-{}-{day}.json",
            crate::text::file_slug(&name)
        );
        message.set(Some(
            match platform::download(&file, "application/json", &text) {
                Ok(()) => Ok((tt.ward_done)(&file, &crate::dates::day_of(&day))),
                Err(_) => Err(tt.download_failed),
            },
        ));
    };
    view! {
        <section class="no-print" data-testid="ward-summary">
            <h2>{move || t().teach().ward_title}</h2>
            <p class="hint">{move || t().teach().ward_help}</p>
            {move || d.collection.with(|c| c.roster.entries.is_empty()).then(|| view! {
                <p class="warning-text" data-testid="ward-no-lists">{t().teach().ward_no_lists}</p>
            })}
            <p class="field">
                <label for="ward-school">{move || t().teach().ward_school_label}</label>
                <input id="ward-school" type="text" data-testid="ward-school" maxlength="120" autocomplete="organization"
                    prop:value=move || school.get() on:input=move |ev| typed.set(Some(event_target_value(&ev)))/>
            </p>
            <p class="form-actions">
                <button type="button" class="btn btn-primary" data-testid="ward-export" on:click=export>
                    {move || t().teach().ward_export}
                </button>
            </p>
            <p role="status" data-testid="ward-export-message">
                {move || match message.get() {
                    Some(Ok(m)) => view! { <span>{m}</span> }.into_any(),
                    Some(Err(e)) => view! { <span class="warning-text">{e}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
        </section>
    }
}

fn download_class_csv(d: Data) {
    let t = use_t()().teach();
    let standing = |s: Standing| standing_label(t, s).0;
    let text = crate::teacher::export::students_csv(
        &d.report.get_untracked(),
        &crate::teacher::export::StudentCsvWords {
            header: [
                "STT",
                t.col_name,
                t.col_class,
                t.col_code,
                t.col_status,
                t.col_lessons,
                t.col_walks,
                t.col_last,
                t.col_certificate,
            ],
            standing: &standing,
            day: &date,
        },
    );
    let _ = platform::download(
        &format!(
            "dvc-lab-hoan-thanh-{}.csv",
            platform::now().format("%Y-%m-%d")
        ),
        "text/csv;charset=utf-8",
        &text,
    );
}

fn download_school_csv(d: Data) {
    let t = use_t()().teach();
    let text = crate::teacher::export::classes_csv(
        &d.report.get_untracked(),
        [
            t.col_class,
            t.col_students,
            t.col_completed,
            t.col_in_progress,
            t.col_not_started,
            t.col_share,
        ],
        t.whole_school,
    );
    let _ = platform::download(
        &format!(
            "dvc-lab-tong-hop-{}.csv",
            platform::now().format("%Y-%m-%d")
        ),
        "text/csv;charset=utf-8",
        &text,
    );
}

/// Downloads the unreadable data that opening the area set aside in IndexedDB, as it was.
fn download_set_aside(key: Key) {
    leptos::task::spawn_local(async move {
        if let Ok(Some(text)) = platform::school_db::read(&key).await {
            let _ = platform::download(
                &format!(
                    "dvc-lab-du-lieu-cat-rieng-{}.json",
                    platform::now().format("%Y-%m-%d")
                ),
                "application/json",
                &text,
            );
        }
    });
}
