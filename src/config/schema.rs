//! The shape of `execreport.yaml`. Every table refuses unknown keys, so a typo is an error
//! rather than a silently ignored setting. `docs/config.md` documents each field.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::Weekday;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::api::ApiConfig;
use super::compact::{SmallMap, exact, exact_some};
use super::located::Located;
use super::values::{
    CurrencyCode, DayOfMonth, EmailAddress, LocalTime, LocaleTag, Slug, TimeZone, Wait, WeekStart,
};
use crate::metrics::catalog::MetricDef;
use crate::metrics::platform::Platform;

/// A metric id as written in the file, with its position for error messages.
pub type MetricRef = Located<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceFile {
    /// The agencies whose clients this workspace reports for (usually one).
    pub agencies: Vec<AgencyConfig>,
    /// Folder for rendered reports, relative to the workspace file.
    #[serde(default = "default_output")]
    pub output: PathBuf,
    /// Folder of brand themes (`<brands>/<id>/brand.yaml`), relative to the workspace file.
    #[serde(default = "default_brands")]
    pub brands: PathBuf,
    /// Folder of the agency's commentary: `<notes>/<client>/<period>.md`.
    #[serde(default = "default_notes")]
    pub notes: PathBuf,
    /// Metrics added to the built-in catalog.
    #[serde(default)]
    pub metrics: Located<Vec<MetricDef>>,
    /// When `batch --due` renders reports; a client's own `schedule` replaces it.
    #[serde(default)]
    pub schedule: Option<ScheduleConfig>,
    /// The agency's outgoing mail server, for `--send`.
    #[serde(default)]
    pub smtp: Option<SmtpConfig>,
    /// Where live sources' snapshots are kept: a folder, or `s3://bucket/prefix` shared by
    /// every worker; default `.execreport/cache`.
    #[serde(default)]
    pub cache: Option<PathBuf>,
    /// How to reach an S3-compatible `output` (`s3://bucket/prefix`); AWS_* variables otherwise.
    #[serde(default)]
    pub storage: Option<StorageConfig>,
    /// Where the ledger lives: the workspace's SQLite file by default, or a PostgreSQL server
    /// shared by workers on many machines.
    #[serde(default)]
    pub ledger: Option<LedgerConfig>,
    /// The clients' report site that `execreport publish` writes.
    #[serde(default)]
    pub publish: Option<PublishConfig>,
    pub clients: Vec<ClientConfig>,
}

/// `publish:`: where the clients' report site is written and the address it is served at.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishConfig {
    /// A folder (relative to the workspace file) or `s3://bucket/prefix`; default `site`.
    #[serde(default)]
    pub site: Option<PathBuf>,
    /// The site's public address, e.g. `https://reports.agency.example`: with it, the
    /// e-mails of `attach: link` link to the published report.
    #[serde(default)]
    pub base_url: Option<Located<String>>,
}

/// The S3-compatible service of an `s3://` output. Every field is optional: unset, the AWS_*
/// environment variables apply (AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, ...).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageConfig {
    /// The service's URL (MinIO, R2, GCS: `https://storage.googleapis.com`); default AWS S3.
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// `path` (`endpoint/bucket/key`) or `virtual_host` (`bucket.endpoint/key`); default `path`
    /// with an `endpoint`, `virtual_host` for AWS.
    #[serde(default)]
    pub addressing: Option<Addressing>,
    #[serde(default)]
    pub access_key_id: Option<super::api::SecretRef>,
    #[serde(default)]
    pub secret_access_key: Option<super::api::SecretRef>,
    #[serde(default)]
    pub session_token: Option<super::api::SecretRef>,
}

/// How a bucket is named in a request's URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressing {
    Path,
    VirtualHost,
}

/// The shared ledger: `ledger: {url: {env: EXECREPORT_LEDGER_URL}}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerConfig {
    /// `postgresql://user:password@host:port/database?sslmode=require`, from the environment
    /// or a file (it holds a password).
    pub url: super::api::SecretRef,
    /// Seconds a worker's claim on a report lasts unless renewed (default 60); a worker that
    /// dies holds its reports this long.
    #[serde(default)]
    pub lease_seconds: Option<u32>,
}

