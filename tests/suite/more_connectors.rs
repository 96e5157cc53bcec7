//! Shopify, Mailchimp and YouTube Analytics sources against a loopback server speaking each
//! API's documented format: several pages, a throttle answer then success, an expired
//! token, and hostile answers (a cursor that never ends, amounts that are not decimals) that
//! fail one client clearly while the others render. Every expected number is recomputed here
//! from the data the server serves.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use serde_json::{Value, json};

use crate::common::{kpi, stderr, stdout};

const NOW: &str = "2026-11-26T03:00:00Z";
const SHOP_TOKEN: &str = "shpat_0123456789abcdef";
const MC_KEY: &str = "0123456789abcdef0123456789abcdef-us6";
const G_REFRESH: &str = "1//refresh-token-youtube-0a1b2c";
const G_ACCESS: &str = "ya29.access-token-youtube";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(start: &str, end: &str) -> Vec<NaiveDate> {
    day(start)
        .iter_days()
        .take_while(|d| *d <= day(end))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The server.

/// One Shopify order as the server keeps it.
#[derive(Debug, Clone)]
struct Order {
    created: DateTime<Utc>,
    /// The current total in cents.
    cents: u64,
    cancelled: bool,
    test: bool,
}

/// Orders from 1 August to 30 November 2026: up to four a day at Tokyo times that fall on
/// the day before in UTC (00:15), in the middle of the day and just before midnight; now and
/// then a cancelled order and a test order, which do not count.
fn orders() -> Vec<Order> {
    let tokyo = chrono_tz::Asia::Tokyo;
    let mut out = Vec::new();
    for d in days("2026-08-01", "2026-11-30") {
        let n = d.ordinal();
        for i in 0..(n % 5) {
            let (h, m) = [(0, 15), (9, 30), (13, 5), (23, 50)][i as usize % 4];
            let local = d.and_hms_opt(h, m, 0).unwrap();
            out.push(Order {
                created: tokyo.from_local_datetime(&local).unwrap().to_utc(),
                cents: 1000 + u64::from((n * 37 + i * 1111) % 90_000),
                cancelled: n % 6 == 0 && i == 0,
                test: n % 7 == 3 && i == 1,
            });
        }
    }
    out
}

/// What a throttled Admin GraphQL answer looks like (HTTP 200).
/// <https://shopify.dev/docs/api/usage/limits>
fn shopify_throttled() -> Value {
    json!({
        "errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
            "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
        "extensions": {"cost": {"requestedQueryCost": 52, "actualQueryCost": null,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 2, "restoreRate": 100.0}}}
    })
}

/// One Mailchimp campaign report: its id, send time and counts (emails_sent, hard_bounces,
/// soft_bounces, unsubscribed, unique_opens, unique_subscriber_clicks).
#[derive(Debug, Clone)]
struct Campaign {
    id: String,
    sent: DateTime<Utc>,
    counts: [u64; 6],
}

/// A campaign every third day from August to November, to lists of very different sizes (so
/// a mean of campaign rates is not the rate of the sums), sent at 16:30 UTC: 01:30 the next
/// day in Tokyo.
fn campaigns() -> Vec<Campaign> {
    days("2026-08-01", "2026-11-30")
        .into_iter()
        .filter(|d| d.ordinal() % 3 == 0)
        .map(|d| {
            let n = u64::from(d.ordinal());
            let sent = 200 + (n * 97) % 5000;
            let (hard, soft) = (n % 5, (n * 3) % 11);
            let delivered = sent - hard - soft;
            Campaign {
                id: format!("c{n:04}"),
                sent: d.and_hms_opt(16, 30, 0).unwrap().and_utc(),
                counts: [
                    sent,
                    hard,
                    soft,
                    n % 9,
                    delivered * (20 + n % 30) / 100,
                    delivered * (2 + n % 7) / 100,
                ],
            }
        })
        .collect()
}

#[derive(Default)]
struct ServerState {
    /// Requests per route: (path and query, body).
    requests: Mutex<HashMap<&'static str, Vec<(String, String)>>>,
    /// Answers given instead of the normal one, per route: (status, body).
    faults: Mutex<HashMap<&'static str, VecDeque<(u16, Value)>>>,
    orders: Vec<Order>,
    campaigns: Vec<Campaign>,
}

