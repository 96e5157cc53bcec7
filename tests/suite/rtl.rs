//! Right-to-left reports (Arabic): the HTML document is `dir="rtl"` and mirrored (the first
//! tile at the right, a table's label column at the right), and the PDF's text layer gives the
//! Arabic words in logical order.

use crate::common::{browser, pdf_tools, render};

/// Where the first two summary tiles and a table's label and number cells start, in CSS px.
const PROBE: &str = r#"(() => {
  const tiles = [...document.querySelectorAll('.section-summary .tile')];
  const row = document.querySelector('tbody tr');
  const x = el => el.getBoundingClientRect().left;
  return JSON.stringify({ dir: document.documentElement.dir,
    tiles: tiles.slice(0, 2).map(x),
    label: x(row.querySelector('th')), number: x(row.querySelector('td')) });
})()"#;

fn probe(client: &str) -> serde_json::Value {
    let out = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        Some(client),
        "2026-10",
        "html",
        out.path(),
    );
    let html =
        std::fs::read_to_string(out.path().join(client).join("2026-10/report.html")).unwrap();
    serde_json::from_str(&browser::probe(&html, 1280, PROBE)).unwrap()
}

#[test]
fn an_arabic_report_is_mirrored_in_html() {
    let got = probe("dar-al-oud");
    assert_eq!(got["dir"], "rtl", "{got}");
    let x = |v: &serde_json::Value| v.as_f64().unwrap();
    let tiles = got["tiles"].as_array().unwrap();
    assert!(
        x(&tiles[0]) > x(&tiles[1]),
        "first tile not at the right: {got}"
    );
    assert!(
        x(&got["label"]) > x(&got["number"]),
        "table not mirrored: {got}"
    );
    // The same probe on an English report reads left to right.
    let ltr = probe("thames-fitness");
    let tiles = ltr["tiles"].as_array().unwrap();
    assert!(x(&tiles[0]) < x(&tiles[1]), "{ltr}");
}

#[test]
fn an_arabic_pdf_reads_in_logical_order() {
    let out = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        Some("dar-al-oud"),
        "2026-10",
        "pdf",
        out.path(),
    );
    let pdf = out.path().join("dar-al-oud/2026-10/report.pdf");
    let text = pdf_tools::text(&pdf);
    for words in [
        "تقرير الأداء الشهري",
        "الملخص التنفيذي",
        "الإعلانات المدفوعة",
        "دار العود",
    ] {
        assert!(
            text.contains(words),
            "{words:?} not in the text layer:\n{text}"
        );
    }
    // ar-AE writes its numbers in Latin digits: so do the titles of the long-view charts, and
    // no Arabic-Indic digit appears anywhere in the report.
    let digits: String = text
        .chars()
        .filter(|c| ('\u{660}'..='\u{669}').contains(c))
        .collect();
    assert!(
        digits.is_empty(),
        "Arabic-Indic digits {digits:?} in:\n{text}"
    );
    assert!(text.contains("13"), "{text}");
    // The Arabic is drawn in the built-in Arabic face, embedded (subset).
    let fonts = std::process::Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("NotoSansArabic"), "{fonts}");
}
