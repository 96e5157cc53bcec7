//! `execreport connect`: the OAuth 2.0 loopback flow with PKCE against a loopback server
//! playing Google's authorization and token endpoints
//! (<https://developers.google.com/identity/protocols/oauth2/native-app>); the test follows the
//! consent URL as a browser would.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use sha2::Digest as _;

use crate::common::{execreport, stderr};
use execreport::config::Workspace;
use execreport::config::api::{AuthConfig, SecretRef};

const CLIENT_ID: &str = "1234-test.apps.googleusercontent.com";
const CLIENT_SECRET: &str = "GOCSPX-test-client-secret";
const REFRESH_TOKEN: &str = "1//0gREFRESH-token-never-printed";
const ACCESS_TOKEN: &str = "ya29.access-token-never-printed";
const CODE: &str = "4/0AUTH-code";

/// What the consent page does once the user has answered.
#[derive(Clone, Copy)]
enum Consent {
    Allow,
    /// Redirects with another request's state.
    ForgedState,
    Deny,
}

/// A loopback server: each request's method line, path and parameters (the query, or a POST's
/// form) go to `answer`, whose reply is sent as it is. Every method line is logged.
fn serve(
    mut answer: impl FnMut(&str, &str, &HashMap<String, String>) -> String + Send + 'static,
) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut length = 0;
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                if h.trim().is_empty() {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let target = line.split_whitespace().nth(1).unwrap().to_string();
            log.lock().unwrap().push(line.trim().to_string());
            let url = url::Url::parse(&format!("http://x{target}")).unwrap();
            let params: HashMap<String, String> = if line.starts_with("POST") {
                url::form_urlencoded::parse(&body).into_owned().collect()
            } else {
                url.query_pairs().into_owned().collect()
            };
            if let Some(scope) = params.get("scope") {
                log.lock().unwrap().push(format!("scope={scope}"));
            }
            let reply = answer(line.trim(), url.path(), &params);
            stream.write_all(reply.as_bytes()).unwrap();
        }
    });
    (base, seen)
}

