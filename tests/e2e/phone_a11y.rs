//! The student screens on a phone, beyond axe (issue 21): every control a thumb uses is at
//! least 44×44 CSS px (WCAG 2.5.5); at 320 px and at 200% zoom nothing scrolls sideways
//! (1.4.10) and with the WCAG text-spacing styles no text is cut off (1.4.12); after a live
//! switch to English no interface word stays Vietnamese (3.1.2); the certificate saves as a
//! one-page A4 PDF and, where the browser can share, is shared; the practice clock is in sight.
//!
//! Each screen is reached as a student with a completed module (the record is made with the
//! app's own core and imported through the profile picker), so the certificate is there too.

use crate::Ctx;
use crate::browser::{
    Res, assert_no_console_errors, cdp, js, screenshot, wait_css, wait_js, wait_signed_in,
    wait_text,
};
use crate::server::StaticServer;
use dvc_lab::content::Lang;
use dvc_lab::transfer::{Kind, export};
use dvc_lab::walkthrough::scenarios;
use fantoccini::{Client, Locator};
use serde_json::{Value, json};

/// The student's name and school: data, not interface words (they stay Vietnamese in English).
const NAME: &str = "Nguyễn Thị Phương Uyên";
const SCHOOL: &str = "THPT Trần Liễu";

/// The main student screens: a path, what shows it is drawn, and a short name for screenshots.
fn screens() -> Vec<(String, &'static str, &'static str)> {
    let walk = &scenarios(Lang::Vi)[0].id;
    vec![
        ("/".into(), "[data-testid=start]", "home"),
        ("/lessons".into(), "[data-testid=lesson-list]", "lessons"),
        ("/lessons/cong-dvcqg".into(), "[data-testid=quiz]", "lesson"),
        ("/walkthroughs".into(), "[data-testid=walk-list]", "walks"),
        (
            format!("/walkthroughs/{walk}"),
            "[data-testid=start-guided]",
            "walk-choice",
        ),
        (
            format!("/walkthroughs/{walk}?mode=guided"),
            "[data-testid=sim-screen]",
            "walk-guided",
        ),
        (
            format!("/walkthroughs/{walk}?mode=practice"),
            "[data-testid=sim-screen]",
            "walk-practice",
        ),
        (
            "/progress".into(),
            "[data-testid=progress-table]",
            "progress",
        ),
        ("/profiles".into(), "[data-testid=person]", "profiles"),
        (
            "/certificate".into(),
            "[data-testid=certificate]",
            "certificate",
        ),
    ]
}

/// A browser at `w`×`h` on the app, with the completed student imported and signed in.
async fn student_browser(ctx: &Ctx, o: &str, w: u32, h: u32) -> Res<Client> {
    let record = crate::profiles::complete_record();
    let file = export(
        Kind::Student,
        "",
        "2026-11-29T08:00:00Z",
        std::slice::from_ref(&record),
    );
    let path = crate::profiles::write_temp("phone-a11y-uyen.json", &file)?;
    let c = ctx.driver.session(w, h).await?;
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    crate::profiles::import_file(&c, &path).await?;
    wait_signed_in(&c, NAME).await?;
    Ok(c)
}

/// Opens `path` and waits for `css`, then for the page's styles and two frames (the layout is
/// settled before anything is measured).
async fn open(c: &Client, o: &str, path: &str, css: &str) -> Res {
    c.goto(&format!("{o}{path}")).await?;
    wait_css(c, css).await?;
    wait_js(
        c,
        "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))",
        10,
    )
    .await
}

