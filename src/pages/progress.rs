//! My progress: status and best score per lesson, the overall share, and what to do next.

use crate::content::course;
use crate::pages::lessons::status_badge;
use crate::pages::page_title;
use crate::platform::to;
use crate::progress::Status;
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// The progress page.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    page_title(|s| s.progress_title.to_string());
    let required = move || {
        course()
            .lessons(lang.get())
            .iter()
            .filter(|d| d.meta.required)
            .map(|d| d.meta.id.clone())
            .collect::<Vec<_>>()
    };
    let summary = move || {
        let req = required();
        let ids: Vec<&str> = req.iter().map(String::as_str).collect();
        progress.with(|p| (p.passed_count(&ids), ids.len(), p.percent(&ids)))
    };
    view! {
        <h1>{move || t().progress_title}</h1>
        <p class="lead">{move || t().progress_lead}</p>
        <div class="overall" data-testid="overall">
            <p class="overall-text">{move || { let (d, n, _) = summary(); (t().progress_overall)(d, n) }}</p>
            <div
                class="bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || summary().2.to_string()
                aria-label=move || t().progress_title
            >
                <div class="bar-fill" style=move || format!("width: {}%", summary().2)></div>
            </div>
            <p class="rule">{move || t().progress_rule}</p>
            {move || {
                let p = progress.get();
                match course().lessons(lang.get()).iter().find(|d| d.meta.required && p.status(&d.meta.id) != Status::Done) {
                    Some(d) => view! {
                        <p><A href=to(&format!("/lessons/{}", d.meta.id)) attr:class="btn btn-primary">
                            {t().progress_next}": "{d.meta.title.clone()}
                        </A></p>
                    }.into_any(),
                    None => match crate::walkthrough::scenarios(lang.get()).iter().find(|sc| p.walk_status(&sc.id) != Status::Done) {
                        Some(sc) => view! {
                            <p><A href=to(&format!("/walkthroughs/{}?mode=practice", sc.id)) attr:class="btn btn-primary">
                                {t().progress_next}": "{sc.title.clone()}
                            </A></p>
                        }.into_any(),
                        None => view! { <p class="done-text" data-testid="module-complete">{t().progress_complete}</p> }.into_any(),
                    },
                }
            }}
        </div>
        {status_table("progress-table", |t| t.col_lesson, move || {
            let p = progress.get();
            course()
                .lessons(lang.get())
                .iter()
                .map(|d| {
                    let rec = p.lessons.get(&d.meta.id);
                    Row {
                        title: d.meta.title.clone(),
                        href: to(&format!("/lessons/{}", d.meta.id)),
                        status: p.status(&d.meta.id),
                        best: rec.filter(|r| r.tries > 0).map(|r| format!("{}%", r.best)),
                        tries: rec.map_or(0, |r| r.tries),
                    }
                })
                .collect()
        })}
        <h2>{move || t().walk_section}</h2>
        {status_table("walk-progress-table", |t| t.col_walk, move || {
            let p = progress.get();
            crate::walkthrough::scenarios(lang.get())
                .iter()
                .map(|sc| {
                    let rec = p.walks.get(&sc.id);
                    Row {
                        title: sc.title.clone(),
                        href: to(&format!("/walkthroughs/{}?mode=practice", sc.id)),
                        status: p.walk_status(&sc.id),
                        best: rec.filter(|r| r.practiced).map(|r| format!("{}/100", r.best)),
                        tries: rec.map_or(0, |r| r.tries),
                    }
                })
                .collect()
        })}
    }
}

/// One row of a progress table.
struct Row {
    title: String,
    href: String,
    status: Status,
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
        <div class="table-wrap">
            <table class="progress-table" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">{move || first_col(t())}</th>
                        <th scope="col">{move || t().col_status}</th>
                        <th scope="col">{move || t().col_best}</th>
                        <th scope="col">{move || t().col_tries}</th>
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
