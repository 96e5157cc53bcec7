//! Secrets of live sources: read from environment variables or files, and kept out of every
//! message, log and cache file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use url::Url;

use crate::config::api::SecretRef;

/// Query parameters masked in any URL we print, whatever their value.
const SECRET_PARAMS: &[&str] = &[
    "access_token",
    "api_key",
    "apikey",
    "client_secret",
    "key",
    "refresh_token",
    "token",
];

/// A secret's value. Its `Debug` form hides it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// A secret received from a server (an access token); the caller registers it for redaction.
    pub fn from_fetched(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

/// Why a secret could not be read: it names the variable or file, never a value. A file's
/// read error is the `source()`.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("environment variable {0} is not set (it should hold the secret)")]
    Unset(String),
    #[error("cannot read secret file {}", file.display())]
    Unreadable {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("environment variable {0} is empty")]
    EmptyVariable(String),
    #[error("secret file {} is empty", .0.display())]
    EmptyFile(PathBuf),
}

/// Reads a secret; the error names the variable or file, never a value.
pub fn resolve(r: &SecretRef, root: &Path, redactor: &Redactor) -> Result<Secret, SecretError> {
    let value = match r {
        SecretRef::Env(name) => {
            std::env::var(name).map_err(|_| SecretError::Unset(name.to_string()))?
        }
        SecretRef::File(path) => {
            let full = root.join(path);
            std::fs::read_to_string(&full).map_err(|source| SecretError::Unreadable {
                file: full.clone(),
                source,
            })?
        }
    };
    let value = value.trim().to_string();
    if value.is_empty() {
        return Err(match r {
            SecretRef::Env(name) => SecretError::EmptyVariable(name.to_string()),
            SecretRef::File(path) => SecretError::EmptyFile(path.to_path_buf()),
        });
    }
    redactor.add(&value);
    Ok(Secret(value))
}

/// Replaces every secret seen so far (and secret-looking URL parameters) with `[redacted]`.
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    secrets: Arc<Mutex<Vec<String>>>,
}

impl Redactor {
    pub fn add(&self, secret: &str) {
        // Very short values would mask ordinary words; secrets are longer than this.
        if secret.len() >= 6 {
            let mut secrets = self.secrets.lock().expect("secret list");
            if !secrets.iter().any(|s| s == secret) {
                secrets.push(secret.to_string());
                // Longest first, so a secret containing another is masked whole.
                secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
            }
        }
    }

    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_string();
        for secret in self.secrets.lock().expect("secret list").iter() {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), "[redacted]");
            }
            // URL-encoded forms appear in URLs quoted by error messages.
            let encoded: String = url_encode(secret);
            if encoded != *secret && out.contains(&encoded) {
                out = out.replace(&encoded, "[redacted]");
            }
        }
        out
    }

    /// The URL with secret-looking parameters masked, then any known secret.
    pub fn url(&self, url: &Url) -> String {
        let mut shown = url.clone();
        if url.query().is_some() {
            let pairs: Vec<(String, String)> = url
                .query_pairs()
                .map(|(k, v)| {
                    let secret = SECRET_PARAMS.contains(&k.to_ascii_lowercase().as_str());
                    let v = if secret {
                        "[redacted]".into()
                    } else {
                        v.into_owned()
                    };
                    (k.into_owned(), v)
                })
                .collect();
            shown.query_pairs_mut().clear().extend_pairs(pairs);
        }
        self.text(shown.as_str())
    }
}

fn url_encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_in_text_and_urls() {
        let r = Redactor::default();
        r.add("ya29.a0-SECRET/token+x");
        let url = Url::parse("https://api.example/v1?access_token=abc&since=2026-10-01").unwrap();
        assert_eq!(
            r.url(&url),
            "https://api.example/v1?access_token=%5Bredacted%5D&since=2026-10-01"
        );
        let msg = "bad token ya29.a0-SECRET/token+x and ya29.a0-SECRET%2Ftoken%2Bx";
        assert_eq!(r.text(msg), "bad token [redacted] and [redacted]");
        assert_eq!(
            format!("{:?}", Secret("hunter22".into())),
            "Secret([redacted])"
        );
    }
}
