//! A client's observations by metric, and the aggregation rules applied to them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::catalog::{Aggregation, Catalog};
use crate::period::Period;

/// A metric's value over a whole range, as the platform computed it (GA4's
/// `totalUsers`): days cannot be summed into it.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub metric: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: f64,
}

/// One value of one metric on one local day, for one combination of dimension values.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    /// Values of the series' dimensions, in the order of [`MetricSeries::dimensions`].
    pub dims: Vec<String>,
    pub value: f64,
}

/// All points of one metric, from one source, sorted by date.
#[derive(Debug, Clone, Default)]
pub struct MetricSeries {
    pub source: String,
    pub dimensions: Vec<String>,
    pub points: Vec<Point>,
}

impl MetricSeries {
    fn in_range(&self, start: NaiveDate, end: NaiveDate) -> &[Point] {
        let from = self.points.partition_point(|p| p.date < start);
        let to = self.points.partition_point(|p| p.date <= end);
        &self.points[from..to]
    }

    fn dimension_index(&self, name: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d == name)
    }
}

/// Which rows of a dimensioned metric to aggregate.
#[derive(Debug, Clone, Copy)]
pub enum Slice<'a> {
    All,
    /// Rows whose dimension `name` has this value.
    Is(&'a str, &'a str),
    /// Rows whose dimension `name` has one of these values (the "other" bucket).
    Among(&'a str, &'a [String]),
}

/// A client's data: every metric it has, whichever source it came from.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    metrics: BTreeMap<String, MetricSeries>,
    /// Whole-range values computed by the platform (unique users of a month), by metric.
    totals: HashMap<String, Vec<Total>>,
}

