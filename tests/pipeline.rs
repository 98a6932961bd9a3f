//! A native measurement of the teacher's import pipeline (issue 15): the files `make bench`
//! generates (lab-PC exports of 40 students each, half complete, half part-way, in 8 classes
//! whose class lists are imported first), read, checked and merged into a `Collection`, then
//! serialised for IndexedDB, read back, and the dashboard's report computed.
//!
//! It prints the times and asserts only on the results, never on a time. Run it in release for
//! the figures in docs/performance.md (500 files / 20,000 records; a debug build does 50):
//!
//! ```sh
//! cargo test --release --test pipeline -- --nocapture
//! ```

use dvc_lab::content::{Lang, course};
use dvc_lab::progress::{Record, requirements};
use dvc_lab::quiz::Graded;
use dvc_lab::teacher::class::Collection;
use dvc_lab::teacher::roster;
use dvc_lab::transfer::{Kind, export, import};
use dvc_lab::walkthrough::{AttemptRecord, Mode, scenarios};
use std::time::Instant;

/// A student who did everything once (the e2e tests' `complete_record`).
fn complete_record(t0: i64) -> Record {
    let mut r = Record::new();
    r.student.id = "e2e0000001".into();
    r.student.name = "Nguyễn Thị Phương Uyên".into();
    r.student.class = "10A1".into();
    r.student.school = "THPT Trần Liễu".into();
    r.student.created = t0;
    let mut t = t0;
    for doc in course().lessons(Lang::Vi) {
        let ids: Vec<String> = doc.questions.iter().map(|q| q.id.clone()).collect();
        t += 600;
        let graded = Graded {
            correct: vec![true; ids.len()],
            score: 100,
            passed: true,
        };
        r.record_quiz(&doc.meta.id, &ids, &graded, t);
    }
    for sc in scenarios(Lang::Vi) {
        t += 900;
        r.record_walk(AttemptRecord {
            id: sc.id.clone(),
            at: t,
            mode: Mode::Practice,
            score: 92,
            secs: 300,
            done: true,
            steps: Default::default(),
        });
    }
    r
}

/// The bench's files (`tests/e2e/bench.rs`, `teacher_import_and_reopen`) and class lists.
fn files_and_lists(files: usize, per: usize) -> (Vec<String>, Vec<String>) {
    let base = complete_record(1_790_000_000);
    let texts = (0..files)
        .map(|f| {
            let records: Vec<Record> = (0..per)
                .map(|k| {
                    let mut r = base.clone();
                    r.student.id = format!("b{f:04}{k:03}");
                    r.student.name = format!("Học Sinh {f} {k}");
                    r.student.class = format!("10A{}", f % 8 + 1);
                    if k % 2 == 1 {
                        let keep: Vec<String> = r.lessons.keys().take(k % 11).cloned().collect();
                        r.lessons.retain(|id, _| keep.contains(id));
                        r.walks.clear();
                    }
                    r
                })
                .collect();
            export(
                Kind::Pc,
                &format!("PC {f}"),
                "2026-11-29T00:00:00Z",
                &records,
            )
        })
        .collect();
    let lists = (0..8)
        .map(|class| {
            let mut text = String::from("Họ và tên,Lớp\n");
            for f in (class..files).step_by(8) {
                for k in 0..per {
                    text.push_str(&format!("Học Sinh {f} {k},10A{}\n", class + 1));
                }
            }
            text
        })
        .collect();
    (texts, lists)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

#[test]
fn the_teacher_pipeline_of_the_bench_is_timed() {
    let files = if cfg!(debug_assertions) { 50 } else { 500 };
    let per = 40;
    let (texts, lists) = files_and_lists(files, per);
    let bytes: usize = texts.iter().map(String::len).sum();

    let mut c = Collection::default();
    for list in &lists {
        c.add_roster(roster::parse(list.as_bytes()).expect("class list"));
    }

    // What the browser's `dvclab-import` measures, less reading the files.
    let t = Instant::now();
    let mut parsed = Vec::with_capacity(texts.len());
    for text in &texts {
        parsed.push(import(text).expect("imports"));
    }
    let read = ms(t);
    let t = Instant::now();
    for file in parsed {
        c.add(file);
    }
    let merge = ms(t);
    assert_eq!(c.records.len(), files * per);

    // `dvclab-persist-serialize`.
    let t = Instant::now();
    let stored = c.to_stored();
    let serialise = ms(t);

    // Reopening: `Collection::from_stored` (parse + `within_limits`).
    let t = Instant::now();
    let (back, left_out) = Collection::from_stored(&stored).expect("reads back");
    let reopen = ms(t);
    assert_eq!(left_out, 0);
    // (`v` is written as the current version; a default collection holds 0.)
    assert!(back.records == c.records && back.roster == c.roster && back.conflicts == c.conflicts);

    let t = Instant::now();
    let report = c.report(requirements());
    let report_ms = ms(t);
    assert_eq!(report.rows.len(), files * per);
    assert!(report.rows.iter().all(|r| r.on_roster));

    // Importing the same files again changes nothing (and is what a second import costs).
    let t = Instant::now();
    let before = c.clone();
    for text in &texts {
        c.add(import(text).expect("imports"));
    }
    let again = ms(t);
    assert!(
        c == before,
        "importing the same files again changes nothing"
    );

    println!(
        "teacher pipeline, {files} files / {} records ({:.1} MB of files, {:.1} MB stored): \
         read + check {read:.0} ms, merge {merge:.0} ms, import {:.0} ms; serialise \
         {serialise:.0} ms; read back {reopen:.0} ms; report {report_ms:.0} ms; \
         the same files again {again:.0} ms",
        files * per,
        bytes as f64 / 1e6,
        stored.len() as f64 / 1e6,
        read + merge,
    );
}
