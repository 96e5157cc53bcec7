//! `kind: http`: any JSON API. The URL, query, headers and body take the range as
//! placeholders; records are found with the source's `records` pointer on every page.

use chrono::{Days, NaiveDate};
use reqwest::Method;
use serde_json::Value;

use super::http::{Call, FetchError};
use super::{Fetched, Source};
use crate::config::api::{HttpMethod, Pagination};

/// Pages followed at most, against APIs that never stop offering a next page.
const MAX_PAGES: usize = 1000;

pub fn fetch(s: &Source, start: NaiveDate, end: NaiveDate) -> Result<Fetched, FetchError> {
    let api = s.api;
    let fill = |text: &str| placeholders(text, start, end);
    let bad_setting = |message: String| FetchError {
        request: api.url.clone().unwrap_or_default(),
        status: None,
        hold: None,
        message,
    };
    let url = fill(api.url.as_deref().unwrap_or_default()).map_err(bad_setting)?;
    let mut url = url::Url::parse(&url).map_err(|e| bad_setting(format!("invalid URL: {e}")))?;
    for (name, value) in &api.query {
        let value = fill(value).map_err(bad_setting)?;
        url.query_pairs_mut().append_pair(name, &value);
    }
    let method = match api.method {
        HttpMethod::Get => Method::GET,
        HttpMethod::Post => Method::POST,
    };
    let mut first = Call::new(method, url);
    for (name, value) in &api.headers {
        first = first.header(name, fill(value).map_err(bad_setting)?);
    }
    if let Some(body) = &api.body {
        first = first.json(fill_json(body, &fill).map_err(bad_setting)?);
    }
    let pointer = s.config.records.as_deref().unwrap_or("");
    let mut out = Fetched::default();
    let mut call = first.clone();
    let mut offset = 0u64;
    if let Some(Pagination::Offset {
        param,
        limit_param,
        limit,
    }) = &api.pagination
    {
        call.url = with_params(
            &first.url,
            &[(param, "0"), (limit_param, &limit.to_string())],
        );
    }
    for _ in 0..MAX_PAGES {
        let reply = s.send(&call)?;
        let page = reply.json(&call, s.redactor())?;
        let records = page
            .pointer(pointer)
            .and_then(Value::as_array)
            .ok_or_else(|| {
                s.unexpected(
                    &call,
                    format!("no array of records at JSON pointer {pointer:?}"),
                )
            })?;
        let count = records.len();
        for (i, record) in records.iter().enumerate() {
            let object = record
                .as_object()
                .ok_or_else(|| s.unexpected(&call, format!("record {} is not an object", i + 1)))?;
            out.rows.push(object.clone());
        }
        let next = match &api.pagination {
            None => None,
            Some(Pagination::NextToken { field, param }) => page
                .pointer(field)
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .map(|token| with_params(&first.url, &[(param, token)])),
            Some(Pagination::NextUrl { field }) => page
                .pointer(field)
                .and_then(Value::as_str)
                .filter(|u| !u.is_empty())
                .map(|u| {
                    call.url
                        .join(u)
                        .map_err(|e| s.unexpected(&call, format!("invalid next-page URL: {e}")))
                })
                .transpose()?,
            Some(Pagination::LinkHeader) => reply
                .headers
                .get_all(reqwest::header::LINK)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(next_link)
                .map(|u| {
                    call.url
                        .join(&u)
                        .map_err(|e| s.unexpected(&call, e.to_string()))
                })
                .transpose()?,
            Some(Pagination::Offset {
                param,
                limit_param,
                limit,
            }) => {
                offset += count as u64;
                (count as u64 >= u64::from(*limit) && count > 0).then(|| {
                    with_params(
                        &first.url,
                        &[
                            (param, &offset.to_string()),
                            (limit_param, &limit.to_string()),
                        ],
                    )
                })
            }
        };
        // Credentials go with every page: never to another host than the first page's.
        if let Some(url) = &next
            && url.origin() != first.url.origin()
        {
            return Err(s.unexpected(
                &call,
                format!(
                    "the next page is on another host ({}); not followed",
                    url.origin().ascii_serialization()
                ),
            ));
        }
        match next {
            Some(url)
                if count > 0 || matches!(api.pagination, Some(Pagination::NextToken { .. })) =>
            {
                call = Call {
                    url,
                    ..first.clone()
                };
            }
            _ => return Ok(out),
        }
    }
    Err(s.unexpected(&call, format!("more than {MAX_PAGES} pages")))
}

/// `{{ start }}`, `{{ end }}` (YYYY-MM-DD), `{{ start_compact }}`, `{{ end_compact }}`
/// (YYYYMMDD) and `{{ end_exclusive }}` (the day after the range).
pub fn placeholders(text: &str, start: NaiveDate, end: NaiveDate) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let close = rest[open..]
            .find("}}")
            .ok_or_else(|| format!("unclosed placeholder in {text:?}"))?;
        let name = rest[open + 2..open + close].trim();
        let value = match name {
            "start" => start.to_string(),
            "end" => end.to_string(),
            "start_compact" => start.format("%Y%m%d").to_string(),
            "end_compact" => end.format("%Y%m%d").to_string(),
            "end_exclusive" => (end + Days::new(1)).to_string(),
            other => {
                return Err(format!(
                    "unknown placeholder {{{{ {other} }}}}: expected start, end, start_compact, end_compact or end_exclusive"
                ));
            }
        };
        out.push_str(&value);
        rest = &rest[open + close + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

fn fill_json(v: &Value, fill: &impl Fn(&str) -> Result<String, String>) -> Result<Value, String> {
    Ok(match v {
        Value::String(s) => Value::String(fill(s)?),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| fill_json(i, fill))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), fill_json(v, fill)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => other.clone(),
    })
}

/// `url` with `params` set (replacing any of the same name).
fn with_params(url: &url::Url, params: &[(&String, &str)]) -> url::Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !params.iter().any(|(p, _)| *p == k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut out = url.clone();
    out.query_pairs_mut()
        .clear()
        .extend_pairs(kept)
        .extend_pairs(params.iter().map(|(k, v)| (k.as_str(), *v)));
    out
}

/// The target of `rel="next"` in one `Link` header value.
fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (target, params) = part.split_once(';')?;
        let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
        params
            .split(';')
            .any(|p| {
                let p = p.trim().replace(' ', "");
                p == "rel=\"next\"" || p == "rel=next"
            })
            .then(|| target.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_links() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            placeholders(
                "from={{start}}&to={{ end_exclusive }}&c={{ end_compact }}",
                d("2026-10-01"),
                d("2026-10-31")
            )
            .unwrap(),
            "from=2026-10-01&to=2026-11-01&c=20261031"
        );
        assert!(
            placeholders("{{ today }}", d("2026-10-01"), d("2026-10-31"))
                .unwrap_err()
                .contains("unknown placeholder")
        );
        assert_eq!(
            next_link(r#"<https://api.x/items?page=1>; rel="prev", <https://api.x/items?page=3>; rel="next""#).as_deref(),
            Some("https://api.x/items?page=3")
        );
        assert_eq!(
            next_link(r#"<https://api.x/items?page=1>; rel="prev""#),
            None
        );
    }
}
