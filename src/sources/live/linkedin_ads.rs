//! LinkedIn Marketing API, `adAnalytics` with the analytics finder (versioned API, Rest.li 2.0).
//! <https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/ads-reporting>
//!
//! One request per range: `q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY`, the range as
//! `dateRange=(start:(year:2026,month:10,day:1),end:(…))` and the account as
//! `accounts=List(urn%3Ali%3AsponsoredAccount%3A123)` (Rest.li 2.0: the structure is not
//! encoded, the URNs are). Each element is one campaign's day (`pivotValues`, `dateRange`),
//! money as decimal strings in the account's currency (`costInLocalCurrency`). LinkedIn's days
//! are UTC days. The finder has no paging but stops at 15,000 elements, which is refused
//! rather than read as a total. Campaign names come from `adAccounts/{id}/adCampaigns`
//! (`q=search`, cursor paging with `pageToken` / `metadata.nextPageToken`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source};
use crate::config::api::ApiConfig;

const BASE: &str = "https://api.linkedin.com";
/// `LinkedIn-Version` (YYYYMM); each version is served for a year.
const VERSION: &str = "202510";
/// The finder answers at most this many elements, silently cut beyond.
const MAX_ELEMENTS: usize = 15_000;
/// Fields per request LinkedIn accepts, `dateRange` and `pivotValues` included.
const MAX_FIELDS: usize = 20;
const MAX_PAGES: usize = 200;
const CAMPAIGN_URN: &str = "urn:li:sponsoredCampaign:";

/// The ad account's id, digits only.
pub fn account(api: &ApiConfig) -> String {
    api.account_id
        .as_deref()
        .unwrap_or_default()
        .trim()
        .trim_start_matches("urn:li:sponsoredAccount:")
        .to_string()
}

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let fields = s.fields();
    if let Some(average) = fields.iter().find(|f| super::is_average(f)) {
        return Err(super::average_refused(average));
    }
    if fields.len() + 2 > MAX_FIELDS {
        return Err(FetchError {
            request: "columns".into(),
            status: None,
            hold: None,
            message: format!(
                "LinkedIn answers at most {} metrics a request; {} are mapped",
                MAX_FIELDS - 2,
                fields.len()
            ),
        });
    }
    let account = account(s.api);
    let by_campaign = s.config.dimensions.iter().any(|d| d == "campaign");
    let date = |d: NaiveDate| format!("(year:{},month:{},day:{})", d.year(), d.month(), d.day());
    let mut url = s.url(BASE, "rest/adAnalytics")?;
    let asked: Vec<&str> = ["dateRange", "pivotValues"]
        .into_iter()
        .chain(fields.iter().copied())
        .collect();
    url.set_query(Some(&format!(
        "q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&dateRange=(start:{},end:{})&accounts=List(urn%3Ali%3AsponsoredAccount%3A{account})&fields={}",
        date(start),
        date(end),
        asked.join(",")
    )));
    let call = versioned(s, Call::new(Method::GET, url));
    let page = s.send_json(&call)?;
    let elements = elements(s, &call, &page)?;
    if elements.len() >= MAX_ELEMENTS {
        return Err(s.unexpected(
            &call,
            format!("{} elements: LinkedIn cuts answers at {MAX_ELEMENTS}, so this one may be incomplete; report shorter periods", elements.len()),
        ));
    }
    let names = if by_campaign {
        campaign_names(s, &account)?
    } else {
        HashMap::new()
    };
    let mut out = Fetched::default();
    for element in elements {
        let row = flatten(
            element,
            &s.config.date,
            &fields,
            by_campaign.then_some(&names),
        )
        .map_err(|m| s.unexpected(&call, m))?;
        if let Some(row) = row.filter(|r| within(r, &s.config.date, start, end)) {
            out.rows.push(row);
        }
    }
    out.rows = super::meta_ads::merge_same_keys(out.rows, &fields);
    Ok(out)
}

/// The `elements` of a Rest.li collection answer.
fn elements<'a>(s: &Source, call: &Call, page: &'a Value) -> Result<&'a Vec<Value>, FetchError> {
    page.get("elements")
        .and_then(Value::as_array)
        .ok_or_else(|| s.unexpected(call, "no `elements` array".into()))
}

/// The versioned API's headers.
fn versioned(s: &Source, call: Call) -> Call {
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    call.header("LinkedIn-Version", version)
        .header("X-Restli-Protocol-Version", "2.0.0")
}

/// Whether a row's day is one asked for (a server answering other days is not believed).
fn within(row: &Map<String, Value>, date: &str, start: NaiveDate, end: NaiveDate) -> bool {
    row.get(date)
        .and_then(Value::as_str)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .is_some_and(|d| d >= start && d <= end)
}

