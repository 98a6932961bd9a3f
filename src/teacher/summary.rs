//! The school summary file: what a school sends the ward. Counts per class — class size,
//! completed, in progress, not started, completed by month — with the school's name and the
//! day the figures stand at. No student's name, code or record id is ever in it: it is built
//! from the report's [`Coverage`] lines only, never from its rows.
//!
//! Sealed like the progress files ([`crate::transfer::checksum`] of the summary's exact JSON
//! text), with the app version and a format version, so an edited or truncated file is refused
//! and a file from a newer app is refused with a reason.

use crate::teacher::class::{Coverage, Report};
use crate::teacher::survey::SurveyCounts;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The summary format this app writes and reads (a newer one is refused).
pub const SUMMARY_FORMAT: u32 = 1;

/// What the file's `kind` says.
pub use crate::transfer::SCHOOL_SUMMARY_KIND as KIND;

/// The biggest summary file the ward reads (a school of 100 classes is ~20 KB).
pub const MAX_SUMMARY_BYTES: usize = 2 * 1024 * 1024;

/// The most classes one summary may list.
pub const MAX_CLASSES: usize = 1_000;

/// The most students one class (or the unlisted group) may count: far beyond any real class,
/// so only a crafted or damaged file reaches it.
pub const MAX_COUNT: usize = 100_000;

/// One class's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassFigures {
    /// The class ("11A3").
    pub class: String,
    /// Class size (sĩ số, from the class list).
    pub students: usize,
    /// Completed the module.
    pub completed: usize,
    /// Started, not complete.
    pub in_progress: usize,
    /// Not started.
    pub not_started: usize,
    /// Completed by the end of each month (`yyyy-mm`, cumulative), oldest first.
    pub by_month: Vec<(String, usize)>,
    /// The class's survey answers, counted (absent in summaries written before the survey).
    #[serde(default, skip_serializing_if = "SurveyFigures::is_empty")]
    pub survey: SurveyFigures,
}

/// A class's survey, aggregated: never a comment, never who said what.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyFigures {
    /// Students by satisfaction: Rất hài lòng, Hài lòng, Bình thường, Không hài lòng, Rất
    /// không hài lòng.
    pub satisfaction: [usize; 5],
    /// Service id → students whose family would like help with it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub needs: BTreeMap<String, usize>,
}

impl SurveyFigures {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        self.satisfaction.iter().all(|n| *n == 0) && self.needs.is_empty()
    }

    /// The same figures as the teacher's counts, to use their share and target.
    pub fn counts(&self) -> SurveyCounts {
        SurveyCounts {
            satisfaction: self.satisfaction,
            needs: self.needs.clone(),
            ..SurveyCounts::default()
        }
    }

    /// Adds another class's figures.
    pub fn add(&mut self, other: &SurveyFigures) {
        for (a, b) in self.satisfaction.iter_mut().zip(other.satisfaction) {
            *a += b;
        }
        for (k, n) in &other.needs {
            *self.needs.entry(k.clone()).or_default() += n;
        }
    }
}

/// A school's figures as of one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolSummary {
    /// The school's name as the teacher confirmed it.
    pub school: String,
    /// The day the figures stand at (`yyyy-mm-dd`): "đến ngày …".
    pub as_of: String,
    /// Whether the class sizes come from class lists (otherwise only students who used the app
    /// are counted, and the ward is told the percentages are not against the real class size).
    pub class_lists: bool,
    /// Per class, sorted by class.
    pub classes: Vec<ClassFigures>,
    /// Students with progress who are on no class list (counted apart, in no class).
    pub unlisted: usize,
}

/// The file on disk.
#[derive(Debug, Serialize, Deserialize)]
struct SummaryFile {
    app: String,
    kind: String,
    app_version: String,
    format: u32,
    exported_at: String,
    sum: String,
    summary: Box<serde_json::value::RawValue>,
}

/// Why a file was not taken by the ward, for a message the officer can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    /// Bigger than [`MAX_SUMMARY_BYTES`].
    #[error("the file is {kb} KB; a school summary is far smaller — is it the right file?")]
    TooLarge {
        /// Its size in KB.
        kb: usize,
    },
    /// Not JSON, or cut off part-way (an interrupted copy).
    #[error("the file is incomplete or damaged ({0})")]
    Incomplete(String),
    /// A DVC Lab file with students' names in it (progress of a PC or a student, a browser
    /// backup): it must not leave the school, and the ward has no use for it.
    #[error(
        "this file holds students' names (a class progress file); the ward takes only school summaries"
    )]
    HasNames,
    /// JSON, but not a DVC Lab file.
    #[error("this is not a DVC Lab school summary")]
    NotOurs,
    /// From a newer DVC Lab.
    #[error("the file comes from a newer DVC Lab (format {0}); update the app first")]
    Newer(u32),
    /// The checksum does not match: edited by hand or damaged.
    #[error("the figures were changed after export (checksum mismatch)")]
    Edited,
    /// Figures no DVC Lab writes (a class whose parts do not add up, a month after the date).
    #[error("the figures do not add up: {0}")]
    Inconsistent(String),
}

