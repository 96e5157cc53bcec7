//! Turns rows of a file (CSV records, JSON objects) into metric points, the same way for both
//! formats: wide rows (a column per metric) or long rows (metric name + value).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use super::cell::{parse_date, parse_number};
use super::{BadRow, History, SourceData, SourceError};
use crate::config::schema::{Layout, OnBadRow, SourceConfig};
use crate::config::values::date_example;
use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::{MetricSeries, Point};

/// A field's content as the file has it.
pub enum Cell<'a> {
    Missing,
    Text(&'a str),
    Number(f64),
}

/// One row of a source file.
pub trait Record {
    fn cell(&self, field: &str) -> Cell<'_>;
    /// Where `field` (or the whole row) stands, for error messages.
    fn place(&self, field: Option<&str>) -> BadRow;
}

/// A row's points, by metric.
type Points = Vec<(String, Point)>;

/// Which of a report's ranges keeps a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// The period or its comparison (or everything, when no range is set).
    Report,
    /// Only the trends' history.
    History,
}

/// Metrics already given for one day and combination of dimensions, and where.
type SeenMetrics = Vec<(String, BadRow)>;

/// Collects a source's rows into series, applying the source's bad-row policy.
pub struct RowMapper<'a> {
    config: &'a SourceConfig,
    catalog: &'a Catalog,
    file: &'a Path,
    data: SourceData,
    /// (date, dimensions) → the metrics already given for them and where.
    seen: HashMap<(NaiveDate, Vec<String>), SeenMetrics>,
    series: BTreeMap<String, Vec<Point>>,
    /// Σ|value| of each metric's mapped points: while it is finite, no sum of them overflows.
    magnitude: HashMap<String, f64>,
    /// Only rows dated within these ranges are mapped (all, when empty): a report needs its
    /// period and comparison, not the file's other 20 months.
    keep: Vec<(NaiveDate, NaiveDate)>,
    /// Rows dated here (outside `keep`) feed the trends only: mapped where they can be, left
    /// out quietly where not, so an old bad row never fails this period's report.
    history: Option<History>,
}

impl<'a> RowMapper<'a> {
    pub fn new(config: &'a SourceConfig, catalog: &'a Catalog, file: &'a Path) -> Self {
        RowMapper {
            config,
            catalog,
            file,
            data: SourceData::new(config, file),
            seen: HashMap::new(),
            series: BTreeMap::new(),
            magnitude: HashMap::new(),
            keep: Vec::new(),
            history: None,
        }
    }

    /// Also maps rows within `history` for the trends (see the field).
    pub fn with_history(mut self, history: Option<&History>) -> Self {
        self.history = history.cloned();
        self
    }

    /// Maps only rows dated within `ranges` (the others are counted, not read further).
    pub fn keep_only(mut self, ranges: &[(NaiveDate, NaiveDate)]) -> Self {
        self.keep = ranges.to_vec();
        self
    }

    /// Adds one row; a bad row fails the source or is skipped and counted, per `on_bad_row`.
    pub fn add(&mut self, record: &impl Record) -> Result<(), SourceError> {
        self.data.rows += 1;
        match self.map(record) {
            Ok((points, Kept::Report)) => {
                for (metric, point) in points {
                    self.data.dates.insert(point.date);
                    self.series.entry(metric).or_default().push(point);
                }
                Ok(())
            }
            // History feeds the trends' series, not the period's dates or its counts.
            Ok((points, Kept::History)) => {
                for (metric, point) in points {
                    self.series.entry(metric).or_default().push(point);
                }
                Ok(())
            }
            Err((_, Kept::History)) => Ok(()),
            Err((bad, Kept::Report)) => self.bad_row(bad),
        }
    }

    /// A problem with the whole file: fails the source whatever the bad-row policy.
    pub fn fail(&self, row: BadRow) -> SourceError {
        SourceError::BadRow {
            file: self.file.to_path_buf(),
            row,
        }
    }

