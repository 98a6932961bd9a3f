//! The app shell: languages, routes, deep links, sub-path deployment, keyboard, phone layout.

use crate::Ctx;
use crate::browser::{
    Res, assert_fits_width, assert_no_console_errors, js, key, press, screenshot, wait_css,
    wait_js, wait_text,
};
use crate::server::StaticServer;
use fantoccini::Locator;
use fantoccini::key::Key;

pub async fn home_is_vietnamese_and_english_switch_survives_reload(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{}/", server.origin)).await?;
    wait_text(&c, "h1", "Học dùng dịch vụ công trực tuyến").await?;
    assert_eq!(js(&c, "return document.documentElement.lang").await?, "vi");
    let nav = c.find(Locator::Css("nav.main-nav")).await?.text().await?;
    assert!(
        nav.contains("Bài học") && nav.contains("Tiến độ của tôi"),
        "Vietnamese nav: {nav}"
    );
    screenshot(&c, "home-1366-vi").await?;

    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "h1", "Learn to use online public services").await?;
    assert_eq!(js(&c, "return document.documentElement.lang").await?, "en");
    let body = c.find(Locator::Css("body")).await?.text().await?;
    for vi in [
        "Bài học",
        "Trang chủ",
        "Tiến độ",
        "Bắt đầu",
        "Giáo viên",
        "Mục tiêu",
        "dữ liệu",
    ] {
        assert!(
            !body.contains(vi),
            "Vietnamese text {vi:?} left on the English page:\n{body}"
        );
    }
    c.refresh().await?;
    wait_text(&c, "h1", "Learn to use online public services").await?;
    assert_eq!(js(&c, "return document.documentElement.lang").await?, "en");
    screenshot(&c, "home-1366-en").await?;
    assert_no_console_errors(&c, "on the home page").await?;
    c.close().await?;
    Ok(())
}

pub async fn every_page_in_both_languages_without_console_errors(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    crate::browser::new_student(&c, &server.origin, "Nguyễn Văn An", "10A1").await?;
    let pages = [
        ("/", "h1"),
        ("/profiles", "[data-testid=person]"),
        ("/certificate", "[data-testid=cert-not-yet]"),
        ("/lessons", "[data-testid=lesson-list]"),
        ("/lessons/vneid", "[data-testid=quiz]"),
        ("/walkthroughs", "h1"),
        ("/progress", "[data-testid=progress-table]"),
        ("/teacher", "h1"),
        ("/about", "h1"),
        ("/ward", "[data-testid=ward-empty]"),
        ("/khong-co-trang-nay", "[data-testid=not-found]"),
    ];
    for lang in ["vi", "en"] {
        for (path, css) in pages {
            c.goto(&format!("{}{path}", server.origin)).await?;
            wait_css(&c, css).await?;
            let title = c.title().await?;
            assert!(title.ends_with("DVC Lab"), "{path}: tab title {title:?}");
            assert_eq!(
                js(&c, "return document.documentElement.lang").await?,
                lang,
                "{path}"
            );
            assert_no_console_errors(&c, &format!("on {path} ({lang})")).await?;
            assert_eq!(
                js(
                    &c,
                    "return !!document.querySelector('#boot, [data-testid=opening]')"
                )
                .await?,
                false,
                "{path}: a loading message is left on the page"
            );
            let name = path.trim_matches('/').replace('/', "-");
            screenshot(
                &c,
                &format!(
                    "page-{}-{lang}",
                    if name.is_empty() { "home" } else { &name }
                ),
            )
            .await?;
        }
        c.find(Locator::Css("[data-testid=lang-switch]"))
            .await?
            .click()
            .await?;
    }
    c.close().await?;
    Ok(())
}

pub async fn deep_links_and_404_work_at_root_and_under_a_sub_path(ctx: &Ctx) -> Res {
    for mount in ["/", "/dvc-lab/"] {
        let server = StaticServer::start(&ctx.dist, mount)?;
        let c = ctx.driver.session(1366, 768).await?;
        let base = format!("{}{mount}", server.origin);
        // A reload on a deep link: the first request is the deep link itself. Nobody is
        // signed in, so the lesson asks who is learning first, then appears in place.
        c.goto(&format!("{base}lessons/vneid")).await?;
        wait_css(&c, "[data-testid=picker]").await?;
        crate::browser::fill_profile_form(&c, "Trịnh Gia Bảo", "11A5").await?;
        wait_css(&c, "[data-testid=lesson][data-lesson=vneid]").await?;
        let broken = crate::browser::broken_images(&c).await?;
        assert_eq!(broken, 0, "broken images under {mount}");
        c.find(Locator::Css("nav.main-nav a[href$='/lessons']"))
            .await?
            .click()
            .await?;
        wait_css(&c, "[data-testid=lesson-list]").await?;
        assert_eq!(c.current_url().await?.path(), format!("{mount}lessons"));
        c.goto(&format!("{base}progress")).await?;
        wait_css(&c, "[data-testid=progress-table]").await?;
        c.goto(&format!("{base}khong/co/trang-nay")).await?;
        wait_text(&c, "[data-testid=not-found]", "Không tìm thấy trang").await?;
        c.goto(&format!("{base}lessons/khong-co-bai-nay")).await?;
        wait_text(&c, "main", "Không có bài học này").await?;
        assert_no_console_errors(&c, &format!("under {mount}")).await?;
        c.close().await?;
    }
    Ok(())
}

