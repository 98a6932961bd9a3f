//! The app's addresses in one table: every page the router knows ([`Route`]), the address of
//! each ([`Route::path`], and [`Route::href`] under the deployment's base path), and the first
//! path segments by which `index.html`'s first script finds the app's root ([`SEGMENTS`]).
//! Plain Rust: `app.rs` must give `path!` exactly [`PATTERNS`] (the macro takes literals only)
//! and `index.html` must list exactly [`SEGMENTS`]; native tests below read both files.

/// A page of the app, with its typed parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`: the home page.
    Home,
    /// `/lessons`: every lesson.
    Lessons,
    /// `/lessons/:id`: one lesson and its quiz.
    Lesson(&'a str),
    /// `/walkthroughs`: every walkthrough.
    Walkthroughs,
    /// `/walkthroughs/:id`: one walkthrough (`?mode=guided|practice`).
    Walkthrough(&'a str),
    /// `/progress`: my progress.
    Progress,
    /// `/certificate`: the certificate.
    Certificate,
    /// `/profiles`: choose or make a profile.
    Profiles,
    /// `/teacher`: the teacher area (`?step=…`).
    Teacher,
    /// `/about`: about the app.
    About,
    /// `/ward`: the ward's report.
    Ward,
}

/// Every route's pattern, in `app.rs`'s order: what it gives `path!`.
pub const PATTERNS: [&str; 11] = [
    "/",
    "/lessons",
    "/lessons/:id",
    "/walkthroughs",
    "/walkthroughs/:id",
    "/progress",
    "/certificate",
    "/profiles",
    "/teacher",
    "/about",
    "/ward",
];

/// The first path segment of every route but the home page, in `index.html`'s order: the part
/// of an address before one of them is the app's root (`/dvc-lab/lessons/x` → `/dvc-lab/`).
pub const SEGMENTS: [&str; 8] = [
    "lessons",
    "walkthroughs",
    "progress",
    "teacher",
    "about",
    "profiles",
    "certificate",
    "ward",
];

/// The parameter of `/lessons/:id` and `/walkthroughs/:id`.
pub const ID: &str = "id";

/// A walkthrough's query key: `?mode=guided` (with the guide) or `?mode=practice` (on her own).
pub const MODE: &str = "mode";

/// The teacher area's query key: `?step=lab|import|report|lrs|pin`.
pub const STEP: &str = "step";

impl Route<'_> {
    /// The fixed part of the address, and the parameter that follows it.
    fn parts(&self) -> (&'static str, Option<&str>) {
        match *self {
            Route::Home => ("/", None),
            Route::Lessons => ("/lessons", None),
            Route::Lesson(id) => ("/lessons/", Some(id)),
            Route::Walkthroughs => ("/walkthroughs", None),
            Route::Walkthrough(id) => ("/walkthroughs/", Some(id)),
            Route::Progress => ("/progress", None),
            Route::Certificate => ("/certificate", None),
            Route::Profiles => ("/profiles", None),
            Route::Teacher => ("/teacher", None),
            Route::About => ("/about", None),
            Route::Ward => ("/ward", None),
        }
    }

    /// The address under the app's root: `/lessons/vneid`.
    pub fn path(&self) -> String {
        let (head, id) = self.parts();
        let mut out = String::from(head);
        out.push_str(id.unwrap_or(""));
        out
    }

    /// The address with one query parameter: `/walkthroughs/x?mode=practice`. `value` is one
    /// of the app's own words (a mode, a step), which need no escaping.
    pub fn path_with(&self, key: &str, value: &str) -> String {
        let mut out = self.path();
        for part in ["?", key, "=", value] {
            out.push_str(part);
        }
        out
    }

    /// The link to the page under the deployment's base path (`/dvc-lab/lessons` under a
    /// sub-path): what every in-app link and navigation uses.
    pub fn href(&self) -> String {
        crate::platform::to(&self.path())
    }

    /// [`Route::path_with`] under the deployment's base path.
    pub fn href_with(&self, key: &str, value: &str) -> String {
        crate::platform::to(&self.path_with(key, value))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// One route of each kind (the match in `parts` makes a new variant a compile error there,
    /// and this list is checked against `PATTERNS` below).
    const EVERY: [Route<'static>; 11] = [
        Route::Home,
        Route::Lessons,
        Route::Lesson("vneid"),
        Route::Walkthroughs,
        Route::Walkthrough("cccd"),
        Route::Progress,
        Route::Certificate,
        Route::Profiles,
        Route::Teacher,
        Route::About,
        Route::Ward,
    ];

    fn file(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The route's pattern: its path with the parameter as `:id`.
    fn pattern(route: &Route) -> String {
        match route.parts() {
            (head, Some(_)) => format!("{head}:id"),
            (head, None) => head.to_string(),
        }
    }

    #[test]
    fn every_route_has_one_pattern_and_its_address() {
        let patterns: Vec<String> = EVERY.iter().map(pattern).collect();
        assert_eq!(patterns, PATTERNS);
        assert_eq!(Route::Lesson("vneid").path(), "/lessons/vneid");
        assert_eq!(Route::Home.path(), "/");
        assert_eq!(
            Route::Walkthrough("cccd").path_with("mode", "practice"),
            "/walkthroughs/cccd?mode=practice"
        );
        assert_eq!(Route::Teacher.path_with("step", "lrs"), "/teacher?step=lrs");
        // The segments are the patterns' first segments, each once.
        let mut firsts: Vec<&str> = PATTERNS
            .iter()
            .filter_map(|p| p.split('/').nth(1).filter(|s| !s.is_empty()))
            .collect();
        firsts.dedup();
        let (mut a, mut b) = (firsts.clone(), SEGMENTS.to_vec());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn the_router_in_app_rs_has_exactly_the_table_s_routes() {
        let app = file("src/app.rs");
        let found: Vec<&str> = app
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split_once("\")").map(|(p, _)| p))
            .collect();
        assert_eq!(found, PATTERNS, "the path! routes in src/app.rs");
    }

    #[test]
    fn index_html_finds_the_root_before_the_table_s_segments() {
        let html = file("index.html");
        let list = html
            .split_once("var routes = [")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| list)
            .expect("index.html's first script has `var routes = [...];`");
        let segments: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('"'))
            .collect();
        assert_eq!(segments, SEGMENTS, "the route list in index.html");
    }

    #[test]
    fn no_link_is_written_by_hand() {
        // Every in-app address comes from the table: no `to("/…")` with a literal path.
        let mut hand = Vec::new();
        let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src/ is readable").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    for (n, line) in text.lines().enumerate() {
                        let code = line.split("//").next().unwrap_or_default();
                        if code.contains("to(\"/") || code.contains("to(&format!(\"/") {
                            hand.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                        }
                    }
                }
            }
        }
        assert!(
            hand.is_empty(),
            "links written by hand:\n{}",
            hand.join("\n")
        );
    }
}
