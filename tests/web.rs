//! Browser-only code, tested in headless Chromium with wasm-bindgen-test: real localStorage
//! (versioned keys, damage, a full quota), the document, and a component mounted with the app
//! state: the lesson quiz, driven through its DOM. Built with the `web-test` feature (`make
//! test-wasm`): this runner has no chunk loader, so the `saved` chunk's functions are plain
//! async functions there and the lessons are embedded. The whole app, split as it ships, is
//! driven by the end-to-end tests (`tests/e2e/`).
#![cfg(target_arch = "wasm32")]

use dvc_lab::components::quiz::Quiz;
use dvc_lab::content::{Lang, QuestionKind, course, outline};
use dvc_lab::platform::{self, Key, StorageError};
use dvc_lab::profile::Draft;
use dvc_lab::progress::{Record, Status};
use dvc_lab::state::{Stored, create_profile, provide_state, use_lang, use_profiles};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn local_storage_round_trip_uses_versioned_keys() {
    assert!(
        platform::storage_is_persistent(),
        "Chromium has localStorage"
    );
    let mut r = Record::new();
    r.open_lesson("vneid", 42);
    platform::save(&Key::Profile("web-test".into()), &r).expect("saved");
    let raw = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("dvclab.v1.profile.web-test").ok().flatten())
        .expect("stored under the versioned key");
    assert!(raw.contains("vneid"));
    let back: Option<Record> = platform::load(&Key::Profile("web-test".into())).expect("loads");
    assert_eq!(back, Some(r));
    platform::remove(&Key::Profile("web-test".into()));
    assert_eq!(
        platform::load::<Record>(&Key::Profile("web-test".into())),
        Ok(None)
    );
}

#[wasm_bindgen_test]
fn damaged_storage_is_reported_not_panicked() {
    platform::write_raw(
        &Key::Profile("broken".into()),
        "{\"v\":1,\"lessons\":{\"x\":",
    )
    .expect("raw write");
    let got = platform::load::<Record>(&Key::Profile("broken".into()));
    assert!(matches!(got, Err(StorageError::Corrupt { .. })), "{got:?}");
    platform::remove(&Key::Profile("broken".into()));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full() {
    // Fill storage until the browser refuses, then check the error kind, then clean up.
    let big = "x".repeat(512 * 1024);
    let mut last = Ok(());
    for i in 0..40 {
        last = platform::write_raw(&Key::Backup(format!("fill{i}")), &big);
        if last.is_err() {
            break;
        }
    }
    for i in 0..40 {
        platform::remove(&Key::Backup(format!("fill{i}")));
    }
    assert_eq!(last, Err(StorageError::QuotaExceeded));
}

#[wasm_bindgen_test]
fn document_language_follows_the_setting() {
    platform::set_document_lang("en");
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("en"));
}

/// Lets the reactive system and the DOM catch up (Leptos runs effects on the next tasks).
async fn settle() {
    for _ in 0..3 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .expect("setTimeout");
        });
        wasm_bindgen_futures::JsFuture::from(p)
            .await
            .expect("timer");
    }
}

