//! Broken scenario files fail with the file, the line and the reason.

use crate::content::syntax::ContentError;
use crate::walkthrough::check_scenarios;

/// A small valid scenario, the base of every broken file here (the app's engine tests play it).
const MINI: &str = include_str!("../../../tests/fixtures/mini-walkthrough.vi.md");

fn line_of(src: &str, needle: &str) -> usize {
    src.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .expect("needle in the text")
}

fn english(vi: &str) -> String {
    vi.replace("title: Thử", "title: Test")
        .replace("label: Lưu", "label: Save")
}

fn errors_of(vi: &str, en: &str) -> Vec<ContentError> {
    check_scenarios(&[("thu.vi.md", vi), ("thu.en.md", en)]).expect_err("should be rejected")
}

#[test]
fn the_base_pair_is_valid() {
    let en = english(MINI);
    assert_eq!(
        check_scenarios(&[("thu.vi.md", MINI), ("thu.en.md", &en)]).map(|v| v.len()),
        Ok(2)
    );
}

#[test]
fn goto_to_a_missing_screen_names_file_line_and_reason() {
    let vi = MINI.replace("goto: b if", "goto: c if");
    let errors = errors_of(&vi, &english(MINI));
    let line = line_of(&vi, "::action luu");
    assert_eq!(
        errors[0].to_string(),
        format!(
            "lessons/walkthroughs/thu.vi.md:{line}: action `luu`: `goto: c`: there is no such screen"
        )
    );
}

#[test]
fn a_mistake_the_rules_accept_and_an_example_they_refuse_are_reported() {
    let vi = MINI.replace(
        "example: 28/04/2025\n",
        "example: 28/04/2025\nmistake: 27/04/2025 => Sai ngày.\n",
    );
    let errors = errors_of(&vi, &english(&vi));
    assert_eq!(errors[0].file, "walkthroughs/thu.vi.md");
    assert_eq!(errors[0].line, line_of(&vi, "mistake: 27/04/2025"));
    assert!(
        errors[0]
            .reason
            .contains("the mistake `27/04/2025` is accepted"),
        "{}",
        errors[0]
    );

    let vi = MINI.replace("example: li, hoa\n", "example: li, hoa, sinh\n");
    let errors = errors_of(&vi, &english(&vi));
    assert_eq!(errors[0].line, line_of(&vi, "::field mon"));
    assert!(
        errors[0]
            .reason
            .contains("the example `li, hoa, sinh` is refused: Choose exactly 2 items"),
        "{}",
        errors[0]
    );
}

#[test]
fn syntax_errors_stop_at_the_line() {
    let vi = MINI.replace("hint: Gõ địa chỉ.", "hnit: Gõ địa chỉ.");
    let errors = errors_of(&vi, &english(MINI));
    assert_eq!(errors[0].line, line_of(&vi, "hnit:"));
    assert!(
        errors[0]
            .reason
            .starts_with("unknown key `hnit` in a field"),
        "{}",
        errors[0]
    );
    let vi = MINI.replace("rule: date", "rule: dates");
    let errors = errors_of(&vi, &english(MINI));
    assert_eq!(errors[0].line, line_of(&vi, "rule: dates"));
    assert!(errors[0].reason.starts_with("unknown rule `dates`"));
    // A decomposed accent (NFD) instead of a precomposed letter.
    let vi = MINI.replace("Bẫy", "Ba\u{303}\u{323}y");
    let errors = errors_of(&vi, &english(MINI));
    assert!(errors[0].reason.contains("NFC"), "{}", errors[0]);
}

#[test]
fn translations_must_keep_rules_answers_and_exist() {
    // A valid file on its own, but its answer differs from the Vietnamese one.
    let en = english(MINI).replace("example: li, hoa", "example: li, sinh");
    let errors = errors_of(MINI, &en);
    let e = errors
        .iter()
        .find(|e| e.file == "walkthroughs/thu.en.md")
        .expect("the English file is blamed");
    assert_eq!(e.line, line_of(&en, "::field mon"));
    assert!(e.reason.contains("differs from thu.vi.md line"), "{e}");

    let errors = check_scenarios(&[("thu.vi.md", MINI)]).expect_err("missing translation");
    assert_eq!(
        errors[0].to_string(),
        "lessons/walkthroughs/thu.vi.md: the translation thu.en.md is missing"
    );
}

#[test]
fn the_readme_example_is_valid() {
    let readme = include_str!("../../../../../lessons/walkthroughs/README.md");
    let start = readme.find("## 4.").expect("section 4");
    let body = &readme[start..];
    let code = body.split("```").nth(1).expect("a fenced example");
    let sc = crate::walkthrough::parse::parse_scenario("vi-du-nho.vi.md", code.trim_start())
        .expect("the README example parses");
    assert_eq!(crate::walkthrough::verify::check_scenario(&sc), vec![]);
}

#[test]
fn a_walkthrough_without_checked_date_or_sources_is_refused() {
    let no_date = MINI.replace("checked: 2026-12-02\n", "");
    let errors = errors_of(&no_date, &english(&no_date));
    assert!(
        errors.iter().any(|e| e.to_string()
            == "lessons/walkthroughs/thu.vi.md:1: front matter is missing `checked: YYYY-MM-DD` (the date the facts were last checked against the sources)"),
        "{errors:#?}"
    );
    let no_source = MINI.replace(
        "source: Cổng Dịch vụ công quốc gia | https://dichvucong.gov.vn\n",
        "",
    );
    let errors = errors_of(&no_source, &english(&no_source));
    assert!(
        errors.iter().any(|e| e
            .to_string()
            .starts_with("lessons/walkthroughs/thu.en.md:1: front matter has no `source:")),
        "{errors:#?}"
    );
    let other_date = english(MINI).replace("checked: 2026-12-02", "checked: 2025-01-01");
    let errors = errors_of(MINI, &other_date);
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("required or checked")),
        "{errors:#?}"
    );
}
