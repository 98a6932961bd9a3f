//! English — the second interface language; says the same as `vi.rs`.

use super::{Lang, Strings};

/// English strings.
pub static EN: Strings = Strings {
    app_name: "DVC Lab",
    app_tagline: "Online Public Services Practice Lab",
    opening: "Opening the page…",
    load_failed_title: "This page could not be opened yet",
    load_failed_network: "This part of DVC Lab could not be downloaded. Check the network connection, then press “Try again”. After one complete download, DVC Lab also works offline.",
    load_failed_damaged: "A downloaded DVC Lab file is damaged or incomplete. Press “Try again”; if it still fails, ask your teacher to reinstall DVC Lab on the school server.",
    load_retry: "Try again",
    skip_link: "Skip to main content",
    nav_label: "Main navigation",
    nav_home: "Home",
    nav_lessons: "Lessons",
    nav_walkthroughs: "Practice",
    nav_progress: "My progress",
    nav_teacher: "For teachers",
    nav_ward: "For the ward",
    nav_about: "About & privacy",
    menu: "Menu",
    switch_lang: "Tiếng Việt",
    switch_lang_aria: "Chuyển giao diện sang tiếng Việt",
    footer_local: "All learning data stays in this computer's browser and is sent nowhere.",
    storage_memory: "This browser does not let the app save data (private mode?). You can still learn, but progress will be lost when you close the page.",
    storage_full: "The browser's storage is full, so new progress was not saved. Export the data to a file so nothing is lost.",
    storage_recovered: "Saved data was damaged, so the app set a copy aside and started fresh; you can export that copy to a file.",
    storage_damaged_no_room: "Some saved data is damaged, and the storage is full, so no copy could be set aside; the data was left as it is. Export the data to a file, then ask your teacher to free some storage.",
    storage_unread: "The progress saved on this computer could not be read, because part of the app did not download. Check the network connection, then reload the page; nothing saved is lost.",
    notice_export: "Export data to a file",
    dismiss: "Close",
    update_available: "A new version is ready",
    update_reload: "Reload",
    offline: "Offline — you can keep learning; progress is still saved on this device.",

    home_title: "Learn to use online public services — clearly and safely",
    home_lead: "Short lessons with quizzes that explain every answer, plus a simulated public-service portal where you practise submitting a dossier, paying, tracking and spotting scams without fear of mistakes.",
    home_start: "Start learning",
    home_continue: |t| format!("Continue: {t}"),
    home_practice: "Practise on the simulated portal",
    home_card_lessons: "Lessons",
    home_card_lessons_body: |n| {
        format!("{n} lessons of 5–10 minutes, with questions and explanations.")
    },
    home_card_walk: "Practice",
    home_card_walk_body: "Go through the steps on a simulation of the Public Service Portal and VNeID, with made-up data.",
    home_card_progress: "My progress",
    home_card_progress_body: "See which lessons you have passed and which to review.",
    home_target_title: "Why learn this?",
    home_target: "The ward's plan sets the target: by the end of 2026, 80% of high-school students are trained in using online public services; by 2030, 100%.",
    progress_complete: "You have completed the whole module!",

    nf_title: "Page not found",
    nf_body: "The page you opened is not part of DVC Lab. The address may be mistyped or out of date.",
    nf_home: "Go to the home page",

    lang: Lang::En,
    who: |name, class| format!("{name} · {class}"),
    switch_student: "Switch student",
    choose_profile: "Choose profile",
    idle_signed_out: |m| {
        format!(
            "The profile was signed out after {m} minutes without activity. Choose your name to continue."
        )
    },
};
