//! My progress: the overall share, what to do next, a chart of best scores, status per lesson
//! and walkthrough, the certificate link, and moving progress to another device.

use crate::components::survey::SurveyPanel;
use crate::content::course;
use crate::pages::lessons::{Badge, status_badge};
use crate::pages::page_title;
use crate::progress::{Occasion, Status};
use crate::routes::{MODE, Route};
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// The progress page.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    page_title(|s| s.pages().progress_title.to_string());
    let summary = move || {
        let (done, total) = progress.with(|p| p.overall(crate::progress::requirements()));
        (done, total, (done * 100 / total.max(1)) as u8)
    };
    view! {
        <h1>{move || t().pages().progress_title}</h1>
        <p class="lead">{move || t().pages().progress_lead}</p>
        <div class="overall" data-testid="overall">
            <p class="overall-text">{move || { let (d, n, _) = summary(); (t().pages().progress_overall)(d, n) }}</p>
            <div
                class="bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || summary().2.to_string()
                aria-label=move || t().pages().progress_title
            >
                <div class="bar-fill" style=move || format!("width: {}%", summary().2)></div>
            </div>
            <p class="rule">{move || t().pages().progress_rule}</p>
            {move || {
                let p = progress.get();
                match course().lessons(lang.get()).iter().find(|d| d.meta.required && p.status(&d.meta.id) != Status::Done) {
                    Some(d) => view! {
                        <p><A href=Route::Lesson(&d.meta.id).href() attr:class="btn btn-primary">
                            {t().pages().progress_next}": "{d.meta.title.clone()}
                        </A></p>
                    }.into_any(),
                    None => match crate::walkthrough::scenarios(lang.get()).iter().find(|sc| p.walk_status(&sc.id) != Status::Done) {
                        Some(sc) => view! {
                            <p><A href=Route::Walkthrough(&sc.id).href_with(MODE, "practice") attr:class="btn btn-primary">
                                {t().pages().progress_next}": "{sc.title.clone()}
                            </A></p>
                        }.into_any(),
                        None => view! {
                            <p class="done-text" data-testid="module-complete">{t().progress_complete}</p>
                            <p><A href=Route::Certificate.href() attr:class="btn btn-primary btn-large" attr:data-testid="certificate-link">
                                {t().people().certificate_link}
                            </A></p>
                        }.into_any(),
                    },
                }
            }}
        </div>
        {
            // After the module: the survey, decided when the page (or another student) is
            // shown, so that answering it does not take the panel and its thanks away.
            let student = Memo::new(move |_| progress.with(|r| r.student.id.clone()));
            move || {
                student.track();
                let due = progress.with_untracked(|p| p.survey_due(crate::progress::requirements()));
                (due == Some(Occasion::Module)).then(|| view! { <SurveyPanel occasion=Occasion::Module/> })
            }
        }
        <figure class="chart" data-testid="chart">
            <figcaption>{move || t().people().chart_title}" — "{move || t().people().chart_pass_line}</figcaption>
            <div class="chart-rows" aria-hidden="true">
                {move || {
                    let p = progress.get();
                    course().lessons(lang.get()).iter().map(|d| {
                        let best = p.lessons.get(&d.meta.id).map_or(0, |r| r.best);
                        let class = if best >= crate::quiz::PASS_MARK { "chart-bar pass" } else { "chart-bar" };
                        view! {
                            <div class="chart-row">
                                <span class="chart-label">{d.meta.title.clone()}</span>
                                <span class="chart-track">
                                    <span class=class style=format!("width: {best}%")></span>
                                    <span class="chart-mark"></span>
                                </span>
                                <span class="chart-value">{format!("{best}%")}</span>
                            </div>
                        }
                    }).collect_view()
                }}
            </div>
        </figure>
        {status_table("progress-table", |t| t.pages().col_lesson, move || {
            let p = progress.get();
            course()
                .lessons(lang.get())
                .iter()
                .map(|d| {
                    let rec = p.lessons.get(&d.meta.id);
                    Row {
                        title: d.meta.title.clone(),
                        href: Route::Lesson(&d.meta.id).href(),
                        status: Badge::Lesson(p.status(&d.meta.id)),
                        best: rec.filter(|r| r.tries > 0).map(|r| format!("{}%", r.best)),
                        tries: rec.map_or(0, |r| r.tries),
                    }
                })
                .collect()
        })}
        <h2>{move || t().pages().walk_section}</h2>
        {status_table("walk-progress-table", |t| t.pages().col_walk, move || {
            let p = progress.get();
            crate::walkthrough::scenarios(lang.get())
                .iter()
                .map(|sc| {
                    let rec = p.walks.get(&sc.id);
                    Row {
                        title: sc.title.clone(),
                        href: Route::Walkthrough(&sc.id).href_with(MODE, "practice"),
                        status: Badge::WalkInTable(p.walk_standing(&sc.id)),
                        best: rec.filter(|r| r.practiced).map(|r| format!("{}/100", r.best)),
                        tries: rec.map_or(0, |r| r.tries),
                    }
                })
                .collect()
        })}
        <section class="move" data-testid="move">
            <h2>{move || t().people().move_title}</h2>
            <p>{move || t().people().move_help}</p>
            <p>
                <button type="button" class="btn btn-primary" data-testid="download-own"
                    on:click=move |_| {
                        if let Some((name, text)) = crate::state::student_file() {
                            let _ = crate::platform::download(&name, "application/json", &text);
                        }
                    }>
                    {move || t().people().download_own}
                </button>
            </p>
            {
                // Only a change of student re-draws the box: an import that changes this
                // student's progress must not wipe the message that says what it did.
                let id = Memo::new(move |_| progress.with(|r| r.student.id.clone()));
                move || view! { <crate::pages::profiles::ImportBox only=Some(id.get()) done=Callback::new(|_| ())/> }
            }
        </section>
    }
}

/// One row of a progress table.
struct Row {
    title: String,
    href: String,
    status: Badge,
    best: Option<String>,
    tries: u32,
}

/// A table of status, best score and attempts, for lessons or walkthroughs.
fn status_table(
    testid: &'static str,
    first_col: fn(&'static crate::i18n::Strings) -> &'static str,
    rows: impl Fn() -> Vec<Row> + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=move || first_col(t())>
            <table class="progress-table" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{move || first_col(t())}</th>
                        <th scope="col">{move || t().pages().col_status}</th>
                        <th scope="col">{move || t().pages().col_best}</th>
                        <th scope="col">{move || t().pages().col_tries}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let t = t();
                        rows()
                            .into_iter()
                            .map(|r| {
                                let (label, class) = status_badge(t, r.status);
                                view! {
                                    <tr>
                                        <th scope="row"><A href=r.href>{r.title}</A></th>
                                        <td><span class=class>{label}</span></td>
                                        <td>{r.best.unwrap_or_else(|| "—".into())}</td>
                                        <td>{r.tries}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
