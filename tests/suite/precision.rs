//! A value and its comparison never look equal when they differ: every sample client's tiles
//! as rendered (monthly and quarterly), and every sample KPI's pair written in every language.

use std::path::Path;

use execreport::locale::format::Formats;
use execreport::metrics::catalog::Unit;
use serde_json::Value;

use crate::common;
use crate::samples::CLIENTS;

const LOCALES: [&str; 11] = [
    "en-US", "de-DE", "fr-FR", "es-ES", "pt-BR", "it-IT", "id-ID", "tr-TR", "ja-JP", "th-TH",
    "ar-AE",
];

/// The text of every `<p class="NAME">…</p>` of a tile, in order: (value, change, previous).
fn tiles(html: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let inner = |tile: &str, class: &str| {
        let open = format!("<p class=\"{class}");
        let start = tile.find(&open)?;
        let rest = &tile[start..];
        let text = &rest[rest.find('>')? + 1..rest.find("</p>")?];
        // Tags inside (the arrow's span) are dropped; entities are HTML's own.
        let mut out = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        Some(out.replace("&nbsp;", "\u{a0}").trim().to_string())
    };
    html.split("<div class=\"tile\">")
        .skip(1)
        .filter_map(|tile| {
            let tile = &tile[..tile.find("</div>\n").unwrap_or(tile.len())];
            Some((
                inner(tile, "tile-value")?,
                inner(tile, "tile-change"),
                inner(tile, "tile-previous"),
            ))
        })
        .collect()
}

/// Whether a change as written is not zero: a digit other than zero in any script.
fn nonzero(change: &str) -> bool {
    change
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| digit_of(c)))
        .any(|d| d != 0)
}

/// Thai and Arabic-Indic digits, which `to_digit` does not read.
fn digit_of(c: char) -> Option<u32> {
    match c {
        '๐'..='๙' => Some(c as u32 - '๐' as u32),
        '٠'..='٩' => Some(c as u32 - '٠' as u32),
        _ => None,
    }
}

/// The figures of a text: runs of digits with the separators between them (`1.234,5`,
/// `4,6`, `12\u{202f}345`), and the letters of the compact unit after each (`Mn`, `K`, `万`).
fn figures(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut figure = String::new();
        while i < chars.len() {
            let c = chars[i];
            let inner = matches!(c, '.' | ',' | '\u{a0}' | '\u{202f}' | '\'')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if !(c.is_ascii_digit() || inner) {
                break;
            }
            figure.push(c);
            i += 1;
        }
        let unit: String = chars[i..]
            .iter()
            .skip_while(|c| matches!(c, '\u{a0}' | '\u{202f}'))
            .take_while(|c| c.is_alphabetic())
            .collect();
        out.push((figure, unit));
    }
    out
}

/// Fraction digits of a figure written with `decimal` as its separator.
fn fraction_digits(figure: &str, decimal: char) -> usize {
    figure
        .rfind(decimal)
        .map_or(0, |at| figure[at + 1..].chars().count())
}

/// Where a tile's value and its comparison are not written alike: the two look equal though
/// the change is not zero, a change reads as zero between two different values, or the
/// comparison has other fraction digits in the same unit ("₺4,6 Mn" over "₺6 Mn"). A per-day comparison ("per day: 7.1 vs 8.3") is such a pair
/// itself.
fn mismatch(value: &str, change: &str, previous: &str, decimal: char) -> Option<String> {
    let previous_figures = figures(previous);
    let (a, b) = match (figures(value).last(), previous_figures.as_slice()) {
        (_, [.., a, b]) => (a.clone(), b.clone()),
        (Some(a), [.., b]) => (a.clone(), b.clone()),
        _ => return None,
    };
    if nonzero(change) && a == b {
        return Some("looks equal".into());
    }
    // A difference or points (no percent sign) that reads as zero between two other values.
    if a != b && !change.contains('%') && !nonzero(change) && change.chars().any(char::is_numeric) {
        return Some("a change that reads as zero".into());
    }
    let digits = |f: &(String, String)| fraction_digits(&f.0, decimal);
    (a.1 == b.1 && digits(&a) != digits(&b)).then_some("other fraction digits".into())
}

