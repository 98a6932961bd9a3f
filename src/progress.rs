//! What a student has done, and when the module counts as complete. Browser-free.
//!
//! Stored compactly (timestamps as Unix seconds, wrong answers as question ids, a few recent
//! attempts per lesson) so a complete profile stays well under 4 KB.

use crate::quiz::Graded;
use crate::walkthrough::{AttemptRecord, Mode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The stored format's version; bump it and add a migration when the shape changes.
pub const SCHEMA_VERSION: u32 = 1;

/// How many recent attempts per lesson are kept in full (the count keeps growing).
pub const KEEP_ATTEMPTS: usize = 5;

/// One quiz attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// When it was submitted (Unix seconds).
    pub at: i64,
    /// 0–100.
    pub score: u8,
    /// Ids of the questions answered wrongly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<String>,
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
    /// The latest attempt, with what to review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<AttemptRecord>,
}

/// Everything one student has done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub v: u32,
    /// Lesson id → progress.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonRecord>,
    /// Walkthrough id → progress.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub walks: BTreeMap<String, WalkRecord>,
}

impl Record {
    /// An empty record in the current schema.
    pub fn new() -> Self {
        Record {
            v: SCHEMA_VERSION,
            lessons: BTreeMap::new(),
            walks: BTreeMap::new(),
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

    /// Whole-module percentage (0–100) over the required lessons.
    pub fn percent(&self, required: &[&str]) -> u8 {
        if required.is_empty() {
            return 0;
        }
        (self.passed_count(required) * 100 / required.len()) as u8
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
            review: vec![],
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
        assert_eq!(r.lessons["a"].recent[0].at, 7);
    }
}
