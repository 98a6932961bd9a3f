//! Words of the satisfaction and needs survey (issue 19): the student's panel, the teacher's
//! feedback section and the ward's satisfaction line. One table per language (`survey_vi.rs`,
//! `survey_en.rs`), reached through `t().survey()`, so they are linked only into the chunks of
//! the pages that show the survey (walkthrough, progress, teacher, ward).

/// Survey strings.
pub struct SurveyStrings {
    pub title: &'static str,
    /// The first line after a practice / after the module.
    pub lead_practice: &'static str,
    pub lead_module: &'static str,
    /// The satisfaction question after a practice / after the module.
    pub satisfaction_practice: &'static str,
    pub satisfaction_module: &'static str,
    /// The portal's scale, best first (scores 5, 4, 3, 2, 1).
    pub scale: [&'static str; 5],
    pub hardest: &'static str,
    pub needs: &'static str,
    /// Labels of `progress::survey::NEEDS`, in that order.
    pub need_labels: [&'static str; 8],
    pub need_other: &'static str,
    pub other_label: &'static str,
    pub comment_label: &'static str,
    pub comment_hint: &'static str,
    /// "120/300".
    pub counter: fn(usize, usize) -> String,
    /// Said to a screen reader at the limit.
    pub counter_full: fn(usize) -> String,
    pub sign: &'static str,
    pub sign_hint: &'static str,
    pub send: &'static str,
    pub skip: &'static str,
    pub nothing_chosen: &'static str,
    pub thanks: &'static str,
    pub thanks_comment: &'static str,
    pub skipped: &'static str,

    // The teacher's feedback section.
    pub fb_title: &'static str,
    pub fb_help: &'static str,
    pub fb_none: &'static str,
    /// Satisfied, rated, share.
    pub fb_school_line: fn(usize, usize, u8) -> String,
    pub fb_answered: fn(usize) -> String,
    pub fb_target: &'static str,
    pub fb_met: &'static str,
    pub fb_not_met: &'static str,
    pub fb_table_label: &'static str,
    pub col_class: &'static str,
    pub col_answered: &'static str,
    pub col_satisfied: &'static str,
    pub col_share: &'static str,
    pub col_target: &'static str,
    pub whole_school: &'static str,
    pub fb_hardest_title: &'static str,
    pub fb_needs_title: &'static str,
    pub fb_others_title: &'static str,
    /// "3 học sinh".
    pub fb_students: fn(usize) -> String,
    pub fb_comments_title: &'static str,
    pub fb_comments_help: &'static str,
    pub fb_no_comments: &'static str,
    pub fb_anonymous: &'static str,
    pub fb_ack: &'static str,
    pub fb_reply_label: &'static str,
    pub fb_reply_hint: &'static str,
    pub fb_csv: &'static str,
    pub occasion_practice: &'static str,
    pub occasion_module: &'static str,
    /// The comments CSV: number, class, student, occasion, satisfaction, comment, taken on
    /// board, reply.
    pub csv_header: [&'static str; 8],

    // The ward.
    pub ward_title: &'static str,
    /// Satisfied, rated, share.
    pub ward_line: fn(usize, usize, u8) -> String,
    pub ward_none: &'static str,
    pub ward_col_school: &'static str,
}
