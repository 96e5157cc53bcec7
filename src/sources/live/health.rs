//! Whether a live source's credentials and permissions still work (`execreport sources
//! test`): one one-day request, its failure sorted into what the agency must do about it.

use chrono::{DateTime, Days, Utc};

use super::oauth::OAuthPlatform;
use super::{DataMode, Fetcher, Needs};
use crate::config::schema::{SourceConfig, SourceKind};
use crate::config::{Client, Workspace};
use crate::sources::SourceError;

crate::closed_set! {
    /// A source's health.
    pub enum Health ("source health") {
        Ok = "ok",
        /// The refresh token was revoked or expired (Google's `invalid_grant`), or the API
        /// refuses the credentials (401): `connect` again.
        Expired = "expired",
        /// A secret's variable or file is missing.
        NoCredentials = "no_credentials",
        /// The account does not let these credentials read this property, account or site.
        Forbidden = "forbidden",
        /// The platform's quota is used up for now.
        Quota = "quota",
        Failed = "failed",
        /// Fetched, but its data ends before the period does (days not yet settled, or an
        /// old snapshot): recorded by batches only.
        Late = "late",
    }
}

impl Health {
    /// Whether the agency must do something about the source.
    pub fn needs_attention(self) -> bool {
        self != Health::Ok
    }

    /// What fixes a source of this health: the `connect` command for lost credentials,
    /// `sources test` for the others.
    pub fn fix(self, kind: SourceKind, client: &str, source: &str) -> Option<String> {
        let connect = OAuthPlatform::of_kind(kind)
            .map(|p| format!("execreport connect {p} --client {client} --source {source}"));
        match self {
            Health::Ok => None,
            Health::Expired | Health::NoCredentials => connect,
            Health::Forbidden | Health::Failed => {
                Some(format!("execreport sources test --client {client}"))
            }
            // Both pass by themselves: the next batch tries again.
            Health::Quota | Health::Late => None,
        }
    }

    /// The health of a source that failed to load (the error's text holds no secrets).
    pub fn of_error(error: &SourceError) -> Health {
        match error {
            SourceError::Postponed(_) => Health::Quota,
            SourceError::Fetch(e) => {
                if e.hold.is_some() || e.status == Some(429) {
                    Health::Quota
                } else if e.status == Some(401)
                    // Google answers a revoked or expired refresh token with 400 invalid_grant.
                    || (e.status == Some(400) && e.message.starts_with(super::auth::REFRESH_FAILED))
                    || e.message.contains("Meta error 190")
                {
                    Health::Expired
                } else if e.status == Some(403) {
                    Health::Forbidden
                } else {
                    Health::Failed
                }
            }
            SourceError::Live(text)
                if text.contains("environment variable") || text.contains("secret file") =>
            {
                Health::NoCredentials
            }
            _ => Health::Failed,
        }
    }
}

/// A source's health and what to say about it (no secrets: errors are redacted when made).
pub struct Checked {
    pub health: Health,
    pub detail: String,
}

/// Fetches yesterday (in the client's time zone) from the API, bypassing the cache.
pub fn check(
    ws: &Workspace,
    fetcher: &Fetcher,
    client: &Client,
    source: &SourceConfig,
    now: DateTime<Utc>,
) -> Checked {
    let today = now.with_timezone(&client.time_zone).date_naive();
    let day = today.checked_sub_days(Days::new(1)).unwrap_or(today);
    let needs = Needs {
        client: client.config.id.as_str(),
        time_zone: client.time_zone,
        ranges: vec![(day, day)],
        history: None,
        mode: DataMode::Refresh,
        now,
    };
    let (health, detail) = match crate::sources::load(ws, fetcher, source, &needs) {
        Ok(_) => (Health::Ok, format!("one day ({day}) fetched")),
        Err(e) => {
            let health = Health::of_error(&e);
            let text = match &e {
                SourceError::Postponed(hold) => hold.to_string(),
                e => e.summary(),
            };
            let fix = match health {
                Health::Expired | Health::NoCredentials => {
                    health.fix(source.kind, client.config.id.as_str(), source.id.as_str())
                }
                _ => None,
            };
            match fix {
                Some(fix) => (health, format!("{text}; fix: {fix}")),
                None => (health, text),
            }
        }
    };
    Checked {
        health,
        detail: fetcher.redact(&detail),
    }
}
