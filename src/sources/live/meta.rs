//! Meta Graph API insights of a Page or Instagram account, `{object-id}/insights`.
//! <https://developers.facebook.com/docs/graph-api/reference/insights>
//! <https://developers.facebook.com/docs/platforminsights/page>
//!
//! The answer lists each metric with daily `values[{value, end_time}]`. With `period=day` a
//! value's `end_time` is the end of its day in Pacific time (`2026-10-02T07:00:00+0000` is
//! 1 October), so the day is `end_time` in that zone minus one day. `paging.next` moves the
//! window on; it is followed while it still returns days of the range.

use chrono::{DateTime, Days, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source};

const BASE: &str = "https://graph.facebook.com";
const VERSION: &str = "v25.0";
const MAX_PAGES: usize = 200;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let object = s.api.object_id.as_deref().unwrap_or_default();
    let mut url = s.url(BASE, &format!("{version}/{object}/insights"))?;
    url.query_pairs_mut()
        .append_pair("metric", &s.fields().join(","))
        .append_pair("period", "day")
        .append_pair("since", &start.to_string())
        .append_pair("until", &(end + Days::new(1)).to_string());
    let zone = s
        .api
        .insights_time_zone
        .map_or(chrono_tz::America::Los_Angeles, |z| z.0);
    let mut days: std::collections::BTreeMap<NaiveDate, Map<String, Value>> = Default::default();
    let mut call = Call::new(Method::GET, url);
    let mut finished = false;
    for _ in 0..MAX_PAGES {
        let page = s.send_json(&authorized(&call))?;
        let data = page
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| s.unexpected(&call, "no `data` array".into()))?;
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
                let url = call
                    .url
                    .join(next)
                    .map_err(|e| s.unexpected(&call, format!("invalid paging.next: {e}")))?;
                call = Call::new(Method::GET, url);
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

/// `paging.next` repeats the `access_token` it was given; auth adds ours again.
fn authorized(call: &Call) -> Call {
    let mut call = call.clone();
    if call.url.query_pairs().any(|(k, _)| k == "access_token") {
        let kept: Vec<(String, String)> = call
            .url
            .query_pairs()
            .filter(|(k, _)| k != "access_token")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        call.url.query_pairs_mut().clear().extend_pairs(kept);
    }
    call
}
