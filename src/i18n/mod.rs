//! Every visible string, one table per language (`vi.rs`, `en.rs`). A missing translation is a
//! compile error, because both tables fill the same struct.

mod en;
pub mod people;
mod people_en;
mod people_vi;
pub mod teach;
mod teach_en;
mod teach_vi;
mod vi;

pub use crate::content::Lang;

/// The UI's words. Fields holding `fn` build sentences with numbers or names in them.
pub struct Strings {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_lessons: &'static str,
    pub nav_walkthroughs: &'static str,
    pub nav_progress: &'static str,
    pub nav_teacher: &'static str,
    pub nav_about: &'static str,
    pub menu: &'static str,
    /// Label of the button that switches to the *other* language, written in that language.
    pub switch_lang: &'static str,
    pub switch_lang_aria: &'static str,
    pub footer_local: &'static str,
    pub storage_memory: &'static str,
    pub storage_full: &'static str,
    pub storage_recovered: &'static str,
    pub notice_export: &'static str,
    pub dismiss: &'static str,
    pub update_available: &'static str,
    pub update_reload: &'static str,
    pub offline: &'static str,
    /// A page's code or the lesson files could not be downloaded.
    pub load_failed_title: &'static str,
    pub load_failed_network: &'static str,
    pub load_failed_damaged: &'static str,
    pub load_retry: &'static str,
    pub teacher_persisted: fn(Option<bool>) -> String,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_start: &'static str,
    pub home_continue: fn(&str) -> String,
    pub home_practice: &'static str,
    pub home_card_lessons: &'static str,
    pub home_card_lessons_body: fn(usize) -> String,
    pub home_card_walk: &'static str,
    pub home_card_walk_body: &'static str,
    pub home_card_progress: &'static str,
    pub home_card_progress_body: &'static str,
    pub home_target_title: &'static str,
    pub home_target: &'static str,

    pub lessons_title: &'static str,
    pub lessons_lead: &'static str,
    pub lesson_minutes: fn(u32) -> String,
    pub lesson_questions: fn(usize) -> String,
    pub lesson_number: fn(u32) -> String,
    pub status_not_started: &'static str,
    pub status_in_progress: &'static str,
    pub status_done: &'static str,
    pub best_score: fn(u8) -> String,
    pub optional_lesson: &'static str,

    pub back_to_lessons: &'static str,
    pub lesson_not_found: &'static str,
    pub callout_tip: &'static str,
    pub callout_warning: &'static str,
    pub callout_scam: &'static str,
    pub glossary_hint: &'static str,
    pub opens_new_tab: &'static str,
    pub start_walkthrough: &'static str,

    pub quiz_title: &'static str,
    pub quiz_intro: fn(usize) -> String,
    pub question_n: fn(usize, usize) -> String,
    pub kind_single: &'static str,
    pub kind_multiple: &'static str,
    pub kind_truefalse: &'static str,
    pub kind_order: &'static str,
    pub kind_match: &'static str,
    pub kind_scenario: &'static str,
    pub situation: &'static str,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub position: fn(usize) -> String,
    pub match_choose: &'static str,
    pub submit: &'static str,
    pub unanswered: fn(&str) -> String,
    pub answer_right: &'static str,
    pub answer_wrong: &'static str,
    pub your_choice: &'static str,
    pub right_answer: &'static str,
    pub right_order: &'static str,
    pub right_match: &'static str,
    pub score_line: fn(usize, usize, u8) -> String,
    pub passed: &'static str,
    pub failed: &'static str,
    pub retry: &'static str,
    pub attempt_n: fn(u32) -> String,
    pub next_lesson: &'static str,
    pub all_lessons_done: &'static str,

    pub walk_title: &'static str,
    pub walk_lead: &'static str,

