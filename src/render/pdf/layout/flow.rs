//! Pagination: blocks placed onto pages. A fixed block is never split; a heading keeps with
//! what follows it; rows (a table's, a goal list's) break only where both sides keep
//! `min_side` rows, a table repeating its header on every page it runs onto; and a last page
//! left under a quarter full takes blocks from the page before when the page count allows.
//! A block fits where its ink ends above the page's foot (the space after it may run off); a
//! chart that misses by a little is drawn shorter (`Squeeze`), and the charts already on a
//! page give room to a block that would otherwise leave the page's foot blank.
//!
//! Two steps: `plan` decides where everything goes from heights alone (cheap enough to try
//! several break choices), then `place` moves each block's items there once.

use std::ops::Range;

use super::{Item, Layout, Page, tagged};
use crate::charts::Chart;
use crate::render::pdf::PdfError;
use crate::render::pdf::structure::Role;

/// A last page filled less than this (a share of the content height) is re-balanced.
const MIN_LAST_FILL: f32 = 0.25;

/// The charts on a page are drawn shorter to fit what follows them only where the page would
/// otherwise end with at least this share of its height blank.
const SQUEEZE_GAP: f32 = 0.15;

/// How far below its baseline a line's descenders reach, as a share of its size (Noto's
/// descender is 0.293 em; other brand fonts are within a few hundredths).
const DESCENT: f32 = 0.3;

/// A block of the flow: its height and its items, with y relative to the block's top.
pub(super) enum Block<'a> {
    /// Drawn as one piece; `keep_with_next` for headings. `height` includes the space after.
    Fixed {
        height: f32,
        items: Vec<Item>,
        keep_with_next: bool,
        bookmark: Option<String>,
        /// A chart that may be drawn shorter to end a page.
        squeeze: Option<Squeeze<'a>>,
    },
    /// Rows one under another that may run onto the next page: a table (its header, caption
    /// and column labels, repeated on every page) or a goal list (no header).
    Rows {
        header: Vec<Item>,
        header_h: f32,
        rows: Vec<(f32, Vec<Item>)>,
        /// The fewest rows left on either side of a page break: fewer than twice this many
        /// rows are never split.
        min_side: usize,
        /// Starts on a fresh page rather than split, when it fits on one.
        keep_together: bool,
        /// Space after the last row.
        after: f32,
    },
}

/// A chart block that may give up to `give` points of its plot's height (`plot_h`) when
/// that lets a page end full instead of with its foot blank; it is redrawn at the shorter
/// height (its axis keeps its ticks, see `chart::SQUEEZE`).
pub(super) struct Squeeze<'a> {
    pub chart: &'a Chart,
    pub x: f32,
    pub width: f32,
    pub plot_h: f32,
    pub give: f32,
}

impl Block<'_> {
    /// The height that must fit for the block to start where it is: a heading keeps this
    /// much of what follows it on its page.
    fn lead_height(&self, page_h: f32) -> f32 {
        match self {
            Block::Fixed { .. } => self.ink() - self.give(),
            Block::Rows {
                header_h,
                rows,
                min_side,
                keep_together,
                ..
            } => {
                let total: f32 = header_h + rows.iter().map(|r| r.0).sum::<f32>();
                let unsplittable = rows.len() < 2 * min_side;
                if (*keep_together || unsplittable) && total <= page_h {
                    total
                } else {
                    header_h + rows.iter().take(*min_side).map(|r| r.0).sum::<f32>()
                }
            }
        }
    }
}

impl Block<'_> {
    /// How far below its top a fixed block's ink goes: its height without the space after
    /// it, which may run past the page's foot.
    fn ink(&self) -> f32 {
        match self {
            Block::Fixed { height, .. } => height.min(self.reach()),
            Block::Rows { .. } => 0.0,
        }
    }

    /// How much shorter a squeezable chart may be drawn.
    fn give(&self) -> f32 {
        match self {
            Block::Fixed {
                squeeze: Some(s), ..
            } => s.give,
            _ => 0.0,
        }
    }

    /// How far below its top a fixed block draws, a text line's descenders included (its
    /// height adds the space after it).
    fn reach(&self) -> f32 {
        let Block::Fixed { items, .. } = self else {
            return 0.0;
        };
        items
            .iter()
            .map(|item| match item {
                Item::Text { y, runs, .. } => {
                    y + runs.iter().map(|r| r.size).fold(0.0, f32::max) * DESCENT
                }
                Item::TableHeader { y, .. }
                | Item::TableRow { y, .. }
                | Item::GoalRow { y, .. } => *y,
                Item::Rect { y, h, .. }
                | Item::Logo { y, h, .. }
                | Item::Link { y, h, .. }
                | Item::ChartBox { y, h, .. } => y + h,
                Item::Polyline { points, .. } | Item::Polygon { points, .. } => {
                    points.iter().map(|p| p.1).fold(0.0, f32::max)
                }
                Item::Open(_) | Item::Close => 0.0,
            })
            .fold(0.0, f32::max)
    }
}

