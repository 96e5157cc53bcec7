//! Helpers shared by the integration tests: run the real binary, locate fixtures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod api_server;
pub mod browser;
pub mod pdf_tools;

/// The clients of the shipped sample workspace.
pub const SAMPLE_CLIENTS: [&str; 8] = [
    "brightside-dental",
    "dar-al-oud",
    "harbor-hotel-bangkok",
    "izmir-deri",
    "kopi-nusantara",
    "osaka-smile-clinic",
    "thames-fitness",
    "trattoria-da-luca",
];

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Starts a server of `tests/support/` (`script` with `args`) that prints `PORT <n>` once it
/// listens; `install` says how to get what it needs.
pub fn start_server(script: &str, args: &[&Path], install: &str) -> (std::process::Child, u16) {
    let mut child = Command::new("python3")
        .arg(repo().join("tests/support").join(script))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{script}: {e} ({install})"));
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    let port = line
        .trim()
        .strip_prefix("PORT ")
        .unwrap_or_else(|| panic!("{script} did not start ({install}): {line:?}"))
        .parse()
        .unwrap();
    (child, port)
}

/// Runs `execreport` with `args`, from `cwd`.
pub fn execreport(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_execreport"))
        .args(args)
        .current_dir(cwd)
        .env_remove("EXECREPORT_CONFIG")
        .env_remove("EXECREPORT_TODAY")
        .output()
        .expect("run execreport")
}

/// The KPI `id` of a report model (JSON), or a panic naming it.
pub fn kpi<'a>(model: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    model["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == id)
        .unwrap_or_else(|| panic!("no KPI {id}"))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `execreport -c CONFIG render --period PERIOD --format FORMATS --out OUT [--client ID]`,
/// asserting success; CONFIG is relative to the repository.
pub fn render(config: &str, client: Option<&str>, period: &str, formats: &str, out: &Path) {
    let config = repo().join(config);
    let mut args = vec![
        "-c",
        config.to_str().unwrap(),
        "render",
        "--period",
        period,
        "--format",
        formats,
        "--out",
        out.to_str().unwrap(),
    ];
    if let Some(c) = client {
        args.extend(["--client", c]);
    }
    let o = execreport(&repo(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The sample workspace in a temporary folder: its brands, data and notes linked, its
/// `execreport.yaml` copied through `edit`, and (with `cache`) the shipped live-source cache
/// linked; the ledger and outputs are the folder's own.
pub fn sample_workspace(edit: impl Fn(String) -> String, cache: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let samples = repo().join("samples");
    // The brands folder may be a link (a brand's files stay inside it); data and notes must
    // be inside the workspace, so they are hard-linked (or copied) file by file.
    std::os::unix::fs::symlink(samples.join("brands"), dir.path().join("brands")).unwrap();
    for name in ["data", "notes"] {
        link_tree(&samples.join(name), &dir.path().join(name));
    }
    std::fs::create_dir_all(dir.path().join(".execreport")).unwrap();
    if cache {
        std::os::unix::fs::symlink(
            samples.join(".execreport/cache"),
            dir.path().join(".execreport/cache"),
        )
        .unwrap();
    }
    let yaml = std::fs::read_to_string(samples.join("execreport.yaml")).unwrap();
    std::fs::write(dir.path().join("execreport.yaml"), edit(yaml)).unwrap();
    dir
}

/// A message (`.eml`) as Python's standard MIME parser reads it: subject, addresses, the plain
/// and HTML bodies, attachments and defects (`tests/support/parse_eml.py`).
pub fn parse_eml(eml: &Path) -> serde_json::Value {
    let o = Command::new("python3")
        .arg(repo().join("tests/support/parse_eml.py"))
        .arg(eml)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

pub fn sha256(path: &Path) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `to` made a copy of the folder `from`: its files hard-linked, or copied across file systems.
pub fn link_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            link_tree(&entry.path(), &target);
        } else if std::fs::hard_link(entry.path(), &target).is_err() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `render` of `client` for `period` from `config` with extra arguments, as JSON and HTML;
/// returns (the report model, the HTML).
pub fn render_model(
    config: &std::path::Path,
    client: &str,
    period: &str,
    extra: &[&str],
) -> (serde_json::Value, String) {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec![
        "-c",
        config.to_str().unwrap(),
        "render",
        "--period",
        period,
        "--client",
        client,
        "--format",
        "json,html",
        "--out",
        out.path().to_str().unwrap(),
    ];
    args.extend(extra);
    let o = execreport(&repo(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dir = std::fs::read_dir(out.path().join(client))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let json = serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
    (
        json,
        std::fs::read_to_string(dir.join("report.html")).unwrap(),
    )
}

/// The sample workspace's file.
pub fn samples() -> PathBuf {
    repo().join("samples/execreport.yaml")
}

/// The text of an HTML page a reader sees: no style sheet, no script, no tags, whitespace
/// collapsed.
pub fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        text.push(' ');
        rest = &rest[start..];
        let end = ["style", "script"]
            .iter()
            .find(|t| rest.starts_with(&format!("<{t}")))
            .map_or_else(
                || rest.find('>').map_or(rest.len(), |e| e + 1),
                |t| {
                    let close = format!("</{t}>");
                    rest.find(&close).map_or(rest.len(), |e| e + close.len())
                },
            );
        rest = &rest[end..];
    }
    text.push_str(rest);
    pdf_tools::squash(&text.replace("&amp;", "&"))
}
