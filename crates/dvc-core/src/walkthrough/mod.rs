//! Walkthrough scenarios as data, and their build-time checks (format in
//! `lessons/walkthroughs/README.md`). The engine that plays them for a student is the app's
//! (`dvc_lab::walkthrough::engine`).
//!
//! - [`scenario`]: the types; [`logic`]: the pure logic shared by the engine and the checker;
//! - [`parse`] and [`lines`]: the file format; [`verify`] and [`playthrough`]: its checks;
//! - [`rules`] and [`formats`]: the validation rules (ID number, phone, password, passcode,
//!   dates, dossier code …);
//! - [`messages`]: the portal's own messages in both languages.

pub mod formats;
pub mod lines;
pub mod logic;
pub mod messages;
pub mod parse;
pub mod playthrough;
pub mod rules;
pub mod scenario;
pub mod verify;

#[cfg(test)]
mod tests;

pub use verify::check_scenarios;
