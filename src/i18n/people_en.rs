//! English: profiles, the certificate, moving progress.

use super::people::PeopleStrings;
use crate::profile::Problem;
use crate::transfer::ImportError;
use crate::transfer::ImportFailure;

/// English profile strings.
pub static PEOPLE_EN: PeopleStrings = PeopleStrings {
    title: "Who is learning?",
    lead: "Choose your name, or create a profile if this is your first time. One profile per student keeps everyone's progress apart.",
    gate: "Choose your profile first, so your results are saved under your name.",
    search: "Search by name or class",
    list_label: "Profiles on this computer",
    none: "There are no profiles on this computer yet. Create yours.",
    no_match: "No name matches. Type less, or create a new profile.",
    has_pin: "has a PIN",
    pin_for: |name| format!("PIN for {name}"),
    pin_wrong: "That PIN is not right. If you forgot it, ask your teacher.",
    pin_enter: "Start",
    cancel: "Cancel",
    create_open: "Create a new profile",
    create_title: "Create a new profile",
    field_name: "Full name",
    field_name_hint: "With accents, e.g. Nguyễn Thị Linh",
    field_class: "Class",
    field_class_hint: "For example: 10A1",
    field_school: "School",
    field_school_hint: "For example: Trần Liễu High School",
    field_code: "Student code",
    field_code_hint: "If you know it (it is on your teacher's class list).",
    field_pin: "4-digit PIN",
    field_pin_hint: "Keeps classmates out of your profile on a shared computer. It is not strong security: do not use your phone or bank PIN or a real password.",
    field_pin_again: "PIN again",
    optional: "(optional)",
    create_submit: "Create and start",
    more_options: "More options",
    more_options_inside: |school| {
        if school.is_empty() {
            "student code, PIN".into()
        } else {
            format!("school ({school}), student code, PIN")
        }
    },
    form_errors: |n| {
        if n == 1 {
            "1 field needs fixing.".into()
        } else {
            format!("{n} fields need fixing.")
        }
    },
    problem: |p| match p {
        Problem::Empty => "This field cannot be empty.",
        Problem::NameNotFull => {
            "Type your full name (at least two words) so your teacher can find you on the class list."
        }
        Problem::NameCharacters => {
            "A name has only letters (with accents) and spaces, no digits or symbols."
        }
        Problem::ClassFormat => {
            "Write the class as grade 10, 11 or 12 followed by its name, e.g. 10A1 or 11B."
        }
        Problem::CodeFormat => "A student code has only letters and digits, at most 20.",
        Problem::PinFormat => "The PIN must be exactly 4 digits, e.g. 2580.",
        Problem::PinMismatch => "The two PINs are not the same.",
        Problem::Duplicate => {
            "This computer already has a profile with this name and class. Choose it in the list above."
        }
        Problem::TooLong => "This is too long.",
    },
    import_title: "Studied on another device?",
    restore_title: "Restore student profiles from a file",
    restore_help: "For a computer whose storage was full, or when moving to another computer: choose the “Export data to a file” file or a computer's progress file. The profiles are added or merged on this computer; if they do not fit, nothing changes.",
    import_help: "Choose the progress file (.json) you downloaded there. Progress is merged; nothing is lost.",
    import_button: "Import a progress file",
    import_done: |r| {
        let mut parts = Vec::new();
        if !r.created.is_empty() {
            parts.push(format!("Added profile: {}.", r.created.join(", ")));
        }
        if !r.merged.is_empty() {
            parts.push(format!("Merged progress into: {}.", r.merged.join(", ")));
        }
        if !r.unchanged.is_empty() {
            parts.push(format!(
                "Nothing new: this computer already has all the progress in the file of {}.",
                r.unchanged.join(", ")
            ));
        }
        for (who, c) in &r.conflicts {
            let field = field_name(c.field);
            parts.push(format!("Note: {who} has a different {field} — this computer keeps “{}”, the file says “{}”.", c.kept, c.other));
        }
        if r.needs_pin.is_some() {
            parts.push("This profile has a PIN: choose your name in the list and type your PIN to continue.".into());
        }
        parts.join(" ")
    },
    import_failed: |f| {
        match f {
        ImportFailure::NotYours(name) => format!("This file holds {name}'s progress, not yours. Press “Switch student” and import it on the profile page."),
        ImportFailure::WholePc(n) => format!("This file holds {n} profiles: it is a whole computer's file, exported by a teacher. Teachers import it in the Teacher area. Nothing changed."),
        ImportFailure::Storage(_) => "The browser's storage is full, so nothing was imported and nothing changed.".into(),
        ImportFailure::File(e) => match e {
            ImportError::TooLarge { mb } => format!("The file is {mb} MB — far too big for a DVC Lab progress file. Is it the right file?"),
            ImportError::NotJson(_) => "The file is incomplete or not a DVC Lab progress file (perhaps the copy did not finish). Nothing changed.".into(),
            ImportError::NotOurs => "This is not a DVC Lab progress file. Nothing changed.".into(),
            ImportError::Newer(v) => format!("The file was made by a newer DVC Lab (format {v}). Update the app, then import it again."),
            ImportError::Tampered(name) => format!("{name}'s data in the file was changed after export (checksum mismatch), so it was not imported."),
            ImportError::Damaged(_) => "A profile in the file is damaged, so the file was not imported. Nothing changed.".into(),
            ImportError::Empty => "The file holds no student profiles.".into(),
            ImportError::OutOfRange { name, problem } => format!("{name}'s data in the file holds a value DVC Lab never writes ({}); the file may have been edited or damaged. It was not imported; nothing changed.", out_of_range(problem)),
            ImportError::SchoolSummary => "This is a school summary for the ward (it opens through the “For the ward” link at the bottom of the page), not a progress file. Nothing changed.".into(),
            ImportError::TooMany(n) => format!("The file holds {n} profiles, more than a school has students. Is it the right file? Nothing changed."),
        },
    }
    },

    chart_title: "Best score per lesson",
    chart_pass_line: "Pass mark: 80%",
    move_title: "Take your progress to another device",
    move_help: "Download your progress file, then open DVC Lab on your phone or another computer and choose “Import a progress file”. Progress from both is merged.",
    download_own: "Download your progress file",
    import_own: "Import a progress file into this profile",
    certificate_link: "View and print your certificate",

    cert_title: "Certificate",
    cert_heading: "CERTIFICATE OF COMPLETION",
    cert_awarded: "DVC Lab certifies that",
    cert_module: "has completed the practice programme “Using online public services”",
    cert_class: "Class",
    cert_school: "School",
    cert_date: "Completed on",
    cert_results: "Results",
    cert_code: "Verification code",
    cert_code_help: "Teachers check this code in the teacher area after importing progress files.",
    cert_print: "Print certificate",
    cert_save_pdf: "Save as a PDF file",
    cert_pdf_hint: "To keep a file: press “Save as a PDF file”, choose “Save as PDF” as the printer, then “Save”. It fits one A4 page.",
    cert_share: "Share",
    cert_share_title: "DVC Lab certificate",
    cert_share_text: |name, class, school, day, code| {
        let school = if school.is_empty() {
            String::new()
        } else {
            format!(", {school}")
        };
        format!(
            "{name} (class {class}{school}) completed the DVC Lab practice programme “Using online public services” on {day}. Verification code: {code}."
        )
    },
    cert_share_failed: "This device cannot share. Save a PDF file and send that instead.",
    cert_not_yet: "You have not completed the module yet. The certificate appears when every required lesson is passed with 80% or more and every walkthrough is completed in practice mode.",
    cert_note: "Issued by the DVC Lab practice app; not a document of any government agency.",

    teacher_profiles_title: "Student profiles on this computer",
    teacher_no_profiles: "No profiles on this computer yet.",
    pc_school_label: "This computer's school",
    pc_school_hint: "New profiles on this computer get this school, so students do not type it (they can still change it under “More options”). Leave it empty if the computer serves several schools.",
    pc_school_saved: |school| {
        format!("Saved: new profiles on this computer get the school “{school}”.")
    },
    pc_school_cleared: "Saved: no school is set for this computer; students type their own.",
    pc_school_too_long: "The school name is too long (80 characters at most).",
    teacher_idle_label: "Sign out after inactivity (minutes; 0 = never)",
    teacher_idle_saved: |m| {
        if m == 0 {
            "Saved: no automatic sign-out.".into()
        } else {
            format!("Saved: sign out after {m} minutes.")
        }
    },
    save: "Save",
    delete: "Delete",
    delete_confirm: |name| {
        format!(
            "Delete {name}'s profile from this computer? The computer keeps a copy aside; it is in the computer's backup file (teacher area, “When something goes wrong”)."
        )
    },
    col_name: "Full name",
    col_class: "Class",
    col_done: "Lessons passed",
};

/// What is out of range in an imported record, in English.
fn out_of_range(p: &crate::progress::OutOfRange) -> &'static str {
    use crate::progress::OutOfRange::*;
    match p {
        Date(_) => "a date outside 2020–2099",
        Score(_) => "a score above 100",
        Count(_) => "an impossibly large number",
        Id(_) => "an invalid lesson or profile id",
        Detail(_) => {
            "a name, class, school or student code that is too long or has strange characters"
        }
    }
}

/// A student detail's name, in English.
pub fn field_name(f: crate::progress::Field) -> &'static str {
    use crate::progress::Field::*;
    match f {
        Name => "name",
        Class => "class",
        School => "school",
        Code => "student code",
    }
}
