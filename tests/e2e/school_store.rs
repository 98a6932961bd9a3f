//! A school's worth of teacher data, kept in IndexedDB: what an older version left in
//! localStorage moves over once; a school of 3,000 students (3 million characters in record
//! format 3; with the 5.2 million of Chromium's localStorage shared with the students'
//! profiles on a lab PC, more than it could keep) survives a browser restart; damaged stored data is set aside and can be downloaded; the data
//! clears in one click; and a browser without IndexedDB still lets the teacher work in memory
//! and download the CSV, and says so.

use crate::Ctx;
use crate::browser::{
    Res, assert_no_console_errors, js, listing, new_download, screenshot, wait_css, wait_js,
    wait_text,
};
use crate::server::StaticServer;
use dvc_lab::transfer::{Kind, export};
use fantoccini::{Client, Locator};

/// The class of file `f`'s students: one class per lab PC, 10A1, 11A1, 12A1, 10A2, …
fn class_of(f: usize) -> String {
    format!("{}A{}", 10 + f % 3, f / 3 + 1)
}

/// Writes `files` lab-PC files of `per` students each (one class per file, every other student
/// complete) and returns their paths, newline-separated for one file input.
fn lab_files(tag: &str, files: usize, per: usize) -> Res<String> {
    let base = crate::profiles::complete_record();
    let mut paths = Vec::new();
    for f in 0..files {
        let records: Vec<_> = (0..per)
            .map(|k| {
                let mut r = base.clone();
                r.student.id = format!("{tag}{f:03}{k:03}");
                r.student.name = format!("Học Sinh {tag} {f} {k}");
                r.student.class = class_of(f);
                if k % 2 == 1 {
                    r.lessons.clear();
                    r.walks.clear();
                }
                r
            })
            .collect();
        paths.push(crate::profiles::write_temp(
            &format!("{tag}-pc-{f:03}.json"),
            &export(
                Kind::Pc,
                &format!("Máy {f}"),
                "2026-11-29T00:00:00Z",
                &records,
            ),
        )?);
    }
    Ok(paths.join("\n"))
}

async fn import(c: &Client, paths: &str, expect_lines: usize) -> Res {
    crate::teacher::to_step(c, "import").await?;
    c.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(paths)
        .await?;
    wait_js(
        c,
        &format!(
            "document.querySelectorAll('[data-testid=import-log] li').length === {expect_lines}"
        ),
        120,
    )
    .await?;
    crate::teacher::to_step(c, "report").await
}

/// Runs `script` (which ends by calling `done(value)`) in the page and waits for it.
async fn run_async(c: &Client, script: &str) -> Res<serde_json::Value> {
    let body = format!("const done = arguments[arguments.length - 1]; {script}");
    Ok(c.execute_async(&body, vec![]).await?)
}

/// What the app's IndexedDB holds under `key` (its length in characters, or -1 if nothing).
async fn stored_len(c: &Client, key: &str) -> Res<i64> {
    let v = run_async(
        c,
        &format!(
            "const r = indexedDB.open('dvclab'); r.onerror = () => done(-2); \
             r.onsuccess = () => {{ const db = r.result; \
               if (!db.objectStoreNames.contains('data')) {{ db.close(); return done(-1); }} \
               const g = db.transaction('data').objectStore('data').get({key:?}); \
               g.onsuccess = () => {{ const v = g.result; db.close(); done(typeof v === 'string' ? v.length : -1); }}; \
               g.onerror = () => {{ db.close(); done(-3); }}; }};"
        ),
    )
    .await?;
    v.as_i64().ok_or_else(|| "no answer from IndexedDB".into())
}

