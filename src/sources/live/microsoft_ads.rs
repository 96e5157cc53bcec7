//! Microsoft Advertising Reporting service (REST, v13): submit a report, poll it, download it.
//! <https://learn.microsoft.com/en-us/advertising/reporting-service/submitgeneratereport>
//! <https://learn.microsoft.com/en-us/advertising/reporting-service/pollgeneratereport>
//! <https://learn.microsoft.com/en-us/advertising/guides/request-download-report>
//!
//! `GenerateReport/Submit` takes a `CampaignPerformanceReportRequest` (daily aggregation,
//! the account as its scope, the range as a custom date range in the client's time zone where
//! Microsoft has one for it) and answers a `ReportRequestId`; `GenerateReport/Poll` answers
//! `ReportRequestStatus {Status, ReportDownloadUrl}` until `Success` (no URL: no data). The
//! file is a ZIP holding one CSV: a few header lines (`Report Name: …`, `Rows: 62`), the
//! column names, a row per campaign and day, and a copyright footer.
//! Every call carries `DeveloperToken`, `CustomerId` and `CustomerAccountId` headers and the
//! OAuth access token; the download URL is signed and gets none of them.

use std::time::Duration;

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Map, Value, json};
use url::Url;

use super::http::{Call, FetchError};
use super::{Fetched, Source, amount};

const BASE: &str = "https://reporting.api.bingads.microsoft.com";
const MAX_POLLS: u32 = 40;
const FIRST_WAIT: Duration = Duration::from_secs(1);
const LONGEST_WAIT: Duration = Duration::from_secs(15);

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let fields = s.fields();
    if let Some(average) = fields.iter().find(|f| super::is_average(f)) {
        return Err(super::average_refused(average));
    }
    let by_campaign = s.config.dimensions.iter().any(|d| d == "campaign");
    let token = s.developer_token()?;
    let account = s.api.account_id.as_deref().unwrap_or_default().trim();
    let customer = s.api.customer_id.as_deref().unwrap_or_default().trim();
    let headed = |call: Call| {
        let call = call
            .header("CustomerId", customer)
            .header("CustomerAccountId", account);
        match &token {
            Some(t) => call.header("DeveloperToken", t.expose()),
            None => call,
        }
    };
    let mut columns = vec!["TimePeriod"];
    if by_campaign {
        columns.push("CampaignName");
    }
    columns.extend(&fields);
    let day = |d: NaiveDate| {
        use chrono::Datelike;
        json!({"Day": d.day(), "Month": d.month(), "Year": d.year()})
    };
    let mut time = json!({
        "CustomDateRangeStart": day(start),
        "CustomDateRangeEnd": day(end),
    });
    if let Some(zone) = report_time_zone(s.time_zone) {
        time["ReportTimeZone"] = json!(zone);
    }
    let request = json!({"ReportRequest": {
        "Type": "CampaignPerformanceReportRequest",
        "Format": "Csv",
        "FormatVersion": "2.0",
        "ReportName": "execreport",
        "ReturnOnlyCompleteData": false,
        "Aggregation": "Daily",
        "Columns": columns,
        "Scope": {"AccountIds": [account.parse::<i64>().unwrap_or_default()]},
        "Time": time,
    }});
    let submit = headed(
        Call::new(
            Method::POST,
            s.url(BASE, "Reporting/v13/GenerateReport/Submit")?,
        )
        .json(request),
    );
    let answer = s.send_json(&submit)?;
    let id = answer
        .get("ReportRequestId")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| s.unexpected(&submit, "no ReportRequestId".into()))?;
    let poll = headed(
        Call::new(
            Method::POST,
            s.url(BASE, "Reporting/v13/GenerateReport/Poll")?,
        )
        .json(json!({"ReportRequestId": id})),
    );
    let mut wait = FIRST_WAIT;
    for _ in 0..MAX_POLLS {
        let answer = s.send_json(&poll)?;
        let status = answer
            .pointer("/ReportRequestStatus/Status")
            .and_then(Value::as_str)
            .ok_or_else(|| s.unexpected(&poll, "no ReportRequestStatus.Status".into()))?;
        match status {
            "Success" => {
                let url = answer
                    .pointer("/ReportRequestStatus/ReportDownloadUrl")
                    .and_then(Value::as_str);
                return match url {
                    // Microsoft gives no file when the range has no data.
                    None | Some("") => Ok(Fetched::default()),
                    Some(url) => download(s, url, &fields, by_campaign, start, end),
                };
            }
            "Pending" => {
                std::thread::sleep(wait);
                wait = (wait * 2).min(LONGEST_WAIT);
            }
            other => {
                return Err(s.unexpected(
                    &poll,
                    format!("report request {id} ended with status {other:?}"),
                ));
            }
        }
    }
    Err(s.unexpected(
        &poll,
        format!("report request {id} still pending after {MAX_POLLS} polls"),
    ))
}

