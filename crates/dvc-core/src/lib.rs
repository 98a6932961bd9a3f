//! The std-only core of DVC Lab, shared by the app and its `build.rs`: the lesson file format and
//! the whole-course checks ([`content`]), and the walkthrough scenario model, parser, rules and
//! checker ([`walkthrough`]). The build runs exactly this code on every file in `lessons/` before
//! the app is compiled; the app parses the same files with it at run time.
//!
//! No dependency beyond `std`, so the build script stays cheap and no parser crate ships in the
//! wasm. The walkthrough half uses the content half (its front matter, [`content::syntax::Lang`],
//! [`content::syntax::ContentError`]), never the other way round.

pub mod content;
pub mod walkthrough;
