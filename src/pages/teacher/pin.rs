//! The teacher PIN, one per browser, guarding the teacher and ward areas: the lock that asks
//! for it (with waits after wrong tries), "Quên mã PIN?" (a new PIN with the recovery code, every
//! piece of data kept; or, without the code, the PIN removed together with the imported data,
//! students' own accounts kept), and setting, changing or removing it with its recovery code.

use super::storage_words;
use crate::platform::{self, Key};
use crate::state::use_t;
use leptos::prelude::*;

/// The stored count of wrong teacher PINs and until when to wait (nothing stored: none).
fn read_wait() -> (u32, i64) {
    platform::read_word(&Key::TeacherPinWait)
        .and_then(|w| {
            let (fails, until) = w.split_once(' ')?;
            Some((fails.parse().ok()?, until.parse().ok()?))
        })
        .unwrap_or((0, 0))
}

/// Counts a try at the lock (a PIN or a recovery code): a right one clears the count, a wrong
/// one adds to it and sets the wait (kept across reloads).
fn count_try(wait: RwSignal<(u32, i64)>, ok: bool, at: i64) {
    let fails = if ok {
        0
    } else {
        wait.get_untracked().0.saturating_add(1)
    };
    let next = (fails, at + crate::profile::pin_wait_secs(fails));
    wait.set(next);
    if ok {
        platform::remove(&Key::TeacherPinWait);
    } else {
        let _ = platform::write_word(&Key::TeacherPinWait, &format!("{} {}", next.0, next.1));
    }
}

/// Stores a new PIN and a new recovery code for it; returns the code to show once.
fn store_pin(pin: &str) -> Result<String, platform::StorageError> {
    let code = crate::profile::recovery_code(platform::random_u64());
    let hashed = crate::profile::protect_pin(
        &crate::profile::recovery_digits(&code),
        platform::random_u64(),
    );
    let value = crate::profile::protect_pin(pin, platform::random_u64());
    // The code first: a PIN is never stored without the code that can replace it.
    platform::save(&Key::TeacherPinRecovery, &hashed)?;
    platform::save(&Key::TeacherPin, &value)?;
    Ok(code)
}

/// The two fields of a new PIN, typed twice: `id` and `{id}-again`, also their test ids.
#[component]
fn NewPinFields(
    /// The first field's id.
    id: &'static str,
    /// What is typed in the first.
    pin: RwSignal<String>,
    /// What is typed in the second.
    again: RwSignal<String>,
) -> impl IntoView {
    let t = use_t();
    let id2 = format!("{id}-again");
    view! {
        <div class="field">
            <label for=id>{move || t().teach().pin_new}</label>
            <input id=id type="password" inputmode="numeric" autocomplete="new-password"
                maxlength="8" data-testid=id
                prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
        </div>
        <div class="field">
            <label for=id2.clone()>{move || t().teach().pin_again}</label>
            <input id=id2.clone() type="password" inputmode="numeric" autocomplete="new-password"
                maxlength="8" data-testid=id2
                prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
        </div>
    }
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
    let forgot = RwSignal::new(false);
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
        count_try(wait, ok, at);
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
            <p>
                <button type="button" class="btn btn-small" data-testid="pin-forgot"
                    aria-expanded=move || forgot.get().to_string()
                    on:click=move |_| {
                        forgot.update(|f| *f = !*f);
                        if forgot.get_untracked() {
                            platform::focus_after_render("pin-forgot-title");
                        }
                    }>
                    {move || t().teach().forgot}
                </button>
            </p>
        </form>
        {move || forgot.get().then(|| view! { <PinForgotten stored open wait now/> })}
    }
}

