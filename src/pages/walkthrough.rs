//! One walkthrough (`/walkthroughs/:id?mode=guided|practice`): the simulated portal screen, the
//! guide in guided mode, messages for mistakes, and the summary at the end — after a practice,
//! where the student stands ("3/17 phần") and one "Tiếp theo": the next part not done yet.
//!
//! On a phone the first screen holds the frame with its MÔ PHỎNG bar and the guide above it: the
//! page's own banner gives way to the frame's bar while the portal is shown, and the title's
//! summary folds away. Each new screen brings the top of the stage back into the window.
//!
//! The engine holds all the state: a [`Run`] (`walkthrough::run`) plays one session per
//! language in step, so switching the language mid-walkthrough keeps everything. This page
//! holds it in a signal, records the attempt when it ends and moves the focus.

use crate::components::sim::SimScreen;
use crate::components::survey::SurveyPanel;
use crate::content::{Lang, course};
use crate::platform::{self, to};
use crate::progress::{Occasion, Part, Record, WalkStanding, requirements};
use crate::routes::{ID, MODE, Route};
use crate::state::{update_progress, use_lang, use_progress, use_t};
use crate::walkthrough::{Act, Mode, Outcome, Run, lang_index, scenario};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

fn start(id: &str, mode: Option<Mode>) -> Option<Run> {
    Run::start(id, mode?, platform::now().timestamp_millis())
}

/// Does what the student did on the simulated portal: a value or a tick goes into both
/// sessions; a button is [`perform`]ed.
fn act(run: RwSignal<Option<Run>>, survey: RwSignal<Option<Occasion>>, act: Act) {
    match act {
        Act::Press(action) => perform(run, survey, &action),
        other => run.update(|r| {
            if let Some(r) = r {
                r.act(&other, platform::now().timestamp_millis());
            }
        }),
    }
}

/// Presses `action` in both sessions; records progress when the walkthrough ends, and then
/// decides once which survey to offer under the summary (answering it changes progress, and
/// must not take the panel away).
fn perform(run: RwSignal<Option<Run>>, survey: RwSignal<Option<Occasion>>, action: &str) {
    let mut finished = None;
    let press = Act::Press(action.to_string());
    run.update(|r| {
        if let Some(r) = r {
            finished = r.act(&press, platform::now().timestamp_millis());
        }
    });
    if let Some(record) = finished {
        // A failed save shows the storage notice, and the rescue file holds the attempt.
        let practice = record.mode == Mode::Practice;
        let _ = update_progress(move |p| p.record_walk(record));
        if practice {
            survey.set(use_progress().with_untracked(|p| p.survey_due(requirements())));
        }
        platform::focus_after_render("sim-summary");
        return;
    }
    let target = run.with_untracked(|r| match r.as_ref().and_then(|r| r.outcome[0].as_ref()) {
        Some(Outcome::Moved { .. }) => "sim-title",
        Some(_) => "sim-alert",
        None => "",
    });
    if !target.is_empty() {
        focus_and_show_stage(target);
    }
}

/// Brings the top of the stage into the window — on a phone the guide and the frame's top
/// with its MÔ PHỎNG bar, on a wide screen the frame with the guide beside it — then, after the
/// render that shows it, focuses `id` (the new screen's title, or the message on top of it).
/// Focus alone would scroll only the title into view and leave the guide above the window.
/// The stage stays while its screens change, so its top is where it will be: focusing the
/// empty mark at its top scrolls there now, and the title, just below, needs no scroll.
fn focus_and_show_stage(id: &'static str) {
    platform::focus_id("walk-top");
    platform::focus_after_render(id);
}

