//! A new workspace (`execreport init`): the answers to init's questions, checked, and the files
//! they make — a commented `execreport.yaml`, the agency's brand, CSV templates whose headers are
//! the columns the config maps (both come from [`STARTER_SOURCES`]), and a `.gitignore`.

use std::path::{Path, PathBuf};

use super::brand::Color;
use super::values::{CurrencyCode, LocaleTag, Slug, TimeZone};

/// Active ISO 4217 currency codes (the list of 2025, without precious metals and test codes).
const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP",
    "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
    "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
    "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW",
    "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN",
    "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR",
    "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL",
    "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY",
    "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG", "ZWL",
];

/// A CSV source of the new client: its file, what it holds, and its columns → metric ids.
pub struct StarterSource {
    pub id: &'static str,
    pub file: &'static str,
    pub about: &'static str,
    pub dimensions: &'static [&'static str],
    pub columns: &'static [(&'static str, &'static str)],
}

/// The first client's sources: a website and a paid-ads export, the two every agency reports.
pub const STARTER_SOURCES: &[StarterSource] = &[
    StarterSource {
        id: "web",
        file: "web-analytics.csv",
        about: "Daily website analytics, one row per day (date as 2026-10-01).",
        dimensions: &[],
        columns: &[
            ("sessions", "web.sessions"),
            ("users", "web.users"),
            ("conversions", "web.conversions"),
        ],
    },
    StarterSource {
        id: "ads",
        file: "ads.csv",
        about: "Daily paid-ads numbers, one row per day and campaign; spend in the currency above.",
        dimensions: &["campaign"],
        columns: &[
            ("spend", "ads.spend"),
            ("impressions", "ads.impressions"),
            ("clicks", "ads.clicks"),
            ("conversions", "ads.conversions"),
            ("conversion_value", "ads.conversion_value"),
        ],
    },
];

/// What `init` asks, checked.
#[derive(Debug, Clone)]
pub struct Starter {
    pub agency: String,
    pub locale: LocaleTag,
    pub time_zone: TimeZone,
    pub currency: CurrencyCode,
    pub client: String,
    pub primary: Color,
    pub accent: Color,
}

/// One file of the new workspace, relative to its folder.
pub struct StarterFile {
    pub path: PathBuf,
    pub text: String,
}

/// What the new workspace's `.gitignore` must hold: outputs, the ledger and cache, secrets.
pub const IGNORED: &[&str] = &["/out/", "/.execreport/", "/secrets/"];

impl Starter {
    pub fn agency_id(&self) -> Slug {
        slug_of(&self.agency, "agency")
    }

    pub fn client_id(&self) -> Slug {
        slug_of(&self.client, "client")
    }

    /// The workspace file, the brand and the CSV templates (the `.gitignore` is merged with
    /// any existing one by the caller: [`gitignore`] with [`IGNORED`]).
    pub fn files(&self) -> Vec<StarterFile> {
        let agency = self.agency_id();
        let client = self.client_id();
        let mut files = vec![
            StarterFile {
                path: "execreport.yaml".into(),
                text: self.workspace_yaml(),
            },
            StarterFile {
                path: Path::new("brands").join(agency.as_str()).join("brand.yaml"),
                text: self.brand_yaml(),
            },
        ];
        for source in STARTER_SOURCES {
            let mut header: Vec<&str> = vec!["date"];
            header.extend(source.dimensions);
            header.extend(source.columns.iter().map(|(column, _)| *column));
            files.push(StarterFile {
                path: Path::new("data").join(client.as_str()).join(source.file),
                text: format!("{}\n", header.join(",")),
            });
        }
        files
    }

