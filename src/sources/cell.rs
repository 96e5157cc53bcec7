//! Parsing of the numbers and dates found in real exports.

use chrono::{NaiveDate, NaiveDateTime};

/// Parses a number as spreadsheets and ad platforms export it: `1234.5`, `1,234.5`,
/// `"1 234,5"` (with `decimal = ','`), `-12`, `1e3`. Thousands groups must have three digits,
/// so `1,23` is rejected rather than read as 123.
pub fn parse_number(text: &str, decimal: char) -> Option<f64> {
    let t = text.trim();
    let finite = |v: &f64| v.is_finite();
    if decimal == '.'
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
    {
        // Plain numbers, including scientific notation such as 1e3.
        return t.parse::<f64>().ok().filter(finite);
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = body.split_once(decimal).unwrap_or((body, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let int = if digits(int) {
        int.to_string()
    } else {
        let sep = int.chars().find(|c| !c.is_ascii_digit())?;
        if sep == decimal || !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
            return None;
        }
        let groups: Vec<&str> = int.split(sep).collect();
        let grouped = groups.iter().all(|g| digits(g))
            && (1..=3).contains(&groups[0].len())
            && !groups[0].starts_with('0')
            && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
        groups.concat()
    };
    let sign = if negative { "-" } else { "" };
    format!("{sign}{int}.{frac}0")
        .parse::<f64>()
        .ok()
        .filter(finite)
}

/// Parses a date with an explicit chrono format, or by default `2026-10-01` or `20261001`
/// (GA4). Formats with a time part (`%Y-%m-%dT%H:%M:%S`) keep the date.
pub fn parse_date(text: &str, format: Option<&str>) -> Option<NaiveDate> {
    let t = text.trim();
    if format.is_none()
        && let Some(date) = iso_date(t.as_bytes())
    {
        return Some(date);
    }
    match format {
        Some(f) => NaiveDate::parse_from_str(t, f)
            .ok()
            .or_else(|| NaiveDateTime::parse_from_str(t, f).ok().map(|dt| dt.date())),
        None => NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().or_else(|| {
            (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| NaiveDate::parse_from_str(t, "%Y%m%d").ok())
                .flatten()
        }),
    }
}

/// `2026-10-01` or `20261001` read digit by digit: every row of a file is dated, and chrono's
/// format-driven parser was 5 % of a report's CPU time.
fn iso_date(t: &[u8]) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| {
        t[range].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let (y, m, d) = match t.len() {
        10 if t[4] == b'-' && t[7] == b'-' => (digits(0..4)?, digits(5..7)?, digits(8..10)?),
        8 => (digits(0..4)?, digits(4..6)?, digits(6..8)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_exports_write_them() {
        let cases = [
            ("1234", '.', Some(1234.0)),
            (" 1,234.50 ", '.', Some(1234.5)),
            ("1,234,567", '.', Some(1234567.0)),
            ("-12.5", '.', Some(-12.5)),
            ("+3", '.', Some(3.0)),
            (".5", '.', Some(0.5)),
            ("1e3", '.', Some(1000.0)),
            ("1 234,5", ',', Some(1234.5)),
            ("1.234.567,89", ',', Some(1234567.89)),
            ("1\u{a0}234", ',', Some(1234.0)),
            ("12,5", ',', Some(12.5)),
            ("1,23", '.', None),
            ("12,34,567", '.', None),
            ("1.234", ',', Some(1234.0)),
            ("0.500", ',', None),
            ("0,250", '.', None),
            ("0,5", ',', Some(0.5)),
            ("abc", '.', None),
            ("", '.', None),
            ("-", '.', None),
            ("inf", '.', None),
            ("NaN", '.', None),
            ("1e999", '.', None),
            ("12x", '.', None),
            ("1.2.3", '.', None),
            ("$12", '.', None),
        ];
        for (text, dec, want) in cases {
            assert_eq!(
                parse_number(text, dec),
                want,
                "{text:?} with decimal {dec:?}"
            );
        }
    }

    #[test]
    fn dates_in_iso_ga4_and_custom_formats() {
        let oct1 = NaiveDate::from_ymd_opt(2026, 10, 1);
        assert_eq!(parse_date("2026-10-01", None), oct1);
        assert_eq!(parse_date("20261001", None), oct1);
        assert_eq!(parse_date("01/10/2026", Some("%d/%m/%Y")), oct1);
        assert_eq!(
            parse_date("2026-10-01T07:00:00", Some("%Y-%m-%dT%H:%M:%S")),
            oct1
        );
        assert_eq!(parse_date("2026-02-30", None), None);
        assert_eq!(
            parse_date(" 2026-10-31\t", None),
            NaiveDate::from_ymd_opt(2026, 10, 31)
        );
        assert_eq!(
            parse_date("2024-02-29", None),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        for bad in [
            "2026-13-01",
            "20261301",
            "2026-10-0a",
            "2026/10/01",
            "2026-10-001",
        ] {
            assert_eq!(parse_date(bad, None), None, "{bad}");
        }
        assert_eq!(parse_date("10/01/2026", None), None);
        assert_eq!(parse_date("2026101", None), None);
    }
}
