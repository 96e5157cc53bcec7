//! Dimension values execreport knows by name, written for the reader: GA4's default channel
//! groups and device categories in the report's language, social networks as their owners
//! write them, countries by their CLDR names. Anything else (campaigns, queries) is the
//! client's own data and stays as it is.
//!
//! A brand replaces a value's text with a message key in its `wording`:
//! `value-<dimension>-<value>` (`value-channel-paid-search`, `value-network-x`,
//! `value-country-th`), see docs/brands.md.

use super::Locale;
use super::territory::{territory_code, territory_name};

/// The breakdown dimensions whose values are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KnownDimension {
    Channel,
    Network,
    Device,
    Country,
}

impl KnownDimension {
    /// `channel`, GA4's `sessionDefaultChannelGroup` and the like; `device` and
    /// `deviceCategory`; `country` and `countryId`; `network`.
    fn of(dimension: &str) -> Option<KnownDimension> {
        let d: String = dimension
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match d.as_str() {
            "channel" | "channelgroup" => Some(KnownDimension::Channel),
            d if d.ends_with("defaultchannelgroup") => Some(KnownDimension::Channel),
            "network" | "socialnetwork" => Some(KnownDimension::Network),
            "device" | "devicecategory" => Some(KnownDimension::Device),
            "country" | "countryid" => Some(KnownDimension::Country),
            _ => None,
        }
    }

    fn key(self) -> &'static str {
        match self {
            KnownDimension::Channel => "channel",
            KnownDimension::Network => "network",
            KnownDimension::Device => "device",
            KnownDimension::Country => "country",
        }
    }
}

/// Social networks: proper nouns, the same in every language, cased as their owners write them.
const NETWORKS: &[(&str, &str)] = &[
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("tiktok", "TikTok"),
    ("x", "X"),
    ("youtube", "YouTube"),
    ("pinterest", "Pinterest"),
    ("line", "LINE"),
    ("threads", "Threads"),
    ("snapchat", "Snapchat"),
    ("whatsapp", "WhatsApp"),
];

/// A value as a message-key part: `Organic Search` → `organic-search`, `Cross-network` →
/// `cross-network`.
fn slug(value: &str) -> String {
    let lower = value.trim().to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

impl Locale {
    /// How a value of a breakdown `dimension` reads in this report: the brand's wording for it,
    /// else its known name in this language, else the value as the data has it.
    pub fn dimension_value(&self, dimension: &str, value: &str) -> String {
        let Some(kind) = KnownDimension::of(dimension) else {
            return value.to_string();
        };
        let id = match kind {
            KnownDimension::Country => {
                territory_code(value).map_or_else(|| slug(value), |code| code.to_ascii_lowercase())
            }
            // Twitter is X now; one key for both.
            KnownDimension::Network if slug(value) == "twitter" => "x".to_string(),
            _ => slug(value),
        };
        if id == "not-set" {
            return self
                .message("value-not-set")
                .unwrap_or_else(|| value.to_string());
        }
        let key = format!("value-{}-{id}", kind.key());
        if let Some(text) = self.override_of(&key) {
            return text;
        }
        let known = match kind {
            KnownDimension::Channel | KnownDimension::Device => self.message(&key),
            KnownDimension::Network => NETWORKS
                .iter()
                .find(|(n, _)| *n == id)
                .map(|(_, name)| name.to_string()),
            KnownDimension::Country => territory_name(&self.tag, value),
        };
        known.unwrap_or_else(|| value.to_string())
    }

    /// A message of the catalogs (or the brand's), `None` when no catalog has it.
    fn message(&self, key: &str) -> Option<String> {
        let text = self.t(key);
        (text != key).then_some(text)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn known_values_in_the_readers_language_and_the_rest_as_given() {
        let ja = Locale::new("ja-JP", false, BTreeMap::new());
        assert_eq!(
            ja.dimension_value("channel", "Organic Search"),
            "オーガニック検索"
        );
        assert_eq!(
            ja.dimension_value("Session default channel group", "paid search"),
            "有料検索"
        );
        assert_eq!(
            ja.dimension_value("channel", "Cross-network"),
            ja.t("value-channel-cross-network")
        );
        assert_eq!(ja.dimension_value("network", "linkedin"), "LinkedIn");
        assert_eq!(ja.dimension_value("network", "twitter"), "X");
        assert_eq!(ja.dimension_value("countryId", "TH"), "タイ");
        assert_eq!(
            ja.dimension_value("country", "(not set)"),
            ja.t("value-not-set")
        );
        assert_eq!(
            ja.dimension_value("campaign", "Organic Search"),
            "Organic Search"
        );
        assert_eq!(
            ja.dimension_value("channel", "Newsletter partners"),
            "Newsletter partners"
        );
        let th = Locale::new("th-TH", false, BTreeMap::new());
        assert_eq!(
            th.dimension_value("device", "mobile"),
            th.t("value-device-mobile")
        );
        assert_ne!(th.dimension_value("device", "mobile"), "mobile");
    }

    #[test]
    fn a_brand_names_a_value_its_own_way() {
        let mut wording = BTreeMap::new();
        wording.insert(
            "value-channel-paid-search".to_string(),
            "Google Ads".to_string(),
        );
        wording.insert("value-network-x".to_string(), "X (Twitter)".to_string());
        wording.insert("value-country-th".to_string(), "Thailand 🇹🇭".to_string());
        let en = Locale::new("en-US", false, wording);
        assert_eq!(en.dimension_value("channel", "Paid Search"), "Google Ads");
        assert_eq!(en.dimension_value("network", "twitter"), "X (Twitter)");
        assert_eq!(en.dimension_value("network", "instagram"), "Instagram");
        assert_eq!(en.dimension_value("country", "Thailand"), "Thailand 🇹🇭");
    }
}
