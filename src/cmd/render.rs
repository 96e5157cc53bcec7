//! `execreport render`: build the report model for clients and a period and write it.

use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::cli::{Format, RenderArgs};
use crate::config::Workspace;
use crate::deliver::output::{report_dir, write_atomic};
use crate::report::{self, ReportRequest};

pub fn run(ws: &Workspace, args: &RenderArgs) -> Result<ExitCode> {
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
    let request = ReportRequest {
        period: args.period,
        compare: args.compare,
        today: args.today,
    };
    let mut failures = 0;
    for client in &clients {
        match render_one(ws, client, &request, &out, &args.format) {
            Ok(written) => {
                for path in written {
                    println!("wrote {}", path.display());
                }
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
    Ok(super::exit_for(failures))
}

fn render_one(
    ws: &Workspace,
    client: &crate::config::Client,
    request: &ReportRequest,
    out: &std::path::Path,
    formats: &[Format],
) -> Result<Vec<std::path::PathBuf>> {
    let model = report::build(ws, client, request)?;
    let dir = report_dir(out, &model.client.id, &model.period.key)?;
    let mut written = Vec::new();
    for format in formats {
        let (name, bytes) = match format {
            Format::Json => ("report.json", serde_json::to_vec_pretty(&model)?),
        };
        let path = dir.join(name);
        write_atomic(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
