//! The weekly digest (issue 18): in place of one page per channel, the one-pager's story, one
//! KPI table per channel (this week, last week, change, the four weeks' average), a small
//! daily chart per channel whose axis names the weekdays, and the channel's first headline KPI
//! over 13 weeks (last year's same weeks marked). The numbers come from the model.

use serde::Serialize;

use super::{Column, SectionBody, SectionBuilder, SectionId, SectionView};
use crate::charts::{Chart, ChartKind, ChartSeries};
use crate::config::schema::Section;
use crate::period::CompareKind;
use crate::report::model::{ChangeBasis, Kpi};

/// The weekly digest's own section, in place of the channel sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DigestSection {
    WeekInNumbers,
}

/// One table for every channel: the columns once, then each channel's rows under its name.
#[derive(Debug, Clone, Serialize)]
pub struct WeekTable {
    /// Metric, this week, last week, change, 4-week average.
    pub columns: Vec<Column>,
    pub groups: Vec<WeekGroup>,
}

/// A channel's rows of the week's table.
#[derive(Debug, Clone, Serialize)]
pub struct WeekGroup {
    /// The channel's name, as its section is called.
    pub title: String,
    pub rows: Vec<Vec<String>>,
}

/// Written where a cell has no number.
const NO_VALUE: &str = "—";

