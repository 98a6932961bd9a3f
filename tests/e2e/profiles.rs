//! Students sharing one lab PC: profiles with a PIN, switching, another tab, idle sign-out,
//! moving a record to a phone with a file, and the certificate of a completed module.
//!
//! The complete record imported for the certificate is built with the app's own core
//! (`dvc_lab::progress`, `dvc_lab::transfer`), and the verification code on screen is compared
//! with the one the core computes — the check a teacher's import will make.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, emulate_media, fill_profile_form, js,
    new_student, screenshot, wait_css, wait_signed_in, wait_text, wait_text_for,
};
use crate::lessons::{Input, answer_all, submit};
use crate::server::StaticServer;
use dvc_lab::content::{Lang, course};
use dvc_lab::progress::{Record, requirements};
use dvc_lab::quiz::Graded;
use dvc_lab::transfer::{Kind, export};
use dvc_lab::walkthrough::{AttemptRecord, Mode, scenarios};
use fantoccini::{Client, Locator};

async fn click(c: &Client, css: &str) -> Res {
    c.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

async fn type_into(c: &Client, css: &str, text: &str) -> Res {
    let el = c.find(Locator::Css(css)).await?;
    el.clear().await?;
    el.send_keys(text).await?;
    Ok(())
}

/// Clicks the profile button with this name in the picker.
pub(crate) async fn pick(c: &Client, name: &str) -> Res {
    wait_text(c, "[data-testid=picker]", name).await?;
    for el in c.find_all(Locator::Css("[data-testid=person]")).await? {
        if el.text().await?.contains(name) {
            el.click().await?;
            return Ok(());
        }
    }
    Err(format!("{name} is not in the picker").into())
}

pub async fn two_students_on_one_browser_each_see_only_their_own(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    // Linh creates her profile with a PIN; a wrong field is named before anything is saved.
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    type_into(&c, "#p-name", "Linh").await?;
    type_into(&c, "#p-class", "9A").await?;
    // Student code and PIN are under "Thêm tuỳ chọn".
    click(&c, "[data-testid=more-options] summary").await?;
    type_into(&c, "#p-pin", "25").await?;
    click(&c, "[data-testid=create-submit]").await?;
    let errors = wait_text(&c, "[data-testid=create-form]", "Có 4 chỗ cần sửa").await?;
    for said in [
        "đủ họ và tên",
        "khối 10, 11 hoặc 12",
        "không được để trống",
        "đúng 4 chữ số",
    ] {
        assert!(errors.contains(said), "{said:?} missing in {errors}");
    }
    assert_eq!(
        js(&c, "return document.activeElement.id").await?,
        "p-name",
        "focus goes to the first field to fix"
    );
    screenshot(&c, "profile-form-errors-1366").await?;
    type_into(&c, "#p-name", "Nguyễn Thị Linh").await?;
    type_into(&c, "#p-class", "10a1").await?;
    type_into(&c, "#p-school", "THPT Trần Liễu").await?;
    type_into(&c, "#p-pin", "2580").await?;
    type_into(&c, "#p-pin2", "2580").await?;
    click(&c, "[data-testid=create-submit]").await?;
    wait_text(&c, "[data-testid=who-name]", "Nguyễn Thị Linh · 10A1").await?;
    let lesson = "dich-vu-cong-la-gi";
    c.goto(&format!("{o}/lessons/{lesson}")).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    answer_all(&c, lesson, true, Input::Mouse).await?;
    assert!(submit(&c, Input::Mouse).await?.0, "Linh passes");

    // Bell rings: "Đổi người học", and Nam creates his own profile (the school is offered).
    click(&c, "[data-testid=switch-student]").await?;
    wait_css(&c, "[data-testid=person]").await?;
    assert!(c.current_url().await?.path().ends_with("/profiles"));
    screenshot(&c, "picker-list-1366").await?;
    click(&c, "[data-testid=create-open]").await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    let school = c
        .find(Locator::Css("#p-school"))
        .await?
        .prop("value")
        .await?;
    assert_eq!(school.as_deref(), Some("THPT Trần Liễu"));
    fill_profile_form(&c, "Lê Văn Nam", "10A1").await?;
    wait_text(&c, "[data-testid=who-name]", "Lê Văn Nam").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=overall]", "0/17").await?;
    c.goto(&format!("{o}/lessons/vneid")).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    answer_all(&c, "vneid", false, Input::Mouse).await?;
    assert!(!submit(&c, Input::Mouse).await?.0, "Nam fails once");

    // A reload keeps Nam, with only his own progress.
    c.refresh().await?;
    wait_text(&c, "[data-testid=who-name]", "Lê Văn Nam").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=overall]", "0/17").await?;
    let table = wait_text(&c, "[data-testid=progress-table]", "Đang học").await?;
    assert!(
        !table.contains("Đã đạt"),
        "Linh's pass is not in Nam's table: {table}"
    );

    // Back to Linh: her PIN is asked, a wrong one refused.
    click(&c, "[data-testid=switch-student]").await?;
    wait_css(&c, "[data-testid=person]").await?;
    pick(&c, "Nguyễn Thị Linh").await?;
    wait_css(&c, "[data-testid=pin-input]").await?;
    assert_eq!(
        js(&c, "return document.activeElement.dataset.testid").await?,
        "pin-input"
    );
    type_into(&c, "[data-testid=pin-input]", "1111").await?;
    click(&c, "[data-testid=pin-submit]").await?;
    wait_text(&c, ".pin-form", "Mã PIN chưa đúng").await?;
    screenshot(&c, "pin-wrong-1366").await?;
    assert!(
        c.find(Locator::Css("[data-testid=who-name]"))
            .await
            .is_err(),
        "still nobody signed in"
    );
    type_into(&c, "[data-testid=pin-input]", "2580").await?;
    click(&c, "[data-testid=pin-submit]").await?;
    wait_text(&c, "[data-testid=who-name]", "Nguyễn Thị Linh").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=overall]", "1/17").await?;
    let table = wait_text(&c, "[data-testid=progress-table]", "Đã đạt").await?;
    assert!(
        !table.contains("Đang học"),
        "Nam's attempt is not in Linh's table: {table}"
    );
    screenshot(&c, "progress-chart-1366").await?;

    // The PIN is never stored as typed.
    let stored = js(
        &c,
        "return Object.keys(localStorage).filter(k => k.startsWith('dvclab.')).map(k => localStorage.getItem(k)).join('\\n')",
    )
    .await?;
    let stored = stored.as_str().unwrap_or_default();
    assert!(
        stored.contains("Nguyễn Thị Linh") && !stored.contains("2580"),
        "{stored}"
    );
    assert_no_console_errors(&c, "switching students").await?;
    c.close().await?;
    Ok(())
}