    /// Applies the bad-row policy to a row that could not be read at all.
    pub fn bad_row(&mut self, bad: BadRow) -> Result<(), SourceError> {
        match self.config.on_bad_row {
            OnBadRow::Error => Err(self.fail(bad)),
            OnBadRow::Skip => {
                self.data.skipped.push(bad);
                Ok(())
            }
        }
    }

    pub fn finish(mut self) -> SourceData {
        for (metric, points) in self.series {
            self.data.metrics.insert(
                metric,
                MetricSeries {
                    source: self.config.id.to_string(),
                    platform: self.config.platform(),
                    account: self.config.account(),
                    dimensions: self
                        .config
                        .dimensions
                        .iter()
                        .map(|d| self.config.dimension_names.get(d).unwrap_or(d).clone())
                        .collect(),
                    points,
                    location: None,
                },
            );
        }
        self.data
    }

    /// The row's points and which range keeps them; a row outside every range gives none.
    fn map(&mut self, r: &impl Record) -> Result<(Points, Kept), (BadRow, Kept)> {
        // A row whose date cannot be read belongs to the report: it may be any day.
        let date = self.row_date(r).map_err(|bad| (bad, Kept::Report))?;
        // A file's freshness is its last dated row, whichever range a report keeps.
        self.data.data_through = self.data.data_through.max(Some(date));
        let kept =
            if self.keep.is_empty() || self.keep.iter().any(|(s, e)| (s..=e).contains(&&date)) {
                Kept::Report
            } else if self
                .history
                .as_ref()
                .is_some_and(|h| (h.start..=h.end).contains(&date))
            {
                Kept::History
            } else {
                return Ok((Vec::new(), Kept::Report));
            };
        self.map_dated(r, date, kept)
            .map(|points| (points, kept))
            .map_err(|bad| (bad, kept))
    }

    fn row_date(&self, r: &impl Record) -> Result<NaiveDate, BadRow> {
        let c = self.config;
        let format = c.date_format.as_ref().map(|f| f.value.as_str());
        match r.cell(&c.date) {
            Cell::Text(t) => parse_date(t, format),
            Cell::Number(n) => parse_date(&format!("{n}"), format),
            Cell::Missing => None,
        }
        .ok_or_else(|| {
            let found = describe(r.cell(&c.date));
            let like = match format {
                None => "2026-10-01 or 20261001".to_string(),
                Some(f) => match date_example(f) {
                    Some(example) => format!("{example:?} (format {f})"),
                    None => format!("format {f}"),
                },
            };
            r.place(Some(&c.date))
                .because(format!("expected a date like {like}, found {found}"))
        })
    }

