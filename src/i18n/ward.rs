//! Words for the ward's report ("Phường"): importing the schools' summary files, the ward's
//! figures against 80% / 100%, conflicts, the exports. One table per language (`ward_vi.rs`,
//! `ward_en.rs`), linked into the ward page's chunk only.

use crate::teacher::summary::SummaryError;
use crate::ward::Added;

/// Completed out of students.
pub type Share = (usize, usize);

/// Ward report strings.
pub struct WardStrings {
    pub title: &'static str,
    pub lead: &'static str,
    /// The PIN lock's first line on this page.
    pub lock_lead: &'static str,
    pub loading: &'static str,
    pub memory_only: &'static str,
    pub stored_unreadable: &'static str,
    pub stored_left_out: fn(usize) -> String,
    pub save_failed: &'static str,

    pub import_title: &'static str,
    pub import_help: &'static str,
    pub import_label: &'static str,
    pub drop_here: &'static str,
    pub importing: fn(usize, usize) -> String,
    /// One file's result: the file name, the school, the day its figures stand at and what it did.
    pub added: fn(&str, &str, &str, &Added) -> String,
    /// One file refused: the file name and why.
    pub refused: fn(&str, &SummaryError) -> String,
    pub unreadable: &'static str,
    pub too_large: &'static str,

    pub nothing_yet: &'static str,
    /// "Toàn phường: 91/130 học sinh đã hoàn thành (70%)".
    pub ward_line: fn(usize, usize, u8) -> String,
    /// The days the schools' figures stand at: one day, or a first and a last.
    pub days_line: fn(&str, Option<&str>) -> String,
    pub schools_count: fn(usize) -> String,
    pub target_2026: &'static str,
    pub target_2030: &'static str,
    pub target_met: &'static str,
    pub target_not_met: &'static str,
    pub target_short: fn(usize) -> String,
    pub target_none: &'static str,
    pub chart_title: &'static str,
    pub chart_line: fn(&str, usize, usize, u8) -> String,
    pub table_label: &'static str,
    pub col_school: &'static str,
    pub col_as_of: &'static str,
    pub col_students: &'static str,
    pub col_completed: &'static str,
    pub col_in_progress: &'static str,
    pub col_not_started: &'static str,
    pub col_share: &'static str,
    pub col_target_2026: &'static str,
    pub col_target_2030: &'static str,
    pub whole_ward: &'static str,
    pub no_lists_badge: &'static str,
    pub no_lists_note: &'static str,
    pub conflict_badge: &'static str,
    pub remove_school: &'static str,
    pub remove_school_aria: fn(&str) -> String,
    pub remove_school_confirm: fn(&str) -> String,

    pub trend_title: &'static str,
    pub trend_help: &'static str,
    pub col_month: &'static str,
    pub col_completed_so_far: &'static str,
    pub trend_chart_label: fn(&str, u8) -> String,

    pub conflicts_title: &'static str,
    pub conflicts_help: &'static str,
    /// A conflict: the school, the day, the figures counted and the other file's.
    pub conflict_line: fn(&str, &str, Share, Share) -> String,
    pub use_other: &'static str,
    pub keep_counted: &'static str,

    pub exports_title: &'static str,
    pub csv: &'static str,
    pub print: &'static str,
    pub clear: &'static str,
    pub clear_help: &'static str,
    pub clear_confirm: &'static str,
    pub cleared: &'static str,
    pub download_failed: &'static str,

    pub print_ward: &'static str,
    pub print_heading: fn(&str) -> String,
    pub printed_on: fn(&str) -> String,
    pub sign_maker: &'static str,
    pub sign_head: &'static str,
    pub sign_hint: &'static str,
}
