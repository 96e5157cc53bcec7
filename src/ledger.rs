//! The ledger: an SQLite database in the workspace (`.execreport/ledger.sqlite`) recording each
//! report's state (rendering, rendered, failed), its outputs with their SHA-256, the hash of its
//! inputs, its approval, and the history of all of it.

use std::path::Path;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::report::model::DataStatus;
use crate::sources::live::quota::{BudgetKey, Hold};

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
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
-- Platform quota budgets exhausted until a time (GA4 property, Meta ad account, ...): no
-- request of any batch goes to them before `until`.
CREATE TABLE IF NOT EXISTS quota_holds (
    platform    TEXT NOT NULL,
    scope       TEXT NOT NULL,
    what        TEXT NOT NULL,
    until       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (platform, scope)
);
CREATE TABLE IF NOT EXISTS events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    client  TEXT NOT NULL,
    period  TEXT NOT NULL,
    at      TEXT NOT NULL,
    event   TEXT NOT NULL,
    detail  TEXT
);
";

/// Forward migrations, in order: `PRAGMA user_version` counts those applied. A ledger made
/// by an earlier release opens and gains what it lacks.
const MIGRATIONS: &[&str] = &[
    // 1: the data behind each report: complete | incomplete | no_data, and what it lacks.
    "ALTER TABLE reports ADD COLUMN data TEXT;
     ALTER TABLE reports ADD COLUMN data_detail TEXT;",
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

/// The ledger stores these closed sets as their TEXT; an unknown text read back (a newer
/// release's state, a hand edit) is an error naming it, not a panic.
macro_rules! stored_as_text {
    ($($name:ty),+) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value
                    .as_str()?
                    .parse()
                    .map_err(|e: String| FromSqlError::Other(e.into()))
            }
        }
    )+};
}

stored_as_text!(
    RunKind,
    ReportState,
    ApprovalState,
    DeliveryState,
    DataStatus
);

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

pub struct Ledger {
    conn: Mutex<Connection>,
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
}

type Result<T> = std::result::Result<T, LedgerError>;

fn db(e: rusqlite::Error) -> LedgerError {
    LedgerError::Db(e)
}

