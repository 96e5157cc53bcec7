//! Building the report model for one client and period: load sources, analyse, assemble.

pub use crate::format::Format;
pub use crate::model;

mod group;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::analysis::{self, Context, SourceMeta, SourceOutcome};
use crate::config::brand::Brand;
use crate::config::schema::{CommentaryPlacement, Section, SourceConfig};
use crate::config::{Client, LocaleTag, Workspace};
use crate::metrics::catalog::CHANNELS;
use crate::metrics::dataset::Dataset;
use crate::metrics::platform::Platform;
use crate::period::{self, CompareKind, Period, PeriodError, PeriodSpec};
use crate::sources::History;
use crate::sources::live::health::Health;
use crate::sources::live::{DataMode, Fetcher, Needs};
use crate::sources::{self, SourceError};
use model::{AgencyInfo, ClientInfo, ComparisonInfo, Kpi, PeriodInfo, Report, SCHEMA_VERSION};

/// What to report on.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub period: PeriodSpec,
    pub compare: CompareKind,
    /// "Today" in the client's time zone; default: the clock.
    pub today: Option<NaiveDate>,
    /// Overrides the client's locale (`--locale`).
    pub locale: Option<LocaleTag>,
    /// The clock, for "today" and for judging whether cached data has settled; default: now.
    pub now: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether live sources may be fetched, must come from the cache, or must be refetched.
    pub data: DataMode,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("client {client}: period: {source}")]
    Period { client: String, source: PeriodError },
    #[error(
        "client {client}: required source {source_id:?} failed: {error}\n  hint: fix the source, or mark it `required: false` to render with a \"data unavailable\" note"
    )]
    Source {
        client: String,
        source_id: String,
        error: Box<SourceError>,
    },
    #[error("client {client}: {message}")]
    Data { client: String, message: String },
    #[error("client {client}: postponed: {hold}")]
    Postponed {
        client: String,
        /// The source whose platform's quota ran out.
        source_id: String,
        hold: Box<crate::sources::live::quota::Hold>,
    },
    #[error(
        "client {client}: its settings have problems (see `execreport check`):\n{}",
        problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    )]
    Config {
        client: String,
        problems: Vec<crate::config::Problem>,
    },
}

/// The period a request resolves to for this client (relative forms use the client's zone).
pub fn resolve_period(
    client: &Client,
    req: &ReportRequest,
) -> Result<(Period, Option<Period>), ReportError> {
    let today = today(client, req);
    let period = req
        .period
        .resolve(today, client.week_start)
        .map_err(|source| ReportError::Period {
            client: client.config.id.to_string(),
            source,
        })?;
    let comparison = period::comparison(&period, req.compare, client.week_start);
    Ok((period, comparison))
}

/// "Today" in the client's time zone, unless the request sets it.
fn today(client: &Client, req: &ReportRequest) -> NaiveDate {
    req.today.unwrap_or_else(|| {
        req.now
            .unwrap_or_else(chrono::Utc::now)
            .with_timezone(&client.time_zone)
            .date_naive()
    })
}

