//! What the teacher has collected: progress records from many PCs and students' own files,
//! merged into one record per student, matched to the class list, and summed up per class and
//! for the whole school against the 80% (2026) and 100% (2030) targets.

use super::roster::{MatchKind, Roster};
use crate::progress::{Record, Requirements, Status};
use crate::transfer::Imported;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The 2026 target: share of students trained.
pub const TARGET_2026: u8 = 80;
/// The 2030 target.
pub const TARGET_2030: u8 = 100;

/// A detail that differs between two copies of one student's record; the first one seen is
/// kept and the teacher is shown both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictNote {
    /// Student id.
    pub student: String,
    /// The student's name as kept.
    pub name: String,
    /// Which detail (stored as "name", "class", "school" or "code").
    pub field: crate::progress::Field,
    /// The value kept.
    pub kept: String,
    /// The other value.
    pub other: String,
}

/// The newest collection format this version reads (0 and 1 are the same shape).
pub const COLLECTION_VERSION: u32 = 1;

fn current_version<S: serde::Serializer>(_: &u32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u32(COLLECTION_VERSION)
}

/// Everything imported, as stored in the teacher's browser.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// Schema version of this collection (always written as [`COLLECTION_VERSION`]: what this
    /// version of the app writes is its own format, whatever it read).
    #[serde(serialize_with = "current_version")]
    pub v: u32,
    /// Student id → merged record (PIN hashes dropped).
    #[serde(default)]
    pub records: BTreeMap<String, Record>,
    /// Conflicts seen while merging.
    #[serde(default)]
    pub conflicts: Vec<ConflictNote>,
    /// The class list, if imported.
    #[serde(default)]
    pub roster: Roster,
    /// Records the teacher matched by hand: student id → roster index.
    #[serde(default)]
    pub assigned: BTreeMap<String, usize>,
    /// The teacher's "đã tiếp thu" marks and replies to the survey's comments, by
    /// [`super::survey::comment_key`] (kept across reloads and re-imports).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub replies: BTreeMap<String, super::survey::Reply>,
    /// The JSON text of records that are exactly as a file held them, kept so that saving does
    /// not serialise them again (see [`Collection::to_stored`]). Not stored itself.
    #[serde(skip)]
    pub(crate) texts: Texts,
}

/// Student id → the JSON text a record was read from, for records that have not changed since
/// (a record that gains anything in a merge loses its entry). A cache of the stored form: two
/// collections with the same records are equal whatever it holds.
#[derive(Clone, Default)]
pub(crate) struct Texts(BTreeMap<String, Box<serde_json::value::RawValue>>);

impl PartialEq for Texts {
    fn eq(&self, _: &Texts) -> bool {
        true
    }
}

impl Eq for Texts {}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Texts({} records)", self.0.len())
    }
}

/// What [`Collection::to_stored`] writes: the collection's own fields, each record as its kept
/// text when it has one.
#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    records: StoredRecords<'a>,
    conflicts: &'a [ConflictNote],
    roster: &'a Roster,
    assigned: &'a BTreeMap<String, usize>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    replies: &'a BTreeMap<String, super::survey::Reply>,
}

struct StoredRecords<'a>(&'a Collection);

impl Serialize for StoredRecords<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let c = self.0;
        let mut map = s.serialize_map(Some(c.records.len()))?;
        for (id, r) in &c.records {
            match c.texts.0.get(id) {
                Some(text) => map.serialize_entry(id, &**text)?,
                None => map.serialize_entry(id, r)?,
            }
        }
        map.end()
    }
}

/// What adding a class list changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterAdded {
    /// Classes new to the collection, with their size.
    pub added: Vec<(String, usize)>,
    /// Classes that were here and were replaced by the new list's, with their new size.
    pub replaced: Vec<(String, usize)>,
    /// How many classes the collection has now.
    pub classes: usize,
}

/// What adding one file changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Students seen for the first time.
    pub new: usize,
    /// Students whose record gained something.
    pub updated: usize,
    /// Students already known with nothing new (a file imported twice).
    pub unchanged: usize,
    /// New conflicts.
    pub conflicts: usize,
}

impl Collection {
    /// Merges every record of an imported file. Importing the same file twice changes nothing.
    pub fn add(&mut self, file: Imported) -> Added {
        let mut added = Added::default();
        let mut texts = file.texts.into_iter();
        // Taken by value: 2,000 records are moved in, not copied (`make bench`, teacher import).
        for mut incoming in file.records {
            // The text says what the record is only if it had no PIN hash (dropped here).
            let text = texts.next().flatten();
            let text = text.filter(|_| incoming.student.pin.is_none());
            incoming.student.pin = None;
            match self.records.get_mut(&incoming.student.id) {
                None => {
                    added.new += 1;
                    let id = incoming.student.id.clone();
                    match text {
                        Some(t) => self.texts.0.insert(id.clone(), t),
                        None => self.texts.0.remove(&id),
                    };
                    self.records.insert(id, incoming);
                }
                Some(mine) => {
                    let before = mine.clone();
                    for c in mine.merge(&incoming) {
                        let note = ConflictNote {
                            student: mine.student.id.clone(),
                            name: mine.student.name.clone(),
                            field: c.field,
                            kept: c.kept,
                            other: c.other,
                        };
                        if !self.conflicts.contains(&note) {
                            self.conflicts.push(note);
                            added.conflicts += 1;
                        }
                    }
                    if *mine == before {
                        added.unchanged += 1;
                    } else {
                        added.updated += 1;
                        self.texts.0.remove(&mine.student.id);
                    }
                }
            }
        }
        added
    }

