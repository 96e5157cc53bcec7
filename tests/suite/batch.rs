//! `execreport batch`, `status` and `approve`: due reports across time zones, the ledger,
//! reruns, failures, a batch killed mid-run, the workspace lock and shards.

use crate::common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::{Days, NaiveDate};
use serde_json::Value;

fn workspace(schedule_day: u32, broken: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let mut csv = String::from("date,sessions\n");
    let mut d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    while d <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
        csv.push_str(&format!(
            "{d},{}\n",
            100 + d.format("%d").to_string().parse::<u32>().unwrap()
        ));
        d = d + Days::new(1);
    }
    std::fs::write(dir.path().join("data/web.csv"), &csv).unwrap();
    std::fs::write(
        dir.path().join("data/broken.csv"),
        csv.replace("2026-10-15,115", "2026-10-15,n/a"),
    )
    .unwrap();
    let client = |id: &str, zone: &str, file: &str| {
        format!(
            "  - id: {id}\n    name: {id}\n    time_zone: {zone}\n    sources:\n      - id: web\n        kind: csv\n        path: data/{file}\n        columns: {{sessions: web.sessions}}\n"
        )
    };
    let mut yaml = format!(
        "agencies:\n  - id: a\n    name: Agency\nschedule:\n  monthly: {{day: {schedule_day}, at: \"06:00\"}}\n  formats: [json, html]\nclients:\n"
    );
    yaml.push_str(&client("new-york", "America/New_York", "web.csv"));
    yaml.push_str(&client("tokyo", "Asia/Tokyo", "web.csv"));
    yaml.push_str(&client("london", "Europe/London", "web.csv"));
    if broken {
        yaml.push_str(&client("broken", "UTC", "broken.csv"));
    }
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    dir
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_execreport"));
    c.arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_CONFIG");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `batch ... --json`: the summary.
fn batch(dir: &Path, args: &[&str], code: i32) -> Value {
    let mut all = vec!["batch", "--json"];
    all.extend(args);
    let o = run(dir, &all);
    assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// (client, period, status) of each report of a summary.
fn done(summary: &Value) -> Vec<(String, String, String)> {
    summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["client"].as_str().unwrap().to_string(),
                r["period"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn t(client: &str, period: &str, status: &str) -> (String, String, String) {
    (client.into(), period.into(), status.into())
}

fn status(dir: &Path, now: &str) -> Value {
    let o = run(dir, &["status", "--json", "--now", now]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The status row of a client's report.
fn row(dir: &Path, client: &str) -> Value {
    let st = status(dir, "2026-11-20T00:00:00Z");
    let rows = st["reports"].as_array().unwrap();
    let found = rows
        .iter()
        .find(|r| r["client"] == client && r["state"] != "due");
    found
        .unwrap_or_else(|| panic!("no {client} in {st}"))
        .clone()
}

#[test]
fn due_reports_follow_each_clients_clock() {
    let ws = workspace(1, false);
    let dir = ws.path();
    // 1 November 2026, 10:30 UTC: 19:30 in Tokyo, 10:30 in London, 05:30 in New York (which
    // left summer time at 02:00). Monthly runs are on the 1st at 06:00 local time.
    let s = batch(dir, &["--due", "--now", "2026-11-01T10:30:00Z"], 0);
    assert_eq!(
        done(&s),
        [
            t("london", "2026-10", "rendered"),
            t("new-york", "2026-09", "rendered"),
            t("tokyo", "2026-10", "rendered")
        ]
    );
    let st = status(dir, "2026-11-01T10:30:00Z");
    let next: Vec<&Value> = st["next"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["client"] == "new-york")
        .collect();
    assert_eq!(next[0]["at"], "2026-11-01T11:00:00+00:00");
    // At 11:00 UTC (06:00 EST) New York's October is due; nothing else.
    let s = batch(dir, &["--due", "--now", "2026-11-01T11:00:00Z"], 0);
    assert_eq!(done(&s), [t("new-york", "2026-10", "rendered")]);
    // A rerun finds nothing to do.
    let s = batch(dir, &["--due", "--now", "2026-11-01T11:00:00Z"], 0);
    assert!(done(&s).is_empty());
    assert!(dir.join("out/tokyo/2026-10/report.html").is_file());
    assert!(
        !dir.join("out/tokyo/2026-10/report.pdf").exists(),
        "formats from the schedule"
    );
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["reports"].as_array().unwrap().len(), 4);
}

#[test]
fn a_settle_delay_holds_the_month_back() {
    let ws = workspace(3, false);
    // 2 November: with runs on the 3rd, September is the latest month due.
    let s = batch(ws.path(), &["--due", "--now", "2026-11-02T12:00:00Z"], 0);
    assert!(done(&s).iter().all(|(_, p, _)| p == "2026-09"), "{s}");
    let s = batch(ws.path(), &["--due", "--now", "2026-11-03T12:00:00Z"], 0);
    assert!(
        done(&s).iter().all(|(_, p, _)| p == "2026-10") && done(&s).len() == 3,
        "{s}"
    );
}

#[test]
fn unchanged_reports_are_not_rendered_again_unless_forced_or_changed() {
    let ws = workspace(1, false);
    let dir = ws.path();
    let args = ["--period", "2026-10", "--clients", "london"];
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [t("london", "2026-10", "rendered")]
    );
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [t("london", "2026-10", "unchanged")]
    );
    let mut forced = args.to_vec();
    forced.push("--force");
    assert_eq!(
        done(&batch(dir, &forced, 0)),
        [t("london", "2026-10", "rendered")]
    );
    // New data for October: the report is rendered again.
    let csv = std::fs::read_to_string(dir.join("data/web.csv")).unwrap();
    std::fs::write(
        dir.join("data/web.csv"),
        csv.replace("2026-10-20,120", "2026-10-20,999"),
    )
    .unwrap();
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [t("london", "2026-10", "rendered")]
    );
    // A damaged output is noticed and rewritten.
    std::fs::write(dir.join("out/london/2026-10/report.html"), "tampered").unwrap();
    assert_eq!(row(dir, "london")["state"], "damaged");
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [t("london", "2026-10", "rendered")]
    );
    // What a power cut may leave of a file renamed into place before the disk had it (the
    // outputs are not synced one by one): as long as it was, all zeros. Its digest tells.
    let json = dir.join("out/london/2026-10/report.json");
    let len = std::fs::metadata(&json).unwrap().len() as usize;
    std::fs::write(&json, vec![0u8; len]).unwrap();
    assert_eq!(row(dir, "london")["state"], "damaged");
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [t("london", "2026-10", "rendered")]
    );
    assert_eq!(row(dir, "london")["state"], "rendered");
}

