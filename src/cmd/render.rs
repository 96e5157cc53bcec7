//! `execreport render`: build the report model for clients and a period and write it as
//! JSON and HTML.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};

use crate::cli::RenderArgs;
use execreport::config::Client;
use execreport::files::{report_dir, write_atomic};
use execreport::model::{DataStatus, SourceStatus};
use execreport::render::{Brands, Format, render_formats};
use execreport::report::{self, ReportRequest};
use execreport::session::Session;

pub fn run(session: &Session, args: &RenderArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let clients: Vec<_> = if args.clients.is_empty() {
        ws.clients().collect()
    } else {
        let mut picked = Vec::new();
        for id in &args.clients {
            match ws.client(id) {
                Some(c) => picked.push(c),
                None => {
                    let known: Vec<_> = ws.clients().map(|c| c.config.id.to_string()).collect();
                    bail!(
                        "unknown client {id:?} in {}: expected one of {}",
                        ws.path.display(),
                        known.join(", ")
                    );
                }
            }
        }
        picked
    };
    let out = args.out.clone().unwrap_or_else(|| ws.output_dir());
    let spec = args.out.as_ref().unwrap_or(&ws.file.output);
    if execreport::storage::is_remote(spec) {
        bail!(
            "render writes to a folder; the output {} is a bucket (batch writes there): pass --out DIR",
            spec.display()
        );
    }
    let request = ReportRequest {
        period: args.period,
        compare: args.compare.into(),
        today: args.today,
        locale: args.locale.clone(),
        now: args.live.now,
        data: args.live.data_mode(),
    };
    let formats: Vec<Format> = args.format.iter().map(|&f| f.into()).collect();
    let mut brands = Brands::default();
    let mut failures = 0;
    let mut degraded = 0;
    let mut without_data = 0;
    for client in &clients {
        // A panic (a bug) fails this client's report only; the others are still written.
        let one = std::panic::AssertUnwindSafe(|| {
            render_one(session, client, &mut brands, &request, &out, &formats)
        });
        let outcome = std::panic::catch_unwind(one).unwrap_or_else(|panic| {
            brands = Brands::default();
            Err(anyhow!(
                "client {}: internal error (please report it): {}",
                client.config.id,
                execreport::panic_message(panic.as_ref())
            ))
        });
        match outcome {
            Ok(Written {
                files,
                unavailable,
                data,
                waiting_for,
            }) => {
                for path in files {
                    println!("wrote {}", path.display());
                }
                let id = &client.config.id;
                for (source, error) in &unavailable {
                    eprintln!(
                        "warning: client {id}: source {source} unavailable, the report says so: {error}"
                    );
                }
                match data {
                    DataStatus::NoData => eprintln!(
                        "warning: client {id}: no data for the period: the report says only that; a batch would not send it\n  {}",
                        waiting_for.join("\n  ")
                    ),
                    DataStatus::Incomplete => eprintln!(
                        "warning: client {id}: incomplete data (a batch holds such a report unless its schedule says otherwise):\n  {}",
                        waiting_for.join("\n  ")
                    ),
                    DataStatus::Complete => {}
                }
                degraded += usize::from(!unavailable.is_empty());
                without_data += usize::from(data == DataStatus::NoData);
            }
            Err(e) => {
                failures += 1;
                eprintln!("error: {e:#}");
            }
        }
    }
    if clients.len() > 1 {
        println!(
            "{} of {} reports written",
            clients.len() - failures,
            clients.len()
        );
    }
    Ok(super::exit_for(failures, degraded, without_data))
}

/// A source that failed for a report that was still written: (source id, error).
type Unavailable = (String, String);

/// What rendering one client wrote, and what its data lacked.
struct Written {
    files: Vec<PathBuf>,
    unavailable: Vec<Unavailable>,
    data: DataStatus,
    waiting_for: Vec<String>,
}

fn render_one(
    session: &Session,
    client: &Client,
    brands: &mut Brands,
    request: &ReportRequest,
    out: &Path,
    formats: &[Format],
) -> Result<Written> {
    let ws = &session.workspace;
    let id = client.config.id.as_str();
    let kit = brands
        .get(ws, client.brand)
        .map_err(|e| anyhow!("client {id}: brand {:?}:\n{e}", client.brand))?;
    let model = report::build(ws, &session.fetcher, client, &kit.brand, request)?;
    let dir = report_dir(out, &model.client.id, &model.period.key)?;
    let mut written = Vec::new();
    let rendered =
        render_formats(&model, &kit, ws, formats).with_context(|| format!("client {id}"))?;
    for (format, bytes) in rendered {
        let path = dir.join(format.file_name());
        write_atomic(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    let unavailable = model
        .data_quality
        .sources
        .iter()
        .filter(|s| s.status == SourceStatus::Failed)
        .map(|s| (s.id.clone(), s.error.clone().unwrap_or_default()))
        .collect();
    Ok(Written {
        files: written,
        unavailable,
        data: model.data_quality.status,
        waiting_for: model.data_quality.waiting_for.clone(),
    })
}
