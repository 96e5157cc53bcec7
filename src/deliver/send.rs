//! Exactly-once delivery. Before a message goes to the server the ledger records `sending`
//! for its recipients; the server's answer is recorded after. A rerun never resends an
//! accepted message; one whose answer was never recorded (the process died in between), or
//! that was handed over without the server ever answering (a timeout or a dropped line after
//! the data), is `uncertain` and is resent only when asked (`--resend-uncertain`).

use std::path::Path;

use chrono::Utc;
use lettre::address::Envelope;
use serde::Serialize;

use super::email::{Composed, compose};
use super::smtp::{Mailer, Outcome};
use crate::config::Client;
use crate::config::schema::Attach;
use crate::files::write_atomic;
use crate::ledger::{DeliveryState, Ledger, OutputFile};
use crate::model::Report;
use crate::render::BrandKit;
use crate::render::view::ReportView;

#[derive(Debug, Clone, Copy, Default)]
pub struct SendOptions {
    /// Write the messages as `.eml` files next to the reports instead of sending them.
    pub dry_run: bool,
    pub resend_uncertain: bool,
}

closed_set! {
    /// What happened to a report's message.
    pub enum DeliveryStatus ("delivery status") {
        Sent = "sent",
        AlreadySent = "already_sent",
        /// Written as an `.eml` file (`--dry-run`).
        DryRun = "dry_run",
        /// Awaiting approval: not sent.
        Held = "held",
        Uncertain = "uncertain",
        Rejected = "rejected",
        Deferred = "deferred",
        /// The message could not be made.
        Failed = "failed",
    }
}

impl DeliveryStatus {
    /// The message did not reach every recipient, or may not have: the batch fails.
    pub fn is_undelivered(self) -> bool {
        matches!(
            self,
            DeliveryStatus::Rejected
                | DeliveryStatus::Deferred
                | DeliveryStatus::Failed
                | DeliveryStatus::Uncertain
        )
    }
}

/// What happened to a report's message.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    pub status: DeliveryStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Delivery {
    pub(crate) fn new(status: DeliveryStatus, detail: impl Into<String>) -> Self {
        Delivery {
            status,
            message_id: None,
            recipients: Vec::new(),
            detail: Some(detail.into()),
        }
    }
}

/// The report the ledger shows as rendered, and how to reach it.
pub struct Rendered<'a> {
    pub client: &'a Client<'a>,
    pub model: &'a Report,
    pub view: &'a ReportView,
    pub kit: &'a BrandKit,
    pub outputs: &'a [OutputFile],
    pub awaiting_approval: bool,
    /// `attach: link` to the published site: the report's address there, or why it could
    /// not be published (the message is then not sent: its link would lead nowhere).
    pub published: Option<std::result::Result<String, String>>,
}

pub fn deliver(
    ledger: &Ledger,
    mailer: Option<&Mailer>,
    report: &Rendered,
    options: SendOptions,
) -> Delivery {
    if report.awaiting_approval {
        return Delivery::new(DeliveryStatus::Held, "awaiting approval: not sent");
    }
    let attach = report.client.config.email.attach;
    let wanted = match attach {
        Attach::Pdf => Some("report.pdf"),
        Attach::Html => Some("report.html"),
        Attach::Link => None,
    };
    let file = wanted.and_then(|name| report.outputs.iter().find(|o| o.path.ends_with(name)));
    if let (Some(name), None) = (wanted, file) {
        return Delivery::new(
            DeliveryStatus::Failed,
            format!("the message attaches {name}, which this batch's formats do not include"),
        );
    }
    let read =
        |f: &OutputFile| std::fs::read(&f.path).map_err(|e| format!("cannot read {}: {e}", f.path));
    let bytes = match file.map(read).transpose() {
        Ok(bytes) => bytes,
        Err(e) => return Delivery::new(DeliveryStatus::Failed, e),
    };
    let published = match &report.published {
        Some(Ok(url)) => Some(url.as_str()),
        Some(Err(e)) => {
            return Delivery::new(
                DeliveryStatus::Failed,
                format!(
                    "the message links to the published report, which could not be published: {e}"
                ),
            );
        }
        None => None,
    };
    let composed = match compose(
        report.client,
        report.model,
        report.view,
        report.kit,
        bytes,
        published,
    ) {
        Ok(c) => c,
        Err(e) => return Delivery::new(DeliveryStatus::Failed, e),
    };
    let mut delivery = Delivery {
        status: DeliveryStatus::Failed,
        message_id: Some(composed.message_id.clone()),
        recipients: composed.recipients.clone(),
        detail: None,
    };
    let result = if options.dry_run {
        dry_run(report, &composed)
    } else {
        send(ledger, mailer, report, &composed, options)
    };
    match result {
        Ok((status, detail)) => {
            delivery.status = status;
            delivery.detail = detail;
        }
        Err(e) => delivery.detail = Some(e),
    }
    delivery
}

