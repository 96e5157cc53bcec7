//! Reports in the client's language: Thai (Buddhist calendar) and Japanese PDFs read back with
//! pdftotext, Turkish casing and number formats in the HTML.

use crate::common::{self, pdf_tools, pdf_tools::squash};

fn render(client: &str, out: &std::path::Path) {
    common::render(
        "samples/execreport.yaml",
        Some(client),
        "2026-10",
        "html,pdf",
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
    assert!(
        !text.contains("2026 ") || text.contains("2569"),
        "Gregorian years where Buddhist ones belong"
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
    // Percent sign first and decimal comma, as CLDR has Turkish: %12,3.
    assert!(
        html.contains("%") && html.contains(",") && html.contains("Ekim 2026"),
        "Turkish formats"
    );
    let text = squash(&pdf_tools::text(
        &out.path().join("izmir-deri/2026-10/report.pdf"),
    ));
    assert!(text.contains("AYLIK PERFORMANS RAPORU"), "{}", head(&text));
}
