//! The new-profile form and the small accessibility points around it (issue 21, points 4, 5
//! and 8): on a phone the form asks for name and class with its button on the first screen,
//! the rest folded under "Thêm tuỳ chọn"; the school is set once per PC in the teacher area and
//! becomes each new profile's school; the student's profile is never called "hồ sơ" (a word the
//! lessons keep for administrative dossiers); a glossary definition stays while the pointer is
//! on it (WCAG 1.4.13); file inputs are buttons labelled in Vietnamese with a visible focus
//! ring (2.4.7); tables that scroll sideways take keyboard focus (2.1.1).

use crate::Ctx;
use crate::browser::{
    Res, assert_no_console_errors, js, key, new_student, press, screenshot, wait_css, wait_js,
    wait_text,
};
use crate::server::StaticServer;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

const SCHOOL: &str = "THPT Trần Liễu";

async fn click(c: &Client, css: &str) -> Res {
    c.find(Locator::Css(css)).await?.click().await?;
    Ok(())
}

/// Empties a text box the way a person does (select all, delete), so the page hears it.
async fn erase(input: &fantoccini::elements::Element) -> Res {
    input
        .send_keys(&format!(
            "{}a{}{}",
            key(Key::Control),
            key(Key::Null),
            key(Key::Backspace)
        ))
        .await?;
    Ok(())
}

/// Sets this PC's school in the teacher area ("Trường của máy này"); empty clears it.
async fn set_pc_school(c: &Client, origin: &str, school: &str) -> Res {
    c.goto(&format!("{origin}/teacher?step=lab")).await?;
    let input = wait_css(c, "[data-testid=pc-school]").await?;
    erase(&input).await?;
    input.send_keys(school).await?;
    click(c, "[data-testid=pc-school-save]").await?;
    let cleaned = school.split_whitespace().collect::<Vec<_>>().join(" ");
    let expect = if cleaned.is_empty() {
        "không đặt sẵn trường".to_string()
    } else {
        format!("“{cleaned}”")
    };
    wait_text(c, "[data-testid=pc-school-message]", &expect).await?;
    Ok(())
}

/// The id and visible box (top, bottom) of every form control a student sees in the
/// new-profile form, and whether "Thêm tuỳ chọn" is open.
async fn visible_fields(c: &Client) -> Res<(Vec<String>, bool)> {
    let v = js(
        c,
        "const f = document.querySelector('[data-testid=create-form]');
         const ids = [...f.querySelectorAll('input')].filter(e => e.checkVisibility()).map(e => e.id);
         return [ids, f.querySelector('[data-testid=more-options]').open];",
    )
    .await?;
    let ids = v[0]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok((ids, v[1] == true))
}

/// Fails unless the create button is wholly inside the window with the page not scrolled.
async fn assert_button_on_first_screen(c: &Client, context: &str) -> Res {
    let v = js(
        c,
        "const r = document.querySelector('[data-testid=create-submit]').getBoundingClientRect();
         return [r.top, r.bottom, window.innerHeight, window.scrollY];",
    )
    .await?;
    let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    assert!(
        n(3) == 0.0 && n(0) >= 0.0 && n(1) <= n(2),
        "{context}: the create button is at {}–{} px of a {} px window (scrolled {})",
        n(0),
        n(1),
        n(2),
        n(3)
    );
    Ok(())
}

/// The stored index's schools, in order of creation.
async fn stored_schools(c: &Client) -> Res<Vec<String>> {
    let v = js(
        c,
        "const i = JSON.parse(localStorage.getItem('dvclab.v1.profiles') || '{\"people\":[]}');
         return i.people.map(p => p.school);",
    )
    .await?;
    Ok(v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default())
}

