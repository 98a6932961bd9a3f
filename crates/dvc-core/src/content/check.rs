//! Whole-course checks that need more than one file: both translations present, the same
//! answer keys in both languages, pictures that exist, walkthroughs that exist, glossary terms
//! that are defined, and enough questions per lesson.
//!
//! Like `syntax.rs`, this depends on `std` only (`build.rs` runs it before every build).

use super::syntax::{
    Block, ContentError, Inline, Lang, LessonDoc, QuestionKind, all_inlines, lang_of_file,
    parse_glossary, parse_lesson, provenance_missing,
};
use std::collections::{BTreeMap, BTreeSet};

/// Minimum questions per lesson.
pub const MIN_QUESTIONS: usize = 6;
/// Minimum distinct question types per lesson.
pub const MIN_QUESTION_KINDS: usize = 3;

/// Everything the checker reads: file names with their text, plus what exists elsewhere.
pub struct Sources<'a> {
    /// Lesson files `NN-id.LANG.md` with their contents.
    pub lessons: Vec<(&'a str, &'a str)>,
    /// `glossary.LANG.md` files.
    pub glossaries: Vec<(&'a str, &'a str)>,
    /// Paths under `assets/` that exist, e.g. `img/phone.svg`.
    pub assets: BTreeSet<String>,
    /// Walkthrough ids that exist.
    pub walkthroughs: BTreeSet<String>,
}

/// The checked course: every lesson in both languages, ordered.
#[derive(Debug)]
pub struct CheckedCourse {
    /// Lessons by language, in course order.
    pub lessons: BTreeMap<Lang, Vec<LessonDoc>>,
    /// Glossary by language.
    pub glossary: BTreeMap<Lang, Vec<(String, String)>>,
}

/// Checks everything and returns every problem found (not just the first), so an author can fix
/// a file in one go.
pub fn check_course(src: &Sources<'_>) -> Result<CheckedCourse, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut glossary: BTreeMap<Lang, Vec<(String, String)>> = BTreeMap::new();
    for (file, text) in &src.glossaries {
        match lang_of_file(file) {
            Some(lang) => match parse_glossary(file, text) {
                Ok(g) => {
                    glossary.insert(lang, g);
                }
                Err(e) => errors.push(e),
            },
            None => errors.push(whole(
                file,
                "a glossary file must be named glossary.vi.md or glossary.en.md",
            )),
        }
    }
    let mut by_lang: BTreeMap<Lang, Vec<LessonDoc>> = BTreeMap::new();
    for (file, text) in &src.lessons {
        match parse_lesson(file, text) {
            Ok(doc) => {
                // A lesson must say when its facts were checked and where they come from.
                if let Some(reason) = provenance_missing(&doc.meta.provenance) {
                    errors.push(ContentError {
                        file: doc.file.clone(),
                        line: 1,
                        reason,
                    });
                }
                by_lang.entry(doc.lang).or_default().push(doc)
            }
            Err(e) => errors.push(e),
        }
    }
    for lang in Lang::ALL {
        if !glossary.contains_key(&lang) && !src.glossaries.is_empty() {
            errors.push(whole(
                &format!("glossary.{}.md", lang.code()),
                "this glossary file is missing",
            ));
        }
        let docs = by_lang.entry(lang).or_default();
        docs.sort_by_key(|d| (d.meta.order, d.meta.id.clone()));
        for pair in docs.windows(2) {
            if pair[0].meta.id == pair[1].meta.id {
                errors.push(whole(
                    &pair[1].file,
                    &format!("lesson id `{}` is used by two files", pair[1].meta.id),
                ));
            } else if pair[0].meta.order == pair[1].meta.order {
                errors.push(whole(
                    &pair[1].file,
                    &format!(
                        "`order: {}` is also used by {}",
                        pair[1].meta.order, pair[0].file
                    ),
                ));
            }
        }
        for doc in docs.iter() {
            check_one(doc, src, glossary.get(&lang), &mut errors);
        }
    }
    check_translations(&by_lang, &mut errors);
    if errors.is_empty() {
        Ok(CheckedCourse {
            lessons: by_lang,
            glossary,
        })
    } else {
        Err(errors)
    }
}

fn whole(file: &str, reason: &str) -> ContentError {
    ContentError {
        file: file.to_string(),
        line: 0,
        reason: reason.to_string(),
    }
}

