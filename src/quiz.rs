//! Quiz grading and shuffling: the rules a student meets, with no browser in sight.
//!
//! Answers are stored in the question's own option indices, never in display order, so a retry
//! can reshuffle freely and grading never depends on what was on screen.

use crate::content::{Question, QuestionKind};
use serde::{Deserialize, Serialize};

/// A lesson is passed at 80% or more.
pub const PASS_MARK: u8 = 80;

/// A student's answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Chosen option indices (single, multiple, true/false, scenario).
    Choice(Vec<usize>),
    /// Step indices in the order the student put them.
    Order(Vec<usize>),
    /// For each term `i`, the index of the option whose meaning the student picked.
    Match(Vec<Option<usize>>),
}

/// Whether the student has answered every part of the question (so it can be checked).
pub fn is_complete(q: &Question, a: &Answer) -> bool {
    match (q.kind, a) {
        (QuestionKind::Order, Answer::Order(v)) => v.len() == q.options.len(),
        (QuestionKind::Match, Answer::Match(v)) => {
            v.len() == q.options.len() && v.iter().all(Option::is_some)
        }
        (QuestionKind::Order | QuestionKind::Match, _) => false,
        (_, Answer::Choice(v)) => !v.is_empty(),
        _ => false,
    }
}

/// Whether an answer is right.
pub fn is_correct(q: &Question, a: &Answer) -> bool {
    match (q.kind, a) {
        (QuestionKind::Order, Answer::Order(v)) => {
            v.len() == q.options.len() && v.iter().enumerate().all(|(i, &x)| i == x)
        }
        (QuestionKind::Match, Answer::Match(v)) => {
            v.len() == q.options.len() && v.iter().enumerate().all(|(i, x)| *x == Some(i))
        }
        (QuestionKind::Order | QuestionKind::Match, _) => false,
        (_, Answer::Choice(v)) => {
            let mut chosen = v.clone();
            chosen.sort_unstable();
            chosen.dedup();
            let right: Vec<usize> = q
                .options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| i)
                .collect();
            chosen == right
        }
        _ => false,
    }
}

/// The result of one attempt at a lesson quiz.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graded {
    /// Per question, right or wrong (an unanswered question is wrong).
    pub correct: Vec<bool>,
    /// 0–100, rounded down.
    pub score: u8,
    /// `score >= PASS_MARK`.
    pub passed: bool,
}

impl Graded {
    /// The numbers (from 1, as the quiz shows them) of the questions answered wrong.
    pub fn wrong(&self) -> Vec<usize> {
        (1..=self.correct.len())
            .filter(|n| !self.correct[n - 1])
            .collect()
    }
}

/// Grades a whole quiz.
pub fn grade(questions: &[Question], answers: &[Option<Answer>]) -> Graded {
    let correct: Vec<bool> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            answers
                .get(i)
                .and_then(Option::as_ref)
                .is_some_and(|a| is_correct(q, a))
        })
        .collect();
    let right = correct.iter().filter(|c| **c).count();
    let score = if questions.is_empty() {
        0
    } else {
        (right * 100 / questions.len()) as u8
    };
    Graded {
        correct,
        score,
        passed: score >= PASS_MARK,
    }
}

/// A small deterministic generator (xorshift64*), enough for shuffling options.
#[derive(Clone, Debug)]
pub struct Shuffler(u64);

