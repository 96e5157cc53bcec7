//! Fluent functions the catalogs call to phrase a sentence as the language does: a metric's
//! name inside a phrase (`MID`), and how a number is read aloud (`NUMBER_ONSET`), which picks
//! Italian articles ("del 3,4%", "dell'8%", "dello 0,5%").

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// Registers the functions for a bundle of language `lang`.
pub(super) fn add_functions(bundle: &mut FluentBundle<&'static FluentResource>, lang: &str) {
    let language = lang.to_string();
    bundle
        .add_function("MID", move |args: &[FluentValue], _: &FluentArgs| {
            FluentValue::from(mid_sentence(&text_of(args), &language))
        })
        .expect("MID is registered once");
    let language = lang.to_string();
    bundle
        .add_function(
            "NUMBER_ONSET",
            move |args: &[FluentValue], _: &FluentArgs| {
                FluentValue::from(number_onset(&text_of(args), &language))
            },
        )
        .expect("NUMBER_ONSET is registered once");
}

fn text_of(args: &[FluentValue]) -> String {
    match args.first() {
        Some(FluentValue::String(s)) => s.to_string(),
        Some(FluentValue::Number(n)) => n.value.to_string(),
        _ => String::new(),
    }
}

/// A metric's label inside a phrase: lower case where the language writes it so and the
/// label is a word, not an acronym ("sessions", but "ROAS" and German nouns stay). Turkish
/// lowers `I` to `ı`.
pub fn mid_sentence(label: &str, lang: &str) -> String {
    let keeps_case = ["de", "ja", "th"].iter().any(|l| lang.starts_with(l));
    // An acronym ("ROAS", "CTR Iklan") keeps its case; "E-posta" is a word.
    let first_word = label.split_whitespace().next().unwrap_or_default();
    let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    match label.chars().next() {
        Some(first) if !keeps_case && !acronym && first.is_uppercase() => {
            let lower = match (first, lang.starts_with("tr")) {
                ('I', true) => "ı".to_string(),
                ('İ', _) => "i".to_string(),
                _ => first.to_lowercase().collect(),
            };
            lower + &label[first.len_utf8()..]
        }
        _ => label.to_string(),
    }
}

/// How a formatted number ("24,3%", "0,43 p.p.", "+1.234") begins when read aloud:
/// `vowel`, `z` (Italian "zero") or `consonant`. Only Italian needs it (its articles elide
/// before vowels: "dell'8%", and take "lo" before z: "dello 0,5%"); other languages read
/// `consonant`.
pub fn number_onset(number: &str, lang: &str) -> &'static str {
    if !lang.starts_with("it") {
        return "consonant";
    }
    // The integer part, without sign or grouping (Italian groups with "." and decimals with ",").
    let digits: String = number
        .trim_start_matches(['+', '-', '−', ' '])
        .split(',')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let Ok(n) = digits.parse::<u64>() else {
        return "consonant";
    };
    if n == 0 {
        return "z";
    }
    // Italian reads the leading group of three digits first: "ottomila", "undicimila",
    // "un milione"; a bare thousand is "mille".
    let mut lead = n;
    let mut groups = 0;
    while lead >= 1000 {
        lead /= 1000;
        groups += 1;
    }
    let vowel = match lead {
        1 => groups != 1, // uno, un milione; but mille
        8 | 11 | 80..=89 | 800..=899 => true,
        _ => false,
    };
    if vowel { "vowel" } else { "consonant" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_numbers_take_the_article_their_sound_asks_for() {
        for (n, onset) in [
            ("3,4%", "consonant"),
            ("24,3%", "consonant"),
            ("8%", "vowel"),
            ("1,2%", "vowel"),
            ("11,5%", "vowel"),
            ("83%", "vowel"),
            ("0,5%", "z"),
            ("1.200", "consonant"),
            ("8.000", "vowel"),
            ("18%", "consonant"),
            ("100%", "consonant"),
        ] {
            assert_eq!(number_onset(n, "it-IT"), onset, "{n}");
        }
        assert_eq!(number_onset("8%", "es"), "consonant");
    }

    #[test]
    fn labels_inside_a_phrase_follow_the_language() {
        assert_eq!(mid_sentence("Sessiyon", "tr"), "sessiyon");
        assert_eq!(mid_sentence("İnceleme", "tr"), "inceleme");
        assert_eq!(mid_sentence("Sesi", "id"), "sesi");
        assert_eq!(mid_sentence("ROAS", "id"), "ROAS");
        assert_eq!(
            mid_sentence("E-posta tıklamaları", "tr"),
            "e-posta tıklamaları"
        );
        assert_eq!(mid_sentence("CTR iklan", "id"), "CTR iklan");
        assert_eq!(mid_sentence("Sitzungen", "de"), "Sitzungen");
    }
}
