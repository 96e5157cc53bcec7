//! The message that carries a report: From the agency, to the client's recipients, subject and
//! body from the brand's templates in the client's language, the report attached (or linked).

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::Context;

use crate::config::Client;
use crate::config::schema::Attach;
use crate::render::view::{HighlightView, ReportView, ScoreView, SectionBody, Tile};
use crate::render::{BrandKit, locale_for};
use crate::report::model::{HeadlineKind, Report};

/// A composed message and what the ledger and the operator need to know of it.
pub struct Composed {
    pub message: Message,
    /// `<…@agency-domain>`, the same for every attempt at the same report and recipients.
    pub message_id: String,
    pub subject: String,
    /// Every envelope recipient (To, Cc and Bcc).
    pub recipients: Vec<String>,
    pub attachment: Option<String>,
    /// The HTML body, for previews.
    pub html: String,
}

/// The one-pager's story, which the message leads with (issue 18): the headline sentence,
/// wins and concerns, and the goals' standing, as the report words them.
#[derive(Serialize)]
struct Story<'a> {
    headline: &'a str,
    wins: &'a [HighlightView],
    concerns: &'a [HighlightView],
    scoreboard: &'a [ScoreView],
    wins_label: &'a str,
    concerns_label: &'a str,
    goals_label: &'a str,
}

impl<'a> Story<'a> {
    fn of(view: &'a ReportView) -> Option<Self> {
        view.sections.iter().find_map(|s| match &s.body {
            SectionBody::Summary {
                headline,
                wins,
                concerns,
                scoreboard,
                labels,
                ..
            } => Some(Story {
                headline,
                wins,
                concerns,
                scoreboard,
                wins_label: &labels.wins,
                concerns_label: &labels.concerns,
                goals_label: &labels.goals,
            }),
            _ => None,
        })
    }

    /// The highlight the headline leads with, for the subject: "Revenue fell 23.5% to ₺4.6M".
    fn lead(&self, kind: HeadlineKind) -> Option<String> {
        let concerns_first = matches!(kind, HeadlineKind::ConcernOverWin | HeadlineKind::Concerns);
        let (first, second) = if concerns_first {
            (self.concerns, self.wins)
        } else {
            (self.wins, self.concerns)
        };
        first
            .first()
            .or(second.first())
            .map(|h| h.text.trim_end_matches(['.', '。', '!']).to_string())
    }
}

#[derive(Serialize)]
struct Words {
    subject: String,
    greeting: String,
    intro: String,
    headlines: String,
    attached: String,
    link: String,
    signoff: String,
}

