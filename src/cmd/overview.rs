//! `execreport overview`: the agency's internal overview of a period, from the ledger and the
//! rendered reports, written under `_overview/` in the output store.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::OverviewArgs;
use execreport::format::Format;
use execreport::session::Session;

pub fn run(session: &Session, args: &OverviewArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let now = args.now.unwrap_or_else(chrono::Utc::now);
    let ledger = super::batch::open_ledger(ws, session.fetcher.redactor())?;
    let store = super::open_store(session, args.out.as_deref())?;
    let formats: Vec<Format> = args.formats.iter().map(|&f| f.into()).collect();
    let brands = execreport::render::Brands::default();
    let done = execreport::overview::write(
        ws,
        &ledger,
        &store,
        &brands,
        args.agency.as_deref(),
        args.period,
        &formats,
        now,
    )
    .map_err(|e| anyhow::anyhow!(session.redact(&e.to_string())))?;
    for (_, written) in &done {
        eprintln!("{written}");
    }
    if args.json {
        let overviews: Vec<_> = done.iter().map(|(o, _)| o).collect();
        let out = match overviews.as_slice() {
            [one] => serde_json::to_string_pretty(one)?,
            all => serde_json::to_string_pretty(all)?,
        };
        println!("{out}");
    }
    Ok(ExitCode::SUCCESS)
}
