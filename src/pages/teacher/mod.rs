//! The teacher area (`/teacher`), in steps that follow a teacher's week: **1. on a lab PC**
//! (`lab.rs`: export this PC, its accounts, "Khi có sự cố"), **2. on the teacher's own computer**
//! (`imports.rs`: progress files and class lists), **3. the report** (`dashboard.rs`: coverage,
//! students, exports, the school's summary for the ward), and the PIN (`pin.rs`). The step is in
//! the address (`?step=lab|import|report|pin`); without one the area opens on the step that fits
//! this browser: the report where data was imported, the export where students have accounts,
//! else the import. `report.rs` reads and keeps the imported data (IndexedDB) and imports files.

mod dashboard;
mod feedback;
mod imports;
mod lab;
mod lrs;
mod pin;
mod report;

pub(crate) use pin::TeacherLock;

use crate::pages::page_title;
use crate::platform;
use crate::routes::{Route, STEP};
use crate::state::{use_profiles, use_t};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The teacher page: behind the teacher PIN when one is set (asked each time the area is
/// opened, so a student cannot walk back into it after the teacher leaves).
#[component]
pub fn Teacher() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.pages().teacher_title.to_string());
    let stored = RwSignal::new(
        platform::load::<String>(&platform::Key::TeacherPin)
            .ok()
            .flatten(),
    );
    let open = RwSignal::new(stored.get_untracked().is_none());
    lock_when_left(stored, open, "teacher-area");
    view! {
        <h1>{move || t().pages().teacher_title}</h1>
        {move || if open.get() {
            view! { <TeacherArea stored/> }.into_any()
        } else {
            view! { <TeacherLock stored open/> }.into_any()
        }}
    }
}

/// Locks a PIN-guarded area when the page is left (another site, closing the tab), so the
/// browser's back button cannot bring it back open from its page cache; a page shown again from
/// that cache is locked too. `area`: the test id of what is hidden at once.
pub(crate) fn lock_when_left(
    stored: RwSignal<Option<String>>,
    open: RwSignal<bool>,
    area: &'static str,
) {
    let lock = move || {
        if stored.get_untracked().is_some() {
            open.set(false);
            platform::hide_test_id(area);
        }
    };
    let hide = window_event_listener(leptos::ev::pagehide, move |_| lock());
    let show = window_event_listener(leptos::ev::pageshow, move |e| {
        if e.persisted() {
            lock();
        }
    });
    on_cleanup(move || {
        hide.remove();
        show.remove();
    });
}

/// A failed save, in the interface language (never the browser's own English or debug text).
fn storage_words(t: &crate::i18n::Strings, e: &platform::StorageError) -> String {
    match e {
        platform::StorageError::QuotaExceeded => t.storage_full,
        platform::StorageError::Unavailable => t.storage_memory,
        _ => t.teach().save_failed,
    }
    .to_string()
}

/// A step of the teacher area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Step {
    /// On each lab PC: export its progress.
    Lab,
    /// On the teacher's computer: import files and class lists.
    Import,
    /// The report and its exports.
    Report,
    /// Sending to the ward's Learning Record Store, and reading back from it.
    Lrs,
    /// The teacher PIN.
    Pin,
}

impl Step {
    const ALL: [Step; 5] = [Step::Lab, Step::Import, Step::Report, Step::Lrs, Step::Pin];

    /// Its name in the address.
    pub(super) fn slug(self) -> &'static str {
        match self {
            Step::Lab => "lab",
            Step::Import => "import",
            Step::Report => "report",
            Step::Lrs => "lrs",
            Step::Pin => "pin",
        }
    }

    fn from_slug(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// Where it is: `/teacher?step=…`.
    pub(super) fn href(self) -> String {
        Route::Teacher.href_with(STEP, self.slug())
    }

    fn label(self, s: &'static crate::i18n::Strings) -> &'static str {
        let t = s.teach();
        match self {
            Step::Lrs => s.lrs().step,
            Step::Lab => t.step_lab,
            Step::Import => t.step_import,
            Step::Report => t.step_report,
            Step::Pin => t.step_settings,
        }
    }
}

/// Everything in the teacher area, once it is open: the steps, and the one chosen (or the one
/// that fits this browser, once the imported data has been read).
#[component]
fn TeacherArea(stored: RwSignal<Option<String>>) -> impl IntoView {
    let t = use_t();
    let query = use_query_map();
    let d = report::open_data();
    let profiles = use_profiles().people;
    let asked = Memo::new(move |_| query.with(|q| q.get(STEP).and_then(|s| Step::from_slug(&s))));
    let step = Memo::new(move |_| {
        asked.get().or_else(|| {
            d.keeping.get()?;
            let imported = d
                .collection
                .with_untracked(|c| !c.records.is_empty() || !c.roster.entries.is_empty());
            Some(if imported {
                Step::Report
            } else if profiles.with_untracked(|p| !p.is_empty()) {
                Step::Lab
            } else {
                Step::Import
            })
        })
    });
    let nav = move || {
        let tt = t().teach();
        let now = step.get();
        view! {
            <nav class="teacher-steps no-print" aria-label=tt.steps_label data-testid="teacher-steps">
                <ul>
                    // Plain links (the router still handles them): `A` would mark every one
                    // of them current, since they differ only in the query.
                    {Step::ALL.into_iter().map(|s| view! {
                        <li><a href=s.href()
                            aria-current=(now == Some(s)).then_some("step")
                            data-step=s.slug()>{s.label(t())}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
    };
    let body = move || {
        // The lab step needs nothing imported; the others wait for the stored data, so nothing
        // imported can be written over by the data being read.
        let s = step.get();
        if s == Some(Step::Lab) {
            return view! { <lab::LabStep/> }.into_any();
        }
        if d.keeping.get().is_none() {
            return view! { <p role="status" data-testid="teacher-loading">{move || t().teach().loading_data}</p> }.into_any();
        }
        match s {
            Some(Step::Import) => view! {
                <p class="lead">{move || t().teach().step_import_lead}</p>
                <imports::Imports d/>
            }
            .into_any(),
            Some(Step::Lrs) => view! { <lrs::LrsStep d/> }.into_any(),
            Some(Step::Pin) => view! {
                <p class="lead">{move || t().teach().step_settings_lead}</p>
                <pin::TeacherPinSettings stored/>
            }
            .into_any(),
            _ => view! {
                <p class="lead no-print">{move || t().pages().teacher_lead}</p>
                <dashboard::Dashboard d/>
            }
            .into_any(),
        }
    };
    view! {
        <div data-testid="teacher-area" data-step=move || step.get().map(Step::slug)>
            {nav}
            {move || imports::stored_notes(d)}
            {body}
        </div>
    }
}
