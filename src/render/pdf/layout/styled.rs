//! Text in styled runs: the agency's commentary keeps its bold and italic in print.

use super::{Item, Layout};
use crate::render::markdown::StyledSpan;
use crate::render::pdf::fonts::MissingGlyph;
use crate::render::pdf::palette::Rgb;

impl Layout<'_> {
    /// Wrapped text whose spans keep their style: bold in the bold font, italic set oblique.
    /// Lines break as for bold text when any span is bold, so no line is too wide.
    pub(super) fn styled_paragraph(
        &self,
        spans: &[StyledSpan],
        size: f32,
        at: (f32, f32),
        width: f32,
        color: Rgb,
    ) -> Result<(Vec<Item>, f32), MissingGlyph> {
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        if spans.iter().all(|s| !s.bold && !s.italic) {
            return self.paragraph(&text, size, false, at, width, color);
        }
        let (x, top) = at;
        let leading = size * 1.4;
        let lines = self
            .fonts
            .wrap(&text, size, spans.iter().any(|s| s.bold), width)?;
        // Each line is a piece of the text, in order, after the spaces it broke at.
        let mut ranges = Vec::with_capacity(lines.len());
        let mut cursor = 0;
        for line in &lines {
            let rest = &text[cursor..];
            let start = cursor + (rest.len() - rest.trim_start().len());
            if !text[start..].starts_with(line.as_str()) {
                return self.paragraph(&text, size, false, at, width, color);
            }
            ranges.push(start..start + line.len());
            cursor = start + line.len();
        }
        let mut items = Vec::new();
        for (i, range) in ranges.into_iter().enumerate() {
            let mut groups = Vec::new();
            let mut at = 0;
            for span in spans {
                let (s, e) = (at, at + span.text.len());
                at = e;
                let (from, to) = (s.max(range.start), e.min(range.end));
                if from >= to {
                    continue;
                }
                let mut shaped =
                    self.fonts
                        .shape_line(&text[from..to], size, span.bold, self.rtl())?;
                shaped.iter_mut().for_each(|r| r.oblique = span.italic);
                groups.push(shaped);
            }
            // Right to left, the line's first span is drawn rightmost.
            if self.rtl() {
                groups.reverse();
            }
            let runs: Vec<_> = groups.into_iter().flatten().collect();
            let y = size + i as f32 * leading + top;
            items.push(Item::Text { x, y, runs, color });
        }
        Ok((items, lines.len() as f32 * leading))
    }
}
