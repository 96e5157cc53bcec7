//! `execreport connect PLATFORM --client ID`: the platform's consent in a browser, the
//! credential kept in `secrets/<client>-<platform>.token` (mode 0600, git-ignored) and the
//! client's sources pointed at it. Nothing secret is printed.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow, bail};

use crate::cli::ConnectArgs;
use execreport::config::api::{AuthConfig, SecretRef};
use execreport::config::edit::{Credential, set_source_credential};
use execreport::config::schema::SourceConfig;
use execreport::config::{Workspace, starter};
use execreport::session::Session;
use execreport::sources::live::oauth::{Authorization, Kept, OAuthPlatform};
use execreport::sources::live::secrets::{Secret, resolve};

pub fn run(session: &Session, args: &ConnectArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let platform = args.platform;
    let client = ws.client(&args.client).ok_or_else(|| {
        let known: Vec<_> = ws.clients().map(|c| c.config.id.to_string()).collect();
        anyhow!(
            "unknown client {:?} in {}: expected one of {}",
            args.client,
            ws.path.display(),
            known.join(", ")
        )
    })?;
    let targets = sources(&client.config.sources, platform, &args.sources)?;
    let kinds: Vec<_> = targets.iter().map(|s| s.kind).collect();
    let (client_id, client_secret) = app_credentials(ws, session, platform, &targets)?;

    let auth = Authorization::start(platform, &client_id, &platform.scopes(&kinds))?;
    eprintln!(
        "Open this address in a browser and allow execreport to read {}'s {platform} data:\n\n  {}\n",
        client.config.name, auth.consent_url
    );
    if !args.no_browser && opener::open_browser(auth.consent_url.as_str()).is_err() {
        eprintln!("(no browser could be opened: open the address yourself)");
    }
    eprintln!(
        "Waiting for the consent page's redirect (up to {} s)...",
        args.timeout
    );
    let redactor = session.fetcher.redactor();
    let code = auth.wait_for_code(Duration::from_secs(args.timeout))?;
    let token = auth.exchange(&code, &client_id, &client_secret, redactor)?;

    let relative = format!("secrets/{}-{platform}.token", client.config.id);
    store_token(&ws.root, &relative, &token)?;
    let what = match platform.kept() {
        Kept::RefreshToken => "refresh token",
        Kept::LongLivedAccessToken => {
            "long-lived access token (renew it with connect in about 60 days)"
        }
    };
    println!("stored the {what} in {relative} (readable by this user only, git-ignored)");

    if targets.is_empty() {
        println!(
            "client {} has no source that reads {platform} yet: add one and point its auth at \
             {{file: {relative}}}",
            client.config.id
        );
        return Ok(ExitCode::SUCCESS);
    }
    let text = std::fs::read_to_string(&ws.path)
        .with_context(|| format!("cannot read {}", ws.path.display()))?;
    let mut edited = text.clone();
    for source in &targets {
        let credential = match platform.kept() {
            Kept::RefreshToken => Credential::GoogleRefreshToken {
                client_id: &format!("{{env: EXECREPORT_{}_CLIENT_ID}}", platform.env_name()),
                client_secret: &format!(
                    "{{env: EXECREPORT_{}_CLIENT_SECRET}}",
                    platform.env_name()
                ),
            },
            Kept::LongLivedAccessToken => Credential::Bearer,
        };
        edited = set_source_credential(
            &edited,
            client.config.id.as_str(),
            source.id.as_str(),
            credential,
            &relative,
        )
        .map_err(|e| {
            anyhow!(
                "{}: source {}: {e}",
                ws.path.display(),
                source.id.value.as_str()
            )
        })?;
    }
    // The edit must leave a workspace that loads, with each source reading the file.
    let check = Workspace::parse(&ws.path, &edited)
        .map_err(|e| anyhow!("the edited workspace would not load (not written):\n{e}"))?;
    let reads_file = |s: &SourceConfig| match s.api.as_ref().and_then(|a| a.auth.as_ref()) {
        Some(AuthConfig::GoogleOauth(g)) => {
            g.refresh_token == SecretRef::File(relative.clone().into())
        }
        Some(AuthConfig::Bearer(r)) => *r == SecretRef::File(relative.clone().into()),
        _ => false,
    };
    let edited_client = check.client(client.config.id.as_str()).ok_or_else(|| {
        anyhow!(
            "the edited workspace lost client {} (not written)",
            client.config.id
        )
    })?;
    for source in &targets {
        let ok = edited_client
            .config
            .sources
            .iter()
            .any(|s| s.id.value == source.id.value && reads_file(s));
        if !ok {
            bail!(
                "{}: source {} could not be pointed at {relative}; edit it by hand",
                ws.path.display(),
                source.id.value.as_str()
            );
        }
    }
    execreport::files::write_atomic(&ws.path, edited.as_bytes())
        .with_context(|| format!("cannot write {}", ws.path.display()))?;
    for source in &targets {
        println!(
            "source {} of client {} now reads it ({} updated)",
            source.id.value.as_str(),
            client.config.id,
            ws.path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The client's sources that read `platform`: those named with `--source`, else all of them.
fn sources<'a>(
    all: &'a [SourceConfig],
    platform: OAuthPlatform,
    named: &[String],
) -> Result<Vec<&'a SourceConfig>> {
    if named.is_empty() {
        return Ok(all
            .iter()
            .filter(|s| OAuthPlatform::of_kind(s.kind) == Some(platform))
            .collect());
    }
    named
        .iter()
        .map(|id| {
            let source = all
                .iter()
                .find(|s| s.id.value.as_str() == id)
                .ok_or_else(|| {
                    let known: Vec<_> = all.iter().map(|s| s.id.value.as_str()).collect();
                    anyhow!(
                        "unknown source {id:?}: the client's sources are {}",
                        known.join(", ")
                    )
                })?;
            if OAuthPlatform::of_kind(source.kind) != Some(platform) {
                bail!(
                    "source {id} is of kind {}, which does not read {platform}",
                    source.kind.name()
                );
            }
            Ok(source)
        })
        .collect()
}

/// The agency's OAuth app: the id and secret a target source's `google_oauth` already names,
/// else `EXECREPORT_<PLATFORM>_CLIENT_ID` and `..._CLIENT_SECRET`.
fn app_credentials(
    ws: &Workspace,
    session: &Session,
    platform: OAuthPlatform,
    targets: &[&SourceConfig],
) -> Result<(Secret, Secret)> {
    let redactor = session.fetcher.redactor();
    let configured = targets
        .iter()
        .find_map(|s| match s.api.as_ref()?.auth.as_ref()? {
            AuthConfig::GoogleOauth(g) => Some((g.client_id.clone(), g.client_secret.clone())),
            _ => None,
        });
    let env = platform.env_name();
    let (id, secret) = configured.unwrap_or_else(|| {
        (
            SecretRef::Env(format!("EXECREPORT_{env}_CLIENT_ID")),
            SecretRef::Env(format!("EXECREPORT_{env}_CLIENT_SECRET")),
        )
    });
    let read = |r: &SecretRef| {
        resolve(r, &ws.root, redactor).map_err(|e| {
            anyhow!(
                "the agency's {platform} OAuth app: {} (docs/sources.md, \"connect\", says where \
                 to create one)",
                execreport::error_chain(&e)
            )
        })
    };
    Ok((read(&id)?, read(&secret)?))
}

/// Writes the token to `root/relative` with mode 0600 (a temporary file of that mode, then a
/// rename), in a folder only this user can enter, and makes sure git ignores the folder.
fn store_token(root: &Path, relative: &str, token: &Secret) -> Result<()> {
    let path = root.join(relative);
    let dir = path.parent().expect("secrets/ holds the token");
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let temp = dir.join(format!(
        ".{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        options.mode(0o600);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .with_context(|| format!("cannot restrict {}", dir.display()))?;
    }
    let mut file = options
        .open(&temp)
        .with_context(|| format!("cannot create {}", temp.display()))?;
    file.write_all(format!("{}\n", token.expose()).as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", temp.display()))?;
    std::fs::rename(&temp, &path).with_context(|| format!("cannot write {}", path.display()))?;

    let ignore = root.join(".gitignore");
    let existing = std::fs::read_to_string(&ignore).ok();
    if let Some(text) = starter::gitignore(existing.as_deref(), &["/secrets/"]) {
        execreport::files::write_atomic(&ignore, text.as_bytes())
            .with_context(|| format!("cannot write {}", ignore.display()))?;
    }
    Ok(())
}
