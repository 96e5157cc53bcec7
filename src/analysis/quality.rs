//! Data quality: sources that failed, rows skipped, days without data, how fresh each source
//! is, and the delivery gate that follows from all of it.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::config::schema::SourceKind;
use crate::model::{DataQuality, DataStatus, DateRange, Kpi, SourceQuality, SourceStatus};
use crate::period::Period;
use crate::sources::SourceData;
use crate::sources::live::health::Health;

/// What a report says about a source whatever became of it.
pub struct SourceMeta {
    pub id: String,
    pub kind: SourceKind,
    pub platform: Option<String>,
    pub channels: Vec<String>,
}

/// How loading one source ended.
pub enum SourceOutcome {
    Loaded(SourceMeta, SourceData),
    /// A source that is not `required` and failed: the report says so.
    Failed {
        meta: SourceMeta,
        /// The reason, secrets masked: for stderr, `status` and the ledger.
        error: String,
        health: Health,
    },
}

const SKIPPED_LISTED: usize = 20;

pub fn data_quality(
    outcomes: &[SourceOutcome],
    kpis: &[Kpi],
    period: &Period,
    comparison: Option<&Period>,
) -> DataQuality {
    let whole = |p: &Period| {
        vec![DateRange {
            start: p.start,
            end: p.end,
        }]
    };
    let sources: Vec<SourceQuality> = outcomes
        .iter()
        .map(|o| match o {
            SourceOutcome::Loaded(meta, d) => {
                let missing = missing_ranges(&d.dates, period);
                let comparison_missing = comparison.map(|c| missing_ranges(&d.dates, c));
                SourceQuality {
                    id: meta.id.clone(),
                    kind: meta.kind,
                    platform: meta.platform.clone(),
                    channels: meta.channels.clone(),
                    status: SourceStatus::Ok,
                    error: None,
                    data_through: d.data_through,
                    rows: d.rows,
                    skipped_rows: d.skipped.len(),
                    skipped: d.skipped.iter().take(SKIPPED_LISTED).cloned().collect(),
                    missing_days: days(&missing),
                    missing,
                    comparison_missing_days: comparison_missing.as_deref().map(days),
                    comparison_missing: comparison_missing.unwrap_or_default(),
                    fetched: d.fetched.clone(),
                    health: meta.kind.is_live().then(|| {
                        if d.data_through.is_some_and(|t| t >= period.end) {
                            Health::Ok
                        } else {
                            Health::Late
                        }
                    }),
                }
            }
            SourceOutcome::Failed {
                meta,
                error,
                health,
            } => SourceQuality {
                id: meta.id.clone(),
                kind: meta.kind,
                platform: meta.platform.clone(),
                channels: meta.channels.clone(),
                status: SourceStatus::Failed,
                error: Some(error.clone()),
                data_through: None,
                rows: 0,
                skipped_rows: 0,
                skipped: Vec::new(),
                missing_days: period.days,
                missing: whole(period),
                comparison_missing_days: comparison.map(|c| c.days),
                comparison_missing: comparison.map(whole).unwrap_or_default(),
                fetched: Vec::new(),
                health: meta.kind.is_live().then_some(*health),
            },
        })
        .collect();
    let complete = sources.iter().all(|s| {
        s.status == SourceStatus::Ok
            && s.skipped_rows == 0
            && s.missing_days == 0
            && s.comparison_missing_days.unwrap_or(0) == 0
    });
    let waiting_for: Vec<String> = sources
        .iter()
        .filter_map(|s| waiting_for(s, period, comparison))
        .collect();
    let status = if !kpis.iter().any(|k| k.value.is_some()) {
        DataStatus::NoData
    } else if !waiting_for.is_empty() {
        DataStatus::Incomplete
    } else {
        DataStatus::Complete
    };
    DataQuality {
        status,
        complete,
        waiting_for,
        sources,
    }
}

/// What keeps a source from being complete for the report, if anything: a failure, data
/// that ends before the period does, or days missing in the comparison.
fn waiting_for(s: &SourceQuality, period: &Period, comparison: Option<&Period>) -> Option<String> {
    if let Some(error) = &s.error {
        let first = error.lines().next().unwrap_or_default();
        return Some(format!("{}: failed: {first}", s.id));
    }
    if s.data_through.is_none_or(|d| d < period.end) {
        let through = s
            .data_through
            .map_or("no data".to_string(), |d| format!("data through {d}"));
        return Some(format!("{}: {through}, needs {}", s.id, period.end));
    }
    let c = comparison?;
    let missing = s.comparison_missing_days.filter(|&n| n > 0)?;
    let ranges: Vec<String> = s
        .comparison_missing
        .iter()
        .map(|r| {
            if r.start == r.end {
                r.start.to_string()
            } else {
                format!("{}..{}", r.start, r.end)
            }
        })
        .collect();
    Some(format!(
        "{}: the comparison {} misses {missing} days ({})",
        s.id,
        c.key,
        ranges.join(", ")
    ))
}

fn days(ranges: &[DateRange]) -> u32 {
    ranges
        .iter()
        .map(|r| (r.end - r.start).num_days() as u32 + 1)
        .sum()
}

/// Runs of consecutive dates of `period` that are not in `present`.
fn missing_ranges(present: &BTreeSet<NaiveDate>, period: &Period) -> Vec<DateRange> {
    let mut out: Vec<DateRange> = Vec::new();
    for date in period.dates().filter(|d| !present.contains(d)) {
        match out.last_mut() {
            Some(r) if r.end.succ_opt() == Some(date) => r.end = date,
            _ => out.push(DateRange {
                start: date,
                end: date,
            }),
        }
    }
    out
}
