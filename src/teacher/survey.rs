//! What the students said in the survey (issue 19), summed up for the teacher: per class and
//! for the school, the share satisfied (Rất hài lòng + Hài lòng) against the plan's 90%, how
//! many answered, what was hardest, the services families want help with; and the comments —
//! without names unless the student signed — with the teacher's "đã tiếp thu" and reply
//! ([`Reply`], kept in the collection). Browser-free.

use super::csv::{self, Cell};
use crate::progress::Record;
use crate::progress::survey::{Answer, Occasion, TARGET_SATISFIED};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The longest reply a teacher types, in characters.
pub const REPLY_MAX: usize = 300;
/// The most replies a collection keeps (far beyond a school's comments).
pub const MAX_REPLIES: usize = 20_000;

/// The teacher's answer to one comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// "Đã tiếp thu": taken on board.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ack: bool,
    /// A short reply (at most [`REPLY_MAX`] characters).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Reply {
    /// Neither marked nor answered (then nothing needs keeping).
    pub fn is_empty(&self) -> bool {
        !self.ack && self.text.trim().is_empty()
    }
}

/// The replies of a stored collection, held to what the dashboard writes: keys of the form
/// [`comment_key`] only, texts cut at [`REPLY_MAX`] without control characters (but line
/// breaks), empty replies and those beyond [`MAX_REPLIES`] left out.
pub fn replies_within_limits(replies: BTreeMap<String, Reply>) -> BTreeMap<String, Reply> {
    replies
        .into_iter()
        .filter(|(k, _)| {
            k.len() <= 100
                && k.split_once('@')
                    .is_some_and(|(id, at)| crate::progress::is_id(id) && at.parse::<i64>().is_ok())
        })
        .map(|(k, mut r)| {
            r.text = r
                .text
                .chars()
                .filter(|c| *c == '\n' || !c.is_control())
                .take(REPLY_MAX)
                .collect();
            (k, r)
        })
        .filter(|(_, r)| !r.is_empty())
        .take(MAX_REPLIES)
        .collect()
}

/// The stable key of a comment: the profile it was written in and when (`<id>@<time>`), the
/// same however the files are imported or combined.
pub fn comment_key(profile: &str, at: i64) -> String {
    format!("{profile}@{at}")
}

/// One class's (or the school's) answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyCounts {
    /// Students who answered (a skip is not an answer).
    pub answered: usize,
    /// Students by their latest satisfaction: index 0 Rất hài lòng (5) … 4 Rất không hài lòng
    /// (1).
    pub satisfaction: [usize; 5],
    /// Lesson id → students who found it hardest.
    pub hardest: BTreeMap<String, usize>,
    /// Service id → students whose family would like help with it.
    pub needs: BTreeMap<String, usize>,
}

impl SurveyCounts {
    /// Students who gave a satisfaction score.
    pub fn rated(&self) -> usize {
        self.satisfaction.iter().sum()
    }

    /// Rất hài lòng + Hài lòng.
    pub fn satisfied(&self) -> usize {
        self.satisfaction[0] + self.satisfaction[1]
    }

    /// The satisfied share, 0–100, rounded down (89.9% is not the 90% line).
    pub fn percent(&self) -> u8 {
        (self.satisfied() * 100)
            .checked_div(self.rated())
            .unwrap_or(0) as u8
    }

    /// Whether the share reaches the plan's 90% (nobody rated: not reached).
    pub fn meets_target(&self) -> bool {
        self.rated() > 0 && self.percent() >= TARGET_SATISFIED
    }

    fn add(&mut self, other: &SurveyCounts) {
        self.answered += other.answered;
        for (a, b) in self.satisfaction.iter_mut().zip(other.satisfaction) {
            *a += b;
        }
        for (k, n) in &other.hardest {
            *self.hardest.entry(k.clone()).or_default() += n;
        }
        for (k, n) in &other.needs {
            *self.needs.entry(k.clone()).or_default() += n;
        }
    }

    /// Choices by count, most first (then by id).
    pub fn ranked(map: &BTreeMap<String, usize>) -> Vec<(&str, usize)> {
        let mut v: Vec<(&str, usize)> = map.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }
}

