//! A brand font in the PDF: subset to the glyphs a report draws (allsorts), described as a
//! Type0 font with Identity-H codes, its `/W` widths from the glyphs' advances and a
//! `/ToUnicode` map from the text layer (PDF 32000-1 §9.7).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use allsorts::binary::read::ReadScope;
use allsorts::cff::CFF;
use allsorts::font_data::FontData;
use allsorts::subset::prince::{self, PrinceCmapTarget};
use allsorts::subset::{CmapTarget, SubsetProfile};
use allsorts::tables::FontTableProvider;
use allsorts::tag;
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use sha2::Digest;

use super::fonts::BookFont;
use super::name;
use crate::FastMap;

/// A font's program as embedded and the code each drawn glyph is written with.
pub struct Embedded(Arc<Subset>);

/// A font subset to one set of glyphs, ready to embed.
pub struct Subset {
    /// The program as a `/FontFile2` or `/FontFile3` stream, deflated (the raw bytes are not
    /// kept: a font allsorts cannot subset is embedded whole, megabytes).
    file: Stream,
    /// The descendant font's subtype and the descriptor's key for `file`.
    kind: (&'static str, &'static str),
    /// Original glyph id → the two-byte code under Identity-H.
    codes: FastMap<u16, u16>,
    /// `XXXXXX+PostScriptName`.
    name: String,
}

/// The subsets of a brand's fonts made lately, by font and glyphs: reports in one language
/// and brand draw mostly the same glyphs, and subsetting and deflating a font again for each
/// was 2 % of a batch. The same glyphs give the same bytes either way.
#[derive(Default)]
pub struct Subsets {
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// (font's place in the book, glyphs) → its subset.
    subsets: FastMap<(usize, Vec<u16>), Arc<Subset>>,
    /// The programs' bytes, deflated.
    bytes: usize,
}

impl Subsets {
    /// Bytes of font programs kept for a brand at most: all are dropped when a new subset
    /// would go past this.
    const KEPT_BYTES: usize = 4 << 20;

    /// `font` (the book's `index`th) subset to `glyphs`, made once while kept.
    pub fn embed(
        &self,
        index: usize,
        font: &BookFont,
        glyphs: impl IntoIterator<Item = u16>,
    ) -> Embedded {
        let key = (index, glyph_ids(glyphs));
        let lock = || self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(subset) = lock().subsets.get(&key) {
            return Embedded(Arc::clone(subset));
        }
        let subset = Arc::new(Subset::new(font, &key.1));
        let size = subset.file.content.len();
        let mut kept = lock();
        if kept.bytes + size > Self::KEPT_BYTES {
            *kept = Kept::default();
        }
        kept.bytes += size;
        kept.subsets.insert(key, Arc::clone(&subset));
        Embedded(subset)
    }
}

/// Glyph 0 (.notdef) and then `glyphs`: allsorts numbers the subset's glyphs in the order
/// given, and .notdef must come first.
fn glyph_ids(glyphs: impl IntoIterator<Item = u16>) -> Vec<u16> {
    std::iter::once(0)
        .chain(glyphs.into_iter().filter(|g| *g != 0))
        .collect()
}

impl Embedded {
    /// Subsets `font` to `glyphs` (ascending, each once); a font allsorts cannot subset is
    /// embedded whole (for a collection, its first face: a PDF font program is one face).
    /// Reports take theirs from [`Subsets::embed`].
    #[cfg(test)]
    pub fn new(font: &BookFont, glyphs: impl IntoIterator<Item = u16>) -> Self {
        Embedded(Arc::new(Subset::new(font, &glyph_ids(glyphs))))
    }
}

impl std::ops::Deref for Embedded {
    type Target = Subset;

    fn deref(&self) -> &Subset {
        &self.0
    }
}

impl Subset {
    /// `font` subset to `ids` (.notdef first).
    fn new(font: &BookFont, ids: &[u16]) -> Self {
        let (program, subset_ids) = match subset(font.data(), ids) {
            Ok(program) => (program, true),
            Err(_) => {
                let face = printpdf::extract_collection_face(font.data(), 0)
                    .unwrap_or_else(|| font.data().to_vec());
                (Program::of_face(face), false)
            }
        };
        // Under Identity-H a code is the CID: the glyph id, except in a CID-keyed CFF font,
        // where readers find the glyph through the charset (which keeps the original CIDs).
        let cids = printpdf::cff_charset_gid_to_cid_map(program.bytes(), 0);
        let codes = ids
            .iter()
            .enumerate()
            .map(|(new, &old)| {
                let gid = if subset_ids { new as u16 } else { old };
                let code = cids
                    .as_ref()
                    .and_then(|m| m.get(&gid).copied())
                    .unwrap_or(gid);
                (old, code)
            })
            .collect();
        let name = if subset_ids {
            format!("{}+{}", tag(font, ids), postscript_name(font))
        } else {
            postscript_name(font)
        };
        let dict = match &program {
            Program::CidCff(_) => {
                Dictionary::from_iter([("Subtype", super::name("CIDFontType0C"))])
            }
            Program::OpenType(_) => Dictionary::from_iter([("Subtype", super::name("OpenType"))]),
            Program::TrueType(ttf) => {
                Dictionary::from_iter([("Length1", Object::Integer(ttf.len() as i64))])
            }
        };
        // The program is written as made: `/FontFile3` for CFF outlines, else `/FontFile2`.
        let kind = match program {
            Program::CidCff(_) | Program::OpenType(_) => ("CIDFontType0", "FontFile3"),
            Program::TrueType(_) => ("CIDFontType2", "FontFile2"),
        };
        let mut file = Stream::new(dict, program.into_bytes());
        super::deflate(&mut file, super::Effort::Fast);
        Subset {
            file,
            kind,
            codes,
            name,
        }
    }
}

