//! A walkthrough the way a student meets it on a phone (issue 21): the portal, its MÔ PHỎNG bar
//! and the "Bước tiếp theo" guide on the first screen and after every step, the guide above
//! the form (beside it on a wide screen); a portal error said once, its "why" folded under it;
//! after a practice, one "Tiếp theo" and where she stands; the walkthroughs' own status words;
//! and the portal's fields described, outlined and, in English, their Vietnamese marked `vi`.
//!
//! What is right comes from the scenario files: a native guided [`Session`] plays beside the
//! browser and says which control is next and which value fits.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, js, new_student, screenshot, wait_css,
    wait_js, wait_text,
};
use crate::server::StaticServer;
use dvc_lab::content::{Lang, course};
use dvc_lab::walkthrough::{Control, Mode, Session, scenario};
use fantoccini::actions::{InputSource, PointerAction, TouchActions};
use fantoccini::{Client, Locator};
use serde_json::Value;

/// The boxes a student must see, as `[top, bottom, left, right]` in the window, with its size.
const BOXES: &str = "const box = (css) => { const e = document.querySelector(css); if (!e) return null;
        const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right, e.textContent]; };
    return { h: innerHeight, w: innerWidth, frame: box('[data-testid=sim-screen]'),
             mark: box('[data-testid=sim-mark]'),
             label: box('[data-testid=sim-mark] strong') || box('[data-testid=sim-mark]'),
             guide: box('[data-testid=guide]'), alert: box('#sim-alert') };";

fn num(v: &Value, i: usize) -> f64 {
    v[i].as_f64().unwrap_or(f64::NAN)
}

/// Fails unless the box `name` is wholly inside the window.
fn assert_inside(b: &Value, name: &str, h: f64, context: &str) -> Res {
    if b.is_null() {
        return Err(format!("{context}: no {name} on the page").into());
    }
    let (top, bottom) = (num(b, 0), num(b, 1));
    if top >= 0.0 && bottom <= h && bottom > top {
        Ok(())
    } else {
        Err(
            format!("{context}: the {name} is not wholly in the {h} px window: {top}..{bottom}")
                .into(),
        )
    }
}

/// What is on screen without scrolling: the frame's top, the whole MÔ PHỎNG bar and its label,
/// and (`guided`) the whole guide — above the frame on a phone (`wide` false), beside it on a
/// wide screen.
async fn assert_stage_in_view(c: &Client, guided: bool, wide: bool, context: &str) -> Res {
    let b = js(c, BOXES).await?;
    let h = b["h"].as_f64().unwrap_or(0.0);
    let frame = &b["frame"];
    let top = num(frame, 0);
    if !(top >= 0.0 && top < h) {
        return Err(
            format!("{context}: the portal's top is at {top}, outside the {h} px window").into(),
        );
    }
    assert_inside(&b["mark"], "MÔ PHỎNG bar", h, context)?;
    assert_inside(&b["label"], "MÔ PHỎNG label", h, context)?;
    let label = b["label"][4].as_str().unwrap_or_default();
    assert!(
        label.starts_with("MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT")
            || label.starts_with("SIMULATION – NOT THE REAL PORTAL"),
        "{context}: the bar says {label:?}"
    );
    if guided {
        assert_inside(&b["guide"], "guide", h, context)?;
        let g = &b["guide"];
        let said = g[4].as_str().unwrap_or_default();
        assert!(
            said.starts_with("Bước tiếp theo: ") || said.starts_with("Next step: "),
            "{context}: the guide says {said:?}"
        );
        if wide {
            assert!(
                num(g, 2) >= num(frame, 3),
                "{context}: on a wide screen the guide stands beside the portal: {g} {frame}"
            );
        } else {
            assert!(
                num(g, 1) <= top,
                "{context}: on a phone the guide comes above the portal (and its buttons): {g} {frame}"
            );
        }
    }
    Ok(())
}

