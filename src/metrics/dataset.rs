//! A client's observations by metric, and the aggregation rules applied to them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::catalog::{Aggregation, Catalog};
use super::platform::{PLATFORM, Platform};
use crate::FastMap;
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

/// The dimension by which a group's data splits into its locations ([`Dataset::absorb`]).
pub const LOCATION: &str = "location";

/// A combination of dimension values, in the order of [`MetricSeries::dimensions`]: one list
/// for all the points that have it (a file gives the same few thousand times), shared by the
/// series of one source.
pub type Dims = std::sync::Arc<[String]>;

/// Combinations of dimension values, each numbered once, in the order first seen: what
/// [`Point::dims`] counts, and [`MetricSeries::dim_sets`] lists.
#[derive(Debug, Default)]
pub struct Combinations {
    number: crate::FastMap<Dims, u32>,
    list: Vec<Dims>,
    /// The number [`Combinations::number`] gave last: a file lists its combinations in the
    /// same order day after day, so the one after it is compared before any hashing.
    last: u32,
}

impl Combinations {
    /// Numbers a series' list as it stands (a combination listed twice keeps its first number).
    fn of(list: Vec<Dims>) -> Self {
        let mut number = crate::FastMap::default();
        for (i, d) in list.iter().enumerate() {
            number.entry(d.clone()).or_insert(i as u32);
        }
        Combinations {
            number,
            list,
            last: 0,
        }
    }

    /// The number of `values`, added when new.
    pub fn number(&mut self, values: &[String]) -> u32 {
        let next = self.last as usize + 1;
        let guess = if next < self.list.len() { next } else { 0 };
        // Listed once each (not so after `of`), a combination's place is its number.
        let unique = self.list.len() == self.number.len();
        let n = match self.list.get(guess) {
            Some(dims) if unique && **dims == *values => guess as u32,
            _ => self.number_or_add(values, || values.into()),
        };
        self.last = n;
        n
    }

    /// The number of `dims`, added (shared, not copied) when new.
    fn number_shared(&mut self, dims: &Dims) -> u32 {
        self.number_or_add(dims, || dims.clone())
    }

    fn number_or_add(&mut self, values: &[String], dims: impl FnOnce() -> Dims) -> u32 {
        if let Some(&n) = self.number.get(values) {
            return n;
        }
        let n = self.list.len() as u32;
        let dims = dims();
        self.number.insert(dims.clone(), n);
        self.list.push(dims);
        n
    }

    /// The combination numbered `n`.
    pub fn get(&self, n: u32) -> Option<&Dims> {
        self.list.get(n as usize)
    }

    /// Every combination, by number.
    pub fn list(&self) -> &[Dims] {
        &self.list
    }
}

/// One value of one metric on one local day, for one combination of dimension values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    /// The combination: its place in the series' [`MetricSeries::dim_sets`].
    pub dims: u32,
    pub value: f64,
}

/// All points of one metric, from one source, sorted by date.
#[derive(Debug, Clone, Default)]
pub struct MetricSeries {
    pub source: String,
    /// Where the numbers come from; `None` for a file or API that names no platform.
    pub platform: Option<Platform>,
    /// The platform account (ad account, property, Page) when the source names one.
    pub account: Option<String>,
    pub dimensions: Vec<String>,
    /// The combinations of dimension values the points name ([`Point::dims`]), each once.
    pub dim_sets: Vec<Dims>,
    pub points: Vec<Point>,
    /// In a group's data, the location it comes from ([`Dataset::absorb`]): two locations'
    /// series never count the same numbers twice, whatever their platforms.
    pub location: Option<String>,
}

impl MetricSeries {
    /// A point's dimension values (none for a point of a series without dimensions).
    pub fn dims(&self, p: &Point) -> &[String] {
        self.dim_sets.get(p.dims as usize).map_or(&[], |d| d)
    }

    /// Adds another series' points (of the same source and dimensions).
    pub fn append(&mut self, other: MetricSeries) {
        // Each of the other's combinations, then the empty one (for a point without a
        // combination of its own, which has no values): its number here, added when new.
        let mut combinations = Combinations::of(std::mem::take(&mut self.dim_sets));
        let places: Vec<u32> = other
            .dim_sets
            .iter()
            .map(|d| combinations.number_shared(d))
            .collect();
        let mut none = None;
        for mut p in other.points {
            p.dims = match places.get(p.dims as usize) {
                Some(&i) => i,
                None => *none.get_or_insert_with(|| combinations.number(&[])),
            };
            self.points.push(p);
        }
        self.dim_sets = combinations.list;
    }

    fn in_range(&self, start: NaiveDate, end: NaiveDate) -> &[Point] {
        let from = self.points.partition_point(|p| p.date < start);
        let to = self.points.partition_point(|p| p.date <= end);
        &self.points[from..to]
    }

    fn dimension_index(&self, name: &str) -> Option<usize> {
        self.dimensions.iter().position(|d| d == name)
    }

    fn platform_id(&self) -> Option<&str> {
        self.platform.as_ref().map(|p| p.id.as_str())
    }

