//! What a student has done, and when the module counts as complete. Browser-free.
//!
//! Stored compactly (timestamps as Unix seconds, wrong answers as question ids, a few recent
//! attempts per lesson) so a complete profile stays well under 4 KB. Older stored versions are
//! migrated by [`migrate`]; records from two devices are combined by [`Record::merge`].

use crate::profile::Student;
use crate::quiz::Graded;
use crate::walkthrough::{AttemptRecord, Mode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod limits;
mod next;
pub mod survey;
mod wire;
pub use limits::{OutOfRange, is_id};
pub use next::{Part, WalkStanding};
pub use survey::{Answer, Occasion};

/// The stored format's version; bump it and add a step to [`migrate`] when the shape changes.
///
/// - 1: lessons and walkthroughs, one anonymous record per browser.
/// - 2: the student's details inside the record; pass times; walkthrough mistakes per step.
///   Survey answers (`survey`, issue 19) were added within 2: an optional field that an older
///   app reads past (keeping every lesson and walkthrough), so files stay readable both ways.
/// - 3: the same content in one-letter keys with times relative to each lesson's opening and
///   each walkthrough's latest attempt ([`wire`]): a complete profile with the longest survey
///   fits in 4 KB. Format 2 is still read; an app of format 2 refuses format 3 as newer
///   instead of reading an empty record.
pub const SCHEMA_VERSION: u32 = 3;

/// How many recent attempts per lesson are kept in full (the count keeps growing).
pub const KEEP_ATTEMPTS: usize = 3;

/// One quiz attempt. Stored as `[at, score, "q2 q5"]` — half the bytes of an object, which
/// keeps a complete profile under 4 KB.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "AttemptWire", from = "AttemptWire")]
pub struct Attempt {
    /// When it was submitted (Unix seconds).
    pub at: i64,
    /// 0–100.
    pub score: u8,
    /// Ids of the questions answered wrongly.
    pub wrong: Vec<String>,
}

/// How an [`Attempt`] is written: time, score, wrong question ids separated by spaces.
#[derive(Clone, Serialize, Deserialize)]
struct AttemptWire(i64, u8, #[serde(default)] String);

impl From<Attempt> for AttemptWire {
    fn from(a: Attempt) -> Self {
        AttemptWire(a.at, a.score, a.wrong.join(" "))
    }
}

impl From<AttemptWire> for Attempt {
    fn from(w: AttemptWire) -> Self {
        Attempt {
            at: w.0,
            score: w.1,
            wrong: w.2.split_whitespace().map(str::to_string).collect(),
        }
    }
}

/// Progress in one lesson.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRecord {
    /// First opened (Unix seconds).
    pub opened: i64,
    /// Quiz attempts so far.
    #[serde(default)]
    pub tries: u32,
    /// Best score.
    #[serde(default)]
    pub best: u8,
    /// Ever passed (≥ 80%).
    #[serde(default)]
    pub passed: bool,
    /// When it was first passed (Unix seconds; 0 if unknown or not passed).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub passed_at: i64,
    /// The most recent attempts, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent: Vec<Attempt>,
}

/// Where a student stands in one lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Never opened.
    NotStarted,
    /// Opened or attempted, not yet passed.
    InProgress,
    /// Passed.
    Done,
}

/// Progress in one walkthrough.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WalkRecord {
    /// Attempts finished or abandoned with a summary, in either mode.
    #[serde(default)]
    pub tries: u32,
    /// Best practice-mode score.
    #[serde(default)]
    pub best: u8,
    /// Completed at least once in practice mode (what the completion rule asks for).
    #[serde(default)]
    pub practiced: bool,
    /// Completed at least once in guided mode.
    #[serde(default)]
    pub guided: bool,
    /// When it was first completed in practice mode (Unix seconds).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub practiced_at: i64,
    /// The latest attempt, with what to review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<AttemptRecord>,
}

