//! The pure logic on scenario data that both the engine and the build-time checker need: when
//! a condition holds, which fields are visible and which options they offer, what is wrong with
//! a value, where a button leads, and the starting values.
//!
//! Depends on `std` only (`build.rs` uses it).

use super::formats::Stamp;
use super::formats::{Date, items};
use super::rules::Ctx;
use super::scenario::{
    Action, Choice, CondOp, Condition, Field, FieldKind, Mistake, Problem, Scenario, Screen,
    Target, Values,
};

impl Condition {
    /// Whether it holds for these values.
    pub fn holds(&self, values: &Values) -> bool {
        let v = values.get(&self.field).map(String::as_str).unwrap_or("");
        match self.op {
            CondOp::Is => v.trim() == self.value,
            CondOp::IsNot => v.trim() != self.value,
            CondOp::Has => items(v).contains(&self.value.as_str()),
        }
    }
}

impl Field {
    /// False for read-only pre-filled fields.
    pub fn is_input(&self) -> bool {
        self.prefill.is_none()
    }

    /// Whether the field is shown for these values.
    pub fn visible(&self, values: &Values) -> bool {
        self.when.as_ref().is_none_or(|c| c.holds(values))
    }

    /// The options to offer now: for a cascade, those of the chosen parent.
    pub fn choices_for(&self, values: &Values) -> Vec<&Choice> {
        let parent = self
            .parent
            .as_ref()
            .map(|p| values.get(p).map(String::as_str).unwrap_or(""));
        self.choices
            .iter()
            .filter(|c| parent.is_none() || c.parent.as_deref() == parent)
            .collect()
    }

    /// The declared mistake this value is, if any (lists compare as sets, text ignores case).
    pub fn mistake_for(&self, value: &str) -> Option<&Mistake> {
        self.mistakes
            .iter()
            .find(|m| same_value(self.kind, &m.value, value))
    }

    /// What is wrong with the value, if anything.
    pub fn problem(&self, values: &Values, today: Date) -> Option<Problem> {
        let value = values.get(&self.id).map(String::as_str).unwrap_or("");
        let empty = match self.kind {
            FieldKind::Tick => value.trim() != "yes",
            _ => value.trim().is_empty(),
        };
        if empty {
            return self.required.then_some(Problem::Required);
        }
        if self.kind.has_choices() {
            let offered = self.choices_for(values);
            let mut chosen = items(value);
            if !self.kind.is_multi() {
                chosen = vec![value.trim()];
            }
            if chosen
                .iter()
                .any(|c| !offered.iter().any(|o| o.value == *c))
            {
                return Some(Problem::NotAnOption);
            }
        }
        let ctx = Ctx {
            today,
            tray: self
                .choices
                .iter()
                .filter_map(|c| c.size_kb.map(|s| (c.value.as_str(), s)))
                .collect(),
            values,
        };
        self.rules
            .iter()
            .find_map(|(rule, _)| rule.check(value, &ctx).err())
            .map(Problem::Rule)
    }
}

/// Two values are the same answer: lists as sets, passwords exactly, other text ignoring case
/// and extra spaces.
pub fn same_value(kind: FieldKind, a: &str, b: &str) -> bool {
    if kind == FieldKind::Password {
        a.trim() == b.trim()
    } else if kind.is_multi() {
        let (mut x, mut y) = (items(a), items(b));
        x.sort_unstable();
        y.sort_unstable();
        x == y
    } else {
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        norm(a) == norm(b)
    }
}

impl Action {
    /// True for a button that moves on (not a trap).
    pub fn moves_on(&self) -> bool {
        self.wrong.is_none() && !self.gotos.is_empty()
    }

    /// Refused at this moment because its deadline has passed.
    pub fn locked_at(&self, now: Stamp) -> bool {
        self.until.is_some_and(|u| now > u)
    }

    /// Where it leads with these values.
    pub fn target(&self, values: &Values) -> Option<&Target> {
        self.gotos
            .iter()
            .find(|g| g.when.as_ref().is_none_or(|c| c.holds(values)))
            .map(|g| &g.target)
    }
}

impl Screen {
    /// Every visible field that is wrong, in screen order.
    pub fn problems(&self, values: &Values, today: Date) -> Vec<(&Field, Problem)> {
        self.fields
            .iter()
            .filter(|f| f.is_input() && f.visible(values))
            .filter_map(|f| f.problem(values, today).map(|p| (f, p)))
            .collect()
    }

    /// The action a guide points to: the first that moves on and is not locked.
    pub fn forward(&self, now: Stamp) -> Option<&Action> {
        self.actions
            .iter()
            .find(|a| a.moves_on() && !a.locked_at(now))
    }
}

impl Scenario {
    /// A screen by id.
    pub fn screen(&self, id: &str) -> Option<&Screen> {
        self.screens.iter().find(|s| s.id == id)
    }

    /// A field by id, on any screen.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.screens
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id == id)
    }

    /// Values at the start: pre-filled fields, and every tick box unticked.
    pub fn initial_values(&self) -> Values {
        let mut v = Values::new();
        for f in self.screens.iter().flat_map(|s| &s.fields) {
            if let Some(p) = &f.prefill {
                v.insert(f.id.clone(), p.clone());
            } else if f.kind == FieldKind::Tick {
                v.insert(f.id.clone(), "no".into());
            }
        }
        v
    }
}
