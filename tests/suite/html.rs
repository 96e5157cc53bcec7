//! The HTML report in a real browser: escaping, self-containment, brand overrides, layout at
//! phone and desktop widths, and printing.

use crate::common::{browser, render};

fn render_html(config: &str, client: &str, period: &str) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    render(config, Some(client), period, "html,json", out.path());
    let html =
        std::fs::read_to_string(out.path().join(client).join(period).join("report.html")).unwrap();
    (out, html)
}

/// Everything a report must not load or run, counted by the browser after parsing.
const SAFETY_PROBE: &str = r#"JSON.stringify({
  scripts: document.querySelectorAll('script').length,
  iframes: document.querySelectorAll('iframe, object, embed').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  external: [...document.querySelectorAll('[src], [href]')].map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => !/^(data:|#|mailto:)/.test(u) && !(/^https?:/.test(u) && document.querySelector('.commentary') && document.querySelector('.commentary').contains(document.querySelector(`[href="${u}"]`)))),
  h1: document.querySelector('h1').textContent,
  override: document.querySelectorAll('[data-override=custom-cover]').length,
  commentary: document.querySelector('.commentary') ? document.querySelector('.commentary').textContent : '',
})"#;

#[test]
fn hostile_names_commentary_and_data_stay_text() {
    let (_dir, html) = render_html("tests/fixtures/hostile/execreport.yaml", "shop", "2026-10");
    assert!(!html.contains("<script"), "raw script tag in the report");
    assert!(!html.contains("<iframe"), "raw iframe in the report");
    let result: serde_json::Value =
        serde_json::from_str(&browser::probe(&html, 1280, SAFETY_PROBE)).unwrap();
    assert_eq!(result["scripts"], 0, "{result}");
    assert_eq!(result["iframes"], 0, "{result}");
    assert_eq!(result["handlers"], 0, "{result}");
    assert_eq!(result["external"], serde_json::json!([]), "{result}");
    // The hostile client name is shown literally, as text.
    assert_eq!(
        result["h1"],
        "<script>alert('client')</script>\"><img src=x onerror=alert(1)>"
    );
    // The brand's cover template replaced the built-in one.
    assert_eq!(result["override"], 1, "{result}");
    let commentary = result["commentary"].as_str().unwrap();
    assert!(
        commentary.contains("<script>alert('note')</script>"),
        "{commentary}"
    );
    assert!(commentary.contains("on plan"), "{commentary}");
}

/// Horizontal overflow: the page's scroll width against the window, and any element whose
/// right edge passes the viewport (tables may scroll inside their own wrapper).
const LAYOUT_PROBE: &str = r#"JSON.stringify({
  scroll: document.documentElement.scrollWidth,
  inner: window.innerWidth,
  width: document.documentElement.clientWidth,
  overflowing: [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.table-wrap') && !e.closest('.chart-narrow, .chart-wide') || e.matches('.table-wrap'))
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName + '.' + e.className).slice(0, 5),
  charts: [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length).length,
  clipped: [...document.querySelectorAll('svg.chart')].filter(s => s.getClientRects().length).flatMap(svg =>
    [...svg.querySelectorAll('text')].filter(t => {
      const b = t.getBBox(), vb = svg.viewBox.baseVal;
      return b.x < -0.5 || b.x + b.width > vb.width + 0.5 || b.y < -0.5 || b.y + b.height > vb.height + 0.5;
    }).map(t => svg.id + ':' + t.textContent)).slice(0, 8),
})"#;

#[test]
fn no_horizontal_overflow_at_phone_and_desktop_widths() {
    let (_dir, html) = render_html("tests/fixtures/valid/execreport.yaml", "shop", "2026-10");
    let (_dir2, sample) = render_html("samples/execreport.yaml", "izmir-deri", "2026-10");
    for (html, width) in [(&html, 375), (&html, 1280), (&sample, 375), (&sample, 1280)] {
        let r: serde_json::Value =
            serde_json::from_str(&browser::probe(html, width, LAYOUT_PROBE)).unwrap();
        assert_eq!(
            r["scroll"], r["inner"],
            "page wider than the window at {width}px: {r}"
        );
        assert_eq!(r["overflowing"], serde_json::json!([]), "at {width}px: {r}");
        assert_eq!(
            r["clipped"],
            serde_json::json!([]),
            "chart labels cut off at {width}px: {r}"
        );
        assert!(
            r["charts"].as_u64().unwrap() >= 4,
            "charts not shown at {width}px: {r}"
        );
    }
}

#[test]
fn prints_to_pdf_without_errors() {
    let (dir, _html) = render_html("tests/fixtures/valid/execreport.yaml", "shop", "2026-10");
    let file = dir.path().join("shop/2026-10/report.html");
    let (pdf, log) = browser::print_to_pdf(&file, dir.path());
    let bytes =
        std::fs::read(&pdf).unwrap_or_else(|e| panic!("no PDF ({e}); chromium said:\n{log}"));
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    for line in log.lines() {
        assert!(
            !line.contains("Uncaught") && !line.contains("CONSOLE("),
            "browser error: {line}"
        );
    }
}

#[test]
fn the_layout_probe_sees_overflow() {
    // The overflow check must be able to fail: a page with a too-wide element.
    let html = "<html><body><div style='width:900px'>wide</div></body></html>";
    let r: serde_json::Value =
        serde_json::from_str(&browser::probe(html, 375, LAYOUT_PROBE)).unwrap();
    assert!(r["scroll"].as_u64().unwrap() > 375, "{r}");
    assert_ne!(r["overflowing"], serde_json::json!([]), "{r}");
}

#[test]
fn the_brand_footer_names_the_client_in_its_language() {
    for (client, footer) in [
        (
            "brightside-dental",
            "Confidential · prepared by Northwind Digital for Brightside Family Dental",
        ),
        (
            "harbor-hotel-bangkok",
            "เอกสารลับ · จัดทำโดย Northwind Digital สำหรับ Harbor Hotel Bangkok",
        ),
    ] {
        let (_dir, html) = render_html("samples/execreport.yaml", client, "2026-10");
        assert!(html.contains(footer), "{client}: no footer {footer:?}");
    }
}
