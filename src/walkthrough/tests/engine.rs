//! The engine on a small scenario that has a cascade, a checkbox rule, a branch, a conditional
//! field, a tick box, a trap, a deadline and a clock jump.

use crate::walkthrough::engine::{AttemptRecord, Control, Mode, Outcome, Session, SessionError};
use crate::walkthrough::formats::Stamp;
use crate::walkthrough::parse::parse_scenario;
use crate::walkthrough::scenario::Scenario;
use crate::walkthrough::verify::check_scenario;

/// A small valid scenario (a dvc-core fixture: also the base of its broken-file tests).
const MINI: &str = include_str!("../../../crates/dvc-core/tests/fixtures/mini-walkthrough.vi.md");

fn mini() -> Scenario {
    let sc = parse_scenario("thu.vi.md", MINI).expect("the mini scenario parses");
    assert_eq!(check_scenario(&sc), vec![], "the mini scenario is valid");
    sc
}

fn fill_a(s: &mut Session<'_>, cach: &str) {
    for (f, v) in [
        ("tinh", "ha-noi"),
        ("xa", "ba-dinh"),
        ("mon", "li, hoa"),
        ("cach", cach),
    ] {
        s.set(f, v).expect("field on screen a");
    }
    if cach == "buu-chinh" {
        s.set("dia-chi", "1 Phố Giả Định").expect("dia-chi");
    }
    s.toggle("cam-doan", "").expect("tick");
}

#[test]
fn cascade_offers_children_of_the_chosen_parent_and_clears_stale_ones() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Guided);
    assert_eq!(
        s.options("xa").len(),
        0,
        "nothing before a province is chosen"
    );
    s.set("tinh", "ha-noi").expect("tinh");
    s.set("xa", "ba-dinh").expect("xa");
    let offered: Vec<&str> = s.options("xa").iter().map(|c| c.value.as_str()).collect();
    assert_eq!(offered, ["ba-dinh"]);
    s.set("tinh", "hcm").expect("tinh");
    assert_eq!(s.value("xa"), "", "a ward of the old province is cleared");
    s.set("xa", "ba-dinh").expect("xa");
    assert!(
        s.check("xa").is_some(),
        "a ward of another province is refused"
    );
}

#[test]
fn guide_follows_the_fields_then_the_button_and_conditional_fields_appear() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Guided);
    let next = |s: &Session<'_>| s.guide().map(|g| g.control);
    assert_eq!(next(&s), Some(Control::Field("tinh".into())));
    s.set("tinh", "ha-noi").expect("set");
    assert_eq!(next(&s), Some(Control::Field("xa".into())));
    s.set("xa", "ba-dinh").expect("set");
    s.toggle("mon", "li").expect("toggle");
    assert_eq!(
        next(&s),
        Some(Control::Field("mon".into())),
        "one elective is not enough"
    );
    let e = s.check("mon").expect("wrong");
    assert_eq!(e.explanation.as_deref(), Some("Chọn đúng hai môn."));
    s.toggle("mon", "hoa").expect("toggle");
    s.toggle("mon", "sinh").expect("toggle");
    assert_eq!(s.value("mon"), "li, hoa, sinh");
    s.toggle("mon", "sinh").expect("toggle");
    assert!(!s.fields().iter().any(|f| f.id == "dia-chi"));
    s.set("cach", "buu-chinh").expect("set");
    assert!(
        s.fields().iter().any(|f| f.id == "dia-chi"),
        "post needs an address"
    );
    assert_eq!(next(&s), Some(Control::Field("dia-chi".into())));
    s.set("dia-chi", "1 Phố Giả Định").expect("set");
    assert_eq!(next(&s), Some(Control::Field("cam-doan".into())));
    s.toggle("cam-doan", "").expect("tick");
    assert_eq!(s.value("cam-doan"), "yes");
    assert_eq!(next(&s), Some(Control::Action("luu".into())));
}

