//! The PDF report: the view laid out into pages by our own small layout engine and written
//! by our own writer on lopdf objects. Fonts come from the brand, are shaped with rustybuzz
//! and subset with allsorts.

mod content;
mod cover;
mod embed;
pub mod fonts;
pub mod layout;
mod logo;
mod palette;
mod serialize;
mod shape_cache;
pub mod structure;
mod text_layer;
mod vector_logo;
mod write;

use crate::config::brand::Brand;
use crate::render::view::ReportView;
use fonts::FontBook;
use layout::{Layout, LogoInfo, PageGeometry};
use logo::Logo;
use palette::Palette;

pub use layout::{Item, Page};
pub use palette::Rgb;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    MissingGlyph(#[from] fonts::MissingGlyph),
    #[error("the PDF cannot draw {what} in {value:?}: a colour is written #rrggbb or #rgb")]
    BadColor { what: String, value: String },
    #[error("{0}")]
    Other(String),
}

/// Everything needed to draw reports of one brand, prepared once (fonts parsed, logo decoded).
pub struct PdfKit {
    pub fonts: FontBook,
    /// The fonts' subsets made lately.
    subsets: embed::Subsets,
    /// The logos, encoded once.
    logos: Logos,
}

/// The logo for light backgrounds and the one for a dark cover band, when the brand has one.
#[derive(Default)]
pub struct Logos {
    pub light: Option<Logo>,
    pub on_dark: Option<Logo>,
}

impl PdfKit {
    pub fn new(brand: &Brand) -> Result<Self, PdfError> {
        let fonts = FontBook::from_brand(brand).map_err(PdfError::Other)?;
        let decode = |l: Option<&crate::config::brand::Logo>| {
            l.map(Logo::from_brand).transpose().map_err(|e| {
                PdfError::Other(format!(
                    "brand {}: the logo cannot be decoded: {e}",
                    brand.id
                ))
            })
        };
        let logos = Logos {
            light: decode(brand.pdf_logo())?,
            on_dark: decode(brand.pdf_logo_on_dark())?,
        };
        Ok(PdfKit {
            fonts,
            subsets: Default::default(),
            logos,
        })
    }

    /// Lays the view out into pages (exposed for pagination tests). A weekly digest tries its
    /// 13 weeks' bars denser, then fewer, until it is the cover and two pages; one that is
    /// longer whatever its bars keeps them all.
    pub fn pages(
        &self,
        view: &ReportView,
        page_label: &dyn Fn(usize, usize) -> String,
    ) -> Result<(Vec<Page>, PageGeometry), PdfError> {
        let candidates = layout::TrendFit::candidates(view);
        let mut roomiest = None;
        for &trend_fit in &candidates {
            let layout = Layout {
                view,
                fonts: &self.fonts,
                palette: Palette::from_theme(&view.theme)?,
                page: PageGeometry::for_size(view.page_size),
                logo: self.logos.light.as_ref().map(|l| LogoInfo {
                    aspect: l.aspect,
                    on_dark_aspect: self.logos.on_dark.as_ref().map(|d| d.aspect),
                }),
                page_label,
                trend_fit,
            };
            let pages = layout.pages()?;
            if candidates.len() == 1 || pages.len() <= layout::DIGEST_PAGES {
                return Ok((pages, layout.page));
            }
            roomiest.get_or_insert((pages, layout.page));
        }
        roomiest.ok_or_else(|| PdfError::Other("no layout tried".into()))
    }

    pub fn render(
        &self,
        view: &ReportView,
        meta: write::Metadata,
        page_label: &dyn Fn(usize, usize) -> String,
    ) -> Result<Vec<u8>, PdfError> {
        let (pages, geometry) = self.pages(view, page_label)?;
        write::write(
            &pages,
            &geometry,
            &self.fonts,
            &self.subsets,
            &self.logos,
            &meta,
        )
        .map_err(PdfError::Other)
    }
}

pub use write::Metadata;

/// A PDF name object.
fn name(n: &str) -> lopdf::Object {
    lopdf::Object::Name(n.as_bytes().to_vec())
}

/// Text as PDF text strings hold it (§7.9.2.2): UTF-16BE after a byte-order mark.
fn utf16_be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    bytes
}

