//! The PDF's text layer: what readers extract, search, copy and speak for shaped glyphs.
//!
//! A font's ToUnicode map gives each glyph id ONE text for the whole document, but shaping is
//! not one glyph per character: Thai SARA AM (U+0E33) is drawn as two glyphs, tone marks take
//! a shifted variant glyph, ligatures draw two characters with one glyph, and a mark raised by
//! the shaper sits on a different baseline, where extractors see a separate line. So each
//! glyph gets one document-wide text (the character it stands for where that is clear, else
//! what it first showed), and a run with any cluster that is not one glyph spelling its
//! characters on the baseline gets its text as `/ActualText` (PDF 32000-1 §14.9.4) on the
//! marked content that draws it: readers then take the run's characters as written.

use std::borrow::Cow;

use super::content::{ContentStream, utf16_literal};
use super::embed::Embedded;
use super::fonts::{BookFont, Glyph, ShapedRun};
use crate::FastMap;

/// The text each glyph id of each font stands for, fixed at its first use in the document.
#[derive(Default)]
pub struct TextLayer {
    /// Looked up for every glyph drawn.
    texts: FastMap<(usize, u16), String>,
    /// Where a reader's pen is in the open text object, after the last glyphs shown.
    pen: Option<Pen>,
}

/// A reader's text position: x in points (as the reader computes it from `/W` and the
/// adjustments written), the baseline, and whether the text matrix is slanted.
#[derive(Clone, Copy)]
struct Pen {
    x: f64,
    y: f32,
    oblique: bool,
}

/// Consecutive glyphs of a run that show one cluster of characters.
struct Cluster<'a> {
    glyphs: std::ops::Range<usize>,
    text: &'a str,
}

impl TextLayer {
    /// A text object (`BT`) begins: its first glyphs need a text matrix.
    pub fn begin_text(&mut self) {
        self.pen = None;
    }

    /// The text glyph `glyph` of font `font` stands for in this document.
    pub fn text(&self, font: usize, glyph: u16) -> Option<&str> {
        self.texts.get(&(font, glyph)).map(String::as_str)
    }

    /// What readers should take for `run` instead of its glyphs' texts: its text, when any
    /// cluster is not one glyph spelling its characters on the baseline (one span per cluster
    /// made a Thai report's content a fifth larger), or when it runs right to left (glyphs
    /// come in visual order, and poppler reverses a right-to-left span it reads as visual, so
    /// the text is given in drawn order and readers get it logical). Fixes the text of each
    /// glyph new to the document on the way.
    pub fn actual_text<'r>(&mut self, run: &'r ShapedRun, font: &BookFont) -> Option<Cow<'r, str>> {
        if run.glyphs.is_empty() {
            return None;
        }
        let mut all_plain = true;
        for cluster in &clusters(run) {
            let glyph = run.glyphs[cluster.glyphs.start];
            let mut chars = cluster.text.chars();
            let one_for_one = (cluster.glyphs.len(), chars.next(), chars.next());
            if let (1, Some(_), None) = one_for_one
                && let Some(fixed) = self.texts.get(&(run.font, glyph.id))
            {
                // A glyph seen before: its text is fixed whichever way it was found.
                all_plain &= glyph.y_offset == 0.0 && fixed == cluster.text;
                continue;
            }
            if let (1, Some(c), None) = one_for_one
                && font.face().glyph_index(c).map(|g| g.0) == Some(glyph.id)
            {
                // One glyph for one character, the font's own (most text): no allocation
                // unless the glyph is new to the document.
                let fixed = self
                    .texts
                    .entry((run.font, glyph.id))
                    .or_insert_with(|| c.to_string());
                all_plain &= glyph.y_offset == 0.0 && fixed == cluster.text;
                continue;
            }
            let natural = natural_texts(&run.glyphs[cluster.glyphs.clone()], cluster.text, font);
            let mut spelled = String::new();
            for (k, text) in cluster.glyphs.clone().zip(natural) {
                let fixed = self
                    .texts
                    .entry((run.font, run.glyphs[k].id))
                    .or_insert(text);
                spelled.push_str(fixed);
            }
            // Extractors place a zero-width mark by its own box, often on a line of its own:
            // a cluster of several glyphs always gets its text as a whole.
            let single =
                cluster.glyphs.len() == 1 && run.glyphs[cluster.glyphs.start].y_offset == 0.0;
            all_plain &= single && spelled == cluster.text;
        }
        if run.rtl {
            Some(Cow::Owned(run.text.chars().rev().collect()))
        } else if all_plain {
            None
        } else {
            Some(Cow::Borrowed(&run.text))
        }
    }
}

