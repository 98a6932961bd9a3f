//! Home: what DVC Lab is, one big button to start (or continue), the three areas, the targets.

use crate::content::outline;
use crate::pages::page_title;
use crate::progress::Status;
use crate::routes::Route;
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    page_title(|s| s.nav_home.to_string());
    // The first lesson not yet passed: where "continue" leads.
    let next = move || {
        let p = progress.get();
        let started = !p.lessons.is_empty();
        outline()
            .iter()
            .find(|e| p.status(e.id) != Status::Done)
            .map(|e| (e.id, e.title(lang.get()), started))
    };
    view! {
        <section class="hero">
            <h1>{move || t().home_title}</h1>
            <p class="lead">{move || t().home_lead}</p>
            <p class="hero-actions">
                {move || match next() {
                    Some((id, title, true)) => view! {
                        <A href=Route::Lesson(id).href() attr:class="btn btn-primary btn-large" attr:data-testid="start">
                            {(t().home_continue)(title)}
                        </A>
                    }.into_any(),
                    Some((id, _, false)) => view! {
                        <A href=Route::Lesson(id).href() attr:class="btn btn-primary btn-large" attr:data-testid="start">
                            {move || t().home_start}
                        </A>
                    }.into_any(),
                    // `A`'s children are built untracked, and this branch reads no language
                    // itself: the words follow the language on their own.
                    None => view! {
                        <A href=Route::Progress.href() attr:class="btn btn-primary btn-large" attr:data-testid="start">
                            {move || t().progress_complete}
                        </A>
                    }.into_any(),
                }}
                <A href=Route::Walkthroughs.href() attr:class="btn btn-secondary btn-large">{move || t().home_practice}</A>
            </p>
        </section>
        <section class="cards">
            <A href=Route::Lessons.href() attr:class="card">
                <h2>{move || t().home_card_lessons}</h2>
                <p>{move || (t().home_card_lessons_body)(outline().len())}</p>
            </A>
            <A href=Route::Walkthroughs.href() attr:class="card">
                <h2>{move || t().home_card_walk}</h2>
                <p>{move || t().home_card_walk_body}</p>
            </A>
            <A href=Route::Progress.href() attr:class="card">
                <h2>{move || t().home_card_progress}</h2>
                <p>{move || t().home_card_progress_body}</p>
            </A>
        </section>
        <section class="target">
            <h2>{move || t().home_target_title}</h2>
            <p>{move || t().home_target}</p>
        </section>
    }
}
