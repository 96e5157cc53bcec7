//! Delivering reports: output files written atomically, and e-mail to the client's recipients
//! (composed from brand templates, sent over SMTP exactly once per the ledger).

pub mod email;
pub mod send;
pub mod smtp;
