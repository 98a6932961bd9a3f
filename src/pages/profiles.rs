//! "Ai đang học?": pick your profile (with its PIN, if set), create one, or bring progress from
//! another device. Also the gate that pages needing a student show in their place.

use crate::pages::page_title;
use crate::platform;
use crate::profile::{Draft, Field, Problems, Student};
use crate::routes::Route;
use crate::state::{ImportFailure, use_profiles, use_student, use_t};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The `/profiles` page: after choosing, the student lands on the home page.
#[component]
pub fn ProfilesPage() -> impl IntoView {
    page_title(|s| s.people().title.to_string());
    view! { <Picker go_home=true/> }
}

/// Shows `children` when a student is signed in, and the picker (with a one-line reason) when
/// not; after choosing, the page the student asked for appears in place.
#[component]
pub fn RequireStudent(children: ChildrenFn) -> impl IntoView {
    let student = use_student();
    let has = Memo::new(move |_| student.with(Option::is_some));
    move || {
        if has.get() {
            children().into_any()
        } else {
            // In the page's place, so it is the page that was opened (focus on its heading).
            super::page_shown();
            view! { <Picker go_home=false/> }.into_any()
        }
    }
}

/// The picker: profiles on this browser, the new-profile form, and import.
#[component]
pub fn Picker(
    /// Go to the home page after signing in (on `/profiles`); otherwise stay on this page.
    go_home: bool,
) -> impl IntoView {
    let t = use_t();
    let ctx = use_profiles();
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<String>);
    let creating = RwSignal::new(ctx.people.with_untracked(Vec::is_empty));
    let navigate = use_navigate();
    let done = move || {
        if go_home {
            navigate(&Route::Home.href(), Default::default());
        }
    };
    let done2 = done.clone();
    let shown = move || {
        let q = query.get();
        ctx.people
            .get()
            .into_iter()
            .filter(|s| s.matches(&q))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="picker" data-testid="picker">
            <h1>{move || t().people().title}</h1>
            // With nobody here yet, one line says so (the form follows at once: on a phone its
            // button stays on the first screen); otherwise what to do with the list.
            <p class="lead">{move || if ctx.people.with(Vec::is_empty) { t().people().none } else if go_home { t().people().lead } else { t().people().gate }}</p>
            {move || (ctx.people.with(Vec::len) > 5).then(|| view! {
                <p class="field">
                    <label for="who-search">{t().people().search}</label>
                    <input id="who-search" type="search" autocomplete="off" data-testid="who-search"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))/>
                </p>
            })}
            {move || {
                let list = shown();
                if ctx.people.with(Vec::is_empty) {
                    ().into_any()
                } else if list.is_empty() {
                    view! { <p class="muted" role="status">{t().people().no_match}</p> }.into_any()
                } else {
                    let done = done.clone();
                    view! {
                        <ul class="people" aria-label=t().people().list_label>
                            {list.into_iter().map(|s| {
                                let done = done.clone();
                                view! { <PersonRow student=s chosen=chosen done=Callback::new(move |_| done())/> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            {move || if creating.get() {
                let done = done2.clone();
                view! { <CreateForm cancel=Callback::new(move |_| creating.set(false)) done=Callback::new(move |_| done())/> }.into_any()
            } else {
                view! {
                    <p>
                        <button type="button" class="btn btn-primary btn-large" data-testid="create-open"
                            on:click=move |_| { creating.set(true); platform::focus_id("p-name"); }>
                            {t().people().create_open}
                        </button>
                    </p>
                }.into_any()
            }}
            <ImportBox only=None done=Callback::new(|_| ())/>
        </section>
    }
}

/// One profile in the list; with a PIN, choosing it opens the PIN box under it.
#[component]
fn PersonRow(
    student: Student,
    chosen: RwSignal<Option<String>>,
    done: Callback<()>,
) -> impl IntoView {
    let t = use_t();
    let id = student.id.clone();
    let has_pin = student.pin.is_some();
    let open = {
        let id = id.clone();
        move || chosen.get().as_deref() == Some(id.as_str())
    };
    let pin = RwSignal::new(String::new());
    let wrong = RwSignal::new(false);
    let pin_id = format!("pin-{id}");
    let s2 = student.clone();
    let choose = {
        let id = id.clone();
        move |_| {
            if has_pin {
                chosen.set(Some(id.clone()));
                wrong.set(false);
                pin.set(String::new());
            } else {
                crate::state::sign_in(&id);
                done.run(());
            }
        }
    };
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if s2.pin_ok(&pin.get_untracked()) {
                crate::state::sign_in(&id);
                done.run(());
            } else {
                wrong.set(true);
                pin.set(String::new());
            }
        }
    };
    let open2 = open.clone();
    view! {
        <li class="person-item">
            <button type="button" class="person" data-testid="person" aria-expanded=move || has_pin.then(|| open().to_string()) on:click=choose>
                <span class="person-name">{student.name.clone()}</span>
                <span class="person-meta">
                    {student.class.clone()}
                    {(!student.school.is_empty()).then(|| format!(" · {}", student.school))}
                    {has_pin.then(|| view! { " · " <span class="pin-mark">{move || t().people().has_pin}</span> })}
                </span>
            </button>
            {move || open2().then(|| {
                let pin_id = pin_id.clone();
                let err_id = format!("{pin_id}-err");
                let name = student.name.clone();
                // Focus moves once the box exists (not after a guessed delay: on a busy PC the
                // form can render after the next frame).
                let input = NodeRef::<leptos::html::Input>::new();
                input.on_load(|el| {
                    if el.is_connected() {
                        let _ = el.focus();
                    } else {
                        request_animation_frame(move || {
                            let _ = el.focus();
                        });
                    }
                });
                view! {
                    <form class="pin-form" on:submit=submit.clone()>
                        <label for=pin_id.clone()>{(t().people().pin_for)(&name)}</label>
                        <input id=pin_id node_ref=input type="password" inputmode="numeric" maxlength="4" autocomplete="off"
                            data-testid="pin-input" aria-invalid=move || wrong.get().to_string()
                            aria-describedby=err_id.clone()
                            prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                        <button type="submit" class="btn btn-primary" data-testid="pin-submit">{t().people().pin_enter}</button>
                        <button type="button" class="btn" on:click=move |_| chosen.set(None)>{t().people().cancel}</button>
                        <p id=err_id class="field-error" role="alert">{move || wrong.get().then(|| t().people().pin_wrong)}</p>
                    </form>
                }
            })}
        </li>
    }
}

/// The new-profile form: name and class, then "Thêm tuỳ chọn" folded (student code, PIN, and
/// the school when it is already known: this PC's, set in the teacher area, or the one typed
/// last here); every problem named next to its field. Only a PC that knows no school asks for
/// it up front.
#[component]
fn CreateForm(cancel: Callback<()>, done: Callback<()>) -> impl IntoView {
    let t = use_t();
    let ctx = use_profiles();
    let school = platform::read_word(&platform::Key::PcSchool)
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| ctx.index.with_untracked(|i| i.school.clone()));
    let school_known = !school.is_empty();
    let draft = RwSignal::new(Draft {
        school,
        ..Draft::default()
    });
    let problems = RwSignal::new(Problems::new());
    let options = NodeRef::<leptos::html::Details>::new();
    let folded = move |f: Field| match f {
        Field::School => school_known,
        Field::Code | Field::Pin | Field::PinAgain => true,
        Field::Name | Field::Class => false,
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match crate::state::create_profile(&draft.get_untracked()) {
            Ok(()) => done.run(()),
            Err(p) => {
                // A problem in a folded field unfolds it, so it is seen (and focusable).
                if p.iter().any(|(f, _)| folded(*f))
                    && let Some(d) = options.get_untracked()
                {
                    d.set_open(true);
                }
                if let Some((f, _)) = p.first() {
                    platform::focus_id(field_id(*f));
                }
                problems.set(p);
            }
        }
    };
    let school_field = move || {
        text_field(
            Field::School,
            "text",
            "organization",
            |s| (s.people().field_school, s.people().field_school_hint, false),
            draft,
            problems,
            |d| &mut d.school,
        )
    };
    let has_others = ctx.people.with_untracked(|p| !p.is_empty());
    view! {
        <form class="create-form" data-testid="create-form" on:submit=submit novalidate=true>
            // The first student on a PC has just read "create yours": the heading is there for
            // screen readers only, so the button fits on a phone's first screen.
            <h2 class:sr-only=!has_others>{move || t().people().create_title}</h2>
            {move || problems.with(|p| (!p.is_empty()).then(|| view! {
                <p class="field-error" role="alert" data-testid="form-errors">{(t().people().form_errors)(p.len())}</p>
            }))}
            {text_field(Field::Name, "text", "name", |s| (s.people().field_name, s.people().field_name_hint, false), draft, problems, |d| &mut d.name)}
            {text_field(Field::Class, "text", "off", |s| (s.people().field_class, s.people().field_class_hint, false), draft, problems, |d| &mut d.class)}
            {(!school_known).then(school_field)}
            <details class="more-options" node_ref=options data-testid="more-options">
                <summary>
                    <span class="summary-title">{move || t().people().more_options}</span>
                    <span class="summary-inside">
                        {move || (t().people().more_options_inside)(&if school_known { draft.with(|d| d.school.clone()) } else { String::new() })}
                    </span>
                </summary>
                {school_known.then(school_field)}
                {text_field(Field::Code, "text", "off", |s| (s.people().field_code, s.people().field_code_hint, true), draft, problems, |d| &mut d.code)}
                {text_field(Field::Pin, "password", "new-password", |s| (s.people().field_pin, s.people().field_pin_hint, true), draft, problems, |d| &mut d.pin)}
                {text_field(Field::PinAgain, "password", "new-password", |s| (s.people().field_pin_again, "", true), draft, problems, |d| &mut d.pin_again)}
            </details>
            <p class="form-actions">
                <button type="submit" class="btn btn-primary btn-large" data-testid="create-submit">{move || t().people().create_submit}</button>
                {has_others.then(|| view! {
                    <button type="button" class="btn" on:click=move |_| cancel.run(())>{move || t().people().cancel}</button>
                })}
            </p>
        </form>
    }
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Name => "p-name",
        Field::Class => "p-class",
        Field::School => "p-school",
        Field::Code => "p-code",
        Field::Pin => "p-pin",
        Field::PinAgain => "p-pin2",
    }
}

/// One labelled input bound to a draft field, with its hint and its problem.
fn text_field(
    field: Field,
    kind: &'static str,
    autocomplete: &'static str,
    words: fn(&'static crate::i18n::Strings) -> (&'static str, &'static str, bool),
    draft: RwSignal<Draft>,
    problems: RwSignal<Problems>,
    slot: fn(&mut Draft) -> &mut String,
) -> impl IntoView {
    let t = use_t();
    let id = field_id(field);
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-err");
    let problem = move || problems.with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, p)| *p));
    let numeric = matches!(field, Field::Pin | Field::PinAgain);
    view! {
        <p class="field">
            <label for=id>
                {move || words(t()).0}
                {move || words(t()).2.then(|| view! { " " <span class="muted">{t().people().optional}</span> })}
            </label>
            <input id=id type=kind autocomplete=autocomplete
                inputmode=numeric.then_some("numeric") maxlength=numeric.then_some("4")
                aria-describedby=format!("{hint_id} {err_id}")
                aria-invalid=move || problem().is_some().to_string()
                prop:value=move || draft.with(|d| { let mut d = d.clone(); slot(&mut d).clone() })
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|d| *slot(d) = v);
                    problems.update(|p| p.retain(|(f, _)| *f != field));
                }/>
            <span id=hint_id class="hint">{move || words(t()).1}</span>
            <span id=err_id class="field-error">{move || problem().map(|p| (t().people().problem)(p))}</span>
        </p>
    }
}

