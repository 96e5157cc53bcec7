//! The brand's fonts for the PDF: glyph lookup along the fallback chain, shaping with
//! rustybuzz (so Thai marks and combining accents sit right), measuring and line breaking.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::shape_cache::ShapeCache;
use crate::config::brand::{Brand, FontBytes};
use crate::locale::breaks::{label_breaks, line_breaks};

self_cell::self_cell!(
    /// A font file and the shaper's view of it, owned together: a brand loaded again (by the
    /// preview, after a font changed) drops the old file with its kit.
    struct FontFace {
        owner: FontBytes,
        #[covariant]
        dependent: Face,
    }
);

type Face<'a> = rustybuzz::Face<'a>;

/// One font file of the brand.
pub struct BookFont {
    pub family: String,
    pub bold: bool,
    face: FontFace,
    /// Glyph id to a character the font maps to it, made on first use (for the text layer).
    chars_of_glyphs: OnceLock<HashMap<u16, char>>,
    /// The shaper's plans made so far, by direction and script: making one (the font's
    /// lookups for them) cost more than shaping a short line with it.
    plans: Mutex<Vec<Plan>>,
    units_per_em: f32,
    /// Ascender and descender in em units (descender negative).
    pub ascender: f32,
    pub descender: f32,
}

/// A shaping plan, with the direction and script it was made for.
type Plan = (
    rustybuzz::Direction,
    Option<rustybuzz::Script>,
    Arc<rustybuzz::ShapePlan>,
);

impl BookFont {
    /// The font's tables (glyph ids, advances).
    pub fn face(&self) -> &ttf_parser::Face<'_> {
        self.face.borrow_dependent()
    }

    fn shaper(&self) -> &rustybuzz::Face<'_> {
        self.face.borrow_dependent()
    }

    /// The shaper's plan for a buffer's direction and script (as `rustybuzz::shape` would
    /// make it: no language), made on first use.
    fn plan(
        &self,
        direction: rustybuzz::Direction,
        script: Option<rustybuzz::Script>,
    ) -> Arc<rustybuzz::ShapePlan> {
        let mut plans = self.plans.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((.., plan)) = plans.iter().find(|p| p.0 == direction && p.1 == script) {
            return plan.clone();
        }
        // Tabular figures keep numbers aligned in tiles and tables.
        let features = [rustybuzz::Feature::new(
            ttf_parser::Tag::from_bytes(b"tnum"),
            1,
            ..,
        )];
        let plan = Arc::new(rustybuzz::ShapePlan::new(
            self.shaper(),
            direction,
            script,
            None,
            &features,
        ));
        plans.push((direction, script, plan.clone()));
        plan
    }

    /// The font file.
    pub fn data(&self) -> &[u8] {
        self.face.borrow_owner()
    }

    /// A character the font's cmap maps to `glyph` (the lowest), if any.
    pub fn char_of_glyph(&self, glyph: u16) -> Option<char> {
        self.chars_of_glyphs
            .get_or_init(|| {
                let mut map = HashMap::new();
                let Some(cmap) = self.face().tables().cmap else {
                    return map;
                };
                for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                    subtable.codepoints(|code| {
                        if let (Some(c), Some(g)) =
                            (char::from_u32(code), subtable.glyph_index(code))
                        {
                            map.entry(g.0)
                                .and_modify(|e: &mut char| *e = (*e).min(c))
                                .or_insert(c);
                        }
                    });
                }
                map
            })
            .get(&glyph)
            .copied()
    }

    /// A glyph's advance as the PDF's `/W` gives it: thousandths of an em, truncated.
    pub fn pdf_width(&self, glyph: u16) -> i64 {
        self.face()
            .glyph_hor_advance(ttf_parser::GlyphId(glyph))
            .map_or(0, |a| (f32::from(a) * 1000.0 / self.units_per_em) as i64)
    }
}

/// Paragraphs up to this many bytes are first measured whole in [`FontBook::wrap`].
const SHORT: usize = 240;

