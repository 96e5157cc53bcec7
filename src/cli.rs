//! Command-line interface: global options and one subcommand per file in `cmd/`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use execreport::sources::live::DataMode;

use execreport::config::LocaleTag;
use execreport::config::starter;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::Format;
use execreport::sources::live::oauth::OAuthPlatform;

#[derive(Debug, Parser)]
#[command(
    name = "execreport",
    version,
    about = "White-label executive reports for marketing agencies"
)]
#[command(
    after_help = "Exit codes: 0 success, 1 error (bad configuration, bad input), \
2 wrong command-line usage, 3 some reports failed while others were written, \
4 all written but some without a failed optional source, 5 another batch holds the workspace, \
6 reports lack data (render: none for the period; batch: not sent, waiting, held or skipped), \
7 (batch, send) bad configuration: the workspace or its output store cannot be set up; do not retry."
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
    /// Render the reports that are due (`--due`) or asked for (`--period`), in parallel,
    /// recorded in the workspace's ledger.
    Batch(BatchArgs),
    /// What is due, done, failed or awaiting approval, per client.
    Status(StatusArgs),
    /// E-mail reports to clients: `batch --send` (renders what is missing first).
    Send(BatchArgs),
    /// Serve the workspace's reports on localhost, reloading the browser on every change.
    Preview(PreviewArgs),
    /// Approve a rendered report that its schedule holds for approval.
    Approve(ApproveArgs),
    /// Validate the workspace, every client's sources and data, without rendering.
    Check,
    /// Start a workspace in DIR: a commented execreport.yaml, the agency's brand, CSV
    /// templates for a first client and a .gitignore (asks on a terminal, or takes flags).
    Init(InitArgs),
    /// Give execreport read access to a client's platform account: the platform's consent page
    /// in a browser, then the credential kept in secrets/ and the client's sources pointed at it.
    Connect(ConnectArgs),
    /// Live sources: `sources test` tries each one's credentials with a one-day request.
    #[command(subcommand)]
    Sources(SourcesCommand),
    /// Write the clients' report site from the ledger's rendered reports: per client, behind
    /// a secret link, an index of its reports with their HTML and PDF.
    Publish(PublishArgs),
    /// The agency's internal overview of a period: every client's headline KPIs, goals, data
    /// health and delivery, those needing attention first (JSON, HTML, PDF).
    Overview(OverviewArgs),
}

#[derive(Debug, Subcommand)]
pub enum SourcesCommand {
    /// Per live source: ok, expired or revoked credentials (with the connect command that
    /// fixes them), missing credentials, missing permission, quota. Exit 1 when any needs
    /// attention.
    Test(SourcesTestArgs),
}

