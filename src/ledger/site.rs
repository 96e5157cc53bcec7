//! What the ledger keeps of the published site: each client's token (the secret part of its
//! pages' address) and every file written to a site with its SHA-256.

use chrono::{DateTime, Utc};

use super::{Change, Columns, Ledger, Result, timestamp};

/// A file the ledger records as written to a site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Relative to the site's root: `<token>/<period>/index.html`.
    pub path: String,
    /// The client whose pages it belongs to; empty for the site's own files (robots.txt).
    pub client: String,
    pub sha256: String,
}

impl Ledger {
    /// The client's site token; `fresh` is recorded when it has none yet (two processes
    /// asking at once both get the one recorded first).
    pub fn site_token(&self, client: &str, fresh: &str, now: DateTime<Utc>) -> Result<String> {
        let at = timestamp(now);
        let rows = self.tx(|tx| {
            tx.exec(
                "INSERT INTO site_tokens (client, token, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (client) DO NOTHING",
                &[Some(client), Some(fresh), Some(&at)],
            )?;
            tx.query(
                "SELECT token FROM site_tokens WHERE client = ?1",
                &[Some(client)],
            )
        })?;
        let mut c = Columns::new("site_tokens", rows.into_iter().next().unwrap_or_default());
        c.text("token")
    }

    /// The client's token, if it has one.
    pub fn existing_site_token(&self, client: &str) -> Result<Option<String>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT token FROM site_tokens WHERE client = ?1",
                &[Some(client)],
            )
        })?;
        Ok(rows
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next().flatten()))
    }

    /// Replaces the client's token with `fresh` (recorded as an event of the client).
    pub fn rotate_site_token(&self, client: &str, fresh: &str, now: DateTime<Utc>) -> Result<()> {
        self.record(
            client,
            "",
            now,
            "site token rotated",
            None,
            Change::Other,
            |tx, at| {
                tx.exec(
                    "INSERT INTO site_tokens (client, token, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (client) DO UPDATE SET token = ?2, created_at = ?3",
                    &[Some(client), Some(fresh), Some(at)],
                )
            },
        )
    }

    /// Every file recorded as written to `site` (a store's root).
    pub fn site_files(&self, site: &str) -> Result<Vec<SiteFile>> {
        let rows = self.tx(|tx| {
            tx.query(
                "SELECT path, client, sha256 FROM site_files WHERE site = ?1 ORDER BY path",
                &[Some(site)],
            )
        })?;
        rows.into_iter()
            .map(|r| {
                let mut c = Columns::new("site_files", r);
                Ok(SiteFile {
                    path: c.text("path")?,
                    client: c.text("client")?,
                    sha256: c.text("sha256")?,
                })
            })
            .collect()
    }

    /// Records a file written to `site`.
    pub fn site_file_written(&self, site: &str, file: &SiteFile, now: DateTime<Utc>) -> Result<()> {
        let at = timestamp(now);
        self.tx(|tx| {
            tx.exec(
                "INSERT INTO site_files (site, path, client, sha256, published_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (site, path) DO UPDATE SET client = ?3, sha256 = ?4, published_at = ?5",
                &[
                    Some(site),
                    Some(&file.path),
                    Some(&file.client),
                    Some(&file.sha256),
                    Some(&at),
                ],
            )
        })?;
        Ok(())
    }

    /// Forgets a file removed from `site`.
    pub fn site_file_removed(&self, site: &str, path: &str) -> Result<()> {
        self.tx(|tx| {
            tx.exec(
                "DELETE FROM site_files WHERE site = ?1 AND path = ?2",
                &[Some(site), Some(path)],
            )
        })?;
        Ok(())
    }
}
