//! `execreport status`: per client, what its schedule has made due, what the ledger says of it,
//! and when each run comes next.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::cli::StatusArgs;
use execreport::batch::schedule::RunKind;
use execreport::batch::{intact, schedule, schedule_of};
use execreport::closed_set;
use execreport::config::Workspace;
use execreport::ledger::{ApprovalState, DeliveryState, Holder, ReportState};
use execreport::model::DataStatus;

closed_set! {
    /// A report as `status` shows it: the ledger's state, or what the files and the schedule
    /// say of it.
    enum RowState ("report state") {
        /// The schedule made it due and no batch has taken it up.
        Due = "due",
        Rendered = "rendered",
        Failed = "failed",
        /// A batch died while rendering it.
        Interrupted = "interrupted",
        /// A worker of the shared ledger holds it now (see `worker`).
        Working = "working",
        /// A file no longer matches the ledger.
        Damaged = "damaged",
        /// For data: incomplete or none.
        Waiting = "waiting",
        /// Incomplete data, `on_incomplete: skip`.
        Skipped = "skipped",
    }
}

#[derive(Serialize)]
struct Row {
    client: String,
    period: String,
    run: RunKind,
    state: RowState,
    approval: ApprovalState,
    rendered_at: Option<String>,
    error: Option<String>,
    /// The data as of the last batch.
    data: Option<DataStatus>,
    /// What the data lacks, one line per source ("web: data through 2026-10-28, needs 2026-10-31").
    waiting_for: Vec<String>,
    /// Who was sent the report, when, and what the server answered.
    deliveries: Vec<execreport::batch::ledger::Delivery>,
    /// Shared ledger: the worker that holds the report, since when, until when.
    #[serde(skip_serializing_if = "Option::is_none")]
    worker: Option<Holder>,
}

