//! The list of lessons, with each one's length, question count and the student's status.

use crate::content::course;
use crate::pages::page_title;
use crate::platform::to;
use crate::progress::Status;
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// Status badge text and class.
pub fn status_badge(t: &'static crate::i18n::Strings, s: Status) -> (&'static str, &'static str) {
    match s {
        Status::NotStarted => (t.pages().status_not_started, "badge badge-todo"),
        Status::InProgress => (t.pages().status_in_progress, "badge badge-doing"),
        Status::Done => (t.pages().status_done, "badge badge-done"),
    }
}

/// The lessons page.
#[component]
pub fn Lessons() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    page_title(|s| s.pages().lessons_title.to_string());
    view! {
        <h1>{move || t().pages().lessons_title}</h1>
        <p class="lead">{move || t().pages().lessons_lead}</p>
        <ol class="lesson-list" data-testid="lesson-list">
            {move || {
                let t = t();
                let p = progress.get();
                course()
                    .lessons(lang.get())
                    .iter()
                    .map(|d| {
                        let (label, class) = status_badge(t, p.status(&d.meta.id));
                        let best = p.lessons.get(&d.meta.id).filter(|r| r.tries > 0).map(|r| (t.pages().best_score)(r.best));
                        view! {
                            <li class="lesson-item">
                                <A href=to(&format!("/lessons/{}", d.meta.id)) attr:class="lesson-link">
                                    <span class="lesson-num">{(t.pages().lesson_number)(d.meta.order)}</span>
                                    <span class="lesson-title">{d.meta.title.clone()}</span>
                                    <span class="lesson-summary">{d.meta.summary.clone()}</span>
                                    <span class="lesson-meta">
                                        <span class=class>{label}</span>
                                        <span>{(t.pages().lesson_minutes)(d.meta.minutes)}</span>
                                        <span>{(t.pages().lesson_questions)(d.questions.len())}</span>
                                        {best.map(|b| view! { <span>{b}</span> })}
                                        {(!d.meta.required).then(|| view! { <span>{t.pages().optional_lesson}</span> })}
                                    </span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
    }
}
