//! The README's main command on the shipped sample workspace: a report for every client, and
//! some clients' numbers checked against sums computed here, straight from their CSV and review
//! files, without the library's readers.

use crate::common;

use std::collections::BTreeMap;

use crate::common::{execreport, repo, stderr, stdout};
use serde_json::Value;

pub(crate) use crate::common::SAMPLE_CLIENTS as CLIENTS;

/// Splits a CSV line on commas outside double quotes.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

fn number(s: &str) -> f64 {
    s.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

fn kpi(m: &Value, id: &str) -> f64 {
    m["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id)
        .unwrap()["value"]
        .as_f64()
        .unwrap()
}

fn assert_close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= 1e-6 * want.abs().max(1.0),
        "{what}: report says {got}, the file sums to {want}"
    );
}

#[test]
fn every_sample_client_gets_a_report_with_the_right_numbers() {
    // The README's main command: every format.
    let out = tempfile::tempdir().unwrap();
    let config = repo().join("samples/execreport.yaml");
    let o = execreport(
        &repo(),
        &[
            "--config",
            config.to_str().unwrap(),
            "render",
            "--period",
            "2026-10",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("8 of 8 reports written"),
        "{}",
        stdout(&o)
    );
    for client in CLIENTS {
        for file in ["report.json", "report.html", "report.pdf"] {
            assert!(
                out.path().join(client).join("2026-10").join(file).is_file(),
                "{client}/{file}"
            );
        }
    }
    let model: Value = serde_json::from_slice(
        &std::fs::read(out.path().join("brightside-dental/2026-10/report.json")).unwrap(),
    )
    .unwrap();

    // Google Ads export: Day, Campaign, Cost, Impr., Clicks, Conversions, Conv. value.
    let ads = std::fs::read_to_string(
        repo().join("samples/data/brightside-dental/google-ads-campaigns.csv"),
    )
    .unwrap();
    let mut sums = [0.0f64; 5];
    let mut campaigns: BTreeMap<String, f64> = BTreeMap::new();
    for line in ads.lines().skip(1).filter(|l| l.starts_with("2026-10-")) {
        let f = fields(line);
        for (i, sum) in sums.iter_mut().enumerate() {
            *sum += number(&f[2 + i]);
        }
        *campaigns.entry(f[1].clone()).or_default() += number(&f[2]);
    }
    let [spend, impressions, clicks, conversions, value] = sums;
    assert_close(kpi(&model, "ads.spend"), spend, "ads.spend");
    assert_close(
        kpi(&model, "ads.impressions"),
        impressions,
        "ads.impressions",
    );
    assert_close(kpi(&model, "ads.clicks"), clicks, "ads.clicks");
    assert_close(
        kpi(&model, "ads.conversions"),
        conversions,
        "ads.conversions",
    );
    assert_close(kpi(&model, "ads.ctr"), clicks / impressions, "ads.ctr");
    assert_close(kpi(&model, "ads.cpa"), spend / conversions, "ads.cpa");
    assert_close(kpi(&model, "ads.roas"), value / spend, "ads.roas");
    // The top campaign of the breakdown is the one with the most spend in the file.
    let (top, top_spend) = campaigns.iter().max_by(|a, b| a.1.total_cmp(b.1)).unwrap();
    let breakdown = model["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == "campaign")
        .unwrap();
    assert_eq!(breakdown["rows"][0]["key"], top.as_str());
    assert_close(
        breakdown["rows"][0]["values"]["ads.spend"]
            .as_f64()
            .unwrap(),
        *top_spend,
        "top campaign spend",
    );

    // Reviews, long layout: the rating weighted by the day's new reviews.
    let reviews =
        std::fs::read_to_string(repo().join("samples/data/brightside-dental/google-reviews.csv"))
            .unwrap();
    let mut by_day: BTreeMap<String, (f64, Option<f64>)> = BTreeMap::new();
    for line in reviews
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("2026-10-"))
    {
        let f = fields(line);
        let day = by_day.entry(f[0].clone()).or_default();
        match f[1].as_str() {
            "New reviews" => day.0 = number(&f[2]),
            "Average rating" => day.1 = Some(number(&f[2])),
            _ => {}
        }
    }
    let new: f64 = by_day.values().map(|d| d.0).sum();
    let weighted: f64 = by_day.values().filter_map(|d| d.1.map(|r| r * d.0)).sum();
    assert_close(kpi(&model, "reviews.new"), new, "reviews.new");
    assert_close(
        kpi(&model, "reviews.rating"),
        weighted / new,
        "reviews.rating",
    );

    // Business Profile, Japanese headers: 日付, views, on Search, on Maps, calls, directions,
    // website clicks.
    let osaka: Value = serde_json::from_slice(
        &std::fs::read(out.path().join("osaka-smile-clinic/2026-10/report.json")).unwrap(),
    )
    .unwrap();
    let local = std::fs::read_to_string(
        repo().join("samples/data/osaka-smile-clinic/business-profile.csv"),
    )
    .unwrap();
    let mut sums = [0.0f64; 6];
    for line in local.lines().skip(1).filter(|l| l.starts_with("2026/10/")) {
        let f = fields(line);
        for (i, sum) in sums.iter_mut().enumerate() {
            *sum += number(&f[1 + i]);
        }
    }
    let ids = [
        "local.views",
        "local.views_search",
        "local.views_maps",
        "local.calls",
        "local.directions",
        "local.website_clicks",
    ];
    for (id, sum) in ids.iter().zip(sums) {
        assert_close(kpi(&osaka, id), sum, id);
    }
    assert_eq!(sums[0], sums[1] + sums[2], "views are Search plus Maps");
}

#[test]
fn the_missing_data_gap_is_reported() {
    let out = tempfile::tempdir().unwrap();
    common::render(
        "samples/execreport.yaml",
        Some("harbor-hotel-bangkok"),
        "2026-10",
        "json",
        out.path(),
    );
    let model: Value = serde_json::from_slice(
        &std::fs::read(out.path().join("harbor-hotel-bangkok/2026-10/report.json")).unwrap(),
    )
    .unwrap();
    let gaps: Vec<&Value> = model["data_quality"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["missing_days"] != 0)
        .collect();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0]["missing"][0]["start"], "2026-10-12");
    assert_eq!(gaps[0]["missing"][0]["end"], "2026-10-15");
    assert_eq!(model["data_quality"]["complete"], false);
}
