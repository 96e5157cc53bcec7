//! The report model: one serializable value that the JSON, HTML and PDF outputs all read.
//! `docs/report-model.md` documents it as a contract for other tools.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::schema::{Calendar, Contact, GoalPer, Section, SourceKind};
use crate::metrics::catalog::{ChangeScale, Direction, Unit};
use crate::metrics::platform::Platform;
use crate::period::{CompareKind, PeriodKind, WeekdayAlignment};
use crate::sources::BadRow;
use crate::sources::live::FetchInfo;

/// Version of the JSON contract; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    /// `execreport <version>`.
    pub generator: String,
    pub client: ClientInfo,
    pub agency: AgencyInfo,
    pub brand: Option<String>,
    pub period: PeriodInfo,
    /// The period compared with, or null.
    pub comparison: Option<ComparisonInfo>,
    /// Sections to show, in order; sections without data are already left out.
    pub sections: Vec<Section>,
    /// Ids of the KPIs shown as tiles in the executive summary.
    pub summary: Vec<String>,
    /// The platforms the data comes from (id and display name), in source order.
    pub platforms: Vec<Platform>,
    pub kpis: Vec<Kpi>,
    pub series: Vec<Series>,
    /// The headline KPIs over 13 months (weeks, quarters), with last year's (see `TrendSeries`).
    pub trends: Vec<TrendSeries>,
    pub breakdowns: Vec<Breakdown>,
    pub goals: Vec<GoalProgress>,
    pub highlights: Vec<Highlight>,
    /// The summary's verdict sentence, as facts (see `SummaryHeadline`).
    pub summary_headline: SummaryHeadline,
    /// Each goal's standing for the summary's scoreboard, in the order of `goals`.
    pub goal_standings: Vec<GoalStanding>,
    /// Weekly reports: the four weeks before this one, which each KPI's
    /// `four_week_average` covers; null for other periods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recent_weeks: Option<RecentWeeks>,
    pub data_quality: DataQuality,
    /// The agency's commentary for the period (Markdown), or null.
    pub commentary: Option<String>,
    /// Events of the period the agency marks on the daily charts, earliest first.
    pub annotations: Vec<Annotation>,
    /// A group's report (issue 21): its locations side by side; absent for one client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locations: Option<Locations>,
}

/// A group's locations compared: a ranking, the movers, each one's data completeness. Every
/// money value is in the group's currency (`client.currency`), converted at `exchange_rates`.
#[derive(Debug, Clone, Serialize)]
pub struct Locations {
    /// The metric the locations are ranked by (the group's first priority, else its first
    /// headline KPI).
    pub rank_metric: String,
    /// The ranking's value columns: the rank metric, the next headline KPI, and counts of
    /// unique people, which are never added up across locations and so appear only here.
    pub metrics: Vec<String>,
    /// Best first by the rank metric (its good direction), locations without it last.
    pub rows: Vec<LocationRow>,
    /// The location whose rank metric changed most for the better, and most for the worse.
    pub best_mover: Option<Mover>,
    pub worst_mover: Option<Mover>,
    /// The rates used, by currency and month.
    pub exchange_rates: Vec<ExchangeRate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationRow {
    /// The location's client id and name.
    pub id: String,
    pub name: String,
    /// The currency the location reports in (its values here are converted).
    pub currency: String,
    pub values: BTreeMap<String, Option<f64>>,
    /// The same over the comparison period.
    pub previous: BTreeMap<String, Option<f64>>,
    /// The rank metric's change, read on its `change_scale` (a fraction for `relative`).
    pub change: Option<f64>,
    pub change_scale: ChangeScale,
    pub sentiment: Option<Sentiment>,
    /// The location's own goals.
    pub goals: GoalTally,
    /// Share of the period's days with data over the location's KPIs (1 = complete); null
    /// when it has no data at all.
    pub completeness: Option<f64>,
    /// Its sources that failed to load.
    pub failed_sources: u32,
}

/// A location's change of the rank metric.
#[derive(Debug, Clone, Serialize)]
pub struct Mover {
    pub location: String,
    pub metric: String,
    pub change: f64,
    pub change_scale: ChangeScale,
}

/// One unit of `currency` is worth `rate` of the group's currency in `month` (YYYY-MM).
#[derive(Debug, Clone, Serialize)]
pub struct ExchangeRate {
    pub currency: String,
    pub month: String,
    pub rate: f64,
}

/// An event marked on the daily charts: a day (`start == end`) or a span, and its label as
/// the agency wrote it.
#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClientInfo {
    pub id: String,
    pub name: String,
    pub locale: String,
    /// `gregorian` or `buddhist`.
    pub calendar: Calendar,
    pub time_zone: String,
    pub currency: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgencyInfo {
    pub id: String,
    pub name: String,
    pub contact: Contact,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodInfo {
    pub kind: PeriodKind,
    pub key: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComparisonInfo {
    pub kind: CompareKind,
    pub key: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
    /// How the daily comparison series (`series[].previous`) lines up with the period's:
    /// shifted by whole weeks so weekdays match, and which comparison days it covers.
    pub series_alignment: WeekdayAlignment,
}

/// Whether a change moved the way the client wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Good,
    Bad,
    Neutral,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Down,
    Flat,
}

/// What a KPI's change is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeBasis {
    /// Both periods are complete: their values are compared.
    Totals,
    /// A period misses days: sums are compared as per-day averages over the days with data,
    /// ratios and weighted means over those days; the renderers label it so.
    DaysPresent,
    /// No comparison, or one that cannot be made like with like (a stock metric whose
    /// period misses days): no change is given.
    None,
}

/// How a KPI's period value was formed from its daily values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiAggregation {
    Sum,
    /// Daily unique counts summed: someone active on several days counts once per day.
    SumOfDailyUniques,
    /// The platform's own total over the period (unique users), not a sum of days.
    PlatformTotal,
    Last,
    WeightedMean,
    Ratio,
    /// A calculated metric: its formula over the period values of the metrics it names.
    Formula,
}

