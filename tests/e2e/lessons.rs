//! Lessons and quizzes as a student meets them: read, answer, fail, read why, retry, pass — by
//! mouse, by keyboard only and by touch — and progress that survives a reload.
//!
//! The right answers come from the same lesson files the app embeds (`dvc_lab::content`); the
//! tests find options by their original index (`value`, element ids), never by screen position,
//! because every attempt shuffles them.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, fill_profile_form, js, key, new_student,
    press, screenshot, wait_css, wait_text,
};
use crate::server::StaticServer;
use dvc_lab::content::{Lang, Question, QuestionKind, course};
use fantoccini::actions::{InputSource, PointerAction, TouchActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Input {
    Mouse,
    Touch,
}

pub(crate) fn questions(lesson: &str) -> Vec<Question> {
    course()
        .lesson(Lang::Vi, lesson)
        .map(|d| d.questions.clone())
        .unwrap_or_default()
}

async fn tap(c: &Client, el: Element) -> Res {
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

async fn press_on(c: &Client, input: Input, el: Element) -> Res {
    match input {
        Input::Mouse => el.click().await?,
        Input::Touch => tap(c, el).await?,
    }
    Ok(())
}

/// Current order of an order question's steps (original indices), read from the buttons' ids.
async fn order_now(c: &Client, n: usize) -> Res<Vec<usize>> {
    let ids = js(
        c,
        &format!(
            "return [...document.querySelectorAll('[data-testid=question-{}] .order-item button[id*=\"-up-\"]')].map(b => b.id)",
            n + 1
        ),
    )
    .await?;
    Ok(ids
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str()?.rsplit('-').next()?.parse().ok())
                .collect()
        })
        .unwrap_or_default())
}

/// Answers every question, all right or all wrong, with the mouse or by touch.
pub(crate) async fn answer_all(c: &Client, lesson: &str, right: bool, input: Input) -> Res {
    let all: Vec<usize> = (1..=questions(lesson).len()).collect();
    answer_with(c, lesson, if right { &[] } else { &all }, input).await
}

/// Answers every question right except those numbered (from 1) in `wrong`.
pub(crate) async fn answer_with(c: &Client, lesson: &str, wrong: &[usize], input: Input) -> Res {
    for (i, q) in questions(lesson).iter().enumerate() {
        let scope = format!("[data-testid=question-{}]", i + 1);
        let right = !wrong.contains(&(i + 1));
        match q.kind {
            QuestionKind::Order => {
                if !right {
                    continue; // shown shuffled, never already solved
                }
                loop {
                    let now = order_now(c, i).await?;
                    let Some(pos) = (0..now.len()).find(|&p| now[p] != p) else {
                        break;
                    };
                    let up = c.find(Locator::Css(&format!("#q{i}-up-{pos}"))).await?;
                    press_on(c, input, up).await?;
                }
            }
            QuestionKind::Match => {
                let n = q.options.len();
                for ti in 0..n {
                    let want = if right { ti } else { (ti + 1) % n };
                    c.find(Locator::Css(&format!("#q{i}-match-{ti}")))
                        .await?
                        .select_by_value(&want.to_string())
                        .await?;
                }
            }
            _ => {
                let picks: Vec<usize> = if right {
                    q.options
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.correct)
                        .map(|(k, _)| k)
                        .collect()
                } else {
                    q.options
                        .iter()
                        .position(|o| !o.correct)
                        .into_iter()
                        .collect()
                };
                for k in picks {
                    let el = c
                        .find(Locator::Css(&format!("{scope} input[value='{k}']")))
                        .await?;
                    press_on(c, input, el).await?;
                }
            }
        }
    }
    Ok(())
}

pub(crate) async fn submit(c: &Client, input: Input) -> Res<(bool, String)> {
    let button = c.find(Locator::Css("[data-testid=quiz-submit]")).await?;
    press_on(c, input, button).await?;
    let result = wait_css(c, "[data-testid=quiz-result]").await?;
    let passed = result.attr("data-passed").await?.unwrap_or_default() == "true";
    Ok((passed, result.text().await?))
}

