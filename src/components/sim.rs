//! The simulated portal: a replica browser window or phone, its panels (SMS, call, procedure
//! page, QR code, status timeline, receipt), and every field widget the scenarios use. It only
//! draws what the walkthrough's [`Run`] says (a read-only signal) and sends what the student
//! does to the page as an [`Act`] (a callback).
//!
//! A refused step is said once: a one-line summary on top (which fields, each a link to it),
//! the portal's message under each field, and in guided mode the teacher's "why" folded under
//! that. Help and errors describe their control (`aria-describedby`; a group's fieldset for
//! radio, checkbox and file choices), and in English the real portal's Vietnamese words carry
//! `lang="vi"`.

use crate::content::Lang;
use crate::i18n::strings;
use crate::state::use_lang;
use crate::walkthrough::scenario::rating_levels;
use crate::walkthrough::{
    Act, Control, Device, Field, FieldKind, Mode, Outcome, Panel, PanelKind, Run, StepState,
    lang_index,
};
use leptos::prelude::*;

/// What the portal's parts read (the run) and where they send what the student does.
#[derive(Clone, Copy)]
struct Wire {
    run: Signal<Option<Run>>,
    act: Callback<Act>,
}

impl Wire {
    fn with<U>(self, f: impl FnOnce(&Option<Run>) -> U) -> U {
        self.run.with(f)
    }

    fn with_untracked<U>(self, f: impl FnOnce(&Option<Run>) -> U) -> U {
        self.run.with_untracked(f)
    }
}

fn set_value(run: Wire, field: &str, value: &str) {
    run.act.run(Act::Set {
        field: field.to_string(),
        value: value.to_string(),
    });
}

fn toggle(run: Wire, field: &str, option: &str) {
    run.act.run(Act::Toggle {
        field: field.to_string(),
        option: option.to_string(),
    });
}

fn value_of(run: Wire, field: &str) -> String {
    run.with(|r| {
        r.as_ref()
            .map(|r| r.value(field).to_string())
            .unwrap_or_default()
    })
}

/// A portal text. In English, the real portal's Vietnamese words in it ("Province/City
/// (Tỉnh/Thành phố)", "Thành phố Hà Nội") carry `lang="vi"`, so a screen reader says them in
/// Vietnamese (WCAG 3.1.2); the Vietnamese page is all `vi` already. Each piece is a `span`
/// (`lang` only on the Vietnamese ones): one view type for every case.
pub fn portal_text(lang: Lang, s: &str) -> impl IntoView + use<> {
    let parts: Vec<(String, bool)> = if lang == Lang::Vi {
        vec![(s.to_string(), false)]
    } else {
        crate::text::vietnamese_parts(s)
            .into_iter()
            .map(|(p, vi)| (p.to_string(), vi))
            .collect()
    };
    parts
        .into_iter()
        .map(|(part, vi)| view! { <span lang=vi.then_some("vi")>{part}</span> })
        .collect_view()
}

/// `lang="vi"` for an element that can only hold text (an option, a pre-filled input) whose
/// text starts in Vietnamese, on the English page.
fn vi_attr(lang: Lang, s: &str) -> Option<&'static str> {
    let first = crate::text::vietnamese_parts(s)
        .first()
        .is_some_and(|p| p.1);
    (lang == Lang::En && first).then_some("vi")
}

