//! The ledger: an SQLite database in the workspace (`.execreport/ledger.sqlite`) recording each
//! report's state (rendering, rendered, failed), its outputs with their SHA-256, the hash of its
//! inputs, its approval, and the history of all of it.

mod claims;
mod db;
mod health;
mod site;

use std::path::Path;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::report::model::DataStatus;
use crate::sources::live::quota::{BudgetKey, Hold};
pub use claims::{Claim, Holder, Worker};
use db::{Db, Durability, Row, Tx};
pub use health::SourceHealth;
pub use site::SiteFile;

/// The tables as the first release made them; `MIGRATIONS` brings them up to date. Only the
/// event ids differ between the two databases.
const BASE: &str = "
CREATE TABLE IF NOT EXISTS reports (
    client      TEXT NOT NULL,
    period      TEXT NOT NULL,
    run         TEXT NOT NULL,
    state       TEXT NOT NULL,   -- rendering | rendered | failed | waiting | skipped
    input_hash  TEXT,
    outputs     TEXT NOT NULL DEFAULT '[]',
    error       TEXT,
    approval    TEXT NOT NULL DEFAULT 'none',  -- none | awaiting | approved
    rendered_at TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (client, period)
);
CREATE TABLE IF NOT EXISTS deliveries (
    client      TEXT NOT NULL,
    period      TEXT NOT NULL,
    recipient   TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    state       TEXT NOT NULL,   -- sending | accepted | rejected | deferred | uncertain
    reply       TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (client, period, recipient)
);
CREATE TABLE IF NOT EXISTS events (
    id      EVENT_ID,
    client  TEXT NOT NULL,
    period  TEXT NOT NULL,
    at      TEXT NOT NULL,
    event   TEXT NOT NULL,
    detail  TEXT
);
";

/// Forward migrations, in order, the same for both databases. SQLite counts those applied in
/// `PRAGMA user_version`, PostgreSQL in the table `ledger_schema`. A ledger made by an earlier
/// release opens and gains what it lacks.
const MIGRATIONS: &[&str] = &[
    // 1: the data behind each report: complete | incomplete | no_data, and what it lacks.
    "ALTER TABLE reports ADD COLUMN data TEXT;
     ALTER TABLE reports ADD COLUMN data_detail TEXT;",
    // 2: which worker holds which report, until when (see `claims`).
    "CREATE TABLE claims (
        client      TEXT NOT NULL,
        period      TEXT NOT NULL,
        worker      TEXT,
        since       TEXT,
        lease_until TEXT NOT NULL DEFAULT '',
        finished_by TEXT,
        finished_at TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (client, period)
     );
     CREATE INDEX claims_worker ON claims (worker);",
    // 3: platform quota budgets exhausted until a time (GA4 property, Meta ad account, ...):
    // no request of any batch, on any machine, goes to them before `until`.
    "CREATE TABLE IF NOT EXISTS quota_holds (
        platform    TEXT NOT NULL,
        scope       TEXT NOT NULL,
        what        TEXT NOT NULL,
        until       TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (platform, scope)
     );",
    // 4: the published site (see `site`): each client's secret token, and every file written
    // to a site with its SHA-256, so that publishing again writes only what changed.
    "CREATE TABLE IF NOT EXISTS site_tokens (
        client      TEXT NOT NULL PRIMARY KEY,
        token       TEXT NOT NULL,
        created_at  TEXT NOT NULL
     );
     CREATE TABLE IF NOT EXISTS site_files (
        site         TEXT NOT NULL,
        path         TEXT NOT NULL,
        client       TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        published_at TEXT NOT NULL,
        PRIMARY KEY (site, path)
     );",
    // 5: each live source's health as the last batch found it (see `health`).
    "CREATE TABLE IF NOT EXISTS source_health (
        client      TEXT NOT NULL,
        source      TEXT NOT NULL,
        platform    TEXT,
        health      TEXT NOT NULL,
        detail      TEXT,
        fix         TEXT,
        period      TEXT NOT NULL,
        checked_at  TEXT NOT NULL,
        PRIMARY KEY (client, source)
     );",
];

closed_set! {
    /// Where a report is: `Rendering` until its files are written (a crash leaves it so).
    pub enum ReportState ("report state") {
        Rendering = "rendering",
        Rendered = "rendered",
        Failed = "failed",
        /// Not rendered: its data is incomplete or missing and is waited for.
        Waiting = "waiting",
        /// Not rendered: incomplete data and `on_incomplete: skip`; not due again.
        Skipped = "skipped",
    }
}

