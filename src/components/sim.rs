//! The simulated portal: a replica browser window or phone, its panels (SMS, call, procedure
//! page, QR code, status timeline, receipt), and every field widget the scenarios use. It only
//! draws what [`crate::walkthrough::Session`] says and sends it what the student does.

use crate::content::Lang;
use crate::i18n::strings;
use crate::pages::walkthrough::{Run, perform};
use crate::state::use_lang;
use crate::walkthrough::scenario::rating_levels;
use crate::walkthrough::{
    Control, Device, Field, FieldKind, Mode, Outcome, Panel, PanelKind, StepState,
};
use leptos::prelude::*;

/// 0 for Vietnamese, 1 for English: the index of a language's session in a [`Run`].
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Vi => 0,
        Lang::En => 1,
    }
}

fn set_value(run: RwSignal<Option<Run>>, field: &str, value: &str) {
    run.update(|r| {
        if let Some(r) = r {
            for s in r.sessions.iter_mut() {
                let _ = s.set(field, value);
            }
        }
    });
}

fn toggle(run: RwSignal<Option<Run>>, field: &str, option: &str) {
    run.update(|r| {
        if let Some(r) = r {
            for s in r.sessions.iter_mut() {
                let _ = s.toggle(field, option);
            }
        }
    });
}

fn value_of(run: RwSignal<Option<Run>>, field: &str) -> String {
    run.with(|r| {
        r.as_ref()
            .map(|r| r.sessions[0].value(field).to_string())
            .unwrap_or_default()
    })
}

/// The current screen of a walkthrough, redrawn only when the screen changes.
#[component]
pub fn SimScreen(
    /// The walkthrough state.
    run: RwSignal<Option<Run>>,
) -> impl IntoView {
    let lang = use_lang();
    let screen_id =
        Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.sessions[0].screen().id.clone())));
    let guide = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .and_then(|r| r.sessions[lang_index(lang.get())].guide())
        })
    });
    let alert = move || {
        let t = strings(lang.get());
        run.with(|r| {
            let r = r.as_ref()?;
            let session = &r.sessions[lang_index(lang.get())];
            let label_of = |fid: &str| {
                session.screen().fields.iter().find(|f| f.id == fid).map(|f| f.label.clone()).unwrap_or_default()
            };
            match r.outcome[lang_index(lang.get())].clone()? {
                Outcome::Rejected(errors) => Some(view! {
                    <div id="sim-alert" tabindex="-1" class="sim-alert" role="alert" data-testid="sim-errors">
                        <p><strong>{t.pages().walk_errors}</strong></p>
                        <ul>{errors.into_iter().map(|e| view! {
                            <li>
                                <strong>{label_of(&e.field)}": "</strong>
                                {e.message}
                                {e.explanation.map(|x| view! { <span class="why">" "{t.pages().walk_why}": "{x}</span> })}
                            </li>
                        }).collect_view()}</ul>
                    </div>
                }.into_any()),
                Outcome::Trap { message } | Outcome::Locked { message } => {
                    let title = if matches!(r.outcome[0], Some(Outcome::Trap { .. })) { t.pages().walk_trap } else { t.pages().walk_locked };
                    Some(view! {
                        <div id="sim-alert" tabindex="-1" class="sim-alert trap" role="alert" data-testid="sim-trap">
                            <p><strong>{title}</strong></p>
                            <p>{message}</p>
                        </div>
                    }.into_any())
                }
                Outcome::Moved { .. } | Outcome::Finished => None,
            }
        })
    };
    let body = move || {
        let _ = screen_id.get();
        let l = lang.get();
        let (screen, mode) = run.with_untracked(|r| {
            let r = r.as_ref()?;
            let s = &r.sessions[lang_index(l)];
            Some((s.screen(), s.mode()))
        })?;
        let t = strings(l);
        let phone = screen.device == Device::Phone;
        Some(view! {
            <div class="sim-frame" class:phone=phone data-testid="sim-screen" data-screen=screen.id.clone()>
                // Sticky at the top of the window while the frame is on screen: however the page
                // scrolls to a title, an error or a field, "MÔ PHỎNG" stays readable.
                <p class="sim-mark" data-testid="sim-mark">{t.pages().sim_banner}</p>
                <div class="sim-chrome" aria-hidden="true">
                    {if phone { t.pages().walk_phone.to_string() } else { screen.site.clone() }}
                </div>
                <div class="sim-body">
                    <h2 id="sim-title" tabindex="-1">{screen.title.clone()}</h2>
                    {screen.texts.iter().map(|x| view! { <p>{x.clone()}</p> }).collect_view()}
                    {screen.panels.iter().map(|p| panel_view(l, p)).collect_view()}
                    <form class="sim-form" on:submit=|ev| ev.prevent_default() novalidate>
                        {screen.fields.iter().map(|f| field_view(run, l, f, guide)).collect_view()}
                    </form>
                    {alert}
                    <div class="sim-actions">
                        {screen.actions.iter().map(|a| {
                            let aid = a.id.clone();
                            let aid2 = a.id.clone();
                            view! {
                                <button
                                    type="button"
                                    class="btn btn-primary"
                                    class:guide-target=move || guide.with(|g| matches!(g, Some(g) if g.control == Control::Action(aid2.clone())))
                                    data-action=a.id.clone()
                                    on:click=move |_| perform(run, &aid)
                                >
                                    {a.label.clone()}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                    {(mode == Mode::Guided).then(|| view! {
                        <div class="guide" role="status" aria-live="polite" data-testid="guide">
                            {move || guide.get().map(|g| view! { <p><strong>{t.pages().walk_next}": "</strong>{g.instruction}</p> })}
                        </div>
                    })}
                </div>
            </div>
        })
    };
    view! { {body} }
}

fn panel_view(lang: Lang, p: &Panel) -> AnyView {
    let t = strings(lang);
    let texts = p
        .texts
        .iter()
        .map(|x| view! { <p>{x.clone()}</p> })
        .collect_view();
    let rows = (!p.rows.is_empty() && p.kind != PanelKind::Timeline).then(|| {
        view! {
            <dl class="panel-rows">
                {p.rows.iter().map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div> }).collect_view()}
            </dl>
        }
    });
    let class = match p.kind {
        PanelKind::Note => "panel panel-note",
        PanelKind::Info => "panel panel-info",
        PanelKind::Sms => "panel panel-sms",
        PanelKind::Call => "panel panel-call",
        PanelKind::Web => "panel panel-web",
        PanelKind::Qr => "panel panel-qr",
        PanelKind::Timeline => "panel panel-timeline",
        PanelKind::Receipt => "panel panel-receipt",
    };
    let timeline = (p.kind == PanelKind::Timeline).then(|| {
        view! {
            <ol class="timeline">
                {p.steps().into_iter().map(|(state, label)| {
                    let (cls, mark) = match state {
                        StepState::Done => ("done", "✓"),
                        StepState::Current => ("current", "●"),
                        StepState::Todo => ("todo", "○"),
                    };
                    view! { <li class=cls><span aria-hidden="true">{mark}" "</span>{label.to_string()}</li> }
                }).collect_view()}
            </ol>
        }
    });
    let qr = (p.kind == PanelKind::Qr)
        .then(|| view! { <div class="qr" role="img" aria-label=p.caption.clone()></div> });
    let _ = t;
    view! {
        <section class=class data-kind=format!("{:?}", p.kind).to_lowercase()>
            <p class="panel-caption">{p.caption.clone()}</p>
            {qr}
            {texts}
            {rows}
            {timeline}
        </section>
    }
    .into_any()
}

fn field_view(
    run: RwSignal<Option<Run>>,
    lang: Lang,
    f: &'static Field,
    guide: Memo<Option<crate::walkthrough::Guide>>,
) -> AnyView {
    let fid = f.id.clone();
    let visible = move || {
        run.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.sessions[0].fields().iter().any(|x| x.id == fid))
        })
    };
    view! { <Show when=visible>{move || field_body(run, lang, f, guide)}</Show> }.into_any()
}