pub async fn on_a_phone_the_form_asks_for_name_and_class_with_its_button_on_screen(
    ctx: &Ctx,
) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(360, 640).await?;
    // A lab PC whose school the teacher has set: name and class, the rest folded.
    set_pc_school(&c, o, SCHOOL).await?;
    for (lang, title) in [
        ("vi", "Tạo tài khoản học mới"),
        ("en", "Create a new profile"),
    ] {
        js(
            &c,
            &format!("localStorage.setItem('dvclab.v1.lang', '\"{lang}\"'); return 1"),
        )
        .await?;
        c.goto(&format!("{o}/profiles")).await?;
        wait_css(&c, "[data-testid=create-form]").await?;
        wait_js(
            &c,
            &format!(
                "document.querySelector('[data-testid=create-form] h2').textContent === {title:?}"
            ),
            10,
        )
        .await?;
        let (ids, open) = visible_fields(&c).await?;
        assert_eq!(ids, ["p-name", "p-class"], "{lang}: only name and class");
        assert!(!open, "{lang}: the options start folded");
        screenshot(&c, &format!("profile-form-360-{lang}")).await?;
        assert_button_on_first_screen(&c, lang).await?;
        let summary = wait_css(&c, "[data-testid=more-options] summary")
            .await?
            .text()
            .await?;
        assert!(
            summary.contains(SCHOOL),
            "{lang}: the folded part says which school is set: {summary}"
        );
    }
    js(
        &c,
        "localStorage.setItem('dvclab.v1.lang', '\"vi\"'); return 1",
    )
    .await?;
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    // Unfolded: the school (filled in), student code and the PIN.
    click(&c, "[data-testid=more-options] summary").await?;
    wait_js(
        &c,
        "document.querySelector('[data-testid=more-options]').open && document.querySelector('#p-pin').checkVisibility()",
        10,
    )
    .await?;
    let (ids, _) = visible_fields(&c).await?;
    assert_eq!(
        ids,
        ["p-name", "p-class", "p-school", "p-code", "p-pin", "p-pin2"]
    );
    screenshot(&c, "profile-form-options-360").await?;
    // A wrong PIN in the folded part: the part opens again, focus goes to the PIN.
    c.find(Locator::Css("#p-pin"))
        .await?
        .send_keys("12")
        .await?;
    click(&c, "[data-testid=more-options] summary").await?;
    wait_js(
        &c,
        "!document.querySelector('[data-testid=more-options]').open",
        10,
    )
    .await?;
    c.find(Locator::Css("#p-name"))
        .await?
        .send_keys("Đỗ Minh Châu")
        .await?;
    c.find(Locator::Css("#p-class"))
        .await?
        .send_keys("10a2")
        .await?;
    click(&c, "[data-testid=create-submit]").await?;
    wait_js(
        &c,
        "document.querySelector('[data-testid=more-options]').open && document.activeElement.id === 'p-pin'",
        10,
    )
    .await?;
    erase(&c.find(Locator::Css("#p-pin")).await?).await?;
    click(&c, "[data-testid=create-submit]").await?;
    wait_text(&c, "[data-testid=who-name]", "Châu · 10A2").await?;
    assert_eq!(stored_schools(&c).await?, [SCHOOL]);

    // A PC nobody has set up (a phone at home): the school is asked up front.
    let fresh = ctx.driver.session(360, 640).await?;
    fresh.goto(&format!("{o}/profiles")).await?;
    wait_css(&fresh, "[data-testid=create-form]").await?;
    let (ids, open) = visible_fields(&fresh).await?;
    assert_eq!(ids, ["p-name", "p-class", "p-school"]);
    assert!(!open);
    screenshot(&fresh, "profile-form-no-school-360").await?;
    assert_button_on_first_screen(&fresh, "a PC without a school").await?;
    assert_no_console_errors(&c, "the profile form on a phone").await?;
    fresh.close().await?;
    c.close().await?;
    Ok(())
}

