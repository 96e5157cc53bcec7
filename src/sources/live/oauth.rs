//! Obtaining a platform's long-lived credential once (`execreport connect`): OAuth 2.0 for
//! installed apps (RFC 8252) with a loopback redirect on 127.0.0.1 and PKCE (RFC 7636, S256).
//! The consent page redirects the browser to our one-shot listener; its `state` must be ours,
//! and the code is exchanged with the verifier only this process knows.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use base64::Engine as _;
use sha2::Digest as _;
use url::Url;

use super::secrets::{Redactor, Secret};
use crate::config::schema::SourceKind;

/// The platforms `connect` knows: endpoints and scopes in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OAuthPlatform {
    /// GA4, Google Ads, Search Console, Business Profile and YouTube Analytics share one consent.
    Google,
    Meta,
    Linkedin,
    Microsoft,
}

/// What the token endpoint's answer gives to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// A refresh token (Google, LinkedIn, Microsoft with `offline_access`).
    RefreshToken,
    /// Meta has no refresh tokens: its short-lived user token is exchanged for a long-lived one
    /// (about 60 days).
    LongLivedAccessToken,
}

impl OAuthPlatform {
    pub const ALL: [OAuthPlatform; 4] = [
        OAuthPlatform::Google,
        OAuthPlatform::Meta,
        OAuthPlatform::Linkedin,
        OAuthPlatform::Microsoft,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OAuthPlatform::Google => "google",
            OAuthPlatform::Meta => "meta",
            OAuthPlatform::Linkedin => "linkedin",
            OAuthPlatform::Microsoft => "microsoft",
        }
    }

    /// The environment variables' middle part: `EXECREPORT_GOOGLE_CLIENT_ID`.
    pub fn env_name(self) -> &'static str {
        match self {
            OAuthPlatform::Google => "GOOGLE",
            OAuthPlatform::Meta => "META",
            OAuthPlatform::Linkedin => "LINKEDIN",
            OAuthPlatform::Microsoft => "MICROSOFT",
        }
    }

    fn default_authorize_url(self) -> &'static str {
        match self {
            OAuthPlatform::Google => "https://accounts.google.com/o/oauth2/v2/auth",
            OAuthPlatform::Meta => "https://www.facebook.com/v25.0/dialog/oauth",
            OAuthPlatform::Linkedin => "https://www.linkedin.com/oauth/v2/authorization",
            OAuthPlatform::Microsoft => {
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
            }
        }
    }

    fn default_token_url(self) -> &'static str {
        match self {
            OAuthPlatform::Google => super::auth::GOOGLE_TOKEN_URL,
            OAuthPlatform::Meta => "https://graph.facebook.com/v25.0/oauth/access_token",
            OAuthPlatform::Linkedin => "https://www.linkedin.com/oauth/v2/accessToken",
            OAuthPlatform::Microsoft => {
                "https://login.microsoftonline.com/common/oauth2/v2.0/token"
            }
        }
    }

    /// The authorization endpoint; `EXECREPORT_<PLATFORM>_AUTHORIZE_URL` overrides it (for
    /// tests and proxies, as `base_url` does for the APIs).
    pub fn authorize_url(self) -> String {
        std::env::var(format!("EXECREPORT_{}_AUTHORIZE_URL", self.env_name()))
            .unwrap_or_else(|_| self.default_authorize_url().to_string())
    }

    /// The token endpoint; `EXECREPORT_<PLATFORM>_TOKEN_URL` overrides it.
    pub fn token_url(self) -> String {
        std::env::var(format!("EXECREPORT_{}_TOKEN_URL", self.env_name()))
            .unwrap_or_else(|_| self.default_token_url().to_string())
    }

    /// Meta's login dialog takes a comma-separated list of permissions; the others follow
    /// RFC 6749's space-separated scope.
    fn scope_separator(self) -> &'static str {
        match self {
            OAuthPlatform::Meta => ",",
            _ => " ",
        }
    }

    pub fn kept(self) -> Kept {
        match self {
            OAuthPlatform::Meta => Kept::LongLivedAccessToken,
            _ => Kept::RefreshToken,
        }
    }

    /// The platform whose credential a source kind reads, if any.
    pub fn of_kind(kind: SourceKind) -> Option<Self> {
        match kind {
            SourceKind::Ga4
            | SourceKind::GoogleAds
            | SourceKind::SearchConsole
            | SourceKind::GbpReviews
            | SourceKind::GbpPerformance
            | SourceKind::YoutubeAnalytics => Some(OAuthPlatform::Google),
            SourceKind::Meta | SourceKind::MetaAds => Some(OAuthPlatform::Meta),
            SourceKind::LinkedinAds => Some(OAuthPlatform::Linkedin),
            SourceKind::MicrosoftAds => Some(OAuthPlatform::Microsoft),
            _ => None,
        }
    }

    /// The scopes to ask for the given source kinds (all the platform's when none is given):
    /// read-only wherever the platform has such a scope.
    pub fn scopes(self, kinds: &[SourceKind]) -> Vec<&'static str> {
        let all = kinds.is_empty();
        let wants = |k: SourceKind| all || kinds.contains(&k);
        let mut scopes = Vec::new();
        match self {
            OAuthPlatform::Google => {
                if wants(SourceKind::Ga4) {
                    scopes.push("https://www.googleapis.com/auth/analytics.readonly");
                }
                if wants(SourceKind::GoogleAds) {
                    scopes.push("https://www.googleapis.com/auth/adwords");
                }
                if wants(SourceKind::SearchConsole) {
                    scopes.push("https://www.googleapis.com/auth/webmasters.readonly");
                }
                if wants(SourceKind::GbpReviews) || wants(SourceKind::GbpPerformance) {
                    scopes.push("https://www.googleapis.com/auth/business.manage");
                }
                if wants(SourceKind::YoutubeAnalytics) {
                    scopes.push("https://www.googleapis.com/auth/yt-analytics.readonly");
                }
            }
            OAuthPlatform::Meta => {
                if wants(SourceKind::MetaAds) {
                    scopes.push("ads_read");
                }
                if wants(SourceKind::Meta) {
                    scopes.extend([
                        "pages_show_list",
                        "pages_read_engagement",
                        "read_insights",
                        "instagram_basic",
                        "instagram_manage_insights",
                    ]);
                }
            }
            OAuthPlatform::Linkedin => {
                scopes.extend(["r_ads", "r_ads_reporting", "r_organization_social"]);
            }
            OAuthPlatform::Microsoft => {
                scopes.extend(["https://ads.microsoft.com/msads.manage", "offline_access"]);
            }
        }
        scopes
    }
}

