//! Reusable UI pieces. Components only wire signals to the domain core.

pub mod files;
pub mod layout;
pub mod quiz;
pub mod review;
pub mod rich;
pub mod sim;
pub mod survey;
