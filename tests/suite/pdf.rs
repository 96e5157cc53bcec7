//! The PDF report checked with real PDF tools: structure (qpdf), fonts embedded and subset
//! (pdffonts), the text a reader sees (pdftotext), pagination rules and reproducibility.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::common::{self, pdf_tools, pdf_tools::squash, repo};
use execreport::config::Workspace;
use execreport::locale::Locale;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::BrandKit;
use execreport::render::pdf::layout::PageGeometry;
use execreport::render::pdf::{Item, Page, Rgb};
use execreport::render::view::{ReportView, SectionBody};
use execreport::report::{self, ReportRequest};
use execreport::sources::live::{DataMode, Fetcher};

fn render(config: &str, client: Option<&str>, out: &Path) {
    common::render(config, client, "2026-10", "html,pdf", out);
}

/// The tile values the HTML shows, which the PDF must show too.
fn tile_values(html: &str) -> Vec<String> {
    html.split(r#"class="tile-value num">"#)
        .skip(1)
        .map(|s| {
            s[..s.find('<').unwrap()]
                .replace("&#x27;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn every_sample_client_pdf_passes_the_pdf_tools() {
    let out = tempfile::tempdir().unwrap();
    render("samples/execreport.yaml", None, out.path());
    let mut checked = 0;
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let dir: PathBuf = entry.unwrap().path().join("2026-10");
        let pdf = dir.join("report.pdf");
        let client = dir
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        pdf_tools::check(&pdf).unwrap_or_else(|e| panic!("{client}: qpdf --check: {e}"));
        let fonts = pdf_tools::fonts(&pdf);
        assert!(!fonts.is_empty(), "{client}: no fonts");
        for (name, embedded, subset) in &fonts {
            assert!(
                *embedded && *subset,
                "{client}: font {name} embedded={embedded} subset={subset}"
            );
        }
        // pdftotext marks right-to-left and embedded left-to-right runs (U+202A…U+202C).
        let text = squash(&strip_bidi_marks(&pdf_tools::text(&pdf)));
        let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
        let name = html
            .split("<h1>")
            .nth(1)
            .unwrap()
            .split("</h1>")
            .next()
            .unwrap()
            .replace("&amp;", "&");
        assert!(
            text.contains(&squash(&name)),
            "{client}: client name {name:?} not in the PDF text"
        );
        let values = tile_values(&html);
        assert!(values.len() >= 4, "{client}: {values:?}");
        for v in values {
            // Right to left, pdftotext orders a line's runs as drawn (`675 ألف د.إ.` may read
            // `ألف د.إ. 675`): each word of the value must be there, the Arabic ones in
            // logical order.
            let v = strip_bidi_marks(&v);
            let words: Vec<String> = if v.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                v.split_whitespace().map(str::to_string).collect()
            } else {
                vec![v]
            };
            for w in words {
                assert!(
                    text.contains(&squash(&w)),
                    "{client}: KPI value {w:?} not in the PDF text"
                );
            }
        }
        let pages = pdf_tools::pages(&pdf);
        assert!((3..=12).contains(&pages), "{client}: {pages} pages");
        // A size guard (docs/benchmarks.md): the samples' PDFs are 52-100 KB, the smallest
        // Chromium prints of the same reports 241 KB. Growth past this means something is
        // stored per page or per glyph that should not be.
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 128 * 1024, "{client}: PDF of {size} bytes");
        // The brand's SVG logo drawn as vector paths on every page (the light variant on a
        // dark cover), each variant stored once; no picture.
        assert!(
            pdf_tools::images(&pdf).is_empty(),
            "{client}: pictures in the PDF"
        );
        let qdf = pdf_tools::qdf(&pdf);
        let drawn = qdf.matches("/ExecLogo Do").count() + qdf.matches("/ExecLogoOnDark Do").count();
        assert_eq!(drawn, pages, "{client}: logos drawn");
        assert!(qdf.matches("/Subtype /Form").count() <= 2, "{client}");
        // Every page after the cover shows "Page N of M" in the client's language, with the
        // real page count (the cover has no footer).
        let lang = html
            .split(r#"<html lang=""#)
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("{client}: no <html lang>"));
        let locale = Locale::new(lang, false, Default::default());
        for n in 2..=pages {
            let footer =
                squash(&locale.text("page-of", &[("page", n.into()), ("pages", pages.into())]));
            let page = squash(&strip_bidi_marks(&pdf_tools::page_text(&pdf, n)));
            // Right to left, pdftotext puts the space at a change of direction on either side
            // of the number (`الصفحة 2من 7`): compared without spaces.
            let bare = |s: &str| s.replace(' ', "");
            assert!(
                page.contains(&footer)
                    || (execreport::locale::is_rtl(lang) && bare(&page).contains(&bare(&footer))),
                "{client}: page {n} does not show {footer:?}: {page}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 8);
}

/// The local channel in both renderers: the two sample businesses with Business Profile data
/// (a CSV for the Osaka clinic, the live source's shipped cache for the trattoria) get a Local
/// section after SEO, titled in their language, whose tiles the PDF shows after that title.
#[test]
fn local_businesses_show_a_local_section_in_html_and_pdf() {
    let out = tempfile::tempdir().unwrap();
    for (client, title, calls) in [
        ("osaka-smile-clinic", "ローカル検索（MEO）", "通話数"),
        ("trattoria-da-luca", "Ricerca locale", "Chiamate"),
    ] {
        render("samples/execreport.yaml", Some(client), out.path());
        let dir = out.path().join(client).join("2026-10");
        let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
        let order: Vec<&str> = html
            .split(r#"<section class="section section-"#)
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        let at = |id: &str| order.iter().position(|s| *s == id);
        assert_eq!(at("local"), at("seo").map(|i| i + 1), "{client}: {order:?}");
        assert!(
            html.contains(&format!(r#"<h2 id="h-local">{title}</h2>"#)),
            "{client}"
        );
        let section = html
            .split(r#"id="local""#)
            .nth(1)
            .unwrap()
            .split("</section>")
            .next()
            .unwrap();
        assert!(section.contains(calls), "{client}: {section}");
        let values = tile_values(section);
        assert_eq!(values.len(), 6, "{client}: {values:?}");
        let text = squash(&pdf_tools::text(&dir.join("report.pdf")));
        let after = text
            .split(&squash(title))
            .nth(1)
            .unwrap_or_else(|| panic!("{client}: no {title:?} in the PDF"));
        assert!(after.contains(calls), "{client}: {calls:?} not in the PDF");
        for v in values {
            assert!(
                after.contains(&squash(&v)),
                "{client}: local tile {v:?} not in the PDF"
            );
        }
    }
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        Some("harbor-hotel-bangkok"),
        a.path(),
    );
    render(
        "samples/execreport.yaml",
        Some("harbor-hotel-bangkok"),
        b.path(),
    );
    let read = |d: &Path| std::fs::read(d.join("harbor-hotel-bangkok/2026-10/report.pdf")).unwrap();
    assert!(
        read(a.path()) == read(b.path()),
        "two renders of the same report differ"
    );
}

/// The report view of `client` for 2026-10 and its brand kit, built through the library;
/// `now` pins the clock (and "today").
fn view_and_kit(config: &str, client: &str, now: Option<&str>) -> (ReportView, Arc<BrandKit>) {
    let ws = Workspace::load(&repo().join(config)).unwrap();
    view_and_kit_of(&ws, client, "2026-10", now)
}

/// The same for any period of a loaded workspace (which a test may have changed); live
/// sources come from the workspace's cache only.
pub(crate) fn view_and_kit_of(
    ws: &Workspace,
    client: &str,
    period: &str,
    now: Option<&str>,
) -> (ReportView, Arc<BrandKit>) {
    let client = ws.client(client).unwrap();
    let kit = execreport::render::load_kit(ws, client.brand).unwrap();
    let now: Option<chrono::DateTime<chrono::Utc>> = now.map(|n| n.parse().unwrap());
    let request = ReportRequest {
        period: period.parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: now.map(|n| n.date_naive()),
        locale: None,
        now,
        data: DataMode::Offline,
    };
    let model = report::build(ws, &Fetcher::default(), &client, &kit.brand, &request).unwrap();
    (execreport::render::view_of(&model, &kit.brand, ws), kit)
}

/// Issue 18's rules for clean pages, checked on the layout markers of one report:
/// - a table breaks only with three rows or more on each side, so one of five rows or fewer
///   is on one page;
/// - a goal list of up to eight goals (which fit on a page) is on one page, a longer one
///   keeps two goals or more on each side of a break;
/// - the last page is at least a quarter full;
/// - no text under 7.5 pt;
/// - no tile label cut with "…".
fn clean_page_problems(
    name: &str,
    view: &ReportView,
    pages: &[Page],
    g: &PageGeometry,
) -> Vec<String> {
    let mut problems = Vec::new();
    macro_rules! check {
        ($ok:expr, $($message:tt)+) => {
            let ok: bool = $ok;
            if !ok {
                problems.push(format!($($message)+));
            }
        };
    }
    use std::collections::BTreeMap;
    let mut tables: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut goals: Vec<(usize, usize)> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let mut rows: BTreeMap<&str, usize> = BTreeMap::new();
        let mut goal_rows = 0;
        for item in &page.items {
            match item {
                Item::TableRow { caption, .. } => *rows.entry(caption).or_default() += 1,
                Item::GoalRow { .. } => goal_rows += 1,
                _ => {}
            }
        }
        for (caption, k) in rows {
            tables.entry(caption).or_default().push((n + 1, k));
        }
        if goal_rows > 0 {
            goals.push((n + 1, goal_rows));
        }
    }
    for (caption, parts) in &tables {
        let total: usize = parts.iter().map(|p| p.1).sum();
        if total <= 5 {
            check!(
                parts.len() == 1,
                "{name}: table {caption:?} of {total} rows split: (page, rows) {parts:?}"
            );
        } else {
            check!(
                parts.iter().all(|p| p.1 >= 3),
                "{name}: table {caption:?} leaves fewer than 3 rows on a page: (page, rows) {parts:?}"
            );
        }
    }
    let total: usize = goals.iter().map(|p| p.1).sum();
    if total <= 8 {
        check!(
            goals.len() <= 1,
            "{name}: {total} goals split: (page, goals) {goals:?}"
        );
    } else {
        check!(
            goals.iter().all(|p| p.1 >= 2),
            "{name}: (page, goals) {goals:?}"
        );
    }
    let fill = page_fill(pages.last().unwrap(), g);
    check!(
        fill >= 0.25,
        "{name}: the last page (page {}) is {:.0}% full",
        pages.len(),
        fill * 100.0
    );
    let tile_labels: Vec<&str> = view
        .sections
        .iter()
        .flat_map(|s| match &s.body {
            SectionBody::Summary { tiles, .. } | SectionBody::Channel { tiles, .. } => {
                tiles.iter().map(|t| t.label.as_str()).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text { runs, .. } = item {
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                for r in runs {
                    check!(
                        r.size >= 7.5 - 1e-3,
                        "{name}: page {}: {text:?} at {} pt",
                        n + 1,
                        r.size
                    );
                }
                if let Some(cut) = text.strip_suffix('…') {
                    let cut = cut.trim_end();
                    check!(
                        !tile_labels.iter().any(|l| l.starts_with(cut)),
                        "{name}: page {}: a tile label is cut: {text:?}",
                        n + 1
                    );
                }
            }
        }
    }
    problems
}

/// How far down its content area a page's content reaches, as a share of that area (the
/// running header and footer are outside it).
fn page_fill(page: &Page, g: &PageGeometry) -> f32 {
    let (top, bottom) = (g.top, g.height - g.bottom);
    let inside = |y: f32| (top..=bottom).contains(&y);
    let reach = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { y, .. } if inside(*y) => Some(*y),
            Item::Rect { y, h, .. } if inside(*y) => Some(y + h),
            Item::ChartBox { y, h, .. } if inside(*y) => Some(y + h),
            _ => None,
        })
        .fold(top, f32::max);
    (reach - top) / (bottom - top)
}

/// No page of a sample report ends with more than a quarter of it blank, but the last: a
/// chart that misses a page's foot by a little is drawn shorter (by a fifth at most), and
/// charts above a heading and its goal list give the room the list needs. Every sample
/// client's October, week 43 and third quarter, in both sample workspaces.
#[test]
fn sample_report_pages_end_full() {
    let label = |n: usize, t: usize| format!("Page {n} of {t}");
    let mut problems = Vec::new();
    for config in ["samples/execreport.yaml", "samples/franchise.yaml"] {
        let ws = Workspace::load(&repo().join(config)).unwrap();
        let clients: Vec<String> = ws.clients().map(|c| c.config.id.to_string()).collect();
        for client in &clients {
            for period in ["2026-10", "2026-W43", "2026-Q3"] {
                let now = Some("2026-11-05T06:00:00Z");
                let (view, kit) = view_and_kit_of(&ws, client, period, now);
                let (pages, g) = kit.pdf.pages(&view, &label).unwrap();
                // The cover and the last page aside.
                for (n, page) in pages.iter().enumerate().take(pages.len() - 1).skip(1) {
                    let fill = page_fill(page, &g);
                    if fill < 0.75 {
                        problems.push(format!(
                            "{client} {period}: page {} of {} is {:.0}% full",
                            n + 1,
                            pages.len(),
                            fill * 100.0
                        ));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The rules of clean pages on every sample client's October report and a quarterly one.
#[test]
fn sample_reports_have_clean_pages() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let label = |n: usize, t: usize| format!("Page {n} of {t}");
    let mut problems = Vec::new();
    let mut reports: Vec<(String, &str)> = ws
        .clients()
        .map(|c| (c.config.id.as_str().to_string(), "2026-10"))
        .collect();
    reports.push(("thames-fitness".into(), "2026-Q3"));
    for (client, period) in &reports {
        let (view, kit) = view_and_kit_of(&ws, client, period, None);
        let (pages, geometry) = kit.pdf.pages(&view, &label).unwrap();
        problems.extend(clean_page_problems(
            &format!("{client} {period}"),
            &view,
            &pages,
            &geometry,
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The same rules on the long fixture with campaign tables of 6 to 30 rows, so that their
/// breaks and the goal list (five goals) fall at many places on the page.
#[test]
fn long_tables_and_goal_lists_break_cleanly() {
    let mut ws = Workspace::load(&repo().join("tests/fixtures/long/execreport.yaml")).unwrap();
    let label = |n: usize, t: usize| format!("Page {n} of {t}");
    let mut problems = Vec::new();
    for top in 6..=30 {
        ws.file.clients[0].breakdown_top = top;
        let (view, kit) = view_and_kit_of(&ws, "big", "2026-10", None);
        let (pages, geometry) = kit.pdf.pages(&view, &label).unwrap();
        problems.extend(clean_page_problems(
            &format!("big, top {top}"),
            &view,
            &pages,
            &geometry,
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn long_reports_follow_the_pagination_rules() {
    let (view, kit) = view_and_kit("tests/fixtures/long/execreport.yaml", "big", None);
    let charts: usize = view
        .sections
        .iter()
        .map(|s| match &s.body {
            execreport::render::view::SectionBody::Channel { charts, .. } => charts.len(),
            _ => 0,
        })
        .sum();
    assert!(
        charts >= 12,
        "the fixture should have at least 12 charts, has {charts}"
    );
    let label = |n: usize, t: usize| format!("Page {n} of {t}");
    let (pages, geometry) = kit.pdf.pages(&view, &label).unwrap();
    let bottom = geometry.height - geometry.bottom;
    let mut boxes = 0;
    for (n, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::ChartBox { id, y, h } = item {
                boxes += 1;
                assert!(
                    *y >= geometry.top - 0.01 && y + h <= bottom + 0.01,
                    "chart {id} crosses the page boundary on page {}",
                    n + 1
                );
            }
        }
    }
    assert_eq!(boxes, charts, "every chart drawn once");
    // The campaign table spans pages and repeats its header on each of them.
    let caption = "Results by campaign";
    let mut table_pages = 0;
    let mut rows = 0;
    for (n, page) in pages.iter().enumerate() {
        let has_rows = page
            .items
            .iter()
            .filter(|i| matches!(i, Item::TableRow { caption: c, .. } if c == caption))
            .count();
        let has_header = page
            .items
            .iter()
            .any(|i| matches!(i, Item::TableHeader { caption: c, .. } if c == caption));
        if has_rows > 0 {
            table_pages += 1;
            rows += has_rows;
            assert!(
                has_header,
                "page {} continues the campaign table without its header",
                n + 1
            );
        }
    }
    assert_eq!(rows, 60, "every campaign row drawn once");
    assert!(table_pages >= 2, "the 60-row table should span pages");
    let text_of = |page: &execreport::render::pdf::Page| -> String {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { runs, .. } => {
                    Some(runs.iter().map(|r| r.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for page in &pages {
        let text = text_of(page);
        if page
            .items
            .iter()
            .any(|i| matches!(i, Item::TableRow { caption: c, .. } if c == caption))
        {
            assert!(
                text.contains("Ad CTR"),
                "header text missing on a table page:\n{text}"
            );
        }
    }
    // No heading is the last thing on a page: every page's last text is not a section title.
    let titles: Vec<&str> = view.sections.iter().map(|s| s.title.as_str()).collect();
    for (n, page) in pages.iter().enumerate().skip(1) {
        let last = page.items.iter().rev().find_map(|i| match i {
            Item::Text { y, runs, .. } if *y < bottom => {
                Some(runs.iter().map(|r| r.text.as_str()).collect::<String>())
            }
            _ => None,
        });
        if let Some(last) = last {
            assert!(
                !titles.contains(&last.as_str()),
                "page {} ends with the heading {last:?}",
                n + 1
            );
        }
    }
    // And the real file: every campaign row is in the text, the table header on each of its pages.
    let out = tempfile::tempdir().unwrap();
    render(
        "tests/fixtures/long/execreport.yaml",
        Some("big"),
        out.path(),
    );
    let pdf = out.path().join("big/2026-10/report.pdf");
    pdf_tools::check(&pdf).unwrap();
    let text = squash(&pdf_tools::text(&pdf));
    for c in 1..=60 {
        assert!(
            text.contains(&format!("Campaign {c:02}")),
            "row {c} missing"
        );
    }
}

/// The PDF layout of the fixture as text, one line per item (kind, positions rounded to a
/// tenth of a point, colour, text), pinned: a change in the layout shows up as a reviewable
/// diff, without comparing PDF bytes.
#[test]
fn pdf_layout_snapshot() {
    let (view, kit) = view_and_kit(
        "tests/fixtures/valid/execreport.yaml",
        "shop",
        Some("2026-11-15T09:00:00Z"),
    );
    let label = |n: usize, t: usize| format!("Page {n} of {t}");
    let (pages, _) = kit.pdf.pages(&view, &label).unwrap();
    insta::assert_snapshot!("pdf_layout", layout_text(&pages));
}

/// One line per layout item: `kind x,y w×h #colour "text"`, numbers rounded to 0.1 pt.
fn layout_text(pages: &[execreport::render::pdf::Page]) -> String {
    let n = |v: f32| format!("{:.1}", (v * 10.0).round() / 10.0 + 0.0);
    let pt = |(x, y): (f32, f32)| format!("{},{}", n(x), n(y));
    let hex = |c: Rgb| {
        c.0.iter()
            .map(|v| format!("{:02x}", (v * 255.0).round() as u8))
            .collect::<String>()
    };
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        out.push_str(&format!("page {} {:?}\n", i + 1, page.bookmarks));
        for item in &page.items {
            let line = match item {
                Item::Text { x, y, runs, color } => {
                    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                    let size = runs.first().map_or(0.0, |r| r.size);
                    format!(
                        "text {} {}pt #{} {text:?}",
                        pt((*x, *y)),
                        n(size),
                        hex(*color)
                    )
                }
                Item::Rect { x, y, w, h, color } => {
                    format!("rect {} {}×{} #{}", pt((*x, *y)), n(*w), n(*h), hex(*color))
                }
                Item::Polyline {
                    points,
                    color,
                    width,
                    dashed,
                } => format!(
                    "line {} points {}..{} w{} #{}{}",
                    points.len(),
                    points.first().copied().map_or_else(String::new, pt),
                    points.last().copied().map_or_else(String::new, pt),
                    n(*width),
                    hex(*color),
                    if *dashed { " dashed" } else { "" }
                ),
                Item::Polygon { points, color } => {
                    format!("polygon {} points #{}", points.len(), hex(*color))
                }
                Item::Logo {
                    x,
                    y,
                    w,
                    h,
                    on_dark,
                } => format!(
                    "logo {} {}×{}{}",
                    pt((*x, *y)),
                    n(*w),
                    n(*h),
                    if *on_dark { " on dark" } else { "" }
                ),
                Item::Link { x, y, w, h, uri } => {
                    format!("link {} {}×{} {uri}", pt((*x, *y)), n(*w), n(*h))
                }
                Item::ChartBox { id, y, h } => format!("chart {id} y{} h{}", n(*y), n(*h)),
                Item::TableHeader { caption, y } => format!("table-header {caption:?} y{}", n(*y)),
                Item::TableRow { caption, y } => format!("table-row {caption:?} y{}", n(*y)),
                Item::GoalRow { label, y } => format!("goal-row {label:?} y{}", n(*y)),
                // The structure (tagged PDF) is checked on the written files.
                Item::Open(_) | Item::Close => continue,
            };
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Text without bidi marks, embeddings and isolates: CLDR puts them in right-to-left numbers,
/// pdftotext around right-to-left runs; they steer the order and are not drawn.
fn strip_bidi_marks(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200E}'
                    | '\u{200F}'
                    | '\u{061C}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
            )
        })
        .collect()
}

/// A very wide logo stays in the left third of the running header, clear of the client's name
/// on the right, with its proportions kept.
#[test]
fn a_wide_logo_keeps_clear_of_the_header_text() {
    let (dir, config) = crate::svg_logo::workspace_with_logo(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="20"><rect width="1200" height="20" fill="#123456"/></svg>"##,
    );
    let ws = Workspace::load(&config).unwrap();
    let (view, kit) = view_and_kit_of(&ws, "shop", "2026-10", None);
    let label = |n: usize, total: usize| format!("{n}/{total}");
    let (pages, geometry) = kit.pdf.pages(&view, &label).unwrap();
    let header = &pages[1].items;
    let (x, w, h) = header
        .iter()
        .find_map(|i| match i {
            Item::Logo { x, w, h, .. } => Some((*x, *w, *h)),
            _ => None,
        })
        .expect("a header logo");
    assert!(
        w <= geometry.content_width() / 3.0 + 0.01,
        "logo {w} pt wide"
    );
    assert!((w / h - 60.0).abs() < 0.01, "aspect {}", w / h);
    let name_x = header
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, y, .. } if *y < 40.0 && *x > geometry.margin_x => Some(*x),
            _ => None,
        })
        .fold(f32::MAX, f32::min);
    assert!(
        x + w < name_x,
        "logo ends at {} where the header text starts at {name_x}",
        x + w
    );
    drop(dir);
}
