//! Google Search Console, `sites/{siteUrl}/searchAnalytics/query`.
//! <https://developers.google.com/webmaster-tools/v1/searchanalytics/query>
//! <https://developers.google.com/webmaster-tools/v1/how-tos/all-your-data>
//!
//! Rows carry `keys` in the order of the requested dimensions (`date` first) and numeric
//! `clicks`, `impressions`, `ctr` and `position` (the impression-weighted average rank, which
//! the catalog re-weights by impressions). Paged with `startRow` until a short page. Search
//! Console days are Pacific-time days.

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source, number};

const BASE: &str = "https://www.googleapis.com";
const PAGE: u32 = 25_000;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let site = s.api.site_url.as_deref().unwrap_or_default();
    let site: String = url::form_urlencoded::byte_serialize(site.as_bytes()).collect();
    let url = s.url(
        BASE,
        &format!("webmasters/v3/sites/{site}/searchAnalytics/query"),
    )?;
    let dimensions = s.dimensions_with_date();
    let limit = s.api.page_size.unwrap_or(PAGE).clamp(1, PAGE);
    let fields = s.fields();
    let mut out = Fetched::default();
    let mut start_row: u64 = 0;
    loop {
        let call = Call::new(Method::POST, url.clone()).json(json!({
            "startDate": start.to_string(),
            "endDate": end.to_string(),
            "dimensions": dimensions,
            "rowLimit": limit,
            "startRow": start_row,
            "dataState": "final",
        }));
        let page = s.send_json(&call)?;
        let rows = page
            .get("rows")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for (i, row) in rows.iter().enumerate() {
            let keys = row
                .get("keys")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            if keys.len() != dimensions.len() {
                return Err(s.unexpected(
                    &call,
                    format!(
                        "row {} has {} keys for {} dimensions",
                        start_row as usize + i + 1,
                        keys.len(),
                        dimensions.len()
                    ),
                ));
            }
            let mut flat = Map::new();
            for (d, key) in dimensions.iter().zip(keys) {
                let name = if *d == "date" {
                    s.config.date.as_str()
                } else {
                    d
                };
                flat.insert(name.to_string(), key.clone());
            }
            for f in &fields {
                if let Some(v) = row.get(*f) {
                    let n = number(v).ok_or_else(|| {
                        s.unexpected(&call, format!("{f} is {v}, expected a number"))
                    })?;
                    flat.insert(f.to_string(), json!(n));
                }
            }
            out.rows.push(flat);
        }
        start_row += rows.len() as u64;
        if rows.is_empty() || (rows.len() as u64) < u64::from(limit) {
            return Ok(out);
        }
    }
}
