//! The satisfaction and needs survey (issue 19), end to end: three students answer
//! differently on two lab PCs (after a practice, after finishing the module), one of them with
//! markup as her comment and one with a comment past the limit; the teacher imports both PCs'
//! files and sees the satisfied share against 90%, the needs and the comments (a name only
//! where the student signed), marks one "đã tiếp thu" with a reply, reloads, finds it there and
//! in the CSV. On a phone the survey is skipped, and not asked again.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, click, js, key, listing, new_download,
    new_student, screenshot, wait_css, wait_js, wait_text,
};
use crate::server::StaticServer;
use dvc_lab::transfer::{Kind, export};
use dvc_lab::walkthrough::Mode;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

/// The comment that must stay text.
const XSS: &str = "<img src=x onerror=alert(1)>";

/// Plays walkthrough `id` in practice mode by keyboard, up to its summary.
async fn practise(c: &Client, o: &str, id: &str) -> Res {
    c.goto(&format!("{o}/walkthroughs/{id}?mode=practice"))
        .await?;
    wait_css(c, "[data-testid=sim-screen]").await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    crate::walk::play(c, id, Mode::Practice, None).await
}

/// Types `text` into the element `css`.
async fn type_in(c: &Client, css: &str, text: &str) -> Res {
    wait_css(c, css).await?.send_keys(text).await?;
    Ok(())
}

/// Fails if an alert is open or the page ran a planted handler, or if an `<img>` was made
/// from a comment inside `css`.
async fn assert_nothing_ran(c: &Client, css: &str, context: &str) -> Res {
    if let Ok(text) = c.get_alert_text().await {
        return Err(format!("{context}: an alert ran: {text}").into());
    }
    let imgs = js(
        c,
        &format!("return document.querySelectorAll('{css} img').length + (window.__xss ? 100 : 0)"),
    )
    .await?;
    assert_eq!(
        imgs,
        serde_json::json!(0),
        "{context}: markup became elements"
    );
    Ok(())
}

/// A student with a completed module, in a file she brings from home.
fn completed_file(id: &str, name: &str, class: &str, tag: &str) -> Res<String> {
    let mut r = crate::profiles::complete_record_at(1_795_000_000);
    r.student.id = id.into();
    r.student.name = name.into();
    r.student.class = class.into();
    crate::profiles::write_temp(
        &format!("survey-{tag}.json"),
        &export(
            Kind::Student,
            "",
            "2026-12-01T08:00:00Z",
            std::slice::from_ref(&r),
        ),
    )
}

/// Imports a student's own file on the profiles page (she is then signed in).
async fn bring_file(c: &Client, o: &str, path: &str, name: &str) -> Res {
    c.goto(&format!("{o}/profiles")).await?;
    let msg = crate::profiles::import_file(c, path).await?;
    assert!(msg.contains(name), "{msg}");
    crate::browser::wait_signed_in(c, name).await
}

