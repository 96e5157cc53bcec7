//! One channel, several platforms: a hand-computed fixture with two ad platforms and two
//! social networks. Totals add up, blended ratios come from the summed parts (and differ from
//! the mean of the platforms' ratios), followers add each network's last value, each section
//! has a table by platform with a total row, and the same numbers are never counted twice.

use std::path::Path;
use std::process::Output;

use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::common::{execreport, kpi, pdf_tools, stderr};

/// Daily rows from 1 September to 31 October 2026 (`i` counts days from 1 September).
fn daily(header: &str, row: impl Fn(usize, NaiveDate) -> Vec<String>) -> String {
    let mut csv = format!("{header}\n");
    let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    for i in 0..61 {
        let d = start + Days::new(i as u64);
        for line in row(i, d) {
            csv.push_str(&line);
            csv.push('\n');
        }
    }
    csv
}

/// September is day 0–29, October day 30–60.
fn october(i: usize) -> bool {
    i >= 30
}

const ADS_COLUMNS: &str = "{spend: ads.spend, clicks: ads.clicks, impressions: ads.impressions, conversions: ads.conversions, value: ads.conversion_value}";
const SOCIAL_COLUMNS: &str = "{followers: social.followers, impressions: social.impressions, engagements: social.engagements}";

/// The workspace: Google Ads by campaign (October: Brand 60 + Search 40 a day, 10
/// conversions worth 300, 50 clicks of 1,000 impressions), Microsoft Ads (20 a day, 1
/// conversion worth 100, 10 clicks of 500 impressions), Facebook (followers 1,000 + i,
/// 20 engagements of 2,000 impressions a day) and Instagram (followers 500 + 2i, 50 of 1,000).
/// `extra` is appended to the client's sources; `microsoft_gap` leaves those days out.
fn workspace(extra: &str, microsoft_gap: &[u32]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let write = |name: &str, text: String| std::fs::write(data.join(name), text).unwrap();
    write(
        "google-ads.csv",
        daily(
            "date,campaign,spend,clicks,impressions,conversions,value",
            |i, d| {
                let (brand, search) = if october(i) { (60, 40) } else { (50, 30) };
                let (bc, sc) = if october(i) { (6, 4) } else { (5, 3) };
                vec![
                    format!("{d},Brand,{brand},30,600,{bc},{}", bc * 30),
                    format!("{d},Search,{search},20,400,{sc},{}", sc * 30),
                ]
            },
        ),
    );
    write(
        "microsoft-ads.csv",
        daily(
            "date,campaign,spend,clicks,impressions,conversions,value",
            |i, d| {
                if microsoft_gap.contains(&d.format("%d").to_string().parse().unwrap())
                    && october(i)
                {
                    return vec![];
                }
                let spend = if october(i) { 20 } else { 10 };
                let value = if october(i) { 100 } else { 50 };
                vec![format!("{d},Brand,{spend},10,500,1,{value}")]
            },
        ),
    );
    write(
        "facebook.csv",
        daily("date,followers,impressions,engagements", |i, d| {
            vec![format!("{d},{},2000,20", 1000 + i)]
        }),
    );
    write(
        "instagram.csv",
        daily("date,followers,impressions,engagements", |i, d| {
            vec![format!("{d},{},1000,50", 500 + 2 * i)]
        }),
    );
    let mut yaml = String::from(
        "agencies:\n  - id: a\n    name: Agency\nclients:\n  - id: multi\n    name: Multi\n    time_zone: UTC\n    currency: EUR\n    sources:\n",
    );
    for (id, platform, columns, dimensions) in [
        ("google-ads", "Google Ads", ADS_COLUMNS, "[campaign]"),
        ("microsoft-ads", "Microsoft Ads", ADS_COLUMNS, "[campaign]"),
        ("facebook", "facebook", SOCIAL_COLUMNS, "[]"),
        ("instagram", "Instagram", SOCIAL_COLUMNS, "[]"),
    ] {
        yaml.push_str(&format!(
            "      - id: {id}\n        kind: csv\n        platform: {platform}\n        path: data/{id}.csv\n        dimensions: {dimensions}\n        columns: {columns}\n"
        ));
    }
    yaml.push_str(extra);
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let config = dir.join("execreport.yaml");
    let mut all = vec!["-c", config.to_str().unwrap()];
    all.extend(args);
    execreport(dir, &all)
}

fn render(dir: &Path, formats: &str) -> Value {
    let o = run(dir, &["render", "--period", "2026-10", "--format", formats]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&std::fs::read(dir.join("out/multi/2026-10/report.json")).unwrap())
        .unwrap()
}

fn close(v: &Value, expected: f64) {
    let v = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((v - expected).abs() < 1e-9, "{v} ≠ {expected}");
}

fn platform_value<'a>(k: &'a Value, platform: &str) -> &'a Value {
    k["by_platform"]
        .as_array()
        .unwrap_or_else(|| panic!("no by_platform in {k}"))
        .iter()
        .find(|p| p["platform"] == platform)
        .unwrap_or_else(|| panic!("no {platform} in {k}"))
}

