//! Renders lesson content (blocks and inline runs) and glossary terms.

use crate::content::{Block, CalloutKind, Inline, Lang, course};
use crate::i18n::strings;
use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A page-unique id for ARIA links between elements.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// Inline runs: text, bold, emphasis, links and glossary terms.
pub fn inlines(lang: Lang, runs: &[Inline]) -> AnyView {
    runs.iter()
        .map(|run| match run.clone() {
            Inline::Text(s) => s.into_any(),
            Inline::Strong(s) => view! { <strong>{s}</strong> }.into_any(),
            Inline::Em(s) => view! { <em>{s}</em> }.into_any(),
            Inline::Link { text, href } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">
                    {text}
                    <span class="sr-only">" " {strings(lang).pages().opens_new_tab}</span>
                </a>
            }
            .into_any(),
            Inline::Term { key, shown } => {
                view! { <Term lang=lang key=key shown=shown/> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// A glossary term: its definition shows on hover, keyboard focus or tap (a click never hides
/// what a hover just showed); Escape (wherever focus is), moving the pointer off both the term
/// and its definition, or tapping elsewhere hides it. The pointer can move onto the definition
/// without it vanishing (WCAG 1.4.13): hovering is tracked on the element that holds both.
#[component]
pub fn Term(
    /// Language of the definition.
    lang: Lang,
    /// Glossary key.
    key: String,
    /// Words shown in the text.
    shown: String,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let id = unique_id("term");
    let def = course().define(lang, &key).unwrap_or_default().to_string();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            open.try_set(false);
        }
    });
    on_cleanup(move || escape.remove());
    view! {
        <span
            class="term"
            class:open=move || open.get()
            on:mouseenter=move |_| open.set(true)
            on:mouseleave=move |_| open.set(false)
        >
            <button
                type="button"
                class="term-btn"
                aria-describedby=id.clone()
                aria-expanded=move || open.get().to_string()
                title=strings(lang).pages().glossary_hint
                on:click=move |_| open.set(true)
                on:focus=move |_| open.set(true)
                on:blur=move |_| open.set(false)
            >
                {shown}
            </button>
            <span role="tooltip" id=id class="term-def">
                <strong>{key}</strong>": "{def}
            </span>
        </span>
    }
}

/// Lesson body blocks.
pub fn blocks(lang: Lang, bs: &[Block]) -> AnyView {
    let t = strings(lang);
    bs.iter()
        .map(|b| match b {
            Block::Heading { level: 1, text } => view! { <h2>{inlines(lang, text)}</h2> }.into_any(),
            Block::Heading { text, .. } => view! { <h3>{inlines(lang, text)}</h3> }.into_any(),
            Block::Para(text) => view! { <p>{inlines(lang, text)}</p> }.into_any(),
            Block::List { ordered: false, items } => view! {
                <ul>{items.iter().map(|i| view! { <li>{inlines(lang, i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::List { ordered: true, items } => view! {
                <ol>{items.iter().map(|i| view! { <li>{inlines(lang, i)}</li> }).collect_view()}</ol>
            }
            .into_any(),
            Block::Image { src, alt, .. } => view! {
                <figure class="lesson-figure"><img src=src.clone() alt=alt.clone() loading="lazy"/></figure>
            }
            .into_any(),
            Block::Callout { kind, blocks: inner } => {
                // No emoji: lab PCs and phones may lack an emoji font; the label and colour say it.
                let (class, label) = match kind {
                    CalloutKind::Tip => ("callout callout-tip", t.pages().callout_tip),
                    CalloutKind::Warning => ("callout callout-warning", t.pages().callout_warning),
                    CalloutKind::Scam => ("callout callout-scam", t.pages().callout_scam),
                };
                view! {
                    <aside class=class aria-label=label>
                        <p class="callout-title">{label}</p>
                        {blocks(lang, inner)}
                    </aside>
                }
                .into_any()
            }
            Block::Walkthrough { id, label, .. } => {
                let (href, label) = (Route::Walkthrough(id).href(), label.clone());
                view! {
                    <p class="walk-link">
                        <A href=href attr:class="btn btn-secondary">
                            <span aria-hidden="true">"▶ "</span>{label}
                        </A>
                    </p>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}
