//! Only trustworthy reports reach a client: the data-completeness gate (no data, late data,
//! incomplete comparisons), honest comparisons, one client's problem isolated from the others,
//! and nothing technical inside what the client reads.

use std::path::Path;
use std::process::Output;

use crate::common::{execreport, kpi, sample_workspace, stderr, stdout};
use chrono::{Days, NaiveDate};
use serde_json::Value;

fn run(dir: &Path, args: &[&str]) -> Output {
    let config = dir.join("execreport.yaml");
    let mut all = vec!["-c", config.to_str().unwrap()];
    all.extend(args);
    execreport(dir, &all)
}

fn emails(out: &Path) -> Vec<std::path::PathBuf> {
    walk(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_period_without_data_is_never_sent_and_says_why_per_client() {
    let ws = sample_workspace(|y| y, true);
    let dir = ws.path();
    let o = run(
        dir,
        &["batch", "--period", "2026-11", "--send", "--dry-run"],
    );
    assert_eq!(o.status.code(), Some(6), "{}", stderr(&o));
    assert!(emails(&dir.join("out")).is_empty());
    let text = stdout(&o);
    for client in [
        "brightside-dental",
        "thames-fitness",
        "harbor-hotel-bangkok",
        "kopi-nusantara",
        "osaka-smile-clinic",
        "trattoria-da-luca",
        "izmir-deri",
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with("NO DATA, NOT SENT") && l.contains(client))
            .unwrap_or_else(|| panic!("{client} not listed as without data:\n{text}"));
        assert!(
            line.contains("data through 2026-10-31, needs 2026-11-30"),
            "{line}"
        );
    }
    // Not written either, and due again: the ledger says what it waits for.
    assert!(
        !dir.join("out/brightside-dental/2026-11/report.pdf")
            .exists()
    );
    let st = run(dir, &["status", "--json"]);
    let st: Value = serde_json::from_slice(&st.stdout).unwrap();
    let row = st["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["client"] == "brightside-dental" && r["period"] == "2026-11")
        .unwrap();
    assert_eq!(row["state"], "waiting");
    assert_eq!(row["data"], "no_data");
    assert!(
        row["waiting_for"][0]
            .as_str()
            .unwrap()
            .contains("web: data through 2026-10-31, needs 2026-11-30"),
        "{row}"
    );

    // The month that has its data still goes out: seven messages (İzmir Deri awaits approval).
    let o = run(
        dir,
        &["batch", "--period", "2026-10", "--send", "--dry-run"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(emails(&dir.join("out")).len(), 7);

    // `render` writes a report that says only that there is no data, and exits 6.
    let o = run(
        dir,
        &[
            "render",
            "--period",
            "2026-11",
            "--client",
            "thames-fitness",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(6), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no data for the period"),
        "{}",
        stderr(&o)
    );
    let m: Value = serde_json::from_slice(
        &std::fs::read(dir.join("out/thames-fitness/2026-11/report.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(m["data_quality"]["status"], "no_data");
}

#[test]
fn comparisons_with_missing_days_compare_like_with_like() {
    let ws = sample_workspace(|y| y, true);
    let dir = ws.path();
    let o = run(
        dir,
        &[
            "render",
            "--period",
            "2026-W43",
            "--client",
            "harbor-hotel-bangkok",
            "--format",
            "json,html",
            "--locale",
            "en",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("the comparison 2026-W42 misses 4 days"));
    let report = dir.join("out/harbor-hotel-bangkok/2026-W43");
    let m: Value =
        serde_json::from_slice(&std::fs::read(report.join("report.json")).unwrap()).unwrap();
    assert_eq!(m["data_quality"]["status"], "incomplete");
    assert_eq!(m["data_quality"]["complete"], false);
    // W42 has 3 of 7 days of web data (the 12–15 October outage): the change compares the
    // per-day averages of the days with data, never the 7-day total with the 3-day one.
    let s = kpi(&m, "web.sessions");
    assert_eq!(s["previous_missing_days"], 4);
    assert_eq!(s["change_basis"], "days_present");
    let (v, p) = (
        s["value"].as_f64().unwrap(),
        s["previous"].as_f64().unwrap(),
    );
    let per_day = (v / 7.0, p / 3.0);
    assert!((s["per_day"]["value"].as_f64().unwrap() - per_day.0).abs() < 1e-9);
    assert!((s["per_day"]["previous"].as_f64().unwrap() - per_day.1).abs() < 1e-9);
    let want = (per_day.0 - per_day.1) / per_day.1;
    assert!((s["change_pct"].as_f64().unwrap() - want).abs() < 1e-9);
    assert!(s["change_pct"].as_f64().unwrap() < 0.5, "{s}");
    // No highlight comes from an incomplete comparison.
    for h in m["highlights"].as_array().unwrap() {
        let k = kpi(&m, h["metric"].as_str().unwrap());
        assert_eq!(k["change_basis"], "totals", "{h}");
    }
    // The page labels the per-day comparison and lists the comparison's gap, and does not
    // call the data complete.
    let html = std::fs::read_to_string(report.join("report.html")).unwrap();
    assert!(html.contains("per day:"), "no per-day label");
    // Small per-day counts keep a decimal, so "7.1 vs 8.3" shows the change it has.
    let conversions = kpi(&m, "web.conversions");
    assert_eq!(conversions["change_basis"], "days_present");
    assert!(
        html.contains("per day: 7.1 vs 8.3"),
        "per-day conversions not to one decimal"
    );
    assert!(html.contains("the comparison period has no data for 4 days"));
    assert!(!html.contains("All data sources were complete"));

    // A batch holds it: rendered, awaiting approval, not sent.
    let o = run(
        dir,
        &[
            "batch",
            "--period",
            "2026-W43",
            "--clients",
            "harbor-hotel-bangkok",
            "--send",
            "--dry-run",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(6), "{}", stderr(&o));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = &s["reports"][0];
    assert_eq!(r["status"], "rendered");
    assert_eq!(r["awaiting_approval"], true);
    assert_eq!(r["data"], "incomplete");
    assert_eq!(r["delivery"]["status"], "held");
    assert!(emails(&dir.join("out")).is_empty());

    // The monthly report compares 27 days with 30 per day too, and its notes say so.
    let o = run(
        dir,
        &[
            "render",
            "--period",
            "2026-10",
            "--client",
            "harbor-hotel-bangkok",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: Value = serde_json::from_slice(
        &std::fs::read(dir.join("out/harbor-hotel-bangkok/2026-10/report.json")).unwrap(),
    )
    .unwrap();
    // October itself has the outage; September is whole: complete for the gate.
    assert_eq!(m["data_quality"]["status"], "complete");
    assert_eq!(m["data_quality"]["complete"], false);
    assert_eq!(kpi(&m, "web.sessions")["change_basis"], "days_present");
    assert_eq!(kpi(&m, "ads.spend")["change_basis"], "totals");
    // A sum short of its "at least" target with days missing is not judged missed: the
    // missing days could hold the difference.
    let bookings = m["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["metric"] == "web.conversions")
        .unwrap();
    assert!(bookings["value"].as_f64().unwrap() < bookings["period_target"].as_f64().unwrap());
    assert_eq!(bookings["missing_days"], 4);
    assert_eq!(bookings["met"], Value::Null);
}

/// A one-client workspace whose web data ends on `last`, scheduled on the 1st at 06:00.
fn late_data_workspace(last: &str, schedule_extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_web(dir.path(), last);
    std::fs::write(
        dir.path().join("execreport.yaml"),
        format!(
            "agencies:\n  - id: a\n    name: Agency\nschedule:\n  monthly: {{day: 1, at: \"06:00\"}}\n  formats: [json]\n{schedule_extra}clients:\n  - id: acme\n    name: Acme\n    time_zone: UTC\n    sources:\n      - id: web\n        kind: csv\n        path: data/web.csv\n        columns: {{sessions: web.sessions}}\n"
        ),
    )
    .unwrap();
    dir
}

fn write_web(dir: &Path, last: &str) {
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let mut csv = String::from("date,sessions\n");
    let mut d = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    let last: NaiveDate = last.parse().unwrap();
    while d <= last {
        csv.push_str(&format!("{d},100\n"));
        d = d + Days::new(1);
    }
    std::fs::write(dir.join("data/web.csv"), csv).unwrap();
}

fn batch_json(dir: &Path, now: &str, code: i32) -> Value {
    let o = run(dir, &["batch", "--due", "--json", "--now", now]);
    assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn late_data_is_waited_for_then_held_then_released_when_it_arrives() {
    let ws = late_data_workspace("2026-10-28", "  wait_for_data: 2d\n");
    let dir = ws.path();
    // Within the wait: not written, waiting, and `status` says for what.
    let s = batch_json(dir, "2026-11-01T08:00:00Z", 6);
    assert_eq!(s["reports"][0]["status"], "waiting");
    assert!(!dir.join("out/acme/2026-10/report.json").exists());
    let o = run(dir, &["status", "--now", "2026-11-01T08:00:00Z"]);
    assert!(
        stdout(&o).contains("web: data through 2026-10-28, needs 2026-10-31"),
        "{}",
        stdout(&o)
    );
    // The wait is over: rendered and held for approval (the default `on_incomplete: hold`).
    let s = batch_json(dir, "2026-11-03T07:00:00Z", 6);
    let r = &s["reports"][0];
    assert_eq!(
        (&r["status"], &r["awaiting_approval"]),
        (&"rendered".into(), &true.into())
    );
    // Still held while nothing changed, and listed loudly by every batch.
    let o = run(dir, &["batch", "--due", "--now", "2026-11-03T08:00:00Z"]);
    assert_eq!(o.status.code(), Some(6));
    assert!(
        stdout(&o).contains("HELD, DATA INCOMPLETE: acme 2026-10"),
        "{}",
        stdout(&o)
    );
    // The data arrives: the next batch renders it again, complete, and nothing holds it.
    write_web(dir, "2026-10-31");
    let s = batch_json(dir, "2026-11-03T09:00:00Z", 0);
    let r = &s["reports"][0];
    assert_eq!(r["status"], "rendered");
    assert_eq!(r["awaiting_approval"], false);
    assert_eq!(r["data"], "complete");
    // And it is done: the next batch has nothing to do.
    let s = batch_json(dir, "2026-11-03T10:00:00Z", 0);
    assert!(s["reports"].as_array().unwrap().is_empty(), "{s}");
}

#[test]
fn on_incomplete_send_and_skip() {
    let ws = late_data_workspace("2026-10-28", "  on_incomplete: skip\n");
    let s = batch_json(ws.path(), "2026-11-01T08:00:00Z", 6);
    assert_eq!(s["reports"][0]["status"], "skipped");
    assert!(!ws.path().join("out/acme/2026-10/report.json").exists());
    // Skipped is final: not due again.
    let s = batch_json(ws.path(), "2026-11-02T08:00:00Z", 0);
    assert!(s["reports"].as_array().unwrap().is_empty(), "{s}");

    let ws = late_data_workspace("2026-10-28", "  on_incomplete: send\n");
    let s = batch_json(ws.path(), "2026-11-01T08:00:00Z", 0);
    let r = &s["reports"][0];
    assert_eq!(
        (&r["status"], &r["awaiting_approval"]),
        (&"rendered".into(), &false.into())
    );
    assert_eq!(r["data"], "incomplete");
}

#[test]
fn wait_for_data_is_checked_when_the_workspace_loads() {
    let ws = late_data_workspace("2026-10-31", "  wait_for_data: 3 weeks\n");
    let o = run(ws.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("expected hours or days such as 12h or 3d"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn one_clients_missing_file_or_bad_setting_fails_only_that_client() {
    // A required file gone: that client fails (exit 3), every other report is written.
    let ws = sample_workspace(
        |y| {
            y.replace(
                "path: data/brightside-dental/web-analytics.csv",
                "path: data/brightside-dental/gone.csv",
            )
            // A per-client setting that is wrong: İzmir Deri's goal names no metric.
            .replace(
                "      - metric: ads.roas\n        at_least: 15",
                "      - metric: ads.nonsense\n        at_least: 15",
            )
        },
        true,
    );
    let dir = ws.path();
    let o = run(dir, &["batch", "--period", "2026-10", "--json"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let s: Value = serde_json::from_slice(&o.stdout).unwrap();
    let status = |c: &str| {
        s["reports"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["client"] == c)
            .map(|r| r["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(status("brightside-dental"), "failed");
    assert_eq!(status("thames-fitness"), "rendered");
    assert_eq!(status("harbor-hotel-bangkok"), "rendered");
    let izmir = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["client"] == "izmir-deri")
        .unwrap();
    assert_eq!(izmir["status"], "failed");
    assert!(izmir["error"].as_str().unwrap().contains("ads.nonsense"));
    // `check` lists both.
    let o = run(dir, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("gone.csv") && e.contains("ads.nonsense"), "{e}");

    // An optional file gone: the report is written with "data unavailable", exit 4.
    let ws = sample_workspace(
        |y| {
            y.replace(
                "path: data/kopi-nusantara/social-insights.json",
                "path: data/kopi-nusantara/gone.json",
            )
        },
        true,
    );
    let o = run(
        ws.path(),
        &[
            "render",
            "--period",
            "2026-10",
            "--client",
            "kopi-nusantara",
        ],
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert!(stderr(&o).contains("gone.json"));
    let pdf = ws.path().join("out/kopi-nusantara/2026-10/report.pdf");
    let text = common_pdf_text(&pdf);
    // One plain sentence in the client's language naming the channel: no path, no id.
    assert!(
        text.contains("Media sosial: data tidak tersedia untuk periode ini."),
        "{text}"
    );
    assert!(!text.contains("gone.json") && !text.contains("No such file"));
}

fn common_pdf_text(pdf: &Path) -> String {
    let o = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn a_failed_source_shows_the_client_one_plain_sentence_and_nothing_technical() {
    // Trattoria's Search Console source needs credentials from the environment; November is
    // not cached, so it fails, and the Italian report must not show why in English.
    let ws = sample_workspace(|y| y, true);
    let dir = ws.path();
    let o = run(
        dir,
        &[
            "render",
            "--period",
            "2026-10-01..2026-10-31",
            "--client",
            "trattoria-da-luca",
            "--refresh",
            "--now",
            "2026-11-05T00:00:00Z",
        ],
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    // The operator sees the detail...
    assert!(
        stderr(&o).contains("TRATTORIA_GOOGLE_CLIENT_ID"),
        "{}",
        stderr(&o)
    );
    let out = dir.join("out/trattoria-da-luca/2026-10-01_2026-10-31");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let json = std::fs::read_to_string(out.join("report.json")).unwrap();
    let pdf = common_pdf_text(&out.join("report.pdf"));
    assert!(
        pdf.contains("Google Search Console: dati non disponibili per questo periodo."),
        "{pdf}"
    );
    // ...the client sees no variable, path, URL or raw error in any output.
    let root = dir.display().to_string();
    for (name, text) in [("html", &html), ("json", &json), ("pdf", &pdf)] {
        for leak in [
            "TRATTORIA_",
            "environment variable",
            "it should hold",
            root.as_str(),
            "googleapis",
            "/tmp/",
        ] {
            assert!(!text.contains(leak), "{name} contains {leak:?}");
        }
    }
}