pub async fn three_students_on_two_pcs_are_heard_and_the_teacher_replies(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let axe = crate::a11y::axe_source()?;

    // Lab PC 1. Linh's first practice: the survey comes under the summary.
    let pc1 = ctx.driver.session(1366, 768).await?;
    new_student(&pc1, &o, "Nguyễn Thị Linh", "10A1").await?;
    practise(&pc1, &o, "kich-hoat-vneid").await?;
    let panel = wait_css(&pc1, "[data-testid=survey][data-occasion=practice]").await?;
    let text = panel.text().await?;
    for words in [
        "Góp ý nhanh (không bắt buộc)",
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
        "Bỏ qua",
        "0/300",
    ] {
        assert!(text.contains(words), "{words:?} not in the panel: {text}");
    }
    let legends = js(
        &pc1,
        "return document.querySelectorAll('[data-testid=survey] fieldset > legend').length",
    )
    .await?;
    assert_eq!(
        legends,
        serde_json::json!(3),
        "three questions, each a fieldset"
    );
    let found = crate::a11y::audit(&pc1, &axe, "survey after a practice").await?;
    assert!(found.is_empty(), "axe: {found:#?}");
    // Sending nothing asks for an answer or a skip, and keeps the panel.
    click(&pc1, "[data-testid=survey-send]").await?;
    wait_text(&pc1, "[data-testid=survey-empty]", "Bỏ qua").await?;
    click(&pc1, "[data-testid=survey-sat-5]").await?;
    click(&pc1, "[data-testid=survey-hardest-nop-ho-so]").await?;
    click(&pc1, "[data-testid=survey-need-can-cuoc]").await?;
    type_in(&pc1, "[data-testid=survey-comment]", XSS).await?;
    wait_text(&pc1, "[data-testid=survey-count]", "28/300").await?;
    click(&pc1, "[data-testid=survey-sign]").await?;
    js(
        &pc1,
        "document.querySelector('[data-testid=survey]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&pc1, "survey-panel-1366").await?;
    click(&pc1, "[data-testid=survey-send]").await?;
    wait_text(&pc1, "[data-testid=survey-done]", "Cảm ơn bạn đã góp ý").await?;
    wait_text(&pc1, "[data-testid=survey-said]", XSS).await?;
    assert_nothing_ran(&pc1, "[data-testid=survey]", "student side").await?;
    // The summary is still there; the survey does not block the next step.
    wait_css(&pc1, "[data-testid=walk-next]").await?;

    // Nam, on the same PC: dissatisfied, a comment longer than the limit, not signed.
    new_student(&pc1, &o, "Lê Văn Nam", "10A1").await?;
    practise(&pc1, &o, "kich-hoat-vneid").await?;
    wait_css(&pc1, "[data-testid=survey][data-occasion=practice]").await?;
    click(&pc1, "[data-testid=survey-sat-2]").await?;
    click(&pc1, "[data-testid=survey-need-thi-thpt]").await?;
    let long: String = "Phần nhập mã OTP hơi khó hiểu. "
        .chars()
        .cycle()
        .take(320)
        .collect();
    type_in(&pc1, "[data-testid=survey-comment]", &long).await?;
    wait_text(&pc1, "[data-testid=survey-count]", "300/300").await?;
    let kept = js(
        &pc1,
        "return [...document.querySelector('[data-testid=survey-comment]').value].length",
    )
    .await?;
    assert_eq!(kept, serde_json::json!(300), "cut at the limit");
    click(&pc1, "[data-testid=survey-send]").await?;
    wait_text(&pc1, "[data-testid=survey-done]", "Cảm ơn").await?;
    // Nam practises again: asked once, not again.
    click(&pc1, "[data-testid=walk-again]").await?;
    wait_css(&pc1, "[data-testid=sim-screen]").await?;
    pc1.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    crate::walk::play(&pc1, "kich-hoat-vneid", Mode::Practice, None).await?;
    wait_css(&pc1, "[data-testid=walk-next]").await?;
    assert!(
        pc1.find(Locator::Css("[data-testid=survey]"))
            .await
            .is_err(),
        "the practice survey is not asked twice"
    );
    assert_no_console_errors(&pc1, "survey on PC 1").await?;
    let file1 = crate::teacher::export_pc(&pc1, &o, "Phòng máy – Máy 01").await?;
    pc1.close().await?;

    // Lab PC 2. Khoa brings his finished module from home: the survey on My progress.
    let pc2 = ctx.driver.session(1366, 768).await?;
    let khoa = completed_file("e2esurv001", "Trần Minh Khoa", "10A2", "khoa")?;
    bring_file(&pc2, &o, &khoa, "Trần Minh Khoa").await?;
    pc2.goto(&format!("{o}/progress")).await?;
    wait_css(&pc2, "[data-testid=module-complete]").await?;
    wait_text(
        &pc2,
        "[data-testid=survey][data-occasion=module]",
        "học phần vừa hoàn thành",
    )
    .await?;
    click(&pc2, "[data-testid=survey-sat-4]").await?;
    click(&pc2, "[data-testid=survey-hardest-vneid]").await?;
    click(&pc2, "[data-testid=survey-need-can-cuoc]").await?;
    click(&pc2, "[data-testid=survey-need-khac]").await?;
    type_in(&pc2, "[data-testid=survey-other]", "Đăng ký xe máy điện").await?;
    click(&pc2, "[data-testid=survey-send]").await?;
    wait_text(&pc2, "[data-testid=survey-done]", "Cảm ơn").await?;
    // Answered on this occasion: a reload does not ask again.
    pc2.refresh().await?;
    wait_css(&pc2, "[data-testid=module-complete]").await?;
    assert!(
        pc2.find(Locator::Css("[data-testid=survey]"))
            .await
            .is_err(),
        "the module survey is not asked twice"
    );
    let file2 = crate::teacher::export_pc(&pc2, &o, "Phòng máy – Máy 02").await?;
    pc2.close().await?;

    // The teacher's laptop imports both PCs.
    let c = ctx.driver.session(1366, 768).await?;
    crate::teacher::open_step(&c, &o, "import").await?;
    let files = [&file1, &file2]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    wait_css(&c, "[data-testid=import-progress]")
        .await?
        .send_keys(&files)
        .await?;
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=import-log] li').length === 2",
        20,
    )
    .await?;
    click(&c, "[data-testid=see-report]").await?;
    // Linh 5, Nam 2, Khoa 4: two of three satisfied, under the 90% line.
    wait_text(
        &c,
        "[data-testid=feedback-school]",
        "Toàn trường: 2/3 học sinh hài lòng — 66%",
    )
    .await?;
    let target = wait_text(&c, "[data-testid=feedback-target]", "Chưa đạt").await?;
    assert!(target.contains("3 học sinh đã trả lời"), "{target}");
    let classes = c
        .find(Locator::Css("[data-testid=feedback-classes]"))
        .await?
        .text()
        .await?;
    assert!(
        classes.contains("10A1 2 1 0 0 1 0 1/2 50% Chưa đạt"),
        "{classes}"
    );
    assert!(
        classes.contains("10A2 1 0 1 0 0 0 1/1 100% Đạt"),
        "{classes}"
    );
    let needs = c
        .find(Locator::Css("[data-testid=feedback-needs]"))
        .await?
        .text()
        .await?;
    assert!(
        needs.contains("Cấp, cấp đổi thẻ căn cước — 2 học sinh"),
        "{needs}"
    );
    assert!(
        needs.contains("Đăng ký dự thi tốt nghiệp THPT — 1 học sinh"),
        "{needs}"
    );
    assert!(needs.contains("Khác — 1 học sinh"), "{needs}");
    wait_text(
        &c,
        "[data-testid=feedback-others]",
        "10A2: Đăng ký xe máy điện",
    )
    .await?;
    wait_text(
        &c,
        "[data-testid=feedback-hardest]",
        "Nộp hồ sơ trực tuyến — 1 học sinh",
    )
    .await?;
    let comments = c
        .find(Locator::Css("[data-testid=feedback-comments]"))
        .await?
        .text()
        .await?;
    assert!(comments.contains(XSS), "markup shown as text: {comments}");
    assert!(comments.contains("Nguyễn Thị Linh"), "signed: {comments}");
    assert!(
        comments.contains("Ẩn danh") && !comments.contains("Lê Văn Nam"),
        "unsigned, no name: {comments}"
    );
    assert_nothing_ran(&c, "[data-testid=feedback]", "teacher side").await?;
    let found = crate::a11y::audit(&c, &axe, "teacher feedback").await?;
    assert!(found.is_empty(), "axe: {found:#?}");

    // Linh's comment is taken on board, with a reply.
    let reply = "Cảm ơn em, thầy sẽ giảng lại phần kích hoạt.";
    let index = js(
        &c,
        "return [...document.querySelectorAll('[data-testid=feedback-comment]')].findIndex(li => li.querySelector('[data-testid=comment-who]').textContent.includes('Nguyễn Thị Linh')) + 1",
    )
    .await?;
    let n = index.as_i64().ok_or("Linh's comment")?;
    assert!(n > 0, "Linh's comment is listed");
    let at = format!("[data-testid=feedback-comment]:nth-child({n})");
    click(&c, &format!("{at} [data-testid=comment-ack]")).await?;
    type_in(&c, &format!("{at} [data-testid=comment-reply]"), reply).await?;
    c.active_element().await?.send_keys(&key(Key::Tab)).await?;
    js(
        &c,
        "document.querySelector('[data-testid=feedback]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-feedback-1366").await?;
    // Kept in IndexedDB before the reload.
    wait_js(
        &c,
        &format!(
            "new Promise(r => {{ const q = indexedDB.open('dvclab'); q.onerror = () => r(false); q.onsuccess = () => {{ const g = q.result.transaction('data').objectStore('data').get('dvclab.v1.teacher'); g.onerror = () => r(false); g.onsuccess = () => r(String(g.result).includes({})); }}; }})",
            serde_json::json!(reply)
        ),
        10,
    )
    .await?;
    c.refresh().await?;
    wait_text(&c, "[data-testid=feedback-school]", "2/3").await?;
    let kept = js(
        &c,
        &format!(
            "const li = document.querySelector('{at}'); return [li.querySelector('[data-testid=comment-ack]').checked, li.querySelector('[data-testid=comment-reply]').value]"
        ),
    )
    .await?;
    assert_eq!(
        kept,
        serde_json::json!([true, reply]),
        "still there after a reload"
    );
    // Importing the files again keeps the teacher's decisions.
    crate::teacher::to_step(&c, "import").await?;
    wait_css(&c, "[data-testid=import-progress]")
        .await?
        .send_keys(&file1.to_string_lossy())
        .await?;
    wait_text(&c, "[data-testid=import-log]", "không đổi").await?;
    crate::teacher::to_step(&c, "report").await?;
    wait_css(&c, "[data-testid=feedback-comments]").await?;
    let kept = js(
        &c,
        &format!("return document.querySelector('{at} [data-testid=comment-reply]').value"),
    )
    .await?;
    assert_eq!(kept, serde_json::json!(reply), "after a re-import");
    // The CSV the class sees.
    let before = listing();
    click(&c, "[data-testid=feedback-csv]").await?;
    let csv = std::fs::read_to_string(new_download(&before, "csv").await?)?;
    assert!(csv.contains("Đã tiếp thu") && csv.contains(reply), "{csv}");
    assert!(csv.contains(XSS), "{csv}");
    assert!(
        csv.contains("Ẩn danh") && !csv.contains("Lê Văn Nam"),
        "{csv}"
    );
    assert!(csv.contains("Nguyễn Thị Linh"), "{csv}");
    // The school summary for the ward: counts only, never a comment or its author.
    wait_css(&c, "[data-testid=ward-export]").await?;
    let before = listing();
    click(&c, "[data-testid=ward-export]").await?;
    let summary = std::fs::read_to_string(new_download(&before, "json").await?)?;
    assert!(
        summary.contains(r#""satisfaction":[1,0,0,1,0]"#),
        "{summary}"
    );
    for secret in [
        "img src",
        "OTP",
        "Nguyễn Thị Linh",
        "Lê Văn Nam",
        "xe máy điện",
    ] {
        assert!(!summary.contains(secret), "{secret:?} in the ward summary");
    }
    let summary_path = crate::profiles::write_temp("survey-ward.json", &summary)?;
    c.goto(&format!("{o}/ward")).await?;
    wait_css(&c, "[data-testid=ward-empty]").await?;
    wait_css(&c, "[data-testid=ward-import]")
        .await?
        .send_keys(&summary_path)
        .await?;
    wait_text(
        &c,
        "[data-testid=ward-survey-line]",
        "Toàn phường: 2/3 học sinh hài lòng — 66% (mục tiêu 90%)",
    )
    .await?;
    wait_text(&c, "[data-testid=ward-survey-table]", "Chưa đạt").await?;
    js(
        &c,
        "document.querySelector('[data-testid=ward-survey]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "ward-survey-1366").await?;
    assert_no_console_errors(&c, "teacher feedback and the ward").await?;
    c.close().await?;

    // The same section on a phone-sized screen.
    let phone = ctx.driver.session(360, 640).await?;
    crate::teacher::open_step(&phone, &o, "import").await?;
    wait_css(&phone, "[data-testid=import-progress]")
        .await?
        .send_keys(&files)
        .await?;
    wait_js(
        &phone,
        "document.querySelectorAll('[data-testid=import-log] li').length === 2",
        20,
    )
    .await?;
    click(&phone, "[data-testid=see-report]").await?;
    wait_text(&phone, "[data-testid=feedback-school]", "66%").await?;
    js(
        &phone,
        "document.querySelector('[data-testid=feedback-comments]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&phone, "teacher-feedback-360").await?;
    assert_fits_width(&phone, "teacher feedback at 360").await?;
    phone.close().await?;
    Ok(())
}

pub async fn on_a_phone_the_survey_is_skipped_and_not_asked_again(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let c = ctx.driver.session(360, 640).await?;
    let hoa = completed_file("e2esurv002", "Phạm Thu Hoa", "11A3", "hoa")?;
    bring_file(&c, &o, &hoa, "Phạm Thu Hoa").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=survey][data-occasion=module]").await?;
    js(
        &c,
        "document.querySelector('[data-testid=survey]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "survey-panel-360").await?;
    assert_fits_width(&c, "survey at 360").await?;
    // Every choice and button is a thumb-sized target.
    let small = js(
        &c,
        "return [...document.querySelectorAll('[data-testid=survey] :is(label.survey-choice, button, textarea)')].filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).map(e => e.textContent.trim().slice(0, 30))",
    )
    .await?;
    assert_eq!(small, serde_json::json!([]), "targets under 44 px");
    // In English, every word of it.
    click(&c, "[data-testid=lang-switch]").await?;
    let text = wait_text(&c, "[data-testid=survey]", "Very satisfied").await?;
    for words in [
        "Quick feedback",
        "Very dissatisfied",
        "Skip",
        "Sign with my name",
    ] {
        assert!(text.contains(words), "{words:?}: {text}");
    }
    click(&c, "[data-testid=lang-switch]").await?;
    wait_text(&c, "[data-testid=survey]", "Rất hài lòng").await?;
    click(&c, "[data-testid=survey-skip]").await?;
    wait_text(&c, "[data-testid=survey-done]", "Đã bỏ qua").await?;
    c.refresh().await?;
    wait_css(&c, "[data-testid=module-complete]").await?;
    assert!(
        c.find(Locator::Css("[data-testid=survey]")).await.is_err(),
        "a skipped survey is not asked again"
    );
    assert_no_console_errors(&c, "survey skipped on a phone").await?;
    c.close().await?;
    Ok(())
}