/// The walkthrough page.
#[component]
pub fn WalkthroughPage() -> impl IntoView {
    let t = use_t();
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get(ID).unwrap_or_default()));
    // Each walkthrough is a page of its own, also when the route stays.
    Effect::new(move |_| {
        id.track();
        crate::pages::page_shown();
    });
    let mode = Memo::new(move |_| match query.with(|q| q.get(MODE)).as_deref() {
        Some("practice") => Some(Mode::Practice),
        Some("guided") => Some(Mode::Guided),
        _ => None,
    });
    let run = RwSignal::new(start(&id.get_untracked(), mode.get_untracked()));
    // The survey offered under this attempt's summary ([`perform`] decides it).
    let survey = RwSignal::new(None::<Occasion>);
    Effect::new(move |prev: Option<()>| {
        let (i, m) = (id.get(), mode.get());
        if prev.is_some() {
            run.set(start(&i, m));
            survey.set(None);
        }
    });
    // One title, set in one place: the walkthrough's own (the generic one only for an unknown id).
    Effect::new(move |_| {
        let title = scenario(lang.get(), &id.get()).map(|s| s.title.clone());
        let s = t();
        platform::set_title(&format!(
            "{} – {}",
            title.as_deref().unwrap_or(s.pages().walk_title),
            s.app_name
        ));
    });

    let finished =
        Memo::new(move |_| run.with(|r| r.as_ref().is_some_and(|r| r.summary.is_some())));
    let active = Memo::new(move |_| run.with(|r| r.is_some()));
    // While the portal is on screen its own MÔ PHỎNG bar replaces the page's banner, and on a
    // phone the summary under the title folds away, so the frame and the guide fit the first
    // screen (pages.css, `.walkthrough:has(.walk-stage)`).
    let running = Memo::new(move |_| active.get() && !finished.get());
    let header = move || {
        let t = t();
        let sc = scenario(lang.get(), &id.get());
        let minutes = sc.map_or(0, |s| s.minutes);
        let badge = move || {
            let (class, text) = match mode.get() {
                // The attempt is over: no "timed" badge above the summary.
                Some(_) if finished.get() => return None,
                Some(Mode::Guided) => ("mode-badge guided", t.pages().walk_mode_guided_badge),
                Some(Mode::Practice) => ("mode-badge practice", t.pages().walk_mode_practice_badge),
                None => return None,
            };
            let clock = (mode.get() == Some(Mode::Practice))
                .then(|| view! { <PracticeClock run=run minutes=minutes/> });
            Some(view! { <span class=class data-testid="walk-mode">{text}</span>{clock} })
        };
        view! {
            <p class="crumbs walk-crumbs"><A href=Route::Walkthroughs.href()>{t.pages().walk_back}</A>{badge}</p>
            <p class="sim-banner" role="note" data-testid="sim-banner">{t.pages().sim_banner}</p>
            {match sc {
                None => view! { <h1>{t.nf_title}</h1><p>{t.pages().walk_not_found}</p> }.into_any(),
                Some(sc) => {
                    let sid = sc.id.clone();
                    view! {
                        <h1>{sc.title.clone()}</h1>
                        <p class="lead walk-lead">{sc.summary.clone()}</p>
                        {move || mode.get().is_none().then(|| view! {
                            <div class="mode-choice">
                                <A href=Route::Walkthrough(&sid).href_with(MODE, "guided") attr:class="btn btn-primary btn-large" attr:data-testid="start-guided">{t.pages().walk_guided}</A>
                                <p>{t.pages().walk_guided_desc}</p>
                                <A href=Route::Walkthrough(&sid).href_with(MODE, "practice") attr:class="btn btn-secondary btn-large" attr:data-testid="start-practice">{t.pages().walk_practice}</A>
                                <p>{t.pages().walk_practice_desc}</p>
                            </div>
                        })}
                    }.into_any()
                }
            }}
        }
    };
    let progress = use_progress();
    let survey_for = Memo::new(move |_| survey.get());
    view! {
        <div class="walkthrough" data-testid="walkthrough">
            {header}
            // `running` and `finished` are memos: each part is drawn again only when it comes
            // or goes (and the summary when the language or progress changes).
            {move || running.get().then(|| view! { <SimScreen run=run on_act=Callback::new(move |a| act(run, survey, a))/> })}
            {move || finished.get().then(|| summary_view(run, progress, lang.get(), id.get(), mode.get()))}
            {move || survey_for.get().map(|occasion| view! { <SurveyPanel occasion/> })}
            {move || scenario(lang.get(), &id.get()).map(|sc| {
                crate::pages::lesson::provenance_view(t(), &sc.provenance, "walk-sources")
            })}
        </div>
    }
}

