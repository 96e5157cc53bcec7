//! Parsing of the numbers and dates found in real exports.

use chrono::NaiveDate;
use chrono::format::{Item, Parsed, StrftimeItems};

/// Parses a number as spreadsheets and ad platforms export it: `1234.5`, `1,234.5`,
/// `"1 234,5"` (with `decimal = ','`), `-12`, `1e3`. Thousands groups must have three digits,
/// so `1,23` is rejected rather than read as 123.
pub fn parse_number(text: &str, decimal: char) -> Option<f64> {
    let t = trim(text);
    // Most cells: counts and amounts of at most 15 digits, without the float parser.
    if let Some(v) = plain_decimal(t, decimal as u8) {
        return Some(v);
    }
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
    if !digits(int) {
        let sep = int.chars().find(|c| !c.is_ascii_digit())?;
        if sep == decimal || !matches!(sep, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'') {
            return None;
        }
        let mut groups = int.split(sep);
        let first = groups.next().unwrap_or_default();
        let grouped = digits(first)
            && (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && groups.all(|g| g.len() == 3 && digits(g));
        if !grouped {
            return None;
        }
    }
    // Rebuilt as `-123456.50`: the integer's digits without their separators (a row's cells are
    // read by the hundred thousand, so on the stack unless the number is very long).
    let len = usize::from(negative) + int.len() + 1 + frac.len() + 1;
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let buf: &mut [u8] = if len <= stack.len() {
        &mut stack
    } else {
        heap.resize(len, 0);
        &mut heap
    };
    let mut n = 0;
    let bytes = negative
        .then_some(b'-')
        .into_iter()
        .chain(int.bytes().filter(u8::is_ascii_digit))
        .chain(std::iter::once(b'.'))
        .chain(frac.bytes())
        .chain(std::iter::once(b'0'));
    for b in bytes {
        buf[n] = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n])
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(finite)
}

/// A number of at most 15 digits, an optional `-` and at most one `point` (`1234`, `-12.50`):
/// the integer of its digits divided by a power of ten. Both are exact in an f64, so the one
/// rounding of the division gives what the float parser gives (Clinger's fast path).
fn plain_decimal(t: &str, point: u8) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (mut m, mut digits, mut scale, mut pointed) = (0u64, 0, 0, false);
    for b in body.bytes() {
        match b {
            b'0'..=b'9' if digits < 15 => {
                m = m * 10 + u64::from(b - b'0');
                digits += 1;
                scale += usize::from(pointed);
            }
            _ if b == point && !pointed => pointed = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let v = m as f64 / POWERS[scale];
    Some(if negative { -v } else { v })
}

/// `str::trim`, without decoding characters when the text starts and ends with a printable
/// ASCII character (nearly every cell).
pub fn trim(text: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    let bytes = text.as_bytes();
    if printable(bytes.first()) && printable(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// How a source's dates are read, prepared once per file: by default `2026-10-01` or
/// `20261001` (GA4); else a chrono format (`%d/%m/%Y`), whose items are parsed once. Formats
/// with a time part (`%Y-%m-%dT%H:%M:%S`) keep the date.
pub struct DateReader<'f> {
    format: Option<Format<'f>>,
    /// The last text read and its date: a file's rows come day by day, several a day.
    last: std::cell::RefCell<(String, Option<NaiveDate>)>,
}

struct Format<'f> {
    /// `None` for a format chrono cannot read: no date is read with it.
    items: Option<Vec<Item<'f>>>,
    /// A format of `%Y`, `%m`, `%d` (once each) and separators, read digit by digit first.
    fixed: Option<Vec<Part>>,
}

/// A piece of a fixed-width format: four-digit year, two-digit month or day, or one byte.
#[derive(Clone, Copy)]
enum Part {
    Year,
    Month,
    Day,
    Literal(u8),
}

impl<'f> DateReader<'f> {
    pub fn new(format: Option<&'f str>) -> Self {
        DateReader {
            format: format.map(|f| Format {
                items: StrftimeItems::new(f).parse().ok(),
                fixed: fixed_parts(f),
            }),
            last: std::cell::RefCell::new((String::new(), None)),
        }
    }

    pub fn read(&self, text: &str) -> Option<NaiveDate> {
        let t = trim(text);
        let mut last = self.last.borrow_mut();
        if last.1.is_some() && last.0 == t {
            return last.1;
        }
        let date = self.read_trimmed(t);
        if date.is_some() {
            last.0.clear();
            last.0.push_str(t);
            last.1 = date;
        }
        date
    }

    fn read_trimmed(&self, t: &str) -> Option<NaiveDate> {
        let Some(format) = &self.format else {
            return iso_date(t.as_bytes()).or_else(|| {
                NaiveDate::parse_from_str(t, "%Y-%m-%d").ok().or_else(|| {
                    (t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| NaiveDate::parse_from_str(t, "%Y%m%d").ok())
                        .flatten()
                })
            });
        };
        // Only an accelerator: what it reads, chrono reads the same; what it cannot, chrono
        // tries (`1/10/2026` under `%d/%m/%Y`, say).
        if let Some(date) = format.fixed.as_deref().and_then(|p| fixed_date(p, t)) {
            return Some(date);
        }
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, t, format.items.as_ref()?.iter()).ok()?;
        parsed.to_naive_date().ok().or_else(|| {
            parsed
                .to_naive_datetime_with_offset(0)
                .ok()
                .map(|dt| dt.date())
        })
    }
}

