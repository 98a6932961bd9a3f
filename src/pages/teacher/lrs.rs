//! Step 4 of the teacher area: the ward's Learning Record Store. Settings (the LRS address and
//! the school's IRI, in localStorage; the credential typed when sending and kept in
//! sessionStorage only), sending the combined collection in chunks with a progress bar and each
//! chunk's result (retries back off; what the LRS confirmed is kept in IndexedDB after every
//! chunk, so an interrupted send resumes), and reading the school's statements back into the
//! report. The rules are in `teacher::lrs`; this file does the network and the words.

use super::Step;
use super::report::{Data, Keeping, finish_saving, start_saving};
use crate::platform::{self, Key, net, school_db};
use crate::state::use_t;
use crate::teacher::lrs::{self, Answer, CHUNK, Checked, Outbox, Settings};
use crate::teacher::xapi::Iri;
use leptos::prelude::*;

/// The school's IRI for statements: the one set here, else the app's own address, else the
/// default.
pub(super) fn school_iri() -> Iri {
    let set: Option<Settings> = platform::load(&Key::LrsSettings).ok().flatten();
    set.and_then(|s| Iri::parse(&s.iri).ok())
        .or_else(|| Iri::parse(&platform::app_address()).ok())
        .unwrap_or_default()
}

/// What the step is doing.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    /// Sent and total statements.
    Sending(usize, usize),
    /// No answer: why, seconds left, sent and total.
    Waiting(String, u32, usize, usize),
    /// Statements read so far.
    Reading(usize),
}

/// Everything the step's actions share.
#[derive(Clone, Copy)]
struct Ui {
    d: Data,
    /// The interface language (the actions run outside the component's owner).
    lang: RwSignal<crate::content::Lang>,
    saved: RwSignal<Settings>,
    credential: RwSignal<Option<String>>,
    key: RwSignal<String>,
    secret: RwSignal<String>,
    outbox: RwSignal<Option<Outbox>>,
    counts: RwSignal<Option<(usize, usize, usize)>>,
    phase: RwSignal<Phase>,
    log: RwSignal<Vec<(bool, String)>>,
    msg: RwSignal<Option<(bool, String)>>,
    /// A read ended well: offer the report.
    read_ok: RwSignal<bool>,
    /// The message is about reading back (shown there), not sending.
    reading: RwSignal<bool>,
    stop: RwSignal<bool>,
    retry_now: RwSignal<bool>,
}

fn is_relay(c: &Checked) -> bool {
    c.statements_url.starts_with('/')
}

