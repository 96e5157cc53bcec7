//! The clients' report site (`execreport publish`): for each client, behind a random token,
//! an index of its reports, newest first, and each report's HTML and PDF, built from the
//! ledger's rendered reports and written to a folder or an S3-compatible bucket.
//!
//! Publishing again writes only files whose bytes changed (the ledger records each file's
//! SHA-256, and the file in the site is checked against it). A client's index is written after
//! every report it links to, and files no index links to any more (an old token's, a report
//! no longer released) are removed only after the index that linked to them was replaced.

pub mod pages;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::{Client, Workspace};
use crate::files::hex;
use crate::ledger::{ApprovalState, Entry, Ledger, LedgerError, ReportState, SiteFile};
use crate::period::Period;
use crate::render::{BrandKit, Brands};
use crate::storage::{Store, StoreError};
use pages::{ClientPages, ReportLink};

/// Where the site is written and the address it is served at.
pub struct Site {
    pub store: Store,
    /// `https://reports.agency.example`, without a trailing slash.
    pub base_url: Option<String>,
}

/// Why publishing stopped (a problem of one client or report is listed in [`Published`]).
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no random numbers from the operating system: {0}")]
    Random(String),
    #[error("unknown client {0:?}")]
    UnknownClient(String),
}

/// What a publish did.
#[derive(Debug, Default, Serialize)]
pub struct Published {
    /// Clients with pages.
    pub clients: usize,
    /// Reports their indexes link to.
    pub reports: usize,
    /// Files written (new or changed).
    pub written: usize,
    /// Files already in the site as they are.
    pub unchanged: usize,
    /// Files removed (an old token's, reports no longer released).
    pub removed: usize,
    /// Reports or clients left out, one line each (for stderr; never shown to a client).
    pub problems: Vec<String>,
    /// Each client's index, relative to the site's root (`<token>/`), for the agency.
    pub indexes: BTreeMap<String, String>,
}

impl Site {
    pub fn new(store: Store, base_url: Option<&str>) -> Site {
        Site {
            store,
            base_url: base_url.map(|u| u.trim_end_matches('/').to_string()),
        }
    }

    /// The public address of a file of the site (`rel` relative to its root), when the site
    /// has a `base_url`.
    pub fn url(&self, rel: &str) -> Option<String> {
        self.base_url.as_ref().map(|b| format!("{b}/{rel}"))
    }
}

/// A new client token: 128 bits from the operating system's CSPRNG, as 32 hex digits.
pub fn new_token() -> Result<String, PublishError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| PublishError::Random(e.to_string()))?;
    Ok(hex(&bytes))
}

/// A token as this program makes them; anything else in the ledger (a hand edit) is not used
/// in a path.
fn valid_token(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The client's token, made on first use.
fn token_of(ledger: &Ledger, client: &str, now: DateTime<Utc>) -> Result<String, PublishError> {
    let token = ledger.site_token(client, &new_token()?, now)?;
    if !valid_token(&token) {
        return Err(PublishError::Random(format!(
            "the ledger's site token of {client} is not one this program made: rotate it (execreport publish --rotate {client})"
        )));
    }
    Ok(token)
}

/// Whether a ledger entry is a report the client may see: rendered, and not held for approval.
fn released(e: &Entry) -> bool {
    e.state == ReportState::Rendered && e.approval != ApprovalState::Awaiting
}

/// Writes the site's files in one pass, keeping the ledger's record of them.
struct Writer<'a> {
    ledger: &'a Ledger,
    site: &'a Site,
    root: String,
    recorded: HashMap<String, SiteFile>,
    now: DateTime<Utc>,
    written: usize,
    unchanged: usize,
}

impl<'a> Writer<'a> {
    fn new(ledger: &'a Ledger, site: &'a Site, now: DateTime<Utc>) -> Result<Self, PublishError> {
        let root = site.store.root();
        let recorded = ledger
            .site_files(&root)?
            .into_iter()
            .map(|f| (f.path.clone(), f))
            .collect();
        Ok(Writer {
            ledger,
            site,
            root,
            recorded,
            now,
            written: 0,
            unchanged: 0,
        })
    }

