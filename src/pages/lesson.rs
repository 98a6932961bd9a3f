//! One lesson: its text with glossary terms and callouts, then its quiz.

use crate::components::quiz::Quiz;
use crate::components::rich::blocks;
use crate::content::course;
use crate::content::syntax::Provenance;
use crate::i18n::Strings;
use crate::platform;
use crate::routes::{ID, Route};
use crate::state::{update_progress, use_lang, use_t};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The lesson page (`/lessons/:id`).
#[component]
pub fn LessonPage() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get(ID).unwrap_or_default()));
    // Each lesson is a page of its own, also when the route stays (the next-lesson link).
    Effect::new(move |_| {
        id.track();
        crate::pages::page_shown();
    });
    Effect::new(move |_| {
        let l = lang.get();
        let id = id.get();
        let s = t();
        match course().lesson(l, &id) {
            Some(d) => {
                platform::set_title(&format!("{} – {}", d.meta.title, s.app_name));
                let now = platform::now().timestamp();
                if crate::state::use_progress().with_untracked(|p| !p.lessons.contains_key(&id)) {
                    // A failed save shows the storage notice; opening a lesson loses nothing.
                    let _ = update_progress(|p| p.open_lesson(&id, now));
                }
            }
            None => platform::set_title(&format!("{} – {}", s.nf_title, s.app_name)),
        }
    });
    let article = move || {
        let id = id.get();
        let l = lang.get();
        let total = course().lessons(l).len();
        match course().lesson(l, &id) {
            None => view! {
                <h1>{t().nf_title}</h1>
                <p>{t().pages().lesson_not_found}</p>
                <p><A href=Route::Lessons.href() attr:class="btn btn-primary">{t().pages().back_to_lessons}</A></p>
            }
            .into_any(),
            Some(doc) => view! {
                <article class="lesson" data-testid="lesson" data-lesson=doc.meta.id.clone()>
                    <p class="crumbs"><A href=Route::Lessons.href()>{t().pages().back_to_lessons}</A></p>
                    <p class="lesson-num">{(t().pages().lesson_number)(doc.meta.order)}" / "{total}" · "{(t().pages().lesson_minutes)(doc.meta.minutes)}</p>
                    <h1>{doc.meta.title.clone()}</h1>
                    <p class="lead">{doc.meta.summary.clone()}</p>
                    // Straight to the questions: the first Tab after the heading, one tap on a phone.
                    {(!doc.questions.is_empty()).then(|| view! {
                        <p class="to-quiz">
                            <a href="#quiz" data-testid="to-quiz" on:click=|ev| {
                                // Not a navigation: with <base href> set, "#quiz" would point at the home page.
                                ev.prevent_default();
                                platform::focus_id("question-1");
                            }>
                                {(t().pages().to_quiz)(doc.questions.len())}
                            </a>
                        </p>
                    })}
                    <div class="lesson-body">{blocks(l, &doc.blocks)}</div>
                </article>
            }
            .into_any(),
        }
    };
    // The quiz depends on the lesson id only, so switching the language keeps its answers.
    let quiz = move || {
        let id = id.get();
        course()
            .lesson(crate::content::Lang::Vi, &id)
            .is_some()
            .then(|| view! { <Quiz lesson_id=id/> })
    };
    // Last on the page: when the facts were checked and where they come from.
    let sources = move || {
        course()
            .lesson(lang.get(), &id.get())
            .map(|d| provenance_view(t(), &d.meta.provenance, "lesson-sources"))
    };
    view! {
        {article}
        {quiz}
        {sources}
    }
}

/// "Cập nhật: …" and the "Nguồn" list at the end of a lesson or a walkthrough.
pub fn provenance_view(t: &'static Strings, p: &Provenance, testid: &'static str) -> impl IntoView {
    let sources = p
        .sources
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=s.url.clone() target="_blank" rel="noopener noreferrer">{s.title.clone()}</a>
                    <span class="sr-only">" " {t.pages().opens_new_tab}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <footer class="sources" data-testid=testid>
            <p class="checked">{(t.pages().checked_on)(&p.checked_dmy())}</p>
            <h2>{t.pages().sources_title}</h2>
            <ul>{sources}</ul>
        </footer>
    }
}
