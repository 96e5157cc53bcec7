//! The HTML report: Tera templates (built in, overridable per brand) over the view, with CSS,
//! fonts, logo and charts inlined so the file stands alone.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use tera::{Context, Tera};

use super::view::{ReportView, SectionBody, SectionView};
use crate::charts::geometry::{ChartStyle, approx_width};
use crate::charts::{Chart, ChartKind, svg};
use crate::config::brand::Brand;

/// The built-in templates, by name. A brand's `templates/<name>` replaces one.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("../../templates/report.html")),
    ("style.css", include_str!("../../templates/style.css")),
    ("cover.html", include_str!("../../templates/cover.html")),
    ("summary.html", include_str!("../../templates/summary.html")),
    ("channel.html", include_str!("../../templates/channel.html")),
    ("goals.html", include_str!("../../templates/goals.html")),
    (
        "commentary.html",
        include_str!("../../templates/commentary.html"),
    ),
    (
        "data_notes.html",
        include_str!("../../templates/data_notes.html"),
    ),
    ("tile.html", include_str!("../../templates/tile.html")),
    ("week.html", include_str!("../../templates/week.html")),
    ("table.html", include_str!("../../templates/table.html")),
    ("email.html", include_str!("../../templates/email.html")),
    ("email.txt", include_str!("../../templates/email.txt")),
    (
        "email-subject.txt",
        include_str!("../../templates/email-subject.txt"),
    ),
    (
        "site-index.html",
        include_str!("../../templates/site-index.html"),
    ),
];

#[derive(Debug, thiserror::Error)]
#[error("{location}{message}")]
pub struct TemplateError {
    /// The brand's template file, when the error is in an override.
    location: String,
    message: String,
}

/// Compiled templates for one brand.
pub struct HtmlRenderer {
    tera: Tera,
    /// Each brand font's `@font-face` rule (`None` for a font kept out of the HTML), its
    /// data URI encoded once per brand kit rather than per report.
    font_rules: Vec<Option<String>>,
    /// What a report page takes from the brand alone (logo, font stack), made once.
    brand_context: Context,
}

impl HtmlRenderer {
    pub fn new(brand: &Brand) -> Result<Self, TemplateError> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html"]);
        // `{{ label | word_breaks }}`: escaped, with `<wbr>` between Thai and Japanese words.
        tera.register_filter(
            "word_breaks",
            |text: &str, _: tera::Kwargs, _: &tera::State| {
                tera::Value::safe_string(&crate::locale::breaks::html_with_word_breaks(text))
            },
        );
        let mut templates: BTreeMap<&str, &str> = TEMPLATES.iter().copied().collect();
        for (name, text) in &brand.templates {
            templates.insert(name, text);
        }
        tera.add_raw_templates(templates)
            .map_err(|e| error(brand, e))?;
        Ok(HtmlRenderer {
            tera,
            font_rules: font_rules(brand),
            brand_context: brand_context(brand),
        })
    }

    /// Renders one template with a context of the caller's (the e-mail templates).
    pub fn render_with(
        &self,
        name: &str,
        ctx: &Context,
        brand: &Brand,
    ) -> Result<String, TemplateError> {
        self.tera.render(name, ctx).map_err(|e| error(brand, e))
    }

    /// The report as an HTML page (UTF-8).
    pub fn render(&self, view: &ReportView, brand: &Brand) -> Result<Vec<u8>, TemplateError> {
        let mut ctx = self.brand_context.clone();
        ctx.insert("r", view);
        let svgs = chart_svgs(view);
        // The page is mostly the charts, the fonts and the logo: room for them and the rest.
        let logo = ctx
            .get("logo")
            .and_then(tera::Value::as_str)
            .map_or(0, str::len);
        let mut size = 64 * 1024 + logo + svgs.values().map(String::len).sum::<usize>();
        ctx.insert("svgs", &svgs);
        drop(svgs);
        let needed = ctx.get("r").map(non_ascii).unwrap_or_default();
        let css = font_css(needed, brand, &self.font_rules);
        size += css.len();
        ctx.insert("font_css", &css);
        let mut page = Vec::with_capacity(size);
        self.tera
            .render_to("report.html", &ctx, &mut page)
            .map_err(|e| error(brand, e))?;
        Ok(page)
    }
}

