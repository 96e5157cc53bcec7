//! The long view's bars ([`ChartKind::TrendBars`](crate::charts::ChartKind::TrendBars)): one bar per
//! bucket, partial buckets pale with a dashed outline, last year's value as a mark across the
//! bar, a dash where a bucket has no data.

use super::{Anchor, ChartStyle, Measure, Shape, text};
use crate::charts::Chart;

pub(super) fn layout(
    chart: &Chart,
    width: f64,
    height: f64,
    style: &ChartStyle,
    measure: Measure,
) -> Vec<Shape> {
    let fs = style.font_size;
    let mut shapes = Vec::new();
    let (lo, hi, label_w) = super::y_scale(chart, fs, measure);
    let rows = legend_rows(chart, width, fs, measure);
    let row_h = LEGEND_ROW * fs;
    let legend_h = if rows.is_empty() {
        0.0
    } else {
        fs * 0.4 + row_h * rows.len() as f64
    };
    // The bars' labels take a row under the plot, their groups' names (if any) a second one.
    let grouped = !chart.x_groups.is_empty();
    let label_y = height - if grouped { fs * 1.9 } else { fs * 0.5 };
    let (left, right, top, bottom) = (
        label_w + fs * 0.6,
        width - fs * 0.5,
        fs * 0.8 + legend_h,
        label_y - fs * 1.5,
    );
    let plot_h = (bottom - top).max(1.0);
    let y_of = |v: f64| bottom - (v.clamp(lo, hi) - lo) / (hi - lo) * plot_h;
    super::y_grid(chart, (left, right), &y_of, style, &mut shapes);
    let n = chart.x_labels.len().max(1);
    let slot = (right - left).max(1.0) / n as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    let widest = chart
        .x_labels
        .iter()
        .map(|l| measure(l, fs))
        .fold(0.0, f64::max);
    // Label every k-th bar, counted from the last (the report's own bucket is always named),
    // each centred under its bar but kept inside the chart: where that moves the last one
    // onto its neighbour (a narrow chart), every (k+1)-th, and so on.
    let placed = |every: usize| -> Vec<(f64, &String)> {
        chart
            .x_labels
            .iter()
            .enumerate()
            .filter(|(i, _)| (n - 1 - i).is_multiple_of(every))
            .map(|(i, label)| {
                let half = measure(label, fs) / 2.0 + 2.0;
                (x_of(i).clamp(half, (width - half).max(half)), label)
            })
            .collect()
    };
    let apart = |labels: &[(f64, &String)]| {
        labels.windows(2).all(|w| {
            let halves = (measure(w[0].1, fs) + measure(w[1].1, fs)) / 2.0;
            w[1].0 - w[0].0 >= halves + fs * 0.5
        })
    };
    let mut every = ((widest + fs) / slot).ceil().max(1.0) as usize;
    let mut labels = placed(every);
    while every < n && !apart(&labels) {
        every += 1;
        labels = placed(every);
    }
    for (x, label) in labels {
        shapes.push(text(
            x,
            label_y,
            label,
            fs,
            Anchor::Middle,
            &style.muted,
            false,
        ));
    }
    let value = |s: usize, i: usize| {
        chart
            .series
            .get(s)
            .and_then(|s| s.values.get(i).copied().flatten())
    };
    let bar_w = (slot * 0.62).max(1.0);
    let base = y_of(lo.max(0.0));
    let outline = |x: f64, y: f64, w: f64, h: f64, color: &str| Shape::Polyline {
        points: vec![(x, y + h), (x, y), (x + w, y), (x + w, y + h)],
        color: color.to_string(),
        width: 1.0,
        dashed: true,
    };
    for i in 0..chart.x_labels.len() {
        let x = x_of(i) - bar_w / 2.0;
        match (value(0, i), value(1, i)) {
            (Some(v), _) | (None, Some(v)) => {
                let partial = value(0, i).is_none();
                let top_y = y_of(v);
                let (y, h) = (top_y.min(base), (base - top_y).abs());
                let fill = &chart.series[if partial { 1 } else { 0 }].color;
                shapes.push(Shape::Rect {
                    x,
                    y,
                    w: bar_w,
                    h,
                    color: fill.clone(),
                    radius: 0.0,
                });
                if partial {
                    shapes.push(outline(x, y, bar_w, h, &chart.series[0].color));
                }
            }
            (None, None) => shapes.push(text(
                x_of(i),
                base - fs * 0.3,
                "–",
                fs,
                Anchor::Middle,
                &style.muted,
                false,
            )),
        }
        if let Some(v) = value(2, i) {
            let y = y_of(v);
            shapes.push(Shape::Polyline {
                points: vec![(x - slot * 0.08, y), (x + bar_w + slot * 0.08, y)],
                color: chart.series[2].color.clone(),
                width: 2.25,
                dashed: false,
            });
        }
    }
    x_groups(
        chart,
        (left, slot),
        (top, bottom, height),
        style,
        measure,
        &mut shapes,
    );
    // The legend names what is drawn: complete, partial, last year.
    for (r, row) in rows.iter().enumerate() {
        let mut x = left;
        for &s in row {
            let series = &chart.series[s];
            let y = fs * 0.9 + row_h * r as f64;
            if s == 2 {
                shapes.push(Shape::Polyline {
                    points: vec![(x, y), (x + fs, y)],
                    color: series.color.clone(),
                    width: 2.25,
                    dashed: false,
                });
            } else {
                shapes.push(Shape::Rect {
                    x,
                    y: y - fs * 0.45,
                    w: fs,
                    h: fs * 0.9,
                    color: series.color.clone(),
                    radius: 0.0,
                });
                if s == 1 {
                    shapes.push(outline(
                        x,
                        y - fs * 0.45,
                        fs,
                        fs * 0.9,
                        &chart.series[0].color,
                    ));
                }
            }
            x += fs * 1.5;
            shapes.push(text(
                x,
                y + fs * 0.35,
                &series.label,
                fs,
                Anchor::Start,
                &style.text,
                false,
            ));
            x += measure(&series.label, fs) + fs * 1.5;
        }
    }
    shapes
}

