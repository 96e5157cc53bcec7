//! The shape of `brand.yaml`: palette, fonts, cover and wording. Every table refuses unknown
//! keys, so a typo is an error rather than a silently ignored setting.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Color;
use crate::config::Located;
use crate::config::schema::Contact;
pub use crate::config::schema::PageSize;
use crate::config::values::LocaleTag;
use crate::period::PeriodKind;

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
    pub regular: Located<PathBuf>,
    #[serde(default)]
    pub bold: Option<Located<PathBuf>>,
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
    /// Replaces the localized title ("Monthly performance report"): one for every cadence,
    /// or one per cadence (`{month: ..., week: ...}`), the others keeping the localized one.
    #[serde(default)]
    pub title: Option<CoverTitle>,
    /// A line under the client's name on the cover ("Growth you can measure").
    #[serde(default)]
    pub tagline: Option<String>,
}

/// A brand's cover title: one text for every report, or one per cadence, so that a monthly
/// title never heads a weekly or quarterly report.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum CoverTitle {
    Every(String),
    ByCadence(CoverTitles),
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoverTitles {
    #[serde(default)]
    pub week: Option<String>,
    #[serde(default)]
    pub month: Option<String>,
    #[serde(default)]
    pub quarter: Option<String>,
    #[serde(default)]
    pub custom: Option<String>,
}

impl CoverTitle {
    /// The title of a report of `kind`, if the brand sets one (a month to date is a month).
    pub fn for_kind(&self, kind: PeriodKind) -> Option<&str> {
        match self {
            CoverTitle::Every(title) => Some(title),
            CoverTitle::ByCadence(t) => match kind {
                PeriodKind::Week => t.week.as_deref(),
                PeriodKind::Month | PeriodKind::MonthToDate => t.month.as_deref(),
                PeriodKind::Quarter => t.quarter.as_deref(),
                PeriodKind::Custom => t.custom.as_deref(),
            },
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BrandFile {
    /// The name printed on reports (the agency's trading name).
    pub name: String,
    /// SVG, PNG or JPEG, relative to the brand folder.
    #[serde(default)]
    pub logo: Option<Located<PathBuf>>,
    /// A light variant for dark backgrounds (band and full covers); without it the logo is
    /// set on a white tile there.
    #[serde(default)]
    pub logo_on_dark: Option<Located<PathBuf>>,
    /// PNG or JPEG of the logo for PDFs when `logo` is an SVG (at least 4× its display size).
    #[serde(default)]
    pub print_logo: Option<Located<PathBuf>>,
    pub colors: Located<Palette>,
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
    pub calendar: Option<crate::config::schema::Calendar>,
    /// Paper for clients whose locale names no region paper can be told from (`en`, `es`,
    /// `fr`); others get their region's.
    #[serde(default)]
    pub page_size: Option<PageSize>,
    /// Replacement wording in every language: section ids (`ads`, `summary`, ...) or message
    /// keys (`report-title-month`) → text.
    #[serde(default)]
    pub wording: BTreeMap<String, String>,
    /// Replacement wording for one language, e.g. `th: {section-ads: โฆษณา}`; wins over `wording`.
    #[serde(default)]
    pub wording_by_locale: BTreeMap<String, BTreeMap<String, String>>,
}
