//! One module per command; each exposes `run`, returning the process exit status.

pub mod approve;
pub mod batch;
pub mod check;
pub mod connect;
pub mod init;
pub mod overview;
pub mod preview;
pub mod publish;
pub mod render;
pub mod sources;
pub mod status;

use std::process::ExitCode;

/// Exit status when some reports failed and the others were written.
pub const EXIT_PARTIAL: u8 = 3;

/// Exit status when every report was written but some lack a source that failed (a
/// `required: false` source; the report shows "data unavailable").
pub const EXIT_DEGRADED: u8 = 4;

/// Exit status when another batch holds the workspace's lock.
pub const EXIT_BUSY: u8 = 5;

/// Exit status when reports lack data: no data at all for the period (`render`), or (`batch`)
/// reports not sent for their data — waiting for it, without any, held or skipped.
pub const EXIT_NO_DATA: u8 = 6;

/// Exit status of `batch` and `send` when the configuration is wrong (the workspace does not
/// load, the output store cannot be set up): running again cannot help, so a scheduler should
/// not retry (the Kubernetes Job's `podFailurePolicy` fails the index on it).
pub const EXIT_CONFIG: u8 = 7;

/// Marks an error as the configuration's ([`EXIT_CONFIG`]); its message comes first.
#[derive(Debug)]
pub struct BadConfiguration;

impl std::fmt::Display for BadConfiguration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("bad configuration")
    }
}

/// The store a batch writes to: `--out`, else the workspace's `output`, a folder or an
/// `s3://` bucket. A store that cannot be set up is the configuration's problem.
pub fn open_store(
    session: &execreport::session::Session,
    out: Option<&std::path::Path>,
) -> anyhow::Result<execreport::storage::Store> {
    let ws = &session.workspace;
    // A folder given on the command line is relative to the current folder, as before.
    if let Some(dir) = out.filter(|o| !execreport::storage::is_remote(o)) {
        return Ok(execreport::storage::Store::Local(std::path::absolute(dir)?));
    }
    let spec = out.unwrap_or(&ws.file.output);
    execreport::storage::Store::open(
        spec,
        &ws.root,
        ws.file.storage.as_ref(),
        session.fetcher.redactor(),
    )
    .map_err(|e| {
        let configuration = e.is_configuration();
        let e = anyhow::Error::msg(session.redact(&e.to_string()));
        if configuration {
            e.context(BadConfiguration)
        } else {
            e
        }
    })
}

/// The site `--site` names, else the workspace's `publish.site`, else `site` next to the
/// workspace file.
pub fn open_site(
    session: &execreport::session::Session,
    flag: Option<&std::path::Path>,
) -> anyhow::Result<execreport::publish::Site> {
    let ws = &session.workspace;
    let config = ws.file.publish.clone().unwrap_or_default();
    let spec = match flag {
        Some(f) => f.to_path_buf(),
        None => {
            let site = config.site.unwrap_or_else(|| "site".into());
            if execreport::storage::is_remote(&site) {
                site
            } else {
                ws.root.join(site)
            }
        }
    };
    let store = open_store(session, Some(&spec))?;
    Ok(execreport::publish::Site::new(
        store,
        config.base_url.as_ref().map(|u| u.value.as_str()),
    ))
}

/// With `cache: s3://...`, live sources keep their snapshots in that bucket, shared by every
/// worker, instead of the workspace's folder.
pub fn share_cache(session: &execreport::session::Session) -> anyhow::Result<()> {
    let ws = &session.workspace;
    if let Some(spec) = &ws.file.cache
        && execreport::storage::is_remote(spec)
    {
        let store = open_store(session, Some(spec))?;
        session.fetcher.share_cache(std::sync::Arc::new(store));
    }
    Ok(())
}

/// 0 when nothing failed, [`EXIT_PARTIAL`] when reports failed, else [`EXIT_DEGRADED`] when
/// reports were written without a source that failed, else [`EXIT_NO_DATA`] when reports
/// lack data.
pub fn exit_for(failures: usize, degraded: usize, lacking_data: usize) -> ExitCode {
    if failures > 0 {
        ExitCode::from(EXIT_PARTIAL)
    } else if degraded > 0 {
        ExitCode::from(EXIT_DEGRADED)
    } else if lacking_data > 0 {
        ExitCode::from(EXIT_NO_DATA)
    } else {
        ExitCode::SUCCESS
    }
}
