//! execreport: white-label executive reports for digital-marketing agencies.
//!
//! The pipeline, one module per stage: [`config`] → [`sources`] → [`metrics`] → [`analysis`]
//! → [`report`] → render → [`deliver`].

pub mod analysis;
pub mod batch;
pub mod charts;
pub mod config;
pub mod deliver;
pub mod files;
pub mod format;
#[cfg(test)]
mod layers;
pub mod ledger;
pub mod locale;
pub mod metrics;
pub mod model;
pub mod period;
pub mod preview;
pub mod render;
pub mod report;
pub mod session;
pub mod sources;

/// An error and its causes as one line, the way `anyhow` shows them with `{:#}`: for errors
/// kept as text (the ledger, the preview's pages).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}

/// The message of a caught panic (`panic!` with a literal or a formatted string).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}
