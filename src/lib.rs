//! DVC Lab — *Phòng thực hành Dịch vụ công trực tuyến*.
//!
//! Layers (see `ARCHITECTURE.md`):
//! - domain core, browser-free and tested natively: [`content`], [`quiz`], [`progress`],
//!   [`walkthrough`] (the formats, parsers and checks of lessons and walkthroughs are the
//!   std-only `dvc-core` crate's, shared with `build.rs`, and re-exported there);
//! - [`platform`]: storage, downloads, clock, document;
//! - UI: [`app`] (router and providers), [`pages`], [`components`], [`i18n`].

pub mod app;
pub mod components;
pub mod content;
pub mod dates;
pub mod i18n;
// The import-cycle check (native tests only).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod layers;
pub mod pages;
pub mod platform;
pub mod profile;
pub mod progress;
pub mod quiz;
pub mod routes;
pub mod sha256;
pub mod state;
pub mod teacher;
pub mod text;
pub mod transfer;
pub mod walkthrough;
pub mod ward;
