//! Data sources: files (CSV, JSON) that give a client's daily metrics.
//!
//! Each format only reads rows; [`records::RowMapper`] turns rows into metric points, so a new
//! format needs a reader and nothing else.

pub mod cell;
mod csv;
mod json;
pub mod live;
mod records;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Workspace;
use crate::config::schema::{SourceConfig, SourceKind};
use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::{MetricSeries, Total};

/// The long view's days and the metrics it reads (the headline KPIs and their parts): only
/// these are mapped from history rows, so 22 months of files cost little more than two.
#[derive(Debug, Clone)]
pub struct History {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub metrics: std::collections::BTreeSet<String>,
}

/// What one source gave.
#[derive(Debug, Clone)]
pub struct SourceData {
    pub id: String,
    pub kind: SourceKind,
    pub file: PathBuf,
    pub metrics: BTreeMap<String, MetricSeries>,
    /// Local dates with at least one value.
    pub dates: BTreeSet<NaiveDate>,
    /// Rows read (including skipped ones).
    pub rows: usize,
    /// Rows left out under `on_bad_row: skip`.
    pub skipped: Vec<BadRow>,
    /// Live sources: the snapshot used for each range.
    pub fetched: Vec<live::FetchInfo>,
    /// Values over whole ranges that days cannot be summed into (unique users).
    pub totals: Vec<Total>,
    /// The last day with data: a file's last dated row; a live source's last settled day
    /// fetched.
    pub data_through: Option<NaiveDate>,
}

impl SourceData {
    fn new(config: &SourceConfig, file: &Path) -> Self {
        SourceData {
            id: config.id.to_string(),
            kind: config.kind,
            file: file.to_path_buf(),
            metrics: BTreeMap::new(),
            dates: BTreeSet::new(),
            rows: 0,
            skipped: Vec::new(),
            fetched: Vec::new(),
            totals: Vec::new(),
            data_through: None,
        }
    }

    /// Drops points outside `start..=end` (an API may answer with more than was asked).
    fn keep_range(&mut self, start: NaiveDate, end: NaiveDate) {
        for series in self.metrics.values_mut() {
            series.points.retain(|p| (start..=end).contains(&p.date));
        }
        self.dates.retain(|d| (start..=end).contains(d));
    }

    /// Drops points on days inside `ranges` (already read from another snapshot).
    fn drop_ranges(&mut self, ranges: &[(NaiveDate, NaiveDate)]) {
        let outside = |d: &NaiveDate| !ranges.iter().any(|(s, e)| (s..=e).contains(&d));
        for series in self.metrics.values_mut() {
            series.points.retain(|p| outside(&p.date));
        }
        self.dates.retain(outside);
    }

    /// Adds another range of the same source.
    fn merge(&mut self, other: SourceData) {
        for (metric, series) in other.metrics {
            match self.metrics.get_mut(&metric) {
                Some(s) => s.append(series),
                None => {
                    self.metrics.insert(metric, series);
                }
            }
        }
        self.dates.extend(other.dates);
        self.rows += other.rows;
        self.skipped.extend(other.skipped);
        self.fetched.extend(other.fetched);
        self.totals.extend(other.totals);
        self.data_through = self.data_through.max(other.data_through);
    }
}

/// A row that could not be read, and where it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BadRow {
    /// 1-based line in a CSV file (or of a JSON syntax error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based field number in a CSV row, or column of a JSON syntax error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// 1-based position of a JSON record in its array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column, self.record) {
            (Some(l), Some(c), _) => write!(f, "{l}:{c}: ")?,
            (Some(l), None, _) => write!(f, "{l}: ")?,
            (None, _, Some(r)) => write!(f, " record {r}: ")?,
            _ => write!(f, " ")?,
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}: cannot read the file: {source}", file.display())]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{row}", file.display())]
    BadRow { file: PathBuf, row: BadRow },
    /// A data file that leads outside the workspace folder: never read.
    #[error("{0}")]
    Outside(crate::config::containment::OutsideWorkspace),
    /// A request that failed (its text holds no secrets).
    #[error("{0}")]
    Fetch(live::http::FetchError),
    /// A platform's quota is exhausted until a time: the report waits for it.
    #[error("{0}")]
    Postponed(Box<live::quota::Hold>),
    /// A live source that cannot be fetched or read from the cache.
    #[error("{0}")]
    Live(String),
    /// Data fetched but not saved to the cache (the write's error is the source).
    #[error("cannot write the cache {}: {source}", file.display())]
    CacheWrite {
        file: PathBuf,
        source: std::io::Error,
    },
}

