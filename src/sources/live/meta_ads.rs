//! Meta Marketing API insights of an ad account, `act_{id}/insights`.
//! <https://developers.facebook.com/docs/marketing-api/insights>
//! <https://developers.facebook.com/docs/marketing-api/reference/ad-account/insights>
//!
//! One request per range with `time_increment=1`: a row per day (`date_start` = `date_stop`,
//! a day of the ad account's own time zone) for the account or each campaign, numbers as
//! strings. Conversions and their value are the configured types' entries of `actions` and
//! `action_values` (`[{"action_type": "purchase", "value": "3"}]`), summed. `paging.next`
//! (an absolute URL) is followed until the answer has none.

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::meta::{BASE, VERSION, next_page};
use super::{Fetched, Source, number};
use crate::config::api::InsightsLevel;

const MAX_PAGES: usize = 500;
/// Counted when `conversion_action_types` is not set.
pub const DEFAULT_ACTION_TYPES: [&str; 1] = ["purchase"];
/// Row fields summed from `actions` and `action_values` rather than asked for by name.
const CONVERSIONS: &str = "conversions";
const CONVERSION_VALUE: &str = "conversion_value";

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let account = s.api.object_id.as_deref().unwrap_or_default();
    let account = account.trim().trim_start_matches("act_");
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let by_campaign = s.api.level == InsightsLevel::Campaign;
    let fields = s.fields();
    if let Some(average) = fields.iter().find(|f| is_average(f)) {
        return Err(FetchError {
            request: "columns".into(),
            status: None,
            hold: None,
            message: format!(
                "{average} is an average of the day; map its parts (spend, impressions, clicks, conversions) and the report computes it for the period"
            ),
        });
    }
    let mut asked: Vec<&str> = fields
        .iter()
        .map(|f| match *f {
            CONVERSIONS => "actions",
            CONVERSION_VALUE => "action_values",
            other => other,
        })
        .collect();
    if by_campaign {
        asked.push("campaign_name");
    }
    asked.sort_unstable();
    asked.dedup();
    let level = if by_campaign { "campaign" } else { "account" };
    let mut url = s.url(BASE, &format!("{version}/act_{account}/insights"))?;
    url.query_pairs_mut()
        .append_pair("level", level)
        .append_pair("fields", &asked.join(","))
        .append_pair("time_increment", "1")
        .append_pair(
            "time_range",
            &json!({"since": start.to_string(), "until": end.to_string()}).to_string(),
        );
    let types: Vec<&str> = match &s.api.conversion_action_types {
        Some(types) => types.iter().map(String::as_str).collect(),
        None => DEFAULT_ACTION_TYPES.to_vec(),
    };
    let wanted = Wanted {
        date: &s.config.date,
        fields: &fields,
        action_types: &types,
        by_campaign,
    };
    let mut out = Fetched::default();
    let mut call = Call::new(Method::GET, url);
    for _ in 0..MAX_PAGES {
        let page = s.send_json(&call)?;
        let rows = page
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| s.unexpected(&call, "no `data` array".into()))?;
        for row in rows {
            out.rows
                .push(wanted.flatten(row).map_err(|m| s.unexpected(&call, m))?);
        }
        match page.pointer("/paging/next").and_then(Value::as_str) {
            Some(next) => call = next_page(s, &call, next)?,
            None => {
                out.rows = merge_same_keys(out.rows, &fields);
                return Ok(out);
            }
        }
    }
    Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages")))
}

/// Campaigns of one name on one day as one row: the row mapper refuses two rows for the same
/// day and dimension values, as they would usually be one row counted twice.
pub(super) fn merge_same_keys(
    rows: Vec<Map<String, Value>>,
    fields: &[&str],
) -> Vec<Map<String, Value>> {
    let mut merged: Vec<Map<String, Value>> = Vec::with_capacity(rows.len());
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for row in rows {
        let key: String = row
            .iter()
            .filter(|(k, _)| !fields.contains(&k.as_str()))
            .map(|(k, v)| format!("{k}={v};"))
            .collect();
        match at.get(&key) {
            Some(&i) => {
                for f in fields {
                    let sum =
                        merged[i][*f].as_f64().unwrap_or(0.0) + row[*f].as_f64().unwrap_or(0.0);
                    merged[i][*f] = json!(sum);
                }
            }
            None => {
                at.insert(key, merged.len());
                merged.push(row);
            }
        }
    }
    merged
}

/// Ratios and averages of a day, which cannot be added up over a period.
fn is_average(field: &str) -> bool {
    matches!(
        field,
        "ctr" | "cpc" | "cpm" | "cpp" | "frequency" | "purchase_roas"
    ) || field.starts_with("cost_per_")
}

/// What a flat row holds.
struct Wanted<'a> {
    /// The row key of the day (the source's `date`).
    date: &'a str,
    fields: &'a [&'a str],
    action_types: &'a [&'a str],
    by_campaign: bool,
}

