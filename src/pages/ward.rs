//! The ward's page ("Phường", `/ward`): the officer imports the schools' summary files (picker
//! or drag-and-drop), sees each school and the ward against the 80% (2026) and 100% (2030)
//! lines with a chart and the trend by month, settles conflicts, prints the ward report and
//! downloads a CSV. Behind the same optional PIN as the teacher area.
//!
//! The figures come from `crate::ward` (browser-free); the ward's data is kept in IndexedDB
//! (`platform::school_db`, key `dvclab.v1.ward`), written before it is shown, as the teacher's.
//! Sections re-render whole when the data or the language changes (one closure each).

use crate::components::files::FileDrop;
use crate::pages::page_title;
use crate::pages::teacher::{TeacherLock, lock_when_left};
use crate::platform::{self, Key};
use crate::state::use_t;
use crate::teacher::class::{Coverage, TARGET_2026, TARGET_2030};
use crate::teacher::print::{Target, against};
use crate::teacher::summary;
use crate::ward::{Ward, WardReport};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the ward's data lives while the page is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keeping {
    /// In IndexedDB: kept across reloads and restarts.
    Stored,
    /// No IndexedDB (a private window, a policy): in this page's memory only.
    MemoryOnly,
}

/// The page's state.
#[derive(Clone, Copy)]
struct Data {
    /// The interface language (read outside the components' reactive scope).
    lang: RwSignal<crate::content::Lang>,
    ward: RwSignal<Ward>,
    report: Memo<Arc<WardReport>>,
    /// Each imported file's result (ok, words).
    log: RwSignal<Vec<(bool, String)>>,
    busy: RwSignal<Option<(usize, usize)>>,
    /// `None` until the stored data has been read.
    keeping: RwSignal<Option<Keeping>>,
    /// What opening found wrong with the stored data.
    note: RwSignal<Option<String>>,
    /// The last save was refused.
    unsaved: RwSignal<bool>,
    /// The outcome of the last export or clear.
    message: RwSignal<Option<(bool, String)>>,
}

/// The ward page: behind the PIN when one is set on this browser (asked each time it opens).
#[component]
pub fn WardPage() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.ward().title.to_string());
    let stored = RwSignal::new(platform::load::<String>(&Key::TeacherPin).ok().flatten());
    let open = RwSignal::new(stored.get_untracked().is_none());
    lock_when_left(stored, open, "ward-area");
    view! {
        <h1>{move || t().ward().title}</h1>
        {move || if open.get() {
            view! { <WardArea/> }.into_any()
        } else {
            view! { <TeacherLock stored open lead=|s: &'static crate::i18n::Strings| s.ward().lock_lead/> }.into_any()
        }}
    }
}

/// Reads the stored ward (moving unreadable data aside, never writing over it unread).
async fn load(d: Data) -> (Ward, Option<String>, Keeping) {
    use platform::school_db;
    let t = || words(d);
    if school_db::open().await.is_err() {
        return (Ward::default(), None, Keeping::MemoryOnly);
    }
    match school_db::read(&Key::Ward).await {
        Err(_) => (Ward::default(), None, Keeping::MemoryOnly),
        Ok(None) => (Ward::default(), None, Keeping::Stored),
        Ok(Some(text)) => match Ward::from_stored(&text) {
            Some((w, 0)) => (w, None, Keeping::Stored),
            Some((w, n)) => (w, Some((t().stored_left_out)(n)), Keeping::Stored),
            None => {
                let backup = Key::Backup(format!("ward.{}", platform::now().timestamp()));
                match school_db::write(&backup, &text).await {
                    Ok(()) => {
                        let _ = school_db::start_write(&Key::Ward, None).done().await;
                        (
                            Ward::default(),
                            Some(t().stored_unreadable.into()),
                            Keeping::Stored,
                        )
                    }
                    // No room for a copy: work in memory, leave the stored text as it is.
                    Err(_) => (
                        Ward::default(),
                        Some(t().stored_unreadable.into()),
                        Keeping::MemoryOnly,
                    ),
                }
            }
        },
    }
}

/// The page's words in the current language.
fn words(d: Data) -> &'static crate::i18n::ward::WardStrings {
    crate::i18n::strings(d.lang.get_untracked()).ward()
}