impl Ui {
    /// This step's words in the current language.
    fn t(self) -> &'static crate::i18n::lrs::LrsStrings {
        crate::i18n::strings(self.lang.get_untracked()).lrs()
    }

    fn checked(self) -> Option<Checked> {
        match self.saved.get_untracked().check() {
            Ok(c)
                if !lrs::csp_allows(
                    platform::page_csp().as_deref(),
                    &c.statements_url,
                    &platform::page_origin(),
                ) =>
            {
                let origin = lrs::origin_of(&c.statements_url).unwrap_or_default();
                self.msg.set(Some((false, (self.t().blocked)(&origin))));
                None
            }
            Ok(c) => Some(c),
            Err(e) => {
                self.msg.set(Some((false, (self.t().settings_error)(&e))));
                None
            }
        }
    }

    /// The headers of a request, or `None` (and the reason said) when a credential is needed
    /// and none was typed. A credential typed now is kept for the session.
    fn headers(self, c: &Checked) -> Option<Vec<(&'static str, String)>> {
        let mut h = vec![("X-Experience-API-Version", "1.0.3".to_string())];
        if is_relay(c) {
            return Some(h);
        }
        let auth = self.credential.get_untracked().or_else(|| {
            let (k, s) = (self.key.get_untracked(), self.secret.get_untracked());
            if k.trim().is_empty() || s.is_empty() {
                return None;
            }
            let auth = lrs::basic(k.trim(), &s);
            platform::session_write(&Key::LrsCredential, Some(&auth));
            self.credential.set(Some(auth.clone()));
            self.secret.set(String::new());
            Some(auth)
        });
        let Some(auth) = auth else {
            self.msg
                .set(Some((false, self.t().credential_help.to_string())));
            return None;
        };
        h.push(("Authorization", auth));
        Some(h)
    }

    fn forget_credential(self) {
        platform::session_write(&Key::LrsCredential, None);
        self.credential.set(None);
    }

    /// Counts what would be sent (made again from the collection), after the page has drawn.
    async fn recount(self) {
        platform::next_tick().await;
        let Ok(c) = self.saved.get_untracked().check() else {
            self.counts.set(None);
            return;
        };
        let all = self
            .d
            .collection
            .with_untracked(|col| lrs::statements(col, &c.iri));
        let left = self.outbox_for(&c).pending(all.clone()).len();
        self.counts.set(Some((all.len(), all.len() - left, left)));
    }

    /// What this LRS (and IRI) confirmed so far.
    fn outbox_for(self, c: &Checked) -> Outbox {
        let ob = self.outbox.get_untracked().unwrap_or_default();
        ob.for_target(&Outbox::target_of(c))
    }

    async fn keep_outbox(self, ob: &Outbox) -> bool {
        self.outbox.set(Some(ob.clone()));
        if self.d.keeping.get_untracked() != Some(Keeping::Stored) {
            return true;
        }
        let text = serde_json::to_string(ob).unwrap_or_default();
        school_db::write(&Key::LrsOutbox, &text).await.is_ok()
    }

    /// Waits `secs` seconds, showing the countdown; returns early on "Thử lại ngay" or "Dừng".
    async fn wait(self, why: &str, secs: u32, done: usize, total: usize) {
        self.retry_now.set(false);
        for left in (1..=secs).rev() {
            self.phase
                .set(Phase::Waiting(why.to_string(), left, done, total));
            for _ in 0..4 {
                if self.retry_now.get_untracked() || self.stop.get_untracked() {
                    return;
                }
                net::sleep(250).await;
            }
        }
    }

    async fn send(self) {
        self.reading.set(false);
        let Some(c) = self.checked() else { return };
        let Some(headers) = self.headers(&c) else {
            return;
        };
        let mut headers = headers;
        headers.push(("Content-Type", "application/json".into()));
        let h: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        platform::mark("dvclab-lrs-send-start");
        self.msg.set(None);
        self.log.set(Vec::new());
        self.stop.set(false);
        self.phase.set(Phase::Sending(0, 0));
        platform::next_tick().await;
        let all = self
            .d
            .collection
            .with_untracked(|col| lrs::statements(col, &c.iri));
        let mut ob = self.outbox_for(&c);
        let pending = ob.pending(all);
        let total = pending.len();
        let say = |ok: bool, text: String| self.msg.set(Some((ok, text)));
        let t = move || self.t();
        if total == 0 {
            say(true, t().nothing_new.to_string());
            self.phase.set(Phase::Idle);
            return;
        }
        let mut done = 0;
        let mut kept_all = true;
        for (i, chunk) in pending.chunks(CHUNK).enumerate() {
            let body = serde_json::to_string(chunk).unwrap_or_default();
            let mut tries = 0;
            loop {
                if self.stop.get_untracked() {
                    say(false, (t().stopped)(total - done));
                    self.phase.set(Phase::Idle);
                    self.recount().await;
                    return;
                }
                self.phase.set(Phase::Sending(done, total));
                let (status, text) = net::request("POST", &c.statements_url, &h, Some(&body)).await;
                match lrs::classify(status, &text) {
                    Answer::Stored => {
                        ob.confirm(chunk);
                        done += chunk.len();
                        kept_all &= self.keep_outbox(&ob).await;
                        self.counts.update(|n| {
                            if let Some((_, sent, left)) = n {
                                *sent += chunk.len();
                                *left = left.saturating_sub(chunk.len());
                            }
                        });
                        self.log
                            .update(|l| l.push((true, (t().chunk_ok)(i + 1, chunk.len()))));
                        self.phase.set(Phase::Sending(done, total));
                        break;
                    }
                    Answer::Credential(s) => {
                        self.forget_credential();
                        say(false, (t().credential_refused)(s));
                        self.phase.set(Phase::Idle);
                        return;
                    }
                    Answer::Refused(s, why) => {
                        say(false, (t().refused)(s, &why));
                        self.phase.set(Phase::Idle);
                        return;
                    }
                    Answer::Conflict(why) => {
                        say(false, (t().conflict)(&why));
                        self.phase.set(Phase::Idle);
                        return;
                    }
                    Answer::Retry(why) => {
                        tries += 1;
                        let secs = lrs::backoff(tries);
                        let why = if why.is_empty() { "?".to_string() } else { why };
                        let line = (t().chunk_retry)(i + 1, chunk.len(), &why, secs);
                        self.log.update(|l| l.push((false, line)));
                        self.wait(&why, secs, done, total).await;
                    }
                }
            }
        }
        // Measured by `make bench` (DVC_BENCH=lrs): from the click to the last chunk confirmed.
        platform::measure_since("dvclab-lrs-send", "dvclab-lrs-send-start");
        let mut words = (t().sent_all)(done);
        if !kept_all {
            words = format!("{words} {}", t().not_saved);
        }
        say(true, words);
        self.phase.set(Phase::Idle);
        self.recount().await;
    }

    async fn read(self) {
        self.reading.set(true);
        let Some(c) = self.checked() else { return };
        let Some(headers) = self.headers(&c) else {
            return;
        };
        let h: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let t = move || self.t();
        platform::mark("dvclab-lrs-read-start");
        self.msg.set(None);
        self.read_ok.set(false);
        self.phase.set(Phase::Reading(0));
        let mut url = lrs::first_page(&c.statements_url);
        let mut seen = std::collections::BTreeSet::new();
        let mut all = Vec::new();
        let fail = |why: String| {
            self.msg.set(Some((false, (t().read_failed)(&why))));
            self.phase.set(Phase::Idle);
        };
        loop {
            if !seen.insert(url.clone()) {
                break;
            }
            let (status, text) = net::request("GET", &url, &h, None).await;
            match lrs::classify(status, &text) {
                Answer::Stored => {}
                Answer::Credential(s) => {
                    self.forget_credential();
                    self.msg.set(Some((false, (t().credential_refused)(s))));
                    self.phase.set(Phase::Idle);
                    return;
                }
                Answer::Retry(why) | Answer::Conflict(why) | Answer::Refused(_, why) => {
                    return fail(if status == 0 {
                        why
                    } else {
                        format!("{status} {why}")
                    });
                }
            }
            let Ok(page) = serde_json::from_str::<serde_json::Value>(&text) else {
                return fail(format!("{status}: {}", lrs::message(&text)));
            };
            if let Some(list) = page["statements"].as_array() {
                all.extend(list.iter().cloned());
            }
            self.phase.set(Phase::Reading(all.len()));
            match lrs::next_page(&c.statements_url, &page["more"]) {
                Some(next) => url = next,
                None => break,
            }
        }
        platform::measure_between("dvclab-lrs-read-get", "dvclab-lrs-read-start");
        let mut work = self.d.collection.get_untracked();
        let result = lrs::read_back(&mut work, &all, &c.iri);
        let pending = start_saving(self.d, &work);
        finish_saving(self.d, pending).await;
        self.d.collection.set(work);
        // What was read is in the LRS: not to be sent again from here.
        let mut ob = self.outbox_for(&c);
        ob.confirm(&all);
        self.keep_outbox(&ob).await;
        // Measured by `make bench` (DVC_BENCH=lrs): every page read, the records rebuilt and
        // kept, and the report computed.
        self.d.report.with_untracked(|_| ());
        platform::measure_since("dvclab-lrs-read", "dvclab-lrs-read-start");
        self.msg.set(Some((true, (t().read_done)(&result))));
        self.read_ok.set(true);
        self.phase.set(Phase::Idle);
        self.recount().await;
    }
}

