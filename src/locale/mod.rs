//! Words, numbers, money and dates in the client's language.
//!
//! Messages come from Fluent catalogs (`catalogs/<lang>.ftl`, English is the reference); a brand
//! may replace any message. Number and date formats follow the locale's conventions.

pub mod breaks;
pub mod cldr;
mod dimension_values;
pub mod format;
mod periods;
pub mod phrasing;
pub mod territory;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use format::Formats;

/// The catalogs built into the binary: (language, source).
pub const CATALOGS: &[(&str, &str)] = &[
    ("en", include_str!("catalogs/en.ftl")),
    ("th", include_str!("catalogs/th.ftl")),
    ("ja", include_str!("catalogs/ja.ftl")),
    ("id", include_str!("catalogs/id.ftl")),
    ("tr", include_str!("catalogs/tr.ftl")),
    ("it", include_str!("catalogs/it.ftl")),
    ("de", include_str!("catalogs/de.ftl")),
    ("fr", include_str!("catalogs/fr.ftl")),
    ("es", include_str!("catalogs/es.ftl")),
    ("pt", include_str!("catalogs/pt.ftl")),
    ("ar", include_str!("catalogs/ar.ftl")),
];

/// Languages written right to left; their reports are mirrored (HTML `dir="rtl"`, PDF pages
/// laid out from the right).
pub fn is_rtl(tag: &str) -> bool {
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    matches!(language, "ar" | "he" | "fa" | "ur")
}

/// A client's locale: its messages and formats.
pub struct Locale {
    pub tag: String,
    bundle: FluentBundle<&'static FluentResource>,
    fallback: FluentBundle<&'static FluentResource>,
    overrides: BTreeMap<String, String>,
    /// Numbers, money, percentages and dates in this locale.
    pub fmt: Formats,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("tag", &self.tag).finish()
    }
}

/// The built-in catalogs, each parsed once per process: a batch builds a locale for every
/// report, and parsing two catalogs each time was a few percent of a report's time.
fn parsed(catalog: usize) -> &'static FluentResource {
    static PARSED: [OnceLock<FluentResource>; CATALOGS.len()] =
        [const { OnceLock::new() }; CATALOGS.len()];
    PARSED[catalog].get_or_init(|| {
        FluentResource::try_new(CATALOGS[catalog].1.to_string()).expect("built-in catalog parses")
    })
}

fn bundle(lang: &LanguageIdentifier, catalog: usize) -> FluentBundle<&'static FluentResource> {
    let resource = parsed(catalog);
    let mut b = FluentBundle::new(vec![lang.clone()]);
    b.set_use_isolating(false);
    b.add_resource(resource).expect("no duplicate messages");
    phrasing::add_functions(&mut b, &lang.to_string());
    b
}

impl Locale {
    /// The locale for a BCP 47 tag; unknown languages read English messages with their own
    /// number conventions where known. `overrides` are a brand's replacement messages.
    pub fn new(tag: &str, buddhist_calendar: bool, overrides: BTreeMap<String, String>) -> Locale {
        let lang: LanguageIdentifier = tag.parse().unwrap_or_default();
        let en: LanguageIdentifier = "en".parse().expect("en");
        let catalog = CATALOGS
            .iter()
            .position(|(l, _)| *l == lang.language.as_str())
            .unwrap_or(0);
        let fmt = Formats::new(tag, buddhist_calendar);
        let mut own = bundle(&lang, catalog);
        if fmt.number(0.0, 0) == "\u{0660}" {
            // Counts in messages ("2 من أصل 3") in the digits of the report's numbers.
            own.set_formatter(Some(arabic_indic_count));
        }
        Locale {
            tag: tag.to_string(),
            bundle: own,
            fallback: bundle(&en, 0),
            overrides,
            fmt,
        }
    }

