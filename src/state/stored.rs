//! The load path: reading every profile and the index at start-up, migrating older formats,
//! and setting aside what cannot be read so nothing is lost (see [`Damage`]).

use super::{Index, Key, Record, StorageError, Student, platform};

/// Name given to progress saved before profiles existed (format 1 had no student).
const LEGACY_NAME: &str = "Khách (trước khi có tài khoản học)";

/// Reads one stored profile, migrating older formats (and writing the result back).
pub(super) fn read_profile(id: &str) -> Result<Option<Record>, ()> {
    let key = Key::Profile(id.to_string());
    let Some(raw) = platform::read_raw(&key) else {
        return Ok(None);
    };
    let value: serde_json::Value = serde_json::from_str(&raw).map_err(|_| ())?;
    let old =
        value.get("v").and_then(|v| v.as_u64()) != Some(crate::progress::SCHEMA_VERSION as u64);
    let mut record = crate::progress::migrate(value).map_err(|_| ())?;
    if record.student.id.is_empty() {
        record.student.id = id.to_string();
        record.student.name = LEGACY_NAME.to_string();
    }
    if old {
        let _ = platform::save(&key, &record);
    }
    Ok(Some(record))
}

/// Moves a stored value that cannot be read to a backup key, so nothing is lost and the next
/// start does not trip on it again. Returns whether the copy is safe; when there is no room for
/// it, the value stays where it is (untouched) and the caller must not write over it.
pub(super) fn set_aside(key: &Key, what: &str) -> bool {
    let Some(raw) = platform::read_raw(key) else {
        return true;
    };
    let backup = Key::Backup(format!("{what}.{}", platform::now().timestamp()));
    // Only once the copy is safe (in memory-only mode "Unavailable" still means kept).
    if matches!(
        platform::write_raw(&backup, &raw),
        Ok(()) | Err(StorageError::Unavailable)
    ) {
        platform::remove(key);
        true
    } else {
        false
    }
}

/// What start-up found damaged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Damage {
    /// Nothing.
    #[default]
    None,
    /// Damaged data was copied to a backup key.
    SetAside,
    /// Damaged data could not be copied (storage full): it was left untouched where it was.
    NoRoom,
}

impl Damage {
    fn add(&mut self, copied: bool) {
        *self = match (*self, copied) {
            (Damage::NoRoom, _) | (_, false) => Damage::NoRoom,
            _ => Damage::SetAside,
        };
    }
}

/// Every profile id stored on this browser.
pub(super) fn stored_ids() -> Vec<String> {
    platform::app_entries()
        .into_iter()
        .filter_map(|(k, _)| k.strip_prefix("dvclab.v1.profile.").map(str::to_string))
        .collect()
}

/// Reads the index and every profile. A damaged record is set aside and, when the index knows
/// whose it was, the profile starts again empty under the same name; a damaged index is set
/// aside and rebuilt from the records. Returns whether anything was damaged.
pub(super) fn load_all() -> (Index, Vec<Record>, Damage) {
    let mut damage = Damage::None;
    let mut index = match platform::load::<Index>(&Key::ProfileIndex) {
        Ok(Some(i)) if i.v <= crate::profile::INDEX_VERSION => i,
        Ok(None) => Index::default(),
        _ => {
            damage.add(set_aside(&Key::ProfileIndex, "profiles"));
            Index::default()
        }
    };
    let mut records = Vec::new();
    for id in stored_ids() {
        match read_profile(&id) {
            Ok(Some(r)) => records.push(r),
            Ok(None) => {}
            Err(()) => {
                let key = Key::Profile(id.clone());
                let copied = set_aside(&key, &format!("profile.{id}"));
                damage.add(copied);
                // Start the student again only where the damaged text is safe in its copy.
                if copied && let Some(student) = index.get(&id) {
                    let mut fresh = Record::new();
                    fresh.student = student.clone();
                    let _ = platform::save(&key, &fresh);
                    records.push(fresh);
                }
            }
        }
    }
    let students: Vec<Student> = records.iter().map(|r| r.student.clone()).collect();
    index.reconcile(&students);
    (index, records, damage)
}

/// Whether this browser has saved profiles (checked without reading them): when not, the first
/// screen needs none of the code that reads them.
pub fn something_saved() -> bool {
    platform::has_key_starting(&Key::ProfileIndex.name())
        || platform::has_key_starting(&Key::Profile(String::new()).name())
}

#[cfg(test)]
mod tests {
    //! Natively, `platform` keeps storage in memory (per test thread), so start-up recovery can
    //! be tested without a browser.
    use super::*;
    use crate::platform;
    use crate::progress::Record;
    use crate::state::test_support::{store, student};

