//! Batches: which reports to render (due by schedule, or asked for), rendering them in
//! parallel with their state in the ledger, and the manifest of what is in the output folder.
//!
//! A report is first marked `rendering`, then its files are written atomically, then it is
//! marked `rendered` with each file's SHA-256. A batch killed at any point leaves either the
//! old files or the new ones, and a ledger that sends the next batch back to what is unfinished.

pub use crate::ledger;
mod canonical;
mod handoff;
pub mod schedule;

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use handoff::Handoff;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::config::schema::{Approval, Attach, OnIncomplete, ScheduleConfig};
use crate::config::{Client, Workspace};
use crate::deliver::send::{Delivery, DeliveryStatus, Rendered, SendOptions, deliver};
use crate::deliver::smtp::Mailer;
use crate::period::{CompareKind, Period};
use crate::render::{Brands, Format, render_formats};
use crate::report::model::{DataStatus, SourceStatus};
use crate::report::{self, ReportRequest};
use crate::session::Session;
use crate::sources::live::DataMode;
use crate::sources::live::health::Health;
use crate::storage::{Store, StoreError};
use ledger::{ApprovalState, Claim, DataRecord, Ledger, OutputFile, ReportState, SourceHealth};
use schedule::RunKind;

/// One report to render.
#[derive(Debug, Clone)]
pub struct Job {
    pub client: String,
    pub period: Period,
    pub run: RunKind,
    pub formats: Vec<Format>,
    pub approval: Approval,
    /// When the schedule made it due (`--due`); a `--period` job has no time to wait from.
    pub due_at: Option<DateTime<Utc>>,
    /// Until `due_at` + this, incomplete data is waited for (the report is not rendered).
    pub wait_for_data: chrono::Duration,
    pub on_incomplete: OnIncomplete,
}

closed_set! {
    /// How a job ended. The last three are neither written nor sent.
    pub enum JobStatus ("job status") {
        Rendered = "rendered",
        /// Inputs and files as the ledger has them: nothing written.
        Unchanged = "unchanged",
        Failed = "failed",
        /// Incomplete data, waited for.
        Waiting = "waiting",
        NoData = "no_data",
        /// Incomplete data and `on_incomplete: skip`.
        Skipped = "skipped",
        /// A platform's quota is exhausted: a later batch renders it.
        Postponed = "postponed",
        /// Done during this run by another worker of the shared ledger.
        Elsewhere = "elsewhere",
    }
}

impl JobStatus {
    /// The report's files are written and current.
    pub fn is_written(self) -> bool {
        matches!(self, JobStatus::Rendered | JobStatus::Unchanged)
    }

    /// The report was kept back for its data.
    pub fn is_kept_for_data(self) -> bool {
        matches!(
            self,
            JobStatus::Waiting | JobStatus::NoData | JobStatus::Skipped | JobStatus::Postponed
        )
    }
}

/// How a job ended.
#[derive(Debug, Clone, Serialize)]
pub struct JobResult {
    pub client: String,
    pub period: String,
    pub run: RunKind,
    pub status: JobStatus,
    pub awaiting_approval: bool,
    /// Whether the report's data is complete, incomplete or missing (see `waiting_for`).
    pub data: Option<DataStatus>,
    /// What incomplete data lacks, one line per source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waiting_for: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<OutputFile>,
    /// Sources that failed while the report was still written (`required: false`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unavailable: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// With `--send`: what happened to the report's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
    /// Shared ledger: the worker that died holding this report, which this one took over.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub taken_over_from: Option<String>,
    /// Shared ledger: the worker that did this report during this run (`elsewhere`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_by: Option<String>,
    /// The health of each live source fetched (recorded in the ledger for `status`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceHealth>,
    pub ms: u64,
}

/// `--send`: the mail server (none with `--dry-run`) and the delivery options.
pub struct Sending<'a> {
    pub mailer: Option<&'a Mailer>,
    pub options: SendOptions,
}

pub struct Options<'a> {
    /// Where the reports' files go: a folder or an S3-compatible bucket.
    pub store: Store,
    pub send: Option<Sending<'a>>,
    /// The published site: with `publish.base_url`, a message of `attach: link` links to the
    /// report there, published before the message is sent.
    pub site: Option<&'a crate::publish::Site>,
    pub jobs: usize,
    pub force: bool,
    /// The clock of the reports (what "today" is, whether live data settled); the ledger
    /// records real times.
    pub now: DateTime<Utc>,
    pub data: DataMode,
}

