//! A quiz attempt's wrong answers, said where a student looks after submitting: "Sai ở câu 1
//! và câu 4." with links to the questions, then each wrong answer with why (on a phone the
//! questions above are many screens away); after "Làm lại", the last attempt folded.

use crate::components::rich::inlines;
use crate::content::{Lang, Question, QuestionKind};
use crate::i18n::strings;
use crate::platform;
use crate::quiz::{Answer, Graded};
use leptos::prelude::*;

/// A link to question `n` of the quiz. Not a navigation (with `<base href>` set, "#question-1"
/// would point at the home page): it moves focus to the question, which scrolls it into view.
fn question_link(n: usize, text: String) -> impl IntoView {
    let id = format!("question-{n}");
    view! {
        <a href=format!("#{id}") on:click=move |ev| {
            ev.prevent_default();
            platform::focus_id(&id);
        }>{text}</a>
    }
}

/// "Sai ở câu 1 và câu 4." with each question a link to it (nothing when none is wrong).
pub fn wrong_list(lang: Lang, wrong: &[usize]) -> Option<AnyView> {
    let t = strings(lang).pages();
    let last = wrong.len().checked_sub(1)?;
    let links = wrong
        .iter()
        .enumerate()
        .map(|(k, &n)| {
            let sep = match k {
                0 => "",
                k if k == last => t.and,
                _ => ", ",
            };
            view! { {sep}{question_link(n, (t.question_ref)(n))} }
        })
        .collect_view();
    Some(
        view! { <p class="wrong-list" data-testid="quiz-wrong">{t.wrong_in}{links}"."</p> }
            .into_any(),
    )
}

/// The wrong answers of an attempt with their explanations, under the result (so a phone does
/// not scroll back up through every question to find why).
pub fn review_view(
    lang: Lang,
    qs: &[Question],
    g: &Graded,
    answers: &[Option<Answer>],
    testid: &'static str,
) -> Option<AnyView> {
    let t = strings(lang).pages();
    let wrong = g.wrong();
    if wrong.is_empty() {
        return None;
    }
    let items = wrong
        .iter()
        .filter_map(|&n| {
            let q = qs.get(n - 1)?;
            let why = why_view(lang, q, answers.get(n - 1).and_then(Option::as_ref));
            Some(view! {
                <li class="review-item" data-testid="review-item">
                    <p class="review-q">
                        <strong>{question_link(n, (t.question_n)(n, qs.len()))}</strong>" "
                        {inlines(lang, &q.prompt)}
                    </p>
                    {why}
                </li>
            })
        })
        .collect_view();
    Some(
        view! {
            <div class="quiz-review" data-testid=testid>
                <h3>{t.review_title}</h3>
                <ul class="review-list">{items}</ul>
            </div>
        }
        .into_any(),
    )
}

/// Why one answer was wrong: the options chosen or right with their explanations, the right
/// order, or the terms matched wrongly with their right meanings.
fn why_view(lang: Lang, q: &Question, answer: Option<&Answer>) -> AnyView {
    let t = strings(lang).pages();
    match (q.kind, answer) {
        (QuestionKind::Order, _) => view! {
            <p class="review-why"><strong>{t.right_order}":"</strong></p>
            <ol class="review-order">
                {q.options.iter().map(|o| view! { <li>{inlines(lang, &o.text)}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
        (QuestionKind::Match, a) => {
            let picks = match a {
                Some(Answer::Match(v)) => v.clone(),
                _ => Vec::new(),
            };
            q.options
                .iter()
                .enumerate()
                .filter(|(ti, _)| picks.get(*ti).copied().flatten() != Some(*ti))
                .map(|(_, o)| {
                    view! {
                        <p class="review-why">
                            <strong>{inlines(lang, &o.text)}</strong>" → "{o.meaning.clone().unwrap_or_default()}". "
                            {inlines(lang, &o.explanation)}
                        </p>
                    }
                })
                .collect_view()
                .into_any()
        }
        (_, a) => {
            let chosen = match a {
                Some(Answer::Choice(v)) => v.clone(),
                _ => Vec::new(),
            };
            q.options
                .iter()
                .enumerate()
                .filter(|(k, o)| o.correct || chosen.contains(k))
                .map(|(k, o)| {
                    let mut tags = Vec::new();
                    if chosen.contains(&k) {
                        tags.push(t.your_choice);
                    }
                    if o.correct {
                        tags.push(t.right_answer);
                    }
                    view! {
                        <p class="review-why" class:is-right=o.correct>
                            <strong>{tags.join(" · ")}": "</strong>
                            {inlines(lang, &o.text)}" — "{inlines(lang, &o.explanation)}
                        </p>
                    }
                })
                .collect_view()
                .into_any()
        }
    }
}

/// After "Làm lại": the last attempt's score, and its wrong answers with why, folded.
pub fn previous_view(
    lang: Lang,
    qs: &[Question],
    g: &Graded,
    answers: &[Option<Answer>],
) -> AnyView {
    let t = strings(lang).pages();
    let right = g.correct.iter().filter(|c| **c).count();
    let line = (t.previous_attempt)(right, qs.len(), g.score);
    match review_view(lang, qs, g, answers, "previous-review") {
        None => {
            view! { <p class="quiz-previous" data-testid="quiz-previous">{line}</p> }.into_any()
        }
        Some(review) => view! {
            <details class="quiz-previous" data-testid="quiz-previous">
                <summary>{line}" "{(t.previous_wrong)(g.wrong().len())}</summary>
                {review}
            </details>
        }
        .into_any(),
    }
}