/// The brand's fonts in fallback order.
pub struct FontBook {
    pub fonts: Vec<BookFont>,
    /// Lines shaped for earlier reports of the kit.
    cache: Mutex<ShapeCache<Vec<ShapedRun>>>,
}

/// A glyph placed by the shaper, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset in the run's text of the character(s) this glyph shows.
    pub cluster: u32,
}

/// A piece of text in one font, shaped.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedRun {
    pub font: usize,
    pub size: f32,
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width: f32,
    /// Slanted when drawn: the brand's fonts have no italic, so emphasis is set oblique.
    pub oblique: bool,
    /// Shaped right to left (Arabic): its glyphs are in visual order, its text in logical order.
    pub rtl: bool,
}

/// A character that no font of the brand can draw.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("no font has a glyph for {ch:?} (U+{code:04X}) in {text:?}; fonts tried: {tried}")]
pub struct MissingGlyph {
    pub ch: char,
    pub code: u32,
    pub text: String,
    pub tried: String,
}

impl FontBook {
    pub fn from_brand(brand: &Brand) -> Result<Self, String> {
        let mut fonts = Vec::new();
        for f in &brand.fonts {
            let face = FontFace::try_new(f.bytes.clone(), |data| {
                rustybuzz::Face::from_slice(data, 0)
                    .ok_or_else(|| format!("font {} cannot be read", f.family))
            })?;
            let metrics = face.borrow_dependent();
            let upem = metrics.units_per_em() as f32;
            let (ascender, descender) = (metrics.ascender(), metrics.descender());
            fonts.push(BookFont {
                family: f.family.clone(),
                bold: f.bold,
                ascender: ascender as f32 / upem,
                descender: descender as f32 / upem,
                units_per_em: upem,
                face,
                chars_of_glyphs: OnceLock::new(),
                plans: Mutex::default(),
            });
        }
        if fonts.is_empty() {
            return Err("the brand has no fonts".into());
        }
        Ok(FontBook {
            fonts,
            cache: Mutex::default(),
        })
    }

    /// Fonts to try for a weight: per family in order, the matching weight, else the other.
    fn chain(&self, bold: bool) -> Vec<usize> {
        let mut families: Vec<&str> = Vec::new();
        for f in &self.fonts {
            if !families.contains(&f.family.as_str()) {
                families.push(&f.family);
            }
        }
        let mut out = Vec::new();
        for family in families {
            let of_family = |b: bool| {
                self.fonts
                    .iter()
                    .position(|f| f.family == family && f.bold == b)
            };
            if let Some(i) = of_family(bold).or_else(|| of_family(!bold)) {
                out.push(i);
            }
        }
        out
    }

    fn has_glyph(&self, font: usize, c: char) -> bool {
        self.fonts[font].face().glyph_index(c).is_some()
    }

    /// Shapes one line of `text` in a left-to-right paragraph (see [`FontBook::shape_line`]).
    pub fn shape(&self, text: &str, size: f32, bold: bool) -> Result<Vec<ShapedRun>, MissingGlyph> {
        self.shape_line(text, size, bold, false)
    }

    /// Shapes one line of `text` into runs in visual order, left to right: the Unicode bidi
    /// algorithm orders the line's directional runs (base direction right to left when `rtl`),
    /// then each run is shaped in its direction, in the first font of the chain that has its
    /// characters.
    pub fn shape_line(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        rtl: bool,
    ) -> Result<Vec<ShapedRun>, MissingGlyph> {
        self.with_shaped(text, size, bold, rtl, <[ShapedRun]>::to_vec)
    }

    /// `f` of the line's runs, shaped once per kit: a measure needs only their widths, not
    /// a copy of every glyph.
    fn with_shaped<T>(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        rtl: bool,
        f: impl Fn(&[ShapedRun]) -> T,
    ) -> Result<T, MissingGlyph> {
        let style = ((size * 100.0).round() as u32, bold, rtl);
        let kept = self
            .cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_with(text, style, |runs| f(runs));
        if let Some(out) = kept {
            return Ok(out);
        }
        let runs = self.shape_bidi(text, size, bold, rtl)?;
        let out = f(&runs);
        self.cache
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(text, style, runs);
        Ok(out)
    }

