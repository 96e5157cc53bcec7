//! `output: s3://bucket/prefix`: a batch writing to a real S3-compatible server on loopback
//! (moto's server mode): whole objects whose hashes match the ledger, the manifest written last,
//! a rerun `unchanged`, a damaged object noticed, credentials in no output, and a store that is
//! down failing its reports clearly with nothing recorded that was not written.

use crate::common;

use std::path::Path;
use std::process::{Child, Command, Output};

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as Key;
use object_store::{ObjectStoreExt, PutPayload};
use serde_json::Value;
use sha2::{Digest, Sha256};

const SECRET: &str = "moto-secret-key-0a6f3c9e2b71d845";
const KEY_ID: &str = "AKIASTORAGETEST0001";

/// moto's S3 server on a free loopback port, with bucket `reports`.
pub(crate) struct S3Server {
    pub(crate) port: u16,
    child: Child,
}

impl S3Server {
    pub(crate) fn start() -> Self {
        let (child, port) = common::start_server(
            "s3_server.py",
            &[Path::new("reports")],
            "python3 with moto: pip install \"moto[server]\"; .ci/run installs it",
        );
        S3Server { port, child }
    }

    /// A client of our own, to read what the batch wrote (and to damage it).
    fn client(&self) -> (AmazonS3, tokio::runtime::Runtime) {
        let s3 = AmazonS3Builder::new()
            .with_bucket_name("reports")
            .with_endpoint(format!("http://127.0.0.1:{}", self.port))
            .with_allow_http(true)
            .with_region("us-east-1")
            .with_access_key_id("reader")
            .with_secret_access_key("reader")
            .build()
            .unwrap();
        (s3, tokio::runtime::Runtime::new().unwrap())
    }

    /// The object at `location` (`s3://reports/...`), whole.
    pub(crate) fn read(&self, location: &str) -> Vec<u8> {
        let (s3, rt) = self.client();
        rt.block_on(async { s3.get(&key(location)).await.unwrap().bytes().await.unwrap() })
            .to_vec()
    }
}