/// The schedule that applies to a client.
pub fn schedule_of<'a>(ws: &'a Workspace, client: &Client<'a>) -> Option<&'a ScheduleConfig> {
    client
        .config
        .schedule
        .as_ref()
        .or(ws.file.schedule.as_ref())
}

/// Formats, approval and data policy of a client's batch reports.
pub fn job_for(
    ws: &Workspace,
    client: &Client,
    period: Period,
    run: RunKind,
    due_at: Option<DateTime<Utc>>,
) -> Job {
    let schedule = schedule_of(ws, client);
    Job {
        client: client.config.id.to_string(),
        period,
        run,
        formats: schedule
            .and_then(|s| s.formats.clone())
            .unwrap_or_else(|| Format::ALL.to_vec()),
        approval: schedule.map(|s| s.approval).unwrap_or_default(),
        due_at,
        wait_for_data: schedule.map(|s| s.wait_for_data.0).unwrap_or_default(),
        on_incomplete: schedule.map(|s| s.on_incomplete).unwrap_or_default(),
    }
}

/// `--shard K/N`: whether a client belongs to shard `k` (1-based) of `n`. Clients are split by
/// a hash of their id, so every machine computes the same split without talking to the others.
pub fn in_shard(client: &str, k: u32, n: u32) -> bool {
    let digest = Sha256::digest(client.as_bytes());
    let h = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
    h % u64::from(n) == u64::from(k - 1)
}

/// Renders `jobs` on `options.jobs` threads; `report` is called as each one ends.
///
/// On a shared ledger each job is claimed first (see [`ledger::Claim`]): a report another
/// worker holds is tried again later, until that worker finishes it (`elsewhere`) or its lease
/// runs out (taken over); a thread renews this worker's leases while the batch runs.
pub fn run(
    session: &Session,
    ledger: &Ledger,
    jobs: Vec<Job>,
    options: &Options,
    report: &(dyn Fn(&JobResult) + Sync),
) -> Vec<JobResult> {
    // Budgets an earlier batch found exhausted are not asked before their time.
    match ledger.quota_holds(Utc::now()) {
        Ok(holds) => {
            for hold in holds {
                session.fetcher.budgets.restore(hold.into());
            }
        }
        Err(e) => eprintln!("execreport: cannot read the quota holds: {e}"),
    }
    let started = Utc::now();
    let queue = Mutex::new(VecDeque::from_iter(jobs.into_iter().map(|j| (j, None))));
    let results = Mutex::new(Vec::new());
    let workers = options.jobs.max(1);
    let finished = AtomicBool::new(false);
    let lease = ledger
        .worker()
        .map(|w| w.lease.to_std().unwrap_or_default());
    // A report held elsewhere is asked for again this often.
    let retry = lease.map_or(Duration::ZERO, |l| (l / 4).min(Duration::from_secs(1)));
    // One set of brand kits for all workers: each brand's fonts and templates load once.
    let brands = Brands::default();
    let shared = Shared {
        session,
        ledger,
        options,
        brands: &brands,
        queue: &queue,
        results: &results,
        report,
        started,
        retry,
    };
    std::thread::scope(|scope| {
        if let Some(lease) = lease {
            let finished = &finished;
            let budgets = &session.fetcher.budgets;
            scope.spawn(move || renew_leases(ledger, budgets, lease, finished));
        }
        let threads: Vec<_> = (0..workers)
            .map(|_| scope.spawn(|| work(&shared)))
            .collect();
        for t in threads {
            // A panic is caught per job (`run_job`); one here is a bug in the loop itself.
            let _ = t.join();
        }
        finished.store(true, Ordering::Relaxed);
    });
    let mut results = results.into_inner().expect("results");
    results.sort_by(|a, b| (&a.client, &a.period).cmp(&(&b.client, &b.period)));
    results
}

/// What a batch's workers share.
struct Shared<'a> {
    session: &'a Session,
    ledger: &'a Ledger,
    options: &'a Options<'a>,
    brands: &'a Brands,
    queue: &'a Mutex<VecDeque<(Job, Option<Instant>)>>,
    results: &'a Mutex<Vec<JobResult>>,
    report: &'a (dyn Fn(&JobResult) + Sync),
    /// When this batch started (its claims say so).
    started: DateTime<Utc>,
    /// A report held elsewhere is asked for again this often.
    retry: Duration,
}

