//! Drives a session like a student who knows the answers: the `example:` values of a scenario,
//! optionally with one field taking another of its examples (a branch).

use crate::walkthrough::engine::{Mode, Outcome, Session};
use crate::walkthrough::scenario::Scenario;

/// One field forced to another of its examples, or `None` for the main path.
pub type Variant = Option<(String, String)>;

/// The main path, then one variant per extra example.
pub fn variants(sc: &Scenario) -> Vec<Variant> {
    let mut out = vec![None];
    for f in sc.screens.iter().flat_map(|s| &s.fields) {
        for e in f.examples.iter().skip(1) {
            out.push(Some((f.id.clone(), e.clone())));
        }
    }
    out
}

fn example(sc: &Scenario, field: &str, variant: &Variant) -> Option<String> {
    match variant {
        Some((f, e)) if f == field => Some(e.clone()),
        _ => sc.field(field).and_then(|f| f.examples.first().cloned()),
    }
}

/// Fills every visible input of the current screen with its example, in screen order (so a
/// field shown by an earlier choice is filled too).
pub fn fill(s: &mut Session<'_>, variant: &Variant) {
    let sc = s.scenario();
    for f in &s.screen().fields {
        if f.is_input()
            && f.visible(s.values())
            && let Some(v) = example(sc, &f.id, variant)
        {
            s.set(&f.id, &v).expect("field of the current screen");
        }
    }
}

/// Presses the button that moves on.
pub fn forward(s: &mut Session<'_>) -> Outcome {
    let id = s
        .screen()
        .forward(s.clock())
        .map(|a| a.id.clone())
        .unwrap_or_else(|| {
            panic!(
                "{}: no button moves on at {}",
                s.scenario().file,
                s.screen().id
            )
        });
    s.perform(&id).expect("action of the current screen")
}

/// Plays from the start until `stop` says so (checked on arrival at each screen) or the end.
pub fn play_until<'s>(
    sc: &'s Scenario,
    mode: Mode,
    variant: &Variant,
    stop: impl Fn(&Session<'s>) -> bool,
) -> Session<'s> {
    let mut s = Session::new(sc, mode);
    for _ in 0..=sc.screens.len() * 2 {
        if stop(&s) {
            return s;
        }
        fill(&mut s, variant);
        match forward(&mut s) {
            Outcome::Moved { .. } => {}
            Outcome::Finished => return s,
            other => panic!(
                "{} {:?}: the example values are refused on `{}`: {other:?}",
                sc.file,
                variant,
                s.screen().id
            ),
        }
    }
    panic!("{}: the walkthrough never ends", sc.file)
}

/// A session standing on `screen` with `field` visible, reached by some variant.
pub fn reach<'s>(sc: &'s Scenario, mode: Mode, screen: &str, field: Option<&str>) -> Session<'s> {
    for v in variants(sc) {
        let s = play_until(sc, mode, &v, |s| {
            let mut probe = s.clone();
            fill(&mut probe, &v);
            s.screen().id == screen
                && field.is_none_or(|f| probe.fields().iter().any(|x| x.id == f))
        });
        if !s.is_finished() {
            let mut s = s;
            fill(&mut s, &v);
            return s;
        }
    }
    panic!("{}: cannot reach `{screen}`", sc.file)
}
