//! Where a batch's outputs go: a local folder (the default), each file written through a
//! temporary file and a rename, or an S3-compatible bucket (`s3://bucket/prefix`: AWS S3,
//! Cloudflare R2, MinIO, GCS in S3 mode), each file one PUT of the whole object, which the
//! service shows complete or not at all. Either way a reader never sees a torn file.
//!
//! Outputs are recorded in the ledger by their location: a path, or `s3://bucket/key`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{ClientOptions, ObjectStoreExt, RetryConfig};

use crate::config::schema::{Addressing, StorageConfig};
use crate::files::{
    Persist, SharedFiles, remove_stale_temps, report_dir, sync_file, write_atomic, write_atomic_as,
};
use crate::sources::live::secrets::{Redactor, SecretError, resolve};

const SCHEME: &str = "s3://";

/// Why the store cannot be opened or used. Messages name the bucket and key, never a secret.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("output {0:?}: expected a folder or `s3://bucket/prefix`")]
    BadUrl(String),
    #[error("storage: {0}")]
    Secret(#[from] SecretError),
    #[error("storage: cannot set up the S3 client for bucket {bucket}: {message}")]
    Setup { bucket: String, message: String },
    #[error("cannot write {location}: {message}")]
    Write { location: String, message: String },
    #[error("cannot read {location}: {message}")]
    Read { location: String, message: String },
}

impl StoreError {
    /// A problem of the configuration (a retry cannot help), not of the service.
    pub fn is_configuration(&self) -> bool {
        matches!(
            self,
            StoreError::BadUrl(_) | StoreError::Secret(_) | StoreError::Setup { .. }
        )
    }
}

/// Where outputs are kept.
#[derive(Debug)]
pub enum Store {
    Local(PathBuf),
    S3(Bucket),
}

/// An S3-compatible bucket and the prefix under which this workspace writes.
#[derive(Debug)]
pub struct Bucket {
    name: String,
    prefix: String,
    client: AmazonS3,
    /// object_store is async; the batch's worker threads block on this runtime.
    runtime: Arc<tokio::runtime::Runtime>,
}

/// Whether `spec` (an `output` setting or `--out`) names an S3-compatible store.
pub fn is_remote(spec: &Path) -> bool {
    spec.to_str().is_some_and(|s| s.starts_with(SCHEME))
}

impl Store {
    /// The store `spec` names: `s3://bucket/prefix` (reached as `settings` and the AWS_*
    /// variables say), or a folder, relative to `root`.
    pub fn open(
        spec: &Path,
        root: &Path,
        settings: Option<&StorageConfig>,
        redactor: &Redactor,
    ) -> Result<Store, StoreError> {
        let Some(url) = spec.to_str().and_then(|s| s.strip_prefix(SCHEME)) else {
            return Ok(Store::Local(std::path::absolute(root.join(spec)).map_err(
                |e| StoreError::BadUrl(format!("{}: {e}", spec.display())),
            )?));
        };
        let (name, prefix) = url.split_once('/').unwrap_or((url, ""));
        let prefix = prefix.trim_matches('/');
        let valid_name = (3..=63).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._".contains(&b));
        let valid_prefix = prefix
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..")
            || prefix.is_empty();
        if !valid_name || !valid_prefix {
            return Err(StoreError::BadUrl(spec.display().to_string()));
        }
        Ok(Store::S3(Bucket::open(
            name,
            prefix,
            root,
            &settings.cloned().unwrap_or_default(),
            redactor,
        )?))
    }

    /// `<store>/<client>/<period>/<file>`: where a report's file goes. Client and period must
    /// be plain names, so nothing is written outside the store.
    pub fn report_location(
        &self,
        client: &str,
        period: &str,
        file: &str,
    ) -> std::io::Result<String> {
        let rel = report_dir(Path::new(""), client, period)?.join(file);
        Ok(match self {
            Store::Local(dir) => dir.join(rel).display().to_string(),
            Store::S3(b) => b.location(&format!("{client}/{period}/{file}")),
        })
    }