/// `/Span <</ActualText (þÿ…)>> BDC`, the text in UTF-16BE: marked content whose glyphs read
/// as `text` (PDF 32000-1 §14.9.4), until its `EMC`.
pub fn span(text: &str, out: &mut ContentStream) {
    out.begin_marked("Span", &[("ActualText", &utf16_literal(text))]);
}

/// The run's clusters in glyph order. A cluster's characters run from its cluster offset to
/// the next larger offset of any glyph (so right-to-left runs work too).
fn clusters(run: &ShapedRun) -> Vec<Cluster<'_>> {
    let n = run.glyphs.len();
    // Every cluster offset once, ascending: the next larger one is found by binary search
    // (a scan of the run per cluster made long lines quadratic).
    let mut offsets: Vec<usize> = run.glyphs.iter().map(|g| g.cluster as usize).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let start = run.glyphs[i].cluster as usize;
        let mut j = i + 1;
        while j < n && run.glyphs[j].cluster == run.glyphs[i].cluster {
            j += 1;
        }
        let end = offsets
            .get(offsets.partition_point(|&c| c <= start))
            .copied()
            .unwrap_or(run.text.len());
        out.push(Cluster {
            glyphs: i..j,
            text: run.text.get(start..end).unwrap_or_default(),
        });
        i = j;
    }
    out
}

/// What each glyph of a cluster shows on its own: the character the font maps to it;
/// characters left over (ligatures, reordered or decomposed marks) go to the glyphs no
/// character maps to, in order, the rest to the last of them. A glyph still without text
/// (SARA AM's second glyph) takes the character the font maps to it anywhere.
fn natural_texts(glyphs: &[Glyph], text: &str, font: &BookFont) -> Vec<String> {
    let face = font.face();
    let chars: Vec<char> = text.chars().collect();
    let mut used = vec![false; chars.len()];
    let mut out = vec![String::new(); glyphs.len()];
    for (glyph, slot) in glyphs.iter().zip(&mut out) {
        if let Some(ci) = (0..chars.len())
            .find(|&ci| !used[ci] && face.glyph_index(chars[ci]).map(|g| g.0) == Some(glyph.id))
        {
            used[ci] = true;
            slot.push(chars[ci]);
        }
    }
    let leftover: Vec<char> = chars
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| *c)
        .collect();
    let unmatched: Vec<usize> = (0..glyphs.len()).filter(|&k| out[k].is_empty()).collect();
    for (m, &k) in unmatched.iter().enumerate() {
        if let Some(c) = leftover.get(m) {
            out[k].push(*c);
        }
    }
    if leftover.len() > unmatched.len() {
        let target = unmatched.last().copied().unwrap_or(glyphs.len() - 1);
        for c in &leftover[unmatched.len()..] {
            out[target].push(*c);
        }
    }
    for (glyph, slot) in glyphs.iter().zip(&mut out) {
        if slot.is_empty() {
            // U+FFFD rather than nothing: an empty ToUnicode entry is not valid.
            slot.push(font.char_of_glyph(glyph.id).unwrap_or('\u{FFFD}'));
        }
    }
    out
}

