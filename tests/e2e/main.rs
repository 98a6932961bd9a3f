//! End-to-end tests: the **release build** in `dist/` (make dist), served by a static server the
//! tests start and stop, driven in headless Chromium through chromedriver the way a student or
//! teacher would — mouse, keyboard and touch, at 1366×768 and 360×640.
//!
//! Run with `make test` (or `DVC_DIST=dist cargo test --test e2e [-- FILTER]`). Screenshots land in
//! `tests/e2e/artifacts/`. Prints `e2e: N passed, M failed` and exits non-zero on any failure.

// Native only: in a wasm32 build (clippy --target wasm32 --all-targets) this target is empty.
#[cfg(not(target_arch = "wasm32"))]
mod a11y;
#[cfg(not(target_arch = "wasm32"))]
mod bench;
#[cfg(not(target_arch = "wasm32"))]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod defects;
#[cfg(not(target_arch = "wasm32"))]
mod deploy;
#[cfg(not(target_arch = "wasm32"))]
mod hardening;
#[cfg(not(target_arch = "wasm32"))]
mod lessons;
#[cfg(not(target_arch = "wasm32"))]
mod lrs;
#[cfg(not(target_arch = "wasm32"))]
mod offline;
#[cfg(not(target_arch = "wasm32"))]
mod phone;
#[cfg(not(target_arch = "wasm32"))]
mod phone_a11y;
#[cfg(not(target_arch = "wasm32"))]
mod profile_form;
#[cfg(not(target_arch = "wasm32"))]
mod profiles;
#[cfg(not(target_arch = "wasm32"))]
mod ralph;
#[cfg(not(target_arch = "wasm32"))]
mod school_store;
#[cfg(not(target_arch = "wasm32"))]
mod server;
#[cfg(not(target_arch = "wasm32"))]
mod shell;
#[cfg(not(target_arch = "wasm32"))]
mod survey;
#[cfg(not(target_arch = "wasm32"))]
mod teacher;
#[cfg(not(target_arch = "wasm32"))]
mod walk;
#[cfg(not(target_arch = "wasm32"))]
mod walk_phone;
#[cfg(not(target_arch = "wasm32"))]
mod ward;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use browser::{Driver, Res};
#[cfg(not(target_arch = "wasm32"))]
use std::{future::Future, path::PathBuf, pin::Pin};

/// What every test gets: the driver and the built app.
#[cfg(not(target_arch = "wasm32"))]
pub struct Ctx {
    /// The chromedriver process.
    pub driver: Driver,
    /// The `dist/` folder of the release build.
    pub dist: PathBuf,
}

