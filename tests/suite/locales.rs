//! Reports in the client's language: Thai (Buddhist calendar) and Japanese PDFs read back with
//! pdftotext, Turkish casing and number formats in the HTML and the PDF.

use crate::common::{self, pdf_tools, pdf_tools::squash};

fn render(client: &str, out: &std::path::Path) {
    common::render(
        "samples/execreport.yaml",
        Some(client),
        "2026-10",
        "html,json,pdf",
        out,
    );
}

/// The start of a long text, for failure messages.
fn head(text: &str) -> String {
    text.chars().take(600).collect()
}

#[test]
fn thai_pdf_reads_back_in_thai_with_buddhist_years() {
    let out = tempfile::tempdir().unwrap();
    render("harbor-hotel-bangkok", out.path());
    let text = squash(&pdf_tools::text(
        &out.path().join("harbor-hotel-bangkok/2026-10/report.pdf"),
    ));
    for expected in [
        "รายงานผลการดำเนินงานประจำเดือน",
        "บทสรุปผู้บริหาร",
        "ตุลาคม 2569",
        "เซสชัน",
        "฿",
    ] {
        assert!(
            text.contains(&squash(expected)),
            "{expected:?} not in the Thai PDF text:\n{}",
            head(&text)
        );
    }
    assert!(
        !text.contains("Executive summary"),
        "untranslated English in the Thai PDF"
    );
    // 2026 is 2569 in the Buddhist calendar: the Gregorian year appears nowhere.
    assert!(
        !text.contains("2026"),
        "Gregorian years where Buddhist ones belong:\n{}",
        head(&text)
    );
}

#[test]
fn japanese_pdf_reads_back_in_japanese() {
    let out = tempfile::tempdir().unwrap();
    render("osaka-smile-clinic", out.path());
    let pdf = out.path().join("osaka-smile-clinic/2026-10/report.pdf");
    let text = squash(&pdf_tools::text(&pdf));
    for expected in ["大阪スマイル歯科", "サマリー", "2026年10月", "￥"] {
        assert!(
            text.contains(&squash(expected)),
            "{expected:?} not in the Japanese PDF text:\n{}",
            head(&text)
        );
    }
    // The 6 MB Japanese font is embedded as a subset: the file stays small.
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 400_000, "Japanese PDF is {size} bytes");
    let html =
        std::fs::read_to_string(out.path().join("osaka-smile-clinic/2026-10/report.html")).unwrap();
    assert!(html.contains(r#"<html lang="ja-JP">"#));
}

#[test]
fn turkish_capitals_and_numbers() {
    let out = tempfile::tempdir().unwrap();
    render("izmir-deri", out.path());
    let html = std::fs::read_to_string(out.path().join("izmir-deri/2026-10/report.html")).unwrap();
    // "Aylık performans raporu" in capitals keeps the dotless ı: AYLIK PERFORMANS RAPORU.
    assert!(
        html.contains("AYLIK PERFORMANS RAPORU"),
        "Turkish upper-casing"
    );
    assert!(html.contains("Yönetici özeti"));
    // The numbers as CLDR writes Turkish: percent sign first, decimal comma, dot between
    // thousands. Checked in the text a reader sees (the inline CSS has `%` and `,` anyway),
    // against the values report.json holds.
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("izmir-deri/2026-10/report.json")).unwrap(),
    )
    .unwrap();
    let kpi = |id: &str, field: &str| -> f64 {
        json["kpis"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .unwrap_or_else(|| panic!("no KPI {id}"))[field]
            .as_f64()
            .unwrap()
    };
    assert_eq!(kpi("web.conversions", "value"), 1160.0);
    assert!((kpi("web.conversions", "change_pct") + 0.2502).abs() < 1e-4);
    assert!((kpi("web.conversion_rate", "value") - 0.010641).abs() < 1e-6);
    assert!((kpi("ads.roas", "value") - 12.4019).abs() < 1e-4);
    let pdf_text = squash(&pdf_tools::text(
        &out.path().join("izmir-deri/2026-10/report.pdf"),
    ));
    let html_text = visible_text(&html);
    assert!(html_text.contains("Ekim 2026"), "{}", head(&html_text));
    for (what, text) in [("HTML", &html_text), ("PDF", &pdf_text)] {
        // Whole words: the sample's hand-written commentary says "1.160'a" whatever the
        // formatter does.
        let words: Vec<&str> = text.split_whitespace().collect();
        for expected in [
            "1.160",  // 1160
            "-%25,0", // -25.0 %
            "%1,06",  // 1.06 %
            "12,40",  // ROAS 12.40
        ] {
            assert!(
                words.contains(&expected),
                "{expected:?} not in the Turkish {what} text:\n{}",
                head(text)
            );
        }
        for english in ["1,160", "1.06%", "12.40"] {
            assert!(
                !text.contains(english),
                "{english:?} in the Turkish {what} text"
            );
        }
    }
    assert!(
        pdf_text.contains("AYLIK PERFORMANS RAPORU"),
        "{}",
        head(&pdf_text)
    );
}

/// The text of an HTML page a reader sees: no style sheet, no script, no tags, whitespace
/// collapsed.
fn visible_text(html: &str) -> String {
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
    squash(&text.replace("&amp;", "&"))
}