pub async fn the_school_set_in_the_teacher_area_is_the_new_profiles_school(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    // Set in the teacher area, kept across a reload, under its own versioned key.
    set_pc_school(&c, o, "  THPT   Nguyễn Huệ ").await?;
    screenshot(&c, "teacher-pc-school-1366").await?;
    c.refresh().await?;
    let kept = wait_css(&c, "[data-testid=pc-school]")
        .await?
        .prop("value")
        .await?;
    assert_eq!(
        kept.as_deref(),
        Some("THPT Nguyễn Huệ"),
        "cleaned up and kept"
    );
    assert_eq!(
        js(&c, "return localStorage.getItem('dvclab.v1.pc-school')").await?,
        "\"THPT Nguyễn Huệ\""
    );
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    screenshot(&c, "profile-form-1366").await?;
    // The first student types only name and class.
    new_student(&c, o, "Vũ Thị Lan", "11A1").await?;
    // The second changes the school under "Thêm tuỳ chọn" (she is visiting from another school).
    click(&c, "[data-testid=switch-student]").await?;
    wait_css(&c, "[data-testid=create-open]")
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    let school = c.find(Locator::Css("#p-school")).await?;
    assert_eq!(
        school.prop("value").await?.as_deref(),
        Some("THPT Nguyễn Huệ")
    );
    click(&c, "[data-testid=more-options] summary").await?;
    school.clear().await?;
    school.send_keys("THPT Lê Lợi").await?;
    c.find(Locator::Css("#p-name"))
        .await?
        .send_keys("Mai Anh Tuấn")
        .await?;
    c.find(Locator::Css("#p-class"))
        .await?
        .send_keys("11A1")
        .await?;
    click(&c, "[data-testid=create-submit]").await?;
    wait_text(&c, "[data-testid=who-name]", "Mai Anh Tuấn").await?;
    // The third gets the PC's school again, not the one typed last.
    new_student(&c, o, "Hà Văn Sơn", "11A2").await?;
    assert_eq!(
        stored_schools(&c).await?,
        ["THPT Nguyễn Huệ", "THPT Lê Lợi", "THPT Nguyễn Huệ"]
    );
    // The picker shows each one's school.
    click(&c, "[data-testid=switch-student]").await?;
    let list = wait_text(&c, "[data-testid=picker]", "Hà Văn Sơn").await?;
    assert!(list.contains("11A1 · THPT Lê Lợi"), "{list}");
    // Cleared: the form offers the school typed last on this PC, as before the setting.
    set_pc_school(&c, o, "").await?;
    assert_eq!(
        js(&c, "return localStorage.getItem('dvclab.v1.pc-school')").await?,
        serde_json::Value::Null
    );
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=create-open]")
        .await?
        .click()
        .await?;
    let offered = wait_css(&c, "#p-school").await?.prop("value").await?;
    assert_eq!(offered.as_deref(), Some("THPT Nguyễn Huệ"));
    assert_no_console_errors(&c, "this PC's school").await?;
    c.close().await?;
    Ok(())
}

/// Every interface word a student can meet on the screen: text, and the names and hints of
/// controls — but not lesson titles (`skip`: "Nộp hồ sơ trực tuyến" is a lesson about dossiers).
fn screen_words(skip: &str) -> String {
    format!(
        "const main = document.querySelector('main').cloneNode(true);
         for (const e of main.querySelectorAll({skip:?})) e.remove();
         const out = [document.querySelector('header').textContent, main.textContent, document.title];
         for (const e of [...document.querySelectorAll('header [aria-label]'), ...main.querySelectorAll('[aria-label], [title], [placeholder]')])
           out.push(e.getAttribute('aria-label') || '', e.getAttribute('title') || '', e.getAttribute('placeholder') || '');
         return out.join(' | ').normalize('NFC');"
    )
}

async fn assert_no_ho_so(c: &Client, context: &str) -> Res {
    assert_no_ho_so_but(c, context, "nothing-to-skip").await
}

async fn assert_no_ho_so_but(c: &Client, context: &str, skip: &str) -> Res {
    let words = js(c, &screen_words(skip)).await?;
    let words = words.as_str().unwrap_or_default().to_lowercase();
    assert!(!words.is_empty(), "{context}: nothing read");
    if let Some(at) = words.find("hồ sơ") {
        let start = words[..at]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let end = (at + 60).min(words.len());
        let end = (end..=words.len())
            .find(|i| words.is_char_boundary(*i))
            .unwrap_or(words.len());
        return Err(format!("{context} says “hồ sơ”: …{}…", &words[start..end]).into());
    }
    Ok(())
}