/// Every visible control (`a, button, input, select, summary, [role=button]`) smaller than
/// 44×44 CSS px, as "what (w×h)". A radio, checkbox or hidden file input counts with its label
/// (a tap on the label is a tap on it). Exempt: controls inside running text — laid out inline
/// in a block whose own inline text has words outside them (WCAG 2.5.5's "inline" exception:
/// a link or a glossary term in a sentence; not a lone link in a paragraph of its own).
const SMALL_TARGETS: &str = r#"
const seen = (e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
const name = (e) => {
  const id = e.dataset.testid ? `[${e.dataset.testid}]` : (e.id ? `#${e.id}` : (e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''));
  const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 30);
  return `${e.tagName.toLowerCase()}${id} "${text}"`;
};
const inline = (e) => getComputedStyle(e).display.startsWith('inline');
const inText = (e) => {
  if (!inline(e)) return false;
  let b = e.parentElement;
  while (b && getComputedStyle(b).display === 'inline') b = b.parentElement;
  if (!b) return false;
  const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (e.contains(n) || !/\p{L}/u.test(n.textContent)) continue;
    // Words of running text: reached through inline boxes only (not a badge or a button).
    let p = n.parentElement, running = true;
    while (p && p !== b) {
      if (getComputedStyle(p).display !== 'inline' || !p.checkVisibility() || p.matches('a, button')) { running = false; break; }
      p = p.parentElement;
    }
    if (running) return true;
  }
  return false;
};
const small = [];
for (const e of document.querySelectorAll('a[href], button, input, select, summary, [role=button]')) {
  if (e.type === 'hidden' || e.closest('[inert], [aria-hidden=true]')) continue;
  let r = e.getBoundingClientRect();
  let [w, h] = [r.width, r.height];
  if (e.tagName === 'INPUT' && e.labels && e.labels.length) {
    for (const l of e.labels) {
      if (!seen(l)) continue;
      const lr = l.getBoundingClientRect();
      w = Math.max(w, lr.width); h = Math.max(h, lr.height);
    }
  } else if (!seen(e) || w <= 1 || h <= 1) continue;
  // Off the page (the skip link until it has focus).
  if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) continue;
  if (inText(e)) continue;
  if (w < 43.5 || h < 43.5) small.push(`${name(e)} (${Math.round(w)}×${Math.round(h)})`);
}
return [...new Set(small)];
"#;

async fn small_targets(c: &Client) -> Res<Vec<String>> {
    let v = js(c, SMALL_TARGETS).await?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default())
}

pub async fn every_control_a_thumb_uses_is_at_least_44_px_on_a_phone(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = student_browser(ctx, o, 360, 640).await?;
    let mut failures = Vec::new();
    for (path, css, shot) in screens() {
        open(&c, o, &path, css).await?;
        for s in small_targets(&c).await? {
            failures.push(format!("{path}: {s}"));
        }
        screenshot(&c, &format!("thumb-{shot}-360")).await?;
    }
    // The phone's menu, open: its sections and "Đổi người học".
    c.find(Locator::Css(".menu-toggle")).await?.click().await?;
    wait_css(&c, ".main-nav.open").await?;
    for s in small_targets(&c).await? {
        failures.push(format!("menu: {s}"));
    }
    screenshot(&c, "thumb-menu-360").await?;
    // The profile picker's new-profile form.
    open(&c, o, "/profiles", "[data-testid=create-open]").await?;
    c.find(Locator::Css("[data-testid=create-open]"))
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    for s in small_targets(&c).await? {
        failures.push(format!("/profiles (form): {s}"));
    }
    screenshot(&c, "thumb-profile-form-360").await?;
    c.close().await?;
    failures.dedup();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} controls under 44×44 px at 360×640:\n      {}",
            failures.len(),
            failures.join("\n      ")
        )
        .into())
    }
}

