//! The list of lessons, with each one's length, question count and the student's status.

use crate::content::course;
use crate::pages::page_title;
use crate::progress::{Status, WalkStanding};
use crate::routes::Route;
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// What a status badge is about: a lesson, or a walkthrough.
#[derive(Clone, Copy, Debug)]
pub enum Badge {
    /// A lesson: not started, in progress, passed.
    Lesson(Status),
    /// A walkthrough, in its own words: a walkthrough done with the guide only is "Đã làm có
    /// hướng dẫn", not "Đang học"; one done on her own, "Đã tự làm 92/100".
    Walk(WalkStanding),
    /// The same in a table with a column for the best score: "Đã tự làm", no score.
    WalkInTable(WalkStanding),
}

/// Status badge text and class (the lesson list, the walkthrough list, "Tiến độ của tôi").
pub fn status_badge(t: &'static crate::i18n::Strings, b: Badge) -> (String, &'static str) {
    let p = t.pages();
    match b {
        Badge::Lesson(Status::NotStarted) => (p.status_not_started.into(), "badge badge-todo"),
        Badge::Lesson(Status::InProgress) => (p.status_in_progress.into(), "badge badge-doing"),
        Badge::Lesson(Status::Done) => (p.status_done.into(), "badge badge-done"),
        Badge::Walk(WalkStanding::NotDone) | Badge::WalkInTable(WalkStanding::NotDone) => {
            (p.walk_not_done.into(), "badge badge-todo")
        }
        Badge::Walk(WalkStanding::Guided) | Badge::WalkInTable(WalkStanding::Guided) => {
            (p.walk_guided_done.into(), "badge badge-doing")
        }
        Badge::Walk(WalkStanding::Practiced(best)) => {
            ((p.walk_practiced)(best), "badge badge-done")
        }
        Badge::WalkInTable(WalkStanding::Practiced(_)) => {
            (p.walk_practiced_short.into(), "badge badge-done")
        }
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
                        let (label, class) = status_badge(t, Badge::Lesson(p.status(&d.meta.id)));
                        let best = p.lessons.get(&d.meta.id).filter(|r| r.tries > 0).map(|r| (t.pages().best_score)(r.best));
                        view! {
                            <li class="lesson-item">
                                <A href=Route::Lesson(&d.meta.id).href() attr:class="lesson-link">
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
