//! The house's floors, checked: reads every `crate::…` path in `src/` (outside comments and test
//! modules) and fails when modules import each other in a circle, or when a module reaches a
//! floor above its own. Native test only; `cargo test --lib layers` runs it, and its failure
//! names each offending file and line. ARCHITECTURE.md "Layers" explains the floors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules from the ground up. A module may use those on its own floor's left
/// and on the floors below, never one above (the same floor's order is checked too, so there
/// is no circle inside a floor either).
const FLOORS: &[&[&str]] = &[
    // Pure helpers, the browser door, the route table (links made through the door).
    &["text", "sha256", "dates", "platform", "routes"],
    // The domain core: lessons, walkthroughs, quizzes, students, progress.
    &["content", "walkthrough", "quiz", "profile", "progress"],
    // Files and the teacher's and the ward's sides.
    &["transfer", "teacher", "ward"],
    // Words, then the app state that speaks them.
    &["i18n"],
    &["state"],
    // The UI: reusable parts, pages, the root.
    &["components"],
    &["pages"],
    &["app"],
];

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/teacher/class.rs` → `["teacher", "class"]`; `mod.rs` and `lib.rs` name their folder.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file a module's users depend on: no comments, nothing from the first
/// `#[cfg(…test…)]` on (test modules sit at the end of their files), one entry per line.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(") && t.contains("test") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code.to_string()));
    }
    out
}

/// The top-level modules named by `crate::x` paths on `line` (also `crate::{x, y}`).
fn used(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `dvc_lab_crate::` or similar
        }
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end]
                .split(',')
                .map(|n| n.trim().split("::").next().unwrap_or("").trim())
                .collect()
        } else {
            vec![
                rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or(""),
            ]
        };
        out.extend(
            names
                .into_iter()
                .filter(|n| !n.is_empty() && n.chars().next().is_some_and(|c| c.is_lowercase()))
                .map(str::to_string),
        );
    }
    out
}

/// `(from, to) → [(file, line)]` between top-level modules.
type Edges = BTreeMap<(String, String), Vec<(String, usize)>>;

fn edges() -> Edges {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let tops: BTreeSet<String> = all
        .iter()
        .filter_map(|f| module_of(&src, f).first().cloned())
        .collect();
    let mut out = Edges::new();
    for f in &all {
        let m = module_of(&src, f);
        // Test-only module files (`walkthrough/tests/…`) are not part of the house.
        if m.is_empty() || m.iter().any(|p| p == "tests") || m[0] == "layers" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let shown = f.strip_prefix(&src).unwrap_or(f).display().to_string();
        for (n, line) in code_lines(&text) {
            for to in used(&line) {
                if to != m[0] && tops.contains(&to) {
                    out.entry((m[0].clone(), to))
                        .or_default()
                        .push((shown.clone(), n));
                }
            }
        }
    }
    out
}

fn floor_of(module: &str) -> Option<(usize, usize)> {
    FLOORS
        .iter()
        .enumerate()
        .find_map(|(f, mods)| mods.iter().position(|m| *m == module).map(|i| (f, i)))
}

#[test]
fn every_top_level_module_is_on_a_floor() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let missing: BTreeSet<String> = all
        .iter()
        .filter_map(|f| module_of(&src, f).first().cloned())
        .filter(|m| !["lib", "main", "layers"].contains(&m.as_str()) && floor_of(m).is_none())
        .collect();
    assert!(
        missing.is_empty(),
        "put each new top-level module on a floor in src/layers.rs: {missing:?}"
    );
}

#[test]
fn no_module_uses_one_above_it_so_there_is_no_circle() {
    let mut wrong = Vec::new();
    for ((from, to), at) in edges() {
        let (Some(a), Some(b)) = (floor_of(&from), floor_of(&to)) else {
            continue;
        };
        if b > a {
            let (file, line) = &at[0];
            wrong.push(format!(
                "{from} uses {to}, which is above it (src/{file}:{line}, {} place(s))",
                at.len()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "modules reaching up (move the shared thing down, or pass it in):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_paths_in_every_form() {
    assert_eq!(
        used("use crate::progress::{Record, migrate};"),
        ["progress"]
    );
    assert_eq!(
        used("use crate::{content, quiz::Graded};"),
        ["content", "quiz"]
    );
    assert_eq!(
        used("let x = crate::teacher::summary::open(&t);"),
        ["teacher"]
    );
    assert_eq!(used("use dvc_core::content::syntax;"), Vec::<String>::new());
    let lines = code_lines(
        "use crate::a;\n// use crate::b;\nx(); // crate::c\n#[cfg(test)]\nuse crate::d;",
    );
    let seen: Vec<String> = lines.iter().flat_map(|(_, l)| used(l)).collect();
    assert_eq!(
        seen,
        ["a"],
        "comments and test modules are not dependencies"
    );
}
