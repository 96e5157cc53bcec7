//! `execreport approve`: releases a rendered report that its schedule holds for approval.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::ApproveArgs;
use execreport::config::Workspace;

pub fn run(ws: &Workspace, args: &ApproveArgs) -> Result<ExitCode> {
    if ws.client(&args.client).is_none() {
        bail!("unknown client {:?}", args.client);
    }
    let ledger = super::batch::open_ledger(ws, &Default::default())?;
    if !ledger
        .approve(&args.client, &args.period, chrono::Utc::now())
        .map_err(anyhow::Error::msg)?
    {
        bail!(
            "no rendered report for client {} and period {} (see execreport status)",
            args.client,
            args.period
        );
    }
    println!("approved {} {}", args.client, args.period);
    Ok(ExitCode::SUCCESS)
}