pub fn run(ws: &Workspace, args: &StatusArgs) -> Result<ExitCode> {
    let now = args.now.unwrap_or_else(chrono::Utc::now);
    let ledger = super::batch::open_ledger(ws, &Default::default())?;
    let entries = ledger.all().map_err(anyhow::Error::msg)?;
    let redactor = execreport::sources::live::secrets::Redactor::default();
    let store = execreport::storage::Store::open(
        &ws.file.output,
        &ws.root,
        ws.file.storage.as_ref(),
        &redactor,
    )
    .map_err(|e| anyhow::anyhow!(redactor.text(&e.to_string())))?;
    let holders = ledger.holders().map_err(anyhow::Error::msg)?;
    let holder = |client: &str, period: &str| {
        holders
            .iter()
            .find(|h| h.client == client && h.period == period)
            .cloned()
    };
    let stamp = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let mut rows = Vec::new();
    let mut next = Vec::new();
    for client in ws.clients() {
        let id = client.config.id.to_string();
        let Some(s) = schedule_of(ws, &client) else {
            continue;
        };
        for due in schedule::due(s, client.time_zone, client.week_start, now) {
            if !entries
                .iter()
                .any(|e| e.client == id && e.period == due.period.key)
            {
                rows.push(Row {
                    client: id.clone(),
                    period: due.period.key.clone(),
                    run: due.run,
                    state: RowState::Due,
                    approval: ApprovalState::None,
                    rendered_at: None,
                    error: None,
                    data: None,
                    waiting_for: Vec::new(),
                    deliveries: Vec::new(),
                    worker: holder(&id, &due.period.key),
                });
            }
        }
        for (run, at) in schedule::next_runs(s, client.time_zone, now) {
            next.push(serde_json::json!({"client": id, "run": run, "at": at.to_rfc3339()}));
        }
    }
    for e in &entries {
        let worker = holder(&e.client, &e.period);
        let live = worker.as_ref().is_some_and(|h| h.lease_until > stamp);
        let state = match e.state {
            ReportState::Rendering if live => RowState::Working,
            ReportState::Rendering => RowState::Interrupted,
            ReportState::Rendered if !e.outputs.iter().all(|o| intact(&store, o)) => {
                RowState::Damaged
            }
            ReportState::Rendered => RowState::Rendered,
            ReportState::Failed => RowState::Failed,
            ReportState::Waiting => RowState::Waiting,
            ReportState::Skipped => RowState::Skipped,
        };
        rows.push(Row {
            client: e.client.clone(),
            period: e.period.clone(),
            run: e.run,
            state,
            approval: e.approval,
            rendered_at: e.rendered_at.clone(),
            error: e.error.clone(),
            data: e.data,
            waiting_for: e
                .data_detail
                .iter()
                .flat_map(|d| d.lines())
                .map(str::to_string)
                .collect(),
            deliveries: ledger
                .deliveries(&e.client, &e.period)
                .map_err(anyhow::Error::msg)?,
            worker,
        });
    }
    rows.sort_by(|a, b| (&a.client, &a.period).cmp(&(&b.client, &b.period)));
    let holds = ledger
        .quota_holds(chrono::Utc::now())
        .map_err(anyhow::Error::msg)?;
    // Sources as the last batch found them; those since removed from the config are gone.
    let sources: Vec<_> = ledger
        .source_health()
        .map_err(anyhow::Error::msg)?
        .into_iter()
        .filter(|h| {
            ws.client(&h.client)
                .is_some_and(|c| c.config.sources.iter().any(|s| s.id.as_str() == h.source))
        })
        .collect();
    if args.json {
        let out = serde_json::json!({"now": now.to_rfc3339(), "reports": rows, "next": next, "quota_holds": holds, "sources": sources});
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<24} {:<24} {:<8} {:<12} {:<9} rendered",
        "client", "period", "run", "state", "approval"
    );
    for r in &rows {
        println!(
            "{:<24} {:<24} {:<8} {:<12} {:<9} {}{}",
            r.client,
            r.period,
            r.run,
            r.state,
            r.approval,
            r.rendered_at.as_deref().unwrap_or("-"),
            r.error
                .as_deref()
                .map(|e| format!("\n    {}", e.lines().next().unwrap_or_default()))
                .unwrap_or_default()
        );
        if let Some(h) = &r.worker {
            let lease = if h.lease_until > stamp {
                "lease until"
            } else {
                "LEASE ENDED, to be taken over, at"
            };
            println!(
                "    held by worker {} since {} ({lease} {})",
                h.worker, h.since, h.lease_until
            );
        }
        if !r.waiting_for.is_empty() {
            let what = match r.data {
                Some(DataStatus::NoData) => "no data",
                _ => "data incomplete",
            };
            println!("    {what}: {}", r.waiting_for.join("; "));
        }
    }
    for h in holds {
        let hold = execreport::sources::live::quota::Hold::from(h);
        println!("quota: {hold}");
    }
    for r in &rows {
        for d in &r.deliveries {
            let state = if d.state == DeliveryState::Sending {
                "UNCERTAIN (interrupted before the answer was recorded)"
            } else {
                d.state.as_str()
            };
            println!(
                "email {} {} → {}: {state} at {}{}",
                r.client,
                r.period,
                d.recipient,
                d.updated_at,
                d.reply
                    .as_deref()
                    .map(|x| format!(" ({x})"))
                    .unwrap_or_default()
            );
        }
    }
    for n in &next {
        println!(
            "next: {} {} at {}",
            n["client"].as_str().unwrap_or_default(),
            n["run"].as_str().unwrap_or_default(),
            n["at"].as_str().unwrap_or_default()
        );
    }
    let attention: Vec<_> = sources.iter().filter(|h| h.needs_attention()).collect();
    if !attention.is_empty() {
        println!("Sources needing attention (as the last batch found them):");
        for h in attention {
            println!(
                "  {} {}: {} ({}, {}){}",
                h.client,
                h.source,
                h.health,
                h.detail.as_deref().unwrap_or("-"),
                h.checked_at,
                h.fix
                    .as_deref()
                    .map(|f| format!("\n    fix: {f}"))
                    .unwrap_or_default()
            );
        }
    }
    let awaiting = rows
        .iter()
        .filter(|r| r.approval == ApprovalState::Awaiting)
        .count();
    if awaiting > 0 {
        println!("{awaiting} reports await approval (execreport approve --client C --period P)");
    }
    Ok(ExitCode::SUCCESS)
}
