//! Google Business Profile reviews, `accounts/{a}/locations/{l}/reviews`.
//! <https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews/list>
//!
//! Reviews are listed newest update first (`updateTime desc`), 50 a page with
//! `nextPageToken`; listing stops once a page is older than the range (a review created in
//! the range was updated in it or later). Each review counts on the client's local day of its
//! `createTime`: rows give `reviews` (count), `rating` (mean stars of the day) and `replied`.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::{Call, FetchError};
use super::{Fetched, Source};

const BASE: &str = "https://mybusiness.googleapis.com";
const MAX_PAGES: usize = 2000;

#[derive(Default)]
struct Day {
    reviews: u32,
    rated: u32,
    stars: u32,
    replied: u32,
}

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let location = s
        .api
        .location
        .as_deref()
        .unwrap_or_default()
        .trim_matches('/');
    let first = s.url(BASE, &format!("v4/{location}/reviews"))?;
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    let mut token: Option<String> = None;
    let mut finished = false;
    for _ in 0..MAX_PAGES {
        let mut url = first.clone();
        url.query_pairs_mut()
            .append_pair("pageSize", "50")
            .append_pair("orderBy", "updateTime desc");
        if let Some(t) = &token {
            url.query_pairs_mut().append_pair("pageToken", t);
        }
        let call = Call::new(Method::GET, url);
        let page = s.send_json(&call)?;
        let reviews = page
            .get("reviews")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let mut newest_update = None;
        for review in reviews {
            let time = |key: &str| -> Result<NaiveDate, FetchError> {
                let text = review.get(key).and_then(Value::as_str).unwrap_or_default();
                DateTime::parse_from_rfc3339(text)
                    .map(|t| t.with_timezone(&s.time_zone).date_naive())
                    .map_err(|_| {
                        s.unexpected(
                            &call,
                            format!("review {key} {text:?} is not an RFC 3339 time"),
                        )
                    })
            };
            let created = time("createTime")?;
            newest_update = newest_update.max(Some(time("updateTime")?));
            if !(start..=end).contains(&created) {
                continue;
            }
            let day = days.entry(created).or_default();
            day.reviews += 1;
            let stars = match review.get("starRating").and_then(Value::as_str) {
                Some("ONE") => Some(1),
                Some("TWO") => Some(2),
                Some("THREE") => Some(3),
                Some("FOUR") => Some(4),
                Some("FIVE") => Some(5),
                Some("STAR_RATING_UNSPECIFIED") | None => None,
                Some(other) => {
                    return Err(
                        s.unexpected(&call, format!("starRating {other:?}, expected ONE to FIVE"))
                    );
                }
            };
            if let Some(stars) = stars {
                day.rated += 1;
                day.stars += stars;
            }
            if review.get("reviewReply").is_some_and(|r| !r.is_null()) {
                day.replied += 1;
            }
        }
        token = page
            .get("nextPageToken")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        let older_than_range = newest_update.is_some_and(|d| d < start);
        if token.is_none() || reviews.is_empty() || older_than_range {
            finished = true;
            break;
        }
    }
    if !finished {
        let call = Call::new(Method::GET, first);
        return Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages")));
    }
    let rows = days
        .into_iter()
        .map(|(date, d)| {
            let mut row = Map::new();
            row.insert(s.config.date.clone(), json!(date.to_string()));
            row.insert("reviews".into(), json!(d.reviews));
            if d.rated > 0 {
                row.insert(
                    "rating".into(),
                    json!(f64::from(d.stars) / f64::from(d.rated)),
                );
            }
            row.insert("replied".into(), json!(d.replied));
            row
        })
        .collect();
    Ok(Fetched {
        rows,
        totals: Default::default(),
    })
}