impl SourceError {
    /// The reason without the request: what a client's report may show.
    pub fn summary(&self) -> String {
        match self {
            SourceError::Fetch(e) => {
                let mut text = String::new();
                if let Some(status) = e.status {
                    text = format!("HTTP {status}: ");
                }
                text + &e.message
            }
            other => other.to_string(),
        }
    }
}

/// Reads one source: a file (resolved against the workspace folder), or a live API for the
/// ranges in `needs`.
pub fn load(
    ws: &Workspace,
    fetcher: &live::Fetcher,
    config: &SourceConfig,
    needs: &live::Needs,
) -> Result<SourceData, SourceError> {
    if config.kind.is_live() {
        live::load(ws, fetcher, config, needs)
    } else {
        read_file(
            &ws.root,
            config,
            &ws.catalog,
            &needs.ranges,
            needs.history.as_ref(),
        )
    }
}

/// Reads every row of a file source (its path resolved against `root`).
pub fn load_file(
    root: &Path,
    config: &SourceConfig,
    catalog: &Catalog,
) -> Result<SourceData, SourceError> {
    read_file(root, config, catalog, &[], None)
}

/// Reads a file source, mapping only rows within `keep` (all when empty).
fn read_file(
    root: &Path,
    config: &SourceConfig,
    catalog: &Catalog,
    keep: &[(NaiveDate, NaiveDate)],
    history: Option<&History>,
) -> Result<SourceData, SourceError> {
    let file = root.join(config.path.as_deref().unwrap_or(Path::new("")));
    crate::config::containment::inside(root, &file, "path").map_err(SourceError::Outside)?;
    // Read into this thread's buffer, kept for the next file: a report reads a dozen files of
    // hundreds of KB, and a fresh buffer for each was pages faulted in again and again.
    thread_local! {
        static BUFFER: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut bytes = BUFFER.take();
    bytes.clear();
    let read = std::fs::File::open(&file).and_then(|mut f| {
        use std::io::Read;
        f.read_to_end(&mut bytes)
    });
    let result = match read {
        Ok(_) => read_bytes(&file, &bytes, config, catalog, keep, history),
        Err(source) => Err(SourceError::Read {
            file: file.clone(),
            source,
        }),
    };
    // Not a very large one: its memory would stay with the thread.
    if bytes.capacity() <= 16 << 20 {
        BUFFER.set(bytes);
    }
    result
}

/// Reads a source from bytes already in memory (`file` names it in messages).
pub fn load_bytes(
    file: &Path,
    bytes: &[u8],
    config: &SourceConfig,
    catalog: &Catalog,
) -> Result<SourceData, SourceError> {
    read_bytes(file, bytes, config, catalog, &[], None)
}

fn read_bytes(
    file: &Path,
    bytes: &[u8],
    config: &SourceConfig,
    catalog: &Catalog,
    keep: &[(NaiveDate, NaiveDate)],
    history: Option<&History>,
) -> Result<SourceData, SourceError> {
    let mut mapper = records::RowMapper::new(config, catalog, file)
        .keep_only(keep)
        .with_history(history);
    match config.kind {
        SourceKind::Csv => csv::read(bytes, config, &mut mapper)?,
        SourceKind::Json => json::read(bytes, config, &mut mapper)?,
        kind => {
            return Err(SourceError::Live(format!(
                "a {} source is fetched, not read from bytes",
                kind.name()
            )));
        }
    }
    Ok(mapper.finish())
}

/// A place in a file with no row-level detail, for whole-file errors.
fn whole_file(line: Option<u64>, column: Option<u64>, message: String) -> BadRow {
    BadRow {
        line,
        column,
        record: None,
        field: None,
        message,
    }
}

#[cfg(test)]
mod tests;