    fn workspace_yaml(&self) -> String {
        let agency = self.agency_id();
        let client = self.client_id();
        let mut sources = String::new();
        for s in STARTER_SOURCES {
            sources.push_str(&format!(
                "      # {}\n      - id: {}\n        kind: csv\n        path: data/{client}/{}\n",
                s.about, s.id, s.file
            ));
            if !s.dimensions.is_empty() {
                sources.push_str(&format!(
                    "        dimensions: [{}]\n",
                    s.dimensions.join(", ")
                ));
            }
            sources.push_str("        columns:\n");
            for (column, metric) in s.columns {
                sources.push_str(&format!("          {column}: {metric}\n"));
            }
        }
        format!(
            r#"# The execreport workspace: the agency, its clients and where each client's numbers come
# from. Every path is relative to this file. Field reference: docs/config.md.
#
#   execreport check                          validate this file, the brand and the data files
#   execreport render --period last-month     write every client's report under out/
#
# Until the CSV files under data/ have rows, a report says that no data is available yet
# (and `render` exits with 6).

# Rendered reports (git-ignored).
output: out

agencies:
  - id: {agency_q}
    name: {agency_name}
    # The look of the reports: brands/{agency}/brand.yaml (name, colours, logo, fonts, wording).
    brand: {agency_q}
    # Language and number formats of the reports; a client may set its own.
    locale: {locale}
    # Months and weeks are computed in this time zone.
    time_zone: {time_zone}
    currency: {currency}
    # week_start: monday  # or sunday, saturday
    # contact:
    #   email: reports@example.com
    #   website: https://example.com

# When `execreport batch --due` (run hourly from cron) renders each month's report:
# schedule:
#   monthly: {{day: 3, at: "06:00"}}

# The agency's mail server for `batch --send` (secrets come from the environment or files):
# smtp:
#   host: smtp.example.com
#   port: 587
#   security: starttls
#   username: {{env: SMTP_USERNAME}}
#   password: {{env: SMTP_PASSWORD}}

clients:
  - id: {client_q}
    name: {client_name}
    agency: {agency_q}
    # recipients: [owner@example.com]
    # locale, time_zone and currency come from the agency unless set here.
{calendar}    sources:
{sources}"#,
            agency_q = yaml_string(agency.as_str()),
            client_q = yaml_string(client.as_str()),
            agency_name = yaml_string(&self.agency),
            client_name = yaml_string(&self.client),
            locale = self.locale,
            time_zone = self.time_zone.0.name(),
            currency = self.currency,
            calendar = if self.locale.as_str().split('-').next() == Some("th") {
                "    # Thai reports give years in the Buddhist calendar (2569); remove for 2026.\n    calendar: buddhist\n"
            } else {
                "    # calendar: buddhist  # years in the Thai solar calendar (2569)\n"
            },
        )
    }

    fn brand_yaml(&self) -> String {
        format!(
            r##"# The agency's look on every report. Reference: docs/brands.md.
name: {name}
# logo: logo.svg              # SVG or PNG in this folder
# print_logo: logo-print.png  # for the PDF, when the SVG has effects PDF cannot show
colors:
  primary: "{primary}"
  accent: "{accent}"
# footer: Confidential
"##,
            name = yaml_string(&self.agency),
            primary = self.primary.hex(),
            accent = self.accent.hex(),
        )
    }
}

