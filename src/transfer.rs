//! Progress files that move between devices: a student's own record (lab PC → phone) and a
//! whole PC's profiles (lab PC → teacher's laptop). Browser-free: writing, reading, checking.
//!
//! Every record carries a checksum of its exact text, so a record edited by hand is refused
//! rather than counted; a file from a newer app is refused with a reason, never half-read.

use crate::progress::{MigrateError, Record, SCHEMA_VERSION, migrate};
use serde::{Deserialize, Serialize};

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

/// One record and its checksum.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Sealed {
    /// [`checksum`] of `record`'s JSON text.
    pub sum: String,
    /// The record, as stored.
    pub record: serde_json::Value,
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
}

/// A short checksum of a record's canonical JSON text (16 hex characters of SHA-256).
pub fn checksum(record_json: &str) -> String {
    crate::sha256::hex(record_json.as_bytes(), 8)
}

/// Seals records into a file.
pub fn export(kind: Kind, machine: &str, exported_at: &str, records: &[Record]) -> String {
    let records = records
        .iter()
        .map(|r| {
            // Summed over the canonical text (object keys sorted), which is what the reader
            // re-creates from the parsed value.
            let record = serde_json::to_value(r).unwrap_or_default();
            Sealed {
                sum: checksum(&record.to_string()),
                record,
            }
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
    };
    serde_json::to_string(&file).unwrap_or_default()
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
}

/// Reads a file. All or nothing: one bad record refuses the whole file, so a teacher never
/// counts half a PC without noticing.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            mb: text.len() as u64 / (1024 * 1024),
        });
    }
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("app").and_then(|a| a.as_str()) != Some("dvc-lab") {
        return Err(ImportError::NotOurs);
    }
    if let Some(schema) = value.get("schema").and_then(|s| s.as_u64())
        && schema as u32 > SCHEMA_VERSION
    {
        return Err(ImportError::Newer(schema as u32));
    }
    let file: ExportFile =
        serde_json::from_value(value).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if file.records.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut records = Vec::with_capacity(file.records.len());
    for sealed in file.records {
        let text = serde_json::to_string(&sealed.record).unwrap_or_default();
        let name = sealed
            .record
            .pointer("/student/name")
            .and_then(|n| n.as_str())
            .unwrap_or("?")
            .to_string();
        if checksum(&text) != sealed.sum {
            return Err(ImportError::Tampered(name));
        }
        let record = migrate(sealed.record).map_err(|e| match e {
            MigrateError::Newer(v) => ImportError::Newer(v),
            MigrateError::Damaged(d) => ImportError::Damaged(format!("{name}: {d}")),
        })?;
        if record.student.id.is_empty() {
            return Err(ImportError::Damaged(format!("{name}: no student id")));
        }
        records.push(record);
    }
    Ok(Imported {
        kind: file.kind,
        machine: file.machine,
        records,
    })
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
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let text = export(Kind::Student, "", "t", &[student("a1", "Lê Thị Hoa")]);
        assert!(matches!(
            import(&text[..text.len() / 2]),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(import("{\"hello\": 1}").unwrap_err(), ImportError::NotOurs);
        assert!(matches!(
            import("PK\u{3}\u{4}binary"),
            Err(ImportError::NotJson(_))
        ));
        let newer = text.replace(&format!("\"schema\":{SCHEMA_VERSION}"), "\"schema\":9");
        assert_eq!(import(&newer).unwrap_err(), ImportError::Newer(9));
        let edited = text.replace("\"opened\":1790000000", "\"opened\":1790000001");
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
}