pub async fn keyboard_skip_link_and_visible_focus(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{}/lessons", server.origin)).await?;
    wait_css(&c, "[data-testid=lesson-list]").await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    let active = c.active_element().await?;
    assert_eq!(
        active.text().await?,
        "Bỏ qua, tới nội dung chính",
        "the first Tab reaches the skip link"
    );
    let outline = active.css_value("outline-style").await?;
    assert_ne!(outline, "none", "focus must be visible");
    screenshot(&c, "skip-link-focus").await?;
    press(&c, &key(Key::Enter)).await?;
    let focused_id = js(&c, "return document.activeElement.id").await?;
    assert_eq!(
        focused_id, "main",
        "Enter on the skip link moves focus to the main content"
    );
    assert_eq!(
        c.current_url().await?.path(),
        "/lessons",
        "the skip link does not navigate away"
    );
    press(&c, &key(Key::Tab)).await?;
    let inside = js(&c, "return !!document.activeElement.closest('main')").await?;
    assert_eq!(inside, true, "the next Tab lands inside main");
    c.close().await?;
    Ok(())
}

pub async fn phone_layout_has_no_sideways_scroll(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(360, 640).await?;
    c.goto(&format!("{}/profiles", server.origin)).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    assert_fits_width(&c, "/profiles (form)").await?;
    screenshot(&c, "profiles-form-360").await?;
    crate::browser::new_student(&c, &server.origin, "Đoàn Ngọc Diệp", "10A1").await?;
    for (path, css, shot) in [
        ("/", "h1", "home-360"),
        ("/profiles", "[data-testid=person]", "profiles-360"),
        (
            "/certificate",
            "[data-testid=cert-not-yet]",
            "certificate-not-yet-360",
        ),
        (
            "/teacher?step=lab",
            "[data-testid=profiles-here]",
            "teacher-360",
        ),
        ("/lessons", "[data-testid=lesson-list]", "lessons-360"),
        ("/lessons/cong-dvcqg", "[data-testid=quiz]", "lesson-360"),
        ("/progress", "[data-testid=progress-table]", "progress-360"),
    ] {
        c.goto(&format!("{}{path}", server.origin)).await?;
        wait_css(&c, css).await?;
        assert_fits_width(&c, path).await?;
        screenshot(&c, shot).await?;
    }
    c.close().await?;
    Ok(())
}

pub async fn no_request_leaves_the_app_origin(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    crate::browser::new_student(&c, &server.origin, "Kiều Minh Tuấn", "11A1").await?;
    c.goto(&format!("{}/lessons/vneid", server.origin)).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    let foreign = js(
        &c,
        "return performance.getEntriesByType('resource').map(e => e.name).filter(u => !u.startsWith(location.origin))",
    )
    .await?;
    assert_eq!(foreign, serde_json::json!([]), "requests to other origins");
    let served = server.requests();
    assert!(
        served.iter().any(|r| r.ends_with(".wasm")),
        "the app itself was served: {served:?}"
    );
    c.close().await?;
    Ok(())
}

pub async fn damaged_saved_progress_is_set_aside_and_the_app_still_starts(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    crate::browser::new_student(&c, &server.origin, "Lý Thanh Tâm", "10A1").await?;
    c.goto(&format!("{}/progress", server.origin)).await?;
    wait_css(&c, "[data-testid=progress-table]").await?;
    let damaged = "{\"v\":2,\"lessons\":{\"vneid\":{\"opened\":";
    let id = js(
        &c,
        &format!(
            "const id = JSON.parse(localStorage.getItem('dvclab.v1.profiles')).current; \
             localStorage.setItem('dvclab.v1.profile.' + id, {damaged:?}); return id"
        ),
    )
    .await?;
    let id = id.as_str().ok_or("someone is signed in")?.to_string();
    c.refresh().await?;
    wait_text(&c, "[data-testid=storage-notice]", "Dữ liệu đã lưu bị hỏng").await?;
    // The student is still there, under her name, starting again; the damaged text is kept.
    wait_text(&c, "[data-testid=who-name]", "Lý Thanh Tâm").await?;
    wait_css(&c, "[data-testid=progress-table]").await?;
    let backups = js(
        &c,
        &format!(
            "return Object.keys(localStorage).filter(k => k.startsWith('dvclab.backup.profile.{id}')).map(k => localStorage.getItem(k))"
        ),
    )
    .await?;
    assert_eq!(
        backups,
        serde_json::json!([damaged]),
        "the damaged text is kept, byte for byte"
    );
    screenshot(&c, "storage-recovered").await?;
    // The notice offers to export, and the file holds the damaged copy byte for byte.
    let before = crate::browser::listing();
    c.find(Locator::Css("[data-testid=notice-export]"))
        .await?
        .click()
        .await?;
    let file = crate::browser::new_download(&before, "json").await?;
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    assert_eq!(doc["app"], "dvc-lab");
    // A progress file (it imports anywhere), carrying the damaged copy along.
    let kept = doc["damaged"].as_object().and_then(|m| {
        m.iter()
            .find(|(k, _)| k.starts_with("dvclab.backup.profile."))
            .map(|(_, v)| v.clone())
    });
    assert_eq!(kept, Some(serde_json::json!(damaged)), "{doc}");
    // A damaged index is set aside too, and rebuilt from the profiles.
    js(
        &c,
        "localStorage.setItem('dvclab.v1.profiles', '[[['); return 1",
    )
    .await?;
    c.goto(&format!("{}/profiles", server.origin)).await?;
    wait_text(&c, "[data-testid=storage-notice]", "Dữ liệu đã lưu bị hỏng").await?;
    wait_text(&c, "[data-testid=person]", "Lý Thanh Tâm").await?;
    assert_no_console_errors(&c, "after recovering damaged storage").await?;
    c.close().await?;
    Ok(())
}