    /// Adds a class list: its classes are added, and a class already here is replaced by the
    /// new list's (that class only); every other class is kept. Hand assignments to kept rows
    /// stay; those to replaced rows go (the rows are new). Says what was added and replaced.
    pub fn add_roster(&mut self, list: Roster) -> RosterAdded {
        let incoming = list.classes();
        let old = std::mem::take(&mut self.roster.entries);
        let mut old_class_sizes: BTreeMap<String, usize> = BTreeMap::new();
        for e in &old {
            *old_class_sizes.entry(e.class.clone()).or_default() += 1;
        }
        // Kept rows first, in their order, then the new list's rows: old index → new index.
        let mut moved: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, e) in old.into_iter().enumerate() {
            if !incoming.contains(&e.class) {
                moved.insert(i, self.roster.entries.len());
                self.roster.entries.push(e);
            }
        }
        let mut added = Vec::new();
        let mut replaced = Vec::new();
        for class in &incoming {
            let n = list.entries.iter().filter(|e| &e.class == class).count();
            if old_class_sizes.contains_key(class) {
                replaced.push((class.clone(), n));
            } else {
                added.push((class.clone(), n));
            }
        }
        self.roster.entries.extend(list.entries);
        self.assigned = std::mem::take(&mut self.assigned)
            .into_iter()
            .filter_map(|(id, i)| moved.get(&i).map(|&j| (id, j)))
            .collect();
        RosterAdded {
            added,
            replaced,
            classes: self.roster.classes().len(),
        }
    }

    /// Removes one class from the class lists (its hand assignments go with it).
    pub fn remove_class(&mut self, class: &str) {
        let old = std::mem::take(&mut self.roster.entries);
        let mut moved: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, e) in old.into_iter().enumerate() {
            if e.class != class {
                moved.insert(i, self.roster.entries.len());
                self.roster.entries.push(e);
            }
        }
        self.assigned = std::mem::take(&mut self.assigned)
            .into_iter()
            .filter_map(|(id, i)| moved.get(&i).map(|&j| (id, j)))
            .collect();
    }

    /// Checks a collection read back from storage (written by an older version, or edited):
    /// every record is held to what an import accepts ([`Record::within_limits`]) and a record
    /// that fails is left out, so nothing stored can break the teacher area. Returns the
    /// collection and how many records were left out.
    pub fn within_limits(mut self) -> (Collection, usize) {
        // A record may change here: no kept text is trusted past this point.
        self.texts = Texts::default();
        let before = self.records.len();
        self.records = std::mem::take(&mut self.records)
            .into_iter()
            .filter_map(|(id, r)| r.within_limits().ok().map(|r| (id, r)))
            .collect();
        let entries = self.roster.entries.len();
        self.assigned.retain(|_, i| *i < entries);
        self.replies = super::survey::replies_within_limits(std::mem::take(&mut self.replies));
        let left_out = before - self.records.len();
        (self, left_out)
    }

    /// The stored form (JSON, as IndexedDB or an older localStorage holds it). A record read
    /// from a file and unchanged since is written as the text it was read from (its canonical
    /// JSON, keys sorted), not serialised again: 20,000 imported records are ~45 MB of JSON.
    pub fn to_stored(&self) -> String {
        serde_json::to_string(&Stored {
            v: COLLECTION_VERSION,
            records: StoredRecords(self),
            conflicts: &self.conflicts,
            roster: &self.roster,
            assigned: &self.assigned,
            replies: &self.replies,
        })
        .unwrap_or_default()
    }

    /// Reads a stored collection: `None` when the text is damaged or was written by a newer
    /// version (the caller sets it aside, never over-writes it unread); otherwise the collection
    /// held to [`Collection::within_limits`] and how many records were left out.
    pub fn from_stored(text: &str) -> Option<(Collection, usize)> {
        let c: Collection = serde_json::from_str(text).ok()?;
        (c.v <= COLLECTION_VERSION).then(|| c.within_limits())
    }

    /// The roster entry a record belongs to, if any (a hand assignment wins); `index` is
    /// [`Roster::index`] of this collection's roster, built once for many records.
    pub fn roster_index(
        &self,
        index: &super::roster::RosterIndex<'_>,
        r: &Record,
    ) -> Option<(usize, Option<MatchKind>)> {
        if let Some(&i) = self.assigned.get(&r.student.id)
            && i < self.roster.entries.len()
        {
            return Some((i, None));
        }
        index
            .find(&r.student.code, &r.student.class, &r.student.name)
            .map(|(i, k)| (i, Some(k)))
    }

    /// The record whose certificate carries this code (typed with or without the dash, any
    /// case; O/I/L read as 0/1/1 as Crockford's alphabet intends).
    pub fn verify(&self, code: &str, req: &Requirements) -> Option<&Record> {
        let norm = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| match c.to_ascii_uppercase() {
                    'O' => '0',
                    'I' | 'L' => '1',
                    x => x,
                })
                .collect()
        };
        let wanted = norm(code);
        if wanted.len() != 8 {
            return None;
        }
        self.records.values().find(|r| {
            r.certificate_code(&req.lessons, &req.walks)
                .is_some_and(|c| norm(&c) == wanted)
        })
    }
}

