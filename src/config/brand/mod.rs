//! Brand themes: `brands/<id>/brand.yaml` with its logo, fonts and template overrides.
//!
//! A brand is looked up in the workspace's brands folder first, then among the built-in ones
//! (the neutral `default` brand ships inside the binary).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

use super::Problem;
use super::schema::Contact;
use super::values::LocaleTag;

/// An sRGB colour written `#rrggbb` or `#rgb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub [u8; 3]);

impl Color {
    pub fn parse(s: &str) -> Option<Self> {
        let hex = s.trim().strip_prefix('#')?;
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()?;
        match digits.as_slice() {
            [r, g, b] => Some(Color([r * 17, g * 17, b * 17])),
            [r1, r2, g1, g2, b1, b2] => Some(Color([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2])),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0[0]) + 0.7152 * lin(self.0[1]) + 0.0722 * lin(self.0[2])
    }

    /// WCAG contrast ratio (1 to 21).
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// White or near-black, whichever reads better on this colour.
    pub fn readable_text(self) -> Color {
        let white = Color([255, 255, 255]);
        let dark = Color([17, 24, 39]);
        if self.contrast(white) >= self.contrast(dark) {
            white
        } else {
            dark
        }
    }

    /// Mixes towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Color, t: f64) -> Color {
        let m = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
        Color([
            m(self.0[0], other.0[0]),
            m(self.0[1], other.0[1]),
            m(self.0[2], other.0[2]),
        ])
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "{s:?} is not a colour: expected #rrggbb or #rgb, e.g. \"#1f3a5f\""
            ))
        })
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    pub primary: Color,
    pub accent: Color,
    #[serde(default = "default_text")]
    pub text: Color,
    #[serde(default = "default_muted")]
    pub muted: Color,
    #[serde(default = "default_background")]
    pub background: Color,
    #[serde(default = "default_surface")]
    pub surface: Color,
    #[serde(default = "default_positive")]
    pub positive: Color,
    #[serde(default = "default_negative")]
    pub negative: Color,
    /// Chart series colours, in order; default: primary, accent and neutral tones.
    #[serde(default)]
    pub series: Vec<Color>,
}

fn default_text() -> Color {
    Color([27, 31, 36])
}
fn default_muted() -> Color {
    Color([87, 96, 106])
}
fn default_background() -> Color {
    Color([255, 255, 255])
}
fn default_surface() -> Color {
    Color([244, 246, 248])
}
fn default_positive() -> Color {
    Color([26, 127, 55])
}
fn default_negative() -> Color {
    Color([192, 41, 43])
}

/// One family: regular and bold files (TTF or OTF) relative to the brand folder.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FontFace {
    pub family: String,
    pub regular: PathBuf,
    #[serde(default)]
    pub bold: Option<PathBuf>,
    /// Embed in HTML reports (PDFs always embed a subset). Large CJK fonts set this to false
    /// and let the reader's system font show those characters.
    #[serde(default = "embed_default")]
    pub embed_in_html: bool,
}

