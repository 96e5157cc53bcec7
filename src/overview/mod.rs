//! The agency's overview (`execreport overview`): one internal report per agency for a period,
//! every client (and group) with its headline KPIs and their change, its goals met and missed,
//! the health of its data and sources, and what became of its report's delivery, the clients
//! that need the agency first. Built from the ledger and the rendered reports' JSON models
//! (nothing is fetched again); written as JSON (a stable shape, `docs/overview.md`), and as
//! HTML and PDF through the report renderers (see `view`).

pub mod view;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::config::schema::AgencyConfig;
use crate::config::{Client, Workspace};
use crate::ledger::{
    ApprovalState, DeliveryState, Entry, Ledger, LedgerError, ReportState, SourceHealth,
};
use crate::metrics::catalog::{ChangeScale, Unit};
use crate::model::{DataStatus, GoalTally, Sentiment};
use crate::period::{Period, PeriodError, PeriodSpec};
use crate::sources::live::health::Health;
use crate::storage::{Store, StoreError};

/// Version of the overview's JSON contract; bumped on incompatible changes.
pub const OVERVIEW_SCHEMA_VERSION: u32 = 1;

/// A headline KPI that fell by at least this much (a fifth), for the worse, is a big drop.
pub const BIG_DROP: f64 = 0.2;

/// The overview's folder in the output store: not a client id (ids are slugs, which never
/// start with `_`), and never in the manifest or on the client site, which list the
/// ledger's reports only.
pub const FOLDER: &str = "_overview";

closed_set! {
    /// Why a client needs the agency, most urgent first: the overview's order.
    pub enum Attention ("attention") {
        /// A message was handed over and no answer recorded: it may or may not have arrived.
        DeliveryUncertain = "delivery_uncertain",
        /// The mail server refused or deferred the message.
        DeliveryFailed = "delivery_failed",
        /// The report failed to render.
        ReportFailed = "report_failed",
        /// A source's credentials expired, were revoked or are missing: `connect` again.
        CredentialsExpired = "credentials_expired",
        /// A source is forbidden, out of quota or failing otherwise.
        SourcesFailing = "sources_failing",
        GoalsMissed = "goals_missed",
        /// A headline KPI changed for the worse by `BIG_DROP` or more.
        BigDrop = "big_drop",
        /// Rendered, and held for (or awaiting) the agency's approval.
        AwaitingApproval = "awaiting_approval",
        /// Incomplete data, or none, or a source's data not yet settled.
        DataIncomplete = "data_incomplete",
        /// No report rendered for the period.
        NotRendered = "not_rendered",
    }
}

closed_set! {
    /// What became of a client's report for the period.
    pub enum DeliveryStatus ("delivery") {
        /// Every recipient's server accepted the message.
        Sent = "sent",
        /// Rendered, no message recorded (not sent with `--send` yet).
        NotSent = "not_sent",
        /// Held for approval because its data is incomplete.
        Held = "held",
        AwaitingApproval = "awaiting_approval",
        Uncertain = "uncertain",
        Failed = "failed",
        NotRendered = "not_rendered",
    }
}