closed_set! {
    /// Whether a rendered report needs, and has, the agency's approval before it is sent.
    pub enum ApprovalState ("approval") {
        None = "none",
        Awaiting = "awaiting",
        Approved = "approved",
    }
}

closed_set! {
    /// A message to one recipient: `Sending` until the server's answer is recorded.
    pub enum DeliveryState ("delivery state") {
        Sending = "sending",
        Accepted = "accepted",
        /// A permanent failure (5xx).
        Rejected = "rejected",
        /// A temporary failure (4xx), or a failure before the message was handed over.
        Deferred = "deferred",
        /// Handed over, and the server never answered: it may have arrived.
        Uncertain = "uncertain",
    }
}

closed_set! {
    /// What made a report due: a schedule's run, or `--period`.
    pub enum RunKind ("run") {
        Monthly = "monthly",
        Weekly = "weekly",
        /// `batch --period`.
        Manual = "manual",
    }
}

/// One written file of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputFile {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
}

impl OutputFile {
    /// Whether `bytes` are what was written: every reader checks, since the files are not
    /// synced one by one and a power cut may damage one (see `files::Persist::Later`).
    pub fn holds(&self, bytes: &[u8]) -> bool {
        use sha2::Digest;
        crate::files::hex(&sha2::Sha256::digest(bytes)) == self.sha256
    }
}

/// A report's row in the ledger.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub client: String,
    pub period: String,
    pub run: RunKind,
    pub state: ReportState,
    pub input_hash: Option<String>,
    pub outputs: Vec<OutputFile>,
    pub error: Option<String>,
    pub approval: ApprovalState,
    pub rendered_at: Option<String>,
    pub updated_at: String,
    /// The data the report was last built from.
    pub data: Option<DataStatus>,
    /// What the data lacked, one line per source (for `status`).
    pub data_detail: Option<String>,
}

/// What a report's data was, as the ledger records it.
#[derive(Debug, Clone, Copy)]
pub struct DataRecord<'a> {
    pub state: DataStatus,
    pub detail: Option<&'a str>,
}

/// A message to one recipient and what became of it.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub recipient: String,
    pub message_id: String,
    pub state: DeliveryState,
    pub reply: Option<String>,
    pub attempts: u32,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: String,
    pub event: String,
    pub detail: Option<String>,
}

/// The ledger: one database connection shared by a process's threads, and, for a worker of a
/// shared ledger, who it is (its writes to a report need that report's claim).
pub struct Ledger {
    db: Mutex<Db>,
    worker: Option<Worker>,
}

/// A platform budget exhausted until a time, as the ledger keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaHold {
    /// "GA4", "Meta Ads", …
    pub platform: String,
    /// "property 123", "ad account 42", …
    pub scope: String,
    /// What ran out ("hourly quota").
    pub what: String,
    pub until: DateTime<Utc>,
}

impl From<&Hold> for QuotaHold {
    fn from(h: &Hold) -> Self {
        QuotaHold {
            platform: h.key.platform.clone(),
            scope: h.key.scope.clone(),
            what: h.what.clone(),
            until: h.until,
        }
    }
}

impl From<QuotaHold> for Hold {
    fn from(h: QuotaHold) -> Self {
        Hold {
            key: BudgetKey {
                platform: h.platform,
                scope: h.scope,
            },
            what: h.what,
            until: h.until,
        }
    }
}

/// Why the ledger could not be read or written; the database's error stays its `source()`.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("cannot create {}: {source}", dir.display())]
    CreateDir {
        dir: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the ledger {}: {source}", path.display())]
    Open {
        path: std::path::PathBuf,
        source: rusqlite::Error,
    },
    #[error("ledger: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("ledger url: {0} (expected postgresql://user:password@host:port/database)")]
    Url(String),
    #[error("cannot connect to the PostgreSQL ledger at {host}: {source}")]
    Connect {
        host: String,
        source: postgres::Error,
    },
    #[error("ledger (PostgreSQL): {0}")]
    Postgres(#[from] postgres::Error),
    #[error("ledger: {table}.{column}: {source}")]
    Stored {
        table: &'static str,
        column: &'static str,
        source: StoredValueError,
    },
    #[error(
        "ledger: the schema is at version {found}, newer than this release knows ({known}): upgrade execreport"
    )]
    Newer { found: i64, known: usize },
    /// This worker's lease on the report ran out and another worker may hold it now.
    #[error("lost the claim on {client} {period}: another worker may have taken it over")]
    LostClaim { client: String, period: String },
}

/// A value in the ledger that this release cannot read (a newer release's state, a hand edit).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoredValueError(String);

