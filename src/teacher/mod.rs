//! The teacher's side, browser-free: class lists (rosters), combining exported progress from
//! many PCs, class and school coverage against the 80% (2026) and 100% (2030) targets, and
//! the exports (CSV for Excel, xAPI statements for a Learning Record Store).

pub mod class;
pub mod csv;
pub mod identity;
pub mod roster;
pub mod xapi;
pub mod xlsx;
