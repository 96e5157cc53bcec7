//! Laid-out pages to PDF bytes with printpdf: shaped glyph runs (with their text for
//! extraction), vector shapes, the logo, links, outline and fixed metadata.

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, CurTransMat, Date, DateTime, DictItem,
    Line, LineDashPattern, LinePoint, LinkAnnotation, Offset, Op, PaintMode, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem,
    TextMatrix, Time, WindingOrder,
};

use super::Logos;
use super::deflate;
use super::fonts::{FontBook, ShapedRun};
use super::layout::{Item, Page, PageGeometry};
use super::logo;

/// Document information; the date comes from the report period so reruns are identical.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub date: chrono::NaiveDate,
}

fn color(c: super::Rgb) -> Color {
    let [r, g, b] = c.0;
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

pub fn write(
    pages: &[Page],
    geometry: &PageGeometry,
    fonts: &FontBook,
    logos: &Logos,
    meta: &Metadata,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(&meta.title);
    let date = DateTime::new_in_offset(
        Date {
            year: chrono::Datelike::year(&meta.date),
            month: chrono::Datelike::month(&meta.date) as u8,
            day: chrono::Datelike::day(&meta.date) as u8,
        },
        Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    );
    let info = &mut doc.metadata.info;
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.creator = format!("execreport {}", env!("CARGO_PKG_VERSION"));
    info.producer = format!("execreport {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    // Only the fonts the pages use are added (and then subset on save).
    let mut used = vec![false; fonts.fonts.len()];
    for page in pages {
        for item in &page.items {
            if let Item::Text { runs, .. } = item {
                for r in runs {
                    used[r.font] = true;
                }
            }
        }
    }
    let mut handles: Vec<Option<PdfFontHandle>> = Vec::new();
    for (i, f) in fonts.fonts.iter().enumerate() {
        if !used[i] {
            handles.push(None);
            continue;
        }
        handles.push(Some(PdfFontHandle::External(doc.add_font(f.embedded()?))));
    }
    let h = geometry.height;
    let mut pdf_pages = Vec::new();
    for page in pages {
        let mut ops = Vec::new();
        // The fill colour and the font are graphics state that outlives BT/ET (and our q/Q
        // pairs set neither): each is written only when it changes, which on a Thai page (text
        // alternating with Latin digits) saves hundreds of operators.
        let mut state = PageState::default();
        for item in &page.items {
            match item {
                Item::Rect {
                    x,
                    y,
                    w,
                    h: rh,
                    color: c,
                } => {
                    state.fill(*c, &mut ops);
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(h - y - rh),
                            width: Pt(*w),
                            height: Pt(*rh),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    });
                }
                Item::Polyline {
                    points,
                    color: c,
                    width,
                    dashed,
                } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    if *dashed {
                        ops.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::new(0.0, &[4.0, 3.0]),
                        });
                    }
                    ops.push(Op::DrawLine {
                        line: Line {
                            points: points.iter().map(|(px, py)| point(*px, h - py)).collect(),
                            is_closed: false,
                        },
                    });
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Polygon { points, color: c } => {
                    state.fill(*c, &mut ops);
                    ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing {
                                points: points.iter().map(|(px, py)| point(*px, h - py)).collect(),
                            }],
                            mode: PaintMode::Fill,
                            winding_order: WindingOrder::NonZero,
                        },
                    });
                }
                Item::Text {
                    x,
                    y,
                    runs,
                    color: c,
                } => {
                    ops.push(Op::StartTextSection);
                    state.fill(*c, &mut ops);
                    let mut pen = *x;
                    for run in runs {
                        if state.font != Some((run.font, run.size)) {
                            state.font = Some((run.font, run.size));
                            let handle = handles[run.font].clone().expect("used fonts are added");
                            ops.push(Op::SetFont {
                                font: handle,
                                size: Pt(run.size),
                            });
                        }
                        glyph_ops(run, fonts.fonts[run.font].face(), pen, h - y, &mut ops);
                        pen += run.width;
                    }
                    ops.push(Op::EndTextSection);
                }
                Item::Logo {
                    x,
                    y,
                    w,
                    h: lh,
                    on_dark,
                } => {
                    let name = if *on_dark {
                        logos.on_dark.as_ref().map(|_| logo::NAME_ON_DARK)
                    } else {
                        logos.light.as_ref().map(|_| logo::NAME)
                    };
                    if let Some(name) = name {
                        // The image fills the unit square: scale it to the box.
                        ops.push(Op::SaveGraphicsState);
                        ops.push(Op::SetTransformationMatrix {
                            matrix: CurTransMat::Raw([*w, 0.0, 0.0, *lh, *x, h - y - lh]),
                        });
                        ops.push(Op::Unknown {
                            key: "Do".into(),
                            value: vec![DictItem::Name(name.into())],
                        });
                        ops.push(Op::RestoreGraphicsState);
                    }
                }
                Item::Link {
                    x,
                    y,
                    w,
                    h: lh,
                    uri,
                } => ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), Pt(h - y - lh), Pt(*w), Pt(*lh)),
                        Actions::Uri(uri.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                }),
                Item::ChartBox { .. }
                | Item::TableHeader { .. }
                | Item::TableRow { .. }
                | Item::GoalRow { .. } => {}
            }
        }
        pdf_pages.push(PdfPage::new(
            Pt(geometry.width).into(),
            Pt(geometry.height).into(),
            ops,
        ));
    }
    doc.with_pages(pdf_pages);
    for (n, page) in pages.iter().enumerate() {
        for title in &page.bookmarks {
            doc.add_bookmark(title, n + 1);
        }
    }
    // printpdf (and lopdf under it) compress every stream at zlib level 9, a third of a
    // report's CPU time; a lower level gives files within a few percent of the size. So the
    // document is taken uncompressed and its streams compressed here.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        image_optimization: None,
        // Lets the logo's `Do` (an operator printpdf has no variant for) through.
        secure: false,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(l) = &logos.light {
        l.add_to(&mut pdf, logo::NAME)?;
    }
    if let Some(l) = &logos.on_dark {
        l.add_to(&mut pdf, logo::NAME_ON_DARK)?;
    }
    compress_streams(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    Ok(bytes)
}

