//! The profile reading and writing the first download can do without: these functions are a
//! `wasm_split` split point (the `saved` chunk), so their JSON code is not in the main module.
//! `main` loads the chunk before mounting only when [`super::something_saved`] says there is
//! something to read; a first visit shows the home page without it, and the background
//! preparation fetches it for the first sign-in. Page chunks that save progress call the
//! synchronous functions of [`super`] directly. See ARCHITECTURE.md "Code splitting".
//!
//! With the `web-test` feature (tests/web.rs only, whose runner has no chunk loader) the same
//! functions are plain async functions: [`saved_fn!`] writes each one both ways.

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

/// One function of the `saved` chunk: a `wasm_split` split point (`$split` are its options),
/// or with the `web-test` feature a plain `async fn` with the same signature and body.
macro_rules! saved_fn {
    (
        [$($split:tt)*]
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block
    ) => {
        #[cfg(not(feature = "web-test"))]
        $(#[$meta])*
        #[leptos::wasm_split::wasm_split($($split)*)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(feature = "web-test")]
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}

/// Loads the `saved` chunk ahead of its first use (with `web-test`: nothing to load).
#[cfg(feature = "web-test")]
pub async fn preload_saved() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    Ok(())
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

saved_fn! {
    [saved, wasm_split_path = ::leptos::wasm_split, preload(preload_saved), fallible]
    /// Reads the index and every profile (see [`super::load_all`]).
    pub fn read_stored() -> Result<Stored, NotLoaded> {
        let (index, records, damaged) = load_all();
        Ok(Stored {
            index,
            records,
            damaged,
        })
    }
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

saved_fn! {
    [saved, wasm_split_path = ::leptos::wasm_split, fallible]
    /// Reads the index and every profile again (see [`super::load_all`]) and compares them with
    /// what this tab shows.
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
}

saved_fn! {
    [saved, wasm_split_path = ::leptos::wasm_split, fallible]
    /// Writes the profile index.
    pub fn write_index(index: Index) -> Result<Result<(), StorageError>, NotLoaded> {
        Ok(platform::save(&Key::ProfileIndex, &index))
    }
}

saved_fn! {
    [saved, wasm_split_path = ::leptos::wasm_split, fallible]
    /// When the stored index says a student was last active (another tab writes it too).
    pub fn stored_activity() -> Result<Option<i64>, NotLoaded> {
        Ok(platform::load::<Index>(&Key::ProfileIndex)
            .ok()
            .flatten()
            .map(|i| i.active))
    }
}

saved_fn! {
    [saved, wasm_split_path = ::leptos::wasm_split, fallible]
    /// Downloads every student's progress on this browser as one progress file, with what only
    /// memory holds (the storage notice's button; see [`super::rescue_file`]). The teacher's
    /// imported data is not in it: a student may press this button.
    pub fn export_everything() -> Result<Result<(), String>, NotLoaded> {
        let (name, text) = super::rescue_file();
        Ok(platform::download(&name, "application/json", &text))
    }
}
