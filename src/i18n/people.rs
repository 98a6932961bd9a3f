//! Words for profiles, the certificate, moving progress between devices and the profile part
//! of the teacher area. One table per language (`people_vi.rs`, `people_en.rs`).

use crate::profile::Problem;
use crate::transfer::{ImportFailure, ImportReport};

/// Profile, certificate and transfer strings.
pub struct PeopleStrings {
    pub title: &'static str,
    pub lead: &'static str,
    pub gate: &'static str,
    pub search: &'static str,
    pub list_label: &'static str,
    pub none: &'static str,
    pub no_match: &'static str,
    pub has_pin: &'static str,
    pub pin_for: fn(&str) -> String,
    pub pin_wrong: &'static str,
    pub pin_enter: &'static str,
    pub cancel: &'static str,
    pub create_open: &'static str,
    pub create_title: &'static str,
    pub field_name: &'static str,
    pub field_name_hint: &'static str,
    pub field_class: &'static str,
    pub field_class_hint: &'static str,
    pub field_school: &'static str,
    pub field_school_hint: &'static str,
    pub field_code: &'static str,
    pub field_code_hint: &'static str,
    pub field_pin: &'static str,
    pub field_pin_hint: &'static str,
    pub field_pin_again: &'static str,
    pub optional: &'static str,
    pub create_submit: &'static str,
    /// The folded part of the new-profile form ("Thêm tuỳ chọn").
    pub more_options: &'static str,
    /// What the folded part holds, with the school already filled in (empty: none).
    pub more_options_inside: fn(&str) -> String,
    pub form_errors: fn(usize) -> String,
    pub problem: fn(Problem) -> &'static str,
    pub import_title: &'static str,
    /// Teacher area: restoring many profiles from a file.
    pub restore_title: &'static str,
    pub restore_help: &'static str,
    pub import_help: &'static str,
    pub import_button: &'static str,
    pub import_done: fn(&ImportReport) -> String,
    pub import_failed: fn(&ImportFailure) -> String,

    pub chart_title: &'static str,
    pub chart_pass_line: &'static str,
    pub move_title: &'static str,
    pub move_help: &'static str,
    pub download_own: &'static str,
    pub import_own: &'static str,
    pub certificate_link: &'static str,

    pub cert_title: &'static str,
    pub cert_heading: &'static str,
    pub cert_awarded: &'static str,
    pub cert_module: &'static str,
    pub cert_class: &'static str,
    pub cert_school: &'static str,
    pub cert_date: &'static str,
    pub cert_results: &'static str,
    pub cert_code: &'static str,
    pub cert_code_help: &'static str,
    pub cert_print: &'static str,
    /// The button that opens the print window to save the certificate as a PDF file.
    pub cert_save_pdf: &'static str,
    /// Under the buttons: which "printer" saves a file.
    pub cert_pdf_hint: &'static str,
    /// Shown only where the browser can share (`navigator.share`).
    pub cert_share: &'static str,
    /// The shared message's title.
    pub cert_share_title: &'static str,
    /// The shared message: name, class, school, day completed, verification code.
    pub cert_share_text: fn(&str, &str, &str, &str, &str) -> String,
    pub cert_share_failed: &'static str,
    pub cert_not_yet: &'static str,
    pub cert_note: &'static str,

    pub teacher_profiles_title: &'static str,
    pub teacher_no_profiles: &'static str,
    /// Teacher area, this lab PC: the school every new profile here starts with.
    pub pc_school_label: &'static str,
    pub pc_school_hint: &'static str,
    pub pc_school_saved: fn(&str) -> String,
    pub pc_school_cleared: &'static str,
    pub pc_school_too_long: &'static str,
    pub teacher_idle_label: &'static str,
    pub teacher_idle_saved: fn(u32) -> String,
    pub save: &'static str,
    pub delete: &'static str,
    pub delete_confirm: fn(&str) -> String,
    pub col_name: &'static str,
    pub col_class: &'static str,
    pub col_done: &'static str,
}
