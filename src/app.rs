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
use leptos_router::{Lazy, LazyRoute, lazy_route, path};

/// A page whose code is a separate wasm chunk, downloaded the first time the page is opened
/// (and cached for offline use by the service worker). The home page, the frame and the state
/// stay in the first download; see ARCHITECTURE.md "Code splitting".
macro_rules! later {
    ($route:ident => $($view:tt)*) => {
        #[derive(Debug)]
        struct $route;
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            fn view(this: Self) -> AnyView {
                let _ = this;
                view! { $($view)* }.into_any()
            }
        }
    };
}

later!(LessonsRoute => <Lessons/>);
later!(LessonRoute => <RequireStudent><LessonPage/></RequireStudent>);
later!(WalkthroughsRoute => <Walkthroughs/>);
later!(WalkthroughRoute => <RequireStudent><WalkthroughPage/></RequireStudent>);
later!(ProgressRoute => <RequireStudent><ProgressPage/></RequireStudent>);
later!(CertificateRoute => <RequireStudent><CertificatePage/></RequireStudent>);
later!(ProfilesRoute => <ProfilesPage/>);
later!(TeacherRoute => <Teacher/>);
later!(AboutRoute => <About/>);

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
                    <Route path=path!("/lessons") view={Lazy::<LessonsRoute>::new()}/>
                    <Route path=path!("/lessons/:id") view={Lazy::<LessonRoute>::new()}/>
                    <Route path=path!("/walkthroughs") view={Lazy::<WalkthroughsRoute>::new()}/>
                    <Route path=path!("/walkthroughs/:id") view={Lazy::<WalkthroughRoute>::new()}/>
                    <Route path=path!("/progress") view={Lazy::<ProgressRoute>::new()}/>
                    <Route path=path!("/certificate") view={Lazy::<CertificateRoute>::new()}/>
                    <Route path=path!("/profiles") view={Lazy::<ProfilesRoute>::new()}/>
                    <Route path=path!("/teacher") view={Lazy::<TeacherRoute>::new()}/>
                    <Route path=path!("/about") view={Lazy::<AboutRoute>::new()}/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
