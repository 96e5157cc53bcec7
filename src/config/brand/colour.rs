//! Colour arithmetic for brand palettes: parsing `#rrggbb`, WCAG contrast, readable text.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

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
}
