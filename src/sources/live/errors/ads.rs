//! LinkedIn's and Microsoft Advertising's error bodies.
//!
//! LinkedIn (Rest.li): `{"status": 401, "serviceErrorCode": 65601, "code":
//! "REVOKED_ACCESS_TOKEN", "message": "..."}`; throttling is HTTP 429.
//! <https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling>
//!
//! Microsoft Advertising REST: `{"TrackingId": "...", "Type": "ApplicationFault", "Errors":
//! [{"Code": 117, "ErrorCode": "CallRateExceeded", "Message": "..."}]}`; 117 is the call
//! rate limit, 105/106/109 refused credentials.
//! <https://learn.microsoft.com/en-us/advertising/guides/operation-error-codes>

use serde_json::Value;

use super::{ApiError, clip};

/// Microsoft Advertising codes of a throttle.
const MICROSOFT_THROTTLE: [&str; 2] = ["CallRateExceeded", "ConcurrentRequestOverLimit"];

pub fn read(v: &Value) -> Option<ApiError> {
    linkedin(v).or_else(|| microsoft(v))
}

fn linkedin(v: &Value) -> Option<ApiError> {
    let service = v.get("serviceErrorCode")?.as_i64()?;
    let message = v.get("message").and_then(Value::as_str).unwrap_or("error");
    let code = v.get("code").and_then(Value::as_str).unwrap_or_default();
    let status = v.get("status").and_then(Value::as_u64);
    let throttled = status == Some(429);
    Some(ApiError {
        message: format!(
            "{} (LinkedIn serviceErrorCode {service}{})",
            clip(message),
            if code.is_empty() {
                String::new()
            } else {
                format!(", {}", clip(code))
            }
        ),
        throttled,
        retry_after: None,
        quota: throttled.then(|| "LinkedIn application or member daily limit".into()),
    })
}

fn microsoft(v: &Value) -> Option<ApiError> {
    let tracking = v.get("TrackingId").and_then(Value::as_str);
    let errors = ["Errors", "OperationErrors", "BatchErrors"]
        .iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_array))
        .flatten()
        .collect::<Vec<_>>();
    if tracking.is_none() && errors.is_empty() {
        return None;
    }
    let mut throttled = false;
    let mut said: Vec<String> = errors
        .iter()
        .take(3)
        .map(|e| {
            let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default();
            let code = e.get("Code").and_then(Value::as_i64).unwrap_or_default();
            throttled |= MICROSOFT_THROTTLE.contains(&text("ErrorCode")) || code == 117;
            format!("{} ({} {code})", clip(text("Message")), text("ErrorCode"))
        })
        .collect();
    if said.is_empty() {
        said.push(clip(
            v.get("Message").and_then(Value::as_str).unwrap_or("error"),
        ));
    }
    let mut message = said.join("; ");
    if let Some(id) = tracking {
        message.push_str(&format!(" (Microsoft TrackingId {})", clip(id)));
    }
    Some(ApiError {
        message,
        throttled,
        retry_after: None,
        quota: throttled.then(|| "Microsoft Advertising call rate".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_and_microsoft_bodies_are_read() {
        let li: Value = serde_json::from_str(
            r#"{"status":429,"serviceErrorCode":101,"code":"QUOTA_EXCEEDED","message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached."}"#,
        )
        .unwrap();
        let e = read(&li).unwrap();
        assert!(e.throttled);
        assert!(
            e.message
                .ends_with("(LinkedIn serviceErrorCode 101, QUOTA_EXCEEDED)")
        );
        let ms: Value = serde_json::from_str(
            r#"{"TrackingId":"t-1","Type":"ApplicationFault","Errors":[{"Code":117,"ErrorCode":"CallRateExceeded","Message":"You have exceeded the number of calls."}]}"#,
        )
        .unwrap();
        let e = read(&ms).unwrap();
        assert!(e.throttled);
        assert_eq!(
            e.message,
            "You have exceeded the number of calls. (CallRateExceeded 117) (Microsoft TrackingId t-1)"
        );
        assert!(read(&serde_json::json!({"message": "plain"})).is_none());
    }
}