    fn map_dated(
        &mut self,
        r: &impl Record,
        date: NaiveDate,
        kept: Kept,
    ) -> Result<Points, BadRow> {
        let c = self.config;
        // History rows give only what the trends read: other columns are not even parsed.
        let history = self.history.as_ref().filter(|_| kept == Kept::History);
        let wanted = |metric: &str| history.is_none_or(|h| h.metrics.contains(metric));
        // (metric, value, the column it was read from)
        let mut points = Vec::new();
        match c.layout {
            Layout::Wide => {
                for (column, metric) in &c.columns {
                    if !wanted(&metric.value) {
                        continue;
                    }
                    if let Some(value) = self.number(r, column)? {
                        points.push((metric.value.clone(), value, column.as_str()));
                    }
                }
            }
            Layout::Long => {
                let metric = self.long_metric(r)?;
                if !wanted(&metric) {
                    return Ok(Vec::new());
                }
                if let Some(value) = self.number(r, &c.value_column)? {
                    points.push((metric, value, c.value_column.as_str()));
                }
            }
        }
        if points.is_empty() {
            return Ok(Vec::new());
        }
        let mut dims = Vec::with_capacity(c.dimensions.len());
        for d in &c.dimensions {
            dims.push(match r.cell(d) {
                Cell::Text(t) if !t.trim().is_empty() => t.trim().to_string(),
                Cell::Number(n) => format!("{n}"),
                _ => "(not set)".to_string(),
            });
        }
        // Rows seen for this day and dimensions, by metric, to refuse double counting.
        let seen = self.seen.entry((date, dims.clone())).or_default();
        for (metric, _, _) in &points {
            if let Some((_, first)) = seen.iter().find(|(m, _)| m == metric) {
                return Err(r.place(None).because(format!(
                    "duplicate row: {metric} for {date}{} is already given at {}; \
                     the file would be counted twice",
                    if dims.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", dims.join(", "))
                    },
                    first.describe()
                )));
            }
        }
        // A sum that overflows would be an infinite total in the report.
        for (metric, value, column) in &points {
            let total = self.magnitude.get(metric).copied().unwrap_or(0.0) + value.abs();
            if !total.is_finite() {
                return Err(r.place(Some(*column)).because(format!(
                    "{value:e} makes the total of {metric} too large to compute \
                     (over {:e}); expected a {metric} value a report can add up",
                    f64::MAX
                )));
            }
        }
        for (metric, value, _) in &points {
            *self.magnitude.entry(metric.clone()).or_default() += value.abs();
        }
        let place = r.place(None);
        seen.extend(
            points
                .iter()
                .map(|(metric, _, _)| (metric.clone(), place.clone())),
        );
        Ok(points
            .into_iter()
            .map(|(metric, value, _)| {
                (
                    metric,
                    Point {
                        date,
                        dims: dims.clone(),
                        value,
                    },
                )
            })
            .collect())
    }

    fn number(&self, r: &impl Record, field: &str) -> Result<Option<f64>, BadRow> {
        match r.cell(field) {
            Cell::Missing => Ok(None),
            Cell::Number(n) if n.is_finite() => Ok(Some(n)),
            Cell::Number(n) => Err(r
                .place(Some(field))
                .because(format!("expected a finite number, found {n}"))),
            Cell::Text(t) if t.trim().is_empty() => Ok(None),
            Cell::Text(t) => parse_number(t, *self.config.decimal_separator)
                .map(Some)
                .ok_or_else(|| {
                    let example = if *self.config.decimal_separator == ',' {
                        "1.234,5"
                    } else {
                        "1,234.5"
                    };
                    r.place(Some(field))
                        .because(format!("expected a number like {example}, found {t:?}"))
                }),
        }
    }

    fn long_metric(&self, r: &impl Record) -> Result<String, BadRow> {
        let c = self.config;
        let name = match r.cell(&c.metric_column) {
            Cell::Text(t) => t.trim().to_string(),
            other => {
                return Err(r
                    .place(Some(&c.metric_column))
                    .because(format!("expected a metric name, found {}", describe(other))));
            }
        };
        if !c.metric_names.is_empty() {
            return c
                .metric_names
                .get(&name)
                .map(|m| m.value.clone())
                .ok_or_else(|| {
                    let known: Vec<&str> = c.metric_names.keys().map(String::as_str).collect();
                    r.place(Some(&c.metric_column)).because(format!(
                        "unknown metric name {name:?}: expected one of {} (see metric_names)",
                        known.join(", ")
                    ))
                });
        }
        match self.catalog.get(&name) {
            Some(m) if !m.aggregation.is_computed() => Ok(name),
            Some(_) => Err(r.place(Some(&c.metric_column)).because(format!(
                "{name} is computed from its parts; give the parts instead"
            ))),
            None => Err(r.place(Some(&c.metric_column)).because(format!(
                "unknown metric {name:?}: expected a catalog id such as web.sessions, \
                 or map the file's names with metric_names"
            ))),
        }
    }
}

fn describe(cell: Cell<'_>) -> String {
    match cell {
        Cell::Missing => "nothing".into(),
        Cell::Text(t) if t.trim().is_empty() => "an empty cell".into(),
        Cell::Text(t) => format!("{t:?}"),
        Cell::Number(n) => format!("{n}"),
    }
}

impl BadRow {
    pub fn because(mut self, message: String) -> Self {
        self.message = message;
        self
    }

    /// "line 12" or "record 3": the row part of the place.
    fn describe(&self) -> String {
        match (self.line, self.record) {
            (Some(l), _) => format!("line {l}"),
            (None, Some(r)) => format!("record {r}"),
            _ => "an earlier row".into(),
        }
    }
}
