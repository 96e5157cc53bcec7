//! A value and its comparison never look equal when they differ: every sample client's tiles
//! as rendered (monthly and quarterly), and every sample KPI's pair written in every language.

use std::path::Path;

use execreport::locale::format::Formats;
use execreport::metrics::catalog::Unit;
use serde_json::Value;

use crate::common;

const CLIENTS: [&str; 8] = [
    "brightside-dental",
    "thames-fitness",
    "harbor-hotel-bangkok",
    "kopi-nusantara",
    "osaka-smile-clinic",
    "trattoria-da-luca",
    "izmir-deri",
    "dar-al-oud",
];

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

/// `previous` ends with `value` as a whole figure ("vs 17K" after "17K"; not "1,234" after
/// "234").
fn ends_with_figure(previous: &str, value: &str) -> bool {
    let strip = |s: &str| s.replace(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'], "");
    let (previous, value) = (strip(previous), strip(value));
    previous.strip_suffix(&value).is_some_and(|head| {
        head.chars()
            .last()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '：' | '(' | '（'))
    })
}

/// Every sample client for `period` as JSON and HTML; a live source without its cache (the
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
fn no_tile_shows_a_value_that_looks_like_its_comparison() {
    let out = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for period in ["2026-10", "2026-Q3"] {
        render_all(period, out.path());
        for client in CLIENTS {
            let html =
                std::fs::read_to_string(out.path().join(client).join(period).join("report.html"))
                    .unwrap();
            for (value, change, previous) in tiles(&html) {
                let (Some(change), Some(previous)) = (change, previous) else {
                    continue;
                };
                seen += 1;
                assert!(
                    !(nonzero(&change) && ends_with_figure(&previous, &value)),
                    "{client} {period}: \"{value}\" changed by {change} over \"{previous}\""
                );
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
