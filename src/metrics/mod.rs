//! Metrics: the catalog of what can be measured, and a client's observations of it.

pub mod catalog;
pub mod dataset;
pub mod formula;
pub mod platform;
pub mod semantics;