impl SectionBuilder<'_> {
    /// The digest's sections, in the report's order: the summary without its tiles (the
    /// table carries the numbers), the week in numbers where the first channel was (the
    /// data notes' paragraphs as its footnotes, without the definitions), and the
    /// commentary. The goals' standing is on the summary's scoreboard (the goals section stays
    /// when there is no summary).
    pub(super) fn weekly_sections(&self) -> Vec<SectionView> {
        let mut out = Vec::new();
        let mut numbers: Option<usize> = None;
        let sections = &self.report().sections;
        let scoreboard = sections.contains(&Section::Summary);
        for &s in sections {
            match s {
                Section::Goals if scoreboard => {}
                _ if s.channel().is_some() => {
                    if numbers.is_none() {
                        numbers = Some(out.len());
                        out.push(self.week_in_numbers());
                    }
                }
                _ => {
                    let Some(mut view) = self.section(s) else {
                        continue;
                    };
                    match &mut view.body {
                        SectionBody::Summary { tiles, .. } => tiles.clear(),
                        SectionBody::DataNotes { paragraphs, .. } => {
                            if let Some(SectionBody::Week { notes, .. }) =
                                numbers.and_then(|i| out.get_mut(i)).map(|v| &mut v.body)
                            {
                                notes.append(paragraphs);
                                continue;
                            }
                            if let SectionBody::DataNotes { definitions, .. } = &mut view.body {
                                definitions.clear();
                            }
                        }
                        _ => {}
                    }
                    out.push(view);
                }
            }
        }
        out
    }

    fn week_in_numbers(&self) -> SectionView {
        let r = self.report();
        let l = self.l();
        let columns = [
            (l.t("weekly-column-metric"), false),
            (l.t("weekly-column-this-week"), true),
            (self.compared_week(), true),
            (l.t("weekly-column-change"), true),
            (l.t("weekly-column-average"), true),
        ]
        .into_iter()
        .map(|(label, numeric)| Column { label, numeric })
        .collect::<Vec<_>>();
        let (mut groups, mut charts, mut notes) = (Vec::new(), Vec::new(), Vec::new());
        let (mut trends, mut trend_metrics) = (Vec::new(), Vec::new());
        for channel in r.sections.iter().filter_map(|s| s.channel()) {
            let kpis: Vec<&Kpi> = r
                .kpis
                .iter()
                .filter(|k| k.channel == channel && k.value.is_some())
                .collect();
            if kpis.is_empty() {
                continue;
            }
            groups.push(WeekGroup {
                title: l.t(&format!("section-{channel}")),
                rows: kpis.iter().map(|k| self.week_row(k)).collect(),
            });
            notes.extend(self.week_notes(&kpis));
            let lead = r
                .breakdowns
                .iter()
                .find(|b| b.channel == channel)
                .map(|b| b.rank_metric.as_str())
                .and_then(|m| kpis.iter().find(|k| k.id == m))
                .or(kpis.first());
            charts.extend(lead.and_then(|k| self.week_chart(k)));
            if let Some((chart, metric)) = self.named_trend_bars(channel) {
                trends.push(chart);
                trend_metrics.push(metric);
            }
        }
        // Charts a quarter of a page wide: the legend names last year's mark and, where a
        // week lacks days, the pale bars; the complete weeks' bars speak for themselves.
        for chart in &mut trends {
            if let Some(complete) = chart.series.first_mut() {
                complete.label.clear();
            }
        }
        let separator = l.t("weekly-list-separator");
        let trends_left_out = (0..trend_metrics.len())
            .map(|shown| {
                let metrics = trend_metrics[shown..].join(&separator);
                let weeks = trends[shown..].iter().map(|c| c.x_labels.len()).max();
                l.text(
                    "week-trends-left-out",
                    &[
                        ("metrics", metrics.into()),
                        ("weeks", l.fmt.number(weeks.unwrap_or(0) as f64, 0).into()),
                    ],
                )
            })
            .collect();
        let average_of = r.recent_weeks.as_ref().map(|w| {
            l.text(
                "weekly-average-of",
                &[("range", l.fmt.date_range(w.start, w.end).into())],
            )
        });
        SectionView {
            id: SectionId::Digest(DigestSection::WeekInNumbers),
            title: l.t("weekly-section-title"),
            body: SectionBody::Week {
                table: WeekTable { columns, groups },
                charts,
                trends,
                trends_left_out,
                average_of,
                notes,
            },
        }
    }

    /// "Last week", or the compared week's name when it is another (the same week a year
    /// before).
    fn compared_week(&self) -> String {
        match (&self.report().comparison, &self.names.comparison) {
            (Some(c), Some(name)) if c.kind != CompareKind::Previous => name.clone(),
            _ => self.l().t("weekly-column-last-week"),
        }
    }

    /// Metric, this week, last week, change, four-week average; `*` marks an average over
    /// weeks with missing days, `†` a change compared per day over the days with data.
    fn week_row(&self, k: &Kpi) -> Vec<String> {
        let pair = self.value_pair(k);
        let value = pair
            .as_ref()
            .map_or(NO_VALUE.to_string(), |(v, _)| v.clone());
        let previous = pair
            .and_then(|(_, p)| p)
            .or_else(|| k.previous.map(|p| self.value(p, k.unit, true)))
            .unwrap_or_else(|| NO_VALUE.to_string());
        let change = match k.change_basis {
            ChangeBasis::None => None,
            ChangeBasis::Totals => self.change_text(k, true),
            ChangeBasis::DaysPresent => self.change_text(k, true).map(|c| format!("{c} †")),
        }
        .unwrap_or_else(|| NO_VALUE.to_string());
        let average = k
            .four_week_average
            .as_ref()
            .and_then(|a| {
                let text = self.value(a.value?, k.unit, true);
                Some(if a.missing_days > 0 {
                    format!("{text} *")
                } else {
                    text
                })
            })
            .unwrap_or_else(|| NO_VALUE.to_string());
        vec![self.metric_label(&k.id), value, previous, change, average]
    }

    /// What a row's marks mean: days missing this week or last, and the days the average
    /// rests on; one line per distinct note, naming the metrics it is about.
    fn week_notes(&self, kpis: &[&Kpi]) -> Vec<String> {
        let l = self.l();
        let mut notes: Vec<(String, Vec<String>)> = Vec::new();
        // Sums compared per day over the days with data, with the averages compared.
        let mut per_day: Vec<String> = Vec::new();
        let mut add = |text: String, label: String| match notes.iter_mut().find(|(t, _)| *t == text)
        {
            Some((_, labels)) => labels.push(label),
            None => notes.push((text, vec![label])),
        };
        for k in kpis {
            let label = self.metric_label(&k.id);
            if let Some(d) = k
                .per_day
                .filter(|_| k.change_basis == ChangeBasis::DaysPresent)
            {
                let (value, previous) = self.per_day(d.value, d.previous, k.unit);
                per_day.push(format!(
                    "{label}: {}",
                    l.text(
                        "vs-per-day",
                        &[("value", value.into()), ("previous", previous.into())],
                    )
                ));
            }
            if let Some(note) = self.incomplete_note(
                (k.missing_days, k.days_with_data),
                k.previous_missing_days.zip(k.previous_days_with_data),
            ) {
                let text = if k.change_basis == ChangeBasis::DaysPresent && k.per_day.is_none() {
                    format!("{note} † {}", l.t("vs-days-present"))
                } else {
                    note
                };
                add(text, label.clone());
            }
            if let Some(a) = k.four_week_average.as_ref().filter(|a| a.missing_days > 0) {
                let text = l.text(
                    "weekly-average-gaps",
                    &[
                        ("days", a.days_with_data.into()),
                        ("total", (a.days_with_data + a.missing_days).into()),
                        ("weeks", a.weeks_with_gaps.into()),
                    ],
                );
                add(format!("* {text}"), label);
            }
        }
        let separator = l.t("weekly-list-separator");
        let mut out: Vec<String> = notes
            .into_iter()
            .map(|(text, labels)| {
                let (mark, text) = match text.strip_prefix("* ") {
                    Some(rest) => ("* ", rest.to_string()),
                    None => ("", text),
                };
                format!("{mark}{}: {text}", labels.join(&separator))
            })
            .collect();
        if !per_day.is_empty() {
            out.push(format!("† {}", per_day.join("; ")));
        }
        out
    }

    /// This week day by day against last week, the axis naming the weekdays (in the client's
    /// week start); the title states the week's value.
    fn week_chart(&self, k: &Kpi) -> Option<Chart> {
        let r = self.report();
        let l = self.l();
        let series = r.series.iter().find(|s| s.metric == k.id)?;
        let current: Vec<Option<f64>> = series.current.iter().map(|d| d.value).collect();
        let previous: Vec<Option<f64>> = series.previous.iter().map(|d| d.value).collect();
        let (min, max) = current
            .iter()
            .chain(&previous)
            .flatten()
            .fold((0.0f64, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)));
        let (value, _) = self.value_pair(k)?;
        let title = l.text(
            "weekly-chart-title",
            &[
                ("metric", self.metric_label(&k.id).into()),
                ("value", value.as_str().into()),
            ],
        );
        // The legends name the weeks compared, as every chart's do.
        let mut lines = vec![ChartSeries {
            label: self.names.period.clone(),
            values: current,
            color: self.theme.primary.clone(),
            dashed: false,
        }];
        if let Some(name) = self
            .names
            .comparison
            .clone()
            .filter(|_| !previous.is_empty())
        {
            lines.push(ChartSeries {
                label: name,
                values: previous,
                color: self.theme.muted.clone(),
                dashed: true,
            });
        }
        let x_labels = series
            .current
            .iter()
            .map(|d| l.fmt.weekday(d.date))
            .collect();
        let description = series
            .current
            .iter()
            .map(|d| {
                let v = d
                    .value
                    .map_or(NO_VALUE.to_string(), |v| self.value(v, k.unit, true));
                format!("{} {v}", l.fmt.weekday(d.date))
            })
            .collect::<Vec<_>>()
            .join(", ");
        Some(Chart {
            id: format!("week-{}", k.id.replace('.', "-")),
            kind: ChartKind::Line,
            description: format!("{title}. {description}"),
            title,
            x_labels,
            series: lines,
            items: Vec::new(),
            y_ticks: self.ticks(max, min, k.unit),
            markers: self.markers(series.current.len()),
            x_groups: Vec::new(),
        })
    }
}
