//! Turns rows of a file (CSV records, JSON objects) into metric points, the same way for both
//! formats: wide rows (a column per metric) or long rows (metric name + value).
//!
//! A report reads 25 months of each file (its period, the comparison and the trends' history),
//! so the mapper is written for rows by the ten thousand: fields are resolved once per file,
//! metrics are slots in a table, and points of the same dimension values share one list.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::Path;

use chrono::NaiveDate;

use super::cell::{DateReader, parse_number, trim};
use super::{BadRow, History, SourceData, SourceError};
use crate::FastMap;
use crate::config::schema::{Layout, OnBadRow, SourceConfig};
use crate::config::values::date_example;
use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::{Combinations, MetricSeries, Point};

/// A field's content as the file has it.
pub enum Cell<'a> {
    Missing,
    Text(&'a str),
    Number(f64),
}

/// A field the mapper reads: its place in [`RowMapper::fields`] (a CSV row resolves places to
/// columns once per file) and its name (a JSON record looks it up by name).
#[derive(Clone, Copy)]
pub struct Field<'a> {
    pub index: usize,
    pub name: &'a str,
}

/// One row of a source file.
pub trait Record {
    fn cell(&self, field: Field<'_>) -> Cell<'_>;
    /// Where `field` (or the whole row) stands, for error messages.
    fn place(&self, field: Option<&str>) -> BadRow;
}

/// Which of a report's ranges keeps a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// The period or its comparison (or everything, when no range is set).
    Report,
    /// Only the trends' history.
    History,
}

/// One metric the source gives: its points so far.
struct Slot {
    metric: String,
    points: Vec<Point>,
    /// Σ|value| of the mapped points: while it is finite, no sum of them overflows.
    magnitude: f64,
    /// Whether history rows map it (a headline KPI or one of its parts).
    in_history: bool,
}

/// A wide layout's column: the field it is read from and the metric slot it feeds.
struct Column {
    field: usize,
    slot: usize,
}

/// Where a row was, for the duplicate-row message.
#[derive(Clone, Copy)]
struct RowAt {
    line: Option<u64>,
    record: Option<usize>,
}

/// The metrics given for one day and combination of dimension values, and by which rows: a
/// wide row gives several at once, so the first row's are a bit set (slots under 64).
struct Given {
    first: RowAt,
    first_slots: u64,
    later: Vec<(usize, RowAt)>,
}

impl Given {
    fn by(&self, slot: usize) -> Option<RowAt> {
        if slot < 64 && self.first_slots & (1 << slot) != 0 {
            return Some(self.first);
        }
        self.later
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, at)| *at)
    }
}

/// Collects a source's rows into series, applying the source's bad-row policy.
pub struct RowMapper<'a> {
    config: &'a SourceConfig,
    catalog: &'a Catalog,
    file: &'a Path,
    dates: DateReader<'a>,
    data: SourceData,
    /// The fields read from every row, in the order [`Field::index`] counts: the date, the
    /// dimensions, then the metric columns (wide) or the metric and value columns (long).
    fields: Vec<&'a str>,
    slots: Vec<Slot>,
    slot_of: HashMap<String, usize>,
    columns: Vec<Column>,
    /// Every combination of dimension values seen (shared by every metric's series).
    combinations: Combinations,
    dims_buf: Vec<String>,
    /// (date, dimension values) → the metrics given for them, to refuse double counting.
    seen: FastMap<(NaiveDate, u32), Given>,
    /// The current row's (slot, value, field) triples.
    row: Vec<(usize, f64, usize)>,
    /// The date last added to the source's dates.
    last_date: Option<NaiveDate>,
    /// Only rows dated within these ranges are mapped (all, when empty): a report needs its
    /// period and comparison, not the file's other 20 months.
    keep: Vec<(NaiveDate, NaiveDate)>,
    /// Rows dated here (outside `keep`) feed the trends only: mapped where they can be, left
    /// out quietly where not, so an old bad row never fails this period's report.
    history: Option<History>,
}

