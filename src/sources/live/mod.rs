//! Live sources: platform APIs fetched over HTTP for exactly the report's date ranges,
//! cached in the workspace (`.execreport/cache/`) so a report can be rendered again from the
//! same data, and mapped to metrics by the same row mapper as files.
//!
//! Each platform module turns one date range into flat rows (`{date, dimension…, field…}`)
//! plus period totals; everything else (auth, retries, cache, mapping) is shared.

mod auth;
mod cache;
pub mod errors;
pub mod ga4;
mod gbp;
mod gbp_performance;
mod generic;
mod google_ads;
pub mod health;
pub mod http;
mod linkedin_ads;
mod mailchimp;
mod meta;
mod meta_ads;
mod microsoft_ads;
pub mod oauth;
pub mod quota;
mod report_zip;
mod search_console;
pub mod secrets;
mod shopify;
mod tiktok_ads;
mod youtube_analytics;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};
use url::Url;

use self::auth::{Auth, AuthContext, Tokens};
use self::http::{Call, FetchError, Http, Policy, Reply};
use self::secrets::Redactor;
use super::{SourceData, SourceError};
use crate::config::Workspace;
use crate::config::api::ApiConfig;
use crate::config::schema::{SourceConfig, SourceKind};

pub use cache::FetchInfo;

/// Where a report's live data may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DataMode {
    /// The cache for ranges whose days have all settled, the API otherwise.
    #[default]
    Auto,
    /// The cache only; a range not in it fails the source.
    Offline,
    /// The API always (the cache is rewritten).
    Refresh,
}

/// What a report needs from its live sources.
#[derive(Debug, Clone)]
pub struct Needs<'a> {
    pub client: &'a str,
    pub time_zone: chrono_tz::Tz,
    /// The report period and its comparison, each fetched (and cached) on its own.
    pub ranges: Vec<(NaiveDate, NaiveDate)>,
    /// Days read from files for the long view (trends) besides `ranges`: their rows are mapped
    /// where they can be, and a bad one is left out without failing or counting (its day shows
    /// as missing in the trend). Live sources fetch `ranges` only.
    pub history: Option<super::History>,
    pub mode: DataMode,
    pub now: DateTime<Utc>,
}

/// State shared by all reports of a process: the HTTP client (started on first use), access
/// tokens, and the secrets to keep out of messages.
#[derive(Debug, Default)]
pub struct Fetcher {
    http: OnceLock<Result<Http, String>>,
    tokens: Tokens,
    redactor: Redactor,
    /// The quota budgets every report of the process draws on.
    pub budgets: quota::Budgets,
    /// The shared cache (`cache: s3://...`), when the workspace names one.
    shared_cache: OnceLock<std::sync::Arc<dyn crate::files::SharedFiles>>,
}

impl Fetcher {
    fn http(&self) -> Result<&Http, SourceError> {
        self.http
            .get_or_init(Http::new)
            .as_ref()
            .map_err(|e| SourceError::Live(e.clone()))
    }

    /// Keeps snapshots in `files`, shared by every worker, instead of the workspace's folder.
    /// Set once, before the first fetch.
    pub fn share_cache(&self, files: std::sync::Arc<dyn crate::files::SharedFiles>) {
        let _ = self.shared_cache.set(files);
    }

    /// The redactor that masks every secret read so far (SMTP passwords join it).
    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Masks every secret read so far in `text`.
    pub fn redact(&self, text: &str) -> String {
        self.redactor.text(text)
    }
}

/// Rows of one date range as the API gave them, flattened.
#[derive(Debug, Default)]
pub struct Fetched {
    pub rows: Vec<Map<String, Value>>,
    /// Values over the whole range, by API field, for metrics that cannot be summed from
    /// days (GA4 `totalUsers`).
    pub totals: BTreeMap<String, f64>,
}

