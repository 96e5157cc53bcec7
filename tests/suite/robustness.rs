//! Bad input never panics: random bytes, mutations and truncations of valid files go through
//! the CSV, JSON and YAML loaders and come back as errors (or data), never as a panic. The
//! workspace file's values are fuzzed through `check` and `render`, and the real binary is run
//! on the inputs that used to panic or leak (issue 15).

use crate::common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use execreport::config::Workspace;
use execreport::config::schema::{OnBadRow, SourceConfig};
use execreport::metrics::catalog::Catalog;
use execreport::period::CompareKind;
use execreport::render::{Format, load_kit, render_formats};
use execreport::report::{self, ReportRequest};
use execreport::sources::live::{DataMode, Fetcher};
use execreport::sources::{self, load_bytes};

/// splitmix64: a tiny deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Truncations at every length, plus random byte flips, insertions and deletions.
fn variants(seed: &[u8], rng: &mut Rng, count: usize) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = (0..=seed.len()).map(|n| seed[..n].to_vec()).collect();
    let alphabet = b",;\"\n\r#:-[]{}. 0123456789abcXYZ\xff\xfe\xef\xbb\xbf\t\\/*&!|>%@`'";
    for _ in 0..count {
        let mut v = seed.to_vec();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(v.len() + 1);
            match rng.below(3) {
                0 if at < v.len() => v[at] = alphabet[rng.below(alphabet.len())],
                1 => v.insert(at, alphabet[rng.below(alphabet.len())]),
                _ if at < v.len() => {
                    v.remove(at);
                }
                _ => {}
            }
        }
        out.push(v);
    }
    for _ in 0..count / 4 {
        out.push((0..rng.below(200)).map(|_| rng.next() as u8).collect());
    }
    out
}

fn source(yaml: &str) -> SourceConfig {
    serde_saphyr::from_str(yaml).unwrap()
}

#[test]
fn csv_and_json_loaders_never_panic() {
    let catalog = Catalog::builtin();
    let mut rng = Rng(42);
    let wide = source(
        "id: a\nkind: csv\npath: a.csv\ndimensions: [c]\ncolumns: {x: ads.spend, y: ads.clicks}\n",
    );
    let long = source("id: r\nkind: csv\npath: r.csv\nlayout: long\non_bad_row: skip\n");
    let json = source(
        "id: j\nkind: json\npath: j.json\nrecords: /rows\ndimensions: [n]\ncolumns: {f: social.followers, /s/i: social.impressions}\n",
    );
    let cases: [(&SourceConfig, &[u8]); 3] = [
        (&wide, b"\xef\xbb\xbf# c\ndate,c,x,y\n2026-10-01,\"A, b\",\"1,234.5\",3\n2026-10-02,B,,4\n"),
        (&long, b"date,metric,value\n2026-10-01,reviews.new,3\n2026-10-01,reviews.rating,4.5\n"),
        (&json, br#"{"rows":[{"date":"2026-10-01","n":"ig","f":10,"s":{"i":"1,000"}},{"date":"20261002","n":"fb","f":null}]}"#),
    ];
    let mut outcomes = [0usize; 2];
    for (config, seed) in cases {
        assert!(load_bytes(Path::new("seed"), seed, config, &catalog).is_ok());
        for bytes in variants(seed, &mut rng, 3000) {
            let result = load_bytes(Path::new("fuzz"), &bytes, config, &catalog);
            outcomes[result.is_ok() as usize] += 1;
        }
    }
    // Both outcomes occur, so the mutations really reach the parsers.
    assert!(outcomes[0] > 100 && outcomes[1] > 100, "{outcomes:?}");
}

#[test]
fn workspace_loader_never_panics() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/execreport.yaml"
    ));
    let seed = std::fs::read(path).unwrap();
    assert!(Workspace::load(path).is_ok());
    let mut rng = Rng(7);
    let mut errors = 0;
    for bytes in variants(&seed, &mut rng, 3000) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = Workspace::parse(path, &text) {
            errors += 1;
            // Every error names the file.
            assert!(e.to_string().contains("execreport.yaml"), "{e}");
        }
    }
    assert!(errors > 1000, "{errors}");
}

