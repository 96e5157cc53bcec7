//! Google Ads API, `customers/{id}/googleAds:searchStream` with a GAQL query.
//! <https://developers.google.com/google-ads/api/rest/common/search>
//! <https://developers.google.com/google-ads/api/rest/design/json-mappings>
//!
//! The query is built from the source's fields (`metrics.clicks`, `campaign.name`, …) with
//! `segments.date` for the days; the answer is a JSON array of batches whose rows use
//! lowerCamelCase names and int64s as strings. Fields ending in `_micros` are divided by a
//! million (`metrics.cost_micros` → money). Zero metrics may be left out of a row (proto3).

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source, number};

const BASE: &str = "https://googleads.googleapis.com";
const VERSION: &str = "v26";

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let customer: String = s
        .api
        .customer_id
        .as_deref()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let url = s.url(
        BASE,
        &format!("{version}/customers/{customer}/googleAds:searchStream"),
    )?;
    let resource = s.api.resource.as_deref().unwrap_or("campaign");
    let dims: Vec<&str> = s.config.dimensions.iter().map(String::as_str).collect();
    let fields = s.fields();
    if let Some(average) = fields
        .iter()
        .find(|f| f.starts_with("metrics.average_") || f.starts_with("metrics.cost_per_"))
    {
        return Err(FetchError {
            request: "columns".into(),
            status: None,
            hold: None,
            message: format!(
                "{average} is an average of the day; map its parts (cost_micros, clicks, conversions) and the report computes it for the period"
            ),
        });
    }
    let mut select = vec!["segments.date"];
    select.extend(
        dims.iter()
            .chain(&fields)
            .filter(|f| **f != "segments.date"),
    );
    let query = format!(
        "SELECT {} FROM {resource} WHERE segments.date BETWEEN '{start}' AND '{end}'",
        select.join(", ")
    );
    let mut call = Call::new(Method::POST, url).json(json!({ "query": query }));
    let token = s.developer_token()?;
    if let Some(token) = token {
        call = call.header("developer-token", token.expose());
    }
    if let Some(login) = &s.api.login_customer_id {
        call = call.header("login-customer-id", login.replace('-', ""));
    }
    let batches = s.send_json(&call)?;
    let batches = batches
        .as_array()
        .ok_or_else(|| s.unexpected(&call, "expected a JSON array of result batches".into()))?;
    let mut out = Fetched::default();
    for batch in batches {
        // A stream that fails part-way answers 200 with an error element.
        if batch.get("error").is_some() {
            let message = super::http::api_message(&serde_json::to_vec(batch).unwrap_or_default());
            return Err(s.unexpected(&call, format!("the stream failed: {message}")));
        }
        let results = batch
            .get("results")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for result in results {
            let mut flat = Map::new();
            let date = field(result, "segments.date")
                .and_then(Value::as_str)
                .ok_or_else(|| s.unexpected(&call, "a result has no segments.date".into()))?;
            flat.insert(s.config.date.clone(), json!(date));
            for d in &dims {
                let value = match field(result, d) {
                    Some(Value::String(v)) => json!(v),
                    Some(v @ Value::Number(_)) => json!(v.to_string()),
                    _ => Value::Null,
                };
                flat.insert(d.to_string(), value);
            }
            for f in &fields {
                let value = match field(result, f) {
                    // Proto3 JSON leaves out zero values.
                    None | Some(Value::Null) => 0.0,
                    Some(v) => number(v).ok_or_else(|| {
                        s.unexpected(&call, format!("{f} is {v}, expected a number"))
                    })?,
                };
                let value = if f.ends_with("_micros") {
                    value / 1_000_000.0
                } else {
                    value
                };
                flat.insert(f.to_string(), json!(value));
            }
            out.rows.push(flat);
        }
    }
    Ok(out)
}

/// A GAQL field (`metrics.cost_micros`) in a result row (`metrics.costMicros`).
fn field<'a>(row: &'a Value, gaql: &str) -> Option<&'a Value> {
    gaql.split('.').try_fold(row, |v, part| v.get(camel(part)))
}

fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaql_fields_are_found_in_camel_case() {
        let row = json!({"metrics": {"costMicros": "12345670", "clicks": "87"}, "campaign": {"name": "Brand"}});
        assert_eq!(field(&row, "metrics.cost_micros"), Some(&json!("12345670")));
        assert_eq!(field(&row, "campaign.name"), Some(&json!("Brand")));
        assert_eq!(field(&row, "metrics.conversions"), None);
    }
}
