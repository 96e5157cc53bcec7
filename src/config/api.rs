//! Settings of live sources: where the API is, how to authenticate, how to page, and how long
//! its data takes to settle. `docs/sources.md` documents each field with examples.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// The error for a secret written inline; messages with it never quote the file's line.
pub const INLINE_SECRET: &str =
    "secrets are never written in the workspace file: expected `{env: VARIABLE}` or `{file: path}`";

/// Where a secret comes from. Secrets are never written inline in the workspace file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SecretRef {
    /// The name of an environment variable.
    Env(String),
    /// A file (relative to the workspace file) whose content, trimmed, is the secret.
    File(PathBuf),
}

impl<'de> Deserialize<'de> for SecretRef {
    /// `{env: NAME}` or `{file: path}`. Anything else is refused without quoting it: it may be
    /// the secret itself, pasted in.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Reference {
            env: Option<String>,
            file: Option<PathBuf>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Reference(Reference),
            Other(serde::de::IgnoredAny),
        }
        use serde::de::Error;
        match Form::deserialize(d)? {
            Form::Reference(Reference {
                env: Some(name),
                file: None,
            }) => Ok(SecretRef::Env(name)),
            Form::Reference(Reference {
                env: None,
                file: Some(path),
            }) => Ok(SecretRef::File(path)),
            Form::Reference(_) => Err(D::Error::custom(
                "expected exactly one of `env: VARIABLE` or `file: path`",
            )),
            Form::Other(_) => Err(D::Error::custom(INLINE_SECRET)),
        }
    }
}

/// How requests authenticate.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum AuthConfig {
    /// `Authorization: Bearer <token>`.
    Bearer(SecretRef),
    /// A key sent as a query parameter or a header.
    ApiKey(ApiKeyConfig),
    /// Google's OAuth 2.0 refresh-token flow: an access token is obtained from the token
    /// endpoint, reused until it expires, and refreshed once on a 401.
    GoogleOauth(GoogleOauthConfig),
    /// HTTP Basic authentication (RFC 7617), as Mailchimp takes API keys.
    Basic(BasicConfig),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicConfig {
    /// Default `execreport` (Mailchimp reads only the password, its API key).
    #[serde(default)]
    pub username: Option<String>,
    pub password: SecretRef,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiKeyConfig {
    /// Parameter or header name, e.g. `key` or `X-API-Key`.
    pub name: String,
    #[serde(default, rename = "in")]
    pub placement: KeyPlacement,
    pub value: SecretRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyPlacement {
    #[default]
    Query,
    Header,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoogleOauthConfig {
    pub client_id: SecretRef,
    pub client_secret: SecretRef,
    pub refresh_token: SecretRef,
    /// Default `https://oauth2.googleapis.com/token`.
    #[serde(default)]
    pub token_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    #[default]
    Get,
    Post,
}

/// How a generic `http` source asks for the next page.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Pagination {
    /// The response holds a token (at a JSON pointer) sent back as a query parameter.
    NextToken { field: String, param: String },
    /// The response holds the whole next URL (at a JSON pointer), as Meta's `paging.next`.
    NextUrl { field: String },
    /// RFC 8288 `Link: <…>; rel="next"` header.
    LinkHeader,
    /// `offset`/`limit` query parameters; stops at a page shorter than `limit`.
    Offset {
        param: String,
        limit_param: String,
        limit: u32,
    },
}

/// How Meta's insights give a metric: a value per day, or one total over the range asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricType {
    #[default]
    TimeSeries,
    TotalValue,
}

/// The Marketing API's `level` of insights rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InsightsLevel {
    #[default]
    Account,
    /// One row per campaign, its `campaign_name` as the `campaign` dimension.
    Campaign,
}