/// Per-day averages over the days with data.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PerDay {
    pub value: f64,
    pub previous: f64,
}

/// One metric over the period, compared.
#[derive(Debug, Clone, Serialize)]
pub struct Kpi {
    pub id: String,
    pub channel: String,
    pub label: String,
    pub unit: Unit,
    pub good: Direction,
    /// How the period value was formed.
    pub aggregation: KpiAggregation,
    /// Base units: ratios as fractions, money in major units; null where undefined.
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// value − previous (for ratios: in fraction points); with `change_basis: days_present`
    /// for sums, the difference of the per-day averages. Null when there is no like-for-like
    /// comparison.
    pub change: Option<f64>,
    /// change / |previous| (of the same compared values); null when previous is 0 or missing.
    pub change_pct: Option<f64>,
    /// How the change is read and written: `relative` (in percent, `change_pct`), `points`
    /// (rates: `change` in percentage points) or `absolute` (ratings, positions: `change`).
    pub change_scale: ChangeScale,
    /// Direction of the change, or null without a comparison.
    pub trend: Option<Trend>,
    /// Good or bad news, or neutral when the change is below the metric's `neutral_below`.
    pub sentiment: Option<Sentiment>,
    /// Days of the period with no data for this metric (or one of its parts).
    pub missing_days: u32,
    pub previous_missing_days: Option<u32>,
    /// Days of the period with data: `period.days − missing_days`.
    pub days_with_data: u32,
    /// The same of the comparison, or null without one.
    pub previous_days_with_data: Option<u32>,
    /// What `change` and `change_pct` compare: the periods' values when both are complete,
    /// the days with data when either misses days, or nothing.
    pub change_basis: ChangeBasis,
    /// With `change_basis: days_present` for additive metrics: the per-day averages over the
    /// days with data that the change compares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_day: Option<PerDay>,
    /// A caveat a reader must see next to the number, e.g. for summed daily uniques.
    pub note: Option<String>,
    /// When two or more platforms feed the metric: each one's share of it, in source order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_platform: Vec<PlatformValue>,
    /// Weekly reports: the metric's average week over the four weeks before this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub four_week_average: Option<FourWeekAverage>,
}

/// The four weeks before a weekly report's week (in the client's week start), oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct RecentWeeks {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The ISO keys of the weeks (`2026-W39` … `2026-W42`).
    pub weeks: Vec<String>,
}

