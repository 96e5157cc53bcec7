//! Nothing English where the reader's language has a word: every sample client rendered in
//! every shipped language (`--locale`), and the report's text searched for the English
//! catalog's messages and for known dimension values as the data writes them (`Organic
//! Search`, `instagram`, `mobile`). The agency's own words (names, labels and brand lines of
//! the workspace, commentary) and the client's data (campaign names) are not the product's
//! text and are left out.

use std::collections::BTreeSet;
use std::path::Path;

use execreport::locale::CATALOGS;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::common::{self, pdf_tools, pdf_tools::squash};

/// The client's data that contains a needle as a word: a campaign name, also as a chart cuts it.
const ALLOWED: &[&str] = &["Hotel Ads - Direct Booking", "Hotel Ads - Direct"];

/// Keys of `samples/` files whose values are the agency's own words.
const AGENCY_WORDS: &[&str] = &[
    "name",
    "label",
    "footer",
    "header",
    "title",
    "tagline",
    "definition",
];

/// Network ids as exports write them (lower case); `x` is too short to search for.
const RAW_IDS: &[&str] = &[
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "twitter",
    "youtube",
    "pinterest",
    "mobile",
    "desktop",
    "tablet",
];

/// Text fragments of a Fluent pattern between placeables; a select's variants each count.
fn fragments(pattern: &Pattern<&str>, out: &mut Vec<String>) {
    let mut current = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => current.push_str(value),
            PatternElement::Placeable { expression } => {
                out.push(std::mem::take(&mut current));
                expression_fragments(expression, out);
            }
        }
    }
    out.push(current);
}

fn expression_fragments(expression: &Expression<&str>, out: &mut Vec<String>) {
    match expression {
        Expression::Select { variants, .. } => {
            for v in variants {
                fragments(&v.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_fragments(expression, out);
        }
        Expression::Inline(_) => {}
    }
}

/// (key, text fragments) of every message of a catalog.
fn messages(source: &str) -> Vec<(String, Vec<String>)> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut out = Vec::new();
                fragments(m.value.as_ref()?, &mut out);
                let out = out
                    .iter()
                    .map(|f| {
                        f.trim_matches(|c: char| !c.is_alphanumeric())
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|f| !f.is_empty())
                    .collect();
                Some((m.id.name.to_string(), out))
            }
            _ => None,
        })
        .collect()
}

/// Long enough to mean something: two words, or a word of eight letters.
fn meaningful(fragment: &str) -> bool {
    let words: Vec<&str> = fragment
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 2
        || words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 8)
}

/// `needle` in `text` as whole words.
fn find_word(text: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(needle).map(|i| i + from) {
        let before = text[..i].chars().next_back();
        let after = text[i + needle.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(i);
        }
        from = i + needle.len();
    }
    None
}

/// What to look for in a language's report: (needle, case-sensitive, where it comes from).
fn needles(language: &str) -> Vec<(String, bool, String)> {
    let own_source = CATALOGS.iter().find(|(l, _)| *l == language).unwrap().1;
    let own = messages(own_source);
    let own_text = own
        .iter()
        .flat_map(|(_, f)| f.iter().cloned())
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    for (key, english) in messages(CATALOGS[0].1) {
        let translated: Vec<&String> = own
            .iter()
            .filter(|(k, _)| *k == key)
            .flat_map(|(_, f)| f)
            .collect();
        for fragment in english {
            // Words the language uses as they are (ROAS, Display, Desktop) are not leaks.
            if translated
                .iter()
                .any(|t| t.to_lowercase() == fragment.to_lowercase())
            {
                continue;
            }
            if key.starts_with("value-") {
                if find_word(&own_text, &fragment).is_none() {
                    out.push((fragment, true, key.clone()));
                }
            } else if meaningful(&fragment) {
                out.push((fragment.to_lowercase(), false, key.clone()));
            }
        }
    }
    for id in RAW_IDS {
        if find_word(&own_text, id).is_none() {
            out.push((id.to_string(), true, "a raw dimension value".to_string()));
        }
    }
    out
}

/// The values of the agency's-own-words keys in the workspace and brand files.
fn agency_words() -> BTreeSet<String> {
    let samples = common::repo().join("samples");
    let mut files = vec![samples.join("execreport.yaml")];
    for brand in std::fs::read_dir(samples.join("brands")).unwrap() {
        files.push(brand.unwrap().path().join("brand.yaml"));
    }
    let mut out = BTreeSet::new();
    for file in files {
        for line in std::fs::read_to_string(file).unwrap().lines() {
            let line = line.trim_start().trim_start_matches("- ");
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if AGENCY_WORDS.contains(&key.trim()) {
                let value = value.split(" #").next().unwrap().trim().trim_matches('"');
                // Brand wording's `{ $client }` placeholders: the literal parts around them.
                for (i, part) in value.split(['{', '}']).enumerate() {
                    let part = part.trim();
                    if i % 2 == 0 && !part.is_empty() {
                        out.insert(part.to_string());
                    }
                }
            }
        }
    }
    out.extend(ALLOWED.iter().map(|s| s.to_string()));
    out
}

