//! The view: the report model dressed for reading — words in the client's language, numbers
//! formatted, charts described, sections laid out. HTML and PDF both draw this same view.

mod charts;
mod goals;
mod locations;
mod summary;
mod trends;
mod weekly;

pub use summary::ScoreView;
pub use weekly::{DigestSection, WeekGroup, WeekTable};

use serde::Serialize;

use crate::charts::{Chart, ChartItem, ChartKind, ChartSeries};
use crate::config::brand::{Brand, CoverStyle, PageSize};
use crate::config::schema::{Contact, Section};
use crate::locale::{Locale, fill};
use crate::metrics::catalog::{CHANNELS, Catalog, ChangeScale, Unit};
use crate::metrics::platform::PLATFORM;
use crate::period::{CompareKind, PeriodKind};
use crate::render::markdown::TextBlock;
use crate::report::model::{
    ChangeBasis, DataStatus, GoalComparison, Kpi, KpiAggregation, Report, Sentiment, SourceQuality,
    SourceStatus, Trend,
};

/// Which way the report's language is written: an RTL report is mirrored in HTML and PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    Ltr,
    Rtl,
}

impl TextDirection {
    /// The direction of a language tag's script.
    pub fn of(tag: &str) -> Self {
        if crate::locale::is_rtl(tag) {
            TextDirection::Rtl
        } else {
            TextDirection::Ltr
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub lang: String,
    pub dir: TextDirection,
    pub title: String,
    pub report_title: String,
    /// The report title in capitals, cased by the language's rules (Turkish İ).
    pub report_title_upper: String,
    pub client_name: String,
    pub agency_name: String,
    pub period_label: String,
    pub comparison_label: Option<String>,
    pub prepared_for: String,
    pub prepared_by: String,
    pub header: String,
    pub footer: Option<String>,
    pub contact: Vec<String>,
    pub theme: Theme,
    pub cover_style: CoverStyle,
    /// The brand's line under the client's name on the cover.
    pub tagline: Option<String>,
    pub page_size: PageSize,
    pub sections: Vec<SectionView>,
}

/// Brand colours as CSS hex strings.
#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    pub primary: String,
    pub accent: String,
    pub text: String,
    pub muted: String,
    pub background: String,
    pub surface: String,
    pub positive: String,
    pub negative: String,
    pub on_primary: String,
    pub grid: String,
    pub series: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub id: SectionId,
    pub title: String,
    /// What the section shows. Serialized flat, with `template` naming the template that
    /// draws it, so a template reads `section.tiles` as before.
    #[serde(flatten)]
    pub body: SectionBody,
}

/// What a section is: one of the report's configured sections, or one the weekly digest
/// draws in their place. Serialized as the id alone (`summary`, `week_in_numbers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SectionId {
    Report(Section),
    Digest(DigestSection),
    /// A section of the agency's overview (`crate::overview`).
    Overview(OverviewSection),
}

/// The agency overview's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OverviewSection {
    Clients,
    HeadlineKpis,
    Sources,
}

