//! One module per command; each exposes `run`, returning the process exit status.

pub mod approve;
pub mod batch;
pub mod check;
pub mod preview;
pub mod render;
pub mod status;

use std::process::ExitCode;

/// Exit status when some reports failed and the others were written.
pub const EXIT_PARTIAL: u8 = 3;

/// Exit status when every report was written but some lack a source that failed (a
/// `required: false` source; the report shows "data unavailable").
pub const EXIT_DEGRADED: u8 = 4;

/// Exit status when another batch holds the workspace's lock.
pub const EXIT_BUSY: u8 = 5;

/// Exit status when reports lack data: no data at all for the period (`render`), or (`batch`)
/// reports not sent for their data — waiting for it, without any, held or skipped.
pub const EXIT_NO_DATA: u8 = 6;

/// 0 when nothing failed, [`EXIT_PARTIAL`] when reports failed, else [`EXIT_DEGRADED`] when
/// reports were written without a source that failed, else [`EXIT_NO_DATA`] when reports
/// lack data.
pub fn exit_for(failures: usize, degraded: usize, lacking_data: usize) -> ExitCode {
    if failures > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else if degraded > 0 {
        ExitCode::from(EXIT_DEGRADED)
    } else if lacking_data > 0 {
        ExitCode::from(EXIT_NO_DATA)
    } else {
        ExitCode::SUCCESS
    }
}
