//! A run of a command: the workspace (data, as parsed) and what the run needs beyond it, the
//! live sources' HTTP client, access tokens and secret redactor. The command builds it, as
//! typst's `World` and zola's `Site` are built, and hands each stage the part it needs
//! (`report::build` takes the fetcher); the config stays data.
//!
//! The clock is the request's (`ReportRequest::now`, the batch's `Options::now`); brand kits
//! hold caches that are not shared between threads, so each worker loads its own (`Brands`).

use crate::config::Workspace;
use crate::sources::live::Fetcher;

pub struct Session {
    pub workspace: Workspace,
    /// Shared by every report of the run: one HTTP client, tokens fetched once, and every
    /// secret read so far, masked in messages.
    pub fetcher: Fetcher,
}

impl Session {
    pub fn new(workspace: Workspace) -> Self {
        Session {
            workspace,
            fetcher: Fetcher::default(),
        }
    }

    /// Masks every secret read so far in `text`.
    pub fn redact(&self, text: &str) -> String {
        self.fetcher.redact(text)
    }
}
