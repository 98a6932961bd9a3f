//! Progress files that move between devices: a student's own record (lab PC → phone) and a
//! whole PC's profiles (lab PC → teacher's laptop). Browser-free: writing, reading, checking.
//!
//! Every record carries a checksum of its exact text, so a record edited by hand is refused
//! rather than counted; a file from a newer app is refused with a reason, never half-read.

use crate::platform::StorageError;
use crate::progress::{Conflict, MigrateError, Record, SCHEMA_VERSION, migrate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `kind` of a school summary file ([`crate::teacher::summary`]): refused here with a
/// message saying it is for the ward's page. Defined here, below both, so this module needs
/// nothing from the summary's.
pub const SCHOOL_SUMMARY_KIND: &str = "school-summary";

/// The biggest file the app will read (a full lab PC is well under 2 MB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One student's record, exported by the student.
    Student,
    /// Every profile on one browser, exported from the teacher area.
    Pc,
}

/// One record and its checksum. The record is kept as the exact JSON text that was summed
/// (its canonical form: object keys sorted), so reading a file needs no re-serialising.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Sealed {
    /// [`checksum`] of `record`'s canonical JSON text.
    pub sum: String,
    /// The record's JSON text, written verbatim into the file.
    pub record: Box<serde_json::value::RawValue>,
}

/// The file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExportFile {
    /// Always `"dvc-lab"`.
    pub app: String,
    /// Student or PC.
    pub kind: Kind,
    /// The app version that wrote it.
    pub app_version: String,
    /// The record schema version.
    pub schema: u32,
    /// A label for the machine (set by the teacher, may be empty).
    #[serde(default)]
    pub machine: String,
    /// When (RFC 3339).
    pub exported_at: String,
    /// The records.
    pub records: Vec<Sealed>,
    /// Damaged stored copies, byte for byte (key → text), carried by a rescue file so nothing
    /// is lost; never imported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub damaged: BTreeMap<String, String>,
}

/// Why a file (or a record in it) was not imported, for a message the person can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Bigger than [`MAX_FILE_BYTES`].
    #[error("the file is {mb} MB; a DVC Lab file is never that big — is it the right file?")]
    TooLarge {
        /// Its size in MB.
        mb: u64,
    },
    /// Not JSON, or cut off part-way (an interrupted copy).
    #[error("the file is not complete or not a DVC Lab file ({0})")]
    NotJson(String),
    /// JSON, but not ours.
    #[error("this is not a DVC Lab progress file")]
    NotOurs,
    /// From a newer DVC Lab.
    #[error("the file comes from a newer DVC Lab (format {0}); update the app first")]
    Newer(u32),
    /// A record's checksum does not match: edited by hand or damaged.
    #[error(
        "the record of {0} was changed after export (checksum mismatch), so it was not imported"
    )]
    Tampered(String),
    /// A record that cannot be read.
    #[error("a record in the file is damaged: {0}")]
    Damaged(String),
    /// The file holds no records.
    #[error("the file holds no student records")]
    Empty,
    /// A record holds a value no DVC Lab writes (a date in the year 99999, a score of 255): a
    /// crafted or damaged file.
    #[error("the record of {name} holds {problem}, so the file was not imported")]
    OutOfRange {
        /// Whose record.
        name: String,
        /// What is out of range.
        problem: crate::progress::OutOfRange,
    },
    /// A school summary (for the ward): counts only, no records to import here.
    #[error("this is a school summary for the ward, not a progress file")]
    SchoolSummary,
    /// More records than [`MAX_RECORDS`] (no school has that many students in one file).
    #[error("the file holds {0} records, more than a school has students")]
    TooMany(usize),
}

/// The most records one file may hold: a whole school's, several times over.
pub const MAX_RECORDS: usize = 20_000;

/// Brings an imported record within what the app keeps, or refuses it; says whether it came
/// out as it went in.
fn bounded(record: Record) -> Result<(Record, bool), ImportError> {
    let name = record.student.name.chars().take(60).collect::<String>();
    record
        .within_limits_as_is()
        .map_err(|problem| ImportError::OutOfRange { name, problem })
}

