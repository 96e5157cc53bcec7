//! Shopify Admin GraphQL API, `POST /admin/api/{version}/graphql.json`: the `orders` query.
//! <https://shopify.dev/docs/api/admin-graphql/latest/queries/orders>
//! <https://shopify.dev/docs/api/usage/pagination-graphql>
//! <https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits>
//!
//! First the shop's time zone and currency (`shop { ianaTimezone currencyCode }`), then the
//! orders created from the range's first midnight to the midnight after its last day in that
//! zone, `first: 250` a page (`page_size`), `after` the last page's `pageInfo.endCursor` while
//! `hasNextPage`. An order counts on the day of its `createdAt` in the shop's zone, for its
//! `currentTotalPriceSet.shopMoney.amount`: a decimal string in the shop's currency, after
//! refunds, returns and edits, summed exactly. Cancelled orders (`cancelledAt` set) and test
//! orders (`test: true`) are left out. Every day of the range up to today has a row: a day
//! without orders is 0, not missing.
//!
//! Throttling: each answer's `extensions.cost.throttleStatus` (`currentlyAvailable` of
//! `maximumAvailable` points, `restoreRate` a second) paces the shop's budget; a 200 whose
//! `errors` carry `extensions.code: THROTTLED` waits until the bucket holds the query's
//! `requestedQueryCost`, then asks again.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use chrono::{DateTime, Days, NaiveDate, TimeZone};
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Map, Value, json};
use url::Url;

use super::http::{Call, FetchError};
use super::quota::Signal;
use super::{Fetched, Source, number};
use crate::config::api::shop_domain;

/// The header Shopify reads the Admin API access token from.
pub const TOKEN_HEADER: &str = "X-Shopify-Access-Token";
const VERSION: &str = "2026-10";
/// The most `first` Shopify allows.
const PAGE: u32 = 250;
/// Pages followed at most (a million orders in one range), against a server that never stops.
const MAX_PAGES: usize = 4000;