fn at(file: &str, line: usize, reason: String) -> ContentError {
    ContentError {
        file: file.to_string(),
        line,
        reason,
    }
}

fn check_one(
    doc: &LessonDoc,
    src: &Sources<'_>,
    glossary: Option<&Vec<(String, String)>>,
    errors: &mut Vec<ContentError>,
) {
    let expected_prefix = format!("{:02}-", doc.meta.order);
    if !doc.file.starts_with(&expected_prefix) {
        errors.push(whole(
            &doc.file,
            &format!(
                "the file name should start with `{expected_prefix}` to match `order: {}`",
                doc.meta.order
            ),
        ));
    }
    if doc.questions.len() < MIN_QUESTIONS {
        errors.push(whole(
            &doc.file,
            &format!(
                "a lesson needs at least {MIN_QUESTIONS} questions, this one has {}",
                doc.questions.len()
            ),
        ));
    }
    let kinds: BTreeSet<QuestionKind> = doc.questions.iter().map(|q| q.kind).collect();
    if kinds.len() < MIN_QUESTION_KINDS {
        errors.push(whole(
            &doc.file,
            &format!(
                "a lesson needs questions of at least {MIN_QUESTION_KINDS} types, this one uses {}",
                kinds.len()
            ),
        ));
    }
    fn visit(blocks: &[Block], doc: &LessonDoc, src: &Sources<'_>, errors: &mut Vec<ContentError>) {
        for b in blocks {
            match b {
                Block::Image {
                    src: path, line, ..
                } if !src.assets.contains(path.as_str()) => {
                    errors.push(at(
                        &doc.file,
                        *line,
                        format!("the picture `{path}` is not in assets/"),
                    ));
                }
                Block::Walkthrough { id, line, .. } if !src.walkthroughs.contains(id.as_str()) => {
                    errors.push(at(
                        &doc.file,
                        *line,
                        format!("there is no walkthrough `{id}`"),
                    ));
                }
                Block::Callout { blocks, .. } => visit(blocks, doc, src, errors),
                _ => {}
            }
        }
    }
    visit(&doc.blocks, doc, src, errors);
    if let Some(glossary) = glossary {
        for (inline, line) in all_inlines(doc) {
            if let Inline::Term { key, .. } = inline
                && !glossary
                    .iter()
                    .any(|(t, _)| t.to_lowercase() == key.to_lowercase())
            {
                let where_ = if line == 0 {
                    String::new()
                } else {
                    format!(" (question at line {line})")
                };
                errors.push(whole(
                    &doc.file,
                    &format!(
                        "the glossary term `[[{key}]]`{where_} is not in glossary.{}.md",
                        doc.lang.code()
                    ),
                ));
            }
        }
    }
}

