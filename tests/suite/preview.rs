//! `execreport preview` against a copy of the sample workspace: pages, reload events after a
//! brand colour and a template change, a template error page and the recovery, hostile paths,
//! and real headless Chromium reloading itself after an edit.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::common::{self, browser};

struct Preview {
    child: Child,
    base: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sample workspace with a real (writable) copy of the northwind brand.
fn workspace() -> tempfile::TempDir {
    let ws = common::sample_workspace(|yaml| yaml, true);
    let brands = ws.path().join("brands");
    std::fs::remove_file(&brands).unwrap();
    copy_dir(&common::repo().join("samples/brands"), &brands);
    ws
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

fn start(dir: &Path) -> Preview {
    start_with(dir, &[])
}

fn start_with(dir: &Path, args: &[&str]) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(["preview", "--port", "0"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    assert!(base.starts_with("http://127.0.0.1:"), "{line}");
    Preview { child, base }
}

fn get(url: &str) -> (u16, String) {
    let r = reqwest::blocking::Client::new()
        .get(url)
        .timeout(Duration::from_secs(60))
        .send()
        .unwrap();
    (r.status().as_u16(), r.text().unwrap())
}

/// Reload events, as the browser's EventSource gets them.
fn events(base: &str) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let url = format!("{base}/events");
    std::thread::spawn(move || {
        let r = reqwest::blocking::Client::builder()
            .timeout(None)
            .build()
            .unwrap()
            .get(url)
            .send()
            .unwrap();
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            if let Some(data) = line.strip_prefix("data: ") {
                let _ = tx.send(data.to_string());
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    rx
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn pages_reload_on_edits_and_errors_recover() {
    let ws = workspace();
    let dir = ws.path();
    let p = start(dir);
    let (status, index) = get(&format!("{}/", p.base));
    assert_eq!(status, 200);
    assert!(index.contains("Thames Fitness") && index.contains("/r/thames-fitness/"));
    let page = |path: &str| get(&format!("{}{path}", p.base));
    let (status, toolbar) = page("/r/thames-fitness/2026-10?width=phone");
    assert_eq!(status, 200, "{toolbar}");
    assert!(toolbar.contains("src=\"/raw/thames-fitness/2026-10?compare=previous\""));
    assert!(toolbar.contains("width:375px"));
    let (status, report) = page("/raw/thames-fitness/2026-10");
    assert_eq!(status, 200);
    assert!(
        report.contains("Thames Fitness") && !report.contains("EventSource"),
        "the report is served as sent"
    );
    let (status, _) = page("/raw/thames-fitness/2026-10?locale=ja");
    assert_eq!(status, 200);
    let (status, email) = page("/email/thames-fitness/2026-10");
    assert_eq!(status, 200);
    assert!(
        email.contains("marketing@thamesfitness.example.co.uk") && email.contains(".pdf"),
        "{email}"
    );
    let pdf = reqwest::blocking::get(format!("{}/pdf/thames-fitness/2026-10", p.base)).unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().unwrap().starts_with(b"%PDF-"));

    let reloads = events(&p.base);
    // Waits for reload events until the page shows what the edit should make it show (an
    // editor's save, or a folder and a file, can take two rebuilds).
    let wait = |what: &str, done: &dyn Fn() -> bool| {
        let t = Instant::now();
        loop {
            let g = reloads
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|_| panic!("no reload after {what}"));
            if done() {
                eprintln!(
                    "reload {g} after {what}: {} ms from the save",
                    t.elapsed().as_millis()
                );
                return;
            }
        }
    };
    // A brand colour.
    let brand = dir.join("brands/northwind/brand.yaml");
    edit(&brand, "primary: \"#12355b\"", "primary: \"#7a1f5f\"");
    wait("a brand colour", &|| {
        page("/raw/thames-fitness/2026-10").1.contains("#7a1f5f")
    });
    // A new template override.
    let templates = dir.join("brands/northwind/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("tile.html"),
        "{% if tile.value %}<div class=\"tile marker-4242\">{{ tile.label }} {{ tile.value }}</div>{% endif %}\n",
    )
    .unwrap();
    wait("a template", &|| {
        page("/raw/thames-fitness/2026-10")
            .1
            .contains("marker-4242")
    });
    // A syntax error: an error page naming the file and line, and the server keeps serving.
    std::fs::write(templates.join("tile.html"), "<div>\n{% endfor %}\n").unwrap();
    wait("a template error", &|| {
        page("/r/thames-fitness/2026-10").0 == 500
    });
    let (status, error) = page("/r/thames-fitness/2026-10");
    assert_eq!(status, 500);
    assert!(
        error.contains("templates/tile.html") && error.contains("tile.html:2:"),
        "{error}"
    );
    assert!(
        error.contains("EventSource"),
        "the error page reloads itself"
    );
    assert_eq!(page("/").0, 200);
    // Fixed: the report is back.
    std::fs::write(
        templates.join("tile.html"),
        "<div class=\"tile marker-5151\">{{ tile.value }}</div>\n",
    )
    .unwrap();
    wait("the fix", &|| page("/raw/thames-fitness/2026-10").0 == 200);
    let (status, report) = page("/raw/thames-fitness/2026-10");
    assert_eq!(status, 200);
    assert!(report.contains("marker-5151"));
    // A broken workspace file: an error page, then recovery.
    let config = dir.join("execreport.yaml");
    edit(&config, "name: Thames Fitness", "name: [Thames Fitness");
    wait("a broken workspace file", &|| page("/").0 == 500);
    let (status, error) = page("/");
    assert_eq!(status, 500);
    assert!(error.contains("execreport.yaml:"), "{error}");
    edit(&config, "name: [Thames Fitness", "name: Thames Fitness");
    wait("the repaired workspace file", &|| page("/").0 == 200);
    assert_eq!(page("/raw/thames-fitness/2026-10").0, 200);
}

#[test]
fn hostile_requests_get_404() {
    let ws = common::sample_workspace(|yaml| yaml, true);
    let p = start(ws.path());
    for path in [
        "/raw/..%2F..%2Fetc%2Fpasswd/2026-10",
        "/raw/thames-fitness/..%2F..%2Fexecreport.yaml",
        "/raw/nobody/2026-10",
        "/r/thames-fitness/2026-13",
        "/raw/thames-fitness/2026-10?locale=../../etc",
        "/raw/thames-fitness/2026-10?compare=sideways",
        "/execreport.yaml",
        "/brands/northwind/brand.yaml",
        "/data/thames-fitness/google-ads.csv",
    ] {
        let (status, body) = get(&format!("{}{path}", p.base));
        assert_eq!(status, 404, "{path}: {body}");
    }
    // Even a raw `..` that the client does not normalise.
    let addr = p.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    std::io::Write::write_all(
        &mut stream,
        b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut stream, &mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 404") || answer.starts_with("HTTP/1.1 400"),
        "{answer}"
    );
    assert!(!answer.contains("root:"));
}

#[test]
fn chromium_reloads_the_page_after_an_edit() {
    let ws = workspace();
    let dir = ws.path();
    let p = start(dir);
    let profile = tempfile::tempdir().unwrap();
    let mut browser = browser::base_command(profile.path())
        .arg("--remote-debugging-port=0")
        .arg(format!("{}/r/thames-fitness/2026-10", p.base))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The DevTools endpoint lists the open page and its title, which carries the build number.
    let port_file = profile.path().join("DevToolsActivePort");
    // Chromium creates the file before it writes the port: wait for a whole first line.
    let t = Instant::now();
    let mut port = String::new();
    while !port.contains('\n') && t.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(100));
        port = std::fs::read_to_string(&port_file).unwrap_or_default();
    }
    let list = format!(
        "http://127.0.0.1:{}/json/list",
        port.lines().next().unwrap()
    );
    let title = || -> String {
        let body = reqwest::blocking::get(&list).unwrap().text().unwrap();
        let pages: serde_json::Value = serde_json::from_str(&body).unwrap();
        pages
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["type"] == "page")
            .map(|p| p["title"].as_str().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let until = |want: &str| {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(60) {
            if title().contains(want) {
                return t.elapsed();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the page title never showed {want:?}: {:?}", title());
    };
    until("thames-fitness 2026-10 · build 0");
    std::thread::sleep(Duration::from_millis(500)); // the page's EventSource connects
    edit(
        &dir.join("brands/northwind/brand.yaml"),
        "primary: \"#12355b\"",
        "primary: \"#0f766e\"",
    );
    let took = until("thames-fitness 2026-10 · build 1");
    eprintln!(
        "Chromium showed the rebuilt page {} ms after the save",
        took.as_millis()
    );
    let _ = browser.kill();
    let _ = browser.wait();
}

#[test]
fn the_configured_output_folder_is_not_watched_and_brand_and_period_options_work() {
    let ws = workspace();
    let dir = ws.path();
    edit(
        &dir.join("execreport.yaml"),
        "output: out",
        "output: reports",
    );
    let p = start_with(dir, &["--brand", "mare"]);
    // --brand: that brand's clients come first on the index.
    let (status, index) = get(&format!("{}/", p.base));
    assert_eq!(status, 200);
    let first = |name: &str| index.find(name).unwrap();
    assert!(
        first("İzmir Deri") < first("Brightside Family Dental"),
        "{index}"
    );
    let reloads = events(&p.base);
    // Reports written into the workspace's own output folder are not edits.
    let o = common::execreport(
        dir,
        &[
            "render",
            "--period",
            "2026-10",
            "--client",
            "thames-fitness",
            "--format",
            "json,html",
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(
        dir.join("reports/thames-fitness/2026-10/report.html")
            .exists()
    );
    assert!(
        reloads.recv_timeout(Duration::from_secs(3)).is_err(),
        "writing into the output folder rebuilt the preview"
    );
    // A real edit still is one.
    edit(
        &dir.join("brands/northwind/brand.yaml"),
        "primary: \"#12355b\"",
        "primary: \"#7a1f5f\"",
    );
    assert!(reloads.recv_timeout(Duration::from_secs(30)).is_ok());
    // --period is checked before anything starts.
    let o = common::execreport(
        dir,
        &[
            "preview",
            "--client",
            "thames-fitness",
            "--period",
            "2026-13",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", common::stderr(&o));
}

#[test]
fn a_slow_live_source_holds_up_only_its_own_page() {
    // A server that takes connections and never answers: the client's fetch waits it out.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let ws = common::sample_workspace(
        |yaml| {
            yaml + &format!(
                "  - id: slow-co\n    name: Slow Co\n    agency: northwind\n    sources:\n      - id: mail\n        kind: http\n        api:\n          url: \"http://127.0.0.1:{port}/stats\"\n          timeout_seconds: 120\n          retries: 0\n        records: /items\n        date: day\n        columns: {{/sent: email.delivered}}\n"
            )
        },
        true,
    );
    let p = start(ws.path());
    let (status, _) = get(&format!("{}/", p.base));
    assert_eq!(status, 200);
    let (tx, slow_done) = mpsc::channel();
    let slow = format!("{}/raw/slow-co/2026-10", p.base);
    std::thread::spawn(move || {
        let _ = tx.send(get(&slow));
    });
    std::thread::sleep(Duration::from_millis(500));
    // Another client's page is served while the slow one still waits for its source (for
    // two minutes: a builder rendering one page at a time would let this request time out).
    let (status, page) = get(&format!("{}/raw/thames-fitness/2026-10", p.base));
    assert_eq!(status, 200);
    assert!(page.contains("Thames Fitness"));
    assert!(
        slow_done.try_recv().is_err(),
        "the slow page finished first: the test did not hold it up"
    );
    drop(silent);
}
