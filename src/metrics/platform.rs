//! Platforms: where a source's numbers come from (Google Ads, Meta Ads, Instagram). Several
//! sources may feed one metric when their platforms differ; the dataset adds them up by the
//! catalog's rules and can split any metric by platform.

use serde::Serialize;

/// The name under which a dataset splits metrics by platform, as if it were a dimension.
/// A source's own column of that name (a merged export's `network`, renamed) is used as is.
pub const PLATFORM: &str = "platform";

/// A platform: a stable id for machines and the name its owner writes, for readers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Platform {
    pub id: String,
    pub name: String,
}

/// Platforms known by id and name, so `platform: microsoft ads` and `Microsoft Ads` are one.
const KNOWN: [(&str, &str); 25] = [
    ("google_analytics", "Google Analytics"),
    ("google_ads", "Google Ads"),
    ("meta_ads", "Meta Ads"),
    ("microsoft_ads", "Microsoft Ads"),
    ("linkedin_ads", "LinkedIn Ads"),
    ("tiktok_ads", "TikTok Ads"),
    ("pinterest_ads", "Pinterest Ads"),
    ("amazon_ads", "Amazon Ads"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("tiktok", "TikTok"),
    ("youtube", "YouTube"),
    ("pinterest", "Pinterest"),
    ("x", "X"),
    ("line", "LINE"),
    ("search_console", "Google Search Console"),
    ("bing_webmaster", "Bing Webmaster Tools"),
    ("google_business_profile", "Google Business Profile"),
    ("tripadvisor", "Tripadvisor"),
    ("yelp", "Yelp"),
    ("mailchimp", "Mailchimp"),
    ("klaviyo", "Klaviyo"),
    ("brevo", "Brevo"),
    ("shopify", "Shopify"),
];

impl Platform {
    /// A known platform by its id.
    pub fn known(id: &str) -> Option<Platform> {
        KNOWN
            .iter()
            .find(|(k, _)| *k == id)
            .map(|&(id, name)| Platform {
                id: id.into(),
                name: name.into(),
            })
    }

    /// The platform a user names (`Microsoft Ads`, `microsoft_ads`): a known one when its id
    /// or name matches, else a new one whose id is the name in lower case with `_` between
    /// words. `None` for a name without a letter or digit.
    pub fn named(text: &str) -> Option<Platform> {
        let id = slug(text);
        if id.is_empty() {
            return None;
        }
        Some(
            KNOWN
                .iter()
                .find(|(k, name)| *k == id || slug(name) == id)
                .and_then(|(k, _)| Platform::known(k))
                .unwrap_or_else(|| Platform {
                    id,
                    name: text.split_whitespace().collect::<Vec<_>>().join(" "),
                }),
        )
    }
}

/// Lower-case letters and digits, words joined by `_`.
fn slug(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_known_platforms_whatever_their_spelling() {
        for text in ["Microsoft Ads", "microsoft_ads", " microsoft  ADS "] {
            let p = Platform::named(text).unwrap();
            assert_eq!(
                (p.id.as_str(), p.name.as_str()),
                ("microsoft_ads", "Microsoft Ads")
            );
        }
        let p = Platform::named("Snapchat  Ads").unwrap();
        assert_eq!(
            (p.id.as_str(), p.name.as_str()),
            ("snapchat_ads", "Snapchat Ads")
        );
        assert_eq!(Platform::named(" - "), None);
    }
}
