//! `make content-report`: prints a JSON summary of the embedded course (lessons per language and,
//! for each lesson, its id, title, blocks, questions by type, the date its facts were checked,
//! and the walkthroughs it links to with their own checked dates), then every walkthrough.

use dvc_lab::content::Lang;
use dvc_lab::walkthrough::scenarios;

fn walk_entry(lang: Lang, id: &str) -> serde_json::Value {
    match scenarios(lang).iter().find(|s| s.id == id) {
        Some(s) => serde_json::json!({
            "id": s.id,
            "title": s.title,
            "checked": s.provenance.checked,
            "required": s.required,
        }),
        None => serde_json::json!({ "id": id, "missing": true }),
    }
}

fn main() {
    let mut report = dvc_lab::content::course().report();
    for lang in Lang::ALL {
        let Some(lessons) = report
            .get_mut(lang.code())
            .and_then(|l| l.get_mut("lessons"))
            .and_then(|l| l.as_array_mut())
        else {
            continue;
        };
        for lesson in lessons {
            let ids: Vec<String> = lesson
                .get("walkthroughs")
                .and_then(|w| w.as_array())
                .map(|w| {
                    w.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            lesson["walkthroughs"] = ids.iter().map(|id| walk_entry(lang, id)).collect();
        }
        let walks: Vec<serde_json::Value> = scenarios(lang)
            .iter()
            .map(|s| walk_entry(lang, &s.id))
            .collect();
        report[lang.code()]["walkthroughs"] = walks.into();
    }
    match serde_json::to_string_pretty(&report) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("cannot print the report: {e}");
            std::process::exit(1);
        }
    }
}
