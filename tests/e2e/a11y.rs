//! Accessibility audit: axe-core (npm `axe-core`, installed by `make test` into `.tools/`) is
//! injected into every page, in both languages, also mid-quiz and mid-walkthrough; any WCAG 2.1
//! A or AA violation fails the test with the rule and the elements.

use crate::Ctx;
use crate::browser::{Res, wait_css};
use crate::server::StaticServer;
use fantoccini::{Client, Locator};

pub(crate) fn axe_source() -> Res<String> {
    let path = std::env::var("AXE_CORE").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.tools/node_modules/axe-core/axe.min.js"
        )
        .to_string()
    });
    std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read axe-core at {path}: {e} (make test installs it)").into())
}

pub(crate) async fn audit(c: &Client, axe: &str, page: &str) -> Res<Vec<String>> {
    c.execute(axe, vec![]).await?;
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await?;
    Ok(result
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str())
                .map(|v| format!("{page}: {v}"))
                .collect()
        })
        .unwrap_or_default())
}

pub async fn every_page_passes_axe_wcag_21_a_and_aa(ctx: &Ctx) -> Res {
    let axe = axe_source()?;
    let server = StaticServer::start(&ctx.dist, "/")?;
    let c = ctx.driver.session(1366, 768).await?;
    let mut violations = Vec::new();
    // The first visit: the new-profile form, then a wrong form with every error shown.
    c.goto(&format!("{}/profiles", server.origin)).await?;
    wait_css(&c, "[data-testid=create-form]").await?;
    violations.extend(audit(&c, &axe, "/profiles (form)").await?);
    c.find(fantoccini::Locator::Css("[data-testid=create-submit]"))
        .await?
        .click()
        .await?;
    wait_css(&c, "[data-testid=form-errors]").await?;
    violations.extend(audit(&c, &axe, "/profiles (errors)").await?);
    crate::browser::new_student(&c, &server.origin, "Hồ Thị Xuân", "10A1").await?;
    for lang in ["vi", "en"] {
        for (path, css) in [
            ("/profiles", "[data-testid=person]"),
            ("/certificate", "[data-testid=cert-not-yet]"),
            ("/", "h1"),
            ("/lessons", "[data-testid=lesson-list]"),
            ("/lessons/vneid", "[data-testid=quiz]"),
            ("/walkthroughs", "[data-testid=walk-list]"),
            (
                "/walkthroughs/ban-sao-khai-sinh?mode=guided",
                "[data-testid=sim-screen]",
            ),
            ("/walkthroughs/ban-sao-khai-sinh", ".mode-choice"),
            ("/progress", "[data-testid=progress-table]"),
            ("/teacher", "h1"),
            // Each step of the teacher area (a student's account is on this browser).
            ("/teacher?step=lab", "[data-testid=export-pc]"),
            ("/teacher?step=import", "[data-testid=import-progress]"),
            ("/teacher?step=report", "[data-testid=report-empty]"),
            ("/teacher?step=pin", "[data-testid=teacher-pin-settings]"),
            ("/about", "h1"),
            ("/ward", "[data-testid=ward-empty]"),
            ("/khong-co", "[data-testid=not-found]"),
        ] {
            c.goto(&format!("{}{path}", server.origin)).await?;
            wait_css(&c, css).await?;
            violations.extend(audit(&c, &axe, &format!("{path} ({lang})")).await?);
        }
        // Mid-quiz, after submitting: explanations, verdicts and the result are on screen.
        c.goto(&format!("{}/lessons/vneid", server.origin)).await?;
        wait_css(&c, "[data-testid=quiz]").await?;
        c.execute("document.querySelectorAll('[data-testid=quiz] input[value=\"0\"]').forEach(i => i.click())", vec![]).await?;
        c.execute("document.querySelectorAll('[data-testid=match-select]').forEach(s => { s.value = '0'; s.dispatchEvent(new Event('change')); })", vec![]).await?;
        c.find(Locator::Css("[data-testid=quiz-submit]"))
            .await?
            .click()
            .await?;
        wait_css(&c, "[data-testid=quiz-result]").await?;
        violations.extend(audit(&c, &axe, &format!("quiz result ({lang})")).await?);
        // Mid-walkthrough, with error messages shown.
        c.goto(&format!(
            "{}/walkthroughs/ban-sao-khai-sinh?mode=guided",
            server.origin
        ))
        .await?;
        wait_css(&c, "[data-testid=sim-screen]").await?;
        c.find(Locator::Css("[data-action=nop]"))
            .await?
            .click()
            .await?;
        wait_css(&c, "[data-screen=co-quan]").await?;
        c.find(Locator::Css("[data-action=tiep-tuc]"))
            .await?
            .click()
            .await?;
        wait_css(&c, "[data-testid=sim-errors]").await?;
        violations.extend(audit(&c, &axe, &format!("walkthrough errors ({lang})")).await?);
        c.find(Locator::Css("[data-testid=lang-switch]"))
            .await?
            .click()
            .await?;
    }
    c.close().await?;
    if violations.is_empty() {
        Ok(())
    } else {
        Err(format!("axe-core violations:\n  {}", violations.join("\n  ")).into())
    }
}