/// What a page's content stream has set so far.
#[derive(Default)]
struct PageState {
    fill: Option<super::Rgb>,
    font: Option<(usize, f32)>,
}

impl PageState {
    fn fill(&mut self, c: super::Rgb, ops: &mut Vec<Op>) {
        if self.fill != Some(c) {
            self.fill = Some(c);
            ops.push(Op::SetFillColor { col: color(c) });
        }
    }
}

/// Deflates every stream that has no filter yet: page contents and font subsets (the logo
/// comes compressed from the brand kit). Level 3: measured on a sample report's streams,
/// 1.9 times as fast as level 6 for 5 % more bytes (level 1: 3.2 times, 26 % more).
fn compress_streams(pdf: &mut lopdf::Document) {
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            deflate(stream, flate2::Compression::new(3));
        }
    }
}

/// Where a run's text starts; an oblique run is slanted by about 12°.
fn text_matrix(x: f32, y: f32, oblique: bool) -> TextMatrix {
    if oblique {
        TextMatrix::Raw([1.0, 0.0, 0.21, 1.0, x, y])
    } else {
        TextMatrix::Translate(Pt(x), Pt(y))
    }
}

/// Positioned glyphs of a shaped run, each carrying the text it shows so the PDF's ToUnicode
/// map lets readers extract and search the text.
fn glyph_ops(run: &ShapedRun, face: &ttf_parser::Face, x: f32, baseline: f32, ops: &mut Vec<Op>) {
    let texts = glyph_texts(run, face);
    // Where shaping reorders or merges characters (Thai marks, ligatures), extraction by glyph
    // scrambles the order; an ActualText span gives readers the run's text as written.
    // Right to left, glyphs are in visual order: the span restores the logical order.
    let reshaped = run.rtl
        || run.glyphs.len() != run.text.chars().count()
        || texts.iter().any(|t| t.chars().count() != 1);
    if reshaped {
        let mut utf16 = vec![0xFE, 0xFF];
        // pdftotext (poppler) reads a right-to-left word's characters as visual and reverses
        // them: the span gives them in the order they are drawn, so readers get them logical.
        let text: String = if run.rtl {
            run.text.chars().rev().collect()
        } else {
            run.text.clone()
        };
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_be_bytes());
        }
        let mut map = std::collections::BTreeMap::new();
        map.insert(
            "ActualText".to_string(),
            DictItem::String {
                data: utf16,
                literal: false,
            },
        );
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict { map },
        });
    }
    if run.glyphs.iter().any(|g| g.y_offset != 0.0) {
        // Marks raised or lowered (Thai, some Latin diacritics): each glyph placed on its own.
        let mut pen = x;
        for (g, text) in run.glyphs.iter().zip(texts) {
            ops.push(Op::SetTextMatrix {
                matrix: text_matrix(pen + g.x_offset, baseline + g.y_offset, run.oblique),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(vec![Codepoint::with_cid(
                    g.id, 0.0, text,
                )])],
            });
            pen += g.advance;
        }
    } else {
        ops.push(Op::SetTextMatrix {
            matrix: text_matrix(x + run.glyphs[0].x_offset, baseline, run.oblique),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(run_codepoints(run, face, texts))],
        });
    }
    if reshaped {
        ops.push(Op::EndMarkedContentWithProperties);
    }
}