/// A short checksum of a record's canonical JSON text: 64-bit FNV-1a, as 16 hex characters.
///
/// It catches a record edited by hand or damaged in copying; it is not a signature (anyone can
/// recompute it), and it is several times cheaper than SHA-256, which matters when a teacher
/// imports 20,000 records at once (`make bench`).
pub fn checksum(record_json: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in record_json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Seals records into a file.
pub fn export(kind: Kind, machine: &str, exported_at: &str, records: &[Record]) -> String {
    let records = records
        .iter()
        .filter_map(|r| {
            // The canonical text (object keys sorted): what the reader checks, and what it can
            // re-create if an editor re-formats the file.
            let text = serde_json::to_value(r).ok()?.to_string();
            Some(Sealed {
                sum: checksum(&text),
                record: serde_json::value::RawValue::from_string(text).ok()?,
            })
        })
        .collect();
    let file = ExportFile {
        app: "dvc-lab".into(),
        kind,
        app_version: env!("CARGO_PKG_VERSION").into(),
        schema: SCHEMA_VERSION,
        machine: machine.into(),
        exported_at: exported_at.into(),
        records,
        damaged: BTreeMap::new(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// The storage notice's rescue file: every student's record as a sealed progress file (it
/// imports like any other), with the damaged copies carried along byte for byte.
pub fn rescue(records: &[Record], damaged: BTreeMap<String, String>, exported_at: &str) -> String {
    let text = export(Kind::Student, "", exported_at, records);
    let Ok(mut file) = serde_json::from_str::<ExportFile>(&text) else {
        return text;
    };
    if records.len() > 1 {
        file.kind = Kind::Pc;
    }
    file.damaged = damaged;
    serde_json::to_string(&file).unwrap_or(text)
}

/// A file that was read: its header and every record, migrated to the current schema.
#[derive(Debug)]
pub struct Imported {
    /// Student or PC.
    pub kind: Kind,
    /// Machine label.
    pub machine: String,
    /// The records.
    pub records: Vec<Record>,
    /// For each record (same order), the JSON text it was read from when that text describes
    /// it exactly (read as written, nothing cut or corrected): the teacher's store keeps it
    /// instead of serialising the record again (`Collection::to_stored`).
    pub texts: Vec<Option<Box<serde_json::value::RawValue>>>,
}

/// Reads a file. All or nothing: one bad record refuses the whole file, so a teacher never
/// counts half a PC without noticing.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            mb: text.len() as u64 / (1024 * 1024),
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    /// Just the header, to refuse a foreign or newer file before reading its records.
    #[derive(Deserialize)]
    struct Header {
        app: Option<String>,
        schema: Option<u32>,
        kind: Option<String>,
    }
    // One pass for a good file; only a file that does not read as ours is read again, for
    // its header, to say why (foreign, newer, not JSON, damaged).
    let file: ExportFile = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(damaged) => {
            let header: Header =
                serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
            if header.app.as_deref() != Some("dvc-lab") {
                return Err(ImportError::NotOurs);
            }
            if header.kind.as_deref() == Some(SCHOOL_SUMMARY_KIND) {
                return Err(ImportError::SchoolSummary);
            }
            if let Some(schema) = header.schema
                && schema > SCHEMA_VERSION
            {
                return Err(ImportError::Newer(schema));
            }
            return Err(ImportError::Damaged(damaged.to_string()));
        }
    };
    if file.app != "dvc-lab" {
        return Err(ImportError::NotOurs);
    }
    if file.schema > SCHEMA_VERSION {
        return Err(ImportError::Newer(file.schema));
    }
    if file.records.is_empty() {
        return Err(ImportError::Empty);
    }
    if file.records.len() > MAX_RECORDS {
        return Err(ImportError::TooMany(file.records.len()));
    }
    let mut records = Vec::with_capacity(file.records.len());
    let mut texts = Vec::with_capacity(file.records.len());
    for sealed in file.records {
        let raw = sealed.record.get();
        // Fast path: the text as written is the canonical text and reads as a current record.
        if checksum(raw) == sealed.sum
            && let Ok(record) = serde_json::from_str::<Record>(raw)
            && record.v == SCHEMA_VERSION
            && !record.student.id.is_empty()
        {
            let (record, as_is) = bounded(record)?;
            records.push(record);
            texts.push(as_is.then_some(sealed.record));
            continue;
        }
        // Otherwise: re-create the canonical text (a file re-formatted by an editor still
        // checks out), then migrate an older record.
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| ImportError::Damaged(e.to_string()))?;
        let name = value
            .pointer("/s/n")
            .or_else(|| value.pointer("/student/name"))
            .and_then(|n| n.as_str())
            .unwrap_or("?")
            .to_string();
        if checksum(&value.to_string()) != sealed.sum {
            return Err(ImportError::Tampered(name));
        }
        let record = migrate(value).map_err(|e| match e {
            MigrateError::Newer(v) => ImportError::Newer(v),
            MigrateError::Damaged(d) => ImportError::Damaged(format!("{name}: {d}")),
        })?;
        if record.student.id.is_empty() {
            return Err(ImportError::Damaged(format!("{name}: no student id")));
        }
        // A migrated or re-formatted record is serialised again when stored.
        records.push(bounded(record)?.0);
        texts.push(None);
    }
    Ok(Imported {
        kind: file.kind,
        machine: file.machine,
        records,
        texts,
    })
}

/// The full backup of what the app stores in one browser ("Khi có sự cố" in the teacher area):
/// every entry under its key, parsed where possible, damaged text kept as a string byte for
/// byte, so nothing is lost when storage is full or broken. `entries` as
/// `platform::app_entries` lists them; `exported_at` in RFC 3339.
pub fn backup_json(entries: &[(String, String)], exported_at: &str) -> String {
    let stored: serde_json::Map<String, serde_json::Value> = entries
        .iter()
        .map(|(k, v)| {
            let value =
                serde_json::from_str(v).unwrap_or_else(|_| serde_json::Value::String(v.clone()));
            (k.clone(), value)
        })
        .collect();
    let doc = serde_json::json!({
        "app": "dvc-lab",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": SCHEMA_VERSION,
        "exported_at": exported_at,
        "storage": stored,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// What an import did, for the message shown afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Students whose profile was created here.
    pub created: Vec<String>,
    /// Students whose existing profile gained the file's progress.
    pub merged: Vec<String>,
    /// Students already here with everything the file holds (nothing new).
    pub unchanged: Vec<String>,
    /// Details that differ between the file and this browser (this browser's are kept).
    pub conflicts: Vec<(String, Conflict)>,
    /// The imported profile has a PIN: the student signs in with it (not by importing).
    pub needs_pin: Option<String>,
}

/// The most profiles a file imported on the student side may hold: a student's own file has
/// one; a whole PC's file (dozens or thousands) belongs in the teacher area.
pub const STUDENT_FILE_MAX: usize = 5;

/// Why an import did nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// The file itself.
    File(ImportError),
    /// A file of someone else, imported on "My progress".
    NotYours(String),
    /// A whole PC's file (this many profiles), imported on the student side.
    WholePc(usize),
    /// This browser could not save.
    Storage(StorageError),
}

/// Each incoming record merged into the stored record with the same id (`stored` finds it; a
/// record it cannot read counts as none), or taken as it is, with what the merge did. Pure:
/// the caller reads storage and writes the result.
pub fn merge_into(
    incoming: &[Record],
    stored: impl Fn(&str) -> Option<Record>,
) -> (Vec<Record>, ImportReport) {
    let mut report = ImportReport::default();
    let records = incoming
        .iter()
        .map(|incoming| match stored(&incoming.student.id) {
            Some(mut mine) => {
                let before = mine.clone();
                for c in mine.merge(incoming) {
                    report.conflicts.push((mine.student.name.clone(), c));
                }
                if mine == before {
                    report.unchanged.push(mine.student.name.clone());
                } else {
                    report.merged.push(mine.student.name.clone());
                }
                mine
            }
            None => {
                report.created.push(incoming.student.name.clone());
                incoming.clone()
            }
        })
        .collect();
    (records, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn student(id: &str, name: &str) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = "10A1".into();
        r.open_lesson("vneid", 1_790_000_000);
        r
    }

    #[test]
    fn a_file_reads_back_as_the_records_it_holds() {
        let recs = vec![student("a1", "Lê Thị Hoa"), student("b2", "Đỗ Minh Quân")];
        let text = export(Kind::Pc, "Máy 07", "2026-11-29T08:00:00Z", &recs);
        let got = import(&text).expect("reads");
        assert_eq!(got.kind, Kind::Pc);
        assert_eq!(got.machine, "Máy 07");
        assert_eq!(got.records, recs);
        // Excel and Notepad like to add a byte-order mark.
        assert!(import(&format!("\u{feff}{text}")).is_ok());
        // An editor that re-formats the file does not make it "tampered".
        let pretty: serde_json::Value = serde_json::from_str(&text).unwrap();
        let pretty = serde_json::to_string_pretty(&pretty).unwrap();
        assert_eq!(import(&pretty).expect("re-formatted").records, recs);
    }

    #[test]
    fn the_checksum_is_fnv_1a_64() {
        // Published FNV-1a 64 test values.
        assert_eq!(checksum(""), "cbf29ce484222325");
        assert_eq!(checksum("a"), "af63dc4c8601ec8c");
        assert_eq!(checksum("foobar"), "85944171f73967e8");
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let text = export(Kind::Student, "", "t", &[student("a1", "Lê Thị Hoa")]);
        assert!(matches!(
            import(&text[..text.len() / 2]),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(import("{\"hello\": 1}").unwrap_err(), ImportError::NotOurs);
        // A school summary meant for the ward, dropped into the teacher's import.
        let summary = crate::teacher::summary::SchoolSummary {
            school: "THPT A".into(),
            as_of: "2026-12-31".into(),
            class_lists: true,
            classes: vec![],
            unlisted: 0,
        };
        assert_eq!(
            import(&crate::teacher::summary::seal(&summary, "t")).unwrap_err(),
            ImportError::SchoolSummary
        );
        assert!(matches!(
            import("PK\u{3}\u{4}binary"),
            Err(ImportError::NotJson(_))
        ));
        let newer = text.replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":9");
        assert_eq!(import(&newer).unwrap_err(), ImportError::Newer(9));
        let edited = text.replace("\"o\":1790000000", "\"o\":1790000001");
        assert_ne!(edited, text);
        assert_eq!(
            import(&edited).unwrap_err(),
            ImportError::Tampered("Lê Thị Hoa".into())
        );
        let empty = export(Kind::Pc, "", "t", &[]);
        assert_eq!(import(&empty).unwrap_err(), ImportError::Empty);
        let huge = " ".repeat(MAX_FILE_BYTES as usize + 1);
        assert!(matches!(import(&huge), Err(ImportError::TooLarge { .. })));
    }

    /// A file sealed like the app seals it, around a record's JSON as given (a crafted file).
    fn sealed(record_json: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(record_json).unwrap();
        let text = value.to_string();
        format!(
            r#"{{"app":"dvc-lab","kind":"student","app_version":"0","schema":{SCHEMA_VERSION},"exported_at":"t","records":[{{"sum":"{}","record":{text}}}]}}"#,
            checksum(&text)
        )
    }

    #[test]
    fn a_crafted_file_with_impossible_values_is_refused_with_the_reason() {
        let end_of_time = sealed(
            r#"{"v":2,"student":{"id":"a1","name":"Hoa","class":"10A1"},"lessons":{"vneid":{"opened":8210298326400,"passed":true,"passed_at":8210298326400}}}"#,
        );
        assert!(matches!(
            import(&end_of_time),
            Err(ImportError::OutOfRange {
                problem: crate::progress::OutOfRange::Date(_),
                ..
            })
        ));
        let score = sealed(
            r#"{"v":2,"student":{"id":"a1","name":"Hoa","class":"10A1"},"lessons":{"vneid":{"opened":1790000000,"best":255}}}"#,
        );
        assert!(matches!(
            import(&score),
            Err(ImportError::OutOfRange {
                problem: crate::progress::OutOfRange::Score(_),
                ..
            })
        ));
        let iri = sealed(
            r#"{"v":2,"student":{"id":"a1","name":"Hoa","class":"10A1"},"lessons":{"x y/../z":{"opened":1790000000}}}"#,
        );
        assert!(matches!(
            import(&iri),
            Err(ImportError::OutOfRange {
                problem: crate::progress::OutOfRange::Id(_),
                ..
            })
        ));
    }

    #[test]
    fn a_huge_attempt_list_is_cut_on_import_and_merges_at_once() {
        let attempts: Vec<String> = (0..150_000)
            .map(|i| format!("[{},50,\"q1\"]", 1_790_000_000 + i))
            .collect();
        let json = format!(
            r#"{{"v":2,"student":{{"id":"a1","name":"Hoa","class":"10A1"}},"lessons":{{"vneid":{{"opened":1790000000,"tries":1,"recent":[{}]}}}}}}"#,
            attempts.join(",")
        );
        let file = sealed(&json);
        let mut a = import(&file).expect("read").records.remove(0);
        let b = import(&file).expect("read").records.remove(0);
        assert_eq!(
            a.lessons["vneid"].recent.len(),
            crate::progress::KEEP_ATTEMPTS
        );
        assert_eq!(a.lessons["vneid"].tries, 3);
        let started = std::time::Instant::now();
        a.merge(&b);
        // Pairwise comparison of 150,000 attempts took ~50 s; cut, it is immediate. (A bound
        // far above any machine's time, so this never flakes, yet fails the old code.)
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn a_file_with_more_records_than_a_school_is_refused() {
        let recs: Vec<Record> = (0..=MAX_RECORDS)
            .map(|i| {
                let mut r = Record::new();
                r.student.id = format!("s{i}");
                r
            })
            .collect();
        let text = export(Kind::Pc, "", "t", &recs);
        assert_eq!(
            import(&text).unwrap_err(),
            ImportError::TooMany(MAX_RECORDS + 1)
        );
    }

    #[test]
    fn a_rescue_file_imports_like_any_progress_file_and_keeps_damaged_copies() {
        let recs = vec![student("a1", "Lê Thị Hoa")];
        let damaged: BTreeMap<String, String> = [(
            "dvclab.backup.profile.b2.1".to_string(),
            "{\"v\":2,\"less".to_string(),
        )]
        .into();
        let text = rescue(&recs, damaged, "2026-12-02T08:00:00Z");
        assert_eq!(import(&text).expect("imports").records, recs);
        let file: ExportFile = serde_json::from_str(&text).unwrap();
        assert_eq!(
            file.damaged["dvclab.backup.profile.b2.1"],
            "{\"v\":2,\"less"
        );
        assert!(!text.contains("dvclab.v1.teacher"));
    }
    #[test]
    fn the_backup_keeps_every_entry_and_damaged_text_byte_for_byte() {
        let entries = vec![
            (
                "dvclab.v1.profiles".to_string(),
                r#"{"people":[1,2]}"#.to_string(),
            ),
            (
                "dvclab.v1.profile.ab".to_string(),
                "{\"student\": trunc".to_string(),
            ),
        ];
        let text = backup_json(&entries, "2026-12-03T10:00:00+07:00");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["app"], "dvc-lab");
        assert_eq!(v["schema"], SCHEMA_VERSION);
        assert_eq!(v["exported_at"], "2026-12-03T10:00:00+07:00");
        assert_eq!(v["storage"]["dvclab.v1.profiles"]["people"][1], 2);
        assert_eq!(v["storage"]["dvclab.v1.profile.ab"], "{\"student\": trunc");
    }
}
