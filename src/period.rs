//! Report periods (weeks, months, quarters, custom ranges, relative forms) and their comparisons.
//!
//! Every period is a pair of inclusive local dates in the client's time zone. Relative forms
//! (`last-month`, ...) are resolved against "today" in that zone, so a report for a client in
//! Tokyo and one in New York may cover different days when run at the same instant.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

/// What the user asked for with `--period`, before it is resolved against "today".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodSpec {
    Week { year: i32, week: u32 },
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Range { start: NaiveDate, end: NaiveDate },
    LastWeek,
    LastMonth,
    LastQuarter,
    MonthToDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error(
        "unrecognised period {0:?}: expected 2026-10 (month), 2026-W43 (week), 2026-Q3 (quarter), \
         2026-10-01..2026-10-31 (inclusive range), last-week, last-month, last-quarter or month-to-date"
    )]
    Syntax(String),
    #[error("{0} has no ISO week {1} (it has {2} weeks)")]
    NoSuchWeek(i32, u32, u32),
    #[error("month must be 01 to 12, found {0}")]
    NoSuchMonth(u32),
    #[error("quarter must be Q1 to Q4, found Q{0}")]
    NoSuchQuarter(u32),
    #[error("the range {0}..{1} ends before it starts")]
    ReversedRange(NaiveDate, NaiveDate),
    #[error("month-to-date is empty on the first day of a month ({0}); use last-month")]
    EmptyMonthToDate(NaiveDate),
}

impl FromStr for PeriodSpec {
    type Err = PeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let syntax = || PeriodError::Syntax(s.to_string());
        match s {
            "last-week" => return Ok(Self::LastWeek),
            "last-month" => return Ok(Self::LastMonth),
            "last-quarter" => return Ok(Self::LastQuarter),
            "month-to-date" | "mtd" => return Ok(Self::MonthToDate),
            _ => {}
        }
        if let Some((a, b)) = s.split_once("..") {
            let start = parse_iso_date(a).ok_or_else(syntax)?;
            let end = parse_iso_date(b).ok_or_else(syntax)?;
            if end < start {
                return Err(PeriodError::ReversedRange(start, end));
            }
            return Ok(Self::Range { start, end });
        }
        let (year, rest) = s.split_once('-').ok_or_else(syntax)?;
        if year.len() != 4 {
            return Err(syntax());
        }
        let year: i32 = year.parse().map_err(|_| syntax())?;
        let number = |digits: &str| -> Result<u32, PeriodError> {
            if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(syntax());
            }
            digits.parse().map_err(|_| syntax())
        };
        if let Some(w) = rest.strip_prefix('W') {
            let week = number(w)?;
            let weeks = iso_weeks_in_year(year);
            if week == 0 || week > weeks {
                return Err(PeriodError::NoSuchWeek(year, week, weeks));
            }
            Ok(Self::Week { year, week })
        } else if let Some(q) = rest.strip_prefix('Q') {
            let quarter = number(q)?;
            if !(1..=4).contains(&quarter) {
                return Err(PeriodError::NoSuchQuarter(quarter));
            }
            Ok(Self::Quarter { year, quarter })
        } else {
            if rest.len() != 2 {
                return Err(syntax());
            }
            let month = number(rest)?;
            if !(1..=12).contains(&month) {
                return Err(PeriodError::NoSuchMonth(month));
            }
            Ok(Self::Month { year, month })
        }
    }
}

fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// The kind of a resolved period; it decides what "previous" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Week,
    Month,
    Quarter,
    MonthToDate,
    Custom,
}

/// A resolved period: inclusive local dates plus a stable key used in file names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    pub kind: PeriodKind,
    /// Stable identifier: `2026-10`, `2026-W43`, `2026-Q3`, `2026-10-01_2026-10-31`.
    pub key: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: u32,
}

impl Period {
    /// The period a stable key names (`2026-10`, `2026-W43`, `2026-Q3`,
    /// `2026-10-01_2026-10-31`); `None` for anything else.
    pub fn from_key(key: &str, week_start: Weekday) -> Option<Period> {
        let spec: PeriodSpec = key.replacen('_', "..", 1).parse().ok()?;
        let period = match spec {
            PeriodSpec::Week { .. }
            | PeriodSpec::Month { .. }
            | PeriodSpec::Quarter { .. }
            | PeriodSpec::Range { .. } => spec.resolve(NaiveDate::MIN, week_start).ok()?,
            _ => return None,
        };
        (period.key == key).then_some(period)
    }