    /// Writes `bytes` at `rel` unless the site already holds exactly them.
    fn put(&mut self, rel: &str, client: &str, bytes: &[u8]) -> Result<(), PublishError> {
        let sha256 = hex(&Sha256::digest(bytes));
        let location = self.site.store.location_of(rel);
        let same = self
            .recorded
            .get(rel)
            .is_some_and(|f| f.sha256 == sha256 && f.client == client)
            && self
                .site
                .store
                .get(&location)?
                .is_some_and(|b| hex(&Sha256::digest(&b)) == sha256);
        if same {
            self.unchanged += 1;
            return Ok(());
        }
        self.site.store.put(&location, bytes)?;
        let file = SiteFile {
            path: rel.to_string(),
            client: client.to_string(),
            sha256,
        };
        self.ledger.site_file_written(&self.root, &file, self.now)?;
        self.recorded.insert(rel.to_string(), file);
        self.written += 1;
        Ok(())
    }
}

/// A report's files as published: `<token>/<period>/index.html` (the HTML report) and
/// `report.pdf`. Each recorded output is read back through `outputs` and checked against
/// its recorded SHA-256; a report with neither file intact is not published.
fn publish_files(
    w: &mut Writer,
    outputs: &Store,
    client: &Client,
    kit: &BrandKit,
    token: &str,
    entry: &Entry,
) -> Result<ReportLink, String> {
    let period = Period::from_key(&entry.period, client.week_start)
        .ok_or_else(|| format!("period {:?} is not a period key", entry.period))?;
    let read = |name: &str| -> Result<Option<Vec<u8>>, String> {
        let Some(o) = entry.outputs.iter().find(|o| o.path.ends_with(name)) else {
            return Ok(None);
        };
        let bytes = outputs
            .get(&o.path)
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("{} is missing", o.path))?;
        if !o.holds(&bytes) {
            return Err(format!(
                "{} differs from what the ledger recorded (render it again: batch --force)",
                o.path
            ));
        }
        Ok(Some(bytes))
    };
    let html = read("/report.html")?;
    let pdf = read("/report.pdf")?;
    if html.is_none() && pdf.is_none() {
        return Err("rendered without HTML or PDF".into());
    }
    let dir = format!("{token}/{}", entry.period);
    let pages = ClientPages::new(client, kit);
    let prefix = |e: String| format!("{dir}: {e}");
    if let Some(pdf) = &pdf {
        w.put(&format!("{dir}/report.pdf"), &entry.client, pdf)
            .map_err(|e| prefix(e.to_string()))?;
    }
    if let Some(html) = &html {
        let page = pages.report_page(html, pdf.is_some());
        w.put(&format!("{dir}/index.html"), &entry.client, page.as_bytes())
            .map_err(|e| prefix(e.to_string()))?;
    }
    Ok(pages.link(
        &period,
        &entry.period,
        html.is_some(),
        pdf.as_ref().map(Vec::len),
    ))
}

/// Publishes one released report's files (not the client's index), for a message that links
/// to it: its public address (the report's folder, or its PDF when it has no HTML).
pub fn publish_report(
    ledger: &Ledger,
    outputs: &Store,
    site: &Site,
    client: &Client,
    kit: &BrandKit,
    period: &str,
    now: DateTime<Utc>,
) -> Result<String, String> {
    let id = client.config.id.as_str();
    let entry = ledger
        .get(id, period)
        .map_err(|e| e.to_string())?
        .filter(released)
        .ok_or("the report is not rendered and released")?;
    let token = token_of(ledger, id, now).map_err(|e| e.to_string())?;
    let mut w = Writer::new(ledger, site, now).map_err(|e| e.to_string())?;
    let link = publish_files(&mut w, outputs, client, kit, &token, &entry)?;
    let rel = match (&link.html, &link.pdf) {
        (Some(_), _) => format!("{token}/{period}/"),
        _ => format!("{token}/{period}/report.pdf"),
    };
    site.url(&rel)
        .ok_or_else(|| "publish.base_url is not set".to_string())
}