/// A section's content, one variant per template: each holds only what its template draws.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "template", rename_all = "snake_case")]
pub enum SectionBody {
    /// The executive one-pager: a headline sentence, headline tiles (four to a row in the
    /// PDF), wins and concerns, the goals' scoreboard and the agency's next steps.
    Summary {
        /// "Compared with September 2026": what every tile's "vs" compares with, said once.
        compared_with: Option<String>,
        /// "In October 2026, revenue fell 23.5% while sessions rose 13.9%. 3 of 3 goals missed."
        headline: String,
        tiles: Vec<Tile>,
        wins: Vec<HighlightView>,
        concerns: Vec<HighlightView>,
        scoreboard: Vec<ScoreView>,
        /// The agency's next steps, taken from its commentary.
        next_steps: Vec<String>,
        /// The captions of the one-pager's parts, in the report's language.
        labels: Box<SummaryLabels>,
    },
    /// A channel's tiles (five to a row; none in weekly reports), charts and breakdown tables.
    Channel {
        tiles: Vec<Tile>,
        charts: Vec<Chart>,
        tables: Vec<Table>,
    },
    Goals {
        goals: Vec<GoalView>,
    },
    /// The weekly digest's numbers: one KPI table, channel by channel (this week, last week, change,
    /// the four weeks' average), a small daily chart per channel and its 13 weeks' bars.
    Week {
        table: WeekTable,
        charts: Vec<Chart>,
        /// A channel's first headline KPI over 13 weeks, channel by channel.
        trends: Vec<Chart>,
        /// What the print writes after the first `k` of `trends` where the digest has room
        /// for those only (item `k` names the others: a chart left out is never a silent gap).
        trends_left_out: Vec<String>,
        /// "4-week average: the average week of Sep 21 – Oct 18, 2026".
        average_of: Option<String>,
        /// What the tables' marks mean, metric by metric (missing days).
        notes: Vec<String>,
    },
    Commentary {
        /// Sanitized HTML of the agency's commentary.
        commentary_html: String,
        /// The same commentary as plain text blocks, for the PDF.
        commentary_blocks: Vec<TextBlock>,
    },
    DataNotes {
        paragraphs: Vec<String>,
        /// `Definitions`: what a phone's collapsed list of definitions is called.
        definitions_title: String,
        definitions: Vec<Definition>,
    },
}