fn json_reply(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

const NOT_FOUND: &str = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";

/// The consent page's answer: a redirect to the app's redirect URI.
fn consent_redirect(consent: Consent, query: &HashMap<String, String>) -> String {
    let redirect = &query["redirect_uri"];
    let state = &query["state"];
    let location = match consent {
        Consent::Allow => format!("{redirect}?code={CODE}&state={state}"),
        Consent::ForgedState => format!("{redirect}?code={CODE}&state=someone-elses"),
        Consent::Deny => format!(
            "{redirect}?error=access_denied&error_description=The+user+denied&state={state}"
        ),
    };
    format!("HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n")
}

/// Whether a token request's PKCE verifier matches the consent request's challenge.
fn pkce_holds(challenge: &str, params: &HashMap<String, String>) -> bool {
    let verifier = params.get("code_verifier").cloned().unwrap_or_default();
    let s256 = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    verifier.len() >= 43 && s256 == challenge
}

/// Google's endpoints on loopback: `/auth` checks the request and redirects to the app's
/// redirect URI; `/token` checks the code, the redirect URI and the PKCE verifier.
fn google(consent: Consent) -> (String, Arc<Mutex<Vec<String>>>) {
    let (mut challenge, mut redirect) = (String::new(), String::new());
    serve(move |_, path, query| match path {
        "/auth" => {
            let ok = query["client_id"] == CLIENT_ID
                && query["response_type"] == "code"
                && query["code_challenge_method"] == "S256"
                && query["access_type"] == "offline"
                && query["redirect_uri"].starts_with("http://127.0.0.1:");
            if !ok {
                return "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".to_string();
            }
            challenge = query["code_challenge"].clone();
            redirect = query["redirect_uri"].clone();
            consent_redirect(consent, query)
        }
        "/token" => {
            let ok = query["grant_type"] == "authorization_code"
                && query["code"] == CODE
                && query["client_id"] == CLIENT_ID
                && query["client_secret"] == CLIENT_SECRET
                && query["redirect_uri"] == redirect
                && pkce_holds(&challenge, query);
            if ok {
                json_reply(
                    "200 OK",
                    &format!(
                        r#"{{"access_token":"{ACCESS_TOKEN}","expires_in":3599,"refresh_token":"{REFRESH_TOKEN}","scope":"x","token_type":"Bearer"}}"#
                    ),
                )
            } else {
                json_reply(
                    "400 Bad Request",
                    r#"{"error":"invalid_grant","error_description":"Bad Request"}"#,
                )
            }
        }
        _ => NOT_FOUND.to_string(),
    })
}

/// A new workspace (`init`) whose client has a GA4 source without credentials and a Search
/// Console source whose refresh token is an environment variable.
fn workspace() -> tempfile::TempDir {
    workspace_with(
        r#"      # GA4: `execreport connect google --client acme` gives it its credentials.
      - id: analytics
        kind: ga4
        api:
          property: "123456"
        columns:
          engagedSessions: web.engaged_sessions
        required: false
      - id: seo
        kind: search_console
        api:
          site_url: "https://acme.example/"
          auth:
            google_oauth:
              client_id: {env: EXECREPORT_GOOGLE_CLIENT_ID}
              client_secret: {env: EXECREPORT_GOOGLE_CLIENT_SECRET}
              refresh_token: {env: ACME_OLD_TOKEN}   # pasted from the OAuth playground
        columns:
          clicks: seo.clicks
        required: false
"#,
    )
}

/// A new workspace (`init`) whose one client, Acme, has these sources added.
fn workspace_with(sources: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let o = execreport(tmp.path(), &["init", "-y", "--client", "Acme"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let path = tmp.path().join("execreport.yaml");
    let mut yaml = std::fs::read_to_string(&path).unwrap();
    yaml.push_str(sources);
    std::fs::write(&path, yaml).unwrap();
    tmp
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    /// What the browser showed after the redirect.
    page: String,
}

/// Runs `connect google --client acme`, follows the consent URL it prints as a browser would
/// (GET, then the redirect to 127.0.0.1), and waits for it to end.
fn connect(dir: &Path, base: &str) -> Run {
    connect_to("google", dir, base)
}

/// `connect PLATFORM --client acme` against the endpoints at `base`.
fn connect_to(platform: &str, dir: &Path, base: &str) -> Run {
    let env = platform.to_ascii_uppercase();
    let mut child = Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args([
            "connect",
            platform,
            "--client",
            "acme",
            "--no-browser",
            "--timeout",
            "60",
        ])
        .current_dir(dir)
        .env_remove("EXECREPORT_CONFIG")
        .env(
            format!("EXECREPORT_{env}_AUTHORIZE_URL"),
            format!("{base}/auth"),
        )
        .env(
            format!("EXECREPORT_{env}_TOKEN_URL"),
            format!("{base}/token"),
        )
        .env(format!("EXECREPORT_{env}_CLIENT_ID"), CLIENT_ID)
        .env(format!("EXECREPORT_{env}_CLIENT_SECRET"), CLIENT_SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut stderr = String::new();
    let url = loop {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "no URL: {stderr}");
        stderr.push_str(&line);
        if let Some(url) = line.trim().strip_prefix(&format!("{base}/auth?")) {
            break format!("{base}/auth?{url}");
        }
    };
    let page = reqwest::blocking::get(&url).unwrap().text().unwrap();
    let out = child.wait_with_output().unwrap();
    err.read_to_string(&mut stderr).unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
        page,
    }
}

#[test]
fn connect_stores_the_refresh_token_0600_and_points_the_sources_at_it() {
    let (base, seen) = google(Consent::Allow);
    let ws = workspace();
    let dir = ws.path();
    let before = std::fs::read_to_string(dir.join("execreport.yaml")).unwrap();
    let run = connect(dir, &base);
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    assert!(run.page.contains("You can close this tab"), "{}", run.page);
    for secret in [REFRESH_TOKEN, ACCESS_TOKEN, CLIENT_SECRET, CODE] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret} printed:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    // One consent for both Google sources: their scopes, and no others.
    let scope = seen
        .lock()
        .unwrap()
        .iter()
        .find_map(|l| l.strip_prefix("scope=").map(String::from))
        .unwrap();
    assert!(
        scope.contains("auth/analytics.readonly") && scope.contains("auth/webmasters.readonly")
    );
    assert!(!scope.contains("adwords"), "{scope}");

    let token = dir.join("secrets/acme-google.token");
    assert_eq!(
        std::fs::read_to_string(&token).unwrap(),
        format!("{REFRESH_TOKEN}\n")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&token).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/secrets/"));

    // The edit: both sources read the file; comments and everything else are as they were.
    let after = std::fs::read_to_string(dir.join("execreport.yaml")).unwrap();
    assert!(after.contains("# GA4: `execreport connect google --client acme` gives it"));
    assert!(after.contains("# Daily website analytics"));
    assert!(!after.contains("ACME_OLD_TOKEN"));
    assert_eq!(after.lines().count(), before.lines().count() + 5);
    let loaded = Workspace::load(&dir.join("execreport.yaml")).unwrap();
    let client = loaded.client("acme").unwrap();
    for id in ["analytics", "seo"] {
        let source = client
            .config
            .sources
            .iter()
            .find(|s| s.id.as_str() == id)
            .unwrap();
        match source.api.as_ref().unwrap().auth.as_ref().unwrap() {
            AuthConfig::GoogleOauth(g) => {
                assert_eq!(
                    g.refresh_token,
                    SecretRef::File("secrets/acme-google.token".into())
                );
                assert_eq!(
                    g.client_id,
                    SecretRef::Env("EXECREPORT_GOOGLE_CLIENT_ID".into())
                );
            }
            _ => panic!("source {id}: not google_oauth"),
        }
    }
}

#[test]
fn a_redirect_with_another_state_stores_nothing() {
    let (base, _) = google(Consent::ForgedState);
    let ws = workspace();
    let before = std::fs::read_to_string(ws.path().join("execreport.yaml")).unwrap();
    let run = connect(ws.path(), &base);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("state does not match"),
        "{}",
        run.stderr
    );
    assert!(run.page.contains("did not receive"), "{}", run.page);
    assert!(!ws.path().join("secrets/acme-google.token").exists());
    assert_eq!(
        std::fs::read_to_string(ws.path().join("execreport.yaml")).unwrap(),
        before
    );
}

