//! The page frame: header with navigation and the language switch, storage notices, footer.

use crate::content::Lang;
use crate::routes::Route;
use crate::state::{AppCtx, Notice, NoticeCtx, use_lang, use_student, use_t};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

thread_local! {
    /// Whether the phone's menu is open (one header per app).
    static MENU: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// Closes the phone's menu: called by every new page (`pages::page_shown`), so any navigation
/// — a link in the menu, the back button, a sign-in — closes it.
pub fn close_menu() {
    if let Some(menu) = MENU.get() {
        menu.try_set(false);
    }
}

/// Site header: one bar (name, who is learning, language switch; on a phone also the menu
/// button), then the students' sections and "Đổi người học" — a row on a wide screen, a menu on
/// a phone that closes on every navigation. The teacher area is linked from the footer.
#[component]
pub fn Header() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let student = use_student();
    let navigate = use_navigate();
    let switch = move |_| {
        lang.update(|l| {
            *l = match l {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        })
    };
    let sign_out = move |_| {
        crate::state::sign_out_from_frame();
        navigate(&Route::Profiles.href(), Default::default());
    };
    // Closed again by every new page (see `close_menu`).
    let menu = RwSignal::new(false);
    MENU.set(Some(menu));
    let open = move || menu.get();
    view! {
        <header class="site-header">
            <div class="header-row">
                <A href=Route::Home.href() attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"DVC"</span>
                    <span class="brand-text">
                        <span class="brand-name">{move || t().app_name}</span>
                        <span class="brand-tagline">{move || t().app_tagline}</span>
                    </span>
                </A>
                {move || student.get().map(|s| view! {
                    <span class="who-name" data-testid="who-name">
                        <span class="who-full">{(t().who)(&s.name, &s.class)}</span>
                        // Phones show the given name (the last word of a Vietnamese name).
                        <span class="who-short">
                            {(t().who)(s.name.rsplit(' ').next().unwrap_or_default(), &s.class)}
                        </span>
                    </span>
                })}
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
                // Shown on a phone only; its three bars are drawn by CSS, its name is for screen readers.
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="site-menu"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=move |_| menu.update(|o| *o = !*o)
                >
                    {move || t().menu}
                </button>
            </div>
            <nav id="site-menu" class=move || if open() { "main-nav open" } else { "main-nav" } aria-label=move || t().nav_label>
                <A href=Route::Home.href() exact=true>{move || t().nav_home}</A>
                <A href=Route::Lessons.href()>{move || t().nav_lessons}</A>
                <A href=Route::Walkthroughs.href()>{move || t().nav_walkthroughs}</A>
                <A href=Route::Progress.href()>{move || t().nav_progress}</A>
                {move || if student.with(Option::is_some) {
                    view! {
                        <button type="button" class="btn btn-small who-switch" data-testid="switch-student" on:click=sign_out.clone()>
                            {t().switch_student}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        // `A`'s children are built untracked: the words follow the language themselves.
                        <A href=Route::Profiles.href() attr:class="btn btn-small who-switch" attr:data-testid="choose-profile">
                            {move || t().choose_profile}
                        </A>
                    }.into_any()
                }}
            </nav>
            <Offline/>
            <OpeningPage/>
        </header>
    }
}

/// "Đang mở trang…" while a page's code or files download (see `state::Opening`).
#[component]
fn OpeningPage() -> impl IntoView {
    let t = use_t();
    let opening = expect_context::<crate::state::Opening>().0;
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

/// Footer: privacy line, the about link and the teachers' entry (kept out of the students'
/// sections).
#[component]
pub fn Footer() -> impl IntoView {
    let t = use_t();
    view! {
        <footer class="site-footer">
            <p>{move || t().footer_local}</p>
            <p class="footer-links">
                <A href=Route::About.href()>{move || t().nav_about}</A>
                <A href=Route::Teacher.href()>{move || t().nav_teacher}</A>
                <A href=Route::Ward.href()>{move || t().nav_ward}</A>
            </p>
        </footer>
    }
}
