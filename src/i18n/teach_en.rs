//! English: the teacher's report.

use super::teach::TeachStrings;
use crate::teacher::roster::RosterError;
use crate::teacher::xlsx::XlsxError;

/// English teacher-report strings.
pub static TEACH_EN: TeachStrings = TeachStrings {
    lock_lead: "The teacher area on this computer has a PIN. Enter it to see the report and the student profiles.",
    lock_label: "Teacher PIN",
    lock_open: "Open the teacher area",
    lock_wrong: "That PIN is not right. Try again.",
    lock_wait: |s| format!("Too many wrong PINs: wait {s} seconds, then try again."),
    forgot: "Forgot the PIN?",
    recovery_title: "Set a new PIN with the recovery code",
    recovery_help: "The recovery code is shown once, when the PIN is set. With it you set a new PIN and everything on this computer stays.",
    recovery_label: "Recovery code (12 digits)",
    recovery_submit: "Set the new PIN",
    recovery_wrong: "The recovery code is not right.",
    recovery_none: "This computer's PIN was set before the app had recovery codes.",
    reset_title: "No recovery code?",
    reset_help: "You can remove the PIN. So that nobody can use this to see the whole school's figures, what was imported into the teacher and ward areas on this computer (class progress, class lists, schools' summaries) is deleted too; import it again from the files. Students' accounts and their progress on this computer stay.",
    reset_button: "Remove the PIN and the imported data",
    reset_confirm: "Remove the PIN and the progress, class lists and ward summaries imported on this computer? Students' accounts on this computer stay.",
    reset_done: "The PIN and the imported data are removed. Students' accounts on this computer are all still here.",
    reset_failed: "The imported data could not be deleted, so the PIN stays. Reload the page and try again.",
    recovery_shown: |code| {
        format!(
            "Recovery code: {code}. Write it down and keep it somewhere else (not next to the computer). If you forget the PIN, this code sets a new one without losing any data. It is shown only once."
        )
    },
    recovery_missing: "This PIN has no recovery code (it was set before this feature). Set the PIN again to get one.",
    steps_label: "Steps",
    step_lab: "1. On a lab PC",
    step_import: "2. On your own computer",
    step_report: "3. The report",
    step_settings: "PIN",
    step_import_lead: "On your own computer: import the lab PCs' progress files and the files students sent, then the class lists.",
    step_settings_lead: "The PIN guards the teacher and ward areas on this computer.",
    see_report: "See the report →",
    go_import: "Import progress files and class lists (step 2) →",
    trouble_title: "When something goes wrong",
    advanced_title: "Advanced",
    clear_title: "Delete the imported data",
    clear_help: |students, classes| {
        format!(
            "Deletes from this computer all imported progress and class lists ({students} students, {classes} classes). The imported files and the accounts on the lab PCs are not deleted."
        )
    },
    pin_title: "Teacher PIN (optional)",
    pin_on: "The teacher area on this computer has a PIN: it must be entered each time the area is opened.",
    pin_off: "The teacher area on this computer has no PIN: anyone can open it.",
    pin_new: "New PIN (4–8 digits)",
    pin_again: "Type the new PIN again",
    pin_set: "Save the PIN",
    pin_remove: "Remove the PIN",
    pin_saved: "PIN saved. Opening the teacher area will ask for it from now on.",
    pin_removed: "PIN removed. The teacher area opens without a PIN.",
    pin_format: "The PIN must be 4 to 8 digits (0–9).",
    pin_mismatch: "The two PINs you typed are not the same.",
    pin_help: "The PIN only keeps students from wandering into the teacher area on a shared computer; it is not strong security. Do not use your phone or bank PIN or another important password.",
    export_pc_title: "Export this computer's progress",
    export_pc_help: "One file with every student profile on this computer and a checksum per profile. Copy it to your own computer and import it there (step 2).",
    machine_label: "Computer name (to recognise the file), e.g. Lab 2 – PC 07",
    export_pc: "Export this computer's progress",

    import_title: "Import progress from the lab computers",
    import_help: "Choose many files at once: exports from each lab computer and files students downloaded themselves. Importing the same file again changes nothing; the same student on several computers becomes one.",
    import_label: "Choose progress files (.json)",
    drop_here: "…or drop the files here",
    importing: |done, total| format!("Importing {done}/{total} files…"),
    file_ok: |name, new, updated, unchanged, conflicts| {
        let mut s = format!("{name}: {new} new students, {updated} updated, {unchanged} unchanged");
        if conflicts > 0 {
            s.push_str(&format!(", {conflicts} differences to check (below)"));
        }
        s + "."
    },
    file_failed: |name, why| format!("{name}: not imported — {why}"),

    roster_title: "Class list",
    roster_help: "An Excel workbook (.xlsx, first sheet only), or a CSV or text (.txt) file saved from Excel, with the columns “Họ và tên” (full name) and “Lớp” (class); “STT”, “Ngày sinh” and “Mã học sinh” (student code) are optional. Columns may be in any order.",
    roster_label: "Choose the class list (.xlsx, .csv, .txt)",
    roster_ok: |n, classes| format!("Class list read: {n} students in {classes} classes."),
    roster_added: |a| {
        let mut parts: Vec<String> = a
            .added
            .iter()
            .map(|(c, n)| format!("Added class {c} ({n} students)."))
            .collect();
        parts.extend(
            a.replaced
                .iter()
                .map(|(c, n)| format!("Replaced the list of class {c} ({n} students).")),
        );
        parts.push(format!("{} classes now.", a.classes));
        parts.join(" ")
    },
    class_size: |c, n| format!("Class {c}: {n} students"),
    remove_class: "Remove this class",
    remove_class_aria: |c| format!("Remove this class: {c}"),
    remove_class_confirm: |c| {
        format!(
            "Remove the list of class {c}? Imported progress is not deleted; its students will be counted apart as not on a list."
        )
    },
    roster_error: |e| {
        match e {
        RosterError::TooLarge => "The file is too big for a class list.".into(),
        RosterError::NotText => {
            "This is not a class list the app can read. In Excel, use Save As → Excel Workbook (.xlsx) or CSV UTF-8, then import it again."
                .into()
        }
        RosterError::OldOrLockedExcel => "This is an old-format Excel file (.xls) or a password-protected workbook. Remove the password (if any), then in Excel use Save As → Excel Workbook (.xlsx) or CSV UTF-8 and import the saved file.".into(),
        RosterError::Workbook(e) => match e {
            XlsxError::Unsupported => "The Excel file is password-protected or uses a compression the app cannot read. Remove the password, or save it as CSV UTF-8.".into(),
            XlsxError::NoSheet => "This file contains no Excel worksheet. Save it as Excel Workbook (.xlsx) or CSV UTF-8.".into(),
            XlsxError::TooLarge => "The Excel file holds too much data. Keep only the class list sheet, save it and import it again.".into(),
            XlsxError::Damaged => "The Excel file is damaged or was not downloaded completely. Open it in Excel and save a new copy.".into(),
        },
        RosterError::NoHeader => {
            "No header row with a “Họ và tên” (full name) column was found.".into()
        }
        RosterError::MissingColumns(c) => format!("Missing columns: {}.", c.join(", ")),
        RosterError::Empty => "The list has no students.".into(),
        RosterError::TooMany(n) => format!("The list has {n} rows, more than a school has students (at most {}). Is it the right sheet? The earlier list is kept.", crate::teacher::roster::MAX_ROSTER_STUDENTS),
        RosterError::DuplicateCodes(c) => format!(
            "Duplicate student codes: {}. Fix them in Excel and import again.",
            c.join(", ")
        ),
        RosterError::IncompleteRows(r) => format!(
            "Rows without a name or a class: {}.",
            r.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
    },

    nothing_yet: "No data yet. Import progress files and a class list.",
    by_month_title: "Students completed by month (cumulative)",
    class_table_label: "Completion per class",
    col_month: "Month",
    as_of_label: "As of",
    as_of_help: "Leave empty for today. Pick a day (e.g. 31/12/2026) for a periodic report.",
    school_line: |done, total, pct| {
        format!("Whole school: {done}/{total} students completed — {pct}%")
    },
    class_line: |class, done, total, pct| format!("{class}: {done}/{total} completed — {pct}%"),
    target_2026: "2026 target: 80%",
    target_2030: "2030 target: 100%",
    chart_title: "Completion by class (dashed line: the 80% target for 2026; full bar: 100% for 2030)",
    col_class: "Class",
    col_students: "Students",
    col_completed: "Completed",
    col_in_progress: "In progress",
    col_not_started: "Not started",
    col_share: "Share",
    col_name: "Full name",
    col_code: "Code",
    col_status: "Status",
    col_lessons: "Lessons passed",
    col_walks: "Walkthroughs",
    col_last: "Last active",
    standing_done: "Completed",
    standing_progress: "In progress",
    standing_none: "Not started",
    not_on_roster: "not on the class list",
    students_title: "Students",
    filter_class: "Class",
    all_classes: "All",
    filter_text: "Search name or code",
    sort_by: |col| format!("Sort by {col}"),
    unmatched_title: "Profiles not matched to the class list",
    unmatched_help: "Choose the matching student on the list to count them in their class.",
    assign: "Assign",
    assign_choose: "— choose a student —",
    conflicts_title: "Details that differ between files",
    conflict_line: |name, field, kept, other| {
        let field = super::people_en::field_name(field);
        format!("{name}: {field} “{kept}” (used) and “{other}”.")
    },
    lessons_title: "Pass rate per lesson",
    pass_rate: |passed, total| format!("{passed}/{total} students passed"),
    missed_title: "Questions most often answered wrongly",
    steps_title: "Walkthrough steps with the most mistakes",
    times: |n| format!("{n} times"),
    verify_title: "Check a certificate code",
    verify_label: "Verification code (e.g. FBJ7-17JR)",
    verify_button: "Check",
    verify_ok: |name, class, date| format!("Valid: {name}, class {class}, completed on {date}."),
    verify_none: "No certificate with this code in the imported data.",
    exports_title: "Export the report",
    ward_title: "Summary for the ward",
    ward_help: "One file with figures per class only (class size, completed, in progress, not started, by month) up to the day chosen above — no student's name, code or record. Send it to the ward officer (USB stick or email); the ward opens it through the “For the ward” link at the bottom of the page.",
    ward_school_label: "School name (as the ward will see it)",
    ward_export: "Export the school summary",
    ward_done: |file, day| {
        format!("Downloaded “{file}” (figures up to {day}). Send this file to the ward.")
    },
    ward_no_school: "Type the school's name before exporting.",
    ward_no_lists: "No class lists yet: class sizes in the report are only the students who used the app, so the shares look higher than they are. Import the class lists before sending the ward.",
    csv_class: "Download completion CSV (per student)",
    csv_school: "Download summary CSV (per class)",
    xapi: "Download the learning records in the xAPI standard (for a Learning Record Store)",
    print_report: "Print the report",
    clear: "Delete the imported data on this computer",
    clear_confirm: "Clear all imported progress and the class list on this computer? (This computer's own student profiles stay.)",
    saved_full: "The browser's storage is full, so the imported data only lasts until this page is closed. Download the CSV now.",
    save_failed: "The browser refused to save the data. Reload the page and try again, or use another browser.",
    download_failed: "The browser did not allow the download. Allow downloads for this page, then try again.",
    stored_left_out: |n| {
        format!(
            "{n} stored records held impossible values (a date in the year 99999, say) and were left out; import that computer's file again if needed."
        )
    },
    stored_set_aside: "The teacher data stored in this browser could not be read (damaged, or written by a newer version). A copy was set aside; “Export data” at the end of the page includes it. Import the files again.",
    stored_kept: "The teacher data stored in this browser could not be read, and storage is full, so no copy could be set aside: it is left as it is and not written over. What you import now lasts only until this page is closed; press “Clear imported data” to start again.",
    stored_set_aside_db: "The teacher data stored in this browser could not be read (damaged, or written by a newer version). A copy has been set aside on this computer; download it so nothing is lost, then import the files again.",
    download_set_aside: "Download the copy set aside",
    loading_data: "Opening the imported data…",
    memory_only: "This browser does not let the app keep the teacher's data (private mode, or a school setting). You can still import files and see the report, but the data is lost when this page is closed: download the CSV or print the report before closing.",
    rows_shown: |n, total| {
        format!("Showing {n} of {total} students. Choose a class above to see all of it.")
    },
    show_more: |n| format!("Show {n} more students"),
    report_heading: |date| format!("Report: “Online public services” training as of {date}"),
    col_certificate: "Certificate code",
    whole_school: "Whole school",
    print_school: "School",
    printed_on: |date| format!("Printed on {date}"),
    col_target_2026: "Reached 80%?",
    col_target_2030: "Reached 100%?",
    target_met: "Yes",
    target_not_met: "No",
    target_short: |n| format!("({n} to go)"),
    target_none: "No students",
    apart_note: |n| {
        format!(
            "Also {n} students with progress who are on no class list: not counted in class sizes or shares, listed on the last page."
        )
    },
    apart_title: "Students with progress who are on no class list (not counted in the shares)",
    class_title: |class| format!("Class {class}"),
    print_class_line: |c| {
        format!(
            "{} students: {} completed ({}%), {} in progress, {} not started.",
            c.students,
            c.completed,
            c.percent(),
            c.in_progress,
            c.not_started
        )
    },
    col_number: "No.",
    sign_school: "Approved by the school",
    sign_teacher: "Prepared by",
    sign_hint: "(signature and full name)",
};
