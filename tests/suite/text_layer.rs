//! The PDF's text layer says what the page shows: every sample client rendered in every
//! shipped language, and every string of the report view that the PDF draws (titles, labels,
//! tile values, highlights, goals, table cells, commentary, notes) found in `pdftotext`'s
//! output, NFKC-normalized with whitespace collapsed (or removed, for a string the page wraps
//! where the language puts no space). Thai clusters of consonant, vowel and tone marks come
//! out as the code points written, not the glyphs' order or their look-alikes.

use std::path::Path;

use crate::common::{pdf_tools, pdf_tools::squash, repo};
use execreport::config::Workspace;
use execreport::locale::CATALOGS;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::Brands;
use execreport::render::view::{ReportView, SectionBody};
use execreport::report::{self, ReportRequest};
use execreport::sources::live::{DataMode, Fetcher};

/// Every string of the view the PDF draws, with where it comes from and, for a chart the
/// weekly digest may leave out for room, the lines that would then name it instead.
fn shown_strings(view: &ReportView) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut left_out_for_room = Vec::new();
    let mut add = |at: &str, s: &str| {
        if !s.trim().is_empty() {
            out.push((at.to_string(), s.to_string(), Vec::new()));
        }
    };
    add("report title", &view.report_title_upper);
    add("client", &view.client_name);
    add("period", &view.period_label);
    for section in &view.sections {
        let at = |what: &str| format!("{:?} {what}", section.id);
        add(&at("title"), &section.title);
        let tiles = match &section.body {
            SectionBody::Summary { tiles, .. } | SectionBody::Channel { tiles, .. } => {
                tiles.as_slice()
            }
            _ => &[],
        };
        for t in tiles {
            add(&at("tile label"), &t.label);
            add(&at("tile value"), &t.value);
            add(&at("tile change"), t.change.as_deref().unwrap_or_default());
            add(
                &at("tile previous"),
                t.previous.as_deref().unwrap_or_default(),
            );
        }
        match &section.body {
            SectionBody::Summary {
                compared_with,
                headline,
                wins,
                concerns,
                scoreboard,
                next_steps,
                labels,
                ..
            } => {
                add(
                    &at("compared with"),
                    compared_with.as_deref().unwrap_or_default(),
                );
                add(&at("headline"), headline);
                for h in wins.iter().chain(concerns) {
                    add(&at("highlight"), &h.text);
                }
                if !wins.is_empty() || !concerns.is_empty() {
                    add(&at("label"), &labels.wins);
                    add(&at("label"), &labels.concerns);
                }
                for s in scoreboard {
                    add(&at("scoreboard"), &s.label);
                    add(&at("scoreboard"), &s.status_text);
                    add(&at("scoreboard"), &s.of_target);
                }
                if !scoreboard.is_empty() {
                    add(&at("label"), &labels.goals);
                }
                for s in next_steps {
                    add(&at("next step"), s);
                }
                if !next_steps.is_empty() {
                    add(&at("label"), &labels.next_steps);
                }
            }
            SectionBody::Channel { charts, tables, .. } => {
                for c in charts {
                    add(&at("chart title"), &c.title);
                }
                for t in tables {
                    add(&at("table caption"), &t.caption);
                    for c in &t.columns {
                        add(&at("table header"), &c.label);
                    }
                    let rows = t.rows.iter().chain(&t.other).chain(&t.total);
                    for cell in rows.flatten() {
                        add(&at("table cell"), cell);
                    }
                }
            }
            SectionBody::Week {
                table,
                charts,
                trends,
                trends_left_out,
                average_of,
                notes,
            } => {
                for c in charts {
                    add(&at("chart title"), &c.title);
                }
                assert_eq!(trends.len(), trends_left_out.len());
                // Chart i left out: the line after the first k <= i drawn names it.
                for (i, c) in trends.iter().enumerate() {
                    let instead = trends_left_out[..=i].to_vec();
                    left_out_for_room.push((at("chart title"), c.title.clone(), instead));
                }
                for c in &table.columns {
                    add(&at("table header"), &c.label);
                }
                for g in &table.groups {
                    add(&at("table group"), &g.title);
                    for cell in g.rows.iter().flatten() {
                        add(&at("table cell"), cell);
                    }
                }
                add(&at("average of"), average_of.as_deref().unwrap_or_default());
                for n in notes {
                    add(&at("note"), n);
                }
            }
            SectionBody::Goals { goals } => {
                for g in goals {
                    for s in [&g.label, &g.value, &g.target, &g.status] {
                        add(&at("goal"), s);
                    }
                    for s in [&g.progress, &g.prorating, &g.note].into_iter().flatten() {
                        add(&at("goal"), s);
                    }
                }
            }
            SectionBody::Commentary {
                commentary_blocks, ..
            } => {
                for b in commentary_blocks {
                    add(&at("commentary"), &b.text);
                }
            }
            SectionBody::DataNotes {
                paragraphs,
                definitions,
                ..
            } => {
                for p in paragraphs {
                    add(&at("note"), p);
                }
                for d in definitions {
                    add(&at("definition"), &d.term);
                    add(&at("definition"), &d.text);
                }
            }
        }
    }
    out.extend(left_out_for_room);
    out
}