/// A KPI's average week over `Report.recent_weeks`, aggregated by the metric's own rule.
#[derive(Debug, Clone, Serialize)]
pub struct FourWeekAverage {
    /// In the KPI's unit; null when no week has data (or a ratio's parts sum to zero).
    pub value: Option<f64>,
    pub rule: AverageRule,
    /// Days of the four weeks with data (of 28).
    pub days_with_data: u32,
    /// Days of the four weeks without data.
    pub missing_days: u32,
    /// Weeks with at least one day missing: the renderers say the average rests on them.
    pub weeks_with_gaps: u32,
}

/// How a four-week average is formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AverageRule {
    /// Sums: the four weeks' total divided by four; with days missing, the total over the
    /// days with data scaled to seven days (a week at the pace of the days there are).
    WeeklySum,
    /// Ratios, weighted means and formulas over them: the metric over the four weeks at once,
    /// from its summed parts, never a mean of weekly ratios.
    SummedParts,
    /// Stock metrics (followers): the mean of each week's last value, over the weeks with one.
    MeanOfWeekEnds,
    /// Unique people counted by the platform: the mean of the weeks' own platform totals,
    /// null unless every week has one (daily uniques cannot be added up instead).
    MeanOfWeeklyTotals,
}

/// One platform's value of a KPI that several platforms feed.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformValue {
    /// The platform's id (`google_ads`); `Report.platforms` names it.
    pub platform: String,
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// change / |previous|, given only when both periods are complete for this platform.
    pub change_pct: Option<f64>,
    /// Days of the period without data from this platform.
    pub missing_days: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct DayValue {
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    pub value: Option<f64>,
}

/// A date as chrono writes it (`2026-10-01`), without `Display`'s formatting machinery for
/// the years 0 to 9999: a report's daily series write thousands of dates.
fn iso_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    use chrono::Datelike;
    let Ok(year) = u32::try_from(date.year()) else {
        return s.collect_str(date);
    };
    if year > 9999 {
        return s.collect_str(date);
    }
    let mut text = *b"0000-00-00";
    for (at, value, digits) in [(0, year, 4), (5, date.month(), 2), (8, date.day(), 2)] {
        for i in 0..digits {
            text[at + i] = b'0' + (value / 10u32.pow((digits - 1 - i) as u32) % 10) as u8;
        }
    }
    s.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
}

/// A metric day by day; `previous[i]` is the comparison's day of the same weekday as
/// `current[i]` (see `ComparisonInfo::series_alignment`), without a value outside the comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub metric: String,
    /// True when at least 70 % of the period's days have a value: enough days to show the
    /// series' shape (a sparkline); a rating on the few days with reviews says nothing.
    pub mostly_present: bool,
    pub current: Vec<DayValue>,
    pub previous: Vec<DayValue>,
}

/// A channel's metrics split by one dimension, top rows first, the rest as "other".
#[derive(Debug, Clone, Serialize)]
pub struct Breakdown {
    pub channel: String,
    pub dimension: String,
    /// The metric rows are ranked by.
    pub rank_metric: String,
    /// Columns, in catalog order.
    pub metrics: Vec<String>,
    pub rows: Vec<BreakdownRow>,
    /// Everything below the top rows, aggregated with the same rules; null if nothing left.
    pub other: Option<BreakdownRow>,
    /// By platform: all platforms together, with the same rules (blended ratios).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<BreakdownRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BreakdownRow {
    /// The dimension value (for "other": null).
    pub key: Option<String>,
    /// How many dimension values this row stands for (1, or more for "other").
    pub members: usize,
    pub values: BTreeMap<String, Option<f64>>,
    pub previous: BTreeMap<String, Option<f64>>,
    /// Share of the rank metric's total.
    pub share: Option<f64>,
    /// Where the row's numbers come from (platform ids), when several platforms feed the
    /// breakdown's metrics.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalProgress {
    pub metric: String,
    /// The label set in the config, else the metric's English label.
    pub label: String,
    /// True when `label` is the agency's own words; otherwise renderers show the metric's name
    /// in the report's language.
    pub label_configured: bool,
    pub comparison: GoalComparison,
    /// The target as configured, and the period it was stated for.
    pub target: f64,
    pub per: GoalPer,
    /// The target for this report's period (prorated for additive metrics).
    pub period_target: f64,
    pub value: Option<f64>,
    /// value / period_target.
    pub progress: Option<f64>,
    /// The length of a progress bar's track in targets: 1, or the progress when it passes the
    /// target, up to 1.5 (an "at most" goal's bar then shows how far the allowance is exceeded).
    pub bar_scale: f64,
    /// Null without data, or when days are missing and the verdict would rest on them (a sum
    /// below an "at least" target, or within an "at most" one).
    pub met: Option<bool>,
    /// Days of the period without data for the metric: a missed goal may be missing data.
    pub missing_days: u32,
    /// Days of the period with data: `period.days − missing_days`.
    pub days_with_data: u32,
}

