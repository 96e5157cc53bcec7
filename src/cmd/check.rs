//! `execreport check`: every problem in the workspace and its data, without rendering.

use std::process::ExitCode;

use execreport::config::Problem;
use execreport::config::schema::OnBadRow;
use execreport::metrics::dataset::Dataset;
use execreport::session::Session;
use execreport::sources;

/// Bad rows listed per file before the rest is summed up.
const ROWS_LISTED: usize = 20;

pub fn run(session: &Session) -> ExitCode {
    let ws = &session.workspace;
    let mut problems = 0usize;
    let mut warnings = 0usize;
    let mut source_count = 0usize;
    for problem in ws.all_client_problems() {
        eprintln!("error: {problem}");
        problems += 1;
    }
    for (c, client) in ws.clients().enumerate() {
        let id = client.config.id.as_str();
        let mut data = Dataset::default();
        for (s, source) in client.config.sources.iter().enumerate() {
            source_count += 1;
            // A failing source is an error when required, else a warning.
            let mut failed = |e: &dyn std::fmt::Display| {
                let word = if source.required { "error" } else { "warning" };
                eprintln!("{word}: client {id}: source {}: {e}", source.id);
                if source.required {
                    problems += 1;
                } else {
                    warnings += 1;
                }
            };
            if source.kind.is_live() {
                // Nothing is fetched here; the settings and secrets must be in place.
                if let Err(e) = sources::live::check(ws, session.fetcher.redactor(), source) {
                    failed(&format!(
                        "{e}; reports can only use data already in {}",
                        ws.cache_dir().display()
                    ));
                }
                continue;
            }
            if let Some(p) = source.path.as_ref().filter(|p| !ws.root.join(p).is_file()) {
                let word = if source.required { "error" } else { "warning" };
                // Where the source is written: the file setting has no position of its own.
                let problem = Problem::located(
                    &ws.path,
                    source.id.at,
                    format!("clients[{c}].sources[{s}].path"),
                    format!(
                        "client {id}: data file {} does not exist (paths are relative to the workspace file)",
                        ws.root.join(p).display()
                    ),
                );
                eprintln!("{word}: {problem}");
                if source.required {
                    problems += 1;
                } else {
                    warnings += 1;
                }
                continue;
            }
            // Read with skipping on, so one run lists every bad row rather than the first.
            let mut lenient = source.clone();
            lenient.on_bad_row = OnBadRow::Skip;
            match sources::load_file(&ws.root, &lenient, &ws.catalog) {
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
                Err(e) => failed(&e),
            }
        }
    }
    // Every brand in use: its file, colours, logo, fonts and templates.
    let mut brands: Vec<&str> = ws.clients().map(|c| c.brand).collect();
    brands.sort_unstable();
    brands.dedup();
    for id in &brands {
        if let Err(message) = execreport::render::load_kit(ws, id) {
            eprintln!("error: brand {id}: {message}");
            problems += 1;
        }
    }
    // Every character the client's language needs has a glyph in its brand's fonts.
    for client in ws.clients() {
        let Ok(kit) = execreport::render::load_kit(ws, client.brand) else {
            continue;
        };
        let locale = client
            .own_locale
            .or(kit.brand.file.locale.as_ref())
            .unwrap_or(&client.agency.locale);
        let buddhist = client.config.calendar.or(kit.brand.file.calendar)
            == Some(execreport::config::schema::Calendar::Buddhist);
        let sample =
            execreport::locale::sample_text(locale.as_str(), client.currency.as_str(), buddhist);
        let mut missing: Vec<char> = sample
            .chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !c.is_control()
                    && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}')
            })
            .filter(|c| !kit.pdf.fonts.covers(*c))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if !missing.is_empty() {
            let shown: String = missing.iter().take(12).collect();
            eprintln!(
                "error: client {}: brand {} has no font for {} characters of {locale} (e.g. {shown:?});\n  hint: add a font that covers them under `fonts: fallback:` in the brand's brand.yaml",
                client.config.id,
                client.brand,
                missing.len()
            );
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
