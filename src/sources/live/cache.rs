//! The cache of fetched data: one JSON snapshot per client, source and date range, under
//! `.execreport/cache/<client>/<source>/<start>_<end>.json`. Snapshots hold no secrets.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::Fetched;
use crate::config::schema::SourceConfig;
use crate::files::{SharedFiles, write_atomic};
use crate::metrics::catalog::Catalog;
use crate::metrics::dataset::Total;
use crate::sources::records::RowMapper;
use crate::sources::{SourceData, SourceError, json};

const FORMAT: u32 = 1;

/// Which data a report used for one range of a live source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FetchInfo {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub fetched_at: DateTime<Utc>,
    /// Whether this run read the snapshot from the cache rather than the API.
    pub from_cache: bool,
    /// The snapshot file, relative to the workspace.
    pub snapshot: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: u32,
    pub source: String,
    pub kind: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub fetched_at: DateTime<Utc>,
    /// Fingerprint of the request settings; another fingerprint means other data.
    pub request: String,
    pub rows: Vec<Map<String, Value>>,
    #[serde(default)]
    pub totals: BTreeMap<String, f64>,
}

impl Snapshot {
    pub fn new(
        config: &SourceConfig,
        start: NaiveDate,
        end: NaiveDate,
        now: DateTime<Utc>,
        request: String,
        fetched: Fetched,
    ) -> Self {
        Snapshot {
            format: FORMAT,
            source: config.id.to_string(),
            kind: config.kind.name().to_string(),
            start,
            end,
            fetched_at: now,
            request,
            rows: fetched.rows,
            totals: fetched.totals,
        }
    }

    /// Whether every day of the range was older than the settle window when fetched.
    pub fn settled(&self, zone: chrono_tz::Tz, settle_days: u32) -> bool {
        let fetched_on = self.fetched_at.with_timezone(&zone).date_naive();
        (fetched_on - self.end).num_days() > i64::from(settle_days)
    }

    /// The last day of the range that had settled when it was fetched.
    pub fn settled_through(&self, zone: chrono_tz::Tz, settle_days: u32) -> NaiveDate {
        let fetched_on = self.fetched_at.with_timezone(&zone).date_naive();
        let last = fetched_on - chrono::Days::new(u64::from(settle_days) + 1);
        last.min(self.end)
    }

    /// The snapshot's rows as metric series, limited to its range.
    pub fn map(
        self,
        config: &SourceConfig,
        catalog: &Catalog,
        file: &Path,
        from_cache: bool,
        shown: &str,
    ) -> Result<SourceData, SourceError> {
        let mut mapper = RowMapper::new(config, catalog, file);
        let rows: Vec<Value> = self.rows.into_iter().map(Value::Object).collect();
        json::read_records(&rows, &mut mapper)?;
        let mut data = mapper.finish();
        data.keep_range(self.start, self.end);
        data.fetched.push(FetchInfo {
            start: self.start,
            end: self.end,
            fetched_at: self.fetched_at,
            from_cache,
            snapshot: shown.to_string(),
        });
        for (field, value) in self.totals {
            if let Some(metric) = config.columns.get(&field) {
                data.totals.push(Total {
                    metric: metric.value.clone(),
                    start: self.start,
                    end: self.end,
                    value,
                });
            }
        }
        Ok(data)
    }
}

/// Where a snapshot is kept: a file in the workspace's cache folder, or an object of the shared
/// cache (`cache: s3://...`).
pub enum Place<'a> {
    File(PathBuf),
    Shared {
        files: &'a dyn SharedFiles,
        key: String,
    },
}

impl Place<'_> {
    /// The file's path or the object's location, for messages.
    pub fn shown(&self) -> PathBuf {
        match self {
            Place::File(f) => f.clone(),
            Place::Shared { files, key } => PathBuf::from(files.location(key)),
        }
    }
}

/// Where the snapshot of a source's range is: under `dir`, or in the shared cache.
pub fn place<'a>(
    dir: &Path,
    shared: Option<&'a dyn SharedFiles>,
    client: &str,
    source: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> Place<'a> {
    let name = format!("{start}_{end}.json");
    match shared {
        Some(files) => Place::Shared {
            files,
            key: format!("{client}/{source}/{name}"),
        },
        None => Place::File(dir.join(client).join(source).join(name)),
    }
}

/// The snapshot, `None` when there is none, or why it cannot be read.
pub fn read(place: &Place) -> Result<Option<Snapshot>, String> {
    let file = &place.shown();
    let bytes = match place {
        Place::Shared { files, key } => match files.get(key)? {
            Some(b) => b,
            None => return Ok(None),
        },
        Place::File(file) => match std::fs::read(file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read the cache {}: {e}", file.display())),
        },
    };
    let snapshot: Snapshot = serde_json::from_slice(&bytes)
        .map_err(|e| format!("the cache {} is damaged: {e}", file.display()))?;
    if snapshot.format != FORMAT {
        return Err(format!(
            "the cache {} has format {}, expected {FORMAT}",
            file.display(),
            snapshot.format
        ));
    }
    Ok(Some(snapshot))
}

pub fn write(place: &Place, snapshot: &Snapshot) -> std::io::Result<()> {
    let bytes = serde_json::to_vec_pretty(snapshot).map_err(std::io::Error::other)?;
    match place {
        Place::File(file) => write_atomic(file, &bytes),
        Place::Shared { files, key } => files.put(key, &bytes).map_err(std::io::Error::other),
    }
}

/// A digest of the settings that decide what a request returns (never the secrets).
/// `context`: what else decides the rows (the client's time zone, the fields totalled).
pub fn fingerprint(config: &SourceConfig, context: &str) -> String {
    let mut api = config.api.clone().unwrap_or_default();
    // Where and how the request goes does not change what it returns.
    api.base_url = None;
    api.auth = None;
    api.developer_token = None;
    api.settle_days = None;
    api.timeout_seconds = None;
    api.retries = None;
    api.concurrency = None;
    // Settings added later leave the text as it was, so caches fetched before stay valid.
    let mut api = format!("{api:?}").replace("concurrency: None, ", "");
    for added in ["shop", "data_center", "channel", "account_id"] {
        api = api.replace(&format!(", {added}: None"), "");
    }
    let described = format!(
        "{:?}|{}|{:?}|{:?}|{:?}|{:?}|{context}",
        config.kind,
        api,
        config.records,
        config.date,
        config.dimensions,
        config.columns.keys().collect::<Vec<_>>()
    );
    let digest = Sha256::digest(described.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