    /// A message with arguments; a brand's wording wins over the catalog.
    pub fn text(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        if let Some(text) = self.overrides.get(key) {
            return fill(text, args);
        }
        for b in [&self.bundle, &self.fallback] {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b
                    .format_pattern(pattern, Some(&fargs), &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    /// The brand's replacement for `key` in this language, if it has one (e.g. `brand-footer`
    /// for a translated footer line).
    pub fn override_of(&self, key: &str) -> Option<String> {
        self.overrides.get(key).cloned()
    }

    /// A message without arguments.
    pub fn t(&self, key: &str) -> String {
        self.text(key, &[])
    }

    /// A message as the English catalog has it, for matching text an agency may write in
    /// English whatever the report's language.
    pub fn english(&self, key: &str) -> Option<String> {
        let pattern = self.fallback.get_message(key)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.fallback
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    }
}

/// A number argument of a message in Arabic-Indic digits (ar-EG, ar-SA: `٣`).
fn arabic_indic_count<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(
            n.as_string()
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
                    '.' => '\u{066B}',
                    _ => c,
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Brand wording: plain text whose `{ $name }` placeholders take the values of `args`.
pub fn fill(text: &str, args: &[(&str, FluentValue)]) -> String {
    let mut out = text.to_string();
    for (k, v) in args {
        let value = match v {
            FluentValue::String(s) => s.to_string(),
            FluentValue::Number(n) => n.value.to_string(),
            _ => String::new(),
        };
        out = out
            .replace(&format!("{{ ${k} }}"), &value)
            .replace(&format!("{{${k}}}"), &value);
    }
    out
}

/// Text a report in `tag` may show that is not in the data: every message of its catalog,
/// month names and a money amount in `currency`. Used to check that a brand's fonts can draw
/// the language.
pub fn sample_text(tag: &str, currency: &str, buddhist_calendar: bool) -> String {
    let language = tag.split('-').next().unwrap_or(tag);
    let catalog = CATALOGS
        .iter()
        .find(|(l, _)| *l == language)
        .map_or(CATALOGS[0].1, |(_, s)| s);
    let mut text: String = catalog
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(_, v)| v).or(Some(l)))
        .collect::<Vec<_>>()
        .join(" ");
    let formats = Formats::new(tag, buddhist_calendar);
    for month in 1..=12 {
        let d = chrono::NaiveDate::from_ymd_opt(2026, month, 1).expect("valid date");
        text.push(' ');
        text.push_str(&formats.month_year(d));
        text.push(' ');
        text.push_str(&formats.short_date(d));
    }
    text.push(' ');
    text.push_str(&formats.money(-1234.5, currency, false));
    text.push_str(&formats.percent(-0.5, 1));
    text
}

/// Message keys of a catalog, to check catalogs against the English one.
pub fn catalog_keys(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_with_plurals_and_brand_overrides() {
        let l = Locale::new("en-US", false, BTreeMap::new());
        assert_eq!(l.t("section-ads"), "Paid advertising");
        let one = l.text(
            "notes-missing",
            &[
                ("source", "web".into()),
                ("days", 1.into()),
                ("ranges", "Oct 12".into()),
            ],
        );
        assert_eq!(one, "web: no data for 1 day (Oct 12).");
        let many = l.text(
            "notes-missing",
            &[
                ("source", "web".into()),
                ("days", 3.into()),
                ("ranges", "x".into()),
            ],
        );
        assert!(many.contains("3 days"), "{many}");
        let mut wording = BTreeMap::new();
        wording.insert("section-ads".to_string(), "Paid media".to_string());
        assert_eq!(
            Locale::new("en-US", false, wording).t("section-ads"),
            "Paid media"
        );
    }

    #[test]
    fn every_catalog_has_every_english_key() {
        let english = catalog_keys(CATALOGS[0].1);
        assert!(english.len() > 40);
        for (lang, source) in CATALOGS {
            let keys = catalog_keys(source);
            let missing: Vec<_> = english.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "catalog {lang} lacks {missing:?}");
            assert!(
                FluentResource::try_new(source.to_string()).is_ok(),
                "catalog {lang} has syntax errors"
            );
        }
    }
}
