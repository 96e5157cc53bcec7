//! The HTTP layer of live sources: timeouts, retries with backoff, a response size cap, a
//! concurrency limit per host, and error messages that name the request without its secrets.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use reqwest::blocking::Client;
use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use url::Url;

use super::errors;
pub use super::errors::api_message;
use super::quota::{BudgetKey, Budgets, Hold, MAX_WAIT, Signal};
use super::secrets::Redactor;

/// Requests in flight to one host at most.
const PER_HOST: usize = 4;
/// Responses larger than this are refused.
const MAX_BODY: u64 = 64 * 1024 * 1024;
/// A throttled budget is held at least this long once its retries are spent.
const MIN_HOLD: Duration = Duration::from_secs(60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How hard to try one request.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub timeout: Duration,
    pub retries: u32,
    /// First backoff delay; doubled each retry, with ±50 % jitter.
    pub backoff: Duration,
}

/// One request, as a source builds it.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: Method,
    pub url: Url,
    pub headers: Vec<(String, String)>,
    pub body: Option<Body>,
}

#[derive(Debug, Clone)]
pub enum Body {
    Json(Value),
    Form(Vec<(String, String)>),
}

impl Call {
    pub fn new(method: Method, url: Url) -> Self {
        Call {
            method,
            url,
            headers: Vec::new(),
            body: None,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn json(mut self, body: Value) -> Self {
        self.body = Some(Body::Json(body));
        self
    }
}

/// A successful (2xx) response.
#[derive(Debug)]
pub struct Reply {
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON, or an error quoting where it broke.
    pub fn json(&self, call: &Call, redactor: &Redactor) -> Result<Value, FetchError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            FetchError::new(
                call,
                redactor,
                format!("the response is not valid JSON: {e}"),
            )
        })
    }
}

/// A request that failed for good, described without secrets.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchError {
    /// `GET https://host/path?query` with secret parameters masked.
    pub request: String,
    pub status: Option<u16>,
    pub message: String,
    /// The request's budget is exhausted until a time: the report waits, it does not fail.
    pub hold: Option<Box<Hold>>,
}

impl FetchError {
    pub fn new(call: &Call, redactor: &Redactor, message: String) -> Self {
        FetchError {
            request: format!("{} {}", call.method, redactor.url(&call.url)),
            status: None,
            message: redactor.text(&message),
            hold: None,
        }
    }

    /// A request not sent: its budget is exhausted.
    pub fn held(call: &Call, redactor: &Redactor, hold: Hold) -> Self {
        let mut error = FetchError::new(call, redactor, hold.to_string());
        error.hold = Some(Box::new(hold));
        error
    }
}

/// The budget a source's requests draw on, and where its pacing news goes.
pub struct Gate<'a> {
    pub budgets: &'a Budgets,
    pub key: BudgetKey,
    /// Requests in flight at most.
    pub limit: usize,
    /// What the platform's answers say about the budget (GA4 tokens, Meta usage).
    pub signals: fn(&HeaderMap, &[u8]) -> Vec<Signal>,
    /// The status a 2xx answer stands for when the platform reports errors in the body
    /// (TikTok: HTTP 200 with `code` 40100 for a rate limit); `None` for a real success.
    pub refusal: fn(&[u8]) -> Option<StatusCode>,
}

