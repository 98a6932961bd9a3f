//! The satisfaction and needs survey (issue 19): a student's answers, kept in her record.
//! Browser-free.
//!
//! Asked once per [`Occasion`] — after her first practice-mode walkthrough and after finishing
//! the module — on the portal's own 5-point scale (domain notes §1.4 step 11). A skipped survey
//! is kept too (an answer with nothing in it), so it is not asked again for that occasion, on
//! this device or on another one her record moves to.
//!
//! Stored compactly (one-letter keys, empty parts left out) so that a complete profile with
//! its answers stays within the 4 KB budget. Two copies of a record combine their answers as a
//! set keyed by occasion and time ([`merge`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest comment, in characters (the form cuts there and shows a counter).
pub const COMMENT_MAX: usize = 300;
/// The longest "Khác" (other service) text, in characters.
pub const OTHER_MAX: usize = 60;
/// The most answers one record keeps (two occasions, each possibly answered on two devices
/// before they were combined); the newest are kept.
pub const MAX_ANSWERS: usize = 4;
/// The most choices in one "what was hardest" or "which service" answer.
pub const MAX_CHOICES: usize = 20;

/// When the survey is asked.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Occasion {
    /// After the student's first walkthrough completed in practice mode.
    #[default]
    Practice,
    /// After the module is complete.
    Module,
    /// An occasion a newer DVC Lab asks about: read, then dropped by
    /// [`crate::progress::Record::within_limits`] rather than refusing the whole file.
    #[serde(other)]
    Unknown,
}

impl Occasion {
    /// The occasion's id, as stored and as the xAPI activity names it.
    pub fn id(self) -> &'static str {
        match self {
            Occasion::Practice => "practice",
            Occasion::Module => "module",
            Occasion::Unknown => "unknown",
        }
    }
}

/// The satisfaction scale, best first, as the portal words it: 5 Rất hài lòng, 4 Hài lòng,
/// 3 Bình thường, 2 Không hài lòng, 1 Rất không hài lòng.
pub const SCALE: [u8; 5] = [5, 4, 3, 2, 1];

/// Whether a satisfaction score counts as satisfied (Rất hài lòng or Hài lòng).
pub fn is_satisfied(score: u8) -> bool {
    score >= 4
}

/// The plan's line: at least 90% of people satisfied.
pub const TARGET_SATISFIED: u8 = 90;

/// The services a student can say her family would like help with: real procedures from the
/// domain notes (§2, §3), by a stable id. "Khác" is [`NEED_OTHER`], with a short text.
pub const NEEDS: [&str; 8] = [
    "vneid",
    "can-cuoc",
    "khai-sinh",
    "cu-tru",
    "ly-lich-tu-phap",
    "bhyt",
    "thi-thpt",
    "thanh-toan",
];

/// The "Khác" (other) choice of the services question.
pub const NEED_OTHER: &str = "khac";

/// One answer (or one skip) of the survey.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Answer {
    /// When it was asked.
    #[serde(rename = "o")]
    pub occasion: Occasion,
    /// When it was answered or skipped (Unix seconds).
    pub at: i64,
    /// 1 (Rất không hài lòng) – 5 (Rất hài lòng); 0: not answered.
    #[serde(rename = "s", default, skip_serializing_if = "is_zero")]
    pub satisfaction: u8,
    /// Lesson ids of what was hardest.
    #[serde(
        rename = "h",
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "words"
    )]
    pub hardest: Vec<String>,
    /// Ids from [`NEEDS`] (and [`NEED_OTHER`]) her family would like help with.
    #[serde(
        rename = "n",
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "words"
    )]
    pub needs: Vec<String>,
    /// The "Khác" text.
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub other: String,
    /// The free comment (at most [`COMMENT_MAX`] characters).
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// She chose to sign the comment with her name (the teacher sees it; otherwise not).
    #[serde(rename = "k", default, skip_serializing_if = "is_false")]
    pub signed: bool,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// Choice ids written as one string separated by spaces (`"vneid nop-ho-so"`: ids have no
/// spaces); a list of strings, as format 2 wrote them, is read too.
mod words {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&ids.join(" "))
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Joined(String),
        List(Vec<String>),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(match Written::deserialize(d)? {
            Written::Joined(s) => s.split_whitespace().map(str::to_string).collect(),
            Written::List(ids) => ids,
        })
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Answer {
    /// A skip: the occasion and the time, nothing else.
    pub fn skipped(occasion: Occasion, at: i64) -> Answer {
        Answer {
            occasion,
            at,
            ..Answer::default()
        }
    }

    /// Whether nothing was answered (the survey was skipped).
    pub fn is_skipped(&self) -> bool {
        self.satisfaction == 0
            && self.hardest.is_empty()
            && self.needs.is_empty()
            && self.other.is_empty()
            && self.comment.trim().is_empty()
    }

    /// The answer as one compact line: `satisfaction=4;hardest=a,b;needs=x,khac`, the parts
    /// with something in them only; never the comment, the other text or a name.
    pub fn response(&self) -> String {
        let mut parts = Vec::new();
        if self.satisfaction > 0 {
            parts.push(format!("satisfaction={}", self.satisfaction));
        }
        if !self.hardest.is_empty() {
            parts.push(format!("hardest={}", self.hardest.join(",")));
        }
        if !self.needs.is_empty() {
            parts.push(format!("needs={}", self.needs.join(",")));
        }
        if parts.is_empty() {
            "skipped".into()
        } else {
            parts.join(";")
        }
    }
}

