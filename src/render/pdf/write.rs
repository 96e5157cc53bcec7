//! Laid-out pages to PDF bytes with printpdf: shaped glyph runs (with their text for
//! extraction), vector shapes, the logo, links, outline and fixed metadata.

use printpdf::{
    Actions, BorderArray, Color, ColorArray, CurTransMat, Date, DateTime, DictItem, Line,
    LineDashPattern, LinePoint, LinkAnnotation, Offset, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, Time, WindingOrder,
};

use super::Logos;
use super::deflate;
use super::fonts::FontBook;
use super::layout::{Item, Page, PageGeometry};
use super::logo;
use super::structure::{Content, Tagger};
use super::text_layer::TextLayer;

/// Document information; the date comes from the report period so reruns are identical.
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub date: chrono::NaiveDate,
    /// The report's language (BCP 47), the document's `/Lang`.
    pub lang: String,
    /// Writes the structure tree (tagged PDF/UA); off only to measure what tagging costs.
    pub tagged: bool,
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
    let mut text_layer = TextLayer::default();
    let mut tagger = Tagger::new(meta.tagged);
    let mut pdf_pages = Vec::new();
    for page in pages {
        let mut ops = Vec::new();
        tagger.start_page();
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
                    tagger.mark(Content::Graphic, &mut ops);
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
                    tagger.mark(Content::Graphic, &mut ops);
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
                    tagger.mark(Content::Graphic, &mut ops);
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
                    tagger.mark(Content::Text, &mut ops);
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
                        text_layer.run_ops(run, &fonts.fonts[run.font], pen, h - y, &mut ops);
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
                        tagger.mark(Content::Graphic, &mut ops);
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
                } => {
                    tagger.link();
                    ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(
                            Rect::from_xywh(Pt(*x), Pt(h - y - lh), Pt(*w), Pt(*lh)),
                            Actions::Uri(uri.clone()),
                            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                            Some(ColorArray::Transparent),
                            None,
                        ),
                    })
                }
                Item::Open(role) => tagger.open(role),
                Item::Close => tagger.close(),
                Item::ChartBox { .. }
                | Item::TableHeader { .. }
                | Item::TableRow { .. }
                | Item::GoalRow { .. } => {}
            }
        }
        tagger.end_marked(&mut ops);
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
    tagger.finish(&mut pdf, &meta.lang, &meta.title)?;
    compress_streams(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_with_options(&mut bytes, save_options())
        .map_err(|e| format!("cannot write the PDF: {e}"))?;
    deflate_xref_stream(&mut bytes);
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

/// Every object that is not a stream (pages, fonts' dictionaries, the structure tree: several
/// hundred small dictionaries in a tagged report) goes into compressed object streams, with a
/// cross-reference stream instead of a 20-byte table line per object.
fn save_options() -> lopdf::SaveOptions {
    lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        // lopdf maps 4–6 to zlib's default level (0 would leave them uncompressed): on a
        // tagged report's 60 KB of dictionaries 16 % fewer bytes than the fast level and 4 %
        // more than the best, which takes longer for that.
        .compression_level(6)
        .build()
}

/// A report has a few hundred objects: one or two object streams deflate best.
const OBJECTS_PER_STREAM: usize = 500;

/// lopdf 0.44 writes its cross-reference stream unfiltered: 7 bytes for each object, 3 KB for
/// a tagged report's 450 objects. Deflated they take a fifth of that. It is the file's last
/// object, so nothing before it moves; anything not as lopdf writes it is left as it is.
fn deflate_xref_stream(pdf: &mut Vec<u8>) {
    use std::io::Write;
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let Some(tail) = pdf.windows(10).rposition(|w| w == b"startxref\n") else {
        return;
    };
    let Some(start) = std::str::from_utf8(&pdf[tail + 10..])
        .ok()
        .and_then(|s| s.lines().next())
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&s| s < tail)
    else {
        return;
    };
    let object = &pdf[start..tail];
    let (Some(open), Some(close)) = (find(object, b"<<"), find(object, b">>stream\n")) else {
        return;
    };
    let Some(end) = find(&object[close..], b"\nendstream").map(|e| close + e) else {
        return;
    };
    let dict = &object[open..close];
    let content = &object[close + 9..end];
    let Some(length) = find(dict, b"/Length ") else {
        return;
    };
    if find(dict, b"/XRef").is_none() || find(dict, b"/Filter").is_some() {
        return;
    }
    let digits = dict[length + 8..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if dict[length + 8..length + 8 + digits] != *content.len().to_string().as_bytes() {
        return;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let Ok(deflated) = encoder.write_all(content).and_then(|()| encoder.finish()) else {
        return;
    };
    let mut rewritten = object[..open].to_vec();
    rewritten.extend_from_slice(&dict[..length]);
    write!(rewritten, "/Length {}/Filter/FlateDecode", deflated.len()).ok();
    rewritten.extend_from_slice(&dict[length + 8 + digits..]);
    rewritten.extend_from_slice(b">>stream\n");
    rewritten.extend_from_slice(&deflated);
    rewritten.extend_from_slice(&object[end..]);
    let rest = pdf[tail..].to_vec();
    pdf.truncate(start);
    pdf.extend_from_slice(&rewritten);
    pdf.extend_from_slice(&rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    use lopdf::{Dictionary, Object};

    /// A one-page document with a few hundred small objects, saved as reports are.
    fn saved() -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages = doc.new_object_id();
        let page = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
        ]));
        doc.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
            ])),
        );
        for n in 0..200 {
            doc.add_object(Dictionary::from_iter([("N", Object::Integer(n))]));
        }
        let catalog = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_with_options(&mut bytes, save_options()).unwrap();
        bytes
    }

    #[test]
    fn the_xref_stream_is_deflated_and_the_file_still_reads() {
        let plain = saved();
        let mut deflated = plain.clone();
        deflate_xref_stream(&mut deflated);
        assert!(
            deflated.len() + 1000 < plain.len(),
            "{} vs {}",
            deflated.len(),
            plain.len()
        );
        let doc = lopdf::Document::load_mem(&deflated).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
        assert_eq!(doc.objects.len(), plain_objects(&plain));
    }

    fn plain_objects(pdf: &[u8]) -> usize {
        lopdf::Document::load_mem(pdf).unwrap().objects.len()
    }

    /// Bytes not laid out as lopdf writes them are left alone, never cut.
    #[test]
    fn other_bytes_are_left_as_they_are() {
        let plain = saved();
        for mut bytes in [
            b"%PDF-1.7\nstartxref\n99999\n%%EOF".to_vec(),
            b"startxref\n0\n".to_vec(),
            plain[..plain.len() / 2].to_vec(),
            Vec::new(),
        ] {
            let before = bytes.clone();
            deflate_xref_stream(&mut bytes);
            assert_eq!(bytes, before);
        }
        let mut twice = plain.clone();
        deflate_xref_stream(&mut twice);
        let once = twice.clone();
        deflate_xref_stream(&mut twice);
        assert_eq!(twice, once);
    }
}
