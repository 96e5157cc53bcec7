//! Charts as page items, from the chart description shared with the SVG renderer.

use super::flow::{Block, Squeeze};
use super::{Item, Layout};
use crate::charts::geometry::{self, ChartStyle, Shape};
use crate::charts::{Chart, ChartKind};
use crate::render::pdf::structure::Role;
use crate::render::pdf::{PdfError, Rgb};

/// The share of its height a chart may give up to end a page. At 140 pt a line chart keeps
/// 112: with its legend, an event row and its day labels that leaves a plot of about 66 pt,
/// so five value ticks stay 16 pt apart, clear of the 9.4 pt under which the axis would drop
/// labels; a 110 pt bar chart keeps 88.
const SQUEEZE: f32 = 0.2;

impl Layout<'_> {
    /// The chart description takes the theme's colour strings (it is drawn to SVG too).
    fn chart_style(&self) -> ChartStyle {
        self.chart_style_sized(7.5)
    }

    fn chart_style_sized(&self, font_size: f64) -> ChartStyle {
        let t = &self.view.theme;
        ChartStyle {
            font_size,
            text: t.text.clone(),
            muted: t.muted.clone(),
            grid: t.grid.clone(),
            track: t.surface.clone(),
        }
    }

    /// A chart with its caption as a block of the flow; a line, bar or donut chart may be
    /// drawn up to `SQUEEZE` of its height shorter to end a page.
    pub(super) fn chart_block<'c>(
        &self,
        chart: &'c Chart,
        x: f32,
        width: f32,
    ) -> Result<Block<'c>, PdfError> {
        let cap = match chart.kind {
            ChartKind::HBars => 400.0,
            ChartKind::Bars => 110.0,
            _ => 140.0,
        };
        let natural = geometry::natural_height(chart, width as f64, &self.chart_style()) as f32;
        let plot_h = natural.min(cap);
        // A donut's legend takes a row per slice beside it: it gives only what they leave.
        let give = match chart.kind {
            ChartKind::Line | ChartKind::Bars | ChartKind::TrendBars => plot_h * SQUEEZE,
            ChartKind::Donut => (plot_h * SQUEEZE).min(plot_h - donut_legend_h(chart)),
            _ => 0.0,
        };
        let items = self.chart_figure(chart, x, width, plot_h)?;
        let height = match items.iter().find(|i| matches!(i, Item::ChartBox { .. })) {
            Some(Item::ChartBox { h, .. }) => *h,
            _ => plot_h,
        };
        Ok(Block::Fixed {
            height: height + 16.0,
            items,
            keep_with_next: false,
            bookmark: None,
            squeeze: (give > 0.0).then_some(Squeeze {
                chart,
                x,
                width,
                plot_h,
                give,
            }),
        })
    }

    /// A chart's caption, its box (a layout marker) and the chart `plot_h` high under it.
    pub(super) fn chart_figure(
        &self,
        chart: &Chart,
        x: f32,
        width: f32,
        plot_h: f32,
    ) -> Result<Vec<Item>, PdfError> {
        let (caption, ch) =
            self.paragraph(&chart.title, 10.0, true, (x, 0.0), width, self.palette.text)?;
        let top = ch + 6.0;
        let mut items = super::tagged(Role::Caption, caption);
        items.push(Item::ChartBox {
            id: chart.id.clone(),
            y: 0.0,
            h: top + plot_h,
        });
        items.extend(self.chart_items(chart, x, top, width, plot_h)?);
        Ok(items)
    }

    /// Text widths for the chart geometry (an estimate for a character no font has: shaping
    /// reports it when the text is drawn).
    fn chart_measure(&self) -> impl Fn(&str, f64) -> f64 + '_ {
        |s: &str, size: f64| {
            self.fonts
                .measure(s, size as f32, false)
                .unwrap_or(s.chars().count() as f32 * size as f32 * 0.6) as f64
        }
    }

    /// What a chart `width` wide with text `font_size` needs beyond a one-row legend.
    pub(super) fn extra_legend_height(&self, chart: &Chart, width: f32, font_size: f64) -> f32 {
        let style = self.chart_style_sized(font_size);
        geometry::extra_legend_height(chart, width as f64, &style, &self.chart_measure()) as f32
    }

    /// Chart shapes as page items, offset to (x, y).
    pub(super) fn chart_items(
        &self,
        chart: &Chart,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    ) -> Result<Vec<Item>, PdfError> {
        self.chart_items_sized(chart, (x, y, width, height), 7.5)
    }

    /// The same with another text size, for small multiples (the weekly digest's charts).
    pub(super) fn chart_items_sized(
        &self,
        chart: &Chart,
        (x, y, width, height): (f32, f32, f32, f32),
        font_size: f64,
    ) -> Result<Vec<Item>, PdfError> {
        let measure = self.chart_measure();
        let shapes = geometry::layout(
            chart,
            width as f64,
            height as f64,
            &self.chart_style_sized(font_size),
            &measure,
        );
        // Shapes carry the chart description's colour strings: read each once, here.
        let rgb = |hex: &str| Rgb::parse(hex, || format!("chart {}", chart.id));
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
                    color: rgb(&color)?,
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
                        color: rgb(&color)?,
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
                        color: rgb(&color)?,
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
                        rgb(&color)?,
                    )?);
                }
            }
        }
        // Mirrored here and again with the page: the chart moves, its time axis does not. A goal
        // bar is no time axis: right to left it fills from the right, as in the HTML.
        let keeps_direction = !matches!(chart.kind, ChartKind::Progress | ChartKind::Budget);
        if self.rtl() && keeps_direction {
            super::mirror(&mut items, 2.0 * x + width);
        }
        // A chart is a figure read by its description; a sparkline (which has none) repeats
        // its tile's number and is decoration.
        let role = if chart.description.is_empty() {
            Role::Artifact
        } else {
            Role::Figure {
                alt: chart.description.clone(),
            }
        };
        Ok(super::tagged(role, items))
    }
}

/// The height a donut's legend takes: a row per slice, as `geometry::natural_height` counts
/// them at the PDF's chart text size.
fn donut_legend_h(chart: &Chart) -> f32 {
    chart.items.len() as f32 * 7.5 * 2.2
}
