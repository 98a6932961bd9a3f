//! The practice area: every simulated-portal walkthrough, each startable guided or on your own.

use crate::pages::lessons::{Badge, status_badge};
use crate::pages::page_title;
use crate::routes::{MODE, Route};
use crate::state::{use_lang, use_progress, use_t};
use crate::walkthrough::scenarios;
use leptos::prelude::*;
use leptos_router::components::A;

/// The walkthrough list.
#[component]
pub fn Walkthroughs() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    page_title(|s| s.pages().walk_title.to_string());
    view! {
        <h1>{move || t().pages().walk_title}</h1>
        <p class="sim-banner" role="note">{move || t().pages().sim_banner}</p>
        <p class="lead">{move || t().pages().walk_lead}</p>
        <ol class="lesson-list" data-testid="walk-list">
            {move || {
                let t = t();
                let p = progress.get();
                scenarios(lang.get())
                    .iter()
                    .map(|sc| {
                        let (label, class) = status_badge(t, Badge::Walk(p.walk_standing(&sc.id)));
                        view! {
                            <li class="lesson-item walk-item" data-testid=format!("walk-{}", sc.id)>
                                <div class="lesson-link">
                                    <span class="lesson-title">{sc.title.clone()}</span>
                                    <span class="lesson-summary">{sc.summary.clone()}</span>
                                    <span class="lesson-meta">
                                        <span class=class data-testid="walk-status">{label}</span>
                                        <span>{(t.pages().lesson_minutes)(sc.minutes)}</span>
                                        {(!sc.required).then(|| view! { <span>{t.pages().optional_walk}</span> })}
                                    </span>
                                    <span class="actions">
                                        <A href=Route::Walkthrough(&sc.id).href_with(MODE, "guided") attr:class="btn btn-primary" attr:data-testid="start-guided">
                                            {t.pages().walk_guided}
                                        </A>
                                        <A href=Route::Walkthrough(&sc.id).href_with(MODE, "practice") attr:class="btn btn-secondary" attr:data-testid="start-practice">
                                            {t.pages().walk_practice}
                                        </A>
                                    </span>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        <p class="rule">{move || t().pages().walk_guided}": "{move || t().pages().walk_guided_desc}</p>
        <p class="rule">{move || t().pages().walk_practice}": "{move || t().pages().walk_practice_desc}</p>
    }
}