const SHOP_QUERY: &str = "query ShopZone { shop { ianaTimezone currencyCode } }";
const ORDERS_QUERY: &str = "query Orders($first: Int!, $after: String, $query: String!) { \
    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT) { \
    pageInfo { hasNextPage endCursor } \
    nodes { id createdAt cancelledAt test currentTotalPriceSet { shopMoney { amount currencyCode } } } } }";

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let shop = s.api.shop.as_deref().unwrap_or_default();
    let domain = shop_domain(shop).unwrap_or_else(|| shop.to_string());
    let version = s.api.api_version.as_deref().unwrap_or(VERSION);
    let url = s.url(
        &format!("https://{domain}"),
        &format!("admin/api/{version}/graphql.json"),
    )?;
    let (data, call) = graphql(s, &url, json!({ "query": SHOP_QUERY }))?;
    let text = |pointer: &str| data.pointer(pointer).and_then(Value::as_str);
    let zone: chrono_tz::Tz = text("/shop/ianaTimezone")
        .and_then(|z| z.parse().ok())
        .ok_or_else(|| {
            s.unexpected(
                &call,
                format!(
                    "shop.ianaTimezone is {}, expected a time zone such as Asia/Tokyo",
                    data.pointer("/shop/ianaTimezone").unwrap_or(&Value::Null)
                ),
            )
        })?;
    let currency = text("/shop/currencyCode")
        .filter(|c| c.len() == 3)
        .ok_or_else(|| s.unexpected(&call, "shop.currencyCode is missing".into()))?
        .to_string();
    let midnight = |d: NaiveDate| -> Result<DateTime<chrono_tz::Tz>, FetchError> {
        let t = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        zone.from_local_datetime(&t)
            .earliest()
            .ok_or_else(|| s.unexpected(&call, format!("no midnight on {d} in {zone}")))
    };
    let until = end
        .checked_add_days(Days::new(1))
        .ok_or_else(|| s.unexpected(&call, format!("no day after {end}")))?;
    let filter = format!(
        "created_at:>='{}' created_at:<'{}'",
        midnight(start)?.to_rfc3339(),
        midnight(until)?.to_rfc3339()
    );
    let today = s.now.with_timezone(&zone).date_naive();
    let mut days: BTreeMap<NaiveDate, Day> = start
        .iter_days()
        .take_while(|d| *d <= end && *d <= today)
        .map(|d| (d, Day::default()))
        .collect();
    let limit = s.api.page_size.unwrap_or(PAGE).clamp(1, PAGE);
    let mut after: Option<String> = None;
    let mut cursors = HashSet::new();
    for _ in 0..MAX_PAGES {
        let variables = json!({"first": limit, "after": after, "query": filter});
        let (data, call) = graphql(
            s,
            &url,
            json!({"query": ORDERS_QUERY, "variables": variables}),
        )?;
        let orders = data
            .pointer("/orders/nodes")
            .and_then(Value::as_array)
            .ok_or_else(|| s.unexpected(&call, "no orders.nodes array".into()))?;
        for order in orders {
            let Some((day, amount)) =
                counted(order, zone, &currency).map_err(|m| s.unexpected(&call, m))?
            else {
                continue;
            };
            // The filter asked for the range; an order outside it is not the range's.
            if (start..=end).contains(&day) {
                let d = days.entry(day).or_default();
                d.nanos = d.nanos.checked_add(amount).ok_or_else(|| {
                    s.unexpected(&call, format!("the revenue of {day} is out of range"))
                })?;
                d.orders += 1;
            }
        }
        let info = data.pointer("/orders/pageInfo");
        let more = info
            .and_then(|i| i.get("hasNextPage"))
            .and_then(Value::as_bool);
        match more {
            Some(false) => return Ok(rows(s, days)),
            Some(true) => {}
            None => {
                return Err(s.unexpected(&call, "orders.pageInfo.hasNextPage is missing".into()));
            }
        }
        let cursor = info
            .and_then(|i| i.get("endCursor"))
            .and_then(Value::as_str)
            .filter(|c| !c.is_empty())
            .ok_or_else(|| {
                s.unexpected(&call, "hasNextPage is true but endCursor is missing".into())
            })?;
        if !cursors.insert(cursor.to_string()) {
            return Err(s.unexpected(
                &call,
                "pageInfo.endCursor repeats an earlier page's: the pages would never end".into(),
            ));
        }
        after = Some(cursor.to_string());
    }
    Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages of orders")))
}

/// One day's orders: revenue in billionths of the currency unit, so sums are exact.
#[derive(Debug, Default)]
struct Day {
    nanos: i128,
    orders: u64,
}

fn rows(s: &Source, days: BTreeMap<NaiveDate, Day>) -> Fetched {
    let rows = days
        .into_iter()
        .map(|(day, d)| {
            let mut row = Map::new();
            row.insert(s.config.date.clone(), json!(day.to_string()));
            row.insert("revenue".into(), json!(d.nanos as f64 / 1e9));
            row.insert("orders".into(), json!(d.orders));
            row
        })
        .collect();
    Fetched {
        rows,
        totals: BTreeMap::new(),
    }
}