    /// The store's own location, the prefix of every location in it.
    pub fn root(&self) -> String {
        match self {
            Store::Local(dir) => dir.display().to_string(),
            Store::S3(b) => b.location(""),
        }
    }

    /// Writes a whole file at `location` (from [`Store::report_location`] or [`Store::root`]).
    pub fn put(&self, location: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let failed = |message: String| StoreError::Write {
            location: location.to_string(),
            message,
        };
        match self {
            Store::Local(_) => {
                write_atomic(Path::new(location), bytes).map_err(|e| failed(e.to_string()))
            }
            Store::S3(b) => {
                let key = b
                    .key(location)
                    .ok_or_else(|| failed("not in this bucket".into()))?;
                let payload = object_store::PutPayload::from(bytes.to_vec());
                b.runtime
                    .block_on(b.client.put(&key, payload))
                    .map(|_| ())
                    .map_err(|e| failed(one_line(&e)))
            }
        }
    }

    /// Writes a report's files, one after another (a batch writes them on its finisher thread,
    /// while the next report is computed). Every file is tried; the first error. A folder's
    /// files reach the disk later ([`Persist::Later`]): the ledger keeps their digests, every
    /// reader checks them, and [`Store::sync`] makes them durable before they are sent.
    pub fn put_all(&self, files: &[(&str, &[u8])]) -> Result<(), StoreError> {
        let mut result = Ok(());
        for (location, bytes) in files {
            result = result.and(match self {
                Store::Local(_) => write_atomic_as(Path::new(location), bytes, Persist::Later)
                    .map_err(|e| StoreError::Write {
                        location: location.to_string(),
                        message: e.to_string(),
                    }),
                Store::S3(_) => self.put(location, bytes),
            });
        }
        result
    }

    /// Makes files written by [`Store::put_all`] durable (a bucket's are when written).
    pub fn sync(&self, locations: &[&str]) -> Result<(), StoreError> {
        if let Store::Local(_) = self {
            for location in locations {
                sync_file(Path::new(location)).map_err(|e| StoreError::Write {
                    location: location.to_string(),
                    message: e.to_string(),
                })?;
            }
        }
        Ok(())
    }

    /// The file at `location`, `None` when there is none (or it is not in this store).
    pub fn get(&self, location: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let failed = |message: String| StoreError::Read {
            location: location.to_string(),
            message,
        };
        if !location.starts_with(SCHEME) {
            return match std::fs::read(location) {
                Ok(b) => Ok(Some(b)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(failed(e.to_string())),
            };
        }
        let Store::S3(b) = self else { return Ok(None) };
        let Some(key) = b.key(location) else {
            return Ok(None);
        };
        b.runtime.block_on(async {
            match b.client.get(&key).await {
                Ok(got) => got
                    .bytes()
                    .await
                    .map(|bytes| Some(bytes.to_vec()))
                    .map_err(|e| failed(one_line(&e))),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(failed(one_line(&e))),
            }
        })
    }

    /// Removes the file at `location` (nothing when it is not there), and in a folder the
    /// folders it leaves empty up to the store's root.
    pub fn delete(&self, location: &str) -> Result<(), StoreError> {
        let failed = |message: String| StoreError::Write {
            location: location.to_string(),
            message,
        };
        match self {
            Store::Local(root) => {
                let path = Path::new(location);
                match std::fs::remove_file(path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(failed(e.to_string())),
                }
                let mut dir = path.parent();
                while let Some(d) = dir.filter(|d| d.starts_with(root) && *d != root.as_path()) {
                    // Not empty (or gone): the folders above are kept too.
                    if std::fs::remove_dir(d).is_err() {
                        break;
                    }
                    dir = d.parent();
                }
                Ok(())
            }
            Store::S3(b) => {
                let key = b
                    .key(location)
                    .ok_or_else(|| failed("not in this bucket".into()))?;
                match b.runtime.block_on(b.client.delete(&key)) {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                    Err(e) => Err(failed(one_line(&e))),
                }
            }
        }
    }

    /// The location of `rel` (a `/`-separated relative path of plain names) in this store.
    pub fn location_of(&self, rel: &str) -> String {
        match self {
            Store::Local(dir) => rel
                .split('/')
                .fold(dir.clone(), |p, part| p.join(part))
                .display()
                .to_string(),
            Store::S3(b) => b.location(rel),
        }
    }

    /// Removes what a killed writer left in a report's local folder; objects have no such
    /// leftovers (an interrupted PUT stores nothing).
    pub fn clean(&self, client: &str, period: &str) -> std::io::Result<()> {
        if let Store::Local(dir) = self {
            remove_stale_temps(&report_dir(dir, client, period)?)?;
        }
        Ok(())
    }
}

/// The live sources' shared cache (`cache: s3://...`): keys under the store's root.
impl SharedFiles for Store {
    fn get(&self, key: &str) -> Result<Option<Vec<u8>>, String> {
        Store::get(self, &self.location(key)).map_err(|e| e.to_string())
    }