/// A live source ready to send requests.
pub struct Source<'a> {
    /// The workspace folder, against which secret files are read.
    pub root: &'a Path,
    pub config: &'a SourceConfig,
    pub api: &'a ApiConfig,
    pub time_zone: chrono_tz::Tz,
    /// The run's clock (`--now`): platforms that list a range's days themselves stop at its
    /// today, so later days are missing, not zero, whatever the machine's clock says.
    pub now: chrono::DateTime<chrono::Utc>,
    /// Metric ids whose period values GA4 should total itself.
    pub unique_fields: Vec<String>,
    auth: Auth,
    http: &'a Http,
    fetcher: &'a Fetcher,
    policy: Policy,
}

impl Source<'_> {
    /// Sends with credentials; a 401 under OAuth gets one new token and one more try.
    pub fn send(&self, call: &Call) -> Result<Reply, FetchError> {
        let ctx = AuthContext {
            http: self.http,
            tokens: &self.fetcher.tokens,
            policy: &self.policy,
            redactor: &self.fetcher.redactor,
        };
        let gate = self.gate();
        let first = self.auth.apply(call, false, &ctx)?;
        let redactor = &self.fetcher.redactor;
        match self.http.send(&first, &self.policy, redactor, Some(&gate)) {
            Err(e) if e.status == Some(401) && self.auth.refreshable() => {
                let again = self.auth.apply(call, true, &ctx)?;
                self.http.send(&again, &self.policy, redactor, Some(&gate))
            }
            other => other,
        }
    }

    /// The budget this source's requests draw on.
    fn gate(&self) -> http::Gate<'_> {
        http::Gate {
            budgets: &self.fetcher.budgets,
            key: budget_key(self.config.kind, self.api),
            limit: self
                .api
                .concurrency
                .map_or_else(|| default_concurrency(self.config.kind), |n| n as usize),
            signals: match self.config.kind {
                SourceKind::Ga4 => ga4::signals,
                SourceKind::Shopify => shopify::signals,
                _ => quota::meta_usage,
            },
            refusal: match self.config.kind {
                SourceKind::TiktokAds => errors::tiktok::refusal,
                _ => |_| None,
            },
        }
    }

    /// A throttle the platform said in a successful answer (Shopify's GraphQL `THROTTLED`):
    /// the source's budget waits `wait`; `attempt` (from 1) past the source's retries, or a
    /// wait too long, ends the request with a hold.
    pub fn throttled(
        &self,
        call: &Call,
        what: &str,
        wait: Duration,
        attempt: u32,
    ) -> Result<(), FetchError> {
        let error = FetchError::new(call, self.redactor(), format!("throttled: {what}"));
        self.gate()
            .throttled(error, what, wait, attempt > self.policy.retries)
    }

    pub fn send_json(&self, call: &Call) -> Result<Value, FetchError> {
        self.send(call)?.json(call, &self.fetcher.redactor)
    }

    /// The configured base URL, else the platform's, joined with `path`.
    pub fn url(&self, default_base: &str, path: &str) -> Result<Url, FetchError> {
        let base = self.api.base_url.as_deref().unwrap_or(default_base);
        let full = format!(
            "{}/{}",
            base.trim_end_matches('/'),
            path.trim_start_matches('/')
        );
        Url::parse(&full).map_err(|e| FetchError {
            request: full.clone(),
            status: None,
            hold: None,
            message: format!("invalid URL: {e}"),
        })
    }

    /// A response that does not have the documented shape.
    pub fn unexpected(&self, call: &Call, what: String) -> FetchError {
        FetchError::new(
            call,
            &self.fetcher.redactor,
            format!("unexpected response: {what}"),
        )
    }

    /// `date` followed by the source's other dimensions, for APIs that take a list.
    pub fn dimensions_with_date(&self) -> Vec<&str> {
        let others = self.config.dimensions.iter().map(String::as_str);
        std::iter::once("date")
            .chain(others.filter(|d| *d != "date"))
            .collect()
    }

    /// The API fields mapped to metrics, in a stable order.
    pub fn fields(&self) -> Vec<&str> {
        self.config.columns.keys().map(String::as_str).collect()
    }

    fn redactor(&self) -> &Redactor {
        &self.fetcher.redactor
    }

    /// The `developer_token` secret (Google Ads, Microsoft Ads), if the source names one.
    fn developer_token(&self) -> Result<Option<secrets::Secret>, FetchError> {
        self.api
            .developer_token
            .as_ref()
            .map(|t| secrets::resolve(t, self.root, self.redactor()))
            .transpose()
            .map_err(|e| FetchError {
                request: "developer_token".into(),
                status: None,
                hold: None,
                message: crate::error_chain(&e),
            })
    }
}

