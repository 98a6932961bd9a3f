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
    ward::WardPage,
};
use crate::state::{NotLoaded, Stored, provide_state, use_t};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{Lazy, LazyRoute, path};
use std::cell::RefCell;
use std::thread::LocalKey;

/// Why a page could not be opened: its code chunk or the lesson files did not arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLoad {
    /// Nothing came back (offline before the first complete download, server down).
    Network,
    /// The lesson bundle arrived damaged or incomplete.
    Damaged,
}

impl From<leptos::wasm_split::SplitLoaderError> for PageLoad {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PageLoad::Network
    }
}

/// A download under way or done; every caller awaits the same one.
type Loading = Shared<LocalBoxFuture<'static, Result<(), PageLoad>>>;

thread_local! {
    static BUNDLE: RefCell<Option<Loading>> = const { RefCell::new(None) };
    static STYLES: RefCell<Option<Loading>> = const { RefCell::new(None) };
}

/// Runs `load` once: a page and the background preparation asking at the same time wait for
/// the same download. A failure is forgotten, so the next call ("Thử lại") tries again.
async fn once(
    slot: &'static LocalKey<RefCell<Option<Loading>>>,
    load: fn() -> LocalBoxFuture<'static, Result<(), PageLoad>>,
) -> Result<(), PageLoad> {
    let loading = slot.with(|s| {
        s.borrow_mut()
            .get_or_insert_with(|| load().shared())
            .clone()
    });
    let result = loading.await;
    if result.is_err() {
        slot.with(|s| s.borrow_mut().take());
    }
    result
}

/// Makes sure the lesson files are here (fetched once, as one bundle, the first time a page
/// needs them; offline they come from the service worker's copy).
pub async fn lesson_files() -> Result<(), PageLoad> {
    if crate::content::loaded() {
        return Ok(());
    }
    once(&BUNDLE, || {
        Box::pin(async {
            let text = fetch_app_file("dvclab-content", "content.txt").await?;
            crate::content::install(&text).map_err(|_| PageLoad::Damaged)
        })
    })
    .await
}

/// Downloads one of the app's own files by its `<meta>` name (see [`crate::platform::app_file`]).
async fn fetch_app_file(meta: &str, unhashed: &str) -> Result<String, PageLoad> {
    let file = crate::platform::app_file(meta, unhashed);
    crate::platform::fetch_text(&file)
        .await
        .map_err(|_| PageLoad::Network)
}

/// The last line of pages.css: a file without it was cut short on the way.
const STYLES_END: &str = "/* end of pages.css */";

/// Makes sure the styles of the pages other than home are in the document (assets/pages.css,
/// fetched once, before the first such page is shown; the frame's own styles are inlined in
/// index.html).
pub async fn page_styles() -> Result<(), PageLoad> {
    once(&STYLES, || {
        Box::pin(async {
            let css = fetch_app_file("dvclab-pages-css", "pages.css").await?;
            if !css.trim_end().ends_with(STYLES_END) {
                return Err(PageLoad::Damaged);
            }
            crate::platform::add_style(&css);
            Ok(())
        })
    })
    .await
}

/// What a page shows when it could not be opened: what happened and a way to try again.
#[component]
fn LoadProblem(problem: PageLoad) -> impl IntoView {
    let t = use_t();
    crate::pages::page_shown();
    view! {
        <section class="load-problem" role="alert" data-testid="load-problem">
            <h1>{move || t().load_failed_title}</h1>
            <p>{move || match problem {
                PageLoad::Network => t().load_failed_network,
                PageLoad::Damaged => t().load_failed_damaged,
            }}</p>
            <button class="btn btn-primary" type="button" on:click=|_| crate::platform::reload()>
                {move || t().load_retry}
            </button>
        </section>
    }
}

