//! Laid-out pages to PDF bytes: content streams written directly (shaped glyph runs with
//! their text for extraction, vector shapes, the logo), fonts subset to what the pages draw,
//! links, outline, the structure tree and fixed metadata, as lopdf objects.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::Digest;

use super::Logos;
use super::content::ContentStream;
use super::embed::{Embedded, Subsets};
use super::fonts::FontBook;
use super::layout::{Item, Page, PageGeometry};
use super::logo;
use super::serialize::serialize;
use super::structure::{Content, Marked, Tagger};
use super::text_layer::{self, TextLayer};
use super::{Effort, deflate};
use super::{name, text_string};

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

/// The resource name of font `i` of the book.
fn font_name(i: usize) -> String {
    format!("F{i}")
}

pub fn write(
    pages: &[Page],
    geometry: &PageGeometry,
    fonts: &FontBook,
    subsets: &Subsets,
    logos: &Logos,
    meta: &Metadata,
) -> Result<Vec<u8>, String> {
    let mut pdf = lopdf::Document::with_version("1.7");
    // Each font is subset to the glyphs the pages draw with it, before they are written in
    // the subset's codes.
    let mut glyphs: Vec<Option<GlyphSet>> = (0..fonts.fonts.len()).map(|_| None).collect();
    for page in pages {
        for item in &page.items {
            if let Item::Text { runs, .. } = item {
                for r in runs {
                    let set = glyphs[r.font].get_or_insert_with(GlyphSet::default);
                    for g in &r.glyphs {
                        set.insert(g.id);
                    }
                }
            }
        }
    }
    let embedded: Vec<Option<Embedded>> = fonts
        .fonts
        .iter()
        .zip(&glyphs)
        .enumerate()
        .map(|(i, (font, used))| used.as_ref().map(|g| subsets.embed(i, font, g.iter())))
        .collect();

    let h = geometry.height;
    let pages_id = pdf.new_object_id();
    let resources_id = pdf.new_object_id();
    let mut text_layer = TextLayer::default();
    let mut tagger = Tagger::new(meta.tagged);
    let mut page_ids = Vec::with_capacity(pages.len());
    for page in pages {
        let mut out = ContentStream::default();
        let mut annots = Vec::new();
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
                    tagger.mark(Content::Graphic, &mut out);
                    state.fill(*c, &mut out);
                    out.fill_rect(*x, h - y - rh, *w, *rh);
                }
                Item::Polyline {
                    points,
                    color: c,
                    width,
                    dashed,
                } => {
                    tagger.mark(Content::Graphic, &mut out);
                    out.op("q").color(c.0, "RG").num(*width).op("w");
                    if *dashed {
                        out.op("[4 3] 0 d");
                    }
                    out.path(points.iter().map(|(px, py)| (*px, h - py)));
                    out.op("S").op("Q");
                }
                Item::Polygon { points, color: c } => {
                    tagger.mark(Content::Graphic, &mut out);
                    state.fill(*c, &mut out);
                    out.path(points.iter().map(|(px, py)| (*px, h - py)));
                    out.op("h").op("f");
                }
                Item::Text {
                    x,
                    y,
                    runs,
                    color: c,
                } => {
                    let mut drawn = Vec::with_capacity(runs.len());
                    for run in runs {
                        let font = &fonts.fonts[run.font];
                        let Some(subset) = embedded[run.font].as_ref() else {
                            return Err(format!("font {} was not embedded", run.font));
                        };
                        drawn.push((run, font, subset, text_layer.actual_text(run, font)));
                    }
                    let target = tagger.target(Content::Text);
                    // In an element, a run with its own text gets a sequence of its own
                    // (`Tagger::mark_as`); all of the item's sequences then lie within its
                    // text object. Elsewhere the text goes into a nested span.
                    let split = matches!(target, Some(Marked::Element(_)))
                        && drawn.iter().any(|d| d.3.is_some());
                    match target {
                        Some(_) if split => tagger.end_marked(&mut out),
                        Some(target) => tagger.mark_as(target, None, &mut out),
                        None => {}
                    }
                    out.op("BT");
                    text_layer.begin_text();
                    state.fill(*c, &mut out);
                    let mut pen = *x;
                    for (run, font, subset, actual) in &drawn {
                        if let Some(target) = target.filter(|_| split) {
                            tagger.mark_as(target, actual.as_deref(), &mut out);
                        }
                        if state.font != Some((run.font, run.size)) {
                            state.font = Some((run.font, run.size));
                            out.name(&font_name(run.font)).num(run.size).op("Tf");
                        }
                        let nested = actual.as_deref().filter(|_| !split);
                        if let Some(text) = nested {
                            text_layer::span(text, &mut out);
                        }
                        text_layer.draw(run, (font, subset), pen, h - y, &mut out);
                        if nested.is_some() {
                            out.op("EMC");
                        }
                        pen += run.width;
                    }
                    if split {
                        tagger.end_marked(&mut out);
                    }
                    out.op("ET");
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
                        tagger.mark(Content::Graphic, &mut out);
                        // The image fills the unit square: scale it to the box.
                        out.op("q").num(*w).num(0.0).num(0.0).num(*lh);
                        out.num(*x).num(h - y - lh).op("cm");
                        out.name(name).op("Do").op("Q");
                    }
                }
                Item::Link {
                    x,
                    y,
                    w,
                    h: lh,
                    uri,
                } => {
                    let rect = [*x, h - y - lh, x + w, h - y];
                    let annotation = pdf.add_object(link(rect, uri));
                    tagger.link(annotation);
                    annots.push(Object::Reference(annotation));
                }
                Item::Open(role) => tagger.open(role),
                Item::Close => tagger.close(),
                Item::ChartBox { .. }
                | Item::TableHeader { .. }
                | Item::TableRow { .. }
                | Item::GoalRow { .. } => {}
            }
        }
        tagger.end_marked(&mut out);
        let contents = pdf.add_object(Stream::new(Dictionary::new(), out.into_bytes()));
        let mut dict = Dictionary::from_iter([
            ("Type", name("Page")),
            ("Parent", Object::Reference(pages_id)),
            (
                "MediaBox",
                Object::Array(vec![
                    0.into(),
                    0.into(),
                    Object::Real(geometry.width),
                    Object::Real(geometry.height),
                ]),
            ),
            ("Resources", Object::Reference(resources_id)),
            ("Contents", Object::Reference(contents)),
        ]);
        if !annots.is_empty() {
            dict.set("Annots", annots);
        }
        page_ids.push(pdf.add_object(dict));
    }

    let mut font_dict = Dictionary::new();
    for (i, subset) in embedded.into_iter().enumerate() {
        if let Some(subset) = subset {
            let id = subset.add_to(&mut pdf, &fonts.fonts[i], |g| text_layer.text(i, g));
            font_dict.set(font_name(i), Object::Reference(id));
        }
    }
    let mut xobjects = Dictionary::new();
    for (logo, resource) in [
        (&logos.light, logo::NAME),
        (&logos.on_dark, logo::NAME_ON_DARK),
    ] {
        if let Some(logo) = logo {
            xobjects.set(resource, Object::Reference(logo.add_to(&mut pdf)));
        }
    }
    pdf.objects.insert(
        resources_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Font", Object::Dictionary(font_dict)),
            ("XObject", Object::Dictionary(xobjects)),
        ])),
    );
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Pages")),
            (
                "Kids",
                Object::Array(page_ids.iter().map(|id| Object::Reference(*id)).collect()),
            ),
            ("Count", Object::Integer(page_ids.len() as i64)),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
        ("PageLayout", name("OneColumn")),
    ]);
    if let Some(outline) = outline(&mut pdf, pages, &page_ids) {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", name("UseOutlines"));
    }
    let catalog = pdf.add_object(catalog);
    pdf.trailer.set("Root", Object::Reference(catalog));
    let info = pdf.add_object(info(meta));
    pdf.trailer.set("Info", Object::Reference(info));
    // The file identifier, from what identifies the report (no random part: reruns match).
    let id = sha2::Sha256::digest(format!("{}\n{}\n{}", meta.title, meta.date, meta.lang));
    let id = Object::String(id[..16].to_vec(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let tree = tagger.finish(&mut pdf, &page_ids, &meta.lang, &meta.title)?;
    compress_streams(&mut pdf);
    Ok(serialize(&pdf, &tree))
}

/// A link annotation to `uri` over `rect` (left, bottom, right, top), without a border, its
/// address as its description (PDF/UA-1 7.18.5).
fn link(rect: [f32; 4], uri: &str) -> Dictionary {
    Dictionary::from_iter([
        ("Type", name("Annot")),
        ("Subtype", name("Link")),
        (
            "Rect",
            Object::Array(rect.iter().map(|v| Object::Real(*v)).collect()),
        ),
        ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
        ("Contents", text_string(uri)),
        (
            "A",
            Object::Dictionary(Dictionary::from_iter([
                ("S", name("URI")),
                (
                    "URI",
                    Object::String(ascii_uri(uri).into_bytes(), StringFormat::Literal),
                ),
            ])),
        ),
    ])
}

/// A URI as PDF wants it, in 7-bit ASCII (§12.6.4.7): a parsed URL's serialization (host in
/// punycode, path and query percent-encoded), else every byte outside printable ASCII
/// percent-encoded.
fn ascii_uri(uri: &str) -> String {
    if let Ok(url) = url::Url::parse(uri) {
        return url.to_string();
    }
    let mut out = String::with_capacity(uri.len());
    for b in uri.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The bookmarks of the pages as a flat outline; `None` when there are none.
fn outline(pdf: &mut lopdf::Document, pages: &[Page], page_ids: &[ObjectId]) -> Option<ObjectId> {
    let marks: Vec<(ObjectId, &String)> = pages
        .iter()
        .zip(page_ids)
        .flat_map(|(page, id)| page.bookmarks.iter().map(move |title| (*id, title)))
        .collect();
    if marks.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| pdf.new_object_id()).collect();
    for (k, (page, title)) in marks.iter().enumerate() {
        let mut d = Dictionary::from_iter([
            ("Title", text_string(title)),
            ("Parent", Object::Reference(root)),
            (
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    name("XYZ"),
                    Object::Null,
                    Object::Null,
                    Object::Null,
                ]),
            ),
        ]);
        if k > 0 {
            d.set("Prev", Object::Reference(ids[k - 1]));
        }
        if let Some(next) = ids.get(k + 1) {
            d.set("Next", Object::Reference(*next));
        }
        pdf.objects.insert(ids[k], Object::Dictionary(d));
    }
    pdf.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Outlines")),
            ("First", Object::Reference(ids[0])),
            ("Last", Object::Reference(ids[ids.len() - 1])),
            ("Count", Object::Integer(ids.len() as i64)),
        ])),
    );
    Some(root)
}