fn embed_default() -> bool {
    true
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Body text; default: the built-in Noto Sans.
    #[serde(default)]
    pub body: Option<FontFace>,
    /// Headings; default: the body font.
    #[serde(default)]
    pub heading: Option<FontFace>,
    /// Tried in order for characters the body font lacks (Thai, Japanese, ...).
    #[serde(default)]
    pub fallback: Vec<FontFace>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverStyle {
    /// A coloured band across the top with the logo and title.
    #[default]
    Band,
    /// A full-page colour cover.
    Full,
    /// White page, a thin accent rule.
    Minimal,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    #[serde(default)]
    pub style: CoverStyle,
    /// Replaces the default title ("Monthly performance report").
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub tagline: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BrandFile {
    /// The name printed on reports (the agency's trading name).
    pub name: String,
    /// SVG, PNG or JPEG, relative to the brand folder.
    #[serde(default)]
    pub logo: Option<PathBuf>,
    /// A light variant for dark backgrounds (band and full covers); without it the logo is
    /// set on a white tile there.
    #[serde(default)]
    pub logo_on_dark: Option<PathBuf>,
    /// PNG or JPEG of the logo for PDFs when `logo` is an SVG (at least 4× its display size).
    #[serde(default)]
    pub print_logo: Option<PathBuf>,
    pub colors: Palette,
    #[serde(default)]
    pub fonts: Fonts,
    #[serde(default)]
    pub cover: Cover,
    /// Running header text (default: the brand name).
    #[serde(default)]
    pub header: Option<String>,
    /// Footer text, e.g. a confidentiality line.
    #[serde(default)]
    pub footer: Option<String>,
    /// Replaces the agency's contact block.
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub locale: Option<LocaleTag>,
    /// Default calendar of this brand's reports (a client may choose its own).
    #[serde(default)]
    pub calendar: Option<super::schema::Calendar>,
    #[serde(default)]
    pub page_size: PageSize,
    /// Replacement wording in every language: section ids (`ads`, `summary`, ...) or message
    /// keys (`report-title-month`) → text.
    #[serde(default)]
    pub wording: BTreeMap<String, String>,
    /// Replacement wording for one language, e.g. `th: {section-ads: โฆษณา}`; wins over `wording`.
    #[serde(default)]
    pub wording_by_locale: BTreeMap<String, BTreeMap<String, String>>,
}

/// A logo ready to embed.
#[derive(Debug, Clone)]
pub struct Logo {
    pub format: ImageFormat,
    pub bytes: Vec<u8>,
}

/// The image formats a logo may have: PDFs can embed only the raster ones.
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
    pub bytes: Vec<u8>,
    pub embed_in_html: bool,
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

/// The neutral brand built into the binary.
const DEFAULT_BRAND_YAML: &str = include_str!("../../../brands/default/brand.yaml");
const NOTO_SANS_REGULAR: &[u8] = include_bytes!("../../../brands/default/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../brands/default/fonts/NotoSans-Bold.ttf");

/// The family name of the built-in body font.
pub const DEFAULT_FAMILY: &str = "Noto Sans";

impl Brand {
    /// The built-in neutral brand.
    pub fn builtin_default() -> Brand {
        let file: BrandFile =
            serde_saphyr::from_str(DEFAULT_BRAND_YAML).expect("built-in brand parses");
        Brand {
            id: "default".into(),
            file,
            logo: None,
            logo_on_dark: None,
            print_logo: None,
            fonts: builtin_fonts(),
            templates: BTreeMap::new(),
            dir: None,
        }
    }

    /// Loads `id` from `brands_dir`, or the built-in default brand when `id` is `default` and
    /// the folder has no brand of that name.
    pub fn load(brands_dir: &Path, id: &str) -> Result<Brand, Vec<Problem>> {
        let dir = brands_dir.join(id);
        let path = dir.join("brand.yaml");
        if !path.is_file() {
            if id == "default" {
                return Ok(Self::builtin_default());
            }
            return Err(vec![Problem::at(
                &path,
                None,
                "brand",
                format!("brand {id:?} not found: expected {}", path.display()),
            )]);
        }
        let outside = |file: &Path, setting: &str| {
            super::containment::inside(brands_dir, file, setting).map_err(|e| e.to_string())
        };
        outside(&path, "brand")
            .map_err(|message| vec![Problem::at(&path, None, "brand", message)])?;
        let text = std::fs::read_to_string(&path).map_err(|e| {
            vec![Problem::at(
                &path,
                None,
                "brand",
                format!("cannot read the file: {e}"),
            )]
        })?;
        let file: BrandFile = serde_saphyr::from_str(&text)
            .map_err(|e| vec![super::yaml_problem(&path, &text, &e)])?;
        let mut problems = Vec::new();
        let c = &file.colors;
        for (field, fg, bg) in [
            ("colors.text", c.text, c.background),
            ("colors.muted", c.muted, c.background),
        ] {
            let ratio = fg.contrast(bg);
            if ratio < 4.5 {
                problems.push(Problem::at(
                    &path,
                    None,
                    field,
                    format!(
                        "{fg} on the background {bg} has a contrast of {ratio:.1}:1; \
                         readable text needs at least 4.5:1 (WCAG AA)"
                    ),
                ));
            }
        }
        let mut logo_at = |rel: &Option<PathBuf>, field: &str| match rel {
            Some(rel) => {
                match outside(&dir.join(rel), field).and_then(|()| load_logo(&dir.join(rel))) {
                    Ok(l) => Some(l),
                    Err(message) => {
                        problems.push(Problem::at(&path, None, field, message));
                        None
                    }
                }
            }
            None => None,
        };
        let logo = logo_at(&file.logo, "logo");
        let logo_on_dark = logo_at(&file.logo_on_dark, "logo_on_dark");
        let print_logo = logo_at(&file.print_logo, "print_logo");
        if print_logo
            .as_ref()
            .is_some_and(|l| l.format == ImageFormat::Svg)
        {
            problems.push(Problem::at(
                &path,
                None,
                "print_logo",
                "expected a PNG or JPEG file, found an SVG".into(),
            ));
        }
        let mut fonts = Vec::new();
        let faces = file
            .fonts
            .body
            .iter()
            .chain(&file.fonts.heading)
            .chain(&file.fonts.fallback);
        for (i, face) in faces.enumerate() {
            for (bold, rel) in [(false, Some(&face.regular)), (true, face.bold.as_ref())] {
                let Some(rel) = rel else { continue };
                let full = dir.join(rel);
                if let Err(message) = outside(&full, &format!("fonts[{i}]")) {
                    problems.push(Problem::at(&path, None, &format!("fonts[{i}]"), message));
                    continue;
                }
                match std::fs::read(&full) {
                    Ok(bytes) if ttf_parser::Face::parse(&bytes, 0).is_ok() => {
                        fonts.push(FontFile {
                            family: face.family.clone(),
                            bold,
                            bytes,
                            embed_in_html: face.embed_in_html,
                        })
                    }
                    Ok(_) => problems.push(Problem::at(
                        &path,
                        None,
                        &format!("fonts[{i}]"),
                        format!("{} is not a TrueType or OpenType font", full.display()),
                    )),
                    Err(e) => problems.push(Problem::at(
                        &path,
                        None,
                        &format!("fonts[{i}]"),
                        format!("cannot read font {}: {e}", full.display()),
                    )),
                }
            }
        }
        if file.fonts.body.is_none() {
            fonts.splice(0..0, builtin_fonts());
        }
        let mut templates = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(dir.join("templates")) {
            for entry in entries.flatten() {
                let p = entry.path();
                let name = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                if !(name.ends_with(".html") || name.ends_with(".txt")) {
                    continue;
                }
                if let Err(message) = outside(&p, "templates") {
                    problems.push(Problem::at(&p, None, "templates", message));
                    continue;
                }
                match std::fs::read_to_string(&p) {
                    Ok(t) => {
                        templates.insert(name, t);
                    }
                    Err(e) => problems.push(Problem::at(
                        &p,
                        None,
                        "templates",
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
        if problems.is_empty() {
            Ok(Brand {
                id: id.to_string(),
                file,
                logo,
                logo_on_dark,
                print_logo,
                fonts,
                templates,
                dir: Some(dir),
            })
        } else {
            Err(problems)
        }
    }

    /// The logo for PDFs: `print_logo`, else `logo` when it is a PNG or JPEG.
    pub fn pdf_logo(&self) -> Option<&[u8]> {
        self.print_logo
            .as_ref()
            .or(self.logo.as_ref().filter(|l| l.format != ImageFormat::Svg))
            .map(|l| l.bytes.as_slice())
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

fn builtin_fonts() -> Vec<FontFile> {
    vec![
        FontFile {
            family: DEFAULT_FAMILY.into(),
            bold: false,
            bytes: NOTO_SANS_REGULAR.to_vec(),
            embed_in_html: true,
        },
        FontFile {
            family: DEFAULT_FAMILY.into(),
            bold: true,
            bytes: NOTO_SANS_BOLD.to_vec(),
            embed_in_html: true,
        },
    ]
}

fn load_logo(path: &Path) -> Result<Logo, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read logo {}: {e}", path.display()))?;
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        ImageFormat::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        ImageFormat::Jpeg
    } else if std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")) {
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        if text.contains("<script") || text.contains("javascript:") {
            return Err(format!(
                "logo {} contains script; use a plain SVG",
                path.display()
            ));
        }
        ImageFormat::Svg
    } else {
        return Err(format!(
            "logo {} is not an SVG, PNG or JPEG file",
            path.display()
        ));
    };
    Ok(Logo { format, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_measure_contrast() {
        assert_eq!(Color::parse("#fff"), Some(Color([255, 255, 255])));
        assert_eq!(Color::parse("#1F3A5F").unwrap().hex(), "#1f3a5f");
        assert!(Color::parse("1f3a5f").is_none());
        assert!(Color::parse("#12345").is_none());
        assert!(Color::parse("#ggg").is_none());
        let black = Color([0, 0, 0]);
        let white = Color([255, 255, 255]);
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
        assert_eq!(Color::parse("#1f3a5f").unwrap().readable_text(), white);
        assert_eq!(
            Color::parse("#f2d541").unwrap().readable_text(),
            Color([17, 24, 39])
        );
    }

    #[test]
    fn the_builtin_brand_loads() {
        let b = Brand::builtin_default();
        assert_eq!(b.families(), vec![DEFAULT_FAMILY.to_string()]);
        assert!(b.file.colors.text.contrast(b.file.colors.background) >= 4.5);
    }
}
