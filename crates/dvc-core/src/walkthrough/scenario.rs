//! A walkthrough scenario as data: screens of a replica portal or phone app, the panels they show
//! (an SMS, a procedure page, a status timeline, a receipt …), the fields a student fills in with
//! the rules each must satisfy, and the actions that move on, branch or trap.
//!
//! Types only: the logic on them (visibility, problems, targets) is in `logic.rs`, parsing in
//! `parse.rs` and `lines.rs`, the checks (`check_scenarios`) in `verify.rs`. Depends on `std`
//! and `crate::content::syntax` only (`build.rs` runs the checks on it).

use super::formats::{RuleError, Stamp};
use super::rules::Rule;
use crate::content::syntax::Lang;
use std::collections::BTreeMap;

/// Values entered so far, by field id. Multi-choice values are `"a, b"`; ticks `"yes"`/`"no"`.
pub type Values = BTreeMap<String, String>;

/// One scenario file, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// File name, e.g. `kich-hoat-vneid.vi.md`.
    pub file: String,
    /// Language from the file name.
    pub lang: Lang,
    /// Stable id, equal across languages and to the file name.
    pub id: String,
    /// Position in the list of walkthroughs.
    pub order: u32,
    /// Title.
    pub title: String,
    /// One-line summary.
    pub summary: String,
    /// Minutes a student needs; also the time target of practice mode.
    pub minutes: u32,
    /// The simulated clock when the walkthrough starts (dates are checked against it).
    pub now: Stamp,
    /// What the address bar shows by default (a fake domain).
    pub site: String,
    /// Counts toward completion (`required: no` makes it extra; default yes).
    pub required: bool,
    /// `checked:` date and `source:` lines, shown at the end of the walkthrough.
    pub provenance: crate::content::syntax::Provenance,
    /// Screens, the first one is where the walkthrough starts.
    pub screens: Vec<Screen>,
}

/// Where the UI draws a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Device {
    /// A browser window on a computer.
    Computer,
    /// The simulated phone (the VNeID app, SMS).
    Phone,
}

/// One screen of the replica.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    /// Unique in the scenario.
    pub id: String,
    /// Line of `::screen` in the file.
    pub line: usize,
    /// Page title, worded like the real portal.
    pub title: String,
    /// Address bar or app name.
    pub site: String,
    /// Computer or phone.
    pub device: Device,
    /// Moves the simulated clock when this screen is reached (a story time jump).
    pub clock: Option<Stamp>,
    /// Paragraphs shown on the page.
    pub texts: Vec<String>,
    /// Things shown, not filled in.
    pub panels: Vec<Panel>,
    /// Inputs.
    pub fields: Vec<Field>,
    /// Buttons.
    pub actions: Vec<Action>,
}

/// The kinds of display-only panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelKind {
    /// A boxed paragraph; caption is its title.
    Note,
    /// A table of `label => value` (a procedure page); caption is its title.
    Info,
    /// An SMS on the simulated phone; caption is the sender.
    Sms,
    /// A phone call, text lines are what the caller says; caption is the caller's number.
    Call,
    /// A web page opened from a link; caption is its address.
    Web,
    /// A QR code to scan with the phone; caption is the text under it.
    Qr,
    /// A status timeline: rows `done|current|todo => status`.
    Timeline,
    /// A receipt or result table; caption is its title.
    Receipt,
}

impl PanelKind {
    /// Every kind with its keyword.
    pub const ALL: [(PanelKind, &'static str); 8] = [
        (PanelKind::Note, "note"),
        (PanelKind::Info, "info"),
        (PanelKind::Sms, "sms"),
        (PanelKind::Call, "call"),
        (PanelKind::Web, "web"),
        (PanelKind::Qr, "qr"),
        (PanelKind::Timeline, "timeline"),
        (PanelKind::Receipt, "receipt"),
    ];

    /// True when the caption is data (a sender, an address) and must be equal across languages.
    pub fn caption_is_data(self) -> bool {
        matches!(self, PanelKind::Sms | PanelKind::Call | PanelKind::Web)
    }
}

/// A step of a status timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    /// Passed.
    Done,
    /// Where the dossier is now.
    Current,
    /// Not reached yet.
    Todo,
}

/// A display-only panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    /// What it is.
    pub kind: PanelKind,
    /// Title, sender, address or caption (see [`PanelKind`]).
    pub caption: String,
    /// Line of `::panel`.
    pub line: usize,
    /// Paragraphs (`text:` lines).
    pub texts: Vec<String>,
    /// `- label => value` rows; for a timeline the label is `done`, `current` or `todo`.
    pub rows: Vec<(String, String)>,
}

impl Panel {
    /// The timeline steps, for a [`PanelKind::Timeline`] panel.
    pub fn steps(&self) -> Vec<(StepState, &str)> {
        self.rows
            .iter()
            .filter_map(|(state, label)| {
                let s = match state.as_str() {
                    "done" => StepState::Done,
                    "current" => StepState::Current,
                    "todo" => StepState::Todo,
                    _ => return None,
                };
                Some((s, label.as_str()))
            })
            .collect()
    }
}