/// The SMTP server reports are sent through.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpConfig {
    pub host: String,
    /// Default: 587 for STARTTLS, 465 for TLS, 25 without.
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Located<SmtpSecurity>,
    #[serde(default)]
    pub username: Option<super::api::SecretRef>,
    #[serde(default)]
    pub password: Option<super::api::SecretRef>,
    /// Messages per minute at most (default 30).
    #[serde(default)]
    pub per_minute: Option<u32>,
    /// Seconds for each SMTP command's reply (default 30).
    #[serde(default)]
    pub timeout_seconds: Option<u64>,
    /// Seconds for the reply to the end of a message's data (default 600, RFC 5321
    /// §4.5.3.2.6): without a reply by then, the message may have arrived (`uncertain`).
    #[serde(default)]
    pub data_timeout_seconds: Option<u64>,
    /// Attempts after a temporary failure (4xx, connection errors; default 3).
    #[serde(default)]
    pub retries: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SmtpSecurity {
    /// Plain connection upgraded with STARTTLS (required).
    #[default]
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a server on this machine (127.0.0.1, ::1, localhost).
    None,
}

/// How a client receives its report by e-mail.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailOptions {
    #[serde(default)]
    pub cc: Vec<EmailAddress>,
    #[serde(default)]
    pub bcc: Vec<EmailAddress>,
    #[serde(default)]
    pub attach: Attach,
    /// `attach: link`: the report's address, with `{client}` and `{period}`.
    #[serde(default)]
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attach {
    #[default]
    Pdf,
    Html,
    /// No attachment: the message links to the report (`link`).
    Link,
}

/// When a client's reports are due, and what a batch renders for them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleConfig {
    /// The report for a month, rendered on `day` of the next month at `at` (client time).
    #[serde(default)]
    pub monthly: Option<MonthlyRun>,
    /// The report for a week, rendered on `weekday` after the week at `at` (client time).
    #[serde(default)]
    pub weekly: Option<WeeklyRun>,
    /// `required`: rendered reports wait for `execreport approve` before they are sent.
    #[serde(default)]
    pub approval: Approval,
    /// Formats a batch writes; default json, html and pdf.
    #[serde(default)]
    pub formats: Option<Vec<crate::format::Format>>,
    /// How long after its scheduled time `batch --due` keeps waiting for late data before
    /// `on_incomplete` applies (default 0: at once).
    #[serde(default)]
    pub wait_for_data: Wait,
    /// What a batch does with a report whose data is incomplete once the wait is over.
    #[serde(default)]
    pub on_incomplete: OnIncomplete,
}

