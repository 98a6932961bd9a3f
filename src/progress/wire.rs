//! How a [`Record`] is written (format 3): one-letter keys, and every time inside a lesson or a
//! walkthrough written as seconds after a base time (the lesson's first opening, the
//! walkthrough's latest attempt), so a complete profile with the longest survey stays under
//! 4 KB. Reading accepts format 2's long keys as well ([`migrate`](super::migrate) then only
//! sets the version), so every stored profile and file of format 2 reads as before.
//!
//! Offsets use wrapping arithmetic: any pair of `i64` times writes and reads back exactly,
//! even the values a damaged file might hold (the range checks come after reading).

use super::{Attempt, LessonRecord, Record, WalkRecord};
use crate::profile::Student;
use crate::progress::Answer;
use crate::walkthrough::{AttemptRecord, Mode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A [`Record`] as written.
#[derive(Serialize, Deserialize)]
pub(super) struct RecordWire {
    v: u32,
    #[serde(rename = "s", alias = "student", default)]
    student: StudentWire,
    #[serde(rename = "l", alias = "lessons", default)]
    lessons: BTreeMap<String, LessonWire>,
    #[serde(
        rename = "w",
        alias = "walks",
        default,
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    walks: BTreeMap<String, WalkWire>,
    #[serde(
        rename = "q",
        alias = "survey",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    survey: Vec<Answer>,
}

/// A [`Student`] inside a record, in one-letter keys (the profile index keeps the long ones).
#[derive(Serialize, Deserialize, Default)]
struct StudentWire {
    #[serde(rename = "i", alias = "id", default)]
    id: String,
    #[serde(rename = "n", alias = "name", default)]
    name: String,
    #[serde(rename = "c", alias = "class", default)]
    class: String,
    #[serde(rename = "s", alias = "school", default)]
    school: String,
    #[serde(
        rename = "k",
        alias = "code",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    code: String,
    #[serde(
        rename = "p",
        alias = "pin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pin: Option<String>,
    #[serde(rename = "t", alias = "created", default)]
    created: i64,
}

impl From<Student> for StudentWire {
    fn from(s: Student) -> Self {
        StudentWire {
            id: s.id,
            name: s.name,
            class: s.class,
            school: s.school,
            code: s.code,
            pin: s.pin,
            created: s.created,
        }
    }
}

impl From<StudentWire> for Student {
    fn from(s: StudentWire) -> Self {
        Student {
            id: s.id,
            name: s.name,
            class: s.class,
            school: s.school,
            code: s.code,
            pin: s.pin,
            created: s.created,
        }
    }
}

/// A quiz attempt: seconds after the lesson was opened (format 2: Unix seconds), score, wrong
/// question ids separated by spaces.
#[derive(Serialize, Deserialize)]
struct AttemptWire(i64, u8, #[serde(default)] String);

/// A [`LessonRecord`] as written.
#[derive(Serialize, Deserialize, Default)]
struct LessonWire {
    /// First opened (Unix seconds): the base of the other times.
    #[serde(rename = "o", alias = "opened", default)]
    opened: i64,
    #[serde(
        rename = "n",
        alias = "tries",
        default,
        skip_serializing_if = "is_zero"
    )]
    tries: u32,
    #[serde(rename = "b", alias = "best", default, skip_serializing_if = "is_zero")]
    best: u8,
    /// Passed: when, as seconds after `opened` (a pass of unknown time is `-opened`, i.e. 0).
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    passed: Option<i64>,
    /// Recent attempts, times after `opened`.
    #[serde(rename = "r", default, skip_serializing_if = "Vec::is_empty")]
    recent: Vec<AttemptWire>,
    // Format 2 (absolute times, read only).
    #[serde(rename = "passed", default, skip_serializing)]
    old_passed: bool,
    #[serde(rename = "passed_at", default, skip_serializing)]
    old_passed_at: i64,
    #[serde(rename = "recent", default, skip_serializing)]
    old_recent: Vec<AttemptWire>,
}

/// A [`WalkRecord`] as written.
#[derive(Serialize, Deserialize, Default)]
struct WalkWire {
    #[serde(
        rename = "n",
        alias = "tries",
        default,
        skip_serializing_if = "is_zero"
    )]
    tries: u32,
    #[serde(rename = "b", alias = "best", default, skip_serializing_if = "is_zero")]
    best: u8,
    /// Completed in practice: when, as seconds after the latest attempt (or absolute when
    /// there is none).
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    practiced: Option<i64>,
    #[serde(
        rename = "g",
        alias = "guided",
        default,
        skip_serializing_if = "is_false"
    )]
    guided: bool,
    /// The latest attempt: `[at, mode, score, seconds, done, {screen: mistakes}]` ([`LastWire`]); its id is
    /// the key this walkthrough is stored under.
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    last: Option<LastWire>,
    // Format 2 (read only).
    #[serde(rename = "practiced", default, skip_serializing)]
    old_practiced: bool,
    #[serde(rename = "practiced_at", default, skip_serializing)]
    old_practiced_at: i64,
    #[serde(rename = "last", default, skip_serializing)]
    old_last: Option<AttemptRecord>,
}

