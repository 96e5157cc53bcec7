//! Lays a chart out into positioned shapes (y grows downwards), shared by the SVG and PDF
//! drawings so both show the same chart.

mod trend_bars;

use super::{Chart, ChartKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Polyline {
        points: Vec<(f64, f64)>,
        color: String,
        width: f64,
        dashed: bool,
    },
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        color: String,
        radius: f64,
    },
    /// A ring segment from `start` to `end` (radians, clockwise from 12 o'clock).
    Arc {
        cx: f64,
        cy: f64,
        outer: f64,
        inner: f64,
        start: f64,
        end: f64,
        color: String,
    },
    Text {
        x: f64,
        /// Baseline.
        y: f64,
        text: String,
        size: f64,
        anchor: Anchor,
        color: String,
        bold: bool,
    },
}

/// The point at `radius` from (cx, cy) at `angle` radians, clockwise from 12 o'clock: the
/// angle convention of [`Shape::Arc`], for every drawing of it.
pub fn arc_point(cx: f64, cy: f64, radius: f64, angle: f64) -> (f64, f64) {
    (cx + radius * angle.sin(), cy - radius * angle.cos())
}

/// Colours and sizes of the chart furniture.
#[derive(Debug, Clone)]
pub struct ChartStyle {
    pub font_size: f64,
    pub text: String,
    pub muted: String,
    pub grid: String,
    pub track: String,
}

/// Measures the advance width of a text at a font size.
pub type Measure<'a> = &'a dyn Fn(&str, f64) -> f64;

/// An estimate for when no font is at hand (SVG in a browser): Latin ≈ 0.56 em, wide scripts 1 em.
pub fn approx_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x11FF
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 1.0,
            0x0E00..=0x0E7F => 0.6,
            // The percent sign is as wide as a capital W in most faces (Turkish puts it first).
            0x25 | 0x40 => 0.9,
            _ if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.62,
            _ => 0.54,
        })
        .sum::<f64>()
        * size
}

/// The value range of the y ticks (0–1 without two distinct ones) and the width of their
/// widest label.
fn y_scale(chart: &Chart, fs: f64, measure: Measure) -> (f64, f64, f64) {
    let (lo, hi) = match (chart.y_ticks.first(), chart.y_ticks.last()) {
        (Some(a), Some(b)) if b.value > a.value => (a.value, b.value),
        _ => (0.0, 1.0),
    };
    let label_w = chart
        .y_ticks
        .iter()
        .map(|t| measure(&t.label, fs))
        .fold(0.0, f64::max);
    (lo, hi, label_w)
}

/// The y ticks: a grid line across the plot and its label left of it. Where the plot is too
/// low for every label (small multiples), every second one from the axis' foot, or fourth…:
/// a step that keeps the top tick, so the scale still reads to its end.
fn y_grid(
    chart: &Chart,
    (left, right): (f64, f64),
    y_of: &dyn Fn(f64) -> f64,
    style: &ChartStyle,
    shapes: &mut Vec<Shape>,
) {
    let fs = style.font_size;
    let spacing = match chart.y_ticks.as_slice() {
        [a, b, ..] => (y_of(a.value) - y_of(b.value)).abs(),
        _ => f64::MAX,
    };
    let needed = ((fs * 1.25) / spacing.max(0.01)).ceil().max(1.0) as usize;
    let last = chart.y_ticks.len().saturating_sub(1).max(1);
    let every = (needed..last)
        .find(|k| last.is_multiple_of(*k))
        .unwrap_or(last);
    for t in chart.y_ticks.iter().step_by(every) {
        let y = y_of(t.value);
        shapes.push(Shape::Polyline {
            points: vec![(left, y), (right, y)],
            color: style.grid.clone(),
            width: 0.75,
            dashed: false,
        });
        shapes.push(text(
            left - fs * 0.4,
            y + fs * 0.35,
            &t.label,
            fs,
            Anchor::End,
            &style.muted,
            false,
        ));
    }
}

