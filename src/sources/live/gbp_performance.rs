//! Google Business Profile performance, `locations/{id}:fetchMultiDailyMetricsTimeSeries`.
//! <https://developers.google.com/my-business/reference/performance/rest/v1/locations/fetchMultiDailyMetricsTimeSeries>
//! <https://developers.google.com/my-business/reference/performance/rest/v1/TimeSeries>
//!
//! One GET per range asks for seven daily metrics; the answer holds a time series per metric,
//! `datedValues[{date: {year, month, day}, value}]`, `value` an int64 string that is left out
//! when it is zero. Rows give `calls`, `website_clicks`, `directions`, `views_search`,
//! `views_maps` (desktop and mobile summed) and `views` (all four impression series).
//!
//! Zero and missing: the days the answer covers run from the first to the last date any of
//! its series lists. On those days a series without a value (or without an entry) is 0; days
//! of the range outside them (not yet processed by Google, or before the profile existed) get
//! no row, so the report counts them as missing rather than as days without calls.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source, number};
use crate::config::api::location_id;

const BASE: &str = "https://businessprofileperformance.googleapis.com";

/// The API's metrics and the row fields they add to; impressions add to two.
const METRICS: [(&str, &[&str]); 7] = [
    ("CALL_CLICKS", &["calls"]),
    ("WEBSITE_CLICKS", &["website_clicks"]),
    ("BUSINESS_DIRECTION_REQUESTS", &["directions"]),
    (
        "BUSINESS_IMPRESSIONS_DESKTOP_MAPS",
        &["views", "views_maps"],
    ),
    (
        "BUSINESS_IMPRESSIONS_DESKTOP_SEARCH",
        &["views", "views_search"],
    ),
    ("BUSINESS_IMPRESSIONS_MOBILE_MAPS", &["views", "views_maps"]),
    (
        "BUSINESS_IMPRESSIONS_MOBILE_SEARCH",
        &["views", "views_search"],
    ),
];

/// The row fields, each present (0 or more) on every covered day.
const FIELDS: [&str; 6] = [
    "calls",
    "website_clicks",
    "directions",
    "views",
    "views_search",
    "views_maps",
];

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let location = s.api.location.as_deref().unwrap_or_default();
    let id = location_id(location).unwrap_or(location);
    let mut url = s.url(
        BASE,
        &format!("v1/locations/{id}:fetchMultiDailyMetricsTimeSeries"),
    )?;
    {
        let mut q = url.query_pairs_mut();
        for (metric, _) in METRICS {
            q.append_pair("dailyMetrics", metric);
        }
        for (name, d) in [("start_date", start), ("end_date", end)] {
            q.append_pair(&format!("dailyRange.{name}.year"), &d.year().to_string())
                .append_pair(&format!("dailyRange.{name}.month"), &d.month().to_string())
                .append_pair(&format!("dailyRange.{name}.day"), &d.day().to_string());
        }
    }
    let call = Call::new(Method::GET, url);
    let answer = s.send_json(&call).map_err(|mut e| {
        if e.status == Some(403) {
            e.message = format!(
                "{} (the Google account behind the credentials needs access to location {id}, \
                 and the Business Profile Performance API must be enabled in the OAuth client's \
                 Cloud project)",
                e.message
            );
        }
        e
    })?;
    let days = days(s, &call, &answer)?;
    let (Some(first), Some(last)) = (days.keys().next(), days.keys().next_back()) else {
        return Ok(Fetched::default());
    };
    let mut rows = Vec::new();
    let mut day = (*first).max(start);
    while day <= (*last).min(end) {
        let mut row = Map::new();
        row.insert(s.config.date.clone(), json!(day.to_string()));
        let values = days.get(&day);
        for field in FIELDS {
            let v = values.and_then(|v| v.get(field)).copied().unwrap_or(0);
            row.insert(field.to_string(), json!(v));
        }
        rows.push(row);
        day = day.succ_opt().expect("a date before the end of time");
    }
    Ok(Fetched {
        rows,
        totals: Default::default(),
    })
}

/// Every date the answer lists, with the values of the fields it gives on that date.
fn days(
    s: &Source,
    call: &Call,
    answer: &Value,
) -> Result<BTreeMap<NaiveDate, BTreeMap<&'static str, u64>>, FetchError> {
    let mut days: BTreeMap<NaiveDate, BTreeMap<&'static str, u64>> = BTreeMap::new();
    for multi in items(answer, "multiDailyMetricTimeSeries") {
        for series in items(multi, "dailyMetricTimeSeries") {
            let metric = series.get("dailyMetric").and_then(Value::as_str);
            // A metric not asked for (or a breakdown by sub-entity) is not ours to add.
            let Some((name, fields)) = METRICS.iter().find(|(m, _)| Some(*m) == metric) else {
                continue;
            };
            if series.get("dailySubEntityType").is_some() {
                continue;
            }
            let points = series.get("timeSeries").unwrap_or(&Value::Null);
            for point in items(points, "datedValues") {
                let date = date(point.get("date")).ok_or_else(|| {
                    let shown = point.get("date").cloned().unwrap_or(Value::Null);
                    s.unexpected(
                        call,
                        format!("{name}: date {shown} is not a whole day (year, month, day)"),
                    )
                })?;
                let value = match point.get("value") {
                    None | Some(Value::Null) => 0,
                    Some(v) => number(v)
                        .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                        .ok_or_else(|| {
                            s.unexpected(
                                call,
                                format!("{name} on {date} is {v}, expected a whole number"),
                            )
                        })? as u64,
                };
                let day = days.entry(date).or_default();
                for field in *fields {
                    *day.entry(field).or_default() += value;
                }
            }
        }
    }
    Ok(days)
}

fn items<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
}

/// `google.type.Date` with year, month and day all set.
fn date(v: Option<&Value>) -> Option<NaiveDate> {
    let part = |key: &str| v?.get(key)?.as_u64().and_then(|n| u32::try_from(n).ok());
    let year = i32::try_from(part("year")?).ok()?;
    NaiveDate::from_ymd_opt(year, part("month")?, part("day")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_whole_days() {
        assert_eq!(
            date(Some(&json!({"year": 2026, "month": 10, "day": 31}))),
            NaiveDate::from_ymd_opt(2026, 10, 31)
        );
        assert_eq!(date(Some(&json!({"year": 2026, "month": 10}))), None);
        assert_eq!(
            date(Some(&json!({"year": 2026, "month": 2, "day": 30}))),
            None
        );
    }
}
