//! A loopback HTTP server speaking the documented request and response formats of the APIs
//! execreport reads (GA4 Data API, Google Ads searchStream, Meta Page and Instagram insights,
//! Meta Marketing API insights, Search Console, Business Profile reviews and performance,
//! Google's token endpoint) plus a generic paged JSON API.
//! Its numbers come from the small formulas below, so tests can recompute what a report
//! must show. Faults (status codes, delays, broken JSON) are queued per route.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde_json::{Value, json};

pub const CLIENT_ID: &str = "client-id-123.apps";
pub const CLIENT_SECRET: &str = "client-secret-s3cr3t";
pub const REFRESH_TOKEN: &str = "refresh-token-9f8e7d";
pub const DEVELOPER_TOKEN: &str = "dev-token-abcdef";
pub const META_TOKEN: &str = "meta-page-token-777";
pub const EMAIL_KEY: &str = "email-api-key-555";

pub const CHANNELS: [&str; 3] = ["Organic Search", "Paid Search", "Direct"];
pub const CAMPAIGNS: [&str; 2] = ["Brand", "Generic"];
pub const QUERIES: [&str; 2] = ["trattoria da luca", "ristorante pesce verona"];

fn n(d: NaiveDate) -> u32 {
    d.ordinal()
}
pub fn ga4_sessions(d: NaiveDate, c: usize) -> u32 {
    100 + (n(d) * 7 + c as u32 * 13) % 50
}
pub fn ga4_users(d: NaiveDate, c: usize) -> u32 {
    ga4_sessions(d, c) - 10
}
/// GA4's deduplicated users over a range: fewer than the sum of daily users.
pub fn ga4_total_users(days: &[NaiveDate]) -> u32 {
    let sum: u32 = days
        .iter()
        .flat_map(|d| (0..CHANNELS.len()).map(move |c| ga4_users(*d, c)))
        .sum();
    sum * 7 / 10
}
pub fn ads_clicks(d: NaiveDate, c: usize) -> u32 {
    20 + (n(d) + c as u32 * 5) % 15
}
pub fn ads_conversions(d: NaiveDate, c: usize) -> u32 {
    (n(d) + c as u32) % 3
}
pub fn meta_follows(d: NaiveDate) -> u32 {
    1000 + n(d)
}
pub fn meta_engagements(d: NaiveDate) -> u32 {
    50 + n(d) % 10
}
/// Instagram metrics Meta gives only with `metric_type=total_value`.
const IG_TOTAL_ONLY: [&str; 3] = ["views", "total_interactions", "accounts_engaged"];

/// Instagram `views`, `total_interactions` and `accounts_engaged` of a day (`total_value`).
pub fn ig_total(metric: &str, d: NaiveDate) -> u32 {
    match metric {
        "views" => 500 + n(d) % 40,
        "total_interactions" => 30 + n(d) % 9,
        "accounts_engaged" => 20 + n(d) % 5,
        other => panic!("unknown Instagram total_value metric {other}"),
    }
}
/// Meta Ads spend of a campaign's day, in cents (the API writes `"12.34"`).
pub fn meta_ads_spend_cents(d: NaiveDate, c: usize) -> u32 {
    1000 + (n(d) * 37 + c as u32 * 11) % 900
}
pub fn meta_ads_clicks(d: NaiveDate, c: usize) -> u32 {
    15 + (n(d) + c as u32 * 3) % 20
}
pub fn meta_ads_purchases(d: NaiveDate, c: usize) -> u32 {
    (n(d) + c as u32) % 4
}
pub fn meta_ads_leads(d: NaiveDate, c: usize) -> u32 {
    (n(d) * 2 + c as u32) % 3
}
/// Every purchase is worth 35.50, every lead 5.
pub const META_PURCHASE_VALUE: f64 = 35.5;
pub const META_LEAD_VALUE: f64 = 5.0;
/// Rows of a Marketing API insights page.
pub const META_ADS_PAGE: usize = 25;