/// An order's local day and current total, or `None` when it is cancelled or a test order.
fn counted(
    order: &Value,
    zone: chrono_tz::Tz,
    currency: &str,
) -> Result<Option<(NaiveDate, i128)>, String> {
    let id = order
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("an order");
    let id: String = id.chars().take(80).collect();
    let cancelled = !order.get("cancelledAt").is_none_or(Value::is_null);
    let test = order.get("test").and_then(Value::as_bool).unwrap_or(false);
    if cancelled || test {
        return Ok(None);
    }
    let created = order
        .get("createdAt")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| {
            format!("{id}: createdAt is not a date and time such as 2026-10-01T09:30:00Z")
        })?;
    let money = order.pointer("/currentTotalPriceSet/shopMoney");
    let code = money
        .and_then(|m| m.get("currencyCode"))
        .and_then(Value::as_str);
    if code != Some(currency) {
        return Err(format!(
            "{id}: currentTotalPriceSet.shopMoney is in {}, expected the shop's currency {currency}",
            code.unwrap_or("no currency")
        ));
    }
    let amount = money.and_then(|m| m.get("amount")).unwrap_or(&Value::Null);
    let nanos = amount.as_str().and_then(exact_nanos).ok_or_else(|| {
        format!("{id}: currentTotalPriceSet.shopMoney.amount is {amount}, expected a decimal such as \"129.90\"")
    })?;
    Ok(Some((created.with_timezone(&zone).date_naive(), nanos)))
}

/// A decimal string (`"129.90"`, `"-3.5"`) in billionths, exactly; `None` for anything else
/// (exponents, more than 9 decimals, more than 18 digits before the point).
fn exact_nanos(text: &str) -> Option<i128> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || whole.len() > 18 || fraction.len() > 9 {
        return None;
    }
    if !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole: i128 = whole.parse().ok()?;
    let fraction: i128 = format!("{fraction:0<9}").parse().ok()?;
    let value = whole * 1_000_000_000 + fraction;
    Some(if negative { -value } else { value })
}