/// Fails unless the MÔ PHỎNG bar is wholly in the window (after a field is filled, the page may
/// be scrolled far down a long form: the bar sticks).
async fn assert_mark_in_view(c: &Client, context: &str) -> Res {
    let b = js(c, BOXES).await?;
    let h = b["h"].as_f64().unwrap_or(0.0);
    assert_inside(&b["mark"], "MÔ PHỎNG bar", h, context)
}

/// A finger on the element (scrolled to the middle of the screen first, as a thumb does).
async fn tap(c: &Client, css: &str) -> Res {
    let el = c.find(Locator::Css(css)).await?;
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&el)?],
    )
    .await?;
    let finger = TouchActions::new("finger".into())
        .then(PointerAction::MoveToElement {
            element: el,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    c.perform_actions(finger).await?;
    Ok(())
}

/// Presses a portal button: a tap on a phone, a click on a wide screen.
async fn press(c: &Client, wide: bool, action: &str) -> Res {
    let css = format!("[data-action='{action}']");
    if wide {
        c.find(Locator::Css(&css)).await?.click().await?;
        Ok(())
    } else {
        tap(c, &css).await
    }
}

/// Waits until screen `screen` is drawn and focus is on its title (the app then has scrolled).
async fn wait_screen(c: &Client, screen: &str) -> Res {
    wait_css(
        c,
        &format!("[data-testid=sim-screen][data-screen='{screen}']"),
    )
    .await?;
    wait_js(
        c,
        "document.activeElement && document.activeElement.id === 'sim-title'",
        10,
    )
    .await
}

/// Plays the open walkthrough `id` to its end in `mode`, filling each field with its example
/// and pressing the next button. After each step: the bar is in view; after each new screen,
/// the whole stage top ([`assert_stage_in_view`]). Screenshots tagged `tag`. Returns how many
/// screens it checked.
async fn play(c: &Client, id: &str, mode: Mode, wide: bool, tag: &str) -> Res<usize> {
    let sc = scenario(Lang::Vi, id).ok_or(format!("no scenario {id}"))?;
    let mut mirror = Session::new(sc, Mode::Guided);
    let guided = mode == Mode::Guided;
    let mut screens = 1;
    assert_stage_in_view(c, guided, wide, &format!("{id}: first screen")).await?;
    screenshot(c, &format!("walk-phone-{tag}-{id}-{}", mirror.screen().id)).await?;
    for _ in 0..300 {
        if mirror.is_finished() {
            break;
        }
        let next = mirror.guide().ok_or("the mirror has no next step")?;
        let step = format!("{id}, screen {}, {:?}", mirror.screen().id, next.control);
        match next.control {
            Control::Field(fid) => {
                crate::walk::fill_example(c, &mut mirror, &fid).await?;
                assert_mark_in_view(c, &format!("after {step}")).await?;
            }
            Control::Action(aid) => {
                let before = mirror.screen().id.clone();
                press(c, wide, &aid).await?;
                mirror.perform(&aid)?;
                if mirror.is_finished() {
                    break;
                }
                if mirror.screen().id != before {
                    wait_screen(c, &mirror.screen().id).await?;
                    assert_stage_in_view(c, guided, wide, &format!("after {step}")).await?;
                    screenshot(c, &format!("walk-phone-{tag}-{id}-{}", mirror.screen().id)).await?;
                    screens += 1;
                }
            }
        }
    }
    wait_css(c, "[data-testid=walk-summary]").await?;
    Ok(screens)
}

/// Opens walkthrough `id` in `mode` after a fresh load and waits for its first screen.
async fn open(c: &Client, origin: &str, id: &str, mode: &str) -> Res {
    c.goto(&format!("{origin}/walkthroughs/{id}?mode={mode}"))
        .await?;
    wait_css(c, "[data-testid=sim-screen]").await?;
    if mode == "guided" {
        wait_text(c, "[data-testid=guide]", ":").await?;
    }
    Ok(())
}

pub async fn the_portal_its_bar_and_the_next_step_fit_a_phone_screen_after_every_step(
    ctx: &Ctx,
) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(360, 640).await?;
    new_student(&c, o, "Trần Thị Linh", "11A3").await?;
    // A phone app (VNeID) and a long portal form on a computer screen.
    for id in ["kich-hoat-vneid", "ban-sao-khai-sinh"] {
        open(&c, o, id, "guided").await?;
        assert_fits_width(&c, &format!("{id} on a phone")).await?;
        let screens = play(&c, id, Mode::Guided, false, "360").await?;
        assert!(screens >= 5, "{id}: only {screens} screens checked");
        wait_text(
            &c,
            "[data-testid=walk-summary]",
            "Hoàn thành bài thực hành!",
        )
        .await?;
    }
    // The same in English, the first screen of the one that opens on a text message.
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    open(&c, o, "nhan-dien-lua-dao", "guided").await?;
    wait_text(
        &c,
        "[data-testid=sim-mark]",
        "SIMULATION – NOT THE REAL PORTAL",
    )
    .await?;
    assert_stage_in_view(&c, true, false, "nhan-dien-lua-dao in English").await?;
    screenshot(&c, "walk-phone-360-en-first").await?;
    assert_no_console_errors(&c, "guided walkthroughs on a phone").await?;
    c.close().await?;
    Ok(())
}

