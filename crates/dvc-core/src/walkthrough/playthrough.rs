//! Plays a scenario at build time with its `example:` values, the way a student who knows the
//! answers would: each example must pass its rules, each `mistake:` must be refused, every
//! screen and field must be reachable, and every path (one per extra example: a branch) must
//! end. Depends on `std` only (used by `build.rs`).

use super::messages;
use super::scenario::{Problem, Scenario, Target, Values};
use super::verify::err;
use crate::content::syntax::{ContentError, Lang};
use std::collections::BTreeSet;

/// Plays the walkthrough with the example values: the first example of every field, then once
/// more for every other example (a branch).
pub(super) fn play(sc: &Scenario, out: &mut Vec<ContentError>) {
    let mut variants: Vec<Option<(&str, &str)>> = vec![None];
    for f in sc.screens.iter().flat_map(|s| &s.fields) {
        for e in f.examples.iter().skip(1) {
            variants.push(Some((&f.id, e)));
        }
    }
    let mut seen_screens: BTreeSet<&str> = BTreeSet::new();
    let mut seen_fields: BTreeSet<&str> = BTreeSet::new();
    for variant in variants {
        let example = |id: &str| -> Option<String> {
            match variant {
                Some((f, e)) if f == id => Some(e.to_string()),
                _ => sc.field(id).and_then(|f| f.examples.first().cloned()),
            }
        };
        let mut values: Values = sc.initial_values();
        let mut clock = sc.now;
        let mut screen = &sc.screens[0];
        for step in 0.. {
            if step > sc.screens.len() * 2 {
                out.push(err(sc, screen.line, format!("with the example values the walkthrough never ends (it keeps coming back to `{}`)", screen.id)));
                return;
            }
            seen_screens.insert(&screen.id);
            if let Some(c) = screen.clock {
                clock = c;
            }
            for f in screen.fields.iter().filter(|f| f.is_input()) {
                if let Some(v) = example(&f.id) {
                    values.insert(f.id.clone(), v);
                }
            }
            for f in screen
                .fields
                .iter()
                .filter(|f| f.is_input() && f.visible(&values))
            {
                seen_fields.insert(&f.id);
                if let Some(p) = f.problem(&values, clock.date) {
                    out.push(err(
                        sc,
                        f.line,
                        format!(
                            "field `{}`: the example `{}` is refused: {}",
                            f.id,
                            example(&f.id).unwrap_or_default(),
                            describe(&p)
                        ),
                    ));
                }
                for m in &f.mistakes {
                    let mut wrong = values.clone();
                    wrong.insert(f.id.clone(), m.value.clone());
                    if f.problem(&wrong, clock.date).is_none() {
                        out.push(err(sc, m.line, format!("the mistake `{}` is accepted by the field's rules: add a `rule:` that refuses it", m.value)));
                    }
                }
            }
            if !out.is_empty() {
                return;
            }
            let Some(action) = screen.forward(clock) else {
                out.push(err(
                    sc,
                    screen.line,
                    format!(
                        "on screen `{}` every button that moves on is past its `until:` deadline",
                        screen.id
                    ),
                ));
                return;
            };
            match action.target(&values) {
                Some(Target::Screen(next)) => match sc.screen(next) {
                    Some(s) => screen = s,
                    None => return,
                },
                _ => break,
            }
        }
    }
    for s in &sc.screens {
        if !seen_screens.contains(s.id.as_str()) {
            out.push(err(sc, s.line, format!("screen `{}` is never reached with the example values: add an `example:` that leads to it", s.id)));
        }
        for f in s.fields.iter().filter(|f| f.is_input()) {
            if !seen_fields.contains(f.id.as_str()) {
                out.push(err(sc, f.line, format!("field `{}` is never shown with the example values: add an `example:` to the field in its `when:`", f.id)));
            }
        }
    }
}

fn describe(p: &Problem) -> String {
    match p {
        Problem::Required => "it is empty".into(),
        Problem::NotAnOption => "it is not one of the options".into(),
        Problem::Rule(e) => messages::rule(e, Lang::En),
    }
}
