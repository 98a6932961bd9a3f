//! The ward's side, browser-free: the ward's collection of the school summary files teachers
//! send ([`crate::teacher::summary`]) — one summary per school (the newest), conflicts when two
//! differ for the same day, and the ward's figures against the 80% (2026) and 100% (2030)
//! lines, per school and in total, with the trend by month.
//!
//! Schools are told apart by their name compared as names are ([`crate::text::key`]: case,
//! spaces, NFC = NFD), the only identity a summary carries.

use crate::teacher::class::{Coverage, TARGET_2026};
use crate::teacher::csv::{self, Cell};
use crate::teacher::print::{Target, against};
use crate::teacher::summary::{self, Opened, SchoolSummary};
use serde::{Deserialize, Serialize};

/// The stored form's version (a newer one is not read over).
pub const WARD_VERSION: u32 = 1;

/// One school's summary as the ward keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    /// The figures.
    pub summary: SchoolSummary,
    /// The file's checksum: the same file again changes nothing.
    pub sum: String,
}

/// Two summaries of one school for the same day with different figures: the officer picks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The one not counted (the counted one is the school's [`Kept`]).
    pub other: Kept,
}

/// Every school summary the ward has.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ward {
    /// Stored form version.
    #[serde(default)]
    pub version: u32,
    /// One per school, sorted by the school's key.
    pub schools: Vec<Kept>,
    /// Unresolved conflicts, at most one per school.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// What adding one summary did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    /// A school the ward did not have.
    New,
    /// The same figures were already there: nothing changed.
    Same,
    /// It replaced the school's older summary (of this day).
    Replaced {
        /// The day of the summary replaced (`yyyy-mm-dd`).
        older: String,
    },
    /// The ward already has a newer summary of this school (of this day): nothing changed.
    Older {
        /// The day of the summary kept.
        kept: String,
    },
    /// The ward has a summary of the same day with other figures: shown as a conflict.
    Conflict,
}

fn key(school: &str) -> String {
    crate::text::key(school)
}

impl Ward {
    fn find(&self, school: &str) -> Result<usize, usize> {
        let k = key(school);
        self.schools
            .binary_search_by(|s| key(&s.summary.school).cmp(&k))
    }

    /// Adds a summary read from a file.
    pub fn add(&mut self, file: Opened) -> Added {
        let kept = Kept {
            summary: file.summary,
            sum: file.sum,
        };
        let k = key(&kept.summary.school);
        match self.find(&kept.summary.school) {
            Err(at) => {
                self.schools.insert(at, kept);
                Added::New
            }
            Ok(at) => {
                let have = &self.schools[at];
                if have.sum == kept.sum {
                    return Added::Same;
                }
                match kept.summary.as_of.cmp(&have.summary.as_of) {
                    std::cmp::Ordering::Greater => {
                        let older = have.summary.as_of.clone();
                        self.conflicts.retain(|c| key(&c.other.summary.school) != k);
                        self.schools[at] = kept;
                        Added::Replaced { older }
                    }
                    std::cmp::Ordering::Less => Added::Older {
                        kept: have.summary.as_of.clone(),
                    },
                    std::cmp::Ordering::Equal => {
                        if self.conflicts.iter().any(|c| c.other.sum == kept.sum) {
                            return Added::Conflict;
                        }
                        self.conflicts.retain(|c| key(&c.other.summary.school) != k);
                        self.conflicts.push(Conflict { other: kept });
                        self.conflicts.sort_by_key(|c| key(&c.other.summary.school));
                        Added::Conflict
                    }
                }
            }
        }
    }

    /// Settles a school's conflict: `use_other` counts the other summary instead of the kept
    /// one; either way the conflict is gone.
    pub fn settle(&mut self, school: &str, use_other: bool) {
        let k = key(school);
        let Some(i) = self
            .conflicts
            .iter()
            .position(|c| key(&c.other.summary.school) == k)
        else {
            return;
        };
        let c = self.conflicts.remove(i);
        if use_other && let Ok(at) = self.find(school) {
            self.schools[at] = c.other;
        }
    }

    /// Removes a school (and its conflict).
    pub fn remove(&mut self, school: &str) {
        let k = key(school);
        self.schools.retain(|s| key(&s.summary.school) != k);
        self.conflicts.retain(|c| key(&c.other.summary.school) != k);
    }

