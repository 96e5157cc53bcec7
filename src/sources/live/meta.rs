//! Meta Graph API insights of a Page or Instagram account, `{object-id}/insights`.
//! <https://developers.facebook.com/docs/graph-api/reference/insights>
//! <https://developers.facebook.com/docs/platforminsights/page>
//! <https://developers.facebook.com/docs/instagram-platform/api-reference/instagram-user/insights>
//!
//! The answer lists each metric with daily `values[{value, end_time}]`. With `period=day` a
//! value's `end_time` is the end of its day in Pacific time (`2026-10-02T07:00:00+0000` is
//! 1 October), so the day is `end_time` in that zone minus one day. `paging.next` moves the
//! window on; it is followed while it still returns days of the range.
//!
//! Instagram gives some metrics (`views`, `accounts_engaged`, `total_interactions`) only with
//! `metric_type=total_value`: one `total_value.value` for the whole `since`..`until`, so each
//! day is asked for on its own.

use chrono::{DateTime, Days, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};
use url::Url;

use super::http::{Call, FetchError};
use super::{Fetched, Source};
use crate::config::api::MetricType;

pub const BASE: &str = "https://graph.facebook.com";
pub const VERSION: &str = "v25.0";
const MAX_PAGES: usize = 200;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    match s.api.metric_type {
        MetricType::TimeSeries => time_series(s, start, end),
        MetricType::TotalValue => daily_totals(s, start, end),
    }
}

/// `{object}/insights` for the days `since` to `until` (exclusive).
fn insights_url(s: &Source, since: NaiveDate, until: NaiveDate) -> Result<Url, FetchError> {
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let object = s.api.object_id.as_deref().unwrap_or_default();
    let mut url = s.url(BASE, &format!("{version}/{object}/insights"))?;
    url.query_pairs_mut()
        .append_pair("metric", &s.fields().join(","))
        .append_pair("period", "day")
        .append_pair("since", &since.to_string())
        .append_pair("until", &until.to_string());
    Ok(url)
}

fn data<'a>(s: &Source, call: &Call, page: &'a Value) -> Result<&'a [Value], FetchError> {
    page.get("data")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| s.unexpected(call, "no `data` array".into()))
}

/// One request per day, each metric's `total_value.value` being the day's.
fn daily_totals(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let mut out = Fetched::default();
    for day in start.iter_days().take_while(|d| *d <= end) {
        let mut url = insights_url(s, day, day + Days::new(1))?;
        url.query_pairs_mut()
            .append_pair("metric_type", "total_value");
        let call = Call::new(Method::GET, url);
        let page = s.send_json(&call)?;
        let mut row = Map::new();
        for metric in data(s, &call, &page)? {
            let name = metric
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            match metric.pointer("/total_value/value") {
                Some(Value::Number(n)) => {
                    row.insert(name.to_string(), json!(n.as_f64().unwrap_or(0.0)));
                }
                // No data for the day: missing, not zero.
                Some(Value::Null) | None => {}
                Some(other) => {
                    return Err(s.unexpected(
                        &call,
                        format!("{name} on {day}: total_value is {other}, expected a number"),
                    ));
                }
            }
        }
        if !row.is_empty() {
            row.insert(s.config.date.clone(), json!(day.to_string()));
            out.rows.push(row);
        }
    }
    Ok(out)
}

fn time_series(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let url = insights_url(s, start, end + Days::new(1))?;
    let zone = s
        .api
        .insights_time_zone
        .map_or(chrono_tz::America::Los_Angeles, |z| z.0);
    let mut days: std::collections::BTreeMap<NaiveDate, Map<String, Value>> = Default::default();
    let mut call = Call::new(Method::GET, url);
    let mut finished = false;
    for _ in 0..MAX_PAGES {
        let page = s.send_json(&call)?;
        let data = data(s, &call, &page)?;
        let mut in_range = false;
        let mut last_day = None;
        for metric in data {
            let name = metric
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if metric
                .get("period")
                .and_then(Value::as_str)
                .is_some_and(|p| p != "day")
            {
                continue;
            }
            if metric.get("values").is_none() && metric.get("total_value").is_some() {
                return Err(s.unexpected(
                    &call,
                    format!("{name} is given as a total over the range: set `metric_type: total_value` (in a source of its own)"),
                ));
            }
            let values = metric
                .get("values")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            for v in values {
                let end_time = v
                    .get("end_time")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let at = DateTime::parse_from_str(end_time, "%Y-%m-%dT%H:%M:%S%z").map_err(|_| {
                    s.unexpected(&call, format!("{name}: end_time {end_time:?} is not a timestamp like 2026-10-02T07:00:00+0000"))
                })?;
                let day = at.with_timezone(&zone).date_naive() - Days::new(1);
                last_day = last_day.max(Some(day));
                if !(start..=end).contains(&day) {
                    continue;
                }
                in_range = true;
                let value = match v.get("value") {
                    Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
                    Some(Value::Null) | None => continue,
                    Some(other) => {
                        return Err(s.unexpected(&call, format!("{name} on {day} is {other}, expected a number (breakdown metrics are not supported)")));
                    }
                };
                let row = days.entry(day).or_default();
                row.insert(s.config.date.clone(), json!(day.to_string()));
                row.insert(name.to_string(), json!(value));
            }
        }
        let next = page.pointer("/paging/next").and_then(Value::as_str);
        match next {
            Some(next) if in_range && last_day.is_some_and(|d| d < end) => {
                call = next_page(s, &call, next)?;
            }
            _ => {
                finished = true;
                break;
            }
        }
    }
    if !finished {
        return Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages")));
    }
    Ok(Fetched {
        rows: days.into_values().collect(),
        totals: Default::default(),
    })
}

/// The request for Meta's `paging.next`: a URL on the host asked (it would carry the access
/// token elsewhere), without the `access_token` it repeats (auth adds ours again).
pub fn next_page(s: &Source, call: &Call, next: &str) -> Result<Call, FetchError> {
    let mut url = call
        .url
        .join(next)
        .map_err(|e| s.unexpected(call, format!("invalid paging.next: {e}")))?;
    if url.origin() != call.url.origin() {
        return Err(s.unexpected(
            call,
            format!(
                "paging.next leads to another host ({}); the access token is only sent to {}",
                url.host_str().unwrap_or_default(),
                call.url.host_str().unwrap_or_default()
            ),
        ));
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "access_token")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.query_pairs_mut().clear().extend_pairs(kept);
    Ok(Call::new(Method::GET, url))
}
