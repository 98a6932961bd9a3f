//! Defects seen when the app was used as students and teachers use it (issue "What goes wrong"):
//! imports that said nothing, words not in the interface language, a tab title set twice. (The
//! banner on a phone is checked after every step of every walkthrough in `walk.rs`; the full
//! storage rescue in `hardening.rs`.)

use crate::Ctx;
use crate::browser::{Res, js, new_student, screenshot, wait_css, wait_js, wait_text};
use crate::profiles::{import_file, write_temp};
use crate::server::StaticServer;
use dvc_lab::content::Lang;
use dvc_lab::progress::Record;
use dvc_lab::transfer::{Kind, export};
use fantoccini::Locator;

/// Importing on "Tiến độ của tôi" says what it did: merged, nothing new, or refused and why —
/// and the message stays on screen.
pub async fn every_import_on_my_progress_says_what_it_did(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    for (w, h) in [(1366, 768), (360, 640)] {
        let c = ctx.driver.session(w, h).await?;
        new_student(&c, o, "Lâm Quỳnh Anh", "10A1").await?;
        c.goto(&format!("{o}/progress")).await?;
        wait_css(&c, "[data-testid=progress-table]").await?;
        // Her record from another PC: the same profile, with a lesson passed there.
        let stored = js(
            &c,
            "const id = JSON.parse(localStorage.getItem('dvclab.v1.profiles')).current; \
             return localStorage.getItem('dvclab.v1.profile.' + id)",
        )
        .await?;
        let mut there: Record = serde_json::from_str(stored.as_str().ok_or("a record")?)?;
        let ids: Vec<String> = dvc_lab::content::course()
            .lessons(Lang::Vi)
            .iter()
            .find(|d| d.meta.id == "vneid")
            .ok_or("lesson vneid")?
            .questions
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let graded = dvc_lab::quiz::Graded {
            correct: vec![true; ids.len()],
            score: 100,
            passed: true,
        };
        there.record_quiz("vneid", &ids, &graded, 1_796_000_000);
        let mine = write_temp(
            &format!("anh-{w}.json"),
            &export(Kind::Student, "", "t", std::slice::from_ref(&there)),
        )?;
        let msg = import_file(&c, &mine).await?;
        assert!(
            msg.contains("Đã gộp tiến độ vào tài khoản học: Lâm Quỳnh Anh"),
            "{msg}"
        );
        // The message stays while the page shows the new progress.
        wait_text(&c, "[data-testid=progress-table]", "Đã đạt").await?;
        wait_text(&c, "[data-testid=import-message]", "Đã gộp tiến độ").await?;
        js(
            &c,
            "document.querySelector('[data-testid=move]').scrollIntoView(); return 1",
        )
        .await?;
        screenshot(&c, &format!("progress-import-{w}")).await?;
        let msg = import_file(&c, &mine).await?;
        assert!(msg.contains("Không có gì mới"), "{msg}");
        let mut other = there.clone();
        other.student.id = "e2eother01".into();
        other.student.name = "Bạn Khác".into();
        let theirs = write_temp(
            &format!("other-{w}.json"),
            &export(Kind::Student, "", "t", std::slice::from_ref(&other)),
        )?;
        let msg = import_file(&c, &theirs).await?;
        assert!(msg.contains("không phải của bạn"), "{msg}");
        c.close().await?;
    }
    Ok(())
}

/// Every visible word in the interface language: conflicting details named in Vietnamese on
/// the Vietnamese dashboard; a walkthrough's tab carries its own title.
pub async fn words_a_teacher_and_a_student_see_are_in_their_language(ctx: &Ctx) -> Res {
    let server = StaticServer::start(&ctx.dist, "/")?;
    let o = &server.origin;
    let c = ctx.driver.session(1366, 768).await?;
    let mut a = Record::new();
    a.student.id = "e2econf001".into();
    a.student.name = "Trần Văn Bình".into();
    a.student.class = "10A1".into();
    a.student.created = 1_795_000_000;
    a.open_lesson("vneid", 1_795_000_000);
    let mut b = a.clone();
    b.student.class = "10A2".into();
    let fa = write_temp("conf-a.json", &export(Kind::Pc, "Máy 1", "t", &[a]))?;
    let fb = write_temp("conf-b.json", &export(Kind::Pc, "Máy 2", "t", &[b]))?;
    crate::teacher::open_step(&c, o, "import").await?;
    // The file input comes once the stored data is read (slow on a loaded machine).
    crate::browser::wait_css(&c, "[data-testid=import-progress]").await?;
    c.find(Locator::Css("[data-testid=import-progress]"))
        .await?
        .send_keys(&format!("{fa}\n{fb}"))
        .await?;
    wait_js(
        &c,
        "document.querySelectorAll('[data-testid=import-log] li').length === 2",
        20,
    )
    .await?;
    crate::teacher::to_step(&c, "report").await?;
    let conflicts = wait_text(&c, "[data-testid=conflicts]", "Trần Văn Bình").await?;
    assert!(conflicts.contains("lớp “10A1”"), "{conflicts}");
    assert!(
        !conflicts.contains("class"),
        "English field name: {conflicts}"
    );

    // A walkthrough's tab title is the walkthrough's, not the generic one.
    new_student(&c, o, "Đinh Thu Trang", "10A2").await?;
    let sc = dvc_lab::walkthrough::scenarios(Lang::Vi)
        .iter()
        .find(|s| s.id == "kich-hoat-vneid")
        .ok_or("scenario")?;
    c.goto(&format!("{o}/walkthroughs/kich-hoat-vneid")).await?;
    wait_css(&c, "[data-testid=start-guided]").await?;
    wait_js(
        &c,
        &format!("document.title === {:?}", format!("{} – DVC Lab", sc.title)),
        10,
    )
    .await?;
    c.close().await?;
    Ok(())
}
