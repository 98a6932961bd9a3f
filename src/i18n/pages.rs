//! The words of the lazily loaded pages, one table per language (`pages_vi.rs`, `pages_en.rs`),
//! reached through [`super::Strings::pages`] so they stay out of the first download.

/// Page strings. Fields holding `fn` build sentences with numbers or names in them.
pub struct PageStrings {
    pub menu: &'static str,
    pub teacher_persisted: fn(Option<bool>) -> String,

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
    /// "Cập nhật: 02/12/2026": when the page's facts were last checked.
    pub checked_on: fn(&str) -> String,
    /// Heading of the list of sources at the end of a lesson or walkthrough.
    pub sources_title: &'static str,
    /// Badge of a walkthrough that does not count toward completion.
    pub optional_walk: &'static str,

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
    /// The quiz result could not be saved (storage full).
    pub quiz_unsaved: &'static str,
    pub failed: &'static str,
    /// "Sai ở " — before the list of wrong questions ("câu 1", " và ", "câu 4", ".").
    pub wrong_in: &'static str,
    /// One wrong question in that list (a link to it).
    pub question_ref: fn(usize) -> String,
    /// Between the last two questions of that list.
    pub and: &'static str,
    /// Heading of the wrong answers and their explanations under the result.
    pub review_title: &'static str,
    /// After "Làm lại": the last attempt's score…
    pub previous_attempt: fn(usize, usize, u8) -> String,
    /// …and how many of its answers can be reviewed (the fold's label).
    pub previous_wrong: fn(usize) -> String,
    /// The link from the top of a lesson to its questions.
    pub to_quiz: fn(usize) -> String,
    pub retry: &'static str,
    pub attempt_n: fn(u32) -> String,
    pub next_lesson: &'static str,
    pub all_lessons_done: &'static str,

    pub walk_title: &'static str,
    pub walk_lead: &'static str,

    pub sim_banner: &'static str,
    /// The frame's own bar: "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT"…
    pub sim_label: &'static str,
    /// …and, beside it, "Không nhập thông tin thật."
    pub sim_warn: &'static str,
    pub walk_guided: &'static str,
    pub walk_guided_desc: &'static str,
    pub walk_practice: &'static str,
    pub walk_practice_desc: &'static str,
    /// A walkthrough's status words: never finished…
    pub walk_not_done: &'static str,
    /// …finished with the guide only…
    pub walk_guided_done: &'static str,
    /// …finished on her own, with the best score…
    pub walk_practiced: fn(u8) -> String,
    /// …and the same where the best score has a column of its own (Tiến độ của tôi).
    pub walk_practiced_short: &'static str,
    pub walk_next: &'static str,
    /// The one line above a refused form, before the names of the fields to fix.
    pub walk_fix: &'static str,
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
    /// After a practice: the next part of the module not done yet, by its title.
    pub walk_next_part: fn(&str) -> String,
    /// After a practice, when every required part is done.
    pub walk_next_certificate: &'static str,
    pub walk_back: &'static str,
    pub walk_not_found: &'static str,
    pub walk_required: &'static str,
    pub walk_choose: &'static str,
    pub walk_tray: &'static str,
    pub walk_phone: &'static str,
    pub walk_code_shown: &'static str,
    pub walk_mode_guided_badge: &'static str,
    pub walk_mode_practice_badge: &'static str,
    /// Beside the practice badge, for screen readers: what the clock counts.
    pub walk_clock_label: &'static str,
    /// Beside the practice badge: the time the scenario suggests (over it costs points).
    pub walk_clock_aim: fn(u32) -> String,
    pub walk_section: &'static str,
    pub col_walk: &'static str,

    pub progress_title: &'static str,
    pub progress_lead: &'static str,
    pub progress_overall: fn(usize, usize) -> String,
    pub progress_next: &'static str,
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
}