fn find(host: &web_sys::Element, css: &str) -> Option<web_sys::HtmlElement> {
    host.query_selector(css)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

fn text(host: &web_sys::Element, css: &str) -> String {
    find(host, css)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn click(host: &web_sys::Element, css: &str) {
    find(host, css)
        .unwrap_or_else(|| panic!("{css} is on screen"))
        .click();
}

fn checked(host: &web_sys::Element) -> Vec<String> {
    let all = host.query_selector_all("input:checked").expect("query");
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| format!("{}={}", i.name(), i.value()))
        .collect()
}

/// Answers every question of `lesson` right, as a student would: ticks the right options,
/// moves the steps of an order question up until they are in order, picks each match.
async fn answer_right(host: &web_sys::Element, lesson: &str) {
    let doc = course().lesson(Lang::Vi, lesson).expect("the lesson");
    for (i, q) in doc.questions.iter().enumerate() {
        let scope = format!("[data-testid=question-{}]", i + 1);
        match q.kind {
            QuestionKind::Order => loop {
                let ups = host
                    .query_selector_all(&format!("{scope} .order-item button[id*='-up-']"))
                    .expect("query");
                let now: Vec<usize> = (0..ups.length())
                    .filter_map(|k| ups.item(k))
                    .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                    .filter_map(|e| e.id().rsplit('-').next()?.parse().ok())
                    .collect();
                assert_eq!(now.len(), q.options.len(), "every step is listed");
                let Some(pos) = (0..now.len()).find(|&p| now[p] != p) else {
                    break;
                };
                click(host, &format!("#q{i}-up-{pos}"));
                settle().await;
            },
            QuestionKind::Match => {
                for ti in 0..q.options.len() {
                    let select = find(host, &format!("#q{i}-match-{ti}")).expect("a match list");
                    js_sys::Reflect::set(&select, &"value".into(), &ti.to_string().into())
                        .expect("value");
                    let change = web_sys::Event::new("change").expect("event");
                    select.dispatch_event(&change).expect("dispatch");
                    settle().await;
                }
            }
            _ => {
                for (k, _) in q.options.iter().enumerate().filter(|(_, o)| o.correct) {
                    click(host, &format!("{scope} input[value='{k}']"));
                    settle().await;
                }
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_quiz_names_gaps_keeps_answers_in_both_languages_and_saves_the_pass() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("attached");
    let lesson = outline()[0].id;
    let lang = Rc::new(RefCell::new(None));
    let student = Rc::new(RefCell::new(None));
    let (lang_out, student_out) = (lang.clone(), student.clone());
    let mounted = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        provide_state(Ok(Stored::default()));
        let draft = Draft {
            name: "Lê Thị Web".into(),
            class: "10A1".into(),
            school: "THPT Trần Liễu".into(),
            ..Draft::default()
        };
        create_profile(&draft).expect("the profile is made and signed in");
        *lang_out.borrow_mut() = Some(use_lang());
        *student_out.borrow_mut() = use_profiles().index.with_untracked(|i| i.current.clone());
        view! { <leptos_router::components::Router><Quiz lesson_id=lesson.to_string()/></leptos_router::components::Router> }
    });
    settle().await;
    let lang = lang.borrow().expect("the language signal");
    let id = student.borrow().clone().expect("signed in");
    assert_eq!(text(&host, "#quiz-title"), "Câu hỏi kiểm tra");

    // Nothing answered: the quiz names the questions instead of grading.
    click(&host, "[data-testid=quiz-submit]");
    settle().await;
    assert!(
        text(&host, "[data-testid=quiz-missing]").starts_with("Bạn chưa trả lời câu 1"),
        "{}",
        text(&host, "[data-testid=quiz-missing]")
    );
    assert!(find(&host, "[data-testid=quiz-result]").is_none());

    answer_right(&host, lesson).await;
    let ticked = checked(&host);
    assert!(!ticked.is_empty(), "the answers are ticked");

    // English mid-quiz: the same questions in English, the same answers still ticked.
    lang.set(Lang::En);
    settle().await;
    assert_eq!(text(&host, "#quiz-title"), "Check your understanding");
    assert_eq!(
        checked(&host),
        ticked,
        "switching the language keeps the answers"
    );

    click(&host, "[data-testid=quiz-submit]");
    settle().await;
    let result = find(&host, "[data-testid=quiz-result]").expect("a result");
    assert_eq!(result.get_attribute("data-passed").as_deref(), Some("true"));
    assert_eq!(result.get_attribute("data-score").as_deref(), Some("100"));
    assert!(
        text(&host, "[data-testid=quiz-result]").contains("Passed!"),
        "{}",
        text(&host, "[data-testid=quiz-result]")
    );
    // Saved for the signed-in student, as a reload would read it.
    let saved: Record = platform::load(&Key::Profile(id.clone()))
        .expect("readable")
        .expect("saved");
    assert_eq!(saved.status(lesson), Status::Done);
    assert_eq!(saved.student.name, "Lê Thị Web");

    drop(mounted);
    host.remove();
    platform::remove(&Key::Profile(id));
    platform::remove(&Key::ProfileIndex);
}