fn figures(c: &Coverage, survey: Option<&SurveyCounts>) -> ClassFigures {
    ClassFigures {
        survey: survey.map_or_else(SurveyFigures::default, |s| SurveyFigures {
            satisfaction: s.satisfaction,
            needs: s.needs.clone(),
        }),
        class: c.class.clone(),
        students: c.students,
        completed: c.completed,
        in_progress: c.in_progress,
        not_started: c.not_started,
        by_month: c.by_month.clone(),
    }
}

impl SchoolSummary {
    /// The summary of a teacher's report read as of `as_of` (`yyyy-mm-dd`). `class_lists`: the
    /// collection has class lists (the report then counts their students, and the records on no
    /// list apart).
    pub fn from_report(school: &str, as_of: &str, report: &Report, class_lists: bool) -> Self {
        let unlisted = if class_lists {
            report
                .rows
                .iter()
                .filter(|r| !r.on_roster && r.record.is_some())
                .count()
        } else {
            0
        };
        SchoolSummary {
            school: school.trim().to_string(),
            as_of: as_of.to_string(),
            class_lists,
            classes: report
                .classes
                .iter()
                .map(|c| {
                    let survey = report
                        .survey
                        .classes
                        .iter()
                        .find(|(class, _)| *class == c.class);
                    figures(c, survey.map(|(_, s)| s))
                })
                .collect(),
            unlisted,
        }
    }

    /// Every value within what the app writes, or why not.
    pub fn check(&self) -> Result<(), SummaryError> {
        let bad = |s: String| Err(SummaryError::Inconsistent(s));
        let name = self.school.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return bad("the school has no name".into());
        }
        use chrono::Datelike;
        let Ok(date) = chrono::NaiveDate::parse_from_str(&self.as_of, "%Y-%m-%d") else {
            return bad(format!("\"{}\" is not a date", self.as_of));
        };
        if !(2020..=2099).contains(&date.year()) {
            return bad(format!("the date {} is out of range", self.as_of));
        }
        let as_of_month = date.format("%Y-%m").to_string();
        if self.classes.len() > MAX_CLASSES {
            return bad(format!("{} classes", self.classes.len()));
        }
        if self.unlisted > MAX_COUNT {
            return bad(format!("{} students on no list", self.unlisted));
        }
        let mut last_class: Option<&str> = None;
        for c in &self.classes {
            if c.class.chars().count() > 40 {
                return bad("a class name is too long".into());
            }
            if last_class.is_some_and(|l| l >= c.class.as_str()) {
                return bad(format!("class {} is listed twice or out of order", c.class));
            }
            last_class = Some(&c.class);
            if c.students > MAX_COUNT || c.completed + c.in_progress + c.not_started != c.students {
                return bad(format!("class {}: the parts do not add up", c.class));
            }
            let mut prev: Option<(&str, usize)> = None;
            for (m, n) in &c.by_month {
                let month_ok = m.len() == 7
                    && m.as_bytes()[4] == b'-'
                    && crate::dates::end_of_day(&format!("{m}-01")).is_some();
                if !month_ok || m.as_str() > as_of_month.as_str() {
                    return bad(format!("class {}: month {m}", c.class));
                }
                if prev.is_some_and(|(pm, pn)| pm >= m.as_str() || pn > *n) || *n > c.completed {
                    return bad(format!("class {}: completions by month", c.class));
                }
                prev = Some((m, *n));
            }
            let s = &c.survey;
            if s.satisfaction.iter().any(|n| *n > MAX_COUNT)
                || s.needs.len() > 100
                || s.needs
                    .iter()
                    .any(|(k, n)| !crate::progress::is_id(k) || *n > MAX_COUNT)
            {
                return bad(format!("class {}: survey figures", c.class));
            }
        }
        Ok(())
    }

    /// The whole school's figures (class sizes added up; month totals carried forward).
    pub fn total(&self) -> Coverage {
        let mut c = Coverage {
            class: self.school.clone(),
            ..Coverage::default()
        };
        for f in &self.classes {
            c.students += f.students;
            c.completed += f.completed;
            c.in_progress += f.in_progress;
            c.not_started += f.not_started;
        }
        c.by_month = carried_sum(self.classes.iter().map(|f| f.by_month.as_slice()));
        c
    }

    /// The whole school's survey figures.
    pub fn survey(&self) -> SurveyFigures {
        let mut s = SurveyFigures::default();
        for f in &self.classes {
            s.add(&f.survey);
        }
        s
    }
}