/// Loads the client's sources (live ones through `fetcher`) and notes and computes its report
/// model.
pub fn build(
    ws: &Workspace,
    fetcher: &Fetcher,
    client: &Client,
    brand: &Brand,
    req: &ReportRequest,
) -> Result<Report, ReportError> {
    let id = client.config.id.to_string();
    if let Some(problems) = ws.client_problems.get(&id) {
        return Err(ReportError::Config {
            client: id,
            problems: problems.clone(),
        });
    }
    let (period, comparison) = resolve_period(client, req)?;
    // A weekly report compares each KPI with its average week over the four weeks before.
    let recent = match period.kind {
        period::PeriodKind::Week => {
            period::weeks_before(&period, analysis::AVERAGE_WEEKS, client.week_start)
        }
        _ => Vec::new(),
    };
    let needs = Needs {
        client: &id,
        time_zone: client.time_zone,
        ranges: std::iter::once(&period)
            .chain(comparison.as_ref())
            .chain(recent.iter().filter(|w| Some(*w) != comparison.as_ref()))
            .map(|p| (p.start, p.end))
            .collect(),
        history: Some(history(ws, client, &period)),
        mode: req.data,
        now: req.now.unwrap_or_else(chrono::Utc::now),
    };
    let (data, outcomes, group) = if client.config.is_group() {
        let mut g = group::load_group(
            ws,
            fetcher,
            client,
            req,
            &needs,
            &period,
            comparison.as_ref(),
        )?;
        let data = std::mem::take(&mut g.data);
        (data, std::mem::take(&mut g.outcomes), Some(g))
    } else {
        let (data, outcomes) = load(ws, fetcher, client, &needs)?;
        (data, outcomes, None)
    };
    data.check_finite(&ws.catalog, &needs.ranges)
        .map_err(|message| ReportError::Data {
            client: id.clone(),
            message,
        })?;
    let ctx = Context {
        catalog: &ws.catalog,
        data: &data,
        period: &period,
        comparison: comparison.as_ref(),
    };
    let mut kpis = analysis::kpis(&ctx);
    analysis::four_week_averages(&ctx, &recent, &mut kpis);
    let goals = analysis::goals(&ctx, &client.config.goals);
    let commentary = read_notes(ws, &id, &period.key).map_err(|message| ReportError::Data {
        client: id.clone(),
        message,
    })?;
    // Goals without any value say nothing but "no data" three times.
    let has_goals = goals.iter().any(|g| g.value.is_some());
    let goal_standings = analysis::goal_standings(&ctx, &goals, today(client, req));
    let missed = goal_standings
        .iter()
        .any(|g| g.status == model::GoalStatus::Missed);
    let mut sections = sections(client, &kpis, has_goals, commentary.is_some());
    commentary_first(&mut sections, client.config.commentary, missed);
    let locale = req
        .locale
        .as_ref()
        .or(client.own_locale)
        .or(brand.file.locale.as_ref())
        .unwrap_or(&client.agency.locale);
    let summary = summary_kpis(client, &kpis, &sections);
    let priorities: Vec<String> = client
        .config
        .priorities
        .iter()
        .map(|m| m.value.clone())
        .collect();
    let highlights = analysis::highlights(&ctx, &kpis, &priorities);
    let trends = analysis::trends(&ctx, &summary, client.week_start);
    let locations = group.map(|g| group::locations(ws, &g, &priorities, &summary));
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        generator: format!("execreport {}", env!("CARGO_PKG_VERSION")),
        client: ClientInfo {
            id,
            name: client.config.name.clone(),
            locale: locale.to_string(),
            calendar: client
                .config
                .calendar
                .or(brand.file.calendar)
                .unwrap_or_default(),
            time_zone: client.time_zone.name().to_string(),
            currency: client.currency.to_string(),
        },
        agency: AgencyInfo {
            id: client.agency.id.to_string(),
            name: client.agency.name.clone(),
            contact: client.agency.contact.clone(),
        },
        brand: Some(brand.id.clone()),
        period: PeriodInfo {
            kind: period.kind,
            key: period.key.clone(),
            start: period.start,
            end: period.end,
            days: period.days,
        },
        comparison: comparison.as_ref().map(|c| ComparisonInfo {
            kind: req.compare,
            key: c.key.clone(),
            start: c.start,
            end: c.end,
            days: c.days,
            series_alignment: period::WeekdayAlignment::new(&period, c),
        }),
        sections,
        summary,
        platforms: platforms(client),
        series: analysis::series(&ctx, &kpis),
        trends,
        breakdowns: analysis::breakdowns(&ctx, &kpis, client.config.breakdown_top),
        summary_headline: analysis::headline(
            &highlights,
            &goal_standings,
            kpis.iter()
                .any(|k| k.missing_days > 0 || k.previous_missing_days.is_some_and(|d| d > 0)),
        ),
        highlights,
        goal_standings,
        recent_weeks: analysis::recent_weeks(&recent),
        data_quality: analysis::data_quality(&outcomes, &kpis, &period, comparison.as_ref()),
        goals,
        kpis,
        commentary,
        annotations: annotations(client, &period),
        locations,
    })
}