#[derive(Debug, Args)]
pub struct SourcesTestArgs {
    /// Only this client's sources.
    #[arg(long, value_name = "ID")]
    pub client: Option<String>,
    /// Pin the clock (RFC 3339): the day tried is the day before, in the client's time zone.
    #[arg(long, value_name = "TIMESTAMP", env = "EXECREPORT_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Args)]
pub struct ConnectArgs {
    /// google (GA4, Google Ads, Search Console, Business Profile: one consent), meta, linkedin
    /// or microsoft.
    #[arg(value_name = "PLATFORM")]
    pub platform: OAuthPlatform,
    /// The client whose account it is.
    #[arg(long, value_name = "ID")]
    pub client: String,
    /// Only this source (repeat for several); default: every source of the client that reads
    /// the platform.
    #[arg(long = "source", value_name = "SOURCE_ID")]
    pub sources: Vec<String>,
    /// Print the consent address without trying to open a browser.
    #[arg(long)]
    pub no_browser: bool,
    /// How long to wait for the consent page's redirect.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The new workspace's folder (created if missing); default: the current folder.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// The agency's name, as the reports show it.
    #[arg(long, value_name = "NAME", value_parser = |s: &str| starter::display_name(s, "agency name"))]
    pub agency: Option<String>,
    /// The reports' locale; its language must be one execreport ships (en, de, fr, es, pt, it,
    /// id, tr, ja, th, ar).
    #[arg(long, value_name = "TAG", value_parser = starter::shipped_locale)]
    pub locale: Option<LocaleTag>,
    /// The agency's IANA time zone, e.g. Europe/Rome.
    #[arg(long, value_name = "ZONE", value_parser = starter::iana_time_zone)]
    pub time_zone: Option<execreport::config::TimeZone>,
    /// The agency's ISO 4217 currency code, e.g. EUR.
    #[arg(long, value_name = "CODE", value_parser = starter::iso_currency)]
    pub currency: Option<execreport::config::CurrencyCode>,
    /// The first client's name.
    #[arg(long, value_name = "NAME", value_parser = |s: &str| starter::display_name(s, "client name"))]
    pub client: Option<String>,
    /// The brand's main colour (#rrggbb).
    #[arg(long, value_name = "#RRGGBB", value_parser = starter::brand_color)]
    pub primary_color: Option<execreport::config::brand::Color>,
    /// The brand's accent colour (#rrggbb).
    #[arg(long, value_name = "#RRGGBB", value_parser = starter::brand_color)]
    pub accent_color: Option<execreport::config::brand::Color>,
    /// Never ask: take the defaults (My Agency, en-US, UTC, USD, First Client) for what no
    /// flag gives.
    #[arg(long, short = 'y')]
    pub yes: bool,
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
    pub compare: CompareArg,
    /// Output formats, comma-separated.
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        default_values = ["json", "html", "pdf"]
    )]
    pub format: Vec<FormatArg>,
    /// Output folder; default: the workspace's `output` setting.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Pin "today" (in each client's time zone) for relative periods, for tests and reruns.
    #[arg(long, value_name = "YYYY-MM-DD", env = "EXECREPORT_TODAY")]
    pub today: Option<NaiveDate>,
    /// Report in this locale instead of the client's (e.g. th-TH).
    #[arg(long, value_name = "TAG")]
    pub locale: Option<LocaleTag>,
    #[command(flatten)]
    pub live: ClockArgs,
}

/// The clock and where live data may come from (`render` and `batch`).
#[derive(Debug, Clone, Args)]
pub struct ClockArgs {
    /// Pin the clock (RFC 3339): "today", what is due, and whether cached live data has settled.
    #[arg(long, value_name = "TIMESTAMP", env = "EXECREPORT_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Live sources from the cache only (`.execreport/cache/`); nothing is fetched.
    #[arg(long, conflicts_with = "refresh")]
    pub offline: bool,
    /// Fetch live sources again even where the cache holds settled data.
    #[arg(long)]
    pub refresh: bool,
}

impl ClockArgs {
    /// Where live data may come from, from `--offline` / `--refresh`.
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

/// `--compare`: the library's [`CompareKind`], parsed here so it carries no clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareArg {
    /// The previous calendar period of the same kind (same length for custom ranges).
    Previous,
    /// The same period a year earlier (ISO week N of last year for weeks).
    Yoy,
    /// No comparison.
    None,
}

impl From<CompareArg> for CompareKind {
    fn from(arg: CompareArg) -> Self {
        match arg {
            CompareArg::Previous => CompareKind::Previous,
            CompareArg::Yoy => CompareKind::Yoy,
            CompareArg::None => CompareKind::None,
        }
    }
}

