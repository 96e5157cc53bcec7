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

/// 0 when nothing failed, [`EXIT_PARTIAL`] when reports failed, else [`EXIT_DEGRADED`] when
/// reports were written without some of their data.
pub fn exit_for(failures: usize, degraded: usize) -> ExitCode {
    if failures > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else if degraded > 0 {
        ExitCode::from(EXIT_DEGRADED)
    } else {
        ExitCode::SUCCESS
    }
}
