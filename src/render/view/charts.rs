//! The view's charts and tables: trends, daily bars, breakdown bars, donuts and tables.

use super::{Column, SectionBuilder, Table, capitalize};
use chrono::Datelike;

use crate::charts::{Chart, ChartItem, ChartKind, ChartSeries, Marker, Tick, nice_ticks_with};
use crate::metrics::catalog::{DailyShape, Unit};
use crate::metrics::dataset::LOCATION;
use crate::metrics::platform::PLATFORM;
use crate::report::model::{Breakdown, BreakdownRow};

/// Columns of breakdown tables, in order; other metrics stay in the JSON.
const TABLE_COLUMNS: [&str; 28] = [
    "web.sessions",
    "web.users",
    "web.conversions",
    "web.conversion_rate",
    "web.engagement_rate",
    "web.revenue",
    "ads.spend",
    "ads.clicks",
    "ads.ctr",
    "ads.conversions",
    "ads.cpa",
    "ads.roas",
    "seo.clicks",
    "seo.impressions",
    "seo.ctr",
    "seo.position",
    "local.views",
    "local.calls",
    "local.directions",
    "local.website_clicks",
    "social.followers",
    "social.impressions",
    "social.engagements",
    "social.engagement_rate",
    "reviews.new",
    "reviews.rating",
    "email.open_rate",
    "email.click_rate",
];

/// Periods longer than this (in days) label their daily charts by weeks.
const LONG_PERIOD_DAYS: usize = 42;

/// Bars or slices a breakdown chart shows before grouping the rest as "Other".
const CHART_ITEMS: usize = 8;