/// One worker: claims and computes reports while its finisher writes, records and sends the
/// one before (so the outputs' fsyncs do not idle a core).
fn work(s: &Shared) {
    let handoff = Handoff::default();
    std::thread::scope(|inner| {
        // However the worker's loop ends (a panic too), its finisher stops.
        let _closes = handoff.closes();
        let finisher = std::thread::Builder::new().spawn_scoped(inner, || {
            let _closes = handoff.closes();
            while let Some((stage, from)) = handoff.take() {
                s.finish(stage, from);
            }
        });
        if let Err(e) = &finisher {
            eprintln!("execreport: no finisher thread ({e}): reports are written in turn");
            handoff.close();
        }
        loop {
            let job = match next_job(s.queue) {
                Next::Job(job) => job,
                Next::Later => {
                    std::thread::sleep(Duration::from_millis(100));
                    continue;
                }
                Next::None => break,
            };
            let now = Utc::now();
            let result = match s.ledger.claim(&job.client, &job.period.key, s.started, now) {
                Ok(Claim::Held { .. }) => {
                    let again = Instant::now() + s.retry;
                    s.queue.lock().expect("queue").push_back((job, Some(again)));
                    continue;
                }
                Ok(Claim::Done { by }) => {
                    let mut result = unfinished(&job);
                    result.status = JobStatus::Elsewhere;
                    result.done_by = Some(by);
                    result
                }
                Ok(Claim::Taken { from }) => {
                    let stage = run_job(s.session, s.ledger, s.brands, job, s.options);
                    if let Err((stage, from)) = handoff.give((stage, from)) {
                        s.finish(stage, from);
                    }
                    continue;
                }
                Err(e) => {
                    let mut result = unfinished(&job);
                    result.error = Some(e.to_string());
                    result
                }
            };
            s.done(result);
        }
        handoff.close();
        if let Ok(finisher) = finisher {
            // A panic is caught per job; one here is a bug in the finisher.
            let _ = finisher.join();
        }
    });
}

impl Shared<'_> {
    /// Finishes a computed report (see [`Stage::finish`]) and releases its claim.
    fn finish(&self, stage: Stage, taken_from: Option<String>) {
        let mut result = stage.finish(self.session, self.ledger, self.options);
        result.taken_over_from = taken_from;
        if let Err(e) = self
            .ledger
            .release(&result.client, &result.period, Utc::now())
        {
            // The claim runs out by itself; another worker then finds the report done.
            eprintln!("execreport: {e}");
        }
        self.done(result);
    }

    fn done(&self, result: JobResult) {
        (self.report)(&result);
        self.results.lock().expect("results").push(result);
    }
}

enum Next {
    Job(Job),
    /// Only reports held by other workers are left: ask again soon.
    Later,
    None,
}

/// The first job that may be claimed now.
fn next_job(queue: &Mutex<VecDeque<(Job, Option<Instant>)>>) -> Next {
    let mut queue = queue.lock().expect("queue");
    if queue.is_empty() {
        return Next::None;
    }
    let now = Instant::now();
    match queue
        .iter()
        .position(|(_, at)| at.is_none_or(|at| at <= now))
    {
        Some(i) => Next::Job(queue.remove(i).expect("in range").0),
        None => Next::Later,
    }
}

/// Renews this worker's leases every third of a lease until the batch is finished, and takes
/// in the quota holds other workers recorded meanwhile (a budget another machine found
/// exhausted is not asked by this one either).
fn renew_leases(
    ledger: &Ledger,
    budgets: &crate::sources::live::quota::Budgets,
    lease: Duration,
    finished: &AtomicBool,
) {
    let every = (lease / 3).max(Duration::from_millis(100));
    let mut last = Instant::now();
    while !finished.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(50));
        if last.elapsed() >= every {
            last = Instant::now();
            if let Err(e) = ledger.renew(Utc::now()) {
                // Leases that run out are taken over, and this worker's writes then fail
                // (fenced): a lost connection costs time, never a double send.
                eprintln!("execreport: cannot renew leases: {e}");
            }
            match ledger.quota_holds(Utc::now()) {
                Ok(holds) => holds.into_iter().for_each(|h| budgets.restore(h.into())),
                Err(e) => eprintln!("execreport: cannot read the quota holds: {e}"),
            }
        }
    }
}