/// The report page's values that depend on the brand only: the font stack, the heading font
/// and the logo as a data URI (the light one on a dark cover, else the logo on a white tile).
fn brand_context(brand: &Brand) -> Context {
    let data_uri = |l: &crate::config::brand::Logo| {
        format!(
            "data:{};base64,{}",
            l.format.mime(),
            STANDARD.encode(&l.bytes)
        )
    };
    let dark_cover = !matches!(
        brand.file.cover.style,
        crate::config::brand::CoverStyle::Minimal
    );
    let (logo, on_tile) = match (&brand.logo_on_dark, &brand.logo) {
        (Some(light), _) if dark_cover => (Some(data_uri(light)), false),
        (_, Some(l)) => (Some(data_uri(l)), dark_cover),
        (_, None) => (None, false),
    };
    let mut ctx = Context::new();
    ctx.insert("font_stack", &font_stack(brand));
    ctx.insert("heading_font", &brand.heading_family());
    ctx.insert("logo", &logo);
    ctx.insert("logo_on_tile", &on_tile);
    ctx
}

fn error(brand: &Brand, e: tera::Error) -> TemplateError {
    let message = e.to_string();
    let location = brand
        .templates
        .keys()
        .find(|name| message.contains(&format!("{name}:")))
        .and_then(|name| {
            brand.dir.as_ref().map(|d| {
                format!(
                    "{} (brand {}): ",
                    d.join("templates").join(name).display(),
                    brand.id
                )
            })
        })
        .unwrap_or_default();
    TemplateError { location, message }
}

/// Every chart of the view drawn as SVG, by chart id.
fn chart_svgs(view: &ReportView) -> BTreeMap<String, String> {
    let style = ChartStyle {
        font_size: 12.0,
        text: view.theme.text.clone(),
        muted: view.theme.muted.clone(),
        grid: view.theme.grid.clone(),
        track: view.theme.surface.clone(),
    };
    let mut out = BTreeMap::new();
    let mut add = |c: &Chart| {
        let svg = match c.kind {
            ChartKind::Sparkline => svg::render(c, 160.0, &style),
            ChartKind::Progress | ChartKind::Budget => svg::render(c, 480.0, &style),
            // Drawn twice: a browser shows the one that fits the screen, so labels keep
            // their size on a phone instead of shrinking with the chart.
            _ => format!(
                r#"<div class="chart-wide">{}</div><div class="chart-narrow">{}</div>"#,
                svg::render(c, 880.0, &style),
                svg::render(c, 340.0, &style)
            ),
        };
        out.insert(c.id.clone(), svg);
    };
    let mut small = BTreeMap::new();
    for s in &view.sections {
        match &s.body {
            // The weekly digest's charts sit three to a row on a screen, one on a phone:
            // drawn once, at about the width they get.
            SectionBody::Week { charts, trends, .. } => {
                for c in charts {
                    let width = week_chart_width(c, style.font_size);
                    small.insert(c.id.clone(), svg::render(c, width, &style));
                }
                // Bars name every few weeks whatever the width.
                for c in trends {
                    small.insert(c.id.clone(), svg::render(c, 340.0, &style));
                }
            }
            _ => visit_charts(s, &mut add),
        }
    }
    out.extend(small);
    out
}

/// A weekly chart's width: 340, or wider where the days' names need it (Thai), since the
/// chart geometry leaves out x labels that would touch (a label and a space per day).
fn week_chart_width(c: &Chart, font_size: f64) -> f64 {
    let widest = |labels: &mut dyn Iterator<Item = &String>| {
        labels
            .map(|l| approx_width(l, font_size))
            .fold(0.0, f64::max)
    };
    let y_labels = widest(&mut c.y_ticks.iter().map(|t| &t.label));
    let days = c.x_labels.len() as f64 * (widest(&mut c.x_labels.iter()) + font_size);
    (y_labels + font_size * 1.1 + days + 1.0).max(340.0)
}

/// Calls `f` on every chart of a section: its charts, tile sparklines and goal bars.
pub fn visit_charts(s: &SectionView, f: &mut impl FnMut(&Chart)) {
    s.body.charts().into_iter().for_each(f);
}

