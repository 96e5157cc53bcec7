//! Sending reports by e-mail through a real SMTP server (aiosmtpd, started on loopback):
//! valid MIME, the attachment's bytes, Thai and Japanese subjects and file names, exactly-once
//! delivery across reruns, temporary and permanent failures (before and after the data), a
//! server answering the end of the data too late, approval, header injection and a batch killed
//! while sending.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

pub(crate) struct SmtpServer {
    pub(crate) port: u16,
    inbox: tempfile::TempDir,
    child: Child,
}

impl SmtpServer {
    pub(crate) fn start(args: &[&str]) -> Self {
        let inbox = tempfile::tempdir().unwrap();
        let mut all = vec![inbox.path()];
        all.extend(args.iter().map(Path::new));
        let (child, port) = common::start_server(
            "smtp_server.py",
            &all,
            "python3 with aiosmtpd: pip install aiosmtpd; .ci/run installs it",
        );
        SmtpServer { port, inbox, child }
    }

    /// Received messages, oldest first.
    pub(crate) fn messages(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = std::fs::read_dir(self.inbox.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        out.sort();
        out
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The sample workspace, sending to `port`.
fn samples(port: u16, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    common::sample_workspace(
        |yaml| {
            assert!(yaml.contains("port: 2525"));
            edit(yaml.replace("port: 2525", &format!("port: {port}")))
        },
        true,
    )
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_execreport"));
    c.arg("-c")
        .arg(dir.join("execreport.yaml"))
        .args(args)
        .env("EXECREPORT_NOW", "2026-11-05T06:00:00Z")
        .env_remove("EXECREPORT_CONFIG");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).output().unwrap()
}

fn send(dir: &Path, clients: &str, extra: &[&str], code: i32) -> Value {
    let mut args = vec![
        "batch",
        "--period",
        "2026-10",
        "--send",
        "--json",
        "--clients",
        clients,
    ];
    args.extend(extra);
    let o = run(dir, &args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Each report's delivery status.
fn deliveries(summary: &Value) -> Vec<(String, String)> {
    summary["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["client"].as_str().unwrap().to_string(),
                r["delivery"]["status"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.into(), b.into())
}

fn parse(eml: &Path) -> Value {
    common::parse_eml(eml)
}

fn by_subject<'a>(messages: &'a [Value], needle: &str) -> &'a Value {
    messages
        .iter()
        .find(|m| m["subject"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no message about {needle}"))
}

/// The summary's headline sentence as the HTML report writes it.
fn report_headline(dir: &Path) -> String {
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let start = html.find("<p class=\"headline\">").expect("a headline") + 20;
    let end = start + html[start..].find("</p>").unwrap();
    html[start..end]
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The message's plain text starts with the headline, and so does its HTML body (after the
/// banner naming the agency, report and client).
fn assert_leads_with(m: &Value, headline: &str) {
    let text = m["text"].as_str().unwrap();
    assert!(
        text.trim_start().starts_with(headline),
        "the text does not start with {headline:?}:\n{text}"
    );
    let html = m["html"].as_str().unwrap();
    let body = &html[html.find("</td></tr>").unwrap()..];
    let first = body.find("<p").unwrap();
    let paragraph = &body[first..first + body[first..].find("</p>").unwrap()];
    let escaped = headline.replace('&', "&amp;").replace('\'', "&#39;");
    assert!(
        paragraph.contains(headline) || paragraph.contains(&escaped),
        "the HTML body's first paragraph is not the headline {headline:?}: {paragraph}"
    );
}

#[test]
fn weekly_messages_lead_with_the_headline() {
    let server = SmtpServer::start(&[]);
    let ws = samples(server.port, |y| y);
    let dir = ws.path();
    let clients = "osaka-smile-clinic,thames-fitness";
    let o = run(
        dir,
        &[
            "batch",
            "--period",
            "2026-W43",
            "--send",
            "--json",
            "--clients",
            clients,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let messages: Vec<Value> = server.messages().iter().map(|p| parse(p)).collect();
    assert_eq!(messages.len(), 2);
    for (client, needle) in [
        ("osaka-smile-clinic", "大阪スマイル歯科"),
        ("thames-fitness", "Thames"),
    ] {
        let headline = report_headline(&dir.join("out").join(client).join("2026-W43"));
        let m = by_subject(&messages, needle);
        assert_leads_with(m, &headline);
        // The weekly digest has no tiles: the subject names the headline's first highlight.
        let subject = m["subject"].as_str().unwrap();
        assert!(!subject.trim_end().ends_with('—'), "{subject}");
    }
}

#[test]
fn each_report_is_sent_once_as_valid_mime() {
    let server = SmtpServer::start(&[]);
    let ws = samples(server.port, |y| y);
    let dir = ws.path();
    let clients = "harbor-hotel-bangkok,osaka-smile-clinic,thames-fitness";
    let s = send(dir, clients, &[], 0);
    assert_eq!(
        deliveries(&s),
        [
            pair("harbor-hotel-bangkok", "sent"),
            pair("osaka-smile-clinic", "sent"),
            pair("thames-fitness", "sent")
        ]
    );
    let received = server.messages();
    assert_eq!(received.len(), 3);
    let messages: Vec<Value> = received.iter().map(|p| parse(p)).collect();
    for m in &messages {
        assert_eq!(m["defects"].as_array().unwrap().len(), 0, "{m}");
        assert_eq!(m["content_type"], "multipart/mixed");
        assert!(
            m["text"].as_str().unwrap().len() > 100
                && m["html"].as_str().unwrap().contains("<table")
        );
    }
    // Thai: subject and file name decode, From is the agency, the PDF is the rendered one.
    let th = by_subject(&messages, "Harbor Hotel Bangkok");
    assert!(
        th["subject"].as_str().unwrap().contains("ตุลาคม 2569"),
        "{}",
        th["subject"]
    );
    assert_eq!(
        th["from"],
        "Northwind Digital <reports@northwind.example.com>"
    );
    assert_eq!(th["reply_to"], th["from"]);
    assert!(
        th["to"]
            .as_str()
            .unwrap()
            .contains("gm@harborhotel.example.co.th")
    );
    let attachment = &th["attachments"][0];
    assert_eq!(
        attachment["filename"],
        "รายงานผลการดำเนินงานประจำเดือน – Harbor Hotel Bangkok – ตุลาคม 2569.pdf"
    );
    assert_eq!(attachment["content_type"], "application/pdf");
    let th_pdf = dir.join("out/harbor-hotel-bangkok/2026-10/report.pdf");
    assert_eq!(attachment["sha256"], common::sha256(&th_pdf));
    // Each message leads with the one-pager's headline, in the report's words.
    for (client, needle) in [
        ("harbor-hotel-bangkok", "Harbor Hotel Bangkok"),
        ("osaka-smile-clinic", "大阪スマイル歯科"),
        ("thames-fitness", "Thames"),
    ] {
        let headline = report_headline(&dir.join("out").join(client).join("2026-10"));
        assert_leads_with(by_subject(&messages, needle), &headline);
    }
    assert!(th["text"].as_str().unwrap().contains("2569"));
    // Japanese.
    let ja = by_subject(&messages, "大阪スマイル歯科");
    assert_eq!(
        ja["attachments"][0]["filename"],
        "月次マーケティングレポート – 大阪スマイル歯科 – 2026年10月.pdf"
    );
    assert_eq!(
        ja["attachments"][0]["sha256"],
        common::sha256(&dir.join("out/osaka-smile-clinic/2026-10/report.pdf"))
    );
    // The raw message uses RFC 2231 for the non-ASCII file name.
    let raw = std::fs::read_to_string(
        received
            .iter()
            .find(|p| std::fs::read_to_string(p).unwrap().contains("osaka"))
            .unwrap(),
    )
    .unwrap();
    assert!(raw.contains("filename*0*=utf-8''"), "no RFC 2231 file name");
    // The Message-ID is stable: a second run sends nothing.
    let again = send(dir, clients, &[], 0);
    assert!(
        deliveries(&again).iter().all(|(_, s)| s == "already_sent"),
        "{again}"
    );
    assert_eq!(server.messages().len(), 3);
    // Status says who received what.
    let o = run(dir, &["status"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(
            "email thames-fitness 2026-10 → marketing@thamesfitness.example.co.uk: accepted"
        ),
        "{text}"
    );
}

#[test]
fn a_temporary_failure_is_retried_and_delivers_once() {
    let server = SmtpServer::start(&["--fail-once", "451:marketing@thamesfitness.example.co.uk"]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "thames-fitness", &[], 0);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "sent")]);
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn a_permanent_failure_is_recorded_and_not_retried() {
    let server = SmtpServer::start(&["--reject", "550:marketing@thamesfitness.example.co.uk"]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "rejected")]);
    let detail = s["reports"][0]["delivery"]["detail"].as_str().unwrap();
    assert!(detail.contains("550"), "{detail}");
    assert!(server.messages().is_empty());
    // Not retried by the next run either; still reported.
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "rejected")]);
    let o = run(ws.path(), &["status"]);
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("marketing@thamesfitness.example.co.uk: rejected")
    );
}

#[test]
fn reports_awaiting_approval_are_held_until_approved() {
    let server = SmtpServer::start(&[]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "izmir-deri", &[], 0);
    assert_eq!(deliveries(&s), [pair("izmir-deri", "held")]);
    assert!(server.messages().is_empty());
    let o = run(
        ws.path(),
        &["approve", "--client", "izmir-deri", "--period", "2026-10"],
    );
    assert!(o.status.success());
    let s = send(ws.path(), "izmir-deri", &[], 0);
    assert_eq!(deliveries(&s), [pair("izmir-deri", "sent")]);
    let m = parse(&server.messages()[0]);
    assert!(
        m["subject"].as_str().unwrap().contains("İzmir Deri"),
        "{}",
        m["subject"]
    );
    assert!(
        m["to"]
            .as_str()
            .unwrap()
            .contains("pazarlama@izmirderi.example.com.tr")
    );
}

#[test]
fn names_cannot_inject_headers_and_dry_runs_write_eml_files() {
    let server = SmtpServer::start(&[]);
    let ws = samples(server.port, |y| {
        y.replace(
            "name: Thames Fitness",
            "name: \"Thames Fitness\\r\\nBcc: evil@attacker.example\\r\\nX-Injected: yes\"",
        )
    });
    let s = send(ws.path(), "thames-fitness", &["--dry-run"], 0);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "dry_run")]);
    assert!(server.messages().is_empty(), "a dry run sends nothing");
    let eml = ws.path().join("out/thames-fitness/2026-10/email.eml");
    let m = parse(&eml);
    let headers: Vec<&str> = m["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap())
        .collect();
    assert!(
        !headers.contains(&"X-Injected") && !headers.contains(&"Bcc"),
        "{headers:?}"
    );
    assert!(
        m["to"]
            .as_str()
            .unwrap()
            .contains("Thames Fitness Bcc: evil@attacker.example")
    );
    // Sent for real, the attacker is not a recipient.
    send(ws.path(), "thames-fitness", &[], 0);
    let rcpt = std::fs::read_to_string(server.messages()[0].with_extension("eml.rcpt")).unwrap();
    assert_eq!(rcpt.trim(), "marketing@thamesfitness.example.co.uk");
}