fn field_body(
    run: RwSignal<Option<Run>>,
    lang: Lang,
    f: &'static Field,
    guide: Memo<Option<crate::walkthrough::Guide>>,
) -> AnyView {
    let t = strings(lang);
    let fid = f.id.clone();
    let input_id = format!("f-{}", f.id);
    let err_id = format!("e-{}", f.id);
    let error = {
        let fid = fid.clone();
        move || {
            run.with(|r| {
                let r = r.as_ref()?;
                match r.outcome[lang_index(lang)].as_ref()? {
                    Outcome::Rejected(errs) => errs
                        .iter()
                        .find(|e| e.field == fid)
                        .map(|e| e.message.clone()),
                    _ => None,
                }
            })
        }
    };
    let targeted = {
        let fid = fid.clone();
        move || guide.with(|g| matches!(g, Some(g) if g.control == Control::Field(fid.clone())))
    };
    let label = view! {
        <span class="f-label">
            {f.label.clone()}
            {f.required.then(|| view! { <span class="req" aria-hidden="true">" *"</span><span class="sr-only">" ("{t.pages().walk_required}")"</span> })}
        </span>
    };
    let control = control_view(
        run,
        lang,
        f,
        input_id.clone(),
        err_id.clone(),
        error.clone(),
    );
    let help = (!f.help.is_empty()).then(|| view! { <p class="f-help">{f.help.clone()}</p> });
    let group = f.kind.has_choices() && f.kind != FieldKind::Select;
    let f_label = if group {
        view! { <legend>{label}</legend> }.into_any()
    } else {
        view! { <label for=input_id.clone()>{label}</label> }.into_any()
    };
    let (e1, e2) = (error.clone(), error);
    let inner = view! {
        {f_label}
        {control}
        {help}
        {move || e1().map(|m| view! { <p class="f-error" id=err_id.clone()>{m}</p> })}
    };
    let invalid = move || e2().is_some();
    if group {
        view! { <fieldset class="sim-field" class:guide-target=targeted class:invalid=invalid data-field=fid>{inner}</fieldset> }.into_any()
    } else {
        view! { <div class="sim-field" class:guide-target=targeted class:invalid=invalid data-field=fid>{inner}</div> }.into_any()
    }
}

