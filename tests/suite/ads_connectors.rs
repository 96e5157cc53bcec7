//! LinkedIn Ads, Microsoft Ads and TikTok Ads against a loopback server speaking each API's
//! documented format: LinkedIn's versioned `adAnalytics` (Rest.li 2.0) and campaign search
//! with cursor paging; Microsoft's Reporting service (submit, poll, a ZIP made by Python's
//! zipfile holding a CSV with header and footer lines); TikTok's integrated report with its
//! `code` envelope on HTTP 200. The expected numbers are recomputed from the served data.

use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Days, NaiveDate};
use serde_json::{Value, json};

use crate::common::kpi;

const NOW: &str = "2026-11-26T03:00:00Z";
const CLIENT_ID: &str = "ads-client-id";
const CLIENT_SECRET: &str = "ads-client-secret-0a9b";
const REFRESH_TOKEN: &str = "ads-refresh-token-77aa";
const DEVELOPER_TOKEN: &str = "ms-dev-token-4242";
const TIKTOK_TOKEN: &str = "tiktok-token-5150";
const SIGNATURE: &str = "sas-signature-0f0f0f";
/// Three campaigns, two of one name: the report shows "Brand" once, summed.
const CAMPAIGNS: [(&str, &str); 3] = [("501", "Brand"), ("502", "Generic"), ("503", "Brand")];

/// The served numbers of a campaign's day: spend in cents, impressions, clicks,
/// conversions; every conversion is worth 45.50.
fn spend_cents(d: NaiveDate, c: usize) -> u64 {
    1000 + (u64::from(d.ordinal()) * 37 + c as u64 * 11) % 900
}
fn impressions(d: NaiveDate, c: usize) -> u64 {
    1000 + (u64::from(d.ordinal()) * 13 + c as u64 * 7) % 500
}
fn clicks(d: NaiveDate, c: usize) -> u64 {
    20 + (u64::from(d.ordinal()) + c as u64 * 5) % 15
}
fn conversions(d: NaiveDate, c: usize) -> u64 {
    (u64::from(d.ordinal()) + c as u64) % 3
}
const VALUE_CENTS: u64 = 4550;

fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn days(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = start;
    while d <= end {
        out.push(d);
        d = d + Days::new(1);
    }
    out
}

fn month(m: u32) -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2026, m + 1, 1).unwrap() - Days::new(1);
    days(start, end)
}

/// Spend, impressions, clicks, conversions and their value over `ds`, all campaigns.
fn sums(ds: &[NaiveDate]) -> (f64, f64, f64, f64, f64) {
    let (mut s, mut i, mut c, mut v) = (0, 0, 0, 0);
    for d in ds {
        for k in 0..CAMPAIGNS.len() {
            s += spend_cents(*d, k);
            i += impressions(*d, k);
            c += clicks(*d, k);
            v += conversions(*d, k);
        }
    }
    (
        s as f64 / 100.0,
        i as f64,
        c as f64,
        v as f64,
        (v * VALUE_CENTS) as f64 / 100.0,
    )
}

/// What the server answers instead of the data, once, per route.
#[derive(Clone)]
enum Fault {
    Status(u16, &'static str, Option<&'static str>),
    /// HTTP 200 with this body.
    Body(String),
}

/// A request as received: route, `METHOD path?query`, headers (lower case), body.
type Received = (String, String, HashMap<String, String>, String);
/// A submitted Microsoft report: its range, columns, and how often it was polled.
type Submitted = (NaiveDate, NaiveDate, Vec<String>, u32);

#[derive(Default)]
struct ServerState {
    base: Mutex<String>,
    requests: Mutex<Vec<Received>>,
    faults: Mutex<HashMap<&'static str, VecDeque<Fault>>>,
    issued: Mutex<u32>,
    /// Access tokens refused as expired.
    expired: Mutex<Vec<String>>,
    /// Reports submitted to Microsoft: id → (start, end, columns, polls so far).
    reports: Mutex<HashMap<String, Submitted>>,
    /// TikTok: `total_page` announced whatever the data (a server that never stops).
    tiktok_pages: Mutex<Option<u64>>,
}

struct Server {
    base: String,
    state: Arc<ServerState>,
    _runtime: tokio::runtime::Runtime,
}