pub fn gsc_clicks(d: NaiveDate, q: usize) -> u32 {
    10 + (n(d) + q as u32) % 7
}
pub fn gsc_impressions(d: NaiveDate, q: usize) -> u32 {
    200 + q as u32 * 100 + n(d) % 13
}
pub fn gsc_position(d: NaiveDate, q: usize) -> f64 {
    3.0 + q as f64 * 2.5 + f64::from(n(d) % 5) * 0.1
}
pub fn email_delivered(d: NaiveDate) -> u32 {
    480 + n(d) % 20
}
pub fn email_opens(d: NaiveDate) -> u32 {
    200 + n(d) % 30
}

/// Business Profile performance, shaped like a trattoria closed on Mondays: no calls that day
/// and, now and then, a day without website clicks (the API leaves zero values out); tens of
/// calls a week, a few hundred profile views a day.
pub fn perf_calls(d: NaiveDate) -> u32 {
    if d.weekday() == Weekday::Mon {
        0
    } else {
        2 + n(d) % 6
    }
}
pub fn perf_website_clicks(d: NaiveDate) -> u32 {
    if n(d) % 10 == 3 { 0 } else { 5 + n(d) * 3 % 9 }
}
pub fn perf_directions(d: NaiveDate) -> u32 {
    6 + n(d) * 5 % 11
}
/// Impressions of the four series: desktop Maps, desktop Search, mobile Maps, mobile Search.
pub fn perf_impressions(d: NaiveDate, series: usize) -> u32 {
    match series {
        0 => 20 + n(d) % 15,
        1 => 35 + n(d) * 7 % 20,
        2 => 110 + n(d) * 3 % 60,
        _ => 140 + n(d) * 11 % 70,
    }
}
pub const PERF_IMPRESSIONS: [&str; 4] = [
    "BUSINESS_IMPRESSIONS_DESKTOP_MAPS",
    "BUSINESS_IMPRESSIONS_DESKTOP_SEARCH",
    "BUSINESS_IMPRESSIONS_MOBILE_MAPS",
    "BUSINESS_IMPRESSIONS_MOBILE_SEARCH",
];

/// Business Profile reviews: one a day at 10:00 UTC from 2026-08-01 to 2026-11-20, plus two
/// at the edges of October in Tokyo time. (createTime, stars, replied)
pub fn reviews() -> Vec<(String, u8, bool)> {
    let mut out = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    while d <= NaiveDate::from_ymd_opt(2026, 11, 20).unwrap() {
        let stars = [5, 4, 5, 3, 5, 2, 4][(n(d) % 7) as usize];
        out.push((format!("{d}T10:00:00Z"), stars, n(d).is_multiple_of(2)));
        d = d + Days::new(1);
    }
    // 1 October 01:00 in Tokyo, and 1 November 00:30 in Tokyo.
    out.push(("2026-09-30T16:00:00.512Z".into(), 1, true));
    out.push(("2026-10-31T15:30:00Z".into(), 1, false));
    out
}

/// A response the server gives instead of the normal one.
#[derive(Debug, Clone)]
pub enum Fault {
    Status {
        code: u16,
        body: String,
        retry_after: Option<String>,
    },
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// 200 with a body that is not JSON.
    Garbage,
}

impl Fault {
    pub fn status(code: u16, body: &str) -> Self {
        Fault::Status {
            code,
            body: body.into(),
            retry_after: None,
        }
    }
}

#[derive(Default)]
pub struct ServerState {
    /// Requests per route, in order: (method, path and query, authorization header).
    pub requests: Mutex<HashMap<&'static str, Vec<String>>>,
    pub faults: Mutex<HashMap<&'static str, VecDeque<Fault>>>,
    issued: Mutex<u32>,
    /// Access tokens the APIs answer 401 to (expired).
    pub expired: Mutex<Vec<String>>,
    /// When true, the first access token issued is already expired.
    pub expire_first_token: Mutex<bool>,
    /// The last day Business Profile performance has processed; later days are not answered.
    pub perf_through: Mutex<Option<NaiveDate>>,
    /// GA4 property tokens per hour and tokens used: each runReport costs `GA4_COST`, the
    /// answer's `propertyQuota` says what is left, and a request beyond it gets a 429.
    pub ga4_quota: Mutex<Option<(i64, i64)>>,
    /// Requests refused for a quota the server had announced as exhausted.
    pub refused: Mutex<usize>,
    /// `X-Business-Use-Case-Usage` sent with every Meta answer.
    pub meta_usage: Mutex<Option<String>>,
    /// When each request arrived, per route.
    pub arrivals: Mutex<HashMap<&'static str, Vec<std::time::Instant>>>,
}

