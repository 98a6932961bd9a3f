//! Issue "The ward's report": two schools' teachers (two browser profiles, each with the files
//! of two lab PCs and their class lists) export their school summaries; a third browser, the
//! ward's, imports them and a class progress file (refused: it holds names), shows each school
//! and the ward against 80% / 100%, keeps them across a browser restart, settles a conflict,
//! takes a newer summary in place of the older, prints on A4 and downloads the CSV.
//!
//! The lab PCs' files are written with the app's own export (`dvc_lab::transfer`), exactly
//! what a lab PC's "Xuất tiến độ của máy này" writes (the teacher tests export real PCs).

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, js, listing, new_download, screenshot,
    wait_css, wait_js, wait_text,
};
use crate::server::StaticServer;
use dvc_lab::progress::Record;
use dvc_lab::transfer::{Kind, export};
use fantoccini::{Client, Locator};

/// 2026-09-20 and 2026-11-10 (Vietnam), when the students below completed.
const SEPTEMBER: i64 = 1_789_900_000;
const NOVEMBER: i64 = 1_794_300_000;

/// Writes the summaries of a city district's `schools` schools (35 classes of 40 each,
/// completions spread over September–December 2026) and returns their paths.
pub(crate) fn district_summaries(tag: &str, schools: usize) -> Res<Vec<String>> {
    use dvc_lab::teacher::summary::{ClassFigures, SchoolSummary, seal};
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let mut paths = Vec::new();
    for s in 0..schools {
        let mut classes: Vec<ClassFigures> = (0..35)
            .map(|k| {
                let done = (s * 7 + k * 3) % 41;
                let steps = [done / 4, done / 2, done * 3 / 4, done];
                ClassFigures {
                    class: format!("{}A{:02}", 10 + k % 3, k),
                    students: 40,
                    completed: done,
                    in_progress: (40 - done) / 2,
                    not_started: 40 - done - (40 - done) / 2,
                    by_month: ["2026-09", "2026-10", "2026-11", "2026-12"]
                        .iter()
                        .zip(steps)
                        .map(|(m, n)| ((*m).to_string(), n))
                        .collect(),
                    survey: Default::default(),
                }
            })
            .collect();
        classes.sort_by(|a, b| a.class.cmp(&b.class));
        let summary = SchoolSummary {
            school: format!("Trường THPT số {}", s + 1),
            as_of: "2026-12-31".into(),
            class_lists: true,
            classes,
            unlisted: s % 4,
        };
        let path = dir.join(format!("truong-{s:02}.json"));
        std::fs::write(&path, seal(&summary, "2026-12-31T17:00:00+07:00"))?;
        paths.push(path.to_string_lossy().into_owned());
    }
    Ok(paths)
}

/// A student of `school`: complete (at `at`) or with one lesson only.
fn student(id: &str, name: &str, class: &str, school: &str, at: Option<i64>) -> Record {
    let mut r = crate::profiles::complete_record_at(at.unwrap_or(SEPTEMBER));
    r.student.id = id.into();
    r.student.name = name.into();
    r.student.class = class.into();
    r.student.school = school.into();
    if at.is_none() {
        let first = dvc_lab::progress::requirements().lessons[0];
        r.lessons.retain(|lesson, _| lesson == first);
        r.walks.clear();
    }
    r
}

fn pc_file(name: &str, machine: &str, records: &[Record]) -> Res<String> {
    crate::profiles::write_temp(
        name,
        &export(Kind::Pc, machine, "2026-12-01T08:00:00+07:00", records),
    )
}

/// The teacher area of `c`: imports `files` (newline-separated), waits for their lines.
async fn teacher_imports(c: &Client, files: &str, lines: usize) -> Res {
    c.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(files)
        .await?;
    wait_js(
        c,
        &format!("document.querySelectorAll('[data-testid=import-log] li').length === {lines}"),
        30,
    )
    .await
}

/// Sets the report's "as of" day (`yyyy-mm-dd`, empty: today) as a teacher picking it would.
async fn as_of(c: &Client, day: &str) -> Res {
    c.execute(
        "const e = document.querySelector('[data-testid=as-of]'); e.value = arguments[0]; \
         e.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![day.into()],
    )
    .await?;
    Ok(())
}

/// Presses "Xuất báo cáo tổng hợp của trường" and returns the file downloaded.
async fn export_summary(c: &Client) -> Res<std::path::PathBuf> {
    let before = listing();
    c.find(Locator::Css("[data-testid=ward-export]"))
        .await?
        .click()
        .await?;
    let file = new_download(&before, "json").await?;
    wait_text(
        c,
        "[data-testid=ward-export-message]",
        "Hãy gửi tệp này cho phường",
    )
    .await?;
    Ok(file)
}