/// The overview of one agency.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub schema_version: u32,
    /// `execreport <version>`.
    pub generator: String,
    pub generated_at: String,
    pub agency: AgencyRef,
    /// The period as the agency's time zone resolves it (each client's own is in `clients`).
    pub period: PeriodRef,
    /// Clients in the overview, and how many need attention.
    pub clients_total: usize,
    pub needing_attention: usize,
    /// Clients by delivery status (`sent`, `held`, ...), only those with any.
    pub delivery_counts: BTreeMap<String, usize>,
    /// Most urgent first (see `Attention`), then by name.
    pub clients: Vec<ClientOverview>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgencyRef {
    pub id: String,
    pub name: String,
    /// The language the HTML and PDF are written in.
    pub locale: String,
    pub brand: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodRef {
    pub key: String,
    pub start: chrono::NaiveDate,
    pub end: chrono::NaiveDate,
    #[serde(skip)]
    pub kind: crate::period::PeriodKind,
}

/// One client (or group) of the overview.
#[derive(Debug, Clone, Serialize)]
pub struct ClientOverview {
    pub id: String,
    pub name: String,
    /// A group of locations (its report rolls theirs up).
    pub group: bool,
    /// The client's period key (its own time zone and week start).
    pub period: String,
    /// Why it needs attention, most urgent first; empty when it needs none.
    pub attention: Vec<Attention>,
    /// The ledger's state of the report; null when no batch has taken it up.
    pub report_state: Option<ReportState>,
    pub rendered_at: Option<String>,
    /// The currency of the KPIs' money values.
    pub currency: Option<String>,
    /// The report's headline KPIs (its summary tiles), from its JSON model; empty when the
    /// report was not rendered, or rendered without JSON.
    pub kpis: Vec<HeadlineKpi>,
    /// The report's goals by status; null without a JSON model.
    pub goals: Option<GoalTally>,
    pub data: DataHealth,
    pub delivery: DeliveryStatus,
    /// Recipients per delivery state (`accepted`, `uncertain`, ...).
    pub recipients: BTreeMap<String, usize>,
}

/// A headline KPI as the client's report model has it (its label in the agency's language).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HeadlineKpi {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub unit: Unit,
    pub value: Option<f64>,
    pub previous: Option<f64>,
    pub change: Option<f64>,
    pub change_pct: Option<f64>,
    pub change_scale: ChangeScale,
    pub sentiment: Option<Sentiment>,
}

/// The health of a client's data and live sources.
#[derive(Debug, Clone, Serialize)]
pub struct DataHealth {
    /// The report's data as the last batch found it: complete, incomplete or no data.
    pub status: Option<DataStatus>,
    /// Live sources whose last fetch failed (forbidden, quota, failed).
    pub sources_failing: usize,
    /// Live sources whose credentials expired, were revoked or are missing.
    pub expired_credentials: usize,
    /// Live sources whose data ends before the period does.
    pub late_sources: usize,
    /// Each source needing attention, with the command that fixes it (a group: its
    /// locations' sources).
    pub sources: Vec<SourceHealth>,
}

/// Why an overview could not be made.
#[derive(Debug, thiserror::Error)]
pub enum OverviewError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("client {client}: period: {source}")]
    Period { client: String, source: PeriodError },
    #[error("unknown agency {0:?}")]
    UnknownAgency(String),
    #[error("overview of agency {agency}: {message}")]
    Render { agency: String, message: String },
}

/// The parts of a client's report model the overview reads.
#[derive(Deserialize)]
struct ModelParts {
    client: ModelClient,
    #[serde(default)]
    summary: Vec<String>,
    #[serde(default)]
    kpis: Vec<HeadlineKpi>,
    summary_headline: Option<ModelHeadline>,
}

#[derive(Deserialize)]
struct ModelClient {
    currency: String,
}

#[derive(Deserialize)]
struct ModelHeadline {
    goals: GoalTally,
}

/// The agency's period for `spec`, in its own time zone and week start.
pub fn agency_period(
    agency: &AgencyConfig,
    spec: PeriodSpec,
    now: DateTime<Utc>,
) -> Result<Period, OverviewError> {
    let today = now.with_timezone(&agency.time_zone.0).date_naive();
    spec.resolve(today, agency.week_start.weekday())
        .map_err(|source| OverviewError::Period {
            client: agency.id.to_string(),
            source,
        })
}