/// Fetches the signed report URL (no credentials sent) and reads its CSV.
fn download(
    s: &Source,
    url: &str,
    fields: &[&str],
    by_campaign: bool,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Fetched, FetchError> {
    let parsed = Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http"))
        .ok_or_else(|| FetchError {
            request: "ReportDownloadUrl".into(),
            status: None,
            hold: None,
            message: "the report's download URL is not an http(s) URL".into(),
        })?;
    // The signature of the URL is a credential.
    for (k, v) in parsed.query_pairs() {
        if k == "sig" || k == "signature" {
            s.redactor().add(&v);
        }
    }
    let call = Call::new(Method::GET, parsed);
    let reply = s.http.send(&call, &s.policy, s.redactor(), None)?;
    let (name, csv) =
        super::report_zip::file(&reply.body, ".csv").map_err(|m| s.unexpected(&call, m))?;
    let rows = read_csv(&csv, &s.config.date, fields, by_campaign, start, end)
        .map_err(|m| s.unexpected(&call, format!("{name}: {m}")))?;
    Ok(Fetched {
        rows: super::meta_ads::merge_same_keys(rows, fields),
        ..Fetched::default()
    })
}

/// The report's rows, between its header lines and its footer, as `{date, [campaign], field…}`.
fn read_csv(
    csv: &[u8],
    date_key: &str,
    fields: &[&str],
    by_campaign: bool,
    start: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<Map<String, Value>>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(csv));
    let mut header: Option<Vec<String>> = None;
    let mut announced: Option<usize> = None;
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 1;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        let first = record.get(0).unwrap_or_default().trim();
        let Some(names) = &header else {
            // Header lines: `"Rows: 62"`; then the column names.
            if let Some(n) = first.strip_prefix("Rows: ") {
                announced = n.trim().replace(',', "").parse().ok();
            } else if first == "TimePeriod" {
                header = Some(record.iter().map(|c| c.trim().to_string()).collect());
            }
            continue;
        };
        // The footer: an empty line, then `©2026 Microsoft Corporation. All rights reserved.`
        if record.len() < names.len() {
            if first.is_empty() || first.starts_with('©') {
                break;
            }
            return Err(format!(
                "line {line} has {} cells, expected {}",
                record.len(),
                names.len()
            ));
        }
        let cell = |name: &str| {
            names
                .iter()
                .position(|n| n == name)
                .and_then(|i| record.get(i))
                .map(str::trim)
        };
        let day = parse_day(first)
            .ok_or_else(|| format!("line {line}: TimePeriod is {first:?}, expected a day"))?;
        let mut flat = Map::new();
        flat.insert(date_key.to_string(), json!(day.to_string()));
        if by_campaign {
            let name = cell("CampaignName")
                .ok_or_else(|| format!("line {line}: no CampaignName column"))?;
            flat.insert("campaign".into(), json!(name));
        }
        for field in fields {
            let text = cell(field).ok_or_else(|| format!("no {field} column"))?;
            let value = if text.is_empty() || text == "--" {
                0.0
            } else {
                amount(&json!(text))
                    .ok_or_else(|| format!("line {line}: {field} is {text:?}, expected a number"))?
            };
            flat.insert(field.to_string(), json!(value));
        }
        if day >= start && day <= end {
            rows.push(flat);
        } else {
            return Err(format!(
                "line {line}: {day} is outside the range asked, {start} to {end}"
            ));
        }
    }
    if header.is_none() && !csv.iter().all(u8::is_ascii_whitespace) {
        return Err("no column names (a line starting with TimePeriod)".into());
    }
    if let Some(n) = announced
        && n != rows.len()
    {
        return Err(format!(
            "the header announces {n} rows, the file holds {}",
            rows.len()
        ));
    }
    Ok(rows)
}