impl<'a> RowMapper<'a> {
    pub fn new(config: &'a SourceConfig, catalog: &'a Catalog, file: &'a Path) -> Self {
        let mut fields = vec![config.date.as_str()];
        fields.extend(config.dimensions.iter().map(String::as_str));
        let mut mapper = RowMapper {
            config,
            catalog,
            file,
            dates: DateReader::new(config.date_format.as_ref().map(|f| f.value.as_str())),
            data: SourceData::new(config, file),
            fields,
            slots: Vec::new(),
            slot_of: HashMap::new(),
            columns: Vec::new(),
            combinations: Combinations::default(),
            dims_buf: vec![String::new(); config.dimensions.len()],
            seen: FastMap::default(),
            row: Vec::new(),
            last_date: None,
            keep: Vec::new(),
            history: None,
        };
        match config.layout {
            Layout::Wide => {
                for (column, metric) in &config.columns {
                    let field = mapper.fields.len();
                    mapper.fields.push(column);
                    let slot = mapper.slot(&metric.value);
                    mapper.columns.push(Column { field, slot });
                }
            }
            Layout::Long => {
                mapper.fields.push(&config.metric_column);
                mapper.fields.push(&config.value_column);
            }
        }
        mapper
    }

    /// Also maps rows within `history` for the trends (see the field).
    pub fn with_history(mut self, history: Option<&History>) -> Self {
        self.history = history.cloned();
        for slot in &mut self.slots {
            slot.in_history = wanted_in(history, &slot.metric);
        }
        self
    }

    /// Maps only rows dated within `ranges` (the others are counted, not read further).
    pub fn keep_only(mut self, ranges: &[(NaiveDate, NaiveDate)]) -> Self {
        self.keep = ranges.to_vec();
        self
    }

    /// Makes room for about `rows` rows' bookkeeping at once rather than growing to it: at
    /// most 8,192 (~1.2 MB; a long layout, or rows outside the report's ranges, fill less).
    pub fn expect_rows(&mut self, rows: usize) {
        self.seen.reserve(rows.min(8192));
    }

    /// The fields read from every row ([`Field::index`] is a place in this list).
    pub fn fields(&self) -> &[&'a str] {
        &self.fields
    }

