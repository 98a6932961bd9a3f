//! Activity, idle sign-out and other tabs: notes when the student last did something, signs the
//! last student out after the idle minutes, and follows what another tab saves.

use super::{
    Notice, NoticeCtx, ProfilesCtx, Record, UNREAD, platform, preload_saved, progress_signal,
    save_index, save_index_later, saved, use_profiles, write_index_later,
};
use crate::platform::Key;
use leptos::prelude::*;

thread_local! {
    static LAST_TOUCH: std::cell::Cell<i64> = const { std::cell::Cell::new(0) };
}

/// Notes that the student is active (a save from a page); writes at most every 30 seconds.
pub fn touch() {
    if note_activity() {
        save_index();
    }
}

/// [`touch`] for clicks and keys anywhere (the frame's listeners), written by the `saved` chunk.
fn touch_from_frame() {
    if note_activity() {
        save_index_later();
    }
}

/// Records activity in the index; true when it is time to write it (every 30 seconds at most).
fn note_activity() -> bool {
    let now = platform::now().timestamp();
    if now - LAST_TOUCH.get() < 30 {
        return false;
    }
    LAST_TOUCH.set(now);
    let p = use_profiles();
    if p.index.with_untracked(|i| i.current.is_none()) {
        return false;
    }
    p.index.update_untracked(|i| i.active = now);
    true
}

/// Re-reads everything another tab may have changed.
fn reload_from_storage(ctx: ProfilesCtx, progress: RwSignal<Record>) {
    if UNREAD.get() {
        return;
    }
    leptos::task::spawn_local(async move {
        // Shows what another tab saved, changing only what differs (compared in the `saved`
        // chunk: comparing whole records is not needed in the first download). What this tab
        // shows is taken once the chunk is here, so the comparison runs at once after it.
        let _ = preload_saved().await;
        let shown = (ctx.index.get_untracked(), progress.get_untracked());
        if let Ok(changes) = saved::other_tab_changes(shown.0, shown.1).await {
            if let Some(record) = changes.progress {
                progress.set(record);
            }
            if let Some(index) = changes.index {
                ctx.index.set(index);
            }
        }
    });
}

/// Follows another tab: a sign-in, a sign-out, progress or new profiles.
pub(super) fn watch_other_tabs() {
    let ctx = use_profiles();
    let progress = progress_signal();
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        let key = e.key().unwrap_or_default();
        if key.is_empty()
            || key == Key::ProfileIndex.name()
            || key.starts_with("dvclab.v1.profile.")
        {
            reload_from_storage(ctx, progress);
        }
    });
    on_cleanup(move || handle.remove());
}

/// Checks every 10 seconds whether the student has been idle too long, and listens for
/// activity.
pub(super) fn sign_out_when_idle() {
    let ctx = use_profiles();
    let progress = progress_signal();
    let notice = expect_context::<NoticeCtx>().0;
    let owner = Owner::current();
    let activity = move || {
        if let Some(o) = &owner {
            o.with(touch_from_frame);
        }
    };
    let a1 = activity.clone();
    let h1 = window_event_listener(leptos::ev::pointerdown, move |_| a1());
    let h2 = window_event_listener(leptos::ev::keydown, move |_| activity());
    let check = move |now: i64| {
        if ctx.index.with_untracked(|i| i.idle_expired(now)) {
            let minutes = ctx.index.with_untracked(|i| i.idle_min);
            ctx.index.update(|i| i.current = None);
            progress.set(Record::new());
            write_index_later(ctx.index, Some(NoticeCtx(notice)));
            notice.set(Some(Notice::IdleSignedOut(minutes)));
        }
    };
    let interval = set_interval_with_handle(
        move || {
            let now = platform::now().timestamp();
            if UNREAD.get() || ctx.index.with_untracked(|i| !i.idle_expired(now)) {
                return;
            }
            // Idle here, but another tab may have been active more recently.
            leptos::task::spawn_local(async move {
                if let Ok(Some(active)) = saved::stored_activity().await {
                    ctx.index
                        .update_untracked(|i| i.active = i.active.max(active));
                }
                check(now);
            });
        },
        std::time::Duration::from_secs(10),
    )
    .ok();
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        if let Some(i) = interval {
            i.clear();
        }
    });
}
