//! Live sources against a loopback server that speaks each API's documented format: the
//! numbers of a full fetch, paging, retries, timeouts, broken answers, OAuth refresh, secrets
//! kept out of messages, the cache and `--offline`.

use crate::common;
use crate::common::kpi;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::api_server::*;
use chrono::{Days, NaiveDate};
use serde_json::Value;

const NOW: &str = "2026-11-26T03:00:00Z";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(start: &str, end: &str) -> Vec<NaiveDate> {
    let (mut d, end) = (day(start), day(end));
    let mut out = Vec::new();
    while d <= end {
        out.push(d);
        d = d + Days::new(1);
    }
    out
}

/// A workspace with one client (Tokyo) whose seven sources are live on `server`.
fn workspace(server: &ApiServer, extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = &server.base;
    let google = format!(
        "google_oauth: {{ client_id: {{ env: T_CLIENT_ID }}, client_secret: {{ env: T_CLIENT_SECRET }}, refresh_token: {{ file: secrets/refresh-token }}, token_url: \"{base}/token\" }}"
    );
    let yaml = format!(
        r#"agencies:
  - id: agency
    name: Agency
clients:
  - id: live-co
    name: Live Co
    time_zone: Asia/Tokyo
    sources:
      - id: web
        kind: ga4
        api: {{ property: "123456", base_url: "{base}", page_size: 40, auth: {{ {google} }} }}
        dimensions: [sessionDefaultChannelGroup]
        dimension_names: {{ sessionDefaultChannelGroup: channel }}
        columns: {{ sessions: web.sessions, totalUsers: web.users }}
        required: false
      - id: ads
        kind: google_ads
        api: {{ customer_id: "123-456-7890", developer_token: {{ env: T_DEV_TOKEN }}, base_url: "{base}", auth: {{ {google} }} }}
        dimensions: [campaign.name]
        dimension_names: {{ campaign.name: campaign }}
        columns: {{ metrics.clicks: ads.clicks, metrics.impressions: ads.impressions, metrics.cost_micros: ads.spend, metrics.conversions: ads.conversions, metrics.conversions_value: ads.conversion_value }}
        required: false
      - id: social
        kind: meta
        api: {{ object_id: "1234", base_url: "{base}", auth: {{ bearer: {{ env: T_META_TOKEN }} }} }}
        columns: {{ page_follows: social.followers, page_post_engagements: social.engagements }}
        required: false
      - id: seo
        kind: search_console
        api: {{ site_url: "https://live.example/", base_url: "{base}", page_size: 50, auth: {{ {google} }} }}
        dimensions: [query]
        columns: {{ clicks: seo.clicks, impressions: seo.impressions, position: seo.position }}
        required: false
      - id: reviews
        kind: gbp_reviews
        api: {{ location: accounts/1/locations/2, base_url: "{base}", auth: {{ {google} }} }}
        columns: {{ reviews: reviews.new, rating: reviews.rating, replied: reviews.responded }}
        required: false
      - id: local
        kind: gbp_performance
        api: {{ location: locations/4455667788, base_url: "{base}", auth: {{ {google} }} }}
        columns: {{ calls: local.calls, website_clicks: local.website_clicks, directions: local.directions, views: local.views, views_search: local.views_search, views_maps: local.views_maps }}
        required: false
      - id: email
        kind: http
        api:
          url: "{base}/email/stats"
          query: {{ from: "{{{{ start }}}}", to: "{{{{ end }}}}" }}
          pagination: {{ next_token: {{ field: /next, param: page }} }}
          auth: {{ api_key: {{ name: X-API-Key, in: header, value: {{ env: T_EMAIL_KEY }} }} }}
        records: /data/items
        date: day
        columns: {{ /stats/delivered: email.delivered, /stats/opens: email.opens }}
        required: false
{extra}"#
    );
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    std::fs::create_dir_all(dir.path().join("secrets")).unwrap();
    std::fs::write(
        dir.path().join("secrets/refresh-token"),
        format!("{REFRESH_TOKEN}\n"),
    )
    .unwrap();
    dir
}

fn run(dir: &Path, extra_args: &[&str]) -> Output {
    run_with(dir, extra_args, &[])
}

/// `run` with some of the secrets' environment variables set otherwise.
fn run_with(dir: &Path, extra_args: &[&str], env: &[(&str, &str)]) -> Output {
    let config = dir.join("execreport.yaml");
    let out = dir.join("out");
    let mut args = vec![
        "-c",
        config.to_str().unwrap(),
        "render",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ];
    if !extra_args.contains(&"--now") {
        args.extend(["--now", NOW]);
    }
    if !extra_args.contains(&"--period") {
        args.extend(["--period", "2026-10"]);
    }
    args.extend(extra_args);
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(&args)
        .env("T_CLIENT_ID", CLIENT_ID)
        .env("T_CLIENT_SECRET", CLIENT_SECRET)
        .env("T_DEV_TOKEN", DEVELOPER_TOKEN)
        .env("T_META_TOKEN", META_TOKEN)
        .env("T_EMAIL_KEY", EMAIL_KEY)
        .envs(env.iter().copied())
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_TODAY")
        .output()
        .unwrap()
}