pub async fn on_a_wide_screen_the_bar_stays_and_the_guide_stands_beside(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, o, "Vũ Hoàng Long", "10A3").await?;
    // Before a mode is chosen there is no portal yet: the page's banner says "MÔ PHỎNG".
    c.goto(&format!("{o}/walkthroughs/kich-hoat-vneid")).await?;
    wait_text(
        &c,
        "[data-testid=sim-banner]",
        "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT",
    )
    .await?;
    wait_css(&c, "[data-testid=start-guided]").await?;
    screenshot(&c, "walk-phone-choice-1366").await?;
    for id in ["kich-hoat-vneid", "ban-sao-khai-sinh"] {
        open(&c, o, id, "guided").await?;
        play(&c, id, Mode::Guided, true, "1366").await?;
    }
    // Practice mode has no guide; the bar still holds.
    open(&c, o, "tra-cuu-thu-tuc", "practice").await?;
    assert!(
        c.find(Locator::Css("[data-testid=guide]")).await.is_err(),
        "no guide in practice mode"
    );
    play(&c, "tra-cuu-thu-tuc", Mode::Practice, true, "1366-practice").await?;
    wait_css(&c, "[data-testid=walk-next]").await?;
    screenshot(&c, "walk-phone-summary-1366").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=walk-progress-table]", "Đã tự làm").await?;
    wait_text(
        &c,
        "[data-testid=walk-progress-table]",
        "Đã làm có hướng dẫn",
    )
    .await?;
    js(
        &c,
        "document.querySelector('[data-testid=walk-progress-table]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "walk-phone-progress-1366").await?;
    assert_no_console_errors(&c, "walkthroughs at 1366").await?;
    c.close().await?;
    Ok(())
}

/// How many elements on screen say `text` themselves (not counting their ancestors), and
/// are visible (a closed `<details>` hides its content).
async fn visible_with(c: &Client, text: &str) -> Res<i64> {
    let n = c
        .execute(
            "const t = arguments[0];
             return [...document.querySelectorAll('main *')]
                .filter(e => e.textContent.includes(t)
                    && ![...e.children].some(k => k.textContent.includes(t))
                    && e.checkVisibility({ visibilityProperty: true })).length",
            vec![Value::String(text.into())],
        )
        .await?;
    Ok(n.as_i64().unwrap_or(-1))
}