    fn put(&self, key: &str, bytes: &[u8]) -> Result<(), String> {
        Store::put(self, &self.location(key), bytes).map_err(|e| e.to_string())
    }

    fn location(&self, key: &str) -> String {
        format!("{}/{key}", self.root())
    }
}

impl Bucket {
    fn open(
        name: &str,
        prefix: &str,
        root: &Path,
        settings: &StorageConfig,
        redactor: &Redactor,
    ) -> Result<Bucket, StoreError> {
        let setup = |message: String| StoreError::Setup {
            bucket: name.to_string(),
            message,
        };
        // AWS_* variables first (credentials, region, endpoint, web identity for IRSA), then
        // the workspace's settings over them.
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(name);
        for var in ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] {
            if let Ok(value) = std::env::var(var) {
                redactor.add(&value);
            }
        }
        let endpoint = settings.endpoint.clone().or_else(|| {
            ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ENDPOINT"]
                .iter()
                .find_map(|v| std::env::var(v).ok().filter(|e| !e.is_empty()))
        });
        let mut allow_http = false;
        if let Some(endpoint) = &endpoint {
            let parsed = url::Url::parse(endpoint)
                .map_err(|e| setup(format!("endpoint {endpoint:?}: {e}")))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(setup(format!(
                    "endpoint {endpoint:?}: expected an http:// or https:// URL"
                )));
            }
            builder = builder.with_endpoint(endpoint.trim_end_matches('/'));
            allow_http = parsed.scheme() == "http";
        }
        if let Some(region) = &settings.region {
            builder = builder.with_region(region);
        } else if std::env::var("AWS_REGION").is_err()
            && std::env::var("AWS_DEFAULT_REGION").is_err()
        {
            builder = builder.with_region("us-east-1");
        }
        let addressing = settings.addressing.unwrap_or(if endpoint.is_some() {
            Addressing::Path
        } else {
            Addressing::VirtualHost
        });
        builder = builder.with_virtual_hosted_style_request(addressing == Addressing::VirtualHost);
        if let Some(r) = &settings.access_key_id {
            builder = builder.with_access_key_id(resolve(r, root, redactor)?.expose());
        }
        if let Some(r) = &settings.secret_access_key {
            builder = builder.with_secret_access_key(resolve(r, root, redactor)?.expose());
        }
        if let Some(r) = &settings.session_token {
            builder = builder.with_token(resolve(r, root, redactor)?.expose());
        }
        // A few quick retries: a service that is down fails the report in seconds, and the
        // next batch redoes it.
        let retry = RetryConfig {
            max_retries: 3,
            retry_timeout: Duration::from_secs(30),
            ..RetryConfig::default()
        };
        // Plain HTTP only to an endpoint written as http:// (set here: these options replace
        // the builder's).
        let options = ClientOptions::new()
            .with_allow_http(allow_http)
            .with_connect_timeout(Duration::from_secs(5))
            .with_timeout(Duration::from_secs(120));
        let client = builder
            .with_retry(retry)
            .with_client_options(options)
            .build()
            .map_err(|e| setup(redactor.text(&one_line(&e))))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("execreport-s3")
            .enable_all()
            .build()
            .map_err(|e| setup(e.to_string()))?;
        Ok(Bucket {
            name: name.to_string(),
            prefix: prefix.to_string(),
            client,
            runtime: Arc::new(runtime),
        })
    }

    /// `s3://bucket/prefix/rel`.
    fn location(&self, rel: &str) -> String {
        let mut s = format!("{SCHEME}{}", self.name);
        for part in [self.prefix.as_str(), rel] {
            if !part.is_empty() {
                s.push('/');
                s.push_str(part);
            }
        }
        s
    }

    /// The object key of a location in this bucket.
    fn key(&self, location: &str) -> Option<ObjectPath> {
        let rest = location
            .strip_prefix(SCHEME)?
            .strip_prefix(self.name.as_str())?;
        let key = rest.strip_prefix('/')?;
        ObjectPath::parse(key).ok()
    }
}