/// The height a chart needs at `width` (horizontal bars grow with their rows).
pub fn natural_height(chart: &Chart, width: f64, style: &ChartStyle) -> f64 {
    let row = style.font_size * 2.2;
    match chart.kind {
        ChartKind::HBars => chart.items.len() as f64 * row + style.font_size,
        ChartKind::Progress | ChartKind::Budget => style.font_size * 1.2,
        ChartKind::Donut => (width * 0.42)
            .clamp(120.0, 220.0)
            .max(chart.items.len() as f64 * row),
        ChartKind::Sparkline => 28.0,
        // Event labels take a row above the plot and group names one below the axis, so
        // the plot keeps its height.
        ChartKind::Line | ChartKind::Bars | ChartKind::TrendBars => {
            let row = |present: bool| if present { style.font_size * 1.3 } else { 0.0 };
            (width * 0.42).clamp(150.0, 240.0)
                + row(!chart.markers.is_empty())
                + row(!chart.x_groups.is_empty())
        }
    }
}

pub fn layout(
    chart: &Chart,
    width: f64,
    height: f64,
    style: &ChartStyle,
    measure: Measure,
) -> Vec<Shape> {
    match chart.kind {
        ChartKind::Line | ChartKind::Bars => xy(chart, width, height, style, measure),
        ChartKind::TrendBars => trend_bars::layout(chart, width, height, style, measure),
        ChartKind::Sparkline => sparkline(chart, width, height),
        ChartKind::HBars => hbars(chart, width, style, measure),
        ChartKind::Donut => donut(chart, width, height, style, measure),
        ChartKind::Progress => progress(chart, width, height, style),
        ChartKind::Budget => budget(chart, width, height, style),
    }
}

/// The height a chart's legend takes beyond one row at `width` (trend bars wrap theirs), so
/// a row of small charts can give its plots the room the longest legend takes from them.
pub fn extra_legend_height(chart: &Chart, width: f64, style: &ChartStyle, measure: Measure) -> f64 {
    let rows = match chart.kind {
        ChartKind::TrendBars => {
            trend_bars::legend_rows(chart, width, style.font_size, measure).len()
        }
        _ => 1,
    };
    rows.saturating_sub(1) as f64 * trend_bars::LEGEND_ROW * style.font_size
}

pub(super) fn text(
    x: f64,
    y: f64,
    s: &str,
    size: f64,
    anchor: Anchor,
    color: &str,
    bold: bool,
) -> Shape {
    Shape::Text {
        x,
        y,
        text: s.to_string(),
        size,
        anchor,
        color: color.to_string(),
        bold,
    }
}

/// Splits a series into runs of present values: a missing day breaks the line.
fn runs(
    values: &[Option<f64>],
    x: impl Fn(usize) -> f64,
    y: impl Fn(f64) -> f64,
) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => out.last_mut().expect("non-empty").push((x(i), y(*v))),
            None if !out.last().expect("non-empty").is_empty() => out.push(Vec::new()),
            None => {}
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

