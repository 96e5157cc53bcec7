//! Pagination: blocks placed onto pages (a block is never split; a heading keeps with what
//! follows it; a table repeats its header on every page it runs onto).

use super::{Item, Layout, Page};
use crate::render::pdf::PdfError;

/// A block of the flow: its height and its items, with y relative to the block's top.
pub(super) enum Block {
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
    /// Places blocks on pages: each block's items, built relative to its top, are moved to
    /// the block's place once, here.
    pub(super) fn flow(&self, blocks: Vec<Block>) -> Vec<Page> {
        let g = &self.page;
        let bottom = g.height - g.bottom;
        let mut pages = vec![Page::default()];
        let mut y = g.top;
        let mut blocks = blocks.into_iter().peekable();
        while let Some(block) = blocks.next() {
            match block {
                Block::Fixed {
                    height,
                    items,
                    keep_with_next,
                    bookmark,
                } => {
                    // A heading needs room for itself and the start of what follows.
                    let need = height
                        + if keep_with_next {
                            match blocks.peek() {
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
                    page.place(items, y);
                    page.bookmarks.extend(bookmark);
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
                        let page = pages.last_mut().expect("a page");
                        if !header_drawn {
                            page.place(header.iter().cloned(), y);
                            y += header_h;
                            header_drawn = true;
                        }
                        page.place(row, y);
                        y += h;
                    }
                    y += 14.0;
                }
            }
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

impl Page {
    /// Adds a block's items, built with y relative to the block's top, at `top`.
    fn place(&mut self, items: impl IntoIterator<Item = Item>, top: f32) {
        self.items.extend(items.into_iter().map(|mut item| {
            match &mut item {
                Item::Text { y, .. }
                | Item::Rect { y, .. }
                | Item::Logo { y, .. }
                | Item::Link { y, .. }
                | Item::ChartBox { y, .. }
                | Item::TableHeader { y, .. }
                | Item::TableRow { y, .. } => *y += top,
                Item::Polyline { points, .. } | Item::Polygon { points, .. } => {
                    points.iter_mut().for_each(|(_, y)| *y += top);
                }
            }
            item
        }));
    }
}
