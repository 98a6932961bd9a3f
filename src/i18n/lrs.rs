//! Words for the teacher area's step "Hệ thống của phường": the Learning Record Store settings,
//! sending, and reading back. One table per language (`lrs_vi.rs`, `lrs_en.rs`), linked into the
//! teacher page's chunk only.

use crate::teacher::lrs::{ReadBackResult, SettingsError};

/// LRS strings.
pub struct LrsStrings {
    /// The step's name in the teacher area's steps.
    pub step: &'static str,
    pub lead: &'static str,
    pub settings_title: &'static str,
    pub endpoint_label: &'static str,
    pub endpoint_hint: &'static str,
    pub iri_label: &'static str,
    pub iri_hint: &'static str,
    pub save_settings: &'static str,
    pub settings_saved: &'static str,
    pub settings_error: fn(&SettingsError) -> String,
    /// The page's policy does not let it reach this LRS origin.
    pub blocked: fn(&str) -> String,

    pub send_title: &'static str,
    pub send_help: &'static str,
    /// Statements of the collection, already confirmed, still to send.
    pub counts: fn(usize, usize, usize) -> String,
    pub nothing_imported: &'static str,
    pub credential_title: &'static str,
    pub credential_help: &'static str,
    pub key_label: &'static str,
    pub secret_label: &'static str,
    pub credential_kept: &'static str,
    pub forget_credential: &'static str,
    pub send: &'static str,
    pub send_rest: &'static str,
    pub stop: &'static str,
    pub retry_now: &'static str,
    pub progress_label: &'static str,
    /// Sent so far of the total.
    pub sending: fn(usize, usize) -> String,
    /// Part n: statements, stored.
    pub chunk_ok: fn(usize, usize) -> String,
    /// Part n: statements, why, retry in seconds.
    pub chunk_retry: fn(usize, usize, &str, u32) -> String,
    /// Waiting: why, seconds left.
    pub waiting: fn(&str, u32) -> String,
    pub sent_all: fn(usize) -> String,
    pub nothing_new: &'static str,
    pub stopped: fn(usize) -> String,
    pub credential_refused: fn(u16) -> String,
    pub refused: fn(u16, &str) -> String,
    pub conflict: fn(&str) -> String,
    pub not_saved: &'static str,

    pub read_title: &'static str,
    pub read_help: &'static str,
    pub read: &'static str,
    pub reading: fn(usize) -> String,
    pub read_done: fn(&ReadBackResult) -> String,
    pub read_failed: fn(&str) -> String,
    pub see_report: &'static str,
}