/// Everything one student has done. Written in the compact form of [`wire`] (format 3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "wire::RecordWire", from = "wire::RecordWire")]
pub struct Record {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub v: u32,
    /// Whose record this is.
    #[serde(default)]
    pub student: Student,
    /// Lesson id → progress.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonRecord>,
    /// Walkthrough id → progress.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub walks: BTreeMap<String, WalkRecord>,
    /// Survey answers and skips, oldest first ([`survey`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey: Vec<Answer>,
}

impl Record {
    /// An empty record in the current schema.
    pub fn new() -> Self {
        Record {
            v: SCHEMA_VERSION,
            student: Student::default(),
            lessons: BTreeMap::new(),
            walks: BTreeMap::new(),
            survey: Vec::new(),
        }
    }

    /// Notes that a lesson was opened (only the first time counts).
    pub fn open_lesson(&mut self, id: &str, now: i64) {
        self.lessons
            .entry(id.to_string())
            .or_insert_with(|| LessonRecord {
                opened: now,
                ..LessonRecord::default()
            });
    }

    /// Records a graded quiz attempt.
    pub fn record_quiz(&mut self, id: &str, question_ids: &[String], graded: &Graded, now: i64) {
        let rec = self
            .lessons
            .entry(id.to_string())
            .or_insert_with(|| LessonRecord {
                opened: now,
                ..LessonRecord::default()
            });
        rec.tries += 1;
        rec.best = rec.best.max(graded.score);
        if graded.passed && !rec.passed {
            rec.passed_at = now;
        }
        rec.passed |= graded.passed;
        let wrong = question_ids
            .iter()
            .zip(&graded.correct)
            .filter(|(_, ok)| !**ok)
            .map(|(q, _)| q.clone())
            .collect();
        rec.recent.push(Attempt {
            at: now,
            score: graded.score,
            wrong,
        });
        if rec.recent.len() > KEEP_ATTEMPTS {
            let extra = rec.recent.len() - KEEP_ATTEMPTS;
            rec.recent.drain(..extra);
        }
    }

    /// Records a finished walkthrough attempt.
    pub fn record_walk(&mut self, attempt: AttemptRecord) {
        let rec = self.walks.entry(attempt.id.clone()).or_default();
        rec.tries += 1;
        if attempt.done {
            match attempt.mode {
                Mode::Practice => {
                    if !rec.practiced {
                        rec.practiced_at = attempt.at;
                    }
                    rec.practiced = true;
                    rec.best = rec.best.max(attempt.score);
                }
                Mode::Guided => rec.guided = true,
            }
        }
        rec.last = Some(attempt);
    }

    /// A walkthrough's status: done once completed in practice mode.
    pub fn walk_status(&self, id: &str) -> Status {
        match self.walks.get(id) {
            None => Status::NotStarted,
            Some(r) if r.practiced => Status::Done,
            Some(_) => Status::InProgress,
        }
    }

    /// A lesson's status.
    pub fn status(&self, id: &str) -> Status {
        match self.lessons.get(id) {
            None => Status::NotStarted,
            Some(r) if r.passed => Status::Done,
            Some(_) => Status::InProgress,
        }
    }

    /// How many of `required` lessons are passed.
    pub fn passed_count(&self, required: &[&str]) -> usize {
        required
            .iter()
            .filter(|id| self.status(id) == Status::Done)
            .count()
    }

    /// The completion rule, as a teacher reads it: every required lesson passed with ≥ 80% and
    /// every required walkthrough completed in practice mode.
    pub fn is_complete(&self, required: &[&str], walks: &[&str]) -> bool {
        !required.is_empty()
            && self.passed_count(required) == required.len()
            && walks.iter().all(|w| self.walk_status(w) == Status::Done)
    }

    /// Required parts done and in total: passed lessons plus walkthroughs completed in practice.
    pub fn overall(&self, req: &Requirements) -> (usize, usize) {
        let walks = req
            .walks
            .iter()
            .filter(|w| self.walk_status(w) == Status::Done)
            .count();
        (
            self.passed_count(&req.lessons) + walks,
            req.lessons.len() + req.walks.len(),
        )
    }