/// The current screen of a walkthrough, redrawn only when the screen changes, and in guided
/// mode the guide: above the frame on a phone, beside it (sticky) on a wide screen.
#[component]
pub fn SimScreen(
    /// The walkthrough state (read only: the page owns it).
    #[prop(into)]
    run: Signal<Option<Run>>,
    /// What the student does: a value typed or chosen, a tick, a button pressed.
    on_act: Callback<Act>,
) -> impl IntoView {
    let run = Wire { run, act: on_act };
    let lang = use_lang();
    let screen_id =
        Memo::new(move |_| run.with(|r| r.as_ref().map(|r| r.sessions[0].screen().id.clone())));
    let guided = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.sessions[0].mode() == Mode::Guided)
        })
    });
    let guide = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .and_then(|r| r.sessions[lang_index(lang.get())].guide())
        })
    });
    // Said once, on top of the screen: which fields to fix, each a link to it. What is wrong
    // with each is under the field, its "why" folded under that.
    let alert = move || {
        let l = lang.get();
        let t = strings(l);
        run.with(|r| {
            let r = r.as_ref()?;
            let session = &r.sessions[lang_index(l)];
            let label_of = |fid: &str| {
                session.screen().fields.iter().find(|f| f.id == fid).map(|f| f.label.clone()).unwrap_or_default()
            };
            match r.outcome[lang_index(l)].clone()? {
                Outcome::Rejected(errors) => {
                    let last = errors.len().saturating_sub(1);
                    let links = errors.iter().enumerate().map(|(k, e)| {
                        let target = format!("f-{}", e.field);
                        // One element per field (a fragment would be type-erased).
                        view! {
                            <span>
                                {if k > 0 { ", " } else { "" }}
                                <a href=format!("#{target}") on:click=move |ev| {
                                    ev.prevent_default();
                                    crate::platform::focus_id(&target);
                                }>{portal_text(l, &label_of(&e.field))}</a>
                                {if k == last { "." } else { "" }}
                            </span>
                        }
                    }).collect_view();
                    Some(view! {
                        <div id="sim-alert" tabindex="-1" class="sim-alert fix" role="alert" data-testid="sim-errors">
                            <strong>{t.pages().walk_fix}</strong>{links}
                        </div>
                    }.into_any())
                }
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
        let screen = run.with_untracked(|r| Some(r.as_ref()?.sessions[lang_index(l)].screen()))?;
        let t = strings(l);
        let phone = screen.device == Device::Phone;
        Some(view! {
            <div class="sim-frame" class:phone=phone data-testid="sim-screen" data-screen=screen.id.clone()>
                // Sticky at the top of the window while the frame is on screen: however the page
                // scrolls to a title, an error or a field, "MÔ PHỎNG" stays readable.
                <p class="sim-mark" data-testid="sim-mark">
                    <strong>{t.pages().sim_label}</strong>" "<span>{t.pages().sim_warn}</span>
                </p>
                <div class="sim-chrome" aria-hidden="true">
                    {if phone { t.pages().walk_phone.to_string() } else { screen.site.clone() }}
                </div>
                <div class="sim-body">
                    <h2 id="sim-title" tabindex="-1">{portal_text(l, &screen.title)}</h2>
                    {alert}
                    {screen.texts.iter().map(|x| view! { <p>{portal_text(l, x)}</p> }).collect_view()}
                    {screen.panels.iter().map(|p| panel_view(l, p)).collect_view()}
                    <form class="sim-form" on:submit=|ev| ev.prevent_default() novalidate>
                        {screen.fields.iter().map(|f| field_view(run, l, f, guide)).collect_view()}
                    </form>
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
                                    on:click=move |_| run.act.run(Act::Press(aid.clone()))
                                >
                                    {portal_text(l, &a.label)}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                </div>
            </div>
        })
    };
    // The guide lives as long as the walkthrough (one live region, not one per screen), and
    // comes first: a phone shows it above the portal, a wide screen beside it.
    let guide_box = move || {
        guided.get().then(|| {
            view! {
                <div class="guide" role="status" aria-live="polite" data-testid="guide">
                    {move || guide.get().map(|g| {
                        let t = strings(lang.get());
                        view! { <p><strong>{t.pages().walk_next}": "</strong>{g.instruction}</p> }
                    })}
                </div>
            }
        })
    };
    view! {
        // Laid out by what it holds (pages.css): the guide beside a phone or a computer frame.
        <div id="walk-stage" class="walk-stage">
            // Where a new screen scrolls to (see `walkthrough::focus_and_show_stage`).
            <span id="walk-top" class="walk-top" tabindex="-1"></span>
            {guide_box}
            {body}
        </div>
    }
}

fn panel_view(lang: Lang, p: &Panel) -> AnyView {
    let texts = p
        .texts
        .iter()
        .map(|x| view! { <p>{portal_text(lang, x)}</p> })
        .collect_view();
    let rows = (!p.rows.is_empty() && p.kind != PanelKind::Timeline).then(|| {
        view! {
            <dl class="panel-rows">
                {p.rows.iter().map(|(k, v)| view! { <div><dt>{portal_text(lang, k)}</dt><dd>{portal_text(lang, v)}</dd></div> }).collect_view()}
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
                    view! { <li class=cls><span aria-hidden="true">{mark}" "</span>{portal_text(lang, label)}</li> }
                }).collect_view()}
            </ol>
        }
    });
    let qr = (p.kind == PanelKind::Qr)
        .then(|| view! { <div class="qr" role="img" aria-label=p.caption.clone()></div> });
    view! {
        <section class=class data-kind=format!("{:?}", p.kind).to_lowercase()>
            <p class="panel-caption">{portal_text(lang, &p.caption)}</p>
            {qr}
            {texts}
            {rows}
            {timeline}
        </section>
    }
    .into_any()
}