fn xy(chart: &Chart, width: f64, height: f64, style: &ChartStyle, measure: Measure) -> Vec<Shape> {
    let fs = style.font_size;
    let mut shapes = Vec::new();
    let (lo, hi, label_w) = y_scale(chart, fs, measure);
    // The legend's entries in a row, wrapping onto the next when the chart is narrow (a
    // phone): (x, row) of each series' swatch.
    let legend_row = fs * 1.6;
    let mut legend: Vec<(f64, usize)> = Vec::new();
    if chart.series.len() > 1 {
        let (mut x, mut row) = (label_w + fs * 0.6, 0);
        for s in &chart.series {
            let w = fs * 2.1 + measure(&s.label, fs);
            if x + w > width && x > label_w + fs * 0.6 {
                (x, row) = (label_w + fs * 0.6, row + 1);
            }
            legend.push((x, row));
            x += w + fs * 1.5;
        }
    }
    let legend_h = legend
        .last()
        .map_or(0.0, |(_, row)| fs * 2.0 + *row as f64 * legend_row);
    let n = chart
        .series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(chart.x_labels.len());
    let left = label_w + fs * 0.6;
    let right = width - fs * 0.5;
    let slot = (right - left).max(1.0) / n.max(1) as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    // Event labels sit in rows above the plot, each beside its marker.
    let marker_labels = marker_rows(chart, x_of, slot, width, fs, measure);
    let rows = marker_labels.iter().map(|m| m.1 + 1).max().unwrap_or(0);
    let markers_h = rows as f64 * fs * 1.3;
    let (top, bottom) = (fs * 0.8 + legend_h + markers_h, height - fs * 2.0);
    let plot_h = (bottom - top).max(1.0);
    let y_of = |v: f64| bottom - (v - lo) / (hi - lo) * plot_h;
    // A span of days is a light band behind everything else.
    for m in chart.markers.iter().filter(|m| m.last > m.first) {
        shapes.push(Shape::Rect {
            x: x_of(m.first) - slot / 2.0,
            y: top,
            w: slot * (m.last - m.first + 1) as f64,
            h: bottom - top,
            color: style.track.clone(),
            radius: 0.0,
        });
    }
    y_grid(chart, (left, right), &y_of, style, &mut shapes);
    // Every day labelled: every k-th, so labels never touch. Some days labelled (the weeks
    // of a quarter): those, each with a tick, skipping one that would touch the last.
    let sparse = chart.x_labels.iter().any(String::is_empty);
    let widest = chart
        .x_labels
        .iter()
        .map(|l| measure(l, fs))
        .fold(0.0, f64::max);
    let every = if sparse {
        1
    } else {
        ((widest + fs) / slot).ceil().max(1.0) as usize
    };
    let mut free_from = f64::MIN;
    for (i, label) in chart.x_labels.iter().enumerate() {
        if i % every == 0 && !label.is_empty() {
            // Keep the first and last labels inside the chart.
            let half = measure(label, fs) / 2.0 + 2.0;
            let x = x_of(i).clamp(half, (width - half).max(half));
            if sparse && x - half < free_from {
                continue;
            }
            free_from = x + half;
            if sparse {
                shapes.push(Shape::Polyline {
                    points: vec![(x_of(i), bottom), (x_of(i), bottom + fs * 0.35)],
                    color: style.muted.clone(),
                    width: 0.75,
                    dashed: false,
                });
            }
            shapes.push(text(
                x,
                height - fs * 0.5,
                label,
                fs,
                Anchor::Middle,
                &style.muted,
                false,
            ));
        }
    }
    for s in &chart.series {
        if chart.kind == ChartKind::Bars {
            let w = (slot * 0.7).max(1.0);
            for (i, v) in s.values.iter().enumerate() {
                if let Some(v) = v {
                    let (y0, y1) = (y_of(lo.max(0.0)), y_of(*v));
                    shapes.push(Shape::Rect {
                        x: x_of(i) - w / 2.0,
                        y: y0.min(y1),
                        w,
                        h: (y0 - y1).abs(),
                        color: s.color.clone(),
                        radius: (w * 0.15).min(2.0),
                    });
                }
            }
        } else {
            for run in runs(&s.values, x_of, y_of) {
                if run.len() == 1 {
                    // A lone day between gaps: a dot, so it is not lost.
                    shapes.push(Shape::Rect {
                        x: run[0].0 - 1.5,
                        y: run[0].1 - 1.5,
                        w: 3.0,
                        h: 3.0,
                        color: s.color.clone(),
                        radius: 1.5,
                    });
                } else {
                    shapes.push(Shape::Polyline {
                        points: run,
                        color: s.color.clone(),
                        width: if s.dashed { 1.5 } else { 2.25 },
                        dashed: s.dashed,
                    });
                }
            }
        }
    }
    // A marker's line runs from its label's row down through the plot.
    for (m, (label_x, row, anchor)) in chart.markers.iter().zip(&marker_labels) {
        let x = x_of(m.first) - if m.last > m.first { slot / 2.0 } else { 0.0 };
        let label_y = fs * 0.8 + legend_h + (*row as f64 + 0.8) * fs * 1.3;
        shapes.push(Shape::Polyline {
            points: vec![(x, label_y - fs * 0.9), (x, bottom)],
            color: style.text.clone(),
            width: 0.75,
            dashed: true,
        });
        shapes.push(text(
            *label_x,
            label_y,
            &m.label,
            fs,
            *anchor,
            &style.text,
            false,
        ));
    }
    for (s, &(x, row)) in chart.series.iter().zip(&legend) {
        let dy = row as f64 * legend_row;
        shapes.push(Shape::Polyline {
            points: vec![(x, fs * 0.9 + dy), (x + fs * 1.6, fs * 0.9 + dy)],
            color: s.color.clone(),
            width: 2.25,
            dashed: s.dashed,
        });
        shapes.push(text(
            x + fs * 2.1,
            fs * 1.25 + dy,
            &s.label,
            fs,
            Anchor::Start,
            &style.text,
            false,
        ));
    }
    shapes
}