/// What a batch does with a report whose data is incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnIncomplete {
    /// Render it and hold it until `execreport approve`, listed loudly by every batch.
    #[default]
    Hold,
    /// Render and send it: the report shows its gaps.
    Send,
    /// Neither render nor send it; the ledger records it as skipped.
    Skip,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlyRun {
    /// Day of the following month (1–28): the days before it let the platforms' numbers settle.
    pub day: DayOfMonth,
    #[serde(default = "default_run_time")]
    pub at: LocalTime,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyRun {
    /// `monday` … `sunday`: the first such day after the week ends.
    pub weekday: Weekday,
    #[serde(default = "default_run_time")]
    pub at: LocalTime,
}

fn default_run_time() -> LocalTime {
    LocalTime(chrono::NaiveTime::from_hms_opt(6, 0, 0).expect("valid time"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Approval {
    #[default]
    None,
    Required,
}

fn default_output() -> PathBuf {
    PathBuf::from("out")
}

fn default_brands() -> PathBuf {
    PathBuf::from("brands")
}

fn default_notes() -> PathBuf {
    PathBuf::from("notes")
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyConfig {
    pub id: Located<Slug>,
    pub name: String,
    /// Default brand of the agency's clients (a folder under `brands/`).
    #[serde(default)]
    pub brand: Option<Slug>,
    #[serde(default = "default_locale")]
    pub locale: LocaleTag,
    #[serde(default)]
    pub time_zone: TimeZone,
    #[serde(default)]
    pub week_start: WeekStart,
    #[serde(default = "default_currency")]
    pub currency: CurrencyCode,
    #[serde(default)]
    pub contact: Contact,
}

fn default_locale() -> LocaleTag {
    "en-US".parse().expect("valid locale")
}

fn default_currency() -> CurrencyCode {
    "USD".parse().expect("valid currency")
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub email: Option<EmailAddress>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    pub id: Located<Slug>,
    pub name: String,
    /// Which agency serves the client; may be left out when there is only one.
    #[serde(default)]
    pub agency: Option<Spanned<String>>,
    #[serde(default)]
    pub brand: Option<Slug>,
    #[serde(default)]
    pub locale: Option<LocaleTag>,
    #[serde(default)]
    pub time_zone: Option<TimeZone>,
    #[serde(default)]
    pub week_start: Option<WeekStart>,
    #[serde(default)]
    pub currency: Option<CurrencyCode>,
    /// Calendar of the dates in the report; default: the brand's, else Gregorian.
    #[serde(default)]
    pub calendar: Option<Calendar>,
    /// Paper of the PDF (`a4` or `letter`); default: what the locale's region uses.
    #[serde(default)]
    pub page_size: Option<PageSize>,
    #[serde(default, deserialize_with = "exact")]
    pub recipients: Vec<EmailAddress>,
    #[serde(default, deserialize_with = "exact")]
    pub goals: Vec<GoalConfig>,
    /// Sections to show, in order; default: all that have data.
    #[serde(default, deserialize_with = "exact_some")]
    pub sections: Option<Vec<Section>>,
    /// KPI tiles of the executive summary; default: a pick per channel.
    #[serde(default, deserialize_with = "exact_some")]
    pub summary_kpis: Option<Vec<MetricRef>>,
    /// Metrics whose changes lead the highlights, in this order, before the catalog's ranking
    /// by business impact.
    #[serde(default, deserialize_with = "exact")]
    pub priorities: Vec<MetricRef>,
    /// Where the agency's commentary goes: `first` (right after the summary) or `last` (its
    /// place in `sections`); default: first when a goal is missed, else its place.
    #[serde(default)]
    pub commentary: Option<CommentaryPlacement>,
    /// Rows per breakdown before the rest is grouped as "Other".
    #[serde(default = "default_top")]
    pub breakdown_top: usize,
    #[serde(default, deserialize_with = "exact")]
    pub sources: Vec<SourceConfig>,
    /// Replaces the workspace's `schedule` for this client.
    #[serde(default)]
    pub schedule: Option<ScheduleConfig>,
    /// Cc, Bcc and what the message carries; `recipients` are the To addresses.
    #[serde(default)]
    pub email: EmailOptions,
    /// Events marked on the daily charts (a campaign launch, a site migration).
    #[serde(default, deserialize_with = "exact")]
    pub annotations: Vec<AnnotationConfig>,
    /// Makes this client a group (a franchise's locations, a chain's hotels): the ids of the
    /// clients whose data its report rolls up. A group reads no sources of its own.
    #[serde(default, deserialize_with = "exact")]
    pub locations: Vec<Located<Slug>>,
    /// For a group: what one unit of a location's currency is worth in the group's currency,
    /// month by month (`TRY: {2026-11: 0.0265}`); each day's money converts at its month's rate.
    #[serde(default)]
    pub exchange_rates: Located<BTreeMap<CurrencyCode, BTreeMap<String, f64>>>,
}

impl ClientConfig {
    /// Whether this client is a group whose report rolls up its locations.
    pub fn is_group(&self) -> bool {
        !self.locations.is_empty()
    }
}

/// An event to mark on the daily charts: a day (`date`) or a span (`from`, `to`) and what
/// happened. The dates are read as text so a wrong one is reported with its line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnotationConfig {
    #[serde(default)]
    pub date: Option<Located<String>>,
    #[serde(default)]
    pub from: Option<Located<String>>,
    #[serde(default)]
    pub to: Option<Located<String>>,
    pub label: Located<String>,
}

impl AnnotationConfig {
    /// The first and last day, when the dates are valid (the checks say why not).
    pub fn days(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        let day = |s: &Option<Located<String>>| {
            chrono::NaiveDate::parse_from_str(s.as_ref()?.value.trim(), "%Y-%m-%d").ok()
        };
        let (first, last) = match &self.date {
            Some(_) => (day(&self.date)?, day(&self.date)?),
            None => (day(&self.from)?, day(&self.to)?),
        };
        (first <= last).then_some((first, last))
    }
}

closed_set! {
    /// Where the commentary section goes in the report.
    pub enum CommentaryPlacement ("commentary placement") {
        /// Right after the executive summary.
        First = "first",
        /// Where `sections` puts it (by default near the end).
        Last = "last",
    }
}

fn default_top() -> usize {
    6
}

/// The paper of a PDF report (a client's or a brand's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

/// The calendar reports write dates in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    #[default]
    Gregorian,
    /// The Thai solar calendar: 2026 is written 2569.
    Buddhist,
}

/// Report sections, in their default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Summary,
    /// A group's locations: ranking, movers, data completeness (groups only).
    Locations,
    Web,
    Ads,
    Seo,
    /// Local search: listing views, calls, direction requests and website clicks.
    Local,
    Social,
    Reviews,
    Email,
    /// An online shop's orders: revenue, orders, average order value.
    Shop,
    Goals,
    Commentary,
    DataNotes,
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Summary,
        Section::Locations,
        Section::Web,
        Section::Ads,
        Section::Seo,
        Section::Local,
        Section::Social,
        Section::Reviews,
        Section::Email,
        Section::Shop,
        Section::Goals,
        Section::Commentary,
        Section::DataNotes,
    ];

    /// The channel whose metrics this section shows, if it is a channel section.
    pub fn channel(self) -> Option<&'static str> {
        Some(match self {
            Section::Web => "web",
            Section::Ads => "ads",
            Section::Seo => "seo",
            Section::Local => "local",
            Section::Social => "social",
            Section::Reviews => "reviews",
            Section::Email => "email",
            Section::Shop => "shop",
            _ => return None,
        })
    }
}

