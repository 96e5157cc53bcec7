//! A group's locations side by side (issue 21): each location's KPIs, computed from its own
//! data in the group's currency, ranked, with the movers and each one's data completeness.

use std::cmp::Ordering;

use crate::metrics::catalog::{ChangeScale, Direction};
use crate::model::{ExchangeRate, GoalStanding, Kpi, LocationRow, Locations, Mover};

use super::goal_tally;

/// What is known of one location: its KPIs (money already converted) and goals.
pub struct LocationInput<'a> {
    pub id: String,
    pub name: String,
    pub currency: String,
    pub kpis: &'a [Kpi],
    pub goals: &'a [GoalStanding],
    pub failed_sources: u32,
}

/// The ranking by `rank_metric` (its good direction first), with `metrics` as value columns.
pub fn locations(
    inputs: &[LocationInput],
    rank_metric: &str,
    metrics: Vec<String>,
    exchange_rates: Vec<ExchangeRate>,
) -> Locations {
    let kpi = |input: &LocationInput, id: &str| input.kpis.iter().find(|k| k.id == id).cloned();
    let mut rows: Vec<(LocationRow, Direction)> = inputs
        .iter()
        .map(|input| {
            let rank = kpi(input, rank_metric);
            let (with, days) = input
                .kpis
                .iter()
                .filter(|k| k.value.is_some())
                .fold((0u32, 0u32), |(w, d), k| {
                    (w + k.days_with_data, d + k.days_with_data + k.missing_days)
                });
            let row = LocationRow {
                id: input.id.clone(),
                name: input.name.clone(),
                currency: input.currency.clone(),
                values: metrics
                    .iter()
                    .map(|m| (m.clone(), kpi(input, m).and_then(|k| k.value)))
                    .collect(),
                previous: metrics
                    .iter()
                    .map(|m| (m.clone(), kpi(input, m).and_then(|k| k.previous)))
                    .collect(),
                change: rank.as_ref().and_then(|k| match k.change_scale {
                    ChangeScale::Relative => k.change_pct,
                    _ => k.change,
                }),
                change_scale: rank
                    .as_ref()
                    .map_or(ChangeScale::Relative, |k| k.change_scale),
                sentiment: rank.as_ref().and_then(|k| k.sentiment),
                goals: goal_tally(input.goals),
                completeness: (days > 0).then(|| f64::from(with) / f64::from(days)),
                failed_sources: input.failed_sources,
            };
            (row, rank.map_or(Direction::Up, |k| k.good))
        })
        .collect();
    // Best first in the metric's good direction; without a value, last (in config order).
    let value = |r: &LocationRow| r.values.get(rank_metric).copied().flatten();
    rows.sort_by(|(a, good), (b, _)| match (value(a), value(b)) {
        (Some(x), Some(y)) if *good == Direction::Down => x.total_cmp(&y),
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    // A change for the better is positive whichever way the metric is good.
    let better = |r: &LocationRow, good: Direction| {
        r.change
            .map(|c| if good == Direction::Down { -c } else { c })
    };
    let ranked: Vec<(f64, &LocationRow)> = {
        let mut v: Vec<(f64, &LocationRow)> = rows
            .iter()
            .filter_map(|(r, good)| better(r, *good).map(|b| (b, r)))
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0));
        v
    };
    let mover = |(_, r): &(f64, &LocationRow)| Mover {
        location: r.id.clone(),
        metric: rank_metric.to_string(),
        change: r.change.unwrap_or_default(),
        change_scale: r.change_scale,
    };
    // Movers need two locations to compare; the best is not also the worst.
    let (best_mover, worst_mover) = match ranked.as_slice() {
        [first, .., last] => (Some(mover(first)), Some(mover(last))),
        _ => (None, None),
    };
    Locations {
        rank_metric: rank_metric.to_string(),
        metrics,
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        best_mover,
        worst_mover,
        exchange_rates,
    }
}
