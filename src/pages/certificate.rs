//! The completion certificate: A4 when printed, with a verification code the teacher's import
//! recomputes from the record. On a phone she saves it as a PDF (the print window's "Lưu dưới
//! dạng PDF" printer; the page's title, which names her, becomes the file's name) or, where the
//! browser can share, sends its facts to another app.

use crate::content::course;
use crate::pages::page_title;
use crate::platform::{self, Shared};
use crate::progress::requirements;
use crate::routes::Route;
use crate::state::{use_lang, use_progress, use_t};
use leptos::prelude::*;
use leptos_router::components::A;

/// The certificate page (behind the profile gate).
#[component]
pub fn CertificatePage() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let progress = use_progress();
    // The title names her: a PDF saved from the print window takes it as its file name.
    page_title(move |s| {
        let name = progress.with(|r| r.student.name.clone());
        if name.is_empty() {
            s.people().cert_title.to_string()
        } else {
            format!("{} – {name}", s.people().cert_title)
        }
    });
    let share_failed = RwSignal::new(false);
    move || {
        let r = progress.get();
        let req = requirements();
        let (Some(done), Some(code)) = (
            r.completed_at(&req.lessons, &req.walks),
            r.certificate_code(&req.lessons, &req.walks),
        ) else {
            return view! {
                <h1>{t().people().cert_title}</h1>
                <p class="lead" data-testid="cert-not-yet">{t().people().cert_not_yet}</p>
                <p><A href=Route::Progress.href() attr:class="btn btn-primary">{t().nav_progress}</A></p>
            }
            .into_any();
        };
        // Vietnam time (UTC+7) so a pass late in the evening shows the right day.
        let date = crate::dates::day(done);
        let lessons: Vec<(String, u8)> = course()
            .lessons(lang.get())
            .iter()
            .filter(|d| d.meta.required)
            .map(|d| {
                (
                    d.meta.title.clone(),
                    r.lessons.get(&d.meta.id).map_or(0, |l| l.best),
                )
            })
            .collect();
        let walks: Vec<(String, u8)> = crate::walkthrough::scenarios(lang.get())
            .iter()
            .map(|s| (s.title.clone(), r.walks.get(&s.id).map_or(0, |w| w.best)))
            .collect();
        let p = t().people();
        let text = (p.cert_share_text)(
            &r.student.name,
            &r.student.class,
            &r.student.school,
            &date,
            &code,
        );
        let share = move |_| {
            let text = text.clone();
            share_failed.set(false);
            leptos::task::spawn_local(async move {
                let ended = platform::share(p.cert_share_title, &text).await;
                share_failed.set(ended == Shared::Failed);
            });
        };
        view! {
            <div class="no-print cert-actions">
                <div class="actions">
                    <button type="button" class="btn btn-primary" data-testid="save-pdf"
                        aria-describedby="cert-pdf-hint" on:click=|_| platform::print()>{p.cert_save_pdf}</button>
                    <button type="button" class="btn btn-secondary" data-testid="print-certificate"
                        on:click=|_| platform::print()>{p.cert_print}</button>
                    {platform::can_share().then(|| view! {
                        <button type="button" class="btn btn-secondary" data-testid="share-certificate"
                            on:click=share>{p.cert_share}</button>
                    })}
                </div>
                <p class="cert-hint" id="cert-pdf-hint" data-testid="pdf-hint">{p.cert_pdf_hint}</p>
                // Always in the page, so the message is read out when it comes.
                <p class="cert-hint" role="status" data-testid="share-status">
                    {move || share_failed.get().then_some(p.cert_share_failed)}
                </p>
            </div>
            <article class="certificate" data-testid="certificate">
                <p class="cert-app">"DVC Lab — "{t().app_tagline}</p>
                <h1 class="cert-heading">{p.cert_heading}</h1>
                <p class="cert-awarded">{p.cert_awarded}</p>
                <p class="cert-name" data-testid="cert-name">{r.student.name.clone()}</p>
                <p class="cert-module">{p.cert_module}</p>
                <dl class="cert-facts">
                    <div><dt>{p.cert_class}</dt><dd>{r.student.class.clone()}</dd></div>
                    <div><dt>{p.cert_school}</dt><dd>{r.student.school.clone()}</dd></div>
                    <div><dt>{p.cert_date}</dt><dd data-testid="cert-date">{date}</dd></div>
                </dl>
                <h2 class="cert-results-title">{p.cert_results}</h2>
                <table class="cert-results">
                    <tbody>
                        {lessons.into_iter().map(|(title, best)| view! {
                            <tr><th scope="row">{title}</th><td>{format!("{best}%")}</td></tr>
                        }).collect_view()}
                        {walks.into_iter().map(|(title, best)| view! {
                            <tr><th scope="row">{title}</th><td>{format!("{best}/100")}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="cert-code">{p.cert_code}": "<strong data-testid="cert-code">{code}</strong></p>
                <p class="cert-small">{p.cert_code_help}</p>
                <p class="cert-small">{p.cert_note}</p>
            </article>
        }
        .into_any()
    }
}