/// Writes the ward to IndexedDB and waits until it is kept (nothing without IndexedDB).
async fn save(d: Data, w: &Ward) {
    if d.keeping.get_untracked() != Some(Keeping::Stored) {
        return;
    }
    let pending = platform::school_db::start_write(&Key::Ward, Some(&w.to_stored()));
    d.unsaved.set(pending.done().await.is_err());
}

/// Changes the ward, keeps it, then shows it.
fn change(d: Data, f: impl FnOnce(&mut Ward) + 'static) {
    leptos::task::spawn_local(async move {
        let mut w = d.ward.get_untracked();
        f(&mut w);
        save(d, &w).await;
        d.ward.set(w);
    });
}

/// Reads, checks and adds every file, keeps the result, then shows it with one line per file.
async fn import(d: Data, files: Vec<web_sys::File>) {
    let total = files.len();
    if total == 0 {
        return;
    }
    platform::mark("dvclab-ward-import-start");
    d.busy.set(Some((0, total)));
    let mut w = d.ward.get_untracked();
    let reads: Vec<_> = files
        .iter()
        .map(|f| {
            (
                f.name(),
                platform::start_reading(f, summary::MAX_SUMMARY_BYTES as u64),
            )
        })
        .collect();
    let mut lines = Vec::new();
    // The progress line is redrawn at most every 50 ms, not after every file: 60 redraws would
    // cost more than reading the files.
    let mut shown_at = js_sys::Date::now();
    for (i, (name, read)) in reads.into_iter().enumerate() {
        let text = match read {
            Ok(pending) => pending.await,
            Err(e) => Err(e),
        };
        let tt = words(d);
        let line = match text {
            Err(platform::FileError::TooLarge { .. }) => {
                (false, format!("{name}: {}", tt.too_large))
            }
            Err(platform::FileError::Unreadable(_)) => {
                (false, format!("{name}: {}", tt.unreadable))
            }
            Ok(text) => match summary::open(&text) {
                Err(e) => (false, (tt.refused)(&name, &e)),
                Ok(file) => {
                    let (school, day) = (
                        file.summary.school.clone(),
                        crate::dates::day_of(&file.summary.as_of),
                    );
                    let added = w.add(file);
                    (
                        !matches!(added, crate::ward::Added::Conflict),
                        (tt.added)(&name, &school, &day, &added),
                    )
                }
            },
        };
        lines.push(line);
        if js_sys::Date::now() - shown_at > 50.0 {
            d.busy.set(Some((i + 1, total)));
            shown_at = js_sys::Date::now();
        }
    }
    // Measured (`make bench`): reading and checking every file, then keeping the ward.
    platform::measure_between("dvclab-ward-import-read", "dvclab-ward-import-start");
    save(d, &w).await;
    platform::measure_between("dvclab-ward-import-kept", "dvclab-ward-import-start");
    d.ward.set(w);
    d.log.set(lines);
    d.busy.set(None);
    platform::measure_since("dvclab-ward-import", "dvclab-ward-import-start");
}

/// Everything on the page, once it is open.
#[component]
fn WardArea() -> impl IntoView {
    let ward = RwSignal::new(Ward::default());
    let report = Memo::new(move |_| Arc::new(ward.with(Ward::report)));
    let d = Data {
        lang: crate::state::use_lang(),
        ward,
        report,
        log: RwSignal::new(Vec::new()),
        busy: RwSignal::new(None),
        keeping: RwSignal::new(None),
        note: RwSignal::new(None),
        unsaved: RwSignal::new(false),
        message: RwSignal::new(None),
    };
    leptos::task::spawn_local(async move {
        platform::mark("dvclab-ward-open-start");
        let (w, note, keeping) = load(d).await;
        d.ward.set(w);
        d.note.set(note);
        d.keeping.set(Some(keeping));
        platform::measure_since("dvclab-ward-open", "dvclab-ward-open-start");
    });
    let t = use_t();
    view! {
        <div data-testid="ward-area">
            <p class="lead no-print">{move || t().ward().lead}</p>
            <Show when=move || d.keeping.get().is_some()
                fallback=move || view! { <p role="status" data-testid="ward-loading">{t().ward().loading}</p> }>
                <WardDashboard d/>
                <WardImports d/>
                <WardExports d/>
            </Show>
        </div>
    }
}

