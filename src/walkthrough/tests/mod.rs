//! Native tests of the walkthrough engine: a small scenario, and every embedded scenario file
//! played in both modes. (The rules and the broken-file checks are tested in `dvc-core`.)

mod engine;
mod play;
mod scenarios;