/// The time since a practice began, beside its badge: the score loses a point per
/// [`crate::walkthrough::SECONDS_PER_POINT`] seconds over the scenario's `minutes`, so the
/// clock she is scored by is in sight. It changes once a second and is a `timer` (not read out
/// on every change); `m:ss`, then the suggested minutes. Words only: an emoji clock is a box on
/// a lab PC without an emoji font.
#[component]
fn PracticeClock(
    /// The walkthrough under way (its start time; a new attempt starts the clock again).
    run: RwSignal<Option<Run>>,
    /// The scenario's suggested minutes.
    minutes: u32,
) -> impl IntoView {
    let t = use_t();
    let now = RwSignal::new(platform::now().timestamp_millis());
    let tick = set_interval_with_handle(
        move || now.set(platform::now().timestamp_millis()),
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    let elapsed = move || {
        let started = run.with(|r| r.as_ref().map_or(0, |r| r.started_ms));
        let secs = ((now.get() - started) / 1000).max(0);
        format!("{}:{:02}", secs / 60, secs % 60)
    };
    view! {
        <span class="walk-clock" data-testid="walk-clock">
            <span class="sr-only">{move || t().pages().walk_clock_label}</span>
            <span role="timer" data-testid="walk-clock-time">{elapsed}</span>
            {move || (t().pages().walk_clock_aim)(minutes)}
        </span>
    }
}

/// The part of the module to do after walkthrough `id`, owned: where it links and its title
/// (`None` when every required part is done).
fn next_after(record: &Record, lang: Lang, id: &str) -> Option<(String, String)> {
    let req = requirements();
    let links: Vec<(String, Vec<String>)> = course()
        .lessons(lang)
        .iter()
        .map(|d| (d.meta.id.clone(), d.walkthrough_links()))
        .collect();
    let order = req.in_order(&links);
    Some(match record.next_part(req, &order, Part::Walk(id))? {
        Part::Lesson(l) => (
            Route::Lesson(l).path(),
            course()
                .lesson(lang, l)
                .map(|d| d.meta.title.clone())
                .unwrap_or_default(),
        ),
        Part::Walk(w) => {
            // Not done at all: with the guide first; done with the guide: on her own.
            let how = match record.walk_standing(w) {
                WalkStanding::NotDone => "guided",
                _ => "practice",
            };
            (
                Route::Walkthrough(w).path_with(MODE, how),
                scenario(lang, w)
                    .map(|s| s.title.clone())
                    .unwrap_or_default(),
            )
        }
    })
}

fn summary_view(
    run: RwSignal<Option<Run>>,
    progress: ReadSignal<Record>,
    lang: Lang,
    id: String,
    mode: Option<Mode>,
) -> AnyView {
    let t = crate::i18n::strings(lang);
    let Some(sum) = run.with(|r| {
        r.as_ref()
            .and_then(|r| r.summary.as_ref().map(|s| s[lang_index(lang)].clone()))
    }) else {
        return ().into_any();
    };
    let practice = mode == Some(Mode::Practice);
    let walk: &'static str = scenario(lang, &id).map_or("", |s| s.id.as_str());
    let restart = move |_| run.set(start(&id, mode));
    // Where she stands now that this attempt is recorded (`perform` saved it before this is
    // drawn; the caller redraws on a change of progress), by the completion rule.
    let (done, total) = progress.with(|p| p.overall(requirements()));
    let standing = (t.pages().progress_overall)(done, total);
    // The one primary step: after a practice the next part not done yet; after a guided run,
    // this walkthrough on her own.
    let (href, label, testid) = if practice {
        match progress.with(|p| next_after(p, lang, walk)) {
            Some((href, title)) => (href, (t.pages().walk_next_part)(&title), "walk-next"),
            None => (
                Route::Certificate.path(),
                t.pages().walk_next_certificate.into(),
                "walk-next",
            ),
        }
    } else {
        let href = Route::Walkthrough(&sum.scenario).path_with(MODE, "practice");
        (href, t.pages().walk_to_practice.into(), "walk-to-practice")
    };
    view! {
        <section id="sim-summary" tabindex="-1" class="quiz-result pass" data-testid="walk-summary" data-score=sum.score.to_string() data-mistakes=sum.mistakes.to_string()>
            <h2>{t.pages().walk_finished}</h2>
            {practice.then(|| view! { <p class="score" data-testid="walk-score">{(t.pages().walk_score)(sum.score)}</p> })}
            <p>{(t.pages().walk_time)(sum.seconds)}" · "{(t.pages().walk_mistakes)(sum.mistakes)}</p>
            {if sum.review.is_empty() {
                view! { <p>{t.pages().walk_no_review}</p> }.into_any()
            } else {
                view! {
                    <h3>{t.pages().walk_review}</h3>
                    <ul data-testid="walk-review">
                        {sum.steps.iter().filter(|s| s.mistakes > 0).map(|s| view! {
                            <li><strong>{s.title.clone()}</strong>
                                <ul>{s.messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="standing" data-testid="walk-standing">{standing}</p>
            <div class="actions">
                <A href=to(&href) attr:class="btn btn-primary" attr:data-testid=testid>{label}</A>
                <button type="button" class="btn btn-secondary" data-testid="walk-again" on:click=restart>{t.pages().walk_again}</button>
                <A href=Route::Walkthroughs.href() attr:class="btn btn-secondary">{t.pages().walk_back}</A>
            </div>
        </section>
    }
    .into_any()
}