#[cfg(not(target_arch = "wasm32"))]
type TestFn = fn(&'static Ctx) -> Pin<Box<dyn Future<Output = Res> + Send + 'static>>;

#[cfg(not(target_arch = "wasm32"))]
macro_rules! tests {
    ($($path:path),* $(,)?) => {
        vec![$((stringify!($path), (|c| Box::pin($path(c))) as TestFn)),*]
    };
}

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main]
async fn main() {
    let dist = PathBuf::from(std::env::var("DVC_DIST").unwrap_or_else(|_| "dist".into()));
    if !dist.join("index.html").is_file() {
        eprintln!(
            "e2e: no release build at {} — run `make dist` first (make test does).",
            dist.display()
        );
        std::process::exit(1);
    }
    let driver = match Driver::start() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("e2e: {e}");
            std::process::exit(1);
        }
    };
    // Leaked so each test can run as its own task: a failed assert! becomes a failed test, not an aborted run.
    let ctx: &'static Ctx = Box::leak(Box::new(Ctx { driver, dist }));
    if std::env::var_os("DVC_BENCH").is_some() {
        // `make bench`: measurements instead of tests.
        let result = tokio::spawn(bench::run(ctx)).await;
        ctx.driver.stop();
        match result {
            Ok(Ok(all_ok)) => {
                println!(
                    "\nbench: {}",
                    if all_ok {
                        "every measured budget holds"
                    } else {
                        "SOME BUDGETS FAILED (see OVER BUDGET above)"
                    }
                );
                let strict = std::env::var_os("BENCH_STRICT").is_some();
                std::process::exit(if strict && !all_ok { 1 } else { 0 });
            }
            Ok(Err(e)) => eprintln!("bench: {e}"),
            Err(e) => eprintln!("bench panicked: {e}"),
        }
        std::process::exit(1);
    }
    let all: Vec<(&str, TestFn)> = tests![
        shell::home_is_vietnamese_and_english_switch_survives_reload,
        shell::every_page_in_both_languages_without_console_errors,
        shell::deep_links_and_404_work_at_root_and_under_a_sub_path,
        shell::keyboard_skip_link_and_visible_focus,
        shell::phone_layout_has_no_sideways_scroll,
        shell::no_request_leaves_the_app_origin,
        shell::damaged_saved_progress_is_set_aside_and_the_app_still_starts,
        shell::teacher_exports_everything_this_browser_holds,
        shell::a_slow_connection_shows_what_is_loading,
        lessons::quiz_fail_read_explanations_retry_pass_by_mouse,
        lessons::quiz_by_keyboard_only_in_english,
        lessons::quiz_by_touch_on_a_phone,
        lessons::progress_is_kept_after_reload_and_stays_on_this_browser,
        walk::three_walkthroughs_guided_by_keyboard_only,
        walk::a_typical_mistake_is_explained_in_guided_mode,
        walk::practice_mode_by_keyboard_is_scored_and_counts_toward_progress,
        walk::walkthrough_on_a_phone_in_english,
        walk::the_extra_walkthroughs_play_through_on_a_phone,
        walk_phone::the_portal_its_bar_and_the_next_step_fit_a_phone_screen_after_every_step,
        walk_phone::on_a_wide_screen_the_bar_stays_and_the_guide_stands_beside,
        walk_phone::a_portal_error_is_said_once_with_its_why_folded_under_it,
        walk_phone::after_a_practice_the_next_step_and_where_she_stands,
        walk_phone::portal_fields_are_described_outlined_and_marked_vietnamese_in_english,
        phone::the_header_is_one_slim_bar_and_the_sections_a_menu,
        phone::focus_moves_to_the_new_page_heading_after_a_route_change,
        phone::the_quiz_result_names_the_wrong_questions_in_english,
        phone::few_tabs_from_the_home_page_to_the_first_question,
        phone::few_tabs_from_the_home_page_to_the_first_walkthrough_action,
        phone_a11y::every_control_a_thumb_uses_is_at_least_44_px_on_a_phone,
        phone_a11y::at_320_px_and_200_percent_zoom_nothing_scrolls_sideways_or_is_cut,
        phone_a11y::after_a_live_switch_to_english_no_interface_word_stays_vietnamese,
        phone_a11y::the_certificate_saves_as_one_a4_pdf_and_shares_from_a_phone,
        phone_a11y::a_practice_shows_its_clock_and_guided_mode_none,
        profiles::two_students_on_one_browser_each_see_only_their_own,
        profiles::another_tab_follows_and_an_idle_student_is_signed_out,
        profiles::a_record_file_moves_to_a_phone_and_the_certificate_prints,
        profile_form::on_a_phone_the_form_asks_for_name_and_class_with_its_button_on_screen,
        profile_form::the_school_set_in_the_teacher_area_is_the_new_profiles_school,
        profile_form::no_profile_screen_calls_the_students_profile_ho_so,
        profile_form::a_glossary_definition_stays_while_the_pointer_is_on_it,
        profile_form::file_inputs_are_vietnamese_buttons_and_tables_scroll_by_keyboard,
        offline::works_offline_after_one_visit_and_offers_a_new_version,
        offline::a_damaged_or_missing_download_gets_a_message_and_a_retry,
        teacher::a_teacher_collects_two_lab_pcs_and_reports_coverage,
        teacher::a_teacher_pin_keeps_students_out_of_the_teacher_area,
        teacher::one_student_on_many_pcs_is_counted_once,
        school_store::a_schools_data_is_kept_in_indexeddb_and_moves_over_once,
        school_store::without_indexeddb_the_teacher_works_in_memory_and_is_told,
        school_store::a_full_indexeddb_is_told_and_what_was_kept_stays,
        teacher::the_printed_report_files_a_cover_and_each_class_on_its_own_pages,
        ward::two_schools_send_their_summaries_and_the_ward_reports_against_the_targets,
        ralph::harness_smoke,
        lrs::a_school_sends_to_a_real_lrs_and_reads_the_report_back,
        survey::three_students_on_two_pcs_are_heard_and_the_teacher_replies,
        survey::on_a_phone_the_survey_is_skipped_and_not_asked_again,
        defects::every_import_on_my_progress_says_what_it_did,
        defects::words_a_teacher_and_a_student_see_are_in_their_language,
        hardening::a_crafted_link_loads_nothing_from_another_site,
        hardening::impossible_dates_and_huge_files_cannot_break_student_or_teacher,
        hardening::a_whole_pc_file_is_refused_on_the_student_side,
        hardening::the_teacher_area_locks_when_left_and_slows_down_guessing,
        hardening::importing_a_file_does_not_sign_in_past_a_pin,
        hardening::a_full_storage_rescue_keeps_the_newest_work_and_no_teacher_data,
        a11y::every_page_passes_axe_wcag_21_a_and_aa,
        deploy::make_run_serves_the_app_with_no_console_error_and_dist_is_deployable,
        deploy::precompressed_copies_are_sent_and_the_app_works,
    ];
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let (mut passed, mut failed) = (0, Vec::new());
    for (name, test) in all {
        if !filter.is_empty() && !filter.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let started = std::time::Instant::now();
        let outcome = match tokio::spawn(test(ctx)).await {
            Ok(result) => result,
            Err(e) => Err(format!("panicked: {e}").into()),
        };
        match outcome {
            Ok(()) => {
                passed += 1;
                println!(
                    "test {name} ... ok ({:.1} s)",
                    started.elapsed().as_secs_f32()
                );
            }
            Err(e) => {
                println!("test {name} ... FAILED\n    {e}");
                failed.push(name);
            }
        }
    }
    println!("\ne2e: {passed} passed, {} failed", failed.len());
    // The leaked context is never dropped, so stop chromedriver explicitly.
    ctx.driver.stop();
    if !failed.is_empty() {
        println!("failed: {failed:?}");
        std::process::exit(1);
    }
}
