//! The agency's overview (`execreport overview`, `batch --overview`): from the sample
//! workspace's batch, each client's headline KPIs, changes and goal counts as its own report
//! model has them, the clients needing attention first (one made so with an uncertain
//! delivery), the PDF's text (pdftotext) and HTML in the agency's language (Italian,
//! Japanese), written under `_overview/` and never on the clients' site.

use crate::common::{self, pdf_tools};
use crate::publish::run;

use std::path::Path;

use serde_json::Value;

fn overview_json(dir: &Path, agency: &str) -> Value {
    let o = run(
        dir,
        &[
            "overview", "--period", "2026-10", "--agency", agency, "--json",
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The attention order: each client's most urgent reason's rank, then its name.
fn rank(c: &Value) -> usize {
    const ORDER: [&str; 10] = [
        "delivery_uncertain",
        "delivery_failed",
        "report_failed",
        "credentials_expired",
        "sources_failing",
        "goals_missed",
        "big_drop",
        "awaiting_approval",
        "data_incomplete",
        "not_rendered",
    ];
    c["attention"][0]
        .as_str()
        .map_or(usize::MAX, |a| ORDER.iter().position(|o| *o == a).unwrap())
}

#[test]
fn the_overview_matches_the_reports_and_lists_who_needs_attention_first() {
    let ws = common::sample_workspace(|y| y, true);
    let dir = ws.path();
    let o = run(
        dir,
        &[
            "batch",
            "--period",
            "2026-10",
            "--jobs",
            "2",
            "--overview",
            "--json",
        ],
    );
    let err = common::stderr(&o);
    let summary: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e} {err}"));
    assert_eq!(summary["failed"], 0, "{summary} {err}");
    // `batch --overview` wrote every agency's overview, in every format.
    for agency in ["northwind", "sakura", "mare"] {
        for ext in ["json", "html", "pdf"] {
            let file = dir.join(format!("out/_overview/{agency}/2026-10/overview.{ext}"));
            assert!(file.is_file(), "{} {err}", file.display());
        }
    }

    // One client's message was handed over and never answered.
    let ledger = rusqlite::Connection::open(dir.join(".execreport/ledger.sqlite")).unwrap();
    ledger
        .execute(
            "INSERT INTO deliveries (client, period, recipient, message_id, state, attempts, updated_at)
             VALUES ('thames-fitness', '2026-10', 'gm@thames.example.com', '<m@x>', 'uncertain', 1,
                     '2026-11-05T06:00:00.000Z')",
            [],
        )
        .unwrap();
    let o = overview_json(dir, "northwind");
    let clients = o["clients"].as_array().unwrap();
    assert_eq!(o["agency"]["locale"], "en-US");
    assert_eq!(o["clients_total"], 4);
    assert_eq!(clients[0]["id"], "thames-fitness", "{o:#}");
    assert_eq!(clients[0]["attention"][0], "delivery_uncertain");
    assert_eq!(clients[0]["delivery"], "uncertain");
    for pair in clients.windows(2) {
        let key = |c: &Value| (rank(c), c["name"].as_str().unwrap().to_string());
        assert!(key(&pair[0]) <= key(&pair[1]), "{o:#}");
    }
    let attention = clients
        .iter()
        .filter(|c| !c["attention"].as_array().unwrap().is_empty())
        .count();
    assert_eq!(o["needing_attention"], attention);

    // Each client's KPIs, changes and goal counts are its own report model's.
    let mut checked = 0;
    for agency in ["northwind", "sakura", "mare"] {
        let o = overview_json(dir, agency);
        for c in o["clients"].as_array().unwrap() {
            let id = c["id"].as_str().unwrap();
            let model: Value = serde_json::from_slice(
                &std::fs::read(dir.join(format!("out/{id}/2026-10/report.json"))).unwrap(),
            )
            .unwrap();
            let ids: Vec<&Value> = c["kpis"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| &k["id"])
                .collect();
            let summary: Vec<&Value> = model["summary"].as_array().unwrap().iter().collect();
            assert_eq!(ids, summary, "{id}");
            assert!(!ids.is_empty(), "{id}");
            for k in c["kpis"].as_array().unwrap() {
                let m = common::kpi(&model, k["id"].as_str().unwrap());
                for field in [
                    "value",
                    "previous",
                    "change",
                    "change_pct",
                    "change_scale",
                    "sentiment",
                ] {
                    assert_eq!(k[field], m[field], "{id} {} {field}", k["id"]);
                }
                checked += 1;
            }
            assert_eq!(c["goals"], model["summary_headline"]["goals"], "{id}");
            assert_eq!(c["currency"], model["client"]["currency"], "{id}");
            assert_eq!(c["data"]["status"], model["data_quality"]["status"], "{id}");
        }
    }
    assert!(checked >= 30, "{checked} KPIs checked");

    // The PDF says the same, in the agency's language.
    let written = |agency: &str, ext: &str| {
        dir.join(format!("out/_overview/{agency}/2026-10/overview.{ext}"))
    };
    let text = pdf_tools::squash(&pdf_tools::text(&written("northwind", "pdf")));
    for needle in [
        "AGENCY OVERVIEW",
        "Northwind Digital",
        "Thames Fitness — delivery uncertain",
        "Headline KPIs",
        "Internal: not for clients",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    let ja = pdf_tools::squash(&pdf_tools::text(&written("sakura", "pdf")));
    assert!(
        ja.contains("代理店の概況") && ja.contains("主要指標"),
        "{ja}"
    );

    // Italian HTML: Italian words, no English ones, no link into the clients' site or folders.
    let html = std::fs::read_to_string(written("mare", "html")).unwrap();
    assert!(html.contains(r#"lang="it-IT""#));
    let visible = common::visible_text(&html);
    for word in [
        "Panoramica dell’agenzia",
        "Indicatori principali",
        "Trattoria da Luca",
    ] {
        assert!(visible.contains(word), "{word}: {visible}");
    }
    for english in [
        "Agency overview",
        "Headline KPIs",
        "most urgent first",
        "nothing to do",
        "Goals met",
        "awaiting approval",
    ] {
        assert!(!visible.contains(english), "{english}: {visible}");
    }
    let hrefs: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .filter_map(|h| h.split('"').next())
        .collect();
    for href in &hrefs {
        assert!(
            href.starts_with("https://maredigitale.example.it") || href.starts_with("mailto:"),
            "{href}"
        );
    }
    assert!(!html.contains(dir.to_str().unwrap()));

    // Publishing the site leaves the overview out of it.
    let o = run(dir, &["publish", "--json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let mut stack = vec![dir.join("site")];
    let mut pages = 0;
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            pages += 1;
            let bytes = std::fs::read(&p).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("_overview"), "{}", p.display());
            assert!(!text.contains("Agency overview"), "{}", p.display());
        }
    }
    assert!(pages > 0);
}
