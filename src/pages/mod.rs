//! One routed page per file.

pub mod about;
pub mod certificate;
pub mod home;
pub mod lesson;
pub mod lessons;
pub mod not_found;
pub mod profiles;
pub mod progress;
pub mod teacher;
pub mod walkthrough;
pub mod walkthroughs;
pub mod ward;

use crate::state::use_t;
use leptos::prelude::*;

/// Sets the tab title to "`page` – DVC Lab" and keeps it in the current language; a page
/// opened by a route change also gets keyboard focus on its heading ([`page_shown`]).
pub fn page_title(page: impl Fn(&'static crate::i18n::Strings) -> String + Send + Sync + 'static) {
    page_shown();
    let t = use_t();
    Effect::new(move |_| {
        let s = t();
        crate::platform::set_title(&format!("{} – {}", page(s), s.app_name));
    });
}

thread_local! {
    /// How many pages were made since the app started.
    static PAGES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A page was made (a route change, another lesson or walkthrough on the same route, the
/// sign-in gate in a page's place): the phone's menu closes and, once the page is in the
/// document, keyboard focus moves to its main heading, so it never falls to `<body>` (WCAG
/// 2.4.3). Not on the first page of a visit, whose first Tab reaches the skip link. Called while
/// the page is built, so the focus task runs after the render that puts the page on screen,
/// however late its chunk or the lesson files arrived.
pub fn page_shown() {
    crate::components::layout::close_menu();
    if PAGES.replace(PAGES.get().saturating_add(1)) > 0 {
        crate::platform::focus_heading();
    }
}
