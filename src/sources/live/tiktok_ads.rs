//! TikTok API for Business, the synchronous integrated report `report/integrated/get/`.
//! <https://business-api.tiktok.com/portal/docs?id=1740302848100353>
//!
//! `report_type=BASIC`, `data_level=AUCTION_CAMPAIGN`, `dimensions=["campaign_id",
//! "stat_time_day"]` and the mapped fields as `metrics` (JSON arrays in the query), with
//! `campaign_name` when the source has the `campaign` dimension. Days are the advertiser's
//! time zone's; a request may span 30 days at most with `stat_time_day`, so longer ranges are
//! asked in windows. Pages (`page`, `page_size`) are followed up to `page_info.total_page`.
//! Every answer is HTTP 200: errors are in `code` (see `errors::tiktok`); numbers are strings.

use chrono::{Days, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source};

const BASE: &str = "https://business-api.tiktok.com";
const VERSION: &str = "v1.3";
/// The longest range one request may span with `stat_time_day`.
const WINDOW_DAYS: u64 = 30;
const PAGE_SIZE: u32 = 1000;
const MAX_PAGES: u64 = 200;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let fields = s.fields();
    if let Some(average) = fields.iter().find(|f| super::is_average(f)) {
        return Err(super::average_refused(average));
    }
    let by_campaign = s.config.dimensions.iter().any(|d| d == "campaign");
    let mut metrics: Vec<&str> = fields.clone();
    if by_campaign {
        metrics.push("campaign_name");
    }
    let metrics = serde_json::to_string(&metrics).expect("strings serialize");
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let advertiser = s.api.account_id.as_deref().unwrap_or_default().trim();
    let page_size = s.api.page_size.unwrap_or(PAGE_SIZE).clamp(1, PAGE_SIZE);
    let mut out = Fetched::default();
    let mut from = start;
    while from <= end {
        let to = (from + Days::new(WINDOW_DAYS - 1)).min(end);
        let mut page: u64 = 1;
        loop {
            let mut url = s.url(BASE, &format!("open_api/{version}/report/integrated/get/"))?;
            url.query_pairs_mut()
                .append_pair("advertiser_id", advertiser)
                .append_pair("report_type", "BASIC")
                .append_pair("data_level", "AUCTION_CAMPAIGN")
                .append_pair("dimensions", r#"["campaign_id","stat_time_day"]"#)
                .append_pair("metrics", &metrics)
                .append_pair("start_date", &from.to_string())
                .append_pair("end_date", &to.to_string())
                .append_pair("page", &page.to_string())
                .append_pair("page_size", &page_size.to_string());
            let call = Call::new(Method::GET, url);
            let answer = s.send_json(&call)?;
            let data = answer
                .get("data")
                .filter(|_| answer.get("code").and_then(Value::as_i64) == Some(0))
                .ok_or_else(|| s.unexpected(&call, "expected `code` 0 and `data`".into()))?;
            let list = data
                .get("list")
                .and_then(Value::as_array)
                .ok_or_else(|| s.unexpected(&call, "no `data.list` array".into()))?;
            for item in list {
                let row = flatten(item, &s.config.date, &fields, by_campaign)
                    .map_err(|m| s.unexpected(&call, m))?;
                let day = row[&s.config.date].as_str().unwrap_or_default();
                if day.parse::<NaiveDate>().is_ok_and(|d| d >= from && d <= to) {
                    out.rows.push(row);
                }
            }
            let total = data
                .pointer("/page_info/total_page")
                .and_then(Value::as_u64)
                .ok_or_else(|| s.unexpected(&call, "no `data.page_info.total_page`".into()))?;
            if total > MAX_PAGES {
                return Err(s.unexpected(
                    &call,
                    format!("{total} pages announced, more than the {MAX_PAGES} read at most"),
                ));
            }
            // An empty page ends the report whatever total_page says.
            if page >= total || list.is_empty() {
                break;
            }
            page += 1;
        }
        from = to + Days::new(1);
    }
    out.rows = super::meta_ads::merge_same_keys(out.rows, &fields);
    Ok(out)
}

/// One list item, `{"dimensions": {campaign_id, stat_time_day}, "metrics": {…}}`, as
/// `{date, [campaign], field…}`.
fn flatten(
    item: &Value,
    date_key: &str,
    fields: &[&str],
    by_campaign: bool,
) -> Result<Map<String, Value>, String> {
    let stamp = item
        .pointer("/dimensions/stat_time_day")
        .and_then(Value::as_str)
        .ok_or("an item has no dimensions.stat_time_day")?;
    // "2026-10-01 00:00:00"
    let day = stamp
        .get(..10)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .filter(|_| matches!(&stamp[10..], "" | " 00:00:00"))
        .ok_or_else(|| {
            format!("stat_time_day is {stamp:?}, expected a day such as \"2026-10-01 00:00:00\"")
        })?;
    let metrics = item
        .get("metrics")
        .and_then(Value::as_object)
        .ok_or_else(|| format!("an item of {day} has no metrics"))?;
    let mut flat = Map::new();
    flat.insert(date_key.to_string(), json!(day.to_string()));
    if by_campaign {
        let name = metrics
            .get("campaign_name")
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| format!("an item of {day} has no campaign_name"))?;
        flat.insert("campaign".into(), json!(name));
    }
    for field in fields {
        let value = super::metric_value(metrics.get(*field), field, day)?;
        flat.insert(field.to_string(), json!(value));
    }
    Ok(flat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_campaign_days_and_bad_ones_are_named() {
        let item = json!({
            "dimensions": {"campaign_id": "1800", "stat_time_day": "2026-10-02 00:00:00"},
            "metrics": {"spend": "10.05", "impressions": "1200", "clicks": "30", "conversion": "2", "campaign_name": "Launch"}
        });
        let fields = ["spend", "impressions", "conversion"];
        let flat = flatten(&item, "date", &fields, true).unwrap();
        assert_eq!(flat["date"], "2026-10-02");
        assert_eq!(flat["campaign"], "Launch");
        assert_eq!(flat["spend"], 10.05);
        let mut hour = item.clone();
        hour["dimensions"]["stat_time_day"] = json!("2026-10-02 13:00:00");
        assert!(
            flatten(&hour, "date", &fields, false)
                .unwrap_err()
                .contains("expected a day")
        );
        let mut bad = item;
        bad["metrics"]["spend"] = json!("1e308");
        assert!(
            flatten(&bad, "date", &fields, false)
                .unwrap_err()
                .contains("expected a number")
        );
    }
}