/// Adds cumulative month series that do not all have the same months: at each month, each
/// series counts its last value up to that month.
pub fn carried_sum<'a>(
    series: impl Iterator<Item = &'a [(String, usize)]> + Clone,
) -> Vec<(String, usize)> {
    let mut months: Vec<&str> = series
        .clone()
        .flat_map(|s| s.iter().map(|(m, _)| m.as_str()))
        .collect();
    months.sort_unstable();
    months.dedup();
    months
        .into_iter()
        .map(|m| {
            let n = series
                .clone()
                .map(|s| {
                    s.iter()
                        .take_while(|(sm, _)| sm.as_str() <= m)
                        .last()
                        .map_or(0, |(_, n)| *n)
                })
                .sum();
            (m.to_string(), n)
        })
        .collect()
}

/// The sealed file for `summary`.
pub fn seal(summary: &SchoolSummary, exported_at: &str) -> String {
    let text = serde_json::to_string(summary).unwrap_or_default();
    let sum = crate::transfer::checksum(&text);
    let file = SummaryFile {
        app: "dvc-lab".into(),
        kind: KIND.into(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        format: SUMMARY_FORMAT,
        exported_at: exported_at.into(),
        sum,
        summary: serde_json::value::RawValue::from_string(text).unwrap_or_else(|_| {
            serde_json::value::RawValue::from_string("{}".into()).unwrap_or_default()
        }),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// A summary read from a file, with its checksum (two files with the same checksum hold the
/// same figures).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The figures.
    pub summary: SchoolSummary,
    /// The seal's checksum.
    pub sum: String,
}

/// Reads a summary file: all or nothing.
pub fn open(text: &str) -> Result<Opened, SummaryError> {
    if text.len() > MAX_SUMMARY_BYTES {
        return Err(SummaryError::TooLarge {
            kb: text.len() / 1024,
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    /// Enough of any JSON file to say what it is.
    #[derive(Deserialize)]
    struct Header {
        app: Option<String>,
        kind: Option<String>,
        format: Option<u32>,
        records: Option<serde::de::IgnoredAny>,
        storage: Option<serde::de::IgnoredAny>,
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        // Not an object with those fields' types (an array, a CSV, a cut-off file).
        Err(e) => {
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => SummaryError::NotOurs,
                Err(_) if text.trim_start().starts_with('{') => {
                    SummaryError::Incomplete(e.to_string())
                }
                Err(_) => SummaryError::NotOurs,
            });
        }
    };
    if header.app.as_deref() != Some("dvc-lab") {
        return Err(SummaryError::NotOurs);
    }
    if header.records.is_some() || header.storage.is_some() || header.kind.as_deref() != Some(KIND)
    {
        return if header.records.is_some() || header.storage.is_some() {
            Err(SummaryError::HasNames)
        } else {
            Err(SummaryError::NotOurs)
        };
    }
    if let Some(f) = header.format
        && f > SUMMARY_FORMAT
    {
        return Err(SummaryError::Newer(f));
    }
    let file: SummaryFile =
        serde_json::from_str(text).map_err(|e| SummaryError::Incomplete(e.to_string()))?;
    if crate::transfer::checksum(file.summary.get()) != file.sum {
        return Err(SummaryError::Edited);
    }
    let summary: SchoolSummary = serde_json::from_str(file.summary.get())
        .map_err(|e| SummaryError::Inconsistent(e.to_string()))?;
    summary.check()?;
    Ok(Opened {
        summary,
        sum: file.sum,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn class(
        name: &str,
        students: usize,
        completed: usize,
        months: &[(&str, usize)],
    ) -> ClassFigures {
        ClassFigures {
            class: name.into(),
            students,
            completed,
            in_progress: 0,
            not_started: students - completed,
            by_month: months.iter().map(|(m, n)| ((*m).to_string(), *n)).collect(),
            survey: SurveyFigures::default(),
        }
    }

    fn sample() -> SchoolSummary {
        SchoolSummary {
            school: "THPT Nguyễn Du".into(),
            as_of: "2026-12-31".into(),
            class_lists: true,
            classes: vec![
                class("11A1", 40, 30, &[("2026-10", 10), ("2026-12", 30)]),
                class("11A2", 38, 20, &[("2026-11", 20)]),
            ],
            unlisted: 2,
        }
    }

    #[test]
    fn a_sealed_summary_opens_as_it_was_written() {
        let file = seal(&sample(), "2026-12-31T10:00:00+07:00");
        let opened = open(&file).unwrap();
        assert_eq!(opened.summary, sample());
        // With a byte order mark too (a file saved by Notepad).
        assert_eq!(open(&format!("\u{feff}{file}")).unwrap(), opened);
    }

    #[test]
    fn the_school_total_carries_months_forward() {
        let t = sample().total();
        assert_eq!((t.students, t.completed, t.not_started), (78, 50, 28));
        assert_eq!(
            t.by_month,
            vec![
                ("2026-10".to_string(), 10),
                ("2026-11".to_string(), 30),
                ("2026-12".to_string(), 50)
            ]
        );
    }

    #[test]
    fn an_edited_figure_is_refused() {
        let file = seal(&sample(), "2026-12-31T10:00:00+07:00");
        let edited = file.replacen("\"completed\":30", "\"completed\":40", 1);
        assert_ne!(edited, file);
        assert_eq!(open(&edited), Err(SummaryError::Edited));
    }

    #[test]
    fn a_truncated_file_is_refused_as_incomplete() {
        let file = seal(&sample(), "2026-12-31T10:00:00+07:00");
        for cut in [file.len() / 3, file.len() / 2, file.len() - 3] {
            assert!(
                matches!(open(&file[..cut]), Err(SummaryError::Incomplete(_))),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_newer_format_is_refused_with_its_number() {
        let file = seal(&sample(), "x").replacen("\"format\": 1", "\"format\": 9", 1);
        assert_eq!(open(&file), Err(SummaryError::Newer(9)));
    }

    #[test]
    fn a_class_progress_file_is_refused_because_it_holds_names() {
        let pc = crate::transfer::export(
            crate::transfer::Kind::Pc,
            "PC 7",
            "2026-12-01T08:00:00Z",
            &[],
        );
        assert_eq!(open(&pc), Err(SummaryError::HasNames));
        let backup = r#"{"app":"dvc-lab","version":"0.1.0","schema":3,"storage":{}}"#;
        assert_eq!(open(backup), Err(SummaryError::HasNames));
    }

    #[test]
    fn foreign_files_are_not_ours() {
        for text in ["Họ và tên,Lớp\nAn,11A1", "[1,2,3]", r#"{"name":"x"}"#, ""] {
            assert!(
                matches!(
                    open(text),
                    Err(SummaryError::NotOurs | SummaryError::Incomplete(_))
                ),
                "{text}"
            );
        }
        assert_eq!(open(r#"{"a":1}"#), Err(SummaryError::NotOurs));
    }

    #[test]
    fn figures_that_do_not_add_up_are_refused() {
        let mut s = sample();
        s.classes[0].not_started = 0;
        assert!(matches!(
            open(&seal(&s, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
        let mut s = sample();
        s.classes[0].by_month.push(("2027-01".into(), 30));
        assert!(matches!(
            open(&seal(&s, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
        let mut s = sample();
        s.classes[1].by_month = vec![("2026-11".into(), 25)];
        assert!(matches!(
            open(&seal(&s, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
        let mut s = sample();
        s.as_of = "31/12/2026".into();
        assert!(matches!(
            open(&seal(&s, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
        let mut s = sample();
        s.school = "  ".into();
        assert!(matches!(
            open(&seal(&s, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
    }

    #[test]
    fn survey_counts_travel_without_comments_and_older_summaries_still_read() {
        let mut s = sample();
        s.classes[0].survey = SurveyFigures {
            satisfaction: [10, 8, 1, 1, 0],
            needs: [("can-cuoc".to_string(), 7), ("khac".to_string(), 2)].into(),
        };
        s.classes[1].survey.satisfaction = [2, 0, 0, 0, 0];
        let opened = open(&seal(&s, "x")).unwrap();
        assert_eq!(opened.summary, s);
        let total = opened.summary.survey().counts();
        assert_eq!(
            (total.satisfied(), total.rated(), total.percent()),
            (20, 22, 90)
        );
        assert!(total.meets_target());
        // A summary written before the survey (no "survey" key) reads as no answers.
        let old = seal(&sample(), "x");
        assert!(!old.contains("survey"));
        assert!(open(&old).unwrap().summary.survey().is_empty());
        let mut bad = s.clone();
        bad.classes[0].survey.needs.insert("<b>".into(), 1);
        assert!(matches!(
            open(&seal(&bad, "x")),
            Err(SummaryError::Inconsistent(_))
        ));
    }
}