    pub sim_banner: &'static str,
    pub walk_guided: &'static str,
    pub walk_guided_desc: &'static str,
    pub walk_practice: &'static str,
    pub walk_practice_desc: &'static str,
    pub walk_best: fn(u8) -> String,
    pub walk_next: &'static str,
    pub walk_errors: &'static str,
    pub walk_why: &'static str,
    pub walk_trap: &'static str,
    pub walk_locked: &'static str,
    pub walk_finished: &'static str,
    pub walk_score: fn(u8) -> String,
    pub walk_time: fn(u32) -> String,
    pub walk_mistakes: fn(u32) -> String,
    pub walk_review: &'static str,
    pub walk_no_review: &'static str,
    pub walk_again: &'static str,
    pub walk_to_practice: &'static str,
    pub walk_back: &'static str,
    pub walk_not_found: &'static str,
    pub walk_required: &'static str,
    pub walk_choose: &'static str,
    pub walk_tray: &'static str,
    pub walk_phone: &'static str,
    pub walk_code_shown: &'static str,
    pub walk_mode_guided_badge: &'static str,
    pub walk_mode_practice_badge: &'static str,
    pub walk_section: &'static str,
    pub col_walk: &'static str,

    pub progress_title: &'static str,
    pub progress_lead: &'static str,
    pub progress_overall: fn(usize, usize) -> String,
    pub progress_next: &'static str,
    pub progress_complete: &'static str,
    pub progress_rule: &'static str,
    pub col_lesson: &'static str,
    pub col_status: &'static str,
    pub col_best: &'static str,
    pub col_tries: &'static str,

    pub teacher_title: &'static str,
    pub teacher_lead: &'static str,
    pub teacher_storage_title: &'static str,
    pub teacher_bytes: fn(usize, usize) -> String,
    pub teacher_export: &'static str,
    pub teacher_export_help: &'static str,
    pub teacher_storage: fn(usize, bool) -> String,

    pub about_title: &'static str,
    pub about_what: &'static str,
    pub about_what_body: &'static str,
    pub about_privacy: &'static str,
    pub about_privacy_items: &'static [&'static str],
    pub about_sim: &'static str,
    pub about_sim_body: &'static str,
    pub about_sources: &'static str,
    pub about_sources_body: &'static str,

    pub nf_title: &'static str,
    pub nf_body: &'static str,
    pub nf_home: &'static str,

    /// The language of this table.
    pub lang: Lang,
    /// The header's student chip, its buttons and the idle sign-out notice (in the frame, so
    /// in the first download; the rest of the profile words are in `people`).
    pub who: fn(&str, &str) -> String,
    pub switch_student: &'static str,
    pub choose_profile: &'static str,
    pub idle_signed_out: fn(u32) -> String,
}

impl Strings {
    /// Profiles, certificate, moving progress. A function, not a field: the tables are then
    /// only linked into the pages that use them (their page chunks), not the first download.
    pub fn people(&self) -> &'static people::PeopleStrings {
        match self.lang {
            Lang::Vi => &people_vi::PEOPLE_VI,
            Lang::En => &people_en::PEOPLE_EN,
        }
    }

    /// The teacher's report (linked into the teacher chunk only, see [`Strings::people`]).
    pub fn teach(&self) -> &'static teach::TeachStrings {
        match self.lang {
            Lang::Vi => &teach_vi::TEACH_VI,
            Lang::En => &teach_en::TEACH_EN,
        }
    }
}

/// The table for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &vi::VI,
        Lang::En => &en::EN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_accented_and_differs_from_english() {
        let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
        assert_eq!(vi.nav_lessons, "Bài học");
        assert_ne!(vi.home_title, en.home_title);
        assert_eq!(vi.switch_lang, "English");
        assert_eq!(en.switch_lang, "Tiếng Việt");
        assert_eq!((vi.score_line)(5, 7, 71), "Bạn trả lời đúng 5/7 câu (71%).");
        assert_eq!((en.score_line)(5, 7, 71), "You got 5 of 7 right (71%).");
    }
}
