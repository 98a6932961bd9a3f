//! What the printed report needs beyond the dashboard's numbers: the school's name for the
//! cover, each class against the 80% / 100% targets in words, and the students grouped one
//! class per printed section (students not on any class list apart, never inside a class).

use super::class::{Coverage, Report, Row};
use crate::progress::Record;
use std::collections::BTreeMap;

/// Where a class (or the school) stands against one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Reached.
    Met,
    /// Not yet: this many more students must complete.
    Short(usize),
    /// Nobody to count (an empty class).
    NoStudents,
}

/// How `c` stands against `target` percent. "Met" means the same as the dashboard's rounded-down
/// share reaching the target: 31 of 40 (77%) is short of 80% by one student.
pub fn against(c: &Coverage, target: u8) -> Target {
    if c.students == 0 {
        return Target::NoStudents;
    }
    // The fewest completions whose share reaches the target: ceil(students × target / 100).
    let needed = (c.students * usize::from(target)).div_ceil(100);
    if c.completed >= needed {
        Target::Met
    } else {
        Target::Short(needed - c.completed)
    }
}

/// The school named on the cover: the spelling most records use (compared as names are: case,
/// spaces, NFC = NFD), the first in alphabetical order on a tie; `None` when no record names one.
pub fn school_name<'a>(records: impl IntoIterator<Item = &'a Record>) -> Option<String> {
    // key → (count, the spellings seen with their counts)
    let mut seen: BTreeMap<String, (usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for r in records {
        let name = r.student.school.trim();
        if name.is_empty() {
            continue;
        }
        let entry = seen.entry(crate::text::key(name)).or_default();
        entry.0 += 1;
        *entry.1.entry(name.to_string()).or_default() += 1;
    }
    let (_, (_, spellings)) = seen
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(&a.0)))?;
    spellings
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(s, _)| s)
}

/// One class as printed: its numbers and its students in class-list order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassSheet<'a> {
    /// The class's coverage (its sĩ số is the class list's).
    pub coverage: &'a Coverage,
    /// Its students, in the order of the class list.
    pub rows: Vec<&'a Row>,
}

/// The printed sections: one per class, in the dashboard's class order, and the students with
/// progress who are on no class list (counted apart; empty when there is no class list, since
/// then every record is counted in the class it gives).
pub fn sheets(r: &Report) -> (Vec<ClassSheet<'_>>, Vec<&Row>) {
    let has_roster = r.rows.iter().any(|row| row.on_roster);
    let counted = |row: &&Row| row.on_roster || !has_roster;
    let classes = r
        .classes
        .iter()
        .map(|coverage| ClassSheet {
            coverage,
            rows: r
                .rows
                .iter()
                .filter(counted)
                .filter(|row| row.class == coverage.class)
                .collect(),
        })
        .collect();
    let apart = r.rows.iter().filter(|row| !counted(row)).collect();
    (classes, apart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Record, Requirements};
    use crate::teacher::class::Collection;
    use crate::transfer::{Kind, export, import};

    fn cov(students: usize, completed: usize) -> Coverage {
        Coverage {
            students,
            completed,
            ..Coverage::default()
        }
    }

    #[test]
    fn a_target_is_met_exactly_when_the_rounded_down_share_reaches_it() {
        assert_eq!(against(&cov(40, 32), 80), Target::Met);
        assert_eq!(against(&cov(40, 31), 80), Target::Short(1));
        // 41 × 80% = 32.8: 33 students are needed (32/41 is 78%).
        assert_eq!(against(&cov(41, 32), 80), Target::Short(1));
        assert_eq!(cov(41, 32).percent(), 78);
        assert_eq!(against(&cov(41, 33), 80), Target::Met);
        assert_eq!(against(&cov(40, 39), 100), Target::Short(1));
        assert_eq!(against(&cov(40, 40), 100), Target::Met);
        assert_eq!(against(&cov(0, 0), 80), Target::NoStudents);
        for students in 1..=60 {
            for completed in 0..=students {
                let c = cov(students, completed);
                for target in [80, 100] {
                    assert_eq!(
                        against(&c, target) == Target::Met,
                        c.percent() >= target,
                        "{completed}/{students} against {target}%"
                    );
                }
            }
        }
    }

    fn rec(id: &str, name: &str, class: &str, school: &str) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = class.into();
        r.student.school = school.into();
        r
    }

    #[test]
    fn the_school_on_the_cover_is_the_one_most_records_name() {
        let records = [
            rec("a", "A", "10A1", "THPT Trần Liễu"),
            rec("a2", "A2", "10A1", "THPT Trần Liễu"),
            rec("b", "B", "10A1", "thpt  trần liễu"),
            rec("c", "C", "10A1", "THPT Tra\u{302}\u{300}n Liễu"),
            rec("d", "D", "10A1", "THPT Chu Văn An"),
            rec("e", "E", "10A1", ""),
        ];
        assert_eq!(school_name(&records).as_deref(), Some("THPT Trần Liễu"));
        assert_eq!(
            school_name(&records[4..]).as_deref(),
            Some("THPT Chu Văn An")
        );
        assert_eq!(school_name(&records[5..]), None);
        assert_eq!(school_name(&[]), None);
    }

    #[test]
    fn each_class_is_one_sheet_in_list_order_and_students_off_the_lists_are_apart() {
        let list = "Họ và tên,Lớp\nBình,10A2\nAn,10A1\nChi,10A1\nDũng,10A2\n";
        let mut c = Collection::default();
        c.add_roster(crate::teacher::roster::parse(list.as_bytes()).unwrap());
        let mut chi = rec("s1", "Chi", "10A1", "X");
        chi.open_lesson("l", 1_795_000_000);
        let stranger = rec("s2", "Hồ Xuân", "10A1", "X");
        c.add(import(&export(Kind::Pc, "PC", "t", &[chi, stranger])).unwrap());
        let req = Requirements {
            lessons: vec!["l"],
            walks: vec![],
        };
        let report = c.report(&req);
        let (classes, apart) = sheets(&report);
        fn names<'a>(s: &ClassSheet<'a>) -> Vec<&'a str> {
            s.rows.iter().map(|r| r.name.as_str()).collect()
        }
        assert_eq!(classes.len(), 2);
        assert_eq!(classes[0].coverage.class, "10A1");
        assert_eq!(names(&classes[0]), ["An", "Chi"]);
        assert_eq!(classes[0].coverage.students, 2);
        assert_eq!(names(&classes[1]), ["Bình", "Dũng"]);
        assert_eq!(
            apart.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["Hồ Xuân"],
            "a student on no list is never printed inside a class"
        );

        // Without any class list, every record is counted in the class it gives.
        let mut bare = Collection::default();
        bare.add(
            import(&export(
                Kind::Pc,
                "PC",
                "t",
                &[rec("s3", "Lan", "11B", "X")],
            ))
            .unwrap(),
        );
        let report = bare.report(&req);
        let (classes, apart) = sheets(&report);
        assert_eq!(
            (classes.len(), classes[0].rows.len(), apart.len()),
            (1, 1, 0)
        );
    }
}
