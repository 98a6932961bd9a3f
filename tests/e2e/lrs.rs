//! A school's records sent to a **real** Learning Record Store (Ralph, started and stopped here
//! by `crate::ralph`) and read back, in Chromium, the way a teacher does it: two lab PCs' files
//! and the class lists imported, the settings typed in step 4, a wrong secret first (a clear
//! message, nothing counted as sent), the right one, the LRS stopped in the middle of the send
//! and started again (the send resumes; the LRS ends with every statement exactly once), a
//! resend of everything after a student was renamed (no 409, nothing duplicated), and a fresh
//! browser that reads the report back from the LRS and shows the same figures as the files did.

use crate::Ctx;
use crate::browser::{
    Res, assert_no_console_errors, click, js, screenshot, wait_css, wait_js, wait_text,
    wait_text_for,
};
use crate::ralph::{Cred, Ralph};
use crate::server::StaticServer;
use dvc_lab::progress::Record;
use dvc_lab::teacher::class::Collection;
use dvc_lab::teacher::xapi::Iri;
use dvc_lab::transfer::{Kind, export, import};
use fantoccini::{Client, Locator};
use std::collections::BTreeSet;

const KEY: &str = "thpt-tran-lieu";
const SECRET: &str = "mat-khau-cua-truong-1";
const IRI: &str = "https://thpt-tran-lieu.edu.vn/dvc-lab";

/// One lab PC's records: `n` students of `class`, every third one not started, each complete
/// one at its own time.
fn pc(tag: &str, class: &str, n: usize) -> Vec<Record> {
    (0..n)
        .map(|k| {
            let mut r = crate::profiles::complete_record_at(1_790_000_000 + 3_600 * k as i64);
            r.student.id = format!("{tag}{k:06}");
            r.student.name = format!("Học Sinh {class} {k}");
            r.student.class = class.into();
            if k % 3 == 2 {
                r.lessons.clear();
                r.walks.clear();
            }
            r
        })
        .collect()
}

/// The class lists of both classes: every student of both PCs, and two who never came.
fn roster(n: usize) -> String {
    let mut s = String::from("STT,Họ và tên,Lớp\n");
    for class in ["10A1", "10A2"] {
        for k in 0..n + 1 {
            s.push_str(&format!("{},Học Sinh {class} {k},{class}\n", k + 1));
        }
    }
    s
}

