//! Command-line interface: global options and one subcommand per file in `cmd/`.

use std::path::PathBuf;

use crate::sources::live::DataMode;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::LocaleTag;
use crate::period::{CompareKind, PeriodSpec};

#[derive(Debug, Parser)]
#[command(
    name = "execreport",
    version,
    about = "White-label executive reports for marketing agencies"
)]
#[command(
    after_help = "Exit codes: 0 success, 1 error (bad configuration, bad input), \
2 wrong command-line usage, 3 some reports failed while others were written."
)]
pub struct Cli {
    /// The workspace file; default: the nearest execreport.yaml from the current folder up.
    #[arg(
        long,
        short = 'c',
        global = true,
        env = "EXECREPORT_CONFIG",
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute and write reports for clients and a period.
    Render(RenderArgs),
    /// Validate the workspace, every client's sources and data, without rendering.
    Check,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Client id; repeat for several. Default: every client.
    #[arg(long = "client", value_name = "ID")]
    pub clients: Vec<String>,
    /// 2026-10, 2026-W43, 2026-Q3, 2026-10-01..2026-10-31, last-week, last-month,
    /// last-quarter or month-to-date.
    #[arg(long, short = 'p', value_parser = parse_period)]
    pub period: PeriodSpec,
    /// What to compare the period with.
    #[arg(long, value_enum, default_value = "previous")]
    pub compare: CompareKind,
    /// Output formats, comma-separated.
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        default_values = ["json", "html", "pdf"]
    )]
    pub format: Vec<Format>,
    /// Output folder; default: the workspace's `output` setting.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Pin "today" (in each client's time zone) for relative periods, for tests and reruns.
    #[arg(long, value_name = "YYYY-MM-DD", env = "EXECREPORT_TODAY")]
    pub today: Option<NaiveDate>,
    /// Report in this locale instead of the client's (e.g. th-TH).
    #[arg(long, value_name = "TAG")]
    pub locale: Option<LocaleTag>,
    /// Pin the clock (RFC 3339), for "today" and for whether cached live data has settled.
    #[arg(long, value_name = "TIMESTAMP", env = "EXECREPORT_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Live sources from the cache only (`.execreport/cache/`); nothing is fetched.
    #[arg(long, conflicts_with = "refresh")]
    pub offline: bool,
    /// Fetch live sources again even where the cache holds settled data.
    #[arg(long)]
    pub refresh: bool,
}

impl RenderArgs {
    pub fn data_mode(&self) -> DataMode {
        if self.offline {
            DataMode::Offline
        } else if self.refresh {
            DataMode::Refresh
        } else {
            DataMode::Auto
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The report model as JSON (docs/report-model.md).
    Json,
    /// A self-contained HTML report.
    Html,
    /// A print-grade PDF report.
    Pdf,
}

fn parse_period(s: &str) -> Result<PeriodSpec, String> {
    s.parse()
        .map_err(|e: crate::period::PeriodError| e.to_string())
}
