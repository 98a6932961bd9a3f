//! Works offline: one visit, then the server goes away — a deep link, a lesson and its quiz, a
//! walkthrough step, a reload, all still work and progress is kept; a new build deployed later
//! is offered with "Tải lại" and taken on request.

use crate::Ctx;
use crate::browser::{
    Res, cdp, js, new_student, screenshot, wait_css, wait_js, wait_text, wait_text_for,
};
use crate::lessons::{Input, answer_all, submit};
use crate::server::StaticServer;
use dvc_lab::content::Lang;
use dvc_lab::walkthrough::{Control, Mode, Session, scenario};
use fantoccini::Locator;
use serde_json::json;
use std::path::Path;

/// The one file in `dir` whose name starts with `prefix` (the build adds a content hash) — the
/// file itself, not its pre-compressed `.gz`/`.br` copy.
fn file_starting(dir: &Path, prefix: &str) -> Res<std::path::PathBuf> {
    Ok(std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with(prefix) && !n.ends_with(".gz") && !n.ends_with(".br")
            })
        })
        .ok_or_else(|| format!("no {prefix}* file in {}", dir.display()))?)
}

pub(crate) fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let dest = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &dest)?;
        } else {
            std::fs::copy(e.path(), dest)?;
        }
    }
    Ok(())
}

