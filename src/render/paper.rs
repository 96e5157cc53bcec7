//! Which paper a client's PDF is printed on: the client's own choice, else what people in the
//! client's region use (CLDR's paper-size preference), else the brand's, else A4.

use icu_locale::LocaleExpander;
use icu_locale_core::LanguageIdentifier;

use crate::config::brand::PageSize;

/// Regions that use US Letter (CLDR `supplementalData.xml`, `<paperSize type="US-Letter">`);
/// the rest of the world uses A4.
const LETTER_REGIONS: [&str; 14] = [
    "BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE",
];

/// Languages whose speakers are spread over Letter and A4 regions alike: without a region,
/// `en` could be a Londoner or a New Yorker, so the brand decides.
const SPLIT_LANGUAGES: [&str; 3] = ["en", "es", "fr"];

/// The paper for a client: `client` if set; else its locale's region's (`en-GB` → A4,
/// `en-US` → Letter; a bare language takes its likely region, `th` → Thailand → A4, unless the
/// language is spoken on both papers); else `brand`'s; else A4.
pub fn page_size(client: Option<PageSize>, locale: &str, brand: Option<PageSize>) -> PageSize {
    client
        .or_else(|| region(locale).map(paper_of))
        .or(brand)
        .unwrap_or_default()
}

fn paper_of(region: String) -> PageSize {
    if LETTER_REGIONS.contains(&region.as_str()) {
        PageSize::Letter
    } else {
        PageSize::A4
    }
}

/// The locale's region, or the likely one of its language when paper would not depend on
/// which; none when unknown.
fn region(locale: &str) -> Option<String> {
    let mut id: LanguageIdentifier = locale.parse().ok()?;
    if let Some(r) = id.region {
        return Some(r.as_str().to_string());
    }
    if SPLIT_LANGUAGES.contains(&id.language.as_str()) {
        return None;
    }
    LocaleExpander::new_common().maximize(&mut id);
    id.region
        .map(|r| r.as_str().to_string())
        .filter(|r| r != "ZZ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use PageSize::{A4, Letter};

    #[test]
    fn paper_follows_the_clients_region() {
        assert_eq!(page_size(None, "en-US", Some(A4)), Letter);
        assert_eq!(page_size(None, "en-GB", Some(Letter)), A4);
        assert_eq!(page_size(None, "th-TH", Some(Letter)), A4);
        assert_eq!(page_size(None, "es-MX", None), Letter);
        // A bare language: its likely region, unless its speakers use both papers.
        assert_eq!(page_size(None, "th", Some(Letter)), A4);
        assert_eq!(page_size(None, "id", Some(Letter)), A4);
        assert_eq!(page_size(None, "en", Some(Letter)), Letter);
        assert_eq!(page_size(None, "en", None), A4);
        // The client's own choice wins.
        assert_eq!(page_size(Some(Letter), "en-GB", Some(A4)), Letter);
    }
}