/// The YAML parser's default budget (250,000 nodes) refused workspaces of more than about
/// 1,600 clients; an agency's own workspace file may be far larger.
#[test]
fn a_workspace_of_thousands_of_clients_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("web.csv"),
        "date,sessions,users\n2026-10-01,1,1\n",
    )
    .unwrap();
    let mut yaml = String::from("agencies:\n  - id: a\n    name: Agency\nclients:\n");
    let clients = 6000;
    for i in 0..clients {
        yaml.push_str(&format!(
            "  - id: client-{i}\n    name: Client {i}\n    time_zone: Europe/Rome\n    sources:\n"
        ));
        for s in ["web", "shop", "blog"] {
            yaml.push_str(&format!(
                "      - id: {s}\n        kind: csv\n        path: web.csv\n        columns: {{sessions: web.sessions, users: web.users}}\n"
            ));
        }
    }
    let path = dir.path().join("execreport.yaml");
    let ws = Workspace::parse(&path, &yaml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ws.clients().count(), clients);
}

/// The valid fixture workspace in a temporary folder (data copied, not linked), its
/// `execreport.yaml` passed through `edit`.
fn fixture(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = common::repo().join("tests/fixtures/valid");
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    for entry in std::fs::read_dir(from.join("data")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join("data").join(p.file_name().unwrap())).unwrap();
    }
    let yaml = std::fs::read_to_string(from.join("execreport.yaml")).unwrap();
    std::fs::write(dir.path().join("execreport.yaml"), edit(yaml)).unwrap();
    dir
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_execreport"));
    c.arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env_remove("EXECREPORT_NOW")
        .env_remove("EXECREPORT_TODAY")
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("EXECREPORT_TEST_PANIC");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).output().unwrap()
}

/// Exit code and stderr, asserting the command did not panic.
fn no_panic(o: &Output, what: &str) -> (Option<i32>, String) {
    let err = common::stderr(o);
    assert_ne!(o.status.code(), Some(101), "{what} panicked:\n{err}");
    assert!(!err.contains("panicked"), "{what} panicked:\n{err}");
    (o.status.code(), err)
}

/// `render --period PERIOD --format json,html --out OUT`.
fn render_into(dir: &Path, period: &str, out: &Path) -> Output {
    cmd(
        dir,
        &["render", "--period", period, "--format", "json,html"],
    )
    .arg("--out")
    .arg(out)
    .output()
    .unwrap()
}