/// Where a block goes: for a fixed block one placement (with no rows), for rows one per page
/// they appear on, the header drawn at `y` and the rows under it.
struct Placement {
    page: usize,
    y: f32,
    rows: Range<usize>,
    /// Points taken off a squeezed chart's plot.
    squeezed: f32,
}

/// The pagination of a list of blocks: placements per block, the page count and how far down
/// the last page the content reaches (not counting the space after it).
struct Plan {
    placements: Vec<Vec<Placement>>,
    pages: usize,
    end_y: f32,
}

impl Layout<'_> {
    /// Places blocks on pages: each block's items, built relative to its top, are moved to
    /// the block's place once, here.
    pub(super) fn flow(&self, blocks: Vec<Block>) -> Result<Vec<Page>, PdfError> {
        let plan = self.plan(&blocks, None);
        let plan = self.rebalance(&blocks, plan);
        let mut pages = vec![Page::default(); plan.pages];
        for (block, placements) in blocks.into_iter().zip(plan.placements) {
            match block {
                Block::Fixed {
                    items,
                    bookmark,
                    squeeze,
                    ..
                } => {
                    let p = &placements[0];
                    let items = match squeeze {
                        Some(s) if p.squeezed > 0.0 => {
                            self.chart_figure(s.chart, s.x, s.width, s.plot_h - p.squeezed)?
                        }
                        _ => items,
                    };
                    let page = &mut pages[p.page];
                    page.place(items, p.y);
                    page.bookmarks.extend(bookmark);
                }
                Block::Rows {
                    header,
                    header_h,
                    rows,
                    ..
                } => {
                    let mut rows = rows.into_iter();
                    for (k, p) in placements.into_iter().enumerate() {
                        let page = &mut pages[p.page];
                        if k == 0 {
                            page.place(header.iter().cloned(), p.y);
                        } else {
                            // The header repeated on the next pages is read once: here it
                            // is drawn as an artifact.
                            let repeated = header
                                .iter()
                                .filter(|i| !matches!(i, Item::Open(_) | Item::Close))
                                .cloned();
                            page.place(tagged(Role::Artifact, repeated.collect()), p.y);
                        }
                        let mut y = p.y + header_h;
                        for (h, items) in rows.by_ref().take(p.rows.len()) {
                            page.place(items, y);
                            y += h;
                        }
                    }
                }
            }
        }
        pages.retain(|p| !p.items.is_empty());
        Ok(pages)
    }

    /// A last page under `MIN_LAST_FILL` takes blocks from the page before: the latest break
    /// on that page that leaves the last page full enough without adding a page. A block
    /// after a heading is never a break (the heading would end its page).
    fn rebalance(&self, blocks: &[Block], plan: Plan) -> Plan {
        let g = &self.page;
        let page_h = g.height - g.bottom - g.top;
        let fill = |p: &Plan| (p.end_y - g.top) / page_h;
        if plan.pages < 2 || fill(&plan) >= MIN_LAST_FILL {
            return plan;
        }
        let before_last = plan.pages - 2;
        let starts_page = |i: usize| {
            plan.placements[i]
                .first()
                .is_some_and(|p| p.page == before_last && p.y > g.top)
        };
        let after_heading = |i: usize| {
            i > 0
                && matches!(
                    blocks[i - 1],
                    Block::Fixed {
                        keep_with_next: true,
                        ..
                    }
                )
        };
        (1..blocks.len())
            .rev()
            .filter(|&i| starts_page(i) && !after_heading(i))
            .map(|i| self.plan(blocks, Some(i)))
            .find(|p| p.pages == plan.pages && fill(p) >= MIN_LAST_FILL)
            .unwrap_or(plan)
    }

    /// Decides where each block goes; `break_before` starts that block on a new page.
    fn plan(&self, blocks: &[Block], break_before: Option<usize>) -> Plan {
        let g = &self.page;
        let bottom = g.height - g.bottom;
        let page_h = bottom - g.top;
        let mut page = 0;
        let mut y = g.top;
        let mut placements = Vec::with_capacity(blocks.len());
        let mut end_y = g.top;
        // What the charts placed so far may still give: (page, block, points).
        let mut gives: Vec<(usize, usize, f32)> = Vec::new();
        let new_page = |page: &mut usize, y: &mut f32| {
            *page += 1;
            *y = g.top;
        };
        for (i, block) in blocks.iter().enumerate() {
            if break_before == Some(i) && y > g.top {
                new_page(&mut page, &mut y);
            }
            match block {
                Block::Fixed {
                    height,
                    keep_with_next,
                    ..
                } => {
                    let next = match blocks.get(i + 1) {
                        Some(next) if *keep_with_next => next.lead_height(page_h),
                        _ => 0.0,
                    };
                    // What it misses the page's foot by, starting here: a heading with the
                    // lead of what follows it, any other block with its ink.
                    let need = if next > 0.0 {
                        height + next
                    } else {
                        block.ink()
                    };
                    let over = y + need - bottom;
                    let mut squeezed = 0.0;
                    if over > 0.0 && y > g.top {
                        let own = block.give();
                        let earlier: f32 = gives.iter().filter(|s| s.0 == page).map(|s| s.2).sum();
                        // The charts above give room only where the page would otherwise
                        // end with a gap.
                        let worth = bottom - y >= SQUEEZE_GAP * page_h;
                        if over <= own {
                            squeezed = over;
                        } else if worth && over <= own + earlier {
                            squeezed = own;
                            y -= take_from_page(&mut placements, &mut gives, page, over - own);
                        } else {
                            new_page(&mut page, &mut y);
                        }
                    }
                    placements.push(vec![Placement {
                        page,
                        y,
                        rows: 0..0,
                        squeezed,
                    }]);
                    if block.give() > squeezed {
                        gives.push((page, i, block.give() - squeezed));
                    }
                    end_y = y + block.reach() - squeezed;
                    y += height - squeezed;
                }
                Block::Rows {
                    header_h,
                    rows,
                    min_side,
                    keep_together,
                    after,
                    ..
                } => {
                    let heights: Vec<f32> = rows.iter().map(|r| r.0).collect();
                    let n = heights.len();
                    let total = header_h + heights.iter().sum::<f32>();
                    if *keep_together && y + total > bottom && y > g.top && total <= page_h {
                        new_page(&mut page, &mut y);
                    }
                    let mut parts = Vec::new();
                    let mut start = 0;
                    while start < n {
                        // The rows that fit under the header here.
                        let mut used = y + header_h;
                        let mut k = 0;
                        while start + k < n && used + heights[start + k] <= bottom {
                            used += heights[start + k];
                            k += 1;
                        }
                        if start + k < n {
                            // A break follows: both sides keep `min_side` rows, else the
                            // rows move on. At the top of a page nothing better exists.
                            let keep = k.min((n - start).saturating_sub(*min_side));
                            k = if keep >= *min_side {
                                keep
                            } else if y <= g.top {
                                k.max(1)
                            } else {
                                0
                            };
                        }
                        if k == 0 {
                            new_page(&mut page, &mut y);
                            continue;
                        }
                        parts.push(Placement {
                            page,
                            y,
                            rows: start..start + k,
                            squeezed: 0.0,
                        });
                        y += header_h + heights[start..start + k].iter().sum::<f32>();
                        start += k;
                        if start < n {
                            new_page(&mut page, &mut y);
                        }
                    }
                    if n > 0 {
                        end_y = y;
                    }
                    y += after;
                    placements.push(parts);
                }
            }
        }
        Plan {
            placements,
            pages: page + 1,
            end_y,
        }
    }

    pub(super) fn blocks(&self) -> Result<Vec<Block<'_>>, PdfError> {
        let mut out = Vec::new();
        for s in &self.view.sections {
            self.section(s, &mut out)?;
        }
        Ok(out)
    }

    pub(super) fn fixed(height: f32, items: Vec<Item>) -> Block<'static> {
        Block::Fixed {
            height,
            items,
            keep_with_next: false,
            bookmark: None,
            squeeze: None,
        }
    }
}

/// Takes `amount` points from the charts on `page` that may still give, the latest first,
/// moving up what follows each; returns how far the page's content moved up.
fn take_from_page(
    placements: &mut [Vec<Placement>],
    gives: &mut [(usize, usize, f32)],
    page: usize,
    amount: f32,
) -> f32 {
    let mut rest = amount;
    for (p, block, left) in gives.iter_mut().rev().filter(|g| g.0 == page) {
        let take = rest.min(*left);
        if take <= 0.0 {
            continue;
        }
        placements[*block][0].squeezed += take;
        for later in placements[*block + 1..].iter_mut().flatten() {
            if later.page == *p {
                later.y -= take;
            }
        }
        *left -= take;
        rest -= take;
    }
    amount - rest
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
                | Item::TableRow { y, .. }
                | Item::GoalRow { y, .. } => *y += top,
                Item::Polyline { points, .. } | Item::Polygon { points, .. } => {
                    points.iter_mut().for_each(|(_, y)| *y += top);
                }
                Item::Open(_) | Item::Close => {}
            }
            item
        }));
    }
}
