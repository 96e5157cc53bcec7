//! The weekly digest's numbers in print: one table for every channel (the column labels once,
//! each channel's name over its rows, repeated with the header on a new page), the marks'
//! notes, the daily charts three to a row (their text small enough for every weekday's name),
//! then each channel's 13 weeks of bars four to a row, so the digest stays within two pages
//! after the cover.

use super::flow::Block;
use super::section::SMALL;
use super::table::close_table;
use super::{Item, Layout};
use crate::charts::Chart;
use crate::charts::geometry::Anchor;
use crate::render::pdf::PdfError;
use crate::render::pdf::structure::{Role, Scope};
use crate::render::view::{ReportView, SectionBody, WeekTable};

/// Charts side by side (two when three would leave out weekday names), and the height of
/// each plot.
const CHARTS_PER_ROW: usize = 3;
const CHART_HEIGHT: f32 = 80.0;
/// The 13 weeks' bars, four to a row (they name every few weeks, whatever the width), each
/// with its legend and two rows of labels (weeks, quarters) under the plot.
const TRENDS_PER_ROW: usize = 4;
/// Where four to a row would take one row too many, up to six share one row (78 pt each on A4,
/// still room for 13 bars and their axis).
const MAX_TRENDS_PER_ROW: usize = 6;
const TREND_HEIGHT: f32 = 66.0;
/// Daily charts two to a row are wide enough to be lower.
const WIDE_CHART_HEIGHT: f32 = 66.0;
/// Small enough for seven weekday names under a third of the page.
const CHART_TEXT: f64 = 6.5;
const GUTTER: f32 = 8.0;
/// The table's text size and the space around a row's text.
const CELL: f32 = 7.0;
const ROW_PAD: f32 = 2.0;

/// The weekly digest's pages in print: the cover and two.
pub(crate) const DIGEST_PAGES: usize = 3;

/// How the digest sets its 13 weeks' bars in print: so many side by side, the first `shown`
/// of them (a line after them names the others).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TrendFit {
    per_row: usize,
    shown: usize,
}

impl TrendFit {
    /// Four to a row, every chart: what a digest gets when it fits (and every other report).
    pub(crate) const ROOMY: TrendFit = TrendFit {
        per_row: TRENDS_PER_ROW,
        shown: usize::MAX,
    };

    /// The ways to set the view's bars, the roomiest first: four to a row, then all in one
    /// row (five or six), then the last channel's left out, then the one before, and so on,
    /// always in as few rows as they take (the HTML, without pages, keeps them all).
    pub(crate) fn candidates(view: &ReportView) -> Vec<TrendFit> {
        let n = view
            .sections
            .iter()
            .find_map(|s| match &s.body {
                SectionBody::Week { trends, .. } => Some(trends.len()),
                _ => None,
            })
            .unwrap_or(0);
        let densest = |shown: usize| {
            if shown > TRENDS_PER_ROW && shown <= MAX_TRENDS_PER_ROW {
                shown
            } else {
                TRENDS_PER_ROW
            }
        };
        let mut out = vec![Self::ROOMY];
        if n == 0 {
            return out;
        }
        for shown in (0..=n).rev() {
            let fit = TrendFit {
                per_row: densest(shown),
                shown,
            };
            if !(shown == n && fit.per_row == TRENDS_PER_ROW) {
                out.push(fit);
            }
        }
        out
    }
}