/// Every file under `dir`, read as text.
fn contents(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(contents(&p));
        } else {
            let bytes = std::fs::read(&p).unwrap();
            out.push((p, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    out
}

#[test]
fn an_unknown_date_format_specifier_is_a_config_error_not_a_panic() {
    let ws = fixture(|y| {
        y.replace(
            "        path: data/web.csv\n",
            "        path: data/web.csv\n        date_format: \"%d/%m/%Q\"\n",
        )
    });
    let dir = ws.path();
    for args in [
        &["check"][..],
        &["render", "--period", "2026-10", "--format", "json"],
        &["batch", "--period", "2026-10"],
    ] {
        let o = run(dir, args);
        let (code, err) = no_panic(&o, args[0]);
        // A batch prints each report's failure on stdout.
        let err = err + &common::stdout(&o);
        // A setting of one client fails that client (3); `check` fails (1).
        let want = if args[0] == "check" { 1 } else { 3 };
        assert_eq!(code, Some(want), "{}: {err}", args[0]);
        assert!(
            err.contains(
                "execreport.yaml:30:22: clients[0].sources[1].date_format: unknown specifier %Q"
            ),
            "{}: {err}",
            args[0]
        );
        assert!(
            err.contains("expected chrono specifiers such as %Y-%m-%d"),
            "{err}"
        );
    }
}

#[test]
fn date_formats_are_checked_for_a_whole_date() {
    use execreport::config::values::check_date_format;
    for good in [
        "%d/%m/%Y",
        "%Y-%m-%dT%H:%M:%S",
        "%Y%m%d",
        "%d.%m.%y",
        "%-d %b %Y",
        "%F",
        "%Y-%m-%dT%H:%M:%S%z",
        "%s",
    ] {
        assert_eq!(check_date_format(good), Ok(()), "{good}");
    }
    for (bad, says) in [
        ("%d/%m/%Q", "unknown specifier %Q"),
        ("%Y-%m-%", "in \"%Y-%m-%\""),
        ("%Y-%m", "needs a year, month and day"),
        ("%H:%M", "needs a year, month and day"),
        ("", "needs a year, month and day"),
        ("%Y-%d", "needs a year, month and day"),
    ] {
        let e = check_date_format(bad).expect_err(bad);
        assert!(e.contains(says), "{bad:?}: {e}");
    }
}

#[test]
fn status_piped_into_head_ends_quietly() {
    // Enough due reports that `status` is still writing when the reader has gone.
    let ws = fixture(|y| {
        let mut y = y.replace("clients:\n", "schedule:\n  monthly: {day: 1}\nclients:\n");
        for i in 0..400 {
            y.push_str(&format!(
                "  - id: client-{i}\n    name: Client {i}\n    sources: []\n"
            ));
        }
        y
    });
    let mut child = cmd(ws.path(), &["status", "--now", "2026-11-20T00:00:00Z"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty());
    // The read end is closed (dropped above); the rest of the output goes nowhere.
    let o = child.wait_with_output().unwrap();
    no_panic(&o, "status | head -1");
}

#[test]
fn values_whose_sum_overflows_are_an_error_with_file_line_and_column() {
    let ws = fixture(|y| y);
    let dir = ws.path();
    let mut csv = std::fs::read_to_string(dir.join("data/web.csv")).unwrap();
    csv.push_str("2026-11-01,1e308,70,3\n2026-11-02,1e308,70,3\n");
    std::fs::write(dir.join("data/web.csv"), csv).unwrap();
    let out = dir.join("out");
    let o = render_into(dir, "2026-11", &out);
    let (code, err) = no_panic(&o, "render");
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains(
            "web.csv:61:2: field `sessions`: 1e308 makes the total of web.sessions too large"
        ),
        "{err}"
    );
    assert!(contents(&out).is_empty(), "a report was written");
    let (code, err) = no_panic(&run(dir, &["check"]), "check");
    assert_eq!(code, Some(1));
    assert!(err.contains("web.csv:61:2"), "{err}");
    // Skipped as a bad row, the other day's value is reported, finite.
    let skip = |y: String| {
        y.replace(
            "        path: data/web.csv\n",
            "        path: data/web.csv\n        on_bad_row: skip\n",
        )
    };
    std::fs::write(
        dir.join("execreport.yaml"),
        skip(std::fs::read_to_string(dir.join("execreport.yaml")).unwrap()),
    )
    .unwrap();
    let o = render_into(dir, "2026-11", &out);
    let (code, err) = no_panic(&o, "render with skip");
    assert_eq!(code, Some(0), "{err}");
    for (path, text) in contents(&out) {
        assert!(!text.contains('∞'), "{}", path.display());
        assert!(
            text.contains("61"),
            "the skipped row is listed in {}",
            path.display()
        );
    }
}

#[test]
fn a_data_file_linked_out_of_the_workspace_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("passwd");
    std::fs::write(&secret, "root-SECRET-x:0:0:root:/root:/bin/bash\n").unwrap();
    for required in [true, false] {
        let ws = fixture(|y| {
            if required {
                y
            } else {
                y.replace(
                    "        path: data/web.csv\n",
                    "        path: data/web.csv\n        required: false\n",
                )
            }
        });
        let dir = ws.path();
        std::fs::remove_file(dir.join("data/web.csv")).unwrap();
        std::os::unix::fs::symlink(&secret, dir.join("data/web.csv")).unwrap();
        let out = dir.join("out");
        let o = render_into(dir, "2026-10", &out);
        let (code, err) = no_panic(&o, "render");
        assert_eq!(code, Some(if required { 3 } else { 4 }), "{err}");
        assert!(
            err.contains("path ") && err.contains("web.csv: the file leads outside"),
            "{err}"
        );
        let c = run(dir, &["check"]);
        let mut shown = vec![
            ("stdout".into(), common::stdout(&o)),
            ("stderr".into(), err),
            ("check".into(), common::stderr(&c) + &common::stdout(&c)),
        ];
        shown.extend(contents(&out));
        for (what, text) in shown {
            assert!(
                !text.contains("SECRET"),
                "required: {required}: {what:?}:\n{text}"
            );
        }
    }
    // A `..` path to the same file (its folder is a sibling of the workspace's) is refused too.
    let sibling = outside.path().file_name().unwrap().to_str().unwrap();
    let ws = fixture(|y| y.replace("path: data/web.csv", &format!("path: ../{sibling}/passwd")));
    let (code, err) = no_panic(
        &run(
            ws.path(),
            &["render", "--period", "2026-10", "--format", "json"],
        ),
        "render",
    );
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("passwd: the file leads outside"), "{err}");
    assert!(!err.contains("SECRET"), "{err}");
}

