//! A walkthrough being played: one [`Session`] per language, fed the same values and actions
//! (values are language-neutral ids), so switching the language mid-walkthrough keeps
//! everything. Browser-free: the walkthrough page holds a [`Run`] in a signal and passes the
//! simulated portal (`components::sim`) a read-only view of it plus a callback for each
//! [`Act`] the student does.

use super::engine::{AttemptRecord, Mode, Outcome, Session, Summary};
use super::scenario;
use crate::content::Lang;

/// 0 for Vietnamese, 1 for English: the index of a language's session in a [`Run`].
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Vi => 0,
        Lang::En => 1,
    }
}

/// What the student does on the simulated portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    /// Types or chooses `value` in `field`.
    Set {
        /// Field id.
        field: String,
        /// The value (an option id for choices).
        value: String,
    },
    /// Ticks or unticks `option` of a multiple-choice `field`.
    Toggle {
        /// Field id.
        field: String,
        /// Option id.
        option: String,
    },
    /// Presses a button (action id).
    Press(String),
}

/// A walkthrough in progress: one session per language, the last outcome of each, the start time.
#[derive(Clone, Debug)]
pub struct Run {
    /// `[Vietnamese, English]`.
    pub sessions: [Session<'static>; 2],
    /// The last action's outcome, per language.
    pub outcome: [Option<Outcome>; 2],
    /// Start time (ms since the epoch), for practice timing.
    pub started_ms: i64,
    /// Set when finished, per language.
    pub summary: Option<[Summary; 2]>,
}

impl Run {
    /// Starts walkthrough `id` in `mode` at `now_ms`; `None` if either language lacks it.
    pub fn start(id: &str, mode: Mode, now_ms: i64) -> Option<Run> {
        let (vi, en) = (scenario(Lang::Vi, id)?, scenario(Lang::En, id)?);
        Some(Self::of(vi, en, mode, now_ms))
    }

    /// A run of two scenarios (the same walkthrough in Vietnamese and English).
    pub fn of(
        vi: &'static scenario::Scenario,
        en: &'static scenario::Scenario,
        mode: Mode,
        now_ms: i64,
    ) -> Run {
        Run {
            sessions: [Session::new(vi, mode), Session::new(en, mode)],
            outcome: [None, None],
            started_ms: now_ms,
            summary: None,
        }
    }

    /// The session in `lang`.
    pub fn session(&self, lang: Lang) -> &Session<'static> {
        &self.sessions[lang_index(lang)]
    }

    /// What the student typed or chose in `field` (the same in both languages).
    pub fn value(&self, field: &str) -> &str {
        self.sessions[0].value(field)
    }

    /// Does `act` in both sessions at `now_ms`. When it ends the walkthrough, the summaries are
    /// kept and the attempt to record is returned (once: a finished run takes no more acts).
    pub fn act(&mut self, act: &Act, now_ms: i64) -> Option<AttemptRecord> {
        if self.summary.is_some() {
            return None;
        }
        match act {
            Act::Set { field, value } => {
                for s in self.sessions.iter_mut() {
                    let _ = s.set(field, value);
                }
                None
            }
            Act::Toggle { field, option } => {
                for s in self.sessions.iter_mut() {
                    let _ = s.toggle(field, option);
                }
                None
            }
            Act::Press(action) => {
                for i in 0..2 {
                    self.outcome[i] = self.sessions[i].perform(action).ok();
                }
                if !matches!(self.outcome[0], Some(Outcome::Finished)) {
                    return None;
                }
                let secs = (now_ms.saturating_sub(self.started_ms) / 1000).clamp(0, u32::MAX as i64)
                    as u32;
                let sums = [
                    self.sessions[0].summary(secs),
                    self.sessions[1].summary(secs),
                ];
                let record = sums[0].record(now_ms.div_euclid(1000));
                self.summary = Some(sums);
                Some(record)
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::walkthrough::scenarios;

    /// Plays `run` to the end with every field's first example, pressing the button that
    /// moves on; returns the acts' results (the records, in order).
    fn play(run: &mut Run, at_ms: i64) -> Vec<AttemptRecord> {
        let mut out = Vec::new();
        for _ in 0..200 {
            if run.summary.is_some() {
                break;
            }
            let s = &run.sessions[0];
            let sc = s.scenario();
            let fills: Vec<Act> = s
                .screen()
                .fields
                .iter()
                .filter(|f| f.is_input() && f.visible(s.values()))
                .filter_map(|f| {
                    let v = sc.field(&f.id)?.examples.first()?.clone();
                    Some(Act::Set {
                        field: f.id.clone(),
                        value: v,
                    })
                })
                .collect();
            let press = s.screen().forward(s.clock()).map(|a| a.id.clone());
            for a in &fills {
                assert_eq!(run.act(a, at_ms), None);
            }
            let press = press.expect("a button moves on");
            out.extend(run.act(&Act::Press(press), at_ms));
        }
        out
    }

    #[test]
    fn both_languages_move_in_step_and_the_end_is_recorded_once() {
        let id = &scenarios(Lang::Vi)
            .iter()
            .find(|s| s.required)
            .expect("a required walkthrough")
            .id;
        let start = 1_790_000_000_000;
        let mut run = Run::start(id, Mode::Practice, start).expect("in both languages");
        assert_eq!(run.session(Lang::En).scenario().id, *id);
        let first = run.sessions[0].screen().id.clone();
        // A value typed in Vietnamese is there in English (switching language keeps it).
        if let Some(f) = run.sessions[0]
            .screen()
            .fields
            .iter()
            .find(|f| f.is_input())
            .map(|f| f.id.clone())
        {
            run.act(
                &Act::Set {
                    field: f.clone(),
                    value: "x".into(),
                },
                start,
            );
            assert_eq!(run.value(&f), "x");
            assert_eq!(run.sessions[1].value(&f), "x");
        }
        assert_eq!(run.sessions[1].screen().id, first);
        let records = play(&mut run, start + 95_000);
        assert_eq!(records.len(), 1, "one attempt recorded");
        let r = &records[0];
        assert_eq!(
            (r.id.as_str(), r.mode, r.done),
            (id.as_str(), Mode::Practice, true)
        );
        assert_eq!(r.secs, 95, "timed from the start");
        assert_eq!(r.at, (start + 95_000) / 1000);
        let [vi, en] = run.summary.as_ref().expect("summaries in both languages");
        assert_eq!(vi.record(0).score, en.record(0).score);
        assert_eq!(
            run.act(&Act::Press("anything".into()), start + 99_000),
            None,
            "a finished run records nothing more"
        );
        assert_eq!(
            run.sessions[0].screen().id,
            run.sessions[1].screen().id,
            "the two sessions end on the same screen"
        );
    }

    #[test]
    fn a_wrong_button_is_an_outcome_in_both_languages_and_records_nothing() {
        let id = &scenarios(Lang::Vi)[0].id;
        let mut run = Run::start(id, Mode::Guided, 0).expect("in both languages");
        assert_eq!(run.act(&Act::Press("no-such-button".into()), 1000), None);
        assert_eq!(
            run.outcome,
            [None, None],
            "an unknown action changes nothing"
        );
        assert!(Run::start("no-such-walkthrough", Mode::Guided, 0).is_none());
    }
}
