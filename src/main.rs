//! The `execreport` command: clap, progress bars and one thin file per command (`cli.rs`,
//! `cmd/`); everything else is the library.

mod cli;
mod cmd;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use clap::Parser;

use execreport::config::Workspace;
use execreport::session::Session;

/// mimalloc instead of the system allocator: hundreds of small allocations per page (shaping,
/// layout). Off in a `--no-default-features` build, for heap profilers.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_transparent_huge_pages();
    let cli = Cli::parse();
    // The preview server writes to sockets and must outlive a closed connection.
    if !matches!(cli.command, Command::Preview(_)) {
        quiet_on_closed_stdout();
    }
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            if e.downcast_ref::<cmd::BadConfiguration>().is_some() {
                ExitCode::from(cmd::EXIT_CONFIG)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    // A new workspace: there is none to locate yet.
    if let Command::Init(args) = &cli.command {
        return cmd::init::run(args);
    }
    let cwd = std::env::current_dir()?;
    // A scheduled batch with a workspace that does not load must not be retried.
    let configuration = |e: anyhow::Error| match &cli.command {
        Command::Batch(_) | Command::Send(_) => e.context(cmd::BadConfiguration),
        _ => e,
    };
    let path =
        Workspace::locate(cli.config.as_deref(), &cwd).map_err(|e| configuration(e.into()))?;
    let session = match &cli.command {
        // The preview keeps serving while the workspace has errors: it loads it itself.
        Command::Preview(args) => return cmd::preview::run(&path, args),
        _ => Session::new(Workspace::load(&path).map_err(|e| configuration(e.into()))?),
    };
    cmd::share_cache(&session)?;
    let ws = &session.workspace;
    Ok(match &cli.command {
        Command::Render(args) => cmd::render::run(&session, args)?,
        Command::Batch(args) => cmd::batch::run(&session, args)?,
        Command::Send(args) => cmd::batch::run(
            &session,
            &cli::BatchArgs {
                send: true,
                ..args.clone()
            },
        )?,
        Command::Status(args) => cmd::status::run(ws, args)?,
        Command::Approve(args) => cmd::approve::run(ws, args)?,
        Command::Check => cmd::check::run(&session),
        Command::Connect(args) => cmd::connect::run(&session, args)?,
        Command::Sources(cli::SourcesCommand::Test(args)) => cmd::sources::test(&session, args)?,
        Command::Publish(args) => cmd::publish::run(&session, args)?,
        Command::Overview(args) => cmd::overview::run(&session, args)?,
        Command::Preview(_) | Command::Init(_) => unreachable!("handled above"),
    })
}

/// mimalloc asks the kernel for transparent huge pages on its arenas, and a batch fills many
/// 2 MiB pages only in part: a 1,000-client batch peaked at 135 MB with them, 101 MB without,
/// at the same speed (docs/benchmarks.md). Off for this process, before it allocates much.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and only sets a flag of this
    // process; its result is not needed (an old kernel leaves huge pages on).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Rust ignores SIGPIPE, so a write to a closed pipe (`execreport status | head -1`) fails and
/// `println!` panics. With the signal's default action the process ends quietly instead, as
/// ripgrep and typst do. Sockets are written with MSG_NOSIGNAL by the standard library, so
/// SMTP and HTTP connections still see an error rather than the signal.
fn quiet_on_closed_stdout() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread is started; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
