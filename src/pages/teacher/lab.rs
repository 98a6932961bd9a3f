//! Step 1 of the teacher area, on each lab PC: export every student account on this browser in
//! one sealed file, the accounts here (this PC's school, deleting one, the idle sign-out), and,
//! under "Khi có sự cố", the full backup and the restore.

use super::storage_words;
use crate::platform::{self, Key};
use crate::state::{use_profiles, use_t};
use leptos::prelude::*;

/// "Export this PC": every profile on this browser in one sealed file.
#[component]
fn ExportPc() -> impl IntoView {
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

/// Offers the backup of everything this app stored in this browser ([`crate::transfer::backup_json`])
/// as a download named with today's date.
fn download_backup() -> Result<(), String> {
    let text =
        crate::transfer::backup_json(&platform::app_entries(), &platform::now().to_rfc3339());
    let name = format!(
        "dvc-lab-du-lieu-{}.json",
        platform::now().format("%Y-%m-%d")
    );
    platform::download(&name, "application/json", &text)
}

/// "Khi có sự cố": what this browser stores, the backup of all of it, and restoring students'
/// accounts from a file — folded away, so the one export a lab PC needs stands alone.
#[component]
fn Trouble() -> impl IntoView {
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
        <details class="overall trouble" data-testid="trouble">
            <summary><h2>{move || t().teach().trouble_title}</h2></summary>
            <section data-testid="storage-status">
                <h3>{move || t().pages().teacher_storage_title}</h3>
                <p>{move || (t().pages().teacher_storage)(profiles, persistent)}</p>
                <p>{move || (t().pages().teacher_bytes)(bytes, backups)}</p>
                <p data-testid="persisted">{move || kept.get().map(|p| (t().pages().teacher_persisted)(p))}</p>
                <p>
                    <button type="button" class="btn" data-testid="export-all"
                        on:click=move |_| error.set(download_backup().err().map(|_| t().teach().download_failed.to_string()))>
                        {move || t().pages().teacher_export}
                    </button>
                </p>
                <p class="rule">{move || t().pages().teacher_export_help}</p>
                {move || error.get().map(|e| view! { <p class="warning-text" role="alert">{e}</p> })}
            </section>
            <section data-testid="restore-profiles">
                <crate::pages::profiles::ImportBox only=None done=Callback::new(|_| ()) restore=true/>
            </section>
        </details>
    }
}

/// Step 1: this PC's export first, the accounts here, then "Khi có sự cố".
#[component]
pub(super) fn LabStep() -> impl IntoView {
    // No lead of its own: the export's help says it, and the button stays on a phone's first
    // screen.
    view! {
        <ExportPc/>
        <ProfilesHere/>
        <Trouble/>
    }
}