pub async fn quiz_fail_read_explanations_retry_pass_by_mouse(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let lesson = "dich-vu-cong-la-gi";
    let n = questions(lesson).len();
    c.goto(&format!("{}/", server.origin)).await?;
    // Linh clicks the first big button; this PC has no profiles yet, so the lesson asks who
    // she is first, with the form already open; then the lesson she asked for appears.
    c.wait()
        .for_element(Locator::Css("[data-testid=start]"))
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=picker]").await?;
    screenshot(&c, "picker-first-visit-1366").await?;
    fill_profile_form(&c, "Nguyễn Thị Linh", "10a1").await?;
    wait_css(&c, &format!("[data-testid=lesson][data-lesson={lesson}]")).await?;
    wait_text(&c, "[data-testid=who-name]", "Nguyễn Thị Linh · 10A1").await?;
    wait_text(&c, "[data-testid=attempt]", "Lần làm thứ 1").await?;

    // Submitting with nothing answered names the missing questions instead of grading.
    c.find(Locator::Css("[data-testid=quiz-submit]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=quiz-missing]", "Bạn chưa trả lời câu 1").await?;

    answer_all(&c, lesson, false, Input::Mouse).await?;
    let (passed, text) = submit(&c, Input::Mouse).await?;
    assert!(!passed, "all-wrong answers must fail");
    assert!(
        text.contains(&format!("Bạn trả lời đúng 0/{n} câu (0%)")),
        "{text}"
    );
    assert!(text.contains("Chưa đạt"), "{text}");
    let explanations = c.find_all(Locator::Css(".explanation")).await?.len();
    assert!(
        explanations >= n,
        "every question shows explanations after answering ({explanations})"
    );
    let wrong = c.find_all(Locator::Css(".verdict.bad")).await?.len();
    assert_eq!(wrong, n);
    screenshot(&c, "quiz-failed-1366").await?;

    c.find(Locator::Css("[data-testid=quiz-retry]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=attempt]", "Lần làm thứ 2").await?;
    assert!(
        c.find_all(Locator::Css(".explanation")).await?.is_empty(),
        "a retry starts clean"
    );
    wait_text(
        &c,
        "[data-testid=quiz-previous]",
        &format!("Lần trước: đúng 0/{n} câu"),
    )
    .await?;
    answer_all(&c, lesson, true, Input::Mouse).await?;
    let (passed, text) = submit(&c, Input::Mouse).await?;
    assert!(passed, "all-right answers pass: {text}");
    assert!(
        text.contains(&format!("{n}/{n}")) && text.contains("100%"),
        "{text}"
    );
    screenshot(&c, "quiz-passed-1366").await?;
    c.find(Locator::Css("[data-testid=next-lesson]"))
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=lesson][data-lesson=co-so-phap-ly]").await?;

    c.find(Locator::Css("nav.main-nav a[href$='/progress']"))
        .await?
        .click()
        .await?;
    let table = wait_text(&c, "[data-testid=progress-table]", "Đã đạt").await?;
    assert!(table.contains("100%"), "{table}");
    wait_text(
        &c,
        "[data-testid=overall]",
        "Đã hoàn thành 1/17 phần bắt buộc",
    )
    .await?;
    assert_no_console_errors(&c, "during the quiz").await?;
    c.close().await?;
    Ok(())
}

