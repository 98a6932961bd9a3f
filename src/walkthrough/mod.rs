//! Simulated portal walkthroughs: scenarios are data (`lessons/walkthroughs/*.md`, format in
//! that folder's README), checked before every build, and played by a browser-free state machine.
//!
//! - [`scenario`]: the types; [`logic`]: the pure logic shared by the engine and the checker;
//! - [`parse`] and [`lines`]: the file format; [`verify`] and [`playthrough`]: its checks;
//! - [`rules`] and [`formats`]: the validation rules (ID number, phone, password, passcode,
//!   dates, dossier code …);
//! - [`messages`]: the portal's own messages in both languages;
//! - [`engine`]: [`Session`], guided and practice modes, scoring;
//! - [`run`]: [`Run`], the two sessions (Vietnamese, English) a student plays in step.
//!
//! All but the engine are the std-only `dvc-core` crate's (`build.rs` runs them on every
//! scenario file), re-exported here under their usual paths.

pub mod engine;
pub mod run;
pub use dvc_core::walkthrough::{
    formats, lines, logic, messages, parse, playthrough, rules, scenario, verify,
};

// Native only: the tests play the embedded scenario files (the browser fetches them instead).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use engine::{
    AttemptRecord, Control, FieldError, Guide, Mode, Outcome, Session, SessionError, Slip,
    StepReport, Summary,
};
pub use run::{Act, Run, lang_index};
pub use scenario::{
    Action, Choice, Device, Field, FieldKind, Panel, PanelKind, Scenario, Screen, StepState,
};
pub use verify::check_scenarios;

use crate::content::Lang;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Every scenario in `lang`, in list order, parsed once from the course's files (empty until
/// the browser has them, see [`crate::content::sources`]). The files were checked by the build,
/// so parsing cannot fail here; a file that somehow does is left out rather than crashing a
/// classroom.
pub fn scenarios(lang: Lang) -> &'static [Scenario] {
    static ALL: OnceLock<BTreeMap<Lang, Vec<Scenario>>> = OnceLock::new();
    let Some(src) = crate::content::sources() else {
        return &[];
    };
    ALL.get_or_init(|| {
        let mut by_lang: BTreeMap<Lang, Vec<Scenario>> = BTreeMap::new();
        for (file, text) in &src.walkthroughs {
            if let Ok(sc) = parse::parse_scenario(file, text) {
                by_lang.entry(sc.lang).or_default().push(sc);
            }
        }
        for list in by_lang.values_mut() {
            list.sort_by_key(|s| s.order);
        }
        by_lang
    })
    .get(&lang)
    .map(Vec::as_slice)
    .unwrap_or_default()
}

/// One scenario by id.
pub fn scenario(lang: Lang, id: &str) -> Option<&'static Scenario> {
    scenarios(lang).iter().find(|s| s.id == id)
}