#[test]
fn totals_blend_ratios_from_summed_parts_across_platforms() {
    let ws = workspace("", &[]);
    let m = render(ws.path(), "json,html,pdf");
    // October: Google 31 × 100 spend, 31 × 10 conversions worth 31 × 300; Microsoft 31 × 20,
    // 31 × 1 worth 31 × 100.
    let (spend, conversions, value) = (3720.0, 341.0, 12400.0);
    close(&kpi(&m, "ads.spend")["value"], spend);
    close(&kpi(&m, "ads.conversions")["value"], conversions);
    // September: Google 30 × 80, Microsoft 30 × 10.
    close(&kpi(&m, "ads.spend")["previous"], 2700.0);
    let cpa = kpi(&m, "ads.cpa");
    close(&cpa["value"], spend / conversions);
    close(&platform_value(cpa, "google_ads")["value"], 10.0);
    close(&platform_value(cpa, "microsoft_ads")["value"], 20.0);
    // The blended CPA (10.91) is not the mean of the platforms' CPAs (15).
    assert!((cpa["value"].as_f64().unwrap() - 15.0).abs() > 4.0);
    close(&kpi(&m, "ads.roas")["value"], value / spend);
    // CTR: 31 × 60 clicks of 31 × 1,500 impressions = 4 %; the mean of 5 % and 2 % is 3.5 %.
    close(&kpi(&m, "ads.ctr")["value"], 0.04);
    // Followers: each network's last value (1,060 and 620), added.
    let followers = kpi(&m, "social.followers");
    close(&followers["value"], 1680.0);
    close(&platform_value(followers, "facebook")["value"], 1060.0);
    close(&platform_value(followers, "instagram")["value"], 620.0);
    close(&followers["previous"], 1029.0 + 558.0);
    // Engagement rate: (620 + 1,550) / (62,000 + 31,000), not the mean of 1 % and 5 %.
    close(
        &kpi(&m, "social.engagement_rate")["value"],
        2170.0 / 93000.0,
    );
    assert_eq!(m["platforms"][1]["name"], "Microsoft Ads");
    assert_eq!(m["platforms"][2]["name"], "Facebook");

    // The table by platform: spend, conversions, CPA, ROAS, and a total row.
    let by_platform = m["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["channel"] == "ads" && b["dimension"] == "platform")
        .expect("an ads breakdown by platform");
    assert_eq!(
        by_platform["metrics"],
        serde_json::json!(["ads.spend", "ads.conversions", "ads.cpa", "ads.roas"])
    );
    let rows = by_platform["rows"].as_array().unwrap();
    assert_eq!(rows[0]["key"], "google_ads");
    close(&rows[0]["values"]["ads.spend"], 3100.0);
    close(&rows[1]["values"]["ads.roas"], 5.0);
    close(
        &by_platform["total"]["values"]["ads.cpa"],
        spend / conversions,
    );
    close(&rows[0]["share"], 3100.0 / spend);
    // A campaign row says which platforms it comes from.
    let campaigns = m["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["channel"] == "ads" && b["dimension"] == "campaign")
        .expect("an ads breakdown by campaign");
    let brand = &campaigns["rows"][0];
    assert_eq!(brand["key"], "Brand");
    close(&brand["values"]["ads.spend"], 31.0 * 80.0);
    assert_eq!(
        brand["platforms"],
        serde_json::json!(["google_ads", "microsoft_ads"])
    );
    assert!(
        m["breakdowns"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["channel"] == "social" && b["dimension"] == "platform")
    );

    // What the client reads: the platforms by name, the total row, in HTML and PDF.
    let out = ws.path().join("out/multi/2026-10");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains(
            "<tr class=\"total\"><th scope=\"row\">Total</th><td class=\"num\" data-label=\"Ad spend\">€3,720"
        ),
        "no total row"
    );
    assert!(html.contains("<th scope=\"row\">Microsoft Ads</th>"));
    assert!(html.contains("Brand · Google Ads, Microsoft Ads"));
    assert!(html.contains("<th scope=\"row\">Instagram</th>"));
    assert!(
        !html.contains("microsoft_ads"),
        "an id leaked into the report"
    );
    let text = pdf_tools::squash(&pdf_tools::text(&out.join("report.pdf")));
    for expected in [
        "Microsoft Ads",
        "Instagram",
        "Results by platform",
        "Total €3,720",
    ] {
        assert!(
            text.contains(&pdf_tools::squash(expected)),
            "PDF lacks {expected:?}"
        );
    }
}

#[test]
fn a_gap_in_one_platform_makes_the_total_incomplete() {
    let ws = workspace("", &[10, 11, 12]);
    let m = render(ws.path(), "json");
    let spend = kpi(&m, "ads.spend");
    assert_eq!(spend["missing_days"], 3, "{spend}");
    assert_eq!(platform_value(spend, "microsoft_ads")["missing_days"], 3);
    assert_eq!(platform_value(spend, "google_ads")["missing_days"], 0);
    // Compared per day over the days with data, not as a 28-day sum against a 30-day one.
    assert_eq!(spend["change_basis"], "days_present");
    assert!(platform_value(spend, "microsoft_ads")["change_pct"].is_null());
    assert_eq!(m["data_quality"]["complete"], false);
}

#[test]
fn the_same_numbers_are_never_counted_twice() {
    // A second source of one metric without a platform: refused by `check`, naming both.
    let unnamed = workspace(
        "      - id: bing-export\n        kind: csv\n        path: data/microsoft-ads.csv\n        columns: {spend: ads.spend}\n",
        &[],
    );
    let o = run(unnamed.path(), &["check"]);
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("execreport.yaml:34:13: clients[0].sources[4].platform: metric ads.spend is mapped by source \"google-ads\" and source \"bing-export\""),
        "{err}"
    );
    // The same platform from a second file for the same days: refused at render, naming both.
    let twice = workspace(
        "      - id: google-ads-again\n        kind: csv\n        platform: google_ads\n        path: data/google-ads.csv\n        dimensions: [campaign]\n        columns: {spend: ads.spend}\n",
        &[],
    );
    let o = run(
        twice.path(),
        &["render", "--period", "2026-10", "--format", "json"],
    );
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("source \"google-ads\" and source \"google-ads-again\" both give Google Ads numbers for ads.spend"),
        "{err}"
    );
    // Two live sources reading the same account (written in two ways): a config error.
    let live = "        api:\n          customer_id: \"123-456-7890\"\n          developer_token: {env: DEV_TOKEN}\n          auth: {bearer: {env: TOKEN}}\n        columns: {metrics.cost_micros: ads.spend}\n";
    let same = workspace(
        &format!(
            "      - id: ads-one\n        kind: google_ads\n{live}      - id: ads-two\n        kind: google_ads\n{}",
            live.replace("123-456-7890", "1234567890")
        ),
        &[],
    );
    let o = run(same.path(), &["check"]);
    let err = stderr(&o);
    assert!(
        err.contains("source \"ads-two\" reads the same Google Ads account \"1234567890\" as source \"ads-one\""),
        "{err}"
    );
}

