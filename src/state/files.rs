//! Progress files in and out: importing a student's file (all or nothing), the student's own
//! file, and the storage notice's rescue file with everything memory holds.

use super::{
    ImportFailure, ImportReport, Key, ProgressCtx, Record, StorageError, UNSAVED, platform,
    profiles::sign_in, progress_signal, save_index, stored, use_profiles, use_progress,
};
use crate::transfer::Kind;
use leptos::prelude::*;

/// Every student's latest record: what is stored, replaced by what only memory holds (a save
/// that did not fit, the signed-in student's screen), plus the raw text of damaged copies.
/// No teacher data: this is what a student may take away.
fn students_now() -> (Vec<Record>, std::collections::BTreeMap<String, String>) {
    let mut records: std::collections::BTreeMap<String, Record> = stored::stored_ids()
        .into_iter()
        .filter_map(|id| stored::read_profile(&id).ok().flatten().map(|r| (id, r)))
        .collect();
    UNSAVED.with(|u| {
        for (id, r) in u.borrow().iter() {
            records.insert(id.clone(), r.clone());
        }
    });
    if let Some(ctx) = use_context::<ProgressCtx>() {
        let current = ctx.0.get_untracked();
        if !current.student.id.is_empty() {
            records.insert(current.student.id.clone(), current);
        }
    }
    let damaged = platform::app_entries()
        .into_iter()
        .filter(|(k, _)| {
            k.starts_with("dvclab.backup.profile") || k.starts_with("dvclab.backup.profiles")
        })
        .collect();
    (records.into_values().collect(), damaged)
}

/// The storage notice's rescue file: every student on this browser as a sealed progress file
/// (so it imports on any browser like any progress file), holding what memory holds too.
pub fn rescue_file() -> (String, String) {
    let (records, damaged) = students_now();
    let text = crate::transfer::rescue(&records, damaged, &platform::now().to_rfc3339());
    let name = format!(
        "dvc-lab-tien-do-{}.json",
        platform::now().format("%Y-%m-%d-%H%M")
    );
    (name, text)
}

/// Reads a progress file (a student's own, or a few profiles) into this browser's profiles.
/// With `only` set, the file must belong to that student (importing on "My progress").
/// All or nothing: every profile is written, or none is (what was written is undone).
/// Signs the student in when the file holds exactly one profile without a PIN; a profile with a
/// PIN waits for its PIN in the picker ([`ImportReport::needs_pin`]).
///
/// `max` is how many profiles the file may hold: [`STUDENT_FILE_MAX`] on the student side;
/// the teacher area restores a whole PC's rescue file with a larger one.
pub fn import_progress(
    text: &str,
    only: Option<&str>,
    max: usize,
) -> Result<ImportReport, ImportFailure> {
    let file = crate::transfer::import(text).map_err(ImportFailure::File)?;
    if file.records.len() > max {
        return Err(ImportFailure::WholePc(file.records.len()));
    }
    if let Some(id) = only
        && (file.records.len() != 1 || file.records[0].student.id != id)
    {
        let name = file
            .records
            .first()
            .map(|r| r.student.name.clone())
            .unwrap_or_default();
        return Err(ImportFailure::NotYours(name));
    }
    let (records, mut report) =
        crate::transfer::merge_into(&file.records, |id| stored::read_profile(id).ok().flatten());
    write_all(&records).map_err(ImportFailure::Storage)?;
    let p = use_profiles();
    for record in records {
        p.index.update(|i| i.reconcile_one(&record.student));
        let current = p.index.with_untracked(|i| i.current.clone());
        if current.as_deref() == Some(record.student.id.as_str()) {
            progress_signal().set(record);
        }
    }
    save_index();
    if let [one] = file.records.as_slice() {
        let id = one.student.id.clone();
        let signed_in = p.index.with_untracked(|i| i.current.clone());
        let has_pin = p
            .index
            .with_untracked(|i| i.get(&id).is_some_and(|s| s.pin.is_some()));
        if signed_in.as_deref() != Some(id.as_str()) {
            if has_pin {
                report.needs_pin = Some(id);
            } else {
                sign_in(&id);
            }
        }
    }
    Ok(report)
}

/// Writes every record, or none: when one write fails (storage full), the ones already written
/// get their earlier text back (or are removed), so the browser is exactly as before.
fn write_all(records: &[Record]) -> Result<(), StorageError> {
    let mut written: Vec<(Key, Option<String>)> = Vec::with_capacity(records.len());
    for r in records {
        let key = Key::Profile(r.student.id.clone());
        let before = platform::read_raw(&key);
        match platform::save(&key, r) {
            // In memory-only mode the write is kept in memory: nothing to undo.
            Ok(()) | Err(StorageError::Unavailable) => written.push((key, before)),
            Err(e) => {
                for (key, before) in written.into_iter().rev() {
                    match before {
                        Some(text) => {
                            let _ = platform::write_raw(&key, &text);
                        }
                        None => platform::remove(&key),
                    }
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// The signed-in student's own file, ready to download.
pub fn student_file() -> Option<(String, String)> {
    let record = use_progress().get_untracked();
    if record.student.id.is_empty() {
        return None;
    }
    let text = crate::transfer::export(
        Kind::Student,
        "",
        &platform::now().to_rfc3339(),
        std::slice::from_ref(&record),
    );
    let name = format!(
        "dvc-lab-{}-{}.json",
        crate::text::loose(&record.student.name).replace(' ', "-"),
        platform::now().format("%Y-%m-%d")
    );
    Some((name, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform;
    use crate::progress::Record;
    use crate::state::test_support::{store, student};

    #[test]
    fn an_import_that_does_not_fit_leaves_the_browser_exactly_as_before() {
        let mut linh = Record::new();
        linh.student = student("aa", "Nguyễn Thị Linh");
        linh.open_lesson("vneid", 1_795_000_000);
        store(&linh);
        let before = platform::app_entries();
        // Linh's record grows, then two new profiles: the third write does not fit.
        let mut grown = linh.clone();
        grown.open_lesson("dvcqg", 1_795_000_100);
        let mut an = Record::new();
        an.student = student("bb", "Trần Văn An");
        let mut binh = Record::new();
        binh.student = student("cc", "Lê Thị Bình");
        binh.student.name = "B".repeat(50);
        let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
        platform::set_memory_quota(Some(used + 180));
        let result = write_all(&[grown, an, binh]);
        platform::set_memory_quota(None);
        assert_eq!(result, Err(StorageError::QuotaExceeded));
        assert_eq!(platform::app_entries(), before, "every write undone");
    }
}