async fn active_value(c: &Client) -> Res<String> {
    Ok(js(c, "return String(document.activeElement.value)")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

/// Waits until the focused element's id starts with `prefix` and ends with `suffix`.
async fn settle_focus(c: &Client, prefix: &str, suffix: &str) -> Res {
    for _ in 0..100 {
        let id = js(c, "return document.activeElement.id").await?;
        let id = id.as_str().unwrap_or_default();
        if id.starts_with(prefix) && id.ends_with(suffix) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    Err(format!("focus did not return to {prefix}…{suffix} after moving a step").into())
}

/// Tabs until `pred` holds for the focused element (`e`), at most 400 presses.
async fn tab_until(c: &Client, pred: &str) -> Res {
    for _ in 0..400 {
        if js(
            c,
            &format!("const e = document.activeElement; return !!({pred})"),
        )
        .await?
            == true
        {
            return Ok(());
        }
        press(c, &key(Key::Tab)).await?;
    }
    Err(format!("Tab never reached an element where {pred}").into())
}

pub async fn quiz_by_keyboard_only_in_english(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let lesson = "vneid";
    // The profile too is made with the keyboard alone: Tab to each field, type, Enter.
    c.goto(&format!("{}/profiles", server.origin)).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    for (id, text) in [
        ("p-name", "Trần Minh Khoa"),
        ("p-class", "11B2"),
        ("p-school", "THPT Trần Liễu"),
    ] {
        tab_until(&c, &format!("e.id === '{id}'")).await?;
        press(&c, text).await?;
    }
    press(&c, &key(Key::Enter)).await?;
    crate::browser::wait_signed_in(&c, "Trần Minh Khoa").await?;
    c.goto(&format!("{}/", server.origin)).await?;
    wait_css(&c, "h1").await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    tab_until(&c, "e.dataset.testid === 'lang-switch'").await?;
    press(&c, &key(Key::Enter)).await?;
    wait_text(&c, "h1", "Learn to use").await?;
    tab_until(&c, "e.getAttribute('href') === '/lessons'").await?;
    press(&c, &key(Key::Enter)).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    tab_until(
        &c,
        &format!("e.getAttribute('href') === '/lessons/{lesson}'"),
    )
    .await?;
    press(&c, &key(Key::Enter)).await?;
    wait_css(&c, &format!("[data-testid=lesson][data-lesson={lesson}]")).await?;

    // A glossary term shows its meaning on keyboard focus.
    tab_until(&c, "e.classList.contains('term-btn')").await?;
    let shown = js(
        &c,
        "return getComputedStyle(document.activeElement.nextElementSibling).display",
    )
    .await?;
    assert_eq!(shown, "block", "glossary definition visible on focus");

    for (i, q) in questions(lesson).iter().enumerate() {
        let inq = format!("e.closest('[data-testid=question-{}]')", i + 1);
        match q.kind {
            QuestionKind::Order => {
                for target in 0..q.options.len() {
                    let now = order_now(&c, i).await?;
                    let from = now.iter().position(|&x| x == target).unwrap_or(target);
                    if from == target {
                        continue;
                    }
                    tab_until(&c, &format!("e.id === 'q{i}-up-{target}'")).await?;
                    for _ in target..from {
                        press(&c, &key(Key::Enter)).await?;
                        // The list re-renders; focus follows the moved step to its new place.
                        settle_focus(&c, &format!("q{i}-"), &format!("-{target}")).await?;
                    }
                }
                assert_eq!(
                    order_now(&c, i).await?,
                    (0..q.options.len()).collect::<Vec<_>>()
                );
            }
            QuestionKind::Match => {
                for ti in 0..q.options.len() {
                    tab_until(&c, &format!("e.id === 'q{i}-match-{ti}'")).await?;
                    for _ in 0..=q.options.len() {
                        if active_value(&c).await? == ti.to_string() {
                            break;
                        }
                        press(&c, &key(Key::Down)).await?;
                    }
                    assert_eq!(
                        js(&c, "return document.activeElement.value").await?,
                        ti.to_string()
                    );
                }
            }
            QuestionKind::Multiple => {
                // Checkboxes in screen order: Space on each correct one, Tab to the next.
                tab_until(&c, &format!("{inq} && e.type === 'checkbox'")).await?;
                for _ in 0..q.options.len() {
                    let k: usize = js(&c, "return document.activeElement.value")
                        .await?
                        .as_str()
                        .unwrap_or("0")
                        .parse()?;
                    if q.options[k].correct {
                        press(&c, " ").await?;
                    }
                    press(&c, &key(Key::Tab)).await?;
                }
            }
            _ => {
                let right = q.options.iter().position(|o| o.correct).unwrap_or(0);
                tab_until(&c, &format!("{inq} && e.type === 'radio'")).await?;
                for _ in 0..q.options.len() {
                    if active_value(&c).await? == right.to_string() {
                        break;
                    }
                    press(&c, &key(Key::Down)).await?;
                }
                press(&c, " ").await?;
                let checked = js(
                    &c,
                    "return document.activeElement.checked && document.activeElement.value",
                )
                .await?;
                assert_eq!(checked, right.to_string(), "question {} by keyboard", i + 1);
            }
        }
    }
    tab_until(&c, "e.dataset.testid === 'quiz-submit'").await?;
    press(&c, &key(Key::Enter)).await?;
    let result = wait_css(&c, "[data-testid=quiz-result]").await?;
    let text = result.text().await?;
    assert_eq!(
        result.attr("data-passed").await?.as_deref(),
        Some("true"),
        "{text}"
    );
    assert!(text.contains("Passed!"), "English result: {text}");
    assert_eq!(
        js(&c, "return document.activeElement.id").await?,
        "quiz-result",
        "focus moves to the result"
    );
    screenshot(&c, "quiz-keyboard-en").await?;
    assert_no_console_errors(&c, "during the keyboard quiz").await?;
    c.close().await?;
    Ok(())
}

pub async fn quiz_by_touch_on_a_phone(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(360, 640).await?;
    let lesson = "an-toan-truc-tuyen";
    new_student(&c, &server.origin, "Phạm Thu Hà", "12C1").await?;
    c.goto(&format!("{}/lessons/{lesson}", server.origin))
        .await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    let term = c.find(Locator::Css(".term-btn")).await?;
    tap(&c, term).await?;
    let open = js(
        &c,
        "return getComputedStyle(document.querySelector('.term-btn').nextElementSibling).display",
    )
    .await?;
    assert_eq!(open, "block", "a tap shows the glossary definition");
    screenshot(&c, "glossary-tap-360").await?;
    answer_all(&c, lesson, true, Input::Touch).await?;
    let (passed, text) = submit(&c, Input::Touch).await?;
    assert!(passed, "{text}");
    screenshot(&c, "quiz-passed-360").await?;
    assert_fits_width(&c, "quiz results on the phone").await?;
    c.close().await?;
    Ok(())
}

pub async fn progress_is_kept_after_reload_and_stays_on_this_browser(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let lesson = "theo-doi-ho-so";
    new_student(&c, &server.origin, "Lê Văn Nam", "10A2").await?;
    c.goto(&format!("{}/lessons/{lesson}", server.origin))
        .await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    answer_all(&c, lesson, false, Input::Mouse).await?;
    let (passed, _) = submit(&c, Input::Mouse).await?;
    assert!(!passed);
    c.refresh().await?;
    wait_text(&c, "[data-testid=attempt]", "Lần làm thứ 2").await?;
    c.goto(&format!("{}/progress", server.origin)).await?;
    let table = wait_text(&c, "[data-testid=progress-table]", "Đang học").await?;
    assert!(table.contains("0%"), "{table}");
    // A different browser profile (another PC) has nobody: it asks who is learning.
    let other = ctx.driver.session(1366, 768).await?;
    other.goto(&format!("{}/progress", server.origin)).await?;
    let picker = wait_text(&other, "[data-testid=picker]", "chưa có tài khoản học nào").await?;
    assert!(!picker.contains("Lê Văn Nam"), "{picker}");
    other.close().await?;
    c.close().await?;
    Ok(())
}