#[test]
fn branches_follow_the_values_and_screens_move_the_clock() {
    let sc = mini();
    let mut online = Session::new(&sc, Mode::Practice);
    fill_a(&mut online, "truc-tuyen");
    assert_eq!(online.perform("luu"), Ok(Outcome::Finished));
    assert_eq!(online.perform("luu"), Err(SessionError::Finished));

    let mut post = Session::new(&sc, Mode::Practice);
    fill_a(&mut post, "buu-chinh");
    assert_eq!(
        post.perform("luu"),
        Ok(Outcome::Moved { screen: "b".into() })
    );
    assert_eq!(
        post.clock(),
        Stamp::parse("29/04/2025 08:00").expect("stamp")
    );
    post.set("ngay", "30/04/2025").expect("set");
    let Ok(Outcome::Rejected(errors)) = post.perform("xong") else {
        panic!("a date after the simulated today is refused");
    };
    assert!(
        errors[0].message.contains("29/04/2025"),
        "{}",
        errors[0].message
    );
    post.set("ngay", "28/04/2025").expect("set");
    assert_eq!(post.perform("xong"), Ok(Outcome::Finished));
    let summary = post.summary(30);
    assert_eq!(
        (summary.mistakes, summary.review.clone()),
        (1, vec!["b".to_string()])
    );
    assert_eq!(summary.score, 92);
}

#[test]
fn deadline_locks_the_save_button_with_the_clock_as_a_parameter() {
    let sc = mini();
    let late = Stamp::parse("28/04/2025 17:01").expect("stamp");
    let mut s = Session::new(&sc, Mode::Guided).with_clock(late);
    fill_a(&mut s, "truc-tuyen");
    let Ok(Outcome::Locked { message }) = s.perform("luu") else {
        panic!("saving after the deadline is refused");
    };
    assert!(message.contains("17:00 28/04/2025"), "{message}");
    assert_eq!(s.guide(), None, "no button moves on after the deadline");
    let on_time = Stamp::parse("28/04/2025 17:00").expect("stamp");
    let mut s = Session::new(&sc, Mode::Guided).with_clock(on_time);
    fill_a(&mut s, "truc-tuyen");
    assert_eq!(s.perform("luu"), Ok(Outcome::Finished));
}

#[test]
fn traps_required_fields_and_misuse() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Practice);
    assert_eq!(
        s.perform("bay"),
        Ok(Outcome::Trap {
            message: "Sai rồi.".into()
        })
    );
    let Ok(Outcome::Rejected(errors)) = s.perform("luu") else {
        panic!("empty form refused");
    };
    assert!(
        errors
            .iter()
            .all(|e| e.message == "Vui lòng nhập đầy đủ các thông tin có dấu *")
    );
    assert_eq!(
        errors.len(),
        5,
        "tinh, xa, mon, cach and the unticked cam-doan"
    );
    assert_eq!(
        s.set("ngay", "01/01/2025"),
        Err(SessionError::NoSuchField("ngay".into()))
    );
    assert_eq!(
        s.perform("xong"),
        Err(SessionError::NoSuchAction("xong".into()))
    );
    assert_eq!(s.guide(), None, "practice mode gives no hints");
    let summary = s.summary(0);
    assert!(!summary.finished && summary.score < 100);
    assert_eq!(summary.steps[0].mistakes, 2);
}

#[test]
fn unfinished_attempts_score_less_and_records_round_trip() {
    let sc = mini();
    let s = Session::new(&sc, Mode::Practice);
    let summary = s.summary(10);
    assert_eq!((summary.finished, summary.score), (false, 0));
    let record = summary.record(1_760_000_000);
    let json = serde_json::to_string(&record).expect("serialises");
    assert_eq!(
        json,
        r#"{"id":"thu","at":1760000000,"mode":"practice","score":0,"secs":10,"done":false}"#
    );
    let back: AttemptRecord = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, record);
}
