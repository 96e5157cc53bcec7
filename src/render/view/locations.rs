//! A group's locations section: the ranking table, the movers as tiles, the data
//! completeness of each location and the exchange rates its money was converted at.

use super::{Arrow, Column, SectionBody, SectionBuilder, Table, Tile, Tone, capitalize, tone};
use crate::metrics::catalog::Unit;
use crate::report::model::{LocationRow, Locations, Mover};

impl SectionBuilder<'_> {
    pub(super) fn locations(&self) -> Option<SectionBody> {
        let g = self.report().locations.as_ref()?;
        let l = self.l();
        let mut tiles = Vec::new();
        for (key, mover) in [
            ("locations-best-mover", &g.best_mover),
            ("locations-worst-mover", &g.worst_mover),
        ] {
            if let Some(m) = mover {
                tiles.push(self.mover_tile(g, key, m));
            }
        }
        let unit = |m: &str| self.input.catalog.get(m).map_or(Unit::Count, |d| d.unit);
        let mut columns = vec![Column {
            label: capitalize(&l.t("dim-location")),
            numeric: false,
        }];
        for (i, m) in g.metrics.iter().enumerate() {
            columns.push(Column {
                label: self.metric_label(m),
                numeric: true,
            });
            if i == 0 {
                columns.push(Column {
                    label: l.t("locations-change"),
                    numeric: true,
                });
            }
        }
        columns.push(Column {
            label: l.t("locations-goals"),
            numeric: true,
        });
        columns.push(Column {
            label: l.t("locations-data"),
            numeric: true,
        });
        let rows = g
            .rows
            .iter()
            .map(|r| {
                let mut cells = vec![self.location_label(r)];
                for (i, m) in g.metrics.iter().enumerate() {
                    cells.push(
                        r.values
                            .get(m)
                            .copied()
                            .flatten()
                            .map_or_else(|| "–".to_string(), |v| self.value(v, unit(m), false)),
                    );
                    if i == 0 {
                        cells.push(self.row_change(r, m).unwrap_or_else(|| "–".into()));
                    }
                }
                cells.push(if r.goals.total == 0 {
                    "–".into()
                } else {
                    l.text(
                        "locations-goals-met",
                        &[
                            ("met", i64::from(r.goals.met).into()),
                            ("total", i64::from(r.goals.total).into()),
                        ],
                    )
                });
                cells.push(self.completeness(r));
                cells
            })
            .collect();
        let mut tables = vec![Table {
            caption: l.text(
                "locations-ranking",
                &[("metric", self.metric_label(&g.rank_metric).into())],
            ),
            columns,
            rows,
            other: None,
            total: None,
        }];
        if !g.exchange_rates.is_empty() {
            let currency = &self.report().client.currency;
            tables.push(Table {
                caption: l.t("locations-rates"),
                columns: vec![
                    Column {
                        label: l.t("locations-rate-month"),
                        numeric: false,
                    },
                    Column {
                        label: l.t("locations-rate"),
                        numeric: true,
                    },
                ],
                rows: g
                    .exchange_rates
                    .iter()
                    .map(|r| {
                        let day = chrono::NaiveDate::parse_from_str(
                            &format!("{}-01", r.month),
                            "%Y-%m-%d",
                        );
                        let month = day.map_or_else(
                            |_| r.month.clone(),
                            |d| l.period_name(crate::period::PeriodKind::Month, d, d),
                        );
                        vec![
                            month,
                            l.text(
                                "locations-rate-value",
                                &[
                                    ("from", l.fmt.money_with(1.0, &r.currency, false, 0).into()),
                                    ("to", l.fmt.money_with(r.rate, currency, false, 4).into()),
                                ],
                            ),
                        ]
                    })
                    .collect(),
                other: None,
                total: None,
            });
        }
        Some(SectionBody::Channel {
            tiles,
            charts: Vec::new(),
            tables,
        })
    }

    /// A location's name, with its own currency when it is not the group's.
    fn location_label(&self, r: &LocationRow) -> String {
        if r.currency == self.report().client.currency {
            r.name.clone()
        } else {
            format!("{} ({})", r.name, r.currency)
        }
    }

    pub(super) fn location_name(&self, id: &str) -> String {
        self.report()
            .locations
            .as_ref()
            .and_then(|g| g.rows.iter().find(|r| r.id == id))
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    }

    fn row_change(&self, r: &LocationRow, metric: &str) -> Option<String> {
        let unit = self
            .input
            .catalog
            .get(metric)
            .map_or(Unit::Count, |d| d.unit);
        let pair = r
            .values
            .get(metric)
            .copied()
            .flatten()
            .zip(r.previous.get(metric).copied().flatten());
        self.change_words(r.change_scale, unit, (r.change, r.change), pair, true)
    }

    /// `100 %`, or the share of days with data and the sources that failed.
    fn completeness(&self, r: &LocationRow) -> String {
        let l = self.l();
        let share = r
            .completeness
            .map_or_else(|| l.t("no-data"), |c| l.fmt.percent(c, 0));
        if r.failed_sources == 0 {
            share
        } else {
            l.text(
                "locations-data-failed",
                &[
                    ("share", share.into()),
                    ("count", i64::from(r.failed_sources).into()),
                ],
            )
        }
    }

    fn mover_tile(&self, g: &Locations, key: &str, m: &Mover) -> Tile {
        let row = g.rows.iter().find(|r| r.id == m.location);
        let change = row.and_then(|r| self.row_change(r, &m.metric));
        let up = m.change > 0.0;
        Tile {
            id: key.to_string(),
            label: self
                .l()
                .text(key, &[("metric", self.metric_label(&m.metric).into())]),
            value: self.location_name(&m.location),
            arrow: if m.change == 0.0 {
                Arrow::Flat
            } else if up {
                Arrow::Up
            } else {
                Arrow::Down
            },
            sentiment: row.map_or(Tone::Neutral, |r| tone(r.sentiment)),
            change,
            previous: None,
            note: None,
            sparkline: None,
        }
    }
}
