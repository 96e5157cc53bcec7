//! How a report writes values: the CLDR formats of [`super::cldr`] applied by unit, with the
//! choices a report makes (compact tiles, whole money above 1,000, signed changes).

use chrono::NaiveDate;

use super::cldr::LocaleFormats;
use crate::metrics::catalog::Unit;

/// A locale's formats, built once per report.
#[derive(Debug)]
pub struct Formats {
    cldr: LocaleFormats,
}

impl Formats {
    /// `buddhist` writes Thai solar years (2569 for 2026).
    pub fn new(tag: &str, buddhist: bool) -> Self {
        Formats {
            cldr: LocaleFormats::new(tag, buddhist),
        }
    }

    pub fn number(&self, v: f64, decimals: usize) -> String {
        self.cldr.number(v, decimals)
    }

    /// A fraction as a percentage: `0.1234` → `12.3%` (`12,3 %`, `%12,3`).
    pub fn percent(&self, fraction: f64, decimals: usize) -> String {
        self.cldr.percent(fraction, decimals)
    }

    /// A change with its sign: `+12.3%`, `-4.0%`; whole percent from 1,000 % up.
    pub fn signed_percent(&self, fraction: f64) -> String {
        let decimals = if fraction.abs() >= 10.0 { 0 } else { 1 };
        let p = self.percent(fraction, decimals);
        let zero = p.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if fraction > 0.0 && !zero {
            format!("+{p}")
        } else {
            p
        }
    }

    /// Short form for tiles: `12K`, `1.2M`, `1,2 Mio.`, `1.2万`.
    pub fn compact(&self, v: f64) -> String {
        if v.abs() < 10_000.0 {
            self.number(v, 0)
        } else {
            self.cldr.compact(v)
        }
    }

    /// Money in a currency: symbol, placement and digits per CLDR; whole units from 1,000 up.
    pub fn money(&self, v: f64, currency: &str, compact: bool) -> String {
        let decimals = if v.abs() >= 1000.0 { Some(0) } else { None };
        self.cldr
            .money(v, currency, decimals, compact && v.abs() >= 10_000.0)
    }

    /// Money with a set number of decimals (0 for round axis ticks).
    pub fn money_with(&self, v: f64, currency: &str, compact: bool, decimals: usize) -> String {
        self.cldr
            .money(v, currency, Some(decimals), compact && v.abs() >= 10_000.0)
    }

    /// A value by its unit, as shown in tiles and tables.
    pub fn value(&self, v: f64, unit: Unit, currency: &str, compact: bool) -> String {
        match unit {
            Unit::Count if compact => self.compact(v),
            Unit::Count => self.number(v, 0),
            Unit::Money => self.money(v, currency, compact),
            Unit::Ratio => self.percent(v, if v.abs() < 0.1 { 2 } else { 1 }),
            Unit::Number => self.number(v, if v.abs() >= 100.0 { 0 } else { 2 }),
            Unit::Rating => self.number(v, 2),
        }
    }

    /// `October 2026`, `2026年10月`, `ตุลาคม 2569`.
    pub fn month_year(&self, d: NaiveDate) -> String {
        self.cldr.month_year(d)
    }

    /// A day for chart axes: `Oct 1`, `1 Oct`, `10月1日`.
    pub fn short_date(&self, d: NaiveDate) -> String {
        self.cldr.short_date(d)
    }

    /// An inclusive range: `Oct 1 – 15, 2026`, `1–15 Oct 2026`.
    pub fn date_range(&self, a: NaiveDate, b: NaiveDate) -> String {
        self.cldr.date_range(a, b)
    }

    /// Upper case by the language's rules (Turkish `i` → `İ`).
    pub fn uppercase(&self, s: &str) -> String {
        self.cldr.uppercase(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_choices_on_top_of_cldr() {
        let en = Formats::new("en-US", false);
        assert_eq!(en.signed_percent(0.052), "+5.2%");
        assert_eq!(en.signed_percent(-0.04), "-4.0%");
        assert_eq!(en.signed_percent(0.0001), "0.0%");
        assert_eq!(en.signed_percent(15.0), "+1,500%");
        assert_eq!(en.compact(9_999.0), "9,999");
        assert_eq!(en.money(1234.5, "USD", false), "$1,235");
        assert_eq!(en.money(12.5, "USD", false), "$12.50");
        assert_eq!(en.value(0.0345, Unit::Ratio, "USD", true), "3.45%");
        let tr = Formats::new("tr-TR", false);
        assert_eq!(tr.signed_percent(0.125), "+%12,5");
        assert_eq!(tr.uppercase("istanbul"), "İSTANBUL");
        let th = Formats::new("th-TH", true);
        assert!(
            th.month_year(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
                .contains("2569")
        );
    }
}
