//! The PDF's text layer: what readers extract, search, copy and speak for shaped glyphs.
//!
//! A font's ToUnicode map gives each glyph id ONE text for the whole document, but shaping is
//! not one glyph per character: Thai SARA AM (U+0E33) is drawn as two glyphs, tone marks take
//! a shifted variant glyph, ligatures draw two characters with one glyph, and a mark raised by
//! the shaper sits on a different baseline, where extractors see a separate line. So each
//! glyph gets one document-wide text (the character it stands for where that is clear, else
//! what it first showed), and every cluster that is not one glyph spelling its characters on the
//! baseline is wrapped in a marked-content span with `/ActualText` (PDF 32000-1 §14.9.4),
//! as Typst and krilla do: readers then take the cluster's characters as written.

use super::content::{ContentStream, utf16_hex};
use super::embed::Embedded;
use super::fonts::{BookFont, Glyph, ShapedRun};
use crate::FastMap;

/// The text each glyph id of each font stands for, fixed at its first use in the document.
#[derive(Default)]
pub struct TextLayer {
    /// Looked up for every glyph drawn.
    texts: FastMap<(usize, u16), String>,
}

/// Consecutive glyphs of a run that show one cluster of characters.
struct Cluster<'a> {
    glyphs: std::ops::Range<usize>,
    text: &'a str,
}

impl TextLayer {
    /// The text glyph `glyph` of font `font` stands for in this document.
    pub fn text(&self, font: usize, glyph: u16) -> Option<&str> {
        self.texts.get(&(font, glyph)).map(String::as_str)
    }

    /// The operators drawing `run` with its text: clusters whose glyphs spell their text go
    /// into shared `TJ` arrays, the others each into an `/ActualText` span.
    pub fn run_ops(
        &mut self,
        run: &ShapedRun,
        (font, embedded): (&BookFont, &Embedded),
        x: f32,
        baseline: f32,
        out: &mut ContentStream,
    ) {
        let clusters = clusters(run);
        let mut plain = Vec::with_capacity(clusters.len());
        for cluster in &clusters {
            let glyph = run.glyphs[cluster.glyphs.start];
            let mut chars = cluster.text.chars();
            if let (1, Some(c), None) = (cluster.glyphs.len(), chars.next(), chars.next())
                && font.face().glyph_index(c).map(|g| g.0) == Some(glyph.id)
            {
                // One glyph for one character, the font's own (most text): no allocation
                // unless the glyph is new to the document.
                let fixed = self
                    .texts
                    .entry((run.font, glyph.id))
                    .or_insert_with(|| c.to_string());
                plain.push(glyph.y_offset == 0.0 && fixed == cluster.text);
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
            plain.push(single && spelled == cluster.text);
        }
        if run.rtl {
            // Right to left, glyphs come in visual order; poppler reverses a right-to-left
            // span it reads as visual, so the span gives the text in drawn order and readers
            // get it logical.
            let drawn: String = run.text.chars().rev().collect();
            actual_text(&drawn, out);
            segment_ops(
                run,
                0..run.glyphs.len(),
                (font, embedded),
                (x, baseline),
                out,
            );
            out.op("EMC");
            return;
        }
        let mut pen = x;
        let mut c = 0;
        while c < clusters.len() {
            // A stretch of plain clusters, or one cluster that needs its ActualText.
            let mut end = c + 1;
            if plain[c] {
                while end < clusters.len() && plain[end] {
                    end += 1;
                }
            }
            let glyphs = clusters[c].glyphs.start..clusters[end - 1].glyphs.end;
            if !plain[c] {
                actual_text(clusters[c].text, out);
            }
            pen += segment_ops(run, glyphs, (font, embedded), (pen, baseline), out);
            if !plain[c] {
                out.op("EMC");
            }
            c = end;
        }
    }
}

/// `/Span <</ActualText <FEFF…>>> BDC` with the text in UTF-16BE.
fn actual_text(text: &str, out: &mut ContentStream) {
    out.begin_marked("Span", "ActualText", &utf16_hex(text));
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

/// `Tm` for a run's text at (x, y); an oblique run is slanted by about 12°.
fn text_matrix(x: f32, y: f32, oblique: bool, out: &mut ContentStream) {
    out.num(1.0).num(0.0).num(if oblique { 0.21 } else { 0.0 });
    out.num(1.0).num(x).num(y).op("Tm");
}

/// Draws the glyphs `range` of `run` starting at `at` = (x, baseline); returns their advance.
fn segment_ops(
    run: &ShapedRun,
    range: std::ops::Range<usize>,
    (font, embedded): (&BookFont, &Embedded),
    at: (f32, f32),
    out: &mut ContentStream,
) -> f32 {
    let (x, baseline) = at;
    let glyphs = &run.glyphs[range];
    if glyphs.iter().any(|g| g.y_offset != 0.0) {
        // Marks raised or lowered (Thai, some Latin diacritics): each glyph placed on its own.
        let mut pen = x;
        for g in glyphs {
            text_matrix(pen + g.x_offset, baseline + g.y_offset, run.oblique, out);
            out.show_glyphs([(embedded.code(g.id), 0.0)]);
            pen += g.advance;
        }
    } else {
        text_matrix(x + glyphs[0].x_offset, baseline, run.oblique, out);
        out.show_glyphs(adjusted(run.size, glyphs, font, embedded));
    }
    glyphs.iter().map(|g| g.advance).sum()
}

/// Glyph codes for one `TJ`: after each glyph a reader moves the pen by the glyph's width in
/// the font's `/W` table (thousandths of an em, truncated); where the shaped position differs
/// (kerning, offsets, rounding) the glyph carries the correction, rounded to a hundredth of a
/// unit (a millionth of a point at text sizes) so that float noise does not become a number
/// after every glyph.
fn adjusted(size: f32, glyphs: &[Glyph], font: &BookFont, embedded: &Embedded) -> Vec<(u16, f32)> {
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
    out
}