/// The file picker, the drop zone and what each file did.
#[component]
fn WardImports(d: Data) -> impl IntoView {
    let t = use_t();
    let on_files = Callback::new(move |files: Vec<web_sys::File>| {
        leptos::task::spawn_local(import(d, files));
    });
    view! {
        <section class="overall no-print" data-testid="ward-imports">
            <h2>{move || t().ward().import_title}</h2>
            <p>{move || t().ward().import_help}</p>
            <FileDrop id="ward-import" test_id="ward-import" accept=".json,application/json"
                label=Signal::derive(move || t().ward().import_label)
                hint=Signal::derive(move || t().ward().drop_here)
                on_files/>
            {move || d.busy.get().map(|(done, total)| view! {
                <p role="status">{(t().ward().importing)(done, total)}</p>
                <progress max=total.to_string() value=done.to_string() aria-label=t().ward().import_title></progress>
            })}
            <ul class="import-log" data-testid="ward-log" aria-live="polite">
                {move || d.log.get().into_iter().map(|(ok, line)| view! {
                    <li class=if ok { "import-ok" } else { "field-error" }>{line}</li>
                }).collect_view()}
            </ul>
            {move || (d.keeping.get() == Some(Keeping::MemoryOnly)).then(|| view! {
                <p class="field-error" role="alert" data-testid="ward-memory-only">{t().ward().memory_only}</p>
            })}
            {move || d.note.get().map(|n| view! {
                <p class="field-error" role="alert" data-testid="ward-stored-note">{n}</p>
            })}
            {move || d.unsaved.get().then(|| view! {
                <p class="field-error" role="alert" data-testid="ward-unsaved">{t().ward().save_failed}</p>
            })}
        </section>
    }
}

/// A school (or the ward) against a target, in words; each part stays on one line.
fn target_words(
    w: &'static crate::i18n::ward::WardStrings,
    target: Target,
) -> impl IntoView + use<> {
    let (word, more) = match target {
        Target::Met => (w.target_met, None),
        Target::Short(n) => (w.target_not_met, Some((w.target_short)(n))),
        Target::NoStudents => (w.target_none, None),
    };
    view! {
        <span class="goal">{word}</span>
        {more.map(|m| view! { " " <span class="goal">{m}</span> })}
    }
}

/// The same in plain text (CSV).
fn target_text(w: &'static crate::i18n::ward::WardStrings, target: Target) -> String {
    match target {
        Target::Met => w.target_met.into(),
        Target::Short(n) => format!("{} {}", w.target_not_met, (w.target_short)(n)),
        Target::NoStudents => w.target_none.into(),
    }
}

/// The span of days the figures stand at, as shown.
fn days_span(r: &WardReport) -> (String, Option<String>) {
    let first = r
        .first_day
        .as_deref()
        .map(crate::dates::day_of)
        .unwrap_or_default();
    let last = r
        .last_day
        .as_deref()
        .filter(|l| Some(*l) != r.first_day.as_deref())
        .map(crate::dates::day_of);
    (first, last)
}

