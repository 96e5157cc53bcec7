//! `execreport init`: a new workspace that `check` accepts and `render` turns at once into a
//! report saying, in the client's language, that there is no data yet.

use std::path::Path;

use crate::common::{execreport, pdf_tools, stderr, stdout};
use execreport::config::Workspace;

/// `init --yes` with every flag in an empty folder, then `check` and `render` in it.
fn init_and_render(locale: &str, no_data_yet: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let o = execreport(
        tmp.path(),
        &[
            "init",
            "ws",
            "--yes",
            "--agency",
            "Studio \"Nord\" & Co: Ü",
            "--locale",
            locale,
            "--time-zone",
            "Europe/Berlin",
            "--currency",
            "eur",
            "--client",
            "Bäckerei Müller",
            "--primary-color",
            "#123456",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = tmp.path().join("ws");
    for file in [
        "execreport.yaml",
        "brands/studio-nord-co-u/brand.yaml",
        "data/backerei-muller/web-analytics.csv",
        "data/backerei-muller/ads.csv",
        ".gitignore",
    ] {
        assert!(dir.join(file).is_file(), "{file} missing: {}", stdout(&o));
    }
    let ignore = std::fs::read_to_string(dir.join(".gitignore")).unwrap();
    for line in ["/out/", "/.execreport/", "/secrets/"] {
        assert!(ignore.lines().any(|l| l == line), "{line} not in {ignore}");
    }
    let brand = std::fs::read_to_string(dir.join("brands/studio-nord-co-u/brand.yaml")).unwrap();
    assert!(brand.contains("primary: \"#123456\""), "{brand}");

    // The workspace as execreport reads it: the names as typed, each CSV's header exactly
    // the columns its source maps.
    let ws = Workspace::load(&dir.join("execreport.yaml")).unwrap();
    let client = ws.client("backerei-muller").unwrap();
    assert_eq!(client.config.name, "Bäckerei Müller");
    assert_eq!(client.agency.name, "Studio \"Nord\" & Co: Ü");
    assert_eq!(client.agency.currency.as_str(), "EUR");
    assert_eq!(client.config.sources.len(), 2);
    for source in &client.config.sources {
        let csv = std::fs::read_to_string(dir.join(source.path.as_ref().unwrap())).unwrap();
        let header: Vec<&str> = csv.trim_end().split(',').collect();
        let mut expected = vec![source.date.as_str()];
        expected.extend(source.dimensions.iter().map(String::as_str));
        let mut columns: Vec<&str> = source.columns.keys().map(String::as_str).collect();
        let mut found: Vec<&str> = header[expected.len()..].to_vec();
        columns.sort();
        found.sort();
        assert_eq!(header[..expected.len()], expected[..], "{csv}");
        assert_eq!(found, columns, "{csv}");
    }

    let check = execreport(&dir, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let render = execreport(&dir, &["render", "--period", "2026-11"]);
    // 6: the reports were written and have no data for the period (README, exit codes).
    assert_eq!(render.status.code(), Some(6), "{}", stderr(&render));
    assert!(stderr(&render).contains("no data for the period"));
    let out = dir.join("out/backerei-muller/2026-11");
    let model: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(model["data_quality"]["status"], "no_data");
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains(no_data_yet), "HTML lacks {no_data_yet:?}");
    assert!(html.contains("Bäckerei Müller"));
    let pdf = pdf_tools::text(&out.join("report.pdf"));
    let collapsed = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        collapsed.contains(no_data_yet),
        "PDF lacks {no_data_yet:?}: {collapsed}"
    );
}

#[test]
fn init_yes_then_check_and_render_says_no_data_yet_in_german() {
    init_and_render("de-DE", "Für diesen Zeitraum liegen noch keine Daten vor.");
}

#[test]
fn init_yes_then_render_says_no_data_yet_in_japanese() {
    init_and_render("ja-JP", "この期間のデータはまだありません。");
}

#[test]
fn init_yes_alone_takes_the_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let o = execreport(tmp.path(), &["init", "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ws = Workspace::load(&tmp.path().join("execreport.yaml")).unwrap();
    let client = ws.client("first-client").unwrap();
    assert_eq!(client.agency.locale.as_str(), "en-US");
    assert_eq!(client.agency.currency.as_str(), "USD");
    let render = execreport(tmp.path(), &["render", "--period", "2026-11", "-f", "html"]);
    assert_eq!(render.status.code(), Some(6), "{}", stderr(&render));
    let html =
        std::fs::read_to_string(tmp.path().join("out/first-client/2026-11/report.html")).unwrap();
    assert!(html.contains("No data is available for this period yet."));

    // A filled template reads as data.
    let web = tmp.path().join("data/first-client/web-analytics.csv");
    let mut csv = std::fs::read_to_string(&web).unwrap();
    for day in 1..=30 {
        csv.push_str(&format!(
            "2026-11-{day:02},{},{},{}\n",
            100 + day,
            80 + day,
            day % 4
        ));
    }
    std::fs::write(&web, csv).unwrap();
    let render = execreport(tmp.path(), &["render", "--period", "2026-11", "-f", "json"]);
    assert!(
        stderr(&render).contains("ads: no data"),
        "{}",
        stderr(&render)
    );
    let model: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("out/first-client/2026-11/report.json")).unwrap(),
    )
    .unwrap();
    let sessions = crate::common::kpi(&model, "web.sessions");
    assert_eq!(
        sessions["value"],
        (101..=130).sum::<i32>() as f64,
        "{sessions}"
    );
}

