//! The long view (issue 18): headline KPIs over 13 months with last year's marks, and a
//! year-on-year table, in the model, the HTML and the PDF.

use crate::common::pdf_tools::{squash, text};
use crate::common::{kpi, render, render_model, repo, samples};

fn trend<'a>(json: &'a serde_json::Value, metric: &str) -> &'a serde_json::Value {
    json["trends"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["metric"] == metric)
        .unwrap_or_else(|| panic!("no trend of {metric}"))
}

/// The hotel's October misses 4 days of sessions: its bar is partial (over 27 days), marked
/// so in the chart, not a zero and not a whole month; months and years are Thai, Buddhist.
#[test]
fn a_partial_month_is_marked_and_months_are_named_in_the_reports_calendar() {
    let (json, html) = render_model(&samples(), "harbor-hotel-bangkok", "2026-10", &[]);
    let sessions = trend(&json, "web.sessions");
    assert_eq!(sessions["bucket"], "month");
    let buckets = sessions["buckets"].as_array().unwrap();
    assert_eq!(buckets.len(), 13);
    assert_eq!(buckets[0]["start"], "2025-10-01");
    let october = &buckets[12];
    assert_eq!(october["coverage"], "partial", "{october}");
    assert_eq!(october["days_with_data"], 27);
    assert_eq!(october["value"], kpi(&json, "web.sessions")["value"]);
    // A year-on-year change over a partial month would compare 27 days with 31.
    assert!(sessions["year_on_year"]["change"].is_null());
    let svg = html
        .split("<svg class=\"chart chart-trend_bars\"")
        .nth(1)
        .expect("a trend bar chart in the HTML");
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert!(svg.contains("ต.ค. 2568"), "{svg}");
    assert!(svg.contains("ต.ค. 2569: 14,508 (ข้อมูลขาดบางวัน)"), "{svg}");
    // The partial bar's dashed outline.
    assert!(svg.contains("stroke-dasharray"), "{svg}");
    assert!(!html.contains("trend-bars-title") && !html.contains("yoy-caption"));
}

/// The year-on-year table against the sample file summed by hand: October 2025 has 5,594
/// sessions (31 days of rows), October 2026 7,620: +36.2 %.
#[test]
fn the_year_on_year_table_matches_the_file_summed_by_hand() {
    let file =
        std::fs::read_to_string(repo().join("samples/data/brightside-dental/web-analytics.csv"))
            .unwrap();
    let sum_of = |month: &str| -> f64 {
        file.lines()
            .skip(1)
            .filter(|l| l.starts_with(month))
            .map(|l| l.split(',').nth(2).unwrap().parse::<f64>().unwrap())
            .sum()
    };
    let (then, now) = (sum_of("2025-10-"), sum_of("2026-10-"));
    assert_eq!((then, now), (5594.0, 7620.0));
    let (json, html) = render_model(&samples(), "brightside-dental", "2026-10", &[]);
    let y = &trend(&json, "web.sessions")["year_on_year"];
    assert_eq!(
        (y["start"].as_str(), y["end"].as_str()),
        (Some("2025-10-01"), Some("2025-10-31"))
    );
    assert_eq!(y["previous"].as_f64(), Some(then));
    let pct = y["change_pct"].as_f64().unwrap();
    assert!((pct - (now - then) / then).abs() < 1e-12, "{pct}");
    let table = html
        .split("Website: compared with a year earlier")
        .nth(1)
        .expect("the year-on-year table");
    let table = &table[..table.find("</table>").unwrap()];
    for cell in ["October 2026", "October 2025", "7,620", "5,594", "+36.2%"] {
        assert!(table.contains(cell), "{cell} not in {table}");
    }
}

/// The PDF draws the same bars: pdftotext finds the months and the titles, in English and in
/// Thai with Buddhist years; a weekly report has 13 weeks.
#[test]
fn the_pdf_names_the_months_and_weeks_of_the_bars() {
    let out = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        Some("brightside-dental"),
        "2026-10",
        "pdf",
        out.path(),
    );
    let pdf = squash(&text(
        &out.path().join("brightside-dental/2026-10/report.pdf"),
    ));
    for s in [
        "Sessions, the last 13 months",
        // Months named alone, their years once under them.
        "Dec",
        "2025",
        "2026",
        "A year earlier",
        "Website: compared with a year earlier",
    ] {
        assert!(pdf.contains(s), "{s:?} not in the PDF");
    }
    render(
        "samples/execreport.yaml",
        Some("harbor-hotel-bangkok"),
        "2026-10",
        "pdf",
        out.path(),
    );
    let pdf = squash(&text(
        &out.path().join("harbor-hotel-bangkok/2026-10/report.pdf"),
    ));
    for s in ["ย้อนหลัง 13 เดือน", "ต.ค.", "2568", "2569", "ข้อมูลขาดบางวัน"]
    {
        assert!(pdf.contains(s), "{s:?} not in the Thai PDF");
    }
    // A weekly report's trends are its last 13 weeks, the year-ago week beside each.
    let (json, _) = render_model(&samples(), "brightside-dental", "2026-W43", &[]);
    let sessions = trend(&json, "web.sessions");
    assert_eq!(sessions["bucket"], "week");
    let buckets = sessions["buckets"].as_array().unwrap();
    assert_eq!(buckets.len(), 13);
    assert_eq!(buckets[12]["start"], "2026-10-18");
    assert!(!buckets[12]["last_year"].is_null(), "{}", buckets[12]);
}