/// Loads a client's sources into one dataset, with how each source fared. A required
/// source that fails is an error; another is a "data unavailable" note.
fn load(
    ws: &Workspace,
    fetcher: &Fetcher,
    client: &Client,
    needs: &Needs,
) -> Result<(Dataset, Vec<SourceOutcome>), ReportError> {
    let id = client.config.id.to_string();
    let mut outcomes = Vec::new();
    let mut data = Dataset::default();
    for source in &client.config.sources {
        let meta = SourceMeta {
            id: source.id.to_string(),
            kind: source.kind,
            platform: source.platform().map(|p| p.name),
            channels: source_channels(ws, source),
        };
        match sources::load(ws, fetcher, source, needs) {
            Ok(mut loaded) => {
                for total in &loaded.totals {
                    data.insert_total(&loaded.id, total.clone());
                }
                // The outcome keeps the source's counts and dates; its series move to the data.
                for (metric, series) in std::mem::take(&mut loaded.metrics) {
                    data.insert(metric, series)
                        .map_err(|message| ReportError::Data {
                            client: id.clone(),
                            message,
                        })?;
                }
                outcomes.push(SourceOutcome::Loaded(meta, loaded));
            }
            // A quota runs out for a while, not the data: the report waits, whether the
            // source is required or not, and never shows a quota error as its data.
            Err(SourceError::Postponed(hold)) => {
                return Err(ReportError::Postponed {
                    client: id,
                    source_id: source.id.to_string(),
                    hold,
                });
            }
            Err(error) if source.required => {
                return Err(ReportError::Source {
                    client: id,
                    source_id: source.id.to_string(),
                    error: Box::new(error),
                });
            }
            Err(error) => outcomes.push(SourceOutcome::Failed {
                meta,
                health: Health::of_error(&error),
                error: fetcher.redact(&error.to_string()),
            }),
        }
    }
    Ok((data, outcomes))
}

/// The client's annotations that touch the period, earliest first.
fn annotations(client: &Client, period: &Period) -> Vec<model::Annotation> {
    let mut out: Vec<model::Annotation> = client
        .config
        .annotations
        .iter()
        .filter_map(|a| {
            let (start, end) = a.days()?;
            (start <= period.end && end >= period.start).then(|| model::Annotation {
                start,
                end,
                label: a.label.value.trim().to_string(),
            })
        })
        .collect();
    out.sort_by_key(|a| (a.start, a.end));
    out
}

/// What the trends read from files beyond the period and its comparison: their days, and the
/// metrics that may be headline KPIs (the client's choice, or every default pick) with the
/// parts they are computed from.
pub fn history(ws: &Workspace, client: &Client, period: &Period) -> History {
    let (start, end) = analysis::trends::history(period, client.week_start);
    let mut wanted: Vec<String> = match &client.config.summary_kpis {
        Some(chosen) => chosen.iter().map(|m| m.value.clone()).collect(),
        None => SUMMARY_PICKS
            .iter()
            .flatten()
            .map(|m| m.to_string())
            .collect(),
    };
    let mut metrics = BTreeSet::new();
    while let Some(m) = wanted.pop() {
        if let Some(def) = ws.catalog.get(&m) {
            wanted.extend(def.components().into_iter().map(str::to_string));
        }
        metrics.insert(m);
    }
    History {
        start,
        end,
        metrics,
    }
}

/// The platforms of the client's sources, each once, in source order.
fn platforms(client: &Client) -> Vec<Platform> {
    let mut out: Vec<Platform> = Vec::new();
    for p in client.config.sources.iter().filter_map(|s| s.platform()) {
        if !out.iter().any(|o| o.id == p.id) {
            out.push(p);
        }
    }
    out
}

