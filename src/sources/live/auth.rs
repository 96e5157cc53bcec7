//! Authentication of live requests: bearer tokens, API keys, and Google's OAuth 2.0
//! refresh-token flow with the access token cached until shortly before it expires.
//!
//! Token endpoint: <https://developers.google.com/identity/protocols/oauth2/web-server#offline>
//! (`grant_type=refresh_token`, answer `{access_token, expires_in, token_type}`).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::Method;
use url::Url;

use super::http::{Body, Call, FetchError, Http, Policy};
use super::secrets::{Redactor, Secret, resolve};
use crate::config::api::{AuthConfig, KeyPlacement};

pub const GOOGLE_TOKEN_URL: &str = "https://oauth2.googleapis.com/token";
/// How a failed refresh's message starts (`sources test` tells revoked tokens by it).
pub const REFRESH_FAILED: &str = "refreshing the OAuth access token failed";
/// A token this close to its expiry is refreshed before use.
const EXPIRY_MARGIN: Duration = Duration::from_secs(60);

/// Access tokens obtained so far, by (token endpoint, client id, refresh token).
#[derive(Debug, Default)]
pub struct Tokens {
    cache: Mutex<HashMap<TokenKey, (Secret, Instant)>>,
}

/// Token endpoint, client id, refresh token.
type TokenKey = (String, Secret, Secret);

/// How a platform wants its credentials: where a bearer token goes, and which OAuth token
/// endpoint (and scope) refreshes it when `google_oauth` names none.
#[derive(Debug, Clone, Default)]
pub struct Platform {
    /// Bearer tokens are sent as this query parameter (Meta's Graph API) ...
    pub token_param: Option<&'static str>,
    /// ... or as this header, bare (TikTok's `Access-Token`).
    pub token_header: Option<&'static str>,
    /// The refresh endpoint when the config has no `token_url` (LinkedIn's, Microsoft's).
    pub token_url: Option<String>,
    /// Sent with each refresh (Microsoft's identity platform asks for it).
    pub scope: Option<String>,
}

/// An auth setting with its secrets read.
pub enum Auth {
    None,
    Bearer(Secret),
    ApiKey {
        name: String,
        placement: KeyPlacement,
        value: Secret,
    },
    Google {
        token_url: String,
        client_id: Secret,
        client_secret: Secret,
        refresh_token: Secret,
        scope: Option<String>,
    },
    Basic {
        username: String,
        password: Secret,
    },
}

impl Auth {
    pub fn resolve(
        config: Option<&AuthConfig>,
        root: &std::path::Path,
        redactor: &Redactor,
        platform: &Platform,
    ) -> Result<Self, String> {
        let secret = |r| resolve(r, root, redactor).map_err(|e| crate::error_chain(&e));
        Ok(match config {
            None => Auth::None,
            Some(AuthConfig::Bearer(r)) => match (platform.token_param, platform.token_header) {
                (Some(name), _) => Auth::ApiKey {
                    name: name.to_string(),
                    placement: KeyPlacement::Query,
                    value: secret(r)?,
                },
                (None, Some(name)) => Auth::ApiKey {
                    name: name.to_string(),
                    placement: KeyPlacement::Header,
                    value: secret(r)?,
                },
                (None, None) => Auth::Bearer(secret(r)?),
            },
            Some(AuthConfig::ApiKey(k)) => Auth::ApiKey {
                name: k.name.clone(),
                placement: k.placement,
                value: secret(&k.value)?,
            },
            Some(AuthConfig::GoogleOauth(g)) => Auth::Google {
                token_url: g
                    .token_url
                    .clone()
                    .or_else(|| platform.token_url.clone())
                    .unwrap_or_else(|| GOOGLE_TOKEN_URL.to_string()),
                client_id: secret(&g.client_id)?,
                client_secret: secret(&g.client_secret)?,
                refresh_token: secret(&g.refresh_token)?,
                scope: platform.scope.clone(),
            },
            Some(AuthConfig::Basic(b)) => Auth::Basic {
                username: b.username.clone().unwrap_or_else(|| "execreport".into()),
                password: secret(&b.password)?,
            },
        })
    }

