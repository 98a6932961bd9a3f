//! The practice area: simulated portal walkthroughs.

use crate::pages::page_title;
use crate::platform::to;
use crate::state::use_t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The walkthrough list (and, until scenarios ship, every walkthrough address).
#[component]
pub fn Walkthroughs() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.walk_title.to_string());
    view! {
        <h1>{move || t().walk_title}</h1>
        <p class="sim-banner" role="note">"MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT. Không nhập thông tin thật."</p>
        <p class="lead">{move || t().walk_lead}</p>
        <p>{move || t().walk_none}</p>
        <p><A href=to("/lessons") attr:class="btn btn-primary">{move || t().nav_lessons}</A></p>
    }
}