    fn new(kind: PeriodKind, key: String, start: NaiveDate, end: NaiveDate) -> Self {
        let days = (end - start).num_days() as u32 + 1;
        Self {
            kind,
            key,
            start,
            end,
            days,
        }
    }

    pub fn month(year: i32, month: u32) -> Self {
        let start = NaiveDate::from_ymd_opt(year, month, 1).expect("validated month");
        let end = last_day_of_month(year, month);
        Self::new(
            PeriodKind::Month,
            format!("{year:04}-{month:02}"),
            start,
            end,
        )
    }

    pub fn quarter(year: i32, quarter: u32) -> Self {
        let first_month = (quarter - 1) * 3 + 1;
        let start = NaiveDate::from_ymd_opt(year, first_month, 1).expect("validated quarter");
        let end = last_day_of_month(year, first_month + 2);
        Self::new(
            PeriodKind::Quarter,
            format!("{year:04}-Q{quarter}"),
            start,
            end,
        )
    }

    /// ISO week `week` of `year`; with a Sunday week start the week begins the day before the
    /// ISO Monday, so "2026-W43" still names the same business week.
    pub fn week(year: i32, week: u32, week_start: Weekday) -> Self {
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).expect("validated week");
        let offset = (7 - week_start.num_days_from_monday() as i64) % 7;
        let start = monday - Duration::days(offset);
        Self::new(
            PeriodKind::Week,
            format!("{year:04}-W{week:02}"),
            start,
            start + Duration::days(6),
        )
    }

    pub fn range(start: NaiveDate, end: NaiveDate) -> Self {
        Self::new(PeriodKind::Custom, range_key(start, end), start, end)
    }

    /// Every date of the period, in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.start.iter_days().take(self.days as usize)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Length of the period measured in average months, used to prorate monthly goals.
    pub fn length_in_months(&self) -> f64 {
        match self.kind {
            PeriodKind::Month => 1.0,
            PeriodKind::Quarter => 3.0,
            _ => self.days as f64 / AVERAGE_MONTH_DAYS,
        }
    }
}

/// 365.2425 / 12: the mean Gregorian month.
pub const AVERAGE_MONTH_DAYS: f64 = 30.436875;

fn range_key(start: NaiveDate, end: NaiveDate) -> String {
    format!("{}_{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d"))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} to {})", self.key, self.start, self.end)
    }
}

pub fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).expect("valid month") - Duration::days(1)
}

pub fn iso_weeks_in_year(year: i32) -> u32 {
    // December 28th is always in the last ISO week of its year.
    NaiveDate::from_ymd_opt(year, 12, 28)
        .map(|d| d.iso_week().week())
        .unwrap_or(52)
}

/// The same day of month in another month, clamped to that month's end (Mar 31 → Feb 28).
fn clamp_day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| last_day_of_month(year, month))
}

fn shift_months(date: NaiveDate, months: i32) -> NaiveDate {
    let total = date.year() * 12 + date.month0() as i32 + months;
    clamp_day(
        total.div_euclid(12),
        total.rem_euclid(12) as u32 + 1,
        date.day(),
    )
}

/// The `n` weeks before a week, oldest first (`2026-W39` … `2026-W42` for `2026-W43`).
pub fn weeks_before(week: &Period, n: u32, week_start: Weekday) -> Vec<Period> {
    (1..=i64::from(n))
        .rev()
        .map(|k| week_containing(week.start - Duration::days(7 * k), week_start))
        .collect()
}

/// The week containing `date` for the given week start, named by its ISO week.
pub fn week_containing(date: NaiveDate, week_start: Weekday) -> Period {
    let back = (date.weekday().num_days_from_monday() + 7 - week_start.num_days_from_monday()) % 7;
    let start = date - Duration::days(back as i64);
    // Name the week by the ISO week of its Monday (the day after a Sunday start).
    let monday = start + Duration::days(((7 - week_start.num_days_from_monday()) % 7) as i64);
    let iso = monday.iso_week();
    Period::week(iso.year(), iso.week(), week_start)
}