/// `text` cut to at most `max` characters (what the form's counter allows).
pub fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// Combines two answer lists: a set keyed by occasion and time (the same answer twice is one),
/// the newest [`MAX_ANSWERS`] kept, oldest first. Idempotent and independent of order: two
/// different answers with the same key (only a crafted file has them) keep the greater.
pub fn merge(mine: &[Answer], theirs: &[Answer]) -> Vec<Answer> {
    let mut all: BTreeMap<(i64, Occasion), &Answer> = BTreeMap::new();
    for a in mine.iter().chain(theirs) {
        all.entry((a.at, a.occasion))
            .and_modify(|kept| {
                if a > *kept {
                    *kept = a;
                }
            })
            .or_insert(a);
    }
    let mut out: Vec<Answer> = all.into_values().cloned().collect();
    if out.len() > MAX_ANSWERS {
        out.drain(..out.len() - MAX_ANSWERS);
    }
    out
}

impl super::Record {
    /// Whether the survey was answered or skipped for `occasion`.
    pub fn asked(&self, occasion: Occasion) -> bool {
        self.survey.iter().any(|a| a.occasion == occasion)
    }

    /// The survey to offer now, if any: after finishing the module, or after a walkthrough
    /// completed in practice mode; never one already answered or skipped.
    pub fn survey_due(&self, req: &super::Requirements) -> Option<Occasion> {
        if self.is_complete(&req.lessons, &req.walks) && !self.asked(Occasion::Module) {
            Some(Occasion::Module)
        } else if self.walks.values().any(|w| w.practiced) && !self.asked(Occasion::Practice) {
            Some(Occasion::Practice)
        } else {
            None
        }
    }

