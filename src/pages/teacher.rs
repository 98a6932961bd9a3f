//! The teacher area. For now: what this browser stores (profiles, bytes, whether it lasts) and
//! a one-click export of everything, damaged copies included. Class reports come with the
//! teacher issue.

use crate::pages::page_title;
use crate::platform;
use crate::state::use_t;
use leptos::prelude::*;

/// The JSON export of everything this app stored in this browser, damaged copies included, so
/// nothing is lost when storage is full or broken.
pub fn export_json() -> String {
    let entries = platform::app_entries();
    let mut stored = serde_json::Map::new();
    for (k, v) in &entries {
        // Parsed where possible; damaged text is kept as a string, byte for byte.
        let value =
            serde_json::from_str(v).unwrap_or_else(|_| serde_json::Value::String(v.clone()));
        stored.insert(k.clone(), value);
    }
    let doc = serde_json::json!({
        "app": "dvc-lab",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": crate::progress::SCHEMA_VERSION,
        "exported_at": platform::now().to_rfc3339(),
        "storage": stored,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Offers the export as a download named with today's date.
pub fn download_export() -> Result<(), String> {
    let name = format!(
        "dvc-lab-du-lieu-{}.json",
        platform::now().format("%Y-%m-%d")
    );
    platform::download(&name, "application/json", &export_json())
}

/// The teacher page.
#[component]
pub fn Teacher() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.teacher_title.to_string());
    let persistent = platform::storage_is_persistent();
    let entries = platform::app_entries();
    let profiles = entries
        .iter()
        .filter(|(k, _)| k.starts_with("dvclab.v1.profile."))
        .count();
    let backups = entries
        .iter()
        .filter(|(k, _)| k.starts_with("dvclab.backup."))
        .count();
    let bytes: usize = entries.iter().map(|(k, v)| (k.len() + v.len()) * 2).sum();
    let error = RwSignal::new(None::<String>);
    view! {
        <h1>{move || t().teacher_title}</h1>
        <p class="lead">{move || t().teacher_lead}</p>
        <section class="overall" data-testid="storage-status">
            <h2>{move || t().teacher_storage_title}</h2>
            <p>{move || (t().teacher_storage)(profiles, persistent)}</p>
            <p>{move || (t().teacher_bytes)(bytes, backups)}</p>
            <p>
                <button type="button" class="btn btn-primary" data-testid="export-all"
                    on:click=move |_| error.set(download_export().err())>
                    {move || t().teacher_export}
                </button>
            </p>
            <p class="rule">{move || t().teacher_export_help}</p>
            {move || error.get().map(|e| view! { <p class="warning-text" role="alert">{e}</p> })}
        </section>
    }
}