impl Server {
    fn start() -> Self {
        let state = Arc::new(ServerState::default());
        let (base, runtime) = crate::common::api_server::serve(
            axum::Router::new()
                .fallback(handle)
                .with_state(state.clone()),
        );
        *state.base.lock().unwrap() = base.clone();
        Server {
            base,
            state,
            _runtime: runtime,
        }
    }

    fn fault(&self, route: &'static str, fault: Fault) {
        let mut faults = self.state.faults.lock().unwrap();
        faults.entry(route).or_default().push_back(fault);
    }

    /// (method, path?query, headers) of the requests to `route`.
    fn requests(&self, route: &str) -> Vec<Received> {
        let all = self.state.requests.lock().unwrap();
        all.iter().filter(|r| r.0 == route).cloned().collect()
    }
}

fn route(path: &str) -> &'static str {
    match path {
        "/token" => "token",
        "/rest/adAnalytics" => "linkedin",
        p if p.starts_with("/rest/adAccounts/") && p.ends_with("/adCampaigns") => "campaigns",
        "/Reporting/v13/GenerateReport/Submit" => "submit",
        "/Reporting/v13/GenerateReport/Poll" => "poll",
        p if p.starts_with("/download/") => "download",
        "/open_api/v1.3/report/integrated/get/" => "tiktok",
        _ => "unknown",
    }
}

