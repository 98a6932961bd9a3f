//! Native tests of the walkthrough checker: the rules against the real formats, and broken
//! scenario files refused with file, line and reason.

mod broken;
mod rules;
