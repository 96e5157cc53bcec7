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
            _ if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.62,
            _ => 0.54,
        })
        .sum::<f64>()
        * size
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
        ChartKind::Line | ChartKind::Bars | ChartKind::TrendBars => {
            (width * 0.42).clamp(150.0, 240.0)
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
    let (lo, hi) = match (chart.y_ticks.first(), chart.y_ticks.last()) {
        (Some(a), Some(b)) if b.value > a.value => (a.value, b.value),
        _ => (0.0, 1.0),
    };
    let label_w = chart
        .y_ticks
        .iter()
        .map(|t| measure(&t.label, fs))
        .fold(0.0, f64::max);
    let legend_h = if chart.series.len() > 1 {
        fs * 2.0
    } else {
        0.0
    };
    let (left, right, top, bottom) = (
        label_w + fs * 0.6,
        width - fs * 0.5,
        fs * 0.8 + legend_h,
        height - fs * 2.0,
    );
    let plot_w = (right - left).max(1.0);
    let plot_h = (bottom - top).max(1.0);
    let y_of = |v: f64| bottom - (v - lo) / (hi - lo) * plot_h;
    for t in &chart.y_ticks {
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
    let n = chart
        .series
        .iter()
        .map(|s| s.values.len())
        .max()
        .unwrap_or(0)
        .max(chart.x_labels.len());
    let slot = plot_w / n.max(1) as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    // Label every k-th index so labels never touch.
    let widest = chart
        .x_labels
        .iter()
        .map(|l| measure(l, fs))
        .fold(0.0, f64::max);
    let every = ((widest + fs) / slot).ceil().max(1.0) as usize;
    for (i, label) in chart.x_labels.iter().enumerate() {
        if i % every == 0 && !label.is_empty() {
            // Keep the first and last labels inside the chart.
            let half = measure(label, fs) / 2.0 + 2.0;
            shapes.push(text(
                x_of(i).clamp(half, (width - half).max(half)),
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
    if legend_h > 0.0 {
        let mut x = left;
        for s in &chart.series {
            shapes.push(Shape::Polyline {
                points: vec![(x, fs * 0.9), (x + fs * 1.6, fs * 0.9)],
                color: s.color.clone(),
                width: 2.25,
                dashed: s.dashed,
            });
            x += fs * 2.1;
            shapes.push(text(
                x,
                fs * 1.25,
                &s.label,
                fs,
                Anchor::Start,
                &style.text,
                false,
            ));
            x += measure(&s.label, fs) + fs * 1.5;
        }
    }
    shapes
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
        let label_max = (width - legend_x - fs * 2.0 - value_w - fs).max(fs * 3.0);
        let label = ellipsize(&item.label, label_max, fs, measure);
        shapes.push(text(
            legend_x + fs * 1.6,
            y + row * 0.62,
            &label,
            fs,
            Anchor::Start,
            &style.text,
            false,
        ));
        shapes.push(text(
            width - fs * 0.3,
            y + row * 0.62,
            &item.value_label,
            fs,
            Anchor::End,
            &style.text,
            true,
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