impl TextLayer {
    /// Moves the pen to (x, y) for glyphs of `size`: on the line the pen is on, by an
    /// adjustment before the first glyph (returned, in thousandths of an em, rounded as
    /// [`adjusted`] rounds); elsewhere by a new text matrix (`Tm`; an oblique run is slanted
    /// by about 12°). Returns the adjustment and where the pen then is.
    fn move_to(
        &mut self,
        (x, y): (f32, f32),
        size: f32,
        oblique: bool,
        out: &mut ContentStream,
    ) -> (f32, f64) {
        if let Some(pen) = self.pen
            && pen.y == y
            && pen.oblique == oblique
        {
            let em = f64::from(size) / 1000.0;
            let lead = ((pen.x - f64::from(x)) / em * 100.0).round() / 100.0;
            return (lead as f32, pen.x - lead * em);
        }
        out.num(1.0).num(0.0).num(if oblique { 0.21 } else { 0.0 });
        out.num(1.0).num(x).num(y).op("Tm");
        (0.0, f64::from(x))
    }

    /// Draws `run` from (x, baseline).
    pub fn draw(
        &mut self,
        run: &ShapedRun,
        (font, embedded): (&BookFont, &Embedded),
        x: f32,
        baseline: f32,
        out: &mut ContentStream,
    ) {
        // Stretches of glyphs on one baseline share a `TJ`; marks raised or lowered by the
        // shaper (Thai, some Latin diacritics) are shown by a text rise (`Ts`), so that the
        // line keeps its text matrix.
        let mut pen = x;
        let mut rise = 0.0;
        for stretch in run.glyphs.chunk_by(|a, b| a.y_offset == b.y_offset) {
            if stretch[0].y_offset != rise {
                rise = stretch[0].y_offset;
                out.num(rise).op("Ts");
            }
            let at = (pen + stretch[0].x_offset, baseline);
            let (lead, start) = self.move_to(at, run.size, run.oblique, out);
            let (codes, advance) = adjusted(run.size, stretch, font, embedded);
            out.show_glyphs(lead, codes);
            self.pen = Some(Pen {
                x: start + advance,
                y: baseline,
                oblique: run.oblique,
            });
            pen += stretch.iter().map(|g| g.advance).sum::<f32>();
        }
        if rise != 0.0 {
            out.num(0.0).op("Ts");
        }
    }
}