#[test]
fn a_refused_consent_says_so_and_stores_nothing() {
    let (base, _) = google(Consent::Deny);
    let ws = workspace();
    let run = connect(ws.path(), &base);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("consent was not given (access_denied: The user denied)"),
        "{}",
        run.stderr
    );
    assert!(!ws.path().join("secrets").exists());
}

#[test]
fn connect_names_the_app_credentials_it_lacks() {
    let ws = workspace();
    let o = Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(["connect", "google", "--client", "acme", "--no-browser"])
        .current_dir(ws.path())
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("EXECREPORT_GOOGLE_CLIENT_ID")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("EXECREPORT_GOOGLE_CLIENT_ID is not set"),
        "{err}"
    );
    let o = execreport(ws.path(), &["connect", "tiktok", "--client", "acme"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("meta, linkedin, microsoft"));
}

const LONG_LIVED: &str = "EAAlong-lived-token-never-printed";

/// Meta's endpoints on loopback, as Facebook Login's manual flow documents them: the dialog
/// redirects with a code; `/token` exchanges the code for a short-lived user token (no refresh
/// token), then `grant_type=fb_exchange_token` exchanges that for a long-lived one. A bad request
/// gets Meta's error object (`{"error": {"message", "type", "code", "fbtrace_id"}}`).
fn meta(code_valid: bool) -> (String, Arc<Mutex<Vec<String>>>) {
    let mut challenge = String::new();
    serve(move |_, path, query| match path {
        "/auth" => {
            challenge = query["code_challenge"].clone();
            consent_redirect(Consent::Allow, query)
        }
        "/token" if query.get("grant_type").map(String::as_str) == Some("fb_exchange_token") => {
            if query["fb_exchange_token"] == ACCESS_TOKEN && query["client_secret"] == CLIENT_SECRET
            {
                json_reply(
                    "200 OK",
                    &format!(
                        r#"{{"access_token":"{LONG_LIVED}","token_type":"bearer","expires_in":5183944}}"#
                    ),
                )
            } else {
                json_reply(
                    "400 Bad Request",
                    r#"{"error":{"message":"Invalid OAuth access token.","type":"OAuthException","code":190,"fbtrace_id":"AbC"}}"#,
                )
            }
        }
        "/token" => {
            if code_valid && query["code"] == CODE && pkce_holds(&challenge, query) {
                json_reply(
                    "200 OK",
                    &format!(
                        r#"{{"access_token":"{ACCESS_TOKEN}","token_type":"bearer","expires_in":5183}}"#
                    ),
                )
            } else {
                json_reply(
                    "400 Bad Request",
                    r#"{"error":{"message":"Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request","type":"OAuthException","code":100,"error_subcode":36008,"fbtrace_id":"AbC"}}"#,
                )
            }
        }
        _ => NOT_FOUND.to_string(),
    })
}