/// Builds the message for a rendered report. `attachment` is the rendered PDF (or HTML),
/// attached per the client's `email.attach`; `published` is the report's address on the
/// published site, linked unless the client's `email.link` says otherwise.
pub fn compose(
    client: &Client,
    model: &Report,
    view: &ReportView,
    kit: &BrandKit,
    attachment: Option<Vec<u8>>,
    published: Option<&str>,
) -> Result<Composed, String> {
    let options = &client.config.email;
    let agency = client.agency;
    let from_address = agency
        .contact
        .email
        .as_ref()
        .ok_or_else(|| format!("agency {} has no contact.email to send from", agency.id))?;
    let locale = locale_for(model, &kit.brand);
    // A message has no room for a tile's caveats: a change measured over missing days (the
    // tile's note says so) is left out rather than shown as if the periods were whole.
    let headlines: Vec<Tile> = view
        .sections
        .iter()
        .find_map(|s| match &s.body {
            SectionBody::Summary { tiles, .. } => {
                Some(tiles.iter().take(3).cloned().collect::<Vec<_>>())
            }
            _ => None,
        })
        .unwrap_or_default()
        .into_iter()
        .map(|mut t| {
            if t.note.is_some() {
                t.change = None;
            }
            t
        })
        .collect();
    let story = Story::of(view);
    // The subject's lead: the first tile, or where the summary has none (the weekly digest)
    // the highlight its headline opens with.
    let headline = headlines
        .first()
        .map(|h| {
            let change = h
                .change
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            format!("{} {}{change}", h.label, h.value)
        })
        .or_else(|| story.as_ref()?.lead(model.summary_headline.kind))
        .unwrap_or_default();
    let file_name = match options.attach {
        Attach::Pdf => Some(file_name(view, "pdf")),
        Attach::Html => Some(file_name(view, "html")),
        Attach::Link => None,
    };
    // The client's own link template wins; else the report's address on the published site.
    let link = options
        .link
        .as_ref()
        .map(|l| {
            l.replace("{client}", &model.client.id)
                .replace("{period}", &model.period.key)
        })
        .or_else(|| published.map(str::to_string));
    let args = |extra: &[(&'static str, String)]| -> Vec<(&'static str, fluent_bundle::FluentValue<'static>)> {
        let mut a: Vec<(&'static str, fluent_bundle::FluentValue<'static>)> = vec![
            ("report", view.report_title.clone().into()),
            ("client", view.client_name.clone().into()),
            ("period", view.period_label.clone().into()),
            ("agency", view.agency_name.clone().into()),
        ];
        a.extend(extra.iter().map(|(k, v)| (*k, v.clone().into())));
        a
    };
    let words = Words {
        subject: locale.text("email-subject", &args(&[("headline", headline)])),
        greeting: locale.t("email-greeting"),
        intro: locale.text("email-intro", &args(&[])),
        headlines: locale.t("email-headlines"),
        attached: locale.text(
            "email-attached",
            &args(&[("file", file_name.clone().unwrap_or_default())]),
        ),
        link: locale.t("email-link"),
        signoff: locale.t("email-signoff"),
    };
    let mut ctx = Context::new();
    ctx.insert("r", view);
    ctx.insert("headlines", &headlines);
    ctx.insert("story", &story);
    ctx.insert("t", &words);
    ctx.insert("attachment", &file_name);
    ctx.insert("link", &link);
    let render = |name: &str| {
        kit.html
            .render_with(name, &ctx, &kit.brand)
            .map_err(|e| e.to_string())
    };
    let subject = one_line(&render("email-subject.txt")?);
    let text = render("email.txt")?;
    let html = render("email.html")?;
    let html_body = html.clone();

    let mailbox = |name: Option<&str>, address: &str| -> Result<Mailbox, String> {
        let address = address
            .parse()
            .map_err(|e| format!("{address:?} is not an address: {e}"))?;
        Ok(Mailbox::new(name.map(one_line), address))
    };
    let from = mailbox(Some(&agency.name), from_address.as_str())?;
    let mut recipients: Vec<String> = Vec::new();
    let mut builder = Message::builder()
        .from(from.clone())
        .reply_to(from)
        .subject(subject.clone());
    for to in &client.config.recipients {
        builder = builder.to(mailbox(Some(&client.config.name), to.as_str())?);
        recipients.push(to.to_string());
    }
    for cc in &options.cc {
        builder = builder.cc(mailbox(None, cc.as_str())?);
        recipients.push(cc.to_string());
    }
    for bcc in &options.bcc {
        builder = builder.bcc(mailbox(None, bcc.as_str())?);
        recipients.push(bcc.to_string());
    }
    if client.config.recipients.is_empty() {
        return Err(format!(
            "client {} has no recipients to send to",
            client.config.id
        ));
    }
    let domain = from_address
        .as_str()
        .split_once('@')
        .map_or("localhost", |(_, d)| d);
    let message_id = format!(
        "<{}.{}.{}@{domain}>",
        model.period.key,
        model.client.id,
        &hex(&Sha256::digest(
            format!(
                "{}|{}|{}",
                model.client.id,
                model.period.key,
                recipients.join(",")
            )
            .as_bytes()
        ))[..16]
    );
    builder = builder.message_id(Some(message_id.clone()));
    let body = MultiPart::alternative_plain_html(text, html);
    let message = match (&file_name, attachment) {
        (Some(name), Some(bytes)) => {
            let kind = if name.ends_with(".pdf") {
                "application/pdf"
            } else {
                "text/html; charset=utf-8"
            };
            let attachment = Attachment::new(name.clone())
                .body(bytes, ContentType::parse(kind).expect("valid content type"));
            builder.multipart(MultiPart::mixed().multipart(body).singlepart(attachment))
        }
        (Some(name), None) => return Err(format!("{name}: the report file to attach is missing")),
        (None, _) => builder.multipart(body),
    }
    .map_err(|e| format!("cannot build the message: {e}"))?;
    Ok(Composed {
        message,
        message_id,
        subject,
        recipients,
        attachment: file_name,
        html: html_body,
    })
}

/// The attachment's name in the client's language: "Monthly performance report – Client –
/// October 2026.pdf", without characters file systems refuse.
fn file_name(view: &ReportView, extension: &str) -> String {
    let stem = format!(
        "{} – {} – {}",
        view.report_title, view.client_name, view.period_label
    );
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("{}.{extension}", one_line(&clean))
}

/// Text for a header: control characters (CR, LF) become spaces, runs of spaces one.
pub fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_text_cannot_break_lines() {
        assert_eq!(
            one_line("Acme\r\nBcc: x@y.com\t Ltd"),
            "Acme Bcc: x@y.com Ltd"
        );
    }
}
