//! One module per command; each exposes `run`, returning the process exit status.

pub mod check;
pub mod render;

use std::process::ExitCode;

/// Exit status when some reports failed and the others were written.
pub const EXIT_PARTIAL: u8 = 3;

/// 0 when nothing failed, [`EXIT_PARTIAL`] otherwise.
pub fn exit_for(failures: usize) -> ExitCode {
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_PARTIAL)
    }
}
