//! Tagged PDF (PDF/UA-1): every sample's PDF read back with poppler (`pdfinfo`, `-struct`)
//! and lopdf: headings in order, charts as figures with alternative text in the report's
//! language, tables with header cells and scopes, and nothing drawn outside a tag or an
//! artifact.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use crate::common::{SAMPLE_CLIENTS, render, repo};
use execreport::config::Workspace;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::pdf::Item;
use execreport::render::view::ReportView;
use execreport::render::{BrandKit, load_kit, render_pdf_tagged, view_of};
use execreport::report::model::Report;
use execreport::report::{self, ReportRequest};
use execreport::sources::live::Fetcher;
use lopdf::{Document, Object};

fn pdfinfo(args: &[&str], pdf: &Path) -> String {
    let o = Command::new("pdfinfo")
        .args(args)
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Text-showing, painting and image operators that lie outside marked content with an MCID
/// or an artifact, as "page N: op".
fn untagged_content(pdf: &Document) -> Vec<String> {
    const DRAWING: [&str; 12] = [
        "Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "b", "Do",
    ];
    let mut bad = Vec::new();
    for (n, page) in pdf.get_pages() {
        let content = pdf
            .get_and_decode_page_content(page)
            .expect("content decodes");
        // Per open marked-content sequence: whether it tags (MCID) or is an artifact.
        let mut stack: Vec<bool> = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" => stack
                    .push(op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact")),
                "BDC" => {
                    let artifact =
                        op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact");
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|o| o.as_dict().ok())
                        .is_some_and(|d| d.has(b"MCID"));
                    stack.push(artifact || mcid);
                }
                "EMC" => {
                    stack.pop();
                }
                o if DRAWING.contains(&o) && !stack.iter().any(|t| *t) => {
                    bad.push(format!("page {n}: {o}"));
                }
                _ => {}
            }
        }
    }
    bad
}

/// The text of a PDF text string (UTF-16BE with a byte-order mark, or PDFDoc as Latin-1).
fn pdf_text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|b| char::from(*b)).collect()
    }
}

/// Each Figure element's alternative text and whether it sits on the first page (the cover's
/// logo), in object order.
fn figures(pdf: &Document) -> Vec<(String, bool)> {
    let first_page = pdf.get_pages().get(&1).copied();
    let mut out = Vec::new();
    for object in pdf.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        let is_figure = d.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem")
            && d.get(b"S").and_then(Object::as_name).ok() == Some(b"Figure");
        if !is_figure {
            continue;
        }
        let alt = d
            .get(b"Alt")
            .and_then(Object::as_str)
            .map(pdf_text)
            .unwrap_or_default();
        // A figure's marked content is on its element's page (`/Pg`, with plain MCIDs).
        let on_cover = d.get(b"Pg").and_then(Object::as_reference).ok() == first_page;
        out.push((alt, on_cover));
    }
    out
}

/// Checks one tagged report; returns what is wrong, so the same checks can be shown to fail
/// on an untagged file.
fn problems(pdf_path: &Path, script: Option<fn(char) -> bool>) -> Vec<String> {
    let mut out = Vec::new();
    let info = pdfinfo(&[], pdf_path);
    if !info
        .lines()
        .any(|l| l.starts_with("Tagged:") && l.ends_with("yes"))
    {
        out.push("pdfinfo does not say Tagged: yes".into());
    }
    let tree = pdfinfo(&["-struct"], pdf_path);
    let tags: Vec<&str> = tree
        .lines()
        .map(|l| l.trim().split([' ', ':']).next().unwrap_or(""))
        .collect();
    let headings: Vec<u8> = tags
        .iter()
        .filter_map(|t| match *t {
            "H1" => Some(1),
            "H2" => Some(2),
            "H3" => Some(3),
            _ => None,
        })
        .collect();
    if headings.first() != Some(&1) || headings.iter().filter(|h| **h == 1).count() != 1 {
        out.push(format!("not one H1 first: {headings:?}"));
    }
    if headings.windows(2).any(|w| w[1] > w[0] + 1) || headings.len() < 3 {
        out.push(format!("headings skip a level: {headings:?}"));
    }
    let tables = tags.iter().filter(|t| **t == "Table").count();
    let header_cells = tags.iter().filter(|t| **t == "TH").count();
    let scopes = tree.matches("/Scope /").count();
    if tables == 0 || header_cells < tables || scopes != header_cells {
        out.push(format!(
            "{tables} tables, {header_cells} header cells, {scopes} scopes"
        ));
    }
    let pdf = Document::load(pdf_path).expect("lopdf reads the PDF");
    let figures = figures(&pdf);
    let charts: Vec<&String> = figures.iter().filter(|f| !f.1).map(|f| &f.0).collect();
    if charts.len() < 4 {
        out.push(format!("{} chart figures", charts.len()));
    }
    for (alt, _) in &figures {
        if alt.trim().is_empty() {
            out.push("a figure without alternative text".into());
        }
    }
    if let Some(script) = script {
        for alt in &charts {
            if !alt.chars().any(script) {
                out.push(format!(
                    "a chart's alternative text not in the report's script: {alt}"
                ));
            }
        }
    }
    let catalog = pdf.catalog().expect("a catalog");
    if catalog.get(b"Lang").is_err() {
        out.push("no /Lang".into());
    }
    let untagged = untagged_content(&pdf);
    if !untagged.is_empty() {
        out.push(format!(
            "{} operators outside tags and artifacts, first {}",
            untagged.len(),
            untagged[0]
        ));
    }
    out
}