/// Where each marker's label goes: (x, row, anchor). A label starts right of its line, or
/// ends left of it near the right edge; one that would touch another moves a row down.
fn marker_rows(
    chart: &Chart,
    x_of: impl Fn(usize) -> f64,
    slot: f64,
    width: f64,
    fs: f64,
    measure: Measure,
) -> Vec<(f64, usize, Anchor)> {
    let mut taken: Vec<Vec<(f64, f64)>> = Vec::new();
    chart
        .markers
        .iter()
        .map(|m| {
            let line = x_of(m.first) - if m.last > m.first { slot / 2.0 } else { 0.0 };
            let w = measure(&m.label, fs);
            let (x, anchor, span) = if line + fs * 0.3 + w <= width {
                let x = line + fs * 0.3;
                (x, Anchor::Start, (x, x + w))
            } else {
                let x = line - fs * 0.3;
                (x, Anchor::End, (x - w, x))
            };
            let row = (0..)
                .find(|&r| {
                    taken.get(r).is_none_or(|spans: &Vec<(f64, f64)>| {
                        spans
                            .iter()
                            .all(|(a, b)| span.1 + fs * 0.5 < *a || span.0 > *b + fs * 0.5)
                    })
                })
                .unwrap_or(0);
            if taken.len() <= row {
                taken.resize(row + 1, Vec::new());
            }
            taken[row].push(span);
            (x, row, anchor)
        })
        .collect()
}

fn sparkline(chart: &Chart, width: f64, height: f64) -> Vec<Shape> {
    let Some(s) = chart.series.first() else {
        return Vec::new();
    };
    let present: Vec<f64> = s.values.iter().flatten().copied().collect();
    let (lo, hi) = present
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    if present.is_empty() {
        return Vec::new();
    }
    let span = if hi > lo { hi - lo } else { 1.0 };
    let n = s.values.len().max(2) - 1;
    let x_of = |i: usize| 1.0 + (width - 2.0) * i as f64 / n as f64;
    let y_of = |v: f64| height - 2.0 - (v - lo) / span * (height - 4.0);
    runs(&s.values, x_of, y_of)
        .into_iter()
        .map(|points| Shape::Polyline {
            points,
            color: s.color.clone(),
            width: 1.5,
            dashed: false,
        })
        .collect()
}

fn hbars(chart: &Chart, width: f64, style: &ChartStyle, measure: Measure) -> Vec<Shape> {
    let fs = style.font_size;
    let row = fs * 2.2;
    let max = chart.items.iter().map(|i| i.value).fold(0.0, f64::max);
    let label_w = chart
        .items
        .iter()
        .map(|i| measure(&i.label, fs))
        .fold(0.0, f64::max)
        .min(width * 0.38);
    let value_w = chart
        .items
        .iter()
        .map(|i| measure(&i.value_label, fs))
        .fold(0.0, f64::max);
    let bar_x = label_w + fs * 0.8;
    let bar_max = (width - bar_x - value_w - fs * 0.8).max(10.0);
    let mut shapes = Vec::new();
    for (n, item) in chart.items.iter().enumerate() {
        let y = n as f64 * row;
        let label = ellipsize(&item.label, label_w, fs, measure);
        shapes.push(text(
            0.0,
            y + row * 0.62,
            &label,
            fs,
            Anchor::Start,
            &style.text,
            false,
        ));
        let w = if max > 0.0 {
            (item.value / max * bar_max).max(1.0)
        } else {
            1.0
        };
        shapes.push(Shape::Rect {
            x: bar_x,
            y: y + row * 0.2,
            w,
            h: row * 0.6,
            color: item.color.clone(),
            radius: 2.0,
        });
        shapes.push(text(
            bar_x + w + fs * 0.4,
            y + row * 0.62,
            &item.value_label,
            fs,
            Anchor::Start,
            &style.text,
            false,
        ));
    }
    shapes
}