pub async fn a_schools_data_is_kept_in_indexeddb_and_moves_over_once(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let profile = crate::browser::profile_dir()?;

    // 1. An older version left the teacher's data in localStorage: two students and a list.
    let mut old = dvc_lab::teacher::class::Collection::default();
    old.add(dvc_lab::transfer::import(&export(
        Kind::Pc,
        "Máy 3",
        "t",
        &[{
            let mut r = crate::profiles::complete_record();
            r.student.id = "old0000001".into();
            r.student.name = "Phan Thị Cũ".into();
            r.student.class = "11B2".into();
            r
        }],
    ))?);
    old.add_roster(dvc_lab::teacher::roster::parse(
        "Họ và tên,Lớp\nPhan Thị Cũ,11B2\nLâm Văn Mới,11B2\n".as_bytes(),
    )?);
    let c = ctx.driver.session_in(&profile, 1366, 768).await?;
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    js(
        &c,
        &format!(
            "localStorage.setItem('dvclab.v1.teacher', {:?}); return 1",
            old.to_stored()
        ),
    )
    .await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_text(
        &c,
        "[data-testid=school-line]",
        "Toàn trường: 1/2 học sinh hoàn thành",
    )
    .await?;
    // Moved: IndexedDB has it, localStorage no longer does.
    wait_js(&c, "localStorage.getItem('dvclab.v1.teacher') === null", 10).await?;
    assert!(
        stored_len(&c, "dvclab.v1.teacher").await? > 100,
        "moved into IndexedDB"
    );

    // 2. A school of 3,000: 75 lab PCs × 40 students (≈ 3 million characters in record
    // format 3), and the whole school's class list (75 classes of 40).
    let files = lab_files("big", 75, 40)?;
    import(&c, &files, 75).await?;
    let mut list = String::from("Họ và tên,Lớp\n");
    for f in 0..75 {
        for k in 0..40 {
            list.push_str(&format!("Học Sinh big {f} {k},{}\n", class_of(f)));
        }
    }
    let list = crate::profiles::write_temp("whole-school.csv", &list)?;
    crate::teacher::to_step(&c, "import").await?;
    c.find(Locator::Css("[data-testid=import-roster]"))
        .await?
        .send_keys(&list)
        .await?;
    wait_text(&c, "[data-testid=roster-message]", "Đang có 76 lớp").await?;
    crate::teacher::to_step(&c, "report").await?;
    wait_text(
        &c,
        "[data-testid=school-line]",
        "Toàn trường: 1501/3002 học sinh hoàn thành",
    )
    .await?;
    crate::teacher::to_step(&c, "import").await?;
    assert!(
        wait_css(&c, "[data-testid=import-log]")
            .await?
            .text()
            .await?
            .contains("40 học sinh mới"),
        "each file says what it added"
    );
    crate::teacher::to_step(&c, "report").await?;
    // The save is confirmed before the browser is closed (no "full" notice, the data is there).
    wait_js(
        &c,
        "!document.querySelector('.field-error[role=alert]')",
        30,
    )
    .await?;
    let mut kept = 0;
    for _ in 0..100 {
        kept = stored_len(&c, "dvclab.v1.teacher").await?;
        if kept > 2_700_000 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        kept > 2_700_000,
        "a school's worth stored (3,000 records of about 1,000 characters): {kept} characters"
    );
    // 3,000 rows are not drawn at once: 200, then 200 more on request, a class in full.
    let more = wait_text(&c, "[data-testid=student-rows-more]", "200/3002").await?;
    assert!(more.contains("Hiện thêm 200"), "{more}");
    c.find(Locator::Css("[data-testid=show-more-students]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=student-rows-more]", "400/3002").await?;
    assert_eq!(
        js(
            &c,
            "return document.querySelectorAll('[data-testid=student-table] tbody tr').length"
        )
        .await?,
        400
    );
    let school = wait_css(&c, "[data-testid=school-line]")
        .await?
        .text()
        .await?;
    screenshot(&c, "teacher-school-stored-1366").await?;
    c.close().await?;

    // 3. The next day: the browser is started again on the same profile.
    let c = ctx.driver.session_in(&profile, 360, 640).await?;
    c.goto(&format!("{o}/teacher")).await?;
    let again = wait_text(&c, "[data-testid=school-line]", "1501/3002 học sinh").await?;
    assert_eq!(again, school, "the same report after a restart");
    crate::teacher::to_step(&c, "import").await?;
    let lists = wait_css(&c, "[data-testid=class-lists]")
        .await?
        .text()
        .await?;
    assert!(
        lists.contains("11B2"),
        "the moved class list is still there: {lists}"
    );
    screenshot(&c, "teacher-school-stored-360").await?;

    // 4. Damaged stored data (a disk error, an edit): set aside, downloadable, not lost.
    run_async(
        &c,
        "const r = indexedDB.open('dvclab'); r.onsuccess = () => { const db = r.result; \
           const tx = db.transaction('data', 'readwrite'); \
           tx.objectStore('data').put('{\"v\":1,\"records\":{\"x\":', 'dvclab.v1.teacher'); \
           tx.oncomplete = () => { db.close(); done(1); }; };",
    )
    .await?;
    c.refresh().await?;
    let note = wait_text(&c, "[data-testid=teacher-stored-note]", "không đọc được").await?;
    assert!(note.contains("cất riêng"), "{note}");
    let before = listing();
    c.find(Locator::Css("[data-testid=download-set-aside]"))
        .await?
        .click()
        .await?;
    let copy = new_download(&before, "json").await?;
    assert_eq!(
        std::fs::read_to_string(&copy)?,
        "{\"v\":1,\"records\":{\"x\":",
        "the copy is the stored text as it was"
    );
    screenshot(&c, "teacher-stored-set-aside-360").await?;

    // 5. Clear in one click; a reload shows nothing imported.
    import(&c, &lab_files("clr", 1, 3)?, 1).await?;
    wait_text(&c, "[data-testid=student-table]", "Học Sinh clr 0 2").await?;
    js(&c, "window.confirm = () => true; return 1").await?;
    c.find(Locator::Css("[data-testid=clear-imported]"))
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=report-empty]").await?;
    c.refresh().await?;
    wait_css(&c, "[data-testid=report-empty]").await?;
    assert!(
        c.find_all(Locator::Css("[data-testid=school-line]"))
            .await?
            .is_empty(),
        "cleared for good"
    );
    assert_no_console_errors(&c, "the teacher's stored school").await?;
    c.close().await?;
    Ok(())
}

