//! The teacher's end of term: two lab PCs export their students, a third computer imports both
//! files (one of them twice) and a class list saved by Excel as "Unicode text" with a name typed
//! in NFD and a student who never started; the dashboard shows the right coverage, a
//! certificate code checks out, and the CSV and xAPI files hold the right rows.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, emulate_media, js, listing, new_download,
    new_student, screenshot, wait_css, wait_js, wait_text,
};
use crate::lessons::{Input, answer_all, submit};
use crate::server::StaticServer;
use fantoccini::{Client, Locator};

/// Opens the teacher area on `step` (`lab`, `import`, `report` or `pin`) by its address and
/// waits until that step is shown (no PIN set).
pub(crate) async fn open_step(c: &Client, o: &str, step: &str) -> Res {
    c.goto(&format!("{o}/teacher?step={step}")).await?;
    wait_css(c, &format!("[data-testid=teacher-area][data-step={step}]")).await?;
    Ok(())
}

/// Moves the open teacher area to `step` with its link in the steps bar (what is in the page
/// stays) and waits until it is shown.
pub(crate) async fn to_step(c: &Client, step: &str) -> Res {
    crate::browser::click(
        c,
        &format!("[data-testid=teacher-steps] a[data-step={step}]"),
    )
    .await?;
    wait_css(c, &format!("[data-testid=teacher-area][data-step={step}]")).await?;
    // The steps bar marks that one step, and only it, as the current one.
    let current = js(
        c,
        "return [...document.querySelectorAll('[data-testid=teacher-steps] [aria-current]')].map(a => a.dataset.step)",
    )
    .await?;
    assert_eq!(current, serde_json::json!([step]), "the current step");
    Ok(())
}

/// Exports every profile of this browser from the teacher area; returns the file.
pub(crate) async fn export_pc(c: &Client, o: &str, label: &str) -> Res<std::path::PathBuf> {
    // A lab PC with students opens on its export, the first thing a teacher does there.
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(c, "[data-testid=teacher-area][data-step=lab]").await?;
    wait_css(c, "[data-testid=machine]").await?;
    screenshot(c, "teacher-lab").await?;
    c.find(Locator::Css("[data-testid=machine]"))
        .await?
        .send_keys(label)
        .await?;
    let before = listing();
    c.find(Locator::Css("[data-testid=export-pc]"))
        .await?
        .click()
        .await?;
    new_download(&before, "json").await
}