/// A PDF text string object, as a hex string.
fn text_string(text: &str) -> lopdf::Object {
    lopdf::Object::String(utf16_be(text), lopdf::StringFormat::Hexadecimal)
}

/// Adds to `pdf` a page tree of one page with `entries`, and a catalog; returns the page.
#[cfg(test)]
fn with_one_page(
    pdf: &mut lopdf::Document,
    entries: impl IntoIterator<Item = (&'static str, lopdf::Object)>,
) -> lopdf::ObjectId {
    use lopdf::{Dictionary, Object};
    let pages = pdf.new_object_id();
    let mut page = Dictionary::from_iter([("Type", name("Page")), ("Parent", pages.into())]);
    for (key, value) in entries {
        page.set(key, value);
    }
    let page = pdf.add_object(page);
    pdf.objects.insert(
        pages,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("Pages")),
            ("Kids", Object::Array(vec![page.into()])),
            ("Count", Object::Integer(1)),
        ])),
    );
    let catalog = pdf.add_object(Dictionary::from_iter([
        ("Type", name("Catalog")),
        ("Pages", pages.into()),
    ]));
    pdf.trailer.set("Root", catalog);
    page
}

/// How hard a stream is deflated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Effort {
    /// Page contents, structure and font subsets, made for every report: libdeflate's level 1.
    /// Measured on the Thai sample's streams: 2.1 times as fast as zlib-rs's level 3 (used
    /// before) for the same bytes ± 1.5 %; zlib-rs's own level 1 writes 33 % more.
    Fast,
    /// A brand's logo, deflated once per brand kit: level 9.
    Best,
}

/// Deflates a stream that has no filter yet, when that makes it smaller.
fn deflate(stream: &mut lopdf::Stream, effort: Effort) {
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    if let Some(compressed) = zlib(&stream.content, effort)
        && compressed.len() + 19 < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

/// `bytes` deflated with a zlib header (`/FlateDecode`).
fn zlib(bytes: &[u8], effort: Effort) -> Option<Vec<u8>> {
    fn compress(compressor: &mut libdeflater::Compressor, bytes: &[u8]) -> Option<Vec<u8>> {
        // Compressed into one buffer per thread, kept for the next stream, and copied out at
        // its size: a new zeroed buffer of the worst-case size for every stream cost more.
        thread_local! {
            static OUT: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        OUT.with_borrow_mut(|out| {
            let bound = compressor.zlib_compress_bound(bytes.len());
            if out.len() < bound {
                out.resize(bound, 0);
            }
            let written = compressor.zlib_compress(bytes, &mut out[..bound]).ok()?;
            Some(out[..written].to_vec())
        })
    }
    match effort {
        // Every stream of every report: the compressor's tables are made once per thread.
        Effort::Fast => {
            thread_local! {
                static FAST: std::cell::RefCell<Option<libdeflater::Compressor>> =
                    const { std::cell::RefCell::new(None) };
            }
            let level = libdeflater::CompressionLvl::new(1).ok()?;
            FAST.with_borrow_mut(|fast| {
                compress(
                    fast.get_or_insert_with(|| libdeflater::Compressor::new(level)),
                    bytes,
                )
            })
        }
        // A brand's logo, once per brand kit.
        Effort::Best => compress(
            &mut libdeflater::Compressor::new(libdeflater::CompressionLvl::new(9).ok()?),
            bytes,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both efforts write zlib streams that another inflater (flate2's zlib-rs) reads back
    /// whole, and compress a page's content-like bytes.
    #[test]
    fn deflated_streams_inflate_back_to_their_bytes() {
        use std::io::Read;
        let content: Vec<u8> = (0..4000)
            .flat_map(|i| format!("BT /F1 9 Tf 1 0 0 1 {i}.5 700 Tm (x{i}) Tj ET\n").into_bytes())
            .collect();
        for effort in [Effort::Fast, Effort::Best] {
            let packed = zlib(&content, effort).unwrap();
            assert!(
                packed.len() * 5 < content.len(),
                "{effort:?}: {}",
                packed.len()
            );
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(&packed[..])
                .read_to_end(&mut back)
                .unwrap();
            assert!(back == content, "{effort:?}");
        }
        let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.clone());
        deflate(&mut stream, Effort::Fast);
        assert_eq!(
            stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
            b"FlateDecode"
        );
        assert_eq!(stream.decompressed_content().unwrap(), content);
    }
}