/// The overview of `agency`'s clients for `spec`. `label` names a KPI in the agency's
/// language (the model's label is the catalog's English one).
pub fn build(
    ws: &Workspace,
    ledger: &Ledger,
    store: &Store,
    agency: &AgencyConfig,
    spec: PeriodSpec,
    now: DateTime<Utc>,
    label: &dyn Fn(&str) -> Option<String>,
) -> Result<Overview, OverviewError> {
    let period = agency_period(agency, spec, now)?;
    let health = ledger.source_health()?;
    let mut clients = Vec::new();
    for client in ws
        .clients()
        .filter(|c| c.agency.id.as_str() == agency.id.as_str())
    {
        let today = now.with_timezone(&client.time_zone).date_naive();
        let own =
            spec.resolve(today, client.week_start)
                .map_err(|source| OverviewError::Period {
                    client: client.config.id.to_string(),
                    source,
                })?;
        let entry = ledger.get(client.config.id.as_str(), &own.key)?;
        clients.push(client_overview(
            ws, ledger, store, &client, &own, entry, &health, label,
        )?);
    }
    clients.sort_by(|a, b| {
        let rank = |c: &ClientOverview| c.attention.first().map_or(usize::MAX, |a| *a as usize);
        (rank(a), &a.name, &a.id).cmp(&(rank(b), &b.name, &b.id))
    });
    let mut delivery_counts = BTreeMap::new();
    for c in &clients {
        *delivery_counts
            .entry(c.delivery.as_str().to_string())
            .or_default() += 1;
    }
    Ok(Overview {
        schema_version: OVERVIEW_SCHEMA_VERSION,
        generator: format!("execreport {}", env!("CARGO_PKG_VERSION")),
        generated_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        agency: AgencyRef {
            id: agency.id.to_string(),
            name: agency.name.clone(),
            locale: agency.locale.to_string(),
            brand: agency
                .brand
                .as_ref()
                .map_or_else(|| "default".to_string(), ToString::to_string),
        },
        period: PeriodRef {
            key: period.key.clone(),
            start: period.start,
            end: period.end,
            kind: period.kind,
        },
        clients_total: clients.len(),
        needing_attention: clients.iter().filter(|c| !c.attention.is_empty()).count(),
        delivery_counts,
        clients,
    })
}

#[allow(clippy::too_many_arguments)]
fn client_overview(
    ws: &Workspace,
    ledger: &Ledger,
    store: &Store,
    client: &Client,
    period: &Period,
    entry: Option<Entry>,
    health: &[SourceHealth],
    label: &dyn Fn(&str) -> Option<String>,
) -> Result<ClientOverview, OverviewError> {
    let id = client.config.id.as_str();
    let rendered = entry.as_ref().filter(|e| e.state == ReportState::Rendered);
    let model = match rendered.and_then(|e| {
        e.outputs
            .iter()
            .find(|o| o.path.ends_with(crate::format::Format::Json.file_name()))
    }) {
        // A model this release cannot read, or damaged since (its digest differs), is left
        // out, as one rendered without JSON.
        Some(o) => store
            .get(&o.path)?
            .filter(|bytes| o.holds(bytes))
            .and_then(|bytes| serde_json::from_slice::<ModelParts>(&bytes).ok()),
        None => None,
    };
    let deliveries = match rendered {
        Some(_) => ledger.deliveries(id, &period.key)?,
        None => Vec::new(),
    };
    let mut recipients = BTreeMap::new();
    for d in &deliveries {
        // A message interrupted before its answer was recorded may have arrived.
        let state = match d.state {
            DeliveryState::Sending => DeliveryState::Uncertain,
            s => s,
        };
        *recipients.entry(state.as_str().to_string()).or_default() += 1;
    }
    let delivery = delivery_status(entry.as_ref(), &deliveries);
    // A group's sources are its locations'.
    let owners: Vec<&str> = if client.config.locations.is_empty() {
        vec![id]
    } else {
        client.config.locations.iter().map(|l| l.as_str()).collect()
    };
    let configured = |h: &SourceHealth| {
        owners.contains(&h.client.as_str())
            && ws
                .client(&h.client)
                .is_some_and(|c| c.config.sources.iter().any(|s| s.id.as_str() == h.source))
    };
    let sources: Vec<SourceHealth> = health
        .iter()
        .filter(|h| configured(h) && h.needs_attention())
        .cloned()
        .collect();
    let count = |f: &dyn Fn(Health) -> bool| sources.iter().filter(|s| f(s.health)).count();
    let data = DataHealth {
        status: entry.as_ref().and_then(|e| e.data),
        expired_credentials: count(&|h| matches!(h, Health::Expired | Health::NoCredentials)),
        sources_failing: count(&|h| {
            matches!(h, Health::Forbidden | Health::Quota | Health::Failed)
        }),
        late_sources: count(&|h| h == Health::Late),
        sources,
    };
    let (currency, kpis, goals) = match model {
        Some(m) => {
            let kpis = m
                .summary
                .iter()
                .filter_map(|id| m.kpis.iter().find(|k| &k.id == id))
                .map(|k| HeadlineKpi {
                    label: label(&k.id).unwrap_or_else(|| k.label.clone()),
                    ..k.clone()
                })
                .collect();
            (
                Some(m.client.currency),
                kpis,
                m.summary_headline.map(|h| h.goals),
            )
        }
        None => (None, Vec::new(), None),
    };
    let attention = attention(entry.as_ref(), delivery, &data, goals.as_ref(), &kpis);
    Ok(ClientOverview {
        id: id.to_string(),
        name: client.config.name.clone(),
        group: !client.config.locations.is_empty(),
        period: period.key.clone(),
        attention,
        report_state: entry.as_ref().map(|e| e.state),
        rendered_at: rendered.and_then(|e| e.rendered_at.clone()),
        currency,
        kpis,
        goals,
        data,
        delivery,
        recipients,
    })
}

