//! The PDF report: the view laid out into pages by our own small layout engine and written
//! with printpdf. Fonts come from the brand and are shaped with rustybuzz and subset.

mod cover;
pub mod fonts;
pub mod layout;
mod table;
mod write;

use crate::config::brand::Brand;
use crate::render::view::ReportView;
use fonts::FontBook;
use layout::{Layout, LogoInfo, PageGeometry};

pub use layout::{Item, Page};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{0}")]
    MissingGlyph(#[from] fonts::MissingGlyph),
    #[error("{0}")]
    Other(String),
}

/// Everything needed to draw reports of one brand, prepared once (fonts parsed, logo decoded).
pub struct PdfKit {
    pub fonts: FontBook,
    /// The logo, decoded once, and its aspect ratio (SVG logos need a raster variant).
    logo: Option<(printpdf::RawImage, f32)>,
}

impl PdfKit {
    pub fn new(brand: &Brand) -> Result<Self, PdfError> {
        let fonts = FontBook::from_brand(brand).map_err(PdfError::Other)?;
        let logo = match brand.pdf_logo() {
            Some(bytes) => {
                let mut warnings = Vec::new();
                let image =
                    printpdf::RawImage::decode_from_bytes(bytes, &mut warnings).map_err(|e| {
                        PdfError::Other(format!(
                            "brand {}: the logo cannot be decoded: {e}",
                            brand.id
                        ))
                    })?;
                let aspect = image.width as f32 / image.height.max(1) as f32;
                Some((image, aspect))
            }
            None => None,
        };
        Ok(PdfKit { fonts, logo })
    }

    /// Lays the view out into pages (exposed for pagination tests).
    pub fn pages(
        &self,
        view: &ReportView,
        page_label: &dyn Fn(usize, usize) -> String,
    ) -> Result<(Vec<Page>, PageGeometry), PdfError> {
        let layout = Layout {
            view,
            fonts: &self.fonts,
            page: PageGeometry::for_size(view.page_size),
            logo: self
                .logo
                .as_ref()
                .map(|(_, aspect)| LogoInfo { aspect: *aspect }),
            page_label,
        };
        let pages = layout.pages()?;
        Ok((pages, layout.page))
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
            self.logo.as_ref().map(|(image, _)| image),
            &meta,
        )
        .map_err(PdfError::Other)
    }
}

pub use write::Metadata;
