//! The long view in a channel: its headline KPIs as 13 months (weeks, quarters) of bars with
//! last year's marks, and a table of the period against the same period a year earlier.

use super::{Column, SectionBuilder, Table};
use chrono::{Datelike, NaiveDate};

use crate::charts::{Chart, ChartKind, ChartSeries, XGroup};
use crate::model::{Coverage, TrendBucket, TrendBucketKind, TrendSeries};

impl SectionBuilder<'_> {
    /// The channel's headline KPIs that have a trend, in the summary's order.
    fn channel_trends(&self, channel: &str) -> Vec<&TrendSeries> {
        let r = self.report();
        r.trends
            .iter()
            .filter(|t| self.kpi(&t.metric).is_some_and(|k| k.channel == channel))
            .collect()
    }

    /// A bucket's full name, for the chart's description: `Oct 2026`, `ต.ค. 2569`, the
    /// week's first day, `Q3 2026`.
    fn bucket_label(&self, kind: TrendBucketKind, b: &TrendBucket) -> String {
        let l = self.l();
        match kind {
            TrendBucketKind::Month => l.fmt.month_year_short(b.start),
            TrendBucketKind::Week => l.fmt.short_date(b.start),
            TrendBucketKind::Quarter => l.quarter_name(b.start.year(), quarter_of(b.start)),
        }
    }

    /// A bucket's name on the axis, where its group's name is written once under it: `Oct`
    /// (the year under the months), the week's first day (the quarter under the weeks), `Q3`.
    fn bucket_axis_label(&self, kind: TrendBucketKind, b: &TrendBucket) -> String {
        let l = self.l();
        match kind {
            TrendBucketKind::Month => l.fmt.month_short(b.start),
            TrendBucketKind::Week => l.fmt.short_date(b.start),
            TrendBucketKind::Quarter => self.quarter_short(quarter_of(b.start)),
        }
    }

    /// A quarter's name without its year: `Q3`, `ไตรมาส 3`.
    fn quarter_short(&self, quarter: u32) -> String {
        let l = self.l();
        l.text(
            "trend-quarter-short",
            &[("quarter", l.fmt.number(f64::from(quarter), 0).into())],
        )
    }

    /// Quarters in weekly bars, years in monthly and quarterly ones: a group starts at each
    /// bucket whose quarter (a week's: that of its middle day) or year differs from the one
    /// before.
    fn bucket_groups(&self, kind: TrendBucketKind, buckets: &[TrendBucket]) -> Vec<XGroup> {
        let l = self.l();
        let mut groups: Vec<XGroup> = Vec::new();
        let mut last = None;
        for (i, b) in buckets.iter().enumerate() {
            let key = match kind {
                TrendBucketKind::Week => {
                    let middle = b.start + chrono::Days::new(3);
                    (middle.year(), quarter_of(middle))
                }
                TrendBucketKind::Month | TrendBucketKind::Quarter => (b.start.year(), 0),
            };
            if last == Some(key) {
                continue;
            }
            last = Some(key);
            let (label, short) = match kind {
                TrendBucketKind::Week => (l.quarter_name(key.0, key.1), self.quarter_short(key.1)),
                _ => (l.fmt.year(key.0), String::new()),
            };
            groups.push(XGroup {
                first: i,
                label,
                short,
            });
        }
        groups
    }

    /// Bars for the channel's first headline KPI: one long view per channel keeps the report
    /// short; the year-on-year table covers the others.
    pub(super) fn trend_bars(&self, channel: &str) -> Option<Chart> {
        self.named_trend_bars(channel).map(|(chart, _)| chart)
    }

    /// The same with the name of the metric they show.
    pub(super) fn named_trend_bars(&self, channel: &str) -> Option<(Chart, String)> {
        self.channel_trends(channel)
            .into_iter()
            .find_map(|t| Some((self.trend_chart(t)?, self.metric_label(&t.metric))))
    }

    fn trend_chart(&self, t: &TrendSeries) -> Option<Chart> {
        let k = self.kpi(&t.metric)?;
        let l = self.l();
        let value_if =
            |b: &TrendBucket, c: Coverage| (b.coverage == c).then_some(b.value).flatten();
        let complete: Vec<Option<f64>> = t
            .buckets
            .iter()
            .map(|b| value_if(b, Coverage::Complete))
            .collect();
        let partial: Vec<Option<f64>> = t
            .buckets
            .iter()
            .map(|b| value_if(b, Coverage::Partial))
            .collect();
        // Last year's mark only where that bucket is complete: a partial one would mislead.
        let last_year: Vec<Option<f64>> = t
            .buckets
            .iter()
            .map(|b| {
                (b.last_year_coverage == Coverage::Complete)
                    .then_some(b.last_year)
                    .flatten()
            })
            .collect();
        let all = complete.iter().chain(&partial).chain(&last_year).flatten();
        let (min, max) = all.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)));
        let label = self.metric_label(&t.metric);
        let key = match t.bucket {
            TrendBucketKind::Month => "trend-bars-title-month",
            TrendBucketKind::Week => "trend-bars-title-week",
            TrendBucketKind::Quarter => "trend-bars-title-quarter",
        };
        let count = l.fmt.number(t.buckets.len() as f64, 0);
        let title = l.text(
            key,
            &[("metric", label.as_str().into()), ("count", count.into())],
        );
        let x_labels: Vec<String> = t
            .buckets
            .iter()
            .map(|b| self.bucket_label(t.bucket, b))
            .collect();
        let axis_labels: Vec<String> = t
            .buckets
            .iter()
            .map(|b| self.bucket_axis_label(t.bucket, b))
            .collect();
        let no_data = l.t("no-data");
        let partial_word = l.t("trend-legend-partial");
        let described: Vec<String> = t
            .buckets
            .iter()
            .zip(&x_labels)
            .map(|(b, name)| match (b.value, b.coverage) {
                (Some(v), Coverage::Partial) => {
                    format!("{name}: {} ({partial_word})", self.value(v, k.unit, false))
                }
                (Some(v), _) => format!("{name}: {}", self.value(v, k.unit, false)),
                (None, _) => format!("{name}: {no_data}"),
            })
            .collect();
        let theme = self.theme;
        let pale = theme
            .series
            .get(3)
            .cloned()
            .unwrap_or_else(|| theme.surface.clone());
        Some(Chart {
            id: format!("trend-bars-{}", t.metric.replace('.', "-")),
            kind: ChartKind::TrendBars,
            markers: Vec::new(),
            x_groups: self.bucket_groups(t.bucket, &t.buckets),
            description: format!("{title}: {}", described.join("; ")),
            title,
            x_labels: axis_labels,
            series: vec![
                ChartSeries {
                    label: l.t("trend-legend-complete"),
                    values: complete,
                    color: theme.primary.clone(),
                    dashed: false,
                },
                ChartSeries {
                    label: partial_word,
                    values: partial,
                    color: pale,
                    dashed: true,
                },
                ChartSeries {
                    label: l.t("trend-legend-last-year"),
                    values: last_year,
                    color: theme.text.clone(),
                    dashed: false,
                },
            ],
            items: Vec::new(),
            y_ticks: self.ticks(max, min, k.unit),
        })
    }

    /// The channel's headline KPIs against the same period a year earlier: the value, the
    /// value then and the change as the KPI's scale reads it; "–" where a year back has no
    /// data or a period misses days.
    pub(super) fn year_on_year_table(&self, channel: &str) -> Option<Table> {
        let r = self.report();
        let l = self.l();
        let trends = self.channel_trends(channel);
        let first = trends.iter().find_map(|t| t.year_on_year.as_ref())?;
        let then = l.period_name(r.period.kind, first.start, first.end);
        let dash = || "–".to_string();
        let rows: Vec<Vec<String>> = trends
            .iter()
            .filter_map(|t| Some((t, self.kpi(&t.metric)?)))
            .map(|(t, k)| {
                let y = t.year_on_year.as_ref();
                let (now, before) = match (k.value, y.and_then(|y| y.previous)) {
                    (Some(v), p) => {
                        let (v, p) = l.fmt.value_pair(v, p, k.unit, &r.client.currency, false);
                        (v, p.unwrap_or_else(dash))
                    }
                    (None, _) => (dash(), dash()),
                };
                let change = y
                    .and_then(|y| {
                        self.change_words(
                            y.change_scale,
                            k.unit,
                            (y.change, y.change_pct),
                            y.value.zip(y.previous),
                            true,
                        )
                    })
                    .unwrap_or_else(dash);
                vec![self.metric_label(&t.metric), now, before, change]
            })
            .collect();
        if rows.is_empty() {
            return None;
        }
        let column = |label: String, numeric: bool| Column { label, numeric };
        Some(Table {
            caption: l.text(
                "yoy-caption",
                &[("channel", l.t(&format!("section-{channel}")).into())],
            ),
            columns: vec![
                column(l.t("yoy-metric"), false),
                column(self.names.period.clone(), true),
                column(then, true),
                column(l.t("yoy-change"), true),
            ],
            rows,
            other: None,
            total: None,
        })
    }
}

/// The quarter (1–4) a day is in.
fn quarter_of(day: NaiveDate) -> u32 {
    day.month0() / 3 + 1
}
