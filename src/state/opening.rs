//! The frame's "Đang mở trang…" count: how many lazily loaded pages are being opened. Provided
//! by the app root, read by the frame (`components::layout`), counted by the lazy routes. Its
//! own home so the frame does not reach up into `app`.

use leptos::prelude::*;

/// How many lazily loaded pages are being opened right now; the frame shows "Đang mở trang…"
/// while it is not zero (after a short delay, so a page that is already here never flashes it).
#[derive(Clone, Copy, Debug)]
pub struct Opening(pub RwSignal<u32>);

thread_local! {
    /// The app's [`Opening`] count, for the lazy routes (their futures run outside the
    /// component tree, where a context lookup finds nothing).
    static OPENING: std::cell::Cell<Option<RwSignal<u32>>> = const { std::cell::Cell::new(None) };
}

/// Counts one page as being opened for as long as it lives (also when its download fails).
pub struct Counted(Option<RwSignal<u32>>);

impl Counted {
    /// Starts counting (a no-op before [`track`]).
    pub fn start() -> Self {
        let count = OPENING.get();
        if let Some(c) = count {
            c.update(|n| *n += 1);
        }
        Counted(count)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        if let Some(c) = self.0 {
            c.try_update(|n| *n = n.saturating_sub(1));
        }
    }
}

/// Makes `opening` the count the lazy routes add to (called once by the app root).
pub fn track(opening: Opening) {
    OPENING.set(Some(opening.0));
}