/// Computes one job: its model and, when it is to be written, its files. A panic in it (a
/// bug: no input should cause one) fails that report only, with the panic's message in the
/// ledger, and the batch goes on with the others.
fn run_job<'a>(
    session: &'a Session,
    ledger: &Ledger,
    brands: &Brands,
    job: Job,
    options: &Options,
) -> Stage<'a> {
    let started = Instant::now();
    let mut result = unfinished(&job);
    let render = std::panic::AssertUnwindSafe(|| {
        render_job(session, ledger, brands, &job, options, &mut result)
    });
    let outcome = std::panic::catch_unwind(render).unwrap_or_else(|panic| {
        // The result may be half-filled; a kit is only kept once fully loaded.
        result = unfinished(&job);
        Err(internal_error(panic.as_ref()))
    });
    Stage {
        job,
        result,
        computed: started.elapsed(),
        outcome,
    }
}

fn internal_error(panic: &(dyn std::any::Any + Send)) -> String {
    format!(
        "internal error (please report it): {}",
        crate::panic_message(panic)
    )
}

/// A job computed: finished, or its files rendered and still to be written.
struct Stage<'a> {
    job: Job,
    result: JobResult,
    /// How long computing it took (the finisher adds its own time, not the wait for it).
    computed: Duration,
    outcome: Result<Step<'a>, String>,
}

enum Step<'a> {
    Done(JobStatus),
    Write(Box<Unwritten<'a>>),
}

impl Stage<'_> {
    /// Writes the files (if any), records how the job ended and sends its message.
    fn finish(self, session: &Session, ledger: &Ledger, options: &Options) -> JobResult {
        let started = Instant::now();
        let Stage {
            job,
            mut result,
            computed,
            outcome,
        } = self;
        let outcome = match outcome {
            Ok(Step::Done(status)) => Ok(status),
            Ok(Step::Write(unwritten)) => {
                let write = std::panic::AssertUnwindSafe(|| {
                    unwritten.write(session, ledger, &job, options, &mut result)
                });
                std::panic::catch_unwind(write).unwrap_or_else(|panic| {
                    // The sources' health stands; what was written is not known.
                    let sources = std::mem::take(&mut result.sources);
                    result = unfinished(&job);
                    result.sources = sources;
                    Err(internal_error(panic.as_ref()))
                })
            }
            Err(e) => Err(e),
        };
        if !result.sources.is_empty()
            && let Err(e) = ledger.record_source_health(&result.sources, Utc::now())
        {
            eprintln!("execreport: cannot record the sources' health: {e}");
        }
        match outcome {
            Ok(status) => result.status = status,
            Err(e) => {
                let e = session.redact(&e);
                // The failure is recorded; a ledger error here leaves the report `rendering`,
                // which the next batch redoes.
                let _ = ledger.failed(&job.client, &job.period.key, job.run, &e, Utc::now());
                result.error = Some(e);
            }
        }
        result.ms = (computed + started.elapsed()).as_millis() as u64;
        result
    }
}

/// A job's result before it has run: failed, with nothing written.
fn unfinished(job: &Job) -> JobResult {
    JobResult {
        client: job.client.clone(),
        period: job.period.key.clone(),
        run: job.run,
        status: JobStatus::Failed,
        awaiting_approval: false,
        data: None,
        waiting_for: Vec::new(),
        outputs: Vec::new(),
        unavailable: Vec::new(),
        error: None,
        delivery: None,
        taken_over_from: None,
        done_by: None,
        sources: Vec::new(),
        ms: 0,
    }
}

