//! `execreport batch`: the reports that are due (or asked for), rendered in parallel, recorded
//! in the ledger, with a progress bar on a terminal and one line per report otherwise.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::BatchArgs;
use execreport::batch::schedule::RunKind;
use execreport::batch::{
    self, Job, JobResult, JobStatus, Options, Sending, in_shard, job_for, schedule,
};
use execreport::config::Workspace;
use execreport::deliver::send::{DeliveryStatus, SendOptions};
use execreport::deliver::smtp::Mailer;
use execreport::ledger::{ApprovalState, DeliveryState, Ledger, ReportState, SourceHealth, Worker};
use execreport::model::DataStatus;
use execreport::session::Session;
use execreport::sources::live::secrets::{Redactor, resolve};
use execreport::storage::Store;

pub fn run(session: &Session, args: &BatchArgs) -> Result<ExitCode> {
    let ws = &session.workspace;
    let now = args.live.now.unwrap_or_else(chrono::Utc::now);
    // The embedded ledger allows one batch per workspace; workers of a shared ledger
    // cooperate through their claims instead.
    let _lock = match &ws.file.ledger {
        Some(_) => None,
        None => match lock(ws)? {
            Some(lock) => Some(lock),
            None => {
                eprintln!(
                    "execreport: another batch is running on this workspace ({}); nothing done",
                    lock_path(ws).display()
                );
                return Ok(ExitCode::from(super::EXIT_BUSY));
            }
        },
    };
    let mut ledger = open_ledger(ws, session.fetcher.redactor())?;
    if let Some(config) = &ws.file.ledger {
        let lease = chrono::Duration::seconds(i64::from(config.lease_seconds.unwrap_or(60).max(1)));
        let worker = Worker::from_env(lease);
        eprintln!("execreport: worker {} of the shared ledger", worker.id);
        ledger = ledger.as_worker(worker);
    }
    let store = super::open_store(session, args.out.as_deref())?;
    let jobs = plan(ws, &ledger, &store, args, now)?;
    if !args.send && (args.dry_run || args.resend_uncertain) {
        bail!("--dry-run and --resend-uncertain go with --send");
    }
    let mailer = match (&ws.file.smtp, args.send && !args.dry_run) {
        (Some(smtp), true) => {
            Some(Mailer::new(smtp, &ws.root, session.fetcher.redactor()).context("smtp")?)
        }
        (None, true) => bail!(
            "--send needs an `smtp` section in {} (or use --dry-run)",
            ws.path.display()
        ),
        _ => None,
    };
    // The site, when reports are published or messages link to it.
    let base_url = ws.file.publish.as_ref().and_then(|p| p.base_url.as_ref());
    let site = if args.publish || (args.send && base_url.is_some()) {
        Some(super::open_site(session, None)?)
    } else {
        None
    };
    let options = Options {
        site: site.as_ref(),
        store,
        send: args.send.then_some(Sending {
            mailer: mailer.as_ref(),
            options: SendOptions {
                dry_run: args.dry_run,
                resend_uncertain: args.resend_uncertain,
            },
        }),
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        force: args.force,
        now,
        data: args.live.data_mode(),
    };
    let started = Instant::now();
    let total = jobs.len() as u64;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} reports · {elapsed} · {msg}")
                .expect("valid template"),
        );
        bar
    });
    let print = |r: &JobResult| {
        let line = line(r);
        match &bar {
            Some(bar) => {
                let undelivered = r.delivery.as_ref().is_some_and(|d| {
                    !matches!(
                        d.status,
                        DeliveryStatus::Sent | DeliveryStatus::AlreadySent | DeliveryStatus::DryRun
                    )
                });
                if !r.status.is_written() || r.awaiting_approval || undelivered {
                    bar.println(line);
                }
                bar.set_message(format!("{} {}", r.client, r.period));
                bar.inc(1);
            }
            None if args.json => eprintln!("{line}"),
            None => println!("{line}"),
        }
    };
    let results = batch::run(session, &ledger, jobs, &options, &print);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    // A manifest that cannot be written (the store is down) fails the run, not its summary.
    let manifest = batch::write_manifest(&ledger, &options.store, now)
        .map_err(|e| eprintln!("error: manifest: {}", session.redact(&e.to_string())))
        .ok();
    // Published after the manifest: the site links only reports whose files are written.
    let published = match (&site, args.publish) {
        (Some(site), true) => {
            let brands = execreport::render::Brands::default();
            let done = execreport::publish::publish(
                ws,
                &ledger,
                &options.store,
                site,
                &brands,
                chrono::Utc::now(),
            );
            match done {
                Ok(done) => {
                    for p in &done.problems {
                        eprintln!("publish: {}", session.redact(p));
                    }
                    Some(done)
                }
                Err(e) => {
                    eprintln!("error: publish: {}", session.redact(&e.to_string()));
                    None
                }
            }
        }
        _ => None,
    };
    let publish_failed = args.publish && published.as_ref().is_none_or(|p| !p.problems.is_empty());
    // The overview last: it reads what this batch recorded and wrote.
    let overview_failed = args.overview
        && execreport::overview::write(
            ws,
            &ledger,
            &options.store,
            &execreport::render::Brands::default(),
            None,
            args.period
                .unwrap_or(execreport::period::PeriodSpec::LastMonth),
            &execreport::format::Format::ALL,
            now,
        )
        .map(|done| done.iter().for_each(|(_, w)| eprintln!("{w}")))
        .map_err(|e| eprintln!("error: overview: {}", session.redact(&e.to_string())))
        .is_err();
    let count = |status: JobStatus| results.iter().filter(|r| r.status == status).count();
    let sent = |status: DeliveryStatus| {
        results
            .iter()
            .filter(|r| r.delivery.as_ref().is_some_and(|d| d.status == status))
            .count()
    };
    let undelivered = results
        .iter()
        .filter(|r| {
            r.delivery
                .as_ref()
                .is_some_and(|d| d.status.is_undelivered())
        })
        .count();
    let (failed, degraded) = (
        count(JobStatus::Failed)
            + undelivered
            + usize::from(manifest.is_none())
            + usize::from(publish_failed)
            + usize::from(overview_failed),
        results
            .iter()
            .filter(|r| r.status.is_written() && !r.unavailable.is_empty())
            .count(),
    );
    let awaiting: Vec<&JobResult> = results.iter().filter(|r| r.awaiting_approval).collect();
    // Reports kept from the client for their data: not written, or written and held.
    let lacking_data = results
        .iter()
        .filter(|r| {
            r.status.is_kept_for_data()
                || r.awaiting_approval && r.data == Some(DataStatus::Incomplete)
        })
        .count();
    let attention = sources_needing_attention(&results);
    if !attention.is_empty() {
        eprintln!("Sources needing attention:");
        for h in &attention {
            eprintln!(
                "  {} {}: {}{}{}",
                h.client,
                h.source,
                h.health,
                h.detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default(),
                h.fix
                    .as_deref()
                    .map(|f| format!(" — fix: {f}"))
                    .unwrap_or_default()
            );
        }
    }
    if args.json {
        let summary = serde_json::json!({
            "reports": results,
            "sources_needing_attention": attention,
            "rendered": count(JobStatus::Rendered),
            "unchanged": count(JobStatus::Unchanged),
            "failed": failed,
            "awaiting_approval": awaiting.len(),
            "waiting_for_data": count(JobStatus::Waiting),
            "no_data": count(JobStatus::NoData),
            "skipped": count(JobStatus::Skipped),
            "postponed": count(JobStatus::Postponed),
            "done_elsewhere": count(JobStatus::Elsewhere),
            "sent": sent(DeliveryStatus::Sent),
            "already_sent": sent(DeliveryStatus::AlreadySent),
            "not_delivered": undelivered,
            "uncertain": sent(DeliveryStatus::Uncertain),
            "manifest": manifest,
            "published": published,
            "seconds": started.elapsed().as_secs_f64(),
        });
        println!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        for r in &awaiting {
            let why = if r.data == Some(DataStatus::Incomplete) {
                "HELD, DATA INCOMPLETE"
            } else {
                "AWAITING APPROVAL"
            };
            println!(
                "{why}: {} {} — review it, then: execreport approve --client {} --period {}",
                r.client, r.period, r.client, r.period
            );
        }
        for r in results.iter().filter(|r| r.status.is_kept_for_data()) {
            let why = match r.status {
                JobStatus::NoData => "NO DATA, NOT SENT",
                JobStatus::Skipped => "SKIPPED, DATA INCOMPLETE",
                JobStatus::Postponed => "POSTPONED, PLATFORM QUOTA",
                _ => "WAITING FOR DATA",
            };
            println!(
                "{why}: {} {}: {}",
                r.client,
                r.period,
                r.waiting_for.join("; ")
            );
        }
        // One line per exhausted budget, however many reports wait for it.
        let mut holds: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in results.iter().filter(|r| r.status == JobStatus::Postponed) {
            for hold in &r.waiting_for {
                *holds.entry(hold.as_str()).or_default() += 1;
            }
        }
        for (hold, n) in holds {
            println!("QUOTA: {hold} ({n} reports postponed to a later batch)");
        }
        println!(
            "batch: {} reports — {} rendered, {} unchanged, {} failed, {} awaiting approval, {} waiting for data, {} without data, {} skipped, {} postponed for quotas ({:.1} s, {} jobs); manifest {}",
            results.len(),
            count(JobStatus::Rendered),
            count(JobStatus::Unchanged),
            failed,
            awaiting.len(),
            count(JobStatus::Waiting),
            count(JobStatus::NoData),
            count(JobStatus::Skipped),
            count(JobStatus::Postponed),
            started.elapsed().as_secs_f64(),
            options.jobs,
            manifest.as_deref().unwrap_or("not written")
        );
        if let Some(p) = &published {
            println!(
                "publish: {} clients, {} reports — {} files written, {} unchanged, {} removed",
                p.clients, p.reports, p.written, p.unchanged, p.removed
            );
        }
        if ledger.worker().is_some() {
            println!(
                "shared ledger: {} reports done by other workers",
                count(JobStatus::Elsewhere)
            );
        }
        if args.send {
            println!(
                "email: {} sent, {} already sent, {} written as .eml, {} held for approval, {} not delivered ({} uncertain)",
                sent(DeliveryStatus::Sent),
                sent(DeliveryStatus::AlreadySent),
                sent(DeliveryStatus::DryRun),
                sent(DeliveryStatus::Held),
                undelivered,
                sent(DeliveryStatus::Uncertain)
            );
        }
        if results.is_empty() && args.due {
            println!("nothing is due at {now}");
        }
    }
    Ok(super::exit_for(failed, degraded, lacking_data))
}