/// One comment, as the teacher sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// [`comment_key`]: where the teacher's reply is kept.
    pub key: String,
    /// The class (the class list's when matched).
    pub class: String,
    /// The student's name, only when she signed.
    pub name: Option<String>,
    /// When it was asked.
    pub occasion: Occasion,
    /// When it was written (Unix seconds).
    pub at: i64,
    /// 1–5, 0 when not given.
    pub satisfaction: u8,
    /// The comment, as typed (shown as text, never as markup).
    pub text: String,
}

/// A "Khác" service a student typed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OtherNeed {
    /// The class.
    pub class: String,
    /// What she typed.
    pub text: String,
}

/// The survey part of the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyReport {
    /// Per class (those with a counted student who answered), sorted by class.
    pub classes: Vec<(String, SurveyCounts)>,
    /// The whole school.
    pub school: SurveyCounts,
    /// Every comment, newest first.
    pub comments: Vec<Comment>,
    /// Every "Khác" service typed, by class then text, each once.
    pub others: Vec<OtherNeed>,
}

/// One student's voice: answered at all, her latest satisfaction, the union of her choices.
fn counts_of(answers: &[&Answer]) -> SurveyCounts {
    let mut c = SurveyCounts::default();
    let given: Vec<&&Answer> = answers.iter().filter(|a| !a.is_skipped()).collect();
    if given.is_empty() {
        return c;
    }
    c.answered = 1;
    if let Some(latest) = given
        .iter()
        .filter(|a| (1..=5).contains(&a.satisfaction))
        .max_by_key(|a| (a.at, a.occasion))
    {
        c.satisfaction[usize::from(5 - latest.satisfaction)] = 1;
    }
    let hardest: BTreeSet<&String> = given.iter().flat_map(|a| &a.hardest).collect();
    let needs: BTreeSet<&String> = given.iter().flat_map(|a| &a.needs).collect();
    c.hardest = hardest.into_iter().map(|k| (k.clone(), 1)).collect();
    c.needs = needs.into_iter().map(|k| (k.clone(), 1)).collect();
    c
}

