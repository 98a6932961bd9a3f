//! Words for the teacher's report: importing files and the class list, the dashboard, the
//! exports. One table per language (`teach_vi.rs`, `teach_en.rs`).

/// Teacher report strings.
pub struct TeachStrings {
    pub lock_lead: &'static str,
    pub lock_label: &'static str,
    pub lock_open: &'static str,
    pub lock_wrong: &'static str,
    /// Seconds to wait after too many wrong PINs.
    pub lock_wait: fn(i64) -> String,
    /// The lock's "forgot the PIN?" button.
    pub forgot: &'static str,
    pub recovery_title: &'static str,
    pub recovery_help: &'static str,
    pub recovery_label: &'static str,
    pub recovery_submit: &'static str,
    pub recovery_wrong: &'static str,
    /// The PIN was set before recovery codes existed: only the reset below is possible.
    pub recovery_none: &'static str,
    pub reset_title: &'static str,
    pub reset_help: &'static str,
    pub reset_button: &'static str,
    pub reset_confirm: &'static str,
    pub reset_done: &'static str,
    pub reset_failed: &'static str,
    /// Shown once, when a PIN is set: the recovery code.
    pub recovery_shown: fn(&str) -> String,
    pub recovery_missing: &'static str,
    /// The teacher area's steps: the navigation's name, each step, and its first line.
    pub steps_label: &'static str,
    pub step_lab: &'static str,
    pub step_import: &'static str,
    pub step_report: &'static str,
    pub step_settings: &'static str,
    pub step_import_lead: &'static str,
    pub step_settings_lead: &'static str,
    /// After a successful import: the way to the report.
    pub see_report: &'static str,
    /// The report step with nothing imported yet: its way to step 2.
    pub go_import: &'static str,
    pub trouble_title: &'static str,
    pub advanced_title: &'static str,
    pub clear_title: &'static str,
    /// What clearing deletes: students and classes imported.
    pub clear_help: fn(usize, usize) -> String,
    pub pin_title: &'static str,
    pub pin_on: &'static str,
    pub pin_off: &'static str,
    pub pin_new: &'static str,
    pub pin_again: &'static str,
    pub pin_set: &'static str,
    pub pin_remove: &'static str,
    pub pin_saved: &'static str,
    pub pin_removed: &'static str,
    pub pin_format: &'static str,
    pub pin_mismatch: &'static str,
    pub pin_help: &'static str,

    pub export_pc_title: &'static str,
    pub export_pc_help: &'static str,
    pub machine_label: &'static str,
    pub export_pc: &'static str,

    pub import_title: &'static str,
    pub import_help: &'static str,
    pub import_label: &'static str,
    pub drop_here: &'static str,
    pub importing: fn(usize, usize) -> String,
    pub file_ok: fn(&str, usize, usize, usize, usize) -> String,
    pub file_failed: fn(&str, &str) -> String,

    pub roster_title: &'static str,
    pub roster_help: &'static str,
    pub roster_label: &'static str,
    pub roster_ok: fn(usize, usize) -> String,
    /// What adding a class list did.
    pub roster_added: fn(&crate::teacher::class::RosterAdded) -> String,
    /// A class and its size.
    pub class_size: fn(&str, usize) -> String,
    pub remove_class: &'static str,
    pub remove_class_aria: fn(&str) -> String,
    pub remove_class_confirm: fn(&str) -> String,
    pub roster_error: fn(&crate::teacher::roster::RosterError) -> String,