/// A copy of the build as a school deploys it for its LRS: `scripts/allow-lrs.sh` run on it
/// with the LRS's origin (the page's Content-Security-Policy otherwise allows only itself).
fn deployed_for(dist: &std::path::Path, lrs_origin: &str, tag: &str) -> Res<std::path::PathBuf> {
    let site = std::env::temp_dir().join(format!("dvclab-e2e-site-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    let ok = |s: std::process::ExitStatus| s.success();
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(dist)
        .arg(&site)
        .status()?;
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/allow-lrs.sh");
    let allowed = std::process::Command::new("bash")
        .arg(script)
        .arg(&site)
        .arg(lrs_origin)
        .status()?;
    if !(ok(copied) && ok(allowed)) {
        return Err(format!(
            "could not deploy a copy of {} for {lrs_origin}",
            dist.display()
        )
        .into());
    }
    Ok(site)
}

async fn type_into(c: &Client, css: &str, text: &str) -> Res {
    let el = wait_css(c, css).await?;
    el.clear().await?;
    el.send_keys(text).await?;
    Ok(())
}

/// Imports progress files and a class list in step 2, waiting for each result.
async fn import_all(c: &Client, o: &str, files: &[String], list: &str) -> Res {
    crate::teacher::open_step(c, o, "import").await?;
    wait_css(c, "[data-testid=import-roster]")
        .await?
        .send_keys(list)
        .await?;
    wait_text(c, "[data-testid=roster-message]", "Đang có 2 lớp").await?;
    if !files.is_empty() {
        wait_css(c, "[data-testid=import-progress]")
            .await?
            .send_keys(&files.join("\n"))
            .await?;
        let expr = format!(
            "document.querySelectorAll('[data-testid=import-log] li').length === {}",
            files.len()
        );
        wait_js(c, &expr, 60).await?;
    }
    Ok(())
}

/// Opens step 4 and saves the LRS settings.
async fn settings(c: &Client, endpoint: &str) -> Res {
    crate::teacher::to_step(c, "lrs").await?;
    type_into(c, "[data-testid=lrs-endpoint]", endpoint).await?;
    type_into(c, "[data-testid=lrs-iri]", IRI).await?;
    click(c, "[data-testid=lrs-save]").await?;
    wait_text(c, "[data-testid=lrs-settings-msg]", "Đã lưu cài đặt.").await?;
    Ok(())
}

async fn credential(c: &Client, secret: &str) -> Res {
    type_into(c, "[data-testid=lrs-key]", KEY).await?;
    type_into(c, "[data-testid=lrs-secret]", secret).await
}

/// The ids of what the LRS holds for the school (each statement read once).
async fn stored_ids(lrs: &Ralph) -> Res<Vec<String>> {
    let all = lrs.statements(KEY, SECRET).await?;
    Ok(all
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default().to_string())
        .collect())
}

/// What the dashboard says: the school's line and the class table.
async fn report_text(c: &Client) -> Res<String> {
    wait_css(c, "[data-testid=class-table]").await?;
    // The text itself, not as laid out (the two windows are not the same width).
    let text = js(
        c,
        "return ['school-line', 'class-table'].map(t => document.querySelector(`[data-testid=${t}]`).textContent).join('\\n')",
    )
    .await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

pub async fn a_school_sends_to_a_real_lrs_and_reads_the_report_back(ctx: &Ctx) -> Res {
    // The school's server: the app, deployed for the LRS once its address is known.
    let site = std::env::temp_dir().join(format!("dvclab-e2e-site-lrs-{}", std::process::id()));
    std::fs::create_dir_all(&site)?;
    let server = StaticServer::start(&site, "/")?;
    let o = server.origin.clone();
    let other = Cred::school("thpt-khac", "mat-khau-khac");
    let mut lrs = Ralph::start(&[&o], &[Cred::school(KEY, SECRET), other.clone()]).await?;
    let endpoint = format!("{}/xAPI/", lrs.origin);
    deployed_for(&ctx.dist, &lrs.origin, "lrs")?;

    // The build as it is, not deployed for this LRS: the teacher is told what to ask for.
    let plain = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    crate::teacher::open_step(&c, &plain.origin, "lrs").await?;
    type_into(&c, "[data-testid=lrs-endpoint]", &endpoint).await?;
    type_into(&c, "[data-testid=lrs-iri]", IRI).await?;
    click(&c, "[data-testid=lrs-save]").await?;
    wait_text(&c, "[data-testid=lrs-settings-msg]", "Đã lưu cài đặt.").await?;
    click(&c, "[data-testid=lrs-read]").await?;
    let told = format!("scripts/allow-lrs.sh dist {}", lrs.origin);
    wait_text(&c, "[data-testid=lrs-msg]", &told).await?;
    c.close().await?;
    drop(plain);

    // Two lab PCs (10A1 on PC 7, 10A2 on PC 8) and the same boy of 10A1 on both.
    let n = 60;
    let pc7 = pc("pc7a", "10A1", n);
    let mut pc8 = pc("pc8a", "10A2", n);
    let mut again = crate::profiles::complete_record_at(1_800_000_000);
    again.student.id = "pc8again01".into();
    again.student.name = "Học Sinh 10A1 2".into();
    again.student.class = "10A1".into();
    pc8.push(again);
    let file = |name: &str, records: &[Record]| {
        crate::profiles::write_temp(
            name,
            &export(Kind::Pc, name, "2026-12-01T08:00:00Z", records),
        )
    };
    let files = [file("lrs-pc7.json", &pc7)?, file("lrs-pc8.json", &pc8)?];
    let list = crate::profiles::write_temp("lrs-lists.csv", &roster(n))?;

    // What the LRS must end with: the statements of the combined collection, each once.
    let mut mine = Collection::default();
    mine.add(import(&export(Kind::Pc, "7", "t", &pc7))?);
    mine.add(import(&export(Kind::Pc, "8", "t", &pc8))?);
    mine.add_roster(dvc_lab::teacher::roster::parse(roster(n).as_bytes())?);
    let iri = Iri::parse(IRI)?;
    let expected: BTreeSet<String> = dvc_lab::teacher::lrs::statements(&mine, &iri)
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        expected.len() > 4 * dvc_lab::teacher::lrs::CHUNK,
        "enough statements for several chunks: {}",
        expected.len()
    );

    let c = ctx.driver.session(1366, 768).await?;
    import_all(&c, &o, &files, &list).await?;
    crate::teacher::to_step(&c, "report").await?;
    let from_files = report_text(&c).await?;
    settings(&c, &endpoint).await?;
    wait_text_for(
        &c,
        "[data-testid=lrs-counts]",
        &format!("{} bản ghi;", expected.len()),
        30,
    )
    .await?;

    // A wrong secret: said plainly, nothing counted as sent, the key asked for again.
    credential(&c, "sai-mat-khau").await?;
    click(&c, "[data-testid=lrs-send]").await?;
    wait_text_for(
        &c,
        "[data-testid=lrs]",
        "Hệ thống không nhận khoá này (401)",
        30,
    )
    .await?;
    wait_css(&c, "[data-testid=lrs-secret]").await?;
    assert!(
        stored_ids(&lrs).await?.is_empty(),
        "nothing reached the LRS"
    );
    wait_text(&c, "[data-testid=lrs-counts]", "hệ thống đã xác nhận 0;").await?;
    let secret_kept = js(
        &c,
        "return localStorage.getItem('dvclab.v1.lrs') + JSON.stringify(Object.keys(localStorage))",
    )
    .await?;
    assert!(
        !secret_kept.to_string().contains("sai-mat-khau"),
        "no secret in localStorage"
    );

    // The right one; the LRS stops after the first chunk is confirmed, and starts again.
    credential(&c, SECRET).await?;
    click(&c, "[data-testid=lrs-send]").await?;
    wait_text_for(&c, "[data-testid=lrs-log]", "Phần 1:", 60).await?;
    lrs.stop().await;
    let log = wait_css(&c, "[data-testid=lrs-log]").await?.text().await?;
    assert!(
        !log.contains(&format!("Phần {}:", expected.len().div_ceil(500))),
        "the send finished before the LRS could be stopped; make the data bigger: {log}"
    );
    wait_text_for(
        &c,
        "[data-testid=lrs-waiting]",
        "Không kết nối được với hệ thống",
        60,
    )
    .await?;
    screenshot(&c, "lrs-waiting-1366").await?;
    let session = js(
        &c,
        "return sessionStorage.getItem('dvclab.v1.lrs-credential')",
    )
    .await?;
    assert!(
        session.as_str().is_some_and(|s| s.starts_with("Basic ")),
        "the key is kept for the session: {session}"
    );
    lrs.restart().await?;
    if let Ok(b) = c.find(Locator::Css("[data-testid=lrs-retry-now]")).await {
        let _ = b.click().await;
    }
    wait_text_for(
        &c,
        "[data-testid=lrs-msg]",
        "Đã gửi xong: hệ thống đã xác nhận",
        300,
    )
    .await?;
    let ids = stored_ids(&lrs).await?;
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(ids.len(), unique.len(), "no statement is stored twice");
    assert_eq!(
        unique, expected,
        "the LRS holds every statement of the school"
    );
    wait_text(&c, "[data-testid=lrs-counts]", "còn 0 chưa gửi.").await?;
    screenshot(&c, "lrs-sent-1366").await?;
    // Another school's key reads none of them.
    assert!(lrs.statements(&other.user, &other.pass).await?.is_empty());

    // Sent again: nothing new.
    click(&c, "[data-testid=lrs-send]").await?;
    wait_text(&c, "[data-testid=lrs-msg]", "Không có gì mới để gửi").await?;

    // A student renamed on PC 7 (its file exported again), and this laptop's outbox lost: the
    // whole school is sent again, the LRS takes it without a 409, and holds nothing twice.
    let mut renamed = pc7.clone();
    renamed[0].student.name = "Học Sinh Đổi Tên".into();
    let f = file("lrs-pc7-renamed.json", &renamed)?;
    crate::teacher::to_step(&c, "import").await?;
    wait_css(&c, "[data-testid=import-progress]")
        .await?
        .send_keys(&f)
        .await?;
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=import-log] li').length === 3",
        60,
    )
    .await?;
    let deleted = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; const r = indexedDB.open('dvclab'); \
             r.onsuccess = () => { const t = r.result.transaction('data', 'readwrite'); \
             t.objectStore('data').delete('dvclab.v1.lrs-outbox'); \
             t.oncomplete = () => { r.result.close(); done(true); }; t.onerror = () => done(false); };",
            vec![],
        )
        .await?;
    assert_eq!(deleted, serde_json::json!(true));
    c.refresh().await?;
    wait_css(&c, "[data-testid=teacher-area][data-step=import]").await?;
    crate::teacher::to_step(&c, "lrs").await?;
    wait_text_for(
        &c,
        "[data-testid=lrs-counts]",
        "hệ thống đã xác nhận 0;",
        30,
    )
    .await?;
    wait_css(&c, "[data-testid=lrs-credential-kept]").await?;
    click(&c, "[data-testid=lrs-send]").await?;
    let done = wait_text_for(&c, "[data-testid=lrs-msg]", "Đã gửi xong", 300).await?;
    assert!(
        done.contains(&format!("xác nhận {} bản ghi", expected.len())),
        "{done}"
    );
    let log = wait_css(&c, "[data-testid=lrs-log]").await?.text().await?;
    assert!(
        !log.contains("409") && !log.contains("chưa gửi được"),
        "{log}"
    );
    let after: Vec<String> = stored_ids(&lrs).await?;
    assert_eq!(
        after.len(),
        expected.len(),
        "nothing duplicated by the resend"
    );
    assert_no_console_errors(&c, "sending to the LRS")
        .await
        .ok();
    c.close().await?;

    // A teacher's new laptop (a phone-sized window): the class lists, then read back.
    let fresh = ctx.driver.session(360, 640).await?;
    import_all(&fresh, &o, &[], &list).await?;
    settings(&fresh, &endpoint).await?;
    screenshot(&fresh, "lrs-settings-360").await?;
    credential(&fresh, SECRET).await?;
    click(&fresh, "[data-testid=lrs-read]").await?;
    let read = wait_text_for(&fresh, "[data-testid=lrs-msg]", "Đã lấy", 120).await?;
    assert!(
        read.contains(&format!("Đã lấy {} bản ghi", expected.len())),
        "{read}"
    );
    screenshot(&fresh, "lrs-read-360").await?;
    // Made again from what was read back, the statements are the ones the LRS holds: this
    // laptop has nothing to send.
    wait_text_for(
        &fresh,
        "[data-testid=lrs-counts]",
        &format!(
            "{} bản ghi; hệ thống đã xác nhận {0}; còn 0 chưa gửi.",
            expected.len()
        ),
        30,
    )
    .await?;
    click(&fresh, "[data-testid=lrs-see-report]").await?;
    wait_css(&fresh, "[data-testid=teacher-area][data-step=report]").await?;
    let from_lrs = report_text(&fresh).await?;
    assert_eq!(
        from_lrs, from_files,
        "the report read back equals the one from the files"
    );
    fresh.close().await?;
    lrs.stop().await;
    Ok(())
}

