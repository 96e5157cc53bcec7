//! The clients' report site (`execreport publish`, `batch --publish`): from the sample
//! workspace's batches, every link of every page resolves, indexes list released reports
//! newest first and never a missing one, no client's pages carry another client's token or
//! name, a second publish writes nothing, rotation moves a client's pages, and an `attach:
//! link` message (aiosmtpd) links to the published report, and a bucket (moto) can be the site.

use crate::common;
use crate::email::SmtpServer;
use crate::storage::S3Server;

use chrono::Datelike;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::SystemTime;

use serde_json::Value;

const CLIENTS: &str = "thames-fitness,harbor-hotel-bangkok,dar-al-oud,izmir-deri";
const BASE_URL: &str = "https://reports.agency.example";

/// `execreport -c <dir>/execreport.yaml ARGS` at 2026-11-05 06:00 UTC (the overview's tests too).
pub fn run(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_execreport"))
        .arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
        .env_remove("EXECREPORT_CONFIG")
        .output()
        .unwrap()
}

fn ok(o: &Output, codes: &[i32]) -> Value {
    let (out, err) = (
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr),
    );
    assert!(
        codes.contains(&o.status.code().unwrap_or(-1)),
        "exit {:?}\n{out}\n{err}",
        o.status.code()
    );
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"))
}

/// `publish --json` (more arguments after), expecting `code`.
fn publish(dir: &Path, extra: &[&str], code: i32) -> Value {
    let mut args = vec!["publish", "--json"];
    args.extend(extra);
    ok(&run(dir, &args), &[code])
}