impl std::fmt::Display for OAuthPlatform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for OAuthPlatform {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        OAuthPlatform::ALL
            .into_iter()
            .find(|p| p.as_str() == s.to_ascii_lowercase())
            .ok_or_else(|| {
                format!(
                    "unknown platform {s:?}: expected one of google (GA4, Google Ads, Search \
                     Console, Business Profile, YouTube Analytics), meta, linkedin, microsoft"
                )
            })
    }
}

/// Why connecting failed: each says what to do, none holds a secret.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot listen on 127.0.0.1 for the redirect: {0}")]
    Listen(std::io::Error),
    #[error("no answer from the consent page within {0} seconds; run connect again")]
    Timeout(u64),
    #[error(
        "the redirect's state does not match this request (a stale or forged consent page); \
         nothing was stored: run connect again and use the newest link"
    )]
    StateMismatch,
    #[error("consent was not given ({error}{}); nothing was stored", description.as_deref().map(|d| format!(": {d}")).unwrap_or_default())]
    Refused {
        error: String,
        description: Option<String>,
    },
    #[error("the redirect has no authorization code")]
    NoCode,
    #[error("exchanging the authorization code failed: {0}")]
    Exchange(String),
    #[error("cannot get random bytes for PKCE: {0}")]
    Random(String),
}