fn render_job<'a>(
    session: &'a Session,
    ledger: &Ledger,
    brands: &Brands,
    job: &Job,
    options: &Options,
    result: &mut JobResult,
) -> Result<Step<'a>, String> {
    let ws = &session.workspace;
    let client = ws
        .client(&job.client)
        .ok_or_else(|| format!("unknown client {}", job.client))?;
    // Debug builds only: a panic on demand, for the test of the isolation above.
    #[cfg(debug_assertions)]
    if std::env::var("EXECREPORT_TEST_PANIC").is_ok_and(|c| c == job.client) {
        panic!("EXECREPORT_TEST_PANIC for client {}", job.client);
    }
    let kit = brands
        .get(ws, client.brand)
        .map_err(|e| format!("brand {:?}: {e}", client.brand))?;
    let request = ReportRequest {
        period: job
            .period
            .key
            .parse()
            .or_else(|_| format!("{}..{}", job.period.start, job.period.end).parse())
            .map_err(|e| format!("period: {e}"))?,
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: Some(options.now),
        data: options.data,
    };
    let checked = |source: &str, health: Health, detail: String| {
        source_health(
            ws,
            &job.client,
            source,
            health,
            Some(detail),
            &job.period.key,
        )
    };
    let model = match report::build(ws, &session.fetcher, &client, &kit.brand, &request) {
        Ok(model) => model,
        Err(report::ReportError::Postponed {
            hold, source_id, ..
        }) => {
            result.sources = vec![checked(&source_id, Health::Quota, hold.to_string())];
            return postpone(ledger, job, &hold, result).map(Step::Done);
        }
        Err(report::ReportError::Source {
            source_id, error, ..
        }) if is_live(ws, &job.client, &source_id) => {
            let detail = session.redact(&error.summary());
            result.sources = vec![checked(&source_id, Health::of_error(&error), detail)];
            return Err(report::ReportError::Source {
                client: job.client.clone(),
                source_id,
                error,
            }
            .to_string());
        }
        Err(e) => return Err(e.to_string()),
    };
    result.sources = model
        .data_quality
        .sources
        .iter()
        .filter_map(|s| {
            let health = s.health?;
            let detail = match health {
                Health::Ok => None,
                Health::Late => Some(match s.data_through {
                    Some(day) => format!("data through {day}"),
                    None => "no data yet".to_string(),
                }),
                _ => s
                    .error
                    .as_ref()
                    .map(|e| e.lines().next().unwrap_or_default().to_string()),
            };
            Some(source_health(
                ws,
                &job.client,
                &s.id,
                health,
                detail,
                &job.period.key,
            ))
        })
        .collect();
    let quality = &model.data_quality;
    result.unavailable = quality
        .sources
        .iter()
        .filter(|s| s.status == SourceStatus::Failed)
        .map(|s| {
            let error = s.error.as_deref().unwrap_or_default();
            format!("{} ({})", s.id, error.lines().next().unwrap_or_default())
        })
        .collect();
    result.data = Some(quality.status);
    result.waiting_for = quality.waiting_for.clone();
    let key = &job.period.key;
    let detail = quality.waiting_for.join("\n");
    let data = DataRecord {
        state: quality.status,
        detail: (!detail.is_empty()).then_some(detail.as_str()),
    };
    // The gate: a report without data is never written as if it were one; incomplete data
    // is waited for, then held, sent or skipped as the schedule says.
    let waiting = job
        .due_at
        .is_some_and(|at| options.now < at + job.wait_for_data);
    let not_rendered = match quality.status {
        DataStatus::Complete => None,
        DataStatus::NoData => Some(JobStatus::NoData),
        DataStatus::Incomplete if waiting => Some(JobStatus::Waiting),
        DataStatus::Incomplete if job.on_incomplete == OnIncomplete::Skip => {
            Some(JobStatus::Skipped)
        }
        DataStatus::Incomplete => None,
    };
    if let Some(status) = not_rendered {
        let state = if status == JobStatus::Skipped {
            ReportState::Skipped
        } else {
            ReportState::Waiting
        };
        ledger
            .not_rendered(&job.client, key, job.run, state, data, Utc::now())
            .map_err(|e| e.to_string())?;
        return Ok(Step::Done(status));
    }
    let held = quality.status == DataStatus::Incomplete && job.on_incomplete == OnIncomplete::Hold;
    let input_hash = input_hash(&kit, &model, &job.formats)?;
    let previous = ledger.get(&job.client, key).map_err(|e| e.to_string())?;
    if !options.force
        && let Some(done) = &previous
        && done.state == ReportState::Rendered
        && done.input_hash.as_deref() == Some(input_hash.as_str())
        && done.outputs.iter().all(|o| intact(&options.store, o))
    {
        result.outputs = done.outputs.clone();
        result.awaiting_approval = done.approval == ApprovalState::Awaiting;
        send(session, ledger, &client, &model, &kit, options, result);
        return Ok(Step::Done(JobStatus::Unchanged));
    }
    ledger
        .start(&job.client, key, job.run, Utc::now())
        .map_err(|e| e.to_string())?;
    let rendered =
        render_formats(&model, &kit, ws, &job.formats).map_err(|e| crate::error_chain(&e))?;
    let status = quality.status;
    Ok(Step::Write(Box::new(Unwritten {
        client,
        // Kept only for the message: a batch that does not send holds one report less.
        model: options.send.is_some().then_some(model),
        kit,
        rendered,
        input_hash,
        approval: job.approval == Approval::Required || held,
        data: status,
        detail,
    })))
}

/// A report rendered but not yet written: its files, and what recording and sending it need.
struct Unwritten<'a> {
    client: Client<'a>,
    /// With `--send`: what the message is made from.
    model: Option<crate::report::model::Report>,
    kit: std::sync::Arc<crate::render::BrandKit>,
    rendered: Vec<(Format, Vec<u8>)>,
    input_hash: String,
    /// Whether it waits for approval (asked for, or held for its data).
    approval: bool,
    data: DataStatus,
    detail: String,
}

