//! Number, money, percent and date formats.

use chrono::{Datelike, NaiveDate};

use crate::metrics::catalog::Unit;

/// How a locale writes numbers.
#[derive(Debug, Clone)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: char,
    /// `%` after the number with a space (`12,5 %`), after it (`12.5%`), or before it (`%12,5`).
    percent: PercentPlacement,
    /// `1.234 €` rather than `€1,234`.
    currency_after: bool,
}

#[derive(Debug, Clone, Copy)]
enum PercentPlacement {
    After,
    AfterSpaced,
    Before,
}

/// CLDR's minus sign for the shipped locales: the hyphen-minus (brand fonts all have it).
const MINUS: char = '-';
const NBSP: char = '\u{a0}';

impl NumberStyle {
    pub fn for_tag(tag: &str) -> Self {
        let lang = tag.split(['-', '_']).next().unwrap_or("en");
        let (decimal, group, percent) = match lang {
            "de" | "it" | "id" | "es" | "pt" | "nl" | "da" => {
                (',', '.', PercentPlacement::AfterSpaced)
            }
            "tr" => (',', '.', PercentPlacement::Before),
            "fr" => (',', '\u{202f}', PercentPlacement::AfterSpaced),
            _ => ('.', ',', PercentPlacement::After),
        };
        let percent = match (lang, percent) {
            ("it" | "id" | "pt" | "nl", _) => PercentPlacement::After,
            (_, p) => p,
        };
        let currency_after = matches!(lang, "de" | "it" | "es" | "fr" | "nl" | "da");
        NumberStyle {
            decimal,
            group,
            percent,
            currency_after,
        }
    }