/// The app's measure `name` (milliseconds), once it exists.
async fn measure(c: &Client, name: &str, secs: u64) -> Res<f64> {
    let expr = format!("performance.getEntriesByName('{name}').length > 0");
    wait_js(c, &expr, secs).await?;
    let v = js(
        c,
        &format!("return performance.getEntriesByName('{name}')[0].duration"),
    )
    .await?;
    v.as_f64()
        .ok_or_else(|| format!("no measure {name}").into())
}

/// `DVC_BENCH=lrs`, in the browser: a 1,500-student school (38 lab PCs' files, every student
/// complete: about 54,000 statements) sent to a loopback Ralph (budget 60 s: the app's
/// `dvclab-lrs-send`, from the click to the last chunk confirmed), then read back into a fresh
/// browser and the report drawn (budget 5 s: `dvclab-lrs-read`). Returns the two times in
/// seconds.
pub async fn bench(ctx: &'static Ctx) -> Res<(f64, f64, usize)> {
    // (send s, read s, statements); the read's GET part is printed apart: the LRS's own time.
    let site = std::env::temp_dir().join(format!("dvclab-e2e-site-bench-{}", std::process::id()));
    std::fs::create_dir_all(&site)?;
    let server = StaticServer::start(&site, "/")?;
    let o = server.origin.clone();
    let mut lrs = Ralph::start(&[&o], &[Cred::school(KEY, SECRET)]).await?;
    let endpoint = format!("{}/xAPI/", lrs.origin);
    deployed_for(&ctx.dist, &lrs.origin, "bench")?;
    let (pcs, per) = (38, 40);
    let mut files = Vec::new();
    for p in 0..pcs {
        let class = format!("{}A{}", 10 + p % 3, p / 3 + 1);
        let mut records = pc(&format!("b{p:02}"), &class, per);
        for (k, r) in records.iter_mut().enumerate() {
            if r.lessons.is_empty() {
                *r = crate::profiles::complete_record_at(1_790_000_000 + 60 * k as i64);
                r.student.id = format!("b{p:02}x{k:05}");
                r.student.name = format!("Học Sinh {class} {k}");
                r.student.class = class.clone();
            }
        }
        let name = format!("bench-lrs-{p:02}.json");
        files.push(crate::profiles::write_temp(
            &name,
            &export(Kind::Pc, &name, "2026-12-01T08:00:00Z", &records),
        )?);
    }
    let c = ctx.driver.session(1366, 768).await?;
    crate::teacher::open_step(&c, &o, "import").await?;
    wait_css(&c, "[data-testid=import-progress]")
        .await?
        .send_keys(&files.join("\n"))
        .await?;
    let expr = format!("document.querySelectorAll('[data-testid=import-log] li').length === {pcs}");
    wait_js(&c, &expr, 300).await?;
    settings(&c, &endpoint).await?;
    wait_text_for(&c, "[data-testid=lrs-counts]", "còn", 120).await?;
    credential(&c, SECRET).await?;
    click(&c, "[data-testid=lrs-send]").await?;
    let sent = wait_text_for(&c, "[data-testid=lrs-msg]", "Đã gửi xong", 900).await?;
    let send_ms = measure(&c, "dvclab-lrs-send", 10).await?;
    let log = wait_css(&c, "[data-testid=lrs-log]").await?.text().await?;
    println!(
        "  lrs send: {sent} ({} chunks, {} retried)",
        log.matches("đã lưu").count(),
        log.matches("chưa gửi được").count()
    );
    c.close().await?;
    let n = lrs.statements(KEY, SECRET).await?.len();
    let fresh = ctx.driver.session(1366, 768).await?;
    crate::teacher::open_step(&fresh, &o, "import").await?;
    settings(&fresh, &endpoint).await?;
    credential(&fresh, SECRET).await?;
    click(&fresh, "[data-testid=lrs-read]").await?;
    wait_text_for(&fresh, "[data-testid=lrs-msg]", "Đã lấy", 300).await?;
    let read_ms = measure(&fresh, "dvclab-lrs-read", 10).await?;
    let get_ms = measure(&fresh, "dvclab-lrs-read-get", 10).await?;
    println!(
        "  lrs read back: {:.1} s in all; the GETs (the LRS paging) {:.1} s; the app (parse, rebuild, keep, report) {:.1} s",
        read_ms / 1000.0,
        get_ms / 1000.0,
        (read_ms - get_ms) / 1000.0
    );
    let parts = js(&fresh, "return performance.getEntriesByType('measure').filter(m => m.name.startsWith('dvclab-lrs')).map(m => m.name + ' ' + Math.round(m.duration)).join(', ')").await?;
    println!("  measures: {parts}");
    fresh.close().await?;
    lrs.stop().await;
    Ok((send_ms / 1000.0, read_ms / 1000.0, n))
}