pub async fn no_profile_screen_calls_the_students_profile_ho_so(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    // A fresh PC: the picker, the form with its options open, then every form problem.
    c.goto(&format!("{o}/profiles")).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    assert_no_ho_so(&c, "the first visit's picker").await?;
    click(&c, "[data-testid=more-options] summary").await?;
    click(&c, "[data-testid=create-submit]").await?;
    wait_css(&c, "[data-testid=form-errors]").await?;
    assert_no_ho_so(&c, "the form's problems").await?;
    // A page that needs a student: the gate.
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    assert_no_ho_so(&c, "the sign-in gate").await?;
    // Two students, the same name twice, a file imported.
    new_student(&c, o, "Lý Thu Trang", "12A1").await?;
    click(&c, "[data-testid=switch-student]").await?;
    wait_css(&c, "[data-testid=create-open]")
        .await?
        .click()
        .await?;
    crate::browser::fill_profile_form(&c, "Lý Thu Trang", "12A1").await?;
    wait_text(
        &c,
        "[data-testid=create-form]",
        "Máy này đã có tài khoản học",
    )
    .await?;
    assert_no_ho_so(&c, "the same name and class twice").await?;
    let mut record = crate::profiles::complete_record();
    record.student.id = "formtest01".into();
    record.student.name = "Đinh Công Mạnh".into();
    let file = crate::profiles::write_temp(
        "profile-form-import.json",
        &dvc_lab::transfer::export(
            dvc_lab::transfer::Kind::Student,
            "",
            "2026-12-01T00:00:00Z",
            &[record],
        ),
    )?;
    c.find(Locator::Css("[data-testid=import-file]"))
        .await?
        .send_keys(&file)
        .await?;
    wait_text(&c, "[data-testid=import-message]", "Đinh Công Mạnh").await?;
    js(
        &c,
        "document.querySelector('[data-testid=import-message]').scrollIntoView({block: 'center'}); return 1",
    )
    .await?;
    screenshot(&c, "picker-imported-1366").await?;
    assert_no_ho_so(&c, "a file imported on the picker").await?;
    wait_css(&c, "[data-testid=person]").await?;
    assert_no_ho_so(&c, "the picker with a list").await?;
    // Signed in: the progress page (moving progress to another device) and the header.
    crate::profiles::pick(&c, "Lý Thu Trang").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=overall]").await?;
    // The lesson titles in its tables and chart are content, not interface.
    assert_no_ho_so_but(
        &c,
        "my progress",
        "[data-testid=progress-table] tbody, [data-testid=walk-progress-table] tbody, .chart",
    )
    .await?;
    let removed = js(
        &c,
        "return document.querySelector('[data-testid=progress-table] tbody').textContent.normalize('NFC').toLowerCase().includes('hồ sơ')",
    )
    .await?;
    assert_eq!(
        removed, true,
        "the lesson about dossiers is in the table that was skipped"
    );
    // The teacher area's part about the profiles on this PC.
    c.goto(&format!("{o}/teacher?step=lab")).await?;
    wait_css(&c, "[data-testid=profiles-here]").await?;
    let part = js(
        &c,
        "return ['profiles-here', 'restore-profiles', 'storage-status'].map(t => document.querySelector(`[data-testid=${t}]`).textContent).join(' ').normalize('NFC')",
    )
    .await?;
    let part = part.as_str().unwrap_or_default().to_lowercase();
    assert!(
        !part.contains("hồ sơ") && part.contains("tài khoản học"),
        "the teacher area's profile part: {part}"
    );
    c.close().await?;
    Ok(())
}

/// Whether the first glossary definition on the page is shown.
async fn definition_shown(c: &Client) -> Res<bool> {
    Ok(js(
        c,
        "return getComputedStyle(document.querySelector('.term-def')).display === 'block'",
    )
    .await?
        == true)
}

/// Moves the mouse to `(dx, dy)` from the centre of the element matching `css`.
async fn mouse_to(c: &Client, css: &str, dx: f64, dy: f64) -> Res {
    let el = c.find(Locator::Css(css)).await?;
    let mouse = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: el,
        duration: None,
        x: dx,
        y: dy,
    });
    c.perform_actions(mouse).await?;
    Ok(())
}

pub async fn a_glossary_definition_stays_while_the_pointer_is_on_it(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    new_student(&c, &server.origin, "Tạ Quang Huy", "10A3").await?;
    c.goto(&format!("{}/lessons/an-toan-truc-tuyen", server.origin))
        .await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    js(
        &c,
        "document.querySelector('.term-btn').scrollIntoView({block: 'center'}); return 1",
    )
    .await?;
    let boxes = js(
        &c,
        "const b = document.querySelector('.term-btn').getBoundingClientRect();
         return [b.height];",
    )
    .await?;
    let half = boxes[0].as_f64().unwrap_or(20.0) / 2.0;
    mouse_to(&c, ".term-btn", 0.0, 0.0).await?;
    wait_js(
        &c,
        "getComputedStyle(document.querySelector('.term-def')).display === 'block'",
        10,
    )
    .await?;
    // Down across the gap under the word (2 px below it), then onto the definition.
    mouse_to(&c, ".term-btn", 0.0, half + 2.0).await?;
    assert!(
        definition_shown(&c).await?,
        "still shown in the gap under the word"
    );
    mouse_to(&c, ".term-def", 0.0, 0.0).await?;
    assert!(
        definition_shown(&c).await?,
        "still shown with the pointer on the definition"
    );
    let under = js(
        &c,
        "const d = document.querySelector('.term-def').getBoundingClientRect();
         const e = document.elementFromPoint(d.left + d.width / 2, d.top + d.height / 2);
         return !!e && !!e.closest('.term-def');",
    )
    .await?;
    assert_eq!(under, true, "the definition is on top where the pointer is");
    screenshot(&c, "glossary-hovered-1366").await?;
    // Away from both: hidden.
    mouse_to(&c, "h1", 0.0, 0.0).await?;
    wait_js(
        &c,
        "getComputedStyle(document.querySelector('.term-def')).display === 'none'",
        10,
    )
    .await?;
    // Shown by hover, dismissed by Escape wherever focus is (WCAG 1.4.13 "dismissible").
    mouse_to(&c, ".term-btn", 0.0, 0.0).await?;
    wait_js(
        &c,
        "getComputedStyle(document.querySelector('.term-def')).display === 'block'",
        10,
    )
    .await?;
    js(&c, "document.activeElement.blur(); return 1").await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Escape))
        .await?;
    wait_js(
        &c,
        "getComputedStyle(document.querySelector('.term-def')).display === 'none'",
        10,
    )
    .await?;
    assert_no_console_errors(&c, "the glossary").await?;
    c.close().await?;
    Ok(())
}

