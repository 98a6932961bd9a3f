//! About & privacy: what the app is, what it stores and where, and that the portal is simulated.

use crate::pages::page_title;
use crate::state::use_t;
use leptos::prelude::*;

/// The about page.
#[component]
pub fn About() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.pages().about_title.to_string());
    view! {
        <h1>{move || t().pages().about_title}</h1>
        <section>
            <h2>{move || t().pages().about_what}</h2>
            <p>{move || t().pages().about_what_body}</p>
        </section>
        <section>
            <h2>{move || t().pages().about_privacy}</h2>
            <ul>{move || t().pages().about_privacy_items.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
        </section>
        <section>
            <h2>{move || t().pages().about_sim}</h2>
            <p>{move || t().pages().about_sim_body}</p>
        </section>
        <section>
            <h2>{move || t().pages().about_sources}</h2>
            <p>{move || t().pages().about_sources_body}</p>
        </section>
    }
}