    /// The stored form.
    pub fn to_stored(&self) -> String {
        let mut w = self.clone();
        w.version = WARD_VERSION;
        serde_json::to_string(&w).unwrap_or_default()
    }

    /// Reads the stored form: `None` if it cannot be read (or is from a newer app); otherwise the
    /// ward and how many summaries in it failed their checks and were left out.
    pub fn from_stored(text: &str) -> Option<(Ward, usize)> {
        let w: Ward = serde_json::from_str(text).ok()?;
        if w.version > WARD_VERSION {
            return None;
        }
        let before = w.schools.len() + w.conflicts.len();
        let mut good = Ward::default();
        for s in w.schools {
            if s.summary.check().is_ok() {
                good.add(Opened {
                    summary: s.summary,
                    sum: s.sum,
                });
            }
        }
        for c in w.conflicts {
            if c.other.summary.check().is_ok() && good.find(&c.other.summary.school).is_ok() {
                good.conflicts.push(c);
            }
        }
        good.conflicts
            .dedup_by_key(|c| key(&c.other.summary.school));
        let left_out = before - good.schools.len() - good.conflicts.len();
        Some((good, left_out))
    }

    /// The ward's figures.
    pub fn report(&self) -> WardReport {
        let mut schools: Vec<SchoolLine> = self
            .schools
            .iter()
            .map(|s| SchoolLine {
                school: s.summary.school.clone(),
                as_of: s.summary.as_of.clone(),
                total: s.summary.total(),
                classes: s.summary.classes.len(),
                unlisted: s.summary.unlisted,
                class_lists: s.summary.class_lists,
                survey: s.summary.survey(),
                conflict: self
                    .conflicts
                    .iter()
                    .any(|c| key(&c.other.summary.school) == key(&s.summary.school)),
            })
            .collect();
        // Below the 2026 line first, the furthest behind first; then the others by name.
        schools.sort_by(|a, b| {
            let (ma, mb) = (a.meets(TARGET_2026), b.meets(TARGET_2026));
            ma.cmp(&mb)
                .then_with(|| {
                    if ma {
                        std::cmp::Ordering::Equal
                    } else {
                        share(&a.total).cmp(&share(&b.total))
                    }
                })
                .then_with(|| key(&a.school).cmp(&key(&b.school)))
        });
        let mut ward = Coverage::default();
        for s in &schools {
            ward.students += s.total.students;
            ward.completed += s.total.completed;
            ward.in_progress += s.total.in_progress;
            ward.not_started += s.total.not_started;
        }
        ward.by_month = summary::carried_sum(schools.iter().map(|s| s.total.by_month.as_slice()));
        let mut survey = summary::SurveyFigures::default();
        for s in &schools {
            survey.add(&s.survey);
        }
        let mut days: Vec<&str> = schools.iter().map(|s| s.as_of.as_str()).collect();
        days.sort_unstable();
        WardReport {
            first_day: days.first().map(|d| (*d).to_string()),
            last_day: days.last().map(|d| (*d).to_string()),
            schools,
            ward,
            survey,
        }
    }
}

/// A share in hundredths of a percent, for sorting (exact, unlike the rounded-down percent).
fn share(c: &Coverage) -> u64 {
    (c.completed as u64 * 10_000)
        .checked_div(c.students as u64)
        .unwrap_or(0)
}

/// One school's line in the ward report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolLine {
    /// The school.
    pub school: String,
    /// The day its figures stand at (`yyyy-mm-dd`).
    pub as_of: String,
    /// Its totals (`class` holds the school's name).
    pub total: Coverage,
    /// How many classes.
    pub classes: usize,
    /// Students with progress on no class list.
    pub unlisted: usize,
    /// Whether class sizes come from class lists.
    pub class_lists: bool,
    /// Another summary of the same day disagrees.
    pub conflict: bool,
    /// Its survey figures, all classes together.
    pub survey: summary::SurveyFigures,
}

impl SchoolLine {
    /// Whether the school has reached `target` percent.
    pub fn meets(&self, target: u8) -> bool {
        against(&self.total, target) == Target::Met
    }
}

/// The ward's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WardReport {
    /// Per school, those below 80% first (furthest behind first), then the others by name.
    pub schools: Vec<SchoolLine>,
    /// The ward's total (`class` empty), with completions by month across schools.
    pub ward: Coverage,
    /// The earliest and latest days the schools' figures stand at.
    pub first_day: Option<String>,
    /// See `first_day`.
    pub last_day: Option<String>,
    /// The ward's survey figures, every school together.
    pub survey: summary::SurveyFigures,
}