/// `app` served on a free loopback port by a runtime of its own: the base URL, and the runtime
/// to keep for as long as the server should run.
pub fn serve(app: axum::Router) -> (String, tokio::runtime::Runtime) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    runtime.spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, runtime)
}

/// Tokens one GA4 runReport costs on this server.
pub const GA4_COST: i64 = 10;

pub struct ApiServer {
    pub base: String,
    pub state: Arc<ServerState>,
    _runtime: tokio::runtime::Runtime,
}

impl ApiServer {
    pub fn start() -> Self {
        let state = Arc::new(ServerState::default());
        let (base, runtime) = serve(
            axum::Router::new()
                .fallback(handle)
                .with_state(state.clone()),
        );
        ApiServer {
            base,
            state,
            _runtime: runtime,
        }
    }

    pub fn fault(&self, route: &'static str, fault: Fault) {
        self.state
            .faults
            .lock()
            .unwrap()
            .entry(route)
            .or_default()
            .push_back(fault);
    }

    pub fn count(&self, route: &str) -> usize {
        self.state
            .requests
            .lock()
            .unwrap()
            .get(route)
            .map_or(0, Vec::len)
    }

    pub fn total(&self) -> usize {
        self.state
            .requests
            .lock()
            .unwrap()
            .values()
            .map(Vec::len)
            .sum()
    }

    pub fn requests(&self, route: &str) -> Vec<String> {
        self.state
            .requests
            .lock()
            .unwrap()
            .get(route)
            .cloned()
            .unwrap_or_default()
    }
}

fn route(path: &str) -> &'static str {
    if path == "/token" {
        "token"
    } else if path.ends_with(":runReport") {
        "ga4"
    } else if path.ends_with("googleAds:searchStream") {
        "ads"
    } else if path.contains("/act_") && path.ends_with("/insights") {
        "meta_ads"
    } else if path.ends_with("/insights") {
        "meta"
    } else if path.ends_with("/searchAnalytics/query") {
        "gsc"
    } else if path.ends_with("/reviews") {
        "gbp"
    } else if path.ends_with(":fetchMultiDailyMetricsTimeSeries") {
        "gbp_perf"
    } else if path.starts_with("/email/") {
        "http"
    } else {
        "unknown"
    }
}

