//! Every embedded scenario, both languages: the checker accepts them, the correct path (and
//! every branch) completes in guided and practice modes, every declared mistake and trap yields
//! its message, required fields give the real message, and practice scores fall with mistakes
//! and time.

use super::play::{fill, forward, play_until, reach, variants};
use crate::content::{Lang, WALKTHROUGH_FILES};
use crate::walkthrough::engine::{Control, Mode, Outcome};
use crate::walkthrough::formats::Stamp;
use crate::walkthrough::scenario::{FieldKind, Scenario};
use crate::walkthrough::{check_scenarios, messages, scenario, scenarios};

const IDS: [&str; 11] = [
    "kich-hoat-vneid",
    "tra-cuu-thu-tuc",
    "ban-sao-khai-sinh",
    "thanh-toan-theo-doi",
    "dang-ky-thi-thpt",
    "nhan-dien-lua-dao",
    "phieu-ly-lich-tu-phap",
    "tam-tru-hoc-sinh",
    "cap-doi-can-cuoc-ong-ba",
    "bhyt-hoc-sinh-vneid",
    "tra-cuu-pakn",
];

fn all() -> Vec<&'static Scenario> {
    Lang::ALL.iter().flat_map(|l| scenarios(*l)).collect()
}

#[test]
fn embedded_files_pass_the_checker_and_are_the_six_scenarios() {
    let files: Vec<(&str, &str)> = WALKTHROUGH_FILES
        .iter()
        .copied()
        .filter(|(name, _)| crate::content::syntax::lang_of_file(name).is_some())
        .collect();
    let checked = check_scenarios(&files).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(checked.len(), IDS.len() * 2);
    for lang in Lang::ALL {
        let mut ids: Vec<&str> = scenarios(lang).iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        let mut want = IDS.to_vec();
        want.sort_unstable();
        assert_eq!(ids, want, "{lang:?}");
        assert!(scenario(lang, "kich-hoat-vneid").is_some());
    }
}

#[test]
fn correct_path_and_every_branch_complete_in_both_modes() {
    for sc in all() {
        for mode in [Mode::Guided, Mode::Practice] {
            for v in variants(sc) {
                let s = play_until(sc, mode, &v, |_| false);
                assert!(s.is_finished(), "{} {mode:?} {v:?}", sc.file);
                let summary = s.summary(60);
                assert_eq!(summary.mistakes, 0, "{}", sc.file);
                assert_eq!(summary.score, 100, "{} {mode:?}", sc.file);
                assert!(summary.review.is_empty());
            }
        }
    }
}

#[test]
fn guided_mode_points_at_each_field_then_the_button() {
    for sc in all() {
        let mut s = crate::walkthrough::Session::new(sc, Mode::Guided);
        while !s.is_finished() {
            let screen = s.screen();
            if let Some(first) = screen
                .fields
                .iter()
                .find(|f| f.is_input() && f.visible(s.values()) && f.required)
            {
                let g = s.guide().expect("guided mode guides");
                assert_eq!(g.control, Control::Field(first.id.clone()), "{}", sc.file);
                assert!(!g.instruction.is_empty());
            }
            fill(&mut s, &None);
            let g = s.guide().expect("guided mode guides");
            assert!(
                matches!(g.control, Control::Action(_)),
                "{} {}",
                sc.file,
                screen.id
            );
            forward(&mut s);
        }
        let p = crate::walkthrough::Session::new(sc, Mode::Practice);
        assert_eq!(p.guide(), None, "practice mode gives no hints");
    }
}

#[test]
fn every_mistake_yields_its_message() {
    let mut count = 0;
    for sc in all() {
        for screen in &sc.screens {
            for f in &screen.fields {
                for m in &f.mistakes {
                    count += 1;
                    let mut s = reach(sc, Mode::Guided, &screen.id, Some(&f.id));
                    s.set(&f.id, &m.value).expect("settable");
                    let Outcome::Rejected(errors) = forward(&mut s) else {
                        panic!("{}:{}: `{}` was accepted", sc.file, m.line, m.value);
                    };
                    let e = errors
                        .iter()
                        .find(|e| e.field == f.id)
                        .expect("error on the field");
                    assert_eq!(
                        e.explanation.as_deref(),
                        Some(m.message.as_str()),
                        "{}:{}",
                        sc.file,
                        m.line
                    );
                    assert!(!e.message.is_empty());
                    // Practice mode: the portal's message only, the explanation in the summary.
                    let mut p = reach(sc, Mode::Practice, &screen.id, Some(&f.id));
                    p.set(&f.id, &m.value).expect("settable");
                    let Outcome::Rejected(errors) = forward(&mut p) else {
                        panic!("{}:{}: accepted in practice mode", sc.file, m.line);
                    };
                    assert!(errors.iter().all(|e| e.explanation.is_none()));
                    let summary = p.summary(0);
                    assert!(summary.review.contains(&screen.id));
                    let step = summary
                        .steps
                        .iter()
                        .find(|r| r.screen == screen.id)
                        .expect("step");
                    assert!(step.messages.contains(&m.message), "{}:{}", sc.file, m.line);
                }
            }
        }
    }
    assert!(count >= 60, "only {count} mistakes declared");
}