/// Where a student stands in the module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Standing {
    /// No record, or nothing opened.
    NotStarted,
    /// Something done, not complete.
    InProgress,
    /// Every required lesson passed and walkthrough practised.
    Completed,
}

/// One line of the class table: a roster student (with or without a record) or a record that
/// matched nobody on the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Name (from the roster when matched).
    pub name: String,
    /// Class.
    pub class: String,
    /// Student code.
    pub code: String,
    /// Where they stand.
    pub standing: Standing,
    /// Required lessons passed.
    pub lessons: usize,
    /// Walkthroughs completed in practice.
    pub walks: usize,
    /// Last activity (Unix seconds, 0 if none).
    pub last: i64,
    /// The record's student id, if there is a record.
    pub record: Option<String>,
    /// On the roster (false: a record nobody on the list matched).
    pub on_roster: bool,
    /// The certificate code, when complete.
    pub certificate: Option<String>,
    /// When the module was completed (Unix seconds), if it was.
    pub completed_at: Option<i64>,
    /// When the student first did anything (Unix seconds, 0 if never).
    pub first: i64,
}

/// Completion of one class (or the whole school).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Class name ("" for the school).
    pub class: String,
    /// Students counted (the roster's, or those with a record when there is no roster).
    pub students: usize,
    /// Completed.
    pub completed: usize,
    /// In progress.
    pub in_progress: usize,
    /// Not started.
    pub not_started: usize,
    /// Completed so far at the end of each month with a completion (`yyyy-mm`, cumulative),
    /// oldest first: the trend toward the 80% line.
    pub by_month: Vec<(String, usize)>,
}

impl Coverage {
    /// Completed share, 0–100, rounded down (a teacher would not round 79.9% up to the target).
    pub fn percent(&self) -> u8 {
        (self.completed * 100)
            .checked_div(self.students)
            .unwrap_or(0) as u8
    }
}

/// A question or a walkthrough step and how often it went wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    /// Lesson or walkthrough id.
    pub parent: String,
    /// Question or screen id.
    pub item: String,
    /// How many times.
    pub count: u32,
}

/// The dashboard's numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Every student, roster order first, then unmatched records.
    pub rows: Vec<Row>,
    /// Per class, sorted by class.
    pub classes: Vec<Coverage>,
    /// The whole school.
    pub school: Coverage,
    /// Per required lesson: (id, students who passed it, students with a record).
    pub lesson_pass: Vec<(String, usize, usize)>,
    /// Questions answered wrongly most often (top 10).
    pub missed_questions: Vec<Missed>,
    /// Walkthrough screens with the most mistakes (top 10).
    pub missed_steps: Vec<Missed>,
    /// What the students said in the survey.
    pub survey: super::survey::SurveyReport,
}

/// How the student table is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RowSort {
    /// By class (then class-list order).
    #[default]
    Class,
    /// By name (as names compare: case, spaces, NFC = NFD).
    Name,
    /// Not started first, then in progress, then completed; by class within each.
    Standing,
    /// Most recent activity first.
    LastActivity,
}

/// Which students the table shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Only this class (empty: every class).
    pub class: String,
    /// Only names or codes containing this, accents and case ignored (empty: everyone).
    pub text: String,
}

impl Report {
    /// The rows `filter` keeps, in `sort` order (stable: equal rows keep the report's order).
    pub fn rows(&self, filter: &RowFilter, sort: RowSort) -> Vec<&Row> {
        let q = crate::text::loose(&filter.text);
        let mut rows: Vec<&Row> = self
            .rows
            .iter()
            .filter(|row| filter.class.is_empty() || row.class == filter.class)
            .filter(|row| {
                q.is_empty()
                    || crate::text::loose(&format!("{} {}", row.name, row.code)).contains(&q)
            })
            .collect();
        match sort {
            RowSort::Class => rows.sort_by(|a, b| a.class.cmp(&b.class)),
            RowSort::Name => rows.sort_by_cached_key(|a| crate::text::key(&a.name)),
            RowSort::Standing => {
                rows.sort_by(|a, b| a.standing.cmp(&b.standing).then(a.class.cmp(&b.class)))
            }
            RowSort::LastActivity => rows.sort_by_key(|a| std::cmp::Reverse(a.last)),
        }
        rows
    }
}

/// Where a student stood at `as_of` (Unix seconds; `None`: now). Records keep when the module
/// was completed and when it was first opened, so an earlier date can be read back.
fn standing(first: i64, completed_at: Option<i64>, as_of: Option<i64>) -> Standing {
    let by = |t: i64| as_of.is_none_or(|d| t <= d);
    if completed_at.is_some_and(by) {
        Standing::Completed
    } else if first > 0 && by(first) {
        Standing::InProgress
    } else {
        Standing::NotStarted
    }
}