async fn handle(
    State(st): State<Arc<ServerState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = route(uri.path());
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    st.requests
        .lock()
        .unwrap()
        .entry(route)
        .or_default()
        .push(format!("{method} {uri} {auth}"));
    st.arrivals
        .lock()
        .unwrap()
        .entry(route)
        .or_default()
        .push(std::time::Instant::now());
    let fault = st
        .faults
        .lock()
        .unwrap()
        .get_mut(route)
        .and_then(VecDeque::pop_front);
    match fault {
        Some(Fault::Status {
            code,
            body,
            retry_after,
        }) => {
            let mut r = (StatusCode::from_u16(code).unwrap(), body).into_response();
            if let Some(ra) = retry_after {
                r.headers_mut().insert("retry-after", ra.parse().unwrap());
            }
            return r;
        }
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::Garbage) => return (StatusCode::OK, "{\"rows\": [1, 2,").into_response(),
        None => {}
    }
    let query: HashMap<String, String> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .into_owned()
            .collect();
    let result = match route {
        "token" => return token(&st, &body),
        "meta" | "meta_ads" => {
            if query.get("access_token").map(String::as_str) != Some(META_TOKEN) {
                // <https://developers.facebook.com/docs/graph-api/guides/error-handling>
                let body = json!({"error": {
                    "message": "Error validating access token: Session has expired on Tuesday, 24-Nov-26 09:00:00 PST. The current time is Thursday, 26-Nov-26 03:00:00 PST.",
                    "type": "OAuthException", "code": 190, "error_subcode": 463,
                    "fbtrace_id": "AzQ9ExpiredTrace"}});
                return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
            }
            if route == "meta_ads" {
                let host = headers
                    .get("host")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                meta_ads(&uri, host, &query)
            } else if query.get("metric_type").map(String::as_str) == Some("total_value") {
                ig_totals(&query)
            } else if let Some(m) = query["metric"]
                .split(',')
                .find(|m| IG_TOTAL_ONLY.contains(m))
            {
                let body = json!({"error": {
                    "message": format!("(#100) The following metrics ({m}) should be specified with parameter metric_type=total_value"),
                    "type": "OAuthException", "code": 100, "fbtrace_id": "AbTotalValue"}});
                return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
            } else {
                let usage = st.meta_usage.lock().unwrap().clone();
                let mut r = axum::Json(meta(&query)).into_response();
                if let Some(usage) = usage {
                    r.headers_mut()
                        .insert("x-business-use-case-usage", usage.parse().unwrap());
                }
                return r;
            }
        }
        "http" => {
            if headers.get("x-api-key").and_then(|v| v.to_str().ok()) != Some(EMAIL_KEY) {
                return (StatusCode::FORBIDDEN, "{\"message\":\"bad API key\"}").into_response();
            }
            email(&query)
        }
        _ => {
            let token = auth.strip_prefix("Bearer ").unwrap_or("");
            let issued = *st.issued.lock().unwrap();
            let valid = token.starts_with("access-")
                && token[7..]
                    .parse::<u32>()
                    .is_ok_and(|t| t >= 1 && t <= issued)
                && !st.expired.lock().unwrap().iter().any(|e| e == token);
            if !valid {
                return google_error(
                    401,
                    "Request had invalid authentication credentials. Expected OAuth 2 access token.",
                    "UNAUTHENTICATED",
                );
            }
            let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            match route {
                "ga4" => {
                    let mut quota = st.ga4_quota.lock().unwrap();
                    match quota.as_mut() {
                        // <https://developers.google.com/analytics/devguides/reporting/data/v1/quotas>
                        Some((limit, used)) if *used + GA4_COST > *limit => {
                            *st.refused.lock().unwrap() += 1;
                            return google_error(
                                429,
                                "Exhausted property tokens per hour for a property. Please wait to make further requests.",
                                "RESOURCE_EXHAUSTED",
                            );
                        }
                        Some((limit, used)) => {
                            *used += GA4_COST;
                            let mut answer = ga4(&json);
                            if json["returnPropertyQuota"] == json!(true) {
                                answer["propertyQuota"] = json!({
                                    "tokensPerDay": {"consumed": GA4_COST, "remaining": 200_000 - *used},
                                    "tokensPerHour": {"consumed": GA4_COST, "remaining": *limit - *used},
                                    "concurrentRequests": {"consumed": 0, "remaining": 10},
                                    "serverErrorsPerProjectPerHour": {"consumed": 0, "remaining": 10},
                                    "potentiallyThresholdedRequestsPerHour": {"consumed": 0, "remaining": 120},
                                    "tokensPerProjectPerHour": {"consumed": GA4_COST, "remaining": 14_000 - *used}
                                });
                            }
                            answer
                        }
                        None => ga4(&json),
                    }
                }
                "ads" => {
                    if headers.get("developer-token").and_then(|v| v.to_str().ok())
                        != Some(DEVELOPER_TOKEN)
                    {
                        return google_error(
                            401,
                            "The developer token is not valid.",
                            "UNAUTHENTICATED",
                        );
                    }
                    ads(&json)
                }
                "gsc" => gsc(&json),
                "gbp" => gbp(&query),
                "gbp_perf" => {
                    let through = *st.perf_through.lock().unwrap();
                    match gbp_perf(uri.query().unwrap_or(""), through) {
                        Ok(v) => v,
                        Err(message) => return google_error(400, &message, "INVALID_ARGUMENT"),
                    }
                }
                _ => return (StatusCode::NOT_FOUND, "no such API").into_response(),
            }
        }
    };
    axum::Json(result).into_response()
}

fn google_error(code: u16, message: &str, status: &str) -> Response {
    let body = json!({"error": {"code": code, "message": message, "status": status}});
    (StatusCode::from_u16(code).unwrap(), axum::Json(body)).into_response()
}