/// A metric of a row: absent or null is 0 (the ads APIs leave out what they have no number
/// for), else an [`amount`].
fn metric_value(v: Option<&Value>, field: &str, day: NaiveDate) -> Result<f64, String> {
    match v {
        None | Some(Value::Null) => Ok(0.0),
        Some(v) => amount(v).ok_or_else(|| format!("{field} on {day} is {v}, expected a number")),
    }
}

/// A number the API may send as a JSON number or a string (GA4 and Google Ads int64s).
pub fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An amount as the ads APIs write it: a JSON number, or a plain decimal string (`"12.34"`,
/// `"-0.5"`, `"1200"`). Anything else (`"NaN"`, `"1e9"`, `"12,34"`, `"inf"`) is refused
/// rather than read as some other number.
pub fn amount(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite()),
        Value::String(s) => {
            let s = s.trim();
            let digits = s.strip_prefix('-').unwrap_or(s);
            let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
            let plain = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            (plain(whole) && plain(fraction) && s.len() <= 40)
                .then(|| s.parse().ok())
                .flatten()
        }
        _ => None,
    }
}

/// Ratios and averages of a day, which cannot be added up over a period: the report computes
/// them from their summed parts.
pub fn is_average(field: &str) -> bool {
    let f = field.to_ascii_lowercase();
    let words = [
        "average",
        "cost_per",
        "costper",
        "ctr",
        "cpc",
        "cpm",
        "roas",
        "percent",
        "returnonadspend",
    ];
    words.iter().any(|w| f.contains(w))
        || f == "frequency"
        // `ConversionRate`, `conversion_rate`, not `approximateMemberReach`.
        || field.contains("Rate")
        || f.contains("_rate")
        || f.starts_with("rate")
}

/// The error for a mapped field that is a ratio of the day.
fn average_refused(field: &str) -> FetchError {
    FetchError {
        request: "columns".into(),
        status: None,
        hold: None,
        message: format!(
            "{field} is an average or a ratio of the day; map its parts (spend, impressions, clicks, conversions) and the report computes it for the period"
        ),
    }
}

