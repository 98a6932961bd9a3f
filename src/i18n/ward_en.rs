//! English words of the ward's report.

use super::ward::WardStrings;
use crate::teacher::summary::SummaryError;
use crate::ward::Added;

/// English.
pub static WARD_EN: WardStrings = WardStrings {
    title: "Ward: every school's results",
    lead: "The share of students who completed, per school and for the whole ward, against the 80% (2026) and 100% (2030) targets — from the schools' summary files (no student names).",
    lock_lead: "The ward page is protected by this computer's PIN.",
    loading: "Opening the saved data…",
    memory_only: "This browser does not let the app keep the ward's data (perhaps a private window). The imported files only last until this page is closed; download the CSV before closing.",
    stored_unreadable: "The ward's saved data could not be read, so it is not used; import the schools' files again.",
    stored_left_out: |n| {
        format!(
            "{n} saved summaries held impossible figures and were left out; import that school's file again."
        )
    },
    save_failed: "Could not save (is the browser's storage full?). The figures last until this page is closed; download the CSV.",

    import_title: "Import the schools' summaries",
    import_help: "Each school sends one “school summary” file (teachers export it in the Teacher area). Choose many files at once (or drop them on the box). A newer summary of a school replaces its older one; importing the same file again changes nothing.",
    import_label: "Choose school summary files (.json)",
    drop_here: "… or drop the files here.",
    importing: |done, total| format!("Reading {done}/{total} files…"),
    added: |file, school, day, added| match added {
        Added::New => format!("{file}: added {school} (figures up to {day})."),
        Added::Same => format!(
            "{file}: this summary of {school} (up to {day}) was already here; nothing changed."
        ),
        Added::Replaced { older } => format!(
            "{file}: replaced {school}'s summary up to {} with the one up to {day}.",
            crate::dates::day_of(older)
        ),
        Added::Older { kept } => format!(
            "{file}: the ward already has a newer summary of {school} (up to {}); this one (up to {day}) is not used.",
            crate::dates::day_of(kept)
        ),
        Added::Conflict => format!(
            "{file}: {school} already has another summary for the same day {day} with different figures. See “To review” to choose the right one."
        ),
    },
    refused: |file, e| {
        let why = match e {
            SummaryError::TooLarge { kb } => format!("the file is {kb} KB, far too big for a school summary. Is it the right file?"),
            SummaryError::Incomplete(_) => "the file is incomplete or damaged (perhaps the copy did not finish). Ask the school to send it again.".into(),
            SummaryError::HasNames => "this is a progress file with students' names, not a school summary. Students' names must not leave the school: ask the teacher to press “Export the school summary” and send that file.".into(),
            SummaryError::NotOurs => "this is not a DVC Lab school summary.".into(),
            SummaryError::Newer(v) => format!("the file was made by a newer DVC Lab (format {v}). Update the app, then import it again."),
            SummaryError::Edited => "the figures were changed after export (checksum mismatch). Ask the school to export it again.".into(),
            SummaryError::Inconsistent(_) => "the figures do not add up (e.g. the parts differ from the class size); the file may have been edited or damaged. Ask the school to export it again.".into(),
        };
        format!("{file}: not imported — {why} Nothing changed.")
    },
    unreadable: "the browser could not read the file.",
    too_large: "the file is far too big for a school summary.",

    nothing_yet: "No summaries yet. Import the schools' summary files.",
    ward_line: |done, total, pct| format!("Whole ward: {done}/{total} students completed — {pct}%"),
    days_line: |first, last| match last {
        Some(last) => format!("The schools' figures stand at days from {first} to {last}."),
        None => format!("Figures up to {first}."),
    },
    schools_count: |n| {
        if n == 1 {
            "1 school".into()
        } else {
            format!("{n} schools")
        }
    },
    target_2026: "Target 2026: 80%",
    target_2030: "Target 2030: 100%",
    target_met: "Met",
    target_not_met: "Not met",
    target_short: |n| format!("({n} students short)"),
    target_none: "No students",
    chart_title: "Share of students who completed, per school (dashed line: 80%)",
    chart_line: |school, done, total, pct| format!("{school}: {done}/{total} — {pct}%"),
    table_label: "Figures per school",
    col_school: "School",
    col_as_of: "Up to",
    col_students: "Students",
    col_completed: "Completed",
    col_in_progress: "In progress",
    col_not_started: "Not started",
    col_share: "Share",
    col_target_2026: "80% met?",
    col_target_2030: "100% met?",
    whole_ward: "Whole ward",
    no_lists_badge: "no class lists",
    no_lists_note: "“No class lists”: that school has not imported its class lists, so its class sizes only count students who used the app and its share looks higher than it is.",
    conflict_badge: "to review",
    remove_school: "Remove",
    remove_school_aria: |s| format!("Remove {s}'s summary"),
    remove_school_confirm: |s| format!("Remove {s}'s summary from the ward's figures?"),

    trend_title: "Students completed by month",
    trend_help: "Cumulative to the end of each month, over all the schools' students.",
    col_month: "Month",
    col_completed_so_far: "Completed (cumulative)",
    trend_chart_label: |last, pct| {
        format!("Chart: the ward's completed share rising month by month, {pct}% by {last}.")
    },

    conflicts_title: "To review",
    conflicts_help: "Two files of the same school for the same day with different figures. The one counted stays counted until you choose.",
    conflict_line: |school, day, (done, total), (other_done, other_total)| {
        format!(
            "{school}, up to {day}: counted {done}/{total} completed; newly imported {other_done}/{other_total}."
        )
    },
    use_other: "Use the new one",
    keep_counted: "Keep the counted one",

    exports_title: "Export the ward's report",
    csv: "Download CSV (opens in Excel)",
    print: "Print the report",
    clear: "Delete all of the ward's data",
    clear_help: "Deletes every school summary imported on this computer. The original files are not deleted.",
    clear_confirm: "Delete every school summary imported on this computer?",
    cleared: "The ward's data on this computer was deleted.",
    download_failed: "The browser did not allow the download. Allow downloads for this page, then try again.",

    print_ward: "Ward",
    print_heading: |span| {
        format!(
            "Summary of upper-secondary students' results in “Using online public services” — figures up to {span}"
        )
    },
    printed_on: |date| format!("Printed on {date}"),
    sign_maker: "Prepared by",
    sign_head: "Head of unit",
    sign_hint: "(Signature and full name)",
};
