//! Checks a scenario file as a whole and against its translation, so a broken walkthrough fails
//! the build with `lessons/walkthroughs/FILE:LINE: reason` instead of confusing a classroom.
//!
//! Besides references (screens, fields, options) every scenario is *played* with its `example:`
//! values (`playthrough.rs`). Depends on `std` only (used by `build.rs`).

use super::logic::same_value;
use super::parse::parse_scenario;
use super::playthrough::play;
use super::rules::Rule;
use super::scenario::{FieldKind, PanelKind, Scenario, Target};
use crate::content::syntax::{ContentError, Lang, lang_of_file, provenance_missing};
use std::collections::{BTreeMap, BTreeSet};

/// A problem at `line` of a scenario file (0: the whole file).
pub(super) fn err(sc: &Scenario, line: usize, reason: String) -> ContentError {
    ContentError {
        file: format!("walkthroughs/{}", sc.file),
        line,
        reason,
    }
}

/// Parses and checks every scenario file (`ID.vi.md` / `ID.en.md`). Returns all of them, both
/// languages, or every problem found.
pub fn check_scenarios(files: &[(&str, &str)]) -> Result<Vec<Scenario>, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut good: BTreeMap<(String, Lang), Scenario> = BTreeMap::new();
    for (file, text) in files {
        if lang_of_file(file).is_none() {
            errors.push(ContentError {
                file: format!("walkthroughs/{file}"),
                line: 0,
                reason: "a walkthrough file must be named ID.vi.md or ID.en.md".into(),
            });
            continue;
        }
        match parse_scenario(file, text) {
            Ok(sc) => {
                let mut found = check_scenario(&sc);
                // Like a lesson, a walkthrough says when it was checked and against what.
                if let Some(reason) = provenance_missing(&sc.provenance) {
                    found.push(err(&sc, 1, reason));
                }
                if found.is_empty() {
                    good.insert((sc.id.clone(), sc.lang), sc);
                } else {
                    errors.extend(found);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    for (id, _) in good.keys() {
        ids.insert(id);
    }
    for id in ids {
        match (
            good.get(&(id.to_string(), Lang::Vi)),
            good.get(&(id.to_string(), Lang::En)),
        ) {
            (Some(vi), Some(en)) => errors.extend(check_pair(vi, en)),
            (Some(one), None) | (None, Some(one)) => {
                let other = if one.lang == Lang::Vi { "en" } else { "vi" };
                // Only report a missing translation, not one that exists but is broken.
                if !files.iter().any(|(f, _)| *f == format!("{id}.{other}.md")) {
                    errors.push(err(
                        one,
                        0,
                        format!("the translation {id}.{other}.md is missing"),
                    ));
                }
            }
            (None, None) => {}
        }
    }
    for lang in Lang::ALL {
        let mut orders: BTreeMap<u32, &str> = BTreeMap::new();
        for sc in good.values().filter(|s| s.lang == lang) {
            if let Some(other) = orders.insert(sc.order, &sc.file) {
                errors.push(err(
                    sc,
                    0,
                    format!("`order: {}` is also used by {other}", sc.order),
                ));
            }
        }
    }
    if errors.is_empty() {
        let mut all: Vec<Scenario> = good.into_values().collect();
        all.sort_by_key(|s| (s.order, s.lang));
        Ok(all)
    } else {
        Err(errors)
    }
}

/// Every problem in one scenario file on its own.
pub fn check_scenario(sc: &Scenario) -> Vec<ContentError> {
    let mut out = Vec::new();
    let stem = format!("{}.{}.md", sc.id, sc.lang.code());
    if sc.file != stem {
        out.push(err(
            sc,
            0,
            format!("the file of walkthrough `{}` must be named {stem}", sc.id),
        ));
    }
    if sc.title.is_empty() || sc.summary.is_empty() {
        out.push(err(sc, 1, "`title` and `summary` must not be empty".into()));
    }
    if !(2..=30).contains(&sc.minutes) {
        out.push(err(
            sc,
            1,
            format!("`minutes` should be 2 to 30, found {}", sc.minutes),
        ));
    }
    if sc.screens.is_empty() {
        out.push(err(
            sc,
            0,
            "a walkthrough needs at least one `::screen`".into(),
        ));
        return out;
    }
    check_references(sc, &mut out);
    if out.is_empty() {
        play(sc, &mut out);
    }
    out
}

fn check_references(sc: &Scenario, out: &mut Vec<ContentError>) {
    let mut screen_ids = BTreeSet::new();
    let mut field_ids: Vec<&str> = Vec::new();
    for s in &sc.screens {
        if !screen_ids.insert(s.id.as_str()) {
            out.push(err(
                sc,
                s.line,
                format!("screen id `{}` is used twice", s.id),
            ));
        }
        if s.title.is_empty() {
            out.push(err(
                sc,
                s.line,
                format!("screen `{}` needs a `title:`", s.id),
            ));
        }
        for p in &s.panels {
            let rows_needed = matches!(
                p.kind,
                PanelKind::Info | PanelKind::Receipt | PanelKind::Timeline
            );
            if rows_needed && p.rows.len() < 2 {
                out.push(err(
                    sc,
                    p.line,
                    "this panel needs at least two `- label => value` rows".into(),
                ));
            }
            if !rows_needed && p.texts.is_empty() && p.rows.is_empty() {
                out.push(err(
                    sc,
                    p.line,
                    "this panel is empty: add `text:` lines".into(),
                ));
            }
            if p.kind.caption_is_data() && p.caption.is_empty() {
                out.push(err(
                    sc,
                    p.line,
                    "write the sender, caller or address after the panel kind".into(),
                ));
            }
            if p.kind == PanelKind::Timeline
                && p.rows.iter().filter(|(s, _)| s == "current").count() > 1
            {
                out.push(err(
                    sc,
                    p.line,
                    "a timeline has at most one `current` step".into(),
                ));
            }
        }
        for f in &s.fields {
            let at = |r: String| err(sc, f.line, format!("field `{}`: {r}", f.id));
            if field_ids.contains(&f.id.as_str()) {
                out.push(at("this id is used twice in the walkthrough".into()));
            }
            if f.label.is_empty() {
                out.push(at("needs a `label:`".into()));
            }
            let known = |id: &str| field_ids.contains(&id) || id == f.id;
            if let Some(c) = &f.when
                && !known(&c.field)
            {
                out.push(at(format!(
                    "`when` refers to `{}`, which is not a field before it",
                    c.field
                )));
            }
            for (rule, line) in &f.rules {
                if let Some(other) = rule.other_field()
                    && !field_ids.contains(&other)
                {
                    out.push(err(
                        sc,
                        *line,
                        format!("the rule refers to `{other}`, which is not a field before it"),
                    ));
                }
                let fits = match rule {
                    Rule::Choose(_) | Rule::Set(_) => f.kind.is_multi(),
                    Rule::Files { .. } => f.kind == FieldKind::Files,
                    _ => !matches!(f.kind, FieldKind::Checkbox | FieldKind::Files),
                };
                if !fits {
                    out.push(err(
                        sc,
                        *line,
                        format!("this rule does not fit a field of this kind (`{}`)", f.id),
                    ));
                }
            }
            if f.prefill.is_some() {
                if !(f.rules.is_empty() && f.examples.is_empty() && f.mistakes.is_empty()) {
                    out.push(at(
                        "a `prefill:` field is read-only: remove its rules, examples and mistakes"
                            .into(),
                    ));
                }
            } else {
                if f.hint.is_empty() {
                    out.push(at("needs a `hint:` (the guided-mode instruction)".into()));
                }
                if f.examples.is_empty() {
                    out.push(at("needs an `example:` (a correct value)".into()));
                }
            }
            let min_choices = if f.kind == FieldKind::Files { 1 } else { 2 };
            if f.kind.has_choices() && f.choices.len() < min_choices {
                out.push(at(format!(
                    "needs at least {min_choices} `- value => text` options"
                )));
            }
            if f.kind == FieldKind::Files
                && !f.rules.iter().any(|(r, _)| matches!(r, Rule::Files { .. }))
            {
                out.push(at("a document tray needs a `rule: files TYPES …`".into()));
            }
            if f.kind == FieldKind::Captcha && f.code.is_none() {
                out.push(at(
                    "a captcha needs `code:` (the characters its picture shows)".into(),
                ));
            }
            match &f.parent {
                Some(parent) => match sc.field(parent) {
                    Some(pf)
                        if field_ids.contains(&parent.as_str()) && pf.kind == FieldKind::Select =>
                    {
                        for c in &f.choices {
                            let ok = c
                                .parent
                                .as_ref()
                                .is_some_and(|p| pf.choices.iter().any(|o| &o.value == p));
                            if !ok {
                                out.push(at(format!("option `{}` must be written `- PARENT/{}` with a value of `{parent}`", c.value, c.value)));
                            }
                        }
                    }
                    _ => out.push(at(format!(
                        "`parent: {parent}` must be a select field before this one"
                    ))),
                },
                None => {
                    if f.choices.iter().any(|c| c.parent.is_some()) {
                        out.push(at(
                            "options written `PARENT/value` need a `parent:` field".into()
                        ));
                    }
                }
            }
            for (i, m) in f.mistakes.iter().enumerate() {
                if f.examples.iter().any(|e| same_value(f.kind, e, &m.value)) {
                    out.push(err(
                        sc,
                        m.line,
                        format!("the mistake `{}` is also an example", m.value),
                    ));
                }
                if f.mistakes[..i]
                    .iter()
                    .any(|o| same_value(f.kind, &o.value, &m.value))
                {
                    out.push(err(
                        sc,
                        m.line,
                        format!("the mistake `{}` is listed twice", m.value),
                    ));
                }
            }
            field_ids.push(&f.id);
        }
        let mut action_ids = BTreeSet::new();
        for a in &s.actions {
            let at = |r: &str| err(sc, a.line, format!("action `{}`: {r}", a.id));
            if !action_ids.insert(a.id.as_str()) {
                out.push(at("this id is used twice on the screen"));
            }
            if a.label.is_empty() {
                out.push(at("needs a `label:`"));
            }
            match (&a.wrong, a.gotos.is_empty()) {
                (Some(_), false) => out.push(at("a trap (`wrong:`) cannot also have `goto:`")),
                (None, true) => out.push(at(
                    "needs `goto: SCREEN` (or `goto: end`), or `wrong: message` for a trap",
                )),
                (None, false) if a.hint.is_empty() => {
                    out.push(at("needs a `hint:` (the guided-mode instruction)"))
                }
                _ => {}
            }
            for (i, g) in a.gotos.iter().enumerate() {
                let last = i + 1 == a.gotos.len();
                if last == g.when.is_some() {
                    out.push(at("every `goto` but the last needs `if FIELD = VALUE`; the last must have none"));
                }
                if let Target::Screen(t) = &g.target
                    && !sc.screens.iter().any(|x| &x.id == t)
                {
                    out.push(at(&format!("`goto: {t}`: there is no such screen")));
                }
                if let Some(c) = &g.when
                    && sc.field(&c.field).is_none()
                {
                    out.push(at(&format!(
                        "`if` refers to `{}`, which is not a field",
                        c.field
                    )));
                }
            }
        }
        if !s.actions.iter().any(|a| a.moves_on()) {
            out.push(err(
                sc,
                s.line,
                format!("screen `{}` needs an action with `goto:`", s.id),
            ));
        }
    }
}

/// The language-neutral shape of each element of a list, with its line.
type Shapes = Vec<(String, usize)>;

/// Differences between a scenario and its translation: only texts may differ.
pub fn check_pair(vi: &Scenario, en: &Scenario) -> Vec<ContentError> {
    let mut out = Vec::new();
    let differ = |line: usize, what: String, vi_line: usize| {
        err(
            en,
            line,
            format!(
                "{what} differs from {} line {vi_line}: only texts may differ between languages",
                vi.file
            ),
        )
    };
    if (
        vi.order,
        vi.minutes,
        vi.now,
        &vi.site,
        vi.required,
        &vi.provenance.checked,
    ) != (
        en.order,
        en.minutes,
        en.now,
        &en.site,
        en.required,
        &en.provenance.checked,
    ) {
        out.push(differ(
            1,
            "the front matter (order, minutes, now, site, required or checked)".into(),
            1,
        ));
    }
    if vi.screens.len() != en.screens.len() {
        out.push(err(
            en,
            0,
            format!(
                "has {} screens but {} has {}",
                en.screens.len(),
                vi.file,
                vi.screens.len()
            ),
        ));
    }
    for (v, e) in vi.screens.iter().zip(&en.screens) {
        if (&v.id, &v.site, v.device, v.clock) != (&e.id, &e.site, e.device, e.clock) {
            out.push(differ(
                e.line,
                format!("screen `{}` (id, site, device or clock)", e.id),
                v.line,
            ));
            continue;
        }
        let panel = |p: &super::scenario::Panel| {
            let caption = if p.kind.caption_is_data() {
                p.caption.as_str()
            } else {
                ""
            };
            let timeline = if p.kind == PanelKind::Timeline {
                p.rows.iter().map(|r| r.0.as_str()).collect()
            } else {
                Vec::new()
            };
            format!("{:?}", (p.kind, caption, p.rows.len(), timeline))
        };
        let field = |f: &super::scenario::Field| {
            let choices: Vec<_> = f
                .choices
                .iter()
                .map(|c| (&c.value, &c.parent, c.size_kb))
                .collect();
            let mistakes: Vec<_> = f.mistakes.iter().map(|m| &m.value).collect();
            format!(
                "{:?}",
                (
                    &f.id,
                    f.kind,
                    f.required,
                    &f.rules.iter().map(|r| &r.0).collect::<Vec<_>>(),
                    &f.examples,
                    mistakes,
                    &f.when,
                    &f.parent,
                    &f.prefill,
                    &f.code,
                    choices
                )
            )
        };
        let action = |a: &super::scenario::Action| {
            format!(
                "{:?}",
                (&a.id, &a.gotos, a.wrong.is_some(), a.until, a.on_phone)
            )
        };
        let lists: [(&str, Shapes, Shapes); 3] = [
            (
                "panels",
                v.panels.iter().map(|p| (panel(p), p.line)).collect(),
                e.panels.iter().map(|p| (panel(p), p.line)).collect(),
            ),
            (
                "fields",
                v.fields.iter().map(|f| (field(f), f.line)).collect(),
                e.fields.iter().map(|f| (field(f), f.line)).collect(),
            ),
            (
                "actions",
                v.actions.iter().map(|a| (action(a), a.line)).collect(),
                e.actions.iter().map(|a| (action(a), a.line)).collect(),
            ),
        ];
        for (what, vs, es) in lists {
            if vs.len() != es.len() {
                out.push(differ(
                    e.line,
                    format!("the number of {what} on screen `{}`", e.id),
                    v.line,
                ));
                continue;
            }
            if let Some(((_, vl), (_, el))) = vs.iter().zip(&es).find(|(a, b)| a.0 != b.0) {
                let kind = &what[..what.len() - 1];
                out.push(differ(
                    *el,
                    format!(
                        "this {kind} (ids, kinds, rules, examples, mistakes, options or targets)"
                    ),
                    *vl,
                ));
            }
        }
    }
    out
}