/// An error's message on one line (object_store's messages already include their causes).
fn one_line(e: &dyn std::error::Error) -> String {
    e.to_string().replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files written to reach the disk later are synced on demand; one that is not there
    /// is an error naming it (the message is not sent).
    #[test]
    fn sync_makes_written_files_durable_and_names_one_that_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::Local(dir.path().to_path_buf());
        let pdf = store
            .report_location("acme", "2026-10", "report.pdf")
            .unwrap();
        store.put_all(&[(pdf.as_str(), &b"%PDF"[..])]).unwrap();
        store.sync(&[pdf.as_str()]).unwrap();
        let gone = store
            .report_location("acme", "2026-10", "report.html")
            .unwrap();
        let error = store
            .sync(&[pdf.as_str(), gone.as_str()])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("report.html") && !error.contains("report.pdf"),
            "{error}"
        );
    }

    /// Every file is written, whichever thread writes it; a file that cannot be written is
    /// the error, after the others are in place.
    #[test]
    fn put_all_writes_every_file_and_names_the_one_that_failed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::Local(dir.path().to_path_buf());
        let at = |name: &str| store.report_location("acme", "2026-10", name).unwrap();
        let (json, html, pdf) = (at("report.json"), at("report.html"), at("report.pdf"));
        let files = [
            (json.as_str(), &b"{}"[..]),
            (html.as_str(), b"<html>"),
            (pdf.as_str(), b"%PDF"),
        ];
        store.put_all(&files).unwrap();
        for (location, bytes) in files {
            assert_eq!(std::fs::read(location).unwrap(), bytes, "{location}");
        }
        // A folder where the second file should go.
        let blocked = at("report.csv");
        std::fs::create_dir_all(&blocked).unwrap();
        let files = [
            (json.as_str(), &b"[1]"[..]),
            (blocked.as_str(), b"a,b"),
            (pdf.as_str(), b"%PDF-2"),
        ];
        let error = store.put_all(&files).unwrap_err().to_string();
        assert!(error.contains("report.csv"), "{error}");
        assert_eq!(std::fs::read(&json).unwrap(), b"[1]");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-2");
    }

    #[test]
    fn s3_urls_name_a_bucket_and_a_plain_prefix() {
        let root = Path::new("/ws");
        let open = |s: &str| Store::open(Path::new(s), root, None, &Redactor::default());
        for bad in [
            "s3://",
            "s3://A_B/x",
            "s3://ok-bucket/../x",
            "s3://ok-bucket/a//b",
        ] {
            assert!(matches!(open(bad), Err(StoreError::BadUrl(_))), "{bad}");
        }
        let store = open("s3://reports-eu/agency/").unwrap();
        assert_eq!(store.root(), "s3://reports-eu/agency");
        assert_eq!(
            store
                .report_location("acme", "2026-10", "report.pdf")
                .unwrap(),
            "s3://reports-eu/agency/acme/2026-10/report.pdf"
        );
        assert!(
            store
                .report_location("..", "2026-10", "report.pdf")
                .is_err()
        );
        let Store::S3(b) = &store else { panic!() };
        assert!(b.key("s3://reports-eu-2/agency/x").is_none());
        assert_eq!(
            b.key("s3://reports-eu/agency/x").unwrap().as_ref(),
            "agency/x"
        );
        assert!(matches!(open("out").unwrap(), Store::Local(p) if p == Path::new("/ws/out")));
    }
}
