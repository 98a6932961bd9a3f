//! Step 2 of the teacher area, on the teacher's own computer: importing the progress files of
//! many lab PCs and students' own files, and the class lists (one per class or the whole
//! school), each file's result said.

use super::report::{Data, Keeping, StoredNote, import_files, save_soon};
use crate::components::files::FileDrop;
use crate::platform::{self, Key};
use crate::state::use_t;
use crate::teacher::roster;
use leptos::prelude::*;
use leptos_router::components::A;

/// Importing progress files and the class list.
#[component]
pub(super) fn Imports(d: Data) -> impl IntoView {
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
            {move || d.log.with(|l| l.iter().any(|(ok, _)| *ok)).then(|| view! {
                <p><A href=super::Step::Report.href() attr:class="btn btn-primary" attr:data-testid="see-report">{t().teach().see_report}</A></p>
            })}

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

/// What opening the area found wrong with the stored data, and whether it is kept at all:
/// above every step, since it concerns them all.
pub(super) fn stored_notes(d: Data) -> impl IntoView {
    let t = use_t();
    view! {
        {move || d.full.get().then(|| view! { <p class="field-error overall" role="alert" data-testid="teacher-full">{t().teach().saved_full}</p> })}
        {move || (d.keeping.get() == Some(Keeping::MemoryOnly)).then(|| view! {
            <p class="field-error overall" role="alert" data-testid="teacher-memory-only">{t().teach().memory_only}</p>
        })}
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
    }
}