/// A target for one metric, e.g. at least 120 ad conversions a month.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalConfig {
    pub metric: MetricRef,
    #[serde(default)]
    pub at_least: Option<f64>,
    #[serde(default)]
    pub at_most: Option<f64>,
    /// The period the target is stated for; additive metrics are prorated to the report's.
    #[serde(default)]
    pub per: GoalPer,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalPer {
    Week,
    #[default]
    Month,
    Quarter,
}

impl GoalPer {
    pub fn length_in_months(self) -> f64 {
        match self {
            GoalPer::Week => 7.0 / crate::period::AVERAGE_MONTH_DAYS,
            GoalPer::Month => 1.0,
            GoalPer::Quarter => 3.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Csv,
    Json,
    /// Any JSON API, described by `api.url`, `records` and `pagination`.
    Http,
    /// Google Analytics 4 Data API `runReport`.
    Ga4,
    /// Google Ads API `googleAds:searchStream`.
    GoogleAds,
    /// Meta Graph API Page or Instagram insights.
    Meta,
    /// Meta Marketing API insights of an ad account.
    MetaAds,
    /// Google Search Console `searchAnalytics/query`.
    SearchConsole,
    /// Google Business Profile reviews.
    GbpReviews,
    /// Google Business Profile performance: views, calls, direction requests, website clicks.
    GbpPerformance,
    /// Shopify Admin GraphQL API orders: revenue and orders per day.
    Shopify,
    /// Mailchimp Marketing API campaign reports, on their send days.
    Mailchimp,
    /// YouTube Analytics API channel reports: views, watch time, subscribers, engagement.
    YoutubeAnalytics,
    /// LinkedIn Marketing API `adAnalytics` of an ad account, by campaign and day.
    LinkedinAds,
    /// Microsoft Advertising Reporting service: a campaign performance report, by day.
    MicrosoftAds,
    /// TikTok API for Business `report/integrated/get/`, by campaign and day.
    TiktokAds,
}

impl SourceKind {
    /// Whether the source is fetched over HTTP (and cached) rather than read from a file.
    pub fn is_live(self) -> bool {
        !matches!(self, SourceKind::Csv | SourceKind::Json)
    }

    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Csv => "csv",
            SourceKind::Json => "json",
            SourceKind::Http => "http",
            SourceKind::Ga4 => "ga4",
            SourceKind::GoogleAds => "google_ads",
            SourceKind::Meta => "meta",
            SourceKind::MetaAds => "meta_ads",
            SourceKind::SearchConsole => "search_console",
            SourceKind::GbpReviews => "gbp_reviews",
            SourceKind::GbpPerformance => "gbp_performance",
            SourceKind::Shopify => "shopify",
            SourceKind::Mailchimp => "mailchimp",
            SourceKind::YoutubeAnalytics => "youtube_analytics",
            SourceKind::LinkedinAds => "linkedin_ads",
            SourceKind::MicrosoftAds => "microsoft_ads",
            SourceKind::TiktokAds => "tiktok_ads",
        }
    }