/// `@font-face` rules with the brand's fonts as data URIs: the body and heading fonts, and a
/// fallback font only when the report has characters (`needed`, sorted) the earlier fonts lack.
fn font_css(needed: Vec<char>, brand: &Brand, rules: &[Option<String>]) -> String {
    let faces: Vec<Option<ttf_parser::Face>> = brand
        .fonts
        .iter()
        .map(|f| ttf_parser::Face::parse(&f.bytes, 0).ok())
        .collect();
    // The first font with a glyph for each character: a font covers a new one when it is
    // that first font for some character.
    let mut first_for = vec![false; faces.len()];
    for &c in &needed {
        let first = faces
            .iter()
            .position(|f| f.as_ref().is_some_and(|f| f.glyph_index(c).is_some()));
        if let Some(i) = first {
            first_for[i] = true;
        }
    }
    let mut css = String::new();
    let mut families_used: Vec<&str> = Vec::new();
    for (i, (font, rule)) in brand.fonts.iter().zip(rules).enumerate() {
        let primary = i < 2
            || Some(font.family.as_str())
                == brand.file.fonts.heading.as_ref().map(|h| h.family.as_str());
        let covers_new = first_for[i];
        let same_family_used = families_used.contains(&font.family.as_str());
        let Some(rule) = rule
            .as_deref()
            .filter(|_| primary || covers_new || same_family_used)
        else {
            continue;
        };
        families_used.push(&font.family);
        css.push_str(rule);
    }
    css
}

/// Each brand font's `@font-face` rule with the font as a data URI, or `None` for a font not
/// embedded in HTML.
fn font_rules(brand: &Brand) -> Vec<Option<String>> {
    let rule = |font: &crate::config::brand::FontFile| {
        let (mime, format) = if font.bytes.starts_with(b"OTTO") {
            ("font/otf", "opentype")
        } else {
            ("font/ttf", "truetype")
        };
        format!(
            "@font-face{{font-family:\"{}\";font-weight:{};font-style:normal;font-display:swap;src:url(data:{mime};base64,{}) format(\"{}\")}}\n",
            font.family.replace('"', ""),
            if font.bold { 700 } else { 400 },
            STANDARD.encode(&font.bytes),
            format,
        )
    };
    brand
        .fonts
        .iter()
        .map(|font| font.embed_in_html.then(|| rule(font)))
        .collect()
}

/// The characters beyond ASCII in a template value's strings and keys, sorted, each once.
fn non_ascii(value: &tera::Value) -> Vec<char> {
    fn add(s: &str, out: &mut Vec<char>) {
        out.extend(s.chars().filter(|c| !c.is_ascii()));
    }
    fn walk(v: &tera::Value, out: &mut Vec<char>) {
        if let Some(s) = v.as_str() {
            add(s, out);
        } else if let Some(items) = v.as_array() {
            items.iter().for_each(|i| walk(i, out));
        } else if let Some(map) = v.as_map() {
            for (k, v) in map {
                add(k.as_str().unwrap_or_default(), out);
                walk(v, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(value, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

/// The CSS font-family list: the brand's families, then system fonts per script.
pub fn font_stack(brand: &Brand) -> String {
    let mut stack: Vec<String> = brand
        .families()
        .iter()
        .map(|f| format!("\"{}\"", f.replace('"', "")))
        .collect();
    stack.extend(
        [
            "system-ui",
            "-apple-system",
            "\"Segoe UI\"",
            "\"Hiragino Sans\"",
            "\"Noto Sans CJK JP\"",
            "\"Noto Sans Thai\"",
            "sans-serif",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    stack.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in brand embeds Noto Sans (regular and bold) always, Noto Sans Thai (both
    /// weights) only for a report with Thai, and never the Japanese font (kept out of HTML).
    #[test]
    fn a_fallback_font_is_embedded_only_for_characters_the_earlier_fonts_lack() {
        let brand = Brand::builtin_default();
        let rules = font_rules(&brand);
        let families = |css: &str| -> Vec<String> {
            css.lines()
                .map(|l| l.split('"').nth(1).unwrap_or_default().to_string())
                .collect()
        };
        let value = |text: &str| {
            tera::Value::from_serializable(&serde_json::json!({"title": text, "n": [1.5]}))
        };
        let latin = font_css(non_ascii(&value("Café")), &brand, &rules);
        assert_eq!(families(&latin), ["Noto Sans", "Noto Sans"]);
        let thai = font_css(non_ascii(&value("ยอดขาย")), &brand, &rules);
        assert_eq!(
            families(&thai),
            ["Noto Sans", "Noto Sans", "Noto Sans Thai", "Noto Sans Thai"]
        );
        // A key counts as much as a value; Japanese has no font embedded in HTML.
        let keyed = tera::Value::from_serializable(&serde_json::json!({"ยอด": "日本"}));
        assert_eq!(non_ascii(&keyed), ['ด', 'ย', 'อ', '日', '本']);
        assert_eq!(
            families(&font_css(non_ascii(&keyed), &brand, &rules)).len(),
            4
        );
        assert!(thai.contains("src:url(data:font/ttf;base64,"));
    }
}
