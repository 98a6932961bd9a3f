//! Where a student stands in a walkthrough, and what to do next after one: the part of the
//! module that comes after it in course order and is not done yet. Browser-free.
//!
//! The course order is the order a student meets the parts: each required lesson, then the
//! walkthroughs it links to. "Done" is the completion rule's: a lesson passed, a walkthrough
//! completed in practice mode; a walkthrough done only with the guide is not done yet.

use super::{Record, Requirements, Status};

/// Where a student stands in one walkthrough, in the walkthrough list's own words (a
/// walkthrough done only with the guide is neither "not started" nor "in progress").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkStanding {
    /// Never finished, in either mode.
    NotDone,
    /// Finished with the guide, not yet on her own.
    Guided,
    /// Finished on her own (practice mode), with the best score.
    Practiced(u8),
}

/// One part of the module: a lesson or a walkthrough, by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// A lesson.
    Lesson(&'a str),
    /// A walkthrough.
    Walk(&'a str),
}

impl Requirements {
    /// The parts in the order a student meets them: each required lesson followed by the
    /// walkthroughs it links to (`links`: lesson id → walkthrough ids; extra walkthroughs too,
    /// so that "what next" after one knows where it stands), then the required walkthroughs
    /// no lesson links to. Each walkthrough appears once, where it is first linked.
    pub fn in_order<'a>(&'a self, links: &'a [(String, Vec<String>)]) -> Vec<Part<'a>> {
        let mut out: Vec<Part<'a>> = Vec::new();
        for &lesson in &self.lessons {
            out.push(Part::Lesson(lesson));
            let linked = links.iter().filter(|(l, _)| l.as_str() == lesson);
            for w in linked.flat_map(|(_, ws)| ws) {
                if !out.contains(&Part::Walk(w)) {
                    out.push(Part::Walk(w));
                }
            }
        }
        for &w in &self.walks {
            if !out.contains(&Part::Walk(w)) {
                out.push(Part::Walk(w));
            }
        }
        out
    }
}

impl Record {
    /// Where the student stands in walkthrough `id`. Inlined: three page chunks use it, and a
    /// call from one chunk into another costs a slot in the first download's function table.
    #[inline(always)]
    pub fn walk_standing(&self, id: &str) -> WalkStanding {
        match self.walks.get(id) {
            Some(w) if w.practiced => WalkStanding::Practiced(w.best),
            Some(w) if w.guided => WalkStanding::Guided,
            _ => WalkStanding::NotDone,
        }
    }

    /// Whether a required part is done (the completion rule's meaning).
    fn part_done(&self, part: Part<'_>) -> bool {
        match part {
            Part::Lesson(id) => self.status(id) == Status::Done,
            Part::Walk(id) => self.walk_status(id) == Status::Done,
        }
    }

    /// The first required part not done that comes after `after` in `order` (from
    /// [`Requirements::in_order`]), going round to the start; `None` when every required part
    /// is done. A part that is not in `order` starts the search at the beginning.
    pub fn next_part<'a>(
        &self,
        req: &Requirements,
        order: &[Part<'a>],
        after: Part<'_>,
    ) -> Option<Part<'a>> {
        let start = order.iter().position(|p| *p == after).map_or(0, |i| i + 1);
        let required = |p: &Part<'_>| match p {
            Part::Lesson(id) => req.lessons.iter().any(|l| l == id),
            Part::Walk(id) => req.walks.iter().any(|w| w == id),
        };
        order[start..]
            .iter()
            .chain(&order[..start])
            .copied()
            .find(|&p| required(&p) && !self.part_done(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::Graded;
    use crate::walkthrough::{AttemptRecord, Mode};
    use std::collections::BTreeMap;

    fn req() -> Requirements {
        Requirements {
            lessons: vec!["l1", "l2", "l3"],
            walks: vec!["w1", "w2", "w3"],
        }
    }

    fn links() -> Vec<(String, Vec<String>)> {
        vec![
            ("l2".into(), vec!["w1".into(), "extra".into()]),
            ("l3".into(), vec!["w2".into(), "w1".into()]),
        ]
    }

    fn pass(r: &mut Record, id: &str) {
        let g = Graded {
            correct: vec![true],
            score: 100,
            passed: true,
        };
        r.record_quiz(id, &["q".into()], &g, 1_790_000_000);
    }

    fn walk(r: &mut Record, id: &str, mode: Mode, score: u8) {
        r.record_walk(AttemptRecord {
            id: id.into(),
            at: 1_790_000_000,
            mode,
            score,
            secs: 60,
            done: true,
            steps: BTreeMap::new(),
        });
    }

    #[test]
    fn the_order_puts_each_walkthrough_after_the_lesson_that_links_it() {
        let (req, links) = (req(), links());
        use Part::*;
        assert_eq!(
            req.in_order(&links),
            vec![
                Lesson("l1"),
                Lesson("l2"),
                Walk("w1"),
                Walk("extra"),
                Lesson("l3"),
                Walk("w2"),
                Walk("w3"),
            ]
        );
    }

    #[test]
    fn next_is_the_first_part_not_done_after_this_one_going_round() {
        let (req, links) = (req(), links());
        let order = req.in_order(&links);
        let mut r = Record::new();
        walk(&mut r, "w1", Mode::Practice, 92);
        // After w1: the extra walkthrough is skipped, l3 comes next.
        assert_eq!(
            r.next_part(&req, &order, Part::Walk("w1")),
            Some(Part::Lesson("l3"))
        );
        pass(&mut r, "l3");
        // A guided run is not done: w2 is still next.
        walk(&mut r, "w2", Mode::Guided, 0);
        assert_eq!(
            r.next_part(&req, &order, Part::Walk("w1")),
            Some(Part::Walk("w2"))
        );
        walk(&mut r, "w2", Mode::Practice, 80);
        walk(&mut r, "w3", Mode::Practice, 70);
        // Past the end it goes round to the lessons not passed yet.
        assert_eq!(
            r.next_part(&req, &order, Part::Walk("w3")),
            Some(Part::Lesson("l1"))
        );
        // After the extra walkthrough: what follows it.
        assert_eq!(
            r.next_part(&req, &order, Part::Walk("extra")),
            Some(Part::Lesson("l1"))
        );
        pass(&mut r, "l1");
        pass(&mut r, "l2");
        assert_eq!(r.next_part(&req, &order, Part::Walk("w3")), None);
        assert_eq!(r.overall(&req), (6, 6));
    }

    #[test]
    fn a_walkthrough_done_with_the_guide_only_has_its_own_standing() {
        let mut r = Record::new();
        assert_eq!(r.walk_standing("w1"), WalkStanding::NotDone);
        walk(&mut r, "w1", Mode::Guided, 0);
        assert_eq!(r.walk_standing("w1"), WalkStanding::Guided);
        walk(&mut r, "w1", Mode::Practice, 92);
        walk(&mut r, "w1", Mode::Practice, 71);
        assert_eq!(r.walk_standing("w1"), WalkStanding::Practiced(92));
        // An attempt that never reached the end (an imported record) is not a guided run.
        r.record_walk(AttemptRecord {
            id: "w2".into(),
            at: 1_790_000_000,
            mode: Mode::Guided,
            score: 40,
            secs: 60,
            done: false,
            steps: BTreeMap::new(),
        });
        assert_eq!(r.walk_standing("w2"), WalkStanding::NotDone);
    }
}
