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

/// `batch --period 2026-10` on the workspace (the Meta token given), with extra environment.
fn batch(dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_execreport"));
    cmd.args([
        "batch",
        "--period",
        "2026-10",
        "--now",
        "2026-11-26T03:00:00Z",
    ])
    .current_dir(dir)
    .env("T_CLIENT_ID", CLIENT_ID)
    .env("T_CLIENT_SECRET", CLIENT_SECRET)
    .env("T_META_TOKEN", META_TOKEN)
    .env_remove("EXECREPORT_CONFIG");
    cmd.envs(env.iter().copied());
    cmd.output().unwrap()
}

fn status(dir: &Path, json: bool, env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_execreport"));
    cmd.arg("status")
        .args(json.then_some("--json"))
        .current_dir(dir)
        .env_remove("EXECREPORT_CONFIG");
    cmd.envs(env.iter().copied());
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    stdout(&o)
}

/// An expired refresh token found by a batch: in its summary, in `status` and `status
/// --json` with the command that fixes it; once reconnected, the next batch clears it.
fn expired_token_is_recorded_and_shown(env: &[(&str, &str)], yaml_extra: &str) {
    let server = ApiServer::start();
    let ws = workspace(&server, "revoked-refresh-token-000");
    let dir = ws.path();
    if !yaml_extra.is_empty() {
        let path = dir.join("execreport.yaml");
        let yaml = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{yaml}{yaml_extra}")).unwrap();
    }
    let o = batch(dir, env);
    let err = crate::common::stderr(&o);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("Sources needing attention:"), "{err}");
    assert!(
        err.contains("live-co web: expired")
            && err.contains("fix: execreport connect google --client live-co --source web"),
        "{err}"
    );
    let text = status(dir, false, env);
    assert!(text.contains("Sources needing attention"), "{text}");
    assert!(text.contains("live-co web: expired"), "{text}");
    assert!(
        text.contains("fix: execreport connect google --client live-co --source web"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&status(dir, true, env)).unwrap();
    let web = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "web")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(web["health"], "expired", "{json}");
    assert_eq!(web["client"], "live-co");
    assert_eq!(web["period"], "2026-10");
    for out in [&err, &text, &json.to_string()] {
        assert!(!out.contains("revoked-refresh-token-000"), "{out}");
        assert!(!out.contains(CLIENT_SECRET), "{out}");
    }

    // Reconnected: the next batch finds every source ok, and nothing needs attention.
    std::fs::write(dir.join("secrets/live-co-google.token"), REFRESH_TOKEN).unwrap();
    let o = batch(dir, env);
    let err = crate::common::stderr(&o);
    assert!(!err.contains("Sources needing attention"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&status(dir, true, env)).unwrap();
    let health: Vec<(&str, &str)> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap(), s["health"].as_str().unwrap()))
        .collect();
    assert_eq!(
        health,
        [("seo", "ok"), ("social", "ok"), ("web", "ok")],
        "{json}"
    );
    assert!(!status(dir, false, env).contains("Sources needing attention"));
}

#[test]
fn a_batch_records_an_expired_source_and_status_shows_it_with_its_fix() {
    expired_token_is_recorded_and_shown(&[], "");
}

#[test]
fn source_health_is_recorded_the_same_way_on_the_shared_postgresql_ledger() {
    let pg = crate::shared_ledger::Postgres::start();
    let url = pg.url();
    expired_token_is_recorded_and_shown(
        &[("T_LEDGER_URL", &url)],
        "ledger: { url: { env: T_LEDGER_URL } }\n",
    );
}
