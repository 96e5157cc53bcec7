//! Meta's errors and usage headers (Graph API and Marketing API).
//!
//! An error is `{"error": {message, type, code, error_subcode, is_transient, fbtrace_id}}`;
//! throttling comes as 400/403 with a code: 4 (app), 17 (user), 32 (page), 613 (custom rate),
//! 80000–80014 (business use cases), or `is_transient: true`.
//! <https://developers.facebook.com/docs/graph-api/guides/error-handling>
//!
//! Every answer may carry the usage so far, in percent of the limit:
//! - `X-App-Usage: {"call_count": 28, "total_time": 25, "total_cputime": 25}`;
//! - `X-Business-Use-Case-Usage: {"<business id>": [{"type": "ads_insights", "call_count": 95,
//!   "total_cputime": 20, "total_time": 30, "estimated_time_to_regain_access": 0}]}` (minutes);
//! - `X-Ad-Account-Usage: {"acc_id_util_pct": 9.67, "reset_time_duration": 0}` (seconds).
//!
//! <https://developers.facebook.com/docs/graph-api/overview/rate-limiting>
//! <https://developers.facebook.com/docs/marketing-api/overview/rate-limiting>

use std::time::Duration;

use reqwest::header::HeaderMap;
use serde_json::Value;

use super::{ApiError, clip};

/// The error of a Meta answer, if it is one.
pub fn read(v: &Value, headers: &HeaderMap) -> Option<ApiError> {
    let error = v.get("error")?;
    let is_meta = ["type", "fbtrace_id", "error_subcode", "is_transient"]
        .iter()
        .any(|k| error.get(k).is_some());
    if !is_meta {
        return None;
    }
    let code = error.get("code").and_then(Value::as_u64);
    let transient = error.get("is_transient").and_then(Value::as_bool) == Some(true);
    let mut message = clip(
        error
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("error"),
    );
    let mut said = Vec::new();
    if let Some(code) = code {
        said.push(format!("Meta error {code}"));
    }
    if let Some(sub) = error.get("error_subcode").and_then(Value::as_u64) {
        said.push(format!("subcode {sub}"));
    }
    if let Some(trace) = error.get("fbtrace_id").and_then(Value::as_str) {
        said.push(format!("fbtrace_id {trace}"));
    }
    if !said.is_empty() {
        message.push_str(&format!(" ({})", said.join(", ")));
    }
    if code == Some(190) {
        message.push_str(": the Meta access token is invalid or has expired; create a new one (a system user's token does not expire) and put it where the source's `auth` reads it");
    }
    let throttled = transient || matches!(code, Some(4 | 17 | 32 | 613 | 80000..=80014));
    let worst = usage(headers)
        .into_iter()
        .max_by(|a, b| a.percent.total_cmp(&b.percent));
    Some(ApiError {
        message,
        throttled,
        retry_after: worst.as_ref().and_then(|u| u.regain),
        quota: throttled.then(|| {
            worst.map_or_else(
                || format!("rate limit (code {})", code.unwrap_or_default()),
                |u| u.name,
            )
        }),
    })
}

/// One usage figure from Meta's headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// "app", "business 1234 ads_insights", "ad account".
    pub name: String,
    /// The highest of its percentages (calls, CPU time, total time).
    pub percent: f64,
    /// When Meta says access returns, if it is blocked.
    pub regain: Option<Duration>,
}

/// Every usage figure an answer carries (none when it has no usage headers).
pub fn usage(headers: &HeaderMap) -> Vec<Usage> {
    let json = |name: &str| -> Option<Value> {
        serde_json::from_str(headers.get(name)?.to_str().ok()?).ok()
    };
    let mut out = Vec::new();
    let percent = |v: &Value, keys: &[&str]| -> f64 {
        keys.iter()
            .filter_map(|k| v.get(*k).and_then(number))
            .fold(0.0, f64::max)
    };
    const KEYS: [&str; 3] = ["call_count", "total_time", "total_cputime"];
    if let Some(app) = json("x-app-usage") {
        out.push(Usage {
            name: "app".into(),
            percent: percent(&app, &KEYS),
            regain: None,
        });
    }
    if let Some(Value::Object(businesses)) = json("x-business-use-case-usage") {
        for (id, cases) in businesses {
            for case in cases.as_array().map_or(&[][..], Vec::as_slice) {
                let kind = case.get("type").and_then(Value::as_str).unwrap_or("");
                let minutes = case
                    .get("estimated_time_to_regain_access")
                    .and_then(number)
                    .unwrap_or(0.0);
                out.push(Usage {
                    name: format!("business {id} {kind}").trim_end().to_string(),
                    percent: percent(case, &KEYS),
                    regain: (minutes > 0.0).then(|| Duration::from_secs_f64(minutes * 60.0)),
                });
            }
        }
    }
    if let Some(account) = json("x-ad-account-usage") {
        let reset = account
            .get("reset_time_duration")
            .and_then(number)
            .unwrap_or(0.0);
        let percent = percent(&account, &["acc_id_util_pct"]);
        out.push(Usage {
            name: "ad account".into(),
            percent,
            regain: (reset > 0.0 && percent >= 100.0).then(|| Duration::from_secs_f64(reset)),
        });
    }
    out
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite() && *n >= 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_subcodes_and_usage_are_read() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-business-use-case-usage",
            r#"{"1122":[{"type":"pages","call_count":101,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":3}]}"#
                .parse()
                .unwrap(),
        );
        h.insert(
            "x-app-usage",
            r#"{"call_count":28,"total_time":95,"total_cputime":25}"#
                .parse()
                .unwrap(),
        );
        let body: Value = serde_json::from_str(
            r#"{"error":{"message":"(#80001) There have been too many calls to this Page account.","type":"OAuthException","code":80001,"error_subcode":2446079,"is_transient":true,"fbtrace_id":"Abc"}}"#,
        )
        .unwrap();
        let e = read(&body, &h).unwrap();
        assert!(e.throttled);
        assert_eq!(e.retry_after, Some(Duration::from_secs(180)));
        assert_eq!(e.quota.as_deref(), Some("business 1122 pages"));
        assert!(
            e.message
                .ends_with("(Meta error 80001, subcode 2446079, fbtrace_id Abc)")
        );
        let u = usage(&h);
        assert_eq!(u.len(), 2);
        assert!(u.iter().any(|u| u.name == "app" && u.percent == 95.0));
        let expired: Value = serde_json::from_str(
            r#"{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463}}"#,
        )
        .unwrap();
        let e = read(&expired, &HeaderMap::new()).unwrap();
        assert!(!e.throttled);
        assert!(
            e.message
                .contains("(Meta error 190, subcode 463): the Meta access token")
        );
    }
}
