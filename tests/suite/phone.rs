//! The HTML report on a phone (375 CSS px): no number cut off at the screen's edge, and the
//! long list of definitions folded away until asked for.

use crate::common::{browser, pdf_tools, render};

/// `clipped` lists the number cells reaching past the screen's edge or cut inside their cell;
/// `wide` says whether the page scrolls sideways; `folded` counts definition lists inside a
/// closed `<details>`, `loose` those outside one that a screen shows.
const PROBE: &str = r#"(() => {
  const w = document.documentElement.clientWidth;
  const clipped = [...document.querySelectorAll('td')].filter(td => {
    const r = td.getBoundingClientRect();
    return r.right > w + 0.5 || td.scrollWidth > td.clientWidth + 1;
  }).map(td => td.textContent.trim());
  const lists = [...document.querySelectorAll('dl.definitions')];
  const folded = lists.filter(dl => dl.closest('details:not([open])')).length;
  const loose = lists.filter(dl => !dl.closest('details') && dl.getClientRects().length > 0).length;
  return JSON.stringify({ cells: document.querySelectorAll('td').length, clipped,
    wide: document.documentElement.scrollWidth > w, folded, loose });
})()"#;

#[test]
fn wide_tables_and_definitions_read_on_a_phone() {
    let out = tempfile::tempdir().unwrap();
    for client in ["thames-fitness", "harbor-hotel-bangkok"] {
        render(
            "samples/execreport.yaml",
            Some(client),
            "2026-10",
            "html",
            out.path(),
        );
        let html =
            std::fs::read_to_string(out.path().join(client).join("2026-10/report.html")).unwrap();
        let got: serde_json::Value =
            serde_json::from_str(&browser::probe(&html, 375, PROBE)).unwrap();
        assert!(got["cells"].as_u64().unwrap() > 20, "{client}: {got}");
        assert_eq!(got["clipped"], serde_json::json!([]), "{client}: {got}");
        assert_eq!(got["wide"], false, "{client}: {got}");
        assert_eq!(got["folded"], 1, "{client}: definitions not folded: {got}");
        assert_eq!(got["loose"], 0, "{client}: {got}");
    }
}

#[test]
fn definitions_print_open() {
    let out = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        Some("thames-fitness"),
        "2026-10",
        "html",
        out.path(),
    );
    let html = out.path().join("thames-fitness/2026-10/report.html");
    let (pdf, log) = browser::print_to_pdf(&html, out.path());
    assert!(pdf.exists(), "chromium printed nothing: {log}");
    let text = pdf_tools::squash(&pdf_tools::text(&pdf));
    // Printed, the definitions are open under their heading, and only once.
    assert_eq!(text.matches("Visits to the website.").count(), 1, "{text}");
    assert!(!text.contains("Definitions ("), "{text}");
}
