//! `execreport sources test [--client ID]`: each live source's credentials and permissions,
//! tried with a one-day request.

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::SourcesTestArgs;
use execreport::session::Session;
use execreport::sources::live::health::{self, Health};

pub fn test(session: &Session, args: &SourcesTestArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let now = args.now.unwrap_or_else(chrono::Utc::now);
    let clients: Vec<_> = ws
        .clients()
        .filter(|c| {
            args.client
                .as_deref()
                .is_none_or(|id| c.config.id.as_str() == id)
        })
        .collect();
    if clients.is_empty()
        && let Some(id) = &args.client
    {
        bail!("unknown client {id:?} in {}", ws.path.display());
    }
    let mut attention = 0;
    let mut tried = 0;
    for client in &clients {
        for source in client.config.sources.iter().filter(|s| s.kind.is_live()) {
            tried += 1;
            let checked = health::check(ws, &session.fetcher, client, source, now);
            attention += usize::from(checked.health != Health::Ok);
            println!(
                "{}  {}  {:<14}  {}",
                client.config.id,
                source.id.as_str(),
                checked.health,
                checked.detail
            );
        }
    }
    if tried == 0 {
        println!("no live source to test");
    }
    Ok(if attention > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
