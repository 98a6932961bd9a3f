//! Who is who: the records of one real student, made on several lab PCs and at home (one profile
//! per browser, each with its own id), become one student. Browser-free.
//!
//! Rules, in order (see [`identities`]):
//! 1. a hand assignment to a class-list row wins;
//! 2. a class-list row that the record matches (by student code, or by class + name when the
//!    name is not shared by two rows of that class) — every record matched to one row is one
//!    student;
//! 3. otherwise the student code, within the same school;
//! 4. otherwise class + name (compared as [`crate::text::key`]: NFC = NFD, case, spaces) within
//!    the same school — unless the class list has two students of that name in that class:
//!    then nothing is merged (the teacher decides, by hand assignment);
//!
//! and a record known by class + name joins the one code-group with that class and name.
//! Combining is independent of import order: groups are keyed by identity, and each group is
//! combined in profile-id order.

use super::roster::{MatchKind, Roster};
use crate::progress::Record;
use crate::text::key;
use std::collections::BTreeMap;

/// What makes records one student.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Identity {
    /// A class-list row (by its index in the list).
    Row(usize),
    /// A student code within a school (school key, code).
    Code(String, String),
    /// Class and name within a school (school key, class, name key).
    Name(String, String, String),
    /// Only this profile: its name is shared by two students of its class, so the teacher
    /// decides.
    Alone(String),
}