/// Each source whose last fetch in this run needs the agency (once, however many reports
/// fetched it), by client and source.
fn sources_needing_attention(results: &[JobResult]) -> Vec<&SourceHealth> {
    let mut found: std::collections::BTreeMap<(&str, &str), &SourceHealth> = Default::default();
    for h in results.iter().flat_map(|r| &r.sources) {
        found.insert((&h.client, &h.source), h);
    }
    found
        .into_values()
        .filter(|h| h.needs_attention())
        .collect()
}

/// The jobs of this run: due by schedule, or the period asked for.
fn plan(
    ws: &Workspace,
    ledger: &Ledger,
    store: &Store,
    args: &BatchArgs,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<Job>> {
    for id in &args.clients {
        if ws.client(id).is_none() {
            let known: Vec<_> = ws.clients().map(|c| c.config.id.to_string()).collect();
            bail!(
                "unknown client {id:?}: expected one of {}",
                known.join(", ")
            );
        }
    }
    let mut jobs = Vec::new();
    for client in ws.clients() {
        let id = client.config.id.as_str();
        if !args.clients.is_empty() && !args.clients.iter().any(|c| c == id) {
            continue;
        }
        if let Some((k, n)) = args.shard
            && !in_shard(id, k, n)
        {
            continue;
        }
        if let Some(spec) = args.period {
            let today = now.with_timezone(&client.time_zone).date_naive();
            let period = spec
                .resolve(today, client.week_start)
                .map_err(|e| anyhow::anyhow!("client {id}: {e}"))?;
            jobs.push(job_for(ws, &client, period, RunKind::Manual, None));
            continue;
        }
        let Some(s) = batch::schedule_of(ws, &client) else {
            continue;
        };
        for due in schedule::due(s, client.time_zone, client.week_start, now) {
            if !done(ledger, store, id, &due.period.key, args.send)? {
                jobs.push(job_for(ws, &client, due.period, due.run, Some(due.due_at)));
            }
        }
    }
    Ok(jobs)
}

/// Whether a due report needs nothing more: rendered with intact files and not held for
/// data that may still come (nor, with `--send`, approved but not yet sent or deferred by
/// the server), or skipped. A failed, interrupted or waiting report is due again.
fn done(ledger: &Ledger, store: &Store, client: &str, period: &str, send: bool) -> Result<bool> {
    let Some(e) = ledger.get(client, period).map_err(anyhow::Error::msg)? else {
        return Ok(false);
    };
    Ok(match e.state {
        ReportState::Skipped => true,
        ReportState::Rendered if !e.outputs.iter().all(|o| batch::intact(store, o)) => false,
        ReportState::Rendered if e.approval == ApprovalState::Awaiting => {
            e.data != Some(DataStatus::Incomplete)
        }
        ReportState::Rendered if send => {
            let deliveries = ledger
                .deliveries(client, period)
                .map_err(anyhow::Error::msg)?;
            let unsent = e.approval == ApprovalState::Approved && deliveries.is_empty();
            !unsent
                && !deliveries
                    .iter()
                    .any(|d| d.state == DeliveryState::Deferred)
        }
        ReportState::Rendered => true,
        ReportState::Rendering | ReportState::Failed | ReportState::Waiting => false,
    })
}

fn line(r: &JobResult) -> String {
    let mut line = format!("{:<9} {} {} ({} ms)", r.status, r.client, r.period, r.ms);
    if let Some(e) = &r.error {
        line.push_str(&format!(": {}", e.replace('\n', "\n  ")));
    }
    if !r.unavailable.is_empty() {
        line.push_str(&format!(
            " — data unavailable: {}",
            r.unavailable.join(", ")
        ));
    }
    if !r.waiting_for.is_empty() {
        line.push_str(&format!(" — data: {}", r.waiting_for.join("; ")));
    }
    if r.awaiting_approval {
        line.push_str(" — awaiting approval");
    }
    if let Some(from) = &r.taken_over_from {
        line.push_str(&format!(" — taken over from {from}"));
    }
    if let Some(d) = &r.delivery {
        line.push_str(&format!(
            "\n          email {}",
            d.status.as_str().replace('_', " ")
        ));
        if let Some(detail) = &d.detail {
            line.push_str(&format!(": {detail}"));
        }
    }
    line
}

/// The workspace's ledger: its SQLite file, or the PostgreSQL server of `ledger: {url: ...}`.
pub fn open_ledger(ws: &Workspace, redactor: &Redactor) -> Result<Ledger> {
    let Some(config) = &ws.file.ledger else {
        return Ledger::open(&ledger_path(ws)).map_err(anyhow::Error::msg);
    };
    let url = resolve(&config.url, &ws.root, redactor)
        .with_context(|| format!("ledger.url in {}", ws.path.display()))?;
    Ledger::connect(url.expose()).map_err(|e| anyhow::anyhow!(redactor.text(&e.to_string())))
}

pub fn ledger_path(ws: &Workspace) -> std::path::PathBuf {
    ws.root.join(".execreport").join("ledger.sqlite")
}

fn lock_path(ws: &Workspace) -> std::path::PathBuf {
    ws.root.join(".execreport").join("batch.lock")
}

/// The workspace's batch lock, or `None` when another process holds it. The operating system
/// releases it when the holder exits, however it exits.
fn lock(ws: &Workspace) -> Result<Option<std::fs::File>> {
    let path = lock_path(ws);
    std::fs::create_dir_all(path.parent().expect("has a parent"))?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}