/// `--format`: the library's [`Format`], parsed here so it carries no clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// The report model as JSON (docs/report-model.md).
    Json,
    /// A self-contained HTML report.
    Html,
    /// A print-grade PDF report.
    Pdf,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Json => Format::Json,
            FormatArg::Html => Format::Html,
            FormatArg::Pdf => Format::Pdf,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// Render every report whose scheduled time has come and that is not done yet.
    #[arg(long, conflicts_with = "period", required_unless_present = "period")]
    pub due: bool,
    /// Render this period for every client (or those given with --clients).
    #[arg(long, short = 'p', value_parser = parse_period)]
    pub period: Option<PeriodSpec>,
    /// Only these clients (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub clients: Vec<String>,
    /// Render even when the inputs and files are unchanged since the last batch.
    #[arg(long)]
    pub force: bool,
    /// Reports rendered at once; default: the number of cores.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print a JSON summary on stdout (progress goes to stderr).
    #[arg(long)]
    pub json: bool,
    /// E-mail each report to its client's recipients (once: the ledger remembers).
    #[arg(long)]
    pub send: bool,
    /// With --send: write each message as email.eml next to its report instead of sending.
    #[arg(long)]
    pub dry_run: bool,
    /// With --send: send again messages whose earlier attempt ended without a recorded answer.
    #[arg(long)]
    pub resend_uncertain: bool,
    /// Then publish the reports to the clients' site (`publish:`); with --send, each linked
    /// report is published before its message goes.
    #[arg(long)]
    pub publish: bool,
    /// Only clients of shard K of N (by a hash of the client id), e.g. `--shard 2/3`.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// Output folder or `s3://bucket/prefix`; default: the workspace's `output` setting.
    #[arg(long, short = 'o', value_name = "DIR|URL")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub live: ClockArgs,
    /// Then write each agency's overview of the period (of last month with --due).
    #[arg(long)]
    pub overview: bool,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The site: a folder or `s3://bucket/prefix`; default: the workspace's `publish.site`,
    /// else `site` next to the workspace file.
    #[arg(long, value_name = "DIR|URL")]
    pub site: Option<PathBuf>,
    /// Give this client a new secret link; its pages under the old one are removed.
    #[arg(long, value_name = "CLIENT")]
    pub rotate: Option<String>,
    /// Where the batch wrote the reports, if not the workspace's `output`.
    #[arg(long, short = 'o', value_name = "DIR|URL")]
    pub out: Option<PathBuf>,
    /// Print a JSON summary on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// Open this client's report first.
    #[arg(long)]
    pub client: Option<String>,
    /// With --client: this period (default: last month).
    #[arg(long, short = 'p', default_value = "last-month", value_parser = period_text)]
    pub period: String,
    /// Only list this brand's clients first (the index still lists all).
    #[arg(long)]
    pub brand: Option<String>,
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 7878)]
    pub port: u16,
    /// Address to listen on. Only this machine can reach the default; anything else exposes
    /// the agency's reports to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Pin the clock (RFC 3339).
    #[arg(long, value_name = "TIMESTAMP", env = "EXECREPORT_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    #[arg(long)]
    pub client: String,
    /// The report's period key, e.g. 2026-10 or 2026-W43.
    #[arg(long, short = 'p')]
    pub period: String,
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("expected K/N with 1 <= K <= N, such as 2/3; found {s:?}");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n): (u32, u32) = (
        k.trim().parse().map_err(|_| bad())?,
        n.trim().parse().map_err(|_| bad())?,
    );
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

fn parse_period(s: &str) -> Result<PeriodSpec, String> {
    s.parse()
        .map_err(|e: execreport::period::PeriodError| e.to_string())
}

/// A period as typed, once it is known to parse (the preview puts it in a URL as it is).
fn period_text(s: &str) -> Result<String, String> {
    parse_period(s).map(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::Cli;

    /// clap's own consistency checks (conflicting names, bad defaults, missing values).
    #[test]
    fn cli_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}

#[derive(Debug, Args)]
pub struct OverviewArgs {
    /// The period, as `batch --period` takes it (each client's own time zone resolves it).
    #[arg(long, short = 'p', default_value = "last-month", value_parser = parse_period)]
    pub period: PeriodSpec,
    /// Only this agency (default: every agency of the workspace).
    #[arg(long, value_name = "ID")]
    pub agency: Option<String>,
    /// Formats to write (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "json,html,pdf")]
    pub formats: Vec<FormatArg>,
    /// Output folder or `s3://bucket/prefix` (the overview goes under `_overview/`); default:
    /// the workspace's `output` setting.
    #[arg(long, short = 'o', value_name = "DIR|URL")]
    pub out: Option<PathBuf>,
    /// Print the overview's JSON on stdout (the files are written as well).
    #[arg(long)]
    pub json: bool,
    /// Pin the clock (RFC 3339): what "last month" is.
    #[arg(long, value_name = "TIMESTAMP", env = "EXECREPORT_NOW")]
    pub now: Option<chrono::DateTime<chrono::Utc>>,
}