fn field_view(
    run: Wire,
    lang: Lang,
    f: &'static Field,
    guide: Memo<Option<crate::walkthrough::Guide>>,
) -> AnyView {
    let fid = f.id.clone();
    // A memo, so the field is drawn again only when it appears or goes, not on every keystroke.
    let visible = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.sessions[0].fields().iter().any(|x| x.id == fid))
        })
    });
    view! { {move || visible.get().then(|| field_body(run, lang, f, guide))} }.into_any()
}

fn field_body(
    run: Wire,
    lang: Lang,
    f: &'static Field,
    guide: Memo<Option<crate::walkthrough::Guide>>,
) -> AnyView {
    let t = strings(lang);
    let fid = f.id.clone();
    let input_id = format!("f-{}", f.id);
    let err_id = format!("e-{}", f.id);
    // What the portal says about this field now, and in guided mode the teacher's why.
    let error = {
        let fid = fid.clone();
        move || {
            run.with(|r| {
                let r = r.as_ref()?;
                match r.outcome[lang_index(lang)].as_ref()? {
                    Outcome::Rejected(errs) => errs
                        .iter()
                        .find(|e| e.field == fid)
                        .map(|e| (e.message.clone(), e.explanation.clone())),
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
            {portal_text(lang, &f.label)}
            {f.required.then(|| view! { <span class="req" aria-hidden="true">" *"</span><span class="sr-only">" ("{t.pages().walk_required}")"</span> })}
        </span>
    };
    // The small print under the control (the tray's caption first for files), and the error:
    // what `aria-describedby` names, on the control or on the group's fieldset (WCAG 1.3.1).
    let tray_id = (f.kind == FieldKind::Files).then(|| format!("t-{}", f.id));
    let help_id = (!f.help.is_empty()).then(|| format!("h-{}", f.id));
    let described = {
        let (e, err_id) = (error.clone(), err_id.clone());
        let fixed: Vec<String> = tray_id.iter().chain(&help_id).cloned().collect();
        move || {
            let ids: Vec<String> = fixed
                .iter()
                .cloned()
                .chain(e().map(|_| err_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let group = f.kind.has_choices() && f.kind != FieldKind::Select;
    let control = control_view(
        run,
        lang,
        f,
        input_id.clone(),
        tray_id,
        (!group).then(|| described.clone()),
        error.clone(),
    );
    let help = help_id.map(|id| view! { <p class="f-help" id=id>{portal_text(lang, &f.help)}</p> });
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
        {move || e1().map(|(message, why)| view! {
            <p class="f-error" id=err_id.clone()>{message}</p>
            {why.map(|x| view! {
                <details class="f-why" data-testid="why">
                    <summary>{t.pages().walk_why}</summary>
                    <p>{x}</p>
                </details>
            })}
        })}
    };
    let invalid = move || e2().is_some();
    if group {
        view! { <fieldset class="sim-field" class:guide-target=targeted class:invalid=invalid data-field=fid aria-describedby=described>{inner}</fieldset> }.into_any()
    } else {
        view! { <div class="sim-field" class:guide-target=targeted class:invalid=invalid data-field=fid>{inner}</div> }.into_any()
    }
}

/// The control of one field. `described` is what its `aria-describedby` says (`None` for a
/// group of choices: their fieldset carries it); `tray_id` names the files tray's caption.
fn control_view<E>(
    run: Wire,
    lang: Lang,
    f: &Field,
    input_id: String,
    tray_id: Option<String>,
    described: Option<impl Fn() -> Option<String> + Clone + Send + Sync + 'static>,
    error: impl Fn() -> Option<E> + Clone + Send + Sync + 'static,
) -> AnyView {
    let t = strings(lang);
    let fid = f.id.clone();
    let invalid = {
        let e = error.clone();
        move || e().is_some().then_some("true")
    };
    let described = move || described.as_ref().and_then(|d| d());
    if let Some(pre) = f.prefill.clone() {
        let vi = vi_attr(lang, &pre);
        return view! { <input id=input_id type="text" value=pre lang=vi readonly class="readonly"/> }
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
                        let vi = vi_attr(lang, &l);
                        view! { <option value=v selected=selected lang=vi>{l}</option> }
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
                    <span>{portal_text(lang, &f.hint)}</span>
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
            let tray = tray_id.map(|id| view! { <p class="f-help" id=id>{t.pages().walk_tray}</p> });
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
                                <span>{portal_text(lang, &label)}{size}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}
