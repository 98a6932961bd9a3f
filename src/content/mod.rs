//! Lessons as data: the file format (`syntax`), the whole-course checks (`check`), and access to
//! the lesson files embedded at build time (already checked by `build.rs`).

pub mod check;
pub mod syntax;

pub use syntax::{Block, CalloutKind, Inline, Lang, LessonDoc, Question, QuestionKind, QuizOption};

use std::collections::BTreeMap;
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/content_files.rs"));
}

pub use files::WALKTHROUGH_FILES;

/// The course in both languages, parsed once from the embedded files.
pub struct Course {
    lessons: BTreeMap<Lang, Vec<LessonDoc>>,
    glossary: BTreeMap<Lang, Vec<(String, String)>>,
}

/// The embedded course. The files were checked by the build, so parsing cannot fail here; a file
/// that somehow does is left out rather than crashing a classroom.
pub fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        let mut lessons: BTreeMap<Lang, Vec<LessonDoc>> = BTreeMap::new();
        for (file, text) in files::LESSON_FILES {
            if let Ok(doc) = syntax::parse_lesson(file, text) {
                lessons.entry(doc.lang).or_default().push(doc);
            }
        }
        for docs in lessons.values_mut() {
            docs.sort_by_key(|d| d.meta.order);
        }
        let mut glossary = BTreeMap::new();
        for (file, text) in files::GLOSSARY_FILES {
            if let (Some(lang), Ok(g)) = (
                syntax::lang_of_file(file),
                syntax::parse_glossary(file, text),
            ) {
                glossary.insert(lang, g);
            }
        }
        Course { lessons, glossary }
    })
}

impl Course {
    /// Every lesson in `lang`, in course order.
    pub fn lessons(&self, lang: Lang) -> &[LessonDoc] {
        self.lessons
            .get(&lang)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// One lesson by id.
    pub fn lesson(&self, lang: Lang, id: &str) -> Option<&LessonDoc> {
        self.lessons(lang).iter().find(|d| d.meta.id == id)
    }

    /// The lesson after `id`, if any.
    pub fn next_after(&self, lang: Lang, id: &str) -> Option<&LessonDoc> {
        let all = self.lessons(lang);
        let i = all.iter().position(|d| d.meta.id == id)?;
        all.get(i + 1)
    }

    /// The definition of a glossary term (case-insensitive).
    pub fn define(&self, lang: Lang, term: &str) -> Option<&str> {
        let lower = term.to_lowercase();
        self.glossary
            .get(&lang)?
            .iter()
            .find(|(t, _)| t.to_lowercase() == lower)
            .map(|(_, d)| d.as_str())
    }

    /// The JSON summary printed by `make content-report`.
    pub fn report(&self) -> serde_json::Value {
        let mut per_lang = serde_json::Map::new();
        for lang in Lang::ALL {
            let lessons: Vec<serde_json::Value> = self
                .lessons(lang)
                .iter()
                .map(|d| {
                    let mut by_type = serde_json::Map::new();
                    for k in QuestionKind::ALL {
                        let n = d.questions.iter().filter(|q| q.kind == k).count();
                        if n > 0 {
                            by_type.insert(k.keyword().into(), n.into());
                        }
                    }
                    serde_json::json!({
                        "id": d.meta.id,
                        "order": d.meta.order,
                        "file": d.file,
                        "title": d.meta.title,
                        "minutes": d.meta.minutes,
                        "required": d.meta.required,
                        "blocks": d.blocks.len(),
                        "questions": d.questions.len(),
                        "questions_by_type": by_type,
                        "walkthroughs": d.walkthrough_links(),
                    })
                })
                .collect();
            per_lang.insert(
                lang.code().into(),
                serde_json::json!({ "lesson_count": lessons.len(), "lessons": lessons }),
            );
        }
        serde_json::Value::Object(per_lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_course_has_both_languages_in_step() {
        let c = course();
        let vi = c.lessons(Lang::Vi);
        let en = c.lessons(Lang::En);
        assert_eq!(vi.len(), en.len());
        for (v, e) in vi.iter().zip(en) {
            assert_eq!(v.meta.id, e.meta.id);
            assert_eq!(v.questions.len(), e.questions.len());
        }
    }
}