/// The live part of a source: everything about fetching.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApiConfig {
    /// Platform sources: the API's base URL (default: the platform's own), for proxies and tests.
    #[serde(default)]
    pub base_url: Option<String>,
    /// `http` sources: the URL, with `{{ start }}`/`{{ end }}` placeholders.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub method: HttpMethod,
    /// Extra headers (values may use placeholders; secrets belong in `auth`).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Query parameters (values may use placeholders).
    #[serde(default)]
    pub query: BTreeMap<String, String>,
    /// JSON body of a POST (strings may use placeholders).
    #[serde(default)]
    pub body: Option<serde_json::Value>,
    #[serde(default)]
    pub pagination: Option<Pagination>,
    #[serde(default)]
    pub auth: Option<AuthConfig>,
    /// Days after which a day's numbers are final and served from the cache; default per kind.
    #[serde(default)]
    pub settle_days: Option<u32>,
    /// Whole-request timeout in seconds (default 30; connecting: 10).
    #[serde(default)]
    pub timeout_seconds: Option<u64>,
    /// Retries after a timeout, a 5xx or a 429 (default 4).
    #[serde(default)]
    pub retries: Option<u32>,
    /// Requests in flight at once to the source's budget (its GA4 property, ad account, site,
    /// host); default: 10 for GA4, 4 otherwise.
    #[serde(default)]
    pub concurrency: Option<u32>,
    /// Rows per page where the API pages by offset (GA4, Search Console).
    #[serde(default)]
    pub page_size: Option<u32>,
    /// Google Ads, Meta and Shopify: the API version in the URL (default `v26`, `v25.0` and
    /// `2026-10`).
    #[serde(default)]
    pub api_version: Option<String>,
    /// GA4: the property id (`123456789`).
    #[serde(default)]
    pub property: Option<String>,
    /// Google Ads: the customer id (digits, dashes allowed).
    #[serde(default)]
    pub customer_id: Option<String>,
    /// Google Ads: the manager account the request goes through.
    #[serde(default)]
    pub login_customer_id: Option<String>,
    /// Google Ads: the developer token.
    #[serde(default)]
    pub developer_token: Option<SecretRef>,
    /// Google Ads: the GAQL resource queried (default `campaign`).
    #[serde(default)]
    pub resource: Option<String>,
    /// Meta: the Page or Instagram account id; Meta Ads: the ad account id (`act_123…` or
    /// `123…`).
    #[serde(default)]
    pub object_id: Option<String>,
    /// Meta: the zone of `end_time` day boundaries (default `America/Los_Angeles`).
    #[serde(default)]
    pub insights_time_zone: Option<super::TimeZone>,
    /// Meta: `total_value` for Instagram metrics Meta gives only as a total over the range
    /// asked (`views`, `accounts_engaged`, `total_interactions`): each day is asked for alone.
    #[serde(default)]
    pub metric_type: MetricType,
    /// Meta Ads: one row per day for the account, or per campaign and day.
    #[serde(default)]
    pub level: InsightsLevel,
    /// Meta Ads: the `actions` types counted as conversions (and their `action_values` as
    /// conversion value); default `[purchase]`.
    #[serde(default)]
    pub conversion_action_types: Option<Vec<String>>,
    /// Search Console: the property, `https://example.com/` or `sc-domain:example.com`.
    #[serde(default)]
    pub site_url: Option<String>,
    /// Google Business Profile: `accounts/{account}/locations/{location}` (reviews);
    /// `locations/{location}` or the bare id also do for performance.
    #[serde(default)]
    pub location: Option<String>,
    /// Shopify: the shop's `*.myshopify.com` domain (or its name alone).
    #[serde(default)]
    pub shop: Option<String>,
    /// Mailchimp: the account's data center, the end of its API key (`us6`).
    #[serde(default)]
    pub data_center: Option<String>,
    /// YouTube Analytics: the channel id (`UC…`); default `MINE`, the authorizing account's.
    #[serde(default)]
    pub channel: Option<String>,
    /// LinkedIn Ads: the ad account id (`507404993` or `urn:li:sponsoredAccount:507404993`);
    /// Microsoft Ads: the account id (with `customer_id`, its customer); TikTok Ads: the
    /// advertiser id.
    #[serde(default)]
    pub account_id: Option<String>,
}

