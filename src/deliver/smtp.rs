//! The agency's SMTP server: pooled connections (reused between messages), a per-minute limit,
//! timeouts, and retries with backoff on temporary failures only.
//!
//! The SMTP phases are driven one by one (lettre's `SmtpConnection`) so that a failure is known
//! to have happened before or after the message's final `.`: a failure before it (connecting,
//! TLS, EHLO, AUTH, MAIL, RCPT, DATA, or the line dropping while the data is written) means the
//! server cannot have taken the message and it is retried; once the final `.` may have gone out,
//! a timeout, a dropped connection or an unreadable reply means the message may have arrived
//! (content filters answer late), so it is `Uncertain` and never retried automatically. A reply
//! the server does give to the end of the data is an answer like any other (2xx, 4xx, 5xx).

use std::cell::Cell;
use std::collections::VecDeque;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{SmtpConnection, Tls, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, MailBodyParameter, MailParameter};
use lettre::transport::smtp::response::{Code, Response, Severity};

use crate::config::schema::{SmtpConfig, SmtpSecurity};
use crate::sources::live::secrets::{Redactor, SecretError, resolve};

/// How one message ended at the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The server took it: its reply (`250 2.0.0 Ok: queued as …`).
    Accepted(String),
    /// A 5xx reply: not retried.
    Rejected(String),
    /// 4xx replies or failures before the message was handed over, until the retries ran out.
    Deferred(String),
    /// The message was handed over (its final `.` may have reached the server) and no reply
    /// could be read: it may have arrived. Never retried automatically.
    Uncertain(String),
}

/// Default reply timeout for the end of the data: RFC 5321 §4.5.3.2.6 (10 minutes).
const DATA_TIMEOUT: u64 = 600;

pub struct Mailer {
    host: String,
    port: u16,
    tls: Tls,
    hello: ClientId,
    credentials: Option<Credentials>,
    timeout: Duration,
    data_timeout: Duration,
    /// Open connections between messages.
    idle: Mutex<Vec<SmtpConnection>>,
    per_minute: u32,
    retries: u32,
    backoff: Duration,
    sent: Mutex<VecDeque<Instant>>,
}

/// Why an attempt failed.
#[derive(Debug)]
struct Failure {
    text: String,
    /// The server's reply code, when one was read.
    code: Option<Code>,
    /// The message's final `.` may have been written.
    handed_over: bool,
}

impl Failure {
    fn before(e: lettre::transport::smtp::Error) -> Self {
        Failure {
            text: describe(&e),
            code: e.status(),
            handed_over: false,
        }
    }
}

/// What to do after a failed attempt.
#[derive(Debug, PartialEq)]
enum Verdict {
    Retry,
    Reject,
    Uncertain,
}

fn verdict(code: Option<Code>, handed_over: bool) -> Verdict {
    match code {
        Some(c) if c.severity == Severity::PermanentNegativeCompletion => Verdict::Reject,
        // A reply the server gave, or nothing handed over: the server did not take it.
        Some(_) => Verdict::Retry,
        None if handed_over => Verdict::Uncertain,
        None => Verdict::Retry,
    }
}

/// Why a mailer could not be set up; a secret's read error stays reachable as `source()`.
#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("{0}")]
    Tls(lettre::transport::smtp::Error),
    #[error(transparent)]
    Secret(#[from] SecretError),
    #[error("smtp: give both username and password, or neither")]
    HalfCredentials,
}

impl Mailer {
    pub fn new(config: &SmtpConfig, root: &Path, redactor: &Redactor) -> Result<Self, MailerError> {
        let host = config.host.clone();
        let params = || TlsParameters::new(host.clone()).map_err(MailerError::Tls);
        let (tls, default_port) = match *config.security {
            SmtpSecurity::Starttls => (Tls::Required(params()?), 587),
            SmtpSecurity::Tls => (Tls::Wrapper(params()?), 465),
            SmtpSecurity::None => (Tls::None, 25),
        };
        let credentials = match (&config.username, &config.password) {
            (Some(user), Some(pass)) => {
                let user = resolve(user, root, redactor)?;
                let pass = resolve(pass, root, redactor)?;
                Some(Credentials::new(
                    user.expose().to_string(),
                    pass.expose().to_string(),
                ))
            }
            (None, None) => None,
            _ => return Err(MailerError::HalfCredentials),
        };
        Ok(Mailer {
            port: config.port.unwrap_or(default_port),
            host,
            tls,
            hello: ClientId::default(),
            credentials,
            timeout: Duration::from_secs(config.timeout_seconds.unwrap_or(30)),
            data_timeout: Duration::from_secs(config.data_timeout_seconds.unwrap_or(DATA_TIMEOUT)),
            idle: Mutex::new(Vec::new()),
            per_minute: config.per_minute.unwrap_or(30).max(1),
            retries: config.retries.unwrap_or(3),
            backoff: Duration::from_secs(1),
            sent: Mutex::new(VecDeque::new()),
        })
    }

    /// Sends one message to the envelope's recipients, retrying failures that happened before
    /// the message was handed over, and 4xx replies, with backoff (1 s, 2 s, 4 s …).
    pub fn send(&self, envelope: &Envelope, message: &[u8]) -> Outcome {
        let mut attempt = 0;
        loop {
            self.wait_for_slot();
            let failure = match self.attempt(envelope, message) {
                Ok(reply) => return Outcome::Accepted(reply_text(reply.code(), reply.message())),
                Err(f) => f,
            };
            match verdict(failure.code, failure.handed_over) {
                Verdict::Reject => return Outcome::Rejected(failure.text),
                Verdict::Uncertain => return Outcome::Uncertain(failure.text),
                Verdict::Retry => {}
            }
            if attempt >= self.retries {
                return Outcome::Deferred(format!(
                    "{} (gave up after {} attempts)",
                    failure.text,
                    attempt + 1
                ));
            }
            std::thread::sleep(self.backoff * 2u32.pow(attempt.min(6)));
            attempt += 1;
        }
    }