/// Every file under `dir`, relative, with its modification time.
fn files(dir: &Path) -> BTreeMap<String, SystemTime> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, SystemTime>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, p.metadata().unwrap().modified().unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// The `href` and `src` targets of a page.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// Checks every page of the site: kept from search engines, and every relative link leads
/// to a file of the site. Returns the pages by path.
fn check_pages(site: &Path) -> BTreeMap<String, String> {
    let mut pages = BTreeMap::new();
    for rel in files(site).into_keys().filter(|f| f.ends_with(".html")) {
        let path = site.join(&rel);
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(
            html.contains(r#"<meta name="robots" content="noindex"#),
            "{rel} has no noindex"
        );
        for link in links(&html) {
            if link.starts_with("data:") || link.starts_with('#') || link.contains("://") {
                continue;
            }
            assert!(!link.starts_with('/'), "{rel}: absolute link {link}");
            let mut target: PathBuf = path.parent().unwrap().join(&link);
            if link.ends_with('/') {
                target.push("index.html");
            }
            assert!(target.is_file(), "{rel}: link {link} leads nowhere");
            let target = std::fs::canonicalize(target).unwrap();
            assert!(
                target.starts_with(std::fs::canonicalize(site).unwrap()),
                "{rel}: {link} leaves the site"
            );
        }
        pages.insert(rel, html);
    }
    pages
}

/// The client's token: the folder of its index.
fn token(summary: &Value, client: &str) -> String {
    summary["indexes"][client]
        .as_str()
        .unwrap_or_else(|| panic!("{client} has no index: {summary}"))
        .trim_end_matches('/')
        .to_string()
}

/// Every client's name, by id.
fn names(dir: &Path) -> BTreeMap<String, String> {
    let yaml = std::fs::read_to_string(dir.join("execreport.yaml")).unwrap();
    let mut out = BTreeMap::new();
    let mut id = None;
    let clients = &yaml[yaml.find("\nclients:\n").unwrap()..];
    for line in clients.lines() {
        if let Some(v) = line.strip_prefix("  - id: ") {
            id = Some(v.trim().to_string());
        } else if let (Some(v), Some(i)) = (line.strip_prefix("    name: "), id.take()) {
            out.insert(i, v.trim().trim_matches('"').to_string());
        }
    }
    out
}

#[test]
fn the_published_site_links_only_released_reports_privately_and_incrementally() {
    let ws = common::sample_workspace(|y| y, true);
    let dir = ws.path();
    let site = dir.join("site");
    let batch = |period: &str, extra: &[&str]| {
        let mut args = vec![
            "batch",
            "--period",
            period,
            "--clients",
            CLIENTS,
            "--jobs",
            "2",
            "--json",
        ];
        args.extend(extra);
        // 0, or 6 for izmir-deri's report held for approval.
        ok(&run(dir, &args), &[0, 6])
    };
    batch("2026-09", &[]);
    let summary = batch("2026-10", &["--publish"]);
    let published = &summary["published"];
    assert_eq!(published["problems"], serde_json::json!([]), "{published}");

    // izmir-deri's reports await approval: the client has no pages at all yet.
    assert!(
        published["indexes"].get("izmir-deri").is_none(),
        "{published}"
    );
    assert_eq!(published["clients"], 3, "{published}");
    assert_eq!(published["reports"], 6, "{published}");
    let pages = check_pages(&site);

    // The root: crawlers shut out, and no page listing the clients.
    let robots = std::fs::read_to_string(site.join("robots.txt")).unwrap();
    assert!(robots.contains("User-agent: *\nDisallow: /"), "{robots}");
    let tokens: BTreeMap<&str, String> = ["thames-fitness", "harbor-hotel-bangkok", "dar-al-oud"]
        .into_iter()
        .map(|c| (c, token(published, c)))
        .collect();
    let names = names(dir);
    for (rel, html) in &pages {
        let owner = tokens
            .iter()
            .find(|(_, t)| rel.starts_with(&format!("{t}/")));
        for (client, t) in &tokens {
            let own = owner.is_some_and(|(c, _)| c == client);
            assert!(
                own || !html.contains(t.as_str()),
                "{rel} holds {client}'s token"
            );
        }
        for (client, name) in &names {
            let own = owner.is_some_and(|(c, _)| c == client);
            assert!(
                own || !html.contains(name.as_str()),
                "{rel} names {client} ({name})"
            );
        }
    }
    for t in tokens.values() {
        assert_eq!(t.len(), 32, "{t}");
        assert!(t.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    // Newest first, with periods named in the client's language.
    let thai = &pages[&format!("{}/index.html", tokens["harbor-hotel-bangkok"])];
    let (oct, sep) = (
        thai.find("ตุลาคม 2569").unwrap(),
        thai.find("กันยายน 2569").unwrap(),
    );
    assert!(oct < sep, "October first");
    assert!(thai.contains(r#"lang="th-TH""#));
    let arabic = &pages[&format!("{}/index.html", tokens["dar-al-oud"])];
    assert!(arabic.contains(r#"dir="rtl""#));
    assert!(arabic.contains("عرض التقرير"));
    let english = &pages[&format!("{}/index.html", tokens["thames-fitness"])];
    assert!(english.contains("Northwind Digital") && english.contains("View report"));
    // A published report is the rendered one, its PDF byte for byte.
    assert_eq!(
        common::sha256(&site.join(format!("{}/2026-10/report.pdf", tokens["thames-fitness"]))),
        common::sha256(&dir.join("out/thames-fitness/2026-10/report.pdf"))
    );

    // Publishing again writes nothing.
    let before = files(&site);
    let again = publish(dir, &[], 0);
    assert_eq!(again["written"], 0, "{again}");
    assert_eq!(again["removed"], 0, "{again}");
    assert_eq!(files(&site), before, "a file was rewritten");

    // Once approved, izmir-deri's October report is published, and only it.
    let o = run(
        dir,
        &["approve", "--client", "izmir-deri", "--period", "2026-10"],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let approved = publish(dir, &[], 0);
    assert_eq!(approved["written"], 3, "{approved}"); // its HTML, PDF and index
    let izmir = token(&approved, "izmir-deri");
    let izmir_index = std::fs::read_to_string(site.join(format!("{izmir}/index.html"))).unwrap();
    assert!(izmir_index.contains("2026-10/index.html"));
    assert!(
        !izmir_index.contains("2026-09/"),
        "September still awaits approval"
    );
    let before = files(&site);

    // Rotation: a new token, the index moves, the old token's pages are gone; other
    // clients' files are untouched.
    let old = tokens["thames-fitness"].clone();
    let rotated = publish(dir, &["--rotate", "thames-fitness"], 0);
    let new = token(&rotated, "thames-fitness");
    assert_ne!(new, old);
    assert!(!site.join(&old).exists(), "the old token's pages remain");
    assert!(site.join(format!("{new}/2026-10/index.html")).is_file());
    assert_eq!(rotated["removed"], 5, "{rotated}"); // index + two reports' HTML and PDF
    let after = files(&site);
    for (rel, mtime) in &before {
        if !rel.starts_with(&old) {
            assert_eq!(after.get(rel), Some(mtime), "{rel} changed");
        }
    }
    check_pages(&site);

    // A report whose file no longer matches the ledger is taken off the site, and its
    // client's index stops linking to it; the other clients are published as before.
    std::fs::write(
        dir.join("out/dar-al-oud/2026-09/report.pdf"),
        b"%PDF-1.7 not it",
    )
    .unwrap();
    let damaged = publish(dir, &[], 3);
    let problems = damaged["problems"].to_string();
    assert!(problems.contains("dar-al-oud 2026-09"), "{problems}");
    let t = &tokens["dar-al-oud"];
    assert!(!site.join(format!("{t}/2026-09")).exists());
    let index = std::fs::read_to_string(site.join(format!("{t}/index.html"))).unwrap();
    assert!(!index.contains("2026-09/") && index.contains("2026-10/index.html"));
    check_pages(&site);
}

/// The sample workspace sending to `smtp`, with `publish` settings (`site` lines first) and
/// Thames Fitness (and Harbor Hotel, with its own link template) e-mailed a link; the batch
/// of October for `clients`, expecting `code`.
fn send_links(
    smtp: &SmtpServer,
    site: &str,
    clients: &str,
    code: i32,
) -> (tempfile::TempDir, Value) {
    let ws = common::sample_workspace(
        |yaml| {
            yaml.replace("port: 2525", &format!("port: {}", smtp.port))
                .replacen(
                    "\nclients:\n",
                    &format!("\npublish:\n{site}  base_url: {BASE_URL}/\nclients:\n"),
                    1,
                )
                .replacen(
                    "    name: Thames Fitness\n",
                    "    name: Thames Fitness\n    email: {attach: link}\n",
                    1,
                )
                .replacen(
                    "    name: Harbor Hotel Bangkok\n",
                    "    name: Harbor Hotel Bangkok\n    email: {attach: link, link: \"https://portal.example/{client}/{period}\"}\n",
                    1,
                )
        },
        true,
    );
    let args = [
        "batch",
        "--period",
        "2026-10",
        "--send",
        "--json",
        "--clients",
        clients,
    ];
    let summary = ok(&run(ws.path(), &args), &[code]);
    (ws, summary)
}

#[test]
fn a_linked_message_points_at_the_published_report() {
    let smtp = SmtpServer::start(&[]);
    let (ws, summary) = send_links(&smtp, "", "thames-fitness,harbor-hotel-bangkok", 0);
    let dir = ws.path();
    let messages: Vec<Value> = smtp
        .messages()
        .iter()
        .map(|m| common::parse_eml(m))
        .collect();
    assert_eq!(messages.len(), 2, "{summary}");
    let text_of = |needle: &str| {
        messages
            .iter()
            .find(|m| m["to"].to_string().contains(needle))
            .unwrap_or_else(|| panic!("no message to {needle}"))["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // Thames: the published report's address, and the page is there (published first).
    let thames = text_of("thamesfitness");
    let start = thames.find(BASE_URL).expect("the published link") + BASE_URL.len() + 1;
    let rel: String = thames[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let (token, period) = rel.trim_end_matches('/').split_once('/').unwrap();
    assert_eq!(period, "2026-10", "{rel}");
    assert_eq!(token.len(), 32, "{rel}");
    assert!(
        dir.join("site")
            .join(token)
            .join("2026-10/index.html")
            .is_file()
    );
    // Harbor Hotel: its own link template still wins.
    let harbor = text_of("harbor");
    assert!(
        harbor.contains("https://portal.example/harbor-hotel-bangkok/2026-10"),
        "{harbor}"
    );
    assert!(!harbor.contains(BASE_URL));
}

#[test]
fn no_message_links_to_a_report_that_could_not_be_published() {
    let smtp = SmtpServer::start(&[]);
    // A site under a file: nothing can be written there.
    let (_ws, summary) = send_links(&smtp, "  site: execreport.yaml/site\n", "thames-fitness", 3);
    let delivery = &summary["reports"][0]["delivery"];
    assert_eq!(delivery["status"], "failed", "{summary}");
    assert!(
        delivery["detail"]
            .as_str()
            .unwrap()
            .contains("could not be published"),
        "{delivery}"
    );
    assert!(smtp.messages().is_empty(), "a message was sent");
}

#[test]
fn a_bucket_can_be_the_site() {
    let server = S3Server::start();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let mut csv = String::from("date,sessions\n");
    let mut d = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    while d <= chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap() {
        csv.push_str(&format!("{d},{}\n", 100 + d.ordinal() % 17));
        d = d.succ_opt().unwrap();
    }
    std::fs::write(dir.path().join("data/web.csv"), csv).unwrap();
    let mut yaml = format!(
        "agencies:\n  - id: a\n    name: Agency\npublish:\n  site: s3://reports/site\n  base_url: {BASE_URL}\nstorage:\n  endpoint: http://127.0.0.1:{}\n  access_key_id: {{env: TEST_S3_KEY_ID}}\n  secret_access_key: {{env: TEST_S3_KEY_ID}}\nschedule:\n  monthly: {{day: 3, at: \"06:00\"}}\n  formats: [html, pdf]\nclients:\n",
        server.port
    );
    for id in ["acme", "borealis"] {
        yaml.push_str(&format!(
            "  - id: {id}\n    name: Client {id}\n    time_zone: UTC\n    sources:\n      - id: web\n        kind: csv\n        path: data/web.csv\n        columns: {{sessions: web.sessions}}\n"
        ));
    }
    std::fs::write(dir.path().join("execreport.yaml"), yaml).unwrap();
    let dir = dir.path();
    let s3_run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_execreport"))
            .arg("-c")
            .arg(dir.join("execreport.yaml"))
            .args(args)
            .env("TEST_S3_KEY_ID", "AKIAPUBLISHTEST0001")
            .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
            .env_remove("EXECREPORT_CONFIG")
            .env_remove("AWS_ENDPOINT_URL")
            .output()
            .unwrap()
    };
    let summary = ok(
        &s3_run(&["batch", "--period", "2026-10", "--publish", "--json"]),
        &[0],
    );
    let published = &summary["published"];
    assert_eq!(published["problems"], serde_json::json!([]), "{published}");
    let site = |rel: &str| server.try_read(&format!("s3://reports/site/{rel}"));
    let robots = String::from_utf8(site("robots.txt").unwrap()).unwrap();
    assert!(robots.contains("Disallow: /"));
    let acme = token(published, "acme");
    let index = String::from_utf8(site(&format!("{acme}/index.html")).unwrap()).unwrap();
    assert!(index.contains("2026-10/index.html") && index.contains("2026-10/report.pdf"));
    assert!(!index.contains("borealis") && !index.contains(&token(published, "borealis")));
    let page = String::from_utf8(site(&format!("{acme}/2026-10/index.html")).unwrap()).unwrap();
    assert!(page.contains(r#"<meta name="robots" content="noindex"#));
    assert_eq!(
        site(&format!("{acme}/2026-10/report.pdf")).unwrap(),
        std::fs::read(dir.join("out/acme/2026-10/report.pdf")).unwrap()
    );
    // Again: nothing written. Rotated: the old token's objects are deleted.
    let again = ok(&s3_run(&["publish", "--json"]), &[0]);
    assert_eq!(again["written"], 0, "{again}");
    let rotated = ok(&s3_run(&["publish", "--json", "--rotate", "acme"]), &[0]);
    let new = token(&rotated, "acme");
    assert!(site(&format!("{new}/2026-10/report.pdf")).is_some());
    for rel in ["index.html", "2026-10/index.html", "2026-10/report.pdf"] {
        assert!(
            site(&format!("{acme}/{rel}")).is_none(),
            "{acme}/{rel} remains"
        );
    }
}

#[test]
fn a_franchise_group_is_published_like_a_client() {
    let franchise = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/franchise.yaml"),
    )
    .unwrap();
    let ws = common::sample_workspace(|_| franchise.clone(), true);
    let dir = ws.path();
    let summary = ok(
        &run(
            dir,
            &["batch", "--period", "2026-10", "--publish", "--json"],
        ),
        &[0],
    );
    let published = &summary["published"];
    assert_eq!(published["problems"], serde_json::json!([]), "{published}");
    let shops = [
        "dolce-vita-milano",
        "dolce-vita-torino",
        "dolce-vita-lugano",
        "dolce-vita-zurich",
    ];
    assert_eq!(published["clients"], 5, "{published}");
    let pages = check_pages(&dir.join("site"));
    // The group has its own private index, listing its roll-up report (which names its shops),
    // in the franchise's language.
    let group = token(published, "dolce-vita");
    let index = &pages[&format!("{group}/index.html")];
    assert!(index.contains("2026-10/"), "{index}");
    assert!(index.contains("lang=\"it"), "{index}");
    let report = pages
        .iter()
        .find(|(rel, _)| rel.starts_with(&format!("{group}/2026-10/")))
        .map(|(_, html)| html)
        .expect("the group's report page");
    for shop in ["Dolce Vita Milano", "Dolce Vita Zürich"] {
        assert!(report.contains(shop), "the roll-up lacks {shop}");
    }
    // Each shop has its own link, and no shop's pages lead to the group's or another shop's.
    let tokens: Vec<(String, String)> = shops
        .iter()
        .map(|s| (s.to_string(), token(published, s)))
        .chain([("dolce-vita".to_string(), group.clone())])
        .collect();
    for (rel, html) in &pages {
        for (client, t) in &tokens {
            assert!(
                rel.starts_with(&format!("{t}/")) || !html.contains(t.as_str()),
                "{rel} holds {client}'s token"
            );
        }
    }
}
