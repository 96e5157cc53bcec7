//! Country names from CLDR (the ICU4X display-names data already built in): a country given as
//! an ISO 3166 code (`TH`, GA4's `countryId`) or by its English name (`Thailand`, GA4's
//! `country`) is written as the reader's language names it.

use std::collections::HashMap;
use std::sync::OnceLock;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::{DisplayNamesOptions, Style};
use icu_locale_core::subtags::Region;

use super::cldr::resolve_locale;

/// Territories whose long CLDR name carries a political qualifier a marketing table does not
/// need ("Hong Kong SAR China"): their short name is used.
const SHORT: &[&str] = &["HK", "MO", "PS"];

/// English names in use that are not CLDR's (GA4 and older exports).
const ENGLISH_ALIASES: &[(&str, &str)] = &[
    ("turkey", "TR"),
    ("czech republic", "CZ"),
    ("macau", "MO"),
    ("burma", "MM"),
    ("myanmar", "MM"),
    ("ivory coast", "CI"),
    ("cote d'ivoire", "CI"),
    ("swaziland", "SZ"),
    ("macedonia", "MK"),
    ("cape verde", "CV"),
    ("usa", "US"),
    ("uk", "GB"),
];

/// The name of a country in the language of `tag`; `None` when `value` is neither a known
/// region code nor a country's English name.
pub fn territory_name(tag: &str, value: &str) -> Option<String> {
    let region = region_of(value)?;
    let prefs = (&resolve_locale(tag)).into();
    let long = RegionDisplayNames::try_new(prefs, DisplayNamesOptions::default()).ok()?;
    let name = if SHORT.contains(&region.as_str()) {
        let mut options = DisplayNamesOptions::default();
        options.style = Some(Style::Short);
        RegionDisplayNames::try_new(prefs, options)
            .ok()
            .and_then(|names| names.of(region).map(str::to_string))
    } else {
        None
    };
    name.or_else(|| long.of(region).map(str::to_string))
}

/// The ISO 3166 code of the country a value names (`th`, `Thailand` → `TH`).
pub fn territory_code(value: &str) -> Option<String> {
    region_of(value).map(|r| r.as_str().to_string())
}

/// The region a value names: a two-letter code (any case) or an English name.
fn region_of(value: &str) -> Option<Region> {
    let value = value.trim();
    if value.len() == 2 && value.chars().all(|c| c.is_ascii_alphabetic()) {
        let region = Region::try_from_str(&value.to_ascii_uppercase()).ok()?;
        return english_names().1.contains_key(&region).then_some(region);
    }
    english_names().0.get(&fold(value)).copied().or_else(|| {
        ENGLISH_ALIASES
            .iter()
            .find(|(name, _)| *name == fold(value))
            .and_then(|(_, code)| Region::try_from_str(code).ok())
    })
}

/// Names compared without case and with straight apostrophes.
fn fold(s: &str) -> String {
    s.trim().to_lowercase().replace('’', "'")
}

type EnglishNames = (HashMap<String, Region>, HashMap<Region, String>);

/// CLDR's English names of every two-letter region, both ways; built once per process.
fn english_names() -> &'static EnglishNames {
    static NAMES: OnceLock<EnglishNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let en = resolve_locale("en");
        let mut short_options = DisplayNamesOptions::default();
        short_options.style = Some(Style::Short);
        let long = RegionDisplayNames::try_new((&en).into(), DisplayNamesOptions::default());
        let short = RegionDisplayNames::try_new((&en).into(), short_options);
        let (mut by_name, mut by_code) = (HashMap::new(), HashMap::new());
        let (Ok(long), Ok(short)) = (long, short) else {
            return (by_name, by_code);
        };
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let code = [a, b];
                let Ok(region) = Region::try_from_utf8(&code) else {
                    continue;
                };
                // Private-use and exceptional codes (`ZZ` unknown, `EU`) are not countries.
                if matches!(&code, b"ZZ" | b"EU" | b"EZ" | b"UN" | b"QO") {
                    continue;
                }
                if let Some(name) = long.of(region) {
                    by_name.insert(fold(name), region);
                    by_code.insert(region, name.to_string());
                }
                if let Some(name) = short.of(region) {
                    by_name.insert(fold(name), region);
                }
            }
        }
        (by_name, by_code)
    })
}

#[cfg(test)]
mod tests {
    use super::territory_name;

    #[test]
    fn codes_and_english_names_in_the_readers_language() {
        assert_eq!(territory_name("ja-JP", "TH").as_deref(), Some("タイ"));
        assert_eq!(territory_name("th-TH", "Japan").as_deref(), Some("ญี่ปุ่น"));
        assert_eq!(
            territory_name("de-DE", "United States").as_deref(),
            Some("Vereinigte Staaten")
        );
        assert_eq!(
            territory_name("it-IT", "Turkey").as_deref(),
            Some("Turchia")
        );
        assert_eq!(territory_name("en-US", "HK").as_deref(), Some("Hong Kong"));
        assert_eq!(
            territory_name("fr-FR", "gb").as_deref(),
            Some("Royaume-Uni")
        );
        assert_eq!(territory_name("es-ES", "(not set)"), None);
        assert_eq!(territory_name("es-ES", "Atlantis"), None);
    }
}
