//! Period values of every metric the client has, and their change against the comparison.

use crate::metrics::catalog::{Aggregation, ChangeScale, Direction, MetricDef};
use crate::metrics::dataset::Slice;
use crate::metrics::platform::PLATFORM;
use crate::model::{
    ChangeBasis, DayValue, Kpi, KpiAggregation, PerDay, PlatformValue, Sentiment, Series, Trend,
};
use crate::period::{Period, WeekdayAlignment};
use chrono::Duration;

use super::Context;

/// Changes that round to nothing are flat: 0.1 % of the value, 0.01 percentage points of a
/// rate, 0.005 of a rating or position. A change below the metric's own `neutral_below` keeps
/// its direction but is neither good nor bad.
const FLAT_BELOW: f64 = 0.001;
const FLAT_POINTS_BELOW: f64 = 0.0001;
const FLAT_DIFFERENCE_BELOW: f64 = 0.005;

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
    let missing_in = |p: &Period| {
        p.days
            - ctx
                .data
                .covered_dates(ctx.catalog, &m.id, p, Slice::All)
                .len() as u32
    };
    let value = value_in(ctx.period);
    let previous = ctx.comparison.and_then(value_in);
    let missing_days = missing_in(ctx.period);
    let previous_missing_days = ctx.comparison.map(missing_in);
    let (change_basis, per_day) = basis(
        ctx.catalog.is_additive(&m.id),
        m,
        value,
        previous,
        (ctx.period.days, missing_days),
        ctx.comparison
            .zip(previous_missing_days)
            .map(|(c, n)| (c.days, n)),
    );
    // The compared pair: the values, or over the days with data their per-day averages.
    let compared = match (change_basis, per_day) {
        (ChangeBasis::None, _) => None,
        (_, Some(d)) => Some((d.value, d.previous)),
        _ => value.zip(previous),
    };
    let change = compared.map(|(v, p)| v - p);
    let change_pct = compared.and_then(|(v, p)| (p != 0.0).then(|| (v - p) / p.abs()));
    let scale = m.change_scale();
    // The size of the change in its own terms; a relative change from zero is infinite.
    let size = change.map(|c| match scale {
        ChangeScale::Relative => {
            change_pct.map_or(if c == 0.0 { 0.0 } else { f64::INFINITY }, f64::abs)
        }
        ChangeScale::Points | ChangeScale::Absolute => c.abs(),
    });
    let flat_below = match scale {
        ChangeScale::Relative => FLAT_BELOW,
        ChangeScale::Points => FLAT_POINTS_BELOW,
        ChangeScale::Absolute => FLAT_DIFFERENCE_BELOW,
    };
    let trend = change.zip(size).map(|(c, size)| {
        if size < flat_below {
            Trend::Flat
        } else if c > 0.0 {
            Trend::Up
        } else {
            Trend::Down
        }
    });
    let sentiment = trend.zip(size).map(|(t, size)| match (t, m.good) {
        (Trend::Flat, _) | (_, Direction::Neutral) => Sentiment::Neutral,
        _ if size < m.neutral_below() => Sentiment::Neutral,
        (Trend::Up, Direction::Up) | (Trend::Down, Direction::Down) => Sentiment::Good,
        _ => Sentiment::Bad,
    });
    let (aggregation, note) = match &m.aggregation {
        Aggregation::Sum => (KpiAggregation::Sum, None),
        Aggregation::SumOfDailyUniques
            if ctx
                .data
                .has_total(&m.id, ctx.period.start, ctx.period.end) =>
        {
            let note = value.is_none().then(|| {
                "Each platform counts its own unique people; one person may use several, so \
                 the counts are not added up."
                    .to_string()
            });
            (KpiAggregation::PlatformTotal, note)
        }
        Aggregation::SumOfDailyUniques => (
            KpiAggregation::SumOfDailyUniques,
            Some("Sum of daily unique counts: someone active on several days is counted once per day.".to_string()),
        ),
        Aggregation::Last => (KpiAggregation::Last, None),
        Aggregation::WeightedMean { .. } => (KpiAggregation::WeightedMean, None),
        Aggregation::Ratio { .. } => (KpiAggregation::Ratio, None),
        Aggregation::Formula(f) => {
            let note = value.is_none().then(|| {
                format!("Not computed for this period: {f} divides by zero.")
            });
            (KpiAggregation::Formula, note)
        }
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
        change_scale: scale,
        trend,
        sentiment,
        missing_days,
        previous_missing_days,
        days_with_data: ctx.period.days.saturating_sub(missing_days),
        previous_days_with_data: ctx
            .comparison
            .zip(previous_missing_days)
            .map(|(c, n)| c.days.saturating_sub(n)),
        change_basis,
        per_day,
        note,
        by_platform: by_platform(ctx, m),
        four_week_average: None,
    }
}

