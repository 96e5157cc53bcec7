//! `execreport preview`: see `execreport::preview`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::PreviewArgs;
use execreport::preview::{Options, serve};

pub fn run(config: &Path, args: &PreviewArgs) -> Result<ExitCode> {
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines can read every client's report",
            args.bind
        );
    }
    serve(Options {
        config: config.to_path_buf(),
        bind: args.bind,
        port: args.port,
        open: args.open,
        start: args.client.as_ref().map(|c| format!("{c}/{}", args.period)),
        brand: args.brand.clone(),
    })?;
    Ok(ExitCode::SUCCESS)
}
