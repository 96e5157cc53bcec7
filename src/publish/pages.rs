//! The site's pages: a client's index (the brand's `site-index.html` template, in the client's
//! language), its reports' HTML with a way back to the index, and the site root's files.
//! Nothing on a client's pages names another client.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::NaiveDate;
use serde::Serialize;
use tera::Context;

use crate::config::Client;
use crate::locale::{Locale, is_rtl};
use crate::period::{Period, PeriodKind};
use crate::render::view::{Theme, brand_footer, contact_lines, report_title, theme_of};
use crate::render::{BrandKit, client_locale};

/// The tags that keep search engines from listing a page and the secret address from the
/// sites it links to.
const NOINDEX: &str = r#"<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">"#;

/// The site root's own files: robots.txt shutting out crawlers, and an empty page so that a
/// host that lists folders does not list the clients' tokens.
pub fn site_files() -> [(&'static str, &'static str); 2] {
    [
        ("robots.txt", "User-agent: *\nDisallow: /\n"),
        (
            "index.html",
            "<!doctype html>\n<html><head><meta charset=\"utf-8\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n<title></title></head><body></body></html>\n",
        ),
    ]
}

/// One report on a client's index.
#[derive(Debug, Clone, Serialize)]
pub struct ReportLink {
    /// The period's name in the client's language (`ตุลาคม 2569`).
    pub name: String,
    /// The report's title (`Monthly performance report`).
    pub kind: String,
    /// Relative to the index.
    pub html: Option<String>,
    pub pdf: Option<String>,
    /// The PDF's name when downloaded.
    pub pdf_name: String,
    #[serde(skip)]
    pub start: NaiveDate,
    #[serde(skip)]
    pub end: NaiveDate,
}

impl ReportLink {
    /// The report folder's files this link needs.
    pub fn files(&self) -> Vec<&'static str> {
        let mut files = Vec::new();
        if self.html.is_some() {
            files.push("index.html");
        }
        if self.pdf.is_some() {
            files.push("report.pdf");
        }
        files
    }
}

#[derive(Serialize)]
struct Words {
    view: String,
    pdf: String,
    latest: String,
    empty: String,
    private: String,
}

#[derive(Serialize)]
struct IndexView<'a> {
    lang: String,
    dir: &'static str,
    title: String,
    intro: String,
    client_name: &'a str,
    agency_name: &'a str,
    contact: Vec<String>,
    footer: Option<String>,
    theme: Theme,
    logo: Option<String>,
    font_stack: String,
    words: Words,
    reports: &'a [ReportLink],
}

/// One client's pages, in its language and its brand.
pub struct ClientPages<'a> {
    client: &'a Client<'a>,
    kit: &'a BrandKit,
    locale: Locale,
}

impl<'a> ClientPages<'a> {
    pub fn new(client: &'a Client<'a>, kit: &'a BrandKit) -> Self {
        ClientPages {
            client,
            kit,
            locale: client_locale(client, &kit.brand),
        }
    }