impl SectionBuilder<'_> {
    /// Gridlines for values up to `max` (and down to `min` when negative), labelled in one
    /// form per axis; counts step by whole numbers (a count of at most 1 gets 0 and 1).
    pub(super) fn ticks(&self, max: f64, min: f64, unit: Unit) -> Vec<Tick> {
        let lo = if min < 0.0 { min } else { 0.0 };
        let values = nice_ticks_with(lo, max, 4, unit == Unit::Count);
        let labels = self
            .l()
            .fmt
            .axis_labels(&values, unit, &self.report().client.currency);
        values
            .into_iter()
            .zip(labels)
            .map(|(value, label)| Tick { value, label })
            .collect()
    }

    /// The days along a daily chart. Up to six weeks every day has its label (the chart
    /// thins them out); a longer period labels the first day of each week (Monday), so a
    /// quarter reads by weeks rather than every sixth day.
    pub(super) fn x_labels(&self, n: usize) -> Vec<String> {
        let start = self.report().period.start;
        (0..n)
            .map(|i| start + chrono::Duration::days(i as i64))
            .map(|day| {
                if n <= LONG_PERIOD_DAYS || day.weekday() == chrono::Weekday::Mon {
                    self.l().fmt.short_date(day)
                } else {
                    String::new()
                }
            })
            .collect()
    }

    /// The report's annotations that fall in the period, as markers on its daily charts.
    pub(super) fn markers(&self, n: usize) -> Vec<Marker> {
        let period = &self.report().period;
        let index = |d: chrono::NaiveDate| (d - period.start).num_days().max(0) as usize;
        self.report()
            .annotations
            .iter()
            .filter(|a| a.start <= period.end && a.end >= period.start)
            .map(|a| Marker {
                first: index(a.start.max(period.start)).min(n.saturating_sub(1)),
                last: index(a.end.min(period.end)).min(n.saturating_sub(1)),
                label: a.label.clone(),
            })
            .collect()
    }

    /// A metric's daily chart: a line against the comparison (its days aligned by weekday),
    /// or bars for a metric counted on the days something happens (newsletters, reviews),
    /// where the days between are not points of a curve.
    pub(super) fn trend(&self, metric: &str, weekly: bool) -> Option<Chart> {
        if self.is_events(metric) && !weekly {
            return self.daily_bars(metric);
        }
        let r = self.report();
        let k = self.kpi(metric)?;
        let series = r.series.iter().find(|s| s.metric == metric)?;
        let current: Vec<Option<f64>> = series.current.iter().map(|d| d.value).collect();
        let previous: Vec<Option<f64>> = series.previous.iter().map(|d| d.value).collect();
        let all = current.iter().chain(&previous).flatten();
        let (min, max) = all.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)));
        let label = self.metric_label(metric);
        let l = self.l();
        // The legend names the periods: "October 2026" and "September 2026, same weekdays".
        let names = self.names;
        let previous_name = names
            .comparison
            .clone()
            .unwrap_or_else(|| l.t("previous-period"));
        let mut out = vec![ChartSeries {
            label: names.period.clone(),
            values: current,
            color: self.theme.primary.clone(),
            dashed: false,
        }];
        // The comparison's days moved to match weekdays (a month against the previous
        // one): the legend says so; a week against the week before needs no word.
        let moved = r.comparison.as_ref().is_some_and(|c| {
            (r.period.start - c.start).num_days() != c.series_alignment.shift_days
        });
        if previous.iter().any(Option::is_some) {
            out.push(ChartSeries {
                label: if moved {
                    l.text(
                        "chart-same-weekdays",
                        &[("period", previous_name.as_str().into())],
                    )
                } else {
                    previous_name.clone()
                },
                values: previous,
                color: self.theme.muted.clone(),
                dashed: true,
            });
        }
        let title_key = if weekly {
            "trend-title-week"
        } else {
            "trend-title"
        };
        let title = l.text(title_key, &[("metric", label.as_str().into())]);
        let n = series.current.len().max(series.previous.len());
        // The description names both values as the tile does: alike, never looking equal.
        let pair = l.fmt.value_pair(
            k.value.unwrap_or_default(),
            k.previous,
            k.unit,
            &self.report().client.currency,
            false,
        );
        Some(Chart {
            id: format!("trend-{}", metric.replace('.', "-")),
            kind: ChartKind::Line,
            description: format!(
                "{title}: {}: {}{}",
                names.period,
                pair.0,
                pair.1
                    .map(|p| format!("; {previous_name}: {p}"))
                    .unwrap_or_default()
            ),
            title,
            x_labels: self.x_labels(n),
            series: out,
            items: Vec::new(),
            y_ticks: self.ticks(max, min, k.unit),
            markers: self.markers(n),
            x_groups: Vec::new(),
        })
    }

    /// Whether the catalog counts the metric on the days something happens.
    pub(super) fn is_events(&self, metric: &str) -> bool {
        self.input
            .catalog
            .get(metric)
            .is_some_and(|m| m.daily_shape() == DailyShape::Events)
    }

    pub(super) fn daily_bars(&self, metric: &str) -> Option<Chart> {
        let r = self.report();
        let k = self.kpi(metric)?;
        let series = r.series.iter().find(|s| s.metric == metric)?;
        let values: Vec<Option<f64>> = series.current.iter().map(|d| d.value).collect();
        let max = values.iter().flatten().fold(0.0f64, |a, v| a.max(*v));
        let label = self.metric_label(metric);
        let title = self
            .l()
            .text("daily-title", &[("metric", label.as_str().into())]);
        Some(Chart {
            id: format!("daily-{}", metric.replace('.', "-")),
            kind: ChartKind::Bars,
            description: format!(
                "{title}: {}",
                self.value(k.value.unwrap_or_default(), k.unit, false)
            ),
            title,
            x_labels: self.x_labels(values.len()),
            markers: self.markers(values.len()),
            x_groups: Vec::new(),
            series: vec![ChartSeries {
                label,
                values,
                color: self.theme.accent.clone(),
                dashed: false,
            }],
            items: Vec::new(),
            y_ticks: self.ticks(max, 0.0, k.unit),
        })
    }

    pub(super) fn dimension_name(&self, dimension: &str) -> String {
        let key = format!("dim-{}", dimension.to_lowercase());
        let t = self.l().t(&key);
        if t == key {
            self.l()
                .text("dim-other", &[("name", dimension.to_lowercase().into())])
        } else {
            t
        }
    }

    pub(super) fn breakdown_chart(&self, b: &Breakdown, donut: bool) -> Chart {
        let l = self.l();
        let unit = self
            .input
            .catalog
            .get(&b.rank_metric)
            .map_or(Unit::Count, |m| m.unit);
        let metric = self.metric_label(&b.rank_metric);
        let dimension = self.dimension_name(&b.dimension);
        // (label, value, share): the breakdown's rows, then its "other".
        let mut slices: Vec<(String, f64, Option<f64>)> = b
            .rows
            .iter()
            .chain(&b.other)
            .map(|row| {
                let v = row
                    .values
                    .get(&b.rank_metric)
                    .copied()
                    .flatten()
                    .unwrap_or(0.0);
                (self.row_label(b, row), v, row.share)
            })
            .collect();
        // A chart shows at most 8 bars or slices; the rank metric is a sum, so the rest add up
        // into "Other" (the table beside it lists every row).
        if slices.len() > CHART_ITEMS {
            let rest = slices.split_off(CHART_ITEMS - 1);
            let share = rest.iter().map(|r| r.2).sum::<Option<f64>>();
            slices.push((l.t("other"), rest.iter().map(|r| r.1).sum(), share));
        }
        // One form for every bar of a chart: all compact in one unit or all written out.
        let values: Vec<f64> = slices.iter().map(|s| s.1).collect();
        let mut value_labels = l
            .fmt
            .value_labels(&values, unit, &self.report().client.currency)
            .into_iter();
        let items: Vec<ChartItem> = slices
            .into_iter()
            .enumerate()
            .map(|(i, (label, v, share))| ChartItem {
                label,
                value: v,
                value_label: if donut {
                    share.map_or_else(|| l.t("not-available"), |s| l.fmt.percent(s, 1))
                } else {
                    value_labels.next().unwrap_or_default()
                },
                color: self.theme.series[i % self.theme.series.len()].clone(),
                target: None,
            })
            .collect();
        let (kind, key) = if donut {
            (ChartKind::Donut, "share-by-dimension")
        } else {
            (ChartKind::HBars, "by-dimension")
        };
        let title = l.text(
            key,
            &[
                ("metric", metric.as_str().into()),
                ("dimension", dimension.as_str().into()),
            ],
        );
        // Led by the localized title: the shares alone do not say what they are shares of.
        let description = format!(
            "{title}: {}",
            items
                .iter()
                .map(|i| format!("{}: {}", i.label, i.value_label))
                .collect::<Vec<_>>()
                .join("; ")
        );
        Chart {
            id: format!(
                "{}-{}-{}",
                if donut { "donut" } else { "bars" },
                b.rank_metric.replace('.', "-"),
                b.dimension
                    .to_lowercase()
                    .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
            ),
            kind,
            title,
            description,
            x_labels: Vec::new(),
            series: Vec::new(),
            items,
            y_ticks: Vec::new(),
            markers: Vec::new(),
            x_groups: Vec::new(),
        }
    }

    /// A breakdown row's label: the platform's name in a table by platform; elsewhere the
    /// dimension value as the reader's language writes it, followed by the platforms it comes from when several feed the table.
    fn row_label(&self, b: &Breakdown, row: &BreakdownRow) -> String {
        let Some(key) = &row.key else {
            return self.l().t("other");
        };
        if b.dimension == PLATFORM {
            return self.platform_name(key);
        }
        if b.dimension == LOCATION {
            return self.location_name(key);
        }
        let value = self.l().dimension_value(&b.dimension, key);
        if row.platforms.is_empty() {
            return value;
        }
        let names: Vec<String> = row
            .platforms
            .iter()
            .map(|p| self.platform_name(p))
            .collect();
        format!("{value} · {}", names.join(", "))
    }

    fn platform_name(&self, id: &str) -> String {
        self.report()
            .platforms
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    }

    pub(super) fn breakdown_table(&self, b: &Breakdown) -> Table {
        let l = self.l();
        let mut columns = vec![Column {
            label: capitalize(&self.dimension_name(&b.dimension)),
            numeric: false,
        }];
        // By platform, the columns analysis chose for comparing platforms; else the usual.
        let metrics: Vec<&String> = if b.dimension == PLATFORM {
            b.metrics.iter().collect()
        } else {
            TABLE_COLUMNS
                .iter()
                .filter_map(|c| b.metrics.iter().find(|m| m == c))
                .collect()
        };
        columns.extend(metrics.iter().map(|m| Column {
            label: self.metric_label(m),
            numeric: true,
        }));
        let row = |label: String, values: &std::collections::BTreeMap<String, Option<f64>>| {
            let mut cells = vec![label];
            for &m in &metrics {
                let unit = self.input.catalog.get(m).map_or(Unit::Count, |d| d.unit);
                cells.push(
                    values
                        .get(m)
                        .copied()
                        .flatten()
                        .map_or_else(|| "–".to_string(), |v| self.value(v, unit, false)),
                );
            }
            cells
        };
        Table {
            // Its chart is "Ad spend by campaign"; the table shows every metric.
            caption: l.text(
                "by-dimension-table",
                &[("dimension", self.dimension_name(&b.dimension).into())],
            ),
            columns,
            rows: b
                .rows
                .iter()
                .map(|r| row(self.row_label(b, r), &r.values))
                .collect(),
            other: b.other.as_ref().map(|o| row(l.t("other"), &o.values)),
            total: b.total.as_ref().map(|t| row(l.t("total"), &t.values)),
        }
    }
}
