//! Colours for drawing: the theme's `#rrggbb` strings parsed once, before layout, so a bad
//! colour is an error instead of black on the page.

use super::PdfError;
use crate::config::brand::Color;
use crate::render::view::Theme;

/// A colour as 0–1 RGB, the form PDF operators take.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub [f32; 3]);

impl Rgb {
    pub const WHITE: Rgb = Rgb([1.0, 1.0, 1.0]);

    /// Reads `#rrggbb` or `#rgb`; `what` names the colour in the error.
    pub fn parse(hex: &str, what: impl FnOnce() -> String) -> Result<Self, PdfError> {
        Color::parse(hex)
            .map(Rgb::from)
            .ok_or_else(|| PdfError::BadColor {
                what: what(),
                value: hex.to_string(),
            })
    }
}

impl From<Color> for Rgb {
    fn from(c: Color) -> Self {
        Rgb([
            c.0[0] as f32 / 255.0,
            c.0[1] as f32 / 255.0,
            c.0[2] as f32 / 255.0,
        ])
    }
}

/// The theme colours the PDF draws with (charts bring their own, see `Layout::chart_items`).
pub struct Palette {
    pub primary: Rgb,
    pub accent: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub surface: Rgb,
    pub positive: Rgb,
    pub negative: Rgb,
    pub on_primary: Rgb,
    pub grid: Rgb,
}

impl Palette {
    pub fn from_theme(t: &Theme) -> Result<Self, PdfError> {
        let read = |hex: &str, name: &str| Rgb::parse(hex, || format!("the theme's {name}"));
        Ok(Palette {
            primary: read(&t.primary, "primary")?,
            accent: read(&t.accent, "accent")?,
            text: read(&t.text, "text")?,
            muted: read(&t.muted, "muted")?,
            surface: read(&t.surface, "surface")?,
            positive: read(&t.positive, "positive")?,
            negative: read(&t.negative, "negative")?,
            on_primary: read(&t.on_primary, "on_primary")?,
            grid: read(&t.grid, "grid")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_colour_is_an_error_not_black() {
        assert_eq!(
            Rgb::parse("#fff", String::new).unwrap(),
            Rgb([1.0, 1.0, 1.0])
        );
        let err = Rgb::parse("navy", || "the theme's text".into()).unwrap_err();
        assert!(err.to_string().contains("\"navy\""), "{err}");
    }
}
