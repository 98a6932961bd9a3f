//! The page frame: header with navigation and the language switch, storage notices, footer.

use crate::content::Lang;
use crate::platform::to;
use crate::state::{AppCtx, Notice, NoticeCtx, use_lang, use_student, use_t};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// Who is signed in, and "Đổi người học" one click away on every page.
#[component]
pub fn WhoIsLearning() -> impl IntoView {
    let t = use_t();
    let student = use_student();
    let navigate = use_navigate();
    let switch = move |_| {
        crate::state::sign_out_from_frame();
        navigate(&to("/profiles"), Default::default());
    };
    view! {
        <div class="who" data-testid="who">
            {move || student.get().map(|s| view! {
                <span class="who-name" data-testid="who-name">
                    <span class="who-full">{(t().who)(&s.name, &s.class)}</span>
                    // Phones show the given name (the last word of a Vietnamese name) to save a line.
                    <span class="who-short">
                        {(t().who)(s.name.rsplit(' ').next().unwrap_or_default(), &s.class)}
                    </span>
                </span>
            })}
            {move || if student.with(Option::is_some) {
                view! {
                    <button type="button" class="btn btn-small who-switch" data-testid="switch-student" on:click=switch.clone()>
                        {t().switch_student}
                    </button>
                }.into_any()
            } else {
                view! {
                    <A href=to("/profiles") attr:class="btn btn-small who-switch" attr:data-testid="choose-profile">
                        {t().choose_profile}
                    </A>
                }.into_any()
            }}
        </div>
    }
}

/// Site header: name, main navigation, language switch.
#[component]
pub fn Header() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let switch = move |_| {
        lang.update(|l| {
            *l = match l {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        })
    };
    view! {
        <header class="site-header">
            <div class="header-row">
                <A href=to("/") attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"DVC"</span>
                    <span class="brand-text">
                        <span class="brand-name">{move || t().app_name}</span>
                        <span class="brand-tagline">{move || t().app_tagline}</span>
                    </span>
                </A>
                <button
                    type="button"
                    class="lang-switch"
                    data-testid="lang-switch"
                    on:click=switch
                    lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                    aria-label=move || t().switch_lang_aria
                >
                    {move || t().switch_lang}
                </button>
            </div>
            <WhoIsLearning/>
            <Offline/>
            <OpeningPage/>
            <nav class="main-nav" aria-label=move || t().nav_label>
                <A href=to("/") exact=true>{move || t().nav_home}</A>
                <A href=to("/lessons")>{move || t().nav_lessons}</A>
                <A href=to("/walkthroughs")>{move || t().nav_walkthroughs}</A>
                <A href=to("/progress")>{move || t().nav_progress}</A>
                <A href=to("/teacher")>{move || t().nav_teacher}</A>
            </nav>
        </header>
    }
}

/// "Đang mở trang…" while a page's code or files download (see `app::Opening`).
#[component]
fn OpeningPage() -> impl IntoView {
    let t = use_t();
    let opening = expect_context::<crate::app::Opening>().0;
    move || {
        (opening.get() > 0).then(|| {
            view! { <p class="opening" role="status" data-testid="opening">{t().opening}</p> }
        })
    }
}

/// "Offline — you can keep learning" while the browser has no network.
#[component]
fn Offline() -> impl IntoView {
    let t = use_t();
    let app = expect_context::<AppCtx>();
    move || {
        (!app.online.get()).then(|| {
            view! { <p class="offline-badge" role="status" data-testid="offline">{t().offline}</p> }
        })
    }
}

/// The new-version offer, then a dismissible message about storage (memory-only, full,
/// recovered data) or an idle sign-out.
#[component]
pub fn Notices() -> impl IntoView {
    let app = expect_context::<AppCtx>();
    let t = use_t();
    view! {
        {move || app.update.get().then(|| view! {
            <div class="notice update" role="status" data-testid="update-notice">
                <p>{t().update_available}" — "</p>
                <button type="button" class="btn btn-small btn-primary" data-testid="update-reload"
                    on:click=|_| crate::platform::apply_update()>
                    {t().update_reload}
                </button>
            </div>
        })}
        <StorageNotice/>
    }
}

/// A dismissible message about storage or an idle sign-out.
#[component]
fn StorageNotice() -> impl IntoView {
    let t = use_t();
    let notice = expect_context::<NoticeCtx>().0;
    move || {
        notice.get().map(|n| {
            let text = move || match n {
                Notice::MemoryOnly => t().storage_memory.to_string(),
                Notice::Full => t().storage_full.to_string(),
                Notice::Recovered => t().storage_recovered.to_string(),
                Notice::DamagedNoRoom => t().storage_damaged_no_room.to_string(),
                Notice::IdleSignedOut(m) => (t().idle_signed_out)(m),
                Notice::Unread => t().storage_unread.to_string(),
            };
            let offers_export = matches!(n, Notice::Full | Notice::Recovered | Notice::DamagedNoRoom);
            view! {
                <div class="notice" role="status" data-testid="storage-notice">
                    <p>{text}</p>
                    {offers_export.then(|| view! {
                        <button type="button" class="btn btn-small btn-primary" data-testid="notice-export"
                            on:click=move |_| leptos::task::spawn_local(async {
                                let _ = crate::state::export_everything().await;
                            })>
                            {move || t().notice_export}
                        </button>
                    })}
                    <button type="button" class="btn btn-small" on:click=move |_| notice.set(None)>
                        {move || t().dismiss}
                    </button>
                </div>
            }
        })
    }
}

/// Footer: privacy line and the about link.
#[component]
pub fn Footer() -> impl IntoView {
    let t = use_t();
    view! {
        <footer class="site-footer">
            <p>{move || t().footer_local}</p>
            <p><A href=to("/about")>{move || t().nav_about}</A></p>
        </footer>
    }
}
