//! Page layout: the view flowed into pages of positioned items, following the pagination
//! rules (charts, tile rows and table rows are never split; a heading never ends a page; long
//! tables repeat their header on the next page).

use super::fonts::{FontBook, MissingGlyph, ShapedRun};
use crate::charts::geometry::{self, Anchor, ChartStyle, Shape};
use crate::charts::{Chart, ChartKind};
use crate::config::brand::PageSize;
use crate::render::markdown::TextKind;
use crate::render::view::{Arrow, ReportView, SectionBody, SectionView, Tile, Tone};
use crate::report::model::Sentiment;

/// A colour as 0–1 RGB.
pub type Rgb = [f32; 3];

pub fn rgb(hex: &str) -> Rgb {
    let c =
        crate::config::brand::Color::parse(hex).unwrap_or(crate::config::brand::Color([0, 0, 0]));
    [
        c.0[0] as f32 / 255.0,
        c.0[1] as f32 / 255.0,
        c.0[2] as f32 / 255.0,
    ]
}

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

/// Logo size in points (aspect kept), when the brand has one.
pub struct LogoInfo {
    pub aspect: f32,
}

/// A block of the flow: its height and how to draw it at a vertical position.
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

pub struct Layout<'a> {
    pub view: &'a ReportView,
    pub fonts: &'a FontBook,
    pub page: PageGeometry,
    pub logo: Option<LogoInfo>,
    /// "Page {n} of {N}" with placeholders, localized.
    pub page_label: &'a dyn Fn(usize, usize) -> String,
}

const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;

