//! The ledger: an SQLite database in the workspace (`.execreport/ledger.sqlite`) recording each
//! report's state (rendering, rendered, failed), its outputs with their SHA-256, the hash of its
//! inputs, its approval, and the history of all of it.

use std::path::Path;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

const SCHEMA: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
CREATE TABLE IF NOT EXISTS reports (
    client      TEXT NOT NULL,
    period      TEXT NOT NULL,
    run         TEXT NOT NULL,
    state       TEXT NOT NULL,   -- rendering | rendered | failed
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
    state       TEXT NOT NULL,   -- sending | accepted | rejected | deferred
    reply       TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (client, period, recipient)
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
    pub run: String,
    pub state: String,
    pub input_hash: Option<String>,
    pub outputs: Vec<OutputFile>,
    pub error: Option<String>,
    pub approval: String,
    pub rendered_at: Option<String>,
    pub updated_at: String,
}

/// A message to one recipient: `sending` until the server's answer is recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub recipient: String,
    pub message_id: String,
    pub state: String,
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

type Result<T> = std::result::Result<T, String>;

fn db(e: rusqlite::Error) -> String {
    format!("ledger: {e}")
}

impl Ledger {
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let conn = Connection::open(path)
            .map_err(|e| format!("cannot open the ledger {}: {e}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(db)?;
        conn.execute_batch(SCHEMA).map_err(db)?;
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
    pub fn start(&self, client: &str, period: &str, run: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(client, period, now, "started", None, |tx, at| {
            tx.execute(
                "INSERT INTO reports (client, period, run, state, updated_at) VALUES (?1, ?2, ?3, 'rendering', ?4)
                 ON CONFLICT (client, period) DO UPDATE SET state = 'rendering', run = ?3, updated_at = ?4",
                params![client, period, run, at],
            )
        })
    }

    /// Records the written outputs. With `approval_required`, a report whose inputs changed
    /// awaits a new approval; unchanged inputs keep an earlier one.
    pub fn rendered(
        &self,
        client: &str,
        period: &str,
        input_hash: &str,
        outputs: &[OutputFile],
        approval_required: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let files = serde_json::to_string(outputs).expect("outputs serialize");
        let detail = outputs
            .iter()
            .map(|o| format!("{} {}", o.sha256, o.path))
            .collect::<Vec<_>>()
            .join("\n");
        self.write(client, period, now, "rendered", Some(&detail), |tx, at| {
            tx.execute(
                "UPDATE reports SET
                   approval = CASE
                     WHEN ?5 = 0 THEN 'none'
                     WHEN approval = 'approved' AND input_hash = ?3 THEN 'approved'
                     ELSE 'awaiting' END,
                   state = 'rendered', input_hash = ?3, outputs = ?4, error = NULL,
                   rendered_at = ?6, updated_at = ?6
                 WHERE client = ?1 AND period = ?2",
                params![client, period, input_hash, files, approval_required, at],
            )
        })
    }

    /// Records a failure (also of a report that failed before it was started).
    pub fn failed(
        &self,
        client: &str,
        period: &str,
        run: &str,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.write(client, period, now, "failed", Some(error), |tx, at| {
            tx.execute(
                "INSERT INTO reports (client, period, run, state, error, updated_at) VALUES (?1, ?2, ?3, 'failed', ?4, ?5)
                 ON CONFLICT (client, period) DO UPDATE SET state = 'failed', error = ?4, updated_at = ?5",
                params![client, period, run, error, at],
            )
        })
    }

    /// Approves a rendered report; false when there is no rendered report to approve.
    pub fn approve(&self, client: &str, period: &str, now: DateTime<Utc>) -> Result<bool> {
        let mut changed = 0;
        self.write(client, period, now, "approved", None, |tx, at| {
            changed = tx.execute(
                "UPDATE reports SET approval = 'approved', updated_at = ?3
                 WHERE client = ?1 AND period = ?2 AND state = 'rendered'",
                params![client, period, at],
            )?;
            Ok(changed)
        })?;
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
        self.write(client, period, now, "sending", Some(&recipients.join(", ")), |tx, at| {
            for r in recipients {
                tx.execute(
                    "INSERT INTO deliveries (client, period, recipient, message_id, state, attempts, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'sending', 1, ?5)
                     ON CONFLICT (client, period, recipient) DO UPDATE SET
                       state = 'sending', message_id = ?4, attempts = attempts + 1, updated_at = ?5",
                    params![client, period, r, message_id, at],
                )?;
            }
            Ok(recipients.len())
        })
    }

    /// Records the server's answer: `accepted`, `rejected` (5xx) or `deferred` (4xx).
    pub fn delivered(
        &self,
        client: &str,
        period: &str,
        recipients: &[String],
        state: &str,
        reply: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let detail = format!("{}: {reply}", recipients.join(", "));
        self.write(client, period, now, state, Some(&detail), |tx, at| {
            for r in recipients {
                tx.execute(
                    "UPDATE deliveries SET state = ?4, reply = ?5, updated_at = ?6
                     WHERE client = ?1 AND period = ?2 AND recipient = ?3",
                    params![client, period, r, state, reply, at],
                )?;
            }
            Ok(recipients.len())
        })
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

const COLUMNS: &str =
    "client, period, run, state, input_hash, outputs, error, approval, rendered_at, updated_at";

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
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_approval_and_history() {
        let dir = tempfile::tempdir().unwrap();
        let l = Ledger::open(&dir.path().join("ledger.sqlite")).unwrap();
        let now: DateTime<Utc> = "2026-11-03T06:00:00Z".parse().unwrap();
        l.start("acme", "2026-10", "monthly", now).unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().state,
            "rendering"
        );
        let out = [OutputFile {
            path: "out/acme/2026-10/report.pdf".into(),
            sha256: "ab".into(),
            bytes: 2,
        }];
        l.rendered("acme", "2026-10", "h1", &out, true, now)
            .unwrap();
        let e = l.get("acme", "2026-10").unwrap().unwrap();
        assert_eq!(
            (e.state.as_str(), e.approval.as_str()),
            ("rendered", "awaiting")
        );
        assert_eq!(e.outputs, out);
        assert!(l.approve("acme", "2026-10", now).unwrap());
        // Same inputs: the approval stands; new inputs: it is asked for again.
        l.rendered("acme", "2026-10", "h1", &out, true, now)
            .unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().approval,
            "approved"
        );
        l.rendered("acme", "2026-10", "h2", &out, true, now)
            .unwrap();
        assert_eq!(
            l.get("acme", "2026-10").unwrap().unwrap().approval,
            "awaiting"
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