pub async fn works_offline_after_one_visit_and_offers_a_new_version(ctx: &Ctx) -> Res {
    // A copy of the build that can be "redeployed", served on a port that stays the same.
    let site = std::env::temp_dir().join(format!("dvclab-e2e-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&ctx.dist, &site)?;
    let mut server = StaticServer::start(&site, "/")?;
    let o = server.origin.clone();
    let port: u16 = o.rsplit(':').next().unwrap_or_default().parse()?;

    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    // The service worker takes over and has every file of the build in its cache.
    wait_js(&c, "navigator.serviceWorker.controller", 20).await?;
    let files: Vec<String> = std::fs::read_to_string(site.join("sw.js"))?
        .lines()
        .find(|l| l.starts_with("const FILES"))
        .map(|l| {
            l.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    assert!(
        files.iter().any(|f| f.ends_with(".wasm")) && files.iter().any(|f| f.starts_with("img/")),
        "the precache list names the wasm and the pictures: {files:?}"
    );
    wait_js(
        &c,
        &format!(
            "(async () => {{ const k = await caches.keys(); if (k.length !== 1) return false; const c = await caches.open(k[0]); return (await c.keys()).length === {} }})()",
            files.len()
        ),
        20,
    )
    .await?;
    new_student(&c, &o, "Phan Thị Thu", "10A1").await?;

    // The network goes down: the server stops and the browser is told it is offline.
    server.stop();
    cdp(&c, "Network.enable", json!({})).await?;
    cdp(
        &c,
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await?;
    c.goto(&format!("{o}/lessons/vneid")).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    wait_text(&c, "[data-testid=offline]", "Đang ngoại tuyến").await?;
    let broken = crate::browser::broken_images(&c).await?;
    assert_eq!(broken, 0, "pictures come from the cache");
    answer_all(&c, "vneid", true, Input::Mouse).await?;
    assert!(
        submit(&c, Input::Mouse).await?.0,
        "the quiz is graded offline"
    );
    screenshot(&c, "offline-quiz-1366").await?;

    // A walkthrough opens and takes its first step offline.
    let id = "kich-hoat-vneid";
    c.goto(&format!("{o}/walkthroughs/{id}?mode=guided"))
        .await?;
    wait_css(&c, "[data-testid=sim-screen]").await?;
    let mut mirror = Session::new(scenario(Lang::Vi, id).ok_or("scenario")?, Mode::Guided);
    let first = mirror.screen().id.clone();
    while mirror.screen().id == first {
        match mirror.guide().ok_or("no next step")?.control {
            Control::Field(fid) => crate::walk::fill_example(&c, &mut mirror, &fid).await?,
            Control::Action(aid) => {
                c.find(Locator::Css(&format!("[data-action='{aid}']")))
                    .await?
                    .click()
                    .await?;
                mirror.perform(&aid)?;
            }
        }
    }
    wait_css(
        &c,
        &format!(
            "[data-testid=sim-screen][data-screen='{}']",
            mirror.screen().id
        ),
    )
    .await?;

    // Reload again: still the same student, and the quiz pass was kept.
    c.refresh().await?;
    wait_css(&c, "[data-testid=sim-screen]").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_text(&c, "[data-testid=overall]", "1/17").await?;
    screenshot(&c, "offline-progress-1366").await?;

    // Back online, a new build is deployed at the same address: the app offers it.
    cdp(
        &c,
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await?;
    let sw = std::fs::read_to_string(site.join("sw.js"))?;
    let old = sw
        .lines()
        .find(|l| l.starts_with("const VERSION"))
        .ok_or("VERSION line")?
        .to_string();
    std::fs::write(
        site.join("sw.js"),
        sw.replace(&old, "const VERSION = \"e2e-new-build\";"),
    )?;
    let _server = StaticServer::start_on(&site, "/", port)?;
    c.refresh().await?;
    wait_text_for(&c, "[data-testid=update-notice]", "Đã có phiên bản mới", 30).await?;
    screenshot(&c, "update-notice-1366").await?;
    c.find(Locator::Css("[data-testid=update-reload]"))
        .await?
        .click()
        .await?;
    wait_js(
        &c,
        "(async () => { const k = await caches.keys(); return k.length === 1 && k[0] === 'dvclab-e2e-new-build' && !document.querySelector('[data-testid=update-notice]') })()",
        30,
    )
    .await?;
    wait_text(&c, "[data-testid=overall]", "1/17").await?;
    // No loop: the page stays put after the one reload.
    let marker = js(&c, "window.__stay = 1; return 1").await?;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(
        js(&c, "return window.__stay || 0").await?,
        marker,
        "no second reload"
    );
    c.goto(&format!("{o}/teacher?step=lab")).await?;
    crate::browser::click(&c, "[data-testid=trouble] summary").await?;
    wait_css(&c, "[data-testid=persisted]").await?;
    wait_text(&c, "[data-testid=persisted]", "Trình duyệt").await?;
    c.close().await?;
    let _ = std::fs::remove_dir_all(&site);
    Ok(())
}

/// A deployment that lost files: the lesson bundle cut short, then missing, then a page's code
/// chunk missing. Each page says what happened and offers "Thử lại"; the home page and the
/// rest of the app keep working, and nothing the student saved is touched.
pub async fn a_damaged_or_missing_download_gets_a_message_and_a_retry(ctx: &Ctx) -> Res {
    let site = std::env::temp_dir().join(format!("dvclab-e2e-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_dir(&ctx.dist, &site)?;
    // No service worker here: the broken files must come from the server every time.
    std::fs::write(site.join("sw.js"), "")?;
    let bundle = file_starting(&site, "content-")?;
    let text = std::fs::read(&bundle)?;
    std::fs::write(&bundle, &text[..text.len() / 2])?;
    let server = StaticServer::start(&site, "/")?;
    let o = server.origin.clone();

    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/lessons")).await?;
    wait_text(
        &c,
        "[data-testid=load-problem]",
        "bị hỏng hoặc không đầy đủ",
    )
    .await?;
    screenshot(&c, "load-problem-damaged-desktop").await?;

    std::fs::remove_file(&bundle)?;
    c.find(Locator::Css("[data-testid=load-problem] button"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=load-problem]", "kiểm tra kết nối mạng").await?;
    // The home page still works.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;

    // Putting the file back and pressing "Thử lại" opens the page.
    std::fs::write(&bundle, &text)?;
    c.goto(&format!("{o}/lessons")).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    c.close().await?;

    // A page's code chunk missing (the about page needs no lessons), on a phone.
    let about = file_starting(&site, "split_about-")?;
    std::fs::remove_file(&about)?;
    let phone = ctx.driver.session(360, 640).await?;
    phone.goto(&format!("{o}/about")).await?;
    wait_text(
        &phone,
        "[data-testid=load-problem]",
        "kiểm tra kết nối mạng",
    )
    .await?;
    crate::browser::assert_fits_width(&phone, "load problem on a phone").await?;
    screenshot(&phone, "load-problem-phone").await?;

    // The code that reads saved profiles missing when a student comes back: a notice, the home
    // page works, and nothing saved is overwritten; with the file back, the student is there.
    new_student(&phone, &o, "Đỗ Khánh Linh", "10A3").await?;
    let saved_index = "return localStorage.getItem('dvclab.v1.profiles')";
    let before = js(&phone, saved_index).await?;
    let saved = file_starting(&site, "split_saved-")?;
    let saved_code = std::fs::read(&saved)?;
    std::fs::remove_file(&saved)?;
    phone.goto(&format!("{o}/")).await?;
    wait_text(
        &phone,
        "[data-testid=storage-notice]",
        "Chưa đọc được dữ liệu đã lưu",
    )
    .await?;
    wait_css(&phone, "[data-testid=start]").await?;
    phone
        .find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&phone, "[data-testid=storage-notice]", "could not be read").await?;
    crate::browser::assert_fits_width(&phone, "unread notice on a phone").await?;
    screenshot(&phone, "saved-chunk-missing-phone").await?;
    assert_eq!(
        js(&phone, saved_index).await?,
        before,
        "the saved index is untouched"
    );
    std::fs::write(&saved, &saved_code)?;
    phone.goto(&format!("{o}/")).await?;
    // A phone shows the given name only.
    wait_text(&phone, "[data-testid=who-name]", "Linh · 10A3").await?;
    phone.close().await?;

    // A server that sends .wasm as application/octet-stream (IIS without a MIME map): the
    // pages still open, compiled from the downloaded bytes instead of while streaming.
    std::fs::write(
        site.join(about.file_name().ok_or("name")?),
        std::fs::read(ctx.dist.join(about.file_name().ok_or("name")?))?,
    )?;
    let iis = StaticServer::start_with(&site, "/", 0, "application/octet-stream")?;
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{}/about", iis.origin)).await?;
    wait_text(&c, "h1", "Giới thiệu").await?;
    c.goto(&format!("{}/lessons", iis.origin)).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    c.close().await?;
    let _ = std::fs::remove_dir_all(&site);
    Ok(())
}