/// A class as the class lists write it ("10a1 " → "10A1").
fn class_key(class: &str) -> String {
    class
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// Each record's identity. `assigned` maps a profile id to the class-list row the teacher chose.
pub fn identities<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    roster: &Roster,
    assigned: &BTreeMap<String, usize>,
) -> Vec<(Identity, &'a Record)> {
    // Names that two rows of one class share: never matched or merged by name.
    let mut names: BTreeMap<(String, String), usize> = BTreeMap::new();
    for e in &roster.entries {
        *names
            .entry((class_key(&e.class), key(&e.name)))
            .or_default() += 1;
    }
    let shared = |class: &str, name: &str| {
        names
            .get(&(class_key(class), key(name)))
            .is_some_and(|n| *n > 1)
    };
    let index = roster.index();
    let mut out: Vec<(Identity, &Record)> = records
        .into_iter()
        .map(|r| {
            let s = &r.student;
            let school = key(&s.school);
            let id = if let Some(&i) = assigned.get(&s.id)
                && i < roster.entries.len()
            {
                Identity::Row(i)
            } else if let Some((i, kind)) = index.find(&s.code, &s.class, &s.name)
                && (kind == MatchKind::Code || !shared(&s.class, &s.name))
            {
                Identity::Row(i)
            } else if !s.code.trim().is_empty() {
                Identity::Code(school, s.code.trim().to_uppercase())
            } else if shared(&s.class, &s.name) {
                Identity::Alone(s.id.clone())
            } else {
                Identity::Name(school, class_key(&s.class), key(&s.name))
            };
            (id, r)
        })
        .collect();
    // A record known only by class + name joins the single code-group of that class and name
    // (the same student typed her code on one PC and not on another).
    let mut by_name: BTreeMap<(String, String, String), Vec<Identity>> = BTreeMap::new();
    for (id, r) in &out {
        if let Identity::Code(school, _) = id {
            let k = (
                school.clone(),
                class_key(&r.student.class),
                key(&r.student.name),
            );
            let ids = by_name.entry(k).or_default();
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    for (id, _) in &mut out {
        if let Identity::Name(school, class, name) = id
            && let Some([only]) = by_name
                .get(&(school.clone(), class.clone(), name.clone()))
                .map(Vec::as_slice)
        {
            *id = only.clone();
        }
    }
    out
}

/// One student's records combined: lessons and walkthroughs passed anywhere, best scores,
/// first passes, the latest attempts; tries are added up across profiles (each profile is a
/// separate history). The details are the most recently active record's. `records` is sorted
/// by profile id by the caller, so the result does not depend on import order.
pub fn combine(records: &[&Record]) -> Record {
    let Some((first, rest)) = records.split_first() else {
        return Record::new();
    };
    let mut out = (*first).clone();
    for r in rest {
        let mut tries: BTreeMap<&str, u32> = BTreeMap::new();
        for (id, l) in &out.lessons {
            tries.insert(id, l.tries);
        }
        let lesson_tries: Vec<(String, u32)> = r
            .lessons
            .iter()
            .map(|(id, l)| {
                (
                    id.clone(),
                    tries.get(id.as_str()).copied().unwrap_or(0) + l.tries,
                )
            })
            .collect();
        let walk_tries: Vec<(String, u32)> = r
            .walks
            .iter()
            .map(|(id, w)| {
                (
                    id.clone(),
                    out.walks.get(id).map_or(0, |x| x.tries) + w.tries,
                )
            })
            .collect();
        let _ = out.merge(r);
        for (id, n) in lesson_tries {
            if let Some(l) = out.lessons.get_mut(&id) {
                l.tries = l.tries.max(n);
            }
        }
        for (id, n) in walk_tries {
            if let Some(w) = out.walks.get_mut(&id) {
                w.tries = w.tries.max(n);
            }
        }
    }
    // The details of the record used last (a later PC may have the corrected name or class).
    if let Some(latest) = records
        .iter()
        .max_by_key(|r| (last_activity(r), &r.student.id))
    {
        let pin = out.student.pin.take();
        out.student = latest.student.clone();
        out.student.pin = pin;
        // Fill what the latest record left empty from the others.
        for r in records {
            if out.student.code.is_empty() {
                out.student.code.clone_from(&r.student.code);
            }
            if out.student.school.is_empty() {
                out.student.school.clone_from(&r.student.school);
            }
        }
    }
    out
}

/// Every known time something happened in a record (Unix seconds; 0 where unknown).
pub fn activity_times(r: &Record) -> impl Iterator<Item = i64> + '_ {
    let l = r
        .lessons
        .values()
        .flat_map(|x| x.recent.iter().map(|a| a.at).chain([x.opened, x.passed_at]));
    let w = r.walks.values().flat_map(|x| {
        x.last
            .as_ref()
            .map(|a| a.at)
            .into_iter()
            .chain([x.practiced_at])
    });
    l.chain(w)
}

/// The most recent time anything happened in a record (Unix seconds, 0 if nothing).
pub fn last_activity(r: &Record) -> i64 {
    activity_times(r).max().unwrap_or(0)
}

/// The first time anything happened in a record (Unix seconds, 0 if nothing).
pub fn first_activity(r: &Record) -> i64 {
    activity_times(r).filter(|t| *t > 0).min().unwrap_or(0)
}

/// The records grouped into students: each group's identity and its records, sorted by profile
/// id. Groups come in identity order.
pub fn students<'a>(
    records: impl IntoIterator<Item = &'a Record>,
    roster: &Roster,
    assigned: &BTreeMap<String, usize>,
) -> BTreeMap<Identity, Vec<&'a Record>> {
    let mut groups: BTreeMap<Identity, Vec<&Record>> = BTreeMap::new();
    for (id, r) in identities(records, roster, assigned) {
        groups.entry(id).or_default().push(r);
    }
    for g in groups.values_mut() {
        g.sort_by(|a, b| a.student.id.cmp(&b.student.id));
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Record, Requirements};
    use crate::quiz::Graded;
    use crate::teacher::class::{Collection, Standing};
    use crate::transfer::{Kind, export, import};
    use crate::walkthrough::{AttemptRecord, Mode};

    const T0: i64 = 1_795_000_000;

    fn req() -> Requirements {
        Requirements {
            lessons: vec!["a", "b", "c"],
            walks: vec!["w"],
        }
    }

    fn profile(id: &str, name: &str, class: &str, code: &str) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = class.into();
        r.student.code = code.into();
        r.student.school = "THPT Trần Liễu".into();
        r.student.created = T0;
        r
    }

    fn pass(r: &mut Record, lesson: &str, at: i64) {
        let ok = Graded {
            correct: vec![true],
            score: 100,
            passed: true,
        };
        r.record_quiz(lesson, &["q1".into()], &ok, T0 + at);
    }

    fn practise(r: &mut Record, at: i64) {
        r.record_walk(AttemptRecord {
            id: "w".into(),
            at: T0 + at,
            mode: Mode::Practice,
            score: 90,
            secs: 100,
            done: true,
            steps: Default::default(),
        });
    }

    /// A PC's file, as the teacher imports it.
    fn pc(records: &[Record]) -> crate::transfer::Imported {
        import(&export(Kind::Pc, "PC", "t", records)).unwrap()
    }

    fn roster(csv: &str) -> Roster {
        crate::teacher::roster::parse(csv.as_bytes()).unwrap()
    }

    /// A boy on PC 7 (two lessons), on PC 8 the next week (one lesson and the walkthrough),
    /// at home (a file of his PC 8 profile); a girl on PC 7 and PC 9.
    fn lab() -> Vec<crate::transfer::Imported> {
        let mut nam7 = profile("n7", "Lê Văn Nam", "10A1", "");
        pass(&mut nam7, "a", 10);
        pass(&mut nam7, "b", 20);
        let mut nam8 = profile("n8", "Le\u{302} Va\u{306}n  nam", "10a1", "");
        pass(&mut nam8, "c", 100);
        practise(&mut nam8, 110);
        let mut home = nam8.clone();
        pass(&mut home, "a", 200);
        let mut linh7 = profile("l7", "Nguyễn Thị Linh", "10A1", "HS02");
        pass(&mut linh7, "a", 30);
        let mut linh9 = profile("l9", "Nguyễn Thị Linh", "10A1", "");
        pass(&mut linh9, "b", 300);
        vec![
            pc(&[nam7, linh7]),
            pc(&[nam8]),
            pc(&[linh9]),
            import(&export(Kind::Student, "", "t", &[home])).unwrap(),
        ]
    }

    fn collect(files: Vec<crate::transfer::Imported>, list: Option<&str>) -> Collection {
        let mut c = Collection::default();
        if let Some(list) = list {
            c.roster = roster(list);
        }
        for f in files {
            c.add(f);
        }
        c
    }

    const LIST: &str = "Họ và tên,Lớp,Mã học sinh\nLê Văn Nam,10A1,\nNguyễn Thị Linh,10A1,HS02\nPhạm Thu Hà,10A1,\n";

    #[test]
    fn a_student_on_three_pcs_and_at_home_is_one_student_with_all_his_work() {
        for list in [None, Some(LIST)] {
            let c = collect(lab(), list);
            let r = c.report(&req());
            let nam: Vec<_> = r
                .rows
                .iter()
                .filter(|x| crate::text::key(&x.name) == crate::text::key("Lê Văn Nam"))
                .collect();
            assert_eq!(nam.len(), 1, "{list:?}: Nam once: {:?}", r.rows);
            assert_eq!(
                nam[0].standing,
                Standing::Completed,
                "a, b, c and w over three places"
            );
            assert_eq!(nam[0].lessons, 3);
            assert_eq!(nam[0].last, T0 + 200, "the latest activity wins");
            let linh: Vec<_> = r
                .rows
                .iter()
                .filter(|x| x.name == "Nguyễn Thị Linh")
                .collect();
            assert_eq!(
                linh.len(),
                1,
                "{list:?}: Linh once (code on one PC, not on the other)"
            );
            assert_eq!(linh[0].lessons, 2);
        }
        let r = collect(lab(), Some(LIST)).report(&req());
        assert_eq!(r.school.students, 3, "the class list is the denominator");
        assert_eq!(
            (
                r.school.completed,
                r.school.in_progress,
                r.school.not_started
            ),
            (1, 1, 1)
        );
        assert!(
            r.rows.iter().all(|x| x.on_roster),
            "nobody left unmatched: {:?}",
            r.rows
        );
    }

    #[test]
    fn attempts_add_up_across_profiles_and_best_scores_are_kept() {
        let c = collect(lab(), None);
        let students = c.students();
        let nam = students
            .iter()
            .map(|(_, r)| r)
            .find(|r| r.lessons.contains_key("c"))
            .unwrap();
        // "a": once on PC 7, once at home (the home file also holds PC 8's history).
        assert_eq!(nam.lessons["a"].tries, 2);
        assert!(nam.lessons.values().all(|l| l.best == 100));
        assert_eq!(
            nam.walks["w"].tries, 1,
            "a copy of a profile is not counted twice"
        );
    }

    #[test]
    fn import_order_does_not_matter_and_importing_again_changes_nothing() {
        let reference = collect(lab(), Some(LIST)).report(&req());
        let orders: [[usize; 4]; 4] = [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1], [0, 2, 1, 3]];
        for order in orders {
            let files = lab();
            let mut shuffled: Vec<_> = files.into_iter().map(Some).collect();
            let picked: Vec<_> = order.iter().map(|&i| shuffled[i].take().unwrap()).collect();
            let r = collect(picked, Some(LIST)).report(&req());
            assert_eq!(r, reference, "order {order:?}");
        }
        let mut twice = collect(lab(), Some(LIST));
        for f in lab() {
            twice.add(f);
        }
        assert_eq!(twice.report(&req()), reference);
    }

    #[test]
    fn two_students_with_one_name_in_one_class_are_never_merged_silently() {
        let list = "Họ và tên,Lớp\nTrần Minh Anh,11A3\nTrần Minh Anh,11A3\nLê Hà,11A3\n";
        let mut a = profile("p1", "Trần Minh Anh", "11A3", "");
        pass(&mut a, "a", 1);
        let mut b = profile("p2", "Trần Minh Anh", "11A3", "");
        pass(&mut b, "b", 2);
        let mut c = Collection {
            roster: roster(list),
            ..Collection::default()
        };
        c.add(pc(&[a]));
        c.add(pc(&[b]));
        let r = c.report(&req());
        let unmatched: Vec<_> = r.rows.iter().filter(|x| !x.on_roster).collect();
        assert_eq!(
            unmatched.len(),
            2,
            "side by side, for the teacher: {:?}",
            r.rows
        );
        // The teacher decides; the decision is kept (it is stored with the collection).
        c.assigned.insert("p1".into(), 0);
        c.assigned.insert("p2".into(), 1);
        let r = c.report(&req());
        assert!(r.rows.iter().all(|x| x.on_roster));
        assert_eq!(r.rows[0].lessons, 1);
        assert_eq!(r.rows[1].lessons, 1);
        let stored = serde_json::to_string(&c).unwrap();
        let back: Collection = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.report(&req()), r);
    }

    #[test]
    fn the_same_name_in_another_school_or_class_is_another_student() {
        let mut a = profile("p1", "Vũ Minh", "10A1", "");
        pass(&mut a, "a", 1);
        let mut b = profile("p2", "Vũ Minh", "10A2", "");
        pass(&mut b, "b", 2);
        let mut other = profile("p3", "Vũ Minh", "10A1", "");
        other.student.school = "THPT Nguyễn Huệ".into();
        pass(&mut other, "c", 3);
        let c = collect(vec![pc(&[a, b, other])], None);
        assert_eq!(c.students().len(), 3);
    }
}
