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
use crate::ledger::{Ledger, OutputFile};
use crate::render::BrandKit;
use crate::render::view::ReportView;
use crate::report::model::Report;

#[derive(Debug, Clone, Copy, Default)]
pub struct SendOptions {
    /// Write the messages as `.eml` files next to the reports instead of sending them.
    pub dry_run: bool,
    pub resend_uncertain: bool,
}

/// What happened to a report's message.
#[derive(Debug, Clone, Serialize)]
pub struct Delivery {
    /// `sent`, `already_sent`, `dry_run`, `held` (awaiting approval), `uncertain`, `rejected`,
    /// `deferred` or `failed` (the message could not be made).
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Delivery {
    fn new(status: &'static str, detail: impl Into<String>) -> Self {
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
}

pub fn deliver(
    ledger: &Ledger,
    mailer: Option<&Mailer>,
    report: &Rendered,
    options: SendOptions,
) -> Delivery {
    if report.awaiting_approval {
        return Delivery::new("held", "awaiting approval: not sent");
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
            "failed",
            format!("the message attaches {name}, which this batch's formats do not include"),
        );
    }
    let read =
        |f: &OutputFile| std::fs::read(&f.path).map_err(|e| format!("cannot read {}: {e}", f.path));
    let bytes = match file.map(read).transpose() {
        Ok(bytes) => bytes,
        Err(e) => return Delivery::new("failed", e),
    };
    let composed = match compose(report.client, report.model, report.view, report.kit, bytes) {
        Ok(c) => c,
        Err(e) => return Delivery::new("failed", e),
    };
    let mut delivery = Delivery {
        status: "failed",
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

fn dry_run(report: &Rendered, composed: &Composed) -> Result<(&'static str, Option<String>)> {
    let first = report
        .outputs
        .first()
        .ok_or("the report has no output folder")?;
    let path = Path::new(&first.path).with_file_name("email.eml");
    write_atomic(&path, &composed.message.formatted())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(("dry_run", Some(path.display().to_string())))
}

fn send(
    ledger: &Ledger,
    mailer: Option<&Mailer>,
    report: &Rendered,
    composed: &Composed,
    options: SendOptions,
) -> Result<(&'static str, Option<String>)> {
    let (client, period) = (
        report.model.client.id.as_str(),
        report.model.period.key.as_str(),
    );
    let known = ledger.deliveries(client, period)?;
    let state_of = |r: &String| {
        known
            .iter()
            .find(|d| &d.recipient == r)
            .map(|d| d.state.as_str())
    };
    // `sending`: the process died between handing the message over and recording the answer;
    // `uncertain`: it was handed over and the server never answered. Either may have arrived.
    let uncertain: Vec<String> = known
        .iter()
        .filter(|d| composed.recipients.contains(&d.recipient))
        .filter_map(|d| match d.state.as_str() {
            "sending" => Some(format!(
                "{}: interrupted before the server's answer was recorded",
                d.recipient
            )),
            "uncertain" => Some(format!(
                "{}: {}",
                d.recipient,
                d.reply.as_deref().unwrap_or("no answer")
            )),
            _ => None,
        })
        .collect();
    if !uncertain.is_empty() && !options.resend_uncertain {
        return Ok((
            "uncertain",
            Some(format!("{}; {NOT_RESENT}", uncertain.join("; "))),
        ));
    }
    // Accepted ones are never sent again; rejected ones only when their address changes.
    let to_send: Vec<String> = composed
        .recipients
        .iter()
        .filter(|r| !matches!(state_of(r), Some("accepted" | "rejected")))
        .cloned()
        .collect();
    if to_send.is_empty() {
        let rejected: Vec<String> = known
            .iter()
            .filter(|d| d.state == "rejected")
            .map(|d| format!("{}: {}", d.recipient, d.reply.as_deref().unwrap_or("")))
            .collect();
        return Ok(if rejected.is_empty() {
            ("already_sent", None)
        } else {
            ("rejected", Some(rejected.join("; ")))
        });
    }
    let mailer = mailer.ok_or("the workspace has no `smtp` section to send through")?;
    let from = composed.message.envelope().from().cloned();
    let addresses = to_send
        .iter()
        .map(|r| r.parse().map_err(|e| format!("{r}: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let envelope = Envelope::new(from, addresses).map_err(|e| e.to_string())?;
    ledger.sending(client, period, &to_send, &composed.message_id, Utc::now())?;
    let (state, status, reply) = match mailer.send(&envelope, &composed.message.formatted()) {
        Outcome::Accepted(reply) => ("accepted", "sent", reply),
        Outcome::Rejected(reply) => ("rejected", "rejected", reply),
        Outcome::Deferred(reply) => ("deferred", "deferred", reply),
        Outcome::Uncertain(reply) => ("uncertain", "uncertain", reply),
    };
    ledger.delivered(client, period, &to_send, state, &reply, Utc::now())?;
    let mut detail = format!("{}: {reply}", to_send.join(", "));
    if status == "uncertain" {
        detail.push_str(&format!("; {NOT_RESENT}"));
    }
    Ok((status, Some(detail)))
}