    /// Whether a slice can say anything about this series: its dimension is the series' own,
    /// or the slice is by platform.
    fn answers(&self, slice: Slice) -> bool {
        match slice {
            Slice::All => true,
            Slice::Is(name, _) | Slice::Among(name, _) => {
                name == PLATFORM || self.dimension_index(name).is_some()
            }
        }
    }

    /// Whether the slice takes the series whole (all of it, or its platform), so the
    /// platform's own range totals apply and a day without points is a missing day.
    fn whole(&self, slice: Slice) -> bool {
        let mine = |v: &str| self.platform_id() == Some(v);
        match slice {
            Slice::All => true,
            _ if self.dimension_index(PLATFORM).is_some() => false,
            Slice::Is(name, v) => name == PLATFORM && mine(v),
            Slice::Among(name, vs) => name == PLATFORM && vs.iter().any(|v| mine(v)),
        }
    }

    /// The points within `start..=end` that `slice` selects.
    fn select<'s>(&'s self, start: NaiveDate, end: NaiveDate, slice: Slice<'s>) -> Selected<'s> {
        let range = self.in_range(start, end);
        let by = match slice {
            Slice::All => By::All,
            Slice::Is(name, _) | Slice::Among(name, _) => match self.dimension_index(name) {
                Some(i) => By::Dimension(i),
                None if name == PLATFORM
                    && self.platform_id().is_some_and(|id| slice.keeps(id)) =>
                {
                    By::All
                }
                None => By::Nothing,
            },
        };
        Selected {
            points: range.iter(),
            by,
            slice,
            series: self,
        }
    }
}

/// How [`MetricSeries::select`] filters a range's points.
#[derive(Clone, Copy)]
enum By {
    All,
    Nothing,
    /// By the value of the dimension at this index.
    Dimension(usize),
}

/// The points a slice selects within a range, in date order (no list is built: a report asks
/// for thousands of these).
#[derive(Clone)]
struct Selected<'s> {
    points: std::slice::Iter<'s, Point>,
    by: By,
    slice: Slice<'s>,
    series: &'s MetricSeries,
}

impl<'s> Iterator for Selected<'s> {
    type Item = &'s Point;

    fn next(&mut self) -> Option<&'s Point> {
        match self.by {
            By::All => self.points.next(),
            By::Nothing => None,
            By::Dimension(i) => {
                let (slice, series) = (self.slice, self.series);
                self.points
                    .find(|p| series.dims(p).get(i).is_some_and(|v| slice.keeps(v)))
            }
        }
    }
}

impl Selected<'_> {
    fn is_empty(&self) -> bool {
        self.clone().next().is_none()
    }
}

/// Which rows of a dimensioned metric to aggregate. The dimension [`PLATFORM`] selects the
/// series of a platform when a source has no column of that name.
#[derive(Debug, Clone, Copy)]
pub enum Slice<'a> {
    All,
    /// Rows whose dimension `name` has this value.
    Is(&'a str, &'a str),
    /// Rows whose dimension `name` has one of these values (the "other" bucket).
    Among(&'a str, &'a [String]),
}

impl Slice<'_> {
    /// Whether a row with this value of the slice's dimension is in the slice.
    fn keeps(self, value: &str) -> bool {
        match self {
            Slice::All => true,
            Slice::Is(_, v) => value == v,
            Slice::Among(_, values) => values.iter().any(|v| v == value),
        }
    }
}

/// A ratio from its summed parts; none over a zero denominator.
fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0).then(|| numerator / denominator)
}

/// A client's data: every metric it has, from every source and platform that gives it.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Each metric's series, one per source, in the order the sources were added (looked up
    /// by the thousand per report: hashed, not a B-tree of string comparisons).
    metrics: FastMap<String, Vec<MetricSeries>>,
    /// Whole-range values computed by the platform (unique users of a month), by metric,
    /// with the source that gave them.
    totals: HashMap<String, Vec<(String, Total)>>,
}