/// Posts one GraphQL request and gives its `data`, waiting out `THROTTLED` answers.
fn graphql(s: &Source, url: &Url, body: Value) -> Result<(Value, Call), FetchError> {
    let call = Call::new(Method::POST, url.clone()).json(body);
    let mut attempt = 1;
    loop {
        let page = s.send_json(&call)?;
        let errors = page
            .get("errors")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let code = |e: &Value| {
            e.pointer("/extensions/code")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        if errors.iter().any(|e| code(e) == "THROTTLED") {
            s.throttled(&call, "query cost", throttle_wait(&page), attempt)?;
            attempt += 1;
            continue;
        }
        if !errors.is_empty() {
            let said: Vec<String> = errors
                .iter()
                .take(3)
                .map(|e| {
                    let message = e.get("message").and_then(Value::as_str).unwrap_or("error");
                    match code(e) {
                        c if c.is_empty() => message.to_string(),
                        c => format!("{message} ({c})"),
                    }
                })
                .collect();
            let mut error = s.unexpected(&call, format!("GraphQL errors: {}", said.join("; ")));
            // A missing `read_orders` scope is a permission, as a 403 is.
            if errors.iter().any(|e| code(e) == "ACCESS_DENIED") {
                error.status = Some(403);
            }
            return Err(error);
        }
        return match page.get("data") {
            Some(data @ Value::Object(_)) => Ok((data.clone(), call)),
            _ => Err(s.unexpected(&call, "no `data` object".into())),
        };
    }
}

/// The bucket's numbers in an answer: (requested cost, available, maximum, restore rate).
fn cost(page: &Value) -> Option<(f64, f64, f64, f64)> {
    let cost = page.pointer("/extensions/cost")?;
    let status = cost.get("throttleStatus")?;
    let read = |v: &Value, k: &str| v.get(k).and_then(number).filter(|n| n.is_finite());
    Some((
        read(cost, "requestedQueryCost").unwrap_or(0.0).max(0.0),
        read(status, "currentlyAvailable")?.max(0.0),
        read(status, "maximumAvailable")?,
        read(status, "restoreRate")?,
    ))
}

/// How long until the bucket holds the query's cost again (a second when the answer does
/// not say).
fn throttle_wait(page: &Value) -> Duration {
    match cost(page) {
        Some((requested, available, _, restore)) if restore > 0.0 => {
            let seconds = ((requested - available) / restore).clamp(0.1, 3600.0);
            Duration::from_secs_f64(seconds)
        }
        _ => Duration::from_secs(1),
    }
}

/// The shop's query-cost bucket as pacing: its use in percent, and when a request of the
/// last one's cost would be throttled, how long until it is not.
pub fn signals(_headers: &HeaderMap, body: &[u8]) -> Vec<Signal> {
    let Ok(page) = serde_json::from_slice::<Value>(body) else {
        return Vec::new();
    };
    let Some((requested, available, maximum, restore)) = cost(&page) else {
        return Vec::new();
    };
    if maximum <= 0.0 {
        return Vec::new();
    }
    let regain = (available < requested && restore > 0.0).then(|| throttle_wait(&page));
    let used = ((1.0 - available / maximum) * 100.0).clamp(0.0, 100.0);
    vec![Signal::Usage {
        what: "query cost".into(),
        // Without a wait, a full bucket is pacing, not a pause.
        percent: if regain.is_some() {
            used
        } else {
            used.min(99.0)
        },
        regain,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_decimals() {
        assert_eq!(exact_nanos("129.90"), Some(129_900_000_000));
        assert_eq!(exact_nanos("0.1"), Some(100_000_000));
        assert_eq!(exact_nanos("-3.5"), Some(-3_500_000_000));
        assert_eq!(exact_nanos("1200"), Some(1_200_000_000_000));
        for bad in [
            "",
            "1e3",
            "1.2.3",
            "12,50",
            " 1",
            "NaN",
            ".5",
            "1.0000000001",
            "-",
        ] {
            assert_eq!(exact_nanos(bad), None, "{bad}");
        }
        let sum: i128 = ["0.1", "0.2"].iter().filter_map(|a| exact_nanos(a)).sum();
        assert_eq!(sum as f64 / 1e9, 0.3);
    }

    #[test]
    fn cancelled_and_test_orders_are_left_out_and_days_are_the_shops() {
        let tokyo = chrono_tz::Asia::Tokyo;
        let order = |created: &str, cancelled: Value, test: bool| {
            json!({"id": "gid://shopify/Order/1", "createdAt": created, "cancelledAt": cancelled,
                   "test": test, "currentTotalPriceSet": {"shopMoney": {"amount": "10.50", "currencyCode": "JPY"}}})
        };
        let (day, nanos) = counted(
            &order("2026-09-30T15:30:00Z", Value::Null, false),
            tokyo,
            "JPY",
        )
        .unwrap()
        .unwrap();
        assert_eq!(day.to_string(), "2026-10-01");
        assert_eq!(nanos, 10_500_000_000);
        let cancelled = order("2026-10-02T01:00:00Z", json!("2026-10-03T01:00:00Z"), false);
        assert_eq!(counted(&cancelled, tokyo, "JPY").unwrap(), None);
        let test = order("2026-10-02T01:00:00Z", Value::Null, true);
        assert_eq!(counted(&test, tokyo, "JPY").unwrap(), None);
        let e = counted(
            &order("2026-10-02T01:00:00Z", Value::Null, false),
            tokyo,
            "EUR",
        )
        .unwrap_err();
        assert!(e.contains("expected the shop's currency EUR"), "{e}");
    }

    #[test]
    fn throttle_status_gives_the_wait_and_the_pacing() {
        let page = json!({"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
            "extensions": {"cost": {"requestedQueryCost": 252, "actualQueryCost": null,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 52, "restoreRate": 100.0}}}});
        assert_eq!(throttle_wait(&page), Duration::from_secs(2));
        let body = serde_json::to_vec(&page).unwrap();
        match &signals(&HeaderMap::new(), &body)[..] {
            [
                Signal::Usage {
                    percent, regain, ..
                },
            ] => {
                assert!((*percent - 97.4).abs() < 1e-9);
                assert_eq!(*regain, Some(Duration::from_secs(2)));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(throttle_wait(&json!({})), Duration::from_secs(1));
    }
}