type Result<T> = std::result::Result<T, LedgerError>;

impl Ledger {
    /// The embedded ledger: an SQLite file, created (with its folder) when missing.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| LedgerError::CreateDir {
                dir: dir.to_path_buf(),
                source,
            })?;
        }
        let open = || -> rusqlite::Result<(rusqlite::Connection, bool)> {
            let conn = rusqlite::Connection::open(path)?;
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
            // The mode it got: a file system without shared memory keeps a rollback journal.
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
            Ok((conn, mode.eq_ignore_ascii_case("wal")))
        };
        let (mut conn, wal) = open().map_err(|source| LedgerError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.execute_batch(&BASE.replace("EVENT_ID", "INTEGER PRIMARY KEY AUTOINCREMENT"))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        check_version(version)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
            tx.commit()?;
        }
        Ok(Ledger {
            db: Mutex::new(Db::Sqlite { conn, wal }),
            worker: None,
        })
    }

    /// The shared ledger on a PostgreSQL server. Workers starting together migrate it once:
    /// the migration holds a transaction-scoped advisory lock.
    pub fn connect(url: &str) -> Result<Self> {
        let mut client = db::connect_postgres(url)?;
        let mut tx = client.transaction()?;
        // Any constant; it names this schema's migration lock.
        tx.execute("SELECT pg_advisory_xact_lock(7391026204)", &[])?;
        tx.batch_execute(&BASE.replace("EVENT_ID", "BIGSERIAL PRIMARY KEY"))?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS ledger_schema (version INTEGER NOT NULL)")?;
        let version: i64 = match tx.query_opt("SELECT version FROM ledger_schema", &[])? {
            Some(row) => i64::from(row.get::<_, i32>(0)),
            None => {
                tx.execute("INSERT INTO ledger_schema (version) VALUES (0)", &[])?;
                0
            }
        };
        check_version(version)?;
        for sql in MIGRATIONS.iter().skip(version.max(0) as usize) {
            tx.batch_execute(sql)?;
        }
        let now = MIGRATIONS.len() as i32;
        tx.execute("UPDATE ledger_schema SET version = $1", &[&now])?;
        tx.commit()?;
        Ok(Ledger {
            db: Mutex::new(Db::Postgres(Box::new(client))),
            worker: None,
        })
    }

    /// Whether other processes, on other machines, may be writing this ledger (PostgreSQL).
    pub fn is_shared(&self) -> bool {
        self.lock().is_shared()
    }

    /// This ledger as worker `worker`: reports are claimed before they are worked on, and
    /// its writes to a report fail once its claim is lost.
    pub fn as_worker(mut self, worker: Worker) -> Self {
        self.worker = Some(worker);
        self
    }

    pub fn worker(&self) -> Option<&Worker> {
        self.worker.as_ref()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Db> {
        self.db
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `f` in one durable transaction.
    fn tx<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.lock().transaction(Durability::Durable, f)
    }

    /// Runs `f` in one transaction of render bookkeeping ([`Durability::Ordered`]).
    fn tx_ordered<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        self.lock().transaction(Durability::Ordered, f)
    }

    pub fn get(&self, client: &str, period: &str) -> Result<Option<Entry>> {
        let rows = self.tx(|tx| {
            tx.query(
                &format!("SELECT {COLUMNS} FROM reports WHERE client = ?1 AND period = ?2"),
                &[Some(client), Some(period)],
            )
        })?;
        rows.into_iter().next().map(entry).transpose()
    }

    pub fn all(&self) -> Result<Vec<Entry>> {
        let rows = self.tx(|tx| {
            tx.query(
                &format!("SELECT {COLUMNS} FROM reports ORDER BY client, period"),
                &[],
            )
        })?;
        rows.into_iter().map(entry).collect()
    }

    pub fn history(&self, client: &str, period: &str) -> Result<Vec<Event>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT at, event, detail FROM events WHERE client = ?1 AND period = ?2 ORDER BY id",
                &[Some(client), Some(period)],
            )
        })?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut r = r.into_iter();
                Event {
                    at: r.next().flatten().unwrap_or_default(),
                    event: r.next().flatten().unwrap_or_default(),
                    detail: r.next().flatten(),
                }
            })
            .collect())
    }

    /// Marks a report as being rendered (a crash leaves it so, and the next batch redoes it).
    pub fn start(
        &self,
        client: &str,
        period: &str,
        run: RunKind,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(client, period, now, "started", None, |tx, at| {
            tx.exec(
                "INSERT INTO reports (client, period, run, state, updated_at) VALUES (?1, ?2, ?3, ?5, ?4)
                 ON CONFLICT (client, period) DO UPDATE SET state = ?5, run = ?3, updated_at = ?4",
                &[
                    Some(client),
                    Some(period),
                    Some(run.as_str()),
                    Some(at),
                    Some(ReportState::Rendering.as_str()),
                ],
            )
        })
    }

    /// Records the written outputs. With `approval_required`, a report whose inputs changed
    /// awaits a new approval; unchanged inputs keep an earlier one.
    #[allow(clippy::too_many_arguments)]
    pub fn rendered(
        &self,
        client: &str,
        period: &str,
        input_hash: &str,
        outputs: &[OutputFile],
        approval_required: bool,
        data: DataRecord,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let files = serde_json::to_string(outputs).expect("outputs serialize");
        let detail = outputs
            .iter()
            .map(|o| format!("{} {}", o.sha256, o.path))
            .collect::<Vec<_>>()
            .join("\n");
        let required = if approval_required { "yes" } else { "no" };
        self.write(
            client,
            period,
            now,
            ReportState::Rendered.as_str(),
            Some(&detail),
            |tx, at| {
                tx.exec(
                    "UPDATE reports SET
                   approval = CASE
                     WHEN CAST(?5 AS TEXT) = 'no' THEN ?9
                     WHEN approval = ?10 AND input_hash = ?3 THEN ?10
                     ELSE ?11 END,
                   state = ?12, input_hash = ?3, outputs = ?4, error = NULL,
                   rendered_at = ?6, updated_at = ?6, data = ?7, data_detail = ?8
                 WHERE client = ?1 AND period = ?2",
                    &[
                        Some(client),
                        Some(period),
                        Some(input_hash),
                        Some(&files),
                        Some(required),
                        Some(at),
                        Some(data.state.as_str()),
                        data.detail,
                        Some(ApprovalState::None.as_str()),
                        Some(ApprovalState::Approved.as_str()),
                        Some(ApprovalState::Awaiting.as_str()),
                        Some(ReportState::Rendered.as_str()),
                    ],
                )
            },
        )
    }

    /// Records a report that was not rendered for its data: `waiting` (for late data, due
    /// again) or `skipped` (`on_incomplete: skip`, not due again).
    pub fn not_rendered(
        &self,
        client: &str,
        period: &str,
        run: RunKind,
        state: ReportState,
        data: DataRecord,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let detail = [Some(data.state.as_str()), data.detail]
            .into_iter()
            .flatten();
        let detail = detail.collect::<Vec<_>>().join("\n");
        // A skipped report is not due again: losing that would send it after all.
        let kind = if state == ReportState::Skipped {
            Change::Decision
        } else {
            Change::Render
        };
        self.record(client, period, now, state.as_str(), Some(&detail), kind, |tx, at| {
            tx.exec(
                "INSERT INTO reports (client, period, run, state, data, data_detail, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (client, period) DO UPDATE SET
                   state = ?4, run = ?3, data = ?5, data_detail = ?6, error = NULL, updated_at = ?7",
                &[
                    Some(client),
                    Some(period),
                    Some(run.as_str()),
                    Some(state.as_str()),
                    Some(data.state.as_str()),
                    data.detail,
                    Some(at),
                ],
            )
        })
    }

    /// Records a failure (also of a report that failed before it was started).
    pub fn failed(
        &self,
        client: &str,
        period: &str,
        run: RunKind,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(client, period, now, ReportState::Failed.as_str(), Some(error), |tx, at| {
            tx.exec(
                "INSERT INTO reports (client, period, run, state, error, updated_at) VALUES (?1, ?2, ?3, ?6, ?4, ?5)
                 ON CONFLICT (client, period) DO UPDATE SET state = ?6, error = ?4, updated_at = ?5",
                &[
                    Some(client),
                    Some(period),
                    Some(run.as_str()),
                    Some(error),
                    Some(at),
                    Some(ReportState::Failed.as_str()),
                ],
            )
        })
    }

    /// Records that a platform budget is exhausted until `until` (a later hold of the same
    /// budget replaces it).
    pub fn hold_quota(&self, hold: &QuotaHold, now: DateTime<Utc>) -> Result<()> {
        let (until, at) = (timestamp(hold.until), timestamp(now));
        self.tx(|tx| {
            tx.exec(
                "INSERT INTO quota_holds (platform, scope, what, until, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (platform, scope) DO UPDATE SET what = ?3, until = ?4, updated_at = ?5",
                &[
                    Some(&hold.platform),
                    Some(&hold.scope),
                    Some(&hold.what),
                    Some(&until),
                    Some(&at),
                ],
            )
        })?;
        Ok(())
    }

    /// The budgets still exhausted at `now` (those past their time are forgotten).
    pub fn quota_holds(&self, now: DateTime<Utc>) -> Result<Vec<QuotaHold>> {
        let now = timestamp(now);
        let rows = self.tx(|tx| {
            tx.exec("DELETE FROM quota_holds WHERE until <= ?1", &[Some(&now)])?;
            tx.query(
                "SELECT platform, scope, what, until FROM quota_holds ORDER BY platform, scope",
                &[],
            )
        })?;
        rows.into_iter()
            .map(|r| {
                let mut c = Columns::new("quota_holds", r);
                Ok(QuotaHold {
                    platform: c.text("platform")?,
                    scope: c.text("scope")?,
                    what: c.text("what")?,
                    until: c.parse("until")?,
                })
            })
            .collect()
    }

    /// Approves a rendered report; false when there is no rendered report to approve.
    pub fn approve(&self, client: &str, period: &str, now: DateTime<Utc>) -> Result<bool> {
        let mut changed = 0;
        self.record(
            client,
            period,
            now,
            ApprovalState::Approved.as_str(),
            None,
            Change::Other,
            |tx, at| {
                changed = tx.exec(
                    "UPDATE reports SET approval = ?4, updated_at = ?3
                 WHERE client = ?1 AND period = ?2 AND state = ?5",
                    &[
                        Some(client),
                        Some(period),
                        Some(at),
                        Some(ApprovalState::Approved.as_str()),
                        Some(ReportState::Rendered.as_str()),
                    ],
                )?;
                Ok(changed)
            },
        )?;
        Ok(changed > 0)
    }

    pub fn deliveries(&self, client: &str, period: &str) -> Result<Vec<Delivery>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT recipient, message_id, state, reply, attempts, updated_at FROM deliveries
                 WHERE client = ?1 AND period = ?2 ORDER BY recipient",
                &[Some(client), Some(period)],
            )
        })?;
        rows.into_iter()
            .map(|r| {
                let mut c = Columns::new("deliveries", r);
                Ok(Delivery {
                    recipient: c.text("recipient")?,
                    message_id: c.text("message_id")?,
                    state: c.parse("state")?,
                    reply: c.optional(),
                    attempts: c.parse("attempts")?,
                    updated_at: c.text("updated_at")?,
                })
            })
            .collect()
    }

    /// Records that a message is about to be handed to the server (before it is).
    pub fn sending(
        &self,
        client: &str,
        period: &str,
        recipients: &[String],
        message_id: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let detail = recipients.join(", ");
        let sending = DeliveryState::Sending.as_str();
        self.record(client, period, now, sending, Some(&detail), Change::Decision, |tx, at| {
            for r in recipients {
                tx.exec(
                    "INSERT INTO deliveries (client, period, recipient, message_id, state, attempts, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?6, 1, ?5)
                     ON CONFLICT (client, period, recipient) DO UPDATE SET
                       state = ?6, message_id = ?4, attempts = deliveries.attempts + 1, updated_at = ?5",
                    &[
                        Some(client),
                        Some(period),
                        Some(r),
                        Some(message_id),
                        Some(at),
                        Some(DeliveryState::Sending.as_str()),
                    ],
                )?;
            }
            Ok(recipients.len() as u64)
        })
    }

    /// Records the server's answer: `accepted`, `rejected` (5xx), `deferred` (4xx, or failures
    /// before the message was handed over), or `uncertain` (handed over, no answer).
    pub fn delivered(
        &self,
        client: &str,
        period: &str,
        recipients: &[String],
        state: DeliveryState,
        reply: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let detail = format!("{}: {reply}", recipients.join(", "));
        // Not fenced: the message is handed over, and its answer is recorded whoever holds
        // the report now.
        self.record(
            client,
            period,
            now,
            state.as_str(),
            Some(&detail),
            Change::Other,
            |tx, at| {
                for r in recipients {
                    tx.exec(
                        "UPDATE deliveries SET state = ?4, reply = ?5, updated_at = ?6
                     WHERE client = ?1 AND period = ?2 AND recipient = ?3",
                        &[
                            Some(client),
                            Some(period),
                            Some(r),
                            Some(state.as_str()),
                            Some(reply),
                            Some(at),
                        ],
                    )?;
                }
                Ok(recipients.len() as u64)
            },
        )
    }

    /// A worker's change to a report's rendering, fenced by its claim: ordered, not durable
    /// (a lost record makes the next batch render the report again).
    fn write(
        &self,
        client: &str,
        period: &str,
        now: DateTime<Utc>,
        event: &str,
        detail: Option<&str>,
        change: impl FnOnce(&mut dyn Tx, &str) -> Result<u64>,
    ) -> Result<()> {
        self.record(client, period, now, event, detail, Change::Render, change)
    }

    /// One transaction: the change and its event. A worker of a shared ledger makes a fenced
    /// change to a report only while it holds the report's claim (its row is locked until the
    /// change commits, so no other worker takes it over in between).
    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        client: &str,
        period: &str,
        now: DateTime<Utc>,
        event: &str,
        detail: Option<&str>,
        kind: Change,
        change: impl FnOnce(&mut dyn Tx, &str) -> Result<u64>,
    ) -> Result<()> {
        let at = timestamp(now);
        let durability = match kind {
            Change::Render => Durability::Ordered,
            Change::Decision | Change::Other => Durability::Durable,
        };
        self.lock().transaction(durability, |tx| {
            if kind != Change::Other && let Some(worker) = &self.worker {
                claims::fence(tx, worker, client, period, &at)?;
            }
            change(tx, &at)?;
            tx.exec(
                "INSERT INTO events (client, period, at, event, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                &[Some(client), Some(period), Some(&at), Some(event), detail],
            )?;
            Ok(())
        })
    }
}