/// Bidi marks, embeddings and isolates: they steer the order and are not drawn.
fn without_bidi_controls(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// A combining mark (Arabic harakat, tanwin): part of its word.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0300}'..='\u{036F}')
}

/// A letter of a right-to-left script (Hebrew, Arabic and their presentation forms).
fn is_rtl_char(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// The runs of letters (with their marks) and of digits in `s`: right to left, pdftotext
/// may put a number on either side of the letters it is written against ("الـ3").
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut last: Option<bool> = None;
    for c in s.chars() {
        let class = if c.is_numeric() {
            Some(true)
        } else if c.is_alphanumeric() || is_mark(c) {
            Some(false)
        } else {
            None
        };
        match (class, last) {
            (Some(k), Some(l)) if k == l => out.last_mut().unwrap().push(c),
            (Some(_), _) => out.push(c.to_string()),
            (None, _) => {}
        }
        last = class;
    }
    out
}

/// The strings of `view` that `pdftotext` does not give back, as messages. Right to left,
/// pdftotext orders the runs of a mixed line visually (a number before or after its words,
/// punctuation and brackets as drawn), so there each word must be found, its letters and
/// digits in logical order.
fn missing(view: &ReportView, extracted: &str, rtl: bool) -> Vec<String> {
    // A page with right-to-left text (an Arabic client name in the header) makes poppler
    // order its lines as right to left too, punctuation included.
    let rtl = rtl || extracted.chars().any(is_rtl_char);
    let text = squash(&without_bidi_controls(extracted));
    let bare: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters: String = bare
        .chars()
        .filter(|&c| c.is_alphanumeric() || is_mark(c))
        .collect();
    let lacks = |s: &str| {
        let s = squash(&without_bidi_controls(s));
        let s_bare: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if rtl || s.chars().any(is_rtl_char) {
            return !words(&s).iter().all(|w| letters.contains(w.as_str()));
        }
        !text.contains(&s) && !bare.contains(&s_bare)
    };
    shown_strings(view)
        .into_iter()
        .filter(|(_, s, instead)| lacks(s) && instead.iter().all(|i| lacks(i)))
        .map(|(at, s, _)| format!("{at}: {s:?}"))
        .collect()
}

/// The view of `client`'s report for `period` in `locale`, and its PDF.
fn render(
    ws: &Workspace,
    brands: &Brands,
    client: &str,
    period: &str,
    locale: &str,
) -> (ReportView, Vec<u8>) {
    let client = ws.client(client).unwrap();
    let kit = brands.get(ws, client.brand).unwrap();
    let request = ReportRequest {
        period: period.parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: Some(locale.parse().unwrap()),
        now: None,
        data: DataMode::Offline,
    };
    let model = report::build(ws, &Fetcher::default(), &client, &kit.brand, &request).unwrap();
    let view = execreport::render::view_of(&model, &kit.brand, ws);
    let pdf = execreport::render::render_pdf(&model, &view, &kit)
        .unwrap_or_else(|e| panic!("{} in {locale}: {e:?}", client.config.id));
    (view, pdf)
}

/// `pdftotext` of PDF bytes.
fn extract(pdf: &[u8], dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    pdf_tools::text(&path)
}

