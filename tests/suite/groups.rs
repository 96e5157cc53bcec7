//! Roll-ups (issue 21): a group of two locations, one in euros and one in yen, against
//! hand-computed totals; the exchange-rate rule (converted at each month's rate, a missing
//! rate a clear error that stops only the group); the locations' ranking and movers.

use std::path::Path;
use std::process::Output;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::common::{execreport, kpi, stderr};

/// Rows from 1 September to 31 October 2026: `september` on days 0–29, `october` after.
fn daily(header: &str, row: impl Fn(usize, NaiveDate) -> String) -> String {
    let mut csv = format!("{header}\n");
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    for i in 0..61 {
        let d = start + Days::new(i as u64);
        csv.push_str(&row(i, d));
        csv.push('\n');
    }
    csv
}

const RATES: &str = "    exchange_rates:\n      JPY: {2026-09: 0.006, 2026-10: 0.0058}\n";

/// Rome (EUR), a day in October: 100 sessions, 80 users, 5 conversions, €50 for 25 clicks,
/// followers 1,000 + i, 2 reviews of 4 stars (September: 90, 70, 4, €40 for 20, 1 of 4).
/// Tokyo (JPY): 300 sessions, 250 users, 3 conversions, ¥10,000 for 50 clicks, followers
/// 500 + 2i, 1 review of 5 stars (September: 200, 150, 2, ¥8,000 for 40, 1 of 3).
fn workspace(rates: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let write = |name: &str, text: String| std::fs::write(data.join(name), text).unwrap();
    let oct = |i: usize| i >= 30;
    write(
        "rome.csv",
        daily(
            "date,sessions,users,conversions,spend,clicks,followers,reviews,rating",
            |i, d| {
                if oct(i) {
                    format!("{d},100,80,5,50,25,{},2,4", 1000 + i)
                } else {
                    format!("{d},90,70,4,40,20,{},1,4", 1000 + i)
                }
            },
        ),
    );
    write(
        "tokyo.csv",
        daily(
            "date,sessions,users,conversions,spend,clicks,followers,reviews,rating",
            |i, d| {
                if oct(i) {
                    format!("{d},300,250,3,10000,50,{},1,5", 500 + 2 * i)
                } else {
                    format!("{d},200,150,2,8000,40,{},1,3", 500 + 2 * i)
                }
            },
        ),
    );
    let location = |id: &str, currency: &str, goal: u32| {
        format!(
            "  - id: {id}\n    name: {id} shop\n    currency: {currency}\n    time_zone: UTC\n    goals:\n      - metric: web.conversions\n        at_least: {goal}\n    sources:\n      - id: all\n        kind: csv\n        path: data/{id}.csv\n        columns: {{sessions: web.sessions, users: web.users, conversions: web.conversions, spend: ads.spend, clicks: ads.clicks, followers: social.followers, reviews: reviews.new, rating: reviews.rating}}\n"
        )
    };
    let yaml = format!(
        "agencies:\n  - id: a\n    name: Agency\n    currency: EUR\nclients:\n  - id: chain\n    name: The Chain\n    time_zone: UTC\n    locations: [rome, tokyo]\n{rates}    summary_kpis: [web.conversions, ads.spend]\n{}{}",
        location("rome", "EUR", 150),
        location("tokyo", "JPY", 100),
    );
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let config = dir.join("execreport.yaml");
    let mut all = vec!["-c", config.to_str().unwrap()];
    all.extend(args);
    execreport(dir, &all)
}

