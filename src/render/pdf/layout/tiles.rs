//! Tile rows: the headline numbers, four or five to a row, never split across pages; labels
//! wrap rather than being cut.

use super::flow::Block;
use super::{Item, Layout};
use crate::render::pdf::PdfError;
use crate::render::pdf::fonts::MissingGlyph;
use crate::render::pdf::structure::Role;
use crate::render::view::{Arrow, Tile, Tone};

/// The smallest text in print, used for the labels, the "vs" line and the notes.
const SMALL: f32 = 7.5;
const LABEL_LEADING: f32 = 9.5;
const NOTE_LEADING: f32 = 9.5;

impl Layout<'_> {
    pub(super) fn tile_rows(
        &self,
        tiles: &[Tile],
        per_row: usize,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        for row in tiles.chunks(per_row) {
            out.push(self.tile_row(row, per_row)?);
        }
        Ok(())
    }

    fn tile_row(&self, tiles: &[Tile], per_row: usize) -> Result<Block<'static>, PdfError> {
        let g = &self.page;
        let t = &self.palette;
        let gap = 8.0;
        let w = (g.content_width() - gap * (per_row - 1) as f32) / per_row as f32;
        let has_spark = tiles.iter().any(|t| t.sparkline.is_some());
        let has_note = tiles.iter().any(|t| t.note.is_some());
        let value_size = if per_row == 4 { 17.0 } else { 13.5 };
        let labels = tiles
            .iter()
            .map(|tile| self.tile_label(&tile.label, w - 16.0))
            .collect::<Result<Vec<_>, _>>()?;
        // Every tile of the row grows by the longest label's extra lines, so values align.
        let extra = labels
            .iter()
            .map(|lines| (lines.len().max(1) - 1) as f32 * LABEL_LEADING)
            .fold(0.0, f32::max);
        // The "vs" line wraps too (never cut with "…"); the row grows by its extra lines.
        let previous = tiles
            .iter()
            .map(|tile| match &tile.previous {
                Some(p) => self.fonts.wrap_label(p, SMALL, false, w - 16.0),
                None => Ok(Vec::new()),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let previous_extra = previous
            .iter()
            .map(|lines| (lines.len().max(1) - 1) as f32 * NOTE_LEADING)
            .fold(0.0, f32::max);
        let mut h: f32 =
            10.0 + 12.0 + value_size + 6.0 + 11.0 + 11.0 + 4.0 + extra + previous_extra;
        if has_spark {
            h += 26.0;
        }
        let note_lines = tiles
            .iter()
            .filter_map(|tile| tile.note.as_ref())
            .map(|n| self.fonts.wrap(n, SMALL, false, w - 16.0).map(|l| l.len()))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .max()
            .unwrap_or(0);
        if has_note {
            h += note_lines as f32 * NOTE_LEADING + 2.0;
        }
        let mut items = Vec::new();
        for (i, ((tile, label), previous)) in tiles.iter().zip(labels).zip(previous).enumerate() {
            let x = g.margin_x + i as f32 * (w + gap);
            items.push(Item::Rect {
                x,
                y: 0.0,
                w,
                h: h - 6.0,
                color: t.surface,
            });
            // A tile is read as one paragraph: label, value, change and comparison.
            items.push(Item::Open(Role::P));
            let inner = x + 8.0;
            let mut y = 16.0;
            for (n, line) in label.iter().enumerate() {
                let ly = y + n as f32 * LABEL_LEADING;
                items.push(self.text(line, SMALL, false, inner, ly, t.muted)?.0);
            }
            y += extra + value_size + 5.0;
            // A long value is set smaller, never cut: the tile shows the whole number.
            let size = self
                .fonts
                .fitting_size(&tile.value, value_size, true, w - 16.0, SMALL)?;
            items.push(self.text(&tile.value, size, true, inner, y, t.text)?.0);
            y += 13.0;
            if let Some(change) = &tile.change {
                let color = match tile.sentiment {
                    Tone::Good => t.positive,
                    Tone::Bad => t.negative,
                    Tone::Neutral | Tone::None => t.muted,
                };
                // The arrow is drawn, not a glyph: body fonts rarely have ▲ and ▼.
                let (tx, ty, size) = (inner, y - 3.2, 5.0);
                let triangle = match tile.arrow {
                    Arrow::Up => Some(vec![
                        (tx, ty + size * 0.45),
                        (tx + size, ty + size * 0.45),
                        (tx + size / 2.0, ty - size * 0.45),
                    ]),
                    Arrow::Down => Some(vec![
                        (tx, ty - size * 0.45),
                        (tx + size, ty - size * 0.45),
                        (tx + size / 2.0, ty + size * 0.45),
                    ]),
                    Arrow::Flat | Arrow::None => None,
                };
                let text_x = match triangle {
                    Some(points) => {
                        items.push(Item::Polygon { points, color });
                        inner + size + 3.0
                    }
                    None => inner,
                };
                items.push(self.text(change, 8.0, true, text_x, y, color)?.0);
            }
            y += 11.0;
            for (n, line) in previous.iter().enumerate() {
                let ly = y + n as f32 * NOTE_LEADING;
                items.push(self.text(line, SMALL, false, inner, ly, t.muted)?.0);
            }
            y += 6.0 + previous_extra;
            if let Some(spark) = &tile.sparkline {
                items.extend(self.chart_items(spark, inner, y, w - 16.0, 22.0)?);
            }
            if let Some(note) = &tile.note {
                let ny = if has_spark { y + 28.0 } else { y + 4.0 };
                for (n, line) in self
                    .fonts
                    .wrap(note, SMALL, false, w - 16.0)?
                    .iter()
                    .enumerate()
                {
                    items.push(
                        self.text(
                            line,
                            SMALL,
                            false,
                            inner,
                            ny + n as f32 * NOTE_LEADING,
                            t.muted,
                        )?
                        .0,
                    );
                }
            }
            items.push(Item::Close);
        }
        Ok(Self::fixed(h, items))
    }

    /// A tile's label, whole, on as many lines as it needs (two at most in every sample
    /// language), at the smallest print size: it was cut with "…" at this size before.
    fn tile_label(&self, label: &str, width: f32) -> Result<Vec<String>, MissingGlyph> {
        if self.fonts.measure(label, SMALL, false)? <= width {
            return Ok(vec![label.to_string()]);
        }
        self.fonts.wrap_label(label, SMALL, false, width)
    }
}
