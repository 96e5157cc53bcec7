//! The long view (issue 18): each headline KPI over 13 months (13 weeks for a weekly report,
//! 5 quarters for a quarterly one) with the same bucket a year earlier, and the report period
//! against the same period a year earlier.
//!
//! Every bucket's value goes through [`Dataset::value`], the rule the KPI itself uses (sums,
//! ratios of summed parts, weighted means, the last value of stock metrics, platforms
//! blended), so a bar never disagrees with the tile. Each distinct range is aggregated once
//! per metric; `Dataset::value` finds a range's points by binary search, so a 13-month trend
//! reads each observation of the 25 months about once instead of scanning all of them per bar.
//!
//! [`Dataset::value`]: crate::metrics::dataset::Dataset::value

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::Context;
use crate::metrics::catalog::Aggregation;
use crate::metrics::dataset::Slice;
use crate::model::{Coverage, TrendBucket, TrendBucketKind, TrendSeries, YearOnYear};
use crate::period::{self, CompareKind, Period, PeriodKind};

/// Bars a trend draws: 13 months show this month against the same one a year ago in one view.
const MONTHS: u32 = 13;
const WEEKS: u32 = 13;
const QUARTERS: u32 = 5;
/// A trend is drawn only when this many buckets have data: two are what the period and its
/// comparison already show.
const MIN_BUCKETS_WITH_DATA: usize = 3;

/// What a bucket of `period`'s trend is: weeks for a week, quarters for a quarter, months
/// otherwise (a month, a month to date, a custom range, whose last month holds its end).
pub fn bucket_kind(period: &Period) -> TrendBucketKind {
    match period.kind {
        PeriodKind::Week => TrendBucketKind::Week,
        PeriodKind::Quarter => TrendBucketKind::Quarter,
        PeriodKind::Month | PeriodKind::MonthToDate | PeriodKind::Custom => TrendBucketKind::Month,
    }
}

/// The trend's buckets, oldest first, each with the same bucket a year earlier.
pub fn buckets(period: &Period, week_start: Weekday) -> Vec<(Period, Period)> {
    let kind = bucket_kind(period);
    let count = match kind {
        TrendBucketKind::Month => MONTHS,
        TrendBucketKind::Week => WEEKS,
        TrendBucketKind::Quarter => QUARTERS,
    };
    (0..count)
        .rev()
        .map(|back| {
            let bucket = match kind {
                TrendBucketKind::Month => {
                    let (y, m) = months_back(period.end, back);
                    Period::month(y, m)
                }
                TrendBucketKind::Quarter => {
                    let (y, m) = months_back(period.end, back * 3);
                    Period::quarter(y, (m - 1) / 3 + 1)
                }
                TrendBucketKind::Week => period::week_containing(
                    period.start - Duration::days(7 * i64::from(back)),
                    week_start,
                ),
            };
            let last_year = match kind {
                TrendBucketKind::Month => {
                    Period::month(bucket.start.year() - 1, bucket.start.month())
                }
                TrendBucketKind::Quarter => {
                    Period::quarter(bucket.start.year() - 1, bucket.start.month0() / 3 + 1)
                }
                // ISO week N of last year, as a year-on-year comparison of a week.
                TrendBucketKind::Week => period::comparison(&bucket, CompareKind::Yoy, week_start)
                    .unwrap_or_else(|| bucket.clone()),
            };
            (bucket, last_year)
        })
        .collect()
}

/// The days the trends read beyond the period and its comparison: from the first bucket's
/// year-ago bucket to the last bucket's end. Sources map the rows of this range too.
pub fn history(period: &Period, week_start: Weekday) -> (NaiveDate, NaiveDate) {
    let all = buckets(period, week_start);
    let mut start = period.start;
    let mut end = period.end;
    for (bucket, last_year) in &all {
        start = start.min(bucket.start).min(last_year.start);
        end = end.max(bucket.end);
    }
    if let Some(y) = period::comparison(period, CompareKind::Yoy, week_start) {
        start = start.min(y.start);
    }
    (start, end)
}

