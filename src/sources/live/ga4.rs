//! Google Analytics 4 Data API, `properties/{id}:runReport`.
//! <https://developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/properties/runReport>
//! <https://developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/RunReportResponse>
//!
//! One request per range with `date` as the first dimension; rows come as strings
//! (`"20261001"`, `"412"`) and are paged with `offset`/`limit` against `rowCount`. Metrics that
//! cannot be summed from days (`totalUsers`) are also read from the `TOTAL` aggregation row,
//! which GA4 computes over the whole range.

use chrono::NaiveDate;
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::quota::{Signal, TokenQuota};
use super::{Fetched, Source, number};

const BASE: &str = "https://analyticsdata.googleapis.com";
const PAGE: u32 = 10_000;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let property = s.api.property.as_deref().unwrap_or_default();
    let property = property.trim_start_matches("properties/");
    let url = s.url(BASE, &format!("v1beta/properties/{property}:runReport"))?;
    let date_key = s.config.date.as_str();
    let dimensions = s.dimensions_with_date();
    let fields = s.fields();
    let limit = s.api.page_size.unwrap_or(PAGE).max(1);
    let mut out = Fetched::default();
    let mut offset: u64 = 0;
    loop {
        let body = json!({
            "dateRanges": [{"startDate": start.to_string(), "endDate": end.to_string()}],
            "dimensions": dimensions.iter().map(|d| json!({"name": d})).collect::<Vec<_>>(),
            "metrics": fields.iter().map(|m| json!({"name": m})).collect::<Vec<_>>(),
            "metricAggregations": ["TOTAL"],
            "limit": limit.to_string(),
            "offset": offset.to_string(),
            "returnPropertyQuota": true,
        });
        let call = Call::new(Method::POST, url.clone()).json(body);
        let page = s.send_json(&call)?;
        // Answer columns by header name, whatever order the API chose.
        let headers = |key: &str| -> Vec<String> {
            page.get(key)
                .and_then(Value::as_array)
                .map(|h| {
                    h.iter()
                        .filter_map(|h| h.get("name").and_then(Value::as_str).map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (dim_names, metric_names) = (headers("dimensionHeaders"), headers("metricHeaders"));
        let rows = page
            .get("rows")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for (i, row) in rows.iter().enumerate() {
            let values = |key: &str| -> Vec<&Value> {
                row.get(key)
                    .and_then(Value::as_array)
                    .map(|v| {
                        v.iter()
                            .map(|x| x.get("value").unwrap_or(&Value::Null))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let mut flat = Map::new();
            for (name, value) in dim_names.iter().zip(values("dimensionValues")) {
                let key = if name == "date" {
                    date_key
                } else {
                    name.as_str()
                };
                flat.insert(key.to_string(), value.clone());
            }
            for (name, value) in metric_names.iter().zip(values("metricValues")) {
                let n = number(value).ok_or_else(|| {
                    s.unexpected(
                        &call,
                        format!(
                            "row {}: metric {name} is {value}, expected a number",
                            offset as usize + i + 1
                        ),
                    )
                })?;
                flat.insert(name.clone(), json!(n));
            }
            if !flat.contains_key(date_key) {
                return Err(s.unexpected(
                    &call,
                    format!("row {} has no date", offset as usize + i + 1),
                ));
            }
            out.rows.push(flat);
        }
        if offset == 0
            && let Some(total) = page
                .pointer("/totals/0/metricValues")
                .and_then(Value::as_array)
        {
            for (name, value) in metric_names.iter().zip(total) {
                if s.unique_fields.contains(name)
                    && let Some(n) = value.get("value").and_then(number)
                {
                    out.totals.insert(name.clone(), n);
                }
            }
        }
        let row_count = page.get("rowCount").and_then(number).unwrap_or(0.0) as u64;
        offset += rows.len() as u64;
        if rows.is_empty() || offset >= row_count {
            return Ok(out);
        }
    }
}

/// The property's token quotas as an answer's `propertyQuota` gives them (`consumed` by the
/// request, `remaining` in the hour or day), for the batch's pacing.
/// <https://developers.google.com/analytics/devguides/reporting/data/v1/rest/v1beta/PropertyQuota>
pub fn signals(_headers: &HeaderMap, body: &[u8]) -> Vec<Signal> {
    let Ok(page) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let Some(quota) = page.get("propertyQuota") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (field, which) in [
        ("tokensPerHour", TokenQuota::Hourly),
        ("tokensPerDay", TokenQuota::Daily),
        ("tokensPerProjectPerHour", TokenQuota::ProjectHourly),
    ] {
        let status = quota.get(field);
        let read = |k: &str| status.and_then(|q| q.get(k)).and_then(number);
        if let Some(remaining) = read("remaining") {
            out.push(Signal::Tokens {
                quota: which,
                consumed: read("consumed").unwrap_or(0.0) as i64,
                remaining: remaining as i64,
            });
        }
    }
    out
}