/// A format named twice in the schedule is one file, written once (two writes of one path at
/// once would race for it).
#[test]
fn a_format_named_twice_is_written_once() {
    let ws = workspace(1, false);
    let dir = ws.path();
    let yaml = std::fs::read_to_string(dir.join("execreport.yaml")).unwrap();
    std::fs::write(
        dir.join("execreport.yaml"),
        yaml.replace("formats: [json, html]", "formats: [json, html, json, html]"),
    )
    .unwrap();
    let summary = batch(dir, &["--period", "2026-10", "--clients", "london"], 0);
    assert_eq!(done(&summary), [t("london", "2026-10", "rendered")]);
    let outputs: Vec<&str> = summary["reports"][0]["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert_eq!(outputs.len(), 2, "{outputs:?}");
    assert!(outputs[0].ends_with("report.json") && outputs[1].ends_with("report.html"));
}

#[test]
fn a_failing_client_leaves_the_others_done() {
    let ws = workspace(1, true);
    let dir = ws.path();
    let s = batch(dir, &["--period", "2026-10"], 3);
    let statuses = done(&s);
    assert_eq!(statuses.len(), 4);
    assert!(statuses.contains(&t("broken", "2026-10", "failed")));
    assert_eq!(
        statuses.iter().filter(|(_, _, s)| s == "rendered").count(),
        3
    );
    let broken = s["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["client"] == "broken")
        .unwrap();
    assert!(
        broken["error"].as_str().unwrap().contains("broken.csv"),
        "{broken}"
    );
    assert_eq!(row(dir, "broken")["state"], "failed");
    // Plain output names the failure and ends with a summary line.
    let o = run(dir, &["batch", "--period", "2026-10"]);
    assert_eq!(o.status.code(), Some(3));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("failed    broken 2026-10"), "{out}");
    assert!(
        out.contains("batch: 4 reports — 0 rendered, 3 unchanged, 1 failed"),
        "{out}"
    );
}

#[test]
fn approval_is_asked_for_loudly_and_recorded() {
    let ws = workspace(1, false);
    let dir = ws.path();
    let yaml = std::fs::read_to_string(dir.join("execreport.yaml")).unwrap();
    std::fs::write(
        dir.join("execreport.yaml"),
        yaml.replace(
            "  formats: [json, html]",
            "  formats: [json]\n  approval: required",
        ),
    )
    .unwrap();
    let o = run(dir, &["batch", "--period", "2026-10", "--clients", "tokyo"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("AWAITING APPROVAL: tokyo 2026-10"), "{out}");
    let o = run(
        dir,
        &["approve", "--client", "tokyo", "--period", "2026-10"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(row(dir, "tokyo")["approval"], "approved");
    let o = run(
        dir,
        &["approve", "--client", "tokyo", "--period", "2026-09"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no rendered report"), "{}", stderr(&o));
}

#[test]
fn shards_partition_the_clients() {
    let ws = workspace(1, false);
    let mut seen = Vec::new();
    for shard in ["1/2", "2/2"] {
        let s = batch(ws.path(), &["--period", "2026-10", "--shard", shard], 0);
        seen.extend(done(&s).into_iter().map(|(c, _, _)| c));
    }
    seen.sort();
    assert_eq!(seen, ["london", "new-york", "tokyo"]);
    let o = run(
        ws.path(),
        &["batch", "--period", "2026-10", "--shard", "3/2"],
    );
    assert_eq!(o.status.code(), Some(2));
}

/// The sample workspace with its own ledger.
fn samples() -> tempfile::TempDir {
    common::sample_workspace(|yaml| yaml, true)
}

#[test]
fn a_batch_killed_mid_run_is_completed_by_the_next_one() {
    let ws = samples();
    let dir = ws.path();
    let out = dir.join("out");
    let args = [
        "batch",
        "--period",
        "2026-10",
        "--jobs",
        "1",
        "--out",
        out.to_str().unwrap(),
    ];
    let mut child = cmd(dir, &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(2500));
    child.kill().unwrap(); // SIGKILL
    let killed = child.wait_with_output().unwrap();
    let printed = String::from_utf8_lossy(&killed.stdout)
        .lines()
        .filter(|l| l.starts_with("rendered"))
        .count();
    // The ledger is the truth: a kill between its commit and the printed line loses the line.
    let before = status(dir, "2026-11-20T00:00:00Z")["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["period"] == "2026-10" && r["state"] == "rendered")
        .count();
    assert!(
        printed <= before && before < 8,
        "killed after {before} reports ({printed} printed)"
    );
    // Two concurrent batches: while one runs, a second one refuses to start.
    let mut first = cmd(dir, &args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let second = run(dir, &args);
    assert_eq!(second.status.code(), Some(5), "{}", stderr(&second));
    assert!(stderr(&second).contains("another batch is running"));
    let first = {
        let status = first.wait().unwrap();
        assert_eq!(status.code(), Some(0));
        let mut text = String::new();
        std::io::Read::read_to_string(first.stdout.as_mut().unwrap(), &mut text).unwrap();
        text
    };
    // The rerun rendered exactly the reports the killed batch had not finished.
    let rendered = first.lines().filter(|l| l.starts_with("rendered")).count();
    let unchanged = first.lines().filter(|l| l.starts_with("unchanged")).count();
    assert_eq!((rendered, unchanged), (8 - before, before), "{first}");
    // Every output is whole and as the ledger (through the manifest) records it.
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let reports = manifest["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 8);
    for r in reports {
        assert_eq!(r["state"], "rendered");
        let outputs = r["outputs"].as_array().unwrap();
        assert_eq!(outputs.len(), 3);
        for o in outputs {
            let path = Path::new(o["path"].as_str().unwrap());
            assert_eq!(
                common::sha256(path),
                o["sha256"].as_str().unwrap(),
                "{}",
                path.display()
            );
        }
        let pdf = Path::new(
            outputs
                .iter()
                .find(|o| o["path"].as_str().unwrap().ends_with(".pdf"))
                .unwrap()["path"]
                .as_str()
                .unwrap(),
        );
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(pdf)
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", pdf.display());
    }
    // No temporary file of the killed batch is left behind.
    for client in std::fs::read_dir(&out)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
    {
        for file in std::fs::read_dir(client.path().join("2026-10")).unwrap() {
            let name = file.unwrap().file_name().into_string().unwrap();
            assert!(
                !name.ends_with(".tmp"),
                "{name} left in {}",
                client.path().display()
            );
        }
    }
    let st = status(dir, "2026-11-20T00:00:00Z");
    assert!(
        st["reports"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["state"] == "rendered"),
        "{st}"
    );
}

#[test]
fn a_changed_brand_renders_its_clients_again() {
    let ws = samples();
    let dir = ws.path();
    let args = [
        "--period",
        "2026-10",
        "--clients",
        "brightside-dental,osaka-smile-clinic",
    ];
    // The samples' brands are linked in: edit a copy.
    let brands = dir.join("brands");
    let linked = std::fs::read_link(&brands).unwrap();
    std::fs::remove_file(&brands).unwrap();
    let cp = Command::new("cp")
        .arg("-r")
        .arg(&linked)
        .arg(&brands)
        .status();
    assert!(cp.unwrap().success());
    batch(dir, &args, 0);
    let brand = dir.join("brands/sakura/brand.yaml");
    let yaml = std::fs::read_to_string(&brand).unwrap();
    std::fs::write(&brand, format!("{yaml}\n# a designer's note\n")).unwrap();
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [
            t("brightside-dental", "2026-10", "unchanged"),
            t("osaka-smile-clinic", "2026-10", "rendered"),
        ]
    );
    // A font file counts as much as the brand file.
    let font = std::fs::read_dir(dir.join("brands/sakura/fonts"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut bytes = std::fs::read(&font).unwrap();
    bytes.extend_from_slice(&[0; 4]);
    std::fs::write(&font, bytes).unwrap();
    assert_eq!(
        done(&batch(dir, &args, 0)),
        [
            t("brightside-dental", "2026-10", "unchanged"),
            t("osaka-smile-clinic", "2026-10", "rendered"),
        ]
    );
}
