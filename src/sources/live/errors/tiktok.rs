//! TikTok API for Business errors: every answer is HTTP 200 with `{code, message, request_id,
//! data}`, `code` 0 for success. Throttling is code 40100 (too many requests for the app or
//! the advertiser); 40104 and 40105 mean the access token is missing, invalid or revoked;
//! 40001 and 40002 that it may not read this advertiser; 5xxxx are TikTok's own failures.
//! <https://business-api.tiktok.com/portal/docs?id=1737172488964097>

use reqwest::StatusCode;
use serde_json::Value;

use super::{ApiError, clip};

pub const RATE_LIMITED: i64 = 40100;
const TOKEN_CODES: [i64; 3] = [40102, 40104, 40105];

/// `code` and `request_id` of a TikTok envelope.
fn envelope(v: &Value) -> Option<(i64, &Value)> {
    v.get("request_id")?;
    Some((v.get("code")?.as_i64()?, v))
}

/// The HTTP status a TikTok answer stands for, if it is an error: what the retry layer, the
/// OAuth refresh and `sources test` read.
pub fn refusal(body: &[u8]) -> Option<StatusCode> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let (code, _) = envelope(&v)?;
    Some(match code {
        0 => return None,
        RATE_LIMITED => StatusCode::TOO_MANY_REQUESTS,
        c if TOKEN_CODES.contains(&c) => StatusCode::UNAUTHORIZED,
        40001 | 40002 => StatusCode::FORBIDDEN,
        50000..=59999 => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::BAD_REQUEST,
    })
}

/// The error of a TikTok answer, if it is one.
pub fn read(v: &Value) -> Option<ApiError> {
    let (code, v) = envelope(v)?;
    if code == 0 {
        return None;
    }
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default();
    let mut message = format!(
        "{} (TikTok code {code}, request_id {})",
        clip(text("message")),
        clip(text("request_id"))
    );
    if TOKEN_CODES.contains(&code) {
        message.push_str(": the TikTok access token is invalid or was revoked; authorize the app for the advertiser again and put the new token where the source's `auth` reads it");
    }
    let throttled = code == RATE_LIMITED;
    Some(ApiError {
        message,
        throttled,
        retry_after: None,
        quota: throttled.then(|| "TikTok rate limit (code 40100)".to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_in_a_200_body_stand_for_statuses() {
        let body = |code: i64| {
            format!(r#"{{"code":{code},"message":"m","request_id":"r1","data":{{}}}}"#).into_bytes()
        };
        assert_eq!(refusal(&body(0)), None);
        assert_eq!(refusal(&body(40100)), Some(StatusCode::TOO_MANY_REQUESTS));
        assert_eq!(refusal(&body(40105)), Some(StatusCode::UNAUTHORIZED));
        assert_eq!(refusal(&body(40001)), Some(StatusCode::FORBIDDEN));
        assert_eq!(refusal(&body(51001)), Some(StatusCode::SERVICE_UNAVAILABLE));
        assert_eq!(refusal(&body(40002 + 5)), Some(StatusCode::BAD_REQUEST));
        // Not TikTok's envelope: not its business.
        assert_eq!(refusal(br#"{"code":40100}"#), None);
        assert_eq!(refusal(b"not json"), None);
        let v: Value = serde_json::from_slice(&body(40100)).unwrap();
        let e = read(&v).unwrap();
        assert!(e.throttled);
        assert_eq!(e.message, "m (TikTok code 40100, request_id r1)");
    }
}