/// What a recorded change is, for its fence and its durability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A worker's render bookkeeping: fenced by its claim, ordered (a lost record makes the
    /// next batch render the report again).
    Render,
    /// A worker's decision that later batches act on without redoing the report: that it
    /// sends it (durable before the message goes), that it skips it. Fenced, durable.
    Decision,
    /// An approval, a message's answer, a site token: durable, not fenced.
    Other,
}

/// Times are stored as RFC 3339 text in UTC with milliseconds: they sort as text.
fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn check_version(found: i64) -> Result<()> {
    if found > MIGRATIONS.len() as i64 {
        return Err(LedgerError::Newer {
            found,
            known: MIGRATIONS.len(),
        });
    }
    Ok(())
}

const COLUMNS: &str = "client, period, run, state, input_hash, outputs, error, approval, \
     rendered_at, updated_at, data, data_detail";

/// A row's columns read in order, each named in the error when it cannot be read.
struct Columns {
    table: &'static str,
    values: std::vec::IntoIter<Option<String>>,
}

impl Columns {
    fn new(table: &'static str, row: Row) -> Self {
        Columns {
            table,
            values: row.into_iter(),
        }
    }

    fn optional(&mut self) -> Option<String> {
        self.values.next().flatten()
    }

    fn text(&mut self, column: &'static str) -> Result<String> {
        self.optional()
            .ok_or_else(|| self.bad(column, "NULL".into()))
    }

