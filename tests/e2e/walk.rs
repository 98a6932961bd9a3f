//! Simulated-portal walkthroughs, done the way a student does them: keyboard only, guided mode
//! following the highlighted control, practice mode on your own, a typical mistake and its
//! message, and the score summary.
//!
//! What is "right" comes from the scenario files themselves: a native guided [`Session`] runs
//! beside the browser as a mirror and says which control is next and which example value fits.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, js, key, new_student, press, screenshot,
    wait_css, wait_text,
};
use crate::server::StaticServer;
use dvc_lab::content::Lang;
use dvc_lab::walkthrough::{Control, Field, FieldKind, Mode, Session, scenario};
use fantoccini::Client;
use fantoccini::key::Key;

async fn active(c: &Client, expr: &str) -> Res<String> {
    let v = js(
        c,
        &format!("const e = document.activeElement; return String({expr})"),
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Tabs until the focused element satisfies `pred` (JS, `e` is the element).
async fn tab_to(c: &Client, pred: &str) -> Res {
    for _ in 0..300 {
        if active(c, &format!("!!({pred})")).await? == "true" {
            return Ok(());
        }
        press(c, &key(Key::Tab)).await?;
    }
    Err(format!("Tab never reached {pred}").into())
}

/// Fills one field with `value` using the keyboard only.
pub(crate) async fn fill(c: &Client, f: &Field, value: &str) -> Res {
    let id = format!("f-{}", f.id);
    match f.kind {
        FieldKind::Select => {
            tab_to(c, &format!("e.id === '{id}'")).await?;
            for _ in 0..60 {
                if active(c, "e.value").await? == value {
                    return Ok(());
                }
                press(c, &key(Key::Down)).await?;
            }
            Err(format!("{id}: no option {value:?} reachable by arrow keys").into())
        }
        FieldKind::Tick => {
            tab_to(c, &format!("e.id === '{id}'")).await?;
            if (active(c, "e.checked").await? == "true") != (value == "yes") {
                press(c, " ").await?;
            }
            Ok(())
        }
        FieldKind::Radio | FieldKind::Rating => {
            tab_to(c, &format!("e.name === 'g-{}'", f.id)).await?;
            for _ in 0..12 {
                if active(c, "e.value").await? == value {
                    if active(c, "e.checked").await? != "true" {
                        press(c, " ").await?;
                    }
                    return Ok(());
                }
                press(c, &key(Key::Down)).await?;
            }
            Err(format!("{id}: radio {value:?} not reached").into())
        }
        FieldKind::Checkbox | FieldKind::Files => {
            let want: Vec<&str> = value
                .split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect();
            tab_to(c, &format!("e.name === 'g-{}'", f.id)).await?;
            while active(c, &format!("e.name === 'g-{}'", f.id)).await? == "true" {
                let v = active(c, "e.value").await?;
                let checked = active(c, "e.checked").await? == "true";
                if want.contains(&v.as_str()) != checked {
                    press(c, " ").await?;
                }
                press(c, &key(Key::Tab)).await?;
            }
            Ok(())
        }
        _ => {
            tab_to(c, &format!("e.id === '{id}'")).await?;
            press(c, &format!("{}a", key(Key::Control))).await?;
            press(c, &key(Key::Null)).await?;
            press(c, &key(Key::Backspace)).await?;
            press(c, value).await?;
            Ok(())
        }
    }
}

/// Fills the visible field `fid` with its first example value in the browser and in the
/// mirror session, keeping both in step.
pub(crate) async fn fill_example(c: &Client, mirror: &mut Session<'_>, fid: &str) -> Res {
    let f = mirror
        .fields()
        .into_iter()
        .find(|f| f.id == fid)
        .ok_or("guided field not visible")?;
    let value = f.examples.first().cloned().unwrap_or_default();
    fill(c, f, &value).await?;
    mirror.set(fid, &value)?;
    Ok(())
}

async fn press_action(c: &Client, action: &str) -> Res {
    tab_to(c, &format!("e.dataset.action === '{action}'")).await?;
    press(c, &key(Key::Enter)).await?;
    Ok(())
}

/// The "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT" label is wholly in the window (the page's banner or
/// the frame's sticky mark), in either language, as it is now — no scrolling.
async fn assert_banner_readable(c: &Client, context: &str) -> Res {
    let shown = js(
        c,
        "const ok = (e) => { if (!e) return false; const r = e.getBoundingClientRect();            return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight &&              /MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT|SIMULATION – NOT THE REAL PORTAL/.test(e.textContent); };          return ok(document.querySelector('[data-testid=sim-mark]')) || ok(document.querySelector('[data-testid=sim-banner]'))",
    )
    .await?;
    if shown == serde_json::json!(true) {
        Ok(())
    } else {
        Err(format!("{context}: the simulation label is not fully in the window").into())
    }
}

/// Plays a whole walkthrough by keyboard, following the mirror's guide. In guided mode it also
/// checks that the page highlights the same control.
pub(crate) async fn play(c: &Client, id: &str, mode: Mode, shots: Option<&str>) -> Res {
    let sc = scenario(Lang::Vi, id).ok_or(format!("no scenario {id}"))?;
    let mut mirror = Session::new(sc, Mode::Guided);
    let mut shot_of = String::new();
    for _ in 0..200 {
        if mirror.is_finished() {
            break;
        }
        if let Some(tag) = shots
            && shot_of != mirror.screen().id
        {
            shot_of = mirror.screen().id.clone();
            screenshot(c, &format!("walk-{tag}-{id}-{shot_of}")).await?;
        }
        let guide = mirror.guide().ok_or("the mirror has no next step")?;
        if mode == Mode::Guided {
            let highlighted = js(
                c,
                "const g = document.querySelector('.guide-target'); return g ? (g.dataset.field || g.dataset.action) : null",
            )
            .await?;
            let expected = match &guide.control {
                Control::Field(f) | Control::Action(f) => f.clone(),
            };
            assert_eq!(
                highlighted.as_str(),
                Some(expected.as_str()),
                "guided mode highlights the next control"
            );
        }
        let step = format!("{id} {:?}, screen {}", guide.control, mirror.screen().id);
        match guide.control {
            Control::Field(fid) => fill_example(c, &mut mirror, &fid).await?,
            Control::Action(aid) => {
                let before = mirror.screen().id.clone();
                press_action(c, &aid).await?;
                mirror.perform(&aid)?;
                if !mirror.is_finished() && mirror.screen().id != before {
                    wait_css(
                        c,
                        &format!(
                            "[data-testid=sim-screen][data-screen='{}']",
                            mirror.screen().id
                        ),
                    )
                    .await?;
                    // The app moves focus (and so the scroll) to the new screen's title; look
                    // once it has.
                    crate::browser::wait_js(
                        c,
                        "document.activeElement && document.activeElement.id === 'sim-title'",
                        10,
                    )
                    .await?;
                }
            }
        }
        if !mirror.is_finished() {
            assert_banner_readable(c, &format!("after {step}")).await?;
        }
    }
    wait_css(c, "[data-testid=walk-summary]").await?;
    Ok(())
}

/// Opens walkthrough `id` in guided mode and plays it through by keyboard (screenshots tagged
/// `tag`).
async fn play_guided(c: &Client, origin: &str, id: &str, tag: &str) -> Res {
    c.goto(&format!("{origin}/walkthroughs/{id}?mode=guided"))
        .await?;
    wait_css(c, "[data-testid=guide]").await?;
    c.find(fantoccini::Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    play(c, id, Mode::Guided, Some(tag)).await
}

pub async fn three_walkthroughs_guided_by_keyboard_only(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, &server.origin, "Vũ Hoàng Long", "10A3").await?;
    for id in ["kich-hoat-vneid", "ban-sao-khai-sinh", "nhan-dien-lua-dao"] {
        c.goto(&format!("{}/walkthroughs/{id}?mode=guided", server.origin))
            .await?;
        wait_css(&c, "[data-testid=sim-screen]").await?;
        // While the portal is on screen, its own bar says it (the page's banner gives way).
        wait_text(
            &c,
            "[data-testid=sim-mark]",
            "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT",
        )
        .await?;
        wait_css(&c, "[data-testid=guide]").await?;
        c.find(fantoccini::Locator::Css("body"))
            .await?
            .send_keys(&key(Key::Tab))
            .await?;
        play(&c, id, Mode::Guided, Some("1366")).await?;
        let text = wait_text(
            &c,
            "[data-testid=walk-summary]",
            "Hoàn thành bài thực hành!",
        )
        .await?;
        assert!(text.contains("Số lần làm sai: 0"), "{id}: {text}");
        screenshot(&c, &format!("walk-guided-done-{id}")).await?;
    }
    assert_no_console_errors(&c, "during guided walkthroughs").await?;
    c.close().await?;
    Ok(())
}

pub async fn a_typical_mistake_is_explained_in_guided_mode(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let id = "ban-sao-khai-sinh";
    let sc = scenario(Lang::Vi, id).ok_or("scenario")?;
    new_student(&c, &server.origin, "Đặng Thảo My", "11A1").await?;
    c.goto(&format!("{}/walkthroughs/{id}?mode=guided", server.origin))
        .await?;
    wait_css(&c, "[data-testid=sim-screen]").await?;
    c.find(fantoccini::Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    // Go to the agency screen, then press "Tiếp tục" with nothing chosen.
    press_action(&c, "nop").await?;
    wait_css(&c, "[data-testid=sim-screen][data-screen='co-quan']").await?;
    press_action(&c, "tiep-tuc").await?;
    // On top, which fields to fix; under each field, the portal's message.
    let errors = wait_text(&c, "[data-testid=sim-errors]", "Chưa được").await?;
    wait_text(
        &c,
        "[data-field=tinh] .f-error",
        "Vui lòng nhập đầy đủ các thông tin có dấu *",
    )
    .await?;
    assert_eq!(
        active(&c, "e.id").await?,
        "sim-alert",
        "focus moves to the message"
    );
    screenshot(&c, "walk-guided-required-1366").await?;
    // A declared typical mistake: the wrong province, with its own explanation.
    let tinh = sc
        .screens
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "tinh")
        .ok_or("field tinh")?;
    let mistake = tinh.mistakes.first().ok_or("a declared mistake")?;
    fill(&c, tinh, &mistake.value).await?;
    press_action(&c, "tiep-tuc").await?;
    // Its explanation, folded under the field's message ("Vì sao?"), opened by keyboard.
    wait_css(&c, "[data-field=tinh] [data-testid=why]").await?;
    tab_to(&c, "!!e.closest('[data-field=tinh] [data-testid=why]')").await?;
    press(&c, &key(Key::Enter)).await?;
    wait_text(&c, "[data-field=tinh] [data-testid=why]", &mistake.message).await?;
    assert!(errors.contains("Tỉnh/Thành phố"), "{errors}");
    c.close().await?;
    Ok(())
}

pub async fn practice_mode_by_keyboard_is_scored_and_counts_toward_progress(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let id = "thanh-toan-theo-doi";
    new_student(&c, &server.origin, "Bùi Quốc Anh", "12A2").await?;
    c.goto(&format!(
        "{}/walkthroughs/{id}?mode=practice",
        server.origin
    ))
    .await?;
    wait_css(&c, "[data-testid=sim-screen]").await?;
    assert!(
        c.find(fantoccini::Locator::Css("[data-testid=guide]"))
            .await
            .is_err(),
        "no hints in practice mode"
    );
    c.find(fantoccini::Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    // One wrong press first: a mistake that must show up in the summary.
    let sc = scenario(Lang::Vi, id).ok_or("scenario")?;
    let first = &sc.screens[0];
    if let Some(f) = first
        .fields
        .iter()
        .find(|f| f.required && f.prefill.is_none())
    {
        let _ = f;
        let forward = first
            .actions
            .iter()
            .find(|a| a.wrong.is_none())
            .ok_or("a forward action")?;
        press_action(&c, &forward.id).await?;
        wait_css(&c, "[data-testid=sim-errors]").await?;
    }
    play(&c, id, Mode::Practice, Some("practice")).await?;
    let summary = wait_css(&c, "[data-testid=walk-summary]").await?;
    let score: u32 = summary
        .attr("data-score")
        .await?
        .unwrap_or_default()
        .parse()?;
    let text = summary.text().await?;
    assert!(text.contains("Điểm:"), "practice shows a score: {text}");
    assert!(score > 0 && score <= 100, "{score}");
    screenshot(&c, "walk-practice-summary").await?;
    c.goto(&format!("{}/walkthroughs", server.origin)).await?;
    wait_text(
        &c,
        &format!("[data-testid=walk-{id}]"),
        &format!("Đã tự làm {score}/100"),
    )
    .await?;
    c.close().await?;
    Ok(())
}

pub async fn walkthrough_on_a_phone_in_english(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(360, 640).await?;
    new_student(&c, &server.origin, "Ngô Bảo Châu", "10A4").await?;
    c.goto(&format!("{}/walkthroughs", server.origin)).await?;
    wait_css(&c, "[data-testid=walk-list]").await?;
    c.find(fantoccini::Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "h1", "Practise on the simulated portal").await?;
    screenshot(&c, "walk-list-360-en").await?;
    c.goto(&format!(
        "{}/walkthroughs/kich-hoat-vneid?mode=guided",
        server.origin
    ))
    .await?;
    wait_text(
        &c,
        "[data-testid=sim-mark]",
        "SIMULATION – NOT THE REAL PORTAL",
    )
    .await?;
    assert_fits_width(&c, "walkthrough screen on the phone").await?;
    screenshot(&c, "walk-screen-360-en").await?;
    // The whole walkthrough on the phone, by touch-sized controls and the keyboard.
    c.find(fantoccini::Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    play(&c, "kich-hoat-vneid", Mode::Guided, Some("360")).await?;
    wait_text(&c, "[data-testid=walk-summary]", "Walkthrough complete!").await?;
    assert_fits_width(&c, "walkthrough summary on the phone").await?;
    // The longest forms, where the label used to scroll away (screens 4–9).
    for id in ["ban-sao-khai-sinh", "thanh-toan-theo-doi"] {
        play_guided(&c, &server.origin, id, "360").await?;
    }
    c.close().await?;
    Ok(())
}

/// The extra walkthroughs of the December 2026 content review (lý lịch tư pháp, tạm trú with a
/// "Yêu cầu bổ sung" branch, helping a grandparent, BHYT, looking up a PAKN answer), each played
/// through in guided mode on a phone, the simulation label in view after every step.
pub async fn the_extra_walkthroughs_play_through_on_a_phone(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(360, 640).await?;
    new_student(&c, &server.origin, "Hồ Ngọc Diệp", "11A2").await?;
    let extras: Vec<String> = dvc_lab::walkthrough::scenarios(Lang::Vi)
        .iter()
        .filter(|s| !s.required)
        .map(|s| s.id.clone())
        .collect();
    assert!(extras.len() >= 5, "the five extra walkthroughs: {extras:?}");
    for id in &extras {
        play_guided(&c, &server.origin, id, "extra-360").await?;
        wait_text(
            &c,
            "[data-testid=walk-summary]",
            "Hoàn thành bài thực hành!",
        )
        .await?;
        assert_fits_width(&c, &format!("{id} summary on a phone")).await?;
    }
    assert_no_console_errors(&c, "the extra walkthroughs").await?;
    c.close().await?;
    Ok(())
}
