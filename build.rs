//! Build script: checks every lesson file before the app is built, then embeds them.
//!
//! A broken lesson (unknown block, wrong answer count, missing translation or picture, …) stops
//! the build with `lessons/FILE:LINE: reason` for each problem. The parser and checks are the
//! app's own: the std-only workspace crate `dvc-core` (`crates/dvc-core/`), a build dependency
//! here and a normal dependency of the app (`dvc_core::content::{syntax, check}`). The
//! walkthrough scenarios in `lessons/walkthroughs/` are checked (and played with their example
//! values) the same way by `dvc_core::walkthrough`.

use dvc_core::content::{check, syntax};
use dvc_core::walkthrough::{parse, verify};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files_in(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file() && p.to_string_lossy().ends_with(suffix));
    out.sort();
    out
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let lessons_dir = root.join("lessons");
    let walk_dir = lessons_dir.join("walkthroughs");
    println!("cargo:rerun-if-changed=lessons");
    println!("cargo:rerun-if-changed=lessons/walkthroughs");
    println!("cargo:rerun-if-changed=assets/img");
    // A change in dvc-core rebuilds and reruns this script by itself (a build dependency).

    let read = |p: &Path| {
        std::fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    };
    let lesson_paths: Vec<PathBuf> = files_in(&lessons_dir, ".md")
        .into_iter()
        .filter(|p| {
            let n = name(p);
            !n.starts_with("glossary.") && syntax::lang_of_file(&n).is_some()
        })
        .collect();
    let glossary_paths: Vec<PathBuf> = files_in(&lessons_dir, ".md")
        .into_iter()
        .filter(|p| name(p).starts_with("glossary."))
        .collect();
    let walk_paths: Vec<PathBuf> = files_in(&walk_dir, ".md")
        .into_iter()
        .filter(|p| syntax::lang_of_file(&name(p)).is_some())
        .collect();
    for p in lesson_paths
        .iter()
        .chain(&glossary_paths)
        .chain(&walk_paths)
    {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let texts: Vec<(String, String)> = lesson_paths.iter().map(|p| (name(p), read(p))).collect();
    let glossaries: Vec<(String, String)> =
        glossary_paths.iter().map(|p| (name(p), read(p))).collect();
    let assets: BTreeSet<String> = files_in(&root.join("assets/img"), "")
        .iter()
        .map(|p| format!("img/{}", name(p)))
        .collect();
    let walk_texts: Vec<(String, String)> = walk_paths.iter().map(|p| (name(p), read(p))).collect();
    let walk_files: Vec<(&str, &str)> = walk_texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let (walkthroughs, mut errors): (BTreeSet<String>, _) =
        match verify::check_scenarios(&walk_files) {
            Ok(list) => (list.into_iter().map(|s| s.id).collect(), Vec::new()),
            // Lessons are still checked against the scenarios that parse, so one broken scenario
            // does not also report every lesson that links to it.
            Err(errors) => (
                walk_files
                    .iter()
                    .filter_map(|(n, t)| parse::parse_scenario(n, t).ok())
                    .map(|s| s.id)
                    .collect(),
                errors,
            ),
        };
    let sources = check::Sources {
        lessons: texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect(),
        glossaries: glossaries
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect(),
        assets,
        walkthroughs,
    };
    if let Err(lesson_errors) = check::check_course(&sources) {
        errors.extend(lesson_errors);
    }
    // U+0001 separates files in the browser's lesson bundle (scripts/bundle.sh).
    for (n, t) in texts.iter().chain(&glossaries).chain(&walk_texts) {
        if t.contains('\u{1}') {
            errors.push(syntax::ContentError {
                file: n.clone(),
                line: 1 + t[..t.find('\u{1}').unwrap_or(0)].matches('\n').count(),
                reason: "contains the control character U+0001; remove it".into(),
            });
        }
    }
    if !errors.is_empty() {
        eprintln!(
            "\nThe lesson and walkthrough files have {} problem(s); fix them and build again:\n",
            errors.len()
        );
        for e in &errors {
            eprintln!("  {e}");
        }
        eprintln!();
        std::process::exit(1);
    }

    let mut out = String::from("// Generated by build.rs from lessons/: do not edit.\n");
    // The files themselves are embedded only in native builds (tests, `make content-report`)
    // and in tests/web.rs's build (the `web-test` feature).
    // The browser fetches them as one bundle the first time a page needs them
    // (scripts/bundle.sh, src/content/mod.rs), so they are not in the first-visit download.
    for (label, paths) in [
        ("LESSON_FILES", &lesson_paths),
        ("GLOSSARY_FILES", &glossary_paths),
        ("WALKTHROUGH_FILES", &walk_paths),
    ] {
        writeln!(
            out,
            "/// `(file name, contents)` of every file, checked by build.rs."
        )
        .ok();
        writeln!(
            out,
            "#[cfg(any(not(target_arch = \"wasm32\"), feature = \"web-test\"))]"
        )
        .ok();
        writeln!(out, "pub static {label}: &[(&str, &str)] = &[").ok();
        for p in paths.iter() {
            writeln!(
                out,
                "    ({:?}, include_str!({:?})),",
                name(p),
                p.display().to_string()
            )
            .ok();
        }
        writeln!(out, "];").ok();
    }
    // The outline: what the first screen and the completion rule need, without any lesson text.
    let mut outline: Vec<(u32, String, bool, u32, [String; 2])> = Vec::new();
    for (n, t) in texts.iter().filter(|(n, _)| n.ends_with(".vi.md")) {
        let Ok(vi) = syntax::parse_lesson(n, t) else {
            continue;
        };
        let en_name = n.replace(".vi.md", ".en.md");
        let en_title = texts
            .iter()
            .find(|(m, _)| *m == en_name)
            .and_then(|(m, t)| syntax::parse_lesson(m, t).ok())
            .map(|d| d.meta.title)
            .unwrap_or_else(|| vi.meta.title.clone());
        outline.push((
            vi.meta.order,
            vi.meta.id,
            vi.meta.required,
            vi.meta.minutes,
            [vi.meta.title, en_title],
        ));
    }
    outline.sort();
    writeln!(
        out,
        "/// Every lesson in course order (generated from the lesson files)."
    )
    .ok();
    writeln!(out, "pub static OUTLINE: &[super::Entry] = &[").ok();
    for (_, id, required, minutes, [vi, en]) in &outline {
        writeln!(
            out,
            "    super::Entry {{ id: {id:?}, required: {required}, minutes: {minutes}, title: [{vi:?}, {en:?}] }},"
        )
        .ok();
    }
    writeln!(out, "];").ok();
    // Only walkthroughs that count toward completion: one marked `required: no` is extra, so
    // adding it does not change what a student must do to complete the course.
    let mut walk_order: Vec<(u32, String)> = walk_files
        .iter()
        .filter(|(n, _)| n.ends_with(".vi.md"))
        .filter_map(|(n, t)| parse::parse_scenario(n, t).ok())
        .filter(|s| s.required)
        .map(|s| (s.order, s.id))
        .collect();
    walk_order.sort();
    writeln!(
        out,
        "/// The id of every walkthrough required for completion, in list order."
    )
    .ok();
    writeln!(out, "pub static WALKTHROUGH_IDS: &[&str] = &[").ok();
    for (_, id) in &walk_order {
        writeln!(out, "    {id:?},").ok();
    }
    writeln!(out, "];").ok();
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("content_files.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}