/// Which side of its target a goal must stay on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalComparison {
    AtLeast,
    AtMost,
}

/// A notable change, as a structured fact for renderers to phrase. Wins come before concerns
/// unless the concerns weigh more; each group is ranked by `priority`, then `score`.
#[derive(Debug, Clone, Serialize)]
pub struct Highlight {
    pub sentiment: Sentiment,
    pub metric: String,
    pub value: f64,
    pub previous: f64,
    pub change_pct: f64,
    /// value − previous: what `points` and `absolute` changes show.
    pub change: f64,
    pub change_scale: ChangeScale,
    /// The client listed the metric in its `priorities`.
    pub priority: bool,
    /// The business impact of the change: the metric's impact × √|change_pct| (at most 1).
    pub score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataQuality {
    /// Whether the report may go out as it is (the delivery gate).
    pub status: DataStatus,
    /// True when every source loaded, no day is missing in the period or the comparison and
    /// no row was skipped.
    pub complete: bool,
    /// What an incomplete report waits for, one line per source, with source ids and
    /// errors: for stderr, `status` and the ledger, never written into a report.
    #[serde(skip)]
    pub waiting_for: Vec<String>,
    pub sources: Vec<SourceQuality>,
}

closed_set! {
    /// The delivery gate: whether the data a report needs is all there.
    pub enum DataStatus ("data status") {
        /// Every source has data through the period's end, and the comparison's days are present.
        Complete = "complete",
        /// A source failed, ends before the period does, or the comparison misses days.
        Incomplete = "incomplete",
        /// No source has any data for the period.
        NoData = "no_data",
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceQuality {
    pub id: String,
    /// `csv`, `json`, `http`, `ga4`, `google_ads`, `meta`, `search_console`, `gbp_reviews`,
    /// `gbp_performance`.
    pub kind: SourceKind,
    /// The platform's display name (`Google Search Console`), for live sources.
    pub platform: Option<String>,
    /// The channels the source feeds (`web`, `ads`, ...), in catalog order.
    pub channels: Vec<String>,
    pub status: SourceStatus,
    /// Why it failed, for stderr, `status` and the ledger; never written into a report.
    #[serde(skip)]
    pub error: Option<String>,
    /// The last day the source has data for: a file's last dated row, a live source's last
    /// settled day fetched.
    pub data_through: Option<NaiveDate>,
    pub rows: usize,
    pub skipped_rows: usize,
    /// The first skipped rows with their reasons (at most 20).
    pub skipped: Vec<BadRow>,
    /// Days of the period with no row at all, as ranges.
    pub missing_days: u32,
    pub missing: Vec<DateRange>,
    pub comparison_missing_days: Option<u32>,
    pub comparison_missing: Vec<DateRange>,
    /// Live sources: the snapshot used for each range and when it was fetched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fetched: Vec<FetchInfo>,
    /// Live sources: the health of this fetch, for the ledger and `status`; never written
    /// into a report.
    #[serde(skip)]
    pub health: Option<crate::sources::live::health::Health>,
}

/// Whether a source's data could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    Ok,
    Failed,
}

/// The summary's one-sentence verdict as facts for the renderers to phrase (issue 18): built
/// from the top concern and the top win among the highlights, and the goals' standing.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryHeadline {
    pub kind: HeadlineKind,
    /// The metrics the sentence names, in the order it names them.
    pub metrics: Vec<String>,
    /// The highlights it rests on, in the same order.
    pub facts: Vec<Highlight>,
    /// How many goals stand where; the sentence's second part.
    pub goals: GoalTally,
}

/// Which sentence pattern the headline uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadlineKind {
    /// The top concern weighs more than the top win: "Revenue fell 23.5 % while sessions grew
    /// 14 %".
    ConcernOverWin,
    /// The top win weighs more than the top concern.
    WinOverConcern,
    /// Only wins: the top one or two.
    Wins,
    /// Only concerns: the top one or two.
    Concerns,
    /// Nothing changed enough to be news.
    Steady,
    /// No highlight because days are missing: the changes cannot be told yet.
    Incomplete,
}