/// Publishes every client's released reports and their indexes, then removes what no index links to any more. One client's problem is listed and
/// the others are published.
pub fn publish(
    ws: &Workspace,
    ledger: &Ledger,
    outputs: &Store,
    site: &Site,
    brands: &Brands,
    now: DateTime<Utc>,
) -> Result<Published, PublishError> {
    let mut w = Writer::new(ledger, site, now)?;
    let mut done = Published::default();
    let mut by_client: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for e in ledger.all()?.into_iter().filter(released) {
        by_client.entry(e.client.clone()).or_default().push(e);
    }
    // Paths to keep, and clients whose files could not be rebuilt (kept as they are).
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    let mut kept_clients: BTreeSet<String> = BTreeSet::new();
    for client in ws.clients() {
        let id = client.config.id.to_string();
        let entries = by_client.remove(&id).unwrap_or_default();
        let has_pages = ledger.existing_site_token(&id)?.is_some();
        if entries.is_empty() && !has_pages {
            continue;
        }
        let kit = match brands.get(ws, client.brand) {
            Ok(kit) => kit,
            Err(e) => {
                done.problems
                    .push(format!("{id}: brand {}: {e}", client.brand));
                kept_clients.insert(id);
                continue;
            }
        };
        let token = match token_of(ledger, &id, now) {
            Ok(t) => t,
            Err(e) => {
                done.problems.push(format!("{id}: {e}"));
                kept_clients.insert(id);
                continue;
            }
        };
        let mut links = Vec::new();
        for entry in &entries {
            match publish_files(&mut w, outputs, &client, &kit, &token, entry) {
                Ok(link) => {
                    for file in link.files() {
                        wanted.insert(format!("{token}/{}/{file}", entry.period));
                    }
                    links.push(link);
                }
                Err(e) => done
                    .problems
                    .push(format!("{id} {}: not published: {e}", entry.period)),
            }
        }
        // Newest first: by the period's end, then its start (a month after its last week).
        links.sort_by_key(|l| std::cmp::Reverse((l.end, l.start)));
        let index = match ClientPages::new(&client, &kit).index(&links) {
            Ok(index) => index,
            Err(e) => {
                done.problems.push(format!("{id}: index: {e}"));
                kept_clients.insert(id);
                continue;
            }
        };
        let rel = format!("{token}/index.html");
        w.put(&rel, &id, index.as_bytes())?;
        wanted.insert(rel);
        done.indexes.insert(id, format!("{token}/"));
        done.clients += 1;
        done.reports += links.len();
    }
    for (rel, bytes) in pages::site_files() {
        w.put(rel, "", bytes.as_bytes())?;
        wanted.insert(rel.to_string());
    }
    // Only now, with every index replaced, what they no longer link to goes.
    let stale: Vec<SiteFile> = w
        .recorded
        .values()
        .filter(|f| !wanted.contains(&f.path) && !kept_clients.contains(&f.client))
        .cloned()
        .collect();
    for f in stale {
        site.store.delete(&site.store.location_of(&f.path))?;
        ledger.site_file_removed(&w.root, &f.path)?;
        done.removed += 1;
    }
    done.written = w.written;
    done.unchanged = w.unchanged;
    Ok(done)
}

/// Gives the client a new token and publishes its pages under it; the old token's pages are
/// removed once the new ones are written.
pub fn rotate(
    ws: &Workspace,
    ledger: &Ledger,
    outputs: &Store,
    site: &Site,
    brands: &Brands,
    client: &str,
    now: DateTime<Utc>,
) -> Result<Published, PublishError> {
    if ws.client(client).is_none() {
        return Err(PublishError::UnknownClient(client.to_string()));
    }
    ledger.rotate_site_token(client, &new_token()?, now)?;
    publish(ws, ledger, outputs, site, brands, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_random_bits_in_hex() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert!(valid_token(&a) && valid_token(&b));
        assert_ne!(a, b);
        assert!(!valid_token("../../etc"));
        assert!(!valid_token(&a.to_uppercase()));
    }
}
