//! Validated scalar values of the workspace file. Each checks itself while the YAML is read, so
//! a bad value is reported with the line and column where it stands.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

macro_rules! validated_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                $check(s).map(|()| Self(s.to_string()))
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(de::Error::custom)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

validated_string!(
    /// An identifier that becomes a file or folder name: `[a-z0-9][a-z0-9_-]*`, at most 64
    /// characters, so it can never escape the output folder.
    Slug,
    check_slug
);
validated_string!(
    /// A BCP 47 language tag such as `en-US`, `th-TH` or `pt-BR`.
    LocaleTag,
    check_locale
);
validated_string!(
    /// An ISO 4217 currency code such as `USD`.
    CurrencyCode,
    check_currency
);
validated_string!(
    /// A plain e-mail address (`name@example.com`); nothing that could break a mail header.
    EmailAddress,
    check_email
);

fn check_slug(s: &str) -> Result<(), String> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a valid id: expected lowercase letters, digits, '-' and '_' \
             (starting with a letter or digit, at most 64 characters), e.g. \"harbor-hotel\""
        ))
    }
}

fn check_locale(s: &str) -> Result<(), String> {
    let mut parts = s.split('-');
    let lang = parts.next().unwrap_or("");
    let ok = (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a locale: expected a language tag such as \"en-US\", \"th\" or \"pt-BR\""
        ))
    }
}

fn check_currency(s: &str) -> Result<(), String> {
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!(
            "{s:?} is not a currency: expected an ISO 4217 code such as \"USD\", \"EUR\" or \"THB\""
        ))
    }
}

fn check_email(s: &str) -> Result<(), String> {
    let bad = || {
        Err(format!(
            "{s:?} is not an e-mail address: expected name@example.com"
        ))
    };
    let Some((local, domain)) = s.split_once('@') else {
        return bad();
    };
    let forbidden = |c: char| c.is_control() || c.is_whitespace() || "<>()[],;:\"\\@".contains(c);
    if local.is_empty()
        || local.len() > 64
        || domain.len() < 3
        || !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.contains("..")
        || local.chars().any(forbidden)
        || domain
            .chars()
            .any(|c| !(c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return bad();
    }
    Ok(())
}

/// An IANA time zone such as `Asia/Bangkok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeZone(pub chrono_tz::Tz);

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<chrono_tz::Tz>().map(TimeZone).map_err(|_| {
            de::Error::custom(format!(
                "{s:?} is not a time zone: expected an IANA name such as \"Europe/Istanbul\" or \"UTC\""
            ))
        })
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.name())
    }
}

impl Default for TimeZone {
    fn default() -> Self {
        TimeZone(chrono_tz::UTC)
    }
}

/// The first day of a reporting week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
    Saturday,
}

impl WeekStart {
    pub fn weekday(self) -> Weekday {
        match self {
            Self::Monday => Weekday::Mon,
            Self::Sunday => Weekday::Sun,
            Self::Saturday => Weekday::Sat,
        }
    }
}

/// A local time of day written `HH:MM`, e.g. `06:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime(pub chrono::NaiveTime);

impl<'de> Deserialize<'de> for LocalTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        chrono::NaiveTime::parse_from_str(s.trim(), "%H:%M")
            .map(LocalTime)
            .map_err(|_| {
                serde::de::Error::custom(format!(
                    "{s:?} is not a time: expected HH:MM such as 06:00"
                ))
            })
    }
}

/// A wait written in hours or days, e.g. `12h` or `3d` (at most 60 days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wait(pub chrono::Duration);

impl std::str::FromStr for Wait {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let bad = || format!("{s:?} is not a wait: expected hours or days such as 12h or 3d");
        let (number, hours_each) = if let Some(n) = t.strip_suffix('d') {
            (n, 24)
        } else if let Some(n) = t.strip_suffix('h') {
            (n, 1)
        } else if t == "0" {
            ("0", 1)
        } else {
            return Err(bad());
        };
        let n: i64 = number.trim().parse().map_err(|_| bad())?;
        let hours = n
            .checked_mul(hours_each)
            .filter(|h| (0..=60 * 24).contains(h));
        hours
            .map(|h| Wait(chrono::Duration::hours(h)))
            .ok_or_else(|| format!("{s:?}: expected a wait from 0h to 60d"))
    }
}