    fn backups() -> Vec<(String, String)> {
        platform::app_entries()
            .into_iter()
            .filter(|(k, _)| k.starts_with("dvclab.backup."))
            .collect()
    }

    #[test]
    fn a_damaged_record_is_kept_aside_and_the_student_keeps_their_name() {
        let mut linh = Record::new();
        linh.student = student("aa", "Nguyễn Thị Linh");
        linh.open_lesson("vneid", 5);
        let mut nam = Record::new();
        nam.student = student("bb", "Lê Văn Nam");
        store(&linh);
        store(&nam);
        let index = Index {
            people: vec![linh.student.clone(), nam.student.clone()],
            current: Some("aa".into()),
            active: platform::now().timestamp(),
            ..Index::default()
        };
        let _ = platform::save(&Key::ProfileIndex, &index);
        let damaged = "{\"v\":2,\"lessons\":{\"vneid\":";
        let _ = platform::write_raw(&Key::Profile("aa".into()), damaged);

        let (index, records, was_damaged) = load_all();
        assert_eq!(was_damaged, Damage::SetAside);
        let names: Vec<&str> = records.iter().map(|r| r.student.name.as_str()).collect();
        assert_eq!(names, vec!["Nguyễn Thị Linh", "Lê Văn Nam"]);
        assert!(records[0].lessons.is_empty(), "Linh starts again, empty");
        assert_eq!(index.current.as_deref(), Some("aa"), "still signed in");
        let kept = backups();
        assert_eq!(kept.len(), 1);
        assert!(
            kept[0].0.starts_with("dvclab.backup.profile.aa."),
            "{kept:?}"
        );
        assert_eq!(kept[0].1, damaged, "byte for byte");
        // A second start finds nothing damaged: no backup of the backup.
        assert_eq!(load_all().2, Damage::None);
        assert_eq!(backups().len(), 1);
    }

    #[test]
    fn a_damaged_index_is_rebuilt_from_the_records() {
        let mut r = Record::new();
        r.student = student("cc", "Trần Minh Khoa");
        store(&r);
        let _ = platform::write_raw(&Key::ProfileIndex, "[[[");
        let (index, records, damaged) = load_all();
        assert_eq!(damaged, Damage::SetAside);
        assert_eq!(records.len(), 1);
        assert_eq!(index.people, vec![r.student.clone()]);
        assert_eq!(index.current, None);
        assert!(
            backups()
                .iter()
                .any(|(k, v)| k.starts_with("dvclab.backup.profiles.") && v == "[[[")
        );
    }

    #[test]
    fn older_records_are_migrated_on_start_and_newer_ones_set_aside() {
        let v1 = r#"{"v":1,"lessons":{"vneid":{"opened":3,"tries":1,"best":90,"passed":true,"recent":[{"at":4,"score":90}]}}}"#;
        let _ = platform::write_raw(&Key::Profile("guest".into()), v1);
        let newer = r#"{"v":9,"student":{"id":"dd","name":"X Y","class":"10A1"}}"#;
        let _ = platform::write_raw(&Key::Profile("dd".into()), newer);
        let (_, records, damaged) = load_all();
        assert_eq!(
            damaged,
            Damage::SetAside,
            "a record from a newer app is set aside, not misread"
        );
        assert_eq!(records.len(), 1);
        let guest = &records[0];
        assert_eq!(guest.student.id, "guest");
        assert_eq!(guest.student.name, LEGACY_NAME);
        assert_eq!(guest.lessons["vneid"].recent[0].score, 90);
        let rewritten = platform::read_raw(&Key::Profile("guest".into())).unwrap_or_default();
        assert!(
            rewritten.starts_with("{\"v\":3"),
            "written back in the current format: {rewritten}"
        );
        assert!(backups().iter().any(|(_, v)| v == newer));
        assert_eq!(
            load_all().2,
            Damage::None,
            "set aside once, not on every start"
        );
    }

    #[test]
    fn damaged_data_with_no_room_for_a_copy_is_left_untouched_and_said() {
        let mut index = Index::default();
        index.reconcile(&[student("aa", "Nguyễn Thị Linh")]);
        let _ = platform::save(&Key::ProfileIndex, &index);
        let damaged = "{\"v\":2,\"lessons\":{\"vneid\":";
        let _ = platform::write_raw(&Key::Profile("aa".into()), damaged);
        let used: usize = platform::app_entries()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum();
        platform::set_memory_quota(Some(used));
        let (_, records, found) = load_all();
        platform::set_memory_quota(None);
        assert_eq!(found, Damage::NoRoom, "not 'a copy was set aside'");
        assert!(backups().is_empty());
        assert_eq!(
            platform::read_raw(&Key::Profile("aa".into())).as_deref(),
            Some(damaged),
            "not written over"
        );
        assert!(records.is_empty());
    }
}