pub async fn teacher_exports_everything_this_browser_holds(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    crate::browser::new_student(&c, &server.origin, "Mai Anh Thư", "12A1").await?;
    c.goto(&format!("{}/lessons/vneid", server.origin)).await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    c.goto(&format!("{}/teacher", server.origin)).await?;
    wait_text(&c, "[data-testid=profiles-here]", "Mai Anh Thư").await?;
    // The full backup is folded under "Khi có sự cố": one export stands out on a lab PC.
    crate::browser::click(&c, "[data-testid=trouble] summary").await?;
    let status = wait_text(&c, "[data-testid=storage-status]", "1 tài khoản học").await?;
    assert!(status.contains("KB"), "{status}");
    let before = crate::browser::listing();
    c.find(Locator::Css("[data-testid=export-all]"))
        .await?
        .click()
        .await?;
    let file = crate::browser::new_download(&before, "json").await?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    assert!(name.starts_with("dvc-lab-du-lieu-"), "{name}");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)?;
    let profile = doc["storage"]
        .as_object()
        .and_then(|m| m.iter().find(|(k, _)| k.starts_with("dvclab.v1.profile.")))
        .map(|(_, v)| v.clone())
        .ok_or("a profile in the export")?;
    assert_eq!(profile["s"]["n"], "Mai Anh Thư", "{doc}");
    assert!(profile["l"]["vneid"]["o"].is_i64(), "{doc}");
    assert_no_console_errors(&c, "on the teacher page").await?;
    c.close().await?;
    Ok(())
}

/// On a slow connection a student sees that something is happening: "Đang tải DVC Lab…" until
/// the app starts, and "Đang mở trang…" while a page downloads; both go away by themselves.
pub async fn a_slow_connection_shows_what_is_loading(ctx: &Ctx) -> Res {
    // No service worker: it would fetch every page in the background before the click.
    let site = std::env::temp_dir().join(format!("dvclab-e2e-slow-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    crate::offline::copy_dir(&ctx.dist, &site)?;
    std::fs::write(site.join("sw.js"), "")?;
    let server = StaticServer::start(&site, "/")?;
    server.slow_down("dvc-lab-", 2500);
    server.slow_down("split_about-", 2500);
    let c = ctx.driver.session(360, 640).await?;
    c.goto(&format!("{}/", server.origin)).await?;
    let boot = wait_text(&c, "#boot", "Đang tải DVC Lab").await?;
    assert!(boot.contains("Loading DVC Lab"), "{boot}");
    screenshot(&c, "boot-360").await?;
    wait_css(&c, "[data-testid=start]").await?;
    assert_eq!(
        js(&c, "return !!document.getElementById('boot')").await?,
        false
    );

    c.find(Locator::Css("footer a[href$='/about']"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=opening]", "Đang mở trang").await?;
    // Visible once the short delay (0.3 s) has passed.
    wait_js(
        &c,
        "getComputedStyle(document.querySelector('[data-testid=opening]')).visibility === 'visible'",
        5,
    )
    .await?;
    assert_fits_width(&c, "opening a page on a phone").await?;
    screenshot(&c, "opening-page-360").await?;
    wait_text(&c, "h1", "Giới thiệu").await?;
    assert_eq!(
        js(
            &c,
            "return !!document.querySelector('[data-testid=opening]')"
        )
        .await?,
        false,
        "the message goes once the page is there"
    );
    assert_no_console_errors(&c, "slow connection").await?;
    c.close().await?;
    let _ = std::fs::remove_dir_all(&site);
    Ok(())
}