/// Tabs until the element with this id has focus, at most 200 presses.
async fn tab_to(c: &Client, id: &str) -> Res {
    for _ in 0..200 {
        if js(
            c,
            "return document.activeElement && document.activeElement.id",
        )
        .await?
        .as_str()
            == Some(id)
        {
            return Ok(());
        }
        press(c, &key(Key::Tab)).await?;
    }
    Err(format!("Tab never reached #{id}").into())
}

/// The label of the file input `id`: its text, its box height, and its outline (style and
/// width) as drawn now.
async fn file_label(c: &Client, id: &str) -> Res<(String, f64, String, f64)> {
    let v = js(
        c,
        &format!(
            "const l = document.querySelector('label[for={id}]'); const s = getComputedStyle(l);
             return [l.textContent, l.getBoundingClientRect().height, s.outlineStyle, parseFloat(s.outlineWidth)];"
        ),
    )
    .await?;
    Ok((
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_f64().unwrap_or(0.0),
        v[2].as_str().unwrap_or_default().to_string(),
        v[3].as_f64().unwrap_or(0.0),
    ))
}

/// Fails unless the file input `id` is out of sight (the browser's own button and "No file
/// chosen" not drawn) and its label is a button-sized Vietnamese label with `words`; then Tabs
/// to the input and fails unless the label shows the focus ring.
async fn assert_file_button(c: &Client, id: &str, words: &str, context: &str) -> Res {
    let hidden = js(
        c,
        &format!(
            "const i = document.getElementById('{id}'); const r = i.getBoundingClientRect();
             return r.width <= 1 && r.height <= 1 && getComputedStyle(i).opacity === '0';"
        ),
    )
    .await?;
    assert_eq!(
        hidden, true,
        "{context}: the browser's file control is out of sight"
    );
    let (text, height, outline, _) = file_label(c, id).await?;
    assert!(text.contains(words), "{context}: the label says {text:?}");
    assert!(height >= 44.0, "{context}: the label is {height} px high");
    assert_eq!(outline, "none", "{context}: no ring before focus");
    js(
        c,
        "document.activeElement.blur(); window.scrollTo(0, 0); return 1",
    )
    .await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    tab_to(c, id).await?;
    let (_, _, outline, width) = file_label(c, id).await?;
    assert!(
        outline != "none" && width >= 2.0,
        "{context}: the focused file input rings its label ({outline} {width}px)"
    );
    Ok(())
}