/// One element as `{date, [campaign], field…}`.
fn flatten(
    element: &Value,
    date_key: &str,
    fields: &[&str],
    names: Option<&HashMap<String, String>>,
) -> Result<Option<Map<String, Value>>, String> {
    let start = element
        .pointer("/dateRange/start")
        .ok_or("an element has no dateRange.start")?;
    let part = |k: &str| {
        start
            .get(k)
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
    };
    let day = match (part("year"), part("month"), part("day")) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    }
    .ok_or_else(|| format!("dateRange.start is {start}, expected a day"))?;
    if let Some(end) = element.pointer("/dateRange/end")
        && end != start
    {
        return Err(format!(
            "an element spans {day} to {end}: expected one day an element (timeGranularity=DAILY)"
        ));
    }
    let mut flat = Map::new();
    flat.insert(date_key.to_string(), json!(day.to_string()));
    if let Some(names) = names {
        let urn = element
            .pointer("/pivotValues/0")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("an element of {day} has no campaign in pivotValues"))?;
        let id = urn.strip_prefix(CAMPAIGN_URN).unwrap_or(urn);
        let name = names.get(id).ok_or_else(|| {
            format!("campaign {urn} of {day} is not among the ad account's campaigns")
        })?;
        flat.insert("campaign".into(), json!(name));
    }
    for field in fields {
        let value = super::metric_value(element.get(*field), field, day)?;
        flat.insert(field.to_string(), json!(value));
    }
    Ok(Some(flat))
}

/// Every campaign of the account, id → name, following the cursor to its end.
fn campaign_names(s: &Source, account: &str) -> Result<HashMap<String, String>, FetchError> {
    let mut names = HashMap::new();
    let mut token: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut url = s.url(BASE, &format!("rest/adAccounts/{account}/adCampaigns"))?;
        let mut query = "q=search&pageSize=1000".to_string();
        if let Some(t) = &token {
            query.push_str("&pageToken=");
            query.extend(url::form_urlencoded::byte_serialize(t.as_bytes()));
        }
        url.set_query(Some(&query));
        let call = versioned(s, Call::new(Method::GET, url));
        let page = s.send_json(&call)?;
        for campaign in elements(s, &call, &page)? {
            let id = match campaign.get("id") {
                Some(Value::Number(n)) => n.to_string(),
                Some(Value::String(s)) => s.clone(),
                _ => return Err(s.unexpected(&call, "a campaign has no id".into())),
            };
            let name = campaign
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| s.unexpected(&call, format!("campaign {id} has no name")))?;
            names.insert(id, name.to_string());
        }
        let next = page
            .pointer("/metadata/nextPageToken")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty());
        match next {
            None => return Ok(names),
            Some(next) if token.as_deref() == Some(next) => {
                return Err(s.unexpected(&call, "nextPageToken repeats the page's own".into()));
            }
            Some(next) => token = Some(next.to_string()),
        }
    }
    Err(FetchError {
        request: format!("GET {BASE}/rest/adAccounts/{account}/adCampaigns"),
        status: None,
        hold: None,
        message: format!("more than {MAX_PAGES} pages of campaigns"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_days_of_campaigns_with_exact_amounts() {
        let names = HashMap::from([("111".to_string(), "Brand".to_string())]);
        let element = json!({
            "dateRange": {"start": {"year": 2026, "month": 10, "day": 3}, "end": {"year": 2026, "month": 10, "day": 3}},
            "pivotValues": ["urn:li:sponsoredCampaign:111"],
            "costInLocalCurrency": "12.3456789", "impressions": 1000, "clicks": 37
        });
        let fields = [
            "costInLocalCurrency",
            "impressions",
            "clicks",
            "externalWebsiteConversions",
        ];
        let flat = flatten(&element, "date", &fields, Some(&names))
            .unwrap()
            .unwrap();
        assert_eq!(flat["date"], "2026-10-03");
        assert_eq!(flat["campaign"], "Brand");
        assert_eq!(flat["costInLocalCurrency"], 12.3456789);
        assert_eq!(flat["externalWebsiteConversions"], 0.0);
        let mut week = element.clone();
        week["dateRange"]["end"]["day"] = json!(9);
        assert!(
            flatten(&week, "date", &fields, None)
                .unwrap_err()
                .contains("expected one day")
        );
        let mut hostile = element.clone();
        hostile["costInLocalCurrency"] = json!("NaN");
        assert!(
            flatten(&hostile, "date", &fields, None)
                .unwrap_err()
                .contains("expected a number")
        );
        let mut unknown = element;
        unknown["pivotValues"] = json!(["urn:li:sponsoredCampaign:999"]);
        assert!(
            flatten(&unknown, "date", &fields, Some(&names))
                .unwrap_err()
                .contains("not among")
        );
    }
}
