//! Step 3 of the teacher area, the report: coverage per class and for the school against the
//! 80% / 100% targets, the students, matching problems, lessons and steps most missed, the
//! exports (CSV, printed report, xAPI under "Nâng cao"), and the school's summary for the ward.
//!
//! Sections re-render as a whole when the data or the language changes (one closure each),
//! which keeps the generated code small.

use super::report::{Data, STUDENT_ROWS, StoredNote, date, lesson_title, save_soon};
use crate::content::course;
use crate::platform::{self, Key};
use crate::progress::requirements;
use crate::state::{use_lang, use_t};
use crate::teacher::class::{
    Collection, Row, RowFilter, RowSort, Standing, TARGET_2026, TARGET_2030,
};
use crate::teacher::print;
use leptos::prelude::*;
use leptos_router::components::A;

fn standing_label(
    t: &'static crate::i18n::teach::TeachStrings,
    s: Standing,
) -> (&'static str, &'static str) {
    match s {
        Standing::Completed => (t.standing_done, "badge badge-done"),
        Standing::InProgress => (t.standing_progress, "badge badge-doing"),
        Standing::NotStarted => (t.standing_none, "badge badge-todo"),
    }
}

/// The day the report is read as of, as shown (`dd/mm/yyyy`; today when none is chosen).
fn as_of_day(d: Data) -> String {
    d.as_of
        .with(|a| crate::dates::end_of_day(a))
        .map_or_else(|| date(platform::now().timestamp()), date)
}

/// The line atop each printed page after the cover: whose report and as of when, so that a
/// class's pages filed apart still say what they are.
fn running_head(d: Data, t: &'static crate::i18n::teach::TeachStrings) -> String {
    let heading = (t.report_heading)(&as_of_day(d));
    match d
        .collection
        .with(|c| print::school_name(c.records.values()))
    {
        Some(school) => format!("{school} · {heading}"),
        None => heading,
    }
}

/// A class (or the school) against a target, in words: "Đạt", or "Chưa đạt" and how many
/// students are missing. Each part stays on one line; a narrow column may put the second under
/// the first, never a word under a word.
fn target_words(
    t: &'static crate::i18n::teach::TeachStrings,
    target: print::Target,
) -> impl IntoView + use<> {
    let (word, more) = match target {
        print::Target::Met => (t.target_met, None),
        print::Target::Short(n) => (t.target_not_met, Some((t.target_short)(n))),
        print::Target::NoStudents => (t.target_none, None),
    };
    view! {
        <span class="goal">{word}</span>
        {more.map(|m| view! { " " <span class="goal">{m}</span> })}
    }
}