#[test]
fn init_never_overwrites_a_workspace_and_keeps_a_gitignore() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "target/\nout/\n").unwrap();
    let o = execreport(tmp.path(), &["init", "-y", "--client", "Acme"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert!(ignore.starts_with("target/\nout/\n"), "{ignore}");
    assert!(ignore.contains("/.execreport/\n/secrets/\n"), "{ignore}");
    assert!(
        !ignore.contains("/out/"),
        "out/ was already ignored: {ignore}"
    );

    let config = tmp.path().join("execreport.yaml");
    let before = std::fs::read_to_string(&config).unwrap();
    let again = execreport(tmp.path(), &["init", "-y", "--agency", "Other"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("does not overwrite"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);
}

#[test]
fn init_without_a_terminal_names_the_flags_instead_of_asking() {
    let tmp = tempfile::tempdir().unwrap();
    // The test's standard input is not a terminal.
    let o = execreport(
        tmp.path(),
        &["init", "--agency", "Acme", "--locale", "fr-FR"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for flag in ["--time-zone", "--currency", "--client", "--yes"] {
        assert!(err.contains(flag), "{flag} not named: {err}");
    }
    assert!(!err.contains("--locale,"), "{err}");
    assert!(!tmp.path().join("execreport.yaml").exists());
}

#[test]
fn init_refuses_bad_answers_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    for (flag, value, expected) in [
        ("--locale", "ko-KR", "no messages in this language"),
        ("--locale", "english", "not a locale"),
        ("--time-zone", "Europe/Atlantis", "IANA"),
        ("--time-zone", "+02:00", "IANA"),
        ("--currency", "EURO", "ISO 4217"),
        ("--currency", "ABC", "ISO 4217"),
        ("--primary-color", "blue", "#rrggbb"),
        ("--agency", "   ", "1 to 200 characters"),
    ] {
        let o = execreport(tmp.path(), &["init", "--yes", flag, value]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
        let err = stderr(&o);
        assert!(
            err.contains(expected) && err.contains(flag),
            "{flag} {value}: {err}"
        );
    }
    assert!(!Path::new(&tmp.path().join("execreport.yaml")).exists());
}

#[test]
fn init_on_a_terminal_asks_and_asks_again_after_a_bad_answer() {
    // `script` (util-linux) gives init a terminal; the answers are typed into it.
    let tmp = tempfile::tempdir().unwrap();
    let exe = env!("CARGO_BIN_EXE_execreport");
    let mut child = std::process::Command::new("script")
        .args(["-qec", &format!("'{exe}' init ws"), "/dev/null"])
        .current_dir(tmp.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) runs init on a terminal");
    std::io::Write::write_all(
        child.stdin.as_mut().unwrap(),
        "Agence Lumière\nxx\nfr-FR\nEurope/Paris\neur\nBoulangerie Paul\n\n#abc\n".as_bytes(),
    )
    .unwrap();
    let o = child.wait_with_output().unwrap();
    let shown = stdout(&o);
    assert!(o.status.success(), "{shown}");
    assert!(shown.contains("Agency name [My Agency]:"), "{shown}");
    assert!(
        shown.contains("\"xx\": execreport has no messages in this language"),
        "{shown}"
    );
    let ws = Workspace::load(&tmp.path().join("ws/execreport.yaml")).unwrap();
    let client = ws.client("boulangerie-paul").unwrap();
    assert_eq!(client.agency.name, "Agence Lumière");
    assert_eq!(client.agency.locale.as_str(), "fr-FR");
    assert_eq!(client.time_zone, chrono_tz::Europe::Paris);
    assert_eq!(client.agency.currency.as_str(), "EUR");
    let brand =
        std::fs::read_to_string(tmp.path().join("ws/brands/agence-lumiere/brand.yaml")).unwrap();
    assert!(brand.contains("primary: \"#1f4e79\"") && brand.contains("accent: \"#aabbcc\""));
}
