//! Browser-only code, tested in headless Chromium with wasm-bindgen-test: real localStorage
//! (versioned keys, damage, a full quota) and the document. Components are not mounted here:
//! the app state they need links the lazily loaded chunks (`wasm_split`), whose loader this
//! test runner does not provide; the end-to-end tests (`tests/e2e/`) drive them in the release
//! build instead.
#![cfg(target_arch = "wasm32")]

use dvc_lab::platform::{self, Key, StorageError};
use dvc_lab::progress::Record;
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
