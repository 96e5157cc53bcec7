//! The preview's own pages: the index, the toolbar around a report, the e-mail, errors. The
//! report itself is served exactly as the client gets it; only these pages carry the reload
//! script.

use crate::deliver::email::Composed;
use crate::locale::CATALOGS;

/// Escapes text for HTML (the same rules as the charts' SVG text).
pub use crate::charts::svg::escape as esc;

/// A client as the index lists it.
#[derive(Debug, Clone)]
pub struct ClientEntry {
    pub id: String,
    pub name: String,
    pub brand: String,
    pub locale: String,
    pub periods: Vec<String>,
}

const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111}\
header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 12px;background:#1f2937;color:#fff}\
header a{color:#fff}header select,header button{font:inherit}\
main{padding:16px}table{border-collapse:collapse;background:#fff}td,th{padding:6px 10px;border-bottom:1px solid #e5e7eb;text-align:left}\
pre.error{white-space:pre-wrap;background:#fff1f2;border:1px solid #fda4af;padding:12px;color:#881337}\
iframe{display:block;margin:16px auto;border:1px solid #d1d5db;background:#fff}";

/// Reloads the page when the server finishes a rebuild.
const RELOAD: &str =
    "<script>new EventSource('/events').addEventListener('reload',()=>location.reload());</script>";

fn page(title: &str, generation: u64, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{} · build {generation}</title><style>{STYLE}</style></head><body>{body}{RELOAD}</body></html>",
        esc(title)
    )
}

pub fn index(clients: &[ClientEntry], generation: u64) -> String {
    let mut rows = String::new();
    for c in clients {
        let links: Vec<String> = c
            .periods
            .iter()
            .map(|p| format!("<a href=\"/r/{}/{}\">{}</a>", esc(&c.id), esc(p), esc(p)))
            .collect();
        rows.push_str(&format!(
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&c.name),
            esc(&c.id),
            esc(&c.brand),
            esc(&c.locale),
            links.join(" · ")
        ));
    }
    page(
        "execreport preview",
        generation,
        &format!(
            "<header><strong>execreport preview</strong></header><main><table><tr><th>Client</th><th>Id</th><th>Brand</th><th>Locale</th><th>Reports</th></tr>{rows}</table>\
<p>Any other period: <code>/r/CLIENT/2026-W43</code>, <code>/r/CLIENT/2026-Q3</code>, <code>/r/CLIENT/2026-10-01..2026-10-31</code>.</p></main>"
        ),
    )
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

pub fn report(v: &View, generation: u64) -> String {
    let q = v.query();
    let base = format!("/r/{}/{}", url_part(v.client), url_part(v.period));
    let (frame_width, frame_height) = match v.width {
        "phone" => ("375px", "812px"),
        "print" => ("794px", "1123px"),
        _ => ("1280px", "900px"),
    };
    let option = |value: &str, label: &str, current: &str| {
        format!(
            "<option value=\"{}\"{}>{}</option>",
            esc(value),
            if value == current { " selected" } else { "" },
            esc(label)
        )
    };
    let widths: String = [
        ("phone", "Phone 375"),
        ("desktop", "Desktop 1280"),
        ("print", "Print A4"),
    ]
    .iter()
    .map(|(v2, l)| option(v2, l, v.width))
    .collect();
    let mut locales = option("", "client's", v.locale.unwrap_or(""));
    for (tag, _) in CATALOGS {
        locales.push_str(&option(tag, tag, v.locale.unwrap_or("")));
    }
    let compares: String = [
        ("previous", "previous period"),
        ("yoy", "year over year"),
        ("none", "none"),
    ]
    .iter()
    .map(|(v2, l)| option(v2, l, v.compare))
    .collect();
    let body = format!(
        "<header><a href=\"/\">◀ index</a><strong>{client} · {period}</strong>\
<form method=\"get\" action=\"{base}\" style=\"display:flex;gap:8px;flex-wrap:wrap\">\
<label>Width <select name=\"width\" onchange=\"this.form.submit()\">{widths}</select></label>\
<label>Locale <select name=\"locale\" onchange=\"this.form.submit()\">{locales}</select></label>\
<label>Period <input name=\"period\" value=\"{period}\" size=\"24\" onchange=\"location.href='/r/{client_url}/'+encodeURIComponent(this.value)+location.search\"></label>\
<label>Compare <select name=\"compare\" onchange=\"this.form.submit()\">{compares}</select></label></form>\
<a href=\"/pdf/{client_url}/{period_url}?{q}\">PDF</a><a href=\"/email/{client_url}/{period_url}?{q}\">E-mail</a></header>\
<iframe title=\"report\" src=\"/raw/{client_url}/{period_url}?{q}\" style=\"width:{frame_width};height:{frame_height};max-width:100%\"></iframe>",
        client = esc(v.client),
        period = esc(v.period),
        client_url = url_part(v.client),
        period_url = url_part(v.period),
    );
    page(&format!("{} {}", v.client, v.period), generation, &body)
}

pub fn email(c: &Composed, client: &str, period: &str) -> String {
    let size = c.message.formatted().len();
    format!(
        "<header><a href=\"/r/{}/{}\">◀ report</a><strong>E-mail</strong></header><main><table>\
<tr><th>Subject</th><td>{}</td></tr><tr><th>To, Cc, Bcc</th><td>{}</td></tr>\
<tr><th>Attachment</th><td>{}</td></tr><tr><th>Message-ID</th><td><code>{}</code></td></tr>\
<tr><th>Size</th><td>{} KB</td></tr></table><iframe title=\"e-mail\" sandbox srcdoc=\"{}\" style=\"width:640px;height:900px;max-width:100%\"></iframe></main>",
        url_part(client),
        url_part(period),
        esc(&c.subject),
        esc(&c.recipients.join(", ")),
        esc(c.attachment.as_deref().unwrap_or("(none: link)")),
        esc(&c.message_id),
        size / 1024,
        esc(&c.html),
    )
}

pub fn error(title: &str, message: &str, generation: u64) -> String {
    page(
        title,
        generation,
        &format!(
            "<header><a href=\"/\">◀ index</a><strong>{}</strong></header><main><pre class=\"error\">{}</pre>\
<p>Fix the file and save: this page reloads by itself.</p></main>",
            esc(title),
            esc(message)
        ),
    )
}

pub fn wrap(body: &str, generation: u64) -> String {
    page("execreport preview", generation, body)
}

/// Percent-encodes a path segment or query value.
pub fn url_part(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