/// A legend row's height, in font sizes.
pub(super) const LEGEND_ROW: f64 = 1.6;

/// The legend's entries (series indexes) in rows that fit the width: a phone's chart wraps
/// them. A series without a label or values stays out (charts side by side share one).
pub(super) fn legend_rows(chart: &Chart, width: f64, fs: f64, measure: Measure) -> Vec<Vec<usize>> {
    let (_, _, label_w) = super::y_scale(chart, fs, measure);
    let entry_w = |s: usize| fs * 3.0 + measure(&chart.series[s].label, fs);
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = f64::MAX;
    for s in (0..chart.series.len()).filter(|&i| {
        !chart.series[i].label.is_empty() && chart.series[i].values.iter().any(Option::is_some)
    }) {
        match rows.last_mut() {
            Some(row) if used + entry_w(s) <= width => row.push(s),
            _ => {
                rows.push(vec![s]);
                used = label_w + fs * 0.6;
            }
        }
        used += entry_w(s);
    }
    rows
}

/// A line between two groups of bars (at the slot boundary, across the plot: a name moved
/// aside may pass under it) and each group's name under its bars' labels: centred on its bars, moved inside
/// the chart at its edges; where two names would touch, the one over fewer bars is left out.
fn x_groups(
    chart: &Chart,
    (left, slot): (f64, f64),
    (top, bottom, height): (f64, f64, f64),
    style: &ChartStyle,
    measure: Measure,
    shapes: &mut Vec<Shape>,
) {
    let fs = style.font_size;
    let n = chart.x_labels.len();
    let groups = &chart.x_groups;
    // (first, end, label) of each group that starts on the axis, in order.
    let spans: Vec<(usize, usize, &str)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.first < n)
        .map(|(i, g)| {
            let end = groups
                .get(i + 1)
                .map_or(n, |next| next.first.clamp(g.first + 1, n));
            (g.first, end, g.label.as_str())
        })
        .collect();
    let width = left + slot * n as f64 + fs * 0.5;
    // A name whose group is too narrow for it, centred (moved inside the chart at its edge),
    // would run across the separator: its short form, if it has one, is written instead.
    let spans: Vec<(usize, usize, &str)> = spans
        .into_iter()
        .map(|(first, end, label)| {
            let short = groups
                .iter()
                .find(|g| g.first == first)
                .map_or("", |g| g.short.as_str());
            let half = measure(label, fs) / 2.0;
            let (from, to) = (left + slot * first as f64, left + slot * end as f64);
            let centre =
                ((from + to) / 2.0).clamp(half + 1.0, (width - half - 1.0).max(half + 1.0));
            let across = (first > 0 && centre - half < from - fs * 0.5)
                || (end < n && centre + half > to + fs * 0.5);
            (
                first,
                end,
                if across && !short.is_empty() {
                    short
                } else {
                    label
                },
            )
        })
        .collect();
    for &(first, _, _) in spans.iter().filter(|(first, _, _)| *first > 0) {
        let x = left + slot * first as f64;
        shapes.push(Shape::Polyline {
            points: vec![(x, top), (x, bottom + fs * 0.3)],
            color: style.muted.clone(),
            width: 0.75,
            dashed: false,
        });
    }
    // Where each name would sit, as (centre, half its width): centred on its bars, inside
    // the chart, a name pushed left where the next one (moved in from the edge) needs room.
    let gap = fs * 0.6;
    let mut placed: Vec<(f64, f64)> = spans
        .iter()
        .map(|&(first, end, label)| {
            let half = measure(label, fs) / 2.0;
            let centre = left + slot * (first + end) as f64 / 2.0;
            (
                centre.clamp(half + 1.0, (width - half - 1.0).max(half + 1.0)),
                half,
            )
        })
        .collect();
    for i in (1..placed.len()).rev() {
        let (next, next_half) = placed[i];
        let (c, h) = &mut placed[i - 1];
        *c = c.min(next - next_half - *h - gap).max(*h + 1.0);
    }
    let mut order: Vec<usize> = (0..spans.len()).collect();
    // The widest groups first; of two as wide, the later (nearer the report's own bucket).
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(spans[i].1 - spans[i].0),
            std::cmp::Reverse(i),
        )
    });
    let mut kept: Vec<usize> = Vec::new();
    for i in order {
        let (c, h) = placed[i];
        let clear = kept.iter().all(|&k| {
            let (ck, hk) = placed[k];
            (c - ck).abs() >= h + hk + gap
        });
        if clear {
            kept.push(i);
        }
    }
    kept.sort_unstable();
    for i in kept {
        shapes.push(text(
            placed[i].0,
            height - fs * 0.5,
            spans[i].2,
            fs,
            Anchor::Middle,
            &style.text,
            false,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, ChartSeries, Tick, XGroup};

    fn series(values: Vec<Option<f64>>, color: &str) -> ChartSeries {
        ChartSeries {
            label: color.to_string(),
            values,
            color: color.to_string(),
            dashed: false,
        }
    }

    /// 13 weeks, the last three in a new quarter, both named `long` (short: `Q3`, `Q4`).
    fn quarters(long: &str) -> Chart {
        Chart {
            kind: ChartKind::TrendBars,
            x_labels: (0..13).map(|i| format!("W{i}")).collect(),
            series: vec![series((0..13).map(|_| Some(5.0)).collect(), "#full")],
            y_ticks: [0.0, 10.0]
                .map(|v| Tick {
                    value: v,
                    label: v.to_string(),
                })
                .to_vec(),
            x_groups: [(0, "Q3"), (10, "Q4")]
                .map(|(first, short)| XGroup {
                    first,
                    label: format!("{short} {long}"),
                    short: short.into(),
                })
                .to_vec(),
            ..Chart::default()
        }
    }

    fn texts(shapes: &[Shape]) -> Vec<(f64, &str)> {
        shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { x, text, .. } => Some((*x, text.as_str())),
                _ => None,
            })
            .collect()
    }

    /// A quarter's name too long for its three weeks would run across the separator: the
    /// short name is written there instead; the other quarter, and a wide chart, keep theirs.
    #[test]
    fn a_name_too_wide_for_its_bars_is_written_short() {
        let measure = |s: &str, size: f64| s.chars().count() as f64 * size * 0.5;
        let chart = quarters("of the year 2026");
        let narrow = layout(&chart, 200.0, 120.0, &style(), &measure);
        let names: Vec<&str> = texts(&narrow)
            .into_iter()
            .map(|(_, t)| t)
            .filter(|t| t.starts_with('Q'))
            .collect();
        assert_eq!(names, ["Q3 of the year 2026", "Q4"]);
        let wide = layout(&chart, 2000.0, 120.0, &style(), &measure);
        assert!(
            texts(&wide)
                .iter()
                .any(|(_, t)| *t == "Q4 of the year 2026"),
            "{:?}",
            texts(&wide)
        );
    }

    /// The last bar's label, moved inside the chart at its right edge, keeps clear of the
    /// label before it.
    #[test]
    fn the_last_label_moved_inside_keeps_clear_of_its_neighbour() {
        let measure = |s: &str, size: f64| s.chars().count() as f64 * size * 0.5;
        let mut chart = quarters("2026");
        chart.x_labels = (0..13).map(|i| format!("Oct {i:02}")).collect();
        for width in [120.0, 160.0, 200.0, 260.0] {
            let shapes = layout(&chart, width, 120.0, &style(), &measure);
            let labels: Vec<(f64, &str)> = texts(&shapes)
                .into_iter()
                .filter(|(_, t)| t.starts_with("Oct"))
                .collect();
            assert!(labels.last().is_some_and(|l| l.1 == "Oct 12"), "{labels:?}");
            for pair in labels.windows(2) {
                let halves = (measure(pair[0].1, 10.0) + measure(pair[1].1, 10.0)) / 2.0;
                assert!(pair[1].0 - pair[0].0 >= halves, "{width}: {pair:?} overlap");
            }
        }
    }

    fn style() -> ChartStyle {
        ChartStyle {
            font_size: 10.0,
            text: "#text".into(),
            muted: "#muted".into(),
            grid: "#grid".into(),
            track: "#track".into(),
        }
    }

    /// 13 months from October 2025: the year's line falls halfway between December's and
    /// January's bars, "2025" is written under October–December and "2026" under the rest,
    /// below the months' names; at phone and print widths alike.
    #[test]
    fn a_year_separator_falls_between_december_and_january() {
        let months = [
            "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        ];
        let x_labels: Vec<String> = (0..13).map(|i| months[i % 12].to_string()).collect();
        let chart = Chart {
            kind: ChartKind::TrendBars,
            x_labels,
            series: vec![
                series((0..13).map(|i| Some(5.0 + i as f64)).collect(), "#full"),
                series(vec![None; 13], "#pale"),
                series(vec![None; 13], "#mark"),
            ],
            y_ticks: [0.0, 20.0]
                .map(|v| Tick {
                    value: v,
                    label: v.to_string(),
                })
                .to_vec(),
            x_groups: vec![
                XGroup {
                    first: 0,
                    label: "2025".into(),
                    short: String::new(),
                },
                XGroup {
                    first: 3,
                    label: "2026".into(),
                    short: String::new(),
                },
            ],
            ..Chart::default()
        };
        for width in [300.0, 880.0] {
            let shapes = layout(&chart, width, 200.0, &style(), &|s, size| {
                s.chars().count() as f64 * size * 0.5
            });
            let centres: Vec<f64> = shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Rect { x, w, color, .. } if color == "#full" && *w > 10.0 => {
                        Some(x + w / 2.0)
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(centres.len(), 13);
            let lines: Vec<f64> = shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Polyline { points, color, .. }
                        if color == "#muted" && points.len() == 2 && points[0].0 == points[1].0 =>
                    {
                        Some(points[0].0)
                    }
                    _ => None,
                })
                .collect();
            let halfway = (centres[2] + centres[3]) / 2.0;
            assert_eq!(lines.len(), 1, "{lines:?}");
            assert!(
                lines.iter().all(|x| (x - halfway).abs() < 1e-9),
                "{lines:?} vs {halfway}"
            );
            let texts: Vec<(f64, f64, &str)> = shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
                    _ => None,
                })
                .collect();
            let year = |name: &str| *texts.iter().find(|t| t.2 == name).expect(name);
            let (y25, y26) = (year("2025"), year("2026"));
            assert!(y25.0 < halfway && halfway < y26.0, "{texts:?}");
            // The last bar is always named.
            let month_y = texts.iter().find(|t| t.2 == "Oct").expect("Oct").1;
            assert!(y25.1 > month_y && y26.1 > month_y, "{texts:?}");
        }
    }

    /// A complete bar is filled, a partial one pale with a dashed outline, a month without
    /// data gets a dash and no bar (never a zero-height one), last year a mark.
    #[test]
    fn partial_buckets_are_outlined_and_missing_ones_are_a_dash() {
        let chart = Chart {
            id: "t".into(),
            kind: ChartKind::TrendBars,
            markers: Vec::new(),
            x_groups: Vec::new(),
            title: String::new(),
            description: String::new(),
            x_labels: vec!["a".into(), "b".into(), "c".into()],
            series: vec![
                series(vec![Some(10.0), None, None], "#full"),
                series(vec![None, Some(5.0), None], "#pale"),
                series(vec![Some(8.0), None, Some(9.0)], "#mark"),
            ],
            items: Vec::new(),
            y_ticks: [0.0, 10.0]
                .map(|v| Tick {
                    value: v,
                    label: v.to_string(),
                })
                .to_vec(),
        };
        let style = ChartStyle {
            font_size: 10.0,
            text: "#text".into(),
            muted: "#muted".into(),
            grid: "#grid".into(),
            track: "#track".into(),
        };
        let shapes = layout(&chart, 300.0, 200.0, &style, &|s, size| {
            s.chars().count() as f64 * size * 0.5
        });
        let bars: Vec<(&str, f64)> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect { color, h, w, .. } if *w > 20.0 => Some((color.as_str(), *h)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2, "{bars:?}");
        assert_eq!(bars[0].0, "#full");
        assert_eq!(bars[1].0, "#pale");
        assert!(bars.iter().all(|(_, h)| *h > 0.0));
        let dashed = shapes
            .iter()
            .filter(
                |s| matches!(s, Shape::Polyline { dashed: true, color, .. } if color == "#full"),
            )
            .count();
        // The partial bar's outline and the legend's partial swatch.
        assert_eq!(dashed, 2);
        assert!(
            shapes
                .iter()
                .any(|s| matches!(s, Shape::Text { text, .. } if text == "–"))
        );
        let marks = shapes
            .iter()
            .filter(|s| matches!(s, Shape::Polyline { color, points, .. } if color == "#mark" && points.len() == 2))
            .count();
        // Two marks and the legend's.
        assert_eq!(marks, 3);
    }
}