/// A workspace whose client reads an Instagram account through a Meta source.
fn meta_workspace() -> tempfile::TempDir {
    workspace_with(
        r#"      - id: instagram
        kind: meta
        api:
          object_id: "17841400000000000"
          metric_type: total_value
          auth: {bearer: {env: ACME_META_TOKEN}}
        columns: {views: social.impressions}
        required: false
"#,
    )
}

#[test]
fn connect_meta_keeps_a_long_lived_token_in_place_of_a_refresh_token() {
    let (base, seen) = meta(true);
    let ws = meta_workspace();
    let dir = ws.path();
    let run = connect_to("meta", dir, &base);
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    for secret in [LONG_LIVED, ACCESS_TOKEN, CLIENT_SECRET, CODE] {
        assert!(
            !run.stdout.contains(secret) && !run.stderr.contains(secret),
            "{secret} printed:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
    // Instagram's read scopes were asked for, and the short-lived token was exchanged.
    let seen = seen.lock().unwrap().join("\n");
    // Meta's login dialog takes its permissions comma-separated.
    assert!(
        seen.contains("scope=pages_show_list,pages_read_engagement,read_insights"),
        "{seen}"
    );
    assert!(seen.contains("instagram_manage_insights"), "{seen}");
    assert!(!seen.contains("ads_read"), "{seen}");
    let token = dir.join("secrets/acme-meta.token");
    assert_eq!(
        std::fs::read_to_string(&token).unwrap(),
        format!("{LONG_LIVED}\n")
    );
    let loaded = Workspace::load(&dir.join("execreport.yaml")).unwrap();
    let client = loaded.client("acme").unwrap();
    let source = client
        .config
        .sources
        .iter()
        .find(|s| s.id.as_str() == "instagram")
        .unwrap();
    match source.api.as_ref().unwrap().auth.as_ref().unwrap() {
        AuthConfig::Bearer(r) => assert_eq!(*r, SecretRef::File("secrets/acme-meta.token".into())),
        other => panic!("not a bearer token: {other:?}"),
    }
}

#[test]
fn a_meta_error_names_what_meta_said_and_stores_nothing() {
    let (base, _) = meta(false);
    let ws = meta_workspace();
    let before = std::fs::read_to_string(ws.path().join("execreport.yaml")).unwrap();
    let run = connect_to("meta", ws.path(), &base);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("Error validating verification code"),
        "{}",
        run.stderr
    );
    assert!(!ws.path().join("secrets/acme-meta.token").exists());
    assert_eq!(
        std::fs::read_to_string(ws.path().join("execreport.yaml")).unwrap(),
        before
    );
}