fn model(dir: &Path, client: &str) -> Value {
    let path = dir.join(format!("out/{client}/2026-10/report.json"));
    serde_json::from_slice(&std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .unwrap()
}

fn close(v: &Value, expected: f64) {
    let v = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((v - expected).abs() < 1e-9, "{v} ≠ {expected}");
}

#[test]
fn a_group_adds_up_its_locations_by_the_catalog_rules_in_its_own_currency() {
    let ws = workspace(RATES);
    let o = run(
        ws.path(),
        &["render", "--period", "2026-10", "--format", "json,html,pdf"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m = model(ws.path(), "chain");
    assert_eq!(m["client"]["currency"], "EUR");
    close(&kpi(&m, "web.sessions")["value"], 31.0 * 400.0);
    close(&kpi(&m, "web.sessions")["previous"], 30.0 * 290.0);
    // The rate from summed parts: 248 / 12,400 (the mean of the shops' 5 % and 1 % is 3 %).
    close(&kpi(&m, "web.conversion_rate")["value"], 248.0 / 12400.0);
    // Yen at each month's rate: October 31 × (50 + 10,000 × 0.0058), September
    // 30 × (40 + 8,000 × 0.006).
    close(&kpi(&m, "ads.spend")["value"], 31.0 * 108.0);
    close(&kpi(&m, "ads.spend")["previous"], 30.0 * 88.0);
    close(&kpi(&m, "ads.cpc")["value"], 3348.0 / 2325.0);
    // Followers: each shop's last day (1,060 and 620), added.
    close(&kpi(&m, "social.followers")["value"], 1680.0);
    // Rating weighted by new reviews: (62 × 4 + 31 × 5) / 93, not the mean of 4 and 5.
    close(&kpi(&m, "reviews.rating")["value"], 403.0 / 93.0);
    // Unique users are never added across locations: no group total, one per location.
    assert!(
        m["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| k["id"] != "web.users"),
        "web.users must not be summed across locations"
    );
    let g = &m["locations"];
    assert_eq!(g["rank_metric"], "web.conversions");
    assert_eq!(
        g["metrics"],
        serde_json::json!(["web.conversions", "ads.spend", "web.users"])
    );
    let rows = g["rows"].as_array().unwrap();
    assert_eq!(rows[0]["id"], "rome", "155 conversions rank before 93");
    assert_eq!(rows[1]["id"], "tokyo");
    assert_eq!(rows[1]["currency"], "JPY");
    close(&rows[1]["values"]["ads.spend"], 31.0 * 58.0);
    close(&rows[1]["values"]["web.users"], 31.0 * 250.0);
    close(&rows[0]["change"], 155.0 / 120.0 - 1.0);
    assert_eq!(rows[0]["goals"]["met"], 1);
    assert_eq!(rows[1]["goals"]["missed"], 1);
    close(&rows[0]["completeness"], 1.0);
    assert_eq!(g["best_mover"]["location"], "tokyo");
    assert_eq!(g["worst_mover"]["location"], "rome");
    assert_eq!(
        g["exchange_rates"],
        serde_json::json!([
            {"currency": "JPY", "month": "2026-09", "rate": 0.006},
            {"currency": "JPY", "month": "2026-10", "rate": 0.0058}
        ])
    );
    // Each shop's own report stays in its own currency.
    close(
        &kpi(&model(ws.path(), "tokyo"), "ads.spend")["value"],
        310000.0,
    );
    // The HTML shows the ranking with the shops' names and the rate used.
    let html = std::fs::read_to_string(ws.path().join("out/chain/2026-10/report.html")).unwrap();
    assert!(html.contains("tokyo shop (JPY)"), "{html}");
    assert!(html.contains("Exchange rates used"));
}

#[test]
fn a_missing_exchange_rate_fails_the_group_alone_and_says_which() {
    let ws = workspace("    exchange_rates:\n      JPY: {2026-10: 0.0058}\n");
    let o = run(
        ws.path(),
        &["render", "--period", "2026-10", "--format", "json"],
    );
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("JPY") && err.contains("2026-09") && err.contains("tokyo"),
        "{err}"
    );
    // The locations' own reports were written.
    model(ws.path(), "rome");
    model(ws.path(), "tokyo");
    assert!(!ws.path().join("out/chain/2026-10/report.json").exists());
}

#[test]
fn a_group_without_rates_for_a_currency_is_a_config_problem() {
    let ws = workspace("");
    let o = run(ws.path(), &["check"]);
    assert_ne!(o.status.code(), Some(0));
    let err = format!("{}{}", stderr(&o), crate::common::stdout(&o));
    assert!(
        err.contains("locations[1]") && err.contains("exchange_rates"),
        "{err}"
    );
}

#[test]
fn the_sample_franchise_ranks_four_shops_in_two_currencies() {
    let out = tempfile::tempdir().unwrap();
    crate::common::render(
        "samples/franchise.yaml",
        Some("dolce-vita"),
        "2026-10",
        "json,pdf",
        out.path(),
    );
    let path = out.path().join("dolce-vita/2026-10/report.json");
    let m: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let rows = m["locations"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let currencies: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["currency"].as_str().unwrap())
        .collect();
    assert_eq!(currencies, ["CHF", "EUR"].into());
    assert!(rows.iter().all(|r| r["completeness"] == 1.0));
    assert_eq!(
        m["locations"]["exchange_rates"].as_array().unwrap().len(),
        2
    );
}