pub async fn a_teacher_collects_two_lab_pcs_and_reports_coverage(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();

    // Lab PC 1: Linh passes a lesson, Nam only opens one.
    let pc1 = ctx.driver.session(1366, 768).await?;
    new_student(&pc1, &o, "Nguyễn Thị Linh", "10A1").await?;
    pc1.goto(&format!("{o}/lessons/dich-vu-cong-la-gi")).await?;
    wait_css(&pc1, "[data-testid=quiz]").await?;
    answer_all(&pc1, "dich-vu-cong-la-gi", true, Input::Mouse).await?;
    assert!(submit(&pc1, Input::Mouse).await?.0);
    pc1.find(Locator::Css("[data-testid=switch-student]"))
        .await?
        .click()
        .await?;
    wait_css(&pc1, "[data-testid=person]").await?;
    pc1.find(Locator::Css("[data-testid=create-open]"))
        .await?
        .click()
        .await?;
    crate::browser::fill_profile_form(&pc1, "Lê Văn Nam", "10A1").await?;
    crate::browser::wait_signed_in(&pc1, "Lê Văn Nam").await?;
    pc1.goto(&format!("{o}/lessons/vneid")).await?;
    wait_css(&pc1, "[data-testid=quiz]").await?;
    let file1 = export_pc(&pc1, &o, "Phòng máy 1 – Máy 01").await?;
    pc1.close().await?;

    // Lab PC 2: Uyên brings her completed record from home; Khoa opens a lesson.
    let pc2 = ctx.driver.session(1366, 768).await?;
    let record = crate::profiles::complete_record();
    let uyen = crate::profiles::write_temp(
        "teacher-uyen.json",
        &dvc_lab::transfer::export(
            dvc_lab::transfer::Kind::Student,
            "",
            "2026-11-29T08:00:00Z",
            std::slice::from_ref(&record),
        ),
    )?;
    pc2.goto(&format!("{o}/profiles")).await?;
    wait_css(&pc2, "[data-testid=import-file]").await?;
    crate::profiles::import_file(&pc2, &uyen).await?;
    new_student(&pc2, &o, "Trần Minh Khoa", "10A2").await?;
    pc2.goto(&format!("{o}/lessons/vneid")).await?;
    wait_css(&pc2, "[data-testid=quiz]").await?;
    let file2 = export_pc(&pc2, &o, "Phòng máy 1 – Máy 02").await?;
    pc2.close().await?;

    // The class list, as Excel's "Unicode text": UTF-16 LE with BOM, tab-separated, a title
    // row, Linh's name typed in NFD; Hà and An never started.
    let roster_text = "DANH SÁCH HỌC SINH\r\nSTT\tHọ và tên\tNgày sinh\tLớp\tMã học sinh\r\n\
        1\tNguye\u{302}\u{303}n Thi\u{323} Linh\t01/02/2010\t10A1\t\r\n\
        2\tLê Văn Nam\t03/04/2010\t10A1\t\r\n\
        3\tNguyễn Thị Phương Uyên\t05/06/2010\t10A1\t\r\n\
        4\tPhạm Thu Hà\t07/08/2010\t10A1\t\r\n\
        5\tTrần Minh Khoa\t09/10/2010\t10A2\t\r\n\
        6\tĐỗ An\t11/12/2010\t10A2\t\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in roster_text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let roster_path =
        std::env::temp_dir().join(format!("dvclab-roster-{}.txt", std::process::id()));
    std::fs::write(&roster_path, bytes)?;
    let broken = crate::profiles::write_temp(
        "teacher-broken.json",
        &std::fs::read_to_string(&file1)?[..200],
    )?;

    // The teacher's laptop.
    let c = ctx.driver.session(1366, 768).await?;
    // A laptop with nothing imported and no students opens on the import; the report says
    // where to start.
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=teacher-area][data-step=import]").await?;
    to_step(&c, "report").await?;
    wait_text(&c, "[data-testid=report-empty]", "Chưa có dữ liệu").await?;
    crate::browser::click(&c, "[data-testid=go-import]").await?;
    wait_css(&c, "[data-testid=teacher-area][data-step=import]").await?;
    c.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&roster_path.to_string_lossy())
        .await?;
    wait_text(
        &c,
        "[data-testid=roster-message]",
        "Đã thêm lớp 10A1 (4 học sinh). Đã thêm lớp 10A2 (2 học sinh). Đang có 2 lớp.",
    )
    .await?;
    let files = [
        file1.clone(),
        file2,
        file1,
        std::path::PathBuf::from(&broken),
    ]
    .iter()
    .map(|p| p.to_string_lossy().into_owned())
    .collect::<Vec<_>>()
    .join("\n");
    c.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(&files)
        .await?;
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=import-log] li').length === 4",
        20,
    )
    .await?;
    let log = c
        .find(Locator::Css("[data-testid=import-log]"))
        .await?
        .text()
        .await?;
    assert!(log.contains("2 học sinh mới"), "{log}");
    assert!(
        log.contains("0 học sinh mới, 0 được cập nhật, 2 không đổi"),
        "the same file twice changes nothing: {log}"
    );
    assert!(log.contains("teacher-broken.json: không nhập"), "{log}");
    crate::browser::click(&c, "[data-testid=see-report]").await?;
    wait_text(
        &c,
        "[data-testid=school-line]",
        "Toàn trường: 1/6 học sinh hoàn thành — 16%",
    )
    .await?;
    let classes = c
        .find(Locator::Css("[data-testid=class-table]"))
        .await?
        .text()
        .await?;
    assert!(classes.contains("10A1 4 1 2 1 25%"), "{classes}");
    assert!(classes.contains("10A2 2 0 1 1 0%"), "{classes}");
    let students = c
        .find(Locator::Css("[data-testid=student-table]"))
        .await?
        .text()
        .await?;
    assert!(
        students.contains("Phạm Thu Hà") && students.contains("Chưa bắt đầu"),
        "{students}"
    );
    assert!(
        !students.contains("không có trong danh sách"),
        "everyone matched, NFD included: {students}"
    );
    js(
        &c,
        "document.querySelector('[data-testid=dashboard]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-dashboard-1366").await?;
    js(
        &c,
        "document.querySelector('[data-testid=student-table]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-students-1366").await?;
    // The same dashboard in English: every label follows, the data stays.
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=dashboard]", "Whole school").await?;
    let english = c
        .find(Locator::Css("[data-testid=dashboard]"))
        .await?
        .text()
        .await?;
    assert!(
        !english.contains("Toàn trường") && !english.contains("học sinh hoàn thành"),
        "no Vietnamese labels left in the English dashboard: {english}"
    );
    js(
        &c,
        "document.querySelector('[data-testid=dashboard]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-dashboard-1366-en").await?;
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=dashboard]", "Toàn trường").await?;

    let problems =
        crate::a11y::audit(&c, &crate::a11y::axe_source()?, "/teacher (dashboard)").await?;
    assert!(problems.is_empty(), "axe: {problems:#?}");

    // A certificate code typed by hand, in lower case without the dash.
    let req = dvc_lab::progress::requirements();
    let code = record
        .certificate_code(&req.lessons, &req.walks)
        .ok_or("complete")?;
    c.find(Locator::Css("[data-testid=verify-code]"))
        .await?
        .send_keys(&code.to_lowercase().replace('-', ""))
        .await?;
    c.find(Locator::Css("[data-testid=verify-submit]"))
        .await?
        .click()
        .await?;
    wait_text(
        &c,
        "[data-testid=verify-result]",
        "Hợp lệ: Nguyễn Thị Phương Uyên",
    )
    .await?;

    // The class CSV: BOM, one row per roster student, correct Vietnamese.
    let before = listing();
    c.find(Locator::Css("[data-testid=csv-class]"))
        .await?
        .click()
        .await?;
    let csv_file = new_download(&before, "csv").await?;
    let raw = std::fs::read(&csv_file)?;
    assert!(raw.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM for Excel");
    let text = String::from_utf8(raw[3..].to_vec())?;
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 7, "header + 6 roster students: {text}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Phạm Thu Hà") && l.contains("Chưa bắt đầu")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Nguyễn Thị Phương Uyên") && l.contains(&code)),
        "{text}"
    );

    // xAPI statements that pass the spec's required-property checks (under "Nâng cao").
    crate::browser::click(&c, "[data-testid=advanced] summary").await?;
    let before = listing();
    c.find(Locator::Css("[data-testid=xapi]"))
        .await?
        .click()
        .await?;
    let xapi_file = new_download(&before, "json").await?;
    let stmts: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&xapi_file)?)?;
    let stmts = stmts.as_array().ok_or("a JSON array")?;
    assert!(stmts.len() > 10, "{}", stmts.len());
    for s in stmts {
        let problems = dvc_lab::teacher::xapi::validate(s);
        assert!(problems.is_empty(), "{problems:?} in {s}");
    }

    // Reload: the imported data is still there.
    c.refresh().await?;
    wait_text(&c, "[data-testid=school-line]", "1/6").await?;
    assert_no_console_errors(&c, "the teacher's report").await?;
    let printed = js(
        &c,
        "return !!document.querySelector('.report [data-testid=class-table]') && document.querySelectorAll('.report [data-testid=print-class]').length === 2",
    )
    .await?;
    assert_eq!(
        printed, true,
        "the class table and a printed list per class are in the printable report"
    );
    c.close().await?;

    // The same report on a phone fits the screen.
    let p = ctx.driver.session(360, 640).await?;
    p.goto(&format!("{o}/teacher")).await?;
    wait_css(&p, "[data-testid=import-progress]").await?;
    assert_fits_width(&p, "teacher area on a phone").await?;
    screenshot(&p, "teacher-import-360").await?;
    p.close().await?;
    Ok(())
}

