//! Quota-aware batches against a GA4 server that counts property tokens: the batch slows down
//! near the end of the hourly quota, postpones the remaining clients of the property without
//! a request refused, says so in the summary and `status`, and a later batch completes them.
//! A batch of 200 clients against quota-limited GA4, throttling Google Ads and Meta near its
//! limit finishes with no quota error in any report.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::api_server::*;
use serde_json::Value;

const NOW: &str = "2026-11-26T03:00:00Z";

/// `clients` clients whose one live source is the same GA4 property on `server`.
fn workspace(server: &ApiServer, clients: usize) -> tempfile::TempDir {
    workspace_with(server, clients, |_| "")
}

/// As `workspace`, with `extra(i)` appended to client i's sources.
fn workspace_with(
    server: &ApiServer,
    clients: usize,
    extra: impl Fn(usize) -> &'static str,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = &server.base;
    let mut yaml = String::from(
        "agencies:\n  - id: agency\n    name: Agency\nschedule:\n  monthly: {day: 1, at: \"06:00\"}\n  formats: [json]\nclients:\n",
    );
    for i in 0..clients {
        yaml.push_str(&format!(
            r#"  - id: c{i:03}
    name: Client {i}
    time_zone: Europe/Rome
    sources:
      - id: web
        kind: ga4
        api: {{ property: "123456", base_url: "{base}", auth: {{ google_oauth: {{ client_id: {{ env: T_CLIENT_ID }}, client_secret: {{ env: T_CLIENT_SECRET }}, refresh_token: {{ env: T_REFRESH }}, token_url: "{base}/token" }} }} }}
        dimensions: [sessionDefaultChannelGroup]
        dimension_names: {{ sessionDefaultChannelGroup: channel }}
        columns: {{ sessions: web.sessions, totalUsers: web.users }}
"#
        ));
        yaml.push_str(&extra(i).replace("{base}", base));
    }
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env("T_CLIENT_ID", CLIENT_ID)
        .env("T_CLIENT_SECRET", CLIENT_SECRET)
        .env("T_REFRESH", REFRESH_TOKEN)
        .env("T_DEV_TOKEN", DEVELOPER_TOKEN)
        .env("T_META_TOKEN", META_TOKEN)
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_CONFIG")
        .output()
        .unwrap()
}

fn batch(dir: &Path) -> (Value, String) {
    let o = run(
        dir,
        &[
            "batch", "--json", "--period", "2026-10", "--now", NOW, "--jobs", "4",
        ],
    );
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    let summary = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{err}", String::from_utf8_lossy(&o.stdout)));
    (summary, err)
}

