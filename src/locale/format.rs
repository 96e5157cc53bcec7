//! How a report writes values: the CLDR formats of [`super::cldr`] applied by unit, with the
//! choices a report makes (compact tiles, whole money above 1,000, signed changes).

use chrono::NaiveDate;

use super::cldr::LocaleFormats;
use crate::metrics::catalog::Unit;

/// Counts and money are written whole below this; compact (`262K`) from here, where tiles
/// need it.
const COMPACT_FROM: f64 = 100_000.0;
/// At most this many more fraction digits to tell a value from its comparison.
const MORE_DIGITS: usize = 3;

/// Rates below 10 % take two decimals (`3.45%`), others one (`58.4%`).
fn ratio_decimals(smallest: f64) -> usize {
    if smallest < 0.1 { 2 } else { 1 }
}

/// Plain numbers (ROAS, position) take two decimals below 100.
fn number_decimals(largest: f64) -> usize {
    if largest >= 100.0 { 0 } else { 2 }
}

/// A locale's formats, built once per report.
#[derive(Debug)]
pub struct Formats {
    cldr: LocaleFormats,
    /// A right-to-left language: signed figures and Latin currency symbols are isolated.
    rtl: bool,
}

impl Formats {
    /// `buddhist` writes Thai solar years (2569 for 2026).
    pub fn new(tag: &str, buddhist: bool) -> Self {
        Formats {
            cldr: LocaleFormats::new(tag, buddhist),
            rtl: super::is_rtl(tag),
        }
    }

    /// Right to left, a figure with its sign and percent sign reads as one left-to-right unit
    /// (`+١٢٫٣%`, never `%١٢٫٣+`): it is wrapped in a left-to-right isolate (U+2066…U+2069).
    fn ltr_unit(&self, s: String) -> String {
        if self.rtl {
            format!("\u{2066}{s}\u{2069}")
        } else {
            s
        }
    }

