//! Headless Chromium (Debian's `chromium`), driven from the command line: the tests load a
//! report with a probe script appended and read what the probe wrote into the DOM.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn chromium() -> PathBuf {
    for candidate in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(candidate).exists() {
            return PathBuf::from(candidate);
        }
    }
    panic!(
        "headless Chromium is required for the HTML tests: apt-get install chromium (.ci/run does)"
    );
}

pub fn base_command(profile: &Path) -> Command {
    let mut c = Command::new(chromium());
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// Loads `html` in a frame `width` CSS pixels wide (headless Chromium will not make a window
/// narrower than 500 px, so the report is framed instead) with `probe`, a JS expression over
/// the frame's `document` and `window` returning a string, and returns the probe's result.
pub fn probe(html: &str, width: u32, probe: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("host.html");
    let srcdoc = html.replace('&', "&amp;").replace('"', "&quot;");
    let host = format!(
        r#"<!doctype html><html><body style="margin:0"><iframe id="report" style="border:0;width:{width}px;height:900px" srcdoc="{srcdoc}"></iframe>
<script>
const frame = document.getElementById('report');
frame.addEventListener('load', () => {{
  const out = document.createElement('pre');
  out.id = 'probe-result';
  const mark = '@' + '@';
  out.textContent = mark + frame.contentWindow.eval({probe:?}) + mark;
  document.body.appendChild(out);
}});
</script></body></html>"#,
        probe = probe.replace('\n', " ")
    );
    std::fs::write(&page, host).unwrap();
    let output = base_command(&dir.path().join("profile"))
        .arg("--window-size=1400,900")
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&output.stdout);
    let start = dom.find("@@").unwrap_or_else(|| {
        panic!(
            "no probe result; chromium said:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let rest = &dom[start + 2..];
    rest[..rest.find("@@").expect("probe end")]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Prints `html_file` to PDF with Chromium; returns the PDF path and Chromium's log.
pub fn print_to_pdf(html_file: &Path, out_dir: &Path) -> (PathBuf, String) {
    let pdf = out_dir.join("chromium.pdf");
    let output = base_command(&out_dir.join("profile"))
        .arg("--enable-logging=stderr")
        .arg("--v=0")
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html_file.display()))
        .output()
        .expect("run chromium");
    (pdf, String::from_utf8_lossy(&output.stderr).into_owned())
}