/// Each platform's value when two or more feed the metric; a change only where both periods
/// are complete for that platform.
fn by_platform(ctx: &Context, m: &MetricDef) -> Vec<PlatformValue> {
    let platforms = ctx.data.platforms(ctx.catalog, &m.id);
    if platforms.len() < 2 {
        return Vec::new();
    }
    platforms
        .iter()
        .map(|p| {
            let slice = Slice::Is(PLATFORM, &p.id);
            let value_in = |period: &Period| {
                ctx.data
                    .value(ctx.catalog, &m.id, period.start, period.end, slice)
            };
            let missing_in = |period: &Period| {
                period.days
                    - ctx
                        .data
                        .covered_dates(ctx.catalog, &m.id, period, slice)
                        .len() as u32
            };
            let (value, missing_days) = (value_in(ctx.period), missing_in(ctx.period));
            let previous = ctx.comparison.and_then(value_in);
            let complete = missing_days == 0 && ctx.comparison.map(missing_in) == Some(0);
            let change_pct = value
                .zip(previous)
                .filter(|&(_, p)| complete && p != 0.0)
                .map(|(v, p)| (v - p) / p.abs());
            PlatformValue {
                platform: p.id.clone(),
                value,
                previous,
                change_pct,
                missing_days,
            }
        })
        .collect()
}

/// How a KPI's periods can be compared like with like. When either misses days, sums (and
/// formulas adding sums) are
/// compared as per-day averages over the days with data, ratios and weighted means over
/// those days as they are; a last value of a period that misses days may be stale, so it is
/// not compared at all.
fn basis(
    additive: bool,
    m: &MetricDef,
    value: Option<f64>,
    previous: Option<f64>,
    (days, missing): (u32, u32),
    comparison: Option<(u32, u32)>,
) -> (ChangeBasis, Option<PerDay>) {
    let (Some(v), Some(p), Some((previous_days, previous_missing))) = (value, previous, comparison)
    else {
        return (ChangeBasis::None, None);
    };
    if missing == 0 && previous_missing == 0 {
        return (ChangeBasis::Totals, None);
    }
    if matches!(m.aggregation, Aggregation::Last) {
        return (ChangeBasis::None, None);
    }
    if !additive {
        // Ratios, weighted means and formulas over ratios compare as they are.
        return (ChangeBasis::DaysPresent, None);
    }
    let present = |days: u32, missing: u32| f64::from(days.saturating_sub(missing));
    let (now, then) = (
        present(days, missing),
        present(previous_days, previous_missing),
    );
    if now == 0.0 || then == 0.0 {
        return (ChangeBasis::None, None);
    }
    let per_day = PerDay {
        value: v / now,
        previous: p / then,
    };
    (ChangeBasis::DaysPresent, Some(per_day))
}

/// Daily values of each KPI for the period and the comparison, aligned by day index.
pub fn series(ctx: &Context, kpis: &[Kpi]) -> Vec<Series> {
    let daily = |metric: &str, p: &Period| -> Vec<DayValue> {
        let values = ctx.data.daily(ctx.catalog, metric, p.start, p.end);
        p.dates()
            .zip(values)
            .map(|(date, value)| DayValue { date, value })
            .collect()
    };
    kpis.iter()
        .filter(|k| k.value.is_some())
        .map(|k| {
            let current = daily(&k.id, ctx.period);
            Series {
                metric: k.id.clone(),
                mostly_present: mostly_present(&current),
                current,
                previous: ctx
                    .comparison
                    .map(|c| {
                        // Under each day, the comparison's day of the same weekday.
                        let aligned = WeekdayAlignment::new(ctx.period, c);
                        let values = ctx
                            .data
                            .daily(ctx.catalog, &k.id, aligned.start, aligned.end);
                        ctx.period
                            .dates()
                            .map(|date| {
                                let day = aligned.day_under(date);
                                DayValue {
                                    date: day.unwrap_or(date - Duration::days(aligned.shift_days)),
                                    value: day.and_then(|d| {
                                        let i = (d - aligned.start).num_days();
                                        *values.get(usize::try_from(i).ok()?)?
                                    }),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// At least 70 % of the days have a value.
fn mostly_present(days: &[DayValue]) -> bool {
    days.iter().filter(|d| d.value.is_some()).count() * 10 >= days.len() * 7
}

#[cfg(test)]
mod tests {
    use crate::analysis::fixture::months;
    use crate::metrics::catalog::ChangeScale;
    use crate::model::{Sentiment, Trend};

    #[test]
    fn changes_below_the_metrics_threshold_are_neutral_not_red() {
        let (kpis, _) = months(
            &[
                // 31 days against 30. ROAS 12.50 → 12.46: −0.3 %, below its 1 %.
                ("ads.conversion_value", 1246.25, 1250.0),
                ("ads.spend", 100.0, 100.0),
                ("web.sessions", 945.5, 1000.0),
                ("web.conversions", 10.0, 10.0),
                ("seo.impressions", 100.0, 100.0),
            ],
            &[],
        );
        let kpi = |id: &str| kpis.iter().find(|k| k.id == id).unwrap();
        let roas = kpi("ads.roas");
        assert_eq!(roas.trend, Some(Trend::Down));
        assert_eq!(roas.sentiment, Some(Sentiment::Neutral));
        // Sessions −2.3 % is news.
        assert_eq!(kpi("web.sessions").sentiment, Some(Sentiment::Bad));
        // Conversion rate 1.00 % → 1.06 %: +0.06 points, below 0.1 point, though +5.8 %.
        let rate = kpi("web.conversion_rate");
        assert_eq!(rate.change_scale, ChangeScale::Points);
        assert!(rate.change_pct.unwrap() > 0.02);
        assert_eq!(rate.sentiment, Some(Sentiment::Neutral));
    }
}
