//! The satisfaction and needs survey (issue 19) as an inline panel: under a minute, optional,
//! never in the way (no modal, nothing else waits for it). Radio groups and check boxes in
//! fieldsets with legends, a comment with a visible counter that stops at
//! [`COMMENT_MAX`], "ký tên" unticked by default. Answered or skipped, it says so and is kept
//! in the record (`state::update_progress`), so it is not asked again for that occasion.
//!
//! Used by the walkthrough summary and the progress page (both lazily loaded chunks).

use crate::progress::survey::{
    Answer, COMMENT_MAX, NEED_OTHER, NEEDS, OTHER_MAX, Occasion, SCALE, cut,
};
use crate::state::{update_progress, use_t};
use leptos::prelude::*;

/// What became of the panel.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Answered; the comment she sent (shown back as text).
    Sent(String),
    /// Skipped.
    Skipped,
}

/// A group of check boxes in a fieldset: `choices` are (id, label); ticked ids in `picked`.
fn checks(
    legend: impl Fn() -> &'static str + Send + Sync + 'static,
    prefix: &'static str,
    choices: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    picked: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="survey-group">
            <legend>{legend}</legend>
            <div class="survey-choices">
                {move || choices().into_iter().map(|(id, label)| {
                    let key = id.clone();
                    let on = move || picked.with(|p| p.contains(&key));
                    let id2 = id.clone();
                    view! {
                        <label class="survey-choice">
                            <input type="checkbox" data-testid=format!("{prefix}-{id}") prop:checked=on
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    picked.update(|p| {
                                        p.retain(|x| *x != id2);
                                        if checked {
                                            p.push(id2.clone());
                                        }
                                    });
                                }/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// The survey for `occasion`, inline where it is placed.
#[component]
pub fn SurveyPanel(
    /// After a practice or after the module.
    occasion: Occasion,
) -> impl IntoView {
    let t = use_t();
    let sat = RwSignal::new(0u8);
    let hardest = RwSignal::new(Vec::<String>::new());
    let needs = RwSignal::new(Vec::<String>::new());
    let other = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let signed = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let empty = RwSignal::new(false);
    let now = || crate::platform::now().timestamp();
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let a = Answer {
            occasion,
            at: now(),
            satisfaction: sat.get_untracked(),
            hardest: hardest.get_untracked(),
            needs: needs.get_untracked(),
            other: other.get_untracked(),
            comment: comment.get_untracked(),
            signed: signed.get_untracked(),
        };
        if a.is_skipped() {
            empty.set(true);
            return;
        }
        let said = cut(a.comment.trim(), COMMENT_MAX);
        // A failed save shows the storage notice; the answer stays in memory.
        let _ = update_progress(move |p| p.answer_survey(a));
        outcome.set(Some(Outcome::Sent(said)));
        crate::platform::focus_after_render("survey-done");
    };
    let skip = move |_| {
        let _ = update_progress(move |p| p.answer_survey(Answer::skipped(occasion, now())));
        outcome.set(Some(Outcome::Skipped));
        crate::platform::focus_after_render("survey-done");
    };
    let module = occasion == Occasion::Module;
    let lead = move || {
        let s = t().survey();
        if module {
            s.lead_module
        } else {
            s.lead_practice
        }
    };
    let question = move || {
        let s = t().survey();
        if module {
            s.satisfaction_module
        } else {
            s.satisfaction_practice
        }
    };
    let lessons = move || {
        let lang = t().lang;
        crate::content::outline()
            .iter()
            .map(|e| (e.id.to_string(), e.title(lang).to_string()))
            .collect::<Vec<_>>()
    };
    let services = move || {
        let s = t().survey();
        NEEDS
            .iter()
            .zip(s.need_labels)
            .map(|(id, l)| (id.to_string(), l.to_string()))
            .chain([(NEED_OTHER.to_string(), s.need_other.to_string())])
            .collect::<Vec<_>>()
    };
    let form = move || {
        view! {
            <p>{lead}</p>
            <form class="survey-form" on:submit=send novalidate>
                <fieldset class="survey-group">
                    <legend>{question}</legend>
                    <div class="survey-choices survey-scale">
                        {SCALE.iter().enumerate().map(|(i, score)| {
                            let score = *score;
                            view! {
                                <label class="survey-choice">
                                    <input type="radio" name="survey-satisfaction" value=score.to_string()
                                        data-testid=format!("survey-sat-{score}")
                                        prop:checked=move || sat.get() == score
                                        on:change=move |_| { sat.set(score); empty.set(false); }/>
                                    <span>{move || t().survey().scale[i]}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                {checks(move || t().survey().hardest, "survey-hardest", lessons, hardest)}
                {checks(move || t().survey().needs, "survey-need", services, needs)}
                {move || needs.with(|n| n.iter().any(|x| x == NEED_OTHER)).then(|| view! {
                    <p class="field">
                        <label for="survey-other">{move || t().survey().other_label}</label>
                        <input id="survey-other" type="text" data-testid="survey-other" maxlength=OTHER_MAX.to_string()
                            prop:value=move || other.get()
                            on:input=move |ev| other.set(cut(&event_target_value(&ev), OTHER_MAX))/>
                    </p>
                })}
                <p class="field">
                    <label for="survey-comment">{move || t().survey().comment_label}</label>
                    <textarea id="survey-comment" data-testid="survey-comment" rows="3"
                        maxlength=COMMENT_MAX.to_string() aria-describedby="survey-count"
                        prop:value=move || comment.get()
                        on:input=move |ev| comment.set(cut(&event_target_value(&ev), COMMENT_MAX))></textarea>
                    <span id="survey-count" class="hint survey-count" data-testid="survey-count">
                        {move || {
                            let n = comment.with(|c| c.chars().count());
                            (t().survey().counter)(n, COMMENT_MAX)
                        }}
                        <span class="sr-only" aria-live="polite">
                            {move || (comment.with(|c| c.chars().count()) >= COMMENT_MAX)
                                .then(|| (t().survey().counter_full)(COMMENT_MAX))}
                        </span>
                    </span>
                </p>
                <p class="survey-sign">
                    <label class="survey-choice">
                        <input type="checkbox" data-testid="survey-sign" aria-describedby="survey-sign-hint"
                            prop:checked=move || signed.get()
                            on:change=move |ev| signed.set(event_target_checked(&ev))/>
                        <span>{move || t().survey().sign}</span>
                    </label>
                    <span id="survey-sign-hint" class="hint">{move || t().survey().sign_hint}</span>
                </p>
                <p role="status" class="warning-text" data-testid="survey-empty">
                    {move || empty.get().then(|| t().survey().nothing_chosen)}
                </p>
                <p class="actions">
                    <button type="submit" class="btn btn-primary" data-testid="survey-send">{move || t().survey().send}</button>
                    <button type="button" class="btn btn-secondary" data-testid="survey-skip" on:click=skip>{move || t().survey().skip}</button>
                </p>
            </form>
        }
    };
    view! {
        <section class="survey" data-testid="survey" data-occasion=occasion.id() aria-labelledby="survey-title">
            <h2 id="survey-title">{move || t().survey().title}</h2>
            {move || match outcome.get() {
                None => form().into_any(),
                Some(Outcome::Sent(said)) => view! {
                    <div id="survey-done" tabindex="-1" data-testid="survey-done">
                        <p class="done-text">{move || t().survey().thanks}</p>
                        {(!said.is_empty()).then(|| view! {
                            <p>{move || t().survey().thanks_comment}</p>
                            <blockquote class="survey-said" data-testid="survey-said">{said.clone()}</blockquote>
                        })}
                    </div>
                }.into_any(),
                Some(Outcome::Skipped) => view! {
                    <p id="survey-done" tabindex="-1" data-testid="survey-done">{move || t().survey().skipped}</p>
                }.into_any(),
            }}
        </section>
    }
}