/// Shortens a label with "…" until it fits `max` wide.
pub fn ellipsize(label: &str, max: f64, size: f64, measure: Measure) -> String {
    if measure(label, size) <= max {
        return label.to_string();
    }
    let mut chars: Vec<char> = label.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if measure(&candidate, size) <= max {
            return candidate;
        }
    }
    "…".into()
}

fn donut(
    chart: &Chart,
    width: f64,
    height: f64,
    style: &ChartStyle,
    measure: Measure,
) -> Vec<Shape> {
    let fs = style.font_size;
    let total: f64 = chart.items.iter().map(|i| i.value.max(0.0)).sum();
    let r = (height / 2.0 - 4.0).min(width * 0.25);
    let (cx, cy) = (r + 4.0, height / 2.0);
    let mut shapes = Vec::new();
    let mut angle = 0.0;
    for item in &chart.items {
        if total <= 0.0 || item.value <= 0.0 {
            continue;
        }
        let sweep = item.value / total * std::f64::consts::TAU;
        shapes.push(Shape::Arc {
            cx,
            cy,
            outer: r,
            inner: r * 0.58,
            start: angle,
            end: angle + sweep,
            color: item.color.clone(),
        });
        angle += sweep;
    }
    let row = fs * 2.0;
    let legend_x = cx + r + fs * 1.5;
    let top = cy - row * chart.items.len() as f64 / 2.0;
    let value_w = chart
        .items
        .iter()
        .map(|i| measure(&i.value_label, fs))
        .fold(0.0, f64::max);
    for (n, item) in chart.items.iter().enumerate() {
        let y = top + n as f64 * row;
        shapes.push(Shape::Rect {
            x: legend_x,
            y: y + row * 0.25,
            w: fs,
            h: fs,
            color: item.color.clone(),
            radius: 2.0,
        });
        // The share right after its swatch, the label right after the share: each value
        // sits beside what it measures, however wide the chart.
        let value_end = legend_x + fs * 1.6 + value_w;
        shapes.push(text(
            value_end,
            y + row * 0.62,
            &item.value_label,
            fs,
            Anchor::End,
            &style.text,
            true,
        ));
        let label_x = value_end + fs * 0.8;
        let label_max = (width - label_x - fs * 0.3).max(fs * 3.0);
        let label = ellipsize(&item.label, label_max, fs, measure);
        shapes.push(text(
            label_x,
            y + row * 0.62,
            &label,
            fs,
            Anchor::Start,
            &style.text,
            false,
        ));
    }
    shapes
}

fn progress(chart: &Chart, width: f64, height: f64, style: &ChartStyle) -> Vec<Shape> {
    let Some(item) = chart.items.first() else {
        return Vec::new();
    };
    let mut shapes = vec![Shape::Rect {
        x: 0.0,
        y: 0.0,
        w: width,
        h: height,
        color: style.track.clone(),
        radius: height / 2.0,
    }];
    let scale = item.target.unwrap_or(1.0).max(1.0);
    let filled = (item.value / scale).clamp(0.0, 1.0) * width;
    if filled > 0.0 {
        shapes.push(Shape::Rect {
            x: 0.0,
            y: 0.0,
            w: filled.max(height),
            h: height,
            color: item.color.clone(),
            radius: height / 2.0,
        });
    }
    if let Some(t) = item.target.filter(|t| *t > 1.0) {
        // The target sits inside the bar when the value may exceed it.
        shapes.push(mark(width / t, height, style));
    }
    shapes
}

/// The target's or the allowance's mark across a bar, at `x`.
fn mark(x: f64, height: f64, style: &ChartStyle) -> Shape {
    Shape::Rect {
        x: x - 1.0,
        y: -2.0,
        w: 2.0,
        h: height + 4.0,
        color: style.text.clone(),
        radius: 0.0,
    }
}