/// The visible text of an HTML report without the commentary (the agency's words).
fn html_text(html: &str) -> String {
    let mut s = html.to_string();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<div class=\"commentary\">", "</div>"),
    ] {
        while let Some(a) = s.find(open) {
            let b = s[a..].find(close).map_or(s.len(), |b| a + b + close.len());
            s.replace_range(a..b, " ");
        }
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push('\n');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e < 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "nbsp" => Some('\u{a0}'),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Leaks in one report's text: "needle (key): …context…".
fn leaks(
    text: &str,
    needles: &[(String, bool, String)],
    allowed: &BTreeSet<String>,
) -> Vec<String> {
    let mut text = text.to_string();
    // Longest first, so a label is removed before a shorter one inside it.
    let mut allowed: Vec<&String> = allowed.iter().collect();
    allowed.sort_by_key(|a| std::cmp::Reverse(a.len()));
    for a in allowed {
        text = text.replace(a.as_str(), "\u{2063}");
    }
    let text = squash(&text);
    let lower = text.to_lowercase();
    let mut found = Vec::new();
    for (needle, case_sensitive, key) in needles {
        let haystack = if *case_sensitive { &text } else { &lower };
        if let Some(i) = find_word(haystack, needle) {
            let context: String = haystack[..i]
                .chars()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .chain(haystack[i..].chars().take(needle.chars().count() + 30))
                .collect();
            found.push(format!("{needle:?} ({key}): …{context}…"));
        }
    }
    found
}

fn render(out: &Path, tag: &str, formats: &str, clients: &[&str]) {
    let config = common::repo().join("samples/execreport.yaml");
    let mut args = vec![
        "-c",
        config.to_str().unwrap(),
        "render",
        "--period",
        "2026-10",
        "--format",
        formats,
        "--locale",
        tag,
        "--offline",
        "--out",
        out.to_str().unwrap(),
    ];
    for c in clients {
        args.extend(["--client", c]);
    }
    let o = common::execreport(&common::repo(), &args);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
}

/// The languages a report can be written in, but English.
const TAGS: &[&str] = &[
    "th-TH", "ja-JP", "id-ID", "tr-TR", "it-IT", "de-DE", "fr-FR", "es-ES", "pt-BR", "ar-EG",
];

#[test]
fn no_english_in_reports_in_other_languages() {
    let out = tempfile::tempdir().unwrap();
    let allowed = agency_words();
    // One process per language (all eight clients each), two at a time.
    std::thread::scope(|s| {
        for pair in TAGS.chunks(TAGS.len().div_ceil(2)) {
            let dir = out.path();
            s.spawn(move || {
                for tag in pair {
                    render(&dir.join(tag), tag, "html", &[]);
                }
            });
        }
    });
    let mut report = Vec::new();
    for tag in TAGS {
        let language = tag.split('-').next().unwrap();
        let needles = needles(language);
        let mut clients: Vec<_> = std::fs::read_dir(out.path().join(tag))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        clients.sort();
        assert_eq!(clients.len(), 8, "{tag}: {clients:?}");
        for client in clients {
            let html = std::fs::read_to_string(
                out.path()
                    .join(tag)
                    .join(&client)
                    .join("2026-10/report.html"),
            )
            .unwrap();
            for leak in leaks(&html_text(&html), &needles, &allowed) {
                report.push(format!("{tag} {client} (HTML): {leak}"));
            }
        }
    }
    // The PDF is laid out apart from the HTML: two clients without commentary, read back.
    for (tag, client) in [
        ("th-TH", "harbor-hotel-bangkok"),
        ("ja-JP", "osaka-smile-clinic"),
        ("ar-AE", "dar-al-oud"),
    ] {
        let dir = out.path().join("pdf").join(tag);
        render(&dir, tag, "pdf", &[client]);
        let text = pdf_tools::text(&dir.join(client).join("2026-10/report.pdf"));
        let language = tag.split('-').next().unwrap();
        for leak in leaks(&text, &needles(language), &allowed) {
            report.push(format!("{tag} {client} (PDF): {leak}"));
        }
    }
    assert!(
        report.is_empty(),
        "English in reports in other languages ({}):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_leak_finder_finds_english() {
    let needles = needles("it");
    let allowed = agency_words();
    let text = "Sessioni 120 · Organic Search 40 % · Average rating 4,6 · instagram · Diretto";
    let found = leaks(text, &needles, &allowed);
    assert_eq!(found.len(), 3, "{found:#?}");
    // The agency's own words are not the product's.
    assert!(leaks("Prenotazioni online · Mare Digitale", &needles, &allowed).is_empty());
}