/// The widgets the UI draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One-line text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A whole number.
    Number,
    /// A date dd/mm/yyyy.
    Date,
    /// A password (hidden).
    Password,
    /// A drop-down list; with `parent:` a cascade (tỉnh → xã).
    Select,
    /// One of several round buttons.
    Radio,
    /// Several boxes, any number ticked.
    Checkbox,
    /// One box to tick ("Tôi xin cam đoan…"): value `yes` or `no`.
    Tick,
    /// A document tray: sample files with a type and size to attach.
    Files,
    /// A code received by SMS on the simulated phone.
    Otp,
    /// A picture of characters to copy (`code:` holds them).
    Captcha,
    /// The 5-level satisfaction scale.
    Rating,
}

impl FieldKind {
    /// Every kind with its keyword.
    pub const ALL: [(FieldKind, &'static str); 13] = [
        (FieldKind::Text, "text"),
        (FieldKind::Textarea, "textarea"),
        (FieldKind::Number, "number"),
        (FieldKind::Date, "date"),
        (FieldKind::Password, "password"),
        (FieldKind::Select, "select"),
        (FieldKind::Radio, "radio"),
        (FieldKind::Checkbox, "checkbox"),
        (FieldKind::Tick, "tick"),
        (FieldKind::Files, "files"),
        (FieldKind::Otp, "otp"),
        (FieldKind::Captcha, "captcha"),
        (FieldKind::Rating, "rating"),
    ];

    /// The value must be one of the field's choices.
    pub fn has_choices(self) -> bool {
        matches!(
            self,
            FieldKind::Select
                | FieldKind::Radio
                | FieldKind::Checkbox
                | FieldKind::Files
                | FieldKind::Rating
        )
    }

    /// The value is a list (`"a, b"`).
    pub fn is_multi(self) -> bool {
        matches!(self, FieldKind::Checkbox | FieldKind::Files)
    }
}

/// The 5 levels of the satisfaction scale, best first, with their value.
pub fn rating_levels(lang: Lang) -> [(&'static str, &'static str); 5] {
    match lang {
        Lang::Vi => [
            ("5", "Rất hài lòng"),
            ("4", "Hài lòng"),
            ("3", "Bình thường"),
            ("2", "Không hài lòng"),
            ("1", "Rất không hài lòng"),
        ],
        Lang::En => [
            ("5", "Very satisfied"),
            ("4", "Satisfied"),
            ("3", "Neutral"),
            ("2", "Dissatisfied"),
            ("1", "Very dissatisfied"),
        ],
    }
}

/// An option of a select, radio, checkbox, rating, or a file in the document tray.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// What is stored (an id or a file name), equal across languages.
    pub value: String,
    /// What the student sees.
    pub label: String,
    /// For a cascade: the value of the parent field this option belongs to.
    pub parent: Option<String>,
    /// For a tray file: its size in KB.
    pub size_kb: Option<u32>,
}

/// A typical wrong value and the teacher's explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// The wrong value.
    pub value: String,
    /// Why it is wrong and what to do.
    pub message: String,
    /// Line of `mistake:`.
    pub line: usize,
}

/// How a condition compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CondOp {
    /// `FIELD = VALUE`
    Is,
    /// `FIELD != VALUE`
    IsNot,
    /// `FIELD has VALUE` (a ticked box, an attached file).
    Has,
}

/// `FIELD = VALUE`, `FIELD != VALUE` or `FIELD has VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Field id.
    pub field: String,
    /// Comparison.
    pub op: CondOp,
    /// Value compared with.
    pub value: String,
}

/// One input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Unique in the scenario.
    pub id: String,
    /// Widget.
    pub kind: FieldKind,
    /// Line of `::field`.
    pub line: usize,
    /// Label next to the input.
    pub label: String,
    /// Marked `*`: must not be empty.
    pub required: bool,
    /// The guided-mode instruction.
    pub hint: String,
    /// Small print under the input (e.g. "danh sách rút gọn, giả định").
    pub help: String,
    /// Rules, in order, with their lines.
    pub rules: Vec<(Rule, usize)>,
    /// Correct values; the first drives the main path, others drive branches.
    pub examples: Vec<String>,
    /// Typical mistakes.
    pub mistakes: Vec<Mistake>,
    /// Shown only when this holds.
    pub when: Option<Condition>,
    /// Cascade parent field.
    pub parent: Option<String>,
    /// Read-only value pre-filled from the population database.
    pub prefill: Option<String>,
    /// For a captcha: the characters its picture shows.
    pub code: Option<String>,
    /// Options, tray files or rating levels.
    pub choices: Vec<Choice>,
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty but marked `*`.
    Required,
    /// Not one of the options.
    NotAnOption,
    /// Breaks a rule.
    Rule(RuleError),
}

/// Where an action leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Another screen, by id.
    Screen(String),
    /// The walkthrough is complete.
    End,
}

/// `goto: SCREEN [if CONDITION]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goto {
    /// Destination.
    pub target: Target,
    /// Taken only when this holds; the last `goto` of an action has none.
    pub when: Option<Condition>,
}

/// A button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// Unique on its screen.
    pub id: String,
    /// Line of `::action`.
    pub line: usize,
    /// Button text.
    pub label: String,
    /// The guided-mode instruction.
    pub hint: String,
    /// Destinations, first whose condition holds (empty for a trap).
    pub gotos: Vec<Goto>,
    /// A trap: pressing it is a mistake, explained by this message.
    pub wrong: Option<String>,
    /// Refused once the simulated clock is past this deadline.
    pub until: Option<Stamp>,
    /// The button is on the simulated phone (e.g. "Quét mã QR" in the VNeID app).
    pub on_phone: bool,
}