    /// Whole-module percentage (0–100) over the required lessons.
    pub fn percent(&self, required: &[&str]) -> u8 {
        if required.is_empty() {
            return 0;
        }
        (self.passed_count(required) * 100 / required.len()) as u8
    }
}

/// What the module asks for: the required lessons and the walkthroughs to complete in
/// practice mode (every one), by id.
#[derive(Debug)]
pub struct Requirements {
    /// Required lesson ids, in course order.
    pub lessons: Vec<&'static str>,
    /// Walkthrough ids, in course order.
    pub walks: Vec<&'static str>,
}

/// The shipped course's requirements (ids are the same in every language).
pub fn requirements() -> &'static Requirements {
    static REQ: std::sync::OnceLock<Requirements> = std::sync::OnceLock::new();
    REQ.get_or_init(|| Requirements {
        lessons: crate::content::outline()
            .iter()
            .filter(|e| e.required)
            .map(|e| e.id)
            .collect(),
        walks: crate::content::WALKTHROUGH_IDS.to_vec(),
    })
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// Why a stored or imported record cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// Written by a newer DVC Lab than this one.
    #[error("the record was saved by a newer version of DVC Lab (format {0}); update the app")]
    Newer(u32),
    /// Not a progress record at all, or damaged.
    #[error("the record is damaged: {0}")]
    Damaged(String),
}

/// Reads a stored record of any known version and brings it to [`SCHEMA_VERSION`].
pub fn migrate(mut value: serde_json::Value) -> Result<Record, MigrateError> {
    let v = value
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| MigrateError::Damaged("no format version".into()))? as u32;
    if v > SCHEMA_VERSION {
        return Err(MigrateError::Newer(v));
    }
    if v < 1 {
        return Err(MigrateError::Damaged(format!("unknown format {v}")));
    }
    if v == 1 {
        // 1 → 2: quiz attempts become `[at, score, "wrong ids"]`.
        if let Some(lessons) = value.get_mut("lessons").and_then(|l| l.as_object_mut()) {
            for lesson in lessons.values_mut() {
                if let Some(recent) = lesson.get_mut("recent").and_then(|r| r.as_array_mut()) {
                    for a in recent.iter_mut() {
                        let wrong: Vec<&str> = a["wrong"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|w| w.as_str())
                            .collect();
                        *a = serde_json::json!([a["at"], a["score"], wrong.join(" ")]);
                    }
                }
            }
        }
        // A walkthrough's `review` (screens with mistakes) becomes `steps` with one
        // mistake each (the count was not kept); pass times are unknown (0); no student yet.
        if let Some(walks) = value.get_mut("walks").and_then(|w| w.as_object_mut()) {
            for walk in walks.values_mut() {
                if let Some(last) = walk.get_mut("last").and_then(|l| l.as_object_mut())
                    && let Some(review) = last.remove("review")
                {
                    let steps: serde_json::Map<String, serde_json::Value> = review
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|s| s.as_str())
                        .map(|s| (s.to_string(), serde_json::Value::from(1)))
                        .collect();
                    last.insert("steps".into(), steps.into());
                }
            }
        }
        value["v"] = serde_json::Value::from(2);
    }
    // 2 → 3: the same fields in short keys; reading format 3 accepts format 2's keys.
    let mut record: Record =
        serde_json::from_value(value).map_err(|e| MigrateError::Damaged(e.to_string()))?;
    record.v = SCHEMA_VERSION;
    Ok(record)
}

/// A student detail that two copies of a record can disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// Full name.
    Name,
    /// Class.
    Class,
    /// School.
    School,
    /// Student code.
    Code,
}

/// A difference between two copies of one student's details that a merge does not decide.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Which detail.
    pub field: Field,
    /// The value kept.
    pub kept: String,
    /// The other value.
    pub other: String,
}