impl Shuffler {
    /// Seeds the generator; any seed works (0 is mapped to a fixed non-zero value).
    pub fn new(seed: u64) -> Self {
        Shuffler(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A random permutation of `0..n`. For `n >= 2` it is never the identity, so an `order`
    /// question is never shown already solved.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
        if n >= 2 && v.iter().enumerate().all(|(i, &x)| i == x) {
            v.rotate_left(1);
        }
        v
    }
}

/// The display order of every question's options for one attempt. True/false keeps its order
/// (Đúng before Sai); everything else is shuffled, and a retry gets a different layout.
pub fn layout(questions: &[Question], seed: u64) -> Vec<Vec<usize>> {
    let mut rng = Shuffler::new(seed);
    questions
        .iter()
        .map(|q| match q.kind {
            QuestionKind::TrueFalse => (0..q.options.len()).collect(),
            _ => rng.permutation(q.options.len()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::syntax::parse_lesson;

    fn questions() -> Vec<Question> {
        let src = "---\nid: t\norder: 1\ntitle: T\nsummary: S\nminutes: 5\n---\n\n:::question single q1\nQ?\n- [ ] a\n  = x\n- [x] b\n  = x\n:::\n\n:::question multiple q2\nQ?\n- [x] a\n  = x\n- [ ] b\n  = x\n- [x] c\n  = x\n:::\n\n:::question order q3\nQ?\n1. a\n   = x\n2. b\n   = x\n3. c\n   = x\n:::\n\n:::question match q4\nQ?\n- a => 1\n  = x\n- b => 2\n  = x\n- c => 3\n  = x\n:::\n\n:::question truefalse q5\nQ?\n- [x] Đúng\n  = x\n- [ ] Sai\n  = x\n:::\n";
        parse_lesson("01-t.vi.md", src).expect("valid").questions
    }

    #[test]
    fn the_wrong_questions_are_numbered_as_shown() {
        let q = questions();
        let answers = [
            Some(Answer::Choice(vec![0])),
            Some(Answer::Choice(vec![0, 2])),
            Some(Answer::Order(vec![0, 1, 2])),
            Some(Answer::Match(vec![Some(1), Some(0), Some(2)])),
            None,
        ];
        let g = grade(&q, &answers);
        assert_eq!(g.wrong(), vec![1, 4, 5]);
        assert_eq!((g.score, g.passed), (40, false));
        let all_right = Graded {
            correct: vec![true; 5],
            score: 100,
            passed: true,
        };
        assert!(all_right.wrong().is_empty());
    }

    #[test]
    fn each_kind_is_graded() {
        let q = questions();
        assert!(is_correct(&q[0], &Answer::Choice(vec![1])));
        assert!(!is_correct(&q[0], &Answer::Choice(vec![0])));
        assert!(is_correct(&q[1], &Answer::Choice(vec![2, 0])));
        assert!(
            !is_correct(&q[1], &Answer::Choice(vec![0])),
            "a partial choice is wrong"
        );
        assert!(
            !is_correct(&q[1], &Answer::Choice(vec![0, 1, 2])),
            "choosing everything is wrong"
        );
        assert!(is_correct(&q[2], &Answer::Order(vec![0, 1, 2])));
        assert!(!is_correct(&q[2], &Answer::Order(vec![1, 0, 2])));
        assert!(is_correct(
            &q[3],
            &Answer::Match(vec![Some(0), Some(1), Some(2)])
        ));
        assert!(!is_correct(
            &q[3],
            &Answer::Match(vec![Some(1), Some(0), Some(2)])
        ));
        assert!(!is_complete(
            &q[3],
            &Answer::Match(vec![Some(1), None, Some(2)])
        ));
        assert!(is_correct(&q[4], &Answer::Choice(vec![0])));
    }

    #[test]
    fn score_and_pass_mark() {
        let q = questions();
        let all_right = vec![
            Some(Answer::Choice(vec![1])),
            Some(Answer::Choice(vec![0, 2])),
            Some(Answer::Order(vec![0, 1, 2])),
            Some(Answer::Match(vec![Some(0), Some(1), Some(2)])),
            Some(Answer::Choice(vec![0])),
        ];
        let g = grade(&q, &all_right);
        assert_eq!((g.score, g.passed), (100, true));
        let mut one_wrong = all_right.clone();
        one_wrong[4] = Some(Answer::Choice(vec![1]));
        let g = grade(&q, &one_wrong);
        assert_eq!(
            (g.score, g.passed),
            (80, true),
            "4 of 5 is exactly the pass mark"
        );
        one_wrong[0] = None;
        let g = grade(&q, &one_wrong);
        assert_eq!((g.score, g.passed), (60, false));
        assert_eq!(g.correct, vec![false, true, true, true, false]);
    }

    #[test]
    fn shuffles_are_permutations_that_change_between_attempts() {
        let q = questions();
        let a = layout(&q, 1);
        let b = layout(&q, 2);
        for l in &a {
            let mut s = l.clone();
            s.sort_unstable();
            assert_eq!(s, (0..l.len()).collect::<Vec<_>>());
        }
        assert_eq!(a[4], vec![0, 1], "true/false keeps Đúng first");
        assert_ne!(
            a[2],
            vec![0, 1, 2],
            "an order question is never shown solved"
        );
        assert_ne!(a, b, "a retry reshuffles");
    }
}
