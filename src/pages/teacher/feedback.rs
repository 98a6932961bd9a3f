//! The report's "Ý kiến của học sinh" section (issue 19): per class and for the school, the
//! share satisfied against the plan's 90%, how many answered, what was hardest, the services
//! families want help with, and the comments — no names unless signed — each with "đã tiếp
//! thu" and a short reply, kept in the collection (IndexedDB) like the teacher's other
//! decisions, and a CSV of them for the class.
//!
//! Comments are Leptos text nodes: markup in one is shown as typed, never interpreted.

use super::report::{Data, date, lesson_title, save_soon};
use crate::platform;
use crate::progress::survey::{NEED_OTHER, NEEDS, Occasion};
use crate::state::{use_lang, use_t};
use crate::teacher::survey::{REPLY_MAX, Reply, SurveyCounts};
use leptos::prelude::*;

fn need_label(s: &'static crate::i18n::survey::SurveyStrings, id: &str) -> String {
    if id == NEED_OTHER {
        return s.need_other.to_string();
    }
    NEEDS
        .iter()
        .position(|n| *n == id)
        .map_or_else(|| id.to_string(), |i| s.need_labels[i].to_string())
}

fn occasion_label(s: &'static crate::i18n::survey::SurveyStrings, o: Occasion) -> &'static str {
    match o {
        Occasion::Module => s.occasion_module,
        _ => s.occasion_practice,
    }
}

fn scale_label(s: &'static crate::i18n::survey::SurveyStrings, score: u8) -> &'static str {
    match score {
        1..=5 => s.scale[usize::from(5 - score)],
        _ => "",
    }
}

/// Changes one comment's reply and saves the collection.
fn set_reply(d: Data, key: &str, f: impl FnOnce(&mut Reply)) {
    d.collection.update(|c| {
        let mut r = c.replies.remove(key).unwrap_or_default();
        f(&mut r);
        if !r.is_empty() {
            c.replies.insert(key.to_string(), r);
        }
    });
    save_soon(d);
}

/// The students' feedback.
#[component]
pub(super) fn Feedback(d: Data) -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    // Drawn again only when the report changes (a reply does not change it: the memo compares
    // reports), so ticking a box or typing a reply keeps the focus where it is.
    let body = move || {
        let r = d.report.get();
        let s = t().survey();
        let l = lang.get();
        let sv = &r.survey;
        let school = &sv.school;
        if r.rows.is_empty() {
            return ().into_any();
        }
        if school.answered == 0 {
            return view! { <p data-testid="feedback-none">{s.fb_none}</p> }.into_any();
        }
        let target = |c: &SurveyCounts| {
            if c.meets_target() {
                s.fb_met
            } else {
                s.fb_not_met
            }
        };
        let row = |name: String, c: &SurveyCounts, whole: bool| {
            view! {
                <tr class=if whole { "school-row" } else { "" }>
                    <th scope="row">{name}</th>
                    <td class="num">{c.answered}</td>
                    {c.satisfaction.iter().map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                    <td class="num">{format!("{}/{}", c.satisfied(), c.rated())}</td>
                    <td class="num">{format!("{}%", c.percent())}</td>
                    <td class="goal-cell"><span class="goal">{target(c)}</span></td>
                </tr>
            }
        };
        let hardest = SurveyCounts::ranked(&school.hardest);
        let needs = SurveyCounts::ranked(&school.needs);
        view! {
            <p class="overall-text" data-testid="feedback-school">
                {(s.fb_school_line)(school.satisfied(), school.rated(), school.percent())}
            </p>
            <p class="rule" data-testid="feedback-target">
                {(s.fb_answered)(school.answered)}" · "{s.fb_target}": "<span class="goal">{target(school)}</span>
            </p>
            <div class="chart-rows" aria-hidden="true">
                <div class="chart-row">
                    <span class="chart-label">{s.whole_school}</span>
                    <span class="chart-track chart-track-90">
                        <span class=if school.meets_target() { "chart-bar pass" } else { "chart-bar" }
                            style=format!("width: {}%", school.percent())></span>
                        <span class="chart-mark"></span>
                    </span>
                    <span class="chart-value">{format!("{}%", school.percent())}</span>
                </div>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label=s.fb_table_label>
                <table class="progress-table" data-testid="feedback-classes">
                    <thead><tr>
                        <th scope="col">{s.col_class}</th>
                        <th scope="col">{s.col_answered}</th>
                        {s.scale.iter().map(|w| view! { <th scope="col">{*w}</th> }).collect_view()}
                        <th scope="col">{s.col_satisfied}</th>
                        <th scope="col">{s.col_share}</th>
                        <th scope="col">{s.col_target}</th>
                    </tr></thead>
                    <tbody>
                        {sv.classes.iter().map(|(class, c)| row(class.clone(), c, false)).collect_view()}
                        {row(s.whole_school.to_string(), school, true)}
                    </tbody>
                </table>
            </div>
            <div class="feedback-lists">
                <div>
                    <h3>{s.fb_hardest_title}</h3>
                    <ol data-testid="feedback-hardest">
                        {hardest.into_iter().map(|(id, n)| view! {
                            <li>{lesson_title(l, id)}" — "{(s.fb_students)(n)}</li>
                        }).collect_view()}
                    </ol>
                </div>
                <div>
                    <h3>{s.fb_needs_title}</h3>
                    <ol data-testid="feedback-needs">
                        {needs.into_iter().map(|(id, n)| view! {
                            <li>{need_label(s, id)}" — "{(s.fb_students)(n)}</li>
                        }).collect_view()}
                    </ol>
                    {(!sv.others.is_empty()).then(|| view! {
                        <h4>{s.fb_others_title}</h4>
                        <ul data-testid="feedback-others">
                            {sv.others.iter().map(|o| view! { <li>{o.class.clone()}": "{o.text.clone()}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
            </div>
            <h3>{s.fb_comments_title}</h3>
            <p class="hint">{s.fb_comments_help}</p>
            {if sv.comments.is_empty() {
                view! { <p>{s.fb_no_comments}</p> }.into_any()
            } else {
                view! {
                    <ul class="comment-list" data-testid="feedback-comments">
                        {sv.comments.iter().enumerate().map(|(i, c)| {
                            let key = c.key.clone();
                            let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
                            let ack = move || d.collection.with(|col| col.replies.get(&k1).is_some_and(|r| r.ack));
                            let reply = move || d.collection.with(|col| col.replies.get(&k2).map(|r| r.text.clone()).unwrap_or_default());
                            let reply_id = format!("reply-{i}");
                            let who = c.name.clone().unwrap_or_else(|| s.fb_anonymous.to_string());
                            view! {
                                <li class="comment" data-testid="feedback-comment" data-key=key.clone()>
                                    <p class="comment-meta">
                                        <strong>{c.class.clone()}</strong>" · "
                                        <span data-testid="comment-who">{who}</span>" · "
                                        {occasion_label(s, c.occasion)}
                                        {(c.satisfaction > 0).then(|| view! { " · "{scale_label(s, c.satisfaction)} })}
                                        " · "{date(c.at)}
                                    </p>
                                    <blockquote class="comment-text" data-testid="comment-text">{c.text.clone()}</blockquote>
                                    <p class="comment-actions">
                                        <label class="survey-choice">
                                            <input type="checkbox" data-testid="comment-ack" prop:checked=ack
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    set_reply(d, &k3, |r| r.ack = on);
                                                }/>
                                            <span>{s.fb_ack}</span>
                                        </label>
                                    </p>
                                    <p class="field">
                                        <label for=reply_id.clone()>{s.fb_reply_label}</label>
                                        <input id=reply_id type="text" data-testid="comment-reply" maxlength=REPLY_MAX.to_string()
                                            prop:value=reply
                                            on:change=move |ev| {
                                                let text = crate::progress::survey::cut(event_target_value(&ev).trim(), REPLY_MAX);
                                                set_reply(d, &k4, |r| r.text = text);
                                            }/>
                                        <span class="hint">{s.fb_reply_hint}</span>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="form-actions">
                <button type="button" class="btn" data-testid="feedback-csv" on:click=move |_| download_comments_csv(d)>{s.fb_csv}</button>
            </p>
        }
        .into_any()
    };
    let shown = Memo::new(move |_| d.report.with(|r| !r.rows.is_empty()));
    move || {
        shown.get().then(|| {
            view! {
                <section class="no-print feedback" data-testid="feedback">
                    <h2>{move || t().survey().fb_title}</h2>
                    <p class="hint">{move || t().survey().fb_help}</p>
                    {body}
                </section>
            }
        })
    }
}

fn download_comments_csv(d: Data) {
    let s = use_t()().survey();
    let occasion = |o: Occasion| occasion_label(s, o);
    let satisfaction = |score: u8| scale_label(s, score);
    let text = d.collection.with_untracked(|c| {
        crate::teacher::survey::comments_csv(
            &d.report.get_untracked().survey,
            &c.replies,
            &crate::teacher::survey::CommentCsvWords {
                header: s.csv_header,
                anonymous: s.fb_anonymous,
                occasion: &occasion,
                satisfaction: &satisfaction,
                acked: s.fb_ack,
            },
        )
    });
    let _ = platform::download(
        &format!("dvc-lab-y-kien-{}.csv", platform::now().format("%Y-%m-%d")),
        "text/csv;charset=utf-8",
        &text,
    );
}
