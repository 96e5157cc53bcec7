//! When reports are due: a client's monthly and weekly runs, in its own time zone.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::config::schema::ScheduleConfig;
use crate::period::{Period, week_containing};

pub use crate::ledger::RunKind;

/// A report a schedule asks for, and since when.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// `Monthly` or `Weekly`.
    pub run: RunKind,
    pub period: Period,
    pub due_at: DateTime<Utc>,
}

/// The latest report of each run whose time has come at `now`.
pub fn due(schedule: &ScheduleConfig, tz: Tz, week_start: Weekday, now: DateTime<Utc>) -> Vec<Due> {
    let mut out = Vec::new();
    let today = now.with_timezone(&tz).date_naive();
    if let Some(m) = &schedule.monthly {
        // This month's run if it has passed, else last month's.
        let first = today.with_day(1).expect("day 1");
        for month_start in [first, previous_month(first)] {
            let run_day = month_start.with_day(m.day.0).expect("day 1 to 28");
            let due_at = at_local(tz, run_day, m.at.0);
            if due_at <= now {
                let p = previous_month(month_start);
                out.push(Due {
                    run: RunKind::Monthly,
                    period: Period::month(p.year(), p.month()),
                    due_at,
                });
                break;
            }
        }
    }
    if let Some(w) = &schedule.weekly {
        for back in 0..=7 {
            let day = today - Duration::days(back);
            let due_at = at_local(tz, day, w.at.0);
            if day.weekday() == w.weekday && due_at <= now {
                out.push(Due {
                    run: RunKind::Weekly,
                    period: week_before(day, week_start),
                    due_at,
                });
                break;
            }
        }
    }
    out
}

/// When each run fires next after `now`.
pub fn next_runs(
    schedule: &ScheduleConfig,
    tz: Tz,
    now: DateTime<Utc>,
) -> Vec<(RunKind, DateTime<Utc>)> {
    let today = now.with_timezone(&tz).date_naive();
    let mut out = Vec::new();
    if let Some(m) = &schedule.monthly {
        let first = today.with_day(1).expect("day 1");
        let this = at_local(tz, first.with_day(m.day.0).expect("1-28"), m.at.0);
        let next = if this > now {
            this
        } else {
            let n = next_month(first);
            at_local(tz, n.with_day(m.day.0).expect("1-28"), m.at.0)
        };
        out.push((RunKind::Monthly, next));
    }
    if let Some(w) = &schedule.weekly {
        let next = (0..=7)
            .map(|ahead| today + Duration::days(ahead))
            .filter(|d| d.weekday() == w.weekday)
            .map(|d| at_local(tz, d, w.at.0))
            .find(|t| *t > now)
            .unwrap_or_else(|| at_local(tz, today + Duration::days(7), w.at.0));
        out.push((RunKind::Weekly, next));
    }
    out
}

/// The last whole week (by `week_start`) that ended before `day`.
fn week_before(day: NaiveDate, week_start: Weekday) -> Period {
    let w = week_containing(day - Duration::days(1), week_start);
    if w.end < day {
        w
    } else {
        week_containing(w.start - Duration::days(1), week_start)
    }
}

/// A local date and time as an instant. In the hour skipped when clocks go forward the run
/// moves an hour later; in the hour that repeats it takes the first.
pub fn at_local(tz: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let naive = date.and_time(time);
    tz.from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + Duration::hours(1)))
                .earliest()
        })
        .expect("an hour after a gap exists")
        .with_timezone(&Utc)
}

fn previous_month(first: NaiveDate) -> NaiveDate {
    (first - Duration::days(1)).with_day(1).expect("day 1")
}