/// The document information dictionary.
fn info(meta: &Metadata) -> Dictionary {
    let version = env!("CARGO_PKG_VERSION");
    let date = format!("D:{}000000+00'00'", meta.date.format("%Y%m%d"));
    let date = Object::String(date.into_bytes(), StringFormat::Literal);
    Dictionary::from_iter([
        ("Title", text_string(&meta.title)),
        ("Author", text_string(&meta.author)),
        ("Subject", text_string(&meta.subject)),
        ("Creator", text_string(&format!("execreport {version}"))),
        ("Producer", text_string(&format!("execreport {version}"))),
        ("CreationDate", date.clone()),
        ("ModDate", date),
    ])
}

/// What a page's content stream has set so far.
#[derive(Default)]
struct PageState {
    fill: Option<super::Rgb>,
    font: Option<(usize, f32)>,
}

impl PageState {
    fn fill(&mut self, c: super::Rgb, out: &mut ContentStream) {
        if self.fill != Some(c) {
            self.fill = Some(c);
            out.color(c.0, "rg");
        }
    }
}

/// Glyph ids drawn with one font: a bit for each of the 65,536 (a B-tree insert per glyph
/// drawn took 3 % of a Thai report's PDF).
struct GlyphSet(Box<[u64; 1024]>);

impl Default for GlyphSet {
    fn default() -> Self {
        GlyphSet(Box::new([0; 1024]))
    }
}

