//! The walkthrough state machine: a [`Session`] walks one [`Scenario`] screen by screen.
//!
//! The UI sets field values and performs actions; every action returns an [`Outcome`] (wrong
//! fields with the reason, a trap, a deadline lock, the next screen, or the end). In guided mode
//! the session also says which control comes next and what to do ([`Session::guide`]) and adds
//! the teacher's explanation to each typical mistake; in practice mode it gives no hints and the
//! attempt is scored at the end ([`Session::summary`]). Time and "today" are parameters, never
//! read from a clock here, so everything is deterministic and testable natively.

use super::formats::{Stamp, items};
use super::messages;
use super::scenario::{Choice, Field, FieldKind, Problem, Scenario, Screen, Target, Values};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the walkthrough is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Each step is pointed out and every mistake explained.
    Guided,
    /// No hints; scored on completion, mistakes and time.
    Practice,
}

/// What is wrong with one field after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Field id.
    pub field: String,
    /// What the portal says.
    pub message: String,
    /// Guided mode only: the teacher's explanation when the value is a typical mistake.
    pub explanation: Option<String>,
}

/// The result of pressing a button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Some fields are wrong; the student stays on the screen and can retry.
    Rejected(Vec<FieldError>),
    /// The button was a trap (clicking a scam link, reading out an OTP …).
    Trap {
        /// Why it is wrong.
        message: String,
    },
    /// The button's deadline has passed.
    Locked {
        /// The lock message.
        message: String,
    },
    /// Moved on to another screen.
    Moved {
        /// Its id.
        screen: String,
    },
    /// The walkthrough is complete.
    Finished,
}

/// A misuse of the session by the UI (not a student mistake).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    /// The field is not on the current screen.
    #[error("there is no field `{0}` on this screen")]
    NoSuchField(String),
    /// The field is pre-filled and read-only.
    #[error("the field `{0}` is read-only")]
    ReadOnly(String),
    /// The action is not on the current screen.
    #[error("there is no button `{0}` on this screen")]
    NoSuchAction(String),
    /// The walkthrough has ended.
    #[error("the walkthrough is already finished")]
    Finished,
}

/// The control a guide points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Control {
    /// A field, by id.
    Field(String),
    /// A button, by id.
    Action(String),
}

/// Guided mode: what to do next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guide {
    /// Where to look.
    pub control: Control,
    /// What to do there.
    pub instruction: String,
}

/// One refused action, kept for the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    /// The screen it happened on.
    pub screen: String,
    /// What went wrong (the teacher's explanation when there is one).
    pub messages: Vec<String>,
}

/// One screen in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepReport {
    /// Screen id.
    pub screen: String,
    /// Screen title.
    pub title: String,
    /// Refused actions on it.
    pub mistakes: u32,
    /// What went wrong, without repeats.
    pub messages: Vec<String>,
}

/// The end-of-attempt report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Scenario id.
    pub scenario: String,
    /// Mode.
    pub mode: Mode,
    /// Reached the end.
    pub finished: bool,
    /// 0–100.
    pub score: u8,
    /// Time taken, as passed in.
    pub seconds: u32,
    /// Refused actions in total.
    pub mistakes: u32,
    /// Every screen reached, in order.
    pub steps: Vec<StepReport>,
    /// Ids of the screens to review (those with mistakes).
    pub review: Vec<String>,
}

/// What the progress store keeps of an attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRecord {
    /// Scenario id.
    pub id: String,
    /// When it ended (Unix seconds).
    pub at: i64,
    /// Mode.
    pub mode: Mode,
    /// 0–100.
    pub score: u8,
    /// Seconds taken.
    pub secs: u32,
    /// Reached the end.
    pub done: bool,
    /// Refused actions per screen id (only screens with mistakes): what to review, and what
    /// the teacher's dashboard adds up.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub steps: BTreeMap<String, u32>,
}

/// Points lost per refused action.
pub const MISTAKE_PENALTY: u32 = 8;
/// At most this many points are lost to mistakes.
pub const MAX_MISTAKE_PENALTY: u32 = 60;
/// One point is lost per this many seconds over the scenario's `minutes`.
pub const SECONDS_PER_POINT: u32 = 15;
/// At most this many points are lost to time.
pub const MAX_TIME_PENALTY: u32 = 20;
/// An unfinished attempt scores at most this for completion.
pub const MAX_UNFINISHED: u32 = 90;

/// One student's run through one scenario.
#[derive(Clone, Debug)]
pub struct Session<'s> {
    scenario: &'s Scenario,
    mode: Mode,
    screen: usize,
    values: Values,
    clock: Stamp,
    finished: bool,
    visited: Vec<usize>,
    slips: Vec<Slip>,
}