impl Layout<'_> {
    pub(super) fn week_in_numbers(
        &self,
        (table, charts, (trends, left_out)): (&WeekTable, &[Chart], (&[Chart], &[String])),
        average_of: Option<&str>,
        notes: &[String],
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        let x = self.page.margin_x;
        let width = self.page.content_width();
        let t = &self.palette;
        out.push(self.week_table(table)?);
        for line in average_of
            .into_iter()
            .chain(notes.iter().map(String::as_str))
        {
            let (items, h) = self.paragraph(line, SMALL, false, (x, 0.0), width, t.muted)?;
            out.push(Self::fixed(h + 2.0, items));
        }
        if let Some(Block::Fixed { height, .. }) = out.last_mut() {
            *height += 10.0;
        }
        let column = |n: usize| (width - GUTTER * (n - 1) as f32) / n as f32;
        let per_row = if charts
            .iter()
            .all(|c| self.every_day_named(c, column(CHARTS_PER_ROW)))
        {
            CHARTS_PER_ROW
        } else {
            CHARTS_PER_ROW - 1
        };
        let height = if per_row < CHARTS_PER_ROW {
            WIDE_CHART_HEIGHT
        } else {
            CHART_HEIGHT
        };
        self.chart_grid(charts, per_row, height, out)?;
        let fit = self.trend_fit;
        let shown = fit.shown.min(trends.len());
        self.chart_grid(&trends[..shown], fit.per_row, TREND_HEIGHT, out)?;
        if shown < trends.len()
            && let Some(line) = left_out.get(shown)
        {
            let (items, h) = self.paragraph(line, SMALL, false, (x, 0.0), width, t.muted)?;
            out.push(Self::fixed(h + 2.0, items));
        }
        Ok(())
    }

    /// Charts `per_row` side by side, each `height` tall (more for a legend of several lines)
    /// under its title; a row never breaks.
    fn chart_grid(
        &self,
        charts: &[Chart],
        per_row: usize,
        height: f32,
        out: &mut Vec<Block>,
    ) -> Result<(), PdfError> {
        let x = self.page.margin_x;
        let width = self.page.content_width();
        let col_w = (width - GUTTER * (per_row - 1) as f32) / per_row as f32;
        for row in charts.chunks(per_row) {
            let mut captions = Vec::new();
            let mut caption_h: f32 = 0.0;
            for (i, chart) in row.iter().enumerate() {
                let cx = x + i as f32 * (col_w + GUTTER);
                let (items, h) = self.paragraph(
                    &chart.title,
                    SMALL,
                    true,
                    (cx, 0.0),
                    col_w,
                    self.palette.text,
                )?;
                caption_h = caption_h.max(h);
                captions.push((cx, items));
            }
            let top = caption_h + 4.0;
            // A legend that wraps (a week with missing days, narrow charts) takes no room from
            // the plots: the row grows by its extra lines.
            let height = height
                + row
                    .iter()
                    .map(|c| self.extra_legend_height(c, col_w, CHART_TEXT))
                    .fold(0.0, f32::max);
            let mut items = Vec::new();
            for ((cx, caption), chart) in captions.into_iter().zip(row) {
                items.extend(super::tagged(Role::Caption, caption));
                items.push(Item::ChartBox {
                    id: chart.id.clone(),
                    y: 0.0,
                    h: top + height,
                });
                items.extend(self.chart_items_sized(
                    chart,
                    (cx, top, col_w, height),
                    CHART_TEXT,
                )?);
            }
            out.push(Self::fixed(top + height + 12.0, items));
        }
        Ok(())
    }

    /// Whether a chart `width` wide names every day on its axis: the chart geometry leaves
    /// out labels that would touch (its rule: a label and a space per day's slot).
    fn every_day_named(&self, chart: &Chart, width: f32) -> bool {
        let fs = CHART_TEXT as f32;
        let measure = |s: &str| self.fonts.measure(s, fs, false).unwrap_or(f32::MAX);
        let widest = |labels: &mut dyn Iterator<Item = &String>| {
            labels.map(|l| measure(l)).fold(0.0, f32::max)
        };
        let y_labels = widest(&mut chart.y_ticks.iter().map(|t| &t.label));
        let plot = width - y_labels - fs * 1.1;
        let slot = plot / chart.x_labels.len().max(1) as f32;
        widest(&mut chart.x_labels.iter()) + fs <= slot
    }

    /// The header is the column labels; a channel's name rides on its first row, so it never
    /// ends a page alone.
    fn week_table(&self, table: &WeekTable) -> Result<Block<'static>, PdfError> {
        let x = self.page.margin_x;
        let width = self.page.content_width();
        let t = &self.palette;
        let numeric = table.columns.len().saturating_sub(1).max(1) as f32;
        let first_w = width * 0.36;
        let col_w = (width - first_w) / numeric;
        // The right edge of numeric column i (1-based).
        let right = |i: usize| x + first_w + col_w * i as f32;
        let caption = "week-in-numbers".to_string();
        let mut header = vec![
            Item::TableHeader {
                caption: caption.clone(),
                y: 0.0,
            },
            Item::Open(Role::Table),
            Item::Open(Role::Row),
        ];
        let mut lines_max = 1;
        for (i, c) in table.columns.iter().enumerate() {
            let w = if i == 0 { first_w } else { col_w } - 6.0;
            let lines = self.fonts.wrap(&c.label, CELL, true, w)?;
            lines_max = lines_max.max(lines.len());
            header.push(Item::Open(Role::Header(Scope::Column)));
            for (k, line) in lines.iter().enumerate() {
                let y = CELL + k as f32 * CELL * 1.25;
                header.push(if i == 0 {
                    self.text(line, CELL, true, x, y, t.muted)?.0
                } else {
                    self.text_anchored(line, CELL, true, (right(i), y, Anchor::End), t.muted)?
                });
            }
            header.push(Item::Close);
        }
        header.push(Item::Close);
        let hy = lines_max as f32 * CELL * 1.25 + 3.0;
        header.push(Item::Rect {
            x,
            y: hy,
            w: width,
            h: 0.8,
            color: t.grid,
        });
        let mut rows = Vec::new();
        for group in &table.groups {
            for (n, cells) in group.rows.iter().enumerate() {
                let mut items = vec![Item::TableRow {
                    caption: caption.clone(),
                    y: 0.0,
                }];
                let mut top = 0.0;
                if n == 0 {
                    // The channel's name: a row of its own, one header cell spanning it.
                    items.push(Item::Open(Role::Row));
                    items.push(Item::Open(Role::Header(Scope::Row)));
                    items.push(self.text(&group.title, 8.5, true, x, 11.5, t.primary)?.0);
                    items.push(Item::Close);
                    items.push(Item::Close);
                    top = 15.0;
                }
                items.push(Item::Open(Role::Row));
                items.push(Item::Open(Role::Header(Scope::Row)));
                let label = cells.first().map_or("", String::as_str);
                let lines = self.fonts.wrap(label, CELL, false, first_w - 8.0)?;
                for (k, line) in lines.iter().enumerate() {
                    let y = top + ROW_PAD + CELL + k as f32 * CELL * 1.25;
                    items.push(self.text(line, CELL, false, x, y, t.text)?.0);
                }
                items.push(Item::Close);
                for (i, cell) in cells.iter().enumerate().skip(1) {
                    items.push(Item::Open(Role::Cell));
                    items.push(self.text_anchored(
                        cell,
                        CELL,
                        false,
                        (right(i), top + ROW_PAD + CELL, Anchor::End),
                        t.text,
                    )?);
                    items.push(Item::Close);
                }
                items.push(Item::Close);
                let h = top + lines.len() as f32 * CELL * 1.25 + 2.0 * ROW_PAD;
                items.push(Item::Rect {
                    x,
                    y: h - 0.4,
                    w: width,
                    h: 0.4,
                    color: t.grid,
                });
                rows.push((h, items));
            }
        }
        close_table(&mut header, &mut rows);
        Ok(Block::Rows {
            header,
            header_h: hy + 3.0,
            rows,
            min_side: 3,
            keep_together: false,
            after: 8.0,
        })
    }
}