    /// The row fields of connectors that build their rows from a fixed set: a source's
    /// `columns` map only these.
    pub fn row_fields(self) -> Option<&'static [&'static str]> {
        match self {
            SourceKind::Shopify => Some(&["revenue", "orders"]),
            SourceKind::Mailchimp => Some(&[
                "emails_sent",
                "delivered",
                "bounces",
                "hard_bounces",
                "soft_bounces",
                "unsubscribed",
                "unique_opens",
                "opens_total",
                "unique_subscriber_clicks",
                "clicks_total",
            ]),
            SourceKind::YoutubeAnalytics => Some(&YOUTUBE_FIELDS),
            _ => None,
        }
    }

    /// The platform's name as its owner writes it (Meta: a Page's, Facebook; see
    /// [`SourceConfig::platform`]); files and generic APIs have none unless configured.
    pub fn platform(self) -> Option<&'static str> {
        match self {
            SourceKind::Ga4 => Some("Google Analytics"),
            SourceKind::GoogleAds => Some("Google Ads"),
            SourceKind::Meta => Some("Facebook"),
            SourceKind::MetaAds => Some("Meta Ads"),
            SourceKind::SearchConsole => Some("Google Search Console"),
            SourceKind::GbpReviews | SourceKind::GbpPerformance => Some("Google Business Profile"),
            SourceKind::Shopify => Some("Shopify"),
            SourceKind::Mailchimp => Some("Mailchimp"),
            SourceKind::YoutubeAnalytics => Some("YouTube"),
            SourceKind::LinkedinAds => Some("LinkedIn Ads"),
            SourceKind::MicrosoftAds => Some("Microsoft Ads"),
            SourceKind::TiktokAds => Some("TikTok Ads"),
            SourceKind::Csv | SourceKind::Json | SourceKind::Http => None,
        }
    }
}

/// A `youtube_analytics` source's row fields: the channel report's seven metrics, as the
/// API names them and in the order they are asked for, then two sums of them.
pub const YOUTUBE_FIELDS: [&str; 9] = [
    "views",
    "estimatedMinutesWatched",
    "subscribersGained",
    "subscribersLost",
    "likes",
    "comments",
    "shares",
    "engagements",
    "net_subscribers",
];

/// Wide: one row per day (and dimensions), one column per metric.
/// Long: one row per day, metric and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    #[default]
    Wide,
    Long,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBadRow {
    /// Stop: the source fails with the row's file, line and field.
    #[default]
    Error,
    /// Leave the row out, count it and list it in the report's data quality notes.
    Skip,
}

