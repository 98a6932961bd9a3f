//! What a record read from a file may hold. A progress file can be written by anyone (the
//! checksum is not a signature), so every imported record is checked against the ranges the app
//! itself produces before it is merged, stored or shown: dates a calendar can show (2020–2100),
//! scores of at most 100, counts a student could reach, ids that are ids and details of the
//! lengths the profile form allows. What is merely more than the app keeps (a long attempt list)
//! is cut to what it keeps; what no app could have written is refused with the reason.

use super::{KEEP_ATTEMPTS, Record, survey};

/// 2020-01-01T00:00:00Z: nothing in DVC Lab happened earlier.
pub const EARLIEST: i64 = 1_577_836_800;
/// 2100-01-01T00:00:00Z: the latest date a record may carry.
pub const LATEST: i64 = 4_102_444_800;
/// More quiz or walkthrough attempts than a student could make.
pub const MAX_TRIES: u32 = 100_000;
/// Lessons or walkthroughs in one record (the course has a few dozen).
pub const MAX_ITEMS: usize = 200;
/// Wrong answers listed in one attempt, or screens with mistakes in one walkthrough attempt.
pub const MAX_LIST: usize = 200;
/// Seconds in one walkthrough attempt (a week: longer is not an attempt).
pub const MAX_SECS: u32 = 7 * 86_400;