pub async fn without_indexeddb_the_teacher_works_in_memory_and_is_told(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let c = ctx.driver.session(360, 640).await?;
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    // As in a browser whose policy turns IndexedDB off; the teacher page is then opened
    // within the app (a page load would bring IndexedDB back).
    js(
        &c,
        "Object.defineProperty(window, 'indexedDB', { get: () => undefined }); \
         history.pushState(null, '', '/teacher'); \
         window.dispatchEvent(new PopStateEvent('popstate')); return 1",
    )
    .await?;
    let said = wait_text(
        &c,
        "[data-testid=teacher-memory-only]",
        "không cho ứng dụng lưu",
    )
    .await?;
    assert!(said.contains("CSV"), "{said}");
    import(&c, &lab_files("mem", 2, 5)?, 2).await?;
    wait_text(&c, "[data-testid=student-table]", "Học Sinh mem 1 4").await?;
    let before = listing();
    c.find(Locator::Css("[data-testid=csv-class]"))
        .await?
        .click()
        .await?;
    let csv = new_download(&before, "csv").await?;
    let text = std::fs::read_to_string(&csv)?;
    assert!(
        text.contains("Học Sinh mem 0 0") && text.contains("Học Sinh mem 1 4"),
        "{text}"
    );
    js(
        &c,
        "document.querySelector('[data-testid=teacher-memory-only]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-memory-only-360").await?;
    // The same notice and the long-table words in English, after a live switch.
    c.find(Locator::Css(".lang-switch")).await?.click().await?;
    let said = wait_text(
        &c,
        "[data-testid=teacher-memory-only]",
        "does not let the app keep",
    )
    .await?;
    assert!(said.contains("download the CSV"), "{said}");
    screenshot(&c, "teacher-memory-only-360-en").await?;
    assert_no_console_errors(&c, "the teacher area without IndexedDB").await?;
    c.close().await?;
    Ok(())
}

