//! Page layout: the view flowed into pages of positioned items, following the pagination
//! rules (charts, tile rows and table rows are never split; a heading never ends a page; a
//! table breaks only between three rows and three, repeating its header; a goal list stays on
//! one page; a last page is not left nearly empty when blocks can move to it).
//!
//! By phase: the builders (`section`, `tiles`, `chart`, `table`) turn the view into blocks
//! whose items are relative to the block's top; `flow` places the blocks onto pages; the
//! cover and the running header and footer are added last (`../cover.rs`).

mod chart;
mod flow;
mod section;
mod styled;
mod summary;
mod table;
mod tiles;
mod weekly;

pub(crate) use weekly::{DIGEST_PAGES, TrendFit};

use super::PdfError;
use super::fonts::{FontBook, MissingGlyph, ShapedRun};
use super::palette::{Palette, Rgb};
use super::structure::Role;
use crate::charts::geometry::{self, Anchor};
use crate::config::brand::PageSize;
use crate::render::view::{ReportView, TextDirection};

/// Something drawn on a page; coordinates in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        runs: Vec<ShapedRun>,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Polyline {
        points: Vec<(f32, f32)>,
        color: Rgb,
        width: f32,
        dashed: bool,
    },
    /// A closed filled shape.
    Polygon {
        points: Vec<(f32, f32)>,
        color: Rgb,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        /// The brand's variant for dark backgrounds (drawn on a cover band).
        on_dark: bool,
    },
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        uri: String,
    },
    /// Marks the area of a chart, so tests can check charts never cross a page boundary.
    ChartBox {
        id: String,
        y: f32,
        h: f32,
    },
    /// Marks a table's header and its rows (by caption), for the same kind of checks.
    TableHeader {
        caption: String,
        y: f32,
    },
    TableRow {
        caption: String,
        y: f32,
    },
    /// Marks a goal of the goal list (by its label).
    GoalRow {
        label: String,
        y: f32,
    },
    /// Starts a structure element (tagged PDF) holding the items up to its `Close`.
    Open(Role),
    Close,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub items: Vec<Item>,
    /// Section titles that start on this page (document outline).
    pub bookmarks: Vec<String>,
}

pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
    pub margin_x: f32,
    pub top: f32,
    pub bottom: f32,
}

impl PageGeometry {
    pub fn for_size(size: PageSize) -> Self {
        let (width, height) = match size {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
        };
        PageGeometry {
            width,
            height,
            margin_x: 44.0,
            top: 64.0,
            bottom: 56.0,
        }
    }

    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin_x
    }
}

/// Logo proportions, when the brand has one (and a variant for dark backgrounds).
pub struct LogoInfo {
    pub aspect: f32,
    pub on_dark_aspect: Option<f32>,
}

pub struct Layout<'a> {
    pub view: &'a ReportView,
    /// The theme's colours, parsed once.
    pub palette: Palette,
    pub fonts: &'a FontBook,
    pub page: PageGeometry,
    pub logo: Option<LogoInfo>,
    /// "Page {n} of {N}" with placeholders, localized.
    pub page_label: &'a dyn Fn(usize, usize) -> String,
    /// How the weekly digest sets its 13 weeks' bars.
    pub(crate) trend_fit: TrendFit,
}

impl Layout<'_> {
    /// Whether the report is written right to left: lines are shaped with a right-to-left base
    /// direction and every page is mirrored once laid out.
    pub(super) fn rtl(&self) -> bool {
        self.view.dir == TextDirection::Rtl
    }

    pub(super) fn text(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        x: f32,
        y: f32,
        color: Rgb,
    ) -> Result<(Item, f32), MissingGlyph> {
        let runs = self.fonts.shape_line(s, size, bold, self.rtl())?;
        let w = runs.iter().map(|r| r.width).sum();
        Ok((Item::Text { x, y, runs, color }, w))
    }

    /// Text placed by an anchor point: `at` is (x, baseline y, which end x is).
    pub(super) fn text_anchored(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        at: (f32, f32, Anchor),
        color: Rgb,
    ) -> Result<Item, MissingGlyph> {
        let (x, y, anchor) = at;
        let (mut item, w) = self.text(s, size, bold, x, y, color)?;
        if let Item::Text { x: ix, .. } = &mut item {
            *ix = match anchor {
                Anchor::Start => x,
                Anchor::Middle => x - w / 2.0,
                Anchor::End => x - w,
            };
        }
        Ok(item)
    }

    /// Wrapped text whose first line's top is at `at` = (x, top), in the block's coordinates;
    /// returns the items and the height.
    pub(super) fn paragraph(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        at: (f32, f32),
        width: f32,
        color: Rgb,
    ) -> Result<(Vec<Item>, f32), MissingGlyph> {
        let (x, top) = at;
        let leading = size * 1.4;
        let mut items = Vec::new();
        let lines = self.fonts.wrap(s, size, bold, width)?;
        for (i, line) in lines.iter().enumerate() {
            items.push(
                self.text(line, size, bold, x, size + i as f32 * leading + top, color)?
                    .0,
            );
        }
        Ok((items, lines.len() as f32 * leading))
    }

    pub fn pages(&self) -> Result<Vec<Page>, PdfError> {
        let mut pages = vec![self.cover()?];
        let blocks = self.blocks()?;
        let flow = self.flow(blocks)?;
        pages.extend(flow);
        let total = pages.len();
        for (n, page) in pages.iter_mut().enumerate().skip(1) {
            self.furniture(page, n + 1, total)?;
        }
        // Right to left, the whole page is laid out as left to right and then mirrored: tiles,
        // table columns, header and footer start at the right. Charts were mirrored within their
        // own box beforehand, so they keep time running left to right (see `chart_items`).
        if self.rtl() {
            for page in &mut pages {
                mirror(&mut page.items, self.page.width);
            }
        }
        Ok(pages)
    }
}

/// `items` as one structure element.
pub(super) fn tagged(role: Role, items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len() + 2);
    out.push(Item::Open(role));
    out.extend(items);
    out.push(Item::Close);
    out
}

/// Mirrors items across the vertical line at `axis / 2` (x becomes `axis - x`); text keeps its
/// glyphs' visual order and moves as a whole.
pub(super) fn mirror(items: &mut [Item], axis: f32) {
    for item in items {
        match item {
            Item::Text { x, runs, .. } => {
                let w: f32 = runs.iter().map(|r| r.width).sum();
                *x = axis - *x - w;
            }
            Item::Rect { x, w, .. } | Item::Logo { x, w, .. } | Item::Link { x, w, .. } => {
                *x = axis - *x - *w;
            }
            Item::Polyline { points, .. } | Item::Polygon { points, .. } => {
                for p in points {
                    p.0 = axis - p.0;
                }
            }
            Item::ChartBox { .. }
            | Item::TableHeader { .. }
            | Item::TableRow { .. }
            | Item::GoalRow { .. }
            | Item::Open(_)
            | Item::Close => {}
        }
    }
}

/// Shortens text with "…" to fit `width`.
pub(super) fn truncate_to(
    fonts: &FontBook,
    s: &str,
    size: f32,
    width: f32,
) -> Result<String, MissingGlyph> {
    // Shaping fails only for a missing glyph: find out first, then measure freely.
    fonts.shape(s, size, false)?;
    let measure = |t: &str, sz: f64| {
        fonts
            .measure(t, sz as f32, false)
            .map_or(f64::MAX, f64::from)
    };
    Ok(geometry::ellipsize(s, width as f64, size as f64, &measure))
}