/// Sideways scroll of the page itself (a data table's own scroll box is allowed).
async fn sideways(c: &Client) -> Res<Option<String>> {
    let v = js(
        c,
        "const s = document.scrollingElement; if (s.scrollWidth <= innerWidth) return null;
         const wide = [...document.querySelectorAll('body *')].filter(e => {
           const r = e.getBoundingClientRect();
           return r.right > innerWidth + 1 && e.checkVisibility() && !e.closest('.table-wrap, [data-scroll-box]');
         }).slice(0, 4).map(e => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} (${Math.round(e.getBoundingClientRect().right)})`);
         return `${s.scrollWidth} px wide in ${innerWidth}: ${wide.join(', ')}`;",
    )
    .await?;
    Ok(v.as_str().map(String::from))
}

/// The WCAG 1.4.12 text-spacing bookmarklet's styles.
const TEXT_SPACING: &str = "const s = document.createElement('style'); s.id = 'wcag-spacing';
  s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  document.head.append(s);";

/// The header with wider text: the skip link stays above the window until focused, and the
/// brand's mark does not cover the student's name.
const HEADER_APART: &str = r#"
const out = [];
const skip = document.querySelector('.skip-link').getBoundingClientRect();
if (document.activeElement !== document.querySelector('.skip-link') && skip.bottom > 0)
  out.push(`the skip link shows ${Math.round(skip.bottom)} px of itself over the header`);
const mark = document.querySelector('.brand-mark'), who = document.querySelector('.who-name');
if (mark && who && mark.getBoundingClientRect().right > who.getBoundingClientRect().left + 1)
  out.push('the brand mark covers the student\'s name');
return out;
"#;

/// Visible boxes with text that hide what overflows them and are too short (or, unless they
/// end in an ellipsis on purpose — the header's name and tagline, whole for screen readers and
/// on wider screens — too narrow) for it.
const CLIPPED: &str = r#"
const out = [];
for (const e of document.querySelectorAll('body *')) {
  if (!e.checkVisibility() || !e.innerText || !e.innerText.trim()) continue;
  const cs = getComputedStyle(e);
  if (!/hidden|clip/.test(cs.overflowY + cs.overflowX)) continue;
  // Visually hidden text for screen readers (1 px, clipped on purpose).
  if (e.clientHeight <= 1 || e.clientWidth <= 1) continue;
  const what = `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]} "${e.innerText.trim().slice(0, 30)}"`;
  if (e.scrollHeight > e.clientHeight + 1) out.push(`${what} (${e.scrollHeight} > ${e.clientHeight} px tall)`);
  else if (cs.textOverflow !== 'ellipsis' && e.scrollWidth > e.clientWidth + 1) out.push(`${what} (${e.scrollWidth} > ${e.clientWidth} px wide)`);
}
return out;
"#;

pub async fn at_320_px_and_200_percent_zoom_nothing_scrolls_sideways_or_is_cut(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let mut failures = Vec::new();
    // 320×640: the narrowest phone; 683×384: 1366×768 at 200% zoom.
    for (w, h) in [(320, 640), (683, 384)] {
        let c = student_browser(ctx, o, w, h).await?;
        let inner = js(&c, "return innerWidth").await?;
        assert_eq!(inner, w, "the window is {w} CSS px wide");
        for (path, css, shot) in screens() {
            open(&c, o, &path, css).await?;
            if let Some(s) = sideways(&c).await? {
                failures.push(format!("{w}×{h} {path}: page scrolls sideways: {s}"));
            }
            js(&c, TEXT_SPACING).await?;
            wait_js(&c, "!!document.getElementById('wcag-spacing')", 5).await?;
            let header = js(&c, HEADER_APART).await?;
            for s in header.as_array().into_iter().flatten() {
                failures.push(format!(
                    "{w}×{h} {path} with text spacing: {}",
                    s.as_str().unwrap_or_default()
                ));
            }
            let cut = js(&c, CLIPPED).await?;
            for s in cut.as_array().into_iter().flatten() {
                failures.push(format!(
                    "{w}×{h} {path} with text spacing: cut off: {}",
                    s.as_str().unwrap_or_default()
                ));
            }
            screenshot(&c, &format!("reflow-{shot}-{w}")).await?;
        }
        c.close().await?;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n      ").into())
    }
}

/// The Vietnamese words on screen that are not data (her name, her school) nor marked
/// `lang="vi"`: text nodes with a letter only Vietnamese uses.
const VIETNAMESE_LEFT: &str = r#"
const viet = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const data = arguments[0];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const out = [];
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const e = n.parentElement;
  if (!e || e.closest('[lang=vi], script, style, .sr-only') || !e.checkVisibility()) continue;
  let text = n.textContent;
  for (const d of data) text = text.split(d).join('');
  if (viet.test(text)) out.push(text.trim().slice(0, 60));
}
return [...new Set(out)];
"#;

pub async fn after_a_live_switch_to_english_no_interface_word_stays_vietnamese(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let mut failures = Vec::new();
    // Nobody signed in yet: the header offers "Chọn tài khoản học".
    let c = ctx.driver.session(1366, 768).await?;
    for path in ["/", "/lessons", "/about"] {
        open(&c, o, path, "h1").await?;
        switch_and_check(&c, path, "h1", &mut failures).await?;
    }
    c.close().await?;
    let c = student_browser(ctx, o, 1366, 768).await?;
    for (path, css, _) in screens() {
        open(&c, o, &path, css).await?;
        switch_and_check(&c, &path, css, &mut failures).await?;
    }
    c.close().await?;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n      ").into())
    }
}

/// The Vietnamese text on screen now (see [`VIETNAMESE_LEFT`]).
async fn vietnamese_left(c: &Client) -> Res<Vec<String>> {
    let left = c
        .execute(VIETNAMESE_LEFT, vec![json!([NAME, SCHOOL])])
        .await?;
    Ok(left
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str().map(String::from))
        .collect())
}

/// Switches the page (shown in Vietnamese) to English with the header's button and records
/// any Vietnamese text on screen that a reload in English does not show — a word that stayed
/// behind (an English lesson's own Vietnamese terms are there after a reload too); then
/// switches back for the next page.
async fn switch_and_check(c: &Client, path: &str, css: &str, failures: &mut Vec<String>) -> Res {
    let lang = js(c, "return document.documentElement.lang").await?;
    assert_eq!(lang, "vi", "{path} opens in Vietnamese");
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_js(
        c,
        "document.documentElement.lang === 'en' && new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))",
        10,
    )
    .await?;
    let live = vietnamese_left(c).await?;
    c.refresh().await?;
    wait_css(c, css).await?;
    wait_js(
        c,
        "document.documentElement.lang === 'en' && new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))",
        10,
    )
    .await?;
    let reloaded = vietnamese_left(c).await?;
    for s in live.iter().filter(|s| !reloaded.contains(s)) {
        failures.push(format!("{path} in English still says {s:?} until a reload"));
    }
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_js(c, "document.documentElement.lang === 'vi'", 10).await
}

/// Installs a stand-in `navigator.share` in every page the browser opens from now on: it
/// records what it was given in `localStorage` and ends as `how` says ("ok" or "cancel").
async fn fake_share(c: &Client, how: &str) -> Res {
    let end = if how == "cancel" {
        "Promise.reject(new DOMException('Share canceled', 'AbortError'))"
    } else {
        "Promise.resolve()"
    };
    cdp(
        c,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": format!(
            "navigator.share = (data) => {{ localStorage.setItem('e2e.shared', JSON.stringify(data)); return {end}; }};"
        ) }),
    )
    .await?;
    Ok(())
}

pub async fn the_certificate_saves_as_one_a4_pdf_and_shares_from_a_phone(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let record = crate::profiles::complete_record();
    let day = dvc_lab::dates::day(
        record
            .completed_at(
                &dvc_lab::progress::requirements().lessons,
                &dvc_lab::progress::requirements().walks,
            )
            .ok_or("the record is complete")?,
    );

    // A browser without navigator.share (this desktop Chromium): no "Chia sẻ" at all.
    let c = student_browser(ctx, o, 360, 640).await?;
    open(&c, o, "/certificate", "[data-testid=certificate]").await?;
    let has_share = js(&c, "return 'share' in navigator").await?;
    assert_eq!(has_share, false, "this Chromium has no navigator.share");
    assert!(
        c.find(Locator::Css("[data-testid=share-certificate]"))
            .await
            .is_err(),
        "no share button where the browser cannot share"
    );
    // "Lưu thành tệp PDF" opens the print window, and the hint names the printer to pick.
    let save = wait_css(&c, "[data-testid=save-pdf]").await?;
    assert_eq!(save.text().await?, "Lưu thành tệp PDF");
    let hint = wait_text(&c, "[data-testid=pdf-hint]", "Lưu dưới dạng PDF").await?;
    assert!(hint.contains("A4"), "the hint says it fits A4: {hint}");
    js(
        &c,
        "window.e2ePrints = 0; window.print = () => { window.e2ePrints += 1; };",
    )
    .await?;
    save.click().await?;
    wait_js(&c, "window.e2ePrints === 1", 5).await?;
    let title = js(&c, "return document.title").await?;
    assert!(
        title.as_str().is_some_and(|t| t.contains(NAME)),
        "the saved file takes the page's title, which names her: {title}"
    );
    screenshot(&c, "certificate-save-360").await?;
    // What "Lưu dưới dạng PDF" writes: Chromium's own PDF with the page's paper size.
    let pdf = cdp(
        &c,
        "Page.printToPDF",
        json!({ "preferCSSPageSize": true, "printBackground": true }),
    )
    .await?;
    let bytes = base64_decode(pdf["data"].as_str().ok_or("PDF data")?)?;
    std::fs::write(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e/artifacts/certificate-save-as-pdf.pdf"),
        &bytes,
    )?;
    assert_eq!(
        crate::teacher::pdf_pages(&bytes),
        1,
        "the saved certificate is one page"
    );
    let (w, h) = crate::teacher::pdf_page_size(&bytes).ok_or("a page size in the PDF")?;
    assert!(
        (w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0,
        "the page is A4 portrait (595×842 pt), not {w}×{h}"
    );
    assert_no_console_errors(&c, "certificate, no share").await?;
    c.close().await?;

    // A phone with navigator.share: "Chia sẻ" sends her name, the day and what she completed.
    let c = student_browser(ctx, o, 360, 640).await?;
    fake_share(&c, "ok").await?;
    open(&c, o, "/certificate", "[data-testid=share-certificate]").await?;
    screenshot(&c, "certificate-share-360").await?;
    c.find(Locator::Css("[data-testid=share-certificate]"))
        .await?
        .click()
        .await?;
    wait_js(&c, "localStorage.getItem('e2e.shared') !== null", 5).await?;
    let shared: Value = serde_json::from_str(
        js(&c, "return localStorage.getItem('e2e.shared')")
            .await?
            .as_str()
            .unwrap_or_default(),
    )?;
    let text = shared["text"].as_str().unwrap_or_default();
    for fact in [
        NAME,
        "10A1",
        &day,
        "đã hoàn thành",
        "Kỹ năng sử dụng dịch vụ công",
    ] {
        assert!(text.contains(fact), "the shared text has {fact:?}: {text}");
    }
    assert_eq!(shared["title"], "Giấy chứng nhận DVC Lab");
    // In English the same facts in English.
    c.find(Locator::Css("[data-testid=lang-switch]"))
        .await?
        .click()
        .await?;
    wait_text(&c, "[data-testid=share-certificate]", "Share").await?;
    c.find(Locator::Css("[data-testid=share-certificate]"))
        .await?
        .click()
        .await?;
    wait_js(
        &c,
        "(localStorage.getItem('e2e.shared') || '').includes('completed the DVC Lab')",
        5,
    )
    .await?;
    assert_no_console_errors(&c, "certificate shared").await?;
    c.close().await?;

    // She closes the share sheet: nothing is said, nothing is wrong.
    let c = student_browser(ctx, o, 360, 640).await?;
    fake_share(&c, "cancel").await?;
    open(&c, o, "/certificate", "[data-testid=share-certificate]").await?;
    c.find(Locator::Css("[data-testid=share-certificate]"))
        .await?
        .click()
        .await?;
    wait_js(&c, "localStorage.getItem('e2e.shared') !== null", 5).await?;
    // The share's promise has settled once a task after it has run.
    wait_js(&c, "new Promise(r => setTimeout(() => r(true), 0))", 5).await?;
    let said = js(
        &c,
        "return document.querySelector('[data-testid=share-status]').textContent",
    )
    .await?;
    assert_eq!(said, "", "a cancelled share is not an error");
    assert_no_console_errors(&c, "share cancelled").await?;
    c.close().await?;

    // The lab PC's view of the same page.
    let c = student_browser(ctx, o, 1366, 768).await?;
    open(&c, o, "/certificate", "[data-testid=certificate]").await?;
    screenshot(&c, "certificate-save-1366").await?;
    c.close().await?;
    Ok(())
}

/// Standard base64 (what the DevTools protocol sends a PDF in).
fn base64_decode(s: &str) -> Res<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in s.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\n' | b'\r' => continue,
            _ => return Err(format!("not base64: {b}").into()),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

pub async fn a_practice_shows_its_clock_and_guided_mode_none(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let sc = &scenarios(Lang::Vi)[0];
    let c = student_browser(ctx, o, 360, 640).await?;
    open(
        &c,
        o,
        &format!("/walkthroughs/{}?mode=practice", sc.id),
        "[data-testid=sim-screen]",
    )
    .await?;
    let clock = wait_css(&c, "[data-testid=walk-clock]").await?;
    let first = wait_css(&c, "[data-testid=walk-clock-time]")
        .await?
        .text()
        .await?;
    let (m, s) = first.split_once(':').ok_or("the clock reads m:ss")?;
    assert!(
        m == "0" && s.len() == 2 && s.parse::<u32>().is_ok(),
        "the clock starts at 0:ss: {first:?}"
    );
    let shown = clock.text().await?;
    assert!(
        shown.contains(&format!("nên xong trong {} phút", sc.minutes)),
        "the clock says the time to aim for: {shown:?}"
    );
    // It moves on by itself (once a second), and is a timer, not a live region read out
    // every second.
    wait_js(
        &c,
        &format!(
            "document.querySelector('[data-testid=walk-clock-time]').textContent !== {first:?}"
        ),
        10,
    )
    .await?;
    let role = js(&c, "const t = document.querySelector('[data-testid=walk-clock-time]'); return [t.getAttribute('role'), t.closest('[aria-live=polite], [aria-live=assertive], [role=status], [role=alert]') === null]").await?;
    assert_eq!(role, json!(["timer", true]));
    let badge = js(
        &c,
        "const r = document.querySelector('[data-testid=walk-clock]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight",
    )
    .await?;
    assert_eq!(badge, true, "the clock is on the phone's first screen");
    screenshot(&c, "walk-clock-360").await?;
    // Guided mode is not timed: no clock, no "tính giờ".
    open(
        &c,
        o,
        &format!("/walkthroughs/{}?mode=guided", sc.id),
        "[data-testid=sim-screen]",
    )
    .await?;
    assert!(
        c.find(Locator::Css("[data-testid=walk-clock]"))
            .await
            .is_err()
    );
    c.close().await?;
    let c = student_browser(ctx, o, 1366, 768).await?;
    open(
        &c,
        o,
        &format!("/walkthroughs/{}?mode=practice", sc.id),
        "[data-testid=walk-clock]",
    )
    .await?;
    screenshot(&c, "walk-clock-1366").await?;
    assert_no_console_errors(&c, "practice clock").await?;
    c.close().await?;
    Ok(())
}