/// The site's storage quota is too small for the school (CDP `Storage.overrideQuotaForOrigin`):
/// the refused IndexedDB write is told as "full" (the browser's `QuotaExceededError` abort), the
/// imported data stays usable in memory, and what was kept before is still there after a reload.
pub async fn a_full_indexeddb_is_told_and_what_was_kept_stays(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = server.origin.clone();
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/teacher")).await?;
    wait_css(&c, "[data-testid=import-progress]").await?;
    // The service worker's copy of the app counted first (on a busy machine it is still being
    // written when the page is up; `ready` is an active worker, whose install has stored
    // every file): then the quota leaves 600 KB.
    let usage = run_async(
        &c,
        "navigator.serviceWorker.ready.then(() => navigator.storage.estimate()).then(e => done(e.usage))",
    )
        .await?
        .as_i64()
        .ok_or("no storage estimate")?;
    let quota = usage + 600_000;
    crate::browser::cdp(
        &c,
        "Storage.overrideQuotaForOrigin",
        serde_json::json!({ "origin": o, "quotaSize": quota }),
    )
    .await?;
    // Most of that taken by another database of incompressible bytes (Chromium compresses
    // what IndexedDB stores, and the school's JSON compresses well): about 60 KB are left.
    let filled = run_async(
        &c,
        "const r = indexedDB.open('filler'); r.onupgradeneeded = () => r.result.createObjectStore('s'); \
         r.onsuccess = () => { const tx = r.result.transaction('s', 'readwrite'); \
           const a = new Uint8Array(540000); \
           for (let o = 0; o < a.length; o += 65536) crypto.getRandomValues(a.subarray(o, o + 65536)); \
           tx.objectStore('s').put(a, 'k'); \
           tx.oncomplete = () => { r.result.close(); done('ok'); }; \
           tx.onabort = () => done('abort ' + (tx.error && tx.error.name)); };",
    )
    .await?;
    assert_eq!(filled, "ok", "the filler fits the quota");
    // A small import fits and is kept.
    import(&c, &lab_files("fit", 1, 3)?, 1).await?;
    wait_text(&c, "[data-testid=school-line]", "Toàn trường: 2/3").await?;
    let mut kept = -1;
    for _ in 0..100 {
        kept = stored_len(&c, "dvclab.v1.teacher").await?;
        if kept > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(kept > 0, "the small import is kept: {kept}");
    assert!(
        c.find_all(Locator::Css("[data-testid=teacher-full]"))
            .await?
            .is_empty(),
        "no 'full' notice while it fits"
    );
    // 20 lab PCs × 40 students (≈ 1.7 million characters) do not fit in what is left.
    import(&c, &lab_files("over", 20, 40)?, 21).await?;
    // Said above every step: here, on the report the import led to.
    let said = wait_text(
        &c,
        "[data-testid=teacher-full]",
        "Bộ nhớ của trình duyệt đã đầy",
    )
    .await?;
    assert!(said.contains("CSV"), "{said}");
    // Still usable in memory: the report counts the 800 new students.
    wait_text(&c, "[data-testid=school-line]", "Toàn trường: 402/803").await?;
    screenshot(&c, "teacher-indexeddb-full-1366").await?;
    assert_no_console_errors(&c, "a full IndexedDB").await?;
    // The write was refused whole: after a reload, the small import is what is there.
    c.refresh().await?;
    wait_text(&c, "[data-testid=school-line]", "Toàn trường: 2/3").await?;
    c.close().await?;
    Ok(())
}