impl PeriodSpec {
    /// Resolves the spec against `today` (a local date in the client's time zone).
    pub fn resolve(self, today: NaiveDate, week_start: Weekday) -> Result<Period, PeriodError> {
        Ok(match self {
            Self::Week { year, week } => Period::week(year, week, week_start),
            Self::Month { year, month } => Period::month(year, month),
            Self::Quarter { year, quarter } => Period::quarter(year, quarter),
            Self::Range { start, end } => Period::range(start, end),
            Self::LastWeek => week_containing(today - Duration::days(7), week_start),
            Self::LastMonth => {
                let d = shift_months(today.with_day(1).expect("day 1"), -1);
                Period::month(d.year(), d.month())
            }
            Self::LastQuarter => {
                let q = today.month0() / 3; // 0-based current quarter
                let (y, q) = if q == 0 {
                    (today.year() - 1, 4)
                } else {
                    (today.year(), q)
                };
                Period::quarter(y, q)
            }
            Self::MonthToDate => {
                // Through yesterday: today's data is not complete yet.
                if today.day() == 1 {
                    return Err(PeriodError::EmptyMonthToDate(today));
                }
                let start = today.with_day(1).expect("day 1");
                let end = today - Duration::days(1);
                Period::new(PeriodKind::MonthToDate, range_key(start, end), start, end)
            }
        })
    }
}

/// What a period is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareKind {
    /// The previous calendar period of the same kind (same length for custom ranges).
    Previous,
    /// The same period a year earlier (ISO week N of last year for weeks).
    Yoy,
    /// No comparison.
    None,
}

impl CompareKind {
    pub const ALL: [CompareKind; 3] = [CompareKind::Previous, CompareKind::Yoy, CompareKind::None];

    /// The name on the command line and in the report model.
    pub fn name(self) -> &'static str {
        match self {
            CompareKind::Previous => "previous",
            CompareKind::Yoy => "yoy",
            CompareKind::None => "none",
        }
    }
}

impl std::str::FromStr for CompareKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CompareKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown comparison {s:?}: expected previous, yoy or none"))
    }
}

/// The comparison period for `period`, or `None` for [`CompareKind::None`].
pub fn comparison(period: &Period, kind: CompareKind, week_start: Weekday) -> Option<Period> {
    let p = period;
    Some(match (kind, p.kind) {
        (CompareKind::None, _) => return None,
        (CompareKind::Previous, PeriodKind::Week) => {
            week_containing(p.start - Duration::days(7), week_start)
        }
        (CompareKind::Previous, PeriodKind::Month) => {
            let d = shift_months(p.start, -1);
            Period::month(d.year(), d.month())
        }
        (CompareKind::Previous, PeriodKind::Quarter) => {
            let d = shift_months(p.start, -3);
            Period::quarter(d.year(), d.month0() / 3 + 1)
        }
        (CompareKind::Previous, PeriodKind::MonthToDate) => {
            let start = shift_months(p.start, -1);
            let end = clamp_day(start.year(), start.month(), p.end.day());
            Period::new(PeriodKind::MonthToDate, range_key(start, end), start, end)
        }
        (CompareKind::Previous, PeriodKind::Custom) => {
            let end = p.start - Duration::days(1);
            Period::range(end - Duration::days(p.days as i64 - 1), end)
        }
        (CompareKind::Yoy, PeriodKind::Week) => {
            let iso = (p.start
                + Duration::days(((7 - week_start.num_days_from_monday()) % 7) as i64))
            .iso_week();
            let year = iso.year() - 1;
            Period::week(year, iso.week().min(iso_weeks_in_year(year)), week_start)
        }
        (CompareKind::Yoy, PeriodKind::Month) => Period::month(p.start.year() - 1, p.start.month()),
        (CompareKind::Yoy, PeriodKind::Quarter) => {
            Period::quarter(p.start.year() - 1, p.start.month0() / 3 + 1)
        }
        (CompareKind::Yoy, PeriodKind::MonthToDate) => {
            let start = shift_months(p.start, -12);
            let end = shift_months(p.end, -12);
            Period::new(PeriodKind::MonthToDate, range_key(start, end), start, end)
        }
        (CompareKind::Yoy, PeriodKind::Custom) => {
            Period::range(shift_months(p.start, -12), shift_months(p.end, -12))
        }
    })
}

