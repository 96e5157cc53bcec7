//! The integration tests, one binary with a module per area (as mdBook's and ripgrep's test
//! suites are): each `tests/*.rs` used to be its own binary linking the whole library.
//! Run one area with `cargo test --test suite pdf::`.

mod common;

mod ads_connectors;
mod batch;
mod charts;
mod config_errors;
mod connect;
mod deploy;
mod email;
mod english_leaks;
mod goals;
mod groups;
mod html;
mod init;
mod live;
mod locales;
mod more_connectors;
mod one_pager;
mod overview;
mod paper;
mod pdf;
mod phone;
mod phrasing;
mod pipeline;
mod platforms;
mod precision;
mod preview;
mod publish;
mod quota;
mod robustness;
mod rtl;
mod samples;
mod shared_ledger;
mod sources_health;
mod storage;
mod summary;
mod svg_logo;
mod tagged;
mod text_layer;
mod trends;
mod trust;
mod weekly;
