//! What the ledger keeps of each live source's health: the class of its last batch's fetch
//! (the classes of `sources test`), for `status`, the batch summary and the overview. One row
//! per client and source, replaced by each batch that fetches it; never a secret (details are
//! redacted when made).

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Columns, Ledger, Result, timestamp};
use crate::sources::live::health::Health;

/// A source's health as the last batch that fetched it found it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceHealth {
    pub client: String,
    pub source: String,
    /// The platform's display name ("Google Analytics 4"), when the source has one.
    pub platform: Option<String>,
    pub health: Health,
    /// What went wrong, redacted; none when the source is ok.
    pub detail: Option<String>,
    /// The command that fixes it (`execreport connect google --client X --source web`).
    pub fix: Option<String>,
    /// The period of the report whose fetch it was.
    pub period: String,
    pub checked_at: String,
}

impl SourceHealth {
    pub fn needs_attention(&self) -> bool {
        self.health.needs_attention()
    }
}

impl Ledger {
    /// Records the sources' health (each replaces the source's earlier record).
    pub fn record_source_health(&self, found: &[SourceHealth], now: DateTime<Utc>) -> Result<()> {
        let at = timestamp(now);
        self.tx_ordered(|tx| {
            for h in found {
                tx.exec(
                    "INSERT INTO source_health (client, source, platform, health, detail, fix, period, checked_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT (client, source) DO UPDATE SET platform = ?3, health = ?4,
                       detail = ?5, fix = ?6, period = ?7, checked_at = ?8",
                    &[
                        Some(&h.client),
                        Some(&h.source),
                        h.platform.as_deref(),
                        Some(h.health.as_str()),
                        h.detail.as_deref(),
                        h.fix.as_deref(),
                        Some(&h.period),
                        Some(&at),
                    ],
                )?;
            }
            Ok(())
        })
    }

    /// Every source's last recorded health, by client and source.
    pub fn source_health(&self) -> Result<Vec<SourceHealth>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT client, source, platform, health, detail, fix, period, checked_at
                 FROM source_health ORDER BY client, source",
                &[],
            )
        })?;
        rows.into_iter()
            .map(|r| {
                let mut c = Columns::new("source_health", r);
                Ok(SourceHealth {
                    client: c.text("client")?,
                    source: c.text("source")?,
                    platform: c.optional(),
                    health: c.parse("health")?,
                    detail: c.optional(),
                    fix: c.optional(),
                    period: c.text("period")?,
                    checked_at: c.text("checked_at")?,
                })
            })
            .collect()
    }
}
