//! Page layout: the view flowed into pages of positioned items, following the pagination
//! rules (charts, tile rows and table rows are never split; a heading never ends a page; long
//! tables repeat their header on the next page).

use super::fonts::{FontBook, MissingGlyph, ShapedRun};
use crate::charts::geometry::{self, Anchor, ChartStyle, Shape};
use crate::charts::{Chart, ChartKind};
use crate::config::brand::{CoverStyle, PageSize};
use crate::render::view::{ReportView, SectionView, Table, Tile};

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
enum Block {
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
    fn text(
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
    fn text_anchored(
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
    fn paragraph(
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

    fn cover(&self) -> Result<Page, MissingGlyph> {
        let v = self.view;
        let t = &v.theme;
        let g = &self.page;
        let mut items = Vec::new();
        let (band_h, fg, muted) = match v.cover_style {
            CoverStyle::Full => (g.height, t.on_primary.as_str(), t.on_primary.as_str()),
            CoverStyle::Band => (
                g.height * 0.42,
                t.on_primary.as_str(),
                t.on_primary.as_str(),
            ),
            CoverStyle::Minimal => (0.0, t.text.as_str(), t.muted.as_str()),
        };
        if band_h > 0.0 {
            items.push(Item::Rect {
                x: 0.0,
                y: 0.0,
                w: g.width,
                h: band_h,
                color: rgb(&t.primary),
            });
        }
        items.push(Item::Rect {
            x: 0.0,
            y: band_h.max(6.0) - if band_h > 0.0 { 0.0 } else { 6.0 },
            w: g.width,
            h: 6.0,
            color: rgb(&t.accent),
        });
        let x = g.margin_x + 8.0;
        let width = g.content_width() - 16.0;
        let mut y = 96.0;
        match &self.logo {
            Some(logo) => {
                let h = 40.0;
                let w = (h * logo.aspect).min(220.0);
                if band_h > 0.0 {
                    // A white tile under the logo on a dark cover (logo_on_dark is drawn bare).
                    items.push(Item::Rect {
                        x: x - 8.0,
                        y: y - 8.0,
                        w: w + 16.0,
                        h: h * w / (h * logo.aspect) + 16.0,
                        color: [1.0, 1.0, 1.0],
                    });
                }
                items.push(Item::Logo {
                    x,
                    y,
                    w,
                    h: w / logo.aspect,
                });
                y += h + 56.0;
            }
            None => {
                items.push(self.text(&v.header, 14.0, true, x, y + 14.0, fg)?.0);
                y += 70.0;
            }
        }
        let text_top = if matches!(v.cover_style, CoverStyle::Band) {
            y.max(160.0)
        } else {
            g.height * 0.45
        };
        let mut y = text_top;
        items.push(self.text(&v.report_title_upper, 10.0, true, x, y, muted)?.0);
        y += 16.0;
        let (title, h) = self.paragraph(&v.client_name, 30.0, true, x, width, fg)?;
        items.extend(shift(title, y));
        y += h + 10.0;
        items.push(self.text(&v.period_label, 15.0, false, x, y + 15.0, fg)?.0);
        y += 24.0;
        if let Some(c) = &v.comparison_label {
            items.push(self.text(c, 10.5, false, x, y + 10.5, muted)?.0);
            y += 18.0;
        }
        y += 14.0;
        items.push(
            self.text(&v.prepared_by, 10.0, false, x, y + 10.0, muted)?
                .0,
        );
        // Contact block at the foot of the cover.
        let foot_color = if matches!(v.cover_style, CoverStyle::Full) {
            fg
        } else {
            t.muted.as_str()
        };
        let mut fy = g.height - 60.0;
        items.push(self.text(&v.agency_name, 10.0, true, x, fy, foot_color)?.0);
        fy += 14.0;
        let line = v.contact.join("  ·  ");
        if !line.is_empty() {
            let (item, w) = self.text(&line, 9.0, false, x, fy, foot_color)?;
            items.push(item);
            if let Some(site) = v
                .contact
                .iter()
                .find(|c| c.starts_with("https://") || c.starts_with("http://"))
            {
                items.push(Item::Link {
                    x,
                    y: fy - 9.0,
                    w,
                    h: 12.0,
                    uri: site.clone(),
                });
            }
        }
        Ok(Page {
            items,
            bookmarks: vec![v.client_name.clone()],
        })
    }

    /// Running header and footer of the inner pages.
    fn furniture(&self, page: &mut Page, n: usize, total: usize) -> Result<(), MissingGlyph> {
        let v = self.view;
        let g = &self.page;
        let t = &v.theme;
        let mut items = Vec::new();
        let base = 34.0;
        match &self.logo {
            Some(logo) => {
                let h = 16.0;
                items.push(Item::Logo {
                    x: g.margin_x,
                    y: base - h + 2.0,
                    w: h * logo.aspect,
                    h,
                });
            }
            None => items.push(
                self.text(&v.header, 9.0, true, g.margin_x, base, &t.primary)?
                    .0,
            ),
        }
        let right = format!("{} · {}", v.client_name, v.period_label);
        let right = truncate_to(self.fonts, &right, 8.5, g.content_width() * 0.6)?;
        items.push(self.text_anchored(
            &right,
            8.5,
            false,
            (g.width - g.margin_x, base, Anchor::End),
            &t.muted,
        )?);
        items.push(Item::Rect {
            x: g.margin_x,
            y: base + 8.0,
            w: g.content_width(),
            h: 0.6,
            color: rgb(&t.grid),
        });
        let fy = g.height - 28.0;
        items.push(Item::Rect {
            x: g.margin_x,
            y: fy - 14.0,
            w: g.content_width(),
            h: 0.6,
            color: rgb(&t.grid),
        });
        let footer = v
            .footer
            .clone()
            .unwrap_or_else(|| format!("{} · {}", v.agency_name, v.contact.join(" · ")));
        let footer = truncate_to(self.fonts, &footer, 7.5, g.content_width() * 0.7)?;
        items.push(self.text(&footer, 7.5, false, g.margin_x, fy, &t.muted)?.0);
        items.push(self.text_anchored(
            &(self.page_label)(n, total),
            7.5,
            false,
            (g.width - g.margin_x, fy, Anchor::End),
            &t.muted,
        )?);
        page.items.extend(items);
        Ok(())
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
        if !s.tiles.is_empty() {
            let per_row = if s.template == "summary" { 4 } else { 5 };
            for row in s.tiles.chunks(per_row) {
                out.push(self.tile_row(row, per_row)?);
            }
        }
        for hl in &s.highlights {
            let color = match hl.sentiment {
                "good" => &t.positive,
                "bad" => &t.negative,
                _ => &t.muted,
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
        for chart in &s.charts {
            out.push(self.chart_block(chart, x, width)?);
        }
        for table in &s.tables {
            out.push(self.table(table)?);
        }
        for goal in &s.goals {
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
        if let Some(html) = &s.commentary_html {
            for (kind, text) in commentary_blocks(html) {
                let (size, bold) = if kind == "h" {
                    (11.5, true)
                } else {
                    (BODY, false)
                };
                let (items, h) = self.paragraph(&text, size, bold, x, width.min(470.0), &t.text)?;
                out.push(Self::fixed(h + 6.0, items));
            }
        }
        for p in &s.paragraphs {
            let (items, h) = self.paragraph(p, BODY, false, x, width, &t.text)?;
            out.push(Self::fixed(h + 5.0, items));
        }
        for d in &s.definitions {
            let term_w = 130.0;
            let (term, th) = self.paragraph(&d.term, SMALL, true, x, term_w - 8.0, &t.text)?;
            let (text, dh) =
                self.paragraph(&d.text, SMALL, false, x + term_w, width - term_w, &t.muted)?;
            let mut items = term;
            items.extend(text);
            out.push(Self::fixed(th.max(dh) + 4.0, items));
        }
        if let Some(Block::Fixed { height, .. }) = out.last_mut() {
            *height += 14.0;
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
                    "good" => &t.positive,
                    "bad" => &t.negative,
                    _ => &t.muted,
                };
                // The arrow is drawn, not a glyph: body fonts rarely have ▲ and ▼.
                let (tx, ty, size) = (inner, y - 3.2, 5.0);
                let triangle = match tile.arrow {
                    "▲" => Some(vec![
                        (tx, ty + size * 0.45),
                        (tx + size, ty + size * 0.45),
                        (tx + size / 2.0, ty - size * 0.45),
                    ]),
                    "▼" => Some(vec![
                        (tx, ty - size * 0.45),
                        (tx + size, ty - size * 0.45),
                        (tx + size / 2.0, ty + size * 0.45),
                    ]),
                    _ => None,
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
                        pts.push(p(cx + outer * a.sin(), cy - outer * a.cos()));
                    }
                    for k in (0..=steps).rev() {
                        let a = start + (end - start) * k as f64 / steps as f64;
                        pts.push(p(cx + inner * a.sin(), cy - inner * a.cos()));
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

    fn table(&self, table: &Table) -> Result<Block, MissingGlyph> {
        let g = &self.page;
        let t = &self.view.theme;
        let x = g.margin_x;
        let width = g.content_width();
        let n = table.columns.len().max(1);
        let first_w = (width * 0.3)
            .max(width - (n - 1) as f32 * 62.0)
            .min(width * 0.45);
        let col_w = if n > 1 {
            (width - first_w) / (n - 1) as f32
        } else {
            0.0
        };
        // Left edge of column i; numeric columns are right-aligned at col_x(i) + col_w.
        let col_x = |i: usize| {
            if i == 0 {
                x
            } else {
                x + first_w + col_w * (i - 1) as f32
            }
        };
        let size = 7.5;
        let (caption, ch) = self.paragraph(&table.caption, 10.0, true, x, width, &t.text)?;
        let mut header = shift(caption, 0.0);
        header.push(Item::TableHeader {
            caption: table.caption.clone(),
            y: 0.0,
        });
        header.push(Item::TableHeader {
            caption: table.caption.clone(),
            y: 0.0,
        });
        let mut hy = ch + 6.0;
        let mut header_lines = 1;
        let mut header_items = Vec::new();
        for (i, c) in table.columns.iter().enumerate() {
            let w = if i == 0 { first_w } else { col_w } - 6.0;
            let lines = self.fonts.wrap(&c.label, size, true, w)?;
            header_lines = header_lines.max(lines.len());
            for (k, line) in lines.iter().enumerate() {
                let ly = hy + size + k as f32 * (size * 1.25);
                header_items.push(if c.numeric {
                    self.text_anchored(
                        line,
                        size,
                        true,
                        (
                            col_x(i) + (if i == 0 { first_w } else { col_w }),
                            ly,
                            Anchor::End,
                        ),
                        &t.muted,
                    )?
                } else {
                    self.text(line, size, true, col_x(i), ly, &t.muted)?.0
                });
            }
        }
        header.extend(header_items);
        hy += header_lines as f32 * size * 1.25 + 4.0;
        header.push(Item::Rect {
            x,
            y: hy,
            w: width,
            h: 0.8,
            color: rgb(&t.grid),
        });
        let header_h = hy + 3.0;
        let mut rows = Vec::new();
        let all_rows = table
            .rows
            .iter()
            .map(|r| (r, false))
            .chain(table.other.iter().map(|r| (r, true)));
        for (cells, other) in all_rows {
            let mut items = Vec::new();
            let label_lines = self.fonts.wrap(&cells[0], size, false, first_w - 8.0)?;
            let h = label_lines.len() as f32 * size * 1.3 + 6.0;
            let color = if other { &t.muted } else { &t.text };
            for (k, line) in label_lines.iter().enumerate() {
                items.push(
                    self.text(
                        line,
                        size,
                        false,
                        x,
                        3.0 + size + k as f32 * size * 1.3,
                        color,
                    )?
                    .0,
                );
            }
            for (i, cell) in cells.iter().enumerate().skip(1) {
                items.push(self.text_anchored(
                    cell,
                    size,
                    false,
                    (col_x(i) + col_w, 3.0 + size, Anchor::End),
                    color,
                )?);
            }
            items.push(Item::Rect {
                x,
                y: h - 0.5,
                w: width,
                h: 0.5,
                color: rgb(&t.grid),
            });
            items.push(Item::TableRow {
                caption: table.caption.clone(),
                y: 0.0,
            });
            rows.push((h, items));
        }
        Ok(Block::Table {
            header,
            header_h,
            rows,
        })
    }
}

/// Moves items down by `dy`.
fn shift(items: Vec<Item>, dy: f32) -> Vec<Item> {
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
fn truncate_to(fonts: &FontBook, s: &str, size: f32, width: f32) -> Result<String, MissingGlyph> {
    // Shaping fails only for a missing glyph: find out first, then measure freely.
    fonts.shape(s, size, false)?;
    let measure = |t: &str, sz: f64| {
        fonts
            .measure(t, sz as f32, false)
            .map_or(f64::MAX, f64::from)
    };
    Ok(geometry::ellipsize(s, width as f64, size as f64, &measure))
}

/// The commentary's sanitized HTML as plain blocks: ("h", heading) or ("p", paragraph).
fn commentary_blocks(html: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start + 1..start + end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let block = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" => Some("h"),
            "p" | "li" => Some("p"),
            _ => None,
        };
        rest = &rest[start + end + 1..];
        if let (Some(kind), false) = (block, tag.starts_with('/')) {
            let close = format!("</{name}>");
            let inner_end = rest.find(&close).unwrap_or(rest.len());
            let text = strip_tags(&rest[..inner_end]);
            let text = if name == "li" {
                format!("•  {text}")
            } else {
                text
            };
            if !text.trim().is_empty() {
                out.push((kind, text.trim().to_string()));
            }
            rest = &rest[(inner_end + close.len()).min(rest.len())..];
        }
    }
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
