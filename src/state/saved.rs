//! The profile reading and writing the first download can do without: these functions are a
//! `wasm_split` split point (the `saved` chunk), so their JSON code is not in the main module.
//! `main` loads the chunk before mounting only when [`super::something_saved`] says there is
//! something to read; a first visit shows the home page without it, and the background
//! preparation fetches it for the first sign-in. Page chunks that save progress call the
//! synchronous functions of [`super`] directly. See ARCHITECTURE.md "Code splitting".

use super::{Index, Key, Record, StorageError, platform, stored::load_all};

/// The `saved` chunk did not download (offline before the app was ever fully loaded, or the
/// server is missing a file). Nothing is read or written then, so nothing saved is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What start-up found on this browser.
#[derive(Debug, Default)]
pub struct Stored {
    /// The profile index (repaired if it was damaged).
    pub index: Index,
    /// Every stored profile, migrated to the current format.
    pub records: Vec<Record>,
    /// What was found damaged, and whether it could be set aside.
    pub damaged: super::Damage,
}

/// Reads the index and every profile (see [`super::stored::load_all`]).
#[leptos::wasm_split::wasm_split(
    saved,
    wasm_split_path = ::leptos::wasm_split,
    preload(preload_saved),
    fallible
)]
pub fn read_stored() -> Result<Stored, NotLoaded> {
    let (index, records, damaged) = load_all();
    Ok(Stored {
        index,
        records,
        damaged,
    })
}

/// What another tab saved that this tab does not show yet: each part only when it differs.
#[derive(Debug, Default)]
pub struct Changes {
    /// The stored index, when it is not the one shown.
    pub index: Option<Index>,
    /// The signed-in student's stored record (an empty one when nobody is signed in), when it
    /// is not the one shown.
    pub progress: Option<Record>,
}

/// Reads the index and every profile again (see [`super::stored::load_all`]) and compares them with
/// what this tab shows.
#[leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn other_tab_changes(shown_index: Index, shown: Record) -> Result<Changes, NotLoaded> {
    let (index, records, _) = load_all();
    let current = index
        .current
        .as_ref()
        .and_then(|id| records.into_iter().find(|r| r.student.id == *id))
        .unwrap_or_default();
    Ok(Changes {
        progress: (current != shown).then_some(current),
        index: (index != shown_index).then_some(index),
    })
}

/// Writes the profile index.
#[leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn write_index(index: Index) -> Result<Result<(), StorageError>, NotLoaded> {
    Ok(platform::save(&Key::ProfileIndex, &index))
}

/// When the stored index says a student was last active (another tab writes it too).
#[leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn stored_activity() -> Result<Option<i64>, NotLoaded> {
    Ok(platform::load::<Index>(&Key::ProfileIndex)
        .ok()
        .flatten()
        .map(|i| i.active))
}

/// Downloads every student's progress on this browser as one progress file, with what only
/// memory holds (the storage notice's button; see [`super::rescue_file`]). The teacher's
/// imported data is not in it: a student may press this button.
#[leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn export_everything() -> Result<Result<(), String>, NotLoaded> {
    let (name, text) = super::rescue_file();
    Ok(platform::download(&name, "application/json", &text))
}