fn control_view(
    run: RwSignal<Option<Run>>,
    lang: Lang,
    f: &Field,
    input_id: String,
    err_id: String,
    error: impl Fn() -> Option<String> + Clone + Send + Sync + 'static,
) -> AnyView {
    let t = strings(lang);
    let fid = f.id.clone();
    let invalid = {
        let e = error.clone();
        move || e().is_some().then_some("true")
    };
    let described = {
        let e = error.clone();
        move || e().is_some().then(|| err_id.clone())
    };
    if let Some(pre) = f.prefill.clone() {
        return view! { <input id=input_id type="text" value=pre readonly class="readonly"/> }
            .into_any();
    }
    let value = {
        let fid = fid.clone();
        move || value_of(run, &fid)
    };
    let on_input = {
        let fid = fid.clone();
        move |ev: web_sys::Event| set_value(run, &fid, &event_target_value(&ev))
    };
    match f.kind {
        FieldKind::Text | FieldKind::Number | FieldKind::Date | FieldKind::Password | FieldKind::Otp | FieldKind::Captcha => {
            let (ty, mode, placeholder) = match f.kind {
                FieldKind::Password => ("password", "text", ""),
                FieldKind::Number | FieldKind::Otp => ("text", "numeric", ""),
                FieldKind::Date => ("text", "numeric", "dd/mm/yyyy"),
                _ => ("text", "text", ""),
            };
            let code = (f.kind == FieldKind::Captcha).then(|| {
                view! { <p class="captcha" aria-label=t.pages().walk_code_shown>{f.code.clone().unwrap_or_default()}</p> }
            });
            view! {
                {code}
                <input id=input_id type=ty inputmode=mode placeholder=placeholder autocomplete="off"
                    prop:value=value aria-invalid=invalid aria-describedby=described on:input=on_input/>
            }
            .into_any()
        }
        FieldKind::Textarea => view! {
            <textarea id=input_id rows="4" prop:value=value aria-invalid=invalid aria-describedby=described on:input=on_input></textarea>
        }
        .into_any(),
        FieldKind::Select => {
            let fid2 = fid.clone();
            let options = move || {
                run.with(|r| {
                    r.as_ref()
                        .map(|r| r.sessions[lang_index(lang)].options(&fid2).into_iter().map(|c| (c.value.clone(), c.label.clone())).collect::<Vec<_>>())
                        .unwrap_or_default()
                })
            };
            let current = value.clone();
            view! {
                <select id=input_id aria-invalid=invalid aria-describedby=described on:change=on_input prop:value=current>
                    <option value="">{t.pages().walk_choose}</option>
                    {move || options().into_iter().map(|(v, l)| {
                        let selected = v == value();
                        view! { <option value=v selected=selected>{l}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
        FieldKind::Tick => {
            let fid2 = fid.clone();
            view! {
                <label class="tick">
                    <input id=input_id type="checkbox" prop:checked=move || value() == "yes" aria-invalid=invalid aria-describedby=described
                        on:change=move |ev| set_value(run, &fid2, if event_target_checked(&ev) { "yes" } else { "no" })/>
                    <span>{f.hint.clone()}</span>
                </label>
            }
            .into_any()
        }
        FieldKind::Radio | FieldKind::Rating | FieldKind::Checkbox | FieldKind::Files => {
            let multi = f.kind.is_multi();
            let mut choices: Vec<(String, String, Option<u32>)> =
                f.choices.iter().map(|c| (c.value.clone(), c.label.clone(), c.size_kb)).collect();
            if f.kind == FieldKind::Rating && choices.is_empty() {
                choices = rating_levels(lang).iter().map(|(v, l)| (v.to_string(), l.to_string(), None)).collect();
            }
            let tray = (f.kind == FieldKind::Files).then(|| view! { <p class="f-help">{t.pages().walk_tray}</p> });
            let name = format!("g-{}", f.id);
            view! {
                {tray}
                <div class=if f.kind == FieldKind::Files { "choices tray" } else { "choices" }>
                    {choices.into_iter().enumerate().map(|(i, (v, label, size))| {
                        let (fa, fb, va, vb) = (fid.clone(), fid.clone(), v.clone(), v.clone());
                        let checked = move || {
                            let cur = value_of(run, &fa);
                            if multi { cur.split(',').any(|x| x.trim() == va) } else { cur == va }
                        };
                        let change = move |_| if multi { toggle(run, &fb, &vb) } else { set_value(run, &fb, &vb) };
                        let size = size.map(|kb| if kb >= 1024 { format!(" · {:.1} MB", kb as f32 / 1024.0) } else { format!(" · {kb} KB") });
                        view! {
                            <label class="choice">
                                <input type=if multi { "checkbox" } else { "radio" } name=name.clone()
                                    id=if i == 0 { Some(input_id.clone()) } else { None }
                                    value=v prop:checked=checked on:change=change/>
                                <span>{label}{size}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}
