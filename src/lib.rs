//! execreport: white-label executive reports for digital-marketing agencies.
//!
//! The pipeline, one module per stage: [`config`] → [`sources`] → [`metrics`] → [`analysis`]
//! → [`report`] → render → [`deliver`].

pub mod analysis;
pub mod batch;
pub mod charts;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod deliver;
pub mod locale;
pub mod metrics;
pub mod period;
pub mod preview;
pub mod render;
pub mod report;
pub mod sources;

/// mimalloc instead of the system allocator for every program built on this library: a PDF
/// is written through printpdf and lopdf as hundreds of small allocations per page.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
