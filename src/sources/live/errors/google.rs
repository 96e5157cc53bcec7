//! Google's errors: a `google.rpc.Status` under `error` (GA4, Search Console, Business
//! Profile, Google Ads), or a JSON array of them (Google Ads `searchStream`), with typed
//! `details`:
//! - `google.rpc.RetryInfo` `retryDelay` ("2.500s"): how long to wait;
//! - `google.rpc.QuotaFailure` `violations[{subject, description}]`: which quota;
//! - `google.rpc.ErrorInfo` `reason` and `metadata.quota_metric`/`quota_limit`;
//! - `google.ads.googleads.vN.errors.GoogleAdsFailure` `errors[{errorCode, message,
//!   location.fieldPathElements[{fieldName, index}], details.quotaErrorDetails}]`.
//!
//! <https://cloud.google.com/apis/design/errors#error_model>
//! <https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto>
//! <https://developers.google.com/google-ads/api/docs/best-practices/error-types>

use std::time::Duration;

use serde_json::Value;

use super::{ApiError, clip};

/// The error of a Google answer, if it is one.
pub fn read(v: &Value) -> Option<ApiError> {
    let v = match v {
        Value::Array(items) => items.iter().find(|i| i.get("error").is_some())?,
        other => other,
    };
    let error = v.get("error")?;
    let is_google = error.get("status").is_some_and(Value::is_string)
        || error.get("details").is_some_and(Value::is_array);
    if !is_google {
        return None;
    }
    let status = error.get("status").and_then(Value::as_str).unwrap_or("");
    let mut parts: Vec<String> = Vec::new();
    let mut retry_after = None;
    let mut quota = None;
    let mut throttled = status == "RESOURCE_EXHAUSTED";
    let details = error
        .get("details")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for d in details {
        let kind = d.get("@type").and_then(Value::as_str).unwrap_or("");
        let kind = kind.rsplit('/').next().unwrap_or(kind);
        if let Some(delay) = d.get("retryDelay").and_then(duration) {
            retry_after = retry_after.max(Some(delay));
        }
        if kind == "google.rpc.QuotaFailure" {
            for violation in array(d, "violations") {
                let text = [
                    str_of(violation, "subject"),
                    str_of(violation, "description"),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(": ");
                if !text.is_empty() {
                    quota.get_or_insert_with(|| text.clone());
                    parts.push(format!("quota {text}"));
                }
            }
        } else if kind == "google.rpc.ErrorInfo" {
            let reason = str_of(d, "reason").unwrap_or_default();
            let metadata = d.get("metadata");
            let meta = |k: &str| metadata.and_then(|m| str_of(m, k));
            if let Some(metric) = meta("quota_metric").or(meta("quota_limit")) {
                quota.get_or_insert_with(|| metric.to_string());
                parts.push(format!("{reason} ({metric})"));
            } else if !reason.is_empty() {
                parts.push(reason.to_string());
            }
            throttled |= matches!(reason, "RATE_LIMIT_EXCEEDED" | "RESOURCE_EXHAUSTED");
        } else if kind.ends_with(".GoogleAdsFailure") {
            for e in array(d, "errors") {
                parts.push(ads_error(e));
                let code = e.get("errorCode");
                throttled |= code.is_some_and(|c| c.get("quotaError").is_some());
                if let Some(q) = e.pointer("/details/quotaErrorDetails") {
                    if let Some(delay) = q.get("retryDelay").and_then(duration) {
                        retry_after = retry_after.max(Some(delay));
                    }
                    if let Some(name) = str_of(q, "rateName") {
                        quota.get_or_insert_with(|| name.to_string());
                    }
                }
            }
        }
    }
    let mut message = clip(str_of(error, "message").unwrap_or(status));
    for part in parts {
        if !message.contains(&part) {
            message.push_str(&format!("; {}", clip(&part)));
        }
    }
    Some(ApiError {
        message,
        throttled,
        retry_after,
        quota,
    })
}

/// One `GoogleAdsError`: its message, the field it is about and its code
/// ("Unrecognized field in the query: 'metrics.click'. (field query; queryError
/// UNRECOGNIZED_FIELD)").
fn ads_error(e: &Value) -> String {
    let message = str_of(e, "message").unwrap_or("error");
    let path: Vec<String> = e
        .pointer("/location/fieldPathElements")
        .and_then(Value::as_array)
        .map(|elements| {
            elements
                .iter()
                .filter_map(|p| {
                    let name = str_of(p, "fieldName")?;
                    Some(match p.get("index").and_then(Value::as_u64) {
                        Some(i) => format!("{name}[{i}]"),
                        None => name.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let code = e
        .get("errorCode")
        .and_then(Value::as_object)
        .and_then(|c| c.iter().next())
        .map(|(k, v)| format!("{k} {}", v.as_str().unwrap_or_default()));
    let mut notes = Vec::new();
    if !path.is_empty() {
        notes.push(format!("field {}", path.join(".")));
    }
    notes.extend(code);
    if notes.is_empty() {
        message.to_string()
    } else {
        format!("{message} ({})", notes.join("; "))
    }
}

/// A protobuf `Duration` in JSON: "2.500s".
fn duration(v: &Value) -> Option<Duration> {
    let seconds: f64 = v.as_str()?.trim().strip_suffix('s')?.parse().ok()?;
    Duration::try_from_secs_f64(seconds).ok()
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_stream_array_gives_the_failure_field_and_the_retry_delay() {
        let body = json!([{"error": {
            "code": 429, "message": "Resource has been exhausted (e.g. check quota).",
            "status": "RESOURCE_EXHAUSTED",
            "details": [
                {"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                 "errors": [{"errorCode": {"quotaError": "RESOURCE_TEMPORARILY_EXHAUSTED"},
                   "message": "Too many requests. Retry in 2.5 seconds.",
                   "details": {"quotaErrorDetails": {"rateScope": "DEVELOPER",
                     "rateName": "Number of operations for basic access", "retryDelay": "2.500s"}}}],
                 "requestId": "x1"},
                {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2.500s"}]}}]);
        let e = read(&body).unwrap();
        assert!(e.throttled);
        assert_eq!(e.retry_after, Some(Duration::from_millis(2500)));
        assert_eq!(
            e.quota.as_deref(),
            Some("Number of operations for basic access")
        );
        let query = json!([{"error": {"code": 400, "message": "Request contains an invalid argument.",
            "status": "INVALID_ARGUMENT", "details": [{
              "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
              "errors": [{"errorCode": {"queryError": "UNRECOGNIZED_FIELD"},
                "message": "Unrecognized field in the query: 'metrics.click'.",
                "location": {"fieldPathElements": [{"fieldName": "query"}]}}]}]}}]);
        let e = read(&query).unwrap();
        assert!(!e.throttled);
        assert_eq!(
            e.message,
            "Request contains an invalid argument.; Unrecognized field in the query: 'metrics.click'. (field query; queryError UNRECOGNIZED_FIELD)"
        );
    }

    #[test]
    fn quota_failure_and_error_info_name_the_quota() {
        let body = json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
            "message": "Quota exceeded for quota metric 'Requests' of service 'searchconsole.googleapis.com'.",
            "details": [
              {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
               "domain": "googleapis.com", "metadata": {"quota_metric": "searchconsole.googleapis.com/requests",
               "quota_limit": "RequestsPerMinutePerUser"}},
              {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [
                {"subject": "project:42", "description": "per-site requests per minute"}]}]}});
        let e = read(&body).unwrap();
        assert!(e.throttled);
        assert_eq!(e.retry_after, None);
        assert!(
            e.message
                .contains("RATE_LIMIT_EXCEEDED (searchconsole.googleapis.com/requests)"),
            "{}",
            e.message
        );
        assert!(
            e.message
                .contains("quota project:42: per-site requests per minute"),
            "{}",
            e.message
        );
        assert!(
            read(&json!({"error": {"code": 100, "type": "OAuthException", "message": "x"}}))
                .is_none()
        );
    }
}