    /// Adds credentials to `call`; `fresh` forces a new OAuth access token.
    pub fn apply(&self, call: &Call, fresh: bool, ctx: &AuthContext) -> Result<Call, FetchError> {
        let mut call = call.clone();
        match self {
            Auth::None => {}
            Auth::Bearer(token) => {
                call.headers
                    .push(("Authorization".into(), format!("Bearer {}", token.expose())));
            }
            Auth::ApiKey {
                name,
                placement: KeyPlacement::Query,
                value,
            } => {
                call.url.query_pairs_mut().append_pair(name, value.expose());
            }
            Auth::ApiKey {
                name,
                placement: KeyPlacement::Header,
                value,
            } => call
                .headers
                .push((name.clone(), value.expose().to_string())),
            Auth::Basic { username, password } => {
                use base64::Engine as _;
                let pair = format!("{username}:{}", password.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                // The encoded pair reveals the password: masked in messages like it.
                ctx.redactor.add(&encoded);
                call.headers
                    .push(("Authorization".into(), format!("Basic {encoded}")));
            }
            Auth::Google { .. } => {
                let token = self.google_token(fresh, ctx)?;
                call.headers
                    .push(("Authorization".into(), format!("Bearer {}", token.expose())));
            }
        }
        Ok(call)
    }

    /// Whether a 401 may be cured by a new access token.
    pub fn refreshable(&self) -> bool {
        matches!(self, Auth::Google { .. })
    }

    fn google_token(&self, fresh: bool, ctx: &AuthContext) -> Result<Secret, FetchError> {
        let Auth::Google {
            token_url,
            client_id,
            client_secret,
            refresh_token,
            scope,
        } = self
        else {
            unreachable!("only called for Google auth");
        };
        let key = (token_url.clone(), client_id.clone(), refresh_token.clone());
        // Held while refreshing, so parallel reports share one exchange.
        let mut cache = ctx.tokens.cache.lock().expect("token cache");
        if !fresh
            && let Some((token, until)) = cache.get(&key)
            && Instant::now() + EXPIRY_MARGIN < *until
        {
            return Ok(token.clone());
        }
        let url = Url::parse(token_url).map_err(|e| FetchError {
            request: format!("POST {token_url}"),
            status: None,
            hold: None,
            message: format!("invalid token_url: {e}"),
        })?;
        let mut call = Call::new(Method::POST, url);
        let mut form = vec![
            ("grant_type".into(), "refresh_token".into()),
            ("client_id".into(), client_id.expose().into()),
            ("client_secret".into(), client_secret.expose().into()),
            ("refresh_token".into(), refresh_token.expose().into()),
        ];
        if let Some(scope) = scope {
            form.push(("scope".into(), scope.clone()));
        }
        call.body = Some(Body::Form(form));
        let reply = ctx
            .http
            .send(&call, ctx.policy, ctx.redactor, None)
            .map_err(|mut e| {
                e.message = format!("{REFRESH_FAILED}: {}", e.message);
                e
            })?;
        let json = reply.json(&call, ctx.redactor)?;
        let token = json
            .get("access_token")
            .and_then(|t| t.as_str())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                FetchError::new(
                    &call,
                    ctx.redactor,
                    "the token endpoint's answer has no access_token".into(),
                )
            })?;
        ctx.redactor.add(token);
        let lifetime = json
            .get("expires_in")
            .and_then(|e| e.as_u64())
            .unwrap_or(3600)
            .min(86_400);
        let token = Secret::from_fetched(token);
        cache.insert(
            key,
            (
                token.clone(),
                Instant::now() + Duration::from_secs(lifetime),
            ),
        );
        Ok(token)
    }
}

/// What applying auth may need: the HTTP client for token exchanges and the token cache.
pub struct AuthContext<'a> {
    pub http: &'a Http,
    pub tokens: &'a Tokens,
    pub policy: &'a Policy,
    pub redactor: &'a Redactor,
}