    /// `1234567.891` with 2 decimals → `1,234,567.89`.
    pub fn number(&self, v: f64, decimals: usize) -> String {
        // Half away from zero, as people round (format! alone rounds half to even).
        let scale = 10f64.powi(decimals as i32);
        let text = format!("{:.*}", decimals, (v.abs() * scale).round() / scale);
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        let negative = v < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
        if negative {
            out.push(MINUS);
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }

    /// A fraction as a percentage: `0.1234` → `12.3%`.
    pub fn percent(&self, fraction: f64, decimals: usize) -> String {
        let n = self.number(fraction * 100.0, decimals);
        match self.percent {
            PercentPlacement::After => format!("{n}%"),
            PercentPlacement::AfterSpaced => format!("{n}{NBSP}%"),
            PercentPlacement::Before => match n.strip_prefix(MINUS) {
                Some(rest) => format!("{MINUS}%{rest}"),
                None => format!("%{n}"),
            },
        }
    }

    /// A change with its sign: `+12.3%`, `-4.0%`.
    pub fn signed_percent(&self, fraction: f64) -> String {
        let decimals = if fraction.abs() >= 10.0 { 0 } else { 1 };
        let p = self.percent(fraction, decimals);
        if fraction > 0.0 && !p.starts_with(MINUS) {
            format!("+{p}")
        } else {
            p
        }
    }

    /// Short form for tiles: `12.3K`, `1.2M`, `3.4B`.
    pub fn compact(&self, v: f64) -> String {
        let a = v.abs();
        let (scaled, suffix) = if a >= 1e9 {
            (v / 1e9, "B")
        } else if a >= 1e6 {
            (v / 1e6, "M")
        } else if a >= 1e4 {
            (v / 1e3, "K")
        } else {
            return self.number(v, 0);
        };
        let decimals = if scaled.abs() >= 100.0 { 0 } else { 1 };
        format!("{}{suffix}", self.number(scaled, decimals))
    }

    /// Money in a currency: symbol, placement and decimals by currency.
    pub fn money(&self, v: f64, currency: &str, compact: bool) -> String {
        let (_, decimals) = currency_symbol(currency);
        let decimals = if v.abs() >= 1000.0 { 0 } else { decimals };
        self.money_with(v, currency, compact, decimals)
    }

    /// Money with a set number of decimals (e.g. 0 for round axis ticks).
    pub fn money_with(&self, v: f64, currency: &str, compact: bool, decimals: usize) -> String {
        let (symbol, _) = currency_symbol(currency);
        let body = if compact && v.abs() >= 1e4 {
            self.compact(v)
        } else {
            self.number(v, decimals)
        };
        let (sign, body) = match body.strip_prefix(MINUS) {
            Some(rest) => (MINUS.to_string(), rest.to_string()),
            None => (String::new(), body),
        };
        if self.currency_after {
            format!("{sign}{body}{NBSP}{symbol}")
        } else if symbol.chars().count() > 1 && symbol.chars().any(char::is_alphabetic) {
            format!("{sign}{symbol}{NBSP}{body}")
        } else {
            format!("{sign}{symbol}{body}")
        }
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
}

/// The currency's symbol and its usual number of decimals.
fn currency_symbol(code: &str) -> (&str, usize) {
    match code {
        "USD" => ("$", 2),
        "EUR" => ("€", 2),
        "GBP" => ("£", 2),
        "JPY" => ("¥", 0),
        "THB" => ("฿", 2),
        "TRY" => ("₺", 2),
        "IDR" => ("Rp", 0),
        "BRL" => ("R$", 2),
        "INR" => ("₹", 2),
        "KRW" => ("₩", 0),
        "VND" => ("₫", 0),
        other => (other, 2),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English dates; localized calendars come with the locale catalogs.
pub fn month_year(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

pub fn short_date(d: NaiveDate) -> String {
    format!("{} {}", &MONTHS[d.month0() as usize][..3], d.day())
}

/// `Oct 1 – 15, 2026`, `Sep 28 – Oct 4, 2026`, `Dec 29, 2025 – Jan 4, 2026`.
pub fn date_range(a: NaiveDate, b: NaiveDate) -> String {
    if a.year() != b.year() {
        format!(
            "{}, {} – {}, {}",
            short_date(a),
            a.year(),
            short_date(b),
            b.year()
        )
    } else if a.month() == b.month() {
        format!("{} – {}, {}", short_date(a), b.day(), b.year())
    } else {
        format!("{} – {}, {}", short_date(a), short_date(b), b.year())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_numbers_money_and_percent() {
        let en = NumberStyle::for_tag("en-US");
        assert_eq!(en.number(1234567.891, 2), "1,234,567.89");
        assert_eq!(en.number(-12.0, 0), "-12");
        assert_eq!(en.number(-0.001, 1), "0.0");
        assert_eq!(en.percent(0.1234, 1), "12.3%");
        assert_eq!(en.signed_percent(0.052), "+5.2%");
        assert_eq!(en.signed_percent(-0.04), "-4.0%");
        assert_eq!(en.compact(12_345.0), "12.3K");
        assert_eq!(en.compact(1_234_567.0), "1.2M");
        assert_eq!(en.money(1234.5, "USD", false), "$1,235");
        assert_eq!(en.money(12.5, "USD", false), "$12.50");
        assert_eq!(en.money(1500.0, "JPY", false), "¥1,500");
        assert_eq!(en.money(25_000_000.0, "IDR", true), "Rp\u{a0}25.0M");
    }

    #[test]
    fn comma_decimal_locales() {
        let it = NumberStyle::for_tag("it-IT");
        assert_eq!(it.number(1234.5, 1), "1.234,5");
        assert_eq!(it.money(1234.0, "EUR", false), "1.234\u{a0}€");
        assert_eq!(it.percent(0.125, 1), "12,5%");
        let tr = NumberStyle::for_tag("tr-TR");
        assert_eq!(tr.percent(0.125, 1), "%12,5");
        assert_eq!(tr.money(1234.0, "TRY", false), "₺1.234");
        let de = NumberStyle::for_tag("de-DE");
        assert_eq!(de.percent(0.125, 1), "12,5\u{a0}%");
    }

    #[test]
    fn date_ranges() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            date_range(d("2026-10-01"), d("2026-10-15")),
            "Oct 1 – 15, 2026"
        );
        assert_eq!(
            date_range(d("2026-09-28"), d("2026-10-04")),
            "Sep 28 – Oct 4, 2026"
        );
        assert_eq!(
            date_range(d("2025-12-29"), d("2026-01-04")),
            "Dec 29, 2025 – Jan 4, 2026"
        );
        assert_eq!(month_year(d("2026-10-01")), "October 2026");
    }
}
