//! Period values of every metric the client has, and their change against the comparison.

use crate::metrics::catalog::{Aggregation, Direction, MetricDef};
use crate::metrics::dataset::Slice;
use crate::period::Period;
use crate::report::model::{DayValue, Kpi, Sentiment, Series, Trend};

use super::Context;

/// Relative changes smaller than this are shown as flat, neither good nor bad.
const FLAT_BELOW: f64 = 0.001;

pub fn kpis(ctx: &Context) -> Vec<Kpi> {
    ctx.catalog
        .iter()
        .filter(|m| ctx.data.has(ctx.catalog, &m.id))
        .map(|m| kpi(ctx, m))
        .collect()
}

fn kpi(ctx: &Context, m: &MetricDef) -> Kpi {
    let value_in = |p: &Period| {
        ctx.data
            .value(ctx.catalog, &m.id, p.start, p.end, Slice::All)
    };
    let missing_in =
        |p: &Period| p.days - ctx.data.covered_dates(ctx.catalog, &m.id, p).len() as u32;
    let value = value_in(ctx.period);
    let previous = ctx.comparison.and_then(value_in);
    let change = value.zip(previous).map(|(v, p)| v - p);
    let change_pct = change
        .zip(previous)
        .and_then(|(c, p)| (p != 0.0).then(|| c / p.abs()));
    let trend = change.map(|c| {
        let small = change_pct.map_or(c == 0.0, |pct| pct.abs() < FLAT_BELOW);
        if small {
            Trend::Flat
        } else if c > 0.0 {
            Trend::Up
        } else {
            Trend::Down
        }
    });
    let sentiment = trend.map(|t| match (t, m.good) {
        (Trend::Flat, _) | (_, Direction::Neutral) => Sentiment::Neutral,
        (Trend::Up, Direction::Up) | (Trend::Down, Direction::Down) => Sentiment::Good,
        _ => Sentiment::Bad,
    });
    let (aggregation, note) = match &m.aggregation {
        Aggregation::Sum => ("sum", None),
        Aggregation::SumOfDailyUniques
            if ctx
                .data
                .total(&m.id, ctx.period.start, ctx.period.end)
                .is_some() =>
        {
            ("platform_total", None)
        }
        Aggregation::SumOfDailyUniques => (
            "sum_of_daily_uniques",
            Some("Sum of daily unique counts: someone active on several days is counted once per day.".to_string()),
        ),
        Aggregation::Last => ("last", None),
        Aggregation::WeightedMean { .. } => ("weighted_mean", None),
        Aggregation::Ratio { .. } => ("ratio", None),
    };
    Kpi {
        id: m.id.clone(),
        channel: m.channel().to_string(),
        label: m.label.clone(),
        unit: m.unit,
        good: m.good,
        aggregation,
        value,
        previous,
        change,
        change_pct,
        trend,
        sentiment,
        missing_days: missing_in(ctx.period),
        previous_missing_days: ctx.comparison.map(missing_in),
        note,
    }
}

/// Daily values of each KPI for the period and the comparison, aligned by day index.
pub fn series(ctx: &Context, kpis: &[Kpi]) -> Vec<Series> {
    let daily = |metric: &str, p: &Period| -> Vec<DayValue> {
        p.dates()
            .map(|date| DayValue {
                date,
                value: ctx.data.value(ctx.catalog, metric, date, date, Slice::All),
            })
            .collect()
    };
    kpis.iter()
        .filter(|k| k.value.is_some())
        .map(|k| Series {
            metric: k.id.clone(),
            current: daily(&k.id, ctx.period),
            previous: ctx.comparison.map(|p| daily(&k.id, p)).unwrap_or_default(),
        })
        .collect()
}