type Result<T> = std::result::Result<T, String>;

const NOT_RESENT: &str = "it may have arrived; not resent (use --resend-uncertain after checking)";

fn dry_run(report: &Rendered, composed: &Composed) -> Result<(DeliveryStatus, Option<String>)> {
    let first = report
        .outputs
        .first()
        .ok_or("the report has no output folder")?;
    let path = Path::new(&first.path).with_file_name("email.eml");
    write_atomic(&path, &composed.message.formatted())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok((DeliveryStatus::DryRun, Some(path.display().to_string())))
}

fn send(
    ledger: &Ledger,
    mailer: Option<&Mailer>,
    report: &Rendered,
    composed: &Composed,
    options: SendOptions,
) -> Result<(DeliveryStatus, Option<String>)> {
    let (client, period) = (
        report.model.client.id.as_str(),
        report.model.period.key.as_str(),
    );
    let known = ledger
        .deliveries(client, period)
        .map_err(|e| e.to_string())?;
    let state_of = |r: &String| known.iter().find(|d| &d.recipient == r).map(|d| d.state);
    // `sending`: the process died between handing the message over and recording the answer;
    // `uncertain`: it was handed over and the server never answered. Either may have arrived.
    let uncertain: Vec<String> = known
        .iter()
        .filter(|d| composed.recipients.contains(&d.recipient))
        .filter_map(|d| match d.state {
            DeliveryState::Sending => Some(format!(
                "{}: interrupted before the server's answer was recorded",
                d.recipient
            )),
            DeliveryState::Uncertain => Some(format!(
                "{}: {}",
                d.recipient,
                d.reply.as_deref().unwrap_or("no answer")
            )),
            _ => None,
        })
        .collect();
    if !uncertain.is_empty() && !options.resend_uncertain {
        return Ok((
            DeliveryStatus::Uncertain,
            Some(format!("{}; {NOT_RESENT}", uncertain.join("; "))),
        ));
    }
    // Accepted ones are never sent again; rejected ones only when their address changes.
    let to_send: Vec<String> = composed
        .recipients
        .iter()
        .filter(|r| {
            !matches!(
                state_of(r),
                Some(DeliveryState::Accepted | DeliveryState::Rejected)
            )
        })
        .cloned()
        .collect();
    if to_send.is_empty() {
        let rejected: Vec<String> = known
            .iter()
            .filter(|d| d.state == DeliveryState::Rejected)
            .map(|d| format!("{}: {}", d.recipient, d.reply.as_deref().unwrap_or("")))
            .collect();
        return Ok(if rejected.is_empty() {
            (DeliveryStatus::AlreadySent, None)
        } else {
            (DeliveryStatus::Rejected, Some(rejected.join("; ")))
        });
    }
    let mailer = mailer.ok_or("the workspace has no `smtp` section to send through")?;
    let from = composed.message.envelope().from().cloned();
    let addresses = to_send
        .iter()
        .map(|r| r.parse().map_err(|e| format!("{r}: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let envelope = Envelope::new(from, addresses).map_err(|e| e.to_string())?;
    ledger
        .sending(client, period, &to_send, &composed.message_id, Utc::now())
        .map_err(|e| e.to_string())?;
    let (state, status, reply) = match mailer.send(&envelope, &composed.message.formatted()) {
        Outcome::Accepted(reply) => (DeliveryState::Accepted, DeliveryStatus::Sent, reply),
        Outcome::Rejected(reply) => (DeliveryState::Rejected, DeliveryStatus::Rejected, reply),
        Outcome::Deferred(reply) => (DeliveryState::Deferred, DeliveryStatus::Deferred, reply),
        Outcome::Uncertain(reply) => (DeliveryState::Uncertain, DeliveryStatus::Uncertain, reply),
    };
    ledger
        .delivered(client, period, &to_send, state, &reply, Utc::now())
        .map_err(|e| e.to_string())?;
    let mut detail = format!("{}: {reply}", to_send.join(", "));
    if status == DeliveryStatus::Uncertain {
        detail.push_str(&format!("; {NOT_RESENT}"));
    }
    Ok((status, Some(detail)))
}