pub async fn a_portal_error_is_said_once_with_its_why_folded_under_it(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let id = "kich-hoat-vneid";
    let sc = scenario(Lang::Vi, id).ok_or("scenario")?;
    let field = sc
        .screens
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "so-dinh-danh")
        .ok_or("field so-dinh-danh")?;
    // 11 digits: the portal's own message, and the teacher's why in guided mode.
    let slip = field
        .mistakes
        .iter()
        .find(|m| m.value == "00130900024")
        .ok_or("the 11-digit mistake")?;
    let portal_says = "Số định danh cá nhân phải có đúng 12 chữ số.";
    for (w, h) in [(360, 640), (1366, 768)] {
        let wide = w > 500;
        let c = ctx.driver.session(w, h).await?;
        new_student(&c, o, "Đặng Thảo My", "11A1").await?;
        open(&c, o, id, "guided").await?;
        press(&c, wide, "mo-vneid").await?;
        wait_screen(&c, "kich-hoat").await?;
        crate::walk::fill(&c, field, &slip.value).await?;
        let phone_field = sc
            .screens
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id == "so-dien-thoai")
            .ok_or("field so-dien-thoai")?;
        crate::walk::fill(&c, phone_field, "0912345678").await?;
        press(&c, wide, "gui-yeu-cau").await?;
        wait_text(&c, "[data-testid=sim-errors]", field.label.as_str()).await?;
        wait_js(&c, "document.activeElement.id === 'sim-alert'", 10).await?;
        // Once: under the field, nowhere else.
        assert_eq!(
            visible_with(&c, portal_says).await?,
            1,
            "{w}: the portal's message is shown once"
        );
        let under = js(
            &c,
            "const e = document.querySelector('[data-field=so-dinh-danh] .f-error'); \
             return e ? [e.textContent, e.id, document.getElementById('f-so-dinh-danh').getAttribute('aria-describedby')] : null",
        )
        .await?;
        assert_eq!(under[0], portal_says, "{w}: the message is under its field");
        assert!(
            under[2]
                .as_str()
                .is_some_and(|d| d.split(' ').any(|x| Some(x) == under[1].as_str())),
            "{w}: the field is described by its message: {under}"
        );
        // On top, one line: which fields, each a link to it; not the message again.
        let top = wait_css(&c, "[data-testid=sim-errors]")
            .await?
            .text()
            .await?;
        assert_eq!(
            top,
            format!("Chưa được — cần sửa: {}.", field.label),
            "{w}: the summary on top"
        );
        let lines = js(
            &c,
            "const p = document.querySelector('[data-testid=sim-errors]'); const s = getComputedStyle(p); \
             return (p.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - 4) / parseFloat(s.lineHeight)",
        )
        .await?
        .as_f64()
        .unwrap_or(99.0);
        assert!(lines < 2.5, "{w}: the summary is short ({lines:.1} lines)");
        // The why: folded under the message, opened by a tap.
        assert_eq!(
            visible_with(&c, &slip.message).await?,
            0,
            "{w}: the why starts folded"
        );
        assert_stage_in_view(&c, true, wide, &format!("{w}: after the refused step")).await?;
        let b = js(&c, BOXES).await?;
        assert_inside(
            &b["alert"],
            "summary of what to fix",
            h as f64,
            &format!("{w}"),
        )?;
        screenshot(&c, &format!("walk-phone-error-{w}")).await?;
        if wide {
            c.find(Locator::Css("[data-testid=why] summary"))
                .await?
                .click()
                .await?;
        } else {
            tap(&c, "[data-testid=why] summary").await?;
        }
        wait_js(
            &c,
            "document.querySelector('[data-testid=why]').open === true",
            5,
        )
        .await?;
        assert_eq!(
            visible_with(&c, &slip.message).await?,
            1,
            "{w}: the why is shown once, opened"
        );
        assert_eq!(visible_with(&c, portal_says).await?, 1);
        js(
            &c,
            "document.querySelector('[data-field=so-dinh-danh]').scrollIntoView({block: 'center'}); return 1",
        )
        .await?;
        screenshot(&c, &format!("walk-phone-error-why-{w}")).await?;
        // The field's name on top takes her to the field (she scrolls back up to it first).
        js(
            &c,
            "document.getElementById('sim-alert').scrollIntoView({block: 'center'}); return 1",
        )
        .await?;
        if wide {
            c.find(Locator::Css("[data-testid=sim-errors] a"))
                .await?
                .click()
                .await?;
        } else {
            tap(&c, "[data-testid=sim-errors] a").await?;
        }
        wait_js(&c, "document.activeElement.id === 'f-so-dinh-danh'", 5).await?;
        assert_no_console_errors(&c, "a refused step").await?;
        c.close().await?;
    }
    Ok(())
}

