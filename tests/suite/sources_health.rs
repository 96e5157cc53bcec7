//! `execreport sources test`: each live source tried with a one-day request against the
//! loopback server the live tests use, and its health said per source.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::api_server::*;
use crate::common::stdout;

/// Two Google sources sharing one refresh token (a file) and a Meta Page (an env variable).
fn workspace(server: &ApiServer, refresh_token: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base = &server.base;
    let google = format!(
        "google_oauth: {{ client_id: {{ env: T_CLIENT_ID }}, client_secret: {{ env: T_CLIENT_SECRET }}, refresh_token: {{ file: secrets/live-co-google.token }}, token_url: \"{base}/token\" }}"
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
        api: {{ property: "123456", base_url: "{base}", retries: 0, auth: {{ {google} }} }}
        dimensions: [sessionDefaultChannelGroup]
        columns: {{ sessions: web.sessions }}
      - id: seo
        kind: search_console
        api: {{ site_url: "https://live.example/", base_url: "{base}", retries: 0, auth: {{ {google} }} }}
        dimensions: [query]
        columns: {{ clicks: seo.clicks }}
      - id: social
        kind: meta
        api: {{ object_id: "1234", base_url: "{base}", retries: 0, auth: {{ bearer: {{ env: T_META_TOKEN }} }} }}
        columns: {{ page_follows: social.followers }}
"#
    );
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    std::fs::create_dir_all(dir.path().join("secrets")).unwrap();
    std::fs::write(
        dir.path().join("secrets/live-co-google.token"),
        format!("{refresh_token}\n"),
    )
    .unwrap();
    dir
}

fn sources_test(dir: &Path, meta_token: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_execreport"));
    cmd.args(["sources", "test", "--now", "2026-11-26T03:00:00Z"])
        .current_dir(dir)
        .env("T_CLIENT_ID", CLIENT_ID)
        .env("T_CLIENT_SECRET", CLIENT_SECRET)
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("T_META_TOKEN");
    if let Some(token) = meta_token {
        cmd.env("T_META_TOKEN", token);
    }
    cmd.output().unwrap()
}

/// The line of `source`: its health word and the rest.
fn line<'a>(out: &'a str, source: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(&format!("live-co  {source}  ")))
        .unwrap_or_else(|| panic!("no line for {source}: {out}"))
}

#[test]
fn healthy_sources_are_ok_after_one_days_request_each() {
    let server = ApiServer::start();
    let ws = workspace(&server, REFRESH_TOKEN);
    let o = sources_test(ws.path(), Some(META_TOKEN));
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    for source in ["web", "seo", "social"] {
        assert!(line(&out, source).contains(" ok "), "{out}");
        assert!(line(&out, source).contains("2026-11-25"), "{out}");
    }
    // One day: yesterday in Tokyo.
    let ga4 = server.requests("ga4");
    assert_eq!(ga4.len(), 1, "{ga4:?}");
}

#[test]
fn a_revoked_refresh_token_is_expired_with_the_connect_command_that_fixes_it() {
    let server = ApiServer::start();
    let ws = workspace(&server, "revoked-refresh-token-000");
    let o = sources_test(ws.path(), Some(META_TOKEN));
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    for source in ["web", "seo"] {
        let l = line(&out, source);
        assert!(l.contains(" expired "), "{l}");
        assert!(
            l.contains(&format!(
                "execreport connect google --client live-co --source {source}"
            )),
            "{l}"
        );
        assert!(!l.contains("revoked-refresh-token-000"), "{l}");
    }
    assert!(line(&out, "social").contains(" ok "), "{out}");
}

#[test]
fn forbidden_quota_missing_and_expired_meta_credentials_are_told_apart() {
    let server = ApiServer::start();
    let ws = workspace(&server, REFRESH_TOKEN);
    // <https://developers.google.com/analytics/devguides/reporting/data/v1/errors>
    server.fault(
        "ga4",
        Fault::status(
            403,
            r#"{"error": {"code": 403, "message": "User does not have sufficient permissions for this property.", "status": "PERMISSION_DENIED"}}"#,
        ),
    );
    server.fault(
        "gsc",
        Fault::status(
            429,
            r#"{"error": {"code": 429, "message": "Search Analytics load quota exceeded.", "status": "RESOURCE_EXHAUSTED"}}"#,
        ),
    );
    let o = sources_test(ws.path(), None);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(line(&out, "web").contains(" forbidden "), "{out}");
    assert!(line(&out, "seo").contains(" quota "), "{out}");
    let social = line(&out, "social");
    assert!(
        social.contains(" no_credentials ") && social.contains("T_META_TOKEN"),
        "{out}"
    );
    assert!(social.contains("execreport connect meta --client live-co --source social"));

    // An expired Meta token (error 190) is expired.
    let o = sources_test(ws.path(), Some("stale-meta-token-123"));
    let out = stdout(&o);
    assert!(line(&out, "social").contains(" expired "), "{out}");
    assert!(!out.contains("stale-meta-token-123"), "{out}");
}
