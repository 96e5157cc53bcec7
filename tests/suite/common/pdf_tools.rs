//! Poppler and qpdf, the real PDF readers the PDF tests check our output with.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

fn tool(name: &str) -> Command {
    if Command::new(name).arg("-v").output().is_err()
        && Command::new(name).arg("--version").output().is_err()
    {
        panic!(
            "{name} is required for the PDF tests: apt-get install poppler-utils qpdf (.ci/run does)"
        );
    }
    Command::new(name)
}

/// `pdftotext -layout`, whitespace-collapsed and NFKC-normalized by the caller if needed.
pub fn text(pdf: &Path) -> String {
    let o = tool("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Text of one page (1-based).
pub fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let o = tool("pdftotext")
        .args(["-enc", "UTF-8", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap()
}

/// (name, embedded, subset) of every font, from `pdffonts`.
pub fn fonts(pdf: &Path) -> Vec<(String, bool, bool)> {
    let o = tool("pdffonts").arg(pdf).output().unwrap();
    assert!(
        o.status.success(),
        "pdffonts failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            // name type [encoding...] emb sub uni object ID
            let n = cols.len();
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

pub fn pages(pdf: &Path) -> usize {
    let o = tool("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8(o.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo shows the page count")
}

/// (page, type, width, height, object id) of every image drawn, from `pdfimages -list`.
pub fn images(pdf: &Path) -> Vec<(usize, String, u32, u32, u32)> {
    let o = tool("pdfimages").arg("-list").arg(pdf).output().unwrap();
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| c[i].parse::<u32>().unwrap();
            (n(0) as usize, c[2].to_string(), n(3), n(4), n(10))
        })
        .collect()
}

/// `qpdf --check`: Ok, or qpdf's complaint.
pub fn check(pdf: &Path) -> Result<(), String> {
    let o = tool("qpdf").arg("--check").arg(pdf).output().unwrap();
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    if o.status.success() && !out.contains("WARNING") {
        Ok(())
    } else {
        Err(out)
    }
}

/// NFKC-normalized with whitespace collapsed, so expected strings match whatever line layout
/// and space characters pdftotext chooses.
pub fn squash(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfkc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The whole PDF as text with its streams uncompressed (`qpdf --qdf`), to read content
/// operators.
pub fn qdf(pdf: &Path) -> String {
    let out = pdf.with_extension("qdf.pdf");
    let o = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(pdf)
        .arg(&out)
        .output()
        .expect("qpdf");
    assert!(o.status.code().is_some_and(|c| c == 0 || c == 3));
    String::from_utf8_lossy(&std::fs::read(out).unwrap()).into_owned()
}
