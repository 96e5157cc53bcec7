//! Data sources: files (CSV, JSON) that give a client's daily metrics.
//!
//! Each format only reads rows; [`records::RowMapper`] turns rows into metric points, so a new
//! format needs a reader and nothing else.

pub mod cell;
mod csv;
mod json;
mod records;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::schema::{SourceConfig, SourceKind};
use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::MetricSeries;

/// What one source gave.
#[derive(Debug, Clone)]
pub struct SourceData {
    pub id: String,
    pub file: PathBuf,
    pub metrics: BTreeMap<String, MetricSeries>,
    /// Local dates with at least one value.
    pub dates: BTreeSet<NaiveDate>,
    /// Rows read (including skipped ones).
    pub rows: usize,
    /// Rows left out under `on_bad_row: skip`.
    pub skipped: Vec<BadRow>,
}

impl SourceData {
    fn new(id: &str, file: &Path) -> Self {
        SourceData {
            id: id.to_string(),
            file: file.to_path_buf(),
            metrics: BTreeMap::new(),
            dates: BTreeSet::new(),
            rows: 0,
            skipped: Vec::new(),
        }
    }
}

/// A row that could not be read, and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// Reads one source file (resolved against the workspace folder) into series.
pub fn load(
    root: &Path,
    config: &SourceConfig,
    catalog: &Catalog,
) -> Result<SourceData, SourceError> {
    let file = root.join(&config.path);
    let bytes = std::fs::read(&file).map_err(|source| SourceError::Read {
        file: file.clone(),
        source,
    })?;
    load_bytes(&file, &bytes, config, catalog)
}

/// Reads a source from bytes already in memory (`file` names it in messages).
pub fn load_bytes(
    file: &Path,
    bytes: &[u8],
    config: &SourceConfig,
    catalog: &Catalog,
) -> Result<SourceData, SourceError> {
    let mut mapper = records::RowMapper::new(config, catalog, file);
    match config.kind {
        SourceKind::Csv => csv::read(bytes, config, &mut mapper)?,
        SourceKind::Json => json::read(bytes, config, &mut mapper)?,
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
