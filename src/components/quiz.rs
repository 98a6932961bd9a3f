//! The quiz at the end of a lesson: every question type, answered by mouse, keyboard or touch;
//! graded by [`crate::quiz`]; explanations for every option after submitting; the result is a
//! status message naming the wrong questions, explained under it ([`super::review`]); retries
//! reshuffle and keep the last attempt's review.

use crate::components::review::{previous_view, review_view, wrong_list};
use crate::components::rich::inlines;
use crate::content::{Lang, Question, QuestionKind, course};
use crate::i18n::strings;
use crate::platform;
use crate::quiz::{self, Answer, Graded};
use crate::routes::Route;
use crate::state::{update_progress, use_lang, use_progress, use_t};
use leptos::prelude::*;

fn focus_by_id(id: String) {
    platform::focus_after_render(&id);
}

fn fresh_answers(questions: &[Question], layout: &[Vec<usize>]) -> Vec<Option<Answer>> {
    questions
        .iter()
        .zip(layout)
        .map(|(q, order)| match q.kind {
            QuestionKind::Order => Some(Answer::Order(order.clone())),
            _ => None,
        })
        .collect()
}

/// The quiz of lesson `lesson_id`. Answers are kept in option indices, so switching the language
/// mid-quiz keeps them.
#[component]
pub fn Quiz(
    /// The lesson whose questions to ask.
    lesson_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let t = use_t();
    let progress = use_progress();
    let qid = StoredValue::new(lesson_id.clone());
    let questions = move |l: Lang| {
        qid.with_value(|id| {
            course()
                .lesson(l, id)
                .map(|d| d.questions.clone())
                .unwrap_or_default()
        })
    };
    let initial = questions(Lang::Vi);
    let total = initial.len();
    let seed = RwSignal::new(platform::entropy());
    let layout = Memo::new(move |_| quiz::layout(&initial, seed.get()));
    let answers = RwSignal::new(fresh_answers(&questions(Lang::Vi), &layout.get_untracked()));
    let result = RwSignal::new(None::<Graded>);
    // The attempt before "Làm lại": its score and wrong answers stay readable above the questions.
    let previous = RwSignal::new(None::<(Graded, Vec<Option<Answer>>)>);
    let missing = RwSignal::new(Vec::<usize>::new());
    let pid = lesson_id.clone();
    let attempt =
        Memo::new(move |_| progress.with(|p| p.lessons.get(&pid).map_or(0, |r| r.tries)) + 1);

    // The result could not be saved (storage full): said with the result, where she looks.
    let unsaved = RwSignal::new(false);
    let sid = lesson_id.clone();
    let submit = move |_| {
        let qs = questions(lang.get_untracked());
        let ans = answers.get_untracked();
        let gaps: Vec<usize> = qs
            .iter()
            .enumerate()
            .filter(|(i, q)| {
                !ans.get(*i)
                    .and_then(Option::as_ref)
                    .is_some_and(|a| quiz::is_complete(q, a))
            })
            .map(|(i, _)| i + 1)
            .collect();
        if let Some(first) = gaps.first() {
            focus_by_id(format!("question-{first}"));
            missing.set(gaps);
            return;
        }
        missing.set(Vec::new());
        let graded = quiz::grade(&qs, &ans);
        let ids: Vec<String> = qs.iter().map(|q| q.id.clone()).collect();
        let now = platform::now().timestamp();
        let g = graded.clone();
        let lesson = sid.clone();
        unsaved.set(update_progress(move |r| r.record_quiz(&lesson, &ids, &g, now)).is_err());
        result.set(Some(graded));
        focus_by_id("quiz-result".into());
    };
    let retry = move |_| {
        previous.set(result.get_untracked().map(|g| (g, answers.get_untracked())));
        seed.set(platform::entropy());
        answers.set(fresh_answers(&questions(Lang::Vi), &layout.get_untracked()));
        result.set(None);
        missing.set(Vec::new());
        focus_by_id("question-1".into());
    };
    let next_id = lesson_id.clone();

    // The questions of the language shown, for the review lists.
    let shown = move || questions(lang.get());

    view! {
        <section class="quiz" id="quiz" aria-labelledby="quiz-title" data-testid="quiz">
            <h2 id="quiz-title">{move || t().pages().quiz_title}</h2>
            <p class="quiz-intro">{move || (t().pages().quiz_intro)(total)}</p>
            <p class="attempt" data-testid="attempt">{move || (t().pages().attempt_n)(attempt.get())}</p>
            {move || previous.get().map(|(g, ans)| previous_view(lang.get(), &shown(), &g, &ans))}
            {move || {
                let l = lang.get();
                let lay = layout.get();
                questions(l)
                    .into_iter()
                    .enumerate()
                    .map(|(i, q)| question_view(l, i, total, q, lay[i].clone(), answers, result))
                    .collect_view()
            }}
            // A status message (WCAG 4.1.3): the region is on the page before anything is said in
            // it, so screen readers announce what appears — the missing answers, then the result.
            <div class="quiz-status" role="status" aria-live="polite" data-testid="quiz-status">
                {move || {
                    let gaps = missing.get();
                    (!gaps.is_empty())
                        .then(|| {
                            let list = gaps.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
                            view! { <p class="warning-text" data-testid="quiz-missing">{(t().pages().unanswered)(&list)}</p> }
                        })
                }}
                {move || {
                    result.get().map(|g| {
                        let right = g.correct.iter().filter(|c| **c).count();
                        view! {
                            <div
                                id="quiz-result"
                                tabindex="-1"
                                class=if g.passed { "quiz-result pass" } else { "quiz-result fail" }
                                data-testid="quiz-result"
                                data-passed=g.passed.to_string()
                                data-score=g.score.to_string()
                            >
                                <p class="score">{(t().pages().score_line)(right, total, g.score)}</p>
                                <p>{if g.passed { t().pages().passed } else { t().pages().failed }}</p>
                                {wrong_list(lang.get(), &g.wrong())}
                            </div>
                        }
                    })
                }}
            </div>
            {move || {
                result
                    .get()
                    .map(|g| {
                        let next = course().next_after(lang.get(), &next_id).map(|d| d.meta.id.clone());
                        view! {
                            {review_view(lang.get(), &shown(), &g, &answers.get_untracked(), "quiz-review")}
                            {move || unsaved.get().then(|| view! {
                                <div class="warning-text" role="alert" data-testid="quiz-unsaved">
                                    <p>{t().pages().quiz_unsaved}</p>
                                    <button type="button" class="btn btn-small btn-primary" data-testid="quiz-rescue"
                                        on:click=move |_| {
                                            // Synchronously (page chunks do not call the `saved` chunk).
                                            let (name, text) = crate::state::rescue_file();
                                            let _ = platform::download(&name, "application/json", &text);
                                        }>
                                        {t().notice_export}
                                    </button>
                                </div>
                            })}
                            <div class="actions">
                                <button type="button" class="btn btn-secondary" data-testid="quiz-retry" on:click=retry>
                                    {t().pages().retry}
                                </button>
                                {g.passed.then(|| match next {
                                    Some(id) => view! {
                                        <leptos_router::components::A href=Route::Lesson(&id).href() attr:class="btn btn-primary" attr:data-testid="next-lesson">
                                            {t().pages().next_lesson}
                                        </leptos_router::components::A>
                                    }.into_any(),
                                    None => view! {
                                        <leptos_router::components::A href=Route::Progress.href() attr:class="btn btn-primary">
                                            {t().pages().all_lessons_done}
                                        </leptos_router::components::A>
                                    }.into_any(),
                                })}
                            </div>
                        }
                    })
            }}
            <Show when=move || result.with(Option::is_none)>
                <button type="button" class="btn btn-primary btn-large" data-testid="quiz-submit" on:click=submit.clone()>
                    {move || t().pages().submit}
                </button>
            </Show>
        </section>
    }
}