/// Goals counted by status.
#[derive(Debug, Clone, Copy, Default, Serialize, serde::Deserialize)]
pub struct GoalTally {
    pub total: u32,
    pub met: u32,
    pub on_track: u32,
    pub behind: u32,
    pub missed: u32,
    pub not_judged: u32,
}

/// A goal's standing on the summary's scoreboard, in the order of `goals`.
#[derive(Debug, Clone, Serialize)]
pub struct GoalStanding {
    pub metric: String,
    pub status: GoalStatus,
    /// value / period target (`GoalProgress.progress`); null without data.
    pub of_target: Option<f64>,
}

/// Where a goal stands. A complete period's goals are met or missed; a period still under
/// way (month to date, or ending after the report's day) is on track or behind at the pace of
/// the days so far, unless its sum already decides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    Met,
    OnTrack,
    Behind,
    Missed,
    /// No data, or days missing that the verdict would rest on.
    NotJudged,
}

/// A headline KPI over a longer view (issue 18): the report's period and the ones before it
/// as buckets (13 months, 13 weeks or 5 quarters), each with the same bucket a year earlier.
/// Every value follows the KPI's own aggregation rule over the bucket's days.
#[derive(Debug, Clone, Serialize)]
pub struct TrendSeries {
    pub metric: String,
    /// What one bucket is: a calendar month, a week (the client's week start) or a quarter.
    pub bucket: TrendBucketKind,
    /// Oldest first; the last bucket holds the report period's end.
    pub buckets: Vec<TrendBucket>,
    /// The report period against the same period a year earlier, or null when the year-ago
    /// period has no data.
    pub year_on_year: Option<YearOnYear>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendBucketKind {
    Month,
    Week,
    Quarter,
}

/// Whether a bucket's days all have data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Complete,
    /// Some days have data: the value is over those days only, and drawn marked as partial.
    Partial,
    /// No day has data: the value is null, never a zero.
    Missing,
}

/// One bucket of a trend: its value and the value of the same bucket a year earlier.
#[derive(Debug, Clone, Serialize)]
pub struct TrendBucket {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
    pub value: Option<f64>,
    pub days_with_data: u32,
    pub coverage: Coverage,
    /// The same month or quarter a year earlier; for weeks, the week 52 weeks earlier (the
    /// same weekdays).
    pub last_year: Option<f64>,
    pub last_year_coverage: Coverage,
}

/// A KPI against the same period a year earlier; changes follow the KPI's `change_scale`.
#[derive(Debug, Clone, Serialize)]
pub struct YearOnYear {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub value: Option<f64>,
    /// The value a year earlier.
    pub previous: Option<f64>,
    /// value − previous; null unless both periods are complete.
    pub change: Option<f64>,
    /// change / |previous|; null when previous is 0 or a period misses days.
    pub change_pct: Option<f64>,
    pub change_scale: ChangeScale,
    pub missing_days: u32,
    pub previous_missing_days: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A day's date in the JSON is what chrono writes, in and outside the fast path's years.
    #[test]
    fn day_values_write_their_dates_as_chrono_does() {
        for (y, m, d) in [
            (2026, 10, 1),
            (2026, 12, 31),
            (1999, 1, 9),
            (0, 1, 1),
            (7, 2, 28),
            (987, 11, 30),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-2026, 3, 4),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let day = DayValue {
                date,
                value: Some(1.5),
            };
            assert_eq!(
                serde_json::to_string(&day).unwrap(),
                format!(r#"{{"date":"{date}","value":1.5}}"#),
                "{y}-{m}-{d}"
            );
        }
    }
}
