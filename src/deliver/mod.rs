//! Delivering reports: output files now; e-mail and the delivery ledger later.

pub mod output;