impl S3Server {
    /// The object at `location`, `None` when there is none.
    pub(crate) fn try_read(&self, location: &str) -> Option<Vec<u8>> {
        let (s3, rt) = self.client();
        rt.block_on(async {
            match s3.get(&key(location)).await {
                Ok(got) => Some(got.bytes().await.unwrap().to_vec()),
                Err(object_store::Error::NotFound { .. }) => None,
                Err(e) => panic!("{location}: {e}"),
            }
        })
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn workspace(endpoint: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let mut csv = String::from("date,sessions\n");
    let mut d = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    while d <= chrono::NaiveDate::from_ymd_opt(2026, 11, 5).unwrap() {
        csv.push_str(&format!(
            "{d},{}\n",
            100 + d.format("%d").to_string().parse::<u32>().unwrap()
        ));
        d = d.succ_opt().unwrap();
    }
    std::fs::write(dir.path().join("data/web.csv"), csv).unwrap();
    std::fs::write(dir.path().join("s3-secret.txt"), format!("{SECRET}\n")).unwrap();
    let mut yaml = format!(
        "agencies:\n  - id: a\n    name: Agency\noutput: s3://reports/agency-a\nstorage:\n  endpoint: {endpoint}\n  region: eu-central-1\n  access_key_id: {{env: TEST_S3_KEY_ID}}\n  secret_access_key: {{file: s3-secret.txt}}\nschedule:\n  monthly: {{day: 3, at: \"06:00\"}}\n  formats: [json, html]\nclients:\n"
    );
    for id in ["acme", "borealis", "cedar"] {
        yaml.push_str(&format!(
            "  - id: {id}\n    name: {id}\n    time_zone: UTC\n    sources:\n      - id: web\n        kind: csv\n        path: data/web.csv\n        columns: {{sessions: web.sessions}}\n"
        ));
    }
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env("TEST_S3_KEY_ID", KEY_ID)
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("EXECREPORT_NOW")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn batch(dir: &Path, code: i32) -> (Value, String) {
    let o = run(dir, &["batch", "--period", "2026-10", "--json"]);
    assert_eq!(o.status.code(), Some(code), "{}", text(&o));
    (serde_json::from_slice(&o.stdout).unwrap(), text(&o))
}

fn statuses(summary: &Value) -> Vec<String> {
    summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect()
}

fn key(location: &str) -> Key {
    Key::parse(location.strip_prefix("s3://reports/").unwrap()).unwrap()
}

fn no_secret(dir: &Path, what: &str) {
    assert!(
        !what.contains(SECRET),
        "the secret key is in the output: {what}"
    );
    for file in ["execreport.yaml", ".execreport/ledger.sqlite"] {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(SECRET),
            "the secret key is in {file}"
        );
    }
}

#[test]
fn a_batch_writes_whole_objects_whose_hashes_match_the_ledger() {
    let server = S3Server::start();
    let dir = workspace(&format!("http://127.0.0.1:{}", server.port));
    let (summary, output) = batch(dir.path(), 0);
    assert_eq!(statuses(&summary), ["rendered"; 3]);
    no_secret(dir.path(), &output);
    assert!(
        !dir.path().join("out").exists(),
        "nothing is written to local disk"
    );

    let (s3, rt) = server.client();
    let mut newest_report = None;
    for report in summary["reports"].as_array().unwrap() {
        let outputs = report["outputs"].as_array().unwrap();
        assert_eq!(outputs.len(), 2, "{report}");
        for o in outputs {
            let location = o["path"].as_str().unwrap();
            assert!(
                location.starts_with(&format!(
                    "s3://reports/agency-a/{}/2026-10/",
                    report["client"].as_str().unwrap()
                )),
                "{location}"
            );
            let got =
                rt.block_on(async { s3.get(&key(location)).await.unwrap().bytes().await.unwrap() });
            assert_eq!(got.len() as u64, o["bytes"].as_u64().unwrap(), "{location}");
            let hash: String = Sha256::digest(&got)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(hash, o["sha256"].as_str().unwrap(), "{location}");
            assert!(!String::from_utf8_lossy(&got).contains(SECRET));
            let modified = rt.block_on(s3.head(&key(location))).unwrap().last_modified;
            newest_report = newest_report.max(Some(modified));
        }
    }
    assert_eq!(summary["manifest"], "s3://reports/agency-a/manifest.json");
    let manifest_key = key("s3://reports/agency-a/manifest.json");
    let manifest =
        rt.block_on(async { s3.get(&manifest_key).await.unwrap().bytes().await.unwrap() });
    let manifest: Value = serde_json::from_slice(&manifest).unwrap();
    assert_eq!(
        manifest["reports"].as_array().unwrap().len(),
        3,
        "{manifest}"
    );
    let manifest_modified = rt.block_on(s3.head(&manifest_key)).unwrap().last_modified;
    assert!(
        Some(manifest_modified) >= newest_report,
        "the manifest is written last"
    );

    // A rerun finds every object as recorded.
    let (again, output) = batch(dir.path(), 0);
    assert_eq!(statuses(&again), ["unchanged"; 3]);
    no_secret(dir.path(), &output);

    // A damaged object is seen by `status` and rendered again by the next batch.
    let damaged = summary["reports"][1]["outputs"][0]["path"]
        .as_str()
        .unwrap();
    rt.block_on(s3.put(&key(damaged), PutPayload::from_static(b"not the report")))
        .unwrap();
    let o = run(
        dir.path(),
        &["status", "--json", "--now", "2026-11-05T00:00:00Z"],
    );
    assert!(o.status.success(), "{}", text(&o));
    let status = String::from_utf8_lossy(&o.stdout);
    assert!(status.contains("\"damaged\""), "{status}");
    let (third, _) = batch(dir.path(), 0);
    assert_eq!(statuses(&third), ["unchanged", "rendered", "unchanged"]);
}

#[test]
fn a_store_that_is_down_fails_its_reports_and_records_nothing_unwritten() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let dir = workspace(&format!("http://127.0.0.1:{port}"));
    let (summary, output) = batch(dir.path(), 3);
    assert_eq!(statuses(&summary), ["failed"; 3]);
    for report in summary["reports"].as_array().unwrap() {
        let error = report["error"].as_str().unwrap();
        let client = report["client"].as_str().unwrap();
        assert!(
            error.starts_with(&format!(
                "cannot write s3://reports/agency-a/{client}/2026-10/report.json: "
            )),
            "{error}"
        );
        assert!(report.get("outputs").is_none(), "{report}");
    }
    assert!(
        output.contains("error: manifest: cannot write s3://reports/agency-a/manifest.json"),
        "{output}"
    );
    no_secret(dir.path(), &output);

    // The service is back: every report is rendered (none was recorded as written).
    let server = S3Server::start();
    let yaml = std::fs::read_to_string(dir.path().join("execreport.yaml")).unwrap();
    std::fs::write(
        dir.path().join("execreport.yaml"),
        yaml.replace(&format!(":{port}"), &format!(":{}", server.port)),
    )
    .unwrap();
    let (summary, _) = batch(dir.path(), 0);
    assert_eq!(statuses(&summary), ["rendered"; 3]);
}

#[test]
fn a_bad_storage_setting_exits_with_the_configuration_code() {
    let dir = workspace("http://127.0.0.1:9");
    let yaml = std::fs::read_to_string(dir.path().join("execreport.yaml")).unwrap();
    for (from, to, expected) in [
        (
            "s3://reports/agency-a",
            "s3://Reports_Bucket/x",
            "expected a folder or `s3://bucket/prefix`",
        ),
        (
            "s3://reports/agency-a",
            "s3://reports/../x",
            "expected a folder or `s3://bucket/prefix`",
        ),
        ("s3-secret.txt", "s3-missing.txt", "cannot read secret file"),
        (
            "endpoint: http",
            "endpoint: ftp",
            "expected an http:// or https:// URL",
        ),
    ] {
        std::fs::write(dir.path().join("execreport.yaml"), yaml.replace(from, to)).unwrap();
        let o = run(dir.path(), &["batch", "--period", "2026-10"]);
        assert_eq!(o.status.code(), Some(7), "{to}: {}", text(&o));
        assert!(text(&o).contains(expected), "{to}: {}", text(&o));
    }
    // A workspace that does not load is the configuration's problem too (batch only).
    std::fs::write(dir.path().join("execreport.yaml"), "agencies: [}").unwrap();
    assert_eq!(run(dir.path(), &["batch", "--due"]).status.code(), Some(7));
}

/// `cache: s3://...`: what one worker fetched, another with an empty disk renders offline.
#[test]
fn the_live_source_cache_can_be_shared_through_the_bucket() {
    use crate::common::api_server::{ApiServer, EMAIL_KEY};
    let s3 = S3Server::start();
    let api = ApiServer::start();
    let yaml = format!(
        r#"agencies:
  - id: agency
    name: Agency
cache: s3://reports/cache
storage:
  endpoint: http://127.0.0.1:{port}
  access_key_id: {{env: TEST_S3_KEY_ID}}
  secret_access_key: {{file: s3-secret.txt}}
clients:
  - id: live-co
    name: Live Co
    time_zone: Asia/Tokyo
    sources:
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
"#,
        port = s3.port,
        base = api.base,
    );
    let worker = |mode: &str| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("execreport.yaml"), &yaml).unwrap();
        std::fs::write(dir.path().join("s3-secret.txt"), SECRET).unwrap();
        let out = dir.path().join("out");
        let o = Command::new(env!("CARGO_BIN_EXE_execreport"))
            .arg("-c")
            .arg(dir.path().join("execreport.yaml"))
            .args(["render", "--format", "json", "--period", "2026-10"])
            .args(["--now", "2026-11-26T03:00:00Z", mode, "--out"])
            .arg(&out)
            .env("TEST_S3_KEY_ID", KEY_ID)
            .env("T_EMAIL_KEY", EMAIL_KEY)
            .env_remove("EXECREPORT_NOW")
            .env_remove("EXECREPORT_TODAY")
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{mode}: {}", text(&o));
        no_secret(dir.path(), &text(&o));
        assert!(
            !dir.path().join(".execreport/cache").exists(),
            "nothing cached on the worker's disk"
        );
        let report = std::fs::read(out.join("live-co/2026-10/report.json")).unwrap();
        (dir, serde_json::from_slice::<Value>(&report).unwrap())
    };
    let (_first, fetched) = worker("--refresh");
    let (_second, cached) = worker("--offline");
    assert_eq!(fetched["kpis"], cached["kpis"]);
    let (client, rt) = s3.client();
    let snapshot = rt.block_on(client.head(&key(
        "s3://reports/cache/live-co/email/2026-10-01_2026-10-31.json",
    )));
    assert!(snapshot.is_ok(), "{snapshot:?}");
}