impl Dataset {
    /// Adds a metric's series; a metric may come from one source only.
    pub fn insert(&mut self, metric: String, mut series: MetricSeries) -> Result<(), String> {
        if let Some(existing) = self.metrics.get(&metric) {
            return Err(format!(
                "metric {metric} is provided by both source {:?} and source {:?}; map it in one source only",
                existing.source, series.source
            ));
        }
        // While Σ|value| is finite, no sum of the points (what every additive rule computes)
        // overflows to an infinite total.
        let magnitude: f64 = series.points.iter().map(|p| p.value.abs()).sum();
        if !magnitude.is_finite() {
            return Err(format!(
                "metric {metric} of source {:?} adds up to more than {:e} (or holds a value that \
                 is not a number): its totals cannot be computed; check the source's values",
                series.source,
                f64::MAX
            ));
        }
        series
            .points
            .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.dims.cmp(&b.dims)));
        self.metrics.insert(metric, series);
        Ok(())
    }

    /// An error naming the first metric whose value over one of `ranges` is not a finite
    /// number (a ratio over a vanishing denominator, a weighted mean whose products
    /// overflow): such a value would show as "no data" or "∞" in the report.
    pub fn check_finite(
        &self,
        catalog: &Catalog,
        ranges: &[(NaiveDate, NaiveDate)],
    ) -> Result<(), String> {
        for def in catalog.iter() {
            for &(start, end) in ranges {
                if let Some(v) = self.value(catalog, &def.id, start, end, Slice::All)
                    && !v.is_finite()
                {
                    return Err(format!(
                        "{} from {start} to {end} is {v}: the source values are too large or \
                         too small to compute it; check the values of {}",
                        def.id,
                        match def.components() {
                            parts if parts.is_empty() => def.id.clone(),
                            parts => parts.join(" and "),
                        }
                    ));
                }
            }
        }
        Ok(())
    }

    /// Records a platform's value of a metric over a whole range.
    pub fn insert_total(&mut self, total: Total) {
        self.totals
            .entry(total.metric.clone())
            .or_default()
            .push(total);
    }

    /// The platform's value of a metric over exactly `start..=end`, if it gave one.
    pub fn total(&self, metric: &str, start: NaiveDate, end: NaiveDate) -> Option<f64> {
        self.totals
            .get(metric)?
            .iter()
            .find(|t| t.start == start && t.end == end)
            .map(|t| t.value)
    }

    pub fn series(&self, metric: &str) -> Option<&MetricSeries> {
        self.metrics.get(metric)
    }

    /// Whether the metric can be computed: it has a series, or all its components do.
    pub fn has(&self, catalog: &Catalog, metric: &str) -> bool {
        match catalog.get(metric).map(|m| &m.aggregation) {
            Some(Aggregation::Ratio {
                numerator,
                denominator,
            }) => self.has(catalog, numerator) && self.has(catalog, denominator),
            Some(Aggregation::WeightedMean { weight }) => {
                self.metrics.contains_key(metric) && self.metrics.contains_key(weight)
            }
            Some(_) => self.metrics.contains_key(metric),
            None => false,
        }
    }

    /// Dimension names a metric can be broken down by (for ratios: those both parts have).
    pub fn dimensions(&self, catalog: &Catalog, metric: &str) -> Vec<String> {
        match catalog.get(metric).map(|m| &m.aggregation) {
            Some(Aggregation::Ratio {
                numerator,
                denominator,
            }) => {
                let d = self.dimensions(catalog, denominator);
                self.dimensions(catalog, numerator)
                    .into_iter()
                    .filter(|n| d.contains(n))
                    .collect()
            }
            _ => self
                .metrics
                .get(metric)
                .map(|s| s.dimensions.clone())
                .unwrap_or_default(),
        }
    }

    /// Distinct values of a dimension of a metric within dates.
    pub fn dimension_values(
        &self,
        metric: &str,
        dimension: &str,
        period: &Period,
    ) -> BTreeSet<String> {
        let Some(series) = self.metrics.get(metric) else {
            return BTreeSet::new();
        };
        let Some(i) = series.dimension_index(dimension) else {
            return BTreeSet::new();
        };
        series
            .in_range(period.start, period.end)
            .iter()
            .map(|p| p.dims[i].clone())
            .collect()
    }

    /// The metric's value over `start..=end` following its aggregation rule, or `None` when
    /// there is no data (or a ratio's denominator is zero).
    pub fn value(
        &self,
        catalog: &Catalog,
        metric: &str,
        start: NaiveDate,
        end: NaiveDate,
        slice: Slice,
    ) -> Option<f64> {
        let def = catalog.get(metric)?;
        match &def.aggregation {
            Aggregation::Ratio {
                numerator,
                denominator,
            } => {
                let n = self.value(catalog, numerator, start, end, slice)?;
                let d = self.value(catalog, denominator, start, end, slice)?;
                (d != 0.0).then(|| n / d)
            }
            aggregation => {
                let series = self.metrics.get(metric)?;
                let points: Vec<&Point> = select(series, start, end, slice)?;
                if points.is_empty() {
                    return None;
                }
                match aggregation {
                    // Uniques over several days: the platform's own count when it gave one.
                    Aggregation::SumOfDailyUniques if matches!(slice, Slice::All) => self
                        .total(metric, start, end)
                        .or_else(|| Some(points.iter().map(|p| p.value).sum())),
                    Aggregation::Sum | Aggregation::SumOfDailyUniques => {
                        Some(points.iter().map(|p| p.value).sum())
                    }
                    Aggregation::Last => {
                        // Per combination of dimensions, the value on its latest day; summed.
                        let mut last: HashMap<&[String], &Point> = HashMap::new();
                        for p in points {
                            last.insert(&p.dims, p); // points are sorted by date
                        }
                        Some(last.values().map(|p| p.value).sum())
                    }
                    Aggregation::WeightedMean { weight } => {
                        let weights = self.metrics.get(weight)?;
                        weighted_mean(series, weights, &points)
                    }
                    Aggregation::Ratio { .. } => unreachable!("handled above"),
                }
            }
        }
    }

    /// Local dates in `period` on which the metric (all its parts) has data.
    pub fn covered_dates(
        &self,
        catalog: &Catalog,
        metric: &str,
        period: &Period,
    ) -> BTreeSet<NaiveDate> {
        match catalog.get(metric).map(|m| &m.aggregation) {
            Some(Aggregation::Ratio {
                numerator,
                denominator,
            }) => {
                let d = self.covered_dates(catalog, denominator, period);
                self.covered_dates(catalog, numerator, period)
                    .intersection(&d)
                    .copied()
                    .collect()
            }
            // A day without reviews has no rating, and is not missing: coverage is the weight's.
            Some(Aggregation::WeightedMean { weight }) => {
                self.covered_dates(catalog, weight, period)
            }
            _ => self
                .metrics
                .get(metric)
                .map(|s| {
                    s.in_range(period.start, period.end)
                        .iter()
                        .map(|p| p.date)
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

fn select<'a>(
    series: &'a MetricSeries,
    start: NaiveDate,
    end: NaiveDate,
    slice: Slice,
) -> Option<Vec<&'a Point>> {
    let range = series.in_range(start, end);
    Some(match slice {
        Slice::All => range.iter().collect(),
        Slice::Is(name, value) => {
            let i = series.dimension_index(name)?;
            range.iter().filter(|p| p.dims[i] == value).collect()
        }
        Slice::Among(name, values) => {
            let i = series.dimension_index(name)?;
            range
                .iter()
                .filter(|p| values.contains(&p.dims[i]))
                .collect()
        }
    })
}

/// Σ value·weight / Σ weight, pairing each point with the weight of the same day and
/// dimensions. Points without a matching weight cannot be weighted and are left out.
fn weighted_mean(series: &MetricSeries, weights: &MetricSeries, points: &[&Point]) -> Option<f64> {
    // Weights are matched on the dimensions both series share.
    let shared: Vec<(usize, usize)> = series
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| weights.dimension_index(d).map(|j| (i, j)))
        .collect();
    let mut weight_of: HashMap<(NaiveDate, Vec<&str>), f64> = HashMap::new();
    let (first, last) = (points.first()?.date, points.last()?.date);
    for w in weights.in_range(first, last) {
        let dims = shared.iter().map(|&(_, j)| w.dims[j].as_str()).collect();
        *weight_of.entry((w.date, dims)).or_default() += w.value;
    }
    let (mut num, mut den) = (0.0, 0.0);
    for p in points {
        let dims = shared.iter().map(|&(i, _)| p.dims[i].as_str()).collect();
        if let Some(&w) = weight_of.get(&(p.date, dims)) {
            num += p.value * w;
            den += w;
        }
    }
    (den > 0.0).then(|| num / den)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, day).unwrap()
    }

    fn series(points: &[(u32, &str, f64)]) -> MetricSeries {
        MetricSeries {
            source: "test".into(),
            dimensions: if points.iter().any(|p| !p.1.is_empty()) {
                vec!["channel".into()]
            } else {
                vec![]
            },
            points: points
                .iter()
                .map(|&(day, dim, value)| Point {
                    date: d(day),
                    dims: if dim.is_empty() {
                        vec![]
                    } else {
                        vec![dim.into()]
                    },
                    value,
                })
                .collect(),
        }
    }

    fn data(metrics: &[(&str, MetricSeries)]) -> Dataset {
        let mut ds = Dataset::default();
        for (id, s) in metrics {
            ds.insert(id.to_string(), s.clone()).unwrap();
        }
        ds
    }

    #[test]
    fn ctr_comes_from_summed_clicks_and_impressions_not_mean_of_daily_ctrs() {
        let c = Catalog::builtin();
        // Day 1: 10/100 = 10 %; day 2: 1/900 ≈ 0.11 %. Mean of daily CTRs ≈ 5.06 %; true CTR 1.1 %.
        let ds = data(&[
            ("ads.clicks", series(&[(1, "", 10.0), (2, "", 1.0)])),
            ("ads.impressions", series(&[(1, "", 100.0), (2, "", 900.0)])),
        ]);
        let ctr = ds.value(&c, "ads.ctr", d(1), d(2), Slice::All).unwrap();
        assert!((ctr - 11.0 / 1000.0).abs() < 1e-12, "{ctr}");
        let mean_of_daily = (0.1 + 1.0 / 900.0) / 2.0;
        assert!((ctr - mean_of_daily).abs() > 0.03);
    }

    #[test]
    fn rating_is_weighted_by_new_reviews() {
        let c = Catalog::builtin();
        // 1 review at 1★ and 9 reviews at 5★: weighted 4.6, unweighted mean 3.0.
        let ds = data(&[
            ("reviews.rating", series(&[(1, "", 1.0), (2, "", 5.0)])),
            ("reviews.new", series(&[(1, "", 1.0), (2, "", 9.0)])),
        ]);
        let r = ds
            .value(&c, "reviews.rating", d(1), d(2), Slice::All)
            .unwrap();
        assert!((r - 4.6).abs() < 1e-12, "{r}");
    }

    #[test]
    fn position_weighted_by_impressions_per_dimension() {
        let c = Catalog::builtin();
        let ds = data(&[
            (
                "seo.position",
                series(&[(1, "brand", 1.0), (1, "generic", 20.0)]),
            ),
            (
                "seo.impressions",
                series(&[(1, "brand", 300.0), (1, "generic", 100.0)]),
            ),
        ]);
        let p = ds
            .value(&c, "seo.position", d(1), d(1), Slice::All)
            .unwrap();
        assert!((p - (300.0 + 2000.0) / 400.0).abs() < 1e-12, "{p}");
        let g = ds
            .value(
                &c,
                "seo.position",
                d(1),
                d(1),
                Slice::Is("channel", "generic"),
            )
            .unwrap();
        assert_eq!(g, 20.0);
    }

    #[test]
    fn followers_take_the_last_value_per_network() {
        let c = Catalog::builtin();
        let ds = data(&[(
            "social.followers",
            series(&[
                (1, "fb", 100.0),
                (1, "ig", 50.0),
                (5, "fb", 110.0),
                (9, "ig", 70.0),
            ]),
        )]);
        assert_eq!(
            ds.value(&c, "social.followers", d(1), d(31), Slice::All),
            Some(180.0)
        );
        assert_eq!(
            ds.value(&c, "social.followers", d(1), d(4), Slice::All),
            Some(150.0)
        );
    }

    #[test]
    fn missing_days_are_missing_not_zero() {
        let c = Catalog::builtin();
        let ds = data(&[("web.sessions", series(&[(1, "", 5.0), (3, "", 7.0)]))]);
        assert_eq!(ds.value(&c, "web.sessions", d(2), d(2), Slice::All), None);
        let p = Period::range(d(1), d(3));
        assert_eq!(ds.covered_dates(&c, "web.sessions", &p).len(), 2);
        // A ratio with a zero denominator is undefined, not zero.
        let ds = data(&[
            ("ads.spend", series(&[(1, "", 5.0)])),
            ("ads.conversions", series(&[(1, "", 0.0)])),
        ]);
        assert_eq!(ds.value(&c, "ads.cpa", d(1), d(1), Slice::All), None);
    }

    #[test]
    fn one_metric_from_two_sources_is_refused() {
        let mut ds = Dataset::default();
        ds.insert("web.sessions".into(), series(&[(1, "", 1.0)]))
            .unwrap();
        assert!(
            ds.insert("web.sessions".into(), series(&[(1, "", 1.0)]))
                .is_err()
        );
    }
}
