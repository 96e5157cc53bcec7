//! Quota-aware batches against a GA4 server that counts property tokens: the batch slows down
//! near the end of the hourly quota, postpones the remaining clients of the property without
//! a request refused, says so in the summary and `status`, and a later batch completes them.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::api_server::*;
use serde_json::Value;

const NOW: &str = "2026-11-26T03:00:00Z";

/// `clients` clients whose one live source is the same GA4 property on `server`.
fn workspace(server: &ApiServer, clients: usize) -> tempfile::TempDir {
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

    // The hour passes: the quota refills and the hold's time is over.
    *server.state.ga4_quota.lock().unwrap() = Some((1000 * GA4_COST, 0));
    let ledger = rusqlite::Connection::open(ws.path().join(".execreport/ledger.sqlite")).unwrap();
    ledger
        .execute("UPDATE quota_holds SET until = '2000-01-01T00:00:00Z'", [])
        .unwrap();
    let (last, err) = batch(ws.path());
    let mut done = statuses(&last, "rendered");
    done.sort();
    let mut expected = postponed.clone();
    expected.sort();
    assert_eq!(done, expected, "{err}");
    assert_eq!(statuses(&last, "unchanged").len(), rendered.len());
    assert_eq!(*server.state.refused.lock().unwrap(), 0);
}