fn report(dir: &Path) -> Value {
    let path: PathBuf = dir.join("out/live-co/2026-10/report.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn value(r: &Value, id: &str) -> f64 {
    kpi(r, id)["value"]
        .as_f64()
        .unwrap_or_else(|| panic!("{id} has no value"))
}

fn source<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["data_quality"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

/// The run ended with `code` and said `text` on stderr.
fn expect_exit(o: &Output, code: i32, text: &str) {
    assert_eq!(o.status.code(), Some(code), "{}", stderr(o));
    assert!(stderr(o).contains(text), "{}", stderr(o));
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every number of October (and September for the comparison), recomputed from the
/// server's formulas.
fn assert_october_numbers(r: &Value) {
    let oct = days("2026-10-01", "2026-10-31");
    let sep = days("2026-09-01", "2026-09-30");
    let sum = |ds: &[NaiveDate], f: &dyn Fn(NaiveDate, usize) -> u32, k: usize| -> f64 {
        ds.iter()
            .flat_map(|d| (0..k).map(move |c| (*d, c)))
            .map(|(d, c)| f64::from(f(d, c)))
            .sum()
    };
    // GA4: sums of days, and unique users from GA4's own total (not the sum of days).
    assert_eq!(value(r, "web.sessions"), sum(&oct, &ga4_sessions, 3));
    assert_eq!(
        kpi(r, "web.sessions")["previous"].as_f64().unwrap(),
        sum(&sep, &ga4_sessions, 3)
    );
    assert_eq!(value(r, "web.users"), f64::from(ga4_total_users(&oct)));
    assert_eq!(
        kpi(r, "web.users")["previous"].as_f64().unwrap(),
        f64::from(ga4_total_users(&sep))
    );
    assert_eq!(kpi(r, "web.users")["aggregation"], "platform_total");
    // Google Ads: micros to money, absent (zero) conversions, ratios from sums.
    let clicks = sum(&oct, &ads_clicks, 2);
    assert_eq!(value(r, "ads.clicks"), clicks);
    assert!(close(value(r, "ads.spend"), clicks * 1.25));
    assert!(close(value(r, "ads.cpc"), 1.25));
    let conversions = sum(&oct, &ads_conversions, 2);
    assert_eq!(value(r, "ads.conversions"), conversions);
    assert!(close(
        value(r, "ads.roas"),
        conversions * 40.0 / (clicks * 1.25)
    ));
    // Meta: followers are the last day's (31 October, reported at 07:00 UTC on 1 November,
    // the night the US leaves summer time); engagements summed over days.
    assert_eq!(
        value(r, "social.followers"),
        f64::from(meta_follows(day("2026-10-31")))
    );
    assert_eq!(
        kpi(r, "social.followers")["previous"].as_f64().unwrap(),
        f64::from(meta_follows(day("2026-09-30")))
    );
    assert_eq!(
        value(r, "social.engagements"),
        oct.iter()
            .map(|d| f64::from(meta_engagements(*d)))
            .sum::<f64>()
    );
    assert_eq!(kpi(r, "social.engagements")["missing_days"], 0);
    // Search Console: position weighted by impressions.
    assert_eq!(value(r, "seo.clicks"), sum(&oct, &gsc_clicks, 2));
    let (mut weighted, mut impressions) = (0.0, 0.0);
    for d in &oct {
        for q in 0..2 {
            weighted += gsc_position(*d, q) * f64::from(gsc_impressions(*d, q));
            impressions += f64::from(gsc_impressions(*d, q));
        }
    }
    assert!(close(value(r, "seo.position"), weighted / impressions));
    // Reviews on Tokyo days: 31 at 19:00 local, one at 01:00 on 1 October (UTC: 30
    // September), none from 00:30 on 1 November (UTC: 31 October).
    let in_oct: Vec<(u8, bool)> = reviews()
        .into_iter()
        .filter(|(t, _, _)| {
            let local = chrono::DateTime::parse_from_rfc3339(t)
                .unwrap()
                .with_timezone(&chrono_tz::Asia::Tokyo);
            local.date_naive() >= day("2026-10-01") && local.date_naive() <= day("2026-10-31")
        })
        .map(|(_, s, r)| (s, r))
        .collect();
    assert_eq!(in_oct.len(), 32);
    assert_eq!(value(r, "reviews.new"), 32.0);
    let mean = in_oct.iter().map(|(s, _)| f64::from(*s)).sum::<f64>() / 32.0;
    assert!(
        close(value(r, "reviews.rating"), mean),
        "{} vs {mean}",
        value(r, "reviews.rating")
    );
    assert_eq!(
        value(r, "reviews.responded"),
        in_oct.iter().filter(|(_, r)| *r).count() as f64
    );
    assert_local_numbers(r, &oct);
    // The generic API: paged by token, fields by JSON pointer.
    assert_eq!(
        value(r, "email.delivered"),
        oct.iter()
            .map(|d| f64::from(email_delivered(*d)))
            .sum::<f64>()
    );
    assert!(close(
        value(r, "email.open_rate"),
        oct.iter().map(|d| f64::from(email_opens(*d))).sum::<f64>() / value(r, "email.delivered")
    ));
    for s in r["data_quality"]["sources"].as_array().unwrap() {
        assert_eq!(s["status"], "ok", "{s}");
    }
}

/// Business Profile performance over `days`: a day without a value (or without an entry) is
/// 0, not missing; views are the four impression series summed.
fn assert_local_numbers(r: &Value, days: &[NaiveDate]) {
    let total =
        |f: &dyn Fn(NaiveDate) -> u32| -> f64 { days.iter().map(|d| f64::from(f(*d))).sum() };
    assert_eq!(value(r, "local.calls"), total(&perf_calls));
    assert_eq!(
        value(r, "local.website_clicks"),
        total(&perf_website_clicks)
    );
    assert_eq!(value(r, "local.directions"), total(&perf_directions));
    let views = |series: &[usize]| -> f64 {
        series
            .iter()
            .map(|s| total(&|d| perf_impressions(d, *s)))
            .sum()
    };
    assert_eq!(value(r, "local.views"), views(&[0, 1, 2, 3]));
    assert_eq!(value(r, "local.views_maps"), views(&[0, 2]));
    assert_eq!(value(r, "local.views_search"), views(&[1, 3]));
    for id in ["local.calls", "local.website_clicks", "local.views"] {
        assert_eq!(kpi(r, id)["missing_days"], 0, "{id}");
    }
}

#[test]
fn full_fetch_pages_caches_and_renders_offline() {
    let server = ApiServer::start();
    let ws = workspace(&server, "");
    let o = run(ws.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path());
    assert_october_numbers(&r);
    // Paging: GA4 93 rows (31 days × 3 channels) at 40 a page → 3 requests per range;
    // Search Console 62 rows at 50 → 2; Business Profile ≥ 2 pages of 50; Meta windows of
    // 10 days → 4 for October; the generic API 7 records a page → 5 for October.
    let ga4 = server.requests("ga4");
    assert_eq!(ga4.len(), 6, "{ga4:#?}");
    assert_eq!(server.count("gsc"), 4);
    assert!(server.count("gbp") >= 4, "{}", server.count("gbp"));
    assert!(server.count("meta") >= 7, "{}", server.count("meta"));
    assert_eq!(server.count("http"), 10);
    assert_eq!(server.count("gbp_perf"), 2);
    // One token exchange for the whole run, reused by five Google sources.
    assert_eq!(server.count("token"), 1);
    for request in server.requests("meta") {
        assert_eq!(request.matches("access_token=").count(), 1, "{request}");
    }
    // The report names the snapshot of each range, and the snapshot holds no secret.
    let web = source(&r, "web");
    assert_eq!(web["kind"], "ga4");
    let fetched = web["fetched"].as_array().unwrap();
    assert_eq!(fetched.len(), 2);
    assert_eq!(fetched[0]["from_cache"], false);
    let snapshot = ws.path().join(fetched[0]["snapshot"].as_str().unwrap());
    assert!(
        snapshot.ends_with(".execreport/cache/live-co/web/2026-10-01_2026-10-31.json"),
        "{}",
        snapshot.display()
    );
    for entry in walk(&ws.path().join(".execreport")) {
        let text = std::fs::read_to_string(&entry).unwrap();
        for secret in [
            CLIENT_SECRET,
            REFRESH_TOKEN,
            DEVELOPER_TOKEN,
            META_TOKEN,
            EMAIL_KEY,
            "access-1",
        ] {
            assert!(!text.contains(secret), "{} holds {secret}", entry.display());
        }
    }

    // October and September have settled: a second run asks the APIs nothing.
    let before = server.total();
    let o = run(ws.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(server.total(), before);
    assert_eq!(
        source(&report(ws.path()), "web")["fetched"][0]["from_cache"],
        true
    );

    // --offline renders the same numbers with the server gone.
    drop(server);
    let o = run(ws.path(), &["--offline"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_october_numbers(&report(ws.path()));

    // Without a cache, --offline says what is missing and the report says "unavailable".
    std::fs::remove_dir_all(ws.path().join(".execreport/cache/live-co/seo")).unwrap();
    let o = run(ws.path(), &["--offline"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let seo = source(&report(ws.path()), "seo").clone();
    assert_eq!(seo["status"], "failed");
    // Why is the operator's to read, not the client's: stderr has it, the report does not.
    assert!(seo.get("error").is_none(), "{seo}");
    assert!(
        stderr(&o).contains("no cached data for 2026-10-01 to 2026-10-31"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("source seo unavailable"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn recent_days_are_fetched_again_until_they_settle() {
    let server = ApiServer::start();
    let ws = workspace(&server, "");
    // On 2 November, October is not final for Google Ads (3 days) or GA4 (2 days).
    let early = ["--now", "2026-11-02T03:00:00Z"];
    assert_eq!(run(ws.path(), &early).status.code(), Some(0));
    let ads = server.count("ads");
    assert_eq!(run(ws.path(), &early).status.code(), Some(0));
    assert_eq!(
        server.count("ads"),
        ads + 1,
        "October refetched, September from the cache"
    );
    // --refresh fetches everything again.
    let before = server.total();
    assert_eq!(run(ws.path(), &["--refresh"]).status.code(), Some(0));
    assert!(server.total() > before);
}

/// Replaces text in the workspace file.
fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join("execreport.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from:?} not in the workspace");
    std::fs::write(&path, text.replace(from, to)).unwrap();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Only one source, so faults are easy to aim.
fn only(server: &ApiServer, keep: &str) -> tempfile::TempDir {
    only_with(server, keep, "")
}

/// Only `keep`, which may be one of the sources in `extra` (lines of the client's `sources`).
fn only_with(server: &ApiServer, keep: &str, extra: &str) -> tempfile::TempDir {
    let ws = workspace(server, extra);
    let path = ws.path().join("execreport.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = String::new();
    let mut keeping = true;
    for line in text.lines() {
        if let Some(id) = line.trim_start().strip_prefix("- id: ")
            && line.starts_with("      - ")
        {
            keeping = id == keep;
        }
        if keeping {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(&path, out).unwrap();
    ws
}

#[test]
fn rate_limits_and_server_errors_are_retried() {
    let server = ApiServer::start();
    let ws = only(&server, "seo");
    server.fault(
        "gsc",
        Fault::Status {
            code: 429,
            body:
                r#"{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}"#
                    .into(),
            retry_after: Some("1".into()),
        },
    );
    server.fault(
        "gsc",
        Fault::status(
            500,
            r#"{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}"#,
        ),
    );
    let t = Instant::now();
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        t.elapsed() >= Duration::from_secs(1),
        "Retry-After honoured"
    );
    // 429, 500, then two pages.
    assert_eq!(server.count("gsc"), 4);
    assert_eq!(source(&report(ws.path()), "seo")["status"], "ok");
}

/// Business Profile performance: the documented request, zero days left out of the answer, a
/// quota error retried, an expired token refreshed once, and a permission error reported, not
/// retried.
#[test]
fn business_profile_performance_zero_days_quota_and_permission() {
    let server = ApiServer::start();
    *server.state.expire_first_token.lock().unwrap() = true;
    let ws = only(&server, "local");
    server.fault(
        "gbp_perf",
        Fault::status(
            429,
            r#"{"error":{"code":429,"message":"Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'","status":"RESOURCE_EXHAUSTED"}}"#,
        ),
    );
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // 429, then 401 with the expired token, then the answer with a new one.
    assert_eq!(
        server.count("gbp_perf"),
        3,
        "the 429 and the 401 are retried"
    );
    assert_eq!(server.count("token"), 2);
    let request = &server.requests("gbp_perf")[2];
    assert!(request.ends_with("Bearer access-2"), "{request}");
    assert!(
        request.contains("/v1/locations/4455667788:fetchMultiDailyMetricsTimeSeries?"),
        "{request}"
    );
    for metric in [
        "CALL_CLICKS",
        "WEBSITE_CLICKS",
        "BUSINESS_DIRECTION_REQUESTS",
        "BUSINESS_IMPRESSIONS_DESKTOP_MAPS",
        "BUSINESS_IMPRESSIONS_DESKTOP_SEARCH",
        "BUSINESS_IMPRESSIONS_MOBILE_MAPS",
        "BUSINESS_IMPRESSIONS_MOBILE_SEARCH",
    ] {
        assert!(
            request.contains(&format!("dailyMetrics={metric}&")),
            "{request}"
        );
    }
    assert!(
        request.contains("dailyRange.start_date.year=2026&dailyRange.start_date.month=10&dailyRange.start_date.day=1&dailyRange.end_date.year=2026&dailyRange.end_date.month=10&dailyRange.end_date.day=31 "),
        "{request}"
    );
    let r = report(ws.path());
    let oct = days("2026-10-01", "2026-10-31");
    // Four Mondays without calls (no value) and three days without website clicks (not listed
    // at all): zeros, not gaps.
    assert_eq!(oct.iter().filter(|d| perf_calls(**d) == 0).count(), 4);
    assert_eq!(
        oct.iter().filter(|d| perf_website_clicks(**d) == 0).count(),
        3
    );
    assert_local_numbers(&r, &oct);
    assert!(r["sections"].as_array().unwrap().contains(&"local".into()));
    let local = source(&r, "local");
    assert_eq!(local["kind"], "gbp_performance");
    assert_eq!(local["platform"], "Google Business Profile");

    // No access to the location: one request, the API's words and what to do about them.
    server.fault(
        "gbp_perf",
        Fault::status(
            403,
            r#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED"}}"#,
        ),
    );
    let before = server.count("gbp_perf");
    let o = run(ws.path(), &["--compare", "none", "--refresh"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert_eq!(server.count("gbp_perf"), before + 1, "a 403 is not retried");
    let err = stderr(&o);
    assert!(
        err.contains("HTTP 403 Forbidden: The caller does not have permission (the Google account behind the credentials needs access to location 4455667788"),
        "{err}"
    );
    assert!(
        !err.contains(REFRESH_TOKEN) && !err.contains("access-1"),
        "{err}"
    );
}

/// Days Business Profile has not processed yet are not in the answer: they are missing from
/// the report, not days without calls.
#[test]
fn business_profile_days_not_yet_answered_are_missing() {
    let server = ApiServer::start();
    *server.state.perf_through.lock().unwrap() = Some(day("2026-10-28"));
    let ws = only(&server, "local");
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path());
    let answered = days("2026-10-01", "2026-10-28");
    let calls: u32 = answered.iter().map(|d| perf_calls(*d)).sum();
    assert_eq!(value(&r, "local.calls"), f64::from(calls));
    assert_eq!(kpi(&r, "local.calls")["missing_days"], 3);
    let local = source(&r, "local");
    assert_eq!(local["missing_days"], 3, "{local}");
    assert_eq!(local["missing"][0]["start"], "2026-10-29", "{local}");
}

#[test]
fn client_errors_are_not_retried_and_name_the_request_without_secrets() {
    let server = ApiServer::start();
    let ws = only(&server, "email");
    // A wrong key: 403, no retry, the API's message in the report and on stderr.
    let o = run_with(ws.path(), &[], &[("T_EMAIL_KEY", "wrong-key-0000")]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert_eq!(server.count("http"), 1);
    let err = stderr(&o);
    assert!(err.contains("HTTP 403 Forbidden: bad API key"), "{err}");
    assert!(
        err.contains(&format!(
            "GET {}/email/stats?from=2026-10-01&to=2026-10-31",
            server.base
        )),
        "{err}"
    );
    assert!(!err.contains("wrong-key-0000"));
    let report = std::fs::read_to_string(ws.path().join("out/live-co/2026-10/report.json"));
    assert!(!report.unwrap().contains("bad API key"));
}

#[test]
fn an_expired_token_is_refreshed_once() {
    let server = ApiServer::start();
    *server.state.expire_first_token.lock().unwrap() = true;
    let ws = only(&server, "web");
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(server.count("token"), 2);
    let ga4 = server.requests("ga4");
    assert!(
        ga4[0].ends_with("Bearer access-1") && ga4[1].ends_with("Bearer access-2"),
        "{ga4:#?}"
    );
    assert_eq!(
        value(&report(ws.path()), "web.sessions"),
        days("2026-10-01", "2026-10-31")
            .iter()
            .flat_map(|d| (0..3).map(move |c| f64::from(ga4_sessions(*d, c))))
            .sum::<f64>()
    );
}

#[test]
fn a_revoked_refresh_token_fails_the_source_without_showing_secrets() {
    let server = ApiServer::start();
    let ws = only(&server, "web");
    std::fs::write(
        ws.path().join("secrets/refresh-token"),
        "revoked-refresh-token-1\n",
    )
    .unwrap();
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("refreshing the OAuth access token failed"),
        "{err}"
    );
    assert!(err.contains("Token has been expired or revoked."), "{err}");
    assert_eq!(
        server.count("token"),
        1,
        "a 400 from the token endpoint is not retried"
    );
    let r = std::fs::read_to_string(ws.path().join("out/live-co/2026-10/report.json")).unwrap();
    for secret in ["revoked-refresh-token-1", CLIENT_SECRET, CLIENT_ID] {
        assert!(
            !err.contains(secret) && !r.contains(secret),
            "{secret} leaked"
        );
    }
    // Marked required, the source fails the client's report.
    edit(ws.path(), "required: false", "required: true");
    let o = run(ws.path(), &["--compare", "none"]);
    expect_exit(&o, 3, "client live-co: required source \"web\" failed");
}

#[test]
fn timeouts_are_retried_then_reported() {
    let server = ApiServer::start();
    let ws = only(&server, "reviews");
    edit(
        ws.path(),
        "location: accounts/1/locations/2,",
        "location: accounts/1/locations/2, timeout_seconds: 1, retries: 1,",
    );
    server.fault("gbp", Fault::Delay(Duration::from_secs(3)));
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(value(&report(ws.path()), "reviews.new"), 32.0);
    // Two slow answers in a row exhaust the one retry.
    server.fault("gbp", Fault::Delay(Duration::from_secs(3)));
    server.fault("gbp", Fault::Delay(Duration::from_secs(3)));
    let o = run(ws.path(), &["--compare", "none", "--refresh"]);
    expect_exit(&o, 4, "timed out (gave up after 2 attempts)");
}

#[test]
fn malformed_json_fails_the_source_clearly() {
    let server = ApiServer::start();
    let ws = only(&server, "social");
    server.fault("meta", Fault::Garbage);
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("the response is not valid JSON"), "{err}");
    assert!(!err.contains(META_TOKEN), "{err}");
    assert_eq!(server.count("meta"), 1, "a broken body is not retried");
}

/// The sample workspace's Search Console and Business Profile sources: their shipped cache is
/// what the loopback server serves for the sources' settings. `UPDATE_SAMPLE_CACHE=1` rewrites the shipped snapshots.
#[test]
fn the_sample_cache_is_what_the_api_serves() {
    let server = ApiServer::start();
    let samples = common::repo().join("samples");
    let ws = common::sample_workspace(
        |yaml| {
            assert!(yaml.contains("base_url: \"http://127.0.0.1:8790\""));
            yaml.replace("http://127.0.0.1:8790", &server.base).replace(
                "              client_id: {env: TRATTORIA_GOOGLE_CLIENT_ID}",
                &format!(
                    "              client_id: {{env: TRATTORIA_GOOGLE_CLIENT_ID}}\n              token_url: \"{}/token\"",
                    server.base
                ),
            )
        },
        false,
    );
    let args = [
        "--client",
        "trattoria-da-luca",
        "--refresh",
        "--now",
        "2026-11-05T06:00:00Z",
    ];
    let o = run_with(
        ws.path(),
        &args,
        &[
            ("TRATTORIA_GOOGLE_CLIENT_ID", CLIENT_ID),
            ("TRATTORIA_GOOGLE_CLIENT_SECRET", CLIENT_SECRET),
            ("TRATTORIA_GOOGLE_REFRESH_TOKEN", REFRESH_TOKEN),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for source in ["seo", "business-profile"] {
        let fetched = ws
            .path()
            .join(".execreport/cache/trattoria-da-luca")
            .join(source);
        let shipped = samples
            .join(".execreport/cache/trattoria-da-luca")
            .join(source);
        for name in ["2026-10-01_2026-10-31.json", "2026-09-01_2026-09-30.json"] {
            let new = std::fs::read(fetched.join(name)).unwrap();
            if std::env::var_os("UPDATE_SAMPLE_CACHE").is_some() {
                std::fs::create_dir_all(&shipped).unwrap();
                std::fs::write(shipped.join(name), &new).unwrap();
            }
            let old = std::fs::read(shipped.join(name)).unwrap_or_default();
            assert!(
                old == new,
                "samples/.execreport/cache/…/{source}/{name} differs from what the API serves; rerun with UPDATE_SAMPLE_CACHE=1"
            );
        }
    }
    // The report reads the same numbers as the sample run, which uses the shipped cache.
    let r = serde_json::from_slice::<Value>(
        &std::fs::read(ws.path().join("out/trattoria-da-luca/2026-10/report.json")).unwrap(),
    )
    .unwrap();
    let oct = days("2026-10-01", "2026-10-31");
    let clicks: u32 = oct
        .iter()
        .flat_map(|d| (0..2).map(move |q| gsc_clicks(*d, q)))
        .sum();
    assert_eq!(value(&r, "seo.clicks"), f64::from(clicks));
    assert_local_numbers(&r, &oct);
}

/// A comparison overlapping the period: the shared days come from one snapshot, once.
#[test]
fn overlapping_ranges_are_counted_once() {
    let server = ApiServer::start();
    let ws = only(&server, "seo");
    let o = run(
        ws.path(),
        &["--period", "2025-10-01..2026-10-31", "--compare", "yoy"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let path = ws
        .path()
        .join("out/live-co/2025-10-01_2026-10-31/report.json");
    let r: Value = serde_json::from_slice(
        &std::fs::read(&path).unwrap_or_else(|_| panic!("{}", stdout_of(&o))),
    )
    .unwrap();
    let clicks = |start: &str, end: &str| -> f64 {
        days(start, end)
            .iter()
            .flat_map(|d| (0..2).map(move |q| f64::from(gsc_clicks(*d, q))))
            .sum()
    };
    assert_eq!(value(&r, "seo.clicks"), clicks("2025-10-01", "2026-10-31"));
    assert_eq!(
        kpi(&r, "seo.clicks")["previous"].as_f64().unwrap(),
        clicks("2024-10-01", "2025-10-31")
    );
}

fn stdout_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Only a Meta Ads source: ad account 1234567890 with `settings` added to its `api` and
/// `lines` (such as `dimensions`) to the source.
fn meta_ads_only(server: &ApiServer, settings: &str, lines: &str) -> tempfile::TempDir {
    let extra = format!(
        r#"      - id: meta-ads
        kind: meta_ads
        api: {{ object_id: act_1234567890, base_url: "{}", auth: {{ bearer: {{ env: T_META_TOKEN }} }}{settings} }}
        columns: {{ spend: ads.spend, impressions: ads.impressions, clicks: ads.clicks, conversions: ads.conversions, conversion_value: ads.conversion_value }}
        required: false
{lines}"#,
        server.base
    );
    only_with(server, "meta-ads", &extra)
}

/// Spend, clicks, conversions and their value over `ds`, from the server's formulas;
/// conversions of the types `purchase` and, with `leads`, `lead`.
fn meta_ads_sums(ds: &[NaiveDate], leads: bool) -> (f64, f64, f64, f64) {
    let (mut spend, mut clicks, mut conversions, mut value) = (0.0, 0.0, 0.0, 0.0);
    for d in ds {
        for c in 0..CAMPAIGNS.len() {
            spend += f64::from(meta_ads_spend_cents(*d, c)) / 100.0;
            clicks += f64::from(meta_ads_clicks(*d, c));
            let (p, l) = (meta_ads_purchases(*d, c), meta_ads_leads(*d, c));
            conversions += f64::from(p);
            value += f64::from(p) * META_PURCHASE_VALUE;
            if leads {
                conversions += f64::from(l);
                value += f64::from(l) * META_LEAD_VALUE;
            }
        }
    }
    (spend, clicks, conversions, value)
}

#[test]
fn meta_ads_campaign_rows_are_paged_retried_when_throttled_and_summed() {
    let server = ApiServer::start();
    let ws = meta_ads_only(
        &server,
        ", level: campaign, conversion_action_types: [purchase, lead]",
        "        dimensions: [campaign]\n",
    );
    // Meta throttles with HTTP 400 and a code (80004: too many calls to this ad account),
    // or with 429.
    server.fault(
        "meta_ads",
        Fault::status(
            400,
            r#"{"error":{"message":"(#80004) There have been too many calls to this ad-account. Wait a bit and try again.","type":"OAuthException","code":80004,"error_subcode":2446079,"fbtrace_id":"Ab12Throttle"}}"#,
        ),
    );
    server.fault(
        "meta_ads",
        Fault::status(429, r#"{"error":{"message":"(#17) User request limit reached","type":"OAuthException","code":17}}"#),
    );
    let o = run(ws.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Two throttled answers, then 62 rows of October and 60 of September at 25 a page.
    let requests = server.requests("meta_ads");
    assert_eq!(requests.len(), 2 + 3 + 3, "{requests:#?}");
    assert!(
        requests[0].contains("level=campaign")
            && requests[0].contains("time_increment=1")
            && requests[0].contains(
                "fields=action_values%2Cactions%2Ccampaign_name%2Cclicks%2Cimpressions%2Cspend"
            )
            && requests[0].contains(
                "time_range=%7B%22since%22%3A%222026-10-01%22%2C%22until%22%3A%222026-10-31%22%7D"
            ),
        "{}",
        requests[0]
    );
    // paging.next repeats the token: it is sent once, and the cursor is followed.
    for request in &requests {
        assert_eq!(request.matches("access_token=").count(), 1, "{request}");
    }
    assert!(requests[3].contains("after=25") && requests[4].contains("after=50"));
    let r = report(ws.path());
    assert_eq!(source(&r, "meta-ads")["status"], "ok");
    assert_eq!(source(&r, "meta-ads")["kind"], "meta_ads");
    let (spend, clicks, conversions, worth) =
        meta_ads_sums(&days("2026-10-01", "2026-10-31"), true);
    assert!(
        close(value(&r, "ads.spend"), spend),
        "{}",
        value(&r, "ads.spend")
    );
    assert_eq!(value(&r, "ads.clicks"), clicks);
    assert_eq!(value(&r, "ads.impressions"), clicks * 40.0);
    // `purchase` and `lead` only: neither `link_click` nor `omni_purchase` (the same
    // purchases again) is counted.
    assert_eq!(value(&r, "ads.conversions"), conversions);
    assert!(close(value(&r, "ads.conversion_value"), worth));
    assert!(close(value(&r, "ads.roas"), worth / spend));
    assert!(close(value(&r, "ads.cpa"), spend / conversions));
    let (previous, ..) = meta_ads_sums(&days("2026-09-01", "2026-09-30"), true);
    assert!(close(
        kpi(&r, "ads.spend")["previous"].as_f64().unwrap(),
        previous
    ));
}

#[test]
fn meta_ads_counts_purchases_by_default_and_an_expired_token_is_not_retried() {
    let server = ApiServer::start();
    let ws = meta_ads_only(&server, "", "");
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // 31 account rows: two pages.
    assert_eq!(server.count("meta_ads"), 2);
    assert!(server.requests("meta_ads")[0].contains("level=account"));
    let r = report(ws.path());
    let (spend, _, purchases, worth) = meta_ads_sums(&days("2026-10-01", "2026-10-31"), false);
    assert_eq!(value(&r, "ads.conversions"), purchases);
    assert!(close(value(&r, "ads.roas"), worth / spend));

    // Code 190: no retry can help; the message says what to do and shows no token.
    let o = run_with(
        ws.path(),
        &["--compare", "none", "--refresh"],
        &[("T_META_TOKEN", "expired-meta-token-42")],
    );
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    assert_eq!(server.count("meta_ads"), 3, "a 190 is not retried");
    let err = stderr(&o);
    assert!(
        err.contains("HTTP 400 Bad Request: Error validating access token"),
        "{err}"
    );
    assert!(
        err.contains("(Meta error 190, subcode 463, fbtrace_id AzQ9ExpiredTrace): the Meta access token is invalid or has expired; create a new one"),
        "{err}"
    );
    assert!(!err.contains("expired-meta-token-42"), "{err}");
}

#[test]
fn instagram_total_value_metrics_are_asked_for_a_day_at_a_time() {
    let server = ApiServer::start();
    let extra = format!(
        r#"      - id: instagram
        kind: meta
        api: {{ object_id: "5678", metric_type: total_value, base_url: "{}", auth: {{ bearer: {{ env: T_META_TOKEN }} }} }}
        columns: {{ views: social.impressions, total_interactions: social.engagements }}
        required: false
"#,
        server.base
    );
    let ws = only_with(&server, "instagram", &extra);
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let requests = server.requests("meta");
    assert_eq!(requests.len(), 31);
    assert!(
        requests[0].contains("metric=total_interactions%2Cviews")
            && requests[0].contains("metric_type=total_value")
            && requests[0].contains("since=2026-10-01&until=2026-10-02"),
        "{}",
        requests[0]
    );
    let oct = days("2026-10-01", "2026-10-31");
    let sum = |m: &str| oct.iter().map(|d| f64::from(ig_total(m, *d))).sum::<f64>();
    let r = report(ws.path());
    assert_eq!(value(&r, "social.impressions"), sum("views"));
    assert_eq!(value(&r, "social.engagements"), sum("total_interactions"));
    assert_eq!(kpi(&r, "social.engagements")["missing_days"], 0);
    assert!(close(
        value(&r, "social.engagement_rate"),
        sum("total_interactions") / sum("views")
    ));
}

/// Issue 17: Google Ads and Meta Ads both feed `ads.*`; the totals add the platforms up and
/// blend ROAS from the summed parts.
#[test]
fn google_ads_and_meta_ads_add_up_as_platforms() {
    let server = ApiServer::start();
    let extra = format!(
        r#"      - id: meta-ads
        kind: meta_ads
        api: {{ object_id: act_1234567890, base_url: "{}", auth: {{ bearer: {{ env: T_META_TOKEN }} }} }}
        columns: {{ spend: ads.spend, clicks: ads.clicks, conversions: ads.conversions, conversion_value: ads.conversion_value }}
        required: false
"#,
        server.base
    );
    let ws = workspace(&server, &extra);
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = report(ws.path());
    let oct = days("2026-10-01", "2026-10-31");
    let google_clicks: f64 = oct
        .iter()
        .flat_map(|d| (0..2).map(move |c| f64::from(ads_clicks(*d, c))))
        .sum();
    let google_conversions: f64 = oct
        .iter()
        .flat_map(|d| (0..2).map(move |c| f64::from(ads_conversions(*d, c))))
        .sum();
    let (google_spend, google_value) = (google_clicks * 1.25, google_conversions * 40.0);
    let (meta_spend, meta_clicks, meta_purchases, meta_value) = meta_ads_sums(&oct, false);
    assert!(close(value(&r, "ads.spend"), google_spend + meta_spend));
    assert_eq!(value(&r, "ads.clicks"), google_clicks + meta_clicks);
    assert_eq!(
        value(&r, "ads.conversions"),
        google_conversions + meta_purchases
    );
    assert!(close(
        value(&r, "ads.roas"),
        (google_value + meta_value) / (google_spend + meta_spend)
    ));
    let platform = |id: &str| -> f64 {
        kpi(&r, "ads.spend")["by_platform"]
            .as_array()
            .unwrap_or_else(|| panic!("no by_platform"))
            .iter()
            .find(|p| p["platform"] == id)
            .unwrap_or_else(|| panic!("no {id}"))["value"]
            .as_f64()
            .unwrap()
    };
    assert!(close(platform("meta_ads"), meta_spend));
    assert!(close(platform("google_ads"), google_spend));
    assert_eq!(source(&r, "meta-ads")["platform"], "Meta Ads");
}

/// Google Ads `searchStream` answers errors as an array; a 429's `RetryInfo` delay in it
/// (no `Retry-After`) is waited for, and a query error names the field the failure names.
#[test]
fn google_ads_stream_errors_give_their_delay_and_field() {
    let server = ApiServer::start();
    let ws = only(&server, "ads");
    let throttled = r#"[{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED",
        "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
          "errors": [{"errorCode": {"quotaError": "RESOURCE_TEMPORARILY_EXHAUSTED"}, "message": "Too many requests. Retry in 2.5 seconds.",
            "details": {"quotaErrorDetails": {"rateScope": "DEVELOPER", "rateName": "Number of operations for basic access", "retryDelay": "2.500s"}}}],
          "requestId": "Xyz1"},
          {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2.500s"}]}}]"#;
    server.fault("ads", Fault::status(429, throttled));
    let t = Instant::now();
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        t.elapsed() >= Duration::from_millis(2500),
        "RetryInfo honoured: {:?}",
        t.elapsed()
    );
    assert_eq!(server.count("ads"), 2);
    assert_eq!(source(&report(ws.path()), "ads")["status"], "ok");

    let query = r#"[{"error": {"code": 400, "message": "Request contains an invalid argument.", "status": "INVALID_ARGUMENT",
        "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
          "errors": [{"errorCode": {"queryError": "UNRECOGNIZED_FIELD"}, "message": "Unrecognized field in the query: 'metrics.click'.",
            "location": {"fieldPathElements": [{"fieldName": "query"}]}}], "requestId": "Xyz2"}]}}]"#;
    server.fault("ads", Fault::status(400, query));
    let o = run(ws.path(), &["--compare", "none", "--refresh"]);
    let err = stderr(&o);
    assert!(
        err.contains("Unrecognized field in the query: 'metrics.click'. (field query; queryError UNRECOGNIZED_FIELD)"),
        "{err}"
    );
    assert_eq!(server.count("ads"), 3, "a query error is not retried");
}

/// Meta's usage headers at 95 % space the requests out (0.8 s apart).
#[test]
fn meta_usage_near_the_limit_paces_requests() {
    let server = ApiServer::start();
    let ws = only(&server, "social");
    *server.state.meta_usage.lock().unwrap() = Some(
        r#"{"1234":[{"type":"pages","call_count":95,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":0}]}"#
            .into(),
    );
    let o = run(ws.path(), &["--compare", "none"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Meta object 1234: near its limit, one request every 0.8 s"),
        "{}",
        stderr(&o)
    );
    let arrivals = server.state.arrivals.lock().unwrap()["meta"].clone();
    assert!(arrivals.len() >= 3, "{}", arrivals.len());
    for pair in arrivals.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= Duration::from_millis(750), "{gap:?}");
    }
    assert_eq!(source(&report(ws.path()), "social")["status"], "ok");
}