#[test]
fn a_batch_killed_while_sending_never_sends_twice() {
    let server = SmtpServer::start(&["--delay", "1.5"]);
    let ws = samples(server.port, |y| y);
    let dir = ws.path();
    let args = ["batch", "--period", "2026-10", "--send", "--jobs", "1"];
    // Render first, so the kill lands among the sends.
    let o = run(dir, &["batch", "--period", "2026-10"]);
    assert!(
        o.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut child = cmd(dir, &args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it while the server holds the third message (it takes 1.5 s to answer each): that
    // message is handed over but its answer is never recorded.
    let started = |n: usize| {
        std::fs::read_dir(server.inbox.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "data")
            })
            .count()
            >= n
    };
    let mut waited = 0;
    while !started(3) && waited < 1200 {
        std::thread::sleep(Duration::from_millis(50));
        waited += 1;
    }
    assert!(started(3), "the batch never sent a third message");
    child.kill().unwrap();
    child.wait().unwrap();
    let o = run(dir, &["batch", "--period", "2026-10", "--send", "--json"]);
    let summary: Value = serde_json::from_slice(&o.stdout).unwrap();
    let statuses = deliveries(&summary);
    // Every report is sent, already sent, uncertain (killed between the server's answer and
    // the ledger) or held for approval — and no message arrived twice.
    for (client, status) in &statuses {
        assert!(
            ["sent", "already_sent", "uncertain", "held"].contains(&status.as_str()),
            "{client}: {status}"
        );
    }
    let ids: Vec<String> = server
        .messages()
        .iter()
        .map(|p| parse(p)["message_id"].as_str().unwrap().to_string())
        .collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "a message arrived twice: {ids:?}");
    let delivered = statuses
        .iter()
        .filter(|(_, s)| s == "sent" || s == "already_sent")
        .count();
    let uncertain = statuses.iter().filter(|(_, s)| s == "uncertain").count();
    assert_eq!(delivered + uncertain, 7, "{statuses:?}");
    assert!(
        uncertain >= 1,
        "the kill should have caught a send in flight: {statuses:?}"
    );
    // Whether the interrupted message arrived is exactly what nobody knows: either way it
    // is not sent again without --resend-uncertain.
    std::thread::sleep(Duration::from_millis(1600));
    let n = server.messages().len();
    assert!(n == delivered || n == delivered + uncertain, "{n} messages");
}

