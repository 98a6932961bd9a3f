//! Signing in and out, making and deleting a profile, and the idle setting: the writes to the
//! profile index that the student picker and the teacher area make.

use super::{
    Key, Record, UNSAVED, platform, progress_signal, save_index, save_index_later, stored,
    use_profiles, warn,
};
use crate::profile::{Draft, Problems};
use leptos::prelude::*;

/// Signs a student in (the PIN, if any, is checked by the caller with [`Student::pin_ok`]).
pub fn sign_in(id: &str) {
    let p = use_profiles();
    let record = match UNSAVED.with(|u| u.borrow().get(id).cloned()) {
        Some(r) => r,
        None => match stored::read_profile(id) {
            Ok(Some(r)) => r,
            _ => return,
        },
    };
    progress_signal().set(record);
    p.index.update(|i| {
        i.current = Some(id.to_string());
        i.active = platform::now().timestamp();
    });
    save_index();
}

/// Signs the current student out (the profile stays). For page chunks: writes the index at
/// once.
pub fn sign_out() {
    forget_student();
    save_index();
}

/// [`sign_out`] for the frame's "Đổi người học" button: the index is written by the `saved`
/// chunk. (Page chunks must not call the `saved` split functions: the wasm test binary, which
/// is not split, would then import them and fail to load.)
pub fn sign_out_from_frame() {
    forget_student();
    save_index_later();
}

fn forget_student() {
    let p = use_profiles();
    p.index.update(|i| i.current = None);
    progress_signal().set(Record::new());
}

/// Creates a profile from the form and signs it in, or says what to fix.
pub fn create_profile(draft: &Draft) -> Result<(), Problems> {
    let p = use_profiles();
    let (mut student, pin) = p.people.with_untracked(|people| draft.validate(people))?;
    // From the browser's cryptographic generator: two students making a profile at the same
    // moment on two PCs never get the same id, and a salt is not guessable from the clock.
    student.id = crate::profile::new_id(platform::random_u64(), &student.name);
    student.pin = pin.map(|pin| crate::profile::protect_pin(&pin, platform::random_u64()));
    student.created = platform::now().timestamp();
    let mut record = Record::new();
    record.student = student.clone();
    if let Err(e) = platform::save(&Key::Profile(student.id.clone()), &record) {
        UNSAVED.with(|u| u.borrow_mut().insert(student.id.clone(), record.clone()));
        warn(e);
    }
    p.index.update(|i| {
        i.people.push(student.clone());
        i.school = student.school.clone();
        i.current = Some(student.id.clone());
        i.active = platform::now().timestamp();
    });
    progress_signal().set(record);
    save_index();
    Ok(())
}

/// Deletes a profile from this browser (teacher area), keeping a backup copy.
pub fn delete_profile(id: &str) {
    stored::set_aside(&Key::Profile(id.to_string()), &format!("deleted.{id}"));
    let p = use_profiles();
    if p.index.with_untracked(|i| i.current.as_deref() == Some(id)) {
        sign_out();
    }
    p.index.update(|i| i.people.retain(|s| s.id != id));
    save_index();
}

/// Sets the idle sign-out (teacher area); 0 turns it off.
pub fn set_idle_minutes(minutes: u32) {
    use_profiles()
        .index
        .update(|i| i.idle_min = minutes.min(240));
    save_index();
}