#[test]
fn every_string_shown_is_in_the_text_layer_in_every_language() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let clients: Vec<String> = ws.clients().map(|c| c.config.id.to_string()).collect();
    assert_eq!(clients.len(), 8, "{clients:?}");
    let languages: Vec<&str> = CATALOGS.iter().map(|(lang, _)| *lang).collect();
    assert_eq!(languages.len(), 11, "{languages:?}");
    let dir = tempfile::tempdir().unwrap();
    // Monthly reports of every client in every language, and a Thai weekly one; two threads.
    let mut jobs: Vec<(String, &str, &str)> = Vec::new();
    for client in &clients {
        for lang in &languages {
            jobs.push((client.clone(), "2026-10", lang));
        }
    }
    jobs.push(("harbor-hotel-bangkok".into(), "2026-W43", "th"));
    // Each brand's fonts are loaded and parsed once for all its reports.
    let brands = Brands::default();
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(2))
            .map(|chunk| {
                let (ws, brands, dir) = (&ws, &brands, dir.path());
                s.spawn(move || {
                    let mut problems = Vec::new();
                    for (client, period, lang) in chunk {
                        let (view, pdf) = render(ws, brands, client, period, lang);
                        let text = extract(&pdf, dir, &format!("{client}-{period}-{lang}"));
                        for m in missing(&view, &text, execreport::locale::is_rtl(lang)) {
                            problems.push(format!("{client} {period} {lang}: {m}"));
                        }
                    }
                    problems
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        problems.is_empty(),
        "strings the PDF shows but its text layer lacks ({}):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Thai words whose marks shaping moves, swaps or splits (SARA AM is drawn as two glyphs,
/// a tone mark above an upper vowel takes a shifted glyph), read back from a real report.
#[test]
fn thai_mark_clusters_come_out_as_written() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let (view, pdf) = render(
        &ws,
        &Brands::default(),
        "harbor-hotel-bangkok",
        "2026-10",
        "th-TH",
    );
    let dir = tempfile::tempdir().unwrap();
    let text = extract(&pdf, dir.path(), "th");
    // Exact code points: no NFKC here, which would hide SARA AM (U+0E33) turned into
    // NIKHAHIT + SARA AA.
    let words: String = text.split_whitespace().collect();
    for word in ["เพิ่มขึ้น", "ผู้ติดตาม", "คำ", "ที่"]
    {
        assert!(
            words.contains(word),
            "{word:?} ({:X?}) not in the text layer",
            word.chars().map(|c| c as u32).collect::<Vec<_>>()
        );
    }
    let shown = shown_strings(&view);
    let highlights: Vec<&str> = shown
        .iter()
        .filter(|(at, _, _)| at.ends_with("highlight"))
        .map(|(_, s, _)| s.as_str())
        .collect();
    assert!(!highlights.is_empty());
    for h in highlights {
        let bare: String = h.split_whitespace().collect();
        assert!(
            words.contains(&bare),
            "highlight {h:?} not in the text layer as written"
        );
    }
}

/// The structure tree reads as the page does: every string a Thai, a Japanese and an English
/// report shows is in the text of its tagged elements as `pdfinfo -struct-text` gives it,
/// which is what tools built on poppler (screen readers over Evince or Okular) read. poppler
/// ended an element's text at the `EMC` of a span nested in it ("การเติ" for the cover's
/// "การเติบโตที่วัดผลได้"). Right-to-left runs are given to readers in drawn order (see
/// `TextLayer::actual_text`) and poppler's structure reader reads glyphs, not ActualText,
/// in that order: Arabic is not checked here.
#[test]
fn every_string_shown_is_in_the_structure_tree() {
    let ws = Workspace::load(&repo().join("samples/execreport.yaml")).unwrap();
    let brands = Brands::default();
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for (client, lang) in [
        ("harbor-hotel-bangkok", "th"),
        ("osaka-smile-clinic", "ja"),
        ("brightside-dental", "en-US"),
    ] {
        let (view, pdf) = render(&ws, &brands, client, "2026-10", lang);
        let path = dir.path().join(format!("{client}.pdf"));
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdfinfo")
            .arg("-struct-text")
            .arg(&path)
            .output()
            .expect("pdfinfo (poppler-utils) runs");
        assert!(out.status.success());
        // Each marked-content sequence's text is a quoted line of its own.
        let tree = String::from_utf8_lossy(&out.stdout);
        let text: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
            .collect();
        assert!(text.len() > 100, "{client}: {} texts", text.len());
        // poppler's structure reader takes each glyph's own text, not the run's ActualText:
        // SARA AM, drawn as NIKHAHIT and SARA AA, reads as SARA AM and SARA AA, with a tone
        // mark between them where the word has one.
        let mut text = text.join(" ").replace("\u{0E33}\u{0E32}", "\u{0E33}");
        for tone in '\u{0E48}'..='\u{0E4B}' {
            text = text.replace(
                &format!("\u{0E33}{tone}\u{0E32}"),
                &format!("{tone}\u{0E33}"),
            );
        }
        for m in missing(&view, &text, false) {
            problems.push(format!("{client} {lang}: {m}"));
        }
    }
    assert!(
        problems.is_empty(),
        "strings the PDF shows but its structure tree lacks ({}):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