/// The `.gitignore` ignoring `lines` (of [`IGNORED`]): `existing` with the missing ones added,
/// `None` when it already ignores them all.
pub fn gitignore(existing: Option<&str>, lines: &[&str]) -> Option<String> {
    let existing = existing.unwrap_or("");
    let present: Vec<&str> = existing.lines().map(str::trim).collect();
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|line| {
            let bare = line.trim_matches('/');
            !present
                .iter()
                .any(|p| p.trim_matches('/') == bare || *p == format!("{bare}/*"))
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("# execreport: rendered reports, the ledger and cache, credentials\n");
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    Some(text)
}

/// A locale whose language has a built-in catalog.
pub fn shipped_locale(s: &str) -> Result<LocaleTag, String> {
    let tag: LocaleTag = s.trim().parse()?;
    let language = tag.as_str().split('-').next().unwrap_or_default();
    let shipped: Vec<&str> = crate::locale::CATALOGS.iter().map(|(l, _)| *l).collect();
    if shipped.contains(&language) {
        Ok(tag)
    } else {
        Err(format!(
            "{s:?}: execreport has no messages in this language; expected one of {} \
             (with a region, e.g. \"en-GB\", \"pt-BR\", \"ar-EG\")",
            shipped.join(", ")
        ))
    }
}

/// An IANA time zone name.
pub fn iana_time_zone(s: &str) -> Result<TimeZone, String> {
    s.trim()
        .parse::<chrono_tz::Tz>()
        .map(TimeZone)
        .map_err(|_| {
            format!(
                "{s:?} is not a time zone: expected an IANA name such as \"Europe/Rome\", \
             \"America/New_York\" or \"UTC\""
            )
        })
}

/// An active ISO 4217 currency code (upper case).
pub fn iso_currency(s: &str) -> Result<CurrencyCode, String> {
    let code = s.trim().to_ascii_uppercase();
    if ISO_4217.contains(&code.as_str()) {
        code.parse()
    } else {
        Err(format!(
            "{s:?} is not an ISO 4217 currency code: expected one such as \"USD\", \"EUR\" or \"THB\""
        ))
    }
}

/// A `#rrggbb` or `#rgb` colour.
pub fn brand_color(s: &str) -> Result<Color, String> {
    Color::parse(s).ok_or_else(|| {
        format!("{s:?} is not a colour: expected #rrggbb or #rgb, such as \"#1f4e79\"")
    })
}

/// A name that is not empty, at most 200 characters and without control characters (it is
/// printed on every report's cover).
pub fn display_name(s: &str, what: &str) -> Result<String, String> {
    let name = s.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        Err(format!(
            "{what} {s:?}: expected a name of 1 to 200 characters on one line"
        ))
    } else {
        Ok(name.to_string())
    }
}

/// An id for a name: letters without their accents (NFKD, marks dropped), ASCII letters and
/// digits lowercased, anything else a single `-`; `fallback` when nothing is left (a name in
/// another script).
fn slug_of(name: &str, fallback: &str) -> Slug {
    let decomposed = icu_normalizer::DecomposingNormalizerBorrowed::new_nfkd().normalize(name);
    let mut slug = String::new();
    for c in decomposed.chars() {
        let folded = match c {
            // Combining diacritical marks: "é" is "e" and a mark once decomposed.
            '\u{0300}'..='\u{036f}' => continue,
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' => "d",
            'ı' => "i",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
                continue;
            }
        };
        slug.push_str(folded);
    }
    let slug: String = slug.chars().take(48).collect();
    let slug = slug.trim_end_matches('-');
    slug.parse()
        .unwrap_or_else(|_| fallback.parse().expect("fallback ids are valid"))
}

/// A YAML double-quoted scalar: JSON's string escapes are YAML's.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_names() {
        assert_eq!(
            slug_of("Mare Digitale S.r.l.", "a").as_str(),
            "mare-digitale-s-r-l"
        );
        assert_eq!(slug_of("  Café Nº 1 ", "a").as_str(), "cafe-no-1");
        assert_eq!(
            slug_of("Bäckerei Müller & Söhne", "a").as_str(),
            "backerei-muller-sohne"
        );
        assert_eq!(
            slug_of("İzmir Deri Straße", "a").as_str(),
            "izmir-deri-strasse"
        );
        assert_eq!(slug_of("すし処", "client").as_str(), "client");
    }

    #[test]
    fn inputs_are_checked() {
        assert!(shipped_locale("pt-BR").is_ok());
        assert!(shipped_locale("ar-EG").is_ok());
        assert!(shipped_locale("ko-KR").unwrap_err().contains("en, th, ja"));
        assert!(shipped_locale("english").is_err());
        assert!(iana_time_zone("Asia/Bangkok").is_ok());
        assert!(iana_time_zone("Mars/Olympus").is_err());
        assert_eq!(iso_currency("eur").unwrap().as_str(), "EUR");
        assert!(iso_currency("ABC").is_err());
        assert!(display_name("Two\nlines", "agency").is_err());
    }

    #[test]
    fn gitignore_keeps_what_is_there() {
        let merged = gitignore(Some("target/\n/out"), IGNORED).unwrap();
        assert!(merged.starts_with("target/\n/out\n"));
        assert!(merged.contains("/.execreport/\n/secrets/\n"));
        assert!(!merged.contains("/out/"));
        assert_eq!(gitignore(Some(&merged), IGNORED), None);
    }
}
