//! The lines inside a scenario block: `key: value` lines and `- ` items of `::screen`,
//! `::panel`, `::field` and `::action` (format in `lessons/walkthroughs/README.md`), plus the
//! small value parsers they share with `parse.rs`.
//!
//! Depends on `std` only (used by `build.rs`).

use super::formats::Stamp;
use super::rules::Rule;
use super::scenario::{
    Choice, CondOp, Condition, Device, FieldKind, Goto, Mistake, PanelKind, Scenario, Screen,
    Target,
};
use crate::content::syntax::ContentError;

/// The file being parsed, for error messages.
pub(super) struct Parser<'a> {
    pub(super) file: &'a str,
}

impl Parser<'_> {
    /// A problem at `line` of this file.
    pub(super) fn err(&self, line: usize, reason: impl Into<String>) -> ContentError {
        ContentError {
            file: format!("walkthroughs/{}", self.file),
            line,
            reason: reason.into(),
        }
    }
}

/// Ids use a-z, 0-9 and `-`.
pub(super) fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn yes_no(p: &Parser<'_>, n: usize, key: &str, v: &str) -> Result<bool, ContentError> {
    match v {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(p.err(n, format!("`{key}` must be `yes` or `no`, found `{v}`"))),
    }
}

/// Parses `dd/mm/yyyy hh:mm` or explains the format.
pub(super) fn stamp(p: &Parser<'_>, n: usize, key: &str, v: &str) -> Result<Stamp, ContentError> {
    Stamp::parse(v).ok_or_else(|| {
        p.err(
            n,
            format!("`{key}` must be a moment written `dd/mm/yyyy hh:mm`, found `{v}`"),
        )
    })
}

/// Parses `computer` or `phone`.
pub(super) fn device(p: &Parser<'_>, n: usize, v: &str) -> Result<Device, ContentError> {
    match v {
        "computer" => Ok(Device::Computer),
        "phone" => Ok(Device::Phone),
        _ => Err(p.err(
            n,
            format!("`device` must be `computer` or `phone`, found `{v}`"),
        )),
    }
}

/// Parses `FIELD = VALUE`, `FIELD != VALUE` or `FIELD has VALUE`.
pub fn parse_condition(s: &str) -> Option<Condition> {
    let (field, op, value) = if let Some((f, v)) = s.split_once(" != ") {
        (f, CondOp::IsNot, v)
    } else if let Some((f, v)) = s.split_once(" = ") {
        (f, CondOp::Is, v)
    } else if let Some((f, v)) = s.split_once(" has ") {
        (f, CondOp::Has, v)
    } else {
        return None;
    };
    let (field, value) = (field.trim(), value.trim());
    (valid_id(field) && !value.is_empty()).then(|| Condition {
        field: field.to_string(),
        op,
        value: value.to_string(),
    })
}

/// The block being read.
pub(super) enum Block {
    None,
    Screen,
    Panel,
    Field,
    Action,
}

/// The screen the current block belongs to.
pub(super) fn current_screen(sc: &mut Scenario) -> Result<&mut Screen, ContentError> {
    let file = format!("walkthroughs/{}", sc.file);
    sc.screens.last_mut().ok_or(ContentError {
        file,
        line: 0,
        reason: "no screen".into(),
    })
}

/// A `- left => right` item: a panel row or a field option.
pub(super) fn item_line(
    p: &Parser<'_>,
    n: usize,
    item: &str,
    block: &Block,
    sc: &mut Scenario,
) -> Result<(), ContentError> {
    if matches!(block, Block::None) {
        return Err(p.err(n, "write a `::screen` before anything else"));
    }
    let screen = current_screen(sc)?;
    let (left, right) = item
        .split_once("=>")
        .map(|(l, r)| (l.trim(), r.trim()))
        .ok_or_else(|| p.err(n, "write an item as `- value => text`"))?;
    if left.is_empty() || right.is_empty() {
        return Err(p.err(n, "an item needs something on both sides of `=>`"));
    }
    match block {
        Block::Panel => {
            if let Some(panel) = screen.panels.last_mut() {
                if panel.kind == PanelKind::Timeline && !matches!(left, "done" | "current" | "todo")
                {
                    return Err(p.err(n, format!("a timeline step starts with `done`, `current` or `todo`, found `{left}`")));
                }
                panel.rows.push((left.to_string(), right.to_string()));
            }
            Ok(())
        }
        Block::Field => {
            let Some(field) = screen.fields.last_mut() else {
                return Ok(());
            };
            if !field.kind.has_choices() || field.kind == FieldKind::Rating {
                return Err(p.err(
                    n,
                    format!("a `{}` field has no options", keyword(field.kind)),
                ));
            }
            let (value, parent, size_kb) = if field.kind == FieldKind::Files {
                let (name, size) = left.split_once(' ').ok_or_else(|| {
                    p.err(
                        n,
                        "a tray file is written `- name.pdf SIZE_MB => description`",
                    )
                })?;
                let mb: f64 = size.trim().parse().map_err(|_| {
                    p.err(
                        n,
                        format!("the size of `{name}` must be in MB, e.g. `1.5`, found `{size}`"),
                    )
                })?;
                (name.to_string(), None, Some((mb * 1000.0).round() as u32))
            } else if let Some((parent, value)) = left.split_once('/') {
                (
                    value.trim().to_string(),
                    Some(parent.trim().to_string()),
                    None,
                )
            } else {
                (left.to_string(), None, None)
            };
            if value.contains([',', '|']) || value.contains(char::is_whitespace) {
                return Err(p.err(
                    n,
                    format!("the option value `{value}` must not contain spaces, `,` or `|`"),
                ));
            }
            if field.choices.iter().any(|c| c.value == value) {
                return Err(p.err(n, format!("the option `{value}` is listed twice")));
            }
            field.choices.push(Choice {
                value,
                label: right.to_string(),
                parent,
                size_kb,
            });
            Ok(())
        }
        _ => Err(p.err(
            n,
            "`- ` items belong to a `::field` (options) or a `::panel` (rows)",
        )),
    }
}