/// The year and month `back` months before `date`'s month.
fn months_back(date: NaiveDate, back: u32) -> (i32, u32) {
    let index = date.year() * 12 + date.month0() as i32 - back as i32;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// A trend for each of `metrics` (the headline KPIs) that has history to show.
pub fn trends(ctx: &Context, metrics: &[String], week_start: Weekday) -> Vec<TrendSeries> {
    let all = buckets(ctx.period, week_start);
    let year_ago = period::comparison(ctx.period, CompareKind::Yoy, week_start);
    metrics
        .iter()
        .filter_map(|m| trend(ctx, m, &all, year_ago.as_ref()))
        .collect()
}

/// A value over a range and the days of it with data.
type Aggregate = (Option<f64>, u32);

fn trend(
    ctx: &Context,
    metric: &str,
    all: &[(Period, Period)],
    year_ago: Option<&Period>,
) -> Option<TrendSeries> {
    let def = ctx.catalog.get(metric)?;
    // Unique people of a month are not the sum of its days' uniques, and a platform gives
    // its own total only for the ranges asked: such a trend would mix two measures.
    if matches!(def.aggregation, Aggregation::SumOfDailyUniques) {
        return None;
    }
    let mut memo: HashMap<(NaiveDate, NaiveDate), Aggregate> = HashMap::new();
    let mut aggregate = |p: &Period| -> Aggregate {
        *memo.entry((p.start, p.end)).or_insert_with(|| {
            let days = ctx
                .data
                .covered_dates(ctx.catalog, metric, p, Slice::All)
                .len() as u32;
            let value = (days > 0)
                .then(|| {
                    ctx.data
                        .value(ctx.catalog, metric, p.start, p.end, Slice::All)
                })
                .flatten();
            (value, days)
        })
    };
    let buckets: Vec<TrendBucket> = all
        .iter()
        .map(|(bucket, last_year)| {
            let (value, days_with_data) = aggregate(bucket);
            let (before, before_days) = aggregate(last_year);
            TrendBucket {
                start: bucket.start,
                end: bucket.end,
                days: bucket.days,
                value,
                days_with_data,
                coverage: coverage(value, days_with_data, bucket.days),
                last_year: before,
                last_year_coverage: coverage(before, before_days, last_year.days),
            }
        })
        .collect();
    if buckets.iter().filter(|b| b.value.is_some()).count() < MIN_BUCKETS_WITH_DATA {
        return None;
    }
    let year_on_year = year_ago.and_then(|y| {
        let (value, days) = aggregate(ctx.period);
        let (previous, previous_days) = aggregate(y);
        previous?;
        let complete = days == ctx.period.days && previous_days == y.days;
        let change = value.zip(previous).filter(|_| complete).map(|(v, p)| v - p);
        let change_pct = change
            .zip(previous)
            .filter(|&(_, p)| p != 0.0)
            .map(|(c, p)| c / p.abs());
        Some(YearOnYear {
            start: y.start,
            end: y.end,
            value,
            previous,
            change,
            change_pct,
            change_scale: def.change_scale(),
            missing_days: ctx.period.days - days,
            previous_missing_days: y.days - previous_days,
        })
    });
    Some(TrendSeries {
        metric: metric.to_string(),
        bucket: bucket_kind(ctx.period),
        buckets,
        year_on_year,
    })
}

fn coverage(value: Option<f64>, with_data: u32, days: u32) -> Coverage {
    match value {
        None => Coverage::Missing,
        Some(_) if with_data >= days => Coverage::Complete,
        Some(_) => Coverage::Partial,
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Weekday};

    use super::*;
    use crate::metrics::catalog::Catalog;
    use crate::metrics::dataset::{Dataset, MetricSeries, Point};
    use crate::model::TrendBucket;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Every day from `from` to `to` with `value(day)`, except the days `skip` says.
    fn daily(
        from: NaiveDate,
        to: NaiveDate,
        value: impl Fn(NaiveDate) -> f64,
        skip: impl Fn(NaiveDate) -> bool,
    ) -> MetricSeries {
        MetricSeries {
            source: "file".into(),
            points: from
                .iter_days()
                .take_while(|d| *d <= to)
                .filter(|d| !skip(*d))
                .map(|d| Point {
                    date: d,
                    dims: Default::default(),
                    value: value(d),
                })
                .collect(),
            ..MetricSeries::default()
        }
    }

    /// October 2026's trend of `metric` from `data`, compared with September.
    fn october(data: &Dataset, metric: &str) -> Option<TrendSeries> {
        let catalog = Catalog::builtin();
        let (period, comparison) = (Period::month(2026, 10), Period::month(2026, 9));
        let ctx = Context {
            catalog: &catalog,
            data,
            period: &period,
            comparison: Some(&comparison),
        };
        trends(&ctx, &[metric.to_string()], Weekday::Mon).pop()
    }

    fn bucket(t: &TrendSeries, y: i32, m: u32) -> &TrendBucket {
        t.buckets
            .iter()
            .find(|b| b.start == date(y, m, 1))
            .unwrap_or_else(|| panic!("no bucket {y}-{m}"))
    }

    #[test]
    fn thirteen_months_end_with_the_report_month_and_reach_back_a_year_more() {
        let all = buckets(&Period::month(2026, 10), Weekday::Mon);
        assert_eq!(all.len(), 13);
        assert_eq!(all[0].0.key, "2025-10");
        assert_eq!(all[12].0.key, "2026-10");
        assert_eq!(all[0].1.key, "2024-10");
        assert_eq!(
            history(&Period::month(2026, 10), Weekday::Mon),
            (date(2024, 10, 1), date(2026, 10, 31))
        );
        let weeks = buckets(&Period::week(2026, 43, Weekday::Mon), Weekday::Mon);
        assert_eq!((weeks.len(), weeks[12].0.key.as_str()), (13, "2026-W43"));
        assert_eq!(weeks[0].0.key, "2026-W31");
        assert_eq!(weeks[12].1.key, "2025-W43");
        let quarters = buckets(&Period::quarter(2026, 3), Weekday::Mon);
        let keys: Vec<&str> = quarters.iter().map(|(q, _)| q.key.as_str()).collect();
        assert_eq!(
            keys,
            ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
        );
    }

    /// A month with missing days is partial (its value over the days with data), a month
    /// without any is missing with no value: neither is drawn as a zero.
    #[test]
    fn months_with_missing_days_are_partial_and_empty_months_have_no_value() {
        let mut data = Dataset::default();
        let series = daily(
            date(2025, 1, 1),
            date(2026, 10, 31),
            |_| 10.0,
            // June 2026 lacks its last 10 days; all of March 2026 is missing.
            |d| {
                (d.month() == 6 && d.year() == 2026 && d.day() > 20)
                    || (d.year(), d.month()) == (2026, 3)
            },
        );
        data.insert("web.sessions".into(), series).unwrap();
        let t = october(&data, "web.sessions").unwrap();
        let june = bucket(&t, 2026, 6);
        assert_eq!(june.coverage, Coverage::Partial);
        assert_eq!(
            (june.value, june.days_with_data, june.days),
            (Some(200.0), 20, 30)
        );
        let march = bucket(&t, 2026, 3);
        assert_eq!((march.coverage, march.value), (Coverage::Missing, None));
        // Its year-ago bucket, March 2025, is there.
        assert_eq!(march.last_year, Some(310.0));
        assert_eq!(march.last_year_coverage, Coverage::Complete);
        // Before January 2025 there is nothing: missing, not zero.
        let first = bucket(&t, 2025, 10);
        assert_eq!(
            (first.last_year, first.last_year_coverage),
            (None, Coverage::Missing)
        );
        assert_eq!(bucket(&t, 2026, 10).value, Some(310.0));
    }

    /// A ratio's bar is its month's summed parts divided, not a mean of daily ratios.
    #[test]
    fn a_ratios_monthly_bar_divides_the_months_summed_parts() {
        let mut data = Dataset::default();
        let (from, to) = (date(2025, 1, 1), date(2026, 10, 31));
        // Odd days: 1 click of 10 impressions (10 %); even days: 30 of 100 (30 %).
        let odd = |d: NaiveDate| d.day() % 2 == 1;
        let clicks = daily(from, to, |d| if odd(d) { 1.0 } else { 30.0 }, |_| false);
        let impressions = daily(from, to, |d| if odd(d) { 10.0 } else { 100.0 }, |_| false);
        data.insert("ads.clicks".into(), clicks).unwrap();
        data.insert("ads.impressions".into(), impressions).unwrap();
        let t = october(&data, "ads.ctr").unwrap();
        // September 2026: 15 odd and 15 even days: (15 + 450) / (150 + 1500).
        let september = bucket(&t, 2026, 9).value.unwrap();
        assert!((september - 465.0 / 1650.0).abs() < 1e-12, "{september}");
        // The mean of the daily ratios would be 20 %.
        assert!((september - 0.2).abs() > 0.05);
        // February 2026: 14 odd, 14 even days.
        let february = bucket(&t, 2026, 2).value.unwrap();
        assert!((february - (14.0 + 420.0) / (140.0 + 1400.0)).abs() < 1e-12);
    }

    /// Followers are a stock: a month's bar is its last day's count, not a sum.
    #[test]
    fn a_stock_metrics_bar_is_the_months_last_value() {
        let mut data = Dataset::default();
        let start = date(2025, 1, 1);
        let followers = daily(
            start,
            date(2026, 10, 31),
            |d| 1000.0 + (d - start).num_days() as f64,
            // The last five days of August 2026 are missing: its last value is the 26th's.
            |d| (d.year(), d.month()) == (2026, 8) && d.day() > 26,
        );
        data.insert("social.followers".into(), followers).unwrap();
        let t = october(&data, "social.followers").unwrap();
        let count_on = |d: NaiveDate| 1000.0 + (d - start).num_days() as f64;
        assert_eq!(bucket(&t, 2026, 9).value, Some(count_on(date(2026, 9, 30))));
        assert_eq!(
            bucket(&t, 2026, 9).last_year,
            Some(count_on(date(2025, 9, 30)))
        );
        let august = bucket(&t, 2026, 8);
        assert_eq!(august.value, Some(count_on(date(2026, 8, 26))));
        assert_eq!(august.coverage, Coverage::Partial);
    }

    /// The year-on-year comparison, against hand-computed numbers: October 2026 has 31 days of
    /// 12 sessions (372), October 2025 31 days of 10 (310): +62, +20 %.
    #[test]
    fn year_on_year_compares_the_period_with_the_same_one_a_year_earlier() {
        let mut data = Dataset::default();
        let series = daily(
            date(2025, 1, 1),
            date(2026, 10, 31),
            |d| if d.year() == 2026 { 12.0 } else { 10.0 },
            |_| false,
        );
        data.insert("web.sessions".into(), series).unwrap();
        let y = october(&data, "web.sessions")
            .unwrap()
            .year_on_year
            .unwrap();
        assert_eq!((y.start, y.end), (date(2025, 10, 1), date(2025, 10, 31)));
        assert_eq!((y.value, y.previous), (Some(372.0), Some(310.0)));
        assert_eq!(y.change, Some(62.0));
        assert!((y.change_pct.unwrap() - 0.2).abs() < 1e-12);
        // Without October 2025 there is nothing to compare with.
        let mut data = Dataset::default();
        let series = daily(date(2025, 11, 1), date(2026, 10, 31), |_| 5.0, |_| false);
        data.insert("web.sessions".into(), series).unwrap();
        assert!(
            october(&data, "web.sessions")
                .unwrap()
                .year_on_year
                .is_none()
        );
    }

    /// A trend of summed daily uniques would mix two measures; two buckets are no trend.
    #[test]
    fn unique_counts_and_short_histories_get_no_trend() {
        let mut data = Dataset::default();
        let users = daily(date(2025, 1, 1), date(2026, 10, 31), |_| 3.0, |_| false);
        data.insert("web.users".into(), users).unwrap();
        assert!(october(&data, "web.users").is_none());
        let mut data = Dataset::default();
        let two = daily(date(2026, 9, 1), date(2026, 10, 31), |_| 3.0, |_| false);
        data.insert("web.sessions".into(), two).unwrap();
        assert!(october(&data, "web.sessions").is_none());
    }
}