/// `format` as fixed-width parts, when it is only `%Y`, `%m`, `%d` (once each) and ASCII
/// separators other than spaces (which chrono reads as any run of white space).
fn fixed_parts(format: &str) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    let mut bytes = format.bytes();
    while let Some(b) = bytes.next() {
        parts.push(match b {
            b'%' => match bytes.next()? {
                b'Y' => Part::Year,
                b'm' => Part::Month,
                b'd' => Part::Day,
                _ => return None,
            },
            b if b.is_ascii_graphic() => Part::Literal(b),
            _ => return None,
        });
    }
    let once = |want: fn(&Part) -> bool| parts.iter().filter(|p| want(p)).count() == 1;
    (once(|p| matches!(p, Part::Year))
        && once(|p| matches!(p, Part::Month))
        && once(|p| matches!(p, Part::Day)))
    .then_some(parts)
}

fn fixed_date(parts: &[Part], t: &str) -> Option<NaiveDate> {
    let mut rest = t.as_bytes();
    let mut take = |n: usize| {
        let (head, tail) = rest.split_at_checked(n)?;
        rest = tail;
        Some(head)
    };
    let (mut y, mut m, mut d) = (0, 0, 0);
    for part in parts {
        match *part {
            Part::Year => y = digits(take(4)?)?,
            Part::Month => m = digits(take(2)?)?,
            Part::Day => d = digits(take(2)?)?,
            Part::Literal(b) => (take(1)? == [b]).then_some(())?,
        }
    }
    if !rest.is_empty() {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn digits(t: &[u8]) -> Option<u32> {
    t.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// `2026-10-01` or `20261001` read digit by digit: every row of a file is dated, and chrono's
/// format-driven parser was 5 % of a report's CPU time.
fn iso_date(t: &[u8]) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| digits(&t[range]);
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

    /// Numbers read without the float parser are the float parser's, bit for bit, with
    /// either decimal separator; what is not such a number is left to the full reading.
    #[test]
    fn plain_decimals_are_the_float_parsers() {
        let mut rng = fastrand::Rng::with_seed(19);
        for _ in 0..200_000 {
            let digits: String = (0..rng.usize(0..18))
                .map(|_| char::from(b'0' + rng.u8(0..10)))
                .collect();
            let at = rng.usize(0..=digits.len());
            let mut text = if rng.bool() {
                "-".to_string()
            } else {
                String::new()
            };
            text.push_str(&digits[..at]);
            if rng.u8(0..4) > 0 {
                text.push('.');
            }
            text.push_str(&digits[at..]);
            let parsed = text.parse::<f64>().ok();
            let plain = plain_decimal(&text, b'.');
            if plain.is_some() || digits.len() <= 15 {
                assert_eq!(plain.map(f64::to_bits), parsed.map(f64::to_bits), "{text}");
            }
            let comma = text.replace('.', ",");
            assert_eq!(plain_decimal(&comma, b','), plain, "{comma}");
            assert_eq!(
                parse_number(&comma, ',').map(f64::to_bits),
                parsed.map(f64::to_bits),
                "{comma}"
            );
        }
        for text in [
            "", "-", ".", "-.", "1.2.3", "+1", "1e3", "1,234", " 7", "１",
        ] {
            assert_eq!(plain_decimal(text, b'.'), None, "{text}");
        }
    }

    /// The quick trim is `str::trim`.
    #[test]
    fn trim_is_strs() {
        for text in [
            "",
            " ",
            "a",
            " a ",
            "a\u{a0}",
            "\u{3000}a",
            "\x01a",
            "a\t",
            "é",
            "a b",
            "~",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn numbers_as_exports_write_them() {
        let cases = [
            ("1234", '.', Some(1234.0)),
            ("0", ',', Some(0.0)),
            (" 000123\t", ',', Some(123.0)),
            ("999999999999999", '.', Some(999_999_999_999_999.0)),
            ("1234567890123456", '.', Some(1_234_567_890_123_456.0)),
            ("1234567890123456", ',', Some(1_234_567_890_123_456.0)),
            (
                "18446744073709551616",
                '.',
                Some(18_446_744_073_709_551_616.0),
            ),
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

    fn parse_date(text: &str, format: Option<&str>) -> Option<NaiveDate> {
        DateReader::new(format).read(text)
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

    /// The digit-by-digit reading of simple formats reads what chrono reads, and nothing else.
    #[test]
    fn a_simple_format_reads_as_chrono_reads_it() {
        let chrono = |t: &str, f: &str| {
            let t = t.trim();
            NaiveDate::parse_from_str(t, f).ok().or_else(|| {
                chrono::NaiveDateTime::parse_from_str(t, f)
                    .ok()
                    .map(|dt| dt.date())
            })
        };
        let formats = [
            "%d/%m/%Y",
            "%m/%d/%Y",
            "%Y/%m/%d",
            "%d.%m.%Y",
            "%Y%m%d",
            "%d-%m-%Y",
            "%Y-%m-%d",
            "%Y-%m-%dT%H:%M:%S",
            "%d %m %Y",
            "%Y-%m",
            "%d/%m/%y",
            "%Y/%m/%d/%d",
            "%b %d, %Y",
        ];
        let texts = [
            "01/10/2026",
            "1/10/2026",
            "10/01/2026",
            "31/02/2026",
            "2026/10/01",
            "2026/1/1",
            "01.10.2026",
            "20261001",
            "01-10-2026",
            "2026-10-01",
            "2026-10-01T07:00:00",
            "01 10 2026",
            "01  10 2026",
            "2026-10",
            "01/10/26",
            "2026/10/01/01",
            "Oct 01, 2026",
            " 01/10/2026 ",
            "01/10/2026x",
            "0a/10/2026",
            "+2026/10/01",
            "01/13/2026",
            "",
            "/",
            "01/10/20266",
            "١٠/٠١/٢٠٢٦",
        ];
        for f in formats {
            let reader = DateReader::new(Some(f));
            for t in texts {
                assert_eq!(reader.read(t), chrono(t, f), "{t:?} read with {f:?}");
            }
        }
    }
}