    /// Keeps an answer (or a skip): texts cut to their limits, choices without repeats. An
    /// occasion already asked is not asked again, so a second answer for it is ignored.
    pub fn answer_survey(&mut self, mut a: Answer) {
        if self.asked(a.occasion) || a.occasion == Occasion::Unknown {
            return;
        }
        a.comment = cut(a.comment.trim(), COMMENT_MAX);
        a.other = cut(a.other.trim(), OTHER_MAX);
        for list in [&mut a.hardest, &mut a.needs] {
            let mut seen = std::collections::BTreeSet::new();
            list.retain(|id| seen.insert(id.clone()));
            list.truncate(MAX_CHOICES);
        }
        if !a.needs.iter().any(|n| n == NEED_OTHER) {
            a.other.clear();
        }
        a.satisfaction = a.satisfaction.min(5);
        self.survey = merge(&self.survey, std::slice::from_ref(&a));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Record;

    fn answer(occasion: Occasion, at: i64, satisfaction: u8) -> Answer {
        Answer {
            occasion,
            at,
            satisfaction,
            hardest: vec!["vneid".into()],
            needs: vec!["can-cuoc".into(), NEED_OTHER.into()],
            other: "Đăng ký xe máy".into(),
            comment: "Bài học rất hay".into(),
            signed: false,
        }
    }

    #[test]
    fn an_answer_is_stored_compactly_and_reads_back() {
        let a = answer(Occasion::Module, 1_790_000_000, 4);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"o":"module","at":1790000000,"s":4,"h":"vneid","n":"can-cuoc khac","x":"Đăng ký xe máy","c":"Bài học rất hay"}"#
        );
        let format_2 = r#"{"o":"module","at":1790000000,"s":4,"h":["vneid"],"n":["can-cuoc","khac"],"x":"Đăng ký xe máy","c":"Bài học rất hay"}"#;
        assert_eq!(
            serde_json::from_str::<Answer>(format_2).unwrap(),
            a,
            "format 2's lists of choices read the same"
        );
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a);
        let skip = Answer::skipped(Occasion::Practice, 1_790_000_000);
        assert_eq!(
            serde_json::to_string(&skip).unwrap(),
            r#"{"o":"practice","at":1790000000}"#
        );
        assert!(skip.is_skipped() && !a.is_skipped());
        // An occasion a newer app asks about reads as Unknown (dropped by the limits).
        let newer: Answer = serde_json::from_str(r#"{"o":"lesson","at":1}"#).unwrap();
        assert_eq!(newer.occasion, Occasion::Unknown);
    }

    #[test]
    fn the_response_line_never_holds_the_comment_or_other_text() {
        let a = answer(Occasion::Practice, 1, 5);
        assert_eq!(
            a.response(),
            "satisfaction=5;hardest=vneid;needs=can-cuoc,khac"
        );
        assert_eq!(Answer::skipped(Occasion::Module, 1).response(), "skipped");
    }

    #[test]
    fn an_occasion_is_asked_once_and_texts_are_cut() {
        let mut r = Record::new();
        let mut a = answer(Occasion::Practice, 1_790_000_000, 5);
        a.comment = "ư".repeat(COMMENT_MAX + 20);
        a.needs = vec!["bhyt".into(), "bhyt".into()];
        r.answer_survey(a);
        assert!(r.asked(Occasion::Practice) && !r.asked(Occasion::Module));
        assert_eq!(r.survey[0].comment.chars().count(), COMMENT_MAX);
        assert_eq!(r.survey[0].needs, vec!["bhyt".to_string()]);
        assert_eq!(r.survey[0].other, "", "no 'Khác' text without 'Khác'");
        r.answer_survey(answer(Occasion::Practice, 1_790_000_100, 1));
        assert_eq!(r.survey.len(), 1, "not asked again");
        r.answer_survey(Answer::skipped(Occasion::Module, 1_790_000_200));
        assert_eq!(r.survey.len(), 2);
        assert!(r.asked(Occasion::Module), "a skip counts as asked");
    }

    #[test]
    fn the_survey_is_due_after_a_practice_and_after_the_module() {
        use crate::walkthrough::{AttemptRecord, Mode};
        let req = crate::progress::Requirements {
            lessons: vec!["a"],
            walks: vec!["w"],
        };
        let mut r = Record::new();
        assert_eq!(r.survey_due(&req), None, "nothing done yet");
        r.record_walk(AttemptRecord {
            id: "w".into(),
            at: 5,
            mode: Mode::Practice,
            score: 90,
            secs: 10,
            done: true,
            steps: Default::default(),
        });
        assert_eq!(r.survey_due(&req), Some(Occasion::Practice));
        r.answer_survey(Answer::skipped(Occasion::Practice, 6));
        assert_eq!(r.survey_due(&req), None);
        let g = crate::quiz::Graded {
            correct: vec![true],
            score: 100,
            passed: true,
        };
        r.record_quiz("a", &["q".into()], &g, 7);
        assert_eq!(r.survey_due(&req), Some(Occasion::Module));
        r.answer_survey(answer(Occasion::Module, 8, 4));
        assert_eq!(r.survey_due(&req), None);
    }

    #[test]
    fn merging_answers_is_a_set_idempotent_and_order_free() {
        let lab = vec![
            answer(Occasion::Practice, 10, 5),
            answer(Occasion::Module, 30, 4),
        ];
        let phone = vec![answer(Occasion::Practice, 20, 2), lab[0].clone()];
        let ab = merge(&lab, &phone);
        assert_eq!(
            ab.iter().map(|a| a.at).collect::<Vec<_>>(),
            vec![10, 20, 30]
        );
        assert_eq!(merge(&ab, &phone), ab, "merging again changes nothing");
        assert_eq!(merge(&ab, &lab), ab);
        assert_eq!(merge(&phone, &lab), ab, "order does not matter");
        // A crafted clash (same occasion and time, other content) settles the same either way.
        let mut clash = lab[0].clone();
        clash.satisfaction = 1;
        assert_eq!(merge(&lab, &[clash.clone()]), merge(&[clash], &lab));
        // Many devices: only the newest are kept, whatever the order.
        let many: Vec<Answer> = (0..9).map(|i| answer(Occasion::Practice, i, 3)).collect();
        let (x, y) = many.split_at(4);
        let kept = merge(x, y);
        assert_eq!(kept.len(), MAX_ANSWERS);
        assert_eq!(kept, merge(y, x));
        assert_eq!(kept[0].at, 9 - MAX_ANSWERS as i64);
        assert_eq!(merge(&merge(x, &[]), y), merge(x, &merge(y, &[])));
    }

    #[test]
    fn records_merge_their_answers() {
        let mut lab = Record::new();
        lab.answer_survey(answer(Occasion::Practice, 1_790_000_000, 5));
        let mut phone = Record::new();
        phone.answer_survey(answer(Occasion::Module, 1_790_000_500, 3));
        let mut a = lab.clone();
        a.merge(&phone);
        let mut b = phone.clone();
        b.merge(&lab);
        assert_eq!(a.survey, b.survey);
        assert_eq!(a.survey.len(), 2);
        let once = a.clone();
        a.merge(&phone);
        a.merge(&lab);
        assert_eq!(a, once);
    }
}