/// Sums up the survey. `students`: each real student counted in the report, with the class
/// they are counted in (their records combined). `profiles`: every imported profile with its
/// class, for the comments and "Khác" texts (keyed by the profile that wrote them). Answers
/// after `as_of` (Unix seconds) are left out.
pub fn report<'a>(
    students: impl IntoIterator<Item = (String, &'a Record)>,
    profiles: impl IntoIterator<Item = (String, &'a Record)>,
    as_of: Option<i64>,
) -> SurveyReport {
    let by = |a: &&Answer| as_of.is_none_or(|d| a.at <= d);
    let mut classes: BTreeMap<String, SurveyCounts> = BTreeMap::new();
    let mut school = SurveyCounts::default();
    for (class, r) in students {
        let answers: Vec<&Answer> = r.survey.iter().filter(by).collect();
        let c = counts_of(&answers);
        if c.answered == 0 {
            continue;
        }
        classes.entry(class).or_default().add(&c);
        school.add(&c);
    }
    let mut comments: BTreeMap<String, Comment> = BTreeMap::new();
    let mut others: BTreeSet<OtherNeed> = BTreeSet::new();
    for (class, r) in profiles {
        for a in r.survey.iter().filter(by) {
            if !a.other.trim().is_empty() {
                others.insert(OtherNeed {
                    class: class.clone(),
                    text: a.other.trim().to_string(),
                });
            }
            if a.comment.trim().is_empty() {
                continue;
            }
            let key = comment_key(&r.student.id, a.at);
            comments.entry(key.clone()).or_insert_with(|| Comment {
                key,
                class: class.clone(),
                name: a.signed.then(|| r.student.name.clone()),
                occasion: a.occasion,
                at: a.at,
                satisfaction: a.satisfaction,
                text: a.comment.trim().to_string(),
            });
        }
    }
    let mut comments: Vec<Comment> = comments.into_values().collect();
    comments.sort_by(|a, b| b.at.cmp(&a.at).then(a.key.cmp(&b.key)));
    SurveyReport {
        classes: classes.into_iter().collect(),
        school,
        comments,
        others: others.into_iter().collect(),
    }
}

/// The words of the comments CSV.
pub struct CommentCsvWords<'a> {
    /// Columns: number, class, student, occasion, satisfaction, comment, taken on board,
    /// teacher's reply.
    pub header: [&'a str; 8],
    /// Shown for an unsigned comment ("Ẩn danh").
    pub anonymous: &'a str,
    /// An occasion in words.
    pub occasion: &'a dyn Fn(Occasion) -> &'a str,
    /// A satisfaction score (1–5) in words; 0 gives "".
    pub satisfaction: &'a dyn Fn(u8) -> &'a str,
    /// "Đã tiếp thu" in the ack column.
    pub acked: &'a str,
}

/// One line per comment with the teacher's mark and reply, so the class sees it was heard.
/// Every typed text goes through [`csv::safe`] (a comment starting with `=` is not a formula).
pub fn comments_csv(
    r: &SurveyReport,
    replies: &BTreeMap<String, Reply>,
    w: &CommentCsvWords<'_>,
) -> String {
    let rows: Vec<Vec<Cell>> = r
        .comments
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let reply = replies.get(&c.key).cloned().unwrap_or_default();
            vec![
                Cell::Int(i as i64 + 1),
                Cell::Text(c.class.clone()),
                Cell::Text(c.name.clone().unwrap_or_else(|| w.anonymous.to_string())),
                Cell::Text((w.occasion)(c.occasion).to_string()),
                Cell::Text((w.satisfaction)(c.satisfaction).to_string()),
                Cell::Text(c.text.clone()),
                Cell::Text(if reply.ack {
                    w.acked.to_string()
                } else {
                    String::new()
                }),
                Cell::Text(reply.text),
            ]
        })
        .collect();
    csv::document(&w.header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(id: &str, name: &str, class: &str, answers: Vec<Answer>) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = class.into();
        r.survey = answers;
        r
    }

    fn said(occasion: Occasion, at: i64, satisfaction: u8, comment: &str) -> Answer {
        Answer {
            occasion,
            at,
            satisfaction,
            hardest: vec!["vneid".into()],
            needs: vec!["can-cuoc".into()],
            comment: comment.into(),
            ..Answer::default()
        }
    }

    #[test]
    fn classes_and_the_school_count_each_student_once_by_her_latest_score() {
        let a = student(
            "a1",
            "Lê Thị Hoa",
            "10A1",
            vec![
                said(Occasion::Practice, 10, 2, ""),
                said(Occasion::Module, 20, 5, "Hay"),
            ],
        );
        let b = student(
            "b1",
            "Trần Nam",
            "10A1",
            vec![said(Occasion::Practice, 15, 3, "")],
        );
        let c = student(
            "c1",
            "Đỗ An",
            "10A2",
            vec![said(Occasion::Module, 30, 4, "")],
        );
        let skip = student(
            "d1",
            "Phạm Hà",
            "10A2",
            vec![Answer::skipped(Occasion::Module, 40)],
        );
        let all = [&a, &b, &c, &skip];
        let rep = report(
            all.iter().map(|r| (r.student.class.clone(), *r)),
            all.iter().map(|r| (r.student.class.clone(), *r)),
            None,
        );
        let s = &rep.school;
        assert_eq!(s.answered, 3, "a skip is not an answer");
        assert_eq!(
            s.satisfaction,
            [1, 1, 1, 0, 0],
            "Hoa counts once, with her latest 5"
        );
        assert_eq!((s.satisfied(), s.rated(), s.percent()), (2, 3, 66));
        assert!(!s.meets_target());
        assert_eq!(
            s.hardest["vneid"], 3,
            "each student once however often she chose it"
        );
        assert_eq!(rep.classes.len(), 2);
        assert_eq!(rep.classes[0].0, "10A1");
        assert_eq!(rep.classes[0].1.satisfaction, [1, 0, 1, 0, 0]);
        assert_eq!(rep.comments.len(), 1);
        assert_eq!(rep.comments[0].key, "a1@20");
        assert_eq!(rep.comments[0].name, None, "unsigned: no name");
        // As of an earlier day, the later answers are not there yet.
        let early = report(
            all.iter().map(|r| (r.student.class.clone(), *r)),
            std::iter::empty(),
            Some(15),
        );
        assert_eq!(early.school.satisfaction, [0, 0, 1, 1, 0]);
        let nine = SurveyCounts {
            satisfaction: [5, 4, 1, 0, 0],
            ..SurveyCounts::default()
        };
        assert!(!nine.meets_target() || nine.percent() >= 90);
        let ninety = SurveyCounts {
            satisfaction: [9, 0, 1, 0, 0],
            ..SurveyCounts::default()
        };
        assert!(ninety.meets_target());
        assert!(!SurveyCounts::default().meets_target(), "nobody rated");
    }

    #[test]
    fn a_signed_comment_names_its_author_and_markup_stays_text_in_the_csv() {
        let mut a = said(
            Occasion::Module,
            20,
            5,
            "=HYPERLINK(\"x\") <img src=x onerror=alert(1)>",
        );
        a.signed = true;
        a.other = "Đăng ký xe máy".into();
        a.needs.push("khac".into());
        let r = student("a1", "Lê Thị Hoa", "10A1", vec![a]);
        let unsigned = student(
            "b1",
            "Trần Nam",
            "10A2",
            vec![said(Occasion::Practice, 5, 1, "Khó quá")],
        );
        let rep = report(
            std::iter::empty(),
            [
                (String::from("10A1"), &r),
                (String::from("10A2"), &unsigned),
            ],
            None,
        );
        assert_eq!(rep.comments[0].name.as_deref(), Some("Lê Thị Hoa"));
        assert_eq!(rep.comments[1].name, None);
        assert_eq!(
            rep.others,
            vec![OtherNeed {
                class: "10A1".into(),
                text: "Đăng ký xe máy".into()
            }]
        );
        let mut replies = BTreeMap::new();
        replies.insert(
            "a1@20".to_string(),
            Reply {
                ack: true,
                text: "Cảm ơn em, thầy sẽ giảng lại".into(),
            },
        );
        let text = comments_csv(
            &rep,
            &replies,
            &CommentCsvWords {
                header: [
                    "STT",
                    "Lớp",
                    "Học sinh",
                    "Dịp",
                    "Mức độ",
                    "Ý kiến",
                    "Tiếp thu",
                    "Phản hồi",
                ],
                anonymous: "Ẩn danh",
                occasion: &|o| {
                    if o == Occasion::Module {
                        "Hoàn thành"
                    } else {
                        "Tự làm"
                    }
                },
                satisfaction: &|s| if s == 5 { "Rất hài lòng" } else { "Khác" },
                acked: "Đã tiếp thu",
            },
        );
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].contains("Lê Thị Hoa") && lines[1].contains("Đã tiếp thu"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("Cảm ơn em, thầy sẽ giảng lại"));
        assert!(
            lines[1].contains("'=HYPERLINK"),
            "neutralised: {}",
            lines[1]
        );
        assert!(
            lines[1].contains("<img src=x onerror=alert(1)>"),
            "kept as text"
        );
        assert!(
            lines[2].contains("Ẩn danh") && !lines[2].contains("Trần Nam"),
            "{}",
            lines[2]
        );
    }

    #[test]
    fn replies_are_held_to_what_the_dashboard_writes() {
        let mut m = BTreeMap::new();
        m.insert(
            "a1@20".to_string(),
            Reply {
                ack: true,
                text: "x".repeat(REPLY_MAX + 9),
            },
        );
        m.insert("a1@21".to_string(), Reply::default());
        m.insert(
            "<b>@1".to_string(),
            Reply {
                ack: true,
                text: String::new(),
            },
        );
        m.insert(
            "a2@x".to_string(),
            Reply {
                ack: true,
                text: String::new(),
            },
        );
        let kept = replies_within_limits(m);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept["a1@20"].text.chars().count(), REPLY_MAX);
    }
}