/// One printed class list: number, name, (class,) code, status, lessons and walkthroughs out of
/// those required, last activity. Status words and numbers never wrap (`pages.css`, print).
fn print_table(
    t: &'static crate::i18n::teach::TeachStrings,
    rows: &[&Row],
    with_class: bool,
) -> impl IntoView + use<> {
    let req = requirements();
    let (lessons, walks) = (req.lessons.len(), req.walks.len());
    view! {
        <table class="progress-table print-table">
            <thead><tr>
                <th scope="col" class="num">{t.col_number}</th>
                <th scope="col">{t.col_name}</th>
                {with_class.then(|| view! { <th scope="col">{t.col_class}</th> })}
                <th scope="col">{t.col_code}</th>
                <th scope="col">{t.col_status}</th>
                <th scope="col" class="num">{t.col_lessons}</th>
                <th scope="col" class="num">{t.col_walks}</th>
                <th scope="col">{t.col_last}</th>
            </tr></thead>
            <tbody>
                {rows.iter().enumerate().map(|(i, row)| {
                    let (label, _) = standing_label(t, row.standing);
                    let status = match row.standing {
                        Standing::Completed => "status status-done",
                        _ => "status",
                    };
                    view! {
                        <tr>
                            <td class="num">{i + 1}</td>
                            <th scope="row" class="name">{row.name.clone()}</th>
                            {with_class.then(|| view! { <td>{row.class.clone()}</td> })}
                            <td>{row.code.clone()}</td>
                            <td class=status data-testid="print-status">{label}</td>
                            <td class="num">{format!("{}/{lessons}", row.lessons)}</td>
                            <td class="num">{format!("{}/{walks}", row.walks)}</td>
                            <td>{(row.last > 0).then(|| date(row.last))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The dashboard: coverage, chart, classes, students, matching, lessons, exports; on paper, a
/// cover (the school, each class against 80% / 100%, signatures) and then each class on its
/// own pages.
#[component]
pub(super) fn Dashboard(d: Data) -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let class_filter = RwSignal::new(String::new());
    let text_filter = RwSignal::new(String::new());
    let sort = RwSignal::new(RowSort::Class);
    // A school of 3,000 is not read as one table: the first rows, more on request, a class in
    // full when it is chosen (and drawing 3,000 rows would take seconds on a lab PC).
    let shown = RwSignal::new(STUDENT_ROWS);
    let code = RwSignal::new(String::new());
    let verified = RwSignal::new(None::<String>);
    let summary = move || {
        let r = d.report.get();
        let tt = t().teach();
        if r.rows.is_empty() {
            return view! {
                <p data-testid="report-empty">{tt.nothing_yet}</p>
                <p><A href=super::Step::Import.href() attr:class="btn btn-primary" attr:data-testid="go-import">{tt.go_import}</A></p>
            }.into_any();
        }
        let s = &r.school;
        let school = d
            .collection
            .with(|c| print::school_name(c.records.values()));
        let apart = print::sheets(&r).1.len();
        let class_name = move |c: &crate::teacher::class::Coverage| {
            if c.class.is_empty() {
                tt.whole_school.to_string()
            } else {
                c.class.clone()
            }
        };
        view! {
            <div class="report-cover" data-testid="report-cover">
            // The cover, on paper: the school, what and as of when, and when it was printed.
            <div class="print-only cover-head">
                <p class="cover-school">{tt.print_school}": "<strong data-testid="print-school">{school.unwrap_or_else(|| "……………………………………".into())}</strong></p>
                <h2 class="cover-title">{(tt.report_heading)(&as_of_day(d))}</h2>
                <p class="cover-printed">{(tt.printed_on)(&date(platform::now().timestamp()))}</p>
            </div>
            <p class="overall-text" data-testid="school-line">{(tt.school_line)(s.completed, s.students, s.percent())}</p>
            <p class="rule">{tt.target_2026}" · "{tt.target_2030}</p>
            <figure class="chart no-print" data-testid="class-chart">
                <figcaption>{tt.chart_title}</figcaption>
                <div class="chart-rows">
                    {r.classes.iter().map(|c| {
                        let pct = c.percent();
                        let class = if pct >= TARGET_2026 { "chart-bar pass" } else { "chart-bar" };
                        view! {
                            <div class="chart-row">
                                <span class="chart-label">{(tt.class_line)(&c.class, c.completed, c.students, pct)}</span>
                                <span class="chart-track" aria-hidden="true">
                                    <span class=class style=format!("width: {pct}%")></span>
                                    <span class="chart-mark"></span>
                                </span>
                                <span class="chart-value">{format!("{pct}%")}</span>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.class_table_label>
                <table class="progress-table" data-testid="class-table">
                    <thead><tr>
                        <th scope="col">{tt.col_class}</th><th scope="col">{tt.col_students}</th>
                        <th scope="col">{tt.col_completed}</th><th scope="col">{tt.col_in_progress}</th>
                        <th scope="col">{tt.col_not_started}</th><th scope="col">{tt.col_share}</th>
                        <th scope="col">{tt.col_target_2026}</th><th scope="col">{tt.col_target_2030}</th>
                    </tr></thead>
                    <tbody>
                        {r.classes.iter().chain(std::iter::once(&r.school)).map(|c| view! {
                            <tr class=if c.class.is_empty() { "school-row" } else { "" }>
                                <th scope="row">{class_name(c)}</th>
                                <td>{c.students}</td><td>{c.completed}</td><td>{c.in_progress}</td>
                                <td>{c.not_started}</td><td>{format!("{}%", c.percent())}</td>
                                <td class="goal-cell">{target_words(tt, print::against(c, TARGET_2026))}</td>
                                <td class="goal-cell">{target_words(tt, print::against(c, TARGET_2030))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(apart > 0).then(|| view! { <p class="print-only" data-testid="apart-note">{(tt.apart_note)(apart)}</p> })}
            {(!s.by_month.is_empty()).then(|| {
                // Months as rows, the school then each class as columns: completed so far, and
                // the share of the class list, toward the 80% line.
                let cols: Vec<&crate::teacher::class::Coverage> =
                    std::iter::once(&r.school).chain(r.classes.iter()).collect();
                let months: Vec<String> = s.by_month.iter().map(|(m, _)| m.clone()).collect();
                view! {
                    <div class="by-month">
                    <h3>{tt.by_month_title}</h3>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=tt.by_month_title>
                        <table class="progress-table" data-testid="by-month">
                            <thead><tr>
                                <th scope="col">{tt.col_month}</th>
                                {cols.iter().map(|c| view! {
                                    <th scope="col">{class_name(c)}</th>
                                }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {months.iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{crate::i18n::month_label(m)}</th>
                                        {cols.iter().map(|c| {
                                            let n = c.by_month.iter().take_while(|(x, _)| x <= m).last().map_or(0, |(_, n)| *n);
                                            let pct = (n * 100).checked_div(c.students).unwrap_or(0);
                                            view! { <td>{format!("{n} ({pct}%)")}</td> }
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    </div>
                }
            })}
            <div class="print-only signatures">
                <div><p class="sign-title">{tt.sign_school}</p><p class="sign-hint">{tt.sign_hint}</p></div>
                <div><p class="sign-title">{tt.sign_teacher}</p><p class="sign-hint">{tt.sign_hint}</p></div>
            </div>
            </div>
        }
        .into_any()
    };
    let students = move || {
        let r = d.report.get();
        if r.rows.is_empty() {
            return ().into_any();
        }
        let tt = t().teach();
        let cf = class_filter.get();
        let q = text_filter.get();
        let filter = RowFilter {
            class: cf.clone(),
            text: q.clone(),
        };
        let mut rows: Vec<Row> = r.rows(&filter, sort.get()).into_iter().cloned().collect();
        let total = rows.len();
        let limit = if cf.is_empty() { shown.get() } else { total };
        rows.truncate(limit);
        let more = (total > limit).then(|| view! {
            <p class="no-print" data-testid="student-rows-more">
                {(tt.rows_shown)(limit, total)}" "
                <button type="button" class="btn btn-small" data-testid="show-more-students"
                    on:click=move |_| shown.update(|n| *n += STUDENT_ROWS)>{(tt.show_more)(STUDENT_ROWS.min(total - limit))}</button>
            </p>
        });
        let classes: Vec<String> = r.classes.iter().map(|c| c.class.clone()).collect();
        let head = move |label: &'static str, n: RowSort| {
            view! {
                <th scope="col" aria-sort=move || if sort.get() == n { "ascending" } else { "none" }>
                    <button type="button" class="sort" on:click=move |_| sort.set(n) title=(tt.sort_by)(label)>{label}</button>
                </th>
            }
        };
        // On screen only: one filterable, sortable list; paper gets one section per class.
        view! {
            <div class="no-print" data-testid="students-screen">
            <h2>{tt.students_title}</h2>
            <div class="filters">
                <p class="field">
                    <label for="filter-class">{tt.filter_class}</label>
                    <select id="filter-class" data-testid="filter-class" on:change=move |ev| class_filter.set(event_target_value(&ev))>
                        <option value="" selected=cf.is_empty()>{tt.all_classes}</option>
                        {classes.into_iter().map(|c| view! { <option value=c.clone() selected=c == cf>{c.clone()}</option> }).collect_view()}
                    </select>
                </p>
                <p class="field">
                    <label for="filter-text">{tt.filter_text}</label>
                    <input id="filter-text" type="search" prop:value=q.clone() on:change=move |ev| text_filter.set(event_target_value(&ev))/>
                </p>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.students_title>
                <table class="progress-table" data-testid="student-table">
                    <thead><tr>
                        {head(tt.col_class, RowSort::Class)}{head(tt.col_name, RowSort::Name)}<th scope="col">{tt.col_code}</th>
                        {head(tt.col_status, RowSort::Standing)}<th scope="col">{tt.col_lessons}</th><th scope="col">{tt.col_walks}</th>
                        {head(tt.col_last, RowSort::LastActivity)}
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|row| {
                            let (label, class) = standing_label(tt, row.standing);
                            view! {
                                <tr>
                                    <td>{row.class.clone()}</td>
                                    <th scope="row">{row.name.clone()}{(!row.on_roster).then(|| view! { <span class="muted">" ("{tt.not_on_roster}")"</span> })}</th>
                                    <td>{row.code.clone()}</td>
                                    <td><span class=class>{label}</span></td>
                                    <td>{row.lessons}</td><td>{row.walks}</td>
                                    <td>{if row.last > 0 { date(row.last) } else { "—".into() }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {more}
            </div>
        }
        .into_any()
    };
    let printed = move || {
        let r = d.report.get();
        if r.rows.is_empty() || !d.print_ready.get() {
            return ().into_any();
        }
        let tt = t().teach();
        let running = running_head(d, tt);
        let (classes, apart) = print::sheets(&r);
        view! {
            <div class="print-only print-classes">
                {classes.into_iter().map(|sheet| {
                    let c = sheet.coverage;
                    view! {
                        <section class="print-class" data-testid="print-class" data-class=c.class.clone()>
                            <p class="print-running">{running.clone()}</p>
                            <h2>{(tt.class_title)(&c.class)}</h2>
                            <p class="print-class-line">{(tt.print_class_line)(c)}</p>
                            <p class="print-class-line">
                                {tt.col_target_2026}" "{target_words(tt, print::against(c, TARGET_2026))}" · "
                                {tt.col_target_2030}" "{target_words(tt, print::against(c, TARGET_2030))}
                            </p>
                            {print_table(tt, &sheet.rows, false)}
                        </section>
                    }
                }).collect_view()}
                {(!apart.is_empty()).then(|| view! {
                    <section class="print-class" data-testid="print-apart">
                        <p class="print-running">{running.clone()}</p>
                        <h2>{tt.apart_title}</h2>
                        {print_table(tt, &apart, true)}
                    </section>
                })}
            </div>
        }
        .into_any()
    };
    let matching = move || {
        let r = d.report.get();
        let tt = t().teach();
        let unmatched: Vec<_> = r
            .rows
            .iter()
            .filter(|row| !row.on_roster)
            .cloned()
            .collect();
        let has_roster = d.collection.with(|c| !c.roster.entries.is_empty());
        let free: Vec<(usize, String)> = d.collection.with(|c| {
            c.roster
                .entries
                .iter()
                .enumerate()
                .filter(|(i, _)| r.rows.get(*i).is_none_or(|row| row.record.is_none()))
                .map(|(i, e)| (i, format!("{} – {}", e.class, e.name)))
                .collect()
        });
        let conflicts = d.collection.with(|c| c.conflicts.clone());
        view! {
            {(has_roster && !unmatched.is_empty()).then(|| view! {
                <section class="no-print" data-testid="unmatched">
                    <h2>{tt.unmatched_title}</h2>
                    <p>{tt.unmatched_help}</p>
                    <ul class="assign-list">
                        {unmatched.into_iter().map(|row| {
                            let id = row.record.clone().unwrap_or_default();
                            let choice = RwSignal::new(String::new());
                            let sel_id = format!("assign-{id}");
                            view! {
                                <li>
                                    <label for=sel_id.clone()>{format!("{} ({})", row.name, row.class)}</label>" "
                                    <select id=sel_id on:change=move |ev| choice.set(event_target_value(&ev))>
                                        <option value="">{tt.assign_choose}</option>
                                        {free.iter().map(|(i, label)| view! { <option value=i.to_string()>{label.clone()}</option> }).collect_view()}
                                    </select>" "
                                    <button type="button" class="btn btn-small" on:click=move |_| {
                                        if let Ok(i) = choice.get_untracked().parse::<usize>() {
                                            d.collection.update(|c| { c.assigned.insert(id.clone(), i); });
                                            save_soon(d);
                                        }
                                    }>{tt.assign}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!conflicts.is_empty()).then(|| view! {
                <section class="no-print" data-testid="conflicts">
                    <h2>{tt.conflicts_title}</h2>
                    <ul>{conflicts.into_iter().map(|c| view! { <li>{(tt.conflict_line)(&c.name, c.field, &c.kept, &c.other)}</li> }).collect_view()}</ul>
                </section>
            })}
        }
    };
    let insights = move || {
        let r = d.report.get();
        if r.rows.is_empty() {
            return ().into_any();
        }
        let tt = t().teach();
        let l = lang.get();
        view! {
            <div class="report-insights" data-testid="report-insights">
            <p class="print-only print-running">{running_head(d, tt)}</p>
            <h2>{tt.lessons_title}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=tt.lessons_title>
                <table class="progress-table" data-testid="lesson-pass">
                    <tbody>
                        {r.lesson_pass.iter().map(|(id, passed, total)| view! {
                            <tr><th scope="row">{lesson_title(l, id)}</th><td>{(tt.pass_rate)(*passed, *total)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h2 class=if r.missed_questions.is_empty() { "no-print" } else { "" }>{tt.missed_title}</h2>
            <ol data-testid="missed-questions">
                {r.missed_questions.iter().map(|m| {
                    let q = course().lesson(l, &m.parent).and_then(|doc| doc.questions.iter().find(|q| q.id == m.item).map(|q| crate::content::syntax::Inline::plain(&q.prompt))).unwrap_or_else(|| m.item.clone());
                    view! { <li><strong>{lesson_title(l, &m.parent)}</strong>": "{q}" — "{(tt.times)(m.count)}</li> }
                }).collect_view()}
            </ol>
            <h2 class=if r.missed_steps.is_empty() { "no-print" } else { "" }>{tt.steps_title}</h2>
            <ol data-testid="missed-steps">
                {r.missed_steps.iter().map(|m| {
                    let sc = crate::walkthrough::scenario(l, &m.parent);
                    let title = sc.map_or_else(|| m.parent.clone(), |s| s.title.clone());
                    let step = sc.and_then(|s| s.screens.iter().find(|x| x.id == m.item)).map_or_else(|| m.item.clone(), |x| x.title.clone());
                    view! { <li><strong>{title}</strong>": "{step}" — "{(tt.times)(m.count)}</li> }
                }).collect_view()}
            </ol>
            </div>
        }
        .into_any()
    };
    let verify = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tt = t().teach();
        let text = d.collection.with_untracked(|c| {
            let req = requirements();
            c.verify(&code.get_untracked(), req).map(|r| {
                (tt.verify_ok)(
                    &r.student.name,
                    &r.student.class,
                    &date(r.completed_at(&req.lessons, &req.walks).unwrap_or(0)),
                )
            })
        });
        verified.set(Some(text.unwrap_or_else(|| tt.verify_none.to_string())));
    };
    let exports = move || {
        let tt = t().teach();
        view! {
            <section class="no-print" data-testid="exports">
                <h2>{tt.verify_title}</h2>
                <form class="idle-form" on:submit=verify>
                    <label for="cert-code">{tt.verify_label}</label>
                    <input id="cert-code" type="text" data-testid="verify-code" autocomplete="off"
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))/>
                    <button type="submit" class="btn btn-small btn-primary" data-testid="verify-submit">{tt.verify_button}</button>
                    <span role="status" data-testid="verify-result">{move || verified.get()}</span>
                </form>
                <h2>{tt.exports_title}</h2>
                <p class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="csv-class" on:click=move |_| download_class_csv(d)>{tt.csv_class}</button>
                    <button type="button" class="btn" data-testid="csv-school" on:click=move |_| download_school_csv(d)>{tt.csv_school}</button>
                    <button type="button" class="btn" data-testid="print-report" on:click=|_| platform::print()>{tt.print_report}</button>
                </p>
                <details class="advanced" data-testid="advanced">
                    <summary>{tt.advanced_title}</summary>
                    <p><button type="button" class="btn" data-testid="xapi" on:click=move |_| {
                        let iri = super::lrs::school_iri();
                        let stmts = d.collection.with_untracked(|c| crate::teacher::export::xapi(c, &iri));
                        let _ = platform::download(&format!("dvc-lab-xapi-{}.json", platform::now().format("%Y-%m-%d")), "application/json", &stmts);
                    }>{tt.xapi}</button></p>
                </details>
            </section>
        }
    };
    let ward = move || view! { <WardSummary d/> };
    // Apart from the exports, red, saying what it deletes.
    let clear = move || {
        let tt = t().teach();
        let students = d.report.with(|r| r.rows.len());
        let classes = d.collection.with(|c| c.roster.classes().len());
        // Also when nothing could be read: what is stored can then be cleared.
        let anything = students > 0
            || d.collection.with(|c| !c.roster.entries.is_empty())
            || d.stored.get() != StoredNote::Fine;
        anything.then(|| view! {
            <section class="no-print danger-zone" data-testid="clear-section">
                <h2>{tt.clear_title}</h2>
                <p>{(tt.clear_help)(students, classes)}</p>
                <p><button type="button" class="btn btn-danger" data-testid="clear-imported" on:click=move |_| {
                    if platform::confirm(t().teach().clear_confirm) {
                        d.collection.set(Collection::default());
                        d.log.set(Vec::new());
                        d.stored.set(StoredNote::Fine);
                        d.full.set(false);
                        platform::remove(&Key::Teacher);
                        save_soon(d);
                    }
                }>{tt.clear}</button></p>
            </section>
        })
    };
    view! {
        <section class="overall report" data-testid="dashboard">
            <p class="field no-print as-of">
                <label for="as-of">{move || t().teach().as_of_label}</label>
                <input id="as-of" type="date" data-testid="as-of"
                    prop:value=move || d.as_of.get()
                    on:change=move |ev| d.as_of.set(event_target_value(&ev))/>
                <span class="hint">{move || t().teach().as_of_help}</span>
            </p>
            {summary}
            {students}
            {printed}
            {matching}
            {insights}
            <super::feedback::Feedback d/>
            {exports}
            {ward}
            {clear}
        </section>
    }
}

/// The school summary for the ward: counts per class as of the report's day, no names
/// (`teacher::summary`), named after the school and the day.
#[component]
fn WardSummary(d: Data) -> impl IntoView {
    let t = use_t();
    // The name most records give, until the teacher types another.
    let typed = RwSignal::new(None::<String>);
    let school = Signal::derive(move || {
        typed.get().unwrap_or_else(|| {
            d.collection
                .with(|c| print::school_name(c.records.values()))
                .unwrap_or_default()
        })
    });
    let message = RwSignal::new(None::<Result<String, &'static str>>);
    let export = move |_| {
        let tt = t().teach();
        let name = school.get_untracked().trim().to_string();
        if name.is_empty() {
            message.set(Some(Err(tt.ward_no_school)));
            platform::focus_id("ward-school");
            return;
        }
        let day = d.as_of.get_untracked().trim().to_string();
        let day = if crate::dates::end_of_day(&day).is_some() {
            day
        } else {
            crate::dates::iso_day(platform::now().timestamp())
        };
        let text = d.collection.with_untracked(|c| {
            crate::teacher::export::ward_summary(
                c,
                &d.report.get_untracked(),
                &name,
                &day,
                &platform::now().to_rfc3339(),
            )
        });
        let file = format!(
            "dvc-lab-tong-hop-truong-{}-{day}.json",
            crate::text::file_slug(&name)
        );
        message.set(Some(
            match platform::download(&file, "application/json", &text) {
                Ok(()) => Ok((tt.ward_done)(&file, &crate::dates::day_of(&day))),
                Err(_) => Err(tt.download_failed),
            },
        ));
    };
    view! {
        <section class="no-print" data-testid="ward-summary">
            <h2>{move || t().teach().ward_title}</h2>
            <p class="hint">{move || t().teach().ward_help}</p>
            {move || d.collection.with(|c| c.roster.entries.is_empty()).then(|| view! {
                <p class="warning-text" data-testid="ward-no-lists">{t().teach().ward_no_lists}</p>
            })}
            <p class="field">
                <label for="ward-school">{move || t().teach().ward_school_label}</label>
                <input id="ward-school" type="text" data-testid="ward-school" maxlength="120" autocomplete="organization"
                    prop:value=move || school.get() on:input=move |ev| typed.set(Some(event_target_value(&ev)))/>
            </p>
            <p class="form-actions">
                <button type="button" class="btn btn-primary" data-testid="ward-export" on:click=export>
                    {move || t().teach().ward_export}
                </button>
            </p>
            <p role="status" data-testid="ward-export-message">
                {move || match message.get() {
                    Some(Ok(m)) => view! { <span>{m}</span> }.into_any(),
                    Some(Err(e)) => view! { <span class="warning-text">{e}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
        </section>
    }
}

fn download_class_csv(d: Data) {
    let t = use_t()().teach();
    let standing = |s: Standing| standing_label(t, s).0;
    let text = crate::teacher::export::students_csv(
        &d.report.get_untracked(),
        &crate::teacher::export::StudentCsvWords {
            header: [
                "STT",
                t.col_name,
                t.col_class,
                t.col_code,
                t.col_status,
                t.col_lessons,
                t.col_walks,
                t.col_last,
                t.col_certificate,
            ],
            standing: &standing,
            day: &date,
        },
    );
    let _ = platform::download(
        &format!(
            "dvc-lab-hoan-thanh-{}.csv",
            platform::now().format("%Y-%m-%d")
        ),
        "text/csv;charset=utf-8",
        &text,
    );
}

fn download_school_csv(d: Data) {
    let t = use_t()().teach();
    let text = crate::teacher::export::classes_csv(
        &d.report.get_untracked(),
        [
            t.col_class,
            t.col_students,
            t.col_completed,
            t.col_in_progress,
            t.col_not_started,
            t.col_share,
        ],
        t.whole_school,
    );
    let _ = platform::download(
        &format!(
            "dvc-lab-tong-hop-{}.csv",
            platform::now().format("%Y-%m-%d")
        ),
        "text/csv;charset=utf-8",
        &text,
    );
}
