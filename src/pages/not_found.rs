//! The 404 page, for any address the router does not know.

use crate::pages::page_title;
use crate::routes::Route;
use crate::state::use_t;
use leptos::prelude::*;
use leptos_router::components::A;

/// Page not found.
#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_t();
    page_title(|s| s.nf_title.to_string());
    view! {
        <section class="not-found" data-testid="not-found">
            <p class="big-code" aria-hidden="true">"404"</p>
            <h1>{move || t().nf_title}</h1>
            <p>{move || t().nf_body}</p>
            <p><A href=Route::Home.href() attr:class="btn btn-primary">{move || t().nf_home}</A></p>
        </section>
    }
}
