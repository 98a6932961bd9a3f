//! Everything the teacher area exports, browser-free: the per-student CSV, the per-class CSV,
//! the xAPI statements and the school summary for the ward. The page only supplies the words
//! (in the interface language) and downloads the text.

use super::class::{Collection, Report, Standing};
use super::csv::{self, Cell};

/// The words of the per-student CSV.
pub struct StudentCsvWords<'a> {
    /// Columns: number, name, class, code, status, lessons, walkthroughs, last activity,
    /// certificate code.
    pub header: [&'a str; 9],
    /// A status in words.
    pub standing: &'a dyn Fn(Standing) -> &'a str,
    /// A time (Unix seconds) as a day.
    pub day: &'a dyn Fn(i64) -> String,
}

/// One line per student, in the report's order (class lists first, then students on no list).
pub fn students_csv(r: &Report, w: &StudentCsvWords<'_>) -> String {
    let rows: Vec<Vec<Cell>> = r
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(row.name.clone()),
                Cell::Text(row.class.clone()),
                Cell::Text(row.code.clone()),
                Cell::Text((w.standing)(row.standing).to_string()),
                Cell::Int(row.lessons as i64),
                Cell::Int(row.walks as i64),
                Cell::Text(if row.last > 0 {
                    (w.day)(row.last)
                } else {
                    String::new()
                }),
                Cell::Text(row.certificate.clone().unwrap_or_default()),
            ]
        })
        .collect();
    csv::document(&w.header, &rows)
}

/// One line per class, then the school ("Toàn trường"): size, completed, in progress, not
/// started, share. `header`: class, students, completed, in progress, not started, share.
pub fn classes_csv(r: &Report, header: [&str; 6], whole_school: &str) -> String {
    let rows: Vec<Vec<Cell>> = r
        .classes
        .iter()
        .chain(std::iter::once(&r.school))
        .map(|c| {
            vec![
                Cell::Text(if c.class.is_empty() {
                    whole_school.into()
                } else {
                    c.class.clone()
                }),
                Cell::Int(c.students as i64),
                Cell::Int(c.completed as i64),
                Cell::Int(c.in_progress as i64),
                Cell::Int(c.not_started as i64),
                Cell::Pct(c.percent()),
            ]
        })
        .collect();
    csv::document(&header, &rows)
}

/// The xAPI statements of every record imported, under the school's IRI (JSON text).
pub fn xapi(c: &Collection, iri: &super::xapi::Iri) -> String {
    serde_json::Value::Array(super::lrs::statements(c, iri)).to_string()
}

/// The school summary for the ward ([`crate::teacher::summary`]): counts per class as of `day`
/// (`yyyy-mm-dd`), named `school`, sealed. No name, code or record id is in it.
pub fn ward_summary(
    c: &Collection,
    r: &Report,
    school: &str,
    day: &str,
    exported_at: &str,
) -> String {
    let summary = crate::teacher::summary::SchoolSummary::from_report(
        school,
        day,
        r,
        !c.roster.entries.is_empty(),
    );
    crate::teacher::summary::seal(&summary, exported_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teacher::class::{Coverage, Row};

    fn report() -> Report {
        let row = |name: &str, standing, last| Row {
            name: name.into(),
            class: "10A1".into(),
            code: String::new(),
            standing,
            lessons: 3,
            walks: 1,
            last,
            record: Some("x".into()),
            on_roster: true,
            certificate: None,
            completed_at: None,
            first: 0,
        };
        Report {
            rows: vec![
                row("=cmd|' /C calc'!A0", Standing::InProgress, 1_795_000_000),
                row("Lê Thị Hoa", Standing::NotStarted, 0),
            ],
            classes: vec![Coverage {
                class: "10A1".into(),
                students: 2,
                completed: 0,
                in_progress: 1,
                not_started: 1,
                by_month: vec![],
            }],
            school: Coverage {
                students: 2,
                in_progress: 1,
                not_started: 1,
                ..Coverage::default()
            },
            ..Report::default()
        }
    }

    #[test]
    fn the_student_csv_has_a_line_per_student_and_neutralises_formulas() {
        let standing = |s: Standing| match s {
            Standing::NotStarted => "Chưa bắt đầu",
            _ => "Đang học",
        };
        let day = |_: i64| "20/11/2026".to_string();
        let text = students_csv(
            &report(),
            &StudentCsvWords {
                header: [
                    "STT",
                    "Họ và tên",
                    "Lớp",
                    "Mã",
                    "Trạng thái",
                    "Bài",
                    "TH",
                    "Lần cuối",
                    "Mã GCN",
                ],
                standing: &standing,
                day: &day,
            },
        );
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with("1,'=cmd"), "{}", lines[1]);
        assert!(
            lines[1].contains(",Đang học,3,1,20/11/2026,"),
            "{}",
            lines[1]
        );
        assert_eq!(lines[2], "2,Lê Thị Hoa,10A1,,Chưa bắt đầu,3,1,,");
    }

    #[test]
    fn the_class_csv_ends_with_the_whole_school() {
        let text = classes_csv(
            &report(),
            ["Lớp", "Sĩ số", "HT", "Đang", "Chưa", "%"],
            "Toàn trường",
        );
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "\u{feff}Lớp,Sĩ số,HT,Đang,Chưa,%",
                "10A1,2,0,1,1,0",
                "Toàn trường,2,0,1,1,0"
            ]
        );
    }
}
