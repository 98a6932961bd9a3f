//! Tests of the lesson file parser (split out of `syntax.rs` to keep it readable).
use super::*;

const GOOD: &str = "---\nid: demo\norder: 1\ntitle: Demo\nsummary: S\nminutes: 5\n---\n\n# Title\n\nSome **bold** and *em* with [[OTP]] and [[mức 2|tài khoản mức 2]].\nSecond line.\n\n- one\n- two\n\n:::scam\nDo not share your OTP.\n:::\n\n![A phone](img/phone.svg)\n\n::walkthrough kich-hoat-vneid Try it\n\n:::question single q1\nWhich?\n- [x] A\n  = yes\n- [ ] B\n  = no\n:::\n\n:::question order q2\nOrder these.\n1. First\n   = one\n2. Second\n   = two\n3. Third\n   = three\n:::\n\n:::question match q3\nMatch.\n- OTP => one-time code\n  = a\n- PAKN => feedback\n  = b\n- VNeID => app\n  = c\n:::\n";

#[test]
fn parses_every_block_and_question_kind() {
    let doc = parse_lesson("01-demo.vi.md", GOOD).expect("valid lesson");
    assert_eq!(doc.lang, Lang::Vi);
    assert_eq!(doc.meta.id, "demo");
    assert!(doc.meta.required);
    assert_eq!(doc.blocks.len(), 6);
    assert!(matches!(doc.blocks[0], Block::Heading { level: 1, .. }));
    let Block::Para(p) = &doc.blocks[1] else {
        panic!("paragraph")
    };
    assert!(p.contains(&Inline::Strong("bold".into())));
    assert!(p.contains(&Inline::Em("em".into())));
    assert!(p.contains(&Inline::Term {
        key: "mức 2".into(),
        shown: "tài khoản mức 2".into()
    }));
    assert!(matches!(
        &doc.blocks[3],
        Block::Callout {
            kind: CalloutKind::Scam,
            ..
        }
    ));
    assert_eq!(doc.walkthrough_links(), vec!["kich-hoat-vneid".to_string()]);
    assert_eq!(doc.questions.len(), 3);
    assert_eq!(
        doc.questions[2].options[0].meaning.as_deref(),
        Some("one-time code")
    );
}

#[test]
fn inline_link_and_unclosed_markers() {
    let v = parse_inline("see [the portal](https://dichvucong.gov.vn) and 2 * 3");
    assert_eq!(
        v[1],
        Inline::Link {
            text: "the portal".into(),
            href: "https://dichvucong.gov.vn".into()
        }
    );
    assert_eq!(v[2], Inline::Text(" and 2 * 3".into()));
}

fn error_of(src: &str) -> ContentError {
    parse_lesson("09-x.en.md", src).expect_err("should be rejected")
}

#[test]
fn single_question_with_two_correct_answers_names_file_line_and_reason() {
    let src = GOOD.replace("- [ ] B", "- [x] B");
    let e = error_of(&src);
    assert_eq!(e.line, 25);
    assert!(
        e.to_string()
            .starts_with("lessons/09-x.en.md:25: question `q1` must have exactly one correct"),
        "{e}"
    );
}

#[test]
fn unknown_block_type_is_rejected() {
    let e = error_of(&GOOD.replace(":::scam", ":::danger"));
    assert!(e.reason.contains("unknown block type `:::danger`"), "{e}");
    assert_eq!(e.line, 17);
}

#[test]
fn option_without_explanation_is_rejected() {
    let e = error_of(&GOOD.replace("  = no\n", ""));
    assert!(
        e.reason
            .contains("option 2 of question `q1` has no explanation"),
        "{e}"
    );
}

#[test]
fn missing_front_matter_field_is_rejected() {
    let e = error_of(&GOOD.replace("minutes: 5\n", ""));
    assert!(e.reason.contains("missing `minutes`"), "{e}");
}

#[test]
fn glossary_parses_and_rejects_duplicates() {
    let g = parse_glossary("glossary.vi.md", "OTP: mã dùng một lần\nPAKN: phản ánh\n").expect("ok");
    assert_eq!(g.len(), 2);
    let e = parse_glossary("glossary.vi.md", "OTP: a\notp: b\n").expect_err("dup");
    assert_eq!(e.line, 2);
}