/// The `smtp` section with more settings (the sample's ends with `per_minute: 60`).
fn smtp_settings(settings: &'static str) -> impl Fn(String) -> String {
    move |y| {
        assert!(y.contains("  per_minute: 60\n"));
        y.replace(
            "  per_minute: 60\n",
            &format!("  per_minute: 60\n{settings}"),
        )
    }
}

/// Each recipient's delivery state in the ledger, as `status --json` shows it.
fn ledger_states(dir: &Path) -> Vec<(String, String)> {
    let o = run(dir, &["status", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let status: Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut out = Vec::new();
    for r in status["reports"].as_array().unwrap() {
        for d in r["deliveries"].as_array().unwrap() {
            out.push(pair(
                d["recipient"].as_str().unwrap(),
                d["state"].as_str().unwrap(),
            ));
        }
    }
    out
}

/// The recipients of each received message.
pub(crate) fn received_by(server: &SmtpServer) -> Vec<String> {
    let mut out: Vec<String> = server
        .messages()
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p.with_extension("eml.rcpt"))
                .unwrap()
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_server_answering_after_the_data_timeout_gets_each_message_once() {
    // The server keeps each message at once but answers the end of its data only after 3 s
    // (a content filter); the client waits 1 s for that answer (and 2 s for other replies).
    let server = SmtpServer::start(&["--slow-data", "3"]);
    let ws = samples(
        server.port,
        smtp_settings("  timeout_seconds: 2\n  data_timeout_seconds: 1\n"),
    );
    let dir = ws.path();
    let clients = "osaka-smile-clinic,thames-fitness";
    let recipients = [
        "info@osaka-smile.example.jp",
        "marketing@thamesfitness.example.co.uk",
    ];
    let s = send(dir, clients, &[], 3);
    assert_eq!(received_by(&server), recipients, "{s}");
    assert_eq!(
        deliveries(&s),
        [
            pair("osaka-smile-clinic", "uncertain"),
            pair("thames-fitness", "uncertain")
        ],
        "{s}"
    );
    assert_eq!(s["uncertain"], 2, "{s}");
    let detail = s["reports"][1]["delivery"]["detail"].as_str().unwrap();
    assert!(
        detail.contains("the message was handed over and the server did not answer within 1 s")
            && detail.contains("--resend-uncertain"),
        "{detail}"
    );
    let uncertain = || {
        recipients
            .iter()
            .map(|r| pair(r, "uncertain"))
            .collect::<Vec<_>>()
    };
    assert_eq!(ledger_states(dir), uncertain());
    // The next batch reports them again and sends nothing.
    let s = send(dir, clients, &[], 3);
    assert_eq!(
        deliveries(&s),
        [
            pair("osaka-smile-clinic", "uncertain"),
            pair("thames-fitness", "uncertain")
        ],
        "{s}"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(received_by(&server), recipients);
    assert_eq!(ledger_states(dir), uncertain());
    let o = run(dir, &["status"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains(
            "email thames-fitness 2026-10 → marketing@thamesfitness.example.co.uk: uncertain"
        ),
        "{text}"
    );
}

#[test]
fn a_temporary_failure_that_persists_is_deferred_and_sent_by_the_next_batch() {
    // A 4xx to RCPT (before the data): no retry left, so deferred; the next batch sends it.
    let server = SmtpServer::start(&["--fail-once", "451:marketing@thamesfitness.example.co.uk"]);
    let ws = samples(server.port, smtp_settings("  retries: 0\n"));
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "deferred")], "{s}");
    assert!(server.messages().is_empty());
    assert_eq!(
        ledger_states(ws.path()),
        [pair("marketing@thamesfitness.example.co.uk", "deferred")]
    );
    let s = send(ws.path(), "thames-fitness", &[], 0);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "sent")], "{s}");
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn a_refused_connection_is_retried_then_deferred_and_sent_by_the_next_batch() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let ws = samples(port, smtp_settings("  retries: 1\n"));
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "deferred")], "{s}");
    let detail = s["reports"][0]["delivery"]["detail"].as_str().unwrap();
    assert!(detail.contains("gave up after 2 attempts"), "{detail}");
    let server = SmtpServer::start(&["--port", &port.to_string()]);
    let s = send(ws.path(), "thames-fitness", &[], 0);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "sent")], "{s}");
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn replies_to_the_end_of_the_data_are_answers() {
    // A 4xx after the data: the server did not keep it, so it is retried (once delivered).
    let server = SmtpServer::start(&["--data-fail-once", "451"]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "thames-fitness", &[], 0);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "sent")], "{s}");
    assert_eq!(server.messages().len(), 1);
    // A 5xx after the data: rejected, and not sent again by the next batch.
    let server = SmtpServer::start(&["--data-reject", "554"]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "rejected")], "{s}");
    let detail = s["reports"][0]["delivery"]["detail"].as_str().unwrap();
    assert!(detail.contains("554"), "{detail}");
    assert_eq!(
        ledger_states(ws.path()),
        [pair("marketing@thamesfitness.example.co.uk", "rejected")]
    );
    let s = send(ws.path(), "thames-fitness", &[], 3);
    assert_eq!(deliveries(&s), [pair("thames-fitness", "rejected")], "{s}");
    assert!(server.messages().is_empty());
}

#[test]
fn right_to_left_messages_align_numbers_to_the_end_of_the_line() {
    let server = SmtpServer::start(&[]);
    let ws = samples(server.port, |y| y);
    let s = send(ws.path(), "dar-al-oud,thames-fitness", &["--dry-run"], 0);
    assert_eq!(deliveries(&s).len(), 2, "{s}");
    let html = |client: &str| {
        let m = parse(&ws.path().join(format!("out/{client}/2026-10/email.eml")));
        m["html"].as_str().unwrap().to_string()
    };
    // Arabic reads from the right: figures end on the left, indents start on the right.
    let ar = html("dar-al-oud");
    assert!(ar.contains("dir=\"rtl\""));
    assert!(ar.contains("align=\"left\""), "{ar}");
    assert!(!ar.contains("align=\"right\""), "{ar}");
    assert!(
        !ar.contains("padding-left") && !ar.contains("border-left"),
        "{ar}"
    );
    let en = html("thames-fitness");
    assert!(
        en.contains("align=\"right\"") && !en.contains("align=\"left\""),
        "{en}"
    );
}