/// The channels a source's metrics belong to, in report order.
fn source_channels(ws: &Workspace, source: &SourceConfig) -> Vec<String> {
    let mapped: Vec<&str> = source
        .mapped_metrics()
        .filter_map(|m| ws.catalog.get(m))
        .map(|m| m.channel())
        .collect();
    CHANNELS
        .iter()
        .filter(|c| mapped.contains(c))
        .map(|c| c.to_string())
        .collect()
}

/// The configured (or default) sections, leaving out those with nothing to show.
fn sections(client: &Client, kpis: &[Kpi], has_goals: bool, has_commentary: bool) -> Vec<Section> {
    let wanted = client.config.sections.as_deref().unwrap_or(&Section::ALL);
    let mut out: Vec<Section> = Vec::new();
    for &s in wanted {
        let has_data = match s.channel() {
            Some(ch) => kpis.iter().any(|k| k.channel == ch && k.value.is_some()),
            None => match s {
                Section::Summary => kpis.iter().any(|k| k.value.is_some()),
                Section::Goals => has_goals,
                Section::Commentary => has_commentary,
                Section::Locations => client.config.is_group(),
                _ => true,
            },
        };
        if has_data && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Moves the commentary right after the summary when the agency asks for it, or by default
/// when a goal is missed: the reader sees the agency's plan next to the bad news.
fn commentary_first(
    sections: &mut Vec<Section>,
    placement: Option<CommentaryPlacement>,
    goal_missed: bool,
) {
    let first = match placement {
        Some(p) => p == CommentaryPlacement::First,
        None => goal_missed,
    };
    let Some(at) = sections.iter().position(|s| *s == Section::Commentary) else {
        return;
    };
    if first {
        let commentary = sections.remove(at);
        let after = sections
            .iter()
            .position(|s| *s == Section::Summary)
            .map_or(0, |i| i + 1);
        sections.insert(after, commentary);
    }
}

/// Default summary tiles: the headline metrics of each shown channel, first picks first.
const SUMMARY_PICKS: [[&str; 2]; 7] = [
    ["web.sessions", "web.conversions"],
    ["ads.spend", "ads.roas"],
    ["seo.clicks", "seo.position"],
    ["local.calls", "local.directions"],
    ["social.followers", "social.engagement_rate"],
    ["reviews.rating", "reviews.new"],
    ["email.open_rate", "email.clicks"],
];
const SUMMARY_TILES: usize = 8;

fn summary_kpis(client: &Client, kpis: &[Kpi], sections: &[Section]) -> Vec<String> {
    let available = |id: &str| kpis.iter().any(|k| k.id == id && k.value.is_some());
    if let Some(chosen) = &client.config.summary_kpis {
        return chosen
            .iter()
            .map(|m| m.value.clone())
            .filter(|id| available(id))
            .collect();
    }
    let shown = |id: &str| sections.iter().any(|s| s.channel() == id.split('.').next());
    let mut out = Vec::new();
    for round in 0..2 {
        for picks in SUMMARY_PICKS {
            let id = picks[round];
            if out.len() < SUMMARY_TILES && shown(id) && available(id) {
                out.push(id.to_string());
            }
        }
    }
    out
}

/// The agency's commentary for a client and period: `None` when not written (or empty).
/// A notes file that leads outside the workspace is refused.
fn read_notes(ws: &Workspace, client: &str, period_key: &str) -> Result<Option<String>, String> {
    let notes = ws.notes_file(client, period_key);
    crate::config::containment::inside(&ws.root, &notes, "notes").map_err(|e| e.to_string())?;
    match std::fs::read_to_string(&notes) {
        Ok(text) if !text.trim().is_empty() => Ok(Some(text)),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!(
            "cannot read the commentary {}: {e}",
            notes.display()
        )),
    }
}