    pub nothing_yet: &'static str,
    pub by_month_title: &'static str,
    /// The name of the class table's scroll box.
    pub class_table_label: &'static str,
    pub col_month: &'static str,
    /// The "as of" date of the report.
    pub as_of_label: &'static str,
    pub as_of_help: &'static str,
    pub school_line: fn(usize, usize, u8) -> String,
    pub class_line: fn(&str, usize, usize, u8) -> String,
    pub target_2026: &'static str,
    pub target_2030: &'static str,
    pub chart_title: &'static str,
    pub col_class: &'static str,
    pub col_students: &'static str,
    pub col_completed: &'static str,
    pub col_in_progress: &'static str,
    pub col_not_started: &'static str,
    pub col_share: &'static str,
    pub col_name: &'static str,
    pub col_code: &'static str,
    pub col_status: &'static str,
    pub col_lessons: &'static str,
    pub col_walks: &'static str,
    pub col_last: &'static str,
    pub standing_done: &'static str,
    pub standing_progress: &'static str,
    pub standing_none: &'static str,
    pub not_on_roster: &'static str,
    pub students_title: &'static str,
    pub filter_class: &'static str,
    pub all_classes: &'static str,
    pub filter_text: &'static str,
    pub sort_by: fn(&str) -> String,
    pub unmatched_title: &'static str,
    pub unmatched_help: &'static str,
    pub assign: &'static str,
    pub assign_choose: &'static str,
    pub conflicts_title: &'static str,
    pub conflict_line: fn(&str, crate::progress::Field, &str, &str) -> String,
    pub lessons_title: &'static str,
    pub pass_rate: fn(usize, usize) -> String,
    pub missed_title: &'static str,
    pub steps_title: &'static str,
    pub times: fn(u32) -> String,
    pub verify_title: &'static str,
    pub verify_label: &'static str,
    pub verify_button: &'static str,
    pub verify_ok: fn(&str, &str, &str) -> String,
    pub verify_none: &'static str,
    pub exports_title: &'static str,
    /// The school summary for the ward.
    pub ward_title: &'static str,
    pub ward_help: &'static str,
    pub ward_school_label: &'static str,
    pub ward_export: &'static str,
    /// After the download: the file name and the day it covers.
    pub ward_done: fn(&str, &str) -> String,
    pub ward_no_school: &'static str,
    pub ward_no_lists: &'static str,
    pub csv_class: &'static str,
    pub csv_school: &'static str,
    pub xapi: &'static str,
    pub print_report: &'static str,
    pub clear: &'static str,
    pub clear_confirm: &'static str,
    pub saved_full: &'static str,
    /// A save refused for another reason than a full or missing storage.
    pub save_failed: &'static str,
    /// A download the browser did not allow.
    pub download_failed: &'static str,
    /// Stored records left out for impossible values.
    pub stored_left_out: fn(usize) -> String,
    /// Stored teacher data unreadable; a copy set aside.
    pub stored_set_aside: &'static str,
    /// Stored teacher data unreadable; no room for a copy, left untouched.
    pub stored_kept: &'static str,
    /// Unreadable stored data set aside in IndexedDB (a download button follows).
    pub stored_set_aside_db: &'static str,
    pub download_set_aside: &'static str,
    /// Shown while the stored data is read.
    pub loading_data: &'static str,
    /// IndexedDB not available: the data lasts only until the page is closed.
    pub memory_only: &'static str,
    /// "Showing 200 of 3,000 students" under a long student table.
    pub rows_shown: fn(usize, usize) -> String,
    pub show_more: fn(usize) -> String,
    /// The printed report's title, with the day it is read as of ("đến ngày …").
    pub report_heading: fn(&str) -> String,
    pub col_certificate: &'static str,
    pub whole_school: &'static str,
    /// The printed cover: the school's label, and the day it was printed.
    pub print_school: &'static str,
    pub printed_on: fn(&str) -> String,
    /// The class table's columns against the 2026 and 2030 targets, and their words.
    pub col_target_2026: &'static str,
    pub col_target_2030: &'static str,
    pub target_met: &'static str,
    pub target_not_met: &'static str,
    /// Beside "not yet": how many more students must complete.
    pub target_short: fn(usize) -> String,
    /// A class with nobody on its list.
    pub target_none: &'static str,
    /// Students with progress on no class list: the cover's note and their printed section.
    pub apart_note: fn(usize) -> String,
    pub apart_title: &'static str,
    /// A printed class: its heading and its numbers.
    pub class_title: fn(&str) -> String,
    pub print_class_line: fn(&crate::teacher::class::Coverage) -> String,
    /// The number column of a printed class list.
    pub col_number: &'static str,
    /// The signature blocks at the end of the cover.
    pub sign_school: &'static str,
    pub sign_teacher: &'static str,
    pub sign_hint: &'static str,
}
