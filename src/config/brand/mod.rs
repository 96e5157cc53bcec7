//! Brand themes: `brands/<id>/brand.yaml` with its logo, fonts and template overrides.
//!
//! A brand is looked up in the workspace's brands folder first, then among the built-in ones
//! (the neutral `default` brand ships inside the binary).

mod colour;
mod load;
mod schema;
pub mod svg;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use colour::Color;
pub use schema::{BrandFile, Cover, CoverStyle, FontFace, Fonts, PageSize, Palette};

/// A logo ready to embed. An SVG's bytes are its sanitized, path-only rewrite (text
/// outlined with the brand's fonts), and `vector` is the tree the PDF draws.
#[derive(Debug, Clone)]
pub struct Logo {
    pub format: ImageFormat,
    pub bytes: Vec<u8>,
    pub vector: Option<svg::VectorLogo>,
}

/// The image formats a logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Svg,
}

impl ImageFormat {
    pub fn mime(self) -> &'static str {
        match self {
            ImageFormat::Png => "image/png",
            ImageFormat::Jpeg => "image/jpeg",
            ImageFormat::Svg => "image/svg+xml",
        }
    }
}

/// A font file loaded from a brand.
#[derive(Debug, Clone)]
pub struct FontFile {
    pub family: String,
    pub bold: bool,
    pub bytes: FontBytes,
    pub embed_in_html: bool,
}

/// A font file's bytes, shared and never copied: the built-in fonts (7.4 MB of Japanese
/// alone) are the binary's own static bytes in every brand kit, and the shaper, the PDF and
/// the SVG outliner all read the same allocation.
#[derive(Clone)]
pub struct FontBytes(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl FontBytes {
    pub fn from_static(bytes: &'static [u8]) -> Self {
        FontBytes(Arc::new(bytes))
    }

    pub fn from_vec(bytes: Vec<u8>) -> Self {
        FontBytes(Arc::new(bytes))
    }

    /// The shared handle, as font databases (fontdb) take it.
    pub fn shared(&self) -> Arc<dyn AsRef<[u8]> + Send + Sync> {
        Arc::clone(&self.0)
    }
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl AsRef<[u8]> for FontBytes {
    fn as_ref(&self) -> &[u8] {
        self
    }
}

impl std::fmt::Debug for FontBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontBytes({} bytes)", self.len())
    }
}

/// A loaded, validated brand.
#[derive(Debug, Clone)]
pub struct Brand {
    pub id: String,
    pub file: BrandFile,
    pub logo: Option<Logo>,
    pub logo_on_dark: Option<Logo>,
    pub print_logo: Option<Logo>,
    /// Body (regular, bold), heading, then fallbacks, in order.
    pub fonts: Vec<FontFile>,
    /// Template overrides: file name (`cover.html`) → content.
    pub templates: BTreeMap<String, String>,
    pub dir: Option<PathBuf>,
}

/// The family name of the built-in body font.
pub const DEFAULT_FAMILY: &str = "Noto Sans";
/// The family name of the built-in Japanese font, as systems that have it installed name it.
pub const CJK_JP_FAMILY: &str = "Noto Sans CJK JP";
impl Brand {
    /// The logo for PDFs on a light background: an SVG `logo` as vector paths, else
    /// `print_logo`, else a PNG or JPEG `logo`.
    pub fn pdf_logo(&self) -> Option<&Logo> {
        self.logo
            .as_ref()
            .filter(|l| l.vector.is_some())
            .or(self.print_logo.as_ref())
            .or(self.logo.as_ref().filter(|l| l.format != ImageFormat::Svg))
    }

    /// The logo for a dark cover band, drawn without a white tile: `logo_on_dark` when the
    /// PDF can draw it.
    pub fn pdf_logo_on_dark(&self) -> Option<&Logo> {
        self.logo_on_dark
            .as_ref()
            .filter(|l| l.vector.is_some() || l.format != ImageFormat::Svg)
    }

    /// Families in fallback order, for CSS `font-family` and for the PDF's glyph lookup.
    pub fn families(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.fonts {
            if !out.contains(&f.family) {
                out.push(f.family.clone());
            }
        }
        out
    }

    pub fn heading_family(&self) -> String {
        self.file
            .fonts
            .heading
            .as_ref()
            .or(self.file.fonts.body.as_ref())
            .map_or_else(|| DEFAULT_FAMILY.to_string(), |f| f.family.clone())
    }
}
