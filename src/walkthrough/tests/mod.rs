//! Native tests of the walkthrough core: the rules, the engine on a small scenario, every
//! embedded scenario file played in both modes, and broken files.

mod broken;
mod engine;
mod play;
mod rules;
mod scenarios;