fn row_for(r: &Record, req: &Requirements, as_of: Option<i64>) -> Row {
    let completed_at = r.completed_at(&req.lessons, &req.walks);
    let first = super::identity::first_activity(r);
    Row {
        name: r.student.name.clone(),
        class: r.student.class.clone(),
        code: r.student.code.clone(),
        standing: standing(first, completed_at, as_of),
        lessons: r.passed_count(&req.lessons),
        walks: req
            .walks
            .iter()
            .filter(|w| r.walk_status(w) == Status::Done)
            .count(),
        last: super::identity::last_activity(r),
        record: Some(r.student.id.clone()),
        on_roster: false,
        certificate: r.certificate_code(&req.lessons, &req.walks),
        completed_at,
        first,
    }
}

fn top(counts: BTreeMap<(String, String), u32>) -> Vec<Missed> {
    let mut v: Vec<Missed> = counts
        .into_iter()
        .map(|((parent, item), count)| Missed {
            parent,
            item,
            count,
        })
        .collect();
    v.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.parent, &a.item).cmp(&(&b.parent, &b.item)))
    });
    v.truncate(10);
    v
}

impl Collection {
    /// Every real student: the records of one student (several lab PCs, home) combined into
    /// one ([`super::identity`]), each with the class-list row it belongs to, if any.
    pub fn students(&self) -> Vec<(Option<usize>, Record)> {
        super::identity::students(self.records.values(), &self.roster, &self.assigned)
            .into_iter()
            .map(|(id, group)| {
                let row = match id {
                    super::identity::Identity::Row(i) => Some(i),
                    _ => None,
                };
                (row, super::identity::combine(&group))
            })
            .collect()
    }

    /// Everything the dashboard shows, as of now.
    pub fn report(&self, req: &Requirements) -> Report {
        self.report_as_of(req, None)
    }

