//! The preview's own pages: the index, the toolbar around a report, the e-mail, errors. The
//! report itself is served exactly as the client gets it; only these pages carry the reload
//! script.

use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::deliver::email::Composed;
use crate::locale::CATALOGS;

/// Escapes text for HTML (the same rules as the charts' SVG text).
pub use crate::charts::svg::escape as esc;

/// A client as the index lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ClientEntry {
    pub id: String,
    pub name: String,
    pub brand: String,
    pub locale: String,
    pub periods: Vec<String>,
}

/// The preview's templates, autoescaping like the reports' (`templates/preview/`).
fn templates() -> &'static Tera {
    static TERA: OnceLock<Tera> = OnceLock::new();
    TERA.get_or_init(|| {
        let mut tera = Tera::default();
        tera.register_filter("url_part", |v: &str, _: Kwargs, _: &State| url_part(v));
        tera.add_raw_templates([
            (
                "base.html",
                include_str!("../../templates/preview/base.html"),
            ),
            (
                "index.html",
                include_str!("../../templates/preview/index.html"),
            ),
            (
                "report.html",
                include_str!("../../templates/preview/report.html"),
            ),
            (
                "email.html",
                include_str!("../../templates/preview/email.html"),
            ),
            (
                "error.html",
                include_str!("../../templates/preview/error.html"),
            ),
        ])
        .expect("the preview's templates compile (tested)");
        tera
    })
}

fn render(name: &str, context: &Context) -> String {
    templates().render(name, context).unwrap_or_else(|e| {
        format!(
            "<pre>preview template {name}: {}</pre>",
            esc(&e.to_string())
        )
    })
}

fn context(title: &str, generation: u64) -> Context {
    let mut c = Context::new();
    c.insert("title", title);
    c.insert("generation", &generation);
    c
}

pub fn index(clients: &[ClientEntry], generation: u64) -> String {
    let mut c = context("execreport preview", generation);
    c.insert("clients", clients);
    render("index.html", &c)
}

/// What the toolbar selects: width, locale, period, comparison.
pub struct View<'a> {
    pub client: &'a str,
    pub period: &'a str,
    pub locale: Option<&'a str>,
    pub compare: &'a str,
    pub width: &'a str,
}

impl View<'_> {
    /// The query string of the report's own URLs.
    pub fn query(&self) -> String {
        let mut q = format!("compare={}", self.compare);
        if let Some(l) = self.locale {
            q.push_str(&format!("&locale={}", url_part(l)));
        }
        q
    }
}

/// A choice in one of the toolbar's lists.
#[derive(Serialize)]
struct Choice<'a> {
    value: &'a str,
    label: &'a str,
}

pub fn report(v: &View, generation: u64) -> String {
    let (frame_width, frame_height) = match v.width {
        "phone" => ("375px", "812px"),
        "print" => ("794px", "1123px"),
        _ => ("1280px", "900px"),
    };
    let choices = |list: &[(&'static str, &'static str)]| -> Vec<Choice<'static>> {
        list.iter()
            .map(|&(value, label)| Choice { value, label })
            .collect()
    };
    let mut locales = vec![Choice {
        value: "",
        label: "client's",
    }];
    locales.extend(CATALOGS.iter().map(|(tag, _)| Choice {
        value: tag,
        label: tag,
    }));
    let mut c = context(&format!("{} {}", v.client, v.period), generation);
    c.insert("client", v.client);
    c.insert("period", v.period);
    c.insert("client_url", &url_part(v.client));
    c.insert("period_url", &url_part(v.period));
    c.insert("query", &v.query());
    c.insert("width", v.width);
    c.insert("locale", v.locale.unwrap_or(""));
    c.insert("compare", v.compare);
    c.insert("frame_width", frame_width);
    c.insert("frame_height", frame_height);
    c.insert(
        "widths",
        &choices(&[
            ("phone", "Phone 375"),
            ("desktop", "Desktop 1280"),
            ("print", "Print A4"),
        ]),
    );
    c.insert("locales", &locales);
    c.insert(
        "compares",
        &choices(&[
            ("previous", "previous period"),
            ("yoy", "year over year"),
            ("none", "none"),
        ]),
    );
    render("report.html", &c)
}

pub fn email(m: &Composed, client: &str, period: &str) -> String {
    let mut c = Context::new();
    c.insert("client", client);
    c.insert("period", period);
    c.insert("subject", &m.subject);
    c.insert("recipients", &m.recipients.join(", "));
    c.insert(
        "attachment",
        m.attachment.as_deref().unwrap_or("(none: link)"),
    );
    c.insert("message_id", &m.message_id);
    c.insert("kb", &(m.message.formatted().len() / 1024));
    c.insert("html", &m.html);
    render("email.html", &c)
}

pub fn error(title: &str, message: &str, generation: u64) -> String {
    let mut c = context(title, generation);
    c.insert("message", message);
    render("error.html", &c)
}

/// A page made elsewhere (the e-mail's) in the preview's frame, with the reload script.
pub fn wrap(body: &str, generation: u64) -> String {
    let mut c = context("execreport preview", generation);
    c.insert("body", body);
    render("base.html", &c)
}

/// Percent-encodes a path segment or query value.
pub fn url_part(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_render_and_escape_what_they_show() {
        let clients = [ClientEntry {
            id: "acme".into(),
            name: "<b>Acme</b>".into(),
            brand: "default".into(),
            locale: "en-US".into(),
            periods: vec!["2026-10".into(), "month-to-date".into()],
        }];
        let index = index(&clients, 3);
        let name = index
            .lines()
            .find(|l| l.contains("Acme"))
            .unwrap_or_default();
        assert!(
            !index.contains("<b>Acme") && name.contains("&lt;b&gt;Acme"),
            "{name}"
        );
        assert!(index.contains("build 3"));
        assert!(index.contains("<a href=\"/r/acme/2026-10\">2026-10</a> · "));
        let view = View {
            client: "acme",
            period: "2026-W43",
            locale: Some("th"),
            compare: "yoy",
            width: "phone",
        };
        let page = report(&view, 1);
        assert!(page.contains("src=\"/raw/acme/2026-W43?compare=yoy&amp;locale=th\""));
        assert!(page.contains("<option value=\"th\" selected>"));
        assert!(page.contains("width:375px"));
        let error = error("Brand error", "<script>alert(1)</script>", 2);
        assert!(!error.contains("<script>alert") && error.contains("&lt;script&gt;"));
        assert!(wrap("<p>mail</p>", 4).contains("<p>mail</p>"));
    }
}
