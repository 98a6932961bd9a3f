//! The teacher area: the student profiles on this browser (this PC's school, deleting one, the
//! idle sign-out setting), the class report (`report.rs`: export this PC, import many, class list,
//! dashboard, exports), and what this browser stores with a raw backup of everything.

use crate::pages::page_title;
use crate::platform;
use crate::state::{use_profiles, use_t};
use leptos::prelude::*;

/// The JSON export of everything this app stored in this browser, damaged copies included, so
/// nothing is lost when storage is full or broken.
pub fn export_json() -> String {
    let entries = platform::app_entries();
    let mut stored = serde_json::Map::new();
    for (k, v) in &entries {
        // Parsed where possible; damaged text is kept as a string, byte for byte.
        let value =
            serde_json::from_str(v).unwrap_or_else(|_| serde_json::Value::String(v.clone()));
        stored.insert(k.clone(), value);
    }
    let doc = serde_json::json!({
        "app": "dvc-lab",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": crate::progress::SCHEMA_VERSION,
        "exported_at": platform::now().to_rfc3339(),
        "storage": stored,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Offers the export as a download named with today's date.
pub fn download_export() -> Result<(), String> {
    let name = format!(
        "dvc-lab-du-lieu-{}.json",
        platform::now().format("%Y-%m-%d")
    );
    platform::download(&name, "application/json", &export_json())
}

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

/// Asks for the teacher PIN (which also guards the ward page: one PIN for a browser's staff
/// areas).
#[component]
pub(crate) fn TeacherLock(
    /// The stored PIN (`salt$hash`), if one is set.
    stored: RwSignal<Option<String>>,
    /// Set when the right PIN is typed.
    open: RwSignal<bool>,
    /// The first line, when it is not the teacher area's.
    #[prop(optional)]
    lead: Option<fn(&'static crate::i18n::Strings) -> &'static str>,
) -> impl IntoView {
    let t = use_t();
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    // Wrong PINs in a row, and until when the next try must wait (see `profile::pin_wait_secs`).
    let wait = RwSignal::new(read_wait());
    let now = RwSignal::new(platform::now().timestamp());
    let tick = set_interval_with_handle(
        move || now.set(platform::now().timestamp()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    // Into the PIN box, also when the page is reached by a link (after the heading's focus).
    platform::focus_after_render("teacher-pin");
    let left = move || (wait.get().1 - now.get()).max(0);
    let waiting = move || left() > 0;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = platform::now().timestamp();
        now.set(at);
        if wait.get_untracked().1 > at {
            return;
        }
        let ok = stored
            .get_untracked()
            .is_none_or(|s| crate::profile::pin_opens(&s, &pin.get_untracked()));
        wrong.set(!ok);
        pin.set(String::new());
        let fails = if ok {
            0
        } else {
            wait.get_untracked().0.saturating_add(1)
        };
        let next = (fails, at + crate::profile::pin_wait_secs(fails));
        wait.set(next);
        if ok {
            platform::remove(&platform::Key::TeacherPinWait);
        } else {
            let _ = platform::write_word(
                &platform::Key::TeacherPinWait,
                &format!("{} {}", next.0, next.1),
            );
        }
        // Only on success: setting the same value would re-draw the lock and lose the message.
        if ok {
            open.set(true);
        }
    };
    view! {
        <form class="teacher-lock" data-testid="teacher-lock" on:submit=submit>
            <p class="lead">{move || lead.map_or(t().teach().lock_lead, |f| f(t()))}</p>
            <label for="teacher-pin">{move || t().teach().lock_label}</label>
            <input id="teacher-pin" type="password" inputmode="numeric" autocomplete="off"
                maxlength="8" data-testid="teacher-pin" autofocus
                aria-invalid=move || wrong.get().to_string()
                aria-describedby="teacher-pin-error"
                prop:value=move || pin.get()
                on:input=move |ev| pin.set(event_target_value(&ev))/>
            <button type="submit" class="btn btn-primary" data-testid="teacher-pin-open"
                disabled=waiting>{move || t().teach().lock_open}</button>
            <p id="teacher-pin-error" class="field-error" role="alert" data-testid="teacher-pin-error">
                {move || wrong.get().then(|| t().teach().lock_wrong)}
                {move || waiting().then(|| view! { " " {(t().teach().lock_wait)(left())} })}
            </p>
            <p class="rule">{move || t().teach().lock_forgot}</p>
        </form>
    }
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

/// The stored count of wrong teacher PINs and until when to wait (nothing stored: none).
fn read_wait() -> (u32, i64) {
    platform::read_word(&platform::Key::TeacherPinWait)
        .and_then(|w| {
            let (fails, until) = w.split_once(' ')?;
            Some((fails.parse().ok()?, until.parse().ok()?))
        })
        .unwrap_or((0, 0))
}

/// Sets, changes or removes the teacher PIN.
#[component]
fn TeacherPinSettings(stored: RwSignal<Option<String>>) -> impl IntoView {
    use crate::profile::TeacherPinProblem;
    let t = use_t();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tt = t().teach();
        let result =
            match crate::profile::new_teacher_pin(&pin.get_untracked(), &again.get_untracked()) {
                Err(TeacherPinProblem::Format) => Err(tt.pin_format.to_string()),
                Err(TeacherPinProblem::Mismatch) => Err(tt.pin_mismatch.to_string()),
                Ok(p) => {
                    let value =
                        crate::profile::protect_pin(&p, platform::entropy().rotate_left(23));
                    match platform::save(&platform::Key::TeacherPin, &value) {
                        Ok(()) => {
                            stored.set(Some(value));
                            pin.set(String::new());
                            again.set(String::new());
                            Ok(tt.pin_saved)
                        }
                        Err(e) => Err(storage_words(t(), &e)),
                    }
                }
            };
        message.set(Some(result));
    };
    let remove = move |_| {
        platform::remove(&platform::Key::TeacherPin);
        stored.set(None);
        message.set(Some(Ok(t().teach().pin_removed)));
    };
    view! {
        <section class="overall" data-testid="teacher-pin-settings">
            <h2>{move || t().teach().pin_title}</h2>
            <p>{move || if stored.get().is_some() { t().teach().pin_on } else { t().teach().pin_off }}</p>
            <form class="teacher-pin-form" on:submit=set>
                <div class="field">
                    <label for="new-teacher-pin">{move || t().teach().pin_new}</label>
                    <input id="new-teacher-pin" type="password" inputmode="numeric" autocomplete="new-password"
                        maxlength="8" data-testid="new-teacher-pin"
                        prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="new-teacher-pin-again">{move || t().teach().pin_again}</label>
                    <input id="new-teacher-pin-again" type="password" inputmode="numeric" autocomplete="new-password"
                        maxlength="8" data-testid="new-teacher-pin-again"
                        prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="btn btn-primary set-pin" data-testid="set-teacher-pin">
                    {move || t().teach().pin_set}
                </button>
            </form>
            {move || stored.get().is_some().then(|| view! {
                <p><button type="button" class="btn btn-secondary" data-testid="remove-teacher-pin" on:click=remove>
                    {move || t().teach().pin_remove}
                </button></p>
            })}
            <p role="status" data-testid="teacher-pin-message">
                {move || match message.get() {
                    Some(Ok(m)) => view! { <span>{m}</span> }.into_any(),
                    Some(Err(e)) => view! { <span class="warning-text">{e}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
            <p class="rule">{move || t().teach().pin_help}</p>
        </section>
    }
}

/// Everything in the teacher area, once it is open.
#[component]
fn TeacherArea(stored: RwSignal<Option<String>>) -> impl IntoView {
    let t = use_t();
    let persistent = platform::storage_is_persistent();
    let entries = platform::app_entries();
    let profiles = entries
        .iter()
        .filter(|(k, _)| k.starts_with("dvclab.v1.profile."))
        .count();
    let backups = entries
        .iter()
        .filter(|(k, _)| k.starts_with("dvclab.backup."))
        .count();
    let bytes: usize = entries.iter().map(|(k, v)| (k.len() + v.len()) * 2).sum();
    let error = RwSignal::new(None::<String>);
    let kept = LocalResource::new(platform::storage_persisted);
    view! {
        <div data-testid="teacher-area">
        <p class="lead">{move || t().pages().teacher_lead}</p>
        <crate::pages::report::ClassReport/>
        <ProfilesHere/>
        <crate::pages::report::ExportPc/>
        <TeacherPinSettings stored/>
        <section class="overall" data-testid="storage-status">
            <h2>{move || t().pages().teacher_storage_title}</h2>
            <p>{move || (t().pages().teacher_storage)(profiles, persistent)}</p>
            <p>{move || (t().pages().teacher_bytes)(bytes, backups)}</p>
            <p data-testid="persisted">{move || kept.get().map(|p| (t().pages().teacher_persisted)(p))}</p>
            <p>
                <button type="button" class="btn btn-primary" data-testid="export-all"
                    on:click=move |_| error.set(download_export().err().map(|_| t().teach().download_failed.to_string()))>
                    {move || t().pages().teacher_export}
                </button>
            </p>
            <p class="rule">{move || t().pages().teacher_export_help}</p>
            {move || error.get().map(|e| view! { <p class="warning-text" role="alert">{e}</p> })}
        </section>
        <section class="overall" data-testid="restore-profiles">
            <crate::pages::profiles::ImportBox only=None done=Callback::new(|_| ()) restore=true/>
        </section>
        </div>
    }
}

/// What saving this PC's school said.
#[derive(Clone)]
enum PcSaid {
    Saved(String),
    Cleared,
    TooLong,
    Failed(platform::StorageError),
}

/// "Trường của máy này": the school every new profile on this lab PC starts with (stored under
/// `Key::PcSchool`, read by the new-profile form); empty lets students type their own.
#[component]
fn PcSchool() -> impl IntoView {
    let t = use_t();
    let typed = RwSignal::new(platform::read_word(&platform::Key::PcSchool).unwrap_or_default());
    let said = RwSignal::new(None::<PcSaid>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let key = platform::Key::PcSchool;
        let result = match crate::profile::pc_school(&typed.get_untracked()) {
            Err(_) => PcSaid::TooLong,
            Ok(school) if school.is_empty() => {
                platform::remove(&key);
                typed.set(school);
                PcSaid::Cleared
            }
            Ok(school) => match platform::write_word(&key, &school) {
                Ok(()) => {
                    typed.set(school.clone());
                    PcSaid::Saved(school)
                }
                Err(e) => PcSaid::Failed(e),
            },
        };
        said.set(Some(result));
    };
    view! {
        <form class="pc-school-form" data-testid="pc-school-form" on:submit=submit>
            <label for="pc-school">{move || t().people().pc_school_label}</label>
            <input id="pc-school" type="text" autocomplete="organization" maxlength="80" data-testid="pc-school"
                aria-describedby="pc-school-hint"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
            <button type="submit" class="btn btn-small btn-primary" data-testid="pc-school-save">{move || t().people().save}</button>
            <span id="pc-school-hint" class="hint">{move || t().people().pc_school_hint}</span>
            <span role="status" data-testid="pc-school-message">
                {move || said.get().map(|s| match s {
                    PcSaid::Saved(school) => view! { <span>{(t().people().pc_school_saved)(&school)}</span> }.into_any(),
                    PcSaid::Cleared => view! { <span>{t().people().pc_school_cleared}</span> }.into_any(),
                    PcSaid::TooLong => view! { <span class="warning-text">{t().people().pc_school_too_long}</span> }.into_any(),
                    PcSaid::Failed(e) => view! { <span class="warning-text">{storage_words(t(), &e)}</span> }.into_any(),
                })}
            </span>
        </form>
    }
}

/// The profiles on this browser: this PC's school; who, class, lessons passed; delete one; the
/// idle setting.
#[component]
fn ProfilesHere() -> impl IntoView {
    let t = use_t();
    let ctx = use_profiles();
    let idle = RwSignal::new(ctx.index.with_untracked(|i| i.idle_min).to_string());
    let saved = RwSignal::new(None::<u32>);
    let passed = |id: &str| {
        let req = &crate::progress::requirements().lessons;
        platform::load::<serde_json::Value>(&platform::Key::Profile(id.to_string()))
            .ok()
            .flatten()
            .and_then(|v| crate::progress::migrate(v).ok())
            .map_or(0, |r| r.passed_count(req))
    };
    view! {
        <section class="overall" data-testid="profiles-here">
            <h2>{move || t().people().teacher_profiles_title}</h2>
            <PcSchool/>
            {move || {
                let people = ctx.people.get();
                if people.is_empty() {
                    return view! { <p>{t().people().teacher_no_profiles}</p> }.into_any();
                }
                let total = crate::progress::requirements().lessons.len();
                view! {
                    // Focusable and named, so a keyboard can scroll it sideways on a phone.
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t().people().teacher_profiles_title>
                        <table class="progress-table">
                            <thead><tr>
                                <th scope="col">{t().people().col_name}</th>
                                <th scope="col">{t().people().col_class}</th>
                                <th scope="col">{t().people().col_done}</th>
                                <th scope="col"><span class="sr-only">{t().people().delete}</span></th>
                            </tr></thead>
                            <tbody>
                                {people.into_iter().map(|s| {
                                    let id = s.id.clone();
                                    let name = s.name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{s.name.clone()}</th>
                                            <td>{s.class.clone()}</td>
                                            <td>{format!("{}/{total}", passed(&s.id))}</td>
                                            <td>
                                                <button type="button" class="btn btn-small"
                                                    aria-label=format!("{} {}", t().people().delete, s.name)
                                                    on:click=move |_| {
                                                        if platform::confirm(&(use_t()().people().delete_confirm)(&name)) {
                                                            crate::state::delete_profile(&id);
                                                        }
                                                    }>
                                                    {t().people().delete}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <form class="idle-form" on:submit=move |ev| {
                ev.prevent_default();
                let m = idle.get_untracked().trim().parse::<u32>().unwrap_or(crate::profile::DEFAULT_IDLE_MINUTES).min(240);
                crate::state::set_idle_minutes(m);
                idle.set(m.to_string());
                saved.set(Some(m));
            }>
                <label for="idle-min">{move || t().people().teacher_idle_label}</label>
                <input id="idle-min" type="number" min="0" max="240" inputmode="numeric" data-testid="idle-min"
                    prop:value=move || idle.get() on:input=move |ev| idle.set(event_target_value(&ev))/>
                <button type="submit" class="btn btn-small btn-primary">{move || t().people().save}</button>
                <span role="status">{move || saved.get().map(|m| (t().people().teacher_idle_saved)(m))}</span>
            </form>
        </section>
    }
}