    /// The bidi step before shaping: the line's level runs in visual order, each shaped alone.
    fn shape_bidi(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        rtl: bool,
    ) -> Result<Vec<ShapedRun>, MissingGlyph> {
        if !rtl && !text.chars().any(is_right_to_left) {
            return self.shape_uncached(text, size, bold, false);
        }
        let base = if rtl {
            unicode_bidi::Level::rtl()
        } else {
            unicode_bidi::Level::ltr()
        };
        let info = unicode_bidi::BidiInfo::new(text, Some(base));
        let mut out = Vec::new();
        for para in &info.paragraphs {
            let (levels, runs) = info.visual_runs(para, para.range.clone());
            for range in runs {
                let run_rtl = levels[range.start].is_rtl();
                let piece: String = text[range]
                    .chars()
                    .filter(|&c| !is_bidi_control(c))
                    .collect();
                if piece.is_empty() {
                    continue;
                }
                let mut shaped = self.shape_uncached(&piece, size, bold, run_rtl)?;
                if run_rtl {
                    // Font segments come in logical order; right to left they are drawn last first.
                    shaped.reverse();
                }
                out.extend(shaped);
            }
        }
        Ok(out)
    }

    fn shape_uncached(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        rtl: bool,
    ) -> Result<Vec<ShapedRun>, MissingGlyph> {
        let chain = self.chain(bold);
        let faces: Vec<&rustybuzz::Face> = chain.iter().map(|&i| self.fonts[i].shaper()).collect();
        // Split into segments of one font. Marks, joiners and spaces stay with what precedes.
        let mut segments: Vec<(usize, usize, usize)> = Vec::new(); // (chain index, start, end)
        for (at, c) in text.char_indices() {
            let sticky = c.is_whitespace()
                || is_mark(c)
                || matches!(c, '\u{200b}'..='\u{200d}' | '\u{fe0f}');
            let current = segments.last().map(|s| s.0);
            let pick = match current {
                Some(cur) if sticky || faces[cur].glyph_index(c).is_some() => cur,
                _ => match faces.iter().position(|f| f.glyph_index(c).is_some()) {
                    Some(i) => i,
                    None if c.is_whitespace() || c.is_control() => current.unwrap_or(0),
                    None => {
                        return Err(MissingGlyph {
                            ch: c,
                            code: c as u32,
                            text: text.to_string(),
                            tried: chain
                                .iter()
                                .map(|&i| self.fonts[i].family.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        });
                    }
                },
            };
            match segments.last_mut() {
                Some(s) if s.0 == pick => s.2 = at + c.len_utf8(),
                _ => segments.push((pick, at, at + c.len_utf8())),
            }
        }
        Ok(segments
            .into_iter()
            .map(|(ci, start, end)| self.shape_run(chain[ci], &text[start..end], size, rtl))
            .collect())
    }

    fn shape_run(&self, font: usize, text: &str, size: f32, rtl: bool) -> ShapedRun {
        let f = &self.fonts[font];
        let face = f.shaper();
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        // After guessing, a buffer's script is one found in its text, or none (`UNKNOWN`).
        let script = Some(buffer.script()).filter(|&s| s != rustybuzz::script::UNKNOWN);
        let plan = f.plan(buffer.direction(), script);
        let output = rustybuzz::shape_with_plan(face, &plan, buffer);
        let scale = size / f.units_per_em;
        let glyphs: Vec<Glyph> = output
            .glyph_infos()
            .iter()
            .zip(output.glyph_positions())
            .map(|(info, pos)| Glyph {
                id: info.glyph_id as u16,
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: pos.y_offset as f32 * scale,
                cluster: info.cluster,
            })
            .collect();
        ShapedRun {
            font,
            size,
            text: text.to_string(),
            width: glyphs.iter().map(|g| g.advance).sum(),
            glyphs,
            oblique: false,
            rtl,
        }
    }

    /// The advance width of `text` in points.
    pub fn measure(&self, text: &str, size: f32, bold: bool) -> Result<f32, MissingGlyph> {
        self.with_shaped(text, size, bold, false, |runs| {
            runs.iter().map(|r| r.width).sum()
        })
    }

    /// Line height factors (ascender, descender) of the body font.
    pub fn metrics(&self) -> (f32, f32) {
        (self.fonts[0].ascender, self.fonts[0].descender)
    }

    /// Whether any font of the book covers `c`.
    pub fn covers(&self, c: char) -> bool {
        (0..self.fonts.len()).any(|i| self.has_glyph(i, c))
    }

    /// Breaks `text` into lines no wider than `width` at legal break points: UAX #14 with
    /// dictionary word breaks for Thai and the strict (kinsoku) rules for Japanese. A word
    /// longer than a line is broken between characters.
    pub fn wrap(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        width: f32,
    ) -> Result<Vec<String>, MissingGlyph> {
        let mut lines: Vec<String> = Vec::new();
        for paragraph in text.split('\n') {
            // Most labels and cells fit: one cached shaping, no line breaking (Thai and
            // Japanese breaks are looked up in dictionaries).
            if paragraph.len() <= SHORT && self.measure(paragraph.trim_end(), size, bold)? <= width
            {
                lines.push(paragraph.trim_end().to_string());
                continue;
            }
            let mut line = String::new();
            // The line's width as the sum of its pieces shaped alone (each cached): a line
            // is shaped whole only when that sum is near `width`, not once per word.
            let mut estimate = 0.0;
            let mut start = 0;
            for end in line_breaks(paragraph) {
                let piece = &paragraph[start..end];
                start = end;
                let guess = estimate + self.measure(piece.trim_end(), size, bold)?;
                // Shaped alone, a piece may differ from the same piece in its line by kerning
                // at its edges or a fallback font kept from what precedes it.
                let slack = 0.25 * size + 0.04 * guess;
                // Whether the piece fits after what the line holds (an empty line takes it
                // whatever its width, and may then have to break it).
                let fits_after = !line.is_empty()
                    && (guess + slack < width
                        || (guess - slack <= width
                            && self.measure(format!("{line}{piece}").trim_end(), size, bold)?
                                <= width));
                if fits_after || line.is_empty() {
                    line.push_str(piece);
                    estimate += self.measure(piece, size, bold)?;
                } else {
                    lines.push(line.trim_end().to_string());
                    line = piece.to_string();
                    estimate = self.measure(piece, size, bold)?;
                }
                // A single piece wider than the line: break it between characters.
                while !fits_after
                    && self.measure(line.trim_end(), size, bold)? > width
                    && line.chars().count() > 1
                {
                    let (cut, rest) = self.split_to_fit(&line, size, bold, width)?;
                    lines.push(cut);
                    line = rest;
                    // What is left of the piece starts the line: measured whole.
                    estimate = self.measure(&line, size, bold)?;
                }
            }
            lines.push(line.trim_end().to_string());
        }
        Ok(lines)
    }

    /// A short label (a table header, a tile's label) on as few lines as it needs, broken
    /// only where a line may break AND a word ends (so Japanese katakana words and Thai words
    /// stay whole: サイト／コンバージョン, not サイトコンバー／ジョン), with the lines as even as
    /// possible (อัตราการ／มีส่วนร่วม rather than อัตราการมีส่วน／ร่วม). Only a single word
    /// wider than `width` is broken between characters.
    pub fn wrap_label(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        width: f32,
    ) -> Result<Vec<String>, MissingGlyph> {
        if self.measure(text, size, bold)? <= width || text.contains('\n') {
            return self.wrap(text, size, bold, width);
        }
        let cuts = label_breaks(text);
        if let Some(lines) = self.even_lines(text, &cuts, size, bold, width)? {
            return Ok(lines);
        }
        // A word wider than the line: the only case broken between characters.
        let mut lines = Vec::new();
        let mut start = 0;
        for end in self.even_lines_ends(text, &cuts, size, bold, f32::INFINITY)? {
            let mut line = text[start..end].trim().to_string();
            while self.measure(&line, size, bold)? > width && line.chars().count() > 1 {
                let (cut, rest) = self.split_to_fit(&line, size, bold, width)?;
                lines.push(cut);
                line = rest;
            }
            lines.push(line);
            start = end;
        }
        Ok(lines)
    }

    /// The width of the widest piece of `text` that [`Self::wrap_label`] keeps whole: what a
    /// column must give a header for no word to be broken.
    pub fn widest_word(&self, text: &str, size: f32, bold: bool) -> Result<f32, MissingGlyph> {
        let mut start = 0;
        let mut widest: f32 = 0.0;
        for end in label_breaks(text) {
            widest = widest.max(self.measure(text[start..end].trim(), size, bold)?);
            start = end;
        }
        Ok(widest)
    }

    /// `text` cut at some of `cuts` (byte offsets, the end included) into the fewest lines no
    /// wider than `width`, the widest as narrow as possible; `None` when a piece between two
    /// cuts is wider than `width`.
    fn even_lines(
        &self,
        text: &str,
        cuts: &[usize],
        size: f32,
        bold: bool,
        width: f32,
    ) -> Result<Option<Vec<String>>, MissingGlyph> {
        let ends = self.even_lines_ends(text, cuts, size, bold, width)?;
        if ends.is_empty() {
            return Ok(None);
        }
        let mut start = 0;
        Ok(Some(
            ends.into_iter()
                .map(|end| {
                    let line = text[start..end].trim().to_string();
                    start = end;
                    line
                })
                .collect(),
        ))
    }

    /// The line ends of [`Self::even_lines`], or none.
    fn even_lines_ends(
        &self,
        text: &str,
        cuts: &[usize],
        size: f32,
        bold: bool,
        width: f32,
    ) -> Result<Vec<usize>, MissingGlyph> {
        let mut points = vec![0];
        points.extend(cuts.iter().copied().filter(|&c| c > 0));
        if points.last() != Some(&text.len()) {
            points.push(text.len());
        }
        let n = points.len() - 1;
        // best[i]: the best split of text[points[i]..] as (lines, widest, line ends).
        let mut best: Vec<Option<(usize, f32, Vec<usize>)>> = vec![None; n + 1];
        best[n] = Some((0, 0.0, Vec::new()));
        for i in (0..n).rev() {
            for j in i + 1..=n {
                let w = self.measure(text[points[i]..points[j]].trim(), size, bold)?;
                if w > width {
                    break;
                }
                let Some((count, widest, rest)) = best[j].clone() else {
                    continue;
                };
                let candidate = (count + 1, widest.max(w));
                if best[i]
                    .as_ref()
                    .is_none_or(|(c, wd, _)| candidate < (*c, *wd))
                {
                    let mut ends = vec![points[j]];
                    ends.extend(rest);
                    best[i] = Some((candidate.0, candidate.1, ends));
                }
            }
        }
        Ok(best[0].take().map(|b| b.2).unwrap_or_default())
    }

    /// The longest start of `line` (one character at least) that fits `width`, and the rest.
    fn split_to_fit(
        &self,
        line: &str,
        size: f32,
        bold: bool,
        width: f32,
    ) -> Result<(String, String), MissingGlyph> {
        let mut cut = String::new();
        for c in line.chars() {
            if !cut.is_empty()
                && (is_mark(c) || self.measure(&format!("{cut}{c}"), size, bold)? > width)
            {
                if is_mark(c) {
                    cut.push(c);
                    continue;
                }
                break;
            }
            cut.push(c);
        }
        let rest = line[cut.len()..].to_string();
        Ok((cut, rest))
    }

    /// The largest size from `size` down to `floor` (in steps of 0.25 pt) at which `text` fits
    /// `width` on one line, or `floor`.
    pub fn fitting_size(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        width: f32,
        floor: f32,
    ) -> Result<f32, MissingGlyph> {
        let natural = self.measure(text, size, bold)?;
        if natural <= width {
            return Ok(size);
        }
        let mut s = (size * width / natural * 4.0).floor() / 4.0;
        while s > floor && self.measure(text, s, bold)? > width {
            s -= 0.25;
        }
        Ok(s.max(floor))
    }
}

/// Combining marks, including Thai vowel and tone marks above and below the consonant and
/// Arabic harakat.
pub fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x3099..=0x309A | 0x20D0..=0x20FF)
}

