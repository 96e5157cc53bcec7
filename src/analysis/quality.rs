//! Data quality: sources that failed, rows skipped, days without data.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::period::Period;
use crate::report::model::{DataQuality, DateRange, SourceQuality};
use crate::sources::SourceData;

/// How loading one source ended.
pub enum SourceOutcome {
    Loaded(SourceData),
    /// A source that is not `required` and failed: the report says so.
    Failed {
        id: String,
        kind: &'static str,
        file: String,
        error: String,
        /// The error without the request URL, for the report's data notes.
        summary: String,
    },
}

const SKIPPED_LISTED: usize = 20;

pub fn data_quality(
    outcomes: &[SourceOutcome],
    period: &Period,
    comparison: Option<&Period>,
) -> DataQuality {
    let sources: Vec<SourceQuality> = outcomes
        .iter()
        .map(|o| match o {
            SourceOutcome::Loaded(d) => {
                let missing = missing_ranges(&d.dates, period);
                let comparison_missing = comparison.map(|c| missing_ranges(&d.dates, c));
                SourceQuality {
                    id: d.id.clone(),
                    kind: d.kind,
                    file: d.file.display().to_string(),
                    status: "ok",
                    error: None,
                    error_summary: None,
                    rows: d.rows,
                    skipped_rows: d.skipped.len(),
                    skipped: d.skipped.iter().take(SKIPPED_LISTED).cloned().collect(),
                    missing_days: days(&missing),
                    missing,
                    comparison_missing_days: comparison_missing.as_deref().map(days),
                    comparison_missing: comparison_missing.unwrap_or_default(),
                    fetched: d.fetched.clone(),
                }
            }
            SourceOutcome::Failed {
                id,
                kind,
                file,
                error,
                summary,
            } => SourceQuality {
                id: id.clone(),
                kind,
                file: file.clone(),
                status: "failed",
                error: Some(error.clone()),
                error_summary: Some(summary.clone()),
                rows: 0,
                skipped_rows: 0,
                skipped: Vec::new(),
                missing_days: period.days,
                missing: vec![DateRange {
                    start: period.start,
                    end: period.end,
                }],
                comparison_missing_days: comparison.map(|c| c.days),
                comparison_missing: comparison
                    .map(|c| {
                        vec![DateRange {
                            start: c.start,
                            end: c.end,
                        }]
                    })
                    .unwrap_or_default(),
                fetched: Vec::new(),
            },
        })
        .collect();
    let complete = sources
        .iter()
        .all(|s| s.status == "ok" && s.skipped_rows == 0 && s.missing_days == 0);
    DataQuality { complete, sources }
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