/// Why an imported record cannot be taken: a value no DVC Lab writes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutOfRange {
    /// A time before 2020 or after 2099.
    #[error("a date outside 2020–2099 ({0})")]
    Date(&'static str),
    /// A score above 100.
    #[error("a score above 100 ({0})")]
    Score(&'static str),
    /// A count or list longer than any student reaches.
    #[error("a number too large to be real ({0})")]
    Count(&'static str),
    /// An id with characters or a length no DVC Lab id has.
    #[error("an id that is not a DVC Lab id ({0})")]
    Id(&'static str),
    /// A personal detail longer than the form allows, or with control characters.
    #[error("a detail that the profile form would not accept ({0})")]
    Detail(&'static str),
}

/// Whether `id` looks like a lesson, walkthrough, question, screen or profile id: 1–64 ASCII
/// letters, digits, `-`, `_` or `.`. Such ids are safe in an xAPI activity IRI and in a key.
pub fn is_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn date(at: i64, what: &'static str) -> Result<(), OutOfRange> {
    // 0 means "not known" (records migrated from format 1 have no pass times).
    if at == 0 || (EARLIEST..LATEST).contains(&at) {
        Ok(())
    } else {
        Err(OutOfRange::Date(what))
    }
}

fn score(s: u8, what: &'static str) -> Result<(), OutOfRange> {
    if s <= 100 {
        Ok(())
    } else {
        Err(OutOfRange::Score(what))
    }
}

fn count(n: usize, max: usize, what: &'static str) -> Result<(), OutOfRange> {
    if n <= max {
        Ok(())
    } else {
        Err(OutOfRange::Count(what))
    }
}

fn id(s: &str, what: &'static str) -> Result<(), OutOfRange> {
    if is_id(s) {
        Ok(())
    } else {
        Err(OutOfRange::Id(what))
    }
}

fn detail(s: &str, max_chars: usize, what: &'static str) -> Result<(), OutOfRange> {
    if s.chars().count() <= max_chars && !s.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(OutOfRange::Detail(what))
    }
}

impl Record {
    /// Checks a record that came from a file and brings it to what the app itself keeps: the
    /// newest [`KEEP_ATTEMPTS`] attempts per lesson (the count of tries stays), tries at least
    /// the attempts seen. Refuses, with the reason, any value the app could not have written.
    pub fn within_limits(self) -> Result<Record, OutOfRange> {
        self.within_limits_as_is().map(|(record, _)| record)
    }

    /// [`Record::within_limits`], and whether the record came out exactly as it went in (then
    /// the text it was read from still describes it, and can be stored as it is).
    pub fn within_limits_as_is(mut self) -> Result<(Record, bool), OutOfRange> {
        let mut as_is = true;
        let s = &self.student;
        id(&s.id, "student id")?;
        detail(&s.name, 60, "name")?;
        detail(&s.class, 20, "class")?;
        detail(&s.school, 80, "school")?;
        detail(&s.code, 20, "student code")?;
        if let Some(pin) = &s.pin
            && (pin.len() > 128 || !pin.bytes().all(|b| b.is_ascii_hexdigit() || b == b'$'))
        {
            return Err(OutOfRange::Detail("PIN"));
        }
        date(s.created, "profile created")?;
        count(self.lessons.len(), MAX_ITEMS, "lessons")?;
        count(self.walks.len(), MAX_ITEMS, "walkthroughs")?;
        for (lesson, rec) in &mut self.lessons {
            id(lesson, "lesson id")?;
            date(rec.opened, "lesson opened")?;
            date(rec.passed_at, "lesson passed")?;
            score(rec.best, "best quiz score")?;
            count(rec.tries as usize, MAX_TRIES as usize, "quiz tries")?;
            // Only the newest attempts are kept (the app never stores more): cutting first keeps
            // a file with a huge attempt list from costing anything further on.
            if rec.recent.len() > KEEP_ATTEMPTS {
                let extra = rec.recent.len() - KEEP_ATTEMPTS;
                rec.recent.select_nth_unstable_by_key(extra, |a| a.at);
                rec.recent.drain(..extra);
                as_is = false;
            }
            if !rec.recent.is_sorted_by_key(|a| a.at) {
                rec.recent.sort_by_key(|a| a.at);
                as_is = false;
            }
            for a in &rec.recent {
                date(a.at, "quiz attempt")?;
                score(a.score, "quiz attempt score")?;
                count(a.wrong.len(), MAX_LIST, "wrong answers")?;
                for q in &a.wrong {
                    id(q, "question id")?;
                }
            }
            let seen = rec.recent.len() as u32 + u32::from(rec.passed && rec.recent.is_empty());
            as_is &= rec.tries >= seen;
            rec.tries = rec.tries.max(seen);
        }
        for (walk, rec) in &mut self.walks {
            id(walk, "walkthrough id")?;
            date(rec.practiced_at, "walkthrough practised")?;
            score(rec.best, "best walkthrough score")?;
            count(rec.tries as usize, MAX_TRIES as usize, "walkthrough tries")?;
            if let Some(last) = &rec.last {
                id(&last.id, "walkthrough id")?;
                date(last.at, "walkthrough attempt")?;
                score(last.score, "walkthrough attempt score")?;
                count(last.secs as usize, MAX_SECS as usize, "walkthrough seconds")?;
                count(last.steps.len(), MAX_LIST, "walkthrough screens")?;
                for (screen, n) in &last.steps {
                    id(screen, "screen id")?;
                    count(*n as usize, MAX_TRIES as usize, "mistakes on a screen")?;
                }
            }
            let seen = u32::from(rec.last.is_some() || rec.practiced || rec.guided);
            as_is &= rec.tries >= seen;
            rec.tries = rec.tries.max(seen);
        }
        as_is &= survey_within_limits(&mut self.survey)?;
        Ok((self, as_is))
    }
}

/// The survey answers of an imported record: a time, a score and ids no app writes are
/// refused; an occasion this app does not know (a newer app's) is dropped, texts longer than
/// the form allows are cut, control characters (but line breaks) removed, and only the newest
/// [`survey::MAX_ANSWERS`] kept, oldest first. Returns whether nothing had to change.
fn survey_within_limits(answers: &mut Vec<survey::Answer>) -> Result<bool, OutOfRange> {
    let before = answers.len();
    answers.retain(|a| a.occasion != survey::Occasion::Unknown);
    let mut as_is = answers.len() == before;
    if !answers.is_sorted_by_key(|a| (a.at, a.occasion)) || answers.len() > survey::MAX_ANSWERS {
        *answers = survey::merge(answers, &[]);
        as_is = false;
    }
    for a in answers.iter_mut() {
        if a.at == 0 {
            return Err(OutOfRange::Date("survey answer"));
        }
        date(a.at, "survey answer")?;
        if a.satisfaction > 5 {
            return Err(OutOfRange::Score("survey satisfaction"));
        }
        count(a.hardest.len(), survey::MAX_CHOICES, "survey choices")?;
        count(a.needs.len(), survey::MAX_CHOICES, "survey choices")?;
        for choice in a.hardest.iter().chain(&a.needs) {
            id(choice, "survey choice")?;
        }
        for (text, max) in [
            (&mut a.comment, survey::COMMENT_MAX),
            (&mut a.other, survey::OTHER_MAX),
        ] {
            let clean: String = text
                .chars()
                .filter(|c| *c == '\n' || !c.is_control())
                .take(max)
                .collect();
            if clean != *text {
                *text = clean;
                as_is = false;
            }
        }
    }
    Ok(as_is)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Attempt, LessonRecord};

    fn good() -> Record {
        let mut r = Record::new();
        r.student.id = "a1b2c3d4e5".into();
        r.student.name = "Lê Thị Hoa".into();
        r.student.class = "10A1".into();
        r.student.created = 1_790_000_000;
        r.open_lesson("vneid", 1_790_000_000);
        r
    }

    #[test]
    fn a_record_the_app_wrote_passes_unchanged() {
        let r = good();
        assert_eq!(r.clone().within_limits(), Ok(r.clone()));
        assert_eq!(r.clone().within_limits_as_is(), Ok((r, true)));
    }

    #[test]
    fn a_record_brought_within_limits_says_it_changed() {
        let attempt = |at| Attempt {
            at,
            score: 50,
            wrong: vec![],
        };
        let mut unsorted = good();
        let rec = unsorted.lessons.get_mut("vneid").unwrap();
        rec.tries = 2;
        rec.recent = vec![attempt(1_790_000_002), attempt(1_790_000_001)];
        let mut too_many = good();
        let rec = too_many.lessons.get_mut("vneid").unwrap();
        rec.tries = 9;
        rec.recent = (0..5).map(|i| attempt(1_790_000_000 + i)).collect();
        let mut few_tries = good();
        few_tries.lessons.get_mut("vneid").unwrap().recent = vec![attempt(1_790_000_001)];
        for r in [unsorted, too_many, few_tries] {
            let (kept, as_is) = r.clone().within_limits_as_is().expect("kept");
            assert!(!as_is && kept != r);
        }
    }

    #[test]
    fn dates_a_calendar_cannot_show_are_refused() {
        for at in [i64::MAX, i64::MIN, 8_210_298_326_400, 4_102_444_800, 1_000] {
            let mut r = good();
            r.lessons.get_mut("vneid").unwrap().passed_at = at;
            assert_eq!(
                r.within_limits(),
                Err(OutOfRange::Date("lesson passed")),
                "{at}"
            );
        }
        let mut r = good();
        r.student.created = i64::MAX - 1;
        assert!(matches!(r.within_limits(), Err(OutOfRange::Date(_))));
    }

    #[test]
    fn scores_over_100_counts_and_ids_out_of_range_are_refused() {
        let mut r = good();
        r.lessons.get_mut("vneid").unwrap().best = 255;
        assert_eq!(r.within_limits(), Err(OutOfRange::Score("best quiz score")));
        let mut r = good();
        r.lessons.insert("x/../y z".into(), LessonRecord::default());
        assert_eq!(r.within_limits(), Err(OutOfRange::Id("lesson id")));
        let mut r = good();
        r.lessons.get_mut("vneid").unwrap().tries = u32::MAX;
        assert!(matches!(r.within_limits(), Err(OutOfRange::Count(_))));
        let mut r = good();
        r.student.name = "A".repeat(61);
        assert_eq!(r.within_limits(), Err(OutOfRange::Detail("name")));
        let mut r = good();
        r.student.class = "10A1\u{0}".into();
        assert_eq!(r.within_limits(), Err(OutOfRange::Detail("class")));
    }

    #[test]
    fn a_huge_attempt_list_is_cut_to_the_newest_kept_and_tries_follow() {
        let mut r = good();
        let rec = r.lessons.get_mut("vneid").unwrap();
        rec.tries = 0;
        rec.recent = (0..150_000)
            .rev()
            .map(|i| Attempt {
                at: 1_790_000_000 + i,
                score: 50,
                wrong: vec!["q1".into()],
            })
            .collect();
        let r = r.within_limits().expect("cut, not refused");
        let rec = &r.lessons["vneid"];
        assert_eq!(rec.recent.len(), KEEP_ATTEMPTS);
        assert_eq!(
            rec.recent.iter().map(|a| a.at).collect::<Vec<_>>(),
            vec![1_790_149_997, 1_790_149_998, 1_790_149_999],
            "the newest, oldest first"
        );
        assert_eq!(rec.tries, KEEP_ATTEMPTS as u32, "never 'attempt number 0'");
    }

    #[test]
    fn ids_are_what_an_iri_and_a_key_can_carry() {
        for ok in ["vneid", "a1b2c3d4e5", "guest", "q-10_b.2"] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in ["", "a b", "x/y", "<img>", "é", &"a".repeat(65)] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn survey_answers_are_held_to_what_the_form_allows() {
        use survey::{Answer, COMMENT_MAX, MAX_ANSWERS, Occasion};
        let with = |a: Answer| {
            let mut r = good();
            r.survey.push(a);
            r
        };
        let fine = Answer {
            occasion: Occasion::Practice,
            at: 1_790_000_100,
            satisfaction: 4,
            hardest: vec!["vneid".into()],
            needs: vec!["khac".into()],
            other: "Đăng ký xe".into(),
            comment: "Hay lắm\nCảm ơn thầy".into(),
            signed: true,
        };
        assert_eq!(
            with(fine.clone()).within_limits_as_is().map(|x| x.1),
            Ok(true),
            "an answer the app wrote passes unchanged"
        );
        for (bad, why) in [
            (
                Answer {
                    satisfaction: 6,
                    ..fine.clone()
                },
                OutOfRange::Score("survey satisfaction"),
            ),
            (
                Answer {
                    at: 5,
                    ..fine.clone()
                },
                OutOfRange::Date("survey answer"),
            ),
            (
                Answer {
                    at: 0,
                    ..fine.clone()
                },
                OutOfRange::Date("survey answer"),
            ),
            (
                Answer {
                    hardest: vec!["<img>".into()],
                    ..fine.clone()
                },
                OutOfRange::Id("survey choice"),
            ),
            (
                Answer {
                    needs: vec!["a".into(); 21],
                    ..fine.clone()
                },
                OutOfRange::Count("survey choices"),
            ),
        ] {
            assert_eq!(with(bad).within_limits(), Err(why));
        }
        let long = with(Answer {
            comment: format!("{}\u{7}", "ơ".repeat(COMMENT_MAX + 50)),
            other: "x".repeat(500),
            ..fine.clone()
        });
        let (kept, as_is) = long.within_limits_as_is().expect("cut, not refused");
        assert!(!as_is);
        assert_eq!(kept.survey[0].comment, "ơ".repeat(COMMENT_MAX));
        assert_eq!(kept.survey[0].other.chars().count(), survey::OTHER_MAX);
        // A newer app's occasion is dropped, the rest kept; too many answers keep the newest.
        let mut r = with(fine.clone());
        r.survey.push(Answer {
            occasion: Occasion::Unknown,
            at: 1_790_000_200,
            ..fine.clone()
        });
        let (kept, as_is) = r.within_limits_as_is().unwrap();
        assert!(!as_is && kept.survey == vec![fine.clone()]);
        let mut r = good();
        r.survey = (0..9)
            .map(|i| Answer {
                at: 1_790_000_000 + i,
                ..fine.clone()
            })
            .collect();
        let kept = r.within_limits().unwrap();
        assert_eq!(kept.survey.len(), MAX_ANSWERS);
        assert_eq!(kept.survey[0].at, 1_790_000_000 + 9 - MAX_ANSWERS as i64);
    }

    #[test]
    fn an_older_record_reads_without_answers_and_a_current_one_keeps_them() {
        let older = serde_json::to_value(good()).unwrap();
        assert!(
            older.get("survey").is_none(),
            "written as before the survey"
        );
        let r = crate::progress::migrate(older).unwrap();
        assert!(r.survey.is_empty());
        let mut with = good();
        with.answer_survey(survey::Answer {
            satisfaction: 5,
            ..survey::Answer::skipped(survey::Occasion::Module, 1_790_000_500)
        });
        let back = crate::progress::migrate(serde_json::to_value(&with).unwrap()).unwrap();
        assert_eq!(back.survey, with.survey);
        assert_eq!(
            crate::progress::migrate(serde_json::json!({"v": 4, "q": []})),
            Err(crate::progress::MigrateError::Newer(4)),
            "a newer format is refused with the existing message"
        );
    }
}