/// Letters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms) and the marks that make a line need the bidi algorithm.
fn is_right_to_left(c: char) -> bool {
    matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x200F | 0x202B | 0x202E | 0x2067)
}

/// Directional marks, embeddings and isolates: they steer the bidi algorithm and are not drawn.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::brand::Brand;

    fn book() -> FontBook {
        FontBook::from_brand(&Brand::builtin_default()).unwrap()
    }

    /// Shaping with a font's kept plans gives what shaping from scratch gives, in every
    /// shipped script and in text of no script (digits, punctuation), both directions; a
    /// plan is made once per direction and script.
    #[test]
    fn kept_plans_shape_as_fresh_ones() {
        let b = book();
        let texts = [
            "Sessions 7,620 (+12.2 %)",
            "2026-10-31",
            "— · %",
            "زيارات الموقع ٧٬٦٢٠",
            "การเข้าชมเว็บไซต์",
            "ウェブサイトの訪問数",
            "Ziyaretçi sayısı",
            "مرحبا 12",
        ];
        for text in texts {
            for rtl in [false, true] {
                for run in b.shape_uncached(text, 9.0, false, rtl).unwrap() {
                    let face = b.fonts[run.font].shaper();
                    let mut buffer = rustybuzz::UnicodeBuffer::new();
                    buffer.push_str(&run.text);
                    buffer.guess_segment_properties();
                    buffer.set_direction(if rtl {
                        rustybuzz::Direction::RightToLeft
                    } else {
                        rustybuzz::Direction::LeftToRight
                    });
                    let tnum = ttf_parser::Tag::from_bytes(b"tnum");
                    let fresh =
                        rustybuzz::shape(face, &[rustybuzz::Feature::new(tnum, 1, ..)], buffer);
                    let ids: Vec<(u32, u32, i32)> = fresh
                        .glyph_infos()
                        .iter()
                        .zip(fresh.glyph_positions())
                        .map(|(i, p)| (i.glyph_id, i.cluster, p.x_advance))
                        .collect();
                    let kept: Vec<(u32, u32, i32)> = run
                        .glyphs
                        .iter()
                        .map(|g| {
                            let units = g.advance * b.fonts[run.font].units_per_em / 9.0;
                            (u32::from(g.id), g.cluster, units.round() as i32)
                        })
                        .collect();
                    assert_eq!(kept, ids, "{text:?} rtl {rtl}");
                }
            }
        }
        let plans: usize = b.fonts.iter().map(|f| f.plans.lock().unwrap().len()).sum();
        let kinds: std::collections::HashSet<(usize, bool, Option<rustybuzz::Script>)> = b
            .fonts
            .iter()
            .enumerate()
            .flat_map(|(i, f)| {
                f.plans
                    .lock()
                    .unwrap()
                    .iter()
                    .map(move |p| (i, p.0 == rustybuzz::Direction::RightToLeft, p.1))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            plans,
            kinds.len(),
            "one plan per font, direction and script"
        );
    }

    /// `wrap` shapes a whole line only near the limit (see there): it must break exactly
    /// where shaping every candidate line would, in every script and at every width.
    #[test]
    fn wrap_breaks_where_shaping_each_candidate_would() {
        let b = book();
        let reference = |text: &str, size: f32, width: f32| -> Vec<String> {
            let mut lines = Vec::new();
            let mut line = String::new();
            let mut start = 0;
            for end in line_breaks(text) {
                let piece = &text[start..end];
                start = end;
                let candidate = format!("{line}{piece}");
                if b.measure(candidate.trim_end(), size, false).unwrap() <= width || line.is_empty()
                {
                    line = candidate;
                } else {
                    lines.push(line.trim_end().to_string());
                    line = piece.to_string();
                }
                while b.measure(line.trim_end(), size, false).unwrap() > width
                    && line.chars().count() > 1
                {
                    let (cut, rest) = b.split_to_fit(&line, size, false, width).unwrap();
                    lines.push(cut);
                    line = rest;
                }
            }
            lines.push(line.trim_end().to_string());
            lines
        };
        let texts = [
            "AVATAR To Wa Ty, LTA: \"Yo\" — V.A.T. 1,234.56 vs 7,890 (+12.3 %) AWAY Tv.",
            "ยอดเข้าชม 14,508 ครั้ง เพิ่มขึ้น 16.3% เทียบกับเดือนกันยายน 2569 ที่ผ่านมา",
            "セッション数は2026年10月に7,620件となり、前月比12.2％増加しました。",
            "ارتفعت الجلسات إلى 7,620 في أكتوبر 2026، بزيادة 12.2٪ عن سبتمبر.",
            "Website-conversion-rate supercalifragilistic https://example.com/a/very/long/path",
        ];
        for text in texts {
            for size in [7.5, 10.0, 13.0] {
                // Widths across the range, and just at and under the whole text's (where
                // `wrap` keeps a paragraph that fits whole without breaking it).
                let whole = b.measure(text, size, false).unwrap();
                let widths = (30..420).step_by(7).map(|w| w as f32);
                for width in widths.chain([whole, whole - 0.01]) {
                    assert_eq!(
                        b.wrap(text, size, false, width).unwrap(),
                        reference(text, size, width),
                        "{text:?} at {size} pt in {width} pt"
                    );
                }
            }
        }
    }

    #[test]
    fn measures_and_wraps_latin_text() {
        let b = book();
        let w = b.measure("Sessions", 10.0, false).unwrap();
        assert!(w > 30.0 && w < 50.0, "{w}");
        assert!(
            b.measure("Sessions", 10.0, true).unwrap() > w,
            "bold is wider"
        );
        let lines = b.wrap("Sum of daily unique counts: someone active on several days is counted once per day.", 10.0, false, 150.0).unwrap();
        assert!(lines.len() >= 3, "{lines:?}");
        for l in &lines {
            assert!(b.measure(l, 10.0, false).unwrap() <= 150.0, "{l}");
        }
        assert_eq!(
            lines.join(" "),
            "Sum of daily unique counts: someone active on several days is counted once per day."
        );
    }

    #[test]
    fn thai_breaks_between_words_and_japanese_keeps_kinsoku() {
        let b = book();
        // Break points only.
        let breaks = |s: &str| -> Vec<usize> {
            icu_segmenter::LineSegmenter::new_dictionary(Default::default())
                .segment_str(s)
                .filter(|&at| at > 0 && at < s.len())
                .collect()
        };
        let thai = "รายงานผู้บริหารประจำเดือน";
        let pieces: Vec<&str> = {
            let mut last = 0;
            let mut v: Vec<&str> = breaks(thai)
                .into_iter()
                .map(|at| {
                    let p = &thai[last..at];
                    last = at;
                    p
                })
                .collect();
            v.push(&thai[last..]);
            v
        };
        assert_eq!(pieces, ["รายงาน", "ผู้", "บริหาร", "ประจำ", "เดือน"]);
        // No break before the small kana ょ or the closing bracket.
        let ja = "東京（とうきょう）です。";
        for at in breaks(ja) {
            let next = ja[at..].chars().next().unwrap();
            assert!(!"ょ）。".contains(next), "break before {next:?}");
        }
        drop(b);
    }

    #[test]
    fn mixed_bidi_lines_shape_in_visual_order_without_panicking() {
        let b = book();
        // Arabic with a Latin name and a number, in a right-to-left line: the Latin run and
        // its number are drawn left of the Arabic, which is shaped right to left.
        let runs = b.shape_line("حملة Sale 2026", 10.0, false, true).unwrap();
        assert_eq!(runs.first().unwrap().text, "Sale 2026", "{runs:?}");
        let last = runs.last().unwrap();
        assert!(last.rtl && last.text.starts_with("حملة"), "{runs:?}");
        // In a left-to-right line the Arabic word comes after the Latin one.
        let runs = b.shape_line("Sale حملة 50%", 10.0, true, false).unwrap();
        assert!(runs[0].text.starts_with("Sale") && !runs[0].rtl, "{runs:?}");
        assert!(runs.iter().any(|r| r.rtl), "{runs:?}");
        // Hebrew (no font has it), bidi controls and lone marks: an error or runs, never a panic.
        for text in [
            "عرض \u{2067}שלום 20%\u{2069} Sale",
            "\u{200f}\u{2066}\u{064e}",
            "٣٪ ‏-5 (abc) [حملة]",
        ] {
            for rtl in [false, true] {
                let _ = b.shape_line(text, 9.0, false, rtl);
            }
        }
    }

    #[test]
    fn labels_break_between_words_with_even_lines() {
        let b = FontBook::from_brand(&Brand::builtin_default()).unwrap();
        let cases = [
            ("サイトコンバージョン率", "サイトコンバージョン|率"),
            ("エンゲージメント率", "エンゲージメント|率"),
            ("อัตราการมีส่วนร่วม", "อัตราการ|มีส่วนร่วม"),
        ];
        for (label, want) in cases {
            // Room for the widest wanted line and a little more, less than the whole label.
            let widest = want
                .split('|')
                .map(|l| b.measure(l, 7.5, true).unwrap())
                .fold(0.0, f32::max);
            let room = (widest + 4.0).min(b.measure(label, 7.5, true).unwrap() - 1.0);
            let lines = b.wrap_label(label, 7.5, true, room).unwrap();
            assert_eq!(lines.join("|"), want, "{label}");
        }
        // A katakana run is one word, for widths too.
        let word = b.measure("サイトコンバージョン", 7.5, true).unwrap();
        assert_eq!(
            b.widest_word("サイトコンバージョン率", 7.5, true).unwrap(),
            word
        );
    }

    #[test]
    fn japanese_is_bold_in_the_builtin_face_and_rare_kanji_fall_back() {
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/brands");
        let sakura = FontBook::from_brand(&Brand::load(&samples, "sakura").unwrap()).unwrap();
        let face_of = |text: &str, bold: bool| -> Vec<(String, bool)> {
            sakura
                .shape(text, 10.0, bold)
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        sakura.fonts[r.font].family.clone(),
                        sakura.fonts[r.font].bold,
                    )
                })
                .collect()
        };
        let cjk = crate::config::brand::CJK_JP_FAMILY.to_string();
        assert_eq!(face_of("月次レポート", true), [(cjk.clone(), true)]);
        assert_eq!(face_of("￥644,580", true)[0], (cjk.clone(), true));
        // 鷗 is not in the JIS X 0208 subset: IPAex Gothic draws it (and what follows, as a
        // run stays in its font while that font has the characters).
        assert_eq!(
            face_of("森鷗外", false),
            [(cjk, false), ("IPAexGothic".to_string(), false)]
        );
        // Without a brand font for it, a missing kanji is an error that names it.
        assert_eq!(book().shape("森鷗外", 10.0, false).unwrap_err().ch, '鷗');
    }

    #[test]
    fn tabular_figures_have_equal_widths() {
        let b = book();
        let a = b.measure("111", 10.0, false).unwrap();
        let z = b.measure("888", 10.0, false).unwrap();
        assert!((a - z).abs() < 0.01, "{a} vs {z}");
    }

    #[test]
    fn a_missing_glyph_names_the_text_and_fonts() {
        let err = book().shape("ქართული", 10.0, false).unwrap_err();
        assert_eq!(err.code, 0x10E5);
        assert!(err.to_string().contains("Noto Sans"), "{err}");
        assert!(err.to_string().contains("ქართული"), "{err}");
    }
}