    /// Everything the dashboard shows, as it stood at `as_of` (Unix seconds, e.g. the end of
    /// 31/12/2026 for "báo cáo định kỳ"); `None`: now.
    pub fn report_as_of(&self, req: &Requirements, as_of: Option<i64>) -> Report {
        let mut rows: Vec<Row> = self
            .roster
            .entries
            .iter()
            .map(|e| Row {
                name: e.name.clone(),
                class: e.class.clone(),
                code: e.code.clone(),
                standing: Standing::NotStarted,
                lessons: 0,
                walks: 0,
                last: 0,
                record: None,
                on_roster: true,
                certificate: None,
                completed_at: None,
                first: 0,
            })
            .collect();
        let students = self.students();
        let mut unmatched = Vec::new();
        for (at, r) in &students {
            match at {
                Some(i) if *i < rows.len() => {
                    let i = *i;
                    let mut row = row_for(r, req, as_of);
                    row.name.clone_from(&rows[i].name);
                    row.class.clone_from(&rows[i].class);
                    if row.code.is_empty() {
                        row.code.clone_from(&rows[i].code);
                    }
                    row.on_roster = true;
                    rows[i] = row;
                }
                _ => unmatched.push(row_for(r, req, as_of)),
            }
        }
        let has_roster = !self.roster.entries.is_empty();
        // The survey counts the students the coverage counts, in the class they are counted in.
        let class_of = |at: &Option<usize>, r: &Record| match at {
            Some(i) if *i < self.roster.entries.len() => self.roster.entries[*i].class.clone(),
            _ => r.student.class.clone(),
        };
        let index = self.roster.index();
        let survey = super::survey::report(
            students
                .iter()
                .filter(|(at, _)| !has_roster || at.is_some_and(|i| i < self.roster.entries.len()))
                .map(|(at, r)| (class_of(at, r), r)),
            self.records.values().map(|r| {
                let at = self.roster_index(&index, r).map(|(i, _)| i);
                (class_of(&at, r), r)
            }),
            as_of,
        );
        rows.extend(unmatched);
        // Coverage counts roster students; without a roster, every record.
        let counted: Vec<&Row> = rows.iter().filter(|r| r.on_roster || !has_roster).collect();
        let mut classes: BTreeMap<String, Coverage> = BTreeMap::new();
        let mut school = Coverage::default();
        let mut months: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for r in &counted {
            let c = classes.entry(r.class.clone()).or_insert_with(|| Coverage {
                class: r.class.clone(),
                ..Coverage::default()
            });
            for cov in [&mut *c, &mut school] {
                cov.students += 1;
                match r.standing {
                    Standing::Completed => cov.completed += 1,
                    Standing::InProgress => cov.in_progress += 1,
                    Standing::NotStarted => cov.not_started += 1,
                }
            }
            if r.standing == Standing::Completed
                && let Some(at) = r.completed_at
            {
                let m = crate::dates::month(at);
                for class in [r.class.clone(), String::new()] {
                    *months
                        .entry(class)
                        .or_default()
                        .entry(m.clone())
                        .or_default() += 1;
                }
            }
        }
        let cumulative = |m: Option<&BTreeMap<String, usize>>| -> Vec<(String, usize)> {
            let mut total = 0;
            m.into_iter()
                .flatten()
                .map(|(month, n)| {
                    total += n;
                    (month.clone(), total)
                })
                .collect()
        };
        for (class, cov) in &mut classes {
            cov.by_month = cumulative(months.get(class));
        }
        school.by_month = cumulative(months.get(""));
        let with_record = students.len();
        let lesson_pass = req
            .lessons
            .iter()
            .map(|id| {
                let passed = students
                    .iter()
                    .filter(|(_, r)| r.status(id) == Status::Done)
                    .count();
                (id.to_string(), passed, with_record)
            })
            .collect();
        let mut questions = BTreeMap::new();
        let mut steps = BTreeMap::new();
        for (_, r) in &students {
            for (lid, l) in &r.lessons {
                for a in &l.recent {
                    for q in &a.wrong {
                        *questions.entry((lid.clone(), q.clone())).or_insert(0) += 1;
                    }
                }
            }
            for (wid, w) in &r.walks {
                if let Some(last) = &w.last {
                    for (screen, n) in &last.steps {
                        *steps.entry((wid.clone(), screen.clone())).or_insert(0) += *n;
                    }
                }
            }
        }
        Report {
            rows,
            classes: classes.into_values().collect(),
            school,
            lesson_pass,
            missed_questions: top(questions),
            missed_steps: top(steps),
            survey,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Graded;
    use crate::transfer::{Kind, export, import};
    use crate::walkthrough::{AttemptRecord, Mode};

    fn req() -> Requirements {
        Requirements {
            lessons: vec!["a", "b"],
            walks: vec!["w"],
        }
    }

    fn rec(id: &str, name: &str, class: &str) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = class.into();
        r
    }

    /// Times in these tests count from late 2026 (imports refuse dates before 2020).
    const T0: i64 = 1_795_000_000;

    fn pass(r: &mut Record, lesson: &str, at: i64) {
        let at = T0 + at;
        let g = Graded {
            correct: vec![true, false],
            score: 50,
            passed: false,
        };
        r.record_quiz(lesson, &["q1".into(), "q2".into()], &g, at);
        let g = Graded {
            correct: vec![true, true],
            score: 100,
            passed: true,
        };
        r.record_quiz(lesson, &["q1".into(), "q2".into()], &g, at + 1);
    }

    fn practise(r: &mut Record, at: i64) {
        r.record_walk(AttemptRecord {
            id: "w".into(),
            at: T0 + at,
            mode: Mode::Practice,
            score: 90,
            secs: 100,
            done: true,
            steps: [("otp".to_string(), 2)].into(),
        });
    }

    fn file(records: &[Record]) -> Imported {
        import(&export(Kind::Pc, "PC", "t", records)).unwrap()
    }

    #[test]
    fn the_same_student_on_two_pcs_becomes_one_and_reimporting_changes_nothing() {
        let mut lab = rec("s1", "Lê Thị Hoa", "10A1");
        pass(&mut lab, "a", 10);
        let mut phone = rec("s1", "Lê Thị Hoa", "10A1");
        pass(&mut phone, "b", 20);
        practise(&mut phone, 30);
        let mut c = Collection::default();
        assert_eq!(c.add(file(&[lab.clone()])).new, 1);
        let second = c.add(file(&[phone]));
        assert_eq!((second.new, second.updated), (0, 1));
        let before = c.clone();
        let again = c.add(file(&[lab]));
        assert_eq!((again.unchanged, again.updated), (1, 0));
        assert_eq!(c, before, "importing a file twice changes nothing");
        let report = c.report(&req());
        assert_eq!(report.rows.len(), 1);
        assert_eq!(report.rows[0].standing, Standing::Completed);
        assert!(c.records["s1"].student.pin.is_none());
    }

    #[test]
    fn imported_records_are_stored_as_their_text_until_they_change() {
        let mut done = rec("s1", "Lê Thị Hoa", "10A1");
        pass(&mut done, "a", 10);
        practise(&mut done, 20);
        let mut pinned = rec("s2", "Đỗ Minh Quân", "10A2");
        pinned.student.pin = Some("abc$123".into());
        let flower = rec("s3", "Hoa 🌸 \"Ngô\"", "10A2");
        let mut c = Collection::default();
        c.add(file(&[done.clone(), pinned, flower]));
        assert_eq!(
            c.texts.0.len(),
            2,
            "a record with a PIN hash is written again, without it"
        );
        let canonical = serde_json::to_value(&done).unwrap().to_string();
        let stored = c.to_stored();
        assert!(stored.contains(&canonical), "the file's text, as it was");
        let same = |c: &Collection, stored: &str| {
            // Read back, the stored text is what serialising the collection writes.
            let got: serde_json::Value = serde_json::from_str(stored).unwrap();
            assert_eq!(got, serde_json::to_value(c).unwrap());
            let (back, left_out) = Collection::from_stored(stored).unwrap();
            assert_eq!(left_out, 0);
            assert_eq!(back.v, COLLECTION_VERSION);
            assert_eq!(
                back,
                Collection {
                    v: back.v,
                    ..c.clone()
                }
            );
        };
        same(&c, &stored);
        assert!(c.records["s2"].student.pin.is_none());
        // Importing the same file again keeps the text; a merge that adds something drops it.
        c.add(file(std::slice::from_ref(&done)));
        assert!(c.texts.0.contains_key("s1"));
        let mut more = done.clone();
        pass(&mut more, "b", 30);
        c.add(file(&[more]));
        assert!(!c.texts.0.contains_key("s1") && c.texts.0.contains_key("s3"));
        assert!(!c.to_stored().contains(&canonical));
        same(&c, &c.to_stored());
        // A record cut to what the app keeps (or read back from storage) is written again.
        let (c, _) = c.within_limits();
        assert!(c.texts.0.is_empty());
    }

    #[test]
    fn conflicting_details_are_listed_once() {
        let a = rec("s1", "Trần Văn Bình", "10A1");
        let b = rec("s1", "Trần Văn Bình", "10A2");
        let mut c = Collection::default();
        c.add(file(&[a]));
        assert_eq!(c.add(file(std::slice::from_ref(&b))).conflicts, 1);
        assert_eq!(c.add(file(&[b])).conflicts, 0);
        assert_eq!(c.conflicts.len(), 1);
        assert_eq!(
            (c.conflicts[0].kept.as_str(), c.conflicts[0].other.as_str()),
            ("10A1", "10A2")
        );
    }

    #[test]
    fn coverage_counts_every_roster_student_including_those_who_never_started() {
        let csv = "STT,Họ và tên,Lớp,Mã học sinh\n1,Nguyễn Thị Linh,10A1,HS01\n2,Lê Văn Nam,10A1,\n3,Phạm Thu Hà,10A1,\n4,Đỗ An,10A2,\n5,Vũ Minh,10A2,\n";
        let mut c = Collection {
            roster: crate::teacher::roster::parse(csv.as_bytes()).unwrap(),
            ..Collection::default()
        };
        // Linh: complete, matched by code although her class is typed differently.
        let mut linh = rec("s1", "Linh Nguyễn", "10a1");
        linh.student.code = "hs01".into();
        pass(&mut linh, "a", 1);
        pass(&mut linh, "b", 2);
        practise(&mut linh, 3);
        // Nam: in progress, name typed in NFD.
        let mut nam = rec("s2", "Le\u{302} Va\u{306}n Nam", "10A1");
        nam.open_lesson("a", T0 + 5);
        // Someone not on the list.
        let stranger = rec("s3", "Hồ Xuân", "10A3");
        c.add(file(&[linh, nam, stranger]));
        let r = c.report(&req());
        let a1 = &r.classes[0];
        assert_eq!(
            (
                a1.class.as_str(),
                a1.students,
                a1.completed,
                a1.in_progress,
                a1.not_started
            ),
            ("10A1", 3, 1, 1, 1)
        );
        assert_eq!(a1.percent(), 33);
        let a2 = &r.classes[1];
        assert_eq!((a2.students, a2.not_started, a2.percent()), (2, 2, 0));
        assert_eq!(
            (r.school.students, r.school.completed, r.school.percent()),
            (5, 1, 20)
        );
        assert_eq!(r.rows.len(), 6, "5 roster students and the stranger");
        assert!(!r.rows[5].on_roster && r.rows[5].name == "Hồ Xuân");
        assert_eq!(
            r.rows[1].name, "Lê Văn Nam",
            "the roster's spelling is shown"
        );
        // The teacher assigns the stranger by hand to Đỗ An.
        c.assigned.insert("s3".into(), 3);
        let r = c.report(&req());
        assert_eq!(r.rows.len(), 5);
        assert_eq!(r.rows[3].record.as_deref(), Some("s3"));
    }

    #[test]
    fn the_most_missed_questions_and_steps_are_counted() {
        let mut c = Collection::default();
        for i in 0..3 {
            let mut r = rec(&format!("s{i}"), &format!("Học Sinh {i}"), "10A1");
            pass(&mut r, "a", 1);
            practise(&mut r, 2);
            c.add(file(&[r]));
        }
        let r = c.report(&req());
        assert_eq!(
            r.missed_questions[0],
            Missed {
                parent: "a".into(),
                item: "q2".into(),
                count: 3
            }
        );
        assert_eq!(
            r.missed_steps[0],
            Missed {
                parent: "w".into(),
                item: "otp".into(),
                count: 6
            }
        );
        assert_eq!(r.lesson_pass[0], ("a".to_string(), 3, 3));
    }

    #[test]
    fn a_certificate_code_is_found_however_it_is_typed() {
        let mut r = rec("s1", "Lê Thị Hoa", "10A1");
        pass(&mut r, "a", 1);
        pass(&mut r, "b", 2);
        practise(&mut r, 3);
        let code = r.certificate_code(&req().lessons, &req().walks).unwrap();
        let mut c = Collection::default();
        c.add(file(&[r]));
        assert!(c.verify(&code, &req()).is_some());
        assert!(
            c.verify(&code.to_lowercase().replace('-', " "), &req())
                .is_some()
        );
        assert!(c.verify("AAAA-AAAA", &req()).is_none());
    }

    #[test]
    fn each_class_list_adds_its_classes_and_replaces_only_its_own() {
        let parse = |t: &str| crate::teacher::roster::parse(t.as_bytes()).unwrap();
        let mut c = Collection::default();
        let a = c.add_roster(parse("Họ và tên,Lớp\nAn,10A1\nBình,10A1\n"));
        assert_eq!((a.added, a.classes), (vec![("10A1".to_string(), 2)], 1));
        let b = c.add_roster(parse("Họ và tên,Lớp\nChi,11A3\nDũng,11A3\nHà,11A3\n"));
        assert_eq!((b.added, b.classes), (vec![("11A3".to_string(), 3)], 2));
        c.assigned.insert("s-chi".into(), 2);
        c.assigned.insert("s-an".into(), 0);
        // A corrected 10A1 list replaces 10A1 only; Chi's hand assignment follows her row.
        let r = c.add_roster(parse("Họ và tên,Lớp\nAn,10A1\nBình,10A1\nCường,10A1\n"));
        assert_eq!(r.replaced, vec![("10A1".to_string(), 3)]);
        assert!(r.added.is_empty());
        assert_eq!(r.classes, 2);
        assert_eq!(c.roster.entries.len(), 6);
        let chi = c.assigned["s-chi"];
        assert_eq!(c.roster.entries[chi].name, "Chi");
        assert!(
            !c.assigned.contains_key("s-an"),
            "the replaced row's assignment goes"
        );
        let report = c.report(&req());
        assert_eq!(
            report
                .classes
                .iter()
                .map(|k| (k.class.as_str(), k.students))
                .collect::<Vec<_>>(),
            [("10A1", 3), ("11A3", 3)]
        );
        c.remove_class("10A1");
        assert_eq!(c.roster.classes(), vec!["11A3".to_string()]);
        assert_eq!(c.roster.entries[c.assigned["s-chi"]].name, "Chi");
    }

    #[test]
    fn the_report_reads_as_of_a_date_and_counts_completions_by_month() {
        let mut c = Collection::default();
        let mut early = rec("s1", "An", "10A1");
        pass(&mut early, "a", 0);
        pass(&mut early, "b", 10);
        practise(&mut early, 20);
        let mut late = rec("s2", "Bình", "10A1");
        pass(&mut late, "a", 0);
        pass(&mut late, "b", 40 * 86_400);
        practise(&mut late, 40 * 86_400 + 10);
        let mut started = rec("s3", "Chi", "10A1");
        started.open_lesson("a", T0 + 50 * 86_400);
        c.add(file(&[early, late, started]));
        let now = c.report(&req());
        assert_eq!((now.school.completed, now.school.in_progress), (2, 1));
        let (m1, m2) = (
            crate::dates::month(T0 + 20),
            crate::dates::month(T0 + 40 * 86_400 + 10),
        );
        assert_ne!(m1, m2);
        assert_eq!(
            now.school.by_month,
            vec![(m1.clone(), 1), (m2, 2)],
            "cumulative"
        );
        assert_eq!(now.classes[0].by_month.len(), 2);
        // As of a day between the two completions: one complete, one in progress, one not yet.
        let then = c.report_as_of(&req(), Some(T0 + 30 * 86_400));
        assert_eq!(
            (
                then.school.completed,
                then.school.in_progress,
                then.school.not_started
            ),
            (1, 1, 1)
        );
        assert_eq!(then.school.by_month, vec![(m1, 1)]);
    }

    #[test]
    fn a_stored_collection_reads_back_as_it_was_and_damage_or_a_newer_version_is_refused() {
        let mut c = Collection::default();
        let mut a = rec("s1", "Nguyễn Văn An", "11A3");
        pass(&mut a, "a", 10);
        c.add(file(&[a, rec("s2", "Trần Thị Bình", "11A3")]));
        let text = c.to_stored();
        let (back, left_out) = Collection::from_stored(&text).unwrap();
        assert_eq!(
            (back.records, back.roster, left_out),
            (c.records.clone(), c.roster.clone(), 0)
        );
        // Cut short (a write that stopped half-way), edited into nonsense, or from a newer app.
        assert_eq!(Collection::from_stored(&text[..text.len() / 2]), None);
        assert_eq!(Collection::from_stored("{\"v\": \"x\"}"), None);
        let newer = text.replacen(&format!("\"v\":{COLLECTION_VERSION}"), "\"v\":99", 1);
        assert_ne!(newer, text);
        assert_eq!(Collection::from_stored(&newer), None);
    }

    #[test]
    fn a_school_summary_holds_no_name_code_or_record_id() {
        let csv = "STT,Họ và tên,Lớp,Mã học sinh\n1,Nguyễn Thị Linh,10A1,HS0142\n2,Lê Văn Nam,10A1,\n3,Phạm Thu Hà,10A2,HS0999\n";
        let mut c = Collection {
            roster: crate::teacher::roster::parse(csv.as_bytes()).unwrap(),
            ..Collection::default()
        };
        let mut linh = rec("p-7f3a91", "Nguyễn Thị Linh", "10A1");
        linh.student.code = "HS0142".into();
        linh.student.school = "THPT Nguyễn Du".into();
        pass(&mut linh, "a", 1);
        pass(&mut linh, "b", 2);
        practise(&mut linh, 3);
        let mut nam = rec("p-22b8c4", "Lê Văn Nam", "10A1");
        nam.open_lesson("a", T0 + 5);
        let mut stranger = rec("p-93e1d0", "Hồ Xuân Hương", "10A3");
        stranger.student.code = "HS7777".into();
        stranger.open_lesson("a", T0 + 6);
        c.add(file(&[linh, nam, stranger]));
        let report = c.report(&req());
        let summary = crate::teacher::summary::SchoolSummary::from_report(
            "THPT Nguyễn Du",
            "2026-12-31",
            &report,
            true,
        );
        let text = crate::teacher::summary::seal(&summary, "2026-12-31T10:00:00+07:00");
        for secret in [
            "Nguyễn Thị Linh",
            "Linh",
            "Lê Văn Nam",
            "Nam",
            "Phạm Thu Hà",
            "Hồ Xuân Hương",
            "HS0142",
            "HS0999",
            "HS7777",
            "p-7f3a91",
            "p-22b8c4",
            "p-93e1d0",
        ] {
            assert!(
                !text.contains(secret),
                "{secret} is in the summary:\n{text}"
            );
        }
        // What it does hold: the figures.
        let opened = crate::teacher::summary::open(&text).unwrap().summary;
        let a1 = &opened.classes[0];
        assert_eq!(
            (a1.class.as_str(), a1.students, a1.completed, a1.in_progress),
            ("10A1", 2, 1, 1)
        );
        assert_eq!(
            opened.unlisted, 1,
            "the stranger is counted apart, by number only"
        );
        assert_eq!(opened.total().students, 3);
    }

    #[test]
    fn the_student_table_filters_and_sorts_in_the_core() {
        let mut a = rec("s1", "Đỗ Văn Bình", "10A2");
        pass(&mut a, "a", 50);
        let mut b = rec("s2", "an Thị Hoa", "10A1");
        b.student.code = "HS07".into();
        pass(&mut b, "a", 10);
        pass(&mut b, "b", 11);
        practise(&mut b, 12);
        let c = rec("s3", "Cao Minh", "10A1");
        let mut col = Collection::default();
        col.add(file(&[a, b, c]));
        let r = col.report(&req());
        let names = |f: &RowFilter, s: RowSort| -> Vec<String> {
            r.rows(f, s).iter().map(|r| r.name.clone()).collect()
        };
        let all = RowFilter::default();
        assert_eq!(
            names(&all, RowSort::Name),
            ["an Thị Hoa", "Cao Minh", "Đỗ Văn Bình"]
        );
        assert_eq!(names(&all, RowSort::Class)[2], "Đỗ Văn Bình");
        assert_eq!(
            names(&all, RowSort::Standing),
            ["Cao Minh", "Đỗ Văn Bình", "an Thị Hoa"]
        );
        assert_eq!(names(&all, RowSort::LastActivity)[0], "Đỗ Văn Bình");
        let by_class = RowFilter {
            class: "10A1".into(),
            ..RowFilter::default()
        };
        assert_eq!(names(&by_class, RowSort::Name), ["an Thị Hoa", "Cao Minh"]);
        // Accents and case ignored, the code searched too.
        let text = |t: &str| RowFilter {
            text: t.into(),
            ..RowFilter::default()
        };
        assert_eq!(names(&text("do van"), RowSort::Name), ["Đỗ Văn Bình"]);
        assert_eq!(names(&text("hs07"), RowSort::Name), ["an Thị Hoa"]);
        assert!(names(&text("zzz"), RowSort::Name).is_empty());
    }

    #[test]
    fn survey_replies_survive_storing_and_reimporting_and_the_report_counts_answers() {
        use crate::progress::{Answer, Occasion};
        let mut hoa = rec("s1", "Lê Thị Hoa", "10A1");
        hoa.answer_survey(Answer {
            satisfaction: 5,
            comment: "Hay".into(),
            needs: vec!["can-cuoc".into()],
            ..Answer::skipped(Occasion::Practice, T0 + 5)
        });
        let mut nam = rec("s2", "Trần Nam", "10A2");
        nam.answer_survey(Answer {
            satisfaction: 2,
            ..Answer::skipped(Occasion::Module, T0 + 9)
        });
        let mut c = Collection::default();
        c.add(file(&[hoa.clone(), nam]));
        let r = c.report(&req());
        assert_eq!(r.survey.school.satisfaction, [1, 0, 0, 1, 0]);
        assert_eq!(r.survey.classes.len(), 2);
        assert_eq!(r.survey.comments[0].key, "s1@1795000005");
        c.replies.insert(
            r.survey.comments[0].key.clone(),
            crate::teacher::survey::Reply {
                ack: true,
                text: "Cảm ơn em".into(),
            },
        );
        let (mut back, left_out) = Collection::from_stored(&c.to_stored()).expect("reads");
        assert_eq!(left_out, 0);
        assert_eq!(
            (&back.replies, &back.records),
            (&c.replies, &c.records),
            "stored"
        );
        back.add(file(&[hoa]));
        assert_eq!(back.replies, c.replies, "a re-import keeps them");
        // A collection stored before the survey reads with no replies.
        let old = Collection::default().to_stored();
        assert!(!old.contains("replies"));
        assert!(Collection::from_stored(&old).unwrap().0.replies.is_empty());
    }
}
