//! Pagination: blocks placed onto pages (a block is never split; a heading keeps with what
//! follows it; a table repeats its header on every page it runs onto).

use super::{Item, Layout, Page};
use crate::render::pdf::PdfError;

/// A block of the flow: its height and how to draw it at a vertical position.
pub(in crate::render::pdf) enum Block {
    /// Drawn as one piece; `keep_with_next` for headings.
    Fixed {
        height: f32,
        items: Vec<Item>,
        keep_with_next: bool,
        bookmark: Option<String>,
    },
    /// A table: header repeated on every page it spans.
    Table {
        header: Vec<Item>,
        header_h: f32,
        rows: Vec<(f32, Vec<Item>)>,
    },
}

impl Layout<'_> {
    /// Places blocks on pages.
    pub(super) fn flow(&self, blocks: Vec<Block>) -> Vec<Page> {
        let g = &self.page;
        let bottom = g.height - g.bottom;
        let mut pages = vec![Page::default()];
        let mut y = g.top;
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::Fixed {
                    height,
                    items,
                    keep_with_next,
                    bookmark,
                } => {
                    // A heading needs room for itself and the start of what follows.
                    let need = height
                        + if *keep_with_next {
                            match blocks.get(i + 1) {
                                Some(Block::Fixed { height, .. }) => *height,
                                Some(Block::Table { header_h, rows, .. }) => {
                                    header_h + rows.first().map_or(0.0, |r| r.0)
                                }
                                None => 0.0,
                            }
                        } else {
                            0.0
                        };
                    if y + need > bottom && y > g.top {
                        pages.push(Page::default());
                        y = g.top;
                    }
                    let page = pages.last_mut().expect("a page");
                    page.items.extend(shift(items.clone(), y));
                    if let Some(b) = bookmark {
                        page.bookmarks.push(b.clone());
                    }
                    y += height;
                }
                Block::Table {
                    header,
                    header_h,
                    rows,
                } => {
                    let mut header_drawn = false;
                    for (h, row) in rows {
                        if y + h > bottom || (!header_drawn && y + header_h + h > bottom) {
                            pages.push(Page::default());
                            y = g.top;
                            header_drawn = false;
                        }
                        if !header_drawn {
                            pages
                                .last_mut()
                                .expect("a page")
                                .items
                                .extend(shift(header.clone(), y));
                            y += header_h;
                            header_drawn = true;
                        }
                        pages
                            .last_mut()
                            .expect("a page")
                            .items
                            .extend(shift(row.clone(), y));
                        y += h;
                    }
                    y += 14.0;
                }
            }
            i += 1;
        }
        pages.retain(|p| !p.items.is_empty());
        pages
    }

    pub(super) fn blocks(&self) -> Result<Vec<Block>, PdfError> {
        let mut out = Vec::new();
        for s in &self.view.sections {
            self.section(s, &mut out)?;
        }
        Ok(out)
    }

    pub(super) fn fixed(height: f32, items: Vec<Item>) -> Block {
        Block::Fixed {
            height,
            items,
            keep_with_next: false,
            bookmark: None,
        }
    }
}

/// Moves items down by `dy`.
pub(in crate::render::pdf) fn shift(items: Vec<Item>, dy: f32) -> Vec<Item> {
    items
        .into_iter()
        .map(|item| match item {
            Item::Text { x, y, runs, color } => Item::Text {
                x,
                y: y + dy,
                runs,
                color,
            },
            Item::Rect { x, y, w, h, color } => Item::Rect {
                x,
                y: y + dy,
                w,
                h,
                color,
            },
            Item::Polyline {
                points,
                color,
                width,
                dashed,
            } => Item::Polyline {
                points: points.into_iter().map(|(a, b)| (a, b + dy)).collect(),
                color,
                width,
                dashed,
            },
            Item::Polygon { points, color } => Item::Polygon {
                points: points.into_iter().map(|(a, b)| (a, b + dy)).collect(),
                color,
            },
            Item::Logo { x, y, w, h } => Item::Logo { x, y: y + dy, w, h },
            Item::Link { x, y, w, h, uri } => Item::Link {
                x,
                y: y + dy,
                w,
                h,
                uri,
            },
            Item::ChartBox { id, y, h } => Item::ChartBox { id, y: y + dy, h },
            Item::TableHeader { caption, y } => Item::TableHeader { caption, y: y + dy },
            Item::TableRow { caption, y } => Item::TableRow { caption, y: y + dy },
        })
        .collect()
}
