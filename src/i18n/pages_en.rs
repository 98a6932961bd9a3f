//! English: the lazily loaded pages.

use super::pages::PageStrings;

/// English page strings.
pub static PAGES_EN: PageStrings = PageStrings {
    menu: "Menu",
    teacher_persisted: |p| {
        match p {
        Some(true) => "The browser has agreed to keep DVC Lab's data (it will not be cleared when space runs low).".into(),
        Some(false) => "The browser has not promised to keep the data; it may be cleared when space runs low. Export regularly.".into(),
        None => "This browser does not say whether the data is kept.".into(),
    }
    },

    lessons_title: "Lessons",
    lessons_lead: "Learn in order or pick the lesson you need. Each lesson ends with questions; 80% or more is a pass.",
    lesson_minutes: |n| format!("{n} min"),
    lesson_questions: |n| format!("{n} questions"),
    lesson_number: |n| format!("Lesson {n}"),
    status_not_started: "Not started",
    status_in_progress: "In progress",
    status_done: "Passed",
    best_score: |n| format!("Best score: {n}%"),
    optional_lesson: "Extra reading",

    back_to_lessons: "← All lessons",
    lesson_not_found: "There is no such lesson. The address may be mistyped.",
    callout_tip: "Tip",
    callout_warning: "Note",
    callout_scam: "Scam alert",
    glossary_hint: "Tap or hover to see the meaning",
    opens_new_tab: "(opens in a new tab)",
    start_walkthrough: "Practice",
    checked_on: |d| format!("Updated: {d}"),
    sources_title: "Sources",
    optional_walk: "Extra practice",

    quiz_title: "Check your understanding",
    quiz_intro: |n| {
        format!(
            "Answer all {n} questions, then press “Submit”. 80% or more is a pass; after submitting you will see an explanation for every answer."
        )
    },
    question_n: |i, n| format!("Question {i} of {n}"),
    kind_single: "Choose one answer",
    kind_multiple: "Choose all correct answers",
    kind_truefalse: "True or false?",
    kind_order: "Put the steps in the right order",
    kind_match: "Match each term to its meaning",
    kind_scenario: "Scenario",
    situation: "Situation",
    move_up: |s| format!("Move up: {s}"),
    move_down: |s| format!("Move down: {s}"),
    position: |n| format!("Step {n}"),
    match_choose: "— Choose a meaning —",
    submit: "Submit",
    unanswered: |list| {
        format!("You have not answered question {list}. Answer them all, then submit.")
    },
    answer_right: "Correct",
    answer_wrong: "Not quite",
    your_choice: "Your choice",
    right_answer: "Correct answer",
    right_order: "Correct order",
    right_match: "Correct meaning",
    score_line: |c, n, p| format!("You got {c} of {n} right ({p}%)."),
    passed: "Passed! You have completed this lesson.",
    quiz_unsaved: "This result was NOT saved: the browser's storage is full. Press “Export data to a file” to keep it, then import that file on another computer or ask your teacher to free some storage.",
    failed: "Not passed yet — you need 80%. Read the explanations below and try again.",
    wrong_in: "Wrong: ",
    question_ref: |n| format!("question {n}"),
    and: " and ",
    review_title: "Review the wrong answers",
    previous_attempt: |c, n, p| format!("Last time: {c} of {n} right ({p}%)."),
    previous_wrong: |k| {
        if k == 1 {
            "Review the wrong answer and why.".to_string()
        } else {
            format!("Review the {k} wrong answers and why.")
        }
    },
    to_quiz: |n| format!("↓ Go to the questions ({n})"),
    retry: "Try again",
    attempt_n: |n| format!("Attempt {n}"),
    next_lesson: "Next lesson →",
    all_lessons_done: "This is the last lesson. See your progress →",

    walk_title: "Practise on the simulated portal",
    walk_lead: "The simulation works like the Public Service Portal and the VNeID app, but it is not the real portal: it uses made-up data only and sends nothing anywhere.",

    sim_banner: "SIMULATION – NOT THE REAL PORTAL. Do not enter real information.",
    sim_label: "SIMULATION – NOT THE REAL PORTAL",
    sim_warn: "Do not enter real information.",
    walk_guided: "Guided",
    walk_guided_desc: "Every step is shown; a mistake is explained and you try again at once.",
    walk_practice: "On your own (scored)",
    walk_practice_desc: "No hints. The score depends on finishing, mistakes and time.",
    walk_not_done: "Not done",
    walk_guided_done: "Done with the guide",
    walk_practiced: |n| format!("Done on your own {n}/100"),
    walk_practiced_short: "Done on your own",
    walk_next: "Next step",
    walk_fix: "Not yet — please fix: ",
    walk_why: "Why?",
    walk_trap: "Stop!",
    walk_locked: "Not possible",
    walk_finished: "Walkthrough complete!",
    walk_score: |n| format!("Score: {n}/100"),
    walk_time: |s| format!("Time: {} min {} s", s / 60, s % 60),
    walk_mistakes: |n| format!("Mistakes: {n}"),
    walk_review: "Worth reviewing",
    walk_no_review: "No mistakes at all. Excellent!",
    walk_again: "Try again",
    walk_to_practice: "Do it on your own for a score",
    walk_next_part: |t| format!("Next: {t}"),
    walk_next_certificate: "Next: View and print your certificate",
    walk_back: "← All walkthroughs",
    walk_not_found: "There is no such walkthrough. The address may be mistyped.",
    walk_required: "required",
    walk_choose: "— Choose —",
    walk_tray: "Sample document tray (made-up files)",
    walk_phone: "Simulated phone",
    walk_code_shown: "Code shown",
    walk_mode_guided_badge: "Guided mode",
    walk_mode_practice_badge: "On your own",
    walk_clock_label: "Time so far: ",
    walk_clock_aim: |m| format!(" / aim for {m} min"),
    walk_section: "Practice on the simulated portal",
    col_walk: "Walkthrough",

    progress_title: "My progress",
    progress_lead: "Your progress is saved in this browser.",
    progress_overall: |done, total| {
        format!("{done} of {total} required parts done (lessons and walkthroughs)")
    },
    progress_next: "Continue",
    progress_rule: "The module is complete when every required lesson is passed with 80% or more and every walkthrough has been completed on your own (scored mode).",
    col_lesson: "Lesson",
    col_status: "Status",
    col_best: "Best score",
    col_tries: "Attempts",

    teacher_title: "Teacher area",
    teacher_lead: "Collect class completion against the 80% (2026) and 100% (2030) targets.",
    teacher_storage_title: "Data on this computer",
    teacher_bytes: |b, n| {
        let kb = b.div_ceil(1024);
        if n == 0 {
            format!("Storage used: about {kb} KB.")
        } else {
            format!("Storage used: about {kb} KB, including {n} damaged copy/copies set aside.")
        }
    },
    teacher_export: "Back up everything the app keeps on this computer",
    teacher_export_help: "The file holds the learning progress and any damaged copies set aside, so nothing is lost when storage is full or broken.",
    teacher_storage: |n, persistent| {
        if persistent {
            format!(
                "This computer's browser holds {n} progress profile(s) and keeps them across reloads."
            )
        } else {
            format!(
                "The browser does not allow lasting storage; {n} profile(s) exist in temporary memory only."
            )
        }
    },

    about_title: "About & privacy",
    about_what: "What is DVC Lab?",
    about_what_body: "DVC Lab is a practice lab that teaches high-school students to use online public services: the National Public Service Portal, VNeID, paying online, tracking a dossier, rating and giving feedback, and spotting scams. It serves Plan No. 12/KH-UBND of Trần Liễu ward.",
    about_privacy: "Your data",
    about_privacy_items: &[
        "Your name, class and results are stored only in the browser of the computer you are using.",
        "The app has no server of its own and sends no data over the network.",
        "Data leaves the browser only as a file, when you or your teacher press “Export”.",
        "Never type real information (ID number, password, OTP code) into this app.",
    ],
    about_sim: "The simulated portal",
    about_sim_body: "The practice part is a simulation, not the real portal. Every name, ID number, dossier code and amount in it is made up or illustrative.",
    about_sources: "Sources",
    about_sources_body: "The lessons are based on public documents and guides from government agencies. Rules can change; when you do a real procedure, check the information on the National Public Service Portal.",
};
