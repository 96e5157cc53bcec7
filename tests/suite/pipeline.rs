//! The whole pipeline on a small hand-computed workspace (`fixtures/valid`): the numbers in
//! report.json are checked against values worked out by hand from the fixture files.

use crate::common::{execreport, kpi, repo, stderr};
use serde_json::Value;

fn render(args: &[&str]) -> (tempfile::TempDir, Value) {
    let out = tempfile::tempdir().unwrap();
    let config = repo().join("tests/fixtures/valid/execreport.yaml");
    let mut all = vec![
        "--config",
        config.to_str().unwrap(),
        "render",
        "--format",
        "json",
        "--out",
        out.path().to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let o = execreport(&repo(), &all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written: Vec<_> = walk(out.path());
    assert_eq!(written.len(), 1, "{written:?}");
    let bytes = std::fs::read(&written[0]).unwrap();
    // One line, without indentation: the model is for programs (`jq .` indents it).
    assert!(!bytes.contains(&b'\n'), "report.json is indented");
    let model = serde_json::from_slice(&bytes).unwrap();
    (out, model)
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else {
            files.push(p);
        }
    }
    files
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

#[test]
fn monthly_numbers_follow_the_aggregation_rules() {
    let (_dir, m) = render(&["--period", "2026-10"]);
    assert_eq!(m["client"]["id"], "shop");
    assert_eq!(m["period"]["start"], "2026-10-01");
    assert_eq!(m["period"]["end"], "2026-10-31");
    assert_eq!(m["comparison"]["start"], "2026-09-01");
    assert_eq!(m["comparison"]["kind"], "previous");
    // Sums; the "1,000.00" and "4,000" cells are read with their separators.
    assert!(close(&kpi(&m, "ads.spend")["value"], 1600.0));
    assert!(close(&kpi(&m, "ads.conversion_value")["value"], 5500.0));
    // CTR from sums (160 / 13,000), not the mean of daily CTRs (0.0187).
    assert!(close(&kpi(&m, "ads.ctr")["value"], 160.0 / 13000.0));
    assert!(close(&kpi(&m, "ads.roas")["value"], 3.4375));
    assert!(close(&kpi(&m, "ads.cpa")["value"], 80.0));
    assert!(close(&kpi(&m, "ads.cpa")["previous"], 20.0));
    assert!(close(&kpi(&m, "ads.cpa")["change_pct"], 3.0));
    assert_eq!(kpi(&m, "ads.cpa")["sentiment"], "bad"); // dearer conversions are bad news
    assert_eq!(kpi(&m, "ads.spend")["sentiment"], "neutral");
    // Weighted rating: 1 review at 1★ and 9 at 5★ → 4.6 (the unweighted mean would be 3).
    assert!(close(&kpi(&m, "reviews.rating")["value"], 4.6));
    // Followers: last value per network (instagram 560 on the 31st, facebook 310 on the 10th).
    assert!(close(&kpi(&m, "social.followers")["value"], 870.0));
    assert!(close(&kpi(&m, "social.followers")["previous"], 800.0));
    // Missing days are missing: 28 days of web data, not 31 days with zeros.
    let sessions = kpi(&m, "web.sessions");
    assert!(close(&sessions["value"], 2800.0));
    assert_eq!(sessions["missing_days"], 3);
    let series = m["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["metric"] == "web.sessions")
        .unwrap();
    assert_eq!(series["current"][11]["date"], "2026-10-12");
    assert!(series["current"][11]["value"].is_null());
    assert!(close(&series["current"][10]["value"], 100.0));
    // September under October's days, weekday by weekday: 31 days, from Thursday 3
    // September; the three days past September's end have no value.
    let previous = series["previous"].as_array().unwrap();
    assert_eq!(previous.len(), 31);
    assert_eq!(previous[0]["date"], "2026-09-03");
    assert!(previous[28..].iter().all(|d| d["value"].is_null()));
    // Unique users summed per day carry a caveat.
    assert!(
        kpi(&m, "web.users")["note"]
            .as_str()
            .unwrap()
            .contains("once per day")
    );
    // Undefined values are null: no social impressions in September.
    assert!(kpi(&m, "social.engagement_rate")["change_pct"].is_null());
    // Goals and data quality.
    let goals = m["goals"].as_array().unwrap();
    assert!(close(&goals[0]["progress"], 20.0 / 30.0));
    // Short of "at least" with days missing: the missing days could hold the difference.
    assert!(goals[0]["missing_days"].as_u64().unwrap() > 0);
    assert_eq!(goals[0]["met"], Value::Null);
    assert_eq!(goals[1]["comparison"], "at_most");
    assert_eq!(goals[1]["met"], false);
    let web = m["data_quality"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "web")
        .unwrap();
    assert_eq!(web["missing"][0]["start"], "2026-10-12");
    assert_eq!(web["missing"][0]["end"], "2026-10-14");
    let reviews = m["data_quality"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "reviews")
        .unwrap();
    assert_eq!(reviews["skipped_rows"], 1);
    assert_eq!(reviews["skipped"][0]["line"], 7);
    assert_eq!(m["data_quality"]["complete"], false);
    // Breakdown: spend by campaign, shares of the total.
    let b = &m["breakdowns"][0];
    assert_eq!(b["dimension"], "campaign");
    assert_eq!(b["rows"][0]["key"], "Brand");
    assert!(close(&b["rows"][0]["share"], 1300.0 / 1600.0));
    assert!(close(&b["rows"][1]["values"]["ads.ctr"], 20.0 / 10000.0));
    let sections: Vec<&str> = m["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "summary",
            "web",
            "ads",
            "social",
            "reviews",
            "goals",
            "data_notes"
        ]
    );
}

#[test]
fn sunday_weeks_and_prorated_goals() {
    let (dir, m) = render(&["--period", "2026-W41", "--compare", "yoy"]);
    // The agency's weeks start on Sunday: W41 is Sunday 4 to Saturday 10 October.
    assert_eq!(m["period"]["start"], "2026-10-04");
    assert_eq!(m["period"]["end"], "2026-10-10");
    assert_eq!(m["comparison"]["kind"], "yoy");
    assert_eq!(m["comparison"]["key"], "2025-W41");
    assert!(dir.path().join("shop/2026-W41/report.json").is_file());
    // 30 conversions a month is 30 × 7 / 30.436875 in a week; a CPA target does not scale.
    let goals = m["goals"].as_array().unwrap();
    assert!(close(&goals[0]["period_target"], 30.0 * 7.0 / 30.436875));
    assert!(close(&goals[1]["period_target"], 50.0));
}

#[test]
fn relative_periods_use_the_pinned_today_and_none_comparison() {
    let (_dir, m) = render(&[
        "--period",
        "last-month",
        "--today",
        "2026-11-01",
        "--compare",
        "none",
    ]);
    assert_eq!(m["period"]["key"], "2026-10");
    assert!(m["comparison"].is_null());
    assert!(kpi(&m, "ads.spend")["previous"].is_null());
    assert!(m["highlights"].as_array().unwrap().is_empty());
    let (dir, m) = render(&["--period", "2026-10-01..2026-10-15"]);
    assert_eq!(m["comparison"]["start"], "2026-09-16");
    assert!(
        dir.path()
            .join("shop/2026-10-01_2026-10-15/report.json")
            .is_file()
    );
}

#[test]
fn rendering_twice_gives_identical_json() {
    let (a, _) = render(&["--period", "2026-10"]);
    let (b, _) = render(&["--period", "2026-10"]);
    let read =
        |d: &tempfile::TempDir| std::fs::read(d.path().join("shop/2026-10/report.json")).unwrap();
    assert_eq!(read(&a), read(&b));
}

#[test]
fn bad_period_and_unknown_client_are_usage_errors() {
    let config = repo().join("tests/fixtures/valid/execreport.yaml");
    let c = config.to_str().unwrap();
    let o = execreport(&repo(), &["-c", c, "render", "--period", "2026-13"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("month must be 01 to 12"),
        "{}",
        stderr(&o)
    );
    let o = execreport(
        &repo(),
        &[
            "-c", c, "render", "--period", "2026-10", "--client", "nobody",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown client \"nobody\""),
        "{}",
        stderr(&o)
    );
}

/// The whole report.json of the fixture, pinned: a change anywhere in the model shows up as a
/// snapshot diff to review (`cargo insta review`), not as a silent change. The generator's
/// version is redacted; the period, "today" and the clock are fixed.
#[test]
fn report_json_snapshot() {
    let (_dir, mut m) = render(&[
        "--period",
        "2026-10",
        "--today",
        "2026-11-15",
        "--now",
        "2026-11-15T09:00:00Z",
    ]);
    assert!(m["generator"].as_str().unwrap().starts_with("execreport "));
    m["generator"] = "[generator]".into();
    insta::assert_snapshot!("report_json", serde_json::to_string_pretty(&m).unwrap());
}
