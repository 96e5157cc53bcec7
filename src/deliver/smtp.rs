//! The agency's SMTP server: one pooled connection (reused between messages), a per-minute
//! limit, timeouts, and retries with backoff on temporary failures only.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{SmtpTransport, Transport};

use crate::config::schema::{SmtpConfig, SmtpSecurity};
use crate::sources::live::secrets::{Redactor, resolve};

/// How one message ended at the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The server took it: its reply (`250 2.0.0 Ok: queued as …`).
    Accepted(String),
    /// A 5xx reply: not retried.
    Rejected(String),
    /// 4xx replies or connection errors until the retries ran out.
    Deferred(String),
}

pub struct Mailer {
    transport: SmtpTransport,
    per_minute: u32,
    retries: u32,
    backoff: Duration,
    sent: Mutex<VecDeque<Instant>>,
}

impl Mailer {
    pub fn new(config: &SmtpConfig, root: &Path, redactor: &Redactor) -> Result<Self, String> {
        let host = config.host.as_str();
        let (mut builder, default_port) = match config.security {
            SmtpSecurity::Starttls => (
                SmtpTransport::starttls_relay(host).map_err(|e| e.to_string())?,
                587,
            ),
            SmtpSecurity::Tls => (SmtpTransport::relay(host).map_err(|e| e.to_string())?, 465),
            SmtpSecurity::None => (SmtpTransport::builder_dangerous(host).tls(Tls::None), 25),
        };
        if config.security == SmtpSecurity::Starttls {
            let params = TlsParameters::new(host.to_string()).map_err(|e| e.to_string())?;
            builder = builder.tls(Tls::Required(params));
        }
        builder = builder
            .port(config.port.unwrap_or(default_port))
            .timeout(Some(Duration::from_secs(
                config.timeout_seconds.unwrap_or(30),
            )));
        match (&config.username, &config.password) {
            (Some(user), Some(pass)) => {
                let user = resolve(user, root, redactor)?;
                let pass = resolve(pass, root, redactor)?;
                builder = builder.credentials(Credentials::new(
                    user.expose().to_string(),
                    pass.expose().to_string(),
                ));
            }
            (None, None) => {}
            _ => return Err("smtp: give both username and password, or neither".into()),
        }
        Ok(Mailer {
            transport: builder.build(),
            per_minute: config.per_minute.unwrap_or(30).max(1),
            retries: config.retries.unwrap_or(3),
            backoff: Duration::from_secs(1),
            sent: Mutex::new(VecDeque::new()),
        })
    }

    /// Sends one message to the envelope's recipients, retrying temporary failures with
    /// backoff (1 s, 2 s, 4 s …).
    pub fn send(&self, envelope: &Envelope, message: &[u8]) -> Outcome {
        let mut attempt = 0;
        loop {
            self.wait_for_slot();
            let error = match self.transport.send_raw(envelope, message) {
                Ok(reply) => return Outcome::Accepted(reply_text(reply.code(), reply.message())),
                Err(e) if e.is_permanent() => return Outcome::Rejected(describe(&e)),
                Err(e) => describe(&e),
            };
            if attempt >= self.retries {
                return Outcome::Deferred(format!(
                    "{error} (gave up after {} attempts)",
                    attempt + 1
                ));
            }
            std::thread::sleep(self.backoff * 2u32.pow(attempt.min(6)));
            attempt += 1;
        }
    }

    /// Keeps to `per_minute` messages in any minute.
    fn wait_for_slot(&self) {
        let mut sent = self.sent.lock().expect("send times");
        let minute = Duration::from_secs(60);
        while sent.front().is_some_and(|t| t.elapsed() >= minute) {
            sent.pop_front();
        }
        if sent.len() as u32 >= self.per_minute
            && let Some(first) = sent.front()
        {
            std::thread::sleep(minute.saturating_sub(first.elapsed()));
            sent.pop_front();
        }
        sent.push_back(Instant::now());
    }
}

fn reply_text<'a>(code: impl std::fmt::Display, lines: impl Iterator<Item = &'a str>) -> String {
    let text: Vec<&str> = lines.collect();
    format!("{code} {}", text.join(" ")).trim().to_string()
}

fn describe(e: &lettre::transport::smtp::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}
