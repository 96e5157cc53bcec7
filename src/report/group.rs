//! A group's report (issue 21): its locations' data, converted into the group's currency and
//! added up by the catalog's rules, and each location's own KPIs for the ranking.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::{ReportError, ReportRequest, load, today};
use crate::analysis::{self, Context, LocationInput, SourceOutcome};
use crate::config::{Client, Workspace};
use crate::metrics::catalog::Aggregation;
use crate::metrics::dataset::Dataset;
use crate::model::{ExchangeRate, GoalStanding, Kpi, Locations};
use crate::period::Period;
use crate::sources::live::{Fetcher, Needs};

/// What a group's report is built from.
pub(super) struct GroupData {
    /// Every location's data, tagged with its location (see `Dataset::absorb`).
    pub data: Dataset,
    /// Every location's sources, their ids prefixed with the location's.
    pub outcomes: Vec<SourceOutcome>,
    pub members: Vec<Member>,
    pub rates: Vec<ExchangeRate>,
}

/// One location as its own report would see it, money in the group's currency.
pub(super) struct Member {
    id: String,
    name: String,
    currency: String,
    kpis: Vec<Kpi>,
    goals: Vec<GoalStanding>,
    failed_sources: u32,
}

/// Loads every location of `group` for the ranges of `needs`. A location that cannot be
/// loaded, or whose money has no rate for a day of the report's ranges, fails the group's
/// report with a message naming it: totals without it would be silently short.
pub(super) fn load_group(
    ws: &Workspace,
    fetcher: &Fetcher,
    group: &Client,
    req: &ReportRequest,
    needs: &Needs,
    period: &Period,
    comparison: Option<&Period>,
) -> Result<GroupData, ReportError> {
    let gid = group.config.id.to_string();
    let fail = |message: String| ReportError::Data {
        client: gid.clone(),
        message,
    };
    let mut out = GroupData {
        data: Dataset::default(),
        outcomes: Vec::new(),
        members: Vec::new(),
        rates: Vec::new(),
    };
    for loc in &group.config.locations {
        let Some(member) = ws.client(loc.as_str()) else {
            return Err(fail(format!("location {:?} is not a client", loc.as_str())));
        };
        let lid = member.config.id.to_string();
        if let Some(problems) = ws.client_problems.get(&lid) {
            return Err(ReportError::Config {
                client: lid,
                problems: problems.clone(),
            });
        }
        let own = Needs {
            client: &lid,
            time_zone: member.time_zone,
            ranges: needs.ranges.clone(),
            history: needs.history.clone(),
            mode: needs.mode,
            now: needs.now,
        };
        let (mut data, outcomes) = load(ws, fetcher, &member, &own).map_err(|e| match e {
            // A location's quota hold postpones the whole group: it never goes out without it.
            ReportError::Postponed {
                hold, source_id, ..
            } => ReportError::Postponed {
                client: group.config.id.to_string(),
                source_id: format!("{lid}/{source_id}"),
                hold,
            },
            e => fail(format!("location {lid:?}: {e}")),
        })?;
        if member.currency != group.currency {
            let code = member.currency.as_str();
            let months = group.config.exchange_rates.get(member.currency);
            let rate = |day: NaiveDate| {
                let month = format!("{:04}-{:02}", day.year(), day.month());
                match months.and_then(|m| m.get(&month)) {
                    Some(r) => Ok(Some(*r)),
                    None if needs.ranges.iter().any(|&(s, e)| s <= day && day <= e) => {
                        Err(format!(
                            "location {lid:?} reports in {code} and has data on {day}, but \
                             `exchange_rates` has no {code} rate for {month}: add \
                             `exchange_rates: {{{code}: {{{month}: <1 {code} in {}>}}}}`",
                            group.currency
                        ))
                    }
                    // Outside the report's ranges (the long view), a day without a rate is
                    // a missing day of money, never an unconverted one.
                    None => Ok(None),
                }
            };
            data.convert_money(&ws.catalog, &rate).map_err(fail)?;
            for month in months_of(&needs.ranges) {
                if let Some(&rate) = months.and_then(|m| m.get(&month))
                    && !out
                        .rates
                        .iter()
                        .any(|r| r.currency == code && r.month == month)
                {
                    out.rates.push(ExchangeRate {
                        currency: code.to_string(),
                        month,
                        rate,
                    });
                }
            }
        }
        let ctx = Context {
            catalog: &ws.catalog,
            data: &data,
            period,
            comparison,
        };
        let kpis = analysis::kpis(&ctx);
        let goals = analysis::goals(&ctx, &member.config.goals);
        let standings = analysis::goal_standings(&ctx, &goals, today(&member, req));
        let failed = outcomes
            .iter()
            .filter(|o| matches!(o, SourceOutcome::Failed { .. }))
            .count() as u32;
        out.data
            .absorb(&ws.catalog, &lid, data)
            .map_err(|e| fail(format!("location {lid:?}: {e}")))?;
        out.outcomes.extend(outcomes.into_iter().map(|mut o| {
            let meta = match &mut o {
                SourceOutcome::Loaded(meta, _) | SourceOutcome::Failed { meta, .. } => meta,
            };
            meta.id = format!("{lid}/{}", meta.id);
            o
        }));
        out.members.push(Member {
            id: lid,
            name: member.config.name.clone(),
            currency: member.currency.to_string(),
            kpis,
            goals: standings,
            failed_sources: failed,
        });
    }
    out.rates
        .sort_by(|a, b| (&a.currency, &a.month).cmp(&(&b.currency, &b.month)));
    Ok(out)
}

/// The ranking of the locations by the group's first priority, else its first headline KPI;
/// its columns: that metric, the next headline KPI, and the unique-people counts the group's
/// totals leave out.
pub(super) fn locations(
    ws: &Workspace,
    g: &GroupData,
    priorities: &[String],
    summary: &[String],
) -> Locations {
    let has = |id: &str| {
        g.members
            .iter()
            .any(|m| m.kpis.iter().any(|k| k.id == id && k.value.is_some()))
    };
    let mut metrics: Vec<String> = priorities
        .iter()
        .filter(|m| has(m))
        .take(1)
        .chain(summary.iter())
        .filter(|m| has(m))
        .cloned()
        .collect();
    metrics.dedup();
    metrics.truncate(2);
    let uniques: BTreeSet<String> = g
        .members
        .iter()
        .flat_map(|m| &m.kpis)
        .filter(|k| k.value.is_some())
        .filter(|k| {
            ws.catalog
                .get(&k.id)
                .is_some_and(|d| matches!(d.aggregation, Aggregation::SumOfDailyUniques))
        })
        .map(|k| k.id.clone())
        .collect();
    metrics.extend(uniques.into_iter().take(1));
    let rank = metrics.first().cloned().unwrap_or_default();
    let inputs: Vec<LocationInput> = g
        .members
        .iter()
        .map(|m| LocationInput {
            id: m.id.clone(),
            name: m.name.clone(),
            currency: m.currency.clone(),
            kpis: &m.kpis,
            goals: &m.goals,
            failed_sources: m.failed_sources,
        })
        .collect();
    analysis::locations(&inputs, &rank, metrics, g.rates.clone())
}

/// The months (YYYY-MM) the ranges touch, in order.
fn months_of(ranges: &[(NaiveDate, NaiveDate)]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for &(start, end) in ranges {
        let mut day = start;
        while day <= end {
            out.insert(format!("{:04}-{:02}", day.year(), day.month()));
            day = day
                .with_day(1)
                .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
                .unwrap_or(NaiveDate::MAX);
        }
    }
    out
}