pub async fn another_tab_follows_and_an_idle_student_is_signed_out(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, o, "Hoàng Gia Huy", "11A2").await?;
    let first = c.window().await?;
    let second = c.new_window(true).await?.handle;
    c.switch_to_window(second.clone()).await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=who-name]", "Hoàng Gia Huy").await?;
    // Signing out in one tab signs out the other.
    click(&c, "[data-testid=switch-student]").await?;
    c.switch_to_window(first.clone()).await?;
    wait_css(&c, "[data-testid=choose-profile]").await?;
    // And signing in again is followed too.
    c.goto(&format!("{o}/profiles")).await?;
    pick(&c, "Hoàng Gia Huy").await?;
    c.switch_to_window(second).await?;
    wait_text(&c, "[data-testid=who-name]", "Hoàng Gia Huy").await?;
    c.close_window().await?;
    c.switch_to_window(first).await?;

    // A reload long after the last activity does not reopen the profile.
    js(
        &c,
        "const i = JSON.parse(localStorage.getItem('dvclab.v1.profiles')); i.active -= 3600; \
         localStorage.setItem('dvclab.v1.profiles', JSON.stringify(i)); return 1",
    )
    .await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    pick(&c, "Hoàng Gia Huy").await?;
    wait_css(&c, "[data-testid=progress-table]").await?;

    // The teacher sets 1 minute; left alone, the page signs the student out by itself.
    c.goto(&format!("{o}/teacher?step=lab")).await?;
    wait_css(&c, "[data-testid=idle-min]").await?;
    type_into(&c, "[data-testid=idle-min]", "1").await?;
    c.find(Locator::Css("[data-testid=idle-min]"))
        .await?
        .send_keys("\u{E007}")
        .await?;
    wait_text(&c, "[data-testid=profiles-here]", "sau 1 phút").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=progress-table]").await?;
    wait_text_for(&c, "[data-testid=storage-notice]", "trong 1 phút", 100).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    screenshot(&c, "idle-signed-out-1366").await?;
    assert_no_console_errors(&c, "tabs and idle sign-out").await?;
    c.close().await?;
    Ok(())
}

