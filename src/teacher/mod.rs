//! The teacher's side, browser-free: class lists (rosters), combining exported progress from
//! many PCs, class and school coverage against the 80% (2026) and 100% (2030) targets,
//! the exports (`export`: CSV for Excel, xAPI statements for a Learning Record Store, the
//! school summary for the ward; `csv`, `xapi`: their formats), and what the
//! printed report adds (the school, each class against the targets in words, a page per class).

pub mod class;
pub mod csv;
pub mod export;
pub mod identity;
pub mod lrs;
pub mod print;
pub mod roster;
pub mod summary;
pub mod survey;
pub mod xapi;
pub mod xlsx;