fn kind_label(lang: Lang, kind: QuestionKind) -> &'static str {
    let t = strings(lang);
    match kind {
        QuestionKind::Single => t.pages().kind_single,
        QuestionKind::Multiple => t.pages().kind_multiple,
        QuestionKind::TrueFalse => t.pages().kind_truefalse,
        QuestionKind::Order => t.pages().kind_order,
        QuestionKind::Match => t.pages().kind_match,
        QuestionKind::Scenario => t.pages().kind_scenario,
    }
}

fn question_view(
    lang: Lang,
    i: usize,
    total: usize,
    q: Question,
    order: Vec<usize>,
    answers: RwSignal<Vec<Option<Answer>>>,
    result: RwSignal<Option<Graded>>,
) -> AnyView {
    let t = strings(lang);
    let verdict = move || {
        result.with(|r| {
            r.as_ref()
                .map(|g| g.correct.get(i).copied().unwrap_or(false))
        })
    };
    let situation = (!q.situation.is_empty()).then(|| {
        view! {
            <div class="situation" aria-label=t.pages().situation>
                {q.situation.iter().map(|l| view! { <p>{l.clone()}</p> }).collect_view()}
            </div>
        }
    });
    let body = match q.kind {
        QuestionKind::Order => order_view(lang, i, &q, answers, result),
        QuestionKind::Match => match_view(lang, i, &q, order, answers, result),
        _ => choice_view(lang, i, &q, order, answers, result),
    };
    view! {
        <fieldset
            class="question"
            id=format!("question-{}", i + 1)
            tabindex="-1"
            data-testid=format!("question-{}", i + 1)
            data-kind=q.kind.keyword()
        >
            <legend>
                <span class="q-num">{(t.pages().question_n)(i + 1, total)}</span>
                <span class="q-kind">{kind_label(lang, q.kind)}</span>
            </legend>
            {situation}
            <p class="q-prompt">{inlines(lang, &q.prompt)}</p>
            {body}
            {move || {
                verdict()
                    .map(|ok| {
                        view! {
                            <p class=if ok { "verdict ok" } else { "verdict bad" } data-testid="verdict">
                                <span aria-hidden="true">{if ok { "✓ " } else { "✗ " }}</span>
                                {if ok { t.pages().answer_right } else { t.pages().answer_wrong }}
                            </p>
                        }
                    })
            }}
        </fieldset>
    }
    .into_any()
}

