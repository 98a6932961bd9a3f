//! The teacher area. For now: what this browser stores; class reports arrive with the teacher
//! issue.

use crate::pages::page_title;
use crate::platform;
use crate::state::use_t;
use leptos::prelude::*;

/// The teacher page.
#[component]
pub fn Teacher() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.teacher_title.to_string());
    let persistent = platform::storage_is_persistent();
    view! {
        <h1>{move || t().teacher_title}</h1>
        <p class="lead">{move || t().teacher_lead}</p>
        <p data-testid="storage-status">{move || (t().teacher_storage)(1, persistent)}</p>
    }
}