/// <https://developers.google.com/identity/protocols/oauth2/web-server#offline>
fn token(st: &ServerState, body: &[u8]) -> Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(body).into_owned().collect();
    let ok = form.get("grant_type").map(String::as_str) == Some("refresh_token")
        && form.get("client_id").map(String::as_str) == Some(CLIENT_ID)
        && form.get("client_secret").map(String::as_str) == Some(CLIENT_SECRET)
        && form.get("refresh_token").map(String::as_str) == Some(REFRESH_TOKEN);
    if !ok {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": "invalid_grant", "error_description": "Token has been expired or revoked."})),
        )
            .into_response();
    }
    let mut issued = st.issued.lock().unwrap();
    *issued += 1;
    let token = format!("access-{issued}");
    if *issued == 1 && *st.expire_first_token.lock().unwrap() {
        st.expired.lock().unwrap().push(token.clone());
    }
    axum::Json(json!({"access_token": token, "expires_in": 3599, "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/analytics.readonly"})).into_response()
}

fn dates(start: &str, end: &str) -> Vec<NaiveDate> {
    let (mut d, end) = (
        start.parse::<NaiveDate>().unwrap(),
        end.parse::<NaiveDate>().unwrap(),
    );
    let mut out = Vec::new();
    while d <= end {
        out.push(d);
        d = d + Days::new(1);
    }
    out
}