/// The status words of walkthrough `id` on the list, and whether each badge is one line.
async fn list_status(c: &Client, id: &str) -> Res<String> {
    let el = wait_css(
        c,
        &format!("[data-testid=walk-{id}] [data-testid=walk-status]"),
    )
    .await?;
    Ok(el.text().await?)
}

/// Fails unless every status badge on the page is one line (no "Chưa / bắt / đầu").
async fn assert_badges_one_line(c: &Client, context: &str) -> Res {
    let tall = js(
        c,
        "return [...document.querySelectorAll('.badge')].filter(b => {
            const s = getComputedStyle(b);
            const inner = b.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
            return inner > 1.5 * parseFloat(s.lineHeight); }).map(b => b.textContent)",
    )
    .await?;
    assert_eq!(
        tall,
        serde_json::json!([]),
        "{context}: badges broken over lines"
    );
    let n = js(c, "return document.querySelectorAll('.badge').length").await?;
    assert!(
        n.as_i64().unwrap_or(0) > 3,
        "{context}: badges to check: {n}"
    );
    Ok(())
}

pub async fn after_a_practice_the_next_step_and_where_she_stands(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(360, 640).await?;
    new_student(&c, o, "Ngô Bảo Châu", "10A4").await?;
    let req = dvc_lab::progress::requirements();
    let total = req.lessons.len() + req.walks.len();

    // Before anything: every walkthrough "Chưa làm", badges on one line.
    c.goto(&format!("{o}/walkthroughs")).await?;
    wait_css(&c, "[data-testid=walk-list]").await?;
    assert_eq!(list_status(&c, "tra-cuu-thu-tuc").await?, "Chưa làm");
    assert_badges_one_line(&c, "the walkthrough list").await?;
    c.goto(&format!("{o}/lessons")).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    assert_badges_one_line(&c, "the lesson list").await?;
    screenshot(&c, "walk-phone-lessons-360").await?;

    // With the guide: the summary offers doing it on her own; the list says what she did.
    open(&c, o, "tra-cuu-thu-tuc", "guided").await?;
    play(&c, "tra-cuu-thu-tuc", Mode::Guided, false, "360-next").await?;
    let standing = wait_text(&c, "[data-testid=walk-standing]", "phần bắt buộc").await?;
    assert!(
        standing.contains(&format!("0/{total}")),
        "a guided run does not count: {standing}"
    );
    let primary = wait_css(&c, "[data-testid=walk-summary] .btn-primary").await?;
    assert_eq!(primary.text().await?, "Tự làm để được chấm điểm");
    assert_eq!(
        primary.attr("href").await?.unwrap_or_default(),
        "/walkthroughs/tra-cuu-thu-tuc?mode=practice"
    );
    js(
        &c,
        "document.querySelector('[data-testid=walk-summary]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "walk-phone-guided-summary-360").await?;
    c.goto(&format!("{o}/walkthroughs")).await?;
    wait_css(&c, "[data-testid=walk-list]").await?;
    assert_eq!(
        list_status(&c, "tra-cuu-thu-tuc").await?,
        "Đã làm có hướng dẫn",
        "a guided-only walkthrough has its own words, not “Đang học”"
    );

    // On her own: a score, where she stands, and one primary next step.
    let id = "kich-hoat-vneid";
    open(&c, o, id, "practice").await?;
    play(&c, id, Mode::Practice, false, "360-practice").await?;
    let summary = wait_css(&c, "[data-testid=walk-summary]").await?;
    wait_js(&c, "document.activeElement.id === 'sim-summary'", 10).await?;
    let score: u32 = summary
        .attr("data-score")
        .await?
        .unwrap_or_default()
        .parse()?;
    let standing = wait_text(&c, "[data-testid=walk-standing]", &format!("1/{total}")).await?;
    assert_eq!(
        standing,
        format!("Đã hoàn thành 1/{total} phần bắt buộc (bài học và bài thực hành)")
    );
    // The walkthrough belongs to lesson 3 (VNeID); the next part not done is lesson 4.
    let next_lesson = course()
        .lessons(Lang::Vi)
        .iter()
        .find(|d| d.meta.order == 4)
        .ok_or("lesson 4")?;
    let next = wait_css(&c, "[data-testid=walk-next]").await?;
    assert_eq!(
        next.text().await?,
        format!("Tiếp theo: {}", next_lesson.meta.title)
    );
    assert_eq!(
        js(
            &c,
            "return [...document.querySelectorAll('[data-testid=walk-summary] .btn-primary')].length"
        )
        .await?,
        1,
        "one primary step"
    );
    wait_text(&c, "[data-testid=walk-again]", "Làm lại").await?;
    js(
        &c,
        "document.querySelector('[data-testid=walk-summary]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    assert_fits_width(&c, "the practice summary").await?;
    screenshot(&c, "walk-phone-summary-360").await?;
    tap(&c, "[data-testid=walk-next]").await?;
    wait_css(
        &c,
        &format!("[data-testid=lesson][data-lesson={}]", next_lesson.meta.id),
    )
    .await?;
    assert!(
        c.current_url()
            .await?
            .path()
            .ends_with(&format!("/lessons/{}", next_lesson.meta.id))
    );

    // The list in both languages: her own words for each walkthrough.
    c.goto(&format!("{o}/walkthroughs")).await?;
    wait_css(&c, "[data-testid=walk-list]").await?;
    assert_eq!(list_status(&c, id).await?, format!("Đã tự làm {score}/100"));
    assert_eq!(
        list_status(&c, "tra-cuu-thu-tuc").await?,
        "Đã làm có hướng dẫn"
    );
    assert_eq!(list_status(&c, "ban-sao-khai-sinh").await?, "Chưa làm");
    assert_badges_one_line(&c, "the walkthrough list after two runs").await?;
    screenshot(&c, "walk-phone-list-360").await?;
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "h1", "Practise on the simulated portal").await?;
    assert_eq!(
        list_status(&c, id).await?,
        format!("Done on your own {score}/100")
    );
    assert_eq!(
        list_status(&c, "tra-cuu-thu-tuc").await?,
        "Done with the guide"
    );
    assert_eq!(list_status(&c, "ban-sao-khai-sinh").await?, "Not done");
    assert_badges_one_line(&c, "the English walkthrough list").await?;
    screenshot(&c, "walk-phone-list-360-en").await?;
    // My progress uses the same words.
    c.goto(&format!("{o}/progress")).await?;
    let table = wait_text(
        &c,
        "[data-testid=walk-progress-table]",
        "Done with the guide",
    )
    .await?;
    assert!(!table.contains("In progress"), "{table}");
    let row = js(
        &c,
        "const r = [...document.querySelectorAll('[data-testid=walk-progress-table] tbody tr')][0]; \
         return [r.querySelector('.badge').textContent, r.querySelectorAll('td')[1].textContent]",
    )
    .await?;
    assert_eq!(
        row,
        serde_json::json!(["Done on your own", format!("{score}/100")]),
        "the table says it once: the status, then the best score in its own column"
    );
    js(
        &c,
        "document.querySelector('[data-testid=walk-progress-table]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    assert_fits_width(&c, "my progress on a phone").await?;
    screenshot(&c, "walk-phone-progress-360-en").await?;
    assert_no_console_errors(&c, "the practice summary and the lists").await?;
    c.close().await?;
    Ok(())
}

/// Contrast ratio of two `rgb(…)` colours (WCAG relative luminance).
const CONTRAST: &str = "const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
        v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const opaque = (c) => c && !/rgba\\(.*,\\s*0\\)$/.test(c) && c !== 'transparent';
    // What is behind an element: its own background, then up to the first opaque ancestor, with
    // every colour of a striped (gradient) background on the way.
    const behind = (e) => { const out = []; for (let a = e; a; a = a.parentElement) {
        const s = getComputedStyle(a); (s.backgroundImage.match(/rgba?\\([^)]*\\)/g) || []).forEach(c => out.push(c));
        if (opaque(s.backgroundColor)) { out.push(s.backgroundColor); if (a !== e) break; } } return out; };";

/// Every portal control's border against what is behind it: the smallest ratio and where.
async fn worst_border(c: &Client) -> Res<Value> {
    js(
        c,
        &format!(
            "{CONTRAST}
             let worst = [99, ''];
             document.querySelectorAll('.sim-frame :is(input[type=text], input[type=password], textarea, select)').forEach(e => {{
                 const border = getComputedStyle(e).borderTopColor;
                 behind(e).forEach(bg => {{ const r = ratio(border, bg); if (r < worst[0]) worst = [r, e.id + ' ' + border + ' on ' + bg]; }});
             }});
             return worst;"
        ),
    )
    .await
}

/// Every `aria-describedby` in the portal names elements that exist; each choice group's
/// fieldset is described by its help (and the tray's caption), and by its error when shown.
async fn assert_described(c: &Client, context: &str) -> Res {
    let problems = js(
        c,
        "const out = [];
         document.querySelectorAll('.sim-frame [aria-describedby]').forEach(e => {
             e.getAttribute('aria-describedby').split(/\\s+/).forEach(id => {
                 if (!document.getElementById(id)) out.push((e.id || e.dataset.field) + ' → missing ' + id); }); });
         document.querySelectorAll('.sim-frame fieldset.sim-field').forEach(f => {
             const ids = (f.getAttribute('aria-describedby') || '').split(/\\s+/);
             f.querySelectorAll(':scope > .f-help, :scope > .f-error, :scope > p.f-help').forEach(p => {
                 if (!p.id || !ids.includes(p.id)) out.push(f.dataset.field + ' does not name ' + (p.id || p.className)); }); });
         return out;",
    )
    .await?;
    assert_eq!(problems, serde_json::json!([]), "{context}");
    Ok(())
}

pub async fn portal_fields_are_described_outlined_and_marked_vietnamese_in_english(
    ctx: &Ctx,
) -> Res {
    let axe = crate::a11y::axe_source()?;
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, o, "Hồ Thị Xuân", "10A1").await?;

    // A form with a files tray and radio groups: described and outlined on every screen.
    let id = "ban-sao-khai-sinh";
    let sc = scenario(Lang::Vi, id).ok_or("scenario")?;
    open(&c, o, id, "guided").await?;
    let mut mirror = Session::new(sc, Mode::Guided);
    let mut groups = 0;
    for _ in 0..300 {
        if mirror.is_finished() {
            break;
        }
        let screen = mirror.screen().id.clone();
        let next = mirror.guide().ok_or("no next step")?;
        match next.control {
            Control::Field(fid) => crate::walk::fill_example(&c, &mut mirror, &fid).await?,
            Control::Action(aid) => {
                assert_described(&c, &format!("{id} {screen}")).await?;
                let worst = worst_border(&c).await?;
                assert!(
                    worst[0].as_f64().unwrap_or(0.0) >= 3.0,
                    "{id} {screen}: a portal border below 3:1: {worst}"
                );
                press(&c, true, &aid).await?;
                mirror.perform(&aid)?;
                if mirror.is_finished() {
                    break;
                }
                if mirror.screen().id != screen {
                    wait_screen(&c, &mirror.screen().id).await?;
                    groups += js(
                        &c,
                        "return document.querySelectorAll('.sim-frame fieldset.sim-field[aria-describedby]').length",
                    )
                    .await?
                    .as_i64()
                    .unwrap_or(0);
                }
            }
        }
    }
    assert!(groups >= 1, "choice groups with a description: {groups}");
    // A refused group: the error is in its description.
    let id = "tra-cuu-thu-tuc";
    open(&c, o, id, "guided").await?;
    let first = scenario(Lang::Vi, id).ok_or("scenario")?;
    let forward = first.screens[0]
        .actions
        .iter()
        .find(|a| a.wrong.is_none())
        .ok_or("a forward action")?;
    press(&c, true, &forward.id).await?;
    wait_css(&c, "[data-testid=sim-errors]").await?;
    let group = js(
        &c,
        "const f = document.querySelector('fieldset.sim-field.invalid'); \
         return f ? [f.getAttribute('aria-describedby'), f.querySelector('.f-error').id] : null",
    )
    .await?;
    assert!(
        group[0]
            .as_str()
            .is_some_and(|d| d.split(' ').any(|x| Some(x) == group[1].as_str())),
        "the refused group is described by its error: {group}"
    );
    assert_described(&c, "a refused group").await?;

    // In English, the real portal's Vietnamese words are marked as Vietnamese.
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    let id = "ban-sao-khai-sinh";
    open(&c, o, id, "guided").await?;
    wait_text(&c, "#sim-title", "Procedure details").await?;
    let title_vi = js(
        &c,
        "return [...document.querySelectorAll('#sim-title [lang=vi]')].map(e => e.textContent)",
    )
    .await?;
    assert_eq!(
        title_vi,
        serde_json::json!(["Cấp bản sao trích lục hộ tịch"]),
        "the title's Vietnamese part"
    );
    press(&c, true, "nop").await?;
    wait_screen(&c, "co-quan").await?;
    let marked = js(
        &c,
        "const vi = (css) => [...document.querySelectorAll(css)].map(e => e.textContent);
         return { label: vi('label[for=f-tinh] [lang=vi]'),
                  english: vi('label[for=f-tinh] .f-label > span:not([lang]):not(.req):not(.sr-only)').join(''),
                  button: vi('[data-action=tiep-tuc] [lang=vi]'),
                  options: [...document.querySelectorAll('#f-tinh option')].map(o => [o.textContent, o.getAttribute('lang')]),
                  level: document.getElementById('f-cap').getAttribute('lang'),
                  page: document.documentElement.lang };",
    )
    .await?;
    assert_eq!(marked["page"], "en");
    assert_eq!(marked["label"], serde_json::json!(["Tỉnh/Thành phố"]));
    assert_eq!(marked["english"], "Province/City ()", "{marked}");
    assert_eq!(marked["button"], serde_json::json!(["Tiếp tục"]));
    assert_eq!(marked["level"], "vi", "the pre-filled “Cấp xã”");
    let options = marked["options"].as_array().cloned().unwrap_or_default();
    assert!(options.len() >= 3, "{marked}");
    for o in &options[1..] {
        assert_eq!(o[1], "vi", "a Vietnamese place name: {o}");
    }
    assert_eq!(options[0][1], Value::Null, "“— Choose —” is English");
    let violations = crate::a11y::audit(&c, &axe, "English walkthrough with lang=vi parts").await?;
    assert!(violations.is_empty(), "{violations:?}");
    screenshot(&c, "walk-phone-en-co-quan-1366").await?;
    assert_no_console_errors(&c, "described portal fields").await?;
    c.close().await?;
    Ok(())
}