/// A page whose code is a separate wasm chunk, downloaded the first time the page is opened
/// (and kept for offline use by the service worker); pages that show lessons or walkthroughs
/// also wait for the lesson files. The home page, the frame and the state stay in the first
/// download. See ARCHITECTURE.md "Code splitting".
macro_rules! later {
    ($route:ident, $part:ident, $preload:ident, $files:expr => $($view:tt)*) => {
        #[leptos::wasm_split::wasm_split(
            $part,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload),
            fallible
        )]
        fn $part() -> Result<AnyView, PageLoad> {
            Ok(view! { $($view)* }.into_any())
        }

        #[derive(Debug)]
        struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn preload() {
                let _ = $preload().await;
            }

            async fn view(_this: Self) -> AnyView {
                let _opening = crate::state::opening::Counted::start();
                // The three downloads run side by side.
                let files = async {
                    if $files { lesson_files().await } else { Ok(()) }
                };
                let (styles, files, page) = futures::join!(page_styles(), files, $part());
                match styles.and(files).and(page) {
                    Ok(page) => page,
                    Err(problem) => view! { <LoadProblem problem/> }.into_any(),
                }
            }
        }
    };
}

later!(LessonsRoute, lessons, preload_lessons, true => <Lessons/>);
later!(LessonRoute, lesson, preload_lesson, true => <RequireStudent><LessonPage/></RequireStudent>);
later!(WalkthroughsRoute, walkthroughs, preload_walkthroughs, true => <Walkthroughs/>);
later!(WalkthroughRoute, walkthrough, preload_walkthrough, true => <RequireStudent><WalkthroughPage/></RequireStudent>);
later!(ProgressRoute, progress, preload_progress, true => <RequireStudent><ProgressPage/></RequireStudent>);
later!(CertificateRoute, certificate, preload_certificate, true => <RequireStudent><CertificatePage/></RequireStudent>);
later!(ProfilesRoute, profiles, preload_profiles, false => <ProfilesPage/>);
later!(TeacherRoute, teacher, preload_teacher, true => <Teacher/>);
later!(AboutRoute, about, preload_about, false => <About/>);
later!(WardRoute, ward, preload_ward, false => <WardPage/>);

/// Once the first screen is up, fetches and prepares, one after the other, the pieces a student
/// is likely to need next (the page styles and the lesson bundle, then the lesson, profile and
/// walkthrough pages, and the code that writes the profile index), so the first click on them
/// does not wait for a download. The teacher area is left to teachers. Failures are ignored
/// here: the page itself reports them when it is opened.
pub fn prepare_student_pages() {
    leptos::task::spawn_local(async {
        let _ = futures::join!(
            page_styles(),
            lesson_files(),
            preload_lessons(),
            preload_lesson()
        );
        let _ = preload_profiles().await;
        let _ = crate::state::preload_saved().await;
        let _ = preload_walkthroughs().await;
        let _ = preload_walkthrough().await;
        let _ = preload_progress().await;
        crate::platform::mark("dvclab-prepared");
    });
}

/// Starts the app: reads the saved profiles first when there are any (their code is a chunk of
/// its own, see `state::saved`), so the first screen already shows who is learning.
pub fn start() {
    if crate::state::something_saved() {
        leptos::__reexports::wasm_bindgen_futures::spawn_local(async {
            mount(crate::state::read_stored().await)
        });
    } else {
        mount(Ok(Stored::default()));
    }
}

fn mount(stored: Result<Stored, NotLoaded>) {
    // index.html's "Đang tải DVC Lab…" placeholder.
    crate::platform::remove_element("boot");
    leptos::mount::mount_to_body(move || view! { <App stored/> });
    // The first screen is in the document and its handlers attached: `make bench` reads this.
    crate::platform::mark("dvclab-ready");
    prepare_student_pages();
}

/// The whole application, given what start-up read from storage.
#[component]
pub fn App(stored: Result<Stored, NotLoaded>) -> impl IntoView {
    provide_state(stored);
    let opening = crate::state::Opening(RwSignal::new(0));
    crate::state::opening::track(opening);
    provide_context(opening);
    let t = use_t();
    let base = crate::platform::base_path();
    // Remembered so a reload on an unknown deep path still finds the app's files.
    let _ = crate::platform::write_word(&crate::platform::Key::Base, &format!("{base}/"));
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
                <FlatRoutes fallback=|| view! { <NotFound/> }>
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
                    <Route path=path!("/ward") view={Lazy::<WardRoute>::new()}/>
                </FlatRoutes>
            </main>
            <Footer/>
        </Router>
    }
}