/// One authorization request: the verifier and state only this process knows.
pub struct Authorization {
    pub platform: OAuthPlatform,
    pub consent_url: Url,
    redirect_uri: String,
    verifier: String,
    state: String,
    listener: TcpListener,
}

/// `n` random characters of RFC 7636's unreserved set.
fn random_text(n: usize) -> Result<String, ConnectError> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| ConnectError::Random(e.to_string()))?;
    // 66 symbols: 256 % 66 leaves a bias under 1/64 per character, harmless at 64 characters.
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect())
}

/// The S256 code challenge of a verifier (RFC 7636 §4.2).
pub fn code_challenge(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier))
}

impl Authorization {
    /// Listens on a random loopback port and builds the consent URL.
    pub fn start(
        platform: OAuthPlatform,
        client_id: &Secret,
        scopes: &[&str],
    ) -> Result<Self, ConnectError> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(ConnectError::Listen)?;
        let port = listener.local_addr().map_err(ConnectError::Listen)?.port();
        let redirect_uri = format!("http://127.0.0.1:{port}/");
        let verifier = random_text(64)?;
        let state = random_text(32)?;
        let mut consent_url = Url::parse(&platform.authorize_url())
            .map_err(|e| ConnectError::Exchange(format!("bad authorization URL: {e}")))?;
        {
            let mut q = consent_url.query_pairs_mut();
            q.append_pair("client_id", client_id.expose())
                .append_pair("redirect_uri", &redirect_uri)
                .append_pair("response_type", "code")
                .append_pair("scope", &scopes.join(platform.scope_separator()))
                .append_pair("state", &state)
                .append_pair("code_challenge", &code_challenge(&verifier))
                .append_pair("code_challenge_method", "S256");
            if platform == OAuthPlatform::Google {
                // A refresh token is only given with offline access, and again only on consent.
                q.append_pair("access_type", "offline")
                    .append_pair("prompt", "consent");
            }
        }
        Ok(Authorization {
            platform,
            consent_url,
            redirect_uri,
            verifier,
            state,
            listener,
        })
    }

    /// Waits for the browser's redirect (other requests, such as a favicon, get a 404) and
    /// returns the authorization code once the state is checked.
    pub fn wait_for_code(&self, timeout: Duration) -> Result<Secret, ConnectError> {
        let deadline = Instant::now() + timeout;
        self.listener
            .set_nonblocking(true)
            .map_err(ConnectError::Listen)?;
        loop {
            match self.listener.accept() {
                Ok((stream, _)) => {
                    if let Some(outcome) = self.answer(stream) {
                        return outcome;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if Instant::now() >= deadline {
                        return Err(ConnectError::Timeout(timeout.as_secs()));
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(e) => return Err(ConnectError::Listen(e)),
            }
        }
    }

    /// Reads one request; `None` when it is not the redirect.
    fn answer(&self, stream: TcpStream) -> Option<Result<Secret, ConnectError>> {
        stream.set_nonblocking(false).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let mut reader = BufReader::new(stream);
        let mut request_line = String::new();
        reader.read_line(&mut request_line).ok()?;
        // The headers are read so the browser sees a clean answer.
        let mut header = String::new();
        while reader.read_line(&mut header).ok()? > 2 {
            header.clear();
        }
        let mut stream = reader.into_inner();
        let target = request_line.split_whitespace().nth(1).unwrap_or("/");
        let url = Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        if url.path() != "/" || (get("code").is_none() && get("error").is_none()) {
            let _ = stream.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
            return None;
        }
        let outcome = if get("state").as_deref() != Some(self.state.as_str()) {
            Err(ConnectError::StateMismatch)
        } else if let Some(error) = get("error") {
            Err(ConnectError::Refused {
                error,
                description: get("error_description"),
            })
        } else {
            get("code")
                .filter(|c| !c.is_empty())
                .map(|c| Secret::from_fetched(&c))
                .ok_or(ConnectError::NoCode)
        };
        let page = match &outcome {
            Ok(_) => "execreport received the authorization. You can close this tab.",
            Err(_) => "execreport did not receive an authorization; see the terminal.",
        };
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{page}",
            page.len()
        );
        Some(outcome)
    }

    /// Exchanges the code (with the PKCE verifier) for the credential to keep.
    pub fn exchange(
        &self,
        code: &Secret,
        client_id: &Secret,
        client_secret: &Secret,
        redactor: &Redactor,
    ) -> Result<Secret, ConnectError> {
        redactor.add(code.expose());
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| ConnectError::Exchange(e.to_string()))?;
        let token_url = self.platform.token_url();
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code.expose()),
            ("redirect_uri", &self.redirect_uri),
            ("client_id", client_id.expose()),
            ("client_secret", client_secret.expose()),
            ("code_verifier", &self.verifier),
        ];
        let json = token_request(http.post(&token_url).form(&form), redactor)?;
        match self.platform.kept() {
            Kept::RefreshToken => keep(&json, "refresh_token", redactor).map_err(|e| {
                ConnectError::Exchange(format!(
                    "{e} (the platform gives one only with offline access: revoke the app's \
                     access in the account's security settings and connect again)"
                ))
            }),
            Kept::LongLivedAccessToken => {
                let short =
                    keep(&json, "access_token", redactor).map_err(ConnectError::Exchange)?;
                let query = [
                    ("grant_type", "fb_exchange_token"),
                    ("client_id", client_id.expose()),
                    ("client_secret", client_secret.expose()),
                    ("fb_exchange_token", short.expose()),
                ];
                let json = token_request(http.get(&token_url).query(&query), redactor)?;
                keep(&json, "access_token", redactor).map_err(ConnectError::Exchange)
            }
        }
    }
}