    /// One attempt on an idle connection (or a new one). A connection is kept for the next
    /// message only after a message it accepted.
    fn attempt(&self, envelope: &Envelope, message: &[u8]) -> Result<Response, Failure> {
        let mut conn = match self.idle_connection() {
            Some(conn) => conn,
            None => self.connect().map_err(Failure::before)?,
        };
        let result = self.transaction(&mut conn, envelope, message);
        match &result {
            Ok(_) if !conn.has_broken() => self.idle.lock().expect("idle connections").push(conn),
            Ok(_) => {}
            // The server answered before the data: say goodbye. Otherwise just hang up (a
            // QUIT would wait for the very reply that did not come).
            Err(f) if f.code.is_some() && !f.handed_over => conn.abort(),
            Err(_) => drop(conn),
        }
        result
    }

    /// A pooled connection that still answers NOOP.
    fn idle_connection(&self) -> Option<SmtpConnection> {
        loop {
            let mut conn = self.idle.lock().expect("idle connections").pop()?;
            if conn.test_connected() {
                return Some(conn);
            }
            conn.abort();
        }
    }

    /// Connects, greets, secures and authenticates, with the command timeout.
    fn connect(&self) -> Result<SmtpConnection, lettre::transport::smtp::Error> {
        let wrapper = match &self.tls {
            Tls::Wrapper(params) => Some(params),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (self.host.as_str(), self.port),
            Some(self.timeout),
            &self.hello,
            wrapper,
            None,
        )?;
        if let Tls::Required(params) = &self.tls {
            conn.starttls(params, &self.hello)?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials)?;
        }
        Ok(conn)
    }

    /// MAIL, RCPT, DATA with the command timeout; the data and its final `.` with the data
    /// timeout for the reply.
    fn transaction(
        &self,
        conn: &mut SmtpConnection,
        envelope: &Envelope,
        message: &[u8],
    ) -> Result<Response, Failure> {
        let client = |text: &str| Failure {
            text: text.to_string(),
            code: None,
            handed_over: false,
        };
        let mut options = Vec::new();
        let ascii = |a: &lettre::Address| AsRef::<str>::as_ref(a).is_ascii();
        if !envelope.from().is_none_or(ascii) || !envelope.to().iter().all(ascii) {
            if !conn
                .server_info()
                .supports_feature(lettre::transport::smtp::extension::Extension::SmtpUtfEight)
            {
                return Err(client(
                    "the envelope has non-ASCII addresses and the server does not support SMTPUTF8",
                ));
            }
            options.push(MailParameter::SmtpUtfEight);
        }
        if !message.is_ascii() {
            if !conn
                .server_info()
                .supports_feature(lettre::transport::smtp::extension::Extension::EightBitMime)
            {
                return Err(client(
                    "the message is not ASCII and the server does not support 8BITMIME",
                ));
            }
            options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        conn.command(Mail::new(envelope.from().cloned(), options))
            .map_err(Failure::before)?;
        for to in envelope.to() {
            conn.command(Rcpt::new(to.clone(), vec![]))
                .map_err(Failure::before)?;
        }
        conn.command(Data).map_err(Failure::before)?;
        let io = |e: std::io::Error| client(&format!("cannot set the timeout: {e}"));
        conn.set_timeout(Some(self.data_timeout)).map_err(io)?;
        // lettre writes each part, then asks for the next: once there is none it writes the
        // final `.`. Until then, a failure leaves the message incomplete at the server.
        let written = Cell::new(false);
        let parts = std::iter::once(message).chain(std::iter::from_fn(|| -> Option<&[u8]> {
            written.set(true);
            None
        }));
        let reply = conn.message_iter(parts).map_err(|e| {
            let handed_over = written.get();
            let text = match (handed_over, e.status()) {
                (true, None) if timed_out(&e) => format!(
                    "the message was handed over and the server did not answer within {} s",
                    self.data_timeout.as_secs()
                ),
                (true, None) => format!("the message was handed over, then: {}", describe(&e)),
                _ => describe(&e),
            };
            Failure {
                text,
                code: e.status(),
                handed_over,
            }
        })?;
        if conn.set_timeout(Some(self.timeout)).is_err() {
            // Accepted all the same; this connection is just not reused.
            conn.abort();
        }
        Ok(reply)
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

/// A read or write timeout (a socket timeout shows as `WouldBlock` on Unix).
fn timed_out(e: &lettre::transport::smtp::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            );
        }
        source = s.source();
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;
    use lettre::transport::smtp::response::{Category, Detail};

    fn code(severity: Severity) -> Option<Code> {
        Some(Code::new(severity, Category::MailSystem, Detail::One))
    }

    #[test]
    fn only_a_silent_server_after_the_data_is_uncertain() {
        use Verdict::*;
        // Before the final dot: every failure but a 5xx is retried.
        assert_eq!(verdict(None, false), Retry);
        assert_eq!(
            verdict(code(Severity::TransientNegativeCompletion), false),
            Retry
        );
        assert_eq!(
            verdict(code(Severity::PermanentNegativeCompletion), false),
            Reject
        );
        // After it: a reply is an answer; no reply (timeout, dropped line) is uncertain.
        assert_eq!(verdict(None, true), Uncertain);
        assert_eq!(
            verdict(code(Severity::TransientNegativeCompletion), true),
            Retry
        );
        assert_eq!(
            verdict(code(Severity::PermanentNegativeCompletion), true),
            Reject
        );
    }
}
