//! The PDF's paper follows the client's region (CLDR's paper-size preference), not the
//! agency's brand: A4 for London, Bangkok and Jakarta, Letter for the US; a client may choose.

use std::path::Path;
use std::process::Command;

use crate::common::{execreport, repo, stderr};

/// `pdfinfo`'s "Page size" line of a PDF, e.g. `595.28 x 841.89 pts (A4)`.
fn page_size(pdf: &Path) -> String {
    let o = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("a page size")
        .trim()
        .to_string()
}

fn render_pdf(config: &Path, client: &str, out: &Path) -> String {
    let o = execreport(
        config.parent().unwrap(),
        &[
            "-c",
            config.to_str().unwrap(),
            "render",
            "--period",
            "2026-10",
            "--format",
            "pdf",
            "--client",
            client,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    page_size(&out.join(client).join("2026-10/report.pdf"))
}

#[test]
fn paper_follows_the_clients_region() {
    let out = tempfile::tempdir().unwrap();
    let config = repo().join("samples/execreport.yaml");
    // All four are served under the Northwind brand, which sets Letter.
    for (client, want) in [
        ("thames-fitness", "(A4)"),
        ("harbor-hotel-bangkok", "(A4)"),
        ("kopi-nusantara", "(A4)"),
        ("brightside-dental", "(letter)"),
    ] {
        let got = render_pdf(&config, client, out.path());
        assert!(got.ends_with(want), "{client}: {got}, want {want}");
    }
}

#[test]
fn a_client_may_choose_its_paper() {
    let ws = tempfile::tempdir().unwrap();
    let samples = repo().join("samples");
    let copy = Command::new("cp")
        .arg("-r")
        .arg(samples.join("."))
        .arg(ws.path())
        .status()
        .unwrap();
    assert!(copy.success());
    let config = ws.path().join("execreport.yaml");
    let yaml = std::fs::read_to_string(&config).unwrap();
    let yaml = yaml.replacen(
        "    locale: en-GB\n",
        "    locale: en-GB\n    page_size: letter\n",
        1,
    );
    std::fs::write(&config, yaml).unwrap();
    let got = render_pdf(&config, "thames-fitness", &ws.path().join("out"));
    assert!(got.ends_with("(letter)"), "{got}");
}