fn next_month(first: NaiveDate) -> NaiveDate {
    (first + Duration::days(32)).with_day(1).expect("day 1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::schema::{Approval, MonthlyRun, WeeklyRun};
    use crate::config::values::{DayOfMonth, LocalTime};

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn schedule(monthly: Option<(u32, &str)>, weekly: Option<(Weekday, &str)>) -> ScheduleConfig {
        let time = |s: &str| LocalTime(NaiveTime::parse_from_str(s, "%H:%M").unwrap());
        ScheduleConfig {
            monthly: monthly.map(|(day, at)| MonthlyRun {
                day: DayOfMonth(day),
                at: time(at),
            }),
            weekly: weekly.map(|(weekday, at)| WeeklyRun {
                weekday,
                at: time(at),
            }),
            approval: Approval::None,
            formats: None,
            wait_for_data: Default::default(),
            on_incomplete: Default::default(),
        }
    }

    fn keys(d: &[Due]) -> Vec<(&str, String, String)> {
        d.iter()
            .map(|d| (d.run.as_str(), d.period.key.clone(), d.due_at.to_rfc3339()))
            .collect()
    }

    #[test]
    fn the_first_of_the_month_comes_at_different_instants() {
        let s = schedule(Some((1, "06:00")), None);
        let (ny, tokyo) = (chrono_tz::America::New_York, chrono_tz::Asia::Tokyo);
        // 1 November 2026: New York leaves summer time at 02:00; 06:00 EST is 11:00 UTC.
        // Tokyo's 06:00 on 1 November was 21:00 UTC on 31 October.
        let now = t("2026-11-01T10:30:00Z");
        assert_eq!(
            keys(&due(&s, tokyo, Weekday::Mon, now)),
            [(
                "monthly",
                "2026-10".into(),
                "2026-10-31T21:00:00+00:00".into()
            )]
        );
        assert_eq!(
            keys(&due(&s, ny, Weekday::Sun, now)),
            [(
                "monthly",
                "2026-09".into(),
                "2026-10-01T10:00:00+00:00".into()
            )]
        );
        let later = t("2026-11-01T11:00:00Z");
        assert_eq!(
            keys(&due(&s, ny, Weekday::Sun, later)),
            [(
                "monthly",
                "2026-10".into(),
                "2026-11-01T11:00:00+00:00".into()
            )]
        );
        assert_eq!(
            next_runs(&s, ny, now),
            [(RunKind::Monthly, t("2026-11-01T11:00:00Z"))]
        );
    }

    #[test]
    fn settle_days_and_weekly_runs() {
        // Monthly on the 3rd: on 2 November October is not due yet.
        let s = schedule(Some((3, "06:00")), Some((Weekday::Tue, "07:00")));
        let london = chrono_tz::Europe::London;
        let d = due(&s, london, Weekday::Mon, t("2026-11-02T12:00:00Z"));
        assert_eq!(d[0].period.key, "2026-09");
        // Weekly on Tuesday 07:00, Monday-start weeks: last Tuesday was 27 October, and the
        // week before it is 19–25 October.
        assert_eq!(d[1].period.key, "2026-W43");
        assert_eq!(
            (d[1].period.start.to_string(), d[1].period.end.to_string()),
            ("2026-10-19".into(), "2026-10-25".into())
        );
        let d = due(&s, london, Weekday::Mon, t("2026-11-03T07:00:00Z"));
        assert_eq!(d[0].period.key, "2026-10");
        assert_eq!(d[1].period.key, "2026-W44");
        assert_eq!(d[1].period.end.to_string(), "2026-11-01");
    }

    #[test]
    fn a_run_in_the_skipped_hour_moves_an_hour_later() {
        // 8 March 2026 02:30 does not exist in New York.
        let s = schedule(None, Some((Weekday::Sun, "02:30")));
        let ny = chrono_tz::America::New_York;
        let d = due(&s, ny, Weekday::Sun, t("2026-03-08T08:00:00Z"));
        assert_eq!(d[0].due_at, t("2026-03-08T07:30:00Z"));
        assert_eq!(d[0].period.key, "2026-W10");
        assert_eq!(d[0].period.start.to_string(), "2026-03-01");
    }
}