#[test]
fn a_panic_in_one_batch_job_fails_that_report_only() {
    // A test hook of debug builds (`EXECREPORT_TEST_PANIC`): no real input panics any more.
    let ws = fixture(|y| {
        y.replace(
            "clients:\n",
            "schedule:\n  monthly: {day: 1}\n  formats: [json, html]\nclients:\n",
        ) + "  - id: other\n    name: Other\n    sources:\n      - id: web\n        kind: csv\n        path: data/web.csv\n        columns: {sessions: web.sessions}\n"
    });
    let dir = ws.path();
    let o = cmd(dir, &["batch", "--json", "--period", "2026-10"])
        .env("EXECREPORT_TEST_PANIC", "shop")
        .output()
        .unwrap();
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reports = summary["reports"].as_array().unwrap();
    let of = |client: &str| reports.iter().find(|r| r["client"] == client).unwrap();
    assert_eq!(of("shop")["status"], "failed", "{summary}");
    assert!(
        of("shop")["error"]
            .as_str()
            .unwrap()
            .contains("EXECREPORT_TEST_PANIC for client shop"),
        "{summary}"
    );
    assert_eq!(of("other")["status"], "rendered", "{summary}");
    let o = run(dir, &["status", "--json", "--now", "2026-11-20T00:00:00Z"]);
    let status: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let shop = status["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["client"] == "shop" && r["period"] == "2026-10")
        .unwrap();
    assert_eq!(shop["state"], "failed", "{status}");
    assert!(
        shop["error"].as_str().unwrap().contains("internal error"),
        "{status}"
    );
}

/// Values the workspace fuzzer puts in place of a setting's value. `__X__` strings are written
/// unquoted as YAML's own non-finite and oversized numbers.
fn fuzz_value(rng: &mut Rng, like: &serde_json::Value) -> serde_json::Value {
    use serde_json::json;
    const STRINGS: &[&str] = &[
        "",
        " ",
        "x",
        "%d/%m/%Q",
        "%Y",
        "%Y-%m",
        "%H:%M",
        "%",
        "%%",
        "%-d/%-m/%Y",
        "%s",
        "%Z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%E",
        "%.3f",
        "../../../../etc/passwd",
        "/etc/passwd",
        "data/web.csv",
        "data",
        ".",
        "é漢字🙂\u{202e}ق",
        "\u{0}",
        "web.sessions",
        "ads.ctr",
        "custom.rate",
        "9999-12-31",
        "0000-00-00",
        "-2026-10-01",
        "2026-02-30",
        "-1",
        "NaN",
        "Europe/Rome",
        "Mars/Olympus",
        "th-TH",
        "ar-EG",
        "xx",
        "en-US-u-ca-islamic",
        "EUR",
        "XXX",
        "{{ start }}",
        "{{",
        "{{ nope }}",
        "https://",
        "http://[::1",
        "monday",
        "25:61",
        "00:00",
        "{client}/{period}",
        "summary",
        "commentary",
        "buddhist",
        "long",
        "skip",
        "sum",
        "__INF__",
        "__NEGINF__",
        "__NAN__",
        "__BIG__",
        "__HUGEINT__",
    ];
    // Mostly a value of the same type, which the schema is more likely to let through.
    let kind = match (like, rng.below(3)) {
        (serde_json::Value::String(_), 0 | 1) => 0,
        (serde_json::Value::Number(_), 0 | 1) => 5 + rng.below(2),
        _ => rng.below(12),
    };
    match kind {
        0..=4 => json!(STRINGS[rng.below(STRINGS.len())]),
        5 => json!(
            [
                0,
                -1,
                1,
                28,
                29,
                31,
                32,
                255,
                65536,
                4294967296i64,
                -4294967296i64
            ][rng.below(11)]
        ),
        6 => json!([1.5, -0.5, 1e308, -1e308, 1e-308, 5e-324, f64::MAX][rng.below(7)]),
        7 => json!(["a".repeat(300), "🙂".repeat(300)][rng.below(2)]),
        8 => [json!(null), json!(true), json!(false)][rng.below(3)].clone(),
        9 => json!([json!([]), json!({}), json!([1, "a", null])][rng.below(3)]),
        10 => json!({"a": 1, "env": "X", "file": "/etc/passwd"}),
        _ => json!([{"id": "x"}, {"metric": "web.sessions", "at_least": -1}]),
    }
}

/// Setting names the fuzzer adds to maps (with a value from [`fuzz_value`]).
const FUZZ_KEYS: &[&str] = &[
    "date_format",
    "time_zone",
    "locale",
    "currency",
    "calendar",
    "week_start",
    "breakdown_top",
    "sections",
    "summary_kpis",
    "goals",
    "schedule",
    "formats",
    "on_bad_row",
    "layout",
    "delimiter",
    "decimal_separator",
    "records",
    "required",
    "dimensions",
    "dimension_names",
    "metric_names",
    "columns",
    "brand",
    "metrics",
    "output",
    "brands",
    "notes",
    "email",
    "at_least",
    "at_most",
    "per",
    "label",
    "day",
    "at",
    "weekday",
    "approval",
    "monthly",
    "weekly",
    "date",
    "path",
    "kind",
    "api",
    "agency",
    "recipients",
    "link",
    "attach",
    "metric_column",
];

/// Every place in a JSON tree, as a pointer.
fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, child) in m {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        serde_json::Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// One or two changes: a value replaced, a key added or removed, a list emptied or grown.
fn mutate(seed: &serde_json::Value, rng: &mut Rng) -> String {
    let mut doc = seed.clone();
    for _ in 0..1 + rng.below(2) {
        let mut all = Vec::new();
        pointers(&doc, String::new(), &mut all);
        // Two times in three a scalar: changing a whole section is refused at once.
        if rng.below(3) > 0 {
            all.retain(|p| {
                doc.pointer(p)
                    .is_some_and(|v| !(v.is_object() || v.is_array()))
            });
        }
        let at = all[rng.below(all.len())].clone();
        let Some(node) = doc.pointer_mut(&at) else {
            continue;
        };
        let value = fuzz_value(rng, node);
        // Mostly values replaced: a key the schema does not know is refused at once.
        match (node, rng.below(12)) {
            (serde_json::Value::Object(m), 0) => {
                m.insert(FUZZ_KEYS[rng.below(FUZZ_KEYS.len())].into(), value);
            }
            (serde_json::Value::Object(m), 1) if !m.is_empty() => {
                let key = m.keys().nth(rng.below(m.len())).unwrap().clone();
                m.remove(&key);
            }
            (serde_json::Value::Array(a), 0) if !a.is_empty() => {
                let copy = a[rng.below(a.len())].clone();
                a.push(copy);
            }
            (serde_json::Value::Array(a), 1) => a.clear(),
            (node, _) => *node = value,
        }
    }
    // JSON is YAML; the markers become YAML's own infinities and out-of-range numbers.
    serde_json::to_string_pretty(&doc)
        .unwrap()
        .replace("\"__INF__\"", ".inf")
        .replace("\"__NEGINF__\"", "-.inf")
        .replace("\"__NAN__\"", ".nan")
        .replace("\"__BIG__\"", "1e999")
        .replace("\"__HUGEINT__\"", "123456789012345678901234567890")
}

/// What `check` and `render` do with a workspace, through the library (the commands are the
/// binary's): every source read (leniently) or its secrets checked, then each client's brand
/// loaded and its report for 2026-10 built and rendered. True when every report rendered.
fn check_and_render(ws: &Workspace, formats: &[Format]) -> bool {
    let fetcher = Fetcher::default();
    for client in ws.clients() {
        for source in &client.config.sources {
            if source.kind.is_live() {
                let _ = sources::live::check(ws, fetcher.redactor(), source);
            } else {
                let mut lenient = source.clone();
                lenient.on_bad_row = OnBadRow::Skip;
                let _ = sources::load_file(&ws.root, &lenient, &ws.catalog);
            }
        }
    }
    let request = ReportRequest {
        period: "2026-10".parse().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: None,
        data: DataMode::Auto,
    };
    ws.clients().all(|client| {
        load_kit(ws, client.brand).is_ok_and(|kit| {
            report::build(ws, &fetcher, &client, &kit.brand, &request)
                .is_ok_and(|model| render_formats(&model, &kit, ws, formats).is_ok())
        })
    })
}

/// The fixture workspace's settings, mutated (values, types, keys, lists) by a seeded
/// generator, go through `check` and `render`: each ends with a result, never a panic.
#[test]
fn workspace_settings_fuzzed_through_check_and_render_never_panic() {
    let ws = fixture(|y| {
        // Settings the fixture leaves out, so the fuzzer has them to change.
        y.replace(
            "clients:\n",
            "metrics:\n  - {id: custom.rate, label: Rate, unit: ratio, aggregation: {ratio: {numerator: web.conversions, denominator: web.sessions}}}\nschedule:\n  monthly: {day: 3, at: \"07:00\"}\n  formats: [json]\nclients:\n",
        )
        .replace(
            "        path: data/web.csv\n",
            "        path: data/web.csv\n        date_format: \"%Y-%m-%d\"\n        decimal_separator: \".\"\n",
        )
        .replace(
            "    locale: en-US\n",
            "    locale: en-US\n    calendar: gregorian\n    breakdown_top: 3\n    summary_kpis: [web.sessions, custom.rate]\n    sections: [summary, web, ads, goals, data_notes]\n",
        )
    });
    let dir = ws.path();
    let path = dir.join("execreport.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(Workspace::parse(&path, &text).is_ok());
    let seed: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    // The PDF (slower in a debug build) for one workspace in ten that load.
    let (quick, full): (&[Format], &[Format]) = (&[Format::Json, Format::Html], &Format::ALL);
    let mut rng = Rng(15);
    let (mut loaded, mut rendered, mut panics) = (0, 0, Vec::new());
    let started = std::time::Instant::now();
    for i in 0..1500 {
        let yaml = mutate(&seed, &mut rng);
        std::fs::write(&path, &yaml).unwrap();
        let formats = if loaded % 10 == 0 { full } else { quick };
        let outcome = std::panic::catch_unwind(|| {
            let Ok(ws) = Workspace::load(&path) else {
                return (false, false);
            };
            (true, check_and_render(&ws, formats))
        });
        match outcome {
            Ok((l, r)) => {
                loaded += usize::from(l);
                rendered += usize::from(r);
            }
            Err(_) => panics.push(format!("iteration {i}:\n{yaml}")),
        }
    }
    assert!(
        panics.is_empty(),
        "{} panics; first:\n{}",
        panics.len(),
        panics[0]
    );
    // The mutations reach the checks and the renderer, not only the YAML reader.
    assert!(
        loaded > 100 && rendered > 60,
        "loaded {loaded}, rendered {rendered}"
    );
    eprintln!(
        "{loaded} loaded, {rendered} rendered in {:?}",
        started.elapsed()
    );
}
