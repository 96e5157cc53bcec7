//! The view's charts and tables: trends, daily bars, breakdown bars, donuts and tables.

use super::{Column, SectionBuilder, Table, capitalize};
use crate::charts::{Chart, ChartItem, ChartKind, ChartSeries, Tick, nice_ticks_with};
use crate::metrics::catalog::Unit;
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

/// Bars or slices a breakdown chart shows before grouping the rest as "Other".
const CHART_ITEMS: usize = 8;

impl SectionBuilder<'_> {
    pub(super) fn ticks(&self, max: f64, min: f64, unit: Unit) -> Vec<Tick> {
        let lo = if min < 0.0 { min } else { 0.0 };
        let values = nice_ticks_with(lo, max, 4, unit == Unit::Count);
        let whole = values.iter().all(|v| v.fract() == 0.0);
        let n = &self.l().fmt;
        values
            .into_iter()
            .map(|v| Tick {
                value: v,
                label: match unit {
                    Unit::Ratio => n.percent(v, if v != 0.0 && v < 0.1 { 1 } else { 0 }),
                    // Whole-number money ticks read better without cents.
                    Unit::Money if whole => {
                        n.money_with(v, &self.report().client.currency, true, 0)
                    }
                    // Axes stay short: `40K`, not `40,000`.
                    Unit::Count => n.compact(v),
                    _ => self.value(v, unit, true),
                },
            })
            .collect()
    }

    pub(super) fn x_labels(&self, n: usize) -> Vec<String> {
        let start = self.report().period.start;
        (0..n)
            .map(|i| {
                self.l()
                    .fmt
                    .short_date(start + chrono::Duration::days(i as i64))
            })
            .collect()
    }

    pub(super) fn trend(&self, metric: &str, weekly: bool) -> Option<Chart> {
        let r = self.report();
        let k = self.kpi(metric)?;
        let series = r.series.iter().find(|s| s.metric == metric)?;
        let current: Vec<Option<f64>> = series.current.iter().map(|d| d.value).collect();
        let previous: Vec<Option<f64>> = series.previous.iter().map(|d| d.value).collect();
        let all = current.iter().chain(&previous).flatten();
        let (min, max) = all.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)));
        let label = self.metric_label(metric);
        let l = self.l();
        // The legend names the periods: "October 2026" and "September 2026".
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
        if !previous.is_empty() {
            out.push(ChartSeries {
                label: previous_name.clone(),
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
        Some(Chart {
            id: format!("trend-{}", metric.replace('.', "-")),
            kind: ChartKind::Line,
            description: format!(
                "{title}: {}: {}{}",
                names.period,
                self.value(k.value.unwrap_or_default(), k.unit, false),
                k.previous
                    .map(|p| format!("; {previous_name}: {}", self.value(p, k.unit, false)))
                    .unwrap_or_default()
            ),
            title,
            x_labels: self.x_labels(series.current.len().max(series.previous.len())),
            series: out,
            items: Vec::new(),
            y_ticks: self.ticks(max, min, k.unit),
        })
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
        let items: Vec<ChartItem> = slices
            .into_iter()
            .enumerate()
            .map(|(i, (label, v, share))| ChartItem {
                label,
                value: v,
                value_label: if donut {
                    share.map_or_else(|| l.t("not-available"), |s| l.fmt.percent(s, 1))
                } else {
                    self.value(v, unit, true)
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
        let description = items
            .iter()
            .map(|i| format!("{}: {}", i.label, i.value_label))
            .collect::<Vec<_>>()
            .join("; ");
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
            caption: l.text(
                "by-dimension",
                &[
                    ("metric", self.metric_label(&b.rank_metric).into()),
                    ("dimension", self.dimension_name(&b.dimension).into()),
                ],
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