fn statuses(summary: &Value, status: &str) -> Vec<String> {
    summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"] == status)
        .map(|r| r["client"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_exhausted_ga4_property_postpones_its_clients_until_a_later_batch() {
    let server = ApiServer::start();
    // Room for 9 runReports this hour; 8 clients need 16 (the month and the one before).
    *server.state.ga4_quota.lock().unwrap() = Some((9 * GA4_COST, 0));
    let ws = workspace(&server, 8);
    let (summary, err) = batch(ws.path());
    assert!(
        err.contains("GA4 property 123456: near its limit, one request every"),
        "{err}"
    );
    let postponed = statuses(&summary, "postponed");
    let rendered = statuses(&summary, "rendered");
    assert!(!postponed.is_empty() && !rendered.is_empty(), "{summary:#}");
    assert_eq!(postponed.len() + rendered.len(), 8, "{summary:#}");
    assert_eq!(summary["postponed"], postponed.len());
    assert_eq!(
        *server.state.refused.lock().unwrap(),
        0,
        "no request beyond the announced quota"
    );
    for r in summary["reports"].as_array().unwrap() {
        if r["status"] == "postponed" {
            let why = r["waiting_for"][0].as_str().unwrap();
            assert!(
                why.starts_with("GA4 property 123456: hourly quota exhausted, resumes at "),
                "{why}"
            );
            let client = r["client"].as_str().unwrap();
            assert!(
                !ws.path().join("out").join(client).exists(),
                "{client} not written"
            );
        }
    }
    // The hold is in the ledger: a batch started now does not ask the property at all.
    let before = server.count("ga4");
    let (again, _) = batch(ws.path());
    assert_eq!(server.count("ga4"), before);
    assert_eq!(statuses(&again, "postponed").len(), postponed.len());
    let status = run(ws.path(), &["status", "--now", NOW]);
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(
        text.contains("quota: GA4 property 123456: hourly quota exhausted, resumes at "),
        "{text}"
    );
    let o = run(ws.path(), &["batch", "--period", "2026-10", "--now", NOW]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("QUOTA: GA4 property 123456: hourly quota exhausted, resumes at ")
            && text.contains(&format!(
                "({} reports postponed to a later batch)",
                postponed.len()
            )),
        "{text}"
    );

    let last = after_the_hour(&server, ws.path(), &postponed);
    assert_eq!(statuses(&last, "unchanged").len(), rendered.len());
}

/// The hour passes (the quota refills, the holds' time is over): the next batch renders
/// exactly the `postponed` clients, without a request refused. Returns its summary.
fn after_the_hour(server: &ApiServer, dir: &Path, postponed: &[String]) -> Value {
    *server.state.ga4_quota.lock().unwrap() = Some((1000 * GA4_COST, 0));
    let ledger = rusqlite::Connection::open(dir.join(".execreport/ledger.sqlite")).unwrap();
    ledger
        .execute("UPDATE quota_holds SET until = '2000-01-01T00:00:00Z'", [])
        .unwrap();
    let (last, err) = batch(dir);
    let mut done = statuses(&last, "rendered");
    done.sort();
    let mut expected = postponed.to_vec();
    expected.sort();
    assert_eq!(done, expected, "{err}");
    assert_eq!(*server.state.refused.lock().unwrap(), 0);
    last
}

const ADS: &str = r#"      - id: ads
        kind: google_ads
        api: { customer_id: "123-456-7890", developer_token: { env: T_DEV_TOKEN }, base_url: "{base}", auth: { google_oauth: { client_id: { env: T_CLIENT_ID }, client_secret: { env: T_CLIENT_SECRET }, refresh_token: { env: T_REFRESH }, token_url: "{base}/token" } } }
        dimensions: [campaign.name]
        dimension_names: { campaign.name: campaign }
        columns: { metrics.clicks: ads.clicks, metrics.cost_micros: ads.spend, metrics.conversions: ads.conversions }
"#;

const META: &str = r#"      - id: social
        kind: meta
        api: { object_id: "1234", base_url: "{base}", auth: { bearer: { env: T_META_TOKEN } } }
        columns: { page_follows: social.followers, page_post_engagements: social.engagements }
"#;

/// A `searchStream` throttle as Google Ads sends it: an array, the delay only in `RetryInfo`.
const ADS_THROTTLE: &str = r#"[{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED",
    "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
      "errors": [{"errorCode": {"quotaError": "RESOURCE_TEMPORARILY_EXHAUSTED"}, "message": "Too many requests. Retry in 1 seconds.",
        "details": {"quotaErrorDetails": {"rateScope": "DEVELOPER", "rateName": "Number of operations for basic access", "retryDelay": "1s"}}}]},
      {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1s"}]}}]"#;

/// 200 clients on one GA4 property with room for about 130 of them this hour; every tenth also
/// on Google Ads, which throttles three times; every twentieth also on a Meta page whose usage
/// header says 90 %. Every report is rendered or postponed, none carries a quota error, GA4
/// refuses nothing, Meta's requests are paced; the next batch completes the postponed ones.
#[test]
fn two_hundred_live_clients_against_quota_limited_servers_get_no_quota_error() {
    const CLIENTS: usize = 200;
    let server = ApiServer::start();
    *server.state.ga4_quota.lock().unwrap() = Some((260 * GA4_COST, 0));
    *server.state.meta_usage.lock().unwrap() = Some(
        r#"{"1234":[{"type":"pages","call_count":90,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":0}]}"#
            .into(),
    );
    for _ in 0..3 {
        server.fault("ads", Fault::status(429, ADS_THROTTLE));
    }
    let extra = |i: usize| match i {
        _ if i.is_multiple_of(20) => META,
        _ if i % 10 == 5 => ADS,
        _ => "",
    };
    let ws = workspace_with(&server, CLIENTS, extra);
    let (summary, err) = batch(ws.path());
    let rendered = statuses(&summary, "rendered");
    let postponed = statuses(&summary, "postponed");
    assert_eq!(
        rendered.len() + postponed.len(),
        CLIENTS,
        "{err}\n{summary:#}"
    );
    assert!(
        rendered.len() >= 100 && !postponed.is_empty(),
        "{summary:#}"
    );
    assert_eq!(
        *server.state.refused.lock().unwrap(),
        0,
        "GA4 refused a request"
    );
    for r in summary["reports"].as_array().unwrap() {
        if r["status"] == "postponed" {
            let why = r["waiting_for"][0].as_str().unwrap();
            assert!(
                why.starts_with("GA4 property 123456: hourly quota exhausted"),
                "{why}"
            );
        }
    }
    // No rendered report shows a source that failed (a quota error as its data).
    let reports = |names: &[String]| {
        for client in names {
            let path = ws
                .path()
                .join("out")
                .join(client)
                .join("2026-10/report.json");
            let r: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            for s in r["data_quality"]["sources"].as_array().unwrap() {
                assert_eq!(s["status"], "ok", "{client}: {s}");
            }
        }
    };
    reports(&rendered);
    // The throttled Ads requests were asked again (after their delay) and succeeded (a
    // postponed client stops at its GA4 source).
    let index = |client: &String| client[1..].parse::<usize>().unwrap();
    let ads_clients = rendered.iter().filter(|c| extra(index(c)) == ADS).count();
    assert!(ads_clients > 0);
    assert!(
        server.count("ads") >= ads_clients * 2 + 3,
        "{} Ads requests for {ads_clients} clients",
        server.count("ads")
    );
    assert!(
        err.contains("Meta object 1234: near its limit, one request every 0.6 s"),
        "{err}"
    );
    let arrivals = server.state.arrivals.lock().unwrap()["meta"].clone();
    // Paced at 0.6 s: on average at least 0.55 s apart, and never in a burst. (A loaded machine
    // may deliver one paced request late and the next on time, so a single gap can shrink; an
    // unpaced batch sends them milliseconds apart.)
    let ms = |d: std::time::Duration| d.as_millis();
    let gaps: Vec<u128> = arrivals.windows(2).map(|p| ms(p[1] - p[0])).collect();
    assert!(gaps.len() >= 3, "{gaps:?}");
    assert!(
        gaps.iter().all(|&g| g >= 300),
        "a burst of Meta requests: {gaps:?}"
    );
    let mean = gaps.iter().sum::<u128>() / gaps.len() as u128;
    assert!(
        mean >= 550,
        "Meta requests {mean} ms apart on average: {gaps:?}"
    );

    // The hour passes: the next batch renders the postponed clients, again without a refusal.
    let last = after_the_hour(&server, ws.path(), &postponed);
    reports(&statuses(&last, "rendered"));
}
