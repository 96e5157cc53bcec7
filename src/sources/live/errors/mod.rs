//! Each platform's error answers read fully, one module per platform: what went wrong in the
//! platform's own words (the field, the quota), whether it is a throttle, and how long the
//! platform asks to wait. The HTTP layer retries and paces from this; the operator reads
//! `message`; a client's report never shows it (only the localized "unavailable" sentence).

pub mod ads;
pub mod google;
pub mod meta;
pub mod problem;
pub mod tiktok;

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde_json::Value;

/// A non-2xx answer, read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApiError {
    /// The platform's words, with the details that name the problem (field path, quota).
    pub message: String,
    /// A rate limit or quota: worth waiting for, never a reason to give up on the data.
    pub throttled: bool,
    /// How long the platform asks to wait (`Retry-After`, `RetryInfo`, Meta's usage headers).
    pub retry_after: Option<Duration>,
    /// The quota the platform named, for the batch summary ("hourly quota").
    pub quota: Option<String>,
}

/// Reads an error answer in whichever platform's format it is.
pub fn read(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiError {
    let parsed: Option<Value> = serde_json::from_slice(body).ok();
    let mut error = parsed
        .as_ref()
        .and_then(|v| {
            google::read(v)
                .or_else(|| meta::read(v, headers))
                .or_else(|| problem::read(v))
                .or_else(|| tiktok::read(v))
                .or_else(|| ads::read(v))
        })
        .unwrap_or_else(|| ApiError {
            message: plain_message(
                parsed.as_ref().map(|v| match v {
                    Value::Array(items) => items.first().unwrap_or(v),
                    other => other,
                }),
                body,
            ),
            ..ApiError::default()
        });
    error.throttled |= status == StatusCode::TOO_MANY_REQUESTS;
    // The header wins: it is the server's own instruction for this answer.
    if let Some(wait) = retry_after(headers) {
        error.retry_after = Some(wait);
    }
    error
}

/// The API's own words from an error body: Google's and Meta's `error.message` (with the
/// details each adds), OAuth's `error_description`, or the start of the body as text.
pub fn api_message(body: &[u8]) -> String {
    read(StatusCode::BAD_REQUEST, &HeaderMap::new(), body).message
}

/// OAuth's `error_description`, a generic `message` or `error`, or the body as text.
fn plain_message(parsed: Option<&Value>, body: &[u8]) -> String {
    let text = parsed.and_then(|v| {
        v.get("error_description")
            .or_else(|| v.get("error").filter(|e| e.is_string()))
            .or_else(|| v.get("error").and_then(|e| e.get("message")))
            .or_else(|| v.get("message"))
            // Shopify: `{"errors": "[API] Invalid API key or access token …"}` or GraphQL's
            // `{"errors": [{"message": …}]}`.
            .or_else(|| v.get("errors").filter(|e| e.is_string()))
            .or_else(|| v.pointer("/errors/0/message"))
            .and_then(|m| m.as_str().map(str::to_string))
    });
    let text = text.unwrap_or_else(|| String::from_utf8_lossy(body).trim().to_string());
    clip(&text)
}

/// At most 300 characters of the platform's text, never empty.
pub(crate) fn clip(text: &str) -> String {
    let text: String = text.chars().take(300).collect();
    if text.is_empty() {
        "(empty response)".into()
    } else {
        text
    }
}

/// `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = at.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn retry_after_takes_seconds_and_http_dates() {
        assert_eq!(
            retry_after(&headers(&[("retry-after", "7")])),
            Some(Duration::from_secs(7))
        );
        let at = (chrono::Utc::now() + chrono::Duration::seconds(90)).to_rfc2822();
        let wait = retry_after(&headers(&[("retry-after", &at)])).unwrap();
        assert!(wait > Duration::from_secs(80) && wait <= Duration::from_secs(90));
        let past = "Wed, 21 Oct 2015 07:28:00 GMT";
        assert_eq!(
            retry_after(&headers(&[("retry-after", past)])),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")])), None);
    }

    #[test]
    fn generic_bodies_give_their_words() {
        assert_eq!(
            api_message(br#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#),
            "Token has been expired or revoked."
        );
        assert_eq!(api_message(br#"{"message":"bad API key"}"#), "bad API key");
        assert_eq!(api_message(b"  "), "(empty response)");
        let e = read(
            StatusCode::TOO_MANY_REQUESTS,
            &headers(&[("retry-after", "3")]),
            b"slow down",
        );
        assert!(e.throttled);
        assert_eq!(e.retry_after, Some(Duration::from_secs(3)));
        assert_eq!(e.message, "slow down");
    }
}