impl Unwritten<'_> {
    /// Writes the files atomically, marks the report `rendered` and sends it (with `--send`).
    fn write(
        self,
        session: &Session,
        ledger: &Ledger,
        job: &Job,
        options: &Options,
        result: &mut JobResult,
    ) -> Result<JobStatus, String> {
        let key = &job.period.key;
        let store = &options.store;
        store
            .clean(&job.client, key)
            .map_err(|e| format!("cannot clean the report's folder: {e}"))?;
        let mut outputs = Vec::new();
        for (format, bytes) in &self.rendered {
            outputs.push(OutputFile {
                path: store
                    .report_location(&job.client, key, format.file_name())
                    .map_err(|e| e.to_string())?,
                sha256: hex(&Sha256::digest(bytes)),
                bytes: bytes.len() as u64,
            });
        }
        let files: Vec<(&str, &[u8])> = outputs
            .iter()
            .zip(&self.rendered)
            .map(|(output, (_, bytes))| (output.path.as_str(), bytes.as_slice()))
            .collect();
        store.put_all(&files).map_err(|e| e.to_string())?;
        let data = DataRecord {
            state: self.data,
            detail: (!self.detail.is_empty()).then_some(self.detail.as_str()),
        };
        ledger
            .rendered(
                &job.client,
                key,
                &self.input_hash,
                &outputs,
                self.approval,
                data,
                Utc::now(),
            )
            .map_err(|e| e.to_string())?;
        result.awaiting_approval = ledger
            .get(&job.client, key)
            .map_err(|e| e.to_string())?
            .is_some_and(|e| e.approval == ApprovalState::Awaiting);
        result.outputs = outputs;
        if let Some(model) = &self.model {
            send(
                session,
                ledger,
                &self.client,
                model,
                &self.kit,
                options,
                result,
            );
        }
        Ok(JobStatus::Rendered)
    }
}

/// Whether a client's source (`location/source` for a group's) is a live one.
fn is_live(ws: &Workspace, client: &str, source: &str) -> bool {
    source_config(ws, client, source).is_some_and(|(_, s)| s.kind.is_live())
}

/// The client and source config a report's source id names: a group's sources are named
/// `location/source` and belong to the location.
fn source_config<'a>(
    ws: &'a Workspace,
    client: &str,
    source: &str,
) -> Option<(String, &'a crate::config::schema::SourceConfig)> {
    let (owner, id) = source.split_once('/').unwrap_or((client, source));
    let config = ws.client(owner)?.config;
    let found = config.sources.iter().find(|s| s.id.as_str() == id)?;
    Some((owner.to_string(), found))
}

/// A source's health as the ledger records it: under the client that owns the source, with
/// the command that fixes it.
fn source_health(
    ws: &Workspace,
    client: &str,
    source: &str,
    health: Health,
    detail: Option<String>,
    period: &str,
) -> SourceHealth {
    let (owner, id, kind, platform) = match source_config(ws, client, source) {
        Some((owner, s)) => (
            owner,
            s.id.to_string(),
            Some(s.kind),
            s.platform().map(|p| p.name),
        ),
        None => (client.to_string(), source.to_string(), None, None),
    };
    SourceHealth {
        fix: kind.and_then(|k| health.fix(k, &owner, &id)),
        client: owner,
        source: id,
        platform,
        health,
        detail: detail.filter(|_| health != Health::Ok),
        period: period.to_string(),
        checked_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    }
}

/// A report whose platform quota is exhausted: not rendered, not sent, due again in the next
/// batch; the hold is kept in the ledger so that no batch asks the platform before its time.
fn postpone(
    ledger: &Ledger,
    job: &Job,
    hold: &crate::sources::live::quota::Hold,
    result: &mut JobResult,
) -> Result<JobStatus, String> {
    let text = hold.to_string();
    let now = Utc::now();
    ledger
        .hold_quota(&hold.into(), now)
        .map_err(|e| e.to_string())?;
    let data = DataRecord {
        state: DataStatus::Incomplete,
        detail: Some(&text),
    };
    ledger
        .not_rendered(
            &job.client,
            &job.period.key,
            job.run,
            ReportState::Waiting,
            data,
            now,
        )
        .map_err(|e| e.to_string())?;
    result.data = Some(DataStatus::Incomplete);
    result.waiting_for = vec![text];
    Ok(JobStatus::Postponed)
}

