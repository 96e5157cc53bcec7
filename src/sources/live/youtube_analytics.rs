//! YouTube Analytics API, `GET /v2/reports`: a channel's daily user activity.
//! <https://developers.google.com/youtube/analytics/reference/reports/query>
//! <https://developers.google.com/youtube/analytics/channel_reports>
//! <https://developers.google.com/youtube/analytics/metrics>
//!
//! One request a page with `ids=channel==MINE` (or `channel==UC…`), `dimensions=day`,
//! `sort=day`, `startDate`/`endDate` and the seven metrics of the channel's basic report; the
//! answer is a table, `columnHeaders[{name, columnType, dataType}]` and `rows` of values in
//! that order (the day as `YYYY-MM-DD`). Pages are `maxResults` rows from the 1-based
//! `startIndex`, until a page is short. Days are the channel's (Pacific time), as YouTube
//! Studio shows them. Days YouTube has not processed yet have no row: missing, not zero.
//! Rows give the metrics by their API names plus `engagements` (likes + comments + shares)
//! and `net_subscribers` (gained − lost).

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source, number};
use crate::config::schema::YOUTUBE_FIELDS;

const BASE: &str = "https://youtubeanalytics.googleapis.com";
/// The channel report's metrics, asked for in this order (the rest are sums of them).
const METRICS: [&str; 7] = [
    YOUTUBE_FIELDS[0],
    YOUTUBE_FIELDS[1],
    YOUTUBE_FIELDS[2],
    YOUTUBE_FIELDS[3],
    YOUTUBE_FIELDS[4],
    YOUTUBE_FIELDS[5],
    YOUTUBE_FIELDS[6],
];
/// Rows a page unless `page_size` says otherwise (a year of days).
const PAGE: u32 = 400;
/// Pages read at most, against a server that never gives a short page.
const MAX_PAGES: usize = 200;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let channel = s.api.channel.as_deref().unwrap_or("MINE");
    let first = s.url(BASE, "v2/reports")?;
    let size = s.api.page_size.unwrap_or(PAGE).max(1);
    let mut out = Fetched::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut index: u64 = 1;
    for _ in 0..MAX_PAGES {
        let mut url = first.clone();
        url.query_pairs_mut()
            .append_pair("ids", &format!("channel=={channel}"))
            .append_pair("startDate", &start.to_string())
            .append_pair("endDate", &end.to_string())
            .append_pair("metrics", &METRICS.join(","))
            .append_pair("dimensions", "day")
            .append_pair("sort", "day")
            .append_pair("maxResults", &size.to_string())
            .append_pair("startIndex", &index.to_string());
        let call = Call::new(Method::GET, url);
        let page = s.send_json(&call)?;
        let headers: Vec<&str> = page
            .get("columnHeaders")
            .and_then(Value::as_array)
            .ok_or_else(|| s.unexpected(&call, "no `columnHeaders` array".into()))?
            .iter()
            .map(|h| h.get("name").and_then(Value::as_str).unwrap_or_default())
            .collect();
        if headers.first() != Some(&"day") {
            return Err(s.unexpected(
                &call,
                format!("the first column is {:?}, expected day", headers.first()),
            ));
        }
        // YouTube leaves `rows` out when there is no data.
        let rows = page
            .get("rows")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for row in rows {
            let (day, flat) = day_row(s, &headers, row).map_err(|m| s.unexpected(&call, m))?;
            if !(start..=end).contains(&day) {
                return Err(
                    s.unexpected(&call, format!("a row for {day}, outside {start} to {end}"))
                );
            }
            if !seen.insert(day) {
                return Err(s.unexpected(&call, format!("{day} is given twice")));
            }
            out.rows.push(flat);
        }
        if (rows.len() as u64) < u64::from(size) {
            return Ok(out);
        }
        index += rows.len() as u64;
    }
    let call = Call::new(Method::GET, first);
    Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages")))
}

/// One table row as `{date, metric…, engagements, net_subscribers}`.
fn day_row(
    s: &Source,
    headers: &[&str],
    row: &Value,
) -> Result<(NaiveDate, Map<String, Value>), String> {
    let cells = row.as_array().ok_or("a row is not an array")?;
    if cells.len() != headers.len() {
        return Err(format!(
            "a row has {} values for {} columns",
            cells.len(),
            headers.len()
        ));
    }
    let day = cells[0]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(|| format!("day {} is not a date such as 2026-10-01", cells[0]))?;
    let mut flat = Map::new();
    flat.insert(s.config.date.clone(), json!(day.to_string()));
    let mut value = |name: &str| -> Result<f64, String> {
        let at = headers
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("no {name} column"))?;
        let v = number(&cells[at])
            .filter(|n| n.is_finite() && *n >= 0.0)
            .ok_or_else(|| format!("{name} on {day} is {}, expected a count", cells[at]))?;
        flat.insert(name.to_string(), json!(v));
        Ok(v)
    };
    let mut read = [0.0; METRICS.len()];
    for (slot, name) in read.iter_mut().zip(METRICS) {
        *slot = value(name)?;
    }
    let [_, _, gained, lost, likes, comments, shares] = read;
    flat.insert("engagements".into(), json!(likes + comments + shares));
    flat.insert("net_subscribers".into(), json!(gained - lost));
    Ok((day, flat))
}
