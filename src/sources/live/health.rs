//! Whether a live source's credentials and permissions still work (`execreport sources
//! test`): one one-day request, its failure sorted into what the agency must do about it.

use chrono::{DateTime, Days, Utc};

use super::oauth::OAuthPlatform;
use super::{DataMode, Fetcher, Needs};
use crate::config::schema::SourceConfig;
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
    let connect = || {
        OAuthPlatform::of_kind(source.kind).map_or_else(String::new, |p| {
            format!(
                "; fix: execreport connect {p} --client {} --source {}",
                client.config.id,
                source.id.as_str()
            )
        })
    };
    let (health, detail) = match crate::sources::load(ws, fetcher, source, &needs) {
        Ok(_) => (Health::Ok, format!("one day ({day}) fetched")),
        Err(SourceError::Postponed(hold)) => (Health::Quota, hold.to_string()),
        Err(SourceError::Fetch(e)) => {
            let text = SourceError::Fetch(e.clone()).summary();
            let health = if e.hold.is_some() || e.status == Some(429) {
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
            };
            match health {
                Health::Expired => (health, format!("{text}{}", connect())),
                _ => (health, text),
            }
        }
        Err(SourceError::Live(text))
            if text.contains("environment variable") || text.contains("secret file") =>
        {
            (Health::NoCredentials, format!("{text}{}", connect()))
        }
        Err(e) => (Health::Failed, e.summary()),
    };
    Checked {
        health,
        detail: fetcher.redact(&detail),
    }
}