impl<'s> Session<'s> {
    /// Starts at the first screen with the scenario's simulated clock. The scenario has at least
    /// one screen: the parser refuses a file without one.
    pub fn new(scenario: &'s Scenario, mode: Mode) -> Self {
        let clock = scenario
            .screens
            .first()
            .and_then(|s| s.clock)
            .unwrap_or(scenario.now);
        Session {
            scenario,
            mode,
            screen: 0,
            values: scenario.initial_values(),
            clock,
            finished: false,
            visited: vec![0],
            slips: Vec::new(),
        }
    }

    /// Sets the simulated clock ("today" for dates, "now" for deadlines).
    pub fn with_clock(mut self, now: Stamp) -> Self {
        self.clock = now;
        self
    }

    /// The scenario.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The simulated clock.
    pub fn clock(&self) -> Stamp {
        self.clock
    }

    /// The current screen (the last one once finished).
    pub fn screen(&self) -> &'s Screen {
        &self.scenario.screens[self.screen]
    }

    /// Whether the end has been reached.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Every refused action so far.
    pub fn slips(&self) -> &[Slip] {
        &self.slips
    }

    /// Every value entered so far, by field id.
    pub fn values(&self) -> &Values {
        &self.values
    }

    /// The value of a field ("" when empty).
    pub fn value(&self, field: &str) -> &str {
        self.values.get(field).map_or("", String::as_str)
    }

    /// The fields to draw now: visible ones of the current screen.
    pub fn fields(&self) -> Vec<&'s Field> {
        self.screen()
            .fields
            .iter()
            .filter(|f| f.visible(&self.values))
            .collect()
    }

    /// The options to offer for a field now (a cascade shows those of the chosen parent).
    pub fn options(&self, field: &str) -> Vec<&'s Choice> {
        self.scenario
            .field(field)
            .map(|f| f.choices_for(&self.values))
            .unwrap_or_default()
    }

    fn input(&self, id: &str) -> Result<&'s Field, SessionError> {
        if self.finished {
            return Err(SessionError::Finished);
        }
        let field = self
            .screen()
            .fields
            .iter()
            .find(|f| f.id == id)
            .ok_or_else(|| SessionError::NoSuchField(id.to_string()))?;
        if !field.is_input() {
            return Err(SessionError::ReadOnly(id.to_string()));
        }
        Ok(field)
    }

    /// Types or chooses a value (`"a, b"` for a list, `"yes"`/`"no"` for a tick box). Cascade
    /// children whose option no longer fits are cleared.
    pub fn set(&mut self, field: &str, value: &str) -> Result<(), SessionError> {
        let f = self.input(field)?;
        self.values.insert(f.id.clone(), value.to_string());
        for child in self.scenario.screens.iter().flat_map(|s| &s.fields) {
            if child.parent.as_deref() == Some(field) {
                let fits = child
                    .choices_for(&self.values)
                    .iter()
                    .any(|c| c.value == self.value(&child.id));
                if !fits {
                    self.values.remove(&child.id);
                }
            }
        }
        Ok(())
    }

    /// Ticks or unticks one option of a checkbox list or one file of a document tray.
    pub fn toggle(&mut self, field: &str, option: &str) -> Result<(), SessionError> {
        let f = self.input(field)?;
        let mut chosen: Vec<&str> = items(self.value(field));
        if f.kind == FieldKind::Tick {
            let on = self.value(field) == "yes";
            return self.set(field, if on { "no" } else { "yes" });
        }
        match chosen.iter().position(|c| *c == option) {
            Some(i) => {
                chosen.remove(i);
            }
            None => chosen.push(option),
        }
        let joined = chosen.join(", ");
        self.set(field, &joined)
    }

    fn error_for(&self, field: &Field, problem: &Problem) -> FieldError {
        let lang = self.scenario.lang;
        let message = match problem {
            Problem::Required => messages::required(lang).to_string(),
            Problem::NotAnOption => messages::not_an_option(lang).to_string(),
            Problem::Rule(e) => messages::rule(e, lang),
        };
        let explanation = match self.mode {
            Mode::Guided => field
                .mistake_for(self.value(&field.id))
                .map(|m| m.message.clone()),
            Mode::Practice => None,
        };
        FieldError {
            field: field.id.clone(),
            message,
            explanation,
        }
    }

    /// What is wrong with one visible field now, without counting a mistake (for checking a
    /// field as the student leaves it).
    pub fn check(&self, field: &str) -> Option<FieldError> {
        let f = self.fields().into_iter().find(|f| f.id == field)?;
        f.problem(&self.values, self.clock.date)
            .map(|p| self.error_for(f, &p))
    }

    fn slip(&mut self, messages: Vec<String>) {
        let screen = self.screen().id.clone();
        self.slips.push(Slip { screen, messages });
    }

    /// Presses a button on the current screen.
    pub fn perform(&mut self, action: &str) -> Result<Outcome, SessionError> {
        if self.finished {
            return Err(SessionError::Finished);
        }
        let screen = self.screen();
        let a = screen
            .actions
            .iter()
            .find(|a| a.id == action)
            .ok_or_else(|| SessionError::NoSuchAction(action.to_string()))?;
        if let Some(message) = &a.wrong {
            self.slip(vec![message.clone()]);
            return Ok(Outcome::Trap {
                message: message.clone(),
            });
        }
        if let Some(until) = a.until
            && a.locked_at(self.clock)
        {
            let message = messages::locked(until, self.scenario.lang);
            self.slip(vec![message.clone()]);
            return Ok(Outcome::Locked { message });
        }
        let problems = screen.problems(&self.values, self.clock.date);
        if !problems.is_empty() {
            let errors: Vec<FieldError> =
                problems.iter().map(|(f, p)| self.error_for(f, p)).collect();
            let mut said: Vec<String> = Vec::new();
            for ((f, _), e) in problems.iter().zip(&errors) {
                let teacher = f.mistake_for(self.value(&f.id)).map(|m| m.message.clone());
                let m = teacher.unwrap_or_else(|| e.message.clone());
                if !said.contains(&m) {
                    said.push(m);
                }
            }
            self.slip(said);
            return Ok(Outcome::Rejected(errors));
        }
        let next = match a.target(&self.values) {
            Some(Target::Screen(id)) => self.scenario.screens.iter().position(|s| &s.id == id),
            _ => None,
        };
        match next {
            Some(i) => {
                self.screen = i;
                self.visited.push(i);
                if let Some(c) = self.scenario.screens[i].clock {
                    self.clock = c;
                }
                Ok(Outcome::Moved {
                    screen: self.screen().id.clone(),
                })
            }
            None => {
                self.finished = true;
                Ok(Outcome::Finished)
            }
        }
    }

    /// Guided mode: the next control and what to do there. `None` in practice mode or at the
    /// end.
    pub fn guide(&self) -> Option<Guide> {
        if self.mode == Mode::Practice || self.finished {
            return None;
        }
        let screen = self.screen();
        if let Some((f, _)) = screen.problems(&self.values, self.clock.date).first() {
            return Some(Guide {
                control: Control::Field(f.id.clone()),
                instruction: f.hint.clone(),
            });
        }
        screen.forward(self.clock).map(|a| Guide {
            control: Control::Action(a.id.clone()),
            instruction: a.hint.clone(),
        })
    }

    /// The report of the attempt so far, given the seconds it took.
    pub fn summary(&self, seconds: u32) -> Summary {
        let mut steps: Vec<StepReport> = Vec::new();
        for &i in &self.visited {
            let s = &self.scenario.screens[i];
            if steps.iter().any(|r| r.screen == s.id) {
                continue;
            }
            let mut report = StepReport {
                screen: s.id.clone(),
                title: s.title.clone(),
                mistakes: 0,
                messages: Vec::new(),
            };
            for slip in self.slips.iter().filter(|x| x.screen == s.id) {
                report.mistakes += 1;
                for m in &slip.messages {
                    if !report.messages.contains(m) {
                        report.messages.push(m.clone());
                    }
                }
            }
            steps.push(report);
        }
        let mistakes = self.slips.len() as u32;
        let completion = if self.finished {
            100
        } else {
            let total = self.scenario.screens.len().max(1) as u32;
            let passed = (steps.len() as u32).saturating_sub(1);
            (100 * passed / total).min(MAX_UNFINISHED)
        };
        let target = self.scenario.minutes * 60;
        let late = seconds.saturating_sub(target) / SECONDS_PER_POINT;
        let penalty =
            (mistakes * MISTAKE_PENALTY).min(MAX_MISTAKE_PENALTY) + late.min(MAX_TIME_PENALTY);
        Summary {
            scenario: self.scenario.id.clone(),
            mode: self.mode,
            finished: self.finished,
            score: completion.saturating_sub(penalty) as u8,
            seconds,
            mistakes,
            review: steps
                .iter()
                .filter(|r| r.mistakes > 0)
                .map(|r| r.screen.clone())
                .collect(),
            steps,
        }
    }
}

impl Summary {
    /// The compact record the progress store keeps.
    pub fn record(&self, at: i64) -> AttemptRecord {
        AttemptRecord {
            id: self.scenario.clone(),
            at,
            mode: self.mode,
            score: self.score,
            secs: self.seconds,
            done: self.finished,
            steps: self
                .steps
                .iter()
                .filter(|r| r.mistakes > 0)
                .map(|r| (r.screen.clone(), r.mistakes))
                .collect(),
        }
    }
}