impl Record {
    /// Adds what `other` (the same student's record from another device) knows: best scores,
    /// passes, attempt counts and recent attempts. Merging the same record twice changes
    /// nothing, and the order of merging does not matter for progress. Differing personal
    /// details are returned, not overwritten.
    pub fn merge(&mut self, other: &Record) -> Vec<Conflict> {
        for (id, theirs) in &other.lessons {
            let mine = self
                .lessons
                .entry(id.clone())
                .or_insert_with(|| theirs.clone());
            mine.opened = min_known(mine.opened, theirs.opened);
            mine.best = mine.best.max(theirs.best);
            mine.passed_at = min_known(mine.passed_at, theirs.passed_at);
            mine.passed |= theirs.passed;
            // Sorted and de-duplicated in one pass (not a pairwise search), so merging stays
            // linear whatever a record holds.
            let mut recent: Vec<Attempt> =
                mine.recent.iter().chain(&theirs.recent).cloned().collect();
            recent.sort_by(|a, b| (a.at, a.score, &a.wrong).cmp(&(b.at, b.score, &b.wrong)));
            recent.dedup();
            let seen = recent.len() as u32;
            if recent.len() > KEEP_ATTEMPTS {
                recent.drain(..recent.len() - KEEP_ATTEMPTS);
            }
            mine.recent = recent;
            mine.tries = mine.tries.max(theirs.tries).max(seen);
        }
        for (id, theirs) in &other.walks {
            let mine = self
                .walks
                .entry(id.clone())
                .or_insert_with(|| theirs.clone());
            mine.tries = mine.tries.max(theirs.tries);
            mine.best = mine.best.max(theirs.best);
            mine.practiced_at = min_known(mine.practiced_at, theirs.practiced_at);
            mine.practiced |= theirs.practiced;
            mine.guided |= theirs.guided;
            if let Some(t) = &theirs.last
                && mine
                    .last
                    .as_ref()
                    .is_none_or(|m| (t.at, t.score) > (m.at, m.score))
            {
                mine.last = Some(t.clone());
            }
        }
        if !other.survey.is_empty() {
            self.survey = survey::merge(&self.survey, &other.survey);
        }
        let (a, b) = (&mut self.student, &other.student);
        let mut conflicts = Vec::new();
        for (field, mine, theirs) in [
            (Field::Name, &mut a.name, &b.name),
            (Field::Class, &mut a.class, &b.class),
            (Field::School, &mut a.school, &b.school),
            (Field::Code, &mut a.code, &b.code),
        ] {
            if mine.is_empty() {
                mine.clone_from(theirs);
            } else if !theirs.is_empty() && crate::text::key(mine) != crate::text::key(theirs) {
                conflicts.push(Conflict {
                    field,
                    kept: mine.clone(),
                    other: theirs.clone(),
                });
            }
        }
        if a.pin.is_none() {
            a.pin.clone_from(&b.pin);
        }
        a.created = min_known(a.created, b.created);
        conflicts
    }

    /// When the module was completed (the last required pass), if it is complete.
    pub fn completed_at(&self, required: &[&str], walks: &[&str]) -> Option<i64> {
        if !self.is_complete(required, walks) {
            return None;
        }
        let lesson_times = required.iter().map(|id| {
            let r = &self.lessons[*id];
            // Records migrated from format 1 have no pass time: use the passing attempt's.
            if r.passed_at > 0 {
                r.passed_at
            } else {
                r.recent
                    .iter()
                    .filter(|a| a.score >= crate::quiz::PASS_MARK)
                    .map(|a| a.at)
                    .min()
                    .unwrap_or(r.opened)
            }
        });
        let walk_times = walks.iter().map(|id| {
            let r = &self.walks[*id];
            if r.practiced_at > 0 {
                r.practiced_at
            } else {
                r.last.as_ref().map_or(0, |l| l.at)
            }
        });
        lesson_times.chain(walk_times).max()
    }