impl Wanted<'_> {
    /// One insights row as `{date, [campaign], field…}`, or what is wrong with it.
    fn flatten(&self, row: &Value) -> Result<Map<String, Value>, String> {
        let text = |key: &str| row.get(key).and_then(Value::as_str);
        let day = text("date_start").ok_or("a row has no date_start")?;
        if text("date_stop") != Some(day) {
            return Err(format!(
                "a row spans {day} to {}: expected one day a row (time_increment=1)",
                text("date_stop").unwrap_or("?")
            ));
        }
        let mut flat = Map::new();
        flat.insert(self.date.to_string(), json!(day));
        if self.by_campaign {
            let name = text("campaign_name")
                .ok_or_else(|| format!("a row of {day} has no campaign_name"))?;
            flat.insert("campaign".into(), json!(name));
        }
        for field in self.fields {
            let value = match *field {
                CONVERSIONS => self.actions(row, "actions")?,
                CONVERSION_VALUE => self.actions(row, "action_values")?,
                // Meta leaves out what it has no number for.
                other => match row.get(other) {
                    None | Some(Value::Null) => 0.0,
                    Some(v) => number(v)
                        .ok_or_else(|| format!("{other} on {day} is {v}, expected a number"))?,
                },
            };
            flat.insert(field.to_string(), json!(value));
        }
        Ok(flat)
    }

    /// The sum of the `action_types` entries of `actions` or `action_values`.
    fn actions(&self, row: &Value, key: &str) -> Result<f64, String> {
        let entries = row
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let mut sum = 0.0;
        for entry in entries {
            let kind = entry.get("action_type").and_then(Value::as_str);
            if !kind.is_some_and(|k| self.action_types.contains(&k)) {
                continue;
            }
            let value = entry.get("value").unwrap_or(&Value::Null);
            sum += number(value).ok_or_else(|| {
                format!(
                    "{key}: {} is {value}, expected a number",
                    kind.unwrap_or_default()
                )
            })?;
        }
        Ok(sum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanted<'a>(fields: &'a [&'a str], types: &'a [&'a str], by_campaign: bool) -> Wanted<'a> {
        Wanted {
            date: "date",
            fields,
            action_types: types,
            by_campaign,
        }
    }

    #[test]
    fn conversions_are_the_configured_action_types_only() {
        let row = json!({
            "date_start": "2026-10-03", "date_stop": "2026-10-03",
            "campaign_name": "Autumn sale",
            "spend": "12.34", "impressions": "1000", "clicks": "37",
            "actions": [
                {"action_type": "link_click", "value": "37"},
                {"action_type": "purchase", "value": "3"},
                {"action_type": "lead", "value": "2"},
                {"action_type": "omni_purchase", "value": "3"}
            ],
            "action_values": [
                {"action_type": "purchase", "value": "150.5"},
                {"action_type": "lead", "value": "20"}
            ]
        });
        let fields = [
            "spend",
            "impressions",
            "clicks",
            CONVERSIONS,
            CONVERSION_VALUE,
        ];
        let flat = wanted(&fields, &["purchase", "lead"], true)
            .flatten(&row)
            .unwrap();
        assert_eq!(flat["date"], "2026-10-03");
        assert_eq!(flat["campaign"], "Autumn sale");
        assert_eq!(flat["spend"], 12.34);
        assert_eq!(flat["impressions"], 1000.0);
        assert_eq!(flat[CONVERSIONS], 5.0);
        assert_eq!(flat[CONVERSION_VALUE], 170.5);
        let purchases = wanted(&fields, &DEFAULT_ACTION_TYPES, false)
            .flatten(&row)
            .unwrap();
        assert_eq!(purchases[CONVERSIONS], 3.0);
        assert!(!purchases.contains_key("campaign"));
    }

    #[test]
    fn campaigns_of_one_name_on_one_day_are_one_row() {
        let row = |day: &str, campaign: &str, spend: f64| {
            json!({"date": day, "campaign": campaign, "spend": spend})
                .as_object()
                .unwrap()
                .clone()
        };
        let rows = vec![
            row("2026-10-01", "Sale", 1.5),
            row("2026-10-01", "Brand", 2.0),
            row("2026-10-01", "Sale", 2.25),
            row("2026-10-02", "Sale", 4.0),
        ];
        let merged = merge_same_keys(rows, &["spend"]);
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0]["spend"], 3.75);
        assert_eq!(merged[2]["spend"], 4.0);
    }

    #[test]
    fn days_without_actions_have_none_and_bad_rows_are_named() {
        let row = json!({"date_start": "2026-10-04", "date_stop": "2026-10-04", "spend": "0"});
        let flat = wanted(&["spend", CONVERSIONS], &["purchase"], false)
            .flatten(&row)
            .unwrap();
        assert_eq!(flat[CONVERSIONS], 0.0);
        let week = json!({"date_start": "2026-10-01", "date_stop": "2026-10-07"});
        let e = wanted(&["spend"], &["purchase"], false)
            .flatten(&week)
            .unwrap_err();
        assert!(e.contains("expected one day a row"), "{e}");
        let text = json!({"date_start": "2026-10-04", "date_stop": "2026-10-04", "spend": "n/a"});
        let e = wanted(&["spend"], &["purchase"], false)
            .flatten(&text)
            .unwrap_err();
        assert_eq!(e, r#"spend on 2026-10-04 is "n/a", expected a number"#);
        assert!(is_average("cost_per_action_type") && is_average("ctr") && !is_average("spend"));
    }
}