    fn field(&self, index: usize) -> Field<'a> {
        Field {
            index,
            name: self.fields[index],
        }
    }

    /// The slot of a metric, added on first sight.
    fn slot(&mut self, metric: &str) -> usize {
        if let Some(&slot) = self.slot_of.get(metric) {
            return slot;
        }
        self.slots.push(Slot {
            metric: metric.to_string(),
            points: Vec::new(),
            magnitude: 0.0,
            in_history: wanted_in(self.history.as_ref(), metric),
        });
        self.slot_of
            .insert(metric.to_string(), self.slots.len() - 1);
        self.slots.len() - 1
    }

    /// Adds one row; a bad row fails the source or is skipped and counted, per `on_bad_row`.
    pub fn add(&mut self, record: &impl Record) -> Result<(), SourceError> {
        self.data.rows += 1;
        match self.map(record) {
            Ok(Some((date, dims, kept))) => {
                // History feeds the trends' series, not the period's dates or its counts.
                // Rows come day by day: a day already inserted is not looked up again.
                if kept == Kept::Report && !self.row.is_empty() && self.last_date != Some(date) {
                    self.data.dates.insert(date);
                    self.last_date = Some(date);
                }
                for &(slot, value, _) in &self.row {
                    self.slots[slot].points.push(Point { date, dims, value });
                }
                Ok(())
            }
            Ok(None) | Err((_, Kept::History)) => Ok(()),
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
        let dimensions: Vec<String> = self
            .config
            .dimensions
            .iter()
            .map(|d| self.config.dimension_names.get(d).unwrap_or(d).clone())
            .collect();
        for slot in self.slots {
            if slot.points.is_empty() {
                continue;
            }
            self.data.metrics.insert(
                slot.metric,
                MetricSeries {
                    source: self.config.id.to_string(),
                    platform: self.config.platform(),
                    account: self.config.account(),
                    dimensions: dimensions.clone(),
                    dim_sets: self.combinations.list().to_vec(),
                    points: slot.points,
                    location: None,
                },
            );
        }
        self.data
    }

    /// Maps the row into `self.row`: its date, dimension values and which range keeps it, or
    /// `None` for a row outside every range.
    #[allow(clippy::type_complexity)]
    fn map(&mut self, r: &impl Record) -> Result<Option<(NaiveDate, u32, Kept)>, (BadRow, Kept)> {
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
                return Ok(None);
            };
        self.map_dated(r, date, kept)
            .map(|dims| Some((date, dims, kept)))
            .map_err(|bad| (bad, kept))
    }

    fn row_date(&self, r: &impl Record) -> Result<NaiveDate, BadRow> {
        let c = self.config;
        let format = c.date_format.as_ref().map(|f| f.value.as_str());
        let field = self.field(0);
        match r.cell(field) {
            Cell::Text(t) => self.dates.read(t),
            Cell::Number(n) => self.dates.read(&format!("{n}")),
            Cell::Missing => None,
        }
        .ok_or_else(|| {
            let found = describe(r.cell(field));
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

    fn map_dated(&mut self, r: &impl Record, date: NaiveDate, kept: Kept) -> Result<u32, BadRow> {
        let c = self.config;
        // History rows give only what the trends read: other columns are not even parsed.
        let history = kept == Kept::History;
        let separator = *c.decimal_separator;
        self.row.clear();
        match c.layout {
            Layout::Wide => {
                for column in &self.columns {
                    if history && !self.slots[column.slot].in_history {
                        continue;
                    }
                    let field = Field {
                        index: column.field,
                        name: self.fields[column.field],
                    };
                    if let Some(value) = number(r, field, separator)? {
                        self.row.push((column.slot, value, column.field));
                    }
                }
            }
            Layout::Long => {
                let slot = self.long_metric(r)?;
                if history && !self.slots[slot].in_history {
                    return Ok(0);
                }
                let field = self.field(self.fields.len() - 1);
                if let Some(value) = number(r, field, separator)? {
                    self.row.push((slot, value, field.index));
                }
            }
        }
        if self.row.is_empty() {
            return Ok(0);
        }
        let dim_set = self.dims(r);
        // Rows seen for this day and dimensions, by metric, to refuse double counting.
        let given = self.seen.get(&(date, dim_set));
        for &(slot, _, _) in &self.row {
            if let Some(first) = given.and_then(|g| g.by(slot)) {
                let metric = &self.slots[slot].metric;
                let first = BadRow {
                    line: first.line,
                    record: first.record,
                    ..BadRow::default()
                };
                return Err(r.place(None).because(format!(
                    "duplicate row: {metric} for {date}{} is already given at {}; \
                     the file would be counted twice",
                    match self.combinations.get(dim_set) {
                        Some(dims) if !dims.is_empty() => format!(" ({})", dims.join(", ")),
                        _ => String::new(),
                    },
                    first.describe()
                )));
            }
        }
        // A sum that overflows would be an infinite total in the report.
        for &(slot, value, field) in &self.row {
            let slot = &self.slots[slot];
            let metric = &slot.metric;
            if !(slot.magnitude + value.abs()).is_finite() {
                return Err(r.place(Some(self.fields[field])).because(format!(
                    "{value:e} makes the total of {metric} too large to compute \
                     (over {:e}); expected a {metric} value a report can add up",
                    f64::MAX
                )));
            }
        }
        let place = r.place(None);
        let at = RowAt {
            line: place.line,
            record: place.record,
        };
        for &(slot, value, _) in &self.row {
            self.slots[slot].magnitude += value.abs();
        }
        match self.seen.entry((date, dim_set)) {
            Entry::Occupied(mut given) => given
                .get_mut()
                .later
                .extend(self.row.iter().map(|&(slot, _, _)| (slot, at))),
            Entry::Vacant(vacant) => {
                let mut given = Given {
                    first: at,
                    first_slots: 0,
                    later: Vec::new(),
                };
                for &(slot, _, _) in &self.row {
                    if slot < 64 {
                        given.first_slots |= 1 << slot;
                    } else {
                        given.later.push((slot, at));
                    }
                }
                vacant.insert(given);
            }
        }
        Ok(dim_set)
    }

    /// The number of the row's dimension values among the combinations seen (added on first
    /// sight).
    fn dims(&mut self, r: &impl Record) -> u32 {
        if self.dims_buf.is_empty() {
            return 0;
        }
        for (i, buf) in self.dims_buf.iter_mut().enumerate() {
            buf.clear();
            let field = Field {
                index: 1 + i,
                name: self.fields[1 + i],
            };
            match r.cell(field) {
                Cell::Text(t) if !trim(t).is_empty() => buf.push_str(trim(t)),
                Cell::Number(n) => {
                    use std::fmt::Write;
                    let _ = write!(buf, "{n}");
                }
                _ => buf.push_str("(not set)"),
            }
        }
        self.combinations.number(&self.dims_buf)
    }

    fn long_metric(&mut self, r: &impl Record) -> Result<usize, BadRow> {
        let c = self.config;
        let column = self.field(self.fields.len() - 2);
        let name = match r.cell(column) {
            Cell::Text(t) => trim(t),
            other => {
                return Err(r
                    .place(Some(&c.metric_column))
                    .because(format!("expected a metric name, found {}", describe(other))));
            }
        };
        if !c.metric_names.is_empty() {
            return match c.metric_names.get(name) {
                Some(m) => Ok(self.slot(&m.value)),
                None => {
                    let known: Vec<&str> = c.metric_names.keys().map(String::as_str).collect();
                    Err(r.place(Some(&c.metric_column)).because(format!(
                        "unknown metric name {name:?}: expected one of {} (see metric_names)",
                        known.join(", ")
                    )))
                }
            };
        }
        if let Some(&slot) = self.slot_of.get(name) {
            return Ok(slot);
        }
        match self.catalog.get(name) {
            Some(m) if !m.aggregation.is_computed() => Ok(self.slot(name)),
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

/// Whether history rows map `metric` (all metrics when there is no history filter).
fn wanted_in(history: Option<&History>, metric: &str) -> bool {
    history.is_none_or(|h| h.metrics.contains(metric))
}

fn number(r: &impl Record, field: Field<'_>, separator: char) -> Result<Option<f64>, BadRow> {
    match r.cell(field) {
        Cell::Missing => Ok(None),
        Cell::Number(n) if n.is_finite() => Ok(Some(n)),
        Cell::Number(n) => Err(r
            .place(Some(field.name))
            .because(format!("expected a finite number, found {n}"))),
        Cell::Text(t) if trim(t).is_empty() => Ok(None),
        Cell::Text(t) => parse_number(t, separator).map(Some).ok_or_else(|| {
            let example = if separator == ',' {
                "1.234,5"
            } else {
                "1,234.5"
            };
            r.place(Some(field.name))
                .because(format!("expected a number like {example}, found {t:?}"))
        }),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Slots from 64 up do not fit the first row's bit set: they are listed, and found.
    #[test]
    fn a_first_row_beyond_64_metrics_is_still_found() {
        let at = |line| RowAt {
            line: Some(line),
            record: None,
        };
        let mut given = Given {
            first: at(2),
            first_slots: 1 << 3,
            later: vec![(70, at(2))],
        };
        given.later.push((5, at(9)));
        assert_eq!(given.by(3).and_then(|a| a.line), Some(2));
        assert_eq!(given.by(70).and_then(|a| a.line), Some(2));
        assert_eq!(given.by(5).and_then(|a| a.line), Some(9));
        assert!(given.by(4).is_none() && given.by(71).is_none());
    }
}