impl SectionBody {
    /// Every chart the section draws: its charts, tile sparklines and goal bars.
    pub fn charts(&self) -> Vec<&Chart> {
        fn sparklines(tiles: &[Tile]) -> impl Iterator<Item = &Chart> {
            tiles.iter().filter_map(|t| t.sparkline.as_ref())
        }
        match self {
            SectionBody::Summary { tiles, .. } => sparklines(tiles).collect(),
            SectionBody::Channel { tiles, charts, .. } => {
                charts.iter().chain(sparklines(tiles)).collect()
            }
            SectionBody::Goals { goals } => goals.iter().map(|g| &g.bar).collect(),
            SectionBody::Week { charts, trends, .. } => charts.iter().chain(trends).collect(),
            SectionBody::Commentary { .. } | SectionBody::DataNotes { .. } => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Tile {
    pub id: String,
    pub label: String,
    pub value: String,
    pub change: Option<String>,
    pub arrow: Arrow,
    pub sentiment: Tone,
    pub previous: Option<String>,
    pub note: Option<String>,
    pub sparkline: Option<Chart>,
}

/// The direction a tile's change points, drawn next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Arrow {
    #[serde(rename = "▲")]
    Up,
    #[serde(rename = "▼")]
    Down,
    #[serde(rename = "●")]
    Flat,
    /// No comparison: nothing is drawn.
    #[serde(rename = "")]
    None,
}

/// How a tile's change is coloured: the KPI's sentiment, or `none` without a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Good,
    Bad,
    Neutral,
    None,
}

#[derive(Debug, Clone, Serialize)]
pub struct SummaryLabels {
    pub wins: String,
    pub concerns: String,
    pub none: String,
    pub goals: String,
    pub next_steps: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HighlightView {
    pub text: String,
    pub sentiment: Sentiment,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// The "Other" row, drawn after the others.
    pub other: Option<Vec<String>>,
    /// The "Total" row of a table by platform, drawn last.
    pub total: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: String,
    pub numeric: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    pub label: String,
    pub comparison: GoalComparison,
    /// Says how many days of data are missing, when some are.
    pub note: Option<String>,
    pub value: String,
    pub target: String,
    /// `112% of target`, `85% of the limit`; none without data.
    pub progress: Option<String>,
    /// `30 a week, so 130 this month`, when the target was prorated to the report's period.
    pub prorating: Option<String>,
    pub status: String,
    pub met: Option<bool>,
    pub bar: Chart,
}

#[derive(Debug, Clone, Serialize)]
pub struct Definition {
    pub term: String,
    pub text: String,
}

/// Everything the view is built from.
pub struct ViewInputs<'a> {
    pub report: &'a Report,
    pub brand: &'a Brand,
    pub locale: &'a Locale,
    pub catalog: &'a Catalog,
    pub commentary_html: Option<String>,
    /// The paper the client's PDF is printed on ([`crate::render::paper`]).
    pub page_size: PageSize,
}

pub fn build(input: &ViewInputs) -> ReportView {
    let ViewInputs {
        report: r,
        brand,
        locale: l,
        ..
    } = *input;
    let theme = theme_of(brand);
    let period_label = period_label(r, l);
    let names = PeriodNames {
        period: l.period_name(r.period.kind, r.period.start, r.period.end),
        comparison: r
            .comparison
            .as_ref()
            .map(|c| l.period_name(r.period.kind, c.start, c.end)),
        compare: match r.comparison.as_ref().map(|c| c.kind) {
            Some(CompareKind::Previous) => "previous",
            Some(CompareKind::Yoy) => "yoy",
            _ => "other",
        },
        kind: match r.period.kind {
            PeriodKind::Month | PeriodKind::MonthToDate => "month",
            PeriodKind::Week => "week",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Custom => "custom",
        },
    };
    let comparison_label = names
        .comparison
        .as_ref()
        .map(|name| names.comparison_text(l, "vs-period", name));
    let report_title = report_title(brand, l, r.period.kind);
    let agency_name = r.agency.name.clone();
    // The brand's header and footer may name the client and the agency.
    let parties = [
        ("client", r.client.name.as_str().into()),
        ("agency", agency_name.as_str().into()),
    ];
    let builder = SectionBuilder {
        input,
        theme: &theme,
        names: &names,
    };
    ReportView {
        lang: l.tag.clone(),
        dir: TextDirection::of(&l.tag),
        title: format!("{} · {}", r.client.name, period_label),
        report_title_upper: l.fmt.uppercase(&report_title),
        report_title,
        prepared_for: l.text("prepared-for", &[("client", r.client.name.as_str().into())]),
        prepared_by: l.text("prepared-by", &[("agency", agency_name.as_str().into())]),
        client_name: r.client.name.clone(),
        header: l
            .override_of("brand-header")
            .or_else(|| brand.file.header.clone())
            .map_or_else(|| agency_name.clone(), |h| fill(&h, &parties)),
        footer: brand_footer(brand, l, &r.client.name, &agency_name),
        tagline: l
            .override_of("brand-tagline")
            .or_else(|| brand.file.cover.tagline.clone())
            .map(|t| fill(&t, &parties)),
        contact: contact_lines(brand, &r.agency.contact),
        agency_name,
        period_label,
        comparison_label,
        cover_style: brand.file.cover.style,
        page_size: input.page_size,
        sections: if r.period.kind == PeriodKind::Week {
            builder.weekly_sections()
        } else {
            r.sections
                .iter()
                .filter_map(|s| builder.section(*s))
                .collect()
        },
        theme,
    }
}

/// The brand's colours as CSS.
pub fn theme_of(brand: &Brand) -> Theme {
    let c = &brand.file.colors;
    let series_colors: Vec<String> = if c.series.is_empty() {
        vec![
            c.primary.hex(),
            c.accent.hex(),
            c.muted.hex(),
            c.primary.mix(c.background, 0.5).hex(),
        ]
    } else {
        c.series.iter().map(|s| s.hex()).collect()
    };
    Theme {
        primary: c.primary.hex(),
        accent: c.accent.hex(),
        text: c.text.hex(),
        muted: c.muted.hex(),
        background: c.background.hex(),
        surface: c.surface.hex(),
        positive: c.positive.hex(),
        negative: c.negative.hex(),
        on_primary: c.primary.readable_text().hex(),
        grid: c.text.mix(c.background, 0.85).hex(),
        series: series_colors,
    }
}

/// The report's title for a period kind: the brand's, else the catalog's.
pub fn report_title(brand: &Brand, l: &Locale, kind: PeriodKind) -> String {
    match brand
        .file
        .cover
        .title
        .as_ref()
        .and_then(|t| t.for_kind(kind))
    {
        Some(title) => title.to_string(),
        None => l.t(match kind {
            PeriodKind::Month | PeriodKind::MonthToDate => "report-title-month",
            PeriodKind::Week => "report-title-week",
            PeriodKind::Quarter => "report-title-quarter",
            PeriodKind::Custom => "report-title-custom",
        }),
    }
}

/// The brand's footer line (translated where the brand's wording has it), naming the parties.
pub fn brand_footer(brand: &Brand, l: &Locale, client: &str, agency: &str) -> Option<String> {
    let parties = [("client", client.into()), ("agency", agency.into())];
    l.override_of("brand-footer")
        .or_else(|| brand.file.footer.clone())
        .map(|f| fill(&f, &parties))
}

/// The contact lines under every page: the brand's contact, else the agency's.
pub fn contact_lines(brand: &Brand, agency: &Contact) -> Vec<String> {
    let c = brand.file.contact.as_ref().unwrap_or(agency);
    [
        c.website.clone(),
        c.email.as_ref().map(ToString::to_string),
        c.phone.clone(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The cover's period: its name, and a week's days after it
/// (`Week 43, 2026 (Oct 19 – 25, 2026)`).
fn period_label(r: &Report, l: &Locale) -> String {
    let p = &r.period;
    let name = l.period_name(p.kind, p.start, p.end);
    match p.kind {
        PeriodKind::Week => format!("{name} ({})", l.fmt.date_range(p.start, p.end)),
        _ => name,
    }
}

struct SectionBuilder<'a> {
    input: &'a ViewInputs<'a>,
    theme: &'a Theme,
    names: &'a PeriodNames,
}

/// The names of the report's period and of the one it is compared with, for legends and the
/// summary's "Compared with …".
struct PeriodNames {
    period: String,
    comparison: Option<String>,
    /// How the comparison relates to the period, for catalogs that say so (ja 前月, 前年同月;
    /// th เดือนก่อน): `previous` or `yoy`, and the period's kind (`month`, `week`, ...).
    compare: &'static str,
    kind: &'static str,
}

impl PeriodNames {
    /// `vs-period` or `compared-with` naming `what` (a period's name or a previous value).
    fn comparison_text(&self, l: &Locale, key: &str, what: &str) -> String {
        l.text(
            key,
            &[
                ("period", what.into()),
                ("compare", self.compare.into()),
                ("kind", self.kind.into()),
            ],
        )
    }
}

/// The metric each channel shows as daily bars, after its trend line.
const DAILY_BARS: [(&str, &str); 8] = [
    ("web", "web.conversions"),
    ("ads", "ads.conversions"),
    ("seo", "seo.impressions"),
    ("local", "local.calls"),
    ("social", "social.engagements"),
    ("reviews", "reviews.new"),
    ("email", "email.clicks"),
    ("shop", "shop.orders"),
];

impl SectionBuilder<'_> {
    fn report(&self) -> &Report {
        self.input.report
    }

    fn l(&self) -> &Locale {
        self.input.locale
    }

    fn section(&self, id: Section) -> Option<SectionView> {
        let body = match id {
            Section::Summary => self.summary(),
            Section::Goals => self.goals(),
            Section::Commentary => {
                let markdown = self.report().commentary.as_deref()?;
                SectionBody::Commentary {
                    commentary_html: self.input.commentary_html.clone()?,
                    commentary_blocks: crate::render::markdown::to_blocks(markdown),
                }
            }
            Section::DataNotes => self.data_notes(),
            Section::Locations => self.locations()?,
            _ => self.channel(id.channel()?),
        };
        let key = format!(
            "section-{}",
            serde_json::to_value(id)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        );
        Some(SectionView {
            id: SectionId::Report(id),
            title: self.l().t(&key),
            body,
        })
    }

    fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.report()
            .kpis
            .iter()
            .find(|k| k.id == id && k.value.is_some())
    }

    pub fn metric_label(&self, id: &str) -> String {
        let key = format!("metric-{}", id.replace('.', "-"));
        let text = self.l().t(&key);
        if text == key {
            self.input
                .catalog
                .get(id)
                .map_or(id.to_string(), |m| m.label.clone())
        } else {
            text
        }
    }

    fn value(&self, v: f64, unit: Unit, compact: bool) -> String {
        self.l()
            .fmt
            .value(v, unit, &self.report().client.currency, compact)
    }

    /// A KPI's value and its comparison as tiles and highlights write them: alike, and
    /// never looking equal when they differ.
    fn value_pair(&self, k: &Kpi) -> Option<(String, Option<String>)> {
        let v = k.value?;
        Some(
            self.l()
                .fmt
                .value_pair(v, k.previous, k.unit, &self.report().client.currency, true),
        )
    }

    /// A KPI's change as its scale reads it: `+12.3%`, `+0.4 pp`, `-1.30`; unsigned for
    /// sentences ("fell 0.56 pp").
    fn change_text(&self, k: &Kpi, signed: bool) -> Option<String> {
        let pair = k.value.zip(k.previous);
        self.change_words(
            k.change_scale,
            k.unit,
            (k.change, k.change_pct),
            pair,
            signed,
        )
    }

    /// A change as its scale reads it, from its parts (a KPI's, or a year-on-year one).
    fn change_words(
        &self,
        scale: ChangeScale,
        unit: Unit,
        parts: (Option<f64>, Option<f64>),
        pair: Option<(f64, f64)>,
        signed: bool,
    ) -> Option<String> {
        change_words(self.l(), scale, unit, parts, pair, signed)
    }

    fn tile(&self, k: &Kpi, sparkline: bool) -> Tile {
        let l = self.l();
        let pair = self.value_pair(k);
        let value = pair
            .as_ref()
            .map_or_else(|| l.t("no-data"), |(v, _)| v.clone());
        let (arrow, sentiment) = match (k.trend, k.sentiment) {
            (Some(Trend::Up), s) => (Arrow::Up, tone(s)),
            (Some(Trend::Down), s) => (Arrow::Down, tone(s)),
            (Some(Trend::Flat), _) => (Arrow::Flat, Tone::Neutral),
            (None, _) => (Arrow::None, Tone::None),
        };
        let change = self.change_text(k, true);
        let previous = match (k.change_basis, k.per_day, k.previous) {
            // A period misses days: the change compares per-day averages, and says so.
            (ChangeBasis::DaysPresent, Some(d), _) => {
                let (value, previous) = self.per_day(d.value, d.previous, k.unit);
                Some(l.text(
                    "vs-per-day",
                    &[("value", value.into()), ("previous", previous.into())],
                ))
            }
            (ChangeBasis::DaysPresent | ChangeBasis::Totals, _, Some(p)) => {
                let previous = pair
                    .and_then(|(_, p)| p)
                    .unwrap_or_else(|| self.value(p, k.unit, true));
                Some(self.names.comparison_text(l, "vs-period", &previous))
            }
            (_, _, Some(_)) => Some(l.t("comparison-incomplete")),
            (_, _, None) => None,
        };
        let mut note = self.incomplete_note(
            (k.missing_days, k.days_with_data),
            k.previous_missing_days.zip(k.previous_days_with_data),
        );
        // A rate over the days with data compares like with like; the note says so.
        if k.change_basis == ChangeBasis::DaysPresent && k.per_day.is_none() {
            note = note.map(|n| format!("{n} {}", l.t("vs-days-present")));
        }
        // A sparkline needs most days: a rating on the few days with reviews says nothing.
        let sparkline = sparkline
            .then(|| self.report().series.iter().find(|s| s.metric == k.id))
            .flatten()
            .filter(|s| s.mostly_present)
            .map(|s| Chart {
                id: format!("spark-{}", k.id.replace('.', "-")),
                kind: ChartKind::Sparkline,
                title: self.metric_label(&k.id),
                description: String::new(),
                x_labels: Vec::new(),
                series: vec![ChartSeries {
                    label: String::new(),
                    values: s.current.iter().map(|d| d.value).collect(),
                    color: self.theme.accent.clone(),
                    dashed: false,
                }],
                items: Vec::new(),
                y_ticks: Vec::new(),
                markers: Vec::new(),
                x_groups: Vec::new(),
            });
        Tile {
            id: k.id.clone(),
            label: self.metric_label(&k.id),
            value,
            change,
            arrow,
            sentiment,
            previous,
            note,
            sparkline,
        }
    }

    /// Two per-day averages: a decimal below 100, so "7.1 vs 8.3" shows the change it has;
    /// more digits where two different averages would look equal.
    fn per_day(&self, v: f64, previous: f64, unit: Unit) -> (String, String) {
        let fmt = &self.l().fmt;
        let currency = &self.report().client.currency;
        let (a, b) = match unit {
            Unit::Count if v.abs().max(previous.abs()) < 100.0 => {
                (fmt.number(v, 1), fmt.number(previous, 1))
            }
            _ => {
                let (a, b) = fmt.value_pair(v, Some(previous), unit, currency, true);
                (a, b.unwrap_or_default())
            }
        };
        if a == b && v != previous && unit == Unit::Count {
            let (a, b) = fmt.value_pair(v, Some(previous), Unit::Number, currency, false);
            return (a, b.unwrap_or_default());
        }
        (a, b)
    }

    /// "Based on 27 of 31 days with data", and the same of the comparison, when days miss;
    /// each pair is (missing days, days with data).
    fn incomplete_note(
        &self,
        (missing, present): (u32, u32),
        previous: Option<(u32, u32)>,
    ) -> Option<String> {
        let l = self.l();
        let r = self.report();
        let mut parts = Vec::new();
        if missing > 0 {
            parts.push(l.text(
                "notes-incomplete-kpi",
                &[("days", present.into()), ("missing", missing.into())],
            ));
        }
        if let (Some(_), Some((n, present))) = (&r.comparison, previous.filter(|&(n, _)| n > 0)) {
            parts.push(l.text(
                "notes-incomplete-previous",
                &[("days", present.into()), ("missing", n.into())],
            ));
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    fn channel(&self, channel: &str) -> SectionBody {
        let r = self.report();
        let (mut tiles, mut charts, mut tables) = (Vec::new(), Vec::new(), Vec::new());
        let kpis: Vec<&Kpi> = r
            .kpis
            .iter()
            .filter(|k| k.channel == channel && k.value.is_some())
            .collect();
        let weekly = r.period.kind == PeriodKind::Week;
        let trend_metric = r
            .breakdowns
            .iter()
            .find(|b| b.channel == channel)
            .map(|b| b.rank_metric.clone())
            .or_else(|| kpis.first().map(|k| k.id.clone()));
        if !weekly {
            tiles = kpis.iter().map(|k| self.tile(k, false)).collect();
        }
        if let Some(metric) = &trend_metric {
            charts.extend(self.trend(metric, weekly));
        }
        charts.extend(self.trend_bars(channel));
        tables.extend(self.year_on_year_table(channel));
        if !weekly {
            // One chart per metric: when the channel's trend already shows its daily metric
            // (new reviews), the trend stays (a line with the comparison, or bars for events).
            if let Some((_, metric)) = DAILY_BARS.iter().find(|(c, _)| *c == channel)
                && trend_metric.as_deref() != Some(*metric)
                && self.kpi(metric).is_some()
            {
                charts.extend(self.daily_bars(metric));
            }
            for b in r.breakdowns.iter().filter(|b| b.channel == channel) {
                // Web sources and platforms as shares of the whole; campaigns as bars.
                charts.push(self.breakdown_chart(b, channel == "web" || b.dimension == PLATFORM));
                tables.push(self.breakdown_table(b));
            }
        }
        SectionBody::Channel {
            tiles,
            charts,
            tables,
        }
    }

    fn goals(&self) -> SectionBody {
        let l = self.l();
        let mut goals = Vec::new();
        for (i, g) in self.report().goals.iter().enumerate() {
            let unit = self
                .input
                .catalog
                .get(&g.metric)
                .map_or(Unit::Count, |m| m.unit);
            let currency = &self.report().client.currency;
            let write = |v: f64| goals::target(&l.fmt, v, unit, currency);
            let target = write(g.period_target);

            let color = match g.met {
                Some(true) => self.theme.positive.clone(),
                Some(false) => self.theme.negative.clone(),
                None => self.theme.muted.clone(),
            };
            let progress = g.progress.unwrap_or(0.0);
            // The agency's own label stays as written; the default is the metric's name.
            let label = if g.label_configured {
                g.label.clone()
            } else {
                self.metric_label(&g.metric)
            };
            goals.push(GoalView {
                label: label.clone(),
                comparison: g.comparison,
                progress: goals::progress(l, g),
                prorating: goals::prorating(l, g, self.report().period.kind, write),
                note: self.incomplete_note((g.missing_days, g.days_with_data), None),
                value: g
                    .value
                    .map_or_else(|| l.t("no-data"), |v| self.value(v, unit, false)),
                target: l.text(
                    match g.comparison {
                        GoalComparison::AtLeast => "goal-at-least",
                        GoalComparison::AtMost => "goal-at-most",
                    },
                    &[("target", target.into())],
                ),
                status: match (g.met, g.value) {
                    (Some(true), _) => l.t("goal-met"),
                    (Some(false), _) => l.t("goal-not-met"),
                    (None, Some(_)) => l.t("goal-incomplete"),
                    (None, None) => l.t("goal-no-data"),
                },
                met: g.met,
                bar: Chart {
                    id: format!("goal-{i}"),
                    kind: match g.comparison {
                        GoalComparison::AtLeast => ChartKind::Progress,
                        GoalComparison::AtMost => ChartKind::Budget,
                    },
                    title: label.clone(),
                    description: l.text(
                        "goal-progress",
                        &[("progress", l.fmt.percent(progress, 0).into())],
                    ),
                    x_labels: Vec::new(),
                    series: Vec::new(),
                    items: vec![ChartItem {
                        label,
                        value: progress,
                        value_label: l.fmt.percent(progress, 0),
                        color,
                        target: Some(g.bar_scale),
                    }],
                    y_ticks: Vec::new(),
                    markers: Vec::new(),
                    x_groups: Vec::new(),
                },
            });
        }
        SectionBody::Goals { goals }
    }

    fn data_notes(&self) -> SectionBody {
        let r = self.report();
        let l = self.l();
        let mut paragraphs = Vec::new();
        match r.data_quality.status {
            DataStatus::NoData => paragraphs.push(l.t("notes-no-data")),
            _ if r.data_quality.complete => paragraphs.push(l.t("notes-complete")),
            _ => {}
        }
        let ranges = |list: &[crate::report::model::DateRange]| -> String {
            list.iter()
                .map(|m| {
                    if m.start == m.end {
                        l.fmt.short_date(m.start)
                    } else {
                        l.fmt.date_range(m.start, m.end)
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for src in &r.data_quality.sources {
            let name = self.source_name(src);
            if src.status != SourceStatus::Ok {
                paragraphs.push(l.text("notes-failed", &[("source", name.as_str().into())]));
                continue;
            }
            if src.missing_days > 0 {
                paragraphs.push(l.text(
                    "notes-missing",
                    &[
                        ("source", name.as_str().into()),
                        ("days", src.missing_days.into()),
                        ("ranges", ranges(&src.missing).into()),
                    ],
                ));
            }
            if let Some(n) = src.comparison_missing_days.filter(|&n| n > 0) {
                paragraphs.push(l.text(
                    "notes-missing-comparison",
                    &[
                        ("source", name.as_str().into()),
                        ("days", n.into()),
                        ("ranges", ranges(&src.comparison_missing).into()),
                    ],
                ));
            }
            if src.skipped_rows > 0 {
                paragraphs.push(l.text(
                    "notes-skipped",
                    &[
                        ("source", name.as_str().into()),
                        ("rows", src.skipped_rows.into()),
                    ],
                ));
            }
        }
        // A KPI without a value says why when its note does (a formula dividing by zero,
        // unique counts of several platforms), and not where it simply has no data.
        let explained = |k: &Kpi| {
            k.value.is_some()
                || matches!(
                    k.aggregation,
                    KpiAggregation::Formula | KpiAggregation::PlatformTotal
                )
        };
        for k in r.kpis.iter().filter(|k| k.note.is_some() && explained(k)) {
            // The model's notes are English; known kinds have a translated message.
            let note = match k.aggregation {
                KpiAggregation::SumOfDailyUniques => l.t("note-daily-uniques"),
                KpiAggregation::Formula => l.t("note-formula-undefined"),
                KpiAggregation::PlatformTotal => l.t("note-platform-uniques"),
                _ => k.note.clone().unwrap_or_default(),
            };
            paragraphs.push(format!("{}: {}", self.metric_label(&k.id), note));
        }
        let shown: Vec<&str> = CHANNELS
            .iter()
            .filter(|c| r.sections.iter().any(|s| s.channel() == Some(c)))
            .copied()
            .collect();
        let definitions = r
            .kpis
            .iter()
            .filter(|k| k.value.is_some() && shown.contains(&k.channel.as_str()))
            .filter_map(|k| {
                let def = self.input.catalog.get(&k.id)?;
                let key = format!("definition-{}", k.id.replace('.', "-"));
                let text = l.t(&key);
                let text = if text == key {
                    def.definition.clone()
                } else {
                    text
                };
                (!text.is_empty()).then(|| Definition {
                    term: self.metric_label(&k.id),
                    text,
                })
            })
            .collect();
        SectionBody::DataNotes {
            paragraphs,
            definitions_title: l.t("notes-definitions"),
            definitions,
        }
    }
}

impl SectionBuilder<'_> {
    /// What the client knows a source as: its platform, else the channels it feeds.
    fn source_name(&self, src: &SourceQuality) -> String {
        if let Some(platform) = &src.platform {
            return platform.clone();
        }
        let channels: Vec<String> = src
            .channels
            .iter()
            .map(|c| self.l().t(&format!("section-{c}")))
            .collect();
        if channels.is_empty() {
            self.l().t("source-unnamed")
        } else {
            channels.join(", ")
        }
    }
}

/// A change as its scale reads it, from its parts (a KPI's, a year-on-year one, or one the
/// agency overview shows): `+12.3%`, `+0.4 pp`, `-1.30`.
pub fn change_words(
    l: &Locale,
    scale: ChangeScale,
    unit: Unit,
    (change, change_pct): (Option<f64>, Option<f64>),
    pair: Option<(f64, f64)>,
    signed: bool,
) -> Option<String> {
    let text = match (scale, change, pair) {
        (ChangeScale::Points, Some(c), Some(values)) => {
            let points = l.fmt.signed_points(c, values);
            let points = if signed {
                points
            } else {
                l.fmt.signed_points(c.abs(), values).replace('+', "")
            };
            l.text("change-points", &[("points", points.into())])
        }
        (ChangeScale::Absolute, Some(c), Some(values)) => {
            let c = if signed { c } else { c.abs() };
            let difference = l.fmt.signed_difference(c, unit, values);
            if signed {
                difference
            } else {
                difference.replace('+', "")
            }
        }
        _ => {
            let pct = change_pct?;
            if signed {
                l.fmt.signed_percent(pct)
            } else {
                l.fmt.percent(pct.abs(), 1)
            }
        }
    };
    Some(text)
}

fn tone(s: Option<Sentiment>) -> Tone {
    match s {
        Some(Sentiment::Good) => Tone::Good,
        Some(Sentiment::Bad) => Tone::Bad,
        _ => Tone::Neutral,
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}