impl Layout<'_> {
    pub(super) fn text(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        x: f32,
        y: f32,
        color: &str,
    ) -> Result<(Item, f32), MissingGlyph> {
        let runs = self.fonts.shape(s, size, bold)?;
        let w = runs.iter().map(|r| r.width).sum();
        Ok((
            Item::Text {
                x,
                y,
                runs,
                color: rgb(color),
            },
            w,
        ))
    }

    /// Text placed by an anchor point: `at` is (x, baseline y, which end x is).
    pub(super) fn text_anchored(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        at: (f32, f32, Anchor),
        color: &str,
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

    /// Wrapped text; returns the items (y relative to the block top) and the height.
    pub(super) fn paragraph(
        &self,
        s: &str,
        size: f32,
        bold: bool,
        x: f32,
        width: f32,
        color: &str,
    ) -> Result<(Vec<Item>, f32), MissingGlyph> {
        let leading = size * 1.4;
        let mut items = Vec::new();
        let lines = self.fonts.wrap(s, size, bold, width)?;
        for (i, line) in lines.iter().enumerate() {
            items.push(
                self.text(line, size, bold, x, size + i as f32 * leading, color)?
                    .0,
            );
        }
        Ok((items, lines.len() as f32 * leading))
    }

    pub fn pages(&self) -> Result<Vec<Page>, MissingGlyph> {
        let mut pages = vec![self.cover()?];
        let blocks = self.blocks()?;
        let flow = self.flow(blocks);
        pages.extend(flow);
        let total = pages.len();
        for (n, page) in pages.iter_mut().enumerate().skip(1) {
            self.furniture(page, n + 1, total)?;
        }
        Ok(pages)
    }

    /// Places blocks on pages.
    fn flow(&self, blocks: Vec<Block>) -> Vec<Page> {
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

    fn blocks(&self) -> Result<Vec<Block>, MissingGlyph> {
        let mut out = Vec::new();
        for s in &self.view.sections {
            self.section(s, &mut out)?;
        }
        Ok(out)
    }

    fn fixed(height: f32, items: Vec<Item>) -> Block {
        Block::Fixed {
            height,
            items,
            keep_with_next: false,
            bookmark: None,
        }
    }

    fn section(&self, s: &SectionView, out: &mut Vec<Block>) -> Result<(), MissingGlyph> {
        let g = &self.page;
        let t = &self.view.theme;
        let x = g.margin_x;
        let width = g.content_width();
        let (title, h) = self.paragraph(&s.title, 16.0, true, x, width, &t.primary)?;
        out.push(Block::Fixed {
            height: h + 12.0,
            items: shift(title, 8.0),
            keep_with_next: true,
            bookmark: Some(s.title.clone()),
        });
        match &s.body {
            SectionBody::Summary { tiles, highlights } => {
                self.tile_rows(tiles, 4, out)?;
                for hl in highlights {
                    let color = match hl.sentiment {
                        Sentiment::Good => &t.positive,
                        Sentiment::Bad => &t.negative,
                        Sentiment::Neutral => &t.muted,
                    };
                    let (mut items, h) =
                        self.paragraph(&hl.text, BODY, false, x + 12.0, width - 20.0, &t.text)?;
                    let h = h + 8.0;
                    items = shift(items, 4.0);
                    items.insert(
                        0,
                        Item::Rect {
                            x,
                            y: 0.0,
                            w: width,
                            h: h - 3.0,
                            color: rgb(&t.surface),
                        },
                    );
                    items.insert(
                        1,
                        Item::Rect {
                            x,
                            y: 0.0,
                            w: 3.0,
                            h: h - 3.0,
                            color: rgb(color),
                        },
                    );
                    out.push(Self::fixed(h + 1.0, items));
                }
            }
            SectionBody::Channel {
                tiles,
                charts,
                tables,
            } => {
                self.tile_rows(tiles, 5, out)?;
                for chart in charts {
                    out.push(self.chart_block(chart, x, width)?);
                }
                for table in tables {
                    out.push(self.table(table)?);
                }
            }
            SectionBody::Goals { goals } => {
                for goal in goals {
                    let mut items = Vec::new();
                    items.push(
                        self.text(&goal.label, BODY, true, x, BODY + 2.0, &t.text)?
                            .0,
                    );
                    let color = match goal.met {
                        Some(true) => &t.positive,
                        Some(false) => &t.negative,
                        None => &t.muted,
                    };
                    items.push(self.text_anchored(
                        &goal.status,
                        BODY,
                        true,
                        (x + width, BODY + 2.0, Anchor::End),
                        color,
                    )?);
                    let bar_w = width.min(360.0);
                    items.extend(self.chart_items(&goal.bar, x, 18.0, bar_w, 9.0)?);
                    let detail = format!("{} · {}", goal.value, goal.target);
                    items.push(self.text(&detail, SMALL, false, x, 42.0, &t.muted)?.0);
                    let mut h = 50.0;
                    if let Some(note) = &goal.note {
                        items.push(self.text(note, SMALL, false, x, 54.0, &t.muted)?.0);
                        h += 12.0;
                    }
                    out.push(Self::fixed(h + 6.0, items));
                }
            }
            SectionBody::Commentary {
                commentary_blocks, ..
            } => {
                for block in commentary_blocks {
                    let (size, bold) = if block.kind == TextKind::Heading {
                        (11.5, true)
                    } else {
                        (BODY, false)
                    };
                    // List items are indented by level and bulleted; code keeps its line breaks.
                    let indent = block.level as f32 * 12.0;
                    let text = if block.kind == TextKind::Item {
                        format!("•  {}", block.text)
                    } else {
                        block.text.clone()
                    };
                    let (items, h) = self.paragraph(
                        &text,
                        size,
                        bold,
                        x + indent,
                        width.min(470.0) - indent,
                        &t.text,
                    )?;
                    out.push(Self::fixed(h + 6.0, items));
                }
            }
            SectionBody::DataNotes {
                paragraphs,
                definitions,
            } => {
                for p in paragraphs {
                    let (items, h) = self.paragraph(p, BODY, false, x, width, &t.text)?;
                    out.push(Self::fixed(h + 5.0, items));
                }
                for d in definitions {
                    let term_w = 130.0;
                    let (term, th) =
                        self.paragraph(&d.term, SMALL, true, x, term_w - 8.0, &t.text)?;
                    let (text, dh) = self.paragraph(
                        &d.text,
                        SMALL,
                        false,
                        x + term_w,
                        width - term_w,
                        &t.muted,
                    )?;
                    let mut items = term;
                    items.extend(text);
                    out.push(Self::fixed(th.max(dh) + 4.0, items));
                }
            }
        }
        if let Some(Block::Fixed { height, .. }) = out.last_mut() {
            *height += 14.0;
        }
        Ok(())
    }

    fn tile_rows(
        &self,
        tiles: &[Tile],
        per_row: usize,
        out: &mut Vec<Block>,
    ) -> Result<(), MissingGlyph> {
        for row in tiles.chunks(per_row) {
            out.push(self.tile_row(row, per_row)?);
        }
        Ok(())
    }

    fn tile_row(&self, tiles: &[Tile], per_row: usize) -> Result<Block, MissingGlyph> {
        let g = &self.page;
        let t = &self.view.theme;
        let gap = 8.0;
        let w = (g.content_width() - gap * (per_row - 1) as f32) / per_row as f32;
        let has_spark = tiles.iter().any(|t| t.sparkline.is_some());
        let has_note = tiles.iter().any(|t| t.note.is_some());
        let value_size = if per_row == 4 { 17.0 } else { 13.5 };
        let mut h: f32 = 10.0 + 12.0 + value_size + 6.0 + 11.0 + 11.0 + 4.0;
        if has_spark {
            h += 26.0;
        }
        let note_lines = tiles
            .iter()
            .filter_map(|tile| tile.note.as_ref())
            .map(|n| self.fonts.wrap(n, 6.5, false, w - 16.0).map(|l| l.len()))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .max()
            .unwrap_or(0);
        if has_note {
            h += note_lines as f32 * 8.5 + 2.0;
        }
        let mut items = Vec::new();
        for (i, tile) in tiles.iter().enumerate() {
            let x = g.margin_x + i as f32 * (w + gap);
            items.push(Item::Rect {
                x,
                y: 0.0,
                w,
                h: h - 6.0,
                color: rgb(&t.surface),
            });
            let inner = x + 8.0;
            let mut y = 16.0;
            let label = truncate_to(self.fonts, &tile.label, 7.5, w - 16.0)?;
            items.push(self.text(&label, 7.5, false, inner, y, &t.muted)?.0);
            y += value_size + 5.0;
            let value = truncate_to(self.fonts, &tile.value, value_size, w - 16.0)?;
            items.push(self.text(&value, value_size, true, inner, y, &t.text)?.0);
            y += 13.0;
            if let Some(change) = &tile.change {
                let color = match tile.sentiment {
                    Tone::Good => &t.positive,
                    Tone::Bad => &t.negative,
                    Tone::Neutral | Tone::None => &t.muted,
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
                        items.push(Item::Polygon {
                            points,
                            color: rgb(color),
                        });
                        inner + size + 3.0
                    }
                    None => inner,
                };
                items.push(self.text(change, 8.0, true, text_x, y, color)?.0);
            }
            y += 11.0;
            if let Some(p) = &tile.previous {
                items.push(
                    self.text(
                        &truncate_to(self.fonts, p, 7.0, w - 16.0)?,
                        7.0,
                        false,
                        inner,
                        y,
                        &t.muted,
                    )?
                    .0,
                );
            }
            y += 6.0;
            if let Some(spark) = &tile.sparkline {
                items.extend(self.chart_items(spark, inner, y, w - 16.0, 22.0)?);
            }
            if let Some(note) = &tile.note {
                let ny = if has_spark { y + 28.0 } else { y + 4.0 };
                for (n, line) in self
                    .fonts
                    .wrap(note, 6.5, false, w - 16.0)?
                    .iter()
                    .enumerate()
                {
                    items.push(
                        self.text(line, 6.5, false, inner, ny + n as f32 * 8.5, &t.muted)?
                            .0,
                    );
                }
            }
        }
        Ok(Self::fixed(h, items))
    }

    fn chart_style(&self) -> ChartStyle {
        let t = &self.view.theme;
        ChartStyle {
            font_size: 7.5,
            text: t.text.clone(),
            muted: t.muted.clone(),
            grid: t.grid.clone(),
            track: t.surface.clone(),
        }
    }

    fn chart_block(&self, chart: &Chart, x: f32, width: f32) -> Result<Block, MissingGlyph> {
        let style = self.chart_style();
        let (caption, ch) =
            self.paragraph(&chart.title, 10.0, true, x, width, &self.view.theme.text)?;
        let cap = match chart.kind {
            ChartKind::HBars => 400.0,
            ChartKind::Bars => 110.0,
            _ => 140.0,
        };
        let height = (geometry::natural_height(chart, width as f64, &style) as f32).min(cap);
        let top = ch + 6.0;
        let mut items = caption;
        items.push(Item::ChartBox {
            id: chart.id.clone(),
            y: 0.0,
            h: top + height,
        });
        items.extend(self.chart_items(chart, x, top, width, height)?);
        Ok(Self::fixed(top + height + 16.0, items))
    }

    /// Chart shapes as page items, offset to (x, y).
    fn chart_items(
        &self,
        chart: &Chart,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    ) -> Result<Vec<Item>, MissingGlyph> {
        let fonts = self.fonts;
        let measure = |s: &str, size: f64| {
            fonts
                .measure(s, size as f32, false)
                .unwrap_or(s.chars().count() as f32 * size as f32 * 0.6) as f64
        };
        let shapes = geometry::layout(
            chart,
            width as f64,
            height as f64,
            &self.chart_style(),
            &measure,
        );
        let mut items = Vec::new();
        let p = |px: f64, py: f64| (x + px as f32, y + py as f32);
        for shape in shapes {
            match shape {
                Shape::Polyline {
                    points,
                    color,
                    width,
                    dashed,
                } => items.push(Item::Polyline {
                    points: points.into_iter().map(|(a, b)| p(a, b)).collect(),
                    color: rgb(&color),
                    width: width as f32 * 0.8,
                    dashed,
                }),
                Shape::Rect {
                    x: rx,
                    y: ry,
                    w,
                    h,
                    color,
                    ..
                } => {
                    let (a, b) = p(rx, ry);
                    items.push(Item::Rect {
                        x: a,
                        y: b,
                        w: w as f32,
                        h: h as f32,
                        color: rgb(&color),
                    });
                }
                Shape::Arc {
                    cx,
                    cy,
                    outer,
                    inner,
                    start,
                    end,
                    color,
                } => {
                    let steps = (((end - start) / 0.05).ceil() as usize).max(2);
                    let mut pts = Vec::new();
                    for k in 0..=steps {
                        let a = start + (end - start) * k as f64 / steps as f64;
                        let (ax, ay) = geometry::arc_point(cx, cy, outer, a);
                        pts.push(p(ax, ay));
                    }
                    for k in (0..=steps).rev() {
                        let a = start + (end - start) * k as f64 / steps as f64;
                        let (ax, ay) = geometry::arc_point(cx, cy, inner, a);
                        pts.push(p(ax, ay));
                    }
                    items.push(Item::Polygon {
                        points: pts,
                        color: rgb(&color),
                    });
                }
                Shape::Text {
                    x: tx,
                    y: ty,
                    text,
                    size,
                    anchor,
                    color,
                    bold,
                } => {
                    let (a, b) = p(tx, ty);
                    items.push(self.text_anchored(
                        &text,
                        size as f32,
                        bold,
                        (a, b, anchor),
                        &color,
                    )?);
                }
            }
        }
        Ok(items)
    }
}

/// Moves items down by `dy`.
pub(super) fn shift(items: Vec<Item>, dy: f32) -> Vec<Item> {
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