impl Gate<'_> {
    /// Tells the operator (stderr) that a budget is paced or exhausted.
    fn note(&self, line: Option<String>) {
        if let Some(line) = line {
            eprintln!("execreport: {line}");
        }
    }

    /// A throttle is the platform's, not the request's: every request of the budget waits
    /// `wait`, and a request that would wait too long, or has no attempt left (`last`),
    /// ends with `error` holding the budget, which postpones its report.
    pub fn throttled(
        &self,
        error: FetchError,
        what: &str,
        wait: Duration,
        last: bool,
    ) -> Result<(), FetchError> {
        self.note(self.budgets.observe(
            &self.key,
            Signal::Throttled {
                what: what.to_string(),
                wait,
            },
        ));
        if wait > MAX_WAIT || last {
            let mut error = error;
            error.hold = Some(Box::new(Hold {
                key: self.key.clone(),
                what: what.to_string(),
                until: chrono::Utc::now()
                    + chrono::Duration::from_std(wait.max(MIN_HOLD))
                        .unwrap_or(chrono::Duration::hours(1)),
            }));
            return Err(error);
        }
        Ok(())
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.request)?;
        if let Some(status) = self.status {
            let reason = StatusCode::from_u16(status)
                .ok()
                .and_then(|s| s.canonical_reason())
                .unwrap_or("");
            write!(f, "HTTP {status} {reason}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for FetchError {}

/// A blocking HTTP client shared by every report of a process.
pub struct Http {
    client: Client,
    in_flight: Mutex<HashMap<String, usize>>,
    freed: Condvar,
}

impl fmt::Debug for Http {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Http")
    }
}

impl Http {
    pub fn new() -> Result<Self, String> {
        let client = Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            // Headers such as API keys would follow a redirect to another host: only the
            // same host is followed.
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                let same = attempt
                    .previous()
                    .first()
                    .is_some_and(|first| first.host_str() == attempt.url().host_str());
                if same && attempt.previous().len() < 5 {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }))
            .user_agent(concat!("execreport/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
        Ok(Http {
            client,
            in_flight: Mutex::new(HashMap::new()),
            freed: Condvar::new(),
        })
    }

    /// Sends `call`, retrying timeouts, connection errors, 5xx and throttles (after the wait the
    /// platform asks for, else with backoff). Any other status ends the request with the
    /// API's message. With a `gate`, the request waits for its budget, tells it what the
    /// platform said, and stops with a hold when the budget is exhausted for long.
    pub fn send(
        &self,
        call: &Call,
        policy: &Policy,
        redactor: &Redactor,
        gate: Option<&Gate>,
    ) -> Result<Reply, FetchError> {
        let attempts = policy.retries + 1;
        let mut attempt = 1;
        loop {
            let outcome = match gate {
                Some(gate) => {
                    let _permit = gate
                        .budgets
                        .acquire(&gate.key, gate.limit)
                        .map_err(|hold| FetchError::held(call, redactor, hold))?;
                    let outcome = self.once(call, policy).and_then(|reply| {
                        match (gate.refusal)(&reply.body) {
                            Some(status) => Err(Failure::Status {
                                status,
                                headers: reply.headers,
                                body: reply.body,
                            }),
                            None => Ok(reply),
                        }
                    });
                    // Told before the permit is given back, so no request is let through on
                    // what was left before this one.
                    if let Ok(reply) = &outcome {
                        for signal in (gate.signals)(&reply.headers, &reply.body) {
                            gate.note(gate.budgets.observe(&gate.key, signal));
                        }
                    }
                    outcome
                }
                None => {
                    let _slot = self.slot(call.url.host_str().unwrap_or(""));
                    self.once(call, policy)
                }
            };
            let (retry_after, error, throttle) = match outcome {
                Ok(reply) => return Ok(reply),
                Err(Failure::Status {
                    status,
                    headers,
                    body,
                }) => {
                    let read = errors::read(status, &headers, &body);
                    let mut error = FetchError::new(call, redactor, read.message.clone());
                    error.status = Some(status.as_u16());
                    if !(status.is_server_error() || read.throttled) {
                        return Err(error);
                    }
                    if let Some(gate) = gate {
                        for signal in (gate.signals)(&headers, &body) {
                            gate.note(gate.budgets.observe(&gate.key, signal));
                        }
                    }
                    let throttle = read.throttled.then(|| {
                        read.quota
                            .clone()
                            .unwrap_or_else(|| "rate limit".to_string())
                    });
                    (read.retry_after, error, throttle)
                }
                Err(Failure::Transport(message)) => {
                    (None, FetchError::new(call, redactor, message), None)
                }
                Err(Failure::Fatal(message)) => {
                    return Err(FetchError::new(call, redactor, message));
                }
            };
            let wait = retry_after.unwrap_or_else(|| backoff(policy.backoff, attempt));
            if let (Some(gate), Some(what)) = (gate, &throttle) {
                gate.throttled(error, what, wait, attempt >= attempts)?;
                attempt += 1;
                continue;
            }
            if attempt >= attempts {
                let mut error = error;
                error.message = format!("{} (gave up after {attempts} attempts)", error.message);
                return Err(error);
            }
            if wait > MAX_WAIT {
                let mut error = error;
                error.message = format!(
                    "{} (the server asks to retry after {} s)",
                    error.message,
                    wait.as_secs()
                );
                return Err(error);
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn once(&self, call: &Call, policy: &Policy) -> Result<Reply, Failure> {
        let mut request = self
            .client
            .request(call.method.clone(), call.url.clone())
            .timeout(policy.timeout);
        for (name, value) in &call.headers {
            request = request.header(name, value);
        }
        request = match &call.body {
            Some(Body::Json(v)) => request
                .header("Content-Type", "application/json")
                .body(serde_json::to_vec(v).expect("JSON values serialize")),
            Some(Body::Form(fields)) => request.form(fields),
            None => request,
        };
        let response = request
            .send()
            .map_err(|e| Failure::Transport(describe(&e)))?;
        let status = response.status();
        let headers = response.headers().clone();
        if response.content_length().is_some_and(|n| n > MAX_BODY) {
            return Err(Failure::Fatal(too_large()));
        }
        let mut body = Vec::new();
        response
            .take(MAX_BODY + 1)
            .read_to_end(&mut body)
            .map_err(|e| Failure::Transport(format!("reading the response failed: {e}")))?;
        if body.len() as u64 > MAX_BODY {
            return Err(Failure::Fatal(too_large()));
        }
        if status.is_success() {
            Ok(Reply { headers, body })
        } else {
            Err(Failure::Status {
                status,
                headers,
                body,
            })
        }
    }

    /// Waits for a free slot among the requests to `host`.
    fn slot(&self, host: &str) -> Slot<'_> {
        let mut in_flight = self.in_flight.lock().expect("host table");
        while in_flight.get(host).copied().unwrap_or(0) >= PER_HOST {
            in_flight = self.freed.wait(in_flight).expect("host table");
        }
        *in_flight.entry(host.to_string()).or_default() += 1;
        Slot {
            http: self,
            host: host.to_string(),
        }
    }
}

/// A request in flight; frees its host slot when dropped.
struct Slot<'a> {
    http: &'a Http,
    host: String,
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut in_flight = self.http.in_flight.lock().expect("host table");
        if let Some(n) = in_flight.get_mut(&self.host) {
            *n -= 1;
        }
        self.http.freed.notify_all();
    }
}

enum Failure {
    Status {
        status: StatusCode,
        headers: HeaderMap,
        body: Vec<u8>,
    },
    /// Timeouts and connection errors: worth retrying.
    Transport(String),
    /// Not worth retrying.
    Fatal(String),
}

fn too_large() -> String {
    format!(
        "the response is larger than {} MB",
        MAX_BODY / (1024 * 1024)
    )
}

fn describe(e: &reqwest::Error) -> String {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "request failed"
    };
    // The innermost cause says why (refused, DNS, TLS); reqwest's own text repeats the URL.
    let mut cause: &dyn std::error::Error = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    if std::ptr::eq(cause as *const _ as *const u8, e as *const _ as *const u8) {
        what.to_string()
    } else {
        format!("{what}: {cause}")
    }
}

