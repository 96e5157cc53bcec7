//! `execreport check`: every problem in the workspace and its data, without rendering.

use std::process::ExitCode;

use crate::config::Workspace;
use crate::config::schema::OnBadRow;
use crate::metrics::dataset::Dataset;
use crate::sources;

/// Bad rows listed per file before the rest is summed up.
const ROWS_LISTED: usize = 20;

pub fn run(ws: &Workspace) -> ExitCode {
    let mut problems = 0usize;
    let mut warnings = 0usize;
    let mut source_count = 0usize;
    for client in ws.clients() {
        let id = client.config.id.as_str();
        let mut data = Dataset::default();
        for source in &client.config.sources {
            source_count += 1;
            // Read with skipping on, so one run lists every bad row rather than the first.
            let mut lenient = source.clone();
            lenient.on_bad_row = OnBadRow::Skip;
            match sources::load(&ws.root, &lenient, &ws.catalog) {
                Ok(loaded) => {
                    let bad = loaded.skipped.len();
                    if bad > 0 {
                        let strict = source.on_bad_row == OnBadRow::Error;
                        let word = if strict { "error" } else { "warning" };
                        for row in loaded.skipped.iter().take(ROWS_LISTED) {
                            eprintln!("{word}: client {id}: {}:{row}", loaded.file.display());
                        }
                        if bad > ROWS_LISTED {
                            eprintln!(
                                "{word}: client {id}: {}: {} more bad rows",
                                loaded.file.display(),
                                bad - ROWS_LISTED
                            );
                        }
                        if strict {
                            problems += bad;
                        } else {
                            eprintln!(
                                "warning: client {id}: source {}: {bad} rows will be skipped (on_bad_row: skip)",
                                source.id
                            );
                            warnings += 1;
                        }
                    }
                    for (metric, series) in loaded.metrics {
                        if let Err(message) = data.insert(metric, series) {
                            eprintln!("error: client {id}: {message}");
                            problems += 1;
                        }
                    }
                }
                Err(e) => {
                    let word = if source.required { "error" } else { "warning" };
                    eprintln!("{word}: client {id}: source {}: {e}", source.id);
                    if source.required {
                        problems += 1;
                    } else {
                        warnings += 1;
                    }
                }
            }
        }
    }
    // Every brand in use: its file, colours, logo, fonts and templates.
    let mut brands: Vec<&str> = ws.clients().map(|c| c.brand).collect();
    brands.sort_unstable();
    brands.dedup();
    for id in &brands {
        if let Err(message) = crate::render::load_kit(ws, id) {
            eprintln!("error: brand {id}: {message}");
            problems += 1;
        }
    }
    let clients = ws.file.clients.len();
    if problems == 0 {
        println!(
            "{}: ok ({clients} clients, {source_count} sources, {} brands{})",
            ws.path.display(),
            brands.len(),
            if warnings > 0 {
                format!(", {warnings} warnings")
            } else {
                String::new()
            }
        );
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{}: {problems} problems in {clients} clients",
            ws.path.display()
        );
        ExitCode::FAILURE
    }
}
