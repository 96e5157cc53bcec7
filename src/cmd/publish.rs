//! `execreport publish`: the clients' report site, written from the ledger (`--rotate` gives a
//! client a new secret link first).

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::PublishArgs;
use execreport::publish::{self, Published, Site};
use execreport::render::Brands;
use execreport::session::Session;

pub fn run(session: &Session, args: &PublishArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let ledger = super::batch::open_ledger(ws, session.fetcher.redactor())?;
    let outputs = super::open_store(session, args.out.as_deref())?;
    let site = super::open_site(session, args.site.as_deref())?;
    let brands = Brands::default();
    let now = chrono::Utc::now();
    let done = match &args.rotate {
        Some(client) => publish::rotate(ws, &ledger, &outputs, &site, &brands, client, now),
        None => publish::publish(ws, &ledger, &outputs, &site, &brands, now),
    }
    .map_err(|e| anyhow::anyhow!(session.redact(&e.to_string())))?;
    print(session, &site, &done, args.json, args.rotate.as_deref())
}

/// The summary for the agency (stdout) and what was left out (stderr); exit 3 when something
/// was left out.
pub fn print(
    session: &Session,
    site: &Site,
    done: &Published,
    json: bool,
    rotated: Option<&str>,
) -> Result<ExitCode> {
    for p in &done.problems {
        eprintln!("publish: {}", session.redact(p));
    }
    if json {
        println!("{}", serde_json::to_string_pretty(done)?);
    } else {
        println!(
            "publish: {} clients, {} reports — {} files written, {} unchanged, {} removed; site {}",
            done.clients,
            done.reports,
            done.written,
            done.unchanged,
            done.removed,
            site.store.root()
        );
        // The agency's list of links to hand out (the site itself lists no clients).
        for (client, rel) in &done.indexes {
            let at = site
                .url(rel)
                .unwrap_or_else(|| site.store.location_of(&format!("{rel}index.html")));
            let new = if rotated == Some(client.as_str()) {
                " (new link)"
            } else {
                ""
            };
            println!("  {client}: {at}{new}");
        }
    }
    Ok(if done.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_PARTIAL)
    })
}