    /// The certificate's verification code: 8 characters derived from the student, the
    /// completion time and the best scores, so a teacher's import can recompute and compare it.
    /// `None` until the module is complete.
    pub fn certificate_code(&self, required: &[&str], walks: &[&str]) -> Option<String> {
        let done = self.completed_at(required, walks)?;
        let mut text = format!(
            "dvclab-cert|{}|{}|{}|{}|{}",
            self.student.id,
            crate::text::key(&self.student.name),
            self.student.class,
            crate::text::key(&self.student.school),
            done
        );
        for id in required {
            text.push_str(&format!("|{id}:{}", self.lessons[*id].best));
        }
        for id in walks {
            text.push_str(&format!("|{id}:{}", self.walks[*id].best));
        }
        // Crockford's base 32: no I, L, O or U to misread when typing it back.
        const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let d = crate::sha256::digest(text.as_bytes());
        let bits = u64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], 0, 0, 0]) >> 24;
        let code: String = (0..8)
            .rev()
            .map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char)
            .collect();
        Some(format!("{}-{}", &code[..4], &code[4..]))
    }
}

/// The earlier of two times, where 0 means unknown.
fn min_known(a: i64, b: i64) -> i64 {
    match (a, b) {
        (0, x) | (x, 0) => x,
        (x, y) => x.min(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graded(score: u8, correct: Vec<bool>) -> Graded {
        Graded {
            correct,
            score,
            passed: score >= crate::quiz::PASS_MARK,
        }
    }

    #[test]
    fn a_failed_then_passed_lesson_keeps_best_score_and_tries() {
        let mut r = Record::new();
        let ids = vec!["q1".to_string(), "q2".to_string()];
        assert_eq!(r.status("a"), Status::NotStarted);
        r.open_lesson("a", 10);
        assert_eq!(r.status("a"), Status::InProgress);
        r.record_quiz("a", &ids, &graded(50, vec![true, false]), 20);
        r.record_quiz("a", &ids, &graded(100, vec![true, true]), 30);
        r.record_quiz("a", &ids, &graded(50, vec![false, true]), 40);
        let a = &r.lessons["a"];
        assert_eq!((a.tries, a.best, a.passed, a.opened), (3, 100, true, 10));
        assert_eq!(a.recent[0].wrong, vec!["q2".to_string()]);
        assert_eq!(
            r.status("a"),
            Status::Done,
            "a later lower score does not undo a pass"
        );
    }

    #[test]
    fn completion_needs_every_required_lesson_passed() {
        let mut r = Record::new();
        let ids = vec!["q".to_string()];
        r.record_quiz("a", &ids, &graded(100, vec![true]), 1);
        assert!(!r.is_complete(&["a", "b"], &[]));
        assert_eq!(r.percent(&["a", "b"]), 50);
        r.record_quiz("b", &ids, &graded(80, vec![true]), 2);
        assert!(r.is_complete(&["a", "b"], &[]));
        assert!(
            !r.is_complete(&[], &[]),
            "an empty course is never complete"
        );
        let walk = |mode, done| AttemptRecord {
            id: "w".into(),
            at: 3,
            mode,
            score: 70,
            secs: 60,
            done,
            steps: Default::default(),
        };
        r.record_walk(walk(Mode::Guided, true));
        assert!(
            !r.is_complete(&["a", "b"], &["w"]),
            "guided mode alone does not count"
        );
        r.record_walk(walk(Mode::Practice, false));
        assert!(
            !r.is_complete(&["a", "b"], &["w"]),
            "an unfinished practice does not count"
        );
        r.record_walk(walk(Mode::Practice, true));
        assert!(r.is_complete(&["a", "b"], &["w"]));
        assert_eq!(r.walks["w"].tries, 3);
        assert_eq!(r.walks["w"].best, 70);
    }

    #[test]
    fn only_recent_attempts_are_kept() {
        let mut r = Record::new();
        let ids = vec!["q".to_string()];
        for i in 0..12 {
            r.record_quiz("a", &ids, &graded(0, vec![false]), i);
        }
        assert_eq!(r.lessons["a"].tries, 12);
        assert_eq!(r.lessons["a"].recent.len(), KEEP_ATTEMPTS);
        assert_eq!(r.lessons["a"].recent[0].at, 12 - KEEP_ATTEMPTS as i64);
    }

    fn complete_record() -> Record {
        heavy_record(false)
    }

    /// Every lesson tried six times with a third of the answers wrong, then passed; every
    /// required walkthrough (with `extras`, every walkthrough) practised with mistakes on three
    /// screens: a heavy, realistic profile.
    fn heavy_record(extras: bool) -> Record {
        let req = requirements();
        let mut r = Record::new();
        r.student = Student {
            id: "0123456789".into(),
            name: "Nguyễn Thị Phương Uyên".into(),
            class: "10A1".into(),
            school: "Trường THPT Nguyễn Thượng Hiền".into(),
            code: "HS2026001234".into(),
            pin: Some(crate::profile::protect_pin("1234", 9)),
            created: 1_790_000_000,
        };
        let mut t = 1_790_000_000;
        for doc in crate::content::course().lessons(crate::content::Lang::Vi) {
            let ids: Vec<String> = doc.questions.iter().map(|q| q.id.clone()).collect();
            r.open_lesson(&doc.meta.id, t);
            for k in 0..6 {
                t += 300;
                let correct: Vec<bool> = (0..ids.len()).map(|i| k == 5 || i % 3 != 0).collect();
                let score = (correct.iter().filter(|c| **c).count() * 100 / ids.len()) as u8;
                r.record_quiz(&doc.meta.id, &ids, &graded(score, correct), t);
            }
        }
        for sc in crate::walkthrough::scenarios(crate::content::Lang::Vi)
            .iter()
            .filter(|s| extras || s.required)
        {
            for mode in [Mode::Guided, Mode::Practice] {
                t += 600;
                r.record_walk(AttemptRecord {
                    id: sc.id.clone(),
                    at: t,
                    mode,
                    score: 84,
                    secs: 431,
                    done: true,
                    steps: sc
                        .screens
                        .iter()
                        .take(3)
                        .map(|s| (s.id.clone(), 2))
                        .collect(),
                });
            }
        }
        assert!(r.is_complete(&req.lessons, &req.walks));
        r
    }

    /// The longest survey one profile holds: both occasions answered with every choice, the
    /// longest "Khác" text and the longest comment, signed, in Vietnamese with diacritics.
    fn with_maximal_survey(mut r: Record) -> Record {
        use survey::{Answer, COMMENT_MAX, NEED_OTHER, NEEDS, OTHER_MAX, Occasion};
        let text = |n: usize| {
            "Bài học dễ hiểu, phần nộp hồ sơ hơi khó. "
                .chars()
                .cycle()
                .take(n)
                .collect::<String>()
        };
        for (occasion, at) in [
            (Occasion::Practice, 1_790_100_000),
            (Occasion::Module, 1_790_200_000),
        ] {
            r.answer_survey(Answer {
                occasion,
                at,
                satisfaction: 5,
                hardest: requirements()
                    .lessons
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                needs: NEEDS
                    .iter()
                    .chain([&NEED_OTHER])
                    .map(|s| s.to_string())
                    .collect(),
                other: text(OTHER_MAX),
                comment: text(COMMENT_MAX),
                signed: true,
            });
        }
        assert_eq!(r.survey.len(), 2);
        r
    }

    #[test]
    fn a_complete_profile_fits_in_4_kb() {
        let json = serde_json::to_string(&complete_record()).unwrap();
        println!("complete profile: {} bytes", json.len());
        assert!(json.len() <= 3 * 1024, "{} bytes", json.len());
        // The longest survey a profile can hold (both occasions, every choice, the longest
        // texts in Vietnamese) still fits beside this heavy complete profile (issue 19).
        let survey = serde_json::to_string(&with_maximal_survey(Record::new()).survey).unwrap();
        println!("a maximal survey: {} bytes", survey.len());
        let json = serde_json::to_string(&with_maximal_survey(complete_record())).unwrap();
        println!(
            "complete profile with a maximal survey: {} bytes",
            json.len()
        );
        assert!(json.len() <= 4096, "{} bytes", json.len());
        // A student who also does every extra walkthrough (not required) stays well within
        // what a shared PC holds (30 such profiles are under 200 KB of a 5 MB quota).
        let all = serde_json::to_string(&with_maximal_survey(heavy_record(true))).unwrap();
        println!(
            "with every extra walkthrough and the survey: {} bytes",
            all.len()
        );
        assert!(all.len() <= 5 * 1024, "{} bytes", all.len());
    }

    #[test]
    fn format_2_records_read_the_same_and_are_written_as_format_3() {
        let r = with_maximal_survey(heavy_record(true));
        // Format 2 as the previous app wrote it: long keys, absolute times.
        let lessons: serde_json::Map<String, serde_json::Value> = r
            .lessons
            .iter()
            .map(|(id, l)| {
                let recent: Vec<serde_json::Value> = l
                    .recent
                    .iter()
                    .map(|a| serde_json::json!([a.at, a.score, a.wrong.join(" ")]))
                    .collect();
                (
                    id.clone(),
                    serde_json::json!({"opened": l.opened, "tries": l.tries, "best": l.best,
                        "passed": l.passed, "passed_at": l.passed_at, "recent": recent}),
                )
            })
            .collect();
        let walks: serde_json::Map<String, serde_json::Value> = r
            .walks
            .iter()
            .map(|(id, w)| {
                let last = w.last.as_ref().unwrap();
                (
                    id.clone(),
                    serde_json::json!({"tries": w.tries, "best": w.best, "practiced": w.practiced,
                        "guided": w.guided, "practiced_at": w.practiced_at,
                        "last": {"id": last.id, "at": last.at,
                            "mode": if last.mode == Mode::Practice { "practice" } else { "guided" },
                            "score": last.score, "secs": last.secs, "done": last.done,
                            "steps": last.steps}}),
                )
            })
            .collect();
        let survey: Vec<serde_json::Value> = r
            .survey
            .iter()
            .map(|a| {
                serde_json::json!({"o": a.occasion, "at": a.at, "s": a.satisfaction,
                    "h": a.hardest, "n": a.needs, "x": a.other, "c": a.comment, "k": a.signed})
            })
            .collect();
        let format_2 = serde_json::json!({"v": 2, "student": r.student, "lessons": lessons,
            "walks": walks, "survey": survey});
        let read = migrate(format_2).unwrap();
        assert_eq!(read, r, "every field of format 2 is read");
        let written = serde_json::to_value(&read).unwrap();
        assert_eq!(written["v"], 3);
        assert!(written.get("lessons").is_none() && written.get("l").is_some());
        assert_eq!(migrate(written).unwrap(), r, "format 3 reads back the same");
        // A pass of unknown time (from format 1) and times a damaged file might hold survive
        // the relative times exactly; the range checks come after reading.
        let mut odd = Record::new();
        odd.lessons.insert(
            "a".into(),
            LessonRecord {
                opened: i64::MAX,
                passed: true,
                passed_at: 0,
                recent: vec![Attempt {
                    at: i64::MIN,
                    score: 1,
                    wrong: vec![],
                }],
                ..LessonRecord::default()
            },
        );
        let back: Record = serde_json::from_str(&serde_json::to_string(&odd).unwrap()).unwrap();
        assert_eq!(back, odd);
    }

    #[test]
    fn format_1_records_are_migrated() {
        let v1 = serde_json::json!({
            "v": 1,
            "lessons": {"vneid": {"opened": 5, "tries": 2, "best": 90, "passed": true,
                "recent": [{"at": 6, "score": 40, "wrong": ["q1"]}, {"at": 7, "score": 90}]}},
            "walks": {"kich-hoat-vneid": {"tries": 1, "best": 70, "practiced": true,
                "last": {"id": "kich-hoat-vneid", "at": 8, "mode": "practice", "score": 70,
                    "secs": 99, "done": true, "review": ["otp", "mat-khau"]}}}
        });
        let r = migrate(v1).expect("migrates");
        assert_eq!(r.v, SCHEMA_VERSION);
        assert_eq!(r.lessons["vneid"].best, 90);
        assert_eq!(r.lessons["vneid"].recent[0].wrong, vec!["q1".to_string()]);
        assert_eq!(r.lessons["vneid"].recent[1].at, 7);
        let steps = &r.walks["kich-hoat-vneid"].last.as_ref().unwrap().steps;
        assert_eq!(steps.keys().collect::<Vec<_>>(), vec!["mat-khau", "otp"]);
        assert_eq!(r.student, Student::default());
        // The current format reads back as itself.
        let again = migrate(serde_json::to_value(&r).unwrap()).unwrap();
        assert_eq!(again, r);
    }

    #[test]
    fn newer_or_damaged_records_are_refused_with_a_reason() {
        assert_eq!(
            migrate(serde_json::json!({"v": 99, "lessons": {}})),
            Err(MigrateError::Newer(99))
        );
        assert!(matches!(
            migrate(serde_json::json!({"lessons": {}})),
            Err(MigrateError::Damaged(_))
        ));
        assert!(matches!(
            migrate(serde_json::json!({"v": 2, "lessons": {"a": {"opened": "yesterday"}}})),
            Err(MigrateError::Damaged(_))
        ));
    }

    #[test]
    fn merging_is_idempotent_and_keeps_the_best_of_both_devices() {
        let ids = vec!["q".to_string()];
        let mut lab = Record::new();
        lab.student.name = "Lê Văn Nam".into();
        lab.record_quiz("a", &ids, &graded(50, vec![false]), 10);
        lab.record_quiz("a", &ids, &graded(100, vec![true]), 20);
        let mut phone = Record::new();
        phone.student.name = "Le\u{302} Va\u{306}n Nam".into();
        phone.student.class = "10A1".into();
        phone.record_quiz("a", &ids, &graded(0, vec![false]), 15);
        phone.record_quiz("b", &ids, &graded(80, vec![true]), 30);

        let mut merged = lab.clone();
        assert_eq!(merged.merge(&phone), vec![], "NFD name is the same name");
        assert_eq!(
            merged.student.class, "10A1",
            "a missing detail is filled in"
        );
        let once = merged.clone();
        merged.merge(&phone);
        merged.merge(&lab);
        assert_eq!(merged, once, "merging the same data again changes nothing");
        let a = &merged.lessons["a"];
        assert_eq!((a.tries, a.best, a.passed, a.passed_at), (3, 100, true, 20));
        assert_eq!(
            a.recent.iter().map(|x| x.at).collect::<Vec<_>>(),
            vec![10, 15, 20]
        );
        assert!(merged.lessons["b"].passed);

        let mut other_way = phone.clone();
        other_way.merge(&lab);
        assert_eq!(other_way.lessons, merged.lessons, "order does not matter");
    }

    #[test]
    fn differing_details_are_reported_not_overwritten() {
        let mut a = Record::new();
        a.student.name = "Trần Thị Mai".into();
        a.student.class = "10A1".into();
        let mut b = a.clone();
        b.student.class = "10A2".into();
        let conflicts = a.merge(&b);
        assert_eq!(
            conflicts,
            vec![Conflict {
                field: Field::Class,
                kept: "10A1".into(),
                other: "10A2".into()
            }]
        );
        assert_eq!(a.student.class, "10A1");
    }

    #[test]
    fn the_certificate_code_is_stable_and_changes_with_the_results() {
        let req = requirements();
        let r = complete_record();
        let code = r
            .certificate_code(&req.lessons, &req.walks)
            .expect("complete");
        assert_eq!(code.len(), 9);
        assert!(
            code.chars()
                .all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase())
        );
        assert_eq!(
            r.certificate_code(&req.lessons, &req.walks),
            Some(code.clone())
        );
        let mut edited = r.clone();
        edited.lessons.get_mut(req.lessons[0]).unwrap().best = 99;
        assert_ne!(
            edited.certificate_code(&req.lessons, &req.walks),
            Some(code.clone())
        );
        let mut renamed = r.clone();
        renamed.student.name = "Người Khác".into();
        assert_ne!(
            renamed.certificate_code(&req.lessons, &req.walks),
            Some(code)
        );
        let mut unfinished = r;
        unfinished.walks.clear();
        assert_eq!(unfinished.certificate_code(&req.lessons, &req.walks), None);
    }
}