/// A fully completed record for one student, made with the app's own core.
pub(crate) fn complete_record() -> Record {
    complete_record_at(1_790_000_000)
}

/// The same, started at Unix time `t0` (each lesson 10 minutes after the one before, then each
/// walkthrough 15 minutes apart).
pub(crate) fn complete_record_at(t0: i64) -> Record {
    let mut r = Record::new();
    r.student.id = "e2e0000001".into();
    r.student.name = "Nguyễn Thị Phương Uyên".into();
    r.student.class = "10A1".into();
    r.student.school = "THPT Trần Liễu".into();
    r.student.created = t0;
    let mut t = t0;
    for doc in course().lessons(Lang::Vi) {
        let ids: Vec<String> = doc.questions.iter().map(|q| q.id.clone()).collect();
        t += 600;
        let graded = Graded {
            correct: vec![true; ids.len()],
            score: 100,
            passed: true,
        };
        r.record_quiz(&doc.meta.id, &ids, &graded, t);
    }
    for sc in scenarios(Lang::Vi) {
        t += 900;
        r.record_walk(AttemptRecord {
            id: sc.id.clone(),
            at: t,
            mode: Mode::Practice,
            score: 92,
            secs: 300,
            done: true,
            steps: Default::default(),
        });
    }
    r
}

pub(crate) fn write_temp(name: &str, text: &str) -> Res<String> {
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    Ok(path.to_string_lossy().into_owned())
}

