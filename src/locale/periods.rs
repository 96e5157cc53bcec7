//! What a period is called: "October 2026", "Q3 2026", "สัปดาห์ที่ 43 ปี 2569".
//!
//! Weeks and quarters are named by each catalog (`week-label`, `quarter-label`), months by
//! CLDR, and every year is written in the report's calendar, so a Buddhist-calendar report never
//! mixes 2569 with 2026.

use chrono::{Datelike, Duration, NaiveDate};

use super::Locale;
use crate::period::PeriodKind;

impl Locale {
    /// ISO week `week` of the ISO week-numbering year `year`: en `Week 43, 2026`,
    /// de `KW 43/2026`, th `สัปดาห์ที่ 43 ปี 2569` (Buddhist).
    pub fn week_name(&self, year: i32, week: u32) -> String {
        self.text(
            "week-label",
            &[
                ("week", self.fmt.number(f64::from(week), 0).into()),
                ("calendar", self.calendar().into()),
                ("year", self.fmt.year(year).into()),
            ],
        )
    }

    /// Quarter `quarter` (1–4) of `year`: en `Q3 2026`, fr `T3 2026`, ja `2026年第3四半期`,
    /// th `ไตรมาส 3/2569` (Buddhist).
    pub fn quarter_name(&self, year: i32, quarter: u32) -> String {
        self.text(
            "quarter-label",
            &[
                ("quarter", self.fmt.number(f64::from(quarter), 0).into()),
                ("calendar", self.calendar().into()),
                ("year", self.fmt.year(year).into()),
            ],
        )
    }

    /// The report's calendar for catalogs whose year words depend on it (ja `2026年` but
    /// `仏暦2569年`, where CLDR's Buddhist year already ends in 年).
    fn calendar(&self) -> &'static str {
        if self.fmt.buddhist() {
            "buddhist"
        } else {
            "gregorian"
        }
    }

    /// What a period is called in a sentence, a title or a chart legend: `October 2026`,
    /// `Week 42, 2026`, `Q3 2026`, or its dates.
    pub fn period_name(&self, kind: PeriodKind, start: NaiveDate, end: NaiveDate) -> String {
        match kind {
            PeriodKind::Month => self.fmt.month_year(start),
            PeriodKind::Quarter => self.quarter_name(start.year(), start.month0() / 3 + 1),
            PeriodKind::Week => {
                // A week starting on Saturday, Sunday or Monday holds the Wednesday of the ISO
                // week it is named after, three days in.
                let iso = (start + Duration::days(3)).iso_week();
                self.week_name(iso.year(), iso.week())
            }
            PeriodKind::MonthToDate | PeriodKind::Custom => self.fmt.date_range(start, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::locale::{CATALOGS, catalog_keys};
    use crate::period::Period;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn buddhist_reports_write_every_year_in_the_thai_solar_calendar() {
        let th = Locale::new("th-TH", true, BTreeMap::new());
        let q3 = Period::quarter(2026, 3);
        assert_eq!(th.period_name(q3.kind, q3.start, q3.end), "ไตรมาส 3/2569");
        let w43 = Period::week(2026, 43, chrono::Weekday::Mon);
        assert_eq!(
            th.period_name(w43.kind, w43.start, w43.end),
            "สัปดาห์ที่ 43 ปี 2569"
        );
        let oct = Period::month(2026, 10);
        assert_eq!(th.period_name(oct.kind, oct.start, oct.end), "ตุลาคม 2569");
        // The same client with the Gregorian calendar.
        let gregorian = Locale::new("th-TH", false, BTreeMap::new());
        assert_eq!(
            gregorian.period_name(q3.kind, q3.start, q3.end),
            "ไตรมาส 3/2026"
        );
    }

    /// Outside Thai a Buddhist year says its era as CLDR writes it in the language, so 2569 is
    /// never read as a Gregorian year; catalogs whose year word is in the era form (ja 年) do
    /// not repeat it.
    #[test]
    fn buddhist_years_outside_thai_carry_their_era() {
        let q3 = Period::quarter(2026, 3);
        let w43 = Period::week(2026, 43, chrono::Weekday::Mon);
        for (tag, quarter, week) in [
            ("en-TH", "Q3 2569 BE", "Week 43, 2569 BE"),
            ("de-DE", "Q3 2569 BE", "KW 43/2569 BE"),
            ("ja-JP", "仏暦2569年第3四半期", "仏暦2569年 第43週"),
        ] {
            let l = Locale::new(tag, true, BTreeMap::new());
            assert_eq!(l.period_name(q3.kind, q3.start, q3.end), quarter, "{tag}");
            assert_eq!(l.period_name(w43.kind, w43.start, w43.end), week, "{tag}");
        }
    }

    #[test]
    fn weeks_are_named_after_their_iso_week_whatever_day_they_start() {
        let en = Locale::new("en-US", false, BTreeMap::new());
        for start in [
            chrono::Weekday::Mon,
            chrono::Weekday::Sun,
            chrono::Weekday::Sat,
        ] {
            // ISO week 1 of 2027 starts on Monday 4 January 2027.
            let w = Period::week(2027, 1, start);
            assert_eq!(en.period_name(w.kind, w.start, w.end), "Week 1, 2027");
            let w = Period::week(2026, 53, start);
            assert_eq!(en.period_name(w.kind, w.start, w.end), "Week 53, 2026");
        }
        assert_eq!(
            en.period_name(PeriodKind::Custom, date("2026-10-01"), date("2026-10-15")),
            "Oct 1\u{2009}–\u{2009}15, 2026"
        );
    }

    /// Every language names weeks and quarters in its own words, from its own catalog.
    #[test]
    fn every_catalog_names_weeks_and_quarters_itself() {
        let expected: &[(&str, &str, &str)] = &[
            ("en", "Week 43, 2026", "Q3 2026"),
            ("th", "สัปดาห์ที่ 43 ปี 2026", "ไตรมาส 3/2026"),
            ("ja", "2026年 第43週", "2026年第3四半期"),
            ("id", "Minggu ke-43, 2026", "K3 2026"),
            ("tr", "2026 43. hafta", "2026 3. çeyrek"),
            ("it", "settimana 43 del 2026", "T3 2026"),
            ("de", "KW 43/2026", "Q3 2026"),
            ("fr", "semaine 43 de 2026", "T3 2026"),
            ("es", "semana 43 de 2026", "T3 2026"),
            ("pt", "semana 43 de 2026", "3º trimestre de 2026"),
            ("ar", "الأسبوع 43 من عام 2026", "الربع 3 من عام 2026"),
        ];
        assert_eq!(expected.len(), CATALOGS.len());
        for (lang, source) in CATALOGS {
            let keys = catalog_keys(source);
            for key in ["week-label", "quarter-label"] {
                assert!(keys.iter().any(|k| k == key), "catalog {lang} lacks {key}");
            }
            let (_, week, quarter) = expected
                .iter()
                .find(|(l, _, _)| l == lang)
                .unwrap_or_else(|| panic!("no expected labels for {lang}"));
            let l = Locale::new(lang, false, BTreeMap::new());
            assert_eq!(&l.week_name(2026, 43), week, "{lang}");
            assert_eq!(&l.quarter_name(2026, 3), quarter, "{lang}");
        }
        // Week and quarter numbers are written in the region's digits, as the year is.
        let eg = Locale::new("ar-EG", false, BTreeMap::new());
        assert_eq!(eg.week_name(2026, 43), "الأسبوع ٤٣ من عام ٢٠٢٦");
    }
}
