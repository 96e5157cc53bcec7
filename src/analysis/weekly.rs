//! Weekly reports: each KPI's average week over the four weeks before the report's week,
//! aggregated with the metric's own rule (see `AverageRule`), with the days it rests on.

use crate::metrics::catalog::Aggregation;
use crate::metrics::dataset::Slice;
use crate::model::{AverageRule, FourWeekAverage, Kpi, KpiAggregation, RecentWeeks};
use crate::period::Period;

use super::Context;

/// How many weeks the average covers.
pub const AVERAGE_WEEKS: u32 = 4;

/// The model's description of the weeks averaged.
pub fn recent_weeks(weeks: &[Period]) -> Option<RecentWeeks> {
    Some(RecentWeeks {
        start: weeks.first()?.start,
        end: weeks.last()?.end,
        weeks: weeks.iter().map(|w| w.key.clone()).collect(),
    })
}

/// Fills each KPI's `four_week_average` over `weeks` (oldest first).
pub fn four_week_averages(ctx: &Context, weeks: &[Period], kpis: &mut [Kpi]) {
    for k in kpis.iter_mut() {
        k.four_week_average = average(ctx, weeks, k);
    }
}

fn average(ctx: &Context, weeks: &[Period], k: &Kpi) -> Option<FourWeekAverage> {
    let m = ctx.catalog.get(&k.id)?;
    let (first, last) = (weeks.first()?, weeks.last()?);
    let window = Period::range(first.start, last.end);
    let covered = |p: &Period| {
        ctx.data
            .covered_dates(ctx.catalog, &m.id, p, Slice::All)
            .len() as u32
    };
    let days_with_data: u32 = weeks.iter().map(covered).sum();
    let weeks_with_gaps = weeks.iter().filter(|w| covered(w) < w.days).count() as u32;
    let value_in = |p: &Period| {
        ctx.data
            .value(ctx.catalog, &m.id, p.start, p.end, Slice::All)
    };
    let mean = |values: Vec<f64>| {
        (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
    };
    let (rule, value) = if k.aggregation == KpiAggregation::PlatformTotal {
        // Each week's own count of unique people; summed daily counts would mean another thing.
        let totals: Option<Vec<f64>> = weeks
            .iter()
            .map(|w| {
                ctx.data
                    .has_total(&m.id, w.start, w.end)
                    .then(|| value_in(w))
                    .flatten()
            })
            .collect();
        (AverageRule::MeanOfWeeklyTotals, totals.and_then(mean))
    } else if matches!(m.aggregation, Aggregation::Last) {
        let ends: Vec<f64> = weeks.iter().filter_map(value_in).collect();
        (AverageRule::MeanOfWeekEnds, mean(ends))
    } else if ctx.catalog.is_additive(&m.id) {
        // A week at the pace of the days with data: the plain mean of the weekly sums when
        // every day is there.
        let value = value_in(&window)
            .filter(|_| days_with_data > 0)
            .map(|total| total / f64::from(days_with_data) * 7.0);
        (AverageRule::WeeklySum, value)
    } else {
        (AverageRule::SummedParts, value_in(&window))
    };
    Some(FourWeekAverage {
        value,
        rule,
        days_with_data,
        missing_days: window.days.saturating_sub(days_with_data),
        weeks_with_gaps,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, Weekday};

    use super::four_week_averages;
    use crate::analysis::{Context, kpis};
    use crate::metrics::catalog::Catalog;
    use crate::metrics::dataset::{Dataset, MetricSeries, Point};
    use crate::model::AverageRule;
    use crate::period::{Period, weeks_before};

    /// Week 43 of 2026 (Monday weeks) and the four before it (Sep 21 – Oct 18), with daily
    /// values given by `f(day index from Sep 21)`; `None` is a day without a row.
    /// A metric and its value on each day, by index.
    type Daily<'a> = (&'a str, &'a dyn Fn(i64) -> Option<f64>);

    fn dataset(metrics: &[Daily]) -> Dataset {
        let start = NaiveDate::from_ymd_opt(2026, 9, 21).unwrap();
        let mut data = Dataset::default();
        for (metric, f) in metrics {
            let points = (0..35)
                .filter_map(|i| {
                    f(i).map(|value| Point {
                        date: start + Duration::days(i),
                        dims: Default::default(),
                        value,
                    })
                })
                .collect();
            let series = MetricSeries {
                source: "fixture".into(),
                points,
                ..MetricSeries::default()
            };
            data.insert(metric.to_string(), series).unwrap();
        }
        data
    }

    #[test]
    fn four_week_average_follows_each_metrics_rule_and_counts_missing_days() {
        let catalog = Catalog::builtin();
        let week = Period::week(2026, 43, Weekday::Mon);
        let weeks = weeks_before(&week, 4, Weekday::Mon);
        assert_eq!(
            weeks.iter().map(|w| w.key.as_str()).collect::<Vec<_>>(),
            ["2026-W39", "2026-W40", "2026-W41", "2026-W42"]
        );
        assert_eq!(
            weeks[0].start,
            NaiveDate::from_ymd_opt(2026, 9, 21).unwrap()
        );
        // Spend: 10 a day in W39, 20 in W40, 30 in W41, 40 in W42, except that W41 misses
        // its last three days (Oct 9–11, indices 18..=20).
        let gap = |i: i64| (18..=20).contains(&i);
        let spend = |i: i64| (!gap(i)).then(|| 10.0 * (i / 7 + 1) as f64);
        // Clicks: 100 a day; conversions 1 a day in W39/W40, 3 a day in W41/W42 (same gap).
        let clicks = |i: i64| (!gap(i)).then_some(100.0);
        let conversions = |i: i64| (!gap(i)).then_some(if i < 14 { 1.0 } else { 3.0 });
        // Followers: a stock, 1000 + the day index.
        let followers = |i: i64| Some(1000.0 + i as f64);
        let data = dataset(&[
            ("ads.spend", &spend),
            ("ads.clicks", &clicks),
            ("ads.conversions", &conversions),
            ("social.followers", &followers),
        ]);
        let comparison = weeks[3].clone();
        let ctx = Context {
            catalog: &catalog,
            data: &data,
            period: &week,
            comparison: Some(&comparison),
        };
        let mut kpis = kpis(&ctx);
        four_week_averages(&ctx, &weeks, &mut kpis);
        let avg = |id: &str| {
            kpis.iter()
                .find(|k| k.id == id)
                .and_then(|k| k.four_week_average.clone())
                .unwrap()
        };
        // By hand: spend over the 25 days with data = 70 + 140 + 4×30 + 280 = 610;
        // 610 / 25 × 7 = 170.8 a week (the plain mean of full weeks would be 175).
        let spend = avg("ads.spend");
        assert_eq!(spend.rule, AverageRule::WeeklySum);
        assert!((spend.value.unwrap() - 170.8).abs() < 1e-9, "{spend:?}");
        assert_eq!((spend.days_with_data, spend.missing_days), (25, 3));
        assert_eq!(spend.weeks_with_gaps, 1);
        // Conversion rate from summed parts: (7 + 7 + 12 + 21) / (2500) = 47 / 2500 = 1.88 %,
        // not the mean of the weekly rates (1 %, 1 %, 3 %, 3 % → 2 %).
        let rate = avg("ads.conversion_rate");
        assert_eq!(rate.rule, AverageRule::SummedParts);
        assert!((rate.value.unwrap() - 0.0188).abs() < 1e-12, "{rate:?}");
        assert_eq!(rate.weeks_with_gaps, 1);
        // Cost per acquisition, a ratio too: 610 / 47.
        let cpa = avg("ads.cpa");
        assert!((cpa.value.unwrap() - 610.0 / 47.0).abs() < 1e-9, "{cpa:?}");
        // Followers: the weeks' last values 1006, 1013, 1020, 1027 → 1016.5.
        let followers = avg("social.followers");
        assert_eq!(followers.rule, AverageRule::MeanOfWeekEnds);
        assert!((followers.value.unwrap() - 1016.5).abs() < 1e-9);
        assert_eq!((followers.missing_days, followers.weeks_with_gaps), (0, 0));
    }
}