/// The words of the ward's CSV, in the interface language.
pub struct CsvWords<'a> {
    /// Column headers: school, as of, class size, completed, in progress, not started, %,
    /// against 80% (2026), against 100% (2030).
    pub header: [&'a str; 9],
    /// The total line's name ("Toàn phường").
    pub whole_ward: &'a str,
    /// A target in words ("Đạt", "Chưa đạt (thiếu 18 HS)").
    pub target: &'a dyn Fn(Target) -> String,
    /// A day `yyyy-mm-dd` as shown (`dd/mm/yyyy`).
    pub day: &'a dyn Fn(&str) -> String,
}

/// The ward's CSV for Excel: one line per school, then the ward's total.
pub fn csv_document(r: &WardReport, w: &CsvWords<'_>) -> String {
    let line = |name: String, day: String, c: &Coverage| {
        vec![
            Cell::Text(name),
            Cell::Text(day),
            Cell::Int(c.students as i64),
            Cell::Int(c.completed as i64),
            Cell::Int(c.in_progress as i64),
            Cell::Int(c.not_started as i64),
            Cell::Pct(c.percent()),
            Cell::Text((w.target)(against(c, TARGET_2026))),
            Cell::Text((w.target)(against(c, crate::teacher::class::TARGET_2030))),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = r
        .schools
        .iter()
        .map(|s| line(s.school.clone(), (w.day)(&s.as_of), &s.total))
        .collect();
    let span = match (&r.first_day, &r.last_day) {
        (Some(a), Some(b)) if a != b => format!("{} – {}", (w.day)(a), (w.day)(b)),
        (Some(a), _) => (w.day)(a),
        _ => String::new(),
    };
    rows.push(line(w.whole_ward.to_string(), span, &r.ward));
    csv::document(&w.header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teacher::summary::{ClassFigures, SchoolSummary, open, seal};

    fn school(name: &str, as_of: &str, classes: &[(&str, usize, usize)]) -> Opened {
        let s = SchoolSummary {
            school: name.into(),
            as_of: as_of.into(),
            class_lists: true,
            classes: classes
                .iter()
                .map(|(c, n, done)| ClassFigures {
                    class: (*c).into(),
                    students: *n,
                    completed: *done,
                    in_progress: 0,
                    not_started: n - done,
                    by_month: if *done > 0 {
                        vec![(as_of[..7].to_string(), *done)]
                    } else {
                        vec![]
                    },
                    survey: Default::default(),
                })
                .collect(),
            unlisted: 0,
        };
        open(&seal(&s, "2026-12-01T00:00:00Z")).unwrap()
    }

    #[test]
    fn the_same_file_twice_changes_nothing() {
        let mut w = Ward::default();
        assert_eq!(
            w.add(school("THPT A", "2026-11-30", &[("10A1", 40, 30)])),
            Added::New
        );
        let before = w.clone();
        assert_eq!(
            w.add(school("THPT A", "2026-11-30", &[("10A1", 40, 30)])),
            Added::Same
        );
        assert_eq!(w, before);
    }

    #[test]
    fn a_newer_summary_replaces_the_older_and_an_older_one_changes_nothing() {
        let mut w = Ward::default();
        w.add(school("THPT A", "2026-11-30", &[("10A1", 40, 30)]));
        // The same school, spelt with other case and spaces.
        assert_eq!(
            w.add(school("thpt  a", "2026-12-31", &[("10A1", 40, 36)])),
            Added::Replaced {
                older: "2026-11-30".into()
            }
        );
        assert_eq!(w.schools.len(), 1);
        assert_eq!(w.report().ward.completed, 36);
        assert_eq!(
            w.add(school("THPT A", "2026-11-30", &[("10A1", 40, 30)])),
            Added::Older {
                kept: "2026-12-31".into()
            }
        );
        assert_eq!(w.report().ward.completed, 36);
    }

    #[test]
    fn two_summaries_of_one_day_that_differ_are_a_conflict_the_officer_settles() {
        let mut w = Ward::default();
        w.add(school("THPT A", "2026-12-31", &[("10A1", 40, 30)]));
        assert_eq!(
            w.add(school("THPT A", "2026-12-31", &[("10A1", 40, 33)])),
            Added::Conflict
        );
        let r = w.report();
        assert!(r.schools[0].conflict);
        assert_eq!(
            r.ward.completed, 30,
            "the first stays counted until settled"
        );
        // The same conflicting file again: still one conflict.
        w.add(school("THPT A", "2026-12-31", &[("10A1", 40, 33)]));
        assert_eq!(w.conflicts.len(), 1);
        w.settle("THPT A", true);
        assert!(w.conflicts.is_empty());
        assert_eq!(w.report().ward.completed, 33);
    }

    #[test]
    fn import_order_does_not_change_the_ward() {
        let files = [
            school("THPT A", "2026-11-30", &[("10A1", 40, 30)]),
            school(
                "THPT B",
                "2026-12-31",
                &[("11B1", 35, 10), ("11B2", 35, 35)],
            ),
            school("THPT A", "2026-12-31", &[("10A1", 40, 38)]),
            school("THPT C", "2026-12-31", &[("12C1", 30, 27)]),
        ];
        let mut forward = Ward::default();
        for f in files.iter().cloned() {
            forward.add(f);
        }
        let mut backward = Ward::default();
        for f in files.iter().rev().cloned() {
            backward.add(f);
        }
        assert_eq!(forward, backward);
    }

    #[test]
    fn the_ward_counts_every_school_and_puts_those_below_80_first() {
        let mut w = Ward::default();
        w.add(school("THPT An Lạc", "2026-12-31", &[("10A1", 40, 40)]));
        w.add(school("THPT Bình Tân", "2026-12-31", &[("11B1", 50, 20)]));
        w.add(school("THPT Cần Thạnh", "2026-12-31", &[("12C1", 40, 31)]));
        let r = w.report();
        let order: Vec<&str> = r.schools.iter().map(|s| s.school.as_str()).collect();
        // 40% then 77% (31/40 is short of 80% by one), then the school that made it.
        assert_eq!(order, ["THPT Bình Tân", "THPT Cần Thạnh", "THPT An Lạc"]);
        assert_eq!((r.ward.students, r.ward.completed), (130, 91));
        assert_eq!(r.ward.percent(), 70);
        assert_eq!(against(&r.ward, 80), Target::Short(13));
        assert_eq!(r.ward.by_month, vec![("2026-12".to_string(), 91)]);
    }

    #[test]
    fn the_stored_ward_reads_back_and_leaves_out_what_fails_its_checks() {
        let mut w = Ward::default();
        w.add(school("THPT A", "2026-12-31", &[("10A1", 40, 30)]));
        w.add(school("THPT B", "2026-12-31", &[("10B1", 40, 20)]));
        w.add(school("THPT B", "2026-12-31", &[("10B1", 40, 21)]));
        let stored = w.to_stored();
        let (back, left_out) = Ward::from_stored(&stored).unwrap();
        assert_eq!(left_out, 0);
        assert_eq!(back.report(), w.report());
        assert_eq!(back.conflicts, w.conflicts);
        // A stored figure edited to something impossible is left out, the rest kept.
        let broken = stored.replacen("\"not_started\":10", "\"not_started\":99", 1);
        assert_ne!(broken, stored);
        let (back, left_out) = Ward::from_stored(&broken).unwrap();
        assert_eq!((back.schools.len(), left_out), (1, 1));
        assert!(Ward::from_stored("{not json").is_none());
        assert!(Ward::from_stored(&stored.replacen("\"version\":1", "\"version\":7", 1)).is_none());
    }

    #[test]
    fn the_csv_has_a_line_per_school_and_the_ward_total() {
        let mut w = Ward::default();
        w.add(school("=THPT A", "2026-11-30", &[("10A1", 40, 30)]));
        w.add(school("THPT B", "2026-12-31", &[("10B1", 10, 10)]));
        let target = |t: Target| format!("{t:?}");
        let day = |d: &str| d.to_string();
        let text = csv_document(
            &w.report(),
            &CsvWords {
                header: [
                    "Trường",
                    "Đến ngày",
                    "Sĩ số",
                    "HT",
                    "Đang",
                    "Chưa",
                    "%",
                    "80",
                    "100",
                ],
                whole_ward: "Toàn phường",
                target: &target,
                day: &day,
            },
        );
        let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].starts_with("\u{feff}"));
        assert!(lines[1].starts_with("'=THPT A,"), "{}", lines[1]);
        assert_eq!(
            lines[3],
            "Toàn phường,2026-11-30 – 2026-12-31,50,40,0,10,80,Met,Short(10)"
        );
    }
}