/// The listing id of a Business Profile location: `locations/123`, `123`, or the v4 form
/// `accounts/1/locations/123` that reviews use.
pub fn location_id(location: &str) -> Option<&str> {
    let parts: Vec<&str> = location.trim().trim_matches('/').split('/').collect();
    match parts[..] {
        [id] | ["locations", id] | ["accounts", _, "locations", id]
            if !id.is_empty() && id != "locations" =>
        {
            Some(id)
        }
        _ => None,
    }
}

/// A Shopify shop's Admin API host: `name.myshopify.com` (from `name` or the full domain,
/// with or without `https://`), or `None` when it is not such a name.
pub fn shop_domain(shop: &str) -> Option<String> {
    let shop = shop.trim().to_ascii_lowercase();
    let shop = shop.strip_prefix("https://").unwrap_or(&shop);
    let shop = shop.trim_end_matches('/');
    let name = shop.strip_suffix(".myshopify.com").unwrap_or(shop);
    let valid = !name.is_empty()
        && name.len() <= 63
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| format!("{name}.myshopify.com"))
}

/// The `{{ name }}` placeholders of a live source's `url`, `query`, `headers` and `body`.
pub const PLACEHOLDERS: [&str; 5] = [
    "start",
    "end",
    "start_compact",
    "end_compact",
    "end_exclusive",
];

impl ApiConfig {
    /// Each templated setting whose placeholders are not closed or not known: (field, message).
    /// Checked when the workspace loads, rather than at the first fetch.
    pub fn placeholder_problems(&self) -> Vec<(String, String)> {
        let mut texts: Vec<(String, &str)> = Vec::new();
        if let Some(url) = &self.url {
            texts.push(("url".into(), url));
        }
        for (kind, map) in [("query", &self.query), ("headers", &self.headers)] {
            texts.extend(map.iter().map(|(k, v)| (format!("{kind}.{k}"), v.as_str())));
        }
        fn strings<'a>(v: &'a serde_json::Value, at: String, out: &mut Vec<(String, &'a str)>) {
            match v {
                serde_json::Value::String(s) => out.push((at, s)),
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        strings(item, format!("{at}[{i}]"), out);
                    }
                }
                serde_json::Value::Object(map) => {
                    for (k, item) in map {
                        strings(item, format!("{at}.{k}"), out);
                    }
                }
                _ => {}
            }
        }
        if let Some(body) = &self.body {
            strings(body, "body".into(), &mut texts);
        }
        texts
            .into_iter()
            .filter_map(|(field, text)| check_placeholders(text).err().map(|e| (field, e)))
            .collect()
    }
}

/// Every `{{ name }}` in `text` is closed and one of [`PLACEHOLDERS`].
pub fn check_placeholders(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}") else {
            return Err(format!(
                "unclosed placeholder in {text:?}: expected {{{{ start }}}}"
            ));
        };
        let name = rest[open + 2..open + close].trim();
        if !PLACEHOLDERS.contains(&name) {
            return Err(format!(
                "unknown placeholder {{{{ {name} }}}} in {text:?}: expected one of {}",
                PLACEHOLDERS.join(", ")
            ));
        }
        rest = &rest[open + close + 2..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_ids_in_every_documented_form() {
        assert_eq!(location_id("locations/12345"), Some("12345"));
        assert_eq!(location_id("12345"), Some("12345"));
        assert_eq!(location_id("accounts/1/locations/12345"), Some("12345"));
        assert_eq!(location_id("/locations/12345/"), Some("12345"));
        assert_eq!(location_id("locations/"), None);
        assert_eq!(location_id(""), None);
        assert_eq!(location_id("accounts/1"), None);
    }

    #[test]
    fn shop_domains_in_every_written_form() {
        for shop in [
            "trattoria",
            "Trattoria.myshopify.com",
            "https://trattoria.myshopify.com/",
        ] {
            assert_eq!(
                shop_domain(shop).as_deref(),
                Some("trattoria.myshopify.com")
            );
        }
        for bad in [
            "",
            "shop.example.com",
            "evil.com/x",
            "a b",
            "-x",
            "x.myshopify.com:8080",
        ] {
            assert_eq!(shop_domain(bad), None, "{bad}");
        }
    }
}