fn ga4(req: &Value) -> Value {
    let range = &req["dateRanges"][0];
    let days = dates(
        range["startDate"].as_str().unwrap(),
        range["endDate"].as_str().unwrap(),
    );
    let metrics: Vec<&str> = req["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let dims: Vec<&str> = req["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    let value = |m: &str, d: NaiveDate, c: usize| match m {
        "sessions" => ga4_sessions(d, c),
        "totalUsers" => ga4_users(d, c),
        other => panic!("unknown GA4 metric {other}"),
    };
    let mut rows = Vec::new();
    for d in &days {
        for (c, channel) in CHANNELS.iter().enumerate() {
            let dim_values: Vec<Value> = dims
                .iter()
                .map(|dim| match *dim {
                    "date" => json!({"value": d.format("%Y%m%d").to_string()}),
                    "sessionDefaultChannelGroup" => json!({"value": channel}),
                    other => panic!("unknown GA4 dimension {other}"),
                })
                .collect();
            let metric_values: Vec<Value> = metrics
                .iter()
                .map(|m| json!({"value": value(m, *d, c).to_string()}))
                .collect();
            rows.push(json!({"dimensionValues": dim_values, "metricValues": metric_values}));
        }
    }
    let totals: Vec<Value> = metrics
        .iter()
        .map(|m| {
            let v = match *m {
                "totalUsers" => ga4_total_users(&days),
                m => days
                    .iter()
                    .flat_map(|d| (0..CHANNELS.len()).map(move |c| value(m, *d, c)))
                    .sum(),
            };
            json!({"value": v.to_string()})
        })
        .collect();
    let row_count = rows.len();
    let offset: usize = req["offset"].as_str().map_or(0, |o| o.parse().unwrap());
    let limit: usize = req["limit"].as_str().map_or(10000, |o| o.parse().unwrap());
    let page: Vec<Value> = rows.into_iter().skip(offset).take(limit).collect();
    json!({
        "dimensionHeaders": dims.iter().map(|d| json!({"name": d})).collect::<Vec<_>>(),
        "metricHeaders": metrics.iter().map(|m| json!({"name": m, "type": "TYPE_INTEGER"})).collect::<Vec<_>>(),
        "rows": page,
        "totals": [{"dimensionValues": dims.iter().map(|_| json!({"value": "RESERVED_TOTAL"})).collect::<Vec<_>>(), "metricValues": totals}],
        "rowCount": row_count,
        "metadata": {"currencyCode": "USD", "timeZone": "Asia/Tokyo"},
        "kind": "analyticsData#runReport"
    })
}

fn ads(req: &Value) -> Value {
    let q = req["query"].as_str().unwrap();
    let between = q.split("BETWEEN '").nth(1).unwrap();
    let start = &between[..10];
    let end = &between[between.find("AND '").unwrap() + 5..][..10];
    let mut batches = Vec::new();
    let mut results = Vec::new();
    for d in dates(start, end) {
        for (c, name) in CAMPAIGNS.iter().enumerate() {
            let clicks = ads_clicks(d, c);
            let conv = ads_conversions(d, c);
            let mut metrics = json!({
                "clicks": clicks.to_string(),
                "impressions": (clicks * 30).to_string(),
                "costMicros": (u64::from(clicks) * 1_250_000).to_string(),
            });
            // Proto3 JSON leaves out zeros.
            if conv > 0 {
                metrics["conversions"] = json!(f64::from(conv));
                metrics["conversionsValue"] = json!(f64::from(conv) * 40.0);
            }
            results.push(json!({
                "campaign": {"resourceName": format!("customers/1234567890/campaigns/{}", c + 1), "name": name},
                "segments": {"date": d.to_string()},
                "metrics": metrics
            }));
            if results.len() == 25 {
                batches.push(json!({"results": std::mem::take(&mut results), "fieldMask": "segments.date,campaign.name,metrics.clicks", "requestId": "req-1"}));
            }
        }
    }
    batches.push(json!({"results": results, "fieldMask": "segments.date,campaign.name,metrics.clicks", "requestId": "req-1", "queryResourceConsumption": "100"}));
    Value::Array(batches)
}

/// Insights in windows of 10 days; `paging.next` always offers the next window.
fn meta(q: &HashMap<String, String>) -> Value {
    let since: NaiveDate = q["since"].parse().unwrap();
    let until: NaiveDate = q["until"].parse().unwrap();
    let window_end = (since + Days::new(10)).min(until);
    let tz = chrono_tz::America::Los_Angeles;
    let days: Vec<NaiveDate> = dates(&since.to_string(), &window_end.to_string())
        .into_iter()
        .filter(|d| *d < window_end)
        .collect();
    let data: Vec<Value> = q["metric"]
        .split(',')
        .map(|m| {
            let values: Vec<Value> = days
                .iter()
                .map(|d| {
                    // The end of the day in Pacific time, written in UTC.
                    let end = (*d + Days::new(1)).and_hms_opt(0, 0, 0).unwrap().and_local_timezone(tz).unwrap();
                    let end_time = end.with_timezone(&chrono::Utc).format("%Y-%m-%dT%H:%M:%S+0000").to_string();
                    let value = match m {
                        "page_follows" => meta_follows(*d),
                        "page_post_engagements" => meta_engagements(*d),
                        other => panic!("unknown Meta metric {other}"),
                    };
                    json!({"value": value, "end_time": end_time})
                })
                .collect();
            json!({"name": m, "period": "day", "values": values, "title": m, "id": format!("1234/insights/{m}/day")})
        })
        .collect();
    let next_until = window_end + Days::new(10);
    let next = format!(
        "/v25.0/1234/insights?metric={}&period=day&since={window_end}&until={next_until}&access_token={META_TOKEN}",
        q["metric"]
    );
    json!({"data": data, "paging": {"previous": "https://graph.facebook.com/previous", "next": next}})
}

/// Instagram `metric_type=total_value`: one value per metric over `since`..`until`.
fn ig_totals(q: &HashMap<String, String>) -> Value {
    let since: NaiveDate = q["since"].parse().unwrap();
    let until: NaiveDate = q["until"].parse().unwrap();
    assert_eq!(q["period"], "day");
    let data: Vec<Value> = q["metric"]
        .split(',')
        .map(|m| {
            let total: u32 = since
                .iter_days()
                .take_while(|d| *d < until)
                .map(|d| ig_total(m, d))
                .sum();
            json!({"name": m, "period": "day", "title": m, "description": m,
                   "total_value": {"value": total}, "id": format!("5678/insights/{m}/day")})
        })
        .collect();
    json!({"data": data})
}

/// Marketing API insights of ad account 1234567890, a row per day (and campaign), pages of
/// `META_ADS_PAGE` rows with an absolute `paging.next` that repeats the access token.
fn meta_ads(uri: &Uri, host: &str, q: &HashMap<String, String>) -> Value {
    assert!(uri.path().ends_with("/act_1234567890/insights"), "{uri}");
    assert_eq!(q["time_increment"], "1");
    let range: Value = serde_json::from_str(&q["time_range"]).unwrap();
    let days = dates(
        range["since"].as_str().unwrap(),
        range["until"].as_str().unwrap(),
    );
    let fields: Vec<&str> = q["fields"].split(',').collect();
    let by_campaign = match q["level"].as_str() {
        "campaign" => true,
        "account" => false,
        other => panic!("level {other}"),
    };
    let money = |cents: u32| format!("{}.{:02}", cents / 100, cents % 100);
    let mut rows = Vec::new();
    for d in days {
        let groups: Vec<Vec<usize>> = if by_campaign {
            (0..CAMPAIGNS.len()).map(|c| vec![c]).collect()
        } else {
            vec![(0..CAMPAIGNS.len()).collect()]
        };
        for group in groups {
            let sum =
                |f: &dyn Fn(NaiveDate, usize) -> u32| group.iter().map(|c| f(d, *c)).sum::<u32>();
            let (clicks, purchases, leads) = (
                sum(&meta_ads_clicks),
                sum(&meta_ads_purchases),
                sum(&meta_ads_leads),
            );
            let mut row = json!({"date_start": d.to_string(), "date_stop": d.to_string(), "account_id": "1234567890"});
            for f in &fields {
                row[*f] = match *f {
                    "spend" => json!(money(sum(&meta_ads_spend_cents))),
                    "impressions" => json!((clicks * 40).to_string()),
                    "clicks" => json!(clicks.to_string()),
                    "campaign_name" => json!(CAMPAIGNS[group[0]]),
                    // Other types and variants of the same purchases, which are not counted.
                    "actions" => json!([
                        {"action_type": "link_click", "value": clicks.to_string()},
                        {"action_type": "purchase", "value": purchases.to_string()},
                        {"action_type": "omni_purchase", "value": purchases.to_string()},
                        {"action_type": "lead", "value": leads.to_string()},
                    ]),
                    "action_values" => json!([
                        {"action_type": "purchase", "value": format!("{:.2}", f64::from(purchases) * META_PURCHASE_VALUE)},
                        {"action_type": "omni_purchase", "value": format!("{:.2}", f64::from(purchases) * META_PURCHASE_VALUE)},
                        {"action_type": "lead", "value": format!("{:.2}", f64::from(leads) * META_LEAD_VALUE)},
                    ]),
                    other => panic!("unknown Marketing API field {other}"),
                };
            }
            rows.push(row);
        }
    }
    let after: usize = q.get("after").map_or(0, |a| a.parse().unwrap());
    let page: Vec<Value> = rows
        .iter()
        .skip(after)
        .take(META_ADS_PAGE)
        .cloned()
        .collect();
    let mut answer =
        json!({"data": page, "paging": {"cursors": {"before": "MAZDZD", "after": "MjQZD"}}});
    if after + META_ADS_PAGE < rows.len() {
        let mut next = url::Url::parse(&format!("http://{host}{}", uri.path())).unwrap();
        next.query_pairs_mut()
            .extend_pairs(q.iter().filter(|(k, _)| *k != "after"))
            .append_pair("after", &(after + META_ADS_PAGE).to_string());
        answer["paging"]["next"] = json!(next.as_str());
    }
    answer
}

fn gsc(req: &Value) -> Value {
    let days = dates(
        req["startDate"].as_str().unwrap(),
        req["endDate"].as_str().unwrap(),
    );
    let mut rows = Vec::new();
    for d in days {
        for (i, query) in QUERIES.iter().enumerate() {
            let (clicks, impressions) = (gsc_clicks(d, i), gsc_impressions(d, i));
            rows.push(
                json!({"keys": [d.to_string(), query], "clicks": clicks, "impressions": impressions,
                "ctr": f64::from(clicks) / f64::from(impressions), "position": gsc_position(d, i)}),
            );
        }
    }
    let start = req["startRow"].as_u64().unwrap_or(0) as usize;
    let limit = req["rowLimit"].as_u64().unwrap_or(1000) as usize;
    let page: Vec<Value> = rows.into_iter().skip(start).take(limit).collect();
    if page.is_empty() {
        json!({"responseAggregationType": "byProperty"})
    } else {
        json!({"rows": page, "responseAggregationType": "byProperty"})
    }
}

fn gbp(q: &HashMap<String, String>) -> Value {
    let mut all: Vec<Value> = reviews()
        .into_iter()
        .enumerate()
        .map(|(i, (created, stars, replied))| {
            let word = ["ONE", "TWO", "THREE", "FOUR", "FIVE"][stars as usize - 1];
            let mut r = json!({
                "name": format!("accounts/1/locations/2/reviews/r{i}"), "reviewId": format!("r{i}"),
                "reviewer": {"displayName": "A customer", "isAnonymous": false},
                "starRating": word, "comment": "Good", "createTime": created, "updateTime": created
            });
            if replied {
                r["reviewReply"] = json!({"comment": "Thank you!", "updateTime": created});
            }
            r
        })
        .collect();
    all.sort_by(|a, b| b["updateTime"].as_str().cmp(&a["updateTime"].as_str()));
    let size: usize = q.get("pageSize").map_or(50, |s| s.parse().unwrap());
    let start: usize = q
        .get("pageToken")
        .map_or(0, |t| t.trim_start_matches("page-").parse().unwrap());
    let page: Vec<Value> = all.iter().skip(start).take(size).cloned().collect();
    let mut out = json!({"reviews": page, "averageRating": 4.1, "totalReviewCount": all.len()});
    if start + size < all.len() {
        out["nextPageToken"] = json!(format!("page-{}", start + size));
    }
    out
}

/// `fetchMultiDailyMetricsTimeSeries`: `dailyMetrics` repeated, the range as
/// `dailyRange.{start,end}_date.{year,month,day}`. Each series lists its days with `value` as an
/// int64 string, left out when zero; website clicks leave zero days out altogether.
fn gbp_perf(query: &str, through: Option<NaiveDate>) -> Result<Value, String> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let param = |name: &str| -> Result<u32, String> {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.parse().ok())
            .ok_or_else(|| format!("{name} is required"))
    };
    let date = |which: &str| -> Result<NaiveDate, String> {
        let part = |p: &str| param(&format!("dailyRange.{which}.{p}"));
        NaiveDate::from_ymd_opt(part("year")? as i32, part("month")?, part("day")?)
            .ok_or_else(|| format!("dailyRange.{which} is not a date"))
    };
    let (start, mut end) = (date("start_date")?, date("end_date")?);
    if let Some(t) = through {
        end = end.min(t);
    }
    let mut series = Vec::new();
    for (_, metric) in pairs.iter().filter(|(k, _)| k == "dailyMetrics") {
        let mut points = Vec::new();
        let mut d = start;
        while d <= end {
            let value = match metric.as_str() {
                "CALL_CLICKS" => perf_calls(d),
                "WEBSITE_CLICKS" => perf_website_clicks(d),
                "BUSINESS_DIRECTION_REQUESTS" => perf_directions(d),
                m => match PERF_IMPRESSIONS.iter().position(|i| *i == m) {
                    Some(i) => perf_impressions(d, i),
                    None => return Err(format!("Invalid value at 'daily_metrics' ({m})")),
                },
            };
            let date = json!({"year": d.year(), "month": d.month(), "day": d.day()});
            if value > 0 {
                points.push(json!({"date": date, "value": value.to_string()}));
            } else if metric != "WEBSITE_CLICKS" {
                points.push(json!({"date": date}));
            }
            d = d + Days::new(1);
        }
        series.push(json!({"dailyMetric": metric, "timeSeries": {"datedValues": points}}));
    }
    Ok(json!({"multiDailyMetricTimeSeries": [{"dailyMetricTimeSeries": series}]}))
}

/// A generic API: `GET /email/stats?from=&to=&page=`, 7 records a page, `next` token.
fn email(q: &HashMap<String, String>) -> Value {
    let days = dates(&q["from"], &q["to"]);
    let start: usize = q.get("page").map_or(0, |p| p.parse().unwrap());
    let items: Vec<Value> = days
        .iter()
        .skip(start)
        .take(7)
        .map(|d| json!({"day": d.to_string(), "stats": {"delivered": email_delivered(*d), "opens": email_opens(*d)}}))
        .collect();
    let next = (start + 7 < days.len()).then(|| (start + 7).to_string());
    json!({"data": {"items": items}, "next": next})
}