    fn parse<T: std::str::FromStr>(&mut self, column: &'static str) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        let text = self.text(column)?;
        text.parse()
            .map_err(|e: T::Err| self.bad(column, e.to_string()))
    }

    fn parse_optional<T: std::str::FromStr>(&mut self, column: &'static str) -> Result<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.optional()
            .map(|t| {
                t.parse()
                    .map_err(|e: T::Err| self.bad(column, e.to_string()))
            })
            .transpose()
    }

    fn bad(&self, column: &'static str, message: String) -> LedgerError {
        LedgerError::Stored {
            table: self.table,
            column,
            source: StoredValueError(message),
        }
    }
}

fn entry(row: Row) -> Result<Entry> {
    let mut c = Columns::new("reports", row);
    Ok(Entry {
        client: c.text("client")?,
        period: c.text("period")?,
        run: c.parse("run")?,
        state: c.parse("state")?,
        input_hash: c.optional(),
        outputs: serde_json::from_str(&c.text("outputs")?).unwrap_or_default(),
        error: c.optional(),
        approval: c.parse("approval")?,
        rendered_at: c.optional(),
        updated_at: c.text("updated_at")?,
        data: c.parse_optional("data")?,
        data_detail: c.optional(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    const COMPLETE: DataRecord = DataRecord {
        state: DataStatus::Complete,
        detail: None,
    };

    /// Render bookkeeping commits with `synchronous = NORMAL` (no fsync in WAL mode), every
    /// other transaction with FULL, whatever the transaction before it did (failed, panicked);
    /// without a write-ahead log every commit is FULL.
    #[test]
    fn only_render_bookkeeping_is_committed_without_a_sync() {
        let dir = tempfile::tempdir().unwrap();
        let l = Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
        let level = |db: &mut Db, durability| {
            db.transaction(durability, |tx| tx.query("PRAGMA synchronous", &[]))
                .unwrap()[0][0]
                .clone()
                .unwrap()
        };
        assert_eq!(level(&mut l.lock(), Durability::Ordered), "1");
        assert_eq!(level(&mut l.lock(), Durability::Durable), "2");
        let failed: Result<()> = l.lock().transaction(Durability::Ordered, |tx| {
            tx.exec("INSERT INTO no_such_table VALUES (1)", &[])?;
            Ok(())
        });
        assert!(failed.is_err());
        assert_eq!(level(&mut l.lock(), Durability::Durable), "2");
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            l.lock()
                .transaction(Durability::Ordered, |_| -> Result<()> { panic!("inside") })
        }));
        assert!(panicked.is_err());
        assert_eq!(level(&mut l.lock(), Durability::Durable), "2");
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        l.start("acme", "2026-10", RunKind::Monthly, now).unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().state.as_str(),
            "rendering"
        );

        let mut journal = Db::Sqlite {
            conn: Connection::open_in_memory().unwrap(),
            wal: false,
        };
        assert_eq!(level(&mut journal, Durability::Ordered), "2");
    }

    #[test]
    fn a_ledger_of_the_previous_release_opens_and_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        // The `reports` table as the release before the data columns made it.
        let old = Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE reports (client TEXT NOT NULL, period TEXT NOT NULL, run TEXT NOT NULL,
               state TEXT NOT NULL, input_hash TEXT, outputs TEXT NOT NULL DEFAULT '[]', error TEXT,
               approval TEXT NOT NULL DEFAULT 'none', rendered_at TEXT, updated_at TEXT NOT NULL,
               PRIMARY KEY (client, period));
             INSERT INTO reports (client, period, run, state, updated_at)
               VALUES ('acme', '2026-09', 'monthly', 'rendered', '2026-10-03T06:00:00Z');",
        )
        .unwrap();
        drop(old);
        let l = Ledger::open(&path).unwrap();
        let e = l.get("acme", "2026-09").unwrap().unwrap();
        assert_eq!((e.state.as_str(), e.data), ("rendered", None));
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        let record = DataRecord {
            state: DataStatus::NoData,
            detail: Some("web: no data, needs 2026-10-31"),
        };
        l.not_rendered(
            "acme",
            "2026-10",
            RunKind::Monthly,
            ReportState::Waiting,
            record,
            now,
        )
        .unwrap();
        drop(l);
        // Opened again: migrated once, not twice.
        let l = Ledger::open(&path).unwrap();
        let e = l.get("acme", "2026-10").unwrap().unwrap();
        assert_eq!(e.state, ReportState::Waiting);
        assert_eq!(e.data, Some(DataStatus::NoData));
    }

    #[test]
    fn an_unknown_state_in_the_ledger_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let l = Ledger::open(&path).unwrap();
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        l.start("acme", "2026-10", RunKind::Monthly, now).unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.execute("UPDATE reports SET state = 'exploded'", [])
            .unwrap();
        let e = l.get("acme", "2026-10").unwrap_err();
        assert!(
            e.to_string().contains("unknown report state \"exploded\""),
            "{e}"
        );
        // The database's error is kept as the cause.
        assert!(std::error::Error::source(&e).is_some());
        assert!(l.all().is_err());
    }

    #[test]
    fn states_approval_and_history() {
        let dir = tempfile::tempdir().unwrap();
        let l = Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        l.start("acme", "2026-10", RunKind::Monthly, now).unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().state,
            ReportState::Rendering
        );
        let out = [OutputFile {
            path: "out/acme/2026-10/report.pdf".into(),
            sha256: "ab".into(),
            bytes: 2,
        }];
        l.rendered("acme", "2026-10", "h1", &out, true, COMPLETE, now)
            .unwrap();
        let e = l.get("acme", "2026-10").unwrap().unwrap();
        assert_eq!(
            (e.state, e.approval),
            (ReportState::Rendered, ApprovalState::Awaiting)
        );
        assert_eq!(e.outputs, out);
        assert!(l.approve("acme", "2026-10", now).unwrap());
        // Same inputs: the approval stands; new inputs: it is asked for again.
        l.rendered("acme", "2026-10", "h1", &out, true, COMPLETE, now)
            .unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().approval,
            ApprovalState::Approved
        );
        l.rendered("acme", "2026-10", "h2", &out, true, COMPLETE, now)
            .unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().approval,
            ApprovalState::Awaiting
        );
        assert!(!l.approve("acme", "2026-09", now).unwrap());
        let events: Vec<String> = l
            .history("acme", "2026-10")
            .unwrap()
            .into_iter()
            .map(|e| e.event)
            .collect();
        assert_eq!(
            events,
            ["started", "rendered", "approved", "rendered", "rendered"]
        );
    }

    #[test]
    fn a_ledger_written_by_the_previous_release_opens_and_migrates() {
        // tests/fixtures/ledger-main: made by the release before claims (schema version 1):
        // two reports of 2026-10 rendered, izmir-deri approved.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ledger-main/ledger.sqlite");
        std::fs::copy(fixture, &path).unwrap();
        let l = Ledger::open(&path).unwrap();
        let all = l.all().unwrap();
        let found: Vec<_> = all
            .iter()
            .map(|e| (e.client.as_str(), e.state, e.approval))
            .collect();
        assert_eq!(
            found,
            [
                ("izmir-deri", ReportState::Rendered, ApprovalState::Approved),
                ("thames-fitness", ReportState::Rendered, ApprovalState::None)
            ]
        );
        assert!(!all[0].outputs.is_empty());
        assert!(l.history("izmir-deri", "2026-10").unwrap().len() >= 2);
        // Now at the current version, with the claims table.
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        let worker = Worker {
            id: "w1".into(),
            lease: chrono::Duration::seconds(30),
        };
        let l = l.as_worker(worker);
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        assert_eq!(
            l.claim("izmir-deri", "2026-10", now, now).unwrap(),
            Claim::Taken { from: None }
        );
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        Ledger::open(&path).unwrap();
        Connection::open(&path)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        let e = Ledger::open(&path).err().unwrap().to_string();
        assert!(e.contains("version 99"), "{e}");
    }

    fn worker(id: &str) -> Worker {
        Worker {
            id: id.into(),
            lease: chrono::Duration::seconds(10),
        }
    }

    #[test]
    fn a_lease_that_runs_out_is_taken_over_and_fences_its_old_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.sqlite");
        let a = Ledger::open(&path).unwrap().as_worker(worker("host-a:1"));
        let b = Ledger::open(&path).unwrap().as_worker(worker("host-b:2"));
        let t0: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        let at = |s: i64| t0 + chrono::Duration::seconds(s);
        assert_eq!(
            a.claim("acme", "2026-10", t0, at(0)).unwrap(),
            Claim::Taken { from: None }
        );
        a.start("acme", "2026-10", RunKind::Manual, at(1)).unwrap();
        // Held while the lease lasts, and renewing keeps it.
        assert!(matches!(
            b.claim("acme", "2026-10", t0, at(5)).unwrap(),
            Claim::Held { by, .. } if by == "host-a:1"
        ));
        assert_eq!(a.renew(at(8)).unwrap(), 1);
        assert!(matches!(
            b.claim("acme", "2026-10", t0, at(15)).unwrap(),
            Claim::Held { .. }
        ));
        let holders = b.holders().unwrap();
        assert_eq!(holders.len(), 1);
        assert_eq!(
            (holders[0].worker.as_str(), holders[0].since.as_str()),
            ("host-a:1", "2026-11-03T06:00:00.000Z")
        );
        // A stops renewing (it died, or hangs): after its lease, B takes the report over.
        assert_eq!(
            b.claim("acme", "2026-10", t0, at(19)).unwrap(),
            Claim::Taken {
                from: Some("host-a:1".into())
            }
        );
        let events: Vec<String> = b
            .history("acme", "2026-10")
            .unwrap()
            .into_iter()
            .map(|e| e.event)
            .collect();
        assert_eq!(events, ["started", "taken_over"]);
        // A, back, can neither renew the lease nor record a send: B holds the report.
        assert_eq!(a.renew(at(20)).unwrap(), 0);
        let e = a
            .sending(
                "acme",
                "2026-10",
                &["x@acme.example".into()],
                "<m@x>",
                at(20),
            )
            .unwrap_err();
        assert!(matches!(e, LedgerError::LostClaim { .. }), "{e}");
        assert!(b.deliveries("acme", "2026-10").unwrap().is_empty());
        b.sending(
            "acme",
            "2026-10",
            &["x@acme.example".into()],
            "<m@x>",
            at(21),
        )
        .unwrap();
        b.release("acme", "2026-10", at(22)).unwrap();
        assert!(b.holders().unwrap().is_empty());
        // Finished during A's run: done elsewhere; a later run claims it again.
        assert_eq!(
            a.claim("acme", "2026-10", t0, at(23)).unwrap(),
            Claim::Done {
                by: "host-b:2".into()
            }
        );
        assert_eq!(
            a.claim("acme", "2026-10", at(23), at(23)).unwrap(),
            Claim::Taken { from: None }
        );
    }
}
