//! Tables: a caption and header repeated on every page the rows run onto, at least three rows
//! on each side of a break.

use super::flow::Block;
use super::{Item, Layout, tagged};
use crate::charts::geometry::Anchor;
use crate::render::pdf::fonts::MissingGlyph;
use crate::render::pdf::structure::{Role, Scope};
use crate::render::view::Table;

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Plain,
    Other,
    Total,
}

impl Layout<'_> {
    pub(super) fn table(&self, table: &Table) -> Result<Block<'static>, MissingGlyph> {
        let g = &self.page;
        let t = &self.palette;
        let x = g.margin_x;
        let width = g.content_width();
        let n = table.columns.len().max(1);
        let first_w = (width * 0.3)
            .max(width - (n - 1) as f32 * 62.0)
            .min(width * 0.45);
        let size = 7.5;
        let even = if n > 1 {
            (width - first_w) / (n - 1) as f32
        } else {
            0.0
        };
        // A column is at least as wide as its header's widest word (サイトコンバージョン), so
        // headers break between words only; the first column gives up the room, down to a
        // fifth of the table.
        let mut widths = vec![even; n.saturating_sub(1)];
        for (w, c) in widths.iter_mut().zip(table.columns.iter().skip(1)) {
            *w = w.max(self.fonts.widest_word(&c.label, size, true)? + 6.0);
        }
        let first_w = if width - widths.iter().sum::<f32>() >= width * 0.2 {
            width - widths.iter().sum::<f32>()
        } else {
            widths.fill(even);
            first_w
        };
        let col_w = |i: usize| if i == 0 { first_w } else { widths[i - 1] };
        // Left edge of column i; numeric columns are right-aligned at col_x(i) + col_w(i).
        let col_x = |i: usize| x + (0..i).map(col_w).sum::<f32>();
        let (caption, ch) = self.paragraph(&table.caption, 10.0, true, (x, 0.0), width, t.text)?;
        let mut header = vec![Item::Open(Role::Table)];
        header.extend(tagged(Role::Caption, caption));
        header.push(Item::TableHeader {
            caption: table.caption.clone(),
            y: 0.0,
        });
        let mut hy = ch + 6.0;
        let mut header_lines = 1;
        let mut header_items = vec![Item::Open(Role::Row)];
        for (i, c) in table.columns.iter().enumerate() {
            let w = col_w(i) - 6.0;
            let lines = self.fonts.wrap_label(&c.label, size, true, w)?;
            header_lines = header_lines.max(lines.len());
            header_items.push(Item::Open(Role::Header(Scope::Column)));
            for (k, line) in lines.iter().enumerate() {
                let ly = hy + size + k as f32 * (size * 1.25);
                header_items.push(if c.numeric {
                    self.text_anchored(
                        line,
                        size,
                        true,
                        (col_x(i) + col_w(i), ly, Anchor::End),
                        t.muted,
                    )?
                } else {
                    self.text(line, size, true, col_x(i), ly, t.muted)?.0
                });
            }
            header_items.push(Item::Close);
        }
        header_items.push(Item::Close);
        header.extend(header_items);
        hy += header_lines as f32 * size * 1.25 + 4.0;
        header.push(Item::Rect {
            x,
            y: hy,
            w: width,
            h: 0.8,
            color: t.grid,
        });
        let header_h = hy + 3.0;
        let mut rows = Vec::new();
        // Rows, then "Other" (muted), then "Total" (bold, under a rule).
        let all_rows = table
            .rows
            .iter()
            .map(|r| (r, RowKind::Plain))
            .chain(table.other.iter().map(|r| (r, RowKind::Other)))
            .chain(table.total.iter().map(|r| (r, RowKind::Total)));
        for (cells, kind) in all_rows {
            let mut items = Vec::new();
            let bold = kind == RowKind::Total;
            let label_lines = self.fonts.wrap(&cells[0], size, bold, first_w - 8.0)?;
            let h = label_lines.len() as f32 * size * 1.3 + 6.0;
            let color = if kind == RowKind::Other {
                t.muted
            } else {
                t.text
            };
            if bold {
                items.push(Item::Rect {
                    x,
                    y: 0.0,
                    w: width,
                    h: 1.0,
                    color: t.text,
                });
            }
            items.push(Item::Open(Role::Row));
            items.push(Item::Open(Role::Header(Scope::Row)));
            for (k, line) in label_lines.iter().enumerate() {
                items.push(
                    self.text(
                        line,
                        size,
                        bold,
                        x,
                        3.0 + size + k as f32 * size * 1.3,
                        color,
                    )?
                    .0,
                );
            }
            items.push(Item::Close);
            for (i, cell) in cells.iter().enumerate().skip(1) {
                items.push(Item::Open(Role::Cell));
                items.push(self.text_anchored(
                    cell,
                    size,
                    bold,
                    (col_x(i) + col_w(i), 3.0 + size, Anchor::End),
                    color,
                )?);
                items.push(Item::Close);
            }
            items.push(Item::Close);
            items.push(Item::Rect {
                x,
                y: h - 0.5,
                w: width,
                h: 0.5,
                color: t.grid,
            });
            items.push(Item::TableRow {
                caption: table.caption.clone(),
                y: 0.0,
            });
            rows.push((h, items));
        }
        close_table(&mut header, &mut rows);
        Ok(Block::Rows {
            header,
            header_h,
            rows,
            // No page holds one or two orphan rows: a table of five rows or fewer moves whole.
            min_side: 3,
            keep_together: false,
            after: 14.0,
        })
    }
}

/// Ends the table element opened in `header` after its last row (or its header, when it has
/// no rows).
pub(super) fn close_table(header: &mut Vec<Item>, rows: &mut [(f32, Vec<Item>)]) {
    match rows.last_mut() {
        Some((_, items)) => items.push(Item::Close),
        None => header.push(Item::Close),
    }
}