/// How a comparison's daily series lines up under the period's: shifted by whole weeks, so
/// that each of its days falls on the same weekday as the day it is drawn under (weekly
/// cycles stay in phase), by the shift that keeps most of the comparison's days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekdayAlignment {
    /// `previous[i]` is the day this many days before `current[i]`: a multiple of 7
    /// (28 or 35 for a month, 91 for a quarter, 364 a year back).
    pub shift_days: i64,
    /// The comparison days the series covers; the shifted days outside the comparison
    /// period are left empty rather than taken from another period.
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl WeekdayAlignment {
    pub fn new(period: &Period, comparison: &Period) -> Self {
        let offset = (period.start - comparison.start).num_days();
        let covered = |shift: i64| {
            let start = (period.start - Duration::days(shift)).max(comparison.start);
            let end = (period.end - Duration::days(shift)).min(comparison.end);
            ((end - start).num_days() + 1).max(0)
        };
        let below = offset.div_euclid(7) * 7;
        // The week below or above the offset, whichever covers more days (ties: the nearer).
        let shift = [below, below + 7]
            .into_iter()
            .filter(|s| *s > 0)
            .max_by_key(|s| (covered(*s), -(s - offset).abs()))
            .unwrap_or(7);
        let start = (period.start - Duration::days(shift)).max(comparison.start);
        let end = (period.end - Duration::days(shift)).min(comparison.end);
        Self {
            shift_days: shift,
            start,
            end: end.max(start),
        }
    }

    /// The comparison day drawn under `date` of the period, if it lies in the comparison.
    pub fn day_under(&self, date: NaiveDate) -> Option<NaiveDate> {
        let day = date - Duration::days(self.shift_days);
        (self.start <= day && day <= self.end).then_some(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn resolve(spec: &str, today: &str) -> Period {
        spec.parse::<PeriodSpec>()
            .unwrap()
            .resolve(d(today), Weekday::Mon)
            .unwrap()
    }

    fn span(p: &Period) -> (String, String, String) {
        (p.key.clone(), p.start.to_string(), p.end.to_string())
    }

    fn s(key: &str, a: &str, b: &str) -> (String, String, String) {
        (key.into(), a.into(), b.into())
    }

    #[test]
    fn months_handle_leap_years_and_month_ends() {
        assert_eq!(
            span(&resolve("2024-02", "2026-01-01")),
            s("2024-02", "2024-02-01", "2024-02-29")
        );
        assert_eq!(
            span(&resolve("2026-02", "2026-01-01")),
            s("2026-02", "2026-02-01", "2026-02-28")
        );
        let mar = resolve("2024-03", "2026-01-01");
        let prev = comparison(&mar, CompareKind::Previous, Weekday::Mon).unwrap();
        assert_eq!(span(&prev), s("2024-02", "2024-02-01", "2024-02-29"));
        let jan = resolve("2026-01", "2026-05-01");
        let prev = comparison(&jan, CompareKind::Previous, Weekday::Mon).unwrap();
        assert_eq!(span(&prev), s("2025-12", "2025-12-01", "2025-12-31"));
        let yoy = comparison(
            &resolve("2024-02", "2026-01-01"),
            CompareKind::Yoy,
            Weekday::Mon,
        )
        .unwrap();
        assert_eq!(span(&yoy), s("2023-02", "2023-02-01", "2023-02-28"));
        assert_eq!(mar.days, 31);
        assert!(comparison(&mar, CompareKind::None, Weekday::Mon).is_none());
    }

    #[test]
    fn iso_weeks_across_year_ends_and_53_week_years() {
        // 2026-W01 starts on Monday 2025-12-29.
        assert_eq!(
            span(&resolve("2026-W01", "2026-06-01")),
            s("2026-W01", "2025-12-29", "2026-01-04")
        );
        let w1 = resolve("2026-W01", "2026-06-01");
        let prev = comparison(&w1, CompareKind::Previous, Weekday::Mon).unwrap();
        // 2025 has 52 weeks; 2020 had 53.
        assert_eq!(span(&prev), s("2025-W52", "2025-12-22", "2025-12-28"));
        assert_eq!(
            span(&resolve("2020-W53", "2026-01-01")),
            s("2020-W53", "2020-12-28", "2021-01-03")
        );
        let w53 = resolve("2020-W53", "2026-01-01");
        let yoy = comparison(&w53, CompareKind::Yoy, Weekday::Mon).unwrap();
        assert_eq!(yoy.key, "2019-W52");
        let w1_2021 = comparison(
            &resolve("2021-W01", "2026-01-01"),
            CompareKind::Previous,
            Weekday::Mon,
        )
        .unwrap();
        assert_eq!(w1_2021.key, "2020-W53");
        assert_eq!(
            "2025-W53".parse::<PeriodSpec>(),
            Err(PeriodError::NoSuchWeek(2025, 53, 52))
        );
        // 2026 starts on a Thursday, so it has 53 ISO weeks; its W53 compares with 2025-W52.
        let w53 = resolve("2026-W53", "2027-02-01");
        assert_eq!(span(&w53), s("2026-W53", "2026-12-28", "2027-01-03"));
        assert_eq!(
            comparison(&w53, CompareKind::Yoy, Weekday::Mon)
                .unwrap()
                .key,
            "2025-W52"
        );
        let yoy = comparison(
            &resolve("2026-W43", "2026-11-26"),
            CompareKind::Yoy,
            Weekday::Mon,
        )
        .unwrap();
        assert_eq!(span(&yoy), s("2025-W43", "2025-10-20", "2025-10-26"));
    }

    #[test]
    fn sunday_weeks_start_the_day_before_the_iso_monday() {
        let p = "2026-W43"
            .parse::<PeriodSpec>()
            .unwrap()
            .resolve(d("2026-11-26"), Weekday::Sun)
            .unwrap();
        assert_eq!(span(&p), s("2026-W43", "2026-10-18", "2026-10-24"));
        // Thursday 2026-11-26: last Sunday-week is Nov 15..21, named by its Monday (W47).
        let last = PeriodSpec::LastWeek
            .resolve(d("2026-11-26"), Weekday::Sun)
            .unwrap();
        assert_eq!(span(&last), s("2026-W47", "2026-11-15", "2026-11-21"));
        // On a Sunday the current Sunday-week has just begun.
        let last = PeriodSpec::LastWeek
            .resolve(d("2026-11-22"), Weekday::Sun)
            .unwrap();
        assert_eq!(span(&last), s("2026-W47", "2026-11-15", "2026-11-21"));
        let prev = comparison(&last, CompareKind::Previous, Weekday::Sun).unwrap();
        assert_eq!(span(&prev), s("2026-W46", "2026-11-08", "2026-11-14"));
    }

    #[test]
    fn quarters_and_their_comparisons() {
        assert_eq!(
            span(&resolve("2026-Q3", "2026-01-01")),
            s("2026-Q3", "2026-07-01", "2026-09-30")
        );
        let q1 = resolve("2026-Q1", "2026-01-01");
        assert_eq!(q1.days, 90);
        let prev = comparison(&q1, CompareKind::Previous, Weekday::Mon).unwrap();
        assert_eq!(span(&prev), s("2025-Q4", "2025-10-01", "2025-12-31"));
        let yoy = comparison(
            &resolve("2024-Q1", "2026-01-01"),
            CompareKind::Yoy,
            Weekday::Mon,
        )
        .unwrap();
        assert_eq!(span(&yoy), s("2023-Q1", "2023-01-01", "2023-03-31"));
    }

    #[test]
    fn custom_ranges_compare_with_the_same_length_before() {
        let p = resolve("2026-10-01..2026-10-31", "2026-11-26");
        assert_eq!(p.kind, PeriodKind::Custom);
        assert_eq!(p.key, "2026-10-01_2026-10-31");
        let prev = comparison(&p, CompareKind::Previous, Weekday::Mon).unwrap();
        assert_eq!((prev.start, prev.end), (d("2026-08-31"), d("2026-09-30")));
        assert_eq!(prev.days, 31);
        let leap = resolve("2024-02-29..2024-03-01", "2026-01-01");
        let yoy = comparison(&leap, CompareKind::Yoy, Weekday::Mon).unwrap();
        assert_eq!((yoy.start, yoy.end), (d("2023-02-28"), d("2023-03-01")));
        assert!(matches!(
            "2026-10-05..2026-10-01".parse::<PeriodSpec>(),
            Err(PeriodError::ReversedRange(..))
        ));
    }

    #[test]
    fn relative_periods_resolve_against_today() {
        assert_eq!(
            span(&resolve("last-month", "2026-01-15")),
            s("2025-12", "2025-12-01", "2025-12-31")
        );
        assert_eq!(
            span(&resolve("last-month", "2024-03-31")),
            s("2024-02", "2024-02-01", "2024-02-29")
        );
        assert_eq!(
            span(&resolve("last-quarter", "2026-02-10")),
            s("2025-Q4", "2025-10-01", "2025-12-31")
        );
        assert_eq!(
            span(&resolve("last-quarter", "2026-11-26")),
            s("2026-Q3", "2026-07-01", "2026-09-30")
        );
        // Thursday 2026-01-01 is in ISO week 2026-W01; last week is 2025-W52.
        assert_eq!(
            span(&resolve("last-week", "2026-01-01")),
            s("2025-W52", "2025-12-22", "2025-12-28")
        );
        let mtd = resolve("month-to-date", "2024-03-31");
        assert_eq!((mtd.start, mtd.end), (d("2024-03-01"), d("2024-03-30")));
        let prev = comparison(&mtd, CompareKind::Previous, Weekday::Mon).unwrap();
        assert_eq!((prev.start, prev.end), (d("2024-02-01"), d("2024-02-29")));
        let yoy = comparison(&mtd, CompareKind::Yoy, Weekday::Mon).unwrap();
        assert_eq!((yoy.start, yoy.end), (d("2023-03-01"), d("2023-03-30")));
        assert_eq!(
            PeriodSpec::MonthToDate.resolve(d("2026-11-01"), Weekday::Mon),
            Err(PeriodError::EmptyMonthToDate(d("2026-11-01")))
        );
    }

    #[test]
    fn malformed_periods_are_rejected() {
        for bad in [
            "2026",
            "2026-13",
            "2026-1",
            "26-10",
            "2026-W",
            "2026-Q5",
            "2026-W0",
            "x..y",
            "",
            "2026-10-1x",
        ] {
            assert!(bad.parse::<PeriodSpec>().is_err(), "{bad} should not parse");
        }
    }
    #[test]
    fn comparison_days_keep_their_weekday() {
        use chrono::Datelike;
        for (spec, compare) in [
            ("2026-10", CompareKind::Previous),
            ("2026-10", CompareKind::Yoy),
            ("2026-03", CompareKind::Previous),
            ("2024-03", CompareKind::Yoy),
            ("2026-Q3", CompareKind::Previous),
            ("2026-Q1", CompareKind::Yoy),
            ("2026-W43", CompareKind::Previous),
            ("2026-10-05..2026-10-14", CompareKind::Previous),
        ] {
            let p = resolve(spec, "2026-12-01");
            let c = comparison(&p, compare, Weekday::Mon).unwrap();
            let a = WeekdayAlignment::new(&p, &c);
            assert_eq!(a.shift_days % 7, 0, "{spec}");
            let mut covered = 0;
            for date in p.dates() {
                if let Some(day) = a.day_under(date) {
                    assert_eq!(day.weekday(), date.weekday(), "{spec} {date}");
                    assert!(c.contains(day), "{spec} {day}");
                    covered += 1;
                }
            }
            // Most of the comparison is drawn: all but at most three days.
            assert!(covered + 3 >= c.days.min(p.days), "{spec}: {covered}");
        }
        // October 2026 (a Thursday) against September: from Thursday 3 September.
        let oct = Period::month(2026, 10);
        let sep = comparison(&oct, CompareKind::Previous, Weekday::Mon).unwrap();
        let a = WeekdayAlignment::new(&oct, &sep);
        assert_eq!(
            (a.shift_days, a.start, a.end),
            (28, d("2026-09-03"), d("2026-09-30"))
        );
        let yoy = comparison(&oct, CompareKind::Yoy, Weekday::Mon).unwrap();
        assert_eq!(WeekdayAlignment::new(&oct, &yoy).shift_days, 364);
    }
}