/// What a source's requests count against: the unit each platform's quotas are kept by.
fn budget_key(kind: SourceKind, api: &ApiConfig) -> quota::BudgetKey {
    let or_none = |v: &Option<String>| v.clone().unwrap_or_default();
    let (platform, scope) = match kind {
        SourceKind::Ga4 => (
            "GA4",
            format!(
                "property {}",
                or_none(&api.property).trim_start_matches("properties/")
            ),
        ),
        SourceKind::GoogleAds => (
            "Google Ads",
            format!("customer {}", or_none(&api.customer_id)),
        ),
        SourceKind::Meta => ("Meta", format!("object {}", or_none(&api.object_id))),
        SourceKind::MetaAds => (
            "Meta Ads",
            format!(
                "ad account {}",
                or_none(&api.object_id).trim_start_matches("act_")
            ),
        ),
        SourceKind::SearchConsole => ("Search Console", format!("site {}", or_none(&api.site_url))),
        SourceKind::GbpReviews | SourceKind::GbpPerformance => (
            "Business Profile",
            format!("location {}", or_none(&api.location)),
        ),
        // Shopify's query cost is counted per app and shop.
        SourceKind::Shopify => ("Shopify", format!("shop {}", or_none(&api.shop))),
        SourceKind::Mailchimp => (
            "Mailchimp",
            format!("data center {}", or_none(&api.data_center)),
        ),
        // The Analytics API's quota is the Cloud project's; a channel is its unit here.
        SourceKind::YoutubeAnalytics => (
            "YouTube Analytics",
            format!("channel {}", api.channel.as_deref().unwrap_or("MINE")),
        ),
        SourceKind::LinkedinAds => (
            "LinkedIn Ads",
            format!("ad account {}", linkedin_ads::account(api)),
        ),
        SourceKind::MicrosoftAds => (
            "Microsoft Ads",
            format!("account {}", or_none(&api.account_id).trim()),
        ),
        SourceKind::TiktokAds => (
            "TikTok Ads",
            format!("advertiser {}", or_none(&api.account_id).trim()),
        ),
        _ => {
            let host = api
                .url
                .as_deref()
                .and_then(|u| Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default();
            ("HTTP", format!("host {host}"))
        }
    };
    quota::BudgetKey {
        platform: platform.to_string(),
        scope,
    }
}

/// Requests in flight per budget unless `api.concurrency` says otherwise: GA4's documented
/// 10 concurrent requests of a standard property; Search Console's and Business Profile's
/// per-minute quotas and Meta's and Google Ads' per-account rate limits have no concurrency
/// figure, so 4.
/// <https://developers.google.com/analytics/devguides/reporting/data/v1/quotas>
pub fn default_concurrency(kind: SourceKind) -> usize {
    match kind {
        SourceKind::Ga4 => 10,
        _ => 4,
    }
}

fn default_settle_days(kind: SourceKind) -> u32 {
    match kind {
        // Google Ads revises conversions for days; Search Console lags 2–3 days.
        // Meta Ads attributes conversions to the day of the ad's impression, up to 7 days
        // later (the default attribution window); most arrive within 3.
        SourceKind::GoogleAds | SourceKind::SearchConsole | SourceKind::MetaAds => 3,
        SourceKind::Ga4 | SourceKind::Meta => 2,
        // Replies to reviews arrive later and change `reviews.responded`.
        SourceKind::GbpReviews => 7,
        // Business Profile answers a day's views and actions a few days late.
        SourceKind::GbpPerformance => 3,
        // An order's current total falls with refunds and edits, mostly within days.
        SourceKind::Shopify => 7,
        // A campaign's opens and clicks keep arriving for days after its send day.
        SourceKind::Mailchimp => 7,
        // YouTube Analytics processes a day's views two to three days later.
        SourceKind::YoutubeAnalytics => 3,
        // Conversions are attributed to the day of the click, up to 30 days (LinkedIn,
        // Microsoft) or 7 (TikTok) later; most arrive within 3.
        SourceKind::LinkedinAds | SourceKind::MicrosoftAds | SourceKind::TiktokAds => 3,
        _ => 1,
    }
}

/// Loads a live source for the needed ranges, from the cache or the API.
pub fn load(
    ws: &Workspace,
    fetcher: &Fetcher,
    config: &SourceConfig,
    needs: &Needs,
) -> Result<SourceData, SourceError> {
    let api = config
        .api
        .as_ref()
        .ok_or_else(|| SourceError::Live("the source has no `api` settings".into()))?;
    let settle = api
        .settle_days
        .unwrap_or_else(|| default_settle_days(config.kind));
    let unique = unique_fields(ws, config);
    let fingerprint = cache::fingerprint(config, &format!("{}|{unique:?}", needs.time_zone));
    // Ranges already read: a comparison overlapping the period is not counted twice.
    let mut covered: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut source: Option<Source> = None;
    let mut data: Option<SourceData> = None;
    for &(start, end) in &needs.ranges {
        let place = cache::place(
            &ws.cache_dir(),
            fetcher.shared_cache.get().map(|f| &**f),
            needs.client,
            config.id.as_str(),
            start,
            end,
        );
        let file = place.shown();
        let cached = cache::read(&place);
        let usable = cached
            .as_ref()
            .ok()
            .and_then(Option::as_ref)
            .is_some_and(|s| s.request == fingerprint);
        let from_cache = match needs.mode {
            DataMode::Offline => true,
            DataMode::Refresh => false,
            DataMode::Auto => {
                usable
                    && cached.as_ref().is_ok_and(|c| {
                        c.as_ref()
                            .is_some_and(|s| s.settled(needs.time_zone, settle))
                    })
            }
        };
        let snapshot = if from_cache {
            match (cached, usable) {
                (Err(e), _) => return Err(SourceError::Live(e)),
                (Ok(Some(s)), true) => s,
                (Ok(Some(_)), false) => {
                    return Err(SourceError::Live(format!(
                        "the cached data in {} was fetched with other settings (run without --offline to fetch again)",
                        display(ws, &file)
                    )));
                }
                (Ok(None), _) => {
                    return Err(SourceError::Live(format!(
                        "no cached data for {start} to {end} ({} not found; run without --offline to fetch)",
                        display(ws, &file)
                    )));
                }
            }
        } else {
            if source.is_none() {
                source = Some(connect(ws, fetcher, config, api, needs)?);
            }
            let s = source.as_ref().expect("connected above");
            let fetched = fetch(s, start, end).map_err(|e| match e.hold {
                Some(hold) => SourceError::Postponed(hold),
                None => SourceError::Fetch(e),
            })?;
            let snapshot =
                cache::Snapshot::new(config, start, end, needs.now, fingerprint.clone(), fetched);
            cache::write(&place, &snapshot).map_err(|source| SourceError::CacheWrite {
                file: file.clone(),
                source,
            })?;
            snapshot
        };
        let through = snapshot.settled_through(needs.time_zone, settle);
        let mut part = snapshot.map(config, &ws.catalog, &file, from_cache, &display(ws, &file))?;
        part.data_through = Some(through);
        part.drop_ranges(&covered);
        covered.push((start, end));
        data = Some(match data {
            None => part,
            Some(mut all) => {
                all.merge(part);
                all
            }
        });
    }
    Ok(data.unwrap_or_else(|| SourceData::new(config, Path::new(""))))
}

/// Whether a live source could be fetched: its secrets readable (nothing is sent; secrets
/// read join `redactor`).
pub fn check(ws: &Workspace, redactor: &Redactor, config: &SourceConfig) -> Result<(), String> {
    let api = config
        .api
        .as_ref()
        .ok_or("the source has no `api` settings")?;
    Auth::resolve(
        api.auth.as_ref(),
        &ws.root,
        redactor,
        &auth::Platform::default(),
    )?;
    if let Some(token) = &api.developer_token {
        secrets::resolve(token, &ws.root, redactor).map_err(|e| crate::error_chain(&e))?;
    }
    Ok(())
}

fn display(ws: &Workspace, file: &Path) -> String {
    file.strip_prefix(&ws.root)
        .unwrap_or(file)
        .display()
        .to_string()
}

/// Reads the source's secrets and readies its HTTP client.
fn connect<'a>(
    ws: &'a Workspace,
    fetcher: &'a Fetcher,
    config: &'a SourceConfig,
    api: &'a ApiConfig,
    needs: &Needs,
) -> Result<Source<'a>, SourceError> {
    let consent = oauth::OAuthPlatform::of_kind(config.kind);
    let platform = auth::Platform {
        token_param: matches!(config.kind, SourceKind::Meta | SourceKind::MetaAds)
            .then_some("access_token"),
        token_header: (config.kind == SourceKind::TiktokAds).then_some("Access-Token"),
        token_url: consent
            .filter(|p| *p != oauth::OAuthPlatform::Google)
            .map(|p| p.token_url()),
        scope: (consent == Some(oauth::OAuthPlatform::Microsoft))
            .then(|| oauth::OAuthPlatform::Microsoft.scopes(&[]).join(" ")),
    };
    let auth = Auth::resolve(api.auth.as_ref(), &ws.root, &fetcher.redactor, &platform)
        .map_err(SourceError::Live)?;
    // Shopify takes its access token in a header of its own.
    let auth = match (config.kind, auth) {
        (SourceKind::Shopify, Auth::Bearer(token)) => Auth::ApiKey {
            name: shopify::TOKEN_HEADER.into(),
            placement: crate::config::api::KeyPlacement::Header,
            value: token,
        },
        (_, auth) => auth,
    };
    Ok(Source {
        root: &ws.root,
        config,
        api,
        time_zone: needs.time_zone,
        now: needs.now,
        unique_fields: unique_fields(ws, config),
        auth,
        http: fetcher.http()?,
        fetcher,
        policy: Policy {
            timeout: Duration::from_secs(api.timeout_seconds.unwrap_or(30)),
            retries: api.retries.unwrap_or(4),
            backoff: Duration::from_millis(500),
        },
    })
}