impl GlyphSet {
    fn insert(&mut self, glyph: u16) {
        self.0[usize::from(glyph >> 6)] |= 1 << (glyph & 63);
    }

    /// The ids, ascending.
    fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(word, &bits)| {
            // Each set bit, lowest first: clearing the lowest one each step.
            std::iter::successors(Some(bits).filter(|b| *b != 0), |b| {
                Some(b & (b - 1)).filter(|b| *b != 0)
            })
            .map(move |b| (word * 64 + b.trailing_zeros() as usize) as u16)
        })
    }
}

/// Deflates every stream that has no filter yet: page contents and font subsets (the logo
/// comes compressed from the brand kit).
fn compress_streams(pdf: &mut lopdf::Document) {
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            deflate(stream, Effort::Fast);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id once, ascending, as a B-tree set gives them (ids at both ends of a word and
    /// of the range included).
    #[test]
    fn a_glyph_set_gives_its_ids_in_order() {
        let mut ids: Vec<u16> = vec![0, 63, 64, 65, 127, 128, 4095, 65534, 65535, 64, 0];
        let mut x: u32 = 12345;
        for _ in 0..2000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            ids.push((x >> 16) as u16);
        }
        let mut set = GlyphSet::default();
        for &id in &ids {
            set.insert(id);
        }
        let expected: std::collections::BTreeSet<u16> = ids.into_iter().collect();
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            expected.into_iter().collect::<Vec<_>>()
        );
    }

    #[test]
    fn link_addresses_are_seven_bit_ascii() {
        for (given, written) in [
            (
                "https://northwind.example.com",
                "https://northwind.example.com/",
            ),
            (
                "https://bäckerei.example/straße?q=ü",
                "https://xn--bckerei-5wa.example/stra%C3%9Fe?q=%C3%BC",
            ),
            (
                "mailto:ciao@maredigitale.example.it",
                "mailto:ciao@maredigitale.example.it",
            ),
            ("www.example.com/ü x", "www.example.com/%C3%BC%20x"),
        ] {
            assert_eq!(ascii_uri(given), written);
        }
    }
}
