//! Helpers shared by the integration tests: run the real binary, locate fixtures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod api_server;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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