impl Embedded {
    /// The code `glyph` is written with (0, .notdef, for one not subset).
    pub fn code(&self, glyph: u16) -> u16 {
        self.codes.get(&glyph).copied().unwrap_or(0)
    }

    /// Adds the font's objects; `text` gives each glyph's text for `/ToUnicode`.
    pub fn add_to<'t>(
        self,
        pdf: &mut lopdf::Document,
        font: &BookFont,
        text: impl Fn(u16) -> Option<&'t str>,
    ) -> ObjectId {
        let face = font.face();
        let mut coded: Vec<(u16, u16)> = self.codes.iter().map(|(&g, &c)| (c, g)).collect();
        coded.sort_unstable();
        // `/W`: runs of consecutive codes with their widths.
        let mut widths: Vec<Object> = Vec::new();
        let mut run: Vec<Object> = Vec::new();
        let mut run_start = 0u16;
        for (i, &(code, glyph)) in coded.iter().enumerate() {
            if i > 0 && code != coded[i - 1].0 + 1 {
                widths.push(Object::Integer(run_start.into()));
                widths.push(Object::Array(std::mem::take(&mut run)));
            }
            if run.is_empty() {
                run_start = code;
            }
            run.push(Object::Integer(font.pdf_width(glyph)));
        }
        if !run.is_empty() {
            widths.push(Object::Integer(run_start.into()));
            widths.push(Object::Array(run));
        }
        let mappings: BTreeMap<u32, Vec<u32>> = coded
            .iter()
            .filter_map(|&(code, glyph)| {
                let t = text(glyph)?;
                Some((code.into(), t.chars().map(u32::from).collect()))
            })
            .collect();
        let to_unicode = printpdf::ToUnicodeCMap { mappings }.to_cmap_string(&self.name);
        let to_unicode = pdf.add_object(Stream::new(Dictionary::new(), to_unicode.into_bytes()));

        let (subtype, file_key) = self.kind;
        let program = pdf.add_object(self.file.clone());

        let scale = 1000.0 / f32::from(face.units_per_em().max(1));
        let units = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
        let bbox = face.global_bounding_box();
        let italic = face.italic_angle();
        // Table 123: non-symbolic, italic when slanted.
        let flags = 1 << 5 | if italic != 0.0 { 1 << 6 } else { 0 };
        // No table holds the stem width: estimated from the weight, as producers do.
        let stem_v = 50
            + (f32::from(face.weight().to_number()) / 65.0)
                .powi(2)
                .round() as i64;
        let descriptor = pdf.add_object(Dictionary::from_iter([
            ("Type", name("FontDescriptor")),
            ("FontName", name(&self.name)),
            ("Flags", Object::Integer(flags)),
            (
                "FontBBox",
                Object::Array(vec![
                    units(bbox.x_min),
                    units(bbox.y_min),
                    units(bbox.x_max),
                    units(bbox.y_max),
                ]),
            ),
            ("ItalicAngle", Object::Integer(italic.round() as i64)),
            ("Ascent", units(face.ascender())),
            ("Descent", units(face.descender())),
            (
                "CapHeight",
                units(face.capital_height().unwrap_or(face.ascender())),
            ),
            ("StemV", Object::Integer(stem_v)),
            (file_key, Object::Reference(program)),
        ]));
        let mut descendant = Dictionary::from_iter([
            ("Type", name("Font")),
            ("Subtype", name(subtype)),
            ("BaseFont", name(&self.name)),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter([
                    (
                        "Registry",
                        Object::String(b"Adobe".to_vec(), StringFormat::Literal),
                    ),
                    (
                        "Ordering",
                        Object::String(b"Identity".to_vec(), StringFormat::Literal),
                    ),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("FontDescriptor", Object::Reference(descriptor)),
            ("W", Object::Array(widths)),
        ]);
        if subtype == "CIDFontType2" {
            descendant.set("CIDToGIDMap", name("Identity"));
        }
        pdf.add_object(Dictionary::from_iter([
            ("Type", name("Font")),
            ("Subtype", name("Type0")),
            ("BaseFont", name(&self.name)),
            ("Encoding", name("Identity-H")),
            (
                "DescendantFonts",
                Object::Array(vec![Object::Dictionary(descendant)]),
            ),
            ("ToUnicode", Object::Reference(to_unicode)),
        ]))
    }
}

/// A font program in the form it is embedded.
enum Program {
    /// A CID-keyed CFF table alone (`/CIDFontType0C`), the one form every reader resolves
    /// by CIDs.
    CidCff(Vec<u8>),
    /// A whole OpenType font with name-keyed CFF outlines (`/OpenType`).
    OpenType(Vec<u8>),
    /// A TrueType font (`/FontFile2`).
    TrueType(Vec<u8>),
}

impl Program {
    /// The form of a whole OpenType or TrueType face.
    fn of_face(face: Vec<u8>) -> Self {
        if let Some(cff) = printpdf::extract_cid_keyed_cff(&face, 0) {
            Program::CidCff(cff)
        } else if face.starts_with(b"OTTO") {
            Program::OpenType(face)
        } else {
            Program::TrueType(face)
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Program::CidCff(b) | Program::OpenType(b) | Program::TrueType(b) => b,
        }
    }

    fn into_bytes(self) -> Vec<u8> {
        match self {
            Program::CidCff(b) | Program::OpenType(b) | Program::TrueType(b) => b,
        }
    }
}

/// The face's subset to `ids`. A CID-keyed CFF font (the CJK fonts) is subset to its CFF table
/// alone (the bytes allsorts writes into an OpenType subset), without building that font and
/// its cmap: those held half of the time a Japanese report's subsetting took.
fn subset(data: &[u8], ids: &[u16]) -> Result<Program, String> {
    let file = ReadScope::new(data)
        .read::<FontData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = file.table_provider(0).map_err(|e| e.to_string())?;
    if cid_keyed_cff(&provider) {
        return prince::subset(&provider, ids, PrinceCmapTarget::Omit, true)
            .map(Program::CidCff)
            .map_err(|e| e.to_string());
    }
    let bytes = allsorts::subset::subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| e.to_string())?;
    Ok(Program::of_face(bytes))
}