/// With `--send`, delivers the report's message (or writes it, with `--dry-run`).
fn send(
    session: &Session,
    ledger: &Ledger,
    client: &Client,
    model: &crate::report::model::Report,
    kit: &crate::render::BrandKit,
    options: &Options,
    result: &mut JobResult,
) {
    let Some(send) = &options.send else {
        return;
    };
    // The files were written to reach the disk later; what is sent is on it before the
    // message is recorded as going, so a power cut cannot lose the copy of what was sent.
    let files: Vec<&str> = result.outputs.iter().map(|o| o.path.as_str()).collect();
    if let Err(e) = options.store.sync(&files) {
        result.delivery = Some(Delivery::new(
            DeliveryStatus::Failed,
            session.redact(&e.to_string()),
        ));
        return;
    }
    let view = crate::render::view_of(model, &kit.brand, &session.workspace);
    // Never a message linking to a page that is not there: a report held for approval is
    // neither published nor sent, and the others are published first.
    let links_to_site = client.config.email.attach == Attach::Link
        && client.config.email.link.is_none()
        && !result.awaiting_approval;
    let published = links_to_site.then(|| match options.site {
        Some(site) => crate::publish::publish_report(
            ledger,
            &options.store,
            site,
            client,
            kit,
            &model.period.key,
            Utc::now(),
        ),
        None => Err("no published site is configured (publish.base_url)".to_string()),
    });
    let rendered = Rendered {
        client,
        model,
        view: &view,
        kit,
        outputs: &result.outputs,
        awaiting_approval: result.awaiting_approval,
        published,
    };
    let mut delivery = deliver(ledger, send.mailer, &rendered, send.options);
    delivery.detail = delivery.detail.map(|d| session.redact(&d));
    result.delivery = Some(delivery);
}

/// Whether a recorded output is in its store (on disk or in the bucket) with the recorded
/// content. A store that cannot be read counts as damaged: the report is rendered again.
pub fn intact(store: &Store, o: &OutputFile) -> bool {
    store
        .get(&o.path)
        .is_ok_and(|b| b.is_some_and(|b| o.holds(&b)))
}

/// Everything a report's files are made from: the report model (data, commentary, period,
/// locale), the brand folder, the formats and this program's version.
fn input_hash(
    kit: &crate::render::BrandKit,
    model: &crate::report::model::Report,
    formats: &[Format],
) -> Result<String, String> {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    // The ledger keeps these hashes (and a report's approval holds while its hash does), so
    // the bytes hashed stay what they were: the model as a JSON value, keys sorted. Whether a
    // snapshot came from the cache this time does not change the report.
    let json =
        canonical::to_vec(model, &[("FetchInfo", "from_cache")]).map_err(|e| e.to_string())?;
    h.update(&json);
    h.update(format!("{formats:?}"));
    h.update(kit.folder_digest().map_err(|e| e.to_string())?);
    Ok(hex(&h.finalize()))
}

pub use crate::files::hex;

/// Why the manifest could not be written; the cause stays its `source()`.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error(transparent)]
    Ledger(#[from] ledger::LedgerError),
    #[error("manifest: {0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Write(#[from] StoreError),
}