/// API fields whose metrics are unique counts, which the platform should total itself.
fn unique_fields(ws: &Workspace, config: &SourceConfig) -> Vec<String> {
    config
        .columns
        .iter()
        .filter(|(_, metric)| {
            ws.catalog.get(&metric.value).is_some_and(|m| {
                matches!(
                    m.aggregation,
                    crate::metrics::catalog::Aggregation::SumOfDailyUniques
                )
            })
        })
        .map(|(field, _)| field.clone())
        .collect()
}

fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    match s.config.kind {
        SourceKind::Http => generic::fetch(s, start, end),
        SourceKind::Ga4 => ga4::fetch(s, start, end),
        SourceKind::GoogleAds => google_ads::fetch(s, start, end),
        SourceKind::Meta => meta::fetch(s, start, end),
        SourceKind::MetaAds => meta_ads::fetch(s, start, end),
        SourceKind::SearchConsole => search_console::fetch(s, start, end),
        SourceKind::GbpReviews => gbp::fetch(s, start, end),
        SourceKind::GbpPerformance => gbp_performance::fetch(s, start, end),
        SourceKind::Shopify => shopify::fetch(s, start, end),
        SourceKind::Mailchimp => mailchimp::fetch(s, start, end),
        SourceKind::YoutubeAnalytics => youtube_analytics::fetch(s, start, end),
        SourceKind::LinkedinAds => linkedin_ads::fetch(s, start, end),
        SourceKind::MicrosoftAds => microsoft_ads::fetch(s, start, end),
        SourceKind::TiktokAds => tiktok_ads::fetch(s, start, end),
        SourceKind::Csv | SourceKind::Json => unreachable!("file sources are not fetched"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_are_plain_decimals_and_averages_are_known() {
        assert_eq!(amount(&json!("12.34")), Some(12.34));
        assert_eq!(amount(&json!("-0.5")), Some(-0.5));
        assert_eq!(amount(&json!(7)), Some(7.0));
        for bad in ["NaN", "inf", "1e9", "12,34", "", ".5", "5.", "--"] {
            assert_eq!(amount(&json!(bad)), None, "{bad}");
        }
        for average in [
            "ctr",
            "AverageCpc",
            "ConversionRate",
            "conversion_rate",
            "cost_per_conversion",
            "ImpressionSharePercent",
            "ReturnOnAdSpend",
        ] {
            assert!(is_average(average), "{average}");
        }
        for sum in [
            "costInLocalCurrency",
            "approximateMemberReach",
            "Spend",
            "conversion",
            "externalWebsiteConversions",
            "shares",
        ] {
            assert!(!is_average(sum), "{sum}");
        }
    }
}