/// An allowance used: the track up to the mark is the allowance; within it the fill is the
/// item's colour, past it the part up to the mark turns muted and the overrun takes the
/// item's colour, so the overrun is what catches the eye.
fn budget(chart: &Chart, width: f64, height: f64, style: &ChartStyle) -> Vec<Shape> {
    let Some(item) = chart.items.first() else {
        return Vec::new();
    };
    let bar = |w: f64, color: &str| Shape::Rect {
        x: 0.0,
        y: 0.0,
        w: w.max(height),
        h: height,
        color: color.to_string(),
        radius: height / 2.0,
    };
    let mut shapes = vec![bar(width, &style.track)];
    let scale = item.target.unwrap_or(1.0).max(1.0);
    let allowance = width / scale;
    let used = (item.value / scale).clamp(0.0, 1.0) * width;
    if used > 0.0 {
        shapes.push(bar(used, &item.color));
    }
    if item.value > 1.0 {
        shapes.push(bar(allowance, &style.muted));
    }
    // The mark stays inside the track when it is the track's end.
    shapes.push(mark(allowance.min(width - 1.0), height, style));
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartItem, ChartSeries, Marker, Tick};

    fn style() -> ChartStyle {
        ChartStyle {
            font_size: 10.0,
            text: "#000".into(),
            muted: "#666".into(),
            grid: "#ddd".into(),
            track: "#eee".into(),
        }
    }

    fn texts(shapes: &[Shape]) -> Vec<(f64, &str, Anchor)> {
        shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text {
                    x, text, anchor, ..
                } => Some((*x, text.as_str(), *anchor)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_donuts_shares_sit_beside_their_labels() {
        let item = |label: &str, share: &str| ChartItem {
            label: label.into(),
            value: 1.0,
            value_label: share.into(),
            color: "#123".into(),
            target: None,
        };
        let chart = Chart {
            kind: ChartKind::Donut,
            items: vec![item("Organic Search", "50.6%"), item("Referral", "3.3%")],
            ..Chart::default()
        };
        // However wide the chart, a share ends just before its label starts.
        for width in [400.0, 1200.0] {
            let shapes = layout(&chart, width, 200.0, &style(), &approx_width);
            let t = texts(&shapes);
            for pair in t.chunks(2) {
                let (share, label) = (pair[0], pair[1]);
                assert!(share.1.ends_with('%') && share.2 == Anchor::End, "{t:?}");
                let gap = label.0 - share.0;
                assert!((0.0..=12.0).contains(&gap), "{gap} at {width}: {t:?}");
            }
        }
    }

    #[test]
    fn a_marker_is_a_dashed_line_with_its_label_on_the_plot() {
        let chart = Chart {
            kind: ChartKind::Line,
            x_labels: (1..=31).map(|d| format!("Oct {d}")).collect(),
            series: vec![ChartSeries {
                label: "October".into(),
                values: vec![Some(1.0); 31],
                color: "#123".into(),
                dashed: false,
            }],
            y_ticks: vec![
                Tick {
                    value: 0.0,
                    label: "0".into(),
                },
                Tick {
                    value: 1.0,
                    label: "1".into(),
                },
            ],
            markers: vec![
                Marker {
                    first: 12,
                    last: 12,
                    label: "Site migration".into(),
                },
                Marker {
                    first: 13,
                    last: 20,
                    label: "Open house".into(),
                },
            ],
            ..Chart::default()
        };
        let shapes = layout(&chart, 600.0, 240.0, &style(), &approx_width);
        let t = texts(&shapes);
        let at = |label: &str| t.iter().find(|x| x.1 == label).unwrap().0;
        // Two labels a day apart would touch: the second goes a row down.
        assert!(at("Site migration") < at("Open house"));
        let dashed_verticals = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Polyline { points, dashed: true, .. } if points[0].0 == points[1].0))
            .count();
        assert_eq!(dashed_verticals, 2);
        // The span is a band behind the line.
        assert!(matches!(&shapes[0], Shape::Rect { color, .. } if color == "#eee"));
        let label_ys: Vec<f64> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { y, text, .. } if text == "Site migration" || text == "Open house" => {
                    Some(*y)
                }
                _ => None,
            })
            .collect();
        assert_ne!(label_ys[0], label_ys[1], "labels overlap");
    }
}