/// The step.
#[component]
pub(super) fn LrsStep(d: Data) -> impl IntoView {
    let t = use_t();
    let stored: Settings = platform::load(&Key::LrsSettings)
        .ok()
        .flatten()
        .unwrap_or_default();
    let endpoint = RwSignal::new(stored.endpoint.clone());
    let iri = RwSignal::new(if stored.iri.is_empty() {
        platform::app_address()
    } else {
        stored.iri.clone()
    });
    let settings_msg = RwSignal::new(None::<(bool, String)>);
    let ui = Ui {
        d,
        lang: crate::state::use_lang(),
        saved: RwSignal::new(stored),
        credential: RwSignal::new(platform::session_read(&Key::LrsCredential)),
        key: RwSignal::new(String::new()),
        secret: RwSignal::new(String::new()),
        outbox: RwSignal::new(None),
        counts: RwSignal::new(None),
        phase: RwSignal::new(Phase::Idle),
        log: RwSignal::new(Vec::new()),
        msg: RwSignal::new(None),
        read_ok: RwSignal::new(false),
        reading: RwSignal::new(false),
        stop: RwSignal::new(false),
        retry_now: RwSignal::new(false),
    };
    leptos::task::spawn_local(async move {
        let text = school_db::read(&Key::LrsOutbox).await.ok().flatten();
        let ob = text.and_then(|t| serde_json::from_str::<Outbox>(&t).ok());
        ui.outbox.set(Some(ob.unwrap_or_default()));
        ui.recount().await;
    });
    let save_settings = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = Settings {
            endpoint: endpoint.get_untracked().trim().to_string(),
            iri: iri.get_untracked().trim().to_string(),
        };
        let tl = t().lrs();
        match s.check() {
            Err(e) => settings_msg.set(Some((false, (tl.settings_error)(&e)))),
            Ok(c) => {
                let s = Settings {
                    endpoint: s.endpoint,
                    iri: c.iri.as_str().to_string(),
                };
                iri.set(s.iri.clone());
                let kept = platform::save(&Key::LrsSettings, &s);
                ui.saved.set(s);
                settings_msg.set(Some(match kept {
                    Ok(()) => (true, tl.settings_saved.to_string()),
                    Err(e) => (false, super::storage_words(t(), &e)),
                }));
                leptos::task::spawn_local(ui.recount());
            }
        }
    };
    let busy = move || ui.phase.with(|p| *p != Phase::Idle);
    let relay = move || ui.saved.with(|s| s.endpoint.trim().starts_with('/'));
    let settings = move || {
        let tl = t().lrs();
        view! {
            <section class="overall" data-testid="lrs-settings">
                <h2>{tl.settings_title}</h2>
                <form class="stack-form" on:submit=save_settings>
                    <label for="lrs-endpoint">{tl.endpoint_label}</label>
                    <input id="lrs-endpoint" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                        data-testid="lrs-endpoint" aria-describedby="lrs-endpoint-hint"
                        prop:value=move || endpoint.get() on:input=move |ev| endpoint.set(event_target_value(&ev))/>
                    <p class="hint" id="lrs-endpoint-hint">{tl.endpoint_hint}</p>
                    <label for="lrs-iri">{tl.iri_label}</label>
                    <input id="lrs-iri" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                        data-testid="lrs-iri" aria-describedby="lrs-iri-hint"
                        prop:value=move || iri.get() on:input=move |ev| iri.set(event_target_value(&ev))/>
                    <p class="hint" id="lrs-iri-hint">{tl.iri_hint}</p>
                    <p><button type="submit" class="btn" data-testid="lrs-save">{tl.save_settings}</button></p>
                    <p role="status" data-testid="lrs-settings-msg">{move || settings_msg.get().map(|(ok, m)| view! {
                        <span class=if ok { "msg-ok" } else { "msg-error" }>{m}</span>
                    })}</p>
                </form>
            </section>
        }
    };
    let credential = move || {
        let tl = t().lrs();
        if relay() {
            return None;
        }
        Some(if ui.credential.with(Option::is_some) {
            view! {
                <p data-testid="lrs-credential-kept">{tl.credential_kept}" "
                    <button type="button" class="btn btn-small" data-testid="lrs-forget" on:click=move |_| ui.forget_credential()>{tl.forget_credential}</button>
                </p>
            }
            .into_any()
        } else {
            view! {
                <fieldset class="lrs-credential" data-testid="lrs-credential">
                    <legend>{tl.credential_title}</legend>
                    <p class="hint">{tl.credential_help}</p>
                    <label for="lrs-key">{tl.key_label}</label>
                    <input id="lrs-key" type="text" autocomplete="off" spellcheck="false" data-testid="lrs-key"
                        prop:value=move || ui.key.get() on:input=move |ev| ui.key.set(event_target_value(&ev))/>
                    <label for="lrs-secret">{tl.secret_label}</label>
                    <input id="lrs-secret" type="password" autocomplete="off" data-testid="lrs-secret"
                        prop:value=move || ui.secret.get() on:input=move |ev| ui.secret.set(event_target_value(&ev))/>
                </fieldset>
            }
            .into_any()
        })
    };
    // Said where the action was taken (on a phone, the other section is screens away).
    let message = move |for_read: bool| {
        (ui.reading.get() == for_read).then(|| ui.msg.get()).flatten().map(|(ok, m)| view! {
            <p role="alert" class=if ok { "msg-ok" } else { "msg-error" } data-testid="lrs-msg">{m}
                {(ok && ui.read_ok.get()).then(|| view! { " " <a href=Step::Report.href() data-testid="lrs-see-report">{t().lrs().see_report}</a> })}
            </p>
        })
    };
    let progress = move || {
        let tl = t().lrs();
        match ui.phase.get() {
            Phase::Idle => None,
            Phase::Sending(done, total) => Some(view! {
                <p role="status" data-testid="lrs-progress-text">{(tl.sending)(done, total)}</p>
                <progress data-testid="lrs-progress" max=total.max(1).to_string() value=done.to_string() aria-label=tl.progress_label></progress>
            }.into_any()),
            Phase::Waiting(why, secs, done, total) => Some(view! {
                <p role="status" class="msg-error" data-testid="lrs-waiting">{(tl.waiting)(&why, secs)}" "
                    <button type="button" class="btn btn-small" data-testid="lrs-retry-now" on:click=move |_| ui.retry_now.set(true)>{tl.retry_now}</button>
                </p>
                <progress data-testid="lrs-progress" max=total.max(1).to_string() value=done.to_string() aria-label=tl.progress_label></progress>
            }.into_any()),
            Phase::Reading(_) => None,
        }
    };
    let sending = move || {
        ui.phase
            .with(|p| matches!(p, Phase::Sending(..) | Phase::Waiting(..)))
    };
    let send = move || {
        let tl = t().lrs();
        let empty = d.collection.with(|c| c.records.is_empty());
        view! {
            <section class="overall" data-testid="lrs-send-section">
                <h2>{tl.send_title}</h2>
                <p>{tl.send_help}</p>
                {empty.then(|| view! { <p class="hint" data-testid="lrs-nothing">{tl.nothing_imported}</p> })}
                <p data-testid="lrs-counts">{move || ui.counts.get().map(|(all, sent, left)| (t().lrs().counts)(all, sent, left))}</p>
                {credential}
                <p class="form-actions">
                    <button type="button" class="btn btn-primary" data-testid="lrs-send"
                        disabled=move || busy() || empty
                        on:click=move |_| leptos::task::spawn_local(ui.send())>
                        {move || if ui.counts.get().is_some_and(|(_, sent, left)| sent > 0 && left > 0) { t().lrs().send_rest } else { t().lrs().send }}
                    </button>
                    {move || sending().then(|| view! {
                        <button type="button" class="btn" data-testid="lrs-stop" on:click=move |_| ui.stop.set(true)>{t().lrs().stop}</button>
                    })}
                </p>
                {progress}
                {move || message(false)}
                <ol class="lrs-log" data-testid="lrs-log">
                    {move || ui.log.get().into_iter().map(|(ok, line)| view! {
                        <li class=if ok { "msg-ok" } else { "msg-error" }>{line}</li>
                    }).collect_view()}
                </ol>
            </section>
        }
    };
    let read = move || {
        let tl = t().lrs();
        view! {
            <section class="overall" data-testid="lrs-read-section">
                <h2>{tl.read_title}</h2>
                <p>{tl.read_help}</p>
                <p><button type="button" class="btn" data-testid="lrs-read" disabled=busy
                    on:click=move |_| leptos::task::spawn_local(ui.read())>{tl.read}</button></p>
                {move || match ui.phase.get() {
                    Phase::Reading(n) => Some(view! { <p role="status" data-testid="lrs-reading">{(t().lrs().reading)(n)}</p> }),
                    _ => None,
                }}
                {move || message(true)}
            </section>
        }
    };
    view! {
        <div data-testid="lrs">
            <p class="lead">{move || t().lrs().lead}</p>
            {settings}
            {send}
            {read}
        </div>
    }
}