/// Sends a token request; an error answer's `error` and `error_description` (never a token).
fn token_request(
    request: reqwest::blocking::RequestBuilder,
    redactor: &Redactor,
) -> Result<serde_json::Value, ConnectError> {
    let reply = request
        .send()
        .map_err(|e| ConnectError::Exchange(redactor.text(&crate::error_chain(&e))))?;
    let status = reply.status();
    let body = reply
        .text()
        .map_err(|e| ConnectError::Exchange(redactor.text(&e.to_string())))?;
    let json: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    if !status.is_success() {
        // RFC 6749's `error` and `error_description`, or Meta's error object
        // (`{"error": {"message", "type", "code"}}`).
        let error = json.get("error");
        let meta = |k: &str| error.and_then(|e| e.get(k)).and_then(|v| v.as_str());
        let field = |k: &str| {
            json.get(k)
                .and_then(|v| v.as_str())
                .or_else(|| match k {
                    "error" => meta("type"),
                    _ => meta("message"),
                })
                .map(|s| redactor.text(s))
        };
        let said = match (field("error"), field("error_description")) {
            (Some(e), Some(d)) => format!(": {e}: {d}"),
            (Some(e), None) => format!(": {e}"),
            _ => String::new(),
        };
        return Err(ConnectError::Exchange(format!(
            "the token endpoint answered {status}{said}"
        )));
    }
    Ok(json)
}

fn keep(json: &serde_json::Value, field: &str, redactor: &Redactor) -> Result<Secret, String> {
    let value = json
        .get(field)
        .and_then(|v| v.as_str())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("the token endpoint's answer has no {field}"))?;
    redactor.add(value);
    Ok(Secret::from_fetched(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7636, appendix B.
    #[test]
    fn s256_challenge_matches_the_rfc_example() {
        assert_eq!(
            code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn verifiers_are_long_unreserved_and_different() {
        let a = random_text(64).unwrap();
        let b = random_text(64).unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"-._~".contains(&c))
        );
    }
}