/// The latest walkthrough attempt: time, mode (0 guided, 1 practice), score, seconds, finished
/// (0 / 1), mistakes per screen.
#[derive(Serialize, Deserialize)]
struct LastWire(
    i64,
    u8,
    u8,
    u32,
    u8,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")] BTreeMap<String, u32>,
);

fn is_zero<T: Default + PartialEq>(n: &T) -> bool {
    *n == T::default()
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl From<Record> for RecordWire {
    fn from(r: Record) -> Self {
        RecordWire {
            v: r.v,
            student: r.student.into(),
            lessons: r
                .lessons
                .into_iter()
                .map(|(id, l)| (id, LessonWire::from(l)))
                .collect(),
            walks: r
                .walks
                .into_iter()
                .map(|(id, w)| (id, WalkWire::from(w)))
                .collect(),
            survey: r.survey,
        }
    }
}

impl From<RecordWire> for Record {
    fn from(w: RecordWire) -> Self {
        Record {
            v: w.v,
            student: w.student.into(),
            lessons: w
                .lessons
                .into_iter()
                .map(|(id, l)| (id, l.into()))
                .collect(),
            walks: w
                .walks
                .into_iter()
                .map(|(id, walk)| {
                    let rec = walk.into_record(&id);
                    (id, rec)
                })
                .collect(),
            survey: w.survey,
        }
    }
}

impl From<LessonRecord> for LessonWire {
    fn from(l: LessonRecord) -> Self {
        let base = l.opened;
        LessonWire {
            opened: base,
            tries: l.tries,
            best: l.best,
            passed: l.passed.then(|| l.passed_at.wrapping_sub(base)),
            recent: l
                .recent
                .into_iter()
                .map(|a| AttemptWire(a.at.wrapping_sub(base), a.score, a.wrong.join(" ")))
                .collect(),
            ..LessonWire::default()
        }
    }
}

impl From<LessonWire> for LessonRecord {
    fn from(w: LessonWire) -> Self {
        let base = w.opened;
        let words = |s: String| s.split_whitespace().map(str::to_string).collect();
        let mut recent: Vec<Attempt> = w
            .old_recent
            .into_iter()
            .map(|a| Attempt {
                at: a.0,
                score: a.1,
                wrong: words(a.2),
            })
            .collect();
        recent.extend(w.recent.into_iter().map(|a| Attempt {
            at: a.0.wrapping_add(base),
            score: a.1,
            wrong: words(a.2),
        }));
        let (passed, passed_at) = match w.passed {
            Some(after) => (true, after.wrapping_add(base)),
            None => (w.old_passed, w.old_passed_at),
        };
        LessonRecord {
            opened: base,
            tries: w.tries,
            best: w.best,
            passed,
            passed_at,
            recent,
        }
    }
}

impl From<WalkRecord> for WalkWire {
    fn from(w: WalkRecord) -> Self {
        let base = w.last.as_ref().map_or(0, |a| a.at);
        WalkWire {
            tries: w.tries,
            best: w.best,
            practiced: w.practiced.then(|| w.practiced_at.wrapping_sub(base)),
            guided: w.guided,
            last: w.last.map(|a| {
                LastWire(
                    a.at,
                    u8::from(a.mode == Mode::Practice),
                    a.score,
                    a.secs,
                    u8::from(a.done),
                    a.steps,
                )
            }),
            ..WalkWire::default()
        }
    }
}

impl WalkWire {
    /// The record, the latest attempt named `id` (the key it was stored under).
    fn into_record(self, id: &str) -> WalkRecord {
        let last = match self.last {
            Some(LastWire(at, mode, score, secs, done, steps)) => Some(AttemptRecord {
                id: id.to_string(),
                at,
                mode: if mode == 0 {
                    Mode::Guided
                } else {
                    Mode::Practice
                },
                score,
                secs,
                done: done != 0,
                steps,
            }),
            None => self.old_last,
        };
        let base = last.as_ref().map_or(0, |a| a.at);
        let (practiced, practiced_at) = match self.practiced {
            Some(after) => (true, after.wrapping_add(base)),
            None => (self.old_practiced, self.old_practiced_at),
        };
        WalkRecord {
            tries: self.tries,
            best: self.best,
            practiced,
            guided: self.guided,
            practiced_at,
            last,
        }
    }
}
