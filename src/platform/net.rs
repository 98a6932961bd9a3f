//! The one door to the network beyond the app's own files: requests to the school's Learning
//! Record Store (`pages/teacher/lrs.rs`), nothing else. Built on `window.fetch` reached through
//! `Reflect` (no new wasm-bindgen imports: each one's JS glue would land in the first download,
//! though only the teacher chunk calls this), and answers read with the `Response` methods the
//! app already uses for its own files.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An answer: the HTTP status (0 when there was none) and the body text (or, with no answer,
/// why: the browser's words for a network failure).
pub type Answer = (u16, String);

fn set(o: &Object, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(k), v);
}

/// Sends one request and reads the whole answer. Never fails: no answer (network down, the
/// server stopped, a CORS refusal — the browser does not tell which) is status 0.
pub async fn request(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Answer {
    let no = |why: String| (0, why);
    let Some(window) = web_sys::window() else {
        return no("no window".into());
    };
    let init = Object::new();
    set(&init, "method", &JsValue::from_str(method));
    let h = Object::new();
    for (k, v) in headers {
        set(&h, k, &JsValue::from_str(v));
    }
    set(&init, "headers", &h);
    set(&init, "cache", &JsValue::from_str("no-store"));
    if let Some(b) = body {
        set(&init, "body", &JsValue::from_str(b));
    }
    let fetch = Reflect::get(&window, &JsValue::from_str("fetch"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(fetch) = fetch else {
        return no("no fetch".into());
    };
    let promise = match fetch.call2(&window, &JsValue::from_str(url), &init) {
        Ok(p) => p,
        Err(e) => return no(words(&e)),
    };
    let response = match JsFuture::from(js_sys::Promise::from(promise)).await {
        Ok(r) => r,
        Err(e) => return no(words(&e)),
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return no("not a response".into());
    };
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
        Err(_) => None,
    };
    (status, text.unwrap_or_default())
}

/// An error's message (`TypeError: Failed to fetch` → `Failed to fetch`).
fn words(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "network error".into())
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