/// `<store>/manifest.json`: every rendered report whose files are in the store, from the
/// ledger. Written after the reports, so a reader of the manifest finds every file it lists.
pub fn write_manifest(
    ledger: &Ledger,
    store: &Store,
    now: DateTime<Utc>,
) -> Result<String, ManifestError> {
    #[derive(Serialize)]
    struct Manifest<'a> {
        generated_at: String,
        reports: Vec<&'a ledger::Entry>,
    }
    let entries = ledger.all()?;
    let out_str = store.root();
    let reports = entries
        .iter()
        .filter(|e| {
            e.state == ReportState::Rendered
                && e.outputs
                    .iter()
                    .all(|o| o.path.starts_with(&format!("{out_str}/")))
        })
        .collect();
    let manifest = Manifest {
        generated_at: now.to_rfc3339(),
        reports,
    };
    let path = format!("{out_str}/manifest.json");
    let bytes = serde_json::to_vec_pretty(&manifest)?;
    store.put(&path, &bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_clients_without_overlap() {
        let clients: Vec<String> = (0..300).map(|i| format!("client-{i}")).collect();
        let mut seen = 0;
        for k in 1..=3 {
            let n = clients.iter().filter(|c| in_shard(c, k, 3)).count();
            assert!((70..=130).contains(&n), "shard {k}: {n}");
            seen += n;
        }
        assert_eq!(seen, 300);
        assert!(clients.iter().all(|c| in_shard(c, 1, 1)));
    }

    /// A report of `period` against the previous one, made on 5 November 2026.
    fn sample_request(period: &str) -> ReportRequest {
        ReportRequest {
            period: period.parse().unwrap(),
            compare: CompareKind::Previous,
            today: None,
            locale: None,
            now: Some("2026-11-05T06:00:00Z".parse().unwrap()),
            data: Default::default(),
        }
    }

    #[test]
    fn the_input_hash_follows_the_data_not_where_a_snapshot_came_from_and_keeps_its_bytes() {
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let session = Session::new(Workspace::load(&samples.join("execreport.yaml")).unwrap());
        let ws = &session.workspace;
        let client = ws.client("brightside-dental").unwrap();
        let kit = Brands::default().get(ws, client.brand).unwrap();
        let request = sample_request("2026-10");
        let mut model = report::build(ws, &session.fetcher, &client, &kit.brand, &request).unwrap();
        let snapshot = crate::sources::live::FetchInfo {
            start: model.period.start,
            end: model.period.end,
            fetched_at: "2026-11-01T00:00:00Z".parse().unwrap(),
            from_cache: false,
            snapshot: ".execreport/cache/x.json".into(),
        };
        model.data_quality.sources[0].fetched = vec![snapshot.clone(), snapshot];
        let formats = [Format::Pdf];
        let fetched = input_hash(&kit, &model, &formats).unwrap();
        model.data_quality.sources[0].fetched[1].from_cache = true;
        assert_eq!(input_hash(&kit, &model, &formats).unwrap(), fetched);
        // The bytes hashed are those earlier versions hashed (the ledger keeps the hashes, and
        // an approval holds while the hash does): the JSON value printed, keys sorted, without
        // `from_cache`.
        let mut json = serde_json::to_value(&model).unwrap();
        for f in json["data_quality"]["sources"][0]["fetched"]
            .as_array_mut()
            .unwrap()
        {
            f.as_object_mut().unwrap().remove("from_cache");
        }
        let mut earlier = Sha256::new();
        earlier.update(env!("CARGO_PKG_VERSION"));
        earlier.update(json.to_string());
        earlier.update(format!("{formats:?}"));
        earlier.update(kit.folder_digest().unwrap());
        assert_eq!(hex(&earlier.finalize()), fetched);
        model.data_quality.sources[0].fetched[1].end -= chrono::Duration::days(1);
        assert_ne!(input_hash(&kit, &model, &formats).unwrap(), fetched);
        assert_ne!(input_hash(&kit, &model, &[Format::Html]).unwrap(), fetched);
    }

    /// Every sample report's model, month, week and quarter, gives the bytes hashed before
    /// (the model as a `serde_json::Value` printed, without `from_cache`).
    #[test]
    fn every_sample_model_hashes_the_bytes_of_its_json_value() {
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        for file in ["execreport.yaml", "franchise.yaml"] {
            let session = Session::new(Workspace::load(&samples.join(file)).unwrap());
            let ws = &session.workspace;
            for client in ws.clients() {
                let kit = Brands::default().get(ws, client.brand).unwrap();
                for period in ["2026-10", "2026-W43", "2026-Q3"] {
                    let request = sample_request(period);
                    let model =
                        report::build(ws, &session.fetcher, &client, &kit.brand, &request).unwrap();
                    let mut json = serde_json::to_value(&model).unwrap();
                    for s in json["data_quality"]["sources"].as_array_mut().unwrap() {
                        let fetched = s.get_mut("fetched").and_then(|f| f.as_array_mut());
                        for f in fetched.into_iter().flatten() {
                            f.as_object_mut().unwrap().remove("from_cache");
                        }
                    }
                    let got = canonical::to_vec(&model, &[("FetchInfo", "from_cache")]).unwrap();
                    let want = json.to_string().into_bytes();
                    // Where they part, for the message.
                    let at = got.iter().zip(&want).take_while(|(a, b)| a == b).count();
                    let near = |b: &[u8]| {
                        String::from_utf8_lossy(&b[at.saturating_sub(80)..(at + 40).min(b.len())])
                            .into_owned()
                    };
                    assert!(
                        got == want,
                        "{} {period}: the hashed bytes changed:\n{}\nwas\n{}",
                        client.config.id.as_str(),
                        near(&got),
                        near(&want)
                    );
                }
            }
        }
    }
}