pub(crate) async fn import_file(c: &Client, path: &str) -> Res<String> {
    // The page's code may still be arriving (pages are lazily loaded chunks).
    wait_css(c, "[data-testid=import-file]").await?;
    let before = js(c, "const m = document.querySelector('[data-testid=import-message]'); return m ? m.textContent : ''").await?;
    c.find(Locator::Css("[data-testid=import-file]"))
        .await?
        .send_keys(path)
        .await?;
    for _ in 0..100 {
        let now = js(c, "const m = document.querySelector('[data-testid=import-message]'); return m ? m.textContent : ''").await?;
        if now != before && now != "" {
            return Ok(now.as_str().unwrap_or_default().to_string());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err("no import message".into())
}

pub async fn a_record_file_moves_to_a_phone_and_the_certificate_prints(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let record = complete_record();
    let req = requirements();
    let code = record
        .certificate_code(&req.lessons, &req.walks)
        .ok_or("the record is complete")?;
    let good = export(
        Kind::Student,
        "",
        "2026-11-29T08:00:00Z",
        std::slice::from_ref(&record),
    );
    let good_path = write_temp("uyen.json", &good)?;
    let cut_path = write_temp("uyen-cut.json", &good[..good.len() * 2 / 3])?;
    // A best score changed by hand, and a file claiming a newer format: each edit must change
    // the file, or the test would import a good file and pass for the wrong reason.
    let edited = good.replace("\"b\":92", "\"b\":99");
    let schema = format!("\"schema\":{}", dvc_lab::progress::SCHEMA_VERSION);
    let newer = good.replace(&schema, "\"schema\":7");
    if edited == good || newer == good {
        return Err("the file's format changed: edit the best score and the schema here".into());
    }
    let edited_path = write_temp("uyen-edited.json", &edited)?;
    let newer_path = write_temp("uyen-newer.json", &newer)?;

    // At home on the phone: the bad files are refused with a reason, nothing is added.
    let c = ctx.driver.session(360, 640).await?;
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    for (path, said) in [
        (&cut_path, "Tệp không đầy đủ"),
        (&edited_path, "đã bị sửa sau khi xuất"),
        (&newer_path, "phiên bản DVC Lab mới hơn"),
    ] {
        let msg = import_file(&c, path).await?;
        assert!(msg.contains(said), "{said:?} not in {msg:?}");
    }
    assert!(
        c.find(Locator::Css("[data-testid=person]")).await.is_err(),
        "nothing imported"
    );
    screenshot(&c, "import-refused-360").await?;
    let msg = import_file(&c, &good_path).await?;
    assert!(
        msg.contains("Đã thêm tài khoản học: Nguyễn Thị Phương Uyên"),
        "{msg}"
    );
    wait_signed_in(&c, "Nguyễn Thị Phương Uyên").await?;
    let shown = c
        .find(Locator::Css("[data-testid=who-name]"))
        .await?
        .text()
        .await?;
    assert_eq!(
        shown, "Uyên · 10A1",
        "a phone shows the given name in the header"
    );
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=overall]", "17/17").await?;
    click(&c, "[data-testid=certificate-link]").await?;
    wait_text(&c, "[data-testid=cert-name]", "Nguyễn Thị Phương Uyên").await?;
    let shown = c
        .find(Locator::Css("[data-testid=cert-code]"))
        .await?
        .text()
        .await?;
    assert_eq!(
        shown, code,
        "the code on screen is the one the core computes"
    );
    assert_fits_width(&c, "certificate on a phone").await?;
    screenshot(&c, "certificate-360").await?;
    c.close().await?;

    // On the lab PC: importing the same file twice merges to one profile; the certificate
    // prints on one A4 page.
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    import_file(&c, &good_path).await?;
    c.goto(&format!("{o}/profiles")).await?;
    let msg = import_file(&c, &good_path).await?;
    assert!(
        msg.contains("Không có gì mới") && msg.contains("Nguyễn Thị Phương Uyên"),
        "the second import says it brought nothing new: {msg}"
    );
    assert_eq!(
        c.find_all(Locator::Css("[data-testid=person]"))
            .await?
            .len(),
        1
    );
    c.goto(&format!("{o}/certificate")).await?;
    wait_text(&c, "[data-testid=cert-code]", &code).await?;
    screenshot(&c, "certificate-1366").await?;
    c.set_window_size(900, 1273).await?;
    emulate_media(&c, "print").await?;
    screenshot(&c, "certificate-print").await?;
    let hidden = js(
        &c,
        "return getComputedStyle(document.querySelector('.site-header')).display",
    )
    .await?;
    assert_eq!(hidden, "none", "the print layout hides the app's header");
    emulate_media(&c, "").await?;
    let pdf = c
        .print(
            fantoccini::wd::PrintConfiguration::builder()
                .background(true)
                .build()
                .map_err(|e| format!("print settings: {e:?}"))?,
        )
        .await?;
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page\r").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page>").count()
        + text.matches("/Type /Page ").count();
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e/artifacts/certificate.pdf"),
        &pdf,
    )?;
    assert_eq!(pages, 1, "the certificate prints on one A4 page");

    // The student's own file downloads and reads back with the same record.
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=download-own]").await?;
    let before = crate::browser::listing();
    click(&c, "[data-testid=download-own]").await?;
    let file = crate::browser::new_download(&before, "json").await?;
    let name = file.file_name().map(|n| n.to_string_lossy().to_string());
    assert!(
        name.as_deref()
            .is_some_and(|n| n.starts_with("dvc-lab-nguyen-thi-phuong-uyen")),
        "the file is named after the student: {name:?}"
    );
    let back = dvc_lab::transfer::import(&std::fs::read_to_string(&file)?)?;
    assert_eq!(back.records.len(), 1);
    assert_eq!(back.records[0].lessons, record.lessons);
    assert_no_console_errors(&c, "import and certificate").await?;
    c.close().await?;
    Ok(())
}
