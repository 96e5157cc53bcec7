//! Claims: on a shared ledger, a worker works on a report only while it holds the report's
//! claim, a lease it renews while working. A worker that dies stops renewing; once its lease
//! has run out, another worker takes the report over. The claim also covers the report's
//! deliveries: `sending` is recorded only under a live claim (see `fence`), so two workers
//! never hand the same message over.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::db::Tx;
use super::{Ledger, Result, timestamp};

/// A worker of a shared ledger: who it is, and how long a claim lasts without renewal.
#[derive(Debug, Clone)]
pub struct Worker {
    pub id: String,
    pub lease: chrono::Duration,
}

impl Worker {
    /// `EXECREPORT_WORKER_ID`, or this machine's host name and this process's id.
    pub fn from_env(lease: chrono::Duration) -> Self {
        let id = std::env::var("EXECREPORT_WORKER_ID")
            .ok()
            .filter(|id| !id.trim().is_empty())
            .unwrap_or_else(|| format!("{}:{}", host_name(), std::process::id()));
        Worker { id, lease }
    }
}

fn host_name() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    if rc == 0 && end > 0 {
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        "localhost".into()
    }
}

/// What became of a worker's attempt to claim a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// This worker holds it now; `from`: the worker whose lease had run out.
    Taken { from: Option<String> },
    /// Another worker holds it (its lease is live), or is claiming it at this moment.
    Held { by: String, since: String },
    /// Another worker finished it during this run.
    Done { by: String },
}

/// A live claim, for `status`.
#[derive(Debug, Clone, Serialize)]
pub struct Holder {
    pub client: String,
    pub period: String,
    pub worker: String,
    pub since: String,
    pub lease_until: String,
}

impl Ledger {
    /// Claims a report for this worker: free, finished before `run_started`, or held under a
    /// lease that ran out. Without a worker (the embedded ledger, one batch per workspace)
    /// every report is this process's.
    pub fn claim(
        &self,
        client: &str,
        period: &str,
        run_started: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Claim> {
        let Some(worker) = &self.worker else {
            return Ok(Claim::Taken { from: None });
        };
        let (at, until) = (timestamp(now), timestamp(now + worker.lease));
        let started = timestamp(run_started);
        self.tx(|tx| {
            tx.exec(
                "INSERT INTO claims (client, period) VALUES (?1, ?2) ON CONFLICT (client, period) DO NOTHING",
                &[Some(client), Some(period)],
            )?;
            let sql = format!(
                "SELECT worker, since, lease_until, finished_by, finished_at FROM claims
                 WHERE client = ?1 AND period = ?2{}",
                tx.row_lock(true)
            );
            let Some(row) = tx.query(&sql, &[Some(client), Some(period)])?.pop() else {
                // Locked: another worker is claiming or releasing it right now.
                return Ok(Claim::Held {
                    by: "another worker".into(),
                    since: at.clone(),
                });
            };
            let mut row = row.into_iter();
            let mut next = || row.next().flatten();
            let (holder, since, lease_until) = (next(), next(), next().unwrap_or_default());
            let (finished_by, finished_at) = (next(), next().unwrap_or_default());
            if let Some(by) = &holder
                && by != &worker.id
                && lease_until > at
            {
                return Ok(Claim::Held {
                    by: by.clone(),
                    since: since.unwrap_or_default(),
                });
            }
            if holder.is_none() && finished_at >= started {
                return Ok(Claim::Done {
                    by: finished_by.unwrap_or_default(),
                });
            }
            tx.exec(
                "UPDATE claims SET worker = ?3, since = ?4, lease_until = ?5 WHERE client = ?1 AND period = ?2",
                &[Some(client), Some(period), Some(&worker.id), Some(&at), Some(&until)],
            )?;
            let from = holder.filter(|h| h != &worker.id);
            if let Some(from) = &from {
                tx.exec(
                    "INSERT INTO events (client, period, at, event, detail) VALUES (?1, ?2, ?3, 'taken_over', ?4)",
                    &[
                        Some(client),
                        Some(period),
                        Some(&at),
                        Some(&format!("{} took it over from {from}, whose lease ended {lease_until}", worker.id)),
                    ],
                )?;
            }
            Ok(Claim::Taken { from })
        })
    }

    /// Gives a finished report's claim up, recording that this worker finished it.
    pub fn release(&self, client: &str, period: &str, now: DateTime<Utc>) -> Result<()> {
        let Some(worker) = &self.worker else {
            return Ok(());
        };
        let at = timestamp(now);
        self.tx(|tx| {
            tx.exec(
                "UPDATE claims SET worker = NULL, since = NULL, lease_until = '', finished_by = ?3, finished_at = ?4
                 WHERE client = ?1 AND period = ?2 AND worker = ?3",
                &[Some(client), Some(period), Some(&worker.id), Some(&at)],
            )
        })?;
        Ok(())
    }

    /// Extends the leases this worker still holds; a lease that already ran out is not
    /// revived (another worker may hold the report now). Returns how many were renewed.
    pub fn renew(&self, now: DateTime<Utc>) -> Result<u64> {
        let Some(worker) = &self.worker else {
            return Ok(0);
        };
        let (at, until) = (timestamp(now), timestamp(now + worker.lease));
        self.tx(|tx| {
            tx.exec(
                "UPDATE claims SET lease_until = ?2 WHERE worker = ?1 AND lease_until > ?3",
                &[Some(&worker.id), Some(&until), Some(&at)],
            )
        })
    }

    /// The claims held now, live or run out (a worker that died and was not yet replaced).
    pub fn holders(&self) -> Result<Vec<Holder>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT client, period, worker, since, lease_until FROM claims
                 WHERE worker IS NOT NULL ORDER BY client, period",
                &[],
            )
        })?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let mut r = r.into_iter().map(Option::unwrap_or_default);
                let mut next = || r.next().unwrap_or_default();
                Holder {
                    client: next(),
                    period: next(),
                    worker: next(),
                    since: next(),
                    lease_until: next(),
                }
            })
            .collect())
    }
}

/// Fails unless `worker` holds a live claim on the report; the claim's row stays locked until
/// the caller's transaction ends, so it cannot be taken over in between.
pub(super) fn fence(
    tx: &mut dyn Tx,
    worker: &Worker,
    client: &str,
    period: &str,
    at: &str,
) -> Result<()> {
    let sql = format!(
        "SELECT worker FROM claims WHERE client = ?1 AND period = ?2 AND worker = ?3 AND lease_until > ?4{}",
        tx.row_lock(false)
    );
    let held = tx.query(
        &sql,
        &[Some(client), Some(period), Some(&worker.id), Some(at)],
    )?;
    if held.is_empty() {
        return Err(super::LedgerError::LostClaim {
            client: client.to_string(),
            period: period.to_string(),
        });
    }
    Ok(())
}