fn query(uri: &Uri) -> HashMap<String, String> {
    url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn json_response(status: u16, body: Value) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn handle(
    State(st): State<Arc<ServerState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = route(uri.path());
    let heads: HashMap<String, String> = headers
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let text = String::from_utf8_lossy(&body).into_owned();
    st.requests.lock().unwrap().push((
        route.to_string(),
        format!("{method} {uri}"),
        heads.clone(),
        text.clone(),
    ));
    let fault = st
        .faults
        .lock()
        .unwrap()
        .get_mut(route)
        .and_then(VecDeque::pop_front);
    match fault {
        Some(Fault::Status(code, body, retry_after)) => {
            let mut response = json_response(code, serde_json::from_str(body).unwrap());
            if let Some(wait) = retry_after {
                response
                    .headers_mut()
                    .insert("retry-after", wait.parse().unwrap());
            }
            return response;
        }
        Some(Fault::Body(body)) => return (StatusCode::OK, body).into_response(),
        None => {}
    }
    let bearer = heads
        .get("authorization")
        .and_then(|a| a.strip_prefix("Bearer "))
        .unwrap_or("")
        .to_string();
    let oauth_ok = bearer.starts_with("access-") && !st.expired.lock().unwrap().contains(&bearer);
    match route {
        "token" => {
            let form: HashMap<String, String> =
                url::form_urlencoded::parse(&body).into_owned().collect();
            if form.get("refresh_token").map(String::as_str) != Some(REFRESH_TOKEN)
                || form.get("client_secret").map(String::as_str) != Some(CLIENT_SECRET)
            {
                return json_response(
                    400,
                    json!({"error": "invalid_grant", "error_description": "The refresh token is invalid or expired."}),
                );
            }
            let mut n = st.issued.lock().unwrap();
            *n += 1;
            json_response(
                200,
                json!({"access_token": format!("access-{n}-tok"), "expires_in": 3600, "token_type": "Bearer"}),
            )
        }
        "linkedin" | "campaigns" => {
            if !oauth_ok {
                return json_response(
                    401,
                    json!({"status": 401, "serviceErrorCode": 65600, "code": "INVALID_ACCESS_TOKEN", "message": "Invalid access token"}),
                );
            }
            if heads.get("linkedin-version").is_none_or(|v| v.len() != 6)
                || heads.get("x-restli-protocol-version").map(String::as_str) != Some("2.0.0")
            {
                return json_response(
                    400,
                    json!({"status": 400, "serviceErrorCode": 100, "message": "missing version headers"}),
                );
            }
            if route == "campaigns" {
                return linkedin_campaigns(&query(&uri));
            }
            linkedin_analytics(uri.query().unwrap_or(""))
        }
        "submit" | "poll" => {
            if !oauth_ok {
                return json_response(
                    401,
                    json!({"TrackingId": "trk-401", "Type": "AdApiFaultDetail", "Errors": [{"Code": 109, "ErrorCode": "AuthenticationTokenExpired", "Message": "The OAuth access token has expired."}]}),
                );
            }
            if heads.get("developertoken").map(String::as_str) != Some(DEVELOPER_TOKEN)
                || heads.get("customerid").map(String::as_str) != Some("251123456")
                || heads.get("customeraccountid").map(String::as_str) != Some("149123456")
            {
                return json_response(
                    400,
                    json!({"TrackingId": "trk-400", "Errors": [{"Code": 105, "ErrorCode": "InvalidCredentials", "Message": "missing headers"}]}),
                );
            }
            let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            if route == "submit" {
                microsoft_submit(&st, &body)
            } else {
                microsoft_poll(&st, &body)
            }
        }
        "download" => {
            if !heads.contains_key("authorization")
                && query(&uri).get("sig").map(String::as_str) == Some(SIGNATURE)
            {
                microsoft_download(&st, uri.path())
            } else {
                (
                    StatusCode::FORBIDDEN,
                    "<Error><Code>AuthenticationFailed</Code></Error>",
                )
                    .into_response()
            }
        }
        "tiktok" => tiktok(
            &st,
            heads.get("access-token").map(String::as_str),
            &query(&uri),
        ),
        _ => json_response(404, json!({"message": "no such route"})),
    }
}

/// `(start:(year:2026,month:10,day:1),end:(year:2026,month:10,day:31))` → the two days.
fn rest_li_range(query: &str) -> Option<(NaiveDate, NaiveDate)> {
    let range = query
        .split('&')
        .find_map(|p| p.strip_prefix("dateRange="))?;
    let numbers: Vec<u32> = range
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let [y1, m1, d1, y2, m2, d2] = numbers[..] else {
        return None;
    };
    Some((
        NaiveDate::from_ymd_opt(y1 as i32, m1, d1)?,
        NaiveDate::from_ymd_opt(y2 as i32, m2, d2)?,
    ))
}

fn linkedin_analytics(query: &str) -> Response {
    let ok = query.contains("q=analytics")
        && query.contains("pivot=CAMPAIGN")
        && query.contains("timeGranularity=DAILY")
        && query.contains("accounts=List(urn%3Ali%3AsponsoredAccount%3A507404993)");
    let Some((start, end)) = rest_li_range(query).filter(|_| ok) else {
        return json_response(
            400,
            json!({"status": 400, "serviceErrorCode": 100, "code": "ILLEGAL_ARGUMENT", "message": format!("bad query {query}")}),
        );
    };
    let mut elements = Vec::new();
    for d in days(start, end) {
        for (c, (id, _)) in CAMPAIGNS.iter().enumerate() {
            let day = json!({"year": d.year(), "month": d.month(), "day": d.day()});
            let conv = conversions(d, c);
            // LinkedIn leaves out zero metrics of a day.
            let mut e = json!({
                "dateRange": {"start": day, "end": day},
                "pivotValues": [format!("urn:li:sponsoredCampaign:{id}")],
                "costInLocalCurrency": money(spend_cents(d, c)),
                "impressions": impressions(d, c),
                "clicks": clicks(d, c),
            });
            if conv > 0 {
                e["externalWebsiteConversions"] = json!(conv);
                e["conversionValueInLocalCurrency"] = json!(money(conv * VALUE_CENTS));
            }
            elements.push(e);
        }
    }
    json_response(
        200,
        json!({"paging": {"start": 0, "count": 10, "links": []}, "elements": elements}),
    )
}

/// Two campaigns a page, the cursor an opaque token.
fn linkedin_campaigns(q: &HashMap<String, String>) -> Response {
    let from: usize = match q.get("pageToken").map(String::as_str) {
        None => 0,
        Some("cursor-two") => 2,
        Some(other) => {
            return json_response(
                400,
                json!({"status": 400, "serviceErrorCode": 100, "message": format!("bad pageToken {other}")}),
            );
        }
    };
    let elements: Vec<Value> = CAMPAIGNS[from..]
        .iter()
        .take(2)
        .map(|(id, name)| json!({"id": id.parse::<u64>().unwrap(), "name": name, "account": "urn:li:sponsoredAccount:507404993", "status": "ACTIVE"}))
        .collect();
    let mut metadata = json!({});
    if from == 0 {
        metadata["nextPageToken"] = json!("cursor-two");
    }
    json_response(200, json!({"elements": elements, "metadata": metadata}))
}

fn microsoft_submit(st: &ServerState, body: &Value) -> Response {
    let r = &body["ReportRequest"];
    let day = |v: &Value| {
        NaiveDate::from_ymd_opt(
            v["Year"].as_i64().unwrap_or(0) as i32,
            v["Month"].as_u64().unwrap_or(0) as u32,
            v["Day"].as_u64().unwrap_or(0) as u32,
        )
    };
    let ok = r["Type"] == "CampaignPerformanceReportRequest"
        && r["Aggregation"] == "Daily"
        && r["Format"] == "Csv"
        && r["Scope"]["AccountIds"] == json!([149123456]);
    let (Some(start), Some(end)) = (
        day(&r["Time"]["CustomDateRangeStart"]),
        day(&r["Time"]["CustomDateRangeEnd"]),
    ) else {
        return json_response(
            400,
            json!({"TrackingId": "trk-bad", "Errors": [{"Code": 2001, "ErrorCode": "InvalidCustomDateRange", "Message": "bad range"}]}),
        );
    };
    if !ok {
        return json_response(
            400,
            json!({"TrackingId": "trk-bad", "Errors": [{"Code": 2000, "ErrorCode": "InvalidReportRequest", "Message": format!("bad request {r}")}]}),
        );
    }
    let columns: Vec<String> = r["Columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    let mut reports = st.reports.lock().unwrap();
    let id = format!("rep-{}", reports.len() + 1);
    reports.insert(id.clone(), (start, end, columns, 0));
    json_response(200, json!({"ReportRequestId": id}))
}

/// Pending at the first poll, then Success with a signed URL.
fn microsoft_poll(st: &ServerState, body: &Value) -> Response {
    let id = body["ReportRequestId"].as_str().unwrap_or("");
    let mut reports = st.reports.lock().unwrap();
    let Some(report) = reports.get_mut(id) else {
        return json_response(
            400,
            json!({"TrackingId": "trk-poll", "Errors": [{"Code": 2100, "ErrorCode": "ReportingServiceInvalidReportId", "Message": "unknown id"}]}),
        );
    };
    report.3 += 1;
    if report.3 == 1 {
        return json_response(
            200,
            json!({"ReportRequestStatus": {"ReportDownloadUrl": null, "Status": "Pending"}}),
        );
    }
    let base = st.base.lock().unwrap().clone();
    json_response(
        200,
        json!({"ReportRequestStatus": {
        "ReportDownloadUrl": format!("{base}/download/{id}.zip?sv=2020-08-04&se=2026-11-26&sig={SIGNATURE}"),
        "Status": "Success"}}),
    )
}

fn microsoft_download(st: &ServerState, path: &str) -> Response {
    let id = path
        .trim_start_matches("/download/")
        .trim_end_matches(".zip");
    let (start, end, columns, _) = st.reports.lock().unwrap().get(id).cloned().unwrap();
    let ds = days(start, end);
    let mut csv = String::from(
        "\u{feff}\"Report Name: execreport\"\r\n\"Report Time: 11/26/2026\"\r\n\"Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\"\r\n\"Last Completed Available Day: 11/25/2026 10:00:00 PM (GMT+01:00)\"\r\n\"Report Aggregation: Daily\"\r\n",
    );
    csv.push_str(&format!(
        "\"Report Filter: \"\r\n\"Potential Incomplete Data: false\"\r\n\"Rows: {}\"\r\n\r\n",
        ds.len() * CAMPAIGNS.len()
    ));
    let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    csv.push_str(&quoted.join(","));
    csv.push_str("\r\n");
    for d in &ds {
        for (c, (_, name)) in CAMPAIGNS.iter().enumerate() {
            let cells: Vec<String> = columns
                .iter()
                .map(|col| match col.as_str() {
                    "TimePeriod" => d.to_string(),
                    "CampaignName" => format!("{name}, \"{c}\""),
                    "Spend" => money(spend_cents(*d, c)),
                    "Impressions" => impressions(*d, c).to_string(),
                    "Clicks" => clicks(*d, c).to_string(),
                    "Conversions" => format!("{}.00", conversions(*d, c)),
                    "Revenue" => money(conversions(*d, c) * VALUE_CENTS),
                    other => panic!("unknown column {other}"),
                })
                .map(|v| format!("\"{}\"", v.replace('"', "\"\"")))
                .collect();
            csv.push_str(&cells.join(","));
            csv.push_str("\r\n");
        }
    }
    csv.push_str("\r\n\"©2026 Microsoft Corporation. All rights reserved. \"\r\n");
    (
        StatusCode::OK,
        [("content-type", "application/octet-stream")],
        zip(&csv),
    )
        .into_response()
}

/// A ZIP made by Python's zipfile, deflated, as Microsoft's report files are.
fn zip(csv: &str) -> Vec<u8> {
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import io,sys,zipfile\nb=io.BytesIO()\nwith zipfile.ZipFile(b,'w',zipfile.ZIP_DEFLATED) as z: z.writestr('149123456_execreport.csv', sys.stdin.buffer.read())\nsys.stdout.buffer.write(b.getvalue())",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(csv.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    out.stdout
}

fn tiktok(st: &ServerState, token: Option<&str>, q: &HashMap<String, String>) -> Response {
    let envelope = |code: i64, message: &str, data: Value| {
        json_response(
            200,
            json!({"code": code, "message": message, "request_id": "2026112603000001", "data": data}),
        )
    };
    if token != Some(TIKTOK_TOKEN) {
        return envelope(
            40105,
            "Access token is incorrect or has been revoked.",
            json!({}),
        );
    }
    let get = |k: &str| q.get(k).map(String::as_str).unwrap_or("");
    let day = |k: &str| get(k).parse::<NaiveDate>().ok();
    let (Some(start), Some(end)) = (day("start_date"), day("end_date")) else {
        return envelope(
            40002,
            "start_date: Missing data for required field.",
            json!({}),
        );
    };
    if (end - start).num_days() >= 30
        || get("advertiser_id") != "7012345678901234567"
        || get("report_type") != "BASIC"
        || get("data_level") != "AUCTION_CAMPAIGN"
        || get("dimensions") != r#"["campaign_id","stat_time_day"]"#
    {
        return envelope(40002, "bad parameters", json!({}));
    }
    let metrics: Vec<String> = serde_json::from_str(get("metrics")).unwrap_or_default();
    let page: usize = get("page").parse().unwrap_or(1);
    let size: usize = get("page_size").parse().unwrap_or(10);
    let mut items = Vec::new();
    for d in days(start, end) {
        for (c, (id, name)) in CAMPAIGNS.iter().enumerate() {
            let mut m = serde_json::Map::new();
            for metric in &metrics {
                let v = match metric.as_str() {
                    "spend" => json!(money(spend_cents(d, c))),
                    "impressions" => json!(impressions(d, c).to_string()),
                    "clicks" => json!(clicks(d, c).to_string()),
                    "conversion" => json!(conversions(d, c).to_string()),
                    "campaign_name" => json!(name),
                    other => panic!("unknown metric {other}"),
                };
                m.insert(metric.clone(), v);
            }
            items.push(json!({"dimensions": {"campaign_id": id, "stat_time_day": format!("{d} 00:00:00")}, "metrics": m}));
        }
    }
    let total = items.len();
    let total_page = st
        .tiktok_pages
        .lock()
        .unwrap()
        .unwrap_or(total.div_ceil(size) as u64);
    let list: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * size)
        .take(size)
        .collect();
    // A server that never stops repeats its last page.
    let list = if list.is_empty() && st.tiktok_pages.lock().unwrap().is_some() {
        vec![
            json!({"dimensions": {"campaign_id": "501", "stat_time_day": format!("{start} 00:00:00")}, "metrics": {}}),
        ]
    } else {
        list
    };
    envelope(
        0,
        "OK",
        json!({"list": list, "page_info": {"page": page, "page_size": size, "total_number": total, "total_page": total_page}}),
    )
}

/// A workspace with one client per platform source given (`(client, time zone, source)`).
fn workspace(server: &Server, clients: &[(&str, &str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("agencies:\n  - id: agency\n    name: Agency\nclients:\n");
    for (id, zone, source) in clients {
        yaml.push_str(&format!(
            "  - id: {id}\n    name: {id}\n    time_zone: {zone}\n    currency: EUR\n    sources:\n{source}"
        ));
    }
    let _ = server;
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    std::fs::create_dir_all(dir.path().join("secrets")).unwrap();
    std::fs::write(
        dir.path().join("secrets/refresh.token"),
        format!("{REFRESH_TOKEN}\n"),
    )
    .unwrap();
    dir
}

fn oauth(server: &Server) -> String {
    format!(
        "google_oauth: {{ client_id: {{ env: T_CLIENT_ID }}, client_secret: {{ env: T_CLIENT_SECRET }}, refresh_token: {{ file: secrets/refresh.token }}, token_url: \"{}/token\" }}",
        server.base
    )
}

fn linkedin_source(server: &Server, extra: &str) -> String {
    format!(
        "      - id: linkedin\n        kind: linkedin_ads\n        api: {{ account_id: \"urn:li:sponsoredAccount:507404993\", base_url: \"{}\", auth: {{ {} }}{extra} }}\n        dimensions: [campaign]\n        columns: {{ costInLocalCurrency: ads.spend, impressions: ads.impressions, clicks: ads.clicks, externalWebsiteConversions: ads.conversions, conversionValueInLocalCurrency: ads.conversion_value }}\n",
        server.base,
        oauth(server)
    )
}

fn microsoft_source(server: &Server, extra: &str) -> String {
    format!(
        "      - id: microsoft\n        kind: microsoft_ads\n        api: {{ account_id: \"149123456\", customer_id: \"251123456\", developer_token: {{ env: T_MS_DEV_TOKEN }}, base_url: \"{}\", auth: {{ {} }}{extra} }}\n        dimensions: [campaign]\n        columns: {{ Spend: ads.spend, Impressions: ads.impressions, Clicks: ads.clicks, Conversions: ads.conversions, Revenue: ads.conversion_value }}\n",
        server.base,
        oauth(server)
    )
}

fn tiktok_source(server: &Server, extra: &str) -> String {
    format!(
        "      - id: tiktok\n        kind: tiktok_ads\n        api: {{ account_id: \"7012345678901234567\", base_url: \"{}\", page_size: 25, auth: {{ bearer: {{ env: T_TIKTOK_TOKEN }} }}{extra} }}\n        columns: {{ spend: ads.spend, impressions: ads.impressions, clicks: ads.clicks, conversion: ads.conversions }}\n",
        server.base
    )
}

fn execreport(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let config = dir.join("execreport.yaml");
    let mut all = vec!["-c", config.to_str().unwrap()];
    all.extend(args);
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(&all)
        .current_dir(dir)
        .env("T_CLIENT_ID", CLIENT_ID)
        .env("T_CLIENT_SECRET", CLIENT_SECRET)
        .env("T_MS_DEV_TOKEN", DEVELOPER_TOKEN)
        .env("T_TIKTOK_TOKEN", TIKTOK_TOKEN)
        .envs(env.iter().copied())
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_TODAY")
        .output()
        .unwrap()
}

fn render(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let out = dir.join("out");
    let mut args = vec![
        "render",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
        "--now",
        NOW,
        "--period",
        "2026-10",
    ];
    args.extend(extra);
    execreport(dir, &args, env)
}

fn report(dir: &Path, client: &str) -> Value {
    let path = dir.join(format!("out/{client}/2026-10/report.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn close(v: &Value, expected: f64) {
    let v = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!(
        (v - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{v} ≠ {expected}"
    );
}

/// Every ads KPI of October, and the spend of September, against the served data.
fn assert_served_numbers(r: &Value) {
    let (spend, impressions, clicks, conversions, value) = sums(&month(10));
    close(&kpi(r, "ads.spend")["value"], spend);
    close(&kpi(r, "ads.impressions")["value"], impressions);
    close(&kpi(r, "ads.clicks")["value"], clicks);
    close(&kpi(r, "ads.conversions")["value"], conversions);
    close(&kpi(r, "ads.cpa")["value"], spend / conversions);
    close(&kpi(r, "ads.ctr")["value"], clicks / impressions);
    close(&kpi(r, "ads.spend")["previous"], sums(&month(9)).0);
    let _ = value;
}

/// The campaign breakdown's spend of "Brand" (campaigns 501 and 503) in October.
fn brand_spend() -> f64 {
    month(10)
        .iter()
        .map(|d| (spend_cents(*d, 0) + spend_cents(*d, 2)) as f64 / 100.0)
        .sum()
}

fn campaign_row<'a>(r: &'a Value, key: &str) -> &'a Value {
    r["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["channel"] == "ads" && b["dimension"] == "campaign")
        .and_then(|b| {
            b["rows"]
                .as_array()
                .unwrap()
                .iter()
                .find(|row| row["key"].as_str().is_some_and(|k| k.starts_with(key)))
        })
        .unwrap_or_else(|| panic!("no campaign {key}: {}", r["breakdowns"]))
}

#[test]
fn linkedin_ads_campaign_days_are_summed_throttles_waited_and_tokens_refreshed() {
    let server = Server::start();
    let ws = workspace(&server, &[("li-co", "UTC", linkedin_source(&server, ""))]);
    // A throttle (LinkedIn: 429), then an access token that has expired since it was issued.
    server.fault("linkedin", Fault::Status(429, r#"{"status":429,"serviceErrorCode":101,"code":"QUOTA_EXCEEDED","message":"Resource level throttle APPLICATION DAY limit for calls to this resource is reached."}"#, Some("1")));
    server
        .state
        .expired
        .lock()
        .unwrap()
        .push("access-1-tok".into());
    let o = render(ws.path(), &[], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path(), "li-co");
    assert_served_numbers(&r);
    close(
        &kpi(&r, "ads.conversion_value")["value"],
        sums(&month(10)).4,
    );
    close(
        &kpi(&r, "ads.roas")["value"],
        sums(&month(10)).4 / sums(&month(10)).0,
    );
    close(
        &campaign_row(&r, "Brand")["values"]["ads.spend"],
        brand_spend(),
    );
    let sources = r["data_quality"]["sources"].as_array().unwrap();
    assert_eq!(sources[0]["kind"], "linkedin_ads");
    assert_eq!(r["platforms"][0]["name"], "LinkedIn Ads");
    let analytics = server.requests("linkedin");
    // October: 429, 401 (expired), success; September: success.
    assert_eq!(
        analytics.len(),
        4,
        "{:#?}",
        analytics.iter().map(|r| &r.1).collect::<Vec<_>>()
    );
    assert!(
        analytics[0].1.contains(
            "dateRange=(start:(year:2026,month:10,day:1),end:(year:2026,month:10,day:31))"
        ),
        "{}",
        analytics[0].1
    );
    assert!(analytics[0].1.contains("fields=dateRange,pivotValues,clicks,conversionValueInLocalCurrency,costInLocalCurrency,externalWebsiteConversions,impressions"), "{}", analytics[0].1);
    assert_eq!(analytics[2].2["authorization"], "Bearer access-2-tok");
    // Campaign names: two pages of the cursor, per range fetched.
    let campaigns = server.requests("campaigns");
    assert!(
        campaigns
            .iter()
            .any(|c| c.1.contains("pageToken=cursor-two"))
    );
    assert_eq!(campaigns.len(), 4);
    assert_eq!(server.requests("token").len(), 2);
}

#[test]
fn microsoft_ads_reports_are_submitted_polled_downloaded_and_unzipped() {
    let server = Server::start();
    let ws = workspace(
        &server,
        &[("ms-co", "Europe/Berlin", microsoft_source(&server, ""))],
    );
    server.fault("submit", Fault::Status(429, r#"{"TrackingId":"trk-429","Type":"ApplicationFault","Errors":[{"Code":117,"ErrorCode":"CallRateExceeded","Message":"You have exceeded the number of calls allowed."}]}"#, Some("1")));
    let o = render(ws.path(), &[], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path(), "ms-co");
    assert_served_numbers(&r);
    close(
        &kpi(&r, "ads.conversion_value")["value"],
        sums(&month(10)).4,
    );
    // The name holds a comma and quotes, as CSV cells may.
    close(
        &campaign_row(&r, "Brand, \"0\"")["values"]["ads.spend"],
        month(10)
            .iter()
            .map(|d| spend_cents(*d, 0) as f64 / 100.0)
            .sum(),
    );
    assert_eq!(r["platforms"][0]["name"], "Microsoft Ads");
    let submits = server.requests("submit");
    assert_eq!(submits.len(), 3, "a throttle, October, September");
    let body: Value = serde_json::from_str(&submits[1].3).unwrap();
    assert_eq!(
        body["ReportRequest"]["Time"]["ReportTimeZone"],
        "AmsterdamBerlinBernRomeStockholmVienna"
    );
    assert_eq!(
        body["ReportRequest"]["Columns"],
        json!([
            "TimePeriod",
            "CampaignName",
            "Clicks",
            "Conversions",
            "Impressions",
            "Revenue",
            "Spend"
        ])
    );
    // Pending, then Success, per report; the signed URL is fetched without credentials.
    assert_eq!(server.requests("poll").len(), 4);
    let downloads = server.requests("download");
    assert_eq!(downloads.len(), 2);
    assert!(!downloads[0].2.contains_key("developertoken"));
}

#[test]
fn microsoft_ads_hostile_files_fail_their_client_only_and_expired_tokens_say_connect() {
    let server = Server::start();
    let ws = workspace(
        &server,
        &[
            (
                "ms-co",
                "Europe/Berlin",
                microsoft_source(&server, ", retries: 0"),
            ),
            ("tt-co", "UTC", tiktok_source(&server, "")),
        ],
    );
    // Not a ZIP: a clear error naming the request without its signature, no panic, and the
    // other client's report is made.
    server.fault("download", Fault::Body("<html>not a zip</html>".into()));
    let o = render(ws.path(), &["--compare", "none"], &[]);
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("the report file is not a ZIP archive"),
        "{err}"
    );
    assert!(
        !err.contains(SIGNATURE) && !err.contains(DEVELOPER_TOKEN),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let r = report(ws.path(), "tt-co");
    close(&kpi(&r, "ads.spend")["value"], sums(&month(10)).0);

    // A revoked refresh token: `sources test` says expired and how to fix it.
    std::fs::write(
        ws.path().join("secrets/refresh.token"),
        "revoked-token-0000\n",
    )
    .unwrap();
    let o = execreport(ws.path(), &["sources", "test", "--now", NOW], &[]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let line = out
        .lines()
        .find(|l| l.contains("microsoft"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains(" expired "), "{out}");
    assert!(
        line.contains("execreport connect microsoft --client ms-co --source microsoft"),
        "{out}"
    );
    assert!(!out.contains("revoked-token-0000"), "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("tiktok"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains(" ok "), "{out}");
}

#[test]
fn tiktok_ads_pages_windows_rate_limits_and_token_errors() {
    let server = Server::start();
    let ws = workspace(&server, &[("tt-co", "UTC", tiktok_source(&server, ""))]);
    // TikTok's rate limit: HTTP 200, code 40100.
    server.fault("tiktok", Fault::Body(json!({"code": 40100, "message": "Too many requests. Please retry in some time.", "request_id": "r-throttle", "data": {}}).to_string()));
    let o = render(ws.path(), &[], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path(), "tt-co");
    assert_served_numbers(&r);
    assert_eq!(r["platforms"][0]["name"], "TikTok Ads");
    let requests = server.requests("tiktok");
    // October: 30 days (90 items, 4 pages) and 1 day (3 items, 1 page); September: 30 days
    // (4 pages); and the throttled request.
    assert_eq!(
        requests.len(),
        1 + 4 + 1 + 4,
        "{:#?}",
        requests.iter().map(|r| &r.1).collect::<Vec<_>>()
    );
    assert!(
        requests[1]
            .1
            .contains("start_date=2026-10-01&end_date=2026-10-30&page=1&page_size=25"),
        "{}",
        requests[1].1
    );
    assert!(
        requests[5]
            .1
            .contains("start_date=2026-10-31&end_date=2026-10-31"),
        "{}",
        requests[5].1
    );
    assert!(
        requests
            .iter()
            .all(|r| r.2.get("access-token").map(String::as_str) == Some(TIKTOK_TOKEN))
    );

    // 40105: no retry helps; the message says so and shows no token.
    let o = render(
        ws.path(),
        &["--refresh", "--compare", "none"],
        &[("T_TIKTOK_TOKEN", "revoked-tiktok-token-1")],
    );
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("TikTok code 40105") && err.contains("access token is invalid or was revoked"),
        "{err}"
    );
    assert!(!err.contains("revoked-tiktok-token-1"), "{err}");
    assert_eq!(
        server.requests("tiktok").len(),
        11,
        "a revoked token is not retried"
    );

    // A server announcing pages without end is stopped.
    *server.state.tiktok_pages.lock().unwrap() = Some(1_000_000);
    let o = render(ws.path(), &["--refresh", "--compare", "none"], &[]);
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("1000000 pages announced"), "{err}");
}

#[test]
fn ads_settings_are_checked_with_file_and_field() {
    let server = Server::start();
    let bad = tiktok_source(&server, "")
        .replace("7012345678901234567", "act_12")
        .replace(
            "        columns",
            "        dimensions: [country]\n        columns",
        );
    let ws = workspace(&server, &[("tt-co", "UTC", bad)]);
    let o = execreport(ws.path(), &["check"], &[]);
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("execreport.yaml"), "{err}");
    assert!(
        err.contains("api.account_id") && err.contains("expected a tiktok_ads account id"),
        "{err}"
    );
    assert!(
        err.contains("a tiktok_ads source has one dimension, `campaign`; found \"country\""),
        "{err}"
    );
}