impl Dataset {
    /// Adds a metric's series from one source. Several sources may give a metric when each
    /// names its platform; the same platform twice is refused where the days overlap,
    /// unless both name their accounts and these differ (the numbers would count twice).
    pub fn insert(&mut self, metric: String, mut series: MetricSeries) -> Result<(), String> {
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
        // By day, then by the dimension values (each combination's rank among them).
        let mut order: Vec<u32> = (0..series.dim_sets.len() as u32).collect();
        order.sort_by(|&a, &b| series.dim_sets[a as usize].cmp(&series.dim_sets[b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let rank_of = |p: &Point| rank.get(p.dims as usize).copied().unwrap_or(0);
        if series.points.is_sorted_by_key(|p| p.date) {
            // A file's rows come day by day: only each day's few points need ordering.
            for day in series.points.chunk_by_mut(|a, b| a.date == b.date) {
                day.sort_by_key(rank_of);
            }
        } else {
            series.points.sort_by(|a, b| {
                a.date
                    .cmp(&b.date)
                    .then_with(|| rank_of(a).cmp(&rank_of(b)))
            });
        }
        for other in self.metrics.get(&metric).into_iter().flatten() {
            if other.location != series.location {
                continue;
            }
            let (Some(mine), Some(theirs)) = (&series.platform, &other.platform) else {
                return Err(format!(
                    "metric {metric} is provided by both source {:?} and source {:?}; set \
                     `platform:` on each (e.g. `platform: Microsoft Ads`) to add them up as \
                     two platforms, or map it in one source only",
                    other.source, series.source
                ));
            };
            let distinct_accounts =
                matches!((&series.account, &other.account), (Some(a), Some(b)) if a != b);
            if mine.id != theirs.id || distinct_accounts {
                continue;
            }
            let days: BTreeSet<NaiveDate> = other.points.iter().map(|p| p.date).collect();
            if let Some(day) = series
                .points
                .iter()
                .map(|p| p.date)
                .find(|d| days.contains(d))
            {
                return Err(format!(
                    "source {:?} and source {:?} both give {} numbers for {metric} on {day}: \
                     they would be counted twice; keep one source per platform account and \
                     period (a file for the days before a live source starts, say)",
                    other.source, series.source, mine.name
                ));
            }
        }
        self.metrics.entry(metric).or_default().push(series);
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

    /// Converts every money metric's values into another currency: each day's value times
    /// `rate(day)`, the other currency's value of one unit of this one. A day without a rate
    /// (`Ok(None)`) loses its money values, a missing day; `Err` stops the conversion.
    pub fn convert_money(
        &mut self,
        catalog: &Catalog,
        rate: &dyn Fn(NaiveDate) -> Result<Option<f64>, String>,
    ) -> Result<(), String> {
        // In the metrics' order, so the first error is the same every run.
        let mut metrics: Vec<(&String, &mut Vec<MetricSeries>)> = self.metrics.iter_mut().collect();
        metrics.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (metric, series) in metrics {
            if catalog.get(metric).map(|d| d.unit) != Some(super::catalog::Unit::Money) {
                continue;
            }
            for s in series.iter_mut() {
                let mut kept = Vec::with_capacity(s.points.len());
                for mut p in std::mem::take(&mut s.points) {
                    if let Some(r) = rate(p.date)? {
                        p.value *= r;
                        kept.push(p);
                    }
                }
                s.points = kept;
            }
        }
        Ok(())
    }

    /// Adds a location's data to its group's. Each series keeps its platform and is told
    /// apart by the location (its `location`, a [`LOCATION`] dimension, its source prefixed
    /// with it), so the catalog's rules add locations up as they add platforms: ratios from summed
    /// parts, weighted means, the last followers of each location summed. Unique people are
    /// left out: one person may visit two locations, so their counts are never added.
    pub fn absorb(
        &mut self,
        catalog: &Catalog,
        location: &str,
        other: Dataset,
    ) -> Result<(), String> {
        let mut metrics: Vec<(String, Vec<MetricSeries>)> = other.metrics.into_iter().collect();
        metrics.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (metric, series) in metrics {
            let uniques = catalog
                .get(&metric)
                .is_none_or(|d| matches!(d.aggregation, Aggregation::SumOfDailyUniques));
            if uniques {
                continue;
            }
            for mut s in series {
                s.source = format!("{location}/{}", s.source);
                s.location = Some(location.to_string());
                s.dimensions.push(LOCATION.to_string());
                // A series without dimensions has one combination, the empty one.
                if s.dim_sets.is_empty() {
                    s.dim_sets.push(Dims::default());
                }
                for dims in &mut s.dim_sets {
                    *dims = dims.iter().cloned().chain([location.to_string()]).collect();
                }
                self.insert(metric.clone(), s)?;
            }
        }
        Ok(())
    }

    /// Records a platform's value of a metric over a whole range, as `source` gave it.
    pub fn insert_total(&mut self, source: &str, total: Total) {
        self.totals
            .entry(total.metric.clone())
            .or_default()
            .push((source.to_string(), total));
    }

    /// A source's own value of a metric over exactly `start..=end`, if it gave one.
    fn total_of(
        &self,
        metric: &str,
        source: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Option<f64> {
        self.totals
            .get(metric)?
            .iter()
            .find(|(s, t)| s == source && t.start == start && t.end == end)
            .map(|(_, t)| t.value)
    }

    /// Whether a platform gave its own value of the metric over exactly `start..=end`.
    pub fn has_total(&self, metric: &str, start: NaiveDate, end: NaiveDate) -> bool {
        self.totals
            .get(metric)
            .is_some_and(|ts| ts.iter().any(|(_, t)| t.start == start && t.end == end))
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
            Some(Aggregation::Formula(f)) => f.metrics().iter().all(|m| self.has(catalog, m)),
            Some(_) => self.metrics.contains_key(metric),
            None => false,
        }
    }

    /// The platforms that feed a metric (or its parts), in the order their sources came.
    pub fn platforms(&self, catalog: &Catalog, metric: &str) -> Vec<Platform> {
        let found: Vec<Platform> = match catalog.get(metric).map(|m| &m.aggregation) {
            // A formula may mix channels: a platform's share of it means nothing.
            Some(Aggregation::Formula(_)) => Vec::new(),
            Some(Aggregation::Ratio {
                numerator,
                denominator,
            }) => [numerator, denominator]
                .into_iter()
                .flat_map(|part| self.platforms(catalog, part))
                .collect(),
            _ => self
                .metrics
                .get(metric)
                .into_iter()
                .flatten()
                .filter_map(|s| s.platform.clone())
                .collect(),
        };
        let mut out: Vec<Platform> = Vec::new();
        for p in found {
            if !out.iter().any(|o| o.id == p.id) {
                out.push(p);
            }
        }
        out
    }

    /// Dimension names a metric can be broken down by (for ratios: those both parts have),
    /// with [`PLATFORM`] when two or more platforms feed it.
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
            Some(Aggregation::Formula(f)) => {
                let mut parts = f.metrics().into_iter().map(|m| self.dimensions(catalog, m));
                let first = parts.next().unwrap_or_default();
                parts.fold(first, |acc, d| {
                    acc.into_iter().filter(|n| d.contains(n)).collect()
                })
            }
            _ => {
                let all = self.metrics.get(metric).map_or(&[][..], Vec::as_slice);
                let mut out: Vec<String> = Vec::new();
                for d in all.iter().flat_map(|s| &s.dimensions) {
                    if !out.contains(d) {
                        out.push(d.clone());
                    }
                }
                let platforms: BTreeSet<&str> =
                    all.iter().filter_map(|s| s.platform_id()).collect();
                if platforms.len() > 1 && !out.iter().any(|d| d == PLATFORM) {
                    out.insert(0, PLATFORM.to_string());
                }
                out
            }
        }
    }

    /// Distinct values of a dimension of a metric within dates (for [`PLATFORM`]: the
    /// platform ids of the sources without such a column).
    pub fn dimension_values(
        &self,
        metric: &str,
        dimension: &str,
        period: &Period,
    ) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for series in self.metrics.get(metric).into_iter().flatten() {
            let range = series.in_range(period.start, period.end);
            match series.dimension_index(dimension) {
                Some(i) => out.extend(range.iter().filter_map(|p| series.dims(p).get(i).cloned())),
                None if dimension == PLATFORM && !range.is_empty() => {
                    out.extend(series.platform_id().map(String::from));
                }
                None => {}
            }
        }
        out
    }

    /// The platforms (ids) whose series of `metric` have the dimension value `value` within
    /// `period`: where a breakdown row's numbers come from.
    pub fn platforms_with(
        &self,
        metric: &str,
        dimension: &str,
        value: &str,
        period: &Period,
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for series in self.metrics.get(metric).into_iter().flatten() {
            let has = !series
                .select(period.start, period.end, Slice::Is(dimension, value))
                .is_empty();
            if let Some(id) = series.platform_id().filter(|_| has)
                && !out.iter().any(|o| o == id)
            {
                out.push(id.to_string());
            }
        }
        out
    }

    /// The metric's value over `start..=end` following its aggregation rule, across every
    /// platform that gives it, or `None` when there is no data (or a ratio's denominator is
    /// zero, or unique counts of several platforms would have to be added).
    pub fn value(
        &self,
        catalog: &Catalog,
        metric: &str,
        start: NaiveDate,
        end: NaiveDate,
        slice: Slice,
    ) -> Option<f64> {
        let def = catalog.get(metric)?;
        if let Aggregation::Ratio {
            numerator,
            denominator,
        } = &def.aggregation
        {
            // Blended across platforms: the summed parts, never a mean of the platforms' ratios.
            let n = self.value(catalog, numerator, start, end, slice)?;
            let d = self.value(catalog, denominator, start, end, slice)?;
            return ratio(n, d);
        }
        if let Aggregation::Formula(formula) = &def.aggregation {
            // The period values of the metrics it names, never a mean of daily results.
            return formula.eval(&mut |id| self.value(catalog, id, start, end, slice));
        }
        let series = self.metrics.get(metric)?;
        if let Aggregation::Sum = def.aggregation {
            // The common rule, without a list of the parts: a report asks for thousands of
            // values. The same points in the same order as `sum` below.
            let mut any = false;
            let total = series
                .iter()
                .map(|s| s.select(start, end, slice))
                .inspect(|points| any |= !points.is_empty())
                .flatten()
                .map(|p| p.value)
                .sum();
            return any.then_some(total);
        }
        let parts: Vec<(&MetricSeries, Selected)> = series
            .iter()
            .map(|s| (s, s.select(start, end, slice)))
            .filter(|(_, points)| !points.is_empty())
            .collect();
        if parts.is_empty() {
            return None;
        }
        let sum = || {
            Some(
                parts
                    .iter()
                    .flat_map(|(_, ps)| ps.clone())
                    .map(|p| p.value)
                    .sum(),
            )
        };
        match &def.aggregation {
            Aggregation::SumOfDailyUniques => {
                // Uniques over several days: the platform's own count when it gave one. Two
                // platforms' counts cannot be added (one person may be on both).
                let own: Vec<Option<f64>> = parts
                    .iter()
                    .map(|(s, _)| {
                        s.whole(slice)
                            .then(|| self.total_of(metric, &s.source, start, end))
                            .flatten()
                    })
                    .collect();
                match own.as_slice() {
                    [Some(total)] => Some(*total),
                    several if several.iter().any(Option::is_some) => None,
                    _ => sum(),
                }
            }
            Aggregation::Last => {
                // Per source and combination of dimensions, the value on its latest day;
                // summed (each platform's followers at the end, added up).
                let mut total = 0.0;
                for (_, points) in &parts {
                    // In the combinations' order: the same sum, to the last bit, every run.
                    let mut last: BTreeMap<u32, &Point> = BTreeMap::new();
                    for p in points.clone() {
                        last.insert(p.dims, p); // points are sorted by date
                    }
                    total += last.values().map(|p| p.value).sum::<f64>();
                }
                Some(total)
            }
            Aggregation::WeightedMean { weight } => {
                let weights = self.metrics.get(weight)?;
                let (mut num, mut den) = (0.0, 0.0);
                for (series, points) in &parts {
                    // The weight from the same source, else from the same platform.
                    let Some(w) =
                        weights
                            .iter()
                            .find(|w| w.source == series.source)
                            .or_else(|| {
                                weights.iter().find(|w| {
                                    w.platform_id().is_some()
                                        && w.platform_id() == series.platform_id()
                                })
                            })
                    else {
                        continue;
                    };
                    let (n, d) = weighted_sums(series, w, points.clone());
                    num += n;
                    den += d;
                }
                (den > 0.0).then(|| num / den)
            }
            Aggregation::Sum | Aggregation::Ratio { .. } | Aggregation::Formula(_) => {
                unreachable!("handled above")
            }
        }
    }

    /// The metric's value on each day of `start..=end` (the `i`-th is `start` + `i` days), as
    /// [`Dataset::value`] gives it for that one day: summed metrics, and ratios of them, in one
    /// pass over their points (a report's daily series asked for every day's value at a time).
    pub fn daily(
        &self,
        catalog: &Catalog,
        metric: &str,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Vec<Option<f64>> {
        let days = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
        let Some(def) = catalog.get(metric) else {
            return vec![None; days];
        };
        match &def.aggregation {
            Aggregation::Sum => {
                let Some(series) = self.metrics.get(metric) else {
                    return vec![None; days];
                };
                // Each day's points added as `value` adds them: from `Sum`'s own start, series
                // by series, each series' points in order.
                let zero: f64 = std::iter::empty::<f64>().sum();
                let mut total = vec![(zero, false); days];
                for s in series {
                    for p in s.select(start, end, Slice::All) {
                        if let Some(day) = usize::try_from((p.date - start).num_days())
                            .ok()
                            .and_then(|i| total.get_mut(i))
                        {
                            *day = (day.0 + p.value, true);
                        }
                    }
                }
                total.into_iter().map(|(v, any)| any.then_some(v)).collect()
            }
            Aggregation::Ratio {
                numerator,
                denominator,
            } => {
                let n = self.daily(catalog, numerator, start, end);
                let d = self.daily(catalog, denominator, start, end);
                n.into_iter()
                    .zip(d)
                    .map(|(n, d)| match (n, d) {
                        (Some(n), Some(d)) => ratio(n, d),
                        _ => None,
                    })
                    .collect()
            }
            _ => start
                .iter_days()
                .take(days)
                .map(|day| self.value(catalog, metric, day, day, Slice::All))
                .collect(),
        }
    }

    /// Local dates in `period` on which the metric (all its parts) has data from every
    /// platform that gives it (within a platform, from any of its sources): a day one
    /// platform misses is missing from the total. Sorted, each once.
    pub fn covered_dates(
        &self,
        catalog: &Catalog,
        metric: &str,
        period: &Period,
        slice: Slice,
    ) -> Vec<NaiveDate> {
        match catalog.get(metric).map(|m| &m.aggregation) {
            Some(Aggregation::Ratio {
                numerator,
                denominator,
            }) => {
                let d = self.covered_dates(catalog, denominator, period, slice);
                intersection(self.covered_dates(catalog, numerator, period, slice), &d)
            }
            Some(Aggregation::Formula(f)) => {
                let mut parts = f
                    .metrics()
                    .into_iter()
                    .map(|m| self.covered_dates(catalog, m, period, slice));
                let first = parts.next().unwrap_or_default();
                parts.fold(first, |acc, d| intersection(acc, &d))
            }
            // A day without reviews has no rating, and is not missing: coverage is the weight's.
            Some(Aggregation::WeightedMean { weight }) => {
                self.covered_dates(catalog, weight, period, slice)
            }
            _ => {
                // Per location (in a group) and platform: its days, sorted, once each.
                let mut by_platform: BTreeMap<(Option<&str>, &str), Vec<NaiveDate>> =
                    BTreeMap::new();
                for series in self.metrics.get(metric).into_iter().flatten() {
                    if !series.answers(slice) {
                        continue;
                    }
                    let key = (
                        series.location.as_deref(),
                        series.platform_id().unwrap_or(&series.source),
                    );
                    let points = series.select(period.start, period.end, slice);
                    if points.is_empty() && !series.whole(slice) {
                        continue; // a platform that is not asked about
                    }
                    let days = by_platform.entry(key).or_default();
                    let sorted = days.is_empty();
                    days.extend(points.map(|p| p.date));
                    if !sorted {
                        days.sort_unstable(); // a platform's second source
                    }
                    days.dedup();
                }
                let mut sets = by_platform.into_values();
                let first = sets.next().unwrap_or_default();
                sets.fold(first, |acc, s| intersection(acc, &s))
            }
        }
    }
}

/// The days of sorted `a` that sorted `b` has too.
fn intersection(mut a: Vec<NaiveDate>, b: &[NaiveDate]) -> Vec<NaiveDate> {
    a.retain(|d| b.binary_search(d).is_ok());
    a
}

/// (Σ value·weight, Σ weight), pairing each point with the weight of the same day and
/// dimensions. Points without a matching weight cannot be weighted and are left out.
fn weighted_sums(series: &MetricSeries, weights: &MetricSeries, points: Selected) -> (f64, f64) {
    // Weights are matched on the dimensions both series share.
    let shared: Vec<(usize, usize)> = series
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| weights.dimension_index(d).map(|j| (i, j)))
        .collect();
    let (Some(first), Some(last)) = (points.clone().next(), points.clone().last()) else {
        return (0.0, 0.0);
    };
    let mut weight_of: HashMap<(NaiveDate, Vec<&str>), f64> = HashMap::new();
    for w in weights.in_range(first.date, last.date) {
        let dims = shared
            .iter()
            .map(|&(_, j)| weights.dims(w).get(j).map_or("", String::as_str))
            .collect();
        *weight_of.entry((w.date, dims)).or_default() += w.value;
    }
    let (mut num, mut den) = (0.0, 0.0);
    for p in points {
        let dims = shared
            .iter()
            .map(|&(i, _)| series.dims(p).get(i).map_or("", String::as_str))
            .collect();
        if let Some(&w) = weight_of.get(&(p.date, dims)) {
            num += p.value * w;
            den += w;
        }
    }
    (num, den)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, day).unwrap()
    }

    /// A combination's number is where it was first seen, whether rows repeat their order
    /// (the guess of the one after the last hits) or not, and in a list made with a
    /// combination twice (`of`: the first place counts).
    #[test]
    fn combinations_are_numbered_where_first_seen() {
        let mut rng = fastrand::Rng::with_seed(7);
        let names = ["A", "B", "C", "D", "E"];
        let dims = |n: &str| -> Dims { vec![n.to_string()].into() };
        for round in 0..400 {
            let mut c = if round % 2 == 0 {
                Combinations::default()
            } else {
                Combinations::of(vec![dims("B"), dims("A"), dims("B")])
            };
            let mut seen: Vec<Dims> = c.list.clone();
            let cycle = rng.usize(1..=names.len());
            for i in 0..60 {
                let name = if rng.u8(0..4) > 0 {
                    names[i % cycle]
                } else {
                    names[rng.usize(..names.len())]
                };
                let values = [name.to_string()];
                let expected = match seen.iter().position(|s| **s == values) {
                    Some(p) => p,
                    None => {
                        seen.push(dims(name));
                        seen.len() - 1
                    }
                };
                assert_eq!(
                    c.number(&values) as usize,
                    expected,
                    "round {round}, row {i}"
                );
            }
        }
    }

    fn series(points: &[(u32, &str, f64)]) -> MetricSeries {
        let mut combinations = Combinations::default();
        let mut place = |dim: &str| match dim {
            "" => combinations.number(&[]),
            _ => combinations.number(&[dim.to_string()]),
        };
        let dimensions = if points.iter().any(|p| !p.1.is_empty()) {
            vec!["channel".into()]
        } else {
            vec![]
        };
        let points: Vec<Point> = points
            .iter()
            .map(|&(day, dim, value)| Point {
                date: d(day),
                dims: place(dim),
                value,
            })
            .collect();
        MetricSeries {
            source: "test".into(),
            platform: None,
            account: None,
            location: None,
            dimensions,
            dim_sets: combinations.list,
            points,
        }
    }

    fn data(metrics: &[(&str, MetricSeries)]) -> Dataset {
        let mut ds = Dataset::default();
        for (id, s) in metrics {
            ds.insert(id.to_string(), s.clone()).unwrap();
        }
        ds
    }

    /// Inserted points are ordered by day, then by their dimension values, points with the
    /// same day and values in the order given (their sums add in that order): whether the
    /// days come in order (each day sorted alone) or not.
    #[test]
    fn inserted_points_are_ordered_by_day_then_dimension_values() {
        let names = ["Paid", "Email", "Organic"];
        let given: Vec<(u32, &str, f64)> = (0..96)
            .map(|i| (1 + i / 48, names[(i * 7 % 3) as usize], f64::from(i)))
            .collect();
        let mut shuffled = given.clone();
        shuffled.reverse();
        for points in [given, shuffled] {
            let mut want = points.clone();
            want.sort_by_key(|&(day, dim, _)| (day, dim));
            let ds = data(&[("web.sessions", series(&points))]);
            let s = &ds.metrics["web.sessions"][0];
            let got: Vec<(u32, &str, f64)> = s
                .points
                .iter()
                .map(|p| (p.date.day(), s.dims(p)[0].as_str(), p.value))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn appended_points_keep_their_dimension_values() {
        // The other snapshot numbers its combinations differently, and has a new one.
        let mut first = series(&[(1, "Organic", 10.0), (1, "Paid", 20.0)]);
        let second = series(&[(2, "Email", 1.0), (2, "Paid", 2.0), (3, "Organic", 3.0)]);
        first.append(second);
        let got: Vec<(u32, &str, f64)> = first
            .points
            .iter()
            .map(|p| (p.date.day(), first.dims(p)[0].as_str(), p.value))
            .collect();
        assert_eq!(
            got,
            [
                (1, "Organic", 10.0),
                (1, "Paid", 20.0),
                (2, "Email", 1.0),
                (2, "Paid", 2.0),
                (3, "Organic", 3.0)
            ]
        );
        assert_eq!(first.dim_sets.len(), 3);
        // Points without a combination of their own (twice): one empty combination, no values.
        for _ in 0..2 {
            first.append(MetricSeries {
                points: vec![Point {
                    date: d(4),
                    dims: 0,
                    value: 4.0,
                }],
                ..MetricSeries::default()
            });
        }
        assert_eq!(first.dim_sets.len(), 4);
        assert!(first.points[5..].iter().all(|p| first.dims(p).is_empty()));
        assert_eq!(first.points[5].dims, first.points[6].dims);
    }

    /// `daily` gives, bit for bit, what `value` gives for each single day: sums over two
    /// platforms and several channels (added in the same order), days one platform or both
    /// lack, a zero denominator, a −0.0, and rules it leaves to `value` (the last followers).
    #[test]
    fn daily_values_are_each_days_value() {
        let c = Catalog::builtin();
        let on = |platform: &str, mut s: MetricSeries| {
            s.platform = Platform::named(platform);
            s.source = platform.into();
            s
        };
        let mut ds = Dataset::default();
        for (metric, google, microsoft) in [
            (
                "ads.clicks",
                vec![
                    (1, "A", 0.1),
                    (1, "B", 0.2),
                    (2, "A", 1e16),
                    (2, "B", 1.0),
                    (5, "A", -0.0),
                ],
                vec![(1, "C", 0.3), (2, "C", -1e16), (3, "C", 7.0)],
            ),
            (
                "ads.impressions",
                vec![(1, "A", 10.0), (2, "A", 3.0), (5, "A", 0.0)],
                vec![(1, "C", 20.0), (2, "C", 0.0), (3, "C", 0.0)],
            ),
            (
                "social.followers",
                vec![(1, "A", 100.0), (2, "A", 101.0), (2, "B", 5.0)],
                vec![(3, "C", 50.0)],
            ),
        ] {
            ds.insert(metric.into(), on("Google Ads", series(&google)))
                .unwrap();
            ds.insert(metric.into(), on("Microsoft Ads", series(&microsoft)))
                .unwrap();
        }
        let bits = |v: Option<f64>| v.map(f64::to_bits);
        for metric in [
            "ads.clicks",
            "ads.impressions",
            "ads.ctr",
            "social.followers",
            "web.sessions",
        ] {
            let got = ds.daily(&c, metric, d(1), d(6));
            let want: Vec<Option<f64>> = (1..=6)
                .map(|day| ds.value(&c, metric, d(day), d(day), Slice::All))
                .collect();
            assert_eq!(
                got.iter().copied().map(bits).collect::<Vec<_>>(),
                want.iter().copied().map(bits).collect::<Vec<_>>(),
                "{metric}: {got:?} vs {want:?}"
            );
        }
        assert_eq!(ds.daily(&c, "ads.clicks", d(1), d(1)).len(), 1);
        assert!(ds.daily(&c, "ads.clicks", d(2), d(1)).is_empty());
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
        assert_eq!(
            ds.covered_dates(&c, "web.sessions", &p, Slice::All).len(),
            2
        );
        // A ratio with a zero denominator is undefined, not zero.
        let ds = data(&[
            ("ads.spend", series(&[(1, "", 5.0)])),
            ("ads.conversions", series(&[(1, "", 0.0)])),
        ]);
        assert_eq!(ds.value(&c, "ads.cpa", d(1), d(1), Slice::All), None);
    }

    fn on(platform: &str, source: &str, points: &[(u32, &str, f64)]) -> MetricSeries {
        MetricSeries {
            source: source.into(),
            platform: Platform::named(platform),
            ..series(points)
        }
    }

    #[test]
    fn platforms_add_up_by_the_catalog_rules() {
        let c = Catalog::builtin();
        let mut ds = Dataset::default();
        let mut add = |m: &str, s: MetricSeries| ds.insert(m.into(), s).unwrap();
        add("seo.impressions", on("Google", "g", &[(1, "", 300.0)]));
        add("seo.position", on("Google", "g", &[(1, "", 2.0)]));
        add("seo.impressions", on("Bing", "b", &[(1, "", 100.0)]));
        add("seo.position", on("Bing", "b", &[(1, "", 10.0)]));
        add(
            "web.users",
            on("Google Analytics", "ga", &[(1, "", 40.0), (2, "", 50.0)]),
        );
        add(
            "web.users",
            on("Matomo", "mt", &[(1, "", 7.0), (2, "", 8.0)]),
        );
        // Each platform's position weighted by its own impressions: (600 + 1000) / 400.
        let p = ds
            .value(&c, "seo.position", d(1), d(1), Slice::All)
            .unwrap();
        assert!((p - 4.0).abs() < 1e-12, "{p}");
        let bing = Slice::Is(PLATFORM, "bing");
        assert_eq!(ds.value(&c, "seo.position", d(1), d(1), bing), Some(10.0));
        assert_eq!(
            ds.dimensions(&c, "seo.position"),
            vec![PLATFORM.to_string()]
        );
        // Daily uniques add up; a platform's own range count cannot be added to another's.
        assert_eq!(
            ds.value(&c, "web.users", d(1), d(2), Slice::All),
            Some(105.0)
        );
        ds.insert_total(
            "ga",
            Total {
                metric: "web.users".into(),
                start: d(1),
                end: d(2),
                value: 70.0,
            },
        );
        assert_eq!(ds.value(&c, "web.users", d(1), d(2), Slice::All), None);
        let ga = Slice::Is(PLATFORM, "google_analytics");
        assert_eq!(ds.value(&c, "web.users", d(1), d(2), ga), Some(70.0));
    }

    #[test]
    fn one_platform_from_a_file_then_a_live_source_is_one_platform() {
        let c = Catalog::builtin();
        let mut ds = Dataset::default();
        ds.insert(
            "ads.spend".into(),
            on("Google Ads", "export", &[(1, "", 5.0), (2, "", 5.0)]),
        )
        .unwrap();
        ds.insert(
            "ads.spend".into(),
            on("Google Ads", "live", &[(3, "", 7.0)]),
        )
        .unwrap();
        ds.insert(
            "ads.spend".into(),
            on("Meta Ads", "meta", &[(1, "", 1.0), (3, "", 1.0)]),
        )
        .unwrap();
        // Google Ads covers days 1–3 from two sources; Meta Ads misses day 2.
        let p = Period::range(d(1), d(3));
        let covered = ds.covered_dates(&c, "ads.spend", &p, Slice::All);
        assert_eq!(covered.into_iter().collect::<Vec<_>>(), vec![d(1), d(3)]);
        let google = Slice::Is(PLATFORM, "google_ads");
        assert_eq!(ds.covered_dates(&c, "ads.spend", &p, google).len(), 3);
        assert_eq!(
            ds.value(&c, "ads.spend", d(1), d(3), Slice::All),
            Some(19.0)
        );
        // The same platform again for a day it already has: counted twice, refused.
        let err = ds
            .insert(
                "ads.spend".into(),
                on("google ads", "again", &[(3, "", 7.0)]),
            )
            .unwrap_err();
        assert!(
            err.contains("\"live\" and source \"again\" both give Google Ads"),
            "{err}"
        );
        // Another account of the platform is another set of numbers.
        let other_account = MetricSeries {
            account: Some("2".into()),
            ..on("google ads", "second", &[(3, "", 1.0)])
        };
        let mut first_account = on("Google Ads", "first", &[(3, "", 1.0)]);
        first_account.account = Some("1".into());
        let mut ds = Dataset::default();
        ds.insert("ads.spend".into(), first_account).unwrap();
        ds.insert("ads.spend".into(), other_account).unwrap();
    }

    #[test]
    fn a_formula_divides_period_values_not_daily_ones() {
        let custom = crate::metrics::catalog::MetricDef {
            id: "ads.cost_per_lead".into(),
            label: "Cost per lead".into(),
            unit: crate::metrics::catalog::Unit::Money,
            aggregation: Aggregation::Formula(
                crate::metrics::formula::Formula::parse("ads.spend / (ads.conversions + 1)")
                    .unwrap(),
            ),
            good: crate::metrics::catalog::Direction::Down,
            ..Default::default()
        };
        let c = Catalog::with_custom(vec![custom]).unwrap();
        // Day 1: 100 / (9 + 1) = 10; day 2: 300 / (0 + 1) = 300; mean 155. The period:
        // 400 / (9 + 1) = 40.
        let ds = data(&[
            ("ads.spend", series(&[(1, "", 100.0), (2, "", 300.0)])),
            ("ads.conversions", series(&[(1, "", 9.0), (2, "", 0.0)])),
        ]);
        let v = ds.value(&c, "ads.cost_per_lead", d(1), d(2), Slice::All);
        assert_eq!(v, Some(40.0));
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