impl Ledger {
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| LedgerError::CreateDir {
                dir: dir.to_path_buf(),
                source,
            })?;
        }
        let mut conn = Connection::open(path).map_err(|source| LedgerError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db)?;
        conn.execute_batch(SCHEMA).map_err(db)?;
        migrate(&mut conn).map_err(db)?;
        Ok(Ledger {
            conn: Mutex::new(conn),
        })
    }

    pub fn get(&self, client: &str, period: &str) -> Result<Option<Entry>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM reports WHERE client = ?1 AND period = ?2"),
            params![client, period],
            entry,
        )
        .optional()
        .map_err(db)
    }

    pub fn all(&self) -> Result<Vec<Entry>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM reports ORDER BY client, period"
            ))
            .map_err(db)?;
        stmt.query_map([], entry)
            .map_err(db)?
            .collect::<std::result::Result<_, _>>()
            .map_err(db)
    }

    pub fn history(&self, client: &str, period: &str) -> Result<Vec<Event>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut stmt = conn
            .prepare("SELECT at, event, detail FROM events WHERE client = ?1 AND period = ?2 ORDER BY id")
            .map_err(db)?;
        stmt.query_map(params![client, period], |r| {
            Ok(Event {
                at: r.get(0)?,
                event: r.get(1)?,
                detail: r.get(2)?,
            })
        })
        .map_err(db)?
        .collect::<std::result::Result<_, _>>()
        .map_err(db)
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
            tx.execute(
                "INSERT INTO reports (client, period, run, state, updated_at) VALUES (?1, ?2, ?3, ?5, ?4)
                 ON CONFLICT (client, period) DO UPDATE SET state = ?5, run = ?3, updated_at = ?4",
                params![client, period, run, at, ReportState::Rendering],
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
        self.write(
            client,
            period,
            now,
            ReportState::Rendered.as_str(),
            Some(&detail),
            |tx, at| {
                tx.execute(
                    "UPDATE reports SET
                   approval = CASE
                     WHEN ?5 = 0 THEN ?9
                     WHEN approval = ?10 AND input_hash = ?3 THEN ?10
                     ELSE ?11 END,
                   state = ?12, input_hash = ?3, outputs = ?4, error = NULL,
                   rendered_at = ?6, updated_at = ?6, data = ?7, data_detail = ?8
                 WHERE client = ?1 AND period = ?2",
                    params![
                        client,
                        period,
                        input_hash,
                        files,
                        approval_required,
                        at,
                        data.state,
                        data.detail,
                        ApprovalState::None,
                        ApprovalState::Approved,
                        ApprovalState::Awaiting,
                        ReportState::Rendered,
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
        self.write(client, period, now, state.as_str(), Some(&detail), |tx, at| {
            tx.execute(
                "INSERT INTO reports (client, period, run, state, data, data_detail, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (client, period) DO UPDATE SET
                   state = ?4, run = ?3, data = ?5, data_detail = ?6, error = NULL, updated_at = ?7",
                params![client, period, run, state, data.state, data.detail, at],
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
            tx.execute(
                "INSERT INTO reports (client, period, run, state, error, updated_at) VALUES (?1, ?2, ?3, ?6, ?4, ?5)
                 ON CONFLICT (client, period) DO UPDATE SET state = ?6, error = ?4, updated_at = ?5",
                params![client, period, run, error, at, ReportState::Failed],
            )
        })
    }

    /// Records that a platform budget is exhausted until `until` (a later hold of the same
    /// budget replaces it).
    pub fn hold_quota(&self, hold: &QuotaHold, now: DateTime<Utc>) -> Result<()> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.execute(
            "INSERT INTO quota_holds (platform, scope, what, until, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (platform, scope) DO UPDATE SET what = ?3, until = ?4, updated_at = ?5",
            params![
                hold.platform,
                hold.scope,
                hold.what,
                hold.until.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
            ],
        )
        .map_err(db)?;
        Ok(())
    }

    /// The budgets still exhausted at `now` (those past their time are forgotten).
    pub fn quota_holds(&self, now: DateTime<Utc>) -> Result<Vec<QuotaHold>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        conn.execute("DELETE FROM quota_holds WHERE until <= ?1", params![now])
            .map_err(db)?;
        let mut stmt = conn
            .prepare(
                "SELECT platform, scope, what, until FROM quota_holds ORDER BY platform, scope",
            )
            .map_err(db)?;
        let rows = stmt
            .query_map([], |r| {
                let until: String = r.get(3)?;
                Ok(QuotaHold {
                    platform: r.get(0)?,
                    scope: r.get(1)?,
                    what: r.get(2)?,
                    until: DateTime::parse_from_rfc3339(&until)
                        .map(|t| t.with_timezone(&Utc))
                        .map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                3,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })?,
                })
            })
            .map_err(db)?;
        rows.collect::<std::result::Result<_, _>>().map_err(db)
    }

    /// Approves a rendered report; false when there is no rendered report to approve.
    pub fn approve(&self, client: &str, period: &str, now: DateTime<Utc>) -> Result<bool> {
        let mut changed = 0;
        self.write(
            client,
            period,
            now,
            ApprovalState::Approved.as_str(),
            None,
            |tx, at| {
                changed = tx.execute(
                    "UPDATE reports SET approval = ?4, updated_at = ?3
                 WHERE client = ?1 AND period = ?2 AND state = ?5",
                    params![
                        client,
                        period,
                        at,
                        ApprovalState::Approved,
                        ReportState::Rendered
                    ],
                )?;
                Ok(changed)
            },
        )?;
        Ok(changed > 0)
    }

    pub fn deliveries(&self, client: &str, period: &str) -> Result<Vec<Delivery>> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut stmt = conn
            .prepare(
                "SELECT recipient, message_id, state, reply, attempts, updated_at FROM deliveries
                 WHERE client = ?1 AND period = ?2 ORDER BY recipient",
            )
            .map_err(db)?;
        stmt.query_map(params![client, period], |r| {
            Ok(Delivery {
                recipient: r.get(0)?,
                message_id: r.get(1)?,
                state: r.get(2)?,
                reply: r.get(3)?,
                attempts: r.get(4)?,
                updated_at: r.get(5)?,
            })
        })
        .map_err(db)?
        .collect::<std::result::Result<_, _>>()
        .map_err(db)
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
        self.write(client, period, now, DeliveryState::Sending.as_str(), Some(&recipients.join(", ")), |tx, at| {
            for r in recipients {
                tx.execute(
                    "INSERT INTO deliveries (client, period, recipient, message_id, state, attempts, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?6, 1, ?5)
                     ON CONFLICT (client, period, recipient) DO UPDATE SET
                       state = ?6, message_id = ?4, attempts = attempts + 1, updated_at = ?5",
                    params![client, period, r, message_id, at, DeliveryState::Sending],
                )?;
            }
            Ok(recipients.len())
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
        self.write(
            client,
            period,
            now,
            state.as_str(),
            Some(&detail),
            |tx, at| {
                for r in recipients {
                    tx.execute(
                        "UPDATE deliveries SET state = ?4, reply = ?5, updated_at = ?6
                     WHERE client = ?1 AND period = ?2 AND recipient = ?3",
                        params![client, period, r, state, reply, at],
                    )?;
                }
                Ok(recipients.len())
            },
        )
    }

    /// One transaction: the change and its event.
    fn write(
        &self,
        client: &str,
        period: &str,
        now: DateTime<Utc>,
        event: &str,
        detail: Option<&str>,
        change: impl FnOnce(&rusqlite::Transaction, &str) -> rusqlite::Result<usize>,
    ) -> Result<()> {
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tx = conn.transaction().map_err(db)?;
        let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        change(&tx, &at).map_err(db)?;
        tx.execute(
            "INSERT INTO events (client, period, at, event, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![client, period, at, event, detail],
        )
        .map_err(db)?;
        tx.commit().map_err(db)
    }
}

const COLUMNS: &str = "client, period, run, state, input_hash, outputs, error, approval, \
     rendered_at, updated_at, data, data_detail";

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}

fn entry(r: &rusqlite::Row) -> rusqlite::Result<Entry> {
    let outputs: String = r.get(5)?;
    Ok(Entry {
        client: r.get(0)?,
        period: r.get(1)?,
        run: r.get(2)?,
        state: r.get(3)?,
        input_hash: r.get(4)?,
        outputs: serde_json::from_str(&outputs).unwrap_or_default(),
        error: r.get(6)?,
        approval: r.get(7)?,
        rendered_at: r.get(8)?,
        updated_at: r.get(9)?,
        data: r.get(10)?,
        data_detail: r.get(11)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMPLETE: DataRecord = DataRecord {
        state: DataStatus::Complete,
        detail: None,
    };

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
}