/// `2026-10-01` (format 2.0) or `10/1/2026`.
fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"))
        .ok()
}

/// Microsoft's `ReportTimeZone` for the client's zone, where one is the same zone (same
/// offsets and daylight saving); otherwise the account's own zone applies.
/// <https://learn.microsoft.com/en-us/advertising/reporting-service/reporttimezone>
fn report_time_zone(zone: chrono_tz::Tz) -> Option<&'static str> {
    use chrono_tz::Tz;
    Some(match zone {
        Tz::Europe__London | Tz::Europe__Dublin | Tz::Europe__Lisbon => {
            "GreenwichMeanTimeDublinEdinburghLisbonLondon"
        }
        Tz::Europe__Amsterdam
        | Tz::Europe__Berlin
        | Tz::Europe__Zurich
        | Tz::Europe__Rome
        | Tz::Europe__Stockholm
        | Tz::Europe__Vienna => "AmsterdamBerlinBernRomeStockholmVienna",
        Tz::Europe__Brussels | Tz::Europe__Copenhagen | Tz::Europe__Madrid | Tz::Europe__Paris => {
            "BrusselsCopenhagenMadridParis"
        }
        Tz::America__New_York => "EasternTimeUSCanada",
        Tz::America__Chicago => "CentralTimeUSCanada",
        Tz::America__Denver => "MountainTimeUSCanada",
        Tz::America__Los_Angeles => "PacificTimeUSCanadaTijuana",
        Tz::Asia__Tokyo => "OsakaSapporoTokyo",
        Tz::Australia__Sydney | Tz::Australia__Melbourne => "CanberraMelbourneSydney",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "\u{feff}\"Report Name: execreport\"\r\n\"Report Time: 10/1/2026\"\r\n\"Time Zone: (GMT+01:00) Amsterdam, Berlin\"\r\n\"Rows: 2\"\r\n\r\n\"TimePeriod\",\"CampaignName\",\"Spend\",\"Clicks\"\r\n\"2026-10-01\",\"Brand, EU\",\"12.50\",\"7\"\r\n\"2026-10-01\",\"Generic\",\"0.05\",\"--\"\r\n\r\n\"©2026 Microsoft Corporation. All rights reserved. \"\r\n";

    #[test]
    fn header_and_footer_lines_are_skipped_and_rows_counted() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let rows = read_csv(
            REPORT.as_bytes(),
            "date",
            &["Spend", "Clicks"],
            true,
            d("2026-10-01"),
            d("2026-10-31"),
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["campaign"], "Brand, EU");
        assert_eq!(rows[0]["Spend"], 12.5);
        assert_eq!(rows[1]["Clicks"], 0.0);
        let cut = REPORT.replace("\"Rows: 2\"", "\"Rows: 3\"");
        let e = read_csv(
            cut.as_bytes(),
            "date",
            &["Spend"],
            false,
            d("2026-10-01"),
            d("2026-10-31"),
        )
        .unwrap_err();
        assert!(e.contains("announces 3 rows"), "{e}");
        let e = read_csv(
            REPORT.as_bytes(),
            "date",
            &["Spend"],
            false,
            d("2026-10-02"),
            d("2026-10-31"),
        )
        .unwrap_err();
        assert!(e.contains("outside the range"), "{e}");
        assert!(parse_day("10/31/2026").is_some());
    }
}