/// The fixture with calculated metrics defined under `metrics:`.
fn with_formulas(formulas: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let ws = workspace("", &[10, 11, 12]);
    let path = ws.path().join("execreport.yaml");
    let mut metrics = String::from("metrics:\n");
    for (id, unit, formula) in formulas {
        metrics.push_str(&format!(
            "  - id: {id}\n    label: {id}\n    unit: {unit}\n    good: down\n    aggregation: {{formula: \"{formula}\"}}\n"
        ));
    }
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, metrics + &yaml).unwrap();
    ws
}

#[test]
fn calculated_metrics_come_from_the_period_values_of_their_parts() {
    let ws = with_formulas(&[
        (
            "ads.cost_per_lead",
            "money",
            "ads.spend / (ads.conversions + social.engagements / 10)",
        ),
        ("ads.leads", "count", "ads.conversions + social.engagements"),
        (
            "ads.never",
            "money",
            "ads.spend / (ads.clicks - ads.clicks)",
        ),
    ]);
    let o = run(
        ws.path(),
        &["render", "--period", "2026-10", "--format", "json,html"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = ws.path().join("out/multi/2026-10");
    let m: Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    // Microsoft Ads misses 10–12 October: 28 of its days, 31 of Google's and the networks'.
    let (spend, conversions, engagements) = (3100.0 + 28.0 * 20.0, 310.0 + 28.0, 2170.0);
    let cpl = kpi(&m, "ads.cost_per_lead");
    close(&cpl["value"], spend / (conversions + engagements / 10.0));
    assert_eq!(cpl["aggregation"], "formula");
    assert!(cpl.get("by_platform").is_none(), "{cpl}");
    // A formula adding sums is a sum: its change is compared per day when days are missing.
    let leads = kpi(&m, "ads.leads");
    close(&leads["value"], conversions + engagements);
    assert_eq!(leads["missing_days"], 3);
    assert_eq!(leads["change_basis"], "days_present");
    assert!(leads["per_day"]["value"].is_number(), "{leads}");
    // Division by zero: no value, and the data notes say why.
    let never = kpi(&m, "ads.never");
    assert!(never["value"].is_null());
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("ads.never: Not computed for this period: the formula divides by zero."));
}

#[test]
fn bad_formulas_are_refused_at_load_with_where_and_why() {
    for (formulas, expected) in [
        (
            vec![("ads.cpl", "money", "ads.spend / web.leads")],
            "metric \"ads.cpl\" refers to unknown metric \"web.leads\"",
        ),
        (
            vec![
                ("ads.a", "count", "ads.b + 1"),
                ("ads.b", "count", "ads.a * 2"),
            ],
            "metric \"ads.a\" is computed from itself: ads.a → ads.b → ads.a",
        ),
        (
            vec![("ads.cpl", "money", "ads.spend / (ads.conversions")],
            "expected \")\", found the end",
        ),
        (
            vec![("ads.cpl", "money", "ads.spend / 0")],
            "divides by zero",
        ),
    ] {
        let ws = with_formulas(&formulas);
        let o = run(ws.path(), &["check"]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains(expected), "{}", stderr(&o));
    }
}