struct Server {
    base: String,
    state: Arc<ServerState>,
    _runtime: tokio::runtime::Runtime,
}

impl Server {
    fn start() -> Self {
        let state = Arc::new(ServerState {
            orders: orders(),
            campaigns: campaigns(),
            ..ServerState::default()
        });
        let (base, runtime) = crate::common::api_server::serve(
            axum::Router::new()
                .fallback(handle)
                .with_state(state.clone()),
        );
        Server {
            base,
            state,
            _runtime: runtime,
        }
    }

    fn fault(&self, route: &'static str, status: u16, body: Value) {
        self.state
            .faults
            .lock()
            .unwrap()
            .entry(route)
            .or_default()
            .push_back((status, body));
    }

    fn requests(&self, route: &str) -> Vec<(String, String)> {
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
    if path.ends_with("/graphql.json") {
        "shopify"
    } else if path.ends_with("/3.0/reports") {
        "mailchimp"
    } else if path.ends_with("/v2/reports") {
        "youtube"
    } else if path == "/token" {
        "token"
    } else {
        "unknown"
    }
}

async fn handle(
    State(st): State<Arc<ServerState>>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = route(uri.path());
    st.requests
        .lock()
        .unwrap()
        .entry(route)
        .or_default()
        .push((uri.to_string(), String::from_utf8_lossy(&body).into_owned()));
    let fault = st
        .faults
        .lock()
        .unwrap()
        .get_mut(route)
        .and_then(VecDeque::pop_front);
    if let Some((status, body)) = fault {
        return (StatusCode::from_u16(status).unwrap(), axum::Json(body)).into_response();
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match route {
        "shopify" => {
            if header("x-shopify-access-token") != Some(SHOP_TOKEN) {
                // <https://shopify.dev/docs/api/usage/response-codes>
                let body = json!({"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"});
                return (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
            }
            let request: Value = serde_json::from_slice(&body).unwrap();
            axum::Json(shopify(&st.orders, uri.path(), &request)).into_response()
        }
        "mailchimp" => {
            use base64::Engine as _;
            let password = header("authorization")
                .and_then(|a| a.strip_prefix("Basic "))
                .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                .and_then(|b| String::from_utf8(b).ok())
                .and_then(|pair| pair.split_once(':').map(|(_, p)| p.to_string()));
            if password.as_deref() != Some(MC_KEY) {
                // <https://mailchimp.com/developer/marketing/docs/errors/>
                let body = json!({"type": "https://mailchimp.com/developer/marketing/docs/errors/",
                    "title": "API Key Invalid", "status": 401,
                    "detail": "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
                    "instance": "0b3f8d4e-8f8c-4b5e-9c1a-3d2e1f0a9b8c"});
                let mut r = (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
                r.headers_mut()
                    .insert("content-type", "application/problem+json".parse().unwrap());
                return r;
            }
            let query: HashMap<String, String> =
                url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .into_owned()
                    .collect();
            axum::Json(mailchimp(&st.campaigns, uri.path(), &query)).into_response()
        }
        "token" => {
            // <https://developers.google.com/identity/protocols/oauth2/web-server#offline>
            let form: HashMap<String, String> =
                url::form_urlencoded::parse(&body).into_owned().collect();
            if form.get("refresh_token").map(String::as_str) != Some(G_REFRESH) {
                let body = json!({"error": "invalid_grant", "error_description": "Token has been expired or revoked."});
                return (StatusCode::BAD_REQUEST, axum::Json(body)).into_response();
            }
            axum::Json(
                json!({"access_token": G_ACCESS, "expires_in": 3599, "token_type": "Bearer",
                "scope": "https://www.googleapis.com/auth/yt-analytics.readonly"}),
            )
            .into_response()
        }
        "youtube" => {
            if header("authorization") != Some(&format!("Bearer {G_ACCESS}")) {
                let body = json!({"error": {"code": 401, "status": "UNAUTHENTICATED",
                    "message": "Request had invalid authentication credentials. Expected OAuth 2 access token."}});
                return (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response();
            }
            let query: HashMap<String, String> =
                url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
                    .into_owned()
                    .collect();
            axum::Json(youtube(uri.path(), &query)).into_response()
        }
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// A channel's day: views, estimatedMinutesWatched, subscribersGained, subscribersLost,
/// likes, comments, shares.
fn yt_day(d: NaiveDate) -> [u64; 7] {
    let n = u64::from(d.ordinal());
    let views = 300 + (n * 13) % 200;
    [
        views,
        views * 3 + n % 7,
        2 + n % 5,
        n % 3,
        10 + n % 9,
        n % 4,
        n % 3,
    ]
}

/// `GET /v2/reports?dimensions=day`: a table of days, `maxResults` rows from the 1-based
/// `startIndex`, `rows` left out when there are none. Under `/loop/` every page is the first.
fn youtube(path: &str, q: &HashMap<String, String>) -> Value {
    assert_eq!(q["ids"], "channel==MINE");
    assert_eq!(q["dimensions"], "day");
    let metrics: Vec<&str> = q["metrics"].split(',').collect();
    let all = days(&q["startDate"], &q["endDate"]);
    let size: usize = q["maxResults"].parse().unwrap();
    let from: usize = if path.starts_with("/loop/") {
        1
    } else {
        q["startIndex"].parse().unwrap()
    };
    let rows: Vec<Value> = all
        .iter()
        .skip(from - 1)
        .take(size)
        .map(|d| {
            let values = yt_day(*d);
            let mut row = vec![json!(d.to_string())];
            for m in &metrics {
                let i = [
                    "views",
                    "estimatedMinutesWatched",
                    "subscribersGained",
                    "subscribersLost",
                    "likes",
                    "comments",
                    "shares",
                ]
                .iter()
                .position(|x| x == m)
                .unwrap();
                row.push(json!(values[i]));
            }
            Value::Array(row)
        })
        .collect();
    let mut headers = vec![json!({"name": "day", "columnType": "DIMENSION", "dataType": "STRING"})];
    headers.extend(
        metrics
            .iter()
            .map(|m| json!({"name": m, "columnType": "METRIC", "dataType": "INTEGER"})),
    );
    let mut answer = json!({"kind": "youtubeAnalytics#resultTable", "columnHeaders": headers});
    if !rows.is_empty() {
        answer["rows"] = Value::Array(rows);
    }
    answer
}

/// `GET /3.0/reports`: campaigns sent after `since_send_time` and before `before_send_time`,
/// newest first, `count` from `offset`. Under `/loop/` the offset is ignored (every page is
/// the first) and `total_items` never reached.
fn mailchimp(all: &[Campaign], path: &str, q: &HashMap<String, String>) -> Value {
    assert!(q["fields"].contains("reports.opens.unique_opens"), "{q:?}");
    let at = |k: &str| DateTime::parse_from_rfc3339(&q[k]).unwrap().to_utc();
    let (since, before) = (at("since_send_time"), at("before_send_time"));
    let mut matching: Vec<&Campaign> = all
        .iter()
        .filter(|c| c.sent >= since && c.sent < before)
        .collect();
    matching.sort_by_key(|c| std::cmp::Reverse(c.sent));
    let looping = path.starts_with("/loop/");
    let count: usize = q["count"].parse().unwrap();
    assert!(count <= 1000);
    let offset: usize = if looping {
        0
    } else {
        q["offset"].parse().unwrap()
    };
    let reports: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(count)
        .map(|c| {
            let [sent, hard, soft, unsub, opens, clicks] = c.counts;
            json!({"id": c.id, "send_time": c.sent.format("%Y-%m-%dT%H:%M:%S+00:00").to_string(),
                "emails_sent": sent, "unsubscribed": unsub,
                "bounces": {"hard_bounces": hard, "soft_bounces": soft, "syntax_errors": 0},
                "opens": {"opens_total": opens * 2, "unique_opens": opens,
                          "open_rate": opens as f64 / (sent - hard - soft) as f64},
                "clicks": {"clicks_total": clicks * 3, "unique_clicks": clicks + 1,
                           "unique_subscriber_clicks": clicks,
                           "click_rate": clicks as f64 / (sent - hard - soft) as f64}})
        })
        .collect();
    let total = if looping { 1_000_000 } else { matching.len() };
    json!({"reports": reports, "total_items": total, "_links": []})
}

/// The campaigns' counts summed over those sent on `days` in Tokyo.
fn mc_sums(days: &[NaiveDate]) -> [u64; 6] {
    let tokyo = chrono_tz::Asia::Tokyo;
    let mut sums = [0; 6];
    for c in campaigns() {
        if days.contains(&c.sent.with_timezone(&tokyo).date_naive()) {
            for (s, n) in sums.iter_mut().zip(c.counts) {
                *s += n;
            }
        }
    }
    sums
}

/// `shop { ianaTimezone currencyCode }`, or a page of `orders` for the `created_at` filter,
/// oldest first, `first` a page, the cursor the index of the next order. Under `/loop/` every
/// page says there is another after the same cursor; under `/bad/` amounts are exponents.
fn shopify(all: &[Order], path: &str, request: &Value) -> Value {
    assert!(path.ends_with("/admin/api/2026-10/graphql.json"), "{path}");
    let query = request["query"].as_str().unwrap();
    let cost = json!({"requestedQueryCost": 52, "actualQueryCost": 12,
        "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1988, "restoreRate": 100.0}});
    if query.contains("shop {") {
        return json!({"data": {"shop": {"ianaTimezone": "Asia/Tokyo", "currencyCode": "EUR"}},
                      "extensions": {"cost": cost}});
    }
    let vars = &request["variables"];
    let filter = vars["query"].as_str().unwrap();
    let bound = |op: &str| -> DateTime<Utc> {
        let at = filter.find(&format!("created_at:{op}'")).unwrap() + op.len() + 12;
        let text = &filter[at..at + filter[at..].find('\'').unwrap()];
        DateTime::parse_from_rfc3339(text).unwrap().to_utc()
    };
    let (from, until) = (bound(">="), bound("<"));
    let matching: Vec<&Order> = all
        .iter()
        .filter(|o| o.created >= from && o.created < until)
        .collect();
    let first = vars["first"].as_u64().unwrap() as usize;
    assert!(first <= 250);
    let start: usize = vars["after"]
        .as_str()
        .map_or(0, |c| c.trim_start_matches("cursor-").parse().unwrap());
    let nodes: Vec<Value> = matching
        .iter()
        .enumerate()
        .skip(start)
        .take(first)
        .map(|(i, o)| {
            let amount = if path.starts_with("/bad/") {
                "1e999".to_string()
            } else {
                format!("{}.{:02}", o.cents / 100, o.cents % 100)
            };
            json!({"id": format!("gid://shopify/Order/{i}"),
                "createdAt": o.created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "cancelledAt": if o.cancelled { json!("2026-11-01T00:00:00Z") } else { Value::Null },
                "test": o.test,
                "currentTotalPriceSet": {"shopMoney": {"amount": amount, "currencyCode": "EUR"}}})
        })
        .collect();
    let next = start + nodes.len();
    let looping = path.starts_with("/loop/");
    json!({"data": {"orders": {"nodes": nodes, "pageInfo": {
            "hasNextPage": looping || next < matching.len(),
            "endCursor": if looping { "cursor-0".to_string() } else { format!("cursor-{next}") }}}},
        "extensions": {"cost": cost}})
}

/// Revenue (cents) and orders of the counted orders created on `days` in Tokyo.
fn shop_sums(days: &[NaiveDate]) -> (u64, u64) {
    let tokyo = chrono_tz::Asia::Tokyo;
    orders()
        .iter()
        .filter(|o| !o.cancelled && !o.test)
        .filter(|o| days.contains(&o.created.with_timezone(&tokyo).date_naive()))
        .fold((0, 0), |(cents, n), o| (cents + o.cents, n + 1))
}

// ---------------------------------------------------------------------------------------
// Workspaces and runs.

/// A workspace with the given clients' `sources:` blocks (Tokyo, euros).
fn workspace(clients: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("agencies:\n  - id: agency\n    name: Agency\nclients:\n");
    for (id, sources) in clients {
        yaml.push_str(&format!(
            "  - id: {id}\n    name: {id}\n    time_zone: Asia/Tokyo\n    currency: EUR\n    sources:\n{sources}"
        ));
    }
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn shopify_source(base: &str, extra: &str) -> String {
    format!(
        "      - id: shop\n        kind: shopify\n        api: {{ shop: trattoria, base_url: \"{base}\", page_size: 7, auth: {{ bearer: {{ env: T_SHOP_TOKEN }} }}{extra} }}\n        columns: {{ revenue: shop.revenue, orders: shop.orders }}\n"
    )
}

fn mailchimp_source(base: &str) -> String {
    format!(
        "      - id: mail\n        kind: mailchimp\n        api: {{ data_center: us6, base_url: \"{base}\", page_size: 4, auth: {{ basic: {{ password: {{ env: T_MC_KEY }} }} }} }}\n        columns: {{ emails_sent: email.sent, delivered: email.delivered, bounces: email.bounces, unsubscribed: email.unsubscribes, unique_opens: email.opens, unique_subscriber_clicks: email.clicks }}\n"
    )
}

fn youtube_source(base: &str, token_base: &str) -> String {
    format!(
        "      - id: yt\n        kind: youtube_analytics\n        api: {{ base_url: \"{base}\", page_size: 10, auth: {{ google_oauth: {{ client_id: {{ env: T_G_ID }}, client_secret: {{ env: T_G_SECRET }}, refresh_token: {{ env: T_G_REFRESH }}, token_url: \"{token_base}/token\" }} }} }}\n        columns: {{ views: social.video_views, estimatedMinutesWatched: social.watch_minutes, net_subscribers: social.net_followers, engagements: social.engagements }}\n"
    )
}

fn render(dir: &Path, env: &[(&str, &str)]) -> Output {
    render_at(dir, env, NOW)
}

fn render_at(dir: &Path, env: &[(&str, &str)], now: &str) -> Output {
    let config = dir.join("execreport.yaml");
    let out = dir.join("out");
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(["-c", config.to_str().unwrap(), "render", "--format", "json"])
        .args([
            "--out",
            out.to_str().unwrap(),
            "--now",
            now,
            "--period",
            "2026-10",
        ])
        .env("T_SHOP_TOKEN", SHOP_TOKEN)
        .env("T_MC_KEY", MC_KEY)
        .env("T_G_ID", "client-id.apps.googleusercontent.com")
        .env("T_G_SECRET", "client-secret-yt")
        .env("T_G_REFRESH", G_REFRESH)
        .envs(env.iter().copied())
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_TODAY")
        .output()
        .unwrap()
}

fn sources_test(dir: &Path, env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(["sources", "test", "--now", NOW])
        .current_dir(dir)
        .env("T_SHOP_TOKEN", SHOP_TOKEN)
        .env("T_MC_KEY", MC_KEY)
        .env("T_G_ID", "client-id.apps.googleusercontent.com")
        .env("T_G_SECRET", "client-secret-yt")
        .env("T_G_REFRESH", G_REFRESH)
        .envs(env.iter().copied())
        .env_remove("EXECREPORT_CONFIG")
        .output()
        .unwrap()
}

/// The line of `sources test` that starts with `client  source  `.
fn health_line<'a>(out: &'a str, start: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line {start:?}: {out}"))
}

fn report(dir: &Path, client: &str) -> Value {
    let path = dir.join(format!("out/{client}/2026-10/report.json"));
    serde_json::from_slice(&std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .unwrap()
}

fn value(r: &Value, id: &str, which: &str) -> f64 {
    kpi(r, id)[which]
        .as_f64()
        .unwrap_or_else(|| panic!("{id} has no {which}: {}", kpi(r, id)))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

// ---------------------------------------------------------------------------------------
// Shopify.

#[test]
fn shopify_orders_are_paged_throttled_and_summed_in_the_shops_days() {
    let server = Server::start();
    // The first answer is a throttle: the request is asked again once the bucket refills.
    server.fault("shopify", 200, shopify_throttled());
    let ws = workspace(&[("shop-co", &shopify_source(&server.base, ""))]);
    let o = render(ws.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = report(ws.path(), "shop-co");
    for (which, range) in [
        ("value", days("2026-10-01", "2026-10-31")),
        ("previous", days("2026-09-01", "2026-09-30")),
    ] {
        let (cents, orders) = shop_sums(&range);
        assert!(orders > 50, "{orders}");
        let revenue = cents as f64 / 100.0;
        assert!(close(value(&r, "shop.revenue", which), revenue), "{which}");
        assert_eq!(value(&r, "shop.orders", which), orders as f64, "{which}");
        // A ratio of the sums, not a mean of daily averages.
        assert!(
            close(
                value(&r, "shop.average_order_value", which),
                revenue / orders as f64
            ),
            "{which}"
        );
    }
    let requests = server.requests("shopify");
    let pages = |range: &[NaiveDate]| {
        let tokyo = chrono_tz::Asia::Tokyo;
        let n = orders()
            .iter()
            .filter(|o| range.contains(&o.created.with_timezone(&tokyo).date_naive()))
            .count();
        n.div_ceil(7)
    };
    let expected =
        2 + pages(&days("2026-10-01", "2026-10-31")) + pages(&days("2026-09-01", "2026-09-30")) + 1;
    assert_eq!(
        requests.len(),
        expected,
        "one page a request, the throttled one twice"
    );
    // The range is the shop's midnights, as the Admin API's search syntax takes them.
    assert!(
        requests.iter().any(|(_, body)| body.contains(
            "created_at:>='2026-10-01T00:00:00+09:00' created_at:<'2026-11-01T00:00:00+09:00'"
        )),
        "{requests:?}"
    );
    assert!(requests[0].0.starts_with("/admin/api/2026-10/graphql.json"));
}

/// A run's `--now` is its today: a shop's or a list's days after it are not there yet
/// (missing), not days without orders or sends (zeros), whatever the machine's clock says.
#[test]
fn days_after_the_runs_now_are_missing_not_zero() {
    let server = Server::start();
    let ws = workspace(&[
        ("shop-co", &shopify_source(&server.base, "")),
        ("mail-co", &mailchimp_source(&server.base)),
    ]);
    let o = render_at(ws.path(), &[], "2026-10-20T03:00:00Z");
    assert!(o.status.success(), "{}", stderr(&o));
    // Tokyo days with no order (ordinal % 5 == 0) or no send, before and after 20 October.
    for (client, quiet_before, quiet_after) in [
        ("shop-co", "2026-10-17", "2026-10-22"),
        ("mail-co", "2026-10-17", "2026-10-23"),
    ] {
        let r = report(ws.path(), client);
        let source = &r["data_quality"]["sources"][0];
        let missing = |d: &str| {
            source["missing"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["start"].as_str().unwrap() <= d && d <= m["end"].as_str().unwrap())
        };
        assert!(!missing(quiet_before), "{client}: {source}");
        assert!(missing(quiet_after), "{client}: {source}");
    }
}

#[test]
fn shopify_expired_token_and_hostile_answers_fail_one_client_only() {
    let server = Server::start();
    let base = &server.base;
    let ws = workspace(&[
        ("good-co", &shopify_source(base, "")),
        ("loop-co", &shopify_source(&format!("{base}/loop"), "")),
        ("bad-co", &shopify_source(&format!("{base}/bad"), "")),
    ]);
    let o = render(ws.path(), &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    let r = report(ws.path(), "good-co");
    let (cents, _) = shop_sums(&days("2026-10-01", "2026-10-31"));
    assert!(close(
        value(&r, "shop.revenue", "value"),
        cents as f64 / 100.0
    ));
    assert!(err.contains("pageInfo.endCursor repeats"), "{err}");
    assert!(
        err.contains(r#"currentTotalPriceSet.shopMoney.amount is "1e999", expected a decimal"#),
        "{err}"
    );
    assert!(!ws.path().join("out/loop-co/2026-10/report.json").exists());

    // A revoked or expired access token: 401, "expired" in `sources test`, never shown.
    let stale = "shpat_stale_ffffffff";
    let ws = workspace(&[("good-co", &shopify_source(base, ""))]);
    let o = sources_test(ws.path(), &[("T_SHOP_TOKEN", stale)]);
    let out = stdout(&o);
    let line = health_line(&out, "good-co  shop  ");
    assert!(line.contains(" expired "), "{out}");
    assert!(line.contains("Invalid API key or access token"), "{out}");
    assert!(!out.contains(stale) && !stderr(&o).contains(stale));
    let o = sources_test(ws.path(), &[]);
    assert!(stdout(&o).contains("good-co  shop  ok "), "{}", stdout(&o));
}

#[test]
fn settings_are_checked_when_the_workspace_loads() {
    let ws = workspace(&[(
        "shop-co",
        "      - id: shop\n        kind: shopify\n        api: { shop: shop.example.com, auth: { bearer: { env: T } } }\n        columns: { total_sales: shop.revenue }\n      - id: mail\n        kind: mailchimp\n        api: { data_center: \"us-6.evil\", auth: { basic: { password: { env: T } } } }\n        columns: { open_rate: email.opens }\n      - id: yt\n        kind: youtube_analytics\n        api: { channel: \"my channel\", auth: { bearer: { env: T } } }\n        columns: { views: social.video_views }\n",
    )]);
    let o = Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(["check"])
        .current_dir(ws.path())
        .env_remove("EXECREPORT_CONFIG")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert!(!o.status.success());
    assert!(
        err.contains("expected the shop's myshopify.com domain"),
        "{err}"
    );
    assert!(
        err.contains(r#"a shopify source gives revenue, orders; found "total_sales""#),
        "{err}"
    );
    // Rates are computed from the counts, never read.
    assert!(err.contains(r#"found "open_rate""#), "{err}");
    assert!(err.contains("expected Mailchimp's data center"), "{err}");
    assert!(
        err.contains("expected MINE or a YouTube channel id"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// Mailchimp.

#[test]
fn mailchimp_reports_are_paged_retried_and_counted_on_their_local_send_days() {
    let server = Server::start();
    // Mailchimp's 429 is a problem document; the request is asked again after Retry-After.
    server.fault(
        "mailchimp",
        429,
        json!({"type": "https://mailchimp.com/developer/marketing/docs/errors/",
               "title": "Too Many Requests", "status": 429,
               "detail": "You have exceeded the limit of 10 simultaneous connections."}),
    );
    let ws = workspace(&[("mail-co", &mailchimp_source(&server.base))]);
    let o = render(ws.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = report(ws.path(), "mail-co");
    for (which, range) in [
        ("value", days("2026-10-01", "2026-10-31")),
        ("previous", days("2026-09-01", "2026-09-30")),
    ] {
        let [sent, hard, soft, unsub, opens, clicks] = mc_sums(&range);
        let delivered = sent - hard - soft;
        let v = |id: &str| value(&r, id, which);
        assert_eq!(v("email.sent"), sent as f64, "{which}");
        assert_eq!(v("email.delivered"), delivered as f64, "{which}");
        assert_eq!(v("email.bounces"), (hard + soft) as f64, "{which}");
        assert_eq!(v("email.unsubscribes"), unsub as f64, "{which}");
        assert_eq!(v("email.opens"), opens as f64, "{which}");
        assert_eq!(v("email.clicks"), clicks as f64, "{which}");
        // Rates of the summed counts, not means of each campaign's rate.
        assert!(close(v("email.open_rate"), opens as f64 / delivered as f64));
        assert!(close(
            v("email.click_rate"),
            clicks as f64 / delivered as f64
        ));
    }
    let requests = server.requests("mailchimp");
    let pages = |range: &[NaiveDate]| {
        let tokyo = chrono_tz::Asia::Tokyo;
        let n = campaigns()
            .iter()
            .filter(|c| range.contains(&c.sent.with_timezone(&tokyo).date_naive()))
            .count();
        n.div_ceil(4)
    };
    let expected =
        pages(&days("2026-10-01", "2026-10-31")) + pages(&days("2026-09-01", "2026-09-30")) + 1;
    assert_eq!(requests.len(), expected, "{requests:?}");
    // The client's midnights, in UTC.
    assert!(
        requests.iter().any(|(uri, _)| uri.contains(
            "since_send_time=2026-09-30T15%3A00%3A00Z&before_send_time=2026-10-31T15%3A00%3A00Z"
        )),
        "{requests:?}"
    );
}

#[test]
fn mailchimp_invalid_key_and_endless_pages_fail_one_client_only() {
    let server = Server::start();
    let base = &server.base;
    let ws = workspace(&[
        ("mail-co", &mailchimp_source(base)),
        ("loop-co", &mailchimp_source(&format!("{base}/loop"))),
    ]);
    let o = render(ws.path(), &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    let r = report(ws.path(), "mail-co");
    assert_eq!(
        value(&r, "email.sent", "value"),
        mc_sums(&days("2026-10-01", "2026-10-31"))[0] as f64
    );
    assert!(err.contains("repeats campaigns already read"), "{err}");
    assert!(!ws.path().join("out/loop-co/2026-10/report.json").exists());

    let stale = "ffffffffffffffffffffffffffffffff-us6";
    let ws = workspace(&[("mail-co", &mailchimp_source(base))]);
    let o = sources_test(ws.path(), &[("T_MC_KEY", stale)]);
    let out = stdout(&o);
    let line = health_line(&out, "mail-co  mail  ");
    assert!(line.contains(" expired "), "{out}");
    assert!(
        line.contains("API Key Invalid: Your API key may be invalid"),
        "{out}"
    );
    assert!(!out.contains(stale) && !stderr(&o).contains(stale));
}

// ---------------------------------------------------------------------------------------
// YouTube Analytics.

#[test]
fn youtube_days_are_paged_retried_and_summed() {
    let server = Server::start();
    // <https://developers.google.com/youtube/analytics/reference/reports/query#errors>
    server.fault(
        "youtube",
        429,
        json!({"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
            "message": "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute'.",
            "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "RATE_LIMIT_EXCEEDED",
                "domain": "googleapis.com", "metadata": {"quota_metric": "youtubeanalytics.googleapis.com/queries"}}]}}),
    );
    let ws = workspace(&[("yt-co", &youtube_source(&server.base, &server.base))]);
    let o = render(ws.path(), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r = report(ws.path(), "yt-co");
    for (which, range) in [
        ("value", days("2026-10-01", "2026-10-31")),
        ("previous", days("2026-09-01", "2026-09-30")),
    ] {
        let sum = |f: &dyn Fn([u64; 7]) -> i64| -> f64 {
            range.iter().map(|d| f(yt_day(*d))).sum::<i64>() as f64
        };
        assert_eq!(
            value(&r, "social.video_views", which),
            sum(&|v| v[0] as i64)
        );
        assert_eq!(
            value(&r, "social.watch_minutes", which),
            sum(&|v| v[1] as i64)
        );
        assert_eq!(
            value(&r, "social.net_followers", which),
            sum(&|v| v[2] as i64 - v[3] as i64)
        );
        assert_eq!(
            value(&r, "social.engagements", which),
            sum(&|v| (v[4] + v[5] + v[6]) as i64)
        );
    }
    // October: 10 + 10 + 10 + 1 rows; September: three full pages and an empty one; and the
    // throttled request once more.
    assert_eq!(server.requests("youtube").len(), 4 + 4 + 1);
}

#[test]
fn youtube_revoked_token_and_repeated_days_fail_one_client_only() {
    let server = Server::start();
    let base = &server.base;
    let ws = workspace(&[
        ("yt-co", &youtube_source(base, base)),
        ("loop-co", &youtube_source(&format!("{base}/loop"), base)),
    ]);
    let o = render(ws.path(), &[]);
    let err = stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains(" is given twice"), "{err}");
    let r = report(ws.path(), "yt-co");
    let views: u64 = days("2026-10-01", "2026-10-31")
        .iter()
        .map(|d| yt_day(*d)[0])
        .sum();
    assert_eq!(value(&r, "social.video_views", "value"), views as f64);

    let ws = workspace(&[("yt-co", &youtube_source(base, base))]);
    let stale = "1//revoked-refresh-token-ffff";
    let o = sources_test(ws.path(), &[("T_G_REFRESH", stale)]);
    let out = stdout(&o);
    let line = health_line(&out, "yt-co  yt  ");
    assert!(line.contains(" expired "), "{out}");
    assert!(
        line.contains("execreport connect google --client yt-co --source yt"),
        "{out}"
    );
    assert!(!out.contains(stale) && !stderr(&o).contains(stale));
}