fn chosen(answers: RwSignal<Vec<Option<Answer>>>, i: usize, oi: usize) -> bool {
    answers.with(|a| matches!(a.get(i), Some(Some(Answer::Choice(v))) if v.contains(&oi)))
}

fn choice_view(
    lang: Lang,
    i: usize,
    q: &Question,
    order: Vec<usize>,
    answers: RwSignal<Vec<Option<Answer>>>,
    result: RwSignal<Option<Graded>>,
) -> AnyView {
    let t = strings(lang);
    let multi = q.kind == QuestionKind::Multiple;
    let submitted = move || result.with(Option::is_some);
    order
        .into_iter()
        .map(|oi| {
            let opt = q.options[oi].clone();
            let correct = opt.correct;
            let toggle = move |_| {
                answers.update(|a| {
                    let slot = &mut a[i];
                    let mut v = match slot.take() {
                        Some(Answer::Choice(v)) => v,
                        _ => Vec::new(),
                    };
                    if multi {
                        if let Some(p) = v.iter().position(|x| *x == oi) {
                            v.remove(p);
                        } else {
                            v.push(oi);
                        }
                    } else {
                        v = vec![oi];
                    }
                    *slot = Some(Answer::Choice(v));
                })
            };
            view! {
                <div
                    class="option"
                    class:is-correct=move || submitted() && correct
                    class:is-chosen=move || chosen(answers, i, oi)
                >
                    <label>
                        <input
                            type=if multi { "checkbox" } else { "radio" }
                            name=format!("q{i}")
                            value=oi.to_string()
                            prop:checked=move || chosen(answers, i, oi)
                            disabled=submitted
                            on:change=toggle
                        />
                        <span>{inlines(lang, &opt.text)}</span>
                    </label>
                    {move || {
                        submitted()
                            .then(|| {
                                let mut tags = Vec::new();
                                if chosen(answers, i, oi) {
                                    tags.push(t.pages().your_choice);
                                }
                                if correct {
                                    tags.push(t.pages().right_answer);
                                }
                                view! {
                                    <p class="explanation">
                                        {(!tags.is_empty()).then(|| view! { <strong>{tags.join(" · ")}": "</strong> })}
                                        {inlines(lang, &opt.explanation)}
                                    </p>
                                }
                            })
                    }}
                </div>
            }
        })
        .collect_view()
        .into_any()
}

fn current_order(answers: RwSignal<Vec<Option<Answer>>>, i: usize) -> Vec<usize> {
    answers.with(|a| match a.get(i) {
        Some(Some(Answer::Order(v))) => v.clone(),
        _ => Vec::new(),
    })
}