/// "Quên mã PIN?": a new PIN with the recovery code (everything kept), or, without it, the PIN
/// removed with the imported data (students' accounts on this browser kept).
#[component]
fn PinForgotten(
    stored: RwSignal<Option<String>>,
    open: RwSignal<bool>,
    wait: RwSignal<(u32, i64)>,
    now: RwSignal<i64>,
) -> impl IntoView {
    use crate::profile::TeacherPinProblem;
    let t = use_t();
    let has_code = platform::load::<String>(&Key::TeacherPinRecovery)
        .ok()
        .flatten();
    let code = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let said = RwSignal::new(None::<String>);
    let shown = RwSignal::new(None::<String>);
    let waiting = move || wait.get().1 > now.get();
    let recovered = {
        let has_code = has_code.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let tt = t().teach();
            let at = platform::now().timestamp();
            now.set(at);
            if wait.get_untracked().1 > at {
                return;
            }
            let ok = has_code.as_deref().is_some_and(|h| {
                crate::profile::pin_opens(
                    h,
                    &crate::profile::recovery_digits(&code.get_untracked()),
                )
            });
            if !ok {
                count_try(wait, false, at);
                said.set(Some(tt.recovery_wrong.to_string()));
                return;
            }
            let new_pin =
                match crate::profile::new_teacher_pin(&pin.get_untracked(), &again.get_untracked())
                {
                    Err(TeacherPinProblem::Format) => return said.set(Some(tt.pin_format.into())),
                    Err(TeacherPinProblem::Mismatch) => {
                        return said.set(Some(tt.pin_mismatch.into()));
                    }
                    Ok(p) => p,
                };
            count_try(wait, true, at);
            match store_pin(&new_pin) {
                Ok(next) => {
                    said.set(None);
                    shown.set(Some(next));
                    stored.set(platform::load::<String>(&Key::TeacherPin).ok().flatten());
                }
                Err(e) => said.set(Some(storage_words(t(), &e))),
            }
        }
    };
    let reset = move |_| {
        let tt = t().teach();
        if !platform::confirm(tt.reset_confirm) {
            return;
        }
        leptos::task::spawn_local(async move {
            // The imported data first: the PIN goes only once nothing it guarded is left.
            let cleared = match platform::school_db::clear().await {
                Ok(()) => true,
                // No IndexedDB at all: nothing of the school's was ever kept in it.
                Err(platform::school_db::DbError::Unavailable(_)) => true,
                Err(_) => false,
            };
            if !cleared {
                said.set(Some(t().teach().reset_failed.into()));
                return;
            }
            platform::remove(&Key::Teacher);
            platform::remove(&Key::TeacherPin);
            platform::remove(&Key::TeacherPinRecovery);
            platform::remove(&Key::TeacherPinWait);
            stored.set(None);
            said.set(Some(t().teach().reset_done.into()));
            platform::focus_after_render("pin-forgot-said");
        });
    };
    view! {
        <section class="overall pin-forgot" data-testid="pin-forgot-panel">
            <h2 id="pin-forgot-title" tabindex="-1">{move || t().teach().recovery_title}</h2>
            // Once the PIN is gone, only what happened and the way in remain.
            <div hidden=move || stored.get().is_none()>
            {if has_code.is_some() {
                view! {
                    <p>{move || t().teach().recovery_help}</p>
                    <form class="teacher-pin-form" on:submit=recovered>
                        <div class="field">
                            <label for="recovery-code">{move || t().teach().recovery_label}</label>
                            <input id="recovery-code" type="text" inputmode="numeric" autocomplete="off"
                                maxlength="20" data-testid="recovery-code"
                                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                        </div>
                        <NewPinFields id="recovery-pin" pin again/>
                        <button type="submit" class="btn btn-primary" data-testid="recovery-submit" disabled=waiting>
                            {move || t().teach().recovery_submit}
                        </button>
                    </form>
                }.into_any()
            } else {
                view! { <p>{move || t().teach().recovery_none}</p> }.into_any()
            }}
            {move || shown.get().map(|code| view! {
                <div class="recovery-shown" role="status" data-testid="recovery-shown">
                    <p><strong>{(t().teach().recovery_shown)(&code)}</strong></p>
                    <p><button type="button" class="btn btn-primary" data-testid="recovery-open"
                        on:click=move |_| open.set(true)>{move || t().teach().lock_open}</button></p>
                </div>
            })}
            <div class="danger-zone">
                <h3>{move || t().teach().reset_title}</h3>
                <p>{move || t().teach().reset_help}</p>
                <p><button type="button" class="btn btn-danger" data-testid="pin-reset" on:click=reset>
                    {move || t().teach().reset_button}
                </button></p>
            </div>
            </div>
            <p id="pin-forgot-said" tabindex="-1" role="alert" data-testid="pin-forgot-said">
                {move || said.get()}
                {move || stored.get().is_none().then(|| view! {
                    " "<button type="button" class="btn btn-small btn-primary" data-testid="pin-reset-open"
                        on:click=move |_| open.set(true)>{move || t().teach().lock_open}</button>
                })}
            </p>
        </section>
    }
}

/// Sets, changes or removes the teacher PIN; a new PIN comes with a new recovery code, shown
/// once.
#[component]
pub(super) fn TeacherPinSettings(stored: RwSignal<Option<String>>) -> impl IntoView {
    use crate::profile::TeacherPinProblem;
    let t = use_t();
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let message = RwSignal::new(None::<Result<&'static str, String>>);
    let shown = RwSignal::new(None::<String>);
    let has_code = RwSignal::new(
        platform::load::<String>(&Key::TeacherPinRecovery)
            .ok()
            .flatten()
            .is_some(),
    );
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tt = t().teach();
        shown.set(None);
        let result =
            match crate::profile::new_teacher_pin(&pin.get_untracked(), &again.get_untracked()) {
                Err(TeacherPinProblem::Format) => Err(tt.pin_format.to_string()),
                Err(TeacherPinProblem::Mismatch) => Err(tt.pin_mismatch.to_string()),
                Ok(p) => match store_pin(&p) {
                    Ok(code) => {
                        stored.set(platform::load::<String>(&Key::TeacherPin).ok().flatten());
                        has_code.set(true);
                        pin.set(String::new());
                        again.set(String::new());
                        shown.set(Some(code));
                        Ok(tt.pin_saved)
                    }
                    Err(e) => Err(storage_words(t(), &e)),
                },
            };
        message.set(Some(result));
    };
    let remove = move |_| {
        platform::remove(&Key::TeacherPin);
        platform::remove(&Key::TeacherPinRecovery);
        stored.set(None);
        has_code.set(false);
        shown.set(None);
        message.set(Some(Ok(t().teach().pin_removed)));
    };
    view! {
        <section class="overall" data-testid="teacher-pin-settings">
            <h2>{move || t().teach().pin_title}</h2>
            <p>{move || if stored.get().is_some() { t().teach().pin_on } else { t().teach().pin_off }}</p>
            {move || (stored.get().is_some() && !has_code.get()).then(|| view! {
                <p class="warning-text" data-testid="recovery-missing">{t().teach().recovery_missing}</p>
            })}
            <form class="teacher-pin-form" on:submit=set>
                <NewPinFields id="new-teacher-pin" pin again/>
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
                    Some(Err(m)) => view! { <span class="warning-text">{m}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
            {move || shown.get().map(|code| view! {
                <p class="recovery-shown" data-testid="recovery-shown"><strong>{(t().teach().recovery_shown)(&code)}</strong></p>
            })}
            <p class="rule">{move || t().teach().pin_help}</p>
        </section>
    }
}