/// Whether the face's outlines are a CID-keyed CFF table.
fn cid_keyed_cff(provider: &impl FontTableProvider) -> bool {
    let Ok(Some(data)) = provider.table_data(tag::CFF) else {
        return false;
    };
    ReadScope::new(&data)
        .read::<CFF<'_>>()
        .is_ok_and(|cff| cff.fonts.first().is_some_and(|f| f.is_cid_keyed()))
}

/// The six capital letters that mark a subset (§9.6.4), from its glyphs: the same subset of
/// the same font gets the same tag, so reruns write the same bytes.
fn tag(font: &BookFont, ids: &[u16]) -> String {
    let mut hash = sha2::Sha256::new();
    hash.update(font.family.as_bytes());
    hash.update([u8::from(font.bold)]);
    for id in ids {
        hash.update(id.to_be_bytes());
    }
    hash.finalize()[..6]
        .iter()
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// The font's PostScript name, or its family without what a PDF name cannot hold.
fn postscript_name(font: &BookFont) -> String {
    let face = font.face();
    let from_names = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string());
    let raw = from_names
        .unwrap_or_else(|| format!("{}{}", font.family, if font.bold { "-Bold" } else { "" }));
    let clean: String = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if clean.is_empty() {
        "Font".into()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::brand::Brand;
    use crate::render::pdf::fonts::FontBook;
    use std::collections::BTreeSet;

    fn book() -> FontBook {
        FontBook::from_brand(&Brand::builtin_default()).unwrap()
    }

    /// A deflated stream's bytes.
    fn inflate(stream: &Stream) -> Vec<u8> {
        use std::io::Read;
        let mut bytes = Vec::new();
        flate2::read::ZlibDecoder::new(&stream.content[..])
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    }

    /// Glyph ids of `text` in `font`.
    fn glyphs(font: &BookFont, text: &str) -> BTreeSet<u16> {
        text.chars()
            .filter_map(|c| font.face().glyph_index(c))
            .map(|g| g.0)
            .collect()
    }

    /// The built-in CJK font: an OpenType font with CID-keyed CFF outlines.
    fn cjk_font(book: &FontBook) -> &BookFont {
        book.fonts
            .iter()
            .find(|f| f.data().starts_with(b"OTTO"))
            .expect("the built-in CJK font")
    }

    /// In a CID-keyed CFF font (Noto Sans CJK) readers find a glyph by its CID through the
    /// charset, which differs from the glyph id from glyph 365 on: a glyph written by its
    /// glyph id (original or subset) draws another one.
    #[test]
    fn cid_keyed_cff_glyphs_are_written_by_their_cids() {
        let book = book();
        let font = cjk_font(&book);
        let cids = printpdf::cff_charset_gid_to_cid_map(font.data(), 0).unwrap();
        let used = glyphs(font, "大阪スマイル歯科 予約数 口コミ");
        assert!(used.iter().any(|g| cids[g] != *g), "{used:?}");
        let embedded = Embedded::new(font, used.iter().copied());
        for g in &used {
            assert_eq!(embedded.code(*g), cids[g], "glyph {g}");
        }
        assert_eq!(
            embedded.file.dict.get(b"Subtype").unwrap(),
            &super::super::name("CIDFontType0C"),
            "not a bare CID-keyed CFF"
        );
        assert!(inflate(&embedded.file).len() < font.data().len() / 100);
    }

    /// The bare CFF subset is the CFF table of allsorts' OpenType subset of the same glyphs:
    /// the same font program as when the OpenType subset was built and its table taken out.
    #[test]
    fn a_cid_keyed_subset_is_the_cff_of_the_opentype_subset() {
        let book = book();
        let font = cjk_font(&book);
        let used = glyphs(
            font,
            "大阪スマイル歯科 予約数 口コミ 月次マーケティングレポート",
        );
        let ids: Vec<u16> = std::iter::once(0).chain(used).collect();
        let Ok(Program::CidCff(bare)) = subset(font.data(), &ids) else {
            panic!("not subset to a bare CID-keyed CFF");
        };
        let file = ReadScope::new(font.data()).read::<FontData<'_>>().unwrap();
        let provider = file.table_provider(0).unwrap();
        let otf =
            allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
                .unwrap();
        assert_eq!(printpdf::extract_cid_keyed_cff(&otf, 0).unwrap(), bare);
    }

    /// A subset made again for the same font and glyphs is the one kept: the same program
    /// bytes, deflated once; other glyphs or another font make another, and a brand keeps
    /// at most `KEPT_BYTES` of them.
    #[test]
    fn subsets_are_kept_by_font_and_glyphs() {
        let book = book();
        let subsets = Subsets::default();
        let font = &book.fonts[0];
        let used = glyphs(font, "Brightside");
        let first = subsets.embed(0, font, used.iter().copied());
        let again = subsets.embed(0, font, used.iter().copied());
        assert!(Arc::ptr_eq(&first.0, &again.0));
        let program = subset(font.data(), &glyph_ids(used.iter().copied())).unwrap();
        assert_eq!(inflate(&first.file), program.bytes());
        let uncached = Embedded::new(font, used.iter().copied());
        assert_eq!(
            (&uncached.file.content, &uncached.name),
            (&first.file.content, &first.name)
        );
        let other = subsets.embed(0, font, glyphs(font, "Brightsid"));
        assert!(!Arc::ptr_eq(&first.0, &other.0));
        let bold = subsets.embed(1, &book.fonts[1], used.iter().copied());
        assert!(!Arc::ptr_eq(&first.0, &bold.0));
        // Large subsets (the CJK font's) until the bytes kept overflow once.
        let cjk = cjk_font(&book);
        let index = book
            .fonts
            .iter()
            .position(|f| std::ptr::eq(f, cjk))
            .unwrap();
        for n in 1..200u16 {
            subsets.embed(index, cjk, (1..=n * 20).step_by(3));
            let kept = subsets.kept.lock().unwrap();
            assert!(kept.bytes <= Subsets::KEPT_BYTES, "{}", kept.bytes);
            if !kept
                .subsets
                .contains_key(&(0, glyph_ids(used.iter().copied())))
            {
                return;
            }
        }
        panic!("the first subset was never dropped");
    }

    /// In a TrueType subset a glyph's code is its place in the subset, .notdef first; the
    /// font's name carries a tag that depends on the glyphs only.
    #[test]
    fn truetype_glyphs_are_numbered_in_the_subset() {
        let book = book();
        let font = &book.fonts[0];
        let used = glyphs(font, "Brightside");
        let embedded = Embedded::new(font, used.iter().copied());
        for (i, g) in used.iter().enumerate() {
            assert_eq!(embedded.code(*g), i as u16 + 1, "glyph {g}");
        }
        assert_eq!(embedded.code(9999), 0);
        let again = Embedded::new(font, used.iter().copied());
        assert_eq!(again.name, embedded.name);
        let other = Embedded::new(font, glyphs(font, "Brightsid"));
        assert_ne!(other.name[..6], embedded.name[..6]);
        assert!(
            embedded.name.ends_with("+NotoSans-Regular"),
            "{}",
            embedded.name
        );
    }
}