    /// A report as its index lists it; `key` is its folder.
    pub fn link(
        &self,
        period: &Period,
        key: &str,
        html: bool,
        pdf_bytes: Option<usize>,
    ) -> ReportLink {
        let l = &self.locale;
        let name = match period.kind {
            PeriodKind::Week => format!(
                "{} ({})",
                l.period_name(period.kind, period.start, period.end),
                l.fmt.date_range(period.start, period.end)
            ),
            _ => l.period_name(period.kind, period.start, period.end),
        };
        let kind = report_title(&self.kit.brand, l, period.kind);
        // A file name the client recognises, without characters file systems refuse.
        let pdf_name = format!("{} - {name}.pdf", self.client.config.name)
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '-' } else { c })
            .collect();
        ReportLink {
            name,
            kind,
            html: html.then(|| format!("{key}/index.html")),
            pdf: pdf_bytes.map(|_| format!("{key}/report.pdf")),
            pdf_name,
            start: period.start,
            end: period.end,
        }
    }

    /// The client's index: its reports, newest first.
    pub fn index(&self, reports: &[ReportLink]) -> Result<String, String> {
        let l = &self.locale;
        let brand = &self.kit.brand;
        let client_name = self.client.config.name.as_str();
        let agency_name = self.client.agency.name.as_str();
        let args = [
            ("client", client_name.into()),
            ("agency", agency_name.into()),
        ];
        let logo = brand
            .logo
            .as_ref()
            .or(brand.logo_on_dark.as_ref())
            .map(|l| {
                format!(
                    "data:{};base64,{}",
                    l.format.mime(),
                    STANDARD.encode(&l.bytes)
                )
            });
        let view = IndexView {
            lang: l.tag.clone(),
            dir: if is_rtl(&l.tag) { "rtl" } else { "ltr" },
            title: l.text("site-title", &args),
            intro: l.text("site-intro", &args),
            client_name,
            agency_name,
            contact: contact_lines(brand, &self.client.agency.contact),
            footer: brand_footer(brand, l, client_name, agency_name),
            theme: theme_of(brand),
            logo,
            font_stack: crate::render::html::font_stack(brand),
            words: Words {
                view: l.t("site-view"),
                pdf: l.t("site-pdf"),
                latest: l.t("site-latest"),
                empty: l.t("site-empty"),
                private: l.t("site-private"),
            },
            reports,
        };
        let mut ctx = Context::new();
        ctx.insert("s", &view);
        self.kit
            .html
            .render_with("site-index.html", &ctx, brand)
            .map_err(|e| e.to_string())
    }

    /// A report's HTML as published: kept from search engines, with a bar linking back to
    /// the client's index (and to the PDF), hidden in print.
    pub fn report_page(&self, html: &[u8], has_pdf: bool) -> String {
        let l = &self.locale;
        let html = String::from_utf8_lossy(html);
        let theme = theme_of(&self.kit.brand);
        let escape = |s: String| crate::charts::svg::escape(&s);
        let mut bar = format!(
            "<nav class=\"site-bar\" style=\"display:flex;flex-wrap:wrap;gap:8px 20px;padding:10px 20px;background:{bg};border-block-end:1px solid {grid};font-size:15px\"><a href=\"../index.html\" style=\"color:{primary};font-weight:600;text-decoration:none\">{all}</a>",
            bg = theme.background,
            grid = theme.grid,
            primary = theme.primary,
            all = escape(l.t("site-all-reports")),
        );
        if has_pdf {
            bar.push_str(&format!(
                "<a href=\"report.pdf\" style=\"color:{};font-weight:600;text-decoration:none\">{}</a>",
                theme.primary,
                escape(l.t("site-pdf"))
            ));
        }
        bar.push_str("</nav><style>@media print{.site-bar{display:none!important}}</style>");
        let with_meta = insert_after_tag(&html, "head", NOINDEX)
            .unwrap_or_else(|| format!("{NOINDEX}\n{html}"));
        insert_after_tag(&with_meta, "body", &bar).unwrap_or(with_meta)
    }
}

/// `html` with `insert` right after the opening tag `<name ...>`, if there is one.
fn insert_after_tag(html: &str, name: &str, insert: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = lower[from..].find(&open).map(|i| i + from) {
        let next = lower.as_bytes().get(i + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            let end = lower[i..].find('>')? + i + 1;
            return Some(format!("{}{insert}{}", &html[..end], &html[end..]));
        }
        from = i + open.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_after_the_opening_tag_only() {
        let html = "<!doctype html><html><header>x</header><head lang=x>\n<title>t</title></head><body class=a>b</body>";
        let out = insert_after_tag(html, "head", "M").unwrap();
        assert!(out.contains("<head lang=x>M\n<title>"), "{out}");
        assert!(out.contains("<header>x</header>"));
        let out = insert_after_tag(&out, "body", "N").unwrap();
        assert!(out.contains("<body class=a>Nb</body>"), "{out}");
        assert!(insert_after_tag("<p>no head</p>", "head", "M").is_none());
    }
}