/// The ward's completed share at the end of each month, drawn as a line over the 80% and 100%
/// lines (the table beside it holds the same numbers for screen readers and print).
fn trend_svg(w: &'static crate::i18n::ward::WardStrings, ward: &Coverage) -> impl IntoView + use<> {
    // Small enough that its 13-unit labels stay readable on a 320 px phone.
    let (width, height, left, bottom) = (400.0_f64, 200.0_f64, 40.0_f64, 24.0_f64);
    let n = ward.by_month.len().max(1);
    // Room for half a month label ("12/2026") on either side.
    let x = move |i: usize| {
        if n == 1 {
            left + (width - left) / 2.0
        } else {
            left + 30.0 + (width - left - 60.0) * i as f64 / (n - 1) as f64
        }
    };
    let y = move |pct: f64| 8.0 + (height - bottom - 8.0) * (1.0 - pct / 100.0);
    let pct = |done: usize| {
        if ward.students == 0 {
            0.0
        } else {
            (done as f64 * 100.0 / ward.students as f64).min(100.0)
        }
    };
    let points: Vec<(f64, f64, String)> = ward
        .by_month
        .iter()
        .enumerate()
        .map(|(i, (m, done))| (x(i), y(pct(*done)), crate::i18n::month_label(m)))
        .collect();
    let line = points
        .iter()
        .map(|(px, py, _)| format!("{px:.1},{py:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let label = (w.trend_chart_label)(
        &points.last().map(|p| p.2.clone()).unwrap_or_default(),
        ward.percent(),
    );
    let grid = [(0.0, "0%"), (80.0, "80%"), (100.0, "100%")];
    view! {
        <svg class="trend-chart" viewBox=format!("0 0 {width} {height}") role="img" aria-label=label
            data-testid="ward-trend-chart">
            {grid.iter().map(|(p, text)| {
                let gy = y(*p);
                view! {
                    <line x1=left x2=width y1=gy y2=gy class=if *p == 80.0 { "grid target" } else { "grid" }/>
                    <text x=left - 4.0 y=gy + 4.0 class="axis" text-anchor="end">{*text}</text>
                }
            }).collect_view()}
            <polyline points=line class="trend"/>
            {points.into_iter().map(|(px, py, m)| view! {
                <circle cx=px cy=py r="4" class="dot"/>
                <text x=px y=height - 6.0 class="axis" text-anchor="middle">{m}</text>
            }).collect_view()}
        </svg>
    }
}

/// Conflicts to settle, then the figures, the chart and the trend: the printed report.
#[component]
fn WardDashboard(d: Data) -> impl IntoView {
    let t = use_t();
    let summary = move || {
        let r = d.report.get();
        let w = t().ward();
        if r.schools.is_empty() {
            return view! { <p data-testid="ward-empty">{w.nothing_yet}</p> }.into_any();
        }
        let (first, last) = days_span(&r);
        let span = match &last {
            Some(l) => format!("{first} – {l}"),
            None => first.clone(),
        };
        let v = &r.ward;
        let any_without_lists = r.schools.iter().any(|s| !s.class_lists);
        view! {
            <div class="print-only cover-head">
                <p class="cover-school">{w.print_ward}</p>
                <h2 class="cover-title">{(w.print_heading)(&span)}</h2>
                <p class="cover-printed">{(w.printed_on)(&crate::dates::day(platform::now().timestamp()))}</p>
            </div>
            <p class="overall-text" data-testid="ward-line">{(w.ward_line)(v.completed, v.students, v.percent())}</p>
            <p data-testid="ward-targets">
                <span class="goal">{w.target_2026}": "</span>{target_words(w, against(v, TARGET_2026))}
                " · "
                <span class="goal">{w.target_2030}": "</span>{target_words(w, against(v, TARGET_2030))}
            </p>
            <p class="rule" data-testid="ward-days">{(w.schools_count)(r.schools.len())}". "{(w.days_line)(&first, last.as_deref())}</p>
            <figure class="chart no-print" data-testid="ward-chart">
                <figcaption>{w.chart_title}</figcaption>
                <div class="chart-rows">
                    {r.schools.iter().map(|s| {
                        let pct = s.total.percent();
                        let class = if s.meets(TARGET_2026) { "chart-bar pass" } else { "chart-bar" };
                        view! {
                            <div class="chart-row">
                                <span class="chart-label">{(w.chart_line)(&s.school, s.total.completed, s.total.students, pct)}</span>
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
            <div class="table-wrap print-schools" tabindex="0" role="region" aria-label=w.table_label>
                <table class="progress-table" data-testid="ward-table">
                    <thead><tr>
                        <th scope="col">{w.col_school}</th><th scope="col">{w.col_as_of}</th>
                        <th scope="col">{w.col_students}</th><th scope="col">{w.col_completed}</th>
                        <th scope="col">{w.col_in_progress}</th><th scope="col">{w.col_not_started}</th>
                        <th scope="col">{w.col_share}</th>
                        <th scope="col">{w.col_target_2026}</th><th scope="col">{w.col_target_2030}</th>
                        <th scope="col" class="no-print"><span class="sr-only">{w.remove_school}</span></th>
                    </tr></thead>
                    <tbody>
                        {r.schools.iter().map(|s| {
                            let c = &s.total;
                            let name = s.school.clone();
                            view! {
                                <tr data-testid="ward-school-row" data-school=s.school.clone()>
                                    <th scope="row" class="name">
                                        {s.school.clone()}
                                        {(!s.class_lists).then(|| view! { " " <span class="badge badge-todo">{w.no_lists_badge}</span> })}
                                        {s.conflict.then(|| view! { " " <span class="badge badge-doing">{w.conflict_badge}</span> })}
                                    </th>
                                    <td>{crate::dates::day_of(&s.as_of)}</td>
                                    <td class="num">{c.students}</td><td class="num">{c.completed}</td>
                                    <td class="num">{c.in_progress}</td><td class="num">{c.not_started}</td>
                                    <td class="num" data-testid="ward-school-share">{format!("{}%", c.percent())}</td>
                                    <td class="goal-cell">{target_words(w, against(c, TARGET_2026))}</td>
                                    <td class="goal-cell">{target_words(w, against(c, TARGET_2030))}</td>
                                    <td class="no-print">
                                        <button type="button" class="btn btn-small" data-testid="ward-remove-school"
                                            aria-label=(w.remove_school_aria)(&s.school)
                                            on:click=move |_| {
                                                if platform::confirm(&(t().ward().remove_school_confirm)(&name)) {
                                                    let name = name.clone();
                                                    change(d, move |w| w.remove(&name));
                                                }
                                            }>{w.remove_school}</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                        <tr class="school-row" data-testid="ward-total-row">
                            <th scope="row">{w.whole_ward}</th>
                            <td>{span.clone()}</td>
                            <td class="num">{v.students}</td><td class="num">{v.completed}</td>
                            <td class="num">{v.in_progress}</td><td class="num">{v.not_started}</td>
                            <td class="num">{format!("{}%", v.percent())}</td>
                            <td class="goal-cell">{target_words(w, against(v, TARGET_2026))}</td>
                            <td class="goal-cell">{target_words(w, against(v, TARGET_2030))}</td>
                            <td class="no-print"></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            {any_without_lists.then(|| view! { <p class="rule" data-testid="ward-no-lists-note">{w.no_lists_note}</p> })}
            {(!v.by_month.is_empty()).then(|| view! {
                <div class="by-month">
                    <h3>{w.trend_title}</h3>
                    <p class="rule">{w.trend_help}</p>
                    <div class="trend-wrap no-print">{trend_svg(w, v)}</div>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=w.trend_title>
                        <table class="progress-table" data-testid="ward-by-month">
                            <thead><tr>
                                <th scope="col">{w.col_month}</th>
                                <th scope="col">{w.col_completed_so_far}</th>
                                <th scope="col">{w.col_share}</th>
                            </tr></thead>
                            <tbody>
                                {v.by_month.iter().map(|(m, done)| {
                                    let share = Coverage { students: v.students, completed: *done, ..Coverage::default() }.percent();
                                    view! {
                                        <tr>
                                            <th scope="row">{crate::i18n::month_label(m)}</th>
                                            <td class="num">{format!("{done}/{}", v.students)}</td>
                                            <td class="num">{format!("{share}%")}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            })}
            <div class="print-only signatures">
                <div><p class="sign-title">{w.sign_maker}</p><p class="sign-hint">{w.sign_hint}</p></div>
                <div><p class="sign-title">{w.sign_head}</p><p class="sign-hint">{w.sign_hint}</p></div>
            </div>
        }
        .into_any()
    };
    let conflicts = move || {
        let w = t().ward();
        let list = d.ward.with(|ward| {
            ward.conflicts
                .iter()
                .map(|c| {
                    let counted = ward
                        .schools
                        .iter()
                        .find(|s| {
                            crate::text::key(&s.summary.school)
                                == crate::text::key(&c.other.summary.school)
                        })
                        .map(|s| s.summary.total())
                        .unwrap_or_default();
                    let other = c.other.summary.total();
                    (
                        c.other.summary.school.clone(),
                        crate::dates::day_of(&c.other.summary.as_of),
                        (counted.completed, counted.students),
                        (other.completed, other.students),
                    )
                })
                .collect::<Vec<_>>()
        });
        (!list.is_empty()).then(|| view! {
            <section class="no-print" data-testid="ward-conflicts">
                <h2>{w.conflicts_title}</h2>
                <p>{w.conflicts_help}</p>
                <ul>
                    {list.into_iter().map(|(school, day, counted, other)| {
                        let (a, b) = (school.clone(), school.clone());
                        view! {
                            <li data-testid="ward-conflict">
                                {(w.conflict_line)(&school, &day, counted, other)}" "
                                <button type="button" class="btn btn-small" data-testid="ward-use-other"
                                    on:click=move |_| { let a = a.clone(); change(d, move |w| w.settle(&a, true)); }>{w.use_other}</button>
                                " "
                                <button type="button" class="btn btn-small" data-testid="ward-keep-counted"
                                    on:click=move |_| { let b = b.clone(); change(d, move |w| w.settle(&b, false)); }>{w.keep_counted}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })
    };
    // The students' satisfaction, school by school, against the plan's 90% (counts only).
    let survey = move || {
        let r = d.report.get();
        if r.schools.is_empty() {
            return ().into_any();
        }
        let s = t().survey();
        let v = r.survey.counts();
        if v.rated() == 0 {
            return view! { <section data-testid="ward-survey"><h2>{s.ward_title}</h2><p>{s.ward_none}</p></section> }.into_any();
        }
        let target = |c: &crate::teacher::survey::SurveyCounts| {
            if c.meets_target() {
                s.fb_met
            } else {
                s.fb_not_met
            }
        };
        view! {
            <section data-testid="ward-survey">
                <h2>{s.ward_title}</h2>
                <p class="overall-text" data-testid="ward-survey-line">{(s.ward_line)(v.satisfied(), v.rated(), v.percent())}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label=s.ward_title>
                    <table class="progress-table" data-testid="ward-survey-table">
                        <thead><tr>
                            <th scope="col">{s.ward_col_school}</th>
                            <th scope="col">{s.col_satisfied}</th>
                            <th scope="col">{s.col_share}</th>
                            <th scope="col">{s.col_target}</th>
                        </tr></thead>
                        <tbody>
                            {r.schools.iter().map(|school| {
                                let c = school.survey.counts();
                                view! {
                                    <tr>
                                        <th scope="row">{school.school.clone()}</th>
                                        <td class="num">{format!("{}/{}", c.satisfied(), c.rated())}</td>
                                        <td class="num" data-testid="ward-survey-share">{if c.rated() > 0 { format!("{}%", c.percent()) } else { "—".into() }}</td>
                                        <td class="goal-cell"><span class="goal">{if c.rated() > 0 { target(&c) } else { "—" }}</span></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    };
    view! {
        <section class="overall report ward-report" data-testid="ward-dashboard">
            {conflicts}
            {summary}
            {survey}
        </section>
    }
}

/// The CSV, the print button and clearing the ward's data (never printed).
#[component]
fn WardExports(d: Data) -> impl IntoView {
    let t = use_t();
    move || {
        let w = t().ward();
        let has = d.ward.with(|w| !w.schools.is_empty());
        view! {
            <section class="overall no-print" data-testid="ward-exports">
                <h2>{w.exports_title}</h2>
                <p class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="ward-csv" disabled=!has
                        on:click=move |_| download_csv(d)>{w.csv}</button>
                    <button type="button" class="btn" data-testid="ward-print" disabled=!has
                        on:click=|_| platform::print()>{w.print}</button>
                </p>
                <p class="danger-zone">
                    <button type="button" class="btn btn-danger" data-testid="ward-clear" disabled=!has
                        on:click=move |_| {
                            if platform::confirm(t().ward().clear_confirm) {
                                d.log.set(Vec::new());
                                change(d, |w| *w = Ward::default());
                                d.message.set(Some((true, t().ward().cleared.into())));
                            }
                        }>{w.clear}</button>
                    " "<span class="hint">{w.clear_help}</span>
                </p>
                <p role="status" data-testid="ward-message">
                    {move || d.message.get().map(|(ok, m)| view! {
                        <span class=if ok { "" } else { "warning-text" }>{m}</span>
                    })}
                </p>
            </section>
        }
    }
}

/// Downloads the ward's CSV (UTF-8 with BOM, injection-safe) in the interface language.
fn download_csv(d: Data) {
    let w = words(d);
    let r = d.report.get_untracked();
    let target = |x: Target| target_text(w, x);
    let day = |s: &str| crate::dates::day_of(s);
    let text = crate::ward::csv_document(
        &r,
        &crate::ward::CsvWords {
            header: [
                w.col_school,
                w.col_as_of,
                w.col_students,
                w.col_completed,
                w.col_in_progress,
                w.col_not_started,
                w.col_share,
                w.col_target_2026,
                w.col_target_2030,
            ],
            whole_ward: w.whole_ward,
            target: &target,
            day: &day,
        },
    );
    let file = format!(
        "dvc-lab-phuong-tong-hop-{}.csv",
        platform::now().format("%Y-%m-%d")
    );
    if platform::download(&file, "text/csv;charset=utf-8", &text).is_err() {
        d.message.set(Some((false, w.download_failed.into())));
    }
}