fn thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}
fn japanese(c: char) -> bool {
    ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}
fn arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

#[test]
fn every_sample_pdf_is_tagged_with_headings_figures_tables_and_no_untagged_content() {
    let out = tempfile::tempdir().unwrap();
    render(
        "samples/execreport.yaml",
        None,
        "2026-10",
        "pdf",
        out.path(),
    );
    let mut failures = Vec::new();
    for client in SAMPLE_CLIENTS {
        let script: Option<fn(char) -> bool> = match client {
            "harbor-hotel-bangkok" => Some(thai),
            "osaka-smile-clinic" => Some(japanese),
            "dar-al-oud" => Some(arabic),
            _ => None,
        };
        let path = out.path().join(client).join("2026-10/report.pdf");
        for p in problems(&path, script) {
            failures.push(format!("{client}: {p}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A client's report model, its view and its brand kit.
fn report_of(ws: &Workspace, id: &str, period: &str) -> (Report, ReportView, Arc<BrandKit>) {
    let client = ws.client(id).unwrap();
    let kit = load_kit(ws, client.brand).unwrap();
    let request = ReportRequest {
        period: period.parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: None,
        data: Default::default(),
    };
    let model = report::build(ws, &Fetcher::default(), &client, &kit.brand, &request).unwrap();
    let view = view_of(&model, &kit.brand, ws);
    (model, view, kit)
}

/// A sample client's October report as PDF, (tagged, untagged), rendered in process.
fn tagged_and_untagged(ws: &Workspace, id: &str) -> (Vec<u8>, Vec<u8>) {
    let (model, view, kit) = report_of(ws, id, "2026-10");
    (
        render_pdf_tagged(&model, &view, &kit, true).unwrap(),
        render_pdf_tagged(&model, &view, &kit, false).unwrap(),
    )
}

/// The same checks on the untagged PDF (what `render_pdf` wrote before tagging): each fails.
#[test]
fn the_checks_fail_on_an_untagged_pdf() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let (tagged_pdf, untagged_pdf) = tagged_and_untagged(&ws, "harbor-hotel-bangkok");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("untagged.pdf");
    std::fs::write(&path, untagged_pdf).unwrap();
    let found = problems(&path, Some(thai)).join("\n");
    for what in [
        "Tagged: yes",
        "not one H1",
        "tables",
        "chart figures",
        "no /Lang",
        "outside tags",
    ] {
        assert!(found.contains(what), "{what} not found in:\n{found}");
    }
    let tagged = dir.path().join("tagged.pdf");
    std::fs::write(&tagged, tagged_pdf).unwrap();
    assert_eq!(problems(&tagged, Some(thai)), Vec::<String>::new());
}

/// Tagging adds at most a quarter to a report's PDF (issue 23): the structure tree goes into
/// compressed object streams, a tile or a goal is one paragraph, plain MCIDs share their
/// element's page. Sizes, not times: deterministic.
#[test]
fn tagging_adds_at_most_a_quarter_to_every_sample_pdf() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let mut over = Vec::new();
    for id in SAMPLE_CLIENTS {
        let (tagged, untagged) = tagged_and_untagged(&ws, id);
        let (tagged, untagged) = (tagged.len(), untagged.len());
        if tagged * 4 > untagged * 5 {
            over.push(format!("{id}: {tagged} bytes tagged, {untagged} untagged"));
        }
    }
    assert!(over.is_empty(), "{over:#?}");
}

/// Every element the layout opens is closed once, in order, whatever the flow does with the
/// blocks (tables broken with repeated headers, goal lists split, a weekly report, a quarter,
/// the long fixture's tables of 6 to 30 rows): an unbalanced tree would nest the rest of the
/// report in a table or close the Document early. Each is also written as a tagged PDF.
#[test]
fn structure_elements_are_balanced_on_every_layout() {
    let samples = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let mut long = Workspace::load(&repo().join("tests/fixtures/long/execreport.yaml")).unwrap();
    let label = |n: usize, t: usize| format!("{n}/{t}");
    let mut problems = Vec::new();
    let mut check = |ws: &Workspace, id: &str, period: &str| {
        let (model, view, kit) = report_of(ws, id, period);
        let (pages, _) = kit.pdf.pages(&view, &label).unwrap();
        let mut depth = 0i32;
        for (n, item) in pages.iter().flat_map(|p| &p.items).enumerate() {
            match item {
                Item::Open(_) => depth += 1,
                Item::Close => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                problems.push(format!("{id} {period}: item {n} closes what is not open"));
                return;
            }
        }
        if depth != 0 {
            problems.push(format!("{id} {period}: {depth} elements left open"));
        }
        if let Err(e) = render_pdf_tagged(&model, &view, &kit, true) {
            problems.push(format!("{id} {period}: {e}"));
        }
    };
    for id in SAMPLE_CLIENTS {
        check(&samples, id, "2026-10");
    }
    check(&samples, "harbor-hotel-bangkok", "2026-W43");
    check(&samples, "thames-fitness", "2026-Q3");
    for top in (6..=30).step_by(4) {
        long.file.clients[0].breakdown_top = top;
        check(&long, "big", "2026-10");
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
