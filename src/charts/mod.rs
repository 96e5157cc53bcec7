//! Charts: a description in the view model, laid out once into shapes ([`geometry`]) that are
//! drawn to SVG for HTML ([`svg`]) and to vector paths for PDF.

pub mod geometry;
pub mod svg;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Daily values, the comparison period dashed.
    #[default]
    Line,
    /// One vertical bar per day.
    Bars,
    /// The long view: one bar per month (week, quarter). `series[0]` holds the complete
    /// buckets (filled bars), `series[1]` the partial ones (pale bars with a dashed outline),
    /// `series[2]` last year's same buckets (a mark across the bar); a bucket without data in
    /// either of the first two gets a dash, never a zero bar.
    TrendBars,
    /// Horizontal bars for a breakdown (campaigns, channels).
    HBars,
    /// Shares of a whole.
    Donut,
    /// A small line without axes, for KPI tiles.
    Sparkline,
    /// Progress towards a target.
    Progress,
    /// An allowance and how much of it is used (an "at most" goal): the fill stops at the
    /// allowance's mark, an overrun is drawn past it.
    Budget,
}

/// A chart, with every label already formatted for the client's locale.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Chart {
    pub id: String,
    pub kind: ChartKind,
    pub title: String,
    /// What the chart shows, in words (alt text and `<desc>`).
    pub description: String,
    /// Labels along the x axis, one per index (line and bar charts).
    pub x_labels: Vec<String>,
    pub series: Vec<ChartSeries>,
    /// Bars or slices (horizontal bars, donut, progress).
    pub items: Vec<ChartItem>,
    /// Gridlines with their labels, lowest first.
    pub y_ticks: Vec<Tick>,
    /// Events marked across a daily chart (a campaign launch, a site migration).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markers: Vec<Marker>,
    /// Runs of x positions named once under the axis, a separator before each but the
    /// first: the quarters of weekly bars, the years of monthly and quarterly ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub x_groups: Vec<XGroup>,
}

/// A run of x positions from `first` to the next group's `first` (or the axis' end).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XGroup {
    pub first: usize,
    pub label: String,
    /// The name without its year (`Q4`), written instead where the whole name would run
    /// across a separator (a few weeks of a quarter in a narrow chart); empty: none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
}

/// An event on a daily chart: a day (`first == last`) or a span of days, by x index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Marker {
    pub first: usize,
    pub last: usize,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartSeries {
    pub label: String,
    pub values: Vec<Option<f64>>,
    pub color: String,
    pub dashed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartItem {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    pub color: String,
    /// For progress bars: the target's position as a fraction of the bar (1.0 = full).
    pub target: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// Round tick values (1, 2, 2.5 or 5 × 10ⁿ) covering `min..=max` in about `target` steps.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    nice_ticks_with(min, max, target, false)
}

/// Like [`nice_ticks`]; with `integer` the step is a whole number (counts have no half days).
pub fn nice_ticks_with(min: f64, max: f64, target: usize, integer: bool) -> Vec<f64> {
    let (min, max) = if (max - min).abs() < f64::EPSILON {
        if max == 0.0 {
            (0.0, 1.0)
        } else {
            (min.min(0.0), max.abs() * 1.2)
        }
    } else {
        (min, max)
    };
    let raw = (max - min) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .filter(|s| !integer || (*s >= 1.0 && s.fract() == 0.0))
        .find(|s| *s >= raw)
        .unwrap_or(if integer {
            (10.0 * magnitude).max(1.0)
        } else {
            10.0 * magnitude
        });
    let lo = (min / step).floor() * step;
    let hi = (max / step).ceil() * step;
    let n = ((hi - lo) / step).round() as usize;
    (0..=n)
        .map(|i| {
            let v = lo + i as f64 * step;
            // Remove float noise such as 0.30000000000000004.
            (v / step).round() * step
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 97.0, 4), vec![0.0, 25.0, 50.0, 75.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1234.0, 4), vec![0.0, 500.0, 1000.0, 1500.0]);
        assert_eq!(nice_ticks(0.0, 0.034, 4), vec![0.0, 0.01, 0.02, 0.03, 0.04]);
        assert_eq!(nice_ticks(0.0, 0.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(nice_ticks_with(0.0, 10.0, 4, true), vec![0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks_with(0.0, 3.0, 4, true), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(
            nice_ticks_with(0.0, 97.0, 4, true),
            vec![0.0, 25.0, 50.0, 75.0, 100.0]
        );
        // A count of at most 1 or 2 steps by whole numbers.
        assert_eq!(nice_ticks_with(0.0, 1.0, 4, true), vec![0.0, 1.0]);
        assert_eq!(nice_ticks_with(0.0, 2.0, 4, true), vec![0.0, 1.0, 2.0]);
        let t = nice_ticks(12.0, 13.0, 4);
        assert!(t[0] <= 12.0 && *t.last().unwrap() >= 13.0);
    }
}
