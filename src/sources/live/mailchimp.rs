//! Mailchimp Marketing API 3.0, `GET /3.0/reports`: the reports of campaigns sent in a range.
//! <https://mailchimp.com/developer/marketing/api/reports/list-campaign-reports/>
//! <https://mailchimp.com/developer/marketing/docs/fundamentals/#pagination>
//! <https://mailchimp.com/developer/marketing/docs/errors/>
//!
//! One request a page: `since_send_time` and `before_send_time` are the client's midnights
//! (ISO 8601 in UTC), `count` reports a page (`page_size`, at most 1,000) from `offset`, until
//! `offset` reaches `total_items`. A campaign counts on its `send_time` day in the client's
//! time zone, with all its numbers so far (opens and clicks arrive for days after the send,
//! hence the settle days). Rows give Mailchimp's counts: `emails_sent`, `bounces` (hard and
//! soft), `delivered` (sent less bounces: what Mailchimp's open and click rates divide by),
//! `unsubscribed`, `unique_opens`, `opens_total`, `unique_subscriber_clicks` (people who
//! clicked, as Mailchimp's click rate counts them) and `clicks_total`. Rates are never read:
//! the report computes them from the summed counts. Every day of the range up to today has a
//! row: a day without a campaign sent 0 e-mails.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Days, NaiveDate, TimeZone};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source};

/// The most `count` Mailchimp allows.
const PAGE: u32 = 1000;
/// Pages read at most, against a server that never stops.
const MAX_PAGES: usize = 1000;

/// A report's counts: (row field, JSON pointer in the report).
const COUNTS: [(&str, &str); 8] = [
    ("emails_sent", "/emails_sent"),
    ("hard_bounces", "/bounces/hard_bounces"),
    ("soft_bounces", "/bounces/soft_bounces"),
    ("unsubscribed", "/unsubscribed"),
    ("unique_opens", "/opens/unique_opens"),
    ("opens_total", "/opens/opens_total"),
    (
        "unique_subscriber_clicks",
        "/clicks/unique_subscriber_clicks",
    ),
    ("clicks_total", "/clicks/clicks_total"),
];

/// The account's API host for its data center (`us6` → `https://us6.api.mailchimp.com`).
pub fn base(data_center: &str) -> String {
    format!("https://{data_center}.api.mailchimp.com")
}

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let dc = s.api.data_center.as_deref().unwrap_or_default();
    let first = s.url(&base(dc), "3.0/reports")?;
    let zone = s.time_zone;
    let midnight = |d: NaiveDate| -> Result<String, FetchError> {
        let t = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        zone.from_local_datetime(&t)
            .earliest()
            .map(|t| {
                t.to_utc()
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            })
            .ok_or_else(|| FetchError {
                request: first.to_string(),
                status: None,
                hold: None,
                message: format!("no midnight on {d} in {zone}"),
            })
    };
    let until = end.checked_add_days(Days::new(1)).unwrap_or(end);
    let (since, before) = (midnight(start)?, midnight(until)?);
    let count = s.api.page_size.unwrap_or(PAGE).clamp(1, PAGE);
    let fields = std::iter::once("total_items".to_string())
        .chain(["id", "send_time"].map(|f| format!("reports.{f}")))
        .chain(
            COUNTS
                .iter()
                .map(|(_, p)| format!("reports{}", p.replace('/', "."))),
        )
        .collect::<Vec<_>>()
        .join(",");
    let today = s.now.with_timezone(&zone).date_naive();
    let mut days: BTreeMap<NaiveDate, [u64; COUNTS.len()]> = start
        .iter_days()
        .take_while(|d| *d <= end && *d <= today)
        .map(|d| (d, [0; COUNTS.len()]))
        .collect();
    let mut seen = HashSet::new();
    let mut offset: u64 = 0;
    for _ in 0..MAX_PAGES {
        let mut url = first.clone();
        url.query_pairs_mut()
            .append_pair("fields", &fields)
            .append_pair("count", &count.to_string())
            .append_pair("offset", &offset.to_string())
            .append_pair("since_send_time", &since)
            .append_pair("before_send_time", &before);
        let call = Call::new(Method::GET, url);
        let page = s.send_json(&call)?;
        let reports = page
            .get("reports")
            .and_then(Value::as_array)
            .ok_or_else(|| s.unexpected(&call, "no `reports` array".into()))?;
        let total = page
            .get("total_items")
            .and_then(Value::as_u64)
            .ok_or_else(|| s.unexpected(&call, "no `total_items` count".into()))?;
        let mut new = 0;
        for report in reports {
            let id = report.get("id").and_then(Value::as_str).unwrap_or_default();
            let id: String = id.chars().take(40).collect();
            // A campaign sent while paging moves the others one place: read once.
            if !seen.insert(id.clone()) {
                continue;
            }
            new += 1;
            let (day, counts) = campaign(report, &id, zone).map_err(|m| s.unexpected(&call, m))?;
            if (start..=end).contains(&day) {
                let sums = days.entry(day).or_insert([0; COUNTS.len()]);
                for (sum, n) in sums.iter_mut().zip(counts) {
                    *sum = sum.saturating_add(n);
                }
            }
        }
        offset += reports.len() as u64;
        if reports.is_empty() || offset >= total {
            return Ok(rows(s, days));
        }
        if new == 0 {
            return Err(s.unexpected(
                &call,
                format!("the page at offset {offset} repeats campaigns already read"),
            ));
        }
    }
    let call = Call::new(Method::GET, first);
    Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages of reports")))
}