fn order_view(
    lang: Lang,
    i: usize,
    q: &Question,
    answers: RwSignal<Vec<Option<Answer>>>,
    result: RwSignal<Option<Graded>>,
) -> AnyView {
    let t = strings(lang);
    let submitted = move || result.with(Option::is_some);
    let q2 = q.clone();
    let q3 = q.clone();
    let swap = move |pos: usize, to: usize, oi: usize, up: bool| {
        answers.update(|a| {
            if let Some(Some(Answer::Order(v))) = a.get_mut(i) {
                v.swap(pos, to);
            }
        });
        let last = current_order(answers, i).len().saturating_sub(1);
        let dir = match (up, to) {
            (true, 0) => "down",
            (false, p) if p == last => "up",
            (true, _) => "up",
            (false, _) => "down",
        };
        focus_by_id(format!("q{i}-{dir}-{oi}"));
    };
    view! {
        <ol class="order-list">
            {move || {
                let cur = current_order(answers, i);
                let n = cur.len();
                cur.into_iter()
                    .enumerate()
                    .map(|(pos, oi)| {
                        let text = q2.options[oi].text.clone();
                        let plain: String = text
                            .iter()
                            .map(|r| match r {
                                crate::content::Inline::Text(s)
                                | crate::content::Inline::Strong(s)
                                | crate::content::Inline::Em(s) => s.clone(),
                                crate::content::Inline::Link { text, .. } => text.clone(),
                                crate::content::Inline::Term { shown, .. } => shown.clone(),
                            })
                            .collect();
                        view! {
                            <li class="order-item" data-testid="order-item">
                                <span class="order-pos" aria-hidden="true">{pos + 1}</span>
                                <span class="order-text">{inlines(lang, &text)}</span>
                                <span class="order-buttons">
                                    <button
                                        type="button"
                                        class="btn btn-icon"
                                        id=format!("q{i}-up-{oi}")
                                        aria-label=(t.pages().move_up)(&plain)
                                        disabled=move || submitted() || pos == 0
                                        on:click=move |_| swap(pos, pos - 1, oi, true)
                                    >
                                        "▲"
                                    </button>
                                    <button
                                        type="button"
                                        class="btn btn-icon"
                                        id=format!("q{i}-down-{oi}")
                                        aria-label=(t.pages().move_down)(&plain)
                                        disabled=move || submitted() || pos + 1 == n
                                        on:click=move |_| swap(pos, pos + 1, oi, false)
                                    >
                                        "▼"
                                    </button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ol>
        {move || {
            submitted()
                .then(|| {
                    view! {
                        <div class="explanation-block">
                            <p><strong>{t.pages().right_order}":"</strong></p>
                            <ol>
                                {q3.options
                                    .iter()
                                    .map(|o| view! {
                                        <li>
                                            {inlines(lang, &o.text)}
                                            <p class="explanation">{inlines(lang, &o.explanation)}</p>
                                        </li>
                                    })
                                    .collect_view()}
                            </ol>
                        </div>
                    }
                })
        }}
    }
    .into_any()
}

fn match_view(
    lang: Lang,
    i: usize,
    q: &Question,
    meaning_order: Vec<usize>,
    answers: RwSignal<Vec<Option<Answer>>>,
    result: RwSignal<Option<Graded>>,
) -> AnyView {
    let t = strings(lang);
    let submitted = move || result.with(Option::is_some);
    let n = q.options.len();
    q.options
        .iter()
        .enumerate()
        .map(|(ti, opt)| {
            let select_id = format!("q{i}-match-{ti}");
            let picked = move || {
                answers.with(|a| match a.get(i) {
                    Some(Some(Answer::Match(v))) => v.get(ti).copied().flatten(),
                    _ => None,
                })
            };
            let on_change = move |ev: web_sys::Event| {
                let value = event_target_value(&ev);
                let choice = value.parse::<usize>().ok();
                answers.update(|a| {
                    let mut v = match a[i].take() {
                        Some(Answer::Match(v)) if v.len() == n => v,
                        _ => vec![None; n],
                    };
                    v[ti] = choice;
                    a[i] = Some(Answer::Match(v));
                });
            };
            let meanings: Vec<(usize, String)> = meaning_order
                .iter()
                .map(|&mi| (mi, q.options[mi].meaning.clone().unwrap_or_default()))
                .collect();
            let right_meaning = opt.meaning.clone().unwrap_or_default();
            let explanation = opt.explanation.clone();
            view! {
                <div class="match-row" class:is-correct=move || submitted() && picked() == Some(ti)>
                    <label for=select_id.clone() class="match-term">{inlines(lang, &opt.text)}</label>
                    <select
                        id=select_id
                        data-testid="match-select"
                        disabled=submitted
                        prop:value=move || picked().map(|p| p.to_string()).unwrap_or_default()
                        on:change=on_change
                    >
                        <option value="">{t.pages().match_choose}</option>
                        {meanings
                            .into_iter()
                            .map(|(mi, text)| view! { <option value=mi.to_string()>{text}</option> })
                            .collect_view()}
                    </select>
                    {move || {
                        submitted()
                            .then(|| {
                                view! {
                                    <p class="explanation">
                                        <strong>{t.pages().right_match}": "</strong>
                                        {right_meaning.clone()}
                                        ". "
                                        {inlines(lang, &explanation)}
                                    </p>
                                }
                            })
                    }}
                </div>
            }
        })
        .collect_view()
        .into_any()
}