/// Glyph codes for one `TJ`, and how far a reader's pen moves over them: after each glyph a
/// reader moves the pen by the glyph's width in the font's `/W` table (thousandths of an em,
/// truncated); where the shaped position differs (kerning, offsets, rounding) the glyph
/// carries the correction, rounded to a hundredth of a unit (a millionth of a point at text
/// sizes) so that float noise does not become a number after every glyph.
fn adjusted(
    size: f32,
    glyphs: &[Glyph],
    font: &BookFont,
    embedded: &Embedded,
) -> (Vec<(u16, f32)>, f64) {
    let em = f64::from(size) / 1000.0;
    let mut wanted = 0.0f64; // where the next glyph should start, in points from the start
    let mut pen = 0.0f64; // where the reader's pen is
    let mut out = Vec::with_capacity(glyphs.len());
    let origin = glyphs.first().map_or(0.0, |g| g.x_offset);
    for (i, g) in glyphs.iter().enumerate() {
        pen += font.pdf_width(g.id) as f64 * em;
        wanted += f64::from(g.advance);
        let next = glyphs
            .get(i + 1)
            .map_or(pen, |next| wanted + f64::from(next.x_offset - origin));
        let kern = ((pen - next) / em * 100.0).round() / 100.0;
        if kern != 0.0 {
            pen -= kern * em;
        }
        out.push((embedded.code(g.id), kern as f32));
    }
    (out, pen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::brand::Brand;
    use crate::render::pdf::fonts::FontBook;
    use std::collections::BTreeSet;

    /// Where a reader draws each glyph of `content`, replaying `Tm`, `Tf`, `Ts` and `TJ` (as
    /// lopdf's content parser reads them) with the widths the font's `/W` gives: (code, x, y)
    /// in order.
    fn replay(content: &[u8], mut width: impl FnMut(u16) -> i64) -> Vec<(u16, f64, f64)> {
        let content = lopdf::content::Content::decode(content).unwrap();
        let (mut x, mut y, mut size, mut rise) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        let num = |o: &lopdf::Object| o.as_float().map(f64::from).unwrap();
        let mut drawn = Vec::new();
        for op in &content.operations {
            let operands = &op.operands;
            match op.operator.as_str() {
                "Tm" => (x, y) = (num(&operands[4]), num(&operands[5])),
                "Tf" => size = num(&operands[1]),
                "Ts" => rise = num(&operands[0]),
                "TJ" => {
                    for item in operands[0].as_array().unwrap() {
                        if let Ok(bytes) = item.as_str() {
                            for pair in bytes.chunks(2) {
                                let code = u16::from_be_bytes([pair[0], pair[1]]);
                                drawn.push((code, x, y + rise));
                                x += width(code) as f64 / 1000.0 * size;
                            }
                        } else {
                            x -= num(item) / 1000.0 * size;
                        }
                    }
                }
                _ => {}
            }
        }
        drawn
    }

    /// Runs after one another on a line (Latin with kerning, Thai with marks and clusters that
    /// need their ActualText, Arabic): the text matrix is set once per line,
    /// and every glyph still lands within 0.001 pt of where the shaper put it.
    #[test]
    fn every_glyph_lands_where_it_was_shaped() {
        let book = FontBook::from_brand(&Brand::builtin_default()).unwrap();
        for (text, rtl) in [
            ("AVATAR Toffee WAVE 14,508 · ½", false),
            ("คอนเวอร์ชันจากโฆษณา เพิ่มขึ้น 20.3% แต่ ROAS ลดลง", false),
            ("الجلسات التفاعلية 12.4%", true),
        ] {
            let runs = book.shape_line(text, 10.5, false, rtl).unwrap();
            let mut used: Vec<BTreeSet<u16>> = vec![BTreeSet::new(); book.fonts.len()];
            for r in &runs {
                used[r.font].extend(r.glyphs.iter().map(|g| g.id));
            }
            let embedded: Vec<Embedded> = book
                .fonts
                .iter()
                .zip(&used)
                .map(|(f, u)| Embedded::new(f, u.iter().copied()))
                .collect();
            let mut layer = TextLayer::default();
            let mut out = ContentStream::default();
            layer.begin_text();
            let mut expected = Vec::new();
            let mut pen = 40.0f32;
            let mut last_font = None;
            for run in &runs {
                if last_font != Some(run.font) {
                    last_font = Some(run.font);
                    out.name(&format!("F{}", run.font)).num(run.size).op("Tf");
                }
                let font = &book.fonts[run.font];
                let actual = layer.actual_text(run, font);
                if let Some(text) = &actual {
                    span(text, &mut out);
                }
                layer.draw(run, (font, &embedded[run.font]), pen, 700.0, &mut out);
                if actual.is_some() {
                    out.op("EMC");
                }
                let mut x = pen;
                for g in &run.glyphs {
                    let code = embedded[run.font].code(g.id);
                    expected.push((run.font, code, x + g.x_offset, 700.0 + g.y_offset));
                    x += g.advance;
                }
                pen += run.width;
            }
            let bytes = out.into_bytes();
            // Codes are per font: replay with the width of the font each glyph was drawn in.
            let fonts_in_order: Vec<usize> = expected.iter().map(|e| e.0).collect();
            let mut k = 0;
            let drawn = replay(&bytes, |code| {
                let font = fonts_in_order[k.min(fonts_in_order.len() - 1)];
                k += 1;
                let glyph = used[font]
                    .iter()
                    .find(|&&g| embedded[font].code(g) == code)
                    .copied()
                    .unwrap();
                book.fonts[font].pdf_width(glyph)
            });
            assert_eq!(drawn.len(), expected.len(), "{text}");
            for ((code, x, y), (_, want_code, want_x, want_y)) in drawn.iter().zip(&expected) {
                assert_eq!(*code, *want_code, "{text}");
                assert!(
                    (x - f64::from(*want_x)).abs() < 0.001
                        && (y - f64::from(*want_y)).abs() < 0.001,
                    "{text}: glyph {code} at ({x}, {y}), shaped at ({want_x}, {want_y})"
                );
            }
            // One line, one text matrix: raised marks are shown by a text rise.
            let content = lopdf::content::Content::decode(&bytes).unwrap();
            let matrices = content.operations.iter().filter(|o| o.operator == "Tm");
            let matrices = matrices.count();
            assert_eq!(matrices, 1, "{text}");
        }
    }
}