/// A file or API giving daily metrics for one client.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub id: Located<Slug>,
    pub kind: SourceKind,
    /// Where the numbers come from (`Microsoft Ads`, `Instagram`): by default the live
    /// kind's platform; files and `http` name it to share a metric with another platform.
    #[serde(default)]
    pub platform: Option<Box<Spanned<String>>>,
    /// File sources: relative to the workspace file.
    #[serde(default)]
    pub path: Option<PathBuf>,
    /// Live sources: how to fetch. Boxed: most sources are files, and 700 bytes inline in
    /// each of a 10,000-client workspace's 60,000 sources were 40 MB.
    #[serde(default)]
    pub api: Option<Box<ApiConfig>>,
    #[serde(default)]
    pub layout: Layout,
    /// Column (CSV) or field (JSON) holding the local date.
    #[serde(default = "default_date_column")]
    pub date: String,
    /// chrono format of the dates; default `2026-10-01` or `20261001`.
    #[serde(default)]
    pub date_format: Option<Box<Spanned<String>>>,
    /// Columns or fields holding dimension values (channel, campaign, ...).
    #[serde(default, deserialize_with = "exact")]
    pub dimensions: Vec<String>,
    /// Report names of dimension columns (`Session default channel group: channel`), so
    /// breakdowns are labelled the same whatever the export calls them.
    #[serde(default)]
    pub dimension_names: Located<SmallMap<String, String>>,
    /// Wide layout: column or field name → metric id.
    #[serde(default)]
    pub columns: SmallMap<String, MetricRef>,
    /// Long layout: the column naming the metric, and the one holding its value.
    #[serde(default = "default_metric_column")]
    pub metric_column: String,
    #[serde(default = "default_value_column")]
    pub value_column: String,
    /// Long layout: metric names used in the file → metric ids (default: the file uses ids).
    #[serde(default)]
    pub metric_names: SmallMap<String, MetricRef>,
    /// JSON: a JSON pointer to the array of records, e.g. `/data/rows` (default: the root).
    #[serde(default)]
    pub records: Option<String>,
    /// CSV field delimiter.
    #[serde(default = "default_delimiter")]
    pub delimiter: Located<char>,
    /// Decimal separator of the numbers: `.` (`1,234.5`) or `,` (`1.234,5`).
    #[serde(default = "default_decimal")]
    pub decimal_separator: Located<char>,
    #[serde(default)]
    pub on_bad_row: OnBadRow,
    /// When false, a failing source leaves a "data unavailable" note instead of failing the report.
    #[serde(default = "default_true")]
    pub required: bool,
}

impl SourceConfig {
    /// The platform the source's numbers come from: as configured, else the live kind's.
    pub fn platform(&self) -> Option<Platform> {
        if let Some(named) = &self.platform {
            return Platform::named(&named.value);
        }
        // A Page's insights are all `page_*`; an Instagram account's are not.
        if self.kind == SourceKind::Meta && !self.columns.keys().all(|c| c.starts_with("page_")) {
            return Platform::known("instagram");
        }
        self.kind.platform().and_then(Platform::named)
    }

    /// The metric ids the source maps (wide `columns` or long `metric_names`).
    pub fn mapped_metrics(&self) -> impl Iterator<Item = &str> {
        self.columns
            .values()
            .chain(self.metric_names.values())
            .map(|m| m.value.as_str())
    }

    /// The platform account the source reads (ad account, property, Page), when it names
    /// one, as written or in the other forms the platform accepts (`act_123` is `123`,
    /// `123-456-7890` is `1234567890`).
    pub fn account(&self) -> Option<String> {
        let api = self.api.as_ref()?;
        let id = [
            &api.customer_id,
            &api.property,
            &api.object_id,
            &api.site_url,
            &api.location,
            &api.shop,
        ]
        .into_iter()
        .find_map(|id| id.as_deref())?;
        let id = id.trim();
        let id = id.strip_prefix("act_").unwrap_or(id);
        Some(if id.chars().all(|c| c.is_ascii_digit() || c == '-') {
            id.replace('-', "")
        } else {
            id.to_string()
        })
    }
}

fn default_date_column() -> String {
    "date".into()
}
fn default_metric_column() -> String {
    "metric".into()
}
fn default_value_column() -> String {
    "value".into()
}
fn default_delimiter() -> Located<char> {
    Located::unplaced(',')
}
fn default_decimal() -> Located<char> {
    Located::unplaced('.')
}
fn default_true() -> bool {
    true
}