/// What became of the report: not rendered, held or awaiting approval, then its messages'
/// worst state (uncertain before failed before sent).
fn delivery_status(
    entry: Option<&Entry>,
    deliveries: &[crate::ledger::Delivery],
) -> DeliveryStatus {
    let Some(e) = entry.filter(|e| e.state == ReportState::Rendered) else {
        return DeliveryStatus::NotRendered;
    };
    let any = |states: &[DeliveryState]| deliveries.iter().any(|d| states.contains(&d.state));
    if any(&[DeliveryState::Uncertain, DeliveryState::Sending]) {
        DeliveryStatus::Uncertain
    } else if any(&[DeliveryState::Rejected, DeliveryState::Deferred]) {
        DeliveryStatus::Failed
    } else if !deliveries.is_empty() {
        DeliveryStatus::Sent
    } else if e.approval == ApprovalState::Awaiting {
        if e.data == Some(DataStatus::Incomplete) {
            DeliveryStatus::Held
        } else {
            DeliveryStatus::AwaitingApproval
        }
    } else {
        DeliveryStatus::NotSent
    }
}

fn attention(
    entry: Option<&Entry>,
    delivery: DeliveryStatus,
    data: &DataHealth,
    goals: Option<&GoalTally>,
    kpis: &[HeadlineKpi],
) -> Vec<Attention> {
    let state = entry.map(|e| e.state);
    let big_drop = kpis.iter().any(|k| {
        k.sentiment == Some(Sentiment::Bad) && k.change_pct.is_some_and(|p| p.abs() >= BIG_DROP)
    });
    let data_incomplete = data.late_sources > 0
        || matches!(
            data.status,
            Some(DataStatus::Incomplete | DataStatus::NoData)
        );
    let found = [
        (
            Attention::DeliveryUncertain,
            delivery == DeliveryStatus::Uncertain,
        ),
        (
            Attention::DeliveryFailed,
            delivery == DeliveryStatus::Failed,
        ),
        (Attention::ReportFailed, state == Some(ReportState::Failed)),
        (Attention::CredentialsExpired, data.expired_credentials > 0),
        (Attention::SourcesFailing, data.sources_failing > 0),
        (Attention::GoalsMissed, goals.is_some_and(|g| g.missed > 0)),
        (Attention::BigDrop, big_drop),
        (
            Attention::AwaitingApproval,
            matches!(
                delivery,
                DeliveryStatus::Held | DeliveryStatus::AwaitingApproval
            ),
        ),
        (Attention::DataIncomplete, data_incomplete),
        (
            Attention::NotRendered,
            delivery == DeliveryStatus::NotRendered && state != Some(ReportState::Failed),
        ),
    ];
    found
        .into_iter()
        .filter(|(_, yes)| *yes)
        .map(|(a, _)| a)
        .collect()
}