/// "Đã học ở máy khác?": reads a progress file into this browser. With `only`, the file must
/// be that student's (used on "My progress").
#[component]
pub fn ImportBox(
    only: Option<String>,
    done: Callback<()>,
    /// In the teacher area: restores a whole PC's file (many profiles) onto this browser.
    #[prop(optional)]
    restore: bool,
) -> impl IntoView {
    let max = if restore {
        crate::transfer::MAX_RECORDS
    } else {
        crate::state::STUDENT_FILE_MAX
    };
    let t = use_t();
    let message = RwSignal::new(None::<(bool, String)>);
    let owner = Owner::current();
    let is_own = only.is_some();
    let on_change = move |ev: leptos::ev::Event| {
        let files = platform::chosen_files(&ev);
        let owner = owner.clone();
        let only = only.clone();
        leptos::task::spawn_local(async move {
            for file in files {
                let text = platform::read_file(&file, crate::transfer::MAX_FILE_BYTES).await;
                let Some(owner) = owner.as_ref() else { return };
                let result = match text {
                    Ok(text) => {
                        owner.with(|| crate::state::import_progress(&text, only.as_deref(), max))
                    }
                    Err(platform::FileError::TooLarge { mb }) => Err(ImportFailure::File(
                        crate::transfer::ImportError::TooLarge { mb },
                    )),
                    Err(platform::FileError::Unreadable(e)) => Err(ImportFailure::File(
                        crate::transfer::ImportError::NotJson(e),
                    )),
                };
                owner.with(|| {
                    let t = use_t();
                    match result {
                        Ok(report) => {
                            message.set(Some((true, (t().people().import_done)(&report))));
                            done.run(());
                        }
                        Err(f) => message.set(Some((false, (t().people().import_failed)(&f)))),
                    }
                });
            }
        });
    };
    view! {
        <section class="import-box">
            <h2>{move || if restore { t().people().restore_title } else if is_own { t().people().import_own } else { t().people().import_title }}</h2>
            <p class="hint">{move || if restore { t().people().restore_help } else { t().people().import_help }}</p>
            // The input before its label: the label is the visible button (in the page's
            // language, not the browser's "Choose File"), ringed while the input has focus.
            <p class="file-pick">
                <input id=if restore { "restore-file" } else if is_own { "import-own" } else { "import-file" } type="file" accept=".json,application/json"
                    data-testid=if restore { "restore-file" } else { "import-file" } on:change=on_change/>
                <label for=if restore { "restore-file" } else if is_own { "import-own" } else { "import-file" } class="file-label">{move || t().people().import_button}</label>
            </p>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "import-ok" } else { "field-error" } role="alert" data-testid="import-message">{text}</p>
                {ok.then(|| view! {
                    <p><leptos_router::components::A href=Route::Progress.href() attr:class="btn btn-primary">{t().nav_progress}</leptos_router::components::A></p>
                })}
            })}
        </section>
    }
}