    /// Right to left, a Latin currency symbol (`US$`) is isolated so that its `$` stays after
    /// `US` (the bidi algorithm would otherwise draw `$US`).
    fn isolate_latin_symbol(&self, s: String) -> String {
        if !self.rtl || !s.chars().any(|c| c.is_ascii_alphabetic()) {
            return s;
        }
        let mut out = String::new();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                out.push('\u{2066}');
                out.push_str(word);
                out.push('\u{2069}');
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in s.chars() {
            if c.is_ascii_alphabetic() || (!word.is_empty() && matches!(c, '$' | '.' | '€' | '£'))
            {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
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
        self.ltr_unit(if fraction > 0.0 && !rounds_to_zero(&p) {
            plus_like_minus(&self.percent(-fraction, decimals), p)
        } else {
            p
        })
    }

    /// Short form for tiles: `12K`, `1.2M`, `1,2 Mio.`, `1.2万`.
    pub fn compact(&self, v: f64) -> String {
        if v.abs() < 10_000.0 {
            self.number(v, 0)
        } else {
            self.cldr.compact(v)
        }
    }

    /// The labels of an axis's ticks, all in one form: all compact in one unit (`50K`,
    /// `100K`) or all written out (`5,000`, `10,000`), with the same fraction digits
    /// (`2.5%`, `5.0%`), so that no axis reads "10K, 7,500, 5,000".
    pub fn axis_labels(&self, ticks: &[f64], unit: Unit, currency: &str) -> Vec<String> {
        let nonzero: Vec<f64> = ticks.iter().copied().filter(|v| *v != 0.0).collect();
        // The fraction digits that write every tick exactly in units of `scale`.
        let digits = |scale: f64| {
            (0..=3)
                .find(|&d| {
                    nonzero.iter().all(|v| {
                        let x = v / scale * 10f64.powi(d);
                        (x - x.round()).abs() < 1e-6 * x.abs().max(1.0)
                    })
                })
                .unwrap_or(3) as usize
        };
        let top = self.shared_compact_unit(ticks, unit);
        let compact = top.is_some();
        let top = top.unwrap_or(1.0);
        let d = match unit {
            _ if compact => digits(top),
            Unit::Ratio => digits(0.01),
            _ => digits(1.0),
        };
        ticks
            .iter()
            .map(|&v| match unit {
                Unit::Money if compact && v != 0.0 => self.cldr.money_compact_with(v, currency, d),
                Unit::Money => self.cldr.money(v, currency, Some(d), false),
                _ if compact && v != 0.0 => self.cldr.compact_with(v, d),
                _ if compact => self.number(0.0, 0),
                Unit::Ratio => self.percent(v, d),
                _ => self.number(v, d),
            })
            .collect()
    }

    /// The compact unit (`K`, `M`, `万`) every nonzero value of a set shares, for counts and
    /// money from 100,000 up; `None` when the set must be written out in full (one form for
    /// an axis or a chart, never "10K, 7,500, 5,000").
    fn shared_compact_unit(&self, values: &[f64], unit: Unit) -> Option<f64> {
        let largest = values.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        let top = self.cldr.compact_unit(largest);
        (matches!(unit, Unit::Count | Unit::Money)
            && largest >= COMPACT_FROM
            && top > 1.0
            && values
                .iter()
                .filter(|v| **v != 0.0)
                .all(|v| self.cldr.compact_unit(*v) == top))
        .then_some(top)
    }

    /// The value labels of one chart, in one form: all compact in one unit (`262K`, `95K`)
    /// or all written out (`1,234,567`, `95,162`), at one precision.
    pub fn value_labels(&self, values: &[f64], unit: Unit, currency: &str) -> Vec<String> {
        let compact = self.shared_compact_unit(values, unit).is_some();
        self.written(values, unit, currency, compact, 0)
    }

    /// Money in a currency: symbol, placement and digits per CLDR; whole units from 1,000 up.
    pub fn money(&self, v: f64, currency: &str, compact: bool) -> String {
        let decimals = if v.abs() >= 1000.0 { Some(0) } else { None };
        self.isolate_latin_symbol(self.cldr.money(
            v,
            currency,
            decimals,
            compact && v.abs() >= 10_000.0,
        ))
    }

    /// Money with a set number of decimals (0 for round axis ticks).
    pub fn money_with(&self, v: f64, currency: &str, compact: bool, decimals: usize) -> String {
        self.isolate_latin_symbol(self.cldr.money(
            v,
            currency,
            Some(decimals),
            compact && v.abs() >= 10_000.0,
        ))
    }

    /// A value by its unit, as shown in tiles and tables: whole numbers below 100,000, the
    /// compact form (`262K`, `₺4.6M`) from there when `compact`.
    pub fn value(&self, v: f64, unit: Unit, currency: &str, compact: bool) -> String {
        self.value_pair(v, None, unit, currency, compact).0
    }

    /// A value and the one it is compared with, written alike (the same unit and fraction
    /// digits: `₺4.6M vs ₺6.0M`), with more digits where fewer would make two different
    /// values look equal (`12.35K vs 12.34K`, never `12K vs 12K`).
    pub fn value_pair(
        &self,
        v: f64,
        previous: Option<f64>,
        unit: Unit,
        currency: &str,
        compact: bool,
    ) -> (String, Option<String>) {
        let pair: Vec<f64> = std::iter::once(v).chain(previous).collect();
        let mut out = self.written(&pair, unit, currency, compact, 0);
        for extra in 1..=MORE_DIGITS {
            if out.len() < 2 || out[0] != out[1] || previous == Some(v) {
                break;
            }
            out = self.written(&pair, unit, currency, compact, extra);
        }
        let mut out = out.into_iter();
        (out.next().unwrap_or_default(), out.next())
    }

    /// Values written alike: the same unit and fraction digits (`extra` more than a value
    /// of their size takes), compact when asked and the largest is 100,000 or more.
    fn written(
        &self,
        values: &[f64],
        unit: Unit,
        currency: &str,
        compact: bool,
        extra: usize,
    ) -> Vec<String> {
        let largest = values.iter().fold(0.0f64, |a, x| a.max(x.abs()));
        let smallest = values.iter().fold(f64::INFINITY, |a, x| a.min(x.abs()));
        let compact =
            compact && largest >= COMPACT_FROM && matches!(unit, Unit::Count | Unit::Money);
        let raw = |x: f64| match unit {
            _ if compact => {
                let decimals = self.compact_decimals(x, values) + extra;
                match unit {
                    Unit::Money => self.cldr.money_compact_with(x, currency, decimals),
                    _ => self.cldr.compact_with(x, decimals),
                }
            }
            Unit::Count => self.number(x, extra),
            Unit::Money if largest >= 1000.0 => self.cldr.money(x, currency, Some(extra), false),
            Unit::Money => self.cldr.money(x, currency, None, false),
            Unit::Ratio => self.percent(x, ratio_decimals(smallest) + extra),
            Unit::Number => self.number(x, number_decimals(largest) + extra),
            Unit::Rating => self.number(x, 2 + extra),
        };
        values
            .iter()
            .map(|&x| self.isolate_latin_symbol(raw(x)))
            .collect()
    }

    /// Fraction digits of `x` in the compact form: one below 10 of its unit (`4.6M`), none
    /// above (`262K`), and as many as the other value of the pair in the same unit takes.
    fn compact_decimals(&self, x: f64, pair: &[f64]) -> usize {
        let unit_of = |y: f64| self.cldr.compact_unit(y);
        let own = |y: f64| usize::from(y.abs() / unit_of(y) < 10.0);
        pair.iter()
            .filter(|&&y| unit_of(y) == unit_of(x))
            .map(|&y| own(y))
            .max()
            .unwrap_or_else(|| own(x))
    }

    /// A change of a rate in percentage points, signed, at the rates' own precision:
    /// `+0.4` (the caller adds the localized "pp"); 0.0056 → `+0.56` when both rates are
    /// written with two decimals.
    pub fn signed_points(&self, change: f64, rates: (f64, f64)) -> String {
        let decimals = ratio_decimals(rates.0.abs().min(rates.1.abs()));
        self.signed_change(change * 100.0, decimals)
    }

    /// A difference of two values of `unit` (a rating, a position), signed, at the values'
    /// precision: `+0.20`, `-1.30`.
    pub fn signed_difference(&self, change: f64, unit: Unit, values: (f64, f64)) -> String {
        let decimals = match unit {
            Unit::Number => number_decimals(values.0.abs().max(values.1.abs())),
            Unit::Ratio => return self.signed_points(change, values),
            _ => 2,
        };
        self.signed_change(change, decimals)
    }

    /// A change signed at `decimals`, with more digits where a change that is not zero
    /// would read as none beside two different values ("4.82 vs 4.83: 0.00" is `-0.004`).
    fn signed_change(&self, v: f64, decimals: usize) -> String {
        let mut out = self.signed_number(v, decimals);
        for extra in 1..=MORE_DIGITS {
            if v == 0.0 || !rounds_to_zero(&out) {
                break;
            }
            out = self.signed_number(v, decimals + extra);
        }
        out
    }

    /// `+1.5`, `-1.5`, `0.0`: a plus sign unless the number rounds to zero.
    pub fn signed_number(&self, v: f64, decimals: usize) -> String {
        let n = self.number(v, decimals);
        self.ltr_unit(if v > 0.0 && !rounds_to_zero(&n) {
            plus_like_minus(&self.number(-v, decimals), n)
        } else {
            n
        })
    }

    /// `October 2026`, `2026年10月`, `ตุลาคม 2569`.
    pub fn month_year(&self, d: NaiveDate) -> String {
        self.cldr.month_year(d)
    }

    /// `Oct 2026`, `Okt. 2026`, `ต.ค. 2569`: a month on a bar.
    pub fn month_year_short(&self, d: NaiveDate) -> String {
        self.cldr.month_year_short(d)
    }

    /// `Oct`, `10月`, `ต.ค.`: a month on a bar whose year is written under its group.
    pub fn month_short(&self, d: NaiveDate) -> String {
        self.cldr.month_short(d)
    }

    /// A year's number in the report's calendar: `2026`, `2569` (Buddhist). Every year a
    /// report writes outside CLDR date patterns goes through here.
    pub fn year(&self, year: i32) -> String {
        self.cldr.year(year)
    }

    /// Whether years are numbered in the Buddhist calendar.
    pub fn buddhist(&self) -> bool {
        self.cldr.buddhist()
    }

    /// A day for chart axes: `Oct 1`, `1 Oct`, `10月1日`.
    pub fn short_date(&self, d: NaiveDate) -> String {
        self.cldr.short_date(d)
    }

    /// The weekday's abbreviated name: `Mon`, `月`, `จันทร์`.
    pub fn weekday(&self, d: NaiveDate) -> String {
        self.cldr.weekday(d)
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

/// Whether a formatted number shows only zeros, in any digits (`0.0`, `٠٫٠`).
fn rounds_to_zero(formatted: &str) -> bool {
    formatted
        .chars()
        .filter(|c| c.is_numeric())
        .all(|c| matches!(c, '0' | '\u{0660}' | '\u{06F0}' | '\u{0E50}'))
}

/// A positive number signed as the locale signs the negative one: the minus of `negative`
/// (with the bidi marks CLDR puts around it, as in Arabic `؜-١٢٫٥`) becomes a plus; `+` before
/// `positive` when the negative has no minus sign to mirror.
fn plus_like_minus(negative: &str, positive: String) -> String {
    match negative.find(['-', '\u{2212}']) {
        Some(_) => negative.replacen(['-', '\u{2212}'], "+", 1),
        None => format!("+{positive}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn arabic_digits_follow_the_region_and_signs_stay_with_the_figure() {
        // CLDR: Egypt and Saudi Arabia write Arabic-Indic digits, the Emirates Latin ones.
        let eg = Formats::new("ar-EG", false);
        let ae = Formats::new("ar-AE", false);
        assert_eq!(eg.number(1234.5, 1), "١٬٢٣٤٫٥");
        assert_eq!(Formats::new("ar-SA", false).number(7.0, 0), "٧");
        assert_eq!(ae.number(1234.5, 1), "1,234.5");
        // A rise keeps its plus sign in any digits, isolated left to right with its percent.
        let up = eg.signed_percent(0.123);
        assert!(up.starts_with('\u{2066}') && up.contains('+'), "{up:?}");
        assert!(up.contains("١٢٫٣"), "{up:?}");
        assert!(
            eg.signed_number(1.5, 1).contains("+١٫٥"),
            "{:?}",
            eg.signed_number(1.5, 1)
        );
        assert!(!eg.signed_number(0.0, 1).contains('+'));
        // US$ stays US$ in a right-to-left line.
        let money = ae.money(12.5, "USD", false);
        assert!(money.contains("\u{2066}US$\u{2069}"), "{money:?}");
        // Left to right nothing changes.
        assert_eq!(Formats::new("en-US", false).signed_percent(0.123), "+12.3%");
    }

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
        assert_eq!(en.signed_points(-0.0056, (0.0106, 0.0162)), "-0.56");
        assert_eq!(en.signed_points(0.004, (0.21, 0.206)), "+0.4");
        assert_eq!(tr.signed_difference(0.2, Unit::Rating, (4.4, 4.2)), "+0,20");
        assert_eq!(
            en.signed_difference(-1.3, Unit::Number, (8.6, 9.9)),
            "-1.30"
        );
        assert_eq!(en.signed_number(0.0004, 2), "0.00");
        assert_eq!(tr.uppercase("istanbul"), "İSTANBUL");
        let th = Formats::new("th-TH", true);
        assert!(
            th.month_year(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap())
                .contains("2569")
        );
    }

    /// (value, previous, unit, currency, locale) → (value, vs) as a tile writes them.
    fn pair(tag: &str, v: f64, p: f64, unit: Unit, currency: &str) -> (String, String) {
        let (a, b) = Formats::new(tag, false).value_pair(v, Some(p), unit, currency, true);
        (a, b.unwrap())
    }

    #[test]
    fn a_value_and_its_comparison_never_look_equal_when_they_differ() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        // Whole numbers below 100,000: no "12K vs 13K" for a 2.3 % change.
        assert_eq!(
            pair("en-US", 12_345.0, 12_637.0, Unit::Count, "USD"),
            s("12,345", "12,637")
        );
        assert_eq!(
            pair("en-US", 17_234.0, 17_001.0, Unit::Count, "USD"),
            s("17,234", "17,001")
        );
        // The compact form with the same digits on both sides: not "₺4,6 Mn vs ₺6 Mn".
        assert_eq!(
            pair("tr-TR", 4_559_432.0, 5_960_000.0, Unit::Money, "TRY"),
            s("₺4,6\u{a0}Mn", "₺6,0\u{a0}Mn")
        );
        assert_eq!(
            pair("en-US", 261_961.0, 228_838.0, Unit::Count, "USD"),
            s("262K", "229K")
        );
        // More digits where the short form would hide the change.
        assert_eq!(
            pair("en-US", 1_234_500.0, 1_231_000.0, Unit::Count, "USD"),
            s("1.235M", "1.231M")
        );
        assert_eq!(
            pair("en-US", 12.401, 12.404, Unit::Number, "USD"),
            s("12.401", "12.404")
        );
        // Rates at one precision: not "9.50% vs 10.5%".
        assert_eq!(
            pair("en-US", 0.095, 0.105, Unit::Ratio, "USD"),
            s("9.50%", "10.50%")
        );
        // Equal values stay as they are.
        assert_eq!(
            pair("en-US", 5.0, 5.0, Unit::Rating, "USD"),
            s("5.00", "5.00")
        );
    }

    #[test]
    fn a_change_that_is_not_zero_never_reads_as_zero() {
        let en = Formats::new("en-US", false);
        // A rating of 4.824 against 4.828: "4.82 vs 4.83", so not "0.00".
        assert_eq!(
            en.signed_difference(-0.004, Unit::Rating, (4.824, 4.828)),
            "-0.004"
        );
        assert_eq!(en.signed_difference(0.2, Unit::Rating, (4.8, 4.6)), "+0.20");
        assert_eq!(en.signed_difference(0.0, Unit::Rating, (4.8, 4.8)), "0.00");
        // An engagement rate of 4.143 % against 4.139 %: +0.004 points.
        assert_eq!(en.signed_points(0.000_04, (0.041_43, 0.041_39)), "+0.004");
    }

    #[test]
    fn a_charts_value_labels_take_one_form() {
        let en = Formats::new("en-US", false);
        // Not "262K, 95,162, 8,400": one compact unit or every value in full.
        let one_unit = en.value_labels(&[261_961.0, 151_200.0, 8_400.0], Unit::Count, "USD");
        assert_eq!(one_unit, ["262.0K", "151.2K", "8.4K"]);
        let mixed = en.value_labels(&[1_261_961.0, 95_162.0, 0.0], Unit::Count, "USD");
        assert_eq!(mixed, ["1,261,961", "95,162", "0"]);
        let money = en.value_labels(&[12_345.5, 980.25], Unit::Money, "USD");
        assert_eq!(money, ["$12,346", "$980"]);
        let tr = Formats::new("tr-TR", false);
        let lira = tr.value_labels(&[4_559_432.0, 1_200_000.0], Unit::Money, "TRY");
        assert_eq!(lira, ["₺4,6\u{a0}Mn", "₺1,2\u{a0}Mn"]);
    }

    #[test]
    fn an_axis_writes_its_ticks_in_one_form() {
        let en = Formats::new("en-US", false);
        let full = en.axis_labels(&[0.0, 2500.0, 5000.0, 7500.0, 10000.0], Unit::Count, "USD");
        assert_eq!(full, ["0", "2,500", "5,000", "7,500", "10,000"]);
        let compact = en.axis_labels(&[0.0, 250e3, 500e3, 750e3], Unit::Count, "USD");
        assert_eq!(compact, ["0", "250K", "500K", "750K"]);
        let halves = en.axis_labels(&[0.0, 1.5e6, 3e6], Unit::Count, "USD");
        assert_eq!(halves, ["0", "1.5M", "3.0M"]);
        let rates = en.axis_labels(&[0.0, 0.025, 0.05, 0.075, 0.1], Unit::Ratio, "USD");
        assert_eq!(rates, ["0.0%", "2.5%", "5.0%", "7.5%", "10.0%"]);
        let money = en.axis_labels(&[0.0, 5000.0, 10000.0], Unit::Money, "USD");
        assert_eq!(money, ["$0", "$5,000", "$10,000"]);
        let ja = Formats::new("ja-JP", false);
        let man = ja.axis_labels(&[0.0, 500e3, 1e6, 1.5e6], Unit::Count, "JPY");
        assert_eq!(man, ["0", "50万", "100万", "150万"]);
    }
}