/// Types into the field `css` (cleared first).
async fn type_into(c: &Client, css: &str, text: &str) -> Res {
    let field = c.find(Locator::Css(css)).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

pub async fn a_teacher_pin_keeps_students_out_of_the_teacher_area(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let c = ctx.driver.session(1366, 768).await?;
    // A student works on this PC: whatever happens to the PIN, her account stays.
    new_student(&c, &o, "Lê Thị Mai", "10A1").await?;
    open_step(&c, &o, "pin").await?;
    wait_css(&c, "[data-testid=teacher-pin-settings]").await?;

    // A PIN that is too short or typed differently twice is refused with its reason.
    type_into(&c, "[data-testid=new-teacher-pin]", "12").await?;
    type_into(&c, "[data-testid=new-teacher-pin-again]", "12").await?;
    c.find(Locator::Css("[data-testid=set-teacher-pin]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "4 đến 8 chữ số").await?;
    type_into(&c, "[data-testid=new-teacher-pin]", "2468").await?;
    type_into(&c, "[data-testid=new-teacher-pin-again]", "2486").await?;
    c.find(Locator::Css("[data-testid=set-teacher-pin]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "không giống nhau").await?;
    type_into(&c, "[data-testid=new-teacher-pin-again]", "2468").await?;
    c.find(Locator::Css("[data-testid=set-teacher-pin]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "Đã lưu mã PIN").await?;
    // The recovery code, shown once: 12 digits in groups of four.
    let shown = wait_text(&c, "[data-testid=recovery-shown]", "Mã khôi phục: ").await?;
    let code = recovery_code_in(&shown).ok_or(format!("a code in {shown:?}"))?;
    c.execute(
        "document.querySelector('[data-testid=teacher-pin-settings]').scrollIntoView()",
        vec![],
    )
    .await?;
    screenshot(&c, "teacher-pin-settings-desktop").await?;
    let stored = js(&c, "return Object.keys(localStorage).filter(k => k.includes('teacher-pin')).map(k => localStorage.getItem(k)).join(' ')").await?;
    let stored = stored.as_str().unwrap_or_default();
    assert!(
        stored.contains('$')
            && !stored.contains("2468")
            && !stored.contains(&code.replace('-', "")),
        "the PIN and its recovery code are stored hashed: {stored}"
    );

    // Leaving and coming back (as a student would) asks for the PIN; nothing else is shown.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=teacher-lock]").await?;
    let hidden = js(&c, "return !!document.querySelector('[data-testid=export-pc], [data-testid=export-all], [data-testid=teacher-pin-settings], [data-testid=teacher-steps]')").await?;
    assert_eq!(
        hidden.as_bool(),
        Some(false),
        "nothing of the teacher area behind the lock"
    );
    screenshot(&c, "teacher-lock-desktop").await?;
    type_into(&c, "[data-testid=teacher-pin]", "1111").await?;
    c.find(Locator::Css(
        "[data-testid=teacher-lock] button[type=submit]",
    ))
    .await?
    .click()
    .await?;
    wait_text(&c, "[data-testid=teacher-pin-error]", "không đúng").await?;
    type_into(&c, "[data-testid=teacher-pin]", "2468").await?;
    c.find(Locator::Css(
        "[data-testid=teacher-lock] button[type=submit]",
    ))
    .await?
    .click()
    .await?;
    // A PC with a student's account opens on its export.
    wait_css(&c, "[data-testid=teacher-area][data-step=lab]").await?;
    wait_css(&c, "[data-testid=export-pc]").await?;

    // The class list straight from Excel (.xlsx, written by another ZIP writer).
    to_step(&c, "import").await?;
    let xlsx =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/lop-10a1.xlsx");
    c.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&xlsx.to_string_lossy())
        .await?;
    wait_text(
        &c,
        "[data-testid=roster-message]",
        "Đã thêm lớp 10A1 (3 học sinh). Đang có 1 lớp.",
    )
    .await?;
    to_step(&c, "report").await?;
    wait_text(&c, "[data-testid=student-table]", "Phạm Thu Hà").await?;

    // "Quên mã PIN?" with the recovery code (typed with spaces): a new PIN, nothing lost.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=teacher-lock]").await?;
    crate::browser::click(&c, "[data-testid=pin-forgot]").await?;
    wait_css(&c, "[data-testid=pin-forgot-panel]").await?;
    type_into(&c, "[data-testid=recovery-code]", "1234 5678 9012").await?;
    type_into(&c, "[data-testid=recovery-pin]", "97531").await?;
    type_into(&c, "[data-testid=recovery-pin-again]", "97531").await?;
    crate::browser::click(&c, "[data-testid=recovery-submit]").await?;
    wait_text(
        &c,
        "[data-testid=pin-forgot-said]",
        "Mã khôi phục chưa đúng",
    )
    .await?;
    type_into(&c, "[data-testid=recovery-code]", &code.replace('-', " ")).await?;
    crate::browser::click(&c, "[data-testid=recovery-submit]").await?;
    let again = wait_text(
        &c,
        "[data-testid=pin-forgot-panel] [data-testid=recovery-shown]",
        "Mã khôi phục: ",
    )
    .await?;
    let code2 = recovery_code_in(&again).ok_or("a new code")?;
    assert_ne!(code, code2, "a new PIN comes with a new recovery code");
    screenshot(&c, "teacher-pin-recovered-desktop").await?;
    crate::browser::click(&c, "[data-testid=recovery-open]").await?;
    to_step(&c, "report").await?;
    wait_text(&c, "[data-testid=student-table]", "Phạm Thu Hà").await?;
    // The new PIN is the one asked.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=teacher-lock]").await?;
    type_into(&c, "[data-testid=teacher-pin]", "97531").await?;
    crate::browser::click(&c, "[data-testid=teacher-pin-open]").await?;
    wait_css(&c, "[data-testid=teacher-steps]").await?;

    // Without the code: the PIN goes together with the imported data; the student stays.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=teacher-lock]").await?;
    crate::browser::click(&c, "[data-testid=pin-forgot]").await?;
    wait_css(&c, "[data-testid=pin-reset]").await?;
    js(&c, "window.confirm = () => true; return 1").await?;
    crate::browser::click(&c, "[data-testid=pin-reset]").await?;
    wait_text(
        &c,
        "[data-testid=pin-forgot-said]",
        "Đã xoá mã PIN và dữ liệu đã nhập",
    )
    .await?;
    screenshot(&c, "teacher-pin-reset-desktop").await?;
    crate::browser::click(&c, "[data-testid=pin-reset-open]").await?;
    to_step(&c, "report").await?;
    wait_css(&c, "[data-testid=report-empty]").await?;
    let kept = js(&c, "return Object.keys(localStorage).some(k => k.startsWith('dvclab.v1.profile.') && localStorage.getItem(k).includes('Lê Thị Mai'))").await?;
    assert_eq!(kept.as_bool(), Some(true), "the student's account is kept");
    c.refresh().await?;
    wait_css(&c, "[data-testid=report-empty]").await?;

    // Removing the PIN opens the area again without one, also after a reload.
    to_step(&c, "pin").await?;
    type_into(&c, "[data-testid=new-teacher-pin]", "2468").await?;
    type_into(&c, "[data-testid=new-teacher-pin-again]", "2468").await?;
    crate::browser::click(&c, "[data-testid=set-teacher-pin]").await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "Đã lưu mã PIN").await?;
    c.find(Locator::Css("[data-testid=remove-teacher-pin]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=teacher-pin-message]", "Đã bỏ mã PIN").await?;
    c.refresh().await?;
    wait_css(&c, "[data-testid=teacher-pin-settings]").await?;
    assert_no_console_errors(&c, "teacher PIN").await?;
    c.close().await?;

    // On a phone the lock fits the screen.
    let phone = ctx.driver.session(360, 640).await?;
    open_step(&phone, &o, "pin").await?;
    wait_css(&phone, "[data-testid=teacher-pin-settings]").await?;
    type_into(&phone, "[data-testid=new-teacher-pin]", "13579").await?;
    type_into(&phone, "[data-testid=new-teacher-pin-again]", "13579").await?;
    phone
        .find(Locator::Css("[data-testid=set-teacher-pin]"))
        .await?
        .click()
        .await?;
    wait_text(&phone, "[data-testid=teacher-pin-message]", "Đã lưu").await?;
    phone.refresh().await?;
    wait_css(&phone, "[data-testid=teacher-lock]").await?;
    assert_fits_width(&phone, "teacher PIN on a phone").await?;
    screenshot(&phone, "teacher-lock-phone").await?;
    crate::browser::click(&phone, "[data-testid=pin-forgot]").await?;
    wait_css(&phone, "[data-testid=pin-forgot-panel]").await?;
    assert_fits_width(&phone, "the forgotten PIN on a phone").await?;
    screenshot(&phone, "teacher-pin-forgot-phone").await?;
    phone.close().await?;
    Ok(())
}

/// The recovery code ("1234-5678-9012") in a message.
fn recovery_code_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(13)).find_map(|i| {
        let s: String = chars[i..i + 14].iter().collect();
        let shape = s.char_indices().all(|(k, ch)| {
            if k == 4 || k == 9 {
                ch == '-'
            } else {
                ch.is_ascii_digit()
            }
        });
        shape.then_some(s)
    })
}

/// Passes one lesson's quiz as the signed-in student.
async fn pass_lesson(c: &Client, o: &str, lesson: &str) -> Res {
    c.goto(&format!("{o}/lessons/{lesson}")).await?;
    wait_css(c, "[data-testid=quiz]").await?;
    answer_all(c, lesson, true, Input::Mouse).await?;
    assert!(submit(c, Input::Mouse).await?.0, "{lesson} passed");
    Ok(())
}

/// Signs in a new student on this PC (the picker, or "Đổi người học" when someone is in).
async fn another_student(c: &Client, o: &str, name: &str, class: &str) -> Res {
    new_student(c, o, name, class).await
}

/// Issue "One student, many lab PCs": the same two students work on three lab PCs (a new
/// profile on each, as the app asks) and one of them at home; the teacher imports the PCs'
/// files, the home file and four class lists in different encodings, one after another.
/// Each student is one row with the union of their work, every class is there with its size
/// as the denominator, and the dashboard is the same after the teacher's browser restarts.
pub async fn one_student_on_many_pcs_is_counted_once(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    // PC 7: Nam passes lesson 1.
    let pc7 = ctx.driver.session(1366, 768).await?;
    another_student(&pc7, &o, "Lê Văn Nam", "10A1").await?;
    pass_lesson(&pc7, &o, "dich-vu-cong-la-gi").await?;
    let f7 = export_pc(&pc7, &o, "Máy 07").await?;
    pc7.close().await?;
    // PC 8, the next week: Nam again (new profile) passes lesson 3; Hà passes lesson 1.
    let pc8 = ctx.driver.session(1366, 768).await?;
    another_student(&pc8, &o, "Lê Văn Nam", "10A1").await?;
    pass_lesson(&pc8, &o, "vneid").await?;
    pc8.find(Locator::Css("[data-testid=switch-student]"))
        .await?
        .click()
        .await?;
    another_student(&pc8, &o, "Trần Thu Hà", "11A3").await?;
    pass_lesson(&pc8, &o, "dich-vu-cong-la-gi").await?;
    let f8 = export_pc(&pc8, &o, "Máy 08").await?;
    pc8.close().await?;
    // PC 9: Hà (typed in lower case) passes lesson 3.
    let pc9 = ctx.driver.session(1366, 768).await?;
    another_student(&pc9, &o, "trần thu hà", "11a3").await?;
    pass_lesson(&pc9, &o, "vneid").await?;
    let f9 = export_pc(&pc9, &o, "Máy 09").await?;
    pc9.close().await?;
    // At home on his phone: Nam passes lesson 2 and downloads his own file.
    let phone = ctx.driver.session(360, 640).await?;
    another_student(&phone, &o, "Lê Văn Nam", "10A1").await?;
    pass_lesson(&phone, &o, "co-so-phap-ly").await?;
    phone.goto(&format!("{o}/progress")).await?;
    wait_css(&phone, "[data-testid=download-own]").await?;
    let before = listing();
    phone
        .find(Locator::Css("[data-testid=download-own]"))
        .await?
        .click()
        .await?;
    let home = new_download(&before, "json").await?;
    phone.close().await?;

    // Four class lists, four encodings, one after another.
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let utf16 = |s: &str, be: bool| -> Vec<u8> {
        std::iter::once(0xFEFF_u16)
            .chain(s.encode_utf16())
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    };
    let lists: [(&str, Vec<u8>); 4] = [
        (
            "10a1.csv",
            "\u{feff}STT,Họ và tên,Lớp\r\n1,Lê Văn Nam,10A1\r\n2,Phạm Minh Tuấn,10A1\r\n3,Nguyễn Thị Phương Uyên,10A1\r\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "11a3.txt",
            utf16(
                "Họ và tên\tLớp\r\nTrần Thu Hà\t11A3\r\nĐỗ Mai\t11A3\r\nVõ Lan\t11A3\r\n",
                false,
            ),
        ),
        (
            "12a1.csv",
            "Họ và tên;Lớp;Mã học sinh\nNgô Bảo;12A1;HS9\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "10a2.csv",
            utf16("Họ và tên,Lớp\nLý Hoa,10A2\nMai Khôi,10A2\n", true),
        ),
    ];
    // Uyên finished the whole module in September (her own file).
    let uyen = crate::profiles::write_temp(
        "uyen-complete.json",
        &dvc_lab::transfer::export(
            dvc_lab::transfer::Kind::Student,
            "",
            "t",
            &[crate::profiles::complete_record()],
        ),
    )?;
    let teacher_profile = crate::browser::profile_dir()?;
    let t = ctx.driver.session_in(&teacher_profile, 1366, 768).await?;
    t.goto(&format!("{o}/teacher")).await?;
    wait_css(&t, "[data-testid=import-progress]").await?;
    let files = [f7, f8, f9, home, std::path::PathBuf::from(&uyen)]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    t.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(&files)
        .await?;
    wait_js(
        &t,
        "document.querySelectorAll('[data-testid=import-log] li').length === 5",
        20,
    )
    .await?;
    for (i, (name, bytes)) in lists.iter().enumerate() {
        let path = dir.join(name);
        std::fs::write(&path, bytes)?;
        t.find(Locator::Css("[data-testid=import-roster]"))
            .await?
            .send_keys(&path.to_string_lossy())
            .await?;
        let said = wait_text(
            &t,
            "[data-testid=roster-message]",
            &format!("Đang có {} lớp", i + 1),
        )
        .await?;
        assert!(said.contains("Đã thêm lớp"), "{name}: {said}");
    }
    let check = |t: &Client| {
        let t = t.clone();
        async move {
            let school = wait_text(
                &t,
                "[data-testid=school-line]",
                "Toàn trường: 1/9 học sinh hoàn thành",
            )
            .await?;
            let classes = t
                .find(Locator::Css("[data-testid=class-table]"))
                .await?
                .text()
                .await?;
            for line in [
                "10A1 3 1 1 1 33%",
                "10A2 2 0 0 2",
                "11A3 3 0 1 2",
                "12A1 1 0 0 1",
                "Toàn trường 9 1 2 6 11%",
            ] {
                assert!(classes.contains(line), "{line} in {classes} ({school})");
            }
            let students = t
                .find(Locator::Css("[data-testid=student-table]"))
                .await?
                .text()
                .await?;
            assert_eq!(students.matches("Lê Văn Nam").count(), 1, "{students}");
            assert_eq!(students.matches("Trần Thu Hà").count(), 1, "{students}");
            assert!(
                !students.contains("trần thu hà"),
                "one row per student: {students}"
            );
            assert!(!students.contains("không có trong danh sách"), "{students}");
            let rows = js(
                &t,
                "return [...document.querySelectorAll('[data-testid=student-table] tbody tr')].map(r => r.innerText)",
            )
            .await?;
            let rows: Vec<String> = serde_json::from_value(rows)?;
            let nam = rows
                .iter()
                .find(|r| r.contains("Lê Văn Nam"))
                .ok_or("Nam's row")?;
            assert!(
                nam.contains("\t3\t"),
                "three lessons over three places: {nam}"
            );
            let ha = rows
                .iter()
                .find(|r| r.contains("Trần Thu Hà"))
                .ok_or("Hà's row")?;
            assert!(ha.contains("\t2\t"), "two lessons over two PCs: {ha}");
            Res::Ok(())
        }
    };
    js(
        &t,
        "document.querySelector('[data-testid=class-lists]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&t, "teacher-many-pcs-lists-1366").await?;
    to_step(&t, "report").await?;
    check(&t).await?;
    for (part, shot) in [
        ("class-table", "teacher-many-pcs-classes-1366"),
        ("by-month", "teacher-many-pcs-months-1366"),
        ("student-table", "teacher-many-pcs-students-1366"),
    ] {
        js(
            &t,
            &format!("document.querySelector('[data-testid={part}]').scrollIntoView(); return 1"),
        )
        .await?;
        screenshot(&t, shot).await?;
    }
    // Completed by month, toward the 80% line.
    let months = wait_text(&t, "[data-testid=by-month]", "09/2026").await?;
    assert!(
        months.contains("1 (11%)") && months.contains("1 (33%)"),
        "{months}"
    );
    // The report as of the end of August: nobody had finished, nobody had started.
    js(
        &t,
        "const i = document.querySelector('[data-testid=as-of]'); i.value = '2026-08-31'; \
         i.dispatchEvent(new Event('change', { bubbles: true })); return 1",
    )
    .await?;
    wait_text(
        &t,
        "[data-testid=school-line]",
        "Toàn trường: 0/9 học sinh hoàn thành",
    )
    .await?;
    js(
        &t,
        "const i = document.querySelector('[data-testid=as-of]'); i.value = ''; \
         i.dispatchEvent(new Event('change', { bubbles: true })); return 1",
    )
    .await?;
    wait_text(&t, "[data-testid=school-line]", "1/9").await?;
    // The teacher closes the browser; the next day, the same computer.
    t.close().await?;
    let t = ctx.driver.session_in(&teacher_profile, 1366, 768).await?;
    // With data kept, the area opens on the report.
    t.goto(&format!("{o}/teacher")).await?;
    wait_css(&t, "[data-testid=teacher-area][data-step=report]").await?;
    check(&t).await?;
    to_step(&t, "import").await?;
    let lists = wait_text(&t, "[data-testid=class-lists]", "11A3").await?;
    assert!(lists.contains("Lớp 11A3: sĩ số 3"), "{lists}");
    to_step(&t, "report").await?;
    assert_no_console_errors(&t, "the teacher with four classes").await?;
    // On paper, within the page budget: the cover, then each of the four classes on its own
    // page (none of them needs a second), then the lessons' pass rates.
    wait_css(&t, "[data-testid=print-class]").await?;
    let pdf = print_a4(&t).await?;
    let pages = pdf_pages(&pdf);
    assert!(
        (5..=7).contains(&pages),
        "cover + 4 classes (+ insights): {pages} pages"
    );
    for class in ["10A1", "10A2", "11A3", "12A1"] {
        only_part(&t, Some(class)).await?;
        let one = pdf_pages(&print_a4(&t).await?);
        assert_eq!(one, 1, "class {class} on one page, not {one}");
    }
    t.close().await?;
    Ok(())
}

/// The 40 students of 11A3 on the class list, in its order: some with long names, the kind
/// that wrap on paper.
const CLASS_11A3: [&str; 40] = [
    "Nguyễn Văn An",
    "Trần Thị Bích Ngọc",
    "Lê Hoàng Bảo",
    "Phạm Minh Châu",
    "Hoàng Thị Diệu Linh",
    "Vũ Đức Duy",
    "Võ Thị Thu Hà",
    "Đặng Quốc Huy",
    "Bùi Thị Ngọc Hân",
    "Đỗ Trung Hiếu",
    "Hồ Thị Thanh Hương",
    "Ngô Gia Khánh",
    "Dương Thị Mỹ Lệ",
    "Lý Công Minh",
    "Mai Phương Nga",
    "Trịnh Hữu Nghĩa",
    "Đinh Thị Hồng Nhung",
    "Lâm Tấn Phát",
    "Phan Thị Kim Phượng",
    "Tạ Quang Sáng",
    "Cao Thị Thanh Tâm",
    "Lương Văn Thắng",
    "Châu Ngọc Thảo",
    "Tôn Nữ Minh Thư",
    "Huỳnh Văn Tiến",
    "Quách Thị Trang",
    "Kiều Anh Tuấn",
    "Hà Thị Tuyết",
    "Triệu Minh Vũ",
    "Thái Thị Xuân",
    "Nguyễn Hoàng Bảo Ngọc Trâm Anh",
    "Trần Lê Phương Uyên",
    "Công Tằng Tôn Nữ Thị Ngọc Diễm",
    "Âu Dương Khải",
    "Phùng Thị Yến",
    "La Văn Khoa",
    "Mạc Thị Lan",
    "Đoàn Nhật Nam",
    "Giang Thị Oanh",
    "Ông Văn Phúc",
];

/// A record of `name` in `class`: the whole module when `complete`, else the first required
/// lesson only.
pub(crate) fn student_record(
    id: &str,
    name: &str,
    class: &str,
    complete: bool,
) -> dvc_lab::progress::Record {
    let mut r = crate::profiles::complete_record();
    r.student.id = id.into();
    r.student.name = name.into();
    r.student.class = class.into();
    if !complete {
        let first = dvc_lab::progress::requirements().lessons[0];
        r.lessons.retain(|lesson, _| lesson == first);
        r.walks.clear();
    }
    r
}

/// Pages of a PDF: its `/Type /Page` objects (the page tree's `/Type /Pages` nodes are not pages).
pub(crate) fn pdf_pages(pdf: &[u8]) -> usize {
    [&b"/Type /Page"[..], &b"/Type/Page"[..]]
        .iter()
        .map(|needle| {
            pdf.windows(needle.len() + 1)
                .filter(|w| w.starts_with(needle) && !w[needle.len()].is_ascii_alphanumeric())
                .count()
        })
        .sum()
}

/// The first page's size in points, from its `/MediaBox [0 0 w h]`.
pub(crate) fn pdf_page_size(pdf: &[u8]) -> Option<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    let rest = &text[text.find("/MediaBox")?..];
    let inside = &rest[rest.find('[')? + 1..rest.find(']')?];
    let n: Vec<f64> = inside
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
}

/// Prints the page as Chromium would on A4 paper (WebDriver "Print Page") and returns the PDF.
pub(crate) async fn print_a4(c: &Client) -> Res<Vec<u8>> {
    use fantoccini::wd::{PrintConfiguration, PrintSize};
    let settings = PrintConfiguration::builder()
        .size(PrintSize::A4)
        .background(true)
        .build()
        .map_err(|e| format!("print settings: {e:?}"))?;
    Ok(c.print(settings).await?)
}

/// The printed report's parts, each starting a page: the cover, each class, the students on
/// no list, the lessons.
const PRINT_PARTS: &str = "[data-testid=report-cover], [data-testid=print-class], \
    [data-testid=print-apart], [data-testid=report-insights]";

/// Leaves only the printed part `part` (a class name or a part's test id) on the page, or every
/// part again with `None`. The part left alone loses its page break: what is counted is its own
/// pages, not a blank one a break before it might leave.
async fn only_part(c: &Client, part: Option<&str>) -> Res {
    c.execute(
        &format!(
            "const want = arguments[0]; \
             for (const e of document.querySelectorAll('{PRINT_PARTS}')) {{ \
               const key = e.dataset.class || e.dataset.testid; \
               e.style.removeProperty('display'); e.style.removeProperty('break-before'); \
               if (want !== null && key !== want) e.style.setProperty('display', 'none', 'important'); \
               if (want !== null && key === want) e.style.setProperty('break-before', 'auto', 'important'); \
             }}"
        ),
        vec![part.map_or(serde_json::Value::Null, |p| p.into())],
    )
    .await?;
    Ok(())
}

/// Issue 15, "a printed report a school can file": a class of 40 and a class of 3, progress
/// from two lab PCs and a student's own file, one student on no list. On paper: a cover with the
/// school, the day it is read as of and each class against 80% and 100% ending with "Toàn
/// trường"; then each class on its own pages with the header row repeated, status words on one
/// line, nothing of the app around it; the class of 40 on at most 2 A4 pages.
pub async fn the_printed_report_files_a_cover_and_each_class_on_its_own_pages(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    // The class lists: 11A3 (40, with student codes) from Excel's CSV UTF-8, 10A2 (3) with `;`.
    let mut list = String::from("\u{feff}STT,Họ và tên,Lớp,Mã học sinh\r\n");
    for (i, name) in CLASS_11A3.iter().enumerate() {
        list.push_str(&format!("{},{name},11A3,HS{:03}\r\n", i + 1, i + 1));
    }
    let list_a = dir.join("11a3.csv");
    std::fs::write(&list_a, list)?;
    let list_b = dir.join("10a2.csv");
    std::fs::write(
        &list_b,
        "Họ và tên;Lớp\nLý Hoa;10A2\nMai Khôi;10A2\nĐinh Quang Vinh;10A2\n",
    )?;

    // 11A3: every third student completed the module, the next one started, the third did
    // nothing; half of them typed their code. 10A2: Lý Hoa finished at home, Mai Khôi started.
    // Hồ Xuân Hương is on no list.
    let mut pc_a = Vec::new();
    for (i, name) in CLASS_11A3.iter().enumerate() {
        if i % 3 == 2 {
            continue;
        }
        let mut r = student_record(&format!("e2e-11a3-{i:02}"), name, "11A3", i % 3 == 0);
        if i % 2 == 0 {
            r.student.code = format!("HS{:03}", i + 1);
        }
        pc_a.push(r);
    }
    let kind = dvc_lab::transfer::Kind::Pc;
    let at = "2026-11-29T08:00:00Z";
    let file_a = crate::profiles::write_temp(
        "print-pc-a.json",
        &dvc_lab::transfer::export(kind, "Phòng máy 1 – Máy 03", at, &pc_a),
    )?;
    let file_b = crate::profiles::write_temp(
        "print-pc-b.json",
        &dvc_lab::transfer::export(
            kind,
            "Phòng máy 1 – Máy 04",
            at,
            &[
                student_record("e2e-10a2-khoi", "Mai Khôi", "10A2", false),
                student_record("e2e-xuan", "Hồ Xuân Hương", "11A3", false),
            ],
        ),
    )?;
    let own = crate::profiles::write_temp(
        "print-ly-hoa.json",
        &dvc_lab::transfer::export(
            dvc_lab::transfer::Kind::Student,
            "",
            at,
            &[student_record("e2e-10a2-hoa", "Lý Hoa", "10A2", true)],
        ),
    )?;

    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=import-roster]").await?;
    c.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&format!(
            "{}\n{}",
            list_a.to_string_lossy(),
            list_b.to_string_lossy()
        ))
        .await?;
    wait_text(&c, "[data-testid=roster-message]", "Đang có 2 lớp").await?;
    c.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(&[file_a, file_b, own].join("\n"))
        .await?;
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=import-log] li').length === 3",
        20,
    )
    .await?;
    to_step(&c, "report").await?;
    // 14 of 40 and 1 of 3 completed; 80% of 40 is 32 and of 43 is 34.4, so 35.
    wait_text(
        &c,
        "[data-testid=school-line]",
        "Toàn trường: 15/43 học sinh hoàn thành — 34%",
    )
    .await?;
    let classes = c
        .find(Locator::Css("[data-testid=class-table]"))
        .await?
        .text()
        .await?;
    for line in [
        "11A3 40 14 13 13 35% Chưa đạt (thiếu 18 HS) Chưa đạt (thiếu 26 HS)",
        "10A2 3 1 1 1 33% Chưa đạt (thiếu 2 HS) Chưa đạt (thiếu 2 HS)",
        "Toàn trường 43 15 14 14 34% Chưa đạt (thiếu 20 HS) Chưa đạt (thiếu 28 HS)",
    ] {
        assert!(classes.contains(line), "{line} in {classes}");
    }
    assert!(!classes.contains('Σ'), "{classes}");
    let wrapped = js(
        &c,
        "const lines = e => { const r = document.createRange(); r.selectNodeContents(e); \
           return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }; \
         return [...document.querySelectorAll('[data-testid=class-table] th, [data-testid=class-table] .goal')] \
           .filter(e => lines(e) > 1).map(e => e.textContent)",
    )
    .await?;
    assert_eq!(
        wrapped.to_string(),
        "[]",
        "on screen, the class table's headings, classes and target words are each on one line"
    );
    js(
        &c,
        "document.querySelector('[data-testid=dashboard]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-print-dashboard-1366").await?;
    js(
        &c,
        "document.querySelector('[data-testid=class-table]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-print-classes-1366").await?;
    c.set_window_size(360, 640).await?;
    assert_fits_width(&c, "the teacher's dashboard with two classes on a phone").await?;
    js(
        &c,
        "document.querySelector('[data-testid=dashboard]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-print-dashboard-360").await?;

    // The page as it prints, as wide as A4 paper's text (21 cm less 2 × 14 mm: 688 px) or a
    // little narrower (the window's scroll bar).
    c.set_window_size(700, 1000).await?;
    emulate_media(&c, "print").await?;
    let shown = js(
        &c,
        "const cs = e => getComputedStyle(e); \
         const lines = e => { const r = document.createRange(); r.selectNodeContents(e); \
           return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }; \
         const classes = [...document.querySelectorAll('[data-testid=print-class]')]; \
         const statuses = [...document.querySelectorAll('[data-testid=print-class] [data-testid=print-status]')]; \
         const words = [...statuses, ...document.querySelectorAll('[data-testid=class-table] td:not(.goal-cell), .report .goal')]; \
         return { \
           classes: classes.map(s => [s.dataset.class, s.querySelectorAll('tbody tr').length, cs(s).breakBefore]), \
           statuses: statuses.map(e => e.textContent), \
           nowrap: statuses.every(e => cs(e).whiteSpace === 'nowrap'), \
           wrapped: words.filter(e => lines(e) > 1).map(e => e.textContent), \
           heads: [...document.querySelectorAll('.print-table thead')].map(h => cs(h).display), \
           rows: [...document.querySelectorAll('.print-table tbody tr')].every(r => cs(r).breakInside === 'avoid'), \
           font: cs(document.querySelector('.print-table')).fontSize, \
           school: document.querySelector('[data-testid=print-school]').textContent, \
           header: cs(document.querySelector('.site-header')).display, \
           footer: cs(document.querySelector('.site-footer')).display, \
           controls: [...document.querySelectorAll('button, input, select')].filter(e => e.getClientRects().length > 0).length, \
           chart: document.querySelector('[data-testid=class-chart]').getClientRects().length, \
           text: document.body.innerText, \
           width: document.documentElement.clientWidth, \
           wider: [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1) \
             .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`), \
         };",
    )
    .await?;
    screenshot(&c, "teacher-print-emulated").await?;
    // Wider than the paper, the browser would shrink every page to fit, and the counts below
    // would hold only by accident.
    assert!(
        shown["width"].as_i64().is_some_and(|w| w <= 688),
        "{}",
        shown["width"]
    );
    assert_eq!(
        shown["wider"].to_string(),
        "[]",
        "nothing on paper is wider than A4's text ({} px)",
        shown["width"]
    );
    let classes = shown["classes"].to_string();
    assert_eq!(
        classes, r#"[["10A2",3,"page"],["11A3",40,"page"]]"#,
        "each class on its own pages, all its students"
    );
    let statuses: Vec<String> = serde_json::from_value(shown["statuses"].clone())?;
    assert_eq!(
        statuses.iter().filter(|s| *s == "Hoàn thành").count(),
        15,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| *s == "Chưa bắt đầu").count(),
        14,
        "{statuses:?}"
    );
    assert_eq!(shown["nowrap"], true, "status words do not wrap");
    assert_eq!(
        shown["wrapped"].to_string(),
        "[]",
        "no status or target words over two lines"
    );
    let heads: Vec<String> = serde_json::from_value(shown["heads"].clone())?;
    assert!(
        heads.len() == 3 && heads.iter().all(|h| h == "table-header-group"),
        "every printed class list repeats its header row on each page: {heads:?}"
    );
    assert_eq!(
        shown["rows"], true,
        "no printed row is cut across two pages"
    );
    assert_eq!(shown["font"], "13.3333px", "tables print at 10pt");
    assert_eq!(shown["school"], "THPT Trần Liễu");
    assert_eq!(shown["header"], "none", "the app's header does not print");
    assert_eq!(shown["footer"], "none", "the app's footer does not print");
    assert_eq!(shown["controls"], 0, "no button or field on paper");
    assert_eq!(shown["chart"], 0, "the bar chart does not print");
    let text = shown["text"].as_str().unwrap_or_default();
    for words in [
        "Toàn trường",
        "đến ngày",
        "Đạt 80%?",
        "Lớp 11A3",
        "Ngoài ra có 1 học sinh",
        "Hồ Xuân Hương",
        "Người lập báo cáo",
        "(Ký, ghi rõ họ tên)",
    ] {
        assert!(text.contains(words), "{words:?} on paper: {text}");
    }
    for words in [
        "Σ",
        "Chọn tệp",
        "In báo cáo",
        "Xuất tiến độ",
        "Mã PIN",
        "Tìm theo tên",
    ] {
        assert!(!text.contains(words), "{words:?} is not on paper: {text}");
    }
    emulate_media(&c, "").await?;

    // The PDF, on A4: the whole report, then each part alone (each starts a page, so the parts'
    // pages add up to the whole).
    let pdf = print_a4(&c).await?;
    let artifacts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/artifacts");
    std::fs::create_dir_all(&artifacts)?;
    std::fs::write(artifacts.join("teacher-report.pdf"), &pdf)?;
    let (w, h) = pdf_page_size(&pdf).ok_or("a page size in the PDF")?;
    assert!(
        (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0,
        "A4 is 595 × 842 pt: {w} × {h}"
    );
    let total = pdf_pages(&pdf);
    let mut parts = Vec::new();
    for part in [
        "report-cover",
        "11A3",
        "10A2",
        "print-apart",
        "report-insights",
    ] {
        only_part(&c, Some(part)).await?;
        let alone = print_a4(&c).await?;
        std::fs::write(artifacts.join(format!("teacher-report-{part}.pdf")), &alone)?;
        parts.push((part, pdf_pages(&alone)));
    }
    only_part(&c, None).await?;
    println!("    printed report: {total} A4 pages; alone: {parts:?}");
    let pages = |p: &str| parts.iter().find(|(n, _)| *n == p).map_or(0, |(_, n)| *n);
    assert_eq!(pages("report-cover"), 1, "the cover is one page");
    assert!(
        (1..=2).contains(&pages("11A3")),
        "a class of 40 prints on at most 2 A4 pages: {parts:?}"
    );
    assert_eq!(pages("10A2"), 1, "{parts:?}");
    assert_eq!(pages("print-apart"), 1, "{parts:?}");
    assert_eq!(
        total,
        parts.iter().map(|(_, n)| n).sum::<usize>(),
        "every part starts a new page: {parts:?}"
    );
    // The same paper in English: every printed word follows.
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=dashboard]", "Whole school").await?;
    emulate_media(&c, "print").await?;
    let english = js(&c, "return document.body.innerText").await?;
    let english = english.as_str().unwrap_or_default();
    for words in [
        "Whole school",
        "as of",
        "Reached 80%?",
        "No (20 to go)",
        "Class 11A3",
        "Prepared by",
    ] {
        assert!(
            english.contains(words),
            "{words:?} on English paper: {english}"
        );
    }
    for words in ["Toàn trường", "Chưa đạt", "đến ngày", "Người lập"] {
        assert!(
            !english.contains(words),
            "{words:?} on English paper: {english}"
        );
    }
    emulate_media(&c, "").await?;
    assert_no_console_errors(&c, "the printed report").await?;
    c.close().await?;
    Ok(())
}