/// Exponential backoff with ±50 % jitter, so retrying clients do not move in step.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1 << attempt.saturating_sub(1).min(10));
    let capped = exp.min(Duration::from_secs(30));
    capped.mul_f64(0.5 + fastrand::f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_messages_of_google_meta_and_oauth() {
        let google = br#"{"error":{"code":403,"message":"User does not have sufficient permissions","status":"PERMISSION_DENIED"}}"#;
        assert_eq!(
            api_message(google),
            "User does not have sufficient permissions"
        );
        let meta = br#"{"error":{"message":"Unsupported get request.","type":"GraphMethodException","code":100,"error_subcode":33,"fbtrace_id":"AbC1"}}"#;
        assert_eq!(
            api_message(meta),
            "Unsupported get request. (Meta error 100, subcode 33, fbtrace_id AbC1)"
        );
        let expired = br#"{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463}}"#;
        assert!(
            api_message(expired).starts_with(
                "Error validating access token: Session has expired. (Meta error 190, subcode 463): the Meta access token is invalid or has expired; create a new one"
            ),
            "{}",
            api_message(expired)
        );
        let oauth = br#"{"error":"invalid_grant","error_description":"Token has been expired or revoked."}"#;
        assert_eq!(api_message(oauth), "Token has been expired or revoked.");
        let stream =
            br#"[{"error":{"code":400,"message":"Request contains an invalid argument."}}]"#;
        assert_eq!(api_message(stream), "Request contains an invalid argument.");
        assert_eq!(
            api_message(b"<html>Bad gateway</html>"),
            "<html>Bad gateway</html>"
        );
    }

    #[test]
    fn throttling_and_retry_hints_in_bodies() {
        let throttled =
            |body: &[u8]| errors::read(StatusCode::BAD_REQUEST, &HeaderMap::new(), body).throttled;
        assert!(throttled(
            br#"{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4}}"#
        ));
        assert!(throttled(
            br#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","code":17,"error_subcode":2446079}}"#
        ));
        assert!(throttled(
            br#"{"error":{"message":"(#80004) There have been too many calls to this ad-account.","type":"OAuthException","code":80004}}"#
        ));
        assert!(!throttled(
            br#"{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190}}"#
        ));
        assert!(throttled(
            br#"{"error":{"code":403,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"#
        ));
        assert!(!throttled(
            br#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}"#
        ));
        let google = br#"{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.5s"}]}}"#;
        let read = errors::read(StatusCode::TOO_MANY_REQUESTS, &HeaderMap::new(), google);
        assert_eq!(read.retry_after, Some(Duration::from_millis(1500)));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let base = Duration::from_millis(100);
        for attempt in 1..20 {
            let d = backoff(base, attempt);
            let nominal = base * 2u32.pow((attempt - 1).min(10));
            let nominal = nominal.min(Duration::from_secs(30));
            assert!(
                d >= nominal.mul_f64(0.5) && d <= nominal.mul_f64(1.5),
                "{attempt}: {d:?}"
            );
        }
    }
}
