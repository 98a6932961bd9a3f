//! Choosing many files at once: a labelled file input inside a drop zone (the teacher's
//! progress files, the ward's school summaries). The page gets the files, whichever way they
//! came.

use crate::platform;
use leptos::prelude::*;

/// A drop zone with a file input for many files of `accept`'s types.
#[component]
pub fn FileDrop(
    /// The input's id (its label points at it).
    id: &'static str,
    /// The input's `data-testid`; the zone's is this plus `-zone`.
    test_id: &'static str,
    /// What `accept` allows (`.json,application/json`).
    accept: &'static str,
    /// The label above the input.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The line under it ("… hoặc kéo thả các tệp vào đây.").
    #[prop(into)]
    hint: Signal<&'static str>,
    /// Called with the files chosen or dropped.
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| on_files.run(platform::chosen_files(&ev));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        on_files.run(platform::dropped_files(&ev));
    };
    view! {
        <div class="drop-zone" data-testid=format!("{test_id}-zone")
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <label for=id class="file-label">{move || label.get()}</label>
            <input id=id type="file" multiple=true accept=accept data-testid=test_id on:change=on_change/>
            <p class="hint">{move || hint.get()}</p>
        </div>
    }
}