/// The ward page's table as (school, share) per row, in order.
async fn rows(c: &Client) -> Res<Vec<(String, String)>> {
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=ward-school-row]')].map(r => \
         [r.dataset.school, r.querySelector('[data-testid=ward-school-share]').textContent])",
    )
    .await?;
    Ok(serde_json::from_value(v)?)
}

async fn ward_imports(c: &Client, files: &[&std::path::Path], lines: usize) -> Res<Vec<String>> {
    let paths = files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    c.find(Locator::Css("[data-testid=ward-import]"))
        .await?
        .send_keys(&paths)
        .await?;
    wait_js(
        c,
        &format!("document.querySelectorAll('[data-testid=ward-log] li').length === {lines}"),
        30,
    )
    .await?;
    let v = js(
        c,
        "return [...document.querySelectorAll('[data-testid=ward-log] li')].map(l => l.textContent)",
    )
    .await?;
    Ok(serde_json::from_value(v)?)
}

pub async fn two_schools_send_their_summaries_and_the_ward_reports_against_the_targets(
    ctx: &Ctx,
) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-ward-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;

    // School A, THPT Nguyễn Du: 10A1 (5) and 10A2 (5). PC 1: four of 10A1 complete (two in
    // September, two in November). PC 2: An again (a new profile: counted once), 10A2's Bình
    // complete, Chi started. 5 of 10 = 50%.
    let a = "THPT Nguyễn Du";
    let pc_a1 = pc_file(
        "a-pc1.json",
        "A – Máy 01",
        &[
            student("a1", "Lê Văn An", "10A1", a, Some(SEPTEMBER)),
            student("a2", "Phạm Thu Trang", "10A1", a, Some(SEPTEMBER)),
            student("a3", "Đỗ Minh Khoa", "10A1", a, Some(NOVEMBER)),
            student("a4", "Vũ Thị Mai", "10A1", a, Some(NOVEMBER)),
        ],
    )?;
    let pc_a2 = pc_file(
        "a-pc2.json",
        "A – Máy 02",
        &[
            student("a1-pc2", "Lê Văn An", "10A1", a, Some(NOVEMBER)),
            student("a6", "Ngô Thanh Bình", "10A2", a, Some(NOVEMBER)),
            student("a7", "Hồ Bảo Chi", "10A2", a, None),
        ],
    )?;
    let list_a = dir.join("truong-a.csv");
    std::fs::write(
        &list_a,
        "\u{feff}STT,Họ và tên,Lớp\r\n1,Lê Văn An,10A1\r\n2,Phạm Thu Trang,10A1\r\n3,Đỗ Minh Khoa,10A1\r\n\
         4,Vũ Thị Mai,10A1\r\n5,Trịnh Quốc Huy,10A1\r\n6,Ngô Thanh Bình,10A2\r\n7,Hồ Bảo Chi,10A2\r\n\
         8,Lâm Gia Hân,10A2\r\n9,Tạ Đức Long,10A2\r\n10,Cao Ngọc Ánh,10A2\r\n",
    )?;
    // School B, THPT Lê Lợi: 11B1 (4), all complete over two PCs: 100%.
    let b = "THPT Lê Lợi";
    let pc_b1 = pc_file(
        "b-pc1.json",
        "B – Máy 01",
        &[
            student("b1", "Kiều Anh Thư", "11B1", b, Some(SEPTEMBER)),
            student("b2", "Lý Văn Phúc", "11B1", b, Some(SEPTEMBER)),
        ],
    )?;
    let pc_b2 = pc_file(
        "b-pc2.json",
        "B – Máy 02",
        &[
            student("b3", "Mạc Thị Yến", "11B1", b, Some(NOVEMBER)),
            student("b4", "Quách Tuấn Kiệt", "11B1", b, Some(NOVEMBER)),
        ],
    )?;
    let list_b = dir.join("truong-b.csv");
    std::fs::write(
        &list_b,
        "Họ và tên;Lớp\nKiều Anh Thư;11B1\nLý Văn Phúc;11B1\nMạc Thị Yến;11B1\nQuách Tuấn Kiệt;11B1\n",
    )?;

    // Teacher A: the two PCs and the class list; a summary as of 31/10/2026 first, then today's.
    let ta = ctx
        .driver
        .session_in(&crate::browser::profile_dir()?, 1366, 768)
        .await?;
    ta.goto(&format!("{o}/teacher")).await?;
    wait_css(&ta, "[data-testid=import-progress]").await?;
    teacher_imports(&ta, &format!("{pc_a1}\n{pc_a2}"), 2).await?;
    ta.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&list_a.to_string_lossy())
        .await?;
    wait_text(&ta, "[data-testid=roster-message]", "Đang có 2 lớp").await?;
    crate::teacher::to_step(&ta, "report").await?;
    wait_css(&ta, "[data-testid=ward-summary]").await?;
    let school = js(
        &ta,
        "return document.querySelector('[data-testid=ward-school]').value",
    )
    .await?;
    assert_eq!(
        school, a,
        "the school's name comes from the students' records"
    );
    as_of(&ta, "2026-10-31").await?;
    let a_october = export_summary(&ta).await?;
    as_of(&ta, "").await?;
    let a_today = export_summary(&ta).await?;
    screenshot(&ta, "ward-teacher-export-1366").await?;
    // What leaves the school: counts only.
    let text = std::fs::read_to_string(&a_today)?;
    for secret in [
        "Lê Văn An",
        "Ngô Thanh Bình",
        "Hồ Bảo Chi",
        "a1-pc2",
        "Trịnh Quốc Huy",
    ] {
        assert!(!text.contains(secret), "{secret} is in the school summary");
    }
    assert!(text.contains("THPT Nguyễn Du") && text.contains("10A2"));

    // Teacher B, on another laptop.
    let tb = ctx
        .driver
        .session_in(&crate::browser::profile_dir()?, 1366, 768)
        .await?;
    tb.goto(&format!("{o}/teacher")).await?;
    wait_css(&tb, "[data-testid=import-progress]").await?;
    teacher_imports(&tb, &format!("{pc_b1}\n{pc_b2}"), 2).await?;
    tb.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&list_b.to_string_lossy())
        .await?;
    wait_text(&tb, "[data-testid=roster-message]", "Đang có 1 lớp").await?;
    crate::teacher::to_step(&tb, "report").await?;
    let b_today = export_summary(&tb).await?;
    tb.close().await?;

    // The ward: A's October summary, B's, and a class progress file by mistake.
    let ward_profile = crate::browser::profile_dir()?;
    let w = ctx.driver.session_in(&ward_profile, 1366, 768).await?;
    w.goto(&format!("{o}/ward")).await?;
    wait_css(&w, "[data-testid=ward-empty]").await?;
    let pc_path = std::path::PathBuf::from(&pc_a1);
    let log = ward_imports(&w, &[&a_october, &b_today, &pc_path], 3).await?;
    assert!(
        log[0].contains("đã thêm THPT Nguyễn Du") && log[0].contains("31/10/2026"),
        "{log:?}"
    );
    assert!(log[1].contains("đã thêm THPT Lê Lợi"), "{log:?}");
    assert!(
        log[2].contains("a-pc1.json")
            && log[2].contains("có tên học sinh")
            && log[2].contains("Không có gì bị thay đổi"),
        "{log:?}"
    );
    // As of 31/10, A had its two September completions: 2/10.
    assert_eq!(
        rows(&w).await?,
        [
            (a.to_string(), "20%".to_string()),
            (b.to_string(), "100%".to_string())
        ]
    );

    // Today's summary of A replaces October's; the same file again changes nothing.
    let log = ward_imports(&w, &[&a_today, &a_today], 2).await?;
    assert!(
        log[0].contains("đã thay báo cáo đến ngày 31/10/2026"),
        "{log:?}"
    );
    assert!(log[1].contains("không có gì thay đổi"), "{log:?}");
    // A: 5/10 = 50%, below 80%: first. Ward: 9/14 = 64%, 12 needed for 80%.
    assert_eq!(
        rows(&w).await?,
        [
            (a.to_string(), "50%".to_string()),
            (b.to_string(), "100%".to_string())
        ]
    );
    let line = wait_text(&w, "[data-testid=ward-line]", "9/14").await?;
    assert!(line.contains("64%"), "{line}");
    let targets = wait_text(&w, "[data-testid=ward-targets]", "thiếu 3 HS").await?;
    assert!(
        targets.contains("thiếu 5 HS"),
        "100% needs 5 more: {targets}"
    );
    // The trend: 4 by the end of September (A's two, B's two), 9 by November.
    let months = js(
        &w,
        "return [...document.querySelectorAll('[data-testid=ward-by-month] tbody tr')].map(r => r.textContent)",
    )
    .await?;
    assert_eq!(
        months,
        serde_json::json!(["09/20264/1428%", "11/20269/1464%"])
    );
    wait_css(&w, "[data-testid=ward-trend-chart] polyline").await?;
    screenshot(&w, "ward-report-1366").await?;
    js(
        &w,
        "document.querySelector('[data-testid=ward-by-month]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&w, "ward-report-1366-trend").await?;
    assert_no_console_errors(&w, "ward").await?;

    // Teacher A imports a third PC (Chi completed) and exports again the same day: two
    // summaries of one school and one day that differ are a conflict, settled by the officer.
    let pc_a3 = pc_file(
        "a-pc3.json",
        "A – Máy 03",
        &[student("a7-pc3", "Hồ Bảo Chi", "10A2", a, Some(NOVEMBER))],
    )?;
    crate::teacher::to_step(&ta, "import").await?;
    teacher_imports(&ta, &pc_a3, 3).await?;
    crate::teacher::to_step(&ta, "report").await?;
    let a_again = export_summary(&ta).await?;
    ta.close().await?;
    let log = ward_imports(&w, &[&a_again], 1).await?;
    assert!(log[0].contains("cùng ngày"), "{log:?}");
    wait_css(&w, "[data-testid=ward-conflict]").await?;
    assert_eq!(
        rows(&w).await?[0].1,
        "50%",
        "the counted summary stays until settled"
    );
    w.find(Locator::Css("[data-testid=ward-use-other]"))
        .await?
        .click()
        .await?;
    wait_js(
        &w,
        "!document.querySelector('[data-testid=ward-conflict]')",
        10,
    )
    .await?;
    wait_text(&w, "[data-testid=ward-line]", "10/14").await?;
    assert_eq!(rows(&w).await?[0].1, "60%");

    // The CSV: UTF-8 with a BOM, a line per school, then the ward.
    let before = listing();
    w.find(Locator::Css("[data-testid=ward-csv]"))
        .await?
        .click()
        .await?;
    let csv = std::fs::read_to_string(new_download(&before, "csv").await?)?;
    assert!(csv.starts_with('\u{feff}'), "BOM");
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(
        lines[1].starts_with("THPT Nguyễn Du,") && lines[1].contains(",10,6,0,4,60,"),
        "{csv}"
    );
    assert!(
        lines[3].starts_with("Toàn phường,") && lines[3].contains(",14,10,0,4,71,"),
        "{csv}"
    );

    // A browser restart: the same figures.
    w.close().await?;
    let w = ctx.driver.session_in(&ward_profile, 1366, 768).await?;
    w.goto(&format!("{o}/ward")).await?;
    wait_text(&w, "[data-testid=ward-line]", "10/14").await?;
    assert_eq!(
        rows(&w).await?,
        [
            (a.to_string(), "60%".to_string()),
            (b.to_string(), "100%".to_string())
        ]
    );

    // On paper: a cover with the ward's total, then the schools' table with its header.
    let pdf = crate::teacher::print_a4(&w).await?;
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e/artifacts/ward-report.pdf"),
        &pdf,
    )?;
    assert_eq!(
        crate::teacher::pdf_pages(&pdf),
        1,
        "the ward's total and two schools fit one page"
    );

    // A district of 60 schools prints a line per school: a few pages, not one per school.
    let district = ctx
        .driver
        .session_in(&crate::browser::profile_dir()?, 1366, 768)
        .await?;
    district.goto(&format!("{o}/ward")).await?;
    wait_css(&district, "[data-testid=ward-empty]").await?;
    let paths = district_summaries("district", 60)?;
    district
        .find(Locator::Css("[data-testid=ward-import]"))
        .await?
        .send_keys(&paths.join("\n"))
        .await?;
    wait_js(
        &district,
        "document.querySelectorAll('[data-testid=ward-school-row]').length === 60",
        60,
    )
    .await?;
    let pdf = crate::teacher::print_a4(&district).await?;
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e/artifacts/ward-district.pdf"),
        &pdf,
    )?;
    let pages = crate::teacher::pdf_pages(&pdf);
    assert!((2..=4).contains(&pages), "60 schools on {pages} pages");
    district.close().await?;

    // On a phone: the same page fits, in English too.
    w.close().await?;
    let phone = ctx.driver.session_in(&ward_profile, 360, 640).await?;
    phone.goto(&format!("{o}/ward")).await?;
    wait_text(&phone, "[data-testid=ward-line]", "10/14").await?;
    assert_fits_width(&phone, "ward at 360 px").await?;
    screenshot(&phone, "ward-report-360").await?;
    phone
        .find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&phone, "[data-testid=ward-line]", "Whole ward: 10/14").await?;
    screenshot(&phone, "ward-report-360-en").await?;
    // (Scrolled last: on an emulated phone, scrolling by script moves the visual viewport,
    // and WebDriver's clicks after it would land beside their target.)
    js(
        &phone,
        "document.querySelector('[data-testid=ward-table]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&phone, "ward-report-360-en-table").await?;
    phone.refresh().await?;
    wait_text(&phone, "[data-testid=ward-line]", "Whole ward: 10/14").await?;

    // One click clears the ward's data, and it stays cleared after a reload.
    js(&phone, "window.confirm = () => true; return 1").await?;
    phone
        .find(Locator::Css("[data-testid=ward-clear]"))
        .await?
        .click()
        .await?;
    wait_css(&phone, "[data-testid=ward-empty]").await?;
    phone.refresh().await?;
    wait_css(&phone, "[data-testid=ward-empty]").await?;
    phone.close().await?;
    Ok(())
}