/// A report's send day in `zone` and its counts, in the order of [`COUNTS`].
fn campaign(
    report: &Value,
    id: &str,
    zone: chrono_tz::Tz,
) -> Result<(NaiveDate, [u64; COUNTS.len()]), String> {
    let sent = report
        .get("send_time")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| {
            format!(
                "campaign {id:?}: send_time is {}, expected a time such as 2026-10-05T14:30:00+00:00",
                report.get("send_time").unwrap_or(&Value::Null)
            )
        })?;
    let mut counts = [0; COUNTS.len()];
    for (n, (_, pointer)) in counts.iter_mut().zip(COUNTS) {
        let v = report.pointer(pointer).unwrap_or(&Value::Null);
        *n = v.as_u64().ok_or_else(|| {
            format!(
                "campaign {id:?}: {} is {v}, expected a count",
                &pointer[1..].replace('/', ".")
            )
        })?;
    }
    if counts[1].saturating_add(counts[2]) > counts[0] {
        return Err(format!(
            "campaign {id:?}: more bounces ({} hard, {} soft) than e-mails sent ({})",
            counts[1], counts[2], counts[0]
        ));
    }
    Ok((sent.with_timezone(&zone).date_naive(), counts))
}

fn rows(s: &Source, days: BTreeMap<NaiveDate, [u64; COUNTS.len()]>) -> Fetched {
    let rows = days
        .into_iter()
        .map(|(day, counts)| {
            let mut row = Map::new();
            row.insert(s.config.date.clone(), json!(day.to_string()));
            for ((field, _), n) in COUNTS.iter().zip(counts) {
                row.insert((*field).into(), json!(n));
            }
            let bounces = counts[1] + counts[2];
            row.insert("bounces".into(), json!(bounces));
            row.insert("delivered".into(), json!(counts[0] - bounces));
            row
        })
        .collect();
    Fetched {
        rows,
        totals: BTreeMap::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_counts_on_its_local_send_day() {
        let report = json!({"id": "42694e9e57", "send_time": "2026-09-30T16:30:00+00:00",
            "emails_sent": 500, "unsubscribed": 3,
            "bounces": {"hard_bounces": 4, "soft_bounces": 6, "syntax_errors": 0},
            "opens": {"opens_total": 400, "unique_opens": 210, "open_rate": 0.428},
            "clicks": {"clicks_total": 90, "unique_clicks": 70, "unique_subscriber_clicks": 55, "click_rate": 0.112}});
        let (day, counts) = campaign(&report, "42694e9e57", chrono_tz::Asia::Tokyo).unwrap();
        assert_eq!(day.to_string(), "2026-10-01");
        assert_eq!(counts, [500, 4, 6, 3, 210, 400, 55, 90]);
        let mut bad = report.clone();
        bad["opens"]["unique_opens"] = json!("210");
        let e = campaign(&bad, "42694e9e57", chrono_tz::Asia::Tokyo).unwrap_err();
        assert_eq!(
            e,
            r#"campaign "42694e9e57": opens.unique_opens is "210", expected a count"#
        );
        bad = report.clone();
        bad["bounces"]["hard_bounces"] = json!(600);
        assert!(
            campaign(&bad, "x", chrono_tz::Asia::Tokyo)
                .unwrap_err()
                .contains("more bounces")
        );
    }
}
