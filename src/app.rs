//! The root component: providers, the page frame (skip link, header, navigation, language
//! switch, notices, footer) and every route in one place.

use crate::components::layout::{Footer, Header, Notices};
use crate::pages::{
    about::About,
    certificate::CertificatePage,
    home::Home,
    lesson::LessonPage,
    lessons::Lessons,
    not_found::NotFound,
    profiles::{ProfilesPage, RequireStudent},
    progress::ProgressPage,
    teacher::Teacher,
    walkthrough::WalkthroughPage,
    walkthroughs::Walkthroughs,
};
use crate::state::{provide_state, use_t};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_state();
    let t = use_t();
    let base = crate::platform::base_path();
    // Remembered so a reload on an unknown deep path still finds the app's files.
    let _ = crate::platform::save(&crate::platform::Key::Base, &format!("{base}/"));
    view! {
        <Router base=base>
            <a
                class="skip-link"
                href="#main"
                on:click=|ev| {
                    // Not a navigation: with <base href> set, "#main" would point at the home page.
                    ev.prevent_default();
                    crate::platform::focus_id("main");
                }
            >
                {move || t().skip_link}
            </a>
            <Header/>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/lessons") view=Lessons/>
                    <Route path=path!("/lessons/:id") view=|| view! { <RequireStudent><LessonPage/></RequireStudent> }/>
                    <Route path=path!("/walkthroughs") view=Walkthroughs/>
                    <Route path=path!("/walkthroughs/:id") view=|| view! { <RequireStudent><WalkthroughPage/></RequireStudent> }/>
                    <Route path=path!("/progress") view=|| view! { <RequireStudent><ProgressPage/></RequireStudent> }/>
                    <Route path=path!("/certificate") view=|| view! { <RequireStudent><CertificatePage/></RequireStudent> }/>
                    <Route path=path!("/profiles") view=ProfilesPage/>
                    <Route path=path!("/teacher") view=Teacher/>
                    <Route path=path!("/about") view=About/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