fn check_translations(by_lang: &BTreeMap<Lang, Vec<LessonDoc>>, errors: &mut Vec<ContentError>) {
    let empty = Vec::new();
    let vi = by_lang.get(&Lang::Vi).unwrap_or(&empty);
    let en = by_lang.get(&Lang::En).unwrap_or(&empty);
    for (have, other) in [(vi, en), (en, vi)] {
        for doc in have {
            if !other.iter().any(|o| o.meta.id == doc.meta.id) {
                let missing = doc.file.replace(
                    &format!(".{}.md", doc.lang.code()),
                    &format!(".{}.md", if doc.lang == Lang::Vi { "en" } else { "vi" }),
                );
                errors.push(whole(
                    &doc.file,
                    &format!("the translation {missing} is missing"),
                ));
            }
        }
    }
    for v in vi {
        let Some(e) = en.iter().find(|e| e.meta.id == v.meta.id) else {
            continue;
        };
        if v.meta.order != e.meta.order || v.meta.required != e.meta.required {
            errors.push(whole(
                &e.file,
                &format!("`order`/`required` differ from {}", v.file),
            ));
        }
        if v.meta.provenance.checked != e.meta.provenance.checked {
            errors.push(whole(
                &e.file,
                &format!(
                    "`checked` differs from {}: both languages are checked together",
                    v.file
                ),
            ));
        }
        if v.walkthrough_links() != e.walkthrough_links() {
            errors.push(whole(
                &e.file,
                &format!("links to different walkthroughs than {}", v.file),
            ));
        }
        if v.questions.len() != e.questions.len() {
            errors.push(whole(
                &e.file,
                &format!(
                    "has {} questions but {} has {}",
                    e.questions.len(),
                    v.file,
                    v.questions.len()
                ),
            ));
        }
        for (qv, qe) in v.questions.iter().zip(&e.questions) {
            let key = |q: &super::syntax::Question| {
                (
                    q.id.clone(),
                    q.kind,
                    q.options.iter().map(|o| o.correct).collect::<Vec<_>>(),
                )
            };
            if key(qv) != key(qe) {
                errors.push(at(
                    &e.file,
                    qe.line,
                    format!(
                        "question `{}` has a different answer key from {} line {} (same id, type, number of options and correct answers are required)",
                        qe.id, v.file, qv.line
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The broken course in `tests/fixtures/broken-lessons/`: every kind of cross-file mistake.
    fn fixture() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken-lessons");
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .expect("fixture folder")
            .filter_map(|e| e.ok())
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (
                    name,
                    std::fs::read_to_string(e.path()).expect("readable fixture"),
                )
            })
            .collect();
        files.sort();
        let (glossaries, lessons): (Vec<_>, Vec<_>) =
            files.iter().partition(|(n, _)| n.starts_with("glossary."));
        let sources = Sources {
            lessons: lessons
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect(),
            glossaries: glossaries
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect(),
            assets: BTreeSet::new(),
            walkthroughs: BTreeSet::new(),
        };
        check_course(&sources)
            .expect_err("the fixture is broken")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn has(errors: &[String], needle: &str) {
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "no error containing {needle:?} in {errors:#?}"
        );
    }

    #[test]
    fn broken_fixture_reports_every_problem_with_file_line_and_reason() {
        let e = fixture();
        has(
            &e,
            "lessons/02-chi-co-tieng-viet.vi.md: the translation 02-chi-co-tieng-viet.en.md is missing",
        );
        has(
            &e,
            "lessons/01-mau.en.md:43: question `q4` has a different answer key from 01-mau.vi.md line 43",
        );
        has(
            &e,
            "lessons/01-mau.vi.md:13: the picture `img/khong-co.svg` is not in assets/",
        );
        has(
            &e,
            "lessons/01-mau.vi.md:15: there is no walkthrough `khong-co-bai-thuc-hanh`",
        );
        has(
            &e,
            "lessons/01-mau.en.md: the glossary term `[[OTP]]` is not in glossary.en.md",
        );
    }

    fn lesson_errors(text: &str) -> Vec<String> {
        let sources = Sources {
            lessons: vec![("01-nguon.vi.md", text)],
            glossaries: Vec::new(),
            assets: BTreeSet::new(),
            walkthroughs: BTreeSet::new(),
        };
        match check_course(&sources) {
            Ok(_) => Vec::new(),
            Err(e) => e.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_lesson_without_checked_date_or_sources_is_refused_with_file_and_reason() {
        let head = "---\nid: nguon\norder: 1\ntitle: T\nsummary: S\nminutes: 5\n";
        let body = "---\n\nMột đoạn.\n";
        let src = "source: Cổng Dịch vụ công quốc gia | https://dichvucong.gov.vn\n";
        let e = lesson_errors(&format!("{head}{src}{body}"));
        has(
            &e,
            "lessons/01-nguon.vi.md:1: front matter is missing `checked: YYYY-MM-DD`",
        );
        let e = lesson_errors(&format!("{head}checked: 2026-12-02\n{body}"));
        has(
            &e,
            "lessons/01-nguon.vi.md:1: front matter has no `source: title | https://address`",
        );
        let e = lesson_errors(&format!("{head}checked: 2/12/2026\n{src}{body}"));
        has(&e, "lessons/01-nguon.vi.md:7: `checked` must be the date");
        let e = lesson_errors(&format!(
            "{head}checked: 2026-12-02\nsource: https://dichvucong.gov.vn\n{body}"
        ));
        has(
            &e,
            "lessons/01-nguon.vi.md:8: `source` must be `title | https://address`",
        );
        // With both, no provenance error is left (other checks may still complain).
        let e = lesson_errors(&format!("{head}checked: 2026-12-02\n{src}{body}"));
        assert!(
            !e.iter()
                .any(|m| m.contains("checked") || m.contains("source")),
            "{e:#?}"
        );
    }
}