/// Every sample client for `period`/// Every sample client for `period` as JSON and HTML; a live source without its cache (the
/// trattoria's Search Console in Q3) is said in the report, exit code 4.
fn render_all(period: &str, out: &Path) {
    let config = common::repo().join("samples/execreport.yaml");
    let o = common::execreport(
        &common::repo(),
        &[
            "-c",
            config.to_str().unwrap(),
            "render",
            "--period",
            period,
            "--format",
            "json,html",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        matches!(o.status.code(), Some(0 | 4)),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn figures_and_their_digits_are_read_as_written() {
    assert_eq!(
        mismatch("₺4,6\u{a0}Mn", "▼ -23,5%", "Önceki ay: ₺6\u{a0}Mn", ','),
        Some("other fraction digits".into())
    );
    assert_eq!(
        mismatch("₺4,6\u{a0}Mn", "▼ -23,5%", "Önceki ay: ₺6,0\u{a0}Mn", ','),
        None
    );
    assert_eq!(
        mismatch("17K", "▲ +1.4%", "vs 17K", '.'),
        Some("looks equal".into())
    );
    assert_eq!(mismatch("1,234", "▲ +0.4%", "vs 1,229", '.'), None);
    assert_eq!(
        mismatch("4.82", "● 0.00", "vs 4.83", '.'),
        Some("a change that reads as zero".into())
    );
    assert_eq!(
        mismatch("220", "▲ +3.1%", "per day: 7.1 vs 7", '.'),
        Some("other fraction digits".into())
    );
}

#[test]
fn no_tile_shows_a_value_that_looks_like_its_comparison() {
    let out = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for period in ["2026-10", "2026-Q3"] {
        render_all(period, out.path());
        for client in CLIENTS {
            let dir = out.path().join(client).join(period);
            let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
            let model: Value =
                serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap();
            let language = model["client"]["locale"].as_str().unwrap_or("en");
            let decimal = if ["de", "fr", "es", "pt", "it", "id", "tr"]
                .iter()
                .any(|l| language.starts_with(l))
            {
                ','
            } else {
                '.'
            };
            for (value, change, previous) in tiles(&html) {
                let (Some(change), Some(previous)) = (change, previous) else {
                    continue;
                };
                seen += 1;
                if let Some(what) = mismatch(&value, &change, &previous, decimal) {
                    panic!("{client} {period}: \"{value}\" ({change}) over \"{previous}\": {what}");
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} tiles with a comparison");
}

#[test]
fn every_sample_pair_differs_in_every_language() {
    let out = tempfile::tempdir().unwrap();
    render_all("2026-10", out.path());
    let mut pairs = 0;
    for client in CLIENTS {
        let model: Value = serde_json::from_slice(
            &std::fs::read(out.path().join(client).join("2026-10/report.json")).unwrap(),
        )
        .unwrap();
        let currency = model["client"]["currency"].as_str().unwrap();
        for k in model["kpis"].as_array().unwrap() {
            let (Some(v), Some(p)) = (k["value"].as_f64(), k["previous"].as_f64()) else {
                continue;
            };
            if v == p {
                continue;
            }
            let unit: Unit = serde_json::from_value(k["unit"].clone()).unwrap();
            // Scaled copies reach the compact forms (thousands, millions) of every unit.
            for scale in [1.0, 10.0, 1000.0] {
                let (v, p) = (v * scale, p * scale);
                for tag in LOCALES {
                    let (a, b) =
                        Formats::new(tag, false).value_pair(v, Some(p), unit, currency, true);
                    let b = b.unwrap();
                    pairs += 1;
                    assert_ne!(a, b, "{client} {} in {tag}: {v} vs {p}", k["id"]);
                }
            }
        }
    }
    assert!(pairs > 1000, "only {pairs} pairs");
}
