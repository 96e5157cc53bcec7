//! The shared ledger on a real PostgreSQL 15 server (a throwaway cluster on loopback): four
//! worker processes (`batch --due --send`) send 240 synthetic clients' reports through aiosmtpd, two are
//! killed with SIGKILL mid-run and started again; every report is rendered and recorded once,
//! every recipient has one message (or is recorded uncertain), every object the workers wrote to
//! the shared S3-compatible store (moto on loopback) matches the ledger's hash.

use crate::common;
use crate::email::{SmtpServer, received_by};
use crate::storage::S3Server;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sha2::{Digest, Sha256};

const PG_BIN: &str = "/usr/lib/postgresql/15/bin";

/// A PostgreSQL cluster in a temporary folder, owned by the `postgres` user (initdb refuses
/// root), listening on a free loopback port; stopped with `-m immediate` when dropped.
pub struct Postgres {
    dir: tempfile::TempDir,
    port: u16,
}

impl Postgres {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let chown = Command::new("chown")
            .args(["-R", "postgres:postgres"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(chown.success());
        let as_postgres = |cmd: String| {
            let o = Command::new("su")
                .args(["postgres", "-s", "/bin/sh", "-c", &cmd])
                .output()
                .expect("su (the test runs as root, PostgreSQL as postgres)");
            assert!(
                o.status.success(),
                "{cmd}: {}{}",
                common::stdout(&o),
                common::stderr(&o)
            );
        };
        as_postgres(format!(
            "{PG_BIN}/initdb -A trust -U postgres -D {} >/dev/null",
            data.display()
        ));
        as_postgres(format!(
            "{PG_BIN}/pg_ctl -D {} -l {} -o \"-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off\" -w start >/dev/null",
            data.display(),
            dir.path().join("log").display(),
            dir.path().display()
        ));
        Postgres { dir, port }
    }

    pub fn url(&self) -> String {
        format!("postgresql://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url(), postgres::NoTls).unwrap()
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = Command::new("su")
            .args([
                "postgres",
                "-s",
                "/bin/sh",
                "-c",
                &format!(
                    "{PG_BIN}/pg_ctl -D {} -m immediate stop",
                    self.dir.path().join("data").display()
                ),
            ])
            .output();
    }
}

/// `n` synthetic clients made from the samples' file-based clients (ids `<sample>-<i>`), the
/// JSON model only (a link in the message), sending to `smtp_port`, with the shared ledger and
/// short leases; outputs in the bucket of `s3_port` when there is one.
fn workspace(n: usize, smtp_port: u16, s3_port: Option<u16>) -> tempfile::TempDir {
    common::sample_workspace(
        |yaml| {
            let mut ws: Value = serde_saphyr::from_str(&yaml).unwrap();
            let samples: Vec<Value> = ws["clients"].as_array().unwrap().clone();
            let clients: Vec<Value> = (0..n)
                .map(|i| {
                    let mut c = samples[i % samples.len()].clone();
                    let id = format!("{}-{i:03}", c["id"].as_str().unwrap());
                    let recipients: Vec<Value> = (0..2)
                        .map(|r| Value::String(format!("r{r}@{id}.example.com")))
                        .collect();
                    c["id"] = Value::String(id);
                    c["recipients"] = Value::Array(recipients);
                    c.as_object_mut().unwrap().remove("schedule");
                    c["email"] = serde_json::json!({
                        "attach": "link",
                        "link": "https://reports.example.com/{client}/{period}"
                    });
                    if let Some(sources) = c["sources"].as_array_mut() {
                        sources.retain(|s| matches!(s["kind"].as_str(), Some("csv" | "json")));
                    }
                    c
                })
                .collect();
            ws["clients"] = Value::Array(clients);
            ws["schedule"] =
                serde_json::json!({"monthly": {"day": 3, "at": "06:00"}, "formats": ["json"]});
            ws["smtp"]["port"] = smtp_port.into();
            ws["smtp"]["per_minute"] = 100_000.into();
            ws["ledger"] =
                serde_json::json!({"url": {"env": "EXECREPORT_LEDGER_URL"}, "lease_seconds": 3});
            if let Some(port) = s3_port {
                ws["output"] = "s3://reports/agency".into();
                ws["storage"] = serde_json::json!({
                    "endpoint": format!("http://127.0.0.1:{port}"),
                    "region": "us-east-1",
                    "access_key_id": {"env": "TEST_S3_SECRET"},
                    "secret_access_key": {"env": "TEST_S3_SECRET"},
                });
            }
            serde_json::to_string_pretty(&ws).unwrap()
        },
        false,
    )
}

fn worker(dir: &Path, url: &str, id: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(["batch", "--due", "--send", "--json", "--jobs", "2"])
        .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
        .env("EXECREPORT_LEDGER_URL", url)
        .env("EXECREPORT_WORKER_ID", id)
        .env("TEST_S3_SECRET", "worker")
        .env_remove("EXECREPORT_CONFIG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn four_workers_two_killed_render_and_send_each_report_once() {
    const CLIENTS: usize = 240;
    let pg = Postgres::start();
    let s3 = S3Server::start();
    let smtp = SmtpServer::start(&[]);
    let ws = workspace(CLIENTS, smtp.port, Some(s3.port));
    let dir = ws.path();
    let url = pg.url();
    let mut workers: Vec<Child> = (1..=4)
        .map(|i| worker(dir, &url, &format!("w{i}")))
        .collect();
    // Mid-run: a quarter of the messages are in.
    let started = Instant::now();
    while received_by(&smtp).len() < CLIENTS / 2 && started.elapsed() < Duration::from_secs(900) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        received_by(&smtp).len() >= CLIENTS / 2,
        "the workers send nothing"
    );
    for w in &mut workers[..2] {
        w.kill().unwrap(); // SIGKILL
        w.wait().unwrap();
    }
    workers.drain(..2);
    workers.push(worker(dir, &url, "w1-again"));
    workers.push(worker(dir, &url, "w2-again"));
    let mut summaries = Vec::new();
    for w in workers {
        let o = w.wait_with_output().unwrap();
        // 3: some message is uncertain (the kill came between handover and answer).
        assert!(
            matches!(o.status.code(), Some(0 | 3)),
            "{:?}: {}",
            o.status,
            common::stdout(&o)
        );
        let summary: Value = serde_json::from_slice(&o.stdout).unwrap();
        summaries.push(summary);
    }

    let mut db = pg.client();
    // Every report rendered and recorded once.
    let reports = db
        .query("SELECT client, state, outputs FROM reports", &[])
        .unwrap();
    assert_eq!(reports.len(), CLIENTS);
    for r in &reports {
        let (client, state): (String, String) = (r.get(0), r.get(1));
        assert_eq!(state, "rendered", "{client}");
        // Every object's content matches its recorded hash.
        let outputs: Vec<Value> = serde_json::from_str(&r.get::<_, String>(2)).unwrap();
        assert_eq!(outputs.len(), 1, "{client}");
        for o in &outputs {
            let location = o["path"].as_str().unwrap();
            assert!(
                location.starts_with(&format!("s3://reports/agency/{client}/")),
                "{location}"
            );
            let hash: String = Sha256::digest(s3.read(location))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!(hash, o["sha256"].as_str().unwrap(), "{client}");
        }
    }
    let rendered: BTreeMap<String, i64> = db
        .query(
            "SELECT client, count(*) FROM events WHERE event = 'rendered' GROUP BY client",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(rendered.len(), CLIENTS);
    assert!(rendered.values().all(|&n| n == 1), "{rendered:?}");
    // The killed workers' reports were taken over by others.
    let takeovers: i64 = db
        .query_one(
            "SELECT count(*) FROM events WHERE event = 'taken_over'",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(takeovers >= 1, "no report was taken over");
    // Every recipient has exactly one message, except those recorded uncertain (or left
    // `sending` by a kill), which have at most one.
    let received = received_by(&smtp);
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &received {
        *count.entry(r.as_str()).or_default() += 1;
    }
    let deliveries = db
        .query("SELECT recipient, state FROM deliveries", &[])
        .unwrap();
    assert_eq!(deliveries.len(), CLIENTS * 2);
    let mut uncertain = 0;
    for d in &deliveries {
        let (recipient, state): (String, String) = (d.get(0), d.get(1));
        let n = count.get(recipient.as_str()).copied().unwrap_or(0);
        match state.as_str() {
            "accepted" => assert_eq!(n, 1, "{recipient}"),
            "uncertain" | "sending" => {
                uncertain += 1;
                assert!(n <= 1, "{recipient}: {n}");
            }
            other => panic!("{recipient}: {other}"),
        }
    }
    assert!(uncertain <= 8, "{uncertain} uncertain deliveries");
    assert!(count.values().all(|&n| n == 1), "a message arrived twice");
    // The workers that ran to the end account for the reports they did not do themselves.
    let elsewhere: u64 = summaries
        .iter()
        .map(|s| s["done_elsewhere"].as_u64().unwrap())
        .sum();
    assert!(elsewhere > 0);

    // `status` on the shared ledger: every report rendered, nobody holding any.
    let o = Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(["status", "--json"])
        .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
        .env("EXECREPORT_LEDGER_URL", &url)
        .env("TEST_S3_SECRET", "worker")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", common::stderr(&o));
    let status: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = status["reports"].as_array().unwrap();
    assert!(
        rows.iter()
            .filter(|r| r["period"] == "2026-10")
            .all(|r| r["state"] == "rendered" && r.get("worker").is_none())
    );
    // The manifest, written by whichever worker finished last, lists every report.
    let manifest: Value =
        serde_json::from_slice(&s3.read("s3://reports/agency/manifest.json")).unwrap();
    assert_eq!(manifest["reports"].as_array().unwrap().len(), CLIENTS);
}

#[test]
fn status_shows_which_worker_holds_a_report_and_approve_works_on_the_shared_ledger() {
    let pg = Postgres::start();
    let ws = workspace(2, 2525, None);
    let dir = ws.path();
    let url = pg.url();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_execreport"))
            .arg("-c")
            .arg(dir.join("execreport.yaml"))
            .args(args)
            .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
            .env("EXECREPORT_LEDGER_URL", &url)
            .env("EXECREPORT_WORKER_ID", "render-7")
            .output()
            .unwrap()
    };
    let o = run(&["batch", "--period", "2026-10"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    // A worker that died holding a report (its claim as it left it).
    let mut db = pg.client();
    let client = "brightside-dental-000";
    db.execute(
        "UPDATE claims SET worker = 'host-9:4242', since = '2026-11-05T06:00:00.000Z',
         lease_until = '2999-01-01T00:00:00.000Z' WHERE client = $1",
        &[&client],
    )
    .unwrap();
    db.execute(
        "UPDATE reports SET state = 'rendering' WHERE client = $1",
        &[&client],
    )
    .unwrap();
    let o = run(&["status"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let text = common::stdout(&o);
    assert!(
        text.contains("held by worker host-9:4242 since 2026-11-05T06:00:00.000Z"),
        "{text}"
    );
    assert!(text.contains("working"), "{text}");
    // Approve writes to the shared ledger.
    let other = "thames-fitness-001";
    let o = run(&["approve", "--client", other, "--period", "2026-10"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let approval: String = db
        .query_one("SELECT approval FROM reports WHERE client = $1", &[&other])
        .unwrap()
        .get(0);
    assert_eq!(approval, "approved");
}
