//! One routed page per file.

pub mod about;
pub mod certificate;
pub mod home;
pub mod lesson;
pub mod lessons;
pub mod not_found;
pub mod profiles;
pub mod progress;
pub mod report;
pub mod teacher;
pub mod walkthrough;
pub mod walkthroughs;

use crate::state::use_t;
use leptos::prelude::*;

/// Sets the tab title to "`page` – DVC Lab" and keeps it in the current language.
pub fn page_title(page: impl Fn(&'static crate::i18n::Strings) -> String + Send + Sync + 'static) {
    let t = use_t();
    Effect::new(move |_| {
        let s = t();
        crate::platform::set_title(&format!("{} – {}", page(s), s.app_name));
    });
}