fn keyword(kind: FieldKind) -> &'static str {
    FieldKind::ALL
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("?", |(_, w)| w)
}

/// A `key: value` line of the current block.
pub(super) fn key_line(
    p: &Parser<'_>,
    n: usize,
    key: &str,
    value: &str,
    block: &Block,
    sc: &mut Scenario,
) -> Result<(), ContentError> {
    let unknown = |what: &str, allowed: &str| {
        Err(p.err(
            n,
            format!("unknown key `{key}` in a {what} (use {allowed})"),
        ))
    };
    if matches!(block, Block::None) {
        return Err(p.err(n, "write a `::screen` before anything else"));
    }
    let screen = current_screen(sc)?;
    match block {
        Block::None => Ok(()),
        Block::Screen => {
            match key {
                "title" => screen.title = value.to_string(),
                "site" => screen.site = value.to_string(),
                "device" => screen.device = device(p, n, value)?,
                "clock" => screen.clock = Some(stamp(p, n, key, value)?),
                "text" => screen.texts.push(value.to_string()),
                _ => return unknown("screen", "title, site, device, clock, text"),
            }
            Ok(())
        }
        Block::Panel => {
            let Some(panel) = screen.panels.last_mut() else {
                return Ok(());
            };
            match key {
                "text" => panel.texts.push(value.to_string()),
                _ => return unknown("panel", "text, or `- label => value` rows"),
            }
            Ok(())
        }
        Block::Field => {
            let Some(f) = screen.fields.last_mut() else {
                return Ok(());
            };
            match key {
                "label" => f.label = value.to_string(),
                "required" => f.required = yes_no(p, n, key, value)?,
                "hint" => f.hint = value.to_string(),
                "help" => f.help = value.to_string(),
                "rule" => f
                    .rules
                    .push((Rule::parse(value).map_err(|e| p.err(n, e))?, n)),
                "example" => f.examples.push(value.to_string()),
                "mistake" => {
                    let (v, m) = value
                        .split_once("=>")
                        .map(|(v, m)| (v.trim(), m.trim()))
                        .filter(|(v, m)| !v.is_empty() && !m.is_empty())
                        .ok_or_else(|| p.err(n, "write `mistake: WRONG VALUE => message`"))?;
                    f.mistakes.push(Mistake {
                        value: v.to_string(),
                        message: m.to_string(),
                        line: n,
                    });
                }
                "when" => {
                    f.when = Some(parse_condition(value).ok_or_else(|| {
                        p.err(
                            n,
                            format!(
                                "write `when: FIELD = VALUE` (or `!=`, `has`), found `{value}`"
                            ),
                        )
                    })?)
                }
                "parent" => f.parent = Some(value.to_string()),
                "prefill" => f.prefill = Some(value.to_string()),
                "code" => f.code = Some(value.to_string()),
                _ => {
                    return unknown(
                        "field",
                        "label, required, hint, help, rule, example, mistake, when, parent, prefill, code",
                    );
                }
            }
            Ok(())
        }
        Block::Action => {
            let Some(a) = screen.actions.last_mut() else {
                return Ok(());
            };
            match key {
                "label" => a.label = value.to_string(),
                "hint" => a.hint = value.to_string(),
                "wrong" => a.wrong = Some(value.to_string()),
                "until" => a.until = Some(stamp(p, n, key, value)?),
                "on" => {
                    a.on_phone = match value {
                        "phone" => true,
                        "screen" => false,
                        _ => {
                            return Err(p.err(
                                n,
                                format!("`on` must be `phone` or `screen`, found `{value}`"),
                            ));
                        }
                    }
                }
                "goto" => {
                    let (target, cond) = match value.split_once(" if ") {
                        Some((t, c)) => (t.trim(), Some(c.trim())),
                        None => (value, None),
                    };
                    let when = match cond {
                        Some(c) => Some(parse_condition(c).ok_or_else(|| {
                            p.err(n, format!("write `goto: SCREEN if FIELD = VALUE` (or `!=`, `has`), found `{c}`"))
                        })?),
                        None => None,
                    };
                    let target = match target {
                        "end" => Target::End,
                        t if valid_id(t) => Target::Screen(t.to_string()),
                        t => {
                            return Err(p.err(
                                n,
                                format!("`goto` needs a screen id or `end`, found `{t}`"),
                            ));
                        }
                    };
                    a.gotos.push(Goto { target, when });
                }
                _ => return unknown("action", "label, hint, goto, wrong, until, on"),
            }
            Ok(())
        }
    }
}
