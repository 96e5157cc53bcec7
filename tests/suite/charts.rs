//! Charts an executive reads in a minute (issue 18): the comparison's weekdays under the
//! period's, one chart per metric, events as bars, weeks along a quarter, and the agency's
//! annotations marked on the daily charts of both the HTML and the PDF.

use chrono::{Datelike, NaiveDate};

use crate::common::pdf_tools::{squash, text};
use crate::common::{execreport, render_model, repo, sample_workspace, samples, stderr};

fn date(v: &serde_json::Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

/// The ids of the charts drawn as SVG in a report's HTML, each once (a chart is drawn for
/// wide and for narrow screens).
fn chart_ids(html: &str) -> Vec<String> {
    let mut ids: Vec<String> = html
        .split(r#"role="img" aria-labelledby=""#)
        .skip(1)
        .map(|rest| rest.split("-t ").next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

#[test]
fn comparison_days_fall_on_the_same_weekdays() {
    for (compare, shift) in [("previous", 28), ("yoy", 364)] {
        let (json, _) = render_model(
            &samples(),
            "brightside-dental",
            "2026-10",
            &["--compare", compare],
        );
        let alignment = &json["comparison"]["series_alignment"];
        assert_eq!(alignment["shift_days"], shift, "{compare}: {alignment}");
        let (first, last) = (date(&alignment["start"]), date(&alignment["end"]));
        let series = json["series"].as_array().unwrap();
        assert!(!series.is_empty());
        for s in series {
            let (current, previous) = (
                s["current"].as_array().unwrap(),
                s["previous"].as_array().unwrap(),
            );
            assert_eq!(current.len(), previous.len(), "{}", s["metric"]);
            let mut drawn = 0;
            for (c, p) in current.iter().zip(previous) {
                let (day, under) = (date(&c["date"]), date(&p["date"]));
                assert_eq!(day.weekday(), under.weekday(), "{compare} {day} {under}");
                if !p["value"].is_null() {
                    assert!(first <= under && under <= last, "{compare}: {under}");
                    drawn += 1;
                }
            }
            // Sums are there every day: all but the days moved out of the comparison.
            if s["metric"] == "web.sessions" {
                assert!(drawn >= 28, "{compare}: {drawn} days");
            }
        }
    }
}

#[test]
fn each_metric_is_charted_once_and_events_are_bars() {
    let (_, html) = render_model(&samples(), "brightside-dental", "2026-10", &[]);
    let ids = chart_ids(&html);
    let mut metrics: Vec<&str> = ids
        .iter()
        .filter_map(|id| {
            id.strip_prefix("trend-")
                .or_else(|| id.strip_prefix("daily-"))
        })
        .collect();
    assert!(metrics.contains(&"reviews-new"), "{ids:?}");
    let all = metrics.len();
    metrics.sort();
    metrics.dedup();
    assert_eq!(all, metrics.len(), "a metric is charted twice: {ids:?}");
    // Newsletters go out on a few days: their days are bars, not a line through zeros.
    assert!(
        html.contains(r#"class="chart chart-bars" viewBox"#)
            && ids.iter().any(|id| id == "daily-email-delivered"),
        "{ids:?}"
    );
    assert!(
        !ids.iter().any(|id| id == "trend-email-delivered"),
        "{ids:?}"
    );
}

#[test]
fn annotations_are_marked_on_daily_charts_escaped_in_html_and_pdf() {
    let ws = sample_workspace(
        |yaml| {
            yaml.replace(
                "        label: Site migration\n",
                "        label: Site migration\n      - date: 2026-10-20\n        label: \"<b>Open & house</b>\"\n      - date: 2025-01-05\n        label: Long ago\n",
            )
        },
        false,
    );
    let config = ws.path().join("execreport.yaml");
    let out = tempfile::tempdir().unwrap();
    let o = execreport(
        &repo(),
        &[
            "-c",
            config.to_str().unwrap(),
            "render",
            "--period",
            "2026-10",
            "--client",
            "brightside-dental",
            "--format",
            "json,html,pdf",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dir = out.path().join("brightside-dental/2026-10");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    let labels: Vec<&str> = json["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    // Only the period's events, earliest first.
    assert_eq!(labels, ["Site migration", "<b>Open & house</b>"]);
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let sessions = html
        .split(r#"aria-labelledby="trend-web-sessions-t"#)
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    assert!(sessions.contains(">Site migration</text>"), "{sessions}");
    assert!(sessions.contains(">&lt;b&gt;Open &amp; house&lt;/b&gt;</text>"));
    assert!(!html.contains("<b>Open &"), "an annotation is not escaped");
    let pdf = squash(&text(&dir.join("report.pdf")));
    assert!(pdf.contains("Site migration"), "{pdf}");
    assert!(pdf.contains("<b>Open & house</b>"), "{pdf}");
}

#[test]
fn a_quarter_is_labelled_by_weeks() {
    let (_, html) = render_model(&samples(), "brightside-dental", "2026-Q3", &[]);
    let chart = html
        .split(r#"aria-labelledby="trend-web-sessions-t"#)
        .nth(1)
        .unwrap()
        .split("</svg>")
        .next()
        .unwrap();
    let labels: Vec<&str> = chart
        .split(r#"text-anchor="middle""#)
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .collect();
    // Mondays of the quarter: July 6, 13, 20, … September 28.
    assert!(
        labels.contains(&"Jul 6") && labels.contains(&"Sep 28"),
        "{labels:?}"
    );
    assert!(labels.len() <= 14, "{labels:?}");
    assert!(!labels.contains(&"Jul 7"), "{labels:?}");
}