#[test]
fn every_trap_yields_its_message() {
    let mut count = 0;
    for sc in all() {
        for screen in &sc.screens {
            for a in screen.actions.iter().filter(|a| a.wrong.is_some()) {
                count += 1;
                let mut s = reach(sc, Mode::Practice, &screen.id, None);
                let out = s.perform(&a.id).expect("action on the screen");
                assert_eq!(
                    out,
                    Outcome::Trap {
                        message: a.wrong.clone().unwrap_or_default()
                    }
                );
                assert_eq!(s.screen().id, screen.id, "a trap does not move on");
                assert_eq!(s.summary(0).mistakes, 1);
            }
        }
    }
    assert!(count >= 8, "only {count} traps");
}

#[test]
fn empty_required_fields_give_the_real_message() {
    for sc in all() {
        for screen in &sc.screens {
            for f in screen.fields.iter().filter(|f| f.required && f.is_input()) {
                let mut s = reach(sc, Mode::Practice, &screen.id, Some(&f.id));
                let empty = if f.kind == FieldKind::Tick { "no" } else { "" };
                s.set(&f.id, empty).expect("settable");
                let Outcome::Rejected(errors) = forward(&mut s) else {
                    panic!("{}: empty `{}` accepted", sc.file, f.id);
                };
                let e = errors
                    .iter()
                    .find(|e| e.field == f.id)
                    .expect("error on the field");
                assert_eq!(e.message, messages::required(sc.lang));
            }
        }
    }
    assert_eq!(
        messages::required(Lang::Vi),
        "Vui lòng nhập đầy đủ các thông tin có dấu *"
    );
}

#[test]
fn practice_score_falls_with_mistakes_and_time() {
    for sc in all() {
        let clean = play_until(sc, Mode::Practice, &None, |_| false);
        let on_time = sc.minutes * 60;
        assert_eq!(clean.summary(on_time).score, 100);
        let slow = clean.summary(on_time + 300).score;
        assert!(slow < 100, "{}: slow attempt scored {slow}", sc.file);
        // One refused action on the first screen that has a required field.
        let screen = sc
            .screens
            .iter()
            .find(|s| s.fields.iter().any(|f| f.required && f.is_input()))
            .expect("a screen with a required field");
        let mut s = reach(sc, Mode::Practice, &screen.id, None);
        let f = screen
            .fields
            .iter()
            .find(|f| f.required && f.is_input())
            .expect("field");
        s.set(&f.id, if f.kind == FieldKind::Tick { "no" } else { "" })
            .expect("settable");
        assert!(matches!(forward(&mut s), Outcome::Rejected(_)));
        fill(&mut s, &None);
        while !s.is_finished() {
            fill(&mut s, &None);
            forward(&mut s);
        }
        let one = s.summary(on_time);
        assert!(one.score < 100 && one.mistakes == 1, "{}", sc.file);
        assert_eq!(one.review, vec![screen.id.clone()]);
        assert!(s.summary(on_time + 300).score < one.score);
    }
}

#[test]
fn exam_registration_locks_after_the_deadline() {
    for lang in Lang::ALL {
        let sc = scenario(lang, "dang-ky-thi-thpt").expect("the exam scenario");
        // The story's clock has moved past 17:00 28/04/2025: changing subjects is refused.
        let mut s = reach(sc, Mode::Practice, "sau-han", None);
        let Ok(Outcome::Locked { message }) = s.perform("sua-mon") else {
            panic!(
                "{}: changing subjects after the deadline must be locked",
                sc.file
            );
        };
        assert!(message.contains("17:00 28/04/2025"), "{message}");
        // With the clock as a parameter: saving one minute late is refused, on time it works.
        let late = Stamp::parse("28/04/2025 17:01").expect("stamp");
        let mut s = reach(sc, Mode::Practice, "mon-thi", None).with_clock(late);
        assert!(matches!(s.perform("luu-phieu"), Ok(Outcome::Locked { .. })));
        let on_time = Stamp::parse("28/04/2025 16:59").expect("stamp");
        let mut s = reach(sc, Mode::Practice, "mon-thi", None).with_clock(on_time);
        assert!(matches!(s.perform("luu-phieu"), Ok(Outcome::Moved { .. })));
    }
}

#[test]
fn scenarios_are_listed_in_order_with_the_same_ids_in_both_languages() {
    let vi: Vec<(&str, u32)> = scenarios(Lang::Vi)
        .iter()
        .map(|s| (s.id.as_str(), s.order))
        .collect();
    let en: Vec<(&str, u32)> = scenarios(Lang::En)
        .iter()
        .map(|s| (s.id.as_str(), s.order))
        .collect();
    assert_eq!(vi, en);
    assert_eq!(vi.iter().map(|(id, _)| *id).collect::<Vec<_>>(), IDS);
    assert!(vi.windows(2).all(|w| w[0].1 < w[1].1));
}