pub async fn file_inputs_are_vietnamese_buttons_and_tables_scroll_by_keyboard(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(360, 640).await?;
    // After the profile gate (the audit's focus stop without a ring).
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=import-file]").await?;
    assert_file_button(&c, "import-file", "Nhập tệp tiến độ", "the gate's import").await?;
    screenshot(&c, "file-button-focused-360").await?;
    // The hidden input still takes a file (as the e2e tests and a keyboard's Enter do).
    new_student(&c, o, "Châu Ngọc Hân", "10A4").await?;
    c.goto(&format!("{o}/progress")).await?;
    wait_css(&c, "[data-testid=import-file]").await?;
    assert_file_button(&c, "import-own", "Nhập tệp tiến độ", "my progress").await?;
    // The progress tables: focusable, named regions; an arrow key scrolls one that overflows.
    let regions = js(
        &c,
        "return [...document.querySelectorAll('.table-wrap')].map(w =>
            [w.getAttribute('tabindex'), w.getAttribute('role'), w.getAttribute('aria-label') || '', w.scrollWidth > w.clientWidth]);",
    )
    .await?;
    let regions = regions.as_array().cloned().unwrap_or_default();
    assert!(regions.len() >= 2, "both progress tables: {regions:?}");
    for r in &regions {
        assert!(
            r[0] == "0" && r[1] == "region" && !r[2].as_str().unwrap_or_default().is_empty(),
            "a focusable, named scroll box: {r}"
        );
    }
    // A box that overflows (a narrower one when nothing does at this width, as on a smaller
    // phone or with larger text): Tab reaches it and the arrow keys scroll it.
    let wide = regions.iter().position(|r| r[3] == true).unwrap_or(0);
    js(
        &c,
        &format!(
            "const w = document.querySelectorAll('.table-wrap')[{wide}];
             if (w.scrollWidth <= w.clientWidth) w.style.maxWidth = '200px';
             w.scrollLeft = 0; return w.scrollWidth > w.clientWidth;"
        ),
    )
    .await?;
    js(
        &c,
        "document.activeElement.blur(); window.scrollTo(0, 0); return 1",
    )
    .await?;
    c.find(Locator::Css("body"))
        .await?
        .send_keys(&key(Key::Tab))
        .await?;
    let mut reached = false;
    for _ in 0..200 {
        if js(
            &c,
            &format!(
                "return document.activeElement === document.querySelectorAll('.table-wrap')[{wide}]"
            ),
        )
        .await?
            == true
        {
            reached = true;
            break;
        }
        press(&c, &key(Key::Tab)).await?;
    }
    assert!(reached, "Tab reaches the table's scroll box");
    press(&c, &key(Key::Right)).await?;
    press(&c, &key(Key::Right)).await?;
    wait_js(
        &c,
        &format!("document.querySelectorAll('.table-wrap')[{wide}].scrollLeft > 0"),
        10,
    )
    .await?;
    // The teacher area: both of the report's file inputs, and this PC's profile table.
    c.goto(&format!("{o}/teacher?step=import")).await?;
    wait_css(&c, "[data-testid=import-progress]").await?;
    assert_file_button(
        &c,
        "import-progress",
        "Chọn tệp tiến độ",
        "the teacher's import",
    )
    .await?;
    screenshot(&c, "teacher-file-button-focused-360").await?;
    assert_file_button(
        &c,
        "import-roster",
        "Chọn tệp danh sách lớp",
        "the class list",
    )
    .await?;
    // This PC's side: the restore is folded under "Khi có sự cố".
    crate::teacher::to_step(&c, "lab").await?;
    click(&c, "[data-testid=trouble] summary").await?;
    assert_file_button(&c, "restore-file", "Nhập tệp tiến độ", "the restore").await?;
    let wrap = js(
        &c,
        "const w = document.querySelector('[data-testid=profiles-here] .table-wrap');
         return [w.getAttribute('tabindex'), w.getAttribute('aria-label')];",
    )
    .await?;
    assert_eq!(wrap[0], "0");
    assert_eq!(wrap[1], "Tài khoản học trên máy này");
    js(
        &c,
        "document.querySelector('[data-testid=profiles-here]').scrollIntoView(); return 1",
    )
    .await?;
    screenshot(&c, "teacher-pc-school-360").await?;
    // Selects are bordered at 3:1 or more against white (WCAG 1.4.11).
    let border = js(
        &c,
        "const s = document.createElement('select'); document.querySelector('main').append(s);
         const c = getComputedStyle(s).borderTopColor; s.remove(); return c;",
    )
    .await?;
    let rgb: Vec<f64> = border
        .as_str()
        .unwrap_or_default()
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|x| x.trim().parse().ok())
        .collect();
    assert!(
        rgb.len() >= 3 && contrast_on_white(&rgb) >= 3.0,
        "select border {border}"
    );
    assert_no_console_errors(&c, "file buttons and scroll boxes").await?;
    c.close().await?;
    Ok(())
}

/// WCAG contrast ratio of an sRGB colour (0–255) against white.
fn contrast_on_white(rgb: &[f64]) -> f64 {
    let lin = |c: f64| {
        let c = c / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    1.05 / (l + 0.05)
}