/// Where the overview's files go: `<store>/_overview/<agency>/<period>/overview.<ext>`
/// (agency ids are slugs and period keys plain names: nothing lands outside the store).
pub fn location(store: &Store, agency: &str, period: &str, extension: &str) -> String {
    store.location_of(&format!("{FOLDER}/{agency}/{period}/overview.{extension}"))
}

/// One agency's overview, written.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    pub agency: String,
    pub period: String,
    pub clients: usize,
    pub needing_attention: usize,
    /// Each file's location in the store, in the order of the formats asked for.
    pub files: Vec<String>,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "overview {} {}: {} client{}, {} needing attention → {}",
            self.agency,
            self.period,
            self.clients,
            if self.clients == 1 { "" } else { "s" },
            self.needing_attention,
            self.files.join(", ")
        )
    }
}

/// Builds, renders and writes (atomically, each file whole) the overview of each agency (or
/// of `only`) in `formats`, in the agency's brand and language.
#[allow(clippy::too_many_arguments)]
pub fn write(
    ws: &Workspace,
    ledger: &Ledger,
    store: &Store,
    brands: &crate::render::Brands,
    only: Option<&str>,
    spec: PeriodSpec,
    formats: &[crate::format::Format],
    now: DateTime<Utc>,
) -> Result<Vec<(Overview, Written)>, OverviewError> {
    use crate::format::Format;
    if let Some(id) = only
        && !ws.file.agencies.iter().any(|a| a.id.as_str() == id)
    {
        return Err(OverviewError::UnknownAgency(id.to_string()));
    }
    let mut done = Vec::new();
    for agency in ws
        .file
        .agencies
        .iter()
        .filter(|a| only.is_none_or(|id| a.id.as_str() == id))
    {
        let brand = agency.brand.as_ref().map_or("default", |b| b.as_str());
        let kit = brands.get(ws, brand).map_err(|e| OverviewError::Render {
            agency: agency.id.to_string(),
            message: format!("brand {brand:?}: {e}"),
        })?;
        let locale = crate::render::agency_locale(agency, &kit.brand);
        let label = |id: &str| {
            let key = format!("metric-{}", id.replace('.', "-"));
            Some(locale.t(&key)).filter(|t| *t != key)
        };
        let overview = build(ws, ledger, store, agency, spec, now, &label)?;
        let view = view::build(&overview, agency, &kit.brand, &locale);
        let failed = |message: String| OverviewError::Render {
            agency: agency.id.to_string(),
            message,
        };
        let mut files = Vec::new();
        for format in formats {
            let bytes = match format {
                Format::Json => {
                    serde_json::to_vec_pretty(&overview).map_err(|e| failed(e.to_string()))?
                }
                Format::Html => kit
                    .html
                    .render(&view, &kit.brand)
                    .map_err(|e| failed(crate::error_chain(&e)))?,
                Format::Pdf => {
                    crate::render::pdf_of_view(&view, &kit, &locale, overview.period.end, true)
                        .map_err(|e| failed(crate::error_chain(&e)))?
                }
            };
            let extension = format.file_name().rsplit('.').next().unwrap_or("out");
            let path = location(store, agency.id.as_str(), &overview.period.key, extension);
            store.put(&path, &bytes)?;
            files.push(path);
        }
        let written = Written {
            agency: agency.id.to_string(),
            period: overview.period.key.clone(),
            clients: overview.clients_total,
            needing_attention: overview.needing_attention,
            files,
        };
        done.push((overview, written));
    }
    Ok(done)
}
