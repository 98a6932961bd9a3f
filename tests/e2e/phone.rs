//! The first minute on a phone, and focus that never falls to `<body>`: the header is one slim
//! bar with the sections in a menu, focus moves to the new page's heading after a route change,
//! the quiz result is a status message that names (and links) the wrong questions, and the
//! keyboard route from the home page to the first question is a few Tabs.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, js, key, new_student, press, screenshot,
    wait_css, wait_js, wait_text,
};
use crate::lessons::{Input, answer_with, questions, submit};
use crate::server::StaticServer;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value;

/// The first lesson: 8 questions, so two wrong (75%) fail it.
const LESSON: &str = "dich-vu-cong-la-gi";

async fn click(c: &Client, css: &str) -> Res {
    c.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

async fn header_height(c: &Client) -> Res<f64> {
    js(
        c,
        "return document.querySelector('.site-header').getBoundingClientRect().height",
    )
    .await?
    .as_f64()
    .ok_or_else(|| "no header".into())
}

/// Waits until the focused element is the main heading of the page, and returns its text.
async fn focused_heading(c: &Client, context: &str) -> Res<String> {
    wait_js(
        c,
        "document.activeElement && document.activeElement.tagName === 'H1' && !!document.activeElement.closest('main')",
        10,
    )
    .await
    .map_err(|_| format!("{context}: focus is not on the page's h1"))?;
    let h1 = js(
        c,
        "const e = document.activeElement; return [e.textContent, e.getAttribute('tabindex')]",
    )
    .await?;
    assert_eq!(
        h1[1], "-1",
        "{context}: the h1 takes focus without a tab stop"
    );
    Ok(h1[0].as_str().unwrap_or_default().to_string())
}

/// Fails unless each header control is at least 44×44 px, inside the window, and none overlaps
/// the next one.
async fn assert_bar_controls(c: &Client, context: &str) -> Res {
    let rects = js(
        c,
        "return [...document.querySelectorAll('.header-row > *')]
            .filter(e => e.offsetParent !== null)
            .map(e => { const r = e.getBoundingClientRect();
                        return [e.className || e.tagName, r.left, r.right, r.top, r.bottom, r.width, r.height]; })",
    )
    .await?;
    let rects = rects.as_array().cloned().unwrap_or_default();
    let width = js(c, "return window.innerWidth")
        .await?
        .as_f64()
        .unwrap_or(0.0);
    let num = |r: &Value, i: usize| r[i].as_f64().unwrap_or(f64::NAN);
    for (k, r) in rects.iter().enumerate() {
        let name = r[0].as_str().unwrap_or_default();
        assert!(
            num(r, 1) >= 0.0 && num(r, 2) <= width,
            "{context}: {name} sticks out: {r}"
        );
        if !name.contains("who-name") {
            assert!(
                num(r, 5) >= 44.0 && num(r, 6) >= 44.0,
                "{context}: {name} is smaller than 44×44 px: {r}"
            );
        }
        if let Some(next) = rects.get(k + 1) {
            assert!(
                num(r, 2) <= num(next, 1),
                "{context}: {name} overlaps {}: {r} {next}",
                next[0]
            );
        }
    }
    Ok(())
}

pub async fn the_header_is_one_slim_bar_and_the_sections_a_menu(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(360, 640).await?;
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "h1").await?;
    let h = header_height(&c).await?;
    assert!(h <= 72.0, "a first visit's header is {h} px tall");
    assert_bar_controls(&c, "first visit").await?;

    new_student(&c, o, "Trần Thị Linh", "11A3").await?;
    wait_css(&c, "[data-testid=start]").await?;
    let h = header_height(&c).await?;
    assert!(
        h <= 72.0,
        "the home page's header is {h} px tall at 360×640"
    );
    let who = c
        .find(Locator::Css("[data-testid=who-name]"))
        .await?
        .text()
        .await?;
    assert_eq!(who, "Linh · 11A3", "the bar says who is learning");
    assert_bar_controls(&c, "home").await?;
    assert_eq!(
        js(
            &c,
            "return document.querySelector('nav.main-nav').offsetParent === null"
        )
        .await?,
        true,
        "the sections are folded into the menu"
    );
    // The teacher area is not among the students' sections: it is in the footer, named for teachers.
    assert_eq!(
        js(
            &c,
            "return document.querySelector('.site-header a[href$=\"/teacher\"]') === null"
        )
        .await?,
        true,
        "no teacher link in the header"
    );
    wait_text(&c, "footer a[href$=\"/teacher\"]", "Dành cho giáo viên").await?;
    assert_fits_width(&c, "home on a phone").await?;
    screenshot(&c, "phone-home-360").await?;

    // The menu: a button that says whether it is open, links a thumb can hit.
    click(&c, ".menu-toggle").await?;
    assert_eq!(
        js(
            &c,
            "return document.querySelector('.menu-toggle').getAttribute('aria-expanded')"
        )
        .await?,
        "true"
    );
    let links = js(
        &c,
        "return [...document.querySelectorAll('#site-menu a, #site-menu button')].map(e => [e.textContent, e.getBoundingClientRect().height])",
    )
    .await?;
    let links = links.as_array().cloned().unwrap_or_default();
    assert_eq!(
        links.len(),
        5,
        "four sections and “Đổi người học”: {links:?}"
    );
    for l in &links {
        assert!(
            l[1].as_f64().unwrap_or(0.0) >= 44.0,
            "too small to tap: {l}"
        );
    }
    assert_fits_width(&c, "the open menu").await?;
    screenshot(&c, "phone-menu-open-360").await?;
    // The same button closes it.
    click(&c, ".menu-toggle").await?;
    wait_js(
        &c,
        "document.querySelector('.menu-toggle').getAttribute('aria-expanded') === 'false' \
         && document.querySelector('nav.main-nav').offsetParent === null",
        5,
    )
    .await?;

    // By keyboard: Tab to the button, Enter, Tab to "Bài học", Enter: the menu closes and focus
    // is on the new page's heading.
    for _ in 0..10 {
        if js(
            &c,
            "return document.activeElement.classList.contains('menu-toggle')",
        )
        .await?
            == true
        {
            break;
        }
        press(&c, &key(Key::Tab)).await?;
    }
    press(&c, &key(Key::Enter)).await?;
    wait_js(
        &c,
        "document.querySelector('nav.main-nav').offsetParent !== null",
        5,
    )
    .await?;
    for _ in 0..10 {
        if js(&c, "return document.activeElement.getAttribute('href')").await? == "/lessons" {
            break;
        }
        press(&c, &key(Key::Tab)).await?;
    }
    press(&c, &key(Key::Enter)).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    let heading = focused_heading(&c, "after the menu's Bài học").await?;
    assert_eq!(heading, "Bài học");
    assert_eq!(
        js(
            &c,
            "return document.querySelector('.menu-toggle').getAttribute('aria-expanded')"
        )
        .await?,
        "false",
        "the menu closes on navigation"
    );

    // A lesson: the same slim bar; a failed quiz names its wrong questions, with links.
    c.goto(&format!("{o}/lessons/{LESSON}")).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    let h = header_height(&c).await?;
    assert!(h <= 72.0, "a lesson's header is {h} px tall at 360×640");
    assert_bar_controls(&c, "lesson").await?;
    screenshot(&c, "phone-lesson-360").await?;
    fail_questions_1_and_4(&c, Input::Touch, "Sai ở câu 1 và câu 4.").await?;
    js(
        &c,
        "document.querySelector('[data-testid=quiz-result]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    assert_fits_width(&c, "a failed quiz on a phone").await?;
    screenshot(&c, "phone-quiz-failed-360").await?;
    js(
        &c,
        "document.querySelector('[data-testid=quiz-review]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "phone-quiz-review-360").await?;

    // "Làm lại": the questions start clean, the last attempt stays readable, folded.
    click(&c, "[data-testid=quiz-retry]").await?;
    let n = questions(LESSON).len();
    let previous = wait_text(
        &c,
        "[data-testid=quiz-previous]",
        &format!("Lần trước: đúng {}/{n} câu", n - 2),
    )
    .await?;
    assert!(previous.contains("Xem lại 2 câu sai"), "{previous}");
    assert!(
        c.find(Locator::Css("[data-testid=quiz-result]"))
            .await
            .is_err(),
        "a new attempt has no result yet"
    );
    click(&c, "[data-testid=quiz-previous] summary").await?;
    let kept = c
        .find_all(Locator::Css(
            "[data-testid=previous-review] [data-testid=review-item]",
        ))
        .await?
        .len();
    assert_eq!(kept, 2, "the two wrong answers and why are kept");
    js(
        &c,
        "document.querySelector('[data-testid=quiz-previous]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "phone-quiz-previous-360").await?;
    assert_no_console_errors(&c, "on the phone").await?;
    c.close().await?;
    Ok(())
}

/// Answers the first lesson with questions 1 and 4 wrong, submits, and checks the result: a
/// status message naming them (`said`), each a link to an existing question, and the two wrong
/// answers explained under it.
async fn fail_questions_1_and_4(c: &Client, input: Input, said: &str) -> Res {
    let region = js(
        c,
        "const s = document.querySelector('[data-testid=quiz-status]'); \
         return s ? [s.getAttribute('role'), s.textContent.trim()] : null",
    )
    .await?;
    assert_eq!(
        region,
        serde_json::json!(["status", ""]),
        "an empty status region waits on the page before the result"
    );
    answer_with(c, LESSON, &[1, 4], input).await?;
    let (passed, text) = submit(c, input).await?;
    assert!(!passed, "two wrong of eight fail: {text}");
    assert_eq!(
        js(
            c,
            "return document.querySelector('[data-testid=quiz-result]').closest('[role=status]') !== null"
        )
        .await?,
        true,
        "the result is said in the status region"
    );
    let wrong = wait_text(c, "[data-testid=quiz-wrong]", said).await?;
    assert_eq!(wrong, said);
    let links = js(
        c,
        "return [...document.querySelectorAll('[data-testid=quiz-wrong] a')]
            .map(a => [a.getAttribute('href'), !!document.getElementById(a.getAttribute('href').slice(1))])",
    )
    .await?;
    assert_eq!(
        links,
        serde_json::json!([["#question-1", true], ["#question-4", true]]),
        "each wrong question is a link to it"
    );
    let reviewed = c
        .find_all(Locator::Css(
            "[data-testid=quiz-review] [data-testid=review-item]",
        ))
        .await?
        .len();
    assert_eq!(
        reviewed, 2,
        "the wrong answers are explained with the result"
    );
    // Following the link for question 4 brings focus (and the screen) to it, staying on the page.
    let before = c.current_url().await?;
    c.find(Locator::Css(
        "[data-testid=quiz-wrong] a[href='#question-4']",
    ))
    .await?
    .click()
    .await?;
    wait_js(c, "document.activeElement.id === 'question-4'", 5).await?;
    assert_eq!(c.current_url().await?, before, "the link does not navigate");
    Ok(())
}

pub async fn focus_moves_to_the_new_page_heading_after_a_route_change(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    // A first load leaves focus alone (the first Tab still reaches the skip link).
    c.goto(&format!("{o}/lessons")).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    assert_eq!(
        js(&c, "return document.activeElement === document.body").await?,
        true,
        "no focus move on the first page"
    );
    new_student(&c, o, "Ngô Bảo Châu", "10A4").await?;
    // Created on /profiles, she lands on the home page, focus on its heading.
    let heading = focused_heading(&c, "after creating a profile").await?;
    assert!(heading.contains("Học dùng dịch vụ công"), "{heading}");
    assert_bar_controls(&c, "home at 1366").await?;
    let h = header_height(&c).await?;
    assert!(h <= 130.0, "the desktop header is {h} px tall");
    screenshot(&c, "desktop-home-1366").await?;

    click(&c, "nav.main-nav a[href$='/lessons']").await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    assert_eq!(focused_heading(&c, "Bài học").await?, "Bài học");
    // A lazy page that also waits for the lesson files.
    click(&c, &format!("a[href$='/lessons/{LESSON}']")).await?;
    wait_css(&c, &format!("[data-testid=lesson][data-lesson={LESSON}]")).await?;
    let title = focused_heading(&c, "a lesson").await?;
    assert_eq!(title, "Dịch vụ công trực tuyến là gì?");
    // Switching the language redraws the heading but leaves focus on the switch.
    click(&c, "[data-testid=lang-switch]").await?;
    wait_text(&c, "main h1", "What are online public services?").await?;
    assert_eq!(
        js(&c, "return document.activeElement.dataset.testid").await?,
        "lang-switch",
        "the language switch keeps focus"
    );
    click(&c, "[data-testid=lang-switch]").await?;
    wait_text(&c, "main h1", "Dịch vụ công trực tuyến là gì?").await?;
    // The teacher entry is in the footer; the page it opens gets focus too.
    click(&c, "footer a[href$=\"/teacher\"]").await?;
    wait_css(&c, "[data-testid=profiles-here]").await?;
    focused_heading(&c, "the teacher page").await?;
    // A lab PC with a student's account opens on its export, on the first screen.
    let first = js(
        &c,
        "window.scrollTo(0, 0); const b = document.querySelector('[data-testid=export-pc]').getBoundingClientRect(); \
         return [b.bottom, innerHeight, document.querySelector('[data-testid=teacher-area]').dataset.step]",
    )
    .await?;
    assert_eq!(first[2], "lab", "the step that fits a lab PC");
    assert!(
        first[0].as_f64() <= first[1].as_f64(),
        "'Xuất tiến độ của máy này' is on the first screen: {first:?}"
    );
    screenshot(&c, "teacher-lab-focus").await?;
    // Browser back is a route change as well.
    c.back().await?;
    wait_css(&c, &format!("[data-testid=lesson][data-lesson={LESSON}]")).await?;
    assert_eq!(focused_heading(&c, "back").await?, title);
    // A page that puts focus somewhere itself keeps it: with a teacher PIN set, the lock's PIN
    // box, also when the page is opened by a link.
    click(&c, "footer a[href$=\"/teacher\"]").await?;
    click(&c, "[data-testid=teacher-steps] a[data-step=pin]").await?;
    wait_css(&c, "[data-testid=new-teacher-pin]").await?;
    for (css, pin) in [
        ("[data-testid=new-teacher-pin]", "24680"),
        ("[data-testid=new-teacher-pin-again]", "24680"),
    ] {
        c.find(Locator::Css(css)).await?.send_keys(pin).await?;
    }
    click(&c, "[data-testid=set-teacher-pin]").await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "Đã lưu").await?;
    click(&c, "nav.main-nav a[href$='/lessons']").await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    click(&c, "footer a[href$=\"/teacher\"]").await?;
    wait_css(&c, "[data-testid=teacher-lock]").await?;
    wait_js(&c, "document.activeElement.id === 'teacher-pin'", 5).await?;
    // "Đổi người học": the picker's heading.
    click(&c, "[data-testid=switch-student]").await?;
    wait_css(&c, "[data-testid=person]").await?;
    focused_heading(&c, "the picker").await?;
    assert_no_console_errors(&c, "moving between pages").await?;
    c.close().await?;
    Ok(())
}

pub async fn the_quiz_result_names_the_wrong_questions_in_english(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, o, "Đặng Minh Quân", "12A1").await?;
    click(&c, "[data-testid=lang-switch]").await?;
    wait_text(&c, "h1", "Learn to use").await?;
    c.goto(&format!("{o}/lessons/{LESSON}")).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    fail_questions_1_and_4(&c, Input::Mouse, "Wrong: question 1 and question 4.").await?;
    js(
        &c,
        "document.querySelector('[data-testid=quiz-result]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "desktop-quiz-failed-1366").await?;
    // The same result in Vietnamese after a switch: the status keeps its links.
    click(&c, "[data-testid=lang-switch]").await?;
    wait_text(&c, "[data-testid=quiz-wrong]", "Sai ở câu 1 và câu 4.").await?;
    js(
        &c,
        "document.querySelector('[data-testid=quiz-result]').scrollIntoView({block: 'start'}); return 1",
    )
    .await?;
    screenshot(&c, "desktop-quiz-failed-vi-1366").await?;
    assert_no_console_errors(&c, "the failed quiz").await?;
    c.close().await?;
    Ok(())
}

/// Tab presses from a freshly loaded home page (a student signed in) to the first question of
/// the first lesson, the way a keyboard user goes: skip link, the big button, the link to the
/// questions. Issue 21 asks for at most 5.
/// `what` (a JS expression of `e`, the focused element).
async fn active(c: &Client, what: &str) -> Res<Value> {
    js(
        c,
        &format!("const e = document.activeElement; return {what}"),
    )
    .await
}

pub async fn few_tabs_from_the_home_page_to_the_first_question(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    for (w, h) in [(1366, 768), (360, 640)] {
        let c = ctx.driver.session(w, h).await?;
        new_student(&c, o, "Vũ Thị Mai", "10A2").await?;
        c.goto(&format!("{o}/")).await?;
        wait_css(&c, "[data-testid=start]").await?;
        let mut tabs = 0;
        c.find(Locator::Css("body"))
            .await?
            .send_keys(&key(Key::Tab))
            .await?;
        tabs += 1;
        assert_eq!(
            active(&c, "e.classList.contains('skip-link')").await?,
            true,
            "{w}: Tab 1 is the skip link"
        );
        press(&c, &key(Key::Enter)).await?;
        press(&c, &key(Key::Tab)).await?;
        tabs += 1;
        assert_eq!(
            active(&c, "e.dataset.testid").await?,
            "start",
            "{w}: the next Tab is the big button"
        );
        press(&c, &key(Key::Enter)).await?;
        wait_css(&c, &format!("[data-testid=lesson][data-lesson={LESSON}]")).await?;
        focused_heading(&c, "the lesson opened by keyboard").await?;
        press(&c, &key(Key::Tab)).await?;
        tabs += 1;
        assert_eq!(
            active(&c, "e.dataset.testid").await?,
            "to-quiz",
            "{w}: after the heading, the link to the questions"
        );
        press(&c, &key(Key::Enter)).await?;
        wait_js(&c, "document.activeElement.id === 'question-1'", 5).await?;
        assert!(tabs <= 5, "{tabs} Tab presses to the first question");
        // One more Tab is the first answer.
        press(&c, &key(Key::Tab)).await?;
        assert_eq!(
            active(&c, "!!e.closest('[data-testid=question-1]') && e.tagName").await?,
            "INPUT",
            "{w}: then its first answer"
        );
        println!(
            "    {w}×{h}: {tabs} Tabs to the first question, {} to its first answer",
            tabs + 1
        );
        c.close().await?;
    }
    Ok(())
}

/// Issue 21's keyboard route to a walkthrough: from the home page to the first thing the
/// student does in the portal, at most 5 Tab presses (Enter follows a link) — the skip link,
/// "Thực hành", the first walkthrough's "Có hướng dẫn", then the portal itself.
pub async fn few_tabs_from_the_home_page_to_the_first_walkthrough_action(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    for (w, h) in [(1366, 768), (360, 640)] {
        let c = ctx.driver.session(w, h).await?;
        new_student(&c, o, "Vũ Thị Mai", "10A2").await?;
        c.goto(&format!("{o}/")).await?;
        wait_css(&c, "[data-testid=start]").await?;
        c.find(Locator::Css("body"))
            .await?
            .send_keys(&key(Key::Tab))
            .await?;
        let mut tabs = 1;
        assert_eq!(
            active(&c, "e.classList.contains('skip-link')").await?,
            true,
            "{w}: Tab 1 is the skip link"
        );
        press(&c, &key(Key::Enter)).await?;
        // To the home page's "Thực hành" button.
        loop {
            press(&c, &key(Key::Tab)).await?;
            tabs += 1;
            let href = active(&c, "e.getAttribute('href') || ''").await?;
            if href.as_str().is_some_and(|h| h.ends_with("/walkthroughs")) || tabs > 8 {
                break;
            }
        }
        press(&c, &key(Key::Enter)).await?;
        wait_css(&c, "[data-testid=walk-list]").await?;
        focused_heading(&c, "the walkthroughs opened by keyboard").await?;
        press(&c, &key(Key::Tab)).await?;
        tabs += 1;
        assert_eq!(
            active(&c, "e.dataset.testid").await?,
            "start-guided",
            "{w}: after the heading, the first walkthrough's guided start"
        );
        press(&c, &key(Key::Enter)).await?;
        wait_css(&c, "[data-testid=sim-screen]").await?;
        focused_heading(&c, "the walkthrough opened by keyboard").await?;
        press(&c, &key(Key::Tab)).await?;
        tabs += 1;
        let inside = active(
            &c,
            "!!e.closest('[data-testid=sim-screen]') && ['INPUT', 'SELECT', 'BUTTON', 'TEXTAREA'].includes(e.tagName)",
        )
        .await?;
        assert_eq!(inside, true, "{w}: then the portal's first control");
        println!("    {w}×{h}: {tabs} Tabs to the first walkthrough action");
        assert!(
            tabs <= 5,
            "{w}: {tabs} Tab presses to the first walkthrough action"
        );
        c.close().await?;
    }
    Ok(())
}
