//! `execreport init [DIR]`: a new workspace from a few answers, asked on a terminal or given
//! as flags (as `zola init` and `mdbook init` do).

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use crate::cli::InitArgs;
use execreport::config::starter::{self, Starter};

/// One question: its flag, its prompt, its default and its check.
struct Question<'a, T> {
    flag: &'static str,
    prompt: &'static str,
    default: &'static str,
    given: &'a Option<T>,
    check: fn(&str) -> Result<T, String>,
}

pub fn run(args: &InitArgs) -> Result<ExitCode> {
    let dir = args.dir.clone().unwrap_or_else(|| ".".into());
    let workspace = dir.join("execreport.yaml");
    if workspace.exists() {
        bail!(
            "{} exists: init does not overwrite a workspace (edit it, or run init in another folder)",
            workspace.display()
        );
    }
    let interactive = std::io::stdin().is_terminal();
    let missing: Vec<&str> = [
        ("--agency", args.agency.is_none()),
        ("--locale", args.locale.is_none()),
        ("--time-zone", args.time_zone.is_none()),
        ("--currency", args.currency.is_none()),
        ("--client", args.client.is_none()),
    ]
    .into_iter()
    .filter_map(|(flag, absent)| absent.then_some(flag))
    .collect();
    if !args.yes && !interactive && !missing.is_empty() {
        bail!(
            "init asks questions on a terminal, and standard input is not one: give {} \
             (and --primary-color, --accent-color if you like), or --yes to take the defaults \
             for what is not given",
            missing.join(", ")
        );
    }
    let mut asker = Asker {
        yes: args.yes,
        input: std::io::stdin().lock(),
    };
    let starter = Starter {
        agency: asker.ask(Question {
            flag: "--agency",
            prompt: "Agency name",
            default: "My Agency",
            given: &args.agency,
            check: |s| starter::display_name(s, "agency name"),
        })?,
        locale: asker.ask(Question {
            flag: "--locale",
            prompt: "Locale of the reports (en-US, de-DE, ja-JP, th-TH, ar-AE, ...)",
            default: "en-US",
            given: &args.locale,
            check: starter::shipped_locale,
        })?,
        time_zone: asker.ask(Question {
            flag: "--time-zone",
            prompt: "Time zone (IANA name, e.g. Europe/Rome)",
            default: "UTC",
            given: &args.time_zone,
            check: starter::iana_time_zone,
        })?,
        currency: asker.ask(Question {
            flag: "--currency",
            prompt: "Currency (ISO 4217 code)",
            default: "USD",
            given: &args.currency,
            check: starter::iso_currency,
        })?,
        client: asker.ask(Question {
            flag: "--client",
            prompt: "First client's name",
            default: "First Client",
            given: &args.client,
            check: |s| starter::display_name(s, "client name"),
        })?,
        primary: asker.ask(Question {
            flag: "--primary-color",
            prompt: "Brand colour",
            default: "#1f4e79",
            given: &args.primary_color,
            check: starter::brand_color,
        })?,
        accent: asker.ask(Question {
            flag: "--accent-color",
            prompt: "Accent colour",
            default: "#e59a2f",
            given: &args.accent_color,
            check: starter::brand_color,
        })?,
    };
    drop(asker);
    write(&dir, &starter)?;
    let cd = if dir == Path::new(".") {
        String::new()
    } else {
        format!("  cd {}\n", dir.display())
    };
    println!(
        "\nNext:\n{cd}  execreport check\n  execreport render --period last-month\n\
         Fill the CSV files under data/{client}/ (one row per day); until then a report says \
         that no data is available yet and render exits with 6.",
        client = starter.client_id()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the starter's files under `dir`; files that exist are kept (the workspace file was
/// checked not to), `.gitignore` gets the lines it lacks.
fn write(dir: &Path, starter: &Starter) -> Result<()> {
    let mut files = starter.files();
    // The workspace file last: a folder with one is a workspace, so it must be complete.
    files.rotate_left(1);
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match created {
            Ok(mut f) => {
                f.write_all(file.text.as_bytes())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                println!("created {}", path.display());
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if file.path == Path::new("execreport.yaml") {
                    bail!(
                        "{} appeared while init ran; not overwritten",
                        path.display()
                    );
                }
                println!("kept    {} (it exists)", path.display());
            }
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
    }
    let ignore = dir.join(".gitignore");
    let existing = match std::fs::read_to_string(&ignore) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", ignore.display())),
    };
    if let Some(text) = starter::gitignore(existing.as_deref(), starter::IGNORED) {
        execreport::files::write_atomic(&ignore, text.as_bytes())
            .with_context(|| format!("cannot write {}", ignore.display()))?;
        let verb = if existing.is_some() {
            "updated"
        } else {
            "created"
        };
        println!("{verb} {}", ignore.display());
    }
    Ok(())
}

/// Answers from flags, defaults (`--yes`) or the terminal.
struct Asker<R> {
    yes: bool,
    input: R,
}

impl<R: BufRead> Asker<R> {
    fn ask<T: Clone>(&mut self, q: Question<'_, T>) -> Result<T> {
        if let Some(value) = q.given {
            return Ok(value.clone());
        }
        if self.yes {
            return (q.check)(q.default)
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("the default of {}", q.flag));
        }
        loop {
            eprint!("{} [{}]: ", q.prompt, q.default);
            std::io::stderr().flush().ok();
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                bail!("no answer for {} (end of input)", q.flag);
            }
            let answer = line.trim();
            let answer = if answer.is_empty() { q.default } else { answer };
            match (q.check)(answer) {
                Ok(value) => return Ok(value),
                Err(e) => eprintln!("  {e}"),
            }
        }
    }
}