impl<'de> Deserialize<'de> for Wait {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A day of the month that every month has (1–28).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOfMonth(pub u32);

impl<'de> Deserialize<'de> for DayOfMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u32::deserialize(d)?;
        if (1..=28).contains(&n) {
            Ok(DayOfMonth(n))
        } else {
            Err(serde::de::Error::custom(format!(
                "{n} is not a day every month has: expected 1 to 28"
            )))
        }
    }
}

/// What a date written with `format` looks like (1 October 2026, 07:00 UTC), or `None` when
/// chrono cannot write it (an unknown specifier). chrono's `format()`
/// panics in `Display` on such formats; this never does.
pub fn date_example(format: &str) -> Option<String> {
    use chrono::TimeZone as _;
    use std::fmt::Write;
    let items = chrono::format::StrftimeItems::new(format);
    // At UTC, so that formats with an offset (`%z`) can be written too.
    let naive = chrono::NaiveDate::from_ymd_opt(2026, 10, 1)?.and_hms_opt(7, 0, 0)?;
    let example = chrono::Utc.from_utc_datetime(&naive).fixed_offset();
    let mut text = String::new();
    write!(text, "{}", example.format_with_items(items)).ok()?;
    Some(text)
}

/// A `date_format` must be a chrono format that reads a whole date: 1 October 2026 written
/// with it must read back as 1 October 2026.
pub fn check_date_format(format: &str) -> Result<(), String> {
    use chrono::format::{Item, StrftimeItems};
    const EXPECTED: &str = "expected chrono specifiers such as %Y-%m-%d or %d/%m/%Y";
    if StrftimeItems::new(format).any(|i| matches!(i, Item::Error)) {
        // The first `%` whose specifier chrono refuses, with the character after it.
        let bad = format
            .char_indices()
            .filter(|&(_, c)| c == '%')
            .find_map(|(i, _)| {
                let spec: String = format[i..].chars().take(2).collect();
                let longest: String = format[i..].chars().take(4).collect();
                let refused = |s: &str| StrftimeItems::new(s).any(|i| matches!(i, Item::Error));
                (refused(&spec) && refused(&longest)).then_some(spec)
            });
        return Err(match bad {
            Some(spec) => format!("unknown specifier {spec} in {format:?}; {EXPECTED}"),
            None => format!("{format:?} is not a chrono date format; {EXPECTED}"),
        });
    }
    let Some(example) = date_example(format) else {
        return Err(format!(
            "{format:?} is not a chrono date format; {EXPECTED}"
        ));
    };
    let want = chrono::NaiveDate::from_ymd_opt(2026, 10, 1);
    // Read back as sources read dates (`sources::cell::DateReader`): a date, else a date-time.
    let read = chrono::NaiveDate::parse_from_str(&example, format)
        .ok()
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(&example, format)
                .ok()
                .map(|dt| dt.date())
        });
    if read != want {
        return Err(format!(
            "{format:?} does not read a whole date (1 October 2026 is written {example:?} and \
             cannot be read back): it needs a year, month and day; {EXPECTED}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_cannot_name_other_folders() {
        for ok in ["acme", "harbor-hotel", "a1_b2", "9lives"] {
            assert!(ok.parse::<Slug>().is_ok(), "{ok}");
        }
        for bad in [
            "",
            "..",
            "../x",
            "a/b",
            "Acme",
            "-x",
            "_x",
            "a b",
            "a.b",
            "ä",
            &"a".repeat(65),
        ] {
            assert!(bad.parse::<Slug>().is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_cannot_carry_headers() {
        assert!("ops@example.co.th".parse::<EmailAddress>().is_ok());
        for bad in [
            "a@b",
            "nobody",
            "a@b.com\r\nBcc: x@y.com",
            "a b@c.com",
            "<a@b.com>",
            "a@b.com,c@d.com",
            "a@.com",
            "a@b..com",
        ] {
            assert!(bad.parse::<EmailAddress>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn locales_and_currencies() {
        assert!("pt-BR".parse::<LocaleTag>().is_ok());
        assert!("th".parse::<LocaleTag>().is_ok());
        assert!("EN_us".parse::<LocaleTag>().is_err());
        assert!("JPY".parse::<CurrencyCode>().is_ok());
        assert!("yen".parse::<CurrencyCode>().is_err());
    }
}