/// A run's glyphs for one `TJ`: after each glyph a reader moves the pen by the glyph's width
/// in the font's `/W` table (thousandths of an em, truncated as printpdf writes it); where the
/// shaped position differs (kerning, offsets, rounding) the glyph carries the correction,
/// rounded to a hundredth of a unit (a millionth of a point at text sizes) so that float noise
/// does not become a number after every glyph.
fn run_codepoints(run: &ShapedRun, face: &ttf_parser::Face, texts: Vec<String>) -> Vec<Codepoint> {
    let em = f64::from(run.size) / 1000.0;
    let upem = f32::from(face.units_per_em());
    let mut wanted = 0.0f64; // where the next glyph should start, in points from the run start
    let mut pen = 0.0f64; // where the reader's pen is
    let mut out = Vec::with_capacity(run.glyphs.len());
    let origin = run.glyphs.first().map_or(0.0, |g| g.x_offset);
    for (i, (g, text)) in run.glyphs.iter().zip(texts).enumerate() {
        let width = face
            .glyph_hor_advance(ttf_parser::GlyphId(g.id))
            .map_or(0, |a| (f32::from(a) * 1000.0 / upem) as i64);
        pen += width as f64 * em;
        wanted += f64::from(g.advance);
        let next = run
            .glyphs
            .get(i + 1)
            .map_or(pen, |next| wanted + f64::from(next.x_offset - origin));
        let kern = ((pen - next) / em * 100.0).round() / 100.0;
        if kern != 0.0 {
            pen -= kern * em;
        }
        out.push(Codepoint::with_cid(g.id, kern as f32, text));
    }
    out
}

/// The characters each glyph stands for. The PDF keeps one text per glyph id for the whole
/// font, so a glyph gets the character the font maps to it; characters of a cluster that no
/// glyph maps to (ligatures, reordered marks) go to the cluster's unmatched glyphs.
fn glyph_texts(run: &ShapedRun, face: &ttf_parser::Face) -> Vec<String> {
    let n = run.glyphs.len();
    let mut out = vec![String::new(); n];
    let mut i = 0;
    while i < n {
        let start = run.glyphs[i].cluster as usize;
        let mut j = i + 1;
        while j < n && run.glyphs[j].cluster == run.glyphs[i].cluster {
            j += 1;
        }
        let end = run
            .glyphs
            .iter()
            .map(|g| g.cluster as usize)
            .filter(|&c| c > start)
            .min()
            .unwrap_or(run.text.len());
        let chars: Vec<char> = run
            .text
            .get(start..end)
            .unwrap_or_default()
            .chars()
            .collect();
        let mut used = vec![false; chars.len()];
        for (glyph, text) in run.glyphs[i..j].iter().zip(&mut out[i..j]) {
            for (ci, c) in chars.iter().enumerate() {
                if !used[ci] && face.glyph_index(*c).map(|g| g.0) == Some(glyph.id) {
                    used[ci] = true;
                    *text = c.to_string();
                    break;
                }
            }
        }
        let leftover: Vec<char> = chars
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(c, _)| *c)
            .collect();
        let unmatched: Vec<usize> = (i..j).filter(|&k| out[k].is_empty()).collect();
        for (m, &k) in unmatched.iter().enumerate() {
            if let Some(c) = leftover.get(m) {
                out[k].push(*c);
            }
        }
        if leftover.len() > unmatched.len() {
            let target = unmatched.last().copied().unwrap_or(j - 1);
            for c in &leftover[unmatched.len()..] {
                out[target].push(*c);
            }
        }
        i = j;
    }
    out
}
